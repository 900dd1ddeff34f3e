"""Which endpoint a value is filed under, third night: made-up sentences in the shapes printed in unlabelled abstracts
(see docs/rules-notes.md, "Endpoint names, third night")."""

from __future__ import annotations

import pytest

from extractor.backends.rules.results import Draft, complete_responses_of_emesis
from extractor.backends.rules.vocabulary import find_mentions
from tests.test_rules import _sentence_results


def _results(text, arms=("A", "B")):
    return [(d.endpoint, d.measure, d.value) for d in _sentence_results(text, list(arms))]


def _canonicals(text):
    return [m.canonical for m in find_mentions(text)]


def test_free_elided_with_its_values_in_brackets():
    # "relapse-free (…) or overall survival": the bracket holds the relapse-free values
    text = "Relapse-free (31% vs 32% HR 1.02 (0.83–1.24), P=0.9) or overall survival (23% vs 22%) did not differ."
    assert _results(text) == [("RFS", "proportion", 31.0), ("RFS", "proportion", 32.0), ("RFS", "hazard_ratio", 1.02),
                              ("OS", "proportion", 23.0), ("OS", "proportion", 22.0)]


def test_a_bracket_not_before_overall_survival_elides_nothing():
    assert _canonicals("Patients who were disease-free (n = 20) were followed for survival.") == ["OS"]


@pytest.mark.parametrize(("text", "expected"), [
    ("Afatinib delayed the time to deterioration for cough (HR, 0.60; 95% CI, 0.41 to 0.87).", [("QOL", "hazard_ratio", 0.6)]),
    ("A prolonged time to definitive worsening of KPS (median, 6.1 v 4.8 months; hazard ratio, 1.38).",
     [("QOL", "median", 6.1), ("QOL", "median", 4.8), ("QOL", "hazard_ratio", 1.38)]),
    ("The median time to deterioration was 1.6 months with A versus 1.1 months with B.",
     [("QOL", "median", 1.6), ("QOL", "median", 1.1)]),
])
def test_time_to_deterioration_is_quality_of_life(text, expected):
    assert _results(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Two patients died of treatment-related causes.", [("TREATMENT_RELATED_DEATH", "count", 2.0)]),
    ("Three patients (5%) died from chemotherapy-related complications.", [("TREATMENT_RELATED_DEATH", "proportion", 5.0)]),
])
def test_deaths_from_treatment_related_causes(text, expected):
    assert _results(text, ()) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("The 5-year LC, DFS and OS were 90%, 70% and 60%, respectively.",
     [("OTHER", "LC", 90.0), ("DFS", None, 70.0), ("OS", None, 60.0)]),
    ("The median OS and SBP were 30.8 and 19.6 months, respectively.", [("OS", None, 30.8), ("OTHER", "SBP", 19.6)]),
    # known abbreviations only: as before
    ("The 5-year DFS and OS were 70% and 60%, respectively.", [("DFS", None, 70.0), ("OS", None, 60.0)]),
])
def test_an_unknown_abbreviation_listed_with_endpoints_takes_its_own_value(text, expected):
    assert [(d.endpoint, d.name, d.value) for d in _sentence_results(text, [])] == expected


def test_an_abbreviation_not_in_the_list_is_not_an_outcome():
    text = "The median PFS for FOLFOX and XELOX were 6.1 and 5.9 months, respectively."
    assert [d.endpoint for d in _sentence_results(text, [])] == ["PFS", "PFS"]


def _drafts_of(text):
    return [d for d in _sentence_results(text, ["A", "B"])]


def test_a_complete_response_of_an_antiemetic_is_no_tumour_response():
    text = "Complete response rate on day 1 was 45 and 90% in the A and the B groups, respectively."
    drafts: list[Draft] = _drafts_of(text)
    document = ("Antiemetic effect for acute and delayed emesis. Patients had episodes of vomiting. " + text)
    complete_responses_of_emesis(drafts, document)
    assert [(d.endpoint, d.name) for d in drafts] == [("OTHER", "complete response")] * 2


def test_a_tumour_complete_response_stays_with_vomiting_as_an_adverse_event():
    text = "Complete response rate was 45% in the A group and 30% in the B group."
    drafts = _drafts_of(text)
    document = "Emesis, vomiting and antiemetic use were recorded. Partial responses were seen in 20%. " + text
    complete_responses_of_emesis(drafts, document)
    assert [d.endpoint for d in drafts] == ["CR_RATE", "CR_RATE"]


@pytest.mark.parametrize(("text", "expected"), [
    ("Thrombopenia grade 3-4 was observed in 12% of patients.", [("AE_GRADE3PLUS", "proportion", 12.0)]),
    ("Hematotoxicity was more frequent in arm A (40% vs 20%).", [("AE", "proportion", 40.0), ("AE", "proportion", 20.0)]),
])
def test_toxicities_named_the_european_way_are_adverse_events(text, expected):
    assert _results(text) == expected
