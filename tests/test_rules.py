"""The rule backend: pattern units, then behaviour on the bundled seed documents."""

from __future__ import annotations

import re
import warnings

import pytest

from extractor import extract
from extractor.backends.rules import design
from extractor.backends.rules.text import folded, parse_number, word_to_int
from extractor.backends.rules.vocabulary import find_mentions
from extractor.documents import Document
from extractor.readers import read_documents
from tests.conftest import EXAMPLES


@pytest.mark.parametrize(("text", "expected"), [
    ("registered (NCT04028063).", ["NCT04028063"]),
    ("ClinicalTrials.gov identifier:NCT05329766.", ["NCT05329766"]),
    ("number ISRCTN 77383050.", ["ISRCTN77383050"]),
    ("reference number ISCRTN45724312.", ["ISRCTN45724312"]),
    ("Current Controlled Trial Number (ISRCTN): 28632626; http", ["ISRCTN28632626"]),
    ("Trial registration: ISRCTN registry (86247213)", ["ISRCTN86247213"]),
    ("ISRCTN Registry 24426731", ["ISRCTN24426731"]),
    # Australia's register by its other abbreviation; Pan African ids of 14 digits
    ("Clinical Trials Registry (ANZCTR): 12610000197033; http", ["ACTRN12610000197033"]),
    ("Clinical Trials Registry ANZCTRN12614001205628", ["ACTRN12614001205628"]),
    ("(ANZCTR) ANZCTRN012605000490673", ["ACTRN12605000490673"]),
    ("(Pan African Clinical Trial Registry: PACTR20121100033272)", ["PACTR20121100033272"]),
    ("(Registration number: ACTRN12610000270011)", ["ACTRN12610000270011"]),
    ("(UMIN000001098).", ["UMIN000001098"]),
    # the Netherlands Trial Register's forms (its TC number is the NTR number)
    ("Dutch Trial Register NTR-2051 www", ["NTR2051"]),
    ("Nederlands Trial Register (NTR: 1786) and", ["NTR1786"]),
    ("registered with the Netherlands Trial Register, NTR TC 2452.", ["NTR2452"]),
    ("Dutch Trial Register (NTR) trial number: 10340; http", ["NTR10340"]),
    ("Dutch Trial Register no. 2976. 11 July 2011.", ["NTR2976"]),
    ("Nederlands Trial Register TC = 5687", ["NTR5687"]),
    ("Nederlands Trial Register: NTR 3045; http", ["NTR3045"]),
    ("Nederlands Trial Register ISRCTN51021015", ["ISRCTN51021015"]),
    ("ChiCTR2000031234 and EudraCT 2015-001234-56", ["ChiCTR2000031234", "2015-001234-56"]),
    ("registered on http://www.chictr.org.cn (No. chictr-inr-16008709).", ["ChiCTR-INR-16008709"]),
    ("jRCTs031180123", ["jRCTs031180123"]),
    ("no registry here, 2024-2025", []),
    # the number alone after the registry's name; a colon after the prefix; printed in upper case
    ("(clinicaltrials.gov identifier: 01358734)", ["NCT01358734"]),
    ("Registry, ACTRN:12609000420246", ["ACTRN12609000420246"]),
    ("Registration Number: JAPICCTI-050121)", ["JapicCTI-050121"]),
    ("registration number: IRCT138804272200N", ["IRCT138804272200N"]),
    # Malaysia's register: a registry number, so no trial's name (the sentence stays the report's own)
    ("(NMRR) Number: NMRR-08-287-1442  Trial Registration Number (ClinicalTrials.gov Identifier): NCT00708370",
     ["NMRR-08-287-1442", "NCT00708370"]),
])
def test_registry_ids(text, expected):
    assert [r for _, r in design.registry_ids(text)] == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("a phase 1b/2 trial", ["PHASE1", "PHASE2"]),
    ("the randomized phase II trial", ["PHASE2"]),
    ("phase Ib", ["PHASE1"]),
    ("a phase 1/phase 2 trial", ["PHASE1", "PHASE2"]),
    ("Phase III", ["PHASE3"]),
    ("an early phase I study", ["EARLY_PHASE1", "PHASE1"]),
    ("no phase", []),
])
def test_phases(text, expected):
    assert design.phases_in(text) == expected


def test_design_words():
    assert design.masking("a double-blind, placebo-controlled trial") == "double_blind"
    assert design.masking("this open-label study") == "open_label"
    assert design.allocation("a single-arm, phase 2 trial", 1) == "single_arm"
    assert design.allocation("patients were randomly assigned", 2) == "randomized"
    assert design.allocation("two nonrandomized cohorts", 2) == "non_randomized"
    assert design.allocation("patients were assigned randomly to usual care or exercise", 2) == "randomized"
    assert design.allocation("105 patients were randomly divided into trial group and control group", 2) == "randomized"
    assert design.allocation("the cohort was randomly divided into training and validation sets", 1) == "single_arm"
    assert design.multicenter("a multicentre trial") is True
    assert design.multicenter("a single-center study") is False
    assert design.multicenter("done at 78 centres in the UK") is True


def test_numbers():
    assert parse_number("22·4") == 22.4
    assert parse_number("1,794") == 1794
    assert word_to_int("Thirty-one") == 31
    assert word_to_int("one hundred and fifty-nine") == 159
    assert word_to_int("six") == 6
    assert word_to_int("One thousand two hundred ninety-nine") == 1299
    assert word_to_int("Seven thousand and twenty") == 7020


# ---------------------------------------------------------------- seeds

@pytest.fixture(scope="module")
def seeds() -> dict[str, object]:
    docs = [d for d in read_documents([str(EXAMPLES)]) if isinstance(d, Document)]
    return {d.doc_id: extract(d) for d in docs}


def _results(record, endpoint=None):
    return [r for r in record.results if endpoint is None or r.endpoint == endpoint]


def test_listing_non_trials(seeds):
    flags = {i: seeds[f"nature-medicine-listing.txt#{i}"].is_trial_report for i in range(1, 13)}
    assert flags[1] is False  # mouse study
    assert flags[5] is False  # observational case-control study
    assert flags[8] is False  # commentary
    assert all(flags[i] for i in (2, 3, 4, 6, 7, 9, 10, 11, 12))
    assert seeds["nature-medicine-listing.txt#1"].trials == []


def test_edge_gastric(seeds):
    (trial,) = seeds["nature-medicine-listing.txt#3"].trials
    assert trial.acronym == "EDGE-Gastric" and trial.registry_ids == ["NCT05329766"]
    assert trial.phases == ["PHASE2"]  # not the phase 3 STAR-221 trial it mentions
    assert trial.multicenter is True
    orr = [r for r in _results(trial, "ORR") if r.subgroup is None]
    assert [(r.value, r.ci_low, r.ci_high, r.ci_level) for r in orr] == [(59.0, 44.5, 71.6, 90.0)]
    nr = [r for r in _results(trial, "OS") if r.not_reached]
    assert len(nr) == 1 and nr[0].value is None and nr[0].ci_low == 17.4 and nr[0].ci_high is None


def test_rome_arms_and_hazard_ratio(seeds):
    (trial,) = seeds["nature-medicine-listing.txt#6"].trials
    assert trial.acronym == "ROME" and trial.allocation == "randomized"
    assert trial.enrollment.screened == 1794 and trial.enrollment.enrolled == 400
    orr = {r.arm: r.value for r in _results(trial, "ORR")}
    assert orr == {"TT": 17.5, "SoC": 10.0}
    (hr,) = [r for r in trial.results if r.measure == "hazard_ratio"]
    assert (hr.endpoint, hr.value, hr.ci_low, hr.ci_high, hr.arm) == ("PFS", 0.66, 0.53, 0.82, None)
    assert (hr.p_relation, hr.p_value) == ("=", 0.0002)


def test_respectively_lists(seeds):
    (meso,) = seeds["nature-medicine-listing.txt#9"].trials
    arm_a = {(r.endpoint, r.value) for r in meso.results if r.arm == "Arm A" and r.measure == "median"}
    assert arm_a == {("PFS", 9.6), ("OS", 19.3)}
    (lung,) = seeds["nature-medicine-listing.txt#12"].trials
    orr = {(r.arm.lower(), r.value, r.numerator, r.denominator) for r in _results(lung, "ORR")}
    assert orr == {("cohort 1a", 40.0, 16, 40), ("cohort 1b", 66.7, 42, 63)}
    named = {r.name for r in _results(lung, "TRAE_GRADE3PLUS")}
    assert {"decreased neutrophil count", "anemia"} <= named


def test_counts_and_fractions(seeds):
    (trial,) = seeds["nature-medicine-listing.txt#4"].trials
    (pcr,) = _results(trial, "PCR")[:1]
    assert (pcr.value, pcr.ci_low, pcr.ci_high, pcr.numerator, pcr.denominator) == (48.4, 30.2, 66.9, 15, 31)


def test_full_paper_keeps_cited_trials_apart(seeds):
    doc = seeds["paper-regorafenib-sintilimab.md"]
    reported = [t for t in doc.trials if t.role == "reported"]
    assert len(reported) == 1
    own = reported[0]
    assert own.registry_ids == ["NCT04745130"] and own.allocation == "single_arm"
    assert own.multicenter is False
    values = {(r.endpoint, r.value) for r in own.results}
    assert ("OS", 14.1) in values and ("PFS", 4.1) in values and ("ORR", 21.4) in values
    # REGONIVO's 36% ORR, CORRECT's 1.9/6.4 months and CONCUR's 3.2/8.8 months are not ours.
    for cited in (("ORR", 36.0), ("PFS", 1.9), ("OS", 6.4), ("PFS", 3.2), ("OS", 8.8)):
        assert cited not in values
    summarized = {t.acronym: t for t in doc.trials if t.role == "summarized"}
    assert {"REGONIVO", "CORRECT", "CONCUR"} <= set(summarized)
    assert {(r.endpoint, r.value) for r in summarized["CORRECT"].results} == {("PFS", 1.9), ("OS", 6.4)}


def test_review_trials_are_summarized(seeds):
    doc = seeds["review-innovative-drugs.md"]
    assert doc.is_trial_report is True
    assert doc.trials and all(t.role == "summarized" for t in doc.trials)
    values = {(r.endpoint, r.value) for t in doc.trials for r in t.results}
    assert ("ORR", 37.1) in values and ("ORR", 42.7) in values


def test_scraped_page_is_not_double_counted(seeds):
    (trial,) = seeds["scraped-alter-e-003.txt"].trials
    assert trial.acronym == "ALTER-E-003"
    orr = [r for r in _results(trial, "ORR") if r.subgroup is None and r.value == 56.5]
    assert len(orr) == 1 and (orr[0].ci_low, orr[0].ci_high) == (41.1, 71.1)
    assert trial.enrollment.screened == 53


def test_bulletin_primary_endpoint_not_met(seeds):
    (trial,) = seeds["bulletin-sarcoma-fr.txt"].trials
    assert trial.primary_endpoint_met is False
    assert trial.allocation == "single_arm" and trial.phases == ["PHASE2"]
    names = {i.name.lower() for arm in trial.arms for i in arm.interventions}
    assert {"doxorubicin", "zalifrelimab", "balstilimab"} <= names


@pytest.mark.parametrize(
    "pattern",
    [r"\bphases?[\s-]*(?P<a>0|I{1,3}V?|IV|[1-4])", r"\bAEs?\b|TRAEs?|grade\s*[3-5]", r"multi[- ]?cent(?:er|re)|[A-Z]{2}\d"],
)
def test_folded_pattern_matches_like_ignorecase(pattern):
    text = "A Phase IIb multi-Centre study: Grade 3 TRAEs and AEs in NCT01 and XY7 (phase 3)."
    expected = [(m.start(), m.end()) for m in re.finditer(pattern, text, re.IGNORECASE)]
    assert expected
    assert [(m.start(), m.end()) for m in folded(pattern).finditer(text.lower())] == expected


@pytest.mark.parametrize("pattern", [r"\S+ trial", r"(?-i:OR)", r"(?P<Name>x)", r"\W"])
def test_folded_refuses_case_dependent_syntax(pattern):
    with pytest.raises(ValueError, match="cannot be folded"):
        folded(pattern)


def test_mentions_keep_the_original_spelling():
    sentence = "The Objective Response Rate was 40% and Grade 3 Neutropenia occurred in 10%."
    texts = [m.text for m in find_mentions(sentence)]
    assert "Objective Response Rate" in texts
    assert any(t.endswith("Neutropenia") and t in sentence for t in texts)


def test_examples_extract_without_warnings():
    """Records are built from typed values: no pydantic serializer warnings on output."""
    documents = [d for d in read_documents([str(EXAMPLES)]) if isinstance(d, Document)]
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        for document in documents:
            extract(document).model_dump_json()


def _found(text: str):
    return [(r.endpoint.value, r.measure.value, r.value, r.arm) for t in extract(text).trials for r in t.results]


def _sentence_results(text, arms):
    from extractor.backends.rules.arms import ArmDraft, arm_mentions
    from extractor.backends.rules.results import extract_sentence
    from extractor.structure import Sentence

    drafts_arms = [ArmDraft(a, [a]) for a in arms]
    return extract_sentence(Sentence(0, len(text), text, "results", 0), lambda t: arm_mentions(t, drafts_arms), 95.0, arms)


def _endpoints_and_values(text):
    return [(d.endpoint, d.value) for d in _sentence_results(text, [])]


def test_counts_without_a_percentage():
    text = ("In this phase 2 trial, 40 patients were randomly assigned to FOLFOX4 or TOMOX. "
            "There were two treatment-related deaths in the FOLFOX4 arm and one in the TOMOX arm. "
            "Nine patients discontinued treatment due to adverse events.")
    found = _found(text)
    assert ("TREATMENT_RELATED_DEATH", "count", 2.0, "FOLFOX4") in found
    assert ("TREATMENT_RELATED_DEATH", "count", 1.0, "TOMOX") in found
    assert ("DISCONTINUATION", "count", 9.0, None) in found


def test_zero_counts_and_what_is_not_a_count():
    text = ("This single-arm phase 2 trial enrolled 31 patients. No treatment-related deaths were observed. "
            "Grade 3/4 AEs occurred in 45% of patients. No one developed pneumonitis.")
    found = _found(text)
    assert ("TREATMENT_RELATED_DEATH", "count", 0.0, None) in found
    assert not any(measure == "count" and value in (3.0, 1.0) for _, measure, value, _ in found)


def test_a_count_in_each_arm():
    text = ("Patients were randomly assigned to Arm A (nivolumab) or Arm B (ipilimumab) in this phase 1 trial. "
            "Treatment was safe, with a single dose-limiting toxicity in each arm.")
    found = _found(text)
    assert ("DLT", "count", 1.0, "Arm A") in found and ("DLT", "count", 1.0, "Arm B") in found


@pytest.mark.parametrize("sentence, arms, expected", [
    ("There were 29 deaths in the Cisplatin arm vs. 27 for nihil.", ["Cisplatin", "nihil"],
     [("OS", 29.0, "Cisplatin"), ("OS", 27.0, "nihil")]),
    ("There were three treatment-related deaths with CAF but none with the 16-week regimen.", ["CAF", "16-week regimen"],
     [("TREATMENT_RELATED_DEATH", 3.0, "CAF"), ("TREATMENT_RELATED_DEATH", 0.0, "16-week regimen")]),
    # after "and", only "in" names where the next count was counted
    ("Four patients withdrew due to adverse events and one for non-compliance.", [], [("DISCONTINUATION", 4.0, None)]),
])
def test_the_next_arm_count_after_vs_or_but(sentence, arms, expected):
    assert [(d.endpoint, d.value, d.arm) for d in _sentence_results(sentence, arms) if d.measure == "count"] == expected


@pytest.mark.parametrize("sentence, expected", [
    ("There were no deaths.", [("OS", 0.0)]),
    ("No endometrial cancer deaths have occurred in this group.", []),  # deaths of one cause: not all deaths
    ("We observed two partial responses (PR) and seven stable disease (SD).", [("PR", 2.0), ("OTHER", 7.0)]),
    ("Three complete responses were observed.", [("CR_RATE", 3.0)]),
    ("No complete remissions were seen.", [("CR_RATE", 0.0)]),
    # a list of categories is counted beside the rate (tests/test_response_lists.py)
    ("Nine CR and 27 PR were obtained on 111 patients (RR = 32%).", [("CR_RATE", 9.0), ("PR", 27.0)]),
    ("5 CRC nurses and 6 CR clinicians took part.", []),  # "CR" alone names other things too
])
def test_counted_deaths_and_responses(sentence, expected):
    assert [(d.endpoint, d.value) for d in _sentence_results(sentence, []) if d.measure == "count"] == expected


def test_arms_named_by_drug_letters_and_the_added_arm_first():
    text = ("This phase 2 study evaluates adding lobaplatin (L) to docetaxel (T) and epirubicin (E). "
            "We randomised 125 patients (63 TE and 62 TEL patients). "
            "The addition of L (38.7% vs. 12.7%, P = 0.001) increases the rate of pCR.")
    record = extract(text).trials[0]
    arms = {a.label: sorted(i.name for i in a.interventions) for a in record.arms}
    assert arms == {"TE": ["docetaxel", "epirubicin"], "TEL": ["docetaxel", "epirubicin", "lobaplatin"]}
    found = _found(text)
    assert ("PCR", "proportion", 38.7, "TEL") in found and ("PCR", "proportion", 12.7, "TE") in found


def test_design_words_in_a_title_are_not_an_acronym():
    assert not design._plausible_acronym("Placebo-Controlled")
    assert not design._plausible_acronym("Double-Blind")
    assert design._plausible_acronym("REAL3")


