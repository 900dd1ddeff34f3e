"""Arms: one test per phrase shape that names an arm or gives its size."""

from __future__ import annotations

import pytest

from extractor import extract
from extractor.backends.rules.arms import ArmDraft, arm_mentions, find_arms, mask_brackets, regimen_abbreviations
from extractor.documents import Document


def _arms(*sentences: str, title: str | None = None) -> list[tuple[str | None, int | None]]:
    return [(a.label, a.n) for a in find_arms(title, list(sentences))]


def test_regimens_named_by_abbreviation():
    text = "This study compared doxorubicin and docetaxel (AT) with doxorubicin and cyclophosphamide (AC) in MBC (CT)."
    assert regimen_abbreviations(text) == {"AT": {"doxorubicin", "docetaxel"}, "AC": {"doxorubicin", "cyclophosphamide"}}


def test_abbreviated_pair_gives_the_arms():
    assert _arms("The study evaluated exemestane (EXE) versus megestrol acetate (MA) in postmenopausal women.") == \
        [("EXE", None), ("MA", None)]


def test_randomised_regimens_take_their_abbreviations_and_counts():
    arms = _arms(
        "This study compared doxorubicin and docetaxel (AT) with doxorubicin and cyclophosphamide (AC).",
        "Patients (n = 429) were randomly assigned to receive doxorubicin 50 mg/m(2) plus docetaxel 75 mg/m(2) "
        "(n = 214) or doxorubicin 60 mg/m(2) plus cyclophosphamide 600 mg/m(2) (n = 215).",
    )
    assert arms == [("AT", 214), ("AC", 215)]


def test_the_abbreviation_in_an_arms_own_description():
    arms = _arms("Patients were randomly assigned to EOC or modified-dose EOC plus panitumumab "
                 "(mEOC+P; epirubicin 50 mg/m2, oxaliplatin 100 mg/m2 and panitumumab 9 mg/kg on day 1).")
    assert [label for label, _ in arms] == ["EOC", "mEOC+P"]


def test_sizes_beside_an_arms_name():
    arms = _arms("Patients were randomly assigned to EOC or mEOC plus panitumumab (mEOC+P).",
                 "Median overall survival in 275 patients allocated EOC was 11.3 months compared with 8.8 months "
                 "in 278 patients allocated mEOC+P.")
    assert arms == [("EOC", 275), ("mEOC+P", 278)]
    arms = _arms("We randomly assigned 350 patients to receive erlotinib and 320 to receive placebo.")
    assert arms == [("erlotinib", 350), ("placebo", 320)]


def test_sizes_listed_respectively():
    arms = _arms("Patients were randomly assigned to carboplatin plus paclitaxel (TC) or TC plus gemcitabine (TCG).",
                 "1,742 patients were randomly assigned; 882 and 860 patients received TC and TCG, respectively.")
    assert arms == [("TC", 882), ("TCG", 860)]


def test_a_total_randomised_to_two_arms_is_not_the_first_arms_size():
    arms = _arms("Targeted therapy (TT) was compared with standard of care (SoC).",
                 "400 were randomized to TT or SoC.")
    assert all(n != 400 for _, n in arms)


def test_mask_brackets_keeps_offsets():
    text = "EXE 25 mg/d (n = 366) or MA (n = 403) daily"
    masked = mask_brackets(text)
    assert len(masked) == len(text) and masked.index(" or ") == text.index(" or ") and "366" not in masked


def test_labels_lose_doses_and_schedules_but_not_what_tells_arms_apart():
    assert _arms("Women were randomized to LET 2.5 mg/day orally for 5 years or follow-up alone.") == \
        [("LET", None), ("follow-up alone", None)]
    assert _arms("Patients were randomised to receive eighteen cycles of weekly paclitaxel (80 mg/m2) or six cycles of "
                 "3-weekly paclitaxel (175 mg/m2).") == [("weekly paclitaxel", None), ("3-weekly paclitaxel", None)]


def test_sizes_in_brackets_of_patients():
    assert _arms("A total of 118 patients were randomly allocated into the R-Y (59 patients) and B-I reconstruction "
                 "(59 patients) groups.", "R-Y was compared with B-I.") == [("R-Y", 59), ("B-I reconstruction", 59)]


def test_a_regimen_named_as_written_stands_for_its_drugs():
    from extractor.backends.rules.arms import interventions_in

    names = [i["name"] for i in interventions_in("irinotecan plus capecitabine (XELIRI) every 3 weeks")]
    assert names == ["XELIRI"]
    assert [i["name"] for i in interventions_in("XELIRI-bevacizumab")] == ["XELIRI", "bevacizumab"]


def test_groups_named_in_brackets_with_their_abbreviation():
    arms = _arms("A total of 81 patients had been randomized, 39 of which received Se [selenium group, SeG] and 42 "
                 "serving as controls [control group, CG].")
    assert arms == [("SeG", 39), ("CG", 42)]


def test_two_arms_never_share_a_label():
    arms = _arms("Patients were randomized to IFNalpha2a (IFNalpha2a) plus 13-CRA or IFNalpha2a alone.")
    labels = [label for label, _ in arms]
    assert len(labels) == len(set(labels)) == 2


def test_groups_introduced_with_an_article():
    assert _arms("Patients were randomly subdivided into an Internet group (who received the letter) and a control "
                 "group (who did not receive it).") == [("Internet", None), ("control", None)]


def test_randomised_to_in_more_shapes():
    assert _arms("They were randomized to receive marimastat 10 mg or placebo orally bid for up to 2 years.") == \
        [("marimastat 10 mg", None), ("placebo", None)]
    assert _arms("Patients (N = 354) were randomly assigned in 1:1 ratio to epoetin alfa (40,000 U qw) or standard of care "
                 "(SOC).") == [("epoetin alfa", None), ("SOC", None)]
    assert _arms("This trial randomly assigned 731 patients with NSCLC who had progressed after prior chemotherapy to "
                 "erlotinib or placebo.") == [("erlotinib", None), ("placebo", None)]
    assert _arms("Patients randomly received docetaxel 60 mg/m2 (day 1) or vinorelbine 25 mg/m2 (days 1 and 8).") == \
        [("docetaxel 60 mg/m2", None), ("vinorelbine 25 mg/m2", None)]


def test_three_arms_randomised_to():
    assert [label for label, _ in _arms("Patients were randomly assigned to docetaxel, paclitaxel, or vinorelbine.")] == \
        ["docetaxel", "paclitaxel", "vinorelbine"]
    assert [label for label, _ in _arms(
        "Patients were randomly assigned to receive bolus FU 425 mg/m2 + LV 20 mg/m2 on days 1 to 5 (FU + LV), or FU "
        "2600 mg/m2 as a 24-hour infusion alone (FU24h), or FU24h plus LV 500 mg/m2 (FU24h + LV).")] == \
        ["FU + LV", "FU24h", "FU24h + LV"]
    assert len(_arms("Patients were randomised to gemcitabine, 1000 mg/m2 weekly, or observation.")) == 2


