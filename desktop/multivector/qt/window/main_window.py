"""The explorer window: composes the tree, reader, evidence list and budget plot, and routes a
selection from the tree to all of them. Panes are docks, so more can be docked in later."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEvent, QModelIndex, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QColor, QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QMainWindow,
    QVBoxLayout,
    QWidget,
)

from multivector.explore.selection import (
    EvidenceRows,
    NodeRef,
    full_label,
    initial_node,
    passages,
    supports,
)
from multivector.model.analysis import Analysis, Document, Span
from multivector.model.nodes import node_passages, split_scoped
from multivector.qt.common.menus import add_dock
from multivector.qt.common.settings import Settings
from multivector.qt.common.status import StatusLine
from multivector.qt.views.budget_pane import BudgetPane
from multivector.qt.views.evidence_list import ANALYSING, HINT, EvidenceList
from multivector.qt.views.partner_matrix import PartnerMatrix
from multivector.qt.views.partner_tree import PartnerTree
from multivector.qt.views.reader import Reader
from multivector.qt.views.search_bar import SearchBar
from multivector.qt.views.title_block import TitleBlock
from multivector.qt.window.actions import build_actions, fill_recent, install_printing
from multivector.qt.window.layout import ReaderFirst
from multivector.qt.window.opening import ArticleOpening

PLOT_AT_THE_LATEST_MS = 1500  # after the first paint, even while a long analysis runs
EMPTY_READER = ("No article is open. Open one with File › Open… (Ctrl+O), pick one from "
                "File › Open Recent, or drop an article file here.")


class MainWindow(ArticleOpening, QMainWindow):
    """Shows one analysis; `selected` is the node whose passages are highlighted.

    It knows its own views only. Features (corrections, the library, printing) are added by the
    composition root (`compose.py`) and reach the window through its signals, `menus`, `status`
    and the hooks `open_guards`, `close_guards` and `present`."""

    analysis_changed = Signal(object)  # Analysis
    load_failed = Signal(str)
    plot_ready = Signal()
    closing = Signal()

    def __init__(self, settings: Settings) -> None:
        super().__init__()
        self.setObjectName("mainWindow")
        self.settings = settings
        self.analysis: Analysis | None = None
        self.selected: NodeRef | None = None
        self.spans: tuple[Span, ...] = ()
        self.current: int | None = None
        self.plot = None  # the BudgetPlot, created after the first paint
        self.error_box: object = None  # the last 'cannot open' message box
        self.failure: str | None = None  # why the last analysis failed
        self._job: object = None  # the analysis running on a worker
        # The document the reader shows (before its analysis arrives, at start-up), and the
        # one whose analysis waits for the first paint, with the focal country asked for.
        self.shown_document: Document | None = None
        self._waiting: tuple[Document, str | None, object] | None = None
        # Corrections and the library, when compose_window attaches them after the first paint.
        self.attach_features: Callable[[], None] | None = None
        # Asked before another article replaces this one / before the window closes.
        self.open_guards: list[Callable[[str | os.PathLike[str] | None], bool]] = []
        self.close_guards: list[Callable[[], bool]] = []
        # What a freshly analysed article goes through before it is shown (corrections apply
        # the analyst's edits there); by default it is shown as it is.
        self.present: Callable[[Analysis], None] = self.show_analysis
        # The features compose_window attaches, for tests and automation to reach.
        self.corrections: object = None
        self.library: object = None
        self.help_menu: object = None
        self.palette_switch: object = None
        self._painted = False
        self._side_pending = False
        self._stay = False  # a selection that does not scroll the reader (see show_analysis)
        # The analyst's choice of the country the article is about (None: detected); the
        # choice kept for an article is read before it is analysed (`saved_focal`), and a new
        # choice goes through `focal_chosen` (corrections keep it, undoably).
        self.focal_override: str | None = None
        self.saved_focal: Callable[[str | os.PathLike[str] | None], str | None] = (
            lambda _path: None)
        self.focal_chosen: Callable[[str | None, str], None] = (
            lambda code, _name: self.reanalyse(code))
        self._shown_once = False
        self._pending_error: tuple[str, str] | None = None

        self.reader = Reader()
        self.reader.set_hover_text(self._hover_text)
        self.reader.setPlaceholderText(EMPTY_READER)
        self.title_block = TitleBlock()
        self.title_block.focal_requested.connect(self.request_focal)
        self.search = SearchBar(self.reader)
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(6, 4, 6, 0)
        layout.addWidget(self.title_block)
        layout.addWidget(self.search)
        layout.addWidget(self.reader, 1)
        self.setCentralWidget(central)

        self.tree = PartnerTree()
        self.matrix = PartnerMatrix()
        self.evidence = EvidenceList()
        self.budget_pane = BudgetPane()
        self.actions = build_actions(self)
        self.menus = self.actions.slots
        self.tree_dock = add_dock(self, self.menus, "Partners and areas", "treeDock", self.tree,
                                  Qt.DockWidgetArea.LeftDockWidgetArea)
        self.matrix_dock = add_dock(self, self.menus, "Matrix", "matrixDock", self.matrix,
                                    Qt.DockWidgetArea.LeftDockWidgetArea)
        self.tabifyDockWidget(self.tree_dock, self.matrix_dock)  # a tab beside the tree
        self.tree_dock.raise_()
        self.evidence_dock = add_dock(self, self.menus, "Evidence", "evidenceDock",
                                      self.evidence, Qt.DockWidgetArea.RightDockWidgetArea)
        self.plot_dock = add_dock(self, self.menus, "Budget", "plotDock", self.budget_pane,
                                  Qt.DockWidgetArea.RightDockWidgetArea)
        self.status = StatusLine(self.statusBar())
        self.reader_first = ReaderFirst(self, self.reader, self.matrix, self.tree_dock,
                                        self.matrix_dock, self.evidence_dock, self.plot_dock)
        # Esc stops an article being opened (a big file takes a while); enabled only then, so
        # it takes Esc from no one otherwise.
        self._cancel_shortcut = QShortcut(QKeySequence(Qt.Key.Key_Escape), self)
        self._cancel_shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
        self._cancel_shortcut.setEnabled(False)
        self._cancel_shortcut.activated.connect(self.cancel_open)

        self.tree.node_selected.connect(self._on_node)
        self.matrix.node_selected.connect(self.select_node)
        self.evidence.passage_activated.connect(self.go_to_passage)
        self.reader.zoom_changed.connect(lambda z: self.settings.set("reader/zoom", z))
        self.setAcceptDrops(True)
        self.reader.viewport().installEventFilter(self)
        self._restore()

    # -- settings ------------------------------------------------------------------------------
    def restore_layout(self) -> None:
        """Put the docks back where the user left them (once every dock exists)."""
        self.reader_first.restored = self.restoreState(self.settings.get("window/state"))

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._shown_once:
            return
        self._shown_once = True
        if self._pending_error is not None:
            QTimer.singleShot(0, self, lambda: self._error(*self._pending_error))
        self.reader_first.first_show()

    def make_room(self, may_hide: bool = False) -> None:
        """Give the reader back its minimum width (closing extra docks when `may_hide`)."""
        self.reader_first.make_room(may_hide)

    def _restore(self) -> None:
        mode = self.settings.get("tree/mode")
        (self.actions.by_area if mode == "area" else self.actions.by_partner).setChecked(True)
        self.tree.set_analysis(None, mode if mode in ("partner", "area") else "partner")
        self.reader.set_zoom(self.settings.get("reader/zoom"))
        if not self.restoreGeometry(self.settings.get("window/geometry")):
            self.resize(1360, 860)
        self.restore_layout()
        fill_recent(self.actions.recent_menu, self.settings.get("files/recent"), self.open_path)

    def closeEvent(self, event: QCloseEvent) -> None:
        if not all(guard() for guard in self.close_guards):
            event.ignore()
            return
        self.closing.emit()
        self.settings.set("window/geometry", self.saveGeometry())
        self.settings.set("window/state", self.saveState())
        self.settings.sync()
        if self._job is not None:
            self._job.cancel()
        super().closeEvent(event)

    def ensure_features(self) -> None:
        """Attach the features compose_window left for after the first paint, now (once)."""
        attach, self.attach_features = self.attach_features, None
        if attach is not None:
            attach()

    # -- showing an analysis ---------------------------------------------------------------------
    def set_analysis(self, analysis: Analysis) -> None:
        """A freshly analysed article: shown through `present` (with saved corrections applied)."""
        self.ensure_features()
        self.present(analysis)

    def show_analysis(self, analysis: Analysis) -> None:
        """Show an analysis (corrected or not); the selection stays when its node remains."""
        keep = self.selected
        old, doc = self.analysis, analysis.document
        same_text = old is not None and (old.document.sha256, old.document.path) == (
            doc.sha256, doc.path)
        self.analysis = analysis
        self.title_block.set_analysis(analysis, chosen=self.focal_override is not None)
        self.tree.set_busy(False)
        shown = self.shown_document
        read_already = False  # the text was on screen before its analysis, and was scrolled
        if not same_text and (shown is None
                              or (shown.sha256, shown.path) != (doc.sha256, doc.path)):
            self.reader.set_document(doc)
            self.search.set_text(doc.text)
        elif not same_text:
            # The analysis of the text shown since start-up: the reader keeps its place (and
            # stays there, should the user have scrolled meanwhile), as a correction keeps it.
            read_already = self.reader.verticalScrollBar().value() > 0
        self.shown_document = doc
        if self.plot is not None:
            self.plot.set_analysis(analysis)
        self.budget_pane.set_empty(not analysis.budget)
        self.matrix.set_analysis(analysis)
        self.reader_first.matrix_filled()
        self.selected = None
        self.tree.set_analysis(analysis, self.tree.mode)
        if keep is not None and self.selected is None:
            self.tree.select(keep)
        if self.selected is None and not same_text:
            # A new article opens on its strongest partner, its passages already shown.
            first = initial_node(analysis, self.tree.mode)
            if first is not None:
                self._stay = read_already
                self.tree.select(first)
                self._stay = False
        if same_text:
            self.analysis_changed.emit(analysis)
            return
        name = Path(doc.path).name if doc.path else (doc.title or "Untitled article")
        self.setWindowTitle(f"{name}[*] — Multivector")  # [*]: unsaved corrections
        self.setWindowFilePath(doc.path or "")
        if doc.path:
            self.settings.add_recent(doc.path)
            fill_recent(self.actions.recent_menu, self.settings.get("files/recent"), self.open_path)
        self.analysis_changed.emit(analysis)

    def set_tree_mode(self, mode: str) -> None:
        self.settings.set("tree/mode", mode)
        (self.actions.by_area if mode == "area" else self.actions.by_partner).setChecked(True)
        self.tree.set_analysis(self.analysis, mode)

    def show_matrix(self) -> None:
        """Bring the partner x area matrix to the front of its tab group."""
        self.matrix_dock.show()
        self.matrix_dock.raise_()
        self.reader_first.matrix_first = not self._shown_once

    def select_node(self, node: NodeRef | str) -> bool:
        """Select a node as a click in the tree would; False when there is no such node.

        A partner-and-area pair the tree does not list as such (a program's area under its
        organization, a pair hidden by the tree's filter) is shown all the same."""
        if self.tree.select(node):
            return True
        if not isinstance(node, str) or self.analysis is None:
            return False
        first, second = split_scoped(node)
        if second is None or not node_passages(self.analysis, node):
            return False
        partner, area = (first, second) if self.analysis.partner(first) else (second, first)
        self.tree.view.setCurrentIndex(QModelIndex())
        self._on_node(NodeRef(area, partner))
        return True

    def _on_node(self, ref: NodeRef | None) -> None:
        self.selected = ref
        self.matrix.select(f"{ref.scope}/{ref.node_id}" if ref and ref.scope else None)
        analysis = self.analysis
        removed = self.tree.removed_passages(ref.node_id) if ref else None
        self.spans = removed if removed is not None else (
            passages(analysis, ref) if analysis and ref else ())  # type: ignore[assignment]
        self.current = 0 if self.spans else None
        self._show_current()
        # The highlight comes first; the side panes follow on the next turn of the event loop,
        # once, however fast the user moves through the tree.
        if not self._side_pending:
            self._side_pending = True
            QTimer.singleShot(0, self, self._update_side_panes)

    def _update_side_panes(self) -> None:
        self._side_pending = False
        ref, analysis = self.selected, self.analysis
        self.evidence.set_rows(EvidenceRows(analysis, ref, self.spans)
                               if analysis and ref else [])
        self.evidence.set_hint(ANALYSING if self.tree.busy else HINT if ref is None else
                               "No passage in this article supports this node.")
        self.evidence.set_current(self.current)
        if self.plot is not None:
            self.plot.set_emphasis(ref.node_id if ref else None, self.spans if ref else None)

    def flush(self) -> None:
        """Bring the side panes up to date now (tests, screenshots)."""
        if self._side_pending:
            self._update_side_panes()

    def _color(self) -> QColor:
        return self.tree.color(self.selected.node_id) if self.selected else QColor()

    def _show_current(self) -> None:
        self.reader.set_passages(self.spans, self._color(), self.current,
                                 scroll=self.current is not None and not self._stay)
        if self.plot is not None:  # the plot marks the year of the passage shown
            self.plot.set_current(self.spans[self.current] if self.current is not None else None)
        if not self._side_pending:
            self.evidence.set_current(self.current)
        if self.current is None:
            text = "" if self.selected is None else "No passages for this node"
            self.status.show_text(text)
            return
        name = full_label(self.analysis, self.selected) if self.analysis and self.selected else ""
        self.status.show_text(f"{name}: passage {self.current + 1} of {len(self.spans)}")

    def go_to_passage(self, index: int) -> None:
        if 0 <= index < len(self.spans):
            self.current = index
            self._show_current()

    def next_passage(self) -> None:
        if self.spans:
            self.go_to_passage(((self.current or 0) + 1) % len(self.spans)
                               if self.current is not None else 0)

    def previous_passage(self) -> None:
        if self.spans:
            self.go_to_passage(((self.current or 0) - 1) % len(self.spans))

    def focus_search(self) -> None:
        self.search.field.setFocus()
        self.search.field.selectAll()

    def _hover_text(self, offset: int) -> str | None:
        return supports(self.analysis, offset) if self.analysis is not None else None

    # -- the plot arrives after the first paint --------------------------------------------------
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if not self._painted and event.type() == QEvent.Type.Paint:
            self._painted = True
            # A zero timer set during the paint runs after it: the import never delays it.
            QTimer.singleShot(0, self, self._after_first_paint)
        return super().eventFilter(watched, event)

    def _after_first_paint(self) -> None:
        # The text is on screen: now the features, then the analysis (its result at once when
        # it was done meanwhile in a process of its own). The plot follows the analysis, which
        # the tree waits for and which would share the processor with it, or comes after a
        # while regardless.
        self.ensure_features()
        self.start_waiting_analysis()
        if not self.analysing:
            self.analysis_ended()
        else:
            QTimer.singleShot(PLOT_AT_THE_LATEST_MS, self, self.analysis_ended)

    def analysis_ended(self) -> None:
        """An analysis was shown or failed: the plot and print actions follow, each in a turn
        of the event loop of its own."""
        if self._painted:
            QTimer.singleShot(0, self, self._load_plot)
            QTimer.singleShot(0, self, self.finish_menus)

    def finish_menus(self) -> None:
        """Add the print and export actions to the File menu (done after the first paint)."""
        install_printing(self, self.actions, lambda: self.analysis,
                         lambda: self.selected.node_id if self.selected else None,
                         self.status.report)

    def selection(self) -> tuple[NodeRef | None, tuple[Span, ...]]:
        """The selected node and its passages, in reading order."""
        return self.selected, self.spans

    def _load_plot(self) -> None:
        if self.plot is not None:
            return
        from multivector.qt.views.budget_plot import BudgetPlot

        self.plot = BudgetPlot()
        self.budget_pane.set_plot(self.plot)
        if self.analysis is not None:
            self.plot.set_analysis(self.analysis)
            if self.selected is not None:
                self.plot.set_emphasis(self.selected.node_id, self.spans)
            if self.current is not None:
                self.plot.set_current(self.spans[self.current])
        self.plot_ready.emit()

    def ensure_plot(self) -> None:
        """Create the plot now (for screenshots and tests that do not wait for a paint)."""
        self._load_plot()
