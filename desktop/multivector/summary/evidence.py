"""Each partner's evidence for the note: passages grouped by the areas they support, every
passage quoted once in the whole note.

A sentence naming Russia, China and the CSTO supports all three; quoting it under each would
fill pages with the same words. The first partner in print order quotes it; later partners
refer back to it ("see ¶4, under Russia").
"""

from __future__ import annotations

from dataclasses import dataclass, field

from multivector.model.analysis import Analysis, Partner
from multivector.summary.excerpts import clip, paragraph_of, whole_span
from multivector.summary.model import AreaRef, EvidenceGroup, Excerpt, PartnerEntry

MAX_EXCERPTS_PER_GROUP = 3


@dataclass
class QuotedPassages:
    """The passages quoted so far, in print order, and under which partner."""

    spans: list[tuple[int, int, str]] = field(default_factory=list)

    def under(self, start: int, end: int) -> str | None:
        """The partner under which a passage holding `start`..`end` is already quoted."""
        return next((name for s, e, name in self.spans if s <= start and end <= e), None)

    def add(self, start: int, end: int, name: str) -> None:
        self.spans.append((start, end, name))


@dataclass
class _Passage:
    start: int
    end: int
    areas: list[str]
    cue: str | None


def _passages(analysis: Analysis, partner: Partner, only_area: str | None) -> list[_Passage]:
    """The partner's passages widened to whole sentences, merged when they become one."""
    found: dict[tuple[int, int], _Passage] = {}

    def put(start: int, end: int, areas: tuple[str, ...], cue: str | None) -> None:
        key = whole_span(analysis, start, end)
        item = found.setdefault(key, _Passage(*key, [], cue))
        item.areas += [a for a in areas if a not in item.areas]
        item.cue = item.cue or cue

    for x in partner.passages:
        put(x.start, x.end, x.areas, x.cue)
    tagged = {a for x in partner.passages for a in x.areas}
    for area_id in partner.areas:  # an area known only from the area's own passages
        area = analysis.area(area_id)
        if area_id not in tagged and area is not None:
            for y in area.passages:
                if partner.id in y.partners:
                    put(y.start, y.end, (area_id,), None)
    order = {a: i for i, a in enumerate(partner.areas)}
    out = sorted(found.values(), key=lambda p: p.start)
    for item in out:
        item.areas.sort(key=lambda a: order.get(a, len(order)))
    if only_area is not None:
        out = [p for p in out if only_area in p.areas]
        for item in out:
            item.areas = [only_area]
    return out


def _label(analysis: Analysis, area_id: str) -> str:
    area = analysis.area(area_id)
    return area.label if area else area_id.replace("_", " ").capitalize()


def partner_entry(analysis: Analysis, partner: Partner, only_area: str | None,
                  quoted: QuotedPassages) -> PartnerEntry:
    """The partner's entry; `quoted` records what this entry quotes, for later entries."""
    passages = _passages(analysis, partner, only_area)
    by_areas: dict[tuple[str, ...], list[_Passage]] = {}
    for item in passages:
        by_areas.setdefault(tuple(item.areas), []).append(item)
    groups = []
    text = analysis.document.text
    # Registered in print order: areas first by their first passage, bare mentions last.
    for areas, items in sorted(by_areas.items(), key=lambda kv: (not kv[0], kv[1][0].start)):
        excerpts: list[Excerpt] = []
        fresh = more = 0
        for item in items:
            see = quoted.under(item.start, item.end)
            if see is None and fresh >= MAX_EXCERPTS_PER_GROUP:
                more += 1
                continue
            excerpts.append(Excerpt(clip(text[item.start : item.end]), item.start, item.end,
                                    paragraph_of(analysis, item.start), item.cue, see))
            if see is None:
                fresh += 1
                quoted.add(item.start, item.end, partner.name)
        labels = tuple(_label(analysis, a) for a in areas)
        groups.append(EvidenceGroup(areas, labels, tuple(excerpts), more))
    area_ids = [a for a in partner.areas if only_area is None or a == only_area]
    counts = {a: sum(a in p.areas for p in passages) for a in area_ids}
    children = tuple(
        partner_entry(analysis, child, only_area, quoted)
        for child in analysis.partners
        if child.parent == partner.id and (only_area is None or only_area in child.areas)
    )
    return PartnerEntry(
        partner.id, partner.name, partner.kind, partner.code, partner.tier,
        tuple(AreaRef(a, _label(analysis, a), counts[a]) for a in area_ids),
        tuple(groups), children,
    )
