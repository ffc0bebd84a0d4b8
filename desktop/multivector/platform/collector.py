"""No runs of Python's cycle collector while a long text is analysed.

The analysis of a long article allocates millions of small objects, none of them in reference
cycles, and keeps most of them to the end; the collector would walk them over and over (a sixth
of the run time of a 10 MB text with the default thresholds, still 7% of a 50 MB text's with
raised ones) and free nothing. While at least one long analysis runs, automatic collection is
paused; it resumes (as it was) when the last one ends, and cycles made meanwhile elsewhere are
collected then.
"""

from __future__ import annotations

import functools
import gc
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import ParamSpec, TypeVar

LONG_TEXT = 1_000_000  # characters; shorter texts are done before the collector matters

_lock = threading.Lock()
_active = 0
_was_enabled = True

P = ParamSpec("P")
R = TypeVar("R")


@contextmanager
def fewer_collections(size: int) -> Iterator[None]:
    """Pause automatic collection while work on `size` characters runs (when long); nested and
    concurrent uses share one pause, ended by the last of them."""
    global _active, _was_enabled
    if size < LONG_TEXT:
        yield
        return
    with _lock:
        if _active == 0:
            _was_enabled = gc.isenabled()
            gc.disable()
        _active += 1
    try:
        yield
    finally:
        with _lock:
            _active -= 1
            if _active == 0 and _was_enabled:
                gc.enable()


def relaxed_for_long_text(work: Callable[P, R]) -> Callable[P, R]:
    """Decorate a function whose first argument has a `.text`: no collections while it runs on
    a long one."""

    @functools.wraps(work)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        text = getattr(args[0], "text", "") if args else ""
        with fewer_collections(len(text) if isinstance(text, str) else 0):
            return work(*args, **kwargs)

    return wrapper
