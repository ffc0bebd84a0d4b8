"""Writers of hostile documents: small files built to make a reader do far more work than their
size suggests (nesting, repetition, text that unpacks a hundredfold). Each is written a piece at
a time, so making it does not need the memory it would take to open."""

from __future__ import annotations

import io
import zipfile

from formatgen import docx, epub  # type: ignore[import-not-found]

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
ARTICLE = "Peru and Japan signed a memorandum on maritime security in Lima on Tuesday."


def _docx_with(document_chunks: list[bytes] | None = None, repeat: bytes = b"",
               times: int = 0, tail: bytes = b"") -> bytes:
    """A DOCX whose word/document.xml is the chunks, then `repeat` `times` times, then `tail`."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        with archive.open("word/document.xml", "w", force_zip64=True) as handle:
            for chunk in document_chunks or []:
                handle.write(chunk)
            block = repeat * max(1, (1 << 20) // max(len(repeat), 1))
            per_block = max(1, (1 << 20) // max(len(repeat), 1))
            written = 0
            while written + per_block <= times:
                handle.write(block)
                written += per_block
            handle.write(repeat * (times - written))
            handle.write(tail)
    return buffer.getvalue()


def deep_docx(depth: int = 100_000) -> bytes:
    """A DOCX whose paragraph's run sits inside `depth` nested elements."""
    head = f'<?xml version="1.0"?><w:document xmlns:w="{_W}"><w:body><w:p>'.encode()
    return _docx_with([head, b"<w:r>" * depth, f"<w:t>{ARTICLE}</w:t>".encode(),
                       b"</w:r>" * depth, b"</w:p></w:body></w:document>"])


def text_heavy_docx(megabytes: int = 90) -> bytes:
    """A DOCX of ~2 MB holding `megabytes` MB of text (varied enough not to look like a bomb)."""
    head = f'<?xml version="1.0"?><w:document xmlns:w="{_W}"><w:body>'.encode()
    words = " ".join(f"word{i}" for i in range(200))
    paragraph = f"<w:p><w:r><w:t>{ARTICLE} {words}</w:t></w:r></w:p>".encode()
    return _docx_with([head], paragraph, megabytes * (1 << 20) // len(paragraph),
                      b"</w:body></w:document>")


def repeated_spine_epub(times: int) -> bytes:
    """An EPUB whose spine names its one chapter `times` times (a few kilobytes compressed)."""
    book = io.BytesIO(epub([ARTICLE * 20]))
    out = io.BytesIO()
    with zipfile.ZipFile(book) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dest:
        for info in source.infolist():
            data = source.read(info)
            if info.filename.endswith(".opf"):
                data = data.replace(b'<itemref idref="c0"/>', b'<itemref idref="c0"/>' * times)
            dest.writestr(info, data)
    return out.getvalue()


def stray_end_tags_page(count: int) -> str:
    """A page with an article, many open tags and `count` end tags that close nothing."""
    return ("<html><body>" + "<div><span>" * 2000 + f"<article><p>{ARTICLE}</p></article>"
            + "</b></i>" * (count // 2) + "</body></html>")


def unclosed_page(count: int) -> str:
    """A page of `count` tags opened and never closed."""
    return "<html><body>" + "<div>x " * count + f"<p>{ARTICLE}</p>"


def plain_docx() -> bytes:
    return docx(ARTICLE)
