"""Passages as a reader quotes them: whole sentences, and whole quotations.

The engine's passages follow its sentence splitter, which breaks inside quotations that hold
several sentences ("... Russian interests. By working together ..."). Printed alone, such a
passage stops in the middle of someone's words. A passage is widened to the sentences around it
and to the end of any quotation it cuts into, so the printed excerpt reads as the article does.
"""

from __future__ import annotations

import re

from multivector.model.analysis import Analysis, Paragraph

MAX_EXCERPT = 1200  # characters; a widened passage longer than this keeps its own bounds
_SPACE = re.compile(r"\s+")
_OPEN, _CLOSE, _STRAIGHT = "“", "”", '"'


def clip(text: str, limit: int = MAX_EXCERPT) -> str:
    """One line of text (runs of white space made one space), cut with "…" past `limit`."""
    text = _SPACE.sub(" ", text).strip()
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def paragraph_of(analysis: Analysis, offset: int) -> int | None:
    """The number of the paragraph holding `offset`, for "¶4" references."""
    para = analysis.paragraph_at(offset)
    return para.index if para else None


def whole_span(analysis: Analysis, start: int, end: int) -> tuple[int, int]:
    """`start`..`end` widened to whole sentences and to the quotations it cuts into."""
    s, e = start, end
    for _ in range(8):  # each round may reach a further sentence; a few always suffice
        ns, ne = _quotations(analysis, s, e)
        ns, ne = _marks(analysis, ns, ne)
        ns, ne = _sentences(analysis, ns, ne)
        if (ns, ne) == (s, e):
            break
        s, e = ns, ne
    if e - s > MAX_EXCERPT:  # a quotation running on for paragraphs: keep the sentence
        return _sentences(analysis, start, end)
    return s, e


def _sentences(analysis: Analysis, s: int, e: int) -> tuple[int, int]:
    for sentence in analysis.sentences:
        if sentence.start < s < sentence.end:
            s = sentence.start
        if sentence.start < e < sentence.end:
            e = sentence.end
    return s, e


def _quotations(analysis: Analysis, s: int, e: int) -> tuple[int, int]:
    """Widened to every quotation the engine found that starts or ends inside `s`..`e`."""
    for quote in analysis.quotes:
        if quote.start < s < quote.end or quote.start < e < quote.end:
            s, e = min(s, quote.start), max(e, quote.end)
    return s, e


def _marks(analysis: Analysis, s: int, e: int) -> tuple[int, int]:
    """Widened by the quotation marks of the paragraph, for quotations the engine missed.

    Only within the paragraph: a quotation spanning paragraphs often leaves its closing mark
    out at each paragraph's end, so marks there do not pair up.
    """
    para = analysis.paragraph_at(s)
    if para is None or not para.start <= e <= para.end:
        return s, e
    text = analysis.document.text
    opening = _open_at(text, para, s)
    if opening is not None:
        s = opening
    closing = _close_after(text, para, e)
    if closing is not None:
        e = closing
    return s, e


def _open_at(text: str, para: Paragraph, pos: int) -> int | None:
    """The offset of the mark opening a quotation that is still open at `pos`, if any."""
    stack: list[int] = []
    straight: int | None = None
    for i in range(para.start, pos):
        ch = text[i]
        if ch == _OPEN:
            stack.append(i)
        elif ch == _CLOSE and stack:
            stack.pop()
        elif ch == _STRAIGHT:
            straight = i if straight is None else None
    found = [x for x in (*stack[:1], straight) if x is not None]
    return min(found) if found else None


def _close_after(text: str, para: Paragraph, pos: int) -> int | None:
    """The offset just past the mark closing a quotation still open at `pos`, if it closes
    within the paragraph."""
    depth = 0
    straight = False
    for i in range(para.start, pos):
        ch = text[i]
        if ch == _OPEN:
            depth += 1
        elif ch == _CLOSE and depth:
            depth -= 1
        elif ch == _STRAIGHT:
            straight = not straight
    if not depth and not straight:
        return None
    for i in range(pos, para.end):
        ch = text[i]
        if ch == _OPEN:
            depth += 1
        elif ch == _CLOSE and depth:
            depth -= 1
            if not depth and not straight:
                return i + 1
        elif ch == _STRAIGHT and straight:
            straight = False
            if not depth:
                return i + 1
    return None
