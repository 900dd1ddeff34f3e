#!/usr/bin/env python3
"""Does a change to the rules keep every record? Extract three corpora and compare byte for byte.

    .venv/bin/python benchmarks/same_records.py --save DIR      # before the change: the reference
    .venv/bin/python benchmarks/same_records.py --against DIR   # after it: identical, or what differs

A speed change to the rule backend must give the same records (issue 12: "output unchanged on
that corpus"). This runs ``trialx extract --workers 1`` over the bulk corpus and both realistic
corpora of ``../shared/corpus`` (about 30 s in all) and writes each output to DIR, or compares it
with DIR's: a corpus is ``identical`` when the files are equal byte for byte; otherwise the ids of
the documents whose records differ are listed (the first ten).
"""

from __future__ import annotations

import argparse
import filecmp
import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPORA = ("bulk/pmc-abstracts.jsonl", "realistic/ei-oncology-300.jsonl", "realistic/abstrct-neoplasm-497.jsonl")


def _extract(corpus: Path, out: Path) -> None:
    # Each record's ``source`` names the input as given: the same path on both sides compares equal.
    cmd = [sys.executable, "-m", "extractor", "extract", str(corpus), "-o", str(out),
           "--overwrite", "--no-progress", "--workers", "1"]
    proc = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True)
    if proc.returncode not in (0, 1):
        sys.exit(f"trialx extract failed on {corpus}: {proc.stderr.strip()[-500:]}")


def _records(path: Path) -> dict[str, str]:
    return {json.loads(line)["doc_id"]: line for line in path.read_text(encoding="utf-8").splitlines() if line}


def _differing(new: Path, old: Path) -> list[str]:
    """Ids whose record lines differ, or that one side lacks."""
    a, b = _records(new), _records(old)
    return sorted(i for i in a.keys() | b.keys() if a.get(i) != b.get(i))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    side = parser.add_mutually_exclusive_group(required=True)
    side.add_argument("--save", type=Path, help="write the reference outputs here")
    side.add_argument("--against", type=Path, help="compare with the reference outputs here")
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared" / "corpus")
    args = parser.parse_args()
    corpora = [args.shared / name for name in CORPORA]
    if missing := [str(c) for c in corpora if not c.exists()]:
        print(f"corpus not found: {', '.join(missing)} (pass --shared)", file=sys.stderr)
        return 2
    if args.save:
        args.save.mkdir(parents=True, exist_ok=True)
        for corpus in corpora:
            _extract(corpus, args.save / corpus.name)
            print(f"{corpus.name}: saved")
        return 0
    changed = False
    with tempfile.TemporaryDirectory() as tmp:
        for corpus in corpora:
            new, old = Path(tmp) / corpus.name, args.against / corpus.name
            _extract(corpus, new)
            if filecmp.cmp(new, old, shallow=False):
                print(f"{corpus.name}: identical")
                continue
            changed = True
            ids = _differing(new, old)
            print(f"{corpus.name}: {len(ids)} documents differ: {', '.join(ids[:10])}")
    return 1 if changed else 0


if __name__ == "__main__":
    sys.exit(main())
