"""Help > About and Help > Keyboard shortcuts: the version, the bundled libraries' licences read
from their metadata, and a row per action with its keys."""

from __future__ import annotations

from importlib import metadata

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QLabel, QTableWidget, QWidget
from pytestqt.qtbot import QtBot

import multivector
from multivector.qt.window.about import (
    action_label,
    bundled_libraries,
    licence_of,
    show_about,
    keys_text,
    show_shortcuts,
)


def _rows(table: QTableWidget) -> list[tuple[str, ...]]:
    return [tuple(table.item(r, c).text() for c in range(table.columnCount()))
            for r in range(table.rowCount())]


def test_about_shows_version_and_licences(qtbot: QtBot) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    dialog = show_about(parent)
    assert dialog.isVisible() and dialog.parent() is parent and dialog.objectName() == "aboutDialog"
    text = dialog.findChild(QLabel, "aboutText").text()
    assert f"Multivector {multivector.__version__}" in text
    rows = {name.lower().replace("_", "-"): (version, licence)
            for name, version, licence in _rows(dialog.findChild(QTableWidget, "licenceTable"))}
    assert rows["pyside6-essentials"][0] == metadata.version("PySide6-Essentials")
    assert "LGPL-3.0" in rows["pyside6-essentials"][1]
    assert rows["pyqtgraph"] == (metadata.version("pyqtgraph"), "MIT")
    assert "BSD-3-Clause" in rows["pypdf"][1] and "LGPL" in rows["pycountry"][1]
    dialog.close()


def test_version_comes_from_the_installed_metadata() -> None:
    assert multivector.__version__ == metadata.version("multivector")


def test_missing_libraries_are_left_out() -> None:
    names = [lib.name.lower() for lib in bundled_libraries(("pypdf", "no-such-dist-xyz"))]
    assert names == ["pypdf"]


class _Dist(metadata.Distribution):
    """A distribution with hand-written metadata, to test how licences are read."""

    def __init__(self, text: str) -> None:
        self.text = text

    def read_text(self, filename: str) -> str | None:
        return self.text if filename in ("METADATA", "PKG-INFO") else None

    def locate_file(self, path: object) -> object:
        raise NotImplementedError


@pytest.mark.parametrize(("headers", "expected"), [
    ("License-Expression: Apache-2.0\nLicense: ignored\n", "Apache-2.0"),
    ("Classifier: License :: OSI Approved :: MIT License\n"
     "Classifier: License :: OSI Approved :: MIT License\n", "MIT License"),
    ("License: BSD\n", "BSD"),
    ("License: " + "Permission is hereby granted " * 10 + "\n",
     "see the licence file shipped with it"),
    ("", "see the licence file shipped with it"),
])
def test_licence_of(headers: str, expected: str) -> None:
    assert licence_of(_Dist(f"Metadata-Version: 2.4\nName: x\nVersion: 1\n{headers}")) == expected


def test_shortcuts_table_lists_every_action(qtbot: QtBot) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    open_action = QAction("&Open…", parent)
    open_action.setShortcut(QKeySequence("Ctrl+O"))
    step = QAction("Next passage", parent)
    step.setShortcuts([QKeySequence("F3"), QKeySequence("Ctrl+G")])
    plain = QAction("Save && close", parent)
    separator = QAction(parent)
    separator.setSeparator(True)
    dialog = show_shortcuts(parent, [open_action, separator, step, plain])
    assert dialog.isVisible() and dialog.objectName() == "shortcutsDialog"
    native = QKeySequence.SequenceFormat.NativeText
    assert _rows(dialog.findChild(QTableWidget, "shortcutTable")) == [
        ("Open", QKeySequence("Ctrl+O").toString(native)),
        ("Next passage", f"F3 or {QKeySequence('Ctrl+G').toString(native)}"),
        ("Save & close", "—"),
    ]
    dialog.close()


def test_dedicated_keys_are_named_as_keys() -> None:
    native = QKeySequence.SequenceFormat.NativeText
    ctrl_o = QKeySequence("Ctrl+O").toString(native)
    assert keys_text(QKeySequence.keyBindings(QKeySequence.StandardKey.Open)) in (
        ctrl_o, f"{ctrl_o} or the Open key")
    three = [QKeySequence("Ctrl+Y"), QKeySequence(Qt.Key.Key_Refresh), QKeySequence("F5")]
    assert keys_text(three) == (f"{QKeySequence('Ctrl+Y').toString(native)}, F5 or the "
                                f"{QKeySequence(Qt.Key.Key_Refresh).toString(native)} key")
    assert keys_text([]) == "—"


def test_action_label() -> None:
    assert action_label(QAction("E&xit")) == "Exit"
    assert action_label(QAction("Find...")) == "Find"
