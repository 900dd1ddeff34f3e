"""Scoring predicted records against gold, as ``design/trial-record.md`` ("Scoring") defines it.

Pure functions on models; nothing here knows of backends or I/O.

- Trials pair within a document: by a shared registry id, then an equal acronym (case
  and punctuation ignored), then the largest overlap of intervention names; each gold
  trial pairs with at most one predicted trial. Then, our reading of the contract: a
  single reported trial left unpaired on each side is the same trial. An unpaired predicted trial is a
  false positive of the ``trials`` field (and its results are false positives); an
  unpaired gold trial misses every field it labels.
- Scalar fields (``phases`` as a set, ``allocation``, ``masking``, ``multicenter``,
  ``acronym``, each ``enrollment`` count, ``primary_endpoint_met``,
  ``is_trial_report``): equal is a true positive; a wrong or missing prediction is a
  false negative, and a wrong or unwanted value is also a false positive. A gold key
  that is absent is not scored; gold null with a predicted value is a false positive.
- List fields (``registry_ids``, ``countries``, intervention names over all arms except
  placebo, observation, active monitoring and best supportive care, ``(canonical,
  role)`` endpoint pairs): micro precision and recall over elements, after
  normalising case, spaces and hyphens.
- Results: a predicted result matches a gold one with the same endpoint, measure and
  unit, a value within 0.05, and the same arm and subgroup (``labels_match``: both
  null, or matching after normalising case, spaces, hyphens and a trailing plural
  "s", one label's words contained in the other's, never where only one side is
  negated); each gold result matches at most once.
  Matched results also score their CI bounds (``results.ci_low``, ``results.ci_high``,
  as scalars). Gold trials with ``results_exhaustive: false`` score results for recall
  only: unmatched predictions there are not false positives.
- Grounding: a predicted result is grounded when its evidence occurs in the document
  (whitespace and dash variants normalised) and contains its value.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from pydantic import BaseModel

from extractor.evaluation.gold import GoldFile
from extractor.grounding import holds_value, normalise
from extractor.models import DocumentResult, Result, TrialRecord

SCALAR_FIELDS = (
    "acronym", "phases", "allocation", "masking", "multicenter", "primary_endpoint_met",
)
ENROLLMENT_FIELDS = ("screened", "enrolled", "treated", "evaluable", "completed")
LIST_FIELDS = ("registry_ids", "countries", "interventions", "endpoints")
#: Fields whose mean F1 is the headline "field F1" (results are reported apart).
RECORD_FIELDS = (
    "is_trial_report", "trials", *SCALAR_FIELDS,
    *(f"enrollment.{k}" for k in ENROLLMENT_FIELDS), *LIST_FIELDS,
)
RESULT_FIELDS = ("results", "results.ci_low", "results.ci_high")
VALUE_TOLERANCE = 0.05
_NOT_INTERVENTION = re.compile(r"^(?:placebo|observation|active monitoring|best supportive care|bsc)$", re.I)


@dataclass
class Counts:
    """True positives, false positives, false negatives of one field."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, other: Counts) -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn

    @property
    def precision(self) -> float | None:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else None

    @property
    def recall(self) -> float | None:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else None

    @property
    def f1(self) -> float | None:
        """F1; None when there was nothing to find and nothing was found (not scored)."""
        if self.tp + self.fp + self.fn == 0:
            return None
        return 2 * self.tp / (2 * self.tp + self.fp + self.fn)

    @property
    def support(self) -> int:
        return self.tp + self.fn


@dataclass
class ResultMatch:
    """One gold or predicted result and what became of it (for reports)."""

    status: str  # "matched", "missed" (gold only), "wrong" (prediction only), "extra" (recall-only trial)
    gold: Result | None
    predicted: Result | None
    trial: int


@dataclass
class DocumentScore:
    """Scores of one document."""

    doc_id: str
    fields: dict[str, Counts] = field(default_factory=dict)
    results: list[ResultMatch] = field(default_factory=list)
    grounded: int = 0
    predicted_results: int = 0
    pairs: list[tuple[int, int]] = field(default_factory=list)  # (gold trial index, predicted trial index)

    def count(self, name: str) -> Counts:
        return self.fields.setdefault(name, Counts())


