"""How Multivector writes numbers, sums of money and percentages: the one formatter that the
engine's notes, the summary, the chart, the plot and the library all call.

A stated figure is written as exactly as the text gave it ("1.275 billion", "142.56 billion",
"1.05%"); a figure we computed is given `digits` significant digits ("81.9 billion"), since it
is no more exact than what it comes from. Large sums are written in words of scale.
"""

from __future__ import annotations

SCALES = ((1e12, "trillion"), (1e9, "billion"), (1e6, "million"))
DASH = "—"
_EXACT = 10  # significant digits that show a stated value as written, hiding float noise


def scale_of(value: float) -> tuple[float, str]:
    """The divisor and word of scale a value is written in (1e9, "billion"); (1.0, "")."""
    return next(((s, w) for s, w in SCALES if abs(value) >= s), (1.0, ""))


def format_number(value: float, digits: int | None = None) -> str:
    """A number with thousands separated and no trailing zeros: exact as stated, or rounded to
    `digits` significant digits (1234.5 -> "1,234.5"; digits=3: "1,230")."""
    if digits is not None:
        value = float(f"{value:.{digits}g}")
    if abs(value) >= 10**_EXACT:
        return f"{value:,.0f}"
    return f"{value:,.{_EXACT}g}"


def format_money(value: float | None, currency: str | None = None,
                 digits: int | None = None) -> str:
    """142560000000, "KZT" -> "142.56 billion KZT"; 81931034482, "KZT", 3 -> "81.9 billion
    KZT"; 500000, "USD" -> "500,000 USD"; None -> a dash."""
    if value is None:
        return DASH
    scale, word = scale_of(value)
    text = format_number(value / scale, digits)
    text = f"{text} {word}" if word else text
    return f"{text} {currency}" if currency else text


def format_percent(value: float | None, signed: bool = False, approximate: bool = False) -> str:
    """1.2 -> "1.2%"; signed: "+74%", "−12%"; approximate: "≈ 74%"; None -> a dash."""
    if value is None:
        return DASH
    sign = "+" if signed and value > 0 else ("−" if value < 0 else "")
    prefix = "≈ " if approximate else ""
    return f"{prefix}{sign}{format_number(abs(value))}%"
