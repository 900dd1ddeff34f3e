"""Arm aliases, second round: names results give an arm that its label holds only in part, one test per phrase shape."""

from __future__ import annotations

from extractor.backends.rules.arms import arm_mentions, find_arms


def _named(sentences: list[str], text: str) -> list[tuple[str, str]]:
    arms = find_arms(None, sentences)
    return [(text[start:end], label) for start, end, label in arm_mentions(text, arms)]


def test_a_word_only_one_arms_label_has_names_that_arm():
    design = ["Non-responders were randomised to follow-up invitation by telephone or follow-up invitation by mail.",
              "Attendance was more frequent by telephone (84/480, 17.5%) than by mail (43/472, 9.1%)."]
    assert _named(design, design[1]) == [("telephone", "follow-up invitation by telephone"),
                                         ("mail", "follow-up invitation by mail")]


def test_a_word_another_arms_long_form_has_names_no_arm():
    design = ["Patients were randomized to late extubation or UFE.",
              "The time was 136.8 minutes in ultra-fast extubation (UFE) and 145.3 minutes in late extubation patients."]
    arms = find_arms(None, design)
    late = next(a for a in arms if a.label == "late extubation")
    assert "extubation" not in late.aliases


def test_an_ordinary_word_of_a_label_names_no_arm():
    design = ["Women were randomised to the intervention or the standard procedure.",
              "Costs per procedure were EUR 45 for the intervention and EUR 58 for the standard procedure."]
    arms = find_arms(None, design)
    assert all("procedure" not in a.aliases for a in arms)


def test_a_numbered_group_is_also_named_by_its_abbreviation():
    design = ["Group 1 (G1) received eye care with a navigator, Group 2 (G2) received office-based eye care and "
              "Group 3 (G3) received usual care."]
    found = _named(design, "Adherence was 69.8% for G1, 82.5% for G2, and 73.3% for G3.")
    assert found == [("G1", "Group 1"), ("G2", "Group 2"), ("G3", "Group 3")]


def test_a_brand_in_brackets_names_the_arm_named_before_it():
    design = ["Is the pregnancy rate with subcutaneous progesterone (Prolutex®) non-inferior to vaginal progesterone "
              "(Endometrin®)?", "Women were randomized to subcutaneous progesterone or vaginal progesterone."]
    assert _named(design, "Prolutex = 392; Endometrin = 390") == [("Prolutex", "subcutaneous progesterone"),
                                                                 ("Endometrin", "vaginal progesterone")]


def test_a_lettered_group_is_also_named_by_the_word_before_its_bracket():
    design = ["Patients were divided into three groups: saline (group S, n = 55), lignocaine 20 mg (Group L, n = 55) and "
              "methylprednisolone 125 mg (Group MP, n = 55).",
              "Pain was 70.9% in the saline group, 30.9% in the lignocaine group and 36.4% in the methylprednisolone group."]
    assert [label for _, label in _named(design, design[1])] == ["group S", "Group L", "Group MP"]


def test_a_code_in_an_arms_label_names_that_arm():
    design = ["Patients were randomized to five injections of HA1, four injections of HA2 or standard care.",
              "WOMAC scores fell by 44.79% (HA1) and 24.02% (HA2)."]
    assert [label for _, label in _named(design, design[1])] == ["five injections of HA1", "four injections of HA2"]


def test_a_code_of_a_joined_label_names_no_arm():
    design = ["Patients were randomized to OSC or OSC + WBRT.", "Survival was OSC + WBRT 49 days, OSC 51 days, in favour of WBRT."]
    arms = find_arms(None, design)
    assert all("WBRT" not in a.aliases for a in arms)
