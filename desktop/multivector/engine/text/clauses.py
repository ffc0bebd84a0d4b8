"""Clauses and word gaps: the one place that says where a sentence breaks and how far apart two
places are in words.

A clause is what lies between two breaks. Readers need breaks of different strength, so each
strength is a named set of break marks here rather than a pattern of its own in each reader:

- `CLAUSE`: semicolons, colons, quotation marks and joins such as ", but" and "as well as" (which
  partners an area phrase belongs to);
- `ASIDE`: `CLAUSE` plus brackets (whether a cue word before a name still speaks about it);
- `LIST_ITEM`: semicolons and ", and / but / while" joins (the items of a spending sentence);
- `SEMICOLON`: semicolons only (the widest clause a budget figure reads its year from).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

CLAUSE = re.compile(
    r";|:\s|, as well as\b|\bas well as\b|, while\b|, whereas\b|, but\b|\bbut also\b|“|”"
)
ASIDE = re.compile(r"[;:()“”\"]|,\s+(?:while|whereas|but)\b")
LIST_ITEM = re.compile(r";|,\s*(?:and|but|while|whereas|although)\b", re.I)
SUB_CLAUSE = re.compile(r";|,\s+(?:and|but|while|whereas)\b|\bwhereas\b", re.I)
SEMICOLON = re.compile(r";")

# A word, or a number with its separators ("1.17", "142,560"): one word either way.
_WORD = re.compile(r"[^\W\d_][\w'’.-]*|\d[\d.,]*")


def breaks(text: str, start: int, end: int, marks: re.Pattern[str]) -> Iterator[re.Match[str]]:
    """The break marks of one strength between `start` and `end`."""
    return marks.finditer(text, start, end)


def crosses(text: str, start: int, end: int, marks: re.Pattern[str]) -> bool:
    """Whether a break of this strength lies between `start` and `end`."""
    return marks.search(text, start, max(start, end)) is not None


def clause_bounds(text: str, start: int, end: int, marks: re.Pattern[str] = CLAUSE,
                  after_mark: bool = False) -> list[tuple[int, int]]:
    """The span cut at every break; a clause starts at its break mark, or just after it."""
    cuts = [m.end() if after_mark else m.start() for m in marks.finditer(text, start, end)]
    edges = [start, *cuts, end]
    return [(a, b) for a, b in zip(edges, edges[1:], strict=False) if b > a]


def clause_at(text: str, start: int, end: int, pos: int,
              marks: re.Pattern[str] = SEMICOLON) -> tuple[int, int]:
    """The clause of `start..end` that holds `pos`, break marks left outside it."""
    a = max([start, *(m.end() for m in marks.finditer(text, start, pos))])
    b = min([end, *(m.start() for m in marks.finditer(text, pos, end))])
    return a, b


def words_in(text: str) -> list[str]:
    """The words of a piece of text, in order."""
    return _WORD.findall(text)


def words_between(text: str, start: int, end: int, numbers: bool = True) -> int:
    """How many words lie between two places (numbers counted only when `numbers`)."""
    found = _WORD.findall(text, start, max(start, end))
    return len(found) if numbers else sum(1 for word in found if not word[0].isdigit())
