"""Intervention names of each arm as a labeller writes them (seventh session, h-interv). One test per phrase shape."""

from __future__ import annotations

import pytest

from extractor.backends.rules.arms import ArmDraft
from extractor.backends.rules.backend import (
    _codes_as_names,
    _codes_spelled_out,
    _own_treatment_by_name,
    _without_amounts,
)


def _coded(labels: list[str], text: str) -> list[list[str]]:
    arms = [ArmDraft(label=label) for label in labels]
    _codes_as_names(arms, text)
    return [[str(i["name"]) for i in a.interventions] for a in arms]


@pytest.mark.parametrize(("labels", "text", "names"), [
    # the code's long form as the text defines it, a plural label read as its singular
    (["TAGMs", "PVA"], "embolization with tris-acryl gelatin microspheres (TAGM) versus spherical polyvinyl alcohol",
     [["tris-acryl gelatin microspheres"], ["PVA"]]),
    # a code the text does not spell out letter by letter is named as written
    (["TCF", "ECF"], "randomly received ECF, TC, or TCF (TC plus FU 300 mg/m(2)/d on days 1 to 14)", [["TCF"], ["ECF"]]),
    (["36 weeks of CMFVP"], "a 12-week chemohormonal regimen or 36 weeks of CMFVP", [["CMFVP"]]),
    (["THC", "CE"], "cannabis extract (CE), delta-9-tetrahydrocannabinol (THC), and placebo", [["THC"], []]),
])
def test_an_arm_known_by_a_code_is_named_by_it(labels, text, names):
    assert _coded(labels, text) == names


@pytest.mark.parametrize(("labels", "text"), [
    (["WLC"], "In addition, a nonintervention control group (WLC group) consisting of 62 survivors"),  # a group's code
    (["FeNO"], "treatment adjustment by clinical symptoms (clinical group) or exhaled nitric oxide (FeNO group)"),
    (["CONT"], "designed to compare continuous (CONT) compared with interrupted (INT) imatinib"),  # says how, not what
    (["CP-1", "CP-2"], "randomized to coloplasty (CP-1) or SA, or JP or coloplasty (CP-2)"),  # numbered variants
    (["non-HH"], "randomly assigned to HH and non-HH groups"),  # the other arm's treatment, said otherwise
    (["PCPs"], "Primary care physicians (PCPs, n = 120) and their patients"),  # a plural code the text does not define
    (["IG"], "randomized to either an intervention group (IG) or a usual care group"),  # two letters: which group
])
def test_a_code_of_a_group_or_of_how_names_nothing(labels, text):
    assert _coded(labels, text) == [[] for _ in labels]


def test_an_arm_that_got_something_keeps_it():
    arms = [ArmDraft(label="TCF", interventions=[{"name": "docetaxel", "type": "drug", "target": None, "dose": None,
                                                  "schedule": None}])]
    _codes_as_names(arms, "randomly received TCF")
    assert [i["name"] for i in arms[0].interventions] == ["docetaxel"]


def _spelled(names: list[tuple[str, str]], text: str) -> list[str]:
    arms = [[{"name": n, "type": t, "target": None, "dose": None, "schedule": None} for n, t in names]]
    _codes_spelled_out(arms, text)
    return [str(i["name"]) for i in arms[0]]


@pytest.mark.parametrize(("names", "text", "spelled"), [
    ([("WBRT", "other")], "optimal supportive care (OSC), including steroids, and whole brain radiotherapy (WBRT)",
     ["whole brain radiotherapy"]),
    ([("RP", "other")], "compared radical prostatectomy (RP) plus observation versus RP plus adjuvant radiation",
     ["radical prostatectomy"]),
    ([("MA", "other")], "treatment utilizing megestrol acetate (MA) plus thalidomide", ["megestrol acetate"]),
    # the spelled name an arm has already is not named twice
    ([("treatment as usual", "other"), ("TAU", "other")], "randomly assigned to treatment as usual (TAU) or PACT + TAU",
     ["treatment as usual"]),
    # a closing "alone" is no part of the name
    ([("EC", "other")], "ergonomic counselling alone (EC)", ["ergonomic counselling"]),
])
def test_a_non_drug_code_is_named_by_the_words_it_stands_for(names, text, spelled):
    assert _spelled(names, text) == spelled


