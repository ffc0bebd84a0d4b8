"""A timeline of each partner's mentions (passages per article) by article date.

Each partner's line has the colour of its row in the partners table (`node_color` by rank), so
the table is the legend: a legend inside the plot would hide the points. Hovering over a point
names the partner, the date and the number of passages.

The x axis is the article's date (seconds since 1970, UTC), ticked in years, months or days,
whichever the range needs, and labelled as dates a person reads ("2007", "Apr 2007",
"9 Apr 2007"). An article with no date in its header is not guessed onto the axis: its points
stand apart, right of a dashed line, at a tick labelled "undated".

Imports pyqtgraph: load this module after the window's first paint.
"""

from __future__ import annotations

import math
from datetime import UTC, datetime

import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from multivector.library.aggregate import PartnerAggregate
from multivector.library.dates import UNDATED, date_parts, long_date
from multivector.qt.common.icons import node_color

MAX_CURVES = 10  # more lines than this is a tangle, not a picture
DAY = 86400.0
# Room left and right of the dates, by the precision of the least precise one: a single date
# still gets a stretch of axis around it, ticked in units it is known to (years, months, days).
MIN_PAD = {"year": 400 * DAY, "month": 45 * DAY, "day": 4 * DAY}
TICK_PIXELS = 90  # at least this many pixels between labelled ticks
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def date_value(sort_date: str) -> float | None:
    """Seconds since 1970 for a "YYYY-MM-DD" with zeros for unknown parts (mid-year/mid-month)."""
    parts = date_parts(sort_date)
    if parts is None:
        return None
    year, month, day = parts
    return datetime(year, month or 7, day or (15 if month else 1), tzinfo=UTC).timestamp()


def _key(value: float) -> str:
    """The sort key of a point's date (to the day: the tip is as precise as the axis)."""
    moment = _moment(value)
    return f"{moment.year:04d}-{moment.month:02d}-{moment.day:02d}"


def _moment(value: float) -> datetime:
    clamped = min(max(value, -62135596800.0), 253402214400.0)  # years 1 to 9999
    return datetime.fromtimestamp(clamped, tz=UTC)


def _month_ticks(low: float, high: float, step: int) -> list[float]:
    start = _moment(low)
    year, month = start.year, start.month
    ticks = []
    while True:
        value = datetime(year, month, 1, tzinfo=UTC).timestamp()
        if value > high:
            return ticks
        if value >= low and (month - 1) % step == 0:
            ticks.append(value)
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)


def _precision(partners: list[PartnerAggregate]) -> str:
    """"year", "month" or "day": how precisely the least precise dated article is dated."""
    parts = [date_parts(m.sort_date) for p in partners for m in p.mentions if m.sort_date]
    if any(part and not part[1] for part in parts):
        return "year"
    if any(part and not part[2] for part in parts):
        return "month"
    return "day"


class DateAxis(pg.AxisItem):
    """Ticks at the first of a year, month or day, labelled as dates; and an "undated" tick."""

    def __init__(self) -> None:
        super().__init__("bottom")
        self.undated_x: float | None = None  # where the undated articles stand
        self.last_dated: float | None = None  # no date tick beyond the dated articles' stretch
        self._labels: dict[float, str] = {}

    def tickValues(self, minVal: float, maxVal: float, size: float) -> list:  # noqa: N802,N803
        low, high = sorted((minVal, maxVal))
        most = max(2, int(size / TICK_PIXELS))
        self._labels = {}
        if self.last_dated is not None:
            self._date_ticks(low, min(high, self.last_dated), most)
        if self.undated_x is not None and low <= self.undated_x <= high:
            self._labels[self.undated_x] = UNDATED
        values = sorted(self._labels)
        spacing = (values[1] - values[0]) if len(values) > 1 else max(high - low, 1.0)
        return [(spacing, values)]

    def _date_ticks(self, low: float, high: float, most: int) -> None:
        if high <= low:
            return
        years = (high - low) / (365.25 * DAY)
        if years >= 2:
            step = next((s for s in (1, 2, 5, 10, 20, 50) if years / s <= most), 100)
            first = _moment(low).year
            for year in range(max(first - first % step, 1), _moment(high).year + 1, step):
                value = datetime(year, 1, 1, tzinfo=UTC).timestamp()
                if low <= value <= high:
                    self._labels[value] = str(year)
            return
        months = years * 12
        if months >= 2:
            step = next((s for s in (1, 2, 3, 6) if months / s <= most), 12)
            for value in _month_ticks(low, high, step):
                moment = _moment(value)
                self._labels[value] = f"{_MONTHS[moment.month - 1]} {moment.year}"
            return
        days = (high - low) / DAY
        step = next((s for s in (1, 2, 7, 14) if days / s <= most), 28)
        value = math.ceil(low / DAY) * DAY
        while value <= high:
            moment = _moment(value)
            if (moment.day - 1) % step == 0:
                self._labels[value] = f"{moment.day} {_MONTHS[moment.month - 1]} {moment.year}"
            value += DAY

    def tickStrings(self, values: list[float], scale: float,  # noqa: N802
                    spacing: float) -> list[str]:
        return [self._labels.get(value, "") for value in values]

    def labels(self) -> list[str]:
        """The labels shown for the axis's range now (what a reader sees under the plot)."""
        low, high = self.range
        values = self.tickValues(low, high, max(self.width(), 1.0))[0][1]
        return [self._labels[value] for value in values]


