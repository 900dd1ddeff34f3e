"""Enrolment counts: shapes read on RCT abstracts in the sixth session (sentences in our own words)."""

from __future__ import annotations

import pytest

from extractor.backends.rules.text import without_asides
from tests.test_enrolment import _counts


@pytest.mark.parametrize("sentence, counts", [
    # enrolled: a count that consented or agreed to take part
    ("Of those eligible, 90 (70%) were sent the leaflet, of which 31 (34%) consented to participate in the study.",
     {"enrolled": 31}),
    ("A total of 210 pupils agreed to take part in the study.", {}),  # pupils: not a people noun here
    ("A total of 210 students agreed to take part in the study.", {"enrolled": 210}),
    ("Of 300 approached, 160 (53%) agreed to participate, and 140 were randomised.", {"enrolled": 140}),
    # enrolled: the count reached, not the target
    ("Between 2001 and 2004, 212 of the 400 planned patients were randomly assigned.", {"enrolled": 212}),
    # enrolled: a long description of the people before the verb, nested brackets in it
    ("Seventy adults with a 15% increase in arm volume at a median of 9 years (range 1-30) after radiotherapy to the "
     "axilla (and axillary surgery in 40/70 (57%) cases) were randomised to drug A or placebo.", {"enrolled": 70}),
    ("A total of 410 adults with cancer of the lung (40%; 80 in the usual care group vs 84 in the intervention group), "
     "breast (30%; 61 vs 62), colon (20%; 41 vs 40) and prostate (10%) were randomized.", {"enrolled": 410}),
    # enrolled: people, a description, then "participated in the study"
    ("Fifty-five women (60 +/- 8 years), with a 10% lymphedema relative volume, participated in the study.",
     {"enrolled": 55}),
    ("A total of 80 subjects of both sexes participated in the randomized trial.", {"enrolled": 80}),
    ("Twenty healthy males (25.1 ± 3.0 years) identified as regular coffee drinkers participated in this study.",
     {"enrolled": 20}),
    # … not two groups' counts, nor "who participated"
    ("Forty patients with migraine and 80 age-matched controls participated in an open test.", {}),
    ("Of the 40 patients who participated in the study, seven were excluded from the analysis.", {"enrolled": 40}),  # the whole (h-enrol9)
    # enrolled: a count written "N = 240" (not a threshold)
    ("N = 240 patients were randomised to two groups.", {"enrolled": 240}),
    ("We randomised N = 180 adults to exercise or usual care.", {"enrolled": 180}),
    ("A total of N = 96 women were randomised.", {"enrolled": 96}),
    ("Patients with a score = 80 were enrolled.", {}),
    # enrolled: "were <done> and (then) randomized", "were admitted to the study", workers
    ("Forty consecutive children with nephrotic syndrome were biopsied and then randomized to drug A or drug B.",
     {"enrolled": 40}),
    ("Thirty-six adults with heart failure were selected and randomly assigned to two groups.", {"enrolled": 36}),
    ("Eighteen patients with neuropathic pain on a stable opioid dose were admitted to the study.", {"enrolled": 18}),
    ("Sixty-two office workers reporting neck pain were randomly assigned to A or B.", {"enrolled": 62}),
    # … not the whole population when another count opens the clause before the verb, nor a nationality
    ("Of 1,200 patients from the A trial, 150 (12.5%) were Korean and randomized to A or B.", {}),
    ("Ninety patients aged 18 to 65 years, 40 of them women, were randomized to A or B.", {"enrolled": 90}),
    # evaluable: leaving N for evaluation, eligible and analyzable
    ("Twelve patients were excluded after review, leaving 130 patients eligible for evaluation.", {"evaluable": 130}),
    ("The group accrued 81 patients, of whom 79 were eligible and analyzable.", {"enrolled": 81, "evaluable": 79}),
    # evaluable: material available from N, an analysis done on N people
    ("Of 140 enrolled patients, plasma was available for analysis in 118.", {"enrolled": 140, "evaluable": 118}),
    ("Among 500 women randomly assigned to drug A, adequate tumour tissue was available from 210.",
     {"enrolled": 500, "evaluable": 210}),
    ("Of 170 patients who were registered, analysis was conducted on 161 patients (80 on A and 81 on B).",
     {"enrolled": 170, "evaluable": 161}),
    ("The analyses were performed in 388 children who completed both visits.", {"evaluable": 388}),
])
def test_enrolment_shapes_eight(sentence: str, counts: dict[str, int]) -> None:
    assert _counts(sentence) == counts


def test_unbracketed_removes_nested_brackets() -> None:
    assert without_asides("with swelling (plus surgery in 40/70 (57%) cases) after") == "with swelling  after"
