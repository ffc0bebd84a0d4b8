"""File > Export / Import Annotations: an analyst's coding goes out as W3C Web Annotations and
comes back (from here or another tool) as undoable corrections."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

import multivector.qt.corrections.exchange as exchange
import multivector.qt.corrections.wiring as wiring_module
from multivector.model.analysis import Analysis, Span
from multivector.model.nodes import node_passages
from multivector.qt.common.settings import Settings
from multivector.qt.window.compose import compose_window
from multivector.qt.window.main_window import MainWindow

from .sample import CYBER, TEXT, sample_analysis, span
from .window_cleanup import discard


@pytest.fixture
def article(tmp_path: Path) -> Analysis:
    path = tmp_path / "nordic-brief.txt"
    path.write_text(TEXT, encoding="utf-8")
    base = sample_analysis()
    return replace(base, document=replace(base.document, path=str(path)))


@pytest.fixture
def window(qtbot: QtBot, article: Analysis, monkeypatch: pytest.MonkeyPatch) -> Iterator[MainWindow]:
    monkeypatch.setattr(wiring_module, "confirm_close", lambda ctl, parent: True)
    monkeypatch.setattr(wiring_module, "offer_recovery", lambda ctl, parent: False)
    win = compose_window(Settings.open())
    win.set_analysis(article)
    win.show()
    qtbot.waitExposed(win)
    yield win
    discard(win)


def test_file_menu_has_both_actions(window: MainWindow) -> None:
    texts = [a.text() for a in window.menus.file_menu.actions()]
    assert "&Export Annotations..." in texts and "&Import Annotations..." in texts


def test_export_then_import_gives_the_same_coding(
        window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    cyber = Span(*span(CYBER))
    window.corrections.edit(lambda c: c.assign(cyber, "SWE"))
    window.corrections.edit(lambda c: c.delete("NATO"))
    target = tmp_path / "out.jsonld"
    monkeypatch.setattr(exchange, "ask_save_path", lambda parent, suggested: str(target))
    window.corrections.exchange.export_action.trigger()
    data = json.loads(target.read_text(encoding="utf-8"))
    assert data["type"] == "AnnotationCollection" and data["total"] == 2
    assert "Exported 2 annotations" in window.statusBar().currentMessage()

    # Back to the machine's analysis, then the file brings the coding back in one undo step.
    window.corrections.undo.trigger()
    window.corrections.undo.trigger()
    assert cyber not in node_passages(window.analysis, "SWE")
    monkeypatch.setattr(exchange, "ask_open_path", lambda parent, folder: str(target))
    window.corrections.exchange.import_action.trigger()
    assert cyber in node_passages(window.analysis, "SWE")
    assert window.analysis.partner("NATO") is None
    window.corrections.undo.trigger()
    assert cyber not in node_passages(window.analysis, "SWE")
    assert window.analysis.partner("NATO") is not None


def test_import_from_another_tool_tags_passages_by_name(
        window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    start, end = span(CYBER)
    foreign = {"type": "AnnotationPage", "items": [
        {"id": "urn:x:1", "type": "Annotation", "motivation": "tagging",
         "body": [{"type": "TextualBody", "purpose": "tagging", "value": "Sweden"}],
         "target": {"source": "x", "selector": {"type": "TextQuoteSelector",
                                                "exact": TEXT[start:end]}}},
        {"id": "urn:x:2", "type": "Annotation",
         "body": [{"type": "TextualBody", "purpose": "tagging", "value": "Atlantis"}],
         "target": {"source": "x", "selector": {"type": "TextQuoteSelector",
                                                "exact": TEXT[start:end]}}},
    ]}
    source = tmp_path / "hypothesis.json"
    source.write_text(json.dumps(foreign), encoding="utf-8")
    monkeypatch.setattr(exchange, "ask_open_path", lambda parent, folder: str(source))
    assert window.corrections.exchange.import_() == 1
    assert Span(start, end) in node_passages(window.analysis, "SWE")
    assert "1 skipped" in window.statusBar().currentMessage()
    source.write_text("{not json", encoding="utf-8")
    assert window.corrections.exchange.import_() == 0
    assert "not JSON" in window.statusBar().currentMessage()
