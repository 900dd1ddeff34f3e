"""The openai backend through the real openai client and instructor, against the fake server.

Each fault the fake server can inject is met here with the behaviour the issue asks for.
Back-off waits go through the backend's ``sleep`` hook, so they are observed, not slept.
"""

from __future__ import annotations

import asyncio
import json
import subprocess
import sys
import time
from types import SimpleNamespace

import pytest

from extractor.backends import BackendConfigError, BackendUnavailable, EndpointDown
from extractor.backends.llm import OpenAIBackend
from extractor.backends.llm.backend import ExtractionFailed
from extractor.backends.llm.response import Extraction
from extractor.backends.llm.transport import RetryPolicy, Transport
from extractor.documents import Document
from extractor.testing.fake_openai import closed_port_url, rules_responder
from tests.conftest import EXAMPLES, ROOT

TEXT = (EXAMPLES / "bulletin-sarcoma-fr.txt").read_text(encoding="utf-8")
DOC = Document(doc_id="sarcoma", text=TEXT)
EXPECTED = rules_responder(TEXT)
N_RESULTS = sum(len(t["results"]) for t in EXPECTED["trials"])


class Sleeps(list):
    """Records back-off waits instead of sleeping them."""

    async def __call__(self, seconds: float) -> None:
        self.append(seconds)
        await asyncio.sleep(0)


def make(server, tmp_path, **flags) -> tuple[OpenAIBackend, Sleeps]:
    sleeps = Sleeps()
    flags = {"model": "fake-model", "base_url": server.base_url, "cache_dir": str(tmp_path / "c"),
             "no_cache": True, **flags}
    return OpenAIBackend(sleep=sleeps, **flags), sleeps


def n_results(result) -> int:
    return sum(len(t.results) for t in result.trials)


@pytest.mark.parametrize("mode", ["tools", "json_schema", "json", "md_json"])
def test_each_mode_extracts_through_instructor(fake_openai, tmp_path, mode):
    backend, _ = make(fake_openai, tmp_path, mode=mode)
    result = backend.extract(DOC)
    assert result.is_trial_report and n_results(result) == N_RESULTS
    assert result.trials[0].registry_ids == ["NCT04028063"]
    for r in (r for t in result.trials for r in t.results):
        assert TEXT[r.evidence_start:].startswith(r.evidence)
    (request,) = fake_openai.chat_requests()
    assert request.headers["content-type"] == "application/json"  # real servers insist on it
    body = request.body
    if mode == "tools":
        assert body["tools"][0]["function"]["name"] == "Extraction" and "response_format" not in body
    elif mode == "json_schema":
        assert body["response_format"]["type"] == "json_schema" and "tools" not in body
    elif mode == "json":
        # json_object with the schema beside it, as llama.cpp takes it (extractor/backends/llm/modes.py)
        assert body["response_format"] == {"type": "json_object", "schema": Extraction.model_json_schema()}
    else:
        assert "response_format" not in body and "tools" not in body
    assert request.document == TEXT  # sent verbatim, braces and all, through instructor's templating
    assert result.usage.requests == 1 and result.usage.reasks == 0
    assert result.prompt == "extract@2" and len(result.prompt_sha256) == 64


def test_the_document_arrives_verbatim_and_is_never_rendered_as_a_template(fake_openai, tmp_path):
    text = TEXT + "\n   \n\tTemplates are data here: {{ secret }} {% if x %} {# note #}\n"
    backend, _ = make(fake_openai, tmp_path)
    result = backend.extract(Document(doc_id="braces", text=text))
    (request,) = fake_openai.chat_requests()
    assert request.document == text
    assert n_results(result) == N_RESULTS  # grounding still saw the document


def test_the_title_reaches_the_model_and_keys_the_cache(fake_openai, tmp_path):
    backend, _ = make(fake_openai, tmp_path, no_cache=False)
    backend.extract(Document(doc_id="t1", text=TEXT, title="A randomised phase 3 trial of drug X"))
    (request,) = fake_openai.chat_requests()
    message = request.body["messages"][-1]["content"]
    assert "<title>\nA randomised phase 3 trial of drug X\n</title>" in message
    assert request.document == TEXT  # the title is not part of the quoted document
    backend.extract(Document(doc_id="t2", text=TEXT, title="Another title"))
    backend.extract(Document(doc_id="t3", text=TEXT, title="A randomised phase 3 trial of drug X"))
    assert len(fake_openai.chat_requests()) == 2  # a new title is a new question; the same one is cached


