"""Compiling regular expressions so that CPython's ``re`` searches them quickly, and reading from
a pattern the words every match holds (``needed_words``: an exact substring test before a search).

Shared by the structure stage and the rule backend (``text.folded`` compiles through it).
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import importlib
import marshal
import os
import re
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

# re's own parser, read-only: a pattern's parse tree says which characters a match starts with.
# It is private: where it is missing or reads differently, patterns are compiled as they are.
try:
    _sre: Any = importlib.import_module("re._constants")
    _sre_parse: Any = importlib.import_module("re._parser")
    _sre_compile: Any = importlib.import_module("re._compiler")
    _sre_engine: Any = importlib.import_module("_sre")
except ImportError:  # pragma: no cover - Python < 3.11 is not supported anyway
    _sre = _sre_parse = _sre_compile = _sre_engine = None


def quick(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """``re.compile(pattern, flags)``, with the same matches, searched faster.

    CPython's ``re`` skips quickly to where a match can start only when the pattern opens
    with a literal or a character class. A pattern that opens with ``\\b``, an optional
    word ("(?:median )?overall survival") or branches of such is instead tried in full at
    every character. For those, the class of the characters a match can start with is given
    to ``re`` as the hint it keeps for a pattern opening with a class (``_hinted``): its search
    skips to them in one tight loop, about twenty times faster than trying the pattern at
    every character (the pattern itself is unchanged, so are its matches). A branch that opens
    with an anchor ("^(?:correlation|association) of") gives the hint the characters after the
    anchor. Where a match may be empty where an anchor holds ("(?:grade )?$"), which a class
    cannot say, a look-ahead on the characters and the anchors is put in front instead
    ("(?=[gs]|$)"): it rejects most positions with one test. Patterns
    where that set is not known (a match may be empty anywhere, or start with any character)
    are left as they are.

    Compiled patterns are kept between runs (``_Kept``): a pattern found there is not compiled again.
    """
    kept = _kept() if _hints_work() else None
    compiled = kept.compiled(pattern, flags) if kept is not None else None
    if compiled is None:
        args = _quick_args(pattern, flags)
        compiled = _engine(args) if args is not None else None
        if compiled is None:  # re's private compiler is not to be used here
            return _public(pattern, flags)
        if kept is not None:
            kept.put("quick", pattern, flags, args)
    return compiled


#: The arguments of ``_sre.compile``: what ``re.compile`` makes a pattern object of, and what ``_Kept`` keeps.
_Args = tuple[Any, ...]


def _quick_args(pattern: str, flags: int) -> _Args | None:
    """The arguments of ``_sre.compile`` for ``quick(pattern, flags)`` (made from one parse of the pattern);
    None where re's private compiler is not to be used (``_hints_work``)."""
    if not _hints_work():
        return None
    first = _first_class(pattern, flags)
    hint = _hint_chars(pattern, flags, first)
    hinted = _hinted(pattern, flags, hint) if hint else None
    return hinted or _plain_args(_looked_ahead(pattern, first), flags) or _plain_args(pattern, flags)


def _public(pattern: str, flags: int) -> re.Pattern[str]:
    """``quick`` through re's public interface only: a look-ahead, not a hint."""
    try:
        return re.compile(_looked_ahead(pattern, _first_class(pattern, flags)), flags)
    except re.error:  # global inline flags ("(?i)...") must stay first
        return re.compile(pattern, flags)


def _hint_chars(pattern: str, flags: int, first: set[str] | None) -> list[str]:
    """The characters every match starts with (past an anchor: "^(?:a|b)" gives "a", "b"), for the hint."""
    if first is None:
        return []
    consumed = _first_class(pattern, flags, anchors=False) if first & _ANCHOR_TEXTS else first
    return sorted(consumed) if consumed else []


def _looked_ahead(pattern: str, first: set[str] | None) -> str:
    """``pattern`` with a look-ahead on the characters and anchors a match starts at in front; as it is
    where those are not known."""
    if first is None:
        return pattern
    chars, anchors = sorted(first - _ANCHOR_TEXTS), sorted(first & _ANCHOR_TEXTS)
    look = "|".join([f"[{''.join(chars)}]"] * bool(chars) + anchors)
    return f"(?={look})(?:{pattern})"


#: The Pythons whose compiled form of a pattern ``_hinted`` was checked against (re's code layout is private).
_HINTED_ON = ((3, 11), (3, 12), (3, 13))


