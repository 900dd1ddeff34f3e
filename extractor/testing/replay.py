"""Prompts replayed against the fake server: what one request of a prompt spends beside its document,
and what a prompt's records are on a gold set (``benchmarks/prompt_overhead.py`` and its tests).

The backend runs as a job would (instructor, the mode's request shape, validation and grounding),
without the response cache and without transport retries (the fake server does not fail here).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from extractor.backends.llm import OpenAIBackend
from extractor.backends.llm.overhead import Overhead, measure
from extractor.documents import Document
from extractor.evaluation.gold import GoldFile
from extractor.evaluation.harness import predict
from extractor.structure import read_structure
from extractor.testing.fake_openai import FakeOpenAI

#: What the output says of a document's records: is_trial_report, trials (as JSON), warnings.
Written = tuple[bool, list[dict[str, Any]], list[str]]


def backend(server: FakeOpenAI, prompt: str, mode: str, cache_dir: str | Path) -> OpenAIBackend:
    """The openai backend on ``server`` with ``prompt`` in ``mode``."""
    return OpenAIBackend(model="fake-model", base_url=server.base_url, mode=mode, prompt=prompt, no_cache=True,
                         cache_dir=str(cache_dir), retries=0)


def overhead(server: FakeOpenAI, document: Document, prompt: str, mode: str,
             cache_dir: str | Path) -> tuple[Overhead, dict[str, Any]]:
    """The fixed parts of the (first) request ``prompt`` in ``mode`` makes for ``document``, and its body."""
    llm = backend(server, prompt, mode, cache_dir)
    sent = len(server.chat_requests())
    try:
        llm.extract(document)
    finally:
        llm.close()
    body = server.chat_requests()[sent].body
    title = read_structure(document.text, document.title).title  # what the backend sends as the title
    return measure(body, document.text, llm.prompt.text, title), body


def records(server: FakeOpenAI, gold: list[GoldFile], prompt: str, mode: str, cache_dir: str | Path,
            concurrency: int = 4) -> dict[str, Written]:
    """doc_id -> what ``prompt`` in ``mode`` writes of the records (failed documents are absent)."""
    llm = backend(server, prompt, mode, cache_dir)
    try:
        predicted = predict(gold, llm, concurrency=concurrency)
    finally:
        llm.close()
    return {doc_id: (r.is_trial_report, [t.model_dump(mode="json") for t in r.trials], r.warnings)
            for doc_id, r in predicted.items()}