@pytest.mark.parametrize("sentence, counts", [
    ("Patients (n = 429) were randomly assigned to receive doxorubicin.", {"enrolled": 429}),
    ("There were 752 patients enrolled between 2007 and 2010.", {"enrolled": 752}),
    ("It used data from a phase III, randomized, controlled study (N = 676) to compare A and B.", {"enrolled": 676}),
    ("191 chemotherapy-nai\u0308ve patients were randomized to receive TOMOX or FOLFOX4.", {"enrolled": 191}),
    ("11/18 patients completed treatments as per protocol.", {"enrolled": 18, "completed": 11}),  # the denominator: enrolled
    # part of a trial analysed: the part is evaluable, the trial enrolled
    ("From a subset of 59 patients of 84 rectal cancer patients included in a phase II study, samples were "
     "collected.", {"enrolled": 84, "evaluable": 59}),
    ("Expression data were collected from tumor tissues from 115 of 823 patients enrolled on E2603.",
     {"enrolled": 823, "evaluable": 115}),
    ("Of the 16 patients enrolled, 12 completed the vaccine priming phase and were evaluable for both endpoints.",
     {"enrolled": 16, "evaluable": 12, "completed": 12}),
    # one arm's count is not the trial's
    ("PORTEC-2 accrued 427 patients, of whom 214 were randomly assigned to EBRT, and 213 were randomly assigned "
     "to VBT.", {"enrolled": 427}),
    ("764 women were randomly assigned to the standard chemotherapy group and 764 to the bevacizumab group.", {}),
    ("170 patients in the 2-weekly group and 176 in the 3-weekly group were included in the analysis.", {"evaluable": 346}),
    ("Only 58 patients (31 who received multiple fractions, and 27 who received a single fraction) were available for "
     "evaluation of pain.", {"evaluable": 58}),
    ("One hundred thirty-four patients (68 MPA and 66 placebo) were assessable at t = 6.", {"evaluable": 134}),
    ("Baseline FACT-H&N data were available for 1,093 patients and missing for 417 patients.", {"evaluable": 1093}),
    ("Baseline questionnaires were available for 490 (86%) patients.", {"evaluable": 490}),
    ("QOL evaluations were available for 199 patients.", {"evaluable": 199}),
    ("Transfusion data were available for 79 of 81 evaluable patients.", {"evaluable": 81}),
    ("6 month follow-up data were available for 15 patients taking LEV and for 8 patients taking PHT.", {}),
    ("A total of 243 patients with stage II to IIIA/B NSCLC received induction paclitaxel.", {"treated": 243}),
    ("58 out of 88 patients from this institution had samples available for analysis.", {"evaluable": 58}),
    ("In the 684 patients with data that could be evaluated, ultrasonography was normal.", {"evaluable": 684}),
    ("Sixty four adult patients with leukemia were randomly divided into the experiment and control groups.",
     {"enrolled": 64}),
    ("In total, 256 patients were registered and 236 were randomly assigned.", {"enrolled": 236}),
    ("31% (n=41) of all eligible CRC survivors consented to participate in the trial.", {"enrolled": 41}),
    ("Patients of ≤ 75 years of age were randomised to XELIRI or FOLFIRI; altogether 87 patients were enrolled.",
     {"enrolled": 87}),
    ("A total of 65 participants were analyzed following reconstructive surgery.", {"evaluable": 65}),
    ("Of those tested, 10 (67%) completed the study and only one (7%) withdrew.", {"completed": 10}),
    ("Of the 45 evaluable patients, 20 responded.", {"evaluable": 45}),
    ("Response could be evaluated in 38 patients.", {"evaluable": 38}),
    ("In all, 348 patients (81%) were evaluable for quality of life.", {"evaluable": 348}),
    ("A total of 847 patients underwent randomization.", {"enrolled": 847}),
    ("Twenty-three men received 200 µg selenium per day.", {"treated": 23}),
    ("Thirty patients were given BP-C1 for 64 days.", {"treated": 30}),
    ("Ninety per cent of patients received eight cycles of chemotherapy.", {}),
    ("30 patients received exemestane (group A) and 24 patients received placebo (group B).", {}),
    ("Biopsies collected before and after intervention were analysed for 15 participants (n=8 selenium, n=7 placebo).",
     {"evaluable": 15}),
    # treated: at least one dose, with the arms' counts in brackets
    ("Of the total 160 enrolled patients, 155 (77: gefitinib, 78: nimotuzumab plus gefitinib) received at least one "
     "dose and could be evaluated.", {"enrolled": 160, "treated": 155}),
    ("Seven hundred fifty-two patients (374 QW patients; 378 EDS patients) received ≥1 dose of darbepoetin alfa and were "
     "included in the analysis.", {"treated": 752, "evaluable": 752}),
    # evaluable: analysed, assessable for, included in the analysis (not the enrolled)
    ("A total of 420 patients were randomised and 411 were analysed.", {"enrolled": 420, "evaluable": 411}),
    ("Of 407 patients randomized, 391 were eligible and 382 assessable for response.", {"enrolled": 407, "evaluable": 382}),
    ("Among the 30 patients evaluable for hematologic response, the mean Hb rose.", {"evaluable": 30}),
    ("Data for 18 (78%) women were analysed (intervention: n = 7; control: n = 11).", {"evaluable": 18}),
    ("From February 2007 to July 2008, 116 patients were enrolled and 113 were included in the intent-to-treat "
     "population.", {"enrolled": 116, "evaluable": 113}),
    ("Sixty-one patients were enrolled from the hospital; 51 completed the study and were included in the analysis.",
     {"enrolled": 61, "evaluable": 51, "completed": 51}),
    ("Twenty-two patients were included in the per-protocol analysis.", {"evaluable": 22}),
    ("All patients who returned questionnaires at 12 months were included in the analysis of the primary endpoint.", {}),
    ("Differences between groups from baseline to day 28 were analyzed using t tests.", {}),
    # the count, then a long description (decimals, brackets with semicolons), then the verb
    ("A total of 42 patients (21 LAP (50.0 %); 21 CON (50.0 %)) were randomized.", {"enrolled": 42}),
    ("A total of 60 patients (51 M : 9 F; mean age 61.9+/-14.0 years) were randomised to receive either NI or UC.",
     {"enrolled": 60}),
    ("Forty-six patients (mean age = 57.3 years [SD = 9.7], 57% female) who had completed treatment were randomized.",
     {"enrolled": 46}),
    ("A total of 1,453 patients with either confirmed metastatic disease (M1), or T3/T4 non-metastatic disease with "
     "elevated prostate-specific antigen (M0) were recruited into one of two identical, multicentre, randomised studies.",
     {"enrolled": 1453}),
    ("In this trial, 410 colorectal cancer survivors were randomly assigned to health coaching.", {"enrolled": 410}),
    # the count in brackets after the people
    ("Consecutive patients (n = 64) eligible for curative surgery were randomized to total (n = 31) or subtotal "
     "(n = 13) gastrectomy.", {"enrolled": 64}),
    ("The participants (N = 56), who underwent gastrectomy, were randomly assigned into two groups.", {"enrolled": 56}),
    ("Of 280 patients entered, 6% were ineligible.", {"enrolled": 280}),
    ("A randomized, assessor-blinded, controlled trial was performed on 78 patients undergoing surgery.", {"enrolled": 78}),
    # a threshold or a study verb
    ("Patients with a Karnofsky performance score ≥ 80 were enrolled.", {}),
    ("A multicenter study examined 122 randomized patients in complete remission.", {"enrolled": 122}),
    # stratified, then randomised; assigned to the arms without "randomly"
    ("723 patients were stratified by ECOG PS and previous treatment and randomly allocated (1:1) to receive axitinib "
     "(n=361) or sorafenib (n=362).", {"enrolled": 723}),
    ("Consenting patients (N = 271) with a diagnosis of cancer of the esophagus or stomach were stratified by sex and "
     "randomly assigned to a control group.", {"enrolled": 271}),
    ("356 patients with stage I (except for T1N0), II and IIIA NSCLC were assigned to either the surgery arm (179 "
     "patients) or the primary surgery arm (177 patients).", {"enrolled": 356}),
    ("Thirty-nine patients with lymphoma who had concluded treatment within 12 months were assigned to a TY group or to a "
     "wait-list control group.", {"enrolled": 39}),
    ("30 patients were allocated to the system-oriented therapy and 40 patients were allocated to the reference "
     "intervention.", {}),  # one arm's count
    # the count after the people, or as their subject's complement
    ("In this analysis of all patients randomly assigned with strata (n = 291), the combination was superior.",
     {"enrolled": 291}),
    ("Two hundred forty-six of 302 patients randomly assigned provided complete data at 6 weeks.", {"enrolled": 302}),
    ("Subjects were 88 women with facial hirsutism recruited from hospital outpatient clinics.", {"enrolled": 88}),
    ("Study patients included 472 low-income, predominantly female Hispanic patients with cancer.", {"enrolled": 472}),
    ("82 postmenopausal patients with histologically confirmed invasive hormone-sensitive breast cancers were included.",
     {"enrolled": 82}),
    ("Fifty-one patients with T2, N0/N1, M0 NPC took part in a randomized controlled clinical study.", {"enrolled": 51}),
    ("We measured ambulatory BP in 41 normotensive advanced solid tumor patients in a randomized dose escalation study.",
     {"enrolled": 41}),
    # participated, entered the study, received either, compared in N, performed among N, of N eligible
    ("RESULTS: 40 patients participated (chemoradiotherapy, n = 17; chemotherapy, n = 23).", {"enrolled": 40}),
    ("203 women entered the study.", {"enrolled": 203}),
    ("551 patients received either vinflunine 320 mg/m(2) or docetaxel 75 mg/m(2) every 21 days.", {"enrolled": 551}),
    ("Twenty-three men received 300 μg selenium per day (n=12) or a placebo (n=11) during 5 weeks.", {"enrolled": 23, "treated": 23}),
    ("This phase II study compared temozolomide and procarbazine in 225 patients with glioblastoma.", {"enrolled": 225}),
    ("A multicentre pragmatic randomised controlled trial (RCT) with a 2×2 factorial design was performed among 320 "
     "breast cancer patients.", {"enrolled": 320}),
    ("Of 141 patients eligible, 72 were randomised to 5-FU alone (arm A) and 69 to 5-FU + IFN (arm B).", {"enrolled": 141}),
    # the trial entering or consisting of N, the population with its (n = N), dyads, "The N patients included"
    ("A phase III randomised clinical trial entering 74 patients was undertaken.", {"enrolled": 74}),
    ("This prospective two-arm study consisted of 217 men with prostate cancer.", {"enrolled": 217}),
    ("Patients with cancer (n = 178) who agreed to take part were randomized to the intervention arm (n = 89) or the "
     "control arm (n = 89).", {"enrolled": 178}),
    ("Patients with NHL (n = 106), CLL (n = 126), or MM (n = 117) and anemia were randomized to epoetin or placebo.",
     {}),  # subgroups
    ("Lung cancer patients and their spouses (N = 312 dyads) completed questionnaires.", {"enrolled": 312}),
    ("The 140 patients included were in good clinical condition.", {"enrolled": 140}),
    ("Couples were randomised to the intervention (n = 575 couples) or control group (n = 624 couples).", {}),  # arms
    ("One hundred seven consecutive patients with stage III disease were alternately assigned to surgery or radiotherapy.",
     {"enrolled": 107}),
    ("Eighteen patients were randomized to surgery and 21 to radiotherapy.", {}),  # arm sizes, not summed
    # treated wherever printed
    ("Of the 41 treated patients, 12 had a partial response.", {"treated": 41}),
    ("41 treated patients were evaluable for toxicity.", {"treated": 41, "evaluable": 41}),
])
def test_enrolment_phrase_shapes(sentence, counts):
    from extractor.structure import Sentence

    assert design.enrollment([Sentence(0, len(sentence), sentence, "methods", 0)]) == counts


@pytest.mark.parametrize("sentence, enrolled", [
    ("Of the 284 patients, 171 (60.2%) completed HRQoL questionnaires.", 284),
    ("Among 115 HER2-positive women from 21 centres, 107 (93%) answered a self-administered questionnaire.", 115),
    ("Of the 54 patients who exhibited isolated local relapse, 35% survived.", None),  # a part of the trial
    ("Of 53 screened patients, 46 completed the study.", None),  # the screened
])
def test_a_results_sentence_opening_on_the_whole_population_gives_the_enrolled(sentence, enrolled):
    from extractor.structure import Sentence

    assert design.enrollment([Sentence(0, len(sentence), sentence, "results", 0)]).get("enrolled") == enrolled


@pytest.mark.parametrize("sentence, expected", [
    ("The mean postoperative hospital stay was 4.49 ± 0.85 days vs. 13.31 ± 6.9 days (P < 0.001).",
     [("OTHER", "mean", 4.49, "days"), ("OTHER", "mean", 13.31, "days")]),
    ("Thyroid ablation was complete in 631 of the 684 patients (92%).", [("OTHER", "proportion", 92.0, "percent")]),
    ("Recurrence or metastasis (Rec/Met) after surgery were 24/82 (29.27%) in SP group and 37/81 (45.68%) in S group.",
     [("OTHER", "proportion", 29.27, "percent"), ("OTHER", "proportion", 45.68, "percent")]),
    ("The median age was 63 years and 55% were men.", []),
    ("Mean weight was 71 ± 12 kg.", []),
    ("Peritoneal relapses were 25% for cisplatin vs. 16.4 % for observation.",
     [("OTHER", "proportion", 25.0, "percent"), ("OTHER", "proportion", 16.4, "percent")]),
    ("Local recurrence occurred in 12% of patients.", [("OTHER", "proportion", 12.0, "percent")]),
    # how often the disease came back at all is the recurrence endpoint, a share of patients (not a survival rate)
    ("The rate of recurrence was 9/74 (12.1%) in the IV arm.", [("RFS", "proportion", 12.1, "percent")]),
    ("Systemic recurrence was 7/74 (9.4%).", [("RFS", "proportion", 9.4, "percent")]),
    ("Distant metastases developed in 15 patients (30%).", [("OTHER", "proportion", 30.0, "percent")]),
    ("Clinical response was shown in 76.0% of the patients.", [("ORR", "proportion", 76.0, "percent")]),
    ("Treatment-related mortality occurred in five patients (5.3%).", [("TREATMENT_RELATED_DEATH", "proportion", 5.3, "percent")]),
    ("Similar results were found for the low-dose group (84.3%).", []),
    # a results sentence whose outcome only its own words name: shares, means and differences, of the kind its words say
    ("In the PHT group, 6 patients (75%) were seizure-free.", [("OTHER", "proportion", 75.0, "percent")]),
    ("The sum of target lesions increased 2.4% in the BP-C1 group and 14.3% in the placebo group.",
     [("OTHER", "proportion", 2.4, "percent"), ("OTHER", "proportion", 14.3, "percent")]),
    ("There was a significant increase in mean prostate volume (14%) at mid treatment.", [("OTHER", "mean", 14.0, "percent")]),
    ("58% had negligible or weak COX-2 expression, while 14% and 28% had moderate and strong expression respectively.",
     [("BIOMARKER", "proportion", 58.0, "percent"), ("BIOMARKER", "proportion", 14.0, "percent"),
      ("BIOMARKER", "proportion", 28.0, "percent")]),
    ("7/10 (70%) of participants adhered to the programme for the duration of the study.",
     [("FEASIBILITY", "proportion", 70.0, "percent")]),
    # not outcomes: thresholds, the patients, a test's accuracy, plain counts
    ("In contrast, only three patients showed a greater than 50% reduction in tumour size.", []),
    ("We enrolled 1669 eligible patients, 382 (23%) with ER-negative tumors.", []),
    ("This study enrolled 101 patients: 32% female, 60% African American, and 38% Hispanic.", []),
    ("The classifier had a sensitivity of 96.7% and a specificity of 85.0%.", []),
    ("Four patients withdrew after 12 weeks.", []),
])
def test_outcomes_the_vocabulary_does_not_know_are_other(sentence, expected):
    from extractor.backends.rules.results import extract_sentence
    from extractor.structure import Sentence

    drafts = extract_sentence(Sentence(0, len(sentence), sentence, "results", 0), lambda _t: [], 95.0)
    assert [(d.endpoint, d.measure, d.value, d.unit) for d in drafts] == expected


def test_values_in_brackets_after_an_arm_belong_to_it():
    from extractor.backends.rules.arms import ArmDraft, arm_mentions
    from extractor.backends.rules.results import extract_sentence
    from extractor.structure import Sentence

    arms = [ArmDraft("AT", ["AT"]), ArmDraft("AC", ["AC"])]
    text = ("The overall response rate (ORR) was significantly greater for patients taking AT (59%, with 10% complete "
            "response [CR]) than for those taking AC (47%, with 7% CR) (P =.009).")
    drafts = extract_sentence(Sentence(0, len(text), text, "results", 0), lambda t: arm_mentions(t, arms), 95.0, ["AT", "AC"])
    assert {(d.endpoint, d.value, d.arm) for d in drafts} >= {("ORR", 59.0, "AT"), ("CR_RATE", 10.0, "AT"),
                                                               ("ORR", 47.0, "AC"), ("CR_RATE", 7.0, "AC")}


def test_ranges_and_landmarks_are_not_values():
    from extractor.backends.rules.results import extract_sentence
    from extractor.structure import Sentence

    for text in ("The median postoperative length of stay was 9 days (IQR 7–14 days).",
                 "PFS at 2 and 3 years may be a surrogate endpoint for OS at 5 years."):
        drafts = extract_sentence(Sentence(0, len(text), text, "results", 0), lambda _t: [], 95.0)
        assert 14.0 not in [d.value for d in drafts] and 3.0 not in [d.value for d in drafts]


@pytest.mark.parametrize(("text", "arms", "expected"), [
    # a time unit, then "and"/"vs": the next value of the list, not a duration's context ("for 5 days")
    ("The median survival was comparable (175 days vs 148 days in the A and B arms, respectively; P = .82).", ["A", "B"],
     {("OS", "median", 175.0, "days", "A"), ("OS", "median", 148.0, "days", "B")}),
    ("The projected 2-year PFS is 90.4% on three cycles and 89.4% on four cycles.", [],
     {("PFS", "rate_at_time", 90.4, "percent", None), ("PFS", "rate_at_time", 89.4, "percent", None)}),
    # a hazard ratio right after a pair of rates does not own the second rate (no landmark: proportions)
    ("Overall survival did not differ (23% vs 22% HR 1.08 (0.93–1.26), P=0.3).", [],
     {("OS", "proportion", 23.0, "percent", None), ("OS", "proportion", 22.0, "percent", None),
      ("OS", "hazard_ratio", 1.08, "ratio", None)}),
    # percentages written in words
    ("Thirty-one percent of patients had an objective response.", [], {("ORR", "proportion", 31.0, "percent", None)}),
    ("Eighty-five percent (85%) of patients had an objective response.", [], {("ORR", "proportion", 85.0, "percent", None)}),
])
def test_values_the_list_shapes_print(text, arms, expected):
    assert {(d.endpoint, d.measure, d.value, d.unit, d.arm) for d in _sentence_results(text, arms)} == expected


@pytest.mark.parametrize("title, acronym", [
    ("Perioperative chemotherapy with FOLFOX4 for liver metastases (EORTC Intergroup trial 40983): a randomised trial",
     "EORTC Intergroup trial 40983"),
    ("Effect of mitoxantrone in children with first relapse of leukaemia (ALL R3): an open-label randomised trial", "ALL R3"),
    ("MicroRNA profiling predicts outcome of therapy in melanoma treated on the ECOG-ACRIN trial E2603", "E2603"),
    ("Sequential docetaxel as adjuvant chemotherapy for early breast cancer (TACT): an open-label, phase III trial", "TACT"),
    ("Letrozole in the neoadjuvant setting: the P024 trial", "P024"),
    ("Informed Cytology for Triaging HPV-Positive Women: Substudy Nested in the NTCC Randomized Controlled Trial", "NTCC"),
    ("miR-21 expression in pancreatic cancer: exploratory analysis of the pancreatic cancer UFT (PERU) trial", "PERU"),
    ("Updated survival outcomes of NEJ005/TCOG0902: a randomised phase II study of gefitinib", "NEJ005/TCOG0902"),
    ("KEYNOTE-189: pembrolizumab plus chemotherapy in metastatic non-small-cell lung cancer", "KEYNOTE-189"),
    # a cooperative group's numbered trial, with no "trial" word
    ("Tau expression, paclitaxel response and outcomes in women with metastatic disease: results from CALGB 9342",
     "CALGB 9342"),
    ("AIB1 in a randomized trial of letrozole and tamoxifen: the Danish cohort of BIG 1-98", "BIG 1-98"),
    ("HER2-positive breast cancer: results from a randomized trial of lapatinib", None),
    # not names: a drug's code, a regimen, the phase, a list of markers
    ("A phase I/II study of siltuximab (CNTO 328), an anti-interleukin-6 monoclonal antibody", None),
    ("A randomized trial comparing docetaxel, cisplatin, 5-FU (TCF) with epirubicin, cisplatin, 5-FU (ECF)", None),
    ("Targeted therapy for high-grade glioma with trabedersen: results of a randomized phase IIb study", None),
    ("A classifier based on three tumor markers predicting survival of gastric cancer (CEA, CA19-9 and CA72-4)", None),
])
def test_trial_names_in_titles(title, acronym):
    from extractor.backends.rules.backend import _own_acronym

    assert _own_acronym(title, []) == acronym


