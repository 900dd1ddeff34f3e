"""Each arm's own treatments: what the text writes before an arm's bracketed label, an arm's words up to the next arm's
label, and no outcome of a sentence that prints a p-value taken as a drug given. One test per phrase shape."""

from __future__ import annotations

import pytest

from extractor.backends.rules.arms import ArmDraft, _intervention_text
from extractor.backends.rules.backend import (
    _empty_arms_by_brackets,
    _got_before_label,
    _none_of_what_it_lacks,
    _one_arms_own,
    _prints_p_value,
    _told_apart_by_brackets,
    _Treatment,
)
from extractor.structure import METHODS, RESULTS, Sentence


def _names(arm: ArmDraft) -> list[str]:
    return [str(i["name"]) for i in arm.interventions]


def _drug(name: str) -> dict[str, str | None]:
    return {"name": name, "type": "drug", "target": None, "dose": None, "schedule": None}


_DEX = ("To investigate the effects of dexmedetomidine (Dex) on motility. 60 patients were randomly allocated to receive "
        "Dex (DEX group, n = 30) or saline (CON group, n = 30).")


def test_arms_told_apart_by_what_precedes_their_bracketed_label():
    arms = [ArmDraft("DEX", interventions=[_drug("Dexmedetomidine")]),
            ArmDraft("CON", interventions=[_drug("Dexmedetomidine")])]
    _told_apart_by_brackets(arms, _DEX)
    assert [_names(a) for a in arms] == [["dexmedetomidine"], ["saline"]]


def test_what_every_arm_had_and_no_bracket_names_stays():
    text = ("randomly assigned to receive six cycles of paclitaxel and carboplatin followed by either four cycles of "
            "topotecan (TC-Top; 658 patients) or surveillance (TC; 650 patients).")
    had = ["topotecan", "carboplatin", "paclitaxel"]
    arms = [ArmDraft("TC", interventions=[_drug(n) for n in had]), ArmDraft("TC-Top", interventions=[_drug(n) for n in had])]
    _told_apart_by_brackets(arms, text)
    assert [_names(a) for a in arms] == [["surveillance", "carboplatin", "paclitaxel"], ["topotecan", "carboplatin", "paclitaxel"]]


@pytest.mark.parametrize(("label", "text", "named"), [
    ("arm A", "72 were randomised to 5-FU alone (arm A) and 69 to 5-FU + IFN (arm B).", ["5-FU"]),
    ("HDCT", "112 to high-dose cyclophosphamide and carboplatin chemotherapy and ASCT (HDCT), and 112 to standard "
             "therapy (ST).", ["cyclophosphamide", "carboplatin"]),
    ("ST", "112 to high-dose cyclophosphamide and carboplatin chemotherapy and ASCT (HDCT), and 112 to standard "
           "therapy (ST).", ["standard therapy"]),
    ("arm B", "randomized to receive 10 μg (arm A), 100 μg (arm B) or 1000 μg (arm C) of CEA peptide", []),  # a dose
    ("arm B", "randomised to capecitabine plus radiotherapy (RT) (A), or capecitabine plus cetuximab plus RT (B).",
     ["capecitabine", "cetuximab"]),  # the arm's letter alone in its bracket
    ("arm A", "response (A vs. C, p = 0.028)", []),
    ("group A", "by an electronic jet-ventilator either with (group A) or without (group B)", []),  # a joint
    ("Group II", "MLD with compression bandage group (Group I, n=15) and IPC with SLD group (Group II, n=15)", []),
])
def test_what_an_arm_got_before_its_bracketed_label(label, text, named):
    assert [str(i["name"]) for i in _got_before_label(label, text)[0]][:len(named) or None] == named


def test_dose_arms_named_alike_stay_as_they_are():
    arms = [ArmDraft("arm A", interventions=[_drug("GM-CSF")]), ArmDraft("arm B", interventions=[_drug("GM-CSF")])]
    _told_apart_by_brackets(arms, "randomized to receive 10 μg (arm A) or 100 μg (arm B) of CEA peptide")
    assert [_names(a) for a in arms] == [["GM-CSF"], ["GM-CSF"]]


