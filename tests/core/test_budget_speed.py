"""The fast paths of the budget reader (prefilters, tries, folded text) change no result.

The frozen values below were taken from the reader before it was made fast: the seed article's
facts and notes as JSON, and a digest of the output on texts generated from budget phrases.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import random
import re
import tomllib
from dataclasses import replace

from multivector.documents.loading import document_from_text, load_document
from multivector.engine.budget.extract import extract_budget
from multivector.engine.text import segment
from multivector.resources import resource_path

_PIECES = [
    "defense budget", "military spending", "aid", "loan", "GDP", "of", "in", "2007", "2008",
    "last year's", "over", "from", "to", "rose", "fell", "increase", "around", "est.:", ":", ";",
    ",", ".", "(", ")", "$", "€", "₸", "USD", "tenge", "som", "billion", "bn", "m", "trillion",
    "%", "-fold", "doubled", "1.5", "142.56", "1,170", "2,1", "0", "\n", "\n\n", "Defense budget:",
    "2005:", "2006 est.:", "times", "twofold", "percent", "per cent", "US$", "KZT", "Uzbek som",
    "this year", "next year's", "the previous year", "since", "contract", "halved", "tripled",
    "up", "down", "cut", "state budget", "fiscal 2009", "FY2010", "2009-10", "1\u00a0200", "İ",
    "expenditure on", "modernizing weapons", "while", "whereas", "compared with", "than", "about",
    "a billion dollars", "two million euros", "The parade was delayed.", "Analysts agree.",
    "MİLİTARY BUDGET", "ſpending", "Kazakhstan", "allocated", "funds for", "armed forces",
]
# sha256 of _digest(): taken before the fast paths, retaken when currency names before a
# number ("som 8.9bn") became money, and when single line breaks started to end paragraphs
# (engine/text/segment.py, issue 12); see the module docstring.
_GENERATED_DIGEST = "6f8c68c41a1aa2c9a8b7789095b3fec986899a5d9682d7e84227289d2004eab2"


def _facts_json(text: str, year: int | None) -> str:
    doc = replace(document_from_text(text), year=year, body_start=0)  # no title guessing
    sentences = segment.sentences(doc.text, segment.paragraphs(doc.text, doc.body_start))
    facts, notes = extract_budget(doc, sentences)
    return json.dumps([[dataclasses.asdict(f) for f in facts],
                       [dataclasses.asdict(n) for n in notes]], sort_keys=True)


def _digest() -> str:
    rnd = random.Random(2024)
    hashed = hashlib.sha256()
    for _ in range(400):
        text = " ".join(rnd.choice(_PIECES) for _ in range(rnd.randint(3, 40)))
        for year in (None, 2010):
            hashed.update(_facts_json(text, year).encode())
    return hashed.hexdigest()


def test_seed_output_is_frozen() -> None:
    doc = load_document(None)
    sentences = segment.sentences(doc.text, segment.paragraphs(doc.text, doc.body_start))
    facts, notes = extract_budget(doc, sentences)
    got = [[dataclasses.asdict(f) for f in facts], [dataclasses.asdict(n) for n in notes]]
    assert json.loads(json.dumps(got)) == json.loads(_SEED_JSON)


def test_generated_output_is_frozen() -> None:
    assert _digest() == _GENERATED_DIGEST


def test_folded_text_finds_what_ignorecase_matches() -> None:
    """For every letter of the cue and currency lists, over every code point: an IGNORECASE
    pattern of it matches exactly where `folded` text has it (what the prefilters rely on)."""
    from multivector.engine.budget.money import folded

    letters: set[str] = set()
    for name in ("cues.toml", "currencies.toml"):
        with resource_path("budget", name).open("rb") as handle:
            letters |= {ch for ch in json.dumps(tomllib.load(handle), ensure_ascii=False)
                        if ch.lower() != ch.upper()}
    every = "".join(chr(i) for i in range(0x110000) if not 0xD800 <= i < 0xE000)
    fold = folded(every)
    assert len(fold) == len(every)
    for letter in sorted(letters):
        matched = {m.start() for m in re.finditer(re.escape(letter), every, re.IGNORECASE)}
        found = {m.start() for m in re.finditer(re.escape(folded(letter)), fold)}
        assert matched == found, letter


_SEED_JSON = r"""
[
 [
  {
   "year": 2006,
   "amount": 81930000000.0,
   "currency": "KZT",
   "usd": null,
   "gdp_share_pct": null,
   "change_pct": null,
   "kind": "derived",
   "start": 2673,
   "end": 2840,
   "basis": "142.56 billion KZT (2007) / 1.74 (increase of around 74%) = 81.93103448 billion KZT",
   "direction": null,
   "approximate": true,
   "label": "military budget",
   "hedged": [],
   "passages": [
    {
     "start": 2673,
     "end": 2840
    },
    {
     "start": 2841,
     "end": 2972
    }
   ]
  },
  {
   "year": 2007,
   "amount": 142560000000.0,
   "currency": "KZT",
   "usd": 1170000000.0,
   "gdp_share_pct": 1.2,
   "change_pct": 74.0,
   "kind": "stated",
   "start": 2841,
   "end": 2972,
   "basis": null,
   "direction": null,
   "approximate": true,
   "label": "military budget",
   "hedged": [
    "change"
   ],
   "passages": [
    {
     "start": 2841,
     "end": 2972
    },
    {
     "start": 2673,
     "end": 2840
    }
   ]
  },
  {
   "year": 2008,
   "amount": null,
   "currency": null,
   "usd": null,
   "gdp_share_pct": null,
   "change_pct": null,
   "kind": "qualitative",
   "start": 3073,
   "end": 3305,
   "basis": null,
   "direction": "up",
   "approximate": false,
   "label": "draft budget",
   "hedged": [],
   "passages": [
    {
     "start": 3073,
     "end": 3305
    }
   ]
  }
 ],
 [
  {
   "kind": "exchange_rate",
   "message": "The figures imply about 121.8 KZT per USD for 2007 (142.56 billion KZT / 1.17 billion USD).",
   "passages": [
    {
     "start": 2841,
     "end": 2972
    }
   ]
  },
  {
   "kind": "implied_gdp",
   "message": "A 2007 GDP of about 11.9 trillion KZT (about 97.5 billion USD) is implied (142.56 billion KZT is 1.2% of it).",
   "passages": [
    {
     "start": 2841,
     "end": 2972
    }
   ]
  },
  {
   "kind": "purpose",
   "message": "Spending purpose stated: modernizing or buying weapons.",
   "passages": [
    {
     "start": 2973,
     "end": 3072
    }
   ]
  },
  {
   "kind": "purpose",
   "message": "Spending purpose stated: combat training.",
   "passages": [
    {
     "start": 3073,
     "end": 3305
    }
   ]
  }
 ]
]
"""
