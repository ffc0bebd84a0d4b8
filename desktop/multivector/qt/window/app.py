"""Start-up: the QApplication, the palette, the window, and `--screenshot`."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from pathlib import Path

from multivector.model.errors import InputError
from multivector.platform.files import describe_error
from multivector.qt.window.palette_colors import dark_palette

PLOT_WAIT_S = 3.0  # the contract: lazily loaded widgets exist within 3 s of the window showing
ANALYSIS_WAIT_S = 3600.0  # --screenshot waits for the analysis of however long an article
SCREENSHOT_SIZE = (1440, 900)


def quiet_offscreen_messages() -> None:
    """Off screen, Qt's messages are not for a terminal: the offscreen plugin's notes on what it
    cannot do ("does not support propagateSizeHints()") are dropped, anything else goes to the
    log."""
    from PySide6.QtCore import QtMsgType, qInstallMessageHandler

    def handle(kind: QtMsgType, _context: object, message: str) -> None:
        if "This plugin does not support" in message:
            return
        if kind in (QtMsgType.QtWarningMsg, QtMsgType.QtCriticalMsg, QtMsgType.QtFatalMsg):
            from multivector.platform.logs import logger

            logger().warning("Qt: %s", message)

    qInstallMessageHandler(handle)


def make_application(dark: bool = False, offscreen: bool = False) -> object:
    """The QApplication (created once); Fusion with a dark palette when asked for."""
    if offscreen:
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
        quiet_offscreen_messages()
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    if app is None:
        app = QApplication([sys.argv[0] if sys.argv else "multivector"])
        app.setApplicationName("Multivector")
        app.setOrganizationName("multivector")
        app.setApplicationDisplayName("Multivector")
    app.setDesktopFileName("multivector")  # Wayland and docks match it to the .desktop file
    set_window_icon(app)
    if dark:
        app.setStyle("Fusion")
        app.setPalette(dark_palette())
    return app


def set_window_icon(app: object) -> None:
    """The application's icon for every window (title bars, task switchers)."""
    from PySide6.QtGui import QIcon

    from multivector.resources import resource_path

    icon = QIcon(str(resource_path("icons", "multivector.svg")))
    app.setWindowIcon(icon)  # type: ignore[attr-defined]


def install_crash_hook(window: object) -> None:
    """Unexpected exceptions open a dialog over the active window (or the main one) and the
    window carries on; the details go to the log."""
    from PySide6.QtWidgets import QApplication

    from multivector.qt.window.crash import install_exception_hook

    install_exception_hook(
        lambda: QApplication.activeWindow() or window)  # type: ignore[return-value]


def discard_window(window: object) -> None:
    """Delete the window now. Left to Python, its signal-lambda cycles are collected at some
    later moment, deleting a whole widget tree under whatever code runs then (a caller that
    goes on using Qt, such as a test session)."""
    import shiboken6

    shiboken6.delete(window)


def wait_until(ready: Callable[[], bool], timeout_s: float) -> bool:
    """Run the event loop until `ready()` (or the timeout passes); whether it is ready."""
    from PySide6.QtCore import QEventLoop, QTimer

    if ready():
        return True
    loop = QEventLoop()
    poll = QTimer()
    poll.setInterval(2)  # a check between events, not a delay: the loop quits when ready
    poll.timeout.connect(lambda: loop.quit() if ready() else None)
    poll.start()
    QTimer.singleShot(int(timeout_s * 1000), loop.quit)
    loop.exec()
    poll.stop()
    return ready()


def wait_for_plot(window: object, timeout_s: float = PLOT_WAIT_S) -> bool:
    """Run the event loop until the window's plot exists (or the timeout passes)."""
    return wait_until(lambda: getattr(window, "plot", None) is not None, timeout_s)


def save_screenshot(window: object, path: str | os.PathLike[str]) -> None:
    from PySide6.QtCore import QBuffer, QIODevice
    from PySide6.QtWidgets import QApplication

    from multivector.platform.storage import atomic_write_bytes

    QApplication.processEvents()
    pixmap = window.grab()  # type: ignore[attr-defined]
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    if not pixmap.save(buffer, "PNG"):
        raise InputError(f"{path}: could not encode the screenshot as PNG")
    try:
        atomic_write_bytes(Path(path), bytes(buffer.data()))
    except OSError as exc:
        raise InputError(f"{path}: cannot be written: {describe_error(exc, path)}") from None


def check_writable(path: str | os.PathLike[str]) -> None:
    """InputError unless a file can be made in the folder of `path` (tried with a temporary
    one), so that a screenshot that cannot be saved is refused before any window exists."""
    import tempfile

    target = Path(os.path.realpath(path))
    if target.is_dir():
        raise InputError(f"{path}: is a folder; give the name of a PNG file to write")
    if target.exists() and not target.is_file():
        return  # a device or FIFO: written into as it is
    try:
        with tempfile.NamedTemporaryFile(dir=target.parent, prefix=".multivector-", suffix=".tmp"):
            pass
    except OSError as exc:
        folder = target.parent
        why = f"the folder {folder} does not exist" if not folder.is_dir() else \
            describe_error(exc, folder)
        raise InputError(f"{path}: cannot be written: {why}") from None


