"""The window's layout: the reader first. Default dock sizes in proportion to the window, and
room for the reader whatever layout was restored or whichever dock was opened."""

from __future__ import annotations

from collections.abc import Collection

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtWidgets import QDockWidget, QMainWindow, QWidget

from multivector.qt.views.partner_matrix import PartnerMatrix

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


class ReaderFirst(QObject):
    """Keeps the reader first in the window's layout: dock sizes in proportion to the window on
    a first start, room for the reader after a restored layout or when a dock opens, and a
    matrix tab that widens while it is in front and gives the tree its width back after."""

    def __init__(self, host: QMainWindow, reader: QWidget, matrix: PartnerMatrix,
                 tree_dock: QDockWidget, matrix_dock: QDockWidget, evidence_dock: QDockWidget,
                 plot_dock: QDockWidget) -> None:
        super().__init__(host)
        self.host, self.reader, self.matrix = host, reader, matrix
        self.tree_dock, self.matrix_dock = tree_dock, matrix_dock
        self.evidence_dock, self.plot_dock = evidence_dock, plot_dock
        self.restored = False  # a saved layout was put back
        self.matrix_first = False  # the matrix was asked for before the window showed
        self._tree_width: int | None = None  # the tree's width while the matrix is in front

    def first_show(self) -> None:
        if not self.restored:
            apply_default_layout(self.host, [self.tree_dock, self.matrix_dock],
                                 self.evidence_dock, self.plot_dock)
        # Whatever was restored, the reader keeps its room; a dock opened later makes room too.
        QTimer.singleShot(0, self, self._settle)
        for dock in self.host.findChildren(QDockWidget):
            dock.visibilityChanged.connect(self._dock_visibility)

    def _settle(self) -> None:
        if self.matrix_first:
            self.matrix_shown(True)
        # Only now: while the window first shows, the tabs flicker through visible states.
        self.matrix_dock.visibilityChanged.connect(self.matrix_shown)
        self.make_room(may_hide=True)

    def _dock_visibility(self, visible: bool) -> None:
        if visible:
            QTimer.singleShot(0, self, self.make_room)

    def make_room(self, may_hide: bool = False) -> None:
        make_room_for_reader(self.host, self.reader, may_hide=may_hide,
                             keep=(self.tree_dock, self.evidence_dock, self.plot_dock))

    def matrix_shown(self, visible: bool) -> None:
        host = self.host
        if self.matrix_dock.isFloating():
            return
        if visible:
            self._tree_width = self.tree_dock.width()
            right = max((d.width() for d in docks_in(host, Area.RightDockWidgetArea)), default=0)
            room = host.width() - right - READER_MIN_WIDTH - 40
            width = min(self.matrix.wanted_width(), room)
            if width > self.matrix_dock.width():
                host.resizeDocks([self.matrix_dock], [width], H)
                if host.layout() is not None:
                    host.layout().activate()
        elif self._tree_width is not None and self.tree_dock.isVisible():
            host.resizeDocks([self.tree_dock], [self._tree_width], H)
            self._tree_width = None
