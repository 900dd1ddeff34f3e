"""Batch jobs: documents to a Batch API's request files, and the batch's answers back to records.

``prepare`` reads the inputs as ``trialx extract`` does and writes, for each document the response
cache does not hold, the requests the online path would send (one per part), in the OpenAI batch
input format. Beside each requests file it keeps a **manifest** (``<file>.manifest.jsonl``: the
settings, then each document's id, text, title and source, or its read error), so that collecting
needs neither the inputs nor the flags again. A file stops at 50,000 requests or 200 MB (OpenAI's
limits; ``--max-requests``, ``--max-bytes``) and the next one is ``<stem>.2<suffix>``, ...; a
document's requests never straddle two files.

``submit`` uploads a file (Files API, purpose ``batch``) and creates its batch; ``status`` and
``cancel`` look after it. What they learn is kept in ``<file>.batch.json`` (written whole or not at
all), so a later command finds the batch after a crash or days later; a batch created by a submit
that died before saving its id is found again by the token in its metadata.

``collect`` downloads the batch's output and error files beside the requests file (or reads local
results files, such as ``vllm run-batch`` writes) and runs a ``trialx extract`` job over the
manifests' documents whose backend answers each request from those results
(``OpenAIBackend.answering_from``): the same validators, output, errors file, ``--resume`` and
summary as ``trialx extract``, and the results stored in the response cache under the online key
(the cache directory prepare looked in, unless ``--cache-dir`` names another).
A document without a usable answer is an error naming why, for an online rerun.
"""

from __future__ import annotations

import asyncio
import dataclasses
import functools
import hashlib
import json
import os
import time
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from extractor.api import extraction_error
from extractor.backends import BackendConfigError, BackendUnavailable
from extractor.backends.llm.backend import ExtractionFailed, OpenAIBackend, Request
from extractor.backends.llm.batch import (
    ENDED,
    MAX_BYTES,
    MAX_REQUESTS,
    BatchAPI,
    ResultsIndex,
    custom_id,
    now,
    request_line,
    summarise_errors,
    unanswered,
    write_json,
)
from extractor.backends.llm.settings import OPENAI_URL, LLMSettings, resolve
from extractor.backends.llm.wire import BodyEncoder
from extractor.documents import DEFAULT_MAX_CHARS, Document, DocumentError
from extractor.output import JsonlSink, job_lock
from extractor.pipeline import JobOptions, Summary, admit, refuse_overlaps, run_job
from extractor.readers import FieldNames, Item, input_files, read_files

MANIFEST_FORMAT = 1
#: The settings that change an answer, kept in the manifest: collect rebuilds the backend from them.
ANSWER_SETTINGS = ("model", "base_url", "mode", "prompt", "prompts_dir", "temperature", "max_output_tokens",
                   "max_reasks", "max_tokens_per_doc", "token_budget")


class BatchError(Exception):
    """A batch command cannot go on (a file not prepared, submitted twice, a refused upload ...): a usage error."""


class NotReady(Exception):
    """A batch has not ended yet: collect later (or wait)."""


