"""``trialx eval``: scores, reports, and the quality gate's exit codes."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

from tests.conftest import ROOT, read_jsonl, run_cli

TEXT = ("In this single-arm phase II trial (NCT01234567), 46 patients were enrolled. "
        "The objective response rate was 56.5% (95% CI 41.1–71.1).")


def _gold_dir(tmp_path: Path) -> Path:
    d = tmp_path / "gold"
    d.mkdir()
    gold = {
        "doc_id": "doc-1", "source": "test", "text": TEXT, "is_trial_report": True,
        "trials": [{"role": "reported", "registry_ids": ["NCT01234567"], "phases": ["PHASE2"],
                    "allocation": "single_arm",
                    "results": [{"endpoint": "ORR", "measure": "proportion", "value": 56.5, "unit": "percent",
                                 "ci_low": 41.1, "ci_high": 71.1, "ci_level": 95,
                                 "evidence": "The objective response rate was 56.5% (95% CI 41.1–71.1)."}]}],
    }
    (d / "doc-1.json").write_text(json.dumps(gold))
    return d


def test_eval_runs_the_backend_and_writes_json(tmp_path):
    report = tmp_path / "r.json"
    proc = run_cli("eval", "--gold", str(_gold_dir(tmp_path)), "--json", str(report))
    assert proc.returncode == 0, proc.stderr.decode()
    data = json.loads(report.read_text())
    assert data["headline"]["documents"] == 1
    assert data["fields"]["registry_ids"]["tp"] == 1
    assert data["fields"]["results"]["tp"] == 1 and data["headline"]["grounded_share"] == 1.0
    assert b"field F1" in proc.stderr


def test_eval_scores_a_predictions_file(tmp_path):
    gold = _gold_dir(tmp_path)
    wrong = {"doc_id": "doc-1", "is_trial_report": True,
             "trials": [{"role": "reported", "registry_ids": ["NCT07654321"], "allocation": "randomized"}]}
    preds = tmp_path / "p.jsonl"
    preds.write_text(json.dumps(wrong) + "\n")
    report = tmp_path / "r.json"
    proc = run_cli("eval", "--gold", str(gold), "--predictions", str(preds), "--json", str(report))
    assert proc.returncode == 0
    fields = json.loads(report.read_text())["fields"]
    assert fields["allocation"]["fp"] == 1 and fields["results"]["fn"] == 1


def test_quality_gate_exit_codes(tmp_path):
    gold = _gold_dir(tmp_path)
    assert run_cli("eval", "--gold", str(gold), "--fail-under", "1.01").returncode == 3
    baseline = tmp_path / "base.json"
    assert run_cli("eval", "--gold", str(gold), "--json", str(baseline)).returncode == 0
    assert run_cli("eval", "--gold", str(gold), "--baseline", str(baseline)).returncode == 0
    data = json.loads(baseline.read_text())
    data["fields"]["results"]["f1"] = 1.5  # a baseline better than possible: any run "drops"
    baseline.write_text(json.dumps(data))
    proc = run_cli("eval", "--gold", str(gold), "--baseline", str(baseline), "--max-drop", "0.1")
    assert proc.returncode == 3 and b"results" in proc.stderr
    assert run_cli("eval", "--gold", str(tmp_path / "nowhere")).returncode == 2


def test_predictions_from_extract_score_against_gold(tmp_path):
    gold = _gold_dir(tmp_path)
    src = tmp_path / "in.jsonl"
    src.write_text(json.dumps({"id": "doc-1", "abstract": TEXT}) + "\n")
    out = tmp_path / "out.jsonl"
    assert run_cli("extract", str(src), "-o", str(out)).returncode == 0
    assert read_jsonl(out)[0]["doc_id"] == "doc-1"
    report = tmp_path / "r.json"
    assert run_cli("eval", "--gold", str(gold), "--predictions", str(out), "--json", str(report)).returncode == 0
    assert json.loads(report.read_text())["fields"]["results"]["tp"] == 1


def test_html_report_renders_in_headless_chromium(tmp_path, chromium):
    from tests.conftest import CHROMIUM_FLAGS

    page = tmp_path / "r.html"
    proc = run_cli("eval", "--gold", str(_gold_dir(tmp_path)), "--html", str(page))
    assert proc.returncode == 0, proc.stderr.decode()
    profile = tmp_path / "profile"
    dom = subprocess.run([chromium, *CHROMIUM_FLAGS, f"--user-data-dir={profile}", "--dump-dom", page.as_uri()],
                         capture_output=True, text=True, timeout=120).stdout
    assert "<table id=\"fields\">" in dom and ">results<" in dom
    assert 'class="right"' in dom and "56.5%" in dom  # the matched result's evidence is highlighted
    shot = tmp_path / "shot.png"
    subprocess.run([chromium, *CHROMIUM_FLAGS, f"--user-data-dir={profile}", f"--screenshot={shot}",
                    "--window-size=1200,900", page.as_uri()], capture_output=True, timeout=120)
    assert shot.exists() and shot.stat().st_size > 10_000


def test_browser_test_skips_without_chromium_and_installs_nothing(tmp_path):
    """On a PATH with no chromium, only installers that log their calls: a skip with its reason, no call."""
    tools, called = tmp_path / "bin", tmp_path / "called"
    tools.mkdir()
    for name in ("apt-get", "apt", "sudo", "dpkg", "pip", "pip3", "snap"):
        (tools / name).write_text(f'#!/bin/sh\necho {name} "$@" >> {called}\n')
        (tools / name).chmod(0o755)
    proc = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-rs", "-p", "no:cacheprovider",
         "tests/test_eval.py::test_html_report_renders_in_headless_chromium",
         "tests/test_review_browser.py::test_review_a_document_and_save_it_as_gold_in_chromium"],
        cwd=ROOT, env=dict(os.environ, PATH=str(tools)), capture_output=True, text=True, timeout=300)
    assert "2 skipped" in proc.stdout and proc.stdout.count("chromium is not installed") == 2, proc.stdout
    assert not called.exists(), called.read_text()


def test_no_test_installs_packages():
    # An installer run as an argv (a list opening with apt-get, or pip then install); a hint in a message is fine.
    installs = re.compile(r"""\[\s*["'](apt-get|apt|dnf|yum|brew|snap|dpkg|sudo)["']|["']pip3?["'],\s*["']install|ensure_?pip""")
    found = [f"{path.name}:{n}" for path in sorted((ROOT / "tests").glob("*.py"))
             for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if installs.search(line)]
    assert found == []


def test_compare_reports_field_deltas_and_documents(tmp_path):
    gold = _gold_dir(tmp_path)
    good, bad = tmp_path / "good.json", tmp_path / "bad.json"
    assert run_cli("eval", "--gold", str(gold), "--json", str(good)).returncode == 0
    empty = tmp_path / "empty.jsonl"
    empty.write_text(json.dumps({"doc_id": "doc-1", "is_trial_report": True, "trials": []}) + "\n")
    assert run_cli("eval", "--gold", str(gold), "--predictions", str(empty), "--json", str(bad)).returncode == 0
    diff_path = tmp_path / "diff.json"
    proc = run_cli("compare", str(good), str(bad), "--json", str(diff_path))
    assert proc.returncode == 0, proc.stderr.decode()
    diff = json.loads(diff_path.read_text())
    assert diff["fields"]["results"]["delta"] == -1.0
    assert diff["documents"][0]["doc_id"] == "doc-1" and diff["documents"][0]["delta"] < 0
    assert b"worse" in proc.stderr


def _two_documents(tmp_path: Path) -> Path:
    """A gold directory of two documents and a split manifest beside it (doc-1 dev, doc-2 test)."""
    gold = _gold_dir(tmp_path)
    second = json.loads((gold / "doc-1.json").read_text())
    second["doc_id"] = "doc-2"
    second["trials"][0]["results"][0]["value"] = 99.0  # a value the text does not give: a miss
    second["trials"][0]["results"][0]["evidence"] = "The objective response rate was 56.5%"
    (gold / "doc-2.json").write_text(json.dumps(second))
    (tmp_path / "split.json").write_text(json.dumps({"dev": ["doc-1"], "test": ["doc-2"]}))
    return gold


def test_each_split_is_scored_alone(tmp_path):
    gold = _two_documents(tmp_path)
    for split, tp in (("dev", 1), ("test", 0)):
        report = tmp_path / f"{split}.json"
        assert run_cli("eval", "--gold", str(gold), "--split", split, "--json", str(report)).returncode == 0
        data = json.loads(report.read_text())
        assert data["split"] == split and data["headline"]["documents"] == 1
        assert data["fields"]["results"]["tp"] == tp


def test_a_baseline_of_splits_gates_each_split_on_its_own(tmp_path):
    gold = _two_documents(tmp_path)
    reports = {}
    for split in ("dev", "test"):
        path = tmp_path / f"{split}.json"
        run_cli("eval", "--gold", str(gold), "--split", split, "--json", str(path))
        reports[split] = json.loads(path.read_text())
    baseline = tmp_path / "baseline.json"
    baseline.write_text(json.dumps({"splits": reports}))
    assert run_cli("eval", "--gold", str(gold), "--split", "test", "--baseline", str(baseline)).returncode == 0
    reports["test"]["fields"]["registry_ids"]["f1"] = 1.5
    baseline.write_text(json.dumps({"splits": reports}))
    assert run_cli("eval", "--gold", str(gold), "--split", "dev", "--baseline", str(baseline)).returncode == 0
    proc = run_cli("eval", "--gold", str(gold), "--split", "test", "--baseline", str(baseline))
    assert proc.returncode == 3 and b"registry_ids" in proc.stderr


def test_split_errors_are_usage_errors(tmp_path):
    gold = _two_documents(tmp_path)
    assert run_cli("eval", "--gold", str(gold), "--split", "holdout").returncode == 2
    (tmp_path / "split.json").write_text(json.dumps({"dev": ["doc-1", "doc-9"], "test": []}))
    proc = run_cli("eval", "--gold", str(gold), "--split", "dev")
    assert proc.returncode == 2 and b"doc-9" in proc.stderr


def test_grounded_share_gate(tmp_path):
    gold = _gold_dir(tmp_path)
    ungrounded = {"doc_id": "doc-1", "is_trial_report": True, "trials": [{"role": "reported", "results": [
        {"endpoint": "ORR", "measure": "proportion", "value": 56.5, "unit": "percent", "evidence": "not in the text 56.5"}]}]}
    preds = tmp_path / "p.jsonl"
    preds.write_text(json.dumps(ungrounded) + "\n")
    assert run_cli("eval", "--gold", str(gold), "--predictions", str(preds), "--min-grounded", "1").returncode == 3
    assert run_cli("eval", "--gold", str(gold), "--predictions", str(preds)).returncode == 0


def test_the_committed_split_is_whole_and_disjoint():
    """Every gold file is in exactly one split; test holds at least 40% of the documents."""
    from tests.conftest import ROOT

    manifest = json.loads((ROOT / "evals" / "split.json").read_text())
    ids = {json.loads(p.read_text())["doc_id"] for p in (ROOT / "evals" / "gold").glob("*.json")}
    dev, test = set(manifest["dev"]), set(manifest["test"])
    assert not dev & test and dev | test == ids
    assert len(test) >= 0.4 * len(ids)


def test_eval_warns_of_gold_documents_without_a_prediction(tmp_path):
    from typer.testing import CliRunner

    from extractor.cli import app

    gold = _gold_dir(tmp_path)
    one = json.loads((gold / "doc-1.json").read_text())
    for n in range(2, 14):
        (gold / f"doc-{n}.json").write_text(json.dumps({**one, "doc_id": f"doc-{n}"}))
    preds = tmp_path / "p.jsonl"
    preds.write_text(json.dumps({"doc_id": "doc-1", "is_trial_report": True, "trials": []}) + "\n")
    report = tmp_path / "r.json"

    def run(*extra: str) -> str:
        result = CliRunner().invoke(app, ["eval", "--gold", str(gold), "--predictions", str(preds), *extra],
                                    env={"COLUMNS": "200"})
        assert result.exit_code == 0
        return " ".join(result.stderr.split())

    said = run("--json", str(report))
    assert f"12 of 13 gold documents have no prediction in {preds}" in said
    assert "doc-2, doc-3" in said and "and 2 more" in said
    assert len(json.loads(report.read_text())["unpredicted"]) == 12
    for n in range(4, 14):
        (gold / f"doc-{n}.json").unlink()
    said = run()
    assert "2 of 3 gold documents have no prediction" in said and said.rstrip().endswith("doc-2, doc-3")


def test_layout_differences_of_the_locked_test_split_are_counted_not_shown(tmp_path, capsys):
    from extractor.cli import _print_layouts
    from extractor.evaluation.harness import locked_ids

    gold = tmp_path / "gold"
    gold.mkdir()
    (tmp_path / "split.json").write_text(json.dumps({"dev": ["d1"], "test": ["t1", "t2"]}))
    found = {"rate": 0.5, "same": 1, "documents": 4, "layouts": ["printed", "markdown"],
             "differences": {"d1": {"markdown": ["+ result from dev"]}, "t1": {"markdown": ["+ result from test"]}}}
    found["scores"] = {"printed": {"field_f1": 0.9, "results_f1": 0.8}, "markdown": {"field_f1": 0.85, "results_f1": None}}
    _print_layouts(found, locked=locked_ids(gold))
    printed = capsys.readouterr().err
    assert "field F1 / results F1 in each layout: printed 0.900 / 0.800, markdown 0.850 / -" in printed
    assert "differs: d1" in printed and "result from dev" in printed
    assert "t1" not in printed and "result from test" not in printed
    assert "and 1 document(s) of the locked test split" in printed
    assert locked_ids(tmp_path / "elsewhere" / "gold") == set()


def test_the_mining_corpus_leaves_out_the_test_split_by_id_and_by_text(tmp_path):
    import importlib.util

    spec = importlib.util.spec_from_file_location("mining_corpus", ROOT / "evals" / "mining_corpus.py")
    assert spec is not None and spec.loader is not None
    mining = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mining)
    locked = "Patients were randomly assigned to receive the study drug or a matching placebo. " * 6
    gold = tmp_path / "gold"
    gold.mkdir()
    (gold / "T1.json").write_text(json.dumps({"doc_id": "T1", "text": locked}))
    (tmp_path / "split.json").write_text(json.dumps({"dev": [], "test": ["T1"]}))
    corpus = tmp_path / "corpus.jsonl"
    rows = [{"id": "T1", "text": "another version"}, {"id": "B7", "abstract": "BACKGROUND: " + locked.upper()},
            {"id": "B8", "text": "Surgery alone was compared with surgery and radiotherapy."}]
    corpus.write_text("".join(json.dumps(r) + "\n" for r in rows))
    assert mining.main([str(corpus), "-o", str(tmp_path / "out"), "--gold", str(gold),
                        "--manifest", str(tmp_path / "split.json")]) == 0
    assert [json.loads(line)["id"] for line in (tmp_path / "out" / "corpus.jsonl").open()] == ["B8"]


def _load_script(name: str):
    import importlib.util

    spec = importlib.util.spec_from_file_location(name, ROOT / "evals" / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_miss_counts_say_why_results_are_missed_without_naming_a_document(tmp_path, capsys):
    misses = _load_script("miss_counts")

    def result(endpoint, value, arm=None, measure="proportion"):
        return {"endpoint": endpoint, "measure": measure, "unit": "percent", "value": value, "arm": arm, "subgroup": None}

    report = {"documents": {"SECRET-1": {"results": [
        {"status": "missed", "gold": result("ORR", 41.0, arm="drug A")},
        {"status": "wrong", "predicted": result("ORR", 41.02)},            # same value, no arm
        {"status": "missed", "gold": result("AE", 12.0)},
        {"status": "wrong", "predicted": result("OTHER", 12.0)},           # same value, other endpoint
        {"status": "missed", "gold": result("OS", 14.2, measure="median")},  # never read
        {"status": "matched", "gold": result("PFS", 6.1), "predicted": result("PFS", 6.1)},
    ]}}}
    counts = misses.miss_counts(report)
    assert counts["differs by arm"] == 1
    assert counts["differs by endpoint"] == 1
    assert counts["value not predicted"] == 1
    assert counts["value not predicted: OS median"] == 1
    path = tmp_path / "report.json"
    path.write_text(json.dumps(report))
    assert misses.main([str(path)]) == 0
    out = capsys.readouterr().out
    assert "missed results: 3" in out and "SECRET" not in out and "41" not in out
