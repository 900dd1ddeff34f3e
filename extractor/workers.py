"""A backend in worker processes (``trialx extract --workers N``): every core for the rule backend.

Documents go to the workers in chunks, and at most ``WINDOW`` chunks per worker are in flight, so
memory is bounded whatever the input's size. Outcomes are handed on in input order (a chunk that
finishes before the ones ahead of it waits in its future, within the window), so the output is
the file one process writes, line for line. Each worker builds its own backend and hands back
every result already rendered as its output line (``output.ResultLine``): the parent only reads,
writes and counts, and never imports the backend itself (the rule backend takes about a second).

Processes are started by ``spawn``, asked for explicitly: the library changes no process-wide
setting (the global start method stays as it is), and ``fork`` is unsafe in a process with
threads. Workers ignore SIGINT, so Ctrl-C reaches the parent alone: it stops handing out chunks,
lets the workers finish the ones they hold, discards them, and the job ends as it does in one
process (what was written is whole; ``--resume`` continues). A parent killed outright (``kill -9``)
cannot end its workers, so each worker watches its parent and ends when it is gone.

A worker that dies (killed, out of memory) breaks the pool, and the chunks in flight are lost with
it. The pool is started again and each lost chunk is extracted again alone; a chunk lost again
while alone is extracted document by document, and a document whose worker dies even then becomes
an error. Each death is reported as a job warning, so nothing is lost or doubled silently.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import sys
import threading
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from itertools import chain, islice
from multiprocessing import get_context
from multiprocessing.process import BaseProcess
from types import TracebackType
from typing import Any, Self

from extractor.api import extract_documents
from extractor.backends import Backend, BackendConfigError, BackendUnavailable, needs_network
from extractor.documents import Document, DocumentError
from extractor.output import ResultLine

#: Documents handed to a worker at a time: enough to make the messages' cost small beside the work.
CHUNK = 32
#: Chunks in flight per worker; also the bound of the reorder buffer.
WINDOW = 4
#: Pools lost in a row, with nothing extracted in between, before the job stops (workers that die as
#: they start); a document that kills its worker costs three deaths at most (see ``WorkerPool``).
DEATHS_IN_A_ROW = 4

Item = Document | DocumentError
Outcome = ResultLine | DocumentError


class WorkersDied(BackendUnavailable):
    """Worker processes keep dying with nothing extracted in between: the job stops."""


def usable_cores() -> int:
    """The cores this process may run on (its CPU affinity where the platform tells it)."""
    counter = getattr(os, "process_cpu_count", None)  # Python 3.13
    if counter is not None:
        return int(counter() or 1)
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0)) or 1
    return os.cpu_count() or 1


#: CPython before 3.11.5 can hang a ProcessPoolExecutor for good when a worker dies while a chunk is being
#: sent to it (python/cpython#94777, fixed in 3.11.5; Debian 12's Python is 3.11.2): there, a job runs in
#: one process unless workers are asked for, and a job with workers says so in its warnings.
POOL_CAN_HANG = sys.version_info < (3, 11, 5)
HANG_WARNING = ("this Python (before 3.11.5) can hang a job for good when a worker process dies (killed, out of "
                "memory): python/cpython#94777; use Python 3.11.5 or newer with --workers")


def worker_count(backend: str, asked: int | None) -> int:
    """How many processes run the backend registered as ``backend``: ``asked``, the usable cores when None,
    1 for a backend that waits on the network (it keeps documents in flight with ``concurrency`` instead).

    Raises:
        BackendConfigError: ``asked`` is under 1, or over 1 for a backend that waits on the network.
        UnknownBackend: no backend of that name.
    """
    if asked is not None and asked < 1:
        raise BackendConfigError("--workers must be at least 1")
    if needs_network(backend):
        if asked is not None and asked > 1:
            raise BackendConfigError(
                f"--workers {asked}: worker processes are for the rule backend; the {backend} backend "
                "waits on the network and keeps documents in flight with --concurrency instead")
        return 1
    if asked is None:
        return 1 if POOL_CAN_HANG else usable_cores()
    return asked


def render(items: Iterable[Item], backend: Backend) -> list[Outcome]:
    """Extract ``items`` in this process, each result as its output line."""
    return [o if isinstance(o, DocumentError) else ResultLine.of(o) for o in extract_documents(items, backend=backend)]


# What a worker process holds: its backend, built once by ``_start_worker``.
_WORKER: dict[str, Backend] = {}


def _start_worker(factory: Callable[..., Backend], settings: dict[str, Any]) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    parent = multiprocessing.parent_process()
    if parent is not None:  # a parent killed outright (kill -9) cannot end its workers: they end themselves
        threading.Thread(target=_end_with, args=(parent,), name="trialx-parent-watch", daemon=True).start()
    _WORKER["backend"] = factory(**settings)


def _end_with(parent: BaseProcess) -> None:
    parent.join()  # returns when the parent is gone (its end of a pipe closes), not before
    os._exit(1)


def _extract_chunk(items: list[Item]) -> list[Outcome]:
    return render(items, _WORKER["backend"])


@dataclass
class _Chunk:
    """Documents handed out together; ``outcomes`` once they were extracted again after a death."""

    items: list[Item]
    future: Future[list[Outcome]]
    outcomes: list[Outcome] | None = field(default=None)


class WorkerPool:
    """``workers`` processes, each running a backend that it builds itself; rebuilt when one dies.

    Use it as a context manager: leaving the block (or ``close``) ends the processes.

    Args:
        factory: Builds the backend from ``settings``, in each worker (a class or function importable by
            name, or a ``functools.partial`` of one); in this process only for an input of one chunk.
        settings: The backend's settings (picklable).
        workers: How many processes.
        chunk: Documents handed to a worker at a time.

    Attributes:
        started: Whether processes were started (an input of one chunk is extracted in this process).
        warnings: What happened to the job as a whole (a worker that died, and what became of its documents).
    """

    def __init__(self, factory: Callable[..., Backend], settings: dict[str, Any], workers: int, *,
                 chunk: int = CHUNK):
        self.factory, self.settings, self.workers, self.chunk = factory, settings, workers, chunk
        self.started = False
        self.warnings: list[str] = []
        self._executor: ProcessPoolExecutor | None = None
        self._deaths_in_a_row = 0

    def extract(self, items: Iterable[Item]) -> Iterator[Outcome]:
        """Extract every item, yielding the outcomes in input order."""
        iterator = iter(items)
        first, second = list(islice(iterator, self.chunk)), list(islice(iterator, self.chunk))
        if not second:  # one chunk: starting processes would cost more than it saves
            yield from render(first, self.factory(**self.settings))
            return
        chunks = chain([first, second], iter(lambda: list(islice(iterator, self.chunk)), []))
        window: deque[_Chunk] = deque()
        for chunk in chunks:
            window.append(_Chunk(chunk, self._submit(chunk)))
            while window and (len(window) >= WINDOW * self.workers or window[0].future.done()):
                yield from self._take(window)
        while window:
            yield from self._take(window)

    def close(self) -> None:
        """Cancel what no worker has started, let the workers finish what they hold, and end them."""
        if self._executor is not None:
            self._executor.shutdown(wait=True, cancel_futures=True)
            self._executor = None

    def __enter__(self) -> Self:
        return self

    def __exit__(self, kind: type[BaseException] | None, value: BaseException | None,
                 traceback: TracebackType | None) -> None:
        self.close()

    def _submit(self, items: list[Item]) -> Future[list[Outcome]]:
        if self._executor is None:
            self.started = True
            self._executor = ProcessPoolExecutor(
                self.workers, mp_context=get_context("spawn"), initializer=_start_worker,
                initargs=(self.factory, self.settings))
        return self._executor.submit(_extract_chunk, items)

    def _take(self, window: deque[_Chunk]) -> list[Outcome]:
        """The outcomes of the first chunk in the window (taken off it)."""
        head = window[0]
        if head.outcomes is None:
            try:
                head.outcomes = head.future.result()
                self._deaths_in_a_row = 0
            except BrokenProcessPool:
                self._recover(window)
        window.popleft()
        assert head.outcomes is not None
        return head.outcomes

    def _recover(self, window: deque[_Chunk]) -> None:
        """A worker died and took the pool with it: extract each chunk it lost again, alone."""
        wait([chunk.future for chunk in window if chunk.outcomes is None])
        lost = [chunk for chunk in window if chunk.outcomes is None and chunk.future.exception() is not None]
        for chunk in lost:
            if not isinstance(chunk.future.exception(), BrokenProcessPool):
                chunk.future.result()  # an error of the job itself (not a death): raised as it is
        documents = sum(isinstance(item, Document) for chunk in lost for item in chunk.items)
        self._died(f"a worker process died (killed, or out of memory) with {documents} documents in flight: "
                   "they were extracted again")
        for chunk in lost:
            chunk.outcomes = self._alone(chunk.items)

    def _alone(self, items: list[Item]) -> list[Outcome]:
        """Extract ``items`` with nothing else in flight; split them up if their worker dies again."""
        try:
            outcomes = self._submit(items).result()
        except BrokenProcessPool:
            pass
        else:
            self._deaths_in_a_row = 0
            return outcomes
        if len(items) == 1:
            (item,) = items
            self._died(f"a worker process died again while extracting {_name(item)} alone: it is reported as "
                       "an error")
            return [item if isinstance(item, DocumentError) else item.failed(
                "its worker process died again when it was extracted alone (killed, or out of memory): rerun "
                "with --resume to try it again")]
        self._died(f"a worker process died again with {len(items)} of those documents: they were extracted "
                   "again one by one")
        return [outcome for item in items for outcome in self._alone([item])]

    def _died(self, warning: str) -> None:
        self.warnings.append(warning)
        if self._executor is not None:
            self._executor.shutdown(wait=True, cancel_futures=True)
            self._executor = None  # the next chunk starts a new pool
        self._deaths_in_a_row += 1
        if self._deaths_in_a_row >= DEATHS_IN_A_ROW:
            raise WorkersDied(f"worker processes died {self._deaths_in_a_row} times in a row with nothing "
                              "extracted in between (out of memory? see the messages above)")


def _name(item: Item) -> str:
    return repr(item.doc_id) if item.doc_id else item.source or "a document"
