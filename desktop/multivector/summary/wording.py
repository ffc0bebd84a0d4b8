"""Wording shared by every summary renderer: numbers, lists, tiers, budget table cells.

Kept in one place so the PDF, the HTML and the plain text say a figure the same way.
"""

from __future__ import annotations

from collections.abc import Sequence

from multivector.summary.model import BudgetRow, Excerpt, PartnerEntry, TitleBlock

BUDGET_HEADERS = ("Year", "Figure", "Amount", "USD", "% GDP", "Change", "Kind", "Para.")
_SCALES = ((1e12, "trillion"), (1e9, "billion"), (1e6, "million"))
DASH = "—"


def format_number(value: float, decimals: int = 2) -> str:
    """A number with at most `decimals` decimals, trailing zeros dropped, thousands separated."""
    text = f"{value:,.{decimals}f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text


def format_money(value: float | None, currency: str | None = None) -> str:
    """142560000000, "KZT" -> "142.56 billion KZT"; None -> a dash."""
    if value is None:
        return DASH
    for scale, word in _SCALES:
        if abs(value) >= scale:
            text = f"{format_number(value / scale)} {word}"
            break
    else:
        text = format_number(value)
    return f"{text} {currency}" if currency else text


def format_percent(value: float | None, signed: bool = False, approximate: bool = False) -> str:
    if value is None:
        return DASH
    sign = "+" if signed and value > 0 else ("−" if value < 0 else "")
    prefix = "≈ " if approximate else ""
    return f"{prefix}{sign}{format_number(abs(value), 1)}%"


def join_names(names: Sequence[str]) -> str:
    """["A", "B", "C"] -> "A, B and C"."""
    names = list(names)
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + " and " + names[-1]


def tier_label(tier: str | None) -> str:
    return tier if tier else "no tier stated"


def paragraph_ref(paragraph: int | None) -> str:
    return f"paragraph {paragraph}" if paragraph is not None else "location unknown"


def paragraphs_ref(paragraphs: Sequence[int]) -> str:
    if not paragraphs:
        return ""
    word = "paragraph" if len(paragraphs) == 1 else "paragraphs"
    return f"{word} {join_names([str(p) for p in paragraphs])}"


def kind_text(row: BudgetRow) -> str:
    """"stated", "derived: basis", "qualitative: up"."""
    if row.kind == "derived" and row.basis:
        return f"derived: {row.basis}"
    if row.kind == "qualitative" and row.direction:
        return f"qualitative: {row.direction}"
    return row.kind


def budget_cells(row: BudgetRow) -> tuple[str, ...]:
    """The row's cells in `BUDGET_HEADERS` order."""
    approx = "≈ " if row.approximate and row.kind != "qualitative" else ""
    amount = format_money(row.amount, row.currency)
    if row.amount is not None:
        amount = approx + amount
    if row.kind == "qualitative":
        change = {"up": "up (no figure)", "down": "down (no figure)"}.get(row.direction or "", DASH)
    else:
        change = format_percent(row.change_pct, signed=True, approximate=row.approximate)
    return (
        str(row.year) if row.year is not None else DASH,
        row.label or DASH,
        amount,
        format_money(row.usd, None) if row.usd is not None else DASH,
        format_percent(row.gdp_share_pct),
        change,
        kind_text(row),
        str(row.paragraph) if row.paragraph is not None else DASH,
    )


def publication_line(title: TitleBlock) -> str:
    """"Eurasia Daily Monitor, Volume 4, Issue 76, 2007"."""
    parts = [title.publication] if title.publication else []
    if title.volume is not None:
        parts.append(f"Volume {title.volume}")
    if title.issue is not None:
        parts.append(f"Issue {title.issue}")
    if title.date:
        parts.append(title.date)
    return ", ".join(parts)


def title_fields(title: TitleBlock) -> tuple[tuple[str, str], ...]:
    """Label/value pairs for the title block; unknown values are left out of the page."""
    focal = title.focal
    if title.focal and title.focal_code:
        focal = f"{title.focal} ({title.focal_code})"
    pairs = (
        ("Publication", publication_line(title)),
        ("Focal country", focal or ""),
        ("Selection", title.selection or ""),
        ("Source file", title.source or ""),
    )
    return tuple((k, v) for k, v in pairs if v)


GENERAL_LABEL = "Named as a partner"


def partner_meta(entry: PartnerEntry) -> str:
    """"country · secondary"."""
    return f"{entry.kind} · {tier_label(entry.tier)}"


def partner_heading(entry: PartnerEntry) -> str:
    """"Spain (ESP) · country · secondary"."""
    code = f" ({entry.code})" if entry.code and entry.code != entry.name else ""
    return f"{entry.name}{code} · {partner_meta(entry)}"


def area_groups(entry: PartnerEntry) -> tuple[tuple[str, tuple[Excerpt, ...]], ...]:
    """The partner's areas as (labels, excerpts), areas resting on the same passages merged.

    A list sentence ("modernization, technology transfer, training") supports several areas;
    quoting it once under "Modernization; Technology transfer; Training" reads better on paper.
    """
    groups: dict[tuple[tuple[int, int], ...], list[str]] = {}
    excerpts: dict[tuple[tuple[int, int], ...], tuple[Excerpt, ...]] = {}
    for area in entry.areas:
        key = tuple((e.start, e.end) for e in area.excerpts)
        groups.setdefault(key, []).append(area.label)
        excerpts[key] = area.excerpts
    out = [("; ".join(labels), excerpts[key]) for key, labels in groups.items()]
    if entry.general:
        out.append((GENERAL_LABEL, entry.general))
    return tuple(out)
