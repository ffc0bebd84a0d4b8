"""The budget part of a summary: the table's rows, the chart's bars and the headline sentence."""

from __future__ import annotations

from collections import Counter

from multivector.model.analysis import BUDGET_KINDS, Analysis, BudgetFact
from multivector.summary.model import BudgetChart, BudgetRow, ChartBar
from multivector.summary.wording import format_money, format_percent


def _paragraph(analysis: Analysis, offset: int) -> int | None:
    para = analysis.paragraph_at(offset)
    return para.index if para else None


def budget_row(analysis: Analysis, fact: BudgetFact) -> BudgetRow:
    return BudgetRow(
        fact.year, fact.label, fact.amount, fact.currency, fact.usd, fact.gdp_share_pct,
        fact.change_pct, fact.kind, fact.basis, fact.direction, fact.approximate,
        _paragraph(analysis, fact.start),
    )


def budget_order(fact: BudgetFact) -> tuple[int, int]:
    return (fact.year if fact.year is not None else 10_000, BUDGET_KINDS.index(fact.kind)
            if fact.kind in BUDGET_KINDS else len(BUDGET_KINDS))


def budget_chart(facts: tuple[BudgetFact, ...]) -> BudgetChart | None:
    """One bar per year in the most used currency (stated before derived); directions alone."""
    dated = [f for f in facts if f.year is not None]
    amounts = [f for f in dated if f.amount is not None and f.currency]
    if amounts:
        currency = Counter(f.currency for f in amounts).most_common(1)[0][0] or ""
        values = [(f, f.amount) for f in amounts if f.currency == currency]
    else:  # only dollar figures: chart those
        currency = "USD"
        values = [(f, f.usd) for f in dated if f.usd is not None]
    bars: dict[int, ChartBar] = {}
    for fact, value in sorted(values, key=lambda fv: fv[0].kind != "stated"):
        if fact.year is not None and value is not None:
            bars.setdefault(fact.year, ChartBar(fact.year, value, fact.kind))
    for fact in dated:
        if fact.kind == "qualitative" and fact.year is not None:
            bars.setdefault(fact.year, ChartBar(fact.year, None, "qualitative",
                                                fact.direction or "up"))
    if not bars:
        return None
    return BudgetChart(currency, tuple(bars[y] for y in sorted(bars)))


def _usd_of(main: BudgetFact, same_year: list[BudgetFact]) -> float | None:
    if main.usd is not None:
        return main.usd
    for fact in same_year:
        if fact.currency == "USD" and fact.amount is not None:
            return fact.amount
        if fact.usd is not None:
            return fact.usd
    return None


def budget_headline(facts: tuple[BudgetFact, ...]) -> str:
    stated = [f for f in facts if f.kind == "stated" and f.amount is not None and f.year]
    parts: list[str] = []
    if stated:
        main = max(stated, key=lambda f: (f.year or 0, f.currency != "USD"))
        same_year = [f for f in facts if f.year == main.year and f.kind == "stated"]
        usd = _usd_of(main, same_year) if main.currency != "USD" else None
        gdp = next((f.gdp_share_pct for f in same_year if f.gdp_share_pct is not None), None)
        change = next((f for f in same_year if f.change_pct is not None), None)
        text = f"The {main.year} defense budget is {format_money(main.amount, main.currency)}"
        extras = [f"{format_money(usd)} USD"] if usd is not None else []
        if gdp is not None:
            extras.append(f"{format_percent(gdp)} of GDP")
        if extras:
            text += f" ({'; '.join(extras)})"
        if change is not None and change.change_pct is not None:
            word = "up" if change.change_pct >= 0 else "down"
            about = "about " if change.approximate else ""
            text += f", {word} {about}{format_percent(abs(change.change_pct))} on the year before"
        parts.append(text + ".")
    for fact in facts:
        if fact.kind == "qualitative" and fact.year is not None:
            word = "grow" if fact.direction != "down" else "fall"
            parts.append(f"For {fact.year} the article expects spending to {word}, "
                         "without a figure.")
    return " ".join(parts)
