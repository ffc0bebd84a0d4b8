"""Opening a big article: the window stays responsive, the status line shows how far the
analysis is, and Esc (or cancel_open) stops it, leaving the article that was open."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QThreadPool
from pytestqt.qtbot import QtBot

from multivector.qt.common.settings import Settings
from multivector.qt.window.compose import compose_window
from multivector.qt.window.main_window import MainWindow

from .sample import TEXT, sample_analysis
from .window_cleanup import discard


@pytest.fixture
def window(qtbot: QtBot) -> Iterator[MainWindow]:
    win = compose_window(Settings.open())
    win.set_analysis(sample_analysis())
    win.show()
    qtbot.waitExposed(win)
    yield win
    QThreadPool.globalInstance().waitForDone(60_000)  # no worker outlives the window
    discard(win)


@pytest.fixture
def big_article(tmp_path: Path) -> Path:
    path = tmp_path / "big.txt"
    path.write_text("\n\n".join([TEXT] * (1_500_000 // len(TEXT))), "utf-8")
    return path


def test_progress_then_cancel_keeps_the_article_shown(qtbot: QtBot, window: MainWindow,
                                                      big_article: Path) -> None:
    assert window.open_path(big_article)
    assert window.analysing and window.status.busy.isVisible()
    assert window._cancel_shortcut.isEnabled()  # noqa: SLF001  Esc is armed only now
    qtbot.waitUntil(lambda: "%" in window.status.label.text(), timeout=60_000)
    assert "big.txt" in window.status.label.text()
    assert window.cancel_open()
    assert not window.analysing and not window.status.busy.isVisible()
    QThreadPool.globalInstance().waitForDone(60_000)
    qtbot.wait(50)  # whatever the cancelled worker still sent has arrived
    assert window.reader.toPlainText() == TEXT  # still the article that was open
    assert window.analysis.document.path != str(big_article)
    assert not window._cancel_shortcut.isEnabled()  # noqa: SLF001
    assert not window.cancel_open()  # nothing left to cancel


def test_a_big_article_opens_when_left_alone(qtbot: QtBot, window: MainWindow,
                                             big_article: Path) -> None:
    with qtbot.waitSignal(window.analysis_changed, timeout=120_000):
        window.open_path(big_article)
    assert window.analysis.document.path == str(big_article.resolve())
    assert not window.status.busy.isVisible()
