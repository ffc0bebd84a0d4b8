"""The partner x area matrix as a Qt table model: partners down, areas across, each cell the
number of passages of the node "PARTNER/AREA" (summary/matrix.py computes them)."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

from multivector.model.analysis import Analysis
from multivector.model.nodes import scoped_id
from multivector.qt.common import icons
from multivector.summary.matrix import PartnerMatrix, partner_area_matrix

NODE_ROLE = Qt.ItemDataRole.UserRole  # the cell's node id, "ESP/training", as in the tree
Index = QModelIndex | QPersistentModelIndex
TIER_NAMES = {"primary": "primary", "secondary": "secondary", None: "no tier"}


def _plural(count: int) -> str:
    return "1 passage" if count == 1 else f"{count} passages"


class MatrixModel(QAbstractTableModel):
    """Read-only; rebuilt whole when the analysis changes."""

    def __init__(self) -> None:
        super().__init__()
        self._matrix = PartnerMatrix((), (), {})
        self._most = 1
        self._tint = QColor(icons.NODE_COLORS[0])

    @property
    def matrix(self) -> PartnerMatrix:
        return self._matrix

    def set_analysis(self, analysis: Analysis | None) -> None:
        self.beginResetModel()
        self._matrix = partner_area_matrix(analysis) if analysis else PartnerMatrix((), (), {})
        self._most = max((len(s) for s in self._matrix.cells.values()), default=1)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._matrix.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._matrix.columns)

    def node_id(self, index: Index) -> str | None:
        """The node a cell stands for, or None for an empty cell."""
        if not index.isValid():
            return None
        row = self._matrix.rows[index.row()]
        column = self._matrix.columns[index.column()]
        if not self._matrix.count(row.partner_id, column.area_id):
            return None
        return scoped_id(row.partner_id, column.area_id)

    def index_of(self, node_id: str) -> QModelIndex:
        """The cell of "PARTNER/AREA" (either order), or an invalid index."""
        first, _, second = node_id.partition("/")
        for r, row in enumerate(self._matrix.rows):
            for c, column in enumerate(self._matrix.columns):
                if {row.partner_id, column.area_id} == {first, second}:
                    return self.index(r, c)
        return QModelIndex()

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        row = self._matrix.rows[index.row()]
        column = self._matrix.columns[index.column()]
        count = self._matrix.count(row.partner_id, column.area_id)
        if role == Qt.ItemDataRole.DisplayRole:
            return str(count) if count else ""
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{row.name} · {column.label}: {_plural(count)}"
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.BackgroundRole and count:
            tint = QColor(self._tint)
            tint.setAlpha(40 + int(140 * count / self._most))  # more passages, a stronger cell
            return tint
        if role == NODE_ROLE:
            return self.node_id(index)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"{row.name}, {column.label}: {_plural(count)}"
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if orientation == Qt.Orientation.Horizontal:
            if not 0 <= section < len(self._matrix.columns):
                return None
            column = self._matrix.columns[section]
            if role == Qt.ItemDataRole.DisplayRole:
                return column.label
            if role == Qt.ItemDataRole.ToolTipRole:
                return f"{column.label}: click a cell to see its passages"
            if role == Qt.ItemDataRole.DecorationRole:
                return icons.icon(column.icon)
            return None
        if not 0 <= section < len(self._matrix.rows):
            return None
        row = self._matrix.rows[section]
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{row.name} · {TIER_NAMES.get(row.tier, row.tier)}"
        if role == Qt.ItemDataRole.ToolTipRole:
            total = sum(self._matrix.count(row.partner_id, c.area_id)
                        for c in self._matrix.columns)
            tier = f"{row.tier} partner" if row.tier else "partner with no tier"
            return f"{row.name}: {tier}; {_plural(total)} across its areas"
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled
        if self.node_id(index) is not None:
            flags |= Qt.ItemFlag.ItemIsSelectable
        return flags
