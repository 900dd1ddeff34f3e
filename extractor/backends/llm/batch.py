"""The OpenAI Batch API: request lines, result lines, the Files and Batch API calls, and a batch's state.

A batch input file holds one request per line, ``{"custom_id", "method": "POST", "url":
"/v1/chat/completions", "body": {...}}``; its results (OpenAI's output and error files, or the one
file ``vllm run-batch`` writes) hold one line per request, ``{"id", "custom_id", "response":
{"status_code", "request_id", "body"}, "error"}``, in any order.

A ``custom_id`` is ``<first 48 hex digits of the document's cache key>-<part>``: unique within a file
(a document whose key is already there shares that request), at most 64 characters of letters,
digits and ``-`` (the strictest limit among Batch APIs), and the same for the same request whoever
prepares it. The manifest beside the file ties it to the document (``extractor.batch_jobs``).
"""

from __future__ import annotations

import contextlib
import json
import os
import tempfile
import time
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO, Final

from extractor.backends.llm.backend import ExtractionFailed, Request

ENDPOINT: Final = "/v1/chat/completions"
#: What one batch input file may hold (OpenAI: 50,000 requests, 200 MB).
MAX_REQUESTS = 50_000
MAX_BYTES = 200_000_000
CUSTOM_ID_MAX = 64
#: Statuses after which a batch changes no more.
ENDED = ("completed", "failed", "expired", "cancelled")
#: What became of the requests a batch did not answer, by its final status.
_UNANSWERED = {
    "completed": "the batch completed without answering it",
    "expired": "the batch expired (24 h) before answering it",
    "cancelled": "the batch was cancelled before answering it",
    "failed": "the batch failed",
}


def custom_id(request: Request) -> str:
    """The ``custom_id`` of a request (see the module docstring)."""
    return f"{request.key[:48]}-{request.number}"


def request_line(request_id: str, body: bytes) -> bytes:
    """One line of a batch input file, the body as the online path encodes it (``wire.BodyEncoder``)."""
    head = json.dumps({"custom_id": request_id, "method": "POST", "url": ENDPOINT})
    return head[:-1].encode() + b', "body": ' + body + b"}\n"


def unanswered(status: str | None) -> str:
    """Why a batch that ended with ``status`` has no answer for a request."""
    return _UNANSWERED.get(status or "", f"the batch ({status or 'never submitted'}) has no answer for it")


def failure_of(line: dict[str, Any]) -> str | None:
    """Why a result line carries no answer (the request failed, expired, ...), or None for an answer."""
    response = line.get("response") if isinstance(line.get("response"), dict) else None
    status = response.get("status_code") if response else None
    body = response.get("body") if response else None
    if status == 200 and isinstance(body, dict) and body.get("choices"):
        return None
    error = line.get("error")
    if isinstance(error, dict):
        said = ": ".join(str(error[k]) for k in ("code", "message") if error.get(k))
    elif error:
        said = str(error)
    else:
        inner = body.get("error") if isinstance(body, dict) else None
        said = str(inner.get("message") if isinstance(inner, dict) else inner or body or "no body")
    if status is None:
        return f"the batch did not run it ({said})"
    return f"the batch request failed ({status}: {said})"


class ResultsIndex:
    """The results of one or more batches, found by ``custom_id``: for each answer the file and offset of
    its line (read again when asked, so memory does not grow with the answers), and for each failed
    request the reason.

    Args:
        unanswered: Why a request that has no line here got no answer, by ``custom_id`` (None when
            no request of that id was prepared).
    """

    def __init__(self, unanswered: Any):
        self._unanswered = unanswered
        self._answers: dict[str, tuple[int, int]] = {}
        self._failures: dict[str, str] = {}
        self._files: list[BinaryIO] = []
        self.bad_lines: list[str] = []
        """``path:line: why`` of each line that is no result line."""

    def add(self, path: str | Path) -> None:
        """Index one results file (an output or error file, or ``vllm run-batch``'s output)."""
        handle = open(path, "rb")  # noqa: SIM115 - kept open until ``close``
        self._files.append(handle)
        number = len(self._files) - 1
        offset = 0
        for count, raw in enumerate(handle, start=1):
            start, offset = offset, offset + len(raw)
            if not raw.strip():
                continue
            try:
                line = json.loads(raw)
                request_id = line["custom_id"]
                assert isinstance(request_id, str)
            except (ValueError, KeyError, TypeError, AssertionError):
                self.bad_lines.append(f"{path}:{count}: not a batch result line (a JSON object with custom_id)")
                continue
            if request_id in self._answers:
                continue  # answered once already (a request prepared twice): one answer is enough
            why = failure_of(line)
            if why is None:
                self._answers[request_id] = (number, start)
                self._failures.pop(request_id, None)
            else:
                self._failures.setdefault(request_id, why)

    def __len__(self) -> int:
        return len(self._answers)

    @property
    def failed(self) -> int:
        return len(self._failures)

    def answer(self, request: Request) -> dict[str, Any]:
        """The chat completion answering ``request``.

        Raises:
            ExtractionFailed: no answer: why, and that the document is for an online rerun.
        """
        request_id = custom_id(request)
        found = self._answers.get(request_id)
        if found is None:
            why = self._failures.get(request_id) or self._unanswered(request_id) or (
                "no request was prepared for it (its result was in the response cache at prepare time, "
                "or its text or the settings changed since)")
            part = f"part {request.number} of {request.parts}: " if request.parts > 1 else ""
            raise ExtractionFailed(f"{part}{why}; rerun it online")
        handle = self._files[found[0]]
        handle.seek(found[1])
        body: dict[str, Any] = json.loads(handle.readline())["response"]["body"]
        return body

    def close(self) -> None:
        for handle in self._files:
            handle.close()
        self._files.clear()


