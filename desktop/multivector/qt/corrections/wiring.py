"""The window's side of corrections: one controller per opened article, its project file, the
Edit menu's Undo / Redo / Assign, Save Corrections, the Undo History dock, and the questions
asked when leaving an article with unsaved work."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QUndoGroup
from PySide6.QtWidgets import QDockWidget, QMainWindow

from multivector.corrections.locate import project_file_for, projects_dir, saved_focal
from multivector.explore.selection import NodeRef
from multivector.model.analysis import Analysis, Span
from multivector.model.errors import InputError
from multivector.qt.common import icons
from multivector.qt.common.menus import MenuSlots, make_action
from multivector.qt.common.status import StatusLine
from multivector.qt.corrections import node_menu
from multivector.qt.corrections.assign_dialog import ask_assign
from multivector.qt.corrections.controller import CorrectionsController
from multivector.qt.corrections.exchange import AnnotationExchange
from multivector.qt.corrections.prompts import confirm_close, offer_recovery
from multivector.qt.corrections.undo_history import (
    UndoHistoryView,
    assign_action,
    undo_redo_actions,
)
from multivector.qt.views.evidence_list import EvidenceList
from multivector.qt.views.partner_tree import PartnerTree
from multivector.qt.views.reader import Reader

Selection = Callable[[], tuple[NodeRef | None, tuple[Span, ...]]]


def _same_file(a: str | None, b: str | os.PathLike[str] | None) -> bool:
    if not a or not b:
        return False
    return Path(a).resolve() == Path(b).resolve()


class CorrectionsWiring(QObject):
    """Keeps the controller of the open article and announces its corrected analysis
    (`analysis_ready`), which the window shows as it shows a freshly opened one."""

    analysis_ready = Signal(object)  # Analysis, with the analyst's corrections applied
    focal_changed = Signal(object)  # str | None: analyse the open article again from this side

    def __init__(self, host: QMainWindow, menus: MenuSlots, status: StatusLine, reader: Reader,
                 tree: PartnerTree, evidence: EvidenceList, selection: Selection,
                 autosave_ms: int | None = None) -> None:
        super().__init__(host)
        self.host = host  # parent of dialogs and docks; shows the unsaved-work mark
        self.status = status
        self.reader = reader
        self.tree = tree
        self.controller: CorrectionsController | None = None
        self.autosave_ms = autosave_ms
        self.prompts = True  # False for --screenshot: no question may block a run without a user
        self.group = QUndoGroup(self)
        window = host
        self.undo, self.redo = undo_redo_actions(self.group, window)  # type: ignore[arg-type]
        self.undo.setIcon(icons.icon("undo"))
        self.redo.setIcon(icons.icon("redo"))
        self.assign = assign_action(window)
        self.assign.setEnabled(False)
        self.assign.triggered.connect(lambda _checked=False: self.assign_selection())
        self.save = make_action(window, "&Save Corrections", self.save_now,
                                "Save the corrections of this article beside it (Ctrl+S)",
                                QKeySequence.keyBindings(QKeySequence.StandardKey.Save), "save")
        self.save.setEnabled(False)
        for action in (self.undo, self.redo, self.assign):
            window.addAction(action)
        menus.add_to_edit([self.undo, self.redo, None, self.assign, None])
        menus.add_to_file([None, self.save])
        reader.add_context_action(self.assign)
        reader.copyAvailable.connect(self.assign.setEnabled)

        self.history = UndoHistoryView(self.group)  # type: ignore[arg-type]
        self.history.setAccessibleName("Undo history")
        self.history.setToolTip("Every correction in order; click one to go back or forward to it")
        self.history_dock = QDockWidget("Undo History", window)
        self.history_dock.setObjectName("undoHistoryDock")
        self.history_dock.setWidget(self.history)
        window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.history_dock)
        self.history_dock.hide()
        toggle = self.history_dock.toggleViewAction()
        toggle.setText("Undo &History")
        toggle.setIcon(icons.icon("history"))
        menus.add_to_view([toggle])

        self.menus = node_menu.NodeMenus(self, tree, evidence, selection)
        self.exchange = AnnotationExchange(host, menus, lambda: self.controller, self.report)

    # -- opening and leaving an article --------------------------------------------------------
    def open_article(self, analysis: Analysis) -> None:
        """A freshly analysed article: its own controller (the same one when the same file was
        read again), its saved corrections loaded, and recovery offered when the autosave is
        newer."""
        path = analysis.document.path
        old = self.controller
        if old is not None and _same_file(old.base.document.path, path):
            old.set_base(analysis)  # re-extracted text: the same corrections, placed again
            return
        kwargs = {} if self.autosave_ms is None else {"autosave_ms": self.autosave_ms}
        ctl = CorrectionsController(analysis, project_file_for(path), parent=self, **kwargs)
        ctl.analysis_changed.connect(lambda corrected, c=ctl: self._changed(c, corrected))
        ctl.dirty_changed.connect(lambda dirty, c=ctl: self._dirty(c, dirty))
        ctl.problems_changed.connect(lambda problems, c=ctl: self._problems(c, problems))
        ctl.autosave_failed.connect(self.report)
        ctl.saved.connect(lambda where: self.report(f"Corrections saved to {where}"))
        ctl.focal_changed.connect(lambda code, c=ctl: self._focal(c, code))
        refused = self._load_project(ctl)  # before the switch: a refusal must not half-switch
        if refused is not None and old is not None:
            # the window stays on the article it showed, with that article's Save and undo
            ctl.deleteLater()
            self.report(f"{Path(path or '').name} not opened: its corrections file cannot be "
                        f"used: {refused}")
            return
        self.controller = ctl
        self.group.addStack(ctl.undo_stack)
        self.group.setActiveStack(ctl.undo_stack)
        if old is not None:
            self.group.removeStack(old.undo_stack)
            old.deleteLater()
        self.save.setEnabled(ctl.project_path is not None)
        self.host.setWindowModified(False)
        if refused is not None:  # the first article: shown without its corrections
            self.report(f"Corrections not loaded: {refused}")
        self._show(ctl, ctl.analysis)
        self._problems(ctl, ctl.problems)  # announced while loading, before it was current
        QTimer.singleShot(0, lambda c=ctl: self._offer_recovery(c))

    @staticmethod
    def _load_project(ctl: CorrectionsController) -> InputError | None:
        """Load the article's saved corrections, if any; the refusal when they cannot be used."""
        if ctl.project_path is None or not ctl.project_path.exists():
            return None
        try:
            ctl.load()
        except InputError as err:
            return err
        return None

    def _offer_recovery(self, ctl: CorrectionsController) -> None:
        if ctl is self.controller and self.prompts:
            offer_recovery(ctl, self.host)

    def may_open(self, path: str | os.PathLike[str] | None) -> bool:
        """Whether opening `path` may go ahead: asks about unsaved corrections of another
        article."""
        ctl = self.controller
        if ctl is None or _same_file(ctl.base.document.path, path):
            return True
        return self.may_close()

    def may_close(self) -> bool:
        """Whether the window may close: asks to save unsaved corrections."""
        ctl = self.controller
        if ctl is None or not ctl.is_dirty or not self.prompts:
            return True
        return confirm_close(ctl, self.host)

    # -- what the controller announces ----------------------------------------------------------
    def _changed(self, ctl: CorrectionsController, corrected: Analysis) -> None:
        if ctl is self.controller:
            self._show(ctl, corrected)

    def _show(self, ctl: CorrectionsController, analysis: Analysis) -> None:
        self.tree.set_edited(ctl.edited_nodes())
        self.tree.set_removed(ctl.removed)
        self.analysis_ready.emit(analysis)

    def _focal(self, ctl: CorrectionsController, code: str | None) -> None:
        if ctl is self.controller:
            self.focal_changed.emit(code)

    def choose_focal(self, code: str | None, name: str) -> None:
        """The analyst chose the country the article is about: kept with the corrections (one
        undoable step); the article is analysed again through `focal_changed`."""
        if self.controller is None:
            self.focal_changed.emit(code)
        else:
            self.controller.choose_focal(code, name)

    @staticmethod
    def saved_focal(path: str | os.PathLike[str] | None) -> str | None:
        """The focal country an article's project keeps, read before it is analysed."""
        return saved_focal(path)

    def _dirty(self, ctl: CorrectionsController, dirty: bool) -> None:
        if ctl is self.controller:
            self.host.setWindowModified(dirty)

    def _problems(self, ctl: CorrectionsController, problems: tuple[object, ...]) -> None:
        if ctl is self.controller and problems:
            first = getattr(problems[0], "message", str(problems[0]))
            more = f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""
            self.report(f"{len(problems)} corrections could not be placed: {first}{more}")

    def report(self, message: str) -> None:
        self.status.report(message)

    # -- edits ----------------------------------------------------------------------------------
    def edit(self, change: Callable[[CorrectionsController], object]) -> bool:
        """Apply one edit to the open article's corrections; a refused edit is reported, not
        raised."""
        if self.controller is None:
            self.report("Open an article first")
            return False
        try:
            change(self.controller)
        except InputError as err:
            self.report(str(err))
            return False
        return True

    def assign_selection(self) -> bool:
        """Edit > Assign to partner / area...: the reader's selected passage becomes evidence of a chosen node."""
        span = self.reader.selected_span()
        ctl = self.controller
        if span is None or ctl is None:
            self.report("Select a passage in the article first")
            return False
        quote = ctl.analysis.document.text[span.start:span.end]
        choice = ask_assign(ctl.analysis, quote, self.host)
        if choice is None:
            return False
        return self.edit(lambda c: c.assign(span, choice))

    def save_now(self) -> bool:
        """File > Save Corrections."""
        if self.controller is None:
            return False
        try:
            self.controller.save()
        except (InputError, OSError) as err:
            self.report(f"Corrections not saved: {err}")
            return False
        return True

    def edited_nodes(self) -> frozenset[str]:
        return self.controller.edited_nodes() if self.controller is not None else frozenset()
