"""The text of a Word document (DOCX), read with zipfile and ElementTree: no extra dependency.

Each Word paragraph becomes a paragraph of the text (separated by a blank line); tabs and line
breaks inside it are kept; deleted tracked changes and field codes are left out, as Word hides
them too. Title and author come from the document properties.
"""

from __future__ import annotations

import zipfile
from xml.etree import ElementTree

from multivector.documents.formats.archive import (
    member_chunks,
    open_zip,
    parse_xml,
    read_member,
    xml_events,
)
from multivector.documents.limits import MAX_TEXT, too_much_text
from multivector.model.errors import InputError

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_DC = "{http://purl.org/dc/elements/1.1/}"
_HIDDEN = frozenset({f"{_W}del", f"{_W}instrText", f"{_W}delText", f"{_W}fldChar",
                     f"{_W}footnoteReference", f"{_W}commentReference", f"{_W}rPr", f"{_W}pPr",
                     # a text box's paragraphs are read as paragraphs of their own
                     f"{_W}txbxContent"})


def _paragraph_text(paragraph: ElementTree.Element) -> str:
    parts: list[str] = []

    def walk(node: ElementTree.Element) -> None:
        for child in node:
            if child.tag in _HIDDEN:
                continue
            if child.tag == f"{_W}t":
                parts.append(child.text or "")
            elif child.tag == f"{_W}tab":
                parts.append("\t")
            elif child.tag in (f"{_W}br", f"{_W}cr"):
                parts.append("\n")
            elif child.tag == f"{_W}noBreakHyphen":
                parts.append("\u2011")
            else:
                walk(child)

    walk(paragraph)
    return "".join(parts).strip()


def _properties(archive: zipfile.ZipFile, name: str) -> dict[str, object]:
    member = "docProps/core.xml"
    try:
        root = parse_xml(read_member(archive, member, name), name, member)
    except InputError:
        return {}  # the properties are optional; a broken part must not cost the article
    title = (root.findtext(f"{_DC}title") or "").strip()
    author = (root.findtext(f"{_DC}creator") or "").strip()
    return {k: v for k, v in (("title", title), ("author", author)) if v}


def extract_docx(data: bytes, name: str) -> tuple[str, dict[str, object]]:
    """(text, metadata) of a DOCX file.

    The document part is read as a stream: each paragraph is taken, then dropped from the tree,
    so memory follows one paragraph, not the document; its text may not pass MAX_TEXT."""
    archive = open_zip(data, name)
    member = "word/document.xml"
    paragraphs: list[str] = []
    total = 0
    in_body = False
    for event, element, stack in xml_events(member_chunks(archive, member, name), name, member):
        if element.tag == f"{_W}body":
            in_body = event == "start"
            if not in_body:
                break
            continue
        if event != "end" or element.tag != f"{_W}p" or not in_body:
            continue
        if any(open_element.tag == f"{_W}p" for open_element in stack[:-1]):
            continue  # a paragraph inside a paragraph's text box: read with the outer one
        # the outer paragraph, then those of its text boxes, in document order
        for paragraph in element.iter(f"{_W}p"):
            text = _paragraph_text(paragraph)
            if text:
                paragraphs.append(text)
                total += len(text) + 2
        if total > MAX_TEXT:
            raise InputError(too_much_text(name))
        stack[-2].remove(element)  # done with it: free it
    else:
        raise InputError(f"{name}: word/document.xml has no body")
    text = "\n\n".join(paragraphs)
    if not text.strip():
        raise InputError(f"{name}: the document has no text")
    return text, _properties(archive, name)
