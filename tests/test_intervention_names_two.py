"""How an arm's interventions are named, second set: one test per phrase shape."""

from __future__ import annotations

from extractor.backends.rules.arms import interventions_in
from extractor.backends.rules.lexicon import find_drugs


def _names(text: str) -> list[str]:
    return [str(i["name"]) for i in interventions_in(text)]


def test_a_drug_joined_by_another_hyphen_is_read_and_named_as_written():
    # PubMed text joins words with U+2010: "nab‐paclitaxel" is nab-paclitaxel, not paclitaxel
    assert _names("gemcitabine/nab\u2010paclitaxel plus apatorsen") == ["gemcitabine", "nab\u2010paclitaxel", "apatorsen"]
    assert [m.drug.name for m in find_drugs("5\u2010FU and S\u20111", code_names=True)] == ["5-fluorouracil", "s-1"]
    assert [m.text for m in find_drugs("5\u2010fluorouracil")] == ["5\u2010fluorouracil"]
