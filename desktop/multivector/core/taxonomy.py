"""The cooperation-area taxonomy (resources/areas.toml) and where a text names each area."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import cache

from multivector.core.patterns import compile_phrases
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
        # One pattern per area, so that phrases of different areas may overlap ("training of
        # verification officers" is training and verification).
        self._patterns: dict[str, re.Pattern[str]] = {
            area_id: compile_phrases(data["phrases"]) for area_id, data in tables.items()
        }

    def hits(self, text: str, start: int, end: int) -> list[AreaHit]:
        """Area phrases in text[start:end], in reading order."""
        result = [
            AreaHit(match.start(), match.end(), area_id)
            for area_id, pattern in self._patterns.items()
            for match in pattern.finditer(text, start, end)
        ]
        return sorted(result, key=lambda h: (h.start, -h.end))


@cache
def load_taxonomy() -> Taxonomy:
    with resource_path("areas.toml").open("rb") as handle:
        return Taxonomy(tomllib.load(handle))
