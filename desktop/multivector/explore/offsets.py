"""Code-point offsets (the core's) to UTF-16 positions (Qt's) and back.

Python counts a character outside the Basic Multilingual Plane (an emoji, say) as one; Qt counts
it as two UTF-16 units. The map keeps the sorted offsets of those characters, so a conversion is
one binary search, and text without them converts for free.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence

LONGEST_LINE = 10_000  # characters of one line the reader lays out; longer lines are broken
_LONG_LINE = re.compile(rf"[^\n]{{{LONGEST_LINE + 1},}}")


def display_text(text: str, longest: int = LONGEST_LINE) -> tuple[str, list[int]]:
    """The text as the reader shows it: no line longer than `longest` characters, since laying
    out one line of megabytes takes minutes. A long line is broken at its last space before the
    limit (the space becomes a line end: nothing moves) or, with no space there, by a line end
    inserted; returns the text shown and the code-point offsets a line end was inserted before
    (for `OffsetMap`)."""
    pattern = _LONG_LINE if longest == LONGEST_LINE else re.compile(rf"[^\n]{{{longest + 1},}}")
    pieces: list[str] = []
    inserted: list[int] = []
    done = 0
    for line in pattern.finditer(text):
        start, end = line.span()
        pieces.append(text[done:start])
        while end - start > longest:
            space = text.rfind(" ", start + longest // 2, start + longest + 1)
            if space > start:
                pieces.append(text[start:space] + "\n")
                start = space + 1
            else:
                pieces.append(text[start : start + longest] + "\n")
                start += longest
                inserted.append(start)
        pieces.append(text[start:end])
        done = end
    if not pieces:
        return text, []
    pieces.append(text[done:])
    return "".join(pieces), inserted


class OffsetMap:
    """Converts offsets into one text between code points and UTF-16 units (of the text as
    shown: `inserted` are offsets a line end was inserted before, see `display_text`)."""

    def __init__(self, text: str, inserted: Sequence[int] = ()) -> None:
        self._length = len(text)
        # Pure-BMP text is by far the common case: skip the scan when the encoded size says so.
        if len(text.encode("utf-16-le")) == 2 * len(text):
            self._astral: list[int] = []
        else:
            self._astral = [i for i, ch in enumerate(text) if ord(ch) > 0xFFFF]
        if inserted:
            # a line end inserted before offset i makes character i - 1 one unit wider, as an
            # astral character is
            self._astral = sorted([*self._astral, *(i - 1 for i in inserted)])
        # Where each astral character starts in UTF-16 units.
        self._astral_u16 = [cp + n for n, cp in enumerate(self._astral)]

    @property
    def identity(self) -> bool:
        """True when both counts agree everywhere (no characters outside the BMP)."""
        return not self._astral

    def to_qt(self, offset: int) -> int:
        """The UTF-16 position of code-point `offset` (0..len(text))."""
        if not self._astral:
            return offset
        return offset + bisect_left(self._astral, offset)

    def to_core(self, position: int) -> int:
        """The code-point offset of UTF-16 `position`; inside a surrogate pair, its start."""
        if not self._astral:
            return position
        return position - bisect_right(self._astral_u16, position - 1)

    def length_qt(self) -> int:
        return self.to_qt(self._length)
