"""Which canonical endpoint a result's outcome words map to, where a labeller following the contract would not
write OTHER (made-up sentences in the shapes printed in unlabelled abstracts), one phrase shape per test."""

from __future__ import annotations

from tests.test_rules import _sentence_results


def _endpoints(text: str, arms: tuple[str, ...] = ("A", "B")) -> list[tuple[str, float | None]]:
    return [(d.endpoint, d.value) for d in _sentence_results(text, list(arms))]


def test_a_patient_reported_instrument_score_is_quality_of_life():
    # a symptom or function questionnaire named by its instrument: "BDI-II scores", "the SF-MPQ", "an IBDQ score"
    text = "Reductions in BDI-II scores were significantly greater in the A group (difference 3.6 points, p = 0.018)."
    assert [e[0] for e in _endpoints(text)] == ["QOL"]
    text = "At week 12, the mean total score on the SF-MPQ was 2.8 for A versus 2.1 for B (p = 0.36)."
    assert {e[0] for e in _endpoints(text)} == {"QOL"}


def test_a_symptom_or_function_score_is_quality_of_life():
    # "hot flash scores", "PF change scores", "mean breathlessness change scores", "Mean urgency score"
    text = "PF change scores were -3.9 for A and -8.6 for B (P = .046) at 8 weeks."
    assert {e[0] for e in _endpoints(text)} == {"QOL"}
    text = "Hot flash scores decreased 68% from baseline to end point in the A arm (P < .001)."
    assert {e[0] for e in _endpoints(text)} == {"QOL"}


def test_a_score_of_no_symptom_stays_other():
    # a clinician's or a test's score is no patient-reported outcome: "the Ramsay sedation score", "the Cryer score"
    text = "At the end of the study, the median Cryer score was 4 in A and 5 in B (p = 0.728)."
    assert {e[0] for e in _endpoints(text)} <= {"OTHER"}


def test_a_progression_free_rate_is_progression_free_survival():
    # "the 6-month progression-free rate", "the proportion of patients without progression at 2 years", "free of progression"
    text = "The 6-month progression-free rate was 45% in A and 30% in B."
    assert [d.endpoint for d in _sentence_results(text, ["A", "B"])] == ["PFS", "PFS"]
    assert {d.timepoint for d in _sentence_results(text, ["A", "B"])} == {"6 months"}
    text = "The proportion of patients without progression at 2 years was 40.0% for A versus 37.5% for B."
    assert [e[0] for e in _endpoints(text)] == ["PFS", "PFS"]
    text = "At 2 years, 45% of patients in A and 30% in B were free of progression."
    assert [e[0] for e in _endpoints(text)] == ["PFS", "PFS"]


def test_time_to_progress_is_time_to_progression():
    text = "Median time to progress was 6.5 months for A and 10.1 months for B."
    assert _endpoints(text) == [("TTP", 6.5), ("TTP", 10.1)]


def test_the_treatment_delivered_is_feasibility():
    # "received the intended four cycles", "had dose reductions", "therapy omissions": how much of the treatment was given
    text = "The majority of patients received the intended four cycles (A, 64%; B, 61%)."
    assert [e[0] for e in _endpoints(text)] == ["FEASIBILITY", "FEASIBILITY"]
    text = "Eighteen patients receiving A and 4 patients receiving B had dose reductions (P = .002)."
    assert [e[0] for e in _endpoints(text)] == ["FEASIBILITY", "FEASIBILITY"]


def test_a_vaccine_series_received_is_not_feasibility():
    # "had received all 3 doses of DPT/Hepatitis B vaccine": the outcome of a vaccination trial, not a course of treatment
    text = "At 4 months, 129 (72.1%) in A had received all 3 doses of the vaccine, whereas in B 51.7% had."
    assert "FEASIBILITY" not in [e[0] for e in _endpoints(text)]


def test_a_grade_an_event_exceeds_is_three_plus():
    # "toxicity greater than grade 2", "acute toxicity greater than Grade 3", "neutropenia > grade 2": grade 3 or more
    text = "Toxicity greater than grade 2 occurred in 10% of A and 5% of B."
    assert [e[0] for e in _endpoints(text)] == ["AE_GRADE3PLUS", "AE_GRADE3PLUS"]
    text = "Only 1 patient in each group had acute nonhematologic toxicity greater than Grade 3 (nausea and vomiting)."
    assert {e[0] for e in _endpoints(text)} == {"AE_GRADE3PLUS"}
    text = "Neutropenia greater than grade 1 occurred in 10% of A and 5% of B."
    assert {e[0] for e in _endpoints(text)} == {"AE"}


def test_a_grade_after_of_grades_the_event():
    # "Adverse events of grade 3 or more", "Neutropenia of grade 3 or 4 was reported in 20% of A and 10% of B": both values
    text = "Adverse events of grade 3 or more were reported in 20% of A and 10% of B."
    assert [e[0] for e in _endpoints(text)] == ["AE_GRADE3PLUS", "AE_GRADE3PLUS"]
    text = "Neutropenia of grade 3 or 4 was reported in 20% of A and 10% of B."
    assert [e[0] for e in _endpoints(text)] == ["AE_GRADE3PLUS", "AE_GRADE3PLUS"]
    text = "Neutropenia of grade 2 was reported in 20% of A and 10% of B."
    assert [e[0] for e in _endpoints(text)] == ["AE", "AE"]
