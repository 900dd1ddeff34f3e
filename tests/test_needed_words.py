"""The words a pattern cannot match without (a substring test before a search)."""

from __future__ import annotations

import re

import pytest

from extractor.patterns import Held, first_words, holds_any, holds_each, needed_any, needed_words


def test_words_of_each_part_are_needed() -> None:
    groups = needed_words(re.compile(r"(?:among|of) the \d+ (?:enrolled|randomi[sz]ed) patients"))
    assert set(groups) == {frozenset({"among", "of"}), frozenset({" the "}), frozenset({" "}),
                           frozenset({"enrolled", "randomi"}), frozenset({" patients"})}
    assert groups[0] == frozenset({" patients"})  # the most selective first


def test_optional_and_repeated_parts() -> None:
    groups = needed_words(re.compile(r"a(?:bc)?d(?:ef)*(?:gh)+"))
    assert set(groups) == {frozenset({"a"}), frozenset({"d"}), frozenset({"gh"})}


def test_a_branch_without_words_needs_none() -> None:
    assert needed_words(re.compile(r"(?:\d+|trial)")) == ()


def test_a_word_holding_another_adds_nothing() -> None:
    assert needed_words(re.compile(r"(?:random|randomly) ")) == (frozenset({"random"}), frozenset({" "}))


def test_case_ignored_needs_none() -> None:
    assert needed_words(re.compile(r"enrolled", re.IGNORECASE)) == ()


@pytest.mark.parametrize("text", [
    "of the 40 enrolled patients", "among the 12 randomised patients", "of the 7 randomized patients were",
])
def test_every_match_holds_a_word_of_each_group(text: str) -> None:
    pattern = re.compile(r"(?:among|of) the \d+ (?:enrolled|randomi[sz]ed) patients")
    assert pattern.search(text)
    assert holds_each(text, needed_words(pattern))


def test_a_text_without_a_word_of_some_group_is_not_held() -> None:
    groups = needed_words(re.compile(r"(?:among|of) the \d+ (?:enrolled|randomi[sz]ed) patients"))
    assert not holds_each("of the 40 patients", groups)  # neither "enrolled" nor "randomi"
    assert holds_each("anything", ())  # a pattern that needs no word


def test_first_words_find_where_the_pattern_can_match() -> None:
    pattern = re.compile(r"\b(?:RTOG|NSABP) ?\d{2,4}")
    words = first_words(pattern)
    assert words.search("in the NSABP B-32 trial") and words.search("RTOG 9408")
    assert words.search("a trial of the group") is None


def test_first_words_of_a_pattern_without_words_match_everywhere() -> None:
    assert first_words(re.compile(r"\d+")).search("no digits") is not None


def test_held_answers_as_holds_each_for_each_text() -> None:
    groups = needed_words(re.compile(r"(?:among|of) the \d+ (?:enrolled|randomi[sz]ed) patients"))
    held = Held("among the 12 randomised patients")
    assert held.each(groups) and held.each(groups[1:])
    assert not Held("of the 40 patients").each(groups)


def test_needed_any_are_the_most_selective_group_shortest_first() -> None:
    pattern = re.compile(r"\b(?:mice|retrospective|seer|case[–-]control)\b")
    words = needed_any(pattern)
    assert words == ("mice", "seer", "control", "retrospective")
    for text in ("in mice", "a seer study", "a case-control study", "retrospective", "a randomised trial"):
        assert holds_any(text, words) or pattern.search(text) is None
    assert not holds_any("a randomised trial", words)
    assert needed_any(re.compile(r"\d+")) == ()
