"""The budget plot: summary/chart.py's layout drawn with pyqtgraph. Bars by year (stated solid,
planned outlined, derived hatched, a direction alone an arrow), the currency on the left axis and
US dollars on the right, the share of GDP as a line on its own axis (on the left when the text
gives shares alone), the facts of the selected node's passages brought out, values in tooltips.

Imports pyqtgraph, so the window loads this module after its first paint. Every plot item is
created once; a new analysis or selection only updates them (setData, setOpts, setTicks).
"""

from __future__ import annotations

from pathlib import Path

import pyqtgraph as pg
from PySide6.QtCore import QBuffer, QIODevice, QPointF, QRect, QSize, Qt
from PySide6.QtGui import QBrush, QColor, QContextMenuEvent, QImage, QPainter, QPalette, QPen
from PySide6.QtSvg import QSvgGenerator
from PySide6.QtWidgets import QApplication, QFileDialog, QMenu, QToolTip, QWidget

from multivector.model.analysis import Analysis, Span
from multivector.model.nodes import BUDGET_NODE, node_passages
from multivector.platform.storage import atomic_write_bytes, atomic_write_text
from multivector.qt.common.icons import BUDGET_COLOR
from multivector.summary.chart import Bar, BudgetLayout, layout, to_csv, tooltip

BAR_WIDTH = 0.6
BAND_WIDTH = 0.9
FADED = 60  # alpha of facts the selected node does not touch
SHARE_COLOR = "#c0504d"
# Pixels a year needs on the axis for "2007", and for "’07" (below that, every other year).
YEAR_LABEL_PX = 44
SHORT_YEAR_LABEL_PX = 28
_KINDS = ("stated", "planned", "derived")