def _hinted(pattern: str, flags: int, chars: list[str]) -> _Args | None:
    """``pattern`` compiled as ``re`` compiles it, with the class of ``chars`` (what every match starts
    with) as the hint ``re`` keeps for a pattern that opens with a class: its search skips, in one tight
    loop, to the next character of the class before trying the pattern there, instead of trying it at
    every character. The pattern's own code is unchanged (it is still tried in full where it is tried),
    so its matches are too. None on a Python it was not checked on, or where the compiled form reads
    differently, or where the start-up probe (``_hints_work``) finds re matching otherwise."""
    if not _hints_work():
        return None
    return _with_hint(pattern, flags, chars)


@functools.cache
def _hints_work() -> bool:
    """Checked once: on this Python, a pattern given a hint finds exactly what ``re.compile`` finds, and one
    compiled from ``quick``'s own parse is equal to ``re.compile``'s (otherwise ``quick`` keeps to look-aheads
    and ``re.compile``, which use only re's public interface)."""
    if sys.version_info[:2] not in _HINTED_ON or _sre_parse is None:
        return False
    probe = "Median overall survival (OS) was 12 months; overall survival, moverall survival. MEDIAN OVERALL SURVIVAL"
    for pattern, flags, chars in ((r"\b(?:median )?overall survival", 0, ["m", "o"]),
                                  (r"\b(?:median )?overall survival", re.IGNORECASE, ["m", "o"]),
                                  (r"\(?os\b|\d+ months", re.IGNORECASE, ["(", "o", "\\d"])):
        args, plain = _with_hint(pattern, flags, chars), re.compile(pattern, flags)
        hinted = _engine(args) if args is not None else None
        if hinted is None or [m.span() for m in hinted.finditer(probe)] != [m.span() for m in plain.finditer(probe)]:
            return False
        tree = _tree(pattern, flags)
        if _engine(_from_code(pattern, flags, tree, _sre_compile._code(tree, flags))) != plain:  # code, flags, text
            return False
    return True


def _with_hint(pattern: str, flags: int, chars: list[str]) -> _Args | None:
    try:
        parsed = _tree(pattern, flags)
        flags = int(flags) | parsed.state.flags  # an int, as re.compile makes it: re's compiler tests it often
        code = _sre_compile._code(parsed, flags)
        if code[0] != _sre.INFO or code[2] != 0 or code[3] == 0:
            return None  # re keeps a hint of its own, or a match may be empty
        hint: list[int] = []
        _sre_compile._compile_charset(_hint_charset(chars, flags), flags, hint)
        code[:1 + code[1]] = [_sre.INFO, 4 + len(hint), _sre.SRE_INFO_CHARSET, code[3], code[4], *hint]
        return _from_code(pattern, flags, parsed, code)
    except (re.error, TypeError, ValueError, IndexError, AttributeError, RuntimeError):
        return None


def _from_code(pattern: str, flags: int, parsed: Any, code: list[int]) -> _Args:
    """The arguments of ``_sre.compile`` for re's compiled ``code`` (as ``re._compiler.compile`` gives them)."""
    names = [None] * parsed.state.groups
    for name, index in parsed.state.groupdict.items():
        names[index] = name
    return (pattern, int(flags | parsed.state.flags), list(map(int, code)), parsed.state.groups - 1,
            dict(parsed.state.groupdict), tuple(names))  # plain ints (re's opcodes are a subclass): kept as written


def _plain_args(pattern: str, flags: int) -> _Args | None:
    """The arguments of ``_sre.compile`` for ``re.compile(pattern, flags)``, made from the parse ``quick`` read
    already (re would parse the pattern again, the larger part of compiling it); None where re cannot read
    the pattern, or reads it otherwise."""
    try:
        parsed = _tree(pattern, flags)
        return _from_code(pattern, flags, parsed, _sre_compile._code(parsed, int(flags)))
    except (re.error, TypeError, ValueError, IndexError, AttributeError, RuntimeError):
        return None


def _engine(args: _Args) -> re.Pattern[str] | None:
    """The pattern object of ``_sre.compile(*args)``; None where re's engine refuses them (it checks the code)."""
    try:
        compiled: re.Pattern[str] = _sre_engine.compile(*args)
    except (TypeError, ValueError, RuntimeError, OverflowError):
        return None
    return compiled


@functools.lru_cache(maxsize=16)
def _parse(pattern: str, flags: int) -> Any:
    return _sre_parse.parse(pattern, flags)


