"""Start-up as `multivector FILE` does it: the article's text is on screen at the first paint,
before the engine has run, with a progress line where the tree will be; the corrections, the
library, printing and the plot are not even imported by then. The tree and the highlights
arrive when the analysis is done."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from pytestqt.qtbot import QtBot

from multivector.qt.views.budget_pane import WAITING
from multivector.qt.views.evidence_list import ANALYSING
from multivector.qt.window.app import open_window
from multivector.qt.window.layout import default_dock_widths

from .window_cleanup import discard_started

# Run in a fresh process: in the test session everything is imported already.
FIRST_PAINT = r"""
import json, os, sys
os.environ["QT_QPA_PLATFORM"] = "offscreen"
from multivector.qt.views.budget_pane import WAITING
from multivector.qt.views.evidence_list import ANALYSING
from multivector.qt.window.app import open_window
from multivector.qt.window.layout import default_dock_widths
from PySide6.QtCore import QEvent, QObject, QTimer

app, window = open_window(sys.argv[1], offscreen=True, fresh=True, wait=False)
seen = {}

class FirstPaint(QObject):
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint and "modules" not in seen:
            seen["modules"] = sorted(sys.modules)
            seen["reader_text"] = window.reader.toPlainText()
            seen["tree_busy"] = window.tree.busy
            seen["evidence_hint"] = window.evidence.hint
            seen["budget_line"] = window.budget_pane.line.text()
            seen["title"] = window.title_block.text()
            seen["tree_rows"] = window.tree.model.rowCount()
            seen["analysed"] = window.analysis is not None
        return False

watch = FirstPaint()
window.reader.viewport().installEventFilter(watch)

def analysed(_analysis):
    seen["after"] = {"tree_busy": window.tree.busy, "tree_rows": window.tree.model.rowCount(),
                     "highlights": len(window.reader.extraSelections())}
    QTimer.singleShot(0, app.quit)

window.analysis_changed.connect(analysed)
QTimer.singleShot(30_000, app.quit)
window.show()
app.exec()
print(json.dumps(seen))
"""

NOT_BEFORE_FIRST_PAINT = (
    "multivector.engine", "multivector.corrections", "multivector.library",
    "multivector.summary", "multivector.qt.corrections", "multivector.qt.library",
    "multivector.qt.printing", "multivector.qt.views.budget_plot", "multivector.qt.window.about",
    "pyqtgraph", "numpy", "qtawesome", "qtpy", "importlib.metadata", "sqlite3",
)
NEEDED = ("multivector.summary", "multivector.summary.matrix")  # the matrix view's counts


def _first_paint(article: Path) -> dict:
    out = subprocess.run([sys.executable, "-c", FIRST_PAINT, str(article)], capture_output=True,
                         text=True, timeout=120, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def test_the_text_is_painted_before_the_engine_runs(tmp_path: Path) -> None:
    from multivector.documents.loading import load_document
    from multivector.resources import bundled_article

    seen = _first_paint(bundled_article())
    assert seen["reader_text"] == load_document(bundled_article()).text
    assert seen["tree_busy"] and seen["tree_rows"] == 0 and not seen["analysed"]
    assert seen["evidence_hint"] == ANALYSING  # no blank pane: it says what is coming
    assert seen["budget_line"].startswith("Loading the budget plot")
    assert "Kazakhstan military doctrine" in seen["title"] and "About: …" in seen["title"]
    loaded = [m for m in seen["modules"] if m not in NEEDED
              and any(m == name or m.startswith(name + ".") for name in NOT_BEFORE_FIRST_PAINT)]
    assert loaded == []
    # Then the analysis arrives: the tree, and the strongest partner's passages highlighted.
    assert not seen["after"]["tree_busy"] and seen["after"]["tree_rows"] > 1
    assert seen["after"]["highlights"] > 0


def test_features_join_after_the_first_paint(qtbot: QtBot) -> None:
    _app, window = open_window(None, wait=False)
    try:
        assert window.corrections is None and window.library is None
        assert window.tree.busy and window.analysis is None and window.reader.toPlainText()
        window.show()
        qtbot.waitUntil(lambda: window.analysis is not None, timeout=10_000)
        assert window.corrections is not None and window.library is not None
        assert not window.tree.busy and window.selected is not None
        # The Undo History toggle the corrections add goes above the palette's, as it did when
        # every feature was there from the start.
        texts = [a.text() for a in window.menus.view_menu.actions() if not a.isSeparator()]
        assert texts.index("Undo &History") < texts.index("&Dark Palette") == len(texts) - 1
        qtbot.waitUntil(lambda: window.plot is not None, timeout=5000)
        assert window.plot.isVisibleTo(window.budget_pane)  # the bundled article has figures
        qtbot.waitUntil(lambda: window.actions.printing_installed, timeout=5000)
    finally:
        discard_started(window)


def test_a_failed_analysis_at_start_up_stops_the_progress_line(qtbot: QtBot,
                                                                tmp_path: Path) -> None:
    article = tmp_path / "note.txt"
    article.write_text("Estonia and Finland held a naval exercise in the Baltic Sea.\n",
                       encoding="utf-8")
    _app, window = open_window(article, focal="ZZZ", wait=False)
    try:
        window.show()
        qtbot.waitUntil(lambda: window.failure is not None, timeout=10_000)
        assert "ZZZ" in window.failure and not window.tree.busy and window.analysis is None
        assert window.reader.toPlainText().startswith("Estonia")  # the text stays readable
        qtbot.waitUntil(lambda: window.plot is not None, timeout=5000)
        # No analysis: the budget pane does not claim the article has no figures.
        assert not window.plot.isVisibleTo(window.budget_pane)
        assert window.budget_pane.line.text() == WAITING
        qtbot.waitUntil(lambda: window.error_box is not None, timeout=2000)
        window.error_box.accept()
    finally:
        discard_started(window)


EARLY = r"""
import json, sys
from multivector.documents.loading import load_document
from multivector.engine.pipeline import analyze_document
from multivector.model.errors import InputError
from multivector.model.serialize import analysis_to_json
from multivector.qt.window.early_analysis import EarlyAnalysis

