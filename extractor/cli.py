"""The ``trialx`` command line: parses arguments, calls the library, reports.

Exit codes (also in the README):
    0  every document was extracted
    1  the job finished but some documents failed (see the errors file)
    2  usage error: bad option, missing input, unknown format or backend,
       output exists without --resume/--overwrite
    130 interrupted (Ctrl-C); rerun with --resume to continue
"""

from __future__ import annotations

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

EXIT_OK, EXIT_DOC_ERRORS, EXIT_USAGE, EXIT_INTERRUPTED = 0, 1, 2, 130

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
    write: Annotated[bool, typer.Option(help="Regenerate the committed schema file.")] = False,
) -> None:
    """Print the JSON Schema of an output line, generated from the models."""
    text = schema_mod.render(schema_mod.document_schema())
    if write:
        schema_mod.SCHEMA_FILE.write_text(text)
        err.print(f"wrote {schema_mod.SCHEMA_FILE}")
        return
    if check:
        current = schema_mod.SCHEMA_FILE.read_text() if schema_mod.SCHEMA_FILE.exists() else ""
        if current != text:
            err.print(f"[red]{schema_mod.SCHEMA_FILE} is out of date[/]: run trialx schema --write")
            raise typer.Exit(1)
        err.print("schema up to date")
        return
    sys.stdout.write(text)


def main() -> None:  # pragma: no cover - console entry point alias
    app()
