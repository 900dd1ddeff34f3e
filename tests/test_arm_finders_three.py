"""Arm finders on design sentences: the shapes added in the fifth session's third round (h-arms2)."""

from extractor.backends.rules.arms import find_arms


def _arms(*sentences: str, title: str | None = None) -> list[tuple[str | None, int | None]]:
    return [(a.label, a.n) for a in find_arms(title, list(sentences))]


def _labels(*sentences: str, title: str | None = None) -> list[str | None]:
    return [label for label, _ in _arms(*sentences, title=title)]


def test_groups_named_by_a_spaced_dose():
    assert _labels("Median survival was prolonged from 9 months in the 45 Gy group to 12 months in the 60 Gy group.") == \
        ["45 Gy", "60 Gy"]


def test_counts_in_abbreviated_arms_without_the():
    assert _arms("This prospective double arm study consisted of 217 patients with prostate cancer, 112 in H-ARM and "
                 "105 in C-ARM arm.") == [("H-ARM", 112), ("C-ARM", 105)]


def test_counts_in_abbreviated_arms_without_the_only_where_the_arms_were_randomised():
    assert _arms("APTB was clinically confirmed in 51 patients (70.8%), 27 in ES and 24 in SI.") == []


def test_a_declared_third_arm_from_a_later_shape():
    assert _arms("Of 342 patients, 291 were randomised across three treatment groups (temozolomide n=93, hypofractionated "
                 "radiotherapy n=98, standard radiotherapy n=100).",
                 "Median overall survival was longer with temozolomide than with standard radiotherapy.") == \
        [("temozolomide", 93), ("hypofractionated radiotherapy", 98), ("standard radiotherapy", 100)]


def test_labelled_arms_stand_whatever_count_is_declared():
    assert _labels("Patients were divided into four groups.", "Group I received laser, group II amlexanox and group III "
                   "placebo.") == ["group I", "group II", "group III"]


def test_a_counted_drug_given_alone():
    assert _arms("This trial compared three strategies: 1) continuous high-dose lenalidomide (n=15); 2) sequential "
                 "azacitidine and lenalidomide (n=39); and 3) azacitidine only (n=34).") == \
        [("lenalidomide", 15), ("azacitidine plus lenalidomide", 39), ("azacitidine", 34)]


def test_a_two_drug_arm_is_also_named_with_and():
    arms = find_arms(None, ["Patients were randomised to capecitabine plus docetaxel or docetaxel (n=40 each)."])
    assert "capecitabine and docetaxel" in next(a for a in arms if a.label == "capecitabine plus docetaxel").aliases