def _tree(pattern: str, flags: int) -> Any:
    """re's parse tree of ``pattern`` (read, never changed). The analyses of one pattern (``quick``'s start
    characters, its compiled code, ``needed_words``) share one parse: kept for the last few patterns.
    A str pattern is read as Unicode whether ``re.UNICODE`` is given or not: the same tree either way."""
    flags = int(flags)  # as re.compile reads re.RegexFlag: an enum's "&" is a Python call, and the tree keeps the flags
    if not flags & re.ASCII:
        flags &= ~re.UNICODE
    return _parse(pattern, flags)


class _Kept:
    """Compiled patterns kept between runs, in one file: ``quick``'s pattern objects (as the arguments of
    ``_sre.compile``) and ``needed_words_of``'s groups, each under the pattern and flags it was made for.
    Compiling the rule backend's patterns takes seconds; reading them back takes milliseconds.

    The file is read only when it was written by this very Python and this very ``patterns.py``
    (``_KEPT_KEY``, checked on reading); re's engine checks each pattern's code again, and a pattern it
    refuses is compiled as usual. A file that is missing, unreadable or of another key is ignored; one
    that cannot be written is not written. ``keep_compiled`` writes it, with what this process used,
    and forgets them."""

    def __init__(self, path: Path | None) -> None:
        self.path = path
        self.entries: dict[tuple[str, str, int], Any] = _read_kept(path) if path is not None else {}
        self.used: dict[tuple[str, str, int], Any] = {}
        self.added = False

    def get(self, kind: str, pattern: str, flags: int) -> Any:
        key = (kind, pattern, int(flags))
        value = self.entries.get(key)
        if value is not None:
            self.used[key] = value
        return value

    def put(self, kind: str, pattern: str, flags: int, value: Any) -> None:
        if self.path is not None:
            self.entries[kind, pattern, int(flags)] = self.used[kind, pattern, int(flags)] = value
            self.added = True

    def compiled(self, pattern: str, flags: int) -> re.Pattern[str] | None:
        args = self.get("quick", pattern, flags)
        compiled = _engine(args) if isinstance(args, tuple) else None
        if compiled is None or (compiled.pattern != pattern and not compiled.pattern.endswith(f"(?:{pattern})")):
            return None  # made for another text (a look-ahead is put in front of the pattern as written)
        return compiled

    def close(self) -> None:
        """Write what this process used, when it compiled any, then forget all (patterns compiled later: not kept)."""
        if self.path is not None and self.added:
            self._write(self.path)
        self.path, self.entries, self.used, self.added = None, {}, {}, False

    def _write(self, path: Path) -> None:
        temporary = path.with_name(f"{path.name}.{os.getpid()}.tmp")
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            temporary.write_bytes(marshal.dumps({"key": _KEPT_KEY, "entries": self.used}))
            os.replace(temporary, path)  # whole or not at all, whichever process writes last
        except (OSError, ValueError):
            with contextlib.suppress(OSError):
                temporary.unlink(missing_ok=True)


def _read_kept(path: Path) -> dict[tuple[str, str, int], Any]:
    try:
        data = marshal.loads(path.read_bytes())
    except (OSError, EOFError, ValueError, TypeError):
        return {}
    if not isinstance(data, dict) or data.get("key") != _KEPT_KEY or not isinstance(data.get("entries"), dict):
        return {}
    return data["entries"]


def _kept_key() -> str:
    """What a kept pattern depends on: the exact Python, its regular-expression engine and compiler, and this
    file's code."""
    try:
        source = _source_digest()
    except OSError:
        source = "unknown"
    magic = getattr(_sre_engine, "MAGIC", None), getattr(_sre_engine, "CODESIZE", None)
    return f"{sys.version}|{sys.implementation.cache_tag}|{magic}|{source}"


def _source_digest() -> str:
    """This file's code and re's compiler's (kept patterns were made by both)."""
    digest = hashlib.sha256()
    for module in (sys.modules[__name__], _sre_compile, _sre_parse):
        digest.update(Path(getattr(module, "__file__", None) or "-").read_bytes())
    return digest.hexdigest()[:20]


_KEPT_KEY = _kept_key()


def kept_path() -> Path | None:
    """Where compiled patterns are kept: ``$TRIALX_PATTERN_CACHE`` (a directory; "off" keeps none), else
    ``$XDG_CACHE_HOME/trialx``, else ``~/.cache/trialx``; one file for each Python version."""
    setting = os.environ.get("TRIALX_PATTERN_CACHE", "")
    if setting.lower() in ("off", "0", "no", "false"):
        return None
    try:
        base = Path(setting) if setting else Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "trialx"
    except (RuntimeError, KeyError):  # no home directory
        return None
    version = ".".join(map(str, sys.version_info[:3]))
    return base / f"patterns-{sys.implementation.cache_tag}-{version}.marshal"


