"""The summary as a QTextDocument built for paper, with real character formats.

Printing goes through this document, never through the reader widget: the reader's highlights
are extraSelections, which are not part of its document and would be lost on paper.
"""

from __future__ import annotations

from PySide6.QtCore import QUrl
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QImage,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextFormat,
    QTextFrameFormat,
    QTextImageFormat,
    QTextLength,
    QTextTableFormat,
)

from multivector.qt.printing.fonts import SANS, SERIF, print_font
from multivector.qt.printing.matrix_object import matrix_format
from multivector.summary.budget import BUDGET_HEADERS, basis_note, short_budget_cells
from multivector.summary.model import Excerpt, PartnerEntry, Summary
from multivector.summary.wording import (
    MATRIX_NOTE,
    back_reference,
    cited_sources,
    cue_note,
    fresh,
    group_label,
    more_note,
    paragraph_ref,
    paragraphs_ref,
    partner_meta,
    partner_name,
    quoted_above,
    title_fields,
)

CHART_URL = QUrl("multivector-print://budget-chart.png")
# Numbered on headings and labels that must not end a page: pagination moves them to the next
# page with the block that follows (Qt has no keep-with-next of its own).
KEEP_WITH_NEXT = QTextFormat.Property.UserProperty + 1
# On each budget table: the index of its first data row, so pagination can name a row to move.
FIRST_ROW = QTextFormat.Property.UserProperty + 2
INK, GREY, ACCENT, TINT = QColor("#222222"), QColor("#5a5a5a"), QColor("#2f5f8f"), QColor("#eef2f7")
LEADING = 94  # percent of the font's line spacing
# Column shares of the budget table, in percent of the text width.
_BUDGET_WIDTHS = (7, 17, 21, 13, 8, 14, 13, 7)


def _char(family: str = SERIF, pt: float = 10, bold: bool = False, italic: bool = False,
          color: QColor = INK) -> QTextCharFormat:
    fmt = QTextCharFormat()
    fmt.setFont(print_font(family, pt, bold, italic))
    fmt.setForeground(QBrush(color))
    return fmt


def _block(top: float = 0, bottom: float = 4, left: float = 0,
           background: QColor | None = None, keep: bool = False,
           leading: int = LEADING) -> QTextBlockFormat:
    fmt = QTextBlockFormat()
    if keep:
        fmt.setProperty(KEEP_WITH_NEXT, -1)  # numbered when written
    fmt.setTopMargin(top)
    fmt.setBottomMargin(bottom)
    fmt.setLeftMargin(left)
    # DejaVu's own leading is loose for small print; a little less keeps lines apart still.
    # (A block holding a picture keeps 100: less would draw the next block over the picture.)
    fmt.setLineHeight(leading, QTextBlockFormat.LineHeightTypes.ProportionalHeight.value)
    if background is not None:
        fmt.setBackground(QBrush(background))
    return fmt


