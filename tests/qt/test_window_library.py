"""The library in the window: Add to Library, Paste as New Article, Import Folder, the Library
and Across Articles docks, and opening an article or a passage from them."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

import multivector.qt.corrections.wiring as wiring_module
from multivector.library.store import Library
from multivector.qt import build_window
from multivector.qt.window.main_window import MainWindow

from .window_cleanup import discard

ARMENIA = """Publication: South Caucasus Defense Notes Volume: 5 Issue: 3

On May 12 Armenia 🇦🇲 approved a new defense strategy. Yerevan will deepen military cooperation \
with France in air defense and training of officers. Armenia will also buy artillery systems \
from India.

The 2023 defense budget is 555 billion drams ($1.4 billion), an increase of 46% over last year.
"""

MOLDOVA = """Publication: Black Sea Security Monitor Volume: 2 Issue: 9

Moldova 🇲🇩 adopted its national defense strategy on June 2. Chisinau will expand cooperation \
with Romania in border security and joint exercises. Cooperation with the European Union will \
continue in cyber defense.
"""

ARMENIA_2024 = """Publication: South Caucasus Defense Notes Volume: 6 Issue: 1

In January Armenia 🇦🇲 signed a defense cooperation plan with Greece 🇬🇷 covering military \
education and peacekeeping. Armenia will also buy radars from France.
"""


@pytest.fixture(autouse=True)
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "data"
    monkeypatch.setenv("MULTIVECTOR_DATA_DIR", str(folder))
    monkeypatch.setattr(wiring_module, "confirm_close", lambda ctl, parent: True)
    monkeypatch.setattr(wiring_module, "offer_recovery", lambda ctl, parent: False)
    return folder


@pytest.fixture
def articles(tmp_path: Path) -> dict[str, Path]:
    folder = tmp_path / "articles"
    folder.mkdir()
    paths = {}
    for name, text in (("armenia", ARMENIA), ("moldova", MOLDOVA), ("armenia-2024", ARMENIA_2024)):
        paths[name] = folder / f"{name}.txt"
        paths[name].write_text(text, encoding="utf-8")
    return paths


@pytest.fixture
def window(qtbot: QtBot, articles: dict[str, Path]) -> Iterator[MainWindow]:
    win = build_window(articles["armenia"])
    win.show()
    qtbot.waitExposed(win)
    qtbot.waitUntil(lambda: win.plot is not None, timeout=3000)
    yield win
    qtbot.waitUntil(lambda: not win.library.jobs, timeout=15000)  # no worker reports to it
    discard(win)


def _wait_jobs(qtbot: QtBot, win: MainWindow) -> None:
    qtbot.waitUntil(lambda: not win.library.jobs, timeout=15000)


def _rows(library: Library) -> list[tuple[str | None, str | None]]:
    return [(r.path and Path(r.path).name, r.focal_code) for r in library.articles()]


def _same(a: str | None, b: Path) -> bool:
    return a is not None and Path(a).resolve() == b.resolve()


def test_the_library_is_not_opened_until_used(window: MainWindow, data_dir: Path) -> None:
    assert window.library._library is None
    assert not (data_dir / "library.sqlite3").exists()
    assert not window.library.library_dock.isVisible()


def test_add_the_open_article(qtbot: QtBot, window: MainWindow, data_dir: Path) -> None:
    window.library.add_current.trigger()
    assert window.status.busy.isVisible()  # the work runs on a worker; the window stays usable
    _wait_jobs(qtbot, window)
    assert _rows(Library(data_dir / "library.sqlite3")) == [("armenia.txt", "ARM")]
    assert "Added" in window.statusBar().currentMessage()
    window.library.add_current.trigger()
    _wait_jobs(qtbot, window)
    assert "already in the library" in window.statusBar().currentMessage()
    assert not window.status.busy.isVisible()


def test_paste_as_new_article_adds_and_opens_it(
        qtbot: QtBot, window: MainWindow, data_dir: Path) -> None:
    QApplication.clipboard().setText(MOLDOVA)
    window.library.paste.trigger()
    _wait_jobs(qtbot, window)
    qtbot.waitUntil(lambda: window.analysis.focal.code == "MDA", timeout=15000)
    assert window.reader.toPlainText().startswith("Publication: Black Sea Security Monitor")
    assert Path(window.analysis.document.path).parent == data_dir / "pasted"
    assert {p.id for p in window.analysis.partners} >= {"ROU", "EU"}
    assert ("MDA" in [code for _name, code in _rows(Library(data_dir / "library.sqlite3"))])


def test_paste_with_an_empty_clipboard_says_so(window: MainWindow) -> None:
    QApplication.clipboard().setText("   ")
    assert window.library.paste_article() is None
    assert "no text" in window.statusBar().currentMessage()


def _open_library_dock(qtbot: QtBot, win: MainWindow) -> None:
    win.library.library_dock.toggleViewAction().trigger()
    qtbot.waitUntil(lambda: win.library.pane is not None, timeout=3000)


def test_library_dock_lists_and_opens_articles(
        qtbot: QtBot, window: MainWindow, articles: dict[str, Path]) -> None:
    window.library.import_paths([articles["moldova"].parent])
    _wait_jobs(qtbot, window)
    assert "Imported 3 new articles" in window.statusBar().currentMessage()
    _open_library_dock(qtbot, window)
    pane = window.library.pane
    assert window.library.library_dock.isVisible()
    assert pane.model.rowCount() == 3
    window.library.library_dock.toggleViewAction().trigger()
    assert not window.library.library_dock.isVisible()
    window.library.library_dock.toggleViewAction().trigger()
    pane.article_requested.emit(str(articles["moldova"]))
    qtbot.waitUntil(lambda: window.analysis.focal.code == "MDA", timeout=15000)
    assert _same(window.analysis.document.path, articles["moldova"])


def test_a_search_hit_opens_the_article_at_the_passage(
        qtbot: QtBot, window: MainWindow, articles: dict[str, Path]) -> None:
    window.library.import_paths(list(articles.values()))
    _wait_jobs(qtbot, window)
    _open_library_dock(qtbot, window)
    pane = window.library.pane
    pane.search_field.setText("Romania")
    pane.run_search()
    assert pane.model.rowCount() == 1
    table = pane.table
    table.setCurrentIndex(pane.model.index(0, 0))
    table.activated.emit(pane.model.index(0, 0))  # Enter or a double click on the hit
    qtbot.waitUntil(lambda: window.analysis.focal.code == "MDA", timeout=15000)
    # The flag before the hit is two UTF-16 units per letter: the reader converted the offsets.
    assert window.reader.textCursor().selectedText() == "Romania"


def test_passage_in_the_open_article_is_selected_at_once(
        window: MainWindow, articles: dict[str, Path]) -> None:
    text = window.analysis.document.text
    start = text.index("artillery systems")
    window.library.open_passage(str(articles["armenia"]), start, start + len("artillery systems"))
    assert not window.analysing
    assert window.reader.textCursor().selectedText() == "artillery systems"


def test_across_articles_shows_the_open_articles_country(
        qtbot: QtBot, window: MainWindow, articles: dict[str, Path]) -> None:
    window.library.import_paths(list(articles.values()))
    _wait_jobs(qtbot, window)
    window.library.cross_dock.toggleViewAction().trigger()
    qtbot.waitUntil(lambda: window.library.cross is not None, timeout=5000)
    cross = window.library.cross
    assert cross.focal_combo.currentData() == "ARM"
    assert cross.heading.text().startswith("2 undated articles")  # no dates in their headers
    partners = {cross.partners.item(r, 0).data(0x0100) for r in range(cross.partners.rowCount())}
    assert {"FRA", "IND", "GRC"} <= partners
    window.open_path(articles["moldova"])
    qtbot.waitUntil(lambda: cross.focal_combo.currentData() == "MDA", timeout=15000)


def test_across_articles_empties_for_a_country_not_in_the_library(
        qtbot: QtBot, window: MainWindow, articles: dict[str, Path], tmp_path: Path) -> None:
    window.library.import_paths([articles["moldova"]])
    _wait_jobs(qtbot, window)
    window.library.cross_dock.toggleViewAction().trigger()
    qtbot.waitUntil(lambda: window.library.cross is not None, timeout=5000)
    cross = window.library.cross
    cross.set_focal("MDA")
    assert cross.partners.rowCount() > 0
    other = tmp_path / "tajikistan.txt"
    other.write_text("Tajikistan held joint exercises with India on border security.", "utf-8")
    window.open_path(other)
    qtbot.waitUntil(lambda: "No article about Tajikistan" in cross.heading.text(), timeout=15000)
    assert cross.partners.rowCount() == 0  # not the previous country's table


def test_across_articles_before_the_country_is_in_the_library(
        qtbot: QtBot, window: MainWindow) -> None:
    window.library.cross_dock.toggleViewAction().trigger()
    qtbot.waitUntil(lambda: window.library.cross is not None, timeout=5000)
    assert "No article about Armenia" in window.library.cross.heading.text()


def test_screenshot_with_the_library_dock(
        qtbot: QtBot, window: MainWindow, articles: dict[str, Path]) -> None:
    window.library.import_paths(list(articles.values()))
    _wait_jobs(qtbot, window)
    window.resize(1440, 900)
    _open_library_dock(qtbot, window)
    window.select_node("FRA")
    window.flush()
    QApplication.processEvents()
    image = window.grab().toImage()
    dock = window.library.library_dock
    assert dock.geometry().height() >= 250 and dock.geometry().width() > 600
    image.save("/tmp/wired-library.png")
    assert Path("/tmp/wired-library.png").stat().st_size > 10000


def test_screenshot_mode_ignores_the_library_dock_left_open(
        qtbot: QtBot, window: MainWindow, articles: dict[str, Path], data_dir: Path,
        tmp_path: Path) -> None:
    _open_library_dock(qtbot, window)
    assert window.close()  # saves the dock state with the settings
    for made in data_dir.glob("library.sqlite3*"):
        made.unlink()  # so that only a filled dock can make it again
    from multivector.qt.window.app import run_window

    shot = tmp_path / "shot.png"
    assert run_window(str(articles["moldova"]), screenshot=str(shot)) == 0
    # Off-screen shots use the default layout (the contract): no library dock, no library.
    assert not (data_dir / "library.sqlite3").exists()
    from PySide6.QtGui import QImage

    assert QImage(str(shot)).height() == 900


def test_a_library_change_from_another_process_shows_in_the_open_pane(
        qtbot: QtBot, window: MainWindow, articles: dict[str, Path], data_dir: Path) -> None:
    window.library.import_paths([articles["armenia"]])
    _wait_jobs(qtbot, window)
    _open_library_dock(qtbot, window)
    pane = window.library.pane
    assert pane.model.rowCount() == 1
    pane.table.selectRow(0)
    import subprocess
    import sys

    # `multivector library add` in a process of its own, while the window stays open.
    subprocess.run([sys.executable, "-m", "multivector", "library", "add", "--db",
                    str(data_dir / "library.sqlite3"), str(articles["moldova"])],
                   check=True, capture_output=True, timeout=120)
    qtbot.waitUntil(lambda: pane.model.rowCount() == 2, timeout=10000)
    assert pane.table.currentIndex().row() >= 0  # the selection survived the refresh
    titles = {pane.model.index(r, 1).data() for r in range(2)}
    assert titles == {"Armenia", "Moldova"}


def test_view_menu_brings_a_tabbed_pane_to_the_front(
        qtbot: QtBot, window: MainWindow) -> None:
    _open_library_dock(qtbot, window)
    window.library.cross_dock.toggleViewAction().trigger()  # ticked: its tab comes to the front
    qtbot.waitUntil(lambda: window.library.cross is not None, timeout=5000)
    qtbot.waitUntil(lambda: not window.library.cross_dock.visibleRegion().isEmpty())
    assert window.library.library_dock.visibleRegion().isEmpty()  # behind, in the same place
    library_action = window.library.library_dock.toggleViewAction()
    library_action.trigger()  # unticked
    library_action.trigger()  # ticked again: in front again
    qtbot.waitUntil(lambda: not window.library.library_dock.visibleRegion().isEmpty())


def test_a_damaged_library_is_offered_a_repair_in_the_window(
        qtbot: QtBot, window: MainWindow, articles: dict[str, Path], data_dir: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    import sys

    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "core"))
    from librarygen import ARTICLES as GENERATED
    from librarygen import garbage_in_the_middle, healthy

    from multivector.qt.library import repair_dialog

    data_dir.mkdir(parents=True, exist_ok=True)
    db = healthy(data_dir / "library.sqlite3")
    garbage_in_the_middle(db, "mentions")  # the articles themselves stay readable
    offered: list[Path] = []
    monkeypatch.setattr(repair_dialog, "offer_repair",
                        lambda _parent, path: offered.append(path) or True)
    window.library.library_dock.toggleViewAction().trigger()
    qtbot.waitUntil(lambda: bool(offered), timeout=5000)
    assert offered == [db]
    _wait_jobs(qtbot, window)
    qtbot.waitUntil(lambda: window.library.pane is not None, timeout=5000)
    assert window.library.pane.model.rowCount() == len(GENERATED)
    assert "Library repaired" in window.statusBar().currentMessage()
    kept = [p for p in data_dir.glob("library.sqlite3.damaged-*")
            if not p.name.endswith(("-wal", "-shm"))]
    assert len(kept) == 1  # the damaged file, kept beside the library
