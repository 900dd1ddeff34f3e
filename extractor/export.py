"""Records out as tables: SQLite (the default), CSV or Parquet, for SQL and spreadsheets.

``export`` streams JSONL outputs of ``trialx extract`` into six tables, one row each:
``documents``, ``trials``, ``arms``, ``interventions``, ``endpoints`` and ``results``.
Rows join on ``doc_id``, ``trial_index`` and, for arms, ``arm_index`` (``label`` too, as
results name their arm by label). ``results`` is flat: besides the result's own fields it
carries its trial's ids and design (``registry_ids``, ``acronym``, ``phases``, ``allocation``,
``masking``) and its arm's size (``arm_n``), so a meta-analyst needs no join.

Columns are made from the record models, so a field added to a model becomes a column
without an edit here; nested objects are flattened with their field as prefix
(``enrollment_enrolled``, ``usage_cost_usd``). Lists are JSON text in SQLite and CSV
(``["NCT01234567"]``; ``null`` is an empty cell, ``[]`` an empty list) and lists in Parquet.

A line that is not a record (torn, not JSON, not the schema, a repeated doc_id) is reported
with its file and line and skipped; the rest is exported. Records are written in batches,
so memory does not grow with the input, and the tables appear under their final names only
when the export is complete.
"""

from __future__ import annotations

import csv
import functools
import json
import os
import shutil
import sqlite3
import tempfile
import types
import typing
from collections.abc import Callable, Iterator, Sequence
from contextlib import ExitStack
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal, Protocol

from pydantic import BaseModel, ValidationError

from extractor.models import Arm, DocumentResult, Endpoint, Intervention, Result, TrialRecord
from extractor.readers import open_input

#: Column kinds: how a value is typed in each format.
Kind = Literal["text", "integer", "real", "boolean", "list"]
Row = dict[str, Any]

BATCH = 1000
"""Documents read before their rows are written."""

#: Trial fields the flat ``results`` table repeats on every row.
TRIAL_DESIGN = ("registry_ids", "acronym", "phases", "allocation", "masking")


class ExportError(Exception):
    """The export cannot start: no input, output exists, unknown format, a missing extra."""


@dataclass
class BadLine:
    """An input line that is not a record, and why."""

    path: str
    line: int
    reason: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.reason}"


@dataclass
class ExportSummary:
    """What an export wrote.

    Attributes:
        output: Where the tables are.
        rows: Rows written per table.
        bad: Input lines skipped because they are not records.
    """

    output: str
    rows: dict[str, int] = field(default_factory=dict)
    bad: list[BadLine] = field(default_factory=list)


# --- Columns from the models ---------------------------------------------------------------------


def _kind(annotation: Any) -> Kind:
    """The column kind of a scalar or list field's annotation (``int | None`` is ``integer``)."""
    if isinstance(annotation, types.UnionType) or typing.get_origin(annotation) is typing.Union:
        annotation = next(a for a in typing.get_args(annotation) if a is not type(None))
    if typing.get_origin(annotation) is list:
        return "list"
    kinds: dict[Any, Kind] = {bool: "boolean", int: "integer", float: "real"}
    return kinds.get(annotation, "text")


def _is_model(annotation: Any) -> bool:
    args = typing.get_args(annotation) or (annotation,)
    return any(isinstance(a, type) and issubclass(a, BaseModel) for a in args)


def _model_of(annotation: Any) -> type[BaseModel]:
    args = typing.get_args(annotation) or (annotation,)
    return next(a for a in args if isinstance(a, type) and issubclass(a, BaseModel))


@functools.cache
def _own_fields(model: type[BaseModel]) -> tuple[tuple[str, Any, type[BaseModel] | None], ...]:
    """``(name, annotation, nested model or None)`` of the fields a model's row holds; lists of
    objects (arms, results, trials...) are tables of their own. Worked out once per model."""
    return tuple(
        (name, info.annotation, _model_of(info.annotation) if _is_model(info.annotation) else None)
        for name, info in model.model_fields.items()
        if not (typing.get_origin(info.annotation) is list and _is_model(typing.get_args(info.annotation)[0]))
    )


def _fields(model: type[BaseModel], prefix: str = "") -> list[tuple[str, Kind]]:
    """Columns of ``model``'s fields, a nested object flattened with its field as prefix."""
    columns: list[tuple[str, Kind]] = []
    for name, annotation, nested in _own_fields(model):
        if nested is not None:
            columns += _fields(nested, f"{prefix}{name}_")
        else:
            columns.append((prefix + name, _kind(annotation)))
    return columns


