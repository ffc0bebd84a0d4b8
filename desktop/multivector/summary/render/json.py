"""The summary as JSON: the same model the other formats lay out, with raw numbers."""

from __future__ import annotations

import json
from dataclasses import asdict
from typing import Any

from multivector.summary.model import Summary

SUMMARY_SCHEMA = 1


def summary_to_dict(summary: Summary) -> dict[str, Any]:
    """Plain dicts and lists; unknown values are null."""
    return {"schema": SUMMARY_SCHEMA, "kind": "multivector-summary", **asdict(summary)}


def render_json(summary: Summary) -> str:
    return json.dumps(summary_to_dict(summary), ensure_ascii=False, indent=2) + "\n"
