"""The article inside a saved news page: main text only, title and date from the page's metadata.

Navigation, headers, footers, asides, scripts, styles and forms are dropped. When the page has an
<article> (or else a <main>), only the text inside it counts. Block elements become paragraphs
separated by a blank line, so offsets refer to the text the reader shows. Nothing is fetched.
"""

from __future__ import annotations

import re
from collections import Counter
from html.parser import HTMLParser

from multivector.model.errors import InputError

_SKIP = frozenset({"nav", "header", "footer", "aside", "script", "style", "form", "noscript",
                   "template", "svg", "iframe", "button", "select", "textarea", "figcaption",
                   "menu", "dialog", "object", "canvas"})
# In a document (an EPUB chapter) every text counts; only what is never text is skipped.
_NOT_TEXT = frozenset({"script", "style", "noscript", "template", "svg", "iframe", "object",
                       "canvas", "button", "select", "textarea"})
_VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta",
                   "param", "source", "track", "wbr"})
_BLOCKS = frozenset({"p", "div", "section", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol",
                     "blockquote", "pre", "table", "tr", "dd", "dt", "dl", "article", "main",
                     "figure", "address", "body", "td", "th",
                     # skipped on a web page, read in a document (an EPUB chapter)
                     "header", "footer", "aside", "nav"})
_TITLE_META = ("og:title", "twitter:title", "title", "dc.title", "headline")
_DATE_META = ("article:published_time", "og:published_time", "date", "dc.date", "dc.date.issued",
              "pubdate", "publishdate", "publication_date", "datepublished", "sailthru.date",
              "parsely-pub-date")
_AUTHOR_META = ("author", "article:author", "dc.creator", "parsely-author")
_SITE_META = ("og:site_name", "application-name", "publisher", "dc.publisher")
_SPACE = re.compile(r"[ \t\r\n\f\v\u00a0]+")
MAX_DEPTH = 10_000  # elements open at once; sloppy pages leave some unclosed, none this many


class _TooDeep(Exception):
    """More elements open at once than any page nests."""


