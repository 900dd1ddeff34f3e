"""One notion of grounding: what the rule backend writes, the LLM validators and the scorer accept alike."""

from __future__ import annotations

import pytest

from extractor.backends.llm.response import Extraction
from extractor.documents import Document
from extractor.grounding import Grounder, holds_value
from extractor.readers import read_documents
from extractor.scoring import is_grounded
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
