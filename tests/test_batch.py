"""trialx batch: prepare, submit, status, collect against the fake server's Files and Batch APIs."""

from __future__ import annotations

import json
import re
import uuid
from pathlib import Path

import pytest

from extractor.backends.llm import OpenAIBackend
from extractor.backends.llm.usage import BUILTIN_PRICES, load_prices
from extractor.batch_jobs import (
    BatchError,
    CollectOptions,
    NotReady,
    PrepareOptions,
    RequestFile,
    collect,
    prepare,
    rerun_command,
    status,
    submit,
)
from extractor.pipeline import JobOptions, run_job
from extractor.testing.fake_openai import completion, document_of, rules_responder
from tests.conftest import EXAMPLES, read_jsonl, run_cli
from tests.test_llm_pipeline import corpus, ids_of

MODEL = "gpt-4o-mini"  # a model with a price, so that batch pricing shows


def settings(server, **extra) -> dict:
    return {"model": MODEL, "base_url": server.base_url, **extra}


def prepared(tmp_path: Path, server, inputs: list[str], **extra) -> RequestFile:
    options = PrepareOptions(inputs=inputs, output=str(tmp_path / "requests.jsonl"),
                             backend_options=settings(server, **extra.pop("llm", {})), **extra)
    prepare(options)
    return RequestFile(tmp_path / "requests.jsonl")


def collected(tmp_path: Path, files: list[RequestFile], name: str = "out.jsonl", **extra):
    job = JobOptions(inputs=[], output=str(tmp_path / name), backend="openai", resume=extra.pop("resume", False))
    return collect(CollectOptions(files, **extra), job, sleep=lambda _: None)


def online(server, tmp_path: Path, inputs: list[str], name: str = "out.jsonl", **flags):
    """``trialx extract --backend openai --resume`` into ``name``: the rerun collect asks for."""
    options = JobOptions(inputs=inputs, output=str(tmp_path / name), backend="openai", resume=True,
                         backend_options=settings(server, **flags))
    return run_job(options)


def lines(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_bytes().splitlines() if line.strip()]


def run_batch(file: RequestFile, server, *, force: bool = False) -> dict:
    """Submit and look at the batch until it has ended (the fake advances one status per look)."""
    seen = [submit(file, {}, force=force)["status"]]
    while seen[-1] not in ("completed", "failed", "expired", "cancelled"):
        seen.append(status(file, {})["status"])
    return {"statuses": seen, **file.read_state()}


def split_files(tmp_path: Path) -> list[RequestFile]:
    names = sorted((p.name for p in tmp_path.glob("requests*.jsonl") if ".jsonl." not in p.name), key=len)
    return [RequestFile(tmp_path / name) for name in names]


# ---------------------------------------------------------------- the round trip

def test_round_trip_then_no_request_online(fake_openai, tmp_path):
    docs = corpus(tmp_path, 6)
    cache = str(tmp_path / "prepared-cache")  # not the environment's: collect stores where prepare looked
    file = prepared(tmp_path, fake_openai, [str(docs)], llm={"cache_dir": cache})
    assert len(lines(file.path)) == 6 and not fake_openai.chat_requests()
    state = run_batch(file, fake_openai)
    assert state["statuses"] == ["validating", "in_progress", "finalizing", "completed"]
    assert state["request_counts"] == {"total": 6, "completed": 6, "failed": 0}
    summary = collected(tmp_path, [file])
    assert summary.written == 6 and summary.errors == 0 and not fake_openai.chat_requests()
    assert summary.batch and summary.requests == 6
    records = read_jsonl(tmp_path / "out.jsonl")
    assert all(r["usage"]["batch"] and r["backend"] == "openai" for r in records)
    assert fake_openai.batches.lines_answered == 6
    # Online, with the same settings and a new output: every document from the cache, zero requests.
    again = online(fake_openai, tmp_path, [str(docs)], "online.jsonl", cache_dir=cache)
    assert again.written == 6 and again.cached == 6 and not fake_openai.chat_requests()
    assert f"--cache-dir={cache}" in rerun_command(file, "out.jsonl")
    assert {r["doc_id"]: r["trials"] for r in read_jsonl(tmp_path / "online.jsonl")} == \
        {r["doc_id"]: r["trials"] for r in records}


