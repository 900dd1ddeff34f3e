"""Values of a pair or run given to arms in the order the sentence itself names them (sixth session, second round):
arms named as groups inside an outcome's own words, and an arm that labels the value right after it. One phrase shape
per test."""

from tests.test_arm_pairing_four import _paired


def test_arms_listed_as_groups_inside_the_outcome_words_give_the_order():
    text = "The incidence of RBC transfusion for placebo and epoetin treatment arms was 39.6% and 25.3% (P = .005), respectively."
    assert _paired(text, ["epoetin", "placebo"]) == [(39.6, "placebo"), (25.3, "epoetin")]
    text = ("From the misoprostol group more neonates were admitted to the intensive neonatal unit, than from the "
            "dinoprostone group (13.5% vs. 4.8%, p > 0.05).")
    assert _paired(text, ["misoprostol", "dinoprostone"]) == [(13.5, "misoprostol"), (4.8, "dinoprostone")]


def test_arm_word_of_an_outcome_name_gives_no_order():
    text = "The disease control rate was 40% versus 30% with erlotinib."
    assert _paired(text, ["erlotinib", "control"]) == _paired(text.replace("disease control", "objective response"),
                                                              ["erlotinib", "control"])


def test_signed_value_right_after_its_arm():
    text = ("HbA1c decreased from baseline in both treatment groups (mean changes: nateglinide −0.41%, gliclazide −0.57%), "
            "but with no significant difference between treatments.")
    assert [arm for _, arm in _paired(text, ["nateglinide", "gliclazide"])][-2:] == ["nateglinide", "gliclazide"]


def test_value_after_the_arm_and_was_with_a_colon():
    text = ("The total effective rate in the treatment group was: 84.38% (54/64), and in the control group it was "
            "88.33% (53/60), showing no significant difference between them (P>0.05).")
    assert _paired(text, ["treatment", "control"])[:2] == [(84.38, "treatment"), (88.33, "control")]


def test_arm_opening_a_bracketed_item_before_a_comma():
    text = "There were no significant differences in successful resuscitation (LM, 86.1 % vs. ETI, 96.9 %), and adverse events (LM, 2 vs. ETI, 3)."
    assert _paired(text, ["LM", "ETI ventilation"])[:2] == [(86.1, "LM"), (96.9, "ETI ventilation")]


def test_pair_of_signed_values_before_more_in_a_than_b():
    text = "Body fat percentage (−0.83% vs −0.04%) decreased more (p<0.05) in IG than in CG."
    assert [arm for _, arm in _paired(text, ["IG", "CG"])] == ["IG", "CG"]


def test_arms_listed_at_one_span_keep_the_printed_order():
    labels = ["group RO", "group ST", "group DL", "group SL"]
    text = "Hypotension occurred in 10%, 20%, 30% and 40% of patients in group RO, ST, DL and SL, respectively."
    assert _paired(text, labels) == [(10.0, "group RO"), (20.0, "group ST"), (30.0, "group DL"), (40.0, "group SL")]


def test_arm_named_by_its_own_word_before_an_arm_sharing_its_last_words():
    text = ("Median survival was 8.3 months and 7.9 months, and the survival rates were 31% and 29% at 12 months, for the "
            "immediate and delayed treatment groups, respectively.")
    assert _paired(text, ["immediate treatment", "delayed treatment"]) == [
        (8.3, "immediate treatment"), (7.9, "delayed treatment"), (31.0, "immediate treatment"), (29.0, "delayed treatment")]
    text = "The ongoing pregnancy rate for subcutaneous versus vaginal progesterone was 41.6% versus 44.4%."
    assert _paired(text, ["vaginal progesterone", "aqueous subcutaneous progesterone"]) == [
        (41.6, "aqueous subcutaneous progesterone"), (44.4, "vaginal progesterone")]


def test_each_value_of_a_pair_followed_by_a_word_of_its_arm():
    text = ("In addition, rates of initial positive β-hCG (56.4% subcutaneous versus 59.0% vaginal; 95% CI −9.5, 4.3) and "
            "clinical intrauterine pregnancy (42.6 versus 46.4%; 95% CI −10.8, 3.2) were comparable.")
    assert [arm for _, arm in _paired(text, ["vaginal progesterone", "aqueous subcutaneous progesterone"])] == [
        "aqueous subcutaneous progesterone", "vaginal progesterone"] * 2


def test_versus_set_against_none_does_not_join_the_next_pair():
    text = ("Rates of resource use were higher for pemetrexed than for placebo: admissions to hospital for drug-related "
            "adverse events (19 [4%] vs none; p=0·001), transfusions (42 [10%] vs seven [3%]; p=0·003).")
    found = dict(_paired(text, ["pemetrexed", "placebo"]))
    assert (found[10.0], found[3.0]) == ("pemetrexed", "placebo")


def test_bracket_after_each_arm_with_a_score_before_the_share():
    text = ("The Ramsay Sedation Scores were significantly higher in group D (score 3 in 46%) when compared to group E "
            "(score 2 in 50%) and group N (score 2 in 54%) (P < 0.001).")
    assert _paired(text, ["group E", "group D", "group N"]) == [(46.0, "group D"), (50.0, "group E"), (54.0, "group N")]


def test_arm_named_after_a_value_by_a_word_only_its_label_holds():
    labels = ["standard chemotherapy", "trabedersen 10 µM", "trabedersen 80 µM"]
    text = ("Median survival for 10 µM trabedersen was 39.1 months compared with 35.2 months for 80 µM trabedersen and "
            "21.7 months for chemotherapy (not significant).")
    assert _paired(text, labels)[-1] == (21.7, "standard chemotherapy")
    text = "The rate was 21.7% for treatment (not significant)."
    assert _paired(text, ["standard treatment", "trabedersen"]) == [(21.7, None)]
