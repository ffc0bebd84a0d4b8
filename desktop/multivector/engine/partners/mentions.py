"""Which entity mentions are actors: not the focal country, not a place, not an adversary."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

from multivector.engine.knowledge.cues import Cues
from multivector.engine.knowledge.gazetteer import CAPITAL, Gazetteer, Mention
from multivector.engine.text.clauses import ASIDE, words_between, words_in
from multivector.engine.text.clauses import breaks as breaks_of


_PLACE_CHAIN = re.compile(r"(?:[A-Z][\w’'\-]*(?:\s+[A-Z][\w’'\-]*)*\s*(?:,\s*(?:and\s+|or\s+)?|\s+and\s+|\s+or\s+))+$")


def is_place(text: str, mention: Mention, gazetteer: Gazetteer, cues: Cues) -> bool:
    """"talks in Madrid", "troops sent to Kosovo and Lebanon": a country or capital as a place."""
    if gazetteer.entities[mention.entity].kind != "country" and mention.form != CAPITAL:
        return False
    head = text[max(0, mention.start - 80) : mention.start]
    chain = _PLACE_CHAIN.search(head)  # "Kosovo and " before "Lebanon" belongs to the same list
    if chain:
        head = head[: chain.start()]
    before = words_in(head)
    if before and before[-1].lower() == "the":
        before = before[:-1]
    if not before:
        return False
    if before[-1].lower() in cues.location or any(w.lower() in cues.place_words for w in before[-3:]):
        return True
    return before[-1].lower() == "to" and any(w.lower() in cues.deployment for w in before[-7:-1])


class AdversaryCues:
    """Adversary and negation cues found in the whole lowered text, and what they make of a mention."""

    def __init__(
        self, low: str, cues: Cues, adversary: list[tuple[int, int]], negations: list[tuple[int, int]]
    ) -> None:
        self.low = low
        self.cues = cues
        self.spans = adversary
        self.ends = [end for _, end in self.spans]
        self.negations = [start for start, _ in negations]

    def is_adversary(self, mention: Mention, sentence_start: int) -> bool:
        """A mention right after an adversary cue ("threats from X"), unless negated ("never
        go against X"), or followed by "'s war", "'s invasion"."""
        low = self.low
        window_start = max(sentence_start, mention.start - 80)
        breaks = list(breaks_of(low, window_start, mention.start, ASIDE))
        if breaks:
            window_start = breaks[-1].end()
        index = bisect_right(self.ends, mention.start) - 1  # the last cue ending before it
        if index >= 0:
            cue_start, cue_end = self.spans[index]
            if cue_start >= window_start and words_between(low, cue_end, mention.start) <= 3:
                zone = bisect_left(self.negations, max(window_start, cue_start - 25))
                if not (zone < len(self.negations) and self.negations[zone] < cue_start):
                    return True
        return self.is_aggressor(mention)

    def is_aggressor(self, mention: Mention) -> bool:
        """What the text says the mention does or did: "Russia's invasion", "X's threats",
        "Russia launched a full-scale invasion", "relations with X remain hostile"."""
        after = re.match(r"(?:’s|'s)\s+", self.low[mention.end : mention.end + 4])
        if after and self.cues.possessed.match(self.low, mention.end + after.end()) is not None:
            return True
        return self._hostile_after(mention)

    def _hostile_after(self, mention: Mention) -> bool:
        """"relations with X remain hostile": a hostile word a few words on, same clause."""
        tail_end = min(len(self.low), mention.end + 60)
        breaks = ASIDE.search(self.low, mention.end, tail_end)
        comma = self.low.find(",", mention.end, tail_end)
        ends = [e for e in (breaks.start() if breaks else -1, comma) if e >= 0]
        tail_end = min([tail_end, *ends])
        word = self.cues.following.search(self.low, mention.end, tail_end)
        return word is not None and words_between(self.low, mention.end, word.start()) <= 3
