"""What one sentence says about the defense budget: figures, changes, shares, directions,
purposes, and the sums it names that are set aside as not the focal country's budget.

Which money figures count, and which are set aside, is aside.py's call. A figure and its
equivalent in another currency ("441 billion tenge ($918 million)") are read as one figure, and a
share of GDP in the same clause belongs to it: on one line of a reference book, "$647 million
(4.9% of GDP)" is one fact. On a spending line (sections.py) a bare percentage under a GDP key is a
share of GDP ("Percent Gdp: 1,05% (2025)").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from multivector.engine.budget import cues as bc
from multivector.engine.budget.aside import Place, SetAside, money_verdict, share_verdict
from multivector.engine.budget.cues import ChangeMention
from multivector.engine.budget.money import Money, Percent, find_folds, find_money, find_percents
from multivector.engine.budget.sections import SpendingLine
from multivector.engine.budget.years import YearMention, dating, nearest_year, year_mentions
from multivector.engine.text.clauses import SUB_CLAUSE, clause_at, clause_bounds
from multivector.model.analysis import Sentence

_SHARE_THEN_FIGURE = re.compile(r"[\s,(]*(?:or|i\.e\.|that is|equal to|equivalent to)?[\s(]*", re.I)
_RESTATED = re.compile(
    r"[\s,(\[–—-]*(?:(?:or|i\.e\.|that is|equivalent to|equal to)\s*)?", re.I
)
_LABEL_SKIP = re.compile(r"^(?:the|a|an|its|this|that|their|his|her|of|for|\d.*)$", re.I)


@dataclass(frozen=True)
class Figure:
    """A defense money figure as read in its sentence, with what belongs to it there."""

    money: Money
    equivalent: Money | None
    year: int | None
    baseline: bool  # the value compared against ("over last year's $1.7 billion")
    share: Percent | None
    change: ChangeMention | None
    change_baseline: int | None  # the year the change is measured from, when the text says
    hedged: tuple[str, ...]
    label: str | None
    planned: bool = False


@dataclass(frozen=True)
class Share:
    """A share of GDP with no money figure in its sentence."""

    pct: Percent
    year: int | None
    hedged: bool
    planned: bool
    label: str | None = None


@dataclass(frozen=True)
class LooseChange:
    """A change with no target figure in its sentence, to attach to a figure nearby."""

    change: ChangeMention
    year: int | None
    baseline_year: int | None


@dataclass(frozen=True)
class Direction:
    """A stated direction of the budget without a number ("considerable growth" in 2008)."""

    year: int
    direction: str
    label: str | None


@dataclass
class Reading:
    """Everything one sentence says about the defense budget."""

    sentence: Sentence
    figures: list[Figure] = field(default_factory=list)
    changes: list[LooseChange] = field(default_factory=list)
    shares: list[Share] = field(default_factory=list)
    directions: list[Direction] = field(default_factory=list)
    purposes: list[str] = field(default_factory=list)
    set_aside: list[SetAside] = field(default_factory=list)


def _equivalent(text: str, first: Money, second: Money) -> bool:
    """Whether `second` restates `first` in another currency ("($1.17 billion)", ", or $1.2bn")."""
    if first.currency == second.currency:
        return False
    between = text[first.end : second.start]
    between = bc.cues().hedges.sub(" ", between)
    return bool(_RESTATED.fullmatch(between))


def _label(text: str, clause: tuple[int, int], pos: int, phrase_only: bool = False) -> str | None:
    """The spending phrase nearest before `pos`, in the text's words ("military budget"); else,
    unless `phrase_only`, the spending word nearest before it with its modifiers ("draft
    budget")."""
    phrases = [p for p in bc.defense_phrases(text, *clause)
               if p[1] <= pos and not re.search(r"\d", text[p[0] : p[1]])]
    if phrases:
        a, b = phrases[-1]
        return " ".join(text[a:b].split())
    if phrase_only:
        return None
    spends = [m for m in bc.cues().spending.finditer(text, clause[0], pos)]
    if not spends:
        return None
    m = spends[-1]
    words = re.findall(r"[\w'’-]+", text[max(clause[0], m.start() - 40) : m.start()])
    kept: list[str] = []
    for word in reversed(words[-2:]):
        if _LABEL_SKIP.match(word) or not word.islower():
            break
        kept.insert(0, word)
    return " ".join([*kept, m.group()])


def _shares(text: str, s0: int, s1: int, line: SpendingLine | None) -> list[tuple[Percent, int]]:
    """Shares of GDP, each with the end of its phrase: "1.2% of GDP", or on a line under a GDP
    key, any percentage ("Percent Gdp: 1,05%")."""
    found = bc.share_spans(text, s0, s1)
    if line is not None and line.gdp:
        known = {p.start for p, _ in found}
        found += [(p, p.end) for p in find_percents(text, max(s0, line.start), min(s1, line.end))
                  if p.start not in known]
        found.sort(key=lambda pe: pe[0].start)
    return found


def read_sentence(text: str, sent: Sentence, doc_year: int | None, paragraph_defense: bool,
                  line: SpendingLine | None, place: Place) -> Reading:
    """The defense-budget content of one sentence (`line`: the spending line it is on, if any)."""
    s0, s1 = sent.start, sent.end
    reading = Reading(sent)
    shares = _shares(text, s0, s1, line)
    masked = [(p.start, end) for p, end in shares]
    money = find_money(text, s0, s1)
    changes = bc.find_changes(text, s0, s1, masked)
    years = year_mentions(text, s0, s1, doc_year, masked + [(m.start, m.end) for m in money])
    comparing = bool(changes) or len(money) > 1
    used_changes: set[int] = set()
    used_shares: set[int] = set()
    i = 0
    while i < len(money):
        main, equivalent = money[i], None
        if i + 1 < len(money) and _equivalent(text, main, money[i + 1]):
            equivalent = money[i + 1]
            i += 1
        i += 1
        clause = clause_at(text, s0, s1, main.start)
        verdict = money_verdict(text, clause, (main.start, (equivalent or main).end), masked, place)
        if isinstance(verdict, SetAside):
            reading.set_aside.append(verdict)
        if verdict is not True:
            continue
        if main.currency == "USD" and equivalent is not None:
            main, equivalent = equivalent, main  # the local currency leads, dollars go to `usd`
        other = equivalent or main
        span = (min(main.start, other.start), max(main.end, other.end))
        baseline = comparing and _is_baseline(text, clause[0], span[0])
        when = dating(text, clause, span, years, doc_year, None if baseline else False)
        share = next((p for p, _ in shares if span[1] <= p.start < clause[1]
                      and not any(span[1] < m.start < p.start for m in money)), None)
        share = share or next((p for p, gdp_end in shares if gdp_end <= span[0]  # before it
                               and _SHARE_THEN_FIGURE.fullmatch(
                                   bc.cues().hedges.sub(" ", text[gdp_end : span[0]]))), None)
        if share is not None:
            used_shares.add(share.start)
        estimate = when.estimate
        hedges = [("amount", bc.hedged(text, clause[0], main.start) or main.high is not None
                   or estimate)]
        if equivalent is not None:
            hedges.append(("usd", bc.hedged(text, clause[0], equivalent.start) or estimate))
        hedges.append(("gdp_share", bool(share and (bc.hedged(text, clause[0], share.start)
                                                     or estimate))))
        label = (_label(text, clause, span[0]) or _label(text, (s0, s1), span[0])
                 or (line.label if line else None))
        reading.figures.append(Figure(main, equivalent, when.year, baseline, share, None, None,
                                      tuple(k for k, v in hedges if v), label, when.planned))
    reading.figures = _with_changes(text, s0, s1, reading.figures, changes, years, used_changes)
    sentence_defense = place.sentence_defense
    spending_here = bool(bc.cues().spending.search(text, s0, s1))
    if sentence_defense or line is not None or (paragraph_defense and spending_here):
        for change in changes:
            if id(change) in used_changes:
                continue
            target = nearest_year(years, change.start, change.end, False)
            base = nearest_year(years, change.start, change.end, True)
            reading.changes.append(LooseChange(change, target.year if target else None,
                                               base.year if base else None))
        for pct, gdp_end in shares:
            if pct.start in used_shares or reading.figures:
                continue
            clause = clause_at(text, s0, s1, pct.start)
            aside = share_verdict(text, clause, (pct.start, pct.end))
            if aside is not None:
                reading.set_aside.append(aside)
                continue
            when = dating(text, clause, (pct.start, gdp_end), years, doc_year)
            hedged = bc.hedged(text, clause[0], pct.start) or when.estimate
            # a share's label is a named spending phrase ("Military expenditures"), never the
            # bare verb of "spend two percent of GDP"
            label = _label(text, clause, pct.start, True) or (line.label if line else None)
            reading.shares.append(Share(pct, when.year, hedged, when.planned, label))
        reading.directions = _directions(text, s0, s1, doc_year, masked)
        reading.purposes = _purposes(text, s0, s1)
    return reading


def _with_changes(text: str, s0: int, s1: int, figures: list[Figure], changes: list[ChangeMention],
                  years: list[YearMention], used: set[int]) -> list[Figure]:
    """Each change goes to the nearest figure in its clause that is not the compared-against one."""
    figures = list(figures)
    for change in changes:
        clause = clause_at(text, s0, s1, change.start)
        near = [i for i, f in enumerate(figures) if not f.baseline and f.change is None
                and clause[0] <= f.money.start < clause[1]]
        if not near:
            continue
        i = min(near, key=lambda i: min(abs(change.start - figures[i].money.end),
                                        abs(figures[i].money.start - change.end)))
        base = nearest_year(years, change.start, change.end, True)
        hedged = figures[i].hedged + (("change",) if change.approximate else ())
        figures[i] = replace(figures[i], change=change, change_baseline=base.year if base else None,
                             hedged=hedged)
        used.add(id(change))
    return figures


def _is_baseline(text: str, floor: int, pos: int) -> bool:
    """Compared against (after "over", "from", "than"), unless a nearer "to" makes it the target."""
    if not bc.baseline_before(text, floor, pos):
        return False
    return not re.search(r"\bto\s+(?:[\w'’]+\s+){0,2}$", text[max(floor, pos - 40) : pos])


def _directions(text: str, s0: int, s1: int, doc_year: int | None,
                masked: list[tuple[int, int]]) -> list[Direction]:
    """Directions without numbers, one per sub-clause that names a year and a spending word."""
    c = bc.cues()
    found: list[Direction] = []
    for a, b in clause_bounds(text, s0, s1, SUB_CLAUSE, after_mark=True):
        if find_money(text, a, b) or find_percents(text, a, b) or find_folds(text, a, b, c.factors):
            continue
        if not c.spending.search(text, a, b):
            continue
        ups = [(m.start(), "up") for m in c.up.finditer(text, a, b)]
        downs = [(m.start(), "down") for m in c.down.finditer(text, a, b)]
        if not ups and not downs:
            continue
        pos, direction = min(ups + downs)
        year = nearest_year(year_mentions(text, a, b, doc_year, masked), pos, pos, False)
        if year is not None:
            found.append(Direction(year.year, direction, _label(text, (a, b), pos)))
    return found


def _purposes(text: str, s0: int, s1: int) -> list[str]:
    """What the money is for: "expenditure on modernizing or buying weapons"."""
    c = bc.cues()
    found = []
    for m in c.purpose_nouns.finditer(text, s0, s1):
        tail = re.match(r"\s+(?:on|for)\s+([^,;:.()“”\"]+)", text[m.end() : s1])
        if not tail:
            continue
        words: list[str] = []
        for word in tail.group(1).split():
            if word.lower() in c.purpose_stops or c.up.fullmatch(word) or c.down.fullmatch(word):
                break
            words.append(word)
        phrase = " ".join(words)
        if phrase and phrase.lower() not in c.purpose_skip:
            found.append(phrase)
    return found
