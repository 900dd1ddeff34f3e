"""Speed work of 2026-11-28 (h-speed6): shortcuts that must leave every answer as it was."""

from __future__ import annotations

import re

import pytest

from extractor.backends.rules import verdict
from extractor.patterns import KeyedBranches
from extractor.structure import CONCLUSION, Sentence

BRANCHES = [(r"\bmean\s+(?P<m>\d+)", ("mean",)), (r"(?P<by>\bby\s+\d+)", ("by",)), (r"\d+\s*%", ())]
WHOLE = re.compile("|".join(branch for branch, _ in BRANCHES), re.IGNORECASE)


def _found(matches: object) -> list[tuple[tuple[int, int], dict[str, str | None]]]:
    return [(m.span(), m.groupdict()) for m in matches]  # type: ignore[attr-defined]


def test_a_rare_set_of_branches_is_searched_with_the_whole_alternation() -> None:
    keyed = KeyedBranches(BRANCHES, re.IGNORECASE, compile_after=3)
    assert keyed.pattern_for("mean 4, 5%").pattern == WHOLE.pattern  # asked once: nothing compiled for it
    assert keyed.pattern_for("mean 7, 2%").pattern == WHOLE.pattern
    assert "(?!)(?:(?P<by>" in keyed.pattern_for("Mean 1, 3%").pattern  # the third time: its own pattern


def test_the_whole_alternation_is_compiled_once() -> None:
    keyed = KeyedBranches(BRANCHES, re.IGNORECASE)
    assert keyed.pattern_for("mean 4") is keyed.pattern_for("by 5 and 6%")


@pytest.mark.parametrize("compile_after", [1, 2, 64])
@pytest.mark.parametrize("text", ["the mean 45 and 12% by 3", "BY 4 and 7 %", "Mean 3", "nothing 5%", "", "mean by 4"])
def test_keyed_branches_find_the_same_before_and_after_compiling_a_set(compile_after: int, text: str) -> None:
    keyed = KeyedBranches(BRANCHES, re.IGNORECASE, compile_after=compile_after)
    for _ in range(3):
        assert _found(keyed.finditer(text)) == _found(WHOLE.finditer(text))


def _closing(text: str) -> list[Sentence]:
    return [Sentence(0, len(text), text, CONCLUSION, 0)]


@pytest.mark.parametrize(("text", "said", "mixed"), [
    ("Drug X improved progression-free survival but not overall survival.", None, True),
    ("Drug X significantly improved overall survival.", True, False),
    ("Drug X did not improve survival and increased toxicity.", False, False),
    ("Drug X did not improve survival but reduced the risk of pain.", False, False),
])
def test_a_conclusion_read_once_answers_both_questions_as_before(text: str, said: bool | None, mixed: bool) -> None:
    for _ in range(2):  # the second time from what was kept: the same answers, in either order
        assert verdict.conclusion(_closing(text)) is said
        assert verdict.mixed_conclusion(_closing(text)) is mixed
