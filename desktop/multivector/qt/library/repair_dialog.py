"""The window's offer to repair a damaged library, and the repair on a worker: the damaged file
is kept beside the library and the library is rebuilt from what can be read."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QMessageBox, QWidget

from multivector.library.render import plural
from multivector.library.repair import RepairReport


def offer_repair(parent: QWidget | None, path: Path) -> bool:
    """Ask whether to repair the damaged library at `path`; True to repair it now."""
    box = QMessageBox(parent)
    box.setObjectName("libraryRepairDialog")
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle("The library is damaged")
    box.setText("Some pages of the library cannot be read.")
    box.setInformativeText(
        f"{path}\n\nRepair keeps a copy of this file beside it and rebuilds the library from "
        "every article that can still be read. Nothing is deleted.")
    repair = box.addButton("&Repair", QMessageBox.ButtonRole.AcceptRole)
    box.addButton("Not Now", QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(repair)
    box.exec()
    return box.clickedButton() is repair


def repair_message(report: RepairReport) -> str:
    """One line for the status bar."""
    if not report.damaged:
        return "No damage found in the library; nothing was changed"
    parts = [f"Library repaired: {plural(report.saved, 'article')} saved"]
    if report.unreadable:
        parts.append(f"{plural(report.unreadable, 'article')} could not be read")
    if report.reanalyse:
        parts.append(f"{plural(report.reanalyse, 'article')} to analyse again")
    return "; ".join(parts) + f"; the damaged file is kept as {report.kept_as}"
