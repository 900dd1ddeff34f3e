"""Counts and shares of outcomes no endpoint names, named from the sentence's words (results.py's count readers and
``_with_unnamed_outcome``), one test per phrase shape."""

from __future__ import annotations

import pytest

from tests.test_rules import _sentence_results


def _results(sentence, arms=()):
    return [(d.endpoint, d.measure, d.value, d.arm, d.name) for d in _sentence_results(sentence, list(arms))]


@pytest.mark.parametrize("sentence, arms, expected", [
    # people counted, where, then what they had, in their own words
    ("Eighteen patients receiving IFN5 and 4 patients receiving IFN1 had dose reductions (P = .002).", ["IFN5", "IFN1"],
     [("FEASIBILITY", "count", 18.0, "IFN5", "dose reductions"), ("FEASIBILITY", "count", 4.0, "IFN1", "dose reductions")]),
    ("No patients on nabilone required additional parenteral anti-emetic.", ["nabilone", "prochlorperazine"],
     [("OTHER", "count", 0.0, "nabilone", "additional parenteral anti-emetic")]),
    # a share of them, before what they had
    # (an extrapyramidal reaction is a named adverse event)
    ("Nine patients (21%) had an extrapyramidal reaction.", [], [("AE", "proportion", 21.0, None, "extrapyramidal reaction")]),
    # who they were is no outcome
    ("Eight patients had embryonal histology, and 24 patients had alveolar histology.", [], []),
    ("One hundred eighty-five patients had function data.", [], []),
])
def test_what_counted_people_had(sentence, arms, expected):
    assert _results(sentence, arms) == expected


@pytest.mark.parametrize("sentence, expected", [
    # what people developed or suffered is an adverse event
    ("No patients developed hemolytic uremic syndrome.", [("AE", "count", 0.0, None, "hemolytic uremic syndrome")]),
    # fatal events and progression are the survival endpoints' events
    ("Among the 103 patients, 55 patients experienced a fatal event.", [("OS", "count", 55.0, None, "fatal event")]),
])
def test_the_kind_of_what_people_had(sentence, expected):
    assert _results(sentence) == expected


@pytest.mark.parametrize("sentence, arms, expected", [
    # an outcome seen in people counted next, named by the clause's words before the verb
    ("Technical failure occurred in one patient in the SM-RFA group.", ["SM-RFA", "SB-RFA"],
     [("OTHER", "count", 1.0, "SM-RFA", "Technical failure")]),
    ("Delirium occurred in 31 patients (11.9%).", [], [("OTHER", "proportion", 11.9, None, "Delirium")]),
    ("The immediate lung expansion was observed in 27 patients (45%).", [],
     [("OTHER", "proportion", 45.0, None, "immediate lung expansion")]),
    # after toxicity, another event seen is adverse too
    ("Neurologic toxicity was observed in 31 patients (64%) in arm A, while a cholinergic syndrome was detected in nine "
     "patients (19%) in arm B.", ["arm A", "arm B"],
     [("AE", "proportion", 64.0, "arm A", None), ("AE", "proportion", 19.0, "arm B", "cholinergic syndrome")]),
    # a clause that names its outcome keeps it
    ("Grade 3-5 infections in all randomisation groups were reported in 18 patients.", [],
     [("AE_GRADE3PLUS", "count", 18.0, None, "Grade 3-5 infection")]),
])
def test_an_outcome_seen_in_counted_people(sentence, arms, expected):
    assert _results(sentence, arms) == expected


def test_a_count_of_the_people_of_a_group():
    """ "eight of 26 patients": the count, with the group it is counted in."""
    assert _results("Eight of 26 patients in the CONT group had documented disease progression.", ["CONT", "INT"]) == \
        [("PFS", "count", 8.0, "CONT", "documented disease progression")]


def test_one_in_so_many_is_no_count():
    """ "One in five participants … achieved": a share, not five people."""
    assert _results("One in five participants in the delayed-image group achieved a clinically significant weight loss.",
                    ["delayed-image"]) == []


def test_an_outcome_the_sentence_opens_with_owns_the_count():
    """ "Reherniation occurred in 10 patients": the subject named, then the people it was seen in."""
    assert _results("Reherniation occurred in 10 patients after CST.") == [("OTHER", "count", 10.0, None, "Reherniation")]


@pytest.mark.parametrize("sentence, expected", [
    # the words of the clause, whole, not the relative pronoun
    ("Beyond 30 days, stroke in the same territory occurred in 13 patients.",
     [("OTHER", "count", 13.0, None, "stroke in the same territory")]),
    ("Treatment failure within 24 months of therapy was seen in 8 patients.",
     [("OTHER", "count", 8.0, None, "Treatment failure within 24 months of therapy")]),
    # who they were counted in is no count of what they had
    ("Five of nine subjects compared with 2 of eight subjects experienced exacerbations.", []),
])
def test_the_words_that_name_what_was_seen(sentence, expected):
    assert _results(sentence) == expected


def test_a_relative_clause_keeps_the_outcome_named_before():
    """ "nosocomial pneumonia, which occurred in 16 (80%) patients": "which" names nothing."""
    names = {r[4] for r in _results("Nosocomial pneumonia, which occurred in 16 (80%) patients versus seven (33%) patients.")}
    assert "which" not in names
