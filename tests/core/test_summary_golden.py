"""Golden files for the Markdown and HTML summaries; the HTML is valid and self-contained.

Regenerate after a deliberate layout change with MULTIVECTOR_UPDATE_GOLDEN=1 and review the diff.
"""

from __future__ import annotations

import os
from html.parser import HTMLParser
from pathlib import Path

import pytest
from summary_sample import sample_analysis

from multivector.summary.build import render_summary

GOLDEN = Path(__file__).resolve().parents[1] / "golden"
VOID = {"meta", "br", "img", "hr", "input", "link", "col", "area", "base", "source", "wbr"}


def _check_golden(name: str, actual: str) -> None:
    path = GOLDEN / name
    if os.environ.get("MULTIVECTOR_UPDATE_GOLDEN"):
        path.write_text(actual, encoding="utf-8")
    assert actual == path.read_text(encoding="utf-8"), f"{name} changed; see the diff"


@pytest.mark.parametrize(("fmt", "name"), [
    ("markdown", "summary-sample.md"), ("html", "summary-sample.html"),
    ("markdown", "summary-sample-NATO.md"),
])
def test_summary_matches_golden_file(fmt: str, name: str) -> None:
    node = "NATO" if "NATO" in name else None
    _check_golden(name, render_summary(sample_analysis(), fmt, node=node))


class _Checker(HTMLParser):
    """Records unbalanced tags and every URL-bearing attribute."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.errors: list[str] = []
        self.urls: list[str] = []
        self.tags: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.urls += [v or "" for k, v in attrs if k in ("href", "src", "xlink:href", "action")]
        self.urls += [v or "" for k, v in attrs if v and "url(" in v and "#" not in v]
        if tag not in VOID:
            self.stack.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if not self.stack or self.stack[-1] != tag:
            self.errors.append(f"</{tag}> closes {self.stack[-1:] or 'nothing'}")
        else:
            self.stack.pop()


def test_html_is_balanced_and_self_contained() -> None:
    html = render_summary(sample_analysis(), "html")
    checker = _Checker()
    checker.feed(html)
    checker.close()
    assert checker.errors == []
    assert checker.stack == []
    assert html.startswith("<!DOCTYPE html>")
    assert checker.urls == []
    assert "http:" not in html and "https:" not in html and "//" not in html
    assert "svg" in checker.tags and checker.tags.count("rect") >= 3  # the chart is inline
    assert "Gürsed Batjargal" in html and "“Our third neighbours" in html


def test_html_escapes_the_article_text() -> None:
    from dataclasses import replace

    analysis = sample_analysis()
    analysis = replace(analysis, document=replace(analysis.document, title="<b>A & B</b>"))
    html = render_summary(analysis, "html")
    assert "<title>&lt;b&gt;A &amp; B&lt;/b&gt;</title>" in html
