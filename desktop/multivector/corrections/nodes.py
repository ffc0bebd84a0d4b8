"""Node specs for corrections: from an existing partner or area, or for a new one typed in."""

from __future__ import annotations

import re
import unicodedata

from multivector.corrections.edits import AREA, PARTNER, NodeSpec
from multivector.model.analysis import Analysis


def spec_of(analysis: Analysis, node_id: str) -> NodeSpec | None:
    """The spec that recreates an existing partner or area, or None when there is no such node."""
    partner = analysis.partner(node_id)
    if partner is not None:
        return NodeSpec(
            PARTNER, partner.id, partner.name, partner.kind, partner.tier, partner.parent
        )
    area = analysis.area(node_id)
    if area is not None:
        return NodeSpec(AREA, area.id, area.label, parent=area.parent)
    return None


def _country_code(name: str) -> str | None:
    # Countries get their ISO alpha-3 code, as machine-found ones do, so the two meet in one node.
    try:
        import pycountry  # only when an analyst names a new country: it costs ~50 ms to load

        return str(pycountry.countries.lookup(name).alpha_3)
    except LookupError:
        pass
    try:
        import pycountry

        found = pycountry.countries.search_fuzzy(name)[0]
    except LookupError:
        return None
    names = [getattr(found, k, "") or "" for k in ("name", "common_name", "official_name")]
    key = name.casefold()
    return str(found.alpha_3) if any(n.casefold().startswith(key) for n in names) else None


def _slug(name: str, upper: bool) -> str:
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    words = re.findall(r"[A-Za-z0-9]+", ascii_name)
    if upper:
        # One word ("AUKUS", "Freedonia") is kept whole; several give their initials.
        if len(words) == 1:
            return words[0].upper()
        return "".join(w[0] for w in words).upper() or "NODE"
    return "_".join(w.lower() for w in words) or "area"


def new_node_spec(
    analysis: Analysis, name: str, kind: str, tier: str | None = None, parent: str | None = None
) -> NodeSpec:
    """A spec for a node the analyst names; `kind` is a partner kind or "area".

    A name that is already a node's (by name, label or id, ignoring case) gives that node, so
    typing "Japan" twice makes one node, not two.
    """
    name = " ".join(name.split())
    key = name.casefold()
    for p in analysis.partners:
        if key in (p.name.casefold(), p.id.casefold()):
            return NodeSpec(PARTNER, p.id, p.name, p.kind, p.tier, p.parent)
    for a in analysis.areas:
        if key in (a.label.casefold(), a.id.casefold()):
            return NodeSpec(AREA, a.id, a.label, parent=a.parent)
    if kind == AREA:
        base = _slug(name, upper=False)
    else:
        base = (_country_code(name) if kind == "country" else None) or _slug(name, upper=True)
    taken = {p.id for p in analysis.partners} | {a.id for a in analysis.areas}
    node_id, n = base, 1
    while node_id in taken:
        n += 1
        node_id = f"{base}_{n}"
    if kind == AREA:
        return NodeSpec(AREA, node_id, name, parent=parent)
    return NodeSpec(PARTNER, node_id, name, kind, tier, parent)
