"""The eval harness: extract (or load) predictions for a gold set, score them, gate on them."""

from __future__ import annotations

import json
import time
from pathlib import Path
from typing import Any

from extractor.api import run_documents
from extractor.backends import DEFAULT_BACKEND, Backend
from extractor.documents import DocumentError
from extractor.evaluation.gold import GoldFile, load_gold
from extractor.evaluation.scoring import RECORD_FIELDS, RESULT_FIELDS, Report, score_all
from extractor.models import DocumentResult
from extractor.output import iter_json_lines


def predict(gold: list[GoldFile], backend: str | Backend = DEFAULT_BACKEND,
            concurrency: int | None = None) -> dict[str, DocumentResult]:
    """Run a backend on each gold document's text (an LLM backend ``concurrency`` documents at a
    time); failures predict nothing for that document."""
    out: dict[str, DocumentResult] = {}

    def keep(outcome: DocumentResult | DocumentError) -> None:
        if not isinstance(outcome, DocumentError):
            out[outcome.doc_id] = outcome

    run_documents((g.document() for g in gold), keep, backend=backend, concurrency=concurrency)
    return out


def load_predictions(path: str | Path) -> dict[str, DocumentResult]:
    """Predictions from a ``trialx extract`` output file, by doc_id."""
    return {obj["doc_id"]: DocumentResult.model_validate(obj) for _, obj in iter_json_lines(path) if "doc_id" in obj}


def label_of(backend: str | Backend | None) -> str:
    """How a report names what it scored: ``rules``, or ``openai:MODEL:PROMPT@N`` for a model."""
    if backend is None or isinstance(backend, str):
        return backend or DEFAULT_BACKEND
    parts = [backend.name, getattr(backend, "model", None), getattr(getattr(backend, "prompt", None), "label", None)]
    return ":".join(p for p in parts if p)


SPLITS = ("dev", "test")


def default_manifest(gold_dir: str | Path) -> Path:
    """Where the split manifest of a gold directory lives: ``split.json`` beside it."""
    return Path(gold_dir).resolve().parent / "split.json"


def locked_ids(gold_dir: str | Path, manifest: str | Path | None = None) -> set[str]:
    """The documents of the locked test split, when the gold directory has a split manifest (else none).

    Their per-document details are not printed: the test split is scored, never read while writing rules.
    """
    try:
        return set(read_json(manifest or default_manifest(gold_dir))["test"])
    except (OSError, KeyError, TypeError, ValueError):
        return set()


def select_split(gold: list[GoldFile], split: str, manifest: str | Path) -> list[GoldFile]:
    """The gold files of one split (``dev`` or ``test``) as the manifest lists them.

    Raises:
        ValueError: an unknown split, an unreadable manifest, or a manifest naming a
            document that has no gold file.
    """
    if split not in SPLITS:
        raise ValueError(f"unknown split {split!r}; choose one of: {', '.join(SPLITS)}")
    try:
        wanted = set(read_json(manifest)[split])
    except (OSError, KeyError, ValueError) as exc:
        raise ValueError(f"cannot read the {split} split from {manifest}: {exc}") from None
    missing = wanted - {g.doc_id for g in gold}
    if missing:
        names = ", ".join(sorted(missing))
        raise ValueError(f"{manifest}: the {split} split names documents without gold files: {names}")
    return [g for g in gold if g.doc_id in wanted]


def load_selected(gold_dir: str | Path, split: str | None = None, manifest: str | Path | None = None) -> list[GoldFile]:
    """The gold files in ``gold_dir``, or one split of them.

    Raises:
        ValueError: no gold files, or a split that cannot be read (see ``select_split``).
    """
    gold = load_gold(gold_dir)
    if not gold:
        raise ValueError(f"no gold files (*.json) in {gold_dir}")
    return select_split(gold, split, manifest or default_manifest(gold_dir)) if split is not None else gold


def evaluate(gold_dir: str | Path, *, backend: str | Backend = DEFAULT_BACKEND,
             predictions: str | Path | None = None, concurrency: int | None = None,
             split: str | None = None, manifest: str | Path | None = None) -> Report:
    """Score a backend (or a predictions file) on the gold files in ``gold_dir`` (one split of them)."""
    started = time.perf_counter()
    gold = load_selected(gold_dir, split, manifest)
    predicted = load_predictions(predictions) if predictions else predict(gold, backend, concurrency)
    report = score_all(gold, predicted)
    report.seconds = time.perf_counter() - started
    return report


