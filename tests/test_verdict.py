"""The primary-endpoint verdict: one test per phrase shape that decides it."""

from __future__ import annotations

import pytest

from extractor.backends.rules import verdict
from extractor.patterns import needed_words
from extractor.structure import Sentence


def _sentences(*pairs: tuple[str, str]) -> list[Sentence]:
    out, pos = [], 0
    for i, (section, text) in enumerate(pairs):
        out.append(Sentence(pos, pos + len(text), text, section, i))
        pos += len(text) + 1
    return out


@pytest.mark.parametrize("text, met", [
    ("The study met its primary endpoint.", True),
    ("The trial achieved the prespecified primary objective of improved PFS.", True),
    ("The primary endpoint was met in both cohorts.", True),
    ("The study did not meet the predefined endpoint for PFS improvement.", False),
    ("The trial failed to reach its primary end point.", False),
    ("PFS6mo was 46.4% and not superior to null rate.", False),
    ("Between-group differences in the primary outcomes were not significant at 12 months.", False),
    ("No significant difference was found in the primary endpoint between the arms.", False),
    ("Both co-primary immunogenicity objectives were met.", True),
    ("The response rate exceeded the target of the Simon design.", True),  # let through by its cue "target"
    ("Thus the null hypothesis was rejected.", True),
    ("Median PFS was 5.5 vs 5.5 months (HR, 0.68) and did not meet predefined efficacy criteria.", False),
    ("Intention-to-treat analyses showed no evidence of a statistically significant intervention effect on primary or "
     "secondary outcomes.", False),
    ("There was no significant difference in average score values between the two groups with regard to the primary "
     "(p = 0.34) or the secondary endpoint (p = 0.94).", False),
])
def test_stated_verdicts(text, met):
    assert verdict.stated(_sentences(("results", text))) is met


@pytest.mark.parametrize("text, significant", [
    ("Median TTP was significantly longer with AT than AC (37.3 v 31.9 weeks; P = .014).", True),
    ("The change in BMD in the zoledronic acid group was significantly (P < .05) greater than in the placebo group.", True),
    ("PFS was 4.0 and 2.5 months (hazard ratio, 0.81; 95% CI, 0.54 to 1.21; P = .30).", False),
    ("The difference in ORR was not statistically significant (60.4% vs 43.5%; P = .2096).", False),
    ("Three-year RFS was not significantly different between groups (67.8 vs 73.6%).", False),
    ("Tobemstomig showed a similar pathological response rate versus nivolumab.", False),
    ("Response rates were 58% and 29% (P < 0.001).", True),
    ("Overall survival was comparable in both arms.", False),
    ("Median OS was 11.2 months.", None),
])
def test_significance_of_a_comparison(text, significant):
    assert verdict.significance(text) is significant


def test_the_primary_endpoints_sentence_decides():
    sentences = _sentences(
        ("methods", "The primary end point was progression-free survival."),
        ("results", "Response rates were higher with A (45% v 30%; P = .01)."),
        ("results", "Median progression-free survival was 7.1 v 6.9 months (HR 0.95; P = .44)."),
    )
    assert verdict.verdict(sentences, {"PFS"}, ["progression-free survival"], comparative=True) is False


def test_a_conclusion_of_no_benefit_on_the_primary_endpoint_vetoes_a_significant_difference():
    sentences = _sentences(
        ("results", "Median overall survival was 11.3 months with EOC compared with 8.8 months with mEOC+P (HR 1.37; p=0.013)."),
        ("conclusion", "Addition of panitumumab does not increase overall survival and cannot be recommended."),
    )
    assert verdict.verdict(sentences, {"OS"}, ["overall survival"], comparative=True) is False


def test_without_a_primary_endpoint_the_conclusion_decides():
    positive = _sentences(("results", "PFS at 3 years was 51% vs 38% (P = 0.031)."),
                          ("body", "Thus, the inclusion of IFN-γ yielded a benefit in prolonging progression-free survival."))
    negative = _sentences(("results", "Median PFS was 17.8 v 19.3 months (HR 1.18; P = .0044)."),
                          ("conclusion", "The addition of gemcitabine reduced PFS time and did not improve OS."))
    assert verdict.verdict(positive, set(), [], comparative=True) is True
    assert verdict.verdict(negative, set(), [], comparative=True) is False


