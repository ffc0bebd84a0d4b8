"""The text of an EPUB book or article: its XHTML chapters in reading (spine) order.

container.xml and the package file are parsed as XML with DOCTYPEs refused; the chapters go
through the HTML reader, which never expands entities or fetches anything.
"""

from __future__ import annotations

import posixpath
import zipfile
from xml.etree import ElementTree

from multivector.documents.formats.archive import open_zip, parse_xml, read_member
from multivector.documents.formats.html import extract_html
from multivector.documents.limits import MAX_TEXT, too_much_text
from multivector.model.errors import InputError

MAX_SPINE = 5000  # chapters in reading order; a long book has a few hundred

_CONTAINER = "{urn:oasis:names:tc:opendocument:xmlns:container}"
_OPF = "{http://www.idpf.org/2007/opf}"
_DC = "{http://purl.org/dc/elements/1.1/}"
_XHTML_TYPES = ("application/xhtml+xml", "text/html")


def _package_path(archive: zipfile.ZipFile, name: str) -> str:
    member = "META-INF/container.xml"
    root = parse_xml(read_member(archive, member, name), name, member)
    rootfile = root.find(f".//{_CONTAINER}rootfile")
    path = rootfile.get("full-path") if rootfile is not None else None
    if not path:
        raise InputError(f"{name}: META-INF/container.xml names no package file")
    return path


def _metadata(package: ElementTree.Element) -> dict[str, object]:
    found = {
        "title": package.findtext(f".//{_DC}title"),
        "author": package.findtext(f".//{_DC}creator"),
        "date": package.findtext(f".//{_DC}date"),
        "publication": package.findtext(f".//{_DC}publisher"),
    }
    return {k: v.strip() for k, v in found.items() if v and v.strip()}


def extract_epub(data: bytes, name: str) -> tuple[str, dict[str, object]]:
    """(text, metadata) of an EPUB file."""
    archive = open_zip(data, name)
    package_path = _package_path(archive, name)
    package = parse_xml(read_member(archive, package_path, name), name, package_path)
    base = posixpath.dirname(package_path)
    manifest = {
        item.get("id"): item
        for item in package.iter(f"{_OPF}item")
        if item.get("media-type") in _XHTML_TYPES and item.get("href")
    }
    spine = list(package.iter(f"{_OPF}itemref"))
    if len(spine) > MAX_SPINE:
        raise InputError(f"{name}: its spine lists {len(spine)} chapters, over the {MAX_SPINE} "
                         "a book may have")
    chapters: list[str] = []
    read: set[str] = set()
    total = 0
    for ref in spine:
        item = manifest.get(ref.get("idref"))
        if item is None or ref.get("linear") == "no":
            continue
        member = posixpath.normpath(posixpath.join(base, str(item.get("href")).split("#")[0]))
        if member in read:
            continue  # a chapter the spine names again is read once: its text is there already
        read.add(member)
        markup = read_member(archive, member, name).decode("utf-8", errors="replace")
        try:
            # a chapter of a book is a document, not a web page: its whole text counts
            text, _meta = extract_html(markup, f"{name}:{member}", whole=True)
        except InputError:
            continue  # a cover or an image-only page has no text; the book still does
        chapters.append(text)
        total += len(text) + 2
        if total > MAX_TEXT:
            raise InputError(too_much_text(name))
    text = "\n\n".join(chapters)
    if not text.strip():
        raise InputError(f"{name}: the book has no text in its chapters")
    return text, _metadata(package)
