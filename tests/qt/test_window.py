"""The explorer window on a hand-built analysis: selection, stepping, search, evidence, plot."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QTextCursor
from pytestqt.qtbot import QtBot

from multivector.explore.selection import NodeRef, passages
from multivector.model.analysis import Span
from multivector.qt.common.settings import Settings
from multivector.qt.window.compose import compose_window
from multivector.qt.window.main_window import MainWindow

from .sample import CYBER, NORWAY, TEXT, sample_analysis, span


@pytest.fixture
def window(qtbot: QtBot) -> Iterator[MainWindow]:
    win = compose_window(Settings.open())
    qtbot.addWidget(win)
    win.set_analysis(sample_analysis())
    win.show()
    qtbot.waitExposed(win)
    win.ensure_plot()
    yield win


def _highlighted(win: MainWindow) -> list[tuple[int, int]]:
    """The node's extra selections (search hits excluded), as reader positions."""
    sels = win.reader.extraSelections()[: len(win.reader._passages)]
    return [(s.cursor.selectionStart(), s.cursor.selectionEnd()) for s in sels]


def _click(qtbot: QtBot, win: MainWindow, ref: NodeRef) -> None:
    tree = win.tree
    index = next(i for i in tree._indexes() if tree._ref(i) == ref)
    tree.view.scrollTo(index)
    qtbot.mouseClick(tree.view.viewport(), Qt.MouseButton.LeftButton,
                     pos=tree.view.visualRect(index).center())


@pytest.mark.parametrize("mode", ["partner", "area"])
def test_every_node_clicked_highlights_exactly_its_passages(
        qtbot: QtBot, window: MainWindow, mode: str) -> None:
    window.set_tree_mode(mode)
    analysis = window.analysis
    refs = window.tree.node_refs()
    ids = {r.node_id for r in refs}
    assert {p.id for p in analysis.partners} | {a.id for a in analysis.areas} | {"budget"} <= ids
    omap = window.reader.offsets
    for ref in refs:
        _click(qtbot, window, ref)
        assert window.selected == ref
        expected = passages(analysis, ref)
        assert expected, ref
        assert _highlighted(window) == [(omap.to_qt(s.start), omap.to_qt(s.end)) for s in expected]
        touched = {i for i, f in enumerate(analysis.budget)
                   if any(s.start < f.end and f.start < s.end for s in expected)}
        # evidence and plot follow on the next turn of the event loop
        qtbot.waitUntil(lambda: window.evidence.rows() == len(expected)  # noqa: B023
                        and window.plot.emphasised() == touched, timeout=1000)  # noqa: B023


def test_non_bmp_text_stays_aligned(window: MainWindow) -> None:
    window.select_node("NOR")
    texts = [s.cursor.selectedText() for s in window.reader.extraSelections()]
    assert texts == [NORWAY, CYBER]  # the 🔐 inside CYBER and the flags before both
    assert window.reader.toPlainText() == TEXT


