"""Corrections exported as W3C Web Annotation JSON-LD and read back, ours and other tools'."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from corrections_sample import SENTENCES, TEXT, analysis, span

from multivector.corrections.anchor import make_anchor
from multivector.corrections.edits import (
    AREA,
    PARTNER,
    AddNote,
    AssignPassage,
    Delete,
    Merge,
    MovePassage,
    NodeSpec,
    RemovePassage,
    Rename,
    SetTier,
    new_entry,
)
from multivector.corrections.webanno import export_web_annotations, import_web_annotations
from multivector.model.errors import InputError

INDIA = NodeSpec(PARTNER, "IND", "India", "country", "secondary")


def anchor(i: int):
    s = span(i)
    return make_anchor(TEXT, s.start, s.end)


ENTRIES = tuple(
    new_entry(e)
    for e in (
        AssignPassage(anchor(5), INDIA),
        RemovePassage(anchor(1), "JPN"),
        MovePassage(anchor(2), "IND", NodeSpec(AREA, "radio", "Radio")),
        SetTier("IND", "primary"),
        Rename("UN", "UNO"),
        Merge("exercises", "training"),
        Delete("UNPTP"),
        AddNote("verify", "IND", anchor(2)),
        AddNote("whole article looks dated"),
    )
)


def test_export_is_an_annotation_collection_with_text_selectors():
    data = export_web_annotations(ENTRIES, analysis())
    json.dumps(data)  # plain JSON all the way down
    assert data["@context"][0] == "http://www.w3.org/ns/anno.jsonld"
    assert data["type"] == "AnnotationCollection"
    assert data["total"] == len(ENTRIES)
    items = data["first"]["items"]
    first = items[0]
    assert first["id"] == ENTRIES[0].id
    assert first["type"] == "Annotation"
    assert first["motivation"] == "tagging"
    assert first["body"][0] == {
        "type": "TextualBody",
        "purpose": "tagging",
        "value": "India",
        "format": "text/plain",
    }
    quote, position = first["target"]["selector"]
    assert quote["type"] == "TextQuoteSelector"
    assert quote["exact"] == SENTENCES[5]
    assert TEXT[position["start"] : position["end"]] == SENTENCES[5]
    assert items[1]["body"][0]["value"] == "not evidence of Japan"
    assert items[7]["motivation"] == "commenting"
    assert items[8]["target"].startswith("urn:multivector:text:sha256:")


def test_our_export_reads_back_unchanged():
    data = json.loads(json.dumps(export_web_annotations(ENTRIES, analysis())))
    entries, skipped = import_web_annotations(data, analysis())
    assert skipped == ()
    assert entries == ENTRIES


def test_other_tools_tags_and_comments_are_read():
    text = TEXT
    foreign = {
        "@context": "http://www.w3.org/ns/anno.jsonld",
        "type": "AnnotationPage",
        "items": [
            {  # a quote only, as Hypothesis-like tools write it, tagging a partner by name
                "id": "https://example.org/anno/1",
                "type": "Annotation",
                "body": [
                    {"type": "TextualBody", "purpose": "tagging", "value": "india"},
                    {"type": "TextualBody", "purpose": "commenting", "value": "radios!"},
                ],
                "target": {
                    "source": "https://example.org/article",
                    "selector": {
                        "type": "TextQuoteSelector",
                        "exact": "supplying radio equipment",
                        "prefix": "secondary partner, ",
                        "suffix": ".",
                    },
                },
            },
            {  # positions only, tagging an area by its label
                "type": "Annotation",
                "body": {"type": "TextualBody", "purpose": "tagging", "value": "Joint exercises"},
                "target": {
                    "source": "x",
                    "selector": {
                        "type": "TextPositionSelector",
                        "start": span(0).start,
                        "end": span(0).end,
                    },
                },
            },
            {  # a tag we do not know
                "id": "anno-3",
                "type": "Annotation",
                "body": {"type": "TextualBody", "purpose": "tagging", "value": "Atlantis"},
                "target": {
                    "source": "x",
                    "selector": {"type": "TextQuoteSelector", "exact": "Gobi"},
                },
            },
            {
                "id": "anno-4",
                "type": "Annotation",
                "body": "hello",
                "target": "https://example.org/",
            },
        ],
    }
    entries, skipped = import_web_annotations(foreign, analysis())
    edits = [e.edit for e in entries]
    assert isinstance(edits[0], AssignPassage)
    assert edits[0].node.id == "IND"
    assert text[edits[0].anchor.start : edits[0].anchor.end] == "supplying radio equipment"
    assert isinstance(edits[1], AddNote)
    assert edits[1].text == "radios!"
    assert isinstance(edits[2], AssignPassage)
    assert (edits[2].node.type, edits[2].node.id) == (AREA, "exercises")
    assert edits[2].anchor.exact == SENTENCES[0]
    assert len(edits) == 3
    assert [s.split(":")[0] for s in skipped] == ["anno-3", "anno-4"]
    assert "Atlantis" in skipped[0]


@pytest.mark.parametrize("data", ["text", 3, {"type": "Person"}])
def test_not_web_annotation_is_input_error(data):
    with pytest.raises(InputError, match="not Web Annotation JSON"):
        import_web_annotations(data, analysis())


def test_corrections_core_loads_no_qt():
    code = (
        "import sys, multivector.corrections.webanno, multivector.corrections.project;"
        "print([m for m in sys.modules"
        " if m.split('.')[0] in ('PySide6', 'pyqtgraph', 'qtawesome')])"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
