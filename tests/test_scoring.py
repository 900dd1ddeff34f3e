"""The scoring rules of design/trial-record.md, one by one."""

from __future__ import annotations

import pytest

from extractor.evaluation.gold import GoldFile
from extractor.evaluation.scoring import (
    Counts,
    is_grounded,
    labels_match,
    pair_trials,
    results_match,
    score_all,
    score_document,
    score_list,
    score_scalar,
)
from extractor.grounding import value_in
from extractor.models import DocumentResult

TEXT = "The ORR was 56.5% (95% CI 41.1–71.1) and median PFS was 15·74 months; median OS not reached."


def gold(trials, **kw):
    return GoldFile.model_validate({"doc_id": "d", "source": "test", "text": TEXT,
                                    "is_trial_report": kw.pop("is_trial_report", True), "trials": trials, **kw})


def pred(trials, is_trial_report=True):
    return DocumentResult.model_validate({"doc_id": "d", "is_trial_report": is_trial_report, "trials": trials})


def result(**kw):
    base = {"endpoint": "ORR", "measure": "proportion", "value": 56.5, "unit": "percent",
            "evidence": "The ORR was 56.5%"}
    return {**base, **kw}


# --- scalar rule -----------------------------------------------------------

@pytest.mark.parametrize(("g", "p", "expected"), [
    ("randomized", "randomized", (1, 0, 0)),   # equal: TP
    ("randomized", None, (0, 0, 1)),           # missing: FN
    ("randomized", "single_arm", (0, 1, 1)),   # wrong: FN and FP
    (None, "single_arm", (0, 1, 0)),           # gold null, unwanted value: FP
    (None, None, (0, 0, 0)),                   # both say nothing: not counted
])
def test_scalar_rule(g, p, expected):
    c = score_scalar(g, p)
    assert (c.tp, c.fp, c.fn) == expected


def test_absent_key_is_not_scored_but_null_is():
    absent = score_document(gold([{"role": "reported"}]), pred([{"role": "reported", "allocation": "randomized"}]))
    assert absent.count("allocation").fp == 0
    null = score_document(gold([{"role": "reported", "allocation": None}]),
                          pred([{"role": "reported", "allocation": "randomized"}]))
    assert null.count("allocation").fp == 1


def test_phases_compare_as_sets_and_acronyms_ignore_case_and_punctuation():
    s = score_document(
        gold([{"role": "reported", "phases": ["PHASE2", "PHASE1"], "acronym": "EDGE-Gastric"}]),
        pred([{"role": "reported", "phases": ["PHASE1", "PHASE2"], "acronym": "edge gastric"}]),
    )
    assert s.count("phases").tp == 1 and s.count("acronym").tp == 1


def test_enrollment_counts_are_separate_scalars():
    s = score_document(gold([{"role": "reported", "enrollment": {"screened": 53, "enrolled": None}}]),
                       pred([{"role": "reported", "enrollment": {"screened": 53, "enrolled": 46}}]))
    assert s.count("enrollment.screened").tp == 1
    assert s.count("enrollment.enrolled").fp == 1


def test_is_trial_report_is_scored():
    s = score_document(gold([], is_trial_report=False), pred([], is_trial_report=True))
    assert (s.count("is_trial_report").fp, s.count("is_trial_report").fn) == (1, 1)


# --- list rule -------------------------------------------------------------

def test_list_rule_is_micro_over_normalised_elements():
    s = score_document(
        gold([{"role": "reported", "registry_ids": ["NCT01234567"], "countries": ["United Kingdom", "Ireland"]}]),
        pred([{"role": "reported", "registry_ids": ["NCT01234567", "ISRCTN12345678"], "countries": ["united  kingdom"]}]),
    )
    assert (s.count("registry_ids").tp, s.count("registry_ids").fp) == (1, 1)
    assert (s.count("countries").tp, s.count("countries").fn) == (1, 1)
    assert score_list(None, ["x"]).fp == 1  # gold null/[]: any prediction is a false positive


def test_interventions_skip_placebo_and_endpoints_are_canonical_role_pairs():
    arms_gold = [{"label": "A", "interventions": [{"name": "Sac-TMT", "type": "biological"}]},
                 {"label": "B", "interventions": [{"name": "placebo", "type": "other"}]}]
    arms_pred = [{"label": None, "interventions": [{"name": "sac TMT", "type": "drug"},
                                                   {"name": "Placebo", "type": "other"}]}]
    s = score_document(
        gold([{"role": "reported", "arms": arms_gold,
               "endpoints": [{"name": "ORR", "canonical": "ORR", "role": "primary"}]}]),
        pred([{"role": "reported", "arms": arms_pred,
               "endpoints": [{"name": "response", "canonical": "ORR", "role": "secondary"}]}]),
    )
    assert (s.count("interventions").tp, s.count("interventions").fp) == (1, 0)
    assert (s.count("endpoints").tp, s.count("endpoints").fp, s.count("endpoints").fn) == (0, 1, 1)


# --- pairing ---------------------------------------------------------------

def test_pairing_order_registry_then_acronym_then_interventions():
    g = gold([{"role": "summarized", "acronym": "CORRECT"},
              {"role": "reported", "registry_ids": ["NCT04745130"]},
              {"role": "summarized", "arms": [{"interventions": [{"name": "lenvatinib", "type": "drug"}]}]}]).trials
    p = pred([{"role": "summarized", "arms": [{"interventions": [{"name": "Lenvatinib", "type": "drug"}]}]},
              {"role": "reported", "registry_ids": ["NCT04745130"], "acronym": "CORRECT"},
              {"role": "summarized", "acronym": "correct"}]).trials
    assert pair_trials(list(g), p) == [(0, 2), (1, 1), (2, 0)]


