"""A fake OpenAI-compatible server on loopback, for tests and benchmarks. It is not a model.

It serves ``POST /v1/chat/completions`` (answering with a tool call when the request
has ``tools``, with JSON content for ``response_format`` json_schema/json_object, and
with a fenced JSON block otherwise), ``GET /v1/models``, and ``GET /_fake/requests``
(the requests it has seen and the usage its replies reported, summed). Every reply carries ``usage`` (characters / 4).
It also serves the Files and Batch APIs (``/v1/files``, ``/v1/batches``: see ``fake_batches``), answering
each line of a batch as it would answer the same request online.

What it answers, first match wins:

1. a ``responder`` function given from Python: ``responder(document_text) -> dict`` (``GoldResponder``
   answers with the hand-labelled records of ``evals/gold``: ``--gold DIR`` from the command line);
2. the script's ``replies``: ``{"match": "substring of the document", "extraction": {...}}``;
3. the script's ``by_sha256``: sha256 of the document text -> extraction;
4. the default: the project's **rule backend** run on the document text, returned as the
   model's answer, so that the HTTP path runs end to end from a fresh clone. Those
   records are the rule backend's, not a model's.

Faults are consumed in order from a queue (script ``faults`` or ``add_fault``), each
``{"kind": K, "match": optional substring, "times": N, ...}``:

``429`` (with ``retry_after`` seconds), ``500``, ``503``, ``400``, ``401``, ``403``,
``timeout`` (sleep ``delay`` seconds, then answer), ``hang`` (never answer: the request is
read and the connection held open until the server stops), ``drop`` (close the socket without a
response), ``malformed`` (cut-off JSON), ``cut`` (an answer cut off at the completion token
limit: half the JSON, ``finish_reason: length``), ``schema`` (JSON that breaks the schema),
``ungrounded`` (the first result's evidence is not in the document). A refused connection
needs no server: ``closed_port_url()`` is a loopback URL where nothing listens. The Batch API's
faults sit in the same queue (``BATCH_FAULTS``): ``upload`` (the next upload is refused),
``expire`` (the next batch expires with ``answered`` lines answered), ``batch_fail`` (the next
batch fails validation); a line of a batch meets the request faults above as an online request would.

``imitate`` (script key, ``FakeOpenAI(imitate=...)`` or ``--imitate``) makes it refuse the structured
outputs a real server refuses, with that server's status and error body (``IMITATIONS``).

Run it::

    python -m extractor.testing.fake_openai --port 8011 [--script script.json] [--latency 0.2]

The document is what the client sent between ``<document>`` and ``</document>`` in a
user message (the trialx prompt puts it there), else the last user message; its title, when
the client sent one, is between ``<title>`` and ``</title>``.
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import gc
import hashlib
import json
import socket
import threading
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

Responder = Callable[[str], dict[str, Any]]

STATUS_FAULTS = {"400": 400, "401": 401, "403": 403, "429": 429, "500": 500, "503": 503}
CONTENT_FAULTS = {"malformed", "cut", "schema", "ungrounded"}
REQUEST_FAULTS = {*STATUS_FAULTS, *CONTENT_FAULTS, "timeout", "hang", "drop"}
#: Faults of the Files and Batch APIs (``fake_batches``), taken by an upload or a new batch.
BATCH_FAULTS = {"upload", "expire", "batch_fail"}
#: Evidence the ``ungrounded`` fault puts in (with the result's own value): a quote no document contains.
UNGROUNDED_EVIDENCE = "The fake server invented this sentence about {value}."
SCHEMA_BREAKING = {"is_trial_report": "perhaps", "trials": [{"role": "cited", "results": "none"}]}


def _format(body: dict[str, Any]) -> str | None:
    return (body.get("response_format") or {}).get("type")


def _asks_json_schema(body: dict[str, Any]) -> bool:
    return _format(body) == "json_schema"


def _asks_json_object(body: dict[str, Any]) -> bool:
    return _format(body) == "json_object"


def _asks_tools(body: dict[str, Any]) -> bool:
    return bool(body.get("tools"))


Refusal = tuple[Callable[[dict[str, Any]], bool], int, dict[str, Any]]

#: server -> what it refuses: (which requests, status, error body). Sources (README, "Servers and modes"):
#: llama-cpp-python: its ResponseFormat takes "text" or "json_object" (with an optional "schema");
#:   the words are the ones trialx met (issue 11); any exception is a 500 {"error": {"message": ...,
#:   "type": "internal_server_error", "param": null, "code": null}} (llama_cpp/server/errors.py).
#: llama.cpp llama-server (server utils.hpp, oaicompat_completion_params_parse): json_schema and
#:   json_object with "schema" taken; tools without --jinja: 500 "tools param requires --jinja flag".
#: vLLM (entrypoints/openai/protocol.py): json_schema, json_object and a named tool_choice taken.
#: Ollama (openai/openai.go, FromChatRequest): json_schema and json_object (as plain JSON) taken, and
#:   tool_choice ignored; tools refused for a model whose
#:   template has none, 400 "<model> does not support tools" (ollama/ollama#5793, #14795).
#: LM Studio: json_object refused, 400 "'response_format.type' must be 'json_schema' or 'text'"
#:   (lmstudio-ai/lmstudio-bug-tracker#189, #307).
IMITATIONS: dict[str, list[Refusal]] = {
    "openai": [],
    "vllm": [],
    "llama-server": [],
    "llama-server-no-jinja": [(_asks_tools, 500, {"error": {
        "code": 500, "message": "tools param requires --jinja flag", "type": "server_error"}})],
    "llama-cpp-python": [(_asks_json_schema, 500, {"error": {
        "message": "response_format type should be 'text' or 'json_object'", "type": "internal_server_error",
        "param": None, "code": None}})],
    "ollama": [(_asks_tools, 400, {"error": {
        "message": "registry.ollama.ai/library/gemma3:270m does not support tools", "type": "api_error",
        "param": None, "code": None}})],
    "lmstudio": [(_asks_json_object, 400, {"error": "'response_format.type' must be 'json_schema' or 'text'"})],
}


def refused(imitate: str | None, body: dict[str, Any]) -> tuple[int, dict[str, Any]] | None:
    """The status and error body the imitated server answers ``body`` with, if it refuses it."""
    for asks, status, error in IMITATIONS[imitate or "openai"]:
        if asks(body):
            return status, error
    return None


@dataclass
class Fault:
    """One injected fault; ``times`` requests (matching ``match``, when set) get it."""

    kind: str
    match: str | None = None
    times: int = 1
    retry_after: float | None = None
    delay: float = 5.0
    answered: int | None = None
    """``expire``: lines of the batch answered before it expires (default: half of them)."""

    def __post_init__(self) -> None:
        known = REQUEST_FAULTS | BATCH_FAULTS
        if self.kind not in known:
            raise ValueError(f"unknown fault {self.kind!r}; known: {', '.join(sorted(known))}")


@dataclass
class Recorded:
    """One request the server received (its body kept as the bytes sent, parsed on demand:
    a benchmark's thousands of parsed bodies would make the server's garbage collector stall
    every reply in flight)."""

    path: str
    raw: bytes
    document: str
    headers: dict[str, str]
    is_reask: bool
    fault: str | None
    at: float
    usage: dict[str, Any] | None = None
    """The usage the reply reported (None when no completion was sent)."""

    @functools.cached_property
    def body(self) -> dict[str, Any]:
        """The request's JSON body."""
        parsed: dict[str, Any] = json.loads(self.raw)
        return parsed