def test_a_single_arm_trial_needs_its_threshold_stated():
    assert verdict.verdict(_sentences(("conclusion", "The combination is effective.")), set(), [], comparative=False) is None
    assert verdict.verdict(_sentences(("results", "The trial met its primary endpoint.")), set(), [],
                           comparative=False) is True


def test_p_values_are_read_in_every_notation():
    assert verdict.p_values("P =.014; p<0·001; P-value = 0.058; P less than 0.05") == [
        ("=", 0.014), ("<", 0.001), ("=", 0.058), ("less than", 0.05)]


def test_neither_arm_superior_on_the_primary_outcome_is_not_met():
    text = "Neither HIGH (+0.8; P = .30) nor COMB (+0.5; P = .52) were superior to STAN for the primary outcome."
    assert verdict.stated(_sentences(("results", text))) is False


def test_a_comparison_before_the_intervention_is_baseline():
    sentences = _sentences(
        ("results", "There was no significant difference between the two groups before the intervention."),
        ("results", "After the intervention, anxiety was significantly lower in the experiment group (P < 0.01)."),
    )
    assert verdict.first_significance(sentences) is True


@pytest.mark.parametrize("text, significant", [
    ("The four factors were significantly lower in the study group than in the control group (P<0.01), while there "
     "were no significant differences in the cover factor (P>0.05).", True),
    ("There was no significant difference in anxiety, but depression was significantly lower with the intervention.",
     False),
])
def test_the_first_words_decide_a_mixed_sentence(text, significant):
    assert verdict.significance(text) is significant


@pytest.mark.parametrize("text, concluded", [
    ("At this dosage, the association of 5-FU and IFN is no better than 5-FU alone and is of no clinical interest.", False),
    ("Vinorelbine can be recommended as radiosensitizer in advanced head and neck malignancy.", True),
    ("The randomized controlled double-blind HECTOR trial showed no survival benefit for patients treated with octreotide.",
     False),
    ("Survivors in the telephone-based intervention experienced significant improvements in fitness.", True),
])
def test_conclusions_answer_the_trials_question(text, concluded):
    assert verdict.conclusion(_sentences(("conclusion", text))) is concluded


@pytest.mark.parametrize("text, significant", [
    ("The one-year recurrence rates were 53.3% and 86.6% in the two groups (χ2 = 3.968, P < 0.05).", True),
    ("Symptom scores were lower with nabilone (P less than 0.05).", True),
    ("Vomiting episodes were fewer with nabilone (P = 0.05).", False),
    ("Attendance was 33% and 23% (P ≤ .05).", True),
])
def test_a_p_value_bound_at_five_percent_is_significant(text, significant):
    assert verdict.significance(text) is significant


@pytest.mark.parametrize("text, concluded", [
    ("Addition of apatorsen does not improve outcomes, although a trend toward prolonged PFS and OS in patients with high "
     "serum Hsp27 suggests this therapy may warrant further evaluation.", False),
    ("Application of GCI may reduce the risk of organ space SSI but only in the absence of anastomotic leakage.", None),
])
def test_a_trend_or_a_benefit_in_a_subgroup_only_is_no_benefit(text, concluded):
    assert verdict.conclusion(_sentences(("conclusion", text))) is concluded


def test_a_crossover_comparison_is_comparative():
    from extractor import extract

    text = ("Nabilone and prochlorperazine were compared in a double-blind crossover study of 34 patients with lung cancer. "
            "Symptom scores were better for patients on nabilone (P less than 0.05). "
            "Nabilone is an effective oral anti-emetic drug.")
    assert extract(text).trials[0].primary_endpoint_met is True


def test_an_association_is_not_the_trials_comparison():
    sentences = _sentences(
        ("results", "Aromatase inhibitor therapy was significantly associated with contralateral loss of abduction."),
        ("results", "Loss of abduction did not differ between the radiotherapy arms."),
    )
    assert verdict.first_significance(sentences) is False


