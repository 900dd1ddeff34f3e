"""Enrolment counts: treated, evaluable and enrolled shapes read on the second night (sentences in our own words)."""

from __future__ import annotations

import pytest

from tests.test_enrolment import _counts


@pytest.mark.parametrize("sentence, counts", [
    # evaluable: the analysed set named by its data
    ("Data from 161 patients have been analyzed.", {"evaluable": 161}),
    ("Data from forty women (20 per group) were analysed.", {"evaluable": 40}),
    ("A total of 438 patients underwent randomization; data could be analyzed for 421.",
     {"enrolled": 438, "evaluable": 421}),
    ("Data analysis was conducted on 14 out of the 16 participants because two withdrew.", {"evaluable": 14}),
    # evaluable: the intention-to-treat set (not the enrolled; not two studies' sets)
    ("The intention-to-treat population consisted of 284 patients.", {"evaluable": 284}),
    ("The intent-to-treat analysis included 211 persons.", {"evaluable": 211}),
    ("The intention-to-treat analysis included 46 patients in the A group and 45 in the B group.", {}),
    ("The intent-to-treat population included 712 and 267 subjects from studies one and two.", {}),
    # evaluable: remained assessable; answered the questionnaire; tissue adequate; included in this analysis
    ("Of these patients 88 remained assessable at the 1-year follow-up.", {"evaluable": 88}),
    ("Among 115 women from 21 centres, 107 (93%) answered a self-administered questionnaire.",
     {"enrolled": 115, "evaluable": 107}),
    ("Forty-six patients returned the questionnaires on body image.", {"evaluable": 46}),
    ("In 127 of these patients, tissue was adequate for central review.", {"evaluable": 127}),
    ("There were 48 participants included in this analysis.", {"evaluable": 48}),
    # treated: the safety population with its count in brackets
    ("Patients given drug A at any time (N=1240) constituted the overall safety population.", {"treated": 1240}),
    ("The safety population (n = 352) was balanced.", {"treated": 352}),
    # enrolled: the denominator of "a/b patients completed" (not one arm's)
    ("11/18 patients completed treatment as per protocol.", {"enrolled": 18, "completed": 11}),
    ("26/27 drug A and 23/23 placebo patients completed month 4.", {}),
    # enrolled: a results sentence opening on the whole, described by how it entered
    ("Of the 15 participants who underwent baseline testing, 10 (67%) withdrew.", {"enrolled": 15}),
    ("Out of the 30 patients who were enrolled, 15 received drug A.", {"enrolled": 30}),
    ("Of the 54 patients who relapsed, 20 died.", {}),
    # enrolled when none is printed: what "we" studied (not two studies' counts)
    ("We examined how massage influenced anxiety in 12 breast cancer patients in an open trial.", {"enrolled": 12}),
    ("In this randomized trial, we compared drug A with placebo on cognition of 40 young adults with DS.", {}),
    ("We conducted two crossover studies of drug A in 24 and 16 subjects, respectively.", {}),
    # enrolled: a reduced clause, a description before "participated"
    ("This was a randomized double-blinded study conducted on 90 patients who needed intubation.", {"enrolled": 90}),
    ("Twenty patients with knee and/or hip OA between 50 and 80 years of age participated in the pilot study.",
     {"enrolled": 20}),
    ("Fifty-one individuals with self-reported symptoms and 132 matched controls participated in a test.", {}),
    # hundreds joined by a hyphen
    ("Three-hundred-and-six patients were included.", {"enrolled": 306}),
    ("One-hundred and five patients were enrolled.", {"enrolled": 105}),
    ("Two-hundred seventeen women were randomized.", {"enrolled": 217}),
    # not counts of people: a name's number, a time, practices, stages
    ("The study could not confirm the value of TIMP-1 immunoreactivity in patients randomized to A or B.", {}),
    ("The trial evaluated ovarian function at 12 months in women randomised to chemotherapy with or without goserelin.", {}),
    ("A trial of antibiotics conducted in 16 primary care practices networks recruited participants.", {}),
    ("The present study is a randomized trial conducted in four stages on 180 subjects.", {}),
])
def test_enrolment_recall_shapes(sentence: str, counts: dict[str, int]) -> None:
    assert _counts(sentence) == counts
