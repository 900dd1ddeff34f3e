"""Which endpoint a value is filed under, second set: named adverse events the vocabulary lacked, and symptom scales
(made-up sentences in the shapes printed in unlabelled abstracts; see docs/rules-notes.md, "Endpoint naming (sixth
session, h-epname)")."""

from __future__ import annotations

import pytest

from tests.test_endpoint_naming import _canonicals, _endpoints


@pytest.mark.parametrize(("text", "expected"), [
    ("We detected three cases of sore throat in each group.", ["EVENT"]),
    ("Nine patients (21%) had an extrapyramidal reaction.", ["EVENT"]),
    ("Anticholinergic effects were almost twice as frequent in group A.", ["EVENT"]),
    ("Asymptomatic corrected QT interval (QTc) prolongation was observed in eight patients.", ["EVENT"]),
    ("Herpes zoster occurred in four patients.", ["EVENT"]),
    ("Grade 3 surgical site infections occurred in 5%.", ["AE_GRADE3PLUS"]),
])
def test_named_events_of_supportive_drugs_and_anaesthesia(text, expected):
    assert _canonicals(text) == expected


def test_a_named_event_alone_is_an_adverse_event():
    assert _endpoints("Sore throat occurred in 75% with A compared to 27.5% with B.") == [("AE", 75.0), ("AE", 27.5)]


def test_who_the_patients_were_is_no_event():
    # "men with a sore throat": who was offered a test, not an event of the treatment
    assert "EVENT" not in _canonicals("Testing was offered to men with a sore throat (79% vs 33%).")


@pytest.mark.parametrize(("text", "expected"), [
    ("Of 407 eligible patients, 395 patients (97%) participated in the health-related quality-of-life study.",
     [("FEASIBILITY", 97.0)]),
    ("Compliance with QOL assessment was 87% during treatment.", [("FEASIBILITY", 87.0)]),
    ("Three hundred patients (81%) were evaluable for QOL.", [("FEASIBILITY", 81.0)]),
    ("The rate of QOL drop-out was higher with A (53%) than with B (38%).", [("FEASIBILITY", 53.0), ("FEASIBILITY", 38.0)]),
    ("At week 54, 502 (66%) women with A and 388 (51%) women with B provided QoL data.",
     [("FEASIBILITY", 66.0), ("FEASIBILITY", 51.0)]),
    # how the patients fared stays quality of life
    ("Global QOL improved in 35% with A and 26% with B.", [("QOL", 35.0), ("QOL", 26.0)]),
])
def test_who_answered_the_questionnaires_is_feasibility(text, expected):
    assert _endpoints(text) == expected


def test_response_categories_after_their_share():
    # "19% (6% complete plus 13% partial)": the word "responses" left out after each category
    text = "Objective responses occurred in 19% (6% complete plus 13% partial) of patients receiving A."
    assert _canonicals(text) == ["ORR", "CR_RATE", "PR"]
    assert _endpoints(text) == [("ORR", 19.0), ("CR_RATE", 6.0), ("PR", 13.0)]
