"""The budget plot: layout numbers, drawn pixels, emphasis, exports and its context menu."""

from __future__ import annotations

import csv
import io
from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtCore import QPointF
from PySide6.QtGui import QColor, QImage
from PySide6.QtSvg import QSvgRenderer
from pytestqt.qtbot import QtBot

from multivector.model.analysis import Span
from multivector.qt.common.icons import BUDGET_COLOR
from multivector.qt.views.budget_plot import SHARE_COLOR, BudgetPlot, render_budget_chart
from multivector.summary.chart import layout, nice_ticks, to_csv, tooltip

from .sample import sample_analysis


def _near(color: QColor, target: QColor, tolerance: int = 40) -> bool:
    return all(abs(a - b) <= tolerance for a, b in zip(color.getRgb()[:3], target.getRgb()[:3]))


def _green_pixels(image: QImage) -> int:
    target = QColor(BUDGET_COLOR)
    return sum(_near(image.pixelColor(x, y), target, 12)
               for x in range(0, image.width(), 2) for y in range(0, image.height(), 2))


def test_layout_converts_and_scales() -> None:
    lay = layout(sample_analysis())
    assert lay is not None
    assert (lay.currency, lay.scale_name, lay.axis_label()) == ("EUR", "billion", "billion EUR")
    assert lay.usd_per_unit == pytest.approx(6.6 / 6.1)
    heights = {(b.year, b.kind): b.height for b in lay.bars}
    assert heights == {(2024, "stated"): pytest.approx(6.1), (2023, "derived"): pytest.approx(6.1 / 1.28),
                       (2025, "qualitative"): None}
    assert [b.figure for b in lay.bars] == ["4.77", "6.1", ""]  # derived: three digits
    assert lay.years == [2023, 2024, 2025]
    assert [(p.year, p.share) for p in lay.shares] == [(2024, 2.3)]


def test_axis_ticks_are_round_in_both_currencies() -> None:
    lay = layout(sample_analysis())
    assert lay is not None
    assert [label for _, label in lay.ticks] == ["0", "2", "4", "6", "8"]
    # dollars on the right: round dollar values, placed where they fall on the euro axis
    assert lay.axis_label("USD") == "billion USD"
    assert [label for _, label in lay.usd_ticks] == ["0", "2.5", "5.0", "7.5"]
    assert lay.usd_ticks[1][0] == pytest.approx(2.5 / (6.6 / 6.1))
    assert [label for _, label in lay.share_ticks] == ["0", "1", "2", "3"]


def test_nice_ticks_never_read_like_a_conversion() -> None:
    assert [label for _, label in nice_ticks(1.23)] == ["0", "0.5", "1.0", "1.5"]
    assert [label for _, label in nice_ticks(142.56)] == ["0", "50", "100", "150"]
    assert [label for _, label in nice_ticks(0.4)] == ["0", "0.1", "0.2", "0.3", "0.4"]


def test_a_series_of_shares_alone_is_laid_out_by_year() -> None:
    analysis = sample_analysis()
    shares = tuple(replace(analysis.budget[0], year=year, amount=None, currency=None, usd=None,
                           gdp_share_pct=share, change_pct=None, hedged=("gdp_share",))
                   for year, share in ((2018, 1.0), (2019, 1.1), (2020, 1.1), (2021, 1.2)))
    lay = layout(replace(analysis, budget=shares))
    assert lay is not None and not lay.has_amounts and lay.bars == ()
    assert [(p.year, p.share, p.approximate) for p in lay.shares] == [
        (2018, 1.0, True), (2019, 1.1, True), (2020, 1.1, True), (2021, 1.2, True)]
    assert lay.years == [2018, 2019, 2020, 2021]


def test_usd_only_figures_share_the_currency_axis() -> None:
    analysis = sample_analysis()
    usd_only = replace(analysis.budget[0], year=2022, amount=None, currency=None, usd=3.3e9)
    lay = layout(replace(analysis, budget=analysis.budget + (usd_only,)))
    assert lay is not None
    bar = next(b for b in lay.bars if b.year == 2022)
    assert bar.height == pytest.approx(3.3 / (6.6 / 6.1))


