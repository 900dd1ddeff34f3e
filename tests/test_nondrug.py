"""Non-drug interventions: one test per phrase shape that names one (or looks like it and does not)."""

from __future__ import annotations

import pytest

from extractor import extract
from extractor.backends.rules.nondrug import find_non_drugs


def _names(text: str) -> list[str]:
    return [n.name for n in find_non_drugs(text)]


@pytest.mark.parametrize(("text", "names"), [
    ("patients were randomised to mantle radiotherapy alone (55) or mantle radiotherapy followed by MVPP",
     ["mantle radiotherapy"]),
    ("between laparoscopic radical hysterectomy (LRH) and abdominal radical hysterectomy (ARH) in early cervical cancer",
     ["laparoscopic radical hysterectomy", "abdominal radical hysterectomy"]),
    ("the first large RCT of sentinel node biopsy (SNB) compared with axillary node sampling",
     ["sentinel node biopsy", "axillary node sampling"]),
    ("randomized to a telephone-based exercise intervention or usual care control group",
     ["telephone-based exercise intervention", "usual care"]),
    ("the effects of the 6-week home-based exercise program on physical activity", ["home-based exercise program"]),
    ("the control group were given the usual nursing care", ["usual nursing care"]),
    ("randomly assigned to either intensity-modulated radiation therapy (IMRT) or three-dimensional conformal "
     "radiotherapy", ["intensity-modulated radiation therapy", "three-dimensional conformal radiotherapy"]),
])
def test_a_name_keeps_the_words_that_say_which_treatment(text, names):
    assert _names(text) == names


@pytest.mark.parametrize(("text", "names"), [
    ("compared sentinel lymph node (SLN) biopsy with axillary dissection", ["sentinel lymph node biopsy", "axillary dissection"]),
    ("randomised to laparoscopic-assisted (LA) colectomy", ["laparoscopic-assisted colectomy"]),
    ("radiotherapy (RT) surgery", ["radiotherapy", "surgery"]),  # a head before the bracket is a name of its own
    ("versus (B-I) reconstruction", ["reconstruction"]),
])
def test_an_abbreviation_between_a_name_and_its_head_is_left_out(text, names):
    assert _names(text) == names


@pytest.mark.parametrize(("text", "names"), [
    ("the side effects of patients treated by adjuvant radiotherapy (RT) for cervical cancer", ["radiotherapy"]),
    ("a randomized trial of post-surgery radiation therapy", ["radiation therapy"]),
    ("randomized to palliative thoracic radiotherapy given immediately", ["thoracic radiotherapy"]),
])
def test_when_or_why_a_treatment_is_given_is_not_its_name(text, names):
    assert _names(text) == names


@pytest.mark.parametrize("text", [
    "the incidence of radiation-induced mucositis and surgery-related deaths",
    "assessment of fitness and exercise self-efficacy at baseline",
    "scores on the Cancer Rehabilitation Evaluation System (CARES)",
    "the radiotherapy oncologist reviewed the surgery time",
    "results from the UK START (Standardisation of Breast Radiotherapy) trials",
    "to reduce the risk of severe acute radiation skin reactions and radiation dermatitis",  # what it causes
])
def test_a_head_used_as_a_modifier_names_nothing(text):
    assert _names(text) == []


@pytest.mark.parametrize("text", [
    "130 patients with no history of transurethral resection of the prostate",
    "patients with prior surgery were excluded",
    "they were suitable for breast conservation surgery",
    "stage III NSCLC unsuitable for radical surgery",
    "mucositis in patients undergoing haematopoietic stem cell transplantation",
    "caregivers received education on pulmonary rehabilitation",
    "poor quality of life long time after surgery",
    "the possible need for further surgery",
    "pain in the first weeks after lung cancer surgery or after CRC resection",  # a time, two words on
    "children under three were treated with intent to avoid irradiation",
    "women in the writing group were more satisfied with the emotional support they received",
    "improved more on the EORTC physical function scale intervention (0-100) score",
])
def test_what_an_arm_does_not_get_is_not_named(text):
    assert _names(text) == []