@dataclass
class Script:
    """Replies and faults; loaded from a JSON file or built in Python."""

    latency: float = 0.0
    cached_prompt_tokens: int = 0
    """Prompt tokens of each reply reported as served from the provider's prompt cache."""
    replies: list[tuple[str, dict[str, Any]]] = field(default_factory=list)
    by_sha256: dict[str, dict[str, Any]] = field(default_factory=dict)
    faults: list[Fault] = field(default_factory=list)
    imitate: str | None = None
    """A real server whose refusals to imitate (a key of ``IMITATIONS``); None accepts every mode."""

    def __post_init__(self) -> None:
        if self.imitate is not None and self.imitate not in IMITATIONS:
            raise ValueError(f"unknown server to imitate {self.imitate!r}; known: {', '.join(IMITATIONS)}")

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Script:
        return cls(
            latency=float(data.get("latency", 0.0)),
            cached_prompt_tokens=int(data.get("cached_prompt_tokens", 0)),
            replies=[(r["match"], r["extraction"]) for r in data.get("replies", [])],
            by_sha256=dict(data.get("by_sha256", {})),
            faults=[Fault(**f) for f in data.get("faults", [])],
            imitate=data.get("imitate"),
        )

    @classmethod
    def load(cls, path: str | Path) -> Script:
        return cls.from_dict(json.loads(Path(path).read_text(encoding="utf-8")))


