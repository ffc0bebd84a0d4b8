"""The "Assign to..." dialog: finding an existing node, typing a new one, and the undoable edit
that follows."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox

import multivector.qt.corrections.assign_dialog as dialog_module
from multivector.corrections.edits import AREA, PARTNER, NodeSpec
from multivector.qt.corrections.assign_dialog import AssignDialog, ask_assign
from multivector.qt.corrections.controller import CorrectionsController

from .undo_sample import sample


@pytest.fixture
def dialog(qtbot):
    d = AssignDialog(sample.analysis(), sample.SENTENCES[5])
    qtbot.addWidget(d)
    return d


def visible(d):
    return [
        d.nodes.item(r).data(Qt.ItemDataRole.UserRole)
        for r in range(d.nodes.count())
        if not d.nodes.item(r).isHidden()
    ]


def ok(d):
    return d.buttons.button(QDialogButtonBox.StandardButton.Ok)


def test_lists_every_partner_and_area_and_needs_a_choice(dialog):
    assert visible(dialog) == ["JPN", "IND", "UN", "UNPTP", "peacekeeping", "training", "exercises"]
    assert dialog.choice() is None
    assert not ok(dialog).isEnabled()
    assert dialog.quote.text() == f"“{sample.SENTENCES[5]}”"


def test_typing_filters_and_an_exact_name_selects_the_node(qtbot, dialog):
    qtbot.keyClicks(dialog.name, "peace")
    assert visible(dialog) == ["UNPTP", "peacekeeping"]
    assert isinstance(dialog.choice(), NodeSpec)  # "peace" names no node yet: a new one
    dialog.name.clear()
    qtbot.keyClicks(dialog.name, "india")
    assert dialog.choice() == "IND"
    assert not dialog.kind.isEnabled()
    assert ok(dialog).isEnabled()
    assert dialog.mode.text() == "Assign to IND"


def test_clicking_a_listed_node_chooses_it(qtbot, dialog):
    qtbot.keyClicks(dialog.name, "train")
    item = dialog.nodes.findItems("Training  ·  area", Qt.MatchFlag.MatchExactly)[0]
    dialog.nodes.setCurrentItem(item)
    assert dialog.choice() == "training"


def test_new_partner_with_kind_and_tier(qtbot, dialog):
    qtbot.keyClicks(dialog.name, "South Korea")
    dialog.kind.setCurrentText("country")
    dialog.tier.setCurrentText("secondary")
    assert dialog.choice() == NodeSpec(PARTNER, "KOR", "South Korea", "country", "secondary")
    assert dialog.mode.text() == "New country: South Korea (KOR)"
    dialog.kind.setCurrentText("area")
    assert not dialog.tier.isEnabled()
    assert dialog.choice() == NodeSpec(AREA, "south_korea", "South Korea")


def test_assign_from_dialog_is_one_undoable_edit(qtbot, monkeypatch):
    ctl = CorrectionsController(sample.analysis())

    def fake_exec(self):
        qtbot.keyClicks(self.name, "Mongolian Air Force")
        self.kind.setCurrentText("organization")
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(dialog_module.AssignDialog, "exec", fake_exec)
    choice = ask_assign(ctl.analysis, sample.SENTENCES[5])
    ctl.assign(sample.span(5), choice)
    maf = ctl.analysis.partner("MAF")
    assert (maf.name, maf.kind, maf.tier) == ("Mongolian Air Force", "organization", None)
    assert ctl.undo_stack.text(0).endswith(" to Mongolian Air Force")
    ctl.undo_stack.undo()
    assert ctl.analysis.partner("MAF") is None


def test_cancel_gives_none(monkeypatch):
    monkeypatch.setattr(
        dialog_module.AssignDialog, "exec", lambda self: QDialog.DialogCode.Rejected
    )
    assert ask_assign(sample.analysis(), "x") is None
