"""A library that shares and defends itself: readers never wait for a writer, writers wait and
say so, another program's file is refused untouched, a missing --db is made only by `add`, bad
files and bad queries are one line and exit 2, a damaged file is reported (and never written)."""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

import pytest
from librarygen import (
    ARTICLES,
    foreign,
    garbage_in_the_middle,
    healthy,
    invalid_utf8_title,
)

import multivector.library.connection as connection
from multivector.cli.main import main
from multivector.library.connection import Mode
from multivector.library.errors import LibraryDamaged, NotALibrary
from multivector.library.store import Library
from multivector.model.errors import InputError

KAZ = "Publication: Steppe Notes\nDate: May 4, 2021\n\nKazakhstan and Russia held joint air " \
      "defense exercises; Kazakhstan also trains officers with Turkey."


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(["library", *argv])
    out, err = capsys.readouterr()
    return code, out, err


def _one_line_exit_2(code: int, err: str) -> str:
    assert code == 2
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith("multivector: ")
    assert "Traceback" not in err
    for sqlites_own in ("malformed", "disk image", "fts5", "syntax error", "Error", "locked"):
        assert sqlites_own not in err
    return lines[0]


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return healthy(tmp_path / "lib.sqlite3")


def test_readers_neither_wait_for_nor_disturb_an_import(
        db: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(connection, "BUSY_TIMEOUT", 0.2)
    importer = sqlite3.connect(db, isolation_level=None)
    importer.execute("BEGIN IMMEDIATE")  # an import holds the write lock, half way
    importer.execute("DELETE FROM articles WHERE id = 1")
    try:
        code, out, err = _run(capsys, "list", "--db", str(db), "--format", "json")
        assert code == 0, err
        assert len(__import__("json").loads(out)) == len(ARTICLES)  # the last commit
        code, out, err = _run(capsys, "search", "--db", str(db), "falcon")
        assert code == 0, err
        assert "falcon" in out.lower()
        code, _out, err = _run(capsys, "add", "--db", str(db), str(_article(db.parent)))
        line = _one_line_exit_2(code, err)
        assert "the library is busy: an import is running" in line
        assert "not a Multivector library" not in line
    finally:
        importer.execute("ROLLBACK")
        importer.close()
    code, out, _err = _run(capsys, "add", "--db", str(db), str(_article(db.parent)))
    assert code == 0
    assert "\tadded\t" in out


def _article(folder: Path) -> Path:
    path = folder / "kaz.txt"
    path.write_text(KAZ, encoding="utf-8")
    return path


def test_a_reader_opens_the_file_read_only(db: Path) -> None:
    with Library(db, mode=Mode.READ) as library:
        assert library.count() == len(ARTICLES)
        with pytest.raises(InputError, match="cannot be written"):
            library.remove(1)
    with Library(db, mode=Mode.READ) as library:
        assert library.count() == len(ARTICLES)


@pytest.mark.parametrize("command", [["list"], ["search", "falcon"], ["summary", "--focal", "KAZ"],
                                     ["add", "ARTICLE"], ["repair"]])
def test_another_programs_database_is_refused_untouched(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], command: list[str]) -> None:
    other = foreign(tmp_path / "contacts.db")
    before = _digest(other)
    argv = [str(_article(tmp_path)) if word == "ARTICLE" else word for word in command]
    code, _out, err = _run(capsys, *argv[:1], "--db", str(other), *argv[1:])
    line = _one_line_exit_2(code, err)
    assert "another program's SQLite database (tables: contacts, notes)" in line
    assert "left untouched" in line
    assert _digest(other) == before
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith("contacts")] == [
        "contacts.db"]  # no WAL, no journal
    conn = sqlite3.connect(other)
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    conn.close()


def test_a_file_that_is_no_database_is_refused_untouched(tmp_path: Path) -> None:
    bad = tmp_path / "notes.sqlite3"
    bad.write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(NotALibrary, match="not a Multivector library"):
        Library(bad)
    assert bad.read_bytes() == b"this is not sqlite" * 100


@pytest.mark.parametrize("command", [["list"], ["search", "falcon"], ["add", "ARTICLE"],
                                     ["repair"]])
def test_a_db_that_is_a_folder_is_exit_2(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                         command: list[str]) -> None:
    argv = [str(_article(tmp_path)) if word == "ARTICLE" else word for word in command]
    code, _out, err = _run(capsys, argv[0], "--db", str(tmp_path), *argv[1:])
    assert f"{tmp_path}: is a folder, not a library file" in _one_line_exit_2(code, err)


@pytest.mark.parametrize("command", [["list"], ["search", "falcon"], ["summary", "--focal", "KAZ"],
                                     ["repair"]])
def test_a_db_path_that_does_not_exist_is_not_made_by_readers(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], command: list[str]) -> None:
    typo = tmp_path / "typo" / "path"
    code, _out, err = _run(capsys, command[0], "--db", str(typo), *command[1:])
    line = _one_line_exit_2(code, err)
    assert f"{typo}: no library there (the file does not exist)" in line
    assert not typo.parent.exists()


