"""Bytes to text: BOMs, UTF-8, UTF-16 without BOM, and legacy single-byte code pages.

Legacy text is told apart by what it decodes to (Cyrillic words under cp1251, Latin letters
under cp1252), not guessed blindly.
"""

from __future__ import annotations

import codecs
import re

from multivector.model.errors import InputError

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_CYRILLIC_WORD = re.compile(r"[\u0400-\u04ff]{3,}")
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 text with no BOM shows NUL in every other byte for ASCII-heavy text."""
    if len(data) < 4 or len(data) % 2:
        return None
    even_nuls = data[0::2].count(0) / (len(data) / 2)
    odd_nuls = data[1::2].count(0) / (len(data) / 2)
    codec = "utf-16-le" if odd_nuls > 0.3 > even_nuls else "utf-16-be" if even_nuls > 0.3 > odd_nuls else None
    if codec is None:
        return None
    try:
        return data.decode(codec)
    except UnicodeDecodeError:
        return None


def _legacy(data: bytes) -> tuple[str, str]:
    """cp1251 when the high bytes read as Cyrillic words, else cp1252 (Latin-1 superset)."""
    as_cyrillic = data.decode("cp1251", errors="replace")
    high = sum(1 for b in data if b >= 0x80)
    cyrillic_letters = sum(len(m) for m in _CYRILLIC_WORD.findall(as_cyrillic))
    if high and cyrillic_letters / high > 0.6:
        return as_cyrillic, "cp1251"
    return data.decode("cp1252", errors="replace"), "cp1252"


def looks_binary(text: str) -> bool:
    """Text full of control characters is a binary file decoded by mistake."""
    sample = text[:65536]
    return bool(sample) and len(_CONTROL.findall(sample)) / len(sample) > 0.01


def _decode(data: bytes, name: str) -> tuple[str, str]:
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(codec), codec
            except UnicodeDecodeError as exc:
                raise InputError(f"{name}: starts with a {codec} mark but is not valid {codec}") from exc
    # NUL bytes are valid UTF-8, so UTF-16 without a BOM has to be ruled in or out first.
    utf16 = _utf16_without_bom(data) if b"\x00" in data[:4096] else None
    if utf16 is not None:
        return utf16, "utf-16"
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        return _legacy(data)


def decode_bytes(data: bytes, name: str = "input") -> tuple[str, str]:
    """The text in `data` and the encoding it was read with; binary data (a text mark in front
    of it included) is refused."""
    text, encoding = _decode(data, name)
    if "\x00" in text or looks_binary(text):
        raise InputError(f"{name}: looks like a binary file, not an article")
    return text, encoding
