"""Applying analyst corrections to the machine's analysis to give the corrected analysis.

Edits are replayed in order on the base analysis every time, so undo is "replay one fewer" and a
re-extracted text only needs its anchors placed again. An edit that cannot be applied is reported
as a `Problem` and kept in the project, never dropped.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from multivector.corrections.anchor import place_anchor
from multivector.corrections.edits import (
    AREA,
    AddNote,
    Anchor,
    AssignPassage,
    Delete,
    Entry,
    Merge,
    MovePassage,
    NodeSpec,
    RemovePassage,
    Rename,
    Restore,
    SetTier,
)
from multivector.corrections.graph import Graph
from multivector.model.analysis import Analysis, Area, Note, Partner, Span

UNPLACED = "unplaced"  # the passage's quote is not found in the text
MISSING = "missing"  # the node or passage the edit names is not in the analysis
CONFLICT = "conflict"  # the edit does not fit the node (a tier for an area, say)

MEMO = "memo"  # the kind of the analysis notes that hold analysts' memos
NEW_AREA_ICON = "area"  # icon name for areas an analyst creates and that have no parent


@dataclass(frozen=True)
class Problem:
    """An edit that could not be applied to this analysis, and why."""

    entry_id: str
    kind: str
    message: str
    anchor: Anchor | None = None


@dataclass(frozen=True)
class Corrected:
    """The corrected analysis, the edits that could not be applied to it, and the nodes an
    analyst deleted, as they were just before (so they can be listed and restored)."""

    analysis: Analysis
    problems: tuple[Problem, ...]
    removed: tuple[Partner | Area, ...] = ()

    @property
    def unplaced(self) -> tuple[Problem, ...]:
        """The anchors that cannot be placed on the current text."""
        return tuple(p for p in self.problems if p.kind == UNPLACED)


class _Replay:
    def __init__(self, base: Analysis) -> None:
        self.text = base.document.text
        self.graph = Graph(base)
        self.memos: list[Note] = []
        self.problems: list[Problem] = []
        self.removed: dict[str, Partner | Area] = {}
        self._placed: dict[Anchor, Span | None] = {}

    def problem(self, entry: Entry, kind: str, message: str, anchor: Anchor | None = None) -> None:
        self.problems.append(Problem(entry.id, kind, message, anchor))

    def place(self, entry: Entry, anchor: Anchor) -> Span | None:
        if anchor not in self._placed:
            self._placed[anchor] = place_anchor(anchor, self.text)
        span = self._placed[anchor]
        if span is None:
            quote = anchor.exact if len(anchor.exact) <= 60 else anchor.exact[:57] + "..."
            self.problem(entry, UNPLACED, f"passage not found in the text: “{quote}”", anchor)
        return span

    def ensure(self, entry: Entry, spec: NodeSpec) -> bool:
        """The node exists (created from the spec if it was missing) and has the spec's type."""
        found = self.graph.type_of(spec.id)
        if found == spec.type:
            return True
        if found is not None:
            self.problem(entry, CONFLICT, f"{spec.id} is a {found} here, not a {spec.type}")
            return False
        if spec.type == AREA:
            parent = self.graph.areas.get(spec.parent or "")
            self.graph.areas[spec.id] = Area(
                id=spec.id,
                label=spec.name,
                icon=parent.icon if parent else NEW_AREA_ICON,
                parent=spec.parent if parent else None,
                partners=(),
                passages=(),
            )
        else:
            self.graph.partners[spec.id] = Partner(
                id=spec.id,
                name=spec.name,
                kind=spec.kind or "country",
                code=spec.id,
                tier=spec.tier,
                parent=spec.parent if spec.parent in self.graph.partners else None,
                areas=(),
                passages=(),
            )
        return True

    def known(self, entry: Entry, node_id: str) -> bool:
        if self.graph.type_of(node_id) is None:
            self.problem(entry, MISSING, f"no partner or area {node_id} in this analysis")
            return False
        return True

    def remove(self, entry: Entry, node_id: str, span: Span) -> None:
        if self.graph.remove_passage(node_id, span):
            return
        # A partner shows its programs' passages too, so a removal there may mean a program's.
        for child in [p.id for p in self.graph.partners.values() if p.parent == node_id]:
            if self.graph.remove_passage(child, span):
                return
        label = self.graph.label(node_id)
        self.problem(entry, MISSING, f"{label} has no passage at {span.start}-{span.end}")

    def run(self, entry: Entry) -> None:  # noqa: C901 - one branch per kind of edit
        edit = entry.edit
        g = self.graph
        if isinstance(edit, AssignPassage):
            span = self.place(entry, edit.anchor)
            if span is not None and self.ensure(entry, edit.node):
                g.add_passage(edit.node.id, span)
        elif isinstance(edit, RemovePassage):
            span = self.place(entry, edit.anchor)
            if span is not None and self.known(entry, edit.node_id):
                self.remove(entry, edit.node_id, span)
        elif isinstance(edit, MovePassage):
            span = self.place(entry, edit.anchor)
            if span is not None and self.ensure(entry, edit.to):
                if g.type_of(edit.from_id) is not None:
                    g.remove_passage(edit.from_id, span)
                g.add_passage(edit.to.id, span)
        elif isinstance(edit, SetTier):
            if self.known(entry, edit.node_id):
                if edit.node_id not in g.partners:
                    self.problem(entry, CONFLICT, f"{edit.node_id} is an area; areas have no tier")
                else:
                    g.partners[edit.node_id] = replace(g.partners[edit.node_id], tier=edit.tier)
        elif isinstance(edit, Rename):
            if self.known(entry, edit.node_id):
                if edit.node_id in g.partners:
                    g.partners[edit.node_id] = replace(g.partners[edit.node_id], name=edit.name)
                else:
                    g.areas[edit.node_id] = replace(g.areas[edit.node_id], label=edit.name)
        elif isinstance(edit, Merge):
            self.merge(entry, edit)
        elif isinstance(edit, Delete):
            if self.known(entry, edit.node_id):
                self.removed[edit.node_id] = g.partners.get(edit.node_id) or g.areas[edit.node_id]
                g.delete(edit.node_id)
        elif isinstance(edit, AddNote):
            self.note(entry, edit)

    def merge(self, entry: Entry, edit: Merge) -> None:
        if not (self.known(entry, edit.source_id) and self.known(entry, edit.target_id)):
            return
        kinds = {self.graph.type_of(edit.source_id), self.graph.type_of(edit.target_id)}
        if edit.source_id == edit.target_id or len(kinds) != 1:
            self.problem(entry, CONFLICT, f"cannot merge {edit.source_id} into {edit.target_id}")
        elif AREA in kinds:
            self.graph.merge_areas(edit.source_id, edit.target_id)
        else:
            self.graph.merge_partners(edit.source_id, edit.target_id)

    def note(self, entry: Entry, edit: AddNote) -> None:
        spans: tuple[Span, ...] = ()
        if edit.anchor is not None:
            span = self.place(entry, edit.anchor)
            spans = (span,) if span is not None else ()
        message = edit.text
        if edit.node_id is not None:
            if not self.known(entry, edit.node_id):
                return
            message = f"{self.graph.label(edit.node_id)}: {edit.text}"
        self.memos.append(Note(kind=MEMO, message=message, passages=spans))


