#!/usr/bin/env python3
"""Choose the realistic documents to label and split the gold set into dev and test, once.

    python3 evals/select_and_split.py ../shared/corpus/realistic   # writes evals/split.json

Run once (issue 9); it refuses to overwrite evals/split.json. What it does, in order:

1. From ei-oncology-300.jsonl, the Creative Commons licensed documents only: every
   Lancet- and JCO-style one, then a seeded random sample of the others up to 60.
   Articles that are already gold in another layout (the 39 shared with
   corpus/dev) get the id suffix ``-pubmed``; they are the same articles the rules
   were tuned on, so they go to dev.
2. From abstrct-neoplasm-497.jsonl (CC BY-NC-SA 4.0 as a whole), a seeded random sample of 24.
3. The split: documents the rules have already been tuned on (the 16 from the seeds,
   the 40 dev-corpus abstracts, the ``-pubmed`` re-layouts) stay in dev, because a
   test split must be unseen. Of the new documents, a seeded random sample, stratified
   by corpus, goes to test: enough that test holds at least 40% of all gold documents.

The choice uses ids, licences and layouts only, never the documents' text.
"""

from __future__ import annotations

import json
import math
import random
import sys
from pathlib import Path

SEED = 9
EI_TOTAL = 60
ABSTRCT_TOTAL = 24
TEST_SHARE = 0.40
HERE = Path(__file__).resolve().parent
MANIFEST = HERE / "split.json"


def main(realistic: Path) -> int:
    if MANIFEST.exists():
        sys.exit(f"{MANIFEST} exists: the split is made once")
    rng = random.Random(SEED)
    existing = sorted(json.loads(p.read_text(encoding="utf-8"))["doc_id"] for p in (HERE / "gold").glob("*.json"))
    dev_corpus = {d for d in existing if d.startswith("PMC")}
    ei = [json.loads(line) for line in (realistic / "ei-oncology-300.jsonl").open()]
    cc = [r for r in ei if r["meta"]["license_is_creative_commons"]]
    printed_layouts = [r for r in cc if r["meta"]["style"] in {"lancet", "jco"}]
    others = sorted((r for r in cc if r not in printed_layouts and r["id"] not in dev_corpus), key=lambda r: r["id"])
    chosen = printed_layouts + rng.sample(others, EI_TOTAL - len(printed_layouts))
    abstrct = sorted((json.loads(line) for line in (realistic / "abstrct-neoplasm-497.jsonl").open()),
                     key=lambda r: r["id"])
    chosen_abstrct = rng.sample(abstrct, ABSTRCT_TOTAL)

    def gold_id(r: dict) -> str:
        return r["id"] + "-pubmed" if r["id"] in dev_corpus else r["id"]

    relayouts = [gold_id(r) for r in chosen if r["id"] in dev_corpus]
    new_ei = sorted(gold_id(r) for r in chosen if r["id"] not in dev_corpus)
    new_abstrct = sorted(r["id"] for r in chosen_abstrct)
    total = len(existing) + len(relayouts) + len(new_ei) + len(new_abstrct)
    n_test = math.ceil(TEST_SHARE * total)
    n_new = len(new_ei) + len(new_abstrct)
    test_ei = rng.sample(new_ei, round(n_test * len(new_ei) / n_new))
    test_abstrct = rng.sample(new_abstrct, n_test - len(test_ei))
    test = sorted(test_ei + test_abstrct)
    dev = sorted(set(existing) | set(relayouts) | (set(new_ei) | set(new_abstrct)) - set(test))
    manifest = {
        "seed": SEED,
        "made_by": "evals/select_and_split.py (run once; see its docstring for the procedure)",
        "rule": "test is scored, never read while writing or tuning rules",
        "sources": {
            "ei-oncology-300": sorted(new_ei + relayouts),
            "abstrct-neoplasm-497": new_abstrct,
        },
        "counts": {"total": total, "dev": len(dev), "test": len(test)},
        "dev": dev,
        "test": test,
    }
    MANIFEST.write_text(json.dumps(manifest, indent=1) + "\n", encoding="utf-8")
    print(f"{total} gold documents: {len(dev)} dev, {len(test)} test -> {MANIFEST}")
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1] if len(sys.argv) > 1 else HERE.parent.parent / "shared" / "corpus" / "realistic")))
