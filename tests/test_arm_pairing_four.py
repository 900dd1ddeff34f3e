"""Results attributed to the right arm (fourth session): arms named in other words than their label, and arms named
as the group a finding is in. One phrase shape per test."""

from extractor.backends.rules.arms import ArmDraft, _add_reworded_aliases, arm_mentions


def _arms(labels: list[str]) -> list[ArmDraft]:
    arms = [ArmDraft(label, [label]) for label in labels]
    _add_reworded_aliases(arms)
    return arms


def _paired(text: str, labels: list[str]) -> list[tuple[float | None, str | None]]:
    from extractor.backends.rules.results import extract_sentence
    from extractor.structure import Sentence

    arms = _arms(labels)
    found = extract_sentence(Sentence(0, len(text), text, "results", 0), lambda t: arm_mentions(t, arms), 95.0, labels)
    return [(d.value, d.arm) for d in found if d.measure not in {"hazard_ratio", "difference"}]


def test_dose_printed_before_the_drug():
    text = ("The frequency of adverse events was higher with standard chemotherapy (64%) than with 80 µM trabedersen (43%) "
            "and 10 µM trabedersen (27%).")
    found = _paired(text, ["standard chemotherapy", "trabedersen 10 µM", "trabedersen 80 µM"])
    assert (43.0, "trabedersen 80 µM") in found and (27.0, "trabedersen 10 µM") in found


def test_dose_joined_to_its_unit_otherwise():
    text = "The Grade 2 or greater urinary toxicity was 10% at 70 Gy and 17.5% at 80 Gy (p = .046)."
    assert _paired(text, ["70-Gy", "80-Gy"]) == [(10.0, "70-Gy"), (17.5, "80-Gy")]
    assert "500-mg" in _arms(["gefitinib 500 mg", "gefitinib 250 mg"])[0].aliases[-1]


def test_doses_sharing_one_unit():
    text = "Withdrawal due to drug-related AEs was 1.9% and 9.4% for patients receiving gefitinib 250 and 500 mg/d, respectively."
    assert _paired(text, ["500-mg", "250-mg"]) == [(1.9, "250-mg"), (9.4, "500-mg")]


def test_a_drug_only_one_arm_has():
    text = ("Superior survival was observed with the combined paclitaxel regimens (median survival time, 9.9 months) "
            "compared with etoposide plus cisplatin (median survival time, 7.6 months; P = .048).")
    assert _paired(text, ["paclitaxel plus cisplatin", "etoposide plus cisplatin"]) == [
        (9.9, "paclitaxel plus cisplatin"), (7.6, "etoposide plus cisplatin")]
    text = "Median survival was 14 months with MMC and 15 months in 5-FU alone."
    assert _paired(text, ["5-FU alone", "5-FU + MMC"]) == [(14.0, "5-FU + MMC"), (15.0, "5-FU alone")]


def test_no_own_drug_when_another_arm_names_none():
    arms = _arms(["letrozole followed by anastrozole", "reverse sequence"])
    assert arms[0].aliases == ["letrozole followed by anastrozole"]


def test_value_compared_with_another_value_of_the_next_arm():
    text = "The median time to progression for marimastat patients was 4.3 months compared with 4.4 months for placebo patients."
    assert _paired(text, ["marimastat", "placebo"]) == [(4.3, "marimastat"), (4.4, "placebo")]


def test_arm_named_as_the_group_inside_the_outcome_words():
    text = ("In the pregabalin group 17.5% of the patients received opioids while in the placebo group the figure was "
            "52.5% (P = 0.001).")
    assert _paired(text, ["pregabalin", "placebo"]) == [(17.5, "pregabalin"), (52.5, "placebo")]
    text = ("Mean total operative time with stent placement in LP group was 244.2 min (188-300 min) compared to 122 min "
            "(100-140 min) in OP group.")
    assert _paired(text, ["LP", "OP"]) == [(244.2, "LP"), (122.0, "OP")]
    text = ("The KPS score in the treated group after treatment was improved in 13 patients (23.6%) and declined in 15 "
            "(27.3%), while in the control group, it was improved in 7 (13.2%) and declined in 25 (47.2%).")
    assert _paired(text, ["treated", "control"]) == [
        (23.6, "treated"), (27.3, "treated"), (13.2, "control"), (47.2, "control")]


def test_the_subject_group_is_no_group_a_finding_is_in():
    text = ("OPC group had shorter hospital stay prior to birth (21.3 vs. 32.4 hrs, p < .001), IP were more likely to "
            "achieve vaginal birth within 12 hours (53% vs. 28%, p = .01).")
    assert (53.0, "OPC") not in _paired(text, ["OPC", "IP"])