@dataclass(frozen=True)
class RequestFile:
    """A requests file and the files trialx keeps beside it."""

    path: Path

    def sibling(self, suffix: str) -> Path:
        return self.path.with_name(self.path.name + suffix)

    @property
    def manifest(self) -> Path:
        return self.sibling(".manifest.jsonl")

    @property
    def state(self) -> Path:
        return self.sibling(".batch.json")

    @property
    def output(self) -> Path:
        """Where the batch's output file is downloaded."""
        return self.sibling(".output.jsonl")

    @property
    def error_output(self) -> Path:
        """Where the batch's error file is downloaded."""
        return self.sibling(".batch-errors.jsonl")

    def numbered(self, number: int) -> RequestFile:
        """The ``number``-th file of a prepare (the first is this one): ``requests.2.jsonl``, ..."""
        if number == 1:
            return self
        suffix = self.path.suffix
        return RequestFile(self.path.with_name(f"{self.path.name[: len(self.path.name) - len(suffix)]}.{number}"
                                               f"{suffix}"))

    def kept(self) -> list[Path]:
        return [self.path, self.manifest, self.state, self.output, self.error_output]

    def header(self) -> dict[str, Any]:
        """The manifest's first line (what prepare was run with).

        Raises:
            BatchError: the file was not prepared by ``trialx batch prepare``, or its manifest is gone.
        """
        try:
            with self.manifest.open("rb") as fh:
                header = json.loads(fh.readline())
            assert header.get("trialx_batch") == MANIFEST_FORMAT
        except (OSError, ValueError, AssertionError, AttributeError):
            raise BatchError(f"{self.path} has no manifest from trialx batch prepare ({self.manifest} is missing "
                             "or unreadable): prepare it again") from None
        return dict(header)

    def items(self) -> Iterator[Item]:
        """The documents and read errors of the manifest, in the order prepare met them."""
        with self.manifest.open("rb") as fh:
            fh.readline()
            for raw in fh:
                entry = json.loads(raw)
                if "error" in entry:
                    yield DocumentError(**entry["error"])
                else:
                    yield Document(entry["doc_id"], entry["text"], entry.get("title"), entry.get("source"),
                                   tuple(entry.get("registry_ids", ())), tuple(entry.get("warnings", ())))

    def request_ids(self) -> Iterator[str]:
        """The ``custom_id`` of each request line."""
        if not self.path.exists():
            return
        with self.path.open("rb") as fh:
            for raw in fh:
                if raw.strip():
                    yield str(json.loads(raw)["custom_id"])

    def read_state(self) -> dict[str, Any]:
        try:
            return dict(json.loads(self.state.read_text(encoding="utf-8")))
        except FileNotFoundError:
            return {}
        except ValueError as exc:
            raise BatchError(f"{self.state} is not readable JSON ({exc}): it holds the batch id of "
                             f"{self.path}; mend it, or delete it to submit again") from None

    def write_state(self, state: dict[str, Any]) -> None:
        write_json(self.state, state)


# ---------------------------------------------------------------- prepare

@dataclass
class PrepareOptions:
    """What ``trialx batch prepare`` is asked.

    Attributes:
        inputs: Paths, directories, globs, or ``-``.
        output: The (first) requests file.
        overwrite: Replace an earlier prepare's files (requests, manifests, batch states, downloads).
        format: Input format, overriding detection.
        fields: Field names of JSON, JSONL and CSV records.
        max_chars: Longest document accepted.
        backend_options: The LLM settings by name (model, base URL, mode, prompt ...).
        max_requests: Requests per file (OpenAI: 50,000).
        max_bytes: Bytes per file (OpenAI: 200 MB).
    """

    inputs: list[str]
    output: str
    overwrite: bool = False
    format: str | None = None
    fields: FieldNames = field(default_factory=FieldNames)
    max_chars: int = DEFAULT_MAX_CHARS
    backend_options: dict[str, Any] = field(default_factory=dict)
    max_requests: int = MAX_REQUESTS
    max_bytes: int = MAX_BYTES


@dataclass
class Prepared:
    """What a prepare wrote."""

    files: list[str] = field(default_factory=list)
    documents: int = 0
    requests: int = 0
    cached: int = 0
    shared: int = 0
    errors: int = 0
    bytes: int = 0
    model: str = ""
    mode: str = ""
    price: tuple[float, float, float | None] | None = None

    @property
    def prompt_tokens(self) -> int:
        """About how many prompt tokens the requests hold (bytes / 4)."""
        return self.bytes // 4

    @property
    def input_cost_usd(self) -> float | None:
        """Their prompt tokens at the batch input price (completions come on top), or None without a price."""
        return None if self.price is None else round(self.prompt_tokens * self.price[0] / 1e6, 4)

    def as_dict(self) -> dict[str, Any]:
        return {**dataclasses.asdict(self), "prompt_tokens": self.prompt_tokens, "input_cost_usd": self.input_cost_usd}


