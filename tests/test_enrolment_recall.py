"""Enrolment counts: treated, evaluable and enrolled shapes read on the second night (sentences in our own words)."""

from __future__ import annotations

import pytest

from extractor.backends.rules import design
from extractor.structure import Sentence


def _counts(*sentences: str) -> dict[str, int]:
    return design.enrollment([Sentence(0, len(s), s, "results", i) for i, s in enumerate(sentences)])


@pytest.mark.parametrize("sentence, counts", [
    # evaluable: the analysed set named by its data
    ("Data from 161 patients have been analyzed.", {"evaluable": 161}),
    ("Data from forty women (20 per group) were analysed.", {"evaluable": 40}),
    ("A total of 438 patients underwent randomization; data could be analyzed for 421.",
     {"enrolled": 438, "evaluable": 421}),
    ("Data analysis was conducted on 14 out of the 16 participants because two withdrew.", {"evaluable": 14}),
    # evaluable: the intention-to-treat set
    ("The intention-to-treat population consisted of 284 patients.", {"evaluable": 284}),
    ("The intent-to-treat analysis included 211 persons.", {"evaluable": 211}),
    ("The intention-to-treat analysis included 46 patients in the A group and 45 in the B group.", {}),
    # evaluable: remained assessable; answered the questionnaire; tissue adequate
    ("Of these patients 88 remained assessable at the 1-year follow-up.", {"evaluable": 88}),
    ("Among 115 women from 21 centres, 107 (93%) answered a self-administered questionnaire.", {"enrolled": 115, "evaluable": 107}),
    ("Forty-six patients returned the questionnaires on body image.", {"evaluable": 46}),
    ("In 127 of these patients, tissue was adequate for central review.", {"evaluable": 127}),
])
def test_evaluable_shapes(sentence: str, counts: dict[str, int]) -> None:
    assert _counts(sentence) == counts


@pytest.mark.parametrize("sentences, counts", [
    # treated: the safety population with its count in brackets
    (["Patients given drug A at any time (N=1240) constituted the overall safety population."], {"treated": 1240}),
    (["The safety population (n = 352) was balanced."], {"treated": 352}),
    # enrolled: the denominator of "a/b patients completed"
    (["11/18 patients completed treatment as per protocol."], {"enrolled": 18, "completed": 11}),
    (["26/27 drug A and 23/23 placebo patients completed month 4."], {}),
    # enrolled: a results sentence opening on the whole, described by how it entered
    (["Of the 15 participants who underwent baseline testing, 10 (67%) withdrew."], {"enrolled": 15}),
    (["Out of the 30 patients who were enrolled, 15 received drug A."], {"enrolled": 30}),
    (["Of the 54 patients who relapsed, 20 died."], {}),
])
def test_treated_and_enrolled_shapes(sentences: list[str], counts: dict[str, int]) -> None:
    assert _counts(*sentences) == counts


def test_two_studies_intention_to_treat_sets_are_not_one_count() -> None:
    """ "… included 712 and 267 subjects from studies one and two, respectively": neither is the trial's."""
    assert "evaluable" not in _counts("The intent-to-treat population included 712 and 267 subjects from studies one and two.")


@pytest.mark.parametrize("sentence", [
    "The study could not confirm the value of TIMP-1 immunoreactivity in patients randomized to A or B.",
    "The trial evaluated ovarian function at 12 months in women randomised to chemotherapy with or without goserelin.",
])
def test_a_name_or_a_time_is_not_a_count(sentence: str) -> None:
    """ "TIMP-1 … patients randomized", "12 months in women randomised": no enrolled count."""
    assert "enrolled" not in _counts(sentence)


@pytest.mark.parametrize("sentence, counts", [
    ("We examined how massage influenced anxiety in 12 breast cancer patients in an open trial.", {"enrolled": 12}),
    ("In this randomized trial, we compared drug A with placebo on cognition of 40 young adults with DS.", {}),
    ("We conducted two crossover studies of drug A in 24 and 16 subjects, respectively.", {}),
])
def test_what_we_studied_names_the_population(sentence: str, counts: dict[str, int]) -> None:
    assert _counts(sentence) == counts


@pytest.mark.parametrize("sentence, counts", [
    ("Three-hundred-and-six patients were included.", {"enrolled": 306}),
    ("One-hundred and five patients were enrolled.", {"enrolled": 105}),
    ("Two-hundred seventeen women were randomized.", {"enrolled": 217}),
])
def test_hundreds_joined_by_a_hyphen(sentence: str, counts: dict[str, int]) -> None:
    assert _counts(sentence) == counts


@pytest.mark.parametrize("sentence, counts", [
    ("This was a randomized double-blinded study conducted on 90 patients who needed intubation.", {"enrolled": 90}),
    ("Twenty patients with knee and/or hip OA between 50 and 80 years of age participated in the pilot study.",
     {"enrolled": 20}),
    ("There were 48 participants included in this analysis.", {"evaluable": 48}),
])
def test_reduced_clauses_and_this_analysis(sentence: str, counts: dict[str, int]) -> None:
    assert _counts(sentence) == counts


@pytest.mark.parametrize("sentence", [
    "A trial of antibiotics conducted in 16 primary care practices networks recruited participants.",
    "The present study is a randomized trial conducted in four stages on 180 subjects.",
    "Fifty-one individuals with self-reported symptoms and 132 matched controls participated in a test.",
])
def test_not_a_count_of_the_trial_population(sentence: str) -> None:
    """Practices and stages are not people; one of two groups that participated is not the whole."""
    assert _counts(sentence).get("enrolled") in (None, 180)