def test_a_cooperative_groups_numbered_trial_is_named_with_the_group():
    text = "The recently published phase III, double-blind ACOSOG Z9001 study showed that adjuvant therapy is safe."
    assert [name for _, name in design.acronyms(text)] == ["ACOSOG Z9001"]
    text = "NSABP B-32 is a randomized trial; NCIC CTG MA.17 and RTOG 89-01 accrued patients with ECOG PS 0-1."
    assert [name for _, name in design.acronyms(text)] == ["NSABP B-32", "NCIC CTG MA.17", "RTOG 89-01"]
    # the group's questionnaires and scales are not trials
    assert design.acronyms("QOL was measured with the EORTC C30 and BN-20 modules in patients with ECOG 0-1.") == []
    # five-digit numbers, and two groups' numbers joined as one trial, as written
    assert [name for _, name in design.acronyms("Patients in the EORTC 22922 trial were irradiated.")] == ["EORTC 22922"]
    text = "In the MRC OV05/EORTC 55955 collaborative trial, we studied early treatment."
    assert [name for _, name in design.acronyms(text)] == ["MRC OV05/EORTC 55955"]


@pytest.mark.parametrize("text, names", [
    ("The Active After Exercise Trial (AAET) was a multicenter pilot study.", ["AAET"]),
    ("We designed a randomized phase II trial (MY.11) of lenalidomide.", ["MY.11"]),
    ("Patients were randomised into a national study (BR2) comparing two doses.", ["BR2"]),
    ("This was a phase 3 study (NCT01767467) of a vaccine.", []),  # a registry number
    ("This was a randomized trial (RCT) of exercise.", []),
    ("The area under the curve from 0 h to the end of the study (AUC0–last) was higher.", []),
    # a regimen or a drug before the trial word is no trial's name
    ("The FOLFOX trial and the BEACOPP study enrolled patients.", []),
])
def test_trial_names_after_the_trial_word_and_not_regimens(text, names):
    assert [name for _, name in design.acronyms(text)] == names


@pytest.mark.parametrize("text, acronym", [
    ("This trial examined whether a Tibetan Sound Meditation program improves cognition. "
     "A brief training in the TSM program can enhance resilience.", None),  # an intervention's name
    ("In the absence of an overall survival benefit, QOL studies with a longer follow-up play an important role.", None),
    ("Survival was similar in both arms. Our ongoing NEJ009 study will clarify whether this strategy is better.", None),
    ("Here we report the EDGE-Gastric study, an ongoing, multicenter, phase 2 study.", "EDGE-Gastric"),
    # a sentence outside the background that opens on "The X trial"
    ("Patients were randomized to exercise or usual care. Fatigue improved with exercise (p = 0.04). The PEACH trial "
     "suggests that supervised exercise is safe.", "PEACH"),
    ("One hundred twenty patients were randomized. The randomized controlled double-blind HECTOR trial showed no "
     "survival benefit.", "HECTOR"),
    # a secondary analysis of its trial's patients
    ("We compared survival by age. Analyses used children with glioma enrolled on the GLX-12 trial.", "GLX-12"),
    ("We compared survival by age. We analysed 200 patients from the STORM trial who completed treatment.", "STORM"),
])
def test_the_documents_own_trial_name(text, acronym):
    from extractor.backends.rules.backend import _own_acronym
    from extractor.structure import read_structure

    assert _own_acronym(None, list(read_structure(text).sentences)) == acronym


def test_a_pair_in_the_bracket_after_the_second_arm_is_both_arms():
    from extractor.backends.rules.arms import ArmDraft, arm_mentions
    from extractor.backends.rules.results import extract_sentence
    from extractor.structure import Sentence

    arms = [ArmDraft("AT", ["AT"]), ArmDraft("AC", ["AC"])]
    text = "TTP was significantly longer with AT than AC (median TTP, 37.3 v 31.9 weeks; log-rank P =.014)."
    drafts = extract_sentence(Sentence(0, len(text), text, "results", 0), lambda t: arm_mentions(t, arms), 95.0, ["AT", "AC"])
    assert [(d.value, d.arm) for d in drafts] == [(37.3, "AT"), (31.9, "AC")]


@pytest.mark.parametrize("text, is_trial", [
    ("Breast cancer patients (N = 354) receiving chemotherapy were randomly assigned in a 1:1 ratio to epoetin alfa "
     "or placebo. Hemoglobin rose by 2 g/dL.", True),
    ("A total of 111 outpatients, stratified by staging, were randomly assigned: group 1 (G1; n = 37), dietary "
     "counseling; group 2 (G2; n = 37), protein supplements.", True),
    ("We reviewed 120 patients treated with RFA or resection. Survival was similar. A randomized controlled study "
     "comparing RFA and resection would help to determine the best treatment.", False),
    ("Thirty-nine patients with lymphoma were assigned to a TY group or to a wait-list control group. Patients in "
     "the TY group reported lower sleep disturbance scores (5.8 vs. 8.1; P < 0.004).", True),
    ("Patients with advanced breast cancer were eligible. Patients were assigned to receive either eribulin or "
     "single-agent bevacizumab. Tumour oxygen saturation was measured before and 7 days after the first infusion.", True),
    ("We examined how aromatherapy massage influenced anxiety in 12 breast cancer patients in an open semi-comparative "
     "trial. The patients received a 30 min aromatherapy massage twice a week.", True),
])
def test_a_trial_of_its_own(text, is_trial):
    assert extract(Document(doc_id="d", text=text)).is_trial_report is is_trial


def test_an_unnamed_pair_reads_experimental_first():
    from extractor.backends.rules.arms import ArmDraft, arm_mentions
    from extractor.backends.rules.results import extract_sentence
    from extractor.structure import Sentence

    arms = [ArmDraft("conventional recovery", ["conventional recovery"]), ArmDraft("enhanced recovery", ["enhanced recovery"])]
    text = "The mean postoperative hospital stay was 4.49 ± 0.85 days vs. 13.31 ± 6.9 days (P < 0.001)."
    labels = [a.label for a in arms]
    drafts = extract_sentence(Sentence(0, len(text), text, "results", 0), lambda t: arm_mentions(t, arms), 95.0, labels)
    assert [(d.value, d.arm) for d in drafts] == [(4.49, "enhanced recovery"), (13.31, "conventional recovery")]


def test_subgroups_listed_in_a_bracket_and_pairs_share_theirs():
    from extractor.backends.rules.arms import ArmDraft, arm_mentions
    from extractor.backends.rules.results import extract_sentence
    from extractor.structure import Sentence

    arms = [ArmDraft("AT", ["AT"]), ArmDraft("AC", ["AC"])]
    text = ("The ORR was also higher with AT in patients with visceral involvement (58% v 41%; liver, 62% v 42%; "
            "lung, 58% v 35%).")
    drafts = extract_sentence(Sentence(0, len(text), text, "results", 0), lambda t: arm_mentions(t, arms), 95.0, ["AT", "AC"])
    assert [(d.value, d.arm, d.subgroup) for d in drafts] == [
        (58.0, "AT", "visceral involvement"), (41.0, "AC", "visceral involvement"),
        (62.0, "AT", "liver"), (42.0, "AC", "liver"), (58.0, "AT", "lung"), (35.0, "AC", "lung")]
    text = "Grade 3/4 cardiac events were rare (AT, 3%; AC, 4%), and TTP was longer (median TTP, 37.3 v 31.9 weeks)."
    drafts = extract_sentence(Sentence(0, len(text), text, "results", 0), lambda t: arm_mentions(t, arms), 95.0, ["AT", "AC"])
    assert all(d.subgroup is None for d in drafts)


def test_a_non_drug_arm_is_its_own_intervention():
    from extractor.backends.rules.backend import _named_intervention

    assert [i["name"] for i in _named_intervention("pain education plus telemonitoring")] == ["pain education", "telemonitoring"]
    assert [(i["name"], i["type"]) for i in _named_intervention("radiotherapy alone")] == [("radiotherapy", "procedure")]
    assert _named_intervention("control") == [] and _named_intervention("arm B") == [] and _named_intervention("TE") == []


@pytest.mark.parametrize("abbreviation, text, words", [
    ("UC", "were assigned to receive usual care (UC) (n=82)", "usual care"),
    ("CCSP", "a self-management multimodal comprehensive coping strategy program (CCSP)", "comprehensive coping strategy program"),
    ("R-Y", "reconstruction by Roux-en-Y (R-Y) or Billroth I", "Roux-en-Y"),
    ("AET", "or aerobic exercise training (AET; n = 78)", "aerobic exercise training"),
    ("XYZ", "usual care (UC)", None),
])
def test_the_words_an_abbreviation_stands_for(abbreviation, text, words):
    from extractor.backends.rules.text import expansion

    assert expansion(abbreviation, text) == words


def test_arms_named_by_abbreviations_get_the_words_they_stand_for():
    text = ("Patients (N=242) were assigned randomly to receive usual care (UC) (n=82), resistance exercise training (RET) "
            "(n=82), or aerobic exercise training (AET) (n=78) for the duration of chemotherapy.")
    record = extract(Document(doc_id="x", text=text)).trials[0]
    assert [(a.label, [i.name for i in a.interventions]) for a in record.arms] == [
        ("UC", ["usual care"]), ("RET", ["resistance exercise training"]), ("AET", ["aerobic exercise training"])]


@pytest.mark.parametrize("sentence, expected", [
    ("Corresponding median survival times were 9.6, 9.3, and 7.3 months (P=0.61) respectively.",
     [(9.6, "months", "A"), (9.3, "months", "B"), (7.3, "months", "C")]),
    ("The intent-to-treat response rate was 19, 22, and 13% respectively.",
     [(19.0, "percent", "A"), (22.0, "percent", "B"), (13.0, "percent", "C")]),
])
def test_a_list_of_numbers_shares_the_unit_of_its_last(sentence, expected):
    from extractor.backends.rules.results import extract_sentence
    from extractor.structure import Sentence

    drafts = extract_sentence(Sentence(0, len(sentence), sentence, "results", 0), lambda _t: [], 95.0, ["A", "B", "C"])
    assert [(d.value, d.unit, d.arm) for d in drafts] == expected


@pytest.mark.parametrize("sentence, expected", [
    ("The response rate was 45 per cent in arm A.", [("ORR", "proportion", 45.0, "percent")]),
    ("Overall survival at 5 years was 62 percent.", [("OS", "rate_at_time", 62.0, "percent")]),
    ("Medical complications fell (7 versus 27 per cent; P = 0·020).",
     [("AE", "proportion", 7.0, "percent"), ("AE", "proportion", 27.0, "percent")]),
])
def test_percent_written_out_is_a_percentage(sentence, expected):
    from extractor.backends.rules.results import extract_sentence
    from extractor.structure import Sentence

    drafts = extract_sentence(Sentence(0, len(sentence), sentence, "results", 0), lambda _t: [], 95.0)
    assert [(d.endpoint, d.measure, d.value, d.unit) for d in drafts] == expected


def test_a_count_of_patients_is_not_part_of_a_list():
    from extractor.backends.rules.results import extract_sentence
    from extractor.structure import Sentence

    text = "Patients (n = 49, 19.5% of all enrolled patients) had a 10-year OS of 37.5%."
    drafts = extract_sentence(Sentence(0, len(text), text, "results", 0), lambda _t: [], 95.0)
    assert 49.0 not in [d.value for d in drafts] and 37.5 in [d.value for d in drafts]


def test_an_outcome_named_only_by_function_words_is_named_by_what_the_patients_were():
    from extractor.backends.rules.results import extract_sentence
    from extractor.structure import Sentence

    text = "At 1 year, 80% of patients were continent."
    drafts = extract_sentence(Sentence(0, len(text), text, "results", 0), lambda _t: [], 95.0)
    assert [(d.name, d.value) for d in drafts] == [("continent", 80.0)]


def test_a_sentence_about_one_arm_keeps_the_arms_name_for_the_arm():
    from extractor.backends.rules.arms import ArmDraft, arm_mentions
    from extractor.backends.rules.results import extract_sentence
    from extractor.structure import Sentence

    arms = [ArmDraft(label="PHT", aliases=["PHT"]), ArmDraft(label="LEV", aliases=["LEV"])]
    text = "In the LEV group, 13 patients (87%) were seizure-free."
    drafts = extract_sentence(Sentence(0, len(text), text, "results", 0), lambda t: arm_mentions(t, arms), 95.0, ["PHT", "LEV"])
    assert [(d.endpoint, d.value, d.arm, d.name) for d in drafts] == [("OTHER", 87.0, "LEV", "seizure-free")]


def test_a_pair_contrasting_two_subgroups_is_not_two_arms():
    from extractor.backends.rules.results import extract_sentence
    from extractor.structure import Sentence

    text = ("Patients with high baseline plasma miR-21 had worse PFS (3.5 vs. 12.7 months; p:0.032) compared to "
            "patients with low miR-21.")
    drafts = extract_sentence(Sentence(0, len(text), text, "results", 0), lambda _t: [], 95.0, ["arm A", "arm B"])
    assert [(d.value, d.arm, d.subgroup) for d in drafts] == [
        (3.5, None, "high baseline plasma miR-21"), (12.7, None, "low miR-21")]


@pytest.mark.parametrize("sentence, expected", [
    ("In the perioperative chemotherapy group, 151 (83%) patients were resected after six cycles.",
     [("OTHER", "resected", 83.0, 151)]),
    ("Of these, 120 (45%) patients were treated with surgery.", []),
])
def test_what_counted_patients_were_is_the_outcome(sentence, expected):
    from extractor.backends.rules.results import extract_sentence
    from extractor.structure import Sentence

    drafts = extract_sentence(Sentence(0, len(sentence), sentence, "results", 0), lambda _t: [], 95.0)
    assert [(d.endpoint, d.name, d.value, d.numerator) for d in drafts] == expected


def test_an_arm_after_the_second_value_of_a_pair_is_not_the_firsts():
    text = "The actuarial incidence of grade 2 diarrhoea in the SeG was 20.5% compared to 44.5% in the CG (p=0.04)."
    drafts = _sentence_results(text, ["SeG", "CG"])
    assert [(d.value, d.arm) for d in drafts] == [(20.5, "SeG"), (44.5, "CG")]


@pytest.mark.parametrize("sentence, expected", [
    ("Grade I-II neuro-sensory toxicity occurred more often with NL (68.4% vs. 36.4%).", ("AE", "proportion", 68.4, "percent")),
    ("Oxaliplatin caused more grade 3 neurosensory toxicity (18.2% v 0%).", ("AE_GRADE3PLUS", "proportion", 18.2, "percent")),
    ("Seizure was reported in four patients (0.8%).", ("AE", "proportion", 0.8, "percent")),
    ("Complications were significantly lower (25.7% vs. 65.7%) (P = 0.001).", ("AE", "proportion", 25.7, "percent")),
    ("Grade 3 dysphagia occurred in 12% of patients.", ("AE_GRADE3PLUS", "proportion", 12.0, "percent")),
])
def test_named_adverse_events_and_complications(sentence, expected):
    drafts = _sentence_results(sentence, [])
    assert (drafts[0].endpoint, drafts[0].measure, drafts[0].value, drafts[0].unit) == expected


def test_zero_counts_of_adverse_events_and_event_free_outcomes():
    def found(text):
        return [(d.endpoint, d.measure, d.value) for d in _sentence_results(text, [])]

    assert found("No adverse events were reported during the trial.") == [("AE", "count", 0.0)]
    assert found("There was no significant difference in adverse events.") == []
    assert all(e != "AE" for e, *_ in found("In the LEV group, 13 patients (87%) were seizure-free."))
    assert found("There were no unexpected serious adverse events.") == [("SAE", "count", 0.0)]


@pytest.mark.parametrize("sentence, expected", [
    ("Grade 3 neurotoxicity was diagnosed in four children.", [("AE_GRADE3PLUS", "count", 4.0)]),
    ("Febrile neutropenia was observed in 11 patients.", [("AE", "count", 11.0)]),
    ("Grade 3 neutropenia was observed in 12 patients (15%).", [("AE_GRADE3PLUS", "proportion", 15.0)]),
    ("No patients had grade 4 toxicity.", []),
])
def test_a_count_of_the_patients_an_event_was_seen_in(sentence, expected):
    assert [(d.endpoint, d.measure, d.value) for d in _sentence_results(sentence, [])] == expected


@pytest.mark.parametrize("text, arms, expected", [
    ("Median OS was 49.5 for the TCG arm and 51.5 months for the TC arm (HR, 1.05).", ["TCG", "TC"],
     [("OS", "median", 49.5, "months", "TCG"), ("OS", "median", 51.5, "months", "TC")]),
    ("Median disease-free survival (66 months with Cisplatin vs. 73 in the nihil group) was similar.", ["Cisplatin", "nihil"],
     [("DFS", "median", 66.0, "months", "Cisplatin"), ("DFS", "median", 73.0, "months", "nihil")]),
])
def test_a_bare_number_shares_the_time_unit_of_its_pair(text, arms, expected):
    drafts = _sentence_results(text, arms)
    assert [(d.endpoint, d.measure, d.value, d.unit, d.arm) for d in drafts if d.measure == "median"] == expected


def test_patients_who_received_a_treatment_are_not_a_subgroup():
    text = "Wound complications were reduced in patients who received GCI: 2.6 versus 13.0 %; p = 0.018."
    drafts = _sentence_results(text, [])
    assert drafts and all(d.subgroup is None for d in drafts)


@pytest.mark.parametrize("text", [
    "Breast cancer patients (N=242) were assigned randomly to receive usual care (n=82) or exercise (n=82).",
    "One hundred and eight cancer patients were selected to randomly receive oral morphine or oral methadone.",
    "Nabilone and prochlorperazine were compared in a double-blind crossover study of 34 patients with lung cancer.",
    "A single-arm prospective pilot study of NMES, applied daily for six weeks, in 15 patients.",
])
def test_trial_reports_in_other_words(text):
    assert extract(text).is_trial_report


def test_we_reviewed_a_trials_data_is_not_a_review():
    text = ("We reviewed testosterone changes for patients treated with radiation therapy alone on RTOG 9408. "
            "Patients were randomized between RT alone and RT plus 4 months of androgen ablation.")
    assert extract(text).is_trial_report and extract(text).trials[0].role == "reported"


def test_an_arm_name_inside_an_endpoints_words_is_not_an_arm():
    text = "Improvements were seen for disease control rate (DCR: 92.1 vs. 75.0%; OR = 4.72)."
    found = [(d.endpoint, d.value, d.arm) for d in _sentence_results(text, ["osimertinib", "control"])]
    assert found[:2] == [("DCR", 92.1, "osimertinib"), ("DCR", 75.0, "control")]


def test_a_time_with_its_interval_before_the_unit():
    text = "The median PFS (95% CI) was 5.5 (3.8–14.0) months vs 4.5 (3.5–10.7) months in the A vs B arms, respectively."
    found = [(d.endpoint, d.measure, d.value, d.unit, d.ci_low, d.ci_high, d.arm) for d in _sentence_results(text, ["A", "B"])]
    assert found == [("PFS", "median", 5.5, "months", 3.8, 14.0, "A"), ("PFS", "median", 4.5, "months", 3.5, 10.7, "B")]


def test_surviving_five_years_is_not_a_median():
    text = "For patients surviving 5 years from randomisation, survival favoured placebo over levamisole (100% vs 57%)."
    assert [d.value for d in _sentence_results(text, ["levamisole", "placebo"])] == [100.0, 57.0]


