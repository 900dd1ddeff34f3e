"""The ``openai`` backend: instructor over any OpenAI-compatible endpoint.

openai, instructor and the transport are imported on the first cache miss: a run
answered from the cache (and ``trialx cache``) never pays for them.

With ``--mode auto`` the structured-output mode is found first, once per endpoint and model
(``modes``: one-token probes, remembered in the cache directory, so a later run sends none).
Per document: look the answer up in the cache (nothing else is built for a hit);
otherwise split the text within the token budget, ask the model for an
``Extraction`` of each part through instructor (or the ``LeanExtraction`` the prompt's header
names: the same records under a leaner schema; validators and grounding run with
``context={"document": part}``, failures are re-asked up to ``max_reasks`` times),
keep what still passes from a final invalid answer with a warning per dropped item,
merge the parts, count tokens over every request, and store the result.

The same steps serve a Batch API (``trialx batch``): ``batch_requests`` runs them with a recorder
in place of the endpoint, so a batch request is the very body the online path would send, and
``answering_from`` runs them with a batch's answers in place of the endpoint, so each answer meets
the online validators and lands in the cache under the online key.
"""

from __future__ import annotations

import asyncio
import atexit
import json
import re
import threading
from collections.abc import Awaitable, Callable
from contextvars import ContextVar
from dataclasses import dataclass
from typing import Any

from extractor.backends import BackendUnavailable
from extractor.backends.llm import chunking, prompts
from extractor.backends.llm.cache import ResponseCache, cache_key, parts_digest
from extractor.backends.llm.modes import STRENGTH, ModeMemory, ModeRefused, detect, refused_error, with_schema
from extractor.backends.llm.response import Extraction, salvage, short_error
from extractor.backends.llm.settings import LLMSettings, resolve
from extractor.backends.llm.usage import Meter, Sleep, current_meter, load_prices, price_of
from extractor.backends.llm.wire import as_completion, poster
from extractor.documents import Document
from extractor.models import DocumentResult, TrialRecord, Usage
from extractor.structure import REFERENCES, Structure, read_structure


class ExtractionFailed(RuntimeError):
    """This document got no usable answer; the reason says why."""


@dataclass(frozen=True)
class Request:
    """One request of a document: a part of its text, and the document's cache key.

    Attributes:
        key: The document's cache key (``cache.cache_key``), also with ``--no-cache``.
        number: Which part, from 1.
        parts: How many parts the document was split into.
        offset: Where the part starts in the document.
        text: The part.
        title: The document's title, as the model is told it.
    """

    key: str
    number: int
    parts: int
    offset: int
    text: str
    title: str | None


#: Answers one request: the extraction and warnings about what was dropped. The endpoint (``_ask``),
#: a recorder (``batch_requests``) or a Batch API's answers (``answering_from``).
Ask = Callable[[Request, Meter, "int | None"], Awaitable[tuple[Extraction, list[str]]]]


class _Recorded(BaseException):
    """Carries a request out of instructor unsent. A BaseException, so that instructor's handling of
    endpoint errors (it catches Exception, logs it and wraps it) lets it through untouched."""

    def __init__(self, body: dict[str, Any]):
        super().__init__("recorded")
        self.body = body


async def _record(**body: Any) -> Any:
    """The endpoint of ``batch_requests``: keeps the request instead of sending it."""
    raise _Recorded(body)


#: The batch answer standing in for the endpoint's reply to the request being asked.
_BATCH_ANSWER: ContextVar[Any] = ContextVar("trialx_batch_answer")


async def _replay(**body: Any) -> Any:
    """The endpoint of ``answering_from``: the batch's answer to this request (one request on the meter)."""
    meter = current_meter.get()
    if meter is not None:
        meter.requests += 1
    return as_completion(_BATCH_ANSWER.get())


_FENCE = re.compile(r"```(?:json)?\s*(.*?)```", re.S)


