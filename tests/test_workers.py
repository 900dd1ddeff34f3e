"""``trialx extract --workers N``: the rule backend in worker processes, as one process would run it."""

from __future__ import annotations

import functools
import json
import multiprocessing
import os
import re
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from extractor.backends import BackendConfigError, get_backend
from extractor.documents import Document, DocumentError
from extractor.output import ResultLine
from extractor.pipeline import JobOptions, Summary, run_job
from extractor.readers import read_documents
from extractor.shards import Shard
from extractor.workers import HANG_WARNING, POOL_CAN_HANG, WorkerPool, WorkersDied, render, worker_count
from tests.conftest import EXAMPLES, ROOT, read_jsonl, run_cli
from tests.fragile import Fragile

#: Abstract-sized example documents (the two long papers would make the corpus slow to extract).
BASES = [d for d in read_documents([str(EXAMPLES)]) if isinstance(d, Document) and len(d.text) < 10_000]
DOCUMENTS = 240


def _variant(text: str, shift: int) -> str:
    """The text with every number moved by ``shift``: another document with the same shapes."""
    return re.sub(r"\d+", lambda m: str(int(m.group()) + shift), text) if shift else text


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    """240 generated abstracts as JSONL, with a malformed line and a duplicate id among them."""
    lines = [json.dumps({"id": f"gen-{i}", "abstract": _variant(BASES[i % len(BASES)].text, i // len(BASES))})
             for i in range(DOCUMENTS)]
    lines[7] = '{"id": "broken", "abstract": '
    lines[200] = json.dumps({"id": "gen-3", "abstract": BASES[0].text})
    path = tmp_path_factory.mktemp("corpus") / "corpus.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def one_process(corpus: Path, tmp_path_factory) -> tuple[Path, Summary]:
    """What one process writes for the corpus (``--workers 1``): the reference."""
    out = tmp_path_factory.mktemp("reference") / "out.jsonl"
    return out, run_job(JobOptions(inputs=[str(corpus)], output=str(out), workers=1))


def _counts(summary: dict[str, object]) -> dict[str, object]:
    """What a job with workers and one without must agree on (the warning of an old Python aside)."""
    counts = {k: v for k, v in summary.items() if k not in ("elapsed_s", "docs_per_s", "output",
                                                                     "errors_file", "workers")}
    counts["warnings"] = [w for w in counts.get("warnings") or [] if w != HANG_WARNING]  # type: ignore[union-attr]
    return counts


def _same_errors(path: Path, reference: Path) -> None:
    assert path.read_bytes() == reference.read_bytes()


# --------------------------------------------------------------------------- the same output


def test_two_workers_write_the_file_one_process_writes(corpus, one_process, tmp_path):
    reference, expected = one_process
    out = tmp_path / "out.jsonl"
    proc = run_cli("extract", str(corpus), "-o", str(out), "--workers", "2", "--summary-json", str(tmp_path / "s.json"))
    assert proc.returncode == 1, proc.stderr.decode()  # the malformed line and the duplicate id
    assert out.read_bytes() == reference.read_bytes()  # same lines, in input order
    _same_errors(tmp_path / "out.errors.jsonl", reference.with_name("out.errors.jsonl"))
    summary = json.loads((tmp_path / "s.json").read_text())
    assert summary["workers"] == 2 and "worker processes" in proc.stderr.decode()
    assert _counts(summary) == _counts(expected.as_dict())
    assert (summary["errors"], summary["documents"]) == (2, DOCUMENTS)


def test_a_shard_in_workers_is_the_shard_one_process_writes(corpus, tmp_path):
    outputs = {}
    for workers in (1, 2):
        out = tmp_path / f"shard-{workers}.jsonl"
        summary = run_job(JobOptions(inputs=[str(corpus)], output=str(out), workers=workers, shard=Shard(2, 2)))
        outputs[workers] = (out.read_bytes(), summary.other_shards, summary.workers)
    assert outputs[2][:2] == outputs[1][:2] and outputs[2][2] == 2
    assert 0 < outputs[2][1] < DOCUMENTS


def test_the_examples_in_workers_give_the_records_of_one_process():
    documents = list(read_documents([str(EXAMPLES)]))
    with WorkerPool(functools.partial(get_backend, "rules"), {}, 2, chunk=2) as pool:
        outcomes = list(pool.extract(documents))
    assert pool.started
    assert outcomes == render(documents, get_backend("rules"))
    assert len(outcomes) == 16


def test_the_job_leaves_the_rule_backend_to_its_workers(corpus, tmp_path):
    """The job's own process never imports the rule backend (about a second) when workers run it."""
    job = ("import sys; from extractor.pipeline import JobOptions, run_job\n"
           "if __name__ == '__main__':\n"
           f"    summary = run_job(JobOptions(inputs=[{str(corpus)!r}], output={str(tmp_path / 'out.jsonl')!r}, workers=2))\n"
           "    print(summary.workers, summary.written, 'extractor.backends.rules' in sys.modules)")
    script = tmp_path / "job.py"
    script.write_text(job)
    proc = subprocess.run([sys.executable, str(script)], cwd=ROOT, capture_output=True, env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert proc.stdout.split() == [b"2", str(DOCUMENTS - 2).encode(), b"False"], proc.stderr.decode()


def test_the_registry_knows_which_backends_wait_on_the_network():
    from extractor.backends import _factory, available, needs_network

    for name in available():
        backend_class = _factory(name)
        assert needs_network(name) == backend_class.needs_network == hasattr(backend_class, "aextract"), name


def test_an_input_of_one_chunk_is_extracted_in_this_process(tmp_path):
    out = tmp_path / "out.jsonl"
    summary = run_job(JobOptions(inputs=[str(EXAMPLES)], output=str(out), workers=2))
    assert summary.workers == 1 and summary.written == 16


# --------------------------------------------------------------------------- Ctrl-C, kill -9


def _children(pid: int) -> list[int]:
    try:
        return [int(p) for p in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]
    except FileNotFoundError:
        return []


def _workers_of(pid: int) -> list[int]:
    """The worker processes of ``pid`` (spawned children; not multiprocessing's resource tracker)."""
    found = []
    for child in _children(pid):
        try:
            if b"spawn_main" in Path(f"/proc/{child}/cmdline").read_bytes():
                found.append(child)
        except FileNotFoundError:
            continue
    return found


def _start(corpus: Path, out: Path) -> subprocess.Popen[bytes]:
    """``trialx extract --workers 2`` in its own process group, as a terminal runs it."""
    cmd = [sys.executable, "-m", "extractor", "extract", str(corpus), "-o", str(out), "--workers", "2"]
    # SIGINT at its default first, as in a terminal: a shell without job control (`cmd &` in a script,
    # nohup) starts its background commands with SIGINT ignored, and the child would inherit that.
    with_sigint = [sys.executable, "-c", _DEFAULT_SIGINT_THEN_EXEC, *cmd]
    return subprocess.Popen(with_sigint, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                            start_new_session=True)


_DEFAULT_SIGINT_THEN_EXEC = "import os, signal, sys; signal.signal(signal.SIGINT, signal.SIG_DFL); os.execv(sys.argv[1], sys.argv[1:])"


def _wait_for(condition, what: str) -> None:
    deadline = time.monotonic() + 120
    while not condition():
        assert time.monotonic() < deadline, f"timed out waiting for {what}"
        time.sleep(0.01)


@pytest.mark.skipif(not Path("/proc/self/task").exists(), reason="finds the worker processes in /proc (Linux)")
def test_ctrl_c_stops_the_workers_and_exits_130_with_a_whole_output_that_resumes(corpus, one_process, tmp_path):
    out = tmp_path / "out.jsonl"
    proc = _start(corpus, out)
    _wait_for(lambda: out.exists() and out.read_bytes().count(b"\n") >= 40, "40 records")
    workers = _workers_of(proc.pid)
    os.killpg(proc.pid, signal.SIGINT)  # Ctrl-C in a terminal: the parent and its workers get SIGINT
    _, err = proc.communicate(timeout=120)
    assert proc.returncode == 130, err.decode()
    assert b"interrupted" in err and b"Traceback" not in err  # the workers ignored SIGINT: no traceback
    assert len(workers) == 2 and not any(Path(f"/proc/{pid}").exists() for pid in workers)
    written = read_jsonl(out)  # every line whole
    assert 40 <= len(written) < DOCUMENTS - 2, "the interrupt should land mid-run"
    resumed = run_cli("extract", str(corpus), "-o", str(out), "--resume", "--workers", "2")
    assert resumed.returncode == 1, resumed.stderr.decode()
    assert out.read_bytes() == one_process[0].read_bytes()
    _same_errors(tmp_path / "out.errors.jsonl", one_process[0].with_name("out.errors.jsonl"))


@pytest.mark.skipif(not Path("/proc/self/task").exists(), reason="finds the worker processes in /proc (Linux)")
def test_a_job_killed_outright_takes_its_workers_with_it_and_resumes_to_the_same_file(corpus, one_process, tmp_path):
    out = tmp_path / "out.jsonl"
    proc = _start(corpus, out)
    _wait_for(lambda: out.exists() and out.read_bytes().count(b"\n") >= 40, "40 records")
    workers = _workers_of(proc.pid)
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=120)
    _wait_for(lambda: not any(Path(f"/proc/{pid}").exists() for pid in workers), "the orphaned workers to end")
    assert len(workers) == 2 and len(read_jsonl(out)) < DOCUMENTS - 2, "the kill should land mid-run"
    resumed = run_cli("extract", str(corpus), "-o", str(out), "--resume", "--workers", "2")
    assert resumed.returncode == 1, resumed.stderr.decode()
    assert out.read_bytes() == one_process[0].read_bytes()


@pytest.mark.skipif(not Path("/proc/self/task").exists(), reason="finds the worker processes in /proc (Linux)")
@pytest.mark.skipif(POOL_CAN_HANG, reason="this Python (before 3.11.5) can hang a pool whose worker is killed "
                    "(python/cpython#94777): trialx runs in one process there unless asked, and warns")
def test_a_worker_killed_mid_job_loses_and_doubles_nothing_and_the_job_says_so(corpus, one_process, tmp_path):
    out = tmp_path / "out.jsonl"
    proc = _start(corpus, out)
    _wait_for(lambda: out.exists() and out.read_bytes().count(b"\n") >= 40, "40 records")
    workers = _workers_of(proc.pid)
    for pid in workers:  # SIGINT to the workers alone: theirs to ignore, Ctrl-C is the parent's to handle
        os.kill(pid, signal.SIGINT)
    os.kill(workers[0], signal.SIGKILL)
    _, err = proc.communicate(timeout=120)
    assert proc.returncode == 1, err.decode()  # the corpus's two bad documents, nothing more
    assert out.read_bytes() == one_process[0].read_bytes()
    message = " ".join(err.decode().split())
    assert "warning: a worker process died (killed, or out of memory) with" in message
    assert "documents in flight: they were extracted again" in message


# --------------------------------------------------------------------------- deaths, in the library


def _texts(*texts: str) -> list[Document | DocumentError]:
    return [Document(doc_id=f"d{i}", text=text) for i, text in enumerate(texts)]


def test_a_document_that_kills_its_worker_every_time_is_an_error_and_the_others_are_written():
    documents = _texts(*["fine"] * 9, "die", *["fine"] * 10)
    with WorkerPool(Fragile, {}, 2, chunk=3) as pool:
        outcomes = list(pool.extract(documents))
    assert [o.doc_id for o in outcomes] == [d.doc_id for d in documents]
    (failed,) = [o for o in outcomes if isinstance(o, DocumentError)]
    assert failed.doc_id == "d9" and failed.reason.startswith("its worker process died again when it was extracted alone")
    assert all(isinstance(o, ResultLine) for o in outcomes if o is not failed)
    assert "a worker process died again while extracting 'd9' alone: it is reported as an error" in pool.warnings


def test_workers_that_die_as_they_start_stop_the_job():
    with pytest.raises(WorkersDied, match="died 4 times in a row"), \
            WorkerPool(Fragile, {"die_at_start": True}, 2, chunk=1) as pool:
        list(pool.extract(_texts("a", "b", "c")))


def test_documents_are_read_as_workers_free_up_not_ahead():
    read = 0

    def endless() -> Iterator[Document]:
        nonlocal read
        while True:
            read += 1
            yield Document(doc_id=f"d{read}", text="fine")

    with WorkerPool(Fragile, {}, 2, chunk=2) as pool:
        outcomes = pool.extract(endless())
        for _ in range(5):
            next(outcomes)
        outcomes.close()
    assert read <= (4 * 2 + 2) * 2  # the window (4 chunks a worker) and the chunk being formed


def test_the_library_changes_no_process_wide_setting():
    handler, method = signal.getsignal(signal.SIGINT), multiprocessing.get_start_method(allow_none=True)
    with WorkerPool(Fragile, {}, 2, chunk=1) as pool:
        list(pool.extract(_texts("a", "b", "c")))
    assert pool.started
    assert signal.getsignal(signal.SIGINT) == handler
    assert multiprocessing.get_start_method(allow_none=True) == method


# --------------------------------------------------------------------------- usage


def test_workers_are_refused_for_the_llm_backend_before_anything_is_written(tmp_path):
    src = tmp_path / "in.txt"
    src.write_text(BASES[0].text)
    out = tmp_path / "out.jsonl"
    proc = run_cli("extract", str(src), "-o", str(out), "--backend", "openai", "--model", "m",
                   "--base-url", "http://127.0.0.1:9/v1", "--workers", "2")
    assert proc.returncode == 2
    message = " ".join(proc.stderr.decode().split())
    assert "--workers 2: worker processes are for the rule backend; the openai backend waits on the network and " \
           "keeps documents in flight with --concurrency instead" in message
    assert not out.exists()


def test_workers_below_one_are_a_usage_error(tmp_path):
    proc = run_cli("extract", str(EXAMPLES), "-o", str(tmp_path / "out.jsonl"), "--workers", "0")
    assert proc.returncode == 2 and b"--workers" in proc.stderr
    with pytest.raises(BackendConfigError, match="--workers must be at least 1"):
        run_job(JobOptions(inputs=[str(EXAMPLES)], output=str(tmp_path / "out.jsonl"), workers=0))
    assert not (tmp_path / "out.jsonl").exists()


def test_on_a_python_whose_pool_can_hang_a_job_runs_in_one_process_unless_asked_and_then_warns(monkeypatch, tmp_path):
    import extractor.pipeline
    import extractor.workers

    monkeypatch.setattr(extractor.workers, "POOL_CAN_HANG", True)
    monkeypatch.setattr(extractor.pipeline, "POOL_CAN_HANG", True)
    assert worker_count("rules", None) == 1 and worker_count("rules", 2) == 2
    corpus = tmp_path / "docs.jsonl"
    corpus.write_text("".join(json.dumps({"id": f"d{i}", "text": f"Trial {i}: 40 patients were randomized."}) + "\n"
                              for i in range(70)))
    summary = run_job(JobOptions(inputs=[str(corpus)], output=str(tmp_path / "out.jsonl"), workers=2))
    assert summary.workers == 2 and HANG_WARNING in summary.warnings
    monkeypatch.setattr(extractor.pipeline, "POOL_CAN_HANG", False)
    summary = run_job(JobOptions(inputs=[str(corpus)], output=str(tmp_path / "out2.jsonl"), workers=2))
    assert HANG_WARNING not in summary.warnings
