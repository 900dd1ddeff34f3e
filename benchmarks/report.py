"""Where the benchmarks put their figures: benchmarks/results/<name>.json, for the README."""

from __future__ import annotations

import json
from pathlib import Path

RESULTS = Path(__file__).resolve().parent / "results"


def save(name: str, report: dict[str, object]) -> None:
    """Write ``report`` to benchmarks/results/``name``.json and print it."""
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / f"{name}.json").write_text(json.dumps(report, indent=2) + "\n")
    print(json.dumps(report, indent=2))
