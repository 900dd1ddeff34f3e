"""A batch job: documents stream in, records stream out, failures go to an errors file.

Memory does not grow with the input: documents are read, extracted and written
one at a time (or, with a backend that has ``aextract``, at most ``concurrency``
at a time, each written as it completes); the only state kept is the set of doc
ids (for duplicates and ``--resume``).
"""

from __future__ import annotations

import itertools
import json
import sys
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from extractor.api import run_documents
from extractor.backends import DEFAULT_BACKEND, get_backend
from extractor.documents import DEFAULT_MAX_CHARS, Document, DocumentError
from extractor.models import DocumentResult, Usage
from extractor.output import JsonlSink, iter_json_lines, repair_tail, written_ids
from extractor.readers import FieldNames, read_documents


class OutputExists(Exception):
    """The output file exists and neither resume nor overwrite was asked for."""


@dataclass
class JobOptions:
    """Everything a job needs; the CLI fills it from flags.

    Attributes:
        inputs: Paths, directories, globs, or ``-`` for stdin.
        output: Output JSONL path, or ``-`` for stdout.
        errors: Errors JSONL path; default ``<output stem>.errors.jsonl``
            (stderr when the output is stdout).
        resume: Skip documents already in ``output`` and append the rest.
        overwrite: Replace an existing output instead of refusing.
        backend: Backend name.
        format: Input format, overriding detection.
        fields: Field names to read from JSON, JSONL and CSV records.
        max_chars: Longest document accepted, in characters.
        backend_options: Settings handed to the backend (the LLM backend's model, base URL, ...).
        concurrency: Documents in flight with a backend that has ``aextract``
            (default 8 there; the rule backend works one document at a time).
    """

    inputs: list[str]
    output: str = "-"
    errors: str | None = None
    resume: bool = False
    overwrite: bool = False
    backend: str = DEFAULT_BACKEND
    format: str | None = None
    fields: FieldNames = field(default_factory=FieldNames)
    max_chars: int = DEFAULT_MAX_CHARS
    backend_options: dict[str, Any] = field(default_factory=dict)
    concurrency: int | None = None

    def errors_path(self) -> str | None:
        """Where errors go: the given path, a file beside the output, or None for stderr."""
        if self.errors:
            return self.errors
        if self.output == "-":
            return None
        out = Path(self.output)
        stem = out.name[: -len(out.suffix)] if out.suffix else out.name
        return str(out.with_name(f"{stem}.errors.jsonl"))


@dataclass
class Summary:
    """Counts of one run (this run only, not what an earlier run wrote)."""

    documents: int = 0
    written: int = 0
    skipped: int = 0
    trial_reports: int = 0
    trials: int = 0
    results: int = 0
    errors: int = 0
    elapsed: float = 0.0
    output: str = "-"
    errors_file: str | None = None
    backend: str = DEFAULT_BACKEND
    prompt_tokens: int = 0
    completion_tokens: int = 0
    cached_prompt_tokens: int = 0
    requests: int = 0
    reasks: int = 0
    cached: int = 0
    cost_usd: float | None = None

    def count(self, result: DocumentResult) -> None:
        """Add one written result (its trials and results; whether the response cache served it)."""
        self.written += 1
        self.trial_reports += result.is_trial_report
        self.trials += len(result.trials)
        self.results += sum(len(t.results) for t in result.trials)
        self.cached += bool(result.usage is not None and result.usage.cached)  # cost nothing this run

    def spend(self, usage: Usage) -> None:
        """Take what the backend's requests cost this run, failed documents included."""
        self.prompt_tokens, self.completion_tokens = usage.prompt_tokens, usage.completion_tokens
        self.cached_prompt_tokens, self.cost_usd = usage.cached_prompt_tokens, usage.cost_usd
        self.requests, self.reasks = usage.requests, usage.reasks

    @property
    def docs_per_second(self) -> float:
        return self.documents / self.elapsed if self.elapsed > 0 else 0.0

    def as_dict(self) -> dict[str, object]:
        return {
            "documents": self.documents,
            "written": self.written,
            "skipped": self.skipped,
            "trial_reports": self.trial_reports,
            "trials": self.trials,
            "results": self.results,
            "errors": self.errors,
            "elapsed_s": round(self.elapsed, 3),
            "docs_per_s": round(self.docs_per_second, 1),
            "output": self.output,
            "errors_file": self.errors_file,
            "backend": self.backend,
            "usage": {"prompt_tokens": self.prompt_tokens, "completion_tokens": self.completion_tokens,
                      "cached_prompt_tokens": self.cached_prompt_tokens, "requests": self.requests,
                      "reasks": self.reasks, "cached": self.cached,
                      "cost_usd": self.cost_usd},
        }


