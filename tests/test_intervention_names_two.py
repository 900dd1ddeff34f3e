"""How an arm's interventions are named, second set: one test per phrase shape."""

from __future__ import annotations

from extractor import extract
from extractor.backends.rules.arms import interventions_in
from extractor.backends.rules.backend import _compared, _names_as_written
from extractor.backends.rules.lexicon import find_drugs
from extractor.documents import Document
from extractor.structure import Sentence


def _names(text: str) -> list[str]:
    return [str(i["name"]) for i in interventions_in(text)]


def test_a_drug_joined_by_another_hyphen_is_read_and_named_as_written():
    # PubMed text joins words with U+2010: "nab‐paclitaxel" is nab-paclitaxel, not paclitaxel
    assert _names("gemcitabine/nab\u2010paclitaxel plus apatorsen") == ["gemcitabine", "nab\u2010paclitaxel", "apatorsen"]
    assert [m.drug.name for m in find_drugs("5\u2010FU and S\u20111", code_names=True)] == ["5-fluorouracil", "s-1"]
    assert [m.text for m in find_drugs("5\u2010fluorouracil")] == ["5\u2010fluorouracil"]


def _trial_names(text: str) -> set[str]:
    record = extract(Document(doc_id="t", text=text))
    return {i.name for t in record.trials for a in t.arms for i in a.interventions}


def test_what_a_design_sentence_without_a_randomisation_compares_is_the_trials():
    # "X and Y were compared in a … study": both, not the chemotherapy the patients were having
    text = ("Anti-emetic efficacy and toxicity of nabilone, a synthetic cannabinoid, in lung cancer chemotherapy.\n\n"
            "Nabilone, a synthetic cannabinoid, and Prochlorperazine were compared in a double-blind crossover study "
            "of 34 patients with lung cancer undergoing a 3-day schedule of chemotherapy with Cyclophosphamide, "
            "Adriamycin and Etoposide. Symptom scores were significantly better for patients on nabilone (P < 0.05).")
    assert _trial_names(text) == {"nabilone", "Prochlorperazine"}


def _sentence(text: str) -> Sentence:
    return Sentence(start=0, end=len(text), text=text, section="methods", index=0)


def test_the_two_sides_of_comparing_x_with_y():
    text = "We report a randomised trial comparing neuromuscular exercise to quadriceps strengthening exercise in 100 adults."
    assert _compared([_sentence(text)]) == "neuromuscular exercise and quadriceps strengthening exercise"
    assert _compared([_sentence("PFS was longer in the second cohort compared with the first.")]) == ""


def test_azacitidine_spelled_azacytidine_is_a_drug():
    assert _names("Azacytidine (Vidaza) in myelodysplastic syndromes") == ["Azacytidine"]
    assert [m.drug.name for m in find_drugs("the methyl transferase inhibitor 5 Azacytidine")] == ["azacitidine"]


def test_a_name_that_says_only_that_there_was_a_treatment_names_none():
    arms = [[{"name": "combined treatment", "type": "other", "target": None, "dose": None, "schedule": None},
             {"name": "verapamil", "type": "drug", "target": None, "dose": None, "schedule": None}],
            [{"name": "their treatment", "type": "other", "target": None, "dose": None, "schedule": None},
             {"name": "standard treatment", "type": "other", "target": None, "dose": None, "schedule": None}]]
    _names_as_written(arms, "")
    assert [[i["name"] for i in given] for given in arms] == [["verapamil"], ["standard treatment"]]