def test_the_structure_stage_gives_the_model_a_title_read_from_the_text(fake_openai, tmp_path):
    """A title on the text's first line goes to the model as the title, as the rule backend reads it."""
    backend, _ = make(fake_openai, tmp_path)
    text = "Drug X in gastric cancer: a randomised phase 3 trial\n\nBACKGROUND: Unmet need. RESULTS: ORR was 40%."
    backend.extract(Document(doc_id="t", text=text))
    (request,) = fake_openai.chat_requests()
    assert "<title>\nDrug X in gastric cancer: a randomised phase 3 trial\n</title>" in request.body["messages"][-1]["content"]


def test_a_reference_list_is_not_sent(fake_openai, tmp_path):
    backend, _ = make(fake_openai, tmp_path, token_budget=200)
    body = "## Results\n\n" + "The ORR was 40% in 50 patients. " * 30
    refs = "\n\n## References\n\n" + "1. Smith J et al. A trial of drug Y. Lancet 2020;1:1-10.\n" * 20
    backend.extract(Document(doc_id="paper", text="A trial of drug X in gastric cancer patients\n\n" + body + refs))
    sent = " ".join(r.document for r in fake_openai.chat_requests())
    assert "The ORR was 40%" in sent and "Smith J" not in sent


def test_schema_breaking_answer_is_reasked_then_accepted(fake_openai, tmp_path):
    backend, _ = make(fake_openai, tmp_path)
    fake_openai.add_fault("schema", times=1)
    result = backend.extract(DOC)
    requests = fake_openai.chat_requests()
    assert [r.is_reask for r in requests] == [False, True]
    assert "Validation Error" in json.dumps(requests[1].body["messages"][-1])
    assert n_results(result) == N_RESULTS and not result.warnings
    assert result.usage.reasks == 1 and result.usage.requests == 2


def test_reasks_stop_at_the_limit_and_what_fails_is_dropped_with_a_warning(fake_openai, tmp_path):
    backend, _ = make(fake_openai, tmp_path, max_reasks=2)
    fake_openai.add_fault("schema", times=10)
    result = backend.extract(DOC)
    assert len(fake_openai.chat_requests()) == 3  # first answer + 2 re-asks
    assert result.usage.reasks == 2
    assert result.trials == [] and not result.is_trial_report
    assert result.warnings and all("after 2 re-asks" in w for w in result.warnings)
    assert "trial 0 dropped" in result.warnings[0]


def test_evidence_not_in_the_document_is_reasked_then_dropped(fake_openai, tmp_path):
    backend, _ = make(fake_openai, tmp_path, max_reasks=1)
    fake_openai.add_fault("ungrounded", times=5)
    result = backend.extract(DOC)
    assert len(fake_openai.chat_requests()) == 2
    assert n_results(result) == N_RESULTS - 1  # only the invented quote is dropped
    assert all(r.evidence in TEXT for t in result.trials for r in t.results)
    (warning,) = result.warnings
    assert "not a verbatim quote" in warning and "dropped" in warning
    assert "fake server invented" not in json.dumps(result.model_dump(exclude={"warnings"}))


def test_evidence_fixed_on_reask_keeps_every_result(fake_openai, tmp_path):
    backend, _ = make(fake_openai, tmp_path)
    fake_openai.add_fault("ungrounded", times=1)
    result = backend.extract(DOC)
    assert n_results(result) == N_RESULTS and not result.warnings and result.usage.reasks == 1


def test_malformed_json_is_reasked(fake_openai, tmp_path):
    backend, _ = make(fake_openai, tmp_path)
    fake_openai.add_fault("malformed", times=1)
    result = backend.extract(DOC)
    assert n_results(result) == N_RESULTS and result.usage.reasks == 1


