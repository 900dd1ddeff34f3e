"""Live tests against a real model: Gemma 3 270M in llama-cpp-python's server (the [local] extra).

    .venv/bin/python -m pytest -m live_local tests/test_llm_live_local.py

Skipped, saying why, when the extra is not installed (README, "A local model"), unless
TRIALX_REQUIRE_LOCAL=1 (CI) makes that a failure. The server
runs on a free loopback port behind a recording proxy, which keeps every reply's ``usage``
and every request's document, so the job's figures are compared with what the server
itself reported. The model is tiny: the tests assert what must hold whatever it answers,
never what it extracts. The model file is assembled once into the trialx cache directory
(``trialx local-model path``), read from the environment at import, before the autouse
fixture points the cache at ``tmp_path``.

Modes: llama-cpp-python's server accepts tools, json (json_object, the schema in the prompt)
and md_json; it answers json_schema with a 500. ``--mode auto`` is checked to pick a constrained
mode the server accepts, and to remember it.
"""

from __future__ import annotations

import importlib.util
import json
import os
import threading
import urllib.error
import urllib.request
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from extractor.backends.llm.settings import default_cache_dir
from extractor.grounding import holds_value
from extractor.local_model import MODEL_PACKAGE, LocalServer, model_path
from extractor.schema import SCHEMA_FILE
from extractor.testing.fake_openai import document_of
from tests.conftest import ROOT, read_jsonl, run_cli

#: What the extra brings: the server (with its [server] dependencies) and the model package.
NEEDED = ("llama_cpp", "fastapi", "uvicorn", "sse_starlette", "starlette_context", MODEL_PACKAGE)
MISSING = [name for name in NEEDED if importlib.util.find_spec(name) is None]
#: CI sets it: the tests then fail, saying what is missing, rather than skip.
REQUIRED = os.environ.get("TRIALX_REQUIRE_LOCAL") == "1"
MODEL_CACHE = os.environ.get("TRIALX_CACHE_DIR") or default_cache_dir()
MODES = ("tools", "json", "md_json")
#: Three short dev abstracts of the gold set: two trial reports and one that is not.
DOCUMENTS = ("PMC3626705", "PMC4350572", "PMC3108651")
MAX_REASKS = 1

pytestmark = [
    pytest.mark.live_local,
    pytest.mark.skipif(bool(MISSING) and not REQUIRED, reason=f"the [local] extra is not installed ({', '.join(MISSING)} missing): "
                       'see README, "A local model"'),
]


class Proxy(ThreadingHTTPServer):
    """Forwards to the llama.cpp server and records, per chat request, its document and the reply's usage."""

    daemon_threads = True

    def __init__(self, upstream: str) -> None:
        super().__init__(("127.0.0.1", 0), _Forward)
        self.upstream = upstream.removesuffix("/v1")
        self.seen: list[dict[str, Any]] = []
        self.lock = threading.Lock()

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}/v1"


class _Forward(BaseHTTPRequestHandler):
    server: Proxy
    protocol_version = "HTTP/1.1"

    def log_message(self, format: str, *args: Any) -> None:
        pass

    def do_GET(self) -> None:
        self._forward(None)

    def do_POST(self) -> None:
        self._forward(self.rfile.read(int(self.headers.get("Content-Length", 0))))

    def _forward(self, body: bytes | None) -> None:
        request = urllib.request.Request(self.server.upstream + self.path, body, method=self.command,
                                         headers={"Content-Type": "application/json"})
        try:
            with urllib.request.urlopen(request, timeout=600) as reply:
                status, payload = reply.status, reply.read()
        except urllib.error.HTTPError as exc:
            status, payload = exc.code, exc.read()
        if body is not None and self.path.endswith("/chat/completions"):
            usage = json.loads(payload).get("usage") if status == 200 else None
            with self.server.lock:
                self.server.seen.append({"document": document_of(json.loads(body)), "status": status, "usage": usage})
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        self.wfile.write(payload)


@pytest.fixture(scope="module")
def proxy(tmp_path_factory):
    log = tmp_path_factory.mktemp("llama") / "server.log"
    with LocalServer(model_path(MODEL_CACHE), log=log) as server:
        front = Proxy(server.base_url)
        thread = threading.Thread(target=front.serve_forever, daemon=True)
        thread.start()
        yield front
        front.shutdown()
        front.server_close()


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("corpus") / "three.jsonl"
    gold = [json.loads((ROOT / "evals" / "gold" / f"{doc_id}.json").read_text()) for doc_id in DOCUMENTS]
    path.write_text("".join(json.dumps({"id": g["doc_id"], "title": g.get("title"), "abstract": g["text"]}) + "\n"
                            for g in gold))
    return path


