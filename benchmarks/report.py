"""What the benchmarks share: where they put their figures (benchmarks/results/<name>.json, for the README), and
the CPU time of the commands they time."""

from __future__ import annotations

import json
import resource
from pathlib import Path

RESULTS = Path(__file__).resolve().parent / "results"


def save(name: str, report: dict[str, object]) -> None:
    """Write ``report`` to benchmarks/results/``name``.json and print it."""
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / f"{name}.json").write_text(json.dumps(report, indent=2) + "\n")
    print(json.dumps(report, indent=2))


def children_cpu_s() -> float:
    """User and system CPU seconds of the children this process has waited for (and of theirs)."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime
