"""The one background-job runner: a Qt-free function runs on the thread pool and its result,
failure or progress arrives as signals on the thread that created the job (the GUI's)."""

from __future__ import annotations

import threading
from collections.abc import Callable

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from multivector.model.errors import InputError

Progress = Callable[..., None]
Cancelled = Callable[[], bool]
Work = Callable[[Progress, Cancelled], object]


class _Signals(QObject):
    progress = Signal(tuple)  # whatever the work reported, as a tuple
    done = Signal(object)  # what the work returned
    failed = Signal(str)  # one line: what and why


class Job(QRunnable):
    """Runs `work(progress, cancelled)`; InputError becomes `failed` with its message, any other
    exception is logged and reported in one line, and a cancelled job says nothing."""

    def __init__(self, work: Work, what: str) -> None:
        super().__init__()
        self.work = work
        self.what = what  # for the log and the failure line: "analysing x.txt"
        self.signals = _Signals()
        self._cancel = threading.Event()
        self.setAutoDelete(False)  # the owner holds it until its signals were delivered

    def cancel(self) -> None:
        self._cancel.set()

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def _say(self, signal: str, value: object) -> None:
        """Emit one of the signals, unless its object is gone (the application is closing while
        the work ran): then nobody is waiting to hear."""
        try:
            getattr(self.signals, signal).emit(value)
        except RuntimeError:
            self._cancel.set()

    def _progress(self, *values: object) -> None:
        self._say("progress", values)

    def run(self) -> None:
        try:
            result = self.work(self._progress, self._cancel.is_set)
        except InterruptedError:
            return  # cancelled: nobody is waiting for this one
        except InputError as exc:
            self._say("failed", str(exc))
            return
        except Exception as exc:  # a bug must not take the window down: log it, say where
            from multivector.platform.logs import log_exception

            if self.cancelled:
                return  # the application closed under it: not a failure anyone can act on
            log = log_exception(self.what)
            self._say("failed", f"{self.what} failed ({exc}); details in {log}")
            return
        if not self.cancelled:
            self._say("done", result)

    def start(self) -> None:
        QThreadPool.globalInstance().start(self)
