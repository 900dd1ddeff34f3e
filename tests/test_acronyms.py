"""Trial names (acronyms) on shapes found on unseen abstracts: which names are read, and which is the document's own."""

from __future__ import annotations

import pytest

from extractor.backends.rules import design
from extractor.backends.rules.backend import _own_acronym, _this_trial
from extractor.structure import read_structure


def _names(text: str) -> list[str]:
    return [name for _, name in design.acronyms(text)]


def _own(text: str, title: str | None = None) -> str | None:
    return _own_acronym(title, list(read_structure(text).sentences))


@pytest.mark.parametrize("text, names", [
    # a dotted number, as the Canadian group numbers its trials
    ("Quality of life was measured in the MA.17 trial.", ["MA.17"]),
    ("The CO.20 trial randomized patients with wild-type tumours.", ["CO.20"]),
    ("the National Cancer Institute of Canada Clinical Trials Group MY.11 trial", ["MY.11"]),
])
def test_a_dotted_trial_number_is_one_name(text, names):
    assert _names(text) == names


@pytest.mark.parametrize("text, names", [
    ("National Cancer Institute of Canada Clinical Trials Group CO.17 demonstrated that cetuximab improves survival.",
     ["CO.17"]),
    ("We performed a retrospective analysis of Eastern Cooperative Oncology Group (ECOG) 5592, a phase III trial.",
     ["ECOG 5592"]),
    ("A phase III trial (Cancer and Leukemia Group B CALGB-49907) was conducted.", ["CALGB-49907"]),
    # a letter after the number is the name's, as printed; a word after it is not
    ("WJOG5108L, a randomized phase III trial, compared gefitinib with erlotinib.", ["WJOG5108L"]),
    ("In JCOG0502 A patients were randomised.", ["JCOG0502"]),
    # an arm is no group's trial; a group that does not number its trials so is left
    ("Patients in Group A1 and Group B2 were treated.", []),
    ("The Example Study Group (ESG) 005 study has reported that the concurrent regimen is better.", []),
])
def test_a_numbered_trial_after_its_groups_spelled_out_name(text, names):
    assert _names(text) == names


@pytest.mark.parametrize("text, names", [
    ("We report the QOL results of JBR.10, a North American, intergroup, randomized trial of cisplatin.", ["JBR.10"]),
    ("KEYNOTE-999, a randomised phase 3 study, enrolled 600 patients.", ["KEYNOTE-999"]),
    ("PFS, a secondary end point in this study, was longer.", []),
    ("NCIC CTG MA.17, a randomized trial of letrozole, accrued 5000 women.", ["NCIC CTG MA.17"]),  # not "MA.17" again
])
def test_a_name_and_what_it_is_after_a_comma(text, names):
    assert _names(text) == names


@pytest.mark.parametrize("text, names", [
    ("Fulvestrant with vandetanib in bone metastatic breast cancer: An OCOG ZAMBONEY sub-study", ["ZAMBONEY"]),
    ("Golimumab for Active Ulcerative Colitis: PURSUIT-SC Maintenance Study Extension Through 1 Year", ["PURSUIT-SC"]),
    ("Survivors took part in the FRESH START intervention trial.", ["START"]),
    # a disease and what the trial prevents or screens for: no name
    ("Women enrolled in an HIV Prevention Trial and in the PSA screening trial.", []),
    ("Of 562 participants, 415 were in the according-to-protocol (ATP) cohort and 132 in the ATP sub-cohort.", []),
])
def test_a_word_between_the_name_and_the_trial_word(text, names):
    assert _names(text) == names


def test_a_bracketed_name_and_trial_word_is_read_where_the_trial_is_described():
    text = ("Patients were enrolled in an international, multicentre, prospective randomised trial of laparoscopic versus "
            "open surgery for endometrial cancer (LACE trial).")
    assert design.acronyms(text) == [(text.index("trial of"), "LACE")]
    assert _own(text + " The analysis focussed on 600 patients.") == "LACE"
    # a name in the bracket after another name stays where it is
    text = "Japan Clinical Oncology Group Study JCOG1310 (PRECIOUS study)"
    assert design.acronyms(text) == [(36, "JCOG1310"), (46, "PRECIOUS")]


