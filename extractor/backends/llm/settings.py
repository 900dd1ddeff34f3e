"""Settings of the LLM backend: flag, then environment, then config file, then default.

The config file is ``trialx.toml`` in the working directory, or the one named by
``--config`` / ``TRIALX_CONFIG``; its settings sit under ``[llm]`` with the names of
the ``LLMSettings`` fields (``model = "gpt-4o-mini"``). The API key itself is only ever
read from an environment variable (``OPENAI_API_KEY``, or the one ``--api-key-env``
names), never from flags or files, and it is kept out of ``repr``, cache keys and logs.
"""

from __future__ import annotations

import os
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any

from extractor.backends import BackendConfigError

OPENAI_URL = "https://api.openai.com/v1"
MODES = ("auto", "json_schema", "tools", "json", "md_json")
DEFAULT_CONFIG = "trialx.toml"


def default_cache_dir(env: Mapping[str, str] = os.environ) -> str:
    """``$XDG_CACHE_HOME/trialx``, else ``~/.cache/trialx``."""
    base = env.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return os.path.join(base, "trialx")


#: The prompt when none is set. Not simply the latest version: extract@3 asks for the same records
#: with under 40% of extract@2's fixed overhead, but which extracts better is for a real model to show.
DEFAULT_PROMPT = "extract@2"


@dataclass(frozen=True)
class LLMSettings:
    """Everything the LLM backend needs; built by ``resolve``.

    Attributes:
        model: Model name the endpoint knows (``gpt-4o-mini``, ``llama3.1:8b``).
        base_url: OpenAI-compatible endpoint; None is OpenAI's own.
        api_key_env: Name of the environment variable holding the API key.
        mode: How instructor asks for structure: json_schema, tools, json or md_json; auto (the
            default) detects the strongest the endpoint accepts, once per endpoint and model.
        prompt: Prompt name, optionally ``@version`` (latest version when omitted); ``DEFAULT_PROMPT``
            when not set.
        prompts_dir: Directory of prompt files, overriding the bundled ``prompts/``.
        temperature: Sampling temperature.
        max_output_tokens: Completion token limit per request, or None for the endpoint's.
        max_reasks: Times an answer failing validation is sent back to the model.
        max_tokens_per_doc: Token budget of one document over all its requests, or None.
        token_budget: Largest document part sent in one request, in tokens (chars / 4).
        timeout: Seconds before one HTTP request is abandoned.
        retries: Transport retries of one request (429, 5xx, timeouts, dropped connections).
        retry_max_time: Seconds after which a request is not retried again.
        retry_after_max: Longest ``Retry-After`` honoured, in seconds.
        max_consecutive_failures: Transport failures in a row, across documents, that stop the job.
        rpm: Requests per minute, client side, or None.
        tpm: Tokens per minute, client side, or None.
        cache_dir: Response cache directory.
        no_cache: Neither read nor write the cache.
        price_file: TOML or JSON price table overriding the built-in one.
    """

    model: str | None = None
    base_url: str | None = None
    api_key_env: str = "OPENAI_API_KEY"
    mode: str = "auto"
    prompt: str = DEFAULT_PROMPT
    prompts_dir: str | None = None
    temperature: float = 0.0
    max_output_tokens: int | None = None
    max_reasks: int = 2
    max_tokens_per_doc: int | None = None
    token_budget: int = 6000
    timeout: float = 60.0
    retries: int = 5
    retry_max_time: float = 120.0
    retry_after_max: float = 60.0
    max_consecutive_failures: int = 5
    rpm: float | None = None
    tpm: float | None = None
    cache_dir: str = field(default_factory=default_cache_dir)
    no_cache: bool = False
    price_file: str | None = None
    api_key: str | None = field(default=None, repr=False, compare=False)
    """The key read from ``api_key_env`` (never printed, never hashed)."""

    def require(self, *, needs_key: bool = True) -> LLMSettings:
        """Check that the backend can run; raise ``BackendConfigError`` naming the fix.

        Args:
            needs_key: An API key (or a base URL) is needed: not for answers read from a batch's results.
        """
        if not self.model:
            raise BackendConfigError(
                "the openai backend needs a model: pass --model or set TRIALX_MODEL "
                f"(or model = \"...\" under [llm] in {DEFAULT_CONFIG})"
            )
        if self.mode not in MODES:
            raise BackendConfigError(f"unknown mode {self.mode!r}: choose --mode from {', '.join(MODES)}")
        for name in RANGES:
            why = out_of_range(name, getattr(self, name))
            if why is not None:
                raise BackendConfigError(f"{name} {why}")
        if needs_key and not self.api_key and not self.base_url:
            raise BackendConfigError(
                f"no API key: set {self.api_key_env} (or name another variable with --api-key-env), "
                "or pass --base-url for a local server that needs none"
            )
        return self

    @property
    def configured(self) -> bool:
        """A model and a key or base URL are set (what ``--backend auto`` asks)."""
        return bool(self.model and (self.api_key or self.base_url))

    def endpoint(self) -> str:
        return self.base_url or OPENAI_URL


