"""Text plumbing for the rule backend: folded patterns, printed numbers.

Sentences and sections come from ``extractor.structure``; everything keeps character
offsets into the original document so that every evidence quote is a verbatim
substring of it.
"""

from __future__ import annotations

import re

from extractor.patterns import quick

_CASED_SYNTAX = re.compile(r"\\[ABDSWZN]|\(\?-i|\(\?[a-z]*i|\(\?P[<=]\w*[A-Z]")


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


def parse_number(raw: str) -> float:
    """Parse a printed number: thousands commas, Lancet middle dots, unicode minus."""
    cleaned = raw.strip().replace("·", ".").replace("−", "-").replace("–", "-")
    if re.fullmatch(r"-?\d{1,3}(?:,\d{3})+(?:\.\d+)?", cleaned):
        cleaned = cleaned.replace(",", "")
    return float(cleaned)


def word_to_int(raw: str) -> int | None:
    """"Thirty-one" -> 31, "one hundred and fifty-nine" -> 159, "12" -> 12; None if not a number."""
    raw = raw.strip().lower()
    if re.fullmatch(r"\d{1,3}(?:,\d{3})+|\d+", raw):
        return int(raw.replace(",", ""))
    total, current = 0, 0
    parts = [p for p in re.split(r"[\s-]+", raw) if p and p != "and"]
    if not parts:
        return None
    for part in parts:
        if part == "hundred":
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
