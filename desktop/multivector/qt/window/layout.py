"""The window's layout: the reader first. Default dock sizes in proportion to the window, and
room for the reader whatever layout was restored or whichever dock was opened."""

from __future__ import annotations

from collections.abc import Collection

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDockWidget, QMainWindow, QWidget

READER_MIN_WIDTH = 400  # pixels: a restored layout never leaves the reader narrower
READER_MIN_HEIGHT = 200
DOCK_MIN_WIDTH = 180  # a side dock is not squeezed below this to make room
DOCK_MIN_HEIGHT = 120

Area = Qt.DockWidgetArea
H, V = Qt.Orientation.Horizontal, Qt.Orientation.Vertical


def _clamp(value: float, low: int, high: int) -> int:
    return int(max(low, min(high, round(value))))


def default_dock_widths(window_width: int) -> tuple[int, int]:
    """Widths of the left (tree) and right (evidence, budget) docks: together under half the
    window at any size, so the reader gets at least the other half."""
    return (_clamp(window_width * 0.2, 190, 340), _clamp(window_width * 0.24, 220, 440))


def docks_in(host: QMainWindow, area: Area) -> list[QDockWidget]:
    """The docks shown in `area` (one per tab group; floating ones do not count)."""
    return [d for d in host.findChildren(QDockWidget)
            if d.isVisible() and not d.isFloating() and host.dockWidgetArea(d) == area]


def apply_default_layout(host: QMainWindow, left_docks: list[QDockWidget],
                         evidence: QDockWidget, budget: QDockWidget,
                         budget_height: int | None = None) -> None:
    """Dock sizes for a first start (and off-screen shots): in proportion to the window.
    `left_docks`: the tree and the docks tabbed with it."""
    left, right = default_dock_widths(host.width())
    host.resizeDocks([*left_docks, evidence], [left] * len(left_docks) + [right], H)
    height = max(DOCK_MIN_HEIGHT, host.height())
    plot = budget_height if budget_height is not None else _clamp(height * 0.36, 160, 380)
    host.resizeDocks([evidence, budget], [max(DOCK_MIN_HEIGHT, height - plot), plot], V)


def _shrink(host: QMainWindow, areas: list[list[QDockWidget]], deficit: int,
            orientation: Qt.Orientation, floor: int) -> None:
    """Take `deficit` pixels from the dock areas across `orientation`, each in proportion to
    its size (the docks of one area share its width, or height)."""
    def size(dock: QDockWidget) -> int:
        return dock.width() if orientation == H else dock.height()

    areas = [docks for docks in areas if docks]
    extents = [max(size(d) for d in docks) for docks in areas]
    total = sum(extents)
    if total <= 0 or deficit <= 0:
        return
    docks_all: list[QDockWidget] = []
    sizes: list[int] = []
    for docks, extent in zip(areas, extents, strict=True):
        new = max(floor, extent - (deficit * extent + total - 1) // total)
        docks_all += docks
        sizes += [new] * len(docks)
    host.resizeDocks(docks_all, sizes, orientation)
    if host.layout() is not None:
        host.layout().activate()


def make_room_for_reader(host: QMainWindow, reader: QWidget,
                         keep: Collection[QDockWidget] = (), may_hide: bool = False) -> None:
    """Shrink the side docks until the reader is READER_MIN_WIDTH wide (and bottom or top docks
    until it is READER_MIN_HEIGHT high). With `may_hide`, docks other than `keep` are closed
    when shrinking is not enough (a restored layout with extra docks in a small window)."""
    def sides() -> list[list[QDockWidget]]:
        return [docks_in(host, Area.LeftDockWidgetArea), docks_in(host, Area.RightDockWidgetArea)]

    _shrink(host, sides(), READER_MIN_WIDTH - reader.width(), H, DOCK_MIN_WIDTH)
    if may_hide and reader.width() < READER_MIN_WIDTH:
        for dock in (d for docks in sides() for d in docks):
            if dock not in keep:
                dock.hide()
        if host.layout() is not None:
            host.layout().activate()
        _shrink(host, sides(), READER_MIN_WIDTH - reader.width(), H, DOCK_MIN_WIDTH)
    ends = [docks_in(host, Area.BottomDockWidgetArea), docks_in(host, Area.TopDockWidgetArea)]
    _shrink(host, ends, READER_MIN_HEIGHT - reader.height(), V, DOCK_MIN_HEIGHT)
