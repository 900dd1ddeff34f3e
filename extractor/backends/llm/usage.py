"""Token usage of one document, and its cost from a price table the user can override.

Prices are US dollars per million tokens (input, output). The built-in table is a
convenience for the common hosted models at the time of writing and will drift: pass
``--price-file prices.toml`` (or ``.json``) with entries such as::

    [models."gpt-4o-mini"]
    input_per_mtok = 0.15
    output_per_mtok = 0.60

A model with no price (a local server's) gets ``cost_usd: null``, not a guess.
"""

from __future__ import annotations

import json
import tomllib
from collections.abc import Awaitable, Callable
from contextvars import ContextVar
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from extractor.backends import BackendConfigError
from extractor.models import Usage

#: model -> (input, output) dollars per million tokens.
BUILTIN_PRICES: dict[str, tuple[float, float]] = {
    "gpt-4o": (2.50, 10.00),
    "gpt-4o-mini": (0.15, 0.60),
    "gpt-4.1": (2.00, 8.00),
    "gpt-4.1-mini": (0.40, 1.60),
    "gpt-4.1-nano": (0.10, 0.40),
    "o4-mini": (1.10, 4.40),
}


def load_prices(path: str | None) -> dict[str, tuple[float, float]]:
    """The built-in table, updated by the entries of ``path`` (TOML or JSON)."""
    prices = dict(BUILTIN_PRICES)
    if not path:
        return prices
    file = Path(path)
    try:
        text = file.read_text(encoding="utf-8")
        data: dict[str, Any] = json.loads(text) if file.suffix == ".json" else tomllib.loads(text)
        for model, entry in data.get("models", data).items():
            prices[model] = (float(entry["input_per_mtok"]), float(entry["output_per_mtok"]))
    except (OSError, ValueError, KeyError, TypeError, AttributeError, tomllib.TOMLDecodeError) as exc:
        raise BackendConfigError(f"--price-file {path}: {exc}; expected models.<name>.input_per_mtok "
                                 "and output_per_mtok") from None
    return prices


def price_of(prices: dict[str, tuple[float, float]], model: str) -> tuple[float, float] | None:
    """Exact model name first, then the longest table entry it starts with (dated snapshots)."""
    if model in prices:
        return prices[model]
    prefixes = [name for name in prices if model.startswith(name + "-")]
    return prices[max(prefixes, key=len)] if prefixes else None


@dataclass
class Meter:
    """Counts one document's requests and tokens as they happen (re-asks and retries included)."""

    prompt_tokens: int = 0
    completion_tokens: int = 0
    requests: int = 0
    answers: int = 0
    reasks: int = 0
    chunks: int = 1

    @property
    def total(self) -> int:
        return self.prompt_tokens + self.completion_tokens

    def add_response(self, response: Any) -> None:
        """instructor's ``completion:response`` hook: one answer came back."""
        self.answers += 1
        usage = getattr(response, "usage", None)
        self.prompt_tokens += int(getattr(usage, "prompt_tokens", 0) or 0)
        self.completion_tokens += int(getattr(usage, "completion_tokens", 0) or 0)

    def usage(self, price: tuple[float, float] | None) -> Usage:
        cost = None
        if price is not None:
            cost = round((self.prompt_tokens * price[0] + self.completion_tokens * price[1]) / 1e6, 6)
        return Usage(prompt_tokens=self.prompt_tokens, completion_tokens=self.completion_tokens,
                     requests=self.requests, reasks=self.reasks, chunks=self.chunks, cost_usd=cost)


#: The meter of the document being extracted in this task (asyncio tasks each see their own copy).
current_meter: ContextVar[Meter | None] = ContextVar("trialx_meter", default=None)

#: An awaitable sleep, replaceable to observe back-off waits.
Sleep = Callable[[float], Awaitable[None]]
