"""Paragraphs and sentences with code-point offsets.

A sentence ends at . ! ? (and after a closing quote that follows one) when the next word starts
a new sentence. It does not end after abbreviations ("U.S.", "Gen.", "Jan."), initials, inside
decimals ("142.56") or inside parentheses.
"""

from __future__ import annotations

import re

from multivector.model.analysis import Paragraph, Sentence

_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n+")
# A line that reads as an item of its own: a list bullet, a heading, a "2007: ..." entry.
_ITEM_LINE = re.compile(r"^\s*(?:[-*•–]\s|\d+[.)]\s|#|=|\d{4}\s*[:–-])")
# A heading line in Markdown or wiki markup: a paragraph of its own, whatever follows it.
_HEADING_LINE = re.compile(r"^\s*(?:#{1,6}\s|=+[^=].*=+\s*$)")
# The end of a line that ends a sentence (or a label: "Summary:").
_LINE_END = re.compile(r"[.!?:;\"”’)\]]\s*$")
_ABBREVIATIONS = frozenset(
    """mr mrs ms dr prof gen lt col maj capt cmdr adm sgt st jr sr rev hon gov sen rep pres
    amb no vol nos fig ed eds co corp inc ltd dept univ est approx vs etc al ca cf e.g i.e
    jan feb mar apr jun jul aug sep sept oct nov dec mt ft ave blvd rd u.s u.k u.n e.u
    u.s.a u.s.s.r""".split()
)
_OPENERS = "\"'“‘«([-—–"
# In a hard-wrapped block, a line this full was cut by the wrap, not by the writer.
_FULL_LINE = 0.85


def paragraphs(text: str, body_start: int = 0) -> list[Paragraph]:
    """The paragraphs a reader sees: blank-line separated blocks, and inside a block the lines
    the writer broke on purpose (see `_split_block`)."""
    result: list[Paragraph] = []
    block_start = body_start
    for brk in [*_PARAGRAPH_BREAK.finditer(text, body_start), None]:
        block_end = brk.start() if brk else len(text)
        for start, end in _split_block(text, block_start, block_end):
            result.append(Paragraph(len(result) + 1, start, end))
        if brk:
            block_start = brk.end()
    return result


def _lines(text: str, start: int, end: int) -> list[tuple[int, int]]:
    lines: list[tuple[int, int]] = []
    pos = start
    for line in text[start:end].split("\n"):
        if line.strip():
            lines.append((pos, pos + len(line.rstrip())))
        pos += len(line) + 1
    return lines


def _inside_sentence(text: str, line: tuple[int, int], following: tuple[int, int]) -> bool:
    """A line break no writer makes on purpose: the line stops mid-sentence and the next one
    goes on in lower case ("...which range from\nhedging against ...")."""
    if _LINE_END.search(text, line[0], line[1]):
        return False
    nxt = text[following[0] : following[1]].lstrip()
    return bool(nxt) and (nxt[0].islower() or text[line[1] - 1] in ",-–—")


def _split_block(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """A block's paragraphs. Lines pasted from the web (one paragraph a line), list items and
    headings are paragraphs of their own; hard-wrapped lines (a PDF, a plain-text report,
    Markdown source) are joined again. A block is hard-wrapped when at least a third of its
    line breaks fall inside sentences; there a line ends its paragraph only when it ends a
    sentence well short of the wrap width, or is a heading or an item."""
    lines = _lines(text, start, end)
    if len(lines) <= 1:
        return [_trim(text, start, end)] if text[start:end].strip() else []
    pairs = list(zip(lines, lines[1:], strict=False))
    inside = [_inside_sentence(text, a, b) for a, b in pairs]
    wrapped = sum(inside) * 3 >= len(pairs)
    width = max(b - a for a, b in lines)
    spans: list[tuple[int, int]] = []
    para_start = lines[0][0]
    for (line, following), mid in zip(pairs, inside, strict=False):
        if _HEADING_LINE.match(text, line[0], line[1]) or _ITEM_LINE.match(text, following[0], following[1]):
            joined = False
        elif mid:
            joined = True
        else:
            joined = wrapped and line[1] - line[0] >= _FULL_LINE * width
        if not joined:
            spans.append((para_start, line[1]))
            para_start = following[0]
    spans.append((para_start, lines[-1][1]))
    return [_trim(text, a, b) for a, b in spans]


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _word_before(text: str, pos: int) -> str:
    """The token that ends at `pos` (the terminator excluded), lowercased."""
    start = pos
    while start > 0 and not text[start - 1].isspace() and text[start - 1] not in "(\"“":
        start -= 1
    return text[start:pos].lower().strip("'’")


def _is_boundary(text: str, dot: int, after: int, depth: int) -> bool:
    """Whether the terminator at `dot`, with the next word at `after`, ends a sentence."""
    if depth > 0 or after >= len(text):
        return after >= len(text)
    nxt = text[after]
    if not (nxt.isupper() or nxt.isdigit() or nxt in _OPENERS):
        return False
    if text[dot] != ".":
        return True
    word = _word_before(text, dot)
    if word in _ABBREVIATIONS or word.rstrip(".") in _ABBREVIATIONS:
        # "U.S." at a real sentence end is common; treat it as an end when a plain
        # capitalized function word follows.
        follow = re.match(r"[A-Z][a-z]+", text[after:])
        return bool(follow and follow.group() in {"The", "This", "It", "In", "But", "However"})
    if re.fullmatch(r"[a-z]", word) or re.fullmatch(r"(?:[a-z]\.)+[a-z]", word):
        return False  # an initial ("J. Smith") or a dotted abbreviation
    return True


def sentences(text: str, paras: list[Paragraph]) -> list[Sentence]:
    """Sentences inside each paragraph, in reading order."""
    result: list[Sentence] = []
    for para in paras:
        for start, end in _split_paragraph(text, para.start, para.end):
            result.append(Sentence(len(result), para.index, start, end))
    return result


# a terminator, closing quotes or brackets, and reference marks ("since 1992.[1] Azerbaijan")
_CANDIDATE = re.compile(r"[.!?]+[\"'”’»)\]]*(?:\[(?:\d+|edit)\])*")


def _split_paragraph(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Cuts at each terminator that passes `_is_boundary`; only terminator runs are examined,
    and the parenthesis depth is carried from one to the next."""
    spans: list[tuple[int, int]] = []
    sentence_start = start
    depth = 0
    counted = start  # parentheses are counted up to here
    for candidate in _CANDIDATE.finditer(text, start, end):
        run_end = candidate.end()
        if run_end < end and not text[run_end].isspace():
            continue  # "142.56", "U.S.-led": no space after the terminator
        terminator = candidate.start()
        segment = text[counted:run_end]
        depth = max(0, depth + segment.count("(") + segment.count("[") - segment.count(")") - segment.count("]"))
        counted = run_end
        # a closing parenthesis that ends the run closes a bracket opened in this sentence
        cut = run_end
        if text[terminator:run_end].endswith(")") and depth == 0 and "(" not in text[sentence_start:terminator]:
            cut = run_end - 1
        after = run_end
        while after < end and text[after].isspace():
            after += 1
        if after >= end or _is_boundary(text, terminator, after, depth):
            spans.append((sentence_start, cut if cut > sentence_start else run_end))
            sentence_start = after
    if sentence_start < end:
        spans.append((sentence_start, end))
    return [_trim(text, a, b) for a, b in spans if text[a:b].strip()]
