"""Loading and analysing an article on a worker thread, so the window never freezes."""

from __future__ import annotations

import os
import threading

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from multivector.model.errors import InputError
from multivector.model.analysis import Analysis


def load_and_analyze(path: str | os.PathLike[str] | None, progress: object = None,
                     cancelled: object = None) -> Analysis:
    """The pure core work, shared by the synchronous and the threaded path."""
    from multivector.engine.pipeline import analyze_document
    from multivector.documents.loading import load_document

    return analyze_document(load_document(path), progress=progress,  # type: ignore[arg-type]
                            cancelled=cancelled)  # type: ignore[arg-type]


class _Signals(QObject):
    progress = Signal(float)
    done = Signal(object)  # Analysis
    failed = Signal(str)  # one line: what and why


class AnalysisJob(QRunnable):
    """One load-and-analyse; its signals arrive on the thread that created it (the GUI's)."""

    def __init__(self, path: str | os.PathLike[str] | None) -> None:
        super().__init__()
        self.path = path
        self.signals = _Signals()
        self._cancel = threading.Event()
        self.setAutoDelete(False)  # the window holds it until the signals have been delivered

    def cancel(self) -> None:
        self._cancel.set()

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def run(self) -> None:
        try:
            analysis = load_and_analyze(self.path, self.signals.progress.emit, self._cancel.is_set)
        except InterruptedError:
            return  # superseded by a newer open: nobody is waiting for this one
        except InputError as exc:
            self.signals.failed.emit(str(exc))
            return
        except Exception as exc:  # a bug in the engine must not take the window down
            from multivector.platform.logs import log_exception

            log = log_exception(f"analysing {self.path}")
            self.signals.failed.emit(f"{self.path}: could not be analysed ({exc}); details in {log}")
            return
        if not self.cancelled:
            self.signals.done.emit(analysis)

    def start(self) -> None:
        QThreadPool.globalInstance().start(self)
