"""The ``trialx`` command line: parses arguments, calls the library, reports.

Exit codes (also in the README):
    0  every document was extracted
    1  the job finished but some documents failed (see the errors file)
    2  usage error: bad option, missing input, unknown format or backend,
       output exists without --resume/--overwrite
    3  trialx eval: the quality gate failed (--fail-under, --baseline/--max-drop)
    130 interrupted (Ctrl-C); rerun with --resume to continue
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    SpinnerColumn,
    TextColumn,
    TimeElapsedColumn,
)
from rich.table import Table

from extractor import schema as schema_mod
from extractor.backends import DEFAULT_BACKEND, UnknownBackend, available
from extractor.documents import DEFAULT_MAX_CHARS, InputError
from extractor.pipeline import JobOptions, OutputExists, Summary, run_job, summary_json
from extractor.readers import FORMATS, FieldNames

EXIT_OK, EXIT_DOC_ERRORS, EXIT_USAGE, EXIT_GATE, EXIT_INTERRUPTED = 0, 1, 2, 3, 130

app = typer.Typer(
    help="Turn clinical-trial literature into typed, traceable trial records.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
err = Console(stderr=True)


def _fields(text: list[str] | None, title: list[str] | None, id_: list[str] | None) -> FieldNames:
    default = FieldNames()
    return FieldNames(
        text=tuple(text) if text else default.text,
        title=tuple(title) if title else default.title,
        id=tuple(id_) if id_ else default.id,
    )


def _usage_error(message: str) -> typer.Exit:
    err.print(f"[bold red]error:[/] {message}")
    return typer.Exit(EXIT_USAGE)


@app.command()
def extract(
    inputs: Annotated[list[str], typer.Argument(help="Files, directories, globs, or - for stdin.")],
    output: Annotated[str, typer.Option("-o", "--output", help="Output JSONL, - for stdout.")] = "-",
    errors: Annotated[
        str | None, typer.Option(help="Errors JSONL [default: <output>.errors.jsonl].")
    ] = None,
    backend: Annotated[
        str, typer.Option(help=f"Backend: {', '.join(available())}.")
    ] = DEFAULT_BACKEND,
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
        bool | None, typer.Option(help="Progress bar [default: when stderr is a terminal].")
    ] = None,
    summary_json_path: Annotated[
        Path | None, typer.Option("--summary-json", help="Also write the summary as JSON here.")
    ] = None,
) -> None:
    """Extract trial records from documents into JSONL, one line per document."""
    if input_format is not None and input_format not in FORMATS:
        raise _usage_error(f"unknown --format {input_format!r}; choose one of: {', '.join(FORMATS)}")
    if resume and overwrite:
        raise _usage_error("--resume and --overwrite contradict each other")
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
    )
    show_progress = err.is_terminal if progress is None else progress
    try:
        summary = _run(options, show_progress)
    except (InputError, OutputExists, UnknownBackend) as exc:
        raise _usage_error(str(exc)) from None
    except KeyboardInterrupt:
        err.print("[yellow]interrupted[/]: what was written is whole; rerun with --resume")
        raise typer.Exit(EXIT_INTERRUPTED) from None
    _print_summary(summary)
    if summary_json_path is not None:
        summary_json_path.write_text(summary_json(summary) + "\n")
    raise typer.Exit(EXIT_DOC_ERRORS if summary.errors else EXIT_OK)


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
    )
    with Progress(*columns, console=err, transient=True) as bar:
        task = bar.add_task("extract", total=None, rate=0.0, errors=0)

        def tick(summary: Summary) -> None:
            bar.update(task, completed=summary.documents, rate=summary.docs_per_second,
                       errors=summary.errors)

        return run_job(options, on_document=tick)


def _print_summary(summary: Summary) -> None:
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
    for name, value in rows:
        table.add_row(name, str(value))
    err.print(table)
    where = "stdout" if summary.output == "-" else summary.output
    err.print(f"records: {where}")
    if summary.errors:
        err.print(f"[yellow]errors[/]: {summary.errors_file or 'stderr'}")


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
            err.print(f"wrote {path}")
        return
    if check:
        stale = [p for p, text in files.items() if not p.exists() or p.read_text() != text]
        for path in stale:
            err.print(f"[red]{path} is out of date[/]: run trialx schema --write")
        if stale:
            raise typer.Exit(1)
        err.print("schemas up to date")
        return
    sys.stdout.write(files[schema_mod.GOLD_SCHEMA_FILE if gold else schema_mod.SCHEMA_FILE])


@app.command("eval")
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
) -> None:
    """Score a backend (or a predictions file) against hand-labelled gold files."""
    from extractor import evaluate as ev

    try:
        report = ev.evaluate(gold, backend=backend, predictions=predictions)
        base = ev.read_json(baseline) if baseline else None
    except (ValueError, OSError, UnknownBackend) as exc:
        raise _usage_error(str(exc)) from None
    data = ev.report_dict(report, label=str(predictions or backend))
    _print_report(data)
    if json_path is not None:
        json_path.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n")
    if html_path is not None:
        from extractor.gold import load_gold
        from extractor.report_html import render

        html_path.write_text(render(load_gold(gold), data), encoding="utf-8")
    reasons = ev.gate(data, fail_under=fail_under, baseline=base, max_drop=max_drop)
    for reason in reasons:
        err.print(f"[bold red]quality gate:[/] {reason}")
    raise typer.Exit(EXIT_GATE if reasons else EXIT_OK)


@app.command("compare")
def compare_command(
    before: Annotated[Path, typer.Argument(help="Report JSON of the old run (trialx eval --json).")],
    after: Annotated[Path, typer.Argument(help="Report JSON of the new run.")],
    json_path: Annotated[Path | None, typer.Option("--json", help="Write the comparison as JSON here.")] = None,
) -> None:
    """Per-field F1 deltas between two eval reports, and the documents that got better or worse."""
    from extractor import evaluate as ev

    try:
        diff = ev.compare(ev.read_json(before), ev.read_json(after))
    except (ValueError, OSError, KeyError) as exc:
        raise _usage_error(f"cannot compare: {exc}") from None
    table = Table(title=f"{before.name} -> {after.name}", title_justify="left")
    for column in ("field", "before", "after", "delta"):
        table.add_column(column, justify="left" if column == "field" else "right")
    for name, row in diff["fields"].items():
        if row["before"] is None and row["after"] is None:
            continue
        delta = row["delta"]
        style = "" if not delta else "green" if delta > 0 else "red"
        table.add_row(name, _fmt(row["before"]), _fmt(row["after"]),
                      f"[{style}]{delta:+.3f}[/]" if delta else "0" if delta == 0 else "-")
    err.print(table)
    worse = [d for d in diff["documents"] if d["delta"] < 0]
    better = [d for d in diff["documents"] if d["delta"] > 0]
    err.print(f"{len(better)} documents better, {len(worse)} worse")
    for d in worse:
        err.print(f"  [red]worse[/]  {d['doc_id']}: {d['before']:.3f} -> {d['after']:.3f}")
    for d in reversed(better):
        err.print(f"  [green]better[/] {d['doc_id']}: {d['before']:.3f} -> {d['after']:.3f}")
    if json_path is not None:
        json_path.write_text(json.dumps(diff, indent=2) + "\n")


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


def _fmt(value: object) -> str:
    return "-" if value is None else f"{value:.3f}"  # type: ignore[str-format]
