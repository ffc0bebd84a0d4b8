"""Start-up pays only for what it uses: building the window on a text article imports neither
trafilatura (saved web pages) nor charset-normalizer (legacy code pages); opening a page does."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

_BUILD = """
import json, sys
from PySide6.QtWidgets import QApplication
app = QApplication([])
from multivector.qt import build_window
window = build_window(sys.argv[1])
window.show()
app.processEvents()
names = ("trafilatura", "charset_normalizer", "lxml", "justext", "htmldate")
print(json.dumps({name: name in sys.modules for name in names}))
from multivector.qt.window.app import discard_window
discard_window(window)
"""


def _loaded(article: Path) -> dict[str, bool]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run([sys.executable, "-c", _BUILD, str(article)], env=env,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.strip().splitlines()[-1])


def test_a_text_article_imports_neither(tmp_path: Path) -> None:
    article = tmp_path / "brief.txt"
    article.write_text("Peru and Japan signed a memorandum on maritime security in Lima.\n",
                       "utf-8")
    assert _loaded(article) == dict.fromkeys(
        ("trafilatura", "charset_normalizer", "lxml", "justext", "htmldate"), False)


def test_a_saved_page_does_import_trafilatura(tmp_path: Path) -> None:
    # the check above can fail: opening a page loads the extractor in the same way
    page = tmp_path / "story.html"
    page.write_text("<html><body><article><p>Peru and Japan signed a memorandum on maritime "
                    "security in Lima.</p></article></body></html>", "utf-8")
    assert _loaded(page)["trafilatura"] is True
