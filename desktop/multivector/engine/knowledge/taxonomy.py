"""The cooperation-area taxonomy (resources/areas.toml) and where a text names each area."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import cache

from multivector.engine.text.phrase_sets import PhraseSets
from multivector.resources import resource_path


@dataclass(frozen=True)
class AreaType:
    """One area of the taxonomy: id, label, icon name and optional parent."""

    id: str
    label: str
    icon: str
    parent: str | None


@dataclass(frozen=True)
class AreaHit:
    """A phrase naming an area."""

    start: int
    end: int
    area: str


class Taxonomy:
    """All areas, and the phrases naming them found in one pass."""

    def __init__(self, tables: dict[str, dict]) -> None:
        self.areas = {
            area_id: AreaType(area_id, data["label"], data["icon"], data.get("parent") or None)
            for area_id, data in tables.items()
        }
        self.phrases = {area_id: list(data["phrases"]) for area_id, data in tables.items()}
        self._sets = PhraseSets(self.phrases)
        self._every = frozenset(self.areas)

    def hits(self, lowered_text: str, start: int, end: int) -> list[AreaHit]:
        """Area phrases in lowered_text[start:end], in reading order.

        Phrases of different areas may overlap ("training of verification officers" is
        training and verification; "peacekeeping exercise" is peace support and an exercise).
        Within one area, a phrase inside another ("military exercises" in "joint military
        exercises") is the same phrase.
        """
        return self.hits_from(self._sets.scan(lowered_text, start, end, self._every))

    def hits_from(self, found: dict[str, list[tuple[int, int]]]) -> list[AreaHit]:
        """The hits of a scan made elsewhere (area id -> spans, every area overlapping), as
        `hits` gives them: one scan of an article can serve cues and areas together."""
        hits: list[AreaHit] = []
        for area_id, spans in found.items():
            last_end = -1
            for hit_start, hit_end in spans:
                if hit_start >= last_end:
                    hits.append(AreaHit(hit_start, hit_end, area_id))
                    last_end = hit_end
        return sorted(hits, key=lambda h: (h.start, -h.end))


@cache
def load_taxonomy() -> Taxonomy:
    with resource_path("areas.toml").open("rb") as handle:
        return Taxonomy(tomllib.load(handle))
