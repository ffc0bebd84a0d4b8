"""Which reader a file needs, by its content first and its name second.

Returns the article text, a format name and any metadata the format carries (an HTML page's
title and date). Plain text and Markdown are read here; richer formats live in their own modules,
imported only when a file of that kind arrives.
"""

from __future__ import annotations

import re

from multivector.documents.decoding import decode_bytes
from multivector.model.errors import InputError

FORMATS = ("text", "markdown", "html", "pdf", "docx", "epub")
_HTML_NAMES = (".html", ".htm", ".xhtml", ".shtml", ".mhtml")
_HTML_START = re.compile(
    rb"^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body)\b",
    re.IGNORECASE | re.DOTALL,
)
_UTF16_HTML = re.compile(r"^\s*(?:<\?xml[^>]*>\s*)?<(?:!doctype\s+html|html|head|body)\b", re.I)
_OTHER_ZIPS = {".xlsx": "a spreadsheet", ".pptx": "a slide deck", ".odt": "an OpenDocument file"}


def sniff(data: bytes, name: str) -> str:
    """The format of `data`: magic bytes decide; the file name only separates text from Markdown."""
    lowered = name.lower()
    if data.startswith(b"%PDF-") or data[:1024].lstrip().startswith(b"%PDF-"):
        return "pdf"
    if data.startswith(b"PK\x03\x04"):
        from multivector.documents.formats.archive import zip_kind

        kind = zip_kind(data, name)
        if kind is None:
            what = next((v for k, v in _OTHER_ZIPS.items() if lowered.endswith(k)), "a ZIP archive")
            raise InputError(f"{name}: is {what}, not an article (DOCX, EPUB, PDF, HTML or text)")
        return kind
    if _HTML_START.match(data[:4096]) or lowered.endswith(_HTML_NAMES):
        return "html"
    if lowered.endswith((".md", ".markdown")):
        return "markdown"
    return "text"


def extract(data: bytes, name: str) -> tuple[str, str, dict[str, object]]:
    """(text, format, metadata) for the bytes of a file called `name`."""
    fmt = sniff(data, name)
    if fmt == "pdf":
        from multivector.documents.formats.pdf import extract_pdf

        text, meta = extract_pdf(data, name)
    elif fmt == "docx":
        from multivector.documents.formats.docx import extract_docx

        text, meta = extract_docx(data, name)
    elif fmt == "epub":
        from multivector.documents.formats.epub import extract_epub

        text, meta = extract_epub(data, name)
    else:
        text, _encoding = decode_bytes(data, name)
        if fmt == "text" and _UTF16_HTML.match(text[:4096]):
            fmt = "html"  # an HTML page saved as UTF-16 only shows its tags once decoded
        if fmt != "html":
            return text, fmt, {}
        from multivector.documents.formats.webpage import extract_webpage

        text, meta = extract_webpage(text, name)
    return text, fmt, meta
