"""The analyst's choice of the country an article is about: "About: <country>" in the title
block, a new analysis from that side, kept with the corrections and used again on reopening."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

import multivector.qt.corrections.wiring as wiring_module
import multivector.qt.window.focal as focal_module
from multivector.corrections.locate import project_file_for, saved_focal
from multivector.corrections.project import load_project
from multivector.qt.window.app import open_window

ARTICLE = """Publication: Baltic Defence Notes Volume: 1 Issue: 3

Lithuania and Poland agreed on March 3 to deepen military cooperation, including joint \
exercises and training of officers. Lithuania will also buy air defense radars from Poland.
"""

from .window_cleanup import discard_started


@pytest.fixture
def article(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setattr(wiring_module, "confirm_close", lambda ctl, parent: True)
    monkeypatch.setattr(wiring_module, "offer_recovery", lambda ctl, parent: False)
    path = tmp_path / "baltic-notes.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    return path


def test_choosing_the_focal_country_analyses_again_and_is_kept(
        qtbot: QtBot, article: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _app, window = open_window(article)
    try:
        window.show()
        qtbot.waitExposed(window)
        detected = window.analysis.focal.code
        other = "POL" if detected != "POL" else "LTU"
        assert f"About: {window.analysis.focal.name}" in window.title_block.text()
        seen: list[tuple[list[str], str | None]] = []

        def answer(parent: object, analysis: object, current: str | None) -> tuple[str, str]:
            named, _others = focal_module.focal_candidates(analysis)  # type: ignore[arg-type]
            seen.append(([c for _n, c in named], current))
            return other, "the other one"

        monkeypatch.setattr(focal_module, "ask_focal", answer)
        window.title_block.linkActivated.emit("focal")  # a click on "About: ..."
        assert seen and seen[0][0][0] == detected and other in seen[0][0]
        qtbot.waitUntil(lambda: window.analysis.focal.code == other, timeout=10_000)
        assert "(your choice)" in window.title_block.text()
        assert window.analysis.partner(other) is None  # the focal country is no partner
        assert window.isWindowModified()
        assert window.corrections.save_now()
        project = project_file_for(str(article))
        assert project is not None and load_project(project).focal == other
        assert saved_focal(article) == other
        # Undo is a new analysis from the detected side again.
        window.corrections.undo.trigger()
        qtbot.waitUntil(lambda: window.analysis.focal.code == detected, timeout=10_000)
        window.corrections.redo.trigger()
        qtbot.waitUntil(lambda: window.analysis.focal.code == other, timeout=10_000)
    finally:
        discard_started(window)
    # Reopened, the article is analysed from the chosen side at once.
    _app, again = open_window(article)
    try:
        assert again.analysis.focal.code == other
        assert "(your choice)" in again.title_block.text()
    finally:
        discard_started(again)


def test_focal_flag_for_the_window(qtbot: QtBot, article: Path) -> None:
    _app, window = open_window(article, focal="EST")
    try:
        assert window.analysis.focal.code == "EST"
        assert "About: Estonia (your choice)" in window.title_block.text()
    finally:
        discard_started(window)
