"""JSONL sinks that a kill cannot tear, and reading back what a killed job wrote.

Each record is written as one complete line by a single ``os.write`` on a file
opened with ``O_APPEND``. A regular-file write is not interrupted by signals, so
killing the process leaves either the whole line or none of it. A crash of the
machine itself can still cut a line; ``repair_tail`` drops such a tail before a
resumed job appends to the file.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO


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
    return {obj["doc_id"] for _, obj in iter_json_lines(path) if isinstance(obj.get("doc_id"), str)}
