"""Find in the article: every hit highlighted, Enter / Shift+Enter for next / previous."""

from __future__ import annotations

import re

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QToolButton, QWidget

from multivector.model.analysis import Span
from multivector.qt.common import icons
from multivector.qt.views.reader import Reader

MAX_HITS = 10_000  # beyond this a search term is too common to be worth painting


def find_all(text: str, needle: str) -> list[Span]:
    """Case-insensitive, literal matches in code points (no lowercasing that would shift offsets)."""
    if not needle:
        return []
    pattern = re.compile(re.escape(needle), re.IGNORECASE)
    hits = []
    for match in pattern.finditer(text):
        hits.append(Span(match.start(), match.end()))
        if len(hits) >= MAX_HITS:
            break
    return hits


class SearchBar(QWidget):
    """Searches the reader's text and draws the hits in the reader."""

    hits_changed = Signal(int)

    def __init__(self, reader: Reader, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._reader = reader
        self._text = ""
        self.hits: list[Span] = []
        self.current: int | None = None

        self.field = QLineEdit(self)
        self.field.setObjectName("searchField")
        self.field.setPlaceholderText("Find in article (Ctrl+F)")
        self.field.setClearButtonEnabled(True)
        self.field.setAccessibleName("Find in article")
        self.field.setToolTip("Find in the article: Enter for the next hit, Shift+Enter for the previous")
        find = self.field.addAction(icons.icon("search"), QLineEdit.ActionPosition.LeadingPosition)
        find.setText("Find next")
        find.setToolTip("Find the next hit")
        find.triggered.connect(self.next)
        self.field.textChanged.connect(self._search)
        self.field.installEventFilter(self)

        self.previous_button = self._button("previous", "Previous hit (Shift+Enter)", self.previous)
        self.next_button = self._button("next", "Next hit (Enter)", self.next)
        self.count = QLabel(self)
        self.count.setAccessibleName("Search hits")
        self.count.setMinimumWidth(self.fontMetrics().horizontalAdvance("9999 of 9999"))

        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.field, 1)
        layout.addWidget(self.previous_button)
        layout.addWidget(self.next_button)
        layout.addWidget(self.count)
        self.setFocusProxy(self.field)

    def _button(self, icon_name: str, tip: str, slot: object) -> QToolButton:
        button = QToolButton(self)
        button.setIcon(icons.icon(icon_name))
        button.setToolTip(tip)
        button.setAccessibleName(tip)
        button.setAutoRaise(True)
        button.clicked.connect(slot)
        return button

    def set_text(self, text: str) -> None:
        """A new document: search it again for what is in the field."""
        self._text = text
        self._search(self.field.text())

    def _search(self, needle: str) -> None:
        self.hits = find_all(self._text, needle)
        self.current = None
        if self.hits:
            # The first hit after the caret, so searching continues from where one is reading.
            caret = self._reader.offsets.to_core(self._reader.textCursor().position())
            self.current = next((i for i, h in enumerate(self.hits) if h.start >= caret), 0)
        self._show()

    def next(self) -> None:
        self._step(1)

    def previous(self) -> None:
        self._step(-1)

    def _step(self, delta: int) -> None:
        if not self.hits:
            return
        self.current = 0 if self.current is None else (self.current + delta) % len(self.hits)
        self._show()

    def _show(self) -> None:
        self._reader.set_search_hits(self.hits, self.current)
        if self.current is not None:
            self._reader.show_span(self.hits[self.current])
            self.count.setText(f"{self.current + 1} of {len(self.hits)}")
        else:
            self.count.setText("no hits" if self.field.text() else "")
        self.hits_changed.emit(len(self.hits))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.field and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                if event.modifiers() & Qt.KeyboardModifier.ShiftModifier:
                    self.previous()
                else:
                    self.next()
                return True
            if event.key() == Qt.Key.Key_Escape:
                self.field.clear()
                self._reader.setFocus()
                return True
        return super().eventFilter(watched, event)
