"""Sharding (``--shard K/N``), ``trialx merge``, and what the job summary says of PubMed deletions."""

from __future__ import annotations

import gzip
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from extractor.output import job_lock
from extractor.pipeline import JobOptions, run_job, summary_json
from extractor.shards import MergeError, Shard, ShardError, merge_outputs
from tests.conftest import read_jsonl, run_cli
from tests.test_readers import ABSTRACT_1, ABSTRACT_2, PUBMED_PLAIN_ARTICLE, pubmed_set

IDS = [f"pmid-{n}" for n in range(40_000_000, 40_000_060)]


def write_inputs(directory: Path, ids: list[str]) -> Path:
    """A JSONL input of ``ids`` (alternating two abstracts), and one bad line (an error without a doc_id)."""
    directory.mkdir(parents=True, exist_ok=True)
    path = directory / "batch.jsonl"
    lines = [json.dumps({"id": doc_id, "abstract": (ABSTRACT_1, ABSTRACT_2)[n % 2]}) for n, doc_id in enumerate(ids)]
    path.write_text("\n".join([*lines, "{not json"]) + "\n")
    return path


def run_shards(inputs: list[str], directory: Path, count: int) -> list[Path]:
    outputs = []
    for index in range(1, count + 1):
        output = directory / f"shard{index}.jsonl"
        run_job(JobOptions(inputs=inputs, output=str(output), shard=Shard(index, count)))
        outputs.append(output)
    return outputs


def ids_of(path: Path) -> list[str]:
    return [record["doc_id"] for record in read_jsonl(path)]


@pytest.mark.parametrize(("text", "expected"), [("1/4", Shard(1, 4)), (" 4 / 4 ", Shard(4, 4)), ("1/1", Shard(1, 1))])
def test_shard_parses_k_of_n(text: str, expected: Shard) -> None:
    assert Shard.parse(text) == expected


@pytest.mark.parametrize("text", ["0/4", "5/4", "1/0", "a/4", "2", "-1/4", "1/4/2"])
def test_shard_refuses_what_is_not_k_of_n(text: str) -> None:
    with pytest.raises(ShardError, match=r"--shard"):
        Shard.parse(text)


def test_shards_do_not_depend_on_pythons_randomised_hash() -> None:
    script = ("from extractor.shards import Shard; import sys; "
              f"print([k for i in {IDS!r} for k in range(1, 6) if Shard(k, 5).holds(i)])")
    here = [k for doc_id in IDS for k in range(1, 6) if Shard(k, 5).holds(doc_id)]
    for seed in ("1", "2"):
        env = dict(os.environ, PYTHONHASHSEED=seed)
        shown = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, env=env, check=True)
        assert shown.stdout.strip() == str(here)
    assert len(here) == len(IDS)  # each id in exactly one shard
    assert len(set(here)) == 5  # and every shard gets some of 60


def test_shards_partition_the_job_and_merge_to_the_unsharded_output(tmp_path: Path) -> None:
    source = write_inputs(tmp_path / "in", IDS)
    whole = tmp_path / "whole.jsonl"
    run_job(JobOptions(inputs=[str(source)], output=str(whole)))
    outputs = run_shards([str(source)], tmp_path, 3)
    sizes = [len(ids_of(output)) for output in outputs]
    assert sum(sizes) == len(IDS) and all(sizes)
    # The malformed line (no doc_id) is an error of exactly one shard.
    errors = [read_jsonl(Path(str(output).replace(".jsonl", ".errors.jsonl"))) for output in outputs]
    assert sorted(len(found) for found in errors) == [0, 0, 1]
    merged = tmp_path / "merged.jsonl"
    summary = merge_outputs([str(output) for output in outputs], str(merged))
    assert sorted(ids_of(merged)) == sorted(ids_of(whole))
    assert (summary.records, summary.errors) == (len(IDS), 1)
    assert read_jsonl(tmp_path / "merged.errors.jsonl") == read_jsonl(tmp_path / "whole.errors.jsonl")


