"""The gazetteer's cached copy gives the same gazetteer, and a damaged copy is rebuilt."""

from pathlib import Path

import pytest

from multivector.engine.knowledge import gazetteer_cache
from multivector.engine.knowledge.gazetteer import Gazetteer

TEXT = "Moscow and the U.S. met NATO's Partnership for Peace; Spanish and Côte d’Ivoire officers."


def test_cached_copy_gives_the_same_entities_and_mentions(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("MULTIVECTOR_CACHE_DIR", str(tmp_path))
    built = Gazetteer()  # builds and writes the copy
    assert list(tmp_path.glob("gazetteer-*.json"))
    restored = Gazetteer()  # reads it back
    assert restored.entities == built.entities
    assert restored.mentions(TEXT) == built.mentions(TEXT) == Gazetteer(use_cache=False).mentions(TEXT)
    assert [m.entity for m in restored.mentions(TEXT)] == ["RUS", "USA", "NATO", "PfP", "ESP", "CIV"]


def test_damaged_copy_is_rebuilt(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MULTIVECTOR_CACHE_DIR", str(tmp_path))
    Gazetteer()
    (copy,) = tmp_path.glob("gazetteer-*.json")
    copy.write_text("{not json", "utf-8")
    assert gazetteer_cache.read_cached() is None
    assert [m.entity for m in Gazetteer().mentions(TEXT)][:2] == ["RUS", "USA"]
    assert gazetteer_cache.read_cached() is not None  # written again


def test_unwritable_cache_folder_is_no_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("x", "utf-8")
    monkeypatch.setenv("MULTIVECTOR_CACHE_DIR", str(blocker / "cache"))  # a folder inside a file
    assert [m.entity for m in Gazetteer().mentions(TEXT)][:2] == ["RUS", "USA"]


def test_copies_made_for_other_resources_are_removed(tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MULTIVECTOR_CACHE_DIR", str(tmp_path))
    stale = tmp_path / "gazetteer-1-0123456789abcdef-1-2.json"
    stale.write_text("{}", "utf-8")
    Gazetteer()
    assert not stale.exists() and len(list(tmp_path.glob("gazetteer-*.json"))) == 1
