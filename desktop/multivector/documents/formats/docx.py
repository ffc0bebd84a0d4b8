"""The text of a Word document (DOCX), read with zipfile and ElementTree: no extra dependency.

Each Word paragraph becomes a paragraph of the text (separated by a blank line); tabs and line
breaks inside it are kept; deleted tracked changes and field codes are left out, as Word hides
them too. Title and author come from the document properties.
"""

from __future__ import annotations

import zipfile
from xml.etree import ElementTree

from multivector.documents.formats.archive import open_zip, parse_xml, read_member
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
    """(text, metadata) of a DOCX file."""
    archive = open_zip(data, name)
    root = parse_xml(read_member(archive, "word/document.xml", name), name, "word/document.xml")
    body = root.find(f"{_W}body")
    if body is None:
        raise InputError(f"{name}: word/document.xml has no body")
    paragraphs = [_paragraph_text(p) for p in body.iter(f"{_W}p")]
    text = "\n\n".join(p for p in paragraphs if p)
    if not text.strip():
        raise InputError(f"{name}: the document has no text")
    return text, _properties(archive, name)
