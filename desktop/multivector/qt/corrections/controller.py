"""The corrections of one article: edits through a QUndoStack, the corrected analysis, saving,
debounced autosave and recovery. The window wires its actions and views to this one object."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal, Slot
from PySide6.QtGui import QUndoStack

from multivector.corrections.anchor import make_anchor
from multivector.corrections.apply import Corrected, Problem, apply_corrections
from multivector.corrections.edits import (
    AREA,
    AddNote,
    Anchor,
    AssignPassage,
    Delete,
    Edit,
    Entry,
    Merge,
    MovePassage,
    NodeSpec,
    RemovePassage,
    Rename,
    Restore,
    SetTier,
    edited_node_ids,
    new_entry,
)
from multivector.corrections.nodes import spec_of
from multivector.corrections.project import (
    Project,
    discard_autosave,
    load_project,
    project_path_for,
    recovery_for,
    save_project,
    write_autosave,
)
from multivector.model.analysis import TIERS, Analysis, Area, Partner, Span
from multivector.model.errors import InputError
from multivector.qt.corrections.undo_commands import FocalCommand, command_for

AUTOSAVE_MS = 1500  # quiet time after the last edit before the autosave is written


class CorrectionsController(QObject):
    """Owns the undo stack and the corrections of one article and announces the corrected
    analysis; views read `analysis` and never apply edits themselves."""

    analysis_changed = Signal(object)  # the corrected Analysis
    problems_changed = Signal(object)  # tuple[Problem, ...]: edits that could not be applied
    dirty_changed = Signal(bool)
    saved = Signal(str)  # the project path
    focal_changed = Signal(object)  # str | None: the analyst's choice of the focal country
    autosave_failed = Signal(str)  # one line, for the status bar

    def __init__(
        self,
        base: Analysis,
        project_path: Path | None = None,
        autosave_ms: int = AUTOSAVE_MS,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._base = base
        self._loaded: tuple[Entry, ...] = ()  # from the project file; below the undo history
        self._applied: list[Entry] = []  # pushed by the undo stack's commands
        self._corrected = Corrected(base, ())
        self._focal: str | None = None  # kept in the project; the window analyses with it
        doc_path = base.document.path
        if project_path is None and doc_path and doc_path != "-":
            project_path = project_path_for(Path(doc_path))
        self.project_path: Path | None = Path(project_path) if project_path else None
        self.undo_stack = QUndoStack(self)
        self.undo_stack.cleanChanged.connect(self._clean_changed)
        self._autosave = QTimer(self)
        self._autosave.setSingleShot(True)
        self._autosave.setInterval(autosave_ms)
        self._autosave.timeout.connect(self.autosave_now)

    # -- state ---------------------------------------------------------------------------

    @property
    def base(self) -> Analysis:
        return self._base

    @property
    def analysis(self) -> Analysis:
        """The corrected analysis."""
        return self._corrected.analysis

    @property
    def problems(self) -> tuple[Problem, ...]:
        return self._corrected.problems

    @property
    def focal(self) -> str | None:
        """The analyst's choice of the country the article is about (None: detected)."""
        return self._focal

    def set_focal(self, code: str | None) -> None:
        """What the focal command does and undoes: keep the choice, ask for a new analysis."""
        if code != self._focal:
            self._focal = code
            self.focal_changed.emit(code)
            if self.project_path is not None:
                self._autosave.start()

    def choose_focal(self, code: str | None, name: str) -> None:
        """The analyst's choice of the focal country, as one undoable step."""
        if code != self._focal:
            self.undo_stack.push(FocalCommand(self, self._focal, code, name))

    @property
    def removed(self) -> tuple[Partner | Area, ...]:
        """The partners and areas an analyst deleted, as they were (to list and restore)."""
        return self._corrected.removed

    @property
    def entries(self) -> tuple[Entry, ...]:
        return self._loaded + tuple(self._applied)

    @property
    def is_dirty(self) -> bool:
        return not self.undo_stack.isClean()

    def edited_nodes(self) -> frozenset[str]:
        """Ids of nodes an analyst touched, to mark them (a pencil) apart from machine ones."""
        return edited_node_ids(self.entries)

    def node_label(self, node_id: str) -> str:
        partner, area = self.analysis.partner(node_id), self.analysis.area(node_id)
        if partner is None and area is None:
            gone = next((n for n in self.removed if n.id == node_id), None)
            return (gone.name if isinstance(gone, Partner) else gone.label) if gone else node_id
        return partner.name if partner else area.label if area else node_id

    def set_base(self, base: Analysis) -> None:
        """A new machine analysis (re-extracted text): the same corrections, placed again."""
        self._base = base
        self._refresh()

    @Slot(bool)
    def _clean_changed(self, clean: bool) -> None:
        self.dirty_changed.emit(not clean)

    # -- what the undo commands call -------------------------------------------------------

    def append_entry(self, entry: Entry) -> None:
        self._applied.append(entry)
        self._changed()

    def remove_entry(self, entry: Entry) -> None:
        self._applied.remove(entry)
        self._changed()

    def _changed(self) -> None:
        self._refresh()
        if self.project_path is not None:
            self._autosave.start()  # restarts: many quick edits give one write

    def _refresh(self) -> None:
        before = self._corrected.problems
        self._corrected = apply_corrections(self._base, self.entries)
        self.analysis_changed.emit(self._corrected.analysis)
        if self._corrected.problems != before:
            self.problems_changed.emit(self._corrected.problems)

    # -- edits -----------------------------------------------------------------------------

    def _push(self, edit: Edit) -> Entry:
        entry = new_entry(edit)
        self.undo_stack.push(command_for(self, entry))
        return entry

    def _spec(self, target: str | NodeSpec) -> NodeSpec:
        if isinstance(target, NodeSpec):
            return target
        spec = spec_of(self.analysis, target)
        if spec is None:
            raise InputError(f"no partner or area {target!r} to assign to")
        return spec

    def _need(self, node_id: str) -> None:
        if spec_of(self.analysis, node_id) is None:
            raise InputError(f"no partner or area {node_id!r}")

    def _anchor(self, span: Span) -> Anchor:
        return make_anchor(self.analysis.document.text, span.start, span.end)

    def assign(self, span: Span, target: str | NodeSpec) -> Entry:
        """Make the passage evidence of an existing node (by id) or of a new one (a spec)."""
        return self._push(AssignPassage(self._anchor(span), self._spec(target)))

    def remove_passage(self, span: Span, node_id: str) -> Entry:
        self._need(node_id)
        return self._push(RemovePassage(self._anchor(span), node_id))

    def move_passage(self, span: Span, from_id: str, to: str | NodeSpec) -> Entry:
        self._need(from_id)
        return self._push(MovePassage(self._anchor(span), from_id, self._spec(to)))

    def set_tier(self, partner_id: str, tier: str | None) -> Entry:
        if self.analysis.partner(partner_id) is None:
            raise InputError(f"no partner {partner_id!r}; only partners have a tier")
        if tier is not None and tier not in TIERS:
            raise InputError(f"tier must be one of {', '.join(TIERS)} or none, not {tier!r}")
        return self._push(SetTier(partner_id, tier))

    def rename(self, node_id: str, name: str) -> Entry:
        self._need(node_id)
        if not name.strip():
            raise InputError("a name cannot be empty")
        return self._push(Rename(node_id, " ".join(name.split())))

    def merge(self, source_id: str, target_id: str) -> Entry:
        source, target = spec_of(self.analysis, source_id), spec_of(self.analysis, target_id)
        if source is None or target is None:
            raise InputError(f"cannot merge {source_id!r} into {target_id!r}: no such node")
        if source_id == target_id or source.type != target.type:
            kinds = "an area with an area" if AREA in (source.type, target.type) else "partners"
            raise InputError(f"cannot merge {source.name} into {target.name}: merge {kinds}")
        return self._push(Merge(source_id, target_id))

    def delete(self, node_id: str) -> Entry:
        self._need(node_id)
        return self._push(Delete(node_id))

    def import_entries(self, entries: tuple[Entry, ...], text: str) -> None:
        """Edits read from elsewhere (an annotation file), undone and redone as one step."""
        if not entries:
            return
        self.undo_stack.beginMacro(text)
        for entry in entries:
            self.undo_stack.push(command_for(self, entry))
        self.undo_stack.endMacro()

    def restore(self, node_id: str) -> Entry:
        """Bring back a node an analyst deleted, with its passages."""
        if all(n.id != node_id for n in self.removed):
            raise InputError(f"{node_id!r} was not deleted; nothing to restore")
        return self._push(Restore(node_id))

    def add_note(self, text: str, node_id: str | None = None, span: Span | None = None) -> Entry:
        if not text.strip():
            raise InputError("a note cannot be empty")
        if node_id is not None:
            self._need(node_id)
        anchor = self._anchor(span) if span is not None else None
        return self._push(AddNote(text.strip(), node_id, anchor))

    # -- keeping it ------------------------------------------------------------------------

    def project(self) -> Project:
        doc = self._base.document
        name = Path(doc.path).name if doc.path and doc.path != "-" else None
        return Project(article_sha256=doc.sha256, entries=self.entries, article_name=name,
                       focal=self._focal)

    def _path(self, path: Path | None) -> Path:
        chosen = Path(path) if path is not None else self.project_path
        if chosen is None:
            raise InputError("this article has no file to keep its project beside; choose one")
        return chosen

    def save(self, path: Path | None = None) -> Path:
        """Save atomically (InputError or OSError leave the previous file and the state as is)."""
        target = self._path(path)
        save_project(target, self.project())
        self.project_path = target
        self._autosave.stop()
        self.undo_stack.setClean()
        discard_autosave(target)
        self.saved.emit(str(target))
        return target

    def load(self, path: Path | None = None) -> tuple[Problem, ...]:
        """Open a project; on InputError nothing changes, here or in the file."""
        source = self._path(path)
        project = load_project(source)
        self.project_path = source
        self._focal = project.focal  # the window analysed with it already (saved_focal)
        self._reset(project.entries)
        return self.problems

    def recovery_available(self) -> Project | None:
        """Autosaved work newer than the last clean save, to offer when the article opens."""
        return recovery_for(self.project_path) if self.project_path is not None else None

    def recover(self, recovered: Project) -> None:
        """Take the autosaved work back; it stays unsaved (and undoable) until saved."""
        assert self.project_path is not None
        saved: tuple[Entry, ...] = ()
        if self.project_path.exists():
            try:
                saved = load_project(self.project_path).entries
            except InputError:
                saved = ()
        if recovered.entries[: len(saved)] != saved:
            saved = ()
        self._reset(saved)
        if saved == ():
            self.undo_stack.resetClean()  # the file on disk matches no state of this history
        if recovered.focal != self._focal:
            self.set_focal(recovered.focal)
        extra = recovered.entries[len(saved) :]
        if extra:
            self.undo_stack.beginMacro("Recovered unsaved work")
            for entry in extra:
                self.undo_stack.push(command_for(self, entry))
            self.undo_stack.endMacro()

    def discard_recovery(self) -> None:
        if self.project_path is not None:
            discard_autosave(self.project_path)

    def autosave_now(self) -> None:
        """Write (or, when back at the clean state, remove) the autosave file."""
        self._autosave.stop()
        if self.project_path is None:
            return
        try:
            if self.is_dirty:
                write_autosave(self.project_path, self.project())
            else:
                discard_autosave(self.project_path)
        except (InputError, OSError) as err:
            self.autosave_failed.emit(f"autosave failed: {err}")

    def _reset(self, loaded: tuple[Entry, ...]) -> None:
        self._autosave.stop()
        self.undo_stack.clear()
        self._applied.clear()
        self._loaded = loaded
        self.undo_stack.setClean()
        self._refresh()
