"""JSONL sinks that a kill cannot tear, and reading back what a killed job wrote.

Each record is written as one complete line by a single ``os.write`` on a file
opened with ``O_APPEND``. A regular-file write is not interrupted by signals, so
killing the process leaves either the whole line or none of it. A crash of the
machine itself can still cut a line; ``repair_tail`` drops such a tail before a
resumed job appends to the file.

One job at a time writes an output: ``job_lock`` holds an exclusive advisory lock
(``fcntl.flock``) on a hidden lock file beside it for the whole job. The kernel
drops the lock when its holder dies, even by ``kill -9``, so a stale lock file
never blocks the next job. Platforms without ``fcntl`` (Windows) take no lock.
"""

from __future__ import annotations

import json
import os
import re
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

from extractor.models import DocumentResult

try:
    import fcntl
except ImportError:  # Windows: no advisory locks, jobs are not kept apart
    fcntl = None  # type: ignore[assignment]


class OutputBusy(Exception):
    """Another job holds the output's lock."""


class JsonlSink:
    """Append-only JSONL file (or a binary stream such as stdout).

    Args:
        target: Path of the file, or an open binary stream.
        append: Keep existing content (resume) instead of truncating.
        fsync_every: Force lines to disk after this many records (0: only at close).
    """

    def __init__(self, target: str | Path | BinaryIO, *, append: bool = False, fsync_every: int = 200):
        self._stream: BinaryIO | None = None
        self._fd: int | None = None
        if isinstance(target, str | Path):
            flags = os.O_WRONLY | os.O_CREAT | os.O_APPEND | (0 if append else os.O_TRUNC)
            self._fd = os.open(target, flags, 0o644)
        else:
            self._stream = target
        self._fsync_every = fsync_every
        self._pending = 0
        self.count = 0

    def write_line(self, line: str) -> None:
        """Write one record; ``line`` is a JSON text without its newline."""
        data = (line + "\n").encode("utf-8")
        if self._fd is None:
            assert self._stream is not None
            self._stream.write(data)
            self._stream.flush()
        else:
            view = memoryview(data)
            while view:  # os.write may write less than asked (full disk, huge line)
                written = os.write(self._fd, view)
                view = view[written:]
            self._pending += 1
            if self._fsync_every and self._pending >= self._fsync_every:
                os.fsync(self._fd)
                self._pending = 0
        self.count += 1

    def write_json(self, obj: object) -> None:
        """Serialise ``obj`` compactly and write it as one line."""
        self.write_line(json.dumps(obj, ensure_ascii=False, separators=(",", ":")))

    def close(self) -> None:
        if self._fd is not None:
            os.fsync(self._fd)
            os.close(self._fd)
            self._fd = None

    def __enter__(self) -> JsonlSink:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def write_text_atomic(path: str | Path, text: str) -> None:
    """Replace ``path`` with ``text`` whole: a temporary file beside it, forced to disk, then ``os.replace``.

    A kill or a full disk leaves the old file or the new one, never a part, and no temporary file.
    """
    target = Path(path)
    fd, temporary = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            out.write(text)
            out.flush()
            os.fsync(out.fileno())
        os.replace(temporary, target)
    except BaseException:
        with suppress(FileNotFoundError):
            os.unlink(temporary)
        raise


@dataclass(frozen=True, slots=True)
class ResultLine:
    """A result as it is written: its output line, and what a job's summary counts of it.

    Small and cheap to pickle, so a worker process hands this back rather than the result.

    Attributes:
        doc_id: The result's doc_id.
        line: The result as one JSON text, without its newline.
        is_trial_report: Whether the document reports a trial.
        trials: Trial records in it.
        results: Results over its trials.
        cached: Whether the response cache served it (it cost nothing this run).
    """

    doc_id: str
    line: str
    is_trial_report: bool
    trials: int
    results: int
    cached: bool

    @classmethod
    def of(cls, result: DocumentResult) -> ResultLine:
        return cls(result.doc_id, result.model_dump_json(), result.is_trial_report, len(result.trials),
                   sum(len(t.results) for t in result.trials), result.usage is not None and result.usage.cached)


def default_errors_path(output: str | Path) -> str:
    """The errors file of an output when none is named: ``<output stem>.errors.jsonl`` beside it."""
    out = Path(output)
    stem = out.name[: -len(out.suffix)] if out.suffix else out.name
    return str(out.with_name(f"{stem}.errors.jsonl"))