@pytest.mark.parametrize("opening, secondary", [
    ("Association between miR-31-3p expression and cetuximab efficacy: a post-hoc analysis of the New EPOC trial", True),
    ("Plasma YKL-40 as a biomarker for bevacizumab efficacy in patients with newly diagnosed glioblastoma", True),
    ("Prognostic and predictive importance of AIB1 in a randomized trial comparing letrozole and tamoxifen", True),
    ("Potential surrogate endpoints for overall survival: an analysis of a phase III randomized trial", True),
    ("Early Shoulder-Arm Morbidity in Breast Cancer Patients Enrolled in a Randomized Trial of Radiation Therapy", True),
    ("A randomised trial of chemotherapy versus endocrine therapy in locally advanced breast cancer", False),
    ("A meta-analysis of two randomised trials of early chemotherapy in metastatic colorectal cancer", False),
    ("Evidence indicating an association between cigarette smoke exposure and breast cancer is growing.", False),
])
def test_a_secondary_analysis_says_so_in_its_opening(opening, secondary):
    assert verdict.secondary_analysis(opening) is secondary


def test_a_secondary_analysis_takes_no_verdict_from_its_first_finding():
    sentences = _sentences(
        ("results", "Eight patients were IDH1+ and had a median OS of 10.4 months compared to 6.9 months (p = 0.5452)."),
    )
    assert verdict.verdict(sentences, set(), [], comparative=True) is False
    assert verdict.verdict(sentences, set(), [], comparative=True, secondary=lambda: True) is None


@pytest.mark.parametrize("text", [
    "A phase III trial is needed to determine whether the combination of Z-360 and gemcitabine is superior to gemcitabine.",
    "Both capecitabine and S-1 monotherapies were active and tolerable as first-line treatment for elderly patients.",
    "All the three analgesics used as first-line therapy were effective and well tolerated.",
    "These findings suggest the need for telemedicine for patients who might benefit from group sessions but cannot travel.",
])
def test_an_open_question_or_both_arms_active_claims_no_benefit(text):
    assert verdict.conclusion(_sentences(("conclusion", text))) is None


@pytest.mark.parametrize("text", [
    "True acupuncture was associated with 0.8 fewer hot flashes per day than sham, but the difference did not reach "
    "statistical significance (P = .3).",
    "Interaction effects for mental and physical well-being scores were not significant.",
])
def test_an_association_that_compares_the_arms_is_the_trials_comparison(text):
    assert verdict.first_significance(_sentences(("results", text))) is False


def test_an_association_with_the_primary_endpoint_is_not_its_comparison():
    sentences = _sentences(("results", "High YKL-40 was associated with shorter overall survival (P = 0.01)."))
    assert verdict.primary_comparison(sentences, {"OS"}, ["overall survival"]) is None


def test_a_negation_before_the_primary_endpoints_name_decides():
    sentences = _sentences(
        ("results", "Drug X had no significant effect (scale points over placebo [95% CI]) on fatigue (1.2 [-0.5 to 2.9]), "
                    "and the CI ruled out a clinically significant benefit."),
    )
    assert verdict.primary_comparison(sentences, {"OTHER"}, ["fatigue"]) is False


@pytest.mark.parametrize("text", [
    "Patients given the booklet did not report significantly less pain than controls.",
    "Scores did not change significantly between the arms.",
])
def test_a_negated_significantly_is_not_significant(text):
    assert verdict.significance(text) is False


@pytest.mark.parametrize("text", [
    "The program's power to lower outright anxiety has yet to be proven; its benefits for family life support its use.",
    "Yoga is effective only in patients with poor sleep at entry.",
    "Future work should examine the benefits of yoga in patients with poor sleep.",
])
def test_an_unproven_benefit_or_one_for_a_subgroup_or_a_question_left_open_is_no_benefit(text):
    assert verdict.conclusion(_sentences(("conclusion", text))) is not True


def test_a_finding_the_layout_put_among_the_methods_counts():
    sentences = _sentences(
        ("methods", "The study had 80% power to detect a significant difference in fatigue."),
        ("methods", "However, there were no statistically significant differences in fatigue between the two groups."),
    )
    assert verdict.first_significance(sentences) is False
    assert verdict.first_significance(sentences[:1]) is None


def test_a_significant_difference_not_found_is_not_significant():
    assert verdict.significance("We could not find any significant difference in the rate of severe rash.") is False


@pytest.mark.parametrize("text, within", [
    ("Pain scores fell significantly from the first visit to the third (P < .01).", True),
    ("Homocysteine in the supplement group was significantly decreased at week 12.", True),
    ("No significant change in any of these scores was noted in the control group.", True),
    ("Pain fell significantly more from the first visit with the gel than with placebo (P < .01).", False),
    ("Global health status was similar in each group (P = .87).", False),
])
def test_a_change_within_one_group_is_not_the_comparison(text, within):
    assert verdict._within_group_only(text.lower()) is within


