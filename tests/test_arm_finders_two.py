"""Arm finders on design sentences: the shapes added in the second night's second round (h-arms7)."""

from extractor.backends.rules.arms import find_arms


def _arms(*sentences: str, title: str | None = None) -> list[tuple[str | None, int | None]]:
    return [(a.label, a.n) for a in find_arms(title, list(sentences))]


def _labels(*sentences: str, title: str | None = None) -> list[str | None]:
    return [label for label, _ in _arms(*sentences, title=title)]


def test_a_where_clause_ends_the_last_arm():
    assert _labels("Participants were randomly assigned to the expansive or contractive condition, where the openness "
                   "of the arms and the back position were manipulated.") == ["expansive", "contractive"]


def test_counts_of_patients_who_received_abbreviated_regimens():
    assert _arms("In all, 56 patients received ILF and 58 ELF.") == [("ILF", 56), ("ELF", 58)]


def test_the_arms_follow_a_later_administered_either():
    assert _labels("Patients were randomized into two groups and were administered either inhalation anesthesia "
                   "(sevoflurane) or intravenous anesthesia (propofol).") == ["inhalation anesthesia", "intravenous anesthesia"]


def test_a_list_of_groups_after_namely():
    assert _labels("Thirty women were randomly divided into three equal groups, namely, ginger, ginger + HIIT, "
                   "and placebo + HIIT.") == ["ginger", "ginger + HIIT", "placebo + HIIT"]


def test_what_an_arm_is_for_is_no_part_of_its_name():
    assert _labels("Clinicians were randomly assigned to SDMI or usual procedures to reach a treatment agreement.") \
        == ["SDMI", "usual procedures"]
    assert _labels("Patients were randomized to receive sweet foods containing either isomaltulose or sucrose for 12 weeks "
                   "as part of their habitual diet under free-living conditions.") == ["isomaltulose", "sucrose"]


def test_names_and_counts_in_one_bracket_after_the_randomised():
    assert _arms("1785 were randomised (standard n=592, TEQ-10 n=602, TEQ-20 n=591).") \
        == [("standard", 592), ("TEQ-10", 602), ("TEQ-20", 591)]
    assert _arms("Thirty-five patients were evaluated (active n = 18, placebo n = 17).") == [("active", 18), ("placebo", 17)]


def test_names_and_counts_of_centres_are_no_arms():
    assert _arms("This study was conducted in three study centers (Bremen, n = 73; Hamburg, n = 200; Hannover, n = 193).") == []


def test_versus_with_a_dot_does_not_end_the_arms():
    assert _labels("45 patients were randomized (1:1) to standard dose ATG (total dose 3.75 mg/kg)(sATG) vs. lower dose "
                   "2.25 mg/kg (lowATG).") == ["sATG", "lowATG"]


def test_each_count_and_what_it_received_is_an_arm():
    assert _arms("During acquisition, 19 participants received amitriptyline and 20 participants received a placebo pill.") \
        == [("amitriptyline", 19), ("placebo pill", 20)]
    assert _arms("Overall 61 patients received 2,000 mg/50 cc gemcitabine weekly for 6 weeks while 59 received BCG weekly.") \
        == [("gemcitabine", 61), ("BCG", 59)]


def test_counts_that_received_one_of_several_or_continue_a_list_are_no_arms():
    assert _arms("A total of 545 patients received one of five FF treatment groups and 101 patients received placebo.") == []
    assert _arms("Thirty patients were fed apple juice (AJ), 30 received grape juice (WGJ), and 30 received water (WA).") == []


def test_a_list_of_days_does_not_end_the_arms():
    assert _labels("Patients were randomly assigned to receive gemcitabine 1,000 mg/m(2) on days 1, 8, and 15 of each 28-day "
                   "cycle or gemcitabine 1,500 mg/m(2) on days 1 and 8 of each 21-day cycle, both for up to six cycles.") \
        == ["gemcitabine 1,000 mg", "gemcitabine 1,500 mg"]


def test_a_dosed_treatment_with_or_without_another_drug():
    assert _labels("Patients were randomly assigned to receive cisplatin 80 mg/m2 intravenously on day 1, with or without "
                   "preceding infusion of raltitrexed 3 mg/m2.") == ["cisplatin", "cisplatin with raltitrexed"]


def test_a_comma_and_before_another_clause_still_ends_the_arms():
    assert _labels("We randomized 16,608 women to conjugated estrogens 0.625 mg with medroxyprogesterone acetate 2.5 mg daily "
                   "or to placebo, and 10,739 women with prior hysterectomy to estrogens alone.")[-1] == "placebo"
