"""The corrections tests' hand-built analysis (tests/core/corrections_sample.py), for Qt tests."""

from __future__ import annotations

import importlib.util
from pathlib import Path

_spec = importlib.util.spec_from_file_location(
    "corrections_sample_for_qt", Path(__file__).parents[1] / "core" / "corrections_sample.py"
)
assert _spec is not None
assert _spec.loader is not None
sample = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(sample)
