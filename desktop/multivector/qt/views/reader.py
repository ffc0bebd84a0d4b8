"""The reader: the article, read-only, in a readable measure, with passages and search hits
drawn as extra selections over a document that is never rewritten for them.

Highlights cost what is on screen: a node with many passages (a long article) has only those
in and near the view drawn, and the set follows the view as it scrolls."""

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
ALL_SHOWN = 150  # up to this many highlights of a kind are all drawn; beyond, those near the view
REACH = 2000  # at least this many characters above and below the view count as near it

# One kind of highlight: every span, the format of a plain one and of the current one, and
# the index of the current one.
Marks = tuple[tuple[Span, ...], QTextCharFormat, QTextCharFormat, int | None]
NO_MARKS: Marks = ((), QTextCharFormat(), QTextCharFormat(), None)


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
        # Every highlight, and the selections drawn for those shown (all, or those near the view).
        self._passage_marks: Marks = NO_MARKS
        self._hit_marks: Marks = NO_MARKS
        self._passages: list[QTextEdit.ExtraSelection] = []
        self._hits: list[QTextEdit.ExtraSelection] = []
        self._shown: tuple[tuple[int, ...], tuple[int, ...]] | None = None
        self._scrolling = False
        self.verticalScrollBar().valueChanged.connect(lambda _value: self._apply(moved=True))
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
        self._passage_marks = self._hit_marks = NO_MARKS
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
    def set_passages(self, spans: Sequence[Span], color: QColor, current: int | None,
                     scroll: bool = False) -> None:
        """Highlight `spans` in `color`, the `current` one stronger, replacing earlier ones;
        `scroll`: bring the current one into view first (as `show_span`)."""
        plain, strong = QTextCharFormat(), QTextCharFormat()
        for fmt, alpha in ((plain, 55), (strong, 150)):
            tint = QColor(color)
            tint.setAlpha(alpha)
            fmt.setBackground(tint)
        strong.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SingleUnderline)
        strong.setUnderlineColor(color)
        self._passage_marks = (tuple(spans), plain, strong, current)
        if scroll and current is not None:
            self._scrolling = True  # the highlights are drawn once, for where the view lands
            try:
                self.show_span(spans[current])
            finally:
                self._scrolling = False
        self._apply()

    def set_search_hits(self, spans: Sequence[Span], current: int | None) -> None:
        plain, strong = QTextCharFormat(), QTextCharFormat()
        for fmt, color in ((plain, SEARCH_COLOR), (strong, SEARCH_CURRENT_COLOR)):
            fmt.setBackground(color)
            fmt.setForeground(QColor("black"))  # hits stay legible on a dark palette too
        self._hit_marks = (tuple(spans), plain, strong, current)
        self._apply()

    def highlighted(self) -> tuple[Span, ...]:
        """Every passage highlighted, drawn or not (those far from the view wait to be drawn)."""
        return self._passage_marks[0]

    def _near_view(self) -> tuple[int, int]:
        """The code points in and near the view: a screen's worth of text above and below."""
        viewport = self.viewport()
        top = self.cursorForPosition(QPoint(0, 0)).position()
        bottom = self.cursorForPosition(QPoint(viewport.width() - 1,
                                               viewport.height() - 1)).position()
        reach = max(bottom - top, REACH)
        return self._map.to_core(max(0, top - reach)), self._map.to_core(bottom + reach)

    @staticmethod
    def _shown_of(marks: Marks, near: tuple[int, int] | None) -> tuple[int, ...]:
        spans, _plain, _strong, current = marks
        if near is None:
            return tuple(range(len(spans)))
        low, high = near
        return tuple(i for i, s in enumerate(spans) if (s.end > low and s.start < high)
                     or i == current)

    def _apply(self, moved: bool = False) -> None:
        """Draw the highlights: all of a kind when few, else those near the view. `moved`: the
        view scrolled or resized, so the highlights near it may have changed."""
        many = max(len(self._passage_marks[0]), len(self._hit_marks[0])) > ALL_SHOWN
        if moved and (not many or self._scrolling):
            return
        near = self._near_view() if many else None
        shown = (self._shown_of(self._passage_marks, near if len(self._passage_marks[0])
                                > ALL_SHOWN else None),
                 self._shown_of(self._hit_marks, near if len(self._hit_marks[0])
                                > ALL_SHOWN else None))
        if moved and shown == self._shown:
            return
        self._shown = shown
        self._passages = self._selections(self._passage_marks, shown[0])
        self._hits = self._selections(self._hit_marks, shown[1])
        self.setExtraSelections(self._passages + self._hits)

    def _selections(self, marks: Marks, indexes: tuple[int, ...]
                    ) -> list[QTextEdit.ExtraSelection]:
        spans, plain, strong, current = marks
        return [self._selection(spans[i], strong if i == current else plain) for i in indexes]

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
            self._apply(moved=True)
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
        self._apply(moved=True)

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
