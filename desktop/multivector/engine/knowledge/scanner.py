"""One scan of an article for every phrase set the engine reads: the cues and the areas.

Cue sets and area sets start at many of the same words; scanning for all of them in one pass
reads the text once instead of twice.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from multivector.engine.knowledge.cues import load_cues
from multivector.engine.knowledge.taxonomy import AreaHit, load_taxonomy
from multivector.engine.text.phrase_sets import PhraseSets

_AREA = "area:"


@dataclass(frozen=True)
class Scan:
    """What one scan found: cue set name -> spans, and the area hits."""

    cues: dict[str, list[tuple[int, int]]]
    areas: list[AreaHit]


@cache
def _scanner() -> tuple[PhraseSets, frozenset[str]]:
    cue_sets = load_cues().sets.phrases
    area_sets = {_AREA + area: phrases for area, phrases in load_taxonomy().phrases.items()}
    return PhraseSets({**cue_sets, **area_sets}), frozenset(area_sets)


def scan_article(lowered_text: str, start: int = 0) -> Scan:
    """Cue phrases (as `Cues.sets.scan` gives them) and area hits (as `Taxonomy.hits`) in
    lowered_text[start:]."""
    sets, areas = _scanner()
    found = sets.scan(lowered_text, start, len(lowered_text), areas)
    cues = {name: spans for name, spans in found.items() if not name.startswith(_AREA)}
    by_area = {name[len(_AREA) :]: spans for name, spans in found.items() if name.startswith(_AREA)}
    return Scan(cues, load_taxonomy().hits_from(by_area))
