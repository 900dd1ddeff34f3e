"""extractor.patterns: quick and prefiltered give the same matches as re.compile, only searched faster."""

from __future__ import annotations

import re
import sys
import types
from pathlib import Path

import pytest

import extractor.backends.rules  # prefilters the rule modules' patterns
import extractor.structure  # noqa: F401
from extractor.patterns import Prefiltered, prefilter_module, prefiltered, quick, requirement

TEXTS = [
    "Median overall survival was 12.1 months (95% CI 10.2-14.0); mOS and OS rates, survivals.",
    "The overall response rate (ORR) was 45%; grade >=3 AEs occurred in 12 (TRAEs).",
    "Single-arm, open-label study; patients were randomized to A or B. Os. MOS! hazard HR",
    "",
    "x" * 50 + " OS",
]

PATTERNS = [
    (r"(?:median )?(?:overall )?survival times?|(?:median )?overall[- ]survival(?: \(m?OS\))?|\bm?OS\b|\bsurvivals?\b", re.IGNORECASE),
    (r"(?:median )?(?:overall )?survival|\bm?os\b", 0),
    (r"\b(?:is|are) (?:a|an|the)\b|\b(?:remains?|has been)\b", 0),
    (r"\bsingle[- ]arm\b|\bopen[- ]label\b", re.IGNORECASE),
    (r"(?P<n>\d+)|(?:twenty|thirty)", 0),
    (r"\d\s?%|\b(?:95|90)\s?% ci\b|\bp\s?[=<>≤]", 0),
    (r"[^a-z]x|\bq", 0),  # a negated class: left as it is
    (r"a?", 0),  # may match empty: left as it is
    (r"^Single", 0),
    (r"(?-i:\bORR)|odds", re.IGNORECASE),
    (r"grade\s*(?:>=|≥)\s*3|\bG[345]\b", re.IGNORECASE),
]


@pytest.mark.parametrize(("pattern", "flags"), PATTERNS)
def test_quick_finds_what_re_finds(pattern: str, flags: int) -> None:
    plain, fast = re.compile(pattern, flags), quick(pattern, flags)
    assert fast.groupindex == plain.groupindex and fast.groups == plain.groups
    for text in TEXTS:
        assert [(m.span(), m.groups()) for m in fast.finditer(text)] == [(m.span(), m.groups()) for m in plain.finditer(text)]
        assert fast.findall(text) == plain.findall(text)
        for pos in range(0, len(text) + 1, 7):
            left, right = fast.match(text, pos), plain.match(text, pos)
            assert (left and left.span()) == (right and right.span())


def test_quick_adds_a_lookahead_only_where_re_cannot_skip_ahead() -> None:
    assert quick(r"\bm?os\b|overall").pattern.startswith("(?=[mo])")
    assert quick(r"hazard ratio").pattern == "hazard ratio"  # a literal prefix: re is fast already
    assert quick(r".ment|\bq").pattern == r".ment|\bq"  # any first character
    assert quick(r"\d\s?%|\bci\b").pattern.startswith(r"(?=[\dc])")
    assert quick(r"^(?:a|b)").pattern == "^(?:a|b)"


def test_without_res_private_parser_patterns_compile_as_they_are(monkeypatch) -> None:
    """quick() reads re's private parser; where it is missing, the pattern is compiled unchanged."""
    from extractor import patterns

    monkeypatch.setattr(patterns, "_sre_parse", None)
    compiled = patterns.quick(r"\b(?:median )?overall survival")
    assert compiled.pattern == r"\b(?:median )?overall survival"
    assert compiled.search("the median overall survival was").group(0) == "median overall survival"


# ---------------------------------------------------------------- literal prefilters

PREFILTER_TEXTS = [
    *TEXTS,
    "RANDOMIZED, double-blind; Randomised: 3 arms. ORR 45% (odds ratio 1.2)",
    "THİS trial was randomızed; ſurvival",  # letters that re matches with "i" and "s" when case is ignored
    "p = 0.03; P<0.001; grade ≥3 in 12%",
]
PREFILTER_PATTERNS = [
    *PATTERNS,
    (r"\brandomi[sz]ed\b", re.IGNORECASE),
    (r"this trial", re.IGNORECASE),
    (r"survival", re.IGNORECASE),
    (r"(?i:odds) ratio|(?-i:ORR)", 0),
    (r"(?<=\d)\s?%", 0),
    (r"(?=\w+ trial)\w+", re.IGNORECASE),
    (r"grade\s*(?:≥|>=)\s*3", 0),
]


