"""The endpoint vocabulary: every entry finds its own phrase, gated by its own keywords."""

from __future__ import annotations

import re._constants
import re._parser  # re's own parse tree, as extractor.patterns reads it

import pytest

from extractor.backends.rules import vocabulary
from extractor.backends.rules.vocabulary import ENTRIES, Entry, find_mentions


def _found(sentence: str, phrase: str) -> list[str]:
    at = sentence.index(phrase)
    return [m.canonical for m in find_mentions(sentence) if m.start <= at + len(phrase) - 1 and m.end > at]


@pytest.mark.parametrize("entry", ENTRIES, ids=[f"{i}-{e.canonical}-{e.example}" for i, e in enumerate(ENTRIES)])
def test_every_entry_fires_on_its_own_phrase(entry):
    assert entry.example, "each entry names a phrase it finds (Entry.example)"
    sentence = f"In this study, the {entry.example} was 40% in the first group."
    assert entry.keys is None or any(k in (entry.example.lower() if k.islower() else entry.example) for k in entry.keys), \
        "its keys miss its own phrase"
    found = _found(sentence, entry.example)
    wanted = entry.canonical if entry.canonical not in {"AE_CORE", "EVENT"} else "AE"
    assert found and found[0].startswith(wanted), (sentence, found)


def test_a_new_entry_is_gated_by_its_own_keys(monkeypatch):
    """An entry whose words share none of its endpoint's other keys ("quality", "qol") still fires."""
    entry = Entry(r"global health status", "QOL", example="global health status", keys=("global health",))
    entries = (*ENTRIES, entry)
    monkeypatch.setattr(vocabulary, "ENTRIES", entries)
    monkeypatch.setattr(vocabulary, "_COMPILED", vocabulary._compiled(entries))
    monkeypatch.setattr(vocabulary, "_INDEX", vocabulary.KeyIndex(vocabulary.gates(entries)))
    vocabulary._find_mentions.cache_clear()
    try:
        assert _found("Global health status improved by 8 points.", "Global health status") == ["QOL"]
    finally:
        vocabulary._find_mentions.cache_clear()


def test_the_key_index_opens_the_gates_whose_keys_a_sentence_holds_in_order():
    """A key is found inside a longer word ("doses" holds "os") and across a space ("white blood")."""
    index = vocabulary.KeyIndex((vocabulary.Gate(0, ("os",)), vocabulary.Gate(1, ("white blood",)),
                                 vocabulary.Gate(2, ("qol",))))
    assert [g.order for g in index.open_gates("two doses; white blood cells fell.", "two doses; white blood cells fell.")] == [0, 1]
    assert [g.order for g in index.open_gates("whiteblood QoL", "whiteblood qol")] == [2]


def _class(items: list) -> set[str]:
    c = re._constants
    spaces = {chr(i) for i in range(0x3000) if chr(i).isspace()}
    out: set[str] = set()
    for op, av in items:
        if op is c.LITERAL:
            out.add(chr(av))
        elif op is c.RANGE:
            out |= {chr(i) for i in range(av[0], av[1] + 1)}
        else:
            out |= spaces if av is c.CATEGORY_SPACE else {"*"}
    return out


def _consumed(items: list, out: set[str]) -> set[str]:
    """The characters a parsed pattern may consume (lookarounds left out); "*" for any."""
    c = re._constants
    for op, av in items:
        if op is c.LITERAL:
            out.add(chr(av))
        elif op is c.IN:
            out |= _class(av)
        elif op in (c.SUBPATTERN, c.MAX_REPEAT, c.MIN_REPEAT):
            _consumed(av[-1], out)
        elif op is c.BRANCH:
            for branch in av[1]:
                _consumed(branch, out)
        elif op is c.GROUPREF_EXISTS:
            _consumed(av[1], out)
            _consumed(av[2] or [], out)
        elif op not in (c.AT, c.ASSERT, c.ASSERT_NOT):
            out.add("*")
    return out


def test_no_word_before_an_adverse_event_holds_a_character_the_prefix_search_skips():
    consumed = _consumed(list(re._parser.parse(vocabulary._AE_PREFIX.plain.pattern, re.IGNORECASE)), set())
    assert "*" not in consumed and "a" in consumed and "-" in consumed
    assert not any(vocabulary._NOT_IN_AE_PREFIX.match(c) for c in consumed)


def test_grade_and_relatedness_words_after_a_comma_still_class_the_event():
    sentence = "Among 40 patients (52%), grade 3 treatment-related adverse events occurred in 12."
    assert [m.canonical for m in find_mentions(sentence)] == ["TRAE_GRADE3PLUS"]
    assert find_mentions(sentence)[0].text == "grade 3 treatment-related adverse events"
