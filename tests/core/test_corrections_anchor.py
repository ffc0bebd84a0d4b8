"""Anchors by offsets and quote, placed again on changed text."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from multivector.corrections.anchor import make_anchor, place_anchor
from multivector.model.analysis import Span
from multivector.model.errors import InputError

TEXT = (
    "Chile and Peru agreed on naval search and rescue. "
    "Brazil offered pilot training to both navies. "
    "Peru will buy two frigates from Korea."
)
PASSAGE = "Brazil offered pilot training to both navies."


def anchor_of(text: str, passage: str):
    start = text.index(passage)
    return make_anchor(text, start, start + len(passage), context=20)


def test_anchor_keeps_quote_and_context():
    a = anchor_of(TEXT, PASSAGE)
    assert a.exact == PASSAGE
    assert a.prefix == " search and rescue. "
    assert a.suffix == " Peru will buy two f"
    assert (a.start, a.end) == (50, 50 + len(PASSAGE))


def test_anchor_at_text_edges_has_short_context():
    a = make_anchor(TEXT, 0, 5)
    assert a.prefix == ""
    assert make_anchor(TEXT, len(TEXT) - 6, len(TEXT)).suffix == ""


@pytest.mark.parametrize(("start", "end"), [(5, 5), (-1, 3), (10, 2), (0, 10_000)])
def test_bad_span_is_input_error(start, end):
    with pytest.raises(InputError, match="not a stretch"):
        make_anchor(TEXT, start, end)


def test_unchanged_text_places_at_same_offsets():
    a = anchor_of(TEXT, PASSAGE)
    assert place_anchor(a, TEXT) == Span(a.start, a.end)


def test_text_inserted_before_shifts_the_passage():
    a = anchor_of(TEXT, PASSAGE)
    changed = "Santiago, June 2 (Reuters).\n" + TEXT
    placed = place_anchor(a, changed)
    assert placed == Span(a.start + 28, a.end + 28)
    assert changed[placed.start : placed.end] == PASSAGE


def test_repeated_quote_is_told_apart_by_context():
    text = "Argentina: joint exercises. Uruguay: joint exercises. Bolivia: joint exercises."
    start = text.index("joint exercises", text.index("Uruguay"))
    a = make_anchor(text, start, start + len("joint exercises"), context=10)
    # Both earlier sentences gain words, so the old offsets now fall on the wrong one.
    changed = "In 2024, Argentina (south): " + text[len("Argentina: ") :]
    placed = place_anchor(a, changed)
    assert changed[placed.start - 9 : placed.start] == "Uruguay: "


def test_rewrapped_text_is_placed_across_new_line_breaks():
    a = anchor_of(TEXT, PASSAGE)
    changed = TEXT.replace("pilot training to", "pilot training\nto")
    placed = place_anchor(a, changed)
    assert changed[placed.start : placed.end] == "Brazil offered pilot training\nto both navies."


def test_slightly_reworded_passage_is_placed_by_its_context():
    a = anchor_of(TEXT, PASSAGE)
    changed = TEXT.replace("offered pilot training", "has offered pilot-training")
    placed = place_anchor(a, changed)
    assert changed[placed.start : placed.end] == "Brazil has offered pilot-training to both navies."


def test_passage_gone_from_text_cannot_be_placed():
    a = anchor_of(TEXT, PASSAGE)
    changed = TEXT.replace(PASSAGE, "Argentina said nothing at all about any of this today.")
    assert place_anchor(a, changed) is None


@settings(max_examples=200, deadline=None)
@given(st.text(min_size=1, max_size=200), st.data(), st.text(max_size=40))
def test_placed_passage_reads_as_the_quote(text, data, inserted):
    start = data.draw(st.integers(0, len(text) - 1))
    end = data.draw(st.integers(start + 1, len(text)))
    a = make_anchor(text, start, end)
    assert place_anchor(a, text) == Span(start, end)
    placed = place_anchor(a, inserted + text)
    assert placed is not None
    assert (inserted + text)[placed.start : placed.end] == a.exact


def test_anchors_across_the_seed_article_survive_a_cut_header_and_rewrapping():
    seed = Path(__file__).parents[2] / "resources" / "articles"
    text = (seed / "kazakhstan-military-doctrine-2007.txt").read_text(encoding="utf-8")
    anchors = [make_anchor(text, s, s + 80) for s in range(400, len(text) - 80, 350)]
    changed = text[300:].replace(". ", ".\n")
    for a in anchors:
        placed = place_anchor(a, changed)
        assert placed is not None, a.exact
        assert changed[placed.start : placed.end].split() == a.exact.split()
