"""A save killed with SIGKILL at any moment leaves the old file or the new one, never a broken
one: a child process saves a project over and over and is killed at random moments; the file
is loaded after each kill."""

from __future__ import annotations

import random
import signal
import subprocess
import sys
import time
from pathlib import Path

from multivector.corrections.project import load_project

ROUNDS = 25

# Two projects of different sizes (so a torn write could not pass for either), saved in turn.
_CHILD = """
import sys
from pathlib import Path
from multivector.corrections.edits import AddNote, Delete, new_entry
from multivector.corrections.project import Project, save_project

path = Path(sys.argv[1])
small = Project("a" * 64, tuple(new_entry(Delete(f"N{i}")) for i in range(50)), "small.txt")
large = Project("b" * 64, tuple(new_entry(AddNote("note " * 40, f"N{i}")) for i in range(3000)),
                "large.txt")
save_project(path, small)
print("ready", flush=True)
while True:
    save_project(path, large)
    save_project(path, small)
"""


def test_a_killed_save_leaves_a_whole_file(tmp_path: Path) -> None:
    path = tmp_path / "article.txt.multivector.json"
    rng = random.Random(16)
    seen: set[str | None] = set()
    for _ in range(ROUNDS):
        child = subprocess.Popen([sys.executable, "-c", _CHILD, str(path)],
                                 stdout=subprocess.PIPE, text=True)
        assert child.stdout is not None and child.stdout.readline().strip() == "ready"
        time.sleep(rng.uniform(0.0, 0.2))
        child.send_signal(signal.SIGKILL)
        child.wait()
        project = load_project(path)  # InputError (a damaged file) fails the test
        assert (project.article_sha256, len(project.entries)) in {("a" * 64, 50),
                                                                  ("b" * 64, 3000)}
        seen.add(project.article_name)
        # temporary files of killed saves may remain beside it; they never take its place
        assert all(p.name.startswith(".") for p in tmp_path.iterdir() if p != path)
    assert seen == {"small.txt", "large.txt"}, "the kills never landed between two saves"
