"""Enrolment counts: treated, evaluable, completed and enrolled shapes read on the fourth session (sentences in our own words)."""

from __future__ import annotations

import pytest

from tests.test_enrolment import _counts


@pytest.mark.parametrize("sentence, counts", [
    # evaluable: "are included", "analyses", no article; not the enrolled
    ("A total of 75 men were registered; 71 are included in the analysis.", {"enrolled": 75, "evaluable": 71}),
    ("Only 62 adults were included in the final analyses because of losses to follow-up.", {"evaluable": 62}),
    ("Of 163 people assessed, 118 were randomised and 114 participants were included in analyses.",
     {"enrolled": 118, "evaluable": 114}),
    ("A total of 76 adults were randomized and received drug A, but only 62 adults were included in the final analyses.",
     {"enrolled": 76, "treated": 76, "evaluable": 62}),  # treated: "randomized and received" (tests/test_enrolment_five.py)
    # evaluable: the according-to-protocol cohort, not the enrolled
    ("Of 562 participants (283 vaccine; 279 placebo), 415 were included in the according-to-protocol (ATP) cohort.",
     {"enrolled": 562, "evaluable": 415}),
    # evaluable: an analysis set with its count in brackets
    ("In the full analysis set (n = 130), the remission rate was 76.9% with drug A.", {"evaluable": 130}),
    ("In the efficacy population (n = 74), changes in area were greater with drug A.", {"evaluable": 74}),
    ("Analysing response in the per protocol set (n=119) showed a trend.", {"evaluable": 119}),
    # completed: a long bracket, "of them", words before the noun
    ("Of 289 patients screened, 243 were randomly assigned and 164 (A, 66 of 95; B, 65 of 100; C, 33 of 48) completed "
     "treatment.", {"enrolled": 243, "completed": 164}),
    ("A total of 100 adults were enrolled in the study; 93 of them completed the study, while 83 came back at one year.",
     {"enrolled": 100, "completed": 93}),
    ("In this study, 37 patients were registered; of the 37 patients, 31 completed the full course of treatment.",
     {"enrolled": 37, "completed": 31}),
    ("Of 51 women recruited, 50 (98%) completed the main study.", {"enrolled": 51, "completed": 50}),
    ("Forty-eight completed their treatment.", {"completed": 48}),
    # not completers of the trial: a questionnaire; one arm's count
    ("Twenty patients completed the questionnaire before treatment.", {}),
    ("In the A and placebo groups, 23 and 20 completed the study treatment, respectively.", {}),
    # treated: "started treatment"; "N were treated with" after a clause (not a name's number, nor one group's)
    ("At closure, 5692 (26% of the target) started treatment.", {"treated": 5692}),
    ("Eighty children took part in the study; 65 were treated with drug A.", {"enrolled": 80, "treated": 65}),
    ("The study accrued 26 adults; 14 were treated with A and 12 were treated with A plus B.", {"enrolled": 26}),
    ("Patients with hepatitis C genotype 6 were treated with drug A.", {}),
    ("Group 2 (the B group) was treated with drug B.", {}),
    # enrolled: a bracket after "enrolled"; the entire population with its count
    ("The trial was closed after the interim analysis of the 58 enrolled (120 planned) patients.", {"enrolled": 58}),
    ("Survival was evaluated at the final cut-off for the entire population (n=80).", {"enrolled": 80}),
    ("Of the total study population (n = 591, 97% of eligible adults), 513 came back.", {"enrolled": 591}),
    # enrolled: a participants line with no verb
    ("Sixty consecutive outpatients (51 men and nine women; age 61.9 years).", {"enrolled": 60}),
    ("77 adult patients with cancer receiving emetogenic chemotherapy.", {"enrolled": 77}),
    ("Twenty-four postmenopausal volunteers.", {"enrolled": 24}),
    ("401 primary care patients aged 29-95 with uncontrolled blood pressure.", {"enrolled": 401}),
    ("Fifty-four men with a mean age of 42 years, currently in prison, meeting the criteria.", {"enrolled": 54}),
    # … not a sentence with a verb, nor a cohort's part
    ("Seven patients presented a second tumour during follow-up.", {}),
    ("Twenty patients (40%) finished the study with normal levels.", {}),
    ("Twelve adults with autism engaged in a battery of tasks.", {}),
    ("A total of 397 patients from the two trials contributed to the analysis.", {}),
    ("Three cohorts: 32 children with HIV;", {}),
    ("Forty-two women were chosen from volunteering women presenting to the clinic.", {}),
])
def test_enrolment_four_shapes(sentence: str, counts: dict[str, int]) -> None:
    assert _counts(sentence) == counts