@pytest.mark.parametrize("text, names", [
    ("Objective. To test the effectiveness of guided imagery (GI) and progressive muscle relaxation (PMR) as stress "
     "reducing interventions. Methods. Patients were randomly assigned to either the control group or the intervention "
     "group. Anxiety fell in the intervention group.", {"guided imagery", "progressive muscle relaxation"}),
    ("This study was performed to determine the effects of a spiritual care program on anxiety of patients with "
     "leukemia. In this randomized clinical trial, 64 patients were randomly assigned to the experiment or the control "
     "group.", {"spiritual care program"}),
    ("To determine the effects of pretreatment factors on survival, 120 patients were randomly assigned to the "
     "intervention or the control group.", set()),
])
def test_a_non_drug_intervention_named_by_the_trials_aim(text, names):
    record = extract(text).trials[0]
    assert {i.name.lower() for a in record.arms for i in a.interventions} == names


def test_baseline_characteristics_are_not_results():
    text = ("In this randomized trial, 120 patients were assigned to megestrol or placebo. At baseline, groups were "
            "comparable for age (mean, 61 years), fatigue (32%), and antineoplastic treatment (50%). "
            "The objective response rate was 45% with megestrol versus 20% with placebo.")
    assert {v for _, _, v, _ in _found(text)} == {45.0, 20.0}


def test_deaths_are_counts_of_overall_survival_events():
    text = "139 patients died (64 in perioperative chemotherapy group vs 75 in surgery alone group)."
    found = [(d.endpoint, d.measure, d.value, d.arm) for d in _sentence_results(text, ["perioperative chemotherapy",
                                                                                      "surgery alone"])]
    assert found == [("OS", "count", 139.0, None), ("OS", "count", 64.0, "perioperative chemotherapy"),
                     ("OS", "count", 75.0, "surgery alone")]
    assert [(d.endpoint, d.value) for d in _sentence_results("Four toxic deaths occurred in the NP arm.", ["NP", "NIP"])] \
        == [("TREATMENT_RELATED_DEATH", 4.0)]
    assert [d.measure for d in _sentence_results("Twelve patients (10%) died during follow-up.", [])] == []
    text = "After surgery we recorded two deaths in the A group and one in the B group."
    assert [(d.endpoint, d.value, d.arm) for d in _sentence_results(text, ["A", "B"])] == [("AE", 2.0, "A"), ("AE", 1.0, "B")]


def test_survival_words_with_other_dashes_and_spaces():
    from extractor.backends.rules.vocabulary import find_mentions

    for text, canonical in [("recurrence\u2011free survival", "RFS"), ("relapse\u00a0free survival", "RFS"),
                            ("progression\u2013free survival", "PFS")]:
        assert [m.canonical for m in find_mentions(text)] == [canonical]


def test_response_categories_beside_a_response_rate_are_outcomes_of_their_own():
    text = ("In this phase II trial, 103 patients were treated with regorafenib. The ORR was 20.4%. "
            "21 patients (20.4%) achieved partial remission (PR), and 43 patients (41.7%) achieved stable disease (SD).")
    found = {(e, m, v) for e, m, v, _ in _found(text)}
    assert {("ORR", "proportion", 20.4), ("OTHER", "proportion", 20.4), ("OTHER", "proportion", 41.7)} <= found


def test_masking_and_multicentre_only_as_stated():
    assert design.masking("a randomized, placebo-controlled pilot trial") is None
    assert design.masking("a randomized, double-blind, placebo-controlled trial") == "double_blind"
    for text in ("until the international normalized ratio was 2", "the International Prostate Symptom Score",
                 "no difference in overall global scores", "scores on global health"):
        assert design.multicenter(text) is None, text
    assert design.multicenter("an international, randomised phase 3 trial") is True
    assert design.multicenter("a global phase III study") is True


def test_a_secondary_analysis_names_its_trial_in_the_background():
    text = ("BACKGROUND: The Ovarian Protection Trial In Premenopausal Breast Cancer Patients “OPTION” trial (NCT00427245) "
            "was a prospective, multicenter, randomised, open label study of goserelin. METHODS: Bone markers were "
            "measured. RESULTS: NTX rose at 6 months.")
    record = extract(text).trials[0]
    assert (record.acronym, record.multicenter, record.masking) == ("OPTION", True, "open_label")


def test_the_trial_a_secondary_analysis_opens_with_is_its_own():
    text = ("BACKGROUND: In the phase III AVAGAST trial, the addition of bevacizumab to chemotherapy improved PFS. "
            "We studied the role of Angiopoietin-2. METHODS: Patients were randomly assigned to bevacizumab or placebo. "
            "RESULTS: Ang-2 was lower in Asian patients.")
    assert extract(text).trials[0].acronym == "AVAGAST"


def test_supportive_drugs_and_short_code_names_are_interventions():
    from extractor.backends.rules.arms import interventions_in

    assert [i["name"] for i in interventions_in("acetaminophen and naproxen plus tamsulosin")] == \
        ["acetaminophen", "naproxen", "tamsulosin"]
    assert [i["name"] for i in interventions_in("gemcitabine plus Z-360 120 mg")] == ["gemcitabine", "Z-360"]
    # preparations of supportive-care trials: an antiseptic mouthwash, an ointment, a recombinant hormone
    assert [i["name"] for i in interventions_in("povidone-iodine or erythromycin ointment or rhTSH or misoprostol")] == \
        ["povidone-iodine", "erythromycin", "rhTSH", "misoprostol"]


@pytest.mark.parametrize("text, expected", [
    ("Study endpoints were loco-regional recurrence or distant metastasis (Rec-Met) rate as primary endpoints, and "
     "progression free survival (PFS) and overall survival (OS) as secondary endpoints.",
     [("OTHER", "primary"), ("PFS", "secondary"), ("OS", "secondary")]),
    ("Endpoints included the rates of rVTE (primary) and bleeding events.", [("OTHER", "primary")]),
    # a role's list names outcomes the vocabulary does not know: OTHER, or the kind their words say
    ("Secondary outcomes included the times of removal of nasogastric tubes, successful enteral feeding, postoperative "
     "complications and rate of readmission.", [("OTHER", "secondary"), ("AE", "secondary")]),
    ("Secondary aims were to determine the clinical and pathological responses, incidence of breast conserving surgery, "
     "DFS and OS.", [("PATHOLOGICAL_RESPONSE", "secondary"), ("OTHER", "secondary"), ("DFS", "secondary"),
                     ("OS", "secondary")]),
    ("The primary endpoint was the maximum tolerated dose; secondary endpoints were response and serum PSA levels.",
     [("DLT", "primary"), ("ORR", "secondary"), ("BIOMARKER", "secondary")]),
    ("The primary endpoint was also not significantly different between the arms at 12 weeks.", []),
    # outcome measures, main end points, and an endpoint set off by commas
    ("The primary outcome measure was survival.", [("OS", "primary")]),
    ("Response rate was the main end point of the study.", [("ORR", "primary")]),
    ("Overall response rate, the primary end point, was 27.2% with capecitabine.", [("ORR", "primary")]),
    ("The primary outcome measures were arm and shoulder morbidity and quality of life.",
     [("OTHER", "primary"), ("QOL", "primary")]),
    ("The main objective was to compare two schedules.", []),
    # a role in brackets after the clause's outcome, known or not
    ("The objective clinical response rates after 14 weeks treatment (primary end point) were 30% and 17%.",
     [("ORR", "primary")]),
    ("Minimal mean hepatic threshold dose 6 weeks after radiotherapy (primary endpoint) was higher.", [("OTHER", "primary")]),
    # words between the role and its verb, an appositive, "encompassed", "as follows:", "outcome measured was"
    ("The primary outcome for both interventions was HRQoL, measured by EORTC QLQ-C30.", [("QOL", "primary")]),
    ("The primary endpoint in Phase II part is proportion of R0 resection and that in Phase III part is overall survival.",
     [("R0_RESECTION", "primary"), ("OS", "primary")]),
    ("Primary outcome measures assessed at baseline and at week 12 included the Connor Davidson Resilience Scale.",
     [("OTHER", "primary")]),
    ("The primary outcome, Fatigue score (CRF), was evaluated by the FACT-An questionnaire.", [("QOL", "primary")]),
    ("The primary endpoint, which was overall survival, was reached.", []),
    ("Secondary outcomes encompassed postoperative stress and complications.", [("OTHER", "secondary"), ("AE", "secondary")]),
    ("Secondary end points evaluated were as follows: clinical efficacy; quality of life; safety; and survival.",
     [("OTHER", "secondary"), ("QOL", "secondary"), ("SAFETY", "secondary"), ("OS", "secondary")]),
    ("The primary outcome measured was the Constant-Murley Shoulder (CMS) Score.", [("OTHER", "primary")]),
    # outcomes the vocabulary does not know, of a kind their words say
    ("HRQL primary end points assessed by the EORTC QLQ-C30 were physical function (PF) and global health status.",
     [("QOL", "primary")]),
])
def test_an_unknown_outcome_declared_primary_before_its_role(text, expected):
    from extractor.backends.rules.backend import _endpoints
    from extractor.structure import Sentence

    assert [(e.canonical, e.role) for e in _endpoints([Sentence(0, len(text), text, "methods", 0)])] == expected


@pytest.mark.parametrize("text, expected", [
    ("The main grade 3-4 toxicities were neutropenia (arm A 45%, arm B 30%) and diarrhea (arm A 12%, arm B 5%).",
     [(45.0, "arm A"), (30.0, "arm B"), (12.0, "arm A"), (5.0, "arm B")]),
    ("Grade 3/4 neutropenia (45% v 30%) and mucositis (8% v 1%) were more frequent in arm A.",
     [(45.0, "arm A"), (30.0, "arm B"), (8.0, "arm A"), (1.0, "arm B")]),
    ("Median PFS among Asian patients was 8.48 versus 4.14 months for arm B.", [(8.48, "arm A"), (4.14, "arm B")]),
    ("Median time to treatment failure was 24 weeks for arm A, 7 weeks for arm B (P < 0.05).",
     [(24.0, "arm A"), (7.0, "arm B")]),
    # arms listed "respectively" before their values go by their place in the list, not by the name before a value
    ("Three-month survival rates for the P, arm A and arm B groups were 44%, 41%, and 35%, respectively.",
     [(44.0, None), (41.0, "arm A"), (35.0, "arm B")]),
    # a sentence about one arm, named before its values
    ("Grade 3 to 4 toxicities in the arm B group were anemia (3.4%), thrombocytopenia (3.4%) and diarrhea (6.9%).",
     [(3.4, "arm B"), (3.4, "arm B"), (6.9, "arm B")]),
])
def test_arms_named_before_values_and_after_pairs(text, expected):
    assert [(d.value, d.arm) for d in _sentence_results(text, ["arm A", "arm B"])] == expected


@pytest.mark.parametrize("text, expected", [
    ("Survival was worse in the thalidomide group (HR for death = 1.36, 95% CI = 1.10 to 1.68).", ("OS", 1.36, 1.10)),
    ("The hazard ratio for death from any cause in the thalidomide group was 0.72 (95% CI, 0.60 to 0.90).",
     ("OS", 0.72, 0.60)),
    ("The hazard ratio for progression or death was 0.58 (95% CI 0.45-0.75).", ("PFS", 0.58, 0.45)),
])
def test_hazard_ratios_for_an_event(text, expected):
    found = [(d.endpoint, d.value, d.ci_low) for d in _sentence_results(text, []) if d.measure == "hazard_ratio"]
    assert found == [expected]


def test_patients_alive_at_a_time_are_survival_rates():
    text = "At 12 months, the percentage of patients who were alive without disease progression was 48% in arm A and 25% in arm B."
    assert [(d.endpoint, d.measure, d.value, d.arm) for d in _sentence_results(text, ["arm A", "arm B"])] == \
        [("PFS", "rate_at_time", 48.0, "arm A"), ("PFS", "rate_at_time", 25.0, "arm B")]
    found = _sentence_results("The estimated percentage of patients who were alive at 24 months was 62.1%.", [])
    assert [(d.endpoint, d.measure, d.value, d.timepoint) for d in found] == [("OS", "rate_at_time", 62.1, "24 months")]
    assert _sentence_results("Seven of the 19 patients remain alive at a minimum 32 months from trial initiation.", []) == []


@pytest.mark.parametrize("text, expected", [
    ("Overall QOL increased more in the exercise group (mean difference, 8.8 points; 95% CI, 3.1 to 14.5; P = .003).",
     [("QOL", "difference", 8.8, 3.1)]),
    ("The mean QOL score was 70 vs 65.", [("QOL", "mean", 70.0, None), ("QOL", "mean", 65.0, None)]),
    ("A lower dysuria severity score (difference of 2.7 vs 4.2, P < 0.005).",
     [("QOL", "difference", 2.7, None), ("QOL", "difference", 4.2, None)]),
    ("The mean age was 63.", []),
])
def test_numbers_without_a_unit_after_a_named_statistic(text, expected):
    assert [(d.endpoint, d.measure, d.value, d.ci_low) for d in _sentence_results(text, [])] == expected


def test_a_nejm_abstract():
    text = ("BACKGROUND: Pembrolizumab has shown activity. METHODS: In this phase 3, randomized, double-blind trial, we "
            "randomly assigned patients in a 2:1 ratio to receive pembrolizumab plus chemotherapy or placebo plus "
            "chemotherapy. RESULTS: A total of 847 patients underwent randomization. Among patients with a CPS of 10 or "
            "more, the median overall survival was 23.0 months in the pembrolizumab group and 16.1 months in the placebo "
            "group (hazard ratio for death, 0.73; 95% CI, 0.55 to 0.95). Adverse events of grade 3 to 5 that were "
            "related to the trial regimen occurred in 68.1% of the patients in the pembrolizumab group. CONCLUSIONS: "
            "Pembrolizumab improved survival. (Funded by Merck; KEYNOTE-355 ClinicalTrials.gov number, NCT02819518.)")
    record = extract(text).trials[0]
    assert (record.acronym, record.enrollment.enrolled) == ("KEYNOTE-355", 847)
    found = {(r.endpoint, r.measure, r.value, r.subgroup) for r in record.results}
    assert ("OS", "hazard_ratio", 0.73, "CPS of 10 or more") in found
    assert ("TRAE_GRADE3PLUS", "proportion", 68.1, None) in found


@pytest.mark.parametrize("text, wanted", [
    ("Hazard ratio (HR) for OS was 0.93 (95% CI 0.71-1.21).", ("OS", 0.93)),
    ("Fotemustine did not improve overall survival (OS) (p=0.28) or progression-free survival (PFS) (p=0.55); "
     "Hazard ratio (HR) for OS was 0.93 (95% CI 0.71-1.21).", ("OS", 0.93)),
    ("The HR for progression-free survival was 0.7 (95% CI 0.5-0.9).", ("PFS", 0.7)),
    ("From the 1-year survival analysis, the hazard ratio for probability of death was 1.29 (95% CI, 0.96 to 1.72).",
     ("OS", 1.29)),
    ("Survival was better with temozolomide than with radiotherapy (HR for temozolomide vs radiotherapy 0·35 "
     "[0·21-0·56], p<0·0001).", ("OS", 0.35)),
    ("Letrozole improved disease-free survival (DFS; P<0.001) compared with placebo (hazard ratio [HR] for recurrence "
     "or contralateral breast cancer 0.58; 95% CI 0.45, 0.76).", ("DFS", 0.58)),
])
def test_a_ratio_named_for_its_endpoint_after_it(text, wanted):
    drafts = _sentence_results(text, [])
    assert [(d.endpoint, d.value) for d in drafts if d.measure == "hazard_ratio"] == [wanted]


def test_every_cytopenia_is_an_event():
    drafts = _sentence_results("The incidence of grade 3–4 granulocytopenia was 6.8% with capecitabine and 4.8% with "
                               "S-1.", ["capecitabine", "S-1"])
    assert [(d.endpoint, d.value, d.arm) for d in drafts] == [("AE_GRADE3PLUS", 6.8, "capecitabine"),
                                                               ("AE_GRADE3PLUS", 4.8, "S-1")]


@pytest.mark.parametrize("text, wanted", [
    ("Tebentafusp monotherapy reduced the risk of death by 49%, and significantly reduced the risk of disease "
     "progression or death by 27%.", [("OS", 49.0), ("PFS", 27.0)]),
    ("The combined therapy reduced the risk of relapse by 34% (95% CI = 12%-50%; P = .0016) and reduced the overall "
     "death rate by 29%.", [("RFS", 34.0), ("OS", 29.0)]),
    ("PFS was longer with 500 mg, corresponding to a 20% reduction in risk of progression.", [("PFS", 20.0)]),
])
def test_a_relative_risk_reduction_is_a_difference_in_percent(text, wanted):
    drafts = [d for d in _sentence_results(text, []) if d.measure == "difference"]
    assert [(d.endpoint, d.value) for d in drafts] == wanted
    assert all(d.unit == "percent" and d.name and "reduc" in d.name for d in drafts)


@pytest.mark.parametrize("text", [
    "The 2-year survival rate was 21% for HDCT-treated patients and 14% for AT-treated patients.",
    "Median OS was 21 months for HDCT-based chemotherapy and 14 months for AT-based chemotherapy.",
])
def test_an_arms_name_as_an_adjective_names_the_arm(text):
    drafts = _sentence_results(text, ["HDCT", "AT"])
    assert [(d.value, d.arm, d.subgroup) for d in drafts] == [(21.0, "HDCT", None), (14.0, "AT", None)]


def test_an_events_grade_does_not_cross_into_a_contrasting_clause():
    drafts = _sentence_results("Grade 3/4 neutropenia was frequent in both groups, although febrile neutropenia was more "
                               "frequent with AT (33% v 10%).", ["AT", "AC"])
    assert [(d.endpoint, d.value) for d in drafts] == [("AE", 33.0), ("AE", 10.0)]
    listed = _sentence_results("Grade 3-4 toxicities included: neutropenia (18.3%/28.2%); thrombocytopenia (14.6%/25.6%).", [])
    assert {d.endpoint for d in listed} == {"AE_GRADE3PLUS"}


def test_an_endpoint_naming_the_patients_does_not_own_the_values():
    drafts = _sentence_results("Three-year RFS was better in patients with positive CTL responses compared with those "
                               "without (85.7 and 33.3%, respectively).", [])
    assert [(d.endpoint, d.measure, d.value) for d in drafts] == [("RFS", "rate_at_time", 85.7),
                                                                  ("RFS", "rate_at_time", 33.3)]


def test_the_kind_of_event_between_grade_and_noun_keeps_the_grade():
    drafts = _sentence_results("The most frequent adverse events were grade 3/4 cardiac events (AT, 3%; AC, 4%).", ["AT", "AC"])
    assert [(d.endpoint, d.value, d.arm) for d in drafts] == [("AE_GRADE3PLUS", 3.0, "AT"), ("AE_GRADE3PLUS", 4.0, "AC")]


def test_a_drug_the_treatment_text_gives_every_arm_is_in_each_arm():
    text = ("A randomized trial of the gastrin antagonist Z-360 and gemcitabine in pancreatic cancer. Patients were "
            "randomly assigned to Z-360 or placebo. Median OS was 8.1 and 7.2 months.")
    arms = {a.label: sorted(i.name.lower() for i in a.interventions) for a in extract(text).trials[0].arms}
    assert all("gemcitabine" in names for names in arms.values()) and len(arms) == 2


def test_an_outcome_named_by_the_difference_the_sentence_reports():
    drafts = _sentence_results("No significant difference was found in surgical margin status between the control and "
                               "bladder neck preservation groups (12.5% vs 14.7%, p = 0.65).",
                               ["control", "bladder neck preservation"])
    assert [(d.endpoint, d.value, d.arm, d.name) for d in drafts] == [
        ("OTHER", 12.5, "control", "surgical margin status"), ("OTHER", 14.7, "bladder neck preservation", "surgical margin status")]


