"""Core benchmark (run by hand, not in CI): prints figures against the issue's goals.

    python benchmarks/bench_core.py

Each figure comes with a baseline measured in the same run on the same machine (a plain word
count over the same text, or a bare interpreter start), since machines here are shared and noisy.
Times are CPU time of this process (time.process_time) unless marked wall.
"""

from __future__ import annotations

import re
import statistics
import subprocess
import sys
import time
from collections.abc import Callable

from multivector.documents.loading import load_document
from multivector.engine.pipeline import analyze_document

_WORDS = re.compile(r"\w+")


def _median_ms(work: Callable[[], object], runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.process_time()
        work()
        times.append(time.process_time() - start)
    return statistics.median(times) * 1000


def _article_of(size: int, seed_text: str) -> str:
    """`size` characters of article-like text: the seed's body paragraphs over and over."""
    body = seed_text.split("\n\n", 1)[1]
    copies = size // len(body) + 1
    return "Publication: Benchmark Volume: 1 Issue: 1\n\n" + "\n\n".join([body] * copies)[:size]


_SIZED_RUN = """
import sys, time
from multivector.documents.loading import load_document
from multivector.engine.pipeline import analyze_document
analyze_document(load_document(None))  # gazetteer and cue caches, as in a running app
start = time.process_time()
analyze_document(load_document(sys.argv[1]))
seconds = time.process_time() - start
status = open('/proc/self/status').read().split('VmHWM:')[1].split()[0]
print(seconds, int(status) / 1024)
"""


def _sized_run(size: int, seed_text: str) -> tuple[float, float]:
    """(CPU seconds, peak MB) of a fresh process that loads a `size`-character article file and
    analyses it: the path the command line takes. Peak memory is the process's whole resident
    peak (VmHWM, interpreter included; not ru_maxrss, which Linux carries across exec)."""
    import tempfile
    from pathlib import Path

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "long.txt"
        path.write_text(_article_of(size, seed_text), "utf-8")
        out = subprocess.run([sys.executable, "-c", _SIZED_RUN, str(path)], capture_output=True,
                             text=True, check=True)
    seconds, peak = out.stdout.split()
    return float(seconds), float(peak)


def _import_ms(statement: str, runs: int = 7) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run([sys.executable, "-c", statement], check=True)
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def main() -> None:
    seed = load_document(None)
    analyze_document(seed)  # warm the gazetteer, taxonomy and cue caches
    seed_ms = _median_ms(lambda: analyze_document(seed), 50)
    seed_words_ms = _median_ms(lambda: _WORDS.findall(seed.text), 50)
    print(f"seed analysis, median of 50:   {seed_ms:8.2f} ms   (goal <= 5 ms; "
          f"baseline word count {seed_words_ms:.3f} ms)")

    # The work budget: time and memory grow with the text, not faster (issue 16's figures:
    # 10 MB in 12 s, 50 MB in 60 s and 1 GB). Each size in a fresh process, side by side.
    goals = {1: (1.0, 150), 10: (12, 400), 50: (60, 1024)}
    results = {mb: _sized_run(mb * 1_000_000, seed.text) for mb in goals}
    words = {}
    for mb in goals:
        article = _article_of(mb * 1_000_000, seed.text)
        words[mb] = _median_ms(lambda article=article: _WORDS.findall(article), 1) / 1000
    print("size     load+analysis (CPU)   per MB    peak memory   goal          baseline word count")
    for mb, (seconds, peak) in results.items():
        goal_s, goal_mb = goals[mb]
        print(f"{mb:3d} MB   {seconds:10.1f} s       {seconds / mb:6.2f} s   {peak:7.0f} MB    "
              f"<= {goal_s:g} s, {goal_mb} MB   {words[mb]:.2f} s")
    bare = _import_ms("pass")
    core = _import_ms("import multivector.engine.pipeline, multivector.documents.loading")
    print(f"core import (wall):            {core - bare:8.0f} ms   (goal <= 150 ms; "
          f"bare interpreter start {bare:.0f} ms subtracted)")


if __name__ == "__main__":
    main()
