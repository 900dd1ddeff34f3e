"""``--mode auto``: which structured-output mode an endpoint accepts, found once and remembered.

Self-hosted OpenAI-compatible servers differ in what they take (README, "Servers and modes"):
llama-cpp-python's server refuses ``response_format`` json_schema (500 "response_format type should
be 'text' or 'json_object'") but takes ``{"type": "json_object", "schema": {...}}`` and tools;
``llama-server`` refuses tools without ``--jinja`` (500 "tools param requires --jinja flag");
Ollama refuses tools for a model whose template has none (400 "<model> does not support tools");
LM Studio refuses json_object (400 "'response_format.type' must be 'json_schema' or 'text'").

Detection sends, for each mode in ``STRENGTH`` order, the smallest request that carries that mode's
structure (a one-property schema, ``max_tokens`` 1) and keeps the first mode the endpoint does not
refuse. The answer is kept in ``<cache dir>/modes.json`` (plain JSON) per base URL and model, so a
later run makes no probe. A refusal is recognised by the server's own words (``REFUSED``), never by
its status alone: a 500 about the response format is a configuration error, not a transport fault.
"""

from __future__ import annotations

import json
import re
import time
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

from extractor.backends import BackendUnavailable
from extractor.output import write_text_atomic

#: Modes from the strongest constraint to the weakest; ``auto`` takes the first the endpoint accepts.
#: json_schema: the server decodes against the whole schema (vLLM guided decoding, llama-server and
#: LM Studio grammars, Ollama ``format``, OpenAI strict outputs). tools: constrained where the server
#: turns a named ``tool_choice`` into a grammar (vLLM, llama-cpp-python), free text parsed as a call
#: elsewhere (Ollama). json: ``json_object`` plus the schema, which llama.cpp turns into a grammar and
#: other servers read as "any JSON". md_json: no constraint, JSON fenced in the reply.
STRENGTH = ("json_schema", "tools", "json", "md_json")
MEMORY_FILE = "modes.json"
_TINY = {"type": "object", "properties": {"ok": {"type": "boolean"}}, "required": ["ok"]}
#: mode -> what its probe adds to the smallest request (the shapes instructor's modes send).
PROBES: dict[str, dict[str, Any]] = {
    "json_schema": {"response_format": {"type": "json_schema",
                                        "json_schema": {"name": "Probe", "schema": _TINY}}},
    "tools": {"tools": [{"type": "function", "function": {"name": "Probe", "parameters": _TINY}}],
              "tool_choice": {"type": "function", "function": {"name": "Probe"}}},
    "json": {"response_format": {"type": "json_object", "schema": _TINY}},
    "md_json": {},
}
PROBE_MESSAGES = [{"role": "user", "content": 'Answer {"ok": true}'}]

#: What a server says when it does not take a response format or tools (each from its source or
#: its users' reports; see README): matched in the error message of a 400, 422 or 5xx answer.
REFUSED = re.compile(
    r"response_format"  # llama-cpp-python, llama.cpp before json_schema, LM Studio, vLLM validation
    r"|does not support tools"  # Ollama
    r"|tools param requires"  # llama-server without --jinja
    r"|tool_choice"  # llama-server "Unsupported param: tool_choice"; vLLM "auto" tool choice
    r"|json_schema|json_object"
    r"|(?:guided|structured) (?:decoding|output)",
    re.I,
)
_REFUSAL_STATUS = {400, 422, 500, 501}


class ModeRefused(BackendUnavailable):
    """The endpoint refuses the structured-output mode of a request: every document would fail.

    Attributes:
        answer: What the server said.
        mode: The refused mode, once the backend knows it.
    """

    def __init__(self, message: str, answer: str, mode: str | None = None):
        super().__init__(message)
        self.answer = answer
        self.mode = mode


def refusal(exc: BaseException) -> str | None:
    """The server's message when ``exc`` is an answer refusing the request's format or tools, else None."""
    if getattr(exc, "status_code", None) not in _REFUSAL_STATUS:
        return None
    message = _said(getattr(exc, "body", None)) or str(getattr(exc, "message", "") or exc)
    return message if REFUSED.search(message) else None


def _said(body: Any) -> str | None:
    """The server's own words in an error body: ``{"error": {"message": ...}}``, ``{"error": "..."}``,
    ``{"message": ...}`` (openai keeps the inner ``error`` object as the body) or a bare string."""
    if isinstance(body, dict):
        inner = body.get("error", body)
        return _said(inner) if inner is not body else _said(body.get("message") or body.get("detail"))
    return body if isinstance(body, str) and body else None


