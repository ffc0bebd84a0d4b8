"""Node ids as the tree and the contract name them, and the passages each node stands for."""

from __future__ import annotations

from multivector.model.analysis import Analysis, Span

BUDGET_NODE = "budget"
SCOPE_SEPARATOR = "/"  # "ESP/training": Spain's passages on training (either order)
# The tree's tier groups ("Primary partners", ...) are nodes too: every passage of their members.
TIER_GROUP_PREFIX = "tier:"
UNTIERED = "none"  # "tier:none": the partners with no tier


# Nodes an analyst deleted, listed apart so they can be seen and restored: "removed:ESP".
REMOVED_PREFIX = "removed:"
REMOVED_GROUP = "removed"


def removed_id(node_id: str) -> str:
    return f"{REMOVED_PREFIX}{node_id}"


def tier_group_id(tier: str | None) -> str:
    """The id of the group of top-level partners with `tier` (None: no tier)."""
    return f"{TIER_GROUP_PREFIX}{tier or UNTIERED}"


def tier_of_group(node_id: str) -> tuple[bool, str | None]:
    """(True, tier) when `node_id` names a tier group, else (False, None)."""
    if not node_id.startswith(TIER_GROUP_PREFIX):
        return False, None
    tier = node_id.removeprefix(TIER_GROUP_PREFIX)
    return True, None if tier == UNTIERED else tier


def group_members(analysis: Analysis, tier: str | None) -> list[str]:
    """Ids of the partners a tier group lists: top-level ones (programs sit under their parent;
    a program whose parent the article never names is top-level)."""
    return [p.id for p in analysis.partners if p.tier == tier
            and (p.parent is None or analysis.partner(p.parent) is None)]


def split_scoped(node_id: str) -> tuple[str, str | None]:
    """("ESP", "training") for "ESP/training"; (node_id, None) for an unscoped id."""
    first, sep, second = node_id.partition(SCOPE_SEPARATOR)
    return (first, second) if sep else (node_id, None)


def scoped_id(node_id: str, scope: str | None) -> str:
    """The id of a node shown under another one ("ESP" under "training": "ESP/training")."""
    return node_id if scope is None else f"{node_id}{SCOPE_SEPARATOR}{scope}"


def family(analysis: Analysis, partner_id: str) -> set[str]:
    """A partner and its programs (PfP belongs to NATO)."""
    return {partner_id} | {p.id for p in analysis.partners if p.parent == partner_id}


def _pair_passages(analysis: Analysis, first: str, second: str) -> set[Span]:
    partner_id, area_id = first, second
    if analysis.partner(partner_id) is None:
        partner_id, area_id = second, first
    members = family(analysis, partner_id)
    spans = {
        Span(x.start, x.end)
        for p in analysis.partners if p.id in members
        for x in p.passages if area_id in x.areas
    }
    area = analysis.area(area_id)
    if area is not None:
        spans |= {Span(x.start, x.end) for x in area.passages if members & set(x.partners)}
    return spans


def node_passages(analysis: Analysis, node_id: str) -> tuple[Span, ...]:
    """The passages a node highlights, in reading order and without repeats.

    A partner's own passages include those of its programs (PfP's are NATO's too), since a
    program is a way of cooperating with its parent. "ESP/training" (or "training/ESP") is the
    passages of that partner on that area; "tier:primary" every passage of the primary partners.
    """
    spans: set[Span] = set()
    if SCOPE_SEPARATOR in node_id:
        first, _, second = node_id.partition(SCOPE_SEPARATOR)
        spans = _pair_passages(analysis, first, second)
    elif node_id == BUDGET_NODE:
        spans = {Span(f.start, f.end) for f in analysis.budget}
    elif (group := tier_of_group(node_id))[0]:
        for member in group_members(analysis, group[1]):
            spans.update(node_passages(analysis, member))
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
