"""Enrolment counts and trial names in the phrase shapes of unseen abstracts (sentences in our own words)."""

from __future__ import annotations

import pytest

from extractor import extract
from extractor.backends.rules import design
from extractor.structure import Sentence


def _counts(sentence: str) -> dict[str, int]:
    return design.enrollment([Sentence(0, len(sentence), sentence, "methods", 0)])


@pytest.mark.parametrize("sentence, counts", [
    # treated: the people with a short description before "were treated"
    ("A total of 35 patients suffering from bone sarcoma were treated with induction chemotherapy.", {"treated": 35}),
    ("Twelve subjects (five female) were treated for one attack with drug A or drug B.", {"treated": 12}),
    ("Ninety patients with NSCLC who were previously treated with platinum were randomly assigned to A or B.",
     {"enrolled": 90}),  # treated before the trial
    # treated: the safety population
    ("The safety population included 210 patients.", {"treated": 210}),
    ("Safety was assessed in 148 patients who received the vaccine.", {"treated": 148}),
    # treated: one arm's count is not the trial's
    ("Forty-two of these patients were treated with drug A; the other 40 received no further therapy.", {}),
    ("In the B group, 33 evaluable cases were treated with drug B.", {}),
    ("Patients in group C (n = 40) received drug C, and in group D (n = 41) received drug D.", {}),
    ("50 patients were treated with cream A, 52 patients were treated with cream B.", {}),
    ("40 patients were treated with drug A (group 1) while 38 patients underwent surgery (group 2).", {}),
    ("Fifty patients were treated with drug A and 48 patients were treated with drug B.", {}),
    ("Seven thousand and ten patients were treated.", {"treated": 7010}),  # not 7, not 10
    ("One thousand two hundred ninety patients were randomly assigned.", {"enrolled": 1290}),
    ("One thousand eighty-one women were randomly allocated to drug A or drug B.", {"enrolled": 1081}),
    # evaluable: eligible or available for the analysis, could be evaluated, a description before "were evaluable"
    ("Of 300 patients randomized, 281 were eligible for efficacy analysis.", {"enrolled": 300, "evaluable": 281}),
    ("A total of 500 patients were randomized and 470 were available for analysis.", {"enrolled": 500, "evaluable": 470}),
    ("Of 90 enrolled patients, 86 received at least one dose and could be evaluated for response.",
     {"enrolled": 90, "treated": 86, "evaluable": 86}),
    ("27 subjects on high-dose opioids were evaluable for the primary endpoint.", {"evaluable": 27}),
    # evaluable: the arms' counts are not summed
    ("31 OB and 33 placebo subjects were eligible for efficacy analysis.", {}),
    ("800 women who received drug A and 600 women who received placebo were evaluable.", {}),
    ("Sixty patients in the cisplatin arm were evaluable.", {}),
    # enrolled: a count per arm is not the trial's
    ("We enrolled 25 patients in each group.", {}),
    ("In total, 90 patients were enrolled in each arm.", {}),
    ("Eighty patients were enrolled, 40 per arm.", {"enrolled": 80}),
    ("Sixty patients were enrolled 30 in each group.", {"enrolled": 60}),
    # enrolled: number words joined by a Unicode hyphen
    ("One hundred forty\u2010two patients were enrolled.", {"enrolled": 142}),
    # enrolled: the total after a noun, inverted, or after the study's aim
    ("Randomization totaled 210 patients (A = 140, B = 70).", {"enrolled": 210}),
    ("Recruited were 150 children with solid tumours at one hospital.", {"enrolled": 150}),
    ("A crossover study to investigate drug effects on memory was done in 24 healthy men.", {"enrolled": 24}),
    ("We performed a randomised trial, comparing yoga to usual care, in 48 patients.", {"enrolled": 48}),
    ("This was a randomized clinical trial on 120 postmenopausal women.", {"enrolled": 120}),
    ("A total of 400 node-positive, receptor-negative women were randomly assigned to A or B.", {"enrolled": 400}),
    ("Toxicities seen in the 20 enrolled patients were mild.", {"enrolled": 20}),
    ("900 women who received drug A at 60 mg/day and 700 women who received placebo were evaluable.", {}),
    ("300 women with early breast cancer received either drug A or drug B.", {"enrolled": 300}),
    ("Two hundred patients randomly received either drug A or drug B.", {"enrolled": 200}),
    # enrolled: active "enrolled in", a flow from the screened, consent to randomisation, a sample, "we assigned"
    ("A total of 310 patients from 12 centres in 8 countries enrolled in a double-blind trial of drug A.", {"enrolled": 310}),
    ("Fifty patients were screened and 21 enrolled, of whom 17 were treated per protocol.", {"screened": 50, "enrolled": 21}),
    ("Of 50 patients found eligible, 24 consented to randomisation.", {"enrolled": 24}),
    ("The sample included N = 140 women with early-stage breast cancer.", {"enrolled": 140}),
    ("A convenience sample of 42 women starting outpatient chemotherapy took part.", {"enrolled": 42}),
    ("The sample of patients (n = 610) newly admitted to home care had family caregivers.", {"enrolled": 610}),
    ("External validation was then carried out on a new sample of 1020 patients from an access program.", {}),
    ("Using a two-group design, we assigned 80 breast cancer survivors with hot flashes either to yoga or to usual care.",
     {"enrolled": 80}),
    ("We randomly assigned 60 patients to the open group and 58 to the laparoscopic group.", {}),
    ("Of 300 patients who had previously enrolled in the registry, 120 were randomised.", {"enrolled": 120}),
    ("Here, we show data from 140 patients (70 TE and 70 TEL patients).", {"enrolled": 140}),
    ("We conducted an open-label randomized phase II study to test whether low dose cyclophosphamide could improve "
     "antigen-specific immune responses and clinical efficacy of personalized peptide vaccination in 52 previously "
     "treated patients.", {"enrolled": 52}),
    # enrolled: the whole before a bracket with the arms' sizes; a trial's aim among its people
    ("Of 480 participants (241 vaccine; placebo 239), 450 completed the diary.", {"enrolled": 480}),
    ("This randomized controlled trial assessed a relaxation program among 30 women diagnosed with breast cancer.",
     {"enrolled": 30}),
])
def test_enrolment_counts_in_the_shapes_of_unseen_abstracts(sentence, counts):
    assert _counts(sentence) == counts


