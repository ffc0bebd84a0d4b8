"""A first run on a fresh machine: HOME and the XDG folders point at an empty folder, nothing of
ours exists yet. The command line and the window work, and a correction made in the window
survives a restart (autosaved, then saved), in folders the app creates on first use."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

# The window in a child process: make (or check) a correction on the bundled article, whose
# project lives in the data folder (never inside the installed package).
_WINDOW = """
import json, sys
from PySide6.QtWidgets import QApplication
app = QApplication([])
from multivector.qt.window.app import open_window, discard_window
step = sys.argv[1]
app, window = open_window(None, offscreen=True)
ctl = window.corrections.controller
out = {"project": str(ctl.project_path), "partners": [p.id for p in window.analysis.partners]}
if step == "edit":
    window.corrections.edit(lambda c: c.delete(out["partners"][0]))
    ctl.autosave_now()
elif step == "recover":
    recovered = ctl.recovery_available()
    out["recovered"] = recovered is not None
    if recovered is not None:
        ctl.recover(recovered)
        ctl.save()
    out["partners"] = [p.id for p in window.analysis.partners]
out["status"] = window.statusBar().currentMessage()
discard_window(window)
print(json.dumps(out))
"""


@pytest.fixture
def fresh_env(tmp_path: Path) -> dict[str, str]:
    home = tmp_path / "home"
    home.mkdir()
    env = {k: v for k, v in os.environ.items() if not k.startswith(("MULTIVECTOR_", "XDG_"))}
    env.update(HOME=str(home), XDG_DATA_HOME=str(home / ".local/share"),
               XDG_CACHE_HOME=str(home / ".cache"), XDG_STATE_HOME=str(home / ".local/state"),
               XDG_CONFIG_HOME=str(home / ".config"), QT_QPA_PLATFORM="offscreen")
    return env


def _run(env: dict[str, str], *argv: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, *argv], env=env, capture_output=True, text=True,
                          timeout=120)


def test_the_command_line_on_a_fresh_home(fresh_env: dict[str, str], tmp_path: Path) -> None:
    done = _run(fresh_env, "-m", "multivector", "analyze", "--json")
    assert (done.returncode, done.stderr) == (0, "")
    assert json.loads(done.stdout)["partners"]
    shot = tmp_path / "shot.png"
    done = _run(fresh_env, "-m", "multivector", "--screenshot", str(shot))
    assert (done.returncode, done.stderr, done.stdout) == (0, "", "")
    assert shot.read_bytes().startswith(b"\x89PNG")


def test_a_correction_survives_a_restart(fresh_env: dict[str, str]) -> None:
    first = _run(fresh_env, "-c", _WINDOW, "edit")
    assert first.returncode == 0, first.stderr
    made = json.loads(first.stdout)
    assert "autosave failed" not in made["status"]
    project = Path(made["project"])
    assert project.parent.name == "projects"
    assert str(project).startswith(fresh_env["XDG_DATA_HOME"])
    autosave = list(project.parent.glob("*.autosave.json"))
    assert len(autosave) == 1, "the autosave was not written"

    second = _run(fresh_env, "-c", _WINDOW, "recover")  # the restart: recovery, then Save
    assert second.returncode == 0, second.stderr
    recovered = json.loads(second.stdout)
    deleted = made["partners"][0]
    assert recovered["recovered"] and deleted not in recovered["partners"]
    assert project.exists()

    third = _run(fresh_env, "-c", _WINDOW, "check")  # and once more, from the saved project
    assert deleted not in json.loads(third.stdout)["partners"]
