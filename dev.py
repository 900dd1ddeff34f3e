#!/usr/bin/env python3
"""Set up and run trialx with nothing but Python 3.11 installed.

    python3 dev.py demo    extract the bundled examples with the offline backend
    python3 dev.py test    run the whole test suite (what CI runs)
    python3 dev.py bench   run the benchmarks (needs ../shared/corpus)
    python3 dev.py eval    score the rule backend on the dev and test splits of evals/gold against
                           evals/baseline.json (no field may drop; every result grounded), and
                           check that 95% of gold documents give the same records in six layouts
                           (each split is also scored in each layout, as a reviewer scores them);
                           with ../shared beside, also print the verdict accuracy on 301 labelled
                           realistic abstracts (evals/verdicts)
    python3 dev.py baseline   re-record evals/baseline.json (after an improvement you mean to keep)

The first call creates .venv/ and installs the project into it (editable, with
its dev tools); later calls reuse it, reinstalling when pyproject.toml changes.
"""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
STAMP = VENV / ".trialx-installed"
#: Largest drop of any field's F1 against the committed baseline before CI fails.
MAX_DROP = "0.02"
#: The gold set's splits (evals/split.json): dev is tuned on, test only scored.
SPLITS = ("dev", "test")
#: Share of gold documents that must give the same records in all six layouts (extractor/evaluation/layouts.py).
MIN_INVARIANCE = "0.95"


def _python() -> str:
    return str(BIN / ("python.exe" if os.name == "nt" else "python"))


def ensure_env() -> None:
    """Create the virtual environment and install the project when needed."""
    if sys.version_info < (3, 11):  # noqa: UP036 - this script must explain itself on an old Python
        sys.exit(f"trialx needs Python 3.11 or newer; this is {sys.version.split()[0]}")
    wanted = hashlib.sha256((ROOT / "pyproject.toml").read_bytes()).hexdigest()
    if STAMP.exists() and STAMP.read_text() == wanted:
        return
    if not BIN.exists():
        print("creating .venv ...", file=sys.stderr)
        venv.EnvBuilder(with_pip=True).create(VENV)
    print("installing trialx and its dependencies into .venv ...", file=sys.stderr)
    subprocess.run([_python(), "-m", "pip", "install", "--quiet", "--disable-pip-version-check",
                    "-e", f"{ROOT}[dev]"], check=True)
    STAMP.write_text(wanted)


def run(args: list[str]) -> int:
    return subprocess.call(args, cwd=ROOT)


def main(argv: list[str]) -> int:
    command = argv[0] if argv else "help"
    rest = argv[1:]
    if command not in {"demo", "test", "bench", "lint", "eval", "baseline"}:
        print(__doc__)
        return 0 if command in {"help", "-h", "--help"} else 2
    ensure_env()
    if command == "demo":
        out = ROOT / "out" / "examples.jsonl"
        out.parent.mkdir(exist_ok=True)
        return run([str(BIN / "trialx"), "extract", "examples/", "-o", str(out), "--overwrite", *rest])
    if command == "test":
        return run([_python(), "-m", "pytest", *rest])
    if command == "eval":
        (ROOT / "out").mkdir(exist_ok=True)
        codes = [run([str(BIN / "trialx"), "eval", "--gold", "evals/gold", "--split", split, "--layouts",
                      "--baseline", "evals/baseline.json", "--max-drop", MAX_DROP, "--min-grounded", "1.0",
                      "--json", f"out/eval-{split}.json", "--html", f"out/eval-{split}.html", *rest])
                 for split in SPLITS]
        codes.append(run([str(BIN / "trialx"), "eval", "--gold", "evals/gold", "--layouts",
                          "--min-invariance", MIN_INVARIANCE, "--json", "out/eval-layouts.json", *rest]))
        if (ROOT.parent / "shared" / "corpus" / "realistic").is_dir():  # verdicts on 301 more abstracts (not gated)
            codes.append(run([_python(), "evals/verdicts/score.py"]))
        return max(codes)
    if command == "baseline":
        (ROOT / "out").mkdir(exist_ok=True)
        reports = {}
        for split in SPLITS:
            if run([str(BIN / "trialx"), "eval", "--gold", "evals/gold", "--split", split,
                    "--json", f"out/eval-{split}.json", *rest]):
                return 2
            reports[split] = json.loads((ROOT / "out" / f"eval-{split}.json").read_text(encoding="utf-8"))
        (ROOT / "evals" / "baseline.json").write_text(json.dumps({"splits": reports}, indent=2) + "\n")
        return 0
    if command == "lint":
        return run([str(BIN / "ruff"), "check", "extractor", "tests", "benchmarks", "dev.py"])
    return run([_python(), "benchmarks/run.py", *rest])


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