def test_batch_records_equal_the_online_records(fake_openai, tmp_path):
    docs = corpus(tmp_path, 4)
    first = online(fake_openai, tmp_path, [str(docs)], "online.jsonl", no_cache=True)
    assert first.written == 4
    file = prepared(tmp_path, fake_openai, [str(docs)])
    run_batch(file, fake_openai)
    collected(tmp_path, [file])
    by_id = {r["doc_id"]: r for r in read_jsonl(tmp_path / "out.jsonl")}
    for record in read_jsonl(tmp_path / "online.jsonl"):
        assert by_id[record["doc_id"]]["trials"] == record["trials"]


@pytest.mark.parametrize("mode", ["tools", "json_schema", "json", "md_json"])
def test_a_request_line_is_the_body_the_online_path_sends(fake_openai, tmp_path, mode):
    paper = EXAMPLES / "paper-regorafenib-sintilimab.md"  # split into parts: one request each
    online(fake_openai, tmp_path, [str(paper)], "online.jsonl", no_cache=True, mode=mode, token_budget=3000)
    sent = [r.raw for r in fake_openai.chat_requests()]
    assert len(sent) > 2
    file = prepared(tmp_path, fake_openai, [str(paper)], llm={"mode": mode, "token_budget": 3000})
    raw = file.path.read_bytes().splitlines()
    bodies = [line[line.index(b'"body": ') + 8:-1] for line in raw]
    assert bodies == sent  # byte for byte
    for line in map(json.loads, raw):
        assert line["method"] == "POST" and line["url"] == "/v1/chat/completions"
    ids = [json.loads(line)["custom_id"] for line in raw]
    assert len(set(ids)) == len(ids) and all(re.fullmatch(r"[0-9a-f]{48}-\d+", i) for i in ids)


def test_collect_in_a_new_process_finds_the_batch_saved_by_submit(fake_openai, tmp_path):
    docs = corpus(tmp_path, 3)
    llm = ["--base-url", fake_openai.base_url, "--model", MODEL]
    out, requests = tmp_path / "out.jsonl", tmp_path / "requests.jsonl"
    made = run_cli("batch", "prepare", str(docs), "-o", str(requests), *llm, "--summary-json", str(tmp_path / "p.json"))
    assert made.returncode == 0, made.stderr.decode()
    plan = json.loads((tmp_path / "p.json").read_text())
    assert plan["requests"] == plan["documents"] == 3 and plan["files"] == [str(requests)]
    assert plan["prompt_tokens"] == requests.stat().st_size // 4 and plan["input_cost_usd"] > 0
    proc = run_cli("batch", "submit", str(requests))
    assert proc.returncode == 0, proc.stderr.decode()
    batch_id = json.loads((tmp_path / "requests.jsonl.batch.json").read_text())["batch_id"]
    assert batch_id in proc.stderr.decode()
    # Another process, later: the batch has not ended yet.
    early = run_cli("batch", "collect", str(requests), "-o", str(out))
    assert early.returncode == 5 and "in_progress" in early.stderr.decode() and not out.exists()
    seen = run_cli("batch", "status", str(requests), "--json")
    assert seen.returncode == 0 and json.loads(seen.stdout)[0]["status"] == "finalizing"
    done = run_cli("batch", "collect", str(requests), "-o", str(out), "--summary-json", str(tmp_path / "s.json"))
    assert done.returncode == 0, done.stderr.decode()
    assert len(ids_of(out)) == 3 and not fake_openai.chat_requests()
    summary = json.loads((tmp_path / "s.json").read_text())
    assert summary["usage"]["batch"] and summary["usage"]["requests"] == 3
    assert "batch prices" in done.stderr.decode()
    rerun = run_cli("extract", str(docs), "-o", str(tmp_path / "again.jsonl"), "--backend", "openai", *llm)
    assert rerun.returncode == 0 and not fake_openai.chat_requests()
    assert len(fake_openai.batches.batches) == 1


def test_a_submit_killed_after_creating_the_batch_finds_it_instead_of_paying_twice(fake_openai, tmp_path,
                                                                                  monkeypatch):
    file = prepared(tmp_path, fake_openai, [str(corpus(tmp_path, 2))])
    saved = RequestFile.write_state
    calls = []

    def dies_on_the_third_save(self, state):
        calls.append(dict(state))
        if len(calls) == 3:  # upload saved, submission token saved, batch created: killed before saving it
            raise KeyboardInterrupt
        saved(self, state)

    monkeypatch.setattr(RequestFile, "write_state", dies_on_the_third_save)
    with pytest.raises(KeyboardInterrupt):
        submit(file, {})
    monkeypatch.setattr(RequestFile, "write_state", saved)
    assert len(fake_openai.batches.batches) == 1 and "batch_id" not in file.read_state()
    state = submit(file, {})
    assert len(fake_openai.batches.batches) == 1 and state["batch_id"] in fake_openai.batches.batches
    assert len(fake_openai.batches.files) == 1  # not uploaded twice either


