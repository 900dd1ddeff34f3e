#!/usr/bin/env python3
"""``--workers 2`` against one process: speed-up and memory of ``trialx extract`` with the rule backend.

    .venv/bin/python benchmarks/workers.py [--corpus PATH] [--repeat N] [--workers N] [--no-x10] [--wait-idle S]

Runs ``trialx extract --workers 1`` and ``--workers N`` (default 2) back to back, as pairs: ``--repeat``
pairs over ../shared/corpus/bulk/pmc-abstracts.jsonl, then one over the same corpus ten times with fresh
ids; the speed-ups are the medians of the pairs' own. The machine may be shared: with ``--wait-idle``, a
pair starts once no other job competes for the cores, counts as undisturbed when the machine is idle
again after it, and pairs are run until ``--repeat`` were undisturbed (three times as many at most).

Each run is a child process; its summary gives the job's rate (documents over the job's time, from
the first document read to the last written), and its wall time includes start-up (imports, and the
workers' own). While it runs, the resident memory of the child and of its worker processes is sampled
every 0.25 s (a sampler that woke often would take CPU from the workers): ``peak_rss_mb`` is the largest
sum seen at one moment, ``sum_of_peaks_mb`` the sum of each process's own high-water mark (VmHWM, the
kernel's), an upper bound. CPU seconds of the child and of the workers it waited for come from
``getrusage``, and ``cores_used`` is their sum over the wall time. Linux only (/proc). The outputs of
both runs are compared: they must be the same bytes.
Figures go to benchmarks/results/workers.json for the README.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.report import children_cpu_s, save  # noqa: E402
from benchmarks.run import DEFAULT_CORPUS, times_ten  # noqa: E402


def _tree(pid: int) -> list[int]:
    """``pid`` and its descendants."""
    found, todo = [], [pid]
    while todo:
        current = todo.pop()
        found.append(current)
        try:
            todo += [int(c) for c in Path(f"/proc/{current}/task/{current}/children").read_text().split()]
        except OSError:
            continue
    return found


def _cpu_s(pid: int) -> float:
    """User and system CPU seconds of ``pid`` so far; 0 once it is gone."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _memory_kb(pid: int) -> tuple[int, int]:
    """(VmRSS, VmHWM) of ``pid`` in kB; zeros once it is gone."""
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return 0, 0
    values = {line.split(":")[0]: int(line.split()[1]) for line in status.splitlines() if line.startswith("Vm")}
    return values.get("VmRSS", 0), values.get("VmHWM", 0)


_BURN = "import time\nt, c = time.perf_counter(), time.process_time()\nwhile time.perf_counter() - t < 1: pass\n" \
        "print(time.process_time() - c)"


def _wait_idle(patience: float) -> bool:
    """Wait (up to ``patience`` seconds) until two busy loops of one second each get 90% of a core: no other job
    competes for the two cores. The machine is shared, and a CPU share is split between sessions, not processes."""
    deadline = time.monotonic() + patience
    while True:
        burners = [subprocess.Popen([sys.executable, "-c", _BURN], stdout=subprocess.PIPE) for _ in range(2)]
        if min(float(b.communicate()[0]) for b in burners) >= 0.9:
            return True
        if time.monotonic() > deadline:
            return False
        time.sleep(10)


def _run(corpus: Path, out: Path, workers: int) -> dict[str, Any]:
    summary = out.with_suffix(".summary.json")
    cmd = [sys.executable, "-m", "extractor", "extract", str(corpus), "-o", str(out), "--overwrite", "--no-progress",
           "--workers", str(workers), "--summary-json", str(summary)]
    log = out.with_suffix(".stderr")
    load = os.getloadavg()[0]  # other jobs on the machine: read the figures with it
    cpu_before = children_cpu_s()
    started = time.perf_counter()
    with open(log, "wb") as stderr:
        proc = subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=stderr)
    peak_total, job_cpu = 0, 0.0
    peaks: dict[int, int] = {}
    while proc.poll() is None:
        total = 0
        for pid in _tree(proc.pid):
            rss, hwm = _memory_kb(pid)
            total += rss
            if hwm:
                peaks[pid] = hwm
        peak_total = max(peak_total, total)
        job_cpu = max(job_cpu, _cpu_s(proc.pid))
        # Seldom: the sampler's own CPU would be taken from the workers, who keep both cores busy. The
        # high-water marks are the kernel's; only the sum at one moment depends on the sampling.
        time.sleep(0.25)
    wall = time.perf_counter() - started
    cpu = children_cpu_s() - cpu_before  # the job and every worker it waited for, exactly
    if proc.returncode not in (0, 1):
        sys.exit(log.read_text())
    data = json.loads(summary.read_text())
    return {
        "load_average": round(load, 2),
        "workers": data["workers"],
        "documents": data["documents"],
        "results": data["results"],
        "errors": data["errors"],
        "job_s": data["elapsed_s"],
        "docs_per_s": data["docs_per_s"],
        "wall_s_with_startup": round(wall, 2),
        "processes": len(peaks),
        # CPU seconds of the job's own process (its last sample, up to 0.25 s short) and of its workers.
        "cpu_s_job_process": round(job_cpu, 2),
        "cpu_s_other_processes": round(cpu - job_cpu, 2),
        # Cores kept busy on average: near 1 for one process and near 2 for two workers when nothing competed.
        "cores_used": round(cpu / wall, 2),
        "peak_rss_mb": round(peak_total / 1024, 1),
        "sum_of_peaks_mb": round(sum(peaks.values()) / 1024, 1),
        "peak_mb_job_process": round(peaks.get(proc.pid, 0) / 1024, 1),
        "peaks_mb_other_processes": sorted(round(kb / 1024, 1) for pid, kb in peaks.items() if pid != proc.pid),
    }