@pytest.mark.parametrize(("text", "arms", "expected"), [
    # the control's value comes first in a change the treatment made
    ("The absolute increase in rate of progression-free survival at 3 years was 7·3% (from 28·1% [95% CI "
     "21·3–35·5] to 35·4% [28·1–42·7]; HR 0·79 [0·62–1·02]; p=0·058).", ["chemotherapy", "surgery"],
     [("difference", 7.3, None), ("rate_at_time", 28.1, "surgery"), ("rate_at_time", 35.4, "chemotherapy"),
      ("hazard_ratio", 0.79, None)]),
    ("Median survival increased from 21 to 28 weeks (P = .03).", ["supportive care alone", "vinorelbine"],
     [("median", 21.0, "supportive care alone"), ("median", 28.0, "vinorelbine")]),
])
def test_from_one_value_to_another_reads_the_control_first(text, arms, expected):
    assert [(d.measure, d.value, d.arm) for d in _sentence_results(text, arms)] == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Median survival was 10 months with GCa and 7.6 months with MIC (difference, 2.4 months; 95% CI, 1.0 to 4.0).",
     [("median", 10.0, "GCa", None), ("median", 7.6, "MIC", None), ("difference", 2.4, None, None)]),
    ("5-year DFS was 84% for GCa versus 69% for MIC; difference = 15%; 95% CI = 6% to 24%.",
     [("rate_at_time", 84.0, "GCa", None), ("rate_at_time", 69.0, "MIC", None), ("difference", 15.0, None, None)]),
    ("Median PFS did not differ, as well as the median OS (14.2 months for both, P = 0.983).", [("median", 14.2, "GCa", None), ("median", 14.2, "MIC", None)]),
    # the difference named with what it is a difference in, before its value
    ("Recurrent infections were more frequent with GCa (8.9%) than with MIC (2.8%), a difference in cumulative "
     "recurrence rate of 6.1% (2-sided 90%CI +2.6 to +9.7%).",
     [("proportion", 8.9, "GCa", None), ("proportion", 2.8, "MIC", None), ("difference", 6.1, None, None)]),
])
def test_a_value_the_text_calls_the_difference_and_one_for_both_arms(text, expected):
    assert [(d.measure, d.value, d.arm, d.subgroup) for d in _sentence_results(text, ["GCa", "MIC"])] == expected


def test_an_arm_is_also_named_without_its_dose():
    from extractor.backends.rules.arms import ArmDraft, _add_undosed_aliases

    arms = [ArmDraft("vinorelbine", ["vinorelbine"]), ArmDraft("docetaxel 60 mg/m2", ["docetaxel 60 mg/m2"]),
            ArmDraft("gefitinib 250 mg/day", ["gefitinib 250 mg/day"]), ArmDraft("gefitinib 500 mg/day", [])]
    _add_undosed_aliases(arms)
    assert [a.aliases for a in arms] == [["vinorelbine"], ["docetaxel 60 mg/m2", "docetaxel"],
                                         ["gefitinib 250 mg/day"], []]  # two arms of one drug: neither is "gefitinib"


def test_arms_of_one_drug_are_named_by_their_dose_and_without_their_route():
    text = ("Patients were randomly assigned to oral gefitinib 250 mg/day, gefitinib 500 mg/day, or methotrexate. "
            "In the gefitinib 250 mg/day, 500 mg/day, and methotrexate groups, respectively, median overall survival "
            "was 5.6, 6.0, and 6.7 months. Bleeding occurred with gefitinib (8.9%, gefitinib 250 mg/day; 11.4%, "
            "gefitinib 500 mg/day; 1.9%, methotrexate).")
    arms = {r.value: r.arm for t in extract(text).trials for r in t.results}
    assert (arms[5.6], arms[6.0], arms[6.7]) == ("oral gefitinib 250 mg/day", "gefitinib 500 mg/day", "methotrexate")
    assert arms[8.9] == "oral gefitinib 250 mg/day"


def test_a_dose_names_an_arm_only_when_the_drug_has_two_doses():
    from extractor.backends.rules.arms import ArmDraft, _add_dose_aliases

    arms = [ArmDraft("Z-360 120 mg", []), ArmDraft("Z-360 240 mg", []), ArmDraft("docetaxel 60 mg/m2", []),
            ArmDraft("placebo", [])]
    _add_dose_aliases(arms)
    assert [a.aliases for a in arms] == [["120 mg"], ["240 mg"], [], []]


@pytest.mark.parametrize(("text", "expected"), [
    # each clause of a contrast names its own arm before its value (a change "by" so much is a difference: no arm)
    ("Fatigue improved in the usual care group by 6.1%, whereas the yoga group reported an "
     "improvement of 47.2% (p < 0.01 vs. usual care group).", [(6.1, None), (47.2, "yoga")]),
    ("A decline (4.8%) in grip strength was seen in the usual care group; however, in the yoga group, there "
     "was a gain (11.9%) in grip strength.", [(4.8, "usual care"), (11.9, "yoga")]),
    # a bracket right after "<arm> group" holds that arm's value; a "vs." after the value is the p-value's
    ("The disease control rate was higher in the yoga group (71.3%; p < 0.01 vs. usual care group).",
     [(71.3, "yoga")]),
    # but not when the bracket names the other arm as well
    ("Falls were more frequent in the usual care group (12.4% in usual care and 2.9% in yoga).",
     [(12.4, "usual care"), (2.9, "yoga")]),
])
def test_an_arm_named_in_its_own_clause_or_before_its_bracket(text, expected):
    assert [(d.value, d.arm) for d in _sentence_results(text, ["usual care", "yoga"])] == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("The observed mean difference in the average pain score between duloxetine and placebo was 0.73 (95% CI, "
     "0.26-1.20).", [("difference", 0.73, 0.26, 1.2)]),
    ("AET resulted in a nonsignificant (P = 0.16) improvement in global sleep quality compared with usual care [mean "
     "group difference = -0.64; 95% confidence interval (CI), -1.56 to +0.27].", [("difference", -0.64, -1.56, 0.27)]),
])
def test_a_mean_difference_in_an_outcome_no_rule_names(text, expected):
    assert [(d.measure, d.value, d.ci_low, d.ci_high) for d in _sentence_results(text, [])] == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("47 (53.4%) patients in the paroxetine group had adverse experiences.", [("AE", 53.4)]),
    ("Nearly 80% of patients reported one or more side effects.", [("AE", 80.0)]),
    ("Side-effects were reported by 12% of patients.", [("AE", 12.0)]),
    # side effects that caused a discontinuation name the discontinuation, not an adverse event
    ("The discontinuation rate of medication due to its side effects was 10.2%.", [("DISCONTINUATION", 10.2)]),
])
def test_side_effects_and_adverse_experiences_are_adverse_events(text, expected):
    assert _endpoints_and_values(text) == expected


def test_sentences_after_one_about_an_arm_go_on_about_it():
    text = ("Patients were randomized to tamoxifen or no treatment (control). In the control group there was no "
            "significant reduction in Ki-67 (p = 0.627). In the tamoxifen group, the mean percentage of nuclei stained "
            "by Ki-67 was 24.69% before treatment. Mean percentage of nuclei stained by estrogen receptor was 59.53% "
            "before treatment.")
    arms = {r.value: r.arm for t in extract(text).trials for r in t.results}
    assert arms[24.69] == arms[59.53] == "tamoxifen"


def test_an_arm_then_a_verb_then_its_value():
    text = "The median progression-free survival (PFS) for the vaccine group was 8.5 months, and 8.0 months for the control group."
    assert [(d.value, d.arm) for d in _sentence_results(text, ["vaccine", "control"])] == [(8.5, "vaccine"), (8.0, "control")]


@pytest.mark.parametrize(("text", "expected"), [
    ("More patients survived >/= 3 years in the D3P and D1P arms (18.6% and 16.6%, respectively).",
     [("OS", "rate_at_time", 18.6, "3 years"), ("OS", "rate_at_time", 16.6, "3 years")]),
    ("Time to extrahepatic progression (7.7 v 14.8 months; P = .029) was significantly shorter with HAI.",
     [("TTP", "median", 7.7, None), ("TTP", "median", 14.8, None)]),
])
def test_survival_at_a_landmark_and_progression_of_a_kind(text, expected):
    assert [(d.endpoint, d.measure, d.value, d.timepoint) for d in _sentence_results(text, [])] == expected


@pytest.mark.parametrize(("text", "expected"), [
    # "drainage" and "stage" are not "age": a duration after them is a result
    ("The mean chest tube drainage time was 6 (1–42) days in the control group against 4 (2–15) days with nutrition.",
     [("mean", 6.0), ("mean", 4.0)]),
    # the level of an interval printed after "CI" is no value
    ("Four patients (25%) had complications; CI 95% (0.23-2.11).", [("proportion", 25.0)]),
    # a percentage the text calls a mean is a mean; not a change told later, nor after another measure
    ("There was a significant increase in mean prostate volume (14%) at mid treatment.", [("mean", 14.0)]),
    ("The mean reduction in AK count was 59.2% for ALA-PDT and 41.4% for imiquimod 5% cream (p = .002).",
     [("mean", 59.2), ("mean", 41.4)]),
    ("Mean sexual function score was 15 points lower with cryoablation and 13% more of the men said that sexuality "
     "was a problem.", [("difference", 15.0), ("proportion", 13.0)]),
])
def test_what_a_number_is_by_the_words_around_it(text, expected):
    assert [(d.measure, d.value) for d in _sentence_results(text, [])] == expected


def test_the_mean_duration_of_an_event_is_the_events():
    text = "The mean duration of grade 3 or worse mucositis was significantly less (6.6 days vs. 9.2 days) with glutamine."
    assert [(d.endpoint, d.measure, d.value, d.unit) for d in _sentence_results(text, [])] == [
        ("AE_GRADE3PLUS", "mean", 6.6, "days"), ("AE_GRADE3PLUS", "mean", 9.2, "days")]


@pytest.mark.parametrize(("text", "expected"), [
    ("The AUC of fentanyl was 7.1% (95% CI: −28% to +19%) lower if patients used aprepitant, compared to fentanyl only.",
     [("difference", 7.1, -28.0, 19.0)]),
    ("The projected 2-year PFS is 88.8% and 89.7%, respectively (difference, -0.9%, (95% CI, -4.1%, +2.2%).",
     [("rate_at_time", 88.8, None, None), ("rate_at_time", 89.7, None, None)]),
])
def test_signed_interval_bounds_and_a_percentage_lower_than_another(text, expected):
    found = [(d.measure, d.value, d.ci_low, d.ci_high) for d in _sentence_results(text, [])]
    assert found[:len(expected)] == expected and all(value != 2.2 for _, value, _, _ in found)


@pytest.mark.parametrize(("text", "expected"), [
    ("Nine CR and 27 PR were obtained on 111 patients treated in the experimental arm (RR = 32%, 95% CI: 24%-42%).",
     [("CR_RATE", "count", 9.0), ("PR", "count", 27.0), ("ORR", "proportion", 32.0)]),
    # a relative risk printed after the percentages it compares leaves them as they are (and is the same outcome's)
    ("Enrollment was greater by telephone (59/480, 12.3%) than by mail (35/472, 7.4%) (RR 1.66, 95% CI 1.11 to 2.47).",
     [("OTHER", "proportion", 12.3), ("OTHER", "proportion", 7.4), ("OTHER", "risk_ratio", 1.66)]),
    ("The mean QALM-24 was 7.1 (95% CI: 6.0, 9.0) months with chemoradiation.", [("OTHER", "mean", 7.1)]),
])
def test_response_rates_abbreviated_as_ratios_and_a_time_after_its_interval(text, expected):
    assert [(d.endpoint, d.measure, d.value) for d in _sentence_results(text, [])] == expected


def test_objective_responses_abbreviated_or_and_an_arm_named_with_a_hyphen():
    text = "In the 89 CT-arm patients, 18 ORs (20.2%) (three complete responders and 15 partial responders) were observed."
    assert [(d.endpoint, d.measure, d.value, d.arm) for d in _sentence_results(text, ["CT", "IL-2"])] == [
        ("ORR", "proportion", 20.2, "CT"), ("CR_RATE", "count", 3.0, "CT"), ("PR", "count", 15.0, "CT")]


def test_a_sentence_that_opens_with_its_own_group_takes_no_arm_from_the_one_before():
    text = ("Patients were randomized to receive CT or CT plus IL-2. In the 89 CT-arm patients, 18 ORs (20.2%) were "
            "observed. In the 87 bioCT-arm patients, 22 ORs (25.3%) were recorded.")
    arms = {r.value: r.arm for t in extract(text).trials for r in t.results}
    assert arms[20.2] == "CT" and arms[25.3] != "CT"


@pytest.mark.parametrize(("text", "expected"), [
    ("The Grade 2 or greater urinary toxicity was 10% at 70 Gy and 17.5% at 80 Gy (p = .046).",
     [("AE", 10.0), ("AE", 17.5)]),
    ("Late grade 3 rectal toxicity occurred in 5% of patients.", [("AE_GRADE3PLUS", 5.0)]),
])
def test_urinary_and_rectal_toxicity_are_events(text, expected):
    assert _endpoints_and_values(text) == expected


@pytest.mark.parametrize(("text", "arms", "expected"), [
    # a share of patients whose quality of life improved is a result, with its arm
    ("Global QOL improved in more patients on afatinib (64%) versus chemotherapy (50%) (P = .010).",
     ["afatinib", "chemotherapy"], [("QOL", 64.0, "afatinib"), ("QOL", 50.0, "chemotherapy")]),
    # who answered the questionnaires is not how they fared: a feasibility share (dev gold: "Follow-up assessment of
    # patient-reported outcomes was 99.0%" is FEASIBILITY)
    ("395 patients (97%) participated in the health-related quality-of-life (HRQOL) study.", [],
     [("FEASIBILITY", 97.0, None)]),
    # "75 % to 56 %" with no "from": a change over time in one group, not two arms
    ("Additionally, anxiety (HADS score ≥ 11, 75 % to 56 %, P < 0.01) improved.", ["A", "B"],
     [("QOL", 75.0, None), ("QOL", 56.0, None)]),
])
def test_quality_of_life_shares(text, arms, expected):
    assert [(d.endpoint, d.value, d.arm) for d in _sentence_results(text, arms)] == expected


@pytest.mark.parametrize(("text", "expected"), [
    # "Grades 3 to 4" is the grade, not a count of four
    ("Grades 3 to 4 neutropenia occurred in 25% of patients; grades 3 to 4 fatigue occurred more often with TCG.",
     [("AE_GRADE3PLUS", "proportion", 25.0)]),
    # the top of a range is not a value
    ("The coefficients of variation were 15.8–68.8% for intensity.", []),
    # who the patients were at baseline, and when they were assessed, are not results
    ("Overall, 162/676 (24 %) patients had renal impairment at baseline.", []),
    ("Utility scores were assessed using the EQ-5D instrument at baseline; cycles 3, 5, and 7; 7 months; and 1 year.", []),
    ("The ORR was 45% at 12 weeks compared with 20% at baseline.", [("ORR", "proportion", 45.0), ("ORR", "proportion", 20.0)]),
])
def test_grades_ranges_and_baseline_are_no_results(text, expected):
    assert [(d.endpoint, d.measure, d.value) for d in _sentence_results(text, [])] == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("The 95% confidence interval excludes the prespecified minimum clinically significant difference of a 20% greater "
     "improvement in dyspnea.", []),
    ("The study was powered to detect an improvement of 15% in ORR.", []),
    ("A statistically significant difference of 12% in 3-year OS favoured arm A.", [("OS", "difference", 12.0)]),
])
def test_a_planned_difference_is_no_result(text, expected):
    assert [(d.endpoint, d.measure, d.value) for d in _sentence_results(text, [])] == expected


@pytest.mark.parametrize(("text", "arms", "expected"), [
    # a graded event the vocabulary does not name is an adverse event of its grade
    ("Grade 3 or 4 weight changes were more common with MA (17.1% v 7.6%; P =.001).", ["MA", "EXE"],
     [("AE_GRADE3PLUS", "proportion", 17.1, "MA"), ("AE_GRADE3PLUS", "proportion", 7.6, "EXE")]),
    # a grade that stands for the tumour is no adverse event
    ("Patients with grade 3 tumours had a response rate of 45%.", [], [("ORR", "proportion", 45.0, None)]),
    # the grade of a list's class word passes to the events listed after it
    ("Grade 3 or 4 myelosuppressions were more frequent with GC (anaemia: 14% GC vs 2% PE).", ["GC", "PE"],
     [("AE_GRADE3PLUS", "proportion", 14.0, "GC"), ("AE_GRADE3PLUS", "proportion", 2.0, "PE")]),
    # "non-haematological" keeps the grade before it
    ("Grade 3/4 non-hematological toxicity was higher in Arm B (31% versus 22%).", ["Arm A", "Arm B"],
     [("AE_GRADE3PLUS", "proportion", 31.0, "Arm B"), ("AE_GRADE3PLUS", "proportion", 22.0, "Arm A")]),
    # the grade in brackets after the noun, or after the event
    ("Toxicity (WHO grade 3-4) was lower with FU than with FUP (20% versus 48%).", ["FU", "FUP"],
     [("AE_GRADE3PLUS", "proportion", 20.0, "FU"), ("AE_GRADE3PLUS", "proportion", 48.0, "FUP")]),
    ("Neutropenia (grade 3/4) occurred in 35% of patients.", [], [("AE_GRADE3PLUS", "proportion", 35.0, None)]),
    ("Stomatitis grade III/IV occurred in 25% of patients.", [], [("AE_GRADE3PLUS", "proportion", 25.0, None)]),
    # a grade below 3 in brackets leaves "toxicity" the safety endpoint it names
    ("646 patients (97%) were evaluable for toxicity (grade 2 and higher).", [], []),
    # "that were of severity grade 3 or 4"
    ("The drug-related adverse events that were of severity grade 3 or 4 included amylase elevation (30%).", [],
     [("TRAE_GRADE3PLUS", "proportion", 30.0, None)]),
    # serious complications are complications (AE), not serious adverse events
    ("Five patients (36%) presented with serious postoperative complications.", [], [("AE", "proportion", 36.0, None)]),
    # discontinuations (plural) due to adverse events are discontinuations
    ("Temporary discontinuations due to AEs were more frequent with A (66 vs. 51%).", ["A", "B"],
     [("DISCONTINUATION", "proportion", 66.0, "A"), ("DISCONTINUATION", "proportion", 51.0, "B")]),
    # deaths from toxicity are treatment-related deaths
    ("The toxicity-related death rate was 9% in the A arm versus 5.5% in the B arm.", ["A", "B"],
     [("TREATMENT_RELATED_DEATH", "proportion", 9.0, "A"), ("TREATMENT_RELATED_DEATH", "proportion", 5.5, "B")]),
])
def test_grades_and_kinds_of_adverse_events(text, arms, expected):
    assert [(d.endpoint, d.measure, d.value, d.arm) for d in _sentence_results(text, arms)] == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Three patients died of toxicity.", [("TREATMENT_RELATED_DEATH", "count", 3.0)]),
    ("There were no grade 3-4 late radiation toxicities.", [("AE_GRADE3PLUS", "count", 0.0)]),
    ("No grade 3/4 febrile neutropaenia was observed.", [("AE_GRADE3PLUS", "count", 0.0)]),
    ("Pancreatitis occurred in 3 patients.", [("AE", "count", 3.0)]),
    ("Two patients had grade 3 pneumonitis.", [("AE_GRADE3PLUS", "count", 2.0)]),
    ("Grade 3 hyperlipidemia occurred in 5 patients.", [("AE_GRADE3PLUS", "count", 5.0)]),
    ("Two patients had grade 3 tumours.", []),
    # "> grade 2" is grade 3 or higher; "treatment-associated" is treatment-related
    ("No treatment-associated events > grade 2 were observed.", [("TRAE_GRADE3PLUS", "count", 0.0)]),
    ("Grade >2 toxicity occurred in 12 patients.", [("AE_GRADE3PLUS", "count", 12.0)]),
    # skeletal-related events are an outcome of their own, not treatment-related adverse events
    ("Skeletal-related events occurred in 38.5% of patients.", [("OTHER", "proportion", 38.5)]),
])
def test_counts_of_adverse_events_and_events_that_are_not(text, expected):
    assert [(d.endpoint, d.measure, d.value) for d in _sentence_results(text, [])] == expected


