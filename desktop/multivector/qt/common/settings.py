"""The window's remembered state: one wrapper over QSettings with a table of defaults."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from PySide6.QtCore import QByteArray, QSettings

MAX_RECENT = 10

# Every key the window keeps, with the value it has before the user changes anything.
DEFAULTS: dict[str, Any] = {
    "window/geometry": QByteArray(),
    "window/state": QByteArray(),
    "tree/mode": "partner",  # "partner" or "area"
    "reader/zoom": 0,  # steps of zoomIn/zoomOut from the default size
    "view/dark": False,  # our dark palette; False: the system's palette
    "files/recent": [],
}


class _MemoryStore:
    """What Settings needs of QSettings, kept in a dict and never written anywhere."""

    def __init__(self) -> None:
        self._values: dict[str, Any] = {}

    def value(self, key: str, default: Any = None) -> Any:
        return self._values.get(key, default)

    def setValue(self, key: str, value: Any) -> None:  # noqa: N802 - QSettings' name
        self._values[key] = value

    def sync(self) -> None:
        pass


class Settings:
    """Typed access to the keys in DEFAULTS; created by the caller and passed in, never global."""

    def __init__(self, store: QSettings | _MemoryStore) -> None:
        self._store = store

    @classmethod
    def defaults(cls) -> Settings:
        """Settings that start from DEFAULTS and are never saved: off-screen shots look the same
        whatever the last session left behind, and leave nothing behind themselves."""
        return cls(_MemoryStore())

    @classmethod
    def open(cls) -> Settings:
        """The user's settings, or a file in MULTIVECTOR_SETTINGS_DIR when that is set (tests)."""
        folder = os.environ.get("MULTIVECTOR_SETTINGS_DIR")
        if folder:
            Path(folder).mkdir(parents=True, exist_ok=True)
            store = QSettings(str(Path(folder) / "multivector.ini"), QSettings.Format.IniFormat)
        else:
            store = QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope,
                              "multivector", "multivector")
        return cls(store)

    def get(self, key: str) -> Any:
        default = DEFAULTS[key]  # an unknown key is a bug: fail here, not later
        value = self._store.value(key, default)
        # INI files hand back strings and may collapse one-item lists: restore the default's type.
        if isinstance(default, bool):
            return value in (True, "true", "1", 1)
        if isinstance(default, int):
            try:
                return int(value)
            except (TypeError, ValueError):
                return default
        if isinstance(default, list):
            if value in (None, ""):
                return []
            return [str(v) for v in value] if isinstance(value, list) else [str(value)]
        if isinstance(default, QByteArray):
            return value if isinstance(value, QByteArray) else default
        return value if value is not None else default

    def set(self, key: str, value: Any) -> None:
        if key not in DEFAULTS:
            raise KeyError(f"unknown setting {key!r}")
        self._store.setValue(key, value)

    def add_recent(self, path: str) -> list[str]:
        """Put `path` first in the recent files, without repeats, and return the new list."""
        recent = [p for p in self.get("files/recent") if p != path]
        recent.insert(0, path)
        recent = recent[:MAX_RECENT]
        self.set("files/recent", recent)
        return recent

    def sync(self) -> None:
        self._store.sync()