def test_arms_from_a_stated_comparison_or_who_received():
    assert _arms("This post hoc analysis used data from the CLOT study (N = 676) to compare the efficacy and safety of "
                 "dalteparin, a LMWH, versus vitamin K antagonist (VKA) for prevention of rVTE.") == \
        [("dalteparin", None), ("VKA", None)]
    assert _arms("This trial compared docetaxel with vinorelbine in elderly patients.") == \
        [("docetaxel", None), ("vinorelbine", None)]
    assert _arms("We compared the outcomes of patients with and without metastases.") == []
    assert _arms("A randomized trial was conducted in glioma patients that received radiotherapy plus nimotuzumab or "
                 "placebo.") == [("radiotherapy plus nimotuzumab", None), ("placebo", None)]


def test_an_arm_already_named_by_its_abbreviation_keeps_it():
    labels = [label for label, _ in _arms("A total of 81 patients were randomized, 39 of which received selenium (Se) "
                                          "[selenium group, SeG] and 42 serving as controls [control group, CG].")]
    assert "SeG" in labels and "Se" not in labels


def test_randomised_between_and_study_groups():
    assert _arms("Patients were randomized between RT alone and RT plus 4 months of androgen ablation.") == \
        [("RT alone", None), ("RT plus androgen ablation", None)]
    assert [label for label, _ in _arms("Seven patients assigned to the study group received RJ, and 6 patients were "
                                        "assigned to the control group.")] == ["study", "control"]


def test_randomised_sentences_with_manner_either_and_until():
    assert _arms("Adults were randomly assigned in a double-blinded manner to receive methylphenidate (target dose, 54 "
                 "mg/d) or placebo for 4 weeks.") == [("methylphenidate", None), ("placebo", None)]
    assert [label for label, _ in _arms("Randomized, phase III study: 551 patients received either vinflunine or docetaxel "
                                        "every 21 days until disease progression or serious toxicity.")] == \
        ["vinflunine", "docetaxel"]
    assert _arms("Patients were randomly assigned to receive oral placebo or erlotinib until disease progression or "
                 "unacceptable toxicity.") == [("placebo", None), ("erlotinib", None)]  # "oral placebo" is the placebo arm


def test_a_shape_naming_two_arms_wins_over_one_naming_one():
    sentences = ["The trial was run by the ECOG group.",
                 "Patients were randomised to receive either 5-FU/folinic acid (FA, FUFA) alone or in combination with "
                 "irinotecan (FOLFIRI) stratified by TS."]
    assert [label for label, _ in _arms(*sentences)] == ["FA", "FOLFIRI"]
    assert _arms("Fifty-one patients took part in a randomized controlled study and received IMRT or CRT.") == \
        [("IMRT", None), ("CRT", None)]


def test_controls_and_procedures_with_a_subsequent_step():
    assert _arms("Men were randomized to complete bladder neck preservation with subsequent "
                 "urethro-urethral anastomosis or to no preservation as controls.") == \
        [("complete bladder neck preservation", None), ("control", None)]


@pytest.mark.parametrize("label, tidy", [
    ("of transdermal fentanyl", "transdermal fentanyl"),
    ("receive: VNR plus CDDP", "VNR plus CDDP"),
    ("group given aprepitant", "aprepitant"),
    ("undergo sentinel lymph node biopsy", "sentinel lymph node biopsy"),
    ("zoledronic acid at", "zoledronic acid"),
    ("thalidomide capsules, 100-", "thalidomide capsules"),
    ("‘usual care.’", "usual care"),
    ("arm 6", "arm 6"),
    ("S-1", "S-1"),
    ("treated", "treated"),
    ("mitozantrone, m-2", "mitozantrone"),
    ("afatinib per day", "afatinib"),
    ("placebo for 12 to 24 weeks", "placebo"),
    ("docetaxel 75 mg/m2", "docetaxel 75 mg/m2"),  # a dose may be what tells two arms apart
    # not an arm's name: a schedule, a count, a pointer, a design phrase
    ("on Days 1-14", None),
    ("in 10 fractions", None),
    ("treatment group, 30 in each", None),
    ("treatment, 418 completed the 6-month assessment", None),
    ("latter", None),
    ("randomised phase II study of concurrent", None),
])
def test_an_arms_name_without_the_words_taken_in_with_it(label, tidy):
    from extractor.backends.rules.arms import tidy_label

    assert tidy_label(label) == tidy


def test_a_schedule_is_not_an_arm():
    text = ("Patients were randomized to oral capecitabine on Days 1-14 or docetaxel 75 mg/m2 on Day 1. "
            "Median OS was 14.2 and 11.9 months.")
    labels = [a.label for a in find_arms(None, [text])]
    assert "on Days 1-14" not in labels and labels


@pytest.mark.parametrize("sentence, labels", [
    ("61 patients were randomized to either chemotherapy in addition to best supportive care or to best supportive "
     "care.", ["chemotherapy", "best supportive care"]),
    ("Patients with painful bone metastases were randomized to 8 Gy in a single fraction or 30 Gy in 10 fractions.",
     ["8 Gy in a single fraction", "30 Gy in 10 fractions"]),
    ("Patients were randomly assigned (2:2:1) to receive CE (standardized for 2.5 mg THC) or THC (2.5 mg) or placebo "
     "orally, twice daily for 6 weeks.", ["CE", "THC", "placebo"]),
    ("Between 1999 and 2001, 422 patients (GCa, n = 212; MIC, n = 210) were randomly assigned.", ["GCa", "MIC"]),
])
def test_randomised_arms(sentence, labels):
    assert sorted(a.label for a in find_arms(None, [sentence])) == sorted(labels)


def test_a_split_whose_part_names_no_arm_finds_no_arms():
    sentence = "Patients were randomly assigned to receive trabedersen at doses of 10 or 80 µM or standard chemotherapy."
    assert "10" not in [a.label for a in find_arms(None, [sentence])]


def test_the_arms_start_after_either():
    sentence = ("A placebo-controlled trial randomized patients to receive a 78-day, outpatient regimen of either suramin "
                "plus hydrocortisone (HC, 40 mg/d) or placebo plus HC.")
    assert [a.label for a in find_arms(None, [sentence])] == ["suramin plus hydrocortisone", "placebo plus HC"]


@pytest.mark.parametrize("text, wanted", [
    ("doxorubicin and paclitaxel (AT) or doxorubicin and cyclophosphamide (AC)", {"AT", "AC"}),
    ("suramin plus hydrocortisone (HC, 40 mg/d) or placebo plus HC", set()),  # with its dose: hydrocortisone's
    ("5-FU/folinic acid (FA, FUFA) alone or in combination with irinotecan", {"FA"}),
])
def test_a_regimens_abbreviation_names_all_its_drugs(text, wanted):
    assert set(regimen_abbreviations(text)) == wanted


