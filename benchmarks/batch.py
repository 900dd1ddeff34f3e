#!/usr/bin/env python3
"""A 1,000-document job through the fake server's Batch API, then the online rerun it asks for.

    python3 benchmarks/batch.py [--docs 1000] [--expire-after 985] [--failing 5] [--invalid 5]

1. The corpus: N abstracts of ../shared/corpus/bulk/pmc-abstracts.jsonl (else copies of the bundled
   examples). The fake server (in this process, on loopback) answers each request with the rule
   backend's records for that document, computed before it starts and looked up by the document's
   hash. Those records are the rule backend's, not a model's.
2. Faults, so that the job has documents to list: ``--failing`` lines of the batch get a 500, the
   answers of ``--invalid`` documents quote evidence that is not in the document (they fail the
   online validators), and the batch expires after answering ``--expire-after`` lines (the rest come
   back as batch_expired).
3. ``trialx batch prepare``, ``submit``, ``status`` (until the batch has ended: the fake advances a
   status per look) and ``collect``, each a process of its own, as a user runs them.
4. ``trialx extract --resume`` over the same inputs and output, online: it must ask only for the
   documents collect listed. Then the same again, and a fresh ``trialx extract`` into a new output:
   both must send zero requests.

Checked, and written to benchmarks/results/batch.json: every document is written or listed (never
both, never neither); no online request during prepare, submit, status and collect; no online
request for a document the batch answered; zero requests on the reruns.
"""

from __future__ import annotations

import argparse
import json
import platform
import subprocess
import sys
import tempfile
import time
from collections import Counter
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))
RESULTS = ROOT / "benchmarks" / "results" / "batch.json"
MODEL = "gpt-4o-mini"  # a model with a built-in price, so that the costs show
#: Why a document was listed for an online rerun, by words of its reason.
REASONS = {"expired": "batch_expired", "request failed (500)": "failed (500", "failed validation": "failed validation"}


def trialx(*args: str, ok: tuple[int, ...] = (0,)) -> float:
    """Run ``trialx`` in a process of its own; its wall time, start-up included."""
    started = time.perf_counter()
    proc = subprocess.run([sys.executable, "-m", "extractor", *args], cwd=ROOT, capture_output=True, text=True)
    if proc.returncode not in ok:
        sys.exit(f"trialx {' '.join(args[:2])} exited {proc.returncode}:\n{proc.stderr}")
    return round(time.perf_counter() - started, 2)


def unique_match(text: str, others: list[str]) -> str:
    """A piece of ``text`` that no other document holds (a fault's ``match``)."""
    for start in range(0, max(1, len(text) - 60), 20):
        piece = text[start:start + 60]
        if sum(piece in other for other in others) == 1:
            return piece
    raise SystemExit("no unique piece of text for a fault")


