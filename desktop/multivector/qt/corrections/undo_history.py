"""The undo history view and the Edit menu's Undo / Redo actions, for the window to place."""

from __future__ import annotations

from PySide6.QtGui import QAction, QKeySequence, QUndoStack
from PySide6.QtWidgets import QUndoView, QWidget

CLEAN_LABEL = "As extracted"
ASSIGN_TEXT = "&Assign to partner / area..."


class UndoHistoryView(QUndoView):
    """Lists every correction in order; clicking one rolls the corrections back or forward to it."""

    def __init__(self, stack: QUndoStack, parent: QWidget | None = None) -> None:
        super().__init__(stack, parent)
        self.setObjectName("undoHistory")
        self.setEmptyLabel(CLEAN_LABEL)


def undo_redo_actions(stack: QUndoStack, parent: QWidget) -> tuple[QAction, QAction]:
    """Edit > Undo (Ctrl+Z) and Redo (Ctrl+Shift+Z, and the platform's own keys too)."""
    undo = stack.createUndoAction(parent, "&Undo")
    undo.setShortcuts(QKeySequence.keyBindings(QKeySequence.StandardKey.Undo))
    redo = stack.createRedoAction(parent, "&Redo")
    keys = [QKeySequence("Ctrl+Shift+Z")]
    keys += [k for k in QKeySequence.keyBindings(QKeySequence.StandardKey.Redo) if k not in keys]
    redo.setShortcuts(keys)
    undo.setObjectName("undoAction")
    redo.setObjectName("redoAction")
    return undo, redo


def assign_action(parent: QWidget) -> QAction:
    """The "Assign to partner / area..." action for the reader's context menu and the Edit menu
    (Ctrl+Shift+A), enabled while text is selected; the window connects `triggered` to its
    handler."""
    action = QAction(ASSIGN_TEXT, parent)
    action.setObjectName("assignAction")
    action.setShortcut(QKeySequence("Ctrl+Shift+A"))
    action.setStatusTip("Make the selected passage evidence of a partner or an area")
    action.setToolTip("Make the text selected in the article evidence of a partner or an area "
                      "(Ctrl+Shift+A)")
    return action
