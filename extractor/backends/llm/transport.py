"""Transport retries (tenacity) and client-side rate limits, beneath instructor's re-asks.

The openai client is built with ``max_retries=0``: every HTTP request goes through
``Transport.send``, which retries 429 (honouring ``Retry-After``, capped), 5xx,
timeouts and dropped connections with exponential backoff and jitter, bounded in
attempts and in total time. instructor sees only the final outcome, so a transport
fault is never re-asked as a validation error. 400, 401, 403 and 404 are not retried, nor is
a refused connection (nothing listens there; waiting will not change that), nor an answer (500
included) saying the server does not take the request's response format or tools
(``modes.ModeRefused``: a configuration error that stops the job).

A request that still fails at the transport level is a failure of the endpoint, not of the
document: ``CircuitBreaker`` counts them in a row across documents and stops the job
(``EndpointDown``) at ``--max-consecutive-failures``, rather than letting a dead or hung
endpoint fail every document of the job one timeout at a time.
"""

from __future__ import annotations

import asyncio
import socket
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any

import aiohttp
import openai
from tenacity import (
    AsyncRetrying,
    RetryCallState,
    retry_if_exception,
    stop_after_attempt,
    stop_before_delay,
    wait_exponential_jitter,
)

from extractor.backends import BackendUnavailable, EndpointDown
from extractor.backends.llm.modes import ModeRefused, refusal
from extractor.backends.llm.usage import Sleep, current_meter

#: What happened to a request that got no answer, found in the chain of causes openai raises
#: (``APIConnectionError`` wraps the httpx error, which wraps aiohttp's, which wraps the
#: socket's): the first kind present anywhere in the chain wins, in this order. The chain, not
#: the openai class, is read because openai's aiohttp transport maps a refused connection and a
#: dropped one to ``ConnectTimeout``, which openai then reports as ``APITimeoutError``.
CAUSES: tuple[tuple[tuple[type[BaseException], ...], str], ...] = (
    ((ConnectionRefusedError,), "connection refused at {url}"),
    ((socket.gaierror,), "cannot resolve the host of {url}"),
    ((aiohttp.ServerDisconnectedError, ConnectionResetError, BrokenPipeError),
     "{url} closed the connection without answering"),
    ((TimeoutError,), "no answer from {url} within --timeout"),
)


def _chain(exc: BaseException) -> list[BaseException]:
    """``exc`` and its causes (explicit, else implicit), outermost first."""
    found: list[BaseException] = []
    current: BaseException | None = exc
    while current is not None and current not in found:
        found.append(current)
        current = current.__cause__ or current.__context__
    return found


def cause_of(exc: BaseException) -> str | None:
    """What happened to a request that got no answer (``connection refused at <url>``), or None."""
    chain = _chain(exc)
    request = getattr(exc, "request", None)
    url = str(request.url) if request is not None else "the endpoint"
    for kinds, message in CAUSES:
        if any(isinstance(link, kinds) for link in chain):
            return message.format(url=url)
    return None


def is_refused(exc: BaseException) -> bool:
    """Nothing listens at the endpoint: retrying within seconds would not change that."""
    return any(isinstance(link, ConnectionRefusedError) for link in _chain(exc))


def is_transient(exc: BaseException) -> bool:
    """Worth another try: rate limits, server errors, timeouts, dropped connections."""
    if isinstance(exc, openai.APIConnectionError):  # APITimeoutError is one too
        return True
    return isinstance(exc, openai.APIStatusError) and (exc.status_code == 429 or exc.status_code >= 500)


def retry_after(exc: BaseException | None) -> float | None:
    """Seconds the server asked to wait (``retry-after-ms`` or ``Retry-After``), if it did."""
    if not isinstance(exc, openai.APIStatusError):
        return None
    headers = exc.response.headers
    for name, scale in (("retry-after-ms", 1000.0), ("retry-after", 1.0)):
        try:
            return max(0.0, float(headers.get(name, "")) / scale)
        except ValueError:
            continue
    return None


def job_level(exc: BaseException) -> BackendUnavailable | None:
    """401, 403 and 404 concern every document: the job stops with this message."""
    if isinstance(exc, openai.AuthenticationError):
        return BackendUnavailable("the endpoint refused the credentials (401 Unauthorized): "
                                  "check the API key variable (OPENAI_API_KEY or --api-key-env)")
    if isinstance(exc, openai.PermissionDeniedError):
        return BackendUnavailable("the endpoint denied access (403 Forbidden): the key may lack access to this model")
    if isinstance(exc, openai.NotFoundError):
        return BackendUnavailable(f"the endpoint answered 404 Not Found: check --base-url and --model ({exc.message})")
    return None


def describe(exc: BaseException) -> str:
    """A per-document reason for a transport failure, without request details."""
    if isinstance(exc, openai.APIStatusError):
        return f"the endpoint answered {exc.status_code}: {exc.message}"
    cause = cause_of(exc)
    if cause is not None:
        return cause
    if isinstance(exc, openai.APIConnectionError):
        return f"the connection failed or was dropped ({_chain(exc)[-1]!r})"
    return f"{type(exc).__name__}: {exc}"


class CircuitBreaker:
    """Transport failures in a row, across documents: at ``limit`` the endpoint is taken for down.

    A request that got any answer from the endpoint (a 400 too) closes the count again; once
    open, the breaker stays open and every later request fails at once with the same error.
    """

    def __init__(self, limit: int):
        self.limit = limit
        self.failures = 0
        self.opened: EndpointDown | None = None

    def check(self) -> None:
        """Raise the breaker's ``EndpointDown`` if it has opened."""
        if self.opened is not None:
            raise self.opened

    def answered(self) -> None:
        self.failures = 0

    def failed(self, exc: BaseException) -> None:
        """Count one transport failure; raise ``EndpointDown`` when it is the ``limit``-th in a row."""
        self.failures += 1
        if self.failures >= self.limit and self.opened is None:
            self.opened = EndpointDown(
                f"the endpoint failed {self.failures} requests in a row, across documents "
                f"(--max-consecutive-failures {self.limit}); the last: {describe(exc)}")
        self.check()


