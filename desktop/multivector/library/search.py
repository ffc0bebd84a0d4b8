"""A search box's words as an FTS5 query that cannot be a syntax error by accident.

Words are quoted (so "C-130" or "U.S." are searched, not parsed); "quoted phrases" stay phrases;
a trailing * makes a prefix search; OR, AND and NOT in capitals keep their meaning. Queries are
bounded (characters and words): a search over thousands of words would run for minutes.
"""

from __future__ import annotations

import re

from multivector.model.errors import InputError

MAX_QUERY_CHARS = 500
MAX_TERMS = 32
MAX_LIMIT = 1000  # results of one search
_TOKEN = re.compile(r'"([^"]*)"(\*?)|(\S+)')
_OPERATORS = frozenset({"OR", "AND", "NOT"})


def _quote(text: str) -> str:
    return '"' + text.replace('"', '""') + '"'


def shown_query(query: str) -> str:
    """The query quoted for a message, shortened: a long query must not flood the terminal."""
    return repr(query if len(query) <= 40 else query[:40] + "…")


def fts_query(query: str) -> str:
    """The FTS5 MATCH expression for what the user typed; InputError when there is nothing to
    search for or too much."""
    if len(query) > MAX_QUERY_CHARS:
        raise InputError(f"search {shown_query(query)}: the query is {len(query):,} characters "
                         f"long; at most {MAX_QUERY_CHARS} are searched for")
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
        raise InputError(f"search {shown_query(query)}: give at least one word to search for")
    terms = sum(1 for part in parts if part not in _OPERATORS)
    if terms > MAX_TERMS:
        raise InputError(f"search {shown_query(query)}: {terms} words or phrases; "
                         f"at most {MAX_TERMS} are searched for at once")
    return " ".join(parts)
