"""Verdicts on unseen abstracts, fifth session: one test per phrase shape (h-pem4)."""

from __future__ import annotations

import pytest

from extractor.backends.rules import verdict
from tests.test_verdict import _sentences


def test_the_primary_comparison_in_a_sentence_laid_out_among_the_methods():
    sentences = _sentences(
        ("methods", "The Brief Fatigue Inventory was the primary outcome measure."),
        ("methods", "Using an area under the curve analysis, there was no evidence that methylphenidate improved the "
                    "primary end point of cancer-related fatigue (P = .35)."),
        ("results", "However, a subset analysis suggested some fatigue improvement with methylphenidate (P = .02)."),
    )
    assert verdict.primary_comparison(sentences, {"QOL"}, ["cancer-related fatigue"]) is False


def test_a_planned_comparison_among_the_methods_is_no_finding():
    sentences = _sentences(
        ("methods", "The study had 80% power to detect a difference in cancer-related fatigue at P = .05."),
        ("results", "Cancer-related fatigue improved significantly more with methylphenidate (P = .01)."),
    )
    assert verdict.primary_comparison(sentences, {"QOL"}, ["cancer-related fatigue"]) is True


def test_a_harms_finding_waits_for_the_tumour_comparison():
    sentences = _sentences(
        ("results", "Grade 3 or 4 neutropenia was more frequent in GEM-treated patients versus PLD-treated patients (P = .007)."),
        ("results", "The overall response rate was 16% in the PLD arm compared with 29% in the GEM arm (P = .056)."),
    )
    assert verdict.first_significance(sentences) is False


def test_a_harms_finding_alone_still_answers():
    sentences = _sentences(
        ("results", "Grade 3 or 4 mucositis was less frequent with glutamine than with placebo (P = .007)."),
        ("results", "Patients in the glutamine arm reported less pain."),
    )
    assert verdict.first_significance(sentences) is True


@pytest.mark.parametrize("text, found", [
    ("The 95% CI of the adjusted treatment difference was -9.41% to 4.98%, within the predefined equivalence margin, "
     "indicating therapeutic equivalence between SB4 and ETN.", True),
    ("At week 24, the RR of ACR20 (90% CI) between groups was 1.039 (0.954, 1.133), confirming the primary hypothesis.", True),
    ("This clinical trial was unable to support the primary prestudy hypothesis that methylphenidate would decrease "
     "cancer-related fatigue.", False),
    # a question of mechanism is not the trial's primary hypothesis
    ("Our data do not support the hypothesis that vitamin-D deficiency is associated with poor growth.", None),
])
def test_the_verdict_stated_in_words(text, found):
    assert verdict.stated(_sentences(("results", text))) is found


@pytest.mark.parametrize("text", [
    "SB4 was shown to be equivalent with ETN in terms of efficacy at week 24.",
    "Results from this study demonstrate that ABP 501 is similar to adalimumab in clinical efficacy, safety and immunogenicity.",
])
def test_arms_found_alike_in_an_equivalence_trial(text):
    sentences = _sentences(
        ("methods", "In this randomised, double-blind, 26-week equivalence study, patients were randomised 1:1."),
        ("conclusion", text),
    )
    assert verdict.alike_as_designed(sentences) is True


@pytest.mark.parametrize("text, found", [
    ("Neither FU24h + LV nor FU24h prolong survival, relative to bolus FU + LV.", False),
    ("Six months of training neither enhances habitual physical activity nor affects complaints of constipation.", False),
])
def test_neither_nor_denies_the_benefit(text, found):
    assert verdict.conclusion(_sentences(("conclusion", text))) is found


@pytest.mark.parametrize("text, found", [
    ("The median time to deterioration was 5.6 months versus 1.7 months for PF (P <.0001) favoring CET/placebo.", False),
    ("For patients surviving 5 years, subsequent survival favoured placebo over levamisole (100% vs 57%; P < 0.001).", False),
    ("The mean global QoL score at 54 weeks was higher in the standard chemotherapy group than in the bevacizumab group "
     "(76.1 vs 69.7 points; p<0.0001).", False),
    ("Overall survival was somewhat greater in the placebo group than in the levamisole group, 68% vs 38% (P < 0.01).", False),
    # a harm more frequent with the control is the experimental arm's gain
    ("Nausea frequency was higher in the placebo group than in the pregabalin group (P = 0.01).", True),
    ("Time to deterioration was longer with afatinib (P = .007), favouring the experimental arm.", True),
    ("Median PFS was 5.6 versus 4.1 months (P = 0.03).", True),
])
def test_a_difference_in_the_control_arms_favour_is_not_met(text, found):
    assert verdict.significance(text) is found


def test_the_groups_make_up_is_no_finding():
    sentences = _sentences(
        ("results", "The differences of gender, age, primary GI malignancies, and hematological data between the two "
                    "compared groups were not statistically significant (all P > 0.05)."),
        ("results", "Compared with standard TPN, a higher serum prealbumin level was observed with glutamine (P = 0.039)."),
    )
    assert verdict.first_significance(sentences) is True


def test_a_finding_adjusted_for_age_and_gender_is_a_finding():
    sentences = _sentences(
        ("results", "An intervention effect was found for physical fitness (VO2peak standardized for age and gender, P<0.01)."),
    )
    assert verdict.first_significance(sentences) is True


@pytest.mark.parametrize("text", [
    "Randomised trials are needed, especially as the present data do not support a quality of life benefit with epidural "
    "analgesia.",
    "Our randomized, placebo controlled multicenter trial do not support the efficacy of Saccharomyces boulardii.",
])
def test_data_that_do_not_support_a_benefit(text):
    assert verdict.conclusion(_sentences(("conclusion", text))) is False


@pytest.mark.parametrize("text", [
    "This first-ever trial assessing the efficacy of cannabis has shown it to be no more efficacious than placebo in painful DPN.",
    "Unsolicited occupational therapy in high-risk elderly participants does not decelerate the increase in disability over time.",
])
def test_no_more_effective_and_does_not_slow(text):
    assert verdict.conclusion(_sentences(("conclusion", text))) is False


def test_a_change_in_both_groups_then_a_denial_between_them():
    text = ("There was significant improvement in pain scores in both groups, but mean change between groups was not "
            "significant.")
    assert verdict.significance(text) is False


@pytest.mark.parametrize("text, other", [
    ("In this study, the authors examined personal and clinical factors that may predict exercise training responses.", True),
    ("We aimed to identify moderators of the intervention's effect on fatigue.", True),
    ("The study investigated potential moderators of the effect of exercise on quality of life.", True),
    # a question beside the trial's own comparison
    ("A secondary aim was to examine the factors that predict change in suicide ideation.", False),
    ("We examined the effect of head elevation and investigated the factors that influence mean arterial pressure.", False),
])
def test_a_report_about_what_predicts_the_response(text, other):
    assert verdict.reports_other_outcomes(_sentences(("objective", text))) is other