def test_malformed_json_to_the_end_fails_the_document(fake_openai, tmp_path):
    backend, _ = make(fake_openai, tmp_path, max_reasks=1)
    fake_openai.add_fault("malformed", times=5)
    with pytest.raises(ExtractionFailed, match="not usable JSON"):
        backend.extract(DOC)
    assert len(fake_openai.chat_requests()) == 2


def test_429_honours_retry_after_and_is_not_a_reask(fake_openai, tmp_path):
    backend, sleeps = make(fake_openai, tmp_path)
    fake_openai.add_fault("429", retry_after=1.5)
    result = backend.extract(DOC)
    assert sleeps == [1.5]
    assert result.usage.requests == 2 and result.usage.reasks == 0
    assert not any(r.is_reask for r in fake_openai.chat_requests())


def test_retry_after_is_capped(fake_openai, tmp_path):
    backend, sleeps = make(fake_openai, tmp_path)
    backend.settings = backend.settings.__class__(**{**backend.settings.__dict__, "retry_after_max": 3.0})
    fake_openai.add_fault("429", retry_after=900)
    backend.extract(DOC)
    assert sleeps == [3.0]


@pytest.mark.parametrize("fault", ["500", "503", "drop"])
def test_server_errors_and_dropped_connections_are_retried_with_backoff(fake_openai, tmp_path, fault):
    backend, sleeps = make(fake_openai, tmp_path)
    fake_openai.add_fault(fault, times=2)
    result = backend.extract(DOC)
    assert n_results(result) == N_RESULTS
    assert len(sleeps) == 2 and 0.5 <= sleeps[0] <= 1.0 and sleeps[1] >= 1.0  # exponential, with jitter
    assert result.usage.requests == 3 and result.usage.reasks == 0


def test_a_reply_slower_than_the_timeout_is_retried(fake_openai, tmp_path):
    backend, sleeps = make(fake_openai, tmp_path, timeout=0.4)
    fake_openai.add_fault("timeout", delay=1.5)
    result = backend.extract(DOC)
    assert n_results(result) == N_RESULTS and len(sleeps) == 1
    assert result.usage.requests == 2 and result.usage.reasks == 0


def test_transport_retries_are_bounded(fake_openai, tmp_path):
    backend, sleeps = make(fake_openai, tmp_path, retries=2)
    fake_openai.add_fault("500", times=10)
    with pytest.raises(ExtractionFailed, match="answered 500"):
        backend.extract(DOC)
    assert len(fake_openai.chat_requests()) == 3 and len(sleeps) == 2


def test_400_fails_the_document_at_once(fake_openai, tmp_path):
    backend, sleeps = make(fake_openai, tmp_path)
    fake_openai.add_fault("400")
    with pytest.raises(ExtractionFailed, match="answered 400"):
        backend.extract(DOC)
    assert len(fake_openai.chat_requests()) == 1 and sleeps == []


@pytest.mark.parametrize(("fault", "words"), [("401", "refused the credentials"), ("403", "denied access")])
def test_auth_errors_stop_with_a_clear_message_and_no_retry(fake_openai, tmp_path, fault, words):
    backend, sleeps = make(fake_openai, tmp_path, api_key_env="MY_KEY")
    fake_openai.add_fault(fault)
    with pytest.raises(BackendUnavailable, match=words):
        backend.extract(DOC)
    assert len(fake_openai.chat_requests()) == 1 and sleeps == []


def test_a_refused_connection_names_its_cause_and_is_not_retried(tmp_path):
    url = closed_port_url()
    backend = OpenAIBackend(model="fake-model", base_url=url, no_cache=True, sleep=(sleeps := Sleeps()))
    with pytest.raises(ExtractionFailed, match=f"^connection refused at {url}/chat/completions$"):
        backend.extract(DOC)
    assert sleeps == [] and backend.transport.breaker.failures == 1


@pytest.mark.parametrize(("fault", "words"), [("hang", "no answer from http://127.0.0.1:.* within --timeout"),
                                              ("drop", "closed the connection without answering")])
