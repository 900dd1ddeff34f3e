"""Result values that got no arm though the trial has arms (the arm scene of ``results.py``, third night), one phrase
shape per test."""

from tests.test_rules import _sentence_results


def _arms_of(text: str, arms: list[str]) -> list[tuple[float | None, str | None]]:
    return [(d.value, d.arm) for d in _sentence_results(text, arms) if d.measure not in {"hazard_ratio", "difference"}]


def test_sentence_whose_subject_is_its_one_arm():
    text = "GE responses: 1 complete response (CR, 1.2%), 6 partial response (PR, 7.4%), and 33 stable disease (SD, 40.7%)."
    assert {arm for _, arm in _arms_of(text, ["GE", "G"])} == {"GE"}
    text = "Twelve of 18 patients on the intermittent arm were reinitiated on LHRHa at a median time of 17.9 months."
    assert _arms_of(text, ["intermittent", "continuous"]) == [(17.9, "intermittent")]


def test_subject_arm_contrasted_keeps_no_arm_for_the_other():
    text = "The exercise group improved more than usual care (12% and 5%)."
    assert (5.0, "exercise") not in _arms_of(text, ["exercise", "usual care"])
