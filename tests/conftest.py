"""Shared test setup: Qt runs off screen, logs and settings go to temporary folders.

Kept free of Qt imports so that the core's tests never load PySide6.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest
from hypothesis import settings
from hypothesis.configuration import set_hypothesis_home_dir

# Set before any test module can import Qt: a QApplication reads it once, at creation.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Hypothesis writes nothing into the checkout: no example database, its caches in a temporary
# folder of this run's.
set_hypothesis_home_dir(tempfile.mkdtemp(prefix="multivector-test-hypothesis-"))
settings.register_profile("multivector", database=None)
settings.load_profile("multivector")
# The gazetteer's cached copy goes to a folder of this run's, never the user's cache.
os.environ["MULTIVECTOR_CACHE_DIR"] = tempfile.mkdtemp(prefix="multivector-test-cache-")


@pytest.fixture(autouse=True)
def _isolated_dirs(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Every test gets its own log folder and settings file, never the user's."""
    base = tmp_path_factory.mktemp("env")
    monkeypatch.setenv("MULTIVECTOR_LOG_DIR", str(base / "logs"))
    monkeypatch.setenv("MULTIVECTOR_SETTINGS_DIR", str(base / "settings"))
    return base
