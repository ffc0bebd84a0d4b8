"""The one phrase and regex-building toolkit of the engine.

The small phrase language of resources/*.toml, compiled to regular expressions:

    word*   the word and any ending          a|b   either word
    ...     up to six words in between       _     an optional space or hyphen
    -       a hyphen or a space

Phrases match whole words, regardless of case. For speed the patterns are compiled in lower
case and run over `lowered(text)`, which keeps every offset of the original text.

Public API (engine/text/phrase_sets.py builds on it to scan many named sets at once):

- `lowered(text)`: lower case with the same offsets;
- `phrase_regex(phrase)`: one phrase as a regex body; `compile_phrases(phrases)`: a fast
  whole-word `PhrasePattern` (finditer/search/match);
- `literal_trie_regex(words)`: exact literals, longest first, shaped as a trie;
  `token_trie_regex(items)`: the same for items given as sequences of regex tokens (money
  amounts, unit words), for code that builds its own token pieces.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from functools import cached_property

from multivector.engine.text.compiled import compiled

_GAP = r"(?:[\s,;:’'\-–]+[\w’'\-]+){0,6}?[\s,;:’'\-–]+"
_SPACE = r"[\s\u00a0]+"
LEFT_BOUNDARY, _RIGHT = r"(?<![\w\-])", r"(?![\w])"


# --- tries: many literals as one regex, so that sre tests a few first letters per position ---

_END = ""  # marks where an item ends; no token is empty


def _to_regex(node: dict[str, dict]) -> str:
    branches = [token + _to_regex(child) for token, child in sorted(node.items()) if token != _END]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    return f"(?:{body})?" if _END in node else body


def token_trie_regex(items: Iterable[Sequence[str]]) -> str:
    """A regex of items given as sequences of regex tokens (each matching one piece). Matching
    items at one place always form a chain of prefixes, and the trie tries them longest first,
    as a longest-first alternation does."""
    root: dict[str, dict] = {}
    for tokens in items:
        node = root
        for token in tokens:
            node = node.setdefault(token, {})
        node[_END] = {}
    return _to_regex(root)


def literal_trie_regex(words: Iterable[str]) -> str:
    """A regex matching exactly the given literals, longest alternative preferred."""
    return token_trie_regex([re.escape(ch) for ch in word] for word in words)


# --- the phrase language ---

_PIECE = 1 << 20


def lower_in_pieces(text: str) -> str:
    """`text.lower()`, a megabyte at a time: str.lower reserves 12 bytes a character for any
    text that is not ASCII, 600 MB for a 50 MB article. Pieces end at a line end, where no
    case rule (the final sigma) looks across."""
    if len(text) <= _PIECE or text.isascii():
        return text.lower()
    pieces, start = [], 0
    while start < len(text):
        stop = text.find("\n", start + _PIECE)
        stop = len(text) if stop < 0 else stop + 1
        pieces.append(text[start:stop].lower())
        start = stop
    return "".join(pieces)


def lowered(text: str) -> str:
    """`text` in lower case with the same length, so offsets carry over unchanged."""
    if "\u0130" in text:  # "İ" is the one character whose lower case is two: it is kept as is
        return "\u0130".join(lower_in_pieces(part) for part in text.split("\u0130"))
    return lower_in_pieces(text)


def _word(token: str) -> str:
    alternatives = []
    for alternative in token.lower().split("|"):
        stem = alternative.rstrip("*")
        pattern = re.escape(stem).replace(r"\-", r"[-\s–]").replace("_", r"[-\s]?")
        if alternative.endswith("*"):
            pattern += r"[\w\-]*"
        alternatives.append(pattern)
    return "(?:" + "|".join(alternatives) + ")"


def phrase_regex(phrase: str) -> str:
    """The regular expression, without boundaries, for one phrase (lower case)."""
    parts: list[str] = []
    pending_gap = False
    for token in phrase.split():
        if token == "...":
            pending_gap = True
            continue
        if parts:
            parts.append(_GAP if pending_gap else _SPACE)
        parts.append(_word(token))
        pending_gap = False
    return "".join(parts)


def _alternation(phrases: Iterable[str]) -> str:
    # Longest first; phrases of one length in a fixed order, not the set's (which changes from
    # run to run with string hashing): the same pattern every run, found in the compiled cache.
    ordered = sorted(set(phrases), key=lambda p: (-len(p), p))
    return "|".join(f"(?:{phrase_regex(p)})" for p in ordered)


def _spellings(stem: str) -> list[str]:
    """The literal spellings of a stem: "-" may be a hyphen, a space or a dash; "_" may be
    nothing, a space or a hyphen."""
    spellings = [""]
    for ch in stem:
        options = {"-": ["-", " ", "–"], "_": ["", " ", "-"]}.get(ch, [ch])
        spellings = [s + o for s in spellings for o in options]
    return spellings


def first_literals(phrases: Iterable[str]) -> set[str]:
    """Every literal spelling of every phrase's first word, up to a "*" ("train*" -> "train")."""
    literals: set[str] = set()
    for phrase in phrases:
        for alternative in phrase.split()[0].lower().split("|"):
            literals.update(_spellings(alternative.split("*")[0]))
    return literals


class PhrasePattern:
    """A big alternation of phrases, searched fast: a trie of the phrases' first letters finds
    the few places worth trying, and only there is the full pattern matched.

    Offers the `finditer` and `search` of a compiled pattern, with the same matches.
    """

    def __init__(self, body: str, phrases: Iterable[str]) -> None:
        self.full = compiled(rf"{LEFT_BOUNDARY}(?:{body}){_RIGHT}")
        self._literals = first_literals(phrases)

    @cached_property
    def _starts(self) -> re.Pattern[str] | None:
        """Built on the first search only: a pattern only ever matched at a place needs none."""
        if not all(self._literals):
            return None
        return compiled(rf"{LEFT_BOUNDARY}(?:{literal_trie_regex(self._literals)})")

    def finditer(self, text: str, pos: int = 0, endpos: int | None = None) -> Iterator[re.Match[str]]:
        endpos = len(text) if endpos is None else endpos
        if self._starts is None:
            yield from self.full.finditer(text, pos, endpos)
            return
        resume = pos
        for candidate in self._starts.finditer(text, pos, endpos):
            if candidate.start() < resume:
                continue
            match = self.full.match(text, candidate.start(), endpos)
            if match:
                resume = max(match.end(), match.start() + 1)
                yield match

    def search(self, text: str, pos: int = 0, endpos: int | None = None) -> re.Match[str] | None:
        return next(self.finditer(text, pos, endpos), None)

    def match(self, text: str, pos: int = 0, endpos: int | None = None) -> re.Match[str] | None:
        return self.full.match(text, pos, len(text) if endpos is None else endpos)


def compile_phrases(phrases: Iterable[str]) -> PhrasePattern:
    """One whole-word pattern matching any of `phrases` in lowered text (longest first)."""
    phrases = list(phrases)
    return PhrasePattern(_alternation(phrases), phrases)
