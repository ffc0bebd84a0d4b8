"""A search box's words as an FTS5 query that cannot be a syntax error by accident.

Words are quoted (so "C-130" or "U.S." are searched, not parsed); "quoted phrases" stay phrases;
a trailing * makes a prefix search; OR, AND and NOT in capitals keep their meaning.
"""

from __future__ import annotations

import re

from multivector.model.errors import InputError

_TOKEN = re.compile(r'"([^"]*)"(\*?)|(\S+)')
_OPERATORS = frozenset({"OR", "AND", "NOT"})


def _quote(text: str) -> str:
    return '"' + text.replace('"', '""') + '"'


def fts_query(query: str) -> str:
    """The FTS5 MATCH expression for what the user typed; InputError when there is nothing."""
    parts: list[str] = []
    for match in _TOKEN.finditer(query):
        phrase, star, word = match.groups()
        if word is not None and word in _OPERATORS:
            if parts and parts[-1] not in _OPERATORS:
                parts.append(word)
            continue
        if word is not None:
            star = "*" if word.endswith("*") and len(word) > 1 else ""
            phrase = word.rstrip("*").strip('"')
        phrase = (phrase or "").strip()
        if not re.search(r"\w", phrase):
            continue
        parts.append(_quote(phrase) + (star or ""))
    while parts and parts[-1] in _OPERATORS:
        parts.pop()
    if not parts:
        raise InputError(f"search {query!r}: give at least one word to search for")
    return " ".join(parts)
