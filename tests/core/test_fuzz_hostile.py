"""Property tests over hostile structure: markup nested and left open at random, stray end
tags, repeated parts, and project files of any JSON shape. Whatever the input, the readers give
a document or one line of InputError, never another exception."""

from __future__ import annotations

import io
import json
import zipfile

from fuzzgen import FUZZ  # type: ignore[import-not-found]
from hypothesis import given
from hypothesis import strategies as st
from test_fuzz_loaders import loaded  # type: ignore[import-not-found]

from multivector.corrections.project import project_from_json
from multivector.model.errors import InputError

TAGS = ("div", "p", "span", "article", "main", "nav", "b", "script", "head", "body", "title",
        "li", "table", "td", "br", "img", "aside")
WORDS = ("Peru", "and", "Japan", "signed", "a", "naval", "pact.", "NATO", "Chile", "<", "&amp;")


@st.composite
def tag_soup(draw: st.DrawFn) -> str:
    """Start tags, end tags (matching or not) and words, in any order, some repeated many
    times."""
    parts = []
    for _ in range(draw(st.integers(1, 40))):
        tag = draw(st.sampled_from(TAGS))
        kind = draw(st.sampled_from(("open", "close", "word", "word")))
        piece = {"open": f"<{tag}>", "close": f"</{tag}>",
                 "word": " ".join(draw(st.lists(st.sampled_from(WORDS), max_size=8)))}[kind]
        parts.append(piece * draw(st.sampled_from((1, 1, 1, 50, 3000))))
    return "<html>" + "".join(parts)


@FUZZ
@given(tag_soup())
def test_fuzz_html_tag_soup(page: str) -> None:
    loaded(page.encode("utf-8"), "page.html")


@st.composite
def nested_xml(draw: st.DrawFn) -> bytes:
    depth = draw(st.sampled_from((1, 10, 150, 250, 5000)))
    inner = " ".join(draw(st.lists(st.sampled_from(WORDS[:7]), min_size=1, max_size=10)))
    wrap = draw(st.sampled_from(("w:r", "w:p", "w:tbl", "x")))
    return (b'<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/'
            b'wordprocessingml/2006/main"><w:body><w:p>' + f"<{wrap}>".encode() * depth
            + f"<w:r><w:t>{inner}</w:t></w:r>".encode() + f"</{wrap}>".encode() * depth
            + b"</w:p></w:body></w:document>")


@FUZZ
@given(nested_xml())
def test_fuzz_nested_docx(document: bytes) -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/document.xml", document)
    loaded(buffer.getvalue(), "memo.docx")


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True) | st.text(max_size=10),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner,
                                                                max_size=4),
    max_leaves=30,
)


@FUZZ
@given(json_values, st.sampled_from(("edits", "article", "schema", "format", None)),
       st.sampled_from((0, 1, 40, 100_000)))
def test_fuzz_project_files(value: object, key: str | None, depth: int) -> None:
    base: dict[str, object] = {"format": "multivector-corrections", "schema": 1,
                               "article": {"sha256": "a" * 64}, "edits": []}
    if key is not None:
        base[key] = value
    text = json.dumps(base, allow_nan=True)
    if depth:
        text = text[:-1] + ', "deep": ' + "[" * depth + "]" * depth + "}"
    try:
        project_from_json(text, "p.json")
    except InputError as exc:
        assert "\n" not in str(exc) and str(exc).startswith("p.json: ")
