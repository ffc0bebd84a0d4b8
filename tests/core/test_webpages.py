"""Saved web pages with the boilerplate real sites carry (menus, teasers of other stories, a
cookie banner, comments, a footer): the story comes out paragraph by paragraph, headings on
lines of their own, none of the page around it; the text matches trafilatura's own."""

from __future__ import annotations

import pytest
from pagegen import NOISE, saved_page, story_paragraphs  # type: ignore[import-not-found]

from multivector.documents.loading import load_bytes
from multivector.engine.pipeline import analyze_document

CONTAINERS = ["article", "main", "div"]


@pytest.mark.parametrize("container", CONTAINERS)
def test_the_story_and_nothing_else(container: str) -> None:
    document = load_bytes(saved_page(container).encode("utf-8"), "story.html")
    assert document.text.split("\n\n") == story_paragraphs()
    for word in NOISE:
        assert word not in document.text, word


def test_metadata_from_the_page() -> None:
    document = load_bytes(saved_page().encode("utf-8"), "story.html")
    assert document.title == "Vietnam and Japan widen their maritime security partnership"
    assert (document.author, document.date, document.publication) == (
        "Lan Nguyen", "2024-03-11T07:30:00Z", "The Harbour Times")
    assert document.year == 2024


def test_no_false_partners_from_the_page_around_the_story() -> None:
    analysis = analyze_document(load_bytes(saved_page("div").encode("utf-8"), "story.html"))
    assert analysis.focal is not None and analysis.focal.code == "VNM"
    partners = {p.id for p in analysis.partners}
    assert "JPN" in partners
    assert not partners & {"BRA", "DEU", "MEX", "CAN", "AUS", "NOR", "ARG", "EGY"}


@pytest.mark.parametrize("container", CONTAINERS)
def test_matches_trafilatura(container: str) -> None:
    import trafilatura

    page = saved_page(container)
    theirs = trafilatura.extract(page, include_comments=False, include_tables=True)
    ours = load_bytes(page.encode("utf-8"), "story.html").text
    assert theirs is not None
    # the same words in the same order; only the paragraph breaks are ours (blank lines), and
    # trafilatura's plain text marks list items with "-"
    assert ours.split() == [word for word in theirs.split() if word != "-"]


def test_paragraph_numbers_are_the_readers() -> None:
    # the headline becomes the title (the header line), every other block a paragraph of its own
    document = load_bytes(saved_page().encode("utf-8"), "story.html")
    analysis = analyze_document(document)
    shown = [document.text[p.start:p.end] for p in analysis.paragraphs]
    assert shown == story_paragraphs()[len(story_paragraphs()) - len(shown):]
    assert "A budget that keeps growing" in shown  # a heading, a line of its own


def test_an_epub_chapters_header_and_aside_are_kept() -> None:
    from multivector.documents.formats.html import extract_html

    chapter = ("<html><body><header><h1>Chapter 3</h1></header><p>The navy of Chile sailed "
               "north.</p><aside>A note on ships.</aside><footer>Page 12</footer></body></html>")
    text, _meta = extract_html(chapter, "c3.xhtml", whole=True)
    assert text == "Chapter 3\n\nThe navy of Chile sailed north.\n\nA note on ships.\n\nPage 12"