def test_unpaired_trials_count_against_both_sides():
    s = score_document(gold([{"role": "reported", "acronym": "ROME", "allocation": "randomized",
                              "results": [result()]}]),
                       pred([{"role": "summarized", "acronym": "OTHER", "results": [result(value=10.0)]}]))
    assert (s.count("trials").fp, s.count("trials").fn) == (1, 1)
    assert s.count("allocation").fn == 1          # the unpaired gold trial misses its fields
    assert (s.count("results").fp, s.count("results").fn) == (1, 1)


# --- results ---------------------------------------------------------------

def test_result_matching_rule():
    from extractor.models import Result

    g = Result.model_validate(result(arm="Arm A", subgroup="PD-L1 CPS ≥ 1"))
    assert results_match(g, Result.model_validate(result(value=56.54, arm="arm a", subgroup="PD-L1 CPS >= 1")))
    assert not results_match(g, Result.model_validate(result(value=56.6, arm="Arm A", subgroup="PD-L1 CPS ≥ 1")))
    assert not results_match(g, Result.model_validate(result(arm="Arm B", subgroup="PD-L1 CPS ≥ 1")))
    assert not results_match(g, Result.model_validate(result(unit=None, arm="Arm A", subgroup="PD-L1 CPS ≥ 1")))
    assert not results_match(g, Result.model_validate(result(arm="Arm A")))  # subgroup missing


def test_each_gold_result_matches_once_and_ci_bounds_score():
    s = score_document(
        gold([{"role": "reported", "results": [result(ci_low=41.1, ci_high=71.1)]}]),
        pred([{"role": "reported", "results": [result(ci_low=41.1, ci_high=70.0), result()]}]),
    )
    assert (s.count("results").tp, s.count("results").fp) == (1, 1)
    assert s.count("results.ci_low").tp == 1
    assert (s.count("results.ci_high").fp, s.count("results.ci_high").fn) == (1, 1)


def test_results_not_exhaustive_is_recall_only():
    s = score_document(
        gold([{"role": "reported", "results_exhaustive": False, "results": [result()]}]),
        pred([{"role": "reported", "results": [result(), result(value=21.4)]}]),
    )
    assert (s.count("results").tp, s.count("results").fp, s.count("results").fn) == (1, 0, 0)


def test_not_reached_medians_match():
    from extractor.models import Result

    nr = dict(endpoint="OS", measure="median", value=None, unit="months", not_reached=True, evidence="not reached")
    assert results_match(Result.model_validate(nr), Result.model_validate(nr))


# --- grounding and totals --------------------------------------------------

def test_grounding():
    from extractor.models import Result

    assert is_grounded(Result.model_validate(result(evidence="ORR was 56.5% (95% CI 41.1-71.1)")), TEXT)
    assert is_grounded(Result.model_validate(result(endpoint="PFS", measure="median", value=15.74, unit="months",
                                                    evidence="median PFS was 15·74 months")), TEXT)
    assert not is_grounded(Result.model_validate(result(evidence="The ORR was 65.5%")), TEXT)
    assert not is_grounded(Result.model_validate(result(value=41.0, evidence="The ORR was 56.5%")), TEXT)


@pytest.mark.parametrize(
    ("value", "evidence", "held"),
    [
        (2, "There were two treatment-related deaths", True),
        (31, "Thirty-one percent responded", True),
        (159, "one hundred and fifty-nine patients", True),
        (0, "No treatment-related deaths were observed.", True),
        (1, "with a single dose-limiting toxicity", True),
        (9, "Nine patients discontinued", True),
        (0, "Patients did not respond", False),  # "not" is not "no"
        (1, "Everyone responded", False),  # "one" inside a word
        (2, "twenty-two patients", False),
        (22, "twenty-two patients", True),
        (4.5, "four point five", False),
    ],
)
def test_values_written_in_words_are_grounded(value, evidence, held):
    assert value_in(value, evidence) is held


def test_labels_match_normalises():
    assert labels_match("cohort 1B", "1B") and labels_match(None, None)
    assert not labels_match("cohort 1A", "cohort 1B") and not labels_match("TT", None)


def test_report_headline():
    g = [gold([{"role": "reported", "allocation": "randomized", "results": [result(evidence="The ORR was 56.5%")]}])]
    report = score_all(g, {"d": pred([{"role": "reported", "allocation": "randomized",
                                       "results": [result(evidence="The ORR was 56.5%")]}])})
    assert report.results_f1 == 1.0 and report.grounded_share == 1.0
    assert report.field_f1 == 1.0
    missing = score_all(g, {})
    assert missing.fields["trials"].fn == 1 and missing.results_f1 == 0.0
    assert Counts(tp=1, fp=1, fn=0).precision == 0.5


@pytest.mark.parametrize("gold, predicted, same", [
    ("PD-L1 CPS >= 1", "PD-L1 CPS ≥ 1", True),
    ("PD-L1-negative", "PD-L1 negative", True),
    ("PDL1 positive", "PD-L1-positive", True),
    ("Asian patients", "Asian patient", True),
    ("patients with liver metastases", "liver metastases", True),
    ("patients with liver metastases", "patients without liver metastases", False),
    ("liver metastases", "without liver metastases", False),
    ("Asian patients", "non-Asian patients", False),
    ("PD-L1", "PD-L1-negative", False),
    ("no prior therapy", "prior therapy", False),
    ("experimental arm", "experimental", True),
])
def test_subgroup_labels_match_as_the_contract_says(gold, predicted, same):
    assert labels_match(gold, predicted) is same
