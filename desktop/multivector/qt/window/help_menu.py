"""The Help menu: About Multivector, and Keyboard Shortcuts listing every action of the window's
menus in menu order."""

from __future__ import annotations

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu, QWidget

from multivector.qt.common import icons


def menu_actions(window: QMainWindow) -> list[QAction]:
    """Every action of the window's menus (submenus included), in menu order, each once; then
    any action of the window no menu holds. File names of Open Recent are not actions to learn."""
    found: list[QAction] = []

    def walk(menu: QMenu) -> None:
        if menu.objectName() == "recentMenu":
            return
        for action in menu.actions():
            if action.isSeparator() or action in found:
                continue
            if action.menu() is not None:
                walk(action.menu())
                continue
            found.append(action)

    for top in window.menuBar().actions():
        if top.menu() is not None:
            walk(top.menu())
    for action in QWidget.actions(window):  # MainWindow.actions is its table of named actions
        if action not in found and action.text() and not action.isSeparator():
            found.append(action)
    return found


def _about() -> object:
    # Imported when asked for: it reads every bundled library's metadata (importlib.metadata).
    from multivector.qt.window import about

    return about


def install_help_menu(window: QMainWindow) -> QMenu:
    """Add Help > Keyboard Shortcuts and Help > About Multivector to the window's menu bar."""
    menu = window.menuBar().addMenu("&Help")
    shortcuts = QAction(icons.icon("keyboard"), "&Keyboard Shortcuts", window)
    shortcuts.setShortcut(QKeySequence("Ctrl+/"))
    shortcuts.setStatusTip("Every command of the window with its keys (Ctrl+/)")
    shortcuts.triggered.connect(lambda _c=False: _about().show_shortcuts(
        window, menu_actions(window)))
    about = QAction(icons.icon("about"), "&About Multivector", window)
    about.setMenuRole(QAction.MenuRole.AboutRole)  # the application menu on macOS
    about.setStatusTip("Version and the licences of the libraries shipped with Multivector")
    about.triggered.connect(lambda _c=False: _about().show_about(window))
    window.addAction(shortcuts)
    menu.addAction(shortcuts)
    menu.addSeparator()
    menu.addAction(about)
    return menu
