"""The library entry points: what the CLI calls, usable from Python without it."""

from __future__ import annotations

import asyncio
import threading
from collections.abc import AsyncIterator, Callable, Hashable, Iterable, Iterator
from dataclasses import dataclass
from importlib.metadata import PackageNotFoundError, version
from types import TracebackType
from typing import Any, Self

from extractor.backends import DEFAULT_BACKEND, AsyncBackend, Backend, BackendUnavailable, configuration, get_backend
from extractor.documents import Document, DocumentError
from extractor.models import DocumentResult

try:
    VERSION = version("trialx")
except PackageNotFoundError:  # running from a source tree that was never installed
    VERSION = "0+unknown"


class Extractor:
    """One backend, built once and kept for every document it is given; close it when done.

    The LLM backend keeps an HTTP client and an event-loop thread across calls; ``close()``
    (or leaving the ``with`` block) closes them. One not closed is closed at exit.

    Args:
        backend: Backend name (``"rules"``, ``"openai"``, ``"auto"``) or an instance.
        **settings: The backend's settings by name (``model=``, ``base_url=``, ``no_cache=`` ...);
            unset ones come from the environment and the config file, as for the CLI.

    Raises:
        UnknownBackend: no backend of that name.
        BackendConfigError: the backend lacks a setting; the message names it.
    """

    def __init__(self, backend: str | Backend = DEFAULT_BACKEND, **settings: Any):
        self.backend: Backend = get_backend(backend, **settings) if isinstance(backend, str) else backend

    def extract(self, text: str | Document, *, doc_id: str = "text", title: str | None = None) -> DocumentResult:
        """Extract the trial records of one text (see ``extract``)."""
        return extract(text, backend=self.backend, doc_id=doc_id, title=title)

    def extract_documents(
        self, documents: Iterable[Document | DocumentError]
    ) -> Iterator[DocumentResult | DocumentError]:
        """Extract from a stream of documents, one outcome per document, in order (see ``extract_documents``)."""
        return extract_documents(documents, backend=self.backend)

    def close(self) -> None:
        """Release what the backend holds (client, loop thread, cache); the extractor is not used after."""
        close = getattr(self.backend, "close", None)
        if close is not None:
            close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, kind: type[BaseException] | None, value: BaseException | None,
                 traceback: TracebackType | None) -> None:
        self.close()


#: The one-shot functions' backends, one per configuration (name and resolved settings).
_SHARED: dict[tuple[str, Hashable], Backend] = {}
_SHARED_LOCK = threading.Lock()


def _resolve(backend: str | Backend) -> Backend:
    """An instance as it is; a name as the backend shared by every one-shot call with this configuration."""
    if not isinstance(backend, str):
        return backend
    key = configuration(backend)
    with _SHARED_LOCK:
        if key not in _SHARED:
            _SHARED[key] = get_backend(key[0])
        return _SHARED[key]


def extract(
    text: str | Document,
    *,
    backend: str | Backend = DEFAULT_BACKEND,
    doc_id: str = "text",
    title: str | None = None,
) -> DocumentResult:
    """Extract the trial records of one text.

    A backend given by name is built on the first call and reused by every later one-shot call
    with the same configuration (it is closed at exit); ``Extractor`` owns one explicitly.

    Args:
        text: The document text, or a ready ``Document``.
        backend: Backend name (``"rules"``) or an instance.
        doc_id: Id to give a plain text.
        title: Title, when it is not part of ``text``.

    Returns:
        The document's result; ``result.trials`` holds the records.
    """
    document = text if isinstance(text, Document) else Document(doc_id=doc_id, text=text, title=title)
    engine = _resolve(backend)
    return _finish(engine.extract(document), document, engine.name)


