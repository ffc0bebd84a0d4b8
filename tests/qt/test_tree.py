"""The tree model and pane: both shapes, ids in UserRole, counts, icons, filter, model checks."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from multivector.explore.selection import NodeRef
from multivector.qt.views.partner_tree import PartnerTree
from multivector.qt.views.tree_model import NODE_ROLE, NodeTreeModel

from .sample import sample_analysis


def _texts(model: NodeTreeModel, parent: QModelIndex | None = None, depth: int = 0) -> list[str]:
    parent = parent or QModelIndex()
    out = []
    for row in range(model.rowCount(parent)):
        index = model.index(row, 0, parent)
        count = model.index(row, 1, parent).data()
        out.append("  " * depth + index.data() + (f" [{count}]" if count else ""))
        out += _texts(model, index, depth + 1)
    return out


def test_by_partner_shape(qtbot: QtBot, qtmodeltester: ModelTester) -> None:
    model = NodeTreeModel()
    model.set_analysis(sample_analysis(), "partner")
    qtmodeltester.check(model)
    assert _texts(model) == [
        "Budget [2]",
        "Primary partners [1]",
        "  Sweden [1]",
        "    Naval security [1]",
        "    Training [1]",
        "Secondary partners [3]",
        "  NATO [1]",
        "    Partnership for Peace [1]",
        "      Joint exercises [1]",
        "    Joint exercises [1]",
        "  Norway [2]",
        "    Air-space control [1]",
        "    Cyber defence [1]",
    ]
    groups = [model.index(r, 0).data(NODE_ROLE) for r in range(model.rowCount())]
    assert groups == ["budget", "tier:primary", "tier:secondary"]


def test_by_area_shape_ids_and_icons(qtbot: QtBot, qtmodeltester: ModelTester) -> None:
    model = NodeTreeModel()
    model.set_analysis(sample_analysis(), "area")
    qtmodeltester.check(model)
    top = [model.index(r, 0).data(NODE_ROLE) for r in range(model.rowCount())]
    assert top == ["budget", "naval_security", "training", "exercises", "air_space_control", "cyber"]
    exercises = model.index(3, 0)
    assert [model.index(r, 0, exercises).data() for r in range(2)] == ["NATO", "Partnership for Peace"]
    for r in range(model.rowCount()):
        assert not model.index(r, 0).data(Qt.ItemDataRole.DecorationRole).isNull()
        assert model.index(r, 0).data(Qt.ItemDataRole.ToolTipRole)


def test_filter_keeps_ancestors_and_selection_is_announced(qtbot: QtBot) -> None:
    pane = PartnerTree()
    qtbot.addWidget(pane)
    pane.set_analysis(sample_analysis(), "partner")
    qtbot.keyClicks(pane.filter, "cyber")
    shown = [r.node_id for r in pane.node_refs()]
    assert shown == ["tier:secondary", "NOR", "cyber"]
    pane.filter.clear()
    with qtbot.waitSignal(pane.node_selected) as blocker:
        assert pane.select("NOR")
    assert blocker.args == [NodeRef("NOR")]
    # switching shape keeps the node selected
    pane.set_analysis(sample_analysis(), "area")
    assert pane.current() == NodeRef("NOR", scope="air_space_control")
