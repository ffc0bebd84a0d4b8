"""The log: private (0600), a temporary folder when its own cannot be written, never a traceback
on the terminal, at most 80 characters of any exception message (which may quote the
article), and no entry lost when several processes write and rotate it at once."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from multivector.platform import logs

SECRET = "The minister said in confidence that " + "classified details " * 30


def _cli(tmp_path: Path, log_dir: Path, tmpdir: Path) -> subprocess.CompletedProcess[str]:
    """`multivector analyze` with the engine made to fail, quoting a long secret."""
    code = (
        "import sys, multivector.engine.pipeline as p\n"
        f"def boom(*a, **k): raise ValueError({SECRET!r})\n"
        "p.analyze_document = boom\n"
        "from multivector.cli.main import main\n"
        "sys.exit(main(['analyze', '--json']))\n"
    )
    env = {**os.environ, "MULTIVECTOR_LOG_DIR": str(log_dir), "TMPDIR": str(tmpdir)}
    return subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True,
                          timeout=60)


def _one_line_pointing_at_a_log(done: subprocess.CompletedProcess[str]) -> str:
    assert done.returncode == 1
    assert done.stdout == ""
    assert done.stderr.count("\n") == 1 and "Traceback" not in done.stderr
    assert "unexpected failure" in done.stderr
    return done.stderr


def test_the_log_is_private_and_holds_no_long_article_text(tmp_path: Path) -> None:
    err = _one_line_pointing_at_a_log(_cli(tmp_path, tmp_path / "logs", tmp_path))
    log = tmp_path / "logs" / "multivector.log"
    assert str(log) in err
    assert stat.S_IMODE(log.stat().st_mode) == 0o600
    text = log.read_text("utf-8")
    assert "ValueError: The minister said in confidence" in text  # the start, for context
    assert "classified details " * 4 not in text
    assert max(len(line) for line in text.splitlines() if "minister" in line) < 120


def test_an_unwritable_log_folder_falls_back_to_a_temporary_one(tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("x")
    temporary = tmp_path / "tmp"
    temporary.mkdir()
    err = _one_line_pointing_at_a_log(_cli(tmp_path, blocker / "logs", temporary))
    (fallback,) = temporary.glob("multivector-*-logs")
    assert str(fallback / "multivector.log") in err
    assert stat.S_IMODE(fallback.stat().st_mode) == 0o700
    assert "ValueError" in (fallback / "multivector.log").read_text("utf-8")


def test_no_log_anywhere_still_prints_no_traceback(tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("x")
    _one_line_pointing_at_a_log(_cli(tmp_path, blocker / "logs", blocker / "tmp"))


def test_a_fallback_folder_made_by_someone_else_is_not_used(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "elsewhere"
    target.mkdir()
    monkeypatch.setenv("TMPDIR", str(tmp_path))
    monkeypatch.setattr(tempfile, "tempdir", None)  # read TMPDIR again
    link = logs.fallback_log_dir()
    link.symlink_to(target)  # a link planted where our folder would be
    assert not logs._usable(link, shared=True)  # noqa: SLF001


_WRITER = """
import sys
from multivector.platform import logs
logs.MAX_BYTES, logs.BACKUPS = 3000, 10_000
log = logs.logger()
for i in range(int(sys.argv[1])):
    log.info("entry %s-%d", sys.argv[2], i)
"""


def test_concurrent_writers_lose_no_entry(tmp_path: Path) -> None:
    env = {**os.environ, "MULTIVECTOR_LOG_DIR": str(tmp_path)}
    writers = [subprocess.Popen([sys.executable, "-c", _WRITER, "300", f"w{n}"], env=env)
               for n in range(4)]
    for writer in writers:
        assert writer.wait(120) == 0
    entries = [line for path in tmp_path.glob("multivector.log*") if not path.name.endswith(".lock")
               for line in path.read_text("utf-8").splitlines()]
    assert len(list(tmp_path.glob("multivector.log.*"))) > 5  # it did rotate, many times
    assert len(entries) == len(set(entries)) == 4 * 300
    for path in tmp_path.glob("multivector.log*"):
        if not path.name.endswith(".lock"):
            assert stat.S_IMODE(path.stat().st_mode) == 0o600
