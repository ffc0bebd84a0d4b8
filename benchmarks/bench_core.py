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

from multivector.documents.loading import document_from_text, load_document
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


def _peak_memory_mb(size: int) -> float:
    """Peak resident memory of a fresh process analysing `size` characters, in MB."""
    # VmHWM, not ru_maxrss: Linux carries ru_maxrss across exec, so a child started by this
    # (large) process would report this process's peak.
    code = (
        "import sys\n"
        "from multivector.engine.pipeline import analyze_document\n"
        "from multivector.documents.loading import document_from_text, load_document\n"
        f"seed = load_document(None).text\nbody = seed.split(chr(10)*2, 1)[1]\n"
        f"text = (chr(10)*2).join([body] * ({size} // len(body) + 1))[:{size}]\n"
        "analyze_document(document_from_text(text))\n"
        "status = open('/proc/self/status').read().split('VmHWM:')[1].split()[0]\n"
        "print(int(status) / 1024)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return float(out.stdout.split()[0])


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

    one_mb = document_from_text(_article_of(1_000_000, seed.text))
    ten_mb = document_from_text(_article_of(10_000_000, seed.text))
    one_ms = _median_ms(lambda: analyze_document(one_mb), 3)
    ten_ms = _median_ms(lambda: analyze_document(ten_mb), 1)
    one_words = _median_ms(lambda: _WORDS.findall(one_mb.text), 3)
    print(f"1 MB article:                  {one_ms:8.0f} ms   (goal <= 1000 ms; "
          f"baseline word count {one_words:.0f} ms)")
    print(f"10 MB article:                 {ten_ms:8.0f} ms   ({ten_ms / one_ms:.1f}x the 1 MB time; "
          "goal <= 10x)")
    print(f"peak memory, 1 MB article:     {_peak_memory_mb(1_000_000):8.0f} MB   (goal <= 150 MB; "
          f"process total, interpreter included)")
    bare = _import_ms("pass")
    core = _import_ms("import multivector.engine.pipeline, multivector.documents.loading")
    print(f"core import (wall):            {core - bare:8.0f} ms   (goal <= 150 ms; "
          f"bare interpreter start {bare:.0f} ms subtracted)")


if __name__ == "__main__":
    main()
