"""The settings wrapper: defaults, types after a round trip through the INI file, recents."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from multivector.qt.common.settings import MAX_RECENT, Settings


def test_defaults_and_isolated_folder() -> None:
    settings = Settings.open()
    assert settings.get("tree/mode") == "partner"
    assert settings.get("reader/zoom") == 0
    assert settings.get("files/recent") == []
    settings.set("reader/zoom", 3)
    settings.sync()
    assert (Path(os.environ["MULTIVECTOR_SETTINGS_DIR"]) / "multivector.ini").exists()


def test_values_keep_their_types_across_reopen() -> None:
    first = Settings.open()
    first.set("reader/zoom", -2)
    first.add_recent("/tmp/a.txt")
    first.sync()
    second = Settings.open()
    assert second.get("reader/zoom") == -2
    assert second.get("files/recent") == ["/tmp/a.txt"]  # one item stays a list


def test_recent_files_are_unique_newest_first_and_bounded() -> None:
    settings = Settings.open()
    for i in range(MAX_RECENT + 3):
        settings.add_recent(f"/tmp/{i}.txt")
    recent = settings.add_recent("/tmp/5.txt")
    assert recent[0] == "/tmp/5.txt"
    assert len(recent) == MAX_RECENT
    assert recent.count("/tmp/5.txt") == 1


def test_unknown_key_fails_loudly() -> None:
    with pytest.raises(KeyError):
        Settings.open().get("no/such")
    with pytest.raises(KeyError):
        Settings.open().set("no/such", 1)