def test_a_request_that_got_no_answer_says_what_happened(fake_openai, tmp_path, fault, words):
    backend, sleeps = make(fake_openai, tmp_path, timeout=0.3, retries=1)
    fake_openai.add_fault(fault, times=2)
    with pytest.raises(ExtractionFailed, match=words):
        backend.extract(DOC)
    assert len(fake_openai.chat_requests()) == 2 and len(sleeps) == 1  # these are retried


def test_transport_failures_in_a_row_across_documents_stop_the_job(fake_openai, tmp_path):
    backend, _ = make(fake_openai, tmp_path, retries=1, max_consecutive_failures=3)
    fake_openai.add_fault("503", times=6)
    for number in (1, 2):
        with pytest.raises(ExtractionFailed, match="answered 503"):
            backend.extract(Document(doc_id=f"d{number}", text=TEXT))
    with pytest.raises(EndpointDown, match=r"failed 3 requests in a row, .*--max-consecutive-failures 3.*answered 503"):
        backend.extract(DOC)
    sent = len(fake_openai.chat_requests())
    with pytest.raises(EndpointDown):  # open: nothing more is sent
        backend.extract(DOC)
    assert sent == len(fake_openai.chat_requests()) == 6


def test_an_answer_or_a_request_error_closes_the_count_again(fake_openai, tmp_path):
    backend, _ = make(fake_openai, tmp_path, retries=1, max_consecutive_failures=2)
    docs = [Document(doc_id=f"d{i}", text=f"{TEXT}\n\nRecord {i}.") for i in range(8)]
    for i in (0, 4, 5, 6, 7):  # requests that fail once, then succeed on their retry
        fake_openai.add_fault("drop", match=f"Record {i}.")
    for i in (1, 3):  # two documents fail at the transport level, with a 400 (an answer) between them
        fake_openai.add_fault("503", match=f"Record {i}.", times=2)
    fake_openai.add_fault("400", match="Record 2.")
    outcomes = []
    for document in docs:
        try:
            outcomes.append(n_results(backend.extract(document)))
        except ExtractionFailed as exc:
            outcomes.append(str(exc)[:25])
    assert outcomes == [N_RESULTS, "the endpoint answered 503", "the endpoint answered 400",
                        "the endpoint answered 503", N_RESULTS, N_RESULTS, N_RESULTS, N_RESULTS]
    assert backend.transport.breaker.opened is None


def test_transport_faults_are_never_counted_as_reasks(fake_openai, tmp_path):
    backend, sleeps = make(fake_openai, tmp_path)
    for fault in ("429", "500", "drop"):
        fake_openai.add_fault(fault, retry_after=0.1 if fault == "429" else None)
    result = backend.extract(DOC)
    requests = fake_openai.chat_requests()
    assert len(requests) == 4 and not any(r.is_reask for r in requests)
    assert result.usage.reasks == 0 and result.usage.requests == 4 and len(sleeps) == 3


def test_usage_is_summed_over_every_attempt(fake_openai, tmp_path):
    backend, _ = make(fake_openai, tmp_path, price_file=None)
    fake_openai.add_fault("schema", times=2)
    result = backend.extract(DOC)
    replies = [r.usage for r in fake_openai.chat_requests()]
    assert len(replies) == 3
    assert result.usage.prompt_tokens == sum(u["prompt_tokens"] for u in replies)
    assert result.usage.completion_tokens == sum(u["completion_tokens"] for u in replies)
    assert result.usage.reasks == 2


def test_a_failed_document_still_counts_every_request_it_made(fake_openai, tmp_path):
    backend, _ = make(fake_openai, tmp_path, max_reasks=2)
    fake_openai.add_fault("malformed", times=3)
    with pytest.raises(ExtractionFailed, match="not usable JSON"):
        backend.extract(DOC)
    backend.extract(Document(doc_id="second", text=TEXT + "\n"))
    server, spent = fake_openai.totals(), backend.spent
    assert (spent.requests, spent.reasks) == (server["requests"], server["reasks"]) == (4, 2)
    assert (spent.prompt_tokens, spent.completion_tokens) == (server["prompt_tokens"], server["completion_tokens"])


