"""Compiling regular expressions so that CPython's ``re`` searches them quickly.

Shared by the structure stage and the rule backend (``text.folded`` compiles through it).
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Iterator
from types import ModuleType
from typing import Any, NamedTuple

# re's own parser, read-only: a pattern's parse tree says which characters a match starts with.
# It is private: where it is missing or reads differently, patterns are compiled as they are.
try:
    _sre: Any = importlib.import_module("re._constants")
    _sre_parse: Any = importlib.import_module("re._parser")
except ImportError:  # pragma: no cover - Python < 3.11 is not supported anyway
    _sre = _sre_parse = None


def quick(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """``re.compile(pattern, flags)``, with the same matches, searched faster.

    CPython's ``re`` skips quickly to where a match can start only when the pattern opens
    with a literal or a character class. A pattern that opens with ``\\b``, an optional
    word ("(?:median )?overall survival") or branches of such is instead tried in full at
    every character. For those, a look-ahead on the characters a match can start with is
    put in front: it rejects most positions with one class test, and it changes no match
    (every match starts with one of those characters). Patterns where that set is not known
    (a match may be empty, or start with any character) are left as they are.
    """
    first = _first_class(pattern, flags)
    if first is None:
        return re.compile(pattern, flags)
    try:
        return re.compile(f"(?=[{''.join(sorted(first))}])(?:{pattern})", flags)
    except re.error:  # global inline flags ("(?i)...") must stay first
        return re.compile(pattern, flags)


# A set of first characters is kept as the parts of a character class, written as in a
# pattern: "a", "\\(", "0-9", "\\d".
_CATEGORIES = {
    "CATEGORY_DIGIT": ("\\d", False), "CATEGORY_NOT_DIGIT": ("\\D", True),
    "CATEGORY_SPACE": ("\\s", False), "CATEGORY_NOT_SPACE": ("\\S", True),
    "CATEGORY_WORD": ("\\w", True), "CATEGORY_NOT_WORD": ("\\W", True),
}  # escape, whether it holds letters with a case


def _first_class(pattern: str, flags: int) -> set[str] | None:
    """The parts of a class holding every character a match of ``pattern`` starts with, when
    re cannot skip to them itself; None when it can (the pattern opens with a literal, a class
    or ``^``), or when a match may be empty or start with any character."""
    if _sre_parse is None:
        return None
    try:
        items = list(_sre_parse.parse(pattern, flags))
        found = _sequence_first(items) if items else None
        if found is None or found[1] or not found[0] or _skips_ahead(items, flags, found[0]):
            return None
    except (re.error, TypeError, ValueError, IndexError, AttributeError):  # a parse tree read differently
        return None
    return found[0]


def _skips_ahead(items: list[Any], flags: int, first: set[str]) -> bool:
    """True when re finds where matches start by itself: the pattern opens with ``^``, or
    with a literal, a class or branches that each open with a literal whose case does not
    matter (re gives up its own skipping for cased characters when case is ignored)."""
    op, av = items[0]
    if op is _sre.AT:
        return av in (_sre.AT_BEGINNING, _sre.AT_BEGINNING_STRING)
    if flags & re.IGNORECASE and any(_cased(part) for part in first):
        return False
    if op is _sre.SUBPATTERN and not (av[1] or av[2]):
        inner = list(av[3])
        return bool(inner) and _skips_ahead(inner, flags, first)
    if op is _sre.BRANCH:
        return all(len(branch) > 0 and branch[0][0] is _sre.LITERAL for branch in av[1])
    return op in (_sre.LITERAL, _sre.IN)


def _cased(part: str) -> bool:
    """Whether a class part ("a", "0-9", "\\d") holds a letter with a case."""
    for escape, cased in _CATEGORIES.values():
        if part == escape:
            return cased
    ends = re.fullmatch(r"(\\?.)-(\\?.)", part, re.DOTALL)
    chars = [chr(c) for c in range(ord(ends[1][-1]), ord(ends[2][-1]) + 1)] if ends else [part[-1]]
    return any(c.lower() != c.upper() for c in chars)


def _sequence_first(items: list[Any]) -> tuple[set[str], bool] | None:
    """(class parts holding the characters a match of this sequence can start with, whether it
    can match empty), or None when that is not known."""
    out: set[str] = set()
    for op, av in items:
        if op in (_sre.AT, _sre.ASSERT, _sre.ASSERT_NOT):
            continue  # zero width: the next item consumes the first character
        found = _item_first(op, av)
        if found is None:
            return None
        out |= found[0]
        if not found[1]:
            return out, False
    return out, True


def _item_first(op: Any, av: Any) -> tuple[set[str], bool] | None:
    """Like ``_sequence_first``, for one item of a parse tree."""
    if op is _sre.LITERAL:
        return {re.escape(chr(av))}, False
    if op is _sre.IN:
        return _class_first(av)
    if op is _sre.BRANCH:
        out: set[str] = set()
        empty = False
        for branch in av[1]:
            found = _sequence_first(list(branch))
            if found is None:
                return None
            out |= found[0]
            empty = empty or found[1]
        return out, empty
    if op is _sre.SUBPATTERN:
        if av[1] or av[2]:
            return None  # inline flags ("(?-i:...)") change what a character matches
        return _sequence_first(list(av[3]))
    if op in (_sre.MAX_REPEAT, _sre.MIN_REPEAT, _sre.POSSESSIVE_REPEAT):
        low, high, inner = av
        if high == 0:
            return set(), True
        found = _sequence_first(list(inner))
        return None if found is None else (found[0], found[1] or low == 0)
    if op is _sre.ATOMIC_GROUP:
        return _sequence_first(list(av))
    return None  # any character, a back-reference, a conditional


def _class_first(items: Any) -> tuple[set[str], bool] | None:
    """The parts of a class ``[...]``; None for a negated class."""
    parts: set[str] = set()
    for kind, value in items:
        if kind is _sre.LITERAL:
            parts.add(re.escape(chr(value)))
        elif kind is _sre.RANGE:
            parts.add(f"{re.escape(chr(value[0]))}-{re.escape(chr(value[1]))}")
        elif kind is _sre.CATEGORY and str(value) in _CATEGORIES:
            parts.add(_CATEGORIES[str(value)][0])
        else:
            return None
    return parts, False


# ---------------------------------------------------------------- literal prefilters
#
# Most patterns cannot match most sentences: "randomi[sz]ed" needs "randomised" or
# "randomized", a p-value pattern needs "p". ``prefiltered`` reads from a pattern's parse tree
# the literal strings one of which every match must hold, and tests them (``in``, which runs
# over the text far faster than re tries a pattern at each character) before calling re.
# The answer is the same: the test only skips searches that cannot match.

#: Most alternatives a requirement may list (``[sz]`` doubles them, a branch adds its own).
_MAX_LITERALS = 24
#: Characters that a case-insensitive pattern's ASCII letter matches but that do not lowercase
#: to it ("ı" and "İ" match "i", "ſ" matches "s"): in a text holding one, the prefilter is not used.
_UNLOWERABLE = ("\u0130", "\u0131", "\u017f")


class _Literals(NamedTuple):
    """What a part of a pattern says about the literal text of its matches.

    ``exact``: every string the part can match, when that is a short list; ``needed``: strings
    one of which every match holds, or None when nothing is known.
    """

    exact: frozenset[str] | None
    needed: frozenset[str] | None


_NOTHING_KNOWN = _Literals(None, None)
_ZERO_WIDTH = _Literals(frozenset({""}), None)


def requirement(pattern: re.Pattern[str]) -> tuple[tuple[str, ...], bool] | None:
    """(literals, lowered): every match of ``pattern`` holds one of ``literals``, in the text
    lowercased when ``lowered`` (the pattern ignores case somewhere); None when no literal is
    required or the pattern cannot be read. Alternatives that share a long enough substring
    are replaced by it ("randomised", "randomized": "randomi"): one test instead of several."""
    if _sre_parse is None or not isinstance(pattern.pattern, str) or pattern.flags & re.LOCALE:
        return None
    try:
        items = list(_sre_parse.parse(pattern.pattern, pattern.flags))
        lowered = bool(pattern.flags & re.IGNORECASE) or _ignores_case_inside(items)
        needed = _usable(_sequence_literals(items, lowered))
    except (re.error, TypeError, ValueError, IndexError, AttributeError):  # a parse tree read differently
        return None
    if needed is None or any(len(literal) == 1 and _too_common(literal) for literal in needed):
        return None
    shared = _shared_substring(needed)
    return ((shared,) if shared else tuple(sorted(needed, key=len))), lowered


def _too_common(char: str) -> bool:
    """Whether a one-character literal is in nearly every sentence (a letter, digit, space, full stop or
    comma): testing for it costs more than it saves."""
    return char.isalnum() or char.isspace() or char in ".,"


def _shared_substring(literals: frozenset[str]) -> str | None:
    """The longest substring of the shortest literal that all the others hold, when it has at
    least three characters (or is the whole of the shortest)."""
    shortest = min(literals, key=len)
    for size in range(len(shortest), 0, -1):
        for at in range(len(shortest) - size + 1):
            part = shortest[at:at + size]
            if all(part in literal for literal in literals):
                return part if size >= 3 or size == len(shortest) else None
    return None


def _usable(found: _Literals) -> frozenset[str] | None:
    needed = found.exact if found.exact is not None else found.needed
    return None if not needed or "" in needed else needed


def _literal_char(code: int, lowered: bool) -> str | None:
    """The character as searched for: lowercased in a lowered pattern, where only ASCII letters
    and characters without case are kept (others have case variants that lowercasing misses)."""
    char = chr(code)
    if not lowered:
        return char
    if char.isascii():
        return char.lower()
    return char if char.lower() == char == char.upper() else None


def _sequence_literals(items: list[Any], lowered: bool) -> _Literals:
    """Runs of adjacent exact parts are joined ("randomi" [sz] "ed": "randomised", "randomized");
    of the runs and the other parts' requirements, the most selective is kept."""
    run: frozenset[str] = frozenset({""})
    candidates: list[frozenset[str]] = []
    for op, av in items:
        if op is _sre.LITERAL and len(run) == 1:  # the common case, kept cheap: a run grows by a character
            char = _literal_char(av, lowered)
            if char is not None:
                (head,) = run
                run = frozenset((head + char,))
                continue
        found = _item_literals(op, av, lowered)
        if found.exact is not None:
            joined = _joined(run, found.exact)
            if joined is None:
                candidates.append(run)
                run = found.exact
            else:
                run = joined
        else:
            candidates.append(run)
            run = frozenset({""})
        if found.needed is not None:
            candidates.append(found.needed)
    if not candidates:
        return _Literals(run, None)
    candidates.append(run)
    usable = [c for c in candidates if c and "" not in c]
    return _Literals(None, max(usable, key=_selectivity) if usable else None)