# ---------------------------------------------------------------- normalising


def _norm(text: str | None) -> str:
    return re.sub(r"[\s\-‐–—_]+", " ", (text or "").lower()).strip()


def _norm_key(text: str | None) -> str:
    return re.sub(r"[\W_]+", "", (text or "").lower())


_LABEL_WORDS = frozenset({"arm", "arms", "group", "groups", "cohort", "cohorts", "the"})
_NEGATIONS = frozenset({"without", "non", "negative", "no"})


def _label_words(text: str) -> list[str]:
    """Words of a label: lower case, split at spaces and hyphens, a trailing plural "s" dropped."""
    text = text.lower().replace("≥", " >= ").replace("≤", " <= ")
    words = re.findall(r"[a-z0-9]+(?:\.[0-9]+)?|[<>]=?", text)
    return [w[:-1] if len(w) > 3 and w.endswith("s") and not w.endswith("ss") else w for w in words]


def labels_match(gold: str | None, predicted: str | None) -> bool:
    """Arm or subgroup labels, as the contract matches them: both null, or equal after
    normalising case, spaces, hyphens and a trailing plural "s", or one label's words
    contained in the other's; never when only one side is negated ("without", "non",
    "negative", "no"). The words arm, group, cohort and "the" are ignored."""
    if gold is None or predicted is None:
        return gold is None and predicted is None
    g_words, p_words = _label_words(gold), _label_words(predicted)
    g, p = set(g_words) - _LABEL_WORDS, set(p_words) - _LABEL_WORDS
    if (g & _NEGATIONS) != (p & _NEGATIONS):
        return False
    if "".join(g_words) == "".join(p_words):
        return True
    if not g or not p:
        return _norm_key(gold) == _norm_key(predicted)
    return g <= p or p <= g


# ---------------------------------------------------------------- pairing


def _interventions(trial: BaseModel) -> set[str]:
    arms = getattr(trial, "arms", None) or []
    names = set()
    for arm in arms:
        for intervention in arm.interventions:
            if not _NOT_INTERVENTION.match(intervention.name.strip()):
                names.add(_norm(intervention.name))
    return names


def pair_trials(gold: list[BaseModel], predicted: list[TrialRecord]) -> list[tuple[int, int]]:
    """(gold index, predicted index) pairs, each side used at most once."""
    pairs: list[tuple[int, int]] = []
    used_g: set[int] = set()
    used_p: set[int] = set()

    def take(score: Any) -> None:
        candidates = []
        for gi, g in enumerate(gold):
            for pi, p in enumerate(predicted):
                if gi in used_g or pi in used_p:
                    continue
                s = score(g, p)
                if s:
                    candidates.append((-s, gi, pi))
        for _, gi, pi in sorted(candidates):
            if gi not in used_g and pi not in used_p:
                pairs.append((gi, pi))
                used_g.add(gi)
                used_p.add(pi)

    take(lambda g, p: len({r.upper() for r in (g.registry_ids or [])} & {r.upper() for r in p.registry_ids}))
    take(lambda g, p: int(bool(g.acronym) and bool(p.acronym) and _norm_key(g.acronym) == _norm_key(p.acronym)))
    take(lambda g, p: len(_interventions(g) & _interventions(p)))
    # Our reading, beyond the three criteria: when exactly one reported trial is left on each
    # side (an abstract whose trial has no registry id or name), they are the same trial.
    left_g = [i for i, g in enumerate(gold) if i not in used_g and getattr(g, "role", None) == "reported"]
    left_p = [i for i, p in enumerate(predicted) if i not in used_p and p.role == "reported"]
    if len(left_g) == 1 and len(left_p) == 1:
        pairs.append((left_g[0], left_p[0]))
    return sorted(pairs)


# ---------------------------------------------------------------- fields


