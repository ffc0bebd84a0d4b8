"""The budget chart as an image for paper: the window's plot when it can draw one, else our own.

`render_budget_chart` in `qt/budget_plot.py` (the window's plot, drawn in print style) is used
when it exists; otherwise, or when it fails, a plain QPainter bar chart is drawn from the
summary's chart model, so a PDF always carries the figure.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QImage, QPainter, QPen, QPolygonF

from multivector.model.analysis import Analysis
from multivector.summary.budget import budget_chart
from multivector.summary.model import BudgetChart
from multivector.summary.render.svg import chart_scale
from multivector.summary.wording import format_number

log = logging.getLogger(__name__)
STATED = QColor("#2f5f8f")
INK = QColor("#222222")


def chart_image(analysis: Analysis, width: int, height: int, node_id: str | None = None,
                fallback_scale: float = 1.0) -> QImage:
    """The budget chart for print (white background) at `width` x `height` screen pixels.

    The window's plot draws its text at screen size, so it is asked for a screen-sized image;
    our own chart scales its text with the image, so it is drawn `fallback_scale` times larger
    for a sharper print.
    """
    try:
        from multivector.qt.views.budget_plot import render_budget_chart
    except ImportError:
        render_budget_chart = None
    if render_budget_chart is not None:
        try:
            image = render_budget_chart(analysis, width, height, node_id=node_id)
        except Exception:  # the PDF must still come out; the log says why the plot failed
            log.exception("budget plot could not render for print; using the plain chart")
        else:
            if isinstance(image, QImage) and not image.isNull():
                return image
    chart = budget_chart(analysis.budget)
    return fallback_chart_image(chart, int(width * fallback_scale), int(height * fallback_scale))


def fallback_chart_image(chart: BudgetChart | None, width: int, height: int) -> QImage:
    """Our bar chart: stated solid, derived hatched with a dashed outline, directions as arrows."""
    image = QImage(width, height, QImage.Format.Format_RGB32)
    image.fill(Qt.GlobalColor.white)
    painter = QPainter(image)
    try:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        paint_chart(painter, QRectF(0, 0, width, height), chart)
    finally:
        painter.end()
    return image


def _font(painter: QPainter, px: float, bold: bool = False, italic: bool = False) -> None:
    font = QFont("DejaVu Sans")
    font.setPixelSize(max(int(px), 6))
    font.setBold(bold)
    font.setItalic(italic)
    painter.setFont(font)


def paint_chart(painter: QPainter, rect: QRectF, chart: BudgetChart | None) -> None:
    """Draw the chart into `rect`; sizes follow the rect so any resolution looks the same."""
    unit = rect.height() / 26
    if chart is None or not chart.bars:
        _font(painter, unit * 1.2, italic=True)
        painter.setPen(INK)
        painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, "No budget figures in this article")
        return
    scale, words = chart_scale(chart)
    left, right = rect.left() + unit * 4, rect.right() - unit
    top, base = rect.top() + unit * 4, rect.bottom() - unit * 5
    plot_h = base - top
    peak = max((b.value for b in chart.bars if b.value is not None), default=0.0) or 1.0
    slot = (right - left) / len(chart.bars)
    bar_w = min(slot * 0.55, unit * 9)
    painter.setPen(INK)
    _font(painter, unit * 1.3, bold=True)
    painter.drawText(QPointF(left, rect.top() + unit * 2), f"Defense budget, {words}")
    painter.setPen(QPen(INK, max(unit / 10, 1)))
    painter.drawLine(QPointF(left, base), QPointF(right, base))
    hatch = QBrush(STATED, Qt.BrushStyle.BDiagPattern)
    for i, bar in enumerate(chart.bars):
        cx = left + slot * (i + 0.5)
        _font(painter, unit * 1.1)
        painter.setPen(INK)
        painter.drawText(QRectF(cx - slot / 2, base + unit * 0.4, slot, unit * 1.8),
                         Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop, str(bar.year))
        if bar.value is None:
            _arrow(painter, cx, base, plot_h, unit, bar.direction != "down")
            continue
        h = plot_h * bar.value / peak
        box = QRectF(cx - bar_w / 2, base - h, bar_w, h)
        if bar.kind == "stated":
            painter.fillRect(box, STATED)
        else:
            painter.fillRect(box, Qt.GlobalColor.white)
            painter.fillRect(box, hatch)
            painter.setPen(QPen(STATED, max(unit / 6, 1), Qt.PenStyle.DashLine))
            painter.drawRect(box)
        painter.setPen(INK)
        painter.drawText(QRectF(cx - slot / 2, base - h - unit * 1.9, slot, unit * 1.7),
                         Qt.AlignmentFlag.AlignCenter, format_number(bar.value / scale))
    _legend(painter, left, rect.bottom() - unit * 1.2, unit, hatch)


def _arrow(painter: QPainter, cx: float, base: float, plot_h: float, unit: float, up: bool) -> None:
    tail, tip = (base - unit, base - plot_h * 0.6) if up else (base - plot_h * 0.6, base - unit)
    head = unit * 1.2 * (1 if up else -1)
    painter.setPen(QPen(STATED, unit / 3, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap))
    painter.drawLine(QPointF(cx, tail), QPointF(cx, tip))
    painter.setBrush(STATED)
    painter.drawPolygon(QPolygonF([QPointF(cx, tip - head * 0.3), QPointF(cx - unit, tip + head),
                                   QPointF(cx + unit, tip + head)]))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.setPen(INK)
    _font(painter, unit * 1.0, italic=True)
    label = "growth, no figure" if up else "cut, no figure"
    y = min(tail, tip) - unit * 2.2
    painter.drawText(QRectF(cx - unit * 8, y, unit * 16, unit * 1.6),
                     Qt.AlignmentFlag.AlignCenter, label)


def _legend(painter: QPainter, x: float, y: float, unit: float, hatch: QBrush) -> None:
    _font(painter, unit)
    box = QRectF(x, y - unit, unit * 1.2, unit)
    painter.fillRect(box, STATED)
    painter.setPen(INK)
    painter.drawText(QPointF(x + unit * 1.6, y), "stated")
    box = QRectF(x + unit * 7, y - unit, unit * 1.2, unit)
    painter.fillRect(box, hatch)
    painter.setPen(QPen(STATED, 1, Qt.PenStyle.DashLine))
    painter.drawRect(box)
    painter.setPen(INK)
    painter.drawText(QPointF(x + unit * 8.6, y), "derived")
    painter.drawText(QPointF(x + unit * 15, y), "↑ direction only (no figure)")
