"""Fewer runs of Python's cycle collector while a long text is analysed.

The analysis of a long article allocates millions of small objects, nearly none of them in
reference cycles; with the default thresholds the collector walks them over and over, about a
sixth of the run time of a 10 MB text. While at least one long analysis runs, the first
generation's threshold is raised; the collector still runs, only less often.
"""

from __future__ import annotations

import functools
import gc
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import ParamSpec, TypeVar

LONG_TEXT = 1_000_000  # characters; shorter texts are done before the collector matters
_RELAXED_FIRST_GENERATION = 50_000

_lock = threading.Lock()
_active = 0
_saved: tuple[int, int, int] | None = None

P = ParamSpec("P")
R = TypeVar("R")


@contextmanager
def fewer_collections(size: int) -> Iterator[None]:
    """Raise the collector's first threshold while work on `size` characters runs (when long);
    nested and concurrent uses share one saved setting, restored when the last one ends."""
    global _active, _saved
    if size < LONG_TEXT:
        yield
        return
    with _lock:
        if _active == 0:
            _saved = gc.get_threshold()
            gc.set_threshold(max(_saved[0], _RELAXED_FIRST_GENERATION), *_saved[1:])
        _active += 1
    try:
        yield
    finally:
        with _lock:
            _active -= 1
            if _active == 0 and _saved is not None:
                gc.set_threshold(*_saved)
                _saved = None


def relaxed_for_long_text(work: Callable[P, R]) -> Callable[P, R]:
    """Decorate a function whose first argument has a `.text`: fewer collections while it runs."""

    @functools.wraps(work)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        text = getattr(args[0], "text", "") if args else ""
        with fewer_collections(len(text) if isinstance(text, str) else 0):
            return work(*args, **kwargs)

    return wrapper
