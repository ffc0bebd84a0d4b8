"""The library: add, re-add, list by date, full-text search, pasted text, folders, the cache."""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

import pytest
from articlegen import generate_many, truth_analyzer

from multivector.documents.loading import document_from_text
from multivector.library.dates import display_date, long_date, sort_date
from multivector.library.rows import derived_title
from multivector.library.schema import default_db_path
from multivector.library.store import Library
from multivector.model.errors import InputError

ARTICLES = generate_many(36)


@pytest.fixture
def library(tmp_path: Path) -> Library:
    lib = Library(tmp_path / "lib.sqlite3", analyzer=truth_analyzer(ARTICLES), fingerprint="v1")
    for article in ARTICLES:
        assert lib.add_document(document_from_text(article.text)).added
    yield lib
    lib.close()


def _containing(word: str) -> set[str]:
    pattern = re.compile(rf"\b{word}\b", re.IGNORECASE)
    return {a.truth.document.sha256 for a in ARTICLES if pattern.search(a.text)}


def test_add_and_re_add_without_duplicates(library: Library) -> None:
    assert library.count() == len(ARTICLES)
    again = library.add_document(document_from_text(ARTICLES[3].text))
    assert not again.added
    assert again.article.sha256 == ARTICLES[3].truth.document.sha256
    assert library.count() == len(ARTICLES)


def test_articles_sorted_by_date_newest_first(library: Library) -> None:
    rows = library.articles()
    assert [r.sort_date for r in rows] == sorted((r.sort_date for r in rows), reverse=True)
    by_hash = {a.truth.document.sha256: a for a in ARTICLES}
    for row in rows:
        article = by_hash[row.sha256]
        assert (row.focal_code, row.year, row.date) == (article.focal, article.year, article.date)
        assert row.partner_count == len(article.truth.partners)


@pytest.mark.parametrize("word", ["falcon", "cobalt", "Kenya", "shillings"])
def test_search_finds_exactly_the_articles_with_the_word_at_the_hit(library: Library,
                                                                    word: str) -> None:
    hits = library.search(word, limit=100)
    assert {h.article.sha256 for h in hits} == _containing(word)
    assert hits
    for hit in hits:
        text = library.document(hit.article.id).text
        assert hit.start is not None and hit.end is not None
        assert text[hit.start:hit.end].lower() == word.lower()


def test_search_phrases_prefixes_and_operators(library: Library) -> None:
    phrase = {h.article.sha256 for h in library.search('"coastal patrols"', limit=100)}
    assert phrase == {a.truth.document.sha256 for a in ARTICLES if "coastal patrols" in a.text}
    prefix = {h.article.sha256 for h in library.search("gran*", limit=100)}
    assert prefix == _containing("granite")
    either = {h.article.sha256 for h in library.search("ember OR basalt", limit=100)}
    assert either == _containing("ember") | _containing("basalt")
    odd = library.search('C-130 "unbalanced', limit=5)  # no syntax error from user punctuation
    assert odd == []
    with pytest.raises(InputError, match="at least one word"):
        library.search('  "" - ')


def test_cached_analysis_is_reused_and_rerun_for_a_new_engine(tmp_path: Path) -> None:
    analyzer = truth_analyzer(ARTICLES[:3])
    db = tmp_path / "lib.sqlite3"
    with Library(db, analyzer=analyzer, fingerprint="v1") as lib:
        ids = [lib.add_document(document_from_text(a.text)).article.id for a in ARTICLES[:3]]
    assert len(analyzer.calls) == 3
    with Library(db, analyzer=analyzer, fingerprint="v1") as lib:
        analysis = lib.analysis(ids[0])
        assert analysis == ARTICLES[0].truth  # every field back from the cache
        assert lib.stale() == []
    assert len(analyzer.calls) == 3
    with Library(db, analyzer=analyzer, fingerprint="v2") as lib:
        assert lib.stale() == ids
        assert lib.refresh() == 3
        assert lib.stale() == []
        assert lib.analysis(ids[1]).partners == ARTICLES[1].truth.partners
    assert len(analyzer.calls) == 6


def test_add_text_keeps_a_copy_the_window_can_open(tmp_path: Path) -> None:
    pasted = ARTICLES[5].text
    with Library(tmp_path / "lib.sqlite3", analyzer=truth_analyzer(ARTICLES),
                 fingerprint="v1") as lib:
        result = lib.add_text(pasted + "\n\n", title="From the clipboard")
        assert result.added
        assert result.article.title == "From the clipboard"
        assert Path(result.article.path).read_text(encoding="utf-8") == pasted
        assert not lib.add_text(pasted).added


