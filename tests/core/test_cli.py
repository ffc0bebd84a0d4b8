"""The command line per the contract: analyze --json, summary, exit codes."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

from multivector.cli.main import main

ARTICLE = (
    "Uzbekistan and India agreed on Monday to expand defense cooperation, including joint "
    "military exercises and training of officers. Tashkent also held talks with Moscow on air "
    "defense.\n"
)


def test_analyze_json_has_the_contract_shape(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "a.txt"
    path.write_text(ARTICLE, "utf-8")
    assert main(["analyze", str(path), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["schema"] == 1
    assert data["text"] == ARTICLE.strip()
    assert set(data) >= {"text", "document", "focal", "partners", "areas", "budget", "people",
                         "quotes", "sources", "notes"}
    assert data["document"]["length"] == len(data["text"])
    for partner in data["partners"]:
        assert set(partner) >= {"id", "name", "kind", "code", "tier", "parent", "areas", "passages"}
        for passage in partner["passages"]:
            assert 0 <= passage["start"] < passage["end"] <= len(data["text"])


def test_standard_input(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    import io

    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(ARTICLE.encode("utf-8"))))
    assert main(["analyze", "-", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["focal"]["code"] == "UZB"


@pytest.mark.parametrize("command", ["analyze", "summary"])
def test_bad_input_exits_2_with_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str], command: str) -> None:
    assert main([command, str(tmp_path / "missing.txt")]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "missing.txt" in err and "Traceback" not in err
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    assert main([command, str(empty)]) == 2
    assert "empty" in capsys.readouterr().err


def test_unexpected_failure_exits_1_with_log_path(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("MULTIVECTOR_LOG_DIR", str(tmp_path / "logs"))

    def boom(*_args: object, **_kwargs: object) -> None:
        raise RuntimeError("engine exploded")

    monkeypatch.setattr("multivector.engine.pipeline.analyze_document", boom)
    assert main(["analyze", "--json"]) == 1
    err = capsys.readouterr().err
    assert "multivector.log" in err
    assert "engine exploded" in (tmp_path / "logs" / "multivector.log").read_text("utf-8")


def test_module_entry_point_runs_from_another_directory(tmp_path: Path) -> None:
    out = subprocess.run(
        [sys.executable, "-m", "multivector", "analyze", "--json"],
        cwd=tmp_path, capture_output=True, text=True, check=True,
    )
    data = json.loads(out.stdout)
    assert data["focal"] == {"name": "Kazakhstan", "code": "KAZ"}
