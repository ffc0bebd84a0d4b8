"""Bad files through the command line: exit 2 and one line on stderr that says what and why.

Each case is something a user could really feed the app (a folder, an unreadable file, a 200 MB
log, a binary); none may crash, print a traceback, or read more than the size limit allows.
"""

from __future__ import annotations

import json
import random
import tracemalloc
from collections.abc import Callable
from pathlib import Path

import pytest

from multivector.cli.main import main
from multivector.documents.loading import MAX_BYTES

Run = Callable[..., tuple[int, str, str]]

ARTICLE = ("Peru and Japan signed a memorandum on maritime security in Lima on Tuesday. The two "
           "navies will hold joint search and rescue exercises, and Japanese instructors will "
           "train Peruvian coast guard officers.\n")


@pytest.fixture
def run(capsys: pytest.CaptureFixture[str]) -> Run:
    """Runs the CLI and returns (exit code, stdout, stderr)."""

    def _run(*argv: str) -> tuple[int, str, str]:
        code = main(list(argv))
        captured = capsys.readouterr()
        return code, captured.out, captured.err

    return _run


def assert_refused(result: tuple[int, str, str], *words: str) -> str:
    """Exit 2, nothing on stdout, exactly one line on stderr naming the problem."""
    code, out, err = result
    assert code == 2, err
    assert out == ""
    assert err.startswith("multivector: ") and err.count("\n") == 1 and err.endswith("\n")
    assert "Traceback" not in err
    for word in words:
        assert word in err, err
    return err


@pytest.mark.parametrize("command", ["analyze", "summary"])
def test_missing_path(tmp_path: Path, run: Run, command: str) -> None:
    assert_refused(run(command, str(tmp_path / "nowhere" / "article.txt")), "article.txt",
                   "no such file")


def test_a_directory(tmp_path: Path, run: Run) -> None:
    folder = tmp_path / "articles.txt"  # a folder whose name looks like a file
    folder.mkdir()
    assert_refused(run("analyze", str(folder), "--json"), "articles.txt", "folder")


