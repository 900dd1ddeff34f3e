"""Countries named as trial sites: people of a country, a trial run in a country, and a country
that only names an organisation (a cooperative group, a trial registry, a regulator)."""

import pytest

from extractor.backends.rules import design
from extractor.backends.rules.lexicon import find_countries


def _countries(text: str) -> list[str]:
    return design.countries(text, find_countries(text))


@pytest.mark.parametrize("text, named", [
    ("112 Tunisian patients with rapidly progressing breast cancer were randomised.", ["Tunisia"]),
    ("A randomized trial of bevacizumab in Japanese mCRC patients.", ["Japan"]),
    ("METHODS: 20,536 UK adults (aged 40-80 years) with vascular disease were randomly allocated.", ["United Kingdom"]),
    ("Outcomes in Korean women with locally advanced breast cancer.", ["South Korea"]),
])
def test_people_of_a_country_name_it_as_a_site(text, named):
    assert _countries(text) == named


@pytest.mark.parametrize("text, named", [
    ("Effects on hypertension: a multi-town clustered randomized trial in China.", ["China"]),
    ("A cluster-randomised controlled trial in eastern Zimbabwe.", ["Zimbabwe"]),
    ("Women were enrolled in a study conducted in rural Malawi.", ["Malawi"]),
])
def test_a_trial_run_in_a_country(text, named):
    assert _countries(text) == named


@pytest.mark.parametrize("text", [
    "Phase II study of zoledronic acid combined with docetaxel: West Japan Oncology Group. A multicenter trial.",
    "The National Cancer Institute of Canada Clinical Trials Group (NCIC CTG) conducted this trial.",
    "TRIAL REGISTRATION: the trial was registered in the Chinese Clinical Trial Registry, ChiCTR-TRC-12002191.",
    "This trial was registered in the Australian New Zealand Clinical Trials Registry (ANZCTR).",
    "The trial was conducted under a US Food and Drug Administration investigational device exemption.",
])
def test_a_country_in_an_organisation_name_names_no_site(text):
    assert _countries(text) == []


def test_hong_kong_chinese_adults_are_in_hong_kong():
    assert _countries("A trial in middle-aged Hong Kong Chinese adults with MetS.") == ["Hong Kong"]


@pytest.mark.parametrize("text, named", [
    # a place given as "City, Country" where people were, or in brackets after a hospital or institute
    ("The study cohort comprised 740 men in Göteborg, Sweden, undergoing biopsy.", ["Sweden"]),
    ("Seventy-one patients have been treated in Cancer Institute (Tehran, Iran) with docetaxel.", ["Iran"]),
    ("Adherence in treatment-naive individuals living with HIV in Hengyang, Hunan, China.", ["China"]),
    # clinics say where the trial ran
    ("This phase 3 trial was undertaken at 37 clinics in Denmark, Norway, and Sweden.", ["Denmark", "Norway", "Sweden"]),
    # a maker's address names no site
    ("Weaning with SmartCare (Dräger, Lübeck, Germany) decreased weaning time.", []),
    ("Simvastatin (Pfizer, USA) was given daily.", []),
])
def test_a_place_and_its_country(text, named):
    assert _countries(text) == named
