"""The words a regular expression cannot match without: a substring test before the search.

A pattern such as ``(?:among|of) … (?:enrolled|randomi[sz]ed|included)`` matches only text that
holds "enrolled", "randomi" or "included". Testing ``word in text`` for those few words costs far
less than trying the pattern, and a text without any of them is skipped with the same answer.
The words are read from the pattern's own parse tree, so the test can never disagree with it.
"""

from __future__ import annotations

import importlib
import re
from typing import Any

# re's own parser, read-only (as in ``extractor.patterns``): where it is missing, no words are known.
try:
    _sre: Any = importlib.import_module("re._constants")
    _sre_parse: Any = importlib.import_module("re._parser")
except ImportError:  # pragma: no cover - Python < 3.11 is not supported anyway
    _sre = _sre_parse = None

Words = frozenset[str]


def needed_words(pattern: re.Pattern[str]) -> tuple[Words, ...]:
    """Groups of strings such that every match of ``pattern`` holds one string of each group, the groups
    that pass fewest texts first; none when the pattern needs no literal text, or ignores case.

    ``all(any(w in text for w in group) for group in groups)`` is true wherever the pattern can match."""
    if _sre_parse is None or pattern.flags & re.IGNORECASE:
        return ()
    try:
        groups = _sequence_groups(list(_sre_parse.parse(pattern.pattern, pattern.flags)))
    except (re.error, TypeError, ValueError, AttributeError):  # a parse tree read differently
        return ()
    return tuple(sorted(set(groups), key=_selectivity, reverse=True))


def holds_each(text: str, groups: tuple[Words, ...]) -> bool:
    """Whether ``text`` holds a word of each group (``needed_words``): false where the pattern cannot match."""
    return all(any(w in text for w in words) for words in groups)


class Held:
    """Which groups of words (``needed_words``) one text holds: each group tested once, however many of the
    patterns tried on the text need it (many need the same group: "patients", "participants", ...)."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._held: dict[Words, bool] = {}

    def each(self, groups: tuple[Words, ...]) -> bool:
        """``holds_each(text, groups)``."""
        held = self._held
        for words in groups:
            found = held.get(words)
            if found is None:
                found = held[words] = any(w in self.text for w in words)
            if not found:
                return False
        return True


def first_words(pattern: re.Pattern[str]) -> re.Pattern[str]:
    """A search for a word of ``pattern``'s most selective group (``needed_words``); it matches everywhere when
    no word is known. One alternation of words is searched by first character, far faster than a pattern
    that opens on ``\\b``, which is tried at every one: searched first, it skips texts the pattern cannot match."""
    groups = needed_words(pattern)
    return re.compile("|".join(sorted(map(re.escape, groups[0]))) if groups else "")


def _sequence_groups(items: list[Any]) -> list[Words]:
    """The needs of a sequence: each run of literal characters, and the needs of each item it cannot
    match without (a group, a branch, an item repeated at least once)."""
    groups: list[Words] = []
    run: list[str] = []
    for op, av in items:
        if op is _sre.LITERAL:
            run.append(chr(av))
            continue
        if run:
            groups.append(frozenset(["".join(run)]))
            run = []
        groups += _item_groups(op, av)
    if run:
        groups.append(frozenset(["".join(run)]))
    return groups


def _item_groups(op: Any, av: Any) -> list[Words]:
    """The needs of one item of a parse tree: a group's or a repeated item's own (when it repeats at
    least once); for branches, one group joining each branch's most selective; none for anything else
    (classes, assertions, optional items)."""
    if op is _sre.SUBPATTERN:
        _group, add_flags, del_flags, items = av
        return [] if add_flags or del_flags else _sequence_groups(list(items))
    if op in (_sre.MAX_REPEAT, _sre.MIN_REPEAT):
        low, _high, items = av
        return _sequence_groups(list(items)) if low >= 1 else []
    if op is _sre.BRANCH:
        best = [max(_sequence_groups(list(branch)), key=_selectivity, default=None) for branch in av[1]]
        if any(words is None for words in best):
            return []
        return [_fewest(frozenset().union(*best))]  # type: ignore[arg-type]
    return []


def _fewest(words: Words) -> Words:
    """``words`` without those that hold another of them ("randomly" adds nothing to "random")."""
    return frozenset(w for w in words if not any(other != w and other in w for other in words))


def _selectivity(words: Words) -> tuple[int, int]:
    """Longer words, then fewer of them, pass fewer texts."""
    return min(map(len, words)), -len(words)
