"""Node ids as the tree and the contract name them, and the passages each node stands for."""

from __future__ import annotations

from multivector.model.analysis import Analysis, Span

BUDGET_NODE = "budget"


def node_passages(analysis: Analysis, node_id: str) -> tuple[Span, ...]:
    """The passages a node highlights, in reading order and without repeats.

    A partner's own passages include those of its programs (PfP's are NATO's too), since a
    program is a way of cooperating with its parent.
    """
    spans: set[Span] = set()
    if node_id == BUDGET_NODE:
        spans = {Span(f.start, f.end) for f in analysis.budget}
    elif (partner := analysis.partner(node_id)) is not None:
        spans = {Span(x.start, x.end) for x in partner.passages}
        for child in analysis.partners:
            if child.parent == partner.id:
                spans |= {Span(x.start, x.end) for x in child.passages}
    elif (area := analysis.area(node_id)) is not None:
        spans = {Span(x.start, x.end) for x in area.passages}
    return tuple(sorted(spans, key=lambda s: (s.start, s.end)))


def nodes_at(analysis: Analysis, offset: int) -> tuple[str, ...]:
    """The ids of every partner and area with a passage covering `offset` (for hover tips)."""
    hits = [p.id for p in analysis.partners if any(x.start <= offset < x.end for x in p.passages)]
    hits += [a.id for a in analysis.areas if any(x.start <= offset < x.end for x in a.passages)]
    return tuple(hits)