def repair_tail(path: str | Path) -> int:
    """Cut a torn last line (no final newline) off ``path``; return the bytes removed."""
    with open(path, "rb+") as fh:
        size = fh.seek(0, os.SEEK_END)
        if size == 0:
            return 0
        fh.seek(size - 1)
        if fh.read(1) == b"\n":
            return 0
        # Walk back in blocks to the last newline.
        pos, block = size, 65536
        while pos > 0:
            start = max(0, pos - block)
            fh.seek(start)
            chunk = fh.read(pos - start)
            idx = chunk.rfind(b"\n")
            if idx >= 0:
                keep = start + idx + 1
                fh.truncate(keep)
                return size - keep
            pos = start
        fh.truncate(0)
        return size


def iter_json_lines(path: str | Path) -> Iterator[tuple[int, dict]]:
    """Yield ``(line_number, object)`` for each parseable JSON object line of ``path``."""
    with open(path, "rb") as fh:
        for number, raw in enumerate(fh, start=1):
            if not raw.strip():
                continue
            try:
                obj = json.loads(raw)
            except ValueError:
                continue  # a torn or foreign line: not a record
            if isinstance(obj, dict):
                yield number, obj


def written_ids(path: str | Path) -> set[str]:
    """Doc ids of the records already in an output file."""
    return read_written(path).ids


# A doc id still readable in a line that is not whole JSON.
_DOC_ID = re.compile(rb'"doc_id"\s*:\s*("(?:[^"\\]|\\.)*")')


@dataclass
class Written:
    """What an output file holds: the ids of its records, and its corrupt lines.

    Attributes:
        ids: Doc ids of the whole records.
        corrupt: ``(line number, doc id or None)`` of each non-blank line that is not
            a JSON object with a string ``doc_id``; the id is read from the line when it can be.
    """

    ids: set[str] = field(default_factory=set)
    corrupt: list[tuple[int, str | None]] = field(default_factory=list)


def read_written(path: str | Path) -> Written:
    """Read back an output file: the ids it holds, and which lines are not records."""
    found = Written()
    with open(path, "rb") as fh:
        for number, raw in enumerate(fh, start=1):
            if not raw.strip():
                continue
            doc_id = _record_id(raw)
            if doc_id is not None:
                found.ids.add(doc_id)
            else:
                found.corrupt.append((number, _salvage_id(raw)))
    return found


def _record_id(raw: bytes) -> str | None:
    try:
        obj = json.loads(raw)
    except ValueError:
        return None
    doc_id = obj.get("doc_id") if isinstance(obj, dict) else None
    return doc_id if isinstance(doc_id, str) else None


def _salvage_id(raw: bytes) -> str | None:
    match = _DOC_ID.search(raw)
    if match is None:
        return None
    try:
        value = json.loads(match.group(1))
    except ValueError:
        return None
    return value if isinstance(value, str) else None


def lock_path(path: str | Path) -> Path:
    """The lock file of an output: hidden beside it, so a directory walk never reads it."""
    out = Path(path)
    return out.with_name(f".{out.name}.lock")


@contextmanager
def job_lock(path: str | Path) -> Iterator[None]:
    """Hold the exclusive lock of the output ``path`` for the block.

    Raises:
        OutputBusy: Another process holds it (at once: a job never waits for another).
    """
    if fcntl is None:
        yield
        return
    lock = lock_path(path)
    fd = _acquire(lock, path)
    try:
        yield
    finally:
        # Removed while still held: a job that opened it meanwhile sees it gone and retries.
        with suppress(FileNotFoundError):
            os.unlink(lock)
        os.close(fd)


def _acquire(lock: Path, path: str | Path) -> int:
    while True:
        fd = os.open(lock, os.O_RDWR | os.O_CREAT, 0o644)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = os.read(fd, 32).decode("ascii", "replace").strip() or "unknown"
            os.close(fd)
            raise OutputBusy(
                f"{path} is being written by another trialx job (process {holder}, lock {lock}): "
                "wait for it to end, or choose another output"
            ) from None
        if _is_current(fd, lock):
            os.ftruncate(fd, 0)
            os.write(fd, f"{os.getpid()}\n".encode())
            return fd
        os.close(fd)  # the holder removed this lock file as it finished: lock the new one


def _is_current(fd: int, lock: Path) -> bool:
    try:
        on_disk = os.stat(lock)
    except FileNotFoundError:
        return False
    held = os.fstat(fd)
    return (held.st_dev, held.st_ino) == (on_disk.st_dev, on_disk.st_ino)
