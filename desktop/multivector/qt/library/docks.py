"""The window's side of the library: File > Add to Library and Import Folder, Edit > Paste as
New Article, and the Library and Across Articles docks. The `Library` is created on first use,
never at start-up; adding, importing and repairing run on a worker. The docks follow changes
another process makes to the library (`LibraryWatch`), and a damaged library is offered a
repair."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication, QDockWidget, QFileDialog, QLabel, QMainWindow

from multivector.library.errors import LibraryDamaged
from multivector.library.repair import RepairReport, repair_library
from multivector.library.rows import AddResult
from multivector.library.store import Library
from multivector.model.analysis import Analysis, Span
from multivector.model.errors import InputError
from multivector.qt.common import icons
from multivector.qt.common.jobs import Job
from multivector.qt.common.menus import MenuSlots, make_action
from multivector.qt.common.status import StatusLine
from multivector.qt.library import repair_dialog
from multivector.qt.library.watch import LibraryWatch

if TYPE_CHECKING:
    from multivector.qt.library.cross_view import CrossArticleView
    from multivector.qt.library.pane import LibraryPane

Work = Callable[[Library, Callable[..., None], Callable[[], bool]], object]
MIN_DOCK_HEIGHT = 280  # pixels: the library table shows several rows


def _same_file(a: str | None, b: str | None) -> bool:
    return bool(a and b) and Path(a).resolve() == Path(b).resolve()  # type: ignore[arg-type]


class LibraryDocks(QObject):
    """Owns the window's library actions and docks, and the library itself once it is needed.

    The window tells it what is shown (`analysis_shown`, `load_failed`, `first_paint_done`,
    `shutdown`); it asks the window to open an article through `open_path` and to show a
    passage of the open one through `show_span`."""

    def __init__(self, host: QMainWindow, menus: MenuSlots, status: StatusLine,
                 current: Callable[[], Analysis | None], open_path: Callable[[str], bool],
                 show_span: Callable[[Span], None], db_path: Path | None = None) -> None:
        super().__init__(host)
        self.host = host
        self.menus = menus
        self.status = status
        self.current = current
        self.open_path = open_path
        self.show_span = show_span
        self.db_path = db_path  # None: the user's data folder (MULTIVECTOR_DATA_DIR for tests)
        self._library: Library | None = None
        self.pane: LibraryPane | None = None
        self.cross: CrossArticleView | None = None
        self.jobs: list[Job] = []
        self._pending: tuple[str, Span] | None = None  # a passage to show once its article opens
        self._ready = False  # docks fill only after the window's first paint

        window = host
        self.add_current = make_action(window, "Add to &Library", self.add_open_article,
                                       "Keep the open article in the library", icon="library_add")
        self.import_folder = make_action(window, "&Import Folder into Library...",
                                         self.choose_folder,
                                         "Add every article file in a folder to the library",
                                         icon="folder_add")
        self.paste = make_action(window, "Paste as &New Article", self.paste_article,
                                 "Add the text on the clipboard to the library and open it "
                                 "(Ctrl+Shift+V)", [QKeySequence("Ctrl+Shift+V")], "paste")
        menus.add_to_file([None, self.add_current, self.import_folder])
        menus.add_to_edit([self.paste, None])

        self.library_dock = self._dock("Library", "libraryDock", self._fill_library, "library")
        self.cross_dock = self._dock("Across Articles", "crossDock", self._fill_cross)
        window.tabifyDockWidget(self.library_dock, self.cross_dock)
        self.watch = LibraryWatch(self._data_version, self._docks_filled, self)
        self.watch.changed.connect(self._library_changed)
        self._repairing = False

    def _dock(self, title: str, name: str, fill: Callable[[], None],
              icon: str | None = None) -> QDockWidget:
        # The dock exists from the start, empty, so that restoreState() can place it; what it
        # shows is made when it is first shown.
        dock = QDockWidget(title, self.host)
        dock.setObjectName(name)
        dock.setAccessibleName(title)
        placeholder = QLabel(f"Loading the {title.lower()}…")
        placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        dock.setWidget(placeholder)
        self.host.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, dock)
        dock.hide()
        dock.visibilityChanged.connect(lambda visible: self._shown(dock, fill) if visible else None)
        toggle = dock.toggleViewAction()
        toggle.setText(title)
        # Ticked in the View menu, a dock tabbed with another comes to the front.
        toggle.triggered.connect(lambda checked: dock.raise_() if checked else None)
        if icon:
            toggle.setIcon(icons.icon(icon))
        self.menus.add_to_view([toggle])
        return dock

    def _shown(self, dock: QDockWidget, fill: Callable[[], None]) -> None:
        if isinstance(dock.widget(), QLabel) and dock.height() < MIN_DOCK_HEIGHT:
            # First shown this session, squeezed: give the table room for several rows.
            self.host.resizeDocks([dock], [MIN_DOCK_HEIGHT], Qt.Orientation.Vertical)
        if self._ready:
            fill()

    def load_failed(self) -> None:
        """The window could not open an article: no passage waits for it any more."""
        self._pending = None

    def first_paint_done(self) -> None:
        self._ready = True
        if self.library_dock.isVisible():  # left open last time
            self._fill_library()
        if self.cross_dock.isVisible():
            self._fill_cross()

    # -- the library and its docks ------------------------------------------------------------
    def library(self) -> Library:
        """The library, opened on first use (InputError when its file is unusable)."""
        if self._library is None:
            self._library = Library(self.db_path)
        return self._library

    def _guarded_library(self) -> Library | None:
        try:
            return self.library()
        except LibraryDamaged as err:
            self.report(f"The library cannot be opened: {err}")
            if not self._repairing and repair_dialog.offer_repair(self.host, err.path):
                self.repair(err.path)
            return None
        except InputError as err:
            self.report(f"The library cannot be opened: {err}")
            return None

    def _data_version(self) -> int | None:
        return self._library.data_version() if self._library is not None else None

    def _docks_filled(self) -> bool:
        return (self.pane is not None and self.library_dock.isVisible()) or (
            self.cross is not None and self.cross_dock.isVisible())

    def _fill_library(self) -> None:
        if self.pane is not None or (library := self._guarded_library()) is None:
            return
        from multivector.qt.library.pane import LibraryPane

        self.pane = LibraryPane(library)
        self.pane.search_field.setAccessibleName("Search the library")
        self.pane.search_field.setToolTip("Full-text search over every article in the library")
        self.pane.table.setAccessibleName("Library articles")
        self.pane.table.setToolTip("Double-click or press Enter to open an article at the hit")
        self.pane.article_requested.connect(self.open_article)
        self.pane.passage_requested.connect(self.open_passage)
        self.library_dock.setWidget(self.pane)

    def _fill_cross(self) -> None:
        if self.cross is None:
            if (library := self._guarded_library()) is None:
                return
            from multivector.qt.library.cross_view import CrossArticleView  # pyqtgraph: only now

            self.cross = CrossArticleView(library)
            self.cross.passage_requested.connect(self.open_passage)
            self.cross_dock.setWidget(self.cross)
        self._show_focal()

    def _show_focal(self) -> None:
        analysis, cross = self.current(), self.cross
        if cross is None or analysis is None or analysis.focal is None:
            return
        try:
            cross.set_focal(analysis.focal.code)
        except ValueError:
            cross.show_nothing(f"No article about {analysis.focal.name} is in the library "
                               "yet: File > Add to Library")

    def _library_changed(self) -> None:
        """The library changed (here or in another process): the docks show it as it is now."""
        try:
            if self.pane is not None:
                self.pane.refresh()
            if self.cross is not None and self._library is not None:
                self.cross.set_library(self._library)
                self._show_focal()
        except InputError as err:  # a library that went bad meanwhile
            self.report(f"The library cannot be read: {err}")
        self.watch.seen()

    # -- opening what the docks ask for ---------------------------------------------------------
    def open_article(self, path: str) -> None:
        analysis = self.current()
        if analysis is None or not _same_file(analysis.document.path, path):
            self.open_path(path)

    def open_passage(self, path: str, start: int, end: int) -> None:
        """Show the passage (code points) of the article at `path`, opening it first if needed."""
        span = Span(start, end)
        analysis = self.current()
        if analysis is not None and _same_file(analysis.document.path, path):
            self.show_span(span)
            return
        self._pending = (path, span)
        if not self.open_path(path):
            self._pending = None

    def analysis_shown(self, analysis: Analysis) -> None:
        """The window shows `analysis`: a passage waiting for it is shown, the views follow."""
        pending, self._pending = self._pending, None
        if pending is not None and _same_file(analysis.document.path, pending[0]):
            self.show_span(pending[1])
        elif pending is not None:
            self._pending = pending  # another article arrived first; keep waiting
        if self.cross is not None and self.cross_dock.isVisible():
            self._show_focal()

    # -- adding --------------------------------------------------------------------------------
    def run(self, work: Work, done: Callable[[object], None], what: str) -> Job | None:
        """Run library work on a worker with a `Library` of its own (one per thread) on the
        file the docks read."""
        if (library := self._guarded_library()) is None:
            return None
        db_path = library.path

        def on_worker(progress: Callable[..., None], cancelled: Callable[[], bool]) -> object:
            with Library(db_path) as own:
                return work(own, progress, cancelled)

        return self._start(Job(on_worker, what.lower()), done, what)

    def _start(self, job: Job, done: Callable[[object], None], what: str) -> Job:
        self.jobs.append(job)
        job.signals.progress.connect(
            lambda values: self.status.show_text(
                f"{what}: {values[0] + 1} of {values[1]}" if values[1] > 1 else f"{what}…"))
        job.signals.done.connect(lambda result: self._finished(job, lambda: done(result)))
        job.signals.failed.connect(
            lambda message: self._finished(job, lambda: self.report(message)))
        self.status.work_started(f"{what}…")
        job.start()
        return job

    def _finished(self, job: Job, then: Callable[[], None]) -> None:
        if job in self.jobs:
            self.jobs.remove(job)
            self.status.work_ended()
        then()
        self._library_changed()

    def add_open_article(self) -> Job | None:
        """File > Add to Library: the open article as it was read (no second reading)."""
        analysis = self.current()
        if analysis is None:
            self.report("Open an article first")
            return None
        document = analysis.document
        return self.run(lambda library, _p, _c: library.add_document(document),
                        self._added, "Adding to the library")

    def _added(self, result: object) -> None:
        assert isinstance(result, AddResult)
        title = result.article.title or Path(result.article.path or "").name or "the article"
        self.report(f"Added “{title}” to the library" if result.added
                    else f"“{title}” is already in the library")

    def paste_article(self) -> Job | None:
        """Edit > Paste as New Article: the clipboard's text, kept in the library, then opened."""
        text = QApplication.clipboard().text()
        if not text.strip():
            self.report("The clipboard holds no text to paste")
            return None
        return self.run(lambda library, _p, _c: library.add_text(text), self._pasted,
                        "Adding the pasted article")

    def _pasted(self, result: object) -> None:
        assert isinstance(result, AddResult)
        if result.article.path:
            self.open_path(result.article.path)

    def choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self.host, "Import folder into the library")
        if folder:
            self.import_paths([folder])

    def import_paths(self, paths: list[str | os.PathLike[str]]) -> Job | None:
        """Add files and folders to the library on a worker, with progress in the status bar."""
        return self.run(
            lambda library, progress, cancel: library.add_paths(paths, progress, cancel),
            self._imported, "Importing")

    def _imported(self, result: object) -> None:
        results, errors = result  # type: ignore[misc]
        added = sum(1 for r in results if r.added)
        tail = f"; {len(errors)} could not be read: {errors[0]}" if errors else ""
        self.report(f"Imported {added} new articles ({len(results) - added} already there){tail}")

    def report(self, message: str) -> None:
        self.status.report(message)

    def repair(self, path: Path) -> Job:
        """Rebuild the damaged library on a worker (its copy kept aside), then show it."""
        if self._library is not None:
            self._library.close()
            self._library = None
        self._repairing = True
        job = Job(lambda _progress, _cancelled: repair_library(path), "repairing the library")
        job.signals.failed.connect(lambda _message: setattr(self, "_repairing", False))
        return self._start(job, self._repaired, "Repairing the library")

    def _repaired(self, result: object) -> None:
        assert isinstance(result, RepairReport)
        self._repairing = False
        self.report(repair_dialog.repair_message(result))
        if (library := self._guarded_library()) is None:
            return
        if self.pane is not None:
            self.pane.set_library(library)
        elif self.library_dock.isVisible():
            self._fill_library()
        if self.cross is not None:
            self.cross.set_library(library)
        elif self.cross_dock.isVisible():
            self._fill_cross()

    def shutdown(self) -> None:
        """The window closes: stop imports between articles (what was added stays)."""
        self.watch.stop()
        for job in self.jobs:
            job.cancel()

