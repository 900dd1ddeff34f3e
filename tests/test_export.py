"""``trialx export``: records as joinable tables in SQLite, CSV and Parquet."""

from __future__ import annotations

import csv
import json
import re
import sqlite3
import sys
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from extractor import export as export_mod
from extractor.cli import EXIT_DOC_ERRORS, EXIT_OK, EXIT_USAGE, app
from extractor.export import TABLES, ExportError, export
from extractor.models import DocumentResult

from .conftest import EXAMPLES, ROOT, read_jsonl, run_cli

#: Where each list of objects of a record goes (its path of fields from the document).
TABLE_OF = {(): "documents", ("trials",): "trials", ("trials", "arms"): "arms",
            ("trials", "arms", "interventions"): "interventions", ("trials", "endpoints"): "endpoints",
            ("trials", "results"): "results"}


@pytest.fixture(scope="module")
def records(tmp_path_factory) -> Path:
    """The rule backend's output on the bundled examples (arms, interventions, endpoints, results)."""
    out = tmp_path_factory.mktemp("records") / "out.jsonl"
    done = run_cli("extract", str(EXAMPLES), "-o", str(out))
    assert done.returncode == 0, done.stderr.decode()
    return out


def invoke(*args: str) -> Any:
    return CliRunner().invoke(app, list(args), env={"COLUMNS": "200"})


def _counts(lines: list[dict]) -> dict[str, int]:
    trials = [t for d in lines for t in d["trials"]]
    arms = [a for t in trials for a in t["arms"]]
    return {"documents": len(lines), "trials": len(trials), "arms": len(arms),
            "interventions": sum(len(a["interventions"]) for a in arms),
            "endpoints": sum(len(t["endpoints"]) for t in trials), "results": sum(len(t["results"]) for t in trials)}


def _leaves(schema: dict, node: dict, path: tuple[str, ...], prefix: str, found: dict[str, set[str]]) -> None:
    """Column names the JSON Schema's fields call for, by table: nested objects prefixed, lists of
    objects in the table of their path."""
    node = _resolve(schema, node)
    for name, prop in node.get("properties", {}).items():
        prop = _resolve(schema, prop)
        items = _resolve(schema, prop.get("items", {})) if prop.get("type") == "array" else {}
        if "properties" in items:
            _leaves(schema, items, (*path, name), "", found)
        elif "properties" in prop:
            _leaves(schema, prop, path, f"{prefix}{name}_", found)
        else:
            found.setdefault(TABLE_OF[path], set()).add(prefix + name)


def _resolve(schema: dict, node: dict) -> dict:
    """A schema node with its ``$ref`` (or its one non-null ``anyOf`` branch) followed."""
    if "anyOf" in node:
        branches = [b for b in node["anyOf"] if b.get("type") != "null"]
        node = branches[0] if len(branches) == 1 else node
    if "$ref" in node:
        return _resolve(schema, schema["$defs"][node["$ref"].rsplit("/", 1)[1]])
    return node


def test_every_field_of_the_record_schema_is_a_column_of_its_table():
    schema = DocumentResult.model_json_schema()
    wanted: dict[str, set[str]] = {}
    _leaves(schema, schema, (), "", wanted)
    assert set(wanted) == set(TABLES)
    for table, columns in wanted.items():
        assert columns - {name for name, _ in TABLES[table].columns} == set(), table


@pytest.mark.parametrize("to", ["sqlite", "csv", "parquet"])
def test_row_counts_equal_record_counts(records, tmp_path, to):
    if to == "parquet":
        pytest.importorskip("pyarrow", reason="the parquet extra (pyarrow) is not installed")
    summary = export([records], tmp_path / "tables", to)
    expected = _counts(read_jsonl(records))
    assert expected["interventions"] and expected["endpoints"] and expected["results"]
    assert summary.rows == expected
    assert {name: len(rows) for name, rows in _read(tmp_path / "tables", to).items()} == expected


def test_a_compressed_output_exports_as_the_plain_one(records, tmp_path):
    import gzip

    packed = tmp_path / "out.jsonl.gz"
    packed.write_bytes(gzip.compress(records.read_bytes()))
    assert export([packed], tmp_path / "packed.db").rows == export([records], tmp_path / "plain.db").rows


def _read(output: Path, to: str) -> dict[str, list[dict]]:
    """Every table's rows as dicts, read back with each format's own reader."""
    if to == "sqlite":
        with sqlite3.connect(output) as db:
            db.row_factory = sqlite3.Row
            return {name: [dict(r) for r in db.execute(f'SELECT * FROM "{name}"')] for name in TABLES}
    if to == "csv":
        return {name: list(csv.DictReader((output / f"{name}.csv").open(encoding="utf-8"))) for name in TABLES}
    import pyarrow.parquet as pq

    return {name: pq.read_table(output / f"{name}.parquet").to_pylist() for name in TABLES}


