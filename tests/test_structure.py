"""The document-structure stage: every common layout gives the same title, sections and sentences."""

from __future__ import annotations

import json

import pytest

from extractor.structure import (
    _CUES,
    _ORDER,
    BACKGROUND,
    BODY,
    OBJECTIVE,
    Sentence,
    _cue_scores,
    _has_cue,
    label_kind,
    read_structure,
)
from tests.conftest import SHARED

TITLE = "Vismodegib plus gemcitabine in metastatic pancreatic cancer: a randomised phase II trial"
SECTIONS = [
    ("Background", "Hedgehog signalling is active in pancreatic cancer. We tested vismodegib."),
    ("Methods", "Patients were randomly assigned to GV or GP. The primary end point was PFS."),
    ("Results", "Median PFS was 4.0 and 2.5 months for GV and GP, respectively (P = .30)."),
    ("Conclusions", "Vismodegib did not improve PFS."),
]
KINDS = ["background", "methods", "results", "conclusion"]


def _layouts() -> dict[str, tuple[str, str | None]]:
    upper = [(label.upper(), text) for label, text in SECTIONS]
    return {
        "pubmed flattened": (f"{TITLE}\n\n" + " ".join(f"{label}: {text}" for label, text in upper), None),
        "labels at line starts": (f"{TITLE}\n" + "\n".join(f"{label}: {text}" for label, text in SECTIONS), None),
        "title in its own field": (" ".join(f"{label}: {text}" for label, text in upper), TITLE),
        "markdown": (f"# {TITLE}\n\n" + "\n\n".join(f"## {label}\n\n{text}" for label, text in SECTIONS), None),
        "lancet": (f"{TITLE}\n\n" + "\n".join(f"{label}\n{text}" for label, text in SECTIONS), None),
        "meeting abstract": (f"{TITLE}\n\n" + " ".join(f"{label}: {text}" for label, text in SECTIONS), None),
        "html": (f"<h1>{TITLE}</h1>\n" + "\n".join(f"<h2>{label}</h2>\n<p>{text}</p>" for label, text in SECTIONS), None),
        "bold labels": (f"**{TITLE}**\n\n" + "\n\n".join(f"**{label}:** {text}" for label, text in SECTIONS), None),
        "dotted paths": (f"{TITLE}\n\n" + "\n\n".join(f"ABSTRACT.{label.upper()}.\n{text}" for label, text in SECTIONS),
                         None),
        "period labels": (f"{TITLE}\n\n" + " ".join(f"{label}. {text}" for label, text in SECTIONS), None),
    }


@pytest.mark.parametrize("layout", list(_layouts()))
def test_every_layout_gives_the_same_title_sections_and_sentences(layout):
    text, title = _layouts()[layout]
    structure = read_structure(text, title)
    assert structure.title == TITLE
    assert [s.kind for s in structure.sections if s.label] == KINDS
    assert [s.text for s in structure.sentences] == [
        sentence for _, body in SECTIONS for sentence in body.replace(". ", ".\n").splitlines()
    ]
    assert all(text[s.start:s.end] == s.text for s in structure.sentences)
    assert [s.section for s in structure.sentences] == ["background"] * 2 + ["methods"] * 2 + ["results", "conclusion"]


def test_pubmed_label_vocabulary_and_registration():
    text = ("IMPORTANCE: Little is known. DESIGN, SETTING, AND PARTICIPANTS: A trial in 40 centres. "
            "MAIN OUTCOMES AND MEASURES: Overall survival. RESULTS: OS was 12 months. "
            "CONCLUSIONS AND RELEVANCE: It works. TRIAL REGISTRATION: ClinicalTrials.gov Identifier: NCT01234567")
    structure = read_structure(text)
    assert [(s.label, s.kind) for s in structure.sections] == [
        ("IMPORTANCE", "objective"), ("DESIGN, SETTING, AND PARTICIPANTS", "methods"),
        ("MAIN OUTCOMES AND MEASURES", "methods"), ("RESULTS", "results"),
        ("CONCLUSIONS AND RELEVANCE", "conclusion"), ("TRIAL REGISTRATION", "registration"),
    ]


def test_meeting_abstract_trial_information_is_registration():
    text = ("Background: X is active. Methods: We treated 40 patients. Results: ORR was 30%. "
            "Conclusions: Promising. Clinical trial information: NCT01234567. Research Sponsor: None.")
    kinds = {s.label: s.kind for s in read_structure(text).sections}
    assert kinds["Clinical trial information"] == "registration" and kinds["Research Sponsor"] == "funding"


