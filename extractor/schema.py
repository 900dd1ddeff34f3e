"""JSON Schema generated from the record models (never edited by hand)."""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path
from typing import Any

from extractor.models import DocumentResult

#: Committed copies, checked against the models by the test suite and ``trialx schema --check``.
#: Package data (``extractor/schemas`` links to the top-level ``schemas/`` in the source tree).
SCHEMA_DIR = Path(str(resources.files("extractor") / "schemas"))
SCHEMA_FILE = SCHEMA_DIR / "document-result.schema.json"
GOLD_SCHEMA_FILE = SCHEMA_DIR / "gold.schema.json"
SCHEMA_ID = "https://trialx.dev/schemas/document-result.schema.json"


def document_schema() -> dict[str, Any]:
    """Return the JSON Schema of one output line (a ``DocumentResult``)."""
    schema = DocumentResult.model_json_schema(mode="serialization")
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", "$id": SCHEMA_ID, **schema}


def render(schema: dict[str, Any]) -> str:
    """Serialise a schema the way it is committed: sorted keys, two-space indent."""
    return json.dumps(schema, indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def committed() -> dict[Path, str]:
    """Each committed schema file and the text the models generate for it."""
    from extractor.evaluation.gold import gold_schema  # gold models build on the record models

    return {SCHEMA_FILE: render(document_schema()), GOLD_SCHEMA_FILE: render(gold_schema())}