class PartnerTimeline(pg.PlotWidget):
    """One line per partner (the most frequent ones); x is the article date, y the passages."""

    def __init__(self, parent: QWidget | None = None) -> None:
        self.axis = DateAxis()
        super().__init__(parent, axisItems={"bottom": self.axis})
        self.setObjectName("crossTimeline")
        self.setBackground(None)
        self.setLabel("left", "passages")  # per article; longer would be cut in a low dock
        self.showGrid(x=True, y=True, alpha=0.2)
        self.getPlotItem().setMenuEnabled(False)
        self.getPlotItem().setMouseEnabled(x=True, y=False)
        self.separator = pg.InfiniteLine(angle=90, movable=False,
                                         pen=pg.mkPen("#888888", style=Qt.PenStyle.DashLine))
        self.addItem(self.separator)
        self.curves: dict[str, pg.PlotDataItem] = {}  # by partner id, reused across focals
        self.points: dict[str, list[tuple[float, int]]] = {}  # the points shown, by partner
        self._pool: list[pg.PlotDataItem] = []
        self._slots: dict[int, float] = {}  # article id -> x of an undated article

    def tip(self, name: str, x: float, y: float) -> str:
        """"Russia: 3 passages, Apr 2007" for the point under the mouse."""
        when = UNDATED if x in self._slots.values() else long_date(_key(x))
        return f"{name}: {int(y)} passage{'' if int(y) == 1 else 's'}, {when}"

    def _curve(self, index: int) -> pg.PlotDataItem:
        while len(self._pool) <= index:
            item = pg.PlotDataItem(symbol="o", symbolSize=7, connect="finite")
            self.addItem(item)
            self._pool.append(item)
        return self._pool[index]

    def set_partners(self, partners: tuple[PartnerAggregate, ...]) -> None:
        """Show the first MAX_CURVES partners (the caller sorts them by importance)."""
        self.curves, self.points = {}, {}
        shown = list(partners[:MAX_CURVES])
        dated = [v for p in shown for m in p.mentions if (v := date_value(m.sort_date)) is not None]
        undated = any(not m.sort_date for p in shown for m in p.mentions)
        low, high = (min(dated), max(dated)) if dated else (0.0, 0.0)
        pad = max((high - low) * 0.08, MIN_PAD[_precision(shown)])
        undated_x = (high + 2 * pad) if dated else 0.0
        self.axis.last_dated = high + pad if dated else None
        self.axis.undated_x = undated_x if undated else None
        self.separator.setPos(high + pad)
        self.separator.setVisible(bool(dated and undated))
        # Each undated article has a slot of its own in the undated stretch, so that a partner
        # named in two undated articles shows two points, not one on top of the other.
        loose = sorted({m.article_id for p in shown for m in p.mentions if not m.sort_date})
        width = pad * 0.8
        self._slots = {article: undated_x + (i - (len(loose) - 1) / 2) * width / max(len(loose), 1)
                       for i, article in enumerate(loose)}
        for index, partner in enumerate(shown):
            self._show(index, partner)
        for item in self._pool[len(shown):]:
            item.setData([], [])
            item.hide()
        right = undated_x + pad if undated else high + pad
        left = low - pad if dated else undated_x - pad
        self.getPlotItem().setXRange(left, right, padding=0)
        self.getPlotItem().enableAutoRange(axis="y")

    def _show(self, index: int, partner: PartnerAggregate) -> None:
        points = [(value, m.passages) for m in partner.mentions
                  if (value := date_value(m.sort_date)) is not None]
        xs = [x for x, _y in points]
        ys: list[float] = [float(y) for _x, y in points]
        for mention in partner.mentions:  # each undated point alone: no line joins it to a date
            if not mention.sort_date:
                x = self._slots[mention.article_id]
                xs += [math.nan, x]
                ys += [math.nan, float(mention.passages)]
                points.append((x, mention.passages))
        color = node_color(index)
        item = self._curve(index)
        item.setData(xs, ys, name=partner.name, connect="finite")
        item.setPen(pg.mkPen(color, width=2))
        item.setSymbolBrush(color)
        item.setSymbolPen(color)
        item.scatter.opts["hoverable"] = True
        item.scatter.opts["tip"] = lambda x, y, _data, name=partner.name: self.tip(name, x, y)
        item.show()
        self.curves[partner.id] = item
        self.points[partner.id] = points
