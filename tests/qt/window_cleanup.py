"""Deleting test windows at a known moment.

A window left to Python's cycle collector is deleted whenever a collection happens to run, for
example inside `QApplication.allWidgets()` while it wraps a list of widgets the collection has
just freed. The window tests delete their windows themselves, then collect at once.
"""

from __future__ import annotations

import gc

import shiboken6
from PySide6.QtWidgets import QWidget


def discard(window: QWidget) -> None:
    """Close and delete `window` now, and collect what referred to it."""
    if shiboken6.isValid(window):
        window.close()
        shiboken6.delete(window)
    gc.collect()


def discard_started(window: QWidget) -> None:
    """Discard a window made by `open_window`, which defers icons until its first paint: a
    window discarded before that must not leave later tests with icons that paint nothing."""
    from multivector.qt.common import icons

    discard(window)
    icons.load()
