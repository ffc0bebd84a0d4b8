"""Whether a sum near defense words is the focal country's own defense budget, and if not, why.

A money figure counts when its clause ties it to defense spending: the nearest cue word before
it (or the noun right after it) is a spending or defense word. It is set aside, and noted, when
that word makes it someone else's money or no budget at all (resources/budget/cues.toml):

- aid, financing, a sale, contract or loan ([set_aside]): "$350 million of Foreign Military
  Financing", "over $10 billion in defense contracts";
- a verb of giving with a country named as receiver ([transfer]): "provided $327 million to the
  Jordanian Armed Forces" (received), "pledged $500,000 ... to support the Afghan National
  Security Forces" (given away);
- another actor's spending: its sentence names that actor last before it ("while Russia spends
  $60 billion") or as the owner after it ("$35 million in the Pentagon's budget"), or names none
  and its paragraph is about that actor and never names the focal
  country ("the Obama Administration requested ... $925 million" after "The United States has
  been a key driver");
- for a share of GDP, a norm the country falls short of or only hears of ([guideline]): "falls
  short of the NATO requirement ... 2 percent of its GDP"; one it meets is its own ("meets its
  Wales commitments to spend two percent of its GDP", "allies that meet the NATO benchmark of
  spending at least 2 percent of GDP").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from multivector.engine.budget import cues as bc
from multivector.engine.budget.actors import Actors
from multivector.engine.text.clauses import LIST_ITEM, clause_at

_AFTER_STOP = re.compile(r"\b(?:and|or|but|while|whereas|than|which|that|as|compared)\b", re.I)
_NOUN_WORDS = 5  # how many words after a figure may name what it is ("in active ... sales cases")


@dataclass(frozen=True)
class SetAside:
    """A sum read and set aside: where it is written, why, and whose it is when the text says."""

    start: int
    end: int
    written: str  # the sum as the text writes it ("$350 million", "2 percent of its GDP")
    kind: str  # "aid", "sale", "loan" ([set_aside]), "given", "foreign" or "guideline"
    owner: str | None = None  # the actor's code, for "foreign" and "given"
    short: bool = False  # a guideline the text says the country falls short of


@dataclass(frozen=True)
class Place:
    """Where a figure stands: its sentence, the start of its paragraph, and whether it is on a
    spending line (sections.py); with the document's actors."""

    sentence_start: int
    paragraph_start: int
    on_line: bool
    sentence_defense: bool
    actors: Actors


Verdict = bool | SetAside  # True: counts; False: not defense money, nothing to say


def _aside(text: str, span: tuple[int, int], kind: str, owner: str | None = None,
           short: bool = False) -> SetAside:
    written = " ".join(text[span[0] : span[1]].split())
    return SetAside(span[0], span[1], written, kind, owner, short)


def _aside_kind(words: str) -> str | None:
    for kind, regex in bc.cues().set_aside.items():
        if regex.search(words):
            return kind
    return None


def _noun_after(text: str, clause_end: int, end: int) -> str:
    """The few words right after a figure that may say what it is ("per year MOU")."""
    tail = text[end:clause_end]
    stop = re.search(r"[,;:.()\[\]%\d]", tail)
    tail = tail[: stop.start()] if stop else tail
    cut = _AFTER_STOP.search(tail)
    return " ".join((tail[: cut.start()] if cut else tail).split()[:_NOUN_WORDS])


def money_verdict(text: str, clause: tuple[int, int], fig: tuple[int, int],
                  masked: list[tuple[int, int]], place: Place) -> Verdict:
    """Whether the figure at `fig` is the focal country's defense spending (module docstring)."""
    c = bc.cues()
    noun = _noun_after(text, clause[1], fig[1])
    if (kind := _aside_kind(noun)) is not None:
        receiver = place.actors.first(fig[1], clause[1])  # "... in development assistance to X"
        if kind == "aid" and receiver is not None and not place.actors.is_focal(receiver) and (
                place.actors.is_focal(place.actors.last(place.sentence_start, fig[0]))
                or c.transfer.search(text, clause[0], fig[0])):
            return _aside(text, fig, "given", receiver)
        return _aside(text, fig, kind)
    if c.not_defense.search(noun):
        return False
    head = list(text[clause[0] : fig[0]])
    for a, b in masked:  # "1.2% of GDP" does not make the figure GDP
        for i in range(max(a, clause[0]), min(b, fig[0])):
            head[i - clause[0]] = " "
    before = "".join(head)
    kinds = [("no", c.not_defense), ("spend", c.spending), ("def", c.defense),
             ("give", c.transfer), *c.set_aside.items()]
    hits = [(m.end(), kind, m) for kind, regex in kinds for m in regex.finditer(before)]
    if hits:
        _, kind, match = max(hits, key=lambda h: h[0])
        if kind in c.set_aside:
            return _aside(text, fig, kind)
        if kind == "give":
            given = _given(text, clause, clause[0] + match.end(), fig, place.actors)
            if given is not None:
                return given
            hits = [h for h in hits if h[1] != "give"]
    counts = _counts(text, clause, fig, before, hits, place)
    return _owner(text, clause, fig, place) if counts else False


def _given(text: str, clause: tuple[int, int], verb_end: int, fig: tuple[int, int],
           actors: Actors) -> SetAside | None:
    """Money handed over to a named receiver: aid the focal country gets, or money it gives."""
    receiver = actors.first(verb_end, fig[0]) or actors.first(fig[1], clause[1])
    if receiver is None:
        return None
    if actors.is_focal(receiver):
        return _aside(text, fig, "aid")
    return _aside(text, fig, "given", receiver)


def _counts(text: str, clause: tuple[int, int], fig: tuple[int, int], before: str,
            hits: list, place: Place) -> bool:
    c = bc.cues()
    if not hits:
        return place.sentence_defense or place.on_line
    _, kind, match = max(hits, key=lambda h: h[0])
    if kind == "no":
        return False
    if kind == "spend":
        at = clause[0] + match.start()
        paired = any(a <= at < b for a, b in bc.defense_phrases(text, *clause))
        other = re.search(rf"(?:{c.other_budgets.pattern})\s+$", before[: match.start()], re.I)
        if other and not paired:
            return False
    # A cue word is there but not part of a defense phrase: the figure's own part of the sentence
    # (up to ";" or ", while") must name defense spending somewhere.
    a = clause_at(text, clause[0], fig[0], fig[0], LIST_ITEM)[0]
    b = clause_at(text, fig[1], clause[1], fig[1], LIST_ITEM)[1]
    return bool(bc.defense_phrases(text, a, b)) or place.on_line


def _owner(text: str, clause: tuple[int, int], fig: tuple[int, int], place: Place) -> Verdict:
    """True when the money is the focal country's; else set aside as the other actor's."""
    actors = place.actors
    if place.on_line or actors.focal is None:
        return True  # a reference book's line belongs to the country the page is about
    owner = actors.last(place.sentence_start, fig[0]) or actors.possessor(text, fig[1], clause[1])
    if owner is None:
        owner = actors.paragraph_owner(place.paragraph_start, fig[0])
    if owner is None or actors.is_focal(owner):
        return True
    return _aside(text, fig, "foreign", owner)


def share_verdict(text: str, clause: tuple[int, int], pct: tuple[int, int]) -> SetAside | None:
    """None when a share of GDP is the country's own; else the guideline it is set aside as."""
    c = bc.cues()
    if not c.guideline.search(text, *clause):
        return None
    if c.guideline_short.search(text, *clause):
        return _aside(text, pct, "guideline", short=True)
    if c.guideline_met.search(text, *clause):
        return None
    return _aside(text, pct, "guideline")
