"""A timeline of each partner's mentions (passages per article) by article date.

Imports pyqtgraph: load this module after the window's first paint.
"""

from __future__ import annotations

from datetime import UTC, datetime

import pyqtgraph as pg
from PySide6.QtWidgets import QWidget

from multivector.library.aggregate import PartnerAggregate
from multivector.qt.common.icons import node_color

MAX_CURVES = 10  # more lines than this is a tangle, not a picture


def date_value(sort_date: str) -> float | None:
    """Seconds since 1970 for a "YYYY-MM-DD" with zeros for unknown parts (mid-year/mid-month)."""
    if not sort_date:
        return None
    year, month, day = (int(part) for part in sort_date.split("-"))
    return datetime(year, month or 7, day or (15 if month else 1), tzinfo=UTC).timestamp()


class PartnerTimeline(pg.PlotWidget):
    """One line per partner (the most frequent ones); x is the article date, y the passages."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, axisItems={"bottom": pg.DateAxisItem(orientation="bottom")})
        self.setObjectName("crossTimeline")
        self.setBackground(None)
        self.setLabel("left", "passages per article")
        self.showGrid(x=True, y=True, alpha=0.2)
        self.getPlotItem().setMenuEnabled(False)
        self._legend = self.addLegend(offset=(10, 10))
        self.curves: dict[str, pg.PlotDataItem] = {}  # by partner id, reused across focals
        self._pool: list[pg.PlotDataItem] = []

    def _curve(self, index: int) -> pg.PlotDataItem:
        while len(self._pool) <= index:
            item = pg.PlotDataItem(symbol="o", symbolSize=7)
            self.addItem(item)
            self._pool.append(item)
        return self._pool[index]

    def set_partners(self, partners: tuple[PartnerAggregate, ...]) -> None:
        """Show the first MAX_CURVES partners (the caller sorts them by importance)."""
        self._legend.clear()
        self.curves = {}
        shown = [p for p in partners if any(m.sort_date for m in p.mentions)][:MAX_CURVES]
        for index, partner in enumerate(shown):
            points = [(date_value(m.sort_date), m.passages) for m in partner.mentions
                      if m.sort_date]
            color = node_color(index)
            item = self._curve(index)
            item.setData([x for x, _y in points], [y for _x, y in points], name=partner.name)
            item.setPen(pg.mkPen(color, width=2))
            item.setSymbolBrush(color)
            item.setSymbolPen(color)
            item.show()
            self._legend.addItem(item, partner.name)
            self.curves[partner.id] = item
        for item in self._pool[len(shown):]:
            item.setData([], [])
            item.hide()
        self.getPlotItem().enableAutoRange()
