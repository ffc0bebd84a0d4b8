"""Corrections as W3C Web Annotation JSON-LD, so other annotation tools can read them.

Each edit becomes one annotation: passages are targets with a TextQuoteSelector and a
TextPositionSelector; the node is a tagging body by name. The exact edit rides along under our own
`mv:edit` term, so that our own exports come back unchanged. Annotations from other tools are
read by their tags (matched to partners and areas by id or name) and their comments.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from multivector.corrections.anchor import make_anchor, place_anchor
from multivector.corrections.codec import edit_to_dict, entry_from_dict
from multivector.corrections.edits import (
    AREA,
    PARTNER,
    AddNote,
    Anchor,
    AssignPassage,
    Entry,
    MovePassage,
    NodeSpec,
    RemovePassage,
    new_entry,
)
from multivector.model.analysis import Analysis, Document
from multivector.model.errors import InputError

CONTEXT = [
    "http://www.w3.org/ns/anno.jsonld",
    {"@version": 1.1, "mv": "urn:multivector:vocab:", "mv:edit": {"@type": "@json"}},
]


def _source(document: Document) -> str:
    if document.path and document.path != "-":
        return Path(document.path).resolve().as_uri()
    return f"urn:multivector:text:sha256:{document.sha256}"


def _target(source: str, anchor: Anchor | None) -> Any:
    if anchor is None:
        return source
    return {
        "source": source,
        "selector": [
            {
                "type": "TextQuoteSelector",
                "exact": anchor.exact,
                "prefix": anchor.prefix,
                "suffix": anchor.suffix,
            },
            {"type": "TextPositionSelector", "start": anchor.start, "end": anchor.end},
        ],
    }


def _describe(entry: Entry, analysis: Analysis) -> tuple[str, list[dict[str, Any]]]:
    def name(node_id: str | None) -> str:
        partner = analysis.partner(node_id or "")
        area = analysis.area(node_id or "")
        return partner.name if partner else area.label if area else str(node_id)

    def text(purpose: str, value: str) -> dict[str, Any]:
        return {"type": "TextualBody", "purpose": purpose, "value": value, "format": "text/plain"}

    edit = entry.edit
    if isinstance(edit, AssignPassage):
        return "tagging", [text("tagging", edit.node.name)]
    if isinstance(edit, MovePassage):
        return "tagging", [text("tagging", edit.to.name), text("describing", "moved here")]
    if isinstance(edit, RemovePassage):
        return "editing", [text("describing", f"not evidence of {name(edit.node_id)}")]
    if isinstance(edit, AddNote):
        bodies = [text("commenting", edit.text)]
        if edit.node_id:
            bodies.append(text("tagging", name(edit.node_id)))
        return "commenting", bodies
    return "editing", [text("describing", edit_to_dict(edit)["type"])]


def export_web_annotations(entries: tuple[Entry, ...], analysis: Analysis) -> dict[str, Any]:
    """An AnnotationCollection holding one annotation per edit, in the order they were made."""
    source = _source(analysis.document)
    items = []
    for entry in entries:
        motivation, bodies = _describe(entry, analysis)
        anchor = getattr(entry.edit, "anchor", None)
        items.append(
            {
                "id": entry.id,
                "type": "Annotation",
                "motivation": motivation,
                "created": entry.created,
                "body": bodies,
                "target": _target(source, anchor),
                "mv:edit": edit_to_dict(entry.edit),
            }
        )
    return {
        "@context": CONTEXT,
        "id": f"urn:multivector:corrections:{analysis.document.sha256}",
        "type": "AnnotationCollection",
        "label": "Multivector corrections",
        "total": len(items),
        "first": {"type": "AnnotationPage", "startIndex": 0, "items": items},
    }


def _as_list(value: Any) -> list[Any]:
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


def _annotations(data: Any) -> list[Any]:
    if isinstance(data, list):
        return data
    if not isinstance(data, dict):
        raise InputError("not Web Annotation JSON: expected an object or a list of annotations")
    kind = data.get("type")
    if kind == "AnnotationCollection":
        first = data.get("first")
        return _annotations(first) if isinstance(first, dict) else []
    if kind == "AnnotationPage" or "items" in data:
        return _as_list(data.get("items"))
    if kind == "Annotation":
        return [data]
    raise InputError(f"not Web Annotation JSON: unexpected type {kind!r}")


def _anchor(target: Any, text: str) -> Anchor | None:
    for t in _as_list(target):
        if not isinstance(t, dict):
            continue
        quote = pos = None
        for sel in _as_list(t.get("selector")):
            if isinstance(sel, dict) and sel.get("type") == "TextQuoteSelector":
                quote = sel
            elif isinstance(sel, dict) and sel.get("type") == "TextPositionSelector":
                pos = sel
        start = pos.get("start") if pos else None
        end = pos.get("end") if pos else None
        if quote and isinstance(quote.get("exact"), str) and quote["exact"]:
            guess = Anchor(
                start if isinstance(start, int) else 0,
                end if isinstance(end, int) else 0,
                quote["exact"],
                str(quote.get("prefix") or ""),
                str(quote.get("suffix") or ""),
            )
            span = place_anchor(guess, text)
            return guess if span is None else make_anchor(text, span.start, span.end)
        if isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= len(text):
            return make_anchor(text, start, end)
    return None


def _node(value: str, analysis: Analysis) -> NodeSpec | None:
    key = value.strip().casefold()
    for p in analysis.partners:
        if key in (p.id.casefold(), p.name.casefold(), p.code.casefold()):
            return NodeSpec(PARTNER, p.id, p.name, p.kind, p.tier, p.parent)
    for a in analysis.areas:
        if key in (a.id.casefold(), a.label.casefold()):
            return NodeSpec(AREA, a.id, a.label, parent=a.parent)
    return None


def _foreign(item: dict[str, Any], analysis: Analysis, skipped: list[str]) -> list[Entry]:
    label = item.get("id") or "an annotation"
    anchor = _anchor(item.get("target"), analysis.document.text)
    if anchor is None:
        skipped.append(f"{label}: no text passage in its target")
        return []
    entries, reported = [], len(skipped)
    for body in _as_list(item.get("body")):
        value = (
            body if isinstance(body, str) else body.get("value") if isinstance(body, dict) else None
        )
        purpose = body.get("purpose") if isinstance(body, dict) else None
        if not isinstance(value, str) or not value.strip():
            continue
        if purpose in ("tagging", "classifying", "identifying"):
            node = _node(value, analysis)
            if node is None:
                skipped.append(f"{label}: tag {value!r} names no partner or area here")
            else:
                entries.append(new_entry(AssignPassage(anchor, node)))
        elif purpose == "commenting" or item.get("motivation") == "commenting":
            entries.append(new_entry(AddNote(value, None, anchor)))
    if not entries and len(skipped) == reported:
        skipped.append(f"{label}: no tag or comment that Multivector can use")
    return entries


def import_web_annotations(
    data: Any, analysis: Analysis
) -> tuple[tuple[Entry, ...], tuple[str, ...]]:
    """The edits in Web Annotation JSON, and one line per annotation that could not be used."""
    entries: list[Entry] = []
    skipped: list[str] = []
    for item in _annotations(data):
        if not isinstance(item, dict):
            skipped.append("an item that is not an annotation object")
            continue
        ours = item.get("mv:edit")
        if isinstance(ours, dict):
            try:
                entries.append(
                    entry_from_dict({**ours, "id": item.get("id"), "created": item.get("created")})
                )
            except ValueError as err:
                skipped.append(f"{item.get('id') or 'an annotation'}: {err}")
            continue
        entries.extend(_foreign(item, analysis, skipped))
    return tuple(entries), tuple(skipped)