def _answers(pattern, text: str) -> list[object]:
    spans = [m.span() for m in pattern.finditer(text)]
    one = [(m and m.span()) for m in (pattern.search(text), pattern.match(text), pattern.fullmatch(text))]
    return [spans, one, pattern.findall(text), pattern.sub("#", text), pattern.subn("#", text), pattern.split(text)]


@pytest.mark.parametrize(("pattern", "flags"), PREFILTER_PATTERNS)
def test_prefiltered_answers_what_re_answers(pattern: str, flags: int) -> None:
    plain = re.compile(pattern, flags)
    filtered = prefiltered(plain)
    for text in PREFILTER_TEXTS:
        assert _answers(filtered, text) == _answers(plain, text), text
        for pos in range(0, len(text) + 1, 5):
            left, right = filtered.search(text, pos), plain.search(text, pos)
            assert (left and left.span()) == (right and right.span())


def test_requirement_reads_the_literals_every_match_holds() -> None:
    assert requirement(re.compile(r"\brandomi[sz]ed\b")) == (("randomi",), False)  # the shared part of both spellings
    assert requirement(re.compile(r"(?:median )?Overall survival", re.IGNORECASE)) == (("overall survival",), True)
    assert requirement(re.compile(r"\d+\s*%")) == (("%",), False)
    assert requirement(re.compile(r"odds|(?-i:ORR)", re.IGNORECASE)) == (("orr", "odds"), True)
    assert requirement(re.compile(r"(?=[A-Z]{2,} trial)\w+")) == ((" trial",), False)  # what a look-ahead needs
    assert requirement(re.compile(r"a?|b")) is None  # may match empty
    assert requirement(re.compile(r"\w+ly")) == (("ly",), False)
    assert requirement(re.compile(r"[a-z]+\d")) is None  # classes too wide to list


def test_a_case_insensitive_prefilter_does_not_miss_letters_lowercasing_changes() -> None:
    """"İ" and "ı" match "i", "ſ" matches "s" when case is ignored, but lowercase to other letters."""
    for pattern, text in ((r"this", "THİS"), (r"randomized", "randomızed"), (r"survival", "ſurvival")):
        plain = re.compile(pattern, re.IGNORECASE)
        assert plain.search(text) is not None
        assert prefiltered(plain).search(text) is not None


def test_prefilter_module_reaches_patterns_in_rule_tables() -> None:
    module = types.ModuleType("rules_table")
    module.ONE = re.compile(r"hazard ratio")
    module.TABLE = (("HR", re.compile(r"hazard")), ("OR", re.compile(r"odds")))
    module.BY_KIND = {"x": [re.compile(r"grade \d")]}
    module.EMPTY = re.compile(r"x?")
    prefilter_module(module)
    assert isinstance(module.ONE, Prefiltered) and module.ONE.search("a hazard ratio of").span() == (2, 14)
    assert all(isinstance(p, Prefiltered) for _, p in module.TABLE)
    assert isinstance(module.BY_KIND["x"][0], Prefiltered)
    assert isinstance(module.EMPTY, re.Pattern)  # nothing required: left as it is


def test_every_rule_pattern_match_holds_its_literals() -> None:
    """Over the bundled examples, every match of every prefiltered pattern of the rules holds one
    of its literals: the prefilter never skips a search that would have matched."""
    examples = Path(__file__).resolve().parent.parent / "examples"
    texts = [p.read_text(encoding="utf-8") for p in sorted(examples.iterdir()) if p.suffix in {".txt", ".md"}]
    lines = [line[:300] for text in texts for line in text.splitlines() if line.strip()][::3]
    found = [v for name, module in sys.modules.items() if name.startswith("extractor.")
             for v in _patterns_in(vars(module).values())]
    assert len(found) > 200
    matched = 0
    for pattern in found:
        for line in lines:
            if pattern.compiled.search(line) is not None:
                assert pattern.may_match(line), (pattern, line)
                matched += 1
    assert matched > 500


def _patterns_in(values, depth: int = 0):
    for value in values:
        if isinstance(value, Prefiltered):
            yield value
        elif depth < 3 and isinstance(value, tuple | list):
            yield from _patterns_in(value, depth + 1)
        elif depth < 3 and isinstance(value, dict):
            yield from _patterns_in(value.values(), depth + 1)
