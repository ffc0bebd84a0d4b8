"""The summary of an analysis (or of one node of it), and `render_summary` for every text format.

The summary reads the analysis; it never looks at the article's wording beyond quoting the
passages the analysis points to.
"""

from __future__ import annotations

from pathlib import PurePath

from multivector.model.analysis import TIER_ORDER, Analysis, Partner, Span
from multivector.model.errors import InputError
from multivector.model.nodes import BUDGET_NODE, node_passages
from multivector.summary.budget import budget_headline, budget_order, budget_row
from multivector.summary.chart import budget_layout
from multivector.summary.evidence import QuotedPassages, partner_entry
from multivector.summary.excerpts import clip, paragraph_of
from multivector.summary.matrix import partner_area_matrix
from multivector.summary.model import (
    MatrixArea,
    MatrixPartner,
    NoteEntry,
    OverviewMatrix,
    PartnerEntry,
    PersonEntry,
    QuoteEntry,
    SourceEntry,
    Summary,
    TitleBlock,
)
from multivector.summary.wording import join_names

FORMATS = ("text", "markdown", "html", "json", "csv")


def _partners(analysis: Analysis, node: str | None, quoted: QuotedPassages
              ) -> tuple[PartnerEntry, ...]:
    if node == BUDGET_NODE:
        return ()
    if node is not None and (partner := analysis.partner(node)) is not None:
        return (partner_entry(analysis, partner, None, quoted),)
    only_area = node if node is not None else None
    ids = {p.id for p in analysis.partners}
    roots = [p for p in analysis.partners if p.parent is None or p.parent not in ids]
    if only_area is not None:
        area = analysis.area(only_area)
        wanted = set(area.partners) if area else set()
        def has_area(p: Partner) -> bool:
            own = p.id in wanted or only_area in p.areas
            return own or any(has_area(c) for c in analysis.partners if c.parent == p.id)

        roots = [p for p in roots if has_area(p)]
    roots.sort(key=lambda p: TIER_ORDER[p.tier])  # stable: keeps the analysis's order
    return tuple(partner_entry(analysis, p, only_area, quoted) for p in roots)


def _overview(analysis: Analysis, partners: tuple[PartnerEntry, ...], node: str | None) -> str:
    focal = analysis.focal.name if analysis.focal else "The country discussed"
    by_tier: dict[str | None, list[str]] = {}
    for entry in partners:
        by_tier.setdefault(entry.tier, []).append(entry.name)
    sentences = []
    if node is not None and node != BUDGET_NODE:
        return _node_overview(analysis, partners, node, focal)
    if partners:
        count = len(partners)
        noun = "partner" if count == 1 else "partners"
        sentences.append(f"The article names {count} defense and security {noun} of {focal}.")
        if by_tier.get("primary"):
            sentences.append(f"Primary: {join_names(by_tier['primary'])}.")
        if by_tier.get("secondary"):
            sentences.append(f"Secondary: {join_names(by_tier['secondary'])}.")
        if by_tier.get(None):
            sentences.append(f"Named without a tier: {join_names(by_tier[None])}.")
    elif node is None:
        sentences.append(f"The article names no defense or security partner of {focal}.")
    if node in (None, BUDGET_NODE):
        headline = budget_headline(analysis.budget)
        sentences.append(headline or "The article states no defense budget figures.")
    return " ".join(sentences)


def _node_overview(
    analysis: Analysis, partners: tuple[PartnerEntry, ...], node: str, focal: str
) -> str:
    if (area := analysis.area(node)) is not None:
        if not partners:
            return f"{area.label}: the article ties no partner of {focal} to this area."
        names = join_names([
            p.name if any(a.id == node for a in p.areas)
            else f"{p.name} (through {join_names([c.name for c in p.children])})"
            for p in partners
        ])
        return f"{area.label}: {focal} cooperates in this area with {names}."
    entry = partners[0]
    tier = f"a {entry.tier} partner" if entry.tier else "a partner (no tier stated)"
    labels = list(dict.fromkeys(
        a.label for e in (entry, *entry.children) for a in e.areas))
    text = f"{entry.name} is {tier} of {focal}"
    if labels:
        noun = "area" if len(labels) == 1 else "areas"
        text += f" in {len(labels)} {noun}: {join_names(labels)}"
    if entry.children:
        text += f", also through {join_names([c.name for c in entry.children])}"
    return text + "."


