"""The budget series gathered from all of a country's articles: a point per figure, clickable to
open its source passage. Figures that disagree for the same year stand side by side; derived
figures are hollow; a direction without a number sits on the axis as an arrow.

Imports pyqtgraph: load this module after the window's first paint.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict

import pyqtgraph as pg
from PySide6.QtCore import Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QWidget

from multivector.engine.budget.numbers import format_money
from multivector.library.aggregate import BudgetPoint
from multivector.qt.common.icons import BUDGET_COLOR

CONFLICT_COLOR = "#d62728"
SIDE_BY_SIDE = 0.18  # years between figures of the same year
MAX_YEAR_TICKS = 10


def _tip(x: float, y: float, data: BudgetPoint) -> str:
    figure = format_money(data.amount, data.currency) if data.amount is not None \
        else f"direction: {data.direction or 'unknown'}"
    note = "\nconflicts with another article's figure" if data.conflict else ""
    return f"{data.year}: {figure} ({data.kind})\n{data.article_label} {data.sort_date}{note}"


class LibraryBudgetPlot(pg.PlotWidget):
    """Budget figures of many articles in one currency (the most common one)."""

    passage_requested = Signal(str, int, int)  # path, start, end of the figure's passage

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("crossBudget")
        self.setBackground(None)
        self.showGrid(x=False, y=True, alpha=0.2)
        self.getPlotItem().setMenuEnabled(False)
        self.scatter = pg.ScatterPlotItem(hoverable=True, tip=_tip, size=12)
        self.scatter.sigClicked.connect(self._clicked)
        self.addItem(self.scatter)
        self.currency: str | None = None

    def set_points(self, points: tuple[BudgetPoint, ...]) -> None:
        currencies = Counter(p.currency for p in points if p.amount is not None and p.currency)
        self.currency = currencies.most_common(1)[0][0] if currencies else None
        shown = [p for p in points if p.amount is None or p.currency == self.currency]
        per_year: dict[int | None, list[BudgetPoint]] = defaultdict(list)
        for point in shown:
            per_year[point.year].append(point)
        spots = []
        for year, group in per_year.items():
            if year is None:
                continue
            conflicting = [p for p in group if p.conflict]
            for point in group:
                x = float(year)
                if point in conflicting and len(conflicting) > 1:
                    i = conflicting.index(point)
                    x += (i - (len(conflicting) - 1) / 2) * SIDE_BY_SIDE
                spots.append(self._spot(point, x))
        self.scatter.setData(spots=spots)
        self.setLabel("left", f"billion {self.currency}" if self.currency else "")
        years = [year for year in per_year if year is not None]
        if years:  # whole years on the axis ("2006", never "2006.5"), a year's room each side
            step = max(1, math.ceil((max(years) - min(years) + 1) / MAX_YEAR_TICKS))
            self.getAxis("bottom").setTickSpacing(major=step, minor=step)
            self.setXRange(min(years) - 0.6, max(years) + 0.6, padding=0)
        self.getPlotItem().enableAutoRange(axis="y")

    @staticmethod
    def _spot(point: BudgetPoint, x: float) -> dict[str, object]:
        color = QColor(CONFLICT_COLOR if point.conflict else BUDGET_COLOR)
        if point.amount is None:
            symbol = "t1" if point.direction == "up" else "t"
            return {"pos": (x, 0.0), "data": point, "symbol": symbol, "brush": color,
                    "pen": pg.mkPen(color)}
        hollow = point.kind == "derived"
        return {"pos": (x, point.amount / 1e9), "data": point, "symbol": "o",
                "brush": pg.mkBrush(None) if hollow else color,
                "pen": pg.mkPen(color, width=2, style=pg.QtCore.Qt.PenStyle.DashLine
                                if hollow else pg.QtCore.Qt.PenStyle.SolidLine)}

    def _clicked(self, _item: object, spots: list[object], *_event: object) -> None:
        for spot in spots[:1]:
            point: BudgetPoint = spot.data()  # type: ignore[attr-defined]
            if point.path:
                self.passage_requested.emit(point.path, point.start, point.end)
