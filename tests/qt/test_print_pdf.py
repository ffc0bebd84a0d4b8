"""The summary PDF: partners, budget figures and the chart image, read back with pypdf."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import tempfile
from dataclasses import replace
from pathlib import Path

import pypdf
import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# The hand-built sample analysis lives with the core tests.
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "core"))
from summary_sample import sample_analysis  # noqa: E402

from multivector.model.analysis import Analysis, BudgetFact  # noqa: E402
from multivector.summary.build import build_summary  # noqa: E402

REPO = Path(__file__).resolve().parents[2]


def _text(reader: pypdf.PdfReader) -> str:
    # Qt spaces words with tabs in the PDF text layer; compare on single spaces.
    return re.sub(r"\s+", " ", " ".join(page.extract_text() for page in reader.pages))


@pytest.fixture(scope="module")
def sample_pdf(tmp_path_factory: pytest.TempPathFactory) -> pypdf.PdfReader:
    from multivector.qt.printing.export import write_summary_pdf

    path = tmp_path_factory.mktemp("pdf") / "summary.pdf"
    write_summary_pdf(sample_analysis(), path)
    return pypdf.PdfReader(path)


def test_pdf_holds_partners_budget_figures_and_unicode(sample_pdf: pypdf.PdfReader) -> None:
    text = _text(sample_pdf)
    for partner in ("Japan (JPN)", "India (IND)", "NATO", "Türkiye (TUR)",
                    "Individual Partnership and Cooperation Programme (IPCP)"):
        assert partner in text, partner
    for figure in ("412.5 billion MNT", "119.6 million", "0.6%", "+12%", "≈ 368 billion MNT",
                   "up (no figure)", "Derived 2022: 412.5 billion ÷ 1.12"):
        assert figure in text, figure
    assert "Gürsed Batjargal" in text and "Kōji Tanaka" in text
    assert ("¶1 Mongolia will expand officer training with Japan and hold joint peacekeeping "
            "exercises with India every year (Montsame, March 3).") in text
    assert "(see ¶1, under Japan)" in text


def _image_widths(reader: pypdf.PdfReader) -> list[int]:
    """Widths of the image XObjects on every page (read from the PDF, no Pillow needed)."""
    widths = []
    for page in reader.pages:
        xobjects = page.get("/Resources", {}).get_object().get("/XObject", {})
        for ref in xobjects.get_object().values():
            obj = ref.get_object()
            if obj.get("/Subtype") == "/Image" and "/SMask" not in str(obj.get("/Name", "")):
                widths.append(int(obj["/Width"]))
    return widths


def test_pdf_has_the_chart_as_an_image(sample_pdf: pypdf.PdfReader) -> None:
    widths = _image_widths(sample_pdf)
    assert len(widths) == 1
    # Drawn for print, not a thumbnail: half the text width (about 3.5 in) at 130+ px per inch.
    assert widths[0] >= 450


def test_every_page_has_the_running_header_and_its_number(sample_pdf: pypdf.PdfReader) -> None:
    pages = len(sample_pdf.pages)
    assert pages >= 1
    for number, page in enumerate(sample_pdf.pages, start=1):
        text = re.sub(r"\s+", " ", page.extract_text())
        assert "Mongolia: defense and security cooperation" in text
        assert f"Page {number} of {pages}" in text
    assert sample_pdf.metadata is not None and sample_pdf.metadata.title == (
        "Mongolia: defense and security cooperation")


def test_pdf_of_a_node_is_limited_to_it(tmp_path: Path) -> None:
    from multivector.qt.printing.export import write_summary_pdf

    path = tmp_path / "nato.pdf"
    write_summary_pdf(sample_analysis(), path, node="NATO")
    text = _text(pypdf.PdfReader(path))
    assert "NATO is a secondary partner of Mongolia" in text
    assert "Japan (JPN)" not in text and "412.5 billion" not in text


def test_no_budget_row_or_heading_is_cut_by_a_page(qapp: object, tmp_path: Path) -> None:
    from PySide6.QtCore import QSizeF
    from PySide6.QtGui import QPdfWriter

    from multivector.qt.printing.document import build_print_document
    from multivector.qt.printing.pages import _first_problem, paginate

    analysis = sample_analysis()
    cite = analysis.budget[0]
    facts = tuple(
        BudgetFact(1950 + i, 1e9 * (i + 1), "MNT", None, None, None, "derived", cite.start,
                   cite.end, basis="a basis long enough to wrap in its column " * (1 + i % 3))
        for i in range(50)
    )
    summary = build_summary(replace(analysis, budget=facts))
    writer = QPdfWriter(str(tmp_path / "measure.pdf"))  # only measures; nothing is painted
    writer.setResolution(96)
    size = QSizeF(650, 900)
    naive = build_print_document(summary, None, 500)
    naive.documentLayout().setPaintDevice(writer)
    naive.setPageSize(size)
    assert _first_problem(naive, size.height(), set()) is not None  # Qt alone cuts rows
    doc = paginate(summary, None, 500, writer, size)
    assert doc.pageCount() >= 4
    assert _first_problem(doc, size.height(), set()) is None


def test_command_line_writes_the_pdf_with_no_display(tmp_path: Path) -> None:
    out = tmp_path / "seed.pdf"
    env = {k: v for k, v in os.environ.items()
           if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    done = subprocess.run([sys.executable, "-m", "multivector", "summary", "--format", "pdf",
                           "-o", str(out)], capture_output=True, text=True, env=env, cwd=REPO,
                          timeout=120)
    assert done.returncode == 0, done.stderr
    text = _text(pypdf.PdfReader(out))
    assert "Kazakhstan" in text and "142.56 billion KZT" in text


@pytest.fixture(scope="module")
def seed() -> tuple[Analysis, pypdf.PdfReader, Path]:
    from multivector.engine.pipeline import analyze_path
    from multivector.qt.printing.export import write_summary_pdf

    analysis = analyze_path(None)
    path = Path(tempfile.mkdtemp()) / "seed.pdf"
    write_summary_pdf(analysis, path)
    return analysis, pypdf.PdfReader(path), path


def test_seed_summary_fits_three_pages_with_the_overview_on_page_one(
    seed: tuple[Analysis, pypdf.PdfReader, Path],
) -> None:
    analysis, reader, _path = seed
    assert len(reader.pages) <= 3
    first = re.sub(r"\s+", " ", reader.pages[0].extract_text())
    for heading in ("Partners by area", "Defense budget"):
        assert heading in first, heading
    # The matrix: every partner's row and every area's (upright) column name.
    for partner in analysis.partners:
        assert partner.name in first or partner.code in first, partner.name
    for area in analysis.areas:
        assert area.label in first, area.label
    assert "142.56 billion KZT" in first
    assert "Partners and areas" not in first  # the evidence starts after the overview


def test_seed_summary_prints_no_sentence_of_the_article_twice(
    seed: tuple[Analysis, pypdf.PdfReader, Path],
) -> None:
    analysis, reader, _path = seed
    text = _text(reader)
    for s in analysis.sentences:
        sentence = " ".join(analysis.document.text[s.start : s.end].split())
        if len(sentence.split()) >= 6:
            assert text.count(sentence) <= 1, sentence
    for q in analysis.quotes:
        quote = " ".join(analysis.document.text[q.start : q.end].split())
        assert text.count(quote) <= 1, quote
    # Named by Russia, China, the United States and the West: quoted once, whole.
    assert text.count("By working together with Russia or China, we never go against the USA "
                      "or Europe.") == 1
    assert "Russian interests. By working together" in text  # not cut where the splitter cut
    assert "under Russia" in text
    assert "””" not in text and "“”" not in text


def test_a_wide_matrix_is_split_into_bands_that_fit_the_page(qapp: object,
                                                              tmp_path: Path) -> None:
    from PySide6.QtCore import QSizeF
    from PySide6.QtGui import QPdfWriter, QTextDocument

    from multivector.qt.printing.matrix_object import MatrixObject
    from multivector.summary.model import MatrixArea, MatrixPartner, OverviewMatrix

    writer = QPdfWriter(str(tmp_path / "measure.pdf"))
    writer.setResolution(300)
    width = 170 / 25.4 * 300  # an A4 text column
    sizes = {}
    for columns in (8, 45):
        areas = tuple(MatrixArea(f"a{i}", f"Area number {i} with a long name") for i in
                      range(columns))
        rows = tuple(MatrixPartner(f"P{i}", f"Partner {i}", f"P{i}", "primary", 0,
                                   tuple(i % 4 for _ in areas)) for i in range(6))
        doc = QTextDocument()
        doc.documentLayout().setPaintDevice(writer)
        doc.setPageSize(QSizeF(width, width * 1.4))
        size = MatrixObject(doc, OverviewMatrix(areas, rows)).intrinsicSize(doc, 0, None)
        assert size.width() <= width
        sizes[columns] = size
    # 45 columns do not fit across: they are stacked, so the matrix is taller, not wider.
    assert sizes[45].height() > 1.8 * sizes[8].height()
