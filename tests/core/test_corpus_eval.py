"""The engine on the labelled corpus (tests/corpus) never gets worse: a ratchet.

Raise a floor whenever the engine improves; never lower one. `python benchmarks/eval_corpus.py`
prints what each file gets wrong."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

SCRIPT = Path(__file__).resolve().parents[2] / "benchmarks" / "eval_corpus.py"

# The level reached so far (the floor only ever goes up).
FLOORS = {
    "focal_correct": 24,
    "partners_f1": 0.999,
    "evidence_recall": 0.891,
    "budget_f1": 0.999,
}
MAX_DISTRACTORS_REPORTED = 0  # budget sums that are not the focal budget (goal reached: keep it 0)


@pytest.fixture(scope="module")
def totals() -> dict[str, float]:
    spec = importlib.util.spec_from_file_location("eval_corpus", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look themselves up there
    spec.loader.exec_module(module)
    _scores, found = module.evaluate()
    return found


@pytest.mark.parametrize("figure", sorted(FLOORS))
def test_corpus_figure_holds_its_floor(totals: dict[str, float], figure: str) -> None:
    assert totals[figure] >= FLOORS[figure], f"{figure}: {totals[figure]:.3f} < {FLOORS[figure]}"


def test_distractor_sums_stay_out_of_the_budget(totals: dict[str, float]) -> None:
    assert totals["budget_distractors_reported"] <= MAX_DISTRACTORS_REPORTED


def test_every_file_of_the_corpus_was_scored(totals: dict[str, float]) -> None:
    assert totals["files"] == 24
