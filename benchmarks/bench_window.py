"""Window benchmark (prints figures; not a test). Run: python benchmarks/bench_window.py [--runs N]

1. Start-up, from process launch: first paint of reader and tree, and fully ready with the
   budget plot, against a bare Qt window with the same widgets and text and every heavy module
   (PySide6, qtawesome, pyqtgraph, numpy) imported up front. Both in fresh processes, alternated.
2. The whole `multivector --screenshot` run (launch to exit, PNG written) against the bare
   window doing the same at the same size: show, paint, grab, write a PNG, exit. Wall clock
   and CPU time (user + system, with the processes they waited for), and the load average: on
   a shared machine the wall clock says as much about the neighbours as about the program.
3. Click to highlight: a mouse click on each node of the tree until the reader has repainted
   with its passages highlighted; then until the evidence list and plot have repainted too.
   Median and p95 over every node (both tree shapes, three rounds), on the bundled article and
   on the bundled article repeated 160 times (about 1 MB).
4. Building the window (`multivector.qt.build_window`, analysis done) on the 160-times article,
   in a fresh process; scrolling the reader there with the busiest partner selected; peak
   memory (max RSS).
All runs are off screen (QT_QPA_PLATFORM=offscreen), with our package's bytecode compiled first
(as an installed package has it).
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


def child_bare(article: str, shot: str | None = None) -> None:
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
    win.resize(*((1440, 900) if shot else (1360, 860)))  # a shot: --screenshot's size
    watch = _PaintWatch({"reader": reader, "tree": tree, "plot": plot},
                        lambda: QTimer.singleShot(0, app.quit))
    win.show()
    app.exec()
    first = max(watch.times["reader"], watch.times["tree"])
    if shot:  # as `--screenshot` ends: grab the window and write the PNG
        win.grab().save(shot, "PNG")
    _emit({"first_paint": first, "ready": max(watch.times.values())})


def child_bare_shot(article: str) -> None:
    child_bare(article, shot=str(Path(tempfile.mkdtemp(prefix="mv-bench-")) / "bare.png"))


def child_app(article: str) -> None:
    from multivector.qt.window.app import open_window  # the same start-up as `multivector FILE`

    try:
        app, win = open_window(article, wait=False)
    except TypeError:  # a version whose start-up analysed before the window was built
        app, win = open_window(article)
    from PySide6.QtCore import QTimer

    win.resize(1360, 860)
    times: dict[str, float] = {}

    def first_painted() -> None:
        times["first_paint"] = _since_launch()
        times["text_shown"] = bool(win.reader.toPlainText())

    def maybe_ready() -> None:
        if "analysed" in times and "plot" in times and "ready" not in times:
            times["ready"] = max(times["analysed"], times["plot"])
            QTimer.singleShot(0, app.quit)

    def plot_painted() -> None:
        times["plot"] = _since_launch()
        maybe_ready()

    def analysed(_analysis) -> None:  # noqa: ANN001
        times.setdefault("analysed", _since_launch())
        win.reader.viewport().repaint()  # the highlights on screen
        maybe_ready()

    watch = _PaintWatch({"reader": win.reader, "tree": win.tree.view}, first_painted)
    def watch_plot() -> None:
        win._bench_plot = _PaintWatch({"plot": win.plot}, plot_painted)
        win.plot.viewport().update()  # in case its first paint was already on its way

    win.plot_ready.connect(watch_plot)
    win.analysis_changed.connect(analysed)
    if win.analysis is not None:  # analysed before the window was shown
        times["analysed"] = _since_launch()
    QTimer.singleShot(20_000, app.quit)  # never hang a benchmark run
    win.show()
    app.exec()
    _emit({**times, "reader_tree": watch.times})


def _tree_indexes(view, parent=None) -> list:  # noqa: ANN001
    from PySide6.QtCore import QModelIndex

    parent = parent or QModelIndex()
    model, found = view.model(), []
    for row in range(model.rowCount(parent)):
        index = model.index(row, 0, parent)
        found.append(index)
        found += _tree_indexes(view, index)
    return found


def child_select(article: str) -> None:
    import resource

    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    from multivector.qt import build_window
    from multivector.qt.window.app import make_application

    app = make_application()
    t = time.perf_counter()
    win = build_window(article)  # the contract: the analysis is done when it returns
    open_ms = (time.perf_counter() - t) * 1000
    win.resize(1360, 860)
    win.show()
    win.ensure_plot()
    app.processEvents()
    view = win.tree.view
    samples, full = [], []
    for mode in ("partner", "area"):
        win.set_tree_mode(mode)
        app.processEvents()
        indexes = _tree_indexes(view)
        for _round in range(3):
            for index in indexes:
                view.scrollTo(index)
                center = view.visualRect(index).center()
                app.processEvents()
                t = time.perf_counter()
                QTest.mouseClick(view.viewport(), Qt.MouseButton.LeftButton,
                                 Qt.KeyboardModifier.NoModifier, center)
                win.reader.viewport().repaint()  # the highlight is on screen
                samples.append((time.perf_counter() - t) * 1000)
                app.processEvents()  # evidence list and plot follow
                win.evidence.viewport().repaint()
                win.plot.viewport().repaint()
                full.append((time.perf_counter() - t) * 1000)
    # Scrolling the reader page by page with the busiest partner selected.
    win.set_tree_mode("partner")
    busiest = max(win.analysis.partners, key=lambda p: len(p.passages)).id
    win.select_node(busiest)
    app.processEvents()
    bar = win.reader.verticalScrollBar()
    bar.setValue(0)
    app.processEvents()
    scroll = []
    for _step in range(60):
        t = time.perf_counter()
        bar.setValue(bar.value() + bar.pageStep())
        win.reader.viewport().repaint()
        scroll.append((time.perf_counter() - t) * 1000)
        app.processEvents()
    p95 = lambda xs: sorted(xs)[int(0.95 * (len(xs) - 1))]  # noqa: E731
    _emit({"chars": len(win.analysis.document.text), "open_ms": open_ms, "n": len(samples),
           "median_ms": statistics.median(samples), "p95_ms": p95(samples),
           "full_median_ms": statistics.median(full), "full_p95_ms": p95(full),
           "scroll_median_ms": statistics.median(scroll), "scroll_p95_ms": p95(scroll),
           "busiest": busiest, "busiest_passages": len(win.spans),
           "max_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024})


def _env() -> dict:
    return dict(os.environ, BENCH_T0=repr(time.time()),
                MULTIVECTOR_SETTINGS_DIR=tempfile.mkdtemp(prefix="mv-bench-"))  # not the user's


def _child(kind: str, article: str) -> dict:
    env = dict(os.environ, BENCH_T0=repr(time.time()),
               MULTIVECTOR_SETTINGS_DIR=tempfile.mkdtemp(prefix="mv-bench-"))  # not the user's
    out = subprocess.run([sys.executable, __file__, "--child", kind, article], env=env,
                         capture_output=True, text=True, timeout=900)
    for line in out.stdout.splitlines():
        if line.startswith("BENCH "):
            return json.loads(line[6:])
    raise RuntimeError(f"{kind} child failed:\n{out.stderr[-2000:]}")


def _timed_run(command: list[str]) -> tuple[float, float]:
    """Wall-clock and CPU milliseconds (user + system, with the processes it waited for) of a
    whole process run, launch to exit. CPU time says what a busy machine hides in the wall
    clock: on a shared machine the wall clock depends on what else runs."""
    import resource

    def cpu() -> float:
        used = resource.getrusage(resource.RUSAGE_CHILDREN)
        return (used.ru_utime + used.ru_stime) * 1000

    t, c = time.perf_counter(), cpu()
    out = subprocess.run(command, env=_env(), capture_output=True, text=True, timeout=900)
    ms, cpu_ms = (time.perf_counter() - t) * 1000, cpu() - c
    if out.returncode != 0:
        raise RuntimeError(f"{command} failed:\n{out.stderr[-2000:]}")
    return ms, cpu_ms


def screenshot_runs(article: str) -> tuple[tuple[float, float], tuple[float, float]]:
    """The whole `--screenshot` run and the bare window's, alternated: (wall, CPU) of each."""
    shot = str(Path(tempfile.mkdtemp(prefix="mv-bench-")) / "shot.png")
    bare = _timed_run([sys.executable, __file__, "--child", "bare_shot", article])
    ours = _timed_run([sys.executable, "-m", "multivector", article, "--screenshot", shot])
    return bare, ours