@pytest.mark.parametrize(("text", "expected"), [
    # deaths from a toxicity, or called treatment related, are treatment-related deaths, not overall survival
    ("One patient died of febrile neutropenia during treatment.", [("TREATMENT_RELATED_DEATH", "count", 1.0)]),
    ("Two patients died of neutropenic sepsis.", [("TREATMENT_RELATED_DEATH", "count", 2.0)]),
    ("Two deaths were considered treatment related.", [("TREATMENT_RELATED_DEATH", "count", 2.0)]),
    ("Grade 5 toxicity occurred in 2 patients (2%).", [("TREATMENT_RELATED_DEATH", "proportion", 2.0)]),
    ("There were two fatal treatment-related adverse events.", [("TREATMENT_RELATED_DEATH", "count", 2.0)]),
    ("Two patients died of disease progression.", [("OS", "count", 2.0)]),
    # relatedness written before the grade
    ("Treatment-related grade 3 or 4 adverse events occurred in 12% of patients.", [("TRAE_GRADE3PLUS", "proportion", 12.0)]),
    ("Drug-related grade 3 toxicity occurred in 5 patients.", [("TRAE_GRADE3PLUS", "count", 5.0)]),
    # named events of surgery and hormone treatment, and the morbidity of an operation
    ("Erectile dysfunction occurred in 40% of patients.", [("AE", "proportion", 40.0)]),
    ("Wound infection occurred in 4 patients (5%) and seroma in 10%.", [("AE", "proportion", 5.0), ("AE", "proportion", 10.0)]),
    ("Postoperative morbidity rate was 28.9 percent.", [("AE", "proportion", 28.9)]),
    # related to a drug named with a number
    ("IL-2-related toxicity was WHO grade 1 (24%) and 3 (9%).", [("TRAE", "proportion", 24.0), ("TRAE_GRADE3PLUS", "proportion", 9.0)]),
])
def test_deaths_grades_and_events_the_words_class(text, expected):
    assert [(d.endpoint, d.measure, d.value) for d in _sentence_results(text, [])] == expected


@pytest.mark.parametrize(("text", "expected"), [
    # "-free" elided before "and overall survival" is the survival free of that event
    ("The 5-year relapse-free and overall survival rates were 55.9% and 85.3%, respectively.",
     [("RFS", "rate_at_time", 55.9), ("OS", "rate_at_time", 85.3)]),
    ("Median progression-free and overall survival were 5.1 and 9.9 months, respectively.",
     [("PFS", "median", 5.1), ("OS", "median", 9.9)]),
    # how often the disease came back or progressed: the share of patients with the event
    ("The 3-year recurrence rates were 12% and 20%, respectively.", [("RFS", "proportion", 12.0), ("RFS", "proportion", 20.0)]),
    ("The progression rate at 1 year was 30%.", [("PFS", "proportion", 30.0)]),
    ("The absolute increase in rate of progression-free survival at 3 years was 7.3%.", [("PFS", "difference", 7.3)]),
    ("The 5-year biochemical relapse rate was 39%.", [("OTHER", "proportion", 39.0)]),
    # a tumour marker's response is a biomarker outcome; a pain or haemoglobin response is no tumour response
    ("The PSA response rates were 50% and 23%.", [("BIOMARKER", "proportion", 50.0), ("BIOMARKER", "proportion", 23.0)]),
    ("The complete response rate of PSA was 13%.", [("BIOMARKER", "proportion", 13.0)]),
    ("Pain response was achieved in 43% of patients.", [("OTHER", "proportion", 43.0)]),
    ("The response rate was 30%.", [("ORR", "proportion", 30.0)]),
    # how much of the treatment or the study the patients completed, and how many left it
    ("Percentages of patients completing 9 months of treatment were 17% and 26%.",
     [("FEASIBILITY", "proportion", 17.0), ("FEASIBILITY", "proportion", 26.0)]),
    ("Of the 246 patients, 89.4% completed the 3-day efficacy phase.", [("FEASIBILITY", "proportion", 89.4)]),
    ("The drop-out rate was 15%.", [("FEASIBILITY", "proportion", 15.0)]),
    # a tumour marker's fall; deaths as a share of the patients, or after an operation; a symptom's bother
    ("A PSA decline of at least 50% was seen in 45% of patients.", [("BIOMARKER", "proportion", 45.0)]),
    ("The 5-year overall mortality was 19.0% and 15.2%, respectively.", [("OS", "proportion", 19.0), ("OS", "proportion", 15.2)]),
    ("Postoperative mortality was 2%.", [("AE", "proportion", 2.0)]),
    ("At 4 years, 64 (18%) of 353 patients had moderate to severe urinary bother (p=0.005).", [("QOL", "proportion", 18.0)]),
    ("Mean sexual function score was 15 points lower at 3 years.", [("QOL", "difference", 15.0)]),
    # the resected tumour's graded response
    ("Downstaging (stage 0 and I) was observed in 21 (30.9%) cases.", [("PATHOLOGICAL_RESPONSE", "proportion", 30.9)]),
    ("The subtotal regression rate (TRG1b) was 19.4%.", [("PATHOLOGICAL_RESPONSE", "proportion", 19.4)]),
    # a ratio in the bracket of events no endpoint names is of those events, not of the survival named before
    ("Overall survival was longer owing to fewer disease events (progression, second relapse; HR 0.56, 0.34-0.92).",
     [("OTHER", "hazard_ratio", 0.56)]),
    ("Disease-free survival was longer, with fewer DFS events (HR 0.70, 0.50-0.90).", [("DFS", "hazard_ratio", 0.70)]),
    # a ratio of a time to deterioration of quality of life, or to an event no endpoint names, is not overall survival's
    ("Drug A did not impact on deterioration in HRQoL: TSP (hazard ratio [HR]=0.91 [95% CI 0.74-1.12]; n=785).",
     [("QOL", "hazard_ratio", 0.91)]),
    ("Time to pain and time to analgesic use were delayed with drug A (HR=0.61 [95% CI 0.42-0.88] and HR=0.66 "
     "[95% CI 0.46-0.94], respectively).", [("OTHER", "hazard_ratio", 0.61), ("OTHER", "hazard_ratio", 0.66)]),
    ("Time to neurologic progression favoured drug A (median, 78.5 v 42 days).",
     [("TTP", "median", 78.5), ("TTP", "median", 42.0)]),
    # a ratio, or an unknown rate, of symptoms improved is a quality-of-life outcome's
    ("Docetaxel improved overall disease-related symptoms over vinorelbine (odds ratio, 1.86; 95% CI, 1.09 to 3.20).",
     [("QOL", "odds_ratio", 1.86)]),
    ("Response rates were 18% and 19%, and symptom improvement rates were 40.3% and 37.0%, respectively.",
     [("ORR", "proportion", 18.0), ("ORR", "proportion", 19.0), ("QOL", "proportion", 40.3), ("QOL", "proportion", 37.0)]),
    # "/hr" is per hour, not a hazard ratio
    ("Patients with an AHI of 15/hr or more (n = 86 vs 86) had no difference in sleepiness score.", []),
])
def test_outcomes_named_by_an_event_rate_a_marker_or_completion(text, expected):
    assert [(d.endpoint, d.measure, d.value) for d in _sentence_results(text, [])] == expected

@pytest.mark.parametrize(("text", "expected"), [
    # the words that call a number a difference, in their printed variants
    ("Dyspnea scores were slightly higher with true acupuncture (differences between means of 0.34, 95% C.I. -0.33, "
     "1.02 and 0.56, 95% C.I. -0.39, 1.51).", [("QOL", 0.34, -0.33), ("QOL", 0.56, -0.39)]),
    ("LRH group mean pain score was lower than ARH after 36 h (P = 0.044; mean difference score: 1.42; 95% CI: 0.04-2.80).",
     [("QOL", 1.42, 0.04)]),
    ("There was an effect in the bodily pain domain of SF36, with an estimated mean difference (EMD) of 15.3 (95% CI "
     "3.2 to 26.8).", [("QOL", 15.3, 3.2)]),
    ("Patients had better quality-of-life outcomes, including social/family (adjusted mean difference between groups, "
     "2.7; 95% CI, 1.22 to 4.17).", [("QOL", 2.7, 1.22)]),
])
def test_a_difference_named_in_its_printed_variants(text, expected):
    drafts = _sentence_results(text, [])
    assert [(d.endpoint, d.value, d.ci_low) for d in drafts if d.measure == "difference"] == expected


@pytest.mark.parametrize(("text", "expected"), [
    # a change told by how much is a difference, each of a list after "by", with no arm
    ("In the pamidronate group, the occurrence of hypercalcemia, bone pain, and fractures decreased by 65%, 30%, and "
     "50%, respectively.", [("difference", 65.0, None), ("difference", 30.0, None), ("difference", 50.0, None)]),
    ("Peak oxygen consumption increased by 0.24 L/min in the exercise group, compared with 0.05 L/min in the usual care "
     "group.", [("difference", 0.24, None), ("difference", 0.05, None)]),
    ("Capecitabine/docetaxel increased the median overall survival by 3 months.", [("difference", 3.0, None)]),
    # "by" that names who reported it is no change; nor a time ("by 12-months")
    ("Increased appetite was reported by 73% and 58% of patients receiving CE and THC, respectively.",
     [("proportion", 73.0, "CE"), ("proportion", 58.0, "THC")]),
    ("Although improvements in the CE group occurred by 12-months post-surgery, they were small.", []),
])
def test_a_change_by_so_much_is_a_difference(text, expected):
    assert [(d.measure, d.value, d.arm) for d in _sentence_results(text, ["CE", "THC"])] == expected


def test_an_outcome_named_by_its_change_owns_a_pair_of_changes():
    text = ("The change in vertebral BMD in the zoledronic acid group (+7.93 ± 1.4%) was greater than the change in the "
            "placebo group (+0.82 ± 1.7%) as was the change in left femoral neck BMD (+5.05 ± 1.4% for the zoledronic acid "
            "group versus −0.48 ± 1.4% for the placebo group).")
    drafts = _sentence_results(text, ["zoledronic acid", "placebo"])
    assert [(d.endpoint, d.measure, d.value, d.arm) for d in drafts] == [
        ("OTHER", "difference", v, None) for v in (7.93, 0.82, 5.05, -0.48)]
    assert drafts[0].name == "change in vertebral BMD"
    # "no change in TAU" names no outcome: the mean before it keeps its own
    found = _sentence_results("CBT was associated with mean reductions in wakefulness of 55 minutes per night compared "
                              "with no change in TAU.", [])
    assert [(d.measure, d.value) for d in found] == [("mean", 55.0)]


def test_absolute_rates_are_levels_not_a_difference():
    text = ("The relative risks of any lymphedema and sensory loss for the biopsy group compared with the standard group "
            "at 12 months were 0.37 (95% confidence interval [CI] = 0.23 to 0.60; absolute rates: 5% versus 13%).")
    assert [(d.measure, d.value) for d in _sentence_results(text, []) if d.unit == "percent"] == [
        ("proportion", 5.0), ("proportion", 13.0)]


@pytest.mark.parametrize(("text", "expected"), [
    ("The mean reduction in pain was 1.1 in both groups.", "QOL"),
    ("Mean global quality-of-life scores were 61 vs 53.", "QOL"),
])
def test_pain_and_quality_of_life_outcomes_are_qol(text, expected):
    assert {d.endpoint for d in _sentence_results(text, [])} == {expected}


@pytest.mark.parametrize(("text", "expected"), [
    # a withdrawal for a reason is a discontinuation: the value before it is its, not the endpoint's named earlier
    ("Of the 15 participants, 10 (67%) completed the study and only one (7%) withdrew because of discomfort.",
     [("FEASIBILITY", "proportion", 67.0), ("DISCONTINUATION", "proportion", 7.0)]),
    ("Four patients withdrew due to adverse events (AEs) and one for non-compliance.", [("DISCONTINUATION", "count", 4.0)]),
    # withdrawing consent is not stopping treatment
    ("Eighty-three patients discontinued, 65 due to disease progression and 16 because of AEs; two patients withdrew "
     "consent.", [("DISCONTINUATION", "count", 83.0)]),
])
def test_a_withdrawal_for_a_reason_is_a_discontinuation(text, expected):
    assert [(d.endpoint, d.measure, d.value) for d in _sentence_results(text, [])] == expected


def test_response_categories_abbreviated_after_their_number():
    drafts = _sentence_results("The ORR was greater for patients taking AT (59%, with 10% complete response [CR], 49% "
                               "partial response [PR]) than for those taking AC (47%, with 7% CR, 39% PR).", ["AT", "AC"])
    assert [(d.endpoint, d.value, d.arm) for d in drafts][-1] == ("PR", 39.0, "AC")
    listed = _sentence_results("In all, 28.9% of patients (22 of 76 patients) responded (no CRs, 1 PR, and 21 SDs).", [])
    assert [(d.endpoint, d.measure, d.value, d.subgroup) for d in listed] == [
        ("ORR", "proportion", 28.9, None), ("CR_RATE", "count", 0.0, None), ("PR", "count", 1.0, None),
        ("OTHER", "count", 21.0, None)]
    assert [m.canonical for m in find_mentions("ER/PR-positive tumours in 40%")] == []


@pytest.mark.parametrize(("text", "arms", "expected"), [
    # "Mean(s.d.)": the spread named with the mean; "of" before other words is not where the value starts
    ("Mean(s.d.) pain scores on the day of discharge were 1·9(3·1) in the epidural group and 0·7(0·7) in the WIC group.",
     ["epidural", "WIC"], [("QOL", "mean", 1.9, None, "epidural"), ("QOL", "mean", 0.7, None, "WIC")]),
    # a bracket that opens on "mean," holds a pair of means
    ("Arm symptoms were more bothersome for SNAD compared with SNR patients at 6 months (mean, 4.8 v 3.0; P < .001).",
     ["SNAD", "SNR"], [("OTHER", "mean", 4.8, None, "SNAD"), ("OTHER", "mean", 3.0, None, "SNR")]),
    # a mean printed with its spread before its time unit is in that unit
    ("The mean length of hospital stay was 10 (4.9) days in the laparoscopic group and 13.6 (10) days in the open group.",
     ["laparoscopic", "open"], [("OTHER", "mean", 10.0, "days", "laparoscopic"), ("OTHER", "mean", 13.6, "days", "open")]),
])
def test_means_in_their_printed_shapes(text, arms, expected):
    assert [(d.endpoint, d.measure, d.value, d.unit, d.arm) for d in _sentence_results(text, arms)] == expected

def test_a_single_arm_trials_evaluable_count_is_its_primary_endpoints_denominator():
    text = ("Nivolumab in relapsed neuroblastoma: a single-arm phase II trial. 35 patients were enrolled. The primary "
            "endpoint was the objective response rate (ORR). The ORR was 65.6% (21 of 32 patients).")
    assert extract(text).trials[0].enrollment.evaluable == 32
    # in a comparison, a denominator may be one arm's
    compared = text.replace("a single-arm phase II trial", "a randomised phase II trial of A versus B")
    assert extract(compared).trials[0].enrollment.evaluable is None


@pytest.mark.parametrize("text, named", [
    ("The UK TACT study investigated whether sequential docetaxel improved outcome.", ["United Kingdom"]),
    ("AIB1 was analyzed in tissue microarrays of the Danish subcohort (N = 1396) of the BIG 1-98 trial.", ["Denmark"]),
    ("Messages were delivered online to 618 girls clustered in 74 Canadian secondary schools.", ["Canada"]),
    ("Cancer is common in India, where it is a leading cause of death.", []),
    ("Two trials were undertaken in Australasia and Canada to study early chemotherapy.", []),
])
def test_a_country_naming_the_trial_or_its_setting(text, named):
    from extractor.backends.rules.lexicon import find_countries

    assert design.countries(text, find_countries(text)) == named


@pytest.mark.parametrize(("text", "expected"), [
    # of a two-arm trial's pair, the value no known arm name claims is the other arm's
    ("The response rate was 90% with docetaxel and 92% with the other regimen.",
     {(90.0, "docetaxel"), (92.0, "pemetrexed")}),
    ("Total 32 patients (91%) in the docetaxel arm and total 34 patients (97%) developed mucositis.",
     {(91.0, "docetaxel"), (97.0, "pemetrexed")}),
    # not across a semicolon, nor when the sentence speaks of the whole trial
    ("No adverse events occurred; however, seven (8.7%) women in the docetaxel group declined to continue.",
     {(0.0, None), (8.7, "docetaxel")}),
    ("The response rate was 40% in the docetaxel arm and 35% overall.", {(40.0, "docetaxel"), (35.0, None)}),
])
def test_the_unnamed_value_of_a_pair_is_the_other_arms(text, expected):
    assert {(d.value, d.arm) for d in _sentence_results(text, ["docetaxel", "pemetrexed"])} == expected


@pytest.mark.parametrize(("text", "expected"), [
    # a percentage the noun after it calls a change is a difference
    ("Patients on A reported a 31% improvement in fatigue severity.", [("QOL", "difference", 31.0, None)]),
    ("There was a 24% reduction of the number of relapses.", [("OTHER", "difference", 24.0, None)]),
    ("Diet A brought a 12% to 30% decrease in protein breakdown and in net balance, respectively.",
     [("OTHER", "difference", 12.0, None), ("OTHER", "difference", 30.0, None)]),
    # not a criterion the patients met, nor a threshold, nor a change within one arm
    ("Patients achieving a 50% reduction in tumour size were few.", []),
    ("A greater than 50% decline in CA-125 was seen in 40% of patients.", [("OTHER", "proportion", 40.0, None)]),
    ("Arm volume fell (11.5% decrease in group B and 13.0% decrease in group A).",
     [("OTHER", "proportion", 11.5, "B"), ("OTHER", "proportion", 13.0, "A")]),
])
def test_a_percentage_named_a_change_by_the_noun_after_it(text, expected):
    assert [(d.endpoint, d.measure, d.value, d.arm) for d in _sentence_results(text, ["A", "B"])] == expected
    # a change the patients achieved is a criterion too, though told after it
    achieved = _sentence_results("The 30% reduction in the symptom index was achieved in 41% of patients.", [])
    assert ("difference", 30.0) not in [(d.measure, d.value) for d in achieved]


def test_md_and_smd_name_a_difference():
    found = _sentence_results("Quality of life did not differ between arms (MD = -0.4, 95% CI -1.2 to 0.5; P = 0.31).", [])
    assert [(d.endpoint, d.measure, d.value, d.ci_low) for d in found] == [("QOL", "difference", -0.4, -1.2)]
    assert _sentence_results("Quality of life was rated by J. Smith MD 2 weeks later.", []) == []


@pytest.mark.parametrize(("text", "expected"), [
    # an event's severity is a patient-reported rating; graded, it stays an adverse event
    ("Improvement in fatigue severity was seen in 58% of patients.", [("QOL", 58.0)]),
    ("Fatigue-related quality of life improved in 44% of patients.", [("QOL", 44.0)]),
    ("Grade 3 fatigue severity was reported in 9% of patients.", [("AE_GRADE3PLUS", 9.0)]),
    ("Fatigue was reported in 9% of patients.", [("AE", 9.0)]),
])
def test_an_events_severity_is_a_patient_reported_outcome(text, expected):
    assert [(d.endpoint, d.value) for d in _sentence_results(text, [])] == expected