def _restored(entries: tuple[Entry, ...]) -> tuple[set[str], list[Problem]]:
    """Ids of the entries a Restore cancels (itself and the latest Delete of its node before
    it), and a problem for each Restore with nothing to restore."""
    skip: set[str] = set()
    problems: list[Problem] = []
    for i, entry in enumerate(entries):
        if not isinstance(entry.edit, Restore):
            continue
        node_id = entry.edit.node_id
        delete = next((e for e in reversed(entries[:i]) if e.id not in skip
                       and isinstance(e.edit, Delete) and e.edit.node_id == node_id), None)
        skip.add(entry.id)
        if delete is None:
            problems.append(Problem(entry.id, MISSING, f"{node_id} was not deleted before"))
        else:
            skip.add(delete.id)
    return skip, problems


def apply_corrections(base: Analysis, entries: tuple[Entry, ...]) -> Corrected:
    """The base analysis with the entries' edits applied in order (a Restore takes back the
    latest Delete of its node: the node is replayed as if never deleted)."""
    if not entries:
        return Corrected(base, ())
    replay = _Replay(base)
    skip, restore_problems = _restored(entries)
    replay.problems += restore_problems
    for entry in entries:
        if entry.id not in skip:
            replay.run(entry)
    graph = replay.graph
    analysis = replace(
        base,
        partners=tuple(graph.partners.values()),
        areas=tuple(graph.areas.values()),
        notes=base.notes + tuple(replay.memos),
    )
    # A node deleted and later made again (an analyst assigned to it) is not "removed".
    removed = tuple(node for node_id, node in replay.removed.items()
                    if graph.type_of(node_id) is None)
    return Corrected(analysis, tuple(replay.problems), removed)