def test_an_arms_words_end_where_the_next_arms_label_begins():
    arm = ArmDraft("Arm A", defining_text=" (gemcitabine/nab-paclitaxel plus apatorsen) or Arm B (gemcitabine/"
                                         "nab-paclitaxel plus placebo).")
    assert _intervention_text(arm, ["Arm B"]) == " (gemcitabine/nab-paclitaxel plus apatorsen) or "
    assert _intervention_text(arm, ["Arm C"]) == arm.defining_text  # no other arm's label in it


@pytest.mark.parametrize(("text", "prints"), [
    ("Median peak IFN-γ T cell response by ELISPOT was 11/52/271 (A vs. C, p = 0.028).", True),
    ("fentanyl requirement was higher in Group N (81 mcg vs. 114 mcg, P<0.001).", True),
    ("Patients were randomized to receive GM-CSF or placebo (n = 30 each).", False),
])
def test_a_sentence_that_prints_a_p_value(text, prints):
    assert _prints_p_value(text) is prints


def test_what_was_assigned_is_not_read_in_a_sentence_of_results():
    sentences = [Sentence(0, 120, "Patients were randomized to receive 10 μg (arm A) or 1000 μg (arm B) of CEA peptide "
                                  "emulsified in Montanide and GM-CSF.", METHODS, 0),
                 Sentence(121, 200, "Median peak IFN-γ T cell response versus baseline was 11/271 (A vs. B, p = 0.028).",
                          RESULTS, 1)]
    assigned = _Treatment(None, sentences, sentences).assigned()
    assert "GM-CSF" in assigned and "IFN" not in assigned


@pytest.mark.parametrize(("text", "label", "named"), [
    ("doxorubicin (DOX) and vinorelbine (VNB). Patients were randomized to DOX 50 mg/m(2) IV on day 1 and VNB 25 mg/m(2) "
     "IV (arm 1) or DOX 70 mg/m(2) IV on day 1 (arm 2).", "arm 2", ["doxorubicin"]),  # the code spelled out
    ("randomly divided to receive either intravenous anesthesia with propofol (group P) or sevoflurane (group S).",
     "group S", ["sevoflurane"]),
    ("randomized to PTX, UDCA and LMWH for 8 weeks (treatment) or no medication (control).", "control",
     ["no medication"]),
    ("randomized into the conventional group (group A) or cessation group (group B).", "group B", []),  # its name
    ("assigned to a sunitinib dose of 37.5 mg/d in the morning (AM) or evening (PM).", "PM", []),  # when
    ("or to physical training alone (PT group, n=71). In addition, a nonintervention control group (WLC group)", "WLC",
     []),  # not across a sentence's end
])
def test_an_empty_arm_takes_what_precedes_its_bracketed_label(text, label, named):
    arm = ArmDraft(label)
    _empty_arms_by_brackets([arm], text)
    assert _names(arm) == named


def test_a_drug_an_arm_is_named_by_is_no_backbone_of_the_others():
    tmz = ArmDraft("TMZ", interventions=[_drug("TMZ")])
    pcb = ArmDraft("PCB", interventions=[_drug("procarbazine")])
    assert _one_arms_own(_drug("temozolomide"), [tmz, pcb])  # the title's "temozolomide" is the TMZ arm's
    pt = ArmDraft("PT", interventions=[_drug("cisplatin"), _drug("paclitaxel")])
    tc = ArmDraft("TC", interventions=[_drug("carboplatin")])
    assert not _one_arms_own(_drug("paclitaxel"), [pt, tc])  # "PT" is no name of paclitaxel: a backbone


@pytest.mark.parametrize(("label", "had", "left"), [
    ("no epoetin alfa", ["epoetin alfa"], []),
    ("without bevacizumab", ["bevacizumab", "trastuzumab", "docetaxel"], ["trastuzumab", "docetaxel"]),
    ("no AM during chemoradiotherapy", ["chemoradiotherapy", "paclitaxel"], ["chemoradiotherapy", "paclitaxel"]),
    ("no treatment", ["interleukin-2"], ["interleukin-2"]),
])
def test_an_arm_named_by_what_it_lacks_has_none_of_it(label, had, left):
    arm = ArmDraft(label, interventions=[_drug(n) for n in had])
    _none_of_what_it_lacks([arm])
    assert _names(arm) == left
