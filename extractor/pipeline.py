"""A batch job: documents stream in, records stream out, failures go to an errors file.

Memory does not grow with the input: documents are read, extracted and written
one at a time (or, with a backend that has ``aextract``, at most ``concurrency``
at a time, each written as it completes; or in ``workers`` processes, at most a
few chunks a worker at a time, written in input order: ``workers.WorkerPool``);
the only state kept is the set of doc ids (for duplicates and ``--resume``).
"""

from __future__ import annotations

import functools
import itertools
import json
import os
import sys
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import nullcontext
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from extractor.api import run_documents
from extractor.backends import DEFAULT_BACKEND, Backend, BackendUnavailable, choose, get_backend
from extractor.documents import DEFAULT_MAX_CHARS, Document, DocumentError
from extractor.models import DocumentResult, Usage
from extractor.output import (
    JsonlSink,
    ResultLine,
    default_errors_path,
    iter_json_lines,
    job_lock,
    read_written,
    repair_tail,
)
from extractor.readers import STDIN, FieldNames, InputFile, Item, ReadStats, count_items, input_files, read_files
from extractor.shards import Shard, shard_key
from extractor.workers import HANG_WARNING, POOL_CAN_HANG, WorkerPool, worker_count


class OutputExists(Exception):
    """The output file exists and neither resume nor overwrite was asked for."""


class OutputConflict(Exception):
    """The output or the errors file is one of the inputs, or the errors file is the output."""


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
            (default 8 there; the rule backend has ``workers`` instead).
        shard: Process only this shard's documents (and errors), by a stable hash of doc_id.
        workers: Processes that run a backend without ``aextract`` (the rule backend): 1 runs it in this
            process, None as many as there are usable cores (see ``workers.WorkerPool``). A backend with
            ``aextract`` runs in this process; more than 1 is refused for it (``BackendConfigError``).
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
    shard: Shard | None = None
    workers: int | None = 1

    def errors_path(self) -> str | None:
        """Where errors go: the given path, a file beside the output, or None for stderr."""
        if self.errors:
            return self.errors
        return None if self.output == "-" else default_errors_path(self.output)


@dataclass
class Summary:
    """Counts of one run (this run only, not what an earlier run wrote).

    ``total`` is how many items (documents and read errors) the inputs hold, skipped
    ones included, when a progress listener asked and it is cheap to know; else None.
    ``warnings`` are problems of the job as a whole (corrupt lines in a resumed output).
    ``deleted`` counts PMIDs of PubMed ``<DeleteCitation>`` entries (skipped); ``other_shards``
    the items left to the other shards of a ``--shard`` job. ``batch``: the requests went through a
    Batch API (``trialx batch collect``) and ``cost_usd`` is at its batch prices. ``workers`` is how
    many processes extracted (1: this one).
    """

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
    batch: bool = False
    total: int | None = None
    warnings: list[str] = field(default_factory=list)
    deleted: int = 0
    shard: str | None = None
    other_shards: int = 0
    workers: int = 1

    def count(self, result: ResultLine) -> None:
        """Add one written result (its trials and results; whether the response cache served it)."""
        self.written += 1
        self.trial_reports += result.is_trial_report
        self.trials += result.trials
        self.results += result.results
        self.cached += result.cached  # cost nothing this run

    def spend(self, usage: Usage) -> None:
        """Take what the backend's requests cost this run, failed documents included."""
        self.prompt_tokens, self.completion_tokens = usage.prompt_tokens, usage.completion_tokens
        self.cached_prompt_tokens, self.cost_usd = usage.cached_prompt_tokens, usage.cost_usd
        self.requests, self.reasks, self.batch = usage.requests, usage.reasks, usage.batch

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
            "warnings": self.warnings,
            "deleted_citations": self.deleted,
            "shard": self.shard,
            "other_shards": self.other_shards,
            "workers": self.workers,
            "usage": {"prompt_tokens": self.prompt_tokens, "completion_tokens": self.completion_tokens,
                      "cached_prompt_tokens": self.cached_prompt_tokens, "requests": self.requests,
                      "reasks": self.reasks, "cached": self.cached,
                      "cost_usd": self.cost_usd, "batch": self.batch},
        }