def test_shards_are_stable_when_inputs_are_relisted(tmp_path: Path) -> None:
    first = run_shards([str(write_inputs(tmp_path / "a", IDS))], tmp_path / "a", 4)
    # The same documents in another order, split over two files listed the other way round.
    other = tmp_path / "b"
    halves = [write_inputs(other / "one", IDS[::-2]), write_inputs(other / "two", IDS[-2::-2])]
    second = run_shards([str(halves[1]), str(halves[0])], other, 4)
    for before, after in zip(first, second, strict=True):
        assert sorted(ids_of(before)) == sorted(ids_of(after))


def test_merge_refuses_a_duplicate_naming_the_doc_id_and_files_and_writes_nothing(tmp_path: Path) -> None:
    outputs = run_shards([str(write_inputs(tmp_path / "in", IDS))], tmp_path, 2)
    shard = ids_of(outputs[0])
    with open(outputs[1], "a") as extra:  # one document written by both shards
        extra.write(outputs[0].read_text().splitlines()[0] + "\n")
    merged = tmp_path / "merged.jsonl"
    result = run_cli("merge", *map(str, outputs), "-o", str(merged))
    message = " ".join(result.stderr.decode().split())
    assert result.returncode == 2
    assert f"duplicate doc_id '{shard[0]}': in {outputs[0]}:1 and {outputs[1]}:" in message
    assert sorted(os.listdir(tmp_path)) == sorted(["in", *(name for o in outputs for name in
                                                           (o.name, o.name.replace(".jsonl", ".errors.jsonl")))])


def test_merge_refuses_a_torn_line_an_existing_output_and_a_shard_being_written(tmp_path: Path) -> None:
    outputs = [str(path) for path in run_shards([str(write_inputs(tmp_path / "in", IDS))], tmp_path, 2)]
    merged = tmp_path / "merged.jsonl"
    merged.write_text("kept\n")
    with pytest.raises(MergeError, match="exists: pass --overwrite"):
        merge_outputs(outputs, str(merged))
    with job_lock(outputs[1]), pytest.raises(MergeError, match="being written by another trialx job"):
        merge_outputs(outputs, str(merged), overwrite=True)
    with open(outputs[0], "a") as torn:
        torn.write('{"doc_id": "pmid-1", "tri')
    with pytest.raises(MergeError, match=rf"{outputs[0]}:\d+: not a whole record"):
        merge_outputs(outputs, str(merged), overwrite=True)
    assert merged.read_text() == "kept\n"


def test_cli_shard_option_and_summary(tmp_path: Path) -> None:
    source = write_inputs(tmp_path / "in", IDS)
    result = run_cli("extract", str(source), "-o", str(tmp_path / "out.jsonl"), "--shard", "2/3", "--summary-json",
                     str(tmp_path / "s.json"))
    summary = json.loads((tmp_path / "s.json").read_text())
    assert (summary["shard"], summary["documents"] + summary["other_shards"]) == ("2/3", len(IDS) + 1)
    assert "left to other shards (this is 2/3)" in result.stderr.decode()
    bad = run_cli("extract", str(source), "-o", str(tmp_path / "x.jsonl"), "--shard", "3/2")
    assert bad.returncode == 2 and "K must be between 1 and N" in bad.stderr.decode()


def test_deleted_citations_are_counted_in_the_summary(tmp_path: Path) -> None:
    deleted = '<DeleteCitation><PMID Version="1">111</PMID><PMID Version="1">222</PMID></DeleteCitation>'
    source = tmp_path / "pubmed25n0001.xml.gz"
    source.write_bytes(gzip.compress(pubmed_set(PUBMED_PLAIN_ARTICLE, deleted).encode()))
    summary = run_job(JobOptions(inputs=[str(source)], output=str(tmp_path / "out.jsonl")))
    assert (summary.written, summary.deleted) == (1, 2)
    assert json.loads(summary_json(summary))["deleted_citations"] == 2
    shown = run_cli("extract", str(source), "-o", str(tmp_path / "cli.jsonl"))
    assert "deleted citations (skipped)" in shown.stderr.decode()


def test_merge_refuses_standard_output(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    outputs = [str(path) for path in run_shards([str(write_inputs(tmp_path / "in", IDS))], tmp_path, 1)]
    monkeypatch.chdir(tmp_path)
    with pytest.raises(MergeError, match="give -o a path"):
        merge_outputs(outputs, "-")
    assert not (tmp_path / "-").exists()