def test_the_parts_of_a_programme_are_not_names_of_their_own():
    assert _names("supervised exercise comprising resistance training, relaxation and body awareness training, "
                  "compared with conventional care") == ["supervised exercise", "conventional care"]
    assert _names("after randomization to yoga") == ["yoga"]  # a time word, then not a time


def test_a_count_of_programmes_is_not_part_of_their_name():
    assert [n.split()[0] for n in _names("investigating efficacy of two mind–body intervention programs")] == ["mind–body"]


def test_what_the_other_arm_did_not_get_is_not_a_second_name():
    assert _names("randomized to complete bladder neck preservation or to no preservation as controls") == \
        ["complete bladder neck preservation"]


def test_radiotherapy_after_a_time_word_is_still_given():
    assert _names("docetaxel was added to cisplatin and 5-fluorouracil for induction and given before radiotherapy (RT)") \
        == ["radiotherapy"]


@pytest.mark.parametrize(("text", "names"), [
    ("the intervention was delivered by phone", []),
    ("a new program was started", []),
    ("access to medical care", []),
    ("randomised by computer program", []),
    ("the effects of a structured physical training program on fatigue", ["structured physical training program"]),
    ("a control group that received standard care as provided on the wards", ["standard care"]),
    # a therapy is named by what it does, not by its setting or its drugs
    ("live music therapy or cognitive-behavioral therapy (CBT) during endocrine therapy and maintenance therapy",
     ["live music therapy", "cognitive-behavioral therapy"]),
    ("randomised to a compound borax gargle or a placebo lozenge", ["compound borax gargle"]),
    ("acute diarrhoea during chemoradiation therapy", ["chemoradiation therapy"]),
])
def test_a_generic_head_names_a_treatment_only_with_a_word_that_says_which(text, names):
    assert _names(text) == names


def test_a_name_written_again_shorter_or_longer_is_the_first_one():
    assert _names("Women got mantle radiotherapy. Radiotherapy was given in 20 fractions.") == ["mantle radiotherapy"]
    assert _names("to evaluate a patient navigation (PN) program. The Moffitt Patient Navigation Research Program "
                  "conducted the trial.") == ["patient navigation"]


def _interventions(text: str) -> dict[str | None, list[str]]:
    return {a.label: [i.name for i in a.interventions] for a in extract(text).trials[0].arms}


def test_a_control_arm_takes_the_comparator_the_text_names():
    text = ("Breast cancer survivors were randomized to a telephone-based exercise intervention or usual care control "
            "group. Participants randomized to the exercise group increased their activity more than those in the "
            "control group.")
    arms = _interventions(text)
    assert arms["exercise"] == ["telephone-based exercise intervention"]
    assert arms["control"] == ["usual care"]


@pytest.mark.parametrize(("text", "names"), [
    ("The Effect of Topical Application of Royal Jelly on Chemoradiotherapy-Induced Mucositis. Patients were "
     "randomly assigned to two groups.", {"Royal Jelly"}),
    ("This study explored the effects of a six-month early intervention program following reconstructive surgery on "
     "quality of life. Survivors were randomly assigned to the intervention or the control group.",
     {"early intervention program"}),
])
def test_the_aim_names_the_treatment_without_how_or_how_long_it_is_given(text, names):
    assert {i.name for a in extract(text).trials[0].arms for i in a.interventions} == names


def test_an_arm_named_by_its_procedure_alone_is_that_procedure():
    from extractor.backends.rules.backend import _named_intervention

    assert [i["name"] for i in _named_intervention("surgery-alone")] == ["surgery"]


def test_the_aim_names_the_treatment_of_the_arm_beside_usual_care():
    text = ("The authors tested the effectiveness of a behaviorally oriented intervention in reducing fatigue in "
            "patients receiving chemotherapy. In this randomized controlled trial, sixty patients were randomly assigned "
            "to receive either usual care or the intervention.")
    assert {i.name for a in extract(text).trials[0].arms for i in a.interventions} == \
        {"usual care", "behaviorally oriented intervention"}


