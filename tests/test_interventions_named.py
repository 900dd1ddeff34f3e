"""Intervention names of each arm as a labeller writes them (seventh session, h-interv). One test per phrase shape."""

from __future__ import annotations

import pytest

from extractor.backends.rules.arms import ArmDraft
from extractor.backends.rules.backend import _codes_as_names


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
