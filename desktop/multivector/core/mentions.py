"""Which entity mentions are actors: not the focal country, not a place, not an adversary."""

from __future__ import annotations

import re
from collections import Counter

from multivector.core.cues import Cues
from multivector.core.gazetteer import CAPITAL, Gazetteer, Mention

_WORD = re.compile(r"[\w’'\-]+")
_CLAUSE_BREAK = re.compile(r"[;:()“”\"]|,\s+(?:while|whereas|but)\b")


def detect_focal(mentions: list[Mention], gazetteer: Gazetteer, title_end: int) -> str | None:
    """The country the article is about: the one named most, title mentions counting triple."""
    counts: Counter[str] = Counter()
    for mention in mentions:
        if gazetteer.entities[mention.entity].kind == "country":
            counts[mention.entity] += 3 if mention.start < title_end else 1
    if not counts:
        return None
    return max(counts, key=lambda code: (counts[code], -next(m.start for m in mentions if m.entity == code)))


def _words_between(text: str, start: int, end: int) -> int:
    return len(_WORD.findall(text, start, end))


def is_place(text: str, mention: Mention, gazetteer: Gazetteer, cues: Cues) -> bool:
    """"talks in Madrid", "exercises in Georgia": a country or capital after a place preposition."""
    if gazetteer.entities[mention.entity].kind != "country" and mention.form != CAPITAL:
        return False
    before = _WORD.findall(text, max(0, mention.start - 12), mention.start)
    if before and before[-1].lower() == "the":
        before = before[:-1]
    return bool(before) and before[-1].lower() in cues.location


def is_adversary(low: str, mention: Mention, sentence_start: int, cues: Cues) -> bool:
    """A mention right after an adversary cue ("threats from X"), unless negated, or "X's war".
    `low` is the lowered text."""
    text = low
    window_start = max(sentence_start, mention.start - 80)
    breaks = list(_CLAUSE_BREAK.finditer(text, window_start, mention.start))
    if breaks:
        window_start = breaks[-1].end()
    cues_before = list(cues.adversary.finditer(text, window_start, mention.start))
    if cues_before:
        cue = cues_before[-1]
        if _words_between(text, cue.end(), mention.start) <= 3:
            negation_zone = text[max(window_start, cue.start() - 25) : cue.start()]
            if not cues.negation.search(negation_zone):
                return True
    after = re.match(r"(?:’s|'s)\s+", text[mention.end : mention.end + 4])
    if after:
        noun = cues.possessed.match(text, mention.end + after.end())
        return noun is not None
    return False
