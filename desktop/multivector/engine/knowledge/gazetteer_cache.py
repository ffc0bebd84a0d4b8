"""A JSON copy of the built gazetteer in the user's cache folder, and beside it the engine's
compiled phrase patterns (engine/text/compiled.py).

Building the gazetteer reads pycountry and three TOML files (~0.1 s, paid at every start of the
window and the command line); reading the copy back takes a few milliseconds. Compiling the
phrase patterns costs some 30-50 ms more at every start. The copies' names carry a fingerprint
of the resources and the engine (and pycountry's version, or the Python's), so any change makes
new ones. A missing, unreadable or damaged copy is simply made again; a cache folder that cannot
be written is no error.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from multivector.platform.files import read_regular
from multivector.platform.storage import atomic_write_text


def cache_dir() -> Path:
    """MULTIVECTOR_CACHE_DIR, else the platform's cache folder for Multivector."""
    from multivector.platform.user_dirs import user_folder

    return user_folder("cache")


def _pycountry_stamp() -> str:
    """Size and time of pycountry's installed module: changes when pycountry is upgraded.
    (Asking importlib.metadata for its version would cost more than the cache saves.)"""
    from importlib.util import find_spec

    spec = find_spec("pycountry")
    if spec is None or spec.origin is None:
        return "none"
    stat = Path(spec.origin).stat()
    return f"{stat.st_size}-{int(stat.st_mtime)}"


def _cache_file() -> Path:
    from multivector.engine.knowledge.fingerprint import engine_fingerprint

    return cache_dir() / f"gazetteer-{engine_fingerprint()}-{_pycountry_stamp()}.json"


def pattern_cache_file() -> Path:
    """Where the compiled phrase patterns of this engine, these resources and this Python go."""
    from multivector.engine.knowledge.fingerprint import engine_fingerprint
    from multivector.engine.text.compiled import PYTHON_TAG

    return cache_dir() / f"patterns-{engine_fingerprint()}-{PYTHON_TAG}.bin"


def use_pattern_cache() -> None:
    """Keep the compiled phrase patterns in the cache folder from now on (written at exit, or
    by `save_patterns`); a copy made for other resources or another Python is removed."""
    import atexit

    from multivector.engine.text import compiled

    path = pattern_cache_file()
    if compiled.using() == path:
        return
    if compiled.using() is None:
        atexit.register(compiled.save)
    compiled.use_file(path)
    try:
        for old in path.parent.glob("patterns-*.bin"):
            if old != path:
                old.unlink(missing_ok=True)
    except OSError:
        pass


def read_cached() -> dict[str, Any] | None:
    """The cached gazetteer data, or None when there is no usable copy (missing, unreadable,
    not JSON, or JSON that is not a whole gazetteer: it is rebuilt, never trusted)."""
    try:
        data = json.loads(read_regular(_cache_file(), MAX_CACHE_BYTES).decode("utf-8"))
    except (OSError, ValueError, RecursionError):
        return None
    return data if is_whole_gazetteer(data) else None


# -- validation: the copy is the gazetteer's own data, or it is not used -----------------------
MAX_CACHE_BYTES = 64 * 1024 * 1024
MIN_COUNTRIES = 100  # pycountry alone gives some 250; a copy with fewer lost its content


def _optional_str(value: object) -> bool:
    return value is None or isinstance(value, str)


def _entity_row(row: object) -> bool:
    if not isinstance(row, list) or len(row) != 6:
        return False
    eid, name, kind, parent, members, reference = row
    return (isinstance(eid, str) and bool(eid) and isinstance(name, str) and bool(name)
            and isinstance(kind, str) and bool(kind) and _optional_str(parent)
            and _optional_str(reference)
            and isinstance(members, list) and all(isinstance(m, str) for m in members))


def is_whole_gazetteer(data: object) -> bool:
    """Whether `data` has the shape `Gazetteer._as_data` writes, with every surface naming a
    known entity (or none, for blocked phrases) and a plausible number of countries."""
    if not isinstance(data, dict) or set(data) != {"entities", "surfaces"}:
        return False
    entities, surfaces = data["entities"], data["surfaces"]
    if not isinstance(entities, list) or not isinstance(surfaces, list):
        return False
    if not all(_entity_row(row) for row in entities):
        return False
    ids = {row[0] for row in entities}
    if sum(1 for row in entities if row[2] == "country") < MIN_COUNTRIES:
        return False
    return len(surfaces) >= len(ids) and all(
        isinstance(row, list) and len(row) == 3 and isinstance(row[0], str) and bool(row[0])
        and (row[1] in ids or row[1] == "") and isinstance(row[2], str) and bool(row[2])
        for row in surfaces
    )


def write_cached(data: dict[str, Any]) -> None:
    """Keep a copy for the next start (copies made for other resources go); failing to is
    fine."""
    try:
        path = _cache_file()
        if os.path.lexists(path) and not path.is_file():
            return  # something else sits in its place (a FIFO would block the write): leave it
        path.parent.mkdir(parents=True, exist_ok=True)
        atomic_write_text(path, json.dumps(data, ensure_ascii=False))
        for old in path.parent.glob("gazetteer-*.json"):
            if old != path:
                old.unlink(missing_ok=True)
    except OSError:
        pass
