"""PDFs written by Qt (the core has no PDF writer): the seed as a PDF analyses like the .txt,
and a page that only holds a picture is reported as a PDF without a text layer."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QMarginsF, QRectF
from PySide6.QtGui import (
    QColor,
    QImage,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QTextDocument,
)

from multivector.documents.loading import load_document
from multivector.engine.pipeline import analyze_document
from multivector.model.errors import InputError
from multivector.resources import bundled_article


def _writer(path: Path) -> QPdfWriter:
    writer = QPdfWriter(str(path))
    writer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4),
                                     QPageLayout.Orientation.Portrait, QMarginsF(15, 15, 15, 15)))
    return writer


def _text_pdf(text: str, path: Path) -> None:
    document = QTextDocument()
    document.setPlainText(text)
    writer = _writer(path)
    document.print_(writer)
    del writer  # the file is finished when the writer goes


def _summary(path: Path) -> tuple[str, list[tuple], list[tuple]]:
    analysis = analyze_document(load_document(path))
    return (analysis.document.text,
            sorted((p.id, p.tier, p.parent, p.areas) for p in analysis.partners),
            [(f.year, f.amount, f.currency, f.kind, f.start, f.end) for f in analysis.budget])


def test_seed_as_pdf_gives_the_same_partners_and_budget(qapp: object, tmp_path: Path) -> None:
    path = tmp_path / "seed.pdf"
    _text_pdf(bundled_article().read_text(encoding="utf-8"), path)
    doc = load_document(path)
    assert doc.source_format == "pdf"
    assert _summary(path) == _summary(bundled_article())


def test_pdf_paragraphs_survive_page_breaks(qapp: object, tmp_path: Path) -> None:
    paragraphs = [f"Paragraph {i}: Chile and Brazil agreed on naval patrols number {i}, and the "
                  f"officers of both fleets will train together in the winter of 20{i:02d}."
                  for i in range(40)]
    path = tmp_path / "long.pdf"
    _text_pdf("\n\n".join(paragraphs), path)
    assert load_document(path).text == "\n\n".join(paragraphs)


def test_picture_only_pdf_has_no_text_layer(qapp: object, tmp_path: Path) -> None:
    path = tmp_path / "scan.pdf"
    writer = _writer(path)
    image = QImage(400, 300, QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    painter = QPainter(writer)
    painter.drawImage(QRectF(0, 0, 4000, 3000), image)
    painter.end()
    del writer
    with pytest.raises(InputError, match="has no text layer"):
        load_document(path)
