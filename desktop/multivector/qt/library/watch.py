"""Notices when another process (`multivector library add`, a second window) changed the
library, so an open pane shows it: SQLite's `data_version` is read every few seconds while a
library dock is shown, and when the window becomes active again."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QApplication

from multivector.model.errors import InputError

POLL_MS = 2000  # a pragma read: cheap enough to do this often, slow enough to go unnoticed


class LibraryWatch(QObject):
    """Emits `changed` when the library's data version moved since the last `seen()`."""

    changed = Signal()

    def __init__(self, version: Callable[[], int | None], active: Callable[[], bool],
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._version = version  # None while there is no library open
        self._active = active  # only while a library dock is shown
        self._seen: int | None = None
        self.timer = QTimer(self)
        self.timer.setInterval(POLL_MS)
        self.timer.timeout.connect(self.check)
        self.timer.start()
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.applicationStateChanged.connect(self._state_changed)

    def _state_changed(self, state: Qt.ApplicationState) -> None:
        if state == Qt.ApplicationState.ApplicationActive:
            self.check()

    def seen(self) -> None:
        """What is shown now is up to date (after our own refresh)."""
        try:
            self._seen = self._version()
        except InputError:
            self._seen = None

    def check(self) -> bool:
        """Emit `changed` if another connection committed since `seen()`; True if it did."""
        if not self._active():
            return False
        try:
            version = self._version()
        except InputError:
            return False  # a library that went bad is reported when it is next used
        if version is None or version == self._seen:
            return False
        self._seen = version
        self.changed.emit()
        return True

    def stop(self) -> None:
        self.timer.stop()
