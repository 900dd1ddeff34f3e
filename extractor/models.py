"""The trial record contract as pydantic models.

These models are the source of truth for the code; ``schemas/`` holds the JSON
Schema generated from them (``trialx schema``), and both follow
``design/trial-record.md``. Field names and vocabularies are public: add fields
when the code needs them, never rename or re-type the contract's.

This module knows nothing of backends or I/O.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field


class _Record(BaseModel):
    model_config = ConfigDict(use_attribute_docstrings=True, extra="forbid")


class Phase(StrEnum):
    """ClinicalTrials.gov phase vocabulary."""

    EARLY_PHASE1 = "EARLY_PHASE1"
    PHASE1 = "PHASE1"
    PHASE2 = "PHASE2"
    PHASE3 = "PHASE3"
    PHASE4 = "PHASE4"


class Allocation(StrEnum):
    randomized = "randomized"
    non_randomized = "non_randomized"
    single_arm = "single_arm"


class Masking(StrEnum):
    open_label = "open_label"
    single_blind = "single_blind"
    double_blind = "double_blind"


class InterventionType(StrEnum):
    drug = "drug"
    biological = "biological"
    cell_therapy = "cell_therapy"
    vaccine = "vaccine"
    procedure = "procedure"
    radiation = "radiation"
    device = "device"
    other = "other"


class EndpointRole(StrEnum):
    primary = "primary"
    co_primary = "co_primary"
    secondary = "secondary"
    exploratory = "exploratory"


class CanonicalEndpoint(StrEnum):
    """Canonical endpoint vocabulary of the contract."""

    ORR = "ORR"
    CR_RATE = "CR_RATE"
    DCR = "DCR"
    CBR = "CBR"
    DOR = "DOR"
    PFS = "PFS"
    OS = "OS"
    EFS = "EFS"
    DFS = "DFS"
    RFS = "RFS"
    TTP = "TTP"
    TTF = "TTF"
    TTNT = "TTNT"
    PCR = "PCR"
    MPR = "MPR"
    PATHOLOGICAL_RESPONSE = "PATHOLOGICAL_RESPONSE"
    R0_RESECTION = "R0_RESECTION"
    TRAE = "TRAE"
    TRAE_GRADE3PLUS = "TRAE_GRADE3PLUS"
    AE = "AE"
    AE_GRADE3PLUS = "AE_GRADE3PLUS"
    SAE = "SAE"
    IRAE = "IRAE"
    DLT = "DLT"
    DISCONTINUATION = "DISCONTINUATION"
    TREATMENT_RELATED_DEATH = "TREATMENT_RELATED_DEATH"
    SAFETY = "SAFETY"
    FEASIBILITY = "FEASIBILITY"
    QOL = "QOL"
    IMMUNE_RESPONSE = "IMMUNE_RESPONSE"
    BIOMARKER = "BIOMARKER"
    OTHER = "OTHER"


class Measure(StrEnum):
    proportion = "proportion"
    median = "median"
    rate_at_time = "rate_at_time"
    hazard_ratio = "hazard_ratio"
    odds_ratio = "odds_ratio"
    risk_ratio = "risk_ratio"
    mean = "mean"
    count = "count"  # type: ignore[assignment]  # shadows str.count; the contract names it so
    difference = "difference"


class Unit(StrEnum):
    percent = "percent"
    months = "months"
    weeks = "weeks"
    days = "days"
    years = "years"
    ratio = "ratio"
    patients = "patients"


class Intervention(_Record):
    """One treatment given in an arm."""

    name: str
    """Generic or code name as written ("domvanalimab", "FOLFOX", "sac-TMT")."""
    type: InterventionType
    """Kind of intervention; placebo, observation and best supportive care are `other`."""
    target: str | None = None
    """Molecular target, short ("anti-TIGIT"), or null."""
    dose: str | None = None
    """Dose as written ("1,200 mg"), or null."""
    schedule: str | None = None
    """Schedule as written ("every 3 weeks"), or null."""


class Arm(_Record):
    """One arm, cohort or group of a trial."""

    label: str | None = None
    """Short label taken from the text ("Arm A", "cohort 1B", "tobemstomig"), or null."""
    n: int | None = None
    """Patients in the arm, or null when not stated."""
    interventions: list[Intervention] = Field(default_factory=list)
    """What the arm received."""


class Endpoint(_Record):
    """An endpoint the trial declares."""

    name: str
    """The endpoint as written ("progression-free survival rate at six months")."""
    canonical: CanonicalEndpoint
    """Canonical endpoint."""
    role: EndpointRole
    """Primary, co-primary, secondary or exploratory."""


class Enrollment(_Record):
    """Patient counts; null when the document does not give one."""

    screened: int | None = None
    """Patients screened."""
    enrolled: int | None = None
    """Patients entered, allocated, randomised or included."""
    treated: int | None = None
    """Patients who received study treatment."""
    evaluable: int | None = None
    """Patients evaluable for the primary endpoint."""
    completed: int | None = None
    """Patients who completed the study or its treatment phase."""


class Result(_Record):
    """One number the document reports for this trial."""

    endpoint: CanonicalEndpoint
    """Canonical endpoint the number measures."""
    name: str | None = None
    """The outcome as written ("6-month PFS rate", "grade >=3 neutropenia"), or null."""
    measure: Measure
    """What kind of number it is."""
    value: float | None = None
    """The number as printed (56.5 for 56.5%); null only with `not_reached: true`."""
    unit: Unit | None = None
    """Unit of `value`, or null."""
    ci_low: float | None = None
    """Lower confidence bound, or null."""
    ci_high: float | None = None
    """Upper confidence bound, or null (also when printed as not estimable)."""
    ci_level: float | None = None
    """Confidence level in percent (95, 90), or null."""
    timepoint: str | None = None
    """Landmark of a `rate_at_time` ("6 months", "2 years"), or null."""
    arm: str | None = None
    """Label of the arm the number belongs to; null for the whole population or a comparison."""
    subgroup: str | None = None
    """Subgroup the number is restricted to ("PD-L1 CPS >= 1"), or null."""
    numerator: int | None = None
    """Numerator when printed ("15 out of 31" gives 15)."""
    denominator: int | None = None
    """Denominator when printed ("15 out of 31" gives 31)."""
    p_value: float | None = None
    """P-value printed with the number, or null."""
    p_relation: Literal["=", "<", ">"] | None = None
    """Relation of the printed p-value: `=`, `<` or `>`."""
    not_reached: bool = False
    """True for "not reached" / "NR" medians (then `value` is null)."""
    evidence: str
    """Verbatim quote from the document that contains the number."""
    evidence_start: int | None = None
    """Character offset of `evidence` in the document text (extension to the contract)."""


class TrialRecord(_Record):
    """One trial reported or summarised by a document."""

    role: Literal["reported", "summarized"]
    """`reported`: the document's own trial; `summarized`: a trial it cites with results."""
    registry_ids: list[str] = Field(default_factory=list)
    """Registry numbers, normalised (NCT + 8 digits, ChiCTR..., EudraCT, ISRCTN, ...)."""
    acronym: str | None = None
    """The trial's name as written ("EDGE-Gastric", "ROME", "CodeBreaK 100"), or null."""
    title: str | None = None
    """Title of the report, when the document has one."""
    phases: list[Phase] | None = None
    """Phases; "phase 1b/2" is [PHASE1, PHASE2]; null when not stated."""
    allocation: Allocation | None = None
    """randomized, non_randomized (several arms, not randomised) or single_arm; null if unstated."""
    masking: Masking | None = None
    """open_label, single_blind or double_blind; null if unstated."""
    multicenter: bool | None = None
    """True for multicentre, false for single-centre, null if unstated."""
    countries: list[str] = Field(default_factory=list)
    """Countries named as trial sites (English short names)."""
    conditions: list[str] = Field(default_factory=list)
    """Disease(s) studied, as written."""
    enrollment: Enrollment = Field(default_factory=Enrollment)
    """Patient counts."""
    arms: list[Arm] = Field(default_factory=list)
    """Arms; a single-arm trial has one."""
    endpoints: list[Endpoint] = Field(default_factory=list)
    """Declared endpoints with their roles."""
    results: list[Result] = Field(default_factory=list)
    """Every number reported for this trial."""
    primary_endpoint_met: bool | None = None
    """Whether the primary endpoint was met, as the document states it; null if unstated."""
    conclusion: str | None = None
    """The authors' conclusion, short."""


