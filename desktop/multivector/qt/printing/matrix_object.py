"""The partner x area matrix on paper: painted into the print document as one text object.

A QTextTable cannot turn its header text, and twenty area names written across would need a
page three times as wide. Painted here, the area names run upwards (on two lines when long)
above narrow count columns, as text (not an image) so the PDF stays searchable; when even that
is too wide for the page, the areas are split into bands stacked one under the other, each with
the partner names again.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, QSizeF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QPaintDevice,
    QPainter,
    QPen,
    QPyTextObject,
    QTextCharFormat,
    QTextDocument,
    QTextFormat,
)

from multivector.qt.printing.fonts import SANS, print_font
from multivector.summary.model import MatrixPartner, OverviewMatrix
from multivector.summary.wording import matrix_row_label

MATRIX_OBJECT = QTextFormat.ObjectTypes.UserObject + 1
INK, GREY, RULE = QColor("#222222"), QColor("#6a6a6a"), QColor("#c5ccd4")
SHADES = (QColor("#ffffff"), QColor("#dbe6f1"), QColor("#b3c9e1"), QColor("#7f9fc4"))
LABEL_PT, NAME_PT, TIER_PT, CELL_PT = 7.0, 8.5, 7.5, 8.0
MAX_LABEL_PT = 130.0  # longest line of an area name before it is cut with "…", in points
ONE_LINE_PT = 72.0  # area names up to this long are never broken
NAME_CHARS = 16  # a longer partner name is shown by its code ("PfP")


@dataclass(frozen=True)
class _Geometry:
    """Sizes in device units for one device resolution and text width."""

    unit: float  # device units per point
    name_w: float
    tier_w: float
    cell_w: float
    row_h: float
    header_h: float
    per_band: int
    bands: int
    rows: int

    @property
    def band_h(self) -> float:
        return self.header_h + self.row_h * self.rows


class MatrixObject(QPyTextObject):
    """Sizes and paints the matrix for whatever device the document is laid out on."""

    def __init__(self, doc: QTextDocument, matrix: OverviewMatrix) -> None:
        super().__init__(doc)
        self._doc = doc  # this wrapper, not the one Qt passes to callbacks (that one owns it)
        self.matrix = matrix

    def _device(self) -> QPaintDevice | None:
        return self._doc.documentLayout().paintDevice()

    def _font(self, pt: float, bold: bool = False) -> QFont:
        font = print_font(SANS, pt, bold)
        device = self._device()
        return QFont(font, device) if device is not None else font

    def _geometry(self) -> _Geometry:
        device = self._device()
        unit = (device.logicalDpiY() if device is not None else 96) / 72
        width = self._doc.pageSize().width()
        if width <= 0:
            width = self._doc.textWidth() if self._doc.textWidth() > 0 else 600 * unit
        names = QFontMetricsF(self._font(NAME_PT))
        labels = QFontMetricsF(self._font(LABEL_PT))
        tiers = QFontMetricsF(self._font(TIER_PT))
        pad = 4 * unit
        name_w = max(names.horizontalAdvance(x) for x in
                     ["Partner", *(self._name(r) for r in self.matrix.partners)])
        tier_w = max(tiers.horizontalAdvance(r.tier or "—") for r in self.matrix.partners)
        name_w, tier_w = name_w + pad * 2, max(tier_w, tiers.horizontalAdvance("Tier")) + pad * 2
        cell_w = max(labels.lineSpacing() * 2 + 2 * unit, 15 * unit)
        # The header is as tall as the longest area name needs on at most two lines.
        longest = max(_two_lines(a.label, labels)[0] for a in self.matrix.areas)
        # Short names stay on one line, even where breaking them would make a lower header.
        one_line = max(labels.horizontalAdvance(a.label) for a in self.matrix.areas)
        longest = max(longest, min(one_line, ONE_LINE_PT * unit))
        header_h = min(longest, MAX_LABEL_PT * unit) + pad * 2
        room = max(width - name_w - tier_w, cell_w)
        per_band = max(1, int(room // cell_w))
        columns = len(self.matrix.areas)
        bands = -(-columns // per_band)
        per_band = -(-columns // bands)  # bands of even width read better than one stub
        return _Geometry(unit, name_w, tier_w, cell_w, names.height() * 1.45, header_h,
                         per_band, bands, len(self.matrix.partners))

    def _name(self, row: MatrixPartner) -> str:
        return "  " * row.depth + matrix_row_label(row, NAME_CHARS).strip()

    def intrinsicSize(self, doc: QTextDocument, pos: int, fmt: QTextFormat) -> QSizeF:  # noqa: N802
        g = self._geometry()
        gap = 8 * g.unit
        width = g.name_w + g.tier_w + g.cell_w * g.per_band
        return QSizeF(width, g.band_h * g.bands + gap * (g.bands - 1))

    def drawObject(self, painter: QPainter, rect: QRectF, doc: QTextDocument,  # noqa: N802
                   pos: int, fmt: QTextFormat) -> None:
        g = self._geometry()
        painter.save()
        painter.translate(rect.topLeft())
        columns = range(len(self.matrix.areas))
        for band in range(g.bands):
            top = band * (g.band_h + 8 * g.unit)
            shown = list(columns[band * g.per_band:(band + 1) * g.per_band])
            self._band(painter, g, top, shown)
        painter.restore()

    def _band(self, painter: QPainter, g: _Geometry, top: float, shown: list[int]) -> None:
        label_font, name_font = self._font(LABEL_PT), self._font(NAME_PT)
        tier_font = self._font(TIER_PT)
        cell_font = self._font(CELL_PT, bold=True)
        labels = QFontMetricsF(label_font)
        left = g.name_w + g.tier_w
        right = left + g.cell_w * len(shown)
        base = top + g.header_h
        thin = QPen(RULE, max(g.unit * 0.5, 1))
        painter.setFont(label_font)
        painter.setPen(QPen(INK))
        room = g.header_h - 2 * 4 * g.unit
        for i, col in enumerate(shown):
            label = self.matrix.areas[col].label
            lines = [label] if labels.horizontalAdvance(label) <= room else \
                _two_lines(label, labels)[1]
            lines = [labels.elidedText(x, Qt.TextElideMode.ElideRight, room) for x in lines]
            cx = left + g.cell_w * (i + 0.5)
            first = -labels.lineSpacing() * (len(lines) - 1) / 2
            for n, text in enumerate(lines):
                painter.save()
                # Upwards from just above the rule, the lines centred on the column.
                dy = first + n * labels.lineSpacing()
                painter.translate(cx + dy + (labels.ascent() - labels.descent()) / 2,
                                  base - 4 * g.unit)
                painter.rotate(-90)
                painter.drawText(QPointF(0, 0), text)
                painter.restore()
        painter.setFont(name_font)
        names = QFontMetricsF(name_font)
        painter.drawText(QPointF(4 * g.unit, base - 3 * g.unit), "Partner")
        painter.setPen(QPen(GREY))
        painter.setFont(tier_font)
        painter.drawText(QPointF(g.name_w + 4 * g.unit, base - 3 * g.unit), "Tier")
        for r, row in enumerate(self.matrix.partners):
            y = base + g.row_h * r
            text_y = y + (g.row_h + names.ascent() - names.descent()) / 2
            if r % 2:
                painter.fillRect(QRectF(0, y, right, g.row_h), QColor("#f6f8fa"))
            for i, col in enumerate(shown):
                count = row.counts[col]
                cell = QRectF(left + g.cell_w * i, y, g.cell_w, g.row_h)
                if count:
                    painter.fillRect(cell.adjusted(1, 1, -1, -1), SHADES[min(count, 3)])
                painter.setFont(cell_font if count else name_font)
                painter.setPen(QPen(QColor("#ffffff") if count >= 3 else
                                    (INK if count else RULE)))
                painter.drawText(cell, Qt.AlignmentFlag.AlignCenter, str(count) if count else "·")
            painter.setFont(name_font)
            painter.setPen(QPen(INK))
            indent = 4 * g.unit + names.horizontalAdvance("  ") * row.depth
            painter.drawText(QPointF(indent, text_y), self._name(row).strip())
            painter.setPen(QPen(GREY))
            painter.setFont(tier_font)
            painter.drawText(QPointF(g.name_w + 4 * g.unit, text_y), row.tier or "—")
        painter.setPen(thin)
        bottom = base + g.row_h * len(self.matrix.partners)
        painter.drawLine(QPointF(0, base), QPointF(right, base))
        painter.drawLine(QPointF(0, bottom), QPointF(right, bottom))
        for i in range(len(shown) + 1):
            x = left + g.cell_w * i
            painter.drawLine(QPointF(x, base), QPointF(x, bottom))


def _two_lines(label: str, metrics: QFontMetricsF) -> tuple[float, list[str]]:
    """The label broken into at most two lines as evenly as its words allow: (width, lines)."""
    words = label.split()
    best = (metrics.horizontalAdvance(label), [label])
    for cut in range(1, len(words)):
        lines = [" ".join(words[:cut]), " ".join(words[cut:])]
        width = max(metrics.horizontalAdvance(x) for x in lines)
        if width < best[0]:
            best = (width, lines)
    return best


def matrix_format(doc: QTextDocument, matrix: OverviewMatrix) -> QTextCharFormat:
    """The character format of the object replacement character that shows the matrix."""
    handler = MatrixObject(doc, matrix)
    doc.documentLayout().registerHandler(MATRIX_OBJECT, handler)
    doc.matrix_handler = handler  # type: ignore[attr-defined]  # keep the Python side alive
    fmt = QTextCharFormat()
    fmt.setObjectType(MATRIX_OBJECT)
    return fmt
