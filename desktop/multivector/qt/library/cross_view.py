"""Cross-article view of one focal country: partners over all its articles (counts, first and
last seen, areas), the partners' timeline, and the budget series with clickable sources.

Imports pyqtgraph (through the plots): load this module after the window's first paint.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QLabel,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from multivector.library.aggregate import FocalSummary, PartnerAggregate, focal_summary
from multivector.library.store import Library
from multivector.qt.library.budget_plot import LibraryBudgetPlot
from multivector.qt.library.timeline import PartnerTimeline

PARTNER_COLUMNS = ("Partner", "Kind", "Articles", "Passages", "First seen", "Last seen", "Areas")


class CrossArticleView(QWidget):
    """Everything the library knows about one focal country, across its articles."""

    passage_requested = Signal(str, int, int)  # path, start, end to open in the reader

    def __init__(self, library: Library | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._library: Library | None = None
        self.summary: FocalSummary | None = None
        self.focal_combo = QComboBox(self)
        self.focal_combo.setObjectName("focalCombo")
        self.heading = QLabel(self)
        self.partners = QTableWidget(0, len(PARTNER_COLUMNS), self)
        self.partners.setObjectName("crossPartners")
        self.partners.setHorizontalHeaderLabels(PARTNER_COLUMNS)
        self.partners.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.partners.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.partners.verticalHeader().hide()
        self.partners.horizontalHeader().setStretchLastSection(True)
        self.timeline = PartnerTimeline(self)
        self.budget = LibraryBudgetPlot(self)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        for widget in (self.partners, self.timeline, self.budget):
            splitter.addWidget(widget)
        layout = QVBoxLayout(self)
        layout.addWidget(self.focal_combo)
        layout.addWidget(self.heading)
        layout.addWidget(splitter, 1)
        self.focal_combo.currentIndexChanged.connect(self._focal_chosen)
        self.budget.passage_requested.connect(self.passage_requested)
        self.partners.cellActivated.connect(self._partner_activated)
        if library is not None:
            self.set_library(library)

    def set_library(self, library: Library) -> None:
        """Offer the library's focal countries; shows the one with the most articles."""
        self._library = library
        self.focal_combo.blockSignals(True)
        self.focal_combo.clear()
        for code, name, count in library.focal_countries():
            self.focal_combo.addItem(f"{name} ({code}), {count} articles", code)
        self.focal_combo.blockSignals(False)
        if self.focal_combo.count():
            self._focal_chosen(0)

    def set_focal(self, code: str) -> None:
        index = self.focal_combo.findData(code)
        if index < 0:
            raise ValueError(f"no article in the library is about {code}")
        if index == self.focal_combo.currentIndex():
            self._focal_chosen(index)
        else:
            self.focal_combo.setCurrentIndex(index)

    def show_nothing(self, message: str) -> None:
        """Empty the views (the open article's country has no article in the library yet)."""
        self.summary = None
        self.heading.setText(message)
        self._fill_partners(())
        self.timeline.set_partners(())
        self.budget.set_points(())

    def _focal_chosen(self, index: int) -> None:
        code = self.focal_combo.itemData(index)
        if self._library is None or code is None:
            return
        self.summary = focal_summary(self._library, code)
        dates = [a.sort_date for a in self.summary.articles if a.sort_date]
        span = f", {dates[0][:4]}–{dates[-1][:4]}" if dates else ""
        conflicts = len(self.summary.conflicts())
        self.heading.setText(f"{len(self.summary.articles)} articles{span}; "
                             f"{len(self.summary.partners)} partners"
                             + (f"; {conflicts} years with conflicting budget figures"
                                if conflicts else ""))
        self._fill_partners(self.summary.partners)
        self.timeline.set_partners(self.summary.partners)
        self.budget.set_points(self.summary.budget)

    def _fill_partners(self, partners: tuple[PartnerAggregate, ...]) -> None:
        self.partners.setRowCount(len(partners))
        for row, partner in enumerate(partners):
            values = (f"{partner.name} ({partner.id})", partner.kind, partner.articles,
                      partner.passages, partner.first_seen, partner.last_seen,
                      ", ".join(partner.areas))
            for column, value in enumerate(values):
                item = QTableWidgetItem()
                item.setData(Qt.ItemDataRole.DisplayRole, value)
                item.setData(Qt.ItemDataRole.UserRole, partner.id)
                self.partners.setItem(row, column, item)
        self.partners.resizeColumnsToContents()

    def _partner_activated(self, row: int, _column: int) -> None:
        """Open the partner's first passage in its latest article."""
        if self.summary is None or self._library is None:
            return
        partner = self.summary.partners[row]
        latest = partner.mentions[-1]
        path = self._library.article(latest.article_id).path
        if path and latest.start is not None and latest.end is not None:
            self.passage_requested.emit(path, latest.start, latest.end)
