"""Paths that are not plain readable files: FIFOs, devices, sockets, paths and names too long
for the system, folders the user may not enter, and names that look like options. Each is
refused at once with exit 2 and one line (or, for `--`, read as the file it is)."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from test_bad_input import ARTICLE, Run, assert_refused, run  # noqa: F401  (run is a fixture)


def cli(*argv: str, cwd: Path | None = None, user: str | None = None,
        timeout: float = 60) -> tuple[int, str, str]:
    """The command line in a child process (a FIFO that hangs fails the test, not the run);
    as `user` when given (the tests run as root, whom no permission stops)."""
    env = {**os.environ, "MULTIVECTOR_LOG_DIR": tempfile.mkdtemp(), "HOME": tempfile.mkdtemp()}
    prefix: list[str] = []
    if user is not None:
        for folder in (env["MULTIVECTOR_LOG_DIR"], env["HOME"]):
            os.chmod(folder, 0o777)
        import pwd

        entry = pwd.getpwnam(user)
        prefix = ["setpriv", f"--reuid={entry.pw_uid}", f"--regid={entry.pw_gid}", "--clear-groups"]
    done = subprocess.run([*prefix, sys.executable, "-m", "multivector", *argv], cwd=cwd,
                          env=env, capture_output=True, text=True, timeout=timeout)
    return done.returncode, done.stdout, done.stderr


@pytest.fixture
def open_folder() -> Iterator[Path]:
    """A folder every user may enter (pytest's tmp_path is private to root)."""
    folder = Path(tempfile.mkdtemp(prefix="mv-paths-"))
    folder.chmod(0o755)
    yield folder
    shutil.rmtree(folder, ignore_errors=True)


def test_fifo_as_the_article_is_refused_at_once(tmp_path: Path) -> None:
    fifo = tmp_path / "article.txt"
    os.mkfifo(fifo)
    result = cli("analyze", str(fifo), "--json", timeout=30)
    assert_refused(result, "article.txt", "named pipe")


def test_device_as_the_article(run: Run) -> None:
    # /dev/zero never ends: only a refusal before reading can finish
    assert_refused(run("analyze", "/dev/zero", "--json"), "/dev/zero", "device")


def test_socket_as_the_article(run: Run, tmp_path: Path) -> None:
    where = tmp_path / "s.sock"
    with socket.socket(socket.AF_UNIX) as server:
        server.bind(str(where))
        assert_refused(run("summary", str(where)), "s.sock", "socket")


def test_path_longer_than_path_max(run: Run, tmp_path: Path) -> None:
    long_path = str(tmp_path) + ("/" + "d" * 200) * 25 + "/article.txt"  # over 4096 bytes
    err = assert_refused(run("analyze", long_path, "--json"), "too long")
    assert len(err) < 6000  # the line names the path; nothing more


def test_name_longer_than_name_max(run: Run, tmp_path: Path) -> None:
    name = "a" * 300 + ".txt"
    assert_refused(run("analyze", str(tmp_path / name), "--json"), "304 bytes", "255")


@pytest.mark.skipif(shutil.which("setpriv") is None or os.geteuid() != 0,
                    reason="needs root and setpriv to act as another user")
def test_no_permission_on_the_articles_folder(open_folder: Path) -> None:
    folder = open_folder / "private"
    folder.mkdir()
    (folder / "article.txt").write_text(ARTICLE, "utf-8")
    folder.chmod(0o700)  # root's: nobody may not enter it
    code, out, err = cli("analyze", str(folder / "article.txt"), "--json", user="nobody")
    assert_refused((code, out, err), "article.txt", "permission denied")
    folder.chmod(0o755)
    (folder / "article.txt").chmod(0o600)  # the folder may be entered, the file not read
    assert_refused(cli("summary", str(folder / "article.txt"), user="nobody"), "permission")


def test_a_name_that_looks_like_an_option(run: Run, tmp_path: Path,
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    Path("-dash.txt").write_text(ARTICLE, "utf-8")
    code, out, err = run("analyze", "--json", "--", "-dash.txt")
    assert (code, err) == (0, "")
    assert '"PER"' in out
    code, out, err = run("summary", "--", "-dash.txt")
    assert (code, err) == (0, "")
    assert "Japan" in out