def _joined(left: frozenset[str], right: frozenset[str]) -> frozenset[str] | None:
    if len(left) * len(right) > _MAX_LITERALS:
        return None
    return frozenset(a + b for a in left for b in right)


def _selectivity(literals: frozenset[str]) -> tuple[int, int]:
    """Longer literals are rarer; fewer of them cost less to test."""
    return min(map(len, literals)), -len(literals)


def _item_literals(op: Any, av: Any, lowered: bool) -> _Literals:
    """``_sequence_literals`` for one item of a parse tree."""
    if op is _sre.LITERAL:
        char = _literal_char(av, lowered)
        return _NOTHING_KNOWN if char is None else _Literals(frozenset({char}), None)
    if op is _sre.IN:
        return _class_literals(av, lowered)
    if op in (_sre.AT, _sre.ASSERT_NOT):
        return _ZERO_WIDTH
    if op is _sre.ASSERT:  # zero width, but what it looks at is in the text too
        return _Literals(frozenset({""}), _usable(_sequence_literals(list(av[1]), lowered)))
    if op is _sre.SUBPATTERN:
        return _sequence_literals(list(av[3]), lowered)
    if op is _sre.ATOMIC_GROUP:
        return _sequence_literals(list(av), lowered)
    if op is _sre.BRANCH:
        return _branch_literals(av[1], lowered)
    if op in (_sre.MAX_REPEAT, _sre.MIN_REPEAT, _sre.POSSESSIVE_REPEAT):
        return _repeat_literals(av, lowered)
    return _NOTHING_KNOWN  # any character, a category, a back-reference, a conditional


