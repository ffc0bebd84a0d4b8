"""Budget facts laid out for a chart: which bar, how high, in which unit, with which labels.

Qt-free, so the plot widget only draws, and the numbers are tested without a screen.
"""

from __future__ import annotations

import csv
import io
from collections import Counter
from dataclasses import dataclass
from statistics import median

from multivector.model.analysis import Analysis, BudgetFact

SCALES = ((1e12, "trillions"), (1e9, "billions"), (1e6, "millions"), (1e3, "thousands"))
CSV_FIELDS = ("year", "kind", "amount", "currency", "usd", "gdp_share_pct", "change_pct",
              "direction", "basis", "approximate", "label", "start", "end")


@dataclass(frozen=True)
class Bar:
    """A fact with a height in the chart's unit; qualitative facts have `height` None."""

    fact: BudgetFact
    index: int  # position of the fact in analysis.budget
    height: float | None


@dataclass(frozen=True)
class BudgetLayout:
    """The chart's unit (currency and scale), USD rate for the right axis, and the bars."""

    currency: str
    scale: float
    scale_name: str
    usd_per_unit: float | None  # multiply a left-axis value by this for USD on the right axis
    bars: tuple[Bar, ...]

    @property
    def years(self) -> list[int]:
        return sorted({b.fact.year for b in self.bars if b.fact.year is not None})

    @property
    def top(self) -> float:
        return max((b.height for b in self.bars if b.height), default=1.0)

    def axis_label(self, currency: str | None = None) -> str:
        return f"{currency or self.currency}, {self.scale_name}" if self.scale_name else (
            currency or self.currency)


def _rate(facts: tuple[BudgetFact, ...], currency: str) -> float | None:
    """USD per unit of `currency`, from facts stating both (the median, if they disagree)."""
    rates = [f.usd / f.amount for f in facts
             if f.currency == currency and f.amount and f.usd and f.kind != "qualitative"]
    return median(rates) if rates else None


def layout(analysis: Analysis) -> BudgetLayout:
    facts = analysis.budget
    currencies = Counter(f.currency for f in facts if f.amount is not None and f.currency)
    currency = currencies.most_common(1)[0][0] if currencies else "USD"
    rate = 1.0 if currency == "USD" else _rate(facts, currency)
    values: list[float | None] = []
    for fact in facts:
        value = None
        if fact.kind != "qualitative":
            if fact.amount is not None and (fact.currency or "USD") == currency:
                value = fact.amount
            elif fact.usd is not None and rate:  # a USD-only figure, shown in the main currency
                value = fact.usd / rate
        values.append(value)
    biggest = max((v for v in values if v), default=0.0)
    scale, scale_name = next(((s, n) for s, n in SCALES if biggest >= s), (1.0, ""))
    bars = tuple(
        Bar(fact, i, None if v is None else v / scale)
        for i, (fact, v) in enumerate(zip(facts, values, strict=True))
        if fact.year is not None and (v is not None or fact.kind == "qualitative")
    )
    usd_per_unit = rate if rate and currency != "USD" else None
    return BudgetLayout(currency, scale, scale_name, usd_per_unit, bars)


def money(value: float, unit: str) -> str:
    """6100000000, "EUR" -> "6.1 billion EUR"."""
    for scale, name in SCALES:
        if abs(value) >= scale:
            return f"{value / scale:.4g} {name[:-1]} {unit}"
    return f"{value:,.0f} {unit}"


def annotation(fact: BudgetFact) -> str:
    """The short label drawn over a bar: share of GDP and change on the year before."""
    parts = []
    if fact.gdp_share_pct is not None:
        parts.append(f"{fact.gdp_share_pct:g}% of GDP")
    if fact.change_pct is not None:
        parts.append(f"{fact.change_pct:+g}% y/y")
    return "\n".join(parts)


def tooltip(fact: BudgetFact) -> str:
    """Every value the fact has, one per line."""
    about = "about " if fact.approximate else ""
    head = f"{fact.year} · {fact.kind}" + (f" · {fact.label}" if fact.label else "")
    lines = [head]
    if fact.amount is not None:
        usd = f" (${money(fact.usd, 'USD')[:-4]})" if fact.usd is not None else ""
        lines.append(about + money(fact.amount, fact.currency or "") + usd)
    elif fact.usd is not None:
        lines.append(about + money(fact.usd, "USD"))
    if fact.direction:
        lines.append({"up": "rising, no figure given", "down": "falling, no figure given"}.get(
            fact.direction, fact.direction))
    if fact.gdp_share_pct is not None:
        lines.append(f"{fact.gdp_share_pct:g}% of GDP")
    if fact.change_pct is not None:
        lines.append(f"{fact.change_pct:+g}% on the year before")
    if fact.basis:
        lines.append(f"derived: {fact.basis}")
    return "\n".join(lines)


def to_csv(analysis: Analysis) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_FIELDS)
    for fact in analysis.budget:
        writer.writerow(["" if (v := getattr(fact, name)) is None else v for name in CSV_FIELDS])
    return out.getvalue()
