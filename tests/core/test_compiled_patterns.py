"""The engine's compiled phrase patterns kept in the cache folder: the same matches as
re.compile, read back without compiling, and a damaged, misshapen or refused copy is made again,
never trusted."""

from __future__ import annotations

import hashlib
import marshal
import re
from pathlib import Path

import pytest

from multivector.engine.knowledge import gazetteer_cache
from multivector.engine.knowledge.fingerprint import engine_fingerprint
from multivector.engine.text import compiled
from multivector.engine.text.patterns import compile_phrases, lowered

PHRASES = ["joint exercise*", "air_space", "train* ... pilots", "peace-keeping"]
TEXT = lowered("Joint exercises in the airspace; they trained many new pilots for peacekeeping.")


@pytest.fixture
def fresh(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A process's view: nothing compiled yet, the file in a folder of the test's."""
    monkeypatch.setattr(compiled, "_store", compiled._Store())
    monkeypatch.setattr(compiled, "_made", {})
    path = tmp_path / "patterns.bin"
    compiled.use_file(path)
    return path


def _again(monkeypatch: pytest.MonkeyPatch, path: Path) -> None:
    """As the next process starts: the file, and nothing in memory."""
    monkeypatch.setattr(compiled, "_store", compiled._Store())
    monkeypatch.setattr(compiled, "_made", {})
    compiled.use_file(path)


def _spans(pattern: object) -> list[tuple[int, int]]:
    return [m.span() for m in pattern.finditer(TEXT)]  # type: ignore[attr-defined]


def test_compiled_patterns_match_as_re_compiles_them(fresh: Path) -> None:
    for pattern, flags in ((r"(?P<year>\d{4})|(?P<word>\w+)", 0), (r"ab+c", re.IGNORECASE)):
        ours, theirs = compiled.compiled(pattern, flags), re.compile(pattern, flags)
        assert ours.pattern == theirs.pattern and ours.flags == theirs.flags
        assert ours.groupindex == theirs.groupindex and ours.groups == theirs.groups
        for text in ("ABBC 2024 abc", "x"):
            assert [m.groupdict() for m in ours.finditer(text)] == [
                m.groupdict() for m in theirs.finditer(text)]
    with pytest.raises(re.error):
        compiled.compiled("(unbalanced")


def test_patterns_are_read_back_without_compiling(fresh: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    expected = _spans(compile_phrases(PHRASES))
    assert expected  # the phrases are found
    compiled.save()
    assert fresh.exists()
    _again(monkeypatch, fresh)

    def no_parsing(*_args: object) -> None:
        raise AssertionError("compiled again instead of read back")

    monkeypatch.setattr(compiled._parser, "parse", no_parsing)
    assert _spans(compile_phrases(PHRASES)) == expected


@pytest.mark.parametrize("damage", ["flipped byte", "wrong shape", "refused code", "truncated"])
def test_a_bad_copy_is_made_again(fresh: Path, monkeypatch: pytest.MonkeyPatch,
                                  damage: str) -> None:
    expected = _spans(compile_phrases(PHRASES))
    compiled.save()
    blob = fresh.read_bytes()
    if damage == "flipped byte":
        blob = blob[:-10] + bytes([blob[-10] ^ 0xFF]) + blob[-9:]
    elif damage == "truncated":
        blob = blob[: len(blob) // 2]
    else:
        version, tag, rows = marshal.loads(blob[32:])
        if damage == "wrong shape":
            rows = [row[:3] for row in rows]
        else:  # a checksum that holds over code sre must refuse
            rows = [(*row[:3], [0, 0, 0, 0], *row[4:]) for row in rows]
        body = marshal.dumps((version, tag, rows))
        blob = hashlib.sha256(body).digest() + body
    fresh.write_bytes(blob)
    _again(monkeypatch, fresh)
    assert _spans(compile_phrases(PHRASES)) == expected
    compiled.save()  # and written whole again
    _again(monkeypatch, fresh)
    monkeypatch.setattr(compiled._parser, "parse", lambda *_a: pytest.fail("not read back"))
    assert _spans(compile_phrases(PHRASES)) == expected


def test_the_copy_is_named_for_the_resources_and_the_python(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MULTIVECTOR_CACHE_DIR", str(tmp_path))
    monkeypatch.setattr(compiled, "_store", compiled._Store())
    name = gazetteer_cache.pattern_cache_file().name
    assert engine_fingerprint() in name and compiled.PYTHON_TAG in name
    stale = tmp_path / "patterns-1-0123456789abcdef-cpython-00.bin"
    stale.write_bytes(b"made for other resources")
    gazetteer_cache.use_pattern_cache()
    assert compiled.using() == tmp_path / name and not stale.exists()


def test_the_same_phrases_make_the_same_pattern_in_every_process() -> None:
    """Phrases of one length are ordered by their text, not by the set's order (which string
    hashing changes from run to run): otherwise no run would find the last one's patterns."""
    import subprocess
    import sys

    code = ("from multivector.engine.knowledge.scanner import _scanner\n"
            "sets, _areas = _scanner()\n"
            "print(sorted(sets.pattern(n).full.pattern for n in sets.names)[:40])\n")
    runs = {subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                           check=True, timeout=60, env={**__import__("os").environ,
                                                        "PYTHONHASHSEED": seed}).stdout
            for seed in ("1", "2", "3")}
    assert len(runs) == 1


def test_a_grown_file_keeps_what_the_last_process_used(fresh: Path,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(compiled, "MAX_ENTRIES", 3)
    for n in range(5):
        compiled.compiled(f"word{n}")
    compiled.save()
    _again(monkeypatch, fresh)
    compiled.compiled("word0")
    compiled.compiled("another")  # new: the file is written again, with what was used
    compiled.save()
    assert set(compiled._read(fresh)) == {("word0", 0), ("another", 0)}


def test_an_analysis_asks_for_the_same_patterns_in_every_run(tmp_path: Path) -> None:
    """Every pattern the engine keeps is built the same whatever the string hashing: a pattern
    that changed from run to run would never be found, and the file would only grow."""
    import os
    import subprocess
    import sys

    code = ("from multivector.engine.pipeline import analyze_path\n"
            "analyze_path(None)\n")
    kept = []
    for seed in ("1", "2"):
        folder = tmp_path / seed
        subprocess.run([sys.executable, "-c", code], check=True, timeout=120,
                       env={**os.environ, "PYTHONHASHSEED": seed,
                            "MULTIVECTOR_CACHE_DIR": str(folder)})
        (copy,) = folder.glob("patterns-*.bin")
        kept.append(set(compiled._read(copy)))
    assert len(kept[0]) > 20 and kept[0] == kept[1]
