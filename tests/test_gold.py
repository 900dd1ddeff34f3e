"""Every gold file obeys schemas/gold.schema.json and quotes its own text."""

from __future__ import annotations

import json
import re
from pathlib import Path

import jsonschema
import pytest

from extractor.evaluation.gold import GoldFile
from extractor.evaluation.harness import load_selected
from extractor.schema import GOLD_SCHEMA_FILE
from tests.conftest import ROOT

GOLD = sorted((ROOT / "evals" / "gold").glob("*.json"))


def test_there_is_a_gold_set():
    assert len(GOLD) >= 5


@pytest.mark.parametrize("path", GOLD, ids=[p.stem for p in GOLD])
def test_gold_file(path: Path):
    data = json.loads(path.read_text(encoding="utf-8"))
    jsonschema.validate(data, json.loads(GOLD_SCHEMA_FILE.read_text()))
    gold = GoldFile.model_validate(data)
    assert gold.is_trial_report or not gold.trials
    for trial in gold.trials:
        labels = {arm.label for arm in trial.arms or []}
        for result in trial.results or []:
            assert result.evidence in gold.text, (path.name, result.evidence[:60])
            assert result.arm is None or result.arm in labels, (path.name, result.arm)


def test_gold_texts_are_what_the_extractor_reads():
    """Gold for the bundled examples quotes exactly the text the readers hand the backend."""
    from extractor.documents import Document
    from extractor.readers import read_documents

    docs = {d.doc_id: d for d in read_documents([str(ROOT / "examples")]) if isinstance(d, Document)}
    checked = 0
    for path in GOLD:
        gold = json.loads(path.read_text(encoding="utf-8"))
        if gold["doc_id"] in docs:
            assert docs[gold["doc_id"]].text == gold["text"], path.name
            checked += 1
    assert checked == 16  # 12 listing entries, bulletin, scraped page, paper, review


def test_problems_name_the_field_they_concern():
    from extractor.evaluation.gold import check, problems

    gold = GoldFile.model_validate({
        "doc_id": "d", "source": "t", "text": "The ORR was 40% in arm A.", "is_trial_report": True,
        "trials": [{"role": "reported", "arms": [{"label": "A"}], "results": [
            {"endpoint": "ORR", "measure": "proportion", "value": 40, "unit": "percent",
             "evidence": "The ORR was 40%", "arm": "A"},
            {"endpoint": "ORR", "measure": "proportion", "value": 41, "unit": "months", "arm": "B",
             "evidence": "The ORR was 40%"}]}]})
    found = {(p.path, p.message) for p in problems(gold)}
    assert found == {
        (("trials", 0, "results", 1, "evidence"), "evidence does not contain the value"),
        (("trials", 0, "results", 1, "arm"), "arm 'B' is not the label of an arm"),
        (("trials", 0, "results", 1, "unit"), "unit months does not fit measure proportion"),
    }
    assert "trials[0].results[1] (ORR 41.0): evidence does not contain the value" in check(gold)


def _stretches(text: str, width: int = 50, step: int = 25) -> set[str]:
    return {text[i:i + width] for i in range(0, max(1, len(text) - width), step)}


def _source_text(folders: list[Path]) -> str:
    """Every Python source under ``folders``, with implicitly concatenated string literals joined."""
    joined = re.compile(r'"\s*\n\s*"')
    return "\n".join(joined.sub("", p.read_text(encoding="utf-8")) for f in folders for p in sorted(f.rglob("*.py")))


def test_no_rule_or_test_quotes_a_document_of_the_locked_test_split():
    # The test split is scored, never read while writing rules: a 50-character stretch of one of its
    # documents in the rules or the tests means a sentence was copied from it.
    source = _source_text([ROOT / "extractor", ROOT / "tests"])
    quoted = sorted(gold.doc_id for gold in load_selected(ROOT / "evals" / "gold", "test")
                    if any(s in source for s in _stretches(gold.text)))
    assert quoted == []
