"""The window's last line of defence: an unexpected exception is logged, shown in a dialog with
the log file's path, and the window carries on.

Exceptions raised in slots and event handlers reach `sys.excepthook` (PySide6 hands them over
there); those in plain Python threads reach `threading.excepthook`. Both are routed through one
Qt signal, so the dialog always opens on the GUI thread.
"""

from __future__ import annotations

import sys
import threading
import time
import traceback
from collections.abc import Callable
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QMessageBox, QWidget

from multivector.platform.logs import log_exception

# parent, one-line message, log path. Tests inject a recorder instead of a modal box.
Dialog = Callable[[QWidget | None, str, Path], None]
REPEAT_QUIET_S = 5.0  # the same failure again within this time (a failing paint) is only logged

_state: dict[str, object] = {}


def show_crash_box(parent: QWidget | None, message: str, log: Path) -> None:
    """The default dialog: what went wrong, where the details are, and that work goes on."""
    box = QMessageBox(parent)
    box.setObjectName("crashDialog")
    box.setIcon(QMessageBox.Icon.Critical)
    box.setWindowTitle("Multivector: unexpected error")
    box.setText(f"Something went wrong: {message}")
    box.setInformativeText(f"The details were written to the log file:\n{log}\n\n"
                           "Multivector carries on; your article and corrections are unchanged.")
    box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    box.setStandardButtons(QMessageBox.StandardButton.Ok)
    box.exec()


def one_line(exc: BaseException) -> str:
    """`ValueError: bad thing` with the message squeezed onto one line and clipped."""
    text = " ".join(str(exc).split()) or "(no message)"
    if len(text) > 300:
        text = text[:297] + "..."
    return f"{type(exc).__name__}: {text}"


class _Reporter(QObject):
    """Lives on the GUI thread; a queued signal brings reports from any thread to it."""

    report = Signal(str, str)  # message, log path

    def __init__(self, parent_getter: Callable[[], QWidget | None], dialog: Dialog) -> None:
        super().__init__()
        self.parent_getter = parent_getter
        self.dialog = dialog
        self.showing = False
        self.last: dict[str, float] = {}
        self.report.connect(self._show, Qt.ConnectionType.QueuedConnection)

    def handle(self, kind: type[BaseException], exc: BaseException,
               tb: TracebackType | None, context: str) -> None:
        log = _log(exc, tb, context)
        key = f"{one_line(exc)}|{_origin(tb)}"
        now = time.monotonic()
        if now - self.last.get(key, -REPEAT_QUIET_S) < REPEAT_QUIET_S:
            return  # the same failure in a burst: one dialog is enough, all are in the log
        self.last[key] = now
        self.report.emit(one_line(exc), str(log))

    def _show(self, message: str, log: str) -> None:
        if self.showing:  # a failure while the dialog is up is logged, never stacked
            return
        self.showing = True
        try:
            parent = None
            try:
                parent = self.parent_getter()
            except Exception:  # noqa: BLE001  a broken window must not stop the report
                parent = None
            self.dialog(parent, message, Path(log))
        except Exception as exc:  # noqa: BLE001  the dialog itself failed: log, never recurse
            _log(exc, exc.__traceback__, "crash dialog")
            sys.stderr.write(f"multivector: {message}; details in {log}\n")
        finally:
            self.showing = False


def _log(exc: BaseException, tb: TracebackType | None, context: str) -> Path:
    # log_exception logs the exception being handled; inside a hook nothing is, so raise it
    # again here to make it the current one.
    try:
        raise exc.with_traceback(tb)
    except BaseException:  # noqa: BLE001
        try:
            return log_exception(context)
        except Exception:  # noqa: BLE001  logging must never be what fails
            from multivector.platform.logs import log_path

            return log_path()


def _origin(tb: TracebackType | None) -> str:
    frames = traceback.extract_tb(tb)
    return f"{frames[-1].filename}:{frames[-1].lineno}" if frames else ""


def install_exception_hook(parent_getter: Callable[[], QWidget | None],
                           dialog: Dialog | None = None) -> None:
    """Route unexpected exceptions to a dialog over `parent_getter()`; must be called on the GUI
    thread with a QApplication running. Installing again replaces the earlier hook."""
    uninstall_exception_hook()
    reporter = _Reporter(parent_getter, dialog or show_crash_box)
    previous = sys.excepthook, threading.excepthook

    def hook(kind: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        if not isinstance(exc, Exception):  # KeyboardInterrupt, SystemExit: not ours to catch
            previous[0](kind, exc, tb)
            return
        reporter.handle(kind, exc, tb, "window")

    def thread_hook(args: threading.ExceptHookArgs) -> None:
        if args.exc_value is None or not isinstance(args.exc_value, Exception):
            previous[1](args)
            return
        name = args.thread.name if args.thread is not None else "a thread"
        reporter.handle(args.exc_type, args.exc_value, args.exc_traceback, f"thread {name}")

    sys.excepthook = hook
    threading.excepthook = thread_hook
    _state.update(reporter=reporter, previous=previous, hooks=(hook, thread_hook))


def uninstall_exception_hook() -> None:
    """Put back the hooks that were there before `install_exception_hook` (for tests)."""
    previous = _state.pop("previous", None)
    hooks = _state.pop("hooks", None)
    _state.pop("reporter", None)
    if previous is None or hooks is None:
        return
    # Only undo what is still ours: a test framework may have put its own hook on top since.
    if sys.excepthook is hooks[0]:  # type: ignore[index]
        sys.excepthook = previous[0]  # type: ignore[index]
    if threading.excepthook is hooks[1]:  # type: ignore[index]
        threading.excepthook = previous[1]  # type: ignore[index]
