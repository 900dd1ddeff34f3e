"""The fake server's Files and Batch APIs: uploads, batches that run in steps, their output files.

Routes (as OpenAI serves them): ``POST /v1/files`` (multipart upload: ``file`` and ``purpose``),
``GET /v1/files/{id}`` and ``GET /v1/files/{id}/content``; ``POST /v1/batches`` (create from an uploaded
file of purpose ``batch``), ``GET /v1/batches/{id}`` (retrieve), ``POST /v1/batches/{id}/cancel``,
``GET /v1/batches`` (list, newest first).

A batch advances one step each time it is retrieved, so a test sees every status in turn and the
outcome never depends on timing: ``validating`` -> ``in_progress`` -> ``finalizing`` -> ``completed``.
Each line of its file is answered as the server would answer the same chat request online (the
script's replies, faults matched by document, the imitated server's refusals), without counting as
an online request: a line that gets an answer goes to the output file, one that gets an error status
to the error file. Faults (the server's queue, ``fake_openai.BATCH_FAULTS``):

- ``batch_fail``: the batch fails validation (``failed``, with ``errors``; no output);
- ``expire``: the batch runs out of time (``expired``): its first ``answered`` lines (default half) are
  answered, the others go to the error file with code ``batch_expired``;
- ``upload``: the next upload is refused (400).

``POST /v1/batches/{id}/cancel`` makes the batch ``cancelling``; at its next retrieval it is
``cancelled``, with the first half of its lines answered and nothing written for the others.
A file of more lines than ``max_requests`` (50,000, OpenAI's limit) fails validation, as it would there.
"""

from __future__ import annotations

import itertools
import json
import re
import threading
import time
from dataclasses import dataclass, field
from email.parser import BytesParser
from email.policy import HTTP
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from extractor.testing.fake_openai import FakeOpenAI

#: OpenAI's limit of requests in one batch.
MAX_REQUESTS = 50_000
STEPS = ("validating", "in_progress", "finalizing", "completed")
EXPIRED_ERROR = {"code": "batch_expired",
                 "message": "This request could not be executed before the completion window expired."}
_FILE = re.compile(r"^/v1/files/([\w-]+)(/content)?/?$")
_BATCH = re.compile(r"^/v1/batches/([\w-]+)(/cancel)?/?$")

Answer = tuple[int, "dict[str, Any] | bytes"]


@dataclass
class StoredFile:
    """An uploaded (or generated) file."""

    id: str
    filename: str
    purpose: str
    data: bytes
    created_at: int = field(default_factory=lambda: int(time.time()))

    def as_json(self) -> dict[str, Any]:
        return {"id": self.id, "object": "file", "bytes": len(self.data), "created_at": self.created_at,
                "filename": self.filename, "purpose": self.purpose, "status": "processed"}


@dataclass
class FakeBatch:
    """One batch and where it stands."""

    id: str
    input_file_id: str
    endpoint: str
    metadata: dict[str, str] | None
    fault: str | None = None
    answered: int | None = None
    status: str = "validating"
    created_at: int = field(default_factory=lambda: int(time.time()))
    times: dict[str, int] = field(default_factory=dict)
    counts: dict[str, int] = field(default_factory=lambda: {"total": 0, "completed": 0, "failed": 0})
    errors: list[dict[str, Any]] | None = None
    output_file_id: str | None = None
    error_file_id: str | None = None

    def as_json(self) -> dict[str, Any]:
        stamps = {f"{name}_at": self.times.get(name) for name in
                  ("in_progress", "finalizing", "completed", "failed", "expired", "cancelling", "cancelled")}
        return {"id": self.id, "object": "batch", "endpoint": self.endpoint, "input_file_id": self.input_file_id,
                "completion_window": "24h", "status": self.status, "created_at": self.created_at,
                "expires_at": self.created_at + 86400, "output_file_id": self.output_file_id,
                "error_file_id": self.error_file_id, "request_counts": dict(self.counts),
                "errors": None if self.errors is None else {"object": "list", "data": self.errors},
                "metadata": self.metadata, **stamps}


def _error(status: int, message: str, kind: str = "invalid_request_error") -> Answer:
    return status, {"error": {"message": message, "type": kind, "param": None, "code": None}}


