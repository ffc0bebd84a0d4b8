"""View > Dark Palette: the dark palette at any time, not only as a start-up flag. Unchecked, the
window follows the system's palette (light or dark as the desktop says)."""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QPalette
from PySide6.QtWidgets import QApplication, QWidget

from multivector.qt.common.menus import MenuSlots
from multivector.qt.common.settings import Settings
from multivector.qt.window.palette_colors import DARK_WINDOW, dark_palette


class PaletteSwitch(QObject):
    """A checkable action that switches the application between our dark palette (with the
    Fusion style, which honours it everywhere) and the system's own palette and style."""

    def __init__(self, window: QWidget, menus: MenuSlots, settings: Settings) -> None:
        super().__init__(window)
        self.settings = settings
        app = QApplication.instance()
        assert isinstance(app, QApplication)
        self._app = app
        self._system_style = app.style().name()
        self.action = QAction("&Dark Palette", window)
        self.action.setObjectName("darkPaletteAction")
        self.action.setCheckable(True)
        self.action.setStatusTip("Light text on a dark background; unchecked, the system's "
                                 "palette is followed")
        # Started with --dark (or dark last time): the palette is already dark.
        self.action.setChecked(settings.get("view/dark") or self._is_ours(DARK_WINDOW))
        self.action.toggled.connect(self.set_dark)
        window.addAction(self.action)
        menus.add_to_view([None, self.action])
        if self.action.isChecked():
            self.set_dark(True, remember=False)

    def _is_ours(self, window_color: str) -> bool:
        return self._app.palette().color(QPalette.ColorRole.Window).name() == window_color

    @property
    def dark(self) -> bool:
        return self.action.isChecked()

    def set_dark(self, dark: bool, remember: bool = True) -> None:
        if self.action.isChecked() != dark:
            self.action.setChecked(dark)  # toggled comes back here
            return
        if dark:
            if self._app.style().name().lower() != "fusion":
                self._system_style = self._app.style().name()
                self._app.setStyle("Fusion")
            self._app.setPalette(dark_palette())  # type: ignore[arg-type]
        else:
            self._app.setStyle(self._system_style)
            self._app.setPalette(QPalette())  # back to the system's, and following it
        if remember:
            self.settings.set("view/dark", dark)
