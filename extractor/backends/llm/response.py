"""The model's answer: the contract's records, with validators a model's output must pass.

``Extraction`` is the response model instructor asks for. Its trials and results are
subclasses of the contract's ``TrialRecord`` and ``Result`` that add checks (the enums
are the contract's own types): registry-id formats, percentages within 0-100,
``ci_low <= value <= ci_high``, and grounding: ``evidence`` must be a verbatim quote of
the document (read from the validation context, ``{"document": text}``) that holds the
value. A failure goes back to the model as instructor's re-ask. ``salvage`` keeps what
is valid from a final answer that still fails, and says what it dropped.

``LeanExtraction`` is the same model (same fields, validators and records) that shows the
model a lean schema (``lean_schema``): no titles, descriptions or defaults, and optional
fields as their plain type, to be left out rather than sent as null. A prompt chooses it
with ``schema: lean`` in its header (``prompts.py``); ``RESPONSE_MODELS`` names both.
"""

from __future__ import annotations

import copy
import functools
import re
from typing import Any, Self

from pydantic import BaseModel, ConfigDict, Field, ValidationError, ValidationInfo, field_validator, model_validator
from pydantic.json_schema import SkipJsonSchema

from extractor.grounding import Grounder, holds_value
from extractor.models import Measure, Result, TrialRecord, Unit

# -------------------------------------------------------------- registry ids

_REGISTRY_FORMATS = [
    (re.compile(r"^NCT\s*-?\s*(\d{8})$", re.I), lambda m: f"NCT{m.group(1)}"),
    (re.compile(r"^NCT", re.I), None),  # NCT with anything but 8 digits is wrong
    (re.compile(r"^ChiCTR[-\w]*\d{6,}$", re.I), lambda m: "ChiCTR" + m.group(0)[6:].upper()),
    (re.compile(r"^(?:EudraCT\s*(?:No\.?|number)?\s*)?(\d{4}-\d{6}-\d{2})$", re.I), lambda m: m.group(1)),
    (re.compile(r"^ISRCTN\s*(\d{8})$", re.I), lambda m: f"ISRCTN{m.group(1)}"),
    (re.compile(r"^jRCT\s*([a-z]?\d{6,})$", re.I), lambda m: f"jRCT{m.group(1)}"),
    (re.compile(r"^ACTRN\s*(\d{14})$", re.I), lambda m: f"ACTRN{m.group(1)}"),
    (re.compile(r"^UMIN\s*(\d{9})$", re.I), lambda m: f"UMIN{m.group(1)}"),
    (re.compile(r"^KCT\s*(\d{7})$", re.I), lambda m: f"KCT{m.group(1)}"),
    (re.compile(r"^DRKS\s*(\d{8})$", re.I), lambda m: f"DRKS{m.group(1)}"),
    (re.compile(r"^CTRI/\d{4}/\d{2,3}/\d{6}$", re.I), lambda m: m.group(0).upper()),
    (re.compile(r"^CTR\s*(\d{8})$", re.I), lambda m: f"CTR{m.group(1)}"),
    (re.compile(r"^NTR\s*(\d{2,5})$", re.I), lambda m: f"NTR{m.group(1)}"),
]
#: Any other registry: letters, then a number (with - / . separators), no spaces inside.
_OTHER_REGISTRY = re.compile(r"^[A-Za-z][A-Za-z-]{1,14}[-/.:]?\d[\w/.-]{2,}$")


def normalise_registry_id(raw: str) -> str:
    """``nct01234567`` -> ``NCT01234567``; raise ValueError for a malformed number."""
    text = raw.strip()
    for pattern, fix in _REGISTRY_FORMATS:
        match = pattern.match(text)
        if match:
            if fix is None:
                break
            return fix(match)
    else:
        if _OTHER_REGISTRY.match(text) and not text.upper().startswith("NCT"):
            return text
    raise ValueError(f"{raw!r} is not a registry number (NCT numbers are NCT + 8 digits)")


# -------------------------------------------------------------- grounding

def grounder(info: ValidationInfo) -> Grounder | None:
    """The document's ``Grounder`` from the validation context (kept there after the first use)."""
    context = info.context
    if not isinstance(context, dict) or not isinstance(context.get("document"), str):
        return None
    found = context.get("_grounder")
    if not isinstance(found, Grounder):
        found = context["_grounder"] = Grounder(context["document"])
    return found


# -------------------------------------------------------------- models

