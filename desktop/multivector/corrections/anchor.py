"""Anchoring passages by offsets and by quote, and placing them again on a changed text.

Placing follows the W3C Web Annotation TextQuoteSelector idea: the exact text, disambiguated by
the text just before and after it. Offsets are only a hint once the text has changed.
"""

from __future__ import annotations

import re
from difflib import SequenceMatcher

from multivector.corrections.edits import Anchor
from multivector.model.analysis import Span
from multivector.model.errors import InputError

CONTEXT = 32  # characters of prefix and suffix kept with each quote
MIN_FUZZY_RATIO = 0.75  # how alike a reworded passage must stay to its quote to be placed


def make_anchor(text: str, start: int, end: int, context: int = CONTEXT) -> Anchor:
    """The anchor for `text[start:end]`, with up to `context` characters either side."""
    if not 0 <= start < end <= len(text):
        raise InputError(
            f"passage {start}-{end} is not a stretch of the {len(text)}-character text"
        )
    return Anchor(
        start=start,
        end=end,
        exact=text[start:end],
        prefix=text[max(0, start - context) : start],
        suffix=text[end : end + context],
    )


def _common_tail(a: str, b: str) -> int:
    n = 0
    for x, y in zip(reversed(a), reversed(b), strict=False):
        if x != y:
            break
        n += 1
    return n


def _common_head(a: str, b: str) -> int:
    n = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        n += 1
    return n


def _context_score(anchor: Anchor, text: str, start: int, end: int) -> int:
    before = text[max(0, start - len(anchor.prefix)) : start]
    after = text[end : end + len(anchor.suffix)]
    return _common_tail(anchor.prefix, before) + _common_head(anchor.suffix, after)


def _best(anchor: Anchor, text: str, spans: list[tuple[int, int]]) -> Span | None:
    if not spans:
        return None
    # Most context agreeing wins; among equals, the one nearest the old offsets.
    start, end = max(
        spans, key=lambda s: (_context_score(anchor, text, *s), -abs(s[0] - anchor.start))
    )
    return Span(start, end)


def _exact_hits(exact: str, text: str) -> list[tuple[int, int]]:
    hits, i = [], text.find(exact)
    while i != -1:
        hits.append((i, i + len(exact)))
        i = text.find(exact, i + 1)
    return hits


def _whitespace_hits(exact: str, text: str) -> list[tuple[int, int]]:
    # Re-wrapped or re-spaced text: the same words with different runs of white space.
    words = exact.split()
    if not words:
        return []
    pattern = re.compile(r"\s+".join(re.escape(w) for w in words))
    return [(m.start(), m.end()) for m in pattern.finditer(text)]


def _positions(needle: str, text: str) -> list[int]:
    return [s for s, _ in _exact_hits(needle, text)] if needle else []


def _fuzzy_hits(anchor: Anchor, text: str) -> list[tuple[int, int]]:
    # The quote itself was edited: look between surviving context for something close to it.
    prefix, suffix = anchor.prefix[-16:], anchor.suffix[:16]
    if not prefix and not suffix:
        return []
    starts = [p + len(prefix) for p in _positions(prefix, text)] if prefix else [0]
    ends = _positions(suffix, text) if suffix else [len(text)]
    size = len(anchor.exact)
    low, high = size // 2, size + size // 2 + 10
    hits = []
    for s in starts:
        for e in ends:
            if low <= e - s <= high:
                ratio = SequenceMatcher(None, anchor.exact, text[s:e], autojunk=False).ratio()
                if ratio >= MIN_FUZZY_RATIO:
                    hits.append((s, e))
    return hits


def place_anchor(anchor: Anchor, text: str) -> Span | None:
    """Where the anchored passage is in `text`, or None when it cannot be placed with confidence."""
    if not anchor.exact:
        return None
    start, end = anchor.start, anchor.end
    if 0 <= start < end <= len(text) and text[start:end] == anchor.exact:
        full = len(anchor.prefix) + len(anchor.suffix)
        if _context_score(anchor, text, start, end) == full:
            return Span(start, end)  # unchanged around the passage: the fast, common case
    for finder in (_exact_hits, _whitespace_hits):
        found = _best(anchor, text, finder(anchor.exact, text))
        if found is not None:
            return found
    return _best(anchor, text, _fuzzy_hits(anchor, text))
