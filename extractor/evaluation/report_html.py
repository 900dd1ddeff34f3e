"""A self-contained HTML eval report a reviewer can read: no scripts, no external files.

The per-field table comes first; then, per document, its text with the evidence of
every result highlighted and coloured by what became of it (right, wrong, missed,
extra on recall-only trials), and gold against predicted results side by side.
"""

from __future__ import annotations

import html
from typing import Any

from extractor.evaluation.gold import GoldFile
from extractor.grounding import locate

_CSS = """
body{font:14px/1.45 system-ui,sans-serif;margin:2rem auto;max-width:1200px;color:#222}
h1{font-size:1.5rem}h2{font-size:1.15rem;margin-top:2.5rem;border-top:1px solid #ccc;padding-top:1rem}
table{border-collapse:collapse;margin:.5rem 0}td,th{border:1px solid #ddd;padding:.2rem .5rem;text-align:right}
td:first-child,th:first-child{text-align:left}th{background:#f3f3f3}
.headline span{display:inline-block;margin-right:1.5rem;font-weight:600}
.text{white-space:pre-wrap;background:#fafafa;border:1px solid #eee;padding:.75rem;max-height:28rem;overflow:auto}
mark{padding:0 .1rem;border-radius:2px}mark.right{background:#c8f0c8}mark.wrong{background:#f7c1c1}
mark.missed{background:#ffe08a}mark.extra{background:#d7e3f7}
.legend mark{margin-right:.8rem}.side td{text-align:left;vertical-align:top;font-size:12px;width:50%}
tr.right td{background:#f1fbf1}tr.wrong td{background:#fdf0f0}
tr.missed td{background:#fff8e1}tr.extra td{background:#f2f6fd}
"""
_PRIORITY = {"wrong": 4, "missed": 3, "extra": 2, "right": 1}
_STATUS = {"matched": "right", "wrong": "wrong", "missed": "missed", "extra": "extra"}


def _fmt(value: Any) -> str:
    return "–" if value is None else f"{value:.3f}" if isinstance(value, float) else html.escape(str(value))


def _describe(result: dict[str, Any] | None) -> str:
    return html.escape(describe(result))


def describe(result: dict[str, Any] | None) -> str:
    """One result as a line of plain text: ``ORR proportion · 56.5 percent · CI 41.1–71.1 · p < 0.001 · arm: A``."""
    if not result:
        return ""
    parts = [f"{result['endpoint']} {result['measure']}",
             "NR" if result.get("not_reached") else f"{result['value']} {result.get('unit') or ''}".strip()]
    if result.get("ci_low") is not None or result.get("ci_high") is not None:
        parts.append(f"CI {result.get('ci_low')}–{result.get('ci_high')}")
    if result.get("p_value") is not None:
        parts.append(f"p {result.get('p_relation') or '='} {result['p_value']}")
    for key in ("arm", "subgroup", "timepoint", "name"):
        if result.get(key):
            parts.append(f"{key}: {result[key]}")
    return " · ".join(parts)


def _highlighted(text: str, spans: list[tuple[int, int, str, str]]) -> str:
    """The text with each (start, end, status, title) span marked; overlaps take the worst status."""
    status_at: list[str | None] = [None] * len(text)
    titles: dict[int, list[str]] = {}
    for start, end, status, title in spans:
        for i in range(max(0, start), min(len(text), end)):
            current = status_at[i]
            if current is None or _PRIORITY[status] > _PRIORITY[current]:
                status_at[i] = status
        titles.setdefault(start, []).append(title)
    out: list[str] = []
    i = 0
    while i < len(text):
        current = status_at[i]
        j = i
        while j < len(text) and status_at[j] == current:
            j += 1
        chunk = html.escape(text[i:j])
        if current is None:
            out.append(chunk)
        else:
            tip = html.escape(" | ".join(t for k in range(i, j) for t in titles.get(k, [])))
            out.append(f'<mark class="{current}" title="{tip}">{chunk}</mark>')
        i = j
    return "".join(out)


def _spans(text: str, matches: list[dict[str, Any]]) -> list[tuple[int, int, str, str]]:
    spans = []
    for m in matches:
        status = _STATUS[m["status"]]
        result = m["predicted"] if m["predicted"] is not None else m["gold"]
        evidence = result.get("evidence") or ""
        start = locate(text, evidence, result.get("evidence_start"))
        if start is not None:
            spans.append((start, start + len(evidence), status, f"{status}: {_describe(result)}"))
    return spans


def render(gold: list[GoldFile], report: dict[str, Any]) -> str:
    """The report page as one HTML string."""
    head = report["headline"]
    rows = "".join(
        f"<tr><td>{html.escape(name)}</td><td>{c['tp']}</td><td>{c['fp']}</td><td>{c['fn']}</td>"
        f"<td>{_fmt(c['precision'])}</td><td>{_fmt(c['recall'])}</td><td>{_fmt(c['f1'])}</td><td>{c['support']}</td></tr>"
        for name, c in report["fields"].items() if c["tp"] + c["fp"] + c["fn"]
    )
    parts = [
        "<!doctype html><html lang='en'><head><meta charset='utf-8'>",
        f"<title>trialx eval: {html.escape(report.get('label') or '')}</title><style>{_CSS}</style></head><body>",
        f"<h1>trialx eval <small>{html.escape(report.get('label') or '')}</small></h1>",
        "<p class='headline'>"
        f"<span>field F1 {_fmt(head['field_f1'])}</span><span>results F1 {_fmt(head['results_f1'])}</span>"
        f"<span>grounded {_fmt(head['grounded_share'])}</span><span>documents {head['documents']}</span></p>",
        "<table id='fields'><thead><tr><th>field</th><th>TP</th><th>FP</th><th>FN</th><th>precision</th>"
        f"<th>recall</th><th>F1</th><th>support</th></tr></thead><tbody>{rows}</tbody></table>",
        "<p class='legend'><mark class='right'>right</mark><mark class='wrong'>wrong</mark>"
        "<mark class='missed'>missed</mark><mark class='extra'>extra (recall-only trial)</mark></p>",
    ]
    by_id = {g.doc_id: g for g in gold}
    for doc_id, doc in report["documents"].items():
        g = by_id.get(doc_id)
        if g is None:
            continue
        counts = doc["fields"].get("results", {"tp": 0, "fp": 0, "fn": 0})
        parts.append(f"<section class='document' id='{html.escape(doc_id)}'><h2>{html.escape(doc_id)}</h2>")
        parts.append(f"<p>results: {counts['tp']} right, {counts['fp']} wrong, {counts['fn']} missed; "
                     f"grounded {doc['grounded']}/{doc['predicted_results']}</p>")
        parts.append(f"<div class='text'>{_highlighted(g.text, _spans(g.text, doc['results']))}</div>")
        side = "".join(
            f"<tr class='{_STATUS[m['status']]}'><td>{_describe(m['gold'])}</td>"
            f"<td>{_describe(m['predicted'])}</td></tr>"
            for m in doc["results"]
        )
        parts.append("<table class='side'><thead><tr><th>gold</th><th>predicted</th></tr></thead>"
                     f"<tbody>{side}</tbody></table>")
        parts.append("</section>")
    parts.append("</body></html>")
    return "".join(parts)