def test_a_flow_of_counts_keeps_its_analysed_count():
    sentence = "Of 40 patients found eligible, 22 consented to randomisation and 21 were analysed."
    assert _counts(sentence).get("evaluable") == 21


def test_a_spelled_out_name_starts_where_its_letters_begin():
    text = "patients treated in the Post Operative Radiation Therapy in Endometrial Carcinoma 1 (PORTEC-1) trial"
    assert design.spelled_out_start(text, text.index("PORTEC-1"), "PORTEC-1") == text.index("Post")
    after = "use in the RAD001 in Advanced Neuroendocrine Tumors, Third Trial (RADIANT-3)"
    assert design.spelled_out_start(after, after.index("Trial"), "RADIANT-3") == after.index("RAD001")
    glued = "This randomized phase-III-trial (ABC/DEF-94) compares"
    assert design.spelled_out_start(glued, glued.index("trial"), "ABC/DEF-94") == glued.index("phase")
    term = "eligible for this long-term extension (LTE) trial"  # a term, not a name: no capital letter
    assert design.spelled_out_start(term, term.index("LTE"), "LTE") == term.index("LTE")


@pytest.mark.parametrize("text, acronym", [
    ("OBJECTIVE: To report quality of life of women treated in the Hypothetical Adjuvant Radiation Trial In Elderly "
     "women (HARTIE) trial. METHODS: 300 women were randomised. RESULTS: Quality of life was similar.", "HARTIE"),
    ("METHODS: The global phase III Maintenance Oral Nib In Lung (MONIL) study evaluated drug X as maintenance. "
     "RESULTS: 800 patients were randomised.", "MONIL"),
    ("METHODS: The randomized, controlled ZETA-2 (Zoledronate Evaluation in Tumour Adjuvant setting) trial compared "
     "A with B. RESULTS: 500 patients were randomised.", "ZETA-2"),
    ("A randomized phase II study of drug A versus drug B in advanced lung cancer (ABCD LU11-02)\n\nMETHODS: 100 "
     "patients were randomised. RESULTS: Response rates were similar.", "ABCD LU11-02"),
    ("OBJECTIVE: This randomized phase III trial (ABC/DEF/GHI-97) compares drug A with drug B. RESULTS: 600 patients "
     "were randomized.", "ABC/DEF/GHI-97"),
    ("This prospective randomized phase-III-trial (ABC/DEF/GHI-97) compares neoadjuvant radiotherapy to standard "
     "postoperative radiotherapy. We report on the design of the study and first results with regard to toxicity. "
     "Patients with rectal cancer were randomly assigned to pre or postoperative radiotherapy. As of July 2002, 805 "
     "patients were randomized.", "ABC/DEF/GHI-97"),  # unlabelled: the first sentence is read as background
])
def test_a_trial_named_with_its_long_form(text, acronym):
    assert extract(text).trials[0].acronym == acronym


