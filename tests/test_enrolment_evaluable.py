"""Evaluable counts: shapes read on RCT abstracts in the seventh session, third round (sentences in our own words)."""

from __future__ import annotations

import pytest

from extractor.backends.rules import design
from extractor.structure import Sentence
from tests.test_enrolment import _counts


@pytest.mark.parametrize("sentence, counts", [
    # the arms' counts of the analysed set, summed: listed with "respectively"
    ("After exclusions, 310 and 295 patients, respectively, were analysed.", {"evaluable": 605}),
    ("120, 118, and 117 patients, respectively, were analyzed.", {"evaluable": 355}),
    # … each with its arm before the verb
    ("150 patients in the weekly group and 148 in the 3-weekly group were included in the analysis.", {"evaluable": 298}),
    ("After randomisation, 60 patients in group A and 62 patients in group B were analysed.", {"evaluable": 122}),
    ("Overall, 40 persons allocated to the control group and 44 to the intervention group were analysed.", {"evaluable": 84}),
    ("The remaining 21 Intervention Group and 19 Control Group participants were analysed.", {"evaluable": 40}),
    ("80 patients in the high-dose group and 79 in the low-dose group were included in the primary analysis.", {"evaluable": 159}),
    # … or after it
    ("Forty patients were analysed in the laser arm, and 38 patients in the surgery arm.", {"evaluable": 78}),
    ("Thirty infants were analysed in A and 31 in the B group.", {"evaluable": 61}),
    # … or after "the analysis included"
    ("The analysis included 52 patients in the ERP group and 50 in the usual care group.", {"evaluable": 102}),
    # not an analysis of a substudy, nor a denominator
    ("50 patients in the early group and 48 patients in the late group were included in the imaging substudy.", {}),
    # the whole with its per-group split
    ("Ten patients were excluded and 60 patients, 30 in each group, were evaluated.", {"evaluable": 60}),
    # entered and analysed
    ("Of 300 patients who consented, 210 patients were randomized and included in the full analysis set.",
     {"enrolled": 210, "evaluable": 210}),
    ("Two hundred women were recruited and analysed.", {"enrolled": 200, "evaluable": 200}),
    ("There were 80 patients included in the trial and 79 analysed.", {"enrolled": 80, "evaluable": 79}),
    # evaluated for the primary endpoint after a part's clause ("of whom N …")
    ("Forty were screened and 25 enrolled of whom 20 received at least 2 doses and thus evaluated for the primary endpoint.",
     {"screened": 40, "enrolled": 25, "evaluable": 20}),
    # the analysis named with its people
    ("This analysis included 320 patients.", {"enrolled": 320, "evaluable": 320}),
    ("The study analysis population consisted of 45 patients (A group, n = 15; B group, n = 15; C group, n = 15).",
     {"evaluable": 45}),
    ("In ITT analysis of 410 participants drug A reduced the score.", {"evaluable": 410}),
    ("In the per-protocol population of 230 patients, the response rate was 40%.", {"evaluable": 230}),
    ("The full analysis set comprised 112 patients.", {"evaluable": 112}),
    ("The efficacy population consisted of 98 patients.", {"evaluable": 98}),
    ("Tumour response was assessed in 87 patients.", {"evaluable": 87}),
    ("The present analysis included data from 9,000 patients in 12 studies.", {}),
    # the analysed set named by its specimens or data, reviewed or examined
    ("Tumour specimens from 640 patients were retrospectively examined.", {"evaluable": 640}),
    ("Data from 380 patients who received drug A (400 mg bid) as part of a phase 3 trial were reviewed.", {"evaluable": 380}),
    ("Statistical analysis included descriptive statistics and 2 regression models.", {}),
])
def test_evaluable_shapes(sentence: str, counts: dict[str, int]) -> None:
    assert _counts(sentence) == counts


def _document(*sentences: str) -> dict[str, int]:
    return design.enrollment([Sentence(0, len(s), s, "results", 0) for s in sentences])


@pytest.mark.parametrize("sentences, counts", [
    # the count analysed in each arm, doubled when the trial's count allows only two arms
    (("We randomised 151 patients and analysed 75 in each arm.",), {"enrolled": 151, "evaluable": 150}),
    (("In all, 250 patients were recruited.", "112 (90%) patients in each group were included in the analysis."),
     {"enrolled": 250, "evaluable": 224}),
    # … not when three arms could hold it
    (("A total of 300 patients were randomised.", "80 patients in each group were analysed."), {"enrolled": 300}),
])
def test_each_arms_analysed_count(sentences: tuple[str, ...], counts: dict[str, int]) -> None:
    assert _document(*sentences) == counts
