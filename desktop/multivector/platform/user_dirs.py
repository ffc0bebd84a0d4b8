"""Multivector's folders in the user's home: data, cache and logs, each overridable by an
environment variable (tests point them at temporary folders)."""

from __future__ import annotations

import os
from pathlib import Path

_APP = "multivector"


def user_folder(kind: str) -> Path:
    """The folder of `kind` ("data", "cache" or "log"): MULTIVECTOR_<KIND>_DIR when set, else
    the platform's own (platformdirs, imported only then)."""
    override = os.environ.get(f"MULTIVECTOR_{kind.upper()}_DIR")
    if override:
        return Path(override)
    import platformdirs

    finder = {"data": platformdirs.user_data_dir, "cache": platformdirs.user_cache_dir,
              "log": platformdirs.user_log_dir}[kind]
    return Path(finder(_APP, appauthor=False))
