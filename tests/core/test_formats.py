"""Reading HTML pages, DOCX, EPUB and PDF: the article text only, its metadata, and refusals."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from formatgen import docx, epub, news_page

from multivector.documents.formats.detect import extract, sniff
from multivector.documents.loading import load_bytes, load_document
from multivector.model.errors import InputError

ARTICLE = (
    "Chile and Brazil agreed to expand joint naval patrols in the South Pacific.\n\n"
    "The \u201cAtlantic shield\u201d exercise will include 1,200 sailors & marines, officials "
    "said.\n\n"
    "The 2019 defense budget is 4.6 billion pesos."
)


def test_html_keeps_the_article_and_drops_the_page_around_it() -> None:
    doc = load_bytes(news_page(ARTICLE, title="Chile & Brazil").encode(), "page.html")
    assert doc.text == ARTICLE
    assert doc.source_format == "html"
    assert doc.title == "Chile & Brazil"
    assert doc.date == "2019-05-04T08:00:00Z"
    assert doc.year == 2019
    assert doc.publication == "The Test Gazette"
    for noise in ("Russia", "Japan", "Turkey", "Germany", "Subscribe", "Duplicate", "Facebook"):
        assert noise not in doc.text


def test_html_is_recognized_by_content_whatever_the_name() -> None:
    page = news_page(ARTICLE).encode("utf-8")
    assert sniff(page, "download") == "html"
    assert load_bytes(page, "download").text == ARTICLE
    utf16 = news_page(ARTICLE).encode("utf-16")
    assert load_bytes(utf16, "download").text == ARTICLE


def test_html_without_article_uses_the_body_and_title_and_time() -> None:
    page = ("<html><head><title> Kenya  and the AU </title></head><body><nav>Menu</nav>"
            "<div><time datetime='2015-02-01'>1 Feb</time></div>"
            "<div>Kenya hosts <b>AU</b> peacekeeping<br>training.</div>"
            "<p>Second<p>Third</body></html>")
    text, fmt, meta = extract(page.encode(), "x.htm")
    assert fmt == "html"
    assert text == "1 Feb\n\nKenya hosts AU peacekeeping\ntraining.\n\nSecond\n\nThird"
    assert meta == {"title": "Kenya and the AU", "date": "2015-02-01"}


def test_html_with_only_navigation_is_refused() -> None:
    with pytest.raises(InputError, match="no article text"):
        load_bytes(b"<html><body><nav>Home</nav><script>x()</script></body></html>", "a.html")


def test_docx_paragraphs_and_properties() -> None:
    doc = load_bytes(docx(ARTICLE), "report.docx")
    assert doc.text == ARTICLE
    assert (doc.source_format, doc.title, doc.author) == ("docx", "Docx title", "A. Writer")
    assert "deleted" not in doc.text


def test_docx_with_doctype_is_refused() -> None:
    evil = '<!DOCTYPE w [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
    with pytest.raises(InputError, match="DOCTYPE"):
        load_bytes(docx(ARTICLE, extra_xml=evil), "evil.docx")


def test_zip_bomb_is_refused_before_inflating() -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/document.xml", b"\0" * (120 * 1024 * 1024))
    assert len(buffer.getvalue()) < 1_000_000
    with pytest.raises(InputError, match="ZIP bomb"):
        load_bytes(buffer.getvalue(), "bomb.docx")


def test_other_zip_archives_are_not_articles() -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("xl/workbook.xml", "<workbook/>")
    with pytest.raises(InputError, match="a spreadsheet, not an article"):
        load_bytes(buffer.getvalue(), "sheet.xlsx")
    with pytest.raises(InputError, match="damaged ZIP"):
        load_bytes(b"PK\x03\x04garbage", "broken.docx")


def test_epub_chapters_in_spine_order() -> None:
    first, second = "Indonesia and Japan hold talks.", "ASEAN observers attend the drills."
    doc = load_bytes(epub([first, second]), "book.epub")
    assert doc.text == f"{first}\n\n{second}"
    assert (doc.source_format, doc.title, doc.date, doc.year) == ("epub", "Epub title",
                                                                  "2021-03-02", 2021)


def test_pdf_without_text_layer_says_so(tmp_path: Path) -> None:
    import pypdf

    writer = pypdf.PdfWriter()
    writer.add_blank_page(width=595, height=842)
    path = tmp_path / "scan.pdf"
    with path.open("wb") as handle:
        writer.write(handle)
    with pytest.raises(InputError, match="has no text layer"):
        load_document(path)


def test_damaged_pdf_is_bad_input() -> None:
    with pytest.raises(InputError, match="PDF"):
        load_bytes(b"%PDF-1.4\n this is not a pdf at all", "broken.pdf")


def test_markdown_and_text_by_name() -> None:
    assert extract(b"# Title\n\nBody", "notes.md")[1] == "markdown"
    assert extract(b"Body", "notes.txt")[1] == "text"


def test_html_takes_the_longest_article_not_the_teasers() -> None:
    page = ("<html><body><article><h2>Teaser</h2><p>Japan buys drones.</p></article>"
            f"<article>{''.join(f'<p>{p}</p>' for p in ARTICLE.split(chr(10) * 2))}</article>"
            "<article><p>Turkey and India talk.</p></article></body></html>")
    assert load_bytes(page.encode(), "story.html").text == ARTICLE