def test_a_within_group_change_gives_no_verdict():
    sentences = _sentences(("results", "Fatigue scores improved significantly from the first visit in the yoga group (P < .01)."))
    assert verdict.first_significance(sentences) is None


@pytest.mark.parametrize("text, other", [
    ("We report the QOL results of a randomized trial of adjuvant chemotherapy versus observation.", True),
    ("We report on the design of the study and first results with regard to toxicity.", True),
    ("This report concentrates on the results of the quality-of-life study.", True),
    ("We report results for quality of life for men in a trial of surgery versus watchful waiting.", True),
    ("The quality-of-life data from this trial were analysed with standard methods.", True),
    ("A cost-effectiveness study was performed alongside a randomized trial of two operations.", True),
    ("We evaluated the role of DNA repair genotypes on overall survival in patients of a randomized trial.", True),
    ("We report a randomized trial of adjuvant chemotherapy versus observation.", False),
    ("Data from a randomized trial of 300 patients showed longer survival with the combination.", False),
])
def test_a_report_of_other_outcomes_says_so(text, other):
    assert verdict.reports_other_outcomes(_sentences(("objective", text))) is other


def test_a_report_of_other_outcomes_takes_no_verdict_from_its_first_finding():
    sentences = _sentences(
        ("objective", "We report on the design of the study and first results with regard to toxicity."),
        ("results", "Grade 3 diarrhoea was similar in the two arms (12% and 11%)."),
    )
    assert verdict.verdict(sentences, {"OS"}, ["overall survival"], comparative=True) is None


def test_a_report_of_other_outcomes_concludes_about_them_not_the_primary_endpoint():
    sentences = _sentences(
        ("objective", "The main endpoint was survival. This report concentrates on the results of the body image study."),
        ("results", "Body image was better after breast conservation (P < .01)."),
        ("conclusion", "Breast conservation yielded no significant difference from mastectomy in fear of recurrence."),
    )
    assert verdict.verdict(sentences, {"OS"}, ["survival"], comparative=True) is None


def test_a_conclusion_split_on_efficacy_gives_no_verdict_without_a_primary_endpoint():
    sentences = _sentences(
        ("results", "Response was higher with the doublet (30% v 12%; P = .01); survival did not differ (P = .40)."),
        ("conclusion", "The doublet was superior in response, but this did not translate into a survival advantage."),
    )
    assert verdict.mixed_conclusion(sentences) is True
    assert verdict.verdict(sentences, set(), [], comparative=True) is None


@pytest.mark.parametrize("text", [
    "This analysis has shown that relapse-free survival was significantly improved by the drug, but that overall survival was not.",
    "The doublet improved the response rate but not overall survival.",
    "The drug improved response, but survival was similar.",
])
def test_a_benefit_beside_an_elliptical_denial_is_a_split(text):
    sentences = _sentences(("results", "Relapse was less frequent with the drug (P = .01)."), ("conclusion", text))
    assert verdict.mixed_conclusion(sentences) is True
    assert verdict.verdict(sentences, set(), [], comparative=True) is None


def test_comparable_survival_rates_with_words_between_is_no_benefit():
    text = "Both ablation techniques provided comparable local progression-free survival rates."
    assert verdict.conclusion(_sentences(("conclusion", text))) is False


def test_both_after_an_opening_phrase_claims_no_benefit():
    text = "In conclusion, both schemes have high efficacy as first-line treatment."
    assert verdict.conclusion(_sentences(("conclusion", text))) is None


def test_non_inferiority_not_proven_is_not_met():
    text = "Thus, the non-inferiority of drug A compared with drug B in delayed emesis was not proven."
    assert verdict.stated(_sentences(("results", text))) is False


def test_not_finding_any_difference_is_no_benefit():
    text = "Despite a small sample, we could not identify any clinical difference between the two reconstructions."
    assert verdict.conclusion(_sentences(("conclusion", text))) is False


@pytest.mark.parametrize("text", [
    "Scores were improved in the postoperative periods (P < .01).",
    "Body weight was reduced during the postoperative period in the drug group (P < .01).",
])
def test_a_change_over_time_in_each_group_is_not_the_comparison(text):
    assert verdict.first_significance(_sentences(("results", text))) is None


