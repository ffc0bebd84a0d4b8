"""Very long lines: the reader never lays out a line of more than LONGEST_LINE characters (one
line of megabytes took minutes), and every offset still lands on its own character."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st
from pytestqt.qtbot import QtBot

from multivector.documents.loading import document_from_text
from multivector.explore.offsets import LONGEST_LINE, OffsetMap, display_text
from multivector.model.analysis import Span
from multivector.qt.views.reader import Reader


@given(st.text(alphabet=st.sampled_from("ab \n\U0001f680é"), max_size=300),
       st.integers(2, 20))
def test_shown_lines_are_short_and_offsets_land_on_their_characters(text: str,
                                                                     longest: int) -> None:
    shown, inserted = display_text(text, longest)
    assert all(len(line) <= longest for line in shown.split("\n"))
    omap = OffsetMap(text, inserted)
    units = shown.encode("utf-16-le")
    assert omap.length_qt() * 2 == len(units)
    for offset, char in enumerate(text):
        position = omap.to_qt(offset)
        at = units[2 * position : 2 * position + len(char.encode("utf-16-le"))].decode("utf-16-le")
        assert at == char or (char == " " and at == "\n")  # a space may become the line end
        assert omap.to_core(position) == offset


def test_text_without_long_lines_is_shown_as_it_is() -> None:
    text = "Peru and Japan.\n\nA second paragraph."
    shown, inserted = display_text(text)
    assert shown is text and inserted == []


def test_the_reader_breaks_a_line_of_half_a_megabyte(qtbot: QtBot) -> None:
    line = "x" * 500_000  # no space anywhere: breaks are inserted
    document = document_from_text("Peru and Japan signed a memorandum.\n\n" + line + " Japan")
    reader = Reader()
    qtbot.addWidget(reader)
    reader.set_document(document)
    blocks = reader.document()
    assert max(blocks.findBlockByNumber(n).length() - 1 for n in range(blocks.blockCount())) \
        <= LONGEST_LINE
    start = document.text.rindex("Japan")
    reader.set_passages([Span(start, start + 5)], reader.palette().highlight().color(), 0)
    (selection,) = reader.extraSelections()
    assert selection.cursor.selectedText() == "Japan"
    reader.select_span(Span(start, start + 5))  # and back: a selection is a code-point span
    assert reader.selected_span() == Span(start, start + 5)
