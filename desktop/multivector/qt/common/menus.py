"""Actions and the places in the menu bar where features add theirs.

The window owns the menu bar; a feature (corrections, library, printing) gets a `MenuSlots` and
adds its actions there, never by reaching into the window."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDockWidget, QMainWindow, QMenu, QWidget

from multivector.qt.common import icons


def make_action(parent: QWidget, text: str, slot: Callable[[], object], tip: str,
                shortcuts: list[QKeySequence] | None = None, icon: str | None = None) -> QAction:
    """An action whose shortcuts work wherever the focus is in `parent`'s window."""
    action = QAction(text, parent)
    action.setToolTip(tip)
    action.setStatusTip(tip)
    if icon:
        action.setIcon(icons.icon(icon))
    if shortcuts:
        action.setShortcuts(shortcuts)
    action.triggered.connect(lambda _checked=False: slot())
    parent.addAction(action)
    return action


def insert_before(menu: QMenu, anchor: QAction | None, actions: Sequence[QAction | None]) -> None:
    """Put `actions` (None for a separator) into `menu` above `anchor`, or at the end."""
    for action in actions:
        if action is None:
            menu.insertSeparator(anchor) if anchor is not None else menu.addSeparator()
        elif anchor is not None:
            menu.insertAction(anchor, action)
        else:
            menu.addAction(action)


@dataclass
class MenuSlots:
    """The menus features extend, each with the place their items go."""

    file_menu: QMenu
    file_anchor: QAction  # the separator above the print actions and Quit
    edit_menu: QMenu
    edit_anchor: QAction  # Find: edit items go above it
    view_menu: QMenu

    def add_to_file(self, actions: Sequence[QAction | None]) -> None:
        insert_before(self.file_menu, self.file_anchor, actions)

    def add_to_edit(self, actions: Sequence[QAction | None]) -> None:
        insert_before(self.edit_menu, self.edit_anchor, actions)

    def add_to_view(self, actions: Sequence[QAction | None]) -> None:
        insert_before(self.view_menu, None, actions)


def add_dock(host: QMainWindow, menus: MenuSlots, title: str, name: str, widget: QWidget,
             area: Qt.DockWidgetArea, icon: str | None = None) -> QDockWidget:
    """A dock named for saveState(), its toggle at the end of the View menu."""
    dock = QDockWidget(title, host)
    dock.setObjectName(name)  # saveState() needs names
    dock.setWidget(widget)
    dock.setAccessibleName(title)
    host.addDockWidget(area, dock)
    toggle = dock.toggleViewAction()
    toggle.setText(title)
    if icon:
        toggle.setIcon(icons.icon(icon))
    menus.add_to_view([toggle])
    return dock


def tidy_toggles(menu: QMenu) -> None:
    """Toggles in a menu show as check marks (or radio marks), never as icons: a menu that
    mixes the two leaves a user unable to tell what is on. Toolbars keep the icons."""
    for action in menu.actions():
        if action.isCheckable():
            action.setIconVisibleInMenu(False)
