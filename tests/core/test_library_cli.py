"""`multivector library add|list|search|summary` through the real command line entry."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from formatgen import news_page

from multivector.cli.main import main
from multivector.resources import bundled_article

OTHER = ("Publication: Andes Security Notes Date: June 3, 2021\n\n"
         "Chile and Brazil agreed to expand joint naval patrols in the South Pacific.")


@pytest.fixture
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("MULTIVECTOR_DATA_DIR", str(tmp_path / "data"))
    return tmp_path / "data"


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(["library", *argv])
    out, err = capsys.readouterr()
    return code, out, err


def test_add_list_search_summary(tmp_path: Path, data_dir: Path,
                                 capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "articles"
    folder.mkdir()
    shutil.copy(bundled_article(), folder / "seed.txt")
    (folder / "andes.html").write_text(news_page(OTHER, title="Andes patrols",
                                                 published="2021-06-03"), encoding="utf-8")
    code, out, _err = _run(capsys, "add", str(folder))
    assert code == 0
    assert out.count("\tadded\t") == 2
    assert (data_dir / "library.sqlite3").exists()

    code, out, _err = _run(capsys, "add", str(folder / "seed.txt"))
    assert code == 0 and "already in the library" in out

    code, out, _err = _run(capsys, "list", "--format", "json")
    rows = json.loads(out)
    assert [r["title"] for r in rows][0] == "Andes patrols"  # 2021 before the 2007 article
    assert {r["format"] for r in rows} == {"html", "text"}

    code, out, _err = _run(capsys, "search", "naval", "patrols", "--format", "json")
    hits = json.loads(out)
    assert [h["title"] for h in hits] == ["Andes patrols"]
    assert OTHER[hits[0]["start"]:hits[0]["end"]] == "naval"

    code, out, _err = _run(capsys, "summary", "--focal", "KAZ", "--format", "json")
    summary = json.loads(out)
    assert summary["focal"]["code"] == "KAZ"
    assert {"RUS", "CHN", "ESP", "NATO"} <= {p["id"] for p in summary["partners"]}

    code, out, _err = _run(capsys, "summary", "--focal", "kaz", "--format", "markdown")
    assert code == 0 and out.startswith("# Kazakhstan (KAZ): 1 article, undated\n")  # no date in its header


def test_db_option_and_bad_input(tmp_path: Path, data_dir: Path,
                                 capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "elsewhere.sqlite3"
    code, _out, _err = _run(capsys, "add", "--db", str(db), str(bundled_article()))
    assert code == 0 and db.exists() and not (data_dir / "library.sqlite3").exists()
    code, _out, err = _run(capsys, "add", "--db", str(db), str(tmp_path / "missing.txt"))
    assert code == 2 and "no such file" in err
    code, _out, err = _run(capsys, "summary", "--db", str(db), "--focal", "ATL")
    assert code == 2 and "known: KAZ" in err
    code, out, _err = _run(capsys, "search", "--db", str(db), "zebra")
    assert code == 0 and out.strip() == "No matches."
    code, _out, err = _run(capsys)
    assert code == 2 and "no library command" in err