def test_results_rows_hold_each_result_with_its_trial_design_and_arm_size(records, tmp_path):
    export([records], tmp_path / "t.db")
    rows = {(r["doc_id"], r["trial_index"], r["result_index"]): r for r in _read(tmp_path / "t.db", "sqlite")["results"]}
    sized = 0
    for doc in read_jsonl(records):
        for t, trial in enumerate(doc["trials"]):
            sizes = {a["label"]: a["n"] for a in reversed(trial["arms"]) if a["label"] is not None}
            for r, result in enumerate(trial["results"]):
                row = rows[(doc["doc_id"], t, r)]
                assert {k: row[k] for k in result} == {k: _sql(v) for k, v in result.items()}
                assert json.loads(row["registry_ids"]) == trial["registry_ids"]
                assert (row["allocation"], row["masking"]) == (trial["allocation"], trial["masking"])
                assert row["arm_n"] == (sizes.get(result["arm"]) if result["arm"] else None)
                sized += row["arm_n"] is not None
    assert sized, "no result names a sized arm: the arm_n join is untested"


def _sql(value: Any) -> Any:
    return int(value) if isinstance(value, bool) else value


def test_sqlite_tables_join_and_are_indexed(records, tmp_path):
    export([records], tmp_path / "t.db")
    with sqlite3.connect(tmp_path / "t.db") as db:
        indexes = {(t, c) for t, c in db.execute(
            "SELECT m.tbl_name, i.name FROM sqlite_master m, pragma_index_info(m.name) i WHERE m.type = 'index'")}
        joined = db.execute("""SELECT count(*) FROM interventions i JOIN arms a USING (doc_id, trial_index, arm_index)
                               JOIN trials t USING (doc_id, trial_index) JOIN documents d USING (doc_id)""").fetchone()[0]
        interventions = db.execute("SELECT count(*) FROM interventions").fetchone()[0]
    assert {("results", "endpoint"), ("results", "doc_id"), ("arms", "doc_id"), ("endpoints", "canonical")} <= indexes
    assert joined == interventions > 0


def test_csv_cells_are_plain_text(records, tmp_path):
    export([records], tmp_path / "csv", "csv")
    rows = _read(tmp_path / "csv", "csv")
    trial = rows["trials"][0]
    assert trial["multicenter"] in {"true", "false", ""}
    assert json.loads(trial["registry_ids"]) == read_jsonl(records)[0]["trials"][0]["registry_ids"]
    assert all(r["not_reached"] in {"true", "false"} for r in rows["results"])


def test_corrupt_and_repeated_lines_are_reported_by_file_and_line_and_the_rest_exported(records, tmp_path):
    lines = records.read_text(encoding="utf-8").splitlines()
    broken = tmp_path / "broken.jsonl"
    broken.write_text("\n".join([lines[0], '{"doc_id": "torn", "is_tri', lines[1], lines[0],
                                 '{"doc_id": "odd", "is_trial_report": true, "trials": [{"role": "x"}]}']) + "\n")
    done = invoke("export", str(broken), "-o", str(tmp_path / "t.db"))
    assert done.exit_code == EXIT_DOC_ERRORS, done.output
    assert f"{broken}:2: not JSON (a torn or corrupt line)" in done.output
    assert f"{broken}:4: doc_id {json.loads(lines[0])['doc_id']!r} repeats {broken}:1" in done.output
    assert f"{broken}:5: not a trial record: doc_id 'odd': trials.0.role:" in done.output
    assert len(_read(tmp_path / "t.db", "sqlite")["documents"]) == 2


def test_clean_export_exits_0_and_says_what_it_wrote(records, tmp_path):
    done = invoke("export", str(records), "-o", str(tmp_path / "t.db"))
    assert done.exit_code == EXIT_OK, done.output
    counts = _counts(read_jsonl(records))
    assert f"{counts['documents']} documents, {counts['trials']} trials" in done.output


@pytest.mark.parametrize("to", ["sqlite", "csv"])
def test_existing_tables_are_kept_without_overwrite(records, tmp_path, to):
    out = tmp_path / "t"
    export([records], out, to)
    before = {p.name: p.read_bytes() for p in ([out] if out.is_file() else out.iterdir())}
    done = invoke("export", str(records), "-o", str(out), "--to", to)
    assert done.exit_code == EXIT_USAGE
    assert "exists; pass --overwrite to replace it" in done.output
    assert {p.name: p.read_bytes() for p in ([out] if out.is_file() else out.iterdir())} == before
    assert invoke("export", str(records), "-o", str(out), "--to", to, "--overwrite").exit_code == EXIT_OK


