"""The two questions that keep an analyst's corrections: recover unsaved work on opening, and save
before closing."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QWidget

from multivector.model.errors import InputError
from multivector.qt.corrections.controller import CorrectionsController

Button = QMessageBox.StandardButton


def offer_recovery(controller: CorrectionsController, parent: QWidget | None = None) -> bool:
    """When autosaved work is newer than the last clean save, ask to recover it; True if taken.

    Closing the question keeps the autosave for next time; only Discard removes it.
    """
    recovered = controller.recovery_available()
    if recovered is None:
        return False
    box = QMessageBox(parent)
    box.setObjectName("recoveryPrompt")
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle("Recover corrections")
    box.setText(
        f"There are {len(recovered.entries)} corrections that were not saved cleanly "
        "(the program may have stopped). Recover them?"
    )
    box.setStandardButtons(Button.Yes | Button.Discard | Button.Cancel)
    box.setDefaultButton(Button.Yes)
    answer = box.exec()
    if answer == Button.Yes:
        controller.recover(recovered)
        return True
    if answer == Button.Discard:
        controller.discard_recovery()
    return False


def confirm_close(controller: CorrectionsController, parent: QWidget | None = None) -> bool:
    """Ask to save unsaved corrections before closing; True when closing may go ahead."""
    if not controller.is_dirty:
        return True
    answer = QMessageBox.question(
        parent,
        "Unsaved corrections",
        "Save your corrections before closing?",
        Button.Save | Button.Discard | Button.Cancel,
        Button.Save,
    )
    if answer == Button.Cancel:
        return False
    if answer == Button.Discard:
        controller.discard_recovery()
        return True
    try:
        controller.save()
    except (InputError, OSError) as err:
        QMessageBox.warning(parent, "Corrections not saved", str(err))
        return False
    return True
