"""The contract's JSON back into an `Analysis`: the inverse of `serialize.analysis_to_dict`.

The contract leaves out what only the window needs: paragraphs and sentences are recomputed from
the text; tier cues and area icons come back empty unless the dict carries them under
"cache_extras" (the library's own cache uses `library_cache`, which keeps every field).
"""

from __future__ import annotations

from typing import Any

from multivector.core import segment
from multivector.core.errors import InputError
from multivector.core.model import (
    SCHEMA_VERSION,
    Analysis,
    Area,
    AreaPassage,
    BudgetFact,
    Document,
    Focal,
    Note,
    Paragraph,
    Partner,
    PartnerPassage,
    Person,
    Quote,
    Sentence,
    Source,
    Span,
)


def _origin(p: dict[str, Any]) -> dict[str, Any]:
    """The passage's origin when the JSON has one (the model's default otherwise)."""
    return {"origin": p["origin"]} if p.get("origin") else {}


def _passage(p: dict[str, Any]) -> PartnerPassage:
    return PartnerPassage(p["start"], p["end"], tuple(p.get("areas") or ()), p.get("cue"),
                          **_origin(p))


def _document(data: dict[str, Any], body_start: int | None) -> Document:
    doc = data.get("document") or {}
    text = data["text"]
    if body_start is None:
        from multivector.core.metadata import parse_header

        body_start = parse_header(text).body_start
    return Document(
        text=text, path=doc.get("path"), title=doc.get("title"),
        publication=doc.get("publication"), volume=doc.get("volume"), issue=doc.get("issue"),
        date=doc.get("date"), author=doc.get("author"), year=doc.get("year"),
        sha256=doc.get("sha256") or "", body_start=body_start,
        source_format=doc.get("format") or "text",
    )


def _segments(text: str, body_start: int, extras: dict[str, Any]
              ) -> tuple[tuple[Paragraph, ...], tuple[Sentence, ...]]:
    if "paragraphs" in extras and "sentences" in extras:
        return (tuple(Paragraph(*row) for row in extras["paragraphs"]),
                tuple(Sentence(*row) for row in extras["sentences"]))
    paras = segment.paragraphs(text, body_start)
    return tuple(paras), tuple(segment.sentences(text, paras))


def analysis_from_dict(data: dict[str, Any]) -> Analysis:
    """An `Analysis` equal to the one `analysis_to_dict` (or `cache_dict`) was made from."""
    if data.get("schema") != SCHEMA_VERSION:
        raise InputError(f"analysis JSON: schema {data.get('schema')!r} is not {SCHEMA_VERSION}")
    try:
        extras: dict[str, Any] = data.get("cache_extras") or {}
        document = _document(data, extras.get("body_start"))
        paragraphs, sentences = _segments(document.text, document.body_start, extras)
        cues = extras.get("tier_cues") or {}
        icons = extras.get("icons") or {}
        focal = data.get("focal")
        return Analysis(
            document=document,
            focal=Focal(focal["name"], focal["code"]) if focal else None,
            paragraphs=paragraphs,
            sentences=sentences,
            partners=tuple(
                Partner(p["id"], p["name"], p["kind"], p["code"], p.get("tier"), p.get("parent"),
                        tuple(p.get("areas") or ()), tuple(_passage(x) for x in p["passages"]),
                        tuple(_passage(x) for x in cues.get(p["id"], ())))
                for p in data.get("partners") or ()
            ),
            areas=tuple(
                Area(a["id"], a["label"], icons.get(a["id"], ""), a.get("parent"),
                     tuple(a.get("partners") or ()),
                     tuple(AreaPassage(x["start"], x["end"], tuple(x.get("partners") or ()),
                                       **_origin(x))
                           for x in a["passages"]))
                for a in data.get("areas") or ()
            ),
            budget=tuple(_budget(f) for f in data.get("budget") or ()),
            people=tuple(Person(p["name"], p.get("role"), p.get("country"), _spans(p["passages"]))
                         for p in data.get("people") or ()),
            quotes=tuple(Quote(q.get("speaker"), q["start"], q["end"])
                         for q in data.get("quotes") or ()),
            sources=tuple(Source(s["name"], s.get("date"), s["start"], s["end"])
                          for s in data.get("sources") or ()),
            notes=tuple(Note(n["kind"], n["message"], _spans(n["passages"]))
                        for n in data.get("notes") or ()),
            engine_version=extras.get("engine_version", ""),
        )
    except (KeyError, TypeError, ValueError) as exc:
        raise InputError(f"analysis JSON: malformed ({type(exc).__name__}: {exc})") from exc


def _spans(rows: list[dict[str, int]]) -> tuple[Span, ...]:
    return tuple(Span(r["start"], r["end"]) for r in rows)


def _budget(f: dict[str, Any]) -> BudgetFact:
    return BudgetFact(
        year=f.get("year"), amount=f.get("amount"), currency=f.get("currency"), usd=f.get("usd"),
        gdp_share_pct=f.get("gdp_share_pct"), change_pct=f.get("change_pct"), kind=f["kind"],
        start=f["start"], end=f["end"], basis=f.get("basis"), direction=f.get("direction"),
        approximate=bool(f.get("approximate")), label=f.get("label"),
    )
