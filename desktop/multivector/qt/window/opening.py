"""Opening articles in the window: on a worker (or at once, for build_window), again with
another focal country, and what the window says when an article cannot be opened. At start-up
the article's text is shown at once and analysed once the window has painted. A part of
`MainWindow`, kept apart for its size."""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QFileDialog, QMessageBox

from multivector.model.analysis import Analysis, Document
from multivector.model.errors import InputError
from multivector.qt.common.jobs import Job
from multivector.qt.views.evidence_list import ANALYSING
from multivector.qt.window.early_analysis import EarlyAnalysis

FILE_FILTER = "Articles (*.txt *.md *.html *.htm *.pdf *.docx *.epub *.zip);;All files (*)"


def _analyze(path: str | os.PathLike[str] | None, progress: object = None,
             cancelled: object = None, focal: str | None = None,
             document: Document | None = None) -> Analysis:
    """The analysis of `document` (already loaded) or of the article at `path`."""
    from multivector.engine.pipeline import analyze_document, analyze_path

    if document is not None:
        return analyze_document(document, progress, cancelled, focal=focal)  # type: ignore[arg-type]
    return analyze_path(path, progress, cancelled, focal=focal)  # type: ignore[arg-type]


def _same_path(a: str | None, b: str | os.PathLike[str]) -> bool:
    try:
        return bool(a) and Path(str(a)).resolve() == Path(b).resolve()
    except OSError:
        return False


