"""The library pane: every article by date with publication, focal country and partner count,
and a full-text search whose results open the article at the hit.

It announces what the user picked (`article_requested`, `passage_requested`); the window opens
it. The `Library` comes through the constructor or `set_library`, never from a global.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from multivector.library.render import plural
from multivector.library.store import Library
from multivector.model.errors import InputError
from multivector.qt.library.model import (
    ARTICLE_ID_ROLE,
    HIT_ROLE,
    PATH_ROLE,
    TITLE_COLUMN,
    LibraryModel,
)

SEARCH_DELAY_MS = 250  # search once typing pauses, not on every key
SAMPLE_ROWS = 200  # columns fit the header and this many rows: measuring all costs too much
MAX_COLUMN_CHARS = 60  # a long title or publication is cut (the tooltip holds it whole)


class LibraryPane(QWidget):
    """A searchable list of the library's articles."""

    article_requested = Signal(str)  # path of the article to open
    passage_requested = Signal(str, int, int)  # path, start, end of a search hit

    def __init__(self, library: Library | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._library: Library | None = None
        self.search_field = QLineEdit(self)
        self.search_field.setObjectName("librarySearch")
        self.search_field.setPlaceholderText('Search the library: words, "a phrase", prefix*')
        self.search_field.setClearButtonEnabled(True)
        self.model = LibraryModel()
        self.table = QTableView(self)
        self.table.setObjectName("libraryTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.verticalHeader().setDefaultSectionSize(self.table.fontMetrics().height() + 8)
        self.status = QLabel(self)
        self.status.setObjectName("libraryStatus")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.search_field)
        layout.addWidget(self.table)
        layout.addWidget(self.status)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SEARCH_DELAY_MS)
        self._timer.timeout.connect(self.run_search)
        self.search_field.textChanged.connect(lambda _text: self._timer.start())
        self.search_field.returnPressed.connect(self.run_search)
        self.table.activated.connect(self._open)
        if library is not None:
            self.set_library(library)

    def set_library(self, library: Library) -> None:
        self._library = library
        self.refresh()

    def refresh(self) -> None:
        """Re-read the library (after an import, or a change by another process), keeping the
        current search and the selected article."""
        selected = self.table.currentIndex().data(ARTICLE_ID_ROLE)
        if self.search_field.text().strip():
            self.run_search()
        else:
            self._show_all()
        if selected is not None:
            for row in range(self.model.rowCount()):
                if self.model.index(row, 0).data(ARTICLE_ID_ROLE) == selected:
                    self.table.selectRow(row)
                    break

    def run_search(self) -> None:
        """Search for what the field holds now; an empty field shows every article."""
        self._timer.stop()
        query = self.search_field.text().strip()
        if not query or self._library is None:
            self._show_all()
            return
        try:
            hits = self._library.search(query)
        except InputError as exc:
            self.status.setText(str(exc))
            return
        self.model.set_hits(hits)
        self._size_columns()
        self.status.setText(f"{plural(len(hits), 'matching article')}" if hits else "No matches")

    def _show_all(self) -> None:
        rows = self._library.articles() if self._library is not None else []
        self.model.set_articles(rows)
        self._size_columns()
        self.status.setText(plural(len(rows), "article") if rows else
                            "The library is empty: File > Add to Library")

    def _size_columns(self) -> None:
        """Each column as wide as its header and the first SAMPLE_ROWS cells; the title takes
        the room left (while searching, the match does)."""
        metrics = self.table.fontMetrics()
        header = self.table.horizontalHeader()
        widest = MAX_COLUMN_CHARS * metrics.averageCharWidth()
        rows = min(self.model.rowCount(), SAMPLE_ROWS)
        last = self.model.columnCount() - 1
        for column in range(self.model.columnCount()):
            stretch = column == (last if self.model.searching else TITLE_COLUMN)
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch if stretch
                                        else QHeaderView.ResizeMode.Interactive)
            if stretch:
                continue
            texts = [str(self.model.headerData(column, Qt.Orientation.Horizontal) or "")]
            texts += self.model.texts(column, rows)
            width = max(metrics.horizontalAdvance(text) for text in texts) + 24
            self.table.setColumnWidth(column, min(width, widest))

    def _open(self, index: QModelIndex) -> None:
        path = index.data(PATH_ROLE)
        if not path:
            self.status.setText("This article has no file to open")
            return
        hit = index.data(HIT_ROLE)
        if hit is not None:
            self.passage_requested.emit(path, hit[0], hit[1])
        else:
            self.article_requested.emit(path)
