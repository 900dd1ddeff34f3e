#!/usr/bin/env python3
"""LLM-backend benchmarks against the project's fake OpenAI server (200 ms per reply).

    python3 benchmarks/llm.py [--docs 1000] [--latency 0.2] [--concurrency 32] [--serial-docs 100] [--repeat 3]

1. The fake server runs in its own process (this machine has two cores: one for it, one
   for trialx). Its replies are the rule backend's records for each document, computed
   before the clock starts and looked up by the document's hash, so the server spends
   its time on HTTP, not on extraction. They are not a model's answers.
2. ``trialx extract --backend openai --concurrency 32`` over N documents (default 1,000
   from ../shared/corpus/bulk/pmc-abstracts.jsonl, else copies of the bundled examples
   made distinct), with an empty cache, ``--repeat`` times (this machine is a noisy VM):
   the median run is the figure, every run is listed. Ideal time: N x latency / concurrency.
3. The same at ``--concurrency 1`` over the first ``--serial-docs`` documents with
   ``--no-cache``, extrapolated to N (said so in the output), for the speed-up.
4. The same job as 2 again: every document from the cache, zero requests (checked with
   the server's request count).

Times are the job's own (``--summary-json`` elapsed: reading, extracting, writing),
without Python start-up. Figures go to benchmarks/results/llm.json.
"""

from __future__ import annotations

import argparse
import json
import platform
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.request
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
BULK = ROOT.parent / "shared" / "corpus" / "bulk" / "pmc-abstracts.jsonl"
RESULTS = ROOT / "benchmarks" / "results" / "llm.json"


def load_corpus(n: int) -> tuple[list[dict[str, str]], str]:
    """``n`` documents ({id, abstract}) and where they came from."""
    docs: list[dict[str, str]] = []
    if BULK.exists():
        with BULK.open(encoding="utf-8") as fh:
            for line in fh:
                record = json.loads(line)
                text = record.get("abstract") or record.get("text")
                if text:
                    docs.append({"id": str(record.get("id") or record.get("pmid") or len(docs)), "abstract": text})
                if len(docs) == n:
                    return docs, str(BULK.relative_to(ROOT.parent))
    from extractor.documents import Document
    from extractor.readers import read_documents

    seeds = [d.text for d in read_documents([str(ROOT / "examples")]) if isinstance(d, Document)]
    seeds = [s[:6000] for s in seeds]  # abstract-sized
    while len(docs) < n:
        i = len(docs)
        docs.append({"id": f"bundled-{i}", "abstract": f"{seeds[i % len(seeds)]}\n\n(copy {i})"})
    return docs, "examples/ (bundled fallback, copies made distinct)"


def replies_for(docs: list[dict[str, str]]) -> dict[str, dict]:
    from extractor.testing.fake_openai import rules_responder, text_sha256

    return {text_sha256(d["abstract"]): rules_responder(d["abstract"]) for d in docs}


def start_server(script: Path) -> tuple[subprocess.Popen[str], str]:
    proc = subprocess.Popen([sys.executable, "-m", "extractor.testing.fake_openai", "--port", "0",
                             "--script", str(script)], cwd=ROOT, stdout=subprocess.PIPE, text=True)
    assert proc.stdout is not None
    line = proc.stdout.readline()
    return proc, line.rsplit(" on ", 1)[1].strip()


def server_requests(base_url: str) -> int:
    with urllib.request.urlopen(base_url.replace("/v1", "/_fake/requests"), timeout=10) as reply:
        return int(json.loads(reply.read())["requests"])


def run(corpus: Path, work: Path, base_url: str, concurrency: int, *extra: str) -> dict[str, float]:
    work.mkdir(exist_ok=True)
    out, summary = work / "out.jsonl", work / "summary.json"
    cmd = [sys.executable, "-m", "extractor", "extract", str(corpus), "-o", str(out), "--overwrite",
           "--no-progress", "--summary-json", str(summary), "--backend", "openai", "--base-url", base_url,
           "--model", "fake-model", "--concurrency", str(concurrency), "--cache-dir", str(work / "cache"), *extra]
    started = time.perf_counter()
    proc = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True)
    wall = time.perf_counter() - started
    if proc.returncode != 0:
        sys.exit(f"trialx extract failed ({proc.returncode}):\n{proc.stderr}")
    data = json.loads(summary.read_text())
    return {"documents": data["documents"], "errors": data["errors"], "elapsed_s": data["elapsed_s"],
            "docs_per_s": data["docs_per_s"], "wall_s_with_startup": round(wall, 2),
            "requests": data["usage"]["requests"], "cached": data["usage"]["cached"]}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--docs", type=int, default=1000)
    parser.add_argument("--latency", type=float, default=0.2)
    parser.add_argument("--concurrency", type=int, default=32)
    parser.add_argument("--serial-docs", type=int, default=100)
    parser.add_argument("--repeat", type=int, default=3, help="Runs of the concurrent job (the median is reported).")
    args = parser.parse_args()

    docs, source = load_corpus(args.docs)
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        corpus, serial = work / "corpus.jsonl", work / "serial.jsonl"
        corpus.write_text("".join(json.dumps(d) + "\n" for d in docs))
        serial.write_text("".join(json.dumps(d) + "\n" for d in docs[: args.serial_docs]))
        print(f"{len(docs)} documents from {source}; precomputing the fake server's replies ...", file=sys.stderr)
        script = work / "script.json"
        script.write_text(json.dumps({"latency": args.latency, "by_sha256": replies_for(docs)}))
        server, base_url = start_server(script)
        try:
            runs = []
            for _ in range(max(1, args.repeat)):
                shutil.rmtree(work / "c", ignore_errors=True)  # an empty cache each time
                runs.append(run(corpus, work / "c", base_url, args.concurrency))
            concurrent = sorted(runs, key=lambda r: r["elapsed_s"])[len(runs) // 2]
            after_first = server_requests(base_url)
            cached = run(corpus, work / "c", base_url, args.concurrency)
            cached["server_requests"] = server_requests(base_url) - after_first
            one = run(serial, work / "s", base_url, 1, "--no-cache")
        finally:
            server.terminate()
            server.wait(timeout=10)

    ideal = len(docs) * args.latency / args.concurrency
    serial_extrapolated = one["elapsed_s"] * len(docs) / args.serial_docs
    report = {
        "date": date.today().isoformat(),
        "machine": f"{platform.machine()}, {platform.python_implementation()} {platform.python_version()}",
        "corpus": source,
        "documents": len(docs),
        "latency_s": args.latency,
        "concurrency": args.concurrency,
        "ideal_s": round(ideal, 3),
        "concurrent": concurrent,
        "concurrent_runs_elapsed_s": [r["elapsed_s"] for r in runs],
        "ratio_to_ideal": round(concurrent["elapsed_s"] / ideal, 3),
        "within_1_25x_of_ideal": concurrent["elapsed_s"] <= 1.25 * ideal,
        "serial": {**one, "extrapolated_s": round(serial_extrapolated, 2),
                   "note": f"--concurrency 1 on the first {args.serial_docs} documents, extrapolated to {len(docs)}"},
        "speedup_vs_concurrency_1": round(serial_extrapolated / concurrent["elapsed_s"], 1),
        "cached_rerun": cached,
        "cached_at_least_1000_docs_per_s": cached["docs_per_s"] >= 1000,
    }
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(report, indent=2) + "\n")
    print(json.dumps(report, indent=2))
    return 0 if report["within_1_25x_of_ideal"] and report["cached_at_least_1000_docs_per_s"] else 1


if __name__ == "__main__":
    raise SystemExit(main())
