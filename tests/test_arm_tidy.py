"""The arm finder's tidying (h-arms7): one arm found under two names is one arm, and an arm's size is not a count of
its events."""

from extractor.backends.rules.arms import (
    _N_AFTER,
    ArmDraft,
    _abbreviates,
    _control_of_placebo,
    _cut_short,
    _fold_part_arm,
    _initials_of,
    _names_a_part,
    _size_before,
    find_arms,
)


def _arms(*sentences: str, title: str | None = None) -> list[tuple[str | None, int | None]]:
    return [(a.label, a.n) for a in find_arms(title, list(sentences))]


def test_an_arm_named_by_a_part_of_another_is_that_arm():
    arms = _arms("Sixty-one of these patients were treated with 3 cycles of 5-Fluorouracil (FU) 500 mg/m2 for 5 days "
                 "followed by Cisplatin at 100 mg/m2 on the 6th or 7th day every 28 days; the other 61 received no further "
                 "treatment (nihil group).",
                 "Sixty patients in the Cisplatin arm were evaluable.",
                 "There were 36 relapses in the FU+Cisplatin arm and 30 in the nihil arm.",
                 "There were 29 deaths in the Cisplatin arm vs. 27 for nihil.",
                 "Median overall survival time (95 months with Cisplatin vs. 96 months in the nihil group) and median "
                 "disease-free survival (66 months with Cisplatin vs. 73 in the nihil group) were similar in both arms.")
    assert len(arms) == 2
    assert ("nihil", None) in arms  # not 30 relapses, nor 73 months


def test_names_a_part():
    assert _names_a_part("Cisplatin", "FU+Cisplatin")
    assert _names_a_part("control", "wait-list control")
    assert _names_a_part("control", "non-intervention control")  # a control's name: "non" makes no other arm of it
    assert not _names_a_part("moxibustion", "sham moxibustion")
    assert not _names_a_part("cooling", "mild cooling")


def test_cut_short():
    assert _cut_short("Ropi", "ropivacaine")
    assert _cut_short("suture", "sutures")
    assert _cut_short("oral Pyridostigmin", "oral pyridostigmine")
    assert not _cut_short("Gem", "GemCis")


def test_control_beside_placebo_under_the_name_used_more():
    low = "trial group received lidocaine and control group received normal saline. in the lidocaine group, compared " \
          "with the placebo group, mean sbp fell. placebo was safe."
    assert _control_of_placebo("control", "placebo", low)
    assert not _control_of_placebo("placebo", "control", low)


def test_an_abbreviation_the_text_defines():
    glossary = "Patients were randomized into two groups: standard care (SC) and standard care plus intervention (LWP)."
    assert _abbreviates("SC", "standard care", glossary)
    assert not _abbreviates("SC", "intervention", glossary)
    assert _abbreviates("PVB", "paravertebral", "the benefits of paravertebral block (PVB) on pain")


def test_three_arms_of_two_folded_once():
    arms = [ArmDraft("12-week", ["12-week"]), ArmDraft("standard care", ["standard care"]), ArmDraft("SC", ["SC"], n=79)]
    folded = _fold_part_arm(arms, "patients were randomized into two groups", "standard care (SC) and standard care plus "
                                                                               "intervention (LWP).")
    assert [(a.label, a.n) for a in folded] == [("12-week", None), ("standard care", 79)]
    assert "SC" in folded[1].aliases


def test_two_declared_arms_needed_for_a_part():
    arms = [ArmDraft("lomustine", ["lomustine"]), ArmDraft("bevacizumab plus lomustine", ["bevacizumab plus lomustine"]),
            ArmDraft("bevacizumab", ["bevacizumab"])]
    assert len(_fold_part_arm(arms, "randomised to bevacizumab, lomustine or bevacizumab plus lomustine", "")) == 3


def test_no_size_after_events_counted_in_the_sentence():
    text = "There were 36 relapses in the FU+Cisplatin arm and 30 in the nihil arm."
    assert _size_before(text, text.index("nihil")) is None
    text = "Median disease-free survival (66 months with Cisplatin vs. 73 in the nihil group) was similar."
    assert _size_before(text, text.index("nihil")) is None
    text = "p=0·65). 62 patients in the early pramipexole group were included."
    assert _size_before(text, text.index("early")) is not None


def test_no_size_after_a_percentage_in_the_bracket():
    assert _N_AFTER.match(" (46.9%, n = 15) (P = 0.024)") is None
    assert _N_AFTER.match(" (CG; sorbitol 10%, n=29)").group("n") == "29"
    assert _N_AFTER.match(" (group B; n=59)").group("n") == "59"


def test_the_size_in_brackets_after_the_first_arm_not_the_trials():
    arms = _arms("Ninety-six patients were enrolled and 91 patients were randomised to capecitabine (N=46) or S-1 (N=45).",
                 "Overall response rate was 27.2% with capecitabine and 28.9% with S-1.")
    assert arms == [("capecitabine", 46), ("S-1", 45)]


def test_no_size_from_a_decimals_tail():
    text = "headache intensity was 3.77 ± 1.85 in conventionally treated group"
    assert _size_before(text, text.index("conventionally")) is None
    text = "Median overall survival in 275 patients allocated EOC was 11·3 months"
    assert _size_before(text, text.index("EOC")).group("n") == "275"


def test_initials_of_the_other_arms_name():
    assert _initials_of("WS", "whole-stomach")
    assert _initials_of("NGT", "narrow gastric tube")
    assert not _initials_of("WS", "whole stomach group")
    assert not _initials_of("ws", "whole-stomach")


def test_patients_counted_after_a_time_are_a_size():
    text = "11.3 months compared with 8.8 months in 278 patients allocated mEOC+P."
    assert _size_before(text, text.index("mEOC")).group("n") == "278"
