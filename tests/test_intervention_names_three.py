"""Non-drug interventions, third pass: analgesia, nutrition and plasty/ostomy procedures named by their words, what a
patient is given to read, watch or use, and a procedure that is only the setting ("during cardiac surgery"). One test
per phrase shape."""

from __future__ import annotations

import pytest

from extractor import extract
from extractor.backends.rules.arms import ArmDraft, _radiation_of_dose_arms, find_arms, what_empty_arms_got
from extractor.backends.rules.nondrug import find_non_drugs, named_by_modifier


def _named(text: str) -> list[tuple[str, str]]:
    return [(n.name, n.type) for n in find_non_drugs(text)]


@pytest.mark.parametrize(("text", "named"), [
    ("randomized to patient controlled epidural analgesia or patient controlled intravenous analgesia",
     [("patient controlled epidural analgesia", "procedure"), ("patient controlled intravenous analgesia", "procedure")]),
    ("Patients received caudal analgesia after induction", [("caudal analgesia", "procedure")]),
    ("no difference in postoperative analgesia", []),  # when, not which
    ("placebo analgesia was reported by half", []),  # no word says how it is given
])
def test_analgesia_is_named_by_how_it_is_given(text, named):
    assert _named(text) == named


@pytest.mark.parametrize(("text", "named"), [
    ("a 72 hour infusion of total parenteral nutrition with or without omega-3", [("total parenteral nutrition", "other")]),
    ("early oral feeding compared with traditional oral feeding", [("early oral feeding", "other"),
                                                                  ("traditional oral feeding", "other")]),
    ("protein-rich nutrition improved recovery", []),  # what it holds, not how it is given
])
def test_nutrition_is_named_by_its_route(text, named):
    assert _named(text) == named


@pytest.mark.parametrize(("text", "named"), [
    ("randomized to open pyeloplasty or laparoscopic repair", [("open pyeloplasty", "procedure")]),
    ("palliative gastrojejunostomy versus stenting", [("gastrojejunostomy", "procedure")]),
])
def test_plasty_and_ostomy_name_procedures(text, named):
    assert _named(text) == named


@pytest.mark.parametrize(("text", "named"), [
    ("standard print material and peer-modeling videotape", [("peer-modeling videotape", "other")]),
    ("received an information leaflet or a smartphone app", [("information leaflet", "other"), ("smartphone app", "other")]),
    ("women who received a 2nd reminder letter", [("reminder letter", "other")]),
    ("standard messages versus targeted messages", [("standard messages", "other"), ("targeted messages", "other")]),
    ("participants read different messages", []),  # a verb, not which messages
    ("The letters were sent in March", []),  # no word says which
])
def test_what_a_patient_reads_watches_or_uses_is_named(text, named):
    assert _named(text) == named


@pytest.mark.parametrize(("text", "named"), [
    ("Lateral approach is advantageous in total knee arthroplasty", []),
    ("blood loss during radical surgery", []),
    ("patients were randomized to laparoscopic surgery or open surgery", [("laparoscopic surgery", "procedure"),
                                                                           ("open surgery", "procedure")]),
])
def test_a_procedure_after_in_or_during_is_the_setting(text, named):
    assert _named(text) == named


def test_a_talk_is_not_the_nutrition_it_is_about():
    assert _named("standard practice (general nutrition talk and booklet)") == []


def _by_modifier(text: str, label: str) -> str | None:
    found = named_by_modifier(text, label)
    return found.name if found else None


@pytest.mark.parametrize(("text", "label", "name"), [
    ("a randomized trial of supportive-expressive group therapy; women were assigned to a treatment group or control",
     "supportive-expressive", "supportive-expressive group therapy"),
    ("Participants were randomised to follow-up as usual or a short educational group programme (EGP)",
     "short educational", "short educational group programme"),
    ("randomised to zinc supplementation or placebo", "zinc", None),  # the substance names it
    ("patients were assigned to a sitagliptin clinical development program", "sitagliptin", None),  # too far from it
])
def test_an_arm_labelled_by_a_modifier_gets_the_name_it_begins(text, label, name):
    assert _by_modifier(text, label) == name


