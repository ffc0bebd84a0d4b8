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

from multivector.qt.common.icons import BUDGET_COLOR
from multivector.qt.views.budget_plot import BudgetPlot, render_budget_chart
from multivector.summary.chart import layout, to_csv, tooltip

from .sample import sample_analysis


def _near(color: QColor, target: QColor, tolerance: int = 40) -> bool:
    return all(abs(a - b) <= tolerance for a, b in zip(color.getRgb()[:3], target.getRgb()[:3]))


def _green_pixels(image: QImage) -> int:
    target = QColor(BUDGET_COLOR)
    return sum(_near(image.pixelColor(x, y), target, 12)
               for x in range(0, image.width(), 2) for y in range(0, image.height(), 2))


def test_layout_converts_and_scales() -> None:
    lay = layout(sample_analysis())
    assert (lay.currency, lay.scale_name) == ("EUR", "billions")
    assert lay.usd_per_unit == pytest.approx(6.6 / 6.1)
    heights = {(b.fact.year, b.fact.kind): b.height for b in lay.bars}
    assert heights == {(2024, "stated"): pytest.approx(6.1), (2023, "derived"): pytest.approx(6.1 / 1.28),
                       (2025, "qualitative"): None}
    assert lay.years == [2023, 2024, 2025]


def test_usd_only_figures_share_the_currency_axis() -> None:
    analysis = sample_analysis()
    usd_only = replace(analysis.budget[0], year=2022, amount=None, currency=None, usd=3.3e9)
    lay = layout(replace(analysis, budget=analysis.budget + (usd_only,)))
    bar = next(b for b in lay.bars if b.fact.year == 2022)
    assert bar.height == pytest.approx(3.3 / (6.6 / 6.1))


def test_tooltip_has_every_value() -> None:
    text = tooltip(sample_analysis().budget[0])
    assert text.splitlines() == ["2024 · stated", "6.1 billion EUR ($6.6 billion)", "2.3% of GDP",
                                 "+28% on the year before"]
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
