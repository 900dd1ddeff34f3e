"""The committed JSON Schema is the one the models generate, and every output line obeys it."""

from __future__ import annotations

import json

import jsonschema
import pytest

from extractor import extract
from extractor.documents import Document
from extractor.grounding import value_in
from extractor.readers import read_documents
from extractor.schema import SCHEMA_FILE, committed, document_schema, render
from tests.conftest import EXAMPLES, SHARED, read_jsonl, run_cli

DEV = SHARED / "corpus" / "dev" / "oncology-abstracts.jsonl"


def test_committed_schemas_match_models():
    assert SCHEMA_FILE.read_text() == render(document_schema()), "run: trialx schema --write"
    for path, text in committed().items():
        assert path.read_text() == text, f"{path} is stale: run trialx schema --write"


def test_schema_names_the_contract_fields():
    schema = document_schema()
    trial = schema["$defs"]["TrialRecord"]["properties"]
    for name in ("role", "registry_ids", "acronym", "title", "phases", "allocation", "masking",
                 "multicenter", "countries", "conditions", "enrollment", "arms", "endpoints",
                 "results", "primary_endpoint_met", "conclusion"):
        assert name in trial
        assert trial[name].get("description"), f"{name} has no docstring"
    result = schema["$defs"]["Result"]["properties"]
    for name in ("endpoint", "name", "measure", "value", "unit", "ci_low", "ci_high", "ci_level",
                 "timepoint", "arm", "subgroup", "numerator", "denominator", "p_value",
                 "p_relation", "not_reached", "evidence"):
        assert name in result


def test_every_line_of_extract_validates(tmp_path):
    out = tmp_path / "out.jsonl"
    proc = run_cli("extract", str(EXAMPLES), "-o", str(out))
    assert proc.returncode == 0, proc.stderr.decode()
    validator = jsonschema.Draft202012Validator(json.loads(SCHEMA_FILE.read_text()))
    lines = read_jsonl(out)
    assert len(lines) == 16  # 12 listing entries + 4 single documents
    for line in lines:
        errors = list(validator.iter_errors(line))
        assert not errors, (line["doc_id"], errors[0].message)


def test_schema_rejects_a_broken_record():
    validator = jsonschema.Draft202012Validator(json.loads(SCHEMA_FILE.read_text()))
    good = json.loads(extract("A randomised phase III trial (NCT01234567).").model_dump_json())
    assert not list(validator.iter_errors(good))
    bad = dict(good, trials=[{"role": "cited"}])
    assert list(validator.iter_errors(bad))


def test_every_evidence_is_verbatim_and_holds_its_number():
    docs = [d for d in read_documents([str(EXAMPLES)]) if isinstance(d, Document)]
    checked = 0
    for doc in docs:
        for trial in extract(doc).trials:
            for result in trial.results:
                assert result.evidence in doc.text
                assert doc.text[result.evidence_start:].startswith(result.evidence)
                if result.value is not None:
                    assert value_in(result.value, result.evidence), (doc.doc_id, result)
                else:
                    assert result.not_reached
                checked += 1
    assert checked > 100


@pytest.mark.shared
@pytest.mark.skipif(not DEV.exists(), reason="../shared/corpus/dev is not beside this checkout")
def test_evidence_holds_on_the_dev_abstracts():
    checked = 0
    for doc in read_documents([str(DEV)]):
        assert isinstance(doc, Document)
        result = extract(doc)
        jsonschema.validate(json.loads(result.model_dump_json()), json.loads(SCHEMA_FILE.read_text()))
        for trial in result.trials:
            for r in trial.results:
                assert doc.text[r.evidence_start: r.evidence_start + len(r.evidence)] == r.evidence
                if r.value is not None:
                    assert value_in(r.value, r.evidence), r
                checked += 1
    assert checked > 150
