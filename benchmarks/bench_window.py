"""Window benchmark (prints figures; not a test). Run: python benchmarks/bench_window.py [--runs N]

1. Start-up, from process launch: first paint of reader and tree, and fully ready with the
   budget plot, against a bare Qt window with the same widgets and text and every heavy module
   (PySide6, qtawesome, pyqtgraph, numpy) imported up front. Both in fresh processes, alternated.
2. Node selection to highlight (selection, extra selections, evidence, plot, and a synchronous
   repaint of the reader): median and p95 over every node, on the bundled article and ~1 MB one.
3. Peak memory (max RSS) with the ~1 MB article open.
All runs are off screen (QT_QPA_PLATFORM=offscreen).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
T_LAUNCH = float(os.environ.get("BENCH_T0", "0") or 0)


def _since_launch() -> float:
    return (time.time() - T_LAUNCH) * 1000


def _emit(data: dict) -> None:
    sys.stdout.write("BENCH " + json.dumps(data) + "\n")
    sys.stdout.flush()


class _PaintWatch:
    """Records the first paint of each watched widget, then calls `done` when all have painted."""

    def __init__(self, widgets: dict, done) -> None:  # noqa: ANN001
        from PySide6.QtCore import QEvent, QObject

        self.times: dict[str, float] = {}
        names = {w.viewport() if hasattr(w, "viewport") else w: n for n, w in widgets.items()}
        watch = self

        class Filter(QObject):
            def eventFilter(self, obj, event):  # noqa: ANN001, N802, ANN201
                if event.type() == QEvent.Type.Paint and obj in names and names[obj] not in watch.times:
                    watch.times[names[obj]] = _since_launch()
                    if len(watch.times) == len(names):
                        done()
                return False

        self.filter = Filter()
        for obj in names:
            obj.installEventFilter(self.filter)


def child_bare(article: str) -> None:
    import numpy  # noqa: F401
    import pyqtgraph as pg
    import qtawesome as qta
    from PySide6.QtCore import Qt, QTimer
    from PySide6.QtGui import QStandardItem, QStandardItemModel
    from PySide6.QtWidgets import (
        QApplication,
        QDockWidget,
        QListView,
        QMainWindow,
        QPlainTextEdit,
        QTreeView,
    )

    app = QApplication([])
    text = Path(article).read_text(encoding="utf-8")
    win = QMainWindow()
    reader = QPlainTextEdit()
    reader.setReadOnly(True)
    reader.setPlainText(text)
    win.setCentralWidget(reader)
    model = QStandardItemModel()
    for i in range(30):
        model.appendRow(QStandardItem(qta.icon("mdi6.flag-variant"), f"node {i}"))
    tree = QTreeView()
    tree.setModel(model)
    plot = pg.PlotWidget()
    plot.addItem(pg.BarGraphItem(x=[2006, 2007], height=[1, 2], width=0.6))
    for widget, area in ((tree, Qt.DockWidgetArea.LeftDockWidgetArea), (QListView(), Qt.DockWidgetArea.RightDockWidgetArea),
                         (plot, Qt.DockWidgetArea.RightDockWidgetArea)):
        dock = QDockWidget()
        dock.setWidget(widget)
        win.addDockWidget(area, dock)
    win.resize(1360, 860)
    watch = _PaintWatch({"reader": reader, "tree": tree, "plot": plot},
                        lambda: QTimer.singleShot(0, app.quit))
    win.show()
    app.exec()
    first = max(watch.times["reader"], watch.times["tree"])
    _emit({"first_paint": first, "ready": max(watch.times.values())})


def child_app(article: str) -> None:
    from multivector.qt.window.app import open_window  # the same start-up as `multivector FILE`

    app, win = open_window(article)
    from PySide6.QtCore import QTimer

    win.resize(1360, 860)
    times: dict[str, float] = {}

    def first_painted() -> None:
        times["first_paint"] = _since_launch()

    def plot_painted() -> None:
        times["ready"] = _since_launch()
        QTimer.singleShot(0, app.quit)

    watch = _PaintWatch({"reader": win.reader, "tree": win.tree.view}, first_painted)
    def watch_plot() -> None:
        win._bench_plot = _PaintWatch({"plot": win.plot}, plot_painted)
        win.plot.viewport().update()  # in case its first paint was already on its way

    win.plot_ready.connect(watch_plot)
    QTimer.singleShot(20_000, app.quit)  # never hang a benchmark run
    win.show()
    app.exec()
    _emit({**times, "reader_tree": watch.times})


def child_select(article: str) -> None:
    import resource

    from multivector.qt.window.app import make_application

    app = make_application()
    from multivector.qt.common.settings import Settings
    from multivector.qt.window.main_window import MainWindow

    t = time.perf_counter()
    win = MainWindow(Settings.open())
    win.open_path_now(article)
    open_ms = (time.perf_counter() - t) * 1000
    win.resize(1360, 860)
    win.show()
    win.ensure_plot()
    app.processEvents()
    samples, full = [], []
    for mode in ("partner", "area"):
        win.set_tree_mode(mode)
        refs = win.tree.node_refs()
        for _round in range(3):
            for ref in refs:
                t = time.perf_counter()
                win.select_node(ref)
                win.reader.viewport().repaint()  # the highlight is on screen
                samples.append((time.perf_counter() - t) * 1000)
                app.processEvents()  # evidence list and plot follow
                win.evidence.viewport().repaint()
                win.plot.viewport().repaint()
                full.append((time.perf_counter() - t) * 1000)
    samples.sort()
    full.sort()
    p95 = lambda xs: xs[int(0.95 * (len(xs) - 1))]  # noqa: E731
    _emit({"chars": len(win.analysis.document.text), "open_ms": open_ms, "n": len(samples),
           "median_ms": statistics.median(samples), "p95_ms": p95(samples),
           "full_median_ms": statistics.median(full), "full_p95_ms": p95(full),
           "max_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024})


def _child(kind: str, article: str) -> dict:
    env = dict(os.environ, BENCH_T0=repr(time.time()),
               MULTIVECTOR_SETTINGS_DIR=tempfile.mkdtemp(prefix="mv-bench-"))  # not the user's
    out = subprocess.run([sys.executable, __file__, "--child", kind, article], env=env,
                         capture_output=True, text=True, timeout=900)
    for line in out.stdout.splitlines():
        if line.startswith("BENCH "):
            return json.loads(line[6:])
    raise RuntimeError(f"{kind} child failed:\n{out.stderr[-2000:]}")


def big_article(seed: Path, target: int = 1_000_000) -> Path:
    """~1 MB: the bundled article's body repeated under one header."""
    text = seed.read_text(encoding="utf-8")
    header, _, body = text.partition("\n\n")
    parts = [header]
    while sum(map(len, parts)) < target:
        parts.append(body)
    path = Path(tempfile.gettempdir()) / "multivector-bench-1mb.txt"
    path.write_text("\n\n".join(parts), encoding="utf-8")
    return path


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--child")
    parser.add_argument("article", nargs="?")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--skip-big", action="store_true")
    parser.add_argument("--seed", help="article to use instead of the bundled one")
    args = parser.parse_args()
    if args.child:
        {"bare": child_bare, "app": child_app, "select": child_select}[args.child](args.article)
        return
    from multivector.resources import bundled_article

    seed = Path(args.seed) if args.seed else bundled_article()
    bare, app = [], []
    for _ in range(args.runs):
        bare.append(_child("bare", str(seed)))
        app.append(_child("app", str(seed)))
    med = lambda rows, key: statistics.median(r[key] for r in rows)  # noqa: E731
    b_first, b_ready, a_first, a_ready = med(bare, "first_paint"), med(bare, "ready"), med(app, "first_paint"), med(app, "ready")
    print(f"start-up (median of {args.runs}, ms from process launch)")
    print(f"  bare window: first paint {b_first:6.0f}   ready with plot {b_ready:6.0f}")
    print(f"  Multivector: first paint {a_first:6.0f}   ready with plot {a_ready:6.0f}")
    print(f"  ratio: first paint {a_first / b_first:.2f}x (goal <= 0.7)   ready {a_ready / b_ready:.2f}x (goal <= 1.3)")
    sel = _child("select", str(seed))
    print(f"selection to highlight, bundled article ({sel['chars']} chars, {sel['n']} selections): "
          f"median {sel['median_ms']:.1f} ms, p95 {sel['p95_ms']:.1f} ms (goal p95 <= 16); "
          f"all panes painted: median {sel['full_median_ms']:.1f}, p95 {sel['full_p95_ms']:.1f} ms")
    if not args.skip_big:
        big = _child("select", str(big_article(seed)))
        print(f"selection to highlight, {big['chars'] / 1e6:.2f} M chars ({big['n']} selections): "
              f"median {big['median_ms']:.1f} ms, p95 {big['p95_ms']:.1f} ms (goal p95 <= 100); "
              f"all panes: median {big['full_median_ms']:.1f}, p95 {big['full_p95_ms']:.1f} ms; "
              f"open + analysis {big['open_ms'] / 1000:.1f} s; max RSS {big['max_rss_mb']:.0f} MB")
    print(f"max RSS with the bundled article: {sel['max_rss_mb']:.0f} MB")


if __name__ == "__main__":
    main()