def test_submitting_twice_is_refused_unless_forced(fake_openai, tmp_path):
    file = prepared(tmp_path, fake_openai, [str(corpus(tmp_path, 2))])
    first = submit(file, {})
    with pytest.raises(BatchError, match="submitted already as " + first["batch_id"]):
        submit(file, {})
    second = submit(file, {}, force=True)
    assert second["batch_id"] != first["batch_id"]
    assert second["previous"][0]["batch_id"] == first["batch_id"]


def test_a_refused_upload_names_the_failure_and_a_later_submit_works(fake_openai, tmp_path):
    file = prepared(tmp_path, fake_openai, [str(corpus(tmp_path, 2))])
    fake_openai.add_fault("upload")
    with pytest.raises(BatchError, match=r"uploading .*requests.jsonl failed: the endpoint answered 400"):
        submit(file, {})
    assert not fake_openai.batches.batches
    assert run_batch(file, fake_openai)["status"] == "completed"


# ---------------------------------------------------------------- what has no answer

def test_an_expired_batch_writes_what_it_answered_and_lists_the_rest(fake_openai, tmp_path):
    docs = corpus(tmp_path, 6)
    file = prepared(tmp_path, fake_openai, [str(docs)])
    fake_openai.add_fault("expire", answered=4)
    assert run_batch(file, fake_openai)["statuses"][-1] == "expired"
    summary = collected(tmp_path, [file])
    assert summary.written == 4 and summary.errors == 2 and not fake_openai.chat_requests()
    errors = read_jsonl(tmp_path / "out.errors.jsonl")
    assert all("the batch did not run it (batch_expired" in e["reason"] and "rerun it online" in e["reason"]
               for e in errors)
    listed = {e["doc_id"] for e in errors}
    texts = {r["id"]: r["abstract"] for r in read_jsonl(docs)}
    # The rerun online asks for the two listed documents only, then a second rerun for nothing.
    rerun = online(fake_openai, tmp_path, [str(docs)])
    assert rerun.written == 2 and rerun.skipped == 4
    assert {r.document for r in fake_openai.chat_requests()} == {texts[i] for i in listed}
    assert sorted(ids_of(tmp_path / "out.jsonl")) == sorted(texts)
    assert not (tmp_path / "out.errors.jsonl").read_text().strip()
    count = len(fake_openai.chat_requests())
    assert online(fake_openai, tmp_path, [str(docs)]).skipped == 6 and len(fake_openai.chat_requests()) == count


def test_answers_that_fail_validation_are_listed_not_salvaged(fake_openai, tmp_path):
    docs = corpus(tmp_path, 4)
    fake_openai.add_fault("ungrounded", match="drug1,")
    fake_openai.add_fault("schema", match="drug2,")
    file = prepared(tmp_path, fake_openai, [str(docs)])
    run_batch(file, fake_openai)
    summary = collected(tmp_path, [file])
    assert summary.written == 2 and summary.errors == 2
    reasons = {e["doc_id"]: e["reason"] for e in read_jsonl(tmp_path / "out.errors.jsonl")}
    assert "not a verbatim quote" in reasons["d1"] and "the batch answer failed validation" in reasons["d1"]
    assert "failed validation" in reasons["d2"] and "rerun it online" in reasons["d2"]
    # Nothing of theirs was cached: online, they are asked (and pass: the faults are used up).
    rerun = online(fake_openai, tmp_path, [str(docs)])
    assert rerun.written == 2 and len(fake_openai.chat_requests()) == 2


def test_a_failing_line_names_its_status_and_message(fake_openai, tmp_path):
    fake_openai.add_fault("500", match="drug0,")
    file = prepared(tmp_path, fake_openai, [str(corpus(tmp_path, 3))])
    assert run_batch(file, fake_openai)["request_counts"] == {"total": 3, "completed": 2, "failed": 1}
    assert collected(tmp_path, [file]).errors == 1
    assert "the batch request failed (500: fake 500 fault)" in read_jsonl(tmp_path / "out.errors.jsonl")[0]["reason"]


