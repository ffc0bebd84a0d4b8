"""The reader: the article, read-only, in a readable measure, with passages and search hits
drawn as extra selections over a document that is never rewritten for them."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QEvent, QPoint, Qt, Signal
from PySide6.QtGui import (
    QAction,
    QColor,
    QContextMenuEvent,
    QFont,
    QHelpEvent,
    QPalette,
    QResizeEvent,
    QTextCharFormat,
    QTextCursor,
    QTextFormat,
    QWheelEvent,
)
from PySide6.QtWidgets import QPlainTextEdit, QTextEdit, QToolTip, QWidget

from multivector.explore.offsets import OffsetMap, display_text
from multivector.model.analysis import Document, Span

MEASURE = 72  # characters a line: a comfortable reading width
ZOOM_LIMIT = 12
SEARCH_COLOR = QColor(255, 200, 40, 150)
SEARCH_CURRENT_COLOR = QColor(255, 120, 0, 200)


class Reader(QPlainTextEdit):
    """Shows one document; highlights are set by the caller in code-point spans."""

    zoom_changed = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reader")
        self.setAccessibleName("Article")
        self.setToolTip("The article; hover a highlighted passage to see which nodes it supports")
        self.setReadOnly(True)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse
                                     | Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.setAcceptDrops(False)  # files dropped here go to the window, which opens them
        font = QFont()
        font.setFamilies(["Charter", "Georgia", "Source Serif 4", "Cambria", "DejaVu Serif", "serif"])
        font.setStyleHint(QFont.StyleHint.Serif)
        font.setPointSizeF(12.0)
        self.setFont(font)
        self._zoom = 0
        self._map = OffsetMap("")
        self._header_end = 0
        self._passages: list[QTextEdit.ExtraSelection] = []
        self._hits: list[QTextEdit.ExtraSelection] = []
        self._hover_text: Callable[[int], str | None] = lambda _offset: None
        # Actions on a selected passage (Assign to partner / area...), below Copy and Select All.
        self._context_actions: list[QAction] = []

    def set_hover_text(self, source: Callable[[int], str | None]) -> None:
        """What the tooltip says over a character (its code-point offset); None: no tooltip."""
        self._hover_text = source

    def add_context_action(self, action: QAction) -> None:
        """An action for the context menu of a selected passage."""
        self._context_actions.append(action)

    # -- content -------------------------------------------------------------------------------
    def set_document(self, document: Document) -> None:
        shown, inserted = display_text(document.text)  # no line of megabytes to lay out
        self._map = OffsetMap(document.text, inserted)
        self._passages, self._hits = [], []
        self.setPlainText(shown)
        self._header_end = document.body_start
        self._dim_header()
        self.moveCursor(QTextCursor.MoveOperation.Start)
        self._apply()

    def _dim_header(self) -> None:
        if self._header_end:
            # The header lines ("Publication: ... Issue: ...") are metadata, shown by the title
            # block: dim them here. A one-off format at load (and on a new palette), not a
            # highlight.
            cursor = self._cursor(Span(0, self._header_end))
            fmt = QTextCharFormat()
            fmt.setForeground(self.palette().color(QPalette.ColorRole.PlaceholderText))
            cursor.mergeCharFormat(fmt)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange and getattr(self, "_header_end", 0):
            self._dim_header()

    @property
    def offsets(self) -> OffsetMap:
        return self._map

    def qt_range(self, span: Span) -> tuple[int, int]:
        """The document positions (UTF-16) of a code-point span."""
        return self._map.to_qt(span.start), self._map.to_qt(span.end)

    # -- highlights ----------------------------------------------------------------------------
    def set_passages(self, spans: Sequence[Span], color: QColor, current: int | None) -> None:
        """Highlight `spans` in `color`, the `current` one stronger, replacing earlier ones."""
        self._passages = []
        for i, span in enumerate(spans):
            fmt = QTextCharFormat()
            tint = QColor(color)
            tint.setAlpha(150 if i == current else 55)
            fmt.setBackground(tint)
            if i == current:
                fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SingleUnderline)
                fmt.setUnderlineColor(color)
            self._passages.append(self._selection(span, fmt))
        self._apply()

    def set_search_hits(self, spans: Sequence[Span], current: int | None) -> None:
        self._hits = []
        for i, span in enumerate(spans):
            fmt = QTextCharFormat()
            fmt.setBackground(SEARCH_CURRENT_COLOR if i == current else SEARCH_COLOR)
            fmt.setForeground(QColor("black"))  # hits stay legible on a dark palette too
            self._hits.append(self._selection(span, fmt))
        self._apply()

    def show_span(self, span: Span) -> None:
        """Scroll so that `span` is in view, its start centred; the caret moves there."""
        self.setTextCursor(self._cursor(Span(span.start, span.start)))
        self.centerCursor()

    def select_span(self, span: Span) -> None:
        """Select `span` (code points) and scroll so that its start is centred in view."""
        start, end = self.qt_range(span)
        cursor = QTextCursor(self.document())
        cursor.setPosition(end)
        cursor.setPosition(start, QTextCursor.MoveMode.KeepAnchor)  # the caret at the start
        self.setTextCursor(cursor)
        self.centerCursor()

    def selected_span(self) -> Span | None:
        """The user's selection as a code-point span, or None when nothing is selected."""
        cursor = self.textCursor()
        if not cursor.hasSelection():
            return None
        start = self._map.to_core(cursor.selectionStart())
        end = self._map.to_core(cursor.selectionEnd())
        return Span(start, end) if end > start else None

    @property
    def context_actions(self) -> tuple[QAction, ...]:
        """The actions the context menu adds below Copy and Select All."""
        return tuple(self._context_actions)

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        menu = self.createStandardContextMenu(event.pos())
        if self._context_actions:
            menu.addSeparator()
            menu.addActions(self._context_actions)
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        menu.popup(event.globalPos())

    def _selection(self, span: Span, fmt: QTextCharFormat) -> QTextEdit.ExtraSelection:
        selection = QTextEdit.ExtraSelection()
        selection.cursor = self._cursor(span)
        selection.format = fmt
        fmt.setProperty(QTextFormat.Property.FullWidthSelection, False)
        return selection

    def _cursor(self, span: Span) -> QTextCursor:
        start, end = self.qt_range(span)
        cursor = QTextCursor(self.document())
        cursor.setPosition(start)
        cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        return cursor

    def _apply(self) -> None:
        self.setExtraSelections(self._passages + self._hits)

    # -- zoom ----------------------------------------------------------------------------------
    @property
    def zoom(self) -> int:
        return self._zoom

    def set_zoom(self, steps: int) -> None:
        steps = max(-ZOOM_LIMIT, min(ZOOM_LIMIT, steps))
        if steps != self._zoom:
            self.zoomIn(steps - self._zoom)
            self._zoom = steps
            self._update_margins()
            self.zoom_changed.emit(steps)

    def zoom_in(self) -> None:
        self.set_zoom(self._zoom + 1)

    def zoom_out(self) -> None:
        self.set_zoom(self._zoom - 1)

    def zoom_reset(self) -> None:
        self.set_zoom(0)

    def wheelEvent(self, event: QWheelEvent) -> None:
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            self.set_zoom(self._zoom + (1 if event.angleDelta().y() > 0 else -1))
            event.accept()
            return
        super().wheelEvent(event)

    # -- layout and hover ----------------------------------------------------------------------
    def resizeEvent(self, event: QResizeEvent) -> None:
        # Margins first: the base class lays the text out for the viewport's resulting width.
        self._update_margins(relayout=False)
        super().resizeEvent(event)

    def _update_margins(self, relayout: bool = True) -> None:
        """Centre a column about MEASURE characters wide; narrow windows just get a small margin."""
        column = self.fontMetrics().horizontalAdvance("x" * MEASURE) + 8
        side = max(12, (self.width() - column - self.verticalScrollBar().sizeHint().width()) // 2)
        self.setViewportMargins(side, 8, side, 8)
        if relayout:
            super().resizeEvent(QResizeEvent(self.size(), self.size()))

    def viewportEvent(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip:
            assert isinstance(event, QHelpEvent)
            self._show_hover(event.pos(), event.globalPos())
            return True
        return super().viewportEvent(event)

    def _show_hover(self, pos: QPoint, global_pos: QPoint) -> None:
        position = self.cursorForPosition(pos).position()
        text = self._hover_text(self._map.to_core(position))
        if text:
            QToolTip.showText(global_pos, text, self.viewport())
        else:
            QToolTip.hideText()
