"""The tables of the Across Articles view: partners, areas and one partner's passages, each
row holding what it opens (a partner id, or an article's path and a passage's offsets)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from multivector.library.aggregate import FocalSummary
from multivector.library.dates import long_date
from multivector.library.passages import PassageAcross
from multivector.qt.common import icons

PARTNER_COLUMNS = ("Partner", "Articles", "Passages", "First seen", "Last seen", "Areas")
AREA_COLUMNS = ("Area", "Articles", "Passages", "Partners")
PASSAGE_COLUMNS = ("Article", "Date", "¶", "Sentence")
ID_ROLE = Qt.ItemDataRole.UserRole  # partner or area id; for a passage, (path, start, end)
NUMBER_ALIGN = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


def make_table(columns: tuple[str, ...], name: str, parent: QWidget) -> QTableWidget:
    """A read-only table of whole rows whose last column takes the room left."""
    table = QTableWidget(0, len(columns), parent)
    table.setObjectName(name)
    table.setHorizontalHeaderLabels(columns)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setWordWrap(False)
    table.verticalHeader().hide()
    table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 8)
    table.horizontalHeader().setStretchLastSection(True)
    table.horizontalHeader().setHighlightSections(False)
    return table


def _item(value: object, key: object, tooltip: str | None = None) -> QTableWidgetItem:
    item = QTableWidgetItem()
    item.setData(Qt.ItemDataRole.DisplayRole, value)
    item.setData(ID_ROLE, key)
    if isinstance(value, int):
        item.setTextAlignment(NUMBER_ALIGN)
    if tooltip:
        item.setToolTip(tooltip)
    return item


def _fit(table: QTableWidget) -> None:
    header = table.horizontalHeader()
    for column in range(table.columnCount() - 1):
        header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
        table.resizeColumnToContents(column)


def fill_partners(table: QTableWidget, summary: FocalSummary | None, drawn: int = 0) -> None:
    """Partners most written about first: in more articles, then with more passages. The first
    `drawn` rows' icons take the colours of the timeline's lines: the table is its legend."""
    partners = summary.partners if summary is not None else ()
    table.setRowCount(len(partners))
    for row, partner in enumerate(partners):
        assert summary is not None
        areas = summary.area_labels(partner.areas)
        name = _item(partner.name, partner.id, f"{partner.name} ({partner.id}), {partner.kind}")
        kind = partner.kind if partner.kind in icons.NAMED else "country"
        name.setIcon(icons.icon(kind, icons.node_color(row).name() if row < drawn else None))
        cells = (name, _item(partner.articles, partner.id), _item(partner.passages, partner.id),
                 _item(long_date(partner.first_seen), partner.id),
                 _item(long_date(partner.last_seen), partner.id),
                 _item(", ".join(areas), partner.id, "\n".join(areas)))
        for column, cell in enumerate(cells):
            table.setItem(row, column, cell)
    _fit(table)


def fill_areas(table: QTableWidget, summary: FocalSummary | None) -> None:
    """Areas by name and icon, in the most articles first, with the partners named in them."""
    areas = summary.areas if summary is not None else ()
    names = {p.id: p.name for p in summary.partners} if summary is not None else {}
    table.setRowCount(len(areas))
    for row, area in enumerate(areas):
        label = _item(area.label, area.id)
        label.setIcon(icons.icon(area.icon))
        partners = ", ".join(names.get(p, p) for p in area.partners)
        cells = (label, _item(area.articles, area.id), _item(area.passages, area.id),
                 _item(partners, area.id, partners))
        for column, cell in enumerate(cells):
            table.setItem(row, column, cell)
    _fit(table)


def fill_passages(table: QTableWidget, passages: tuple[PassageAcross, ...]) -> None:
    """One partner's passages, newest article first, each opening its article at the passage."""
    table.setRowCount(len(passages))
    for row, passage in enumerate(passages):
        where = (passage.path, passage.start, passage.end)
        cells = (_item(passage.article, where, passage.path or passage.article),
                 _item(long_date(passage.sort_date), where),
                 _item(passage.paragraph if passage.paragraph is not None else "", where),
                 _item(passage.sentence, where, passage.sentence))
        for column, cell in enumerate(cells):
            table.setItem(row, column, cell)
    _fit(table)
    table.setColumnWidth(0, min(table.columnWidth(0), 28 * table.fontMetrics().averageCharWidth()))
