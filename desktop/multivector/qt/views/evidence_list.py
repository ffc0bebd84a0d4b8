"""The evidence list: one row per supporting passage of the selected node, node words in bold."""

from __future__ import annotations

import html
import re
from collections.abc import Sequence

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSize, Qt, Signal
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QPainter,
    QPaintEvent,
    QPalette,
    QStandardItem,
    QStandardItemModel,
    QTextDocument,
)
from PySide6.QtWidgets import QListView, QStyle, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from multivector.explore.selection import EvidenceRow

HTML_ROLE = Qt.ItemDataRole.UserRole + 10
PAD = 6
HINT = "Select a partner, an area or the budget in the tree to see the passages behind it here."


class _HtmlDelegate(QStyledItemDelegate):
    """Paints a row's HTML wrapped to the view's width (QListView has no rich text of its own)."""

    def __init__(self, view: QListView) -> None:
        super().__init__(view)
        self._view = view
        # Laying out rich text is the slow part: keep each row's layout per width.
        self._cache: dict[tuple[str, int], QTextDocument] = {}

    def clear_cache(self) -> None:
        self._cache.clear()

    def _document(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex,
                  width: int) -> QTextDocument:
        markup = index.data(HTML_ROLE) or ""
        key = (markup, width)
        doc = self._cache.get(key)
        if doc is None:
            if len(self._cache) > 2000:
                self._cache.clear()
            doc = self._cache[key] = QTextDocument()
            doc.setDefaultFont(option.font)
            doc.setDocumentMargin(0)
            doc.setHtml(markup)
            doc.setTextWidth(max(40, width - 2 * PAD))
        return doc

    def paint(self, painter: QPainter, option: QStyleOptionViewItem,
              index: QModelIndex | QPersistentModelIndex) -> None:
        self.initStyleOption(option, index)
        doc = self._document(option, index, option.rect.width())
        option.text = ""
        style = option.widget.style() if option.widget else self._view.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, option, painter, option.widget)
        context = QAbstractTextDocumentLayout.PaintContext()
        selected = option.state & QStyle.StateFlag.State_Selected
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        context.palette.setColor(QPalette.ColorRole.Text, option.palette.color(role))
        painter.save()
        painter.translate(option.rect.left() + PAD, option.rect.top() + PAD)
        doc.documentLayout().draw(painter, context)
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem,
                 index: QModelIndex | QPersistentModelIndex) -> QSize:
        width = self._view.viewport().width()
        doc = self._document(option, index, width)
        return QSize(width, int(doc.size().height()) + 2 * PAD)


class EvidenceList(QListView):
    """Rows of passages; activating one (click, Enter) announces its index."""

    passage_activated = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("evidenceList")
        self.setAccessibleName("Evidence")
        self.setToolTip("Passages supporting the selected node; click one to show it in the article")
        self._model = QStandardItemModel(self)
        self.setModel(self._model)
        self._delegate = _HtmlDelegate(self)
        self.setItemDelegate(self._delegate)
        self.setWordWrap(True)
        self.setResizeMode(QListView.ResizeMode.Adjust)  # rows re-wrap when the pane is resized
        # Hundreds of rich-text rows (a long article) are laid out in batches, between events.
        self.setLayoutMode(QListView.LayoutMode.Batched)
        self.setBatchSize(50)
        self.setVerticalScrollMode(QListView.ScrollMode.ScrollPerPixel)
        self.setAlternatingRowColors(True)
        self.setEditTriggers(QListView.EditTrigger.NoEditTriggers)
        self.clicked.connect(lambda index: self.passage_activated.emit(index.row()))
        self.activated.connect(lambda index: self.passage_activated.emit(index.row()))
        self._hint = HINT

    @property
    def hint(self) -> str:
        """What the empty list says, in place of rows."""
        return self._hint

    def set_hint(self, text: str) -> None:
        self._hint = text
        self.viewport().update()

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if self._model.rowCount() == 0 and self._hint:
            # An empty pane says what to do instead of staying blank.
            painter = QPainter(self.viewport())
            painter.setPen(self.palette().color(QPalette.ColorRole.PlaceholderText))
            rect = self.viewport().rect().adjusted(3 * PAD, 3 * PAD, -3 * PAD, -PAD)
            painter.drawText(rect, int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop
                                       | Qt.TextFlag.TextWordWrap), self._hint)
            painter.end()

    def set_rows(self, rows: Sequence[EvidenceRow]) -> None:
        self._delegate.clear_cache()
        self._model.clear()
        for row in rows:
            where = f"¶{row.paragraph}" if row.paragraph else ""
            cue = f" <i>(through “{row.cue}”)</i>" if row.cue else ""
            item = QStandardItem()
            item.setData(f"<small>{where}</small> {row.html}{cue}", HTML_ROLE)
            # Plain text for accessibility and tests; the delegate paints the HTML.
            item.setText(f"{where} {html.unescape(re.sub('<[^>]+>', '', row.html))}")
            item.setToolTip(f"Paragraph {row.paragraph}" if row.paragraph else "Passage")
            self._model.appendRow(item)

    def rows(self) -> int:
        return self._model.rowCount()

    def html(self, row: int) -> str:
        return self._model.item(row).data(HTML_ROLE)

    def set_current(self, row: int | None) -> None:
        """Follow the reader's current passage without announcing it back."""
        if row is None:
            self.clearSelection()
        else:
            self.setCurrentIndex(self._model.index(row, 0))