def test_a_count_after_an_arm_label_is_not_another_label():
    sentences = ["Of 141 patients, 72 were randomised to 5-FU alone (arm A) and 69 to 5-FU + IFN (arm B).",
                 "Responses were 9/72 (12.5%) in arm A and 6/69 (8.7%) in arm B."]
    assert sorted(a.label for a in find_arms(None, sentences)) == ["arm A", "arm B"]


def test_a_randomisation_ratio_is_not_an_arms_size():
    sentence = ("345 patients were randomly assigned 2:1 to afatinib 40 mg per day or up to six cycles of "
                "cisplatin/pemetrexed.")
    assert {a.label: a.n for a in find_arms(None, [sentence])}.get("afatinib") is None


def test_an_arm_labelled_by_a_defined_regimen_gets_its_drugs():
    text = ("We report an open-label, randomized phase II trial comparing the combination of pentostatin, cyclophosphamide "
            "and rituximab (PCR) either without or with bevacizumab (PCR-B) in previously untreated CLL patients. "
            "A total of 65 patients were enrolled, 32 receiving PCR and 33 PCR-B.")
    record = extract(Document(doc_id="x", text=text)).trials[0]
    assert {a.label: sorted(i.name for i in a.interventions) for a in record.arms} == {
        "PCR": ["cyclophosphamide", "pentostatin", "rituximab"],
        "PCR-B": ["bevacizumab", "cyclophosphamide", "pentostatin", "rituximab"]}


def test_a_drug_glued_to_its_dose_unit_is_still_named():
    from extractor.backends.rules.lexicon import find_drugs

    text = "In the control arm women received 100 mg m−2cisplatin and 600 mg m−2cyclophosphamide."
    assert [m.drug.name for m in find_drugs(text)] == ["cisplatin", "cyclophosphamide"]


def test_a_distinctive_word_with_group_names_the_arm():
    from extractor.backends.rules.arms import ArmDraft, _add_word_group_aliases, arm_mentions

    arms = [ArmDraft(label="SNB", aliases=["SNB"]), ArmDraft(label="standard treatment", aliases=["standard treatment"])]
    text = "twice as many patients in the standard group compared with the SNB group reported arm swelling (14% versus 7%)"
    _add_word_group_aliases(arms, text.lower())
    assert [label for _, _, label in arm_mentions(text, arms)] == ["standard treatment", "SNB"]
    # only a singular use names one arm: "for the enhanced and the conventional groups" lists both
    arms = [ArmDraft(label="conventional recovery", aliases=[]), ArmDraft(label="enhanced recovery", aliases=[])]
    _add_word_group_aliases(arms, "stay was 4 vs 13 days for the enhanced and the conventional groups, respectively.")
    assert all(not a.aliases for a in arms)


def test_an_arm_named_in_the_next_clause_is_not_the_values():
    from extractor.backends.rules.results import extract_sentence
    from extractor.structure import Sentence

    arms = [ArmDraft(label="Pemetrexed", aliases=["Pemetrexed"]), ArmDraft(label="Gefitinib", aliases=["Gefitinib"])]
    text = ("The most common toxicity was fatigue (n=8, 34.78%), whereas those in the Gefitinib group were skin rash "
            "(n=5, 21.7%).")
    drafts = extract_sentence(Sentence(0, len(text), text, "results", 0), lambda t: arm_mentions(t, arms), 95.0,
                              ["Pemetrexed", "Gefitinib"])
    assert [d.arm for d in drafts if d.value == 34.78] == [None]


def test_a_generic_study_arm_beside_a_control_is_the_named_treatments():
    text = (
        "MATERIALS AND METHODS: A randomized, prospective single institutional case control study was "
        "performed between April 2012 and November 2012 comparing the influence of oral glutamine on "
        "radiation induced mucositis in head and neck malignancy patients. Seventy biopsy proven patients "
        "with head and neck cancer receiving primary or adjuvant radiation therapy were randomized to receive"
        " either oral glutamine suspension daily 2h before radiation in the study arm (10 g in 1000 ml of "
        "water) (n = 35) or nothing before radiation; control arm (n = 35). RESULTS AND ANALYSIS: Total 32 "
        "patients (91.43%) in the glutamine arm and total 34 patients (97.15%) developed mucositis. Grade 3 "
        "mucositis (14.29%) and grade 4 mucositis (2.86%) in the study arm (who received oral glutamine) were"
        " significantly less (P = 0.02 and P = 0.04, respectively) in the glutamine arm. The mean duration of"
        " grade 3 or worse mucositis (grade 3 and grade 4) was significantly less (6.6 days vs. 9.2 days) in "
        "study arm with P < 0.001. Mean time of onset of mucositis was significantly delayed in patients who "
        "took glutamine in comparison to control arm with P < 0.001. CONCLUSION: Glutamine delays oral "
        "mucositis in the head neck cancer patients. Moreover, it reduces the frequency and duration of grade"
        " 3 and grade 4 mucositis."
    )
    trial = extract(text).trials[0]
    assert sorted(a.label for a in trial.arms) == ["control", "glutamine"]
    assert [r.arm for r in trial.results if r.value == 14.29] == ["glutamine"]


def test_a_treatment_compared_with_its_comparator_in_the_aim():
    assert [label for label, _ in _arms(
        "This study aimed to evaluate in a randomized controlled trial, the use of Medical Qigong (MQ) compared with "
        "usual care to improve the quality of life of cancer patients.")] == ["MQ", "usual care"]


def _arms_of_values(text: str, arms: list[ArmDraft]) -> list[tuple[float | None, str | None]]:
    from extractor.backends.rules.results import extract_sentence
    from extractor.structure import Sentence

    drafts = extract_sentence(Sentence(0, len(text), text, "results", 0), lambda t: arm_mentions(t, arms), 95.0,
                              [a.label for a in arms if a.label])
    return [(d.value, d.arm) for d in drafts]


def test_labelled_arms_listed_with_a_comma_before_and():
    assert [label for label, _ in _arms("No significant difference in survival among arms A, B, and C was found.")] == \
        ["arm A", "arm B", "arm C"]
    # "for arm A, and 3.8 …": a number after ", and" is a value, not an arm
    assert [label for label, _ in _arms("PFS and OS were 2.7 and 5.3 months, respectively, for arm A, and 3.8 and 6.9 "
                                        "months, respectively, for arm B.")] == ["arm A", "arm B"]


def test_arms_listed_before_a_plural_kind():
    arms = _arms("A trial of TMX 120 mg/d (TMX120) against placebo (P).",
                 "Three-month survival rates for the P, TMX60, and TMX120 groups were 44%, 41%, and 35%, respectively.")
    assert {"P", "TMX60", "TMX120"} <= {label for label, _ in arms}
    # a dose's unit left out of the first name: "the 70- and 80-Gy arms"
    assert [label for label, _ in _arms("The relapse rate was 39% and 28% in the 70- and 80-Gy arms, respectively.")] == \
        ["70-Gy", "80-Gy"]


