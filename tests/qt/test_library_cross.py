"""Across Articles on real (small) articles through the real engine: dates on a date axis and
undated articles shown as undated, partners by articles then passages, areas by name and icon,
the budget plot only with figures, and a partner's passages across articles opening each one."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from multivector.library.store import Library
from multivector.qt.library.cross_tables import ID_ROLE
from multivector.qt.library.cross_view import PASSAGES_TAB, CrossArticleView

DATED_2023 = """Publication: South Caucasus Defense Notes
Date: May 12, 2023

Armenia approved a new defense strategy. Yerevan will deepen military cooperation with France \
in air defense and training of officers. Armenia will also buy artillery systems from India.
"""
DATED_2024 = """Publication: South Caucasus Defense Notes
Date: January 15, 2024

Armenia signed a defense cooperation plan with Greece covering military education and \
peacekeeping. Armenia will also buy radars from France.

France will train Armenian officers in cyber defense next year.
"""
UNDATED = """Publication: Yerevan Security Review

Armenia and France held joint military exercises near Yerevan, and France trains Armenian \
officers in air defense. India will deliver more artillery systems to Armenia.
"""
BUDGET = """Publication: South Caucasus Defense Notes
Date: June 2, 2023

Armenia will buy air defense systems from France.

The 2023 defense budget is 555 billion drams ($1.4 billion), an increase of 46% over last year.
"""
LABEL = re.compile(r"^(\d{4}|[A-Z][a-z]{2} \d{4}|\d{1,2} [A-Z][a-z]{2} \d{4}|undated)$")


def _library(tmp_path: Path, texts: dict[str, str]) -> Library:
    library = Library(tmp_path / "lib.sqlite3")
    for name, text in texts.items():
        path = tmp_path / f"{name}.txt"
        path.write_text(text, encoding="utf-8")
        library.add_path(path)
    return library


@pytest.fixture
def view(qtbot, tmp_path: Path) -> CrossArticleView:
    library = _library(tmp_path, {"a2023": DATED_2023, "a2024": DATED_2024, "undated": UNDATED})
    widget = CrossArticleView(library)
    qtbot.addWidget(widget)
    widget.resize(1400, 420)
    widget.show()
    qtbot.waitExposed(widget)
    widget.set_focal("ARM")
    yield widget
    library.close()


def _column(view: CrossArticleView, column: int) -> list[object]:
    return [view.partners.item(r, column).data(Qt.ItemDataRole.DisplayRole)
            for r in range(view.partners.rowCount())]


def test_timeline_ticks_are_dates_and_the_undated_article_is_undated(
        qtbot, view: CrossArticleView) -> None:
    axis = view.timeline.axis
    qtbot.waitUntil(lambda: bool(axis.labels()))
    labels = axis.labels()
    assert all(LABEL.match(label) for label in labels), labels
    assert labels[-1] == "undated"
    assert labels.count("undated") == 1
    assert len(labels) > 1
    assert "3 articles, 12 May 2023 to 15 Jan 2024 and 1 undated" in view.heading.text()
    france = view.timeline.points["FRA"]
    undated = [x for x, _y in france if x > view.timeline.separator.value()]
    dated = [x for x, _y in france if x < view.timeline.separator.value()]
    assert len(undated) == 1
    assert len(dated) == 2
    assert view.timeline.tip("France", undated[0], 2) == "France: 2 passages, undated"
    assert view.timeline.tip("France", min(dated), 1) == "France: 1 passage, 12 May 2023"


@pytest.mark.parametrize(("dates", "pattern"), [
    (("May 12, 2023",), r"^\d{1,2} [A-Z][a-z]{2} \d{4}$"),  # a day: days around it
    (("May 12, 2023", "May 15, 2023"), r"^\d{1,2} [A-Z][a-z]{2} \d{4}$"),  # days apart: days
    (("March 2010",), r"^[A-Z][a-z]{2} \d{4}$"),  # a month: months around it
    (("2007",), r"^\d{4}$"),  # a year: years around it
    (("2001", "May 15, 2023"), r"^\d{4}$"),  # years apart: years
])
def test_tick_labels_fit_the_range(qtbot, tmp_path: Path, dates: tuple[str, ...],
                                   pattern: str) -> None:
    texts = {f"a{i}": DATED_2023.replace("May 12, 2023", date) for i, date in enumerate(dates)}
    with _library(tmp_path, texts) as library:
        view = CrossArticleView(library)
        qtbot.addWidget(view)
        view.resize(1400, 420)
        view.show()
        qtbot.waitExposed(view)
        qtbot.waitUntil(lambda: bool(view.timeline.axis.labels()))
        labels = view.timeline.axis.labels()
        assert len(labels) >= 2
        assert all(re.match(pattern, label) for label in labels), labels
        assert "undated" not in labels
        assert not view.timeline.separator.isVisible()


def test_partners_by_articles_then_passages_with_areas_by_name(view: CrossArticleView) -> None:
    summary = view.summary
    order = [(p.articles, p.passages) for p in summary.partners]
    assert order == sorted(order, reverse=True)
    assert _column(view, 0)[0] == "France"  # in all three articles
    assert [view.partners.item(r, 0).data(ID_ROLE) for r in range(view.partners.rowCount())] \
        == [p.id for p in summary.partners]
    france_areas = _column(view, 5)[0]
    assert "Air defense" in france_areas
    assert "Training" in france_areas
    assert "_" not in "".join(_column(view, 5))  # names, never ids like air_space_control
    assert _column(view, 3)[0] == "12 May 2023"
    assert _column(view, 4)[0] == "15 Jan 2024"
    labels = [view.areas.item(r, 0).text() for r in range(view.areas.rowCount())]
    assert labels == [a.label for a in summary.areas]
    assert "Training" in labels
    assert all(not view.areas.item(r, 0).icon().isNull() for r in range(len(labels)))
    assert view.partners.visualRect(view.partners.model().index(5, 0)).bottom() \
        < view.partners.viewport().height()  # room for six rows at least


def test_the_budget_plot_only_when_there_are_figures(qtbot, view: CrossArticleView,
                                                     tmp_path: Path) -> None:
    assert not view.budget.isVisible()  # none of the three articles gives a figure
    with _library(tmp_path / "more", {"budget": BUDGET, "a2023": DATED_2023}) as library:
        view.set_library(library)
        view.set_focal("ARM")
        assert view.budget.isVisible()
        assert 2023 in [p.year for p in view.summary.budget if p.amount]


def test_a_partners_passages_across_articles_open_each_article(
        qtbot, view: CrossArticleView) -> None:
    assert not view.tabs.isTabEnabled(PASSAGES_TAB)
    assert view.tabs.currentIndex() == 0
    row = _column(view, 0).index("France")
    view.partners.cellActivated.emit(row, 0)
    assert view.tabs.currentIndex() == PASSAGES_TAB
    assert view.tabs.tabText(PASSAGES_TAB) == "Passages: France"
    table = view.passage_table
    rows = [[table.item(r, c).data(Qt.ItemDataRole.DisplayRole) for c in range(4)]
            for r in range(table.rowCount())]
    assert len(rows) == sum(p.passages for p in view.summary.partners if p.id == "FRA")
    dates = [r[1] for r in rows]  # newest article first, the undated one last
    assert dates == sorted(dates, key=["15 Jan 2024", "12 May 2023", "undated"].index)
    assert dates[0] == "15 Jan 2024"
    assert dates[-1] == "undated"
    assert all(isinstance(r[2], int) and r[2] >= 1 for r in rows)  # ¶ numbers
    for index, (_article, _date, _para, sentence) in enumerate(rows):
        with qtbot.waitSignal(view.passage_requested) as signal:
            table.cellActivated.emit(index, 3)
        path, start, end = signal.args
        text = Path(path).read_text(encoding="utf-8")
        assert " ".join(text[start:end].split()) == sentence
        assert "France" in sentence


def test_another_focal_country_goes_back_to_the_partners(view: CrossArticleView,
                                                         tmp_path: Path) -> None:
    view.partners.cellActivated.emit(0, 0)
    assert view.tabs.currentIndex() == PASSAGES_TAB
    view.show_nothing("No article about Moldova is in the library yet")
    assert view.tabs.currentIndex() == 0  # the partners tab, not the areas
    assert not view.tabs.isTabEnabled(PASSAGES_TAB)
