"""Saved news pages as sites make them: the story amid menus, teasers of other stories, a
cookie banner, a comment section and a footer, each full of the country names that would
become false partners if they reached the engine. Built by hand from an article's paragraphs."""

from __future__ import annotations

import html

STORY = (
    ("h1", "Vietnam and Japan widen their maritime security partnership"),
    ("p", "Vietnam and Japan agreed on Monday to expand cooperation on maritime security, "
          "with Japanese instructors training Vietnamese coast guard crews in Da Nang from "
          "next spring, officials in Hanoi said."),
    ("p", "The agreement, signed by the two defense ministers, also covers search and rescue "
          "exercises in the South China Sea and the transfer of six patrol vessels built in "
          "Japanese yards."),
    ("h2", "A budget that keeps growing"),
    ("p", "Vietnam's defense budget for 2024 is 138 trillion dong, about 5.6 billion US "
          "dollars, a rise of 8 percent compared with the previous year, according to the "
          "finance ministry."),
    ("li", "Six patrol vessels by 2026"),
    ("li", "Joint search and rescue drills every year"),
    ("p", "Analysts in Tokyo said the deal reflects a wider pattern of Japanese security "
          "assistance across Southeast Asia, though both governments stressed that it is not "
          "directed at any third country."),
)
NOISE = ("Brazil", "Germany", "Mexico", "Canada", "Australia", "Norway", "Argentina", "Egypt",
         "Subscribe", "cookies", "Copyright", "commenter")

_NAV = """<header class="site-header"><a class="logo" href="/">The Harbour Times</a>
<nav class="menu"><ul><li><a href="/world">World</a></li><li><a href="/brazil">Brazil</a></li>
<li><a href="/germany">Germany</a></li><li><a href="/mexico">Mexico news</a></li>
<li><a href="/sport">Sport</a></li></ul></nav>
<form class="search"><input name="q" placeholder="Search"></form></header>"""
_COOKIES = """<div class="cookie-banner" id="cookie-consent"><p>We use cookies to improve your
experience and for advertising from partners in Canada and Australia. By continuing you agree.
</p><button>Accept all cookies</button><button>Settings</button></div>"""
_RELATED = """<aside class="related"><h3>Related stories</h3><ul>
<li><a href="/a1">Norway and Argentina sign an Antarctic research pact</a></li>
<li><a href="/a2">Egypt buys fighter jets from abroad</a></li>
<li><a href="/a3">Canada boosts Arctic patrols</a></li></ul></aside>"""
_COMMENTS = """<section class="comments" id="comments"><h3>Comments (3)</h3>
<div class="comment"><span class="author">commenter77</span><p>Brazil should do the same,
honestly. And Germany too.</p></div>
<div class="comment"><span class="author">seawatch</span><p>Mexico and Canada have had such
deals for years.</p></div></section>"""
_FOOTER = """<footer class="site-footer"><p>Copyright 2024 The Harbour Times. Offices in
Australia, Norway and Egypt.</p><p><a href="/subscribe">Subscribe</a> to our newsletter.</p>
</footer>"""


def story_html() -> str:
    out = []
    items: list[str] = []
    for tag, text in STORY:
        if tag == "li":
            items.append(f"<li>{html.escape(text)}</li>")
            continue
        if items:
            out.append("<ul>" + "".join(items) + "</ul>")
            items = []
        out.append(f"<{tag}>{html.escape(text)}</{tag}>")
    if items:
        out.append("<ul>" + "".join(items) + "</ul>")
    return "\n".join(out)


def story_paragraphs() -> list[str]:
    return [text for _tag, text in STORY]


def saved_page(container: str = "article", comments: bool = True) -> str:
    """A whole page; `container` holds the story: "article", "main" or "div" (no article
    element at all, as many sites do)."""
    head = ('<head><meta charset="utf-8"><title>Vietnam, Japan widen partnership | The Harbour '
            'Times</title><meta property="og:title" content="Vietnam and Japan widen their '
            'maritime security partnership"><meta name="author" content="Lan Nguyen">'
            '<meta property="article:published_time" content="2024-03-11T07:30:00Z">'
            '<meta property="og:site_name" content="The Harbour Times">'
            "<script>var ads = ['Brazil', 'Germany'];</script></head>")
    story = story_html()
    if container == "div":
        body = f'<div class="layout"><div class="col-main"><div class="story-body">{story}</div>'
    else:
        body = f'<div class="layout"><{container} class="story">{story}</{container}>'
    body += _RELATED + (_COMMENTS if comments else "") + "</div>"
    return (f"<!DOCTYPE html><html lang=\"en\">{head}<body>{_COOKIES}{_NAV}{body}{_FOOTER}"
            "</body></html>")
