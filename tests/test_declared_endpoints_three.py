"""Declared endpoints, seventh session, second round: roles the rules missed or doubled in unlabelled abstracts
(see docs/rules-notes.md, "Declared endpoints ... h-endpts2")."""

from __future__ import annotations

import pytest

from tests.test_endpoints_four import _pairs


@pytest.mark.parametrize(("text", "expected"), [
    ("Co-primary end points were PFS and OS.", [("PFS", "co_primary"), ("OS", "co_primary")]),
    ("The co-primary endpoints were day 43 pertuzumab serum trough concentration (Cmin) and safety.",
     [("BIOMARKER", "co_primary"), ("SAFETY", "co_primary")]),
])
def test_a_co_primary_role_is_not_also_an_unnamed_primary(text, expected):
    assert _pairs(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("The main aim was the comparison of disease-free survival in the 2 arms.", [("DFS", "primary")]),
    ("The principal objective of the trial was to compare OS.", [("OS", "primary")]),
    ("The main objective of this study was to evaluate the efficacy and safety of X in patients with NSCLC.",
     [("SAFETY", "primary")]),  # only the outcomes the vocabulary knows: not "efficacy"
    ("The main objective of this study was to analyse the impact of a lifestyle intervention on patients followed "
     "in a Community Care Centre.", []),
])
def test_main_or_principal_aims_name_known_outcomes(text, expected):
    assert _pairs(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Primary outcomes of weight and HRQL using the SF-36 were analyzed using repeated measures analyses.",
     [("OTHER", "primary"), ("QOL", "primary")]),
    ("We assessed primary outcomes of psychological and cancer-specific distress and unmet psychological supportive "
     "care needs and secondary outcomes of positive adjustment and quality of life.",
     [("QOL", "primary"), ("OTHER", "primary"), ("OTHER", "secondary"), ("QOL", "secondary")]),
    ("There were no significant between-group differences in the primary outcome of change in BMI (p = 0.93).",
     [("OTHER", "primary")]),
    ("The primary outcome of interest was change in BMI.", [("OTHER", "primary")]),
])
def test_roles_of_outcomes(text, expected):
    assert _pairs(text) == expected


@pytest.mark.parametrize("text", [
    "The co-primary endpoints were PFS in all patients and in those with positive EGFR status.",
    "This study was launched with the primary endpoint of assessing if client-centered therapy affects outcomes.",
])
def test_list_items_opening_with_in_or_asking_whether_are_not_outcomes(text):
    assert ("OTHER", "primary") not in _pairs(text) and ("OTHER", "co_primary") not in _pairs(text)


@pytest.mark.parametrize(("text", "expected"), [
    ("The primary endpoint was survival, and HRQOL was a secondary endpoint.", [("OS", "primary"), ("QOL", "secondary")]),
    ("Primary endpoints were overall survival; progression-free survival and response rate were secondary endpoints.",
     [("OS", "primary"), ("PFS", "secondary"), ("ORR", "secondary")]),
    ("The primary endpoints were OS and PFS, and the secondary endpoint was ORR.",
     [("OS", "primary"), ("PFS", "primary"), ("ORR", "secondary")]),
    ("Time to disease progression, response rate, adverse events, and QOL were secondary end points.",
     [("TTP", "secondary"), ("ORR", "secondary"), ("AE", "secondary"), ("QOL", "secondary")]),
])
def test_a_role_after_its_outcomes_reads_its_own_clause(text, expected):
    assert _pairs(text) == expected
