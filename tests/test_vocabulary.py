"""The endpoint vocabulary: every entry finds its own phrase, gated by its own keywords."""

from __future__ import annotations

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
    assert entry.keys is None or any(k in entry.example.lower() for k in entry.keys), "its keys miss its own phrase"
    found = _found(sentence, entry.example)
    wanted = entry.canonical if entry.canonical not in {"AE_CORE", "EVENT"} else "AE"
    assert found and found[0].startswith(wanted), (sentence, found)


def test_a_new_entry_is_gated_by_its_own_keys(monkeypatch):
    """An entry whose words share none of its endpoint's other keys ("quality", "qol") still fires."""
    entry = Entry(r"global health status", "QOL", example="global health status", keys=("global health",))
    compiled = vocabulary._compiled((*ENTRIES, entry))
    monkeypatch.setattr(vocabulary, "ENTRIES", (*ENTRIES, entry))
    monkeypatch.setattr(vocabulary, "_COMPILED", compiled)
    monkeypatch.setattr(vocabulary, "_ALL_KEYS", vocabulary._all_keys(compiled))
    vocabulary._entry_matches.cache_clear()
    try:
        assert _found("Global health status improved by 8 points.", "Global health status") == ["QOL"]
    finally:
        vocabulary._entry_matches.cache_clear()