def test_a_list_of_stages_or_of_words_names_no_arms():
    assert _arms("5-year survival rates in the N0, N1 and N2 groups were 72%, 34% and 27%.") == []
    # one name of the list is no treatment's: the list adds none ("RT" alone would outrank "surgery or RT")
    arms = _arms("Patients were then randomized to surgery or RT (64 Gy in 7 weeks).",
                 "No difference in median survival time (19.4 vs. 17.4 months) between the surgery and RT arms.",
                 "One patient in the radiation arm died.")
    assert [label for label, _ in arms] == ["surgery", "RT"]


def test_a_regimen_spaced_either_way_is_one_arm():
    arms = find_arms(None, ["Complete response rate was 45 and 90% in the HDMP+Dx and the GRN+Dx groups, respectively.",
                            "In the HDMP + Dx group, nine patients (21%) had an extrapyramidal reaction."])
    assert len(arms) == 2
    text = "In the HDMP + Dx group, nine patients (21%) had an extrapyramidal reaction."
    assert [label for *_, label in arm_mentions(text, arms)] == ["HDMP+Dx"]


def test_a_plural_list_names_each_arm_by_the_start_of_its_name():
    arms = [ArmDraft("enhanced recovery", ["enhanced recovery"]), ArmDraft("conventional", ["conventional"])]
    text = ("The mean time of removal of drains was 2.94 ± 1.056 days vs. 9.06 ± 3.757 days (P < 0.001) for the enhanced "
            "and the conventional groups, respectively.")
    assert _arms_of_values(text, arms) == [(2.94, "enhanced recovery"), (9.06, "conventional")]


def test_values_listed_respectively_for_four_arms():
    arms = [ArmDraft(x, [x]) for x in ("LV5FU2", "ldLV5FU2", "HD-FU", "Tomudex")]
    text = ("An objective response was observed in 28, 21, 22 and 10% of the patients in the LV5FU2, ldLV5FU2, HD-FU "
            "and Tomudex arms, respectively (p = 0.04).")
    assert _arms_of_values(text, arms) == [(28.0, "LV5FU2"), (21.0, "ldLV5FU2"), (22.0, "HD-FU"), (10.0, "Tomudex")]


def test_values_the_list_cannot_pair_are_no_one_arms():
    arms = [ArmDraft(f"arm {x}", [f"arm {x}"]) for x in "ABCD"]
    text = "Six-month survival was 33%, 21% and 26% for arms A, B, C, and D, respectively."
    assert _arms_of_values(text, arms) == [(33.0, None), (21.0, None), (26.0, None)]
    # "respectively" of timepoints, arms named apart: each run of values is its arm's
    arms = [ArmDraft("vaccine", ["vaccine"]), ArmDraft("control", ["control"])]
    text = ("The 1-, 2-, and 3-year survival rates were 88.9%, 44.4%, and 16.7% for the vaccine group, respectively, and "
            "75.0%, 18.8%, and 0%, respectively, for the control group.")
    assert [arm for _, arm in _arms_of_values(text, arms)][:3] == ["vaccine"] * 3


def test_an_arm_opening_a_defined_long_form_takes_its_abbreviation():
    sentences = ["The role of high-dose chemotherapy (HDCT) in metastatic breast cancer remains controversial.",
                 "Patients were randomly assigned to doxorubicin and paclitaxel (AT) or double HDCT with cyclophosphamide.",
                 "Objective response rates were 66.7% for patients in the high-dose group and 64.4% for patients in the AT arm.",
                 "CR rates for patients randomized to HDCT and AT were 12.5% and 11.1%, respectively."]
    arms = find_arms(None, sentences)
    assert sorted(a.label for a in arms) == ["AT", "HDCT"]
    assert _arms_of_values(sentences[-1], arms) == [(12.5, "HDCT"), (11.1, "AT")]


def test_one_arm_versus_another_before_a_singular_kind():
    arms = [ArmDraft("CRT", ["CRT"]), ArmDraft("neoadjuvant docetaxel", ["neoadjuvant docetaxel"])]
    text = "The 3-year overall survival for neoadjuvant versus control arm was 94.1% and 67.7% (hazard ratio = 0.24)."
    assert _arms_of_values(text, arms)[:2] == [(94.1, "neoadjuvant docetaxel"), (67.7, "CRT")]
    # "the surgery and radiotherapy group" is one group that had both
    assert arm_mentions("in the surgery and radiotherapy group", [ArmDraft("surgery alone", ["surgery alone"]),
                                                                   ArmDraft("radiotherapy", ["radiotherapy"])]) == \
        [(19, 31, "radiotherapy")]


@pytest.mark.parametrize(("sentence", "labels"), [
    ("Patients were randomly assigned (1:1) by minimisation to early or delayed chemotherapy.", ["early", "delayed"]),
    ("Patients were randomly assigned to receive either 250-mg or 500-mg oral doses of gefitinib once daily.",
     ["250-mg", "500-mg"]),
    ("Patients were randomized 2:1 to intermittent or continuous luteinizing hormone-releasing hormone agonists (LHRHa).",
     ["intermittent", "continuous"]),
    ("A total of 90 patients were randomly assigned to robotic (n = 46) or open (n = 44) resection.", ["robotic", "open"]),
    # a treatment, or a word that is no modifier, keeps its own name
    ("Patients were randomized to exercise or usual care.", ["exercise", "usual care"]),
    ("Patients were randomized to placebo or active treatment.", ["placebo", "active treatment"]),
])
def test_modifiers_sharing_the_last_arms_head(sentence, labels):
    assert [label for label, _ in _arms(sentence)] == labels


def test_runs_of_values_listed_respectively_for_two_arms():
    arms = [ArmDraft("group A", ["group A"]), ArmDraft("group B", ["group B"])]
    text = ("The 2- and 5-year recurrence-free survival rates were 68.5, 41.4 and 56.8, 26.2 % in groups A and B, "
            "respectively.")
    assert _arms_of_values(text, arms) == [(68.5, "group A"), (41.4, "group B"), (56.8, "group A"), (26.2, "group B")]
    # a run per arm, the runs set against each other
    arms = [ArmDraft("PCDE", ["PCDE"]), ArmDraft("EP", ["EP"])]
    text = ("Patients in the PCDE arm had a higher frequency of complete plus partial responses compared with those in "
            "the EP arm (21% plus 55% versus 13% plus 48%, respectively; P =.02).")
    assert [arm for _, arm in _arms_of_values(text, arms)] == ["PCDE", "PCDE", "EP", "EP"]


def test_runs_listed_respectively_with_no_arm_named_are_not_the_trials_arms():
    arms = [ArmDraft("dexamethasone", ["dexamethasone"]), ArmDraft("placebo", ["placebo"])]
    text = "Acute CR rates were 73.5, 76.3, 74.1, and 70.4 % for the 0.25, 0.50 and 0.75 mg oral doses, respectively."
    assert all(arm is None for _, arm in _arms_of_values(text, arms))