def _error_key(doc_id: str | None, source: str, reason: str) -> tuple[str, str]:
    return (doc_id or source, reason)


def _key_of(obj: dict[str, Any]) -> tuple[str, str]:
    return _error_key(obj.get("doc_id"), str(obj.get("source")), str(obj.get("reason")))


class _ErrorLog:
    """Errors file writer that does not repeat an error an earlier run already logged.

    Errors are appended as they happen, so a killed job keeps them. ``close`` then
    makes the file describe the current state (see ``close``).
    """

    def __init__(self, path: str | None, *, append: bool):
        self.path = path
        self._old: set[tuple[str, str]] = set()  # logged by earlier runs
        self._seen: set[tuple[str, str]] = set()  # met by this run
        if path and append and Path(path).exists():
            repair_tail(path)
            self._old = {_key_of(obj) for _, obj in iter_json_lines(path)}
        self._sink = JsonlSink(path, append=append) if path else JsonlSink(sys.stderr.buffer)

    def log(self, error: DocumentError) -> None:
        key = _error_key(error.doc_id, error.source, error.reason)
        if key in self._seen or key in self._old:
            self._seen.add(key)
            return
        self._seen.add(key)
        self._sink.write_json({"doc_id": error.doc_id, "source": error.source, "reason": error.reason})

    def close(self, written: set[str], *, complete: bool) -> None:
        """Close, dropping earlier runs' errors that no longer hold.

        An earlier error goes when its document is now in the output; after a complete
        run, every earlier error this run did not meet again goes too (each document
        missing from the output was tried again, so its failure, if any, was met).
        The file is replaced whole (temporary file, then ``os.replace``): a kill leaves
        the old one or the new one.
        """
        self._sink.close()
        if not (self.path and self._old):
            return
        temporary = f"{self.path}.tmp"
        kept: set[tuple[str, str]] = set()
        with JsonlSink(temporary) as sink:
            for _, obj in iter_json_lines(self.path):
                key = _key_of(obj)
                current = key in self._seen or (not complete and obj.get("doc_id") not in written)
                if current and key not in kept:
                    kept.add(key)
                    sink.write_json(obj)
        os.replace(temporary, self.path)


def _sharded(items: Iterable[Document | DocumentError], shard: Shard | None, summary: Summary
             ) -> Iterator[Document | DocumentError]:
    """Keep the items of ``shard`` (all without one), counting the others."""
    for item in items:
        if shard is None or shard.holds(shard_key(item)):
            yield item
        else:
            summary.other_shards += 1


def admit(
    items: Iterable[Document | DocumentError], done: set[str], summary: Summary
) -> Iterator[Document | DocumentError]:
    """Drop documents already written (resume); turn duplicate ids into errors."""
    seen: dict[str, str] = {}
    for item in items:
        if isinstance(item, Document):
            first = seen.get(item.doc_id)
            if first is not None:
                yield item.failed(f"duplicate doc_id {item.doc_id!r} (first seen at {first})")
                continue
            seen[item.doc_id] = item.source or item.doc_id
            if item.doc_id in done:
                summary.skipped += 1
                continue
        yield item


