"""Loading files: encodings, line ends, header metadata, and bad input."""

from pathlib import Path

import pytest

from multivector.documents.loading import document_from_text, load_document
from multivector.model.errors import InputError

ARTICLE = (
    "Publication: Caucasus Review Volume: 12 Issue: 3\n\n"
    "Tbilisi \u201cwelcomes\u201d NATO support \u2014 Georgia\u2019s caf\u00e9 talks, 2019.\r\n"
    "Second line.\r\n"
)


@pytest.mark.parametrize(
    ("encoding", "prefix"),
    [("utf-8", b""), ("utf-8", b"\xef\xbb\xbf"), ("utf-16", b""), ("cp1252", b"")],
)
def test_encodings_keep_characters(tmp_path: Path, encoding: str, prefix: bytes) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes(prefix + ARTICLE.encode(encoding))
    doc = load_document(path)
    assert "\u201cwelcomes\u201d NATO support \u2014 Georgia\u2019s caf\u00e9" in doc.text
    assert "\r" not in doc.text
    assert doc.publication == "Caucasus Review"
    assert (doc.volume, doc.issue) == (12, 3)
    assert doc.year == 2019
    assert doc.text[doc.body_start :].startswith("Tbilisi")


def test_utf16_without_bom_and_cp1251(tmp_path: Path) -> None:
    utf16 = tmp_path / "u.txt"
    utf16.write_bytes("Moscow and Minsk held talks on air defense.".encode("utf-16-le"))
    assert load_document(utf16).text == "Moscow and Minsk held talks on air defense."
    cyrillic = tmp_path / "c.txt"
    words = "\u041c\u043e\u0441\u043a\u0432\u0430 \u0438 \u041c\u0438\u043d\u0441\u043a \u043f\u0440\u043e\u0432\u0435\u043b\u0438 \u043f\u0435\u0440\u0435\u0433\u043e\u0432\u043e\u0440\u044b."
    cyrillic.write_bytes(words.encode("cp1251"))
    assert load_document(cyrillic).text == words


def test_header_title_and_date(tmp_path: Path) -> None:
    path = tmp_path / "a.md"
    path.write_text("# Uzbekistan turns to Beijing\n\nDate: 3 March 2016\n\nBody text.", "utf-8")
    doc = load_document(path)
    assert doc.title == "Uzbekistan turns to Beijing"
    assert doc.date == "3 March 2016"
    assert doc.year == 2016


@pytest.mark.parametrize(
    ("content", "message"),
    [(b"", "empty"), (b"  \n\n ", "empty"), (b"\x00\x01\x02\x03binary\x00\xff" * 20, "binary")],
)
def test_bad_files_raise_input_error(tmp_path: Path, content: bytes, message: str) -> None:
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    with pytest.raises(InputError, match=message):
        load_document(path)


def test_missing_and_directory(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file"):
        load_document(tmp_path / "nope.txt")
    with pytest.raises(InputError, match="folder"):
        load_document(tmp_path)


def test_over_size_limit_is_refused_before_reading(tmp_path: Path) -> None:
    from multivector.documents import loading

    path = tmp_path / "big.txt"
    path.write_bytes(b"a" * 2000)
    with pytest.raises(InputError, match="limit"):
        loading.read_bytes(path, limit=1000)


def test_byline_and_date_lines_under_a_title(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text(
        "Azerbaijan Deepens Military Ties With Turkey\nBy Jane Analyst\nMarch 3, 2021\n\n"
        "Turkey remains Azerbaijan's closest ally. In 2019 they held exercises.", "utf-8"
    )
    doc = load_document(path)
    assert (doc.title, doc.author, doc.date, doc.year) == (
        "Azerbaijan Deepens Military Ties With Turkey", "Jane Analyst", "March 3, 2021", 2021
    )
    assert doc.text[doc.body_start :].startswith("Turkey remains")


@pytest.mark.parametrize("data", [b"\xef\xbb\xbf\x00", b"\xef\xbb\xbf7\x00", b"\xff\xfeA\x00\x00\x00"])
def test_a_text_mark_in_front_of_binary_data_is_still_binary(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes(data)
    with pytest.raises(InputError, match="binary"):
        load_document(path)


@pytest.mark.parametrize("line", ["Oct. 2, 2020 | BY Jim Garamone , DOD News",
                                  "March 3, 2021 · Reuters", "12 May 2019 - Staff writer"])
def test_a_dateline_with_a_byline_after_it_dates_the_article(line: str) -> None:
    # The title names a later year ("through 2030"): the dateline, not the title, gives the year.
    text = f"U.S., Morocco Chart Defense Cooperation through 2030\n{line}\n\nMorocco and the " \
           "United States renewed the alliance between the two nations."
    document = document_from_text(text)
    assert document.date == line.split(" |")[0].split(" ·")[0].split(" - ")[0]
    assert document.year == int(document.date[-4:])