def _flat(data: dict[str, Any] | None, model: type[BaseModel], prefix: str = "") -> Row:
    """The row of a dumped record, as ``_fields`` names its columns (a null object: null columns)."""
    row: Row = {}
    for name, _, nested in _own_fields(model):
        value = (data or {}).get(name)
        if nested is not None:
            row |= _flat(value, nested, f"{prefix}{name}_")
        else:
            row[prefix + name] = value
    return row


@dataclass(frozen=True)
class Table:
    """One output table: its key columns, then the fields of its record model."""

    name: str
    keys: tuple[tuple[str, Kind], ...]
    model: type[BaseModel]
    indexes: tuple[str, ...] = ("doc_id",)

    @functools.cached_property
    def columns(self) -> list[tuple[str, Kind]]:
        return [*self.keys, *_fields(self.model)]

    @property
    def primary(self) -> tuple[str, ...]:
        """Columns that name a row: the doc_id and the positions in its lists."""
        return ("doc_id", *(name for name, _ in self.keys if name.endswith("_index")))


_DOC: tuple[str, Kind] = ("doc_id", "text")
_TRIAL: tuple[str, Kind] = ("trial_index", "integer")
_DESIGN = tuple(c for c in _fields(TrialRecord) if c[0] in TRIAL_DESIGN)

TABLES: dict[str, Table] = {
    t.name: t
    for t in (
        Table("documents", (), DocumentResult),
        Table("trials", (_DOC, _TRIAL), TrialRecord),
        Table("arms", (_DOC, _TRIAL, ("arm_index", "integer")), Arm),
        Table("interventions", (_DOC, _TRIAL, ("arm_index", "integer"), ("arm_label", "text"),
                                ("intervention_index", "integer")), Intervention),
        Table("endpoints", (_DOC, _TRIAL, ("endpoint_index", "integer")), Endpoint, ("doc_id", "canonical")),
        Table("results", (_DOC, _TRIAL, ("result_index", "integer"), *_DESIGN, ("arm_n", "integer")), Result,
              ("doc_id", "endpoint")),
    )
}


# --- Records to rows -----------------------------------------------------------------------------


def rows_of(record: dict[str, Any]) -> dict[str, list[Row]]:
    """The rows of one record (as ``DocumentResult.model_dump(mode="json")``) by table."""
    rows: dict[str, list[Row]] = {name: [] for name in TABLES}
    rows["documents"].append(_flat(record, DocumentResult))
    for t, trial in enumerate(record["trials"]):
        key = {"doc_id": record["doc_id"], "trial_index": t}
        rows["trials"].append(key | _flat(trial, TrialRecord))
        for a, arm in enumerate(trial["arms"]):
            rows["arms"].append(key | {"arm_index": a} | _flat(arm, Arm))
            rows["interventions"] += [
                key | {"arm_index": a, "arm_label": arm["label"], "intervention_index": i} | _flat(given, Intervention)
                for i, given in enumerate(arm["interventions"])
            ]
        rows["endpoints"] += [key | {"endpoint_index": e} | _flat(endpoint, Endpoint)
                              for e, endpoint in enumerate(trial["endpoints"])]
        rows["results"] += _result_rows(key, trial)
    return rows


def _result_rows(key: Row, trial: dict[str, Any]) -> list[Row]:
    """Flat result rows: the trial's ids and design and the arm's size beside each result."""
    design = {name: trial[name] for name in TRIAL_DESIGN}
    sizes: dict[str, int | None] = {}
    for arm in trial["arms"]:
        if arm["label"] is not None:
            sizes.setdefault(arm["label"], arm["n"])
    return [key | {"result_index": r} | design | {"arm_n": sizes.get(result["arm"] or "")} | _flat(result, Result)
            for r, result in enumerate(trial["results"])]


def read_records(paths: Sequence[Path], bad: list[BadLine]) -> Iterator[dict[str, Any]]:
    """Records of JSONL outputs (compressed or not: ``readers.open_input``), one at a time, dumped as
    JSON data; other lines go to ``bad``."""
    seen: dict[str, str] = {}
    for path in paths:
        with open_input(str(path)) as fh:
            for number, raw in enumerate(fh, start=1):
                if not raw.strip():
                    continue
                try:
                    record = DocumentResult.model_validate_json(raw)
                except ValidationError as exc:
                    bad.append(BadLine(str(path), number, _reason(exc, raw)))
                    continue
                if record.doc_id in seen:
                    bad.append(BadLine(str(path), number, f"doc_id {record.doc_id!r} repeats {seen[record.doc_id]}"))
                    continue
                seen[record.doc_id] = f"{path}:{number}"
                yield record.model_dump(mode="json")


