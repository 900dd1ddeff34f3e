"""Gold files: hand-labelled records to score the extractor against.

A gold trial has the fields of a ``TrialRecord``, every one optional: a key that
is absent is not labelled and not scored; a key set to null (or []) means the
document does not say it. ``results_exhaustive: false`` (long full texts) scores
results for recall only. The JSON Schema in ``schemas/gold.schema.json`` is
generated from these models.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, create_model

from extractor.documents import Document
from extractor.models import TrialRecord


def _all_optional(model: type[BaseModel]) -> dict[str, Any]:
    fields: dict[str, Any] = {}
    for name, info in model.model_fields.items():
        if name == "role":
            fields[name] = (info.annotation, Field(..., description=info.description))
        else:
            # The annotation is a runtime type object here; mypy cannot see that.
            fields[name] = (info.annotation | None, Field(None, description=info.description))  # type: ignore[operator]
    return fields


GoldTrial: type[BaseModel] = create_model(  # type: ignore[call-overload]
    "GoldTrial",
    __config__=ConfigDict(extra="forbid"),
    __doc__="A trial as labelled: TrialRecord fields, each optional (absent = not labelled).",
    results_exhaustive=(
        bool,
        Field(True, description="False for long full texts: results are then scored for recall only."),
    ),
    **_all_optional(TrialRecord),
)


class GoldFile(BaseModel):
    """One hand-labelled document."""

    model_config = ConfigDict(extra="forbid", use_attribute_docstrings=True)

    doc_id: str
    """Id of the document; predictions are matched to gold by it."""
    source: str
    """Where the text came from."""
    title: str | None = None
    """Title given to the extractor separately from the text, if any."""
    text: str
    """The exact text given to the extractor; every evidence quote is a substring of it."""
    is_trial_report: bool
    """True when the document reports the design or results of a clinical trial in people."""
    trials: list[GoldTrial] = Field(default_factory=list)  # type: ignore[valid-type]
    """One labelled record per trial."""

    def document(self) -> Document:
        """The document to hand to a backend."""
        return Document(doc_id=self.doc_id, text=self.text, title=self.title, source=self.source)


def gold_schema() -> dict[str, Any]:
    """JSON Schema of a gold file."""
    schema = GoldFile.model_json_schema()
    return {"$schema": "https://json-schema.org/draft/2020-12/schema",
            "$id": "https://trialx.dev/schemas/gold.schema.json", **schema}


def load_gold(directory: str | Path) -> list[GoldFile]:
    """Every ``*.json`` gold file in ``directory``, sorted by file name.

    Raises:
        ValueError: a file is not valid JSON or not a valid gold file; the message names it.
    """
    files = sorted(Path(directory).glob("*.json"))
    out = []
    for path in files:
        try:
            out.append(GoldFile.model_validate(json.loads(path.read_text(encoding="utf-8"))))
        except (ValueError, json.JSONDecodeError) as exc:
            raise ValueError(f"{path}: {exc}") from exc
    return out
