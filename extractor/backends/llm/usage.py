"""Token usage of one document, and its cost from a price table the user can override.

Prices are US dollars per million tokens (input, output, and cached input: prompt tokens the
provider served from its prompt cache, ``usage.prompt_tokens_details.cached_tokens``). The
built-in table is a convenience for the common hosted models at the time of writing and will
drift: pass ``--price-file prices.toml`` (or ``.json``) with entries such as::

    [models."gpt-4o-mini"]
    input_per_mtok = 0.15
    output_per_mtok = 0.60
    cached_input_per_mtok = 0.075   # optional; without it, cached tokens cost as input
    batch_input_per_mtok = 0.075    # optional: the Batch API's prices (trialx batch collect)
    batch_output_per_mtok = 0.30
    batch_cached_input_per_mtok = 0.0375   # optional

A model with no price (a local server's) gets ``cost_usd: null``, not a guess. Answers collected from
a Batch API are priced from the batch table: the built-in one halves the input and output prices of
the built-in models (OpenAI's Batch API discount) and prices their cached input as batch input; a
price-file entry without batch prices is priced at its ordinary prices there (an overestimate,
never an underestimate).
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

#: Dollars per million tokens: input, output, and cached input (None: priced as input).
Price = tuple[float, float, float | None]

#: model -> its price.
BUILTIN_PRICES: dict[str, Price] = {
    "gpt-4o": (2.50, 10.00, 1.25),
    "gpt-4o-mini": (0.15, 0.60, 0.075),
    "gpt-4.1": (2.00, 8.00, 0.50),
    "gpt-4.1-mini": (0.40, 1.60, 0.10),
    "gpt-4.1-nano": (0.10, 0.40, 0.025),
    "o4-mini": (1.10, 4.40, 0.275),
}

#: model -> its Batch API price: half the input and output price (OpenAI's batch discount); cached
#: input is priced as batch input, as no batch discount on it is assumed.
BUILTIN_BATCH_PRICES: dict[str, Price] = {model: (price[0] / 2, price[1] / 2, None)
                                          for model, price in BUILTIN_PRICES.items()}


def load_prices(path: str | None, *, batch: bool = False) -> dict[str, Price]:
    """The built-in table (the batch table with ``batch``), updated by the entries of ``path`` (TOML or JSON)."""
    prices = dict(BUILTIN_BATCH_PRICES if batch else BUILTIN_PRICES)
    if not path:
        return prices
    file = Path(path)
    try:
        text = file.read_text(encoding="utf-8")
        data: dict[str, Any] = json.loads(text) if file.suffix == ".json" else tomllib.loads(text)
        for model, entry in data.get("models", data).items():
            prefix = "batch_" if batch and "batch_input_per_mtok" in entry else ""
            cached = entry.get(f"{prefix}cached_input_per_mtok")
            prices[model] = (float(entry[f"{prefix}input_per_mtok"]), float(entry[f"{prefix}output_per_mtok"]),
                             None if cached is None else float(cached))
    except (OSError, ValueError, KeyError, TypeError, AttributeError, tomllib.TOMLDecodeError) as exc:
        raise BackendConfigError(f"--price-file {path}: {exc}; expected models.<name>.input_per_mtok "
                                 "and output_per_mtok (and optionally cached_input_per_mtok, "
                                 "batch_input_per_mtok with batch_output_per_mtok, batch_cached_input_per_mtok)"
                                 ) from None
    return prices


def price_of(prices: dict[str, Price], model: str) -> Price | None:
    """Exact model name first, then the longest table entry it starts with (dated snapshots)."""
    if model in prices:
        return prices[model]
    prefixes = [name for name in prices if model.startswith(name + "-")]
    return prices[max(prefixes, key=len)] if prefixes else None


@dataclass
class Meter:
    """Counts requests and tokens as they happen (re-asks, retries, failed and salvaged answers
    included): one document's, or, summed with ``add``, a whole job's."""

    prompt_tokens: int = 0
    completion_tokens: int = 0
    cached_prompt_tokens: int = 0
    requests: int = 0
    answers: int = 0
    reasks: int = 0
    chunks: int = 1
    batch: bool = False
    """The requests went through a Batch API (their price is the batch price)."""

    @property
    def total(self) -> int:
        return self.prompt_tokens + self.completion_tokens

    def add_response(self, response: Any) -> None:
        """instructor's ``completion:response`` hook: one answer came back."""
        self.answers += 1
        usage = getattr(response, "usage", None)
        self.prompt_tokens += int(getattr(usage, "prompt_tokens", 0) or 0)
        self.completion_tokens += int(getattr(usage, "completion_tokens", 0) or 0)
        details = getattr(usage, "prompt_tokens_details", None)
        self.cached_prompt_tokens += int(getattr(details, "cached_tokens", 0) or 0)

    def add(self, other: Meter) -> None:
        """Add another meter's counts (a document's, to the job's)."""
        for name in ("prompt_tokens", "completion_tokens", "cached_prompt_tokens", "requests", "answers",
                     "reasks", "chunks"):
            setattr(self, name, getattr(self, name) + getattr(other, name))

    def cost(self, price: Price | None) -> float | None:
        """Dollars at ``price``: cached prompt tokens at the cached-input price, else as input."""
        if price is None:
            return None
        cached_price = price[0] if price[2] is None else price[2]
        fresh = self.prompt_tokens - self.cached_prompt_tokens
        return round((fresh * price[0] + self.cached_prompt_tokens * cached_price
                      + self.completion_tokens * price[1]) / 1e6, 6)

    def usage(self, price: Price | None) -> Usage:
        return Usage(prompt_tokens=self.prompt_tokens, completion_tokens=self.completion_tokens,
                     cached_prompt_tokens=self.cached_prompt_tokens, requests=self.requests,
                     reasks=self.reasks, chunks=self.chunks, cost_usd=self.cost(price), batch=self.batch)


#: The meter of the document being extracted in this task (asyncio tasks each see their own copy).
current_meter: ContextVar[Meter | None] = ContextVar("trialx_meter", default=None)

#: An awaitable sleep, replaceable to observe back-off waits.
Sleep = Callable[[float], Awaitable[None]]
