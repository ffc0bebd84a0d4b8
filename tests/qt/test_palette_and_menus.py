"""View > Dark Palette at any time (the system's palette otherwise), and a View menu whose toggles
all look like toggles."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from multivector.qt.common.settings import Settings
from multivector.qt.window.palette_colors import DARK_WINDOW
from multivector.qt.window.compose import compose_window
from multivector.qt.window.main_window import MainWindow

from .sample import sample_analysis


@pytest.fixture
def window(qtbot: QtBot) -> Iterator[MainWindow]:
    win = compose_window(Settings.open())
    qtbot.addWidget(win)
    win.set_analysis(sample_analysis())
    win.show()
    qtbot.waitExposed(win)
    yield win
    win.palette_switch.set_dark(False, remember=False)


def _window_color() -> str:
    return QApplication.instance().palette().color(QPalette.ColorRole.Window).name()


def test_dark_palette_from_the_view_menu_and_back(qtbot: QtBot, window: MainWindow) -> None:
    system = _window_color()
    action = window.palette_switch.action
    assert action in window.menus.view_menu.actions() and not action.isChecked()
    action.trigger()
    assert _window_color() == DARK_WINDOW
    qtbot.waitUntil(lambda: window.reader.palette().color(QPalette.ColorRole.Base).lightness() < 80,
                    timeout=1000)
    assert Settings.open().get("view/dark") is True
    action.trigger()
    assert _window_color() == system
    assert Settings.open().get("view/dark") is False


def test_view_menu_toggles_are_all_check_marks(window: MainWindow) -> None:
    toggles = [a for a in window.menus.view_menu.actions() if a.isCheckable()]
    assert len(toggles) >= 6  # the two tree views, the docks, the dark palette
    assert all(not a.isIconVisibleInMenu() for a in toggles)
    assert not window.actions.by_partner.icon().isNull()  # the toolbar keeps its icons
