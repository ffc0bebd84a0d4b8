"""The composition root: the one place that knows every part of the window and wires them.

The main window shows an analysis with its own views; corrections, the library docks and the
Help menu are built here and joined to it by signals and narrow hooks."""

from __future__ import annotations

from pathlib import Path

from multivector.qt.common.menus import tidy_toggles
from multivector.qt.common.settings import Settings
from multivector.qt.corrections.wiring import CorrectionsWiring
from multivector.qt.library.docks import LibraryDocks
from multivector.qt.window.help_menu import install_help_menu
from multivector.qt.window.main_window import MainWindow
from multivector.qt.window.palette import PaletteSwitch


def compose_window(settings: Settings, library_db: Path | None = None) -> MainWindow:
    """The explorer window with every feature attached, showing nothing yet."""
    window = MainWindow(settings)

    corrections = CorrectionsWiring(window, window.menus, window.status, window.reader,
                                    window.tree, window.evidence, window.selection)
    window.present = corrections.open_article
    corrections.analysis_ready.connect(window.show_analysis)
    window.open_guards.append(corrections.may_open)
    window.close_guards.append(corrections.may_close)
    # The analyst's choice of the focal country is kept with the corrections.
    window.saved_focal = corrections.saved_focal
    window.focal_chosen = corrections.choose_focal
    corrections.focal_changed.connect(window.reanalyse)

    library = LibraryDocks(window, window.menus, window.status, lambda: window.analysis,
                           window.open_path, window.reader.select_span, db_path=library_db)
    window.analysis_changed.connect(library.analysis_shown)
    window.load_failed.connect(lambda _message: library.load_failed())
    window.plot_ready.connect(library.first_paint_done)
    window.closing.connect(library.shutdown)

    window.palette_switch = PaletteSwitch(window, window.menus, settings)
    window.help_menu = install_help_menu(window)
    tidy_toggles(window.menus.view_menu)
    # Tests and automation reach the features through the window they belong to.
    window.corrections = corrections
    window.library = library
    window.restore_layout()
    return window
