"""Sentence splitting: where a full stop ends a sentence and where it does not."""

from __future__ import annotations

import pytest

from extractor.structure import _abbreviation, _after_sign, read_structure


def _sentences(body: str) -> list[str]:
    return [s.text for s in read_structure("RESULTS: " + body).sentences]


@pytest.mark.parametrize("body, expected", [
    # an acronym that is also an abbreviation in lower case ("ST" is not "St.", "MO" is not "mo.")
    ("Rates were 12% for those receiving ST. After follow-up, 79 died.",
     ["Rates were 12% for those receiving ST.", "After follow-up, 79 died."]),
    ("Forty children received MO. After three weeks, 84% improved.",
     ["Forty children received MO.", "After three weeks, 84% improved."]),
])
def test_an_acronym_in_capitals_ends_a_sentence(body, expected):
    assert _sentences(body) == expected


@pytest.mark.parametrize("body, expected", [
    ("Insulin peaked at 45 min. The control group peaked later.", ["Insulin peaked at 45 min.", "The control group peaked later."]),
    ("Goserelin was given for 24 wk. A total of 554 patients took part.",
     ["Goserelin was given for 24 wk.", "A total of 554 patients took part."]),
    ("Outcomes were walking distance and body weight, etc. The KPS score improved.",
     ["Outcomes were walking distance and body weight, etc.", "The KPS score improved."]),
])
def test_a_unit_or_etc_ends_a_sentence(body, expected):
    assert _sentences(body) == expected


@pytest.mark.parametrize("body", [
    "Survival did not differ (median, 16.2 v 14.7 months; P =. 12).",
    "Responders had better well-being (P <. 004) and mood.",
])
def test_a_p_value_printed_with_a_space_stays_whole(body):
    assert _sentences(body) == [body]


@pytest.mark.parametrize("body", [
    "OS was 11 months vs. 9 months (HR 0.8).",
    "Data were reviewed (Escudier et al. 2007) for all patients.",
    "Patients were treated in the U.S. National Cancer Institute trial.",
    "Secondary outcomes (e.g. Pain scores) were similar.",
    "The plant extract St. John's Wort was given daily.",
    "Doses were approx. 5 mg/kg (Fig. 2) in each arm.",
    "The trial was registered (no. 2976) in the Dutch register.",
])
def test_an_abbreviation_does_not_end_a_sentence(body):
    assert _sentences(body) == [body]


def test_abbreviation_reads_the_case_of_the_word():
    assert _abbreviation("vs") and _abbreviation("Fig") and _abbreviation("e.g") and _abbreviation("U.S")
    assert _abbreviation("J")  # an initial
    assert not _abbreviation("ST") and not _abbreviation("MO") and not _abbreviation("min") and not _abbreviation("")


def test_after_sign_skips_spaces_back_to_the_sign():
    text = "P =. 048"
    assert _after_sign(text, 0, text.index("."))
    assert not _after_sign("arm A. Median", 0, 5)
    assert not _after_sign("2020<sup>1</sup>. Approximately", 0, 16)


def test_a_sentence_ends_after_a_tag_with_a_full_stop():
    assert _sentences("There were 935,000 deaths in 2020<sup>1</sup>. Approximately 23% had metastases.") == [
        "There were 935,000 deaths in 2020<sup>1</sup>.", "Approximately 23% had metastases."]


@pytest.mark.parametrize("body", [
    "Mayer, R. J. et al. Randomized trial of TAS-102 for refractory colorectal cancer.",
    "Fukumura, D., Kloepper, J., Duda, D. G. & Jain, R. K. Enhancing cancer immunotherapy.",
])
def test_initials_of_a_name_do_not_end_a_sentence(body):
    assert _sentences(body) == [body]


def test_a_unit_before_a_bracket_does_not_end_a_sentence():
    body = "The mean age was 69 ± 3.5 yrs. (65-80 yrs.) in all groups."
    assert _sentences(body) == [body]
