"""`library repair`: a damaged library is kept aside and rebuilt from what can be read; a
healthy one and another program's file are left as they are."""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

import pytest
from librarygen import ARTICLES, foreign, garbage_in_the_middle, healthy, invalid_utf8_title

from multivector.cli.main import main
from multivector.library.connection import Mode
from multivector.library.repair import repair_library
from multivector.library.store import Library


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(["library", *argv])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize("table", ["articles", "mentions", "article_fts_data"])
def test_repair_saves_what_can_be_read_and_keeps_the_damaged_file(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], table: str) -> None:
    db = healthy(tmp_path / "lib.sqlite3")
    texts = {a.truth.document.sha256: a.text for a in ARTICLES}
    garbage_in_the_middle(db, table)
    damaged = _digest(db)
    code, out, err = _run(capsys, "repair", "--db", str(db))
    assert code == 0, err
    kept = next(p for p in tmp_path.glob("lib.sqlite3.damaged-*")
                if not p.name.endswith(("-wal", "-shm")))
    assert _digest(kept) == damaged  # the damaged file is kept, byte for byte
    assert f"{db}: repaired;" in out
    assert f"kept as {kept}" in out
    with Library(db, mode=Mode.WRITE) as library:  # whole again: takes writes
        library.check()
        rows = library.articles()
        saved = int(out.split("repaired; ")[1].split(" article")[0])
        assert len(rows) == saved > 0
        for row in rows:  # every saved article is its text, whole, and searchable
            assert library.document(row.id).text == texts[row.sha256]
        word = next(w for w in ("falcon", "albatross", "ember", "granite", "harbor")
                    if any(w in texts[r.sha256].lower() for r in rows))
        assert library.search(word)
    if table == "articles":
        assert saved < len(ARTICLES)
        assert "could not be read and are lost" in out
    else:
        assert saved == len(ARTICLES)  # the articles themselves were whole
    if table == "mentions":
        assert "will be analysed again" in out


def test_a_repaired_row_of_invalid_utf8_is_kept_readable(tmp_path: Path) -> None:
    db = healthy(tmp_path / "lib.sqlite3")
    invalid_utf8_title(db, 3)
    report = repair_library(db, force=True)
    assert report.damaged
    assert report.saved == len(ARTICLES)
    with Library(db, mode=Mode.READ) as library:
        assert library.article(3).title == "Not \ufffd\ufffdutf-8"


def test_a_healthy_library_is_left_as_it_is(tmp_path: Path,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    db = healthy(tmp_path / "lib.sqlite3")
    before = _digest(db)
    code, out, _err = _run(capsys, "repair", "--db", str(db))
    assert code == 0
    assert "no damage found; nothing was changed" in out
    assert _digest(db) == before
    assert not list(tmp_path.glob("*.damaged-*"))


def test_repair_leaves_another_programs_file_alone(tmp_path: Path) -> None:
    other = foreign(tmp_path / "contacts.db")
    before = _digest(other)
    with pytest.raises(Exception, match="another program's SQLite database"):
        repair_library(other)
    assert _digest(other) == before
    assert [p.name for p in tmp_path.iterdir()] == ["contacts.db"]


def test_the_damaged_wal_goes_with_the_damaged_copy(tmp_path: Path) -> None:
    db = healthy(tmp_path / "lib.sqlite3")
    garbage_in_the_middle(db, "articles")
    keeper = sqlite3.connect(tmp_path / "other.sqlite3")  # (an unrelated file stays put)
    keeper.close()
    report = repair_library(db)
    assert report.kept_as is not None
    assert report.kept_as.exists()
    assert not Path(f"{db}-wal").exists() or Path(f"{db}-wal").stat().st_size == 0
    assert (tmp_path / "other.sqlite3").exists()
