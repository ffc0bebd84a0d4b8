"""Printing and exporting summaries: PDF, the print and preview dialogs, the File menu actions."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QObject
from PySide6.QtGui import QAction, QKeySequence, QPdfWriter
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import QFileDialog, QMenu, QMessageBox, QWidget

from multivector.model.analysis import Analysis
from multivector.model.errors import InputError
from multivector.platform.storage import atomic_write_bytes, atomic_write_text
from multivector.qt.printing.pages import default_page_layout, paint_summary
from multivector.summary.build import build_summary, render_summary

_APP: object | None = None  # keeps an application we had to create alive


def ensure_gui_application() -> None:
    """A QApplication for painting text and images; off screen when we create it ourselves."""
    global _APP
    from PySide6.QtWidgets import QApplication

    if QApplication.instance() is None:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        _APP = QApplication(["multivector"])


def summary_pdf_bytes(analysis: Analysis, node: str | None = None) -> bytes:
    """The summary as PDF bytes, laid out exactly as the print preview shows it."""
    ensure_gui_application()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setResolution(300)
    writer.setPageLayout(default_page_layout())
    summary = build_summary(analysis, node)
    writer.setTitle(summary.title.title)
    writer.setCreator("Multivector")
    paint_summary(writer, analysis, node)
    del writer  # the writer finishes the file when it goes away
    buffer.close()
    return bytes(data.data())


def write_summary_pdf(analysis: Analysis, path: Path, node: str | None = None) -> None:
    """Write the summary PDF to `path` atomically (works with no display)."""
    atomic_write_bytes(Path(path), summary_pdf_bytes(analysis, node))


def print_summary(printer: QPrinter, analysis: Analysis, node: str | None = None) -> int:
    """Paint the summary on a printer the user set up; returns the number of pages."""
    return paint_summary(printer, analysis, node)


def new_printer() -> QPrinter:
    """A high-resolution printer starting from our page layout (the dialogs may change it)."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setPageLayout(default_page_layout())
    return printer


def make_preview_dialog(
    parent: QWidget | None, analysis: Analysis, node: str | None = None
) -> QPrintPreviewDialog:
    """A print preview whose pages are painted by the same code as the PDF."""
    printer = new_printer()
    dialog = QPrintPreviewDialog(printer, parent)
    dialog.printer_keepalive = printer  # the dialog does not own its printer; Python must
    title = build_summary(analysis, node).title
    dialog.setWindowTitle(f"Print Preview — {title.selection or title.title}")
    dialog.paintRequested.connect(lambda printer: paint_summary(printer, analysis, node))
    return dialog


# Export menu entries: (label, format, file filter, suffix).
EXPORTS = (
    ("Export &Markdown...", "markdown", "Markdown (*.md)", ".md"),
    ("Export &HTML...", "html", "HTML page (*.html)", ".html"),
    ("Export &JSON...", "json", "JSON (*.json)", ".json"),
    ("Export &CSV (partner, area, passage rows)...", "csv", "CSV (*.csv)", ".csv"),
)


