"""Property tests over the analysis: for random, article-like and mutated texts, either the text
is refused with an InputError, or the analysis holds only valid passages and its summary renders.
"""

from __future__ import annotations

import json

from fuzzgen import FUZZ, articles, check_analysis, mutated  # type: ignore[import-not-found]
from hypothesis import given
from hypothesis import strategies as st

from multivector.documents.loading import document_from_text
from multivector.engine.pipeline import analyze_document
from multivector.model.analysis import Analysis
from multivector.model.errors import InputError
from multivector.model.serialize import analysis_to_json
from multivector.summary.build import render_summary


def analysed(text: str) -> Analysis | None:
    """The analysis of `text`, or None when the text is refused as bad input."""
    try:
        document = document_from_text(text, path="fuzz.txt")
    except InputError as exc:
        assert "\n" not in str(exc)  # one line, for the CLI's stderr and the window's dialog
        return None
    analysis = analyze_document(document)
    check_analysis(analysis)
    return analysis


def assert_renders(analysis: Analysis) -> None:
    for fmt in ("text", "markdown"):
        rendered = render_summary(analysis, fmt)
        assert isinstance(rendered, str) and rendered.strip()
    data = json.loads(analysis_to_json(analysis))
    assert data["text"] == analysis.document.text
    assert len(data["partners"]) == len(analysis.partners)


@FUZZ
@given(st.text(max_size=400))
def test_random_text(text: str) -> None:
    analysis = analysed(text)
    if analysis is None:
        assert not text.replace("\ufeff", "").strip()  # only blank text may be refused
    else:
        assert_renders(analysis)


@FUZZ
@given(articles())
def test_article_like_text(text: str) -> None:
    analysis = analysed(text)
    assert analysis is not None
    assert_renders(analysis)
    # The same text gives the same analysis: nothing depends on order of sets or on state.
    assert analyze_document(analysis.document) == analysis


@FUZZ
@given(mutated(articles()))
def test_mutated_article(text: str) -> None:
    analysis = analysed(text)
    if analysis is not None:
        assert_renders(analysis)


@FUZZ
@given(articles(), st.sampled_from(["\r\n", "\r", "\u2028"]))
def test_line_ends_do_not_move_findings(text: str, line_end: str) -> None:
    # Offsets refer to the normalized text: the same article saved with other line ends must
    # give the same passages (up to the one the normalizer leaves alone, U+2028).
    plain = analysed(text)
    other = analysed(text.replace("\n", line_end))
    assert plain is not None and other is not None
    if line_end != "\u2028":
        assert other.document.text == plain.document.text
        assert other.partners == plain.partners and other.budget == plain.budget
