"""The prefilters of the result rules (extractor.backends.rules.results) let through what their patterns find."""

from __future__ import annotations

import pytest

from extractor.backends.rules import results
from extractor.patterns import Keyed

#: For each key-gated pattern, phrases it finds (written in several cases: the keys are tested lowercased).
KEYED_EXAMPLES = {
    "_CHANGED_BY_BEFORE": ["decreased significantly BY ", "prolonged survival by "],
    "_CHANGE_IN_BEFORE": ["the Change in weight was ", "changes from baseline of BMD ("],
    "_OTHER_RATE": [", and the subtotal regression rate (TRG1b) was", "; the Pain Score was", ", and the QOL INDEX of",
                    ", the odds RATIO was"],
    "_DIFFERENCE_IN": ["No significant DIFFERENCE was found in surgical margin status between"],
    "_CHANGE_OUTCOME": ["The CHANGE in vertebral BMD", "mean changes from baseline in weight"],
    "_DIFFERENCE_OF": ["the mean Difference in the average pain score between"],
    "_CHANGED_OUTCOME_BEFORE_SIGN": ["a DECREASE in HADS anxiety score (-0.90; 95% CI", "Improvement in pain (+2 points, 95% Confidence"],
    "_CONTINUED": ["the 5-year RATES were"],
    "_AT_BASELINE": ["renal impairment At Baseline", "at study ENTRY", "at Enrolment", "baseline characteristics"],
    "_RESPECTIVE_SUBGROUPS": ["in patients with stage III and those with stage IV, Respectively", "better for responders THAN for non-responders",
                              "patients with and without HER2 amplification were 34% and 7%, RESPECTIVELY"],
    "_SUBJECT_SUBGROUP": ["PFS in Japanese PATIENTS was", "ORR among the target Population were", "in the KRAS SUBGROUP was",
                          "in the older Subset were"],
    "_CONTRASTED_SUBGROUPS": ["Patients with high miR-21 had worse PFS (3.5 vs. 12.7 months) compared to patients with low miR-21"],
    "_RESPECTIVELY": ["9.6 and 19.3 months, RESPECTIVELY", "Accordingly"],
    "_DIFFERENCE_LABEL": ["mean between-group Difference, ", "(MD = "],
    "_CI_RE": ["95% CI 1.2-3.4", "95% Cl, 1.2 to 3.4", "95% C.I. 1.2-3.4", "95% Confidence Interval: 1.2-3.4", "95% CrI 1.2-3.4"],
    "_PLANNED_BEFORE": ["powered TO DETECT a ", "the Minimal clinically important difference of ", "Hypothesized ",
                        "the a priori GOAL OF ", "Training intensity was Set At the heart rate associated with ",
                        "upper CI MARGIN of "],
    "_SHARE_BY_SEX_AFTER": [") were MALE", " Female,", "% patients were Boys", " were Caucasian", " were WHITE"],
    "_LABEL_WORD_BEFORE": ["in GROUP ", "for Arm ", "at week ", "by DAY ", "HCV genotype "],
    "_PERIOD_BEFORE": ["For the FIRST ", "through the ", "Throughout ", "during the Last "],
    "_CI_BOUND_BEFORE": ["(95% CI, 86.4% and ", "95% Confidence Interval of difference = ", "(95 % ci: -48.2 to –"],
    "_MAY_NAME_SUBGROUP": ["Patients with high CPS", "those who responded", "women harbouring BRCA", "in the PD-L1 subset"],
    "_SUBGROUP_AFTER": [" in patients with liver metastases,", " in Those who responded)", " for Subjects harboring HER2 mutations,",
                        " in elderly PATIENTS,"],
    "_WHOLE_TRIAL": ["Overall", "in total", "All Patients", "the whole cohort", "the ENTIRE population", "pooled"],
    "_BOUND_BEFORE": ["More Than ", "≥ ", "AT LEAST", "up to", "in all, OVER "],
    "_WEIGHT_VERB": ["GAINED a mean of 2.3 kg", "Lost on average 1.7 kg"],
    "_EACH_ARM_AFTER": [" were observed in EITHER treatment group", "% in Both arms", ") patients in each group", " in ANY group",
                        " in the Two groups", " in the 2 arms"],
    "_IDENTICAL_IN_BOTH_ARMS": ["were IDENTICAL in the 2 arms", "The Same for both groups", "EQUAL in the two groups"],
}


def test_every_keyed_pattern_has_examples() -> None:
    keyed = {name for name, value in vars(results).items() if isinstance(value, Keyed)}
    assert keyed == set(KEYED_EXAMPLES)


@pytest.mark.parametrize(("name", "phrase"), [(name, phrase) for name, phrases in KEYED_EXAMPLES.items() for phrase in phrases])
def test_keyed_pattern_lets_its_phrase_through(name: str, phrase: str) -> None:
    keyed: Keyed = getattr(results, name)
    assert keyed.pattern.search(phrase) is not None, "the example is one the pattern finds"
    assert keyed.search(phrase) is not None, "the keys let it through"


