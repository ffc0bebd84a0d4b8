"""Failures a person can see: a bad file given at launch opens the window with a dialog, and
no display gives one clear line and exit 2 instead of Qt's abort."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from multivector.qt.window.app import open_window
from multivector.qt.window.display import NO_DISPLAY, display_problem

from .window_cleanup import discard_started


def test_a_bad_file_at_launch_opens_the_window_with_a_dialog(qtbot: QtBot,
                                                             tmp_path: Path) -> None:
    missing = tmp_path / "not-there.txt"
    _app, window = open_window(missing, tolerate_bad_file=True)
    try:
        window.show()
        qtbot.waitExposed(window)
        qtbot.waitUntil(lambda: window.error_box is not None and window.error_box.isVisible(),
                        timeout=2000)
        box = window.error_box
        assert isinstance(box, QMessageBox) and "not-there.txt" in box.text()
        assert "File › Open" in box.informativeText()
        assert window.analysis is None
        assert window.reader.toPlainText() == "" and "No article is open" in (
            window.reader.placeholderText())
        box.accept()
        window.reader.setFocus()  # the empty window works: the tree is empty, nothing breaks
        assert window.tree.node_refs() == []
    finally:
        discard_started(window)


def test_no_display_is_one_line_and_exit_2(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items()
           if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    result = subprocess.run([sys.executable, "-m", "multivector"], env=env, capture_output=True,
                            text=True, timeout=60)
    assert result.returncode == 2, result.stderr
    assert result.stderr.count("\n") == 1 and "no display" in result.stderr


def test_a_display_that_does_not_answer_is_named(tmp_path: Path) -> None:
    linux = "linux"
    assert display_problem({}, linux) == NO_DISPLAY
    unreachable = display_problem({"DISPLAY": ":987"}, linux)
    assert unreachable is not None and "DISPLAY=:987" in unreachable
    assert display_problem({"QT_QPA_PLATFORM": "offscreen"}, linux) is None
    assert display_problem({}, "darwin") is None  # other systems: Qt's own checks
    socket_dir = tmp_path / "run"
    socket_dir.mkdir()
    (socket_dir / "wayland-0").touch()
    assert display_problem({"WAYLAND_DISPLAY": str(socket_dir / "wayland-0")}, linux) is None
