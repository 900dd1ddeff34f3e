"""``trialx extract`` as a batch job: errors file, exit codes, resume, kills."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from extractor.output import JsonlSink, repair_tail, written_ids
from tests.conftest import EXAMPLES, ROOT, read_jsonl, run_cli

ABSTRACT = (EXAMPLES / "bulletin-sarcoma-fr.txt").read_text(encoding="utf-8")


def _jsonl(path: Path, records: list[dict | str]) -> Path:
    lines = [r if isinstance(r, str) else json.dumps(r) for r in records]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _batch(tmp_path: Path, n: int) -> Path:
    return _jsonl(tmp_path / "batch.jsonl", [{"id": f"doc-{i}", "abstract": ABSTRACT} for i in range(n)])


def test_examples_run_and_print_a_summary(tmp_path):
    out = tmp_path / "out.jsonl"
    proc = run_cli("extract", str(EXAMPLES), "-o", str(out))
    assert proc.returncode == 0
    err = proc.stderr.decode()
    for word in ("documents", "trial reports", "trials", "results", "errors", "elapsed", "documents per second"):
        assert word in err
    ids = [r["doc_id"] for r in read_jsonl(out)]
    assert "nature-medicine-listing.txt#3" in ids and "paper-regorafenib-sintilimab.md" in ids
    assert len(ids) == len(set(ids)) == 16


def test_bad_documents_go_to_the_errors_file_and_the_rest_carry_on(tmp_path):
    src = _jsonl(tmp_path / "in.jsonl", [
        {"id": "good-1", "abstract": ABSTRACT},
        '{"id": "broken", "abstract": ',
        {"id": "empty", "abstract": "   "},
        {"id": "no-text", "summary": "no text, no title"},
        {"id": "too-long", "abstract": "x" * 5000},
        {"id": "good-2", "abstract": ABSTRACT},
    ])
    with open(src, "ab") as fh:
        fh.write(b'{"id": "latin1", "abstract": "caf\xe9"}\n')
    out = tmp_path / "out.jsonl"
    proc = run_cli("extract", str(src), "-o", str(out), "--max-chars", "4000")
    assert proc.returncode == 1, "documents failed: exit 1"
    assert [r["doc_id"] for r in read_jsonl(out)] == ["good-1", "good-2"]
    errors = read_jsonl(tmp_path / "out.errors.jsonl")
    by_source = {e["source"]: e for e in errors}
    assert f"{src}:2" in by_source and "line 2" in by_source[f"{src}:2"]["reason"]
    reasons = {e["doc_id"]: e["reason"] for e in errors if e["doc_id"]}
    assert reasons["empty"] == "empty document"
    assert "no text field" in reasons["no-text"]
    assert "too long" in reasons["too-long"] and "--max-chars" in reasons["too-long"]
    assert any("UTF-8" in e["reason"] and e["source"] == f"{src}:7" for e in errors)
    assert len(errors) == 5


def test_output_is_protected_unless_resume_or_overwrite(tmp_path):
    src = _batch(tmp_path, 3)
    out = tmp_path / "out.jsonl"
    assert run_cli("extract", str(src), "-o", str(out)).returncode == 0
    proc = run_cli("extract", str(src), "-o", str(out))
    assert proc.returncode == 2 and b"--resume" in proc.stderr
    assert run_cli("extract", str(src), "-o", str(out), "--overwrite").returncode == 0
    assert len(read_jsonl(out)) == 3


def test_usage_errors_exit_2(tmp_path):
    assert run_cli("extract", str(tmp_path / "missing.txt"), "-o", str(tmp_path / "o.jsonl")).returncode == 2
    assert run_cli("extract", str(EXAMPLES), "--format", "docx").returncode == 2
    proc = run_cli("extract", str(EXAMPLES), "--backend", "nope")
    assert proc.returncode == 2 and b"rules" in proc.stderr


def test_resume_skips_what_was_written_and_appends_the_rest(tmp_path):
    src = _batch(tmp_path, 6)
    out = tmp_path / "out.jsonl"
    first = [json.dumps({"doc_id": "doc-0", "is_trial_report": True, "trials": []}),
             json.dumps({"doc_id": "doc-1", "is_trial_report": True, "trials": []})]
    out.write_text("\n".join(first) + '\n{"doc_id": "doc-2", "is_tri')  # killed mid-line
    proc = run_cli("extract", str(src), "-o", str(out), "--resume")
    assert proc.returncode == 0, proc.stderr.decode()
    ids = [r["doc_id"] for r in read_jsonl(out)]
    assert ids == [f"doc-{i}" for i in range(6)]
    assert b"skipped" in proc.stderr


def test_duplicate_ids_are_reported_not_written_twice(tmp_path):
    src = _jsonl(tmp_path / "in.jsonl", [{"id": "same", "abstract": ABSTRACT}, {"id": "same", "abstract": ABSTRACT}])
    out = tmp_path / "out.jsonl"
    proc = run_cli("extract", str(src), "-o", str(out))
    assert proc.returncode == 1
    assert len(read_jsonl(out)) == 1
    assert "duplicate doc_id" in read_jsonl(tmp_path / "out.errors.jsonl")[0]["reason"]


def test_stdin_to_stdout():
    proc = run_cli("extract", "-", stdin=ABSTRACT.encode())
    assert proc.returncode == 0
    (record,) = [json.loads(line) for line in proc.stdout.decode().splitlines()]
    assert record["doc_id"] == "stdin"
    assert record["trials"][0]["registry_ids"] == ["NCT04028063"]


def test_a_killed_job_resumes_without_loss_or_duplicates(tmp_path):
    n = 3000
    src = _batch(tmp_path, n)
    out = tmp_path / "out.jsonl"
    cmd = [sys.executable, "-m", "extractor", "extract", str(src), "-o", str(out)]
    proc = subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and (not out.exists() or out.stat().st_size < 20_000):
        time.sleep(0.05)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    partial = len(read_jsonl(out))
    assert 0 < partial < n, "the kill should land mid-run"
    resumed = run_cli("extract", str(src), "-o", str(out), "--resume")
    assert resumed.returncode == 0, resumed.stderr.decode()
    ids = [r["doc_id"] for r in read_jsonl(out)]
    assert len(ids) == n and set(ids) == {f"doc-{i}" for i in range(n)}


def test_sink_writes_whole_lines_and_repair_cuts_a_torn_tail(tmp_path):
    path = tmp_path / "o.jsonl"
    with JsonlSink(path) as sink:
        sink.write_json({"doc_id": "a"})
        sink.write_json({"doc_id": "b"})
    with open(path, "ab") as fh:
        fh.write(b'{"doc_id": "c", "tri')
    assert repair_tail(path) == len(b'{"doc_id": "c", "tri')
    assert written_ids(path) == {"a", "b"}
    assert repair_tail(path) == 0
    assert os.path.getsize(path) == len(b'{"doc_id":"a"}\n{"doc_id":"b"}\n')


def test_python_api_returns_models():
    from extractor import DocumentResult, extract

    result = extract(ABSTRACT, doc_id="sarcoma")
    assert isinstance(result, DocumentResult) and result.doc_id == "sarcoma"
    assert result.trials[0].phases == ["PHASE2"]


# --------------------------------------------------------------------------- the output is never an input


def test_output_that_is_its_own_input_is_refused_and_the_input_kept(tmp_path):
    src = _batch(tmp_path, 3)
    before = src.read_bytes()
    proc = run_cli("extract", "batch.jsonl", "-o", "./batch.jsonl", "--overwrite", cwd=tmp_path)
    assert proc.returncode == 2
    assert "the output ./batch.jsonl is also an input (batch.jsonl)" in " ".join(proc.stderr.decode().split())
    assert src.read_bytes() == before


def _job(inputs, output, **options):
    from extractor.pipeline import JobOptions, run_job

    return run_job(JobOptions(inputs=[str(i) for i in inputs], output=str(output), **options))


def test_output_or_errors_file_found_among_the_inputs_is_refused(tmp_path):
    import pytest

    from extractor.pipeline import OutputConflict

    src = _batch(tmp_path, 2)
    os.link(src, tmp_path / "link.jsonl")
    _job([src], tmp_path / "out.jsonl")  # out.jsonl and out.errors.jsonl now sit beside the input
    cases = [
        ([src], tmp_path / "link.jsonl", {"overwrite": True}, "output"),  # a hard link: same inode
        ([tmp_path], tmp_path / "out.jsonl", {"resume": True}, "(errors file|output)"),  # by a walk
        ([tmp_path / "*.jsonl"], tmp_path / "new.jsonl", {"errors": str(src)}, "errors file"),  # by a glob
    ]
    for inputs, output, options, what in cases:
        with pytest.raises(OutputConflict, match=f"the {what} .* is also an input"):
            _job(inputs, output, **options)
    with pytest.raises(OutputConflict, match="is the output file"):
        _job([src], tmp_path / "o.jsonl", errors=str(tmp_path / "." / "o.jsonl"))
    assert len(read_jsonl(src)) == 2 and len(read_jsonl(tmp_path / "out.jsonl")) == 2


# --------------------------------------------------------------------------- one job per output


HOLDER = """
import sys, time
from extractor.output import job_lock
with job_lock(sys.argv[1]):
    print("locked", flush=True)
    time.sleep(600)
