"""Format invariance: the same document in six layouts gives the same records."""

from __future__ import annotations

import json

import pytest

from extractor.backends.rules import RulesBackend
from extractor.documents import Document
from extractor.evaluation.gold import load_gold
from extractor.evaluation.layouts import LAYOUTS, check, render, signature
from tests.conftest import ROOT

TEXT = ("Drug A plus drug B in gastric cancer: a randomised phase III trial\n\n"
        "BACKGROUND: Gastric cancer is common. METHODS: 300 patients were randomly assigned to drug A plus drug B or "
        "drug B alone. RESULTS: Median overall survival was 12.1 months versus 9.5 months (hazard ratio 0.71, "
        "95% CI 0.58-0.87; p=0.001). CONCLUSIONS: Drug A improves survival.")


def test_each_layout_is_written_as_users_paste_it():
    doc = Document(doc_id="d", text=TEXT)
    assert render(doc, "printed") is doc
    line_labels = render(doc, "line_labels").text
    assert "\nMETHODS: 300 patients" in line_labels and line_labels.startswith("Drug A plus drug B")
    titled = render(doc, "title_field")
    assert titled.title == "Drug A plus drug B in gastric cancer: a randomised phase III trial"
    assert titled.text.startswith("BACKGROUND: Gastric cancer")
    assert "\n## Methods\n\n300 patients" in render(doc, "markdown").text
    assert "\nMethods\n300 patients" in render(doc, "lancet").text
    unlabelled = render(doc, "unlabelled").text
    assert "METHODS" not in unlabelled and "common. 300 patients were" in unlabelled
    with pytest.raises(ValueError, match="unknown layout"):
        render(doc, "pdf")


def test_every_sentence_survives_every_layout_verbatim():
    doc = Document(doc_id="d", text=TEXT)
    sentences = ["Gastric cancer is common.", "Drug A improves survival.",
                 "Median overall survival was 12.1 months versus 9.5 months (hazard ratio 0.71, 95% CI 0.58-0.87; p=0.001)."]
    for layout in LAYOUTS:
        assert all(s in render(doc, layout).text for s in sentences), layout


def test_signature_ignores_evidence_but_not_values():
    backend = RulesBackend()
    first = backend.extract(Document(doc_id="d", text=TEXT))
    assert signature(first) == signature(backend.extract(render(Document(doc_id="d", text=TEXT), "markdown")))
    changed = first.model_copy(deep=True)
    changed.trials[0].results[0].value = 99.0
    assert signature(changed) != signature(first)


def test_a_backend_that_reads_layout_is_caught():
    """check() must fail a backend whose records depend on layout (here: it drops results from Markdown)."""
    backend = RulesBackend()

    def fragile(document: Document):
        result = backend.extract(document)
        if document.text.startswith("# "):
            for trial in result.trials:
                trial.results = []
        return result

    kept: dict[str, int] = {}
    found = check([Document(doc_id="d", text=TEXT)], fragile,
                  keep=lambda layout, result: kept.__setitem__(layout, len(result.trials[0].results)))
    assert found.same == 0 and list(found.differences["d"]) == ["markdown"]
    assert set(kept) == set(LAYOUTS) and kept["markdown"] == 0 and kept["printed"] == kept["lancet"] > 0


def test_a_registry_number_in_a_title_given_apart_is_read():
    text = TEXT.replace("phase III trial\n", "phase III trial (NCT00506311)\n")
    for layout in ("printed", "title_field"):
        records = RulesBackend().extract(render(Document(doc_id="d", text=text), layout)).trials
        assert [t.registry_ids for t in records] == [["NCT00506311"]], layout


def test_gold_documents_give_the_same_records_in_all_six_layouts():
    """The issue's bar: at least 95% of gold documents identical in every layout (the eval prints the rate)."""
    gold = load_gold(ROOT / "evals" / "gold")
    found = check((g.document() for g in gold), RulesBackend().extract)
    assert found.documents == len(gold) >= 100
    locked = set(json.loads((ROOT / "evals" / "split.json").read_text())["test"])
    shown = sorted(d for d in found.differences if d not in locked)  # the locked split's are counted, never named
    assert found.rate is not None and found.rate >= 0.95, (shown, f"and {len(found.differences) - len(shown)} of the test split")


def test_the_eval_scores_each_layout_apart():
    """layout_invariance scores every layout's records against the gold (the reviewer scores each layout)."""
    from extractor.evaluation.harness import layout_invariance
    from extractor.evaluation.scoring import score_all

    gold = load_gold(ROOT / "evals" / "gold")[:4]
    backend = RulesBackend()
    found = layout_invariance(gold, backend)
    assert list(found["scores"]) == list(LAYOUTS)
    printed = score_all(gold, {g.doc_id: backend.extract(g.document()) for g in gold})
    assert found["scores"]["printed"] == {"field_f1": round(printed.field_f1, 4), "results_f1": round(printed.results_f1, 4)}
