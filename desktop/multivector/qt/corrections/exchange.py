"""File > Export Annotations and Import Annotations: an analyst's coding as W3C Web Annotation
JSON-LD, to move it to and from other annotation tools (corrections/webanno.py does the work)."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QFileDialog, QWidget

from multivector.corrections.webanno import export_web_annotations, import_web_annotations
from multivector.model.errors import InputError
from multivector.platform.storage import atomic_write_text
from multivector.qt.common.menus import MenuSlots, make_action
from multivector.qt.corrections.controller import CorrectionsController

FILTER = "Web Annotation JSON-LD (*.jsonld *.json);;All files (*)"
SUFFIX = ".annotations.jsonld"
MAX_BYTES = 50 * 1024 * 1024


# The questions, as module functions so that tests can answer them.
def ask_save_path(parent: QWidget, suggested: str) -> str | None:
    path, _ = QFileDialog.getSaveFileName(parent, "Export Annotations", suggested, FILTER)
    return path or None


def ask_open_path(parent: QWidget, folder: str) -> str | None:
    path, _ = QFileDialog.getOpenFileName(parent, "Import Annotations", folder, FILTER)
    return path or None


def read_annotations(path: Path) -> object:
    """The JSON in `path`; InputError (one line) when it cannot be read or is not JSON."""
    try:
        if path.stat().st_size > MAX_BYTES:
            raise InputError(f"{path.name}: too large for an annotation file")
        return json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    except UnicodeDecodeError:
        raise InputError(f"{path.name}: is not UTF-8 text") from None
    except json.JSONDecodeError as err:
        raise InputError(f"{path.name}: is not JSON (line {err.lineno})") from None
    except OSError as err:
        raise InputError(f"{path}: cannot be read ({err.strerror or err})") from None


class AnnotationExchange(QObject):
    """The two File menu actions; they work on the open article's controller."""

    def __init__(self, parent: QWidget, menus: MenuSlots,
                 controller: Callable[[], CorrectionsController | None],
                 report: Callable[[str], None]) -> None:
        super().__init__(parent)
        self.parent_widget = parent
        self.controller = controller
        self.report = report
        self.export_action = make_action(
            parent, "&Export Annotations...", self.export,
            "Save this article's coding and corrections as W3C Web Annotations (JSON-LD), "
            "for other annotation tools")
        self.import_action = make_action(
            parent, "&Import Annotations...", self.import_,
            "Add the passages tagged in a W3C Web Annotation file (from another tool, or "
            "exported here) as corrections")
        menus.add_to_file([None, self.export_action, self.import_action])

    def _folder_and_stem(self, ctl: CorrectionsController) -> tuple[Path, str]:
        path = ctl.base.document.path
        if path and path != "-" and ctl.project_path is not None:
            return ctl.project_path.parent, Path(path).stem
        return Path.home(), "annotations"

    def export(self) -> Path | None:
        ctl = self.controller()
        if ctl is None:
            self.report("Open an article first")
            return None
        folder, stem = self._folder_and_stem(ctl)
        chosen = ask_save_path(self.parent_widget, str(folder / f"{stem}{SUFFIX}"))
        if chosen is None:
            return None
        target = Path(chosen)
        data = export_web_annotations(ctl.entries, ctl.analysis)
        try:
            atomic_write_text(target, json.dumps(data, ensure_ascii=False, indent=1))
        except OSError as err:
            self.report(f"Annotations not exported: {err.strerror or err}")
            return None
        count = len(ctl.entries)
        self.report(f"Exported {count} annotation{'s' if count != 1 else ''} to {target}")
        return target

    def import_(self) -> int:
        ctl = self.controller()
        if ctl is None:
            self.report("Open an article first")
            return 0
        folder, _stem = self._folder_and_stem(ctl)
        chosen = ask_open_path(self.parent_widget, str(folder))
        if chosen is None:
            return 0
        try:
            entries, skipped = import_web_annotations(read_annotations(Path(chosen)),
                                                      ctl.analysis)
        except InputError as err:
            self.report(f"Annotations not imported: {err}")
            return 0
        ctl.import_entries(entries, f"Import {len(entries)} annotations from {Path(chosen).name}")
        more = f"; {len(skipped)} skipped ({skipped[0]})" if skipped else ""
        self.report(f"Imported {len(entries)} annotations{more}")
        return len(entries)