def test_a_title_naming_radiotherapy_names_what_a_trial_of_no_drug_gives():
    text = ("A total of 474 adult patients with malignant glioma were randomised into a study comparing 45 Gy with "
            "60 Gy given post-operatively. The 60 Gy course produced a modest lengthening of survival.")
    record = extract(text, title="A trial of two radiotherapy doses in the treatment of astrocytoma").trials[0]
    assert {i.name for a in record.arms for i in a.interventions} == {"radiotherapy"}


def test_an_arm_named_by_all_it_got_keeps_the_part_the_text_names_nowhere_else():
    text = ("In this randomised controlled trial, women were randomly allocated to receive either usual care or usual "
            "care plus group CBT (n = 47). Hot flush problem ratings fell more with usual care plus group CBT.")
    arms = _interventions(text)
    assert sorted(arms["usual care plus group CBT"]) == ["group CBT", "usual care"]


def test_a_trial_of_no_drug_whose_arms_are_not_told_apart_takes_the_treatments_its_title_names():
    text = ("In this single-arm pilot trial, 22 relatives of bowel cancer survivors were enrolled. The intervention "
            "included six telephone coaching sessions and a handbook. Physical activity rose from baseline to six weeks.")
    record = extract(text, title="A telephone-delivered intervention to reduce behavioural risk factors").trials[0]
    assert {i.name for a in record.arms for i in a.interventions} == {"telephone-delivered intervention"}


def test_an_arm_named_by_a_short_word_is_that_treatment_and_an_abbreviation_is_not():
    text = ("In this randomized controlled study, patients were randomly assigned to receive either honey (n = 25) or "
            "povidone-iodine (n = 25). Mucositis was less severe in the honey group.")
    assert _interventions(text) == {"honey": ["honey"], "povidone-iodine": ["povidone-iodine"]}


def test_an_arm_named_by_a_drug_and_its_dose_is_that_drug():
    from extractor.backends.rules.backend import _without_dose
    assert _without_dose("TMX 60 mg d") == "TMX" and _without_dose("rizatriptan 10 mg") == "rizatriptan"
    assert _without_dose("varenicline 1 mg b.i.d") == "varenicline" and _without_dose("MA 160 mg/day") == "MA"


def test_an_arm_named_by_how_long_or_how_much_of_a_treatment_is_that_treatment():
    from extractor.backends.rules.backend import _without_dose
    assert _without_dose("36 weeks of CMFVP") == "CMFVP" and _without_dose("3 g of ampicillin-sulbactam") == "ampicillin-sulbactam"
    assert _without_dose("LLLT for 20 minutes") == "LLLT" and _without_dose("ordinary yogurt for 8weeks") == "ordinary yogurt"


def test_an_arm_named_only_by_a_dose_names_no_treatment():
    from extractor.backends.rules.backend import _without_dose
    assert _without_dose("30 Gy in 10 fractions") is None and _without_dose("1-μg/day") is None and _without_dose("3 h") is None
    assert _without_dose("BTH1677") == "BTH1677" and _without_dose("arm 2") == "arm 2"


def test_an_arm_whose_abbreviation_spells_a_drug_gets_that_drug():
    from extractor.backends.rules.backend import _named_part
    assert (_named_part("megestrol acetate")["type"], _named_part("usual care")["type"]) == ("drug", "other")


def test_an_aim_naming_a_treatment_with_its_abbreviation_inside_names_it():
    from extractor.backends.rules.backend import _aimed_interventions
    aim = ("The purpose of this study was to test the efficacy of a comprehensive menopausal assessment (CMA) "
           "intervention program in achieving relief of symptoms.")
    assert [i["name"] for i in _aimed_interventions(aim)] == ["comprehensive menopausal assessment intervention program"]


def test_an_aim_naming_a_treatment_combined_with_another_names_both():
    from extractor.backends.rules.backend import _aimed_interventions
    aim = "To observe the clinical efficacy of Shenqi Fuzheng Injection (SFI) combined with chemotherapy in treating patients."
    assert [i["name"] for i in _aimed_interventions(aim)] == ["Shenqi Fuzheng Injection", "chemotherapy"]


