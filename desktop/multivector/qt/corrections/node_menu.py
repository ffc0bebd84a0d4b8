"""Context menus for corrections: on a tree node (change tier, rename, merge, delete, add note)
and on an evidence row (remove or move the passage). Each item becomes one undoable edit."""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

from PySide6.QtCore import QObject, QPoint, Qt
from PySide6.QtWidgets import QInputDialog, QMenu, QWidget

from multivector.explore.selection import NodeRef, label
from multivector.model.analysis import TIERS, Span
from multivector.model.nodes import REMOVED_PREFIX
from multivector.qt.common import icons
from multivector.qt.corrections.assign_dialog import ask_assign
from multivector.qt.corrections.controller import CorrectionsController
from multivector.qt.views.evidence_list import EvidenceList
from multivector.qt.views.partner_tree import PartnerTree


class Editing(Protocol):
    """What the menus need of the corrections wiring: the open article's controller, a way to
    apply one edit, and the window that parents the questions."""

    controller: CorrectionsController | None
    host: QWidget

    def edit(self, change: Callable[[CorrectionsController], object]) -> bool: ...

TIER_LABELS = {"primary": "&Primary", "secondary": "&Secondary", None: "&No tier"}


# The questions, as module functions so that tests can answer them.
def ask_text(parent: QWidget, title: str, prompt: str, value: str) -> str | None:
    text, ok = QInputDialog.getText(parent, title, prompt, text=value)
    return text if ok and text.strip() else None


def ask_item(parent: QWidget, title: str, prompt: str, items: list[str]) -> int | None:
    """The index of the chosen item, or None."""
    text, ok = QInputDialog.getItem(parent, title, prompt, items, 0, False)
    return items.index(text) if ok and text in items else None


def ask_note(parent: QWidget, title: str, prompt: str) -> str | None:
    text, ok = QInputDialog.getMultiLineText(parent, title, prompt)
    return text if ok and text.strip() else None