def test_a_name_longer_than_its_acronym_is_not_cut_short():
    text = ("METHODS: In the Look AHEAD (Action for Health in Diabetes) trial, 92 adults were randomly assigned to a "
            "diet or to education. RESULTS: Weight fell by 5% with the diet.")
    assert extract(text).trials[0].acronym != "AHEAD"


def test_the_trial_whose_database_is_used_is_the_documents_own():
    text = ("Bleeding after heparin: a secondary analysis of a randomised trial\n\nMETHODS: We used the database of the "
            "HEART (Heparin Evaluation After Recent Thrombosis) trial, which included 500 patients with a recent "
            "thrombosis randomly assigned to heparin or placebo. RESULTS: Major bleeding occurred in 12 patients (2.4%).")
    trial = extract(text).trials[0]
    assert (trial.acronym, trial.enrollment.enrolled) == ("HEART", 500)


def test_a_sentence_opening_on_this_trial_names_the_documents_own_even_in_the_background():
    from extractor.backends.rules.backend import _this_trial

    assert _this_trial("This prospective randomized phase-III-trial (ABC/DEF-94) compares A with B.") == "ABC/DEF-94"
    assert _this_trial("The earlier phase III trial (ABC/DEF-94) compared A with B.") is None


@pytest.mark.parametrize("sentence, counts", [
    # each needs words a cheap substring test finds before the pattern is searched: "(", "=", "stratified", "randomi"
    ("Consecutive patients (n = 64) eligible for surgery were randomized.", {"enrolled": 64}),
    ("Patients (N = 120) were stratified by centre and then randomized to A or B.", {"enrolled": 120}),
    ("In 41 normotensive adult patients in a randomized crossover design, A was compared with B.", {"enrolled": 41}),
    # not foldable ("İ" lowercases to two characters): read by the patterns as written, without the word test
    ("İn total, 52 patients were randomized.", {"enrolled": 52}),
])
def test_word_tests_let_the_phrase_through(sentence: str, counts: dict[str, int]) -> None:
    assert _counts(sentence) == counts


def test_each_kind_tries_every_pattern_whose_words_are_there() -> None:
    kind = design._KINDS["enrolled"]
    low = "consecutive patients (n = 64) eligible for surgery were randomized."
    tried = [s for i, s in enumerate(kind.shapes) if kind.candidates(low) >> i & 1]
    assert any(s.fast is not None and s.fast.search(low) for s in tried)
    assert len(tried) < len(kind.shapes)  # patterns whose words are missing are not tried


