"""An article's date as the library sorts and shows it: only as precise as the article says.

The sort key is "YYYY-MM-DD" with zeros for the parts the date leaves out ("2007-04-00" for
"April 2007"), and "" for an article whose header gives no date. A year guessed from the years the
body names is never a date: such an article is undated.
"""

from __future__ import annotations

import re

UNDATED = "undated"

_MONTHS = {m: i for i, m in enumerate(
    "jan feb mar apr may jun jul aug sep oct nov dec".split(), start=1)}
_MONTH_NAMES = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_ISO = re.compile(r"\b(\d{4})-(\d{1,2})(?:-(\d{1,2}))?")
_MONTH_FIRST = re.compile(r"\b([A-Za-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b")
_DAY_FIRST = re.compile(r"\b(\d{1,2})(?:st|nd|rd|th)?\s+([A-Za-z]{3,9})\.?,?\s+(\d{4})\b")
_MONTH_YEAR = re.compile(r"\b([A-Za-z]{3,9})\.?\s+(\d{4})\b")
_YEAR_ONLY = re.compile(r"^\D*\b(1[89]\d\d|20\d\d)\b\D*$")


def sort_date(date: str | None) -> str:
    """"YYYY-MM-DD" from the header's free-form date (zeros for what it leaves out), or ""."""
    text = date or ""
    if match := _ISO.search(text):
        month, day = int(match.group(2)), int(match.group(3) or 0)
        if 1 <= month <= 12 and day <= 31:
            return f"{match.group(1)}-{month:02d}-{day:02d}"
    # (pattern, (group of the year, group of the month, group of the day or 0))
    orders = ((_MONTH_FIRST, (3, 1, 2)), (_DAY_FIRST, (3, 2, 1)), (_MONTH_YEAR, (2, 1, 0)))
    for pattern, order in orders:
        match = pattern.search(text)
        named = _MONTHS.get(match.group(order[1])[:3].lower()) if match else None
        if match and named:
            day = int(match.group(order[2])) if order[2] else 0
            if day <= 31:
                return f"{match.group(order[0])}-{named:02d}-{day:02d}"
    if match := _YEAR_ONLY.match(text):  # "2007", "(2007)": a date that is only a year
        return f"{match.group(1)}-00-00"
    return ""


def date_parts(key: str) -> tuple[int, int, int] | None:
    """(year, month, day) of a sort key, zeros for unknown parts; None when undated."""
    if not key:
        return None
    year, month, day = (int(part) for part in key.split("-"))
    return year, month, day


def display_date(key: str) -> str:
    """"2007-04-09", "2007-04" or "2007": only as precise as the article's date; "undated"."""
    return key.replace("-00", "") if key else UNDATED


def long_date(key: str) -> str:
    """"9 Apr 2007", "Apr 2007" or "2007" for labels a person reads; "undated"."""
    parts = date_parts(key)
    if parts is None:
        return UNDATED
    year, month, day = parts
    if not month:
        return str(year)
    return f"{day} {_MONTH_NAMES[month - 1]} {year}" if day else f"{_MONTH_NAMES[month - 1]} {year}"
