"""Broken, fake and hostile rich documents through the command line: exit 2, one line, bounded
memory. Zip bombs are refused from what the archive declares, before anything is inflated.
"""

from __future__ import annotations

import io
import tracemalloc
import zipfile
from pathlib import Path

import pytest
from formatgen import docx, epub, news_page  # type: ignore[import-not-found]
from pdfgen import text_pdf  # type: ignore[import-not-found]
from test_bad_input import ARTICLE, Run, assert_refused, run  # noqa: F401  (run is a fixture)

from multivector.documents.loading import MAX_BYTES

BOMB_MB = 150  # over the 100 MB a document may unpack to; deflates to about 150 kB
# Refusing may cost the read buffer of one file at the size limit, never what a bomb inflates to.
MEMORY_MB = MAX_BYTES / 2**20 + 8


def bomb(kind: str, megabytes: int = BOMB_MB) -> bytes:
    """A DOCX or EPUB whose main XML inflates to `megabytes` MB, written in chunks so that making
    the bomb does not itself need the memory it would take to open."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        if kind == "epub":
            archive.writestr("mimetype", "application/epub+zip", compress_type=zipfile.ZIP_STORED)
            member = "OEBPS/text/c0.xhtml"
        else:
            archive.writestr("[Content_Types].xml", "<Types/>")
            member = "word/document.xml"
        with archive.open(member, "w", force_zip64=True) as handle:
            handle.write(b"<?xml version='1.0'?><w:document><w:body>")
            chunk = b" " * (1024 * 1024)
            for _ in range(megabytes):
                handle.write(chunk)
            handle.write(b"</w:body></w:document>")
    return buffer.getvalue()


def refused_within_memory(run_: Run, path: Path, limit_mb: float, *words: str) -> str:
    tracemalloc.start()
    try:
        result = run_("analyze", str(path), "--json")
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    err = assert_refused(result, path.name, *words)
    assert peak < limit_mb * 1024 * 1024, f"peak {peak / 1e6:.1f} MB while refusing: {err}"
    return err


@pytest.mark.parametrize("cut", [0.2, 0.5, 0.8, 0.97])
def test_truncated_pdf(tmp_path: Path, run: Run, cut: float) -> None:
    whole = text_pdf(["Chile and Brazil agreed on naval patrols.", "Officers will train."])
    path = tmp_path / "report.pdf"
    path.write_bytes(whole)
    code, out, _err = run("analyze", str(path), "--json")
    assert code == 0 and "naval patrols" in out  # the untruncated file is fine: the cut matters
    path.write_bytes(whole[: int(len(whole) * cut)])
    assert_refused(run("analyze", str(path), "--json"), "report.pdf", "PDF")


@pytest.mark.parametrize("data", [b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj << /Type /Catalog >>",
                                  b"%PDF-", b"%PDF-1.4\n" + bytes(range(256)) * 20])
def test_fake_pdf(tmp_path: Path, run: Run, data: bytes) -> None:
    path = tmp_path / "fake.pdf"
    path.write_bytes(data)
    assert_refused(run("summary", str(path)), "fake.pdf", "PDF")


@pytest.mark.parametrize("cut", [0.1, 0.5, 0.9])
def test_truncated_docx(tmp_path: Path, run: Run, cut: float) -> None:
    whole = docx(ARTICLE)
    path = tmp_path / "memo.docx"
    path.write_bytes(whole[: int(len(whole) * cut)])
    assert_refused(run("analyze", str(path), "--json"), "memo.docx")


def test_fake_docx(tmp_path: Path, run: Run) -> None:
    path = tmp_path / "memo.docx"
    path.write_bytes(b"PK\x03\x04" + b"\x00garbage that is no archive" * 50)
    assert_refused(run("analyze", str(path), "--json"), "memo.docx", "ZIP")
    other = io.BytesIO()  # a real ZIP that is no document: a spreadsheet renamed
    with zipfile.ZipFile(other, "w") as archive:
        archive.writestr("xl/workbook.xml", "<workbook/>")
    path.write_bytes(other.getvalue())
    assert_refused(run("analyze", str(path), "--json"), "memo.docx", "not an article")


def test_docx_with_entities_is_refused(tmp_path: Path, run: Run) -> None:
    laughs = ('<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;">'
              '<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;">]>')
    path = tmp_path / "laughs.docx"
    path.write_bytes(docx(ARTICLE, extra_xml=laughs))
    assert_refused(run("analyze", str(path), "--json"), "laughs.docx", "DOCTYPE")


@pytest.mark.parametrize("kind", ["docx", "epub"])
def test_zip_bomb(tmp_path: Path, run: Run, kind: str) -> None:
    data = bomb(kind)
    assert len(data) < 1024 * 1024  # it really is a bomb: tiny on disk
    path = tmp_path / f"bomb.{kind}"
    path.write_bytes(data)
    refused_within_memory(run, path, MEMORY_MB, "ZIP bomb")


@pytest.mark.parametrize("kind", ["docx", "epub"])
def test_small_zip_bomb_is_caught_by_its_ratio(tmp_path: Path, run: Run, kind: str) -> None:
    # Under the total limit, but a compression ratio no real document has.
    path = tmp_path / f"ratio.{kind}"
    path.write_bytes(bomb(kind, megabytes=20))
    refused_within_memory(run, path, MEMORY_MB, "ZIP bomb")


def test_truncated_epub(tmp_path: Path, run: Run) -> None:
    whole = epub([ARTICLE, ARTICLE])
    path = tmp_path / "book.epub"
    path.write_bytes(whole[: len(whole) // 2])
    assert_refused(run("analyze", str(path), "--json"), "book.epub")


def test_fake_html(tmp_path: Path, run: Run) -> None:
    # Named .html but a picture inside.
    path = tmp_path / "page.html"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 40)
    assert_refused(run("analyze", str(path), "--json"), "page.html", "binary")


def test_html_with_no_article_text(tmp_path: Path, run: Run) -> None:
    path = tmp_path / "shell.html"
    path.write_text("<!DOCTYPE html><html><head><title>App</title><script>boot()</script></head>"
                    "<body><nav>Home</nav><div id='root'></div><script src='app.js'></script>"
                    "</body></html>", "utf-8")
    assert_refused(run("analyze", str(path), "--json"), "shell.html", "no article text")


def test_truncated_html_keeps_only_what_arrived(tmp_path: Path, run: Run) -> None:
    # A page cut off mid-download still holds real text: it opens, and shows only that text,
    # with no markup of the cut-off tag leaking into the article.
    page = news_page(ARTICLE)
    cut = page.index("Japanese instructors") + len("Japanese instr")
    path = tmp_path / "cut.html"
    path.write_text(page[:cut] + '<a href="http://exa', "utf-8")
    code, out, err = run("analyze", str(path), "--json")
    assert (code, err) == (0, "")
    import json

    text = json.loads(out)["text"]
    assert text.startswith("Peru and Japan signed a memorandum")
    assert "<" not in text and "href" not in text and "instructors will" not in text
