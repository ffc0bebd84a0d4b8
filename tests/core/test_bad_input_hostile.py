"""Hostile files: small ones built to make the readers work far beyond their size, and encrypted
or bomb PDFs. Each is refused with exit 2 and one line, or read with work bounded by what it
holds (an EPUB chapter named 100,000 times by the spine is read once)."""

from __future__ import annotations

import tracemalloc
from pathlib import Path

import pytest
from hostilegen import (  # type: ignore[import-not-found]
    ARTICLE,
    deep_docx,
    repeated_spine_epub,
    stray_end_tags_page,
    text_heavy_docx,
    unclosed_page,
)
from pdfgen import encrypted_pdf, flate_bomb_pdf  # type: ignore[import-not-found]
from test_bad_input import Run, assert_refused, run  # noqa: F401  (run is a fixture)

import multivector.documents.formats.archive as archive
import multivector.documents.formats.epub as epub_module
from multivector.documents.loading import load_bytes
from multivector.model.errors import InputError


def refused(run_: Run, path: Path, *words: str, memory_mb: float = 120) -> str:
    tracemalloc.start()
    try:
        result = run_("analyze", str(path), "--json")
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    err = assert_refused(result, path.name, *words)
    assert peak < memory_mb * 1024 * 1024, f"peak {peak / 1e6:.0f} MB while refusing: {err}"
    return err


@pytest.mark.parametrize("algorithm", ["AES-128", "AES-256"])
def test_aes_encrypted_pdf(run: Run, tmp_path: Path, algorithm: str) -> None:
    path = tmp_path / "locked.pdf"
    path.write_bytes(encrypted_pdf([ARTICLE], algorithm))
    refused(run, path, "encrypted")


def test_pdf_with_a_user_password(run: Run, tmp_path: Path) -> None:
    path = tmp_path / "secret.pdf"
    path.write_bytes(encrypted_pdf([ARTICLE], "password"))
    refused(run, path, "password-protected")


def test_pdf_with_a_flate_bomb(run: Run, tmp_path: Path) -> None:
    path = tmp_path / "bomb.pdf"
    path.write_bytes(flate_bomb_pdf(200))  # 200 MB of content in ~200 kB
    assert path.stat().st_size < 1_000_000
    refused(run, path, "bomb", memory_mb=200)  # never the 200 MB it unpacks to


def test_docx_nested_100000_deep(run: Run, tmp_path: Path) -> None:
    path = tmp_path / "deep.docx"
    path.write_bytes(deep_docx(100_000))
    refused(run, path, "deep")


def test_docx_holding_90_mb_of_text_in_2_mb(run: Run, tmp_path: Path) -> None:
    path = tmp_path / "heavy.docx"
    path.write_bytes(text_heavy_docx(90))
    assert path.stat().st_size < 3_000_000
    refused(run, path, "word/document.xml", "MB", memory_mb=60)


def test_docx_text_is_limited_while_it_is_read(monkeypatch: pytest.MonkeyPatch) -> None:
    # under the part's size limit, the text itself is counted as it comes
    import multivector.documents.formats.docx as docx_module

    monkeypatch.setattr(docx_module, "MAX_TEXT", 100_000)
    with pytest.raises(Exception, match="million characters") as caught:
        load_bytes(text_heavy_docx(1), "heavy.docx")
    assert "\n" not in str(caught.value)


def test_epub_whose_spine_repeats_a_chapter_reads_it_once(monkeypatch: pytest.MonkeyPatch) -> None:
    reads: list[str] = []
    real = archive.member_chunks

    def counting(zip_file: object, member: str, *args: object, **kwargs: object) -> object:
        reads.append(member)
        return real(zip_file, member, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(archive, "member_chunks", counting)
    document = load_bytes(repeated_spine_epub(4000), "book.epub")
    assert document.text.count("Peru and Japan") == 20  # the chapter once, not 4000 times
    assert reads.count("OEBPS/text/c0.xhtml") == 1


def test_epub_whose_spine_is_too_long(run: Run, tmp_path: Path) -> None:
    path = tmp_path / "book.epub"
    path.write_bytes(repeated_spine_epub(6000))  # (100,000 is caught as a ZIP bomb first)
    assert path.stat().st_size < 20_000
    refused(run, path, "spine", "6000")


def test_epub_text_is_limited(monkeypatch: pytest.MonkeyPatch) -> None:
    from formatgen import epub  # type: ignore[import-not-found]

    monkeypatch.setattr(epub_module, "MAX_TEXT", 5_000)
    with pytest.raises(Exception, match="million characters"):
        load_bytes(epub([ARTICLE * 50, ARTICLE * 50 + " more"]), "book.epub")


def test_html_with_stray_end_tags_is_read(run: Run, tmp_path: Path) -> None:
    # 400,000 end tags that close nothing over 4,000 open ones: each costs O(1), not a scan
    path = tmp_path / "stray.html"
    path.write_text(stray_end_tags_page(400_000), "utf-8")
    code, out, err = run("analyze", str(path), "--json")
    assert (code, err) == (0, "")
    assert '"PER"' in out


def test_html_nested_beyond_any_page(run: Run, tmp_path: Path) -> None:
    path = tmp_path / "unclosed.html"
    path.write_text(unclosed_page(100_000), "utf-8")
    refused(run, path, "deep")


def _patched(data: bytes, old: bytes, new: bytes) -> bytes:
    assert old in data
    return data.replace(old, new, 1)


def test_damaged_headers_found_by_fuzzing_are_bad_input() -> None:
    # Each of these gave exit 1 (a bare NotImplementedError) before.
    from formatgen import docx  # type: ignore[import-not-found]
    from pdfgen import text_pdf  # type: ignore[import-not-found]

    good = docx("Kazakhstan and Spain signed a defense cooperation agreement.")
    # the central directory's "version needed to extract" set to 7.0, which zipfile refuses
    central = good.rindex(b"PK\x01\x02")
    version = bytearray(good)
    version[central + 6:central + 8] = (70).to_bytes(2, "little")
    pdf = _patched(text_pdf(["A line of text."]), b"/FlateDecode", b"/FlateDeXode")
    for data, name in ((bytes(version), "a.docx"), (pdf, "a.pdf")):
        with pytest.raises(InputError) as caught:
            load_bytes(data, name)
        assert "\n" not in str(caught.value)
