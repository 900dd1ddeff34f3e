"""Is a quote in the document, and does it hold its number? One answer for every caller.

The scorer (grounded share), the LLM backend's validators and the tests all ask the
same two questions of an ``evidence`` string; they share these functions so that a
quote the extractor keeps is a quote the scorer accepts.
"""

from __future__ import annotations

import re

_DASHES = str.maketrans({c: "-" for c in "‐‑‒–—―−"})
_NOT_REACHED = re.compile(r"not (?:yet )?(?:been )?reached|\bNR\b|not estimable|non atteinte?|\bNE\b", re.IGNORECASE)
_ONES = ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
         "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen")
_TENS = ("twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")


def normalise(text: str) -> str:
    """Whitespace runs as one space, every dash as "-": how quotes are compared."""
    return re.sub(r"\s+", " ", text.translate(_DASHES)).strip()


def number_words(n: int) -> set[str]:
    """How a whole number from 0 to 999 can be written in words (lowercase).

    31 -> "thirty-one", "thirty one"; 1 -> "one", "a single"; 0 -> "no", "none", "zero".
    """
    if n < 0 or n > 999:
        return set()
    if n == 0:
        return {"zero", "no", "none"}
    if n < 20:
        return {_ONES[n], "a single"} if n == 1 else {_ONES[n]}
    if n < 100:
        tens, ones = divmod(n, 10)
        return {_TENS[tens - 2]} if ones == 0 else {f"{_TENS[tens - 2]}{sep}{_ONES[ones]}" for sep in "- "}
    hundreds, rest = divmod(n, 100)
    head = f"{_ONES[hundreds]} hundred"
    if rest == 0:
        return {head}
    return {f"{head}{sep}{tail}" for tail in number_words(rest) - {"a single"} for sep in (" ", " and ")}


def printed_forms(value: float) -> set[str]:
    """How a number can be printed in digits: 56.5, 56·5, 56,5, 56.50, 56, 1,039."""
    forms = {f"{value:g}", f"{value:.1f}", f"{value:.2f}", f"{value:.3f}"}
    if float(value).is_integer():
        forms |= {str(int(value)), f"{int(value):,}"}
    return forms | {f.replace(".", "·") for f in forms} | {f.replace(".", ",") for f in forms if "," not in f}


def value_in(value: float, evidence: str) -> bool:
    """``value`` is printed in ``evidence``: in digits (any minus sign) or, when whole, in words ("two", "No ...")."""
    evidence = evidence.translate(_DASHES)
    if any(form in evidence for form in printed_forms(value)):
        return True
    words = number_words(int(value)) if float(value).is_integer() else set()
    return bool(words) and re.search(
        r"(?<![\w-])(?:" + "|".join(map(re.escape, sorted(words, key=len, reverse=True))) + r")(?![\w-])",
        evidence, re.IGNORECASE,
    ) is not None


def holds_value(evidence: str, value: float | None, not_reached: bool) -> bool:
    """The evidence states the result: its value, or "not reached" for a median not reached."""
    if value is None:
        return not_reached and bool(_NOT_REACHED.search(evidence))
    return value_in(value, evidence)


def locate(text: str, evidence: str, start: int | None = None) -> int | None:
    """Where ``evidence`` stands in ``text``: at ``start`` when it is there, else its first occurrence, else None."""
    if not evidence:
        return None
    if start is not None and start >= 0 and text[start:start + len(evidence)] == evidence:
        return start
    at = text.find(evidence)
    return at if at >= 0 else None


class Grounder:
    """Finds a quote in one document: verbatim, else with whitespace and dashes normalised."""

    def __init__(self, text: str):
        self.text = text
        self._normal: str | None = None
        self._starts: list[int] = []

    def _normalised(self) -> str:
        if self._normal is None:  # built on the first inexact quote only
            chars: list[str] = []
            starts: list[int] = []
            previous_space = True
            for i, ch in enumerate(self.text.translate(_DASHES)):
                if ch.isspace():
                    if previous_space:
                        continue
                    ch, previous_space = " ", True
                else:
                    previous_space = False
                chars.append(ch)
                starts.append(i)
            self._normal, self._starts = "".join(chars), starts
        return self._normal

    def find(self, quote: str) -> tuple[int, str] | None:
        """Offset and exact document text of ``quote``, or None when it is not there."""
        if not quote.strip():
            return None
        at = self.text.find(quote)
        if at >= 0:
            return at, quote
        needle = normalise(quote)
        at = self._normalised().find(needle)
        if at < 0:
            return None
        start, end = self._starts[at], self._starts[at + len(needle) - 1] + 1
        return start, self.text[start:end]
