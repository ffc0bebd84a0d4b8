"""Project files that are hostile or damaged in ways JSON allows: nesting 100,000 deep, a
5,000-digit number where an offset belongs, NaN, a FIFO given as the project. Each is refused
with one line (InputError), never a RecursionError, a ValueError or a hang."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from multivector.corrections.project import load_project, project_from_json, save_project
from multivector.model.errors import InputError


def _valid(edits: str = "[]") -> str:
    return ('{"format": "multivector-corrections", "schema": 1, "saved": null, '
            '"article": {"name": "a.txt", "sha256": "' + "a" * 64 + '"}, "edits": ' + edits + "}")


def _refused(text: str, *words: str) -> str:
    with pytest.raises(InputError) as caught:
        project_from_json(text, "p.json")
    message = str(caught.value)
    assert "\n" not in message and message.startswith("p.json: ")
    for word in words:
        assert word in message, message
    return message


def test_a_valid_project_loads() -> None:
    assert project_from_json(_valid(), "p.json").entries == ()


@pytest.mark.parametrize("depth", [100, 100_000])
def test_deep_nesting(depth: int) -> None:
    _refused(_valid("[" * depth + "]" * depth), "nested deeper")


def test_deep_nesting_inside_an_object() -> None:
    _refused('{"a": ' * 100_000 + "1" + "}" * 100_000, "nested deeper")


def test_a_huge_number_where_an_offset_belongs() -> None:
    edit = ('[{"id": "x", "created": "2020", "type": "remove", "node_id": "ESP", "anchor": '
            '{"start": ' + "9" * 5000 + ', "end": 5, "exact": "abc"}}]')
    _refused(_valid(edit), "5000 digits")


@pytest.mark.parametrize("constant", ["NaN", "Infinity", "-Infinity"])
def test_non_json_constants(constant: str) -> None:
    _refused(_valid('[{"x": ' + constant + "}]"), constant)


def test_a_huge_fraction() -> None:
    _refused(_valid("[" + "1." + "5" * 5000 + "]"), "characters")


def test_wrong_types_are_refused_whole() -> None:
    _refused(_valid('{"not": "a list"}'), "edits")
    _refused(_valid('[{"type": "delete", "node_id": 5, "id": "x", "created": "t"}]'), "node_id")


def test_a_fifo_as_the_project_is_refused_at_once(tmp_path: Path) -> None:
    fifo = tmp_path / "a.txt.multivector.json"
    os.mkfifo(fifo)
    with pytest.raises(InputError, match="named pipe"):
        load_project(fifo)


def test_saving_over_a_hostile_project_keeps_it_aside(tmp_path: Path) -> None:
    path = tmp_path / "a.txt.multivector.json"
    hostile = "[" * 100_000 + "]" * 100_000
    path.write_text(hostile, "utf-8")
    project = project_from_json(_valid(), "p.json")
    save_project(path, project)
    assert json.loads(path.read_text("utf-8"))["format"] == "multivector-corrections"
    kept = [p for p in tmp_path.iterdir() if ".damaged-" in p.name]
    assert len(kept) == 1 and kept[0].read_text("utf-8") == hostile


def test_a_fifo_in_place_of_the_project_is_not_written(tmp_path: Path) -> None:
    fifo = tmp_path / "a.txt.multivector.json"
    os.mkfifo(fifo)
    project = project_from_json(_valid(), "p.json")
    with pytest.raises(InputError, match="named pipe"):
        save_project(fifo, project)  # at once: no reader is waited for
    assert fifo.is_fifo()