def _error_key(doc_id: str | None, source: str, reason: str) -> tuple[str, str]:
    return (doc_id or source, reason)


class _ErrorLog:
    """Errors file writer that does not repeat an error an earlier run already logged."""

    def __init__(self, path: str | None, *, append: bool):
        self.path = path
        self._known: set[tuple[str, str]] = set()
        if path and append and Path(path).exists():
            repair_tail(path)
            for _, obj in iter_json_lines(path):
                self._known.add(
                    _error_key(obj.get("doc_id"), str(obj.get("source")), str(obj.get("reason")))
                )
        self._sink = JsonlSink(path, append=append) if path else JsonlSink(sys.stderr.buffer)

    def log(self, error: DocumentError) -> None:
        key = _error_key(error.doc_id, error.source, error.reason)
        if key in self._known:
            return
        self._known.add(key)
        self._sink.write_json({"doc_id": error.doc_id, "source": error.source, "reason": error.reason})

    def close(self) -> None:
        self._sink.close()


def _admit(
    items: Iterable[Document | DocumentError], done: set[str], summary: Summary
) -> Iterator[Document | DocumentError]:
    """Drop documents already written (resume); turn duplicate ids into errors."""
    seen: dict[str, str] = {}
    for item in items:
        if isinstance(item, Document):
            first = seen.get(item.doc_id)
            if first is not None:
                yield DocumentError(
                    source=item.source or item.doc_id,
                    reason=f"duplicate doc_id {item.doc_id!r} (first seen at {first})",
                    doc_id=item.doc_id,
                )
                continue
            seen[item.doc_id] = item.source or item.doc_id
            if item.doc_id in done:
                summary.skipped += 1
                continue
        yield item


def run_job(options: JobOptions, *, on_document: Callable[[Summary], None] | None = None) -> Summary:
    """Run one extraction job and return its summary.

    Raises:
        OutputExists: the output exists and neither ``resume`` nor ``overwrite`` is set.
        InputError: an input is missing or its format is unknown (before anything is written).
        UnknownBackend: the backend name is not registered.
        BackendConfigError: the backend lacks a setting (before anything is written).
        BackendUnavailable: the backend cannot work at all (credentials refused); what was
            written so far is whole, and ``--resume`` continues the job.
    """
    started = time.perf_counter()
    summary = Summary(output=options.output, errors_file=options.errors_path())
    out_path = None if options.output == "-" else Path(options.output)
    append = False
    done: set[str] = set()
    if out_path is not None and out_path.exists() and out_path.stat().st_size > 0:
        if options.resume:
            repair_tail(out_path)
            done = written_ids(out_path)
            append = True
        elif not options.overwrite:
            raise OutputExists(
                f"{out_path} exists: pass --resume to continue that job or --overwrite to replace it"
            )
    backend = get_backend(options.backend, **options.backend_options)
    summary.backend = backend.name
    # Read lazily, but let read_documents raise InputError before any output is opened.
    items = read_documents(options.inputs, format=options.format, fields=options.fields,
                           max_chars=options.max_chars)
    first = next(items, None)
    stream = _admit(itertools.chain([first] if first is not None else [], items), done, summary)

    sink = JsonlSink(out_path, append=append) if out_path else JsonlSink(sys.stdout.buffer)
    errors = _ErrorLog(summary.errors_file, append=options.resume)

    def record(outcome: DocumentResult | DocumentError) -> None:
        summary.documents += 1
        if isinstance(outcome, DocumentError):
            summary.errors += 1
            errors.log(outcome)
        else:
            sink.write_line(outcome.model_dump_json())
            summary.count(outcome)
        if on_document is not None:
            summary.elapsed = time.perf_counter() - started
            on_document(summary)

    try:
        run_documents(stream, record, backend=backend, concurrency=options.concurrency)
    finally:
        sink.close()
        errors.close()
        summary.elapsed = time.perf_counter() - started
    spent = getattr(backend, "spent", None)  # a model-backed backend counts what its requests cost
    if spent is not None:
        summary.spend(spent)
    return summary


def summary_json(summary: Summary) -> str:
    """The summary as one JSON line (``--summary-json``)."""
    return json.dumps(summary.as_dict())
