"""Which files an import reads (folders searched for article files) and, for a file that
cannot be added, why, in words."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

from multivector.model.errors import InputError

ARTICLE_SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm", ".xhtml", ".pdf", ".docx", ".epub")


def skip_reason(file: Path, exc: Exception) -> str:
    """"FILE: why it was skipped", in words (an InputError's message already names the file)."""
    if isinstance(exc, InputError):
        return str(exc)
    if isinstance(exc, OSError):
        return f"{file}: cannot be read ({exc.strerror or type(exc).__name__})"
    return f"{file}: could not be analysed ({type(exc).__name__})"


def expand_paths(paths: Iterable[Path | str]) -> Iterator[Path]:
    """Files as given; folders searched (recursively) for files with an article suffix."""
    for item in paths:
        path = Path(item)
        if path.is_dir():
            yield from sorted(p for p in path.rglob("*")
                              if p.is_file() and p.suffix.lower() in ARTICLE_SUFFIXES
                              and not p.name.startswith("."))
        else:
            yield path
