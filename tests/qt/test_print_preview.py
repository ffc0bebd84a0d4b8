"""Print preview off screen, and the File menu's print and export actions."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "core"))
from PySide6.QtGui import QKeySequence  # noqa: E402
from PySide6.QtPrintSupport import QPrintPreviewWidget  # noqa: E402
from PySide6.QtWidgets import QFileDialog, QMenu, QWidget  # noqa: E402
from summary_sample import sample_analysis  # noqa: E402

from multivector.qt.printing.export import install_print_actions, make_preview_dialog  # noqa: E402


def test_print_preview_paints_pages_off_screen(qtbot: object) -> None:
    dialog = make_preview_dialog(None, sample_analysis())
    qtbot.addWidget(dialog)  # type: ignore[attr-defined]
    painted: list[object] = []
    dialog.paintRequested.connect(painted.append)
    dialog.show()
    qtbot.waitUntil(lambda: len(painted) >= 1, timeout=10_000)  # type: ignore[attr-defined]
    preview = dialog.findChild(QPrintPreviewWidget)
    assert preview is not None
    qtbot.waitUntil(lambda: preview.pageCount() >= 1, timeout=10_000)  # type: ignore[attr-defined]
    assert preview.pageCount() >= 1
    assert "Mongolia" in dialog.windowTitle()
    dialog.close()


def _menu(qtbot: object, node: str | None = None, analysis: object = "sample"
          ) -> tuple[QMenu, dict[str, object]]:
    parent = QWidget()
    qtbot.addWidget(parent)  # type: ignore[attr-defined]
    menu = QMenu(parent)
    value = sample_analysis() if analysis == "sample" else analysis
    install_print_actions(menu, parent, lambda: value, lambda: node)  # type: ignore[arg-type]
    actions = {a.text().replace("&", ""): a for a in menu.actions() if a.text()}
    return menu, actions


def test_menu_has_print_preview_selection_and_every_export(qtbot: object) -> None:
    _menu_, actions = _menu(qtbot)
    assert list(actions) == [
        "Print...", "Print Preview...", "Print Summary of Selection...", "Export PDF...",
        "Export Markdown...", "Export HTML...", "Export JSON...",
        "Export CSV (partner, area, passage rows)...",
    ]
    assert actions["Print..."].shortcut() == QKeySequence(QKeySequence.StandardKey.Print)


def test_selection_printing_needs_a_selected_node(qtbot: object) -> None:
    menu, actions = _menu(qtbot, node=None)
    menu.aboutToShow.emit()
    assert actions["Print..."].isEnabled()
    assert not actions["Print Summary of Selection..."].isEnabled()
    menu, actions = _menu(qtbot, node="NATO")
    menu.aboutToShow.emit()
    assert actions["Print Summary of Selection..."].isEnabled()
    menu, actions = _menu(qtbot, analysis=None)
    menu.aboutToShow.emit()
    assert not any(a.isEnabled() for a in actions.values())


@pytest.mark.parametrize(("label", "suffix", "needle"), [
    ("Export Markdown...", ".md", "# Mongolia: defense and security cooperation"),
    ("Export HTML...", ".html", "<!DOCTYPE html>"),
    ("Export JSON...", ".json", '"kind": "multivector-summary"'),
    ("Export CSV (partner, area, passage rows)...", ".csv", "IPCP,Individual Partnership"),
])
def test_exports_write_the_chosen_file(qtbot: object, tmp_path: Path,
                                       monkeypatch: pytest.MonkeyPatch, label: str,
                                       suffix: str, needle: str) -> None:
    target = tmp_path / "out"  # no suffix given: the export adds its own
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        staticmethod(lambda *args, **kwargs: (str(target), "")))
    _menu_, actions = _menu(qtbot)
    actions[label].trigger()
    written = target.with_suffix(suffix)
    assert needle in written.read_text(encoding="utf-8")


def test_export_pdf_writes_a_pdf(qtbot: object, tmp_path: Path,
                                 monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "summary.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        staticmethod(lambda *args, **kwargs: (str(target), "")))
    _menu_, actions = _menu(qtbot)
    actions["Export PDF..."].trigger()
    assert target.read_bytes().startswith(b"%PDF")


def test_cancelled_export_writes_nothing(qtbot: object, tmp_path: Path,
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        staticmethod(lambda *args, **kwargs: ("", "")))
    monkeypatch.chdir(tmp_path)
    _menu_, actions = _menu(qtbot)
    actions["Export Markdown..."].trigger()
    assert list(tmp_path.iterdir()) == []


def test_export_confirms_and_proposes_a_name_beside_the_article(
        qtbot: object, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from dataclasses import replace

    article = tmp_path / "mongolia-neighbours.txt"
    article.write_text("x", encoding="utf-8")
    analysis = sample_analysis()
    analysis = replace(analysis, document=replace(analysis.document, path=str(article)))
    proposed: list[str] = []
    target = tmp_path / "out.md"

    def ask(*args: object, **kwargs: object) -> tuple[str, str]:
        proposed.append(str(args[2]))
        return str(target), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(ask))
    parent, reports = QWidget(), []
    menu = QMenu(parent)
    install_print_actions(menu, parent, lambda: analysis, lambda: None, reports.append)
    next(a for a in menu.actions() if a.text() == "Export &Markdown...").trigger()
    assert proposed == [str(tmp_path / "mongolia-neighbours-summary.md")]
    assert reports == [f"Summary exported to {target}"]
