"""The subgroup a result belongs to (``results._assign_subgroups`` and its phrase shapes)."""

from __future__ import annotations

import pytest

from tests.test_rules import _sentence_results


def _subgroups(text, arms=()):
    return [(d.value, d.subgroup) for d in _sentence_results(text, list(arms))]


def test_a_sentence_opening_on_a_subgroup_holds_values_behind_semicolons_in_brackets():
    text = ("For patients with ER-negative tumors, adding drug X improved DFS (5-year DFS = 84% versus 69%; "
            "difference = 15%; risk ratio = 0.52; P =.003).")
    assert {s for _, s in _subgroups(text, ["drug X", "drug Y"])} == {"ER-negative tumors"}


def test_a_semicolon_outside_brackets_still_ends_the_opening_subgroups_clause():
    text = "For patients with ER-negative tumors, the ORR was 40%; in all patients it was 30%."
    assert _subgroups(text) == [(40.0, "ER-negative tumors"), (30.0, None)]


@pytest.mark.parametrize(("text", "label"), [
    ("For the FGF pathway-amplified subgroup (n = 31), the median PFS was 10.9 months vs 5.5 months "
     "in the drug X vs drug Y arms, respectively (HR, 0.64).", "FGF pathway-amplified subgroup"),
    ("In patients with a PTV of > 1302 ml (n=40) the incidence of diarrhoea with drug X was 19.1% "
     "versus 52.6% with drug Y (p=0.046).", "PTV of > 1302 ml"),
])
def test_a_sentence_opening_on_a_named_subgroup_or_a_counted_one_holds_all_its_values(text, label):
    assert {s for _, s in _subgroups(text, ["drug X", "drug Y"])} == {label}


def test_a_sentence_opening_on_patients_who_did_something_keeps_the_whole_phrase():
    text = "In the patients who completed the study by wearing lenses for 4 weeks, the mean score fell by 2.6 points."
    assert [s for _, s in _subgroups(text)] == ["completed the study by wearing lenses for 4 weeks"]


@pytest.mark.parametrize(("text", "label"), [
    ("Median progression-free survival in Japanese patients was 12.1 months for drug X and 4.9 months "
     "for drug Y (hazard ratio 0.390).", "Japanese patients"),
    ("The ORR in the target population was 77%, the 5-year OS and event-free survivals were 78% and 53%, "
     "respectively.", "target population"),
])
def test_the_subgroup_of_a_sentences_subject_holds_all_its_values(text, label):
    assert {s for _, s in _subgroups(text, ["drug X", "drug Y"])} == {label}


def test_all_patients_in_the_subject_are_not_a_subgroup():
    text = "Median overall survival in all patients was 12.1 months."
    assert _subgroups(text) == [(12.1, None)]


def test_those_without_a_feature_keep_the_negation():
    assert _subgroups("Among patients without liver metastases, the ORR was 30%.") == [(30.0, "without liver metastases")]


def test_or_those_with_a_feature_after_the_first_subgroups_values_names_the_next_bracket():
    text = ("Drug X gave no longer PFS than drug Y in patients with EGFR mutation (13.5 vs. 10.2 months, P=NS) "
            "or those with wild-type EGFR (0.9 vs. 2.0 months, P=NS).")
    assert [s for _, s in _subgroups(text, ["drug X", "drug Y"])] == ["EGFR mutation"] * 2 + ["wild-type EGFR"] * 2


def test_than_those_with_a_feature_and_no_values_before_it_is_not_the_brackets_subgroup():
    text = ("Patients given drug X who had MGMT promoter methylation had longer survival than those without "
            "MGMT promoter methylation (9.7 months vs 6.8 months; p=0.02).")
    assert [s for _, s in _subgroups(text, ["drug X", "drug Y"])] == [None, None]


def test_a_verb_after_the_subgroup_ends_its_label():
    text = ("Patients with Del19 tumours displayed better OS (median: 45.3 vs 33.3 months, respectively) "
            "than those with L858R (31.4 vs 28.9 months, respectively).")
    assert [s for _, s in _subgroups(text, ["drug X", "drug Y"])] == ["Del19 tumours"] * 2 + ["L858R"] * 2


def test_patients_with_and_without_a_feature_respectively():
    text = ("The response rates in 108 assessable patients with and without HER2 gene amplification by FISH were "
            "34% (95% CI, 23.9% to 45.7%) and 7% (95% CI, 0.8% to 22.8%), respectively.")
    assert _subgroups(text) == [(34.0, "HER2 gene amplification"), (7.0, "without HER2 gene amplification")]


@pytest.mark.parametrize("text", [
    "Drug X was better than drug Y in patients with metastatic renal cell carcinoma (mRCC) (PFS, 11 v 5 months, respectively).",
    "The median survival was comparable (175 days vs 148 days in drug X-treated and placebo-exposed patients, respectively).",
    "Adverse events were as common with drug X as with placebo (drug X, 84.8%; placebo, 73.7%).",
    "In the total population no difference in survival was seen (median 12.0 vs. 11.0 months).",
])
def test_the_trials_disease_an_arm_or_the_whole_population_is_not_a_subgroup(text):
    assert all(s is None for _, s in _subgroups(text, ["drug X", "drug Y"]))


def test_women_with_a_feature_after_each_value_name_its_subgroup():
    text = "Median survival was 53.6 months for women with falling scores and 25.1 months for women with rising scores."
    assert _subgroups(text) == [(53.6, "women with falling scores"), (25.1, "women with rising scores")]