def test_cached_prompt_tokens_are_counted_and_priced_as_the_table_says(fake_openai, tmp_path):
    prices = tmp_path / "prices.json"
    prices.write_text(json.dumps({"fake-model": {"input_per_mtok": 1000, "output_per_mtok": 2000,
                                                 "cached_input_per_mtok": 100},
                                  "no-cached-price": {"input_per_mtok": 1000, "output_per_mtok": 2000}}))
    fake_openai.script.cached_prompt_tokens = 500
    usage = make(fake_openai, tmp_path, price_file=str(prices))[0].extract(DOC).usage
    assert usage.cached_prompt_tokens == 500 < usage.prompt_tokens
    fresh = usage.prompt_tokens - 500
    assert usage.cost_usd == pytest.approx((fresh * 1000 + 500 * 100 + usage.completion_tokens * 2000) / 1e6)
    plain = make(fake_openai, tmp_path, price_file=str(prices), model="no-cached-price")[0].extract(DOC).usage
    assert plain.cost_usd == pytest.approx((plain.prompt_tokens * 1000 + plain.completion_tokens * 2000) / 1e6)
    with pytest.raises(BackendConfigError, match="cached_input_per_mtok"):
        prices.write_text(json.dumps({"m": {"input_per_mtok": 1, "output_per_mtok": 1, "cached_input_per_mtok": "x"}}))
        make(fake_openai, tmp_path, price_file=str(prices))


def test_cost_comes_from_the_price_table_and_a_file_overrides_it(fake_openai, tmp_path):
    prices = tmp_path / "prices.toml"
    prices.write_text('[models."fake-model"]\ninput_per_mtok = 1000.0\noutput_per_mtok = 2000.0\n')
    backend, _ = make(fake_openai, tmp_path, price_file=str(prices))
    usage = backend.extract(DOC).usage
    assert usage.cost_usd == pytest.approx((usage.prompt_tokens * 1000 + usage.completion_tokens * 2000) / 1e6)
    unpriced, _ = make(fake_openai, tmp_path)
    assert unpriced.extract(DOC).usage.cost_usd is None


def test_max_tokens_per_doc_stops_runaway_reasking(fake_openai, tmp_path):
    probe, _ = make(fake_openai, tmp_path)
    one_request = probe.extract(DOC).usage
    budget = int((one_request.prompt_tokens + one_request.completion_tokens) * 1.5)
    backend, _ = make(fake_openai, tmp_path, max_reasks=10, max_tokens_per_doc=budget)
    fake_openai.add_fault("schema", times=20)
    result = backend.extract(DOC)
    assert len(fake_openai.chat_requests()) == 1 + 2  # the probe, then two attempts before the budget ran out
    assert any("--max-tokens-per-doc" in w for w in result.warnings)


def test_a_document_over_the_budget_is_not_sent(fake_openai, tmp_path):
    backend, _ = make(fake_openai, tmp_path, max_tokens_per_doc=100)
    with pytest.raises(ExtractionFailed, match="--max-tokens-per-doc 100"):
        backend.extract(DOC)
    assert fake_openai.chat_requests() == []


def test_the_response_schema_is_the_contract_records():
    schema = Extraction.model_json_schema()
    trial = schema["$defs"]["CheckedTrial"]["properties"]
    assert {"role", "registry_ids", "phases", "arms", "results", "enrollment"} <= set(trial)
    assert "evidence_start" not in schema["$defs"]["CheckedResult"]["properties"]  # not asked of the model


def _stamping_transport(stamps: list[float], used_tokens: int, **limits) -> Transport:
    async def create(**_):
        stamps.append(time.monotonic())
        return SimpleNamespace(usage=SimpleNamespace(total_tokens=used_tokens))

    return Transport(create, RetryPolicy(), **limits)


def _burst(transport: Transport, n: int) -> None:
    async def main():
        await asyncio.gather(*(transport.send(messages=[{"role": "user", "content": "x" * 4}]) for _ in range(n)))

    asyncio.run(main())


def test_rpm_limit_spaces_requests():
    stamps: list[float] = []
    _burst(_stamping_transport(stamps, 10, rpm=600), 16)  # 10 per second, bursts of 10
    assert stamps[-1] - stamps[0] >= 0.5
    for i, start in enumerate(stamps):  # no half-second window holds more than a burst plus its refill
        assert sum(start <= t < start + 0.5 for t in stamps[i:]) <= 10 + 5 + 1