class PrintDocumentBuilder:
    """Writes a `Summary` into a fresh QTextDocument, section by section."""

    def __init__(self, summary: Summary, chart: QImage | None, chart_width: float,
                 keep_breaks: frozenset[int] = frozenset(),
                 row_breaks: frozenset[int] = frozenset()) -> None:
        self.keep_breaks = keep_breaks  # numbered keep blocks that start a new page
        self.row_breaks = row_breaks  # budget rows that start a new table on a new page
        self._keep_count = 0
        self.summary = summary
        self.chart = chart
        self.chart_width = chart_width
        self.doc = QTextDocument()
        self.doc.setDocumentMargin(0)
        self.doc.setDefaultFont(QFont(SERIF, 10))
        self.cursor = QTextCursor(self.doc)
        self._reuse_block = True  # the document's first block, or the one after a table

    def _para(self, block: QTextBlockFormat, runs: list[tuple[str, QTextCharFormat]]) -> None:
        if block.hasProperty(KEEP_WITH_NEXT):
            self._keep_count += 1
            block.setProperty(KEEP_WITH_NEXT, self._keep_count)
            if self._keep_count in self.keep_breaks:
                block.setPageBreakPolicy(QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore)
        if self._reuse_block:
            self.cursor.setBlockFormat(block)
            self._reuse_block = False
        else:
            self.cursor.insertBlock(block)
        for text, fmt in runs:
            self.cursor.insertText(text, fmt)

    def _heading(self, text: str) -> None:
        heading = _char(SANS, 12.5, bold=True, color=ACCENT)
        self._para(_block(top=11, bottom=3, keep=True), [(text, heading)])

    def build(self) -> QTextDocument:
        """Page 1 is the overview (title, summary, matrix, budget); the evidence follows."""
        s = self.summary
        self._para(_block(bottom=6), [(s.title.title, _char(SANS, 18, bold=True))])
        for label, value in title_fields(s.title):
            self._para(_block(bottom=1), [(f"{label}: ", _char(SANS, 9, bold=True, color=GREY)),
                                          (value, _char(SANS, 9, color=GREY))])
        overview = _block(top=10, bottom=6, background=TINT)
        self._para(overview, [(s.overview, _char(SERIF, 10))])
        if s.matrix is not None:
            self._heading("Partners by area")
            self._para(_block(top=2, bottom=2, keep=True, leading=100), [])
            self.cursor.insertText("\ufffc", matrix_format(self.doc, s.matrix))
            self._para(_block(bottom=4), [(MATRIX_NOTE, _char(SANS, 8, italic=True, color=GREY))])
        if s.budget:
            self._heading("Defense budget")
            self._budget_table()
            for row in s.budget:
                if note := basis_note(row):
                    self._para(_block(top=2, bottom=0, left=4),
                               [(note, _char(SANS, 8, italic=True, color=GREY))])
        self._notes()
        if s.chart is not None and self.chart is not None:
            self._chart()
        if s.partners:
            self._heading("Partners and areas")
            for entry in s.partners:
                self._partner(entry, 0)
        self._lists()
        return self.doc

    def _partner(self, entry: PartnerEntry, depth: int) -> None:
        indent = depth * 18
        head = [(partner_name(entry.name, entry.code), _char(SANS, 11, bold=True)),
                (f"   {partner_meta(entry)}", _char(SANS, 8.5, color=GREY))]
        groups = entry.groups
        if len(groups) == 1 and not fresh(groups[0]) and not groups[0].more:
            # Only a reference back: it fits on the partner's own line.
            head += [(f"   {group_label(groups[0])}", _char(SANS, 9, italic=True, color=ACCENT)),
                     (f"  ({back_reference(groups[0])})",
                      _char(SANS, 8.5, italic=True, color=GREY))]
            groups = ()
        self._para(_block(top=6 if depth == 0 else 3, bottom=1, left=indent,
                          keep=bool(groups or entry.children)), head)
        for group in groups:
            excerpts = fresh(group)
            extras = [x for x in (back_reference(group), more_note(group)) if x]
            label = _char(SANS, 9, italic=True, color=ACCENT)
            if not excerpts and extras:  # only references: one line, label and where to look
                self._para(_block(top=2, bottom=1, left=indent + 12), [
                    (group_label(group), label),
                    (f"  ({'; '.join(extras)})", _char(SANS, 8.5, italic=True, color=GREY))])
                continue
            self._para(_block(top=2, bottom=1, left=indent + 12, keep=True),
                       [(group_label(group), label)])
            for ex in excerpts:
                self._excerpt(ex, indent + 24)
            for extra in extras:
                self._para(_block(bottom=2, left=indent + 24),
                           [(f"({extra})", _char(SANS, 8.5, italic=True, color=GREY))])
        for child in entry.children:
            self._partner(child, depth + 1)

    def _excerpt(self, ex: Excerpt, left: float) -> None:
        """The passage as a block quotation after its paragraph number; the article's own
        quotation marks are kept and no others added (they would double at its end)."""
        runs = [(f"{paragraph_ref(ex.paragraph)}  ", _char(SANS, 8, bold=True, color=GREY)),
                (ex.text, _char(SERIF, 9))]
        if ex.cue:
            runs.append((f"  ({cue_note(ex)})", _char(SANS, 8, color=GREY)))
        self._para(_block(bottom=2, left=left), runs)

    def _budget_table(self) -> None:
        rows = [short_budget_cells(r) for r in self.summary.budget]
        cuts = sorted({0, *(b for b in self.row_breaks if 0 < b < len(rows)), len(rows)})
        for first, stop in zip(cuts, cuts[1:], strict=False):
            self._table_part(rows, first, stop, page_break=first in self.row_breaks)
        self.cursor.movePosition(QTextCursor.MoveOperation.End)  # out of the last table
        self._reuse_block = True

    def _table_part(self, rows: list[tuple[str, ...]], first: int, stop: int,
                    page_break: bool) -> None:
        """Rows first..stop-1 as one table with its own header row."""
        fmt = QTextTableFormat()
        fmt.setHeaderRowCount(1)
        fmt.setCellPadding(3)
        fmt.setCellSpacing(0)
        fmt.setBorder(0.5)
        fmt.setBorderBrush(QBrush(QColor("#9aa5b1")))
        fmt.setBorderStyle(QTextFrameFormat.BorderStyle.BorderStyle_Solid)
        fmt.setBorderCollapse(True)
        fmt.setTopMargin(4)
        fmt.setProperty(FIRST_ROW, first)
        if page_break:
            fmt.setPageBreakPolicy(QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore)
        fmt.setWidth(QTextLength(QTextLength.Type.PercentageLength, 100))
        widths = _BUDGET_WIDTHS
        if len(widths) != len(BUDGET_HEADERS):
            widths = tuple(100 / len(BUDGET_HEADERS) for _ in BUDGET_HEADERS)
        fmt.setColumnWidthConstraints([QTextLength(QTextLength.Type.PercentageLength, w)
                                       for w in widths])
        self.cursor.movePosition(QTextCursor.MoveOperation.End)
        table = self.cursor.insertTable(stop - first + 1, len(BUDGET_HEADERS), fmt)
        for col, text in enumerate(BUDGET_HEADERS):
            cell = table.cellAt(0, col)
            cell_fmt = cell.format()
            cell_fmt.setBackground(QBrush(TINT))
            cell.setFormat(cell_fmt)
            cell.firstCursorPosition().insertText(text, _char(SANS, 8.5, bold=True))
        for r in range(first, stop):
            row = self.summary.budget[r]
            italic = row.kind != "stated"
            color = GREY if row.kind == "qualitative" else INK
            for col, text in enumerate(rows[r]):
                table.cellAt(r - first + 1, col).firstCursorPosition().insertText(
                    text, _char(SANS, 8.5, italic=italic, color=color))

    def _chart(self) -> None:
        assert self.chart is not None
        self.doc.addResource(QTextDocument.ResourceType.ImageResource, CHART_URL, self.chart)
        image = QTextImageFormat()
        image.setName(CHART_URL.toString())
        image.setWidth(self.chart_width)
        image.setHeight(self.chart_width * self.chart.height() / max(self.chart.width(), 1))
        assert self.summary.chart is not None
        self._para(_block(top=8, bottom=2, keep=True, leading=100), [])
        self.cursor.insertImage(image)
        self._para(_block(bottom=4), [
            (f"Defense budget by year, in {self.summary.chart.currency}. ",
             _char(SANS, 8, bold=True, color=INK)),
            ("Stated figures solid, derived figures hatched; a year known only by its direction "
             "is an arrow without a height.", _char(SANS, 8, italic=True, color=GREY))])

    def _notes(self) -> None:
        if self.summary.notes:
            self._heading("Consistency notes")
            for n in self.summary.notes:
                where = f" ({paragraphs_ref(n.paragraphs)})" if n.paragraphs else ""
                self._bullet([(n.message, _char(SERIF, 9)), (where, _char(SANS, 8, color=GREY))])

    def _lists(self) -> None:
        s = self.summary
        if s.people:
            self._heading("People")
            runs: list[tuple[str, QTextCharFormat]] = []
            for i, p in enumerate(s.people):  # one paragraph, as the sources: a list of names
                role = ", ".join(x for x in (p.role, p.country) if x)
                runs += [("; " if i else "", _char(SERIF, 9)), (p.name, _char(SERIF, 9, bold=True)),
                         (f", {role}" if role else "", _char(SERIF, 9)),
                         (f" ({paragraphs_ref(p.paragraphs)})", _char(SANS, 8, color=GREY))]
            self._para(_block(bottom=2), runs)
        if s.quotes:
            self._heading("Quotations")
            for q in s.quotes:
                if q.see:
                    continue
                self._para(_block(bottom=3, left=12), [
                    (q.text, _char(SERIF, 9, italic=True)),
                    (f"  — {q.speaker or 'unattributed'}, {paragraph_ref(q.paragraph)}",
                     _char(SANS, 8, color=GREY))])
            if above := quoted_above(s.quotes):
                self._para(_block(top=2, bottom=4, left=12),
                           [(above, _char(SANS, 8.5, italic=True, color=GREY))])
        if s.sources:
            self._heading("Sources cited")
            runs = []
            for i, (name, where) in enumerate(cited_sources(s.sources)):
                runs += [("; " if i else "", _char(SERIF, 9)), (name, _char(SERIF, 9))]
                if where:
                    runs.append((f" ({where})", _char(SANS, 8, color=GREY)))
            self._para(_block(bottom=2), runs)  # one paragraph: a list of names, not points

    def _bullet(self, runs: list[tuple[str, QTextCharFormat]]) -> None:
        block = _block(bottom=2, left=14)
        block.setTextIndent(-10)
        self._para(block, [("•  ", _char(SANS, 9, color=ACCENT)), *runs])


def build_print_document(
    summary: Summary, chart: QImage | None, chart_width: float,
    keep_breaks: frozenset[int] = frozenset(), row_breaks: frozenset[int] = frozenset(),
) -> QTextDocument:
    """The document to paginate; `chart_width` is in 96-dpi units, scaled like fonts.

    `keep_breaks` and `row_breaks` come from pagination (`print_pages.paginate`): the numbered
    keep-with-next blocks and the budget rows that must start a new page.
    """
    return PrintDocumentBuilder(summary, chart, chart_width, keep_breaks, row_breaks).build()