class _RequestWriter:
    """Request lines and manifest entries, file after file within the limits (each file written under a
    temporary name and renamed once whole)."""

    def __init__(self, first: RequestFile, header: dict[str, Any], options: PrepareOptions, prepared: Prepared):
        self.first, self.header, self.options, self.prepared = first, header, options, prepared
        self.encode = BodyEncoder()
        self.number = 0
        self._open()

    def _open(self) -> None:
        self.number += 1
        self.file = self.first.numbered(self.number)
        self.lines = self.size = 0
        self.keys: set[str] = set()
        self.requests = JsonlSink(self.part(self.file.path))
        self.manifest = JsonlSink(self.part(self.file.manifest))
        self.manifest.write_json({**self.header, "requests_file": self.file.path.name})

    @staticmethod
    def part(path: Path) -> Path:
        return path.with_name(f".{path.name}.part")

    def close(self) -> None:
        for sink, path in ((self.requests, self.file.path), (self.manifest, self.file.manifest)):
            sink.close()
            os.replace(self.part(path), path)
        self.prepared.files.append(str(self.file.path))

    def add(self, document: Document, requests: list[tuple[Request, dict[str, Any]]] | None) -> str | None:
        """Write a document's requests (none when cached) and its manifest entry; why not, when they
        cannot fit in any one file."""
        key = requests[0][0].key if requests else None
        lines = [] if key is None or key in self.keys else [
            request_line(custom_id(request), self.encode(body)) for request, body in requests or []]
        size = sum(map(len, lines))
        if len(lines) > self.options.max_requests or size > self.options.max_bytes:
            return (f"its {len(lines)} requests ({size:,} bytes) exceed one batch file (--max-requests "
                    f"{self.options.max_requests}, --max-bytes {self.options.max_bytes})")
        if self.lines and (self.lines + len(lines) > self.options.max_requests
                           or self.size + size > self.options.max_bytes):
            self.close()
            self._open()
            return self.add(document, requests)
        for line in lines:
            self.requests.write_line(line.decode("utf-8").rstrip("\n"))
        self.lines, self.size = self.lines + len(lines), self.size + size
        if key is not None:
            self.keys.add(key)
        entry = dataclasses.asdict(document)
        self.manifest.write_json({k: v for k, v in entry.items() if v not in (None, (), [])})
        self.prepared.requests += len(lines)
        self.prepared.bytes += size
        self.prepared.cached += requests is None
        self.prepared.shared += bool(requests) and not lines
        return None

    def add_error(self, error: DocumentError) -> None:
        self.manifest.write_json({"error": dataclasses.asdict(error)})
        self.prepared.errors += 1


def _clear(first: RequestFile, overwrite: bool) -> None:
    """Remove an earlier prepare's files (with ``overwrite``), or refuse to write over them."""
    if not overwrite:
        if first.path.exists() or first.manifest.exists():
            raise BatchError(f"{first.path} exists: pass --overwrite to replace it (with its manifest, batch "
                             "state and downloaded results, and the numbered files after it)")
        return
    number = 1
    while number == 1 or first.numbered(number).path.exists() or first.numbered(number).manifest.exists():
        for path in first.numbered(number).kept():
            path.unlink(missing_ok=True)
        number += 1


def prepare(options: PrepareOptions, *, on_document: Callable[[Prepared], None] | None = None) -> Prepared:
    """Write the batch requests of every document of ``options.inputs`` not in the response cache.

    Raises:
        InputError: an input is missing or unreadable as a whole (before anything is written).
        BatchError: the requests file exists without ``overwrite``.
        output.OutputBusy: another prepare is writing it.
        BackendConfigError, BackendUnavailable: the settings are incomplete, or finding the mode failed.
    """
    first = RequestFile(Path(options.output))
    files = input_files(options.inputs)
    refuse_overlaps(files, options.output, None)
    with job_lock(options.output):
        _clear(first, options.overwrite)
        backend = OpenAIBackend(batch=True, **options.backend_options)
        try:
            items = read_files(files, format=options.format, fields=options.fields, max_chars=options.max_chars)
            return asyncio.run(_prepare(items, backend, first, options, on_document))
        finally:
            backend.close()


