"""extract@3, the lean request (issue 12 point 6): at most 40% of extract@2's fixed overhead in every
mode, and the same records, shown through the fake server answering with the gold records."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft202012Validator
from pydantic import ValidationError

from extractor.backends import BackendConfigError
from extractor.backends.llm import prompts
from extractor.backends.llm.overhead import Size, measure
from extractor.backends.llm.response import Extraction, LeanExtraction
from extractor.backends.llm.settings import resolve
from extractor.evaluation.gold import load_gold
from extractor.models import Result, TrialRecord
from extractor.testing.fake_openai import FakeOpenAI, GoldResponder, rules_responder
from extractor.testing.replay import overhead, records
from tests.conftest import EXAMPLES, ROOT

MODES = ("tools", "json_schema", "json", "md_json")
GOLD = load_gold(ROOT / "evals" / "gold")
SARCOMA = (EXAMPLES / "bulletin-sarcoma-fr.txt").read_text(encoding="utf-8")
CLOSING = "\n</document>"  # all that follows the document in the user message


# ---------------------------------------------------------------- choosing a version

def test_extract_2_stays_the_default_and_a_bare_name_is_the_latest_version():
    assert resolve({}, env={}).prompt == "extract@2"
    assert prompts.load("extract").label == "extract@3"


def test_the_header_of_extract_3_chooses_the_lean_schema_and_is_not_sent():
    lean, full = prompts.load("extract@3"), prompts.load("extract@2")
    assert (lean.schema, lean.response_model) == ("lean", LeanExtraction)
    assert (full.schema, full.response_model) == ("full", Extraction)
    assert not lean.text.startswith("---") and "schema:" not in lean.text
    assert lean.sha256 == hashlib.sha256(Path(lean.path).read_bytes()).hexdigest()  # the header is hashed too


@pytest.mark.parametrize(("text", "message"), [
    ("---\nschema: tiny\n---\nExtract.", r"v1\.md:2: unknown schema 'tiny'; schemas: full, lean"),
    ("---\nmodel: gpt-4o\n---\nExtract.", r"v1\.md:2: the header takes 'schema: full\|lean' and ends with a '---' "
                                       r"line, not 'model: gpt-4o'"),
    ("---\nschema: lean\nExtract.", r"v1\.md:3: the header .* not 'Extract\.'"),
    ("---\nschema: lean\n", r"v1\.md:1: the header opened with '---' has no closing '---' line"),
])
def test_a_bad_header_is_refused_naming_the_file_and_line(tmp_path, text, message):
    folder = tmp_path / "p" / "mine"
    folder.mkdir(parents=True)
    (folder / "v1.md").write_text(text)
    with pytest.raises(BackendConfigError, match=message):
        prompts.load("mine@1", str(tmp_path / "p"))


# ---------------------------------------------------------------- the lean schema

def _keys(node: Any, skip_names: bool = False) -> set[str]:
    """Every keyword used in a schema (property and definition names are not keywords)."""
    if isinstance(node, list):
        return {k for item in node for k in _keys(item)}
    if not isinstance(node, dict):
        return set()
    found = set() if skip_names else set(node)
    for key, value in node.items():
        found |= _keys(value, skip_names=key in ("properties", "$defs")) if isinstance(value, dict) else _keys(value)
    return found


def test_the_lean_schema_has_no_prose_and_each_vocabulary_once():
    schema = LeanExtraction.model_json_schema()
    Draft202012Validator.check_schema(schema)
    body = {k: v for k, v in schema.items() if k != "title"}  # the top title names the tool
    assert not _keys(body) & {"title", "description", "default", "anyOf"}
    text = json.dumps(schema)
    assert text.count('"PATHOLOGICAL_RESPONSE"') == 1  # the endpoint vocabulary, shared by results and endpoints
    assert text.count('"open_label"') == text.count('"rate_at_time"') == 1
    defs = schema["$defs"]
    assert set(defs["CheckedTrial"]["properties"]) == set(TrialRecord.model_fields)  # the trial's title stays
    assert set(defs["CheckedResult"]["properties"]) == set(Result.model_fields) - {"evidence_start"}


def test_the_lean_model_validates_and_records_as_the_full_one():
    answer = rules_responder(SARCOMA)
    lean = LeanExtraction.model_validate(answer, context={"document": SARCOMA})
    full = Extraction.model_validate(answer, context={"document": SARCOMA})
    assert lean.records(7) == full.records(7) and lean.records()[0].results
    answer["trials"][0]["results"][0]["evidence"] = "A sentence this document does not hold, 42%."
    errors = []
    for model in (LeanExtraction, Extraction):
        with pytest.raises(ValidationError) as caught:
            model.model_validate(answer, context={"document": SARCOMA})
        errors.append([e["msg"] for e in caught.value.errors()])
    assert errors[0] == errors[1] and "not a verbatim quote" in errors[0][0]


def test_every_gold_answer_fits_both_schemas():
    responder = GoldResponder(GOLD)
    checks = [Draft202012Validator(model.model_json_schema()) for model in (LeanExtraction, Extraction)]
    for gold in GOLD:
        answer = responder(gold.text)
        for check in checks:
            assert not [e.message for e in check.iter_errors(answer)], gold.doc_id


# ---------------------------------------------------------------- the overhead

def test_measure_splits_a_request_into_its_fixed_parts():
    body = {"model": "m", "messages": [
        {"role": "system", "content": "PROMPT\n\nschema block"},
        {"role": "user", "content": "Ask.\n\n<title>\nT\n</title>\n\n<document>\nDOC TEXT\n</document>"},
        {"role": "user", "content": "Fenced, please."}],
        "tools": [{"type": "function"}]}
    found = measure(body, "DOC TEXT", "PROMPT", title="T")
    assert found.prompt == Size.of("PROMPT")
    assert found.schema == Size.of("\n\nschema block", '[{"type": "function"}]')
    assert found.user == Size.of("Ask.\n\n<title>\n\n</title>\n\n<document>\n", CLOSING, "Fenced, please.")
    assert found.after_document == Size.of(CLOSING, "Fenced, please.")
    assert found.total.bytes == found.prompt.bytes + found.schema.bytes + found.user.bytes
    with pytest.raises(ValueError, match="does not start with the prompt"):
        measure(body, "DOC TEXT", "OTHER")
    with pytest.raises(ValueError, match="holds the document"):
        measure(body, "ANOTHER DOC", "PROMPT")


@pytest.mark.parametrize("mode", MODES)
def test_extract_3_spends_at_most_40_percent_of_extract_2s_overhead_with_the_static_part_first(
        fake_openai, tmp_path, mode):
    full, _ = overhead(fake_openai, GOLD[0].document(), "extract@2", mode, tmp_path)
    lean, body = overhead(fake_openai, GOLD[0].document(), "extract@3", mode, tmp_path)
    assert lean.total.bytes <= 0.4 * full.total.bytes and lean.total.tokens <= 0.4 * full.total.tokens
    # Everything fixed comes before the document (a provider's prompt cache reuses a shared prefix), but
    # for the closing tag and, in md_json, instructor's request for a fenced answer.
    assert lean.after_document == full.after_document
    assert lean.after_document == Size.of(CLOSING) or mode == "md_json"
    if mode == "json":  # llama.cpp's copy of the schema beside json_object is the lean one too
        assert body["response_format"] == {"type": "json_object", "schema": LeanExtraction.model_json_schema()}


# ---------------------------------------------------------------- nothing lost

def test_gold_responder_answers_with_the_gold_record_and_a_part_with_what_it_quotes():
    responder = GoldResponder(GOLD)
    gold = next(g for g in GOLD if g.trials and getattr(g.trials[0], "results", None))
    answer = responder(gold.text)
    assert answer["is_trial_report"] == gold.is_trial_report
    assert [r["evidence"] for r in answer["trials"][0]["results"]] == [r.evidence for r in gold.trials[0].results]
    assert "results_exhaustive" not in answer["trials"][0]
    longest = max(GOLD, key=lambda g: len(g.text))
    part = longest.text[len(longest.text) // 2:]
    quoted = [r["evidence"] for t in responder(part)["trials"] for r in t["results"]]
    every = [r["evidence"] for t in responder(longest.text)["trials"] for r in t["results"]]
    assert quoted and len(quoted) < len(every) and all(q in part for q in quoted)
    with pytest.raises(LookupError, match="no gold file holds"):
        responder("A document no labeller has seen.")


def test_through_gold_answers_both_versions_write_the_same_records_for_every_gold_document(tmp_path):
    with FakeOpenAI(responder=GoldResponder(GOLD)) as server:
        full, lean = (records(server, GOLD, p, "tools", tmp_path) for p in ("extract@2", "extract@3"))
        assert {r.body["tools"][0]["function"]["name"] for r in server.chat_requests()} == {"Extraction"}
    assert len(full) == len(GOLD)
    assert lean == full
    one = next(g for g in GOLD if g.doc_id == "PMC4717613")  # the answer is the gold record, not something else
    assert [r["evidence"] for t in lean[one.doc_id][1] for r in t["results"]] == [
        r.evidence for t in one.trials for r in t.results]


#: Documents of each kind, chosen by shape: the two long ones (answered part by part), some with a
#: title given apart, some not trial reports, and the first few.
SAMPLE = list({g.doc_id: g for g in (
    sorted(GOLD, key=lambda g: len(g.text))[-2:] + [g for g in GOLD if g.title][:2]
    + [g for g in GOLD if not g.is_trial_report][:2] + GOLD[:3])}.values())


@pytest.mark.parametrize("mode", ["json_schema", "json", "md_json"])
def test_in_the_other_modes_both_versions_write_the_same_records(tmp_path, mode):
    with FakeOpenAI(responder=GoldResponder(GOLD)) as server:
        full, lean = (records(server, SAMPLE, p, mode, tmp_path) for p in ("extract@2", "extract@3"))
    assert len(full) == len(SAMPLE) and lean == full
