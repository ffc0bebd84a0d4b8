"""The window's actions, menus and toolbar, built in one place from the window's slots."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QMenu, QMenuBar, QToolBar, QWidget

from multivector.model.analysis import Analysis
from multivector.qt.common.menus import MenuSlots, make_action
from multivector.qt.views.reader import Reader

Key = QKeySequence.StandardKey


@dataclass
class Actions:
    """The actions other code (tests, the window) needs to reach by name."""

    open: QAction
    reload: QAction
    by_partner: QAction
    by_area: QAction
    next_passage: QAction
    previous_passage: QAction
    zoom_in: QAction
    zoom_out: QAction
    zoom_reset: QAction
    find: QAction
    recent_menu: QMenu
    file_menu: QMenu
    quit: QAction
    edit_menu: QMenu
    view_menu: QMenu
    slots: MenuSlots  # where features add their actions
    printing_installed: bool = False


def fill_recent(menu: QMenu, paths: list[str], open_path: Callable[[str], object]) -> None:
    """The Open Recent menu: one item per file, its full path as the tooltip."""
    menu.clear()
    for path in paths:
        action = menu.addAction(Path(path).name)
        action.setToolTip(path)
        action.triggered.connect(lambda _=False, p=path: open_path(p))
    menu.setEnabled(bool(menu.actions()))


def install_printing(window: QWidget, actions: Actions,
                     analysis: Callable[[], Analysis | None],
                     node: Callable[[], str | None],
                     report: Callable[[str], None] | None = None) -> None:
    """Add the printing engineer's Print / Export actions above Quit (once).

    Deferred until after the first paint: the printing module pulls in the summary renderers.
    """
    if actions.printing_installed:
        return
    actions.printing_installed = True
    from multivector.qt.printing.export import install_print_actions

    menu = actions.file_menu
    menu.removeAction(actions.quit)
    install_print_actions(menu, window, analysis, node, report)
    menu.addSeparator()
    menu.addAction(actions.quit)


class Commands(Protocol):
    """What the window's own actions call: the main window's slots."""

    reader: Reader

    def choose_file(self) -> None: ...
    def reload(self) -> None: ...
    def set_tree_mode(self, mode: str) -> None: ...
    def next_passage(self) -> None: ...
    def previous_passage(self) -> None: ...
    def focus_search(self) -> None: ...
    def close(self) -> bool: ...
    def menuBar(self) -> QMenuBar: ...
    def addToolBar(self, toolbar: QToolBar) -> None: ...


def build_actions(window: Commands) -> Actions:
    seq = QKeySequence
    _action = make_action
    open_ = _action(window, "&Open...", window.choose_file, "Open an article file (Ctrl+O)",
                    seq.keyBindings(Key.Open), "open")
    reload = _action(window, "&Reload", window.reload, "Read the article file again",
                     seq.keyBindings(Key.Refresh), "reload")
    by_partner = _action(window, "By &partner", lambda: window.set_tree_mode("partner"),
                         "Tree by partner: tier, partner, its areas", [seq("Ctrl+1")], "by_partner")
    by_area = _action(window, "By &area", lambda: window.set_tree_mode("area"),
                      "Tree by area: area, its partners", [seq("Ctrl+2")], "by_area")
    group = QActionGroup(window)
    for action in (by_partner, by_area):
        action.setCheckable(True)
        group.addAction(action)
    next_passage = _action(window, "&Next passage", window.next_passage,
                           "Next passage of the selected node (F3)", [seq("F3")], "next")
    previous_passage = _action(window, "&Previous passage", window.previous_passage,
                               "Previous passage of the selected node (Shift+F3)",
                               [seq("Shift+F3")], "previous")
    zoom_in = _action(window, "Zoom &in", window.reader.zoom_in, "Larger text (Ctrl++)",
                      seq.keyBindings(Key.ZoomIn) + [seq("Ctrl+=")], "zoom_in")
    zoom_out = _action(window, "Zoom &out", window.reader.zoom_out, "Smaller text (Ctrl+-)",
                       seq.keyBindings(Key.ZoomOut), "zoom_out")
    zoom_reset = _action(window, "&Actual size", window.reader.zoom_reset,
                         "Text at its normal size (Ctrl+0)", [seq("Ctrl+0")])
    find = _action(window, "&Find...", window.focus_search, "Find in the article (Ctrl+F)",
                   seq.keyBindings(Key.Find), "search")
    quit_ = _action(window, "&Quit", window.close, "Close the window", seq.keyBindings(Key.Quit))

    bar = window.menuBar()
    file_menu = bar.addMenu("&File")
    file_menu.addAction(open_)
    recent = file_menu.addMenu("Open &Recent")
    recent.setObjectName("recentMenu")
    recent.setToolTipsVisible(True)
    file_menu.addAction(reload)
    file_anchor = file_menu.addSeparator()
    file_menu.addAction(quit_)  # print actions go above it, after the first paint

    edit = bar.addMenu("&Edit")
    edit.addAction(find)
    view = bar.addMenu("&View")
    view.addActions([by_partner, by_area])
    view.addSeparator()
    view.addActions([zoom_in, zoom_out, zoom_reset])
    view.addSeparator()  # the docks' toggles follow
    go = bar.addMenu("&Go")
    go.addActions([next_passage, previous_passage])

    toolbar = QToolBar("Main toolbar", window)
    toolbar.setObjectName("mainToolbar")
    toolbar.setAccessibleName("Main toolbar")
    toolbar.addActions([open_, reload])
    toolbar.addSeparator()
    toolbar.addActions([by_partner, by_area])
    toolbar.addSeparator()
    toolbar.addActions([previous_passage, next_passage])
    toolbar.addSeparator()
    toolbar.addActions([zoom_out, zoom_in])
    window.addToolBar(toolbar)
    slots = MenuSlots(file_menu, file_anchor, edit, find, view)
    return Actions(open_, reload, by_partner, by_area, next_passage, previous_passage,
                   zoom_in, zoom_out, zoom_reset, find, recent, file_menu, quit_, edit, view,
                   slots)
