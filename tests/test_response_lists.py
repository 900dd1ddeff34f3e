"""Response categories counted in a list ("Nine CR and twenty-seven PR", "seven complete and 23 partial responses"):
results.py's ``_listed_responses`` and the steps that give the list's shares and arms their owners, one test per
phrase shape."""

from __future__ import annotations

import pytest

from tests.test_rules import _sentence_results


def _counts(sentence, arms=()):
    return [(d.endpoint, d.value, d.arm) for d in _sentence_results(sentence, list(arms)) if d.measure == "count"]


@pytest.mark.parametrize("sentence, arms, expected", [
    # abbreviations counted per arm, a rate printed beside them
    ("Nine CR and twenty-seven PR were obtained on one hundred eleven evaluable patients treated in experimental arm "
     "(RR = 32%), while two CR and eleven PR were observed among one hundred three evaluable patients in control arm "
     "(RR = 13%).", ["experimental", "control"],
     [("CR_RATE", 9.0, "experimental"), ("PR", 27.0, "experimental"), ("CR_RATE", 2.0, "control"), ("PR", 11.0, "control")]),
    # cases counted
    ("In the trial group there was 1 CR case and 12 PR cases.", ["trial", "control"],
     [("CR_RATE", 1.0, "trial"), ("PR", 12.0, "trial")]),
    ("The combined treatment group demonstrated 13 cases of complete remission and 22 cases of partial remission.",
     ["combined treatment", "control"], [("CR_RATE", 13.0, "combined treatment"), ("PR", 22.0, "combined treatment")]),
    # a zero and the stable ones in a bracketed list
    ("28.9% of patients (22 of 76 patients) responded (no CRs, 1 PR, and 21 SDs).", [],
     [("CR_RATE", 0.0, None), ("PR", 1.0, None), ("OTHER", 21.0, None)]),
])
def test_abbreviated_and_cased_response_lists(sentence, arms, expected):
    assert _counts(sentence, arms) == expected


@pytest.mark.parametrize("sentence, expected", [
    # "complete" borrows the list's "responses", counted though the rate's percentage is near
    ("The objective response rate was 26% (95% CI, 18.2% to 34.4%), with seven complete and 23 partial responses.",
     [("CR_RATE", 7.0, None), ("PR", 23.0, None)]),
    ("In the 89 CT-arm patients, 18 ORs (20.2%) (three complete responders [CRs] and 15 partial responders [PRs]) were "
     "observed.", [("CR_RATE", 3.0, None), ("PR", 15.0, None)]),
    # a lone count of "CR" may be something else; bare "complete" no response word names is no response
    ("Six CR clinicians rated the images.", []),
    ("There were 12 complete and 3 partial resections.", []),
])
def test_worded_response_lists(sentence, expected):
    assert _counts(sentence) == expected


def test_bare_categories_named_before_take_the_arm_and_leave_the_rate():
    sentence = ("Responses were one complete and 44 partial on arm A (28%) and two complete and 61 partial (41%) on arm B "
                "(P = .018).")
    found = [(d.endpoint, d.measure, d.value, d.arm) for d in _sentence_results(sentence, ["arm A", "arm B"])]
    assert found == [("CR_RATE", "count", 1.0, "arm A"), ("PR", "count", 44.0, "arm A"), ("ORR", "proportion", 28.0, "arm A"),
                     ("CR_RATE", "count", 2.0, "arm B"), ("PR", "count", 61.0, "arm B"), ("ORR", "proportion", 41.0, "arm B")]
