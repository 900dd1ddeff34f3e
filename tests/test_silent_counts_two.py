"""Shares of two arms compared in a bracketed pair after an outcome no endpoint names (results.py's
``_compared_shares_outcome``), and a time before a bracketed share that is no count of people, one test per shape."""

from __future__ import annotations

import pytest

from tests.test_rules import _sentence_results


def _results(sentence, arms=()):
    return [(d.endpoint, d.measure, d.value, d.arm, d.name, d.numerator) for d in _sentence_results(sentence, list(arms))]


@pytest.mark.parametrize("sentence, arms, expected", [
    # the outcome the clause's words before "was higher" name
    ("The hysterectomy rate during the follow-up period was significantly higher in the NET group (57.4% vs.22%, p<0.001).",
     ["NET", "UAE"], [("OTHER", "proportion", 57.4, "NET", "hysterectomy rate during the follow-up period", None)]),
    # "More patients in A than in B were X": what they were
    ("More patients in the high-dose group than in the low-dose group were hospitalized for at least 3 days (36.3% vs. "
     "13.0%, P<0.001).", ["high-dose", "low-dose"],
     [("OTHER", "proportion", 36.3, "high-dose", "hospitalized for at least 3 days", None),
      ("OTHER", "proportion", 13.0, "low-dose", "hospitalized for at least 3 days", None)]),
    # "had a greater X than those …": what they had more of
    ("Patients receiving 48 weeks of treatment had a greater SVR rate than those receiving 24 weeks of treatment (70.2% "
     "versus 46.2%, P = 0.001).", ["48 weeks", "24 weeks"],
     [("OTHER", "proportion", 70.2, "48 weeks", "SVR rate", None),
      ("OTHER", "proportion", 46.2, "24 weeks", "SVR rate", None)]),
    # each share with its arm after it, compared as "not different"
    ("The proportion of patients without progression at 2 years was not statistically significantly different between "
     "the two treatment arms (40.0% for PT versus 37.5% for TC).", ["PT", "TC"],
     [("PFS", "rate_at_time", 40.0, "PT", None, None), ("PFS", "rate_at_time", 37.5, "TC", None, None)]),
    # "a trend towards fewer X in the A group (a% vs b% in the B group)"
    ("There was a trend (p=0.13) towards fewer severe bleeds in the fondaparinux group (1.0% vs 1.3% in the control "
     "group).", ["fondaparinux", "control"],
     [("OTHER", "proportion", 1.0, "fondaparinux", "severe bleeds", None),
      ("OTHER", "proportion", 1.3, "control", "severe bleeds", None)]),
])
def test_an_outcome_whose_shares_a_bracketed_pair_compares(sentence, arms, expected):
    assert _results(sentence, arms) == expected


@pytest.mark.parametrize("sentence, arms", [
    # who the patients were
    ("Male sex was more common in the A group (60% vs 55%).", ["A", "B"]),
    # no arm named: the pair is no arm's
    ("Patients reported increased leakage with a full bladder between the 2 and 3-year questionnaires (42% versus 50%; "
     "P = 0.03).", ["A", "B"]),
])
def test_what_no_compared_pair_names(sentence, arms):
    assert [x for x in _results(sentence, arms) if x[0] == "OTHER"] == []


def test_a_time_before_a_bracketed_share_counts_no_one():
    sentence = "Early rebleeding within 6 weeks was lower in the prophylactic group (4.8% vs. 20.7%, p=0.012)."
    assert all(x[5] != 6 for x in _results(sentence, ["prophylactic", "control"]))
    sentence = "Recurrence was lower with DP than with AL after 28 d (11% versus 29%)."
    assert all(x[5] != 28 for x in _results(sentence, ["DP", "AL"]))
    sentence = "Percentage of treatment failure were similar in placebo and zinc arms on day 5 (14.0% vs 14.1%)."
    assert [x[2:4] + x[5:] for x in _results(sentence, ["placebo", "zinc"])] == [(14.0, "placebo", None), (14.1, "zinc", None)]


def test_there_was_names_no_outcome():
    from extractor.backends.rules.arms import ArmDraft, arm_mentions
    from extractor.backends.rules.results import _compared_shares_outcome
    from extractor.structure import Sentence

    text = "With misoprostol, there were more in the misoprostol group (65.8% vs. 81.5%, p < 0.05)."
    arms = [ArmDraft(a, [a]) for a in ("misoprostol", "dinoprostone")]
    assert _compared_shares_outcome(Sentence(0, len(text), text, "results", 0), lambda t: arm_mentions(t, arms)) == []
