"""The offline rule-based backend (the default)."""

from extractor.backends.rules.backend import RulesBackend

__all__ = ["RulesBackend"]