class _PageParser(HTMLParser):
    """Collects text blocks per region (article, main, whole page) and the page's metadata."""

    def __init__(self, whole: bool = False) -> None:
        super().__init__(convert_charrefs=True)
        self._whole = whole  # a document's whole text, not a page's main text
        self._skip = _NOT_TEXT if whole else _SKIP
        self.meta: dict[str, str] = {}
        self.title = ""
        self.time_value: str | None = None
        # Text blocks of the page, of <main>, and of each top-level <article> by its number.
        self.regions: dict[str, list[str]] = {"main": [], "page": []}
        self.articles: dict[int, list[str]] = {}
        self._stack: list[tuple[str, bool]] = []  # open tags, and whether each one hides text
        # how many of each tag are open: a stray end tag or the head test costs O(1), not a scan
        # of the stack (which made pages of unclosed or stray tags quadratic)
        self._open_tags: Counter[str] = Counter()
        self._skip_depth = 0
        self._in_title = False
        self._open = {"article": 0, "main": 0}
        self._line: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {k.lower(): (v or "") for k, v in attrs}
        if tag == "meta":
            key = (values.get("property") or values.get("name") or values.get("itemprop") or "")
            if key and values.get("content"):
                self.meta.setdefault(key.lower(), values["content"].strip())
            return
        if tag in _VOID:
            if tag == "br":
                self._line.append("\n")
            return
        hidden = "hidden" in values or values.get("aria-hidden") == "true" or \
            re.search(r"display\s*:\s*none", values.get("style", "")) is not None
        if len(self._stack) >= MAX_DEPTH:
            raise _TooDeep
        boilerplate = not self._whole and values.get("role") in ("navigation", "banner",
                                                                 "contentinfo")
        if tag in self._skip or hidden or boilerplate:
            self._push(tag, True)
            self._skip_depth += 1
            return
        if tag == "body" and self._open_tags["head"]:
            # a <head> left open by sloppy markup ends where the body starts
            self._stack = [entry for entry in self._stack if entry[0] != "head"]
            del self._open_tags["head"]
        self._push(tag, False)
        if tag == "title":
            self._in_title = True
        elif tag == "time" and self.time_value is None and values.get("datetime"):
            self.time_value = values["datetime"].strip()
        if tag in _BLOCKS:
            self._flush()
        if tag in self._open:
            self._open[tag] += 1
            if tag == "article" and self._open[tag] == 1:
                self.articles[len(self.articles)] = []

    def _push(self, tag: str, hides: bool) -> None:
        self._stack.append((tag, hides))
        self._open_tags[tag] += 1

    def handle_endtag(self, tag: str) -> None:
        if tag in _VOID or not self._open_tags[tag]:
            return  # a stray end tag closes nothing
        while self._stack:
            top, hides = self._stack.pop()
            self._open_tags[top] -= 1
            if hides:
                self._skip_depth -= 1
            elif top == "title":
                self._in_title = False
            elif top in _BLOCKS:
                self._flush()
                if top in self._open:
                    self._open[top] -= 1
            if top == tag:
                break

    def handle_data(self, data: str) -> None:
        if self._in_title and not self._skip_depth:
            self.title += data
        elif not self._skip_depth and not self._in_head():
            self._line.append(data)

    def _in_head(self) -> bool:
        return bool(self._open_tags["head"] or self._open_tags["title"])

    def _flush(self) -> None:
        block = "".join(self._line)
        self._line = []
        lines = [_SPACE.sub(" ", part).strip() for part in block.split("\n")]
        text = "\n".join(line for line in lines if line)
        if not text:
            return
        self.regions["page"].append(text)
        if self._open["main"]:
            self.regions["main"].append(text)
        if self._open["article"]:
            self.articles[len(self.articles) - 1].append(text)

    def close(self) -> None:
        # A page cut off mid-download ends inside a tag ('<a href="http://exa'): that is markup
        # that never arrived whole, not text.
        if self.rawdata.lstrip().startswith("<"):
            self.rawdata = ""
        super().close()
        self._flush()


def _first(meta: dict[str, str], keys: tuple[str, ...]) -> str | None:
    return next((meta[k] for k in keys if meta.get(k)), None)


def extract_html(markup: str, name: str, whole: bool = False) -> tuple[str, dict[str, object]]:
    """(text, metadata) of a saved web page; metadata keys: title, date, author, publication.
    `whole`: the text of a whole document (an EPUB chapter), not only a page's main text."""
    text, meta = read_page(markup, name, whole)
    if not text.strip():
        raise InputError(f"{name}: the page has no article text (only navigation or scripts?)")
    return text, meta


def read_page(markup: str, name: str, whole: bool = False) -> tuple[str, dict[str, object]]:
    """(text, metadata) as `extract_html`, the text empty when the page has none."""
    if len(markup) > 30_000_000:
        raise InputError(f"{name}: the page is too large to be one article")
    parser = _PageParser(whole)
    try:
        parser.feed(markup)
        parser.close()
    except (AssertionError, ValueError) as exc:  # html.parser gives up on some broken markup
        raise InputError(f"{name}: is not readable HTML ({exc})") from exc
    except _TooDeep:
        raise InputError(f"{name}: nests elements over {MAX_DEPTH} deep (tags never closed?); "
                         "no page needs that many") from None
    # Teasers of related stories are often <article>s too: the story is the longest one.
    longest = max(parser.articles.values(), key=lambda b: sum(map(len, b)), default=[])
    blocks = parser.regions["page"] if whole else (
        longest or parser.regions["main"] or parser.regions["page"])
    text = "\n\n".join(blocks)
    title = _first(parser.meta, _TITLE_META) or _SPACE.sub(" ", parser.title).strip() or None
    date = _first(parser.meta, _DATE_META) or parser.time_value
    meta: dict[str, object] = {
        "title": title,
        "date": date,
        "author": _first(parser.meta, _AUTHOR_META),
        "publication": _first(parser.meta, _SITE_META),
    }
    return text, {k: v for k, v in meta.items() if v}
