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
from xml.etree import ElementTree

from multivector.model.errors import InputError

MAX_TOTAL = 100 * 1024 * 1024
MAX_MEMBERS = 10_000
MAX_RATIO = 200
_DOCTYPE = re.compile(rb"<!\s*(?:DOCTYPE|ENTITY)", re.IGNORECASE)


def open_zip(data: bytes, name: str) -> zipfile.ZipFile:
    """The archive, checked against the limits; InputError when broken or bomb-like."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, zlib.error, EOFError, ValueError) as exc:
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


def read_member(archive: zipfile.ZipFile, member: str, name: str) -> bytes:
    """One member's bytes, reading no more than the limit whatever the header claims."""
    try:
        with archive.open(member) as handle:
            data = handle.read(MAX_TOTAL + 1)
    except KeyError as exc:
        raise InputError(f"{name}: has no {member} inside") from exc
    except (zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError, RuntimeError) as exc:
        raise InputError(f"{name}: {member} cannot be unpacked ({exc})") from exc
    if len(data) > MAX_TOTAL:
        raise InputError(f"{name}: {member} unpacks to over {MAX_TOTAL / 1e6:.0f} MB (a ZIP bomb?)")
    return data


def parse_xml(data: bytes, name: str, member: str) -> ElementTree.Element:
    """The XML root; a DOCTYPE or ENTITY declaration is refused, so nothing is ever expanded."""
    if _DOCTYPE.search(data):
        raise InputError(f"{name}: {member} declares a DOCTYPE or entities, which documents "
                         "never need; refused for safety")
    try:
        return ElementTree.fromstring(data)
    except ElementTree.ParseError as exc:
        raise InputError(f"{name}: {member} is not well-formed XML ({exc})") from exc


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
