"""The table model of the library pane: articles by date, or search hits with their context."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from multivector.library.dates import long_date
from multivector.library.rows import ArticleRow, SearchHit

ARTICLE_ID_ROLE = Qt.ItemDataRole.UserRole
PATH_ROLE = Qt.ItemDataRole.UserRole + 1
HIT_ROLE = Qt.ItemDataRole.UserRole + 2  # (start, end) of the hit, or None
COLUMNS = ("Date", "Title", "Publication", "Focal", "Partners")
TITLE_COLUMN, PARTNERS_COLUMN = 1, 4
_Index = QModelIndex | QPersistentModelIndex


class LibraryModel(QAbstractTableModel):
    """Reads `ArticleRow`s (and, while searching, `SearchHit`s) for a table view."""

    def __init__(self) -> None:
        super().__init__()
        self._rows: list[ArticleRow] = []
        self._hits: list[SearchHit] | None = None

    def set_articles(self, rows: list[ArticleRow]) -> None:
        """Show the whole library (already sorted, newest first)."""
        self.beginResetModel()
        self._rows, self._hits = list(rows), None
        self.endResetModel()

    def set_hits(self, hits: list[SearchHit]) -> None:
        """Show search results, best first, with a "Match" column."""
        self.beginResetModel()
        self._rows, self._hits = [h.article for h in hits], list(hits)
        self.endResetModel()

    @property
    def searching(self) -> bool:
        return self._hits is not None

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS) + (1 if self.searching else 0)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return (*COLUMNS, "Match")[section] if 0 <= section < self.columnCount() else None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        hit = self._hits[index.row()] if self._hits is not None else None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, hit, index.column())
        if role == Qt.ItemDataRole.ToolTipRole:
            return row.path or row.label
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == PARTNERS_COLUMN:
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == ARTICLE_ID_ROLE:
            return row.id
        if role == PATH_ROLE:
            return row.path
        if role == HIT_ROLE:
            return (hit.start, hit.end) if hit is not None and hit.start is not None else None
        return None

    def texts(self, column: int, rows: int) -> list[str]:
        """What the first `rows` rows show in `column` (for fitting widths without going through
        Qt's model indexes, a thousand calls of which cost more than the rest of the pane)."""
        hits = self._hits or [None] * len(self._rows)
        return [self._display(row, hit, column) or ""
                for row, hit in zip(self._rows[:rows], hits[:rows], strict=False)]

    @staticmethod
    def _display(row: ArticleRow, hit: SearchHit | None, column: int) -> str | None:
        if column == 0:  # only as precise as the article's date: "9 Apr 2007", "2007", "undated"
            return long_date(row.sort_date)
        if column == 1:
            return row.label
        if column == 2:
            return row.publication or ""
        if column == 3:
            return row.focal_name or row.focal_code or ""
        if column == 4:
            return str(row.partner_count)
        if column == 5 and hit is not None:
            return " ".join(hit.snippet.split())
        return None