def test_an_input_is_never_the_output(records, tmp_path):
    copy = tmp_path / "out.jsonl"
    copy.write_bytes(records.read_bytes())
    with pytest.raises(ExportError, match="is an input"):
        export([copy], copy, overwrite=True)
    assert copy.read_bytes() == records.read_bytes()


def test_parquet_without_pyarrow_says_how_to_install_it(records, tmp_path, monkeypatch):
    monkeypatch.setitem(sys.modules, "pyarrow", None)  # import pyarrow now raises ImportError
    done = invoke("export", str(records), "-o", str(tmp_path / "pq"), "--to", "parquet")
    assert done.exit_code == EXIT_USAGE
    assert 'needs pyarrow, which is not installed: pip install "trialx[parquet]"' in done.output
    assert not (tmp_path / "pq").exists()


def test_unknown_format_and_missing_input_are_usage_errors(records, tmp_path):
    assert "choose one of: sqlite, csv, parquet" in invoke("export", str(records), "-o", "x", "--to", "xls").output
    done = invoke("export", str(tmp_path / "nope.jsonl"), "-o", str(tmp_path / "t.db"))
    assert done.exit_code == EXIT_USAGE and "no such input file" in done.output


class _Spy:
    """A writer that records how many documents each batch carries, and can fail on a batch."""

    batches: list[int]
    fail_at: int | None = None

    def __init__(self, path: Path):
        path.mkdir(exist_ok=True) if path.suffix != ".db" else path.write_bytes(b"")

    def write(self, table: Any, rows: list[dict]) -> None:
        if table.name == "documents":
            if len(self.batches) == self.fail_at:
                raise OSError("disk full")
            self.batches.append(len(rows))

    def close(self) -> None:
        pass


def test_records_are_read_and_written_in_batches(records, tmp_path, monkeypatch):
    _Spy.batches = []
    monkeypatch.setitem(export_mod.FORMATS, "spy", export_mod.Format(_Spy))
    export([records], tmp_path / "t.db", "spy", batch=3)
    assert max(_Spy.batches) == 3 and sum(_Spy.batches) == len(read_jsonl(records))


def test_a_failed_export_leaves_no_tables_behind(records, tmp_path, monkeypatch):
    _Spy.batches, _Spy.fail_at = [], 1
    monkeypatch.setitem(export_mod.FORMATS, "spy", export_mod.Format(_Spy))
    with pytest.raises(OSError, match="disk full"):
        export([records], tmp_path / "t.db", "spy", batch=3)
    assert list(tmp_path.iterdir()) == []


def test_the_readme_query_prints_what_the_readme_shows(tmp_path):
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    section = text[text.index("## Export"):]
    query = re.search(r"```sh\n.*?sqlite3 -header -column trials\.db \"(.*?)\"\n```", section, re.S)
    shown = re.search(r"```text\n(.*?)```", section, re.S)
    assert query and shown, "README's Export section lost its query or its output"
    out = tmp_path / "out.jsonl"
    assert run_cli("extract", str(EXAMPLES), "-o", str(out)).returncode == 0
    export([out], tmp_path / "trials.db")
    with sqlite3.connect(tmp_path / "trials.db") as db:
        cursor = db.execute(query.group(1))
        got = [tuple(str(v) if v is not None else "" for v in row) for row in cursor]
    lines = shown.group(1).splitlines()
    assert [tuple(re.split(r"\s{2,}", line.strip())) for line in lines[2:]] == got


@pytest.mark.parametrize(("to", "output", "message"), [
    ("sqlite", "dir", "writes one file, and"), ("csv", "file", "writes a directory of tables, and")])
def test_output_of_the_wrong_kind_is_a_usage_error(records, tmp_path, to, output, message):
    (tmp_path / "dir").mkdir()
    (tmp_path / "file").write_text("keep")
    done = invoke("export", str(records), "-o", str(tmp_path / output), "--to", to, "--overwrite")
    assert done.exit_code == EXIT_USAGE and message in done.output
    assert (tmp_path / "file").read_text() == "keep" and list((tmp_path / "dir").iterdir()) == []


def test_missing_parent_directories_are_created(records, tmp_path):
    export([records], tmp_path / "a" / "b" / "trials.db")
    assert len(_read(tmp_path / "a" / "b" / "trials.db", "sqlite")["documents"]) == len(read_jsonl(records))


def test_a_line_that_is_not_an_object_or_misses_fields_names_what_is_wrong(tmp_path):
    odd = tmp_path / "odd.jsonl"
    odd.write_text('"just a string"\n{"doc_id": 5}\n')
    summary = export([odd], tmp_path / "t.db")
    assert [str(b) for b in summary.bad] == [
        f"{odd}:1: not a trial record: Input should be an object",
        f"{odd}:2: not a trial record: doc_id: Input should be a valid string (and 1 more problem)"]
    assert summary.rows["documents"] == 0