@pytest.mark.parametrize(("text", "label", "name"), [
    ("Transthoracic and transhiatal esophagectomy are two common procedures", "transthoracic",
     "Transthoracic esophagectomy"),
    ("patients were randomized to laparoscopic or open nephrectomy", "laparoscopic", "laparoscopic nephrectomy"),
    ("Knee arthroscopy and exercise versus exercise only", "arthroscopy", None),  # "exercise" is a name of its own
    ("randomly assigned to either an actual or sham device", "actual", None),  # not which device
    ("randomized to usual care or usual care plus exercise", "usual care", None),  # a name already
])
def test_an_arm_labelled_by_a_modifier_shares_the_head_it_is_joined_to(text, label, name):
    assert _by_modifier(text, label) == name


def test_an_empty_arm_labelled_by_a_modifier_is_given_the_named_treatment():
    arms = find_arms(None, ["Patients were randomized to the transthoracic (n = 20) or the transhiatal group (n = 21).",
                            "Transthoracic and transhiatal esophagectomy were compared."])
    names = {a.label: [i["name"] for i in a.interventions] for a in arms}
    assert names.get("transthoracic") == ["Transthoracic esophagectomy"]


def test_emails_are_named_by_the_words_before():
    assert _named("compared to receiving psycho-educational emails") == [("psycho-educational emails", "other")]


def _dose_arms(labels: list[str], text: str) -> list[list[str]]:
    arms = [ArmDraft(label) for label in labels]
    _radiation_of_dose_arms(arms, text)
    return [[str(i["name"]) for i in a.interventions] for a in arms]


@pytest.mark.parametrize(("labels", "text", "names"), [
    (["78-Gy", "70-Gy"], "after radiotherapy to the prostate in a randomized dose-escalation trial of 70 versus 78 Gy",
     [["radiotherapy"], ["radiotherapy"]]),
    (["arm A", "arm B"], "hypofractionated thoracic radiotherapy (TRT): A, 17 Gy per two fractions; B, 42 Gy per 15 "
                         "fractions", [["radiotherapy"], ["radiotherapy"]]),
    (["hypofractionated", "conventional"], "radiation therapy (RT) using a hypofractionated (55 Gy/20 fractions) vs. a "
                                           "conventionally fractionated dose schedule",
     [["radiation therapy"], ["radiation therapy"]]),
    (["low dose", "high dose"], "radiotherapy of 50 Gy with low or high dose cisplatin", [[], []]),  # not dose arms
])
def test_the_arms_of_a_radiation_dose_trial_get_its_radiation(labels, text, names):
    assert _dose_arms(labels, text) == names


@pytest.mark.parametrize(("text", "names"), [
    ("155 men were randomly assigned to an intervention group that participated in a resistance exercise program three "
     "times per week or to a waiting list control group.", ["resistance exercise program"]),
    ("The intervention was a multimedia, multimodal exercise program comprising strength training.",
     ["multimodal exercise program"]),
    ("Patients in the intervention group were compared with the control group.", []),  # nothing said they got
])
def test_a_group_known_only_as_intervention_gets_what_it_is_said_to_get(text, names):
    arms = [ArmDraft("intervention"), ArmDraft("control")]
    what_empty_arms_got(arms, text)
    assert [i["name"] for i in arms[0].interventions] == names and arms[1].interventions == []


def test_what_the_control_group_got_leaves_the_other_arm_to_the_aim():
    text = ("To determine whether self-sampling improves screening attendance for women who do not regularly attend "
            "screening, 800 women were randomly selected and invited to be part of the intervention group. The control "
            "group consisted of 2593 women who received a 2nd reminder letter according to the current guidelines. The "
            "attendance rates were 33.4% in the intervention group and 23.2% in the control group.")
    arms = {a.label: [i.name for i in a.interventions] for a in extract(text).trials[0].arms}
    assert arms == {"control": ["reminder letter"], "intervention": ["self-sampling"]}


def test_a_group_that_used_a_device_gets_it():
    arms = [ArmDraft("unsupervised"), ArmDraft("control")]
    what_empty_arms_got(arms, "randomly assigned to a control group or an unsupervised group that used a mobile app to "
                              "record data")
    assert [i["name"] for i in arms[0].interventions] == ["mobile app"] and arms[1].interventions == []
