"""Whose relation a sentence states: the focal country's, or two other countries' own.

- An enemy of the focal country is no partner anywhere in the text: a country the text says the
  focal country counters, deters or is at war with, or that invades or attacks it, in a sentence
  naming both ("the United States and Poland maintain a forward posture to ... counter Russia",
  "Russia launched a full-scale invasion of neighboring Ukraine").
- A sentence whose subject is another country, that names a third and not the focal country,
  states their relation, not the focal country's ("Russia has also received increased
  assistance from China, North Korea, and Iran" in a text about Ukraine; "Russia sells arms to
  Vietnam" in one about India).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable

from multivector.engine.knowledge.gazetteer import Gazetteer, Mention
from multivector.engine.partners.mentions import list_head
from multivector.engine.text.clauses import SUB_CLAUSE, clause_bounds
from multivector.model.analysis import Sentence

# What may stand before a sentence's subject: "The", a date or a phrase closed by a comma.
_OPENING = re.compile(
    r"(?:(?:On|In|Since|By|After|Before|During)\s[^,.;]{1,40}?(?:\d,?|,)\s+)?(?:the\s+|The\s+)?"
)


def enemies(
    mentions: list[Mention],
    sentences: list[Sentence],
    focal: str | None,
    is_enemy: Callable[[Mention, int], bool],
) -> set[str]:
    """Entities named as adversaries beyond doubt in a sentence naming the focal country too."""
    if focal is None:
        return set()
    starts = [m.start for m in mentions]
    found: set[str] = set()
    for sentence in sentences:
        inside = mentions[bisect_left(starts, sentence.start) : bisect_left(starts, sentence.end)]
        if not any(m.entity == focal for m in inside):
            continue
        found.update(
            m.entity
            for m in inside
            if m.entity != focal and m.entity not in found and is_enemy(m, sentence.start)
        )
    return found


def others_relation(
    text: str,
    sentence: Sentence,
    inside: list[Mention],
    focal: str | None,
    focal_at: list[int],
    gazetteer: Gazetteer,
) -> tuple[int, int] | None:
    """The clause of the sentence that states a relation between two countries neither of
    which is the focal one (its subject is another country, it names a third and not the focal
    country: `focal_at` are the places that name or point to it), else None."""
    if focal is None:
        return None
    countries = [m for m in inside if gazetteer.entities[m.entity].kind == "country"]
    if not countries or countries[0].entity == focal:
        return None
    opening = _OPENING.match(text, sentence.start, countries[0].start)
    if opening is None or opening.end() != countries[0].start:
        return None
    # the subject's own clause: "Russia remains the main threat, while Poland remains a close
    # partner" relates no two countries; "Russia sells arms to Vietnam, and India ..." does
    clause = next(
        (
            (a, b)
            for a, b in clause_bounds(text, sentence.start, sentence.end, SUB_CLAUSE)
            if a <= countries[0].start < b
        ),
        (sentence.start, sentence.end),
    )
    for mention in countries:  # a list the clause opens goes on past ", and Iran."
        ends_list = re.match(r"\s*(?:[.,;:)]|$)", text[mention.end : mention.end + 3]) is not None
        if mention.start >= clause[1] and ends_list and list_head(text, mention) < clause[1]:
            clause = (clause[0], mention.end)
    if any(clause[0] <= at < clause[1] for at in focal_at):
        return None
    third = any(
        m.entity not in (focal, countries[0].entity) and m.start < clause[1] for m in countries[1:]
    )
    return clause if third else None
