"""Years in budget text: which year a figure is for, whether the text hedges it ("2022 est.")
and whether it is a plan ("beginning in 2023")."""

from __future__ import annotations

import re
from dataclasses import dataclass

from multivector.engine.budget import cues as bc


@dataclass(frozen=True)
class YearMention:
    """A year a figure or change may belong to; `baseline` when it is the year compared against."""

    start: int
    end: int
    year: int
    baseline: bool
    label: bool  # "2005:" in a list: it only reaches forward


_YEAR = re.compile(
    r"(?<![\w.,$€£/-])(?:(?:FY|fiscal(?:\s+year)?)\s?)?((?:19|20)\d\d)"
    r"(?:\s?(?:-|–|/)\s?(?:(?:19|20)?\d\d))?(?![\w%]|[.,]\d)",
    re.IGNORECASE,
)


def year_mentions(
    text: str, start: int, end: int, doc_year: int | None, masked: list[tuple[int, int]]
) -> list[YearMention]:
    """Years in the span that may date a figure; years owned by another phrase are left out."""
    c = bc.cues()
    found: list[YearMention] = []
    spans = [(m.start(), m.end(), int(m.group(1))) for m in _YEAR.finditer(text, start, end)]
    if doc_year is not None:
        for m in c.relative_re.finditer(text, start, end):
            key = re.sub(r"\s+", " ", m.group()).lower().replace("’", "'")
            spans.append((m.start(), m.end(), doc_year + c.relative.get(key, 0)))
    for y0, y1, year in sorted(spans):
        if any(a <= y0 < b for a, b in masked):
            continue
        before = text[max(start, y0 - 25) : y0]
        prev = re.search(r"([\w'’]+)\W*$", before)
        if prev and c.blocked_before.fullmatch(prev.group(1)):
            continue
        after = re.match(r"[\s-]*([\w'’]+)", text[y1:end])
        if after and c.blocked_after.fullmatch(after.group(1)):
            continue
        label = bool(re.match(r"\s*(?:\(?est\.?\)?|estimate[ds]?|\(est\.?\))?\s*:", text[y1:end]))
        found.append(YearMention(y0, y1, year, bc.baseline_before(text, start, y0, 1), label))
    return found


_BOUND_AFTER = re.compile(r"[\s)]*(?:in|for|during|\()\s*(?:fiscal\s+)?(?:the\s+)?", re.I)


def nearest_year(years: list[YearMention], a: int, b: int, baseline: bool | None,
                 text: str = "") -> YearMention | None:
    """The year nearest to the span a..b; `baseline` None takes any, else only that role.
    A year right after it ("$1.1 billion in 2005") is bound to it, whatever stands before."""

    def distance(y: YearMention) -> int:
        if y.start >= b and text and _BOUND_AFTER.fullmatch(text, b, y.start):
            return 0
        return a - y.end if y.end <= a else (y.start - b if y.start >= b else 0)

    pool = [
        y
        for y in years
        if (baseline is None or y.baseline == baseline) and not (y.label and y.start >= b)
    ]
    return min(pool, key=lambda y: (distance(y), y.start > a), default=None)


_ESTIMATE = re.compile(r"\s*(?:est\.?|estimated?|estimates)(?!\w)", re.I)


@dataclass(frozen=True)
class Dating:
    """The year a figure is for, and what the text says about that year."""

    year: int | None
    planned: bool  # a year the figure is planned for ("beginning in 2023", "will ... in 2009")
    estimate: bool  # the year is marked as an estimate ("(2022 est.)")


def dating(text: str, clause: tuple[int, int], span: tuple[int, int], years: list[YearMention],
           doc_year: int | None, baseline: bool | None = False) -> Dating:
    """The year of the figure at `span`: the nearest year in its clause (`nearest_year`). The
    figure is planned when that year follows a plan word ("beginning in 2023"), or "by" or is
    after the article's own year, with a future word in the clause ("will spend ... in 2009")."""
    c = bc.cues()
    in_clause = [y for y in years if clause[0] <= y.start < clause[1]] or years
    year = nearest_year(in_clause, *span, baseline, text)
    if year is None:
        return Dating(None, False, False)
    before = text[max(clause[0], year.start - 30) : year.start]
    cue = c.planned_year.search(before)
    planned = cue is not None and not before[cue.end() :].strip()
    if not planned and c.future.search(text, *clause):
        by = re.search(r"\bby\s+(?:the\s+(?:end\s+of\s+)?)?(?:year\s+)?$", before, re.I)
        planned = by is not None or (doc_year is not None and year.year > doc_year)
    return Dating(year.year, planned, bool(_ESTIMATE.match(text, year.end)))
