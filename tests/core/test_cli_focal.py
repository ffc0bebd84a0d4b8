"""`--focal CODE` on analyze and summary: the analyst's choice of the article's country."""

import json
from pathlib import Path

import pytest

from multivector.cli.main import main

ARTICLE = (
    "Uzbekistan and India agreed on Monday to expand defense cooperation, including joint "
    "military exercises and training of officers. Tashkent also held talks with Moscow on air "
    "defense.\n"
)


@pytest.fixture
def article(tmp_path: Path) -> Path:
    path = tmp_path / "a.txt"
    path.write_text(ARTICLE, "utf-8")
    return path


def test_analyze_from_the_chosen_side(article: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["analyze", str(article), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["focal"]["code"] == "UZB"
    assert main(["analyze", str(article), "--json", "--focal", "ind"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["focal"] == {"name": "India", "code": "IND"}
    assert "UZB" in {p["id"] for p in data["partners"]}
    assert "IND" not in {p["id"] for p in data["partners"]}


def test_summary_from_the_chosen_side(article: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["summary", str(article), "--format", "json", "--focal", "IND"]) == 0
    assert "India" in capsys.readouterr().out


@pytest.mark.parametrize("command", ["analyze", "summary"])
def test_an_unknown_code_is_one_line_and_exit_2(
    article: Path, command: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main([command, str(article), "--focal", "XYZ"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert "--focal XYZ" in err