@pytest.mark.parametrize("name, plausible", [
    ("Sham-Controlled", False), ("Cluster-Randomised", False), ("Web-Based", False), ("First-In-Human", False),
    ("Follow-Up", False), ("Large-Scale", False), ("Placebo-Control", False), ("Quasi-Experimental", False),
    ("AdultsClinical", False), ("InterventionRaPP", False),  # a title run into the next line
    ("NCT00506311", False), ("IRCT201107187038N2", False), ("PCAN-17-0128", False),  # registry and manuscript numbers
    ("IIIB", False), ("HIV", False),
    ("Morpheus-Melanoma", True), ("EDGE-Gastric", True), ("CodeBreaK", True), ("ProtecT", True), ("CanPrevent", True),
    ("OptiTROP-Lung01", True), ("AVAglio", True),
])
def test_words_of_a_title_and_registry_numbers_are_no_names(name, plausible):
    assert design._plausible_acronym(name) is plausible


@pytest.mark.parametrize("text, term", [
    ("walking for knee osteoarthritis: a knowledge translation (KT) randomized controlled trial", True),
    ("response rates amongst older general practitioners (GPs): a randomised controlled trial", True),
    ("ciclosporin for steroid-resistant acute severe ulcerative colitis (CONSTRUCT): a pragmatic trial", False),
    ("the Tamoxifen Exemestane Adjuvant Multinational (TEAM) trial", False),
])
def test_a_bracket_that_abbreviates_lower_case_words_is_a_term(text, term):
    at = text.index("(") + 1
    assert design.spelled_out_term(text, at, text[at:text.index(")")]) is term


@pytest.mark.parametrize("title, acronym", [
    ("A randomized trial of a fibrin sealant in melanoma patients: A randomized controlled trial (NCT00506311)", None),
    ("A small incentive for older general practitioners (GPs): a randomised controlled trial", None),
    ("Randomized trial of nicotine replacement therapy (NRT), bupropion and both for smoking cessation", None),
    ("AIO LQ-0110: a randomized phase II trial comparing oral doxycycline with erythromycin", "AIO LQ-0110"),
    ("Addition of lenalidomide to melphalan in myeloma: the National Cancer Institute of Canada Clinical Trials Group "
     "MY.11 trial", "MY.11"),
    ("Infliximab versus ciclosporin for steroid-resistant ulcerative colitis (CONSTRUCT): a pragmatic randomised trial",
     "CONSTRUCT"),
])
def test_names_in_titles_on_unseen_shapes(title, acronym):
    assert _own_acronym(title, []) == acronym


@pytest.mark.parametrize("text, acronym", [
    # the text's first sentence says what the trial did, even where it reads as background
    ("The AVEREL trial [A Study of Avastin in Combination With Herceptin] evaluated first-line bevacizumab. Patients were "
     "randomly assigned to two arms.", "AVEREL"),
    ("BACKGROUND: The ATAC trial showed that anastrozole is better. METHODS: We studied bone density in 300 women.", None),
    # a name read before, reported on without a trial word
    ("Canadian Clinical Trials Group CO.17 demonstrated that cetuximab improves survival. This article reports the "
     "health-related quality-of-life outcomes from CO.17. Patients were randomly assigned.", "CO.17"),
    ("We performed a retrospective analysis of Eastern Cooperative Oncology Group (ECOG) 5592, a phase III randomized "
     "trial of platinum-based chemotherapy.", "ECOG 5592"),
    ("We assessed QOL as one of the secondary end points of the V325 phase III trial. Patients were randomized.", "V325"),
    ("To evaluate letrozole on quality of life in the MA.17 trial. Patients completed the SF-36.", "MA.17"),
])
def test_the_documents_own_trial_on_unseen_shapes(text, acronym):
    assert _own(text) == acronym