@pytest.mark.parametrize("sentence, counts", [
    # enrolled: "divided into two groups", baseline characteristics of the whole population
    ("Seventy-two patients with malignant ascites were divided into two study groups.", {"enrolled": 72}),
    ("A total of 160 patients were divided into two groups, A and B.", {"enrolled": 160}),
    ("Results Baseline characteristics of the 424 patients were balanced between treatment arms.", {"enrolled": 424}),
    ("Baseline symptoms in the 169 patients were well balanced between the 2 arms (84 A, 85 B).", {"enrolled": 169}),
    ("No difference was found in the demographic characteristics of the three groups of women.", {}),
    # enrolled: a trial of A versus B in N people, A compared with B in N people
    ("A pragmatic two-center trial of CBT versus usual care (TAU) in 150 patients who had completed therapy.",
     {"enrolled": 150}),
    ("Drug A has therefore been compared with placebo in 60 patients with advanced disease.", {"enrolled": 60}),
    # enrolled: "In a … trial, N patients underwent / received …", not one arm's
    ("In a prospective randomized single-center study from 2007 to 2008, 104 patients underwent esophagectomy.",
     {"enrolled": 104}),
    ("In this double-blind, multicenter trial, 121 patients received A; B; or C before surgery.", {"enrolled": 121}),
    ("In this trial, 60 patients received A and 58 received B.", {}),
    # enrolled: a bracket before "participated", "randomly assigned" as an adjective or after the people
    ("One hundred thirty-one patients (45 women and 86 men, mean age 58) participated in the trial.", {"enrolled": 131}),
    ("Of 5,187 randomly assigned women in the trial, 3,612 (69.9%) took part in the substudy.", {"enrolled": 5187}),
    ("Quality of life was assessed in 350 patients randomly assigned to either A or B.", {"enrolled": 350}),
    ("Two hundred forty-six of 302 patients randomly assigned provided complete data.", {"enrolled": 302}),
    # enrolled: "i.e.," inside the description before the verb
    ("Survivors (N = 74) reporting at least moderate fatigue (i.e., 4 or more on a 0-10 scale) were randomized to A or B.",
     {"enrolled": 74}),
])
def test_enrolled_shapes_of_the_night_audit(sentence: str, counts: dict[str, int]) -> None:
    assert _counts(sentence) == counts


@pytest.mark.parametrize("sentence, counts", [
    # completed: a description before "completed", a length of time or follow-up after it
    ("Twenty-four subjects with a history of thyroid carcinoma with > 10 years of therapy completed the study.",
     {"completed": 24}),
    ("Seventy patients completed the 4 weeks period of study.", {"completed": 70}),
    ("203 women entered the study; 177 completed the six month follow-up.", {"enrolled": 203, "completed": 177}),
    ("317 patients (218 on A and 99 on placebo) entered and 222 (70%) completed 18 months of extension treatment.",
     {"completed": 222}),
    ("Seventy-seven out of 91 enrolled patients completed the 24-week treatment course.",
     {"enrolled": 91, "completed": 77}),
    ("Twenty-six subjects were enrolled and 19 (13 men and 6 women) completed the study.",
     {"enrolled": 26, "completed": 19}),
    # completed: not the whole population, not one arm's, not an assessment
    ("Of 558 women randomly assigned, 418 completed the 6-month assessment.", {"enrolled": 558}),
    ("Of the 246 patients in the intent-to-treat set, 89.4% completed the 3-day efficacy phase.", {}),
    ("In the A and placebo groups, 23 (92%) and 20 (80%) patients completed 24 weeks of treatment, respectively.", {}),
    ("30 participants in the control and 33 participants in the treatment arm completed the study.", {}),
    ("The 56 subjects that completed the study were randomly assigned to A or B.", {"enrolled": 56}),
])
def test_completed_shapes_of_the_night_audit(sentence: str, counts: dict[str, int]) -> None:
    assert _counts(sentence) == counts


