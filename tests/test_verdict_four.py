"""Verdicts on unseen abstracts, fourth session: one test per phrase shape (h-pem3)."""

from __future__ import annotations

import pytest

from extractor.backends.rules import verdict
from tests.test_verdict import _sentences


@pytest.mark.parametrize("text", [
    "Median OS was 9.45 and 10 months respectively without statistically a significant difference (log-rank test, p=0.259).",
    "PFS was longer in arm A without reaching statistical significance (p = 0.07).",
    "The only statistically significant difference observed between groups was the global rating scale score at 2 weeks.",
])
def test_a_denial_of_significance(text):
    assert verdict.significance(text) is False


@pytest.mark.parametrize("text, found", [
    # denials
    ("Although a dosage of 50 mg of bicalutamide once daily was not as effective as castration, the favorable quality of "
     "life outcomes provide reasons to evaluate bicalutamide at higher doses.", False),
    ("SWIFT Cast did not enhance the benefit of CPT.", False),
    ("This trial could not detect a reduction in sickness absence between the groups.", False),
    ("In our study we could not find any evidence for improvement of clinical outcome in blastocyst transfers.", False),
    ("There was no clear statistically significant difference in independence between the groups.", False),
    ("Treatment with radiotherapy and 5-fluorouracil did not have a significant impact on quality of life.", False),
    ("Effects of HT on toxicities, treatment delay, QOL, and fatigue were not observed.", False),
    # a bare denial about harms is none; one beside a benefit's name still denies
    ("There was no statistically significant difference between the two groups with regard to the side effects observed.",
     None),
    ("There was no significant difference in toxicity.", None),
    ("Veriset displayed no significant difference, showing similar hemostasis and safety profiles.", False),
    # claims, and a benefit that could be had
    ("Exercise training had beneficial effects on cardiopulmonary function and QOL in breast cancer survivors.", True),
    ("EMS has beneficial effects on the strength of critically ill patients.", True),
    ("This study confirms the efficacy of an Iranian herbal preparation in treating chronic functional constipation.", True),
    ("This pilot study raises the hypothesis that NAVA could have beneficial effects on hemodynamics in children.", None),
])
def test_the_conclusion(text, found):
    assert verdict.conclusion(_sentences(("conclusion", text))) is found


@pytest.mark.parametrize("text, before", [
    ("Baseline values for peak oxygen consumption (P =.254) and overall QOL (P =.286) did not differ between groups.", True),
    ("Baseline HRQOL scores did not differ between groups.", True),
    ("The difference between two groups in all clinical symptoms at admittance was not statistically significant.", True),
    ("The mean change from baseline in sitting diastolic BP at week 16 was greater with azilsartan (P < .001).", False),
    ("After adjusting for baseline differences, we found no difference in quality of life at 12 months.", False),
])
def test_a_comparison_before_treatment(text, before):
    assert verdict._baseline_only(text.lower()) is before


def test_the_primary_comparison_is_not_read_from_the_baseline():
    sentences = _sentences(
        ("methods", "The primary outcome was overall QOL."),
        ("results", "Baseline values for overall QOL (P =.286) did not differ between groups."),
        ("results", "Overall QOL increased by 9.1 points with exercise compared with 0.3 points in the control group (P =.001)."),
    )
    assert verdict.primary_comparison(sentences, {"QOL"}, ["overall QOL"]) is True


def test_a_conclusion_that_denies_the_primary_endpoint_as_written():
    sentences = _sentences(
        ("methods", "Main outcome measures were inpatient stay (prior to birth, total) and adverse reactions."),
        ("results", "The OPC group had shorter hospital stay prior to birth (21.3 vs. 32.4 hrs, p < .001)."),
        ("conclusion", "OPC was feasible and acceptable, however did not show a statistically significant reduction in total "
                       "inpatient stay."),
    )
    assert verdict.verdict(sentences, {"OTHER"}, ["inpatient stay (prior to birth"], comparative=True) is False


@pytest.mark.parametrize("text, met", [
    # people or events that met the endpoint's definition
    ("During the second nine months monitoring, 49 events met the primary endpoint (febrile malaria with parasites) in the "
     "ITT group.", None),
    ("The proportion of patients who met the primary end point (composite of acute rejection, graft loss, death) was "
     "higher with belatacept.", None),
    ("The study met its primary endpoint.", True),
])
def test_a_stated_verdict(text, met):
    assert verdict.stated(_sentences(("results", text))) is met
