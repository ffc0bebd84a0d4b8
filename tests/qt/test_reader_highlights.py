"""Highlights that cost what is on screen: a node with many passages has those in and near the
view drawn (the reader's extraSelections), and the set follows the view as it scrolls; a node
with few has all of them drawn."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QColor
from pytestqt.qtbot import QtBot

from multivector.documents.loading import document_from_text
from multivector.model.analysis import Span
from multivector.qt.views.reader import ALL_SHOWN, Reader

SENTENCE = "Paragraph {n}: Estonia and Finland held a naval exercise in the Baltic Sea."


@pytest.fixture
def reader(qtbot: QtBot) -> Reader:
    widget = Reader()
    qtbot.addWidget(widget)
    widget.resize(700, 500)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def _long(reader: Reader, paragraphs: int) -> list[Span]:
    text = "\n\n".join(SENTENCE.format(n=n) for n in range(paragraphs))
    reader.set_document(document_from_text(text))
    spans, start = [], 0
    for _n in range(paragraphs):
        found = text.index("Estonia", start)
        spans.append(Span(found, found + len("Estonia and Finland")))
        start = found + 1
    return spans


def _drawn(reader: Reader) -> list[Span]:
    omap = reader.offsets
    return [Span(omap.to_core(s.cursor.selectionStart()), omap.to_core(s.cursor.selectionEnd()))
            for s in reader.extraSelections()[: len(reader._passages)]]


def test_a_few_passages_are_all_drawn(reader: Reader) -> None:
    spans = _long(reader, 400)[::4][:ALL_SHOWN]  # far apart, many out of view
    reader.set_passages(spans, QColor("#1f77b4"), 0)
    assert _drawn(reader) == spans


def test_many_passages_are_drawn_near_the_view_and_follow_it(qtbot: QtBot,
                                                            reader: Reader) -> None:
    spans = _long(reader, 1000)
    reader.set_passages(spans, QColor("#1f77b4"), 0, scroll=True)
    drawn = _drawn(reader)
    assert spans[0] in drawn and spans[-1] not in drawn
    assert 0 < len(drawn) < len(spans) // 4  # what is near the view, not the whole article
    assert reader.highlighted() == tuple(spans)  # every passage is still the node's
    # Scrolled far down: the passages there are drawn, those at the top are not.
    bar = reader.verticalScrollBar()
    bar.setValue(bar.maximum())
    drawn = _drawn(reader)
    assert spans[-1] in drawn and spans[1] not in drawn
    assert spans[0] in drawn  # the current passage stays drawn wherever the view is
    # Every passage on screen is drawn: the first and last visible characters' passages.
    top = reader.offsets.to_core(reader.cursorForPosition(reader.viewport().rect().topLeft())
                                 .position())
    on_screen = [s for s in spans if s.start >= top]
    assert on_screen and set(on_screen) <= set(drawn)


def test_going_to_a_passage_far_down_draws_it(reader: Reader) -> None:
    spans = _long(reader, 1000)
    reader.set_passages(spans, QColor("#1f77b4"), 900, scroll=True)
    drawn = _drawn(reader)
    assert spans[900] in drawn and spans[899] in drawn and spans[0] not in drawn
    strong = [s for s in reader.extraSelections()
              if s.format.underlineStyle() != s.format.underlineStyle().NoUnderline]
    assert len(strong) == 1  # the current one, underlined


def test_many_search_hits_are_drawn_near_the_view(reader: Reader) -> None:
    spans = _long(reader, 1000)
    reader.set_search_hits(spans, None)
    hits = reader.extraSelections()
    assert 0 < len(hits) < len(spans) // 4
    reader.set_search_hits([], None)
    assert reader.extraSelections() == []
