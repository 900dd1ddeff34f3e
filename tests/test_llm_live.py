"""Live test against a real OpenAI-compatible endpoint; skipped unless configured.

    TRIALX_LIVE_MODEL=gpt-4o-mini OPENAI_API_KEY=... python3 dev.py test -m live
    TRIALX_LIVE_BASE_URL=http://localhost:11434/v1 TRIALX_LIVE_MODEL=llama3.1 python3 dev.py test -m live

Optional: TRIALX_LIVE_MODE (tools, json_schema, json, md_json). The settings are read
at import, before the autouse fixture hides the environment from the other tests.
"""

from __future__ import annotations

import os

import pytest

from extractor.backends.llm import OpenAIBackend
from extractor.documents import Document
from tests.conftest import EXAMPLES

LIVE = {
    "model": os.environ.get("TRIALX_LIVE_MODEL"),
    "base_url": os.environ.get("TRIALX_LIVE_BASE_URL"),
    "mode": os.environ.get("TRIALX_LIVE_MODE", "tools"),
    "key": os.environ.get("TRIALX_LIVE_API_KEY") or os.environ.get("OPENAI_API_KEY"),
}

pytestmark = [
    pytest.mark.live,
    pytest.mark.skipif(not LIVE["model"] or not (LIVE["base_url"] or LIVE["key"]),
                       reason="set TRIALX_LIVE_MODEL and TRIALX_LIVE_BASE_URL or OPENAI_API_KEY to run"),
]


def test_a_real_model_extracts_a_grounded_record(tmp_path, monkeypatch):
    if LIVE["key"]:
        monkeypatch.setenv("TRIALX_LIVE_KEY_FOR_TEST", LIVE["key"])
    backend = OpenAIBackend(model=LIVE["model"], base_url=LIVE["base_url"], mode=LIVE["mode"],
                            api_key_env="TRIALX_LIVE_KEY_FOR_TEST", cache_dir=str(tmp_path / "cache"))
    text = (EXAMPLES / "bulletin-sarcoma-fr.txt").read_text(encoding="utf-8")
    result = backend.extract(Document(doc_id="live", text=text))
    assert result.is_trial_report and result.trials
    assert "NCT04028063" in {i for t in result.trials for i in t.registry_ids}
    results = [r for t in result.trials for r in t.results]
    assert results and all(text[r.evidence_start:].startswith(r.evidence) for r in results)
    assert result.usage.requests >= 1 and result.usage.prompt_tokens > 0
