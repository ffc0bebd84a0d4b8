"""Saved web page benchmark (run by hand): the time to load a saved page with our own reader
alone (before issue 17) and through trafilatura (after), side by side in one run, and what the
first import of trafilatura costs a fresh process.

    python benchmarks/bench_webpage.py

Pages are built by tests/core/pagegen.py (a story amid menus, teasers, a cookie banner,
comments and a footer), at their natural size and repeated to a long page. Times are CPU time of
this process (time.process_time), median of several runs.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests" / "core"))

from pagegen import saved_page  # noqa: E402

from multivector.documents.formats.html import extract_html  # noqa: E402
from multivector.documents.formats.webpage import extract_webpage  # noqa: E402


def _median_ms(work: Callable[[], object], runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.process_time()
        work()
        times.append(time.process_time() - start)
    return statistics.median(times) * 1000


def _long_page(copies: int) -> str:
    page = saved_page("article")
    head, _, rest = page.partition("<article")
    story, _, tail = rest.partition("</article>")
    return head + ("<article" + story + "</article>") + ("<div>" + story.split(">", 1)[1]
                                                        + "</div>") * copies + tail


def _import_ms(statement: str, runs: int = 5) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run([sys.executable, "-c", statement], check=True)
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def main() -> None:
    extract_webpage(saved_page(), "warm.html")  # imports and caches, as in a running app
    pages = {"news page": saved_page(), "long page (x200)": _long_page(200)}
    print(f"{'page':20s} {'size':>9s}   {'ours (before)':>14s}   {'trafilatura (after)':>20s}")
    for label, page in pages.items():
        runs = 20 if len(page) < 100_000 else 3
        before = _median_ms(lambda page=page: extract_html(page, "p.html"), runs)
        after = _median_ms(lambda page=page: extract_webpage(page, "p.html"), runs)
        print(f"{label:20s} {len(page) / 1000:7.0f} kB   {before:11.1f} ms   {after:17.1f} ms")
    bare = _import_ms("pass")
    traf = _import_ms("import trafilatura")
    print(f"first import of trafilatura (wall): {traf - bare:.0f} ms (paid when a page is "
          f"opened, never at start-up; bare interpreter {bare:.0f} ms subtracted)")


if __name__ == "__main__":
    main()
