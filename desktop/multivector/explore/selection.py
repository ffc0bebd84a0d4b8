"""What a selected tree node shows: its passages, label, one-line summary and evidence rows.

Qt-free reading of the analysis for the views. A node is a partner or area id (or `budget`),
optionally scoped by the node above it in the tree: "Training" under "Spain" is Spain's passages
about training, not every training passage.
"""

from __future__ import annotations

import html
import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from typing import overload

from multivector.model.analysis import TIER_ORDER, Analysis, Span
from multivector.model.nodes import (
    BUDGET_NODE,
    REMOVED_GROUP,
    REMOVED_PREFIX,
    family,
    group_members,
    node_passages,
    nodes_at,
    scoped_id,
    tier_of_group,
)

SNIPPET_LIMIT = 320  # characters of a passage shown in an evidence row
TIER_TITLES = {"primary": "Primary partners", "secondary": "Secondary partners",
               None: "Other partners"}
ALL_PARTNERS = "Partners"  # the title of the untiered group when no partner has a tier


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
    if node_id == REMOVED_GROUP:
        return "Removed"
    if node_id.startswith(REMOVED_PREFIX):
        return f"{node_id.removeprefix(REMOVED_PREFIX)} (removed)"
    is_group, tier = tier_of_group(node_id)
    if is_group:
        if tier is None and not any(p.tier for p in analysis.partners):
            return ALL_PARTNERS
        return TIER_TITLES.get(tier, node_id)
    if (partner := analysis.partner(node_id)) is not None:
        return partner.name
    if (area := analysis.area(node_id)) is not None:
        return area.label
    return node_id


def full_label(analysis: Analysis, ref: NodeRef) -> str:
    """The node's name with its scope, partner first: "Spain · Training" in either view."""
    if ref.scope is None:
        return label(analysis, ref.node_id)
    first, second = ref.scope, ref.node_id
    if analysis.partner(second) is not None:
        first, second = second, first
    return f"{label(analysis, first)} · {label(analysis, second)}"


def _plural(count: int, noun: str) -> str:
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"


def summary(analysis: Analysis, ref: NodeRef) -> str:
    """A one-line tooltip: what the node is and what the article ties to it."""
    count = len(passages(analysis, ref))
    noun = "passage" if count == 1 else "passages"
    if ref.scope is not None:
        return f"{label(analysis, ref.node_id)} with {label(analysis, ref.scope)}: {count} {noun}"
    is_group, tier = tier_of_group(ref.node_id)
    if is_group:
        members = group_members(analysis, tier)
        return (f"{label(analysis, ref.node_id)}: {_plural(len(members), 'partner')}, "
                f"{count} distinct {noun}")
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


def count_note(analysis: Analysis, ref: NodeRef) -> str | None:
    """Why a node's count is not the sum of the counts below it, in one line (None when it is).

    Every count is of distinct passages: a passage naming two areas counts once for its partner
    and once under each area; one naming no area counts for the partner only."""
    if ref.scope is not None:
        return None
    is_group, tier = tier_of_group(ref.node_id)
    if is_group:
        return ("Each passage counted once, even when it supports several partners"
                if len(group_members(analysis, tier)) > 1 else None)
    if analysis.partner(ref.node_id) is not None:
        ids = family(analysis, ref.node_id)
        by_span: dict[Span, set[str]] = {}
        for p in analysis.partners:
            if p.id in ids:
                for x in p.passages:
                    by_span.setdefault(Span(x.start, x.end), set()).update(x.areas)
        none = sum(1 for areas in by_span.values() if not areas)
        several = sum(1 for areas in by_span.values() if len(areas) > 1)
        parts = []
        if none:
            parts.append(f"{_plural(none, 'passage')} {'names' if none == 1 else 'name'} no area")
        if several:
            parts.append(f"{_plural(several, 'passage')} {'names' if several == 1 else 'name'} "
                         "several areas (counted under each)")
        return "; ".join(parts) or None
    if (area := analysis.area(ref.node_id)) is not None:
        alone = sum(1 for x in area.passages if not x.partners)
        several = sum(1 for x in area.passages if len(x.partners) > 1)
        parts = []
        if alone:
            parts.append(f"{_plural(alone, 'passage')} {'names' if alone == 1 else 'name'} "
                         "no partner")
        if several:
            parts.append(f"{_plural(several, 'passage')} {'names' if several == 1 else 'name'} "
                         "several partners (counted under each)")
        return "; ".join(parts) or None
    return None


