"""The second night's speed pass (h-speed5): the shortcuts give the answers of the plain way."""

from __future__ import annotations

import pytest

from extractor.backends.rules import results
from extractor.backends.rules.results import extract_sentence
from extractor.structure import Sentence

#: Sentences of results sections, with and without numbers (digits or number words).
SENTENCES = [
    "Overall survival was 12.1 months with drug A versus 9.8 months with placebo (HR 0.71, 95% CI 0.55-0.92).",
    "Two patients in the control group died of sepsis.",
    "Quality of life did not differ between the groups.",
    "The treatment was well tolerated and no new safety signals emerged.",
    "Response rates were higher in the intervention arm than in the control arm.",
    "Grade 3 neutropenia occurred in 14% of patients in arm A.",
    "The mean pain score fell by 2.3 points in the acupuncture group.",
    "Patients randomised to surgery had fewer relapses.",
]


def _sentence(text: str) -> Sentence:
    return Sentence(0, len(text), text, "results", 0)


def _finder(text: str) -> list[tuple[int, int, str]]:
    """Arm mentions as a trial with arms "A" and "control" would find them."""
    out = []
    for label, word in (("A", "arm A"), ("control", "control group")):
        at = text.find(word)
        if at >= 0:
            out.append((at, at + len(word), label))
    return out


@pytest.mark.parametrize("text", SENTENCES)
def test_no_drafts_reads_no_arms(text: str) -> None:
    """A sentence whose numbers no outcome owns is left before its arms are read (the arm finder is not called)."""
    asked: list[str] = []

    def finder(t: str) -> list[tuple[int, int, str]]:
        asked.append(t)
        return _finder(t)

    drafts = extract_sentence(_sentence(text), finder, 95.0, ["A", "control"])
    assert drafts or not asked


def test_the_steps_after_the_drafts_change_nothing_without_drafts() -> None:
    """The steps the early return skips only amend the drafts they are given: with none, none come out."""
    text = "In arm A and the control group, respectively, 12% and 9% responded (p = 0.04) at 6 and 12 months."
    drafts: list[results.Draft] = []
    results._fill_units_for_not_reached(drafts)
    results._differences_in_pairs(drafts, text)
    results._attach_p_values(drafts, text)
    results._assign_arms(drafts, text, _finder, ["A", "control"], None)
    results._assign_timepoints(drafts, text)
    results._assign_subgroups(drafts, text)
    assert drafts == []
