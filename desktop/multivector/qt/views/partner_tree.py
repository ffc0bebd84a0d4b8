"""The left pane: a filter box above the partner / area tree."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPoint, QSortFilterProxyModel, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QHeaderView, QLineEdit, QTreeView, QVBoxLayout, QWidget

from multivector.explore.selection import NodeRef
from multivector.model.analysis import Analysis
from multivector.model.nodes import split_scoped
from multivector.qt.views.tree_model import NODE_ROLE, SCOPE_ROLE, NodeTreeModel


class PartnerTree(QWidget):
    """Shows the analysis as a tree and announces the node the user selects (or None)."""

    node_selected = Signal(object)  # NodeRef | None

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = NodeTreeModel()
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setRecursiveFilteringEnabled(True)
        self.proxy.setAutoAcceptChildRows(True)  # a matching partner keeps its areas visible
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.proxy.setFilterKeyColumn(0)

        self.filter = QLineEdit(self)
        self.filter.setObjectName("treeFilter")
        self.filter.setPlaceholderText("Filter partners and areas")
        self.filter.setClearButtonEnabled(True)
        self.filter.setToolTip("Show only nodes whose name contains this text")
        self.filter.setAccessibleName("Filter the tree")
        self.filter.textChanged.connect(self._on_filter)

        self.view = QTreeView(self)
        self.view.setObjectName("partnerTree")
        self.view.setModel(self.proxy)
        self.view.setAccessibleName("Partners and areas")
        self.view.setToolTip("Select a node to highlight its passages in the article")
        self.view.setUniformRowHeights(True)
        self.view.setIndentation(14)  # three levels deep, names still fit a narrow pane
        self.view.setAlternatingRowColors(True)
        header = self.view.header()
        header.setAccessibleName("Tree columns")
        header.setToolTip("Node name and the number of passages supporting it")
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.view.selectionModel().currentChanged.connect(self._on_current)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.filter)
        layout.addWidget(self.view)
        self.setFocusProxy(self.view)

    @property
    def mode(self) -> str:
        """"partner" or "area": what the tree's top level lists."""
        return self.model.mode

    def color(self, node_id: str) -> QColor:
        return self.model.color(node_id)

    def set_removed(self, nodes: tuple[object, ...]) -> None:
        """The partners and areas an analyst deleted, listed under "Removed" from the next
        rebuild on."""
        self.model.set_removed(nodes)  # type: ignore[arg-type]

    def removed_passages(self, node_id: str) -> tuple[object, ...] | None:
        """The passages of a node under "Removed"; None for other nodes."""
        return self.model.removed_passages(node_id)

    def set_edited(self, node_ids: frozenset[str]) -> None:
        """Mark the nodes an analyst has corrected."""
        self.model.set_edited(node_ids)

    def set_analysis(self, analysis: Analysis | None, mode: str | None = None) -> None:
        """Rebuild for a new analysis or view mode, keeping the selected node when it remains."""
        keep = self.current()
        self.model.set_analysis(analysis, mode)
        self.view.expandAll()
        if keep is None or not self.select(keep):
            self.node_selected.emit(None)

    def node_at(self, pos: QPoint) -> NodeRef | None:
        """The node under a point of the view's viewport (for its context menu)."""
        return self._ref(self.view.indexAt(pos))

    def current(self) -> NodeRef | None:
        return self._ref(self.view.currentIndex())

    def select(self, ref: NodeRef | str) -> bool:
        """Make the item for `ref` (or a node id) current; False when the tree has no such node.

        A scoped id names the pair in either order and in either view: "ESP/training" is
        Training under Spain by partner, and Spain under Training by area."""
        indexes = self._indexes()
        if isinstance(ref, str):
            first, second = split_scoped(ref)
            if second is not None:
                for index in indexes:
                    found = self._ref(index)
                    if found is not None and found.scope is not None and (
                            {found.node_id, found.scope} == {first, second}):
                        self._make_current(index)
                        return True
                return False
            ref = NodeRef(ref)
        # The exact item first; else the same node under another scope (after a shape switch).
        for wanted in (ref, ref.node_id):
            for index in indexes:
                found = self._ref(index)
                if found == wanted or (found is not None and found.node_id == wanted):
                    self._make_current(index)
                    return True
        return False

    def _make_current(self, index: QModelIndex) -> None:
        self.view.setCurrentIndex(index)
        self.view.scrollTo(index)

    def node_refs(self) -> list[NodeRef]:
        """Every node shown, in tree order (for tests and automation)."""
        return [r for r in map(self._ref, self._indexes()) if r is not None]

    def _indexes(self, parent: QModelIndex | None = None) -> list[QModelIndex]:
        parent = parent or QModelIndex()
        found: list[QModelIndex] = []
        for row in range(self.proxy.rowCount(parent)):
            index = self.proxy.index(row, 0, parent)
            found.append(index)
            found += self._indexes(index)
        return found

    @staticmethod
    def _ref(index: QModelIndex) -> NodeRef | None:
        if not index.isValid():
            return None
        node_id = index.siblingAtColumn(0).data(NODE_ROLE)
        return NodeRef(node_id, index.siblingAtColumn(0).data(SCOPE_ROLE)) if node_id else None

    def _on_current(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self.node_selected.emit(self._ref(current))

    def _on_filter(self, text: str) -> None:
        self.proxy.setFilterFixedString(text)
        self.view.expandAll()