async def _prepare(items: Iterator[Item], backend: OpenAIBackend, first: RequestFile, options: PrepareOptions,
                   on_document: Callable[[Prepared], None] | None) -> Prepared:
    try:
        await backend.find_mode()  # --mode auto: the manifest names the mode the requests are built for
    except ExtractionFailed as exc:
        await backend.aclose()
        raise BatchError(f"--mode auto asks the endpoint which structured-output mode it accepts, and {exc}; "
                         "to prepare without the endpoint, give --mode (OpenAI's Batch API and vLLM both "
                         "accept tools and json_schema)") from None
    settings = backend.settings
    header = {"trialx_batch": MANIFEST_FORMAT, "digest": backend.digest, "created": now(),
              "endpoint": settings.endpoint(), "inputs": options.inputs, "cache_dir": settings.cache_dir,
              "settings": {name: getattr(settings, name) for name in ANSWER_SETTINGS} | {"mode": backend.mode}}
    prepared = Prepared(model=backend.model, mode=str(backend.mode), price=backend.price)
    writer = _RequestWriter(first, header, options, prepared)
    whole = False
    try:
        for item in admit(items, set(), Summary()):
            prepared.documents += 1
            if isinstance(item, DocumentError):
                writer.add_error(item)
            else:
                try:
                    requests = await backend.batch_requests(item)
                except BackendUnavailable:
                    raise
                except Exception as exc:  # one bad document never sinks a batch
                    writer.add_error(extraction_error(item, exc))
                else:
                    why = writer.add(item, requests)
                    if why is not None:
                        writer.add_error(DocumentError(item.source or item.doc_id, why, item.doc_id))
            if on_document is not None:
                on_document(prepared)
        writer.close()
        whole = True
    finally:
        if not whole:  # stopped (the endpoint refused the mode, Ctrl-C): leave no half file
            for sink, path in ((writer.requests, writer.file.path), (writer.manifest, writer.file.manifest)):
                sink.close()
                writer.part(path).unlink(missing_ok=True)
    return prepared


# ---------------------------------------------------------------- submit, status, cancel

def _api(endpoint: str, llm: dict[str, Any]) -> BatchAPI:
    """The Files and Batch API client of ``endpoint``, with the key and transport settings of ``llm``."""
    settings = resolve({k: v for k, v in llm.items() if k != "config"} | {"base_url": endpoint},
                       config=llm.get("config"))
    if not settings.api_key and endpoint.rstrip("/") == OPENAI_URL:
        raise BackendConfigError(f"no API key: set {settings.api_key_env} (or name another variable with "
                                 "--api-key-env)")
    return BatchAPI(endpoint, settings.api_key, timeout=settings.timeout, retries=settings.retries)


def _describe(exc: Exception) -> str:
    from extractor.backends.llm.transport import describe, job_level

    fatal = job_level(exc)
    return str(fatal) if fatal is not None else describe(exc)


def _call(what: str, call: Callable[[], Any]) -> Any:
    """An API call whose failure is a ``BatchError`` saying what was being done."""
    import openai

    try:
        return call()
    except openai.APIError as exc:
        raise BatchError(f"{what} failed: {_describe(exc)}") from None


def _observe(state: dict[str, Any], batch: dict[str, Any]) -> dict[str, Any]:
    """Take what the batch object says into the state."""
    state.update(batch_id=batch["id"], status=batch["status"], request_counts=batch.get("request_counts"),
                 output_file_id=batch.get("output_file_id"), error_file_id=batch.get("error_file_id"),
                 errors=batch.get("errors"), expires_at=batch.get("expires_at"), checked=now())
    return state


