"""The global exception hook: a failure in a slot or a thread is logged, reported once in a
dialog naming the log file, and the window keeps working."""

from __future__ import annotations

import logging
import os
import sys
import threading
from collections.abc import Iterator
from logging.handlers import RotatingFileHandler
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from multivector.qt.window.crash import install_exception_hook, one_line, uninstall_exception_hook

Report = tuple[QWidget | None, str, Path]


@pytest.fixture(autouse=True)
def _fresh_log_file() -> Iterator[None]:
    """The logger keeps its first file handler; each test here reads its own log folder."""

    def drop() -> None:
        log = logging.getLogger("multivector")
        for handler in [h for h in log.handlers if isinstance(h, RotatingFileHandler)]:
            log.removeHandler(handler)
            handler.close()

    drop()
    yield
    drop()


@pytest.fixture
def reports(qtbot: QtBot) -> Iterator[tuple[QWidget, list[Report]]]:
    window = QWidget()
    qtbot.addWidget(window)
    seen: list[Report] = []
    install_exception_hook(lambda: window, dialog=lambda p, m, log: seen.append((p, m, log)))
    yield window, seen
    uninstall_exception_hook()


def _log_dir() -> Path:
    return Path(os.environ["MULTIVECTOR_LOG_DIR"])


def test_failure_in_a_slot_is_logged_and_reported(
        qtbot: QtBot, reports: tuple[QWidget, list[Report]]) -> None:
    window, seen = reports
    button = QPushButton("Go", window)
    clicks: list[int] = []

    def fail_first_time() -> None:
        clicks.append(1)
        if len(clicks) == 1:
            raise ValueError("partner table is\nmissing a row")

    button.clicked.connect(fail_first_time)
    button.click()
    qtbot.waitUntil(lambda: len(seen) == 1)
    parent, message, log = seen[0]
    assert parent is window
    assert message == "ValueError: partner table is missing a row"
    assert log.parent == _log_dir() and log.is_file()
    logged = log.read_text("utf-8")
    assert "partner table is" in logged and "fail_first_time" in logged  # the traceback
    button.click()  # the window goes on: the same button works the second time
    assert len(clicks) == 2 and len(seen) == 1


def test_failure_in_a_thread_is_reported_on_the_gui_thread(
        qtbot: QtBot, reports: tuple[QWidget, list[Report]]) -> None:
    _window, seen = reports
    shown_on: list[bool] = []
    install_exception_hook(lambda: None, dialog=lambda p, m, log: (
        shown_on.append(threading.current_thread() is threading.main_thread()),
        seen.append((p, m, log))))

    def work() -> None:
        raise KeyError("budget")

    worker = threading.Thread(target=work, name="analysis-worker")
    worker.start()
    worker.join()
    qtbot.waitUntil(lambda: len(seen) == 1)
    assert seen[0][1] == "KeyError: 'budget'" and shown_on == [True]
    assert "thread analysis-worker" in seen[0][2].read_text("utf-8")


def test_a_burst_of_the_same_failure_gives_one_dialog(
        qtbot: QtBot, reports: tuple[QWidget, list[Report]]) -> None:
    _window, seen = reports
    for _ in range(5):  # as a paint handler that fails on every repaint would
        QTimer.singleShot(0, lambda: 1 / 0)
    QTimer.singleShot(0, lambda: [][1])
    qtbot.waitUntil(lambda: len(seen) == 2)
    qtbot.wait(50)
    assert [m for _p, m, _l in seen] == ["ZeroDivisionError: division by zero",
                                         "IndexError: list index out of range"]
    assert seen[0][2].read_text("utf-8").count("ZeroDivisionError") >= 5  # all are logged


def test_a_failing_dialog_does_not_recurse(qtbot: QtBot, capsys: pytest.CaptureFixture[str]) -> None:
    calls: list[str] = []

    def broken_dialog(_parent: QWidget | None, message: str, _log: Path) -> None:
        calls.append(message)
        raise RuntimeError("dialog broke too")

    install_exception_hook(lambda: None, dialog=broken_dialog)
    try:
        QTimer.singleShot(0, lambda: 1 / 0)
        qtbot.waitUntil(lambda: len(calls) == 1)
        qtbot.wait(50)
    finally:
        uninstall_exception_hook()
    assert calls == ["ZeroDivisionError: division by zero"]
    err = capsys.readouterr().err
    assert "ZeroDivisionError" in err and "multivector.log" in err
    assert "dialog broke too" in (_log_dir() / "multivector.log").read_text("utf-8")


def test_the_default_dialog_names_the_message_and_log(qtbot: QtBot) -> None:
    window = QWidget()
    qtbot.addWidget(window)
    texts: list[str] = []

    def answer() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, answer)
            return
        texts.append(f"{box.objectName()}|{box.parent() is window}|{box.text()}|"
                     f"{box.informativeText()}")
        box.accept()

    install_exception_hook(lambda: window)
    try:
        QTimer.singleShot(0, lambda: int("twelve"))
        QTimer.singleShot(20, answer)
        qtbot.waitUntil(lambda: bool(texts), timeout=5000)
    finally:
        uninstall_exception_hook()
    name, is_child, text, info = texts[0].split("|")
    assert (name, is_child) == ("crashDialog", "True")
    assert "ValueError: invalid literal for int()" in text
    assert str(_log_dir() / "multivector.log") in info


def test_uninstall_restores_the_previous_hooks(qtbot: QtBot) -> None:
    before = sys.excepthook, threading.excepthook
    install_exception_hook(lambda: None, dialog=lambda *_a: None)
    assert sys.excepthook is not before[0] and threading.excepthook is not before[1]
    uninstall_exception_hook()
    assert (sys.excepthook, threading.excepthook) == before


def test_one_line_clips_long_messages() -> None:
    line = one_line(RuntimeError("x" * 1000 + "\n\nmore"))
    assert line.startswith("RuntimeError: xxx") and len(line) < 320 and "\n" not in line
    assert one_line(RuntimeError()) == "RuntimeError: (no message)"
