"""Arm finders on randomisation sentences: the shapes added on the second night (h-arms6)."""

from extractor.backends.rules.arms import find_arms
from extractor.structure import label_kind


def _labels(*sentences: str, title: str | None = None) -> list[str | None]:
    return [a.label for a in find_arms(title, list(sentences))]


def test_a_follow_up_clause_ends_the_last_arm():
    assert _labels("27 subjects were randomized to 0.25 μg calcitriol per day or placebo (1∶1) and followed up for one year.") \
        == ["calcitriol", "placebo"]


def test_a_count_of_patients_after_a_comma_ends_the_last_arm():
    assert _labels("Among patients randomized to IPE or placebo, 514 (73%) had diabetes mellitus.") == ["IPE", "placebo"]


def test_a_comparison_ends_before_regarding():
    assert _labels("This trial compared a probiotic supplement to placebo regarding effects on gastrointestinal symptoms.") \
        == ["probiotic supplement", "placebo"]


def test_dotted_labels_with_a_slash_or_brackets_are_read_by_their_last_part():
    assert label_kind("ABSTRACT.METHODOLOGY/PRINCIPAL FINDINGS") == "results"
    assert label_kind("ABSTRACT.MATERIAL/METHODS") == "methods"
    assert label_kind("ABSTRACT.[METHODS]") == "methods"
    assert label_kind("ABSTRACT.CLINICALTRIALS.GOV IDENTIFIER") is None


def _arm_labels_of(text: str) -> list[str | None]:
    from extractor.backends.rules.backend import RulesBackend
    from extractor.documents import Document
    result = RulesBackend().extract(Document("t", text))
    return [a.label for a in result.trials[0].arms]


def test_the_background_names_the_arms_of_a_secondary_analysis():
    text = ("BACKGROUND: Intergroup trial E2603 randomized patients with melanoma to CP with or without sorafenib. "
            "METHODS: MicroRNA expression was profiled in tumour samples of 150 patients. "
            "RESULTS: Ten microRNAs were associated with progression-free survival (P < 0.01).")
    assert _arm_labels_of(text) == ["CP", "CP with sorafenib"]


def test_the_methods_arms_come_before_the_background():
    text = ("BACKGROUND: A randomized trial showed that gemcitabine was better than observation. "
            "METHODS: Patients were randomized to docetaxel or paclitaxel. "
            "RESULTS: Response rates were 30% and 28% (P = 0.6).")
    assert _arm_labels_of(text) == ["docetaxel", "paclitaxel"]


def test_a_randomised_trial_of_one_versus_another():
    assert _labels("We performed a randomized, double-blind, 28-day trial of melatonin 20 mg versus placebo in patients "
                   "with advanced cancer.") == ["melatonin 20 mg", "placebo"]
    assert _labels("This is a randomized, dose-finding study of intravenous allo-hMSCs vs placebo delivered to patients "
                   "with frailty.") == ["intravenous allo-hMSCs", "placebo"]


def test_a_trial_of_outcomes_names_the_treatments_after_them():
    assert _labels("Patients were enrolled in a randomised trial of outcomes for laparoscopic versus open surgical "
                   "treatment for endometrial cancer.") == ["laparoscopic", "open"]


def test_treated_with_either_one_or_the_other():
    assert _labels("In a multinational trial, 445 patients were randomly assigned and treated with either docetaxel plus "
                   "cisplatin and fluorouracil (DCF) or cisplatin and fluorouracil (CF).") == ["DCF", "CF"]


def test_of_these_after_a_colon_ends_the_arms():
    assert _labels("812 patients were randomly assigned to receive three or four cycles: of these, 681 were also "
                   "randomly assigned to the 5-day or the 3-day schedule.") == ["three", "four cycles"]


def test_an_earlier_trial_of_one_versus_another_is_not_this_ones():
    assert _labels("Following the end of an initial 6-month randomized controlled trial of a telephone intervention "
                   "versus usual care, participants received text messages.") == []


def test_a_trial_of_doses_versus_placebo_is_more_than_two_arms():
    assert _labels("This is a randomized, dose-finding study of allo-hMSCs (100 or 200-million) vs placebo in frail "
                   "patients.") == []

