"""Cross-article view of one focal country: its partners over all its articles (counts, first
and last seen, areas by name), its areas, the partners' timeline on a date axis, and the budget
series with clickable sources (shown only when the articles give figures). A partner's row opens
the list of its passages across the articles; each passage opens its article at the passage.

Imports pyqtgraph (through the plots): load this module after the window's first paint.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from multivector.library.aggregate import FocalSummary, focal_summary
from multivector.library.dates import long_date
from multivector.library.passages import PassageAcross, partner_passages
from multivector.library.render import plural
from multivector.library.store import Library
from multivector.model.errors import InputError
from multivector.qt.library.budget_plot import LibraryBudgetPlot
from multivector.qt.library.cross_tables import (
    AREA_COLUMNS,
    ID_ROLE,
    PARTNER_COLUMNS,
    PASSAGE_COLUMNS,
    fill_areas,
    fill_partners,
    fill_passages,
    make_table,
)
from multivector.qt.library.timeline import MAX_CURVES, PartnerTimeline

PASSAGES_TAB = 2


class CrossArticleView(QWidget):
    """Everything the library knows about one focal country, across its articles."""

    passage_requested = Signal(str, int, int)  # path, start, end to open in the reader

    def __init__(self, library: Library | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._library: Library | None = None
        self.summary: FocalSummary | None = None
        self.passages: tuple[PassageAcross, ...] = ()
        self.focal_combo = QComboBox(self)
        self.focal_combo.setObjectName("focalCombo")
        self.focal_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.heading = QLabel(self)
        self.heading.setObjectName("crossHeading")
        self.partners = make_table(PARTNER_COLUMNS, "crossPartners", self)
        self.partners.setToolTip("Double-click a partner (or press Enter) for its passages")
        self.areas = make_table(AREA_COLUMNS, "crossAreas", self)
        self.passage_table = make_table(PASSAGE_COLUMNS, "crossPassages", self)
        self.passage_table.setToolTip("Double-click a passage (or press Enter) to read it")
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("crossTabs")
        self.tabs.addTab(self.partners, "Partners")
        self.tabs.addTab(self.areas, "Areas")
        self.tabs.addTab(self.passage_table, "Passages")
        self.timeline = PartnerTimeline(self)
        self.budget = LibraryBudgetPlot(self)
        plots = QSplitter(Qt.Orientation.Vertical, self)
        plots.addWidget(self.timeline)
        plots.addWidget(self.budget)
        # The tables get the room they need (the width of the view's larger part and all its
        # height); the plots share the rest.
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.addWidget(self.tabs)
        self.splitter.addWidget(plots)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setChildrenCollapsible(False)
        top = QHBoxLayout()
        top.addWidget(self.focal_combo)
        top.addWidget(self.heading, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(top)
        layout.addWidget(self.splitter, 1)
        self.focal_combo.currentIndexChanged.connect(self._focal_chosen)
        self.budget.passage_requested.connect(self.passage_requested)
        self.partners.cellActivated.connect(self._partner_activated)
        self.passage_table.cellActivated.connect(self._passage_activated)
        self._sized = False
        if library is not None:
            self.set_library(library)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        if not self._sized and self.width() > 100:
            # Once, at the first real size: the tables' wide columns would claim everything.
            self._sized = True
            self.splitter.setSizes([self.width() * 3 // 5, self.width() * 2 // 5])

    def set_library(self, library: Library) -> None:
        """Offer the library's focal countries; shows the one with the most articles."""
        self._library = library
        current = self.focal_combo.currentData()
        self.focal_combo.blockSignals(True)
        self.focal_combo.clear()
        for code, name, count in library.focal_countries():
            self.focal_combo.addItem(f"{name} ({code}), {plural(count, 'article')}", code)
        self.focal_combo.blockSignals(False)
        index = max(self.focal_combo.findData(current), 0) if current else 0
        if self.focal_combo.count():
            self.focal_combo.setCurrentIndex(index)
            self._focal_chosen(index)

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
        self._show(None, message)

    def _focal_chosen(self, index: int) -> None:
        code = self.focal_combo.itemData(index)
        if self._library is None or code is None:
            return
        summary = focal_summary(self._library, code)
        dates = [a.sort_date for a in summary.articles if a.sort_date]
        span = ""
        if dates:
            span = f", {long_date(dates[0])}" + (
                f" to {long_date(dates[-1])}" if dates[-1] != dates[0] else "")
        articles = plural(len(summary.articles), "article")
        if summary.undated and dates:
            span += f" and {summary.undated:,} undated"
        elif summary.undated:
            articles = plural(len(summary.articles), "undated article")
        conflicts = len(summary.conflicts())
        self._show(summary, f"{articles}{span}; "
                            f"{plural(len(summary.partners), 'partner')}"
                   + (f"; {plural(conflicts, 'year')} with conflicting budget figures"
                      if conflicts else ""))

    def _show(self, summary: FocalSummary | None, heading: str) -> None:
        self.summary = summary
        self.heading.setText(heading)
        fill_partners(self.partners, summary, MAX_CURVES)
        fill_areas(self.areas, summary)
        self._show_passages(None)
        self.timeline.set_partners(summary.partners if summary else ())
        points = summary.budget if summary else ()
        self.budget.set_points(points)
        # A budget axis with no figure on it says nothing: the timeline takes the room.
        self.budget.setVisible(any(p.year is not None for p in points))

    def _show_passages(self, partner_id: str | None) -> None:
        self.passages = ()
        if partner_id is not None and self.summary is not None and self._library is not None:
            try:
                self.passages = partner_passages(self._library, self.summary, partner_id)
            except InputError as exc:
                self.heading.setText(str(exc))
        fill_passages(self.passage_table, self.passages)
        name = next((p.name for p in self.summary.partners if p.id == partner_id), None) \
            if self.summary is not None else None
        self.tabs.setTabText(PASSAGES_TAB, f"Passages: {name}" if name else "Passages")
        if not self.passages and self.tabs.currentIndex() == PASSAGES_TAB:
            self.tabs.setCurrentIndex(0)  # back to the partners, not on to the next tab
        self.tabs.setTabEnabled(PASSAGES_TAB, bool(self.passages))

    def _partner_activated(self, row: int, _column: int) -> None:
        """The partner's passages across the articles, in their own tab."""
        item = self.partners.item(row, 0)
        if item is None:
            return
        self._show_passages(item.data(ID_ROLE))
        if self.passages:
            self.tabs.setCurrentIndex(PASSAGES_TAB)
            self.passage_table.setFocus()
            self.passage_table.selectRow(0)

    def _passage_activated(self, row: int, _column: int) -> None:
        item = self.passage_table.item(row, 0)
        where = item.data(ID_ROLE) if item is not None else None
        if where and where[0]:
            self.passage_requested.emit(*where)
        elif where:
            self.heading.setText("This article has no file to open")
