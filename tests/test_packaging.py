"""The wheel carries everything trialx reads at run time: installed into a bare target
directory (no source tree beside it), it finds its prompts and schemas as package data."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from tests.conftest import EXAMPLES, ROOT, read_jsonl


def _run(args: list[str], cwd: Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(args, cwd=cwd, env=env, capture_output=True, text=True, timeout=300)


@pytest.fixture(scope="module")
def installed(tmp_path_factory) -> Path:
    """The project built as a wheel (offline: the dev tools' setuptools) and unpacked into a bare directory."""
    work = tmp_path_factory.mktemp("wheel")
    source = work / "source"  # a clean copy: an in-tree build would reuse a stale build/ directory
    shutil.copytree(ROOT, source, symlinks=True, ignore=shutil.ignore_patterns(
        ".git", ".venv", "build", "dist", "*.egg-info", "out", "__pycache__", ".*_cache", "evals", "benchmarks"))
    built = _run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "--quiet",
                  "--wheel-dir", str(work / "dist"), str(source)], cwd=work)
    assert built.returncode == 0, built.stderr
    wheel = next((work / "dist").glob("trialx-*.whl"))
    target = work / "target"
    # A pure-Python wheel is installed into a bare directory by unpacking it (what pip's --target does
    # for it, scripts aside): nothing is installed anywhere else.
    with zipfile.ZipFile(wheel) as archive:
        archive.extractall(target)
    return target


def _env(target: Path) -> dict[str, str]:
    """Only the target directory on the path (the dependencies come from this interpreter's site-packages)."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("TRIALX_", "OPENAI_"))}
    return {**env, "PYTHONPATH": str(target), "TRIALX_CACHE_DIR": str(target.parent / "cache")}


def test_the_wheel_is_imported_from_the_target_not_the_source_tree(installed, tmp_path):
    found = _run([sys.executable, "-c", "import extractor; print(extractor.__file__)"], tmp_path, _env(installed))
    assert Path(found.stdout.strip()).is_relative_to(installed), found.stdout + found.stderr
    assert not (installed / "extractor" / "prompts").is_symlink()  # real files, not the source tree's link
    bundled = sorted(p.name for p in (ROOT / "prompts" / "extract").glob("v*.md"))
    assert sorted(p.name for p in (installed / "extractor" / "prompts" / "extract").iterdir()) == bundled
    assert bundled[:3] == ["v1.md", "v2.md", "v3.md"]


def test_the_installed_wheel_checks_its_schemas(installed, tmp_path):
    checked = _run([sys.executable, "-m", "extractor", "schema", "--check"], tmp_path, _env(installed))
    assert checked.returncode == 0, checked.stderr
    assert "up to date" in checked.stderr


def test_the_installed_wheel_extracts_with_its_bundled_prompt(installed, tmp_path, fake_openai):
    out = tmp_path / "out.jsonl"
    done = _run([sys.executable, "-m", "extractor", "extract", str(EXAMPLES / "scraped-alter-e-003.txt"), "-o",
                 str(out), "--backend", "openai", "--base-url", fake_openai.base_url, "--model", "fake-model"],
                tmp_path, _env(installed))
    assert done.returncode == 0, done.stderr
    (record,) = read_jsonl(out)
    assert record["prompt"] == "extract@2" and record["trials"]
    *probes, request = fake_openai.chat_requests()  # --mode auto (the default) probes the endpoint first
    assert len(probes) == 1 and request.document != probes[0].document
    system = next(m["content"] for m in request.body["messages"] if m["role"] == "system")
    assert system == (ROOT / "prompts" / "extract" / "v2.md").read_text(encoding="utf-8")
    assert json.loads(json.dumps(record))["doc_id"]  # a whole, parseable record


def test_the_installed_wheel_serves_the_review_app(installed, tmp_path):
    """The review app's page, script and style are package data: served from the wheel, not the source tree."""
    run = tmp_path / "run.jsonl"
    run.write_text(json.dumps({"doc_id": "d", "is_trial_report": False, "trials": []}) + "\n")
    code = """
import http.client, sys, threading
from pathlib import Path
import extractor.review
from extractor.review import Review, ReviewServer
server = ReviewServer(Review(sys.argv[1], gold_dir=Path(sys.argv[1]).parent / "gold"))
threading.Thread(target=server.serve_forever, daemon=True).start()
print(extractor.review.__file__)
for route in ("", "app.js", "app.css"):
    connection = http.client.HTTPConnection("127.0.0.1", server.port, timeout=30)
    connection.request("GET", f"/t/{server.token}/{route}", headers={"Host": f"127.0.0.1:{server.port}"})
    response = connection.getresponse()
    print(route or "/", response.status, len(response.read()))
"""
    served = _run([sys.executable, "-c", code, str(run)], tmp_path, _env(installed))
    assert served.returncode == 0, served.stderr
    where, *lines = served.stdout.splitlines()
    assert Path(where).is_relative_to(installed)
    assert [line.split()[:2] for line in lines] == [["/", "200"], ["app.js", "200"], ["app.css", "200"]]
    assert all(int(line.split()[2]) > 1000 for line in lines)
