"""`--screenshot` that cannot be saved: exit 2 and one line, decided before any window exists;
never a segmentation fault, a traceback or Qt's plugin notes on the terminal."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest


def _shot(tmp_path: Path, *argv: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen",
           "MULTIVECTOR_LOG_DIR": str(tmp_path / "logs")}
    return subprocess.run([sys.executable, "-m", "multivector", "--screenshot", *argv], env=env,
                          capture_output=True, text=True, timeout=120)


def _refused(done: subprocess.CompletedProcess[str], *words: str) -> None:
    assert done.returncode == 2, (done.returncode, done.stderr)  # not 139, not 1
    assert done.stdout == ""
    assert done.stderr.startswith("multivector: ") and done.stderr.count("\n") == 1
    for word in words:
        assert word in done.stderr


def test_into_a_missing_folder(tmp_path: Path) -> None:
    target = tmp_path / "missing" / "shot.png"
    _refused(_shot(tmp_path, str(target)), "shot.png", "does not exist")
    assert not target.parent.exists()


def test_onto_a_folder(tmp_path: Path) -> None:
    _refused(_shot(tmp_path, str(tmp_path)), "folder")


@pytest.mark.parametrize("argv", [["--select", "NO_SUCH_NODE"], ["/no/such/article.txt"]])
def test_bad_input_with_a_window_built(tmp_path: Path, argv: list[str]) -> None:
    # the window exists (or is being built) when the input turns out bad: it is torn down first
    _refused(_shot(tmp_path, str(tmp_path / "shot.png"), *argv))
    assert not (tmp_path / "shot.png").exists()


def test_a_screenshot_prints_nothing(tmp_path: Path) -> None:
    done = _shot(tmp_path, str(tmp_path / "shot.png"))
    assert (done.returncode, done.stdout, done.stderr) == (0, "", "")
    assert (tmp_path / "shot.png").read_bytes().startswith(b"\x89PNG")
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]