def open_window(file: str | os.PathLike[str] | None, dark: bool = False,
                offscreen: bool = False, fresh: bool = False, focal: str | None = None,
                tolerate_bad_file: bool = False, wait: bool = True) -> tuple[object, object]:
    """The application and the window on the article at `file`, not yet shown; InputError for
    a file that cannot be read.

    `wait`: the analysis is done when this returns. Otherwise (start-up) the window shows the
    article's text at its first paint, and the corrections, the library and the analysis
    follow it. `fresh`: start from the default settings and save none (off-screen shots).
    `focal`: the analyst's choice of the country the article is about (else the one kept with
    its corrections). `tolerate_bad_file`: a file that cannot be opened gives the window with
    no article and a dialog that says why, instead of InputError (a launch from a file
    manager, where no terminal shows a message).
    """
    from multivector.documents.loading import load_document

    try:  # before Qt: a bad file is one line and exit 2 without a window
        document, error = load_document(file), None
    except InputError as err:
        if not tolerate_bad_file:
            raise
        document, error = None, str(err)
    early = None
    if document is not None and not wait:  # on another core while Qt starts (see the module)
        from multivector.qt.window.early_analysis import EarlyAnalysis

        early = EarlyAnalysis(document, focal)
    app = make_application(dark=dark, offscreen=offscreen)
    from multivector.qt.common.settings import Settings
    from multivector.qt.window.compose import compose_window

    window = compose_window(Settings.defaults() if fresh else Settings.open(),
                            features_after_paint=not wait)
    try:
        if document is None:
            window.show_load_error(error or "")
        else:
            window.open_document(document, focal, now=wait, early=early)
    except BaseException:
        discard_window(window)  # no window left for the interpreter's exit to tear down
        raise
    return app, window


def _select_when_shown(window: object, node: str) -> None:
    """`--select` in a window on screen: the node, once the first analysis is shown (a node the
    article does not have is said in the status bar: the window is already up)."""
    pending = [node]

    def select(_analysis: object) -> None:
        if pending and not window.select_node(pending.pop()):  # type: ignore[attr-defined]
            window.status.report(f"--select {node}: no such node in this article")  # type: ignore[attr-defined]

    window.analysis_changed.connect(select)  # type: ignore[attr-defined]


def parse_size(text: str) -> tuple[int, int]:
    """"1280x800" as (1280, 800); InputError for anything else."""
    width, sep, height = text.lower().partition("x")
    if not (sep and width.isdigit() and height.isdigit()):
        raise InputError(f"--size {text}: give the size as WIDTHxHEIGHT, for example 1280x800")
    size = int(width), int(height)
    if not (320 <= size[0] <= 8192 and 240 <= size[1] <= 8192):
        raise InputError(f"--size {text}: must be between 320x240 and 8192x8192")
    return size


VIEWS = {"partners": "partner", "areas": "area", "matrix": "partner"}


def run_window(file: str | None, screenshot: str | None = None, select: str | None = None,
               dark: bool = False, crash_hook: bool = True, view: str | None = None,
               size: str | None = None, focal: str | None = None) -> int:
    """`multivector [FILE] [--screenshot PNG] [--select NODE] [--view V] [--size WxH] [--dark]
    [--focal CODE]`; InputError for bad input.

    `crash_hook`: route unexpected exceptions to a dialog (never in --screenshot mode, where no
    one is there to close it). Off screen, saved window state is ignored: the default layout,
    the by-partner view and SCREENSHOT_SIZE unless `view` and `size` say otherwise."""
    shot_size = parse_size(size) if size is not None else SCREENSHOT_SIZE
    if screenshot is None:
        from multivector.qt.window.display import require_display

        require_display()
    else:
        check_writable(screenshot)  # before any window exists: a window left to exit crashes
    app, window = open_window(file, dark=dark, offscreen=screenshot is not None,
                              fresh=screenshot is not None, focal=focal,
                              tolerate_bad_file=screenshot is None, wait=False)
    if view is not None:
        window.set_tree_mode(VIEWS[view])  # type: ignore[attr-defined]
        if view == "matrix":
            window.show_matrix()  # type: ignore[attr-defined]
    if screenshot is None:
        if crash_hook:
            install_crash_hook(window)
        if select is not None:  # once the analysis is shown
            _select_when_shown(window, select)
        window.show()  # type: ignore[attr-defined]
        return app.exec()  # type: ignore[attr-defined]
    try:
        _screenshot(window, screenshot, select, shot_size)
    finally:
        window.close()  # type: ignore[attr-defined]
        discard_window(window)
    return 0


def _screenshot(window: object, screenshot: str, select: str | None,
                shot_size: tuple[int, int]) -> None:
    window.ensure_features()  # type: ignore[attr-defined]
    window.corrections.prompts = False  # type: ignore[attr-defined]  # nobody to answer
    window.resize(*shot_size)  # type: ignore[attr-defined]
    window.show()  # type: ignore[attr-defined]
    # Everything before the shot: the analysis (after the first paint), then the plot.
    wait_until(lambda: not window.analysing, ANALYSIS_WAIT_S)  # type: ignore[attr-defined]
    if window.failure is not None:  # type: ignore[attr-defined]
        raise InputError(window.failure)  # type: ignore[attr-defined]
    if not wait_for_plot(window):
        window.ensure_plot()  # type: ignore[attr-defined]
    from PySide6.QtWidgets import QApplication

    QApplication.processEvents()  # the layout settles (the reader's room) before the shot
    if select is not None and not window.select_node(select):  # type: ignore[attr-defined]
        raise InputError(f"--select {select}: no such node in this article")
    # Scroll again now that the reader has its real size.
    window.go_to_passage(window.current or 0)  # type: ignore[attr-defined]
    window.flush()  # type: ignore[attr-defined]
    save_screenshot(window, screenshot)
