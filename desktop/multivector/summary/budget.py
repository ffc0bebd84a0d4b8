"""The budget part of a summary: the table's rows and cells, and the headline sentence.

Every year the text gives is a row (a reference book's five shares of GDP are five rows). A cell
says "≈" only where the text hedges that part ("around 74%", "2022 est.") or where we computed
it (a derived figure); a figure the text states exactly is written as stated. The chart is
summary/chart.py's.
"""

from __future__ import annotations

from multivector.engine.budget.numbers import DASH, format_money, format_percent
from multivector.model.analysis import BUDGET_KINDS, Analysis, BudgetFact
from multivector.summary.model import BudgetRow

BUDGET_HEADERS = ("Year", "Figure", "Amount", "USD", "% GDP", "Change", "Kind", "Para.")


def _paragraph(analysis: Analysis, offset: int) -> int | None:
    para = analysis.paragraph_at(offset)
    return para.index if para else None


def budget_row(analysis: Analysis, fact: BudgetFact) -> BudgetRow:
    return BudgetRow(
        fact.year, fact.label, fact.amount, fact.currency, fact.usd, fact.gdp_share_pct,
        fact.change_pct, fact.kind, fact.basis, fact.direction, fact.approximate,
        _paragraph(analysis, fact.start), fact.hedged,
    )


def budget_order(fact: BudgetFact) -> tuple[int, int]:
    return (fact.year if fact.year is not None else 10_000, BUDGET_KINDS.index(fact.kind)
            if fact.kind in BUDGET_KINDS else len(BUDGET_KINDS))


def kind_text(row: BudgetRow) -> str:
    """"stated", "planned", "derived: basis", "qualitative: up"."""
    if row.kind == "derived" and row.basis:
        return f"derived: {row.basis}"
    if row.kind == "qualitative" and row.direction:
        return f"qualitative: {row.direction}"
    return row.kind


def _about(row: BudgetRow, part: str) -> bool:
    """Whether the row's `part` is approximate: hedged by the text, or computed by us."""
    return row.kind == "derived" or part in row.hedged


def budget_cells(row: BudgetRow) -> tuple[str, ...]:
    """The row's cells in `BUDGET_HEADERS` order."""
    # a derived figure is no more exact than what it comes from: three significant digits
    amount = format_money(row.amount, row.currency, 3 if row.kind == "derived" else None)
    if row.amount is not None and _about(row, "amount"):
        amount = "≈ " + amount
    usd = DASH
    if row.usd is not None:
        usd = ("≈ " if _about(row, "usd") else "") + format_money(row.usd)
    if row.kind == "qualitative":
        change = {"up": "up (no figure)", "down": "down (no figure)"}.get(row.direction or "", DASH)
    else:
        change = format_percent(row.change_pct, signed=True, approximate=_about(row, "change"))
    return (
        str(row.year) if row.year is not None else DASH,
        row.label or DASH,
        amount,
        usd,
        format_percent(row.gdp_share_pct, approximate=_about(row, "gdp_share")),
        change,
        kind_text(row),
        str(row.paragraph) if row.paragraph is not None else DASH,
    )


def short_budget_cells(row: BudgetRow) -> tuple[str, ...]:
    """The row's cells with the kind alone; `basis_note` says how a derived figure was made.

    For narrow pages (a terminal, A4): the basis is a sentence, too long for a table cell, and
    a direction is in the change column already.
    """
    cells = budget_cells(row)
    at = BUDGET_HEADERS.index("Kind")
    return (*cells[:at], row.kind, *cells[at + 1 :])


def basis_note(row: BudgetRow) -> str:
    """"Derived 2006: 142.56 billion KZT (2007) / 1.74 ..."; "" for a row with no basis."""
    if not row.basis:
        return ""
    year = f" {row.year}" if row.year is not None else ""
    return f"{row.kind.capitalize()}{year}: {row.basis}"


def _usd_of(main: BudgetFact, same_year: list[BudgetFact]) -> float | None:
    if main.usd is not None:
        return main.usd
    for fact in same_year:
        if fact.currency == "USD" and fact.amount is not None:
            return fact.amount
        if fact.usd is not None:
            return fact.usd
    return None


def _share_headline(facts: tuple[BudgetFact, ...]) -> str:
    """"Defense spending was 1.2% of GDP in 2022 (1% in 2018)." for a series of shares alone."""
    shares = sorted((f for f in facts if f.kind == "stated" and f.gdp_share_pct is not None
                     and f.year is not None), key=lambda f: f.year or 0)
    if not shares:
        return ""
    last, first = shares[-1], shares[0]
    text = (f"Defense spending was {format_percent(last.gdp_share_pct)} of GDP in {last.year}")
    if first.year != last.year:
        text += f" ({format_percent(first.gdp_share_pct)} in {first.year})"
    return text + "."


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
        extras = [format_money(usd, "USD")] if usd is not None else []
        if gdp is not None:
            extras.append(f"{format_percent(gdp)} of GDP")
        if extras:
            text += f" ({'; '.join(extras)})"
        if change is not None and change.change_pct is not None:
            word = "up" if change.change_pct >= 0 else "down"
            about = "about " if "change" in change.hedged else ""
            text += f", {word} {about}{format_percent(abs(change.change_pct))} on the year before"
        parts.append(text + ".")
    elif share := _share_headline(facts):
        parts.append(share)
    for fact in facts:
        if fact.kind == "planned" and fact.year is not None and (
                fact.amount is not None or fact.gdp_share_pct is not None):
            figure = (format_money(fact.amount, fact.currency) if fact.amount is not None
                      else f"{format_percent(fact.gdp_share_pct)} of GDP")
            parts.append(f"For {fact.year} the article gives a planned {figure}.")
        if fact.kind == "qualitative" and fact.year is not None:
            word = "grow" if fact.direction != "down" else "fall"
            parts.append(f"For {fact.year} the article expects spending to {word}, "
                         "without a figure.")
    return " ".join(parts)
