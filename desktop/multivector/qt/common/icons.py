"""Our icon names (node kinds, actions, each area's taxonomy icon) to qtawesome icons, and the
colours nodes are drawn in. The only module that calls qtawesome.

Unknown names raise `UnknownIconError` at once: a typo in the taxonomy or in code shows up on
first use instead of as a blank square in the tree.
"""

from __future__ import annotations

import importlib.util
import json
from functools import cache
from pathlib import Path

from PySide6.QtCore import QPoint, QRect, QSize, Qt
from PySide6.QtGui import QColor, QIcon, QIconEngine, QPainter, QPixmap

# Our names -> qtawesome names. Area icons come from the taxonomy as qtawesome names already.
NAMED: dict[str, str] = {
    "country": "mdi6.flag-variant",
    "organization": "mdi6.domain",
    "bloc": "mdi6.earth",
    "program": "mdi6.handshake",
    "budget": "mdi6.cash-multiple",
    "tier": "mdi6.layers-triple",
    "area": "mdi6.tag-outline",  # also areas an analyst creates (no taxonomy icon of their own)
    "edited": "mdi6.pencil",  # a node an analyst corrected, apart from machine-only ones
    "pencil": "mdi6.pencil",
    "open": "mdi6.folder-open",
    "reload": "mdi6.refresh",
    "by_partner": "mdi6.account-group",
    "by_area": "mdi6.shape-outline",
    "previous": "mdi6.chevron-up",
    "next": "mdi6.chevron-down",
    "zoom_in": "mdi6.magnify-plus-outline",
    "zoom_out": "mdi6.magnify-minus-outline",
    "search": "mdi6.magnify",
    "undo": "mdi6.undo",
    "redo": "mdi6.redo",
    "history": "mdi6.history",
    "save": "mdi6.content-save",
    "paste": "mdi6.content-paste",
    "library": "mdi6.bookshelf",
    "library_add": "mdi6.book-plus-multiple",
    "folder_add": "mdi6.folder-plus-outline",
    "note": "mdi6.note-text-outline",
    "delete": "mdi6.delete-outline",
    "merge": "mdi6.call-merge",
    "rename": "mdi6.rename-box",
    "about": "mdi6.information-outline",
    "keyboard": "mdi6.keyboard",
}

# Qualitative colours that stay apart from each other and readable under text in both palettes
# (they are drawn translucent behind the text).
NODE_COLORS: tuple[str, ...] = (
    "#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd",
    "#17becf", "#e377c2", "#8c6d31", "#bcbd22", "#7f7f7f",
)
BUDGET_COLOR = "#2f8f5b"


class UnknownIconError(ValueError):
    """An icon name that is neither ours nor a qtawesome icon."""


def qta_name(name: str) -> str:
    """The qtawesome name for one of ours, or `name` itself when it is a qtawesome name."""
    if name in NAMED:
        return NAMED[name]
    if "." in name:
        return name
    raise UnknownIconError(f"unknown icon name {name!r}: not one of {sorted(NAMED)}")


_QTA: dict[str, object] = {"module": None, "defer": False}


def defer_loading() -> None:
    """Icons made from now on paint nothing until `load()`: start-up paints the window first
    and imports qtawesome (~0.2-0.3 s, mostly qtpy) after."""
    _QTA["defer"] = True


def load() -> None:
    """Import qtawesome now and repaint every widget, so deferred icons appear."""
    _QTA["defer"] = False
    _qtawesome()
    from PySide6.QtWidgets import QApplication, QWidget

    # Updating a window alone does not reach what item views draw in their viewports (the
    # tree's icons stayed blank until a click), so every child is updated. Children of the
    # top-level windows, not allWidgets(), which could meet a widget the garbage collector
    # deletes meanwhile.
    for window in QApplication.topLevelWidgets():
        window.update()
        for child in window.findChildren(QWidget):
            child.update()


def _qtawesome() -> object:
    if _QTA["module"] is None:
        import qtawesome

        _QTA["module"] = qtawesome
    return _QTA["module"]


@cache
def _charmap(prefix: str) -> frozenset[str] | None:
    """The glyph names of a qtawesome font, read from its charmap without importing qtawesome."""
    spec = importlib.util.find_spec("qtawesome")
    files = {"mdi6": "materialdesignicons6-webfont-charmap-*.json"}
    if prefix not in files or spec is None or not spec.submodule_search_locations:
        return None
    found = sorted(Path(spec.submodule_search_locations[0], "fonts").glob(files[prefix]))
    return frozenset(json.loads(found[-1].read_text(encoding="utf-8"))) if found else None


def _check(full_name: str) -> None:
    prefix, _, glyph = full_name.partition(".")
    names = _charmap(prefix)
    if names is not None:
        if glyph not in names:
            raise UnknownIconError(f"unknown icon name {full_name!r}: no such glyph in {prefix}")
        return
    try:  # another font: let qtawesome itself judge
        _qtawesome().icon(full_name)  # type: ignore[attr-defined]
    except Exception as exc:  # qtawesome raises a bare Exception for a bad name
        raise UnknownIconError(f"unknown icon name {full_name!r}: {exc}") from exc


class _Engine(QIconEngine):
    """Paints a qtawesome glyph once qtawesome is loaded; vector, so sharp at any pixel ratio."""

    def __init__(self, name: str, color: str | None) -> None:
        super().__init__()
        self._name, self._color = name, color
        self._real: QIcon | None = None

    def _icon(self) -> QIcon | None:
        if self._real is None and not _QTA["defer"]:
            options = {"color": self._color} if self._color else {}
            self._real = _qtawesome().icon(self._name, **options)  # type: ignore[attr-defined]
        return self._real

    def paint(self, painter: QPainter, rect: QRect, mode: QIcon.Mode, state: QIcon.State) -> None:
        real = self._icon()
        if real is not None:
            real.paint(painter, rect, Qt.AlignmentFlag.AlignCenter, mode, state)

    def pixmap(self, size: QSize, mode: QIcon.Mode, state: QIcon.State) -> QPixmap:
        return self.scaledPixmap(size, mode, state, 1.0)

    def scaledPixmap(self, size: QSize, mode: QIcon.Mode, state: QIcon.State,
                     scale: float) -> QPixmap:
        pixmap = QPixmap(size * scale)
        pixmap.fill(Qt.GlobalColor.transparent)
        pixmap.setDevicePixelRatio(scale)
        painter = QPainter(pixmap)
        self.paint(painter, QRect(QPoint(0, 0), size), mode, state)
        painter.end()
        return pixmap

    def clone(self) -> QIconEngine:
        return _Engine(self._name, self._color)


@cache
def icon(name: str, color: str | None = None) -> QIcon:
    """The icon for `name` (ours or a qtawesome name), tinted with `color` when given.

    The name is checked at once (UnknownIconError); the glyph is drawn by qtawesome when shown.
    """
    full_name = qta_name(name)
    _check(full_name)
    return QIcon(_Engine(full_name, color))


def node_color(index: int) -> QColor:
    """The colour of the node at `index` in the analysis (partners, then areas)."""
    return QColor(NODE_COLORS[index % len(NODE_COLORS)])