def test_the_one_comparator_arm_is_the_control_group():
    arms = find_arms(None, ["Patients were randomized to receive fulvestrant plus dovitinib or placebo."])
    assert _arms_of_values("Nausea occurred in 12% of patients in the control group.", arms) == [(12.0, "placebo")]


def test_an_arm_named_only_after_compared_with_is_the_second_of_a_pair():
    arms = [ArmDraft("CONNECT", ["CONNECT"]), ArmDraft("usual care", ["usual care", "control group"])]
    text = ("At 6 months, there was a nonsignificant reduction in readmission to the hospital (37% vs 47%; P = .37) among "
            "intervention compared with control group participants.")
    assert _arms_of_values(text, arms) == [(37.0, "CONNECT"), (47.0, "usual care")]


def test_an_abbreviation_of_the_last_treatment_only_does_not_name_the_arm():
    assert [label for label, _ in _arms("Patients were randomly assigned to cetuximab and best supportive care (BSC) or "
                                        "to BSC alone.")] == ["cetuximab", "BSC alone"]
    assert [label for label, _ in _arms("Patients were randomly assigned to supervised aerobic exercise training (AET) "
                                        "or usual care.")] == ["AET", "usual care"]


def test_a_pair_of_values_before_a_pair_of_arms():
    arms = [ArmDraft("cetuximab", ["cetuximab"]), ArmDraft("BSC alone", ["BSC alone", "BSC"])]
    text = "Questionnaire compliance declined differentially (67% v 47% for cetuximab v BSC at 16 weeks)."
    assert _arms_of_values(text, arms) == [(67.0, "cetuximab"), (47.0, "BSC alone")]


def test_an_arm_named_with_a_treatment_suffix():
    arms = [ArmDraft("combined", ["combined"]), ArmDraft("endocrine-only", ["endocrine-only"])]
    text = ("281 (85%) of 332 in the combined-treatment group and 227 (72%) of 313 in the endocrine-only group had "
            "erectile dysfunction (p=0.0002).")
    assert _arms_of_values(text, arms) == [(85.0, "combined"), (72.0, "endocrine-only")]


def test_a_value_in_either_arm_is_each_arms():
    arms = [ArmDraft("postoperative", ["postoperative"]), ArmDraft("preoperative", ["preoperative"])]
    text = "Grade 4 diarrhea occurred in 1% in either arm."
    assert sorted(arm for _, arm in _arms_of_values(text, arms)) == ["postoperative", "preoperative"]


def test_the_arm_right_after_a_pair_begins_a_list_of_its_arms():
    arms = [ArmDraft("cetuximab", ["cetuximab"]), ArmDraft("BSC alone", ["BSC alone"])]
    text = "Questionnaire compliance declined differentially (67% v 47% for cetuximab v BSC at 16 weeks)."
    assert _arms_of_values(text, arms) == [(67.0, "cetuximab"), (47.0, "BSC alone")]


def test_modifiers_sharing_a_head_keep_their_counts_and_the_head():
    arms = find_arms(None, ["A total of 90 patients were randomly assigned to robotic (n = 46) or open (n = 44) resection."])
    assert [(a.label, a.n, [i["name"] for i in a.interventions]) for a in arms] == [
        ("robotic", 46, ["robotic resection"]), ("open", 44, ["open resection"])]


def test_arms_known_by_name_take_the_treatments_the_randomisation_gives_them():
    sentences = ["In all, 90 patients were randomly assigned to robotic (n = 46) or open (n = 44) resection.",
                 "Blood loss was lower in the robotic group than in the open group."]
    arms = find_arms(None, sentences)
    assert {a.label: [i["name"] for i in a.interventions] for a in arms} == {
        "robotic": ["robotic resection"], "open": ["open resection"]}


def test_the_bare_drug_of_an_arm_given_it_alone_names_that_arm_beside_the_combination():
    from extractor.backends.rules.arms import _add_alone_aliases

    arms = [ArmDraft("drugA alone", ["drugA alone"]), ArmDraft("drugB plus drugA", ["drugB plus drugA"])]
    _add_alone_aliases(arms)
    text = "The rate was 48% in drugA and 37% in drugB plus drugA."
    assert [label for *_, label in arm_mentions(text, arms)] == ["drugA alone", "drugB plus drugA"]


def test_mask_brackets_blanks_nested_and_unclosed_brackets_but_not_a_lone_closing_one():
    assert mask_brackets("A (x [y] z) B") == "A           B"
    assert mask_brackets("A) B (open") == "A) B      "
    assert mask_brackets("no brackets") == "no brackets"


def test_randomisation_words_are_found_in_any_case():
    from extractor.backends.rules.arms import says_randomised

    assert says_randomised("Patients were RANDOMIZED to A or B.")
    assert says_randomised("They were Randomly given A or B.")
    assert says_randomised("Patients were allocated to A or B.")
    assert not says_randomised("A random sample received A.")  # "random" alone is no randomisation word


def test_abbreviated_drugs_are_the_matches_a_search_of_the_whole_text_finds():
    from extractor.backends.rules.arms import _ABBREVIATED_DRUG, _abbreviated_drugs

    for text in ["docetaxel (T) and epirubicin (E) then lobaplatin (L)", "5-fluorouracil  (F)", "ab (T) x-abcdef (Tx)",
                 "12 (A) then cisplatin\n(C)", "(T) alone", "cis (C) and carboplatin(Ca)"]:
        assert [m.span() for m in _abbreviated_drugs(text)] == [m.span() for m in _ABBREVIATED_DRUG.finditer(text)]


def test_names_are_compared_without_case_spacing_or_dashes():
    from extractor.backends.rules.arms import _akin, _same

    assert _same("HDMP + Dx", "hdmp+dx alone") and not _same("hdmp+dx alone", "HDMP + Dx")
    assert _akin("hdmp+dx alone", "HDMP + Dx") and _akin("wait-list", "Wait list")
    assert not _akin("surgery", "surgical")


def test_the_first_occurrence_of_a_name_is_the_first_of_all_its_occurrences():
    from extractor.backends.rules.arms import _each_occurrence, _occurrences

    low = "xp (pxp) and xp-treated xps, then xp."
    assert _occurrences(low, "xp", plural=False) == [(0, 2), (13, 15), (34, 36)]  # not inside "pxp", "xps"
    assert next(_each_occurrence(low, "xp", plural=False)) == (0, 2)
    assert _occurrences(low, "xp", plural=True)[2] == (24, 27)


def test_named_groups_prefilter_lets_through_every_kind_the_names_end_in():
    from extractor.backends.rules.arms import _NAMED, _NAMED_KIND

    for sentence in ["In the XELIRI arm, 12 responded.", "the IL-2 group (n = 20)", "the surgery group.", "or placebo arm"]:
        assert _NAMED.search(sentence) and _NAMED_KIND.search(sentence)
    assert not _NAMED_KIND.search("the two arms and the other groups, in harmony")


