"""Enrolment counts and countries on text the earlier rules had not seen: a grade or stage before the verb is
no count, and a country's adjective names a site only when it qualifies a setting or people."""

import pytest

from extractor.backends.rules import design
from extractor.structure import read_structure
from tests.test_countries_sites import _countries


def _enrolment(text: str) -> dict[str, int]:
    return design.enrollment(read_structure(text).sentences)


@pytest.mark.parametrize("text, enrolled", [
    ("A total of 474 adult patients with malignant glioma (astrocytoma) grade 3 or 4 were randomised into an MRC "
     "study comparing 45 Gy with 60 Gy of radiotherapy.", 474),
    ("Patients with grade 2 or 3 tumours (n = 120) were randomly assigned to A or B.", 120),
    ("After four cycles, 663 patients with stage IIIB or stage IV NSCLC and performance status 0 or 1 were "
     "randomly assigned to maintenance or placebo.", 663),
])
def test_a_grade_or_stage_before_the_verb_is_no_count(text, enrolled):
    assert _enrolment(text)["enrolled"] == enrolled


def test_another_count_before_the_verb_still_stops_the_first():
    assert _enrolment("Of 1,794 patients screened, and 400 were randomized.")["enrolled"] == 400


@pytest.mark.parametrize("text", [
    "We compared reflexology and Swedish massage therapy in nursing home residents in the study.",
    "Daikenchuto, a traditional Japanese herbal medicine, was given to patients enrolled in the trial.",
    "Costs were lower in the intermittent arm ($3135 vs. $8253 Canadian dollars) in the trial.",
    "One patient was excluded from this analysis due to Indian ethnicity in the study.",
    "The trial was funded by the Italian Drug Agency and conducted at 20 centres.",
])
def test_an_adjective_of_something_else_names_no_site(text):
    assert _countries(text) == []


@pytest.mark.parametrize("text, named", [
    ("We conducted a multi-site randomised controlled trial in four Rwandan districts.", ["Rwanda"]),
    ("Phase II, 24-week Australian/New Zealand multicentre, randomised, double-blind trial in the clinic.",
     ["Australia", "New Zealand"]),
    ("Women were recruited from 39 Australian, New Zealand, and Canadian maternity hospitals.",
     ["Australia", "New Zealand", "Canada"]),
    ("Patients were recruited through 85 practices in the British Medical Research Council framework.",
     ["United Kingdom"]),
    ("The study was conducted in Dutch parents of a child with type 1 diabetes.", ["Netherlands"]),
])
def test_an_adjective_of_a_setting_or_people_names_a_site(text, named):
    assert _countries(text) == named


@pytest.mark.parametrize("text", [
    "Twenty-three patients were randomized to the WL intervention and twenty-one patients to the control group.",
    "Nine CR and twenty-seven PR were obtained on one hundred eleven evaluable patients treated in experimental arm.",
])
def test_one_arms_count_is_not_the_trials(text):
    assert _enrolment(text) == {}


def test_both_arms_analysed_are_summed():
    assert _enrolment("Fifty newborns were analysed in CLF and 50 in SA group.") == {"evaluable": 100}


def test_the_whole_after_of_in_an_arms_count():
    text = "165 of 441 patients were assigned to dignity therapy, 140 standard palliative care, and 136 client-centred care."
    assert _enrolment(text)["enrolled"] == 441


def test_patients_with_an_evaluation_of_response_are_evaluable():
    text = "In total, 131 patients had clinical and radiological evaluation of response and underwent surgery."
    assert _enrolment(text)["evaluable"] == 131


@pytest.mark.parametrize("text, enrolled", [
    ("Up to December 2006, eighty-seven patients of stage II and III, including 71 patients of middle third lesions "
     "and 16 lower third lesions were enrolled.", 87),
    ("A randomized, double-blinded study was conducted including 47 elderly patients undergoing scheduled hip "
     "replacement, who were randomized to three groups.", 47),
])
def test_a_part_after_including_is_not_the_trials_count(text, enrolled):
    assert _enrolment(text)["enrolled"] == enrolled


def test_a_project_named_in_brackets_is_its_acronym():
    text = "In the Edinburgh Randomised Breast Screening Project (EBSP) to December 1988 there were 500 cancers."
    assert [name for _, name in design.acronyms(text)] == ["EBSP"]