def closed_port_url() -> str:
    """A loopback base URL where nothing listens: connecting to it is refused."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    return f"http://127.0.0.1:{port}/v1"


def text_sha256(text: str) -> str:
    """Key of ``Script.by_sha256``."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


_RULES_LOCK = threading.Lock()


@functools.lru_cache(maxsize=1)
def _rules_backend() -> Any:
    from extractor.backends.rules import RulesBackend

    return RulesBackend()


def rules_responder(document: str, title: str | None = None) -> dict[str, Any]:
    """The rule backend's extraction of ``document`` (and its title), shaped as the model's answer."""
    from extractor.documents import Document

    with _RULES_LOCK:  # the rule backend keeps per-text caches; one thread at a time
        result = _rules_backend().extract(Document(doc_id="fake", text=document, title=title))
    return {"is_trial_report": result.is_trial_report,
            "trials": [t.model_dump(mode="json", exclude_none=True) for t in result.trials]}


class GoldResponder:
    """Answers each request with the gold record of the document it carries, as the model's answer.

    The gold trial becomes the response model's shape: fields not labelled or null are left out
    (as the lean schema asks), ``results_exhaustive`` and ``evidence_start`` (not the model's to
    give) are dropped. A request carrying a part of a long document gets the trials with a result
    quoted from that part, with those results only, and the part holding the document's start
    also the trials without results. A document no gold file holds is an error (the server's 500).

    Args:
        gold: Gold files (``extractor.evaluation.gold.load_gold``).
    """

    def __init__(self, gold: Iterable[Any]):
        self.gold = {g.text: g for g in gold}

    @classmethod
    def load(cls, directory: str | Path) -> GoldResponder:
        from extractor.evaluation.gold import load_gold

        return cls(load_gold(directory))

    def __call__(self, document: str) -> dict[str, Any]:
        gold = self.gold.get(document) or next((g for text, g in self.gold.items() if document in text), None)
        if gold is None:
            raise LookupError(f"no gold file holds this document ({document[:60]!r}...)")
        whole = gold.text == document
        trials = []
        for trial in gold.trials:
            data = trial.model_dump(mode="json", exclude_none=True, exclude={"results_exhaustive"})
            results = [{k: v for k, v in r.items() if k != "evidence_start"} for r in data.pop("results", [])]
            quoted = [r for r in results if whole or r["evidence"] in document]
            if whole or quoted or (not results and gold.text.startswith(document)):
                trials.append({**data, "results": quoted})
        return {"is_trial_report": gold.is_trial_report, "trials": trials}


def _user_texts(body: dict[str, Any]) -> list[str]:
    users = [m.get("content") for m in body.get("messages", []) if m.get("role") == "user"]
    return [c for c in users if isinstance(c, str)]


def _between(texts: list[str], tag: str, *, last_close: bool) -> str | None:
    """What a user message holds between ``<tag>`` and ``</tag>`` (the last ``</tag>`` for a
    document, which may itself contain the closing tag), or None."""
    for text in texts:
        start = text.find(f"<{tag}>")
        end = text.rfind(f"</{tag}>") if last_close else text.find(f"</{tag}>")
        if start >= 0 and end > start:
            return text[start + len(tag) + 2:end].removeprefix("\n").removesuffix("\n")
    return None


def document_of(body: dict[str, Any]) -> str:
    """The document text in a chat request (see the module docstring)."""
    texts = _user_texts(body)
    found = _between(texts, "document", last_close=True)
    if found is not None:
        return found
    return texts[-1] if texts else ""


def title_of(body: dict[str, Any]) -> str | None:
    """The title the client sent between ``<title>`` and ``</title>``, if any."""
    return _between(_user_texts(body), "title", last_close=False)


def _is_reask(body: dict[str, Any]) -> bool:
    return any(m.get("role") in ("tool", "assistant") for m in body.get("messages", []))


