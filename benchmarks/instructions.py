#!/usr/bin/env python3
"""Instructions per document of the rule backend, counted by valgrind (callgrind).

    .venv/bin/python benchmarks/instructions.py [--corpus PATH] [--documents N]

Wall-clock figures drift with the machine's load; an instruction count does not: the
same code over the same documents gives the same count on every run (the child runs with
``PYTHONHASHSEED=0``: salted string hashes order sets differently per process). The child process
extracts the first N documents (default 150) of the bulk corpus and serialises each
record, as a job does; callgrind counts only inside that loop (it runs under
``functools.reduce``, which callgrind is told to collect in), so imports, loading the
lexicon and reading the input are left out. Compare two versions of the code by running
this in each; the count is printed and written to benchmarks/results/instructions.json.

Instructions are not time: re's matching loop runs many instructions per cycle, the
interpreter few. A change that trades re work for Python work (a prefilter in Python before
each search) can cut the count and not the time; time such a change by alternating both
versions in one process.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from report import save  # benchmarks/report.py (the scripts run from benchmarks/)

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus" / "bulk" / "pmc-abstracts.jsonl"


def _child(corpus: Path, n: int) -> None:
    """Extract the first ``n`` documents inside functools.reduce (what callgrind counts)."""
    import functools

    from extractor.backends import get_backend
    from extractor.documents import Document
    from extractor.readers import input_files, read_files

    documents = [d for d in read_files(input_files([str(corpus)])) if isinstance(d, Document)][:n]
    backend = get_backend("rules")
    backend.extract(documents[-1])  # tables built on first use are built before counting starts
    functools.reduce(lambda _, d: backend.extract(d).model_dump_json(), documents, None)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--documents", type=int, default=150)
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        _child(args.corpus, args.documents)
        return 0
    if not args.corpus.exists():
        print(f"corpus not found: {args.corpus} (pass --corpus)", file=sys.stderr)
        return 2
    if shutil.which("valgrind") is None:
        print("valgrind is not installed (apt-get install valgrind)", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory() as tmp:
        cmd = ["valgrind", "--tool=callgrind", "--collect-atstart=no", "--toggle-collect=functools_reduce",
               f"--callgrind-out-file={tmp}/callgrind.out", sys.executable, __file__, "--child",
               "--corpus", str(args.corpus), "--documents", str(args.documents)]
        # str hashes are salted per process, and set and dict order follow them: a fixed seed makes the count
        # the same on every run (a random one moves it by about 0.9%)
        env = {**os.environ, "PYTHONHASHSEED": "0"}
        proc = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, env=env)
    found = re.search(r"Collected : (\d+)", proc.stderr)
    if proc.returncode != 0 or found is None:
        sys.exit(proc.stderr[-2000:])
    total = int(found.group(1))
    report = {
        "date": time.strftime("%Y-%m-%d"),
        "corpus": args.corpus.name,
        "documents": args.documents,
        "instructions": total,
        "instructions_per_document": round(total / args.documents),
        "hash_seed": 0,
    }
    save("instructions", report)
    return 0


if __name__ == "__main__":
    sys.exit(main())