def test_no_permission(tmp_path: Path, run: Run, monkeypatch: pytest.MonkeyPatch) -> None:
    # Tests run as root, for whom chmod 000 changes nothing; the OS's refusal is simulated at the
    # one call that opens the file, so the real size checks before it still run.
    # (tests/core/test_bad_input_paths.py does it for real, as an unprivileged user.)
    import os

    import multivector.platform.files as files

    path = tmp_path / "secret.txt"
    path.write_text(ARTICLE, "utf-8")
    real_open = os.open

    def denied(name: str, *args: object, **kwargs: object) -> int:
        if Path(name) == path:
            raise PermissionError(13, "Permission denied", str(name))
        return real_open(name, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(files.os, "open", denied)
    assert_refused(run("analyze", str(path), "--json"), "secret.txt", "permission denied")


@pytest.mark.parametrize("content", [b"", b"   \n\n\t \r\n", b"\xef\xbb\xbf\n  \n"])
def test_empty_file(tmp_path: Path, run: Run, content: bytes) -> None:
    path = tmp_path / "blank.txt"
    path.write_bytes(content)
    assert_refused(run("summary", str(path)), "blank.txt", "empty")


def test_binary_file(tmp_path: Path, run: Run) -> None:
    noise = random.Random(8).randbytes(20_000)
    for name, data in {"photo.png": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + noise,
                       "program.exe": b"MZ\x90\x00\x03\x00\x00\x00" + noise,
                       "article.txt": noise}.items():
        path = tmp_path / name
        path.write_bytes(data)
        assert_refused(run("analyze", str(path), "--json"), name, "binary")


def test_200_mb_file_is_refused_by_size_before_reading(tmp_path: Path, run: Run,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as handle:  # sparse: costs no disk and no time
        handle.truncate(200 * 1024 * 1024)
    import multivector.platform.files as files

    read_from: list[int] = []  # descriptors wrapped for reading: none may be

    def watching(fd: int, *args: object, **kwargs: object) -> object:
        read_from.append(fd)
        return open(fd, *args, **kwargs)  # type: ignore[call-overload]  # noqa: SIM115

    monkeypatch.setattr(files, "open", watching, raising=False)
    tracemalloc.start()
    try:
        result = run("analyze", str(path), "--json")
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    err = assert_refused(result, "huge.txt", "210 MB", f"{MAX_BYTES / 1e6:.0f} MB limit")
    assert not read_from, "the file was read although its size alone rules it out"
    assert peak < 20 * 1024 * 1024, f"peak {peak / 1e6:.1f} MB while refusing: {err}"


def test_file_that_grows_past_the_limit_is_cut_off(tmp_path: Path, run: Run,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    # A file can grow between the size check and the read (a log being written): the read itself
    # stops at the limit rather than trusting the earlier size.
    import multivector.documents.loading as loading

    path = tmp_path / "growing.txt"
    path.write_bytes(b"Chile and Peru agreed on border patrols. " * 100)
    monkeypatch.setattr(loading, "MAX_BYTES", 1000)
    monkeypatch.setattr(loading.read_bytes, "__defaults__", (1000,))
    real_stat = Path.stat
    monkeypatch.setattr(Path, "stat", lambda self, **kw: _small(real_stat(self, **kw)))
    assert_refused(run("analyze", str(path)), "growing.txt", "limit")


def _small(stat: object) -> object:
    """A stat result claiming the file is tiny (while it is not)."""
    import os

    fields = list(stat)  # type: ignore[call-overload]
    fields[6] = 10  # st_size
    return os.stat_result(fields)


def test_utf8_mark_with_invalid_utf8_is_refused(tmp_path: Path, run: Run) -> None:
    path = tmp_path / "mangled.txt"
    path.write_bytes(b"\xef\xbb\xbf" + ARTICLE.encode("utf-8") + b"\xc3\x28\xa0\xa1 end\n")
    assert_refused(run("analyze", str(path), "--json"), "mangled.txt", "utf-8")


def test_invalid_utf8_without_a_mark_reads_as_a_legacy_code_page(tmp_path: Path, run: Run) -> None:
    # No BOM, and bytes that are not UTF-8: a Windows-1252 file is the usual cause, so it is read
    # as one; the words around the odd bytes must survive intact and the offsets stay valid.
    path = tmp_path / "legacy.txt"
    path.write_bytes(ARTICLE.replace("Tuesday", "Tuesday \x93today\x94").encode("latin-1"))
    code, out, err = run("analyze", str(path), "--json")
    assert (code, err) == (0, "")
    data = json.loads(out)
    assert "Tuesday \u201ctoday\u201d." in data["text"]
    assert data["focal"]["code"] == "PER"
    assert "JPN" in {p["id"] for p in data["partners"]}
    for partner in data["partners"]:
        for passage in partner["passages"]:
            assert 0 <= passage["start"] < passage["end"] <= len(data["text"])


def test_text_without_partners_or_budget_is_an_empty_but_valid_analysis(tmp_path: Path,
                                                                        run: Run) -> None:
    path = tmp_path / "weather.txt"
    path.write_text("The weather in the valley was mild this spring. Farmers planted early and "
                    "the rivers stayed within their banks.\n\nA local choir sang at the fair.\n",
                    "utf-8")
    code, out, err = run("analyze", str(path), "--json")
    assert (code, err) == (0, "")
    data = json.loads(out)
    assert data["schema"] == 1
    assert (data["partners"], data["areas"], data["budget"]) == ([], [], [])
    assert data["text"].startswith("The weather in the valley")
    code, out, err = run("summary", str(path), "--format", "markdown")
    assert (code, err) == (0, "")
    assert out.strip()


def test_standard_input_over_the_limit(run: Run, monkeypatch: pytest.MonkeyPatch) -> None:
    import io
    import sys

    class Endless(io.RawIOBase):
        """Standard input that never ends: only a bounded read can finish."""

        def readable(self) -> bool:
            return True

        def readinto(self, buffer: bytearray) -> int:  # type: ignore[override]
            buffer[:] = b"a" * len(buffer)
            return len(buffer)

    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BufferedReader(Endless())))
    assert_refused(run("analyze", "-"), "standard input", "limit")