def _matrix(analysis: Analysis, partners: tuple[PartnerEntry, ...], node: str | None
            ) -> OverviewMatrix | None:
    """The partner x area matrix, rows in the note's order (a partner node: its own rows);
    areas no shown partner has are left out."""
    if not partners or (node is not None and analysis.area(node) is not None):
        return None  # an area's note lists its partners already: a one-column matrix adds nothing
    full = partner_area_matrix(analysis)
    rows: list[tuple[PartnerEntry, int]] = []

    def visit(entry: PartnerEntry, depth: int) -> None:
        rows.append((entry, depth))
        for child in entry.children:
            visit(child, depth + 1)

    for entry in partners:
        visit(entry, 0)
    columns = [c for c in full.columns if any(full.count(e.id, c.area_id) for e, _d in rows)]
    if not columns or len(rows) == 1:
        return None  # one partner's areas are in the overview's sentence already
    return OverviewMatrix(
        tuple(MatrixArea(c.area_id, c.label) for c in columns),
        tuple(MatrixPartner(e.id, e.name, e.code, e.tier, depth,
                            tuple(full.count(e.id, c.area_id) for c in columns))
              for e, depth in rows),
    )


def _paras(analysis: Analysis, spans: tuple[Span, ...]) -> tuple[int, ...]:
    found = {paragraph_of(analysis, s.start) for s in spans}
    return tuple(sorted(p for p in found if p is not None))


def _title(analysis: Analysis, node: str | None) -> TitleBlock:
    doc, focal = analysis.document, analysis.focal
    title = doc.title or (
        f"{focal.name}: defense and security cooperation" if focal else "Defense cooperation"
    )
    selection = None
    if node == BUDGET_NODE:
        selection = "Defense budget"
    elif node is not None:
        found = analysis.partner(node) or analysis.area(node)
        selection = getattr(found, "name", None) or getattr(found, "label", node)
    date = doc.date or (str(doc.year) if doc.year else None)
    return TitleBlock(
        title, doc.publication, doc.volume, doc.issue, date,
        focal.name if focal else None, focal.code if focal else None,
        PurePath(doc.path).name if doc.path else None, selection,
    )


def build_summary(analysis: Analysis, node: str | None = None) -> Summary:
    """The briefing note for the whole analysis, or for one partner, area or `budget` node."""
    known = node is None or node == BUDGET_NODE or analysis.partner(node) or analysis.area(node)
    if not known:
        raise InputError(f"node {node}: no such partner, area or budget node in this article")
    quoted = QuotedPassages()
    partners = _partners(analysis, node, quoted)
    # A limited summary keeps the people, quotes, sources and notes of the node's paragraphs.
    keep: set[int] | None = None
    if node is not None:
        keep = set(_paras(analysis, node_passages(analysis, node)))

    def kept(spans: tuple[Span, ...]) -> bool:
        return keep is None or bool(keep.intersection(_paras(analysis, spans)))

    with_budget = node in (None, BUDGET_NODE)
    facts = analysis.budget if with_budget else ()
    text = analysis.document.text
    return Summary(
        title=_title(analysis, node),
        overview=_overview(analysis, partners, node),
        partners=partners,
        matrix=_matrix(analysis, partners, node),
        budget=tuple(budget_row(analysis, f) for f in sorted(facts, key=budget_order)),
        chart=budget_layout(facts),
        notes=tuple(NoteEntry(n.kind, n.message, _paras(analysis, n.passages))
                    for n in analysis.notes if kept(n.passages)),
        people=tuple(PersonEntry(p.name, p.role, p.country, _paras(analysis, p.passages))
                     for p in analysis.people if kept(p.passages)),
        quotes=tuple(
            QuoteEntry(q.speaker, clip(text[q.start : q.end]), paragraph_of(analysis, q.start),
                       quoted.under(q.start, q.end))
            for q in analysis.quotes
            if kept((Span(q.start, q.end),))
        ),
        sources=tuple(SourceEntry(s.name, s.date, paragraph_of(analysis, s.start))
                      for s in analysis.sources if kept((Span(s.start, s.end),))),
        node=node,
    )


def render_summary(analysis: Analysis, fmt: str, node: str | None = None) -> str:
    """The summary as text, markdown, html, json or csv."""
    summary = build_summary(analysis, node)
    if fmt == "text":
        from multivector.summary.render.text import render_text

        return render_text(summary)
    if fmt == "markdown":
        from multivector.summary.render.markdown import render_markdown

        return render_markdown(summary)
    if fmt == "html":
        from multivector.summary.render.html import render_html

        return render_html(summary)
    if fmt == "json":
        from multivector.summary.render.json import render_json

        return render_json(summary)
    if fmt == "csv":
        from multivector.summary.render.csv import render_csv

        return render_csv(summary)
    raise InputError(f"summary format {fmt}: not one of {', '.join(FORMATS)}")
