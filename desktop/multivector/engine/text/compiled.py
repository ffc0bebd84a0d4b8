"""Compiled regular expressions kept between runs.

Compiling the engine's phrase patterns (long alternations shaped as tries) is most of what its
first analysis in a process costs: Python's `re` parses each one in Python at every start. The
compiled form (sre's code) is kept in a file of the user's cache folder (named by
engine/knowledge/gazetteer_cache.py for this Python, this engine and these resources) and handed
back to sre, which checks code it is given before it runs it.

Nothing in the file is trusted: a file that cannot be read, fails its checksum or has the wrong
shape is ignored and made again, an entry sre refuses is compiled afresh, and each entry is
looked up by the very pattern asked for. On a Python whose `re` internals differ, patterns are
compiled as `re.compile` does and nothing is kept.
"""

from __future__ import annotations

import hashlib
import marshal
import re
import sys
from pathlib import Path

try:
    import _sre
    from re import _compiler, _parser  # type: ignore[attr-defined]
except ImportError:  # another implementation: re.compile alone
    _sre = None  # type: ignore[assignment]

from multivector.platform.storage import atomic_write_bytes

# What sre's code depends on: the Python and its regular expression engine.
PYTHON_TAG = f"{sys.implementation.cache_tag}-{getattr(_sre, 'MAGIC', 0)}"
_FORMAT = 1

# flags as given -> (flags of the pattern, code, groups, group index, index group)
Entry = tuple[int, list[int], int, dict[str, int], tuple[str | None, ...]]
Key = tuple[str, int]


class _Store:
    """The file of compiled code in use (None: keep nothing) and its entries, once read."""

    def __init__(self) -> None:
        self.path: Path | None = None
        self.entries: dict[Key, Entry] | None = None
        self.added = 0  # entries compiled in this process and not written yet
        self.used: set[Key] = set()  # entries this process asked for


_store = _Store()
_made: dict[Key, re.Pattern[str]] = {}  # patterns made in this process
MAX_ENTRIES = 2000  # a file that grew beyond this keeps only what the last process used


def use_file(path: Path | None) -> None:
    """Keep compiled code in `path` from now on (None: keep none)."""
    if path != _store.path:
        _store.path, _store.entries, _store.added, _store.used = path, None, 0, set()


def using() -> Path | None:
    """The file in use, if any."""
    return _store.path


def compiled(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """`re.compile(pattern, flags)`, with sre's code from the file when it holds it."""
    key = (pattern, int(flags))
    made = _made.get(key)
    if made is None:
        made = _made[key] = _compile(key)
    return made


def save() -> None:
    """Write the file if this process compiled patterns it did not hold (failing to is fine)."""
    if not _store.added or _store.path is None or _store.entries is None:
        return
    entries = _store.entries
    if len(entries) > MAX_ENTRIES:
        entries = {key: entry for key, entry in entries.items() if key in _store.used}
    try:
        body = marshal.dumps((_FORMAT, PYTHON_TAG, [(*key, *entry) for key, entry in
                                                     entries.items()]))
        _store.path.parent.mkdir(parents=True, exist_ok=True)
        atomic_write_bytes(_store.path, hashlib.sha256(body).digest() + body)
    except (OSError, ValueError):  # a folder that cannot be written; a value marshal refuses
        return
    _store.added = 0


def _compile(key: Key) -> re.Pattern[str]:
    if _sre is None:
        return re.compile(*key)
    _store.used.add(key)
    entries = _entries()
    entry = entries.get(key) if entries is not None else None
    if entry is not None:
        try:
            return _sre.compile(key[0], *entry)  # type: ignore[no-any-return]
        except Exception:  # refused (sre checks the code): compile it again
            del entries[key]  # type: ignore[union-attr]
    try:
        tree = _parser.parse(key[0], key[1])
        code = _compiler._code(tree, key[1])
        names = tree.state.groupdict
        index: list[str | None] = [None] * tree.state.groups
        for name, number in names.items():
            index[number] = name
        # Plain ints: sre's opcodes are an int subclass, which marshal does not write.
        entry = (int(key[1] | tree.state.flags), [int(c) for c in code],
                 int(tree.state.groups - 1), dict(names), tuple(index))
        made: re.Pattern[str] = _sre.compile(key[0], *entry)
    except re.error:
        raise
    except Exception:  # this Python's internals are not what we know: as re does, unkept
        return re.compile(*key)
    if entries is not None:
        entries[key] = entry
        _store.added += 1
    return made


def _entries() -> dict[Key, Entry] | None:
    if _store.entries is None and _store.path is not None:
        _store.entries = _read(_store.path)
    return _store.entries


def _read(path: Path) -> dict[Key, Entry]:
    """The file's entries; none when it is missing, damaged or not of this Python."""
    try:
        blob = path.read_bytes()
        digest, body = blob[:32], blob[32:]
        if hashlib.sha256(body).digest() != digest:
            return {}
        version, tag, rows = marshal.loads(body)
    except (OSError, ValueError, EOFError, TypeError):
        return {}
    if version != _FORMAT or tag != PYTHON_TAG or not isinstance(rows, list):
        return {}
    entries: dict[Key, Entry] = {}
    for row in rows:
        if not (isinstance(row, tuple) and len(row) == 7 and isinstance(row[0], str)
                and isinstance(row[1], int) and isinstance(row[2], int)
                and isinstance(row[3], list) and isinstance(row[4], int)
                and isinstance(row[5], dict) and isinstance(row[6], tuple)):
            return {}  # the wrong shape: made again
        entries[(row[0], row[1])] = (row[2], row[3], row[4], row[5], row[6])
    return entries
