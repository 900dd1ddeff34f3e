"""``--mode auto`` and refused modes, against the fake server imitating each self-hosted server.

Every imitation answers with the status and error body the real server sends (see
``extractor.testing.fake_openai.IMITATIONS`` for the sources); back-off waits go through the
backend's ``sleep`` hook, so a retry would show as a recorded wait.
"""

from __future__ import annotations

import asyncio
import json

import pytest

from extractor.backends import BackendUnavailable
from extractor.backends.llm import OpenAIBackend
from extractor.backends.llm.backend import ExtractionFailed
from extractor.backends.llm.modes import MEMORY_FILE, STRENGTH, ModeMemory, ModeRefused, detect, refusal
from extractor.backends.llm.transport import RetryPolicy, Transport
from extractor.documents import Document
from extractor.testing.fake_openai import FakeOpenAI
from tests.conftest import EXAMPLES, run_cli

TEXT = (EXAMPLES / "bulletin-sarcoma-fr.txt").read_text(encoding="utf-8")
DOC = Document(doc_id="sarcoma", text=TEXT)

#: imitation -> the modes it accepts, strongest first (the first is what auto picks).
ACCEPTS = {
    "openai": ["json_schema", "tools", "json", "md_json"],
    "vllm": ["json_schema", "tools", "json", "md_json"],
    "llama-server": ["json_schema", "tools", "json", "md_json"],
    "llama-server-no-jinja": ["json_schema", "json", "md_json"],
    "llama-cpp-python": ["tools", "json", "md_json"],
    "ollama": ["json_schema", "json", "md_json"],
    "lmstudio": ["json_schema", "tools", "md_json"],
}


class Sleeps(list):
    async def __call__(self, seconds: float) -> None:
        self.append(seconds)
        await asyncio.sleep(0)


@pytest.fixture(params=sorted(ACCEPTS))
def imitation(request):
    with FakeOpenAI(imitate=request.param) as server:
        yield request.param, server


def make(server, tmp_path, **flags) -> tuple[OpenAIBackend, Sleeps]:
    sleeps = Sleeps()
    flags = {"model": "fake-model", "base_url": server.base_url, "cache_dir": str(tmp_path / "c"),
             "mode": "auto", **flags}
    return OpenAIBackend(sleep=sleeps, **flags), sleeps


def test_each_imitation_refuses_what_its_server_refuses(imitation):
    """All four probes, through the real transport: what each imitated server accepts."""
    name, server = imitation

    async def accepted() -> list[str]:
        import openai

        from extractor.backends.llm.wire import poster

        client = openai.AsyncOpenAI(api_key="k", base_url=server.base_url, max_retries=0)
        try:
            found, refused = await detect(Transport(poster(client), RetryPolicy()).send, "m", first=False)
        finally:
            await client.close()
        assert set(found) | set(refused) == set(STRENGTH)
        return found

    assert asyncio.run(accepted()) == ACCEPTS[name]


def test_auto_picks_the_strongest_accepted_mode_with_one_token_probes(imitation, tmp_path):
    name, server = imitation
    backend, sleeps = make(server, tmp_path)
    result = backend.extract(DOC)
    backend.close()
    expected = ACCEPTS[name][0]
    assert backend.mode == expected and result.is_trial_report and result.trials
    *probes, request = server.chat_requests()
    assert len(probes) == STRENGTH.index(expected) + 1  # one per mode tried, strongest first
    assert all(p.body["max_tokens"] == 1 and p.document == 'Answer {"ok": true}' for p in probes)
    assert request.document == TEXT and request.fault is None
    assert ("tools" in request.body) == (expected == "tools")
    assert sleeps == []  # a refusal, 500 included, is never retried
    assert backend.spent.requests == len(probes) + 1  # the probes are paid for, and counted
    remembered = json.loads((tmp_path / "c" / MEMORY_FILE).read_text(encoding="utf-8"))
    assert remembered[f"{server.base_url} fake-model"]["mode"] == expected


def test_the_detected_mode_is_remembered_and_a_rerun_makes_no_request(tmp_path):
    with FakeOpenAI(imitate="llama-cpp-python") as server:
        first, _ = make(server, tmp_path)
        first.extract(DOC)
        first.close()
        seen = len(server.chat_requests())
        again, _ = make(server, tmp_path)
        assert again.mode == "tools"  # from modes.json, before any request
        assert again.extract(DOC).usage.cached
        again.close()
        assert len(server.chat_requests()) == seen
        other, _ = make(server, tmp_path, model="another-model")  # per base URL and model
        assert other.mode is None
        other.close()


def test_cache_clear_also_forgets_the_detected_modes(tmp_path):
    memory = ModeMemory(tmp_path / "c")
    memory.put("http://127.0.0.1:9/v1", "fake-model", "tools")
    cleared = run_cli("cache", "clear", "--cache-dir", str(tmp_path / "c"))
    assert cleared.returncode == 0 and b"forgot 1 detected modes" in cleared.stderr
    assert memory.get("http://127.0.0.1:9/v1", "fake-model") is None  # the next job probes again


def test_the_detected_mode_keys_the_cache(tmp_path):
    memory = ModeMemory(tmp_path / "c")
    keys = set()
    for mode in ("tools", "json"):
        memory.put("http://127.0.0.1:9/v1", "fake-model", mode)
        backend = OpenAIBackend(model="fake-model", base_url="http://127.0.0.1:9/v1", cache_dir=str(tmp_path / "c"),
                                mode="auto")
        keys.add(backend._key)
        backend.close()
    assert len(keys) == 2


