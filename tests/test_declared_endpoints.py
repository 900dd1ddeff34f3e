"""Endpoints a text declares with no role ("End points were response rate, HRQOL and survival"): the study's
primary ones, read only when no sentence gives a role (made-up sentences in shapes printed in unlabelled
abstracts; see docs/rules-notes.md, "Declared endpoints, round 3")."""

from __future__ import annotations

import pytest

from extractor import extract
from extractor.backends.rules.backend import _unroled_endpoints
from extractor.structure import Sentence


def _declared(*texts):
    sentences = [Sentence(0, len(t), t, "methods", i) for i, t in enumerate(texts)]
    return [(e.canonical, e.role) for e in _unroled_endpoints(sentences)]


@pytest.mark.parametrize(("text", "expected"), [
    ("End points were response rate, HRQOL and survival.", [("ORR", "primary"), ("QOL", "primary"), ("OS", "primary")]),
    ("Study end points included duration of symptomatic relief, objective response rates and overall survival.",
     [("QOL", "primary"), ("ORR", "primary"), ("OS", "primary")]),
    ("Outcome measures were fatigue and distance walked before and after radiotherapy.", [("OTHER", "primary")]),
    ("The outcome measures included weight and biomarkers.", [("OTHER", "primary"), ("BIOMARKER", "primary")]),
])
def test_endpoints_listed_with_no_role_are_primary(text, expected):
    assert _declared(text) == expected


@pytest.mark.parametrize("text", [
    "Outcomes were assessed at baseline and post exercise.",  # a verb follows, not a list
    "Outcomes were compared between groups using analysis of covariance.",
    "Outcomes were similar in both arms for overall survival.",  # a result
    "Endpoints were to compare overall survival.",
])
def test_a_verb_or_a_result_after_the_endpoints_is_no_list(text):
    assert _declared(text) == []


def test_only_the_first_list_is_read():
    assert _declared("Endpoints were overall survival.", "Outcomes included toxicity.") == [("OS", "primary")]


def test_a_declared_role_wins_over_a_list_without_one():
    text = ("Patients were randomly assigned to arm A or arm B. The primary endpoint was progression-free survival. "
            "End points included overall survival and toxicity.")
    trial = extract(text, backend="rules").trials[0]
    assert [(e.canonical, e.role) for e in trial.endpoints or []] == [("PFS", "primary")]
