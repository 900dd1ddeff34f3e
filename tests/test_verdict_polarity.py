"""Verdicts of the wrong polarity: one test per phrase shape that turned a verdict the wrong way round."""

from __future__ import annotations

import pytest

from extractor.backends.rules import verdict
from tests.test_verdict import _sentences


@pytest.mark.parametrize("text, expected", [
    ("P =. 048", [("=", 0.048)]),  # a space after the point, as some flattened abstracts print it
    ("improved (p < or = 0.05)", [("< or =", 0.05)]),
    ("P = 0.3", [("=", 0.3)]),
])
def test_p_values_as_printed(text, expected):
    assert verdict.p_values(text) == expected


def test_a_bound_written_in_words_is_significant():
    assert verdict.significance("In response to training, QOL and VO2peak improved (p < or = 0.05).") is True
    assert verdict.significance("Superior survival was observed with paclitaxel (median 9.9 months; P =. 048).") is True


@pytest.mark.parametrize("text", [
    "Even though both treatment modalities resulted in significant decrease in the total arm volume (12.2% decrease "
    "in Group II and 14.9% decrease in Group I) (p<0.001), no significant difference (p=0.582) was found between "
    "those two groups.",
    "The results showed a significant reduction in anxiety symptoms within each of the three groups (P = 0.00), but "
    "no difference in outcome between the groups (P = 0.605).",
])
def test_a_change_in_both_groups_beside_a_denial_between_them(text):
    assert verdict.significance(text) is False


def test_a_significant_difference_before_another_denial_still_counts():
    text = "PFS was significantly longer with drug X (P = .01), while response rates were not significantly different."
    assert verdict.significance(text) is True


@pytest.mark.parametrize("text", [
    "In Group A (control), there was no statistically significant reduction in Ki-67 (MIB-1) (p = 0.627).",
    "We observed no significant changes in the control group.",
    "In the chemoradiotherapy group there was no change in left ventricular global strain.",
])
def test_a_finding_within_one_group(text):
    assert verdict.first_significance(_sentences(("results", text))) is None


def test_a_finding_between_groups_is_not_within_one():
    text = "In the treatment group there was a significantly lower pain score than in the control group (P = .01)."
    assert verdict.first_significance(_sentences(("results", text))) is True


def test_no_change_in_the_endpoint_is_not_significant():
    text = ("In the chemoradiotherapy group there was no change in left ventricular global strain but MAPSE decreased "
            "significantly (p = 0.02).")
    assert verdict.significance(text, text.index("left ventricular")) is False


@pytest.mark.parametrize("text", [
    "The upper limit of the 95% confidence interval was less than the prespecified limit of <0.75 g/dL, supporting "
    "noninferiority of the EDS dosing schedule.",
    "Of patients, 27% and 25% reached the primary outcome with glargine and detemir, respectively, demonstrating the "
    "noninferiority of glargine.",
])
def test_non_inferiority_supported_is_met(text):
    assert verdict.stated(_sentences(("results", text))) is True


@pytest.mark.parametrize("text, expected", [
    # a worse arm
    ("'Casodex' 150 mg is less effective than castration in patients with M1 disease.", False),
    ("In conclusion, the DEB + BMS strategy is inferior to the ZES one in terms of the LL result at 9 months.", False),
    ("Single administration of fosaprepitant was not inferior to 5-day administration of aprepitant.", True),
    # a benefit in other words
    ("Tamoxifen significantly reduced Ki-67 and estrogen receptor positivity in the breast epithelium.", True),
    ("Narrow gastric tube reconstruction may be a good alternative choice in view of better health-related quality of "
     "life after the surgery.", True),
    ("In conclusion, self-sampling increased attendance rates and was feasible and well received.", True),
    # an association is no benefit; a reduction beside no beneficial effect is a split
    ("Digoxin use in infants with single ventricle disease is associated with significantly reduced interstage "
     "mortality.", None),
    ("Cilostazol treatment significantly reduced serum sVCAM-1 level, but this short term treatment was not associated "
     "with beneficial effect on arterial stiffness and other inflammatory markers.", None),
])
def test_conclusions_of_either_polarity(text, expected):
    assert verdict.conclusion(_sentences(("conclusion", text))) is expected
