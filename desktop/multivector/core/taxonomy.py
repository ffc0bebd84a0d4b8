"""The cooperation-area taxonomy (resources/areas.toml) and where a text names each area."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import cache

from multivector.core.patterns import compile_named
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
        self._ids = list(tables)
        self._pattern: re.Pattern[str] = compile_named(
            {area_id: data["phrases"] for area_id, data in tables.items()}
        )

    def hits(self, text: str, start: int, end: int) -> list[AreaHit]:
        """Area phrases in text[start:end]; overlapping phrases yield the longest, leftmost."""
        result = []
        for match in self._pattern.finditer(text, start, end):
            area_id = self._ids[int(match.lastgroup[1:])]  # type: ignore[index]
            result.append(AreaHit(match.start(), match.end(), area_id))
        return result


@cache
def load_taxonomy() -> Taxonomy:
    with resource_path("areas.toml").open("rb") as handle:
        return Taxonomy(tomllib.load(handle))
