"""A project file that fails validation cannot break the window: opened from File > Open the
window stays on the article it showed, with that article's Save and undo; as the first article
the window opens it without corrections and says why."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from pytestqt.qtbot import QtBot

from multivector.model.analysis import Analysis
from multivector.qt.window.main_window import MainWindow

from .sample import TEXT, sample_analysis
from .test_window_corrections import _no_questions, make_window  # noqa: F401  (fixtures)

HOSTILE = "[" * 100_000 + "]" * 100_000


def _article(folder: Path, name: str, project: str | None = None) -> Analysis:
    path = folder / name
    path.write_text(TEXT, encoding="utf-8")
    if project is not None:
        Path(str(path) + ".multivector.json").write_text(project, encoding="utf-8")
    base = sample_analysis()
    return replace(base, document=replace(base.document, path=str(path)))


def test_opening_an_article_with_a_hostile_project_keeps_the_one_shown(
        qtbot: QtBot, make_window: Callable[[Analysis], MainWindow], tmp_path: Path) -> None:
    window = make_window(_article(tmp_path, "first.txt"))
    window.corrections.edit(lambda c: c.delete("NATO"))
    first_controller = window.corrections.controller
    shown = window.analysis

    window.set_analysis(_article(tmp_path, "second.txt", HOSTILE))  # what File > Open ends in

    assert window.analysis is shown  # the reader, tree and title still show the first article
    assert window.corrections.controller is first_controller
    assert window.corrections.group.activeStack() is first_controller.undo_stack
    assert first_controller.undo_stack.canUndo() and window.corrections.undo.isEnabled()
    assert window.corrections.save.isEnabled()
    assert window.isWindowModified()  # the first article's unsaved work is still marked
    message = window.statusBar().currentMessage()
    assert "second.txt not opened" in message and "nested deeper" in message
    window.corrections.undo.trigger()
    assert window.analysis.partner("NATO") is not None  # undo acts on the article shown


def test_a_hostile_project_of_the_first_article_opens_it_uncorrected(
        qtbot: QtBot, make_window: Callable[[Analysis], MainWindow], tmp_path: Path) -> None:
    huge = ('{"format": "multivector-corrections", "schema": 1, "article": {"sha256": "x"}, '
            '"edits": [' + "9" * 5000 + "]}")
    article = _article(tmp_path, "only.txt", huge)
    window = make_window(article)
    assert window.analysis.document.path == article.document.path
    assert window.analysis.partner("NATO") is not None
    assert "Corrections not loaded" in window.statusBar().currentMessage()
    assert window.corrections.controller.base.document.path == article.document.path
