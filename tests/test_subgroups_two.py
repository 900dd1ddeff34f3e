"""Subgroups named by a sentence's opening patients, past a value's long bracket, and phrases that name none
(``results._clause_subgroup``, ``results._after_window_end``, ``results._not_a_subgroup``)."""

from __future__ import annotations

import pytest

from tests.test_rules import _sentence_results


def _subgroups(text, arms=()):
    return [(d.value, d.subgroup) for d in _sentence_results(text, list(arms))]


@pytest.mark.parametrize(("text", "label"), [
    ("In NSTE-ACS patients, the primary endpoint was reduced with drug X vs. drug Y [10.0 vs. 12.3%; HR 0.83].",
     "NSTE-ACS patients"),
    ("In symptomatic M1 patients, drug X improved subjective response (70%) compared with drug Y (58%).",
     "symptomatic M1 patients"),
    ("However, for ICU subjects, treatment success rates were similar (62.5% versus 66.4%; P = 0.58).", "ICU subjects"),
    ("Among under-five children, net use increased by 31.6 percentage points at the sixth month.", "under-five children"),
    ("Among HIV-uninfected children born to HIV-infected mothers, median diarrhoea days were 2.3% with drug X.",
     "HIV-uninfected children born to HIV-infected mothers"),
])
def test_a_sentence_opening_on_named_patients_holds_their_values(text, label):
    assert {s for _, s in _subgroups(text, ["drug X", "drug Y"])} == {label}


@pytest.mark.parametrize("text", [
    "Among the 200 patients, 51.5% received drug X.",
    "In the 87 bioCT-arm patients, 22 responses (25.3%) were observed.",
    "Among 285 eligible patients, 55 patients (38.5%) responded.",
    "In evaluable patients, the response rate was 40%.",
    "In all patients, the response rate was 40%.",
])
def test_a_count_an_arm_or_the_whole_trial_opening_a_sentence_is_not_a_subgroup(text):
    assert all(s is None for _, s in _subgroups(text))


def test_a_subgroup_after_a_values_long_bracket_is_still_its_subgroup():
    text = ("The absolute increase was 7·3% (from 28·1% [21·3–35·5] to 35·4% [28·1–42·7]; HR 0·79 [0·62–1·02]; "
            "p=0·058) in randomised patients; 8·1% (from 28·1% [21·2–36·6] to 36·2% [28·7–43·8]; HR 0·77 "
            "[0·60–1·00]; p=0·041) in eligible patients.")
    found = dict(_subgroups(text))
    assert found[7.3] is None and found[8.1] == "eligible patients"


def test_subgroup_analyses_and_those_who_did_not_name_no_subgroup():
    assert all(s is None for _, s in _subgroups(
        "In planned subgroup analyses, a significant interaction was noted: limited-stage patients had longer "
        "survival (HR, 0.45; P = .07)."))
    assert _subgroups("Grade 4 toxicity was 56% in patients receiving drug X and 29% in those who did not.",
                      ["drug X"])[1][1] is None


@pytest.mark.parametrize("text", [
    "Sedation was common (low dose, 8/44 [18.2%], high dose, 4/45 [8.9%]).",
    "Only 25 patients (5.9%, overall; early, 4.5%; delayed, 8.3%) converted to secondary progressive disease.",
    "The 30-day rate of stroke or death was 14.7% (nonfatal stroke, 12.5%; fatal stroke, 2.2%).",
    "LDL-C fell in all groups: drug X plus placebo, 47.4%; drug X plus drug Y, 56.6%.",
])
def test_a_dose_combination_timing_or_event_heading_a_list_item_is_not_a_subgroup(text):
    assert all(s is None for _, s in _subgroups(text))


def test_a_site_heading_a_list_item_is_still_a_subgroup():
    text = "Response rates were higher with drug X (58% v 41%; liver, 62% v 42%; lung, 58% v 35%)."
    assert [s for _, s in _subgroups(text, ["drug X", "drug Y"])][2:] == ["liver", "liver", "lung", "lung"]


@pytest.mark.parametrize(("text", "labels"), [
    ("Patients with liver metastases had a lower ORR (8.7%) than those without (30.0%).",
     ["liver metastases", "without liver metastases"]),
    ("Three-year RFS was better in patients with positive CTL responses compared with those without "
     "(85.7 and 33.3%, respectively; P=0.011).", ["positive CTL responses", "without positive CTL responses"]),
])
def test_those_without_after_patients_with_a_feature_are_without_it(text, labels):
    assert [s for _, s in _subgroups(text)][:2] == labels


@pytest.mark.parametrize(("text", "label"), [
    ("With a PTV of <= 1302 ml (n=41) the incidence of diarrhoea was 22.3% with drug X compared to 34.8% with drug Y.",
     "PTV of <= 1302 ml"),
    ("In patients with liver biopsies (n=91) overall response to drug X and drug Y was 53% and 18%, respectively.",
     "liver biopsies"),
    ("In the prespecified analysis of subjects with MELD < 28 (n = 120), OS was 68.6% with drug X versus 53.6% "
     "with drug Y.", "MELD < 28"),
])
def test_a_sentence_opening_on_a_counted_feature_or_an_analysis_of_patients_with_it_holds_its_values(text, label):
    assert {s for _, s in _subgroups(text, ["drug X", "drug Y"])} == {label}


def test_a_follow_up_opening_a_sentence_is_not_a_subgroup():
    assert _subgroups("With a median follow-up of 36 months (n = 80) the OS was 45%.") == [(45.0, None)]
