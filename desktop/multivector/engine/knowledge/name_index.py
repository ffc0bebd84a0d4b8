"""Finds literal names in text by word-token lookup: no giant regular expression to compile.

A name is looked up as the exact stretch of text from its first word to its last, so the
separators between words ("Côte d’Ivoire", "Guinea-Bissau") must match too. Punctuation a name
ends with ("U.S.") is checked after the lookup. Matching is case-sensitive and on whole words:
no letter, digit or hyphen right before, no letter or digit right after; the longest name wins.
A hyphen before a name is fine when a name ends at it: "U.S.-India", "Australia-United
Kingdom-United States" name each country ("pro-Russian", "non-NATO" name none).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

_WORD = re.compile(r"[^\W_]+")
_PIECE = 1 << 16


class NameIndex:
    """Literal names -> a value, found in text longest first."""

    def __init__(self, names: Iterable[tuple[str, object]]) -> None:
        self._values: dict[str, list[tuple[str, object]]] = {}  # core -> [(tail, value)]
        self._longest: dict[str, int] = {}  # first word -> most words of a name starting with it
        for name, value in names:
            words = list(_WORD.finditer(name))
            if not words or words[0].start() != 0:
                continue  # names start with a letter or digit
            core, tail = name[: words[-1].end()], name[words[-1].end() :]
            self._values.setdefault(core, []).append((tail, value))
            first = words[0].group()
            self._longest[first] = max(self._longest.get(first, 0), len(words))
        for options in self._values.values():
            options.sort(key=lambda option: len(option[0]), reverse=True)  # "U.S." before "U.S"

    def find(self, text: str, start: int = 0, end: int | None = None) -> Iterator[tuple[int, int, object]]:
        """(start, end, value) for each name in text[start:end], in reading order."""
        end = len(text) if end is None else end
        # A long text is read a piece at a time (the list of a piece's words costs ~150 bytes a
        # word); pieces end at a line end, which no name crosses (or, in a line of hundreds of
        # kilobytes, at a space).
        while start < end:
            stop = text.find("\n", start + _PIECE, min(end, start + 4 * _PIECE))
            if stop < 0:
                stop = text.find(" ", start + 4 * _PIECE, end)
            stop = end if stop < 0 else stop + 1
            yield from self._find_in(text, start, stop)
            start = stop

    def _find_in(self, text: str, start: int, end: int) -> Iterator[tuple[int, int, object]]:
        words = [(m.start(), m.end(), m.group()) for m in _WORD.finditer(text, start, end)]
        i = 0
        last_stop = -1
        while i < len(words):
            first_start, _, first = words[i]
            longest = self._longest.get(first, 0)
            if not longest:
                i += 1
                continue
            glued = first_start > 0 and (text[first_start - 1].isalnum() or text[first_start - 1] in "-_")
            if glued and not (text[first_start - 1] == "-" and last_stop == first_start - 1):
                i += 1  # inside a word; but the second name of a compound of names is no glue
                continue
            hit = self._longest_at(text, words, i, min(longest, len(words) - i), end)
            if hit is None:
                i += 1
                continue
            count, stop, value = hit
            last_stop = stop
            yield first_start, stop, value
            i += count

    def _longest_at(
        self, text: str, words: list[tuple[int, int, str]], i: int, most: int, end: int
    ) -> tuple[int, int, object] | None:
        first_start = words[i][0]
        for count in range(most, 0, -1):
            core_end = words[i + count - 1][1]
            options = self._values.get(text[first_start:core_end])
            if not options:
                continue
            for tail, value in options:
                stop = core_end + len(tail)
                if stop <= end and text.startswith(tail, core_end) and not (
                    stop < len(text) and (text[stop].isalnum() or text[stop] == "_")
                ):
                    return count, stop, value
        return None