@pytest.mark.parametrize("sentence, counts", [
    # more people: people, infants, neonates, mothers, students
    ("108 people at high risk of diabetes were randomized to a weight programme or to usual care.", {"enrolled": 108}),
    ("Sixty infants with physical status I or II were randomly assigned to device A or device B.", {"enrolled": 60}),
    ("Sixty medical students were included and randomized into two comparable groups.", {"enrolled": 60}),
    # enrolled: "assigned at random", "(N = 39; …) participated", "was comprised of", "trial was conducted involving N"
    ("Twenty-eight untrained post-menopausal women were assigned at random to a vibration group or a walking group.",
     {"enrolled": 28}),
    ("Adults (N = 39; body mass index 39.5; age 39.9 years) participated in a 6-month programme.", {"enrolled": 39}),
    ("The study was comprised of 48 patients undergoing surgery in a single institute.", {"enrolled": 48}),
    ("At eight centers, a randomized crossover trial was conducted involving 75 adults with type 1 diabetes.",
     {"enrolled": 75}),
    ("In a randomized sham-controlled cross-over study, 60 subjects (30 males) received sham and active stimulation.",
     {"enrolled": 60}),
    # enrolled: not a part in brackets, not another count before the verb, not a count of groups
    ("A total of 38 (21 women and 17 men) elderly subjects were randomly divided into the A group and the B group.",
     {"enrolled": 38}),
    ("504 (328 women, 126 men) inactive adult participants were randomly allocated to one of three programmes.",
     {"enrolled": 504}),
    ("Sixteen patients (9 men and 7 women; mean age 65 years) with restenoses were enrolled from 2014 to 2015.",
     {"enrolled": 16}),
    ("The participants (52 elderly patients with hypertension) were randomly divided into A and B groups.",
     {"enrolled": 52}),
    ("Of a total of 594 mothers, 323 (54%) agreed to participate and were randomized to A or B.",
     {"enrolled": 323}),  # not 594; 323 agreed and were randomised (h-enrol8)
    ("Of 511 people with aphasia identified, 105 had low mood and were recruited.", {}),
    ("Two classes of midwifery students (N=62) participated and were randomly assigned to two groups.", {"enrolled": 62}),
    # treated: "who received at least one dose", "have been treated", "were dosed"
    ("Among 120 patients who received at least one dose of study drug, 10 had grade 3 events.", {"treated": 120}),
    ("Seventy-one patients have been treated with docetaxel and cisplatin.", {"treated": 71}),
    ("A total of 64 patients were dosed.", {"treated": 64}),
    # evaluable: the per-protocol or efficacy set (not the enrolled)
    ("The per-protocol population included 46 participants (24 A/22 B).", {"evaluable": 46}),
    ("The planned 5-year efficacy analysis included patients (n = 230) from the follow-up study.", {"evaluable": 230}),
])
def test_more_enrolment_shapes_of_the_night_audit(sentence: str, counts: dict[str, int]) -> None:
    assert _counts(sentence) == counts


@pytest.mark.parametrize("sentence, counts", [
    ("In this randomized, controlled study, 39 patients with sleep apnea undergoing surgery were assigned to two groups.",
     {"enrolled": 39}),
    ("In this randomised cross-over study, 32 patients with asthma underwent a methacholine provocation test.",
     {"enrolled": 32}),
    ("Mean baseline HbA1c of randomized patients (N = 1326) was 7.8%.", {"enrolled": 1326}),
    ("Somali-born parents (n=120) with children aged 11-16 years were randomised to an intervention or a control group.",
     {"enrolled": 120}),
    ("A randomised controlled study was conducted on 250 adolescents (12-18 years) from five schools.", {"enrolled": 250}),
    ("In the final analysis comprising 101 patients, drug A did not lower HbA1c at 12 weeks.", {"evaluable": 101}),
])
def test_enrolment_shapes_of_a_second_sample(sentence: str, counts: dict[str, int]) -> None:
    assert _counts(sentence) == counts


def test_a_completed_count_reads_past_decimals_in_its_description() -> None:
    sentence = "A total of 50 individuals (women = 41; 82%) with a mean age of 42 ± 15.5 years completed the study."
    assert _counts(sentence) == {"completed": 50}
