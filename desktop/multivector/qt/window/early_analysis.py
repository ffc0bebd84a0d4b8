"""The start-up analysis in a child process, forked before Qt is imported, so that the engine
runs on another core while the window starts and paints the article's text.

The engine is pure Python: in a thread it would hold the interpreter lock against the window's
own start-up. A forked child shares nothing with the window but the document it was given, and
sends the analysis back through a pipe (pickled). Only on Linux, and only while the process has
a single thread and no Qt: forking a process with threads, or with a GUI library loaded, is
not safe. Anywhere else, and should the child fail in any way but a bad input, the analysis
runs in the window's own worker as any other analysis does.
"""

from __future__ import annotations

import os
import pickle
import select
import sys
import threading

from multivector.model.analysis import Analysis, Document
from multivector.model.errors import InputError


CHILD_NICENESS = 10


def _may_fork() -> bool:
    return (sys.platform.startswith("linux") and hasattr(os, "fork")
            and threading.active_count() == 1 and "PySide6" not in sys.modules)


class EarlyAnalysis:
    """The analysis of `document` started now in a child process, when that is safe (`started`);
    `result()` waits for it (call it on a worker thread)."""

    def __init__(self, document: Document, focal: str | None) -> None:
        self.document, self.focal = document, focal
        self._pid: int | None = None
        self._read_fd: int | None = None
        if not _may_fork():
            return
        read_fd, write_fd = os.pipe()
        pid = os.fork()
        if pid == 0:  # the child: analyse, send, and leave without running any exit handler
            try:
                os.close(read_fd)
                _child(document, focal, write_fd)
            finally:
                os._exit(0)
        os.close(write_fd)
        self._pid, self._read_fd = pid, read_fd

    @property
    def started(self) -> bool:
        return self._pid is not None

    def done(self) -> bool:
        """The child has finished and is sending its result (`result()` will not wait long)."""
        if self._read_fd is None:
            return False
        readable, _, _ = select.select([self._read_fd], [], [], 0)
        return bool(readable)

    def result(self) -> Analysis:
        """The analysis; InputError for a bad input (a focal code that names no country).
        RuntimeError when no child ran or it failed otherwise: analyse in-process then."""
        if self._pid is None or self._read_fd is None:
            raise RuntimeError("no analysis was started in a child process")
        chunks = []
        with os.fdopen(self._read_fd, "rb") as pipe:  # reading waits without the lock
            while chunk := pipe.read(1 << 20):
                chunks.append(chunk)
        os.waitpid(self._pid, 0)
        self._pid = self._read_fd = None
        try:
            kind, value = pickle.loads(b"".join(chunks))
        except Exception as exc:  # the child died before it had said anything whole
            raise RuntimeError("the analysis process ended without a result") from exc
        if kind == "input":
            raise InputError(value)
        if kind != "ok" or not isinstance(value, Analysis):
            raise RuntimeError(f"the analysis process failed: {value}")
        return value


def _child(document: Document, focal: str | None, write_fd: int) -> None:
    try:
        # Behind the window's start-up when the two must share a core: the text comes first.
        os.nice(CHILD_NICENESS)
        from multivector.corrections.locate import saved_focal
        from multivector.engine.pipeline import analyze_document

        from multivector.engine.text import compiled

        chosen = focal if focal is not None else saved_focal(document.path)
        payload: tuple[str, object] = ("ok", analyze_document(document, focal=chosen))
        compiled.save()  # this process leaves without running its exit handlers
    except InputError as exc:
        payload = ("input", str(exc))
    except BaseException as exc:  # any other failure: the window analyses in-process (and logs)
        payload = ("error", repr(exc))
    with os.fdopen(write_fd, "wb") as pipe:
        pipe.write(pickle.dumps(payload, protocol=pickle.HIGHEST_PROTOCOL))
