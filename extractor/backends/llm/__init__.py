"""The LLM backend: instructor over any OpenAI-compatible endpoint (registered as ``openai``).

Importing this package is cheap: openai and instructor are imported when the first
request is about to be sent, so a run answered from the cache never loads them.
"""

from extractor.backends.llm.backend import OpenAIBackend

__all__ = ["OpenAIBackend"]
