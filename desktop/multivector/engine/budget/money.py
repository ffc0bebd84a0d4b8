"""Money figures, percentages and "-fold" factors in text, read exactly.

Numbers keep their stated precision (`quantum`: the worth of one unit in the last digit written,
so "142.56 billion" has a quantum of 10 million) so that checks can tell rounding from
disagreement. Currencies, scale words and number words come from resources/budget/currencies.toml.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache, lru_cache

from multivector.engine.text.compiled import compiled
from multivector.engine.text.patterns import (
    literal_trie_regex,
    lower_in_pieces,
    token_trie_regex,
)
from multivector.resources import resource_path

# Thousands groups with commas ("1,170,000") or thin/no-break spaces; else a plain or decimal
# number, where a comma not followed by exactly three digits is a decimal comma ("2,1 bn").
_NUMBER = (
    r"(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?(?![\d,])"
    r"|\d{1,3}(?:[\u00a0\u202f\u2009]\d{3})+(?:[.,]\d+)?"
    r"|\d+(?:[.,]\d+)?)"
)
_DASH = r"\s?(?:-|–|—|to)\s?"


@dataclass(frozen=True)
class Money:
    """A money figure: where it stands, its value in whole units, its currency and precision."""

    start: int
    end: int
    value: float
    currency: str
    quantum: float
    high: float | None = None  # the upper end of a range ("$1.1-1.3 billion"), else None


@dataclass(frozen=True)
class Percent:
    """A percentage as written ("74%", "1.2 percent")."""

    start: int
    end: int
    value: float
    quantum: float


@dataclass(frozen=True)
class Fold:
    """A multiplying factor as written ("1.5-fold", "twofold", "1.5 times", "doubled")."""

    start: int
    end: int
    factor: float


@dataclass(frozen=True)
class _Tables:
    names: dict[str, str]  # lowercased name -> ISO code
    symbols: dict[str, str]
    codes: frozenset[str]
    scales: dict[str, float]
    words: dict[str, float]


@cache
def _tables() -> _Tables:
    with resource_path("budget", "currencies.toml").open("rb") as handle:
        data = tomllib.load(handle)
    names: dict[str, str] = {}
    symbols: dict[str, str] = {}
    for code, entry in data["currency"].items():
        for name in entry.get("names", []):
            names.setdefault(name.lower(), code)
        for symbol in entry.get("symbols", []):
            symbols.setdefault(symbol, code)
    return _Tables(
        names=names,
        symbols=symbols,
        codes=frozenset(data["currency"]),
        scales={k.lower(): float(v) for k, v in data["scale"].items()},
        words={k.lower(): float(v) for k, v in data["number_words"].items()},
    )


def alternation(items: object, flags: str = "", apostrophe: str | None = None) -> str:
    """Longest first, so "US dollars" wins over "dollars"; spaces match any spacing (and an
    apostrophe `apostrophe`, when given)."""
    special = {" ": r"\s+"} | ({"'": apostrophe} if apostrophe else {})
    words = [[special.get(ch) or re.escape(ch) for ch in str(i)]
             for i in items]  # type: ignore[attr-defined]
    # an empty item makes the whole optional, as "|" at the end would
    body = token_trie_regex(words)
    return f"(?{flags}:{body})" if flags else f"(?:{body})"


# IGNORECASE also lets these match ASCII letters ("ı" matches "i", "ſ" "s", the Kelvin sign "k").
_FOLDS = (("\u0131", "i"), ("\u017f", "s"), ("\u212a", "k"))


def _fold(text: str) -> str:
    lower = lower_in_pieces(text.replace("\u0130", "i"))  # "İ".lower() is two characters
    for odd, letter in _FOLDS:  # str.replace, not str.translate: ten times faster here
        if odd in lower:
            lower = lower.replace(odd, letter)
    return lower


@lru_cache(maxsize=4)  # the same document text is searched span by span
def folded(text: str) -> str:
    """`text` in lower case, same length, where a lower-case literal is found wherever an
    IGNORECASE pattern of it matches (tests/core/test_budget_speed.py checks every code point)."""
    return _fold(text)


def _minimal(parts: Iterable[str]) -> tuple[str, ...]:
    """Drop the parts that contain another part: finding the shorter one is enough."""
    unique = sorted(set(parts), key=len)
    kept: list[str] = []
    for part in unique:
        if not any(k in part for k in kept):
            kept.append(part)
    return tuple(kept)


class Literals:
    """Strings of which every match of some pattern spells out at least one: where none is
    present the pattern cannot match, and str.find says so far faster than sre trying a big
    alternation at every place. `exact` ones are looked for as written, `loose` ones (lower
    case) in `folded` text, for IGNORECASE patterns. A word with spaces or apostrophes (which
    patterns may match as any spacing or either apostrophe) is looked for by its longest piece."""

    def __init__(self, exact: Iterable[str] = (), loose: Iterable[str] = ()) -> None:
        def pieces(words: Iterable[str]) -> tuple[str, ...]:
            return _minimal(max(re.split(r"[ '’]", w), key=len) for w in words)

        exact_pieces, loose_pieces = pieces(exact), pieces(_fold(w) for w in loose)
        self.always = "" in exact_pieces or "" in loose_pieces  # nothing to look for: try
        # One search for all the pieces, shaped as a trie (engine/text/patterns.py): sre scans for
        # their first letters, without IGNORECASE.
        self._exact = compiled(literal_trie_regex(exact_pieces)) if exact_pieces else None
        self._loose = compiled(literal_trie_regex(loose_pieces)) if loose_pieces else None

    def any_in(self, text: str, start: int, end: int) -> bool:
        if self.always:
            return True
        if self._exact is not None and self._exact.search(text, start, end):
            return True
        return self._loose is not None and self._loose.search(folded(text), start, end) is not None


@cache
def _money_res() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """Currency before the number ("$1.17 billion") and after it ("142.56 billion tenge")."""
    t = _tables()
    words = alternation(t.words)
    number = rf"(?P<num>{_NUMBER})(?:{_DASH}(?P<high>{_NUMBER}))?|\b(?P<word>{words})"
    long_scales = [s for s in t.scales if len(s) > 1]
    short_scales = [s for s in t.scales if len(s) == 1]
    longs, shorts = alternation(long_scales), alternation(short_scales)
    scale = rf"(?:\s?(?P<scale>{longs})|(?P<short>{shorts}))"
    symbol = alternation(t.symbols, "-i")
    code = alternation(t.codes, "-i")
    name = alternation(t.names)
    after_symbol = alternation([s for s in t.symbols if not any(c.isalpha() for c in s)], "-i")
    # reference books put the currency's name first too: "som 8.9bn", "tenge 441bn"
    # the name may follow as well: "Rp 245.2 trillion rupiah" is one figure
    prefix = (rf"(?P<pre>{symbol}|{code}\b|{name}(?=\s\d))\s?(?:{number}){scale}?(?![\w%])"
              rf"(?:\s(?:{name})(?![\w’'‘]))?")
    suffix = (
        rf"(?:{number}){scale}?\s?(?:of\s+|in\s+)?"
        rf"(?:(?P<name>{name})(?![\w’'‘])|(?P<code>{code})\b|(?P<sym>{after_symbol}))"
    )
    # A class of the letters a figure can start with, tested first: most places in a text fail
    # it at once instead of trying every alternative (a fifth of the time of a long text).
    pre_start = _first_letters([*t.symbols, *t.codes, *t.names])
    suf_start = _first_letters(["0123456789", *t.words])
    return (
        compiled(rf"(?={pre_start})(?<![\d.,]){prefix}", re.IGNORECASE),
        compiled(rf"(?={suf_start})(?<![\d.,]){suffix}", re.IGNORECASE),
    )


def _first_letters(items: Iterable[object]) -> str:
    """A character class of what each item (or, for "0123456789", each digit) starts with."""
    chars = {ch for item in items for ch in (str(item) if str(item).isdigit() else str(item)[:1])}
    return "[" + "".join(re.escape(ch) for ch in sorted(chars)) + "]"


@cache
def _money_literals() -> tuple[Literals, Literals]:
    """What the two money patterns must spell out: a symbol or code before the number (both
    matched case-sensitively), or a name (any case), code or sign after it."""
    t = _tables()
    signs = [s for s in t.symbols if not any(c.isalpha() for c in s)]
    return Literals(exact=[*t.symbols, *t.codes], loose=t.names), Literals(exact=[*t.codes, *signs],
                                                            loose=t.names)


def _group(match: re.Match[str], name: str) -> str | None:
    return match.groupdict().get(name)


def parse_number(raw: str) -> tuple[float, int] | None:
    """The value of a written number and how many decimals it states; None if it is not one."""
    text = raw.strip().replace("\u00a0", " ").replace("\u202f", " ").replace("\u2009", " ")
    if not text:
        return None
    if re.fullmatch(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?", text):
        text = text.replace(",", "")
    elif re.fullmatch(r"\d{1,3}(?: \d{3})+(?:[.,]\d+)?", text):
        text = text.replace(" ", "").replace(",", ".")
    elif re.fullmatch(r"\d+,\d+", text):
        text = text.replace(",", ".")
    if not re.fullmatch(r"\d+(?:\.\d+)?", text):
        word = _tables().words.get(text.lower())
        return (word, 0) if word is not None else None
    decimals = len(text.split(".")[1]) if "." in text else 0
    return float(text), decimals


def _currency(match: re.Match[str]) -> str | None:
    t = _tables()
    if pre := _group(match, "pre"):
        pre = re.sub(r"\s+", " ", pre)
        return t.symbols.get(pre) or (pre if pre in t.codes else None) or t.names.get(pre.lower())
    if name := _group(match, "name"):
        return t.names.get(re.sub(r"\s+", " ", name).lower())
    if code := _group(match, "code"):
        return code
    return t.symbols.get(_group(match, "sym") or "")


def _reading(match: re.Match[str]) -> Money | None:
    """The figure a match reads, or None when it is no figure."""
    t = _tables()
    currency = _currency(match)
    parsed = parse_number(_group(match, "num") or _group(match, "word") or "")
    scale_word = (_group(match, "scale") or _group(match, "short") or "").lower()
    if currency is None or parsed is None:
        return None
    if _group(match, "word") and not scale_word:
        return None  # "a dollar", "one euro": words without a scale are not figures
    scale = t.scales.get(scale_word, 1.0)
    value, decimals = parsed
    if _group(match, "name") and not scale_word and not decimals and 1800 <= value <= 2100:
        return None  # "in 2007 won the vote": a year before a word that is also a currency
    high = parse_number(_group(match, "high") or "")
    return Money(start=match.start(), end=match.end(), value=round(value * scale, 6),
                 currency=currency, quantum=scale * 10.0**-decimals,
                 high=round(high[0] * scale, 6) if high else None)


_DIGIT = re.compile(r"\d")


def find_money(text: str, start: int = 0, end: int | None = None) -> list[Money]:
    """Money figures between `start` and `end`, in reading order."""
    end = len(text) if end is None else end
    if not _may_hold_money(text, start, end):
        return []
    matches = [m for regex, needs in zip(_money_res(), _money_literals(), strict=True)
               if needs.any_in(text, start, end) for m in regex.finditer(text, start, end)]
    # Only readings that are figures compete for a place: "a $" (a word before a sign) is none
    # and must not hide the "$4.75 billion" that starts inside it.
    readings = sorted((r for r in map(_reading, matches) if r is not None),
                      key=lambda r: (r.start, -r.end))
    found: list[Money] = []
    for money in readings:
        if not found or money.start >= found[-1].end:
            found.append(money)  # the same figure read both ways ("$ 5 dollars"): the first
    return found


_PERCENT_SIGN = r"(?:%|percent\b|per\s+cent\b|pct\b)(?!\s*points?\b)"


@cache
def _percent_re() -> re.Pattern[str]:
    """"74%", "1.2 percent", "1,05%" and in words, "two percent" (number words of
    currencies.toml; "a" is left out: "a percent" is no figure)."""
    words = alternation([w for w, v in _tables().words.items() if v >= 1 and w != "a"])
    return re.compile(
        rf"(?:(?<![\d.,])(?P<num>{_NUMBER})\s?|(?<![-\w])(?P<word>{words})[\s-]+){_PERCENT_SIGN}",
        re.IGNORECASE,
    )


_PERCENT_WORDS = Literals(loose=["%", "percent", "per cent", "pct"])  # what _PERCENT must spell


def may_hold_figure(text: str, start: int = 0, end: int | None = None) -> bool:
    """False when text[start:end] can hold no money figure and no percentage: no digit, no
    percent word, and no scale word for a sum in words ("two billion dollars")."""
    end = len(text) if end is None else end
    return _may_hold_money(text, start, end) or _PERCENT_WORDS.any_in(text, start, end)


def _may_hold_money(text: str, start: int, end: int) -> bool:
    """A digit, or a scale word for a sum in words: what every money figure has."""
    return (_DIGIT.search(text, start, end) is not None
            or _number_words().search(text, start, end) is not None)


@cache
def _number_words() -> re.Pattern[str]:
    """A scale word of currencies.toml spelled out ("billion", "crore"): a sum written in words
    that a budget speaks of has one ("two billion dollars", "a billion"); the one-letter
    abbreviations ("m", "k") stand only after digits."""
    words = [w for w in _tables().scales if len(w) > 2]
    return re.compile(rf"\b(?:{alternation(words)})\b", re.IGNORECASE)


def find_percents(text: str, start: int = 0, end: int | None = None) -> list[Percent]:
    """Percentages between `start` and `end` (percentage points are not percentages)."""
    found: list[Percent] = []
    end = len(text) if end is None else end
    if not _PERCENT_WORDS.any_in(text, start, end):
        return found
    for match in _percent_re().finditer(text, start, end):
        parsed = parse_number(match.group("num") or match.group("word"))
        if parsed is not None:
            found.append(Percent(match.start(), match.end(), parsed[0], 10.0 ** -parsed[1]))
    return found


@cache
def _fold_words(factor_words: tuple[str, ...]) -> Literals:
    """What `_fold_re` must spell out: "fold", "times" or a factor word."""
    return Literals(loose=["fold", "times", *factor_words])


@cache
def _fold_re(factor_words: tuple[str, ...]) -> re.Pattern[str]:
    words = alternation([w for w, v in _tables().words.items() if v >= 2])
    factors = alternation(factor_words) if factor_words else r"(?!x)x"
    return re.compile(
        rf"(?<![\d.,])(?P<num>{_NUMBER})\s?(?:-|–)?\s?(?:fold\b|times\b)"
        rf"|\b(?P<word>{words})-?fold\b|\b(?P<verb>{factors})\b",
        re.IGNORECASE,
    )


def find_folds(
    text: str, start: int, end: int, factor_words: dict[str, float]
) -> list[Fold]:
    """Factors between `start` and `end`: "1.5-fold", "twofold", "1.5 times" and the words in
    `factor_words` ("doubled" -> 2)."""
    found: list[Fold] = []
    lowered = {k.lower(): v for k, v in factor_words.items()}
    words = tuple(sorted(lowered))
    if not _fold_words(words).any_in(text, start, end):
        return found
    for match in _fold_re(words).finditer(text, start, end):
        if match.group("verb"):
            factor: float | None = lowered.get(match.group("verb").lower())
        else:
            parsed = parse_number(match.group("num") or match.group("word") or "")
            factor = parsed[0] if parsed else None
        if factor and factor > 0 and factor != 1:
            found.append(Fold(match.start(), match.end(), factor))
    return found


def round_significant(value: float, digits: int = 3) -> float:
    """`value` to `digits` significant digits: how derived figures are given (81.9 billion,
    not 81.93103448 billion), since they are no more exact than the figures they come from."""
    return float(f"{value:.{digits}g}")