class CheckedResult(Result):
    """One number the document reports for this trial (its evidence is checked against the document)."""

    evidence_start: SkipJsonSchema[int | None] = None  # set by the grounding check, not asked of the model

    @model_validator(mode="after")
    def _check(self, info: ValidationInfo) -> Self:
        if self.value is None and not self.not_reached:
            raise ValueError("value is null but not_reached is false: give the value, or not_reached: true")
        if self.unit == Unit.percent and self.measure != Measure.difference:  # a difference may be negative
            for name in ("value", "ci_low", "ci_high"):
                number = getattr(self, name)
                if number is not None and not 0 <= number <= 100:
                    raise ValueError(f"{name} {number} is a percentage outside 0-100")
        if self.ci_low is not None and self.ci_high is not None and self.ci_low > self.ci_high:
            raise ValueError(f"ci_low {self.ci_low} is above ci_high {self.ci_high}")
        if self.value is not None:
            if self.ci_low is not None and self.value < self.ci_low:
                raise ValueError(f"value {self.value} is below its ci_low {self.ci_low}")
            if self.ci_high is not None and self.value > self.ci_high:
                raise ValueError(f"value {self.value} is above its ci_high {self.ci_high}")
        found = grounder(info)
        if found is not None:
            located = found.find(self.evidence)
            if located is None:
                raise ValueError(f"evidence {self.evidence[:120]!r} is not a verbatim quote of the document: "
                                 "copy the sentence exactly")
            self.evidence_start, self.evidence = located
            if not holds_value(self.evidence, self.value, self.not_reached):
                shown = "not reached" if self.value is None else f"{self.value:g}"
                raise ValueError(f"evidence {self.evidence[:120]!r} does not contain the value {shown}")
        return self


class CheckedTrial(TrialRecord):
    """One trial reported or summarised by the document."""

    results: list[CheckedResult] = Field(default_factory=list)  # type: ignore[assignment]
    """Every number reported for this trial, each with a verbatim quote."""

    @field_validator("registry_ids")
    @classmethod
    def _registry_ids(cls, ids: list[str]) -> list[str]:
        return list(dict.fromkeys(normalise_registry_id(i) for i in ids))


class Extraction(BaseModel):
    """The clinical trials a document reports or summarises, in the trial-record contract."""

    model_config = ConfigDict(use_attribute_docstrings=True, extra="forbid")

    is_trial_report: bool
    """True when the document reports the design or results of at least one clinical trial in people."""
    trials: list[CheckedTrial] = Field(default_factory=list)
    """One record per trial; empty when is_trial_report is false."""

    @model_validator(mode="after")
    def _consistent(self) -> Self:
        if not self.is_trial_report and self.trials:
            raise ValueError("is_trial_report is false but trials are given: return trials: [] or set it true")
        return self

    def records(self, offset: int = 0) -> list[TrialRecord]:
        """Plain contract records, evidence offsets shifted by ``offset`` (a document part's start)."""
        out = []
        for trial in self.trials:
            data = trial.model_dump()
            for result in data["results"]:
                if result["evidence_start"] is not None:
                    result["evidence_start"] += offset
            out.append(TrialRecord.model_validate(data))
        return out


def short_error(exc: BaseException) -> str:
    """The first problem of a validation error (``trials.0.results.1: Value error, ...``), or the error itself."""
    if not isinstance(exc, ValidationError):
        return str(exc).splitlines()[0] if str(exc) else type(exc).__name__
    first = exc.errors()[0]
    where = ".".join(str(p) for p in first["loc"])
    return f"{where + ': ' if where else ''}{first['msg']}"


def salvage(data: Any, context: dict[str, Any]) -> tuple[Extraction | None, list[str]]:
    """Keep the valid trials and results of a final answer that failed validation as a whole.

    Returns:
        The extraction of what passed (None when nothing usable was there) and one warning
        per trial or result dropped.
    """
    if not isinstance(data, dict):
        return None, ["the model's final answer was not a JSON object"]
    warnings: list[str] = []
    trials: list[CheckedTrial] = []
    raw_trials = data.get("trials")
    for i, raw in enumerate(raw_trials if isinstance(raw_trials, list) else []):
        if not isinstance(raw, dict):
            warnings.append(f"trial {i} dropped: not an object")
            continue
        kept = []
        raw_results = raw.get("results")
        for j, result in enumerate(raw_results if isinstance(raw_results, list) else []):
            try:
                kept.append(CheckedResult.model_validate(result, context=context))
            except ValidationError as exc:
                label = result.get("endpoint", "?") if isinstance(result, dict) else "?"
                value = result.get("value") if isinstance(result, dict) else None
                warnings.append(f"trial {i} result {j} ({label} {value}) dropped: {short_error(exc)}")
        try:
            trial = CheckedTrial.model_validate({**raw, "results": []}, context=context)
        except ValidationError as exc:
            warnings.append(f"trial {i} dropped with its {len(kept)} valid results: {short_error(exc)}")
            continue
        trial.results = kept
        trials.append(trial)
    flag = data.get("is_trial_report")
    is_report = flag if isinstance(flag, bool) else bool(trials)
    return Extraction.model_construct(is_trial_report=is_report or bool(trials), trials=trials), warnings


