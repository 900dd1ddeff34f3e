"""``aextract_documents``: the worker pool under every concurrent job (and ``trialx eval --concurrency``)."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator

import pytest

from extractor.api import aextract_documents
from extractor.backends import BackendUnavailable
from extractor.documents import Document, DocumentError
from extractor.models import DocumentResult


class Gated:
    """An async backend whose documents finish when the test says (``release``), or at once."""

    name = "gated"
    needs_network = False

    def __init__(self, held: set[str] | None = None):
        self.held = held or set()
        self.gates: dict[str, asyncio.Event] = {}
        self.started: list[str] = []

    def release(self, doc_id: str) -> None:
        self.gates[doc_id].set()

    def extract(self, document: Document) -> DocumentResult:  # pragma: no cover - protocol only
        raise NotImplementedError

    async def aextract(self, document: Document) -> DocumentResult:
        self.started.append(document.doc_id)
        if document.doc_id in self.held:
            gate = self.gates.setdefault(document.doc_id, asyncio.Event())
            await gate.wait()
        if document.text == "fail":
            raise ValueError("this document is bad")
        if document.text == "refused":
            raise BackendUnavailable("401")
        return DocumentResult(doc_id=document.doc_id, is_trial_report=False)


class Counting:
    """Documents that count how many have been read."""

    def __init__(self, texts: list[str]):
        self.texts = texts
        self.read = 0

    def __iter__(self) -> Iterator[Document | DocumentError]:
        for i, text in enumerate(self.texts):
            self.read += 1
            yield Document(doc_id=f"d{i}", text=text)


async def _drain(documents, backend, concurrency):
    return [o async for o in aextract_documents(documents, backend=backend, concurrency=concurrency)]


def test_a_slow_document_holds_only_its_own_slot():
    backend = Gated(held={"d0"})
    docs = Counting(["text"] * 6)

    async def main() -> list[str]:
        seen: list[str] = []
        async for outcome in aextract_documents(docs, backend=backend, concurrency=2):
            seen.append(outcome.doc_id)
            if len(seen) == 5:
                backend.release("d0")
        return seen

    seen = asyncio.run(main())
    assert seen == ["d1", "d2", "d3", "d4", "d5", "d0"]  # the other slot went on through the rest


def test_documents_are_read_only_as_slots_free_up():
    backend = Gated(held={f"d{i}" for i in range(10)})
    docs = Counting(["text"] * 10)

    async def main() -> tuple[int, int]:
        stream = aextract_documents(docs, backend=backend, concurrency=3)
        first = asyncio.ensure_future(stream.__anext__())
        await asyncio.sleep(0.01)
        read_while_held = docs.read
        backend.release("d1")
        await first
        await asyncio.sleep(0.01)
        read_after_one = docs.read
        first.cancel()
        await stream.aclose()
        return read_while_held, read_after_one

    held, after = asyncio.run(main())
    assert held == 3  # one per slot, not the whole input
    assert after == 4  # the freed slot took exactly one more


def test_outcomes_waiting_to_be_taken_are_bounded():
    """A backend that never waits (every answer from the cache) must not read the whole input ahead."""
    docs = Counting(["text"] * 1000)

    async def main() -> int:
        stream = aextract_documents(docs, backend=Gated(), concurrency=4)
        await stream.__anext__()
        read = docs.read
        await stream.aclose()
        return read

    assert asyncio.run(main()) <= 2 * 4 + 1


def test_every_document_once_and_failures_become_errors():
    texts = ["text", "fail", "text", "text", "fail", "text", "text"]
    outcomes = asyncio.run(_drain(Counting(texts), Gated(), concurrency=3))
    ids = sorted(o.doc_id for o in outcomes)
    assert ids == sorted(f"d{i}" for i in range(len(texts)))
    errors = {o.doc_id for o in outcomes if isinstance(o, DocumentError)}
    assert errors == {"d1", "d4"}
    assert all("this document is bad" in o.reason for o in outcomes if isinstance(o, DocumentError))


def test_input_errors_pass_through_in_place():
    bad = DocumentError(source="in.jsonl:2", reason="line 2: not JSON")
    docs = [Document(doc_id="a", text="text"), bad, Document(doc_id="b", text="text")]
    outcomes = asyncio.run(_drain(docs, Gated(), concurrency=1))
    assert [getattr(o, "doc_id", None) for o in outcomes] == ["a", None, "b"]  # concurrency 1: input order
    assert outcomes[1] is bad


def test_backend_unavailable_stops_the_job_and_cancels_what_is_in_flight():
    backend = Gated(held={"d0", "d2"})
    docs = Counting(["text", "refused", "text", "text", "text"])
    with pytest.raises(BackendUnavailable, match="401"):
        asyncio.run(_drain(docs, backend, concurrency=3))
    assert "d4" not in backend.started  # nothing more was started after the refusal


def test_an_input_that_fails_midway_stops_the_job():
    def documents() -> Iterator[Document]:
        yield Document(doc_id="a", text="text")
        raise OSError("disk gone")

    with pytest.raises(OSError, match="disk gone"):
        asyncio.run(_drain(documents(), Gated(), concurrency=2))


# ------------------------------------------------------------ one engine per configuration; an Extractor owns its own

def _llm_threads() -> list:
    import threading

    return [t for t in threading.enumerate() if t.name == "trialx-llm" and t.is_alive()]


def test_one_shot_calls_share_one_engine_per_configuration(fake_openai, monkeypatch):
    import atexit

    from extractor import api, extract

    monkeypatch.setattr(api, "_SHARED", {}, raising=False)
    for name, value in (("TRIALX_MODEL", "m"), ("OPENAI_BASE_URL", fake_openai.base_url), ("TRIALX_NO_CACHE", "1")):
        monkeypatch.setenv(name, value)
    threads = len(_llm_threads())
    try:
        extract("Not a trial report (0).", backend="openai")
        hooks = atexit._ncallbacks()  # the first call's exit hooks (its engine's, and its libraries' own)
        for i in range(1, 5):
            assert extract(f"Not a trial report ({i}).", backend="openai").usage.requests == 1
        assert len(_llm_threads()) == threads + 1 and atexit._ncallbacks() == hooks
        assert len(api._SHARED) == 1 and len(fake_openai.chat_requests()) == 5
        monkeypatch.setenv("TRIALX_MODEL", "another-model")  # another configuration, another engine
        extract("Not a trial report.", backend="openai")
        assert len(api._SHARED) == 2 and len(_llm_threads()) == threads + 2
    finally:
        for backend in api._SHARED.values():
            backend.close()
    assert len(_llm_threads()) == threads  # close() returns once the loop thread has stopped


def test_an_extractor_owns_its_engine_and_closing_it_stops_the_thread(fake_openai):
    from extractor import Extractor

    before = set(_llm_threads())
    with Extractor(backend="openai", model="m", base_url=fake_openai.base_url, no_cache=True) as extractor:
        results = [extractor.extract(f"Not a trial report ({i}).") for i in range(3)]
        (thread,) = set(_llm_threads()) - before
    thread.join(timeout=10)
    assert not thread.is_alive()
    assert [r.backend for r in results] == ["openai"] * 3 and len(fake_openai.chat_requests()) == 3
    outcomes = list(Extractor().extract_documents([Document(doc_id="a", text="Not a trial.")]))
    assert [o.backend for o in outcomes] == ["rules"]