def test_per_arm_counts_are_read_in_any_sentence_and_case():
    from extractor.backends.rules.arms import _per_arm_counts

    sentences = ["Arms A and B were compared.", "40 and 38 patients were enrolled in arms A and B, RESPECTIVELY."]
    arms = {"arm a": ArmDraft("arm A"), "arm b": ArmDraft("arm B")}
    _per_arm_counts(sentences, arms, " ".join(sentences).lower())
    assert [arms["arm a"].n, arms["arm b"].n] == [40, 38]


def test_an_arm_known_by_an_abbreviation_takes_what_its_long_form_names():
    title = "Roux-en-Y reconstruction after gastrectomy"
    sentences = ["We compared a stapled Roux-en-Y (R-Y) reconstruction with a Billroth-I (B-I) reconstruction.",
                 "In all, 80 patients were randomly allocated into the R-Y (40 patients) and B-I (40 patients) groups."]
    arms = {a.label: [i["name"] for i in a.interventions] for a in find_arms(title, sentences)}
    assert arms == {"R-Y": ["Roux-en-Y reconstruction"], "B-I": ["Billroth-I reconstruction"]}


def test_a_long_form_written_with_slashes_or_defined_in_the_plural_names_the_arm():
    title = "Tegafur/leucovorin combined with irinotecan (TGI) in colon cancer"
    sentences = ["Enhanced recovery programmes (ERPs) shorten stays.",
                 "Patients were randomly assigned to the TGI (n = 40) or ERP (n = 41) groups."]
    arms = {a.label: [i["name"] for i in a.interventions] for a in find_arms(title, sentences)}
    assert arms == {"TGI": ["Tegafur", "leucovorin", "irinotecan"], "ERP": ["Enhanced recovery programmes"]}
def test_groups_named_at_a_sentences_start_make_arms_when_nothing_else_does():
    arms = _arms("Women were randomised.", "The writing group wrote for 20 min on four days.",
                 "The control group received normal care.")
    assert [label for label, _ in arms] == ["writing", "control"]


def test_groups_named_at_a_sentences_start_do_not_replace_the_randomised_arms():
    arms = _arms("Patients were randomly assigned to docetaxel or placebo.",
                 "The docetaxel group had more neutropenia.", "The combination group had more rash.")
    assert [label for label, _ in arms] == ["docetaxel", "placebo"]


def test_the_generic_intervention_group_is_an_arm_beside_a_control_group():
    arms = _arms("Participants were enrolled; the intervention group received a booklet.",
                 "Pain fell in the intervention group and rose in the control group.")
    assert [label for label, _ in arms] == ["intervention", "control"]
    # two generic names of one arm are one arm
    arms = _arms("We assigned 76 survivors with at least one severe symptom either to the intervention group or to a "
                 "usual-care group.",
                 "Sexual functioning improved in the treatment group compared with the usual-care group.")
    assert [label for label, _ in arms] == ["intervention", "usual-care"]


def test_generic_group_names_need_a_control_and_the_article():
    # "a multimodal group exercise" is no arm, and without a comparator the generic name makes none
    assert _arms("We assessed a multimodal group exercise intervention.", "The intervention group improved.") == []
    assert _arms("Outcomes were compared by treatment group.", "Each treatment group was small.",
                 "The control group was large.") == []


def test_the_generic_name_is_the_other_arm_of_a_controlled_pair():
    arms = find_arms(None, ["Patients were randomly assigned to aerobic exercise or usual care.",
                            "Fatigue fell in the intervention group."])
    assert [a.label for a in arms] == ["aerobic exercise", "usual care"]
    assert arm_mentions("Fatigue fell by 20% in the intervention group.", arms)[0][2] == "aerobic exercise"


def test_arms_listed_between_semicolons():
    arms = _arms("Patients were randomly assigned to receive: drug X 75 mg/m2 plus cisplatin 75 mg/m2, every 3 weeks (XC); "
                 "drug X 75 mg/m2 and carboplatin, every 3 weeks (XCb); or vinorelbine plus cisplatin 100 mg/m2 (VC).")
    assert [label for label, _ in arms] == ["XC", "XCb", "VC"]
    arms = _arms("They were randomized into the following two groups: video-assisted thoracic surgery (VATS) talc "
                 "poudrage; and talc slurry (TS) given through a chest tube.")
    assert [label for label, _ in arms] == ["VATS", "TS"]


def test_a_list_of_groups_each_counted_in_its_bracket():
    assert _arms("Patients were randomized into exercise (n=93) and control (n=87) groups.") == [("exercise", 93), ("control", 87)]
    assert _arms("OS did not differ between drug Z (n = 649) and placebo (n = 650) arms: median OS was 13.4 and 12.7 months "
                 "respectively.") == [("drug Z", 649), ("placebo", 650)]


def test_a_shape_whose_names_are_no_arms_does_not_hide_the_randomised_arms():
    # "the latter group" names no arm: the one group left does not stand for the trial's two arms
    arms = _arms("Patients were randomized to either chemotherapy in addition to best supportive care or to best "
                 "supportive care.", "Chemotherapy was allowed in the latter group.", "More patients in the chemotherapy group improved.")
    assert [label for label, _ in arms] == ["chemotherapy", "best supportive care"]
    assert [label for label, _ in _arms("Patients were randomized between double-blind MPA 500 mg twice daily or placebo.")] == \
        ["MPA", "placebo"]


def test_dose_levels_of_one_drug_are_arms_named_by_drug_and_dose():
    assert [label for label, _ in _arms("Patients were randomly assigned to pamidronate 30 mg or 90 mg (252 in each group).")] == \
        ["pamidronate 30 mg", "pamidronate 90 mg"]
    arms = find_arms(None, ["Women were randomized to receive either 160, 800, or 1,600 mg/d of megestrol acetate.",
                            "Women in the 160 mg/d group had fewer side effects."])
    assert [a.label for a in arms] == ["megestrol acetate 160 mg/d", "megestrol acetate 800 mg/d", "megestrol acetate 1,600 mg/d"]
    assert arm_mentions("Women in the 160 mg/d group had fewer side effects.", arms)[0][2] == "megestrol acetate 160 mg/d"
    # a part that is no dose keeps its own name; counts stay with their dose
    assert _arms("Patients were then randomized to treatment with docetaxel 100 mg/m(2) (49 patients) or 75 mg/m(2) "
                 "(55 patients) or best supportive care.") == \
        [("docetaxel 100 mg", 49), ("docetaxel 75 mg", 55), ("best supportive care", None)]


def test_randomisation_heads_without_to_or_after_an_aside():
    assert [label for label, _ in _arms("573 patients were randomly allocated either radiotherapy alone or radiotherapy and "
                                        "temozolomide.")] == ["radiotherapy alone", "radiotherapy and temozolomide"]
    assert [label for label, _ in _arms("A total of 574 patients were randomised, after simple mastectomy, to receive either no "
                                        "adjuvant treatment or oral chlorambucil 10 mg.")] == ["no adjuvant treatment", "oral chlorambucil 10 mg"]
    assert [label for label, _ in _arms("The trial randomized patients with wild-type, refractory, metastatic cancer to receive "
                                        "cetuximab plus brivanib or cetuximab plus placebo.")] == \
        ["cetuximab plus brivanib", "cetuximab plus placebo"]


