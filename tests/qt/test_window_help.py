"""The window's Help menu, application icon and crash hook, as wired by app.py and help_menu.py."""

from __future__ import annotations

import logging
import sys
from collections.abc import Iterator
from logging.handlers import RotatingFileHandler
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QDialog, QTableWidget, QWidget
from pytestqt.qtbot import QtBot

import multivector.qt.window.crash as crash
from multivector.qt.common.settings import Settings
from multivector.qt.window import app as app_module
from multivector.qt.window.compose import compose_window
from multivector.qt.window.help_menu import menu_actions
from multivector.qt.window.main_window import MainWindow

from .sample import sample_analysis
from .window_cleanup import discard


@pytest.fixture
def window(qtbot: QtBot) -> Iterator[MainWindow]:
    win = compose_window(Settings.open())
    win.set_analysis(sample_analysis())
    win.finish_menus()  # the print and export actions, normally added after the first paint
    yield win
    discard(win)


def _menu(win: MainWindow, title: str) -> list[str]:
    top = next(a for a in win.menuBar().actions() if a.text().replace("&", "") == title)
    return [a.text().replace("&", "") for a in top.menu().actions() if not a.isSeparator()]


def test_help_is_the_last_menu_with_about_and_shortcuts(window: MainWindow) -> None:
    tops = [a.text().replace("&", "") for a in window.menuBar().actions()]
    assert tops[-1] == "Help"
    assert _menu(window, "Help") == ["Keyboard Shortcuts", "About Multivector"]


def test_about_opens_over_the_window(qtbot: QtBot, window: MainWindow) -> None:
    about = next(a for a in window.help_menu.actions() if "About" in a.text())
    about.trigger()
    dialog = window.findChild(QDialog, "aboutDialog")
    assert dialog is not None and dialog.isVisible()
    assert dialog.parent() is window
    dialog.close()


def test_shortcuts_table_lists_every_menu_command_with_its_keys(
        qtbot: QtBot, window: MainWindow) -> None:
    shortcuts = next(a for a in window.help_menu.actions() if "Shortcuts" in a.text())
    shortcuts.trigger()
    dialog = window.findChild(QDialog, "shortcutsDialog")
    assert dialog is not None
    table = dialog.findChild(QTableWidget, "shortcutTable")
    rows = {table.item(r, 0).text(): table.item(r, 1).text() for r in range(table.rowCount())}
    # Commands from every wiring: the window's own, corrections, library, printing, help.
    for name in ("Open", "Find", "Undo", "Redo", "Assign to partner / area", "Save Corrections",
                 "Add to Library", "Paste as New Article", "Print", "Export PDF",
                 "Keyboard Shortcuts", "About Multivector", "Undo History", "Library",
                 "Across Articles"):
        assert name in rows, name
    assert rows["Assign to partner / area"] == "Ctrl+Shift+A"
    assert "Ctrl+Shift+Z" in rows["Redo"].replace(" or ", ", ").split(", ")
    assert rows["Save Corrections"] in ("Ctrl+S", "Ctrl+S or the Save key")
    assert rows["Open"] in ("Ctrl+O", "Ctrl+O or the Open key")  # never "Ctrl+O, Open"
    assert rows["Library"] == "—"  # a dock toggle without keys says so
    assert table.rowCount() == len(menu_actions(window))
    dialog.close()


def test_recent_files_are_not_listed_as_commands(window: MainWindow) -> None:
    window.settings.add_recent("/somewhere/else/estonia-defence.txt")
    from multivector.qt.window.actions import fill_recent

    fill_recent(window.actions.recent_menu, window.settings.get("files/recent"), window.open_path)
    assert window.actions.recent_menu.actions()
    texts = [a.text() for a in menu_actions(window)]
    assert "estonia-defence.txt" not in texts


def test_application_icon_and_desktop_name(qtbot: QtBot) -> None:
    app = app_module.make_application()
    assert app.desktopFileName() == "multivector"
    pixmap = app.windowIcon().pixmap(64, 64)
    assert not pixmap.isNull()
    image = pixmap.toImage()
    opaque = sum(image.pixelColor(x, y).alpha() > 0 for x in range(64) for y in range(64))
    assert opaque > 500  # the logo was drawn, not an empty icon


@pytest.fixture
def _fresh_log() -> Iterator[None]:
    def drop() -> None:
        log = logging.getLogger("multivector")
        for handler in [h for h in log.handlers if isinstance(h, RotatingFileHandler)]:
            log.removeHandler(handler)
            handler.close()

    drop()
    yield
    drop()
    crash.uninstall_exception_hook()


def test_crash_hook_reports_over_the_window(
        qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch,
        _fresh_log: None) -> None:
    seen: list[tuple[QWidget | None, str, Path]] = []
    monkeypatch.setattr(crash, "show_crash_box", lambda p, m, log: seen.append((p, m, log)))
    before = sys.excepthook
    app_module.install_crash_hook(window)
    assert sys.excepthook is not before
    try:
        raise RuntimeError("tree model lost its rows")
    except RuntimeError as exc:
        sys.excepthook(type(exc), exc, exc.__traceback__)
    qtbot.waitUntil(lambda: len(seen) == 1, timeout=2000)
    parent, message, log = seen[0]
    # Offscreen there is no active window: the main window is the parent.
    assert parent is (QApplication.activeWindow() or window)
    assert message == "RuntimeError: tree model lost its rows"
    assert "tree model lost its rows" in log.read_text(encoding="utf-8")


def test_screenshot_mode_installs_no_crash_hook(
        qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[object] = []
    monkeypatch.setattr(app_module, "install_crash_hook", calls.append)
    article = tmp_path / "latvia.txt"
    article.write_text("Latvia will deepen defence cooperation with Estonia in cyber defence.\n",
                       encoding="utf-8")
    assert app_module.run_window(str(article), screenshot=str(tmp_path / "shot.png")) == 0
    assert (tmp_path / "shot.png").stat().st_size > 1000
    assert calls == []
