"""Arms named only where the results compare them: a randomised trial whose methods name fewer than two arms takes
them from the shapes in which its results compare treatments; one test per phrase shape, one per guard."""

from __future__ import annotations

from extractor.backends.rules.arms import arms_compared_in_results

_RANDOMISED = "Forty-five patients were randomized for surgery with or without neuronavigation."


def _labels(*sentences: str) -> list[str]:
    return [a.label for a in arms_compared_in_results(None, list(sentences))]


def test_each_value_followed_by_the_treatment_it_is_of_names_the_arms():
    results = ("The mean amount of residual tumor tissue was 28.9% for standard surgery (SS) and 13.8% for surgery "
               "involving neuronavigation (SN).")
    arms = arms_compared_in_results(None, [_RANDOMISED, results])
    assert [a.label for a in arms] == ["standard surgery", "surgery involving neuronavigation"]
    assert "SS" in arms[0].aliases and "SN" in arms[1].aliases


def test_three_values_each_with_its_treatment_name_three_arms():
    results = "The mean TWIST was 27.05 months with CAP, 31.5 months with ChOP and 32.95 months with fludarabine."
    assert _labels("Patients were randomly assigned to three regimens.", results) == ["CAP", "ChOP", "fludarabine"]


def test_a_treatment_name_may_hold_its_strength():
    results = "The mean reduction in AK count was 59.2% for ALA-PDT and 41.4% for imiquimod 5% cream (p = .002)."
    assert _labels("Patients were randomized.", results) == ["ALA-PDT", "imiquimod 5% cream"]


def test_values_in_named_groups_name_the_arms():
    results = ("The perioperative complication rate was 26.9% in narrow gastric tube group and 48.1% in whole stomach "
               "group (P = 0.31).")
    assert _labels("Patients were randomized.", results) == ["narrow gastric tube", "whole stomach"]


def test_the_treatments_listed_before_respectively_name_the_arms():
    results = ("The response rates were 12%, 10%, and 17% for FU + LV, FU24h, and FU24h + LV, respectively "
               "(not significant).")
    assert _labels("Patients were randomly assigned to three regimens.", results) == ["FU + LV", "FU24h", "FU24h + LV"]


def test_the_treatments_may_be_apart_from_respectively():
    results = ("The estimated median overall survival times for RS + WBRT and S + WBRT patients were 6.2 and 2.8 months, "
               "respectively (hazard ratio 0.53).")
    assert _labels("Patients were randomized.", results) == ["RS + WBRT", "S + WBRT"]


def test_subgroups_outcomes_and_analyses_name_no_arm():
    assert _labels("Patients were randomized.", "Response was 12% in men and 14% in women.") == []
    assert _labels("Patients were randomized.", "It was 12% in the high-risk group and 14% in the low-risk group.") == []
    assert _labels("Patients were randomized.", "The rates were 40% and 30% for OS and PFS, respectively.") == []
    assert _labels("Patients were randomized.", "Eradication was 83.5% and 87.7% in the intention to treat (ITT) and "
                   "per-protocol (PP) analyses, respectively.") == []


def test_other_trials_name_no_arm():
    design = "We studied randomization to screening in the National Lung Screening Trial (NLST) and in PLCO."
    results = "Over a median 6 and 11 years of follow-up in NLST and PLCO, respectively, we found 60 cases."
    assert _labels(design, results) == []


def test_a_comparison_that_leaves_the_placebo_arm_out_names_no_arm():
    design = "We describe two randomized, placebo-controlled, head-to-head studies of LDX and OROS-MPH."
    results = "The frequency of adverse events for LDX and OROS-MPH, respectively, was 66.5 and 58.9%."
    assert _labels(design, results) == []


def test_a_single_arm_trial_takes_no_arms_from_its_results():
    results = "The mean TWIST was 27.05 months with CAP, 31.5 months with ChOP and 32.95 months with fludarabine."
    assert _labels("All patients received the study drug.", results) == []


def test_a_group_compared_with_another_group_names_both_arms():
    results = ("The incidence of PONV was significantly lower in the continuous palonosetron infusion group than the "
               "single-injection palonosetron group (31.8 vs. 56.1%, P = 0.009).")
    assert _labels("Patients were randomized.", results) == ["continuous palonosetron infusion",
                                                            "single-injection palonosetron"]


def test_measures_of_an_effect_name_no_arm():
    assert _labels("Patients were randomized.", "It fell by 29% (HR: 0.71; OR: 0.5, 95% CI: 0.53 to 0.90).") == []
    assert _labels("Patients were randomized.", "Values were lower in the high-risk group than the low-risk group.") == []


def test_what_patients_received_names_both_arms():
    results = ("Sixty-nine percent of patients receiving IFN-β and 67% receiving placebo terminated the study early.")
    assert _labels("Patients were randomized.", results) == ["IFN-β", "placebo"]
    results = ("The median time to progression was longer for patients receiving SIR-Spheres in comparison to patients "
               "receiving HAC alone (15.9 vs. 9.7 months).")
    assert _labels("Patients were randomized.", results) == ["SIR-Spheres", "HAC"]


def test_a_pair_compared_before_its_values_names_both_arms():
    results = ("Arm symptoms were significantly more bothersome for SNAD compared with SNR patients at 6 months "
               "(mean, 4.8 v 3.0; P < .001).")
    assert _labels("Patients were randomized.", results) == ["SNAD", "SNR"]
    assert _labels("Patients were randomized.", "Survival was longer in men versus women (12 vs 8 months).") == []