def _reason(exc: ValidationError, raw: bytes) -> str:
    """The first problem of a line, in words: not JSON, or the record's doc_id, field and fault."""
    first = exc.errors()[0]
    if first["type"].startswith("json"):
        return "not JSON (a torn or corrupt line)"
    data = json.loads(raw)
    named = f"doc_id {data['doc_id']!r}: " if isinstance(data, dict) and isinstance(data.get("doc_id"), str) else ""
    where = ".".join(str(part) for part in first["loc"])
    where = f"{where}: " if where else ""
    more = exc.error_count() - 1
    more_text = f" (and {more} more problem{'s' if more > 1 else ''})" if more else ""
    return f"not a trial record: {named}{where}{first['msg']}{more_text}"


def _as_text(value: Any) -> Any:
    """A list as JSON text (SQLite, CSV); other values as they are."""
    return json.dumps(value, ensure_ascii=False) if isinstance(value, list) else value


# --- Writers -------------------------------------------------------------------------------------


class Writer(Protocol):
    """Writes the tables' rows, batch by batch, into files in a staging directory."""

    def write(self, table: Table, rows: list[Row]) -> None: ...

    def close(self) -> None: ...


_SQL_TYPES: dict[Kind, str] = {"text": "TEXT", "integer": "INTEGER", "real": "REAL", "boolean": "INTEGER",
                               "list": "TEXT"}


class SqliteWriter:
    """One SQLite file; booleans as 0/1, lists as JSON text (query them with ``json_each``)."""

    def __init__(self, path: Path):
        self._db = sqlite3.connect(path)
        self._db.execute("PRAGMA journal_mode=OFF")  # a staged file: the export as a whole is all or nothing
        self._db.execute("PRAGMA synchronous=OFF")
        for table in TABLES.values():
            columns = ", ".join(f'"{name}" {_SQL_TYPES[kind]}' for name, kind in table.columns)
            keys = ", ".join(f'"{name}"' for name in table.primary)
            self._db.execute(f'CREATE TABLE "{table.name}" ({columns}, PRIMARY KEY ({keys}))')

    def write(self, table: Table, rows: list[Row]) -> None:
        names = [name for name, _ in table.columns]
        marks = ", ".join("?" * len(names))
        self._db.executemany(f'INSERT INTO "{table.name}" VALUES ({marks})',
                             ([_as_text(row[name]) for name in names] for row in rows))

    def close(self) -> None:
        for table in TABLES.values():
            for column in table.indexes:
                self._db.execute(f'CREATE INDEX "{table.name}_{column}" ON "{table.name}" ("{column}")')
        self._db.commit()
        self._db.close()


class CsvWriter:
    """One CSV file per table (UTF-8, header row); null is an empty cell, booleans ``true``/``false``."""

    def __init__(self, directory: Path):
        self._files = ExitStack()  # open for the whole export, closed by close()
        self._csv = {name: csv.writer(self._files.enter_context(_open_csv(directory / f"{name}.csv")))
                     for name in TABLES}
        for table in TABLES.values():
            self._csv[table.name].writerow(name for name, _ in table.columns)

    def write(self, table: Table, rows: list[Row]) -> None:
        self._csv[table.name].writerows([_cell(row[name]) for name, _ in table.columns] for row in rows)

    def close(self) -> None:
        self._files.close()


def _open_csv(path: Path) -> typing.TextIO:
    return open(path, "w", encoding="utf-8", newline="")


def _cell(value: Any) -> Any:
    if isinstance(value, bool):
        return "true" if value else "false"
    return _as_text(value)


class ParquetWriter:
    """One Parquet file per table through pyarrow (the ``parquet`` extra); lists as lists of strings."""

    def __init__(self, directory: Path):
        import pyarrow as pa
        import pyarrow.parquet as pq

        types_: dict[Kind, Any] = {"text": pa.string(), "integer": pa.int64(), "real": pa.float64(),
                                   "boolean": pa.bool_(), "list": pa.list_(pa.string())}
        self._pa = pa
        self._schemas = {t.name: pa.schema([(n, types_[k]) for n, k in t.columns]) for t in TABLES.values()}
        self._files = {name: pq.ParquetWriter(directory / f"{name}.parquet", schema)
                       for name, schema in self._schemas.items()}

    def write(self, table: Table, rows: list[Row]) -> None:
        self._files[table.name].write_table(self._pa.Table.from_pylist(rows, schema=self._schemas[table.name]))

    def close(self) -> None:
        for writer in self._files.values():
            writer.close()


