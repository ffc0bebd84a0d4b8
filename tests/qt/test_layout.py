"""The reader first: the default layout, restored layouts, an empty budget dock, and off-screen
shots that do not depend on what the last session left behind."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage
from pytestqt.qtbot import QtBot

from multivector.qt.common.settings import Settings
from multivector.qt.window.app import run_window
from multivector.qt.window.compose import compose_window
from multivector.qt.window.layout import READER_MIN_WIDTH
from multivector.qt.window.main_window import MainWindow

from .sample import sample_analysis


def _shown(qtbot: QtBot, size: tuple[int, int], analysis: object = None) -> MainWindow:
    window = compose_window(Settings.open())
    qtbot.addWidget(window)
    window.set_analysis(analysis or sample_analysis())
    window.resize(*size)
    window.show()
    qtbot.waitExposed(window)
    # The plot and menus arrive after the first paint, the layout settles meanwhile.
    qtbot.waitUntil(lambda: window.actions.printing_installed, timeout=3000)
    qtbot.wait(20)
    return window


@pytest.mark.parametrize("size", [(1024, 680), (1920, 1080)])
def test_the_reader_gets_at_least_half_the_width(qtbot: QtBot, size: tuple[int, int]) -> None:
    window = _shown(qtbot, size)
    assert window.reader.width() >= size[0] // 2
    assert window.tree.isVisible() and window.evidence.isVisible()


def test_a_restored_layout_leaves_the_reader_400_px(qtbot: QtBot) -> None:
    window = _shown(qtbot, (1024, 680))
    # The user widened both side docks and opened the library: saved as it was left.
    window.resizeDocks([window.tree_dock, window.evidence_dock], [430, 430],
                       Qt.Orientation.Horizontal)
    window.library.library_dock.show()
    qtbot.wait(50)
    window.resizeDocks([window.tree_dock, window.evidence_dock], [430, 430],
                       Qt.Orientation.Horizontal)
    window.layout().activate()
    assert window.reader.width() < READER_MIN_WIDTH
    window.close()
    again = _shown(qtbot, (1024, 680))
    qtbot.waitUntil(lambda: again.reader.width() >= READER_MIN_WIDTH, timeout=1000)
    assert again.reader.height() >= 200


def test_an_empty_budget_dock_is_one_line(qtbot: QtBot) -> None:
    no_budget = replace(sample_analysis(), budget=())
    window = _shown(qtbot, (1024, 680), no_budget)
    qtbot.waitUntil(lambda: window.plot_dock.height() < 70, timeout=1000)
    assert window.budget_pane.line.isVisible()
    assert window.evidence_dock.height() > 400
    window.set_analysis(sample_analysis())  # an article with figures gets its plot back
    assert window.plot.isVisibleTo(window.budget_pane)


def test_screenshot_does_not_depend_on_saved_settings(
        qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    clean = tmp_path / "clean.png"
    assert run_window(None, screenshot=str(clean), select="ESP", size="1024x680") == 0
    # A session that left the tree by area, the library dock open and the window elsewhere.
    settings = Settings.open()
    settings.set("tree/mode", "area")
    window = compose_window(settings)
    qtbot.addWidget(window)
    window.set_analysis(sample_analysis())
    window.resize(1500, 700)
    window.show()
    window.library.library_dock.show()
    qtbot.waitUntil(lambda: window.actions.printing_installed, timeout=3000)
    window.close()
    assert Settings.open().get("tree/mode") == "area"
    used = tmp_path / "used.png"
    assert run_window(None, screenshot=str(used), select="ESP", size="1024x680") == 0
    assert QImage(str(used)) == QImage(str(clean))
    assert Settings.open().get("tree/mode") == "area"  # and the shot saved nothing
