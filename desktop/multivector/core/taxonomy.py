"""The cooperation-area taxonomy (resources/areas.toml) and where a text names each area."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import cache

from multivector.core.patterns import compile_named, group_name
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
    """All areas and one pattern that finds the phrases naming them."""

    def __init__(self, tables: dict[str, dict]) -> None:
        self.areas = {
            area_id: AreaType(area_id, data["label"], data["icon"], data.get("parent") or None)
            for area_id, data in tables.items()
        }
        self._pattern, self._names = compile_named(
            {area_id: data["phrases"] for area_id, data in tables.items()}
        )

    def hits(self, lowered_text: str, start: int, end: int) -> list[AreaHit]:
        """Area phrases in lowered_text[start:end], in reading order.

        Phrases of different areas may overlap ("training of verification officers" is
        training and verification), so the search goes on from the second character of each
        hit rather than from its end. Within one area, a hit inside another is the same phrase.
        """
        kept: list[AreaHit] = []
        for match in self._pattern.matches_at_every_start(lowered_text, start, end):
            hit = AreaHit(match.start(), match.end(), group_name(match, self._names))
            if not any(k.area == hit.area and k.start <= hit.start < k.end for k in kept[-8:]):
                kept.append(hit)
        return kept


@cache
def load_taxonomy() -> Taxonomy:
    with resource_path("areas.toml").open("rb") as handle:
        return Taxonomy(tomllib.load(handle))
