"""Enrolment counts: treated, evaluable and enrolled shapes mined on the fifth session (sentences in our own words)."""

from __future__ import annotations

import pytest

from tests.test_enrolment import _counts


@pytest.mark.parametrize("sentence, counts", [
    # treated: enrolled or randomised, then treated in the same clause
    ("Eighteen adults were enrolled and treated with drug A, with 12 reaching stable disease.",
     {"enrolled": 18, "treated": 18}),
    ("Forty patients (30 men and 10 women) were enrolled and received three to five courses of treatment.",
     {"enrolled": 40, "treated": 40}),
    ("900 participants with glaucoma were recruited, randomly assigned, and treated (450 in the A group and 450 in the B "
     "group).", {"enrolled": 900, "treated": 900}),
    ("Over two years, 280 patients were randomized, received the intervention and were followed for a year.",
     {"enrolled": 280, "treated": 280}),
    # … not "received either" (the arms' treatments), nor another count's treatment
    ("In this trial, 60 adults with cancer were recruited and received either usual care or the intervention.",
     {"enrolled": 60}),
    ("In all, 101 adults were randomized and 50 received drug A.", {"enrolled": 101}),
    # evaluable: "N (patients) were evaluated"
    ("Thirty-one patients were evaluated (exclusion n = 4).", {"evaluable": 31}),
    ("Of 110 patients randomized, 108 were evaluated in the first treatment course.", {"enrolled": 110, "evaluable": 108}),
    ("Thirty four adults (17 control, 17 drug A) were evaluated at four weeks, and 20 adults at eight weeks.",
     {"evaluable": 34}),
    ("A total of 44 patients were evaluated (22 in each group), most of them women.", {"evaluable": 44}),
    # … not a screening step, a denominator, one arm, a design's "prospectively evaluated" or "evaluated in two groups"
    ("Overall, 1,600 patients were screened, 800 were evaluated by the tumour board and 300 were randomized.",
     {"screened": 1600, "enrolled": 300}),
    ("Two hundred ninety-one of 350 were evaluated for function at 24 months.", {}),
    ("140 patients were evaluated for eligibility and 120 were randomised.", {"enrolled": 120}),
    ("36 patients in the A group were evaluated.", {}),
    ("In a trial comparing A with B, 60 patients were prospectively evaluated.", {}),
    ("In this trial, 48 adults with neuropathy were evaluated in two groups (A and placebo).", {}),
    # evaluable: data "are available for"
    ("Adults who had finished the programme were randomised and data are available for 112 patients.", {"evaluable": 112}),
    # enrolled: divided or selected at random; males, the elderly, nurses, employees, residents
    ("Fifty adults with fibrosis were divided randomly into two groups.", {"enrolled": 50}),
    ("Sixty patients with ulcers were selected and randomly divided into four groups of 15 each.", {"enrolled": 60}),
    ("Forty-one patients were randomly selected to receive four infusions of drug A.", {"enrolled": 41}),
    ("Sixty-four elderly were randomly assigned to A or to a waiting list.", {"enrolled": 64}),
    ("Eighty consenting males were randomized to group A or group B.", {"enrolled": 80}),
    ("410 employees of a company were randomly assigned to the web condition or to a leaflet.", {"enrolled": 410}),
    ("70 nurses (95% female) participated.", {"enrolled": 70}),
    # enrolled: what "we studied"
    ("We studied 60 adults (50 female and 10 male) aged 40 to 80 years.", {"enrolled": 60}),
    ("We evaluated 171 patients with insomnia, of whom 69 had reflux symptoms.", {"enrolled": 171}),
    ("We examined 40 of the patients at one year.", {}),
    ("We evaluated 60 tasks performed by 10 EM residents.", {}),
    # … not a sample of things, nor a part split by sex
    ("A total of 100 randomly selected households were surveyed.", {}),
    ("Participants were 50 females and 40 males enrolled in the trial.", {}),
    ("Thirty-six adults with dyslipidemia, 21 females, were randomized to drug A or placebo.", {"enrolled": 36}),
    # an HTML entity's ";" ends no clause
    ("Thirty-six patients with H&amp;N cancer receiving radiotherapy were randomized to A or placebo.", {"enrolled": 36}),
])
def test_enrolment_five_shapes(sentence: str, counts: dict[str, int]) -> None:
    assert _counts(sentence) == counts


@pytest.mark.parametrize("sentence, counts", [
    # when no sentence prints the enrolled: a sentence opening on the people with their count in brackets
    ("Subjects (N = 27) were adults admitted for a surgical procedure.", {"enrolled": 27}),
    ("Participants (n = 49) ranged in age from 50 to 90 years.", {"enrolled": 49}),
    ("Patients (n = 500) received drug A daily until progression.", {"enrolled": 500}),
    # … not cases beside controls
    ("Cases (n = 50) and controls (n = 100) were compared.", {}),
])
def test_people_in_brackets(sentence: str, counts: dict[str, int]) -> None:
    found = _counts(sentence)
    found.pop("treated", None)  # "received" also reads the treated
    assert found == counts
