"""Text plumbing of the rule backend: key sets and searches anchored at a window's end."""

from __future__ import annotations

import re

from extractor.backends.rules.text import KeySets, closing_bracket, search_back


def test_key_sets_find_keys_inside_words_across_spaces_and_as_written():
    keys = KeySets([("os",), ("white blood",), ("qol",), ("OR",)])
    assert keys.bits("Two doses; white blood cells", "two doses; white blood cells") == 0b11
    assert keys.bits("whiteblood QoL", "whiteblood qol") == 0b100
    assert keys.bits("more for you", "more for you") == 0  # "OR" as written only
    assert keys.bits("the OR was 2", "the or was 2") == 0b1000


_TAIL = re.compile(r"(?:[a-z]+\s+){0,3}$")


def test_search_back_finds_what_a_plain_search_finds():
    text = "risk (one, two) of three four five "
    for start in range(len(text)):
        for end in range(start, len(text) + 1):
            found = search_back(_TAIL, text, start, end, re.compile(r"[^a-z\s]"))
            wanted = _TAIL.search(text, start, end)
            assert (found and found.span()) == (wanted and wanted.span()), (start, end)


def test_search_back_starts_after_the_last_character_the_pattern_cannot_hold():
    found = search_back(_TAIL, "a, b c ", 0, 7, re.compile(r","))
    assert found is not None and found.group() == "b c "


def test_learnt_values_are_computed_once_and_forgotten_past_their_bound():
    from extractor.backends.rules.text import _Learnt

    seen: list[str] = []
    learnt = _Learnt(lambda word: seen.append(word) or len(word), 2)
    assert [learnt["ab"], learnt["ab"], learnt["abc"]] == [2, 2, 3] and seen == ["ab", "abc"]
    assert learnt["abcd"] == 4 and len(learnt) == 1  # the bound reached: all forgotten, then learnt again


def test_folded_pattern_finds_what_the_case_insensitive_one_finds_in_the_text():
    from extractor.backends.rules.text import Folded

    pattern = Folded(r"\bgrade\s*(?P<g>[34])\b")
    for text in ("Grade 3 events", "GRADE 4 and grade 3", "İİ grade 3", "no such thing"):
        assert [m.span() for m in pattern.finditer(text)] == [m.span() for m in pattern.plain.finditer(text)]
    assert pattern.pair("Grade 3")[1] == "grade 3" and pattern.pair("İ Grade 3")[1] == "İ Grade 3"  # "İ" moves offsets


def test_a_pattern_that_cannot_be_folded_is_searched_as_written():
    from extractor.backends.rules.text import Folded

    pattern = Folded(r"(?-i:\bORs?)\b")
    assert pattern.low is None and pattern.search("the or was") is None and pattern.search("the OR was") is not None


def test_closing_bracket_is_where_the_bracket_open_at_pos_closes():
    text = "two groups (A [n = 5] or B (n = 6)) and more"
    assert closing_bracket(text, text.index("(") + 1) == text.rindex(")")
    assert closing_bracket(text, text.index("[") + 1) == text.index("]")
    assert closing_bracket("(never closed", 1) is None
