"""Split a job into shards for array jobs, and join the shards' outputs again.

``Shard`` picks a deterministic 1/N of the documents by a hash of each doc_id (blake2b,
not Python's per-process ``hash``), so a document lands in the same shard however the
inputs are listed, on every machine and every run. ``merge_outputs`` joins the shard
outputs and their errors files into one output, refusing a doc_id written by two shards,
and replaces the merged files atomically.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from collections.abc import Iterator, Sequence
from contextlib import ExitStack, contextmanager, suppress
from dataclasses import dataclass
from pathlib import Path

from extractor.documents import Document, DocumentError
from extractor.output import JsonlSink, OutputBusy, default_errors_path, iter_json_lines, job_lock

_SHARD = re.compile(r"\s*(\d+)\s*/\s*(\d+)\s*")


class ShardError(ValueError):
    """A ``--shard`` value that is not ``K/N`` with 1 <= K <= N."""


class MergeError(Exception):
    """Shard outputs that cannot be merged: missing, duplicated doc ids, torn lines, output taken."""


@dataclass(frozen=True)
class Shard:
    """Shard ``index`` of ``count`` (1-based: ``1/4`` to ``4/4``).

    Attributes:
        index: Which shard, from 1 to ``count``.
        count: How many shards the documents are split into.
    """

    index: int
    count: int

    @classmethod
    def parse(cls, text: str) -> Shard:
        """Read ``K/N`` (``--shard``).

        Raises:
            ShardError: ``text`` is not two whole numbers with 1 <= K <= N.
        """
        match = _SHARD.fullmatch(text)
        if match is None:
            raise ShardError(f"--shard {text!r}: expected K/N, e.g. 1/8 (shard K of N, counted from 1)")
        index, count = int(match[1]), int(match[2])
        if not 1 <= index <= count:
            raise ShardError(f"--shard {text!r}: K must be between 1 and N (shards 1/{max(count, 1)} to "
                             f"{max(count, 1)}/{max(count, 1)})")
        return cls(index, count)

    def holds(self, key: str) -> bool:
        """Whether the document (or error) keyed ``key`` belongs to this shard."""
        digest = hashlib.blake2b(key.encode("utf-8"), digest_size=8).digest()
        return int.from_bytes(digest, "big") % self.count == self.index - 1

    def __str__(self) -> str:
        return f"{self.index}/{self.count}"


def shard_key(item: Document | DocumentError) -> str:
    """What places an item in a shard: its doc_id, or its source for an error without one."""
    return item.doc_id or (item.source if isinstance(item, DocumentError) else "")


# --------------------------------------------------------------------------- merging


@dataclass
class MergeSummary:
    """What ``merge_outputs`` wrote.

    Attributes:
        inputs: Shard outputs read.
        records: Records in the merged output.
        errors: Error lines in the merged errors file.
        errors_file: Where the errors went.
    """

    inputs: int
    records: int
    errors: int
    errors_file: str


def merge_outputs(inputs: Sequence[str], output: str, *, errors: str | None = None,
                  overwrite: bool = False) -> MergeSummary:
    """Join shard outputs (and the errors files beside them) into ``output``.

    Records are copied as they are, shard by shard. Each shard's errors file is the one its
    job wrote by default (``<stem>.errors.jsonl`` beside it); errors of documents that some
    shard wrote, and repeats, are dropped. Both merged files are written to temporary files
    and moved into place at the end, so a failed merge leaves no partial output. Each shard
    output's lock is held meanwhile: a shard still being written is refused.

    Args:
        inputs: Shard outputs (JSONL), in the order their records are to follow.
        output: The merged output.
        errors: The merged errors file; default ``<output stem>.errors.jsonl``.
        overwrite: Replace an existing output.

    Raises:
        MergeError: An input is missing, is the output, or has a line that is not a whole record;
            a doc_id is in two inputs (or twice in one); the output exists without ``overwrite``;
            a shard's job is still writing it.
    """
    _check_merge(inputs, output, overwrite)
    errors = errors or default_errors_path(output)
    with ExitStack() as stack:
        try:
            for path in dict.fromkeys(os.path.realpath(path) for path in [output, *inputs]):
                stack.enter_context(job_lock(path))
        except OutputBusy as exc:
            raise MergeError(str(exc)) from None
        with _replacing(output) as records_tmp, _replacing(errors) as errors_tmp:
            written = _merge_records(inputs, records_tmp)
            logged = _merge_errors(inputs, errors_tmp, set(written))
    return MergeSummary(len(inputs), len(written), logged, errors)


def _check_merge(inputs: Sequence[str], output: str, overwrite: bool) -> None:
    if not inputs:
        raise MergeError("no shard outputs to merge")
    if output == "-":
        raise MergeError("the merged output is written atomically to a file: give -o a path, not -")
    for path in inputs:
        if not os.path.isfile(path):
            raise MergeError(f"no such shard output: {path}")
        if os.path.exists(output) and os.path.samefile(path, output):
            raise MergeError(f"the output {output} is also an input ({path}): choose another -o")
    if os.path.exists(output) and not overwrite:
        raise MergeError(f"{output} exists: pass --overwrite to replace it")


@contextmanager
def _replacing(path: str) -> Iterator[JsonlSink]:
    """A temporary file beside ``path`` that replaces it when the block ends cleanly, and is removed otherwise."""
    target = Path(path)
    temporary = target.with_name(f".{target.name}.merge-{os.getpid()}.tmp")
    try:
        with JsonlSink(temporary) as sink:
            yield sink
    except BaseException:
        with suppress(FileNotFoundError):
            os.unlink(temporary)
        raise
    os.replace(temporary, target)


def _merge_records(inputs: Sequence[str], sink: JsonlSink) -> dict[str, str]:
    """Copy every record to ``sink``; return where each doc_id was found."""
    found: dict[str, str] = {}
    for path in inputs:
        with open(path, "rb") as lines:
            for number, raw in enumerate(lines, start=1):
                if not raw.strip():
                    continue
                doc_id = _doc_id(raw, path, number)
                if doc_id in found:
                    raise MergeError(f"duplicate doc_id {doc_id!r}: in {found[doc_id]} and {path}:{number}; "
                                     "were two shards given the same K/N, or one input given twice?")
                found[doc_id] = f"{path}:{number}"
                sink.write_line(raw.rstrip(b"\r\n").decode("utf-8"))
    return found


def _doc_id(raw: bytes, path: str, number: int) -> str:
    try:
        record = json.loads(raw)
    except ValueError:
        record = None
    doc_id = record.get("doc_id") if isinstance(record, dict) else None
    if not isinstance(doc_id, str):
        raise MergeError(f"{path}:{number}: not a whole record (torn or foreign line): finish that shard with "
                         "trialx extract --resume before merging")
    return doc_id


def _merge_errors(inputs: Sequence[str], sink: JsonlSink, written: set[str]) -> int:
    seen: set[tuple[object, object, object]] = set()
    for path in inputs:
        errors = default_errors_path(path)
        if not os.path.exists(errors):
            continue  # that shard had no failures
        for _, error in iter_json_lines(errors):
            key = (error.get("doc_id"), error.get("source"), error.get("reason"))
            if key not in seen and error.get("doc_id") not in written:
                seen.add(key)
                sink.write_json(error)
    return len(seen)