def refused_error(mode: str, answer: str, accepted: list[str]) -> ModeRefused:
    """The configuration error for an explicit ``--mode`` the endpoint refuses, naming those it takes."""
    works = (f"modes it accepts: {', '.join(accepted)} (or --mode auto picks the strongest)" if accepted
             else "it accepts none of json_schema, tools, json, md_json")
    return ModeRefused(f"the endpoint refuses --mode {mode} ({answer}); {works}", answer, mode)


Send = Callable[..., Awaitable[Any]]


async def refuses(send: Send, model: str, mode: str) -> str | None:
    """Send the probe of ``mode``: None if the endpoint accepts it, else what the server said.

    The probe asks for one token with ``max_tokens``, which every server here takes; OpenAI's
    reasoning models refuse it (400 "Unsupported parameter: 'max_tokens' ... Use
    'max_completion_tokens' instead"), and get the same probe with ``max_completion_tokens``.
    """
    body = {"model": model, "messages": [dict(m) for m in PROBE_MESSAGES], **PROBES[mode]}
    try:
        try:
            await send(**body, max_tokens=1)
        except ModeRefused:
            raise
        except Exception as exc:
            if getattr(exc, "status_code", None) != 400 or "max_completion_tokens" not in str(exc):
                raise
            await send(**body, max_completion_tokens=1)
    except ModeRefused as exc:
        return exc.answer
    return None


async def detect(send: Send, model: str, modes: tuple[str, ...] = STRENGTH,
                 *, first: bool = True) -> tuple[list[str], dict[str, str]]:
    """The modes of ``modes`` the endpoint accepts (only the first, when ``first``), and what it said
    of those it refused. Other errors (credentials, unknown model, endpoint down) propagate."""
    accepted: list[str] = []
    refused: dict[str, str] = {}
    for mode in modes:
        answer = await refuses(send, model, mode)
        if answer is None:
            accepted.append(mode)
            if first:
                break
        else:
            refused[mode] = answer
    return accepted, refused


def with_schema(send: Send, schema: dict[str, Any]) -> Send:
    """``send`` that adds ``schema`` to a bare ``json_object`` response format.

    instructor's JSON mode puts the schema in the system message and asks for ``{"type":
    "json_object"}``; llama.cpp (both servers) also takes ``"schema"`` there and decodes under it,
    and the servers that do not know the key ignore it. This is the one place the shape changes.
    """

    async def create(**body: Any) -> Any:
        if body.get("response_format") == {"type": "json_object"}:
            body["response_format"] = {"type": "json_object", "schema": schema}
        return await send(**body)

    return create


class ModeMemory:
    """The mode detected per endpoint and model, in ``<directory>/modes.json``.

    An unreadable file is treated as empty (and rewritten on the next detection): it only ever
    costs a probe. Writes go through a temporary file and a rename, so a reader never sees half.
    """

    def __init__(self, directory: str | Path):
        self.path = Path(directory) / MEMORY_FILE

    @staticmethod
    def key(endpoint: str, model: str) -> str:
        return f"{endpoint.rstrip('/')} {model}"

    def _read(self) -> dict[str, Any]:
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}
        return data if isinstance(data, dict) else {}

    def get(self, endpoint: str, model: str) -> str | None:
        """The remembered mode, or None."""
        entry = self._read().get(self.key(endpoint, model))
        mode = entry.get("mode") if isinstance(entry, dict) else None
        return mode if mode in STRENGTH else None

    def clear(self) -> int:
        """Forget every detected mode (the next job probes again); return how many there were."""
        forgotten = len(self._read())
        self.path.unlink(missing_ok=True)
        return forgotten

    def put(self, endpoint: str, model: str, mode: str | None, refused: dict[str, str] | None = None) -> None:
        """Remember ``mode`` (None forgets it) with what the server said of the modes it refused."""
        data = self._read()
        key = self.key(endpoint, model)
        if mode is None:
            data.pop(key, None)
        else:
            data[key] = {"mode": mode, "refused": refused or {}, "detected": time.strftime("%Y-%m-%dT%H:%M:%SZ",
                                                                                        time.gmtime())}
        self.path.parent.mkdir(parents=True, exist_ok=True)
        write_text_atomic(self.path, json.dumps(data, indent=1, sort_keys=True))
