"""The partner x area matrix pane: a co-occurrence table beside the tree. Clicking a cell
announces its node ("ESP/training"), which highlights exactly that cell's passages."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPoint, QRect, QSize, Qt, Signal
from PySide6.QtGui import QIcon, QPainter, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QStyle,
    QStyleOptionHeader,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from multivector.model.analysis import Analysis
from multivector.qt.views.matrix_model import MatrixModel

HEADER_TEXT_MAX = 170  # pixels: longer area labels are elided in the upright header
CELL = 28
CAPTION = "Passages by partner and area. Click a cell to highlight them."
NO_AREAS = ("No passage in this article ties a partner to a cooperation area, so the matrix "
            "has no columns. The tree lists each partner's passages.")


class _UprightHeader(QHeaderView):
    """A horizontal header with its labels written bottom to top, so that many areas fit."""

    def sectionSizeFromContents(self, logical: int) -> QSize:
        text = str(self.model().headerData(logical, Qt.Orientation.Horizontal) or "")
        length = min(HEADER_TEXT_MAX, self.fontMetrics().horizontalAdvance(text))
        return QSize(CELL, length + 34)

    def paintSection(self, painter: QPainter, rect: QRect, logical: int) -> None:
        option = QStyleOptionHeader()
        self.initStyleOption(option)
        option.rect = rect
        option.section = logical
        self.style().drawControl(QStyle.ControlElement.CE_HeaderSection, option, painter, self)
        model = self.model()
        text = str(model.headerData(logical, Qt.Orientation.Horizontal) or "")
        icon = model.headerData(logical, Qt.Orientation.Horizontal,
                                Qt.ItemDataRole.DecorationRole)
        painter.save()
        if isinstance(icon, QIcon):
            icon.paint(painter, QRect(rect.center().x() - 8, rect.bottom() - 20, 16, 16))
        painter.translate(rect.center().x() + self.fontMetrics().ascent() // 2 - 2,
                          rect.bottom() - 26)
        painter.rotate(-90)
        shown = self.fontMetrics().elidedText(text, Qt.TextElideMode.ElideRight,
                                              rect.height() - 32)
        painter.setPen(self.palette().color(self.foregroundRole()))
        painter.drawText(QPoint(0, 0), shown)
        painter.restore()


class PartnerMatrix(QWidget):
    """Partners as rows (with their tier), areas as columns, passage counts in the cells."""

    node_selected = Signal(str)  # "PARTNER/AREA"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = MatrixModel()
        self._analysis: Analysis | None = None
        self._stale = False
        self._wanted: str | None = None  # the node to show selected once the table is built
        self.view = QTableView(self)
        self.view.setObjectName("partnerMatrix")
        self.view.setAccessibleName("Partners by area")
        self.view.setModel(self.model)
        self.view.setHorizontalHeader(_UprightHeader(Qt.Orientation.Horizontal, self.view))
        header = self.view.horizontalHeader()
        header.setAccessibleName("Areas")
        header.setToolTip("Cooperation areas; hover a cell for its partner and area")
        rows = self.view.verticalHeader()
        rows.setAccessibleName("Partners")
        rows.setToolTip("Partners with their tier")
        rows.setMaximumWidth(200)  # long names are elided; the tooltip has them whole
        header.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        header.setDefaultSectionSize(CELL)
        header.setMinimumSectionSize(CELL)
        self.view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setWordWrap(False)
        self.view.setToolTip("How many passages tie each partner to each area; "
                             "click a cell to highlight them")
        self.view.selectionModel().currentChanged.connect(self._on_current)
        self.caption = QLabel(CAPTION)
        self.caption.setWordWrap(True)
        self.caption.setAccessibleName("About the matrix")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.caption)
        layout.addWidget(self.view, 1)
        self.setFocusProxy(self.view)

    def set_analysis(self, analysis: Analysis | None) -> None:
        """Show `analysis`; the table is built when the pane is first on screen (most sessions
        never open it, and a long article has many cells)."""
        self._analysis = analysis
        self._stale = True
        if self.isVisible():
            self._build()

    def _build(self) -> None:
        if self._stale:
            self._stale = False
            self.model.set_analysis(self._analysis)
            self.caption.setText(CAPTION if self.model.columnCount() else NO_AREAS)
            self.select(self._wanted)

    def wanted_width(self) -> int:
        """The width that shows every column (the pane asks its dock for it when shown)."""
        self._build()
        view = self.view
        return (view.verticalHeader().sizeHint().width() + CELL * self.model.columnCount()
                + view.verticalScrollBar().sizeHint().width() + 2 * view.frameWidth() + 4)

    def showEvent(self, event: QShowEvent) -> None:
        self._build()
        super().showEvent(event)

    def select(self, node_id: str | None) -> bool:
        """Follow a selection made elsewhere (the tree) without announcing it back."""
        self._wanted = node_id
        if self._stale:
            return False
        index = self.model.index_of(node_id) if node_id else QModelIndex()
        blocked = self.view.selectionModel().blockSignals(True)
        try:
            if index.isValid():
                self.view.setCurrentIndex(index)
                self.view.scrollTo(index)
            else:
                self.view.clearSelection()
                self.view.setCurrentIndex(QModelIndex())
        finally:
            self.view.selectionModel().blockSignals(blocked)
        return index.isValid()

    def _on_current(self, current: QModelIndex, _previous: QModelIndex) -> None:
        node_id = self.model.node_id(current)
        if node_id is not None:
            self.node_selected.emit(node_id)