class FakeOpenAI:
    """The server; start it with ``start()`` or as a context manager.

    Args:
        script: Replies, latency and faults.
        responder: Answers every request not matched by a fault (overrides the script's replies).
        host: Loopback address to bind.
        port: Port; 0 picks a free one.
        imitate: A real server whose refusals to imitate (overrides the script's ``imitate``).
    """

    def __init__(self, script: Script | None = None, responder: Responder | None = None,
                 host: str = "127.0.0.1", port: int = 0, imitate: str | None = None):
        self.script = script or Script()
        if imitate is not None:
            self.script.imitate = imitate
            self.script.__post_init__()
        self.responder = responder
        self.requests: list[Recorded] = []
        self._lock = threading.Lock()
        from extractor.testing.fake_batches import BatchStore

        self.batches = BatchStore(self)
        """The Files and Batch APIs' files and batches."""
        self._server = _Server((host, port), _Handler)
        self._server.fake = self
        self._thread: threading.Thread | None = None
        self.stopping = threading.Event()
        """Set by ``stop``: releases the requests a ``hang`` fault holds."""

    @property
    def port(self) -> int:
        return int(self._server.server_address[1])

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/v1"

    def add_fault(self, kind: str, **options: Any) -> None:
        """Queue a fault (see the module docstring)."""
        with self._lock:
            self.script.faults.append(Fault(kind, **options))

    def chat_requests(self) -> list[Recorded]:
        return [r for r in self.requests if r.path.endswith("/chat/completions")]

    def totals(self) -> dict[str, int]:
        """Chat requests received, re-asks among them, and the usage the replies reported, summed."""
        with self._lock:
            chat = [r for r in self.requests if r.path.endswith("/chat/completions")]
        usages = [r.usage for r in chat if r.usage is not None]
        return {"requests": len(chat), "reasks": sum(r.is_reask for r in chat),
                "prompt_tokens": sum(u["prompt_tokens"] for u in usages),
                "completion_tokens": sum(u["completion_tokens"] for u in usages),
                "cached_tokens": sum(u.get("prompt_tokens_details", {}).get("cached_tokens", 0) for u in usages)}

    def start(self) -> FakeOpenAI:
        self._thread = threading.Thread(target=self._server.serve_forever, kwargs={"poll_interval": 0.05},
                                        daemon=True, name="fake-openai")
        self._thread.start()
        return self

    def stop(self) -> None:
        self.stopping.set()
        self._server.shutdown()
        self._server.server_close()

    def serve_forever(self) -> None:
        self._server.serve_forever()

    def __enter__(self) -> FakeOpenAI:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    # ------------------------------------------------------------ answering

    def _take_fault(self, document: str, kinds: set[str] = REQUEST_FAULTS) -> Fault | None:
        """The first queued fault of ``kinds`` for ``document`` (one of its ``times`` used up), or None."""
        with self._lock:
            for fault in self.script.faults:
                if fault.kind in kinds and fault.times > 0 and (fault.match is None or fault.match in document):
                    fault.times -= 1
                    return fault
        return None

    def reply(self, body: dict[str, Any], document: str, fault: Fault | None) -> tuple[int, dict[str, Any]]:
        """The status and JSON this server answers a chat request with (after any transport fault),
        online or as a line of a batch."""
        if fault is not None and fault.kind in STATUS_FAULTS:
            status = STATUS_FAULTS[fault.kind]
            kind = {400: "invalid_request_error", 401: "invalid_api_key", 403: "permission_denied",
                    429: "rate_limit_exceeded"}.get(status, "server_error")
            return status, {"error": {"message": f"fake {status} fault", "type": kind}}
        try:
            return 200, completion(body, self._extraction(document, title_of(body)), fault,
                                   self.script.cached_prompt_tokens)
        except Exception as exc:  # a responder bug is the server's 500, as it would be for a real one
            return 500, {"error": {"message": f"responder failed: {exc}", "type": "server_error"}}

    def _extraction(self, document: str, title: str | None = None) -> dict[str, Any]:
        if self.responder is not None:
            return self.responder(document)
        for match, extraction in self.script.replies:
            if match in document:
                return extraction
        if self.script.by_sha256:
            found = self.script.by_sha256.get(text_sha256(document))
            if found is not None:
                return found
        return rules_responder(document, title)

    def _record(self, handler: _Handler, raw: bytes, body: dict[str, Any], document: str,
                fault: Fault | None) -> Recorded:
        headers = {k.lower(): v for k, v in handler.headers.items()}
        entry = Recorded(handler.path, raw, document, headers, _is_reask(body), fault.kind if fault else None,
                         handler.received)
        with self._lock:
            self.requests.append(entry)
        return entry


