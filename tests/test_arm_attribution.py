"""Which arm a number belongs to (fifth session): arms named in other words than their label, and values the grammar
gives an arm other than the nearest one. One phrase shape per test."""

from extractor.backends.rules.arms import ArmDraft, _add_reworded_aliases, arm_mentions


def _arms(labels: list[str]) -> list[ArmDraft]:
    arms = [ArmDraft(label, [label]) for label in labels]
    _add_reworded_aliases(arms)
    return arms


def _paired(text: str, labels: list[str]) -> list[tuple[float | None, str | None]]:
    from extractor.backends.rules.results import extract_sentence
    from extractor.structure import Sentence

    arms = _arms(labels)
    found = extract_sentence(Sentence(0, len(text), text, "results", 0), lambda t: arm_mentions(t, arms), 95.0, labels)
    return [(d.value, d.arm) for d in found if d.measure not in {"hazard_ratio", "odds_ratio", "risk_ratio", "difference"}]


def test_words_joined_by_a_space_where_the_label_has_a_hyphen():
    text = ("High quality of life was reported by 62 (35%) of 179 men allocated radical prostatectomy and 55 (34%) of "
            "160 men assigned to watchful waiting.")
    assert _paired(text, ["radical prostatectomy", "watchful-waiting"]) == [
        (35.0, "radical prostatectomy"), (34.0, "watchful-waiting")]


def test_words_joined_by_a_hyphen_where_the_label_has_a_space():
    text = "Mortality was 12% in the medical-management group and 8% in the surgery group."
    assert _paired(text, ["medical management", "surgery"]) == [(12.0, "medical management"), (8.0, "surgery")]
    assert "watchful waiting" not in _arms(["watchful-waiting", "watchful waiting"])[0].aliases


def test_arms_listed_before_their_group_word_inside_the_outcome_words():
    text = ("Incidence of EA in the TS, TL, PS, and PL groups were 21 (70%), 2 (6.7%), 1 (3.3%), and 0 (0%), respectively "
            "(P < 0.001).")
    assert _paired(text, ["TS", "TL", "PS", "PL"]) == [(70.0, "TS"), (6.7, "TL"), (3.3, "PS"), (0.0, "PL")]
    text = "The incidence of EA in the TS, TL, PS and PL groups was 70%, 6.7%, 3.3% and 10%, respectively."
    assert _paired(text, ["TS", "TL", "PS", "PL"]) == [(70.0, "TS"), (6.7, "TL"), (3.3, "PS"), (10.0, "PL")]
