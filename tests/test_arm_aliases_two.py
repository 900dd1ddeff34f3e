"""Arm aliases, second round: names results give an arm that its label holds only in part, one test per phrase shape."""

from __future__ import annotations

from extractor.backends.rules.arms import arm_mentions, find_arms


def _named(sentences: list[str], text: str) -> list[tuple[str, str]]:
    arms = find_arms(None, sentences)
    return [(text[start:end], label) for start, end, label in arm_mentions(text, arms)]


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
