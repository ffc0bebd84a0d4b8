"""The article inside a saved web page, by trafilatura: the main text without menus, teasers of
other stories, cookie notices, comments and footers.

trafilatura is given the markup, never a URL, so nothing is fetched; it is imported only when a
page is opened (about 0.1-0.3 s). Its main text comes back as a small XML tree: each paragraph,
heading, list item, quotation and table row becomes a paragraph of the text (headings stay lines
of their own), so paragraph numbers match what the reader shows. Title, date, author and site
come from the page's own metadata tags first (our reader), then from trafilatura's. When
trafilatura finds less main text than it trusts itself (a page of a few lines, where it falls
back to the whole page), our reader's text is used.
"""

from __future__ import annotations

import re
import warnings
from typing import Any

from multivector.documents.formats.html import read_page
from multivector.model.errors import InputError

# What the page hides from its readers is not the article ("hidden" headline copies, menus).
_HIDDEN = ("//*[@hidden or @aria-hidden='true' or contains(translate(@style, ' ', ''), "
           "'display:none')]")
_SPACE = re.compile(r"[ \t\r\f\v\u00a0]+")
_CONTAINERS = frozenset({"list", "quote", "table", "div", "body", "note"})
_SKIPPED = frozenset({"graphic", "fw", "note"})
_META = (("title", "title"), ("date", "date"), ("author", "author"), ("publication", "sitename"))


def _drop_keeping_tail(element: Any) -> None:
    parent = element.getparent()
    if parent is None:
        return
    if element.tail:
        previous = element.getprevious()
        if previous is not None:
            previous.tail = (previous.tail or "") + element.tail
        else:
            parent.text = (parent.text or "") + element.tail
    parent.remove(element)


def _keep_the_longest_article(tree: Any) -> None:
    """Teasers of other stories are often <article>s too: of several, the story is the longest
    (as our reader decides); the others go before trafilatura weighs the page."""
    articles = tree.xpath("//article[not(ancestor::article)]")
    if len(articles) < 2:
        return
    longest = max(articles, key=lambda article: sum(len(t) for t in article.itertext()))
    for article in articles:
        if article is not longest:
            _drop_keeping_tail(article)


def _inline(element: Any) -> str:
    """An element's text with line breaks (<lb/>) kept as line ends."""
    parts = [element.text or ""]
    for child in element:
        if child.tag == "lb":
            parts.append("\n")
        elif child.tag not in _SKIPPED:
            parts.append(_inline(child))
        parts.append(child.tail or "")
    return "".join(parts)


def _clean(text: str) -> str:
    lines = (_SPACE.sub(" ", line).strip() for line in text.split("\n"))
    return "\n".join(line for line in lines if line)


def _paragraphs(body: Any) -> list[str]:
    """Paragraphs of trafilatura's main-text tree, in order."""
    found: list[str] = []

    def visit(element: Any) -> None:
        tag = element.tag
        if tag in _SKIPPED:
            return
        if tag == "row":  # a table row is one line, its cells apart by tabs
            cells = [_clean(_inline(cell)).replace("\n", " ") for cell in element]
            found.append("\t".join(cell for cell in cells if cell))
            return
        if tag in _CONTAINERS or any(child.tag not in ("lb", "hi", "ref") for child in element):
            if element.text and element.text.strip() and tag not in ("list", "table"):
                found.append(_clean(element.text))
            for child in element:
                visit(child)
                if child.tail and child.tail.strip():
                    found.append(_clean(child.tail))
            return
        found.append(_clean(_inline(element)))

    visit(body)
    return [paragraph for paragraph in found if paragraph]


def _trusted_length() -> int:
    """The length trafilatura itself wants from its main extractor before it turns to its
    fallbacks (MIN_EXTRACTED_SIZE, 250 characters by default)."""
    from trafilatura.settings import DEFAULT_CONFIG

    return DEFAULT_CONFIG.getint("DEFAULT", "MIN_EXTRACTED_SIZE", fallback=250)


def _main_text(markup: str) -> tuple[str, dict[str, str]]:
    """trafilatura's main text and metadata ("" and {} when it finds none)."""
    from trafilatura import bare_extraction
    from trafilatura.utils import load_html

    tree = load_html(markup)
    if tree is None:
        return "", {}
    for hidden in tree.xpath(_HIDDEN):
        _drop_keeping_tail(hidden)
    _keep_the_longest_article(tree)
    found = bare_extraction(tree, include_comments=False, include_tables=True,
                            with_metadata=True)
    if found is None:
        return "", {}
    meta = {ours: getattr(found, theirs, None) for ours, theirs in _META}
    body = getattr(found, "body", None)
    text = "\n\n".join(_paragraphs(body)) if body is not None else ""
    return text, {k: v.strip() for k, v in meta.items() if isinstance(v, str) and v.strip()}


def extract_webpage(markup: str, name: str) -> tuple[str, dict[str, object]]:
    """(text, metadata) of a saved web page; metadata keys: title, date, author, publication."""
    own_text, meta = read_page(markup, name)  # the page's metadata tags, and a text to fall back on
    try:
        with warnings.catch_warnings():
            # its date parser warns about odd strings in the page; the page is not our code,
            # and a warning on the terminal would break the one-line contract of a bad input
            warnings.simplefilter("ignore")
            text, theirs = _main_text(markup)
    except (ValueError, TypeError, AttributeError, RecursionError, LookupError):
        # markup that trips the extractor still has our reader's text
        text, theirs = "", {}
    for key, value in theirs.items():
        meta.setdefault(key, value)
    if len(text) < _trusted_length():
        # under this, trafilatura falls back to the whole page's text (menus included): a short
        # page's article is better found by our reader, which keeps <article> or <main>
        text = own_text
    if not text.strip():
        raise InputError(f"{name}: the page has no article text (only navigation or scripts?)")
    return text, meta
