"""The window on the real engine: build_window, the contract's object names, --screenshot."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from multivector.explore.selection import NodeRef
from multivector.model.nodes import node_passages
from multivector.qt import build_window

ARTICLE = """Publication: Caucasus Security Review Volume: 2 Issue: 14

On March 3 Georgia 🇬🇪 adopted a new national security concept 📜. Tbilisi will deepen its \
strategic partnership with the United States, including training of officers and transfer of \
military technology. Georgia will also expand military cooperation with Turkey in naval security \
on the Black Sea.

Cooperation with NATO, through the Partnership for Peace (PfP) program, will continue with joint \
military exercises. The 2008 defense budget is 1.5 billion lari ($0.9 billion), an increase of 30% \
over last year.
"""


@pytest.fixture
def article(tmp_path: Path) -> Path:
    path = tmp_path / "georgia-security-concept.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    return path


def test_build_window_has_the_contract_widgets(qtbot: QtBot, article: Path) -> None:
    window = build_window(article)
    qtbot.addWidget(window)
    assert not window.isVisible()
    assert window.analysis is not None and window.analysis.focal.code == "GEO"
    for name in ("partnerTree", "reader", "evidenceList", "searchField"):
        assert window.findChild(QWidget, name) is not None, name
    assert "georgia-security-concept.txt" in window.windowTitle()
    window.show()
    qtbot.waitUntil(lambda: window.findChild(QWidget, "budgetPlot") is not None, timeout=3000)
    ids = {p.id for p in window.analysis.partners} | {a.id for a in window.analysis.areas}
    assert {"USA", "TUR", "NATO"} <= ids
    omap = window.reader.offsets
    for node_id in sorted(ids) + ["budget"]:
        assert window.select_node(NodeRef(node_id)) or window.select_node(node_id)
        expected = node_passages(window.analysis, node_id) if window.selected.scope is None else None
        if expected is not None:
            got = [(s.cursor.selectionStart(), s.cursor.selectionEnd())
                   for s in window.reader.extraSelections()]
            assert got == [(omap.to_qt(s.start), omap.to_qt(s.end)) for s in expected], node_id
            texts = [s.cursor.selectedText() for s in window.reader.extraSelections()]
            assert texts == [window.analysis.document.text[s.start:s.end] for s in expected]
    window.select_node("budget")
    everything = set(range(len(window.analysis.budget)))
    assert everything
    qtbot.waitUntil(lambda: window.plot.emphasised() == everything, timeout=1000)


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "multivector", *args], capture_output=True,
                          text=True, timeout=120)


def test_screenshot_command(article: Path, tmp_path: Path) -> None:
    out = tmp_path / "shot.png"
    result = _run("--screenshot", str(out), str(article), "--select", "TUR")
    assert result.returncode == 0, result.stderr
    image = QImage(str(out))
    assert (image.width(), image.height()) == (1440, 900)


def test_bad_file_and_bad_node_exit_2_with_one_line(article: Path, tmp_path: Path) -> None:
    missing = _run("--screenshot", str(tmp_path / "x.png"), str(tmp_path / "nope.txt"))
    assert missing.returncode == 2
    assert missing.stderr.count("\n") == 1 and "nope.txt" in missing.stderr
    node = _run("--screenshot", str(tmp_path / "x.png"), str(article), "--select", "ZZZ")
    assert node.returncode == 2 and "ZZZ" in node.stderr and node.stderr.count("\n") == 1
    assert not (tmp_path / "x.png").exists()


def test_screenshot_flags(article: Path, tmp_path: Path) -> None:
    out = tmp_path / "areas.png"
    result = _run("--screenshot", str(out), str(article), "--view", "areas", "--size", "1024x680",
                  "--focal", "GEO", "--select", "TUR")
    assert result.returncode == 0, result.stderr
    assert (QImage(str(out)).width(), QImage(str(out)).height()) == (1024, 680)
    bad = _run("--screenshot", str(out), str(article), "--size", "big")
    assert bad.returncode == 2 and "--size" in bad.stderr and bad.stderr.count("\n") == 1
    focal = _run("--screenshot", str(out), str(article), "--focal", "XYZ")
    assert focal.returncode == 2 and "XYZ" in focal.stderr


def test_every_node_the_tree_shows_is_selectable_by_id(qtbot: QtBot, article: Path) -> None:
    window = build_window(article)
    qtbot.addWidget(window)
    for mode in ("partner", "area"):
        window.set_tree_mode(mode)
        for ref in window.tree.node_refs():
            node_id = ref.node_id if ref.scope is None else f"{ref.scope}/{ref.node_id}"
            assert window.select_node(node_id), node_id
            assert window.selected == ref, node_id
