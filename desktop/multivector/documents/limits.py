"""Limits that bound the work a document can cause, not only its size on disk.

A file is refused over MAX_BYTES before it is read; a document that unpacks or decodes to more
than MAX_TEXT characters of text (a 2 MB DOCX can hold 90 MB of text) is refused as soon as
reading it passes that many, before the analysis sees any of it.
"""

from __future__ import annotations

MAX_BYTES = 50 * 1024 * 1024  # one article file
MAX_TEXT = 50 * 1024 * 1024  # characters of text one document may hold, whatever its format


def too_much_text(name: str) -> str:
    """The sentence for a document whose text passes MAX_TEXT."""
    return (f"{name}: holds more than {MAX_TEXT / 1e6:.0f} million characters of text, over the "
            "limit for one article")
