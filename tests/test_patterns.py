"""extractor.patterns: quick (the same matches as re.compile, only searched faster), Keyed and KeyedBranches (key-word prefilters)."""

from __future__ import annotations

import re

import pytest

from extractor.patterns import Keyed, KeyedBranches, lowered, quick

TEXTS = [
    "Median overall survival was 12.1 months (95% CI 10.2-14.0); mOS and OS rates, survivals.",
    "The overall response rate (ORR) was 45%; grade >=3 AEs occurred in 12 (TRAEs).",
    "Single-arm, open-label study; patients were randomized to A or B. Os. MOS! hazard HR",
    "",
    "x" * 50 + " OS",
    "1. correlation of OS with grade 3\nMedian OS; a post-hoc look at serious grade 4\n",
    "MEDİAN OVERALL ſURVIVAL ıs a; SİNGLE-ARM; \u212aelvin os, ≤ 5% CI; p ≤ 0.05",  # letters re folds to ASCII letters
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
    (r"^[^a-z]*(?:correlation|association) of|\bpost[- ]?hoc\b", 0),  # a branch that opens with an anchor
    (r"(?:serious\s+)?(?:grade\s*\d\s*)?$", re.IGNORECASE),  # empty only where "$" holds
    (r"^Median|\Acorrelation|\bOS\b|look\Z", re.MULTILINE),
    (r"^(?:median|correlation)\b|\bgrade \d$", re.IGNORECASE | re.MULTILINE),  # anchors, never empty: hinted
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


def test_quick_gives_re_a_hint_only_where_re_cannot_skip_ahead() -> None:
    """Where every match starts with a character of a known class, re is given that class as its hint (the
    pattern as written is kept); a pattern re can skip ahead on by itself, or that may start anywhere, is
    compiled as it is."""
    from extractor import patterns

    assert patterns._hinted(r"\bm?os\b|overall", 0, ["m", "o"]) is not None
    for pattern in (r"\bm?os\b|overall", r"\d\s?%|\bci\b", r"hazard ratio", r".ment|\bq", r"^(?:a|b)"):
        assert quick(pattern).pattern == pattern
    assert patterns._hinted(r"hazard ratio", 0, ["h"]) is None  # a literal prefix: re is fast already
    assert patterns._hinted(r"a?", 0, ["a"]) is None  # a match may be empty
    # a branch that opens with an anchor: the hint holds the characters after it (a match is never empty)
    assert quick(r"^(?:at baseline|baseline of)\b|\bgroups were").pattern == r"^(?:at baseline|baseline of)\b|\bgroups were"
    assert quick(r"^[^a-z]*of|\bpost").pattern.startswith("(?=[p]|^)")  # the anchor's branch, and the others'
    assert quick(r"(?:grade )?$").pattern.startswith("(?=[g]|$)")  # an anchor: a look-ahead, not a hint


def test_without_res_private_parser_patterns_compile_as_they_are(monkeypatch) -> None:
    """quick() reads re's private parser; where it is missing, the pattern is compiled unchanged."""
    from extractor import patterns

    monkeypatch.setattr(patterns, "_sre_parse", None)
    compiled = patterns.quick(r"\b(?:median )?overall survival")
    assert compiled.pattern == r"\b(?:median )?overall survival"
    assert compiled.search("the median overall survival was").group(0) == "median overall survival"


def test_on_a_python_the_hint_was_not_checked_on_quick_keeps_to_a_look_ahead(monkeypatch) -> None:
    """re's compiled form is private: on another Python, quick() puts a look-ahead in front, with the same matches."""
    from extractor import patterns

    assert patterns._hints_work()  # on this Python the probe passes
    monkeypatch.setattr(patterns, "_HINTED_ON", ())
    patterns._hints_work.cache_clear()
    try:
        compiled = patterns.quick(r"\b(?:median )?overall survival")
        assert compiled.pattern.startswith("(?=[mo])")
        assert compiled.search("the median overall survival was").group(0) == "median overall survival"
    finally:
        patterns._hints_work.cache_clear()


def test_lowered_reads_the_letters_re_folds_to_ascii_as_ascii() -> None:
    """re matches "ı" as "i" and "ſ" as "s" case-insensitively; lowered() spells them so, and a key test finds them."""
    assert re.search("baseline", "at baſelıne", re.IGNORECASE)
    assert lowered("At BAſELıNE") == "at baseline"
    assert lowered("Median OS") == "median os"


def test_keyed_searches_only_text_that_holds_a_key() -> None:
    keyed = Keyed(re.compile(r"\bchanges?\s+in\b", re.IGNORECASE), "change")
    text = "The CHANGE in weight was -2.1 kg"
    assert keyed.search(text).group(0) == "CHANGE in"  # any case of the key lets the text through
    assert keyed.match(text, 4).span() == (4, 13)
    assert [m.group(0) for m in keyed.finditer(text + "; changes in BMD")] == ["CHANGE in", "changes in"]
    assert keyed.search(text, 10) is None  # a window: searched like the pattern, keys tested in the whole text
    assert keyed.search_part(text[4:13], text).group(0) == "CHANGE in"
    assert keyed.search("No difference in weight") is None


def test_keyed_does_not_run_the_pattern_without_a_key() -> None:
    class Counting:
        calls = 0

        def search(self, *args: object) -> None:
            Counting.calls += 1

    keyed = Keyed(Counting(), "change")  # type: ignore[arg-type]
    assert keyed.search("no key word here") is None and Counting.calls == 0
    keyed.search("a change here")
    assert Counting.calls == 1


def test_keyed_keys_are_lowercase_words() -> None:
    with pytest.raises(ValueError, match="lowercase"):
        Keyed(re.compile("Change"), "Change")
    with pytest.raises(ValueError, match="lowercase"):
        Keyed(re.compile("x"))


BRANCHES = [(r"\bmean\s+(?P<m>\d+)", ("mean",)), (r"(?P<by>\bby\s+\d+)", ("by",)), (r"\d+\s*%", ())]


@pytest.mark.parametrize("text", [
    "the mean 45 and 12% by 3", "BY 4 and 7 %", "Mean 3", "nothing here 5%", "", "mean by 4 mean 5",
])
def test_keyed_branches_find_what_the_whole_alternation_finds(text: str) -> None:
    whole = re.compile("|".join(branch for branch, _ in BRANCHES), re.IGNORECASE)
    keyed = KeyedBranches(BRANCHES, re.IGNORECASE)
    assert [(m.span(), m.groupdict()) for m in keyed.finditer(text)] == [(m.span(), m.groupdict()) for m in whole.finditer(text)]


def test_keyed_branches_leave_out_the_branches_whose_keys_are_missing() -> None:
    keyed = KeyedBranches(BRANCHES, re.IGNORECASE, compile_after=1)
    pattern = keyed.pattern_for("mean 4, 5%")
    assert "(?!)(?:(?P<by>" in pattern.pattern and "(?!)(?:\\bmean" not in pattern.pattern
    assert pattern.groupindex.keys() == {"m", "by"}  # the groups of a branch left out stay, never set
    assert keyed.pattern_for("MEAN 6") is pattern  # compiled once for each set of branches
