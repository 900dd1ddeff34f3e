"""Result values that got no arm though the trial has arms (the arm scene of ``results.py``, third night), one phrase
shape per test."""

from tests.test_results_arm_pairing import _arms_of


def test_sentence_whose_subject_is_its_one_arm():
    text = "GE responses: 1 complete response (CR, 1.2%), 6 partial response (PR, 7.4%), and 33 stable disease (SD, 40.7%)."
    assert {arm for _, arm in _arms_of(text, ["GE", "G"])} == {"GE"}
    text = "Twelve of 18 patients on the intermittent arm were reinitiated on LHRHa at a median time of 17.9 months."
    assert _arms_of(text, ["intermittent", "continuous"]) == [(17.9, "intermittent")]


def test_subject_arm_contrasted_keeps_no_arm_for_the_other():
    text = "The exercise group improved more than usual care (12% and 5%)."
    assert (5.0, "exercise") not in _arms_of(text, ["exercise", "usual care"])


def test_arm_named_by_assignment_after_the_value():
    text = "Responses occurred in 11 (30%) of 37 patients assigned to docetaxel, whereas 11 (32%) of 34 assigned to placebo responded."
    assert _arms_of(text, ["docetaxel", "placebo"]) == [(30.0, "docetaxel"), (32.0, "placebo")]
    text = "Median survival was 12.1 months in patients allocated to docetaxel and 9.5 months in patients allocated to placebo."
    assert _arms_of(text, ["docetaxel", "placebo"]) == [(12.1, "docetaxel"), (9.5, "placebo")]


def test_baseline_share_before_the_randomisation_gets_no_arm():
    text = "504 patients with carotid stenosis (90% symptomatic) were randomly assigned to stenting (n=251) or surgery (n=253)."
    assert all(arm is None for _, arm in _arms_of(text, ["stenting", "surgery"]))


def test_events_listed_with_their_values_share_the_arm_after():
    text = "Severe rash occurred in 9% and severe diarrhea in 6% of Tarceva-treated patients."
    assert _arms_of(text, ["Tarceva", "placebo"]) == [(9.0, "Tarceva"), (6.0, "Tarceva")]


def test_clause_after_the_turn_is_about_the_one_arm_it_names():
    text = ("During intervention, the active group showed a 47% decrease, whereas the placebo group showed a "
            "non-significant decrease (16%).")
    assert _arms_of(text, ["pregabalin", "placebo"]) == [(47.0, None), (16.0, "placebo")]


def test_first_clause_of_one_arm_named_keeps_its_turn():
    text = "In the pregabalin group 17.5% of the patients received opioids while the figure was 52.5% in others."
    assert (52.5, "pregabalin") not in _arms_of(text, ["pregabalin", "placebo"])


def test_run_of_values_then_the_arm_in_brackets():
    text = ("The incidence of grade 3 or 4 anemia, neutropenia and thrombocytopenia was 29, 44 and 22% (GE group), and "
            "28, 49 and 23% (GP group), respectively.")
    found = _arms_of(text, ["GE", "GP"])
    assert [(v, a) for v, a in found if v in {29.0, 44.0, 22.0}] == [(29.0, "GE"), (44.0, "GE"), (22.0, "GE")]
    assert all(a == "GP" for v, a in found if v in {49.0, 23.0})


def test_the_article_that_opens_a_sentence_is_no_arm_a():
    assert _arms_of("A median of 5 cycles (range 1-9) was given.", ["A", "B"]) == [(5.0, None)]
    assert {arm for _, arm in _arms_of("G responses: 2 PR (5.3%) and 16 SD (42.1%).", ["GE", "G"])} == {"G"}