def test_add_paths_with_folders_and_errors(tmp_path: Path) -> None:
    folder = tmp_path / "inbox"
    (folder / "sub").mkdir(parents=True)
    for i, article in enumerate(ARTICLES[:4]):
        (folder / ("sub" if i % 2 else "") / f"a{i}.txt").write_text(article.text, encoding="utf-8")
    (folder / "empty.txt").write_text("  \n", encoding="utf-8")
    (folder / "picture.png").write_bytes(b"\x89PNG")
    seen: list[tuple[int, int]] = []
    with Library(tmp_path / "lib.sqlite3", analyzer=truth_analyzer(ARTICLES),
                 fingerprint="v1") as lib:
        results, errors = lib.add_paths([folder], progress=lambda d, t, _w: seen.append((d, t)))
        assert sorted(Path(r.article.path).name for r in results) == ["a0.txt", "a1.txt",
                                                                      "a2.txt", "a3.txt"]
        assert len(errors) == 1 and "empty" in errors[0]
        assert seen[-1] == (5, 5)
        assert lib.count() == 4
        cancelled, _ = lib.add_paths([folder], cancel=lambda: True)
        assert cancelled == []


def test_remove_drops_the_article_from_search(library: Library) -> None:
    hit = library.search("albatross")[0]
    library.remove(hit.article.id)
    assert hit.article.sha256 not in {h.article.sha256 for h in library.search("albatross")}
    assert library.count() == len(ARTICLES) - 1


def test_location_from_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MULTIVECTOR_DATA_DIR", str(tmp_path / "data"))
    assert default_db_path() == tmp_path / "data" / "library.sqlite3"
    bad = tmp_path / "not-a-db.sqlite3"
    bad.write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(InputError, match="not a Multivector library"):
        Library(bad)


@pytest.mark.parametrize(("date", "expected", "shown", "read"), [
    ("April 9, 2007", "2007-04-09", "2007-04-09", "9 Apr 2007"),
    ("9 April 2007", "2007-04-09", "2007-04-09", "9 Apr 2007"),
    ("2019-05-04T08:00:00Z", "2019-05-04", "2019-05-04", "4 May 2019"),
    ("Sept. 3, 2001", "2001-09-03", "2001-09-03", "3 Sep 2001"),
    ("March 2010", "2010-03-00", "2010-03", "Mar 2010"),
    ("2007", "2007-00-00", "2007", "2007"),
    ("2019-13-40", "", "undated", "undated"),  # not a date, and no guess either
    (None, "", "undated", "undated"), ("soon", "", "undated", "undated"),
])
def test_dates_only_as_precise_as_the_article_says(date: str | None, expected: str, shown: str,
                                                   read: str) -> None:
    assert sort_date(date) == expected
    assert display_date(expected) == shown
    assert long_date(expected) == read


def test_an_undated_article_is_undated_not_given_the_year_its_body_names(tmp_path: Path) -> None:
    text = ("Publication: Steppe Monitor\n\nIn 2008 Kazakhstan and Russia agreed on air defense; "
            "the 2008 plan follows the 2008 budget.")
    with Library(tmp_path / "lib.sqlite3", fingerprint="v1",
                 analyzer=lambda doc: replace(ARTICLES[0].truth, document=doc)) as lib:
        for article in ARTICLES[:3]:
            lib.add_document(document_from_text(article.text))
        document = document_from_text(text)
        assert document.year == 2008  # the loader's guess from the body ...
        row = lib.add_document(document).article
        assert row.sort_date == ""  # ... is no date
        assert lib.articles()[-1].id == row.id  # undated ones last




@pytest.mark.parametrize(("title", "path", "expected"), [
    ("  Kazakhstan   and Spain ", "/a/b.txt", "Kazakhstan and Spain"),
    (None, "/articles/armenia-2024.txt", "Armenia 2024"),
    (None, "C:\\news\\06_mda_factbook_2023.pdf", "06 mda factbook 2023"),
    (None, None, "Article 7"),
])
def test_a_title_derived_when_the_article_has_none(title: str | None, path: str | None,
                                                   expected: str) -> None:
    assert derived_title(title, path, 7) == expected


def test_pasted_text_is_titled_by_its_first_words(tmp_path: Path) -> None:
    text = "Moldova and Romania agreed to widen their cooperation in border security and " \
           "training.\n\nMore follows."
    with Library(tmp_path / "lib.sqlite3", fingerprint="v1",
                 analyzer=lambda doc: replace(ARTICLES[0].truth, document=doc)) as lib:
        row = lib.add_text(text).article
    assert row.label == "Moldova and Romania agreed to widen their cooperation in…"