def main() -> int:
    from llm import load_corpus, replies_for

    from extractor.testing.fake_openai import FakeOpenAI, Script, text_sha256

    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--docs", type=int, default=1000)
    parser.add_argument("--expire-after", type=int, default=985, help="Lines the batch answers before it expires.")
    parser.add_argument("--failing", type=int, default=5, help="Documents whose batch line gets a 500.")
    parser.add_argument("--invalid", type=int, default=5, help="Documents whose answer fails validation.")
    args = parser.parse_args()

    docs, source = load_corpus(args.docs)
    texts = [d["abstract"] for d in docs]
    print(f"{len(docs)} documents from {source}; precomputing the fake server's replies ...", file=sys.stderr)
    replies = replies_for(docs)
    with_results = [d for d in docs[: len(docs) // 2]
                    if any(t.get("results") for t in replies[text_sha256(d["abstract"])]["trials"])]
    failing = with_results[: args.failing]
    invalid = with_results[args.failing: args.failing + args.invalid]
    script = Script(by_sha256=replies)
    with tempfile.TemporaryDirectory() as tmp, FakeOpenAI(script) as fake:
        work = Path(tmp)
        corpus, requests, out = work / "corpus.jsonl", work / "requests.jsonl", work / "out.jsonl"
        corpus.write_text("".join(json.dumps(d) + "\n" for d in docs))
        for doc in failing:
            fake.add_fault("500", match=unique_match(doc["abstract"], texts))
        for doc in invalid:
            fake.add_fault("ungrounded", match=unique_match(doc["abstract"], texts))
        fake.add_fault("expire", answered=args.expire_after)
        llm = ["--base-url", fake.base_url, "--model", MODEL, "--mode", "tools", "--cache-dir", str(work / "cache")]
        times = {"prepare": trialx("batch", "prepare", str(corpus), "-o", str(requests), *llm)}
        times["submit"] = trialx("batch", "submit", str(requests))
        looks = 0
        while True:
            looks += 1
            took = trialx("batch", "status", str(requests))
            state = json.loads((work / "requests.jsonl.batch.json").read_text())
            if state["status"] in ("completed", "failed", "expired", "cancelled"):
                break
        times["status (last look)"] = took
        times["collect"] = trialx("batch", "collect", str(requests), "-o", str(out), "--summary-json",
                                        str(work / "collect.json"), ok=(0, 1))
        batch_online = len(fake.chat_requests())
        collected = json.loads((work / "collect.json").read_text())
        written = {json.loads(line)["doc_id"] for line in out.read_text().splitlines()}
        errors = [json.loads(line) for line in (work / "out.errors.jsonl").read_text().splitlines()]
        listed = {e["doc_id"] for e in errors}
        why = Counter(next((name for name, words in REASONS.items() if words in e["reason"]), e["reason"])
                      for e in errors)
        request_lines = len(requests.read_text().splitlines())

        times["online rerun (--resume)"] = trialx("extract", str(corpus), "-o", str(out), "--resume", "--backend",
                                                  "openai", "--summary-json", str(work / "rerun.json"), *llm)
        online = fake.chat_requests()
        asked_online = {r.document for r in online}
        rerun = json.loads((work / "rerun.json").read_text())
        before = len(fake.chat_requests())
        times["second rerun (--resume)"] = trialx("extract", str(corpus), "-o", str(out), "--resume", "--backend",
                                                  "openai", *llm)
        times["fresh extract, new output"] = trialx("extract", str(corpus), "-o", str(work / "fresh.jsonl"),
                                                    "--backend", "openai", "--summary-json",
                                                    str(work / "fresh.json"), *llm)
        fresh = json.loads((work / "fresh.json").read_text())
        after_reruns = len(fake.chat_requests()) - before
        final = {json.loads(line)["doc_id"] for line in out.read_text().splitlines()}

    ids = {d["id"] for d in docs}
    by_id = {d["id"]: d["abstract"] for d in docs}
    answered_by_batch = {by_id[i] for i in written}
    report = {
        "date": date.today().isoformat(),
        "machine": f"{platform.machine()}, {platform.python_implementation()} {platform.python_version()}",
        "corpus": source,
        "documents": len(docs),
        "faults": {"failing_lines": args.failing, "invalid_answers": args.invalid,
                   "expired_after_lines": args.expire_after},
        "request_lines": request_lines,
        "status_looks": looks,
        "batch_status": state["status"],
        "batch_request_counts": state["request_counts"],
        "collect": {"written": collected["written"], "listed_for_rerun": collected["errors"],
                    "listed_because": dict(why), "usage": collected["usage"]},
        "every_document_written_or_listed": written | listed == ids and not written & listed,
        "online_requests_during_prepare_submit_status_collect": batch_online,
        "online_rerun": {"written": rerun["written"], "skipped": rerun["skipped"],
                         "requests": rerun["usage"]["requests"], "reasks": rerun["usage"]["reasks"],
                         "documents_asked": len(asked_online),
                         "cost_usd": rerun["usage"]["cost_usd"]},
        "online_requests_for_batch_answered_documents": len(asked_online & answered_by_batch),
        "rerun_asked_exactly_the_listed": asked_online == {by_id[i] for i in listed},
        "requests_on_later_reruns": after_reruns,
        "fresh_extract_from_cache": fresh["usage"]["cached"],
        "output_complete_after_rerun": final == ids,
        "seconds": times,
    }
    report["target_met"] = (report["every_document_written_or_listed"] and batch_online == 0
                            and report["online_requests_for_batch_answered_documents"] == 0
                            and after_reruns == 0 and report["output_complete_after_rerun"])
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(report, indent=2) + "\n")
    print(json.dumps(report, indent=2))
    return 0 if report["target_met"] else 1


if __name__ == "__main__":
    raise SystemExit(main())
