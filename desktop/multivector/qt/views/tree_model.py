"""The partner / area tree as a Qt item model, fed from the analysis.

Two shapes: by partner (tier > partner > its programs and areas) and by area (area > partners),
the budget first in both. Every item carries its node id in Qt.UserRole and, below another node,
that node's id as scope; the tier groups are nodes too ("tier:primary").
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QIcon, QStandardItem, QStandardItemModel

from multivector.explore.colors import color_slots
from multivector.explore.selection import NodeRef, count_note, label, passages, summary
from multivector.model.analysis import Analysis, Area, Partner, Span
from multivector.model.nodes import (
    BUDGET_NODE,
    REMOVED_GROUP,
    REMOVED_PREFIX,
    group_members,
    removed_id,
    tier_group_id,
)
from multivector.qt.common import icons

NODE_ROLE = Qt.ItemDataRole.UserRole
SCOPE_ROLE = Qt.ItemDataRole.UserRole + 1
EDITED_ROLE = Qt.ItemDataRole.UserRole + 2  # True on nodes an analyst corrected
EDITED_TIP = "Corrected by an analyst"
MODES = ("partner", "area")
TIERS_SHOWN = ("primary", "secondary", None)
COUNT_TIP = ("Passages supporting the node, each counted once. A passage that names several "
             "areas counts under each of them and one that names none under none, so a "
             "partner's count need not be the sum of its areas' (the same for an area and its "
             "partners).")


def node_colors(analysis: Analysis, also: tuple[str, ...] = ()) -> dict[str, QColor]:
    """Each node's colour, the same in the tree's icons and the reader's highlights, chosen from
    its id (`also`: ids that keep their colour while not in the analysis, such as removed
    partners, so that nobody else takes it)."""
    partners = [p.id for p in analysis.partners] + list(also)
    # The last colour, a grey, reads as "disabled": nodes get the others.
    slots = color_slots([partners, [a.id for a in analysis.areas]], len(icons.NODE_COLORS) - 1)
    colors = {nid: icons.node_color(slot) for nid, slot in slots.items()}
    colors[BUDGET_NODE] = QColor(icons.BUDGET_COLOR)
    return colors


class NodeTreeModel(QStandardItemModel):
    """Two columns, the node and its passage count; rebuilt only when the analysis or mode changes."""

    def __init__(self) -> None:
        super().__init__()
        self._analysis: Analysis | None = None
        self._mode = "partner"
        self._colors: dict[str, QColor] = {}
        self._edited: frozenset[str] = frozenset()
        self._removed: tuple[Partner | Area, ...] = ()
        self.setHorizontalHeaderLabels(["Node", "#"])
        self.horizontalHeaderItem(1).setToolTip(COUNT_TIP)

    @property
    def mode(self) -> str:
        return self._mode

    def set_analysis(self, analysis: Analysis | None, mode: str | None = None) -> None:
        if mode is not None and mode not in MODES:
            raise ValueError(f"tree mode must be one of {MODES}, not {mode!r}")
        self._analysis = analysis
        self._mode = mode or self._mode
        gone = tuple(n.id for n in self._removed)
        self._colors = node_colors(analysis, also=gone) if analysis else {}
        self.removeRows(0, self.rowCount())
        if analysis is None:
            return
        root = self.invisibleRootItem()
        # The budget first: one short row, found at once however long the tree below it.
        budget = self._row(analysis, NodeRef(BUDGET_NODE), "budget")
        if not analysis.budget:  # still there to be found, but plainly empty
            for cell in budget:
                cell.setForeground(QColor(icons.NODE_COLORS[-1]))
        root.appendRow(budget)
        if self._mode == "partner":
            self._fill_by_partner(root, analysis)
        else:
            self._fill_by_area(root, analysis)
        if self._removed:
            self._fill_removed(root)

    def set_removed(self, nodes: tuple[Partner | Area, ...]) -> None:
        """The nodes an analyst deleted, as they were: listed under "Removed" at the next
        rebuild, so they can be seen and restored."""
        self._removed = tuple(nodes)

    def removed_passages(self, node_id: str) -> tuple[Span, ...] | None:
        """The passages of a removed node (or of all of them, for the group); None for any
        other node."""
        if node_id == REMOVED_GROUP:
            nodes = self._removed
        elif node_id.startswith(REMOVED_PREFIX):
            wanted = node_id.removeprefix(REMOVED_PREFIX)
            nodes = tuple(n for n in self._removed if n.id == wanted)
        else:
            return None
        spans = {Span(x.start, x.end) for n in nodes for x in n.passages}
        return tuple(sorted(spans, key=lambda s: (s.start, s.end)))

    def _fill_removed(self, root: QStandardItem) -> None:
        muted = QColor(icons.NODE_COLORS[-1])
        group = self._plain_row(REMOVED_GROUP, "Removed", "delete",
                                "Nodes deleted by an analyst; right-click one to restore it")
        root.appendRow(group)
        for node in self._removed:
            name = node.name if isinstance(node, Partner) else node.label
            icon = node.kind if isinstance(node, Partner) else node.icon
            row = self._plain_row(removed_id(node.id), name, icon,
                                  f"{name}: deleted by an analyst, with "
                                  f"{len(self.removed_passages(removed_id(node.id)) or ())} "
                                  "passages; right-click to restore it")
            for cell in row:
                cell.setForeground(muted)
            group[0].appendRow(row)
        group[1].setText(str(len(self.removed_passages(REMOVED_GROUP) or ())))

    def _plain_row(self, node_id: str, text: str, icon_name: str,
                   tip: str) -> list[QStandardItem]:
        item = QStandardItem(text)
        item.setIcon(icons.icon(icon_name, self.color(node_id.removeprefix(REMOVED_PREFIX))
                                .name()))
        item.setData(node_id, NODE_ROLE)
        item.setToolTip(tip)
        count = QStandardItem(str(len(self.removed_passages(node_id) or ())))
        count.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        count.setToolTip(tip)
        for cell in (item, count):
            cell.setEditable(False)
        return [item, count]

    def set_edited(self, node_ids: frozenset[str]) -> None:
        """Mark the nodes an analyst touched with a pencil beside their count, so human and
        machine evidence stay apart; rows already shown are marked in place."""
        self._edited = frozenset(node_ids)
        stack = [self.invisibleRootItem()]
        while stack:
            parent = stack.pop()
            for row in range(parent.rowCount()):
                item, count = parent.child(row, 0), parent.child(row, 1)
                stack.append(item)
                if item.data(NODE_ROLE) is not None and count is not None:
                    self._mark(item, count)

    def _mark(self, item: QStandardItem, count: QStandardItem) -> None:
        edited = item.data(NODE_ROLE) in self._edited
        if bool(item.data(EDITED_ROLE)) == edited and not edited:
            return
        item.setData(edited, EDITED_ROLE)
        count.setIcon(icons.icon("edited") if edited else QIcon())
        tip = item.toolTip().removesuffix(f"\n{EDITED_TIP}")
        count.setToolTip(f"{tip}\n{EDITED_TIP}" if edited else tip)

    def color(self, node_id: str) -> QColor:
        return self._colors.get(node_id, QColor(icons.NODE_COLORS[-1]))

    def _row(self, analysis: Analysis, ref: NodeRef, icon_name: str) -> list[QStandardItem]:
        item = QStandardItem(label(analysis, ref.node_id))
        item.setIcon(icons.icon(icon_name, self.color(ref.node_id).name()))
        item.setData(ref.node_id, NODE_ROLE)
        item.setData(ref.scope, SCOPE_ROLE)
        note = count_note(analysis, ref)
        item.setToolTip(summary(analysis, ref) + (f"\n{note}" if note else ""))
        count = QStandardItem(str(len(passages(analysis, ref))))
        count.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        count.setToolTip(item.toolTip())
        for cell in (item, count):
            cell.setEditable(False)
        self._mark(item, count)
        return [item, count]

    def _group(self, analysis: Analysis, tier: str | None) -> list[QStandardItem]:
        """A tier group: a node whose passages are all its members' (each once)."""
        row = self._row(analysis, NodeRef(tier_group_id(tier)), "tier")
        row[0].setIcon(icons.icon("tier"))  # the group's own colour would claim a partner's
        font = row[0].font()
        font.setBold(True)
        row[0].setFont(font)
        return row

    def _partner_row(self, analysis: Analysis, partner: Partner, scope: str | None) -> list[QStandardItem]:
        return self._row(analysis, NodeRef(partner.id, scope), partner.kind)

    def _fill_by_partner(self, root: QStandardItem, analysis: Analysis) -> None:
        for tier in TIERS_SHOWN:
            # Top-level partners; a program whose parent the article never names is one too.
            members = [analysis.partner(pid) for pid in group_members(analysis, tier)]
            if not members:
                continue
            group = self._group(analysis, tier)
            root.appendRow(group)
            for partner in members:
                assert partner is not None
                row = self._partner_row(analysis, partner, None)
                group[0].appendRow(row)
                self._fill_partner(row[0], analysis, partner)

    def _fill_partner(self, item: QStandardItem, analysis: Analysis, partner: Partner) -> None:
        for child in (p for p in analysis.partners if p.parent == partner.id):
            row = self._partner_row(analysis, child, None)
            item.appendRow(row)
            self._fill_partner(row[0], analysis, child)
        for area_id in partner.areas:
            area = analysis.area(area_id)
            if area is not None:
                item.appendRow(self._row(analysis, NodeRef(area.id, partner.id), area.icon))

    def _fill_by_area(self, root: QStandardItem, analysis: Analysis) -> None:
        for area in analysis.areas:
            row = self._row(analysis, NodeRef(area.id), area.icon)
            root.appendRow(row)
            for partner_id in area.partners:
                partner = analysis.partner(partner_id)
                if partner is not None:
                    row[0].appendRow(self._partner_row(analysis, partner, area.id))
