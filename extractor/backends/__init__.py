"""Backends: one small protocol, chosen from a registry by name.

A backend turns one ``Document`` into one ``DocumentResult``. Adding a backend
means adding one module and one line to ``_REGISTRY``; the models and the
pipeline never import a backend directly.
"""

from __future__ import annotations

import importlib
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


#: name -> "module:attribute" of a factory taking keyword options.
_REGISTRY: dict[str, str] = {
    "rules": "extractor.backends.rules:RulesBackend",
}

DEFAULT_BACKEND = "rules"


class UnknownBackend(ValueError):
    """No backend of that name."""


def available() -> list[str]:
    """Names of the registered backends."""
    return sorted(_REGISTRY)


def get_backend(name: str = DEFAULT_BACKEND, **options: Any) -> Backend:
    """Build the backend registered as ``name``.

    Raises:
        UnknownBackend: ``name`` is not registered; the message lists the choices.
    """
    try:
        target = _REGISTRY[name]
    except KeyError:
        raise UnknownBackend(
            f"unknown backend {name!r}; choose one of: {', '.join(available())}"
        ) from None
    module_name, _, attribute = target.partition(":")
    factory = getattr(importlib.import_module(module_name), attribute)
    backend: Backend = factory(**options)
    return backend