@pytest.mark.parametrize("text", [
    "Wound healing did not differ between the A group (71%) and the B group (64%).",
    "The healing rate was not significantly different between A (71%) and B (64%).",
    "Wound healing was comparable between A (71%) and B (64%).",
])
def test_an_outcome_that_did_not_differ_between_two_arms_in_brackets(text):
    assert [(d.measure, d.value, d.arm) for d in _sentence_results(text, ["A", "B"])] == [
        ("proportion", 71.0, "A"), ("proportion", 64.0, "B")]


@pytest.mark.parametrize(("text", "expected"), [
    # how much of the treatment was given is feasibility, when the text names its statistic
    ("A median of 5 cycles (range 1-9) was given.", [("median", 5.0, None, None)]),
    ("The median number of cycles was 6 with A and 4 with B.", [("median", 6.0, None, "A"), ("median", 4.0, None, "B")]),
    ("The mean relative dose intensity was 88% with A and 93% with B.",
     [("mean", 88.0, "percent", "A"), ("mean", 93.0, "percent", "B")]),
    ("Relative dose intensity was lower with A than B (70% vs. 91%).",
     [("proportion", 70.0, "percent", "A"), ("proportion", 91.0, "percent", "B")]),
    ("Median duration of treatment was 5.5 months.", [("median", 5.5, "months", None)]),
    # a planned duration, or cycles without a statistic, are the design, not results
    ("Treatment duration was 12 weeks.", []),
    ("Patients received 6 cycles of A.", []),
])
def test_the_treatment_given_is_feasibility(text, expected):
    found = _sentence_results(text, ["A", "B"])
    assert {d.endpoint for d in found} <= {"FEASIBILITY"}
    assert [(d.measure, d.value, d.unit, d.arm) for d in found] == expected


@pytest.mark.parametrize(("text", "expected"), [
    # times listed for a run of values take the values in order; the trial's two arms do not
    ("The 1-, 2- and 4-year DFS rates were 91%, 77% and 62%, respectively.",
     [(91.0, "1 year", None), (77.0, "2 years", None), (62.0, "4 years", None)]),
    ("The 2- and 3-year survival rates were 45% and 20%, respectively.", [(45.0, "2 years", None), (20.0, "3 years", None)]),
    # a pair per time is still a pair of arms
    ("The 3-year DFS was 81% and 70% in the two arms.", [(81.0, "3 years", "A"), (70.0, "3 years", "B")]),
])
def test_a_run_of_values_for_listed_times(text, expected):
    assert [(d.value, d.timepoint, d.arm) for d in _sentence_results(text, ["A", "B"])] == expected


def test_two_values_in_one_time_unit_are_no_list_of_times():
    # "medians 31 and 22 weeks" are the arms' values; "after 1 and 2 years" lists times
    assert [d.arm for d in _sentence_results("Median survival was 31 and 22 weeks (P = 0.04).", ["A", "B"])] == ["A", "B"]
    listed = _sentence_results("After 1 and 2 years, continence had risen to 61% and 75%, respectively.", ["A", "B"])
    assert [(d.value, d.arm) for d in listed] == [(61.0, None), (75.0, None)]
    # without "respectively", times after "at" are when a value was measured, not a run of values
    from extractor.backends.rules.results import _listed_times

    assert _listed_times("61% were reached at 20 and 24 weeks, falling to 52% at 30 weeks", respectively=False) == 0
    assert _listed_times("the 1-, 2- and 4-year rates", respectively=False) == 3


@pytest.mark.parametrize(("text", "expected"), [
    # an abbreviation the document gives an endpoint the vocabulary knows by its words
    ("The main outcome was time to treatment failure (TTTF).", {"TTTF": ("TTF", None)}),
    ("We report the median survival time (MST).", {"MST": ("OS", None)}),
    ("Secondary outcomes were response rate (RR) and health-related quality of life (HRQL).",
     {"RR": ("ORR", None), "HRQL": ("QOL", None)}),
    # not when the letters spell other words, nor when other words make it another outcome
    ("The safety of cisplatin (Cis) was studied.", {}),
    ("We measured the duration of clinical benefit (DoCB).", {}),
    ("The aim was durable response rate (DRR).", {}),
    ("Patients with stable disease (SD) were counted.", {}),
])
def test_a_documents_own_endpoint_abbreviations(text, expected):
    from extractor.backends.rules.vocabulary import endpoint_abbreviations

    assert endpoint_abbreviations(text) == expected


def test_an_endpoint_abbreviated_later_in_the_document_owns_its_numbers():
    text = ("Weekly versus three-weekly paclitaxel: a randomised phase 3 trial. The primary endpoint was time to treatment "
            "failure (TTTF). In all, 212 patients were randomly assigned to weekly or three-weekly paclitaxel. TTTF was longer "
            "with weekly than with three-weekly paclitaxel (6.1 months vs 4.2 months; hazard ratio 1.4, 95% CI 1.1-1.8).")
    found = {(r.endpoint.value, r.measure.value, r.value) for t in extract(text).trials for r in t.results}
    assert {("TTF", "median", 6.1), ("TTF", "median", 4.2), ("TTF", "hazard_ratio", 1.4)} <= found


@pytest.mark.parametrize(("text", "arms", "expected"), [
    # the arm named after "compared with" is the pair's second, even when the sentence opens with it
    ("Compared with B, A caused more grade 3 rash (20% vs 5%).", ["A", "B"], [(20.0, "A"), (5.0, "B")]),
    ("Compared with patients in the B arm, patients in the A arm had more fever (12% versus 3%).", ["B", "A"],
     [(12.0, "A"), (3.0, "B")]),
    # a heading "(X v B)" that names only the comparator: the first value is the other arm's
    ("Grade 3-4 toxicities (study drug v B) were neutropenia (40% v 22%) and nausea (8% v 7%).", ["A", "B"],
     [(40.0, "A"), (22.0, "B"), (8.0, "A"), (7.0, "B")]),
    # the arms in the order written, when neither is a comparator or the first-named one is not
    ("Rash was seen with A and with B (20% and 5%).", ["B", "A"], [(20.0, "A"), (5.0, "B")]),
    ("A caused more grade 3 rash than B (20% vs 5%).", ["B", "A"], [(20.0, "A"), (5.0, "B")]),
    ("Complications occurred more often after chemotherapy than after surgery (25% vs 16%).", ["surgery", "chemotherapy first"],
     [(25.0, "chemotherapy first"), (16.0, "surgery")]),
])
def test_the_arm_after_compared_with_takes_the_second_value_of_each_pair(text, arms, expected):
    assert [(d.value, d.arm) for d in _sentence_results(text, arms)] == expected


@pytest.mark.parametrize(("text", "expected"), [
    # bare "toxicity" that a share of the patients had is an adverse event rate
    ("Toxicity occurred in 45% of patients.", [("AE", 45.0)]),
    ("Overall, 20 patients (65%) experienced some toxicity.", [("AE", 65.0)]),
    # a grade of 2 or more is no 3-plus grade, and still an adverse event
    ("Acute grade ≥ 2 toxicity was seen in 40% of patients.", [("AE", 40.0)]),
    ("Grade >= 3 toxicity was seen in 12% of patients.", [("AE_GRADE3PLUS", 12.0)]),
    # toxicity as an endpoint owns no other number
    ("Toxicity was the primary endpoint; the response rate was 45%.", [("ORR", 45.0)]),
])
def test_toxicity_that_patients_had_is_an_adverse_event_rate(text, expected):
    assert _endpoints_and_values(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # a grade written between the event's words and a value is that value's grade
    ("Neurologic toxicity occurred in 64% of patients and was grade 3-4 in 10%.", [("AE", 64.0), ("AE_GRADE3PLUS", 10.0)]),
    ("Nausea occurred in 40% of patients (grade 3 in 5%).", [("AE", 40.0), ("AE_GRADE3PLUS", 5.0)]),
    ("Drug-related toxicity was grade 1 (24%), 2 (67%), and 3 (9%).",
     [("TRAE", 24.0), ("TRAE", 67.0), ("TRAE_GRADE3PLUS", 9.0)]),
    ("Leukopenia and anemia grade 3 or 4: 66% v 19% and 30% v 10% in both arms, respectively.",
     [("AE_GRADE3PLUS", 66.0), ("AE_GRADE3PLUS", 19.0), ("AE_GRADE3PLUS", 30.0), ("AE_GRADE3PLUS", 10.0)]),
    # a grade written in the event's own words stays
    ("Grade 3/4 neutropenia occurred in 40% (grade 4 in 10%).", [("AE_GRADE3PLUS", 40.0), ("AE_GRADE3PLUS", 10.0)]),
    # the numbers of "grade 1+2" are no counts
    ("Grade 1+2 anorexia and nausea were seen in 30% of patients.", [("AE", 30.0)]),
])
def test_a_grade_written_before_an_adverse_events_value(text, expected):
    assert _endpoints_and_values(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Cardiac dysfunction occurred in two patients (2%).", [("AE", 2.0, "Cardiac dysfunction")]),
    # "severe" is no printed grade (tests/test_endpoint_naming.py)
    ("Severe HSRs were rare (1.5% of patients).", [("AE", 1.5, "Severe HSRs")]),
    ("Phlebitis was seen in 14% of patients.", [("AE", 14.0, "Phlebitis")]),
    ("QTc prolongation occurred in 12% of patients.", [("AE", 12.0, "QTc prolongation")]),
    ("Bilirubin elevation was seen in 18% of patients.", [("AE", 18.0, "Bilirubin elevation")]),
    # a dose is no count of the event named after it
    ("Repeat dosing of the drug (200/25 μg) was not associated with QTc prolongation.", []),
])
def test_more_named_adverse_events(text, expected):
    assert [(d.endpoint, d.value, d.name) for d in _sentence_results(text, [])] == expected


@pytest.mark.parametrize(("text", "expected"), [
    # a count split by arm: the total is the trial's, each part its arm's
    ("Grade 3 anemia occurred in 3 patients (2 in the A arm, one in the B arm).",
     [(3.0, None), (2.0, "A"), (1.0, "B")]),
    ("There were nine toxic deaths: five in the A arm and four in the B arm.", [(9.0, None), (5.0, "A"), (4.0, "B")]),
    # events counted in patients are no split: "6 in 4 patients"
    ("Major complications were more frequent with A (6 in 4 patients vs B: 1 in 1 patient).", []),
])
def test_a_count_split_by_arm(text, expected):
    assert [(d.value, d.arm) for d in _sentence_results(text, ["A", "B"]) if d.measure == "count"] == expected


@pytest.mark.parametrize(("text", "expected"), [
    # a symptom measured as a score or an improvement is a quality-of-life outcome
    ("Fatigue and mood scores improved in both groups (fatigue: 21% and 19%).", [("QOL", 21.0), ("QOL", 19.0)]),
    ("The Functional Assessment of Cancer Therapy-Anemia mean change was 2.16.", [("QOL", 2.16)]),
    ("Patients reported a 29% improvement in nausea severity.", [("QOL", 29.0)]),
    # a symptom that patients had is an adverse event, even where the sentence speaks of scores
    ("Fatigue occurred in 21% of patients; pain scores did not differ.", [("AE", 21.0)]),
    ("Grade 3 fatigue improved in 40% of patients.", [("AE_GRADE3PLUS", 40.0)]),
])
def test_a_symptom_scored_or_improved_is_quality_of_life(text, expected):
    assert _endpoints_and_values(text) == expected


def test_an_event_named_in_other_words_is_no_scored_symptom():
    text = "The model improved quality of life and reduced hypertension-related hospitalization by 0.17 points."
    assert "QOL" not in {d.endpoint for d in _sentence_results(text, []) if d.value == 0.17}


def test_a_drug_the_title_spells_out_and_the_arms_abbreviate_keeps_both_forms():
    # labellers write either form ("as written") and names are matched as written, so both are kept
    text = ("Patients were randomised to 5-FU alone (arm A) or 5-FU plus levamisole (arm B). Response rates were 20% "
            "in arm A and 25% in arm B.")
    record = extract(Document(doc_id="x", title="Fluorouracil with or without levamisole in colon cancer", text=text))
    arms = {a.label: [i.name for i in a.interventions] for a in record.trials[0].arms}
    assert arms == {"arm A": ["5-FU", "Fluorouracil"], "arm B": ["5-FU", "levamisole", "Fluorouracil"]}


def test_the_comparator_of_a_randomisation_is_listed_when_arms_are_not_told_apart():
    text = ("In this phase II study, 90 patients were randomly assigned to receive trabedersen at doses of 10 or 80 µM "
            "or standard chemotherapy (temozolomide or lomustine). The primary endpoint was tumour control at 6 months.")
    record = extract(Document(doc_id="x", title="A randomized phase II study of trabedersen in recurrent glioma", text=text))
    assert {i.name for a in record.trials[0].arms for i in a.interventions} == {"trabedersen", "temozolomide", "lomustine"}


@pytest.mark.parametrize(("text", "names"), [
    ("(neo)adjuvant chemotherapy (CT) +/- goserelin", ["goserelin", "chemotherapy"]),
    ("bevacizumab or placebo in combination with chemotherapy", ["bevacizumab", "chemotherapy", "placebo"]),
    ("either chemo-immunotherapy (group A) or chemotherapy (group B)", ["chemotherapy"]),
    ("X and chemotherapy versus chemotherapy alone", ["chemotherapy"]),
    ("chemotherapy with cisplatin plus vinorelbine", ["cisplatin", "vinorelbine"]),  # its drugs named
    ("trabedersen or standard chemotherapy (temozolomide or lomustine)", ["trabedersen", "temozolomide", "lomustine"]),
    ("after adjuvant or neoadjuvant chemotherapy, epoetin alfa or placebo", ["epoetin alfa", "placebo"]),
    ("high-dose VIC chemotherapy plus amifostine", ["amifostine"]),  # a regimen's
    ("patients receiving emetogenic chemotherapy were randomised to ondansetron", ["ondansetron"]),
])
def test_chemotherapy_given_as_a_treatment_of_its_own(text, names):
    from extractor.backends.rules.arms import interventions_in

    assert [i["name"] for i in interventions_in(text)] == names


def test_a_trial_that_names_its_chemotherapy_drugs_lists_them_not_chemotherapy():
    from extractor.backends.rules.arms import chemotherapy_by_its_drugs, interventions_in

    arms = [interventions_in("nimotuzumab plus chemotherapy"), interventions_in("chemotherapy alone"),
            interventions_in("cisplatin and pemetrexed")]
    chemotherapy_by_its_drugs(arms)
    assert [[i["name"] for i in given] for given in arms] == [["nimotuzumab"], [], ["cisplatin", "pemetrexed"]]


@pytest.mark.parametrize(("text", "names"), [
    ("enzalutamide in men previously treated with docetaxel", ["enzalutamide"]),
    ("everolimus in cancer refractory to letrozole or anastrozole", ["everolimus"]),
    ("megestrol acetate after failure of tamoxifen", ["megestrol acetate"]),
    ("those progressing after prior chemotherapy with cisplatin and gemcitabine got erlotinib", ["erlotinib"]),
    ("amifostine given just prior to carboplatin and ifosfamide", ["amifostine", "carboplatin", "ifosfamide"]),
    ("patients with prior docetaxel were given docetaxel again", ["docetaxel"]),  # given in the trial too
    ("mitoxantrone or megesterol in tamoxifen resistant disease", ["mitoxantrone", "megesterol"]),
    ("sunitinib for imatinib-refractory tumours unresponsive to nilotinib", ["sunitinib"]),
])
def test_what_patients_had_before_the_trial_is_not_its_intervention(text, names):
    from extractor.backends.rules.arms import interventions_in

    assert [i["name"] for i in interventions_in(text)] == names


def test_a_drug_all_patients_received_is_in_every_arm():
    text = ("Patients were randomly assigned to the granisetron group or the palonosetron group. All patients received "
            "dexamethasone 8 mg on day 1. Complete response was 60% and 70%.")
    record = extract(Document(doc_id="x", title="Granisetron versus palonosetron for delayed nausea", text=text))
    arms = {a.label: [i.name for i in a.interventions] for a in record.trials[0].arms}
    assert arms == {"granisetron": ["granisetron", "dexamethasone"], "palonosetron": ["palonosetron", "dexamethasone"]}


def test_an_antiemetic_named_by_its_stem_is_a_drug():
    from extractor.backends.rules.lexicon import find_drugs

    assert [m.text for m in find_drugs("azasetron and an unknown-pitant: foopitant")] == ["azasetron", "foopitant"]


def test_a_trial_number_or_a_marker_shaped_like_a_code_name_is_no_drug():
    from extractor.backends.rules.lexicon import find_drugs

    text = "in CALGB-49907, JCOG1310 and INT-0105, by CA125, of APF530 or LQ-0110"
    assert [m.text for m in find_drugs(text, code_names=True)] == ["APF530", "LQ-0110"]


@pytest.mark.parametrize("text", [
    "Sixty women were randomly assigned to the supervised group or the unsupervised group. Fatigue fell more in the "
    "supervised group (40% vs 20%).",
    "We assessed the efficacy of RT based on clinical data. Patients were randomly assigned to the hypofractionated "
    "group or the conventional group.",
])
def test_an_arm_named_by_a_modifier_alone_names_no_intervention(text):
    assert [[i.name for i in a.interventions] for a in extract(text).trials[0].arms] == [[], []]


def test_a_randomisation_told_only_in_the_background_names_the_trials_treatments():
    text = ("BACKGROUND: The trial studied ovarian failure in women randomised to adjuvant chemotherapy (CT) +/- "
            "goserelin (G). Here we report bone markers.\nMETHODS: Bone markers were measured at baseline and 12 "
            "months.\nRESULTS: Bone loss was 5% and 2%.")
    record = extract(Document(doc_id="x", title="Goserelin during adjuvant chemotherapy and bone turnover", text=text))
    assert {i.name for a in record.trials[0].arms for i in a.interventions} == {"Goserelin", "chemotherapy"}


@pytest.mark.parametrize(("sentence", "expected"), [
    # a share in brackets after its count belongs to the outcome right after the bracket
    ("Among the 40 patients, 5 (12.5%) complete responses and 11 (27.5%) partial responses were seen.",
     [("CR_RATE", 12.5), ("PR", 27.5)]),
    # a pair named by the outcome after "for"
    ("Both rates favoured the triplet (30% vs 18% for ORR; and 71% vs 52% for DCR).",
     [("ORR", 30.0), ("ORR", 18.0), ("DCR", 71.0), ("DCR", 52.0)]),
    # response categories abbreviated after "had"
    ("Of 20 patients, 4 patients (20%) had PR and 9 patients (45%) had SD.", [("PR", 20.0), ("OTHER", 45.0)]),
])
def test_the_outcome_named_right_after_a_value(sentence, expected):
    assert [(d.endpoint, d.value) for d in _sentence_results(sentence, [])] == expected


def test_an_outcome_named_after_a_semicolon_does_not_own_the_values_before_it():
    text = "Responses were 6/30 (20%) in arm A and 3/30 (10%) in arm B; complete responses were one in each arm."
    drafts = _sentence_results(text, ["arm A", "arm B"])
    assert [(d.endpoint, d.value, d.arm) for d in drafts if d.unit == "percent"] == [("ORR", 20.0, "arm A"), ("ORR", 10.0, "arm B")]


