"""Which arm a sentence's values go to (the arm scene of ``results.py``), one phrase shape per test."""

from tests.test_rules import _sentence_results


def _arms_of(text: str, arms: list[str]) -> list[tuple[float | None, str | None]]:
    return [(d.value, d.arm) for d in _sentence_results(text, arms) if d.measure not in {"hazard_ratio", "difference"}]


def test_bracket_after_an_arm_opens_on_an_outcome_name():
    text = ("Superior survival was observed with FOLFOX (median survival time, 9.9 months; 1-year survival rate, "
            "38.9%) compared with XELOX (median survival time, 7.6 months; 1-year survival rate, 31.8%).")
    assert _arms_of(text, ["FOLFOX", "XELOX"]) == [(9.9, "FOLFOX"), (38.9, "FOLFOX"), (7.6, "XELOX"), (31.8, "XELOX")]


def test_values_before_arms_compared():
    text = "The response rate was 40% versus 20% for FOLFOX compared with XELOX."
    assert _arms_of(text, ["FOLFOX", "XELOX"]) == [(40.0, "FOLFOX"), (20.0, "XELOX")]


def test_values_before_arm_list_not_across_a_clause():
    text = ("Median PFS was 4.57 months in E and 2.53 months in V (p = 0.0287), with an 80.6% increase in median PFS "
            "for E compared with V.")
    found = dict(_arms_of(text, ["E", "V"]))
    assert found[4.57] == "E" and found[2.53] == "V"


def test_count_before_the_arm_claims_it():
    text = "Three patients died, including one in the placebo group and two in the FOLFOX group."
    assert (3.0, None) in _arms_of(text, ["FOLFOX", "XELOX", "placebo"])
    text = "Seventeen (42.5%) children completed the study, eight in the FOLFOX group, nine in the placebo group."
    assert _arms_of(text, ["FOLFOX", "placebo"]) == [(42.5, None)]


def test_denominator_before_the_arm_does_not_claim_it():
    text = "Diarrhoea developed in 4 (3.9%) of 103 patients in the FOLFOX group and in 8 (7.2%) of 111 patients in the placebo group."
    assert _arms_of(text, ["FOLFOX", "placebo"]) == [(3.9, "FOLFOX"), (7.2, "placebo")]


def test_one_value_per_arm_of_three_named():
    text = ("The mean air-leak pressure was higher in Group 3 than in Groups 1 and 2: 95.2 ± 19.3 mmHg versus "
            "72.5 ± 35.2 and 79.0 ± 24.5 mmHg (P < 0.05).")
    assert _arms_of(text, ["Group 1", "Group 2", "Group 3"]) == [(95.2, "Group 3"), (72.5, "Group 1"), (79.0, "Group 2")]


def test_a_pair_of_values_is_no_pair_of_three_arms():
    text = "The mean test time (12.8 and 18.7 minutes) was higher in group C than in group A and group B."
    assert all(arm is None for _, arm in _arms_of(text, ["group A", "group B", "group C"]))


def test_a_number_inside_an_arm_name_does_not_break_the_pairing():
    text = "The response rate was 90% in group 1 versus 67% in group 2 versus 51% in group 3."
    found = _arms_of(text, ["group 1", "group 2", "group 3"])
    assert (90.0, "group 1") in found and (67.0, "group 2") in found and (51.0, "group 3") in found


def test_pair_in_bracket_after_the_arm_compared_with():
    text = ("Mean time to relapse was prolonged in the metformin and sitagliptin groups compared with the placebo group "
            "(480 vs. 305 days, P = 0.004).")
    assert (480.0, "placebo") not in _arms_of(text, ["metformin", "sitagliptin", "placebo"])
    text = "The rate of stable disease was greater in the combination arm (60.2% v 40.2%; P < .001)."
    assert (60.2, "combination arm") in _arms_of(text, ["GemCis", "Gem", "combination arm"])
