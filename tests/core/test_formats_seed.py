"""The bundled article converted to HTML, DOCX, UTF-16 and cp1252 reads and analyses like the .txt.

(The PDF conversion needs Qt's PDF writer: tests/qt/test_library_pdf.py.)
"""

from __future__ import annotations

from pathlib import Path

import pytest
from formatgen import docx, news_page

from multivector.documents.loading import load_document
from multivector.engine.pipeline import analyze_document
from multivector.model.analysis import Analysis
from multivector.resources import bundled_article

SEED = bundled_article().read_text(encoding="utf-8")


def signature(analysis: Analysis) -> dict[str, object]:
    """What must not change with the file format: partners, tiers, areas, budget figures."""
    return {
        "focal": analysis.focal,
        "partners": sorted((p.id, p.tier, p.parent, p.areas) for p in analysis.partners),
        "areas": sorted((a.id, a.partners) for a in analysis.areas),
        "budget": [(f.year, f.amount, f.currency, f.usd, f.kind, f.start, f.end)
                   for f in analysis.budget],
    }


@pytest.fixture(scope="module")
def expected() -> tuple[str, dict[str, object]]:
    analysis = analyze_document(load_document(bundled_article()))
    assert {"CSTO", "RUS", "CHN", "USA", "NATO", "ESP"} <= {p.id for p in analysis.partners}
    return analysis.document.text, signature(analysis)


CONVERSIONS = {
    "page.html": lambda: news_page(SEED, title="Kazakhstan doctrine", published=None).encode(),
    "article.docx": lambda: docx(SEED),
    "utf16-bom.txt": lambda: SEED.encode("utf-16"),
    "utf16le.txt": lambda: SEED.encode("utf-16-le"),
    "cp1252.txt": lambda: SEED.replace("\n", "\r\n").encode("cp1252"),
}


@pytest.mark.parametrize("name", sorted(CONVERSIONS))
def test_seed_in_another_format_gives_the_same_analysis(
    name: str, tmp_path: Path, expected: tuple[str, dict[str, object]]
) -> None:
    path = tmp_path / name
    path.write_bytes(CONVERSIONS[name]())
    analysis = analyze_document(load_document(path))
    text, wanted = expected
    assert analysis.document.text == text  # offsets refer to the same text, character for character
    assert signature(analysis) == wanted
