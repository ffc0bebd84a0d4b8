"""Spending lines: lines that a heading or an infobox key, not their own words, tie to defense
spending.

Reference books and encyclopedia infoboxes give figures with no spending word beside them:

    Military expenditures            - Amount: $210 million (2019)
                                     - Percent Gdp: 1.5%
    3% of GDP (2022 est.)
    3.1% of GDP (2021 est.)

A heading with a defense-spending phrase ("Military expenditures", "Defense budget:") makes every
line under it a spending line, up to the next heading or field. An infobox key ("Budget",
"Amount", "Percent GDP") makes its own value one, when the infobox (or, for a bare heading, the
document's title) names a defense word. Keys and headings that name GDP make a bare percentage on
their lines a share of GDP ("Percent Gdp: 1,05% (2025)"). The cue words are in
resources/budget/cues.toml ([headings]).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from multivector.engine.budget import cues as bc


@dataclass(frozen=True)
class SpendingLine:
    """A line (or an infobox field's value) about defense spending."""

    start: int
    end: int
    gdp: bool  # its heading or key names GDP: a bare percentage here is a share of GDP
    label: str | None = None  # its heading when that names the spending ("Military expenditures")


# "- Amount: ...", "Defense budget: ...": a capitalised key of a few words, then a colon.
_FIELD = re.compile(r"[ \t]*(?:[-*•·][ \t]*)?(?P<key>[A-Z%][\w%.’' /&-]{0,40}?)[ \t]*:(?:[ \t]+|$)")
_MARKUP = re.compile(r"^[\s=#*•·-]+|[\s=#*:]+$")


# An infobox copied as plain text keeps its keys and loses the colons: "Budget 220 billion baht
# (FY2018)", "Percent of GDP ~1.5% (FY2018)"; Wikipedia's Brazilian Armed Forces infobox gives
# "Budget US$31.5 billion (2013)" and "Percent of GDP 1.4% (2013)". A bare key opening a line
# with a figure right after it is such a field.
_BULLET = re.compile(r"[ \t]*(?:[-*•·][ \t]*)?")
_FIGURE_NEXT = re.compile(r"[ \t]*(?:[~≈$€£¥]|US\$|USD|\d)")


def _colonless_key(text: str, a: int, b: int) -> tuple[str, int] | None:
    """The key of a colon-less field on the line text[a:b], and where its value starts."""
    at = _BULLET.match(text, a, b).end()  # type: ignore[union-attr]
    if at >= b or not text[at].isupper():
        return None
    key = bc.cues().bare_headings.match(text, at, b)
    if key is None or _FIGURE_NEXT.match(text, key.end(), b) is None:
        return None
    return key.group(), key.end()


def _lines(text: str, start: int) -> Iterator[tuple[int, int]]:
    pos = start
    while pos <= len(text):
        end = text.find("\n", pos)
        end = len(text) if end < 0 else end
        yield pos, end
        pos = end + 1


def _heading(line: str, next_blank: bool) -> str | None:
    """The words of a heading line ("Military expenditures", "== Budget ==", "Defense budget:"),
    else None. A heading is short, has no digits and does not end like a sentence; a plain one
    must stand alone (a blank line after it), so that a short wrapped line of prose is not one."""
    stripped = line.strip()
    marked = stripped.startswith(("=", "#")) or stripped.endswith(":")
    words = _MARKUP.sub("", stripped)
    if not words or not (marked or next_blank) or re.search(r"\d|[.;,!?]$", words):
        return None
    if not words[0].isupper() or len(words.split()) > bc.cues().heading_words:
        return None
    return words


def _is_spending(words: str, defense_context: bool) -> bool:
    c = bc.cues()
    if bc.defense_phrases(words, 0, len(words)):
        return True  # "Military expenditures", "Defense budget"
    return defense_context and c.bare_headings.fullmatch(words.strip()) is not None


def _named(words: str) -> str | None:
    """A heading or key as a figure's label, when it names defense spending itself."""
    return words if bc.defense_phrases(words, 0, len(words)) else None


def _names_gdp(words: str) -> bool:
    return bc.cues().gdp.search(words) is not None


def spending_lines(text: str, start: int = 0) -> tuple[SpendingLine, ...]:
    """The spending lines of `text` from `start` on, in order."""
    c = bc.cues()
    lines = [(a, b) for a, b in _lines(text, start)]
    title = next((text[a:b] for a, b in lines if text[a:b].strip()), "")
    titled_defense = c.defense.search(title) is not None
    fields = [_FIELD.match(text, a, b) for a, b in lines]
    found: list[SpendingLine] = []
    section: bool | None = None  # inside a spending section: whether its heading names GDP
    heading: str | None = None
    for i, (a, b) in enumerate(lines):
        line = text[a:b]
        if not line.strip():
            continue
        next_blank = i + 1 >= len(lines) or not text[slice(*lines[i + 1])].strip()
        field = fields[i]
        if field is not None and line[field.end() - a :].strip():
            key = field.group("key")
            block = _field_block(text, lines, fields, i)
            if _is_spending(key, c.defense.search(block) is not None):
                found.append(SpendingLine(field.end(), b, _names_gdp(key), _named(key)))
            section = None  # another field: the section above has ended
            continue
        colonless = None if field is not None else _colonless_key(text, a, b)
        if colonless is not None:
            key, value_start = colonless
            around = text[lines[max(i - 3, 0)][0] : lines[min(i + 3, len(lines) - 1)][1]]
            if titled_defense or c.defense.search(around) is not None:
                found.append(SpendingLine(value_start, b, _names_gdp(key), _named(key)))
                section = None
                continue
        words = _heading(line, next_blank)
        if words is not None:
            section = _names_gdp(words) if _is_spending(words, titled_defense) else None
            heading = _named(words)
            continue
        if section is not None:
            found.append(SpendingLine(a, b, section, heading))
    return tuple(found)


def _field_block(text: str, lines: list[tuple[int, int]], fields: list, i: int) -> str:
    """The infobox the field at line `i` belongs to: the run of field lines around it and the
    line before the run (the infobox's title)."""
    first = i
    while first > 0 and fields[first - 1] is not None:
        first -= 1
    last = i
    while last + 1 < len(lines) and fields[last + 1] is not None:
        last += 1
    start = lines[max(first - 1, 0)][0]
    return text[start : lines[last][1]]
