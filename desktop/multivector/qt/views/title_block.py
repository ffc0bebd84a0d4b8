"""The article's header metadata as a title block above the reader."""

from __future__ import annotations

import html
from pathlib import Path

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QLabel, QWidget

from multivector.model.analysis import Analysis, Document

FOCAL_LINK = "focal"


class TitleBlock(QLabel):
    """Title (or file name) in large type, publication details below it, and "About: <country>"
    as a link that asks for the analyst's choice (`focal_requested`)."""

    focal_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("titleBlock")
        self.setTextFormat(Qt.TextFormat.RichText)
        self.setWordWrap(True)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse
                                     | Qt.TextInteractionFlag.LinksAccessibleByMouse
                                     | Qt.TextInteractionFlag.LinksAccessibleByKeyboard)
        self.linkActivated.connect(lambda link: self.focal_requested.emit()
                                   if link == FOCAL_LINK else None)
        self.setAccessibleName("Article details")
        self.setToolTip("Details from the article's header")
        self.setContentsMargins(4, 4, 4, 6)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange and getattr(self, "_shown", None):
            self._show(*self._shown)  # the muted colour follows the palette

    def set_analysis(self, analysis: Analysis | None, chosen: bool = False) -> None:
        """Show `analysis`'s details; `chosen`: its focal country is the analyst's choice."""
        if analysis is None:
            self._shown = None
            self.clear()
            return
        about = (f"About: {html.escape(analysis.focal.name)}" if analysis.focal
                 else "About: no country found")
        about += " (your choice)" if chosen else ""
        self._show(analysis.document, f"<a href='{FOCAL_LINK}' title='Choose the country the "
                   f"article is about'>{about} ▾</a>")

    def set_document(self, document: Document) -> None:
        """Show a document's details before its analysis, which names the focal country: its
        place is kept ("About: …"), so the block does not grow when the analysis arrives."""
        self._show(document, "About: …")

    def _show(self, doc: Document, link: str) -> None:
        self._shown = (doc, link)
        title = doc.title or (Path(doc.path).stem.replace("-", " ").capitalize() if doc.path
                              else "Untitled article")
        details = [doc.publication]
        if doc.volume is not None:
            details.append(f"Volume {doc.volume}")
        if doc.issue is not None:
            details.append(f"Issue {doc.issue}")
        details += [doc.date or (str(doc.year) if doc.year else None), doc.author]
        line = " · ".join(html.escape(str(d)) for d in details if d)
        muted = self.palette().color(QPalette.ColorRole.PlaceholderText).name()
        dot = " · " if line and link else ""
        self.setText(f"<div style='font-size:15pt; font-weight:600'>{html.escape(title)}</div>"
                     f"<div style='color:{muted}'>{line}{dot}{link}</div>")
        self.setToolTip(doc.path or "Article details")
