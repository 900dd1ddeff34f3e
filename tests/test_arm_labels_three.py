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


def test_a_role_word_in_brackets_names_the_arm_when_the_text_uses_it():
    design = ["Participants were randomized to Text4baby plus usual care (intervention) or usual care alone (control).",
              "Satisfaction was 80% in the intervention group and 60% in the control group."]
    arms = find_arms(None, design)
    assert [a.label for a in arms] == ["intervention", "control"]
    assert [label for *_, label in arm_mentions(design[1], arms)] == ["intervention", "control"]


def test_a_bracketed_role_after_a_dose_names_the_comparator():
    design = ["Patients were randomly assigned to 6 grams/day concentrated oat beta-glucan or 6 grams/day dextrose (control).",
              "LDL cholesterol fell by 0.3 mmol/L more than in the control group."]
    assert _labels(design)[-1] == "control"


def test_an_arm_the_text_names_more_often_than_its_role_keeps_its_name():
    design = ["They were randomly allocated to either Group Support Lifestyle Modification (GSLiM) (intervention) (n = 97) "
              "or dietary counseling (comparison) (n = 97).",
              "Retention was 83.5% for GSLiM and 82.5% for dietary counseling; GSLiM improved diet more."]
    assert "GSLiM" in _labels(design)
