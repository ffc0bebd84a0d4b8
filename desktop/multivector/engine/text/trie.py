"""Regular expressions for many literals, shaped as a trie so that sre tests a few first
letters per position instead of every alternative."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

_END = ""  # marks where an item ends; no token is empty


def _to_regex(node: dict[str, dict]) -> str:
    branches = [token + _to_regex(child) for token, child in sorted(node.items()) if token != _END]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    return f"(?:{body})?" if _END in node else body


def token_trie_regex(items: Iterable[Sequence[str]]) -> str:
    """A regex of items given as sequences of regex tokens (each matching one piece). Matching
    items at one place always form a chain of prefixes, and the trie tries them longest first,
    as a longest-first alternation does."""
    root: dict[str, dict] = {}
    for tokens in items:
        node = root
        for token in tokens:
            node = node.setdefault(token, {})
        node[_END] = {}
    return _to_regex(root)


def literal_trie_regex(words: Iterable[str]) -> str:
    """A regex matching exactly the given literals, longest alternative preferred."""
    return token_trie_regex([re.escape(ch) for ch in word] for word in words)
