"""A backend for the worker tests, in a module of its own: each worker process imports it (kept light)."""

from __future__ import annotations

import multiprocessing
import os
import signal

from extractor.documents import Document
from extractor.models import DocumentResult


class Fragile:
    """A backend whose process dies on a document that says so (as if the kernel killed it)."""

    name = "fragile"
    needs_network = False

    def __init__(self, **settings: object):
        if settings.get("die_at_start") and multiprocessing.parent_process() is not None:
            os._exit(1)  # a worker that dies as it starts

    def extract(self, document: Document) -> DocumentResult:
        if document.text == "die":
            os.kill(os.getpid(), signal.SIGKILL)
        return DocumentResult(doc_id=document.doc_id, is_trial_report=False)