@dataclass(frozen=True)
class Format:
    """An export format: its writer, and whether ``-o`` names one file or a directory of tables."""

    writer: Callable[[Path], Writer]
    suffix: str | None = None
    """File suffix of each table in the output directory; None: the output is one file."""
    needs: str | None = None
    """Module the format imports, from an optional extra."""


FORMATS: dict[str, Format] = {
    "sqlite": Format(SqliteWriter),
    "csv": Format(CsvWriter, ".csv"),
    "parquet": Format(ParquetWriter, ".parquet", needs="pyarrow"),
}


# --- The export ----------------------------------------------------------------------------------


def export(inputs: Sequence[str | Path], output: str | Path, to: str = "sqlite", *, overwrite: bool = False,
           batch: int = BATCH) -> ExportSummary:
    """Write the records of JSONL outputs as tables.

    Args:
        inputs: JSONL files written by ``trialx extract`` (several: shards of one job).
        output: The SQLite file, or the directory of CSV or Parquet files (created if absent).
        to: ``sqlite``, ``csv`` or ``parquet``.
        overwrite: Replace existing tables; otherwise an existing one is an ``ExportError``.
        batch: Documents read before their rows are written.

    Returns:
        Rows per table, and the input lines skipped because they are not records.

    Raises:
        ExportError: Unknown format, missing input, existing output, missing optional extra.
    """
    paths, output = [Path(p) for p in inputs], Path(output)
    fmt, targets = _check(paths, output, to, overwrite)
    staging = Path(tempfile.mkdtemp(prefix=".trialx-export-", dir=targets[0].parent))
    summary = ExportSummary(str(output), {name: 0 for name in TABLES})
    try:
        writer = fmt.writer(staging / output.name if fmt.suffix is None else staging)
        try:
            for rows in _batches(read_records(paths, summary.bad), batch):
                for name, table_rows in rows.items():
                    writer.write(TABLES[name], table_rows)
                    summary.rows[name] += len(table_rows)
        finally:
            writer.close()
        for target in targets:  # every table complete: only now under its final name
            os.replace(staging / target.name, target)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return summary


def _batches(records: Iterator[dict[str, Any]], size: int) -> Iterator[dict[str, list[Row]]]:
    """Rows of ``size`` records at a time, by table."""
    rows: dict[str, list[Row]] = {name: [] for name in TABLES}
    for count, record in enumerate(records, start=1):
        for name, found in rows_of(record).items():
            rows[name] += found
        if count % size == 0:
            yield rows
            rows = {name: [] for name in TABLES}
    yield rows


def _check(paths: list[Path], output: Path, to: str, overwrite: bool) -> tuple[Format, list[Path]]:
    """The format and the files an export will write, or an ``ExportError`` before anything is written."""
    fmt = FORMATS.get(to)
    if fmt is None:
        raise ExportError(f"unknown export format {to!r}; choose one of: {', '.join(FORMATS)}")
    if fmt.needs:
        try:
            __import__(fmt.needs)
        except ImportError:
            raise ExportError(f"--to {to} needs {fmt.needs}, which is not installed: "
                              f'pip install "trialx[{to}]"') from None
    if not paths:
        raise ExportError("no input given")
    for path in paths:
        if not path.is_file():
            raise ExportError(f"no such input file: {path}")
    if fmt.suffix is not None and output.exists() and not output.is_dir():
        raise ExportError(f"--to {to} writes a directory of tables, and {output} is a file")
    if fmt.suffix is None and output.is_dir():
        raise ExportError(f"--to {to} writes one file, and {output} is a directory")
    (output if fmt.suffix is not None else output.parent).mkdir(parents=True, exist_ok=True)
    targets = [output] if fmt.suffix is None else [output / f"{name}{fmt.suffix}" for name in TABLES]
    for target in targets:
        if target.exists() and not overwrite:
            raise ExportError(f"{target} exists; pass --overwrite to replace it")
        if any(target.exists() and target.samefile(path) for path in paths):
            raise ExportError(f"{target} is an input of this export")
    return fmt, targets