def test_words_that_are_not_labels_open_no_section():
    text = ("Patients received drug A. The HR was 0.8 (95% CI: 0.6-1.0). In the ATBC Study. We saw "
            "NOTE: nothing. Response: 40% of patients.")
    structure = read_structure(text)
    assert not structure.labelled


def test_a_single_capitalised_label_inside_text_is_not_trusted():
    structure = read_structure("We assessed toxicity. Results. The rate was 12%.")
    assert not structure.labelled  # one weak label alone could be prose


def test_unlabelled_text_is_inferred_and_never_background_by_default():
    text = ("Gastric cancer is a common disease and remains a leading cause of death. "
            "We aimed to assess whether drug A improves survival. "
            "Patients were randomly assigned to drug A or placebo; the primary end point was overall survival. "
            "Median overall survival was 11.2 months versus 9.1 months (HR 0.8, 95% CI 0.6-0.9; P = .01). "
            "These results suggest that drug A should be considered.")
    structure = read_structure(text)
    assert [s.section for s in structure.sentences] == ["background", "objective", "methods", "results", "conclusion"]
    assert all(s.inferred for s in structure.sections) and not structure.labelled
    plain = read_structure("Patients received drug A. The response rate was 40%.")
    assert "background" not in [s.section for s in plain.sentences]


def test_title_as_first_sentence_of_a_paragraph():
    text = ("Sequential docetaxel for early breast cancer (TACT): an open-label, phase III, randomised controlled trial. "
            "Incorporation of a taxane offers potential. We randomised 4162 women.")
    structure = read_structure(text)
    assert structure.title == "Sequential docetaxel for early breast cancer (TACT): an open-label, phase III, randomised controlled trial"
    assert structure.sentences[0].text == "Incorporation of a taxane offers potential."


def test_title_run_into_the_first_sentence_is_cut_off():
    text = "Drug A and drug B in gastric cancer: a phase 2 trial Dual inhibition may help. We report 41 patients."
    structure = read_structure(text)
    assert structure.title == "Drug A and drug B in gastric cancer: a phase 2 trial"
    assert structure.sentences[0].text == "Dual inhibition may help."


def test_front_matter_is_not_the_title():
    text = "REVIEW\n\nOpen Access\n\nInnovative drugs promote precision cancer therapy\n\nAbstract\n\nTargeted therapy works."
    structure = read_structure(text)
    assert structure.title == "Innovative drugs promote precision cancer therapy"
    assert not structure.labelled  # "Abstract" heads the text without labelling its parts: they are inferred
    assert [s.text for s in structure.sentences] == ["Targeted therapy works."]


def test_a_question_title_with_its_answer_is_a_title():
    text = "Is chemotherapy useful after remission? A randomised study.\n\nOBJECTIVE: To verify. RESULTS: None."
    assert read_structure(text).title == "Is chemotherapy useful after remission? A randomised study"


def test_nlm_labels_map_to_kinds():
    assert label_kind("PATIENTS AND METHODS") == "methods"
    assert label_kind("Findings") == "results"
    assert label_kind("INTERPRETATION") == "conclusion"
    assert label_kind("ABSTRACT.SUMMARY.FINDINGS") == "results"
    assert label_kind("Purpose") == "objective"
    assert label_kind("Funding") == "funding"
    assert label_kind("Trial registration") == "registration"
    assert label_kind("Efficacy of the drug") is None


@pytest.mark.shared
def test_printed_labels_of_the_realistic_corpus_are_read():
    """PubMed's flattened form of 300 abstracts: the labels the journals printed, and the titles."""
    path = SHARED / "corpus" / "realistic" / "ei-oncology-300.jsonl"
    if not path.exists():
        pytest.skip("../shared/corpus is not beside the project")
    rows = [json.loads(line) for line in path.open()]
    same = labelled = titles = 0
    for row in rows:
        text = row["title"] + "\n\n" + row["abstract"]
        structure = read_structure(text)
        titles += structure.title == row["title"].strip(" .")
        printed = [s["label"].strip().rstrip(":.").upper() for s in row["meta"]["sections"] if s["label"]]
        if len(printed) >= 2:
            labelled += 1
            same += [s.label.upper() for s in structure.sections if s.label][:len(printed)] == printed
    assert titles == len(rows)
    assert same >= labelled - 1


