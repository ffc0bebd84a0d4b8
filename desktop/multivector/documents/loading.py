"""From a path, standard input or pasted text to a `Document` with normalized text."""

from __future__ import annotations

import hashlib
import os
import sys
import unicodedata
from dataclasses import replace
from pathlib import Path

from multivector.documents import metadata
from multivector.model.analysis import Document
from multivector.model.errors import InputError
from multivector.platform.files import NotRegularFile, TooLarge, describe_error, read_regular

MAX_BYTES = 50 * 1024 * 1024


_PIECE = 1 << 20


def normalize_text(text: str) -> str:
    """CRLF and CR to LF, NFC, no trailing spaces before line ends; characters kept as they are."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\ufeff", "")
    text = unicodedata.normalize("NFC", text)
    return _rstrip_lines(text).strip("\n")


def _rstrip_lines(text: str) -> str:
    """Every line without its trailing spaces, a megabyte at a time (a list of every line of a
    50 MB file of short lines would take gigabytes)."""
    pieces, start = [], 0
    while start < len(text):
        stop = text.find("\n", start + _PIECE)
        stop = len(text) if stop < 0 else stop + 1
        pieces.append("\n".join(line.rstrip() for line in text[start:stop].split("\n")))
        start = stop
    return "".join(pieces)


def document_from_text(
    text: str,
    path: str | None = None,
    source_format: str = "text",
    name: str | None = None,
    **known: object,
) -> Document:
    """A document for already-decoded text; `known` metadata (from HTML, say) wins over the header.
    `name` is what error messages call the input (its path when it has one)."""
    text = normalize_text(text)
    if not text.strip():
        raise InputError(f"{name or path or 'input'}: is empty: there is no text to analyse")
    header = metadata.parse_header(text)
    values = metadata.header_values(header)
    values.update({k: v for k, v in known.items() if v is not None})
    year = metadata.document_year(values.get("date"), text, header.body_start)  # type: ignore[arg-type]
    return Document(
        text=text,
        path=path,
        year=year,
        sha256=hashlib.sha256(text.encode("utf-8")).hexdigest(),
        body_start=header.body_start,
        source_format=source_format,
        **values,  # type: ignore[arg-type]
    )


def read_bytes(path: Path, limit: int = MAX_BYTES) -> bytes:
    """The file's bytes, with the size checked before anything is read; only a regular file is
    read (a FIFO or a device is refused at once, never waited on)."""
    name = str(path)
    try:
        data = read_regular(path, limit)
    except NotRegularFile as exc:
        what = "is a folder, not an article file" if exc.kind == "a folder" else \
            f"is {exc.kind}, not an article file"
        raise InputError(f"{name}: {what}") from None
    except TooLarge as exc:
        size = f"is {exc.size / 1e6:.0f} MB, over" if exc.size is not None else "is over"
        raise InputError(f"{name}: {size} the {limit / 1e6:.0f} MB limit for one article") from None
    except (FileNotFoundError, NotADirectoryError):
        raise InputError(f"{name}: no such file") from None
    except OSError as exc:
        raise InputError(f"{name}: cannot be read: {describe_error(exc, name)}") from None
    if not data.strip():
        raise InputError(f"{name}: is empty: there is no text to analyse")
    return data


def load_bytes(data: bytes, name: str, path: str | None = None) -> Document:
    """A document from raw bytes, in any format Multivector reads (chosen by content and name)."""
    from multivector.documents.formats.detect import (
        extract,  # formats pull in optional parsers lazily
    )

    text, fmt, known = extract(data, name)
    return document_from_text(text, path=path, source_format=fmt, name=name, **known)


def load_document(source: str | os.PathLike[str] | None) -> Document:
    """Load FILE, `-` for standard input, or the bundled article when `source` is None."""
    if source is None:
        from multivector.resources import bundled_article

        source = bundled_article()
    if str(source) == "-":
        data = sys.stdin.buffer.read(MAX_BYTES + 1)
        if len(data) > MAX_BYTES:
            raise InputError("standard input: is over the 50 MB limit for one article")
        if not data.strip():
            raise InputError("standard input: is empty: there is no text to analyse")
        return load_bytes(data, "standard input")
    path = Path(source)
    doc = load_bytes(read_bytes(path), str(path), path=str(path.resolve()))
    return replace(doc, path=str(path.resolve()))