def test_a_name_after_a_comma_that_we_report_is_the_documents_own():
    text = "We report the QOL results of JBR.10, a North American, intergroup, randomized trial of cisplatin."
    assert _this_trial(text) == "JBR.10"
    assert _own(text + " Patients completed questionnaires.") == "JBR.10"


@pytest.mark.parametrize("text, names", [
    ("QUARTZ is a randomised, non-inferiority, phase III trial comparing two treatments.", ["QUARTZ"]),
    ("SATURN (Sequential Tarceva in Unresectable NSCLC) was a randomised, double-blind study of erlotinib.", ["SATURN"]),
    ("In one of these trials, HOVON49, a prospective health-related quality-of-life (HRQoL) study was initiated.",
     ["HOVON49"]),
    ("Cytoreductive therapy in PV (CYTO-PV) is a multicenter, randomized, and controlled trial.", ["CYTO-PV"]),
    # not a description of a trial: prepositions in between, a study drug, a bracket that abbreviates lower-case words
    ("CBPR was a critical for recruiting networks to the trial.", []),
    ("Treatment with ABC was a safe study drug.", []),
    ("We combined nerve block or local block (LB), a 3-week prospective, randomized, double-blind, controlled study.", []),
])
def test_a_name_that_is_or_was_a_trial(text, names):
    assert _names(text) == names


def test_the_bracket_may_open_with_the():
    assert _names("A trial of omega-3 fatty acids in multiple sclerosis (the OFAMS Study). Serum levels rose.") == ["OFAMS"]


@pytest.mark.parametrize("title, acronym", [
    ("ACE Inhibition and Endothelial Function: Main Findings of PERFECT, a Sub-Study of the EUROPA Trial", "PERFECT"),
    ("Effect of risedronate on joint structure in knee osteoarthritis: results of the BRISK randomized, controlled trial",
     "BRISK"),
])
def test_the_title_names_its_subject_first(title, acronym):
    assert _own_acronym(title, []) == acronym


def test_a_sentence_that_opens_on_the_objective_names_the_documents_own_trial():
    text = ("To evaluate the safety and efficacy of abatacept during 2 years of the ATTAIN (Abatacept Trial in Treatment of "
            "Anti-TNF INadequate responders) trial in patients with arthritis. Patients were randomized.")
    assert _own(text) == "ATTAIN"


@pytest.mark.parametrize("text, names", [
    ("In the GO‐BEFORE study, 637 patients were randomized.", ["GO‐BEFORE"]),  # a Unicode hyphen, as printed
    ("A Randomized, Double‐Blinded, Placebo‐Controlled Trial of X", []),
    ("Thirty-three patients were included in this IRB-approved study.", []),
    ("Patients in the EGFR-mutated cohort and the KRAS-positive study responded.", []),
])
def test_hyphens_as_printed_and_words_that_qualify(text, names):
    assert _names(text) == names


def test_a_name_after_a_unicode_hyphenated_design_is_the_documents_own():
    text = "Treatment was well tolerated. This phase 2, open‐label study (MAGELLAN‐1) evaluated glecaprevir."
    assert _own(text) == "MAGELLAN‐1"


def test_a_text_that_opens_on_a_name_and_what_it_is_names_its_own_trial():
    text = ("BACKGROUND: RESPIRE, a randomized trial of an improved cookstove, was conducted in Guatemala. METHODS: Women "
            "were randomized to a stove or none.")
    assert _own(text) == "RESPIRE"


def test_a_trial_we_report_on_is_ours_even_while_it_is_ongoing():
    text = ("Sac-TMT is an antibody-drug conjugate. We report the initial findings from the ongoing phase 2 EXAMPLE-Lung01 "
            "study, evaluating the combination of two drugs. Cohort 1A received 40 patients.")
    assert _own(text) == "EXAMPLE-Lung01"
    assert _own("Survival was similar in both arms. Our ongoing NEJ009 study will clarify whether this is better.") is None