def raw_answer(completion: Any) -> Any:
    """The JSON the model sent in a completion (tool call arguments or message content), or None."""
    try:
        message = completion.choices[0].message
    except (AttributeError, IndexError, TypeError):
        return None
    calls = getattr(message, "tool_calls", None) or []
    text = calls[0].function.arguments if calls else (message.content or "")
    fenced = _FENCE.search(text)
    try:
        return json.loads(fenced.group(1) if fenced else text)
    except (ValueError, TypeError):
        return None


class ValidationContext(dict[str, Any]):
    """The document, for the validators only.

    instructor takes one ``context`` both as pydantic's validation context and as Jinja
    variables, and renders every message as a template when the context is truthy. We want
    the first only: rendering costs 1-2 ms a request, dedents the document's blank-ish lines
    and would read any ``{{`` in a document as template syntax. This dict is false to that
    truth test and a plain dict to pydantic (a test checks the document arrives verbatim).
    """

    def __bool__(self) -> bool:
        return False


#: The instructor releases the engine is tested with (pyproject.toml pins the same range).
TESTED_INSTRUCTOR = ">=1.17,<1.18"
_MODES = {"tools": "TOOLS", "json_schema": "JSON_SCHEMA", "json": "JSON", "md_json": "MD_JSON"}


def _installed() -> str:
    """The installed instructor and openai versions, for a message."""
    from importlib.metadata import PackageNotFoundError, version

    found = []
    for name in ("instructor", "openai"):
        try:
            found.append(f"{name} {version(name)}")
        except PackageNotFoundError:
            found.append(f"no {name}")
    return ", ".join(found)


def _unsupported(why: str) -> BackendUnavailable:
    return BackendUnavailable(
        f"the openai backend cannot run with the installed {_installed()}: {why}; trialx is tested with "
        f"instructor{TESTED_INSTRUCTOR} (pip install 'instructor{TESTED_INSTRUCTOR}')")


def _instructor(mode_name: str) -> tuple[Any, Any, Any]:
    """instructor's ``patch``, its ``Mode`` for ``mode_name`` and ``response_schema``, checked once per
    engine: every public name the backend uses is there, and a falsy context still leaves messages
    alone (``_check_verbatim``).

    Raises:
        BackendUnavailable: instructor lacks one of them; the message names the installed versions.
    """
    try:
        import instructor
        from instructor.core import (  # noqa: F401 - ``_ask`` imports them per request
            Hooks,
            IncompleteOutputException,
            InstructorRetryException,
            TokenBudgetError,
        )

        patch, mode, wrap = instructor.patch, getattr(instructor.Mode, _MODES[mode_name]), instructor.response_schema
    except (ImportError, AttributeError) as exc:
        raise _unsupported(f"{type(exc).__name__}: {exc}") from None
    _check_verbatim(patch, mode)
    return patch, mode, wrap


def _check_verbatim(patch: Any, mode: Any) -> None:
    """Send one message through instructor's patched create to a recorder, with a ``ValidationContext``.

    instructor renders messages as Jinja templates when the context it is given is truthy; the
    backend's context is falsy so that documents go out verbatim. This checks that it still does
    (and loads the mode's handlers now rather than on the first request).
    """
    sent: list[Any] = []
    probe = [{"role": "user", "content": "{{ document }}\n  {# a note #}"}]
    try:
        patch(create=lambda **body: sent.append(body.get("messages")), mode=mode)(
            model="probe", messages=[dict(m) for m in probe], response_model=None,
            context=ValidationContext(document="rendered"))
    except Exception as exc:  # a changed signature or registry: say so once, not once per document
        raise _unsupported(f"its patched create failed: {type(exc).__name__}: {exc}") from None
    if sent != [probe]:
        raise _unsupported("instructor rendered a message as a template, so documents would not be sent verbatim")


