"""Two eval reports side by side (``trialx compare``): per-field F1 deltas and the documents that moved."""

from __future__ import annotations

from typing import Any


def _document_f1(doc: dict[str, Any]) -> float | None:
    tp = sum(c["tp"] for c in doc["fields"].values())
    fp = sum(c["fp"] for c in doc["fields"].values())
    fn = sum(c["fn"] for c in doc["fields"].values())
    return 2 * tp / (2 * tp + fp + fn) if tp + fp + fn else None


def compare(before: dict[str, Any], after: dict[str, Any]) -> dict[str, Any]:
    """Per-field F1 deltas, and documents whose micro F1 over all fields changed, worst first."""
    fields = {}
    for name in dict.fromkeys([*before["fields"], *after["fields"]]):
        a = before["fields"].get(name, {}).get("f1")
        b = after["fields"].get(name, {}).get("f1")
        fields[name] = {"before": a, "after": b, "delta": None if a is None or b is None else round(b - a, 4)}
    documents = []
    for doc_id in dict.fromkeys([*before["documents"], *after["documents"]]):
        a = _document_f1(before["documents"][doc_id]) if doc_id in before["documents"] else None
        b = _document_f1(after["documents"][doc_id]) if doc_id in after["documents"] else None
        if a is not None and b is not None and abs(b - a) > 1e-9:
            documents.append({"doc_id": doc_id, "before": round(a, 4), "after": round(b, 4), "delta": round(b - a, 4)})
    documents.sort(key=lambda d: d["delta"])
    headline = {k: {"before": before["headline"].get(k), "after": after["headline"].get(k)}
                for k in ("field_f1", "results_f1", "grounded_share")}
    return {"headline": headline, "fields": fields, "documents": documents}