def test_arms_take_what_the_randomisation_assigns_when_the_title_names_only_the_new_drug():
    from extractor.backends.rules.backend import _Treatment
    from extractor.structure import Sentence
    sentence = "Patients were randomised to capecitabine plus radiotherapy (A), or capecitabine plus cetuximab plus RT (B)."
    given = _Treatment("A trial of cetuximab in pancreatic cancer", [Sentence(0, len(sentence), sentence, "methods", 0)], [])
    assert given.assigned().startswith("A trial of cetuximab") and "capecitabine" in given.assigned()


def test_a_trial_of_no_drug_takes_the_control_its_treatment_text_names_beside_what_its_aim_tests():
    text = ("The aim of this study was to determine the effectiveness of a mindfulness-based stress-reduction (MBSR) "
            "program on quality of life in women with breast cancer. The 8-week MBSR was compared to usual supportive "
            "care (UC) in this randomized trial. Quality of life improved more with MBSR.")
    names = {i.name for a in extract(text).trials[0].arms for i in a.interventions}
    assert {"mindfulness-based stress-reduction program", "usual supportive care"} <= names


def test_a_drug_named_only_after_after_is_what_patients_had_before_the_trial():
    from extractor.backends.rules.backend import _had_before
    text = "To evaluate the impact of letrozole compared with placebo after adjuvant tamoxifen on quality of life."
    assert _had_before("tamoxifen", text) and not _had_before("letrozole", text)
    text = ("122 patients in complete remission following first-line chemotherapy consisting of ACy (Adriamycin + "
            "Cyclophosphamide) or Mitoxantrone + Carboplatin. 61 were treated with Cisplatin.")
    assert _had_before("Mitoxantrone", text) and not _had_before("Cisplatin", text)


def test_a_drug_the_trial_gives_after_another_is_not_what_patients_had_before():
    from extractor.backends.rules.backend import _had_before
    text = ("Docetaxel following neoadjuvant doxorubicin and cyclophosphamide. Patients receiving four cycles of "
            "doxorubicin and cyclophosphamide were randomised to receive docetaxel.")
    assert not _had_before("doxorubicin", text)
    assert not _had_before("gemcitabine", "After surgery, patients were randomised to gemcitabine or observation.")


def test_interferon_alfa_is_found_as_papers_spell_it():
    from extractor.backends.rules.lexicon import find_drugs
    for written in ("IFNalpha", "IFNalpha2a", "IFN alpha-2b", "interferon-alfa", "alpha-interferon"):
        assert [m.drug.name for m in find_drugs(f"patients received {written} daily")] == ["interferon alfa"], written


def test_radiation_beside_radiation_therapy_is_one_treatment():
    from extractor.backends.rules.backend import _radiotherapy_by_name
    arms = [[{"name": "radiation therapy", "type": "radiation"}, {"name": "irradiation", "type": "radiation"}]]
    _radiotherapy_by_name(arms, "")  # type: ignore[arg-type]
    assert [i["name"] for i in arms[0]] == ["radiation therapy"]


def test_bare_radiation_is_named_as_the_text_writes_radiotherapy():
    from extractor.backends.rules.backend import _radiotherapy_by_name
    arms = [[{"name": "selenium", "type": "drug"}, {"name": "radiation", "type": "radiation"}], [{"name": "radiation", "type": "radiation"}]]
    _radiotherapy_by_name(arms, "Radiation therapy (RT) of the pelvis ... patients undergoing radiotherapy")  # type: ignore[arg-type]
    assert [[i["name"] for i in a] for a in arms] == [["selenium", "radiotherapy"], ["radiotherapy"]]
    alone = [[{"name": "radiation", "type": "radiation"}]]
    _radiotherapy_by_name(alone, "a randomized trial of radiation versus concurrent chemoradiation")  # type: ignore[arg-type]
    assert alone == [[{"name": "radiation", "type": "radiation"}]]


def test_an_arm_named_by_how_the_arms_differ_names_no_treatment():
    from extractor.backends.rules.backend import _named_intervention
    for label in ("control conditions", "reverse sequence", "active drugs", "higher dose", "case", "third", "combination"):
        assert _named_intervention(label) == [], label
    assert [i["name"] for i in _named_intervention("garlic tablets")] == ["garlic tablets"]
