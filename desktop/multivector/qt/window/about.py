"""Help > About (version, the licences of the libraries shipped with the app) and
Help > Keyboard shortcuts (every action of the window with its keys).

Both dialogs open window-modal without blocking (`open()`, not `exec()`), and are returned so
that callers and tests can inspect or close them.
"""

from __future__ import annotations

import platform
import re
from dataclasses import dataclass
from importlib import metadata

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

import multivector

# What the packaged app bundles: our runtime dependencies and theirs that ship code.
BUNDLED = ("PySide6-Essentials", "shiboken6", "pyqtgraph", "numpy", "qtawesome", "QtPy",
           "pycountry", "pypdf", "platformdirs")
_CLASSIFIER = re.compile(r"^License :: (?:OSI Approved :: )?(.+)$")


@dataclass(frozen=True)
class Library:
    """A bundled library as its installed metadata describes it."""

    name: str
    version: str
    licence: str


def licence_of(dist: metadata.Distribution) -> str:
    """The licence a distribution declares: the SPDX expression, else the classifiers, else the
    free-text field when it is short (some packages paste the whole licence text there)."""
    meta = dist.metadata
    expression = (meta.get("License-Expression") or "").strip()
    if expression:
        return expression
    classifiers = [m.group(1) for c in meta.get_all("Classifier") or []
                   if (m := _CLASSIFIER.match(c))]
    if classifiers:
        return "; ".join(dict.fromkeys(classifiers))
    free = (meta.get("License") or "").strip()
    if free and len(free) <= 80 and "\n" not in free:
        return free
    return "see the licence file shipped with it"


def bundled_libraries(names: tuple[str, ...] = BUNDLED) -> list[Library]:
    """The bundled libraries that are installed, with version and licence, in `names` order."""
    found = []
    for name in names:
        try:
            dist = metadata.distribution(name)
        except metadata.PackageNotFoundError:
            continue  # optional in this installation (or folded into another package)
        found.append(Library(dist.metadata["Name"] or name, dist.version, licence_of(dist)))
    return found


def _table(name: str, headers: list[str], rows: list[tuple[str, ...]]) -> QTableWidget:
    table = QTableWidget(len(rows), len(headers))
    table.setObjectName(name)
    table.setHorizontalHeaderLabels(headers)
    table.verticalHeader().hide()
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setAlternatingRowColors(True)
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            table.setItem(r, c, QTableWidgetItem(value))
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setStretchLastSection(True)
    return table


def _dialog(parent: QWidget | None, name: str, title: str) -> tuple[QDialog, QVBoxLayout]:
    dialog = QDialog(parent)
    dialog.setObjectName(name)
    dialog.setWindowTitle(title)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    layout = QVBoxLayout(dialog)
    return dialog, layout


def _finish(dialog: QDialog, layout: QVBoxLayout) -> QDialog:
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
    buttons.rejected.connect(dialog.reject)
    layout.addWidget(buttons)
    dialog.resize(560, 440)
    dialog.open()
    return dialog


def show_about(parent: QWidget | None) -> QDialog:
    """Help > About: name, version, what it does, and the bundled libraries' licences."""
    dialog, layout = _dialog(parent, "aboutDialog", "About Multivector")
    head = QLabel(
        f"<h2>Multivector {multivector.__version__}</h2>"
        "<p>Explore who a country cooperates with on defense and security, in which areas, how "
        "firmly, and what its defense budget says, with every finding traced to its passage.</p>"
        f"<p>Python {platform.python_version()}. Licensed under the MIT licence.</p>"
    )
    head.setObjectName("aboutText")
    head.setWordWrap(True)
    head.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    layout.addWidget(head)
    layout.addWidget(QLabel("Libraries shipped with Multivector:"))
    rows = [(lib.name, lib.version, lib.licence) for lib in bundled_libraries()]
    layout.addWidget(_table("licenceTable", ["Library", "Version", "Licence"], rows), 1)
    return _finish(dialog, layout)


def action_label(action: QAction) -> str:
    """The action's text as a user reads it: no mnemonic ampersands, no trailing ellipsis dots."""
    text = action.text().replace("&&", "\0").replace("&", "").replace("\0", "&")
    return text.rstrip(".…").strip()


def _dedicated(sequence: QKeySequence) -> bool:
    """A key of its own on some keyboards (Open, Refresh, Zoom In), not a combination to type."""
    if sequence.count() != 1:
        return False
    combination = sequence[0]
    return (combination.keyboardModifiers() == Qt.KeyboardModifier.NoModifier
            and combination.key().value >= Qt.Key.Key_Back.value)


def keys_text(sequences: list[QKeySequence]) -> str:
    """The shortcuts as a person reads them: "Ctrl+O or the Open key", "F3, Ctrl+G or ..."."""
    native = QKeySequence.SequenceFormat.NativeText
    typed = [s.toString(native) for s in sequences if s.toString(native) and not _dedicated(s)]
    typed += [f"the {s.toString(native)} key" for s in sequences
              if s.toString(native) and _dedicated(s)]
    typed = list(dict.fromkeys(typed))
    if len(typed) < 2:
        return typed[0] if typed else "—"
    return f"{', '.join(typed[:-1])} or {typed[-1]}"


def shortcut_rows(actions: list[QAction]) -> list[tuple[str, str]]:
    """(action, keys) for every action with a text, keys in the platform's notation; an action
    with several shortcuts lists them all (keys found only on some keyboards last), one
    without says so."""
    rows = []
    for action in actions:
        if action.isSeparator() or not action.text():
            continue
        rows.append((action_label(action), keys_text(action.shortcuts())))
    return rows


def show_shortcuts(parent: QWidget | None, actions: list[QAction]) -> QDialog:
    """Help > Keyboard shortcuts: a table of every action's text and shortcut."""
    dialog, layout = _dialog(parent, "shortcutsDialog", "Keyboard shortcuts")
    layout.addWidget(_table("shortcutTable", ["Action", "Shortcut"], shortcut_rows(actions)), 1)
    return _finish(dialog, layout)
