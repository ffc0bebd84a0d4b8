"""Header metadata at the top of an article: "Publication: ... Volume: 4 Issue: 76", a title."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass

_KEYS = {
    "publication": "publication",
    "source": "publication",
    "volume": "volume",
    "issue": "issue",
    "date": "date",
    "published": "date",
    "title": "title",
    "headline": "title",
    "author": "author",
    "by": "author",
}
_KEY_RE = re.compile(
    r"\b(Publication|Source|Volume|Issue|Date|Published|Title|Headline|Author|By)\s*:\s*",
    re.IGNORECASE,
)
_HEADER_LINE = re.compile(r"^\s*(?:Publication|Source|Volume|Issue|Date|Published|Title|Headline|Author|By)\s*:", re.I)
_MARKDOWN_TITLE = re.compile(r"^(?:#\s+(.+?)\s*#*|=\s+(.+?)\s+=)\s*$")  # Markdown, wiki markup
# A title line that cannot end there: it goes on on the next line ("... in the United States’ /
# Strategic and Defense Ties with Australia").
_UNFINISHED = re.compile(r"(?:[’'](?:s)?|\b(?:of|in|on|the|and|for|with|to|a|an|at|by|from))$")
_MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.?"
)
# A dateline, alone or with what news sites put after it on the same line: "Oct. 2, 2020 | BY
# Jim Garamone, DOD News", "March 3, 2021 · Reuters", "12 May 2019 - Staff writer".
_DATE_LINE = re.compile(
    rf"^(?P<date>(?:(?:Updated|Last updated|Published|Posted)\s*:?\s+)?(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+)?(?:{_MONTH}\s+\d{{1,2}},?\s+\d{{4}}"
    rf"|\d{{1,2}}\s+{_MONTH}\s+\d{{4}}|\d{{4}}-\d{{2}}-\d{{2}}))(?:\s*[|·•—–-]\s*[^.!?]{{1,80}})?$"
)
_BYLINE = re.compile(r"^By\s+([A-Z][\w.’'\-]+(?:\s+(?:and\s+)?[A-Z][\w.’'\-]+){0,5})$")
_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")
_TEXT = re.compile(r"\S")
_PIECE = 65536


@dataclass(frozen=True)
class Header:
    """What the header lines say, and where the body starts."""

    fields: dict[str, str]
    body_start: int


def _int_or_none(value: str | None) -> int | None:
    match = re.search(r"\d+", value or "")
    return int(match.group()) if match else None


def parse_header(text: str) -> Header:
    """Key-value lines at the very top, several keys to a line allowed; a Markdown title."""
    fields: dict[str, str] = {}
    offset = 0
    for line in _lines(text):
        stripped = line.strip()
        if not stripped:
            offset += len(line)
            continue
        if _HEADER_LINE.match(stripped):
            keys = list(_KEY_RE.finditer(stripped))
            for key, following in zip(keys, [*keys[1:], None], strict=True):
                value = stripped[key.end() : following.start() if following else len(stripped)]
                fields.setdefault(_KEYS[key.group(1).lower()], value.strip(" ;,|"))
            offset += len(line)
            continue
        title = _MARKDOWN_TITLE.match(stripped)
        if title and "title" not in fields:
            fields["title"] = title.group(1) or title.group(2)
            offset += len(line)
            continue
        byline = _BYLINE.match(stripped)
        if byline and "author" not in fields:
            fields["author"] = byline.group(1)
            offset += len(line)
            continue
        dateline = _DATE_LINE.match(stripped)
        if dateline and "date" not in fields:
            fields["date"] = dateline.group("date")
            offset += len(line)
            continue
        if "title" not in fields and _looks_like_title(stripped, text, offset + len(line)):
            fields["title"] = stripped  # a short first line with no full stop, then more lines
            offset += len(line)
            line_end = text.find("\n", offset)  # the next line, without copying the rest
            following = text[offset : line_end if line_end >= 0 else len(text)]
            if _UNFINISHED.search(stripped) and following.strip() and _looks_like_title(
                    following.strip(), text, offset + len(following)):
                fields["title"] += " " + following.strip()
                offset += len(following) + 1
            continue
        break
    return Header(fields, offset)


def _lines(text: str) -> Iterator[str]:
    """text.splitlines(keepends=True), read lazily: the header is a few lines of a text that
    may be megabytes long."""
    start, size = 0, _PIECE
    while start < len(text):
        piece = text[start : start + size]
        lines = piece.splitlines(keepends=True)
        if start + len(piece) < len(text):
            lines.pop()  # may be cut short (or a "\r\n" split): read again with the next piece
            if not lines:
                size *= 2  # one line longer than the piece
                continue
        yield from lines
        start += sum(map(len, lines))
        size = _PIECE


def _looks_like_title(line: str, text: str, rest_start: int) -> bool:
    return (
        len(line) <= 120
        and not line.endswith((".", ":", ",", ";"))
        and (len(line.split()) >= 2 or (line.isupper() and len(line) > 3))  # "KYRGYZSTAN"
        and _TEXT.search(text, rest_start) is not None  # more text follows
        and line[0].isupper()
    )


def header_values(header: Header) -> dict[str, object]:
    """The header as Document keyword arguments."""
    fields = header.fields
    return {
        "publication": fields.get("publication") or None,
        "title": fields.get("title") or None,
        "author": fields.get("author") or None,
        "date": fields.get("date") or None,
        "volume": _int_or_none(fields.get("volume")),
        "issue": _int_or_none(fields.get("issue")),
    }


def document_year(date: str | None, body: str, start: int = 0) -> int | None:
    """The year of the date, else the year the body (from `start`) names most often (latest on
    a tie)."""
    if date and (match := _YEAR.search(date)):
        return int(match.group())
    counts = Counter(_YEAR.findall(body, start))  # in C: a long text's years are many
    if not counts:
        return None
    return int(max(counts, key=lambda y: (counts[y], int(y))))
