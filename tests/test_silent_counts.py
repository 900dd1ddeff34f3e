"""Counts and shares, arm by arm, of outcomes no endpoint names, in results sentences that gave nothing before
(results.py's ``_arm_counted_outcomes`` and ``_shares_by_arm_outcome``), one test per phrase shape."""

from __future__ import annotations

import pytest

from extractor.backends.rules.results import _arm_counted_outcomes
from tests.test_rules import _sentence_results


def _results(sentence, arms=()):
    return [(d.endpoint, d.measure, d.value, d.arm, d.name) for d in _sentence_results(sentence, list(arms))]


@pytest.mark.parametrize("sentence, arms, expected", [
    # people counted arm by arm, then what they did or had, in their own words
    ("Only four in the BES group compared to 17 patients in the NS groups saw decreases greater than the minimally "
     "important clinical difference (MICD) of the CMS (p = 0.023).", ["BES", "NS"],
     [("OTHER", "count", 4.0, "BES", "decreases greater than the minimally important clinical difference"),
      ("OTHER", "count", 17.0, "NS", "decreases greater than the minimally important clinical difference")]),
    ("Five subjects (16.2%) in the genotype-directed group and one (3.3%) in the phenotype-directed group had HOPR at "
     "day 30 (p=0.086).", ["genotype-directed", "phenotype-directed"],
     [("OTHER", "proportion", 16.2, "genotype-directed", "HOPR"), ("OTHER", "proportion", 3.3, "phenotype-directed", "HOPR")]),
    ("Twenty-five patients (65.8%) of the diverticulitis group and 10 patients (10.2%) of the appendicitis group showed "
     "perforation of appendix (P < 0.05).", ["diverticulitis", "appendicitis"],
     [("OTHER", "proportion", 65.8, "diverticulitis", "perforation of appendix"),
      ("OTHER", "proportion", 10.2, "appendicitis", "perforation of appendix")]),
    ("There were 63.2% of patients in cooling group attained good GOS at 6 months compared to only 15.4% in noncooling "
     "group (P = 0.007).", ["cooling", "noncooling"],
     [("OTHER", "proportion", 63.2, "cooling", "good GOS"), ("OTHER", "proportion", 15.4, "noncooling", "good GOS")]),
    # a share of an arm first: "100% of the treatment group"
    ("At the end of the study, 89% of the children in the IPM group had remained free from parasitaemia vs 95% of "
     "children in the placebo group.", ["IPM", "placebo"],
     [("OTHER", "proportion", 89.0, "IPM", "remained free from parasitaemia"),
      ("OTHER", "proportion", 95.0, "placebo", "remained free from parasitaemia")]),
])
def test_people_counted_arm_by_arm_then_what_they_had(sentence, arms, expected):
    found = _results(sentence, arms)
    assert all(x in found for x in expected)


@pytest.mark.parametrize("sentence", [
    # who they were is no outcome
    "Of these, 12 patients in the A group and 10 in the B group had stage III disease.",
    # the first count is no arm's: the arm-by-arm reading does not take the clause
    "At 12 months, 12 (50.0%) and 20 patients (83.3%) in the IMRT group had recovered flow.",
])
def test_what_is_not_an_arm_by_arm_outcome(sentence):
    assert _arm_counted_outcomes(sentence, []) == []


def test_a_single_arm_reads_no_arm_by_arm_counts():
    sentence = "Five subjects (16.2%) in the genotype-directed group and one (3.3%) in the other group had HOPR at day 30."
    assert _results(sentence, ["genotype-directed"]) == []


def test_a_share_changed_after_the_outcome_is_not_its_count():
    sentence = "Five patients in the no load group required supplemental insulin doses to decrease glucose levels by 10%."
    assert not [x for x in _results(sentence, ["no load", "load"]) if x[4] == "supplemental insulin doses"]


@pytest.mark.parametrize("sentence, arms, expected", [
    # an outcome whose shares the clause gives arm by arm, named by its words before the verb
    ("In a sub-analysis of those patients completing >35 HBOT sessions, healing of the index ulcer occurred in 23/38 "
     "(61%) in the HBOT group and 10/37 (27%) in the placebo group (P = 0.009).", ["HBOT", "placebo"],
     [("OTHER", "proportion", 61.0, "HBOT", "healing of the index ulcer"),
      ("OTHER", "proportion", 27.0, "placebo", "healing of the index ulcer")]),
    ("The patients who required analgesics after ESWL were 8 (19.5%) in group 1 and 13 (30.2%) in group 2 (p=0.31).",
     ["group 1", "group 2"],
     [("OTHER", "proportion", 19.5, "group 1", "patients who required analgesics after ESWL"),
      ("OTHER", "proportion", 30.2, "group 2", "patients who required analgesics after ESWL")]),
    # who they were is not
    ("Male sex was 60% in the A group and 55% in the B group.", ["A", "B"], []),
])
def test_an_outcome_with_its_shares_arm_by_arm(sentence, arms, expected):
    assert _results(sentence, arms) == expected
