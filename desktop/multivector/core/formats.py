"""Which reader a file needs, by its content first and its name second.

Returns the article text, a format name and any metadata the format carries (an HTML page's
title and date). Plain text and Markdown are read here; richer formats live in their own modules.
"""

from __future__ import annotations

from multivector.core.decoding import decode_bytes


def extract(data: bytes, name: str) -> tuple[str, str, dict[str, object]]:
    """(text, format, metadata) for the bytes of a file called `name`."""
    text, _encoding = decode_bytes(data, name)
    fmt = "markdown" if name.lower().endswith((".md", ".markdown")) else "text"
    return text, fmt, {}