def test_a_batch_that_failed_validation_lists_every_document_with_its_reason(fake_openai, tmp_path):
    fake_openai.add_fault("batch_fail")
    file = prepared(tmp_path, fake_openai, [str(corpus(tmp_path, 3))])
    assert run_batch(file, fake_openai)["statuses"] == ["validating", "failed"]
    summary = collected(tmp_path, [file])
    assert summary.errors == 3 and summary.written == 0
    assert all("the batch failed (fake batch_fail fault" in e["reason"]
               for e in read_jsonl(tmp_path / "out.errors.jsonl"))


def test_a_cancelled_batch_is_collected_as_far_as_it_went(fake_openai, tmp_path):
    from extractor.batch_jobs import cancel

    file = prepared(tmp_path, fake_openai, [str(corpus(tmp_path, 4))])
    submit(file, {})
    assert cancel(file, {})["status"] == "cancelling"
    summary = collected(tmp_path, [file])
    assert file.read_state()["status"] == "cancelled"
    assert summary.written == 2 and summary.errors == 2
    assert all("cancelled before answering it" in e["reason"] for e in read_jsonl(tmp_path / "out.errors.jsonl"))


# ---------------------------------------------------------------- local results, cache, files

def vllm_results(file: RequestFile, target: Path, fail: str | None = None) -> Path:
    """What ``vllm run-batch -i requests.jsonl -o target`` writes: one line per request, in its shape
    (vLLM's BatchRequestOutput: ids ``vllm-...``, errors as a string with a null body)."""
    with target.open("w") as out:
        for line in lines(file.path):
            body, request = line["body"], uuid.uuid4().hex
            document = document_of(body)
            if fail and fail in document:
                result = {"id": f"vllm-{request}", "custom_id": line["custom_id"], "error": "CUDA out of memory",
                          "response": {"status_code": 400, "request_id": f"vllm-batch-{request}", "body": None}}
            else:
                result = {"id": f"vllm-{request}", "custom_id": line["custom_id"], "error": None,
                          "response": {"status_code": 200, "request_id": f"vllm-batch-{request}",
                                       "body": completion(body, rules_responder(document))}}
            out.write(json.dumps(result) + "\n")
    return target


def test_a_local_results_file_from_vllm_run_batch(fake_openai, tmp_path):
    docs = corpus(tmp_path, 4)
    file = prepared(tmp_path, fake_openai, [str(docs)])
    results = vllm_results(file, tmp_path / "results.jsonl", fail="drug3,")
    summary = collected(tmp_path, [file], results=[str(results)])
    assert summary.written == 3 and summary.errors == 1
    assert not fake_openai.chat_requests() and not fake_openai.batches.batches
    assert "CUDA out of memory" in read_jsonl(tmp_path / "out.errors.jsonl")[0]["reason"]


def test_documents_in_the_cache_are_not_prepared_and_still_collected(fake_openai, tmp_path):
    docs = corpus(tmp_path, 5)
    head = tmp_path / "head.jsonl"
    head.write_text("".join(docs.read_text().splitlines(keepends=True)[:2]))
    online(fake_openai, tmp_path, [str(head)], "warm.jsonl")
    asked = len(fake_openai.chat_requests())
    file = prepared(tmp_path, fake_openai, [str(docs)])
    assert len(lines(file.path)) == 3
    run_batch(file, fake_openai)
    summary = collected(tmp_path, [file])
    assert summary.written == 5 and summary.cached == 2 and summary.requests == 3
    assert len(fake_openai.chat_requests()) == asked


def test_an_all_cached_file_needs_no_batch(fake_openai, tmp_path):
    docs = corpus(tmp_path, 2)
    online(fake_openai, tmp_path, [str(docs)], "warm.jsonl")
    file = prepared(tmp_path, fake_openai, [str(docs)])
    assert file.path.read_bytes() == b""
    with pytest.raises(BatchError, match="nothing to submit"):
        submit(file, {})
    assert collected(tmp_path, [file]).written == 2


