"""The same document in the layouts users paste, and whether a backend gives the same records for each.

A document is read once (``extractor.structure``) and written back as:

- ``printed``: as given;
- ``line_labels``: each section on its own line, its label in capitals first (``RESULTS: …``);
- ``title_field``: the title passed apart from the text, the text as printed without it;
- ``markdown``: ``# title``, then ``## Label`` headings;
- ``lancet``: the title, then each label alone on its line and the section's text below it;
- ``unlabelled``: the title, then every section's text run together in one paragraph.

Every section's text is kept byte for byte, so only layout differs. Records are compared by
``signature``: the design fields of each trial and the set of its results by endpoint,
measure, value, unit, arm and subgroup (evidence and its offsets may differ).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from extractor.documents import Document
from extractor.models import DocumentResult
from extractor.structure import Structure, read_structure

LAYOUTS = ("printed", "line_labels", "title_field", "markdown", "lancet", "unlabelled")


def _label(raw: str) -> str:
    """A printed label as plain words: "ABSTRACT.SUMMARY.FINDINGS" -> "Findings", "RESULTS" -> "Results"."""
    last = [p for p in raw.split(".") if p.strip()][-1].strip() if "." in raw else raw.strip()
    return last[:1].upper() + last[1:].lower() if last.isupper() else last


def _blocks(text: str, structure: Structure) -> list[tuple[str | None, str]]:
    """(label, text) of each stretch of the document after its title, labels as plain words."""
    out: list[tuple[str | None, str]] = []
    for section in structure.sections:
        body = text[section.start:section.end].strip()
        if not body and section.label is None:
            continue
        label = _label(section.label) if section.label is not None else None
        if out and label is None and out[-1][0] is None:
            out[-1] = (None, out[-1][1] + " " + body)  # inferred sections are one stretch of text
        else:
            out.append((label, body))
    return out


def _body_without_title(text: str, structure: Structure) -> str:
    if structure.title_span is None:
        return text
    start, end = structure.title_span
    return (text[:start] + text[end:].lstrip(" \n\t.")).strip()


_RENDERERS: dict[str, Callable[[str | None, list[tuple[str | None, str]]], str]] = {
    "line_labels": lambda title, blocks: "\n".join(
        ([title, ""] if title else []) + [f"{label.upper()}: {body}" if label else body for label, body in blocks]),
    "markdown": lambda title, blocks: "\n\n".join(
        ([f"# {title}"] if title else []) + [f"## {label}\n\n{body}" if label else body for label, body in blocks]),
    "lancet": lambda title, blocks: "\n".join(
        ([title, ""] if title else []) + [f"{label}\n{body}" if label else body for label, body in blocks]),
    "unlabelled": lambda title, blocks: "\n\n".join(
        ([title] if title else []) + [" ".join(body for _, body in blocks)]),
}


def render(document: Document, layout: str) -> Document:
    """``document`` written in ``layout`` (one of ``LAYOUTS``), with the same doc_id.

    Raises:
        ValueError: an unknown layout.
    """
    if layout not in LAYOUTS:
        raise ValueError(f"unknown layout {layout!r}; choose one of: {', '.join(LAYOUTS)}")
    if layout == "printed":
        return document
    structure = read_structure(document.text, document.title)
    if layout == "title_field":
        return Document(doc_id=document.doc_id, text=_body_without_title(document.text, structure),
                        title=structure.title, source=document.source, registry_ids=document.registry_ids)
    text = _RENDERERS[layout](structure.title, _blocks(document.text, structure))
    return Document(doc_id=document.doc_id, text=text, title=None, source=document.source,
                    registry_ids=document.registry_ids)


# ---------------------------------------------------------------- comparing records


def _key(value: object) -> str:
    return re.sub(r"[\W_]+", "", str(value).lower()) if value is not None else ""


def signature(result: DocumentResult) -> frozenset[tuple[object, ...]]:
    """What must not depend on layout: design fields and results, without evidence."""
    items: set[tuple[object, ...]] = {("is_trial_report", result.is_trial_report)}
    for trial in result.trials:
        name = (trial.role, _key(trial.acronym))
        interventions = tuple(sorted({_key(i.name) for arm in trial.arms for i in arm.interventions}))
        phases = tuple(sorted(p.value for p in trial.phases or []))
        items.add(("design", *name, tuple(sorted(trial.registry_ids)), phases, trial.allocation, trial.masking,
                   trial.multicenter, tuple(sorted(trial.countries)), tuple(trial.enrollment.model_dump().values()),
                   interventions,
                   tuple(sorted((str(e.canonical), str(e.role)) for e in trial.endpoints)), trial.primary_endpoint_met))
        for r in trial.results:
            value = None if r.value is None else round(r.value, 2)
            items.add(("result", *name, str(r.endpoint), str(r.measure), value, r.unit, _key(r.arm), _key(r.subgroup)))
    return frozenset(items)


@dataclass
class Invariance:
    """How many documents give the same records in every layout, and where they do not."""

    documents: int = 0
    same: int = 0
    differences: dict[str, dict[str, list[str]]] = field(default_factory=dict)  # doc_id -> layout -> items

    @property
    def rate(self) -> float | None:
        return self.same / self.documents if self.documents else None


def _describe(items: Iterable[tuple[object, ...]]) -> list[str]:
    return sorted(" ".join(str(x) for x in item) for item in items)


def check(documents: Iterable[Document], extract: Callable[[Document], DocumentResult],
          layouts: Iterable[str] = LAYOUTS,
          keep: Callable[[str, DocumentResult], None] | None = None) -> Invariance:
    """Extract each document in every layout and compare each layout's records with the printed one's;
    ``keep(layout, records)`` is given every extraction (to score each layout apart)."""
    report = Invariance()
    chosen = [x for x in layouts if x != "printed"]

    def extracted(document: Document, layout: str) -> frozenset[tuple[object, ...]]:
        result = extract(document if layout == "printed" else render(document, layout))
        if keep is not None:
            keep(layout, result)
        return signature(result)

    for document in documents:
        expected = extracted(document, "printed")
        report.documents += 1
        diffs = {}
        for layout in chosen:
            got = extracted(document, layout)
            if got != expected:
                diffs[layout] = [f"- {d}" for d in _describe(expected - got)] + \
                    [f"+ {d}" for d in _describe(got - expected)]
        if diffs:
            report.differences[document.doc_id] = diffs
        else:
            report.same += 1
    return report
