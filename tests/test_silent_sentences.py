"""Results sentences that plainly report values but gave nothing: the sentence-level gates of the outcome fallback
(``results._sentence_outcome``, ``_first_value_at``) read past what is not the outcome's value or subject (made-up
sentences in the printed shapes)."""

from __future__ import annotations

import pytest

from tests.test_rules import _sentence_results


def _read(text, arms):
    return sorted((d.measure, d.value, d.arm) for d in _sentence_results(text, list(arms)))


def test_a_clause_about_the_patients_before_a_semicolon_does_not_silence_the_result():
    text = ("Thirty patients were then randomized; the median time to drain removal in the control group was 30 days "
            "(range, 13–74) compared to 29 days (range, 11–45) in the sealant group (P = 0.6).")
    assert _read(text, ["control", "sealant"]) == [("median", 29.0, "sealant"), ("median", 30.0, "control")]


def test_a_group_size_is_not_the_first_value():
    text = ("The median time to drain removal in the control group (n = 14) was 30 days (range, 13–74) compared to 29 "
            "days (range, 11–45) in the sealant group (n = 16; P = 0.6).")
    assert _read(text, ["control", "sealant"]) == [("median", 29.0, "sealant"), ("median", 30.0, "control")]


@pytest.mark.parametrize("text", [
    "In the ATC group (n = 17), 11 (65%) patients passed the SBT.",
    "In the ATC group (n = 17) 11 (65%) patients passed the SBT.",
])
def test_a_clause_naming_one_arm_and_its_size(text):
    assert _read(text, ["ATC", "PSV"]) == [("proportion", 65.0, "ATC")]


def test_the_semicolon_of_a_group_size_cuts_no_clause():
    text = ("Riociguat decreased pulmonary vascular resistance in inoperable (n=189; least-squares mean "
            "difference: −285 dyn s/cm5 (95% CI −357 to −213); p<0.0001).")
    assert [d.value for d in _sentence_results(text, [])] == [-285.0]


@pytest.mark.parametrize(("text", "read"), [
    ("The mortality rates among patients with occult adrenal insufficiency were 40% in the A group and 55.6% in the B "
     "group.", [("proportion", 40.0, "A"), ("proportion", 55.6, "B")]),
    ("In NSTE-ACS patients, the primary endpoint was reduced with A vs. B [10.0 vs. 12.3%; P = 0.01].",
     [("proportion", 10.0, "A"), ("proportion", 12.3, "B")]),
])
def test_the_patients_a_finding_is_about(text, read):
    assert _read(text, ["A", "B"]) == read


@pytest.mark.parametrize("text", [
    "Of the analyzable patients, 90% had a Karnofsky performance score of 90-100 and 37% had squamous histology.",
    "Among the participants, the mean number of cigarettes smoked per day was 18.8 (SD = 10.9).",
])
def test_who_the_patients_were_stays_silent(text):
    assert _read(text, ["A", "B"]) == []
