"""The budget cue words (resources/budget/cues.toml) as regular expressions, and the small
readers built on them: defense-spending phrases, hedges, years, shares of GDP and changes.

Every reader works on `text[start:end]` of the whole document so offsets stay document offsets.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache, lru_cache

from multivector.engine.budget.money import (
    Fold,
    Literals,
    Percent,
    alternation,
    find_folds,
    find_percents,
)
from multivector.engine.text.clauses import LIST_ITEM, crosses, words_between
from multivector.engine.text.compiled import compiled
from multivector.resources import resource_path


def _terms(items: Iterable[str]) -> re.Pattern[str]:
    """Whole words or phrases, longest first, any spacing between the words of a phrase."""
    body = alternation([i for i in items if i], apostrophe="['’]")
    return compiled(rf"(?<![\w$€£]){body}(?![\w])", re.IGNORECASE)


@dataclass(frozen=True)
class Cues:
    """The compiled cue lists; see resources/budget/cues.toml for what each one means."""

    defense: re.Pattern[str]
    spending: re.Pattern[str]
    spending_words: Literals  # what `spending` must spell out, to skip it where it cannot match
    aside_words: Literals  # what a [set_aside] or [transfer] word must spell out
    not_defense: re.Pattern[str]
    other_budgets: re.Pattern[str]
    hedges: re.Pattern[str]
    up: re.Pattern[str]
    down: re.Pattern[str]
    factors: dict[str, float]
    baseline: re.Pattern[str]
    relative: dict[str, int]
    relative_re: re.Pattern[str]
    blocked_before: re.Pattern[str]
    blocked_after: re.Pattern[str]
    gdp: re.Pattern[str]
    bare_headings: re.Pattern[str]
    heading_words: int
    set_aside: dict[str, re.Pattern[str]]  # kind -> its words ("aid", "sale", "loan")
    set_aside_says: dict[str, str]  # kind -> the note's wording
    transfer: re.Pattern[str]
    guideline: re.Pattern[str]
    guideline_met: re.Pattern[str]
    guideline_short: re.Pattern[str]
    planned_year: re.Pattern[str]
    future: re.Pattern[str]
    purpose_nouns: re.Pattern[str]
    purpose_stops: frozenset[str]
    purpose_skip: frozenset[str]
    defense_window: int
    change_window: int


@cache
def cues() -> Cues:
    """The cue lists, read once."""
    with resource_path("budget", "cues.toml").open("rb") as handle:
        d = tomllib.load(handle)
    change, years, purpose = d["change"], d["years"], d["purpose"]
    headings, aside, guideline = d["headings"], d["set_aside"], d["guideline"]
    return Cues(
        defense=_terms(d["defense"]["terms"]),
        spending=_terms(d["spending"]["terms"]),
        spending_words=Literals(loose=d["spending"]["terms"]),
        aside_words=Literals(loose=[*d["transfer"]["verbs"],
                                    *(t for entry in aside.values() for t in entry["terms"])]),
        not_defense=_terms(d["not_defense"]["terms"]),
        other_budgets=_terms(d["not_defense"]["other_budgets"]),
        hedges=_terms(d["hedges"]["terms"]),
        up=_terms(change["up"]),
        down=_terms(change["down"]),
        factors={k.lower(): float(v) for k, v in change.get("factors", {}).items()},
        baseline=_terms(d["baseline"]["terms"]),
        relative={k.lower().replace("’", "'"): int(v) for k, v in years["relative"].items()},
        relative_re=_terms(years["relative"]),
        blocked_before=_terms(years["blocked_before"]),
        blocked_after=_terms(years["blocked_after"]),
        gdp=_terms(d["gdp"]["terms"]),
        bare_headings=_terms(headings["bare"]),
        heading_words=int(headings.get("max_words", 8)),
        set_aside={kind: _terms(entry["terms"]) for kind, entry in aside.items()},
        set_aside_says={kind: str(entry["says"]) for kind, entry in aside.items()},
        transfer=_terms(d["transfer"]["verbs"]),
        guideline=_terms(guideline["nouns"]),
        guideline_met=_terms(guideline["met"]),
        guideline_short=_terms(guideline["short"]),
        planned_year=_terms(d["planned"]["year_before"]),
        future=_terms(d["planned"]["future"]),
        purpose_nouns=_terms(purpose["nouns"]),
        purpose_stops=frozenset(w.lower() for w in purpose["stops"]),
        purpose_skip=frozenset(w.lower() for w in purpose["skip"]),
        defense_window=int(d["defense"].get("window", 5)),
        change_window=int(change.get("window", 4)),
    )




def may_spend(text: str, start: int, end: int) -> bool:
    """False when no spending word can stand in text[start:end], so no defense phrase, purpose
    or direction can either: true of most sentences of an article, which are then skipped."""
    return cues().spending_words.any_in(text, start, end)


def may_set_aside(text: str, start: int, end: int) -> bool:
    """False when no word that sets a sum aside (aid, a sale, a verb of giving) can stand in
    text[start:end]: such a sentence names no sum to note as someone else's."""
    return cues().aside_words.any_in(text, start, end)


