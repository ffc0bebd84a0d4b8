"""Finds the `resources/` folder in a wheel, a source checkout or a packaged app (Qt-free)."""

from __future__ import annotations

import sys
from functools import cache
from pathlib import Path

_PACKAGE_DIR = Path(__file__).resolve().parent


@cache
def resources_dir() -> Path:
    """The folder holding gazetteers, taxonomy, cue phrases and the bundled articles."""
    candidates = [
        _PACKAGE_DIR / "resources",  # installed wheel (force-included by hatchling)
        _PACKAGE_DIR.parents[1] / "resources",  # source checkout or editable install
    ]
    frozen = getattr(sys, "_MEIPASS", None)  # PyInstaller one-folder app
    if frozen:
        candidates.insert(0, Path(frozen) / "multivector" / "resources")
    for candidate in candidates:
        if (candidate / "articles").is_dir():
            return candidate
    raise FileNotFoundError("Multivector's resources folder is missing from this installation")


def resource_path(*parts: str) -> Path:
    """A file below the resources folder."""
    return resources_dir().joinpath(*parts)


def bundled_article() -> Path:
    """The article opened when no file is given."""
    return resource_path("articles", "kazakhstan-military-doctrine-2007.txt")
