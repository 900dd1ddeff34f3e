"""The LLM backend in jobs: the CLI against the fake server, cache, concurrency, resume, settings, prompts."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from extractor.backends import BackendConfigError, choose
from extractor.backends.llm import OpenAIBackend, chunking, prompts
from extractor.backends.llm.settings import LLMSettings, resolve
from extractor.documents import Document
from extractor.pipeline import JobOptions, run_job
from extractor.testing.fake_openai import closed_port_url
from tests.conftest import EXAMPLES, ROOT, read_jsonl, run_cli

SECRET = "sk-trialx-test-SECRET-4242"


def corpus(tmp_path: Path, n: int) -> Path:
    """``n`` small distinct abstracts as JSONL."""
    path = tmp_path / "docs.jsonl"
    with path.open("w") as fh:
        for i in range(n):
            text = (f"In this single-arm phase 2 trial (NCT{10000000 + i}) of drug{i}, {20 + i} patients were "
                    f"enrolled. The objective response rate was {10 + i}.5% and median progression-free survival "
                    f"was {3 + i % 5}.1 months.")
            fh.write(json.dumps({"id": f"d{i}", "abstract": text}) + "\n")
    return path


def llm_args(server, *extra: str) -> list[str]:
    return ["--backend", "openai", "--base-url", server.base_url, "--model", "fake-model", *extra]


def ids_of(path: Path) -> list[str]:
    return [line["doc_id"] for line in read_jsonl(path)] if path.exists() else []


# ---------------------------------------------------------------- CLI, cache, secrets

def test_cli_extracts_then_a_second_run_makes_no_request(fake_openai, tmp_path):
    out, cache = tmp_path / "out.jsonl", tmp_path / "cache-dir"
    args = ["extract", str(EXAMPLES / "bulletin-sarcoma-fr.txt"), str(EXAMPLES / "scraped-alter-e-003.txt"),
            "-o", str(out), *llm_args(fake_openai), "--cache-dir", str(cache), "--summary-json", str(tmp_path / "s.json")]
    first = run_cli(*args)
    assert first.returncode == 0, first.stderr.decode()
    sent = len(fake_openai.chat_requests())
    assert sent == 2
    records = read_jsonl(out)
    assert {r["backend"] for r in records} == {"openai"} and all(r["prompt"] == "extract@2" for r in records)
    assert json.loads((tmp_path / "s.json").read_text())["usage"]["requests"] == 2
    second = run_cli(*args, "--overwrite")
    assert second.returncode == 0, second.stderr.decode()
    assert len(fake_openai.chat_requests()) == sent  # zero HTTP requests
    again = read_jsonl(out)
    assert all(r["usage"]["cached"] for r in again)
    assert {r["doc_id"]: r["trials"] for r in again} == {r["doc_id"]: r["trials"] for r in records}  # any order
    summary = json.loads((tmp_path / "s.json").read_text())["usage"]
    assert summary["cached"] == 2 and summary["requests"] == 0
    third = run_cli(*args, "--overwrite", "--no-cache")
    assert third.returncode == 0 and len(fake_openai.chat_requests()) == sent + 2


def test_the_api_key_is_never_written_anywhere(fake_openai, tmp_path, monkeypatch):
    out, cache = tmp_path / "out.jsonl", tmp_path / "cache-dir"
    fake_openai.add_fault("400", match="Doxorubicin")  # an error line too
    monkeypatch.setenv("OPENAI_API_KEY", SECRET)
    proc = run_cli("extract", str(EXAMPLES), "-o", str(out), *llm_args(fake_openai), "--cache-dir", str(cache),
                   "--summary-json", str(tmp_path / "s.json"))
    assert proc.returncode == 1, proc.stderr.decode()
    assert any(r.headers.get("authorization") == f"Bearer {SECRET}" for r in fake_openai.requests)  # it was used
    written = [p for p in tmp_path.rglob("*") if p.is_file()]
    assert any(p.parent == cache for p in written) and out.exists()
    for path in written:
        assert SECRET.encode() not in path.read_bytes(), path
    assert SECRET.encode() not in proc.stdout + proc.stderr
    stats = run_cli("cache", "stats", "--cache-dir", str(cache), "--json")
    assert SECRET.encode() not in stats.stdout + stats.stderr


def test_errors_are_not_cached(fake_openai, tmp_path):
    backend = OpenAIBackend(model="fake-model", base_url=fake_openai.base_url, cache_dir=str(tmp_path / "c"))
    doc = Document(doc_id="x", text=(EXAMPLES / "bulletin-sarcoma-fr.txt").read_text())
    fake_openai.add_fault("400")
    with pytest.raises(Exception, match="400"):
        backend.extract(doc)
    assert backend.extract(doc).trials  # asked again, answered, cached
    backend.extract(doc)
    assert len(fake_openai.chat_requests()) == 2


def test_cache_key_changes_with_what_changes_the_answer_and_not_with_the_key(tmp_path, monkeypatch):
    base = {"model": "m", "base_url": "http://127.0.0.1:1/v1", "cache_dir": str(tmp_path)}
    digest = OpenAIBackend(**base)._key
    monkeypatch.setenv("OPENAI_API_KEY", SECRET)
    assert OpenAIBackend(**base)._key == digest
    for change in ({"model": "m2"}, {"mode": "json"}, {"prompt": "extract@1"}, {"temperature": 0.5},
                   {"max_reasks": 5}, {"token_budget": 100}, {"base_url": "http://127.0.0.1:2/v1"}):
        assert OpenAIBackend(**{**base, **change})._key != digest, change


def test_cache_stats_and_clear(fake_openai, tmp_path):
    cache = tmp_path / "cache-dir"
    proc = run_cli("extract", str(EXAMPLES / "bulletin-sarcoma-fr.txt"), *llm_args(fake_openai),
                   "--cache-dir", str(cache))
    assert proc.returncode == 0, proc.stderr.decode()
    stats = json.loads(run_cli("cache", "stats", "--cache-dir", str(cache), "--json").stdout)
    assert stats["entries"] == 1 and stats["size_bytes"] > 0 and stats["path"] == str(cache)
    cleared = run_cli("cache", "clear", "--cache-dir", str(cache))
    assert cleared.returncode == 0 and b"removed 1 entries, forgot" in cleared.stderr
    assert json.loads(run_cli("cache", "stats", "--cache-dir", str(cache), "--json").stdout)["entries"] == 0


# ---------------------------------------------------------------- concurrency, resume, job-level errors

def test_concurrent_job_with_faults_loses_and_duplicates_nothing(fake_openai, tmp_path):
    docs = corpus(tmp_path, 40)
    for i, fault in ((3, "400"), (5, "schema"), (7, "drop"), (11, "500"), (13, "malformed"), (17, "429")):
        fake_openai.add_fault(fault, match=f"drug{i},", times=10 if fault in ("schema", "malformed") else 1,
                              retry_after=0.01 if fault == "429" else None)
    out = tmp_path / "out.jsonl"
    options = JobOptions(inputs=[str(docs)], output=str(out), backend="openai", concurrency=8,
                         backend_options={"model": "fake-model", "base_url": fake_openai.base_url,
                                          "no_cache": True, "max_reasks": 1})
    summary = run_job(options)
    written, failed = ids_of(out), [e["doc_id"] for e in read_jsonl(tmp_path / "out.errors.jsonl")]
    assert Counter(written + failed) == Counter(f"d{i}" for i in range(40))  # each id exactly once
    # 400: failed at once; malformed JSON to the end: failed; the rest recovered or kept what was valid
    assert sorted(failed) == ["d13", "d3"] and summary.errors == 2 and summary.written == 38
    assert len(written) == len(set(written))
    by_id = {r["doc_id"]: r for r in read_jsonl(out)}
    assert by_id["d5"]["warnings"] and by_id["d5"]["usage"]["reasks"] == 1
    assert by_id["d7"]["usage"]["requests"] == 2 and by_id["d7"]["usage"]["reasks"] == 0


def test_resume_after_a_partial_run_asks_only_for_the_rest(fake_openai, tmp_path):
    docs = corpus(tmp_path, 12)
    head = tmp_path / "head.jsonl"
    head.write_text("".join(docs.read_text().splitlines(keepends=True)[:5]))
    out = tmp_path / "out.jsonl"
    common = [*llm_args(fake_openai), "--no-cache", "--concurrency", "4"]
    assert run_cli("extract", str(head), "-o", str(out), *common).returncode == 0
    proc = run_cli("extract", str(docs), "-o", str(out), "--resume", *common)
    assert proc.returncode == 0, proc.stderr.decode()
    assert sorted(ids_of(out)) == sorted(f"d{i}" for i in range(12))
    assert len(fake_openai.chat_requests()) == 12  # 5, then the 7 not yet written


def test_an_auth_failure_stops_the_job_with_exit_2(fake_openai, tmp_path):
    fake_openai.add_fault("401")
    out = tmp_path / "out.jsonl"
    proc = run_cli("extract", str(corpus(tmp_path, 6)), "-o", str(out), *llm_args(fake_openai), "--no-cache",
                   "--concurrency", "1")
    assert proc.returncode == 2
    message = proc.stderr.decode()
    assert "401" in message and "--resume" in message and "Traceback" not in message
    assert len(fake_openai.chat_requests()) == 1


@pytest.mark.parametrize("endpoint", ["hung", "refused"])
def test_a_dead_endpoint_stops_the_job_after_n_documents_with_exit_4(fake_openai, tmp_path, endpoint):
    out, docs = tmp_path / "out.jsonl", corpus(tmp_path, 8)
    fake_openai.add_fault("hang", times=100)
    url = fake_openai.base_url if endpoint == "hung" else closed_port_url()
    proc = run_cli("extract", str(docs), "-o", str(out), "--backend", "openai", "--base-url", url, "--model", "m",
                   "--no-cache", "--concurrency", "1", "--timeout", "0.3", "--retries", "0",
                   "--max-consecutive-failures", "3")
    message = proc.stderr.decode()
    assert proc.returncode == 4, message
    assert "failed 3 requests in a row" in message and "rerun with --resume" in message
    cause = "no answer from" if endpoint == "hung" else "connection refused at"
    assert f"the last: {cause} {url}/chat/completions" in message and "Traceback" not in message
    assert len(fake_openai.chat_requests()) == (3 if endpoint == "hung" else 0)
    assert ids_of(out) == []  # nothing half-written, and no later document written as an error
    errors = read_jsonl(tmp_path / "out.errors.jsonl")
    assert [e["doc_id"] for e in errors] == ["d0", "d1"] and all(cause in e["reason"] for e in errors)
    fake_openai.script.faults.clear()
    again = run_cli("extract", str(docs), "-o", str(out), *llm_args(fake_openai), "--no-cache", "--resume")
    assert again.returncode == 0, again.stderr.decode()
    assert sorted(ids_of(out)) == sorted(f"d{i}" for i in range(8))


def test_a_stopped_job_still_reports_what_it_did_and_spent(fake_openai, tmp_path):
    out, docs, summary_path = tmp_path / "out.jsonl", corpus(tmp_path, 8), tmp_path / "s.json"
    for i in range(2, 8):  # two documents answered, then the endpoint hangs
        fake_openai.add_fault("hang", match=f"(NCT{10000000 + i})")
    proc = run_cli("extract", str(docs), "-o", str(out), *llm_args(fake_openai), "--no-cache", "--concurrency", "1",
                   "--timeout", "0.3", "--retries", "0", "--max-consecutive-failures", "3",
                   "--summary-json", str(summary_path))
    assert proc.returncode == 4, proc.stderr.decode()
    assert "documents per second" in proc.stderr.decode()  # the summary table, before the error
    summary = json.loads(summary_path.read_text())
    server = fake_openai.totals()
    assert summary["written"] == 2 and sorted(ids_of(out)) == ["d0", "d1"]
    assert summary["usage"]["requests"] == server["requests"] == 5
    assert summary["usage"]["prompt_tokens"] == server["prompt_tokens"] > 0


def test_the_summary_counts_every_request_and_token_the_server_reported(fake_openai, tmp_path):
    out, summary_path, prices = tmp_path / "out.jsonl", tmp_path / "s.json", tmp_path / "prices.toml"
    prices.write_text('[models."fake-model"]\ninput_per_mtok = 1000\noutput_per_mtok = 2000\n'
                      'cached_input_per_mtok = 250\n')
    fake_openai.script.cached_prompt_tokens = 300
    for i in range(0, 40, 2):  # every second reply is cut off at the token limit: those documents fail
        fake_openai.add_fault("cut", match=f"(NCT{10000000 + i})")
    fake_openai.add_fault("malformed", match="(NCT10000001)")  # fails: not JSON
    fake_openai.add_fault("ungrounded", match="(NCT10000003)")  # salvaged: a result dropped, the rest kept
    proc = run_cli("extract", str(corpus(tmp_path, 40)), "-o", str(out), *llm_args(fake_openai), "--no-cache",
                   "--max-reasks", "0", "--price-file", str(prices), "--summary-json", str(summary_path))
    assert proc.returncode == 1, proc.stderr.decode()
    assert len(ids_of(out)) == 19 and len(read_jsonl(tmp_path / "out.errors.jsonl")) == 21
    server, usage = fake_openai.totals(), json.loads(summary_path.read_text())["usage"]
    assert server["requests"] == 40 and server["cached_tokens"] == 40 * 300
    assert usage["requests"] == 40 and usage["prompt_tokens"] == server["prompt_tokens"]
    assert {k: usage[k] for k in ("requests", "prompt_tokens", "completion_tokens", "cached_prompt_tokens")} == {
        "requests": server["requests"], "prompt_tokens": server["prompt_tokens"],
        "completion_tokens": server["completion_tokens"], "cached_prompt_tokens": server["cached_tokens"]}
    fresh = server["prompt_tokens"] - server["cached_tokens"]
    expected = (fresh * 1000 + server["cached_tokens"] * 250 + server["completion_tokens"] * 2000) / 1e6
    assert usage["cost_usd"] == pytest.approx(expected)
    shown = proc.stderr.decode()
    assert f"{server['prompt_tokens']}" in shown and f"{server['cached_tokens']}" in shown


# ---------------------------------------------------------------- settings

def test_settings_precedence_flag_then_env_then_config(tmp_path):
    (tmp_path / "trialx.toml").write_text('[llm]\nmodel = "from-file"\nmode = "json"\nmax_reasks = 4\n')
    env = {"TRIALX_MODEL": "from-env", "OPENAI_API_KEY": SECRET}
    s = resolve({"model": "from-flag"}, env=env, cwd=tmp_path)
    assert (s.model, s.mode, s.max_reasks, s.api_key) == ("from-flag", "json", 4, SECRET)
    assert resolve({}, env=env, cwd=tmp_path).model == "from-env"
    assert resolve({}, env={}, cwd=tmp_path).model == "from-file"
    assert SECRET not in repr(s)
    assert resolve({}, env={"XDG_CACHE_HOME": "/x"}, cwd=tmp_path).cache_dir == "/x/trialx"


def test_missing_settings_name_what_to_set(tmp_path):
    with pytest.raises(BackendConfigError, match="--model or set TRIALX_MODEL"):
        resolve({}, env={}, cwd=tmp_path).require()
    with pytest.raises(BackendConfigError, match=r"set OPENAI_API_KEY .* or pass --base-url"):
        resolve({"model": "m"}, env={}, cwd=tmp_path).require()
    (tmp_path / "bad.toml").write_text('[llm]\napi_key = "x"\n')
    with pytest.raises(BackendConfigError, match="no API key in a file"):
        resolve({}, env={}, config=tmp_path / "bad.toml")
    proc = run_cli("extract", str(EXAMPLES / "bulletin-sarcoma-fr.txt"), "--backend", "openai")
    assert proc.returncode == 2 and b"TRIALX_MODEL" in proc.stderr


def test_auto_picks_the_llm_only_when_configured(fake_openai, tmp_path, monkeypatch):
    assert choose("auto")[0] == "rules"
    monkeypatch.setenv("TRIALX_MODEL", "fake-model")
    assert choose("auto")[0] == "rules"  # a model but neither key nor URL
    monkeypatch.setenv("OPENAI_BASE_URL", fake_openai.base_url)
    assert choose("auto") == ("openai", f"model fake-model at {fake_openai.base_url}")
    proc = run_cli("extract", str(EXAMPLES / "bulletin-sarcoma-fr.txt"), "--backend", "auto")
    assert proc.returncode == 0 and b"backend: openai" in proc.stderr
    assert json.loads(proc.stdout)["backend"] == "openai"
    monkeypatch.delenv("OPENAI_BASE_URL")
    proc = run_cli("extract", str(EXAMPLES / "bulletin-sarcoma-fr.txt"), "--backend", "auto")
    assert b"backend: rules (no LLM configured" in proc.stderr and json.loads(proc.stdout)["backend"] == "rules"


# ---------------------------------------------------------------- prompts and eval

def test_prompts_are_versioned_and_found_outside_the_checkout(tmp_path):
    assert prompts.versions("extract").keys() >= {1, 2, 3}
    one, latest = prompts.load("extract@1"), prompts.load("extract")  # a bare name is its latest version
    assert (one.label, latest.label) == ("extract@1", "extract@3") and one.sha256 != latest.sha256
    with pytest.raises(BackendConfigError, match="versions: 1, 2, 3"):
        prompts.load("extract@9")
    bad = tmp_path / "p" / "bad"
    bad.mkdir(parents=True)
    (bad / "v1.md").write_text("Use {{ secret }} here")
    with pytest.raises(BackendConfigError, match="Jinja"):
        prompts.load("bad", str(tmp_path / "p"))


def test_two_prompts_evaluated_side_by_side(fake_openai, tmp_path):
    gold = tmp_path / "gold"
    gold.mkdir()
    for name in ("bulletin-sarcoma-fr.txt.json", "scraped-alter-e-003.txt.json"):
        (gold / name).write_bytes((ROOT / "evals" / "gold" / name).read_bytes())
    reports = []
    fake_openai.script.latency = 0.5
    for version in ("1", "2"):
        report = tmp_path / f"v{version}.json"
        proc = run_cli("eval", "--gold", str(gold), *llm_args(fake_openai), "--prompt", f"extract@{version}",
                       "--json", str(report), "--concurrency", "2" if version == "1" else "1")
        assert proc.returncode == 0, proc.stderr.decode()
        reports.append(report)
    first, second = fake_openai.chat_requests()[:2], fake_openai.chat_requests()[2:]
    assert abs(first[0].at - first[1].at) < 0.5  # --concurrency 2: both asked before either was answered
    assert abs(second[0].at - second[1].at) >= 0.5  # --concurrency 1: one after the other
    labels = [json.loads(r.read_text())["label"] for r in reports]
    assert labels == ["openai:fake-model:extract@1", "openai:fake-model:extract@2"]
    sent = {r.body["messages"][0]["content"] for r in fake_openai.chat_requests()}
    assert len(sent) == 2  # the two prompts really were sent
    proc = run_cli("compare", str(reports[0]), str(reports[1]), "--json", str(tmp_path / "diff.json"))
    assert proc.returncode == 0 and "fields" in json.loads((tmp_path / "diff.json").read_text())


# ---------------------------------------------------------------- long documents

def test_a_full_paper_is_split_within_budget_and_merged_without_duplicates(fake_openai, tmp_path):
    text = (EXAMPLES / "paper-regorafenib-sintilimab.md").read_text(encoding="utf-8")
    parts = chunking.split(text, 3000)
    assert len(parts) >= 4 and all(chunking.estimate_tokens(p) <= 3001 for _, p in parts)
    assert "".join(p for _, p in parts).replace("\n", "") == text.replace("\n", "").strip() or \
        all(text[o:o + len(p)] == p for o, p in parts)
    backend = OpenAIBackend(model="fake-model", base_url=fake_openai.base_url, no_cache=True, token_budget=3000)
    result = backend.extract(Document(doc_id="paper", text=text))
    assert len(fake_openai.chat_requests()) == len(parts) == result.usage.chunks
    assert max(len(r.document) for r in fake_openai.chat_requests()) <= 3000 * 4
    reported = [t for t in result.trials if t.role == "reported"]
    assert len(reported) == 1
    keys = [(r.endpoint, r.measure, r.value, r.unit, r.arm, r.subgroup, r.timepoint) for r in reported[0].results]
    assert keys and len(keys) == len(set(keys))
    for r in reported[0].results:
        assert text[r.evidence_start:r.evidence_start + len(r.evidence)] == r.evidence
    ids = [i for t in result.trials for i in t.registry_ids]
    assert len(ids) == len(set(ids))


NUMERIC_FLAGS = [("--timeout", "0"), ("--timeout", "-5"), ("--retries", "-1"), ("--token-budget", "0"),
                 ("--max-reasks", "-1"), ("--rpm", "0"), ("--tpm", "-3"), ("--temperature", "2.5"),
                 ("--temperature", "-0.1"), ("--max-output-tokens", "0"), ("--max-tokens-per-doc", "0"),
                 ("--retry-max-time", "-1"), ("--max-consecutive-failures", "0")]


@pytest.mark.parametrize("backend", ["openai", "rules"])
def test_numeric_flags_out_of_range_are_usage_errors(backend, tmp_path):
    from typer.testing import CliRunner

    from extractor.cli import app

    for flag, value in NUMERIC_FLAGS:
        result = CliRunner().invoke(app, ["extract", str(EXAMPLES / "bulletin-sarcoma-fr.txt"), "--backend", backend,
                                          "--model", "m", "--base-url", "http://127.0.0.1:9/v1", flag, value])
        assert result.exit_code == 2, (flag, value, result.output)
        assert f"Invalid value for '{flag}'" in result.output and "must be" in result.output


def test_out_of_range_settings_from_env_or_config_name_the_key_and_the_file(tmp_path):
    for flag, value in NUMERIC_FLAGS:
        name = flag[2:].replace("-", "_")
        variable = f"TRIALX_{name.upper()}"
        with pytest.raises(BackendConfigError, match=f"^{variable} must be"):
            resolve({}, env={variable: value}, cwd=tmp_path / "none")
        (tmp_path / "trialx.toml").write_text(f"[llm]\n{name} = {value}\n")
        with pytest.raises(BackendConfigError, match=rf"^{tmp_path / 'trialx.toml'}: \[llm\] {name} must be"):
            resolve({}, env={}, cwd=tmp_path)
    (tmp_path / "trialx.toml").write_text("[llm]\nretry_after_max = -1\n")
    with pytest.raises(BackendConfigError, match=r"retry_after_max must be at least 0, not -1"):
        resolve({}, env={}, cwd=tmp_path)
    with pytest.raises(BackendConfigError, match="timeout must be greater than 0, not 0"):
        LLMSettings(model="m", base_url="http://x", timeout=0).require()
    edges = {"timeout": 0.001, "retries": 0, "temperature": 2, "max_reasks": 0, "token_budget": 1, "rpm": 0.5}
    assert resolve({k: str(v) for k, v in edges.items()}, env={}, cwd=tmp_path / "none").timeout == 0.001
