#!/usr/bin/env python3
"""Write the corpora that rules may be mined from: every JSONL document except those of the locked test split.

    python3 evals/mining_corpus.py ../shared/corpus/realistic/*.jsonl ../shared/corpus/bulk/*.jsonl -o out/mining

The bulk corpus holds 39 articles of the test split (by id), and an article may come back under
another id, so a document is left out when its id is a test document's or when it shares a
200-character stretch (letters and digits only, case folded) with one. Rules are mined from what
this writes, never from the shared corpora directly. Prints what it kept and left out per file.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
WIDTH, STEP = 200, 100


def _folded(text: str) -> str:
    return re.sub(r"[\W_]+", "", text.lower())


def test_split(gold: Path, manifest: Path) -> tuple[set[str], set[str]]:
    """The test split's ids (with and without a ``-suffix``) and its texts' folded stretches."""
    ids = set(json.loads(manifest.read_text(encoding="utf-8"))["test"])
    stretches: set[str] = set()
    for doc_id in ids:
        text = _folded(json.loads((gold / f"{doc_id}.json").read_text(encoding="utf-8"))["text"])
        stretches.update(text[i:i + WIDTH] for i in range(0, max(1, len(text) - WIDTH), STEP))
    return ids | {i.split("-")[0] for i in ids}, stretches


def is_test(row: dict, ids: set[str], stretches: set[str]) -> bool:
    text = _folded(" ".join(str(row.get(k) or "") for k in ("title", "text", "abstract")))
    return str(row.get("id")) in ids or any(s in text for s in stretches)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpora", nargs="+", type=Path)
    parser.add_argument("-o", "--out", type=Path, required=True)
    parser.add_argument("--gold", type=Path, default=HERE / "gold")
    parser.add_argument("--manifest", type=Path, default=HERE / "split.json")
    args = parser.parse_args(argv)
    ids, stretches = test_split(args.gold, args.manifest)
    args.out.mkdir(parents=True, exist_ok=True)
    for corpus in args.corpora:
        kept = left = 0
        with corpus.open(encoding="utf-8") as rows, (args.out / corpus.name).open("w", encoding="utf-8") as out:
            for number, line in enumerate(rows, 1):
                try:
                    row = json.loads(line)
                except json.JSONDecodeError as exc:
                    sys.exit(f"{corpus}:{number}: not JSON: {exc}")
                if is_test(row, ids, stretches):
                    left += 1
                else:
                    kept += 1
                    out.write(line if line.endswith("\n") else line + "\n")
        print(f"{corpus.name}: kept {kept}, left out {left} (test split)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
