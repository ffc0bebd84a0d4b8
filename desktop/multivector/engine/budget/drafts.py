"""A budget figure while it is being assembled from the sentences that state its parts."""

from __future__ import annotations

from dataclasses import dataclass, field

from multivector.engine.budget.cues import ChangeMention
from multivector.model.analysis import Span


@dataclass
class Draft:
    """A stated fact while it is being assembled (mutable on purpose: parts arrive in turn)."""

    year: int | None
    amount: float | None
    currency: str | None
    quantum: float
    span: Span
    paragraph: int
    usd: float | None = None
    usd_quantum: float = 0.0
    # An equivalent in another currency than dollars: value, ISO code, quantum.
    equivalent: tuple[float, str, float] | None = None
    share: float | None = None
    share_quantum: float = 0.0
    change: ChangeMention | None = None
    change_span: Span | None = None
    baseline_year: int | None = None
    forward: tuple[ChangeMention, int | None, Span] | None = None  # change to a later year
    hedged: set[str] = field(default_factory=set)
    label: str | None = None
    passages: list[Span] = field(default_factory=list)
    planned: bool = False  # a figure for a year the text plans: kind "planned"