@pytest.mark.parametrize(("names", "text"), [
    ([("PACT", "other")], "the Pre-School Autism Communication Trial (PACT)"),  # a trial's name
    ([("EOC", "drug")], "epirubicin, oxaliplatin and capecitabine (EOC)"),  # a regimen keeps its code
    ([("SNBM", "other")], "sentinel-lymph-node biopsy followed by clearance if positive (SNBM)"),  # not spelled letter by letter
])
def test_a_code_of_a_trial_a_regimen_or_undefined_stays(names, text):
    assert _spelled(names, text) == [n for n, _ in names]


@pytest.mark.parametrize(("name", "left"), [
    ("rizatriptan 10 mg", "rizatriptan"),  # a dose after
    ("8-week MBSR program", "MBSR program"),  # a length before
    ("50 g/day isomaltulose", "isomaltulose"),  # an amount a day before
    ("daily oral carboxyaminoimidazole", "carboxyaminoimidazole"),  # how often, then the route
    ("30-minute session of hydrotherapy", "hydrotherapy"),  # what was given, in a session of it
    ("Three-Month Intake of Synbiotic", "Synbiotic"),
    ("eight-week", ""),  # only a length: no name
    ("weekly supplementation", ""),  # how often, and a word that says nothing of what
    ("5-FU", "5-FU"),  # a drug the lexicon names whole
    ("MBSR program", "MBSR program"),  # no amount
])
def test_a_name_is_written_without_its_amount_length_or_frequency(name, left):
    given = {"name": name, "type": "other", "target": None, "dose": None, "schedule": None}
    assert _without_amounts(given)["name"] == left


def _drug(name: str) -> dict[str, str | None]:
    return {"name": name, "type": "drug", "target": None, "dose": None, "schedule": None}


@pytest.mark.parametrize(("labels", "text", "added"), [
    # one word the text gives as a treatment
    (["honey", "povidone-iodine"], "randomly assigned to receive either honey or povidone-iodine during radiotherapy",
     ["honey"]),
    # a drug the lexicon knows, written whole
    (["exemestane", "anastrozole"], "Comparison of anastrozole and exemestane after radiotherapy", ["exemestane"]),
])
def test_an_arm_named_by_its_own_treatment_takes_it_beside_what_every_arm_got(labels, text, added):
    arms = [ArmDraft(label=labels[0], interventions=[_drug("radiotherapy")]),
            ArmDraft(label=labels[1], interventions=[_drug(labels[1]), _drug("radiotherapy")])]
    _own_treatment_by_name(arms, text)
    assert [i["name"] for i in arms[0].interventions] == [*added, "radiotherapy"]


@pytest.mark.parametrize(("label", "text"), [
    ("alone", "every 2 weeks, either alone or together with oxaliplatin"),  # how, not what
    ("three", "the equivalence of three versus four cycles of BEP"),  # how many
    ("control", "randomly assigned to receive either honey or control"),  # a control arm
    ("immediate treatment", "immediate treatment or delayed treatment"),  # when, not what
])
def test_an_arm_named_by_how_or_when_takes_no_name(label, text):
    arms = [ArmDraft(label=label, interventions=[_drug("radiotherapy")]),
            ArmDraft(label="other", interventions=[_drug("radiotherapy")])]
    _own_treatment_by_name(arms, text)
    assert [i["name"] for i in arms[0].interventions] == ["radiotherapy"]


def test_an_arm_with_a_treatment_of_its_own_is_left_as_it_is():
    arms = [ArmDraft(label="honey", interventions=[_drug("sucralfate"), _drug("radiotherapy")]),
            ArmDraft(label="povidone-iodine", interventions=[_drug("radiotherapy")])]
    _own_treatment_by_name(arms, "randomly assigned to receive either honey or povidone-iodine")
    assert [i["name"] for i in arms[0].interventions] == ["sucralfate", "radiotherapy"]