def refuse_overlaps(files: Iterable[InputFile], output: str, errors: str | None) -> None:
    """Refuse a job whose output or errors file is one of its inputs, or one file for both.

    Files are compared by device and inode, so a hard link, a symlink or another
    spelling of the path (``./x.jsonl``) is caught as well as the same name.
    """
    targets = {name: path for name, path in (("output", output), ("errors file", errors))
               if path is not None and path != STDIN}
    if len(targets) == 2 and _identity(output) == _identity(errors or ""):
        raise OutputConflict(f"the errors file {errors} is the output file {output}: choose another --errors")
    identities = {_identity(path): (name, path) for name, path in targets.items()}
    for file in files:
        if file.path != STDIN and _identity(file.path) in identities:
            name, path = identities[_identity(file.path)]
            flag = "-o" if name == "output" else "--errors"
            raise OutputConflict(
                f"the {name} {path} is also an input ({file.path}): writing it would destroy what is "
                f"read; choose another {flag}"
            )


def _identity(path: str) -> tuple[int, int] | str:
    try:
        found = os.stat(path)
    except OSError:
        return os.path.realpath(path)  # not there yet: compared by where it would be
    return (found.st_dev, found.st_ino)


def _already_written(out_path: Path | None, options: JobOptions, summary: Summary) -> set[str] | None:
    """The ids a resumed job skips; None when the output is written afresh.

    Raises:
        OutputExists: the output holds records and neither resume nor overwrite was asked.
    """
    if out_path is None or not out_path.exists() or out_path.stat().st_size == 0:
        return None
    if not options.resume:
        if options.overwrite:
            return None
        raise OutputExists(f"{out_path} exists: pass --resume to continue that job or --overwrite to replace it")
    repair_tail(out_path)  # a line cut by a crash of the machine: its document is done again
    written = read_written(out_path)
    summary.warnings.extend(_corrupt_line(out_path, *line, written.ids) for line in written.corrupt)
    return written.ids


def _corrupt_line(path: Path, number: int, doc_id: str | None, ids: set[str]) -> str:
    where = f"{path}:{number}: corrupt line (not a whole JSON record)"
    if doc_id is None:
        return f"{where}, its doc_id cannot be read: its document is extracted again; the line is left in place"
    if doc_id in ids:
        return f"{where} of {doc_id!r}, which has a whole record elsewhere; the line is left in place"
    return f"{where} of {doc_id!r}: that document is extracted again; the line is left in place"


class _Recorder:
    """Writes each outcome where it belongs and keeps the summary and the written ids."""

    def __init__(self, options: JobOptions, summary: Summary, done: set[str] | None,
                 on_document: Callable[[Summary], None] | None):
        out_path = None if options.output == "-" else Path(options.output)
        self.summary = summary
        self.written = set(done or ())
        self._on_document = on_document
        self._started = time.perf_counter()
        self._sink = JsonlSink(out_path, append=done is not None) if out_path else JsonlSink(sys.stdout.buffer)
        self._errors = _ErrorLog(summary.errors_file, append=options.resume)

    def record(self, outcome: DocumentResult | ResultLine | DocumentError) -> None:
        summary = self.summary
        summary.documents += 1
        if isinstance(outcome, DocumentError):
            summary.errors += 1
            self._errors.log(outcome)
        else:
            line = ResultLine.of(outcome) if isinstance(outcome, DocumentResult) else outcome
            self._sink.write_line(line.line)
            self.written.add(line.doc_id)
            summary.count(line)
        if self._on_document is not None:
            summary.elapsed = time.perf_counter() - self._started
            self._on_document(summary)

    def close(self, *, complete: bool) -> None:
        try:
            self._sink.close()
        finally:
            self._errors.close(self.written, complete=complete)
            self.summary.elapsed = time.perf_counter() - self._started


