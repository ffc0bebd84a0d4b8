"""The budget chart's layout: the one description of the chart that the window's plot, the SVG of
the HTML summary and the printed page all draw.

One bar per year in one currency (stated before planned before derived; a year known only by its
direction is an arrow without a height), a figure in dollars only converted at the rate the text
implies, the share of GDP per year as a line on its own axis, and round axis ticks ("0.5, 1.0,
1.5 billion"). Qt-free, so the numbers are tested without a screen.
"""

from __future__ import annotations

import csv
import io
import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from statistics import median

from multivector.engine.budget.numbers import format_money, format_number, scale_of
from multivector.model.analysis import Analysis, BudgetFact

CSV_FIELDS = ("year", "kind", "amount", "currency", "usd", "gdp_share_pct", "change_pct",
              "direction", "basis", "approximate", "label", "start", "end")
_KIND_RANK = {"stated": 0, "planned": 1, "derived": 2, "qualitative": 3}
_TICKS = 4  # about this many steps up the value axes
SHARE_UNIT = "% of GDP"


@dataclass(frozen=True)
class Bar:
    """A year's bar: its amount in the chart's currency (`value`) and in the axis unit
    (`height`), or a direction alone (qualitative: both None)."""

    year: int
    kind: str  # stated (solid), planned (outlined), derived (hatched) or qualitative (arrow)
    value: float | None
    height: float | None
    direction: str | None
    index: int  # the fact's position in the facts laid out
    approximate: bool
    figure: str  # the height as written over the bar ("142.56"; computed ones to 3 digits)
    note: str  # the short label over the bar: share of GDP, change


@dataclass(frozen=True)
class SharePoint:
    """A year's share of GDP, a point on the share line."""

    year: int
    share: float
    index: int
    approximate: bool


Tick = tuple[float, str]  # position on its axis, label


@dataclass(frozen=True)
class BudgetLayout:
    """Everything a chart of the budget draws: bars and share points by year, and three axes
    (amounts on the left, the same in US dollars on the right, shares of GDP on their own)."""

    currency: str  # of the amounts; SHARE_UNIT when the text gives shares of GDP alone
    scale: float  # amounts are drawn divided by this
    scale_name: str  # "billion", or "" for plain units
    usd_per_unit: float | None  # USD per unit of `currency`, when the text implies it
    bars: tuple[Bar, ...]
    shares: tuple[SharePoint, ...]
    ticks: tuple[Tick, ...]  # left axis, in the axis unit
    top: float  # the left axis's top, in the axis unit
    usd_ticks: tuple[Tick, ...]  # right axis: positions in the left axis unit, labels in USD
    usd_scale_name: str
    share_ticks: tuple[Tick, ...]
    share_top: float

    @property
    def years(self) -> list[int]:
        return sorted({b.year for b in self.bars} | {s.year for s in self.shares})

    @property
    def has_amounts(self) -> bool:
        return any(b.height is not None for b in self.bars)

    def axis_label(self, currency: str | None = None) -> str:
        """"billion KZT"; with `currency`, the right axis's ("billion USD")."""
        if currency is not None:
            return f"{self.usd_scale_name} {currency}".strip()
        return f"{self.scale_name} {self.currency}".strip()


def nice_step(span: float, steps: int = _TICKS) -> float:
    """A round step (1, 2, 2.5 or 5 times a power of ten) that covers `span` in about `steps`."""
    if span <= 0:
        return 1.0
    raw = span / steps
    power = 10.0 ** math.floor(math.log10(raw))
    return next(m * power for m in (1, 2, 2.5, 5, 10) if m * power >= raw * (1 - 1e-9))


def nice_ticks(top: float, steps: int = _TICKS) -> tuple[Tick, ...]:
    """Ticks from 0 to the first round value at or above `top`, labelled with the decimals the
    step needs: 0.5 -> "0.0, 0.5, 1.0, 1.5"."""
    step = nice_step(top, steps)
    written = f"{step:.10g}"
    decimals = len(written.split(".")[1]) if "." in written else 0
    count = max(1, math.ceil(top / step - 1e-9))
    return tuple((i * step, f"{i * step:,.{decimals}f}" if i else "0") for i in range(count + 1))


def _rate(facts: Sequence[BudgetFact], currency: str) -> float | None:
    """USD per unit of `currency`, from facts stating both (the median, if they disagree)."""
    rates = [f.usd / f.amount for f in facts
             if f.currency == currency and f.amount and f.usd and f.kind != "qualitative"]
    return median(rates) if rates else None


def annotation(fact: BudgetFact) -> str:
    """The short label drawn over a bar: share of GDP and change on the year before."""
    parts = []
    if fact.gdp_share_pct is not None:
        parts.append(f"{format_number(fact.gdp_share_pct)}% of GDP")
    if fact.change_pct is not None:
        sign = "+" if fact.change_pct > 0 else ""
        parts.append(f"{sign}{format_number(fact.change_pct)}% y/y")
    return "\n".join(parts)