def test_an_unreadable_memory_costs_a_probe_not_a_crash(tmp_path):
    (tmp_path / "c").mkdir()
    (tmp_path / "c" / MEMORY_FILE).write_text("{not json", encoding="utf-8")
    with FakeOpenAI(imitate="ollama") as server:
        backend, _ = make(server, tmp_path)
        assert backend.mode is None
        backend.extract(DOC)
        backend.close()
    assert ModeMemory(tmp_path / "c").get(server.base_url, "fake-model") == "json_schema"


def test_no_cache_neither_reads_nor_writes_the_memory(tmp_path):
    with FakeOpenAI(imitate="llama-cpp-python") as server:
        backend, _ = make(server, tmp_path, no_cache=True)
        backend.extract(DOC)
        backend.close()
    assert backend.mode == "tools" and not (tmp_path / "c" / MEMORY_FILE).exists()


def test_an_explicit_mode_the_server_refuses_stops_at_once_naming_the_modes_that_work(tmp_path):
    with FakeOpenAI(imitate="llama-cpp-python") as server:
        backend, sleeps = make(server, tmp_path, mode="json_schema", no_cache=True)
        with pytest.raises(ModeRefused) as raised:
            backend.extract(DOC)
        backend.close()
        requests = server.chat_requests()
    assert str(raised.value) == (
        "the endpoint refuses --mode json_schema (response_format type should be 'text' or 'json_object'); "
        "modes it accepts: tools, json, md_json (or --mode auto picks the strongest)")
    assert isinstance(raised.value, BackendUnavailable)  # the job stops: every document would fail
    assert sleeps == [] and len(requests) == 1 + 3  # no retry; one probe of each other mode
    assert [r.fault for r in requests] == ["refused", None, None, None]


def test_a_remembered_mode_the_server_now_refuses_is_forgotten(tmp_path):
    with FakeOpenAI(imitate="llama-server-no-jinja") as server:
        ModeMemory(tmp_path / "c").put(server.base_url, "fake-model", "tools")  # before a restart without --jinja
        backend, sleeps = make(server, tmp_path)
        with pytest.raises(ModeRefused, match=r"no longer accepts the detected mode tools \(tools param requires"):
            backend.extract(DOC)
        backend.close()
    assert sleeps == [] and ModeMemory(tmp_path / "c").get(server.base_url, "fake-model") is None


def test_the_command_line_exits_2_naming_the_refused_mode(tmp_path):
    source = tmp_path / "in.txt"
    source.write_text(TEXT, encoding="utf-8")
    with FakeOpenAI(imitate="lmstudio") as server:
        done = run_cli("extract", str(source), "-o", str(tmp_path / "out.jsonl"), "--backend", "openai",
                       "--model", "m", "--base-url", server.base_url, "--mode", "json", "--no-cache")
    stderr = " ".join(done.stderr.decode().split())
    assert done.returncode == 2, stderr
    assert ("the endpoint refuses --mode json ('response_format.type' must be 'json_schema' or 'text'); "
            "modes it accepts: json_schema, tools, md_json") in stderr


@pytest.mark.parametrize("status,message", [(500, "fake 500 fault"), (400, "maximum context length exceeded"),
                                            (429, "response_format rate limited")])
def test_other_errors_are_not_mistaken_for_a_refused_mode(status, message):
    class Answer(Exception):
        status_code, body = status, None

    assert refusal(Answer(message)) is None


def test_the_command_line_detects_by_default_and_remembers(tmp_path, monkeypatch):
    monkeypatch.delenv("TRIALX_MODE")  # the default, auto
    source = tmp_path / "in.txt"
    source.write_text(TEXT, encoding="utf-8")
    with FakeOpenAI(imitate="llama-cpp-python") as server:
        runs = [run_cli("extract", str(source), "-o", str(tmp_path / f"out{n}.jsonl"), "--backend", "openai",
                        "--model", "m", "--base-url", server.base_url) for n in (1, 2)]
        bodies = [r.body for r in server.chat_requests()]
    assert [r.returncode for r in runs] == [0, 0], runs[0].stderr.decode()
    assert len(bodies) == 3 and "tools" in bodies[-1]  # json_schema refused, tools accepted, then the document
    assert "response_format" in bodies[0] and bodies[1]["max_tokens"] == 1


def test_a_probe_that_fails_otherwise_fails_its_document_and_the_next_detects_again(tmp_path):
    with FakeOpenAI(imitate="llama-cpp-python") as server:
        server.add_fault("503", times=1)
        backend, _ = make(server, tmp_path, retries=0)
        with pytest.raises(ExtractionFailed, match="finding the modes the endpoint accepts failed: the endpoint "
                                                   "answered 503"):
            backend.extract(DOC)
        assert backend.mode is None
        assert backend.extract(DOC).trials and backend.mode == "tools"
        backend.close()


def test_a_model_that_refuses_max_tokens_is_probed_with_max_completion_tokens():
    """OpenAI's reasoning models take the one-token limit only as ``max_completion_tokens``."""
    sent: list[dict] = []

    class Unsupported(Exception):
        status_code = 400

    async def send(**body):
        sent.append(body)
        if "max_tokens" in body:
            raise Unsupported("Unsupported parameter: 'max_tokens' is not supported with this model. "
                              "Use 'max_completion_tokens' instead.")
        return object()

    assert asyncio.run(detect(send, "o4-mini")) == (["json_schema"], {})
    assert [("max_tokens" in b, b.get("max_completion_tokens")) for b in sent] == [(True, None), (False, 1)]
