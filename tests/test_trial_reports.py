"""Whether a document reports a trial: words of other designs, data splits and cited trials (h-istrial)."""

from __future__ import annotations

import pytest

from extractor.backends.rules import backend
from extractor.documents import Document
from extractor.structure import read_structure


def _is_trial(text: str) -> bool:
    structure = read_structure(text, None)
    return backend._is_trial_report(text, structure.title, list(structure.sentences), False)


def _verdict(text: str) -> bool:
    return backend.RulesBackend().extract(Document(doc_id="d", text=text)).is_trial_report


@pytest.mark.parametrize("low", [
    "81 patients and 33 healthy controls were randomly divided into a training set (33 hcc) and a testing set.",
    "sera samples were randomly grouped into training set (30 btcs), duplicate of training set, and blind set.",
    "the patients were randomized 1:1 and divided into a modeling group and a validation group.",
    "the primary cohort was randomly divided into training set (n=783) and validation set (n=783).",
])
def test_a_split_of_data_for_a_model_counts_against_a_trial(low):
    kept, splits = backend._without_data_splits(low)
    assert splits == 1 and "random" not in kept


def test_training_groups_of_a_trial_are_not_a_split_of_data():
    low = "twelve male race walkers were randomly allocated to one of two training groups: rwm and rwf."
    assert backend._without_data_splits(low) == (low, 0)


def test_a_classifier_whose_cohort_was_randomly_divided_is_not_a_trial():
    text = ("A novel classifier based on three preoperative tumor markers\n\nA total of 1,566 GC patients were "
            "analyzed. The Primary cohort was randomly divided into Training set (n=783) and Validation set (n=783). "
            "A three-tumor marker classifier was developed in the Training set and validated in the Validation set.")
    assert not _is_trial(text)


def test_no_randomized_data_is_no_trial_word():
    low = "there are no randomized data to support the use of postoperative radiation."
    assert "randomized" not in backend._without_denied_trials(low)


def test_a_non_randomised_trial_keeps_its_word():
    low = "a non-randomized pilot study was performed among patients with knee oa."
    assert backend._without_denied_trials(low) == low


def test_rats_are_words_of_another_design():
    text = ("Effects of prebiotics against colon cancer in vivo\n\nMale rats (N = 90) were randomly assigned to 9 groups. "
            "Control rats were fed AIN-93G. Rats were killed at 45 wk. Tumor incidence in treatment groups was lower "
            "compared to control rats.")
    assert not _is_trial(text)


@pytest.mark.parametrize("low", [
    "a randomised trial consisting of 224 patients diagnosed with uterine sarcomas showed that adjuvant radiotherapy "
    "improves locoregional control.",
    "a recent randomised controlled trial indicated that distance spectacles reduced falls risk in older people.",
    "several studies have shown that sensory cues can reduce the interference.",
])
def test_a_trial_told_as_its_finding_is_anothers(low):
    assert backend._cited_trial(low)


@pytest.mark.parametrize("low", [
    "this randomised trial showed that adjuvant radiotherapy improves locoregional control.",
    "a randomised trial was conducted in 38 patients divided into two groups.",
])
def test_the_documents_own_trial_is_not_cited(low):
    assert not backend._cited_trial(low)


def test_a_case_report_citing_a_randomised_trial_is_not_a_trial():
    text = ("Uterine leiomyosarcoma with brain metastases\n\nLeiomyosarcoma is a rare tumour. Surgery is the main "
            "treatment. A randomised trial consisting of 224 patients diagnosed with uterine sarcomas stage I and II "
            "showed that adjuvant radiotherapy improves locoregional control. We present a 54-year-old woman with "
            "a cerebral metastasis.")
    assert not _verdict(text)


@pytest.mark.parametrize("low", ["thirty atopic dogs were randomly assigned", "fourteen lambs were randomized",
                                 "fetal sheep were instrumented", "adult cattle received famotidine"])
def test_animals_are_words_of_another_design(low):
    assert backend._NOT_TRIAL_KEYED.findall(low)


@pytest.mark.parametrize("low", ["progression-free survival versus placebo (pbo) + exe", "received tiapride or placebo",
                                 "were assigned to physical exercise (n = 147) or wait-list control (n = 62)"])
def test_a_placebo_arm_or_a_wait_list_control_is_a_trial_word(low):
    assert backend._TRIAL_SIGNAL.search(low)


def test_divided_randomly_is_a_trial_word():
    assert backend._TRIAL_SIGNAL.search("191 were randomly selected and divided randomly into two groups.")


@pytest.mark.parametrize(("text", "trial"), [
    ("Gabapentin as an adjuvant for postoperative pain in dogs undergoing mastectomy\n\nTwenty dogs were randomly "
     "assigned to gabapentin or placebo. Pain scores of the dogs were lower with gabapentin; the dogs given placebo "
     "needed more rescue analgesia.", False),
    ("Everolimus (EVE)+exemestane (EXE; n = 485) more than doubled median progression-free survival versus placebo "
     "(PBO) + EXE (n = 239). To further evaluate EVE + EXE impact on disease burden, we conducted additional post-hoc "
     "analyses of patient-reported HRQOL.", True),
])
def test_animals_outweigh_and_a_placebo_arm_makes_a_trial(text, trial):
    assert _is_trial(text) is trial
