"""Library speed: adding 1,000 generated articles (goal <= 20 s, real analysis engine included),
full-text search over them (goal <= 50 ms median), opening the library pane (goal <= 200 ms);
and, for information, the one-time migration of a 1,000-article library of schema 1 and the page
check that writers and `library list` make.

Run: python benchmarks/bench_library.py [--count 1000]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests" / "core"))

from articlegen import generate_many, truth_analyzer  # noqa: E402

from multivector.library.store import Library  # noqa: E402

QUERIES = ("falcon", "cobalt", "Kenya", '"coastal patrols"', "gran*", "budget", "ASEAN OR Japan",
           "peacekeeping missions", "shillings", "zebra")


def _line(what: str, seconds: float, goal: float) -> None:
    verdict = "ok" if seconds <= goal else "OVER GOAL"
    print(f"{what:<48} {seconds * 1000:10.1f} ms   goal {goal * 1000:8.0f} ms   {verdict}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--count", type=int, default=1000)
    args = parser.parse_args()
    articles = generate_many(args.count, seed=2024)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "articles"
        folder.mkdir()
        for i, article in enumerate(articles):
            (folder / f"article{i:04d}.txt").write_text(article.text, encoding="utf-8")

        from multivector.engine.pipeline import analyze_document

        analyze_document(articles[0].truth.document)  # loads gazetteers once, as the app does
        start = time.perf_counter()
        for article in articles:
            analyze_document(article.truth.document)
        print(f"{'  of which the analysis engine alone':<48} "
              f"{(time.perf_counter() - start) * 1000:10.1f} ms")
        with Library(Path(tmp) / "engine.sqlite3") as library:
            start = time.perf_counter()
            results, errors = library.add_paths([folder])
            _line(f"add {len(results)} articles (real engine)", time.perf_counter() - start, 20.0)
            assert not errors, errors[:3]
        with Library(Path(tmp) / "stored.sqlite3", analyzer=truth_analyzer(articles),
                     fingerprint="bench") as library:
            start = time.perf_counter()
            library.add_paths([folder])
            _line(f"add {args.count} articles (storage only)", time.perf_counter() - start, 20.0)
            start = time.perf_counter()
            library.check()
            print(f"{'page check (quick_check) of the library':<48} "
                  f"{(time.perf_counter() - start) * 1000:10.1f} ms")

        from librarygen import schema_1

        old = schema_1(Path(tmp) / "schema1.sqlite3",
                       [(a.truth.document.sha256, a.text, a.date, a.year) for a in articles])
        start = time.perf_counter()
        with Library(old) as library:
            assert library.count() == args.count
        print(f"{'migrate a library of schema 1 (once)':<48} "
              f"{(time.perf_counter() - start) * 1000:10.1f} ms")

        with Library(Path(tmp) / "engine.sqlite3") as library:
            timings = []
            for _round in range(5):
                for query in QUERIES:
                    start = time.perf_counter()
                    library.search(query)
                    timings.append(time.perf_counter() - start)
            _line(f"search, median of {len(timings)}", statistics.median(timings), 0.050)
            print(f"{'search, slowest':<48} {max(timings) * 1000:10.1f} ms")

            from PySide6.QtWidgets import QApplication

            app = QApplication.instance() or QApplication([])
            start = time.perf_counter()
            from multivector.qt.library.pane import LibraryPane

            print(f"{'import the pane module (once per session)':<48} "
                  f"{(time.perf_counter() - start) * 1000:10.1f} ms")
            opens = []
            for _round in range(5):
                start = time.perf_counter()
                pane = LibraryPane(library)
                pane.resize(900, 600)
                pane.show()
                app.processEvents()
                opens.append(time.perf_counter() - start)
                assert pane.model.rowCount() == args.count
                pane.close()
                pane.deleteLater()
                app.processEvents()
            # The first widget of a process also pays for fonts and style; in the app the
            # main window has paid that before the pane opens.
            print(f"{'open the pane, first in a cold process':<48} {opens[0] * 1000:10.1f} ms")
            _line("open the library pane (shown, painted), median", statistics.median(opens),
                  0.200)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
