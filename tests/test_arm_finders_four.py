"""Arm finders on randomised trials that gave fewer than two arms: the shapes added in the sixth session (h-armfall)."""

from extractor.backends.rules.arms import find_arms


def _labels(*sentences: str, title: str | None = None) -> list[str | None]:
    return [a.label for a in find_arms(title, list(sentences))]


def test_title_comparison_after_a_trial_lead_and_a_colon():
    assert sorted(_labels(title="Updated survival outcomes of NEJ005/TCOG0902: a randomised phase II study of concurrent "
                                "versus sequential alternating gefitinib and chemotherapy in previously untreated "
                                "non-small cell lung cancer")) == ["concurrent", "sequential"]


def test_title_comparison_sharing_a_head():
    assert sorted(_labels(title="A Phase II/III randomized controlled trial comparing perioperative versus postoperative "
                                "chemotherapy with mFOLFOX6 for lower rectal cancer")) == ["perioperative", "postoperative"]


def test_title_comparison_after_treated_with():
    assert _labels(title="Time to Definitive Score Deterioration in Patients with Resectable Metastatic Colorectal Cancer "
                         "Treated with FOLFOX4 versus Sequential Dose-Dense FOLFOX7 followed by FOLFIRI: The MIROX "
                         "Randomized Phase III Trial")[0] == "FOLFOX4"


def test_title_trial_comparing_with_names_each_side_by_its_abbreviation():
    assert sorted(_labels(title="Quality of life in patients with advanced gastric cancer: a randomized trial comparing "
                                "docetaxel, cisplatin, 5-FU (TCF) with epirubicin, cisplatin, 5-FU (ECF)")) == ["ECF", "TCF"]


def test_title_comparison_of_assays_is_no_trial_arms():
    assert _labels(title="Comparison of immunohistochemistry with PCR for assessment of ER, PR, and Ki-67") == []


def test_title_side_of_two_arms_joined_by_or():
    assert _labels(title="A randomized trial to assess the biological activity of short-term (pre-surgical) fulvestrant "
                         "500 mg plus anastrozole versus fulvestrant 500 mg alone or anastrozole alone on primary breast "
                         "cancer") == ["short-term fulvestrant plus anastrozole", "fulvestrant 500 mg alone",
                                 "anastrozole alone"]


def test_received_cycles_of_either():
    assert _labels("By randomization, patients received four cycles of either docetaxel/capecitabine or "
                   "doxorubicin/cyclophosphamide followed by surgery and crossover to the other treatment as postoperative "
                   "chemotherapy.") == \
        ["docetaxel/capecitabine", "doxorubicin/cyclophosphamide"]


def test_randomised_arms_end_before_a_threshold_after_the_bracket():
    assert _labels("Participants were randomized 1:1 to receive HZ/su or placebo (2 doses, 1–2 months apart) ≥10 days "
                   "pre- or post-ICT.") == ["HZ/su", "placebo"]


def test_either_arms_end_before_were_analyzed():
    assert _labels("One hundred twenty-eight of 177 eligible patients of a randomized trial receiving either formestane "
                   "(250 mg intramuscularly biweekly) or megestrol acetate (160 mg orally daily) were analyzed.") == \
        ["formestane", "megestrol acetate"]


def test_a_list_ending_in_the_control():
    assert _labels("Patients inhaled 1% lavender, 1% linalyl acetate, or vehicle (control group) for 20 minutes.") == \
        ["1% lavender", "1% linalyl acetate", "vehicle"]


def test_title_comparison_with_treatment_as_usual():
    assert _labels(title="Early supported discharge after stroke: results of a randomised controlled trial comparing "
                         "two early supported discharge schemes with treatment as usual")[-1] == "treatment as usual"



def test_title_side_opens_after_efficacy_of_not_any_of():
    assert _labels(title="Comparison of Efficacy of Amoxicillin versus Ciprofloxacin in Postsurgical Management") == \
        ["Amoxicillin", "Ciprofloxacin"]
    assert "focus contact lenses" not in _labels(title="Extended depth of focus contact lenses vs. two commercial "
                                                       "multifocals: Part 2")


def test_title_of_an_analysis_of_a_trials_data_names_no_arms():
    assert _labels(title="Weak expression of a marker is associated with poorer outcome: analysis of data from randomized "
                         "trial between radiation alone versus concurrent chemo-radiation") == []


def test_the_trial_an_analysis_draws_on_names_no_arms():
    assert _labels("Thus, from our randomized trial of radiation versus concurrent chemoradiation in endemic NPC, we "
                   "analyzed a cohort of tumour samples collected from participants from one referral hospital.") == []


def test_title_first_side_joined_by_or_is_no_arms():
    assert _labels(title="Hemodynamic Responses to Tracheal Intubation in Elderly Patients: Intravenous or Spray of "
                         "Lidocaine versus Fentanyl") == []


def test_title_side_that_is_a_short_name_kept_alone():
    assert _labels(title="Glycaemic control and hypoglycaemia with new insulin glargine 300 U/ml versus insulin glargine "
                         "100 U/ml in people with type 2 diabetes") == ["insulin glargine 100 U/ml"]