def test_tpm_limit_uses_the_estimate_then_the_reported_usage():
    slow: list[float] = []
    _burst(_stamping_transport(slow, 1002, tpm=600_000), 20)  # 10,000 tokens a second; ~1,000 a request
    assert slow[-1] - slow[0] >= 0.8
    fast: list[float] = []
    _burst(_stamping_transport(fast, 50, tpm=600_000), 20)  # the usage is far below the estimate: refunded
    assert fast[-1] - fast[0] < 0.5


def test_the_backend_hands_its_limits_to_the_transport(fake_openai, tmp_path):
    backend, _ = make(fake_openai, tmp_path, rpm=120, tpm=90_000)
    backend.extract(DOC)
    assert backend.transport.requests.rate == 2 and backend.transport.tokens.rate == 1500


# ---------------------------------------------------------------- the request and reply, as sent and read

class _StubClient:
    """Stands in for the openai client's ``post``: records what is sent, answers ``reply``."""

    def __init__(self, reply: object):
        self.reply = reply
        self.sent: list[dict] = []

    async def post(self, path: str, *, cast_to: object, content: bytes | None = None, body: dict | None = None):
        self.sent.append(json.loads(content) if content is not None else {"unencoded": body})
        return self.reply


def _tool_reply(**envelope) -> dict:
    call = {"id": "c1", "type": "function", "function": {"name": "Extraction", "arguments": '{"trials": []}'}}
    message = {"role": "assistant", "content": None, "tool_calls": [call]}
    return {"choices": [{"index": 0, "message": message, "finish_reason": "tool_calls"}], **envelope}


def test_request_bodies_reuse_the_schema_text_but_never_a_stale_one():
    from extractor.backends.llm.wire import BodyEncoder

    encode = BodyEncoder()
    tools = [{"type": "function", "function": {"name": "Extraction", "parameters": {"type": "object"}}}]
    first = {"model": "m", "messages": [{"role": "user", "content": "é <document>"}], "tools": tools}
    assert json.loads(encode(first)) == first
    tools[0]["function"]["parameters"]["required"] = ["trials"]  # changed in place after it was encoded
    second = {**first, "messages": [{"role": "user", "content": "another"}], "tools": tools}
    assert json.loads(encode(second)) == second
    third = {**second, "tools": json.loads(json.dumps(tools))}  # a new, equal object: the text is reused
    assert json.loads(encode(third)) == third


def test_replies_are_read_strictly_or_as_leniently_as_openai_would():
    from extractor.backends.llm.wire import poster

    full = _tool_reply(id="x", object="chat.completion", created=1, model="m",
                       usage={"prompt_tokens": 3, "completion_tokens": 2, "total_tokens": 5})
    sparse = _tool_reply()  # a local server that leaves out id, created, model and usage
    for reply in (full, sparse):
        client = _StubClient(reply)
        completion = asyncio.run(poster(client)(model="m", messages=[{"role": "user", "content": "hi"}]))
        assert completion.choices[0].message.tool_calls[0].function.arguments == '{"trials": []}'
        assert client.sent == [{"model": "m", "messages": [{"role": "user", "content": "hi"}]}]
    assert completion.usage is None


def test_a_body_json_cannot_hold_goes_through_openai_encoding():
    from extractor.backends.llm.wire import poster

    client = _StubClient(_tool_reply())
    odd = {"when": object()}
    asyncio.run(poster(client)(model="m", messages=[], extra_body=odd))
    assert client.sent == [{"unencoded": {"model": "m", "messages": [], "extra_body": odd}}]


def _in_a_fresh_process(server, before: str, after: str) -> None:
    """Run ``before``, then extract one document via the Python API against ``server``, then ``after``."""
    script = (
        f"{before}\n"
        "from extractor.api import extract\n"
        "from extractor.backends.llm import OpenAIBackend\n"
        f"backend = OpenAIBackend(model='m', base_url={server.base_url!r}, no_cache=True)\n"
        "assert extract('Not a trial report.', backend=backend).usage.requests == 1\n"
        "backend.close()\n"
        f"{after}\n"
        "print('ok')\n"
    )
    proc = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0 and proc.stdout.strip() == "ok", proc.stderr