#: setting -> environment variable (the API key is read from ``api_key_env``, not listed here).
ENV = {
    "model": "TRIALX_MODEL",
    "base_url": "OPENAI_BASE_URL",
    "mode": "TRIALX_MODE",
    "prompt": "TRIALX_PROMPT",
    "prompts_dir": "TRIALX_PROMPTS_DIR",
    "temperature": "TRIALX_TEMPERATURE",
    "max_output_tokens": "TRIALX_MAX_OUTPUT_TOKENS",
    "max_reasks": "TRIALX_MAX_REASKS",
    "max_tokens_per_doc": "TRIALX_MAX_TOKENS_PER_DOC",
    "token_budget": "TRIALX_TOKEN_BUDGET",
    "timeout": "TRIALX_TIMEOUT",
    "retries": "TRIALX_RETRIES",
    "retry_max_time": "TRIALX_RETRY_MAX_TIME",
    "max_consecutive_failures": "TRIALX_MAX_CONSECUTIVE_FAILURES",
    "rpm": "TRIALX_RPM",
    "tpm": "TRIALX_TPM",
    "cache_dir": "TRIALX_CACHE_DIR",
    "no_cache": "TRIALX_NO_CACHE",
    "price_file": "TRIALX_PRICE_FILE",
    "api_key_env": "TRIALX_API_KEY_ENV",
}

_TYPES = {f.name: f.type for f in fields(LLMSettings)}


#: setting -> (lowest, highest or None, lowest excluded): the one table of numeric ranges, held
#: to by flags (the CLI checks them as it parses), environment, config file and ``require``.
RANGES: dict[str, tuple[float, float | None, bool]] = {
    "temperature": (0, 2, False),
    "max_output_tokens": (1, None, False),
    "max_reasks": (0, None, False),
    "max_tokens_per_doc": (1, None, False),
    "token_budget": (1, None, False),
    "timeout": (0, None, True),
    "retries": (0, None, False),
    "retry_max_time": (0, None, False),
    "retry_after_max": (0, None, False),
    "max_consecutive_failures": (1, None, False),
    "rpm": (0, None, True),
    "tpm": (0, None, True),
}


def out_of_range(name: str, value: float | None) -> str | None:
    """Why ``value`` is outside the range of setting ``name`` (``must be greater than 0, not -5``), or None."""
    if value is None or name not in RANGES:
        return None
    low, high, open_low = RANGES[name]
    if high is not None:
        if low <= value <= high:
            return None
        return f"must be between {low:g} and {high:g}, not {value:g}"
    if value > low or (value == low and not open_low):
        return None
    return f"must be {'greater than' if open_low else 'at least'} {low:g}, not {value:g}"


def _coerce(name: str, value: Any, label: str) -> Any:
    """``value`` as the type of setting ``name``, checked against its range; ``label`` names its source."""
    kind = str(_TYPES[name])
    if isinstance(value, str):
        value = value.strip()
    try:
        if "bool" in kind:
            return value if isinstance(value, bool) else str(value).lower() in ("1", "true", "yes", "on")
        if "int" in kind:
            number: float = int(value)
        elif "float" in kind:
            number = float(value)
        else:
            return str(value)
    except (TypeError, ValueError):
        raise BackendConfigError(f"{label} must be a number, not {value!r}") from None
    why = out_of_range(name, number)
    if why is not None:
        raise BackendConfigError(f"{label} {why}")
    return number


def read_config(path: str | Path | None, *, cwd: Path | None = None) -> tuple[dict[str, Any], str | None]:
    """The ``[llm]`` table of the config file and the file's path (empty when there is none).

    Raises:
        BackendConfigError: a named file is missing, is not TOML, or has unknown keys.
    """
    explicit = path is not None
    target = Path(path) if path is not None else (cwd or Path.cwd()) / DEFAULT_CONFIG
    if not target.exists():
        if explicit:
            raise BackendConfigError(f"config file {target} does not exist")
        return {}, None
    try:
        data = tomllib.loads(target.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise BackendConfigError(f"{target} is not valid TOML: {exc}") from None
    table = data.get("llm", {})
    unknown = sorted(set(table) - set(_TYPES) - {"api_key"})
    if "api_key" in table:
        raise BackendConfigError(f"{target}: put no API key in a file; set {ENV['api_key_env']} or OPENAI_API_KEY")
    if unknown:
        raise BackendConfigError(f"{target}: unknown [llm] keys: {', '.join(unknown)}")
    return dict(table), str(target)


def resolve(
    flags: Mapping[str, Any] | None = None,
    *,
    env: Mapping[str, str] | None = None,
    config: str | Path | None = None,
    cwd: Path | None = None,
) -> LLMSettings:
    """Settings from flags (None values are unset), then environment, then config file, then defaults.

    Args:
        flags: Setting name -> value given on the command line or in Python.
        env: Environment (``os.environ`` by default).
        config: Config file path; default ``$TRIALX_CONFIG`` or ``./trialx.toml`` when present.
        cwd: Where to look for ``trialx.toml``.
    """
    env = os.environ if env is None else env
    flags = {k: v for k, v in (flags or {}).items() if v is not None}
    unknown = set(flags) - set(_TYPES)
    if unknown:
        raise BackendConfigError(f"unknown LLM settings: {', '.join(sorted(unknown))}")
    table, where = read_config(config if config is not None else env.get("TRIALX_CONFIG") or None, cwd=cwd)
    values: dict[str, Any] = {}
    for name in _TYPES:
        if name == "api_key":
            continue
        if name in flags:
            values[name] = _coerce(name, flags[name], f"--{name.replace('_', '-')}")
        elif name in ENV and env.get(ENV[name]):
            values[name] = _coerce(name, env[ENV[name]], ENV[name])
        elif name in table:
            values[name] = _coerce(name, table[name], f"{where or DEFAULT_CONFIG}: [llm] {name}")
    if "cache_dir" not in values:
        values["cache_dir"] = default_cache_dir(env)
    key_env = values.get("api_key_env", "OPENAI_API_KEY")
    return LLMSettings(**values, api_key=env.get(key_env) or None)
