"""Which palette colour each node gets: chosen from its id, so that it stays the same when other
nodes come, go or move (a deleted partner, a changed tier), and differs from its neighbours'."""

from __future__ import annotations

import zlib
from collections.abc import Iterable


def color_slots(groups: Iterable[Iterable[str]], size: int) -> dict[str, int]:
    """A palette index for every id: the one its id hashes to or, when another id already holds
    that one, the next free one. Groups are served in order (partners before areas), the ids of
    a group in sorted order, so the result does not depend on the order ids come in. Once the
    palette is full, slots are shared."""
    slots: dict[str, int] = {}
    taken: set[int] = set()
    for group in groups:
        for node_id in sorted(set(group) - set(slots)):
            slot = zlib.crc32(node_id.encode("utf-8")) % size
            if len(taken) < size:
                while slot in taken:
                    slot = (slot + 1) % size
            taken.add(slot)
            slots[node_id] = slot
    return slots
