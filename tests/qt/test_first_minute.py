"""The first minute of the window as a new user meets it: icons painted at start, a partner
selected with its passages shown, group nodes that show their passages, hints in empty panes."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

import pytest
from PySide6.QtCore import QModelIndex, QRect
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from multivector.explore.selection import NodeRef, passages
from multivector.model.analysis import Span
from multivector.model.nodes import node_passages
from multivector.qt.common.settings import Settings
from multivector.qt.views.tree_model import NodeTreeModel, node_colors
from multivector.qt.window.app import open_window
from multivector.qt.window.compose import compose_window
from multivector.qt.window.main_window import MainWindow

from .sample import sample_analysis
from .window_cleanup import discard_started


def _highlighted(window: MainWindow) -> list[Span]:
    """The node's highlighted passages (search hits excluded), in code points."""
    omap = window.reader.offsets
    return [Span(omap.to_core(s.cursor.selectionStart()), omap.to_core(s.cursor.selectionEnd()))
            for s in window.reader.extraSelections()[: len(window.reader._passages)]]


def _pixels_like(image: QImage, rect: QRect, color: QColor, tolerance: int = 60) -> int:
    found = 0
    for x in range(rect.left(), rect.right() + 1):
        for y in range(rect.top(), rect.bottom() + 1):
            pixel = QColor(image.pixel(x, y))
            distance = (abs(pixel.red() - color.red()) + abs(pixel.green() - color.green())
                        + abs(pixel.blue() - color.blue()))
            found += distance < tolerance
    return found


@pytest.fixture
def started(qtbot: QtBot) -> Iterator[MainWindow]:
    """The window as `multivector` starts it (icons deferred until after the first paint)."""
    _app, window = open_window(None)
    window.show()
    qtbot.waitExposed(window)
    qtbot.waitUntil(lambda: window.plot is not None, timeout=5000)
    yield window
    discard_started(window)


def test_tree_icons_are_on_screen_before_any_click(qtbot: QtBot, started: MainWindow) -> None:
    window = started
    tree = window.tree
    partner_ids = {p.id for p in window.analysis.partners}
    index = next(i for i in tree._indexes()
                 if tree._ref(i) is not None and tree._ref(i).node_id in partner_ids)
    color = tree.color(tree._ref(index).node_id)
    rect = tree.view.visualRect(index)
    # The icon sits at the left of the item's rectangle: look at what the screen shows there
    # (the window's backing store), not at a fresh render that would hide a missed repaint.
    icon_rect = QRect(tree.view.viewport().mapTo(window, rect.topLeft()), rect.size())
    icon_rect.setWidth(rect.height() + 4)

    def painted() -> bool:
        shot = QApplication.primaryScreen().grabWindow(window.winId()).toImage()
        return _pixels_like(shot, icon_rect, color) > 10

    qtbot.waitUntil(painted, timeout=3000)


@pytest.fixture
def window(qtbot: QtBot) -> Iterator[MainWindow]:
    win = compose_window(Settings.open())
    qtbot.addWidget(win)
    win.set_analysis(sample_analysis())
    win.show()
    qtbot.waitExposed(win)
    yield win


def test_the_strongest_partner_is_selected_with_its_passages(qtbot: QtBot,
                                                              window: MainWindow) -> None:
    assert window.selected == NodeRef("SWE")  # the one primary partner
    assert _highlighted(window) == list(passages(window.analysis, NodeRef("SWE")))
    qtbot.waitUntil(lambda: window.evidence.rows() == 1, timeout=1000)
    assert window.status.label.text() == "Sweden: passage 1 of 1"


def test_a_tier_group_shows_every_passage_of_its_partners(qtbot: QtBot,
                                                           window: MainWindow) -> None:
    assert window.select_node("tier:secondary")
    expected = sorted({*node_passages(window.analysis, "NATO"),
                       *node_passages(window.analysis, "NOR")}, key=lambda s: s.start)
    assert list(window.spans) == expected and len(expected) == 3
    qtbot.waitUntil(lambda: window.evidence.rows() == 3, timeout=1000)
    html = window.evidence.html(0)
    assert "<b>NATO</b>" in html and "<b>Partnership for Peace" in html


def test_an_empty_pane_says_what_to_do(qtbot: QtBot, window: MainWindow) -> None:
    window.tree.view.setCurrentIndex(QModelIndex())
    window.flush()
    assert window.evidence.rows() == 0
    assert "Select a partner" in window.evidence.hint


def test_partners_heading_when_no_partner_has_a_tier(qtbot: QtBot) -> None:
    analysis = sample_analysis()
    untiered = replace(analysis, partners=tuple(replace(p, tier=None) for p in analysis.partners))
    model = NodeTreeModel()
    model.set_analysis(untiered, "partner")
    assert [model.index(r, 0).data() for r in range(model.rowCount())] == ["Budget", "Partners"]
    untiered_one = replace(analysis, partners=(replace(analysis.partners[0], tier=None),
                                               *analysis.partners[1:]))
    model.set_analysis(untiered_one, "partner")
    assert [model.index(r, 0).data() for r in range(model.rowCount())] == [
        "Budget", "Secondary partners", "Other partners"]


@pytest.mark.parametrize("mode", ["partner", "area"])
def test_a_scoped_id_selects_the_pair_in_either_view(qtbot: QtBot, window: MainWindow,
                                                     mode: str) -> None:
    window.set_tree_mode(mode)
    for node_id in ("NOR/cyber", "cyber/NOR"):
        assert window.select_node(node_id)
        assert {window.selected.node_id, window.selected.scope} == {"NOR", "cyber"}
        assert window.status.label.text() == "Norway · Cyber defence: passage 1 of 1"


def test_colours_follow_the_id_not_the_row(qtbot: QtBot) -> None:
    analysis = sample_analysis()
    before = node_colors(analysis)
    fewer = replace(analysis, partners=tuple(p for p in analysis.partners if p.id != "SWE"))
    after = node_colors(fewer, also=("SWE",))
    assert all(after[p.id] == before[p.id] for p in fewer.partners)
    reordered = replace(analysis, partners=tuple(reversed(analysis.partners)))
    assert node_colors(reordered) == before
    partner_colors = [before[p.id].name() for p in analysis.partners]
    assert len(set(partner_colors)) == len(partner_colors)
