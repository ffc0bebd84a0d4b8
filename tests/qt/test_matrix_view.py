"""The partner x area matrix: a valid model, counts and tiers as the analysis says, and a click on
a cell that highlights exactly that cell's passages."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from multivector.model.nodes import node_passages
from multivector.qt.common.settings import Settings
from multivector.qt.views.matrix_model import NODE_ROLE, MatrixModel
from multivector.qt.window.compose import compose_window
from multivector.qt.window.main_window import MainWindow

from .sample import sample_analysis


def test_the_model_passes_the_model_tester(qtmodeltester: ModelTester) -> None:
    model = MatrixModel()
    model.set_analysis(sample_analysis())
    qtmodeltester.check(model)
    model.set_analysis(None)
    qtmodeltester.check(model)


def test_rows_are_partners_with_tier_and_cells_count_passages() -> None:
    analysis = sample_analysis()
    model = MatrixModel()
    model.set_analysis(analysis)
    rows = [model.headerData(r, Qt.Orientation.Vertical) for r in range(model.rowCount())]
    assert rows == ["Sweden · primary", "NATO · secondary", "Partnership for Peace · secondary",
                    "Norway · secondary"]
    columns = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    # every area, those shared by the most partners first
    assert sorted(columns) == sorted(a.label for a in analysis.areas)
    reach = [sum(1 for r in range(model.rowCount()) if model.data(model.index(r, c)))
             for c in range(model.columnCount())]
    assert reach == sorted(reach, reverse=True)
    by_label = {a.label: a for a in analysis.areas}
    for r, partner in enumerate(analysis.partners):
        for c, label in enumerate(columns):
            area = by_label[label]
            index = model.index(r, c)
            count = len(node_passages(analysis, f"{partner.id}/{area.id}"))
            assert index.data() == (str(count) if count else "")
            assert index.data(NODE_ROLE) == (f"{partner.id}/{area.id}" if count else None)


@pytest.fixture
def window(qtbot: QtBot) -> Iterator[MainWindow]:
    win = compose_window(Settings.open())
    qtbot.addWidget(win)
    win.set_analysis(sample_analysis())
    win.resize(1440, 900)
    win.show()
    qtbot.waitExposed(win)
    yield win


def test_clicking_a_cell_highlights_exactly_its_passages(qtbot: QtBot, window: MainWindow) -> None:
    window.show_matrix()
    qtbot.waitUntil(lambda: window.matrix.view.isVisible(), timeout=1000)
    view, model = window.matrix.view, window.matrix.model
    analysis = window.analysis
    omap = window.reader.offsets
    cells = [model.index(r, c) for r in range(model.rowCount())
             for c in range(model.columnCount()) if model.index(r, c).data(NODE_ROLE)]
    assert len(cells) >= 6
    for index in cells:
        view.scrollTo(index)
        qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton,
                         pos=view.visualRect(index).center())
        node_id = index.data(NODE_ROLE)
        expected = node_passages(analysis, node_id)
        got = [(s.cursor.selectionStart(), s.cursor.selectionEnd())
               for s in window.reader.extraSelections()[: len(window.reader._passages)]]
        assert got == [(omap.to_qt(s.start), omap.to_qt(s.end)) for s in expected], node_id
        assert window.selected is not None
        assert {window.selected.node_id, window.selected.scope} == set(node_id.split("/"))
    # A selection in the tree shows in the matrix too.
    window.select_node("NOR/cyber")
    assert view.currentIndex().data(NODE_ROLE) == "NOR/cyber"


def test_a_matrix_without_areas_says_why(qtbot: QtBot) -> None:
    from dataclasses import replace

    from multivector.qt.views.partner_matrix import NO_AREAS, PartnerMatrix

    analysis = sample_analysis()
    no_areas = replace(analysis, areas=(), partners=tuple(
        replace(p, areas=(), passages=tuple(replace(x, areas=()) for x in p.passages))
        for p in analysis.partners))
    pane = PartnerMatrix()
    qtbot.addWidget(pane)
    pane.set_analysis(no_areas)
    pane.show()
    assert pane.model.columnCount() == 0 and pane.caption.text() == NO_AREAS
