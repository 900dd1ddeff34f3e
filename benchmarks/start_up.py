#!/usr/bin/env python3
"""Start-up time of the rule backend: importing it, and ``trialx extract`` on one abstract.

    .venv/bin/python benchmarks/start_up.py [--runs N]

Every ``trialx`` command and every worker process imports the rule backend, which compiles its
patterns. This runs, ``--runs`` times each (default 5), a fresh ``python -c "import
extractor.backends.rules"`` and a ``trialx extract`` of the first abstract of the bulk corpus, and
reports the median wall time and the median CPU time (user + system) of each: CPU time drifts less
than wall time with the machine's load. Each is run twice over: with the compiled patterns kept from
an earlier run (``patterns.keep_compiled``, in a temporary directory: what every run after the first
one sees), and with none kept (``TRIALX_PATTERN_CACHE=off``: every pattern compiled). Python's own
bytecode cache is on, as for a user (one run first writes it). Figures go to
benchmarks/results/start_up.json.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from report import children_cpu_s, save  # benchmarks/report.py (the scripts run from benchmarks/)

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus" / "bulk" / "pmc-abstracts.jsonl"


def _timed(cmd: list[str], env: dict[str, str]) -> tuple[float, float]:
    """(wall seconds, CPU seconds) of one run of ``cmd``."""
    cpu, wall = children_cpu_s(), time.perf_counter()
    subprocess.run(cmd, cwd=ROOT, env=env, check=True, capture_output=True)
    return time.perf_counter() - wall, children_cpu_s() - cpu


def _medians(cmd: list[str], runs: int, env: dict[str, str]) -> dict[str, float]:
    _timed(cmd, env)  # writes the bytecode and the kept patterns
    times = [_timed(cmd, env) for _ in range(runs)]
    return {"wall_s": round(statistics.median(t[0] for t in times), 3),
            "cpu_s": round(statistics.median(t[1] for t in times), 3)}


def _both(cmd: list[str], runs: int, kept: Path) -> dict[str, dict[str, float]]:
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    return {"patterns_kept": _medians(cmd, runs, {**env, "TRIALX_PATTERN_CACHE": str(kept)}),
            "patterns_compiled": _medians(cmd, runs, {**env, "TRIALX_PATTERN_CACHE": "off"})}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        one = Path(tmp) / "one.jsonl"
        with args.corpus.open(encoding="utf-8") as lines:
            one.write_text(json.dumps(json.loads(next(lines))) + "\n", encoding="utf-8")
        out = Path(tmp) / "out.jsonl"
        report = {
            "python": sys.version.split()[0],
            "runs": args.runs,
            "import_rules": _both([sys.executable, "-c", "import extractor.backends.rules"], args.runs, Path(tmp)),
            "extract_one_abstract": _both([sys.executable, "-m", "extractor", "extract", str(one), "-o", str(out),
                                           "--overwrite", "--no-progress", "--workers", "1"], args.runs, Path(tmp)),
            "load_average": round(os.getloadavg()[0], 1),
        }
    save("start_up", report)
    return 0


if __name__ == "__main__":
    sys.exit(main())
