"""A cached gazetteer copy of the wrong shape or content is rebuilt, never trusted: valid JSON
of another shape, rows of the wrong types, empty lists (which would find no partner at all),
surfaces naming unknown entities, a FIFO in the copy's place."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from multivector.engine.knowledge import gazetteer_cache
from multivector.engine.knowledge.gazetteer import Gazetteer

TEXT = "Moscow and the U.S. met NATO's Partnership for Peace; Spanish officers came."
EXPECTED = ["RUS", "USA", "NATO", "PfP", "ESP"]


def _copy_path(folder: Path) -> Path:
    Gazetteer()  # writes a good copy, to learn its name
    (copy,) = folder.glob("gazetteer-*.json")
    return copy


def _whole() -> dict[str, object]:
    return json.loads(json.dumps(Gazetteer(use_cache=False)._as_data()))  # noqa: SLF001


def _bad_copies() -> dict[str, object]:
    whole = _whole()
    entities, surfaces = whole["entities"], whole["surfaces"]
    assert isinstance(entities, list) and isinstance(surfaces, list)
    return {
        "a list": [1, 2, 3],
        "a string": "gazetteer",
        "empty lists": {"entities": [], "surfaces": []},
        "no surfaces": {"entities": entities, "surfaces": []},
        "rows of numbers": {"entities": [[1, 2, 3, 4, 5, 6]] * 300, "surfaces": surfaces},
        "short rows": {"entities": [row[:2] for row in entities], "surfaces": surfaces},
        "unknown entity": {"entities": entities, "surfaces": [["Spain", "ZZZ", "name"]] * 900},
        "extra key": {**whole, "more": 1},
        "too few countries": {"entities": [r for r in entities if r[2] != "country"],
                              "surfaces": [s for s in surfaces if s[1] in
                                           {r[0] for r in entities if r[2] != "country"}]},
    }


@pytest.mark.parametrize("kind", list(_bad_copies()))
def test_a_copy_of_the_wrong_shape_is_rebuilt(kind: str, tmp_path: Path,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MULTIVECTOR_CACHE_DIR", str(tmp_path))
    copy = _copy_path(tmp_path)
    copy.write_text(json.dumps(_bad_copies()[kind]), "utf-8")
    assert gazetteer_cache.read_cached() is None
    assert [m.entity for m in Gazetteer().mentions(TEXT)] == EXPECTED
    assert gazetteer_cache.read_cached() is not None  # the rebuilt gazetteer replaced the copy


def test_the_real_copy_is_whole() -> None:
    assert gazetteer_cache.is_whole_gazetteer(_whole())


def test_a_fifo_in_place_of_the_copy(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MULTIVECTOR_CACHE_DIR", str(tmp_path))
    copy = _copy_path(tmp_path)
    copy.unlink()
    os.mkfifo(copy)
    assert gazetteer_cache.read_cached() is None  # at once, not waiting for a writer
    assert [m.entity for m in Gazetteer().mentions(TEXT)] == EXPECTED


def test_a_deeply_nested_copy(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MULTIVECTOR_CACHE_DIR", str(tmp_path))
    copy = _copy_path(tmp_path)
    copy.write_text("[" * 100_000 + "]" * 100_000, "utf-8")
    assert gazetteer_cache.read_cached() is None