@pytest.mark.parametrize(("phrase", "canonical"), [
    ("2-year LTP-free survival", "OTHER"),
    ("median failure-free survival", "OTHER"),
    ("local tumor progression-free survival", "OTHER"),
    ("median progression-free survival", "PFS"),
    ("3-year disease-free survival", "DFS"),
])
def test_a_survival_free_of_what_the_list_does_not_name_is_not_overall_survival(phrase, canonical):
    assert [m.canonical for m in find_mentions(phrase)] == [canonical]


def test_the_second_value_of_a_contrast_goes_to_the_subgroup_after_than():
    text = "Patients with KRAS mutation had longer median OS than those without KRAS mutation (20.1 versus 12.3 months)."
    assert [(d.value, d.subgroup) for d in _sentence_results(text, [])] == [
        (20.1, "KRAS mutation"), (12.3, "without KRAS mutation")]


@pytest.mark.parametrize("text", [
    "Compared with the control group, the response rate was higher (40% vs 20%) in the exercise group.",
    "Compared with patients in the control group, patients in the exercise group had a higher response rate (40% vs 20%).",
])
def test_a_sentence_opening_on_the_arm_compared_with_gives_it_the_second_value(text):
    assert [(d.value, d.arm) for d in _sentence_results(text, ["exercise", "control"])] == [(40.0, "exercise"), (20.0, "control")]


def test_an_arm_named_after_compared_with_is_the_reference_of_each_pair():
    text = ("Survival was longer with the combined regimens (median, 9.9 months; 1-year rate, 38%) "
            "compared with drug B (median, 7.6 months; 1-year rate, 30%).")
    drafts = _sentence_results(text, ["drug A", "drug B"])
    assert [(d.value, d.arm) for d in drafts if d.measure == "median"] == [(9.9, "drug A"), (7.6, "drug B")]
    assert all(d.arm != "drug B" for d in drafts if d.value == 38.0)


def test_a_treatment_completed_in_a_share_of_patients_is_feasibility():
    text = "Adjuvant chemotherapy was completed in 81% of the patients."
    assert [(d.endpoint, d.value) for d in _sentence_results(text, [])] == [("FEASIBILITY", 81.0)]


def test_a_subgroup_named_before_its_own_bracket_of_values_is_theirs_not_the_pairs_before():
    text = ("Arm A had a longer median DFS than arm B (30.2 months versus 20.4 months), especially in the subgroup "
            "of older patients (25.0 months versus 11.0 months).")
    drafts = _sentence_results(text, ["arm A", "arm B"])
    assert [(d.value, d.subgroup) for d in drafts] == [
        (30.2, None), (20.4, None), (25.0, "older patients"), (11.0, "older patients")]


def test_a_difference_in_median_survival_is_a_difference():
    text = "Drug X was less effective than surgery, with a difference in median survival of 6 weeks."
    assert [(d.endpoint, d.measure, d.value) for d in _sentence_results(text, [])] == [("OS", "difference", 6.0)]


def test_values_listed_for_arms_respectively_are_not_the_first_arms_named_after_them():
    text = "Median survival times were 10.1 and 12.4 months for surgery and chemo-radiation respectively."
    assert [(d.value, d.arm) for d in _sentence_results(text, ["surgery", "radiotherapy"])] == [
        (10.1, "surgery"), (12.4, "radiotherapy")]


@pytest.mark.parametrize("text", [
    "Median PFS and OS were 3.1 and 8.0 months in arm A and 4.2 and 9.9 months in arm B.",
    "Median PFS and OS in arm A (3.1 and 8.0 months, respectively) were close to those in arm B (4.2 and 9.9 months, respectively).",
])
def test_runs_of_values_one_per_arm_cycle_through_the_outcomes_listed(text):
    drafts = _sentence_results(text, ["arm A", "arm B"])
    assert [(d.endpoint, d.value, d.arm) for d in drafts] == [
        ("PFS", 3.1, "arm A"), ("OS", 8.0, "arm A"), ("PFS", 4.2, "arm B"), ("OS", 9.9, "arm B")]


def test_the_landmarks_rates_are_at_are_not_values():
    assert _sentence_results("No differences were seen in the survival rates of 1 and 2 years.", ["A", "B"]) == []


def test_a_clause_comparing_with_an_arm_before_the_values_makes_it_the_second_of_each_pair():
    text = "In the older cohort, in comparison with placebo, median OS was longer with drug X (9.1 months vs 7.0 months)."
    assert [(d.value, d.arm) for d in _sentence_results(text, ["drug X", "placebo"])] == [(9.1, "drug X"), (7.0, "placebo")]


def test_how_long_a_treatment_was_given_is_not_a_result():
    text = "Surgery plus 6 months of adjuvant hormone therapy gave longer survival than surgery alone."
    assert _sentence_results(text, ["A", "B"]) == []


def test_percentages_listed_right_before_an_outcome_are_that_outcomes():
    text = ("Median survival was 12.0 and 10.5 months, respectively, with 51% and 44% survival rates of 1 year "
            "and 20% and 18% survival rates of 2 years, respectively.")
    drafts = _sentence_results(text, ["A", "B"])
    assert [(d.measure, d.value, d.arm) for d in drafts] == [
        ("median", 12.0, "A"), ("median", 10.5, "B"), ("rate_at_time", 51.0, "A"), ("rate_at_time", 44.0, "B"),
        ("rate_at_time", 20.0, "A"), ("rate_at_time", 18.0, "B")]


def test_a_ratio_for_a_time_to_an_unlisted_event_is_not_the_endpoint_named_before():
    text = "The marker predicted PFS (HR=0.90, 95% CI 0.80-1.01) but not time to first fracture (HR=0.82, 95% CI 0.66-1.02)."
    assert [(d.endpoint, d.value) for d in _sentence_results(text, [])] == [("PFS", 0.9), ("OTHER", 0.82)]


def test_a_phrase_naming_an_arm_of_the_sentence_is_not_a_subgroup():
    text = "The 1-year survival rate for drug A patients was 60% vs. 44% for drug B patients (P = 0.02)."
    assert [(d.value, d.arm, d.subgroup) for d in _sentence_results(text, ["drug A", "drug B"])] == [
        (60.0, "drug A", None), (44.0, "drug B", None)]


@pytest.mark.parametrize(("text", "expected"), [
    ("Mean hospital stay was 7.5 d and 9.0 d in arms A and B, respectively.", [(7.5, "days"), (9.0, "days")]),
    ("A 3D display was preferred in 61% of plans.", [(61.0, "percent")]),
])
def test_a_lone_d_after_a_number_is_days(text, expected):
    assert [(d.value, d.unit) for d in _sentence_results(text, ["arm A", "arm B"])] == expected


@pytest.mark.parametrize(("text", "arms", "expected"), [
    # groups that are no arms: responders, men and women, all patients
    ("Survival was better for responders than for non-responders (medians 87 and 30 weeks, P = 0.02).", ["A", "B"],
     [(87.0, None), (30.0, None)]),
    ("A greater proportion of men versus women receiving A experienced biliary toxicity (37% and 15%, respectively).",
     ["A", "B"], [(37.0, None), (15.0, None)]),
    ("The 5-year relapse-free and overall survival was 55.9% and 85.3% respectively for all patients.", ["A", "B"],
     [(55.9, None), (85.3, None)]),
    ("The ORR among PD-L1-positive patients was 40% versus 10% in PD-L1-negative patients.", ["A", "B"],
     [(40.0, None), (10.0, None)]),
    # arms named: still a pair of arms
    ("Survival was better with A than with B (medians 87 and 30 weeks).", ["A", "B"], [(87.0, "A"), (30.0, "B")]),
])
def test_values_of_groups_that_are_no_arms_get_no_arm(text, arms, expected):
    assert [(d.value, d.arm) for d in _sentence_results(text, arms)] == expected


@pytest.mark.parametrize(("text", "expected"), [
    # a "to" of other words does not join two values into a pair of arms
    ("Follow-up was 92%, and adherence to the supervised A and B programs were 95% and 87%, respectively.",
     [(92.0, None), (95.0, "A"), (87.0, "B")]),
    # "from … to …" with words or a bracket between still does
    ("Survival at 3 years improved from 38% in controls to 51% in the treated patients.", [(38.0, "B"), (51.0, "A")]),
    ("PFS at 3 years was 35·4% (from 28·1% [95% CI 21·3–35·5] to 35·4% [28·1–42·7]).",
     [(35.4, None), (28.1, "B"), (35.4, "A")]),
    # a pair joined by "and" after each value's bracket
    ("The ORRs were 48.9% (95% CI, 38.5%-59.5%) and 58.7% (95% CI, 47.9%-68.9%; P = .117), respectively.",
     [(48.9, "A"), (58.7, "B")]),
])
def test_a_pair_is_joined_by_versus_and_or_from_to(text, expected):
    assert [(d.value, d.arm) for d in _sentence_results(text, ["A", "B"])] == expected


def test_the_other_arm_reads_past_a_bracket_of_decimals():
    text = ("Median survival was 16.9 months (95% confidence interval [CI], 10.5 to 21.2 months) in the C arm and "
            "23.4 months (95% CI, 12.9 to 30.6 months) for patients treated with B.")
    assert [(d.value, d.arm) for d in _sentence_results(text, ["A", "B"])] == [(16.9, "A"), (23.4, "B")]


@pytest.mark.parametrize(("text", "arms", "expected"), [
    # a list the values follow in order, only some of its groups known arms: no other arm for the rest
    ("At the end of the study, 62.5%, 25% and 60% had stable disease in the 120 mg, 240 mg and placebo group, respectively.",
     ["drug", "placebo"], [(62.5, None), (25.0, None), (60.0, "placebo")]),
    ("An objective response was observed in 9, 7 and 5% of the patients in the P, TMX60 and TMX120 arms, respectively.",
     ["P", "TMX120"], [(9.0, "P"), (7.0, None), (5.0, "TMX120")]),
    # the list before its values, named by its kind ("groups")
    ("Median OS for the 120 mg, 240 mg and placebo groups was 10.1, 9.8 and 7.2 months, respectively.",
     ["drug", "placebo"], [(10.1, None), (9.8, None), (7.2, "placebo")]),
    # values with other numbers between them are not one run of the list
    ("Rates in the total, hand-assisted and open groups were 29 vs. 20 vs. 23 percent and 17 vs. 10 vs. 13 percent, "
     "respectively.", ["hand-assisted", "open"], [(20.0, "hand-assisted"), (23.0, "open"), (10.0, "hand-assisted"), (13.0, "open")]),
    # every group known: the list rule gives each its value
    ("Response rates were 13%, 27%, and 40% for arms A, B, and C, respectively.", ["arm A", "arm B", "arm C"],
     [(13.0, "arm A"), (27.0, "arm B"), (40.0, "arm C")]),
])
def test_a_list_of_groups_only_partly_known_gives_values_to_the_known_arms_only(text, arms, expected):
    assert [(d.value, d.arm) for d in _sentence_results(text, arms)] == expected


def test_a_value_set_against_none_is_the_first_arms():
    text = "Grade 3 rash (29 [11%] vs two [1%]) and mucositis (14 [5%] vs none) were more frequent with A than with B."
    assert [(d.value, d.arm) for d in _sentence_results(text, ["A", "B"])] == [(11.0, "A"), (1.0, "B"), (5.0, "A")]
@pytest.mark.parametrize("text, expected", [
    # more or fewer of the patients, then their shares in a bracketed pair: an outcome, though "patients" precede it
    ("Fewer patients receiving arformoterol than placebo experienced exacerbation-related hospitalizations "
     "(9.0% vs 14.3%, respectively).", [("OTHER", "proportion", 9.0), ("OTHER", "proportion", 14.3)]),
    ("Significantly more letrozole-treated patients underwent breast-conserving surgery (45 vs. 35%, respectively; "
     "P = 0.022).", [("OTHER", "proportion", 45.0), ("OTHER", "proportion", 35.0)]),
    ("Patients in the A group exhibited significant clinical improvement in OPS, blindly assessed by a physician, "
     "compared with the B group (67% vs 27%, respectively; P=.046).", [("OTHER", "proportion", 67.0), ("OTHER", "proportion", 27.0)]),
    # who the patients were before the trial, and patients counted without a comparison, stay no result
    ("History of a wheeze was more common among trial participants (35.4% vs. 11.2%; P < 0.01).", []),
    ("In the A group, there were fewer patients with pre-existing valvular disease (7.8% versus 15.5%).", []),
    ("Most patients were treated in hospital (60% vs 55%).", []),
    # the patients' share of what they achieved: "the percentage of patients who achieved X was"
    ("The percentage of patients who achieved ACR20 responder criteria response was 41% in the A group and 59% in "
     "the B group.", [("OTHER", "proportion", 41.0), ("OTHER", "proportion", 59.0)]),
    ("The proportion of patients with a history of smoking was 41% in the A group.", []),
    # no difference in an outcome still reports it; the population analysed is no sentence about analyses
    ("There were no differences in ORS use between the A group (59.6%) and the B group (58.8%).",
     [("OTHER", "proportion", 59.6), ("OTHER", "proportion", 58.8)]),
    ("ITT analysis revealed that the incidence of diabetes was 16.5% in the A group compared with 28.9% in the B group.",
     [("OTHER", "proportion", 16.5), ("OTHER", "proportion", 28.9)]),
    # a threshold in brackets after the outcome's name is no part of it; "The results showed that" frames the finding
    ("The percentage of patients with controlled blood pressure (<140/90 mmHg) was increased at the end of the "
     "treatment (74%).", [("OTHER", "proportion", 74.0)]),
    ("The results showed that the mean self-efficacy score before and after intervention in the A group was 105.2 "
     "(27.01) and 110.12 (21.2), respectively.", [("OTHER", "mean", 105.2), ("OTHER", "mean", 110.12)]),
    # a p-value before "and 95.4%" is no value of the list
    ("Pacing rates were comparable in the full analysis set and the per protocol set (81.4% vs. 79.5%, P = 0.712 and "
     "95.4% vs. 89.5%, P = 0.143, respectively).", [("OTHER", "proportion", 81.4), ("OTHER", "proportion", 79.5),
                                                    ("OTHER", "proportion", 95.4), ("OTHER", "proportion", 89.5)]),
])
def test_shares_of_more_or_fewer_patients_in_a_pair(text, expected):
    assert [(d.endpoint, d.measure, d.value) for d in _sentence_results(text, [])] == expected


@pytest.mark.parametrize("text, expected", [
    # "mean" opening the words that lead to the outcome's name, and the pair's second value after a bracketed interval
    ("The mean improvement in the Kujala score was 12.9 (95% confidence interval (CI) 8.2–17.6) in the A group and "
     "11.4 (95% CI 6.9–15.8) in the B group.", [("QOL", "mean", 12.9), ("QOL", "mean", 11.4)]),  # a knee-function score
    # a mean whose pair is printed in a bracket after the comparison, or after its name in the bracket
    ("The mean level of postoperative satisfaction was significantly higher in the A group (82.8 vs. 71.7 mm, "
     "P < 0.001).", [("OTHER", "mean", 82.8), ("OTHER", "mean", 71.7)]),
    ("The mean VAS pain severity score was lower in the A group compared with the B group (4.45 ± 2.50 versus "
     "6.00 ± 2.59, P = 0.046).", [("QOL", "mean", 4.45), ("QOL", "mean", 6.0)]),
    ("Blood loss did not differ between the arms (mean blood loss, 513.3 vs. 478.1 g, respectively).",
     [("OTHER", "mean", 513.3), ("OTHER", "mean", 478.1)]),
    # a minus sign (not a dash) before a value printed with its spread is the value's
    ("Mean spherical equivalent was −4.37±2.3 D in the A group and −3.8±1.3 D in the B group (P = 0.78).",
     [("OTHER", "mean", -4.37), ("OTHER", "mean", -3.8)]),
    # a run of pairs, one per listed time
    ("At 1, 2 and 4 weeks the mean pad weight in the A vs the B group was 310.5 vs 120.2, 41.3 vs 12.8 and 20.1 vs "
     "4.4 g, respectively.", [("OTHER", "mean", v) for v in (310.5, 120.2, 41.3, 12.8, 20.1, 4.4)]),
    # "mean arterial pressure" names a quantity, not a statistic; ages are no outcome
    ("During the study, mean arterial blood pressure fell more in the A group (−1.9 vs 0.4 mm Hg).", []),
    ("The mean age of the patients was 61.2 (range 40-80) in the A group and 59.8 in the B group.", []),
])
def test_means_named_before_their_outcome_or_in_a_bracketed_pair(text, expected):
    assert [(d.endpoint, d.measure, d.value) for d in _sentence_results(text, [])] == expected


@pytest.mark.parametrize("text, expected", [
    # "respectively" for a list of outcomes, times or groups that are no arms: the values are no arm's
    ("Overall and major complications occurred in 74% and 24% of the cases, respectively.", [(74.0, None), (24.0, None)]),
    ("Grade 3 neutropenia and anemia were seen in 20% and 10% of patients, respectively.", [(20.0, None), (10.0, None)]),
    ("The rates were 40% and 30% in men and women, respectively.", [(40.0, None), (30.0, None)]),
    ("The mean change was -0.132 (SD 0.2) and -0.138 (SD 0.3) in 3 and 6 months, respectively.",
     [(-0.132, None), (-0.138, None), (3.0, None), (6.0, None)]),
    # but a list of groups is the arms in the trial's own words
    ("Response rates in the 24- and 48-week groups were 90% and 88%, respectively.", [(90.0, "arm A"), (88.0, "arm B")]),
    ("Withdrawal was 1.9% and 9.4% for patients receiving 250 and 500 mg, respectively.", [(1.9, "arm A"), (9.4, "arm B")]),
    ("Response rates were 40% and 30%, respectively.", [(40.0, "arm A"), (30.0, "arm B")]),
    # a value of the whole trial, or of patients without the arm's treatment, is not the arm named after it
    ("Median OS was 12.0 months overall, 14.1 months with arm A.", [(12.0, None), (14.1, "arm A")]),
    ("Remission was 60% with arm A and 34% without arm A.", [(60.0, "arm A"), (34.0, "arm B")]),
])
def test_respectively_lists_of_other_items(text, expected):
    assert [(d.value, d.arm) for d in _sentence_results(text, ["arm A", "arm B"])] == expected


@pytest.mark.parametrize("text, expected", [
    # a value followed by its own group, described in words no arm name matches, is not given another arm
    ("The rates were 21% in the arm A group versus 33% in the arm B group and 23% in the arm C group versus 30% in "
     "the group undergoing thyroid hormone withdrawal.", [(21.0, "arm A"), (33.0, "arm B"), (23.0, "arm C"), (30.0, None)]),
    ("Success rates were 85.0% in the group receiving low-dose radioiodine versus 88.9% in the group receiving the high "
     "dose and 87.1% in the arm C group.", [(85.0, None), (88.9, None), (87.1, "arm C")]),
    # but a group described by the arm's own name is that arm
    ("The rates were 21% in the arm A group versus 33% in patients receiving arm B.", [(21.0, "arm A"), (33.0, "arm B")]),
])
def test_pairs_with_a_group_no_arm_names(text, expected):
    assert [(d.value, d.arm) for d in _sentence_results(text, ["arm A", "arm B", "arm C"])] == expected


def test_values_bracketed_after_an_arm_respectively():
    # a run in the brackets right after an arm's name is that arm's list of outcomes, not a run per arm
    text = ("Levels were decreased in the arm A group (−64%, −37%, −46%, and −54%, respectively, compared with baseline), "
            "and these changes were similar to those of the arm B group (P > 0.05).")
    assert [d.arm for d in _sentence_results(text, ["arm A", "arm B"])] == ["arm A"] * 4
