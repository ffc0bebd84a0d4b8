"""Corrections that leave no trace: a deleted partner's passages leave every count, colours stay
with their nodes, removed nodes are listed and can be restored; coding a selected passage by
hand is undoable and saved."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, Qt
from pytestqt.qtbot import QtBot

import multivector.qt.corrections.wiring as wiring_module
from multivector.model.analysis import Analysis, Span
from multivector.model.nodes import node_passages
from multivector.qt.common.settings import Settings
from multivector.qt.views.tree_model import NODE_ROLE
from multivector.qt.window.compose import compose_window
from multivector.qt.window.main_window import MainWindow

from .sample import CYBER, NORWAY, SWEDEN, TEXT, sample_analysis, span
from .window_cleanup import discard

_RECURSIVE = Qt.MatchFlag.MatchRecursive | Qt.MatchFlag.MatchExactly


@pytest.fixture
def article(tmp_path: Path) -> Analysis:
    path = tmp_path / "nordic-brief.txt"
    path.write_text(TEXT, encoding="utf-8")
    base = sample_analysis()
    return replace(base, document=replace(base.document, path=str(path)))


@pytest.fixture(autouse=True)
def _no_questions(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(wiring_module, "confirm_close", lambda ctl, parent: True)
    monkeypatch.setattr(wiring_module, "offer_recovery", lambda ctl, parent: False)


@pytest.fixture
def make_window(qtbot: QtBot) -> Iterator[Callable[[Analysis], MainWindow]]:
    made: list[MainWindow] = []

    def make(analysis: Analysis) -> MainWindow:
        win = compose_window(Settings.open())
        made.append(win)
        win.set_analysis(analysis)
        win.show()
        qtbot.waitExposed(win)
        return win

    yield make
    for win in made:
        discard(win)


def _count(win: MainWindow, node_id: str) -> int | None:
    model = win.tree.model
    found = model.match(model.index(0, 0), NODE_ROLE, node_id, 1, flags=_RECURSIVE)
    return int(found[0].siblingAtColumn(1).data()) if found else None


def test_deleting_a_partner_takes_its_passages_out_of_every_count(
        make_window: Callable[[Analysis], MainWindow], article: Analysis) -> None:
    win = make_window(article)
    win.set_tree_mode("area")
    colors = {p.id: win.tree.color(p.id).name() for p in win.analysis.partners}
    assert _count(win, "training") == 1 and _count(win, "naval_security") == 1
    win.corrections.edit(lambda c: c.delete("SWE"))
    analysis = win.analysis
    assert analysis.partner("SWE") is None
    # Training and naval security had Sweden's passage only: nothing of it is left anywhere.
    assert _count(win, "training") is None and _count(win, "naval_security") is None
    assert all(Span(*span(SWEDEN)) not in node_passages(analysis, a.id) for a in analysis.areas)
    assert _count(win, "tier:primary") is None
    # Other nodes keep their colours.
    assert {p.id: win.tree.color(p.id).name() for p in analysis.partners} == {
        k: v for k, v in colors.items() if k != "SWE"}
    # Removed nodes are listed, show their passages, and come back with a restore.
    assert _count(win, "removed:SWE") == 1
    assert win.select_node("removed:SWE")
    assert win.spans == (Span(*span(SWEDEN)),)
    menu = win.corrections.menus.node_menu(win.tree.current())
    restore = next(a for a in menu.actions() if a.text().replace("&", "").startswith("Restore"))
    restore.trigger()
    assert win.analysis.partner("SWE") is not None
    assert _count(win, "training") == 1 and _count(win, "removed:SWE") is None
    assert win.tree.color("SWE").name() == colors["SWE"]
    win.corrections.undo.trigger()  # undo the restore: removed again
    assert win.analysis.partner("SWE") is None and _count(win, "removed:SWE") == 1


def test_assigning_a_selection_is_undoable_and_saved(
        qtbot: QtBot, make_window: Callable[[Analysis], MainWindow], article: Analysis,
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(wiring_module, "ask_assign", lambda analysis, quote, parent: "SWE")
    win = make_window(article)
    assert not win.corrections.assign.isEnabled()  # nothing selected
    edit_menu = win.menus.edit_menu
    assert win.corrections.assign in edit_menu.actions()
    start, end = span(CYBER)
    win.reader.select_span(Span(start, end))
    assert win.corrections.assign.isEnabled()
    win.corrections.assign.trigger()
    assert Span(start, end) in node_passages(win.analysis, "SWE")
    win.corrections.undo.trigger()
    assert Span(start, end) not in node_passages(win.analysis, "SWE")
    win.corrections.redo.trigger()
    assert win.corrections.save_now()
    win.close()
    again = make_window(article)
    assert Span(start, end) in node_passages(again.analysis, "SWE")
    assert Span(*span(NORWAY)) not in node_passages(again.analysis, "SWE")
    assert again.tree.view.currentIndex() != QModelIndex()
