"""The rule backend's cheap tests before its searches: each lets through every phrase its search finds."""

from __future__ import annotations

import json

import pytest

from extractor.backends.rules import backend
from extractor.patterns import holds_any
from extractor.structure import Sentence
from tests.conftest import SHARED


def _sentence(text: str, index: int = 0, section: str = "methods") -> Sentence:
    return Sentence(0, len(text), text, section, index)


@pytest.mark.parametrize("text", [
    "Patients were randomly assigned to receive docetaxel or placebo.",
    "Patients were RANDOMIZED (1:1) between surgery and radiotherapy.",
    "Women were allocated into two groups.",
    "Eligible patients were Assigned to gemcitabine or observation.",
])
def test_every_randomisation_holds_a_key(text):
    assert backend._RANDOMISED_TO.search(text)
    assert holds_any(text.lower(), backend._RANDOMISED_TO_KEYS)


def test_a_randomisation_is_read_after_its_key():
    texts = ["Background: cisplatin is standard.", "After cisplatin, patients were randomised to docetaxel or placebo."]
    assert backend._randomised_to([_sentence(t, i) for i, t in enumerate(texts)]) == " docetaxel or placebo."


@pytest.mark.parametrize("text", [
    "All patients received dexamethasone on day 1.",
    "Both groups were given mesna.",
    "Each group also underwent surgery.",
    "ALL THE PATIENTS WERE TREATED WITH aspirin.",
])
def test_every_treatment_given_to_everyone_passes(text):
    assert backend._GIVEN_TO_EVERYONE.search(text)
    assert backend._may_give_everyone(text.lower())


def test_a_sentence_without_those_words_is_not_searched():
    assert not backend._may_give_everyone("patients were randomised to docetaxel or placebo.")
    assert backend._given_to_everyone([_sentence("All patients received dexamethasone on day 1.")]) == " dexamethasone on day 1."


def test_the_treatment_text_is_the_first_two_treatment_sentences_naming_a_drug():
    texts = ["We studied fatigue after docetaxel.", "Patients received oral care.", "Patients received docetaxel every 3 weeks.",
             "Patients treated with cisplatin were followed.", "Patients received gemcitabine."]
    treating = [_sentence(t, i) for i, t in enumerate(texts)]
    assert backend._treatment_text(None, treating) == "Patients received docetaxel every 3 weeks. Patients treated with cisplatin were followed."


@pytest.mark.parametrize(("text", "expected"), [
    ("The outcome of surgery was good in 40 patients.", []),  # "outcome" without a role: no lookup of outcomes
    ("Overall survival (primary endpoint) was longer with docetaxel.", [("OS", "primary")]),
    ("Secondary endpoints included overall survival.", [("OS", "secondary")]),
])
def test_outcomes_are_looked_up_where_a_role_is_named(text, expected):
    assert [(m.canonical, role) for m, role in backend._roles_named(text)] == expected


@pytest.mark.parametrize(("text", "named"), [
    ("The PRIMARY ENDPOINT was the reflux of bile into the remnant stomach.", "reflux of bile into the remnant stomach"),
    ("The secondary endpoint was the reflux of bile.", None),
])
def test_an_unnamed_primary_needs_the_word_primary(text, named):
    found = backend._unnamed_primary(text)
    assert (found[0][0].text if found else None) == named


def test_trial_words_are_counted_up_to_enough():
    low = "patients were randomly assigned to docetaxel or placebo in this phase iii trial; the trial enrolled 300."
    full = len(backend._TRIAL_SIGNAL.findall(low)) + 2 * len(backend._STRONG_SIGNAL.findall(low))
    assert backend._signal_hits(low, 100) == full
    assert 3 <= backend._signal_hits(low, 3) < full


@pytest.mark.parametrize(("low", "keys", "held"), [
    ("further studies are warranted.", backend._FUTURE_KEYS, True),
    ("overall survival was longer.", backend._FUTURE_KEYS, False),
])
def test_holds_any(low, keys, held):
    assert holds_any(low, keys) is held


def _bulk_texts(limit: int = 600) -> list[str]:
    path = SHARED / "corpus" / "bulk" / "pmc-abstracts.jsonl"
    if not path.exists():
        pytest.skip("../shared/corpus is not beside the project")
    with path.open() as lines:
        return [json.loads(line)["abstract"] for _, line in zip(range(limit), lines, strict=False)]


def test_a_text_lacking_the_words_of_other_designs_has_none_of_them():
    """``_NOT_TRIAL`` is counted only in text holding its needed words: the count is findall's everywhere."""
    texts = [t.lower() for t in _bulk_texts()] + [
        "a case–control study", "chart review of 40 patients", "we reviewed 112 records", "seer data", "a meta-analysis"]
    assert sum(bool(backend._NOT_TRIAL.search(low)) for low in texts) >= 5
    for low in texts:
        counted = len(backend._NOT_TRIAL_KEYED.findall(low))
        assert counted == len(backend._NOT_TRIAL.findall(low)), low[:80]


def test_a_treatment_sentence_kept_is_one_the_plain_search_finds():
    sentences = [s for t in _bulk_texts(200) for s in t.split(". ")]
    for text in sentences + sentences[:50]:  # the second time, from the kept answers
        assert backend._says_treatment(text) == bool(backend._TREATMENT.search(text.lower())), text
