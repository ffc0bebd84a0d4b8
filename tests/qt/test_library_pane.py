"""The library pane and the cross-article view, off screen, on generated articles."""

from __future__ import annotations

import sys
from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "core"))  # the article generator
from articlegen import generate_many, truth_analyzer  # noqa: E402

from multivector.library.aggregate import focal_summary  # noqa: E402
from multivector.library.dates import long_date, sort_date  # noqa: E402
from multivector.library.store import Library  # noqa: E402
from multivector.qt.library.cross_view import CrossArticleView  # noqa: E402
from multivector.qt.library.model import HIT_ROLE, PATH_ROLE  # noqa: E402
from multivector.qt.library.pane import LibraryPane  # noqa: E402
from multivector.qt.library.timeline import date_value  # noqa: E402

ARTICLES = generate_many(30, seed=5)


@pytest.fixture
def library(tmp_path: Path) -> Library:
    lib = Library(tmp_path / "lib.sqlite3", analyzer=truth_analyzer(ARTICLES), fingerprint="t")
    for i, article in enumerate(ARTICLES):
        path = tmp_path / f"article{i:02d}.txt"
        path.write_text(article.text, encoding="utf-8")
        lib.add_path(path)
    yield lib
    lib.close()


def test_pane_lists_articles_by_date(qtbot, qtmodeltester, library: Library) -> None:
    pane = LibraryPane(library)
    qtbot.addWidget(pane)
    qtmodeltester.check(pane.model)
    model = pane.model
    assert model.rowCount() == len(ARTICLES)
    dates = [library.article(model.index(r, 0).data(Qt.ItemDataRole.UserRole)).sort_date
             for r in range(model.rowCount())]
    assert dates == sorted(dates, reverse=True)
    newest = max(ARTICLES, key=lambda a: library.find_sha256(a.truth.document.sha256).sort_date)
    assert model.index(0, 0).data() == long_date(sort_date(newest.date))  # "12 Jan 2024"
    assert model.index(0, 3).data() == newest.truth.focal.name
    assert model.index(0, 4).data() == str(len(newest.truth.partners))
    with qtbot.waitSignal(pane.article_requested) as signal:
        pane.table.activated.emit(model.index(0, 1))
    assert signal.args == [model.index(0, 0).data(PATH_ROLE)]


def test_search_opens_the_article_at_the_hit(qtbot, qtmodeltester, library: Library) -> None:
    pane = LibraryPane(library)
    qtbot.addWidget(pane)
    qtbot.keyClicks(pane.search_field, "granite")
    qtbot.waitUntil(lambda: pane.model.searching)
    qtmodeltester.check(pane.model)
    expected = {a.text for a in ARTICLES if "Granite" in a.text}
    assert pane.model.rowCount() == len(expected) > 0
    assert pane.model.headerData(5, Qt.Orientation.Horizontal) == "Match"
    assert "[Granite]" in pane.model.index(0, 5).data()
    index = pane.model.index(0, 1)
    with qtbot.waitSignal(pane.passage_requested) as signal:
        pane.table.activated.emit(index)
    path, start, end = signal.args
    assert Path(path).read_text(encoding="utf-8")[start:end] == "Granite"
    assert index.data(HIT_ROLE) == (start, end)
    pane.search_field.clear()
    qtbot.waitUntil(lambda: not pane.model.searching)
    assert pane.model.rowCount() == len(ARTICLES)
    pane.search_field.setText('"')
    pane.run_search()
    assert "at least one word" in pane.status.text()


