"""Two runs' records of one document side by side, with the gold file's values where it has them.

Trials are paired as the scorer pairs them (registry id, acronym, interventions, the single
reported trial), and results as the scorer matches them (endpoint, measure, unit, value,
arm and subgroup); each row is one field, or one result, on every side.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel

from extractor.evaluation.gold import GoldFile
from extractor.evaluation.report_html import describe
from extractor.evaluation.scoring import pair_trials, results_match
from extractor.models import DocumentResult, Result


def _show(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return ", ".join(_show(v) for v in value) if value else "[]"
    return str(value)


def _flat(value: Any, prefix: str, out: dict[str, str]) -> dict[str, str]:
    """Leaves of a dumped record as ``path -> shown value`` (``arms[0].interventions[1].name``)."""
    if isinstance(value, dict):
        for key, item in value.items():
            _flat(item, f"{prefix}.{key}" if prefix else key, out)
    elif isinstance(value, list) and any(isinstance(item, dict) for item in value):
        for i, item in enumerate(value):
            _flat(item, f"{prefix}[{i}]", out)
    else:
        out[prefix] = _show(value)
    return out


def _fields(trial: BaseModel | None, *, labelled_only: bool = False) -> dict[str, str] | None:
    if trial is None:
        return None
    data = trial.model_dump(mode="json", exclude_unset=labelled_only, exclude={"results"})
    return _flat(data, "", {})


def _results(trial: BaseModel | None) -> list[Result]:
    return list(getattr(trial, "results", None) or []) if trial is not None else []


def _groups(a: list[Result], b: list[Result], g: list[Result]) -> list[list[Result | None]]:
    """Results of both runs and the gold, grouped by the scorer's match, each used once."""
    groups: list[list[Result | None]] = [[r, None, None] for r in a]
    for r in b:
        slot = next((x for x in groups if x[1] is None and x[0] is not None and results_match(x[0], r)), None)
        if slot is not None:
            slot[1] = r
        else:
            groups.append([None, r, None])
    for r in g:
        slot = next((x for x in groups if x[2] is None and any(y is not None and results_match(r, y) for y in x[:2])),
                    None)
        if slot is not None:
            slot[2] = r
        else:
            groups.append([None, None, r])
    return groups


def _show_result(result: Result | None) -> str | None:
    return describe(result.model_dump(mode="json")) if result is not None else None


def _row(field: str, run: str | None, other: str | None, gold: str | None) -> dict[str, Any]:
    return {"field": field, "run": run, "other": other, "gold": gold, "differs": run != other}


def _trial_triples(run: list[Any], other: list[Any], gold: list[Any]) -> list[tuple[Any, Any, Any]]:
    """(run trial, other trial, gold trial) as the scorer pairs them; None where a side has no partner."""
    paired = dict(pair_trials(run, other))
    triples: list[tuple[Any, Any, Any]] = [(t, other[paired[i]] if i in paired else None, None)
                                           for i, t in enumerate(run)]
    triples += [(None, t, None) for j, t in enumerate(other) if j not in paired.values()]
    shown = [a if a is not None else b for a, b, _ in triples]
    for gi, ti in pair_trials(gold, shown):
        triples[ti] = (*triples[ti][:2], gold[gi])
    used = {id(t[2]) for t in triples}
    triples += [(None, None, g) for g in gold if id(g) not in used]
    return triples


def side_by_side(run: DocumentResult | None, other: DocumentResult | None,
                 gold: GoldFile | None) -> list[dict[str, Any]]:
    """Rows ``{field, run, other, gold, differs}`` of one document; ``differs`` compares the two runs.

    A side without the document or the trial shows None; the gold shows None for a field it
    does not label.
    """
    rows = [_row("is_trial_report", *(_show(d.is_trial_report) if d is not None else None
                                      for d in (run, other, gold)))]
    triples = _trial_triples(run.trials if run else [], other.trials if other else [], gold.trials if gold else [])
    for n, (a, b, g) in enumerate(triples, start=1):
        fa, fb, fg = _fields(a), _fields(b), _fields(g, labelled_only=True)
        for key in dict.fromkeys([*(fa or {}), *(fb or {}), *(fg or {})]):
            rows.append(_row(f"trial {n}: {key}", *((f or {}).get(key) for f in (fa, fb, fg))))
        for ra, rb, rg in _groups(_results(a), _results(b), _results(g)):
            first = next(r for r in (ra, rb, rg) if r is not None)
            rows.append(_row(f"trial {n}: result {first.endpoint} {first.measure}",
                             _show_result(ra), _show_result(rb), _show_result(rg)))
    return rows
