"""Safe reading of ZIP-based documents (DOCX, EPUB): size limits and entity-free XML.

A ZIP bomb is refused before anything is inflated: by the sizes the archive declares, by the
compression ratio, and again while reading, since declared sizes can lie. XML with a DOCTYPE is
refused outright, so no entity (internal "billion laughs" or external) is ever expanded.
"""

from __future__ import annotations

import io
import re
import zipfile
import zlib
from collections.abc import Iterable, Iterator
from xml.etree import ElementTree

from multivector.model.errors import InputError

MAX_TOTAL = 100 * 1024 * 1024
MAX_MEMBERS = 10_000
MAX_RATIO = 200
MAX_XML = 30 * 1024 * 1024  # one XML part (a DOCX's text, an EPUB chapter): some 3,000 pages
MAX_DEPTH = 200  # elements inside elements; Word's deepest (tables in tables) stay far below
_DOCTYPE = re.compile(rb"<!\s*(?:DOCTYPE|ENTITY)", re.IGNORECASE)


def open_zip(data: bytes, name: str) -> zipfile.ZipFile:
    """The archive, checked against the limits; InputError when broken or bomb-like."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, zlib.error, EOFError, ValueError, NotImplementedError) as exc:
        # NotImplementedError: a damaged header claims a ZIP version or method nobody wrote
        raise InputError(f"{name}: is a damaged ZIP archive ({exc})") from exc
    infos = archive.infolist()
    if len(infos) > MAX_MEMBERS:
        raise InputError(f"{name}: holds {len(infos)} files, too many for a document")
    total = sum(info.file_size for info in infos)
    if total > MAX_TOTAL:
        raise InputError(f"{name}: would unpack to {total / 1e6:.0f} MB, over the "
                         f"{MAX_TOTAL / 1e6:.0f} MB limit (a ZIP bomb?)")
    for info in infos:
        if info.file_size > 1_000_000 and info.file_size > MAX_RATIO * max(info.compress_size, 1):
            ratio = info.file_size // max(info.compress_size, 1)
            raise InputError(f"{name}: {info.filename} is compressed {ratio} to 1, "
                             "which no document needs (a ZIP bomb?)")
    return archive


def read_member(archive: zipfile.ZipFile, member: str, name: str, limit: int = MAX_XML) -> bytes:
    """One member's bytes, reading no more than the limit whatever the header claims."""
    return b"".join(member_chunks(archive, member, name, limit))


def _refuse_doctype(chunk: bytes, name: str, member: str) -> None:
    if _DOCTYPE.search(chunk):
        raise InputError(f"{name}: {member} declares a DOCTYPE or entities, which documents "
                         "never need; refused for safety")


def xml_events(chunks: Iterable[bytes], name: str,
               member: str) -> Iterator[tuple[str, ElementTree.Element, list[ElementTree.Element]]]:
    """("start" | "end", element, open elements) as the XML in `chunks` is read, the tree built
    as it goes (a caller may clear what it is done with). A DOCTYPE or ENTITY declaration is
    refused, so nothing is ever expanded; so is nesting deeper than MAX_DEPTH, which no document
    needs and which would exhaust the recursion of whatever walks the tree."""
    parser = ElementTree.XMLPullParser(events=("start", "end"))
    stack: list[ElementTree.Element] = []
    tail = b""
    try:
        for chunk in chunks:
            _refuse_doctype(tail + chunk, name, member)  # a declaration split between chunks too
            tail = chunk[-16:]
            parser.feed(chunk)
            yield from _drain(parser, stack, name, member)
        parser.close()
        yield from _drain(parser, stack, name, member)
    except ElementTree.ParseError as exc:
        raise InputError(f"{name}: {member} is not well-formed XML ({exc})") from None


def _drain(parser: ElementTree.XMLPullParser, stack: list[ElementTree.Element], name: str,
           member: str) -> Iterator[tuple[str, ElementTree.Element, list[ElementTree.Element]]]:
    for event, element in parser.read_events():
        if event == "start":
            stack.append(element)  # type: ignore[arg-type]
            if len(stack) > MAX_DEPTH:
                raise InputError(f"{name}: {member} nests elements over {MAX_DEPTH} deep, which "
                                 "no document does; refused")
            yield event, element, stack  # type: ignore[misc]
        else:
            yield event, element, stack  # type: ignore[misc]
            stack.pop()


def parse_xml(data: bytes, name: str, member: str) -> ElementTree.Element:
    """The XML root, read with the limits of `xml_events`."""
    root: ElementTree.Element | None = None
    for event, element, stack in xml_events([data], name, member):
        if event == "end" and len(stack) == 1:
            root = element
    if root is None:
        raise InputError(f"{name}: {member} is not well-formed XML (no root element)")
    return root


def member_chunks(archive: zipfile.ZipFile, member: str, name: str,
                  limit: int = MAX_XML) -> Iterator[bytes]:
    """A member's bytes a megabyte at a time, never more than `limit` in all (whatever the
    archive's header claims), so a large part is read without holding it whole."""
    try:
        info = archive.getinfo(member)
    except KeyError:
        raise InputError(f"{name}: has no {member} inside") from None
    if info.file_size > limit:
        raise InputError(f"{name}: {member} unpacks to {info.file_size / 1e6:.0f} MB, over the "
                         f"{limit / 1e6:.0f} MB a document may hold")
    read = 0
    try:
        with archive.open(info) as handle:
            while chunk := handle.read(1 << 20):
                read += len(chunk)
                if read > limit:
                    raise InputError(f"{name}: {member} unpacks to over {limit / 1e6:.0f} MB, "
                                     "more than a document may hold")
                yield chunk
    except (zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError, RuntimeError,
            ValueError) as exc:  # ValueError: a damaged offset points before the archive
        raise InputError(f"{name}: {member} cannot be unpacked ({exc})") from None


def zip_kind(data: bytes, name: str) -> str | None:
    """"docx", "epub", or None for any other ZIP archive."""
    archive = open_zip(data, name)
    names = set(archive.namelist())
    if "mimetype" in names:
        mimetype = read_member(archive, "mimetype", name)[:100].strip()
        if mimetype == b"application/epub+zip":
            return "epub"
    if "word/document.xml" in names:
        return "docx"
    return None
