"""Start-up: the QApplication, the palette, the window, and `--screenshot`."""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

from multivector.model.errors import InputError
from multivector.platform.files import describe_error

PLOT_WAIT_S = 3.0  # the contract: lazily loaded widgets exist within 3 s of the window showing
SCREENSHOT_SIZE = (1440, 900)


def dark_palette() -> object:
    """A dark palette for the Fusion style (used with --dark; otherwise the system's is kept)."""
    from PySide6.QtGui import QColor, QPalette

    pal = QPalette()
    role, group = QPalette.ColorRole, QPalette.ColorGroup
    colors = {
        role.Window: "#202326", role.WindowText: "#e6e6e6", role.Base: "#17191c",
        role.AlternateBase: "#1f2226", role.ToolTipBase: "#2b2f33", role.ToolTipText: "#e6e6e6",
        role.PlaceholderText: "#8a8f96", role.Text: "#e6e6e6", role.Button: "#2a2d31",
        role.ButtonText: "#e6e6e6", role.BrightText: "#ff6b6b", role.Link: "#6cb6ff",
        role.Highlight: "#2f6fb3", role.HighlightedText: "#ffffff", role.Mid: "#3a3e43",
        role.Dark: "#111315", role.Light: "#3a3e43", role.Midlight: "#30343a", role.Shadow: "#000000",
    }
    for r, c in colors.items():
        pal.setColor(r, QColor(c))
    for r in (role.Text, role.WindowText, role.ButtonText):
        pal.setColor(group.Disabled, r, QColor("#6d7278"))
    return pal


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


def wait_for_plot(window: object, timeout_s: float = PLOT_WAIT_S) -> bool:
    """Run the event loop until the window's plot exists (or the timeout passes)."""
    from PySide6.QtWidgets import QApplication

    deadline = time.monotonic() + timeout_s
    while getattr(window, "plot", None) is None and time.monotonic() < deadline:
        QApplication.processEvents()
        time.sleep(0.005)
    return getattr(window, "plot", None) is not None


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


class _BackgroundAnalysis:
    """Loads and analyses the article on a thread while Qt starts up (the core is Qt-free)."""


    def __init__(self, file: str | os.PathLike[str] | None) -> None:
        import threading

        self._file = file
        self._result: object = None
        self._error: BaseException | None = None
        self._thread = threading.Thread(target=self._run, name="analysis", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        try:
            from multivector.engine.pipeline import analyze_path

            self._result = analyze_path(self._file)
        except BaseException as exc:  # re-raised on the main thread by result()
            self._error = exc

    def result(self) -> object:
        self._thread.join()
        if self._error is not None:
            raise self._error
        return self._result


def open_window(file: str | os.PathLike[str] | None, dark: bool = False,
                offscreen: bool = False) -> tuple[object, object]:
    """The application and the analysed window, not yet shown; InputError for a bad file.

    The analysis runs while Qt is imported and the window built, and icons are drawn after
    the first paint, so the first paint comes as early as it can.
    """
    analysis = _BackgroundAnalysis(file)
    app = make_application(dark=dark, offscreen=offscreen)
    from multivector.qt.common import icons
    from multivector.qt.common.settings import Settings
    from multivector.qt.window.compose import compose_window

    icons.defer_loading()
    window = compose_window(Settings.open())
    try:
        window.set_analysis(analysis.result())  # type: ignore[arg-type]
    except BaseException:
        discard_window(window)  # a bad file: no window left for the interpreter's exit
        raise
    return app, window


def run_window(file: str | None, screenshot: str | None = None, select: str | None = None,
               dark: bool = False, crash_hook: bool = True) -> int:
    """`multivector [FILE] [--screenshot PNG] [--select NODE] [--dark]`; InputError for bad input.

    `crash_hook`: route unexpected exceptions to a dialog (never in --screenshot mode, where no
    one is there to close it)."""
    if screenshot is not None:
        check_writable(screenshot)
    app, window = open_window(file, dark=dark, offscreen=screenshot is not None)
    if select is not None and not window.select_node(select):  # type: ignore[attr-defined]
        discard_window(window)  # never left for the interpreter's exit to tear down
        raise InputError(f"--select {select}: no such node in this article")
    if screenshot is None:
        if crash_hook:
            install_crash_hook(window)
        window.show()  # type: ignore[attr-defined]
        return app.exec()  # type: ignore[attr-defined]
    try:
        _screenshot(window, screenshot, select)
    finally:
        window.close()  # type: ignore[attr-defined]
        discard_window(window)
    return 0


def _screenshot(window: object, screenshot: str, select: str | None) -> None:
    window.corrections.prompts = False  # type: ignore[attr-defined]  # nobody to answer
    window.resize(*SCREENSHOT_SIZE)  # type: ignore[attr-defined]
    window.show()  # type: ignore[attr-defined]
    if not wait_for_plot(window):
        window.ensure_plot()  # type: ignore[attr-defined]
    from multivector.qt.common import icons

    icons.load()
    if select is not None:
        window.select_node(select)  # type: ignore[attr-defined]
        window.go_to_passage(0)  # scroll again now that the reader has its real size
    window.flush()  # type: ignore[attr-defined]
    save_screenshot(window, screenshot)
