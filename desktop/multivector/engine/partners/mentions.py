"""Which entity mentions are actors: not the focal country, not a place, not an adversary."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable

from multivector.engine.knowledge.cues import Cues
from multivector.engine.knowledge.gazetteer import ACRONYM, CAPITAL, DEMONYM, Gazetteer, Mention
from multivector.engine.text.clauses import ASIDE, words_between, words_in
from multivector.engine.text.clauses import breaks as breaks_of

# The items of a list before a name: "Kosovo and ", "Latvia, Romania, and most recently, ".
_ITEM_BEFORE = re.compile(
    r"[A-Z][\w’'\-.]*(?:\s+[A-Z][\w’'\-.]*)*\s*(?P<join>,\s*(?:and\s+|or\s+)?|\s+and\s+|\s+or\s+)"
    r"(?:(?:most |more )?recently,?\s+|also\s+|later,?\s+)?(?:the\s+)?$"
)


# What a list item ends with, right before the next item: a quick test before `_ITEM_BEFORE`.
_JOINED = re.compile(r"(?:,|\band|\bor|\brecently,?|\balso|\blater,?)\s+(?:the\s+)?$")


def list_head(text: str, mention: Mention) -> int:
    """Where the list a mention closes begins ("Kosovo and Lebanon": at Kosovo), so that what
    stands before the list speaks for every item of it. Only the last item of a list follows an
    "and": in "between Armenia and Azerbaijan, Israel funded", Israel's list is itself."""
    head = mention.start
    floor = max(0, mention.start - 160)
    if _JOINED.search(text, max(floor, head - 24), head) is None:
        return head  # most names stand in no list: nothing more to search
    seen_and = False
    while True:
        item = _ITEM_BEFORE.search(text, max(floor, head - 60), head)
        if item is None:
            return head
        joined_by_and = bool(re.search(r"\b(?:and|or)\b", item.group("join")))
        if seen_and and joined_by_and or (head < mention.start and joined_by_and):
            return head
        seen_and = seen_and or joined_by_and
        head = item.start()


def not_an_actor(low: str, head: int, heads: list[tuple[int, int]]) -> bool:
    """A list after "besides", "similar to", "refugees from", "founded by" (`heads`, the spans
    of those phrases in reading order): compared with, come from or historical, no actor
    either way. `head` is where the mention's list begins."""
    index = bisect_right(heads, (head, head)) - 1
    while index >= 0 and heads[index][1] > head:
        index -= 1  # a phrase that runs into the list itself
    return index >= 0 and _BEFORE_LIST.fullmatch(low, heads[index][1], head) is not None


_BEFORE_LIST = re.compile(r"[\s,]+(?:the\s+)?")


_NEXT_WORD = re.compile(r"[ \t\u00a0]+([\w\u00e9]+)")


def names_armed_group(text: str, mention: Mention, cues: Cues) -> bool:
    """"Afghan insurgent groups", "Syrian rebels": a demonym that names fighters, not the state."""
    if mention.form != DEMONYM:
        return False
    following = _NEXT_WORD.match(text, mention.end)
    return following is not None and following.group(1).lower() in cues.armed_groups


def is_place(
    text: str, mention: Mention, gazetteer: Gazetteer, cues: Cues, head: int | None = None
) -> bool:
    """"talks in Madrid", "troops sent to Kosovo and Lebanon": a country or capital as a place.
    `head` is where the mention's list begins (`list_head`), when the caller knows it."""
    if gazetteer.entities[mention.entity].kind != "country" and mention.form != CAPITAL:
        return False
    if mention.form == CAPITAL:
        # "the Brussels Summit", "the Minsk agreements": the city names a meeting or a text
        following = _NEXT_WORD.match(text, mention.end)
        if following and following.group(1) in cues.event_nouns:
            return True
    head = list_head(text, mention) if head is None else head
    before_list = text[max(0, mention.start - 120) : head]
    before = words_in(before_list)
    if before and before[-1].lower() == "the":
        before = before[:-1]
    if not before:
        return False
    if before[-1].lower() in cues.location:
        # "officers studying in China, Russia, the USA": hosts of the focal country's students
        return not (len(before) > 1 and before[-2].lower() in cues.study_verbs)
    if any(w.lower() in cues.place_words for w in before[-3:]):
        return True
    if before[-1].lower() == "on" and len(before) > 1 and before[-2].lower() in cues.topic_nouns:
        return True  # "continued cooperation on Afghanistan": a topic
    return before[-1].lower() == "to" and any(w.lower() in cues.deployment for w in before[-10:-1])