class OpenAIBackend:
    """Extraction by a model behind an OpenAI-compatible chat completions endpoint.

    Args:
        settings: Resolved settings; when None they are resolved from ``flags``,
            the environment and the config file.
        config: Config file path (``--config``).
        sleep: Awaitable sleep for transport back-off (tests observe waits with it).
        batch: Requests go through a Batch API: usage is priced at the batch price and marked so.
        **flags: Settings given as flags (``model=``, ``base_url=``, ...).

    Raises:
        BackendConfigError: a setting is missing or wrong; the message names the fix.
    """

    name = "openai"
    needs_network = True

    @classmethod
    def configured(cls, config: str | None = None, **flags: Any) -> str | None:
        """Why ``--backend auto`` may pick this backend (model and key or URL set), or None."""
        settings = resolve(flags, config=config)
        return f"model {settings.model} at {settings.endpoint()}" if settings.configured else None

    @classmethod
    def configuration(cls, config: str | None = None, **flags: Any) -> Any:
        """The settings this backend would be built with now, the API key included (a new key, a new client)."""
        settings = resolve(flags, config=config)
        return settings, settings.api_key

    def __init__(self, settings: LLMSettings | None = None, *, config: str | None = None,
                 sleep: Sleep | None = None, batch: bool = False, **flags: Any):
        # Answers collected from a batch need no key; finding the mode (prepare, --mode auto) asks the endpoint.
        self.settings = (settings or resolve(flags, config=config)).require(needs_key=not batch)
        self.prompt = prompts.load(self.settings.prompt, self.settings.prompts_dir)
        model = self.settings.model or ""
        self.model = model
        self.batch = batch
        self.price = price_of(load_prices(self.settings.price_file, batch=batch), model)
        self.cache = None if self.settings.no_cache else ResponseCache(self.settings.cache_dir)
        self.memory = None if self.settings.no_cache else ModeMemory(self.settings.cache_dir)
        #: The mode requests use: the one asked for, or the one detected (None until then).
        self.mode: str | None = self.settings.mode if self.settings.mode != "auto" else (
            self.memory.get(self.settings.endpoint(), model) if self.memory is not None else None)
        self._sleep = sleep
        self._spent = Meter(chunks=0, batch=batch)  # every document's meter, whatever became of the document
        self._key = self._key_digest() if self.mode else ""
        self._recorder: Any = None  # instructor's create over ``_record``, then over ``_replay``
        self._replayer: Any = None
        self._engine: tuple[asyncio.AbstractEventLoop, Any, Any] | None = None
        self._detecting: tuple[asyncio.AbstractEventLoop, asyncio.Lock] | None = None
        self._refusal: ModeRefused | None = None
        self.transport: Any = None  # built with the first client
        self._response_model: Any = self.prompt.response_model
        self._loop: asyncio.AbstractEventLoop | None = None
        self._thread: threading.Thread | None = None
        self._loop_lock = threading.Lock()

    def _key_digest(self) -> str:
        """Hash of everything but the document that changes the answer (never the API key)."""
        s = self.settings
        parts = {
            "model": s.model, "base_url": s.endpoint().rstrip("/"), "mode": self.mode,
            "prompt": self.prompt.label, "prompt_sha256": self.prompt.sha256,
            "user_template": prompts.USER_TEMPLATE, "title_template": prompts.TITLE_TEMPLATE,
            "schema": self.prompt.response_model.model_json_schema(),
            "params": {"temperature": s.temperature, "max_output_tokens": s.max_output_tokens,
                       "max_reasks": s.max_reasks, "max_tokens_per_doc": s.max_tokens_per_doc,
                       "token_budget": s.token_budget},
        }
        return parts_digest(parts)

    # ------------------------------------------------------------ public

    def extract(self, document: Document) -> DocumentResult:
        """Blocking extraction, on a private event loop thread (keeps one client across calls)."""
        with self._loop_lock:
            if self._loop is None:
                self._loop = asyncio.new_event_loop()
                self._thread = threading.Thread(target=self._loop.run_forever, daemon=True, name="trialx-llm")
                self._thread.start()
                atexit.register(self.close)
        return asyncio.run_coroutine_threadsafe(self.aextract(document), self._loop).result()

    async def aextract(self, document: Document) -> DocumentResult:
        """Extract one document; a cache hit makes no request and builds no client."""
        return await self._answer(document, self._ask)

    async def find_mode(self) -> str:
        """The structured-output mode requests use: the one asked for, remembered or (``--mode auto``) detected now."""
        await self._detect()
        assert self.mode is not None
        return self.mode

    @property
    def digest(self) -> str:
        """Hash of the settings that change the answer (the cache keys' common part; empty before the
        mode is known)."""
        return self._key

    async def batch_requests(self, document: Document) -> list[tuple[Request, dict[str, Any]]] | None:
        """The chat requests the online path would send for ``document`` (one per part), built by the
        same code with a recorder in place of the endpoint; None when its result is in the cache.
        Nothing is sent (but ``--mode auto`` detects the mode first, as online).

        Raises:
            ExtractionFailed: its first part alone is over ``--max-tokens-per-doc``, as online.
        """
        if self._recorder is None:
            await self._detect()
            self._recorder = self._patch(_record)
        recorded: list[tuple[Request, dict[str, Any]]] = []

        async def record(request: Request, meter: Meter, budget: int | None) -> tuple[Extraction, list[str]]:
            try:
                await self._ask(request, meter, budget, create=self._recorder)
            except _Recorded as sent:
                recorded.append((request, sent.body))
            return Extraction(is_trial_report=False), []

        result = await self._answer(document, record, store=False)
        return None if result.usage is not None and result.usage.cached else recorded

    def answering_from(self, answer: Callable[[Request], Any]) -> BatchAnswers:
        """This backend with a Batch API's answers in place of the endpoint (``BatchAnswers``).

        Args:
            answer: The batch's answer (a chat completion's JSON) to a request; raises
                ``ExtractionFailed`` naming why there is none.
        """
        return BatchAnswers(self, answer)

    async def _answer(self, document: Document, ask: Ask, *, store: bool = True) -> DocumentResult:
        """The cached result of ``document``, else its parts each answered by ``ask`` (and stored, with ``store``)."""
        structure = read_structure(document.text, document.title)  # its title is what the model is told
        await self._detect()  # no request when the mode was given or is remembered
        key = cache_key(self._key, document.text, structure.title)
        if self.cache is not None:
            result = self._cached(key)
            if result is not None:
                result.doc_id = document.doc_id
                return result
        meter = Meter(batch=self.batch)
        token = current_meter.set(meter)
        try:
            result = await self._extract(document, meter, structure, key, ask)
        finally:
            current_meter.reset(token)
            self._spent.add(meter)
        if store and self.cache is not None:
            self.cache.put(key, result.model_dump_json(exclude_none=False).encode("utf-8"))
        return result

    @property
    def spent(self) -> Usage:
        """What every request of this backend cost so far: failed and cancelled documents, re-asks
        and salvaged answers included (a result's own ``usage`` is its document's part of it)."""
        return self._spent.usage(self.price)

    def _cached(self, key: str) -> DocumentResult | None:
        """The stored result under ``key``; None for a miss or (with a warning) an entry that is no result."""
        assert self.cache is not None
        hit = self.cache.get(key)
        if hit is None:
            return None
        try:
            result = DocumentResult.model_validate_json(hit)
        except ValueError as exc:  # pydantic's ValidationError: tampered, or another version's shape
            self.cache.unreadable(key, f"not a stored result: {str(exc).splitlines()[0]}")
            return None
        if result.usage is not None:
            result.usage.cached = True
        return result

    def close(self) -> None:
        """Close the client of the blocking ``extract`` path, stop its loop thread and close the cache."""
        loop, self._loop = self._loop, None
        if loop is not None:
            atexit.unregister(self.close)
            if loop.is_running():
                asyncio.run_coroutine_threadsafe(self.aclose(), loop).result(timeout=10)
                loop.call_soon_threadsafe(loop.stop)
                if self._thread is not None:
                    self._thread.join(timeout=10)
            if not loop.is_running():
                loop.close()
        if self.cache is not None:
            self.cache.close()

    async def aclose(self) -> None:
        """Close the HTTP client of the running loop, if one was built."""
        if self._engine is not None and self._engine[0] is asyncio.get_running_loop():
            await self._engine[1].close()
        self._engine = None

    # ------------------------------------------------------------ work

    def _create(self) -> Any:
        """instructor's patched create over ``Transport.send``, one per event loop."""
        self._connect()
        assert self._engine is not None
        if self._engine[2] is None:
            self._engine = (*self._engine[:2], self._patch(self.transport.send))
        return self._engine[2]

    def _connect(self) -> None:
        """The openai client and the transport of the running loop, built once per loop."""
        loop = asyncio.get_running_loop()
        if self._engine is None or self._engine[0] is not loop:
            self._engine = (loop, self._build_client(), None)

    async def _detect(self) -> None:
        """Find the strongest mode the endpoint accepts (once, whatever the documents in flight),
        remember it, and key the cache with it. The probes' tokens count in ``spent``."""
        loop = asyncio.get_running_loop()
        if self._detecting is None or self._detecting[0] is not loop:
            self._detecting = (loop, asyncio.Lock())
        if self.mode is not None:
            return
        async with self._detecting[1]:
            if self.mode is not None:
                return
            accepted, refused = await self._probe(STRENGTH, first=True)
            if not accepted:
                raise ModeRefused(f"the endpoint accepts none of {', '.join(STRENGTH)}: "
                                  + "; ".join(f"{m}: {why}" for m, why in refused.items()), "")
            self.mode = accepted[0]
            self._key = self._key_digest()
            if self.memory is not None:
                self.memory.put(self.settings.endpoint(), self.model, self.mode, refused)

    async def _probe(self, modes: tuple[str, ...], *, first: bool) -> tuple[list[str], dict[str, str]]:
        """``modes.detect`` through this backend's transport, the probes metered into ``spent``.

        Raises:
            ExtractionFailed: a probe failed otherwise than by a refusal (the next document tries again).
        """
        self._connect()
        import openai

        from extractor.backends.llm.transport import describe

        meter = Meter(chunks=0)
        token = current_meter.set(meter)
        try:
            return await detect(self._metered(meter), self.model, modes, first=first)
        except openai.APIError as exc:
            raise ExtractionFailed(f"finding the modes the endpoint accepts failed: {describe(exc)}") from None
        finally:
            current_meter.reset(token)
            self._spent.add(meter)

    def _metered(self, meter: Meter) -> Any:
        """``Transport.send`` that adds each answer's usage to ``meter`` (a probe has no instructor hooks)."""
        send = self.transport.send

        async def create(**body: Any) -> Any:
            response = await send(**body)
            meter.add_response(response)
            return response

        return create

    async def _refused(self, exc: ModeRefused) -> ModeRefused:
        """The error for a mode the endpoint refused mid-job: with the modes it does accept when the
        mode was asked for; a remembered (auto) mode is forgotten, so the next run detects again."""
        assert self.mode is not None and self._detecting is not None  # a request was sent: _detect ran
        async with self._detecting[1]:  # documents in flight meet the same refusal: probe once
            if self._refusal is None:
                self._refusal = await self._refusal_of(self.mode, exc.answer)
        return self._refusal

    async def _refusal_of(self, mode: str, answer: str) -> ModeRefused:
        """The stop error for ``mode`` refused with ``answer`` (see ``_refused``)."""
        if self.settings.mode == "auto":
            if self.memory is not None:
                self.memory.put(self.settings.endpoint(), self.model, None)
            return ModeRefused(f"the endpoint no longer accepts the detected mode {mode} ({answer}); "
                               "it is forgotten: rerun to detect again", answer, mode)
        accepted, _ = await self._probe(tuple(m for m in STRENGTH if m != mode), first=False)
        return refused_error(mode, answer, accepted)

    def _build_client(self) -> Any:
        """The openai client over aiohttp, and ``self.transport`` over it."""
        import openai

        from extractor.backends.llm.transport import RetryPolicy, Transport

        s = self.settings
        # aiohttp as the transport (openai's DefaultAioHttpClient): about a third less CPU per
        # request than the default httpx transport, which matters at 30+ requests in flight.
        client = openai.AsyncOpenAI(api_key=s.api_key or "no-key", base_url=s.endpoint(), max_retries=0,
                                    timeout=s.timeout, http_client=openai.DefaultAioHttpClient(timeout=s.timeout))
        policy = RetryPolicy(retries=s.retries, max_time=s.retry_max_time, retry_after_max=s.retry_after_max,
                             max_consecutive_failures=s.max_consecutive_failures)
        self.transport = Transport(poster(client), policy, rpm=s.rpm, tpm=s.tpm, sleep=self._sleep)
        return client

    def _patch(self, send: Callable[..., Awaitable[Any]]) -> Any:
        """instructor's patched create for ``self.mode`` over ``send``, everything it loads loaded now."""
        assert self.mode is not None
        patch, mode, wrap = _instructor(self.mode)
        # instructor wraps a plain model in a new class on every call, which defeats its schema
        # cache (about 20 ms a request for this schema); a model wrapped once is kept as it is.
        self._response_model = wrap(self.prompt.response_model)
        if self.mode == "json":  # llama.cpp constrains json_object to a schema sent beside it
            send = with_schema(send, self._response_model.model_json_schema())
        return patch(create=send, mode=mode)

    async def _extract(self, document: Document, meter: Meter, structure: Structure, key: str,
                       ask: Ask) -> DocumentResult:
        s = self.settings
        # The structure stage: the title as the text gives it, parts cut at section starts,
        # and no part for a reference list (it yields no records).
        parts = chunking.split(
            document.text, s.token_budget,
            breaks=[x.label_start for x in structure.sections if x.label_start is not None],
            drop=[(x.label_start or x.start, x.end) for x in structure.sections if x.kind == REFERENCES],
        )
        meter.chunks = len(parts)
        overhead = chunking.estimate_tokens(self.prompt.text) + 1500  # schema and instructions
        warnings: list[str] = []
        answered: list[list[TrialRecord]] = []
        is_report = False
        for number, (offset, part) in enumerate(parts, start=1):
            remaining = None if s.max_tokens_per_doc is None else s.max_tokens_per_doc - meter.total
            if remaining is not None and remaining < overhead + chunking.estimate_tokens(part):
                reason = (f"--max-tokens-per-doc {s.max_tokens_per_doc} reached: {meter.total} tokens used, "
                          f"part {number} of {len(parts)} needs about {overhead + chunking.estimate_tokens(part)}")
                if not answered:
                    raise ExtractionFailed(reason)
                warnings.append(f"stopped early, parts {number}-{len(parts)} not extracted: {reason}")
                break
            request = Request(key, number, len(parts), offset, part, structure.title)
            extraction, notes = await ask(request, meter, remaining)
            warnings += [f"part {number}/{len(parts)}: {n}" if len(parts) > 1 else n for n in notes]
            is_report = is_report or extraction.is_trial_report
            answered.append(extraction.records(offset))
        trials = chunking.merge(answered) if len(answered) > 1 else (answered[0] if answered else [])
        return DocumentResult(doc_id=document.doc_id, is_trial_report=is_report or bool(trials), trials=trials,
                              warnings=warnings, model=self.model, prompt=self.prompt.label,
                              prompt_sha256=self.prompt.sha256, usage=meter.usage(self.price))

    async def _ask(self, request: Request, meter: Meter, budget: int | None, *, create: Any = None,
                   batch: bool = False) -> tuple[Extraction, list[str]]:
        """One part through instructor; returns the extraction and warnings about what was dropped.

        Args:
            request: The part.
            meter: Its document's meter.
            budget: Tokens the document may still spend, or None.
            create: instructor's patched create to use instead of the endpoint's (``_patch``).
            batch: The answer is a Batch API's: never re-asked, and one that fails validation is an
                error (its document is rerun online, where it is re-asked), not salvaged.
        """
        create = create or self._create()  # first: it loads openai and instructor
        from instructor.core import Hooks, IncompleteOutputException, InstructorRetryException

        s = self.settings
        hooks = Hooks()
        hooks.on("completion:response", meter.add_response)
        context = ValidationContext(document=request.text)
        answers = meter.answers
        try:
            extraction: Extraction = await create(
                model=s.model,
                messages=[{"role": "system", "content": self.prompt.text},
                          {"role": "user", "content": prompts.user_message(request.text, request.title)}],
                response_model=self._response_model, context=context, max_retries=0 if batch else s.max_reasks,
                strict=False,
                hooks=hooks, **self._options(budget),
            )
            return extraction, []
        except IncompleteOutputException:
            raise ExtractionFailed("the answer was cut off at the completion token limit "
                                   "(raise --max-output-tokens or lower --token-budget)") from None
        except InstructorRetryException as exc:
            return await self._after_failed_asks(exc, meter, context, batch=batch)
        finally:
            meter.reasks += max(0, meter.answers - answers - 1)

    def _options(self, budget: int | None) -> dict[str, Any]:
        """Sampling and limits of one request: temperature, completion tokens, instructor's token budget."""
        options: dict[str, Any] = {"temperature": self.settings.temperature}
        if self.settings.max_output_tokens:
            options["max_tokens"] = self.settings.max_output_tokens
        if budget is not None:
            options["token_budget"] = max(1, budget)
        return options

    async def _after_failed_asks(self, exc: Any, meter: Meter, context: ValidationContext, *,
                                 batch: bool) -> tuple[Extraction, list[str]]:
        """What instructor's give-up leaves: a failed request or batch answer raises; an answer that still
        fails validation after the re-asks is salvaged (what validates is kept, the rest named)."""
        import openai
        from instructor.core import TokenBudgetError

        from extractor.backends.llm.transport import describe

        cause = exc.__cause__
        if isinstance(cause, ModeRefused):
            raise await self._refused(cause) from None
        if isinstance(cause, BackendUnavailable):
            raise cause from None
        if isinstance(cause, openai.APIError) or not exc.failed_attempts:
            # the request itself failed after its transport retries: never re-asked
            raise ExtractionFailed(describe(cause or exc)) from None
        if batch:
            raise ExtractionFailed(f"the batch answer failed validation "
                                   f"({short_error(exc.failed_attempts[-1].exception)}); "
                                   "rerun it online, where it is re-asked") from None
        why = (f"re-asking stopped at --max-tokens-per-doc ({meter.total} tokens used)"
               if isinstance(exc, TokenBudgetError) else
               f"the answer still failed validation after {self.settings.max_reasks} re-asks")
        kept, dropped = salvage(raw_answer(exc.failed_attempts[-1].completion), context)
        if kept is None:
            last = exc.failed_attempts[-1].exception
            raise ExtractionFailed(f"{why}; the last answer was not usable JSON: {last}") from None
        return kept, [f"{why}; {note}" for note in dropped] or [f"{why}; nothing was dropped"]


