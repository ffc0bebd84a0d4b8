"""Pagination of the print document: a running header with the article title, page numbers.

One function paints every page onto any paged device (a QPrinter from the print or preview
dialog, or a QPdfWriter), so what the preview shows is what the PDF holds.
"""

from __future__ import annotations

from PySide6.QtCore import QMarginsF, QPointF, QRectF, QSizeF, Qt
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QColor,
    QFont,
    QFontMetricsF,
    QImage,
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPainter,
    QPen,
    QTextBlock,
    QTextCursor,
    QTextDocument,
    QTextTable,
)

from multivector.model.analysis import Analysis
from multivector.qt.printing.chart_image import chart_image
from multivector.qt.printing.document import FIRST_ROW, KEEP_WITH_NEXT, build_print_document
from multivector.qt.printing.fonts import print_font
from multivector.summary.build import build_summary
from multivector.summary.model import Summary
from multivector.summary.wording import publication_line

MARGINS_MM = QMarginsF(16, 13, 16, 13)
CHART_PIXELS = (480, 210)  # screen pixels; the plot's text is drawn at screen size
CHART_SHARE = 0.5  # of the text width: the plot's text comes out about 7 pt
GREY = QColor("#5a5a5a")


def default_page_layout() -> QPageLayout:
    """A4 portrait with margins that suit a briefing note."""
    return QPageLayout(QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Portrait,
                       MARGINS_MM, QPageLayout.Unit.Millimeter)


def _band_font(device: QPagedPaintDevice, pt: float) -> QFont:
    # Measured at the device's resolution, not the screen's.
    return QFont(print_font("DejaVu Sans", pt), device)


def paint_summary(device: QPagedPaintDevice, analysis: Analysis, node: str | None = None) -> int:
    """Paint the summary onto `device`, one page after another; returns the number of pages."""
    summary = build_summary(analysis, node)
    dpi = device.logicalDpiY()
    rect = device.pageLayout().paintRectPixels(device.logicalDpiX())
    width, height = float(rect.width()), float(rect.height())
    header_h, footer_h = dpi * 0.42, dpi * 0.38
    body_h = height - header_h - footer_h
    chart = None
    if summary.chart is not None:
        chart = chart_image(analysis, *CHART_PIXELS, node_id=node)
    # Image sizes are in 96-dpi units: the layout scales them to the device like fonts.
    doc = paginate(summary, chart, width * CHART_SHARE * 96 / dpi, device, QSizeF(width, body_h))
    pages = max(doc.pageCount(), 1)
    title = summary.title.title + (f" — {summary.title.selection}" if summary.title.selection
                                   else "")
    left_footer = publication_line(summary.title)
    painter = QPainter()
    if not painter.begin(device):
        raise OSError("the printer or PDF file could not be opened for painting")
    try:
        for index in range(pages):
            if index:
                device.newPage()
            _band(painter, device, width, header_h, height, title, left_footer, index, pages)
            painter.save()
            painter.translate(0, header_h)
            clip = QRectF(0, index * body_h, width, body_h)
            painter.setClipRect(QRectF(0, 0, width, body_h))
            painter.translate(0, -index * body_h)
            doc.drawContents(painter, clip)
            painter.restore()
    finally:
        painter.end()
    return pages


