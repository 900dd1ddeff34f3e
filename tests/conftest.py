"""Shared fixtures: paths to the bundled examples, and a runner for the CLI."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from extractor.testing.cdp import CHROMIUM_FLAGS  # noqa: F401  (one list for every browser test)

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
SHARED = ROOT.parent / "shared"


@pytest.fixture(autouse=True)
def _isolated_state(tmp_path, monkeypatch):
    """Caches and state go to tmp_path; no test sees a real endpoint's settings."""
    for name in list(os.environ):
        if name.startswith(("TRIALX_", "OPENAI_")):
            monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("TRIALX_CACHE_DIR", str(tmp_path / "cache"))
    # The tests of other features count requests and queue faults for documents: they run with a
    # given mode, so that no mode-detection probe is among them (tests/test_llm_modes.py tests auto).
    monkeypatch.setenv("TRIALX_MODE", "tools")


@pytest.fixture
def fake_openai():
    """The project's fake OpenAI-compatible server on an ephemeral loopback port (answers: the rule backend's)."""
    from extractor.testing.fake_openai import FakeOpenAI

    with FakeOpenAI() as server:
        yield server


def run_cli(*args: str, stdin: bytes | None = None, cwd: Path | None = None) -> subprocess.CompletedProcess[bytes]:
    """Run ``trialx`` as a user would, in a subprocess."""
    env = dict(os.environ, COLUMNS="120")
    return subprocess.run(
        [sys.executable, "-m", "extractor", *args],
        input=stdin, capture_output=True, cwd=cwd or ROOT, env=env, timeout=300,
    )


def read_jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


@pytest.fixture(scope="session")
def chromium() -> str:
    """Debian's chromium; tests never install system packages, so a machine without it skips
    (CI installs it in .ci/run)."""
    import shutil

    path = shutil.which("chromium")
    if path is None:
        pytest.skip("Debian's chromium is not installed (apt-get install chromium; .ci/run installs it)")
    return path
