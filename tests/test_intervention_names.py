"""How an arm's interventions are named: one test per phrase shape."""

from __future__ import annotations

from extractor import extract
from extractor.backends.rules.arms import another_regimen, regimens_over_their_drugs
from extractor.documents import Document


def _drug(name: str) -> dict[str, str | None]:
    return {"name": name, "type": "drug", "target": None, "dose": None, "schedule": None}


def test_a_regimen_of_other_drugs_than_the_arms_is_not_its_backbone():
    arm = [_drug("irinotecan"), _drug("capecitabine"), _drug("bevacizumab")]
    assert another_regimen(_drug("FOLFIRI"), arm)  # irinotecan is FOLFIRI's, leucovorin and 5-FU are not the arm's
    assert not another_regimen(_drug("XELIRI"), arm)
    assert not another_regimen(_drug("FOLFIRI"), [_drug("bevacizumab")])  # "FOLFIRI ± bevacizumab": the backbone


def test_an_arm_naming_a_regimen_and_each_of_its_drugs_lists_the_regimen():
    arms = [[_drug("irinotecan"), _drug("capecitabine"), _drug("bevacizumab"), _drug("XELIRI")],
            [_drug("oxaliplatin"), _drug("FOLFIRI")]]  # not all of FOLFIRI's drugs: both kept
    regimens_over_their_drugs(arms)
    assert [[i["name"] for i in given] for given in arms] == [["bevacizumab", "XELIRI"], ["oxaliplatin", "FOLFIRI"]]


def test_two_regimens_spelled_out_and_named_give_each_arm_its_own():
    text = ("XELIRI-bevacizumab versus FOLFIRI-bevacizumab as first-line treatment in metastatic colorectal cancer. "
            "Patients were randomized in: group A (irinotecan, capecitabine, bevacizumab, every 3 weeks; "
            "XELIRI-bevacizumab) and group B (irinotecan, leucovorin, fluorouracil, bevacizumab, every 2 weeks; "
            "FOLFIRI-bevacizumab). Median PFS was 10.2 and 10.8 months for groups A and B, respectively.")
    record = extract(Document(doc_id="x", text=text)).trials[0]
    assert {a.label: sorted(i.name for i in a.interventions) for a in record.arms} == {
        "group A": ["XELIRI", "bevacizumab"], "group B": ["FOLFIRI", "bevacizumab"]}
