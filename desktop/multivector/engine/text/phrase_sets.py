"""Many named sets of phrases, found in one pass over the text.

One fast scan (a trie of every set's first words) finds the places where some phrase may start;
there, only the sets whose first words fit are tried, each with its own small pattern. So a text
is read once however many sets there are, and phrases of different sets may start at the same
word ("peacekeeping exercise" is both peace support and an exercise).
"""

from __future__ import annotations

import re
from functools import cached_property

from multivector.engine.text.patterns import (
    LEFT_BOUNDARY,
    PhrasePattern,
    compile_phrases,
    first_literals,
    literal_trie_regex,
)

_KEY = 3  # first letters that index the sets


class PhraseSets:
    """Named phrase sets (in the language of resources/*.toml), searched in lowered text."""

    def __init__(self, sets: dict[str, list[str]]) -> None:
        self.names = list(sets)
        self._phrases = sets
        self._by_key: dict[str, set[str]] = {}
        literals: set[str] = set()
        for name, phrases in sets.items():
            for literal in first_literals(phrases):
                literals.add(literal)
                self._by_key.setdefault(literal[:_KEY], set()).add(name)
        self._literals = literals
        self._patterns: dict[str, PhrasePattern] = {}

    @cached_property
    def _starts(self) -> re.Pattern[str]:
        # a lookahead, so that a first word spelled with a space ("air space") hides no start
        return re.compile(rf"{LEFT_BOUNDARY}(?=(?:{literal_trie_regex(self._literals)}))")

    @property
    def phrases(self) -> dict[str, list[str]]:
        """Set name -> its phrases, as given."""
        return dict(self._phrases)

    def pattern(self, name: str) -> PhrasePattern:
        """The pattern of one set, compiled when first needed."""
        if name not in self._patterns:
            self._patterns[name] = compile_phrases(self._phrases[name])
        return self._patterns[name]

    def scan(
        self, low: str, start: int = 0, end: int | None = None, overlapping: frozenset[str] = frozenset()
    ) -> dict[str, list[tuple[int, int]]]:
        """Set name -> (start, end) of its phrases in low[start:end], in reading order.

        A set named in `overlapping` gets a phrase at every word one starts at; the others, as
        a regular expression's finditer would, none that starts inside the previous one.
        """
        end = len(low) if end is None else end
        found: dict[str, list[tuple[int, int]]] = {name: [] for name in self.names}
        resume = dict.fromkeys(self.names, start)
        for candidate in self._starts.finditer(low, start, end):
            here = candidate.start()
            word = low[here : here + _KEY]
            names = self._by_key.get(word, set()) | self._by_key.get(word[:2], set()) | self._by_key.get(word[:1], set())
            for name in names:
                if here < resume[name] and name not in overlapping:
                    continue
                match = self.pattern(name).match(low, here, end)
                if match:
                    found[name].append((here, match.end()))
                    resume[name] = max(match.end(), here + 1)
        return found