def submit(file: RequestFile, llm: dict[str, Any], *, force: bool = False) -> dict[str, Any]:
    """Upload a requests file and create its batch; the state saved beside it.

    Raises:
        BatchError: not prepared, empty, already submitted (without ``force``), or the API refused.
    """
    header = file.header()
    state = file.read_state()
    if state.get("batch_id") and not force:
        raise BatchError(f"{file.path} was submitted already as {state['batch_id']} ({state.get('status')}): "
                         "see trialx batch status; --force submits it again (a second batch, paid again)")
    data = file.path.read_bytes()
    digest = hashlib.sha256(data).hexdigest()
    lines = data.count(b"\n")
    if not lines:
        raise BatchError(f"{file.path} holds no request (its documents are in the response cache or failed to "
                         "read): nothing to submit; trialx batch collect writes them as they are")
    if state.get("batch_id") or state.get("sha256") != digest:  # --force, or the file changed: start afresh
        state = {"previous": [*state.pop("previous", []), state]} if state.get("batch_id") else {}
    api = _api(header["endpoint"], llm)
    try:
        state.update(requests_file=file.path.name, endpoint=header["endpoint"], sha256=digest, requests=lines)
        if not state.get("input_file_id"):
            state["input_file_id"] = _call(f"uploading {file.path}", lambda: api.upload(file.path))
            state["uploaded"] = now()
            file.write_state(state)
        found = None
        if state.get("submission"):  # a submit died after asking for the batch: was it created?
            found = _call("looking for the batch of an interrupted submit",
                          lambda: api.find(state["submission"], state["creating_since"]))
        else:
            state.update(submission=uuid.uuid4().hex, creating_since=time.time())
            file.write_state(state)
        metadata = {"trialx_submission": state["submission"], "trialx_requests": file.path.name[:500]}
        batch = found or _call(f"creating the batch of {file.path}",
                               lambda: api.create(state["input_file_id"], metadata))
        state["submitted"] = now()
        file.write_state(_observe(state, batch))
        return state
    finally:
        api.close()


def status(file: RequestFile, llm: dict[str, Any]) -> dict[str, Any]:
    """The batch's state, brought up to date (a batch that has ended is not asked again).

    Raises:
        BatchError: never submitted, or the API refused.
    """
    state = file.read_state()
    if not state.get("batch_id"):
        raise BatchError(f"{file.path} has not been submitted (no batch id in {file.state}): trialx batch submit "
                         f"{file.path}")
    if state.get("status") in ENDED:
        return state
    api = _api(state["endpoint"], llm)
    try:
        batch = _call(f"asking for batch {state['batch_id']}", lambda: api.retrieve(state["batch_id"]))
    finally:
        api.close()
    file.write_state(_observe(state, batch))
    return state


def cancel(file: RequestFile, llm: dict[str, Any]) -> dict[str, Any]:
    """Cancel the batch (what it answered before stopping can still be collected)."""
    state = status(file, llm)
    if state["status"] in ENDED:
        raise BatchError(f"batch {state['batch_id']} of {file.path} has ended ({state['status']}): nothing to cancel")
    api = _api(state["endpoint"], llm)
    try:
        batch = _call(f"cancelling batch {state['batch_id']}", lambda: api.cancel(state["batch_id"]))
    finally:
        api.close()
    file.write_state(_observe(state, batch))
    return state


# ---------------------------------------------------------------- collect

@dataclass
class CollectOptions:
    """What ``trialx batch collect`` is asked, beside the job's output options.

    Attributes:
        files: The requests files (all the files of one prepare, or any of them).
        results: Local results files to read instead of downloading (``vllm run-batch``'s output).
        llm: The LLM flags given (cache directory, price file, config; key and timeouts for downloads).
        wait: Seconds between two looks at a batch that has not ended (None: do not wait, raise ``NotReady``).
    """

    files: list[RequestFile]
    results: list[str] = field(default_factory=list)
    llm: dict[str, Any] = field(default_factory=dict)
    wait: float | None = None


def _ended(file: RequestFile, options: CollectOptions, sleep: Callable[[float], None]) -> dict[str, Any]:
    """The batch's state once it has ended, its output and error files downloaded beside it."""
    state = status(file, options.llm)
    while state["status"] not in ENDED:
        if options.wait is None:
            counts = state.get("request_counts") or {}
            raise NotReady(f"batch {state['batch_id']} of {file.path} is {state['status']} "
                           f"({counts.get('completed', 0)} of {counts.get('total', '?')} requests done): "
                           "collect once it has ended (trialx batch status), or with --wait")
        sleep(options.wait)
        state = status(file, options.llm)
    downloads = state.setdefault("downloaded", {})
    wanted = ((state.get("output_file_id"), file.output), (state.get("error_file_id"), file.error_output))
    missing = [(file_id, target) for file_id, target in wanted
               if file_id and (downloads.get(file_id) != target.name or not target.exists())]
    if missing:
        api = _api(state["endpoint"], options.llm)
        try:
            for file_id, target in missing:
                _call(f"downloading {file_id}", functools.partial(api.download, file_id, target))
                downloads[file_id] = target.name
                file.write_state(state)
        finally:
            api.close()
    return state


