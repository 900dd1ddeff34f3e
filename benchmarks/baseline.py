#!/usr/bin/env python3
"""Peak memory on a PubMed baseline-shaped file: 3,000 and 30,000 records, gzipped.

    .venv/bin/python benchmarks/baseline.py [--records N] [--no-extract]

Builds the files from the local corpora (../shared/corpus/bulk and realistic, cycled, with
fresh PMIDs and a closing <DeleteCitation> of 500 PMIDs; see extractor/testing/pubmed_baseline.py),
then measures, each in its own child process: reading every document (the reader alone), and
``trialx extract`` over the file (rule backend). Peak resident memory is the child's own high-water
mark (VmHWM in /proc/self/status: ru_maxrss would carry over the parent's from before exec).
Figures go to benchmarks/results/baseline.json for the README.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from report import save  # benchmarks/report.py (the scripts run from benchmarks/)

ROOT = Path(__file__).resolve().parent.parent
CORPORA = [ROOT.parent / "shared" / "corpus" / "bulk" / "pmc-abstracts.jsonl",
           ROOT.parent / "shared" / "corpus" / "realistic" / "ei-oncology-300.jsonl"]
DELETED = 500

# Run in a child: read every document of argv[1]; print counts and the child's own peak memory.
_PEAK_MB = """
def peak_mb():
    status = open("/proc/self/status").read()
    return round(int(status.split("VmHWM:")[1].split()[0]) / 1024, 1)
"""
_READ_ONLY = _PEAK_MB + """
import json, sys
from extractor.documents import Document
from extractor.readers import ReadStats, input_files, read_files
stats = ReadStats()
documents = sum(isinstance(item, Document) for item in read_files(input_files([sys.argv[1]]), stats=stats))
print(json.dumps({"documents": documents, "deleted": stats.deleted, "peak_rss_mb": peak_mb()}))
"""

# Run in a child: trialx extract, then the child's own peak memory.
_EXTRACT = _PEAK_MB + """
import sys
from extractor.cli import app
try:
    app(sys.argv[1:])
except SystemExit as exc:
    code = exc.code
print(peak_mb())
sys.exit(0 if code in (0, 1) else code)
"""


def _records() -> list[dict[str, object]]:
    return [json.loads(line) for corpus in CORPORA for line in corpus.read_text(encoding="utf-8").splitlines()]


def _read_only(path: Path) -> dict[str, object]:
    started = time.perf_counter()
    proc = subprocess.run([sys.executable, "-c", _READ_ONLY, str(path)], cwd=ROOT, capture_output=True, check=True)
    return {**json.loads(proc.stdout), "wall_s": round(time.perf_counter() - started, 2)}


def _extract(path: Path, work: Path) -> dict[str, object]:
    summary = work / "summary.json"
    # One process (--workers 1): the peak measured is the child's own (benchmarks/workers.py measures workers).
    cmd = [sys.executable, "-c", _EXTRACT, "extract", str(path), "-o", str(work / "out.jsonl"), "--overwrite",
           "--no-progress", "--workers", "1", "--summary-json", str(summary)]
    proc = subprocess.run(cmd, cwd=ROOT, capture_output=True)
    if proc.returncode:
        sys.exit(proc.stderr.decode())
    data = json.loads(summary.read_text())
    return {"documents": data["documents"], "deleted_citations": data["deleted_citations"],
            "docs_per_s": data["docs_per_s"], "peak_rss_mb": float(proc.stdout.split()[-1])}


def main() -> int:
    sys.path.insert(0, str(ROOT))
    from extractor.testing.pubmed_baseline import write_baseline

    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--records", type=int, default=30_000, help="records of the large file (30,000)")
    parser.add_argument("--no-extract", action="store_true", help="measure the reader alone")
    args = parser.parse_args()
    missing = [str(corpus) for corpus in CORPORA if not corpus.exists()]
    if missing:
        print(f"corpus not found: {', '.join(missing)}", file=sys.stderr)
        return 2
    records = _records()
    report: dict[str, object] = {
        "date": time.strftime("%Y-%m-%d"),
        "machine": f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}",
    }
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        for count in (args.records // 10, args.records):
            path = write_baseline(work / f"pubmed-{count}.xml.gz", records, count, deleted=range(1, DELETED + 1))
            found: dict[str, object] = {"file_mb": round(path.stat().st_size / 2**20, 1), "read": _read_only(path)}
            if not args.no_extract:
                found["extract"] = _extract(path, work)
            report[f"records_{count}"] = found
            print(f"{count} records ({found['file_mb']} MB gzipped): {json.dumps(found)}", flush=True)
    small, large = report[f"records_{args.records // 10}"], report[f"records_{args.records}"]
    for stage in ("read", "extract"):
        if stage in large:  # type: ignore[operator]
            growth = large[stage]["peak_rss_mb"] / small[stage]["peak_rss_mb"]  # type: ignore[index]
            report[f"{stage}_memory_growth_x10"] = round(growth, 2)
    save("baseline", report)
    return 0


if __name__ == "__main__":
    sys.exit(main())
