"""Our icon names (node kinds, actions, each area's taxonomy icon) to icons, and the colours
nodes are drawn in. The only module that draws icons.

Icons are glyphs of the icon fonts qtawesome ships (names such as "mdi6.school"). For the
Material Design font, which every one of our names uses, the glyph is drawn here straight from
the font file, as qtawesome draws it: importing qtawesome pulls in qtpy (~0.2 s at start-up).
Glyphs of other fonts are left to qtawesome, imported when one is first drawn.

Unknown names raise `UnknownIconError` at once: a typo in the taxonomy or in code shows up on
first use instead of as a blank square in the tree.
"""

from __future__ import annotations

import importlib.util
import json
from functools import cache
from pathlib import Path

from PySide6.QtCore import QPoint, QRect, QSize, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontDatabase,
    QGuiApplication,
    QIcon,
    QIconEngine,
    QPainter,
    QPalette,
    QPixmap,
)

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


_FONT_FILES = {"mdi6": "materialdesignicons6-webfont"}  # the fonts drawn here, by prefix
GLYPH_SCALE = 0.875  # the glyph's pixel size per pixel of icon height, as qtawesome draws it


def _qtawesome() -> object:
    import qtawesome

    return qtawesome


def _font_file(prefix: str, kind: str) -> Path | None:
    """qtawesome's file of the font `prefix`: its "ttf" or its "charmap" (JSON)."""
    spec = importlib.util.find_spec("qtawesome")
    if prefix not in _FONT_FILES or spec is None or not spec.submodule_search_locations:
        return None
    suffix = "-charmap-*.json" if kind == "charmap" else "-*.ttf"
    found = sorted(Path(spec.submodule_search_locations[0], "fonts").glob(
        _FONT_FILES[prefix] + suffix))
    found = [f for f in found if kind == "charmap" or "-charmap-" not in f.name]
    return found[-1] if found else None


@cache
def _charmap(prefix: str) -> dict[str, str] | None:
    """Glyph name -> character of a font drawn here, read from its charmap."""
    path = _font_file(prefix, "charmap")
    if path is None:
        return None
    return {name: chr(int(code, 16)) for name, code in
            json.loads(path.read_text(encoding="utf-8")).items()}


@cache
def _family(prefix: str) -> str | None:
    """The font family of `prefix`, added to the application's fonts on first use."""
    path = _font_file(prefix, "ttf")
    if path is None:
        return None
    families = QFontDatabase.applicationFontFamilies(QFontDatabase.addApplicationFont(str(path)))
    return families[0] if families else None


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
    """Paints a font glyph: vector, so sharp at any pixel ratio, in the node's colour or the
    palette's text colour at paint time (so a palette switch recolours plain icons)."""

    def __init__(self, name: str, color: str | None) -> None:
        super().__init__()
        self._name, self._color = name, color
        self._other: QIcon | None = None  # a glyph of a font left to qtawesome

    def paint(self, painter: QPainter, rect: QRect, mode: QIcon.Mode, state: QIcon.State) -> None:
        prefix, _, glyph = self._name.partition(".")
        charmap, family = _charmap(prefix), _family(prefix)
        if charmap is None or family is None:
            if self._other is None:
                options = {"color": self._color} if self._color else {}
                self._other = _qtawesome().icon(self._name, **options)  # type: ignore[attr-defined]
            self._other.paint(painter, rect, Qt.AlignmentFlag.AlignCenter, mode, state)
            return
        palette = QGuiApplication.palette()
        if mode == QIcon.Mode.Disabled:
            color = palette.color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text)
        elif self._color:
            color = QColor(self._color)
        else:
            color = palette.color(QPalette.ColorGroup.Active, QPalette.ColorRole.Text)
        font = QFont(family)
        font.setPixelSize(max(1, round(GLYPH_SCALE * rect.height())))
        painter.save()
        painter.setFont(font)
        painter.setPen(color)
        painter.drawText(rect, int(Qt.AlignmentFlag.AlignCenter), charmap[glyph])
        painter.restore()

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

    The name is checked at once (UnknownIconError); the glyph is drawn when shown.
    """
    full_name = qta_name(name)
    _check(full_name)
    return QIcon(_Engine(full_name, color))


def node_color(index: int) -> QColor:
    """The colour of the node at `index` in the analysis (partners, then areas)."""
    return QColor(NODE_COLORS[index % len(NODE_COLORS)])