class BatchStore:
    """The files and batches of one fake server (thread-safe: the server has a thread per connection)."""

    def __init__(self, fake: FakeOpenAI, max_requests: int = MAX_REQUESTS):
        self.fake = fake
        self.max_requests = max_requests
        self.files: dict[str, StoredFile] = {}
        self.batches: dict[str, FakeBatch] = {}
        self.lines_answered = 0
        """Batch lines answered so far (they are not online requests)."""
        self._ids = itertools.count(1)
        self._lock = threading.RLock()

    # ------------------------------------------------------------ routing

    def handle(self, method: str, path: str, content_type: str, raw: bytes) -> Answer | None:
        """Answer a Files or Batch API request; None when ``path`` is neither's."""
        path = path.split("?", 1)[0]
        with self._lock:
            if path.rstrip("/") == "/v1/files" and method == "POST":
                return self._upload(content_type, raw)
            if path.rstrip("/") == "/v1/batches":
                return self._create(raw) if method == "POST" else self._list()
            found = _FILE.match(path)
            if found and method == "GET":
                file = self.files.get(found[1])
                if file is None:
                    return _error(404, f"No such File object: {found[1]}")
                return (200, file.data) if found[2] else (200, file.as_json())
            found = _BATCH.match(path)
            if found:
                batch = self.batches.get(found[1])
                if batch is None:
                    return _error(404, f"No batch with id '{found[1]}' found.")
                if found[2] and method == "POST":
                    return self._cancel(batch)
                if method == "GET":
                    self._advance(batch)
                    return 200, batch.as_json()
        return None

    def _new_id(self, prefix: str) -> str:
        return f"{prefix}-fake{next(self._ids):04d}"

    def store(self, filename: str, purpose: str, data: bytes) -> StoredFile:
        file = StoredFile(self._new_id("file"), filename, purpose, data)
        self.files[file.id] = file
        return file

    # ------------------------------------------------------------ files

    def _upload(self, content_type: str, raw: bytes) -> Answer:
        if self.fake._take_fault("", {"upload"}) is not None:
            return _error(400, "fake upload fault: the file was refused")
        message = BytesParser(policy=HTTP).parsebytes(
            f"Content-Type: {content_type}\r\n\r\n".encode("latin-1") + raw)
        fields: dict[str, tuple[str | None, bytes]] = {}
        for part in message.iter_parts() if message.is_multipart() else []:
            name = part.get_param("name", header="content-disposition")
            payload = part.get_payload(decode=True)
            fields[str(name)] = (part.get_filename(), payload if isinstance(payload, bytes) else b"")
        if "file" not in fields or "purpose" not in fields:
            return _error(400, "an upload needs the fields 'file' and 'purpose'")
        filename, data = fields["file"]
        return 200, self.store(filename or "upload.jsonl", fields["purpose"][1].decode(), data).as_json()

    # ------------------------------------------------------------ batches

    def _create(self, raw: bytes) -> Answer:
        try:
            request = json.loads(raw)
        except ValueError:
            return _error(400, "request body is not JSON")
        source = self.files.get(str(request.get("input_file_id")))
        if source is None:
            return _error(400, f"No such File object: {request.get('input_file_id')}")
        if source.purpose != "batch":
            return _error(400, f"file {source.id} has purpose {source.purpose!r}, not 'batch'")
        if request.get("completion_window") != "24h":
            return _error(400, "completion_window must be '24h'")
        batch = FakeBatch(self._new_id("batch"), source.id, str(request.get("endpoint")), request.get("metadata"))
        fault = self.fake._take_fault("", {"expire", "batch_fail"})
        if fault is not None:
            batch.fault, batch.answered = fault.kind, fault.answered
        self.batches[batch.id] = batch
        return 200, batch.as_json()

    def _list(self) -> Answer:
        data = [b.as_json() for b in sorted(self.batches.values(), key=lambda b: b.id, reverse=True)]
        return 200, {"object": "list", "data": data, "first_id": data[0]["id"] if data else None,
                     "last_id": data[-1]["id"] if data else None, "has_more": False}

    def _cancel(self, batch: FakeBatch) -> Answer:
        if batch.status in ("validating", "in_progress", "finalizing"):
            self._enter(batch, "cancelling")
        elif batch.status != "cancelling":
            return _error(400, f"Cannot cancel a batch with status '{batch.status}'.")
        return 200, batch.as_json()

    def _enter(self, batch: FakeBatch, status: str) -> None:
        batch.status = status
        batch.times[status] = int(time.time())

    def _advance(self, batch: FakeBatch) -> None:
        """One step further (see the module docstring); a batch that has ended stays as it is."""
        lines = self.files[batch.input_file_id].data.splitlines()
        if batch.status == "validating":
            problems = self._validate(batch, lines)
            if problems:
                batch.errors = problems
                self._enter(batch, "failed")
                return
            batch.counts["total"] = len(lines)
            self._enter(batch, "in_progress")
        elif batch.status == "in_progress":
            if batch.fault == "expire":
                answered = len(lines) // 2 if batch.answered is None else batch.answered
                self._run(batch, lines, answered, expire_rest=True)
                self._enter(batch, "expired")
                return
            self._run(batch, lines, len(lines))
            self._enter(batch, "finalizing")
        elif batch.status == "finalizing":
            self._enter(batch, "completed")
        elif batch.status == "cancelling":
            if batch.output_file_id is None and batch.error_file_id is None:
                self._run(batch, lines, len(lines) // 2)
            self._enter(batch, "cancelled")

    def _validate(self, batch: FakeBatch, lines: list[bytes]) -> list[dict[str, Any]]:
        if batch.fault == "batch_fail":
            return [{"code": "invalid_request", "message": "fake batch_fail fault: the batch failed validation",
                     "param": None, "line": None}]
        if len(lines) > self.max_requests:
            return [{"code": "too_many_requests", "message": f"The batch input file has {len(lines)} requests; "
                     f"the limit is {self.max_requests}.", "param": None, "line": None}]
        problems = []
        for number, line in enumerate(lines, start=1):
            try:
                entry = json.loads(line)
                assert isinstance(entry["custom_id"], str) and entry["url"] == batch.endpoint
                assert entry["method"] == "POST" and isinstance(entry["body"], dict)
            except (ValueError, KeyError, TypeError, AssertionError):
                problems.append({"code": "invalid_request", "message": "not a batch request line", "param": None,
                                 "line": number})
        ids = [json.loads(line)["custom_id"] for line in lines] if not problems else []
        if len(ids) != len(set(ids)):
            problems.append({"code": "duplicate_custom_id", "message": "The custom_id for this request is a "
                             "duplicate of another request.", "param": "custom_id", "line": None})
        return problems

    def _run(self, batch: FakeBatch, lines: list[bytes], answered: int, *, expire_rest: bool = False) -> None:
        """Answer the first ``answered`` lines (and, expiring, write the others off): the output files."""
        output: list[dict[str, Any]] = []
        errors: list[dict[str, Any]] = []
        for number, line in enumerate(lines, start=1):
            entry = json.loads(line)
            record: dict[str, Any] = {"id": f"batch_req_{batch.id}_{number}", "custom_id": entry["custom_id"],
                                      "response": None, "error": None}
            if number > answered:
                if expire_rest:
                    errors.append({**record, "error": EXPIRED_ERROR})
                continue
            status, payload = self._answer(entry["body"])
            record["response"] = {"status_code": status, "request_id": f"req_{batch.id}_{number}", "body": payload}
            (output if status == 200 else errors).append(record)
        batch.counts.update(completed=len(output), failed=len(errors))
        if output:
            batch.output_file_id = self._results(batch, "output", output).id
        if errors:
            batch.error_file_id = self._results(batch, "errors", errors).id

    def _answer(self, body: dict[str, Any]) -> tuple[int, dict[str, Any]]:
        """What the server answers this request with online (a transport fault is a 500 here)."""
        from extractor.testing.fake_openai import document_of, refused

        self.lines_answered += 1
        document = document_of(body)
        refusal = refused(self.fake.script.imitate, body)
        if refusal is not None:
            return refusal
        fault = self.fake._take_fault(document)
        if fault is not None and fault.kind in ("hang", "drop"):
            return 500, {"error": {"message": f"fake {fault.kind} fault", "type": "server_error"}}
        return self.fake.reply(body, document, fault)

    def _results(self, batch: FakeBatch, kind: str, records: list[dict[str, Any]]) -> StoredFile:
        data = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records).encode("utf-8")
        return self.store(f"{batch.id}_{kind}.jsonl", "batch_output", data)