def score_scalar(gold: Any, predicted: Any, *, labelled: bool = True) -> Counts:
    """The scalar rule: equal TP; wrong or missing FN; wrong or unwanted FP."""
    counts = Counts()
    if not labelled:
        return counts
    if gold is None:
        counts.fp += predicted is not None
    elif predicted is None:
        counts.fn += 1
    elif gold == predicted:
        counts.tp += 1
    else:
        counts.fn += 1
        counts.fp += 1
    return counts


def score_list(gold: Iterable[Any] | None, predicted: Iterable[Any], *, labelled: bool = True) -> Counts:
    """Micro precision/recall over elements (sets)."""
    counts = Counts()
    if not labelled:
        return counts
    g, p = set(gold or ()), set(predicted)
    counts.tp = len(g & p)
    counts.fp = len(p - g)
    counts.fn = len(g - p)
    return counts


def _scalar_value(name: str, trial: BaseModel) -> Any:
    value = getattr(trial, name, None)
    if name == "phases":
        return frozenset(str(getattr(v, "value", v)) for v in value) if value else None
    if name == "acronym":
        return _norm_key(value) or None
    return getattr(value, "value", value)


def _list_values(name: str, trial: BaseModel) -> set[Any]:
    if name == "interventions":
        return _interventions(trial)
    if name == "endpoints":
        return {(str(getattr(e.canonical, "value", e.canonical)), str(getattr(e.role, "value", e.role)))
                for e in (getattr(trial, "endpoints", None) or [])}
    return {_norm(v) for v in (getattr(trial, name, None) or [])}


def _score_trial_fields(score: DocumentScore, gold: BaseModel | None, predicted: TrialRecord | None) -> None:
    labelled = gold.model_fields_set if gold is not None else set()
    for name in SCALAR_FIELDS:
        if gold is None:
            continue
        g = _scalar_value(name, gold)
        p = _scalar_value(name, predicted) if predicted is not None else None
        score.count(name).add(score_scalar(g, p, labelled=name in labelled))
    gold_enrollment = getattr(gold, "enrollment", None) if gold is not None else None
    for key in ENROLLMENT_FIELDS:
        if gold is None or "enrollment" not in labelled:
            continue
        g = getattr(gold_enrollment, key, None) if gold_enrollment is not None else None
        p = getattr(predicted.enrollment, key, None) if predicted is not None else None
        score.count(f"enrollment.{key}").add(score_scalar(g, p))
    for name in LIST_FIELDS:
        source = "arms" if name == "interventions" else name
        if gold is None:
            continue
        p_values = _list_values(name, predicted) if predicted is not None else set()
        score.count(name).add(score_list(_list_values(name, gold), p_values, labelled=source in labelled))


# ---------------------------------------------------------------- results


def _value_matches(gold: Result, predicted: Result) -> bool:
    if gold.value is None or predicted.value is None:
        return gold.value is None and predicted.value is None and gold.not_reached == predicted.not_reached
    return abs(gold.value - predicted.value) <= VALUE_TOLERANCE + 1e-9


def results_match(gold: Result, predicted: Result) -> bool:
    """Same endpoint, measure and unit, value within 0.05, same arm and subgroup."""
    return (
        gold.endpoint == predicted.endpoint
        and gold.measure == predicted.measure
        and gold.unit == predicted.unit
        and _value_matches(gold, predicted)
        and labels_match(gold.arm, predicted.arm)
        and labels_match(gold.subgroup, predicted.subgroup)
    )


def _bound(gold: float | None, predicted: float | None) -> Counts:
    if gold is not None and predicted is not None and abs(gold - predicted) <= VALUE_TOLERANCE + 1e-9:
        return Counts(tp=1)
    return score_scalar(gold, predicted)


