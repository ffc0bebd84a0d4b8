"""The chooser behind "About: <country>": which country the article is about, as the analyst
sees it, or the one the engine detects."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from multivector.qt.common.list_filter import narrow_list

DETECT = "Detect from the text"
CODE_ROLE = Qt.ItemDataRole.UserRole


class FocalChooser(QDialog):
    """A filterable list: the countries the article names first, then every other country."""

    def __init__(self, named: list[tuple[str, str]], others: list[tuple[str, str]],
                 current: str | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("focalChooser")
        self.setWindowTitle("What is the article about?")
        intro = QLabel("The analysis is done from the side of the country the article is about. "
                       "Choose it, or let Multivector detect it. The choice is kept with your "
                       "corrections.")
        intro.setWordWrap(True)
        self.filter = QLineEdit(objectName="focalFilter")
        self.filter.setPlaceholderText("Type to find a country")
        self.filter.setClearButtonEnabled(True)
        self.filter.setAccessibleName("Find a country")
        self.filter.setToolTip("Type part of a country's name or its code")
        self.list = QListWidget(objectName="focalList")
        self.list.setAccessibleName("Countries")
        self.list.setToolTip("Countries named in the article come first")
        self._add(DETECT, None, current)
        for name, code in named:
            self._add(f"{name} ({code}) · named in the article", code, current)
        for name, code in others:
            self._add(f"{name} ({code})", code, current)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.filter)
        layout.addWidget(self.list, 1)
        layout.addWidget(buttons)
        self.filter.textChanged.connect(self._narrow)
        self.list.itemDoubleClicked.connect(lambda _item: self.accept())
        self.resize(420, 480)

    def _add(self, text: str, code: str | None, current: str | None) -> None:
        item = QListWidgetItem(text)
        item.setData(CODE_ROLE, code)
        self.list.addItem(item)
        if code == current:
            self.list.setCurrentItem(item)

    def _narrow(self, text: str) -> None:
        shown = narrow_list(self.list, text, lambda item: item.data(CODE_ROLE) is not None)
        if shown and text.strip():
            self.list.setCurrentItem(shown[0])

    def choice(self) -> str | None:
        """The chosen country's code; None for "detect from the text"."""
        item = self.list.currentItem()
        return None if item is None or item.isHidden() else item.data(CODE_ROLE)