def _compare(one: Path, many: Path) -> None:
    if one.read_bytes() != many.read_bytes():
        sys.exit(f"the outputs differ: {one} and {many}")


def _pair(corpus: Path, work: Path, workers: int, repeat: int, patience: float) -> dict[str, Any]:
    """Pairs of runs, one process then ``workers``, back to back, until ``repeat`` pairs ran undisturbed (with
    ``patience``: the machine idle before and after the pair; three times as many pairs at most); the speed-ups
    are the medians of the undisturbed pairs' (of every pair without ``patience``)."""
    pairs: list[dict[str, Any]] = []
    while sum(p["undisturbed"] is not False for p in pairs) < repeat and len(pairs) < 3 * repeat:
        before = _wait_idle(patience) if patience else None
        one, many = _run(corpus, work / "one.jsonl", 1), _run(corpus, work / "many.jsonl", workers)
        _compare(work / "one.jsonl", work / "many.jsonl")
        pairs.append({
            "undisturbed": (before and _wait_idle(0)) if patience else None,
            "speedup_job": round(many["docs_per_s"] / one["docs_per_s"], 2),
            "speedup_wall": round(one["wall_s_with_startup"] / many["wall_s_with_startup"], 2),
            "one_process": one,
            f"workers_{workers}": many,
        })
        print(f"  {corpus.name}: 1 process {one['docs_per_s']} docs/s, {workers} workers {many['docs_per_s']} docs/s "
              f"(x{pairs[-1]['speedup_job']}; wall {one['wall_s_with_startup']} s and {many['wall_s_with_startup']} s, "
              f"x{pairs[-1]['speedup_wall']}); undisturbed: {pairs[-1]['undisturbed']}", flush=True)
    kept = [p for p in pairs if p["undisturbed"] is not False]
    return {
        "speedup_job": statistics.median(p["speedup_job"] for p in kept) if kept else None,
        "speedup_wall": statistics.median(p["speedup_wall"] for p in kept) if kept else None,
        "undisturbed_pairs": len(kept),
        "same_output": True,
        "pairs": pairs,
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--repeat", type=int, default=3, help="pairs of runs over the 1x corpus; the median is kept")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--no-x10", action="store_true", help="skip the ten-times corpus")
    parser.add_argument("--wait-idle", type=float, default=0, metavar="SECONDS",
                        help="before each pair of runs, wait up to this long for no other job to compete")
    args = parser.parse_args()
    if not args.corpus.exists():
        print(f"corpus not found: {args.corpus} (pass --corpus)", file=sys.stderr)
        return 2
    report: dict[str, Any] = {
        "date": time.strftime("%Y-%m-%d %H:%M"),
        "machine": f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}",
        "load_average_before": os.getloadavg()[0],
        "corpus": args.corpus.name,
    }
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        report["x1"] = _pair(args.corpus, work, args.workers, max(1, args.repeat), args.wait_idle)
        if not args.no_x10:
            big = work / "x10.jsonl"
            times_ten(args.corpus, big)
            report["x10"] = _pair(big, work, args.workers, 1, args.wait_idle)
            for name in ("one_process", f"workers_{args.workers}"):  # memory does not depend on other jobs
                small, large = report["x1"]["pairs"][0][name], report["x10"]["pairs"][0][name]
                report[f"memory_growth_x10_vs_x1_{name}"] = round(large["peak_rss_mb"] / small["peak_rss_mb"], 2)
    report["load_average_after"] = os.getloadavg()[0]
    save("workers", report)
    return 0


if __name__ == "__main__":
    sys.exit(main())
