"""The summary's evidence as CSV: one row per partner, area and passage, for spreadsheets."""

from __future__ import annotations

import csv
import io

from multivector.summary.model import PartnerEntry, Summary
from multivector.summary.wording import GENERAL_LABEL

CSV_HEADERS = ("partner_id", "partner", "kind", "tier", "parent", "area_id", "area",
               "paragraph", "start", "end", "cue", "passage")


def _rows(entry: PartnerEntry, parent: str | None) -> list[tuple[object, ...]]:
    head = (entry.id, entry.name, entry.kind, entry.tier or "", parent or "")
    rows: list[tuple[object, ...]] = []
    for group in entry.groups:
        areas = list(zip(group.area_ids, group.labels, strict=True)) or [("", GENERAL_LABEL)]
        for area_id, label in areas:
            # Every row stands alone in a spreadsheet: passages quoted under an earlier
            # partner keep their text here.
            rows += [(*head, area_id, label, ex.paragraph or "", ex.start, ex.end, ex.cue or "",
                      ex.text) for ex in group.excerpts]
    for child in entry.children:
        rows += _rows(child, entry.id)
    return rows


def render_csv(summary: Summary) -> str:
    """A header row, then the rows in the order of the partner tree."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(CSV_HEADERS)
    for entry in summary.partners:
        writer.writerows(_rows(entry, None))
    return buffer.getvalue()
