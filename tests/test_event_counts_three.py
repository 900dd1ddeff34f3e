"""Counts of events, a sixth session's shapes (results.py's count readers): one test per phrase shape."""

from __future__ import annotations

import pytest

from tests.test_result_counts import _counts


@pytest.mark.parametrize("sentence, expected", [
    # a count in a teen word is a value: the sentence is read at all ("_HAS_VALUE")
    ("Fourteen patients withdrew because of toxicity.", [("DISCONTINUATION", 14.0, None)]),
    ("Seventeen patients had TUR syndrome.", [("OTHER", 17.0, None)]),
])
def test_teen_word_counts(sentence, expected):
    assert _counts(sentence) == expected


@pytest.mark.parametrize("sentence, arms, expected", [
    # the disease come back, after a verb of what people had: a relapse (RFS) count ("_RELAPSES", group "had")
    ("Seven patients had a recurrence.", [], [("RFS", 7.0, None)]),
    ("Two patients experienced disease recurrence.", [], [("RFS", 2.0, None)]),
    ("No patient developed recurrence.", [], [("RFS", 0.0, None)]),
    ("Three patients in the A group and five in the B group developed recurrence.", ["A", "B"],
     [("RFS", 3.0, "A"), ("RFS", 5.0, "B")]),
    # a site of recurrence is an outcome of its own, not an adverse event
    ("Five patients developed local recurrence.", [], [("OTHER", 5.0, None)]),
    # who the people were, and a rate, are no count
    ("Of the 30 patients who had a recurrence, 12 received salvage surgery.", [], []),
    ("Patients who had a relapse had worse survival.", [], []),
])
def test_recurrence_people_had(sentence, arms, expected):
    assert _counts(sentence, arms) == expected


@pytest.mark.parametrize("sentence, arms, expected", [
    # progression of the disease seen in people counted next: PFS's event ("_DISEASE_PROGRESSION")
    ("Disease progression occurred in 14 patients.", [], [("PFS", 14.0, None)]),
    ("Tumor progression was observed in 9 patients in the A arm and 4 in the B arm.", ["A", "B"],
     [("PFS", 9.0, "A"), ("PFS", 4.0, "B")]),
    # progression to another disease is not the trial's PFS
    ("Progression to AIDS occurred in 5 patients.", [], [("OTHER", 5.0, None)]),
])
def test_progression_seen_in_people(sentence, arms, expected):
    assert _counts(sentence, arms) == expected


@pytest.mark.parametrize("sentence, expected", [
    # "none" with no people word before the verb ("_PEOPLE_HAD")
    ("Seventeen patients completed the study, and none withdrew because of adverse events.",
     [("DISCONTINUATION", 0.0, None)]),
    # a people word is still needed before a place: not "All but two of the study patients died"
    ("All but two of the study patients died.", []),
])
def test_none_without_people_word(sentence, expected):
    assert _counts(sentence) == expected


@pytest.mark.parametrize("sentence, arms, expected", [
    # the events of a survival endpoint counted ("_SURVIVAL_EVENTS")
    ("The final analysis was conducted as planned after 256 progression events.", [], [("PFS", 256.0, None)]),
    ("After 120 EFS events, the trial was stopped.", [], [("EFS", 120.0, None)]),
    ("At the time of analysis, 88 event-free survival events had occurred.", [], [("EFS", 88.0, None)]),
    ("There were 45 DFS events in the A arm and 60 in the B arm.", ["A", "B"], [("DFS", 45.0, "A"), ("DFS", 60.0, "B")]),
    ("There were 30 progressions in the A arm and 41 in the B arm.", ["A", "B"], [("PFS", 30.0, "A"), ("PFS", 41.0, "B")]),
    # and the deaths counted after them keep their own count ("_counted_next")
    ("This report is based on 67 tumor progressions and 16 observed deaths in 85 patients.", [],
     [("PFS", 67.0, None), ("OS", 16.0, None)]),
    # a definition counts nothing
    ("Progression events were defined as radiological progression.", [], []),
])
def test_survival_events_counted(sentence, arms, expected):
    assert _counts(sentence, arms) == expected


@pytest.mark.parametrize("sentence, arms, expected", [
    # relapses of one site are an outcome of their own, named as written ("_RELAPSES", group "site")
    ("There were 9 local relapses.", [], [("OTHER", 9.0, None)]),
    ("There were 4 local recurrences in the A arm and 9 in the B arm.", ["A", "B"], [("OTHER", 4.0, "A"), ("OTHER", 9.0, "B")]),
    # none of one site says nothing of the others
    ("There were no local recurrences.", [], []),
])
def test_relapses_of_a_site(sentence, arms, expected):
    assert _counts(sentence, arms) == expected


@pytest.mark.parametrize("sentence, arms, expected", [
    # a count split by arm after "including" or "; of these," ("_SPLIT_LEAD", "_WHERE_COUNTED")
    ("Three patients died, including one in the A group (variceal bleed) and two in the B group.", ["A", "B"],
     [("OS", 3.0, None), ("OS", 1.0, "A"), ("OS", 2.0, "B")]),
    ("A total of 76 biochemical relapses have occurred; of these, 37 were in the A and 39 in the B schedule.", ["A", "B"],
     [("OTHER", 76.0, None), ("OTHER", 37.0, "A"), ("OTHER", 39.0, "B")]),
])
def test_count_split_after_including(sentence, arms, expected):
    assert _counts(sentence, arms) == expected


def test_people_described_as_treated():
    # one word of treatment before the people ("_PEOPLE_HAD"): "two TIO-treated subjects died"
    assert _counts("Pneumonia was commoner, and two TIO-treated subjects died following cardiovascular events.") == \
        [("OS", 2.0, None)]