def test_a_sentence_may_open_on_a_lower_case_abbreviation():
    text = "Median OS was 11.3 months with EOC. mEOC+P was associated with more diarrhoea. pCR was 20%."
    assert [s.text for s in read_structure(text).sentences] == [
        "Median OS was 11.3 months with EOC.", "mEOC+P was associated with more diarrhoea.", "pCR was 20%."]


def test_labels_in_square_brackets():
    text = ("[Purpose] This study evaluated caregiver education. [Subjects and Methods] Patients were divided into "
            "experimental and control groups. [Results] Muscle strength increased significantly in the experimental "
            "group. [Conclusion] Education helped.")
    structure = read_structure(text)
    assert [(s.section, s.text[:12]) for s in structure.sentences] == [
        ("objective", "This study e"), ("methods", "Patients wer"), ("results", "Muscle stren"), ("conclusion", "Education he")]
    assert structure.labelled


def test_a_finding_of_no_significant_difference_is_a_result_in_unlabelled_text():
    text = ("This randomized phase IIb study compared trabedersen with chemotherapy in 145 patients. "
            "Patients were randomly assigned to receive trabedersen at doses of 10 or 80 µM or standard chemotherapy. "
            "Primary endpoint was 6-month tumor control rate, and secondary endpoints included survival. "
            "Six-month tumor control rates were not significantly different in the entire study population (AA and GBM). "
            "Prespecified AA subgroup analysis showed a significant benefit for trabedersen vs chemotherapy (p= .0032). "
            "The 2-year survival rate had a trend for superiority for trabedersen (p = .10).")
    assert [s.section for s in read_structure(text).sentences][3:] == ["results"] * 3


def test_centres_are_methods_and_highly_effective_is_a_conclusion():
    text = ("The aim of this study was to assess patients' uptake of the trial results. Breast cancer patients were "
            "randomly subdivided into an Internet group and a control group. Among 115 HER2-positive women from 21 "
            "centres, 107 (93%) answered a self-administered questionnaire. Most of the patients in both groups had "
            "access to the Internet (72.0%). Uptake was slightly higher (47.1% vs 33.9% P=0.166). With a "
            "97% detection rate, the procedure is highly effective.")
    sections = [s.section for s in read_structure(text).sentences]
    assert sections[2] == "methods" and sections[-1] == "conclusion"


def test_markup_is_taken_from_a_line_only_where_it_has_a_mark():
    from extractor.structure import _without_markup

    assert _without_markup("# **A randomised trial**") == "A randomised trial"
    assert _without_markup("<h1>A trial</h1>") == "A trial"
    assert _without_markup("A trial of X_1 in Y") == "A trial of X_1 in Y"
    assert _without_markup("A plain title") == "A plain title"


def _corpus_sentences(limit: int = 400) -> list[Sentence]:
    path = SHARED / "corpus" / "bulk" / "pmc-abstracts.jsonl"
    if not path.exists():
        pytest.skip("../shared/corpus is not beside the project")
    with path.open() as lines:
        rows = [json.loads(line) for _, line in zip(range(limit), lines, strict=False)]
    return [s for row in rows for s in read_structure(row["abstract"], row.get("title")).sentences]


def test_cue_counts_tested_by_their_words_are_the_counts_of_the_plain_search():
    """A sentence lacking a cue's needed words is not searched: every count is still findall's."""
    sentences = _corpus_sentences()
    sentences += [Sentence(0, len(t), t, BODY, 0) for t in (
        "Little is known about X.", "We aimed to assess whether Y works.", "HR 0.7; 95% CI 0.5-0.9; p=0.01.",
        "These findings suggest that Z is feasible and safe.", "Patients were randomised to receive A or B.", "")]
    for s in sentences:
        plain = [len(_CUES[kind].findall(s.text.lower())) for kind in _ORDER]
        assert _cue_scores(s) == plain, s.text
        for kind in (BACKGROUND, OBJECTIVE):
            assert _has_cue(kind, s.text.lower()) == bool(_CUES[kind].search(s.text.lower())), s.text


def test_a_share_written_in_words_is_a_results_cue():
    """ "Forty-six percent of the tumors …" has no digit: its percent word still says it reports a result."""
    assert _has_cue("results", "forty-six percent of the tumors expressed the marker.")
    assert _has_cue("results", "seventy per cent completed treatment.")
    assert not _has_cue("results", "the percentage of patients with a response was assessed.")
