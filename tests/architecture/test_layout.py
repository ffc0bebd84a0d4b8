"""The package's architecture holds: layer contracts, no import cycles, every module imports."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from architecture.import_graph import PACKAGE_ROOT, cycles, graph, modules

REPO = PACKAGE_ROOT.parents[1]


def test_import_linter_contracts_hold() -> None:
    lint = Path(sys.executable).with_name("lint-imports")
    result = subprocess.run([str(lint), "--config", str(REPO / "pyproject.toml")],
                            capture_output=True, text=True, cwd=REPO)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-2000:]
    assert "0 broken" in result.stdout


def test_no_two_modules_import_each_other_even_through_others() -> None:
    assert cycles(graph()) == []


def test_a_cycle_would_be_found() -> None:
    # The checker itself: three modules in a ring, one hanging off it.
    ring = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}
    assert cycles(ring) == [["a", "b", "c"]]


def test_every_module_imports_on_its_own() -> None:
    names = sorted(n for n in modules() if not n.endswith("__main__"))
    code = "import importlib, sys\nfor name in sys.argv[1:]:\n    importlib.import_module(name)\n"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    result = subprocess.run([sys.executable, "-c", code, *names], capture_output=True,
                            text=True, env=env)
    assert result.returncode == 0, result.stderr[-3000:]
