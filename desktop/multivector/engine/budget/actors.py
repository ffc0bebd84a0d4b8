"""Who a sum belongs to: the countries and organizations named around it, and the focal country.

The budget reader asks three things of the text around a figure: which actor its sentence names
last before it (the spender in "while Russia spends $60 billion"), which actor stands after a
verb of giving (the receiver in "provided $327 million to the Jordanian Armed Forces"), whose
budget a possessive after it names ("$35 million in the Pentagon's budget"), and, when its
sentence names none, whose paragraph it is ("The United States has been a key driver ... the
Obama Administration requested ... $925 million" in an article about Ukraine).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from collections.abc import Sequence
from functools import cache

from multivector.engine.knowledge.gazetteer import Mention, load_gazetteer

_FOCAL_FALLBACK = "the focal country"


@cache
def _display(code: str) -> str:
    """The name as a note writes it: with "the" for plural names ("the United States", "the
    Philippines"), republics ("the Czech Republic") and organizations whose name is words, not
    an acronym ("the European Union"); bare otherwise ("Jordan", "NATO")."""
    entity = load_gazetteer().entities.get(code)
    if entity is None:
        return code
    words = entity.name.split()
    plural = words[-1].endswith("s") and not words[-1].endswith("ss")
    named_body = entity.kind != "country" and len(words) > 1
    if plural or words[0] == "United" or words[-1] == "Republic" or named_body:
        return f"the {entity.name}"
    return entity.name


class Actors:
    """The actor mentions of a document's body (in reading order) and its focal country."""

    def __init__(self, mentions: Sequence[Mention] = (), focal: str | None = None) -> None:
        self.mentions = tuple(sorted(mentions, key=lambda m: m.start))
        self.focal = focal
        self._starts = [m.start for m in self.mentions]

    def _within(self, start: int, end: int) -> tuple[Mention, ...]:
        return self.mentions[bisect_left(self._starts, start) : bisect_left(self._starts, end)]

    def last(self, start: int, end: int) -> str | None:
        """The actor named last in text[start:end]."""
        found = self._within(start, end)
        return found[-1].entity if found else None

    def first(self, start: int, end: int) -> str | None:
        """The actor named first in text[start:end]."""
        found = self._within(start, end)
        return found[0].entity if found else None

    def possessor(self, text: str, start: int, end: int) -> str | None:
        """The first actor named in a possessive in text[start:end] ("the Pentagon's budget")."""
        for mention in self._within(start, end):
            if re.match(r"[’']s?\b", text[mention.end : mention.end + 2]):
                return mention.entity
        return None

    def paragraph_owner(self, start: int, end: int) -> str | None:
        """The actor a stretch of text (a paragraph up to a figure) is about when it never names
        the focal country and names one other actor at least twice: the most named one."""
        counts = Counter(m.entity for m in self._within(start, end))
        if not counts or (self.focal is not None and self.focal in counts):
            return None
        actor, times = counts.most_common(1)[0]
        return actor if times >= 2 else None

    def is_focal(self, actor: str | None) -> bool:
        return actor is not None and actor == self.focal

    def name(self, actor: str | None) -> str:
        """An actor's name for notes ("United States"); the focal country's when None."""
        code = actor if actor is not None else self.focal
        return _FOCAL_FALLBACK if code is None else _display(code)

    @property
    def focal_name(self) -> str:
        return self.name(None)
