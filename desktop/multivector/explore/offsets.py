"""Code-point offsets (the core's) to UTF-16 positions (Qt's) and back.

Python counts a character outside the Basic Multilingual Plane (an emoji, say) as one; Qt counts
it as two UTF-16 units. The map keeps the sorted offsets of those characters, so a conversion is
one binary search, and text without them converts for free.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right


class OffsetMap:
    """Converts offsets into one text between code points and UTF-16 units."""

    def __init__(self, text: str) -> None:
        self._length = len(text)
        # Pure-BMP text is by far the common case: skip the scan when the encoded size says so.
        if len(text.encode("utf-16-le")) == 2 * len(text):
            self._astral: list[int] = []
        else:
            self._astral = [i for i, ch in enumerate(text) if ord(ch) > 0xFFFF]
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
