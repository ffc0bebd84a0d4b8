"""Which partners of a sentence an area phrase belongs to.

In "cooperation within the CSTO, as well as a strategic partnership with Russia and China", the
strategic partnership is Russia's and China's, not the CSTO's. An area phrase goes, in order of
preference, to the actors bound to it ("partnership with X and Y", "X's support", "Spanish
support"), else to the actors of its clause, else to every partner of the sentence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from multivector.engine.knowledge.taxonomy import AreaHit
from multivector.engine.text.clauses import clause_bounds

_AFTER = re.compile(r"\s+(?:with|of|between|from|by|among|amongst|to|through|for|within)\s+")
_ARTICLE = re.compile(r"(?:the|The)\s+")
# "X's support", "Spanish support", "the Russian 102nd Military Base": at most one word between,
# and not a joining word.
_BEFORE_GAP = re.compile(
    r"(?:’s|'s)?\s*(?:the\s+)?(?:(?!(?:and|or|but|with|for|to|of|in|on|by|from)\b)[\w\-]+\s+)?"
)


@dataclass(frozen=True)
class Actor:
    """A place in the sentence that names or points to a partner, and why (cue) if indirect."""

    start: int
    end: int
    entity: str
    cue: str | None


_JOIN = re.compile(r"\s*(?:,\s*)?(?:(?:and|or)\s+)?(?:the\s+)?")


def _with_same_span(chain: list[Actor], actors: list[Actor]) -> list[Actor]:
    """A program's parent stands at the program's own mention: it belongs to the chain too."""
    spans = {(a.start, a.end) for a in chain}
    return [a for a in actors if (a.start, a.end) in spans]


def _chain_after(text: str, first: Actor, actors: list[Actor]) -> list[Actor]:
    chain = [first]
    for actor in sorted(actors, key=lambda a: a.start):
        if actor.start >= chain[-1].end and _JOIN.fullmatch(text, chain[-1].end, actor.start):
            chain.append(actor)
    return _with_same_span(chain, actors)


def _parenthesis_owner(text: str, hit: AreaHit, actors: list[Actor]) -> list[Actor]:
    """"Russia (Kant air base; CSTO forces)": a phrase in brackets right after an actor is its."""
    opening = text.rfind("(", 0, hit.start)
    if opening < 0 or text.find(")", opening, hit.start) >= 0:
        return []
    head = text[:opening].rstrip()
    owner = [a for a in actors if a.end == len(head)]
    return _with_same_span(owner, actors) if owner else []


def _bound(text: str, hit: AreaHit, actors: list[Actor]) -> list[Actor]:
    """Actors tied to the phrase by a preposition after it or by standing right before it."""
    after = _AFTER.match(text, hit.end)
    if after:
        article = _ARTICLE.match(text, after.end())
        starts = {after.end(), article.end() if article else after.end()}
        first = next((a for a in actors if a.start in starts), None)
        if first:
            return _chain_after(text, first, actors)
    before = [a for a in actors if a.end <= hit.start and _BEFORE_GAP.fullmatch(text, a.end, hit.start)]
    if before:
        chain = [max(before, key=lambda a: a.end)]
        for actor in sorted(actors, key=lambda a: a.end, reverse=True):
            if actor.end <= chain[-1].start and _JOIN.fullmatch(text, actor.end, chain[-1].start):
                chain.append(actor)
        return _with_same_span(chain, actors)
    return _parenthesis_owner(text, hit, actors)


def attribute_areas(
    text: str, sentence: tuple[int, int], hits: list[AreaHit], actors: list[Actor], focal: str | None,
    clauses: list[tuple[int, int]] | None = None,
) -> dict[str, list[str]]:
    """Area id -> the partner ids (entities of `actors`) it belongs to in this sentence
    (`clauses`: the sentence's `clause_bounds`, when the caller has them)."""
    partners = [a for a in actors if a.entity != focal]
    everyone = list(dict.fromkeys(a.entity for a in partners))
    clauses = clause_bounds(text, *sentence) if clauses is None else clauses
    result: dict[str, list[str]] = {}
    for hit in hits:
        inside = [a for a in actors if hit.start <= a.start and a.end <= hit.end]
        outside = [a for a in actors if a not in inside]
        bound = [a for a in _bound(text, hit, outside) if a.entity != focal]
        if bound:
            owners = [a.entity for a in bound]
        else:
            clause = next(((a, b) for a, b in clauses if a <= hit.start < b), sentence)
            in_clause = [a.entity for a in partners if clause[0] <= a.start < clause[1]]
            owners = in_clause or everyone
        result.setdefault(hit.area, [])
        result[hit.area].extend(o for o in owners if o not in result[hit.area])
    return result
