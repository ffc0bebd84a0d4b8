"""The country an article is about, which is not always the one it names most or the one that
issued it.

Each country mention of the body counts one; a title mention (or, with no title, one in a
first paragraph of one sentence, a headline) counts three more. Then, in order of strength:

- the object of a title ("U.S. Security Cooperation with Poland", "Russia's War Against
  Ukraine", "Ties with Australia", "Khaan Quest in Mongolia") is what the text is about;
- a country in the possessive ("Georgia’s sovereignty", "Qatar’s hosting of U.S. forces",
  "Kenya’s commitment to regional peace") is one whose own affairs the text describes: each
  such mention counts one more (an issuer writes of its partner's affairs, seldom of its own);
- the country a sentence opens with, as its subject, counts one more ("The Philippines became
  ..."), five more in the lead ("Tajikistan hosts Russia's base ...");
- a mention as an adversary ("Russia's invasion", "sanctions on Russia") or a capital as a
  venue ("signed in Washington, D.C.") says nothing about who the text is about;
- the issuer is not the subject: a capital or seat of government standing alone on a line of
  the letterhead ("The White House", "Office of the Spokesperson / Washington, DC") marks the
  country that wrote the text, and its mentions count half.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from collections.abc import Callable

from multivector.engine.knowledge.gazetteer import CAPITAL, DEMONYM, Gazetteer, Mention

TITLE_WEIGHT = 3
TITLE_OBJECT = 10
LEAD_OPENER = 5
_OBJECT_BEFORE = re.compile(r"(?:\bwith|\bagainst|\bin|\bto|\btowards?)\s+(?:the\s+)?$", re.I)
# What may stand before the opener: "The", a date or place phrase ("On April 7 Kazakhstan ...").
# (a date needs no comma after it; any other opening phrase does: "By working with Japan" is no
# opening phrase of Japan's)
_OPENING = re.compile(
    r"^(?:(?:On|In|Since|By|After)\s[^,.;]{1,30}?(?:\d,?|,)\s+)?(?:the\s+|The\s+)?$"
)


def _alone_on_line(text: str, mention: Mention) -> bool:
    line_start = text.rfind("\n", 0, mention.start) + 1
    line_end = text.find("\n", mention.end)
    line_end = len(text) if line_end < 0 else line_end
    return not text[line_start : mention.start].strip() and not text[mention.end : line_end].strip(
        " ,.\t"
    )


_AND = re.compile(r"\s*(?:,\s*(?:and\s+)?|and\s+)(?:the\s+)?$")


def _openers(
    text: str, span: tuple[int, int], mentions: list[Mention], gazetteer: Gazetteer
) -> list[str]:
    """The countries a sentence opens with, as its subject ("The Philippines became ...", "The
    United States and Finland enjoy ...": both). Adjectives are no subject: in "Japanese and
    Australian forces held exercises with the Philippines" the forces are."""
    found: list[Mention] = []
    for mention in mentions:
        if gazetteer.entities[mention.entity].kind != "country":
            continue
        if not found:
            if not _OPENING.match(text[span[0] : mention.start]):
                return []
        elif not _AND.match(text[found[-1].end : mention.start]):
            break
        found.append(mention)
    if any(m.form == DEMONYM for m in found):
        return []
    return list(dict.fromkeys(m.entity for m in found))


def detect_focal(
    text: str,
    mentions: list[Mention],
    gazetteer: Gazetteer,
    title: tuple[int, int],
    titled: bool,
    sentences: list[tuple[int, int]],
    not_about: Callable[[Mention], bool],
) -> str | None:
    """The ISO3 code of the country the text is about, or None when it names no country.
    `title` is the span of the header's title (`titled`), else of a headline paragraph;
    `sentences` are the body's (the first is the lead); `not_about` tells a mention that says nothing about the subject (an adversary, a venue)."""
    counts: Counter[str] = Counter()
    first_seen: dict[str, int] = {}
    issuers: set[str] = set()
    objects: set[str] = set()
    letterhead_end = sentences[0][0] if sentences else len(text)
    by_start = sorted(mentions, key=lambda m: m.start)
    for mention in by_start:
        if gazetteer.entities[mention.entity].kind != "country":
            continue
        first_seen.setdefault(mention.entity, mention.start)
        if (
            mention.form == CAPITAL
            and mention.start < letterhead_end
            and _alone_on_line(text, mention)
        ):
            issuers.add(mention.entity)
            continue
        if not_about(mention):
            continue
        counts[mention.entity] += 1
        possessive = text.startswith(("’", "'"), mention.end)
        if possessive:
            counts[mention.entity] += 1
        if title[0] <= mention.start < title[1]:
            counts[mention.entity] += TITLE_WEIGHT
            # "Ties with Australia", not "Developments in the United States’ Ties"
            if (
                titled
                and not possessive
                and _OBJECT_BEFORE.search(text, max(title[0], mention.start - 12), mention.start)
            ):
                objects.add(mention.entity)
    if not first_seen:
        return None
    for code in objects - issuers:
        counts[code] += TITLE_OBJECT
    starts = [m.start for m in by_start]
    for index, span in enumerate(sentences):
        inside = by_start[bisect_left(starts, span[0]) : bisect_left(starts, span[1])]
        for opener in _openers(text, span, inside, gazetteer):
            counts[opener] += LEAD_OPENER if index == 0 else 1
    score = {code: counts[code] / 2 if code in issuers else counts[code] for code in first_seen}
    return max(score, key=lambda code: (score[code], -first_seen[code]))
