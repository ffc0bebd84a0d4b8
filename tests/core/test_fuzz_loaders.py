"""Property tests over the loaders: any bytes under any name, and damaged copies of real
documents in every format, give a Document or an InputError, nothing else."""

from __future__ import annotations

import hashlib
import unicodedata

from formatgen import docx, epub, news_page  # type: ignore[import-not-found]
from fuzzgen import FUZZ, articles, flip_bytes, mutated  # type: ignore[import-not-found]
from hypothesis import given
from hypothesis import strategies as st
from pdfgen import text_pdf  # type: ignore[import-not-found]

from multivector.documents.loading import load_bytes
from multivector.model.analysis import Document
from multivector.model.errors import InputError

NAMES = ("a.txt", "a.md", "a.html", "a.htm", "a.pdf", "a.docx", "a.epub", "noext", "a.xlsx", "-")
ENCODINGS = ("utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "utf-32", "cp1252",
             "cp1251", "latin-1")


def loaded(data: bytes, name: str) -> Document | None:
    """load_bytes, with the checks every loaded document passes; None when refused."""
    try:
        document = load_bytes(data, name)
    except InputError as exc:
        message = str(exc)
        assert message and "\n" not in message
        return None
    text = document.text
    assert text.strip() and "\r" not in text and "\x00" not in text
    assert unicodedata.is_normalized("NFC", text)
    assert document.sha256 == hashlib.sha256(text.encode("utf-8")).hexdigest()
    assert 0 <= document.body_start <= len(text)
    return document


def encoded(text: str, encoding: str) -> bytes:
    return text.encode(encoding, errors="replace")


def rich(kind: str, text: str) -> bytes:
    if kind == "html":
        return news_page(text).encode("utf-8")
    if kind == "docx":
        return docx(text)
    if kind == "epub":
        return epub([text, text[: len(text) // 2] or "x"])
    lines = [line.encode("latin-1", "replace").decode("latin-1").replace("\\", "")
             .replace("(", "[").replace(")", "]") for line in text.splitlines() if line.strip()]
    return text_pdf(lines or ["empty"])


@FUZZ
@given(st.binary(max_size=2000), st.sampled_from(NAMES))
def test_random_bytes(data: bytes, name: str) -> None:
    loaded(data, name)


@FUZZ
@given(st.sampled_from((b"%PDF-1.4\n", b"PK\x03\x04", b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff",
                        b"<!DOCTYPE html>", b"<?xml version='1.0'?>", b"\x00\x00\xfe\xff")),
       st.binary(max_size=600), st.sampled_from(NAMES))
def test_magic_bytes_then_noise(magic: bytes, noise: bytes, name: str) -> None:
    loaded(magic + noise, name)


@FUZZ
@given(mutated(articles()), st.sampled_from(ENCODINGS))
def test_articles_in_any_encoding(text: str, encoding: str) -> None:
    document = loaded(encoded(text, encoding), "article.txt")
    if document is None:
        return
    if encoding.startswith(("utf-8", "utf-16", "utf-32")) and text.isascii() and text.strip():
        # ASCII text survives any Unicode encoding word for word (modulo normalized line ends).
        words = [w for w in text.replace("\r", " ").split() if w.isalpha()]
        assert all(w in document.text for w in words[:20])


@FUZZ
@given(articles(), st.sampled_from(("html", "docx", "epub", "pdf")),
       st.lists(st.integers(0, 10**6), max_size=8), st.lists(st.integers(0, 255), max_size=8),
       st.floats(0.0, 1.0))
def test_damaged_rich_documents(text: str, kind: str, positions: list[int], values: list[int],
                                keep: float) -> None:
    data = rich(kind, text)
    damaged = flip_bytes(data, positions, values)
    loaded(damaged[: max(1, int(len(damaged) * keep))] if keep < 0.9 else damaged, f"doc.{kind}")
