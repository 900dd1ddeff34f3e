"""Long documents: split within a token budget on sections and paragraphs, merge the answers.

Tokens are estimated as characters / 4 (no tokenizer is installed; the estimate errs
on the large side for English prose). A document within the budget is sent whole.
Otherwise it is cut at blank lines (so headings start parts), paragraphs are packed
greedily into parts of at most the budget, and a paragraph longer than the budget is
cut at sentence ends. Each part is a slice of the text, so evidence offsets map back.

Merging: trials from different parts are the same trial when they share a registry
id or an acronym, or when both are the document's own (``reported``) trial and no id
or acronym tells them apart. Lists are united, the first value of a scalar is kept,
arms merge by label, endpoints by (canonical, role), and a result is dropped when an
equal one (endpoint, measure, value, unit, arm, subgroup, timepoint) is already there.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable
from typing import Any

from extractor.models import TrialRecord

CHARS_PER_TOKEN = 4
_BREAK = re.compile(r"\n[ \t]*\n")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")


def estimate_tokens(text: str) -> int:
    return len(text) // CHARS_PER_TOKEN + 1


def _cut(start: int, end: int, text: str, limit: int) -> Iterable[tuple[int, int]]:
    """Spans of at most ``limit`` characters covering ``text[start:end]``, cut at sentence ends if possible."""
    while end - start > limit:
        window = text[start:start + limit]
        stops = [m.end() for m in _SENTENCE_END.finditer(window)]
        cut = start + (stops[-1] if stops and stops[-1] > limit // 4 else limit)
        yield start, cut
        start = cut
    if end > start:
        yield start, end


def split(text: str, budget_tokens: int, *, breaks: Iterable[int] = (),
          drop: Iterable[tuple[int, int]] = ()) -> list[tuple[int, str]]:
    """``(offset, part)`` pairs covering ``text``, each part within ``budget_tokens``.

    Args:
        text: The document.
        budget_tokens: Largest part, in estimated tokens.
        breaks: Offsets where a part should rather start (section starts from the structure stage).
        drop: Spans no part covers (a reference list: it yields no records).
    """
    limit = max(200, budget_tokens * CHARS_PER_TOKEN)
    dropped = sorted(drop)
    if len(text) <= limit and not dropped:
        return [(0, text)]
    bounds = sorted({0, len(text), *(m.end() for m in _BREAK.finditer(text)), *breaks,
                     *(x for span in dropped for x in span)})
    kept = [(a, b) for a, b in itertools.pairwise(bounds)
            if b > a and not any(x <= a and b <= y for x, y in dropped)]
    blocks = [span for a, b in kept for span in _cut(a, b, text, limit)]
    parts: list[tuple[int, int]] = []
    for a, b in blocks:
        if parts and parts[-1][1] == a and b - parts[-1][0] <= limit:
            parts[-1] = (parts[-1][0], b)  # a part is one slice: only neighbours merge
        else:
            parts.append((a, b))
    return [(a, text[a:b]) for a, b in parts if text[a:b].strip()]


# ---------------------------------------------------------------- merging

def _key(text: str | None) -> str:
    return re.sub(r"[\W_]+", "", (text or "").lower())


def _same_trial(a: dict[str, Any], b: dict[str, Any]) -> bool:
    ids_a, ids_b = set(a["registry_ids"]), set(b["registry_ids"])
    if ids_a & ids_b:
        return True
    if a["acronym"] and b["acronym"] and _key(a["acronym"]) == _key(b["acronym"]):
        return True
    if a["role"] == b["role"] == "reported":
        return not (ids_a and ids_b) and not (a["acronym"] and b["acronym"])
    return False


def _union(first: list[Any], second: list[Any], key: Any = lambda x: _key(str(x))) -> list[Any]:
    seen = {key(x) for x in first}
    out = list(first)
    for item in second:
        if key(item) not in seen:
            seen.add(key(item))
            out.append(item)
    return out


def _result_key(r: dict[str, Any]) -> tuple[Any, ...]:
    return (r["endpoint"], r["measure"], r["value"], r["unit"], _key(r["arm"]), _key(r["subgroup"]),
            _key(r["timepoint"]), r["not_reached"])


def _merge_into(base: dict[str, Any], extra: dict[str, Any]) -> None:
    for name in ("registry_ids", "countries", "conditions"):
        base[name] = _union(base[name], extra[name])
    for name in ("acronym", "title", "phases", "allocation", "masking", "multicenter",
                 "primary_endpoint_met", "conclusion"):
        if base[name] is None:
            base[name] = extra[name]
    for name, value in extra["enrollment"].items():
        if base["enrollment"][name] is None:
            base["enrollment"][name] = value
    arms = {_key(a["label"]): a for a in base["arms"]}
    for arm in extra["arms"]:
        mine = arms.get(_key(arm["label"]))
        if mine is None:
            base["arms"].append(arm)
            arms[_key(arm["label"])] = arm
            continue
        mine["n"] = mine["n"] if mine["n"] is not None else arm["n"]
        mine["interventions"] = _union(mine["interventions"], arm["interventions"], key=lambda i: _key(i["name"]))
    base["endpoints"] = _union(base["endpoints"], extra["endpoints"], key=lambda e: (e["canonical"], e["role"]))
    base["results"] = _union(base["results"], extra["results"], key=_result_key)


def merge(parts: Iterable[list[TrialRecord]]) -> list[TrialRecord]:
    """One record per trial over the parts' records, without duplicate results."""
    merged: list[dict[str, Any]] = []
    for records in parts:
        for trial in records:
            new = trial.model_dump()
            for data in merged:
                if _same_trial(data, new):
                    _merge_into(data, new)
                    break
            else:
                new["results"] = _union([], new["results"], key=_result_key)
                merged.append(new)
    return [TrialRecord.model_validate(data) for data in merged]