def _class_literals(items: Any, lowered: bool) -> _Literals:
    """A class of a few characters (``[sz]``) is exact; others (``[a-z]``, ``\\d``, negated) are not."""
    chars: set[str | None] = set()
    for kind, value in items:
        if kind is _sre.LITERAL:
            chars.add(_literal_char(value, lowered))
        elif kind is _sre.RANGE and value[1] - value[0] < 4:
            chars.update(_literal_char(code, lowered) for code in range(value[0], value[1] + 1))
        else:
            return _NOTHING_KNOWN
    if None in chars or len(chars) > 4:
        return _NOTHING_KNOWN
    return _Literals(frozenset(c for c in chars if c is not None), None)


def _branch_literals(branches: Any, lowered: bool) -> _Literals:
    """Exact when every branch is; else each branch must name what it needs."""
    found = [_sequence_literals(list(branch), lowered) for branch in branches]
    if all(f.exact is not None for f in found):
        exact = frozenset().union(*(f.exact for f in found if f.exact is not None))
        if len(exact) <= _MAX_LITERALS:
            return _Literals(exact, None)
    needed = [_usable(f) for f in found]
    if any(n is None for n in needed):
        return _NOTHING_KNOWN
    union = frozenset().union(*(n for n in needed if n is not None))
    return _Literals(None, union if len(union) <= 2 * _MAX_LITERALS else None)