@functools.cache
def _kept() -> _Kept:
    return _Kept(kept_path())


def keep_compiled() -> None:
    """Write the patterns this process compiled or read back (``_Kept``) for the next run, when it compiled
    any, and forget them; never fails (a read-only or missing directory: nothing is written)."""
    if _hints_work():
        _kept().close()


def _hint_charset(chars: list[str], flags: int) -> list[tuple[Any, Any]]:
    """The charset of the hint (``_hint_items``) as re compiles a class: its ASCII characters made into
    re's shortest form of them (a bitmap, a range), the characters past ASCII kept as one range (re would
    otherwise build, in Python, a map of the first 65,536 characters: milliseconds for each pattern)."""
    items = _hint_items(chars, flags)
    ascii_items = [item for item in items if item[0] is _sre.LITERAL]
    charset: list[tuple[Any, Any]] = _sre_compile._optimize_charset(ascii_items)[0] if ascii_items else []
    return charset + [item for item in items if item[0] is not _sre.LITERAL]


def _hint_items(chars: list[str], flags: int) -> list[tuple[Any, Any]]:
    """The class of ``chars`` as charset items, made to hold every character that ``[chars]`` matches with
    ``flags``: the ASCII ones, tested one by one, and every other character where one of them may match
    (a case-insensitive letter, "\\w", "≥"). The hint is read without case folding."""
    parts = re.compile(f"[{''.join(chars)}]", flags & (re.IGNORECASE | re.ASCII))
    items: list[tuple[Any, Any]] = [(_sre.LITERAL, code) for code in range(128) if parts.match(chr(code))]
    if flags & re.IGNORECASE or any(not part.isascii() or part in _CATEGORY_ESCAPES for part in chars):
        items.append((_sre.RANGE, (128, sys.maxunicode)))
    return items


# A set of first characters is kept as the parts of a character class, written as in a
# pattern: "a", "\\(", "0-9", "\\d", and the anchors a match may start at instead ("^", "$").
_ANCHORS = {} if _sre is None else {_sre.AT_BEGINNING: "^", _sre.AT_BEGINNING_STRING: "\\A", _sre.AT_END: "$",
                                    _sre.AT_END_STRING: "\\Z"}
_ANCHOR_TEXTS = frozenset(_ANCHORS.values())
_CATEGORIES = {
    "CATEGORY_DIGIT": ("\\d", False), "CATEGORY_NOT_DIGIT": ("\\D", True),
    "CATEGORY_SPACE": ("\\s", False), "CATEGORY_NOT_SPACE": ("\\S", True),
    "CATEGORY_WORD": ("\\w", True), "CATEGORY_NOT_WORD": ("\\W", True),
}  # escape, whether it holds letters with a case
_CATEGORY_ESCAPES = frozenset(escape for escape, _ in _CATEGORIES.values())


def _first_class(pattern: str, flags: int, anchors: bool = True) -> set[str] | None:
    """The parts of a class holding every character a match of ``pattern`` starts with, when
    re cannot skip to them itself; None when it can (the pattern opens with a literal, a class
    or ``^``), or when a match may be empty or start with any character. With ``anchors``, a
    branch that opens with an anchor gives the anchor ("^", "$") instead of its characters."""
    if _sre_parse is None:
        return None
    try:
        items = list(_tree(pattern, flags))
        found = _sequence_first(items, anchors) if items else None
        if found is None or found[1] or not found[0] or _skips_ahead(items, flags, found[0] - _ANCHOR_TEXTS):
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


def _sequence_first(items: list[Any], anchors: bool = True) -> tuple[set[str], bool] | None:
    """(class parts holding the characters a match of this sequence can start with, whether it
    can match empty), or None when that is not known; ``anchors``: as in ``_first_class``."""
    out: set[str] = set()
    for op, av in items:
        if anchors and op is _sre.AT and av in _ANCHORS:
            return out | {_ANCHORS[av]}, False  # what follows matches only where the anchor holds
        if op in (_sre.AT, _sre.ASSERT, _sre.ASSERT_NOT):
            continue  # zero width: the next item consumes the first character
        found = _item_first(op, av, anchors)
        if found is None:
            return None
        out |= found[0]
        if not found[1]:
            return out, False
    return out, True


