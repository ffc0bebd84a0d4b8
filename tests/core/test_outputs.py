"""Where output goes: `summary -o` refuses what it cannot write with exit 2 and one line, and
writing respects its target (a link is written through, a device or FIFO written into, nothing
but a regular file ever replaced)."""

from __future__ import annotations

import os
import shutil
import socket
import stat
import threading
from pathlib import Path

import pytest
from test_bad_input import ARTICLE, Run, assert_refused, run  # noqa: F401  (run is a fixture)
from test_bad_input_paths import cli, open_folder  # noqa: F401  (open_folder is a fixture)

from multivector.platform.storage import atomic_write_bytes


@pytest.fixture
def article(tmp_path: Path) -> Path:
    path = tmp_path / "article.txt"
    path.write_text(ARTICLE, "utf-8")
    return path


def test_output_into_a_missing_folder(run: Run, article: Path, tmp_path: Path) -> None:
    out = tmp_path / "no" / "such" / "summary.md"
    assert_refused(run("summary", str(article), "--format", "markdown", "-o", str(out)),
                   "summary.md", "does not exist")
    assert not out.parent.exists()


@pytest.mark.parametrize("fmt", ["text", "pdf"])
def test_output_onto_a_folder(run: Run, article: Path, tmp_path: Path, fmt: str) -> None:
    folder = tmp_path / "out.pdf"
    folder.mkdir()
    assert_refused(run("summary", str(article), "--format", fmt, "-o", str(folder)), "folder")
    assert folder.is_dir() and not any(folder.iterdir())


@pytest.mark.skipif(shutil.which("setpriv") is None or os.geteuid() != 0,
                    reason="needs root and setpriv to act as another user")
def test_output_into_a_folder_without_write_permission(open_folder: Path) -> None:  # noqa: F811
    (open_folder / "article.txt").write_text(ARTICLE, "utf-8")
    locked = open_folder / "locked"
    locked.mkdir(mode=0o755)  # root's; nobody may read it but not write in it
    code, out, err = cli("summary", str(open_folder / "article.txt"), "-o",
                         str(locked / "summary.txt"), user="nobody")
    assert_refused((code, out, err), "summary.txt", "permission")
    assert not any(locked.iterdir())


def test_output_to_dev_null_keeps_the_device(run: Run, article: Path) -> None:
    before = os.stat("/dev/null")
    code, _out, err = run("summary", str(article), "-o", "/dev/null")
    assert (code, err) == (0, "")
    after = os.stat("/dev/null")
    assert stat.S_ISCHR(after.st_mode) and after.st_rdev == before.st_rdev
    assert after.st_ino == before.st_ino  # the same device node, not a file renamed over it


def test_output_through_a_symbolic_link(run: Run, article: Path, tmp_path: Path) -> None:
    real_folder = tmp_path / "real"
    real_folder.mkdir()
    real = real_folder / "summary.md"
    real.write_text("old\n", "utf-8")
    link = tmp_path / "latest.md"
    link.symlink_to(Path("real") / "summary.md")  # relative, as people make them
    code, _out, err = run("summary", str(article), "--format", "markdown", "-o", str(link))
    assert (code, err) == (0, "")
    assert link.is_symlink() and os.readlink(link) == str(Path("real") / "summary.md")
    assert "Japan" in real.read_text("utf-8")
    assert sorted(p.name for p in real_folder.iterdir()) == ["summary.md"]  # no temporary left


def test_output_into_a_fifo(run: Run, article: Path, tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()), daemon=True)
    reader.start()
    code, _out, err = run("summary", str(article), "-o", str(fifo))
    reader.join(10)
    assert (code, err) == (0, "")
    assert stat.S_ISFIFO(os.stat(fifo).st_mode)
    assert b"Japan" in received[0]


def test_a_link_to_nowhere_is_written_where_it_points(tmp_path: Path) -> None:
    link = tmp_path / "link.txt"
    link.symlink_to(tmp_path / "target.txt")
    atomic_write_bytes(link, b"data")
    assert link.is_symlink() and (tmp_path / "target.txt").read_bytes() == b"data"


def test_a_socket_or_folder_is_never_replaced(tmp_path: Path) -> None:
    where = tmp_path / "s.sock"
    with socket.socket(socket.AF_UNIX) as server:
        server.bind(str(where))
        with pytest.raises(OSError, match="not a regular file"):
            atomic_write_bytes(where, b"data")
        assert stat.S_ISSOCK(os.stat(where).st_mode)
    with pytest.raises(IsADirectoryError):
        atomic_write_bytes(tmp_path, b"data")


def test_an_existing_file_keeps_its_mode(tmp_path: Path) -> None:
    path = tmp_path / "shared.txt"
    path.write_bytes(b"old")
    path.chmod(0o640)
    atomic_write_bytes(path, b"new")
    assert path.read_bytes() == b"new" and stat.S_IMODE(path.stat().st_mode) == 0o640
