#!/usr/bin/env python3
"""What each request spends beside the document, per prompt version and mode; and that the lean
prompt loses nothing.

    .venv/bin/python benchmarks/prompt_overhead.py [--prompts extract@1,extract@2,extract@3]
                                                   [--baseline extract@2] [--candidate extract@3]

1. Overhead. The openai backend sends one document through the project's fake server with each
   prompt in each mode (tools, json_schema, json, md_json); the request as it went over the wire is
   split (``extractor/backends/llm/overhead.py``) into the system prompt, the schema as that mode
   sends it (every copy, with instructor's words around it), and the user message around the
   document. Bytes are UTF-8; tokens are OpenAI's o200k_base (bpe-openai), or characters / 4
   where it is not installed (the output says which). Each version's total is given as a share of
   the baseline's (``--baseline``, extract@2), with the part after the document (which a provider's
   prompt cache, a shared prefix, cannot reuse).
2. Nothing lost. The fake server answers every request with the gold record of the document it
   carries (``GoldResponder``: evals/gold, every split; the documents are only sent, never read
   here), and every gold document is extracted with the baseline and the candidate prompt in each
   mode. The candidate's records (is_trial_report, trials, warnings) must equal the baseline's,
   document by document; and its overhead be at most 40% of the baseline's, in bytes and tokens,
   in every mode (exit 1 otherwise).

Figures go to benchmarks/results/prompt_overhead.json for the README.
"""

from __future__ import annotations

import argparse
import json
import logging
import platform
import sys
import tempfile
import time
from datetime import date
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
RESULTS = ROOT / "benchmarks" / "results" / "prompt_overhead.json"
MODES = ("tools", "json_schema", "json", "md_json")
#: The document whose requests are measured: a dev-split abstract of usual size (2.2 KB), no title.
MEASURED = "PMC4717613"


def share(part: dict[str, int], whole: dict[str, int]) -> dict[str, float]:
    return {unit: round(part[unit] / whole[unit], 3) for unit in ("bytes", "tokens")}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--prompts", default="extract@1,extract@2,extract@3")
    parser.add_argument("--baseline", default="extract@2")
    parser.add_argument("--candidate", default="extract@3", help="The prompt held to the target.")
    parser.add_argument("--gold", default=str(ROOT / "evals" / "gold"))
    args = parser.parse_args()
    logging.getLogger("instructor").setLevel(logging.CRITICAL)  # each re-ask of a gold answer is logged

    from extractor.backends.llm.overhead import tokenizer
    from extractor.evaluation.gold import load_gold
    from extractor.testing.fake_openai import FakeOpenAI, GoldResponder
    from extractor.testing.replay import overhead, records

    prompts = list(dict.fromkeys([*args.prompts.split(","), args.baseline, args.candidate]))
    gold = load_gold(args.gold)
    measured = next(g for g in gold if g.doc_id == MEASURED).document()
    sizes: dict[str, dict[str, Any]] = {p: {} for p in prompts}
    same: dict[str, dict[str, Any]] = {}
    with tempfile.TemporaryDirectory() as tmp, FakeOpenAI(responder=GoldResponder(gold)) as server:
        for mode in MODES:
            for prompt in prompts:
                sizes[prompt][mode] = overhead(server, measured, prompt, mode, tmp)[0].as_dict()
            for prompt in prompts:
                sizes[prompt][mode]["share_of_baseline"] = share(sizes[prompt][mode]["total"],
                                                                 sizes[args.baseline][mode]["total"])
            started = time.perf_counter()
            base, lean = (records(server, gold, p, mode, tmp, concurrency=8) for p in (args.baseline, args.candidate))
            same[mode] = {"documents": len(gold), "extracted": len(base), "identical": sum(
                          lean.get(k) == v for k, v in base.items()) if base.keys() == lean.keys() else 0,
                          "with_warnings": sum(bool(v[2]) for v in base.values()),
                          "seconds": round(time.perf_counter() - started, 1)}

    report = {
        "date": date.today().isoformat(),
        "machine": f"{platform.machine()}, {platform.python_implementation()} {platform.python_version()}",
        "tokenizer": tokenizer(),
        "measured_document": {"doc_id": MEASURED, "bytes": len(measured.text.encode("utf-8"))},
        "baseline": args.baseline,
        "candidate": args.candidate,
        "overhead": sizes,
        "gold_identical": same,
    }
    RESULTS.write_text(json.dumps(report, indent=2) + "\n")
    print(f"tokens: {report['tokenizer']}; measured on {MEASURED}")
    print("| prompt | mode | prompt B / tok | schema B / tok | user B / tok | total B / tok | share of "
          f"{args.baseline} (B / tok) | after the document B |")
    print("| --- | --- | --- | --- | --- | --- | --- | --- |")
    for prompt in prompts:
        for mode in MODES:
            row = sizes[prompt][mode]
            cells = [f"{row[k]['bytes']:,} / {row[k]['tokens']:,}" for k in ("prompt", "schema", "user", "total")]
            ratio = row["share_of_baseline"]
            print(f"| {prompt} | {mode} | {' | '.join(cells)} | {ratio['bytes']:.0%} / {ratio['tokens']:.0%} "
                  f"| {row['after_document']['bytes']} |")
    for mode, counts in same.items():
        print(f"{mode}: {args.candidate} gave the records of {args.baseline} on {counts['identical']} of "
              f"{counts['documents']} gold documents ({counts['extracted']} extracted, {counts['with_warnings']} "
              f"with warnings; {counts['seconds']} s)")
    ok = all(c["identical"] == c["documents"] == c["extracted"] for c in same.values())
    ok = ok and all(sizes[args.candidate][m]["share_of_baseline"][u] <= 0.4 for m in MODES for u in ("bytes", "tokens"))
    print("target (<= 40% of the baseline's overhead in every mode, identical records):", "met" if ok else "NOT met")
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
