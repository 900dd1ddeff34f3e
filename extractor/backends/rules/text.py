"""Text plumbing for the rule backend: folded patterns, printed numbers.

Sentences and sections come from ``extractor.structure``; everything keeps character
offsets into the original document so that every evidence quote is a verbatim
substring of it.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable, Iterable, Iterator
from typing import Protocol

from extractor.patterns import lowered, quick

#: Hyphens other than "-" (U+2010, U+2011, common in PubMed text), each read as "-": one character for one, so
#: offsets stay: "thirty‐two" is one number, "nab‐paclitaxel" one drug.
HYPHENS = str.maketrans({"\u2010": "-", "\u2011": "-"})
#: What the rule backend reads a document with: those hyphens as "-" and the narrow, thin and no-break spaces of
#: typeset text ("95%\u2009CI", "12\u00a0months") as " ", one character for one.
PLAIN = HYPHENS | str.maketrans(dict.fromkeys("\u00a0\u2009\u202f\u2007\u2008\u200a", " "))

_CASED_SYNTAX = quick(r"\\[ABDSWZN]|\(\?-i|\(\?[a-z]*i|\(\?P[<=]\w*[A-Z]")


def folded(pattern: str) -> re.Pattern[str]:
    """``pattern`` compiled to search lowercased text, case-insensitively in effect.

    CPython's ``re`` tries a case-insensitive alternation several times slower than
    the same alternation case-sensitively, so hot patterns are written to run over
    ``text.lower()``. The caller lowercases; offsets into the lowercased text equal
    offsets into the original whenever the lengths agree (they differ only for rare
    characters such as "İ").

    Raises:
        ValueError: the pattern uses syntax whose meaning lowercasing would change
            (``\\S``, ``\\W``, ``\\D``, ``\\B``, inline case flags, group names
            with capitals).
    """
    if _CASED_SYNTAX.search(pattern):
        raise ValueError(f"pattern cannot be folded: {pattern[:60]!r}")
    return quick(pattern.lower().replace("(?p<", "(?P<").replace("(?p=", "(?P="))


def folded_or_none(pattern: str) -> re.Pattern[str] | None:
    """``folded(pattern)``, or None for a pattern that cannot be folded (then the caller keeps
    matching case-insensitively)."""
    try:
        return folded(pattern)
    except ValueError:
        return None


class Searcher(Protocol):
    """Anything searched as a compiled pattern is: a pattern, a ``Folded`` one, a ``Keyed`` one."""

    def search(self, text: str, /) -> re.Match[str] | None: ...


class Folded:
    """A case-insensitive pattern searched, as ``folded``, in the lowercased text (several times faster), where
    lowering keeps every offset; else (a rare "İ"), or when the pattern cannot be folded, searched in the text
    as it is. Its matches give offsets into the text; the text of a group may be lowercased."""

    __slots__ = ("low", "plain")

    def __init__(self, pattern: str) -> None:
        self.plain, self.low = quick(pattern, re.IGNORECASE), folded_or_none(pattern)

    def pair(self, text: str) -> tuple[re.Pattern[str], str]:
        """The pattern to run and the string to run it over: ``text`` lowercased, or ``text``."""
        if self.low is not None:
            low = lowered(text)
            if len(low) == len(text):
                return self.low, low
        return self.plain, text

    def search(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        pattern, searched = self.pair(text)
        return pattern.search(searched, pos, endpos)

    def match(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        pattern, searched = self.pair(text)
        return pattern.match(searched, pos, endpos)

    def finditer(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> Iterator[re.Match[str]]:
        pattern, searched = self.pair(text)
        return pattern.finditer(searched, pos, endpos)


class _Learnt(dict[str, int]):
    """The values of ``compute`` by argument, each computed on first use (``learnt[word]``), all
    forgotten past ``limit`` (a bound on memory). Faster to look up than ``functools.lru_cache``."""

    def __init__(self, compute: Callable[[str], int], limit: int) -> None:
        super().__init__()
        self._compute, self._limit = compute, limit

    def __missing__(self, key: str) -> int:
        if len(self) >= self._limit:
            self.clear()
        value = self[key] = self._compute(key)
        return value


_LETTERS = quick(r"[a-z]+")  # re does not skip ahead on a repeated class by itself


class KeySets:
    """Which of several sets of keys a text holds: bit ``i`` of ``bits`` is set when a key of set ``i``
    is in the text. A lowercase key is looked for in the lowercased text, a key with a capital as
    written ("OR"). Keys are two characters long or more.

    Testing a hundred keys one by one against every text is slow. A key of letters lies inside
    one run of letters of the lowercased text, and runs recur from text to text: the sets each run
    holds a key of are remembered, so a text costs one lookup per word. A run seen for the first
    time is read pair of letters by pair, against the keys that begin with that pair. Other keys
    ("white blood", "g3") are tested on the whole text.
    """

    def __init__(self, sets: Iterable[Iterable[str]]) -> None:
        by_key: dict[str, int] = {}
        for i, keys in enumerate(sets):
            for key in keys:
                if len(key) < 2:
                    raise ValueError(f"a key of one character: {key!r}")
                by_key[key] = by_key.get(key, 0) | 1 << i
        by_pair: dict[str, list[tuple[str, int]]] = {}
        for key, bits in by_key.items():
            if _LETTERS.fullmatch(key):
                by_pair.setdefault(key[:2], []).append((key, bits))
        self._by_pair = {pair: tuple(keys) for pair, keys in by_pair.items()}
        self._other_keys = tuple((k, bits) for k, bits in by_key.items() if k.islower() and not _LETTERS.fullmatch(k))
        self._cased_keys = tuple((k, bits) for k, bits in by_key.items() if not k.islower())
        self._word_bits = _Learnt(self._bits_of_word, 1 << 15)

    def _bits_of_word(self, word: str) -> int:
        bits = 0
        for i in range(len(word) - 1):
            for key, key_bits in self._by_pair.get(word[i:i + 2], ()):
                if word.startswith(key, i):
                    bits |= key_bits
        return bits

    def bits(self, text: str, low: str) -> int:
        """The sets ``text`` holds a key of, as bits; ``low`` is ``text.lower()``."""
        bits, word_bits = 0, self._word_bits
        for word in _LETTERS.findall(low):
            bits |= word_bits[word]
        for key, key_bits in self._other_keys:
            if key in low:
                bits |= key_bits
        for key, key_bits in self._cased_keys:
            if key in text:
                bits |= key_bits
        return bits


def search_back(pattern: re.Pattern[str], text: str, start: int, end: int, outside: re.Pattern[str]) -> re.Match[str] | None:
    """``pattern.search(text, start, end)`` for a pattern whose matches end at ``end`` ("…$") and hold no
    character ``outside`` matches: the search starts after the last such character before ``end``.

    re tries a pattern anchored at the end at every character of the window, each try running to
    the end; a match cannot start before a character it cannot hold, so those tries are skipped.
    """
    last = outside.search(text[start:end][::-1])
    return pattern.search(text, end - last.start() if last else start, end)


#: The words that deny a name just before it: "34% without AM", "no radiotherapy", "not receiving RT".
_DENIED_BEFORE = quick(r"\b(?:without|no|not\s+(?:receiving|given|treated\s+with))\s+(?:the\s+|any\s+)?$", re.IGNORECASE)


def denied(text: str, start: int) -> bool:
    """True when the name at ``start`` is denied by the words just before it ("34% without AM", "in patients
    not receiving AM"): it names the other arm, or none."""
    return _DENIED_BEFORE.search(text, max(0, start - 30), start) is not None


def closing_bracket(text: str, pos: int) -> int | None:
    """Where the first bracket left open at ``pos`` closes ("(" or "[" before ``pos``, its ")" or "]" at or after it);
    None when it does not close."""
    depth = 0
    for i in range(pos, len(text)):
        if text[i] in "([":
            depth += 1
        elif text[i] in ")]":
            depth -= 1
            if depth < 0:
                return i
    return None


#: An innermost bracketed aside, round only ("(75%)"), and round or square ("[NRS < 3]").
ROUND_ASIDE = quick(r"\([^()]*\)")
ANY_ASIDE = quick(r"\([^()\[\]]*\)|\[[^()\[\]]*\]")


def without_asides(text: str, innermost: re.Pattern[str] = ROUND_ASIDE) -> str:
    """``text`` without its bracketed asides, nested ones too (``innermost`` removed until none is left):
    "(plus surgery in 51/68 (75%) cases)" leaves nothing."""
    if "(" not in text and "[" not in text:  # every aside opens with one of them
        return text
    bare = innermost.sub("", text)
    while bare != text:
        text, bare = bare, innermost.sub("", bare)
    return bare


# ---------------------------------------------------------------- numbers

_WORD_NUMBERS = {
    "zero": 0, "no": 0, "none": 0, "one": 1, "single": 1, "two": 2, "three": 3, "four": 4,
    "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11,
    "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
    "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40,
    "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
}
WORD_NUMBER = (
    r"(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[- ](?:one|two|three|four|five|"
    r"six|seven|eight|nine))?|(?:one|two|three|four|five|six|seven|eight|nine) hundred(?: and)?"
    r"(?: (?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety))?(?:[- ](?:one|two|three|"
    r"four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|"
    r"seventeen|eighteen|nineteen))?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|"
    r"twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)"
)
#: "versus" as printed: versus, vs, vs., and JCO's lower-case "v" ("37.3 v 31.9 weeks").
VERSUS = r"(?:versus|vs\.?|(?-i:v)\.?(?=\s))"
#: A number as printed: 1,794 / 56.5 / 22·4 (Lancet decimal point).
NUM = r"(?:\d{1,3}(?:,\d{3})+(?![\d.·])|\d+(?:[.·]\d+)?)"  # one group: safe to put in any pattern


_GROUPED_NUMBER = quick(r"-?\d{1,3}(?:,\d{3})+(?:\.\d+)?")
_WHOLE_NUMBER = quick(r"\d{1,3}(?:,\d{3})+|\d+")
_NUMBER_WORD_GAP = quick(r"[\s-]+")


def parse_number(raw: str) -> float:
    """Parse a printed number: thousands commas, Lancet middle dots, unicode minus."""
    cleaned = raw.strip().replace("·", ".").replace("−", "-").replace("–", "-")
    if _GROUPED_NUMBER.fullmatch(cleaned):
        cleaned = cleaned.replace(",", "")
    return float(cleaned)


def word_to_int(raw: str) -> int | None:
    """"Thirty-one" -> 31, "one hundred and fifty-nine" -> 159, "one thousand eighty-eight" -> 1088, "12" -> 12; None if
    not a number."""
    raw = raw.strip().lower()
    if _WHOLE_NUMBER.fullmatch(raw):
        return int(raw.replace(",", ""))
    total, current = 0, 0
    parts = [p for p in _NUMBER_WORD_GAP.split(raw) if p and p != "and"]
    if not parts:
        return None
    for part in parts:
        if part == "thousand":  # "one thousand two hundred ninety-nine"
            total, current = total + max(current, 1) * 1000, 0
        elif part == "hundred":
            current = max(current, 1) * 100
        elif part in _WORD_NUMBERS:
            current += _WORD_NUMBERS[part]
        else:
            return None
    return total + current


def distinct(items: list[str]) -> list[str]:
    """``items`` without repeats, first occurrence kept."""
    return list(dict.fromkeys(items))


def is_int(value: float) -> bool:
    return float(value).is_integer()


def expansion(abbreviation: str, text: str) -> str | None:
    """The words ``text`` defines ``abbreviation`` with: "usual care (UC)" -> "usual care",
    "resistance exercise training (RET)" -> "resistance exercise training".

    The words right before "(ABBR)" whose initials are its letters; else the shortest run of
    them that starts with its first letter and holds its letters in order (Schwartz and
    Hearst's rule: "Roux-en-Y (R-Y)"); None when there is none.
    """
    letters = [c.lower() for c in abbreviation if c.isalnum()]
    if not letters or not letters[0].isalpha():
        return None
    at = text.find(f"({abbreviation})")
    if at < 0:
        at = text.find(f"({abbreviation};")
    if at < 0:
        return None
    words = re.findall(r"[\w'’-]+", text[max(0, at - 120):at])[-(len(letters) + 3):]
    initials = words[-len(letters):]
    if len(initials) == len(letters) and all(w[0].lower() == c for w, c in zip(initials, letters, strict=True)):
        return " ".join(initials)  # one word per letter: "comprehensive coping strategy program (CCSP)"
    for k in range(1, len(words) + 1):
        run = words[-k:]
        if run[0][0].lower() != letters[0]:
            continue
        chars = iter(" ".join(run).lower())
        if all(c in chars for c in letters):
            return " ".join(run)
    return None
