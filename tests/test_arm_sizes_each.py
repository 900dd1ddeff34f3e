"""One size for every arm, printed once in a sentence of allocation (arms.``_equal_sizes``)."""

import pytest

from extractor.backends.rules.arms import find_arms

METHODS = "Patients were randomly assigned to drug A or drug B."


def _sizes(sentence: str) -> list[int | None]:
    return [arm.n for arm in find_arms(None, [METHODS, sentence])]


@pytest.mark.parametrize("sentence, n", [
    ("One hundred thirty-two patients were enrolled, 66 per arm.", 66),
    ("A total of 118 patients (59 per arm) were randomly assigned.", 59),
    ("Sixty patients were randomly assigned to two groups by digital table, 30 in each group.", 30),
    ("Seventy-six patients were randomly assigned to each study arm.", 76),
    ("Participants were randomly allocated to intervention or control groups (N = 381 for each group).", 381),
])
def test_one_size_for_each_arm(sentence: str, n: int) -> None:
    assert _sizes(sentence) == [n, n]


@pytest.mark.parametrize("sentence", [
    "Planned accrual was 30 patients per arm to detect a 20% difference.",  # a plan
    "Thirty patients had to be excluded and 40 patients, 20 in each group, were evaluated.",  # an analysis
    "One patient in each group had grade 3 toxicity.",  # an event
    "Female patients were assigned randomly to groups (n = 15 to 17 per group).",  # a range
])
def test_not_a_size_of_each_arm(sentence: str) -> None:
    assert _sizes(sentence) == [None, None]


def test_an_arm_with_its_own_size_keeps_it() -> None:
    sizes = find_arms(None, ["Patients were randomly assigned to drug A (n = 40) or drug B.", "We enrolled 35 per arm."])
    assert [arm.n for arm in sizes] == [40, None]