def test_only_add_makes_a_new_library(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    made = tmp_path / "new" / "lib.sqlite3"
    code, out, err = _run(capsys, "add", "--db", str(made), str(_article(tmp_path)))
    assert code == 0
    assert made.exists()
    assert "\tadded\t" in out
    assert f"a new library was made at {made}" in err
    code, out, _err = _run(capsys, "list", "--db", str(made))
    assert code == 0
    assert "KAZ" in out


def test_the_default_library_not_made_yet_reads_as_empty(
        tmp_path: Path, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MULTIVECTOR_DATA_DIR", str(tmp_path / "data"))
    code, out, _err = _run(capsys, "list")
    assert code == 0
    assert out.startswith("The library is empty")
    code, out, _err = _run(capsys, "search", "falcon")
    assert code == 0
    assert out.strip() == "No matches."
    assert not (tmp_path / "data").exists()


def test_a_folder_import_goes_on_past_unreadable_files(
        tmp_path: Path, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "inbox"
    folder.mkdir()
    for name in ("a.txt", "b.txt", "c.txt"):
        (folder / name).write_text(KAZ.replace("Turkey", f"Turkey ({name})"), encoding="utf-8")
    (folder / "empty.txt").write_text(" \n", encoding="utf-8")
    import multivector.documents.loading as loading

    real = loading.load_document

    def load(path: Path, *args: object, **kwargs: object) -> object:
        if path.name == "b.txt":  # as root, chmod cannot make a file unreadable: say it is
            raise PermissionError(13, "Permission denied", str(path))
        return real(path, *args, **kwargs)

    monkeypatch.setattr(loading, "load_document", load)
    code, out, err = _run(capsys, "add", "--db", str(tmp_path / "lib.sqlite3"), str(folder))
    assert code == 0
    assert sorted(Path(line.split("\t")[2]).name for line in out.splitlines()) == ["a.txt",
                                                                                   "c.txt"]
    closing = err.strip().splitlines()[-1]
    assert closing.startswith("multivector: added 2, skipped 2 (")
    assert "b.txt: cannot be read (Permission denied)" in closing
    assert "empty.txt" in closing


def test_an_import_with_nothing_readable_is_exit_2(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "empty.txt").write_text("  ", encoding="utf-8")
    code, _out, err = _run(capsys, "add", "--db", str(tmp_path / "lib.sqlite3"),
                           str(tmp_path / "empty.txt"))
    assert code == 2
    assert err.strip().splitlines()[-1].startswith("multivector: library add: none of the 1 file")


@pytest.mark.parametrize("query", ["falcon " * 3143, " ".join(f"w{i}" for i in range(40))])
def test_search_queries_beyond_a_limit_are_refused(
        db: Path, capsys: pytest.CaptureFixture[str], query: str) -> None:
    code, _out, err = _run(capsys, "search", "--db", str(db), query)
    line = _one_line_exit_2(code, err)
    assert "at most" in line
    assert len(line) < 200


def test_an_fts_syntax_error_is_explained_in_plain_words(
        db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import multivector.library.store as store

    monkeypatch.setattr(store, "fts_query", lambda _query: '"unbalanced AND (')
    with Library(db, mode=Mode.READ) as library, pytest.raises(InputError) as error:
        library.search("whatever")
    message = str(error.value)
    assert "cannot be searched for as written" in message
    assert '"a phrase"' in message
    assert "fts5" not in message
    assert "syntax error" not in message


@pytest.mark.parametrize("limit", ["1180591620717411303424", "0", "-3", "1001"])
def test_a_limit_out_of_range_is_exit_2(db: Path, capsys: pytest.CaptureFixture[str],
                                        limit: str) -> None:
    code, _out, err = _run(capsys, "search", "--db", str(db), "--limit", limit, "falcon")
    assert f"--limit {limit}: give a number from 1 to 1000" in _one_line_exit_2(code, err)


def test_a_row_of_invalid_utf8_does_not_fail_the_listing(
        db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    invalid_utf8_title(db, 2)
    code, out, err = _run(capsys, "list", "--db", str(db), "--format", "json")
    assert code == 0, err
    rows = {row["id"]: row for row in __import__("json").loads(out)}
    assert len(rows) == len(ARTICLES)
    assert rows[2]["title"] == "Not \ufffd\ufffdutf-8"
    code, out, _err = _run(capsys, "list", "--db", str(db))
    assert code == 0
    assert "Not \ufffd\ufffdutf-8" in out


@pytest.mark.parametrize("command", [["list"], ["summary", "--focal", "VNM"], ["add", "ARTICLE"]])
def test_garbage_in_the_middle_is_reported_as_damage_and_never_written(
        db: Path, capsys: pytest.CaptureFixture[str], command: list[str]) -> None:
    garbage_in_the_middle(db)
    before = _digest(db)
    argv = [str(_article(db.parent)) if word == "ARTICLE" else word for word in command]
    code, _out, err = _run(capsys, argv[0], "--db", str(db), *argv[1:])
    line = _one_line_exit_2(code, err)
    assert f"{db}: the library is damaged" in line
    assert f"multivector library repair --db {db}" in line
    assert _digest(db) == before


def test_a_damaged_search_is_one_line_without_sqlites_words(
        db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    garbage_in_the_middle(db, "article_fts_data")
    code, _out, err = _run(capsys, "search", "--db", str(db), "falcon OR albatross OR ember")
    assert "the library is damaged" in _one_line_exit_2(code, err)


def test_a_damaged_library_takes_no_writes(db: Path) -> None:
    garbage_in_the_middle(db)
    with pytest.raises(LibraryDamaged):
        Library(db, mode=Mode.WRITE)