def test_a_finding_marked_as_the_primary_endpoint_is_the_primary_comparison():
    sentences = _sentences(("results", "There was no significant difference regarding time to definitive deterioration of "
                                       "global health status (primary endpoint)."))
    assert verdict.primary_comparison(sentences, {"QOL"}, ["quality of life"]) is False


def test_no_significant_difference_regarding_the_endpoint_is_not_significant():
    text = "There was no significant difference between the arms regarding fatigue at 12 weeks."
    assert verdict.significance(text, text.index("fatigue")) is False


def test_a_benefit_in_toxicity_beside_similar_efficacy_is_no_split():
    sentences = _sentences(
        ("results", "Survival did not differ between the schedules (P = .43)."),
        ("conclusion", "Both schedules showed similar efficacy. The three-weekly schedule had a lower incidence of rash."),
    )
    assert verdict.mixed_conclusion(sentences) is False
    assert verdict.verdict(sentences, set(), [], comparative=True) is False


@pytest.mark.parametrize("text", [
    "This trial failed to demonstrate that adding surgery to radiotherapy improved outcome.",
    "Dose-dense EC does not provide a measurable benefit over CEF.",
])
def test_a_denied_benefit_reaches_through_its_clause(text):
    assert verdict.conclusion(_sentences(("conclusion", text))) is False


def test_neither_factor_showing_a_significant_influence_is_no_benefit():
    text = "Neither the use of the antiemetic nor the site of the patch showed a significant influence on drug exposure."
    assert verdict.conclusion(_sentences(("conclusion", text))) is False


@pytest.mark.parametrize("text, met", [
    ("Equivalence for two versus three cycles is claimed because both bounds lie within the margin.", True),
    ("All confidence intervals lay within 10 points, indicating noninferiority.", True),
    ("Remission rates were similar, but we failed to demonstrate noninferiority of the short course.", False),
    ("Non-inferiority of the oral schedule could not be shown.", False),
])
def test_non_inferiority_or_equivalence_stated(text, met):
    assert verdict.stated(_sentences(("results", text))) is met


def test_significant_words_need_the_word() -> None:
    assert needed_words(verdict.SIGNIFICANT)[0] == frozenset({"significant"})  # what the substring test relies on
    assert verdict._significant_words("pfs was significantly longer with a") is not None
    assert verdict._significant_words("pfs was longer with a") is None


@pytest.mark.parametrize("text", [
    "In a secondary analysis of a randomized trial of group therapy, 125 women completed a depression measure.",
    "This was a post hoc analysis of a previously described 2-year randomized trial.",
    "Using data from a randomized trial, we performed secondary analyses to identify factors moderating the effects.",
    "Of 5,187 randomly assigned women in the trial, 3,612 participated in the QOL substudy.",
    "Ki-67 assessment was compared with RT-qPCR on core biopsies from a randomized neoadjuvant clinical trial.",
])
def test_a_report_that_says_it_is_a_secondary_analysis_reports_other_outcomes(text):
    sentences = _sentences(("methods", text), ("results", "Survival was longer with decreasing scores (P = .007)."))
    assert verdict.reports_other_outcomes(sentences)
    assert verdict.verdict(sentences, set(), [], comparative=True) is None


@pytest.mark.parametrize("text, benefit", [
    ("No substantive differences were detected between outcomes of embolization with PVA particles or microspheres.", False),
    ("No salutary effects of omega-3 fatty acids were observed in hemodynamic or inflammatory markers.", False),
    ("Single administration of fosaprepitant was not inferior to 5-day administration of aprepitant.", True),
])
def test_no_substantive_difference_is_no_benefit_and_not_inferior_is_one(text, benefit):
    assert verdict.conclusion(_sentences(("conclusion", text))) is benefit


def test_taking_part_in_a_substudy_is_part_of_the_design():
    text = "Farmworkers with a child were asked to participate in a substudy in which urine was collected."
    assert not verdict.reports_other_outcomes(_sentences(("methods", text)))


def test_a_conclusion_on_a_comparison_makes_the_trial_comparative():
    sentences = _sentences(("results", "Objective responses occurred in 19% with cisplatin versus 36% with C+P (P = .002)."),
                           ("conclusion", "C+P is superior to cisplatin alone with respect to response rate and PFS."))
    assert verdict.concludes_a_comparison(sentences)
    assert verdict.verdict(sentences, set(), [], comparative=False) is True
