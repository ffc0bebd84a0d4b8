"""The evidence list is a model over the node's rows: it passes the model tester, shows each
row's passage (plain text and markup), and makes no row before the view asks for it."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from multivector.explore.selection import EvidenceRows, NodeRef, evidence_rows
from multivector.qt.views.evidence_list import HTML_ROLE, EvidenceList, EvidenceModel

from .sample import sample_analysis


def test_the_model_passes_the_model_tester(qtmodeltester: object) -> None:
    model = EvidenceModel()
    model.set_rows(evidence_rows(sample_analysis(), NodeRef("NOR")))
    qtmodeltester.check(model)  # type: ignore[attr-defined]
    model.set_rows([])
    qtmodeltester.check(model)  # type: ignore[attr-defined]


def test_rows_show_the_passages_and_are_made_as_the_view_asks(qtbot: QtBot) -> None:
    analysis = sample_analysis()
    view = EvidenceList()
    qtbot.addWidget(view)
    rows = EvidenceRows(analysis, NodeRef("NOR"))
    view.set_rows(rows)
    assert view.rows() == 2 and rows.made == 0  # nothing made before it is shown
    view.resize(320, 400)
    view.show()
    qtbot.waitExposed(view)
    qtbot.waitUntil(lambda: rows.made == 2, timeout=2000)
    model = view.model()
    first = model.index(0, 0)
    assert first.data(Qt.ItemDataRole.DisplayRole).startswith("¶2 Norway will supply")
    assert "<b>Norway</b>" in first.data(HTML_ROLE) and view.html(0) == first.data(HTML_ROLE)
    assert "(through “The two countries”)" in view.html(1)
    assert first.data(Qt.ItemDataRole.ToolTipRole) == "Paragraph 2"