def _repeat_literals(av: Any, lowered: bool) -> _Literals:
    """``x?`` is exact ("" or x); ``x+``, ``x{2,}`` need what x needs; ``x*`` needs nothing."""
    low, high, inner = av
    found = _sequence_literals(list(inner), lowered)
    if low == 0:
        if high == 1 and found.exact is not None:
            return _Literals(found.exact | {""}, None)
        return _NOTHING_KNOWN
    if low == high == 1:
        return found
    return _Literals(None, _usable(found))


def _ignores_case_inside(items: Any) -> bool:
    """Whether a part of the pattern ignores case (``(?i:...)``)."""
    for op, av in items:
        if op is _sre.SUBPATTERN:
            if av[1] & re.IGNORECASE or _ignores_case_inside(av[3]):
                return True
        elif op is _sre.BRANCH:
            if any(_ignores_case_inside(branch) for branch in av[1]):
                return True
        elif op in (_sre.MAX_REPEAT, _sre.MIN_REPEAT, _sre.POSSESSIVE_REPEAT):
            if _ignores_case_inside(av[2]):
                return True
        elif op in (_sre.ASSERT, _sre.ASSERT_NOT):
            if _ignores_case_inside(av[1]):
                return True
        elif op is _sre.ATOMIC_GROUP and _ignores_case_inside(av):
            return True
    return False


# The last text lowercased: the patterns tried one after the other on a sentence share one
# lowercasing. One tuple, replaced whole, so that threads never read one text's lowercasing
# for another's.
_last_lowered: tuple[str, str | None] = ("", "")


def _lowered(text: str) -> str | None:
    """``text.lower()``, or None when it holds a character that lowercasing does not bring to
    the letter a case-insensitive pattern matches it with."""
    global _last_lowered
    last = _last_lowered
    if last[0] is not text:
        unlowerable = not text.isascii() and any(c in text for c in _UNLOWERABLE)
        last = _last_lowered = (text, None if unlowerable else text.lower())
    return last[1]


