"""The text layer of a PDF (pypdf), rebuilt into paragraphs.

A PDF stores lines, not paragraphs. Lines are joined back into paragraphs; a paragraph ends
where the vertical gap to the next line is clearly larger than the page's usual line spacing,
and across a page break where the last line ends a sentence short of the full width. Page
numbers alone on the last or first line of a page are dropped, typographic ligatures unfolded.
"""

from __future__ import annotations

import io
import logging
import re
import statistics
import zlib
from dataclasses import dataclass
from typing import Any

from multivector.model.errors import InputError

MAX_PAGES = 2000
_LIGATURES = str.maketrans({"\ufb00": "ff", "\ufb01": "fi", "\ufb02": "fl", "\ufb03": "ffi",
                            "\ufb04": "ffl", "\ufb05": "st", "\ufb06": "st", "\u00ad": ""})
_PAGE_NUMBER = re.compile(r"^\s*(?:page\s*)?\d{1,4}(?:\s*(?:of|/)\s*\d{1,4})?\s*$", re.I)
_SPACES = re.compile(r"[ \t\u00a0]+")
_ENDS_SENTENCE = re.compile(r"[.!?:][\"'”’»)\]]*$")


@dataclass(frozen=True)
class _Line:
    """One printed line and its vertical position on the page (None when unknown)."""

    text: str
    y: float | None


def _page_lines(page: Any) -> list[_Line]:
    chunks: list[tuple[str, float | None]] = []

    def visit(text: str, cm: list[float], tm: list[float], _font: Any, _size: Any) -> None:
        y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5] if text.strip() else None
        chunks.append((text, y))

    page.extract_text(visitor_text=visit)
    lines: list[_Line] = []
    parts: list[str] = []
    line_y: float | None = None
    for text, y in chunks:
        pieces = text.split("\n")
        for i, piece in enumerate(pieces):
            if i:
                lines.append(_Line("".join(parts), line_y))
                parts, line_y = [], None
            parts.append(piece)
            if line_y is None and piece.strip():
                line_y = y
    lines.append(_Line("".join(parts), line_y))
    # Text drawn outside the visible box is clipped away on paper; some writers repeat a line
    # that straddles a page break on both pages.
    box = page.cropbox
    low, high = float(box.bottom), float(box.top)
    lines = [ln for ln in lines if ln.y is None or low - 1 <= ln.y <= high + 1]
    cleaned = [_Line(_SPACES.sub(" ", ln.text.translate(_LIGATURES)).strip(), ln.y) for ln in lines]
    cleaned = [ln for ln in cleaned if ln.text]
    for edge in (-1, 0):  # page numbers sit alone at the foot (or head) of the page
        if cleaned and _PAGE_NUMBER.match(cleaned[edge].text):
            cleaned.pop(edge)
    return cleaned


def _paragraph_breaks(lines: list[_Line]) -> list[bool]:
    """For each line after the first, whether a new paragraph starts there."""
    gaps = [abs(b.y - a.y) if a.y is not None and b.y is not None else None
            for a, b in zip(lines, lines[1:], strict=False)]
    known = [g for g in gaps if g]
    usual = statistics.median(known) if known else None
    width = statistics.median(len(ln.text) for ln in lines) if lines else 0
    breaks = []
    for line, gap in zip(lines, gaps, strict=False):
        if usual and gap:
            breaks.append(gap > usual * 1.4)
        else:
            breaks.append(bool(_ENDS_SENTENCE.search(line.text)) and len(line.text) < 0.8 * width)
    return breaks


def _join(pages: list[list[_Line]]) -> str:
    all_lines = [ln for page in pages for ln in page]
    width = statistics.median(len(ln.text) for ln in all_lines) if all_lines else 0
    paragraphs: list[str] = []
    current = ""
    last_line = ""
    for lines in pages:
        if not lines:
            continue
        # Across pages there is no gap to measure: a short line that ends a sentence ends it.
        page_break = bool(_ENDS_SENTENCE.search(last_line)) and len(last_line) < 0.8 * width
        for line, new_paragraph in zip(lines, [page_break, *_paragraph_breaks(lines)],
                                       strict=False):
            if new_paragraph and current:
                paragraphs.append(current)
                current = ""
            if not current:
                current = line.text
            elif current.endswith(("-", "\u2010")) and line.text[:1].isalpha():
                current += line.text  # a word broken at its hyphen stays one word
            else:
                current += " " + line.text
        last_line = lines[-1].text
    if current:
        paragraphs.append(current)
    return "\n\n".join(paragraphs)


def _short(error: BaseException) -> str:
    message = " ".join(str(error).split()) or type(error).__name__
    return message if len(message) <= 100 else message[:99] + "…"


def extract_pdf(data: bytes, name: str) -> tuple[str, dict[str, object]]:
    """(text, metadata) of a PDF's text layer; InputError for a PDF without one."""
    import pypdf
    from pypdf.errors import DependencyError, LimitReachedError, PyPdfError

    logging.getLogger("pypdf").setLevel(logging.ERROR)  # its warnings are about the file, not us
    encrypted = False
    try:
        reader = pypdf.PdfReader(io.BytesIO(data))
        encrypted = reader.is_encrypted
        if encrypted and not reader.decrypt(""):
            raise InputError(f"{name}: is a password-protected PDF; save an unprotected copy "
                             "to read it here")
        if len(reader.pages) > MAX_PAGES:
            raise InputError(f"{name}: has {len(reader.pages)} pages, too many for one article")
        pages = [_page_lines(page) for page in reader.pages]
        info = reader.metadata
    except InputError:
        raise
    except DependencyError:
        # AES needs a cryptography library this installation does not carry
        raise InputError(f"{name}: is an encrypted PDF (AES), which cannot be read here; save "
                         "an unencrypted copy and open that") from None
    except LimitReachedError:
        raise InputError(f"{name}: a part of this PDF unpacks to more than a document holds "
                         "(a decompression bomb?); refused") from None
    except (PyPdfError, ValueError, KeyError, TypeError, AttributeError, OSError, IndexError,
            RecursionError, zlib.error, ArithmeticError,
            NotImplementedError) as exc:  # a damaged stream names a filter pypdf does not know
        what = "an encrypted PDF that cannot be read" if encrypted else "a damaged PDF"
        raise InputError(f"{name}: is {what} ({_short(exc)})") from None
    text = _join(pages)
    if not text.strip():
        raise InputError(f"{name}: has no text layer (a scanned PDF?); run OCR on it first")
    meta: dict[str, object] = {}
    if info is not None:
        title = (info.title or "").strip()
        author = (info.author or "").strip()
        meta = {k: v for k, v in (("title", title), ("author", author)) if v}
    return text, meta
