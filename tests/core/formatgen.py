"""Writers of test documents in other formats (HTML page, DOCX, EPUB), built by hand so the
tests need no writer library. Each takes an article's plain text, paragraphs split on blank lines.
"""

from __future__ import annotations

import html
import io
import zipfile


def paragraphs(text: str) -> list[str]:
    return [p for p in text.split("\n\n") if p.strip()]


def news_page(text: str, title: str = "Page title", published: str | None = "2019-05-04T08:00:00Z",
              site: str | None = "The Test Gazette") -> str:
    """A saved news page: the article amid navigation, scripts, styles, an aside and a footer."""
    body = "\n".join(f"<p>{html.escape(p)}</p>" for p in paragraphs(text))
    meta = f'<meta property="og:title" content="{html.escape(title)}">'
    if published:
        meta += f'\n<meta property="article:published_time" content="{published}">'
    if site:
        meta += f'\n<meta property="og:site_name" content="{html.escape(site)}">'
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Ignored | Site</title>
{meta}
<style>p {{ color: red; }} .nav::before {{ content: "Russia"; }}</style>
<script>window.menu = ["Home", "Russia", "Japan"]; if (a < b && c > d) {{ track("x"); }}</script>
</head><body>
<header><a href="/">The Test Gazette</a> <nav><ul><li><a href="/w">World</a></li>
<li><a href="/r">Russia and China news</a></li></ul></nav></header>
<div class="social">Share on <button>Facebook</button></div>
<main><article><h1 hidden>Duplicate headline</h1>
{body}
<aside>Related: Japan and France sign a navy pact</aside>
<script type="application/ld+json">{{"headline": "Turkey"}}</script>
</article></main>
<form><input name="q"> Subscribe to our newsletter</form>
<footer>Copyright The Test Gazette. Contact: Germany office.</footer>
<script src="/app.js"></script>
</body></html>"""


_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def _w_paragraph(text: str) -> str:
    # Word splits text into runs wherever formatting changes; split mid-word to prove they join.
    half = len(text) // 2
    runs = "".join(
        f'<w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve">{html.escape(part)}</w:t></w:r>'
        for part in (text[:half], text[half:])
    )
    return f"<w:p><w:pPr><w:pStyle w:val=\"Normal\"/></w:pPr>{runs}</w:p>"


def docx(text: str, title: str | None = "Docx title", extra_xml: str = "") -> bytes:
    """A minimal but valid WordprocessingML package."""
    body = "".join(_w_paragraph(p) for p in paragraphs(text))
    body += '<w:p><w:r><w:delText>deleted words</w:delText></w:r></w:p><w:p/>'
    document = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>{extra_xml}'
                f'<w:document xmlns:w="{_W}"><w:body>{body}<w:sectPr/></w:body></w:document>')
    core = ('<?xml version="1.0" encoding="UTF-8"?><cp:coreProperties '
            'xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
            'xmlns:dc="http://purl.org/dc/elements/1.1/">'
            f'<dc:title>{html.escape(title or "")}</dc:title><dc:creator>A. Writer</dc:creator>'
            '</cp:coreProperties>')
    types = ('<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats'
             '.org/package/2006/content-types"><Default Extension="xml" ContentType="application/'
             'xml"/></Types>')
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", types)
        archive.writestr("word/document.xml", document)
        archive.writestr("docProps/core.xml", core)
    return buffer.getvalue()


def epub(chapters: list[str], title: str = "Epub title") -> bytes:
    """An EPUB 3 with one XHTML file per chapter, listed in the spine in order."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("mimetype", "application/epub+zip", compress_type=zipfile.ZIP_STORED)
        archive.writestr("META-INF/container.xml",
                         '<?xml version="1.0"?><container version="1.0" xmlns="urn:oasis:names:tc:'
                         'opendocument:xmlns:container"><rootfiles><rootfile full-path="OEBPS/'
                         'content.opf" media-type="application/oebps-package+xml"/></rootfiles>'
                         '</container>')
        items = "".join(f'<item id="c{i}" href="text/c{i}.xhtml" media-type="application/'
                        f'xhtml+xml"/>' for i in range(len(chapters)))
        spine = "".join(f'<itemref idref="c{i}"/>' for i in range(len(chapters)))
        archive.writestr("OEBPS/content.opf",
                         '<?xml version="1.0"?><package xmlns="http://www.idpf.org/2007/opf" '
                         'version="3.0"><metadata xmlns:dc="http://purl.org/dc/elements/1.1/">'
                         f'<dc:title>{title}</dc:title><dc:date>2021-03-02</dc:date></metadata>'
                         f'<manifest>{items}</manifest><spine>{spine}</spine></package>')
        for i, chapter in enumerate(chapters):
            body = "".join(f"<p>{html.escape(p)}</p>" for p in paragraphs(chapter))
            archive.writestr(f"OEBPS/text/c{i}.xhtml",
                             '<?xml version="1.0" encoding="utf-8"?><!DOCTYPE html><html xmlns='
                             f'"http://www.w3.org/1999/xhtml"><head><title>c{i}</title></head>'
                             f"<body>{body}</body></html>")
    return buffer.getvalue()
