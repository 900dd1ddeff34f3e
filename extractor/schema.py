"""JSON Schema generated from the record models (never edited by hand)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from extractor.models import DocumentResult

#: Committed copy, checked against the models by the test suite.
SCHEMA_FILE = Path(__file__).resolve().parent.parent / "schemas" / "document-result.schema.json"
SCHEMA_ID = "https://trialx.dev/schemas/document-result.schema.json"


def document_schema() -> dict[str, Any]:
    """Return the JSON Schema of one output line (a ``DocumentResult``)."""
    schema = DocumentResult.model_json_schema(mode="serialization")
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", "$id": SCHEMA_ID, **schema}


def render(schema: dict[str, Any]) -> str:
    """Serialise a schema the way it is committed: sorted keys, two-space indent."""
    return json.dumps(schema, indent=2, sort_keys=True, ensure_ascii=False) + "\n"
