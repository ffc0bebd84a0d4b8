"""The small phrase language of resources/*.toml, compiled to regular expressions.

    word*   the word and any ending          a|b   either word
    ...     up to six words in between       _     an optional space or hyphen
    -       a hyphen or a space

Phrases match case-insensitively on whole words.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

_GAP = r"(?:[\s,;:’'\-–]+[\w’'\-]+){0,6}?[\s,;:’'\-–]+"
_SPACE = r"[\s\u00a0]+"


def _word(token: str) -> str:
    alternatives = []
    for alternative in token.split("|"):
        stem = alternative.rstrip("*")
        pattern = re.escape(stem)
        pattern = pattern.replace(r"\-", r"[-\s–]").replace("_", r"[-\s]?")
        pattern = pattern.replace(r"\.", r"\.")  # keep abbreviations literal
        if alternative.endswith("*"):
            pattern += r"[\w\-]*"
        alternatives.append(pattern)
    return "(?:" + "|".join(alternatives) + ")"


def phrase_regex(phrase: str) -> str:
    """The regular expression, without flags or boundaries, for one phrase."""
    parts: list[str] = []
    pending_gap = False
    for token in phrase.split():
        if token == "...":
            pending_gap = True
            continue
        if parts:
            parts.append(_GAP if pending_gap else _SPACE)
        parts.append(_word(token))
        pending_gap = False
    return "".join(parts)


def compile_phrases(phrases: Iterable[str]) -> re.Pattern[str]:
    """One case-insensitive, whole-word pattern matching any of `phrases` (longest first)."""
    ordered = sorted(set(phrases), key=len, reverse=True)
    body = "|".join(f"(?:{phrase_regex(p)})" for p in ordered)
    return re.compile(rf"(?<![\w\-])(?:{body})(?![\w])", re.IGNORECASE)


def compile_named(named: dict[str, Iterable[str]]) -> re.Pattern[str]:
    """One pattern over several groups of phrases; `match.lastgroup` names the group that hit."""
    groups = []
    for index, (name, phrases) in enumerate(named.items()):
        ordered = sorted(set(phrases), key=len, reverse=True)
        body = "|".join(f"(?:{phrase_regex(p)})" for p in ordered)
        groups.append(f"(?P<g{index}>{body})")
        del name
    return re.compile(rf"(?<![\w\-])(?:{'|'.join(groups)})(?![\w])", re.IGNORECASE)
