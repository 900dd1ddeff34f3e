#!/usr/bin/env python3
"""Why results are missed, as counts only: safe to run on the locked test split.

    trialx eval --gold evals/gold --split test --json out/test.json
    python3 evals/miss_counts.py out/test.json

Each missed gold result is paired with an unwanted prediction of the same document whose value is
the same (within the scorer's tolerance), and counted by the keys that differ (endpoint, measure,
unit, arm, subgroup); one no prediction shares a value with is "value not predicted", counted again
by endpoint and measure. Nothing of a document is printed (no id, text or value), so the test split
can steer which area to audit without being read: rules are still written from dev and the mining
corpora (`evals/mining_corpus.py`).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from collections.abc import Iterable
from pathlib import Path
from typing import Any

TOLERANCE = 0.05 + 1e-9
KEYS = ("endpoint", "measure", "unit", "arm", "subgroup")


def _differs(gold: dict[str, Any], predicted: dict[str, Any]) -> tuple[str, ...]:
    return tuple(k for k in KEYS if (gold.get(k) or "").lower() != (predicted.get(k) or "").lower())


def _same_value(gold: dict[str, Any], predicted: dict[str, Any]) -> bool:
    return predicted.get("value") is not None and abs(predicted["value"] - gold["value"]) <= TOLERANCE


def document_misses(results: Iterable[dict[str, Any]]) -> Counter[str]:
    """One document's missed results, counted by why (see the module's docstring)."""
    results = list(results)
    wrong = [r["predicted"] for r in results if r["status"] == "wrong"]
    used: set[int] = set()
    counts: Counter[str] = Counter()
    for gold in (r["gold"] for r in results if r["status"] == "missed"):
        if gold.get("value") is None:
            counts["no value in the gold"] += 1
            continue
        near = [(len(_differs(gold, p)), i) for i, p in enumerate(wrong) if i not in used and _same_value(gold, p)]
        if not near:
            counts["value not predicted"] += 1
            counts[f"value not predicted: {gold['endpoint']} {gold['measure']}"] += 1
            continue
        index = min(near)[1]
        used.add(index)
        counts["differs by " + "+".join(_differs(gold, wrong[index]) or ("nothing",))] += 1
    return counts


def miss_counts(report: dict[str, Any]) -> Counter[str]:
    """The counts over every document of a ``trialx eval --json`` report."""
    total: Counter[str] = Counter()
    for document in report.get("documents", {}).values():
        total.update(document_misses(document.get("results", [])))
    return total


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("report", type=Path, help="a report written by trialx eval --json")
    parser.add_argument("--top", type=int, default=15, help="how many kinds to print (default 15)")
    args = parser.parse_args(argv)
    counts = miss_counts(json.loads(args.report.read_text(encoding="utf-8")))
    kinds = [(k, n) for k, n in counts.most_common() if not k.startswith("value not predicted:")]
    unread = [(k, n) for k, n in counts.most_common() if k.startswith("value not predicted:")]
    print(f"missed results: {sum(n for _, n in kinds)}")
    for kind, n in kinds[:args.top]:
        print(f"{n:5d}  {kind}")
    for kind, n in unread[:args.top]:
        print(f"{n:5d}  {kind}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
