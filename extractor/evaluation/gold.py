"""Gold files: hand-labelled records to score the extractor against.

A gold trial has the fields of a ``TrialRecord``, every one optional: a key that
is absent is not labelled and not scored; a key set to null (or []) means the
document does not say it. ``results_exhaustive: false`` (long full texts) scores
results for recall only. The JSON Schema in ``schemas/gold.schema.json`` is
generated from these models.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, create_model

from extractor.documents import Document
from extractor.grounding import holds_value
from extractor.models import Result, TrialRecord


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


_COMPARATIVE = {"hazard_ratio", "odds_ratio", "risk_ratio", "difference"}
_TIME_UNITS: set[str | None] = {"months", "weeks", "days", "years"}
#: measure -> units a result of that measure may carry (None: no unit).
_UNITS: dict[str, set[str | None]] = {
    "proportion": {"percent"},
    "rate_at_time": {"percent"},
    "median": _TIME_UNITS | {None},
    "mean": _TIME_UNITS | {"percent", "patients", None},
    "count": {"patients"},
    "hazard_ratio": {"ratio"},
    "odds_ratio": {"ratio"},
    "risk_ratio": {"ratio"},
    "difference": _TIME_UNITS | {"percent", None},
}


def _result_problems(result: Result, text: str, arm_labels: set[str | None]) -> list[tuple[str, str]]:
    """``(field, problem)`` pairs of one result; the field is where a form shows the problem."""
    measure, unit = str(result.measure), result.unit and str(result.unit)
    problems = []
    if result.evidence not in text:
        problems.append(("evidence", "evidence is not a verbatim quote of the text"))
    elif not holds_value(result.evidence, result.value, result.not_reached):
        problems.append(("evidence", "evidence does not contain the value"))
    if result.arm is not None and result.arm not in arm_labels:
        problems.append(("arm", f"arm {result.arm!r} is not the label of an arm"))
    if measure in _COMPARATIVE and result.arm is not None:
        problems.append(("arm", f"a {measure} compares arms: arm must be null"))
    if unit not in _UNITS[measure]:
        problems.append(("unit", f"unit {unit} does not fit measure {measure}"))
    if measure == "rate_at_time" and not result.timepoint:
        problems.append(("timepoint", "rate_at_time needs its timepoint"))
    if (result.value is None) != result.not_reached:
        problems.append(("value", "value is null exactly when not_reached is true"))
    if result.value is not None and result.ci_low is not None and not result.ci_low <= result.value:
        problems.append(("ci_low", "ci_low is above the value"))
    if result.value is not None and result.ci_high is not None and not result.value <= result.ci_high:
        problems.append(("ci_high", "ci_high is below the value"))
    if result.numerator is not None and result.denominator is not None and result.numerator > result.denominator:
        problems.append(("numerator", "numerator over denominator"))
    return problems


@dataclass(frozen=True)
class Problem:
    """A break of the gold format's rules, at the path of the field it concerns."""

    path: tuple[str | int, ...]
    """Keys from the file's top, as ``("trials", 0, "results", 2, "evidence")``."""
    message: str
    where: str = ""
    """How a message names the result (``trials[0].results[2] (ORR 56.5)``); empty for the document."""

    def __str__(self) -> str:
        return f"{self.where}: {self.message}" if self.where else self.message


def problems(gold: GoldFile) -> list[Problem]:
    """What breaks the gold format's rules in one file, each at the path of its field.

    Checks what the schema cannot: quotes are verbatim and hold their numbers, arms are
    named as labelled, units fit measures, comparisons have no arm, time-to-event rates
    have a timepoint, intervals bracket their values.
    """
    found = []
    if gold.trials and not gold.is_trial_report:
        found.append(Problem(("is_trial_report",), "trials are labelled but is_trial_report is false"))
    for t, trial in enumerate(gold.trials):
        labels = {arm.label for arm in (getattr(trial, "arms", None) or [])}
        for r, result in enumerate(getattr(trial, "results", None) or []):
            where = f"trials[{t}].results[{r}] ({result.endpoint} {result.value})"
            found.extend(Problem(("trials", t, "results", r, name), message, where)
                         for name, message in _result_problems(result, gold.text, labels))
    return found


def check(gold: GoldFile) -> list[str]:
    """``problems`` of one file as lines, each naming its trial and result."""
    return [str(p) for p in problems(gold)]


def check_files(paths: list[Path]) -> dict[Path, list[str]]:
    """Problems of each gold file (a file that does not load has its load error)."""
    out: dict[Path, list[str]] = {}
    for path in paths:
        try:
            gold = GoldFile.model_validate(json.loads(path.read_text(encoding="utf-8")))
        except (ValueError, json.JSONDecodeError) as exc:
            out[path] = [f"not a valid gold file: {exc}"]
            continue
        out[path] = check(gold)
    return out