def extract(proxy: Proxy, corpus: Path, work: Path, mode: str, max_output: int = 192) -> tuple[Any, list[dict[str, Any]]]:
    """``trialx extract`` over the corpus through the proxy; the process and the requests it made."""
    before = len(proxy.seen)
    proc = run_cli("extract", str(corpus), "-o", str(work / "out.jsonl"), "--overwrite", "--no-progress",
                   "--summary-json", str(work / "summary.json"), "--backend", "openai", "--base-url", proxy.base_url,
                   "--model", "gemma-3-270m", "--mode", mode, "--max-reasks", str(MAX_REASKS),
                   "--max-output-tokens", str(max_output), "--timeout", "300", "--concurrency", "1",
                   "--cache-dir", str(work / "cache"))
    assert proc.returncode in (0, 1), proc.stderr.decode()
    assert b"Traceback" not in proc.stderr
    return proc, proxy.seen[before:]


def texts(corpus: Path) -> dict[str, str]:
    return {row["id"]: row["abstract"] for row in read_jsonl(corpus)}


def check_outcomes(corpus: Path, work: Path) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """Every document once, as a schema-valid record with grounded results or as an error with a reason."""
    records, errors = read_jsonl(work / "out.jsonl"), read_jsonl(work / "out.errors.jsonl") \
        if (work / "out.errors.jsonl").exists() else []
    assert sorted([r["doc_id"] for r in records] + [e["doc_id"] for e in errors]) == sorted(DOCUMENTS)
    assert all(e.get("reason") for e in errors), errors
    validator = jsonschema.Draft202012Validator(json.loads(SCHEMA_FILE.read_text()))
    source = texts(corpus)
    for record in records:
        assert not list(validator.iter_errors(record)), record["doc_id"]
        assert record["usage"]["reasks"] <= MAX_REASKS * record["usage"]["chunks"]
        for result in (r for t in record["trials"] for r in t["results"]):
            text = source[record["doc_id"]]
            assert text[result["evidence_start"]:].startswith(result["evidence"]), result
            assert holds_value(result["evidence"], result["value"], result["not_reached"]), result
    return records, errors


@pytest.mark.parametrize("mode", MODES)
def test_three_documents_through_the_real_server(proxy, corpus, tmp_path, mode):
    _, requests = extract(proxy, corpus, tmp_path, mode)
    records, _ = check_outcomes(corpus, tmp_path)
    summary = json.loads((tmp_path / "summary.json").read_text())
    reported = [r["usage"] for r in requests if r["usage"]]
    assert requests and summary["usage"]["requests"] == len(requests)
    assert summary["usage"]["prompt_tokens"] == sum(u["prompt_tokens"] for u in reported)
    assert summary["usage"]["completion_tokens"] == sum(u["completion_tokens"] for u in reported)
    per_document = {d: sum(r["document"] == t for r in requests) for d, t in texts(corpus).items()}
    assert all(n <= MAX_REASKS + 1 for n in per_document.values()), per_document  # no transport retry expected
    written = {texts(corpus)[r["doc_id"]] for r in records}
    _, again = extract(proxy, corpus, tmp_path, mode)
    assert not [r for r in again if r["document"] in written]  # a rerun asks only for documents that failed
    from_cache = {r["doc_id"]: r for r in check_outcomes(corpus, tmp_path)[0]}
    assert all(from_cache[r["doc_id"]]["trials"] == r["trials"] and from_cache[r["doc_id"]]["usage"]["cached"]
               for r in records)


def test_auto_picks_a_constrained_mode_the_real_server_accepts(proxy, corpus, tmp_path):
    _, requests = extract(proxy, corpus, tmp_path, "auto")
    check_outcomes(corpus, tmp_path)
    (entry,) = json.loads((tmp_path / "cache" / "modes.json").read_text()).values()
    assert entry["mode"] in ("json_schema", "tools", "json"), entry  # constrained: never md_json on this server
    assert entry["mode"] not in entry["refused"]
    summary = json.loads((tmp_path / "summary.json").read_text())
    assert summary["usage"]["requests"] == len(requests)  # the one-token probes are counted too
    _, again = extract(proxy, corpus, tmp_path, "auto")
    assert not [r for r in again if not r["document"]]  # remembered: no probe on a rerun


def test_an_answer_cut_off_ends_as_an_error_with_its_reason(proxy, corpus, tmp_path):
    proc, requests = extract(proxy, corpus, tmp_path, "tools", max_output=4)
    records, errors = check_outcomes(corpus, tmp_path)
    assert proc.returncode == 1 and not records and len(errors) == len(DOCUMENTS)
    # llama-cpp-python's server reports a forced tool call as finish_reason "tool_calls" even when
    # max_tokens cut it, so trialx sees broken JSON, not a cut-off answer: re-asked, within bound.
    assert len(requests) <= (MAX_REASKS + 1) * len(DOCUMENTS)
    assert all("cut off" in e["reason"] or "not usable JSON" in e["reason"] for e in errors), errors