def test_a_subgroup_after_but_opens_a_clause_of_its_own():
    text = ("Among patients with limited-stage disease, there was no survival difference (HR for death = 0.91, "
            "95% CI = 0.73 to 1.15), but among patients with extensive disease, survival was worse with drug X "
            "(HR for death = 1.36, 95% CI = 1.10 to 1.68).")
    assert _subgroups(text, ["drug X", "drug Y"]) == [(0.91, "limited-stage disease"), (1.36, "extensive disease")]


def test_a_subgroup_set_off_after_and_belongs_to_the_outcome_after_it():
    text = ("Drug X improved distant DFS (HR=0.60; 95% CI 0.43, 0.84; P=0.002) and, in women with node-positive "
            "tumors, overall survival (HR=0.61; 95% CI 0.38, 0.98; P=0.04).")
    assert _subgroups(text, ["drug X", "drug Y"]) == [(0.6, None), (0.61, "node-positive tumors")]


def test_a_subgroup_after_the_second_value_of_a_pair_is_not_the_firsts():
    text = ("Glioblastoma patients with baseline pSMAD2+ had median overall survival 9.5 months vs. 6.9 months "
            "for patients with no tumor pSMAD2 expression (p = 0.4574).")
    assert _subgroups(text) == [(9.5, None), (6.9, "no tumor pSMAD2 expression")]


def test_a_subgroup_after_the_next_value_of_a_list_is_not_this_ones():
    text = "The ORR was 79.3% for the combination, 82.4% for those with $CPS \\geq 1$, and 75.0% for those with $CPS < 1$."
    assert _subgroups(text) == [(79.3, None), (82.4, "CPS ≥ 1"), (75.0, "CPS < 1")]


def test_than_named_patients_is_the_second_side_of_a_contrast():
    text = "Patients with sensitive EGFR mutations had longer OS than EGFR-wild patients (74.8 months vs. 25.3 months, p=0.034)."
    assert _subgroups(text) == [(74.8, "sensitive EGFR mutations"), (25.3, "EGFR-wild patients")]


def test_a_label_after_a_value_ends_with_its_sentence():
    text = "The median OS was 12.1 months in patients with mutant RAS genes. **b** Kaplan-Meier curves of OS."
    assert _subgroups(text) == [(12.1, "mutant RAS genes")]


@pytest.mark.parametrize("text", [
    "The rate of radical R0 resection was 24% in both arms of patients.",
    "Serious adverse events (2.0% vs 1.3%) were comparable in washout versus direct-switch patients.",
])
def test_both_arms_or_two_arms_compared_are_not_a_subgroup(text):
    assert all(s is None for _, s in _subgroups(text))


def test_a_subject_in_the_subgroup_of_patients_with_a_feature_holds_every_value_of_the_list():
    text = ("The response rates in the subgroup of patients with measurable disease were 12%, 10%, and 17% for "
            "drug A, drug B, and drug C, respectively.")
    assert {s for _, s in _subgroups(text, ["drug A", "drug B", "drug C"])} == {"measurable disease"}


def test_a_subject_subgroup_does_not_run_into_the_outcome_after_it():
    text = ("In the subset of patients who completed the initial priming phase the disease control rate was 75% (9/12), "
            "with three partial responses (25%).")
    assert all(s is None or "disease control" not in s for _, s in _subgroups(text))


@pytest.mark.parametrize(("text", "label"), [
    ("By contrast, for patients with ER-positive tumors, adding drug X gave no benefit (5-year DFS = 84% versus 85%; "
     "difference = -1; RR = 0.99; P =.92).", "ER-positive tumors"),
    ("Among the 54 patients who exhibited isolated local relapse, 35% (19/54) survived in remission longer than 2 years.",
     "exhibited isolated local relapse"),
    ("The median survival for the stage IIIB subgroup was 7.9 months for drug X patients versus 13.1 months "
     "for drug Y patients (P =.152).", "stage IIIB subgroup"),
])
def test_an_opener_word_a_count_or_for_the_subgroup_still_names_the_sentences_subgroup(text, label):
    assert {s for _, s in _subgroups(text, ["drug X", "drug Y"])} == {label}


def test_the_subject_subgroup_ends_at_the_join_before_another_subgroups_values():
    text = ("Median PFS among EVE-treated Asian patients was 8.48 versus 4.14 months for placebo, and 7.33 versus "
            "2.83 months, respectively, in non-Asian patients.")
    assert _subgroups(text, ["EVE", "placebo"]) == [
        (8.48, "Asian patients"), (4.14, "Asian patients"), (7.33, None), (2.83, "non-Asian patients")]


@pytest.mark.parametrize("text", [
    "The median time to progression for marimastat patients was 4.3 months.",
    "In the 684 patients with data that could be evaluated, the ORR was 95%.",
])
def test_patients_of_an_arm_or_those_evaluated_are_not_the_subjects_subgroup(text):
    assert all(s is None for _, s in _subgroups(text, ["drug Z", "drug W"]))


def test_a_contrast_of_two_arms_patients_is_not_a_contrast_of_subgroups():
    text = "Time to progression was longer for drug X patients than for best supportive care patients (10.6 v 6.7 weeks)."
    assert all(s is None for _, s in _subgroups(text))


def test_every_value_of_the_bracket_right_after_a_subgroup_is_its():
    text = "Relapse rates were lower with drug X in patients who responded to treatment (14% with drug X, vs. 100% with drug Y, p = 0.03)."
    assert _subgroups(text, ["drug X", "drug Y"]) == [(14.0, "responded to treatment"), (100.0, "responded to treatment")]


def test_a_bracket_after_the_second_side_of_a_contrast_is_not_the_first_sides():
    text = ("Three-year RFS was better in patients with positive CTL responses compared with those without "
            "(85.7 and 33.3%, respectively; HR=0.159).")
    assert [s for v, s in _subgroups(text) if v == 33.3] != ["positive CTL responses"]