def test_f3_steps_through_passages_and_evidence_click_jumps(qtbot: QtBot, window: MainWindow) -> None:
    window.select_node("NOR")
    assert window.current == 0
    window.reader.setFocus()
    qtbot.keyClick(window.reader, Qt.Key.Key_F3)
    assert window.current == 1
    strong = [s.format.background().color().alpha() for s in window.reader.extraSelections()]
    assert strong[1] > strong[0]
    assert window.reader.textCursor().position() == window.reader.offsets.to_qt(span(CYBER)[0])
    qtbot.keyClick(window.reader, Qt.Key.Key_F3)
    assert window.current == 0  # wraps around
    qtbot.keyClick(window.reader, Qt.Key.Key_F3, Qt.KeyboardModifier.ShiftModifier)
    assert window.current == 1
    qtbot.waitUntil(lambda: window.evidence.rows() == 2, timeout=1000)
    assert window.evidence.currentIndex().row() == 1
    rect = window.evidence.visualRect(window.evidence.model().index(0, 0))
    qtbot.mouseClick(window.evidence.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.current == 0
    assert "Passage 1 of 2".lower() in window.status.label.text().lower()


def test_search_highlights_every_hit_and_steps(qtbot: QtBot, window: MainWindow) -> None:
    window.reader.moveCursor(QTextCursor.MoveOperation.Start)
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.search.field.hasFocus()
    qtbot.keyClicks(window.search.field, "DEFENCE")
    starts = [i for i in range(len(TEXT)) if TEXT.lower().startswith("defence", i)]
    assert len(starts) == 4
    hits = window.reader.extraSelections()[len(window.reader._passages):]
    omap = window.reader.offsets
    assert [(h.cursor.selectionStart(), h.cursor.selectionEnd()) for h in hits] == [
        (omap.to_qt(s), omap.to_qt(s + 7)) for s in starts]
    assert [h.cursor.selectedText() for h in hits] == ["defence"] * 4
    assert window.search.current == 0
    qtbot.keyClick(window.search.field, Qt.Key.Key_Return)
    assert window.search.current == 1
    qtbot.keyClick(window.search.field, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    qtbot.keyClick(window.search.field, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    assert window.search.current == 3
    assert window.search.count.text() == "4 of 4"
    # node highlights and search hits live side by side
    window.select_node("SWE")
    assert len(window.reader.extraSelections()) == 1 + 4


def test_hover_names_the_nodes_a_passage_supports(window: MainWindow) -> None:
    assert window._hover_text(span(NORWAY)[0] + 3) == "Supports: Norway, Air-space control"
    assert window._hover_text(0) is None


def test_bad_file_keeps_the_window_usable(qtbot: QtBot, window: MainWindow, tmp_path) -> None:
    bad = tmp_path / "empty.txt"
    bad.write_text("   \n")
    with qtbot.waitSignal(window.load_failed, timeout=5000) as blocker:
        window.open_path(str(bad))
    assert "empty" in blocker.args[0] and str(bad) in blocker.args[0]
    assert window.error_box is not None and window.error_box.isVisible()
    assert str(bad) in window.error_box.text()
    window.error_box.accept()
    assert window.reader.toPlainText() == TEXT
    assert window.select_node("NOR")
    assert len(_highlighted(window)) == 2
    assert not window.status.busy.isVisible()


def test_zoom_and_mode_are_remembered(qtbot: QtBot, window: MainWindow) -> None:
    size = window.reader.font().pointSizeF()
    qtbot.keyClick(window.reader, Qt.Key.Key_Plus, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(window.reader, Qt.Key.Key_Plus, Qt.KeyboardModifier.ControlModifier)
    assert window.reader.zoom == 2 and window.reader.font().pointSizeF() > size
    window.actions.by_area.trigger()
    window.close()
    again = compose_window(Settings.open())
    qtbot.addWidget(again)
    assert again.reader.zoom == 2
    assert again.actions.by_area.isChecked() and again.tree.model.mode == "area"
    again.actions.zoom_reset.trigger()  # Ctrl+0; key presses need the active window
    assert again.reader.zoom == 0
    assert again.reader.font().pointSizeF() == size


def test_every_control_has_an_accessible_name_and_tooltip(window: MainWindow) -> None:
    from PySide6.QtWidgets import QAbstractButton, QAbstractItemView, QLineEdit, QPlainTextEdit

    controls = [w for kind in (QLineEdit, QAbstractItemView, QPlainTextEdit)
                for w in window.findChildren(kind)]
    controls += [b for b in window.findChildren(QAbstractButton) if b.isVisible()
                 and b.parent() is not None and b.metaObject().className() != "QDockWidgetTitleButton"]
    for control in controls:
        if control.objectName().startswith("qt_"):
            continue
        name = control.accessibleName() or (
            control.defaultAction().text() if hasattr(control, "defaultAction")
            and control.defaultAction() else "")
        tip = control.toolTip() or (control.defaultAction().toolTip()
                                     if hasattr(control, "defaultAction") and control.defaultAction() else "")
        assert name and tip, (control, control.objectName(), control.parent())


def test_selection_clears_with_an_empty_span_list(qtbot: QtBot, window: MainWindow) -> None:
    window.select_node("NOR")
    window.tree.view.setCurrentIndex(QModelIndex())  # nothing selected
    assert window.selected is None
    assert _highlighted(window) == []
    qtbot.waitUntil(lambda: window.evidence.rows() == 0, timeout=1000)
    assert Span(*span(NORWAY)) not in window.spans