def _content(body: dict[str, Any], extraction: dict[str, Any], fault: Fault | None) -> str:
    if fault is not None and fault.kind == "schema":
        return json.dumps(SCHEMA_BREAKING)
    if fault is not None and fault.kind == "ungrounded":
        extraction = json.loads(json.dumps(extraction))
        results = [r for t in extraction.get("trials", []) for r in t.get("results", [])]
        if results:
            results[0]["evidence"] = UNGROUNDED_EVIDENCE.format(value=results[0].get("value"))
            results[0].pop("evidence_start", None)
        elif extraction.get("trials"):
            extraction["trials"][0].setdefault("results", []).append(
                {"endpoint": "ORR", "measure": "proportion", "value": 42.0, "unit": "percent",
                 "evidence": UNGROUNDED_EVIDENCE.format(value=42.0)})
    text = json.dumps(extraction, ensure_ascii=False)
    if fault is not None and fault.kind in ("malformed", "cut"):
        return text[: max(1, len(text) // 2)]
    return text


def completion(body: dict[str, Any], extraction: dict[str, Any], fault: Fault | None = None,
               cached_tokens: int = 0) -> dict[str, Any]:
    """A chat completion answering ``body`` with ``extraction`` in the form the request asks for;
    ``cached_tokens`` of its prompt (at most all of it) are reported as served from a prompt cache."""
    content = _content(body, extraction, fault)
    message: dict[str, Any] = {"role": "assistant", "content": None}
    finish = "stop"
    tools = body.get("tools") or []
    if tools:
        name = tools[0].get("function", {}).get("name", "Extraction")
        message["tool_calls"] = [{"id": f"call_{int(time.time() * 1e6) % 10**9}", "type": "function",
                                  "function": {"name": name, "arguments": content}}]
        finish = "tool_calls"
    elif body.get("response_format"):
        message["content"] = content
    else:
        message["content"] = f"```json\n{content}\n```"
    if fault is not None and fault.kind == "cut":
        finish = "length"
    prompt_chars = len(json.dumps(body.get("messages", []))) + len(json.dumps(tools))
    prompt_tokens, completion_tokens = prompt_chars // 4 + 1, len(content) // 4 + 1
    usage: dict[str, Any] = {"prompt_tokens": prompt_tokens, "completion_tokens": completion_tokens,
                             "total_tokens": prompt_tokens + completion_tokens}
    if cached_tokens:
        usage["prompt_tokens_details"] = {"cached_tokens": min(cached_tokens, prompt_tokens)}
    return {
        "id": "chatcmpl-fake", "object": "chat.completion", "created": int(time.time()),
        "model": body.get("model", "fake"),
        "choices": [{"index": 0, "message": message, "finish_reason": finish, "logprobs": None}],
        "usage": usage,
    }


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    request_queue_size = 256  # 32+ clients connect at once; the default backlog of 5 would stall them
    fake: FakeOpenAI


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # keep-alive, as real endpoints do
    # Headers and body go out in two writes; with Nagle's algorithm the body would wait for the
    # client's delayed ACK (about 40 ms a reply on Linux).
    disable_nagle_algorithm = True
    server: _Server
    received = 0.0

    def log_message(self, format: str, *args: Any) -> None:
        pass

    def parse_request(self) -> bool:
        # The request line has just been read: the simulated latency runs from here, so the
        # server's own parsing of headers and body is inside it, as a real endpoint's would be.
        self.received = time.monotonic()
        return super().parse_request()

    def _send_json(self, status: int, payload: object, headers: dict[str, str] | None = None) -> None:
        data = json.dumps(payload).encode("utf-8")
        try:
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            for name, value in (headers or {}).items():
                self.send_header(name, value)
            self.end_headers()
            self.wfile.write(data)
        except (BrokenPipeError, ConnectionResetError):  # the client gave up (timeout): nothing to do
            self.close_connection = True

    def _send_bytes(self, status: int, data: bytes, content_type: str) -> None:
        try:
            self.send_response(status)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)
        except (BrokenPipeError, ConnectionResetError):
            self.close_connection = True

    def _batch_api(self, method: str, raw: bytes = b"") -> bool:
        """Answer a Files or Batch API request; False when the path is not theirs."""
        answer = self.server.fake.batches.handle(method, self.path, self.headers.get("Content-Type", ""), raw)
        if answer is None:
            return False
        status, payload = answer
        if isinstance(payload, bytes):
            self._send_bytes(status, payload, "application/octet-stream")
        else:
            self._send_json(status, payload)
        return True

    def do_GET(self) -> None:
        fake = self.server.fake
        if self._batch_api("GET"):
            return
        if self.path.rstrip("/").endswith("/models"):
            self._send_json(200, {"object": "list", "data": [{"id": "fake-model", "object": "model",
                                                               "owned_by": "trialx-fake"}]})
        elif self.path.startswith("/_fake/requests"):
            self._send_json(200, fake.totals())
        else:
            self._send_json(404, {"error": {"message": f"no route {self.path}", "type": "not_found"}})

    def do_POST(self) -> None:
        fake = self.server.fake
        length = int(self.headers.get("Content-Length") or 0)
        raw = self.rfile.read(length) if length else b"{}"
        if self._batch_api("POST", raw):
            return
        if not self.path.rstrip("/").endswith("/chat/completions"):
            self._send_json(404, {"error": {"message": f"no route {self.path}", "type": "not_found"}})
            return
        try:
            body = json.loads(raw)
        except ValueError:
            self._send_json(400, {"error": {"message": "request body is not JSON", "type": "invalid_request_error"}})
            return
        document = document_of(body)
        refusal = refused(fake.script.imitate, body)
        if refusal is not None:  # the imitated server will not take this request's format or tools
            fake._record(self, raw, body, document, None).fault = "refused"
            self._send_json(*refusal)
            return
        fault = fake._take_fault(document)
        entry = fake._record(self, raw, body, document, fault)
        # The simulated latency runs from receipt (of the request line) to reply: the reply is built inside it.
        due = entry.at + fake.script.latency
        if fault is not None and self._broken_off(fault, due):
            return
        if fault is not None and fault.kind == "timeout":
            due += fault.delay
        status, payload = fake.reply(body, document, fault)
        headers = {}
        if fault is not None and fault.retry_after is not None and status != 200:
            headers["Retry-After"] = f"{fault.retry_after:g}"
        if status == 200:
            entry.usage = payload["usage"]
        _sleep_until(due)
        self._send_json(status, payload, headers)

    def _broken_off(self, fault: Fault, due: float) -> bool:
        """A "hang" (no reply until the server stops) or a "drop" (the connection shut at the reply's time): True
        when the request gets no reply."""
        if fault.kind == "hang":
            self.server.fake.stopping.wait()
        elif fault.kind == "drop":
            _sleep_until(due)
            with contextlib.suppress(OSError):
                self.connection.shutdown(socket.SHUT_RDWR)
        else:
            return False
        self.close_connection = True
        return True


def _sleep_until(deadline: float) -> None:
    delay = deadline - time.monotonic()
    if delay > 0:
        time.sleep(delay)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--host", default="127.0.0.1", help="Loopback address to bind.")
    parser.add_argument("--port", type=int, default=0, help="Port (0: pick a free one and print it).")
    parser.add_argument("--script", type=Path, help="JSON script: latency, replies, by_sha256, faults.")
    parser.add_argument("--latency", type=float, help="Seconds to wait before each reply (overrides the script).")
    parser.add_argument("--gold", type=Path, help="Answer with the gold records of this directory (evals/gold).")
    parser.add_argument("--imitate", choices=sorted(IMITATIONS),
                        help="Refuse the structured outputs this server refuses, with its error answers.")
    args = parser.parse_args(argv)
    if not args.host.startswith("127.") and args.host not in ("localhost", "::1"):
        parser.error("the fake server binds to loopback only")
    script = Script.load(args.script) if args.script else Script()
    if args.latency is not None:
        script.latency = args.latency
    responder = GoldResponder.load(args.gold) if args.gold else None
    server = FakeOpenAI(script, responder=responder, host=args.host, port=args.port, imitate=args.imitate)
    # The script's replies live as long as the server: out of the collector's sight, a full
    # collection does not stall the replies in flight (a benchmark's script holds thousands).
    gc.freeze()
    said = "the gold records" if args.gold else "scripted or the rule backend's"
    print(f"fake OpenAI server (answers are {said}, not a model's) on {server.base_url}",
          flush=True)
    with contextlib.suppress(KeyboardInterrupt):
        server.serve_forever()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
