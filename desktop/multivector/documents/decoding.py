"""Bytes to text: BOMs, UTF-8, UTF-16 without BOM, and legacy code pages.

Our own checks come first (a BOM, UTF-16 without one, valid UTF-8); only text that is none of
these goes to charset-normalizer, which tells a legacy code page (Windows-125x, KOI8, ISO-8859-2,
Shift-JIS, ...) by what the bytes decode to. A file it cannot tell is refused.
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
# Legacy code pages of news sites, for charset-normalizer to choose among (left to itself it
# weighs dozens of rare ones, and takes ISO-8859-2 Polish for ISO-8859-10).
_LEGACY = ("cp1250", "cp1251", "cp1252", "cp1253", "cp1254", "cp1255", "cp1256", "cp1257",
           "iso8859_2", "iso8859_7", "koi8_r", "koi8_u", "cp932", "euc_jp", "gb18030", "big5",
           "euc_kr")
_SAMPLE = 1 << 20  # bytes the encoding is told from
_C1 = re.compile(rb"[\x80-\x9f]")
_CONTROL_BYTES = re.compile(rb"[\x00-\x08\x0e-\x1f\x7f]")
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


def _legacy(data: bytes, name: str) -> tuple[str, str]:
    """Text in a legacy code page, told by charset-normalizer (imported only for such a file)
    among the code pages news sites save in; InputError when it cannot tell."""
    from charset_normalizer import from_bytes

    sample = data[:_SAMPLE]
    matches = from_bytes(sample, cp_isolation=list(_LEGACY))
    best = matches.best()
    if best is None:
        raise InputError(f"{name}: is not UTF-8 or UTF-16 and its encoding cannot be told "
                         "(save it as UTF-8)")
    encoding = best.encoding
    tied = {m.encoding for m in matches if (m.chaos, m.coherence) == (best.chaos, best.coherence)}
    if {"cp1250", "iso8859_2"} <= tied:
        # Central European text reads alike in both; only Windows-1250 puts letters and quotes
        # in 0x80-0x9F (C1 controls in ISO-8859-2, never in a text)
        encoding = "cp1250" if _C1.search(data) else "iso8859_2"
    try:
        return data.decode(encoding), encoding
    except (UnicodeDecodeError, LookupError):
        # the sample decided, the rest of the file does not fit: no encoding is certain
        raise InputError(f"{name}: is not UTF-8 or UTF-16 and mixes encodings; save it as "
                         "UTF-8") from None


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
        sample = data[:65536]
        if b"\x00" in sample or len(_CONTROL_BYTES.findall(sample)) > 0.01 * len(sample):
            raise InputError(f"{name}: looks like a binary file, not an article") from None
        return _legacy(data, name)


def decode_bytes(data: bytes, name: str = "input") -> tuple[str, str]:
    """The text in `data` and the encoding it was read with; binary data (a text mark in front
    of it included) is refused."""
    text, encoding = _decode(data, name)
    if "\x00" in text or looks_binary(text):
        raise InputError(f"{name}: looks like a binary file, not an article")
    return text, encoding
