"""The analysis as the contract's JSON (`multivector analyze --json`)."""

from __future__ import annotations

import json
from typing import Any

from multivector.model.analysis import SCHEMA_VERSION, Analysis, BudgetFact, Span


def _spans(spans: tuple[Span, ...]) -> list[dict[str, int]]:
    return [{"start": s.start, "end": s.end} for s in spans]


def _budget_fact(fact: BudgetFact) -> dict[str, Any]:
    return {
        "year": fact.year,
        "amount": fact.amount,
        "currency": fact.currency,
        "usd": fact.usd,
        "gdp_share_pct": fact.gdp_share_pct,
        "change_pct": fact.change_pct,
        "kind": fact.kind,
        "basis": fact.basis,
        "direction": fact.direction,
        "approximate": fact.approximate,
        "label": fact.label,
        "hedged": list(fact.hedged),
        "start": fact.start,
        "end": fact.end,
        "passages": _spans(fact.passages),
    }


def analysis_to_dict(analysis: Analysis) -> dict[str, Any]:
    """The contract's JSON object; unknown values are null, never left out."""
    doc = analysis.document
    return {
        "schema": SCHEMA_VERSION,
        "text": doc.text,
        "document": {
            "path": doc.path,
            "title": doc.title,
            "publication": doc.publication,
            "volume": doc.volume,
            "issue": doc.issue,
            "date": doc.date,
            "author": doc.author,
            "year": doc.year,
            "length": doc.length,
            "sha256": doc.sha256,
            "format": doc.source_format,
        },
        "focal": (
            {"name": analysis.focal.name, "code": analysis.focal.code} if analysis.focal else None
        ),
        "partners": [
            {
                "id": p.id,
                "name": p.name,
                "kind": p.kind,
                "code": p.code,
                "tier": p.tier,
                "parent": p.parent,
                "areas": list(p.areas),
                "passages": [
                    {"start": x.start, "end": x.end, "areas": list(x.areas), "cue": x.cue,
                     "origin": x.origin}
                    for x in p.passages
                ],
            }
            for p in analysis.partners
        ],
        "areas": [
            {
                "id": a.id,
                "label": a.label,
                "parent": a.parent,
                "partners": list(a.partners),
                "passages": [
                    {"start": x.start, "end": x.end, "partners": list(x.partners),
                     "origin": x.origin}
                    for x in a.passages
                ],
            }
            for a in analysis.areas
        ],
        "budget": [_budget_fact(f) for f in analysis.budget],
        "people": [
            {"name": p.name, "role": p.role, "country": p.country, "passages": _spans(p.passages)}
            for p in analysis.people
        ],
        "quotes": [{"speaker": q.speaker, "start": q.start, "end": q.end} for q in analysis.quotes],
        "sources": [
            {"name": s.name, "date": s.date, "start": s.start, "end": s.end}
            for s in analysis.sources
        ],
        "notes": [
            {"kind": n.kind, "message": n.message, "passages": _spans(n.passages)}
            for n in analysis.notes
        ],
    }


def analysis_to_json(analysis: Analysis, indent: int | None = 2) -> str:
    return json.dumps(analysis_to_dict(analysis), ensure_ascii=False, indent=indent)
