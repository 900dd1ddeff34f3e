"""House rules that CI holds: ruff clean, mypy clean on the package."""

from __future__ import annotations

import subprocess
import sys

from tests.conftest import ROOT


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", *args], cwd=ROOT, capture_output=True, text=True, timeout=600)


def test_ruff_is_clean():
    proc = _run("ruff", "check", "extractor", "tests", "benchmarks", "dev.py")
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_mypy_is_clean():
    proc = _run("mypy", "extractor")
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_the_extraction_pipeline_never_imports_the_eval_harness():
    # The tree shows two jobs: extraction (extractor/, backends/) and evaluation (extractor/evaluation/).
    code = ("import sys, extractor, extractor.pipeline, extractor.api, extractor.cli, extractor.backends.rules, "
            "extractor.backends.llm; print(sorted(m for m in sys.modules if m.startswith('extractor.evaluation')))")
    proc = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == "[]"
    import importlib

    for name in ("gold", "scoring", "harness", "layouts", "report_html", "compare"):
        assert importlib.import_module(f"extractor.evaluation.{name}").__doc__
