"""The budget plot: bars by year (stated solid, derived hatched, qualitative an arrow), the
currency on the left axis, USD on the right, share of GDP over the bars, values in tooltips.

Imports pyqtgraph, so the window loads this module after its first paint.
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
from multivector.summary.chart import BudgetLayout, annotation, layout, to_csv, tooltip

BAR_WIDTH = 0.6
FADED = 60  # alpha of facts the selected node does not touch


class _ScaledAxis(pg.AxisItem):
    """The right axis: the left axis's values times a rate (currency to USD)."""

    factor: float | None = None

    def tickStrings(self, values: list[float], scale: float, spacing: float) -> list[str]:
        if not self.factor:
            return ["" for _ in values]
        return [f"{v * self.factor:.3g}" for v in values]


class BudgetPlot(pg.PlotWidget):
    """The budget facts of one analysis; `set_emphasis` brings out those of a node's passages."""

    def __init__(self, parent: QWidget | None = None, print_style: bool = False) -> None:
        self._right = _ScaledAxis("right")
        super().__init__(parent, axisItems={"right": self._right})
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
        self._stated = pg.BarGraphItem(x=[], height=[], width=BAR_WIDTH)
        self._derived = pg.BarGraphItem(x=[], height=[], width=BAR_WIDTH)
        for bars in (self._stated, self._derived):
            self.addItem(bars)
        self._labels: list[pg.TextItem] = []
        self._arrows: list[pg.ArrowItem] = []
        self._empty = pg.TextItem("No budget figures in this article", anchor=(0.5, 0.5))
        self.addItem(self._empty)
        self.scene().contextMenu = []  # pyqtgraph's "Export..." breaks on SVG: ours replace it
        self.context_menu = self._build_menu()
        self.scene().sigMouseMoved.connect(self._hover)
        self._apply_style()

    # -- data ----------------------------------------------------------------------------------
    def set_analysis(self, analysis: Analysis | None) -> None:
        """Lay out a new analysis's facts; creates labels only here, never on selection."""
        self._analysis = analysis
        self._layout = layout(analysis) if analysis else None
        for old in self._labels + self._arrows:
            self.removeItem(old)
        self._labels, self._arrows = [], []
        if self._layout is not None:
            for bar in self._layout.bars:
                if bar.height is None:
                    text = f"{bar.fact.label or bar.fact.direction or ''}\n(no figure)".strip()
                else:
                    text = annotation(bar.fact) or ("derived" if bar.fact.kind == "derived" else "")
                label = pg.TextItem(text, anchor=(0.5, 1.0))
                self._labels.append(label)
                self.addItem(label)
                if bar.height is None:
                    arrow = pg.ArrowItem(angle=-90 if bar.fact.direction == "down" else 90,
                                         headLen=18, tailLen=26, tailWidth=5)
                    self._arrows.append(arrow)
                    self.addItem(arrow)
        self._emphasis = None
        self._redraw()
        self._set_axes(self._layout)

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
        for name in ("left", "bottom", "right"):
            axis = self.getPlotItem().getAxis(name)
            axis.setPen(foreground)
            axis.setTextPen(foreground)
        self._empty.setColor(foreground)

    def _bar_style(self, index: int, derived: bool) -> tuple[QPen, QBrush]:
        color = QColor(BUDGET_COLOR)
        if self._emphasis is not None and index not in self._emphasis:
            color.setAlpha(FADED)
        pen = QPen(color.darker(130) if color.alpha() == 255 else color, 2)
        pen.setCosmetic(True)
        if derived:
            pen.setStyle(Qt.PenStyle.DashLine)
            brush = QBrush(color, Qt.BrushStyle.BDiagPattern)
        else:
            brush = QBrush(color)
        return pen, brush

    def _redraw(self) -> None:
        lay = self._layout
        bars = lay.bars if lay else ()
        self._empty.setVisible(not bars)
        _, foreground = self._colors()
        for group, derived in ((self._stated, False), (self._derived, True)):
            mine = [b for b in bars if b.height is not None and (b.fact.kind == "derived") == derived]
            styles = [self._bar_style(b.index, derived) for b in mine]
            group.setOpts(x=[b.fact.year for b in mine], height=[b.height for b in mine],
                          width=BAR_WIDTH, pens=[s[0] for s in styles] or None,
                          brushes=[s[1] for s in styles] or None)
        top = lay.top if lay else 1.0
        arrows = iter(self._arrows)
        for bar, label in zip(bars, self._labels, strict=True):
            faded = self._emphasis is not None and bar.index not in self._emphasis
            label.setColor(QColor(foreground.red(), foreground.green(), foreground.blue(),
                                  FADED if faded else 255))
            if bar.height is None:
                arrow = next(arrows)
                up = bar.fact.direction != "down"
                y = top * (0.55 if up else 0.35)  # the tip; the label sits beyond it
                arrow.setPos(bar.fact.year, y)
                pen, brush = self._bar_style(bar.index, False)
                arrow.setStyle(pen=pen, brush=brush)
                label.setPos(bar.fact.year, y)
                label.setAnchor((0.5, 1.0) if up else (0.5, 0.0))
            else:
                label.setPos(bar.fact.year, bar.height)

    def _set_axes(self, lay: BudgetLayout | None) -> None:
        item = self.getPlotItem()
        years = lay.years if lay else []
        item.getAxis("bottom").setTicks([[(y, str(y)) for y in years]])
        item.setLabel("left", lay.axis_label() if lay and lay.bars else "")
        self._right.factor = lay.usd_per_unit if lay else None
        item.setLabel("right", lay.axis_label("USD") if lay and lay.usd_per_unit else "")
        for name in ("left", "bottom", "right"):
            item.showAxis(name, bool(years) and (name != "right" or bool(self._right.factor)))
        if years:
            item.setXRange(years[0] - 0.8, years[-1] + 0.8, padding=0)
            item.setYRange(0, (lay.top if lay else 1.0) * 1.3, padding=0)
        else:
            item.setXRange(0, 1, padding=0)
            item.setYRange(0, 1, padding=0)
            self._empty.setPos(0.5, 0.5)

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
            if abs(x - bar.fact.year) <= BAR_WIDTH / 2:
                if bar.height is None or 0 <= y <= bar.height * 1.15:
                    return bar.index
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