class Usage(_Record):
    """What a model-backed extraction of one document cost (extension to the contract)."""

    prompt_tokens: int = 0
    """Prompt tokens over every request, re-asks included, as the endpoint reported them."""
    completion_tokens: int = 0
    """Completion tokens over every request, re-asks included."""
    cached_prompt_tokens: int = 0
    """Prompt tokens the provider served from its prompt cache (part of ``prompt_tokens``, priced apart)."""
    requests: int = 0
    """HTTP requests sent, transport retries and re-asks included."""
    reasks: int = 0
    """Answers sent back to the model because they failed validation."""
    chunks: int = 1
    """Parts the document was split into to fit the token budget."""
    cost_usd: float | None = None
    """Estimated cost from the price table; null when the model has no price."""
    cached: bool = False
    """True when this result came from the response cache (no request was made this run)."""
    batch: bool = False
    """True when the requests went through a Batch API (trialx batch); ``cost_usd`` is at its batch price."""


class DocumentResult(_Record):
    """What the extractor returns for one document."""

    doc_id: str
    """Stable id: from the input (PMID, DOI, id field) or file name and position."""
    is_trial_report: bool
    """True when the document reports the design or results of a clinical trial in people."""
    trials: list[TrialRecord] = Field(default_factory=list)
    """One record per trial."""
    source: str | None = None
    """Where the document came from (file and line or record), when known."""
    backend: str | None = None
    """Backend that produced this result ("rules", "openai")."""
    extractor_version: str | None = None
    """Version of trialx that produced this result."""
    warnings: list[str] = Field(default_factory=list)
    """Non-fatal problems met while extracting this document."""
    model: str | None = None
    """Model that produced this result (model-backed backends only)."""
    prompt: str | None = None
    """Prompt as ``name@version`` (model-backed backends only)."""
    prompt_sha256: str | None = None
    """SHA-256 of the prompt file's text, so a result names the exact prompt it came from."""
    usage: Usage | None = None
    """Tokens, requests and estimated cost of this document (model-backed backends only)."""