class BatchAnswers:
    """The openai backend with a Batch API's answers in place of the endpoint (``trialx batch collect``).

    Each part's answer goes through the online path's validators (instructor's parser for the mode,
    grounding against the part), is never re-asked, and the document's result is stored in the
    response cache under the online key, so a later ``trialx extract`` asks nothing for it. A part
    without a usable answer (none, a failed request, an answer that fails validation) fails its
    document with the reason, for an online rerun.
    """

    name = OpenAIBackend.name
    needs_network = False

    def __init__(self, backend: OpenAIBackend, answer: Callable[[Request], Any]):
        self.backend = backend
        self._answer_of = answer

    async def aextract(self, document: Document) -> DocumentResult:
        if self.backend._replayer is None:
            self.backend._replayer = self.backend._patch(_replay)
        return await self.backend._answer(document, self._ask)

    def extract(self, document: Document) -> DocumentResult:
        return asyncio.run(self.aextract(document))

    @property
    def spent(self) -> Usage:
        """What the answers collected so far cost, at the batch price."""
        return self.backend.spent

    def close(self) -> None:
        self.backend.close()

    async def _ask(self, request: Request, meter: Meter, budget: int | None) -> tuple[Extraction, list[str]]:
        answer = self._answer_of(request)  # raises ExtractionFailed: no answer, or its request failed
        token = _BATCH_ANSWER.set(answer)
        try:
            return await self.backend._ask(request, meter, budget, create=self.backend._replayer, batch=True)
        finally:
            _BATCH_ANSWER.reset(token)
