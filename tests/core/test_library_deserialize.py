"""The analysis comes back from JSON: the contract's dict (deserialize) and the cache's codec."""

from __future__ import annotations

import json
from dataclasses import replace

import pytest
from articlegen import generate

from multivector.core.deserialize import analysis_from_dict
from multivector.core.errors import InputError
from multivector.core.library_cache import decode, encode
from multivector.core.model import PartnerPassage
from multivector.core.serialize import analysis_to_dict


def _sample():  # noqa: ANN202 - an Analysis
    truth = generate(4).truth
    first = truth.partners[0]
    human = replace(first, passages=(*first.passages, PartnerPassage(0, 5, ("training",), "it",
                                                                    origin="human")),
                    tier="primary", tier_cues=(PartnerPassage(1, 4),))
    return replace(truth, partners=(human, *truth.partners[1:]), engine_version="x")


def test_contract_dict_round_trips() -> None:
    analysis = _sample()
    data = json.loads(json.dumps(analysis_to_dict(analysis)))
    back = analysis_from_dict(data)
    assert analysis_to_dict(back) == data
    def core(p: PartnerPassage) -> tuple:
        return (p.start, p.end, p.areas, p.cue)

    assert [core(p) for p in back.partners[0].passages] == [
        core(p) for p in analysis.partners[0].passages]
    assert back.document == analysis.document
    # paragraphs are recomputed: the opening line, one per partner, the budget paragraph
    assert len(back.paragraphs) == len(analysis.partners) + 2
    assert back.paragraphs[0].start == analysis.document.body_start
    assert back.budget == analysis.budget and back.focal == analysis.focal


def test_cache_codec_keeps_every_field() -> None:
    analysis = _sample()
    assert decode(encode(analysis), analysis.document.text) == analysis
    assert decode('{"document": {}}', "text") is None  # no longer fits the model: re-analyse
    assert "Publication:" not in encode(analysis)  # the text is stored once, with the article


def test_wrong_schema_is_bad_input() -> None:
    with pytest.raises(InputError, match="schema"):
        analysis_from_dict({"schema": 99, "text": "x"})
    with pytest.raises(InputError, match="malformed"):
        analysis_from_dict({"schema": 1, "text": "x", "partners": [{"id": "A"}]})
