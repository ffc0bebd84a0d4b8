"""What "the two countries", "the three nations", "the leaders" and "the bloc" point back to.

A reference resolves to the actors named before it in its paragraph; when the paragraph names
none (news stories run one sentence to a paragraph), to the last ones named before it. A number
in the phrase says how many: with the focal country, "the three countries" are two partners.
"""

from __future__ import annotations

import re

from multivector.engine.knowledge.gazetteer import Gazetteer
from multivector.engine.partners.attribution import Actor

_COUNT = {"two": 1, "both": 1, "three": 2, "four": 3, "five": 4}
_NUMBER = re.compile(r"\b(two|both|three|four|five)\b", re.I)


def how_many(phrase: str) -> int:
    """Partners a reference stands for: "the three countries" are the focal country and two."""
    number = _NUMBER.search(phrase)
    return _COUNT[number.group(1).lower()] if number else 1


def resolve(
    phrase: str,
    kinds: tuple[str, ...],
    before: list[Actor],
    earlier: list[Actor],
    gazetteer: Gazetteer,
) -> list[str]:
    """The entities a reference phrase stands for, latest named first."""
    wanted = how_many(phrase)
    for pool in (before, earlier):
        found: list[str] = []
        for actor in reversed(pool):
            if gazetteer.entities[actor.entity].kind in kinds and actor.entity not in found:
                found.append(actor.entity)
            if len(found) == wanted:
                break
        if found:
            return found
    return []
