"""Typing narrows a list: the one filter behind every chooser dialog's search field."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QListWidget, QListWidgetItem


def narrow_list(widget: QListWidget, text: str,
                choosable: Callable[[QListWidgetItem], bool] = lambda _item: True,
                ) -> list[QListWidgetItem]:
    """Hide the items whose text does not contain `text` (any case); the choosable items left
    visible, in order."""
    key = text.strip().casefold()
    shown: list[QListWidgetItem] = []
    for row in range(widget.count()):
        item = widget.item(row)
        hidden = bool(key) and key not in item.text().casefold()
        item.setHidden(hidden)
        if not hidden and choosable(item):
            shown.append(item)
    return shown