def test_building_and_using_an_engine_leaves_the_garbage_collector_as_it_was(fake_openai):
    before = (
        "import gc, weakref\n"
        "class Node: pass\n"
        "host = Node(); host.me = host; alive = weakref.ref(host)\n"  # the host's cycle, still in use
        "frozen = gc.get_freeze_count()\n"
    )
    after = (
        "assert gc.isenabled(), 'the collector was left off'\n"
        "assert gc.get_freeze_count() == frozen, (frozen, gc.get_freeze_count())\n"
        "late = Node(); late.me = late; gone = weakref.ref(late)\n"
        "del host, late\n"
        "gc.collect()\n"
        "assert alive() is None and gone() is None, 'a garbage cycle survived gc.collect()'\n"
    )
    _in_a_fresh_process(fake_openai, before, after)


def test_importing_and_using_the_backend_leaves_every_loggers_handlers_alone(fake_openai):
    snapshot = (
        "{name: list(getattr(logger, 'handlers', [])) for name, logger in "
        "[('', logging.getLogger()), *logging.Logger.manager.loggerDict.items()]}"
    )
    # Every logger that exists once openai and instructor are imported (instructor's among them);
    # a library imported later may give its own logger a handler, but no other logger gets one.
    before = f"import logging, openai, instructor.core\nbefore = {snapshot}\n"
    after = (f"after = {snapshot}\n"
             "assert {n: after[n] for n in before} == before, [(n, after[n]) for n in before if after[n] != before[n]]\n")
    _in_a_fresh_process(fake_openai, before, after)


def test_the_command_line_prints_a_failed_request_once_not_instructors_log_lines_too(fake_openai, tmp_path):
    from tests.conftest import run_cli

    fake_openai.add_fault("400")
    out = tmp_path / "out.jsonl"
    proc = run_cli("extract", str(EXAMPLES / "bulletin-sarcoma-fr.txt"), "-o", str(out), "--backend", "openai",
                   "--model", "m", "--base-url", fake_openai.base_url, "--no-cache")
    assert proc.returncode == 1 and "fake 400 fault" in (tmp_path / "out.errors.jsonl").read_text()
    stderr = proc.stderr.decode()
    assert "API call failed" not in stderr and "Max retries exceeded" not in stderr, stderr


def test_the_fake_servers_latency_runs_from_receipt_to_reply(fake_openai):
    import urllib.request

    fake_openai.script.latency = 0.3
    body = {"model": "m", "messages": [{"role": "user", "content": "<document>\nNot a trial.\n</document>"}]}
    request = urllib.request.Request(f"{fake_openai.base_url}/chat/completions", data=json.dumps(body).encode(),
                                     headers={"Content-Type": "application/json"})
    started = time.monotonic()
    with urllib.request.urlopen(request, timeout=10) as reply:
        assert reply.status == 200
    took = time.monotonic() - started
    (seen,) = fake_openai.chat_requests()
    assert 0.3 <= took < 0.6
    assert started <= seen.at < started + 0.1  # stamped on receipt: the wait includes the server's own work
    assert seen.body == body and seen.document == "Not a trial."


# ------------------------------------------------------------ the response cache holds data, never code

class _Payload:
    """What an attacker pickles: unpickling it creates ``marker``."""

    def __init__(self, marker):
        self.marker = str(marker)

    def __reduce__(self):
        return (open, (self.marker, "w"))


def _rewrite_cache_rows(directory, mode: int, value: bytes) -> int:
    """Rewrite every value row in the cache's SQLite store, as someone with write access to it could."""
    import sqlite3

    with sqlite3.connect(directory / "cache.db") as db:
        changed = db.execute("UPDATE Cache SET mode = ?, value = ?, filename = NULL", (mode, value)).rowcount
    return changed