class NodeMenus(QObject):
    """Builds and shows the tree's and the evidence list's correction menus."""

    def __init__(self, wiring: Editing, tree: PartnerTree, evidence: EvidenceList,
                 selection: Callable[[], tuple[NodeRef | None, tuple[Span, ...]]]) -> None:
        super().__init__(wiring)  # type: ignore[arg-type]
        self.wiring = wiring
        self.parent_widget = wiring.host
        self.tree = tree
        self.evidence = evidence
        self.selection = selection
        self.last_menu: QMenu | None = None  # the menu shown last (tests, automation)
        view = tree.view
        view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        view.customContextMenuRequested.connect(self._tree_menu_at)
        evidence.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        evidence.customContextMenuRequested.connect(self._evidence_menu_at)

    def _popup(self, menu: QMenu | None, widget: QWidget, pos: QPoint) -> None:
        if menu is not None:
            self.last_menu = menu
            menu.popup(widget.mapToGlobal(pos))

    def _tree_menu_at(self, pos: QPoint) -> None:
        tree = self.tree
        ref = tree.node_at(pos)
        if ref is not None:
            tree.select(ref)  # the menu acts on what the user sees selected
            self._popup(self.node_menu(ref), tree.view.viewport(), pos)

    def _evidence_menu_at(self, pos: QPoint) -> None:
        evidence = self.evidence
        index = evidence.indexAt(pos)
        if index.isValid():
            self._popup(self.evidence_menu(index.row()), evidence.viewport(), pos)

    # -- the tree --------------------------------------------------------------------------------
    def node_menu(self, ref: NodeRef) -> QMenu | None:
        """The correction menu of a partner or area node; None for other rows (the budget)."""
        ctl = self.wiring.controller
        if ctl is None:
            return None
        if ref.node_id.startswith(REMOVED_PREFIX):
            return self._removed_menu(ctl, ref.node_id.removeprefix(REMOVED_PREFIX))
        analysis = ctl.analysis
        partner, area = analysis.partner(ref.node_id), analysis.area(ref.node_id)
        if partner is None and area is None:
            return None
        node_id, name = ref.node_id, label(analysis, ref.node_id)
        menu = QMenu(self.parent_widget)
        menu.setObjectName("nodeMenu")
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        if partner is not None:
            tiers = menu.addMenu(icons.icon("tier"), "Change &Tier")
            for tier in (*TIERS, None):
                action = tiers.addAction(TIER_LABELS.get(tier, str(tier)))
                action.setCheckable(True)
                action.setChecked(partner.tier == tier)
                action.triggered.connect(
                    lambda _c=False, t=tier: self.wiring.edit(lambda c: c.set_tier(node_id, t)))
        menu.addAction(icons.icon("rename"), "&Rename...").triggered.connect(
            lambda _c=False: self.rename(node_id, name))
        merge = menu.addAction(icons.icon("merge"), "&Merge into...")
        merge.triggered.connect(lambda _c=False: self.merge(node_id, name))
        merge.setEnabled(bool(self._merge_targets(node_id)))
        menu.addAction(icons.icon("note"), "Add &Note...").triggered.connect(
            lambda _c=False: self.note(node_id, name))
        menu.addSeparator()
        menu.addAction(icons.icon("delete"), f"&Delete {name}").triggered.connect(
            lambda _c=False: self.wiring.edit(lambda c: c.delete(node_id)))
        return menu

    def _removed_menu(self, ctl: CorrectionsController, node_id: str) -> QMenu:
        menu = QMenu(self.parent_widget)
        menu.setObjectName("nodeMenu")
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        menu.addAction(icons.icon("undo"), f"&Restore {ctl.node_label(node_id)}").triggered.connect(
            lambda _c=False: self.restore(node_id))
        return menu

    def restore(self, node_id: str) -> None:
        """Bring a deleted node back, its passages with it, and select it."""
        if self.wiring.edit(lambda c: c.restore(node_id)):
            self.tree.select(node_id)

    def _merge_targets(self, node_id: str) -> list[tuple[str, str]]:
        """(id, label) of the nodes `node_id` can merge into: partners with partners, areas
        with areas."""
        ctl = self.wiring.controller
        if ctl is None:
            return []
        analysis = ctl.analysis
        if analysis.partner(node_id) is not None:
            return [(p.id, f"{p.name} ({p.id})") for p in analysis.partners if p.id != node_id]
        return [(a.id, a.label) for a in analysis.areas if a.id != node_id]

    def rename(self, node_id: str, name: str) -> None:
        new = ask_text(self.parent_widget, "Rename", f"New name for {name}:", name)
        if new is not None and new.strip() != name:
            self.wiring.edit(lambda c: c.rename(node_id, new))

    def merge(self, node_id: str, name: str) -> None:
        targets = self._merge_targets(node_id)
        chosen = ask_item(self.parent_widget, "Merge", f"Merge {name} and its evidence into:",
                          [text for _id, text in targets])
        if chosen is not None:
            target = targets[chosen][0]
            if self.wiring.edit(lambda c: c.merge(node_id, target)):
                self.tree.select(target)

    def note(self, node_id: str, name: str) -> None:
        text = ask_note(self.parent_widget, "Add Note", f"Note on {name}:")
        if text is not None:
            self.wiring.edit(lambda c: c.add_note(text, node_id=node_id))

    # -- the evidence list -----------------------------------------------------------------------
    def evidence_menu(self, row: int) -> QMenu | None:
        """The menu of one evidence row of the selected partner or area."""
        ctl = self.wiring.controller
        ref, spans = self.selection()
        if ctl is None or ref is None or not 0 <= row < len(spans):
            return None
        if ctl.analysis.partner(ref.node_id) is None and ctl.analysis.area(ref.node_id) is None:
            return None  # the budget's passages are figures, not evidence to correct
        span, node_id = spans[row], ref.node_id
        name = label(ctl.analysis, node_id)
        menu = QMenu(self.parent_widget)
        menu.setObjectName("evidenceMenu")
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        menu.addAction(icons.icon("delete"), f"&Remove Passage from {name}").triggered.connect(
            lambda _c=False: self.wiring.edit(lambda c: c.remove_passage(span, node_id)))
        menu.addAction("&Move Passage to...").triggered.connect(
            lambda _c=False: self.move(span, node_id))
        menu.addAction(icons.icon("note"), "Add Note on Passage...").triggered.connect(
            lambda _c=False: self.passage_note(span, node_id, name))
        return menu

    def move(self, span: Span, node_id: str) -> None:
        ctl = self.wiring.controller
        if ctl is None:
            return
        quote = ctl.analysis.document.text[span.start:span.end]
        choice = ask_assign(ctl.analysis, quote, self.parent_widget)
        if choice is not None:
            self.wiring.edit(lambda c: c.move_passage(span, node_id, choice))

    def passage_note(self, span: Span, node_id: str, name: str) -> None:
        text = ask_note(self.parent_widget, "Add Note", f"Note on this passage of {name}:")
        if text is not None:
            self.wiring.edit(lambda c: c.add_note(text, node_id=node_id, span=span))