def _value(fact: BudgetFact, currency: str, rate: float | None) -> float | None:
    if fact.kind == "qualitative":
        return None
    if fact.amount is not None and (fact.currency or "USD") == currency:
        return fact.amount
    if fact.usd is not None and rate:
        return fact.usd / rate  # a dollar figure, drawn in the main currency
    return None


def _figure(fact: BudgetFact, value: float | None, scale: float, currency: str) -> str:
    """A stated amount as the text gives it; a derived or converted one to three digits."""
    if value is None:
        return ""
    exact = fact.kind in ("stated", "planned") and fact.currency == currency
    return format_number(value / scale, None if exact else 3)


def budget_layout(facts: Sequence[BudgetFact]) -> BudgetLayout | None:
    """The chart of `facts`; None when no fact has a year and something to draw."""
    currencies = Counter(f.currency for f in facts if f.amount is not None and f.currency)
    currency = currencies.most_common(1)[0][0] if currencies else "USD"
    rate = 1.0 if currency == "USD" else _rate(facts, currency)
    if not currencies and not any(f.usd is not None and f.year is not None for f in facts):
        currency = SHARE_UNIT  # shares alone: they are the chart's unit
    chosen: dict[int, tuple[int, BudgetFact, float | None]] = {}
    shares: dict[int, SharePoint] = {}
    for i, fact in sorted(enumerate(facts), key=lambda f: _KIND_RANK.get(f[1].kind, 9)):
        if fact.year is None:
            continue
        value = _value(fact, currency, rate)
        if value is not None or fact.kind == "qualitative":
            chosen.setdefault(fact.year, (i, fact, value))
        if fact.gdp_share_pct is not None and fact.kind in ("stated", "planned"):
            shares.setdefault(fact.year, SharePoint(fact.year, fact.gdp_share_pct, i,
                                                    "gdp_share" in fact.hedged))
    if not chosen and not shares:
        return None
    biggest = max((v for _, _, v in chosen.values() if v), default=0.0)
    scale, scale_name = scale_of(biggest)
    ticks = nice_ticks(biggest / scale) if biggest else ((0.0, "0"), (1.0, "1"))
    top = ticks[-1][0]
    bars = tuple(
        Bar(year, fact.kind, value, None if value is None else value / scale,
            fact.direction if value is None else None, i, fact.approximate,
            _figure(fact, value, scale, currency), annotation(fact) if value is not None else "")
        for year, (i, fact, value) in sorted(chosen.items())
        if value is not None or fact.kind == "qualitative"
    )
    usd_per_unit = rate if rate and currency != "USD" else None
    usd_ticks: tuple[Tick, ...] = ()
    usd_scale_name = ""
    if usd_per_unit and biggest:
        usd_top = top * scale * usd_per_unit
        usd_scale, usd_scale_name = scale_of(usd_top)
        usd_ticks = tuple((v * usd_scale / usd_per_unit / scale, label)
                          for v, label in nice_ticks(usd_top / usd_scale)
                          if v * usd_scale <= usd_top * (1 + 1e-9))
    share_ticks = nice_ticks(max((s.share for s in shares.values()), default=1.0))
    return BudgetLayout(currency, scale, scale_name, usd_per_unit, bars,
                        tuple(shares[y] for y in sorted(shares)), ticks, top, usd_ticks,
                        usd_scale_name, share_ticks, share_ticks[-1][0])


def layout(analysis: Analysis) -> BudgetLayout | None:
    """The chart of an analysis's budget (bar and point indexes into `analysis.budget`)."""
    return budget_layout(analysis.budget)


def tooltip(fact: BudgetFact) -> str:
    """Every value the fact has, one per line, "≈" on the parts the text hedges."""
    head = f"{fact.year} · {fact.kind}" + (f" · {fact.label}" if fact.label else "")
    lines = [head]
    derived = fact.kind == "derived"

    def about(part: str) -> str:
        return "≈ " if derived or part in fact.hedged else ""

    if fact.amount is not None:
        usd = (f" ({about('usd')}{format_money(fact.usd, 'USD')})"
               if fact.usd is not None and fact.currency != "USD" else "")
        lines.append(about("amount") + format_money(fact.amount, fact.currency) + usd)
    elif fact.usd is not None:
        lines.append(about("usd") + format_money(fact.usd, "USD"))
    if fact.direction:
        lines.append({"up": "rising, no figure given", "down": "falling, no figure given"}.get(
            fact.direction, fact.direction))
    if fact.gdp_share_pct is not None:
        lines.append(f"{about('gdp_share')}{format_number(fact.gdp_share_pct)}% of GDP")
    if fact.change_pct is not None:
        sign = "+" if fact.change_pct > 0 else ""
        lines.append(f"{about('change')}{sign}{format_number(fact.change_pct)}% on the year before")
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
