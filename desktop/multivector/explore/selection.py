"""What a selected tree node shows: its passages, label, one-line summary and evidence rows.

Qt-free reading of the analysis for the views. A node is a partner or area id (or `budget`),
optionally scoped by the node above it in the tree: "Training" under "Spain" is Spain's passages
about training, not every training passage.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

from multivector.model.analysis import Analysis, Span
from multivector.model.nodes import BUDGET_NODE, family, node_passages, scoped_id

SNIPPET_LIMIT = 320  # characters of a passage shown in an evidence row


@dataclass(frozen=True)
class NodeRef:
    """A node in the tree: an id and, for a partner under an area or the reverse, the scope."""

    node_id: str
    scope: str | None = None


@dataclass(frozen=True)
class EvidenceRow:
    """One supporting passage as the evidence list shows it."""

    span: Span
    html: str
    paragraph: int | None
    cue: str | None


def passages(analysis: Analysis, ref: NodeRef) -> tuple[Span, ...]:
    """The passages the node stands for, in reading order, without repeats."""
    return node_passages(analysis, scoped_id(ref.node_id, ref.scope))


def label(analysis: Analysis, node_id: str) -> str:
    if node_id == BUDGET_NODE:
        return "Budget"
    if (partner := analysis.partner(node_id)) is not None:
        return partner.name
    if (area := analysis.area(node_id)) is not None:
        return area.label
    return node_id


def summary(analysis: Analysis, ref: NodeRef) -> str:
    """A one-line tooltip: what the node is and what the article ties to it."""
    count = len(passages(analysis, ref))
    noun = "passage" if count == 1 else "passages"
    if ref.scope is not None:
        return f"{label(analysis, ref.node_id)} with {label(analysis, ref.scope)}: {count} {noun}"
    if ref.node_id == BUDGET_NODE:
        years = sorted({f.year for f in analysis.budget if f.year is not None})
        span_txt = f" for {years[0]}-{years[-1]}" if len(years) > 1 else ""
        return f"Budget: {len(analysis.budget)} figures{span_txt}, {count} {noun}"
    if (partner := analysis.partner(ref.node_id)) is not None:
        tier = f"{partner.tier} partner" if partner.tier else "partner"
        areas = ", ".join(label(analysis, a) for a in partner.areas) or "no area named"
        return f"{partner.name} ({partner.kind}, {tier}): {count} {noun}; {areas}"
    if (area := analysis.area(ref.node_id)) is not None:
        names = ", ".join(label(analysis, p) for p in area.partners) or "no partner named"
        return f"{area.label}: {count} {noun}; with {names}"
    return ref.node_id


def node_ids(analysis: Analysis) -> list[str]:
    """Every node id in the order colours are handed out: partners, areas, budget."""
    return [p.id for p in analysis.partners] + [a.id for a in analysis.areas] + [BUDGET_NODE]


def _terms(analysis: Analysis, ref: NodeRef) -> list[str]:
    """Words to set in bold in a snippet: names, codes and labels of the node and its scope."""
    terms: list[str] = []
    for node_id in filter(None, (ref.node_id, ref.scope)):
        if (partner := analysis.partner(node_id)) is not None:
            terms += [partner.name, partner.code]
            terms += [p.name for p in analysis.partners if p.parent == partner.id]
        elif (area := analysis.area(node_id)) is not None:
            terms += [area.label] + [w for w in re.split(r"[\s/-]+", area.label) if len(w) > 3]
    return [t for t in terms if t]


def _cue(analysis: Analysis, ref: NodeRef, span: Span) -> str | None:
    for node_id in filter(None, (ref.node_id, ref.scope)):
        if node_id in (p.id for p in analysis.partners):
            for p in analysis.partners:
                if p.id in family(analysis, node_id):
                    for x in p.passages:
                        if (x.start, x.end) == (span.start, span.end) and x.cue:
                            return x.cue
    return None


def evidence_rows(analysis: Analysis, ref: NodeRef) -> list[EvidenceRow]:
    """The evidence list's rows: each passage with the node's words and any cue in bold."""
    text = analysis.document.text
    terms = _terms(analysis, ref)
    rows = []
    for span in passages(analysis, ref):
        snippet = text[span.start:span.end]
        if len(snippet) > SNIPPET_LIMIT:
            snippet = snippet[:SNIPPET_LIMIT].rsplit(" ", 1)[0] + " …"
        cue = _cue(analysis, ref, span)
        bold = terms + ([cue] if cue else [])
        para = analysis.paragraph_at(span.start)
        rows.append(EvidenceRow(span, _bolden(snippet, bold), para.index if para else None, cue))
    return rows


def _bolden(snippet: str, terms: list[str]) -> str:
    """HTML of `snippet` with whole-word, case-insensitive matches of `terms` in bold."""
    if not terms:
        return html.escape(snippet)
    alternatives = sorted({re.escape(t) for t in terms}, key=len, reverse=True)
    pattern = re.compile(r"(?<!\w)(?:" + "|".join(alternatives) + r")(?!\w)", re.IGNORECASE)
    out, pos = [], 0
    for match in pattern.finditer(snippet):
        out.append(html.escape(snippet[pos:match.start()]))
        out.append(f"<b>{html.escape(match.group())}</b>")
        pos = match.end()
    out.append(html.escape(snippet[pos:]))
    return "".join(out)