"""


def test_a_second_job_on_one_output_is_refused_until_the_holder_dies(tmp_path):
    src = _batch(tmp_path, 2)
    out = tmp_path / "out.jsonl"
    holder = subprocess.Popen([sys.executable, "-c", HOLDER, str(out)], cwd=ROOT, stdout=subprocess.PIPE)
    try:
        assert holder.stdout.readline() == b"locked\n"
        proc = run_cli("extract", str(src), "-o", str(out))
        assert proc.returncode == 2
        message = " ".join(proc.stderr.decode().split())
        assert f"{out} is being written by another trialx job (process {holder.pid}" in message
        assert not out.exists()
    finally:
        holder.send_signal(signal.SIGKILL)
        holder.wait()
    proc = run_cli("extract", str(src), "-o", str(out))
    assert proc.returncode == 0, proc.stderr.decode()
    assert len(read_jsonl(out)) == 2
    assert not (tmp_path / ".out.jsonl.lock").exists()


def test_the_lock_is_held_for_the_whole_job(tmp_path):
    import pytest

    from extractor.output import OutputBusy, job_lock

    src = _batch(tmp_path, 3)
    out = tmp_path / "out.jsonl"
    refused = []

    def second_job(summary):
        with pytest.raises(OutputBusy), job_lock(out):
            pass
        refused.append(summary.documents)

    from extractor.pipeline import JobOptions, run_job

    run_job(JobOptions(inputs=[str(src)], output=str(out)), on_document=second_job)
    assert refused == [1, 2, 3]
    with job_lock(out):  # free again once the job ended
        pass


# --------------------------------------------------------------------------- the errors file, resumed outputs


def test_after_a_resume_the_errors_file_lists_only_what_still_fails(tmp_path):
    src = _jsonl(tmp_path / "in.jsonl", [{"id": f"doc-{i}", "abstract": ABSTRACT[: 500 + i]} for i in range(4)])
    out = tmp_path / "out.jsonl"
    errors_file = tmp_path / "out.errors.jsonl"
    assert run_cli("extract", str(src), "-o", str(out), "--max-chars", "501").returncode == 1
    assert [e["doc_id"] for e in read_jsonl(errors_file)] == ["doc-2", "doc-3"]
    partly = run_cli("extract", str(src), "-o", str(out), "--resume", "--max-chars", "502")
    assert partly.returncode == 1
    assert [e["doc_id"] for e in read_jsonl(errors_file)] == ["doc-3"]  # doc-2 is in the output now
    fixed = run_cli("extract", str(src), "-o", str(out), "--resume")
    assert fixed.returncode == 0
    assert read_jsonl(errors_file) == []
    assert [r["doc_id"] for r in read_jsonl(out)] == [f"doc-{i}" for i in range(4)]
    assert not list(tmp_path.glob("*.tmp"))


def test_an_interrupted_resume_keeps_the_errors_not_tried_again(tmp_path):
    import pytest

    from extractor.pipeline import JobOptions, run_job

    src = _jsonl(tmp_path / "in.jsonl", [{"id": f"doc-{i}", "abstract": "   "} for i in range(3)])
    out = tmp_path / "out.jsonl"
    out.write_text(json.dumps({"doc_id": "old", "is_trial_report": False}) + "\n")
    errors_file = tmp_path / "out.errors.jsonl"
    _jsonl(errors_file, [{"doc_id": "old", "source": "x", "reason": "r"}] + [
        {"doc_id": f"doc-{i}", "source": f"{src}:{i + 1}", "reason": "empty document"} for i in range(3)])

    def interrupt(summary):
        if summary.documents == 1:
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        run_job(JobOptions(inputs=[str(src)], output=str(out), resume=True), on_document=interrupt)
    # "old" is written, so its error goes; doc-1 and doc-2 were not tried again, so theirs stay.
    assert [e["doc_id"] for e in read_jsonl(errors_file)] == ["doc-0", "doc-1", "doc-2"]


def test_a_corrupt_line_inside_the_output_is_reported_and_its_document_redone(tmp_path):
    src = _batch(tmp_path, 4)
    out = tmp_path / "out.jsonl"
    whole = [json.dumps({"doc_id": f"doc-{i}", "is_trial_report": True, "trials": []}) for i in (0, 3)]
    out.write_text(f'{whole[0]}\n{{"doc_id": "doc-1", "is_tri\x00\x00\nnot json at all\n{whole[1]}\n')
    proc = run_cli("extract", str(src), "-o", str(out), "--resume")
    assert proc.returncode == 0, proc.stderr.decode()
    message = " ".join(proc.stderr.decode().split())
    assert f"warning: {out}:2: corrupt line (not a whole JSON record) of 'doc-1': that document is extracted again" \
        in message
    assert f"warning: {out}:3: corrupt line (not a whole JSON record), its doc_id cannot be read" in message
    ids = [json.loads(line)["doc_id"] for line in out.read_text().splitlines()[4:]]
    assert ids == ["doc-1", "doc-2"]


# --------------------------------------------------------------------------- reading problems seen by the job


def test_a_title_only_record_is_extracted_with_a_warning(tmp_path):
    from extractor.readers import TITLE_ONLY

    src = _jsonl(tmp_path / "in.jsonl", [{"pmid": "1", "title": "Drug X versus placebo in sarcoma: a phase 3 trial"},
                                        {"pmid": "2", "title": ""}])
    out = tmp_path / "out.jsonl"
    summary = _job([src], out)
    (record,) = read_jsonl(out)
    assert record["doc_id"] == "pmid-1" and record["warnings"][0] == TITLE_ONLY
    assert (summary.written, summary.errors) == (1, 1)
    (error,) = read_jsonl(tmp_path / "out.errors.jsonl")
    assert (error["doc_id"], error["source"]) == ("pmid-2", f"{src}:2")


def test_the_python_api_gives_a_result_its_reading_warnings_too(tmp_path):
    from extractor import extract_documents
    from extractor.readers import TITLE_ONLY, read_documents

    src = _jsonl(tmp_path / "in.jsonl", [{"pmid": "1", "title": "Drug X versus placebo in sarcoma: a phase 3 trial"}])
    (result,) = extract_documents(read_documents([str(src)]))
    assert result.warnings[0] == TITLE_ONLY


def test_csv_without_a_text_column_stops_the_job_before_any_extraction(tmp_path):
    good = _batch(tmp_path, 2)
    bad = tmp_path / "export.csv"
    bad.write_text("pmid,Title,Summary\n1,T,S\n2,T,S\n")
    out = tmp_path / "out.jsonl"
    proc = run_cli("extract", str(good), str(bad), "-o", str(out))
    assert proc.returncode == 2
    message = " ".join(proc.stderr.decode().split())
    assert f"{bad} has no text column (looked for abstract, text, AbstractText, body); its columns are " \
           "'pmid', 'Title', 'Summary'" in message
    assert not out.exists()


# --------------------------------------------------------------------------- progress


PUBMED = ("<PubmedArticleSet>" + "".join(
    f"<PubmedArticle><MedlineCitation><PMID>{n}</PMID><Article><ArticleTitle>Trial {n}</ArticleTitle>"
    "<Abstract><AbstractText>Patients were randomised.</AbstractText></Abstract></Article>"
    "</MedlineCitation></PubmedArticle>\n" for n in range(1, 6)) + "</PubmedArticleSet>\n")


def test_the_progress_callback_is_told_the_total(tmp_path):
    from extractor.pipeline import JobOptions, run_job

    (tmp_path / "in").mkdir()
    jsonl = _jsonl(tmp_path / "in" / "batch.jsonl", ["", *[{"id": f"d{i}", "abstract": "A trial."} for i in range(7)]])
    (tmp_path / "in" / "one.txt").write_text("A trial.")
    (tmp_path / "in" / "set.xml").write_text(PUBMED)
    (tmp_path / "in" / "rows.csv").write_text('id,abstract\nr1,"A trial,\nover two lines"\n\nr2,B\n')
    seen = []
    options = JobOptions(inputs=[str(tmp_path / "in")], output=str(tmp_path / "out.jsonl"))
    summary = run_job(options, on_document=lambda s: seen.append((s.documents, s.total)))
    assert seen[-1] == (15, 15) and {total for _, total in seen} == {15}
    assert summary.documents == 7 + 1 + 5 + 2 and jsonl.exists()
    summary = run_job(JobOptions(inputs=[str(tmp_path / "in")], output=str(tmp_path / "out.jsonl"), resume=True),
                      on_document=lambda s: None)
    assert (summary.total, summary.skipped, summary.documents) == (15, 15, 0)


def test_no_total_for_stdin(tmp_path):
    import io

    from extractor.pipeline import JobOptions, run_job

    seen = []
    stdin = io.TextIOWrapper(io.BytesIO(b'{"abstract": "A trial."}\n{"abstract": "B."}\n'))
    old, sys.stdin = sys.stdin, stdin
    try:
        run_job(JobOptions(inputs=["-"], output=str(tmp_path / "o.jsonl")), on_document=lambda s: seen.append(s.total))
    finally:
        sys.stdin = old
    assert seen == [None, None]


def test_write_text_atomic_leaves_the_old_file_when_writing_fails(tmp_path, monkeypatch):
    import os

    import pytest

    from extractor.output import write_text_atomic

    target = tmp_path / "g.json"
    write_text_atomic(target, "old\n")
    assert target.read_text() == "old\n"

    def full_disk(fd):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", full_disk)
    with pytest.raises(OSError):
        write_text_atomic(target, "new\n")
    assert target.read_text() == "old\n" and [p.name for p in tmp_path.iterdir()] == ["g.json"]