def test_a_ratio_or_a_new_clause_ends_the_last_arm():
    assert [label for label, _ in _arms("Patients were randomly assigned to dignity therapy, client-centred care, or standard "
                                        "palliative care in a 1:1:1 ratio.")] == \
        ["dignity therapy", "client-centred care", "standard palliative care"]


def test_an_abbreviation_of_the_first_drug_does_not_name_a_combination():
    from extractor.backends.rules.arms import _randomised_to
    arms = _randomised_to(["Patients were randomly assigned to cetuximab (CET) plus brivanib alaninate (BRIV) or placebo."])
    assert [label for label, *_ in arms] == ["cetuximab plus brivanib alaninate", "placebo"]


def test_one_treatment_with_or_without_another():
    arms = _arms("Intergroup trial E9 randomized patients to CP with or without sorafenib.")
    assert [label for label, _ in arms] == ["CP", "CP with sorafenib"]
    arms = _arms("Serum samples of men in a randomized phase 3 trial of ADT +/- chemotherapy were analyzed.")
    assert [label for label, _ in arms] == ["ADT", "ADT + chemotherapy"]


def test_group_followed_by_a_noun_names_no_arm():
    assert _arms("MANCOVA tested for significant group differences.", "Scores rose in the exercise group.") == []


def test_the_bare_control_group_is_the_usual_care_arm():
    arms = _arms("Doctors were randomly assigned to intervention (29) or standard care (27) groups.",
                 "The greatest differences with the control group were seen at six months.")
    assert [label for label, _ in arms] == ["intervention", "standard care"]


def test_a_group_clause_ends_where_the_next_group_is_named():
    arms = find_arms(None, ["Children were divided into two groups.", "The study group received letrozole daily, and "
                            "the control group received placebo.", "HDL rose in the study group."])
    assert [i["name"] for i in arms[0].interventions] == ["letrozole"]


def test_an_abbreviated_route_does_not_end_the_randomisation():
    arms = _arms("Patients were randomized 2:1 to receive either epoetin alfa at a dose of 10,000 U thrice weekly s.c. or best "
                 "supportive care (BSC) to compare the effects on transfusion use.")
    assert [label for label, _ in arms] == ["epoetin alfa", "BSC"]


def test_a_described_placebo_is_the_placebo_arm():
    arms = _arms("A total of 63 patients were randomly assigned to receive either etanercept at a dose of 25 mg twice weekly "
                 "versus a comparably administered placebo.")
    assert [label for label, _ in arms] == ["etanercept", "placebo"]


def test_doses_of_one_drug_come_before_a_schedule_left_in_the_label():
    assert [label for label, _ in _arms("Patients were randomized to receive epoetin beta 30,000 IU or 20,000 IU once weekly "
                                        "for 12 weeks.")] == ["epoetin beta 30,000 IU", "epoetin beta 20,000 IU"]


def test_a_negated_name_is_no_mention_of_its_arm() -> None:
    arms = [ArmDraft(label="AM", aliases=["AM"]), ArmDraft(label="placebo", aliases=["placebo"])]
    text = "Relapse occurred in 12% with AM and 34% without AM."
    assert [label for *_, label in arm_mentions(text, arms)] == ["AM"]


def test_counts_bound_the_arms_over_the_commas_inside_one() -> None:
    sentence = ("Patients were randomized to receive 21-day cycles of oral gemcitabine 1250 mg/m2 twice daily, on Days 1-14, "
                "plus docetaxel 75 mg/m2 Day 1 (n = 250), or docetaxel 100 mg/m2 on Day 1 (n = 251).")
    arms = find_arms(None, [sentence])
    assert sorted((a.label, a.n) for a in arms) == [("docetaxel", 251), ("gemcitabine plus docetaxel", 250)]


def test_counts_inside_a_comma_list_leave_it_a_list() -> None:
    sentence = "Women were randomly assigned to CBT (n=19), PE (n=14), CBT/PE (n=16), or to a waiting list control group (n=13)."
    assert len(find_arms(None, [sentence])) == 4


def test_a_two_drug_arm_is_also_named_with_a_slash() -> None:
    arms = [ArmDraft(label="drugA plus docetaxel", aliases=["drugA plus docetaxel"]),
            ArmDraft(label="docetaxel", aliases=["docetaxel"])]
    from extractor.backends.rules.arms import _add_slash_aliases
    _add_slash_aliases(arms)
    assert [label for *_, label in arm_mentions("drugA/docetaxel gave 14.5 months", arms)] == ["drugA plus docetaxel"]


def test_a_maximum_number_of_cycles_is_no_part_of_the_label() -> None:
    sentence = ("Women were randomly assigned to AT (doxorubicin 50 mg/m(2) plus paclitaxel 175 mg/m(2)) or AC "
                "(doxorubicin 50 mg/m(2) plus cyclophosphamide 500 mg/m(2)) every 3 weeks for a maximum of eight cycles.")
    assert sorted(a.label for a in find_arms(None, [sentence])) == ["AC", "AT"]


def test_two_words_for_the_kind_of_arm_are_cut() -> None:
    sentence = "After surgery, 127 patients were randomized to hypnosis or usual care Study Arms."
    assert sorted(a.label for a in find_arms(None, [sentence])) == ["hypnosis", "usual care"]


def test_received_with_a_count_ending_each_part() -> None:
    sentence = "Before radiotherapy, patients received a 20-mg dose of octreotide (99 patients) or placebo (97 patients) intramuscularly."
    assert [(a.label, a.n) for a in find_arms(None, [sentence])] == [("octreotide", 99), ("placebo", 97)]


def test_received_without_counts_names_no_arms() -> None:
    assert find_arms(None, ["Patients received a 20-mg dose of octreotide or lanreotide intramuscularly."]) == []


def test_the_last_arm_ends_at_its_count() -> None:
    sentence = "Outpatients were randomly assigned to sertraline (N=33) or placebo (N=36) in a double-blind 6-week trial."
    assert sorted(a.label for a in find_arms(None, [sentence])) == ["placebo", "sertraline"]


def test_numbered_arms_after_the_randomisation() -> None:
    sentence = ("Patients were randomized, after total thyroidectomy: (1) withdrawal of levothyroxine (LT4) for 4 weeks "
                "(T4-WD Group, n = 89), (2) withdrawal of LT4 plus liothyronine (T3-WD Group, n = 133), and (3) rhTSH "
                "administration (rhTSH Group, n = 69).")
    assert sorted(_arms(sentence)) == [("T3-WD", 133), ("T4-WD", 89), ("rhTSH", 69)]