# -------------------------------------------------------------- the lean schema

#: Keywords a model reads as prose or needs not be told: the prompt says what matters once.
_LEAN_DROPS = frozenset({"title", "description", "default"})
#: Keywords whose value maps names (of properties, of definitions) to schemas, not keywords to values.
_NAMED_SCHEMAS = frozenset({"properties", "$defs"})
_NULL = {"type": "null"}


def lean_schema(schema: dict[str, Any]) -> dict[str, Any]:
    """``schema`` as a model needs to read it: without titles, descriptions and defaults, ``anyOf
    [X, null]`` as ``X``, no ``type`` beside an ``enum`` (the values say it), and a vocabulary used
    once written where it is used; objects, and the vocabulary used twice (endpoints), keep their
    definitions (inlined objects would nest the JSON modes' indented copy eight levels deep).
    Property names are kept, whatever they are called (the trial's ``title`` stays)."""
    lean = _strip(schema)
    defs = lean.pop("$defs", {})
    uses = _refs(lean) + [ref for sub in defs.values() for ref in _refs(sub)]
    kept = {name: sub for name, sub in defs.items() if "enum" not in sub or uses.count(_REF + name) > 1}
    inlined = _inline(lean, defs, kept)
    return {"$defs": {name: _inline(sub, defs, kept) for name, sub in kept.items()}, **inlined} if kept else inlined


_REF = "#/$defs/"


def _strip(schema: Any) -> Any:
    if isinstance(schema, list):
        return [_strip(item) for item in schema]
    if not isinstance(schema, dict):
        return schema
    out: dict[str, Any] = {}
    for key, value in schema.items():
        if key in _NAMED_SCHEMAS:
            out[key] = {name: _strip(sub) for name, sub in value.items()}
        elif key not in _LEAN_DROPS:
            out[key] = _strip(value)
    options = out.get("anyOf")
    if isinstance(options, list) and len(options) == 2 and _NULL in options:
        del out["anyOf"]
        out = {**next(o for o in options if o != _NULL), **out}
    if "enum" in out:
        out.pop("type", None)
    return out


def _refs(schema: Any) -> list[str]:
    """Every ``$ref`` in ``schema``, as often as it occurs."""
    if isinstance(schema, list):
        return [ref for item in schema for ref in _refs(item)]
    if not isinstance(schema, dict):
        return []
    own = [schema["$ref"]] if isinstance(schema.get("$ref"), str) else []
    return own + [ref for key, value in schema.items() if key != "$ref" for ref in _refs(value)]


def _inline(schema: Any, defs: dict[str, Any], kept: dict[str, Any]) -> Any:
    """``schema`` with each reference to a definition not in ``kept`` replaced by the definition."""
    if isinstance(schema, list):
        return [_inline(item, defs, kept) for item in schema]
    if not isinstance(schema, dict):
        return schema
    ref = schema.get("$ref")
    if isinstance(ref, str) and ref.startswith(_REF) and ref[len(_REF):] not in kept:
        rest = {k: v for k, v in schema.items() if k != "$ref"}
        return _inline({**defs[ref[len(_REF):]], **rest}, defs, kept)
    return {key: _inline(value, defs, kept) for key, value in schema.items()}


@functools.cache
def _lean_extraction_schema() -> dict[str, Any]:
    return {"title": "Extraction", **lean_schema(Extraction.model_json_schema())}


class LeanExtraction(Extraction):
    """Trial records of the document."""

    @classmethod
    def model_json_schema(cls, *args: Any, **kwargs: Any) -> dict[str, Any]:
        """The lean schema of ``Extraction`` (see ``lean_schema``); instructor sends it in every mode.

        Computed once: instructor asks for it per request in the JSON modes; each call gets its own copy.
        """
        if args or kwargs:
            return {"title": "Extraction", **lean_schema(super().model_json_schema(*args, **kwargs))}
        return copy.deepcopy(_lean_extraction_schema())


#: The response model each prompt header's ``schema:`` names (``full`` when it names none).
RESPONSE_MODELS: dict[str, type[Extraction]] = {"full": Extraction, "lean": LeanExtraction}