def test_cross_view_partners_timeline_and_budget(qtbot, library: Library) -> None:
    view = CrossArticleView(library)
    qtbot.addWidget(view)
    view.resize(900, 900)
    view.show()
    qtbot.waitExposed(view)
    code = library.focal_countries()[0][0]
    summary = focal_summary(library, code)
    assert view.focal_combo.currentData() == code
    assert view.partners.rowCount() == len(summary.partners)
    first_row_articles = view.partners.item(0, 1).data(Qt.ItemDataRole.DisplayRole)
    assert first_row_articles == summary.partners[0].articles
    top = summary.partners[0]
    xs, ys = view.timeline.curves[top.id].getData()
    assert list(ys) == [m.passages for m in top.mentions]
    assert list(xs) == [date_value(m.sort_date) for m in top.mentions]

    spots = view.budget.scatter.points()
    assert len(spots) == len(summary.budget)
    spot = spots[0]
    point = spot.data()
    box = view.budget.getPlotItem().vb

    def in_view() -> bool:  # the view box fits its range to the data on the next paint
        (x0, x1), (y0, y1) = box.viewRange()
        return x0 < spot.pos().x() < x1 and y0 < spot.pos().y() < y1

    qtbot.waitUntil(in_view)
    with qtbot.waitSignal(view.passage_requested) as signal:
        scene_pos = box.mapViewToScene(spot.pos())
        widget_pos = view.budget.mapFromScene(scene_pos)
        qtbot.mouseClick(view.budget.viewport(), Qt.MouseButton.LeftButton, pos=widget_pos)
    path, start, end = signal.args
    text = Path(path).read_text(encoding="utf-8")
    assert text[start:end].startswith(f"The {point.year} defense budget is")


def test_conflicting_figures_stand_side_by_side(qtbot, library: Library) -> None:
    view = CrossArticleView(library)
    qtbot.addWidget(view)
    for code, _name, _count in library.focal_countries():
        view.set_focal(code)
        conflicts = view.summary.conflicts()
        if conflicts:
            break
    else:
        pytest.fail("the generated articles should hold a conflicting budget figure")
    (year, _currency), points = next(iter(conflicts.items()))
    xs = sorted(s.pos().x() for s in view.budget.scatter.points()
                if s.data().year == year and s.data().conflict)
    assert len(xs) == len(points) > 1
    assert len(set(xs)) == len(xs) and all(abs(x - year) < 0.5 for x in xs)
    assert "conflicting budget figures" in view.heading.text()


@pytest.mark.parametrize("query", ["exercise", "exercises", "Exercising"])
def test_stemmed_search_finds_inflected_forms(qtbot, tmp_path: Path, query: str) -> None:
    forms = ("exercise", "exercises", "exercised", "exercising")
    texts = [f"Chile and Peru held a naval {form} off Arica." for form in forms]
    texts.append("Chile and Peru signed a border agreement.")
    with Library(tmp_path / "stem.sqlite3", fingerprint="t",
                 analyzer=lambda doc: replace(ARTICLES[0].truth, document=doc)) as lib:
        for i, text in enumerate(texts):
            path = tmp_path / f"s{i}.txt"
            path.write_text(text, encoding="utf-8")
            lib.add_path(path)
        pane = LibraryPane(lib)
        qtbot.addWidget(pane)
        pane.search_field.setText(query)
        pane.run_search()
        found = {Path(pane.model.index(r, 0).data(PATH_ROLE)).read_text(encoding="utf-8")
                 for r in range(pane.model.rowCount())}
        assert found == set(texts[:4])
        assert pane.status.text() == "4 matching articles"
        for row in range(pane.model.rowCount()):  # each hit opens at its own inflected form
            start, end = pane.model.index(row, 0).data(HIT_ROLE)
            path = pane.model.index(row, 0).data(PATH_ROLE)
            assert Path(path).read_text(encoding="utf-8")[start:end] in forms


def test_derived_titles_fitted_columns_and_plurals(qtbot, tmp_path: Path) -> None:
    path = tmp_path / "armenia_defense-strategy.txt"
    path.write_text(ARTICLES[0].text, encoding="utf-8")
    with Library(tmp_path / "one.sqlite3", analyzer=truth_analyzer(ARTICLES),
                 fingerprint="t") as lib:
        lib.add_path(path)
        pane = LibraryPane(lib)
        qtbot.addWidget(pane)
        pane.resize(1000, 300)
        pane.show()
        qtbot.waitExposed(pane)
        assert pane.status.text() == "1 article"
        assert pane.model.index(0, 1).data() == "Armenia defense strategy"  # not the file name
        metrics = pane.table.fontMetrics()
        for column in (0, 2, 3, 4):  # every cell whole, and no column much wider than needed
            text = str(pane.model.index(0, column).data())
            header = pane.model.headerData(column, Qt.Orientation.Horizontal)
            need = max(metrics.horizontalAdvance(text), metrics.horizontalAdvance(header))
            assert need <= pane.table.columnWidth(column) <= need + 40
        assert pane.table.columnWidth(1) > pane.table.columnWidth(4) * 3  # the title has room