def run_job(options: JobOptions, *, on_document: Callable[[Summary], None] | None = None,
            items: Iterable[Item] | None = None, backend: Backend | None = None) -> Summary:
    """Run one extraction job and return its summary.

    The job holds the output's lock (``output.job_lock``) from start to end. With
    ``on_document``, ``Summary.total`` says how many items the inputs hold, when that is
    cheap to know (``readers.count_items``).

    ``items`` and ``backend``, when given, stand for reading ``options.inputs`` and building
    ``options.backend`` (``trialx batch collect`` gives the documents of its manifests and a Batch
    API's answers); the inputs are then only kept from being written over.

    Raises:
        OutputExists: the output exists and neither ``resume`` nor ``overwrite`` is set.
        OutputConflict: the output or errors file is an input, or the errors file is the output.
        output.OutputBusy: another job is writing the output.
        InputError: an input is missing, its format is unknown, or a CSV input has no text
            column (before anything is written).
        UnknownBackend: the backend name is not registered.
        BackendConfigError: the backend lacks a setting, or ``workers`` is over 1 for a backend that
            waits on the network (before anything is written).
        BackendUnavailable: the backend cannot work at all (credentials refused, endpoint down; worker
            processes that die as they start: ``workers.WorkersDied``);
            what was written so far is whole, ``--resume`` continues the job, and the exception's
            ``summary`` says what the job did and spent before it stopped.
    """
    files = input_files(options.inputs)
    summary = Summary(output=options.output, errors_file=options.errors_path(),
                      shard=None if options.shard is None else str(options.shard))
    refuse_overlaps(files, options.output, summary.errors_file)
    with nullcontext() if options.output == STDIN else job_lock(options.output):
        return _run_locked(options, files, summary, on_document, items, backend)


def _run_locked(options: JobOptions, files: list[InputFile], summary: Summary,
                on_document: Callable[[Summary], None] | None, given: Iterable[Item] | None,
                backend: Backend | None) -> Summary:
    done = _already_written(None if options.output == STDIN else Path(options.output), options, summary)
    if backend is not None:  # given (``trialx batch collect``): it runs here
        name, workers = backend.name, 1
    else:
        name = choose(options.backend, **options.backend_options)[0]
        workers = worker_count(name, options.workers)
        if workers > 1 and POOL_CAN_HANG:
            summary.warnings.append(HANG_WARNING)
        # With workers, each builds the backend: this process never imports it (the rule backend takes a second).
        backend = get_backend(name, **options.backend_options) if workers == 1 else None
    summary.backend = name
    # Read lazily, but let read_files raise InputError before any output is opened.
    stats = ReadStats()
    read = iter(given) if given is not None else read_files(
        files, format=options.format, fields=options.fields, max_chars=options.max_chars, stats=stats)
    first = next(read, None)
    if on_document is not None and options.shard is None and given is None:  # a shard's share: known once read
        summary.total = count_items(files, format=options.format, max_chars=options.max_chars)
    recorder = _Recorder(options, summary, done, on_document)
    items = _sharded(itertools.chain([first] if first is not None else [], read), options.shard, summary)
    complete = False
    try:
        admitted = admit(items, done or set(), summary)
        if backend is None:
            pool = WorkerPool(functools.partial(get_backend, name), options.backend_options, workers)
            _run_in_workers(admitted, recorder.record, pool, summary)
        else:
            run_documents(admitted, recorder.record, backend=backend, concurrency=options.concurrency)
        complete = True
    except BackendUnavailable as exc:
        exc.summary = summary  # what was done and spent before the stop, for the caller's report
        raise
    finally:
        summary.deleted = stats.deleted
        recorder.close(complete=complete)
        spent = getattr(backend, "spent", None)  # a model-backed backend counts what its requests cost
        if spent is not None:
            summary.spend(spent)
    return summary


def _run_in_workers(items: Iterable[Document | DocumentError], record: Callable[[ResultLine | DocumentError], None],
                    pool: WorkerPool, summary: Summary) -> None:
    """Hand every outcome of ``pool`` to ``record``, and say in the summary what the workers did."""
    try:
        with pool:
            for outcome in pool.extract(items):
                record(outcome)
    finally:
        summary.workers = pool.workers if pool.started else 1
        summary.warnings.extend(pool.warnings)


def summary_json(summary: Summary) -> str:
    """The summary as one JSON line (``--summary-json``)."""
    return json.dumps(summary.as_dict())