def initial_node(analysis: Analysis, mode: str = "partner") -> str | None:
    """What the window selects when an article opens: the strongest partner (highest tier, then
    most passages), or by area the area with most passages; else the budget, else nothing."""
    if mode == "area" and analysis.areas:
        best = min(enumerate(analysis.areas),
                   key=lambda ia: (-len(node_passages(analysis, ia[1].id)), ia[0]))
        return best[1].id
    top = [(i, p) for i, p in enumerate(analysis.partners)
           if p.parent is None or analysis.partner(p.parent) is None]
    if top:
        best_p = min(top, key=lambda ip: (TIER_ORDER.get(ip[1].tier, 2),
                                          -len(node_passages(analysis, ip[1].id)), ip[0]))
        return best_p[1].id
    return BUDGET_NODE if analysis.budget else None


def node_ids(analysis: Analysis) -> list[str]:
    """Every node id that gets a colour: partners, areas, budget."""
    return [p.id for p in analysis.partners] + [a.id for a in analysis.areas] + [BUDGET_NODE]


def _node_members(analysis: Analysis, ref: NodeRef) -> tuple[set[str], set[str]]:
    """The partner ids (with programs) and area ids whose words a row of `ref` sets in bold."""
    partner_ids: set[str] = set()
    area_ids: set[str] = set()
    for node_id in filter(None, (ref.node_id, ref.scope)):
        is_group, tier = tier_of_group(node_id)
        for member in group_members(analysis, tier) if is_group else [node_id]:
            if analysis.partner(member) is not None:
                partner_ids |= family(analysis, member)
            elif analysis.area(member) is not None:
                area_ids.add(member)
    return partner_ids, area_ids


def _phrase_spans(snippet: str, phrases: list[str]) -> list[tuple[int, int]]:
    """Whole-word, case-insensitive matches of `phrases` in `snippet`."""
    phrases = [p for p in phrases if p]
    if not phrases:
        return []
    alternatives = sorted({re.escape(p) for p in phrases}, key=len, reverse=True)
    pattern = re.compile(r"(?<!\w)(?:" + "|".join(alternatives) + r")(?!\w)", re.IGNORECASE)
    return [(m.start(), m.end()) for m in pattern.finditer(snippet)]


def bold_spans(analysis: Analysis, ref: NodeRef, snippet: str,
               cue: str | None = None) -> list[tuple[int, int]]:
    """Where `snippet` names the node: the phrases the engine reads as its partners (names,
    demonyms, capitals) and areas ("air space" for air-space control, as one phrase), the
    names analysts gave, and the cue that led to the partner. Sorted, never overlapping."""
    from multivector.engine.knowledge.gazetteer import load_gazetteer
    from multivector.engine.knowledge.taxonomy import load_taxonomy
    from multivector.engine.text.patterns import lowered

    partner_ids, area_ids = _node_members(analysis, ref)
    found: list[tuple[int, int]] = []
    if partner_ids:
        found += [(m.start, m.end) for m in load_gazetteer().mentions(snippet)
                  if m.entity in partner_ids]
        names = [n for p in analysis.partners if p.id in partner_ids for n in (p.name, p.code)]
        found += _phrase_spans(snippet, names)
    if area_ids:
        taxonomy = load_taxonomy()
        known = area_ids & set(taxonomy.areas)
        if known:
            found += [(h.start, h.end) for h in taxonomy.hits(lowered(snippet), 0, len(snippet))
                      if h.area in known]
        # An area an analyst created is known by its label only.
        found += _phrase_spans(snippet, [a.label for a in analysis.areas
                                         if a.id in area_ids - known])
    if cue:
        found += _phrase_spans(snippet, [cue])
    merged: list[tuple[int, int]] = []
    for start, end in sorted(found):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