def test_files_split_at_the_request_limit_and_a_document_never_straddles_two(fake_openai, tmp_path):
    paper = EXAMPLES / "paper-regorafenib-sintilimab.md"  # 5 parts at --token-budget 3000
    prepared(tmp_path, fake_openai, [str(corpus(tmp_path, 5)), str(paper)], max_requests=6,
             llm={"token_budget": 3000})
    files = split_files(tmp_path)
    assert [f.path.name for f in files] == ["requests.jsonl", "requests.2.jsonl"]
    ids = [[x["custom_id"] for x in lines(f.path)] for f in files]
    assert [len(i) for i in ids] == [5, 5] and {i.rsplit("-", 1)[0] for i in ids[1]} == {ids[1][0].rsplit("-")[0]}
    for file in files:
        run_batch(file, fake_openai)
    summary = collected(tmp_path, files)
    assert summary.written == 6 and summary.errors == 0 and not fake_openai.chat_requests()


def test_files_split_at_the_byte_limit(fake_openai, tmp_path):
    docs = corpus(tmp_path, 5)
    first = prepared(tmp_path, fake_openai, [str(docs)])
    largest = max(map(len, first.path.read_bytes().splitlines(keepends=True)))
    prepared(tmp_path, fake_openai, [str(docs)], max_bytes=2 * largest, overwrite=True)
    files = split_files(tmp_path)
    assert len(files) == 3 and all(f.path.stat().st_size <= 2 * largest for f in files)
    assert sum(len(lines(f.path)) for f in files) == 5


def test_a_document_too_large_for_any_file_is_an_error_kept_for_collect(fake_openai, tmp_path):
    paper = EXAMPLES / "paper-regorafenib-sintilimab.md"
    docs = corpus(tmp_path, 2)
    file = prepared(tmp_path, fake_openai, [str(docs), str(paper)], max_requests=2, llm={"token_budget": 3000})
    run_batch(file, fake_openai)
    summary = collected(tmp_path, [file])
    assert summary.written == 2 and summary.errors == 1
    assert "exceed one batch file (--max-requests 2" in read_jsonl(tmp_path / "out.errors.jsonl")[0]["reason"]


def test_documents_of_the_same_text_share_one_request(fake_openai, tmp_path):
    docs = tmp_path / "docs.jsonl"
    text = "In this phase 2 trial of 40 patients, the objective response rate was 35%."
    docs.write_text("".join(json.dumps({"id": f"d{i}", "abstract": text}) + "\n" for i in range(3)))
    file = prepared(tmp_path, fake_openai, [str(docs)])
    assert len(lines(file.path)) == 1
    run_batch(file, fake_openai)
    assert collected(tmp_path, [file]).written == 3


def test_read_errors_and_duplicates_reach_the_errors_file(fake_openai, tmp_path):
    docs = corpus(tmp_path, 2)
    with docs.open("a") as fh:
        fh.write("{not json\n")
        fh.write(json.dumps({"id": "d0", "abstract": "again"}) + "\n")
    file = prepared(tmp_path, fake_openai, [str(docs)])
    run_batch(file, fake_openai)
    summary = collected(tmp_path, [file])
    assert summary.written == 2 and summary.errors == 2
    reasons = " ".join(e["reason"] for e in read_jsonl(tmp_path / "out.errors.jsonl"))
    assert "duplicate doc_id 'd0'" in reasons and "docs.jsonl:3" in " ".join(
        e["source"] for e in read_jsonl(tmp_path / "out.errors.jsonl"))


def test_collect_refuses_answers_to_another_prompt(fake_openai, tmp_path, monkeypatch):
    file = prepared(tmp_path, fake_openai, [str(corpus(tmp_path, 2))])
    run_batch(file, fake_openai)
    other = tmp_path / "prompts" / "extract"
    other.mkdir(parents=True)
    (other / "v2.md").write_text("Another prompt.\n")
    monkeypatch.setenv("TRIALX_PROMPTS_DIR", str(tmp_path / "prompts"))
    with pytest.raises(BatchError, match=r"differ from those .* was prepared with"):
        collected(tmp_path, [file])
    assert not (tmp_path / "out.jsonl").exists()


def test_collect_resumes_and_refuses_to_overwrite(fake_openai, tmp_path):
    from extractor.pipeline import OutputExists

    file = prepared(tmp_path, fake_openai, [str(corpus(tmp_path, 3))])
    run_batch(file, fake_openai)
    collected(tmp_path, [file])
    with pytest.raises(OutputExists):
        collected(tmp_path, [file])
    again = collected(tmp_path, [file], resume=True)
    assert again.skipped == 3 and again.written == 0