def _item_first(op: Any, av: Any, anchors: bool = True) -> tuple[set[str], bool] | None:
    """Like ``_sequence_first``, for one item of a parse tree."""
    if op is _sre.LITERAL:
        return {re.escape(chr(av))}, False
    if op is _sre.IN:
        return _class_first(av)
    if op is _sre.BRANCH:
        out: set[str] = set()
        empty = False
        for branch in av[1]:
            found = _sequence_first(list(branch), anchors)
            if found is None:
                return None
            out |= found[0]
            empty = empty or found[1]
        return out, empty
    if op is _sre.SUBPATTERN:
        if av[1] or av[2]:
            return None  # inline flags ("(?-i:...)") change what a character matches
        return _sequence_first(list(av[3]), anchors)
    if op in (_sre.MAX_REPEAT, _sre.MIN_REPEAT, _sre.POSSESSIVE_REPEAT):
        low, high, inner = av
        if high == 0:
            return set(), True
        found = _sequence_first(list(inner), anchors)
        return None if found is None else (found[0], found[1] or low == 0)
    if op is _sre.ATOMIC_GROUP:
        return _sequence_first(list(av), anchors)
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


def any_of(words: list[str]) -> str:
    """A pattern that matches where one of the literal ``words`` starts, for a search asked only whether
    a text holds one: the words as a tree of their first characters ("radi|rehab|relax" as
    "r(?:adi|e(?:hab|lax))"), so re tries one branch at a character instead of every word (twice as
    fast over sentences, for fifty words). A word that holds a shorter one at its start is left out."""
    if not words or not all(words):
        raise ValueError(f"words must be non-empty: {words!r}")
    return _word_tree(sorted(set(words)))


def _word_tree(words: list[str]) -> str:
    by_first: dict[str, list[str]] = {}
    for word in words:
        by_first.setdefault(word[0], []).append(word[1:])
    parts = []
    for first, tails in by_first.items():
        tree = "" if "" in tails else _word_tree(tails)  # the word ends here: the longer ones hold it
        parts.append(re.escape(first) + (f"(?:{tree})" if "|" in tree else tree))
    return "|".join(parts)


@functools.lru_cache(maxsize=64)
def lowered(text: str) -> str:
    """``text.lower()``, where a word ``re`` finds case-insensitively is always found by ``in``: the two
    letters ``re`` matches as "i" and "s" but that lowercase to themselves ("ı", "ſ") read as those.
    Kept for the last few texts: the patterns of one sentence share it."""
    low = text.lower()
    return low.replace("ı", "i").replace("ſ", "s") if "ı" in low or "ſ" in low else low


def holds_any(low: str, keys: tuple[str, ...]) -> bool:
    """Whether ``low`` (lowercased text) holds one of ``keys``, words a pattern needs: a test far cheaper
    than the search it guards."""
    for key in keys:  # noqa: SIM110 - a loop, not any() over a generator: these run before every search
        if key in low:
            return True
    return False