_WORD = re.compile(r"(?<![\w\-])[\w\-]+")
_SPACE = re.compile(r"[ \t\u00a0]+")
_POSSESSIVE = re.compile(r"(?:’s|'s)[ \t\u00a0]+")
_ATTRIBUTE = re.compile(r" (?!and\b|or\b)[a-z]")  # in lowered text: "u.s. policy", not "u.s. and"


class AdversaryCues:
    """Adversary and negation cues found in the whole lowered text, and what they make of a mention."""

    def __init__(self, low: str, cues: Cues, found: dict[str, list[tuple[int, int]]]) -> None:
        """`found`: the article's scan (cue set name -> spans), with the adversary cues, the
        negations, possessed nouns and hostile words."""
        adversary, negations = found["adversary"], found["negation"]
        self.low = low
        self.cues = cues
        self.spans = adversary
        self.ends = [end for _, end in self.spans]
        self.negations = [start for start, _ in negations]
        self._aggressors: dict[int, bool] = {}  # mention start -> is_aggressor, asked often
        self._hostile_words = [start for start, _ in found["hostile_after"]]
        self._possessed = found["possessed"]  # where "invasion", "threats" ... stand
        self._possessed_starts = [start for start, _ in self._possessed]

    def is_enemy(self, mention: Mention, sentence_start: int, head_of: Callable[[Mention], int]) -> bool:
        """An adversary beyond doubt: an aggressor ("Russia launched an invasion"), or the list
        right after an adversary cue ("counter Russia", "sanctions on Russia"; not "U.S." in
        "sanctions on Russia, and U.S. policy"). `head_of` finds where a mention's list begins."""
        if self.is_aggressor(mention):
            return True
        index = bisect_right(self.ends, mention.start) - 1
        if index < 0 or self.ends[index] < mention.start - 160:
            return False  # no adversary cue anywhere near: the usual case
        if mention.form in (DEMONYM, ACRONYM) and _ATTRIBUTE.match(self.low, mention.end):
            return False  # "U.S. policy", "Russian businesses": an attribute of something else
        head = head_of(mention)
        index = bisect_right(self.ends, head) - 1
        if index < 0 or not re.fullmatch(r"[\s,]*(?:the\s+)?", self.low[self.ends[index] : head]):
            return False
        return self.is_adversary(mention, sentence_start)

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
        known = self._aggressors.get(mention.start)
        if known is None:
            known = self._aggressors[mention.start] = self._is_aggressor(mention)
        return known

    def _is_aggressor(self, mention: Mention) -> bool:
        # "Russia's invasion", "China's increased assertiveness", "Russia's full-scale war",
        # and with a demonym "Russian aggression", "the Japanese invasion", "German occupation"
        after = (_SPACE if mention.form == DEMONYM else _POSSESSIVE).match(self.low, mention.end)
        if after:
            # a demonym owns only the next word ("Russian forces made gains against ..." is none)
            reach = 1 if mention.form == DEMONYM else 3
            index = bisect_left(self._possessed_starts, after.end())
            for start, word_end in self._possessed[index : index + 1]:
                if start > after.end() + 40 or words_between(self.low, after.end(), start) >= reach:
                    break
                # "the Philippine–American War" names a war, no aggressor
                named_war = mention.form == DEMONYM and self.low[start:word_end] in ("war", "wars")
                if not named_war:
                    return True
        return self._hostile_after(mention)

    def _hostile_after(self, mention: Mention) -> bool:
        """"relations with X remain hostile": a hostile word a few words on, same clause."""
        tail_end = min(len(self.low), mention.end + 60)
        index = bisect_left(self._hostile_words, mention.end)
        if index == len(self._hostile_words) or self._hostile_words[index] >= tail_end:
            return False  # no hostile word near: the usual case, known without a search
        breaks = ASIDE.search(self.low, mention.end, tail_end)
        comma = self.low.find(",", mention.end, tail_end)
        ends = [e for e in (breaks.start() if breaks else -1, comma) if e >= 0]
        tail_end = min([tail_end, *ends])
        if self._hostile_words[index] >= tail_end:
            return False
        return words_between(self.low, mention.end, self._hostile_words[index]) <= 3
