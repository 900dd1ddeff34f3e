"""Arm aliases and labels: the words of a sentence that name an arm, one test per phrase shape."""

from __future__ import annotations

from extractor.backends.rules.arms import arm_mentions, find_arms, tidy_label


def _named(sentences: list[str], text: str) -> list[tuple[str, str]]:
    arms = find_arms(None, sentences)
    return [(text[start:end], label) for start, end, label in arm_mentions(text, arms)]


def test_a_clause_after_the_arms_name_is_not_part_of_its_label():
    assert tidy_label("placebo, administered every 28 days") == "placebo"
    assert tidy_label("AT, which varied in duration") == "AT"
    assert tidy_label("without bevacizumab, all administered") == "without bevacizumab"


def test_an_arm_takes_the_name_the_text_gives_it_in_brackets():
    design = ["A total of 108 patients were randomly assigned to receive pain education alone (control arm) or "
              "pain education plus telemonitoring (experimental arm)."]
    assert [a.label for a in find_arms(None, design)] == ["control", "experimental"]
    assert _named(design, "Adherence was 90% in the experimental arm.") == [("experimental arm", "experimental")]


def test_a_lettered_arm_keeps_its_label_and_is_also_named_by_its_bracket():
    design = ["Patients were randomized to group D (n = 30), given dexmedetomidine (dexmedetomidine group), "
              "or group P (n = 30), given saline (placebo group)."]
    assert [a.label for a in find_arms(None, design)] == ["group D", "group P"]
    assert _named(design, "Shivering was 10% in the placebo group.") == [("placebo group", "group P")]


def test_an_arm_alone_is_also_named_hyphenated():
    design = ["Patients were randomly assigned to surgery alone or surgery plus chemotherapy."]
    assert _named(design, "Survival was 40% in the surgery-alone arm.") == [("surgery-alone", "surgery alone")]
    assert _named(design, "Survival was 40% in the surgery-only arm.") == [("surgery-only", "surgery alone")]