class ArticleOpening:
    """The opening side of MainWindow (mixed into it): reads the window's `analysis`, `status`,
    `focal_override`, `saved_focal`, `focal_chosen`, `open_guards`, `_job`, `_waiting` and
    `_cancel_shortcut` (Esc, armed while an article is being opened)."""

    def open_path_now(self, path: str | os.PathLike[str] | None) -> None:
        """Load and analyse on this thread (build_window); raises InputError."""
        self.ensure_features()
        self.focal_override = self.saved_focal(path)
        self.set_analysis(_analyze(path, focal=self.focal_override))

    def open_document(self, document: Document, focal: str | None = None,
                      now: bool = False, early: EarlyAnalysis | None = None) -> None:
        """Show `document`'s text at once and analyse it (`focal`: the analyst's choice of the
        country it is about, else the one kept with its corrections): on this thread when
        `now` (InputError for a bad focal code), else on a worker once the window has painted
        (start-up: the text is on screen before the engine has run), taking the result of
        `early` when it was started."""
        self.show_document(document)
        if now:
            self.ensure_features()
            self.focal_override = focal if focal is not None else self.saved_focal(document.path)
            self.set_analysis(_analyze(document.path, focal=self.focal_override,
                                       document=document))
        else:
            self._waiting = (document, focal, early)

    def show_document(self, document: Document) -> None:
        """The article's text and details before its analysis; the tree says it is coming."""
        self.shown_document = document
        self.reader.set_document(document)
        self.search.set_text(document.text)
        self.title_block.set_document(document)
        name = Path(document.path).name if document.path else (
            document.title or "Untitled article")
        self.setWindowTitle(f"{name}[*] — Multivector")
        self.tree.set_busy(True)
        self.evidence.set_hint(ANALYSING)  # (the side panes keep it while the tree is busy)

    def start_waiting_analysis(self) -> None:
        """Start the analysis of the document shown at start-up, if one waits for it (or show
        it, when a child process has finished it meanwhile)."""
        if self._waiting is None:
            return
        document, focal, early = self._waiting
        self._waiting = None
        self.focal_override = focal if focal is not None else self.saved_focal(document.path)
        if early is not None and early.done():  # finished while the window started: show it
            try:
                self.set_analysis(early.result())
                return
            except InputError as err:
                self._job_failed(None, str(err))
                return
            except RuntimeError:
                early = None  # the child process failed: analyse here instead
        self._start_job(document.path, document, early)

    @property
    def analysing(self) -> bool:
        """An analysis is running, or waits for the first paint to start."""
        return self._job is not None or self._waiting is not None

    def open_path(self, path: str | os.PathLike[str] | None) -> bool:
        """Load and analyse on a worker; the current article stays until the new one is ready.
        False when the user chose to stay with unsaved corrections."""
        self.ensure_features()
        if not all(guard(path) for guard in self.open_guards):
            return False
        same = self.analysis is not None and path is not None and _same_path(
            self.analysis.document.path, path)
        if not same:  # a reload keeps the choice in force; another article has its own
            self.focal_override = self.saved_focal(path)
        self._start_job(path)
        return True

    def reanalyse(self, focal: str | None) -> None:
        """Analyse the open article again with `focal` as the country it is about."""
        self.focal_override = focal
        if self.analysis is not None:
            self._start_job(self.analysis.document.path)

    def request_focal(self) -> None:
        """"About: <country>" was clicked: ask which country, then analyse from its side."""
        if self.analysis is None:
            return
        from multivector.qt.window.focal import ask_focal

        answer = ask_focal(self, self.analysis, self.focal_override)
        if answer is not None and answer[0] != self.focal_override:
            self.focal_chosen(*answer)

    def _start_job(self, path: str | os.PathLike[str] | None, document: Document | None = None,
                   early: EarlyAnalysis | None = None) -> None:
        if self._job is not None:
            self._job.cancel()
            self.status.work_ended()
        focal = self.focal_override

        def work(progress: object, cancelled: object) -> Analysis:
            if early is not None and early.started:
                try:
                    return early.result()
                except RuntimeError:
                    pass  # the child process failed: analyse here instead
            return _analyze(path, progress, cancelled, focal, document)

        job = self._job = Job(work, f"analysing {path or 'the bundled article'}")
        job.signals.done.connect(lambda analysis: self._job_done(job, analysis))
        job.signals.failed.connect(lambda message: self._job_failed(job, message))
        what = f"Analysing {Path(str(path)).name}" if path else "Analysing"
        job.signals.progress.connect(lambda values: self._job_progress(job, what, values))
        self.status.work_started(f"{what}… (Esc to cancel)")
        self._cancel_shortcut.setEnabled(True)
        job.start()

    def _job_progress(self, job: Job, what: str, values: tuple[object, ...]) -> None:
        if job is self._job and values and isinstance(values[0], float):
            self.status.show_text(f"{what}… {values[0]:.0%} (Esc to cancel)")

    def cancel_open(self) -> bool:
        """Stop the article being opened; the one shown stays. False when none was opening."""
        job, self._job = self._job, None
        self._cancel_shortcut.setEnabled(False)
        if job is None:
            return False
        job.cancel()  # the worker stops at its next step; what it returns is dropped
        self.status.work_ended()
        if self.analysis is None:  # the article's text at start-up, never analysed
            self.tree.set_busy(False)
            self.analysis_ended()
            self.status.report("Analysis cancelled; File › Reload analyses the article")
            return True
        self.status.report("Opening cancelled; the article that was open stays open")
        return True

    def _job_done(self, job: Job, analysis: Analysis) -> None:
        if job is self._job:
            self._job = None
            self._cancel_shortcut.setEnabled(False)
            self.status.work_ended()
            self.set_analysis(analysis)
            self.analysis_ended()

    def _job_failed(self, job: Job | None, message: str) -> None:
        """An analysis failed (`job` None: one that ran without a job)."""
        if job is not None and job is not self._job:
            return
        self._job = None
        self._cancel_shortcut.setEnabled(False)
        self.status.work_ended()
        self.failure = message
        if self.analysis is None:
            self.tree.set_busy(False)
        self.load_failed.emit(message)
        self.analysis_ended()
        self._error(message, "The article that was open stays open." if self.analysis else
                    "Open another article with File › Open… (Ctrl+O).")

    def _error(self, message: str, advice: str) -> None:
        box = self.error_box = QMessageBox(QMessageBox.Icon.Warning, "Cannot open the article",
                                           message, QMessageBox.StandardButton.Ok, self)
        box.setObjectName("openErrorBox")
        box.setInformativeText(advice)
        box.open()  # window-modal, does not block the event loop

    def show_load_error(self, message: str) -> None:
        """The article given at launch cannot be opened: the window opens empty, and once it
        is on screen a dialog says why (a file manager shows no terminal message)."""
        self.title_block.set_analysis(None)
        self.setWindowTitle("Multivector")
        self.status.show_text("No article open")
        self.load_failed.emit(message)
        advice = "Open another article with File › Open… (Ctrl+O), or drop one on the window."
        if self.isVisible():
            self._error(message, advice)
        else:
            self._pending_error = (message, advice)

    def choose_file(self) -> None:
        start = str(Path(self.analysis.document.path).parent) if (
            self.analysis and self.analysis.document.path) else ""
        path, _ = QFileDialog.getOpenFileName(self, "Open article", start, FILE_FILTER)
        if path:
            self.open_path(path)

    def reload(self) -> None:
        """Read the article again (also the one whose start-up analysis was cancelled)."""
        document = self.analysis.document if self.analysis is not None else self.shown_document
        if document is not None:
            self.open_path(document.path)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if any(url.isLocalFile() for url in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        files = [url.toLocalFile() for url in event.mimeData().urls() if url.isLocalFile()]
        if files:
            event.acceptProposedAction()
            self.open_path(files[0])
