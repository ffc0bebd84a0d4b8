"""A fingerprint of the engine and the knowledge it reads, for every cache of its results."""

from __future__ import annotations

import hashlib
from functools import cache

from multivector.resources import resources_dir

ENGINE_VERSION = "3"  # raise it when a rule changes what the engine finds (2: issue 12; 3: held-out rules)


@cache
def engine_fingerprint() -> str:
    """Changes whenever the engine version or any resource file changes."""
    digest = hashlib.sha256(ENGINE_VERSION.encode())
    root = resources_dir()
    for path in sorted(root.rglob("*.toml")):
        digest.update(path.relative_to(root).as_posix().encode())
        digest.update(path.read_bytes())
    return f"{ENGINE_VERSION}-{digest.hexdigest()[:16]}"
