"""The status bar's line: what is going on, a busy indicator, and short reports."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QProgressBar, QStatusBar

REPORT_MS = 8000  # how long a one-line report stays in the status bar


class StatusLine:
    """One place for features to say what they are doing; busy while any work runs."""

    def __init__(self, bar: QStatusBar) -> None:
        self._bar = bar
        self.label = QLabel()
        self.label.setAccessibleName("Passage position")
        self.busy = QProgressBar()
        self.busy.setRange(0, 0)  # indeterminate: work reports coarse steps only
        self.busy.setMaximumWidth(160)
        self.busy.setAccessibleName("Working")
        self.busy.setToolTip("Work is running")
        self.busy.hide()
        self._working = 0
        bar.addWidget(self.label, 1)
        bar.addPermanentWidget(self.busy)

    def show_text(self, text: str) -> None:
        """The line's lasting text (the passage position, a step of long work)."""
        self.label.setText(text)

    def report(self, message: str) -> None:
        """A one-line report that goes away by itself."""
        self._bar.showMessage(message, REPORT_MS)

    def work_started(self, text: str) -> None:
        self._working += 1
        self.busy.show()
        self.label.setText(text)

    def work_ended(self) -> None:
        self._working = max(0, self._working - 1)
        if not self._working:
            self.busy.hide()
            self.label.setText("")

    @property
    def working(self) -> bool:
        return self._working > 0