def test_tooltip_has_every_value() -> None:
    text = tooltip(sample_analysis().budget[0])
    assert text.splitlines() == ["2024 · stated", "6.1 billion EUR (6.6 billion USD)",
                                 "2.3% of GDP", "+28% on the year before"]
    assert "no figure" in tooltip(sample_analysis().budget[2])


def test_bars_are_drawn_where_the_data_says(qtbot: QtBot) -> None:
    plot = BudgetPlot()
    qtbot.addWidget(plot)
    plot.resize(500, 320)
    plot.show()
    qtbot.waitExposed(plot)
    plot.set_analysis(sample_analysis())
    image = plot.grab().toImage()
    vb = plot.getPlotItem().vb

    def pixel(x: float, y: float) -> QColor:
        point = plot.mapFromScene(vb.mapViewToScene(QPointF(x, y)))
        return image.pixelColor(point.x(), point.y())

    assert _near(pixel(2024, 3.0), QColor(BUDGET_COLOR))  # inside the stated bar: solid
    assert not _near(pixel(2024, 6.6), QColor(BUDGET_COLOR))  # above it
    assert plot.fact_at(2024.1, 3.0) == 0 and plot.fact_at(2023, 2.0) == 1
    assert plot.fact_at(2024.5, 3.0) is None


def test_emphasis_fades_facts_the_node_does_not_touch(qtbot: QtBot) -> None:
    analysis = sample_analysis()
    plain = render_budget_chart(analysis, 400, 260)
    faded = render_budget_chart(analysis, 400, 260, node_id="NOR")
    everything = render_budget_chart(analysis, 400, 260, node_id="budget")
    assert plain.pixelColor(3, 3) == QColor("white")  # print style: white ground
    assert _green_pixels(plain) > 200
    assert _green_pixels(everything) == _green_pixels(plain)
    assert _green_pixels(faded) == 0


def test_exports_svg_png_csv(qtbot: QtBot, tmp_path: Path) -> None:
    plot = BudgetPlot()
    qtbot.addWidget(plot)
    plot.resize(420, 280)
    plot.set_analysis(sample_analysis())
    plot.export_svg(tmp_path / "b.svg")
    assert QSvgRenderer(str(tmp_path / "b.svg")).isValid()
    plot.export_png(tmp_path / "b.png")
    assert QImage(str(tmp_path / "b.png")).width() == 420
    plot.export_csv(tmp_path / "b.csv")
    rows = list(csv.DictReader(io.StringIO((tmp_path / "b.csv").read_text())))
    assert [(r["year"], r["kind"], r["currency"]) for r in rows] == [
        ("2024", "stated", "EUR"), ("2023", "derived", "EUR"), ("2025", "qualitative", "")]
    assert (tmp_path / "b.csv").read_text() == to_csv(sample_analysis())


def test_context_menu_has_our_exports_and_not_pyqtgraphs(qtbot: QtBot) -> None:
    plot = BudgetPlot()
    qtbot.addWidget(plot)
    texts = [a.text() for a in plot.context_menu.actions()]
    assert texts == ["Export PNG image...", "Export SVG image...", "Export data (CSV)..."]
    assert plot.scene().contextMenu == []
    assert not plot.getPlotItem().menuEnabled()


def test_empty_budget_says_so(qtbot: QtBot) -> None:
    plot = BudgetPlot()
    qtbot.addWidget(plot)
    plot.set_analysis(replace(sample_analysis(), budget=()))
    assert plot._empty.isVisible()
    assert plot.objectName() == "budgetPlot"


def _plot_with(qtbot: QtBot, analysis: object) -> tuple[BudgetPlot, QImage]:
    plot = BudgetPlot()
    qtbot.addWidget(plot)
    plot.resize(520, 320)
    plot.show()
    qtbot.waitExposed(plot)
    plot.set_analysis(analysis)  # type: ignore[arg-type]
    return plot, plot.grab().toImage()