def _page(y: float, page_h: float) -> int:
    return int(y // page_h)


def _split_row(table: QTextTable, layout: QAbstractTextDocumentLayout, page_h: float
               ) -> int | None:
    """The first data row of `table` whose cells run over a page boundary.

    The layout is passed in: `table.document()` would hand back a second, owning wrapper of
    the document, and PySide deletes the document when that wrapper goes away.
    """
    for r in range(1, table.rows()):
        cells = [table.cellAt(r, c) for c in range(table.columns())]
        top = min(layout.blockBoundingRect(c.firstCursorPosition().block()).top() for c in cells)
        bottom = max(layout.blockBoundingRect(c.lastCursorPosition().block()).bottom()
                     for c in cells)
        if _page(top, page_h) != _page(bottom - 1, page_h):
            return r
    return None


def _first_problem(doc: QTextDocument, page_h: float, skip: set[tuple[str, int]]
                   ) -> tuple[str, int] | None:
    """The first heading left at a page's foot, or table row cut by a page, in reading order."""
    layout = doc.documentLayout()
    seen_tables: set[int] = set()
    block = doc.begin()
    while block.isValid():
        nxt = block.next()
        table = QTextCursor(block).currentTable()
        if table is not None:
            if table.firstPosition() not in seen_tables:
                seen_tables.add(table.firstPosition())
                row = _split_row(table, layout, page_h)
                problem = ("row", table.format().intProperty(FIRST_ROW) + (row or 1) - 1)
                if row == 1:  # the table's first row: move the heading above it too
                    problem = _chain_start(block, problem)
                if row is not None and problem not in skip:
                    return problem
        elif (keep := block.blockFormat().intProperty(KEEP_WITH_NEXT)) > 0 and nxt.isValid():
            top = layout.blockBoundingRect(block).top()
            bottom = layout.blockBoundingRect(nxt).bottom()
            problem = _chain_start(block, ("keep", keep))
            if _page(top, page_h) != _page(bottom - 1, page_h) and problem not in skip:
                return problem
        block = nxt
    return None


def _chain_start(block: QTextBlock, problem: tuple[str, int]) -> tuple[str, int]:
    """Where to break the page so that a run of keep-with-next blocks moves as one.

    A partner's name, its first area label and that label's first passage travel together:
    breaking before the label alone would leave the name behind, and breaking before the name
    afterwards would push the label on to yet another page.
    """
    earlier = block.previous()
    while earlier.isValid() and earlier.blockFormat().intProperty(KEEP_WITH_NEXT) > 0:
        problem = ("keep", earlier.blockFormat().intProperty(KEEP_WITH_NEXT))
        earlier = earlier.previous()
    return problem


def paginate(summary: Summary, chart: QImage | None, chart_width: float,
             device: QPagedPaintDevice, size: QSizeF, limit: int = 60) -> QTextDocument:
    """The print document laid out in pages of `size`, with no heading left at a page's foot
    and no budget row cut across two pages.

    Qt moves single lines, not headings with their text or table rows, so each problem found
    becomes a page break and the document is laid out again, earliest problem first (fixing
    one moves everything after it). A problem the break cannot fix (a row taller than a page)
    is left as it is.
    """
    keep: set[int] = set()
    rows: set[int] = set()
    tried: set[tuple[str, int]] = set()
    for _ in range(limit):
        doc = build_print_document(summary, chart, chart_width, frozenset(keep), frozenset(rows))
        doc.documentLayout().setPaintDevice(device)
        doc.setPageSize(size)
        problem = _first_problem(doc, size.height(), tried)
        if problem is None:
            return doc
        tried.add(problem)
        (keep if problem[0] == "keep" else rows).add(problem[1])
    return doc


def _band(painter: QPainter, device: QPagedPaintDevice, width: float, header_h: float,
          height: float, title: str, left_footer: str, index: int, pages: int) -> None:
    """The running header (title, rule) and footer (publication, page x of n)."""
    dpi = device.logicalDpiY()
    painter.save()
    painter.setPen(QPen(GREY, max(dpi / 200, 1)))
    small = _band_font(device, 8)
    painter.setFont(small)
    metrics = QFontMetricsF(small)
    right = "Multivector summary"
    room = width - metrics.horizontalAdvance(right) - dpi * 0.3
    shown = metrics.elidedText(title, Qt.TextElideMode.ElideRight, room)
    baseline = header_h * 0.45
    painter.drawText(QPointF(0, baseline), shown)
    painter.drawText(QPointF(width - metrics.horizontalAdvance(right), baseline), right)
    rule_y = baseline + metrics.descent() + dpi * 0.04
    painter.drawLine(QPointF(0, rule_y), QPointF(width, rule_y))
    foot_y = height - metrics.descent()
    painter.drawLine(QPointF(0, foot_y - metrics.height() - dpi * 0.04),
                     QPointF(width, foot_y - metrics.height() - dpi * 0.04))
    page = f"Page {index + 1} of {pages}"
    painter.drawText(QPointF(0, foot_y), metrics.elidedText(
        left_footer, Qt.TextElideMode.ElideRight, width * 0.7))
    painter.drawText(QPointF(width - metrics.horizontalAdvance(page), foot_y), page)
    painter.restore()
