"""The Budget dock's content: the plot once it is loaded, or one line when the article gives no
budget figure, so that an empty plot does not take a third of the window."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QSizePolicy, QVBoxLayout, QWidget

QWIDGETSIZE_MAX = (1 << 24) - 1
NO_BUDGET = "No budget figures in this article"


class BudgetPane(QWidget):
    """Holds the budget plot (set after the first paint) above a one-line message."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("budgetPane")
        self.line = QLabel("Loading the budget plot…", self)
        self.line.setObjectName("budgetLine")
        self.line.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.line.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self.plot: QWidget | None = None
        self._empty = False
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.addWidget(self.line)

    @property
    def empty(self) -> bool:
        """True while the article has no budget figure (the pane is one line high)."""
        return self._empty

    def set_plot(self, plot: QWidget) -> None:
        self.plot = plot
        self._layout.addWidget(plot, 1)
        self.line.setText(NO_BUDGET)
        self._apply()

    def set_empty(self, empty: bool) -> None:
        self._empty = empty
        self._apply()

    def _apply(self) -> None:
        loading = self.plot is None
        self.line.setVisible(loading or self._empty)
        if self.plot is not None:
            self.plot.setVisible(not self._empty)
        if self._empty:
            self.setMaximumHeight(self.line.sizeHint().height() + 8)
        else:
            self.setMaximumHeight(QWIDGETSIZE_MAX)