def test_a_pickle_planted_in_the_cache_is_never_loaded_and_the_document_is_asked_again(fake_openai, tmp_path):
    import pickle
    import warnings

    marker = tmp_path / "payload-ran"
    make(fake_openai, tmp_path, no_cache=False)[0].extract(DOC)
    assert _rewrite_cache_rows(tmp_path / "c", 4, pickle.dumps(_Payload(marker))) == 1  # 4: diskcache's pickle mode

    backend, _ = make(fake_openai, tmp_path, no_cache=False)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        result = backend.extract(DOC)
    assert not marker.exists(), "the planted pickle ran"
    (warning,) = caught
    assert type(warning.message).__name__ == "UnreadableCacheEntry" and "not as bytes" in str(warning.message)
    assert len(fake_openai.chat_requests()) == 2 and not result.usage.cached
    assert n_results(result) == N_RESULTS
    assert make(fake_openai, tmp_path, no_cache=False)[0].extract(DOC).usage.cached  # the fresh answer replaced it


def test_the_command_line_says_in_one_line_that_a_tampered_entry_was_ignored(fake_openai, tmp_path):
    import pickle

    from tests.conftest import run_cli

    marker = tmp_path / "payload-ran"
    args = ("extract", str(EXAMPLES / "bulletin-sarcoma-fr.txt"), "-o", str(tmp_path / "out.jsonl"), "--overwrite",
            "--backend", "openai", "--model", "m", "--base-url", fake_openai.base_url, "--cache-dir", str(tmp_path / "c"))
    assert run_cli(*args).returncode == 0
    _rewrite_cache_rows(tmp_path / "c", 4, pickle.dumps(_Payload(marker)))
    proc = run_cli(*args)
    stderr = proc.stderr.decode()
    assert proc.returncode == 0 and not marker.exists() and len(fake_openai.chat_requests()) == 2
    assert f"warning: response cache {tmp_path / 'c'}: entry " in stderr and "cache.py:" not in stderr, stderr


def test_an_older_versions_cache_entries_are_misses_not_crashes(fake_openai, tmp_path):
    """A pickled value (diskcache's default) and bytes that are no result are both asked again."""
    import pickle

    make(fake_openai, tmp_path, no_cache=False)[0].extract(DOC)
    for mode, value, why in ((4, pickle.dumps({"trials": []}), "not as bytes"),
                             (1, b'{"format": 0}', "not a stored result")):
        _rewrite_cache_rows(tmp_path / "c", mode, value)
        backend, _ = make(fake_openai, tmp_path, no_cache=False)
        with pytest.warns(UserWarning, match=why):  # UnreadableCacheEntry
            assert n_results(backend.extract(DOC)) == N_RESULTS
    assert len(fake_openai.chat_requests()) == 3


# ------------------------------------------------------------ an instructor the engine cannot use stops the job once

@pytest.mark.parametrize("moved", ["instructor.core", "instructor.v2.core.registry"])
def test_an_instructor_missing_a_module_refuses_the_job_with_one_message(fake_openai, tmp_path, moved):
    docs = tmp_path / "docs.jsonl"
    docs.write_text("".join(json.dumps({"id": f"d{i}", "text": TEXT}) + "\n" for i in range(3)))
    out = tmp_path / "out.jsonl"
    script = f"import sys\nsys.modules[{moved!r}] = None  # as if instructor had moved it\nfrom extractor.cli import app\napp()\n"
    proc = subprocess.run(
        [sys.executable, "-c", script, "extract", str(docs), "-o", str(out), "--backend", "openai",
         "--model", "m", "--base-url", fake_openai.base_url, "--no-cache"],
        cwd=ROOT, capture_output=True, text=True, timeout=120)
    message = " ".join(proc.stderr.split())  # as rich wrapped it
    assert proc.returncode == 2, message
    assert "error: the openai backend cannot run with the installed instructor 1." in message
    assert f"ModuleNotFoundError: import of {moved} halted" in message
    assert "trialx is tested with instructor>=1.17,<1.18" in message and message.count("cannot run") == 1
    errors = tmp_path / "out.errors.jsonl"
    assert not errors.exists() or errors.read_text() == ""  # not one error per document
    assert fake_openai.chat_requests() == []