def extract_documents(
    documents: Iterable[Document | DocumentError],
    *,
    backend: str | Backend = DEFAULT_BACKEND,
) -> Iterator[DocumentResult | DocumentError]:
    """Extract from a stream of documents, one result per document, in order.

    A document whose extraction raises becomes a ``DocumentError`` naming it;
    read errors already in the stream are passed through. Nothing stops the
    stream but the end of its input, or a ``BackendUnavailable`` (the backend
    cannot work for any document), which is raised.
    """
    engine = _resolve(backend)
    for item in documents:
        if isinstance(item, DocumentError):
            yield item
            continue
        try:
            result = engine.extract(item)
        except BackendUnavailable:
            raise
        except Exception as exc:  # one bad document never sinks a batch
            yield extraction_error(item, exc)
            continue
        yield _finish(result, item, engine.name)


@dataclass
class _Stopped:
    """A worker has no more documents (``error`` None), or met an error that ends the job."""

    error: Exception | None = None


async def aextract_documents(
    documents: Iterable[Document | DocumentError],
    *,
    backend: AsyncBackend,
    concurrency: int = 8,
) -> AsyncIterator[DocumentResult | DocumentError]:
    """Extract with up to ``concurrency`` documents in flight, yielding each outcome as it completes.

    ``concurrency`` workers share the input: a worker that finishes a document hands its
    outcome over and takes the next document at once, so a slot is never idle while other
    answers are processed or written. Documents are read only as workers free up and at most
    ``concurrency`` outcomes wait to be taken, so memory is bounded whatever the input's
    size. Outcomes come in completion order (input order when ``concurrency`` is 1);
    failures become ``DocumentError`` as in ``extract_documents``; a ``BackendUnavailable``
    (or an error reading the input) cancels what is in flight and is raised.
    """
    items = iter(documents)
    slots = max(1, concurrency)
    outcomes: asyncio.Queue[DocumentResult | DocumentError | _Stopped] = asyncio.Queue(maxsize=slots)

    async def one(document: Document) -> DocumentResult | DocumentError:
        try:
            return _finish(await backend.aextract(document), document, backend.name)
        except BackendUnavailable:
            raise
        except Exception as exc:  # one bad document never sinks a batch
            return extraction_error(document, exc)

    async def worker() -> None:
        try:
            for item in items:  # shared: the next document goes to whichever worker is free
                await outcomes.put(item if isinstance(item, DocumentError) else await one(item))
        except Exception as exc:  # BackendUnavailable, or the input failed: the job stops with it
            await outcomes.put(_Stopped(exc))
        else:
            await outcomes.put(_Stopped())

    workers = [asyncio.create_task(worker()) for _ in range(slots)]
    running = len(workers)
    try:
        while running:
            outcome = await outcomes.get()
            if isinstance(outcome, _Stopped):
                if outcome.error is not None:
                    raise outcome.error
                running -= 1
                continue
            yield outcome
    finally:
        for task in workers:
            task.cancel()
        await asyncio.gather(*workers, return_exceptions=True)


def run_documents(
    documents: Iterable[Document | DocumentError],
    record: Callable[[DocumentResult | DocumentError], None],
    *,
    backend: str | Backend = DEFAULT_BACKEND,
    concurrency: int | None = None,
) -> None:
    """Hand every outcome to ``record``: concurrently (completion order) when the backend is
    async, else one document at a time in input order. What the CLI's jobs and ``trialx eval`` share."""
    engine = _resolve(backend)
    if not isinstance(engine, AsyncBackend):
        for outcome in extract_documents(documents, backend=engine):
            record(outcome)
        return

    async def run(engine: AsyncBackend) -> None:
        try:
            async for outcome in aextract_documents(documents, backend=engine, concurrency=concurrency or 8):
                record(outcome)
        finally:
            close = getattr(engine, "aclose", None)
            if close is not None:
                await close()

    asyncio.run(run(engine))


def extraction_error(document: Document, exc: Exception) -> DocumentError:
    """The error line of a document whose extraction raised ``exc``."""
    return document.failed(f"extraction failed: {type(exc).__name__}: {exc}")


def _finish(result: DocumentResult, document: Document, backend_name: str) -> DocumentResult:
    """Stamp provenance on a backend's result, and the problems met reading the document before its own warnings."""
    result.warnings[:0] = document.warnings
    result.doc_id = document.doc_id
    result.source = document.source
    result.backend = backend_name
    result.extractor_version = VERSION
    return result