def test_numbered_arms_without_an_opening_bracket() -> None:
    sentence = ("Participants were randomly assigned to 1) resistance training; 2) all-round functional-skills training; "
                "3) both; or 4) an 'educational' control condition.")
    assert [label for label, _ in _arms(sentence)] == ["resistance training", "all-round functional-skills training", "both",
                                                      "educational control condition"]


def test_a_numbered_arm_ends_before_and_the() -> None:
    sentence = "Patients were randomized into two groups: (1) Fixed dose group and the (2) Calculated dose group."
    assert [label for label, _ in _arms(sentence)] == ["Fixed dose", "Calculated dose"]


def test_listed_after_a_colon_as_many_as_said() -> None:
    sentence = ("Patients were randomly allocated to three groups: McGrath MAC (n = 20), Airway scope (n = 20), and "
                "Macintosh laryngoscope (n = 20).")
    assert _arms(sentence) == [("McGrath MAC", 20), ("Airway scope", 20), ("Macintosh laryngoscope", 20)]
    from extractor.backends.rules.arms import _colon_list
    two = "Patients were randomly allocated to three groups: McGrath MAC and Airway scope."
    assert _colon_list(two, mask_brackets(two)) == []


def test_listed_after_a_colon_by_the_group_a_bracket_names() -> None:
    sentence = ("The patients were randomized into two groups: one group received epidural anesthesia by the conventional "
                "LOR technique (C group) and the second group received epidural anesthesia using Epidrum (ED group).")
    assert [label for label, _ in _arms(sentence)] == ["C", "ED"]


def test_listed_after_a_colon_by_the_name_before_a_comma() -> None:
    sentence = ("They were randomly allocated to one of the two groups: group ILMA, Intubating Laryngeal Mask Airway; "
                "group DLS, Direct Laryngoscopy.")
    assert [label for label, _ in _arms(sentence)] == ["group ILMA", "group DLS"]


def test_listed_after_a_colon_without_who_received_it() -> None:
    sentence = ("Sixty patients were randomly divided in two groups: 30 received haloperidol (first generation antipsychotic) and "
                "30 received olanzapine (second generation antipsychotic).")
    assert _arms(sentence) == [("haloperidol", 30), ("olanzapine", 30)]


def test_a_clause_after_the_list_is_no_arm() -> None:
    sentence = ("Patients were randomized into two groups: YLSP and conventional lifestyle program (CLSP), and follow-up "
                "was done for 5 years.")
    assert all("follow-up" not in label for label, _ in _arms(sentence))


def test_subgroups_of_an_analysis_are_no_arms() -> None:
    from extractor.backends.rules.arms import _colon_list
    sentence = "For analysis, the randomized population was divided into 3 subgroups: agonists, rasagiline or selegiline, and amantadine."
    assert _colon_list(sentence, mask_brackets(sentence)) == []


def test_dose_levels_listed_before_their_unit_after_at_a_dose_of() -> None:
    sentence = "Among 474 women randomly assigned to paclitaxel at a dose of 175, 210, or 250 mg/m2, tissue was available from 175."
    assert [label for label, _ in _arms(sentence)] == ["paclitaxel 175 mg/m2", "paclitaxel 210 mg/m2", "paclitaxel 250 mg/m2"]


def test_dose_levels_after_into_groups_to_receive() -> None:
    sentence = "The 72 patients were randomised into four groups to receive 40, 50, 60, or 70 mg SC enoxaparin for 24 hours."
    assert [label for label, _ in _arms(sentence)] == ["enoxaparin 40 mg", "enoxaparin 50 mg", "enoxaparin 60 mg",
                                                      "enoxaparin 70 mg"]


def test_randomly_assigned_without_to() -> None:
    sentence = "In 2001-2006, 189 patients were randomly assigned sertraline 50 mg (n=95), or placebo (n=94), once per day."
    assert _arms(sentence) == [("sertraline 50 mg", 95), ("placebo", 94)]
    assert _arms("Participants were randomly assigned following simple randomization procedures and divided into two groups.") == []


def test_listed_in_the_bracket_after_the_groups() -> None:
    sentence = "Thirty adult patients were randomly allocated to one of two groups (the PLMA or I-gel group)."
    assert [label for label, _ in _arms(sentence)] == ["PLMA", "I-gel"]


def test_listed_after_a_comma_when_the_count_is_said() -> None:
    sentence = "Healthy men were randomized into three groups, control (n = 6), decaffeinated (n = 10), and caffeine (n = 10)."
    assert _arms(sentence) == [("control", 6), ("decaffeinated", 10), ("caffeine", 10)]
    assert _arms("Patients were assigned to one of three groups, fentanyl, sufentanil or remifentanil (n=25 for each group).") == \
        [("fentanyl", 25), ("sufentanil", 25), ("remifentanil", 25)]  # one size for each arm (arms._equal_sizes)


def test_a_group_a_bracket_names_first() -> None:
    sentence = ("Children were randomized into two equal groups: dexmedetomidine 0.15 μg/kg (Group D0.15) and "
                "dexmedetomidine 0.30 μg/kg (Group D0.3).")
    assert [label for label, _ in _arms(sentence)] == ["Group D0.15", "Group D0.3"]


def test_dose_levels_each_or_bounds_when_the_split_finds_no_arms() -> None:
    sentence = "Patients were randomized to gantenerumab 105 mg or 225 mg or placebo every 4 weeks by subcutaneous injection."
    assert [label for label, _ in _arms(sentence)] == ["gantenerumab 105 mg", "gantenerumab 225 mg", "placebo"]


def _aliases(*sentences: str) -> dict[str, list[str]]:
    return {str(a.label): a.aliases for a in find_arms(None, list(sentences))}


def test_only_and_alone_name_one_arm() -> None:
    aliases = _aliases("Patients were randomised to combined therapy or endocrine-only therapy.")
    assert "endocrine-alone therapy" in aliases["endocrine-only therapy"]
    assert "surgery only" in _aliases("Patients were randomised to surgery alone or surgery plus RT.")["surgery alone"]


def test_a_procedures_arm_named_by_its_adjective() -> None:
    aliases = _aliases("Patients were randomized to surgery or RT.",
                       "Two patients in the surgical arms and 1 patient in the radiation arm died.")
    assert "surgical arm" in aliases["surgery"] and "radiation arm" in aliases["RT"]
    assert "radiation arm" not in _aliases("Patients were randomized to surgery or RT.")["RT"]  # not written so


def test_an_arm_given_nothing_is_the_control_group() -> None:
    aliases = _aliases("Patients were randomized to PTX, UDCA and LMWH, or no medication.")
    assert "control group" in aliases["no medication"]


def test_received_a_treatment_or_matched_placebo() -> None:
    sentence = "Eligible patients with complete response received oral vandetanib 300 mg/d or matched placebo."
    assert [label for label, _ in _arms(sentence)] == ["oral vandetanib 300 mg/d", "placebo"]
