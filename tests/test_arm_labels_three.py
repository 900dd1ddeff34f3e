"""Arm labels as a labeller takes them from the text (third night): one test per phrase shape."""

from __future__ import annotations

from extractor.backends.rules.arms import arm_mentions, find_arms


def _labels(sentences: list[str], title: str | None = None) -> list[str | None]:
    return [a.label for a in find_arms(title, sentences)]


def test_drugs_capitalised_as_in_a_title_take_the_abbreviation_the_results_use():
    title = "Artemether-Lumefantrine versus Dihydroartemisinin-Piperaquine for falciparum malaria in Uganda"
    design = ["Children were randomised to artemether-lumefantrine (AL) or dihydroartemisinin-piperaquine (DP).",
              "The risk of recurrent parasitaemia was 42% with AL and 14% with DP.",
              "Both AL and DP were well tolerated; DP gave longer protection than AL."]
    assert sorted(_labels(design, title)) == ["AL", "DP"]


def test_a_role_word_in_brackets_names_the_arm():
    design = ["Participants were randomized to Text4baby plus usual care (intervention) or usual care alone (control)."]
    arms = find_arms(None, design)
    assert [a.label for a in arms] == ["intervention", "control"]
    text = "Satisfaction was 80% in the intervention group and 60% in the control group."
    assert [label for *_, label in arm_mentions(text, arms)] == ["intervention", "control"]


def test_a_bracketed_role_after_a_dose_names_the_comparator():
    design = ["Patients were randomly assigned to 6 grams/day concentrated oat beta-glucan or 6 grams/day dextrose (control)."]
    assert _labels(design)[-1] == "control"