def _score_results(score: DocumentScore, gold: BaseModel | None, predicted: TrialRecord | None, index: int) -> None:
    gold_results: list[Result] = list(getattr(gold, "results", None) or []) if gold is not None else []
    labelled = gold is not None and "results" in gold.model_fields_set
    exhaustive = getattr(gold, "results_exhaustive", True) if gold is not None else True
    predicted_results = list(predicted.results) if predicted is not None else []
    counts = score.count("results")
    if gold is not None and not labelled:
        return  # results not labelled for this trial: not scored
    unmatched = list(range(len(gold_results)))
    for p in predicted_results:
        hit = next((gi for gi in unmatched if results_match(gold_results[gi], p)), None)
        if hit is None:
            if gold is None or exhaustive:
                counts.fp += 1
                score.results.append(ResultMatch("wrong", None, p, index))
            else:
                score.results.append(ResultMatch("extra", None, p, index))
            continue
        unmatched.remove(hit)
        g = gold_results[hit]
        counts.tp += 1
        score.count("results.ci_low").add(_bound(g.ci_low, p.ci_low))
        score.count("results.ci_high").add(_bound(g.ci_high, p.ci_high))
        score.results.append(ResultMatch("matched", g, p, index))
    for gi in unmatched:
        counts.fn += 1
        score.results.append(ResultMatch("missed", gold_results[gi], None, index))


# ---------------------------------------------------------------- grounding

def is_grounded(result: Result, text: str) -> bool:
    """Evidence occurs in the text (whitespace and dashes normalised) and contains the value."""
    evidence = normalise(result.evidence)
    if not evidence or evidence not in normalise(text):
        return False
    return holds_value(evidence, result.value, result.value is None)


# ---------------------------------------------------------------- documents


def score_document(gold: GoldFile, predicted: DocumentResult | None) -> DocumentScore:
    """Score one predicted document (None: nothing was predicted) against its gold file."""
    score = DocumentScore(doc_id=gold.doc_id)
    p_trials = list(predicted.trials) if predicted is not None else []
    score.count("is_trial_report").add(
        score_scalar(gold.is_trial_report, predicted.is_trial_report if predicted is not None else None)
    )
    pairs = pair_trials(list(gold.trials), p_trials)
    score.pairs = pairs
    paired_g = {g for g, _ in pairs}
    paired_p = {p for _, p in pairs}
    trials = score.count("trials")
    trials.tp += len(pairs)
    trials.fp += len(set(range(len(p_trials))) - paired_p)
    trials.fn += len(set(range(len(gold.trials))) - paired_g)
    for gi, pi in pairs:
        _score_trial_fields(score, gold.trials[gi], p_trials[pi])
        _score_results(score, gold.trials[gi], p_trials[pi], gi)
    for gi in sorted(set(range(len(gold.trials))) - paired_g):
        _score_trial_fields(score, gold.trials[gi], None)
        _score_results(score, gold.trials[gi], None, gi)
    for pi in sorted(set(range(len(p_trials))) - paired_p):
        _score_results(score, None, p_trials[pi], -1)
    for trial in p_trials:
        for result in trial.results:
            score.predicted_results += 1
            score.grounded += is_grounded(result, gold.text)
    return score


@dataclass
class Report:
    """Scores of a whole gold set."""

    documents: list[DocumentScore]
    fields: dict[str, Counts]
    seconds: float = 0.0
    #: Gold documents with no prediction (scored as predicting nothing), in gold order.
    unpredicted: list[str] = field(default_factory=list)

    @property
    def field_f1(self) -> float | None:
        values = [self.fields[f].f1 for f in RECORD_FIELDS if f in self.fields and self.fields[f].f1 is not None]
        return sum(values) / len(values) if values else None  # type: ignore[arg-type]

    @property
    def results_f1(self) -> float | None:
        return self.fields["results"].f1 if "results" in self.fields else None

    @property
    def grounded_share(self) -> float | None:
        total = sum(d.predicted_results for d in self.documents)
        return sum(d.grounded for d in self.documents) / total if total else None


def score_all(gold: list[GoldFile], predictions: dict[str, DocumentResult]) -> Report:
    """Score every gold document against the prediction with its doc_id (missing: predicted nothing)."""
    documents = [score_document(g, predictions.get(g.doc_id)) for g in gold]
    fields: dict[str, Counts] = {name: Counts() for name in (*RECORD_FIELDS, *RESULT_FIELDS)}
    for doc in documents:
        for name, counts in doc.fields.items():
            fields.setdefault(name, Counts()).add(counts)
    unpredicted = [g.doc_id for g in gold if g.doc_id not in predictions]
    return Report(documents=documents, fields=fields, unpredicted=unpredicted)
