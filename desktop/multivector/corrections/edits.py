"""Analyst corrections as data: each edit is a frozen record, applied in order to the machine's
analysis to give the corrected one (see `corrections_apply`).

Passages are held as `Anchor`s: offsets plus a quote with context, so that an edit made on one
version of an article's text can be placed again on a re-extracted or slightly changed text.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import UTC, datetime

from multivector.model.analysis import PARTNER_KINDS, TIERS

PARTNER = "partner"
AREA = "area"
NODE_TYPES = (PARTNER, AREA)


@dataclass(frozen=True)
class Anchor:
    """A passage held two ways, like the W3C TextPositionSelector plus TextQuoteSelector."""

    start: int
    end: int
    exact: str
    prefix: str = ""
    suffix: str = ""


@dataclass(frozen=True)
class NodeSpec:
    """Enough to (re)create a partner or area when the analysis lacks it.

    `kind` is a partner kind (country, organization, ...) and ignored for areas.
    """

    type: str
    id: str
    name: str
    kind: str | None = None
    tier: str | None = None
    parent: str | None = None

    def __post_init__(self) -> None:
        if self.type not in NODE_TYPES:
            raise ValueError(f"node type must be one of {NODE_TYPES}, not {self.type!r}")
        if self.type == PARTNER and self.kind not in PARTNER_KINDS:
            raise ValueError(f"partner kind must be one of {PARTNER_KINDS}, not {self.kind!r}")
        if self.tier is not None and self.tier not in TIERS:
            raise ValueError(f"tier must be one of {TIERS} or None, not {self.tier!r}")
        if not self.id or not self.name.strip():
            raise ValueError("a node needs an id and a name")


@dataclass(frozen=True)
class AssignPassage:
    """The passage becomes evidence of the node (created from the spec if the analysis lacks it)."""

    anchor: Anchor
    node: NodeSpec


@dataclass(frozen=True)
class RemovePassage:
    """The passage is no longer evidence of the node (a false positive)."""

    anchor: Anchor
    node_id: str


@dataclass(frozen=True)
class MovePassage:
    """The passage is evidence of another node instead."""

    anchor: Anchor
    from_id: str
    to: NodeSpec


@dataclass(frozen=True)
class SetTier:
    """A partner's tier set by hand (`None` clears it)."""

    node_id: str
    tier: str | None

    def __post_init__(self) -> None:
        if self.tier is not None and self.tier not in TIERS:
            raise ValueError(f"tier must be one of {TIERS} or None, not {self.tier!r}")


@dataclass(frozen=True)
class Rename:
    """A partner's name or an area's label; the id stays, so other edits still find the node."""

    node_id: str
    name: str


@dataclass(frozen=True)
class Merge:
    """The source node's evidence joins the target's and the source goes away."""

    source_id: str
    target_id: str


@dataclass(frozen=True)
class Delete:
    """The node and its evidence go away."""

    node_id: str


@dataclass(frozen=True)
class Restore:
    """A deleted node comes back as it was: the latest Delete of it before this edit is undone,
    whatever came after."""

    node_id: str


@dataclass(frozen=True)
class AddNote:
    """A memo on a node, on a passage, or on a passage of a node."""

    text: str
    node_id: str | None = None
    anchor: Anchor | None = None


Edit = (AssignPassage | RemovePassage | MovePassage | SetTier | Rename | Merge | Delete | Restore
        | AddNote)


@dataclass(frozen=True)
class Entry:
    """One edit as made: with an id (for undo and for Web Annotation ids) and when it was made."""

    id: str
    created: str
    edit: Edit


def new_entry(edit: Edit) -> Entry:
    """An entry for an edit made now."""
    stamp = datetime.now(UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z")
    return Entry(id=f"urn:uuid:{uuid.uuid4()}", created=stamp, edit=edit)


def edited_node_ids(entries: tuple[Entry, ...]) -> frozenset[str]:
    """Ids of the nodes an analyst touched, for marking them apart from machine-only ones."""
    ids: set[str] = set()
    for entry in entries:
        edit = entry.edit
        if isinstance(edit, AssignPassage):
            ids.add(edit.node.id)
        elif isinstance(edit, MovePassage):
            ids |= {edit.from_id, edit.to.id}
        elif isinstance(edit, Merge):
            ids.add(edit.target_id)
        elif isinstance(edit, AddNote):
            if edit.node_id:
                ids.add(edit.node_id)
        elif isinstance(edit, RemovePassage | SetTier | Rename | Restore):
            ids.add(edit.node_id)
    return frozenset(ids)
