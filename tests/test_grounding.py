"""One notion of grounding: what the rule backend writes, the LLM validators and the scorer accept alike."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from extractor.backends.llm.response import Extraction
from extractor.documents import Document
from extractor.evaluation.scoring import is_grounded
from extractor.grounding import Grounder, holds_value
from extractor.models import Result
from extractor.readers import read_documents
from extractor.testing.fake_openai import rules_responder
from tests.conftest import EXAMPLES


def test_rule_records_pass_the_llm_validators_and_the_scorer():
    """The fake server answers with the rule backend's records: none of them may need a re-ask."""
    checked = 0
    for doc in read_documents([str(EXAMPLES)]):
        assert isinstance(doc, Document)
        answer = Extraction.model_validate(rules_responder(doc.text), context={"document": doc.text})
        for trial in answer.records():
            for result in trial.results:
                assert is_grounded(result, doc.text), (doc.doc_id, result.evidence)
                checked += 1
    assert checked > 100


@pytest.mark.parametrize(
    ("quote", "found"),
    [("median PFS was 15·74 months", True), ("median  PFS was 15·74\nmonths", True),
     ("HR 0.65 (0.5–0.8)", True), ("HR 0.65 (0.5-0.8)", True), ("median OS was 15 months", False)],
)
def test_quotes_are_found_verbatim_or_normalised(quote, found):
    text = "The median PFS was 15·74 months; HR 0.65 (0.5–0.8)."
    located = Grounder(text).find(quote)
    assert (located is not None) is found
    if located:
        start, exact = located
        assert text[start:start + len(exact)] == exact


def test_negative_values_with_a_unicode_minus_are_held():
    assert holds_value("mean difference = −3.76 (95% CI −5.1 to −2.4)", -3.76, False)
    assert holds_value("b = –29.4", -29.4, False)
    assert not holds_value("b = 29.4", -29.4, False)


def test_not_reached_in_the_perfect_tense():
    assert holds_value("the median OS has not been reached", None, True)


NR_TEXT = ("In this single-arm phase II trial (NCT01234567), 46 patients were enrolled. The objective response "
           "rate was 56.5% (95% CI 41.1–71.1). Median overall survival was not reached; median PFS was 9.1 months.")
ORR = {"endpoint": "ORR", "measure": "proportion", "value": 56.5, "unit": "percent", "ci_low": 41.1,
       "ci_high": 71.1, "evidence": "The objective response rate was 56.5% (95% CI 41.1–71.1)."}
OS_NR = {"endpoint": "OS", "measure": "median", "unit": "months", "not_reached": True,
         "evidence": "Median overall survival was not reached"}


def _validate(result: dict) -> Extraction:
    answer = {"is_trial_report": True, "trials": [{"role": "reported", "results": [result]}]}
    return Extraction.model_validate(answer, context={"document": NR_TEXT})


@pytest.mark.parametrize("result", [ORR, OS_NR])
def test_the_llm_validator_keeps_a_quote_holding_its_result(result):
    assert _validate(result).trials[0].results[0].evidence_start == NR_TEXT.index(result["evidence"])


@pytest.mark.parametrize(
    ("result", "message"),
    [({**ORR, "value": 65.5, "ci_low": 41.1}, "does not contain the value 65.5"),
     ({**OS_NR, "evidence": "median PFS was 9.1 months"}, "does not contain the value not reached")],
)
def test_the_llm_validator_refuses_a_verbatim_quote_without_its_result(result, message):
    with pytest.raises(ValidationError, match=message):
        _validate(result)


def test_not_reached_needs_words_that_say_so():
    assert holds_value("Median overall survival was not reached", None, True)
    assert holds_value("median OS: NR (95% CI 20.1-NE)", None, True)
    assert not holds_value("median PFS was 9.1 months", None, True)
    assert not holds_value("Median overall survival was not reached", None, False)
    nr = Result(endpoint="OS", measure="median", unit="months", not_reached=True,
                evidence="median PFS was 9.1 months")
    assert not is_grounded(nr, NR_TEXT)
    assert is_grounded(nr.model_copy(update={"evidence": "Median overall survival was not reached"}), NR_TEXT)


def test_locate_trusts_a_right_offset_and_finds_a_wrong_one():
    from extractor.grounding import locate

    text = "ORR was 40%. Later: ORR was 40%."
    assert locate(text, "ORR was 40%", 20) == 20  # the second occurrence, as the offset says
    assert locate(text, "ORR was 40%", 3) == 0  # a stale offset: the first occurrence
    assert locate(text, "ORR was 40%", None) == 0
    assert locate(text, "ORR was 41%", 0) is None and locate(text, "", 0) is None


DIFF_TEXT = "The response rate was 20% lower with A than with B (difference -20.0%, 95% CI -31.2 to -8.8)."


def test_a_percentage_difference_may_be_negative_but_a_proportion_stays_within_0_to_100():
    difference = {"endpoint": "ORR", "measure": "difference", "value": -20.0, "unit": "percent", "ci_low": -31.2,
                  "ci_high": -8.8, "evidence": "difference -20.0%, 95% CI -31.2 to -8.8"}
    answer = {"is_trial_report": True, "trials": [{"role": "reported", "results": [difference]}]}
    assert Extraction.model_validate(answer, context={"document": DIFF_TEXT}).trials[0].results[0].value == -20.0
    proportion = {**difference, "measure": "proportion"}
    answer = {"is_trial_report": True, "trials": [{"role": "reported", "results": [proportion]}]}
    with pytest.raises(ValidationError, match="percentage outside 0-100"):
        Extraction.model_validate(answer, context={"document": DIFF_TEXT})