class _PrintActions(QObject):
    """The File menu's print and export actions; reads the analysis only when triggered."""

    def __init__(self, menu: QMenu, parent: QWidget,
                 analysis_getter: Callable[[], Analysis | None],
                 node_getter: Callable[[], str | None],
                 report: Callable[[str], None] | None = None) -> None:
        super().__init__(menu)
        self.parent_widget = parent
        self.report = report or (lambda _message: None)  # "Exported to ..." in the status bar
        self.analysis_getter = analysis_getter
        self.node_getter = node_getter
        self.actions: list[QAction] = []
        self._add(menu, "&Print...", lambda: self.print_dialog(None),
                  QKeySequence.StandardKey.Print)
        self._add(menu, "Print Pre&view...", lambda: self.preview(None))
        self.selection_action = self._add(menu, "Print Summary of &Selection...",
                                          lambda: self.print_dialog(self.node_getter()))
        menu.addSeparator()
        self._add(menu, "Export &PDF...", self.export_pdf)
        for label, fmt, file_filter, suffix in EXPORTS:
            self._add(menu, label, lambda f=fmt, ff=file_filter, s=suffix: self.export(f, ff, s))
        menu.aboutToShow.connect(self.update_enabled)

    def _add(self, menu: QMenu, text: str, slot: Callable[[], object],
             shortcut: QKeySequence.StandardKey | None = None) -> QAction:
        action = menu.addAction(text)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(lambda _checked=False: slot())
        self.actions.append(action)
        return action

    def update_enabled(self) -> None:
        has = self.analysis_getter() is not None
        for action in self.actions:
            action.setEnabled(has)
        self.selection_action.setEnabled(has and self.node_getter() is not None)

    def _analysis(self) -> Analysis | None:
        analysis = self.analysis_getter()
        if analysis is None:
            QMessageBox.information(self.parent_widget, "Nothing to print",
                                    "Open an article first.")
        return analysis

    def print_dialog(self, node: str | None) -> None:
        if (analysis := self._analysis()) is None:
            return
        printer = new_printer()
        # "Print to file" proposes the article's name in its folder, not ~/print.pdf.
        stem, folder = _proposal(analysis)
        printer.setDocName(stem)
        printer.setOutputFileName(str(folder / f"{stem}-summary.pdf"))
        dialog = QPrintDialog(printer, self.parent_widget)
        dialog.setWindowTitle("Print Summary" + (" of Selection" if node else ""))
        if dialog.exec() == QPrintDialog.DialogCode.Accepted:
            self._guard(lambda: print_summary(printer, analysis, node))

    def preview(self, node: str | None) -> None:
        if (analysis := self._analysis()) is None:
            return
        make_preview_dialog(self.parent_widget, analysis, node).exec()

    def _ask_path(self, caption: str, file_filter: str, suffix: str) -> Path | None:
        analysis = self.analysis_getter()
        stem, folder = _proposal(analysis) if analysis else ("summary", Path.home())
        name, _ = QFileDialog.getSaveFileName(self.parent_widget, caption,
                                              str(folder / f"{stem}-summary{suffix}"), file_filter)
        if not name:
            return None
        path = Path(name)
        return path if path.suffix else path.with_suffix(suffix)

    def export_pdf(self) -> None:
        if (analysis := self._analysis()) is None:
            return
        if (path := self._ask_path("Export PDF", "PDF (*.pdf)", ".pdf")) is not None:
            if self._guard(lambda: write_summary_pdf(analysis, path)):
                self.report(f"Summary exported to {path}")

    def export(self, fmt: str, file_filter: str, suffix: str) -> None:
        if (analysis := self._analysis()) is None:
            return
        if (path := self._ask_path(f"Export {fmt.upper()}", file_filter, suffix)) is not None:
            if self._guard(lambda: atomic_write_text(path, render_summary(analysis, fmt))):
                self.report(f"Summary exported to {path}")

    def _guard(self, job: Callable[[], object]) -> bool:
        """Run a save or print; a full disk or a refused printer is a message, not a crash."""
        try:
            job()
        except (OSError, InputError) as exc:
            QMessageBox.warning(self.parent_widget, "Could not save or print", str(exc))
            return False
        return True


def _proposal(analysis: Analysis) -> tuple[str, Path]:
    """A file name stem from the article and a folder to propose: the article's own when it
    can be written to, else the user's documents folder."""
    from PySide6.QtCore import QStandardPaths

    path = analysis.document.path
    stem = Path(path).stem if path and path != "-" else (analysis.document.title or "summary")
    stem = "".join(c if c.isalnum() or c in "-_ " else "-" for c in stem).strip() or "summary"
    if path and path != "-" and os.access(Path(path).parent, os.W_OK):
        from multivector.resources import resources_dir

        folder = Path(path).resolve().parent
        if not folder.is_relative_to(resources_dir().resolve()):  # never into the package
            return stem, folder
    documents = QStandardPaths.writableLocation(
        QStandardPaths.StandardLocation.DocumentsLocation)
    return stem, Path(documents or Path.home())


def install_print_actions(
    menu: QMenu,
    parent: QWidget,
    analysis_getter: Callable[[], Analysis | None],
    node_getter: Callable[[], str | None],
    report: Callable[[str], None] | None = None,
) -> None:
    """Add Print, Print Preview, Print Summary of Selection and the exports to `menu`;
    `report` confirms a finished export in one line."""
    _PrintActions(menu, parent, analysis_getter, node_getter, report)