class Keyed:
    """A pattern tried only on text that holds one of its key words (a prefilter): where none is in the
    lowercased text, no match can be, and the pattern is not run.

    The keys are lowercase; every match of the pattern holds one of them, whatever its case. A window
    ``text[pos:endpos]`` is searched with the keys tested in the whole ``text`` (a superset), so pass
    the whole sentence and the window's bounds, not a slice.
    """

    __slots__ = ("keys", "pattern")

    def __init__(self, pattern: re.Pattern[str], *keys: str) -> None:
        if not keys or any(key != key.lower() or not key for key in keys):
            raise ValueError(f"keys must be lowercase words: {keys!r}")
        self.pattern, self.keys = pattern, keys

    def holds_key(self, text: str) -> bool:
        """Whether ``text`` holds one of the keys (else no match can be in it)."""
        return holds_any(lowered(text), self.keys)

    def search(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        return self.pattern.search(text, pos, endpos) if self.holds_key(text) else None

    def match(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        return self.pattern.match(text, pos, endpos) if self.holds_key(text) else None

    def search_part(self, part: str, whole: str) -> re.Match[str] | None:
        """Search ``part``, a slice of ``whole``, as a string of its own (its ends are the string's ends for
        anchors and look-behinds); the keys are tested in ``whole``, whose lowercased form is kept."""
        return self.pattern.search(part) if self.holds_key(whole) else None

    def finditer(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> Iterator[re.Match[str]]:
        return self.pattern.finditer(text, pos, endpos) if self.holds_key(text) else iter(())

    def findall(self, text: str) -> list[Any]:
        return self.pattern.findall(text) if self.holds_key(text) else []

    @classmethod
    def needing(cls, pattern: re.Pattern[str]) -> Keyed:
        """``pattern`` keyed by the words its matches need (``needed_any``), read from its parse tree."""
        return cls(pattern, *needed_any(pattern))


class KeyedBranches:
    """An alternation whose branches are each tried only on text that holds one of their keys (lowercase
    words; a branch without keys is always tried). A branch whose keys a text lacks cannot match in it,
    so it is left out ("(?!)" in front: its groups stay, never set) and the matches are those of the whole
    alternation. One pattern is compiled for each set of branches left in: at most 2**len(branches).

    Compiling a set costs as much as a few hundred searches save (milliseconds for a long alternation), so
    a set is compiled only once it has been asked for ``compile_after`` times; until then the whole
    alternation, compiled once, is searched (the same matches: the branches left out could not match)."""

    def __init__(self, branches: list[tuple[str, tuple[str, ...]]], flags: int = 0, compile_after: int = 64) -> None:
        self.branches, self.flags, self.compile_after = branches, flags, compile_after
        self._compiled: dict[tuple[bool, ...], re.Pattern[str]] = {}
        self._asked: dict[tuple[bool, ...], int] = {}

    def pattern_for(self, text: str) -> re.Pattern[str]:
        """The alternation of the branches that may match in ``text`` (the whole one while the set is rare)."""
        low = lowered(text)
        kept = tuple(not keys or any(map(low.__contains__, keys)) for _, keys in self.branches)
        compiled = self._compiled.get(kept)
        if compiled is None:
            asked = self._asked[kept] = self._asked.get(kept, 0) + 1
            if asked < self.compile_after:
                kept = (True,) * len(kept)
            compiled = self._compiled.get(kept) or self._compile(kept)
        return compiled

    def _compile(self, kept: tuple[bool, ...]) -> re.Pattern[str]:
        parts = [branch if keep else f"(?!)(?:{branch})" for (branch, _), keep in zip(self.branches, kept, strict=True)]
        compiled = self._compiled[kept] = re.compile("|".join(parts), self.flags)
        return compiled

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        return self.pattern_for(text).finditer(text)


# ---------------------------------------------------------------- needed words
# The words a regular expression cannot match without: a substring test before the search.
#
# A pattern such as ``(?:among|of) … (?:enrolled|randomi[sz]ed|included)`` matches only text that
# holds "enrolled", "randomi" or "included". Testing ``word in text`` for those few words costs far
# less than trying the pattern, and a text without any of them is skipped with the same answer.
# The words are read from the pattern's own parse tree, so the test can never disagree with it.

Words = frozenset[str]


def needed_words(pattern: re.Pattern[str]) -> tuple[Words, ...]:
    """Groups of strings such that every match of ``pattern`` holds one string of each group, the groups
    that pass fewest texts first; none when the pattern needs no literal text, or ignores case.

    ``all(any(w in text for w in group) for group in groups)`` is true wherever the pattern can match."""
    return needed_words_of(pattern.pattern, pattern.flags)


def needed_words_of(pattern: str, flags: int = 0) -> tuple[Words, ...]:
    """``needed_words(re.compile(pattern, flags))``, read from the pattern's parse without compiling it
    (kept between runs with ``quick``'s patterns)."""
    if _sre_parse is None or flags & re.IGNORECASE:
        return ()
    kept = _kept() if _hints_work() else None
    found = kept.get("needs", pattern, flags) if kept is not None else None
    if isinstance(found, tuple):
        return found
    found = _needed_words_read(pattern, flags)
    if kept is not None:
        kept.put("needs", pattern, flags, found)
    return found


def _needed_words_read(pattern: str, flags: int) -> tuple[Words, ...]:
    try:
        tree = _tree(pattern, flags)
        if tree.state.flags & re.IGNORECASE:  # "(?i)" in the pattern
            return ()
        groups = _sequence_groups(list(tree))
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


def needed_any(pattern: re.Pattern[str]) -> tuple[str, ...]:
    """The words of ``pattern``'s most selective group (``needed_words``), shortest (most common) first, so that
    ``holds_any(text, words)`` stops early where one is held; none when no word is known (then test nothing).

    ``holds_any(text, needed_any(pattern))`` is false only where the pattern cannot match."""
    groups = needed_words(pattern)
    return tuple(sorted(groups[0], key=lambda w: (len(w), w))) if groups else ()


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
