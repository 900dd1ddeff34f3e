"""Non-drug interventions, second pass: plural exercises, group-delivered treatments, verbs that end a name, and what
a control group is said to receive. One test per phrase shape."""

from __future__ import annotations

import pytest

from extractor import extract
from extractor.backends.rules.nondrug import find_non_drugs


def _names(text: str) -> list[str]:
    return [n.name for n in find_non_drugs(text)]


@pytest.mark.parametrize(("text", "names"), [
    ("patients in group 2 performed only home exercises", ["home exercises"]),
    ("Strengthening exercises show greater improvements than flexibility exercises", ["Strengthening exercises",
                                                                                       "flexibility exercises"]),
    ("the exercises were supervised by a physiotherapist", []),  # no word says which
])
def test_exercises_in_the_plural_are_named_by_the_word_before(text, names):
    assert _names(text) == names


@pytest.mark.parametrize(("text", "names"), [
    ("randomized to meaning-centered group psychotherapy (MCGP)", ["meaning-centered group psychotherapy"]),
    ("the effectiveness of individual support, group rehabilitation and a combination of the two",
     ["individual support", "group rehabilitation"]),
    ("Group hypnosis vs. relaxation for smoking cessation", ["Group hypnosis", "relaxation"]),
    ("the control group usual care", ["usual care"]),  # "group" further left still ends the name
])
def test_group_just_before_the_head_says_how_the_treatment_is_given(text, names):
    assert _names(text) == names


@pytest.mark.parametrize(("text", "names"), [
    ("To compare individual support and usual care", ["individual support", "usual care"]),
    ("twice weekly for 8 weeks whilst completing home exercises twice per week", ["home exercises"]),
    ("The Feasibility of performing resistance exercise with older adults", ["resistance exercise"]),
])
def test_what_patients_do_with_the_treatment_is_not_its_name(text, names):
    assert _names(text) == names


def _control(text: str) -> list[str]:
    arms = {a.label: [i.name for i in a.interventions] for a in extract(text).trials[0].arms}
    return arms["control"]


def _control_told(sentence: str) -> list[str]:
    """What the control arm gets in a trial of expressive writing whose third sentence is ``sentence``."""
    return _control("Ninety-three women were randomised to an expressive writing group or a control group. Women in the "
                    f"writing group wrote for 20 min on four consecutive days. {sentence} Mood improved more in the "
                    "writing group than in the control group.")


@pytest.mark.parametrize(("sentence", "names"), [
    ("The control group received normal care.", ["normal care"]),
    ("The control group (n = 48) received customary care.", ["customary care"]),
    ("The control group received no advice about exercise.", ["no advice about exercise"]),
    ("The control group received only the HAART regimen every day for 3 months.", ["HAART regimen"]),
    ("Patients in the control group received RT only.", ["RT"]),
])
def test_a_control_arm_takes_what_the_control_group_is_said_to_receive(sentence, names):
    assert _control_told(sentence) == names


@pytest.mark.parametrize("sentence", [
    "The control group received none of these treatments.",
    "The control group underwent VFA measurements at the start.",
    "The control group received the same chemotherapy as the trial group.",
])
def test_what_no_treatment_names_gives_a_control_arm_nothing(sentence):
    assert _control_told(sentence) == []


@pytest.mark.parametrize(("sentence", "names"), [
    ("Patients were randomized to receive either Kangfuxin Solution (test group) or compound borax gargle (control group).",
     ["compound borax gargle"]),
    ("Patients were randomly assigned to cinacalcet + oral vitamin D or oral vitamin D alone (control group, n = 33).",
     ["oral vitamin D"]),
])
def test_a_control_arm_takes_what_is_named_before_its_bracket(sentence, names):
    text = (f"{sentence} Mucositis was less severe in the test group than in the control group (P = 0.01). The test group "
            "had less pain than the control group.")
    assert _control(text) == names