class Prefiltered:
    """A compiled pattern that first tests for the literals every match holds (see ``requirement``).

    It answers ``search``, ``match``, ``fullmatch``, ``finditer``, ``findall``, ``sub``, ``subn``
    and ``split`` as the pattern does; other attributes (``pattern``, ``groupindex``) are the pattern's.
    """

    __slots__ = ("_last", "compiled", "literals", "lowered")

    def __init__(self, compiled: re.Pattern[str], literals: tuple[str, ...], lowered: bool):
        self.compiled = compiled
        self.literals = literals
        self.lowered = lowered
        self._last: tuple[str, bool] = ("", True)  # the last text asked about, and the answer

    def __getattr__(self, name: str) -> Any:
        return getattr(self.compiled, name)

    def __repr__(self) -> str:
        return f"Prefiltered({self.compiled!r}, {self.literals!r})"

    def may_match(self, text: str) -> bool:
        """False when ``text`` lacks every literal that a match holds (then no part of it matches)."""
        last = self._last
        if last[0] is text:
            return last[1]
        haystack = _lowered(text) if self.lowered else text
        if haystack is None:
            answer = True
        else:
            for literal in self.literals:
                if literal in haystack:
                    answer = True
                    break
            else:
                answer = False
        self._last = (text, answer)
        return answer

    def search(self, string: str, *span: int) -> re.Match[str] | None:
        return self.compiled.search(string, *span) if self.may_match(string) else None

    def match(self, string: str, *span: int) -> re.Match[str] | None:
        last = self._last  # rules match one text at many offsets: its answer is read here, without a call
        if last[0] is string:
            return self.compiled.match(string, *span) if last[1] else None
        return self.compiled.match(string, *span) if self.may_match(string) else None

    def fullmatch(self, string: str, *span: int) -> re.Match[str] | None:
        return self.compiled.fullmatch(string, *span) if self.may_match(string) else None

    def finditer(self, string: str, *span: int) -> Iterator[re.Match[str]]:
        return self.compiled.finditer(string, *span) if self.may_match(string) else iter(())

    def findall(self, string: str, *span: int) -> list[Any]:
        return self.compiled.findall(string, *span) if self.may_match(string) else []

    def sub(self, repl: Any, string: str, count: int = 0) -> str:
        return self.compiled.sub(repl, string, count) if self.may_match(string) else string

    def subn(self, repl: Any, string: str, count: int = 0) -> tuple[str, int]:
        return self.compiled.subn(repl, string, count) if self.may_match(string) else (string, 0)

    def split(self, string: str, maxsplit: int = 0) -> list[str | Any]:
        return self.compiled.split(string, maxsplit) if self.may_match(string) else [string]


def prefiltered(pattern: re.Pattern[str]) -> re.Pattern[str] | Prefiltered:
    """``pattern`` with a literal prefilter, or as it is when no literal is required."""
    found = requirement(pattern)
    return pattern if found is None else Prefiltered(pattern, *found)


def prefilter_module(module: ModuleType) -> None:
    """Give every compiled pattern of ``module`` a literal prefilter: those bound to its names,
    and those in tuples, lists and dicts bound to them (rule tables), a few levels deep.

    Functions read module globals when called, so they search the prefiltered patterns.
    """
    namespace = vars(module)
    for name, value in list(namespace.items()):
        if not name.startswith("__"):
            namespace[name] = _prefilter_in(value, depth=0)


def _prefilter_in(value: Any, depth: int) -> Any:
    if isinstance(value, re.Pattern):
        return prefiltered(value) if isinstance(value.pattern, str) else value
    if depth >= 3:
        return value
    if isinstance(value, tuple) and not hasattr(value, "_fields"):  # a named tuple keeps its type
        return tuple(_prefilter_in(v, depth + 1) for v in value)
    if isinstance(value, list):
        value[:] = [_prefilter_in(v, depth + 1) for v in value]
    elif isinstance(value, dict):
        for key, v in value.items():
            value[key] = _prefilter_in(v, depth + 1)
    return value
