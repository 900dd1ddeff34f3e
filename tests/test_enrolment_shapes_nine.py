"""Enrolment counts: shapes read on RCT abstracts in the sixth session, second round (sentences in our own words)."""

from __future__ import annotations

import pytest

from extractor.backends.rules import design
from tests.test_enrolment import _counts


@pytest.mark.parametrize("sentence, counts", [
    # enrolled: a results sentence opening on the whole, with two brackets before the part's count
    ("Of 480 adults (240 vaccine; placebo 240), (mean age 61.2 [vaccine 60.8; placebo 61.6] years), 402 were included "
     "in the according-to-protocol cohort for immunogenicity.", {"enrolled": 480, "evaluable": 402}),
    # … or on the people who entered the trial
    ("Of 150 patients who enrolled, 141 completed the study.", {"enrolled": 150, "completed": 141}),
    ("Of the 52 patients who participated in the study, six could not be included in the analysis.", {"enrolled": 52}),
    ("Of the 52 patients who relapsed, six died.", {}),
    # enrolled: "There were N people", then a bracket, a comma, a full stop or an entry word
    ("There were 410 eligible patients (205 drug A and 205 placebo).", {"enrolled": 410}),
    ("There were 44 hospitalised patients, with 22 in the exercise group and 22 in the control group.", {"enrolled": 44}),
    ("There were 90 patients included in the trial and 88 analysed.", {"enrolled": 90, "evaluable": 88}),
    ("There were 31 patients with grade 3 neutropenia.", {}),
    ("There were 52 participants included in this analysis.", {"evaluable": 52}),
    ("There were 29 patients with type A and 27 with type B.", {}),
    ("There were 40 patients in each group.", {}),
    ("In each arm, there were 36 patients.", {}),
    # evaluable: the analysis named by one word, and "analysis was performed on the N"
    ("In all, 212 women (91% of randomised) returned the baseline questionnaire and were included in the QOL analysis.",
     {"evaluable": 212}),
    ("A total of 1820 patients (88%) were included in the longitudinal analysis.", {"evaluable": 1820}),
    ("A total of 140 patients were included in the subgroup analysis.", {}),
    ("Overall, 160 patients were enrolled, and analysis was performed on the 151 patients who completed the study.",
     {"enrolled": 160, "evaluable": 151}),
    # … not one arm's count before "and N"
    ("25 patients in the A group and 27 patients in the B arm completed the study and were included in the data analysis.", {}),
    # completed: the verb ends the clause
    ("Eighty patients were enrolled and 76 completed.", {"enrolled": 80, "completed": 76}),
    ("Ninety participants were randomised and 81 (drug n = 40; placebo n = 41) completed.", {"enrolled": 90, "completed": 81}),
    ("Of 64 patients with asthma that entered the study, 58 patients completed it.", {"enrolled": 64, "completed": 58}),
    ("In part B, 22 and 19 completed.", {}),
    ("Twenty patients in the A group completed.", {}),
    # enrolled: "Included patients (n = N)", "We recruited participants (N=N)"
    ("Included patients (n = 72) received home nutrition after surgery.", {"enrolled": 72, "treated": 72}),
    ("We recruited participants (N=150) who reported insomnia.", {"enrolled": 150}),
    ("The planned efficacy analysis included patients (n = 210) enrolled in the follow-up study.", {"evaluable": 210}),
    # enrolled: not one arm's, when the other arm's count "received"
    ("Forty patients were randomized to receive drug A, and 41 patients received no drug A.", {}),
    # enrolled: a long description of the people before "were included"
    ("A total of 300 healthy adults between 50 and 90 years of age without previous vaccination against the disease "
     "within the previous 5 years were included.", {"enrolled": 300}),
    ("Forty newborns with pneumonia admitted to the hospital between 2014 and 2015 were selected and included as an "
     "observation group.", {}),
    # enrolled: people described by a participle before their count in brackets
    ("Outpatients diagnosed with major depression (n = 96) receiving drug A were randomized to B or C.", {"enrolled": 96}),
    # completed: a fraction in brackets, "of these people", a bracket after the people, "a" / "this" before the study
    ("Ninety percent (90%) (45/50) of women completed the study.", {"completed": 45}),
    ("In all, 70% (70/100) completed 48 weeks on study.", {"completed": 70}),
    ("Most, 80% (32/40) of these participants completed the trial.", {"completed": 32}),
    ("Fifty patients (70% male, mean age 40 ± 9 years) completed the intervention.", {"completed": 50}),
    ("Seventeen adults with metabolic syndrome completed this randomised crossover study.", {"completed": 17}),
    ("Sixty older adults (age 76 ± 6) with a history of falls completed a three-month exercise programme.", {"completed": 60}),
    ("Between 2015 and 2016, 120 participants with a cervix completed a one-time study visit.", {}),
    # treated: short brackets in the description of the people
    ("In this study, 500 patients with early rheumatoid arthritis (RA) or undifferentiated arthritis (UA) were treated "
     "with drug A.", {"treated": 500}),
])
def test_enrolment_shapes_nine(sentence: str, counts: dict[str, int]) -> None:
    assert _counts(sentence) == counts


def test_there_were_needs_the_sentence_start() -> None:
    assert design._THERE_WERE.match("Overall there were 40 patients.") is None