class TokenBucket:
    """``rate`` per minute, bursts of up to one second's worth (at least ``floor``)."""

    def __init__(self, per_minute: float, *, floor: float = 1.0, clock: Callable[[], float] = time.monotonic):
        self.rate = per_minute / 60.0
        self.capacity = max(self.rate, floor)
        self.level = self.capacity
        self._clock = clock
        self._stamp = clock()
        self._lock = asyncio.Lock()

    def _refill(self) -> None:
        now = self._clock()
        self.level = min(self.capacity, self.level + (now - self._stamp) * self.rate)
        self._stamp = now

    async def take(self, amount: float) -> None:
        """Wait until ``amount`` can be taken (a request larger than a burst waits for a full bucket)."""
        async with self._lock:  # first come, first served
            self._refill()
            need = min(amount, self.capacity)
            while self.level < need:
                await asyncio.sleep((need - self.level) / self.rate)
                self._refill()
            self.level -= amount

    def give_back(self, amount: float) -> None:
        """Correct an estimate once the real figure is known (negative: take more)."""
        self._refill()
        self.level = min(self.capacity, self.level + amount)


@dataclass
class RetryPolicy:
    """Bounds of transport retries (``--retries``, ``--retry-max-time``) and of failures in a row
    (``--max-consecutive-failures``)."""

    retries: int = 5
    max_time: float = 120.0
    retry_after_max: float = 60.0
    max_consecutive_failures: int = 5
    initial: float = 0.5
    max_wait: float = 20.0


class Transport:
    """Sends one chat request with retries and rate limits; instructor calls ``send``.

    Args:
        create: The openai client's ``chat.completions.create``.
        policy: Retry bounds.
        rpm: Requests per minute, or None.
        tpm: Tokens per minute, or None.
        sleep: Awaitable sleep (tests replace it to observe waits).
    """

    def __init__(self, create: Callable[..., Awaitable[Any]], policy: RetryPolicy,
                 rpm: float | None = None, tpm: float | None = None, sleep: Sleep | None = None):
        self._create = create
        self.policy = policy
        self.requests = TokenBucket(rpm) if rpm else None
        self.tokens = TokenBucket(tpm, floor=0) if tpm else None
        self._sleep = sleep if sleep is not None else asyncio.sleep
        self._backoff = wait_exponential_jitter(multiplier=policy.initial, max=policy.max_wait, jitter=policy.initial)
        self.breaker = CircuitBreaker(policy.max_consecutive_failures)

    def _wait(self, state: RetryCallState) -> float:
        exc = state.outcome.exception() if state.outcome else None
        asked = retry_after(exc)
        backoff = self._backoff(state)
        return min(asked, self.policy.retry_after_max) if asked is not None else backoff

    @staticmethod
    def estimate(kwargs: dict[str, Any]) -> int:
        """Tokens a request will use, before it is sent: characters / 4, plus the completion limit."""
        chars = sum(len(str(m.get("content") or "")) for m in kwargs.get("messages", []))
        chars += len(str(kwargs.get("tools") or kwargs.get("response_format") or ""))
        return chars // 4 + int(kwargs.get("max_tokens") or 1000)

    async def send(self, **kwargs: Any) -> Any:
        """One chat request, retried as the policy allows; a failure still there counts toward the breaker.

        Raises:
            EndpointDown: this failure is the breaker's limit, or the breaker was already open.
        """
        self.breaker.check()
        try:
            response = await self._send_retrying(kwargs)
        except openai.APIError as exc:
            if not is_transient(exc):
                self.breaker.answered()  # the endpoint answered: the request, not the endpoint, is wrong
                raise
            self.breaker.failed(exc)
            raise
        self.breaker.answered()
        return response

    async def _send_retrying(self, kwargs: dict[str, Any]) -> Any:
        retrying = AsyncRetrying(
            stop=stop_after_attempt(self.policy.retries + 1) | stop_before_delay(self.policy.max_time),
            wait=self._wait,
            retry=retry_if_exception(lambda exc: is_transient(exc) and not is_refused(exc)),
            sleep=self._sleep,
            reraise=True,
        )
        async for attempt in retrying:
            with attempt:
                return await self._send_once(kwargs)
        raise AssertionError("unreachable: tenacity re-raises the last error")  # pragma: no cover

    async def _send_once(self, kwargs: dict[str, Any]) -> Any:
        estimate = self.estimate(kwargs) if self.tokens else 0
        if self.requests:
            await self.requests.take(1)
        if self.tokens:
            await self.tokens.take(estimate)
        meter = current_meter.get()
        if meter is not None:
            meter.requests += 1
        try:
            response = await self._create(**kwargs)
        except openai.APIError as exc:
            fatal = job_level(exc)
            if fatal is not None:
                raise fatal from None
            answer = refusal(exc)
            if answer is not None:  # a 500 too: the server will not take this format, retrying won't change it
                raise ModeRefused(f"the endpoint refuses the request's structured-output format: {answer}",
                                  answer) from None
            raise
        if self.tokens:
            used = getattr(getattr(response, "usage", None), "total_tokens", None)
            if used is not None:
                self.tokens.give_back(estimate - used)
        return response