# ---------------------------------------------------------------- state beside the requests file

def write_json(path: Path, data: dict[str, Any]) -> None:
    """Write ``data`` to ``path`` whole or not at all (a temporary file, then a rename)."""
    fd, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    with os.fdopen(fd, "w", encoding="utf-8") as out:
        json.dump(data, out, indent=1, ensure_ascii=False)
        out.write("\n")
        out.flush()
        os.fsync(out.fileno())
    os.replace(temporary, path)


def now() -> str:
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())


@dataclass
class BatchAPI:
    """The Files and Batch API calls of one endpoint, through the official openai client.

    Args:
        endpoint: The base URL (``https://api.openai.com/v1``, or an OpenAI-compatible server).
        api_key: The key, or None where the server needs none.
        timeout: Seconds per HTTP request (an upload of 200 MB takes a while: at least 10 minutes).
        retries: The client's own retries of a failed call (429, 5xx, dropped connections).
    """

    endpoint: str
    api_key: str | None
    timeout: float = 60.0
    retries: int = 2

    def __post_init__(self) -> None:
        import openai

        self._client = openai.OpenAI(api_key=self.api_key or "no-key", base_url=self.endpoint,
                                     timeout=self.timeout, max_retries=self.retries)

    def upload(self, path: Path) -> str:
        """Upload a batch input file (purpose ``batch``); its file id."""
        with path.open("rb") as data:
            return str(self._client.files.create(file=(path.name, data), purpose="batch",
                                                 timeout=max(self.timeout, 600.0)).id)

    def create(self, file_id: str, metadata: dict[str, str]) -> dict[str, Any]:
        """Create the batch of an uploaded file (24 h window); the batch object."""
        return self._client.batches.create(input_file_id=file_id, endpoint=ENDPOINT, completion_window="24h",
                                           metadata=metadata).model_dump()

    def retrieve(self, batch_id: str) -> dict[str, Any]:
        return self._client.batches.retrieve(batch_id).model_dump()

    def cancel(self, batch_id: str) -> dict[str, Any]:
        return self._client.batches.cancel(batch_id).model_dump()

    def find(self, submission: str, since: float) -> dict[str, Any] | None:
        """The batch whose metadata carries ``submission``, among those created since ``since`` (a submit
        that died between creating the batch and saving its id), or None."""
        for batch in self._client.batches.list(limit=100):
            if (batch.metadata or {}).get("trialx_submission") == submission:
                return batch.model_dump()
            if batch.created_at < since - 300:  # newest first: older ones cannot be ours
                return None
        return None

    def download(self, file_id: str, target: Path) -> None:
        """Stream a file's content to ``target`` (through a temporary file: a break leaves nothing half-written)."""
        temporary = target.with_name(f".{target.name}.part")
        with self._client.files.with_streaming_response.content(file_id, timeout=max(self.timeout, 600.0)) as got:
            got.stream_to_file(temporary)
        os.replace(temporary, target)

    def close(self) -> None:
        with contextlib.suppress(Exception):
            self._client.close()


def summarise_errors(errors: Any) -> str:
    """A batch's own errors (``failed``: the file did not validate) in one line."""
    data = errors.get("data") if isinstance(errors, dict) else None
    items: Iterable[Any] = data if isinstance(data, list) else []
    said = [f"{e.get('message')}" + (f" (line {e['line']})" if e.get("line") else "") for e in items
            if isinstance(e, dict)]
    return "; ".join(said[:3]) + (f"; and {len(said) - 3} more" if len(said) > 3 else "") if said else "no reason given"