def big_article(seed: Path, times: int = 160) -> Path:
    """The bundled article's body repeated `times` times under its header (about 1 MB)."""
    text = seed.read_text(encoding="utf-8")
    header, _, body = text.partition("\n\n")
    path = Path(tempfile.gettempdir()) / f"multivector-bench-{times}x.txt"
    path.write_text("\n\n".join([header] + [body] * times), encoding="utf-8")
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
        {"bare": child_bare, "bare_shot": child_bare_shot, "app": child_app,
         "select": child_select}[args.child](args.article)
        return
    from multivector.resources import bundled_article

    # Bytecode for our package, as an installed one has (pip compiles it at install; the bare
    # window's libraries have theirs): a checkout run with PYTHONDONTWRITEBYTECODE would
    # compile every module of ours from source at every start.
    import compileall

    import multivector

    compileall.compile_dir(Path(multivector.__file__).parent, quiet=1)
    seed = Path(args.seed) if args.seed else bundled_article()
    bare, app, shots = [], [], []
    for _ in range(args.runs):
        bare.append(_child("bare", str(seed)))
        app.append(_child("app", str(seed)))
        shots.append(screenshot_runs(str(seed)))
    med = lambda rows, key: statistics.median(r[key] for r in rows)  # noqa: E731
    b_first, b_ready, a_first, a_ready = med(bare, "first_paint"), med(bare, "ready"), med(app, "first_paint"), med(app, "ready")
    b_shot, a_shot = statistics.median(s[0][0] for s in shots), statistics.median(s[1][0] for s in shots)
    b_cpu, a_cpu = statistics.median(s[0][1] for s in shots), statistics.median(s[1][1] for s in shots)
    print(f"start-up (median of {args.runs}, ms from process launch)")
    print(f"  bare window: first paint {b_first:6.0f}   ready with plot {b_ready:6.0f}   whole shot run {b_shot:6.0f}")
    print(f"  Multivector: first paint {a_first:6.0f}   ready with plot {a_ready:6.0f}   whole shot run {a_shot:6.0f}")
    print(f"  Multivector: analysis shown (tree, highlights) {med(app, 'analysed'):6.0f}")
    print(f"  ratio: first paint {a_first / b_first:.2f}x (goal <= 0.70)   ready {a_ready / b_ready:.2f}x   "
          f"whole --screenshot run {a_shot / b_shot:.2f}x (goal <= 1.30)")
    print(f"  CPU time of the whole shot run (user + system): bare {b_cpu:.0f} ms, Multivector "
          f"{a_cpu:.0f} ms ({a_cpu / b_cpu:.2f}x); load average {os.getloadavg()[0]:.2f} "
          f"on {os.cpu_count()} cores")
    rows = [("bundled article", _child("select", str(seed)), 16)]
    if not args.skip_big:
        rows.append(("160-times article", _child("select", str(big_article(seed))), 100))
    for name, sel, goal in rows:
        print(f"click to highlight, {name} ({sel['chars']} chars, {sel['n']} clicks): "
              f"median {sel['median_ms']:.1f} ms, p95 {sel['p95_ms']:.1f} ms (goal p95 <= {goal}); "
              f"all panes painted: median {sel['full_median_ms']:.1f}, p95 {sel['full_p95_ms']:.1f} ms")
        print(f"  build_window {sel['open_ms'] / 1000:.2f} s{' (goal <= 2)' if goal == 100 else ''}; "
              f"scrolling a page with {sel['busiest']} selected ({sel['busiest_passages']} passages): "
              f"median {sel['scroll_median_ms']:.1f}, p95 {sel['scroll_p95_ms']:.1f} ms; "
              f"max RSS {sel['max_rss_mb']:.0f} MB")


if __name__ == "__main__":
    main()
