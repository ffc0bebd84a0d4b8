"""Library work (adding, importing) on a worker thread with a `Library` of its own, so a long
import never freezes the window. The core's `Library` is one per thread."""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from multivector.model.errors import InputError
from multivector.library.store import Cancel, Library, Progress

Work = Callable[[Library, Progress, Cancel], object]


class _Signals(QObject):
    progress = Signal(int, int, str)  # done, total, what
    done = Signal(object)  # what the work returned
    failed = Signal(str)  # one line: what and why


class LibraryJob(QRunnable):
    """Runs `work(library, progress, cancel)` on the thread pool against the library at
    `db_path`; its signals arrive on the thread that created it (the GUI's)."""

    def __init__(self, db_path: Path, work: Work) -> None:
        super().__init__()
        self.db_path = Path(db_path)
        self.work = work
        self.signals = _Signals()
        self._cancel = threading.Event()
        self.setAutoDelete(False)  # held by the caller until its signals were delivered

    def cancel(self) -> None:
        self._cancel.set()

    def run(self) -> None:
        try:
            with Library(self.db_path) as library:
                result = self.work(library, self.signals.progress.emit, self._cancel.is_set)
        except InputError as exc:
            self.signals.failed.emit(str(exc))
            return
        except Exception as exc:  # a bug must not take the window down: log it, say where
            from multivector.platform.logs import log_exception

            log = log_exception("library job")
            self.signals.failed.emit(f"the library could not be updated ({exc}); details in {log}")
            return
        self.signals.done.emit(result)

    def start(self) -> None:
        QThreadPool.globalInstance().start(self)
