"""The PySide6 explorer window. Importing this package loads no Qt: `build_window` does."""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from multivector.qt.window.main_window import MainWindow


def build_window(path: str | os.PathLike[str] | None = None) -> MainWindow:
    """The explorer's main window (not yet shown) on the article at `path` or the bundled one.

    A QApplication must already exist. The analysis is done when this returns; the budget plot
    and the print actions arrive after the first paint.
    """
    from multivector.qt.common.settings import Settings
    from multivector.qt.window.compose import compose_window

    window = compose_window(Settings.open())
    window.open_path_now(path)
    return window