@pytest.mark.parametrize("text", [
    "Mean age was 61 years; 55% were women", "Thyroid ablation was complete in 631 of the 684 patients (92%)", "The Social Continence RATE was 55.3% vs 84.2%", "FOLLOW-UP was 3 years", "The İstanbul cohort: median age 60",
    "aged 70 or more (ıncluding the very old)", "Responses were seen in 12 patients",
])
def test_folded_patterns_find_what_the_case_insensitive_ones_find(text: str) -> None:
    for folded in (results._NOT_OUTCOME_SUBJECT, results._NOT_A_RESULT, results._COUNT_RE, results._HEAD_NOUN,
                   results._SUBJECT_OUTCOME):
        assert [m.span() for m in folded.finditer(text)] == [m.span() for m in folded.plain.finditer(text)]
        assert (folded.search(text) is None) == (folded.plain.search(text) is None)


def test_folded_pattern_falls_back_where_lowering_moves_offsets() -> None:
    text = "İİ Two patients"  # "İ".lower() is two characters long
    assert [m.span() for m in results._COUNT_RE.finditer(text)] == [(3, 6)]


@pytest.mark.parametrize(("text", "expected"), [
    ("ORR was 45%", [("pct", 45.0, "percent")]),
    ("45 per cent", [("pct", 45.0, "percent")]),
    ("median PFS 7.1 months", [("time", 7.1, "months")]),
    ("stay 4 d", [("time", 4.0, "days")]),
    ("4.49 ± 0.85 days", [("time", 4.49, "days")]),
    ("score 12.5 ± 3.1", [("plain", 12.5, None)]),
    ("5.5 (3.8–14.0) months", [("time", 5.5, "months")]),
    ("37.3 v 31.9 weeks", [("time", 37.3, "weeks"), ("time", 31.9, "weeks")]),
    ("12 and 15%", [("pct", 12.0, "percent"), ("pct", 15.0, "percent")]),
    ("1,794 patients (45.2%)", [("pct", 45.2, "percent")]),
    ("median OS not yet reached; NR", [("nr", None, None), ("nr", None, None)]),
    ("95% CI", []),
])
def test_values_read_each_shape(text: str, expected: list) -> None:
    assert [results._printed_value(m)[2:] for m in results._VALUE_RE.finditer(text)] == expected


@pytest.mark.parametrize(("text", "pos", "expected"), [
    ("48.4% (95% CI 30.2–66.9; 15 out of 31)", 25, 6),
    ("(a) and (b [c] 15", 16, 8),
    ("(a) and [c] 15", 14, None),
    ("x (a (b) 15", 10, 2),
    ("(" + "x" * 200 + " 15", 203, None),  # an opening more than 199 characters back is not looked for
])
def test_unclosed_bracket(text: str, pos: int, expected: int | None) -> None:
    assert results._unclosed_bracket(text, pos) == expected


#: Sentences as abstracts print them, with the words the end-anchored patterns look for.
_REALISTIC = [
    "Median follow-up was 24.3 months (range, 3-60); patients aged ≥ 65: 45% vs. 38%, compared with the placebo group.",
    "After a median duration of treatment of 6 cycles, PFS was 7.1 vs 5.2 months versus those receiving the control arm.",
    "At 12 months, the rate was higher than in patients treated with docetaxel (HR = 0.72, 95% CI: 0.61-0.85), v 31.9 weeks.",
    "Doses of 50 mg every 3 weeks for up to 2 years; interval: 21 days = 3 weeks; compared to those on TAS-102 than with",
]


@pytest.mark.parametrize(("name", "outside"), [("_NOT_OUTCOME_BEFORE", "_NOT_IN_NOT_OUTCOME"),
                                               ("_COMPARED_BEFORE", "_NOT_IN_COMPARED")])
def test_searches_back_find_what_a_plain_search_finds(name: str, outside: str) -> None:
    pattern, skipped = getattr(results, name), getattr(results, outside)
    for text in _REALISTIC:
        for start in range(len(text)):
            for end in range(start, min(len(text), start + 60) + 1):
                found = results.search_back(pattern, text, start, end, skipped)
                wanted = pattern.search(text, start, end)
                assert (found and found.span()) == (wanted and wanted.span()), (text[start:end])


def test_any_of_finds_a_word_where_the_alternation_does() -> None:
    """``any_of``: a tree of the words' first characters, held where one of the words is (h-speed4)."""
    import re

    from extractor.patterns import any_of

    words = ["radi", "rehab", "relax", "tai chi", "therap", "therapy", "train", "care", "c++"]
    tree = re.compile(any_of(words))
    assert tree.pattern.startswith("c(?:")
    plain = re.compile("|".join(map(re.escape, words)))
    for text in ("the radiation arm", "rel", "tai chi and yoga", "c+", "c++ code", "therap", "no word here", "careful", ""):
        assert bool(tree.search(text)) == bool(plain.search(text)), text
    with pytest.raises(ValueError):
        any_of(["a", ""])