class EvidenceRows(Sequence[EvidenceRow]):
    """The evidence list's rows: each passage (of the node, or `spans`) with the words that
    name the node and any cue in bold. A row is made when first asked for: a node of a long
    article may have a thousand passages, and a list shows a screenful."""

    def __init__(self, analysis: Analysis, ref: NodeRef,
                 spans: Sequence[Span] | None = None) -> None:
        self._analysis, self._ref = analysis, ref
        self._spans = tuple(passages(analysis, ref) if spans is None else spans)
        partner_ids, _areas = _node_members(analysis, ref)
        # The cue that led to each passage: the first of the node's partners that has one.
        self._cues: dict[tuple[int, int], str] = {}
        for partner in analysis.partners:
            if partner.id in partner_ids:
                for x in partner.passages:
                    if x.cue:
                        self._cues.setdefault((x.start, x.end), x.cue)
        self._starts = [p.start for p in analysis.paragraphs]
        self._made: dict[int, EvidenceRow] = {}

    def __len__(self) -> int:
        return len(self._spans)

    @property
    def made(self) -> int:
        """How many rows have been made so far."""
        return len(self._made)

    @overload
    def __getitem__(self, index: int) -> EvidenceRow: ...
    @overload
    def __getitem__(self, index: slice) -> list[EvidenceRow]: ...

    def __getitem__(self, index: int | slice) -> EvidenceRow | list[EvidenceRow]:
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(len(self)))]
        if index < 0:
            index += len(self)
        if not 0 <= index < len(self):
            raise IndexError(index)
        row = self._made.get(index)
        if row is None:
            row = self._made[index] = self._make(self._spans[index])
        return row

    def _make(self, span: Span) -> EvidenceRow:
        analysis = self._analysis
        snippet = analysis.document.text[span.start:span.end]
        if len(snippet) > SNIPPET_LIMIT:
            snippet = snippet[:SNIPPET_LIMIT].rsplit(" ", 1)[0] + " …"
        cue = self._cues.get((span.start, span.end))
        at = bisect_right(self._starts, span.start) - 1  # paragraphs are in reading order
        para = analysis.paragraphs[at] if at >= 0 and span.start < analysis.paragraphs[at].end \
            else None
        html_text = _bolden(snippet, bold_spans(analysis, self._ref, snippet, cue))
        return EvidenceRow(span, html_text, para.index if para else None, cue)


def evidence_rows(analysis: Analysis, ref: NodeRef,
                  spans: tuple[Span, ...] | None = None) -> list[EvidenceRow]:
    """Every row of the evidence list at once (see `EvidenceRows`)."""
    return list(EvidenceRows(analysis, ref, spans))


def _bolden(snippet: str, spans: list[tuple[int, int]]) -> str:
    """HTML of `snippet` with `spans` (sorted, apart) in bold."""
    out, pos = [], 0
    for start, end in spans:
        out.append(html.escape(snippet[pos:start]))
        out.append(f"<b>{html.escape(snippet[start:end])}</b>")
        pos = end
    out.append(html.escape(snippet[pos:]))
    return "".join(out)


def supports(analysis: Analysis, offset: int) -> str | None:
    """What the reader's tooltip says over a character: every node its passages support."""
    names = [label(analysis, n) for n in nodes_at(analysis, offset)]
    if any(f.start <= offset < f.end for f in analysis.budget):
        names.append(label(analysis, BUDGET_NODE))
    return "Supports: " + ", ".join(dict.fromkeys(names)) if names else None