def _pixel(plot: BudgetPlot, image: QImage, x: float, y: float, box: object = None) -> QColor:
    vb = box or plot.getPlotItem().vb
    point = plot.mapFromScene(vb.mapViewToScene(QPointF(x, y)))  # type: ignore[attr-defined]
    return image.pixelColor(point.x(), point.y())


def test_planned_bars_are_outlined_and_shares_are_a_line_on_their_own_axis(qtbot: QtBot) -> None:
    analysis = sample_analysis()
    stated = analysis.budget[0]
    planned = replace(stated, year=2026, amount=7.0e9, usd=None, gdp_share_pct=2.5,
                      change_pct=None, kind="planned")
    plot, image = _plot_with(qtbot, replace(analysis, budget=(*analysis.budget, planned)))
    assert _near(_pixel(plot, image, 2024, 3.0), QColor(BUDGET_COLOR))  # stated: solid
    assert not _near(_pixel(plot, image, 2026, 3.0), QColor(BUDGET_COLOR))  # planned: hollow
    assert plot._share_axis.isVisible()
    share = _pixel(plot, image, 2026, 2.5, plot._share_box)
    assert _near(share, QColor(SHARE_COLOR), 60)  # the share point of 2026 on its own axis


def test_shares_alone_take_the_left_axis_and_the_current_year_is_marked(qtbot: QtBot) -> None:
    analysis = sample_analysis()
    shares = tuple(replace(analysis.budget[0], year=y, amount=None, currency=None, usd=None,
                           gdp_share_pct=s, change_pct=None, start=10 * i, end=10 * i + 5,
                           passages=())
                   for i, (y, s) in enumerate(((2018, 1.0), (2019, 1.1), (2020, 1.2))))
    plot, image = _plot_with(qtbot, replace(analysis, budget=shares))
    assert not plot._share_axis.isVisible()
    assert plot.getPlotItem().getAxis("left").labelText == "% of GDP"
    assert _near(_pixel(plot, image, 2019, 1.1), QColor(SHARE_COLOR), 60)
    plot.set_current(Span(12, 14))  # inside the 2019 fact's passage
    assert plot.current_years() == [2019]


def test_chart_image_for_print_draws_the_bars_on_white(qapp: object) -> None:
    from multivector.qt.printing.chart_image import chart_image

    image = chart_image(sample_analysis(), 400, 240)
    assert (image.width(), image.height()) == (400, 240)
    assert image.pixelColor(2, 2) == QColor("white")
    assert _green_pixels(image) > 200


def test_a_selection_updates_the_plot_items_and_never_adds_any(qtbot: QtBot) -> None:
    """Emphasis and the current year go through setData / setOpts on the items made once."""
    analysis = sample_analysis()
    plot = BudgetPlot()
    qtbot.addWidget(plot)
    plot.set_analysis(analysis)
    items = list(plot.getPlotItem().items)
    for node in ("NOR", "budget", "SWE", None):
        plot.set_emphasis(node)
        fact = analysis.budget[0]
        plot.set_current(Span(fact.start, fact.end) if node else None)
        assert plot.getPlotItem().items == items
    plot.set_emphasis("NOR")
    assert plot.emphasised() == set()  # Norway's passages state no budget figure
    plot.set_analysis(analysis)  # the same article again: the same items, redrawn
    assert plot.getPlotItem().items == items


def _year_labels(plot: BudgetPlot) -> list[str]:
    ticks = plot.getPlotItem().getAxis("bottom")._tickLevels  # what setTicks was given
    return [label for _value, label in ticks[0]]


def test_year_labels_shorten_when_the_plot_is_narrow(qtbot: QtBot) -> None:
    plot = BudgetPlot()
    qtbot.addWidget(plot)
    plot.resize(700, 300)
    plot.set_analysis(sample_analysis())
    plot.show()
    qtbot.waitExposed(plot)
    assert _year_labels(plot) == ["2023", "2024", "2025"]
    plot.resize(150, 300)  # a squeezed dock: four digits a year would run into each other
    qtbot.waitUntil(lambda: _year_labels(plot)[0].startswith("’"))
    assert _year_labels(plot)[-1] == "’25"