class BudgetPlot(pg.PlotWidget):
    """The budget facts of one analysis; `set_emphasis` brings out those of a node's passages."""

    def __init__(self, parent: QWidget | None = None, print_style: bool = False) -> None:
        super().__init__(parent)
        self.setObjectName("budgetPlot")
        self.setAccessibleName("Budget plot")
        self.setToolTip("Defense budget by year; right-click to export")
        self.setMinimumSize(QSize(220, 160))
        self._print = print_style
        self._analysis: Analysis | None = None
        self._layout: BudgetLayout | None = None
        self._emphasis: set[int] | None = None  # indexes into analysis.budget; None: all plain
        item = self.getPlotItem()
        item.setMenuEnabled(False)
        item.hideButtons()
        item.setMouseEnabled(x=False, y=False)
        item.showAxis("right")
        # the year of the passage the reader shows: a pale band behind its bar
        self._band = pg.BarGraphItem(x=[], height=[], width=BAND_WIDTH, pen=pg.mkPen(None))
        self._band.setZValue(-10)
        self.addItem(self._band)
        self._current: Span | None = None
        self._bars = {kind: pg.BarGraphItem(x=[], height=[], width=BAR_WIDTH) for kind in _KINDS}
        for bars in self._bars.values():
            self.addItem(bars)
        # The share of GDP: in its own view box with its own axis beside the dollar axis, or in
        # the main view box when the text gives shares and no amounts.
        self._share_box = pg.ViewBox(enableMouse=False)
        self._share_box.setZValue(10)  # the line runs over the bars
        self._share_axis = pg.AxisItem("right")
        item.layout.addItem(self._share_axis, 2, 3)
        item.scene().addItem(self._share_box)
        self._share_axis.linkToView(self._share_box)
        self._share_box.setXLink(item.vb)
        item.vb.sigResized.connect(self._fit_share_box)
        self._share_line = pg.PlotDataItem()
        self._share_box.addItem(self._share_line)
        self._share_main = pg.PlotDataItem()
        self.addItem(self._share_main)
        self._labels: list[pg.TextItem] = []  # a pool: grown when needed, never rebuilt
        self._arrows: list[pg.ArrowItem] = []
        self._empty = pg.TextItem("No budget figures in this article", anchor=(0.5, 0.5))
        self.addItem(self._empty)
        self.scene().contextMenu = []  # pyqtgraph's "Export..." breaks on SVG: ours replace it
        self.context_menu = self._build_menu()
        self.scene().sigMouseMoved.connect(self._hover)
        self._apply_style()

    def _fit_share_box(self) -> None:
        self._share_box.setGeometry(self.getPlotItem().vb.sceneBoundingRect())

    # -- data ----------------------------------------------------------------------------------
    def set_analysis(self, analysis: Analysis | None) -> None:
        """Lay out a new analysis's facts and draw them, every fact plain."""
        self._analysis = analysis
        self._layout = layout(analysis) if analysis else None
        bars = self._layout.bars if self._layout else ()
        self._grow(self._labels, len(bars), lambda: pg.TextItem("", anchor=(0.5, 1.0)))
        arrows = sum(1 for b in bars if b.height is None)
        self._grow(self._arrows, arrows, lambda: pg.ArrowItem(headLen=18, tailLen=26, tailWidth=5))
        self._emphasis = None
        self._current = None
        self._redraw()
        self._set_axes(self._layout)

    def _grow(self, pool: list, size: int, make: object) -> None:
        while len(pool) < size:
            new = make()  # type: ignore[operator]
            pool.append(new)
            self.addItem(new)
        for i, graphic in enumerate(pool):
            graphic.setVisible(i < size)

    def set_emphasis(self, node_id: str | None, spans: tuple[Span, ...] | None = None) -> None:
        """Bring out the facts whose passages the node's passages (or `spans`) touch."""
        if self._analysis is None or node_id is None:
            self._emphasis = None
        elif node_id == BUDGET_NODE:
            self._emphasis = set(range(len(self._analysis.budget)))
        else:
            spans = spans if spans is not None else node_passages(self._analysis, node_id)
            self._emphasis = {i for i, f in enumerate(self._analysis.budget)
                              if any(s.start < f.end and f.start < s.end for s in spans)}
        self._redraw()

    def set_current(self, span: Span | None) -> None:
        """Mark the year of the passage the reader shows (the facts that passage states)."""
        self._current = span
        self._draw_band()

    def current_years(self) -> list[int]:
        """The years marked as the current passage's."""
        if self._analysis is None or self._current is None:
            return []
        span = self._current
        return sorted({f.year for f in self._analysis.budget if f.year is not None
                       and any(p.start < span.end and span.start < p.end
                               for p in (f.passages or (Span(f.start, f.end),)))})

    def _draw_band(self) -> None:
        lay = self._layout
        years = self.current_years() if lay else []
        top = (lay.top if lay.has_amounts else lay.share_top) * 1.15 if lay else 1.0
        color = QColor(BUDGET_COLOR)
        color.setAlpha(40)
        self._band.setOpts(x=years, height=[top] * len(years), width=BAND_WIDTH,
                           brush=pg.mkBrush(color))

    def emphasised(self) -> set[int] | None:
        """Indexes (into analysis.budget) of the facts drawn strong; None when none is faded."""
        return None if self._emphasis is None else set(self._emphasis)

    # -- drawing -------------------------------------------------------------------------------
    def _colors(self) -> tuple[QColor, QColor]:
        if self._print:
            return QColor("white"), QColor("black")
        pal = self.palette()
        return pal.color(QPalette.ColorRole.Base), pal.color(QPalette.ColorRole.Text)

    def _apply_style(self) -> None:
        background, foreground = self._colors()
        self.setBackground(background)
        for axis in (*(self.getPlotItem().getAxis(n) for n in ("left", "bottom", "right")),
                     self._share_axis):
            axis.setPen(foreground)
            axis.setTextPen(foreground)
        self._share_axis.setTextPen(QColor(SHARE_COLOR))
        self._empty.setColor(foreground)

    def _faded(self, index: int) -> bool:
        return self._emphasis is not None and index not in self._emphasis

    def _bar_style(self, index: int, kind: str) -> tuple[QPen, QBrush]:
        color = QColor(BUDGET_COLOR)
        if self._faded(index):
            color.setAlpha(FADED)
        pen = QPen(color.darker(130) if color.alpha() == 255 else color, 2)
        pen.setCosmetic(True)
        if kind == "derived":
            pen.setStyle(Qt.PenStyle.DashLine)
            return pen, QBrush(color, Qt.BrushStyle.BDiagPattern)
        if kind == "planned":
            return pen, QBrush(Qt.BrushStyle.NoBrush)
        return pen, QBrush(color)

    def _redraw(self) -> None:
        lay = self._layout
        bars = lay.bars if lay else ()
        self._empty.setVisible(not bars and not (lay and lay.shares))
        _, foreground = self._colors()
        for kind, group in self._bars.items():
            mine = [b for b in bars if b.height is not None and b.kind == kind]
            styles = [self._bar_style(b.index, kind) for b in mine]
            group.setOpts(x=[b.year for b in mine], height=[b.height for b in mine],
                          width=BAR_WIDTH, pens=[s[0] for s in styles] or None,
                          brushes=[s[1] for s in styles] or None)
        arrows = iter(self._arrows)
        for bar, label in zip(bars, self._labels, strict=False):
            label.setColor(QColor(foreground.red(), foreground.green(), foreground.blue(),
                                  FADED if self._faded(bar.index) else 255))
            self._place(bar, label, next(arrows) if bar.height is None else None)
        self._draw_shares(lay)
        self._draw_band()

    def _place(self, bar: Bar, label: pg.TextItem, arrow: pg.ArrowItem | None) -> None:
        top = self._layout.top if self._layout else 1.0
        if arrow is None:
            label.setText("\n".join(t for t in (bar.note, bar.figure) if t))
            label.setAnchor((0.5, 1.0))
            label.setPos(bar.year, bar.height or 0.0)
            return
        up = bar.direction != "down"
        y = top * (0.55 if up else 0.35)  # the tip; the label sits beyond it
        arrow.setStyle(angle=-90 if not up else 90)
        arrow.setPos(bar.year, y)
        pen, brush = self._bar_style(bar.index, "stated")
        arrow.setStyle(pen=pen, brush=brush)
        label.setText(f"{bar.direction or ''}\n(no figure)".strip())
        label.setPos(bar.year, y)
        label.setAnchor((0.5, 1.0) if up else (0.5, 0.0))

    def _draw_shares(self, lay: BudgetLayout | None) -> None:
        points = lay.shares if lay else ()
        own_axis = bool(lay and lay.has_amounts)
        color = QColor(SHARE_COLOR)
        brushes = []
        sizes = []
        for point in points:
            c = QColor(color)
            if self._faded(point.index):
                c.setAlpha(FADED)
            brushes.append(pg.mkBrush(c))
            sizes.append(7 if self._faded(point.index) else 9)
        outline = self._colors()[0]  # a ring of the background: the point stands out on a bar
        data = {"x": [p.year for p in points], "y": [p.share for p in points],
                "pen": pg.mkPen(color, width=2), "symbol": "o", "symbolBrush": brushes,
                "symbolPen": pg.mkPen(outline, width=1.5), "symbolSize": sizes}
        shown, hidden = ((self._share_line, self._share_main) if own_axis
                         else (self._share_main, self._share_line))
        if points:
            shown.setData(**data)
        else:
            shown.setData([], [])
        hidden.setData([], [])

    def _set_axes(self, lay: BudgetLayout | None) -> None:
        item = self.getPlotItem()
        years = lay.years if lay else []
        self._set_year_ticks(years)
        amounts = bool(lay and lay.has_amounts)
        shares = bool(lay and lay.shares)
        left = item.getAxis("left")
        if lay is not None and amounts:
            left.setTicks([list(lay.ticks)])
            item.setLabel("left", lay.axis_label())
            item.setYRange(0, lay.top * 1.15, padding=0)
        elif lay is not None and shares:  # shares alone: they take the left axis
            left.setTicks([list(lay.share_ticks)])
            item.setLabel("left", "% of GDP")
            item.setYRange(0, lay.share_top * 1.15, padding=0)
        else:
            item.setLabel("left", "")
        usd = bool(lay and lay.usd_ticks and amounts)
        right = item.getAxis("right")
        right.setTicks([list(lay.usd_ticks)] if lay and usd else None)
        item.setLabel("right", lay.axis_label("USD") if lay and usd else "")
        own_share_axis = amounts and shares
        if lay is not None and own_share_axis:
            self._share_axis.setTicks([list(lay.share_ticks)])
            self._share_axis.setLabel("% of GDP", color=SHARE_COLOR)
            self._share_box.setYRange(0, lay.share_top * 1.15, padding=0)
        self._share_axis.setVisible(own_share_axis)
        for name in ("left", "bottom"):
            item.showAxis(name, bool(years))
        item.showAxis("right", usd)
        if years:
            item.setXRange(years[0] - 0.8, years[-1] + 0.8, padding=0)
        else:
            item.setXRange(0, 1, padding=0)
            item.setYRange(0, 1, padding=0)
            self._empty.setPos(0.5, 0.5)
        self._fit_share_box()

    def _set_year_ticks(self, years: list[int]) -> None:
        """Years as their axis has room for them: "2007", then "’07", then every other one."""
        item = self.getPlotItem()
        if item is None:  # being torn down
            return
        width = item.getViewBox().width()
        per_year = width / (years[-1] - years[0] + 1.6) if years else width
        short = per_year < YEAR_LABEL_PX
        step = max(1, -(-SHORT_YEAR_LABEL_PX // max(1, int(per_year)))) if short else 1
        ticks = [(y, f"’{y % 100:02d}" if short else str(y))
                 for i, y in enumerate(years) if i % step == 0 or y == years[-1]]
        item.getAxis("bottom").setTicks([ticks])

    def resizeEvent(self, event: object) -> None:
        super().resizeEvent(event)  # type: ignore[arg-type]
        if "_labels" in self.__dict__:  # not during the base constructor
            self._set_year_ticks(self._layout.years if self._layout else [])

    def changeEvent(self, event: object) -> None:
        super().changeEvent(event)  # type: ignore[arg-type]
        if "_labels" not in self.__dict__:
            return  # called from the base constructor, before ours has run
        if getattr(event, "type", lambda: None)() == event.Type.PaletteChange:  # type: ignore[attr-defined]
            self._apply_style()
            self._redraw()
            self._set_axes(self._layout)

    # -- tooltips ------------------------------------------------------------------------------
    def fact_at(self, x: float, y: float) -> int | None:
        """The index of the fact drawn at data point (x, y), if any."""
        if not self._layout:
            return None
        for bar in self._layout.bars:
            if abs(x - bar.year) <= BAR_WIDTH / 2:
                if bar.height is None or 0 <= y <= bar.height * 1.15:
                    return bar.index
        for point in self._layout.shares:  # a year with a share and no bar
            if abs(x - point.year) <= BAR_WIDTH / 2:
                return point.index
        return None

    def _hover(self, scene_pos: QPointF) -> None:
        point = self.getPlotItem().vb.mapSceneToView(scene_pos)
        index = self.fact_at(point.x(), point.y())
        if index is None or self._analysis is None:
            QToolTip.hideText()
            return
        global_pos = self.mapToGlobal(self.mapFromScene(scene_pos))
        QToolTip.showText(global_pos, tooltip(self._analysis.budget[index]), self)

    # -- export --------------------------------------------------------------------------------
    def _build_menu(self) -> QMenu:
        menu = QMenu(self)
        for text, suffix, slot in (("Export PNG image...", "png", self.export_png),
                                   ("Export SVG image...", "svg", self.export_svg),
                                   ("Export data (CSV)...", "csv", self.export_csv)):
            action = menu.addAction(text)
            action.setToolTip(text.rstrip("."))
            action.triggered.connect(lambda _=False, s=suffix, f=slot: self._ask_and_export(s, f))
        return menu

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        self.context_menu.popup(event.globalPos())
        event.accept()

    def _ask_and_export(self, suffix: str, export: object) -> None:
        path, _ = QFileDialog.getSaveFileName(self, "Export budget plot", f"budget.{suffix}",
                                              f"{suffix.upper()} (*.{suffix})")
        if path:
            export(Path(path))  # type: ignore[operator]

    def export_png(self, path: Path | str) -> None:
        buffer = QBuffer()
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        self.grab().save(buffer, "PNG")
        atomic_write_bytes(Path(path), bytes(buffer.data()))

    def export_svg(self, path: Path | str) -> None:
        """SVG through QSvgGenerator and render(): pyqtgraph's exporter fails on closed paths."""
        buffer = QBuffer()
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        generator = QSvgGenerator()
        generator.setOutputDevice(buffer)
        generator.setSize(self.size())
        generator.setViewBox(QRect(0, 0, self.width(), self.height()))
        generator.setTitle("Budget")
        painter = QPainter(generator)
        self.render(painter)
        painter.end()
        atomic_write_bytes(Path(path), bytes(buffer.data()))

    def export_csv(self, path: Path | str) -> None:
        if self._analysis is not None:
            atomic_write_text(Path(path), to_csv(self._analysis))


def render_budget_chart(analysis: Analysis, width: int, height: int,
                        node_id: str | None = None) -> QImage:
    """The chart in print colours (white ground, black ink) as an image, with no window.

    Creates a QApplication when none exists, so it also works from the command line.
    """
    app = QApplication.instance() or QApplication([])  # noqa: F841 - kept alive for the call
    plot = BudgetPlot(print_style=True)
    plot.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen)
    plot.resize(width, height)
    plot.set_analysis(analysis)
    plot.set_emphasis(node_id)
    plot.show()  # lays out the axes; never on screen
    QApplication.processEvents()
    image = QImage(width, height, QImage.Format.Format_ARGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    plot.render(painter)
    painter.end()
    plot.close()
    plot.deleteLater()
    return image
