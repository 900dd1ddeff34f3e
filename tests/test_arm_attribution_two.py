"""Which arm a number belongs to (sixth session, h-attr2): arm-level values the rules left with no arm, or gave the
other arm, although the sentence names their arm. One phrase shape per test."""

from tests.test_arm_pairing_four import _paired


def test_subject_arm_taken_into_the_outcome_words():
    text = ("During intervention, the treatment group showed a 47% decrease, whereas the placebo group showed a "
            "non-significant decrease (16%).")
    assert _paired(text, ["placebo", "treatment"]) == [(47.0, "treatment"), (16.0, "placebo")]
    text = "Women who received placebo had a mean (SD) increase of 0.07 (1.23) mm at 12 months."
    assert _paired(text, ["ospemifene", "placebo"]) == [(0.07, "placebo")]
    text = ("DRCFI resulted in a mean (SD) 4.2 (3.7) log10 CFU/g reduction in P aeruginosa bacterial density at day 28 (vs "
            "−0.08 (3.8) with placebo, p=0.002).")
    assert (4.2, "DRCFI") in _paired(text, ["DRCFI", "placebo"])


def test_subject_arm_value_before_a_turn_to_the_next_arm():
    text = "Group 4 showed highest bacterial reduction of 99.51%, followed by Group 1 which showed bacterial reduction of 97.35%."
    assert (99.51, "Group 4") in _paired(text, ["Group 1", "Group 4"])


def test_subject_arm_not_a_comparing_value_nor_a_bare_was():
    text = "Finally, SET displayed 39% greater improvement (P < 0.05) in Yo–Yo IR2 performance than SSG."
    assert _paired(text, ["SET", "SSG"]) == [(39.0, None)]
    text = "SLNs were identified in 662 of 697 patients (95%) and positive SLNs were found in 189 of 662 patients (28.5%)."
    assert all(arm is None for _, arm in _paired(text, ["SLN", "ALND"]))


def test_bracket_after_arm_opening_on_a_graded_short_name():
    text = ("For acute GU toxicity no difference was detected between H-ARM (grade 0–3; 22.3%, 54.5%, 18.7% and 4.5%) and "
            "C-ARM (grade 0–3; 25.8%, 53.3%, 17.1% and 3.8%).")
    assert _paired(text, ["H-ARM", "C-ARM"]) == [
        (22.3, "H-ARM"), (54.5, "H-ARM"), (18.7, "H-ARM"), (4.5, "H-ARM"),
        (25.8, "C-ARM"), (53.3, "C-ARM"), (17.1, "C-ARM"), (3.8, "C-ARM")]


def test_run_after_arm_and_equals():
    text = ("No differences was observed for GI toxicity (grade 0–3; H-ARM = 45.5%, 34%, 18.7% and 1.8% versus C-ARM = "
            "47.6%, 35.2%, 17.2% and 0).")
    assert _paired(text, ["H-ARM", "C-ARM"]) == [
        (45.5, "H-ARM"), (34.0, "H-ARM"), (18.7, "H-ARM"), (1.8, "H-ARM"), (47.6, "C-ARM"), (35.2, "C-ARM"), (17.2, "C-ARM")]


def test_colon_list_after_one_arm():
    text = ("In contrast, the complications occurred in 25 (13.8%) patients from the C-mode group: pancreatitis in 7 (3.9%) "
            "and endoscopically evident bleeding in 18 (9.9%).")
    assert _paired(text, ["E-mode", "C-mode"]) == [(13.8, "C-mode"), (3.9, "C-mode"), (9.9, "C-mode")]


def test_colon_after_arms_named_together_is_no_one_arm():
    text = "The closure rate was in group A and B: 91.6%; 95% CI 61.52–99.79%."
    assert _paired(text, ["group A", "group B", "group C"]) != [(91.6, "group A")]


def test_run_before_the_one_arm_named_respectively_of_outcomes():
    text = ("QOL response analyses showed that 44%, 34%, and 42% of patients receiving erlotinib had improvement in these "
            "three symptoms, respectively.")
    assert _paired(text, ["erlotinib", "placebo"]) == [(44.0, "erlotinib"), (34.0, "erlotinib"), (42.0, "erlotinib")]


def test_bracket_after_an_arm_named_as_regimens():
    text = ("Superior survival was observed with the combined paclitaxel regimens (median survival time, 9.9 months; 1-year "
            "survival rate, 38.9%) compared with etoposide plus cisplatin (median survival time, 7.6 months; 1-year survival "
            "rate, 31.8%; P =. 048).")
    labels = ["paclitaxel plus cisplatin", "etoposide plus cisplatin"]
    assert _paired(text, labels) == [(9.9, labels[0]), (38.9, labels[0]), (7.6, labels[1]), (31.8, labels[1])]


def test_bracket_after_arm_opening_on_its_statistic():
    text = ("The intervention group also had significantly longer sick-listing periods (mean 58 days) than the control group "
            "(mean 36 days) (p = 0.038).")
    assert _paired(text, ["intervention", "control"]) == [(58.0, "intervention"), (36.0, "control")]