document = load_document(sys.argv[1])
early, bad = EarlyAnalysis(document, None), EarlyAnalysis(document, "ZZZ")
out = {"started": early.started and bad.started}
out["same"] = analysis_to_json(early.result()) == analysis_to_json(analyze_document(document))
try:
    bad.result()
except InputError as err:
    out["bad"] = str(err)
import PySide6.QtCore  # with Qt loaded, no child is forked: the window analyses in-process
late = EarlyAnalysis(document, None)
out["late"] = late.started
try:
    late.result()
except RuntimeError:
    out["late_refused"] = True
print(json.dumps(out))
"""


def test_the_start_up_analysis_in_a_child_process_is_the_engine_s(tmp_path: Path) -> None:
    from multivector.resources import bundled_article

    result = subprocess.run([sys.executable, "-c", EARLY, str(bundled_article())],
                            capture_output=True, text=True, timeout=120, check=True)
    out = json.loads(result.stdout.strip().splitlines()[-1])
    if not sys.platform.startswith("linux"):
        assert out["started"] is False
        return
    assert out["started"] and out["same"]
    assert "ZZZ" in out["bad"]
    assert out["late"] is False and out["late_refused"]


def test_the_matrix_asked_for_at_start_up_widens_when_the_analysis_arrives(
        qtbot: QtBot) -> None:
    _app, window = open_window(None, wait=False)
    try:
        window.resize(1024, 680)
        window.show_matrix()  # as --view matrix does, before the window shows
        window.show()
        qtbot.waitUntil(lambda: window.analysis is not None, timeout=10_000)
        qtbot.wait(50)
        default = default_dock_widths(1024)[0]
        assert window.matrix.wanted_width() > default + 100  # its columns need more room
        assert window.matrix_dock.width() > default + 100  # and got it
    finally:
        discard_started(window)


def test_a_reader_scrolled_while_the_article_is_analysed_stays_where_it_is(
        qtbot: QtBot, tmp_path: Path) -> None:
    from multivector.resources import bundled_article

    header, _, body = bundled_article().read_text(encoding="utf-8").partition("\n\n")
    article = tmp_path / "long.txt"
    article.write_text("\n\n".join([header] + [body] * 40), encoding="utf-8")
    _app, window = open_window(article, wait=False)
    try:
        window.show()
        qtbot.waitExposed(window)
        assert window.analysis is None  # a long article: still being analysed
        bar = window.reader.verticalScrollBar()
        bar.setValue(bar.maximum() // 2)  # the user reads on meanwhile
        where = bar.value()
        qtbot.waitUntil(lambda: window.analysis is not None, timeout=20_000)
        assert window.selected is not None and window.spans  # the strongest partner
        assert abs(bar.value() - where) <= 3  # (the title block gains a line: "About: ...")
        assert window.reader.extraSelections()  # its passages near the view are drawn
    finally:
        discard_started(window)


def test_the_start_up_analysis_can_be_cancelled_and_read_again(qtbot: QtBot,
                                                                tmp_path: Path) -> None:
    from multivector.resources import bundled_article

    header, _, body = bundled_article().read_text(encoding="utf-8").partition("\n\n")
    article = tmp_path / "long.txt"
    article.write_text("\n\n".join([header] + [body] * 40), encoding="utf-8")
    _app, window = open_window(article, wait=False)
    try:
        window.show()
        qtbot.waitUntil(lambda: window.status.working, timeout=5000)  # analysing
        assert window.cancel_open()  # Esc
        assert not window.tree.busy and window.analysis is None
        assert window.reader.toPlainText().startswith("Publication")  # the text stays
        window.reload()  # File › Reload reads it again
        qtbot.waitUntil(lambda: window.analysis is not None, timeout=20_000)
        assert window.selected is not None and not window.tree.busy
    finally:
        discard_started(window)