def layout_invariance(gold: list[GoldFile], backend: str | Backend = DEFAULT_BACKEND) -> dict[str, Any]:
    """Each gold document in every layout of ``extractor.evaluation.layouts``: how many give the same records."""
    from extractor.backends import get_backend
    from extractor.evaluation.layouts import LAYOUTS, check

    engine = get_backend(backend) if isinstance(backend, str) else backend
    by_layout: dict[str, dict[str, DocumentResult]] = {layout: {} for layout in LAYOUTS}
    found = check((g.document() for g in gold), engine.extract,
                  keep=lambda layout, result: by_layout[layout].__setitem__(result.doc_id, result))
    scores = {layout: score_all(gold, predicted) for layout, predicted in by_layout.items()}
    return {"layouts": list(LAYOUTS), "documents": found.documents, "same": found.same, "rate": _r(found.rate),
            "scores": {layout: {"field_f1": _r(score.field_f1), "results_f1": _r(score.results_f1)}
                       for layout, score in scores.items()},
            "differences": found.differences}


def _r(value: float | None) -> float | None:
    return None if value is None else round(value, 4)


def report_dict(report: Report, *, label: str = "", split: str | None = None) -> dict[str, Any]:
    """The report as JSON-ready data (``--json``; the baseline format)."""
    return {
        "label": label,
        "split": split,
        "headline": {
            "field_f1": _r(report.field_f1),
            "results_f1": _r(report.results_f1),
            "grounded_share": _r(report.grounded_share),
            "documents": len(report.documents),
            "seconds": round(report.seconds, 2),
        },
        "unpredicted": report.unpredicted,
        "fields": {
            name: {"tp": c.tp, "fp": c.fp, "fn": c.fn, "precision": _r(c.precision), "recall": _r(c.recall),
                   "f1": _r(c.f1), "support": c.support}
            for name, c in report.fields.items()
        },
        "documents": {
            d.doc_id: {
                "fields": {n: {"tp": c.tp, "fp": c.fp, "fn": c.fn} for n, c in d.fields.items()},
                "results": [
                    {"status": m.status, "trial": m.trial,
                     "gold": m.gold.model_dump(mode="json") if m.gold else None,
                     "predicted": m.predicted.model_dump(mode="json") if m.predicted else None}
                    for m in d.results
                ],
                "grounded": d.grounded,
                "predicted_results": d.predicted_results,
            }
            for d in report.documents
        },
    }


def gate(report: dict[str, Any], *, fail_under: float | None = None, baseline: dict[str, Any] | None = None,
         max_drop: float = 0.0, min_grounded: float | None = None, min_invariance: float | None = None) -> list[str]:
    """Reasons the quality gate fails (empty: it passes).

    A baseline holding several splits (``{"splits": {"dev": report, "test": report}}``)
    is compared split by split.
    """
    reasons = []
    field_f1 = report["headline"]["field_f1"]
    if fail_under is not None and (field_f1 is None or field_f1 < fail_under):
        reasons.append(f"field F1 {field_f1} is under {fail_under}")
    grounded = report["headline"]["grounded_share"]
    if min_grounded is not None and grounded is not None and grounded < min_grounded:
        reasons.append(f"grounded share {grounded} is under {min_grounded}")
    rate = report.get("layouts", {}).get("rate")
    if min_invariance is not None and (rate is None or rate < min_invariance):
        reasons.append(f"layout invariance {rate} is under {min_invariance} (or was not measured: --layouts)")
    if baseline is not None and "splits" in baseline:
        baseline = baseline["splits"].get(report.get("split") or "all")
        if baseline is None:
            reasons.append(f"the baseline has no {report.get('split') or 'all'} split")
    if baseline is not None:
        for name in (*RECORD_FIELDS, *RESULT_FIELDS):
            before = baseline.get("fields", {}).get(name, {}).get("f1")
            now = report["fields"].get(name, {}).get("f1")
            if before is None:
                continue
            if now is None or before - now > max_drop + 1e-9:
                reasons.append(f"{name}: F1 {before} -> {now} (drop over {max_drop})")
    return reasons


def read_json(path: str | Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(Path(path).read_text(encoding="utf-8"))
    return data
