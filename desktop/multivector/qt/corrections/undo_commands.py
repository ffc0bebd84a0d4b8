"""One QUndoCommand per kind of correction; each adds its entry on redo and takes it back on undo.

The commands hold no analysis: the controller replays the entries on the base analysis, so undo
is exact whatever the edit did.
"""

from __future__ import annotations

from typing import Protocol

from PySide6.QtGui import QUndoCommand

from multivector.corrections.edits import (
    AddNote,
    AssignPassage,
    Delete,
    Entry,
    Merge,
    MovePassage,
    RemovePassage,
    Rename,
    Restore,
    SetTier,
)


class EntrySink(Protocol):
    """What a command edits: the controller's list of entries."""

    def append_entry(self, entry: Entry) -> None: ...

    def remove_entry(self, entry: Entry) -> None: ...

    def node_label(self, node_id: str) -> str: ...


def _quote(text: str, size: int = 40) -> str:
    text = " ".join(text.split())
    return f"“{text}”" if len(text) <= size else f"“{text[: size - 1]}…”"


class EditCommand(QUndoCommand):
    """Base of the correction commands: redo appends the entry, undo removes it."""

    def __init__(self, sink: EntrySink, entry: Entry) -> None:
        super().__init__()
        self.sink = sink
        self.entry = entry
        self.setText(self.describe())

    def describe(self) -> str:
        return "Edit"

    def redo(self) -> None:
        self.sink.append_entry(self.entry)

    def undo(self) -> None:
        self.sink.remove_entry(self.entry)


class AssignCommand(EditCommand):
    """Assign a passage to a partner or an area."""

    def describe(self) -> str:
        edit = self.entry.edit
        assert isinstance(edit, AssignPassage)
        return f"Assign {_quote(edit.anchor.exact)} to {edit.node.name}"


class RemovePassageCommand(EditCommand):
    """Remove a passage from a node."""

    def describe(self) -> str:
        edit = self.entry.edit
        assert isinstance(edit, RemovePassage)
        return f"Remove {_quote(edit.anchor.exact)} from {self.sink.node_label(edit.node_id)}"


class MovePassageCommand(EditCommand):
    """Move a passage from one node to another."""

    def describe(self) -> str:
        edit = self.entry.edit
        assert isinstance(edit, MovePassage)
        source = self.sink.node_label(edit.from_id)
        return f"Move {_quote(edit.anchor.exact)} from {source} to {edit.to.name}"


class SetTierCommand(EditCommand):
    """Change a partner's tier."""

    def describe(self) -> str:
        edit = self.entry.edit
        assert isinstance(edit, SetTier)
        return f"Set tier of {self.sink.node_label(edit.node_id)} to {edit.tier or 'none'}"


class RenameCommand(EditCommand):
    """Rename a partner or an area."""

    def describe(self) -> str:
        edit = self.entry.edit
        assert isinstance(edit, Rename)
        return f"Rename {self.sink.node_label(edit.node_id)} to {edit.name}"


class MergeCommand(EditCommand):
    """Merge one node into another."""

    def describe(self) -> str:
        edit = self.entry.edit
        assert isinstance(edit, Merge)
        label = self.sink.node_label
        return f"Merge {label(edit.source_id)} into {label(edit.target_id)}"


class DeleteCommand(EditCommand):
    """Delete a node."""

    def describe(self) -> str:
        edit = self.entry.edit
        assert isinstance(edit, Delete)
        return f"Delete {self.sink.node_label(edit.node_id)}"


class RestoreCommand(EditCommand):
    """Bring a deleted node back."""

    def describe(self) -> str:
        edit = self.entry.edit
        assert isinstance(edit, Restore)
        return f"Restore {self.sink.node_label(edit.node_id)}"


class AddNoteCommand(EditCommand):
    """Add a memo to a node or a passage."""

    def describe(self) -> str:
        edit = self.entry.edit
        assert isinstance(edit, AddNote)
        where = f" on {self.sink.node_label(edit.node_id)}" if edit.node_id else ""
        return f"Note{where}: {_quote(edit.text, 30)}"


class FocalSink(Protocol):
    """What the focal command changes: the controller's choice of the focal country."""

    def set_focal(self, code: str | None) -> None: ...


class FocalCommand(QUndoCommand):
    """Choose the country the article is about (the window analyses the article again)."""

    def __init__(self, sink: FocalSink, old: str | None, new: str | None, name: str) -> None:
        super().__init__(f"About: {name}" if new else "About: detected from the text")
        self.sink, self.old, self.new = sink, old, new

    def redo(self) -> None:
        self.sink.set_focal(self.new)

    def undo(self) -> None:
        self.sink.set_focal(self.old)


_COMMANDS: dict[type, type[EditCommand]] = {
    AssignPassage: AssignCommand,
    RemovePassage: RemovePassageCommand,
    MovePassage: MovePassageCommand,
    SetTier: SetTierCommand,
    Rename: RenameCommand,
    Merge: MergeCommand,
    Delete: DeleteCommand,
    Restore: RestoreCommand,
    AddNote: AddNoteCommand,
}


def command_for(sink: EntrySink, entry: Entry) -> EditCommand:
    """The undo command for an entry, by the kind of its edit."""
    return _COMMANDS[type(entry.edit)](sink, entry)
