"""Corrections to and from plain JSON values, for the project file and for Web Annotation export.

Reading is strict: anything malformed raises `ValueError` naming what is wrong, so that a damaged
file is refused whole rather than half-read.
"""

from __future__ import annotations

from typing import Any

from multivector.corrections.edits import (
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
)

_TYPES: dict[type, str] = {
    AssignPassage: "assign",
    RemovePassage: "remove",
    MovePassage: "move",
    SetTier: "tier",
    Rename: "rename",
    Merge: "merge",
    Delete: "delete",
    Restore: "restore",
    AddNote: "note",
}


def anchor_to_dict(anchor: Anchor) -> dict[str, Any]:
    return {
        "start": anchor.start,
        "end": anchor.end,
        "exact": anchor.exact,
        "prefix": anchor.prefix,
        "suffix": anchor.suffix,
    }


def node_to_dict(node: NodeSpec) -> dict[str, Any]:
    return {
        "type": node.type,
        "id": node.id,
        "name": node.name,
        "kind": node.kind,
        "tier": node.tier,
        "parent": node.parent,
    }


def edit_to_dict(edit: Edit) -> dict[str, Any]:
    """The edit as a JSON object whose "type" says which edit it is."""
    out: dict[str, Any] = {"type": _TYPES[type(edit)]}
    if isinstance(edit, AssignPassage):
        out |= {"anchor": anchor_to_dict(edit.anchor), "node": node_to_dict(edit.node)}
    elif isinstance(edit, RemovePassage):
        out |= {"anchor": anchor_to_dict(edit.anchor), "node_id": edit.node_id}
    elif isinstance(edit, MovePassage):
        out |= {
            "anchor": anchor_to_dict(edit.anchor),
            "from_id": edit.from_id,
            "to": node_to_dict(edit.to),
        }
    elif isinstance(edit, SetTier):
        out |= {"node_id": edit.node_id, "tier": edit.tier}
    elif isinstance(edit, Rename):
        out |= {"node_id": edit.node_id, "name": edit.name}
    elif isinstance(edit, Merge):
        out |= {"source_id": edit.source_id, "target_id": edit.target_id}
    elif isinstance(edit, Delete | Restore):
        out |= {"node_id": edit.node_id}
    elif isinstance(edit, AddNote):
        out |= {
            "text": edit.text,
            "node_id": edit.node_id,
            "anchor": anchor_to_dict(edit.anchor) if edit.anchor else None,
        }
    return out


def entry_to_dict(entry: Entry) -> dict[str, Any]:
    return {"id": entry.id, "created": entry.created, **edit_to_dict(entry.edit)}


def _get(obj: Any, key: str, kind: type | tuple[type, ...], optional: bool = False) -> Any:
    if not isinstance(obj, dict):
        raise ValueError(f"expected an object holding {key!r}, found {type(obj).__name__}")
    value = obj.get(key)
    if value is None and optional:
        return None
    # bool is an int in Python, but never a valid offset here
    if not isinstance(value, kind) or (isinstance(value, bool) and kind is not bool):
        raise ValueError(f"{key!r} is missing or not a {getattr(kind, '__name__', kind)}")
    return value


def anchor_from_dict(obj: Any) -> Anchor:
    anchor = Anchor(
        start=_get(obj, "start", int),
        end=_get(obj, "end", int),
        exact=_get(obj, "exact", str),
        prefix=_get(obj, "prefix", str, optional=True) or "",
        suffix=_get(obj, "suffix", str, optional=True) or "",
    )
    if anchor.start < 0 or anchor.end <= anchor.start or not anchor.exact:
        raise ValueError(f"passage {anchor.start}-{anchor.end} is not a stretch of text")
    return anchor


def node_from_dict(obj: Any) -> NodeSpec:
    return NodeSpec(
        type=_get(obj, "type", str),
        id=_get(obj, "id", str),
        name=_get(obj, "name", str),
        kind=_get(obj, "kind", str, optional=True),
        tier=_get(obj, "tier", str, optional=True),
        parent=_get(obj, "parent", str, optional=True),
    )


def edit_from_dict(obj: Any) -> Edit:  # noqa: C901 - one branch per kind of edit
    """The edit an `edit_to_dict` object stands for; ValueError when it is malformed."""
    kind = _get(obj, "type", str)
    if kind == "assign":
        return AssignPassage(anchor_from_dict(obj.get("anchor")), node_from_dict(obj.get("node")))
    if kind == "remove":
        return RemovePassage(anchor_from_dict(obj.get("anchor")), _get(obj, "node_id", str))
    if kind == "move":
        return MovePassage(
            anchor_from_dict(obj.get("anchor")),
            _get(obj, "from_id", str),
            node_from_dict(obj.get("to")),
        )
    if kind == "tier":
        return SetTier(_get(obj, "node_id", str), _get(obj, "tier", str, optional=True))
    if kind == "rename":
        return Rename(_get(obj, "node_id", str), _get(obj, "name", str))
    if kind == "merge":
        return Merge(_get(obj, "source_id", str), _get(obj, "target_id", str))
    if kind == "delete":
        return Delete(_get(obj, "node_id", str))
    if kind == "restore":
        return Restore(_get(obj, "node_id", str))
    if kind == "note":
        anchor = obj.get("anchor")
        return AddNote(
            text=_get(obj, "text", str),
            node_id=_get(obj, "node_id", str, optional=True),
            anchor=anchor_from_dict(anchor) if anchor is not None else None,
        )
    raise ValueError(f"unknown kind of edit {kind!r}")


def entry_from_dict(obj: Any) -> Entry:
    return Entry(
        id=_get(obj, "id", str), created=_get(obj, "created", str), edit=edit_from_dict(obj)
    )