def _answers(options: CollectOptions, sleep: Callable[[float], None]) -> tuple[ResultsIndex, list[str]]:
    """The results of the files' batches (or the local results files), and the paths read."""
    owner: dict[str, str] = {}  # custom_id -> why it has no answer if no line answers it
    reading: list[str] = []
    if options.results:
        for path in options.results:
            if not Path(path).is_file():
                raise BatchError(f"no results file {path}")
        reading = list(options.results)
        why = f"no answer for it in {', '.join(Path(p).name for p in reading)}"
        for file in options.files:
            owner.update(dict.fromkeys(file.request_ids(), why))
    else:
        for file in options.files:
            ids = list(file.request_ids())
            if not ids:
                continue  # every document of it was in the cache: no batch to wait for
            state = _ended(file, options, sleep)
            why = unanswered(state["status"])
            if state["status"] == "failed":
                why += f" ({summarise_errors(state.get('errors'))})"
            owner.update(dict.fromkeys(ids, f"{why} (batch {state['batch_id']})"))
            reading += [str(t) for t in (file.output, file.error_output) if t.exists()
                        and t.name in state["downloaded"].values()]
    index = ResultsIndex(owner.get)
    for path in reading:
        index.add(path)
    return index, reading


def collect(options: CollectOptions, job: JobOptions, *, on_document: Callable[[Summary], None] | None = None,
            sleep: Callable[[float], None] = time.sleep) -> Summary:
    """Write the records of the batch's answers, as ``trialx extract`` writes them (``job``: output, errors,
    resume, overwrite), store them in the response cache, and fail each document without a usable answer.

    Raises:
        BatchError: a file was not prepared, not submitted, or prepared under other settings; the API refused.
        NotReady: a batch has not ended, and ``options.wait`` is None.
        pipeline.OutputExists, pipeline.OutputConflict, output.OutputBusy: as for ``run_job``.
    """
    headers = [file.header() for file in options.files]
    if len({h["digest"] for h in headers}) > 1:
        raise BatchError("these requests files were prepared under different settings: collect them apart")
    # The answers go to the cache prepare looked in, unless --cache-dir names another.
    flags = {"cache_dir": options.llm.get("cache_dir") or headers[0]["cache_dir"], "no_cache": False,
             "price_file": options.llm.get("price_file")}
    settings = resolve({**headers[0]["settings"], **flags}, config=options.llm.get("config"))
    backend = OpenAIBackend(settings, batch=True)
    if backend.digest != headers[0]["digest"]:
        backend.close()
        raise BatchError(f"the settings that shape an answer differ from those {options.files[0].path} was prepared "
                         "with (the prompt file, the response schema or trialx changed, or the environment or config "
                         "file now sets another base URL, prompts directory or output limit): its answers would be "
                         "checked and cached as another configuration's; prepare again")
    index, read = _answers(options, sleep)
    job = dataclasses.replace(job, inputs=[str(p) for f in options.files for p in (f.path, f.manifest)] + read)
    try:
        summary = run_job(job, on_document=on_document, backend=backend.answering_from(index.answer),
                          items=(item for file in options.files for item in file.items()))
    finally:
        index.close()
        backend.close()
    summary.warnings.extend(index.bad_lines)
    return summary


def rerun_command(file: RequestFile, output: str) -> list[str]:
    """``trialx extract`` over the prepared inputs with the prepared settings, resuming ``output``: it asks
    online for the documents collect could not write, and skips the others."""
    header = file.header()
    defaults = LLMSettings()
    flags = [f"--{name.replace('_', '-')}={value}" for name, value in header["settings"].items()
             if value is not None and value != getattr(defaults, name)]
    if header["cache_dir"] != resolve({}).cache_dir:
        flags.append(f"--cache-dir={header['cache_dir']}")
    return ["trialx", "extract", *header["inputs"], "-o", output, "--resume", "--backend", "openai", *flags]
