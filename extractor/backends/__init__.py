"""Backends: one small protocol, chosen from a registry by name.

A backend turns one ``Document`` into one ``DocumentResult``. Adding a backend
means adding one module and one line to ``_REGISTRY``; the models and the
pipeline never import a backend directly. A backend that waits on a network may
also offer ``aextract`` (``AsyncBackend``); the pipeline then keeps several
documents in flight.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Hashable
from typing import Any, Protocol, runtime_checkable

from extractor.documents import Document
from extractor.models import DocumentResult


@runtime_checkable
class Backend(Protocol):
    """What every backend provides.

    Attributes:
        name: Registry name, recorded in each result's ``backend`` field.
        needs_network: True when it calls a remote service (capability flag).
    """

    name: str
    needs_network: bool

    def extract(self, document: Document) -> DocumentResult:
        """Extract the trial records of one document."""
        ...


@runtime_checkable
class AsyncBackend(Backend, Protocol):
    """A backend that can also extract without blocking (capability: ``aextract``)."""

    async def aextract(self, document: Document) -> DocumentResult:
        """Extract the trial records of one document, awaiting the network."""
        ...


#: name -> "module:attribute" of a factory taking keyword options.
_REGISTRY: dict[str, str] = {
    "rules": "extractor.backends.rules:RulesBackend",
    "openai": "extractor.backends.llm:OpenAIBackend",
}

#: The registered backends that wait on the network (their ``needs_network``; they offer ``aextract``), known
#: here without importing them, so that a job can start worker processes for the others without importing them
#: itself (the rule backend takes about a second to import). tests/test_workers.py checks it against the classes.
_NETWORKED = frozenset({"openai"})

DEFAULT_BACKEND = "rules"
#: ``--backend auto``: the first of these that says it is configured, else the last.
AUTO = "auto"
_AUTO_ORDER = ("openai", "rules")


class UnknownBackend(ValueError):
    """No backend of that name."""


class BackendConfigError(ValueError):
    """A backend is missing a setting or has a bad one; the message names what to set (a usage error)."""


class BackendUnavailable(RuntimeError):
    """The backend cannot work for any document (credentials refused, model unknown): stop the job.

    Attributes:
        summary: What the job had done when it stopped (``pipeline.Summary``: documents written,
            requests, tokens and cost so far), set by ``pipeline.run_job``; None elsewhere.
    """

    summary: Any = None


class EndpointDown(BackendUnavailable):
    """The endpoint failed too many requests in a row (refused, hung, erroring): stop the job;
    what was written is whole and ``--resume`` continues once the endpoint answers again."""


def available() -> list[str]:
    """Names of the registered backends."""
    return sorted(_REGISTRY)


def _target(name: str) -> str:
    try:
        return _REGISTRY[name]
    except KeyError:
        raise UnknownBackend(
            f"unknown backend {name!r}; choose one of: {', '.join([*available(), AUTO])}"
        ) from None


def _factory(name: str) -> Callable[..., Backend]:
    module_name, _, attribute = _target(name).partition(":")
    factory: Callable[..., Backend] = getattr(importlib.import_module(module_name), attribute)
    return factory


def needs_network(name: str) -> bool:
    """Whether the backend registered as ``name`` waits on the network, told without importing it.

    Raises:
        UnknownBackend: ``name`` is not registered (``auto`` is resolved by ``choose`` first).
    """
    _target(name)
    return name in _NETWORKED


def choose(name: str, **options: Any) -> tuple[str, str]:
    """Resolve ``auto`` to a backend name, with the reason; other names are returned as they are.

    A factory may offer ``configured(**options) -> str | None``: the reason it can run, or None.
    """
    if name != AUTO:
        return name, "asked for by name"
    for candidate in _AUTO_ORDER[:-1]:
        reason = getattr(_factory(candidate), "configured", lambda **_: None)(**options)
        if reason:
            return candidate, reason
    return _AUTO_ORDER[-1], "no LLM configured (set TRIALX_MODEL and OPENAI_API_KEY or OPENAI_BASE_URL)"


def configuration(name: str, **options: Any) -> tuple[str, Hashable]:
    """The backend ``get_backend(name, **options)`` would build now, and what it would be built with.

    Equal answers mean equivalent backends, so one can serve both. A factory may offer
    ``configuration(**options) -> Hashable`` (its settings resolved from the options, the
    environment and its config file); otherwise the options are the configuration.
    """
    chosen = choose(name, **options)[0]
    settle = getattr(_factory(chosen), "configuration", None)
    return chosen, settle(**options) if settle is not None else repr(sorted(options.items()))


def get_backend(name: str = DEFAULT_BACKEND, **options: Any) -> Backend:
    """Build the backend registered as ``name``.

    ``auto`` picks as ``choose`` does. Options a backend does not use are ignored by it.

    Raises:
        UnknownBackend: ``name`` is not registered; the message lists the choices.
        BackendConfigError: the backend lacks a setting; the message names it.
    """
    return _factory(choose(name, **options)[0])(**options)