def defense_phrases(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Spans where a defense word stands within a few words of a spending word, no ";" between."""
    return list(_defense_phrases(text, start, end))


@lru_cache(maxsize=256)  # asked again for the same sentence and clause by several readers
def _defense_phrases(text: str, start: int, end: int) -> tuple[tuple[int, int], ...]:
    c = cues()
    if not may_spend(text, start, end):
        return ()
    spends = list(c.spending.finditer(text, start, end))
    if not spends:
        return ()
    found = []
    defense = [m.span() for m in c.defense.finditer(text, start, end)]
    for spend in spends:
        best: tuple[int, int, int] | None = None  # the nearest defense word wins
        for d0, d1 in defense:
            a, b = (d1, spend.start()) if d0 < spend.start() else (spend.end(), d0)
            gap = words_between(text, a, b, numbers=False)
            if (not crosses(text, a, b, LIST_ITEM) and gap <= c.defense_window
                    and (best is None or gap < best[0])):
                best = (gap, min(d0, spend.start()), max(d1, spend.end()))
        if best is not None:
            found.append(best[1:])
    return tuple(found)


def hedged(text: str, floor: int, pos: int) -> bool:
    """Whether a hedge ("around", "some", "est.") stands right before `pos`."""
    before = text[max(floor, pos - 40) : pos]
    return any(
        re.fullmatch(r"[\s:(\[,]*(?:an?\s+)?", before[m.end() :])
        for m in cues().hedges.finditer(before)
    )


def baseline_before(text: str, floor: int, pos: int, words: int = 2) -> bool:
    """Whether a comparison word ("than", "over", "from") stands `words` words or fewer before
    `pos`."""
    for m in cues().baseline.finditer(text, max(floor, pos - 60), pos):
        gap = text[m.end() : pos]
        if re.fullmatch(rf"[\s,]*(?:[\w'’]+\s+){{0,{words}}}[\s(]*", gap):
            return True
    return False


@cache
def _share_tail() -> re.Pattern[str]:
    """" of [up to four words] GDP" after a percentage."""
    return re.compile(rf"\s+of\s+(?:[\w'’-]+\s+){{0,4}}?(?:{cues().gdp.pattern})", re.I)


def share_spans(text: str, start: int, end: int) -> list[tuple[Percent, int]]:
    """Percentages of GDP, each with the end of its "of ... GDP" phrase."""
    found = []
    for pct in find_percents(text, start, end):
        gdp = _share_tail().match(text, pct.end, end)
        if gdp:
            found.append((pct, gdp.end()))
    return found


@dataclass(frozen=True)
class ChangeMention:
    """A stated change: a percentage or factor next to a change word."""

    start: int
    end: int
    pct: float  # signed, in percent ("fell 12%" -> -12.0; "1.5-fold" -> 50.0)
    factor: float  # 1 + pct / 100
    approximate: bool
    phrase: str  # the words of the text that state it, for bases and notes


def _direction(text: str, start: int, end: int, a: int, b: int) -> tuple[int, int, int]:
    """+1 or -1 from the change word nearest to a..b within the window (0 if none), and the
    span of the words that state the change ("increase of around 74%")."""
    c = cues()
    best: tuple[int, int, int, int] | None = None
    for regex, sign in ((c.up, 1), (c.down, -1)):
        for m in regex.finditer(text, start, end):
            before = m.end() <= a
            gap = words_between(text, m.end(), a) if before else words_between(text, b, m.start())
            limit = c.change_window if before else 2
            if (before or m.start() >= b) and gap <= limit and (best is None or gap < best[0]):
                best = (gap, sign, min(m.start(), a), max(m.end(), b))
    return (best[1], best[2], best[3]) if best else (0, a, b)


_LEVEL = re.compile(r"\b(?:to|from|at)\s+(?:\w+\s+)?$", re.I)


def find_changes(
    text: str, start: int, end: int, masked: list[tuple[int, int]]
) -> list[ChangeMention]:
    """Year-on-year changes in the span: "an increase of around 74%", "fell 12%", "1.5-fold"."""
    c = cues()
    found = []
    for pct in find_percents(text, start, end):
        if any(a <= pct.start < b for a, b in masked):
            continue
        if _LEVEL.search(text[max(start, pct.start - 20) : pct.start]):
            continue  # "rose to 12%" is a level, not a change
        sign, p0, p1 = _direction(text, start, end, pct.start, pct.end)
        if sign:
            phrase = " ".join(text[p0:p1].split())
            found.append(
                ChangeMention(pct.start, pct.end, sign * pct.value, 1 + sign * pct.value / 100,
                              hedged(text, start, pct.start), phrase)
            )
    for fold in find_folds(text, start, end, c.factors):
        found.append(_fold_change(text, start, end, fold))
    return [f for f in found if f.factor > 0]


def _spending_near(text: str, start: int, end: int, fold: Fold) -> bool:
    c = cues()
    for m in c.spending.finditer(text, start, end):
        a, b = (m.end(), fold.start) if m.end() <= fold.start else (fold.end, m.start())
        if words_between(text, a, b) <= c.change_window:
            return True
    return False


def _fold_change(text: str, start: int, end: int, fold: Fold) -> ChangeMention:
    word = text[fold.start : fold.end].lower()
    sign, p0, p1 = _direction(text, start, end, fold.start, fold.end)
    if word in cues().factors:
        # "doubled its defense budget", "spending tripled"; not "doubling the size of the armed
        # forces": a change word by itself needs a spending word beside it
        sign, p0, p1 = (1, fold.start, fold.end) if _spending_near(text, start, end, fold) else (
            0, fold.start, fold.end)
    factor = fold.factor if sign >= 0 else 1 / fold.factor
    if sign == 0:
        factor = 0.0  # "1.5 times the size" with no change word is not a change
    return ChangeMention(
        fold.start, fold.end, (factor - 1) * 100, factor, hedged(text, start, fold.start),
        " ".join(text[p0:p1].split()),
    )
