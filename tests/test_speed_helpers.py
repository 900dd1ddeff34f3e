"""The sixth session's speed pass (h-speed8): each shortcut gives the answer of the plain way."""

from __future__ import annotations

import re

import pytest

from extractor.backends.rules import backend, nondrug, results, verdict

#: Texts with and without the endings of the word-shaped heads ("\w+ectomy", "\w+plasty", "\w+ostomy").
HEAD_TEXTS = [
    "Patients were randomised to laparoscopic radical hysterectomy or radiotherapy.",
    "A home-based exercise program versus usual care after gastrectomy.",
    "Total knee arthroplasty with sentinel node sampling and a colostomy bag.",
    "Mantle radiotherapy alone; the exercise training group had massage therapy.",
    "Chemotherapy was given in both arms (no procedure named).",
]


def _heads(pattern: re.Pattern[str], low: str) -> list[tuple[tuple[int, int], str | None]]:
    return [(m.span(), m.lastgroup) for m in pattern.finditer(low)]


@pytest.mark.parametrize("text", HEAD_TEXTS)
def test_heads_for_finds_what_the_whole_alternation_finds(text: str) -> None:
    """A text without "ectomy", "plasty" or "ostomy" is searched without the word-shaped heads: the same heads, each
    named by its group (``h<i>`` for ``HEADS[i]``)."""
    low = text.lower()
    pattern, where = nondrug._heads_for(text, low)
    assert where == low
    assert _heads(pattern, low) == _heads(nondrug._HEAD_RE, low)
    word_shaped = any(ending in low for ending in ("ectomy", "plasty", "ostomy"))
    assert (pattern is nondrug._HEAD_RE_SHORT) is not word_shaped


def test_heads_for_a_text_that_lowercases_longer() -> None:
    """ "İ" lowercases to two characters: the text is searched as written, case ignored."""
    text = "İstanbul patients had surgery."
    assert nondrug._heads_for(text, text.lower()) == (nondrug._HEAD_RE_ANY_CASE, text)


def test_short_alternation_keeps_every_other_head() -> None:
    """Only the word-shaped branches are left out; the group names keep the heads' indexes."""
    assert nondrug._WORD_SHAPED_NEEDS == ("ectomy", "ostomy", "plasty")
    short = nondrug._alternation(word_shaped=False)
    assert r"\w+" not in short and "(?P<h1>surgery|" in short and "(?P<h2>" not in short
    assert nondrug._alternation() == nondrug._HEADS


#: Sentences for the patterns whose "\b" branches are grouped after one "\b" (the same matches as written before).
VERDICT_TEXTS = [
    ("STATED_MET", "The study met its primary endpoint.", True),
    ("STATED_MET", "The primary endpoint was met at the interim analysis.", True),
    ("STATED_MET", "Equivalence for three versus four cycles is claimed.", True),
    ("STATED_MET", "This confirms the primary hypothesis.", True),
    ("STATED_MET", "The primary hypothesis was confirmed.", True),
    ("STATED_MET", "Forty-nine events met the primary endpoint.", True),  # the pattern matches; _stated_met decides
    ("STATED_MET", "The trial was stopped early.", False),
    ("STATED_NOT_MET", "The trial did not meet its primary endpoint.", True),
    ("STATED_NOT_MET", "The primary endpoint was not met.", True),
    ("STATED_NOT_MET", "Neither A nor B was superior for the primary endpoint.", True),
    ("STATED_NOT_MET", "No significant difference in the primary outcome was found.", True),
    ("STATED_NOT_MET", "The primary hypothesis could not be confirmed.", True),
    ("STATED_NOT_MET", "The trial met its primary endpoint.", False),
    ("_WITHIN_GROUP", "Pain decreased from baseline in both groups.", True),
    ("_WITHIN_GROUP", "In the control group, there was no significant reduction.", True),
    ("_WITHIN_GROUP", "No significant changes were observed in the control group.", True),
    ("_WITHIN_GROUP", "Pain was lower with A than with B.", False),
]


@pytest.mark.parametrize(("name", "text", "matches"), VERDICT_TEXTS)
def test_grouped_verdict_patterns(name: str, text: str, matches: bool) -> None:
    pattern = getattr(verdict, name)
    assert pattern.pattern.count(r"\b(?:") >= 1
    assert (pattern.search(text.lower()) is not None) is matches


@pytest.mark.parametrize(("text", "outcome"), [
    ("The mean difference in the average pain score between A and B was 0.73.", "average pain score"),
    ("There was no difference in the average pain score between A and B.", None),
    ("Tamoxifen reduced the risk of invasive breast cancer by 49%.", "invasive breast cancer"),
])
def test_difference_of_with_the_boundary_first(text: str, outcome: str | None) -> None:
    """ "\\b(?<!\\bno )difference": the boundary before the look-behinds (the same place, the same matches)."""
    m = results._DIFFERENCE_OF.search(text)
    found = next((g for g in m.groups() if g), None) if m else None
    assert found == outcome


@pytest.mark.parametrize(("text", "level"), [
    ("HR 0.71 (95% CI 0.55-0.92)", 95.0),
    ("a 90% confidence interval", 90.0),
    ("95 % CI", 95.0),
    ("Response rates were 45% and 30% (p = 0.02).", None),  # neither "CI" nor "confidence": not searched
    ("95% ci 0.5-0.9", None),  # the pattern is case-sensitive, and so are the words tested before it
])
def test_ci_level_searched_where_a_match_can_be(text: str, level: float | None) -> None:
    assert backend._CI_NEEDS == ("CI", "confidence")
    assert backend._ci_level(text) == level
