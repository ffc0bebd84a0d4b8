"""The cooperation-area taxonomy (resources/areas.toml) and where a text names each area."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import cache

from multivector.core.patterns import PhrasePattern, compile_named, compile_phrases, first_literals, group_name
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
        self._phrases = {area_id: list(data["phrases"]) for area_id, data in tables.items()}
        self._pattern, self._names = compile_named(self._phrases)
        # first-word spellings -> areas, to find other areas whose phrase starts at a hit
        self._by_first: dict[str, set[str]] = {}
        for area_id, phrases in self._phrases.items():
            for literal in first_literals(phrases):
                self._by_first.setdefault(literal[:3], set()).add(area_id)
        self._single: dict[str, PhrasePattern] = {}

    def _area_pattern(self, area_id: str) -> PhrasePattern:
        if area_id not in self._single:  # compiled on first need: most areas never need it
            self._single[area_id] = compile_phrases(self._phrases[area_id])
        return self._single[area_id]

    def hits(self, lowered_text: str, start: int, end: int) -> list[AreaHit]:
        """Area phrases in lowered_text[start:end], in reading order.

        Phrases may overlap ("training of verification officers" is training and verification;
        "peacekeeping exercise" is peace support and an exercise): every place a phrase starts is
        tried, and there every area whose phrases can start with that word. Within one area, a
        hit inside another is the same phrase.
        """
        kept: list[AreaHit] = []
        for match in self._pattern.matches_at_every_start(lowered_text, start, end):
            here = match.start()
            found = [AreaHit(here, match.end(), group_name(match, self._names))]
            word = lowered_text[here : here + 3]
            for area_id in self._by_first.get(word, set()) | self._by_first.get(word[:2], set()):
                if area_id != found[0].area:
                    other = self._area_pattern(area_id).match(lowered_text, here, end)
                    if other:
                        found.append(AreaHit(here, other.end(), area_id))
            for hit in found:
                if not any(k.area == hit.area and k.start <= hit.start < k.end for k in kept[-12:]):
                    kept.append(hit)
        return kept


@cache
def load_taxonomy() -> Taxonomy:
    with resource_path("areas.toml").open("rb") as handle:
        return Taxonomy(tomllib.load(handle))
