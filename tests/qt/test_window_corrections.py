"""Corrections in the window: assign, undo / redo, the tree's and evidence list's menus, the
pencil on edited nodes, saving beside the article, recovery and the questions on leaving."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QMenu
from pytestqt.qtbot import QtBot

import multivector.qt.corrections.node_menu as node_menu
import multivector.qt.corrections.wiring as wiring_module
import multivector.qt.printing.export as printing
from multivector.corrections.edits import AREA, NodeSpec
from multivector.corrections.project import autosave_path_for
from multivector.explore.selection import NodeRef
from multivector.model.analysis import Analysis, Span
from multivector.qt.common.settings import Settings
from multivector.qt.views.tree_model import EDITED_ROLE, NODE_ROLE
from multivector.qt.window.compose import compose_window
from multivector.qt.window.main_window import MainWindow

from .sample import CYBER, NORWAY, TEXT, sample_analysis, span
from .window_cleanup import discard

_RECURSIVE = Qt.MatchFlag.MatchRecursive | Qt.MatchFlag.MatchExactly


def _analysis(folder: Path) -> Analysis:
    article = folder / "nordic-brief.txt"
    article.write_text(TEXT, encoding="utf-8")
    base = sample_analysis()
    return replace(base, document=replace(base.document, path=str(article)))


@pytest.fixture
def article(tmp_path: Path) -> Analysis:
    return _analysis(tmp_path)


@pytest.fixture(autouse=True)
def _no_questions(monkeypatch: pytest.MonkeyPatch) -> None:
    """Nobody is there to answer: leaving discards, recovery is declined (tests override)."""
    monkeypatch.setattr(wiring_module, "confirm_close", lambda ctl, parent: True)
    monkeypatch.setattr(wiring_module, "offer_recovery", lambda ctl, parent: False)


@pytest.fixture
def make_window(qtbot: QtBot) -> Iterator[Callable[[Analysis], MainWindow]]:
    made: list[MainWindow] = []

    def make(analysis: Analysis) -> MainWindow:
        win = compose_window(Settings.open())
        made.append(win)
        win.corrections.autosave_ms = 30
        win.set_analysis(analysis)
        win.show()
        qtbot.waitExposed(win)
        return win

    yield make
    for win in made:
        discard(win)


@pytest.fixture
def window(make_window: Callable[[Analysis], MainWindow], article: Analysis) -> MainWindow:
    return make_window(article)


def _select_text(win: MainWindow, phrase: str) -> None:
    start, end = span(phrase)
    win.reader.select_span(Span(start, end))


def _item(win: MainWindow, node_id: str) -> QModelIndex:
    model = win.tree.model
    found = model.match(model.index(0, 0), NODE_ROLE, node_id, 1, flags=_RECURSIVE)
    assert found, node_id
    return found[0]


def _trigger(menu: QMenu, text: str) -> None:
    for action in menu.actions():
        if action.menu() is not None:
            try:
                _trigger(action.menu(), text)
                return
            except LookupError:
                continue
        if action.text().replace("&", "").startswith(text):
            action.trigger()
            return
    raise LookupError(text)


def _passages(win: MainWindow, node_id: str) -> list[str]:
    node = win.analysis.partner(node_id) or win.analysis.area(node_id)
    return [win.analysis.document.text[p.start:p.end] for p in node.passages]


def test_assign_selection_then_undo_and_redo(
        qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    asked: list[str] = []
    monkeypatch.setattr(wiring_module, "ask_assign",
                        lambda analysis, quote, parent: asked.append(quote) or "SWE")
    window.select_node("SWE")
    _select_text(window, NORWAY)
    ctx = window.reader.context_actions
    assign = window.corrections.assign
    assert assign in ctx and assign.isEnabled()
    assign.trigger()
    assert asked == [NORWAY]
    assert NORWAY in _passages(window, "SWE")
    assert window.selected == NodeRef("SWE")  # the selection stayed on the edited node
    window.flush()
    assert window.evidence.rows() == 2
    assert window.isWindowModified()
    assert _item(window, "SWE").data(EDITED_ROLE) is True
    assert not _item(window, "SWE").siblingAtColumn(1).data(Qt.ItemDataRole.DecorationRole).isNull()
    assert not _item(window, "NOR").data(EDITED_ROLE)

    window.corrections.undo.trigger()
    assert NORWAY not in _passages(window, "SWE")
    assert not _item(window, "SWE").data(EDITED_ROLE)
    assert not window.isWindowModified()
    window.corrections.redo.trigger()
    assert NORWAY in _passages(window, "SWE")


def test_edit_shortcuts(window: MainWindow) -> None:
    wiring = window.corrections
    assert QKeySequence("Ctrl+Shift+A") in wiring.assign.shortcuts()
    assert QKeySequence("Ctrl+Z") in wiring.undo.shortcuts()
    assert QKeySequence("Ctrl+Shift+Z") in wiring.redo.shortcuts()
    assert QKeySequence("Ctrl+S") in wiring.save.shortcuts()
    edit = [a.text() for a in window.actions.edit_menu.actions() if not a.isSeparator()]
    assert edit[:3] == [wiring.undo.text(), wiring.redo.text(), "&Assign to partner / area..."]


def test_assign_without_selection_only_reports(qtbot: QtBot, window: MainWindow) -> None:
    assert not window.corrections.assign_selection()
    assert "Select a passage" in window.statusBar().currentMessage()


def test_new_area_from_the_dialog_gets_the_area_icon(
        qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    spec = NodeSpec(AREA, "radar_procurement", "Radar procurement")
    monkeypatch.setattr(wiring_module, "ask_assign", lambda *_a: spec)
    _select_text(window, NORWAY)
    assert window.corrections.assign_selection()
    window.set_tree_mode("area")
    index = _item(window, "radar_procurement")
    assert index.data() == "Radar procurement"
    assert window.analysis.area("radar_procurement").icon == "area"
    from multivector.qt.common import icons

    icons.load()
    image = index.data(Qt.ItemDataRole.DecorationRole).pixmap(24, 24).toImage()
    assert sum(image.pixelColor(x, y).alpha() > 0 for x in range(24) for y in range(24)) > 20
    assert index.data(EDITED_ROLE) is True


def test_tree_menu_tier_rename_note_merge_delete(
        qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    menus = window.corrections.menus
    window.select_node("NOR")
    _trigger(menus.node_menu(NodeRef("NOR")), "Primary")
    assert window.analysis.partner("NOR").tier == "primary"
    group = _item(window, "NOR").parent()
    assert group.data() == "Primary partners"
    assert window.selected.node_id == "NOR"  # kept through the tree's rebuild

    monkeypatch.setattr(node_menu, "ask_text", lambda *_a: "Kingdom of Norway")
    _trigger(menus.node_menu(NodeRef("NOR")), "Rename")
    assert window.analysis.partner("NOR").name == "Kingdom of Norway"
    assert _item(window, "NOR").data() == "Kingdom of Norway"

    monkeypatch.setattr(node_menu, "ask_note", lambda *_a: "Radars: check the year")
    _trigger(menus.node_menu(NodeRef("NOR")), "Add Note")
    assert [n.message for n in window.analysis.notes if n.kind == "memo"] == [
        "Kingdom of Norway: Radars: check the year"]

    def pick(_parent: object, _title: str, _prompt: str, items: list[str]) -> int:
        assert "Joint exercises" not in items  # partners merge with partners only
        return items.index("Sweden (SWE)")

    monkeypatch.setattr(node_menu, "ask_item", pick)
    _trigger(menus.node_menu(NodeRef("NOR")), "Merge")
    assert window.analysis.partner("NOR") is None
    assert {NORWAY, CYBER} <= set(_passages(window, "SWE"))
    assert window.selected.node_id == "SWE"

    _trigger(menus.node_menu(NodeRef("training")), "Delete")
    assert window.analysis.area("training") is None
    assert window.corrections.controller.undo_stack.count() == 5
    for _ in range(5):
        window.corrections.undo.trigger()
    assert window.analysis == window.corrections.controller.base


def test_budget_node_has_no_correction_menu(window: MainWindow) -> None:
    assert window.corrections.menus.node_menu(NodeRef("budget")) is None


def test_tree_context_menu_opens_on_the_node_under_the_mouse(
        qtbot: QtBot, window: MainWindow) -> None:
    view = window.tree.view
    index = window.tree.proxy.mapFromSource(_item(window, "NATO"))
    view.scrollTo(index)
    view.customContextMenuRequested.emit(view.visualRect(index).center())
    menu = window.corrections.menus.last_menu
    assert menu is not None and menu.isVisible()
    assert window.selected.node_id == "NATO"
    assert "Delete NATO" in [a.text().replace("&", "") for a in menu.actions()]
    menu.close()


def test_remove_passage_from_the_evidence_menu(qtbot: QtBot, window: MainWindow) -> None:
    window.select_node("NOR")
    window.flush()
    assert window.evidence.rows() == 2
    menu = window.corrections.menus.evidence_menu(1)
    _trigger(menu, "Remove Passage")
    assert _passages(window, "NOR") == [NORWAY]
    window.flush()
    assert window.evidence.rows() == 1
    start, end = span(NORWAY)
    omap = window.reader.offsets
    got = [(s.cursor.selectionStart(), s.cursor.selectionEnd())
           for s in window.reader.extraSelections()]
    assert got == [(omap.to_qt(start), omap.to_qt(end))]


def test_save_beside_the_article_and_reopen(
        qtbot: QtBot, make_window: Callable[[Analysis], MainWindow], article: Analysis,
        monkeypatch: pytest.MonkeyPatch) -> None:
    first = make_window(article)
    monkeypatch.setattr(node_menu, "ask_text", lambda *_a: "Swedish Armed Forces")
    _trigger(first.corrections.menus.node_menu(NodeRef("SWE")), "Rename")
    first.corrections.save.trigger()
    project = Path(article.document.path + ".multivector.json")
    assert json.loads(project.read_text(encoding="utf-8"))["edits"]
    assert not first.isWindowModified()
    assert first.close()

    second = make_window(article)
    assert second.analysis.partner("SWE").name == "Swedish Armed Forces"
    assert _item(second, "SWE").data(EDITED_ROLE) is True
    assert not second.isWindowModified()


def test_recovery_is_offered_when_the_autosave_is_newer(
        qtbot: QtBot, make_window: Callable[[Analysis], MainWindow], article: Analysis,
        monkeypatch: pytest.MonkeyPatch) -> None:
    offered: list[object] = []

    def offer(ctl: object, _parent: object) -> None:
        offered.append(ctl)
        recovered = ctl.recovery_available()  # type: ignore[attr-defined]
        if recovered is not None:
            ctl.recover(recovered)  # type: ignore[attr-defined]

    monkeypatch.setattr(wiring_module, "offer_recovery", offer)
    first = make_window(article)
    first.corrections.edit(lambda c: c.delete("cyber"))
    first.corrections.controller.autosave_now()
    assert autosave_path_for(Path(article.document.path + ".multivector.json")).exists()
    qtbot.waitUntil(lambda: len(offered) == 1)  # asked on opening (nothing to recover then)
    offered.clear()
    first.close()

    second = make_window(article)
    qtbot.waitUntil(lambda: len(offered) == 1, timeout=2000)
    assert offered[0] is second.corrections.controller
    assert second.analysis.area("cyber") is None
    assert second.isWindowModified()  # recovered work stays unsaved until saved


def test_closing_with_unsaved_corrections_asks(
        qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    answers = [False, True]
    asked: list[object] = []
    monkeypatch.setattr(wiring_module, "confirm_close",
                        lambda ctl, parent: asked.append(ctl) or answers.pop(0))
    assert window.close()  # nothing unsaved: no question
    window.show()
    window.corrections.edit(lambda c: c.delete("NATO"))
    assert not window.close()
    assert window.isVisible() and len(asked) == 1
    assert window.close()
    assert len(asked) == 2


def test_opening_another_article_asks_first(
        qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(wiring_module, "confirm_close", lambda ctl, parent: False)
    other = tmp_path / "other.txt"
    other.write_text("Estonia will buy air defence systems from Germany.\n", encoding="utf-8")
    window.corrections.edit(lambda c: c.delete("NATO"))
    assert window.open_path(other) is False
    assert not window.analysing
    assert window.analysis.partner("NATO") is None  # still the same article, still edited


def test_exports_and_plot_use_the_corrected_analysis(
        qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    window.finish_menus()
    window.ensure_plot()
    window.corrections.edit(lambda c: c.rename("NOR", "Norwegian Defence Materiel Agency"))
    window.corrections.edit(lambda c: c.delete("NATO"))
    out = tmp_path / "summary.json"
    monkeypatch.setattr(printing.QFileDialog, "getSaveFileName",
                        staticmethod(lambda *_a, **_k: (str(out), "")))
    export = next(a for a in window.actions.file_menu.actions()
                  if a.text().replace("&", "").startswith("Export JSON"))
    export.trigger()
    text = out.read_text(encoding="utf-8")
    assert "Norwegian Defence Materiel Agency" in text
    assert '"NATO"' not in text


def test_projects_of_bundled_articles_go_to_the_data_folder(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from multivector.resources import bundled_article

    monkeypatch.setenv("MULTIVECTOR_DATA_DIR", str(tmp_path / "data"))
    bundled = wiring_module.project_file_for(str(bundled_article()))
    name = bundled_article().name + ".multivector.json"
    assert bundled == tmp_path / "data" / "projects" / name
    mine = tmp_path / "mine.txt"
    assert wiring_module.project_file_for(str(mine)) == tmp_path / "mine.txt.multivector.json"
    assert wiring_module.project_file_for(None) is None
    assert wiring_module.project_file_for("-") is None


def test_undo_history_dock(qtbot: QtBot, window: MainWindow) -> None:
    toggle = next(a for a in window.actions.view_menu.actions()
                  if a.text().replace("&", "") == "Undo History")
    toggle.trigger()
    assert window.corrections.history_dock.isVisible()
    history = window.corrections.history
    window.corrections.edit(lambda c: c.delete("NATO"))
    window.corrections.edit(lambda c: c.set_tier("NOR", "primary"))
    model = history.model()
    assert [model.index(r, 0).data() for r in range(model.rowCount())] == [
        "As extracted", "Delete NATO", "Set tier of Norway to primary"]
    history.setCurrentIndex(model.index(0, 0))  # back to what the machine found
    assert window.analysis.partner("NATO") is not None


def test_reader_context_menu_offers_assign_on_a_selection(qtbot: QtBot, window: MainWindow) -> None:
    from PySide6.QtCore import QPoint
    from PySide6.QtGui import QContextMenuEvent
    from PySide6.QtWidgets import QApplication

    def menu_after_right_click() -> QMenu:
        viewport = window.reader.viewport()
        event = QContextMenuEvent(QContextMenuEvent.Reason.Mouse, QPoint(20, 20),
                                  viewport.mapToGlobal(QPoint(20, 20)))
        QApplication.sendEvent(viewport, event)
        menu = QApplication.activePopupWidget()
        assert isinstance(menu, QMenu)
        return menu

    menu = menu_after_right_click()
    assign = next(a for a in menu.actions() if a.text() == "&Assign to partner / area...")
    assert not assign.isEnabled()  # nothing selected yet
    menu.close()
    _select_text(window, CYBER)
    menu = menu_after_right_click()
    assign = next(a for a in menu.actions() if a.text() == "&Assign to partner / area...")
    assert assign.isEnabled()
    assert "Copy" in [a.text().replace("&", "").split("\t")[0] for a in menu.actions()]
    menu.close()
