"""Which arm a number belongs to (fifth session): arms named in other words than their label, and values the grammar
gives an arm other than the nearest one. One phrase shape per test."""

from extractor.backends.rules.arms import ArmDraft, arm_mentions
from tests.test_arm_pairing_four import _arms, _paired


def test_words_joined_by_a_space_where_the_label_has_a_hyphen():
    text = ("High quality of life was reported by 62 (35%) of 179 men allocated radical prostatectomy and 55 (34%) of "
            "160 men assigned to watchful waiting.")
    assert _paired(text, ["radical prostatectomy", "watchful-waiting"]) == [
        (35.0, "radical prostatectomy"), (34.0, "watchful-waiting")]


def test_words_joined_by_a_hyphen_where_the_label_has_a_space():
    text = "Mortality was 12% in the medical-management group and 8% in the surgery group."
    assert _paired(text, ["medical management", "surgery"]) == [(12.0, "medical management"), (8.0, "surgery")]
    assert "watchful waiting" not in _arms(["watchful-waiting", "watchful waiting"])[0].aliases


def test_arms_listed_before_their_group_word_inside_the_outcome_words():
    text = ("Incidence of EA in the TS, TL, PS, and PL groups were 21 (70%), 2 (6.7%), 1 (3.3%), and 0 (0%), respectively "
            "(P < 0.001).")
    assert _paired(text, ["TS", "TL", "PS", "PL"]) == [(70.0, "TS"), (6.7, "TL"), (3.3, "PS"), (0.0, "PL")]
    text = "The incidence of EA in the TS, TL, PS and PL groups was 70%, 6.7%, 3.3% and 10%, respectively."
    assert _paired(text, ["TS", "TL", "PS", "PL"]) == [(70.0, "TS"), (6.7, "TL"), (3.3, "PS"), (10.0, "PL")]


def test_arm_named_after_of_or_assigned_to():
    assert _paired("The rate of stroke of the medical management group was 12%.", ["medical management", "surgery"]) == [
        (12.0, "medical management")]
    assert _paired("For patients assigned to surgery, the median survival was 12 months.",
                   ["medical management", "surgery"]) == [(12.0, "surgery")]
    assert _paired("Of the IMRT patients, 12 (50%) had xerostomia.", ["IMRT", "CRT"]) == [(50.0, "IMRT")]


def test_change_over_time_in_the_one_arm_named():
    text = ("The rate of participation in screening in the intervention group increased from 7.5% to 24% and 43.3% one "
            "month and three months after the intervention, respectively.")
    assert _paired(text, ["intervention", "control"]) == [(7.5, "intervention"), (24.0, "intervention"), (43.3, "intervention")]
    text = "The infection rate in the intervention group decreased from 3.41% in 2008 to 0.81% in 2011 (P<0.001)."
    assert _paired(text, ["control", "intervention"]) == [(3.41, "intervention"), (0.81, "intervention")]


def test_change_over_time_is_no_pair_of_arms():
    text = "Utilization of ED treatments increased from 31% at the time of study entry to 49% at the 6-month follow-up (P = 0.003)."
    assert _paired(text, ["counselling together", "man alone"]) == [(31.0, None), (49.0, None)]
    text = "Progression-free survival at 3 years was improved from 38% in controls to 51% in the treatment group."
    assert _paired(text, ["control", "IFN-γ"]) == [(38.0, "control"), (51.0, "IFN-γ")]


def test_arm_named_with_its_group_word_inside_the_outcome_words():
    arms = [ArmDraft("PP", ["PP", "PP group"]), ArmDraft("GP", ["GP", "GP group"])]
    from extractor.backends.rules.results import extract_sentence
    from extractor.structure import Sentence

    text = "The total clinical effective rates in PP group and GP group were 25.20% and 17.74%, respectively."
    found = extract_sentence(Sentence(0, len(text), text, "results", 0), lambda t: arm_mentions(t, arms), 95.0, ["PP", "GP"])
    assert [(d.value, d.arm) for d in found] == [(25.2, "PP"), (17.74, "GP")]


def test_runs_before_their_arms_with_p_values_between():
    text = ("Finally, 4-year overall (OS) and progression-free survivals (PFS) were 53% and 54%, respectively, in the Flu-TBI "
            "arm, versus 54% (P = 0.9) and 37% (P = 0.12), respectively, in the TLI-ATG arm.")
    assert _paired(text, ["Flu-TBI", "TLI-ATG"]) == [(53.0, "Flu-TBI"), (54.0, "Flu-TBI"), (54.0, "TLI-ATG"), (37.0, "TLI-ATG")]


def test_values_of_the_opening_arm_before_the_turn_to_another():
    text = ("In the intervention group, the response rate was 45% and the median PFS was 8 months, compared with 30% and "
            "6 months in the control group.")
    assert _paired(text, ["intervention", "control"]) == [
        (45.0, "intervention"), (8.0, "intervention"), (30.0, "control"), (6.0, "control")]


def test_value_after_was_of_the_arm_named_before_the_verb():
    text = ("The response rate for the gemcitabine-carboplatin group was 47.2% (95% CI 39.9-54.5%) and 30.9% for carboplatin "
            "group (95% CI 24.1-37.7%; P = 0.0016).")
    assert _paired(text, ["gemcitabine-carboplatin", "carboplatin"]) == [
        (47.2, "gemcitabine-carboplatin"), (30.9, "carboplatin")]
