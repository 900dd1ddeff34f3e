"""Numbers read in a results sentence that are not results by the contract: a share of the patients by sex or race,
the number of an arm's or a time's name, a year, a planned target (made-up sentences in the printed shapes;
``results._is_context_number`` and its helpers)."""

from __future__ import annotations

import pytest

from tests.test_rules import _sentence_results


def _values(text, arms=("A", "B")):
    return [d.value for d in _sentence_results(text, list(arms))]


@pytest.mark.parametrize(("text", "kept"), [
    # who the patients were: a share by sex or race
    ("Sixty patients (80% male, mean age 38.4 years) completed the intervention.", []),
    ("Of 613 patients randomized, 539 (87.9%) male; 324 (52.9%) Japanese.", [52.9]),
    ("86% patients were male and 54% of the patients had a complete response.", [54.0]),
    ("Twenty-two (73%) were female, 16 (53%) were Caucasian, and 11 (37%) completed the program.", [37.0]),
    # ... not a result given in men or women, nor the women counted
    ("Mortality was reduced vs. B (−39% men, p = 0.0001).", [39.0]),
])
def test_a_share_by_sex_is_no_result(text, kept):
    assert [abs(v) for v in _values(text)] == kept


@pytest.mark.parametrize(("text", "kept"), [
    # the number of an arm's name takes the unit of its neighbours, but is no value
    ("Median OS was 13.8 months for arm 1 versus 14.4 months for arm 2 (P = .4).", [13.8, 14.4]),
    ("At 3 months, the symptoms improved in 90% of the patients in group 1 versus 67% in group 2 (p < .0001).",
     [90.0, 67.0]),
    # ... nor that of a time's name
    ("LDL decreased 4% (P < 0.05) at both week 3 and week 4 in the A group.", [4.0]),
])
def test_the_number_of_a_name_is_no_value(text, kept):
    assert _values(text) == kept


def test_a_year_is_no_percentage():
    text = "The rate of infection in the A group decreased from 3.41% in 2008 to 0.81% in 2011."
    assert _values(text) == [3.41, 0.81]


@pytest.mark.parametrize(("text", "kept"), [
    ("Twenty-five participants (72 %) met the a priori goal of 80 % adherence to the program.", [72.0]),
    ("Training intensity was set at the heart rate associated with 50% of each woman's peak VO2.", []),
])
def test_a_planned_target_is_no_value(text, kept):
    assert _values(text) == kept


@pytest.mark.parametrize(("text", "kept"), [
    ("The efficacy of A was comparable to that of the 1% zinc-pyrithione shampoo.", []),
    ("Of 2734 participants enrolled to the 2% PRO2000 group, 2591 (95%) were followed.", [95.0]),
    ("Mice treated with 0.1% CO extracts showed a significant improvement.", []),
    ("The 20 ml 0.5% ropivacaine group achieved a T9-L1 block.", []),
    # ... not a share after "the" ("the 46.2% and the 18.4% of the patients"), nor a threshold's share
    ("The reduction was achieved in the 46.2% and the 18.4% of the patients treated with A and B, respectively.",
     [46.2, 18.4]),
])
def test_a_strength_is_no_share(text, kept):
    assert _values(text) == kept


@pytest.mark.parametrize(("text", "kept"), [
    ("For the first 5 years following randomisation, relapse-free survival was 60% in the A group.", [60.0]),
    ("There was complete data on 91 participants through the 24 months of the study.", []),
])
def test_a_period_of_the_study_is_no_value(text, kept):
    assert _values(text) == kept


@pytest.mark.parametrize(("text", "kept"), [
    ("The response rate was 32.7% with A (95 % CI: 18.2 to –47.1 %, P = 0.04).", [32.7]),
    ("Two-year survival was 93.7% (95% CI, 86.4% and 97.1%) in the A group.", [93.7]),
    ("The difference met the predefined noninferiority upper CI margin of 0.4%.", []),
    # ... but a value after the interval is one
    ("Median OS was 3.7 months with A, 95% CI 3.2-4.2, vs B, 3.6 months, 3.2-3.9.", [3.7, 3.6]),
])
def test_a_bound_of_an_interval_is_no_value(text, kept):
    assert _values(text) == kept


@pytest.mark.parametrize(("text", "kept"), [
    ("Olopatadine HCl 0.77% was superior to vehicle at onset.", []),
    ("A was as effective as triamcinolone acetonide 0.1% in the management of OLP.", []),
    ("The strategy was ineffective for the primary outcome (OR 1.06 [95% IC: 0.76-1.46]).", [1.06]),
])
def test_a_strength_or_an_interval_level_is_no_value(text, kept):
    assert _values(text) == kept


def test_the_last_landmark_of_a_list_with_a_comma_before_and_is_no_time():
    text = "The incidences of food residue were 15.7%, 5.8%, 7.5%, and 2.8% at 3, 12, 24, and 36 months, respectively."
    assert 36.0 not in _values(text)
