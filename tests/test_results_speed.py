"""The prefilters of the result rules (extractor.backends.rules.results) let through what their patterns find."""

from __future__ import annotations

import pytest

from extractor.backends.rules import results
from extractor.patterns import Keyed

#: For each key-gated pattern, phrases it finds (written in several cases: the keys are tested lowercased).
KEYED_EXAMPLES = {
    "_CHANGED_BY_BEFORE": ["decreased significantly BY ", "prolonged survival by "],
    "_CHANGE_IN_BEFORE": ["the Change in weight was ", "changes from baseline of BMD ("],
    "_OTHER_RATE": [", and the subtotal regression rate (TRG1b) was", "; the Pain Score was", ", and the QOL INDEX of",
                    ", the odds RATIO was"],
    "_HEAD_NOUN": ["the social continence rate WAS 55.3%", "hospital stay Were 4.49 days"],
    "_DIFFERENCE_IN": ["No significant DIFFERENCE was found in surgical margin status between"],
    "_CHANGE_OUTCOME": ["The CHANGE in vertebral BMD", "mean changes from baseline in weight"],
    "_DIFFERENCE_OF": ["the mean Difference in the average pain score between"],
    "_CONTINUED": ["the 5-year RATES were"],
    "_AT_BASELINE": ["renal impairment At Baseline", "at study ENTRY", "at Enrolment", "baseline characteristics"],
    "_RESPECTIVE_SUBGROUPS": ["in patients with stage III and those with stage IV, Respectively", "better for responders THAN for non-responders"],
    "_CONTRASTED_SUBGROUPS": ["Patients with high miR-21 had worse PFS (3.5 vs. 12.7 months) compared to patients with low miR-21"],
    "_RESPECTIVELY": ["9.6 and 19.3 months, RESPECTIVELY", "Accordingly"],
    "_DIFFERENCE_LABEL": ["mean between-group Difference, ", "(MD = "],
}


def test_every_keyed_pattern_has_examples() -> None:
    keyed = {name for name, value in vars(results).items() if isinstance(value, Keyed)}
    assert keyed == set(KEYED_EXAMPLES)


@pytest.mark.parametrize(("name", "phrase"), [(name, phrase) for name, phrases in KEYED_EXAMPLES.items() for phrase in phrases])
def test_keyed_pattern_lets_its_phrase_through(name: str, phrase: str) -> None:
    keyed: Keyed = getattr(results, name)
    assert keyed.pattern.search(phrase) is not None, "the example is one the pattern finds"
    assert keyed.search(phrase) is not None, "the keys let it through"
