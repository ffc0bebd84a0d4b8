"""The first minute of the window as a new user meets it: icons painted at start, a partner
selected with its passages shown, group nodes that show their passages, hints in empty panes."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QRect
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from multivector.qt.window.app import discard_window, open_window
from multivector.qt.window.main_window import MainWindow


def _pixels_like(image: QImage, rect: QRect, color: QColor, tolerance: int = 60) -> int:
    found = 0
    for x in range(rect.left(), rect.right() + 1):
        for y in range(rect.top(), rect.bottom() + 1):
            pixel = QColor(image.pixel(x, y))
            distance = (abs(pixel.red() - color.red()) + abs(pixel.green() - color.green())
                        + abs(pixel.blue() - color.blue()))
            found += distance < tolerance
    return found


@pytest.fixture
def started(qtbot: QtBot) -> Iterator[MainWindow]:
    """The window as `multivector` starts it (icons deferred until after the first paint)."""
    _app, window = open_window(None)
    window.show()
    qtbot.waitExposed(window)
    qtbot.waitUntil(lambda: window.plot is not None, timeout=5000)
    yield window
    discard_window(window)


def test_tree_icons_are_on_screen_before_any_click(qtbot: QtBot, started: MainWindow) -> None:
    window = started
    tree = window.tree
    partner_ids = {p.id for p in window.analysis.partners}
    index = next(i for i in tree._indexes()
                 if tree._ref(i) is not None and tree._ref(i).node_id in partner_ids)
    color = tree.color(tree._ref(index).node_id)
    rect = tree.view.visualRect(index)
    # The icon sits at the left of the item's rectangle: look at what the screen shows there
    # (the window's backing store), not at a fresh render that would hide a missed repaint.
    icon_rect = QRect(tree.view.viewport().mapTo(window, rect.topLeft()), rect.size())
    icon_rect.setWidth(rect.height() + 4)

    def painted() -> bool:
        shot = QApplication.primaryScreen().grabWindow(window.winId()).toImage()
        return _pixels_like(shot, icon_rect, color) > 10

    qtbot.waitUntil(painted, timeout=3000)