def test_the_rerun_command_names_the_prepared_inputs_and_settings(fake_openai, tmp_path):
    docs = corpus(tmp_path, 1)
    file = prepared(tmp_path, fake_openai, [str(docs)], llm={"prompt": "extract@1", "mode": "json_schema"})
    command = rerun_command(file, "out.jsonl")
    assert command[:3] == ["trialx", "extract", str(docs)] and "--resume" in command
    assert {f"--model={MODEL}", f"--base-url={fake_openai.base_url}", "--mode=json_schema",
            "--prompt=extract@1"} <= set(command)


# ---------------------------------------------------------------- prices

def test_batch_prices_halve_the_built_in_ones_and_a_price_file_sets_them(tmp_path):
    batch = load_prices(None, batch=True)
    assert batch[MODEL][:2] == (BUILTIN_PRICES[MODEL][0] / 2, BUILTIN_PRICES[MODEL][1] / 2)
    prices = tmp_path / "prices.toml"
    prices.write_text('[models.m]\ninput_per_mtok = 1.0\noutput_per_mtok = 2.0\n'
                      '[models.b]\ninput_per_mtok = 1.0\noutput_per_mtok = 2.0\n'
                      'batch_input_per_mtok = 0.4\nbatch_output_per_mtok = 0.8\n')
    batch = load_prices(str(prices), batch=True)
    assert batch["m"] == (1.0, 2.0, None)  # no batch price given: its own (never an underestimate)
    assert batch["b"] == (0.4, 0.8, None)
    assert load_prices(str(prices))["b"] == (1.0, 2.0, None)


def test_collected_answers_cost_the_batch_price(fake_openai, tmp_path):
    file = prepared(tmp_path, fake_openai, [str(corpus(tmp_path, 2))])
    run_batch(file, fake_openai)
    summary = collected(tmp_path, [file])
    price = load_prices(None, batch=True)[MODEL]
    expected = round((summary.prompt_tokens * price[0] + summary.completion_tokens * price[1]) / 1e6, 6)
    assert summary.cost_usd == pytest.approx(expected, abs=2e-6) and summary.cost_usd > 0
    full = BUILTIN_PRICES[MODEL]
    assert summary.cost_usd < (summary.prompt_tokens * full[0] + summary.completion_tokens * full[1]) / 1e6 * 0.51


def test_a_backend_answering_from_a_batch_needs_no_key(tmp_path):
    backend = OpenAIBackend(model=MODEL, mode="tools", batch=True)  # OpenAI's endpoint, no OPENAI_API_KEY
    assert backend.batch and backend.price == load_prices(None, batch=True)[MODEL]
    backend.close()


def test_collect_refuses_a_batch_still_running_unless_it_waits(fake_openai, tmp_path):
    file = prepared(tmp_path, fake_openai, [str(corpus(tmp_path, 2))])
    with pytest.raises(BatchError, match="has not been submitted"):
        status(file, {})
    submit(file, {})
    with pytest.raises(NotReady, match="is in_progress"):
        collected(tmp_path, [file])
    assert not (tmp_path / "out.jsonl").exists()
    looks: list[float] = []
    job = JobOptions(inputs=[], output=str(tmp_path / "out.jsonl"), backend="openai")
    summary = collect(CollectOptions([file], wait=30.0), job, sleep=looks.append)
    assert summary.written == 2 and looks == [30.0]  # finalizing, a wait, completed


def test_prepare_refuses_to_write_over_an_earlier_prepare(fake_openai, tmp_path):
    docs = str(corpus(tmp_path, 2))
    file = prepared(tmp_path, fake_openai, [docs])
    submit(file, {})
    with pytest.raises(BatchError, match="exists: pass --overwrite"):
        prepared(tmp_path, fake_openai, [docs])
    prepared(tmp_path, fake_openai, [docs], overwrite=True)
    assert not file.state.exists() and len(lines(file.path)) == 2  # the old batch state went with it


def test_prepare_with_mode_auto_and_no_endpoint_says_to_give_the_mode(tmp_path):
    from extractor.testing.fake_openai import closed_port_url

    options = PrepareOptions(inputs=[str(EXAMPLES / "bulletin-sarcoma-fr.txt")], output=str(tmp_path / "requests.jsonl"),
                             backend_options={"model": MODEL, "base_url": closed_port_url(), "mode": "auto",
                                              "cache_dir": str(tmp_path / "cache")})
    with pytest.raises(BatchError, match="give --mode"):
        prepare(options)
    assert not (tmp_path / "requests.jsonl").exists()
