"""A mutable working copy of an analysis' partners and areas, kept consistent while edited.

Invariant kept by every method: a partner passage lists an area exactly when that area has a
passage at the same span listing the partner, and the partner's and area's own lists follow.
Machine links that no edit touches are left as the analysis made them.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TypeVar

from multivector.model.analysis import Analysis, Area, AreaPassage, Partner, PartnerPassage, Span

HUMAN = "human"

P = TypeVar("P", PartnerPassage, AreaPassage)


def _add(items: tuple[str, ...], item: str) -> tuple[str, ...]:
    return items if item in items else (*items, item)


def _drop(items: tuple[str, ...], item: str) -> tuple[str, ...]:
    return tuple(x for x in items if x != item)


def _swap(items: tuple[str, ...], old: str, new: str) -> tuple[str, ...]:
    out: tuple[str, ...] = ()
    for x in items:
        out = _add(out, new if x == old else x)
    return out


def _at(passage: PartnerPassage | AreaPassage, span: Span) -> bool:
    return passage.start == span.start and passage.end == span.end


def _order(passages: tuple[P, ...]) -> tuple[P, ...]:
    return tuple(sorted(passages, key=lambda x: (x.start, x.end)))


class Graph:
    """Partners and areas by id, in the analysis' order, with consistent passage links."""

    def __init__(self, analysis: Analysis) -> None:
        self.partners: dict[str, Partner] = {p.id: p for p in analysis.partners}
        self.areas: dict[str, Area] = {a.id: a for a in analysis.areas}

    def type_of(self, node_id: str) -> str | None:
        if node_id in self.partners:
            return "partner"
        return "area" if node_id in self.areas else None

    def label(self, node_id: str) -> str:
        if node_id in self.partners:
            return self.partners[node_id].name
        return self.areas[node_id].label if node_id in self.areas else node_id

    # -- links between a partner passage and an area passage at the same span -------------

    def link(self, pid: str, aid: str, span: Span) -> None:
        p, a = self.partners[pid], self.areas[aid]
        pp = tuple(replace(x, areas=_add(x.areas, aid)) if _at(x, span) else x for x in p.passages)
        ap = tuple(
            replace(x, partners=_add(x.partners, pid)) if _at(x, span) else x for x in a.passages
        )
        self.partners[pid] = replace(p, passages=pp, areas=_add(p.areas, aid))
        self.areas[aid] = replace(a, passages=ap, partners=_add(a.partners, pid))

    def _settle(self, pid: str, aid: str) -> None:
        # The pair lost a link: drop it from the node lists once no passage supports it.
        p, a = self.partners.get(pid), self.areas.get(aid)
        if p is None or a is None:
            return
        if any(aid in x.areas for x in p.passages) or any(pid in x.partners for x in a.passages):
            return
        self.partners[pid] = replace(p, areas=_drop(p.areas, aid))
        self.areas[aid] = replace(a, partners=_drop(a.partners, pid))

    # -- passages ------------------------------------------------------------------------

    def add_passage(self, node_id: str, span: Span) -> None:
        """Make the span human evidence of the node, linked to nodes of the other kind there."""
        if node_id in self.partners:
            p = self.partners[node_id]
            if any(_at(x, span) for x in p.passages):
                new = tuple(replace(x, origin=HUMAN) if _at(x, span) else x for x in p.passages)
            else:
                new = _order((*p.passages, PartnerPassage(span.start, span.end, origin=HUMAN)))
            self.partners[node_id] = replace(p, passages=new)
            for aid, a in list(self.areas.items()):
                if any(_at(x, span) for x in a.passages):
                    self.link(node_id, aid, span)
        else:
            a = self.areas[node_id]
            if any(_at(x, span) for x in a.passages):
                new_a = tuple(replace(x, origin=HUMAN) if _at(x, span) else x for x in a.passages)
            else:
                new_a = _order((*a.passages, AreaPassage(span.start, span.end, (), origin=HUMAN)))
            self.areas[node_id] = replace(a, passages=new_a)
            for pid, p in list(self.partners.items()):
                if any(_at(x, span) for x in p.passages):
                    self.link(pid, node_id, span)

    def remove_passage(self, node_id: str, span: Span) -> bool:
        """Take the span away from the node; False when the node has no passage there."""
        if node_id in self.partners:
            p = self.partners[node_id]
            gone = [x for x in p.passages if _at(x, span)]
            if not gone:
                return False
            self.partners[node_id] = replace(
                p, passages=tuple(x for x in p.passages if not _at(x, span))
            )
            for aid in {a for x in gone for a in x.areas}:
                if aid in self.areas:
                    a = self.areas[aid]
                    ap = tuple(
                        replace(x, partners=_drop(x.partners, node_id)) if _at(x, span) else x
                        for x in a.passages
                    )
                    self.areas[aid] = replace(a, passages=ap)
                self._settle(node_id, aid)
            return True
        a = self.areas[node_id]
        gone_a = [x for x in a.passages if _at(x, span)]
        if not gone_a:
            return False
        self.areas[node_id] = replace(a, passages=tuple(x for x in a.passages if not _at(x, span)))
        for pid in {q for x in gone_a for q in x.partners}:
            if pid in self.partners:
                p = self.partners[pid]
                pp = tuple(
                    replace(x, areas=_drop(x.areas, node_id)) if _at(x, span) else x
                    for x in p.passages
                )
                self.partners[pid] = replace(p, passages=pp)
            self._settle(pid, node_id)
        return True

    # -- whole nodes ---------------------------------------------------------------------

    def delete(self, node_id: str) -> None:
        """The node goes, and with it every trace of it: a deleted partner's passages leave the
        areas they stood in (a passage that named no other partner is no longer an area's
        evidence, and an area left with no passage goes too), so no count still holds them."""
        if node_id in self.partners:
            gone = self.partners.pop(node_id)
            for aid, a in list(self.areas.items()):
                ap = tuple(replace(x, partners=_drop(x.partners, node_id)) for x in a.passages
                           if x.partners != (node_id,))
                if not ap and a.passages:
                    del self.areas[aid]
                    for pid, p in self.partners.items():
                        if aid in p.areas:
                            self.partners[pid] = replace(p, areas=_drop(p.areas, aid))
                    continue
                self.areas[aid] = replace(a, passages=ap, partners=_drop(a.partners, node_id))
            for pid, p in self.partners.items():
                if p.parent == node_id:
                    self.partners[pid] = replace(p, parent=gone.parent)
        else:
            gone_a = self.areas.pop(node_id)
            for pid, p in self.partners.items():
                pp = tuple(replace(x, areas=_drop(x.areas, node_id)) for x in p.passages)
                self.partners[pid] = replace(p, passages=pp, areas=_drop(p.areas, node_id))
            for aid, a in self.areas.items():
                if a.parent == node_id:
                    self.areas[aid] = replace(a, parent=gone_a.parent)

    def merge_partners(self, src: str, dst: str) -> None:
        s, d = self.partners[src], self.partners[dst]
        passages = list(d.passages)
        for x in s.passages:
            i = next((k for k, y in enumerate(passages) if _at(y, Span(x.start, x.end))), None)
            if i is None:
                passages.append(replace(x, origin=HUMAN))
            else:
                union = passages[i].areas + tuple(a for a in x.areas if a not in passages[i].areas)
                passages[i] = replace(passages[i], areas=union, origin=HUMAN)
        self.partners[dst] = replace(
            d,
            passages=_order(tuple(passages)),
            areas=d.areas + tuple(a for a in s.areas if a not in d.areas),
            tier=d.tier or s.tier,
            tier_cues=_order(d.tier_cues + tuple(c for c in s.tier_cues if c not in d.tier_cues)),
        )
        del self.partners[src]
        for aid, a in self.areas.items():
            ap = tuple(replace(x, partners=_swap(x.partners, src, dst)) for x in a.passages)
            self.areas[aid] = replace(a, passages=ap, partners=_swap(a.partners, src, dst))
        for pid, p in self.partners.items():
            if p.parent == src:
                self.partners[pid] = replace(p, parent=None if pid == dst else dst)

    def merge_areas(self, src: str, dst: str) -> None:
        s, d = self.areas[src], self.areas[dst]
        passages = list(d.passages)
        for x in s.passages:
            i = next((k for k, y in enumerate(passages) if _at(y, Span(x.start, x.end))), None)
            if i is None:
                passages.append(replace(x, origin=HUMAN))
            else:
                union = passages[i].partners + tuple(
                    q for q in x.partners if q not in passages[i].partners
                )
                passages[i] = replace(passages[i], partners=union, origin=HUMAN)
        self.areas[dst] = replace(
            d,
            passages=_order(tuple(passages)),
            partners=d.partners + tuple(q for q in s.partners if q not in d.partners),
        )
        del self.areas[src]
        for pid, p in self.partners.items():
            pp = tuple(replace(x, areas=_swap(x.areas, src, dst)) for x in p.passages)
            self.partners[pid] = replace(p, passages=pp, areas=_swap(p.areas, src, dst))
        for aid, a in self.areas.items():
            if a.parent == src:
                self.areas[aid] = replace(a, parent=None if aid == dst else dst)
