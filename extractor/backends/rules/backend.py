"""The rule-based backend: deterministic, offline, no model.

Reading order: split the document into sentences (with sections), decide what
kind of document it is, decide which sentences speak of the document's own
trial and which of other trials, then fill the record from each group.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from functools import lru_cache
from itertools import islice

from extractor.backends.rules import design, verdict
from extractor.backends.rules.arms import (
    CONTROL_LABEL,
    MODIFIER_WORD,
    ArmDraft,
    another_regimen,
    arm_mentions,
    arms_compared_in_results,
    chemotherapy_by_its_drugs,
    find_arms,
    interventions_in,
    named_already,
    regimens_over_their_drugs,
    says_randomised,
    what_empty_arms_got,
)
from extractor.backends.rules.lexicon import find_countries, find_drugs, lexicon
from extractor.backends.rules.nondrug import find_non_drugs
from extractor.backends.rules.results import (
    Draft,
    carry_topic_arm,
    complete_responses_of_emesis,
    extract_sentence,
    name_primary_outcome,
    topic_arm,
)
from extractor.backends.rules.text import PLAIN, ROUND_ASIDE, WORD_NUMBER, distinct, expansion, folded
from extractor.backends.rules.vocabulary import (
    COUNTED_ONLY,
    Mention,
    endpoint_abbreviations,
    find_mentions,
    kind_by_words,
)
from extractor.documents import Document
from extractor.models import (
    Allocation,
    Arm,
    DocumentResult,
    Endpoint,
    Enrollment,
    Intervention,
    Masking,
    Phase,
    Result,
    TrialRecord,
)
from extractor.patterns import Keyed, holds_any, keep_compiled, needed_any, quick
from extractor.structure import (
    BACKGROUND,
    CONCLUSION,
    DISCUSSION,
    FUNDING,
    METHODS,
    OBJECTIVE,
    OTHER,
    REFERENCES,
    Sentence,
    read_structure,
)

_SKIP_SECTIONS = {REFERENCES, OTHER, FUNDING}
#: "a crossover study", "two prospective cross-over pharmacokinetic intervention studies".
_CROSSOVER = r"\bcross-?over (?:[\w-]+ ){0,3}?(?:stud(?:y|ies)|trials?|design)"
#: Words that make a trial comparative whatever its arms, even in one arm: a crossover, or "The primary
#: objective was to compare RFS in patients with X vs. those without".
_COMPARES = quick(rf"\bprimary (?:end ?point|objective|aim|outcome)\b[^.]{{0,60}}\bcompar|{_CROSSOVER}", re.IGNORECASE)
# Sentences about trials still to come say nothing of this one's design.
_FUTURE = folded(r"\b(?:warrant\w*|further (?:validation|investigation|study|studies|trials?)|future|are needed|is needed|awaited|larger|should be (?:evaluated|confirmed|validated)|would help)\b")
#: Each branch of ``_FUTURE`` holds one of these: the pattern is searched only when one is in the sentence.
_FUTURE_KEYS = ("warrant", "further ", "future", "are needed", "is needed", "awaited", "larger", "should be ", "would help")


def _wishes_for_more(low: str) -> bool:
    """``_FUTURE`` in the lowercased sentence (a few substring tests first: they cost far less)."""
    return holds_any(low, _FUTURE_KEYS) and _FUTURE.search(low) is not None
_CITATION = quick(r"<sup>\s*\d|\[\d+(?:[,–-]\s*\d+)*\]|\(\s*(?:refs?\.?\s*)?\d+(?:[,–-]\d+)*\s*\)$")
_OTHERS_WORK = quick(
    r"\b(?:previous(?:ly)?|prior (?:studies|trials|reports)|historical(?:ly)?|has been (?:shown|reported|demonstrated)|"
    r"have (?:shown|reported|demonstrated)|other (?:studies|trials)|literature|were reported in (?:previous|prior|earlier|other)|"
    r"assum\w+|hypothes\w+|aimed to|designed to|powered to|to detect|sample size|"
    r"would (?:be|have)|expected)\b",
)  # matched against lowercased text
#: Each branch of ``_OTHERS_WORK`` holds one of these: the pattern is searched only when one is in the sentence.
_OTHERS_WORK_KEYS = ("previous", "prior ", "historical", "has been ", "have ", "other ", "literature", "were reported in ",
                     "assum", "hypothes", "aimed to", "designed to", "powered to", "to detect", "sample size", "would ",
                     "expected")
_OWN = quick(r"\b(?:we|our|this (?:study|trial|analysis)|the present (?:study|trial)|here)\b")  # lowercased text
_TRIAL_SIGNAL = quick(  # matched against lowercased text
    r"\b(?:phase\s*(?:i{1,3}v?|[0-4])[ab]?\b|randomi[sz]ed|randomly (?:assigned|allocated)|single[- ]arm|open[- ]label|"
    r"placebo[- ]controlled|double[- ]blind|(?:clinical|controlled|pilot|pivotal|feasibility|comparative) trial|"
    r"this trial|the trial|trial was|we conducted a|enrolled|were treated with|received|randomi[sz]ed (?:controlled )?design|"
    r"randomly assigned|(?:intergroup|cooperative group) trial|trial (?:of|compar\w+)|study compared|\brct\b|"
    r"(?:assigned|allocated|divided|distributed) randomly|randomly (?:receive|received|divided|grouped|selected|distributed)|"
    r"(?:versus|vs\.?|or|with|than|to) (?:a |matching |matched )?placebo|wait(?:ing)?[- ]list(?:ed)? control)\b",
)
#: Arms being compared: with a trial word, a trial.
_COMPARATOR = quick(r"\b(?:versus|vs\.?|placebo|(?:intervention|control|usual[- ]care|treatment|experimental) (?:group|arm)s?|"
                      r"group [1-4a-d]\b|arms? [a-d1-4]\b|compared (?:with|to))\b")
#: "randomly assigned in a 1:1 ratio to", "a randomised controlled study", "were randomized into two groups"
_STRONG_SIGNAL = quick(
    r"\b(?:randomi[sz]ed|randomly (?:assigned|allocated|divided|grouped|distributed)|(?:assigned|allocated) randomly|"
    r"randomi[sz]ation)\b[^.;]{0,60}?\b(?:to|between|into)\b|\brandomly receive\b|\bsingle[- ]arm\b|" + _CROSSOVER + r"\b"
    r"|\brandomi[sz]ed,? (?:[\w-]+[ ,]+){0,4}?(?:trial|study)\b"
    r"|\b(?:were|was) assigned to (?:an? |the |either )?[^.;]{0,40}?\b(?:group|arm)\b[^.;]{0,12}?\bor\b"  # "to a TY group or to a wait-list control group"
    r"|\b(?:were|was) (?:assigned|allocated) to receive either\b"  # "assigned to receive either eribulin or bevacizumab"
)
_NOT_TRIAL = quick(  # matched against lowercased text
    r"\b(?:mice|mouse|murine|xenografts?|preclinical|in vitro|cell lines?|observational|retrospective(?:ly)?|"
    r"case[–-]control|cohort study|database|registry[- ]based|we reviewed \d+|(?:chart|records?) review|medical records|"
    r"critical evaluation|commentary|editorial|correspondence|in reply|meta-analysis|systematic review|"
    r"population-based|national cancer database|seer|rats?|nomograms?|"
    r"(?:sheep|ewes|lambs|piglets|pigs|swine|rabbits|hamsters|dogs|canine|horses|equine|cattle|cows|calves|ducks|"
    r"ducklings|chickens|broilers|monkeys|macaques)|extracted (?:human )?(?:teeth|molars|premolars))\b",
)
#: ``_NOT_TRIAL`` tried only on text holding a word its matches need: two documents in five lack them all, and the
#: search, tried at every character of the document, costs far more than testing them.
_NOT_TRIAL_KEYED = Keyed.needing(_NOT_TRIAL)
#: "were randomly divided into a training set (n = 783) and a validation set": a split of data for a model, not
#: the arms of a trial; it counts against a trial and its "randomly" no longer counts for one.
_DATA_SPLIT = Keyed(quick(
    r"\brandom(?:ly|i[sz]ed)?\b[^.;]{0,60}?\b(?:(?:training|testing|discovery)\s+(?:set|cohort|sample|dataset)|"
    r"(?:validation|derivation|modell?ing)\s+(?:set|cohort|group|sample|dataset))s?\b"),  # not "two training groups"
    "training", "validation", "derivation", "modeling", "modelling", "testing", "discovery")
#: "there are no randomized data to support", "the lack of randomised evidence": a trial's absence, not a trial.
_DENIED_TRIAL = Keyed(quick(r"\b(?:no|lack of|absence of)\s+randomi[sz]ed\s+(?:data|evidence|trials?|studies)\b"),
                      "no randomi", "lack of randomi", "absence of randomi")
_REVIEW = quick(r"^\s*(?:#+\s*)?\**REVIEW\**\s*$|\bthis review\b|\bwe review(?:ed)?\s+(?:the\s+)?(?:literature|published|current|recent|available|evidence|studies|trials)\b|\breview (?:article|aimed)\b", re.IGNORECASE | re.MULTILINE)


class RulesBackend:
    """Patterns and lexicons; the default when no LLM endpoint is configured."""

    name = "rules"
    needs_network = False

    def __init__(self, **_: object) -> None:
        lexicon()  # load once, at construction rather than on the first document

    def extract(self, document: Document) -> DocumentResult:
        plain = _in_plain_characters(document)
        if plain is document:
            return self._extract(document)
        return _quoting(self._extract(plain), document)

    def _extract(self, document: Document) -> DocumentResult:
        text = document.text
        structure = read_structure(text, document.title)
        sentences = list(structure.sentences)
        title = structure.title
        warnings: list[str] = []
        if _is_review(text, title):
            trials = self._review(sentences)
            return DocumentResult(doc_id=document.doc_id, is_trial_report=bool(trials), trials=trials,
                                  warnings=warnings)
        printed = design.registry_ids(text)
        if not _is_trial_report(text, title, sentences, bool(document.registry_ids or printed)):
            return DocumentResult(doc_id=document.doc_id, is_trial_report=False, trials=[])
        trials = self._report(document, title, sentences, printed, structure.labelled)
        return DocumentResult(doc_id=document.doc_id, is_trial_report=True, trials=trials, warnings=warnings)

    # ------------------------------------------------------------ reports

    def _report(self, document: Document, title: str | None, sentences: list[Sentence],
                printed: list[tuple[int, str]], labelled: bool) -> list[TrialRecord]:
        """The document's own trial, then each trial it cites with results."""
        reading = _read_report(title, sentences, labelled)
        drafts = _scoped(_result_drafts(reading), title, reading.arms)
        record = _reported_record(reading, document, printed, drafts)
        return [record, *_cited_records(reading, sentences)]

    # ------------------------------------------------------------ reviews

    def _review(self, sentences: list[Sentence]) -> list[TrialRecord]:
        """Trials a review summarises: results grouped under the trial each passage is about.

        A passage is anchored by a trial name, then a registry number, then the drug it
        discusses; a sentence without an anchor of its own continues the passage before it,
        and a drug merely compared with ("compared to the original sotorasib") does not
        change the subject.
        """
        ci_level = _ci_level(" ".join(s.text for s in sentences))
        anchors: dict[str, _Anchor] = {}
        current: _Anchor | None = None
        last_index = -10
        for s in sentences:
            if s.section in _SKIP_SECTIONS:
                continue
            names = [n for _, n in design.acronyms(s.text)]
            ids = [r for _, r in design.registry_ids(s.text)]
            drugs = [str(i["name"]).lower() for i in interventions_in(s.text) if i["type"] != "other"]
            near = current if current is not None and s.index - last_index <= 2 else None
            key = _passage_key(names, ids, drugs, near)
            if key is None:
                continue
            anchor = anchors.setdefault(key, _Anchor(key))
            anchor.add(s, names, ids, drugs, extract_sentence(s, lambda _t: [], ci_level))
            current, last_index = anchor, s.index
        trials = []
        for anchor in anchors.values():
            if not anchor.drafts:
                continue
            record = _summarized(anchor.acronym or anchor.key, anchor.sentences, anchor.drafts)
            record.acronym = anchor.acronym
            record.registry_ids = anchor.ids
            trials.append(record)
        return trials


@dataclass
class _Anchor:
    """What a review says about one trial: its names, drugs, sentences and numbers."""

    key: str
    acronym: str | None = None
    ids: list[str] = field(default_factory=list)
    drugs: set[str] = field(default_factory=set)
    sentences: list[Sentence] = field(default_factory=list)
    drafts: list[Draft] = field(default_factory=list)

    def add(self, sentence: Sentence, names: list[str], ids: list[str], drugs: list[str], drafts: list[Draft]) -> None:
        """One more sentence of the passage about this trial."""
        if names and self.acronym is None:
            self.acronym = names[0]
        self.ids.extend(r for r in ids if r not in self.ids)
        self.drugs.update(drugs)
        self.sentences.append(sentence)
        self.drafts.extend(drafts)


def _in_plain_characters(document: Document) -> Document:
    """``document`` with the hyphens PubMed text prints as U+2010 or U+2011 ("double‐blinded", "nab‐paclitaxel",
    "thirty‐two") read as "-" and its thin and no-break spaces as " " (``text.PLAIN``), one character for one so that
    every offset stays; the same document when it has none."""
    text, title = document.text.translate(PLAIN), document.title.translate(PLAIN) if document.title else document.title
    return document if text == document.text and title == document.title else replace(document, text=text, title=title)


def _quoting(result: DocumentResult, document: Document) -> DocumentResult:
    """``result`` of the document read with plain hyphens, its quotes (evidence, title, conclusion) as the document
    prints them; names (arms, interventions, endpoints, acronyms) keep the plain hyphen, so they join across documents."""
    for trial in result.trials:
        if trial.title:
            trial.title = _as_printed(trial.title, document.title or "") or _as_printed(trial.title, document.text) \
                or trial.title
        if trial.conclusion:
            trial.conclusion = _as_printed(trial.conclusion, document.text) or trial.conclusion
        for r in trial.results:
            start = r.evidence_start
            printed = document.text[start: start + len(r.evidence)] if start is not None else ""
            if printed.translate(PLAIN) == r.evidence:
                r.evidence = printed
    return result


def _as_printed(quote: str, printed: str) -> str | None:
    """``quote``, read in ``printed`` with plain hyphens, as ``printed`` has it; None where it is not there."""
    at = printed.translate(PLAIN).find(quote)
    return printed[at: at + len(quote)] if at >= 0 else None


def _passage_key(names: list[str], ids: list[str], drugs: list[str], near: _Anchor | None) -> str | None:
    """Which trial a review's sentence is about: its trial name, its registry number, the drug
    it discusses (the passage before, when that one is about the same drug), or the passage
    just before when it names none."""
    if names or ids:
        return names[0] if names else ids[0]
    if drugs:
        return near.key if near is not None and near.drugs & set(drugs) else drugs[0]
    return near.key if near is not None else None


# ---------------------------------------------------------------- a report, in stages


@dataclass
class _Reading:
    """A report read once: its own sentences, the passages about other trials, its arms."""

    title: str | None
    sentences: list[Sentence]
    labelled: bool
    acronym: str | None
    own: list[Sentence]
    cited: dict[str, list[tuple[Sentence, int, int]]]
    design_sents: list[Sentence]
    design_text: str
    arms: list[ArmDraft]
    ci_level: float | None
    joined: str  # every sentence's text, one space apart


#: Sections whose sentences speak of the design only when they say it is the document's own ("in our trial").
_CLOSING = frozenset({DISCUSSION, CONCLUSION})


def _read_report(title: str | None, sentences: list[Sentence], labelled: bool) -> _Reading:
    acronym = _own_acronym(title, sentences)
    own, cited = _own_and_cited(sentences, acronym)
    design_sents = [s for s in own if s.section not in _CLOSING or _OWN.search(s.text.lower())]
    design_text = " ".join([title or ""] + [s.text for s in design_sents if not _wishes_for_more(s.text.lower())])
    arms = _trial_arms(title, design_sents)
    joined = " ".join(s.text for s in sentences)
    return _Reading(title, sentences, labelled, acronym, own, cited, design_sents, design_text, arms,
                    _ci_level(joined), joined)


def _trial_arms(title: str | None, design_sents: list[Sentence]) -> list[ArmDraft]:
    """The trial's arms from its methods; when they name fewer than two, from its methods and the background's
    sentences of randomisation ("Intergroup trial E2603 randomized MM patients to CP with or without sorafenib");
    when these name fewer than two too, from the treatments its results compare ("28.9% for standard surgery (SS) and
    13.8% for surgery involving neuronavigation (SN)")."""
    glossary = " ".join(s.text for s in design_sents)
    arms = find_arms(title, [s.text for s in design_sents if s.section != BACKGROUND], glossary)
    if len(arms) >= 2:
        return arms
    told = [s for s in design_sents if s.section == BACKGROUND and says_randomised(s.text)]
    with_told = [s.text for s in design_sents if s.section != BACKGROUND or s in told]
    more = find_arms(title, with_told, glossary) if told else []
    if len(more) >= 2:
        return more
    compared = arms_compared_in_results(title, with_told, glossary)
    return compared if len(compared) >= 2 else arms


def _own_and_cited(sentences: list[Sentence], acronym: str | None) -> tuple[list[Sentence], dict[str, list[tuple[Sentence, int, int]]]]:
    """The sentences about the document's own trial, and, by name, the passages about other named trials."""
    own: list[Sentence] = []
    cited: dict[str, list[tuple[Sentence, int, int]]] = {}
    own_key = _norm(acronym) if acronym else None
    for s in sentences:
        if s.section in _SKIP_SECTIONS:
            continue
        others = [(pos, name) for pos, name in design.acronyms(s.text) if own_key is None or _norm(name) != own_key]
        for k, (pos, name) in enumerate(others):
            end = others[k + 1][0] if k + 1 < len(others) else len(s.text)
            cited.setdefault(name, []).append((s, pos, end))
        if not others:
            own.append(s)
    return own, cited


def _result_drafts(reading: _Reading) -> list[Draft]:
    """Every number of the own trial's results sentences, with arms, subgroups and timepoints."""
    arms = reading.arms
    not_results = _NOT_RESULTS_PRINTED if reading.labelled else _NOT_RESULTS_INFERRED

    named: dict[str, list[tuple[int, int, str]]] = {}

    def finder(t: str) -> list[tuple[int, int, str]]:
        """The arms named in ``t``, each text read once (``extract_sentence`` and the topic below ask for a sentence's)."""
        if len(arms) <= 1:
            return []
        if t not in named:
            named[t] = arm_mentions(t, arms)
        return named[t]

    labels = [a.label for a in arms if a.label]
    added = _added_arm(arms)
    drafts: list[Draft] = []
    context: str | None = None
    topic: str | None = None  # the arm the sentences just before were about
    abbreviations = endpoint_abbreviations(reading.joined)  # "time to treatment failure (TTTF)"
    for s in reading.own:
        if s.section in not_results or not _speaks_of_own_results(s):
            topic = None
            continue
        found = extract_sentence(s, finder, reading.ci_level, labels, context, added, abbreviations)
        mentions = finder(s.text) if found or topic else []
        if topic and not mentions:
            carry_topic_arm(found, s.text, topic)
        topic = topic_arm(s.text, mentions) if mentions else topic
        drafts.extend(found)
        context = _survival_spoken_of(s.text, found, context)
    complete_responses_of_emesis(drafts, reading.joined)  # "Acute CR rates were 73.5 …" of an antiemetic: no emesis
    return drafts


_SURVIVAL = frozenset({"OS", "PFS", "DFS", "RFS", "EFS", "TTP"})


def _survival_spoken_of(text: str, found: list[Draft], context: str | None) -> str | None:
    """The survival endpoint a bare ratio after this sentence speaks of ("The hazard ratio (HR) was 0.229"): that of
    its results, else, in a sentence with none, the survival it names ("… had significantly improved overall survival.
    The hazard ratio was 0.63"), else ``context``, the one spoken of before."""
    if found:
        return next((d.endpoint for d in reversed(found) if d.endpoint in _SURVIVAL), context)
    if "urviv" not in text and "FS" not in text and "OS" not in text and "TTP" not in text:
        return context
    return next((m.canonical for m in reversed(find_mentions(text)) if m.canonical in _SURVIVAL), context)


def _scoped(drafts: list[Draft], title: str | None, arms: list[ArmDraft]) -> list[Draft]:
    """What the title or the arms say every number is about."""
    population = _title_population(title)
    if population:
        # "Subgroup Analysis of Japanese Patients from the ... AXIS Trial": every number is theirs.
        for d in drafts:
            d.subgroup = d.subgroup or population
    if len(arms) == 1 and arms[0].presented:
        # One named arm of a larger trial is reported ("In arm A1, presented here"): its numbers.
        for d in drafts:
            if d.arm is None and d.measure not in {"hazard_ratio", "odds_ratio", "risk_ratio", "difference"}:
                d.arm = arms[0].label
    return drafts


def _registry(reading: _Reading, document: Document, printed: list[tuple[int, str]]) -> list[str]:
    """Registry numbers of the trial: the input's, then those anywhere in its own text (a title, a registration line),
    and in a title given apart from the text ("… : A randomized controlled trial (NCT00506311)")."""
    spans = [(s.start, s.end) for s in reading.own]
    title_span = _span_of(reading.title, document.text)
    if title_span:
        spans.append(title_span)
    apart = [r for _, r in design.registry_ids(reading.title)] if reading.title and not title_span else []
    return distinct(list(document.registry_ids) + [r for pos, r in printed if any(a <= pos < b for a, b in spans)] + apart)


def _reported_record(reading: _Reading, document: Document, printed: list[tuple[int, str]],
                     drafts: list[Draft]) -> TrialRecord:
    title, design_sents, design_text, arms = reading.title, reading.design_sents, reading.design_text, reading.arms
    enrollment = design.enrollment(design_sents)
    endpoints = _endpoints(design_sents)
    allocation = design.allocation(design_text, len(arms) or 1)
    primary = [e for e in endpoints if e.role in {"primary", "co_primary"}]
    primary_names = {str(e.canonical) for e in primary}
    treating = [s for s in design_sents if s.section != BACKGROUND]
    comparative = allocation == "randomized" or len(arms) >= 2 or _COMPARES.search(design_text) is not None
    results = _results(drafts, primary_names)
    if "evaluable" not in enrollment and not comparative:  # a comparison's denominators are its arms'
        evaluable = _primary_denominator(results, primary_names)
        if evaluable is not None:
            enrollment["evaluable"] = evaluable
    return TrialRecord(
        role="reported",
        registry_ids=_registry(reading, document, printed),
        acronym=reading.acronym,
        title=title,
        phases=design.phases_in(title or "") or design.phases_in(" ".join(s.text for s in design_sents[:12])) or None,
        allocation=allocation,
        masking=design.masking(design_text),
        multicenter=design.multicenter(design_text),
        countries=design.countries(design_text, find_countries(design_text)),
        conditions=design.conditions(title, design_sents),
        enrollment=Enrollment(**enrollment),
        arms=_arms(arms, _Treatment(title, treating, design_sents), enrollment, aim_text=design_text),
        endpoints=endpoints,
        results=results,
        primary_endpoint_met=verdict.verdict(reading.own, primary_names, [e.name for e in primary],
                                             comparative=comparative, secondary=lambda: _secondary_analysis(reading)),
        conclusion=_conclusion(reading.own),
    )


def _secondary_analysis(reading: _Reading) -> bool:
    """The report analyses a trial's data for another question: its title and first two sentences say so."""
    return verdict.secondary_analysis(" ".join([reading.title or ""] + [s.text for s in reading.sentences[:2]]))


def _primary_denominator(results: list[Result], primary: set[str]) -> int | None:
    """The patients a single-arm trial's primary endpoint was evaluated in, as its whole-population result prints
    them ("pCR rate was 48.4% (15 out of 31)", "ORR 66% (21/32)"): the evaluable count."""
    return next((r.denominator for r in results if r.endpoint in primary and r.arm is None and r.subgroup is None
                 and r.denominator), None)


def _cited_records(reading: _Reading, sentences: list[Sentence]) -> list[TrialRecord]:
    """A summarized record for each named trial the document gives numbers of."""
    references = [s for s in sentences if s.section == REFERENCES]
    out = []
    for name, passages in reading.cited.items():
        drafts = [d for s, start, end in passages for d in extract_sentence(s, lambda _t: [], reading.ci_level)
                  if start <= d.pos < end]
        if drafts:
            record = _summarized(name, [s for s, *_ in passages], drafts)
            _design_from_reference(record, name, references)
            out.append(record)
    return out


# ---------------------------------------------------------------- helpers


def _norm(name: str) -> str:
    return _NOT_ALPHANUMERIC.sub("", name.lower())


_NOT_ALPHANUMERIC = quick(r"[\W_]+")


def _is_review(text: str, title: str | None) -> bool:
    head = text[:3000]
    if "review" not in head.lower() and not (title and "review" in title.lower()):
        return False
    return bool(_REVIEW.search(head)) or bool(title and re.search(r"\breview\b", title, re.IGNORECASE))


_SHOWED = quick(r"\b(?:showed|demonstrated|reported|found|has been|have been)\b")


#: "A randomised trial of 224 patients … showed that adjuvant radiotherapy improves …": another's trial, told as
#: its finding, whatever the section (a case report's discussion, an abstract without headings).
_CITED_TRIAL_OPENINGS = frozenset({"a", "an", "one", "two", "three", "several", "many", "some", "recent", "earlier",
                                   "other"})
_CITED_TRIAL = quick(rf"^(?:{'|'.join(sorted(_CITED_TRIAL_OPENINGS))})\s[^.;]{{0,80}}?\b(?:trials?|"
                     r"stud(?:y|ies))\b[^;]{0,150}?\b(?:showed|shown|demonstrated|found|suggested|indicated)\b")


def _others_trial(s: Sentence) -> bool:
    """A trial wished for ("… would help", "… are needed") or another's, cited in the background or told as
    its finding."""
    low = s.text.lower()
    return _wishes_for_more(low) or (s.section == BACKGROUND and bool(_SHOWED.search(low) or _CITATION.search(s.text))) \
        or _cited_trial(low)


def _cited_trial(low: str) -> bool:
    """``_CITED_TRIAL`` in the lowercased sentence (only one opening with an indefinite word is searched)."""
    low = low.lstrip()
    return low.split(" ", 1)[0] in _CITED_TRIAL_OPENINGS and _CITED_TRIAL.search(low) is not None


def _is_trial_report(text: str, title: str | None, sentences: list[Sentence], has_registry: bool) -> bool:
    """Whether the document reports a trial of its own: trial words outweigh the words of other
    designs; a trial merely wished for ("a randomised study … would help") or cited in the
    background does not count."""
    # The title first: when it says so, the whole text need not be searched.
    if title and _TRIAL_SIGNAL.search(low_title := title.lower()) and not _NOT_TRIAL.search(low_title):
        return True
    own_text = " ".join(s.text for s in sentences if s.section not in _SKIP_SECTIONS and not _others_trial(s))
    low, data_splits = _without_data_splits(_without_denied_trials(((title or "") + " " + own_text).lower()))
    not_trial = len(_NOT_TRIAL_KEYED.findall(low)) + data_splits
    # _trial_by_counts says yes to any count from there on: the count is exact below it
    trial_hits = _signal_hits(low, max(2, not_trial + 1))
    if _trial_by_counts(trial_hits, not_trial, has_registry, low):
        return True
    # "the AXEBeam trial", "the TAX 327 study": a named trial (the title's included); more hits only
    # ever turn the answer to yes, so the costlier search waits until it can.
    trial_hits += sum(1 for m in design.ACRONYM_BEFORE_TRIAL.finditer(f"{title or ''}. {own_text}")
                      if design._plausible_acronym(m.group("name")))
    return _trial_by_counts(trial_hits, not_trial, has_registry, low)


def _without_data_splits(low: str) -> tuple[str, int]:
    """The lowercased text without its splits of data for a model ("randomized into training and validation
    sets"), and how many there were."""
    return _DATA_SPLIT.pattern.subn(" ", low) if _DATA_SPLIT.holds_key(low) else (low, 0)


def _without_denied_trials(low: str) -> str:
    """The lowercased text without the trial words that deny a trial ("no randomized data")."""
    return _DENIED_TRIAL.pattern.sub(" ", low) if _DENIED_TRIAL.holds_key(low) else low


def _signal_hits(low: str, enough: int) -> int:
    """The trial words of the lowercased text, a strong one counting twice ("randomised to receive X or Y" says a
    trial on its own); counting stops at ``enough``."""
    hits = 0
    for pattern, weight in ((_STRONG_SIGNAL, 2), (_TRIAL_SIGNAL, 1)):
        for _ in pattern.finditer(low):
            hits += weight
            if hits >= enough:
                return hits
    return hits


def _trial_by_counts(trial_hits: int, not_trial: int, has_registry: bool, low: str) -> bool:
    if has_registry and trial_hits >= 1:
        return True
    if trial_hits >= 1 and not not_trial and _COMPARATOR.search(low):
        return True  # "randomly assigned: group 1 (G1; n = 37), …", "a trial of paclitaxel versus doxorubicin"
    return trial_hits >= 2 and trial_hits > not_trial


def _own_acronym(title: str | None, sentences: list[Sentence]) -> str | None:
    """The name of the document's own trial: from its title, else from the first sentences that speak of it."""
    named = (_title_acronym(title) if title else None) or _registered_acronym(sentences)
    if named:
        return named
    known: list[str] = []
    for s in sentences[:15]:
        if s.section in _SKIP_SECTIONS:
            continue
        bare = _bare_mentions(s.text, known)
        names = design.acronyms(s.text)
        known.extend(name for _, name in names if name not in known)
        # "The X trial (NCT…) was a prospective, randomised study", even in the background: a secondary analysis of X
        if " was a" in s.text or " is a" in s.text:
            described = next((name for pos, name in names if _DESCRIBED_TRIAL.match(s.text, pos)), None)
            if described:
                return described
        if s.section == BACKGROUND:
            # "This prospective randomized phase-III-trial (X) compares …"; the text's first sentence "The X trial evaluated …"
            opening = _this_trial(s.text, sorted(names + bare)) or (_opening_trial(s.text, names) if s.index == 0 else None)
            if opening:
                return opening
            continue
        own = next((name for pos, name in names if _said_own(s.text, pos, name)), None) or \
            next((name for pos, name in bare if _OWN_BEFORE.search(s.text, max(0, pos - 100), pos)), None)
        if own:
            return own
        lead = _NAME_LEADS.match(s.text)
        if lead:
            return lead.group("n")
    return _parent_trial(sentences)


def _bare_mentions(text: str, known: list[str]) -> list[tuple[int, str]]:
    """Mentions of trial names read in the sentences before, without a trial word: "… Clinical Trials Group CO.17
    demonstrated … This article reports the outcomes from CO.17." (the second)."""
    return [(m.start(), name) for name in known if name in text
            for m in re.finditer(rf"(?<![\w.-]){re.escape(name)}(?![\w-]|\.\d|\s+(?i:trial|study))", text)]


def _said_own(text: str, pos: int, name: str) -> bool:
    """Whether the words around a name make it the document's own trial ("in this phase 3 X trial", "The X trial showed")."""
    spelled = design.spelled_out_start(text, pos, name)  # "in the Post Operative … (PORTEC-1) trial"
    before = text[max(0, spelled - 100): spelled]
    own = _OWN_BEFORE.search(before) or _OPENS_WITH_THE.fullmatch(text, 0, spelled) or _AIMS_AT.match(text) or \
        re.match(rf"^\W*{re.escape(name)}\b[^.]{{0,20}}\b(?:was|is|,)\s", text[pos:])
    if not own or re.search(r"future|previous", text[pos:pos + 40] + before, re.I):
        return False
    # "our ongoing NEJ009 study will clarify", "the X trial evaluating Y is under way"; but "We report the initial findings
    # from the ongoing phase 2 X study, evaluating …" is the document's own
    return bool(_REPORTS.search(before)) or not (re.search(r"being evaluated|evaluating", text[pos:pos + 40] + before, re.I)
                                                 or re.search(r"\bongoing\s+$", before))


#: After "The X trial" (and a bracket spelling it out), a verb that says what it did: "The AVEREL trial [A Study of …] evaluated".
_DID = quick(r"[”\"’]?\s*(?:(?:trial|study)\s*)?(?:\[[^\]]*\]|\([^)]*\))?\s*(?:evaluated|compared|randomi[sz]ed|assessed|"
                  r"investigated|tested|examined|enrolled|was designed|is designed)\b", re.IGNORECASE)


def _opening_trial(text: str, names: list[tuple[int, str]]) -> str | None:
    """The trial a text's first sentence opens on and says what it did, even where that sentence reads as background:
    "The AVEREL trial [A Study of …] evaluated first-line bevacizumab", "RESPIRE, a randomized trial of an improved cookstove,
    was conducted"; not "The X trial showed" (a result cited)."""
    for pos, name in names[:1]:
        if _OPENS_WITH_THE.fullmatch(text, 0, design.spelled_out_start(text, pos, name)) and _DID.match(text, pos + len(name)):
            return name
        if not text[:pos].strip() and (pos, name) in design.named_in_apposition(text):
            return name
    return None


#: A sentence that opens on a hyphenated name and what it is: "KEYNOTE-189, a randomised …".
_NAME_LEADS = quick(r"^\s*(?P<n>[A-Z][A-Z0-9]+(?:-[A-Z0-9]+)+),\s+an?\s")


def _this_trial(text: str, names: list[tuple[int, str]] | None = None) -> str | None:
    """The trial a sentence opens on with "This …", or that "we" or "this article" report on: the document's own, even where
    its section reads as background ("This article reports the outcomes from CO.17"); ``names``: the sentence's trial names."""
    for pos, name in design.acronyms(text) if names is None else names:
        spelled = design.spelled_out_start(text, pos, name)
        if _THIS_OPENS.fullmatch(text, 0, spelled) or _REPORTS.search(text, 0, spelled):
            return name
    return None


_THIS_OPENS = quick(r"\W*(?:this|the present|our)\s+(?:[\w‐-]+[\s,]+){0,5}", re.IGNORECASE)


#: A sentence (not of the background) that opens on "The X trial": "The AVEREL trial [...] evaluated", "The PEACH
#: trial suggests that", "The randomized controlled double-blind HECTOR trial showed".
_OPENS_WITH_THE = quick(r"\W*the\s+(?:(?:randomi[sz]ed|controlled|double[-‐]blind|open[-‐]label|phase\s*(?:I{1,3}|[1-4])[ab]?|"
                             r"multicent(?:er|re)|international|global|prospective)[\s,]+)*", re.IGNORECASE)
#: A sentence that opens on the objective names its own trial: "To evaluate … during 2 years of the ATTAIN trial".
_AIMS_AT = quick(r"\W*(?:to|we\s+aimed\s+to)\s+(?:evaluate|assess|determine|examine|investigate|describe|report|compare|"
                      r"analy[sz]e|explore)\b", re.IGNORECASE)
#: "We report …", "This article reports …", "We performed a retrospective analysis of …" before a name: the document's own.
_REPORTS = quick(r"\b(?:here\s+)?(?:we|this\s+(?:article|paper|report))\s+(?:reports?|present|describe|performed|conducted)\b[^.]*$",
                 re.I)
#: Words that make the named trial the document's own: "we report ... the X trial", "in this phase 3 X trial".
_OWN_BEFORE = quick(_REPORTS.pattern + r"|\b(?:this|the present|in the|our)\s+(?:[\w‐-]+[\s,]+){0,4}$"
                    # a secondary analysis of its trial's patients: "patients from the X trial", "enrolled on the X trial"
                    r"|\b(?:patients|participants|subjects|women|men|children)\s+(?:[\w‐-]+\s+){0,2}?from\s+the\s+$"
                    r"|\b(?:end\s?points?|objectives?)\s+of\s+the\s+(?:[\w‐-]+\s+){0,2}$"  # "one of the secondary end points of the X trial"
                    r"|\b(?:database|data\s?set|data)\s+(?:of|from)\s+the\s+(?:(?!two\b|three\b|\d)[\w‐-]+[\s,]+){0,3}$"
                    r"|\b(?:enrolled|randomi[sz]ed|registered|treated)\s+(?:on|in|into|onto)\s+(?:the|an?)\s+(?:[\w‐-]+[\s,]+){0,4}$", re.I)


#: NEJM's footer: "(Funded by Merck; KEYNOTE-355 ClinicalTrials.gov number, NCT02819518.)"
_REGISTERED_AS = quick(rf"\b(?P<name>{design.ACRONYM_CORE})\s+(?:ClinicalTrials\.gov|ISRCTN|EudraCT|EU Clinical Trials "
                       r"Register|Current Controlled Trials|UMIN|ANZCTR|Chinese Clinical Trial Registry)\s+(?:number|registration)")


def _registered_acronym(sentences: list[Sentence]) -> str | None:
    for s in reversed(sentences):
        if "number" in s.text or "registration" in s.text:
            m = _REGISTERED_AS.search(s.text)
            if m and design._plausible_acronym(m.group("name")):
                return m.group("name")
    return None


def _title_acronym(title: str) -> str | None:
    names = design.acronyms(title)
    subject = design.named_in_apposition(title)  # "Main Findings of PERFECT, a Sub-Study of the EUROPA Trial": PERFECT
    if names:
        return subject[0][1] if subject else names[-1][1]
    colon = _NAME_BEFORE_COLON.search(title) if ":" in title else None  # "KEYNOTE-189: …", "Updated outcomes of NEJ005/TCOG0902: a randomised study"
    if colon and all(design._plausible_acronym(part) for part in colon.group("name").split("/")) \
            and not _names_drug_before(title, colon.end("name")):
        return colon.group("name")
    group = design.GROUP_TRIAL_NUMBER.search(title) if "trial" in title or "study" in title else None
    if group:
        return group.group("whole") or group.group("number")
    for m in design.ACRONYM_PAREN.finditer(title):
        # "(TACT): an open-label ..." or at the end; not "(VKA) therapy".
        closing = title[m.end():].lstrip()
        if design._plausible_acronym(m.group("name")) and (not closing or closing[0] in ":;,.") \
                and not _names_drug_before(title, m.start()) and " and " not in m.group(0) \
                and not design.spelled_out_term(title, m.start("name"), m.group("name")):  # "general practitioners (GPs):"
            return m.group("name")
    return None


_NAME_BEFORE_COLON = quick(
    rf"(?:^|\b(?:of|from|in)\s+(?:the\s+)?)(?P<name>{design.ACRONYM_CORE}(?:/{design.ACRONYM_CORE})?):\s+"
    r"(?=(?:an?|the)\s+(?:[\w,-]+\s+){0,8}?(?:trial|study)\b|[^:]{10,})")


def _names_drug_before(text: str, at: int) -> bool:
    """True when a drug name ends just before ``at``: "siltuximab (CNTO 328)", "cisplatin, 5-FU (ECF)"
    abbreviate a drug or a regimen, not a trial."""
    before = text[max(0, at - 40):at].rstrip()
    return any(d.end >= len(before) - 1 for d in find_drugs(before))


#: A secondary analysis says so; its background then names the trial it analyses ("In the phase III AVAGAST trial, ...").
_SECONDARY = folded(r"\b(?:post[- ]hoc|secondary|exploratory|subgroup|translational|biomarker|updated|pooled|"
                    r"quality[- ]of[- ]life|long[- ]term follow[- ]up) analys[ie]s\b|\bthis analysis\b")  # lowercased text
_DESIGN_BEFORE = quick(r"\b(?:phase\s+(?:I{1,3}V?|[1-4])[ab]?|randomi[sz]ed)\b[^.;]{0,30}$", re.IGNORECASE)


def _parent_trial(sentences: list[Sentence]) -> str | None:
    """The one trial a secondary analysis names, with its design, in its first sentences."""
    joined = " ".join(s.text for s in sentences[:20]).lower()
    secondary = "analys" in joined and bool(_SECONDARY.search(joined))
    head = sentences[:6] if secondary else sentences[:1]  # else only the opening words: "In the phase III AVAGAST trial, ..."
    names = {name for s in head if "hase" in s.text or "andomi" in s.text
             for pos, name in design.acronyms(s.text) if _DESIGN_BEFORE.search(s.text[:pos])}
    return names.pop() if len(names) == 1 else None


_DESCRIBED_TRIAL = quick(
    r"[\w-]+[”\"’]?(?:\s\([^()]{3,80}\))?[^.]{0,40}?\b(?:was|is)\s+an?\s+(?:[\w-]+[\s,]+){0,4}?"
    r"(?:prospective|randomi[sz]ed|multi-?cent\w*|phase|open[- ]label|double[- ]blind|controlled)\b",
    re.IGNORECASE,
)
#: A figure legend or table caption opens the sentence; a tab marks a table row (a substring test).
_CAPTION = quick(r"\W*(?:Fig(?:ure)?s?\.?|Table|Supplementary)\s*\d")


#: Sections whose numbers are not the trial's results: printed labels are trusted; of
#: inferred sections only background and objective are (an inferred "methods" sentence
#: may still report numbers: unlabelled abstracts mix them).
_NOT_RESULTS_PRINTED = {BACKGROUND, OBJECTIVE, METHODS} | _SKIP_SECTIONS
_NOT_RESULTS_INFERRED = {BACKGROUND, OBJECTIVE} | _SKIP_SECTIONS


def _span_of(title: str | None, text: str) -> tuple[int, int] | None:
    at = text.find(title) if title else -1
    return (at, at + len(title or "")) if at >= 0 else None


def _speaks_of_own_results(s: Sentence) -> bool:
    if "\t" in s.text or _CAPTION.match(s.text):
        return False  # figure legends and table rows repeat the text, without its context
    if _CITATION.search(s.text):
        return False
    low = s.text.lower()
    if (holds_any(low, _OTHERS_WORK_KEYS) and _OTHERS_WORK.search(low)) or _is_baseline(low):
        return False
    return not (s.section == DISCUSSION and not _OWN.search(low))


#: Baseline characteristics are not results: "At baseline, groups were comparable for age (mean, 61 years), sex (54% men)".
_BASELINE = folded(
    r"^(?:at baseline|baseline (?:characteristics|demographics))\b|\b(?:groups|arms) were (?:well[- ])?(?:balanced|comparable|similar)"
    r" (?:for|in|with respect to|regarding|in terms of)\b|\bbaseline (?:characteristics|demographics) (?:were|was)\b"
)


def _is_baseline(low: str) -> bool:
    """``_BASELINE`` in the lowercased sentence (each branch holds "baseline" or "were")."""
    return ("baseline" in low or " were " in low) and _BASELINE.search(low) is not None


#: The level of a confidence interval: "95% CI", "90·5 % confidence".
_CI_LEVEL = quick(r"(\d\d(?:[.·]\d+)?)\s?%\s*(?:CI|confidence)")
#: "CI" or "confidence", one of which a match holds: four abstracts in five have neither, and the search over the
#: whole text (tried at every digit) costs far more than the two substring tests.
_CI_NEEDS = needed_any(_CI_LEVEL)


def _ci_level(text: str) -> float | None:
    m = _CI_LEVEL.search(text) if holds_any(text, _CI_NEEDS) else None
    if not m:
        return None
    return float(m.group(1).replace("·", "."))


def _names_treatment(text: str) -> bool:
    """Whether ``text`` names a drug, placebo, a radiotherapy or a procedure (not only a programme or care)."""
    return bool(find_drugs(text, code_names=True)) or "placebo" in text.lower() \
        or any(n.type in {"radiation", "procedure"} for n in find_non_drugs(text))


def _drugs_in(text: str) -> bool:
    return bool(find_drugs(text, code_names=True))


# Words of a sentence that says what patients got (not "of"/"with": they are everywhere).
_TREATMENT = folded(
    r"\b(?:received|receive|receiving|treated with|plus|combined with|combination|administered|given|randomi[sz]ed|"
    r"assigned|allocated|versus|vs|trial of|study of|evaluat\w+|investigat\w+|compar\w+|added to|addition of|"
    r"therapy with|treatment with|chemotherapy with|followed by|monotherapy)\b"
)
#: ``_TREATMENT`` tried only on text holding a word its matches need: half the design sentences hold none, and
#: testing them costs a fifth of the search.
_TREATMENT_KEYED = Keyed.needing(_TREATMENT)


def _treatment_text(title: str | None, sentences: list[Sentence], names: Callable[[str], object] = _drugs_in) -> str:
    """Where a single-arm trial names what it gives: the title, else its first two treatment
    sentences that name a drug (or what ``names`` finds), else a title that names a procedure or radiotherapy."""
    if title and names(title):
        return title
    treating = (s.text for s in sentences[:12] if _says_treatment(s.text))
    picked = " ".join(islice(filter(names, treating), 2))  # the sentences after the second are not read
    return picked or (title if title and _names_treatment(title) else "")


#: A p-value: "p = 0.028", "P<0.05", "p ≤ .01".
_P_VALUE = quick(r"\bp\s*[=<>≤]\s*0?[.·]\d", re.IGNORECASE)


def _prints_p_value(text: str) -> bool:
    """Whether a sentence prints a p-value: it reports an outcome ("Median peak IFN-γ T cell response … (A vs. C, p =
    0.028)")."""
    return ("=" in text or "<" in text or "≤" in text) and _P_VALUE.search(text) is not None


@lru_cache(maxsize=64)
def _says_treatment(text: str) -> bool:
    """Whether a sentence has the words of one that says what patients got (``_TREATMENT``). Kept for the last
    few sentences: a trial's drugs, then its non-drug interventions, are looked for in the same sentences."""
    return _TREATMENT_KEYED.search(text.lower()) is not None


@dataclass
class _Treatment:
    """What a trial's design sentences say patients got, each text read only when the arms ask for it."""

    title: str | None
    treating: list[Sentence]  # the design sentences outside the background
    design_sents: list[Sentence]

    def drugs(self) -> str:
        """The title or the first treatment sentences that name a drug."""
        return _treatment_text(self.title, self.treating)

    def non_drugs(self) -> str:
        """The title or the first treatment sentences that name a non-drug intervention."""
        return _treatment_text(self.title, self.treating, find_non_drugs)

    def assigned(self) -> str:
        """The drugs text (``drugs``, less the sentences that print a p-value: what they name is measured, as "peak
        IFN-γ T cell response … (A vs. C, p = 0.028)") and, when that is a title, what the randomisation assigns:
        "Sequential docetaxel as adjuvant chemotherapy" names the new drug, "randomly assigned to receive FEC … or
        control" the regimens."""
        drugs = _treatment_text(self.title, [s for s in self.treating if not _prints_p_value(s.text)])
        return f"{drugs} {self.randomised()}" if drugs and drugs == self.title else drugs

    def randomised(self) -> str:
        """What the first randomisation assigns, in the treatment sentences, else in any design sentence."""
        return _randomised_to(self.treating) or _randomised_to(self.design_sents)

    def compared(self) -> str:
        """What the first comparison among the treatment sentences compares (``_compared``)."""
        return _compared(self.treating)

    def everyone(self) -> str:
        """What every patient got (``_given_to_everyone``)."""
        return _given_to_everyone(self.treating)


#: The verb of a randomisation and its "to": "were randomly assigned to receive", "randomised (1:1) between".
_RANDOMISED_TO = quick(r"\b(?:randomi[sz]ed|randomly\s+(?:assigned|allocated)|assigned|allocated)\s+(?:\([\d:\s]+\)\s+)?"
                       r"(?:to|between|into)\b", re.IGNORECASE)
#: Every match of ``_RANDOMISED_TO``, lowercased, holds one of these (parts without "i" or "s": re matches them to
#: "ı" and "ſ" too, where ``str.lower`` keeps those as they are).
_RANDOMISED_TO_KEYS = ("random", "gned", "allocated")


def _randomised_to(sentences: list[Sentence]) -> str:
    """What the first randomisation among the treatment sentences assigns: the words after its verb, those before
    being who was randomised ("after cisplatin, patients were randomised to docetaxel or placebo")."""
    for s in sentences[:12]:
        m = _RANDOMISED_TO.search(s.text) if holds_any(s.text.lower(), _RANDOMISED_TO_KEYS) else None
        if m and interventions_in(s.text[m.end():]):
            return s.text[m.end():]
    return ""


#: What a design sentence without a randomisation compares: "Nabilone … and Prochlorperazine were compared in a …
#: study", "a trial comparing 45 Gy with 60 Gy", "letrozole compared with placebo after adjuvant tamoxifen": the
#: words before "were compared", or the two sides of "compar(ing) X with Y" up to a clause's end or "in", "among".
_COMPARED = quick(
    r"^(?P<x>[^;:]{3,150}?)\s+(?:were|was|are|is)\s+compared\b"
    r"|\bcompar(?:ing|ed|es)\s+(?!with\b|to\b)(?P<a>[^,;:.]{2,80}?)\s+(?:with|to|versus|vs\.?|and)\s+(?P<b>[^,;:.]{2,80}?)"
    r"(?=\s+(?:in|among|for|as|after|before|on|at|during)\b|[,;:.]|$)"
    r"|(?:^|[,;:]\s*|\b(?:of|with|to)\s+)(?P<c>[^,;:.()]{2,60}?)\s+compared\s+(?:with|to)\s+(?P<d>[^,;:.]{2,80}?)"
    r"(?=\s+(?:in|among|for|as|after|before|on|at|during)\b|[,;:.]|$)",
    re.IGNORECASE,
)


def _compared(sentences: list[Sentence]) -> str:
    """What the first comparison among the treatment sentences compares (``_COMPARED``), when it names two
    interventions at least."""
    for s in sentences[:12]:
        m = _COMPARED.search(s.text) if "compar" in s.text.lower() else None
        sides = " and ".join(part for part in (m.groups() if m else ()) if part)
        if len(interventions_in(sides)) >= 2:
            return sides
    return ""


#: A treatment every arm gets: "All patients received dexamethasone on day 1", "both groups were given mesna".
_GIVEN_TO_EVERYONE = quick(
    r"\b(?:all|both|each)\s+(?:(?:the\s+)?(?:patients|participants|subjects|women|men|groups?|arms)\s+)?"
    r"(?:also\s+|additionally\s+)?(?:received|were\s+given|were\s+treated\s+with|were\s+administered|underwent)\b",
    re.IGNORECASE,
)


def _given_to_everyone(sentences: list[Sentence]) -> str:
    """What the treatment sentences say every patient got: the words after "all patients received"."""
    return " ".join(s.text[m.end():] for s in sentences[:12] if _may_give_everyone(s.text.lower())
                    and (m := _GIVEN_TO_EVERYONE.search(s.text)))


def _may_give_everyone(low: str) -> bool:
    """Whether the lowercased text holds the words every ``_GIVEN_TO_EVERYONE`` holds: "all", "both" or "each",
    and "rece(ived)", "were" or "underwent" (parts without "i" or "s", as in ``_RANDOMISED_TO_KEYS``)."""
    return holds_any(low, ("all", "both", "each")) and holds_any(low, ("rece", "were", "underwent"))


def _added_arm(arms: list[ArmDraft]) -> str | None:
    """Of two labelled arms, the one whose treatments are the other's plus more ("TE" and "TEL")."""
    if len(arms) != 2 or not all(a.label for a in arms):
        return None
    first, second = ({str(i["name"]).lower() for i in a.interventions} for a in arms)
    if first and first < second:
        return arms[1].label
    if second and second < first:
        return arms[0].label
    return None


#: Arm names that say which arm, not what it got.
_GENERIC_ARM_NAME = quick(
    r"^(?:(?:arm|group|cohort)\s+\S+|\S+\s+(?:arm|group|cohort)|control|controls|experimental|experiment|intervention|"
    r"treatment|study|active|test|standard|conventional|(?-i:(?=[\w+/-]{1,6}$)[\w+/-]*[A-Z][\w+/-]*))$",
    re.IGNORECASE,
)
_PROCEDURE_WORDS = quick(r"surgery|resection|ectomy|dissection|biopsy|reconstruction|transplant|ablation|"
                         r"preservation|anastomosis|brachytherapy|radiotherapy|irradiation", re.IGNORECASE)


def _spelled(name: str | None, *texts: str | None) -> str | None:
    """A name, or the words the first of ``texts`` that defines it gives ("usual care (UC)": "usual care")."""
    if name and _ABBREVIATION.fullmatch(name):
        return next((found for text in texts if text and (found := expansion(name, text))), name)
    return name


_ABBREVIATION = quick(r"[A-Z][A-Za-z0-9+/-]{0,7}")

_UNIT = r"(?:mg|g|grams?|µg|μg|mcg|IU|U|ml|mL|Gy|%)"
_TIME = r"(?:min(?:utes?)?|h(?:ours?)?|days?|wks?|weeks?|months?)"
#: How much or how long, around what an arm got: "TMX 60 mg d", "rizatriptan 10 mg", "36 weeks of CMFVP",
#: "3 g of ampicillin-sulbactam", "LLLT for 20 minutes".
_DOSE_AROUND = quick(
    rf"^\d[\d.,]*[\s-]*(?:{_UNIT}|{_TIME})(?:/(?:day|d|kg))?\s+of\s+|\s+\d[\d.,]*\s*{_UNIT}(?:/|\b)(?:[\s/.]*[\w.]{{0,6}})*$"
    rf"|\s+for\s+\d[\d./]*\s*{_TIME}\b.*$",
    re.IGNORECASE,
)
#: A label that is only a dose or a time: "1-μg/day", "3 h", "10 Gy single fraction", "30 Gy in 10 fractions".
_ONLY_A_DOSE = quick(rf"^\d[\d.,]*[\s-]*(?:{_UNIT}|{_TIME})\b(?:/\w+)?(?:\s+(?:single|in|per|\d+|fractions?|daily))*$",
                     re.IGNORECASE)


def _without_dose(label: str | None) -> str | None:
    """An arm's label less the dose or time around what it got ("TMX 60 mg d": "TMX"); None for a label that is
    only a dose ("30 Gy in 10 fractions": the arm's name says how much, not what)."""
    if not label or not any(c.isdigit() for c in label):
        return label
    if _ONLY_A_DOSE.match(label):
        return None
    return _DOSE_AROUND.sub("", label).strip() or None


#: The joints of a combined label ("A plus B", "A + B") and a closing "alone".
_JOINED_BY = quick(r"\s+(?:plus|\+|combined with|and)\s+")
_ALONE_END = quick(r"\s+(?:alone|only)$|-alone$", re.IGNORECASE)


def _named_intervention(label: str | None) -> list[dict[str, str | None]]:
    """An arm of a non-drug trial known by what it got ("acupuncture", "patient navigation",
    "usual care"): that name is its intervention."""
    if not label or _GENERIC_ARM_NAME.match(label):
        return []
    # "pain education plus telemonitoring" is two; "radiotherapy alone" is radiotherapy.
    parts = [_ALONE_END.sub("", p.strip())
             for p in _JOINED_BY.split(label)]
    return [_named_part(part) for part in parts if part and not MODIFIER_WORD.fullmatch(part)  # not "hypofractionated"
            and not _NOT_A_TREATMENT.match(part)]


#: Arm names that say how the arms differ, not what one got: "control conditions", "reverse sequence", "active
#: drugs", "higher dose", "case", "third".
_NOT_A_TREATMENT = quick(r"^(?:\S+\s+)?(?:conditions?|sequences?|drugs?|doses?|patients?|combination|cases?|first|second|"
                              r"third)$", re.IGNORECASE)


def _named_part(name: str) -> dict[str, str | None]:
    """A treatment an arm's name gives: the drug the name is ("megestrol acetate", spelled from "MA"), else a
    non-drug one."""
    drugs = find_drugs(name, code_names=True)
    if len(drugs) == 1 and drugs[0].start == 0 and drugs[0].end == len(name):
        return {"name": name, "type": drugs[0].drug.type, "target": drugs[0].drug.target, "dose": None, "schedule": None}
    return _non_drug(name)


def _non_drug(name: str) -> dict[str, str | None]:
    """A non-drug intervention named as written: a procedure, or "other" (education, exercise, usual care)."""
    return {"name": name, "type": "procedure" if _PROCEDURE_WORDS.search(name) else "other", "target": None,
            "dose": None, "schedule": None}


#: What a trial tests, as its aim says: "the effectiveness of guided imagery (GI) and progressive muscle
#: relaxation (PMR) as ...", "effects of a spiritual care program on anxiety", "whether cardiac rehabilitation (CR) is".
_AIMED = quick(
    r"\b(?:(?:effects?|effectiveness|efficacy|impact|benefits?|feasibility|acceptability|influence|usefulness)\s+of"
    r"|whether)\s+(?:an?\s+|the\s+)?(?P<x>[A-Za-z][\w'’/-]*(?:\s+(?:\([A-Za-z]{1,8}\)\s+(?:and\s+)?)?[\w'’/-]+){0,6}?)"
    r"\s*(?:\([A-Za-z-]{1,10}\)\s*)?(?=\s(?:on|in|for|as|among|versus|vs\.?|compared|to (?:improve|reduce|prevent)|during|"
    r"after|is|was|can|could|would|improves?|reduces?)\b)",
    re.IGNORECASE,
)
_NOT_AIMED = quick(r"\b(?:this|these|such|patients?|survival|cancers?|treatment|therapy|study|trial|outcomes?|"
                   r"quality|symptoms?|levels?|the|our|factors?|characteristics|gender|sex|age|changes?|measures?|"
                   r"group|models?|modell?ing|validation|were|was|is|are|receiving|reviewers?|variables?|"
                   r"predictors?|biomarkers?|expression|status|mutations?|polymorphisms?|genes?|^intervention)\b",
                   re.IGNORECASE)


#: How a treatment is given, before what it is: "(the effect of) topical application of royal jelly".
_APPLICATION_OF = quick(r"^(?:(?:topical|oral|local|daily)\s+)?(?:(?:application|administration|use|provision|intake|supply|"
                        r"sessions?|courses?)\s+of|treatment\s+with)\s+", re.IGNORECASE)


def _aimed_interventions(design_text: str) -> list[dict[str, str | None]]:
    """The non-drug interventions the trial's aim names ("guided imagery", "progressive muscle relaxation")."""
    for m in _AIMED.finditer(design_text):
        phrase = re.sub(r"\s*\([^()]*\)", "", m.group("x")).strip()
        if _NOT_AIMED.search(phrase) or phrase.endswith(" based") or _drugs_in(phrase) or "placebo" in phrase.lower() \
                or find_mentions(phrase):
            continue  # not "(the efficacy of) RT based (on …)"
        phrase = _APPLICATION_OF.sub("", phrase)
        found = find_non_drugs(phrase)
        if len(found) == 1 and " and " not in phrase:
            phrase = found[0].name  # "a six month early intervention program following reconstructive surgery"
        parts = re.split(r"\s+and\s+", phrase)
        if len(parts) != 2 or min(len(p.split()) for p in parts) < 2:
            parts = _COMBINED.split(phrase)  # "aerobic and resistance exercise" is one
        return [_named_part(_spelled(part, design_text) or part) for part in parts if part]
    return []


#: What a tested treatment is combined with: "Shenqi Fuzheng Injection (SFI) combined with chemotherapy".
_COMBINED = quick(r"\s+(?:combined(?:\s+with)?|in\s+combination\s+with|plus)\s+", re.IGNORECASE)


_BACKBONE_TYPES = frozenset({"drug", "biological", "cell_therapy", "vaccine", "radiation"})


def _names_a_part(intervention: dict[str, str | None], named: list[dict[str, str | None]]) -> bool:
    """Whether the name is a word run of one already named, or holds one ("exercise", "exercise program")."""
    name = f" {str(intervention['name']).lower()} "
    return any(name in f" {str(i['name']).lower()} " or f" {str(i['name']).lower()} " in name for i in named)


def _longer_names(arms: list[ArmDraft], pool: list[dict[str, str | None]]) -> None:
    """An arm's non-drug intervention known by a short name ("exercise") takes the longer name the
    treatment text gives it ("telephone-based exercise intervention"), when only one name is longer."""
    for arm in arms:
        for k, given in enumerate(arm.interventions):
            if given["type"] in _DRUG_TYPES:
                continue
            short = f" {str(given['name']).lower()} "
            longer = [i for i in pool if i["type"] not in _DRUG_TYPES and short in f" {str(i['name']).lower()} "
                      and str(i["name"]).lower() != short.strip()]
            if len(longer) == 1:
                arm.interventions[k] = longer[0]


_DRUG_TYPES = frozenset({"drug", "biological", "cell_therapy", "vaccine"})


def _arms(arms: list[ArmDraft], given: _Treatment, enrollment: dict[str, int], aim_text: str = "") -> list[Arm]:
    everyone = [i for i in interventions_in(given.everyone()) if i["type"] in _BACKBONE_TYPES]
    if arms:
        design_text = " ".join(s.text for s in given.design_sents)
        _complete_arms(arms, given.assigned(), aim_text, given.non_drugs())
        _told_apart_by_brackets(arms, design_text)
        _control_received(arms, given.design_sents)
        what_empty_arms_got(arms, design_text)
        _codes_as_names(arms, design_text)
        _empty_arms_by_brackets(arms, design_text)
        for arm in arms:
            arm.interventions += [i for i in everyone if not named_already(i, arm.interventions)
                                  and not another_regimen(i, arm.interventions)]
        _own_treatment_by_name(arms, aim_text)
        _none_of_what_it_lacks(arms)
        _names_as_written([a.interventions for a in arms], aim_text)
        return [Arm(label=a.label, n=a.n, interventions=[Intervention(**i) for i in a.interventions])  # type: ignore[arg-type]
                for a in arms]
    # a trial of no drug whose arms are not told apart: the non-drug treatments its title or treatment text names,
    # less the operations (what every patient had: "104 patients underwent esophagectomy")
    interventions = interventions_in(given.drugs()) or _aimed_interventions(aim_text) \
        or [i for i in interventions_in(given.non_drugs()) if i["type"] != "procedure"]
    # what the aim tests and the control the treatment text compares it with ("MBSR, compared to a nutrition
    # education program (NEP) and usual supportive care (UC)")
    if interventions and not any(i["type"] in _DRUG_TYPES for i in interventions):
        interventions += [i for i in interventions_in(given.non_drugs()) if CONTROL_LABEL.search(str(i["name"]))
                          and not named_already(i, interventions) and not _names_a_part(i, interventions)]
    # arms not told apart: each treatment the randomisation names is the trial's too (the comparator of a
    # title that names only the new drug)
    for i in interventions_in(given.randomised() or given.compared()) + everyone:
        if not named_already(i, interventions):
            interventions.append(i)
    _names_as_written([interventions], aim_text)
    if not interventions:
        return []
    return [Arm(label=None, n=enrollment.get("enrolled") or enrollment.get("treated"),
                interventions=[Intervention(**i) for i in interventions])]  # type: ignore[arg-type]


#: An arm's label that is a code of what it got: three to eight letters, digits or joints, two capitals or more
#: ("CMFVP", "TCF", "THC", "PET/CT", "TAGMs"); not a lettered or numbered group ("C-ARM", "Group G", "CP-1"), nor
#: one a word begins ("non-HH", "lowATG": the other arm's treatment, said otherwise).
_CODE_LABEL = quick(r"(?=(?:[^A-Z]*[A-Z]){2})(?![a-z]{3})(?!.*(?i:arm|group))(?!.*-\d+$)[A-Za-z0-9/-]{3,8}")
#: A code's long form that says which group, not what it got: "intervention group (IG)", "wait-list control (WLC)".
_GROUP_LONG_FORM = quick(r"\b(?:groups?|arms?|cohorts?|conditions?|controls?)$", re.IGNORECASE)
#: The words before a code's bracket that make it a group's code: "a nonintervention control group (WLC group)",
#: "a reference group without physical training (REF, n = 8)", "enhanced usual care or EUC".
_GROUP_BEFORE_CODE = quick(r"\b(?:groups?|arms?|controls?|usual care|reference)\b[^,;.()]{0,30}(?:\(|\bor\s+)$", re.IGNORECASE)


def _codes_as_names(arms: list[ArmDraft], text: str) -> None:
    """An arm known by a code that got nothing takes what the code stands for as the text defines it ("tris-acryl
    gelatin microspheres (TAGM)" for "TAGMs"), else the code as written ("TCF", "36 weeks of CMFVP": "CMFVP"); not a
    code of a group ("(WLC group)") nor one that stands for a word that says how ("continuous (CONT)")."""
    labels = [a.label or "" for a in arms]
    for arm in arms:
        code = _without_dose(arm.label)
        if arm.interventions or not code or not _CODE_LABEL.fullmatch(code) or _group_code(code, text, labels):
            continue
        long_form = expansion(code, text) or (expansion(code[:-1], text) if code.endswith("s") else None)
        if long_form and (_GROUP_LONG_FORM.search(long_form) or MODIFIER_WORD.fullmatch(long_form)):
            continue
        if long_form or not code.endswith("s"):  # "PCPs, n = 120": a plural code the text does not define
            arm.interventions = [_named_part(long_form or code)]


def _group_code(code: str, text: str, others: list[str]) -> bool:
    """Whether the text brings the code in as a group's: after a group or control word ("a nonintervention control
    group (WLC group)"), or with "group" in its bracket ("(FeNO group)"); or it numbers one of several variants
    ("GDM1", "GDM2")."""
    at = text.find(code)
    return (at >= 0 and _GROUP_BEFORE_CODE.search(text[max(0, at - 60):at]) is not None) \
        or f"({code} group" in text or f"({code} arm" in text \
        or (code[-1].isdigit() and any(o != code and o.rstrip("0123456789") == code.rstrip("0123456789") for o in others))


def _own_treatment_by_name(arms: list[ArmDraft], aim_text: str) -> None:
    """An arm named by what it got ("honey") that has found only what every arm got ("radiotherapy") takes its name as
    its own treatment: "randomly assigned to receive either honey or povidone-iodine during radiotherapy"."""
    if len(arms) < 2:
        return
    for arm in arms:
        label = _without_dose(arm.label)
        if not arm.interventions or not label or CONTROL_LABEL.search(label) or not _shared_by_all(arm, arms):
            continue
        name = _spelled(label, arm.defining_text, aim_text) or label
        if not _names_a_treatment(name, aim_text):
            continue
        have = " ".join(str(i["name"]).lower() for i in arm.interventions)
        own = [p for p in _named_intervention(name)
               if str(p["name"]).lower() not in have and not any(str(i["name"]).lower() in str(p["name"]).lower()
                                                                for i in arm.interventions)]
        arm.interventions[:0] = own


#: An arm named by what it did not get: "no epoetin alfa", "without bevacizumab", "No website".
_WITHOUT_LABEL = quick(r"(?:no|without)[\s-]+(?P<x>\S.*?)(?:\s+(?:during|with|in|for|after|before|plus|and)\s.*)?",
                       re.IGNORECASE)  # "no AM during chemoradiotherapy" lacks AM only


def _none_of_what_it_lacks(arms: list[ArmDraft]) -> None:
    """An arm named by what it did not get has none of it: "without bevacizumab" has no bevacizumab, "no epoetin alfa"
    no epoetin alfa (the other arm's drug, read from the trial's title or aim)."""
    for arm in arms:
        m = _WITHOUT_LABEL.fullmatch(arm.label or "")
        if m:
            lacks = m.group("x").lower()
            arm.interventions = [i for i in arm.interventions if str(i["name"]).lower() not in lacks
                                 and not named_already(i, [{"name": m.group("x")}])]


#: One word that says how much or how a treatment is given, not which: "alone", "three", "bolus".
_HOW_GIVEN_WORD = quick(rf"alone|only|monotherapy|bolus|infusion|{WORD_NUMBER}", re.IGNORECASE)
#: One word given as a treatment, after the verb or joint that gives it: "receive either honey or povidone-iodine".
_GIVEN_WORD = "(?:receive|received|receiving|either|versus|vs\\.?|or|with)\\s+{}\\b"


def _names_a_treatment(name: str, text: str) -> bool:
    """Whether an arm's name is a treatment: a drug or a non-drug intervention written whole, or one word of letters the
    text gives ("either honey or …"); not a word that says how, when or how much ("alone", "immediate", "three")."""
    drugs = find_drugs(name, code_names=True)
    if len(drugs) == 1 and drugs[0].start == 0 and drugs[0].end == len(name):
        return True
    if any(n.start == 0 and n.end == len(name) for n in find_non_drugs(name)):
        return True
    return bool(re.fullmatch(r"[A-Za-z]{4,}", name)) and not MODIFIER_WORD.fullmatch(name) \
        and not _NOT_A_TREATMENT.match(name) and not _HOW_GIVEN_WORD.fullmatch(name) and name.lower() in text.lower() \
        and re.search(_GIVEN_WORD.format(re.escape(name)), text, re.IGNORECASE) is not None


def _shared_by_all(arm: ArmDraft, arms: list[ArmDraft]) -> bool:
    """Whether every treatment the arm has, every other arm has too."""
    names = {str(i["name"]).lower() for i in arm.interventions}
    return all(names <= {str(i["name"]).lower() for i in other.interventions} for other in arms if other is not arm)


_BARE_RADIATION = frozenset({"radiation", "irradiation"})
_RADIOTHERAPY = quick(r"\b(?:radiotherapy|radiation therapy)\b", re.IGNORECASE)


def _names_as_written(arms: list[list[dict[str, str | None]]], aim_text: str) -> None:
    """Each arm's interventions named as the text names them: its chemotherapy by its drugs, a regimen
    over its drugs, radiotherapy by its kind."""
    chemotherapy_by_its_drugs(arms)
    regimens_over_their_drugs(arms)
    _codes_spelled_out(arms, aim_text)
    _radiotherapy_by_name(arms, aim_text)
    for interventions in arms:
        interventions[:] = [i for i in map(_without_amounts, interventions)
                            if i["name"] and not _NO_TREATMENT_NAMED.match(str(i["name"]))]


#: How long, how often or how much, before what an arm got: "8-week MBSR program", "50 g/day isomaltulose", "daily
#: oral carboxyaminoimidazole", "initial 20-week", "eight-week".
_AMOUNT_BEFORE = quick(rf"^(?:initial\s+)?(?:(?:\d[\d.,–-]*|{WORD_NUMBER})[\s-]*(?:{_UNIT}(?:/(?:day|d|kg))?|{_TIME})"
                       r"|(?:once|twice)[\s-]daily|daily|weekly)(?![\w/])[\s-]*", re.IGNORECASE)
#: The route before what, once its amount is gone: "(daily) oral carboxyaminoimidazole".
_ROUTE_FIRST = quick(r"^(?:oral|intravenous|topical|inhaled|subcutaneous)\s+(?=\S{3})", re.IGNORECASE)
#: What is left of a name that said only how much or how often: "(weekly) supplementation", "(twice-daily) programme".
_ONLY_HOW_GIVEN = quick(r"(?:dietary\s+)?(?:supplementation|programme|program|treatment|therapy|intervention|training)",
                        re.IGNORECASE)
_AMOUNT_HINT = quick(r"\d|^(?:initial|daily|weekly|once|twice|one|two|three|four|five|six|seven|eight|nine|ten|eleven|"
                     r"twelve|twenty|thirty|forty|fifty|sixty)\b", re.IGNORECASE)


def _without_amounts(given: dict[str, str | None]) -> dict[str, str | None]:
    """An intervention named without the amount, length or frequency around it ("rizatriptan 10 mg": "rizatriptan",
    "8-week MBSR program": "MBSR program"); its name empty when nothing else is left ("eight-week"). A drug the
    lexicon names whole ("5-FU", "S-1") is left as it is."""
    name = str(given["name"])
    if not _AMOUNT_HINT.search(name):
        return given
    drugs = find_drugs(name, code_names=True)
    if drugs and drugs[0].start == 0 and drugs[0].end == len(name):
        return given
    shorter = _DOSE_AROUND.sub("", _AMOUNT_BEFORE.sub("", name)).strip()
    if shorter == name:
        return given
    shorter = _APPLICATION_OF.sub("", _ROUTE_FIRST.sub("", shorter))  # "(30-minute) session of hydrotherapy"
    return {**given, "name": "" if _ONLY_HOW_GIVEN.fullmatch(shorter) else shorter}


#: A code's long form that names a trial or a group, not a treatment: "Pre-School Autism Communication Trial (PACT)".
_NOT_A_TREATMENT_LONG_FORM = quick(r"\b(?:trial|study|groups?|arms?|cohorts?|conditions?|controls?)$", re.IGNORECASE)


def _codes_spelled_out(arms: list[list[dict[str, str | None]]], text: str) -> None:
    """A non-drug treatment named by a code the text defines is named by the words it stands for, as labellers
    write them: "radical prostatectomy (RP)", "whole brain radiotherapy (WBRT)", "megestrol acetate (MA)"."""
    for interventions in arms:
        for k, given in enumerate(interventions):
            long_form = _long_form_of_code(str(given["name"]), text) if given["type"] not in _DRUG_TYPES else None
            if long_form:
                interventions[k] = _named_part(long_form)
        _once_each(interventions)


def _once_each(interventions: list[dict[str, str | None]]) -> None:
    """Each name once in an arm, where it first comes (case ignored)."""
    first = {str(i["name"]).lower(): i for i in reversed(interventions)}
    interventions[:] = [i for i in interventions if first[str(i["name"]).lower()] is i]


def _long_form_of_code(name: str, text: str) -> str | None:
    """The words a code of two capitals or more stands for in the text, less a closing "alone"; None for a name that
    is no code, a code the text does not define, or one that stands for a trial or a group."""
    if not _ABBREVIATION.fullmatch(name) or sum(c.isupper() for c in name) < 2:
        return None
    long_form = expansion(name, text)
    if not long_form or _NOT_A_TREATMENT_LONG_FORM.search(long_form):
        return None
    return _ALONE_END.sub("", long_form)


#: A name that says there was a treatment, not which: "combined treatment", "both interventions", "their
#: treatment", "study intervention", "therapy" ("standard treatment", a comparator named as written, stays; so does
#: "active strategy": a strategy is named).
_NO_TREATMENT_NAMED = quick(
    r"^\s*(?:(?:the|both|all|two|three|four|each|study|active|combined|combination|new|experimental|investigational|"
    r"trial|test|assigned|allocated|randomi[sz]ed|different|other|these|their)\s+)*(?:treatments?|interventions?|"
    r"therap(?:y|ies)|groups?|arms?|conditions?|regimens?|modalit(?:y|ies))\s*$",
    re.IGNORECASE,
)


def _radiotherapy_by_name(arms: list[list[dict[str, str | None]]], text: str) -> None:
    """A trial's "radiation" or "irradiation" is its radiotherapy: named as another of its names ("radiation
    therapy") calls it, else as the text writes "radiotherapy" (or "radiation therapy"), and once in an arm."""
    therapy = [str(i["name"]) for a in arms for i in a if i["type"] == "radiation" and _RADIOTHERAPY.search(str(i["name"]))]
    found = sorted(_RADIOTHERAPY.findall(text), key=lambda w: " " in w)  # "radiotherapy" first
    written = therapy[0] if therapy else found[0] if found else None
    for interventions in arms:
        bare = [k for k, i in enumerate(interventions) if i["type"] == "radiation" and str(i["name"]).lower() in _BARE_RADIATION]
        for k in reversed(bare if written else []):
            if any(str(i["name"]).lower() == str(written).lower() for i in interventions):
                del interventions[k]
            else:
                interventions[k] = {**interventions[k], "name": written}


def _complete_arms(arms: list[ArmDraft], design_text: str, aim_text: str, non_drug_text: str) -> None:
    """Arms known only by a name ("control group") take what the trial's treatment text names and no other
    arm claims; else, the experimental one, what the trial's aim names."""
    pool = interventions_in(design_text)
    non_drugs = [i for i in interventions_in(non_drug_text) if i["type"] not in _DRUG_TYPES]
    _longer_names(arms, non_drugs)
    # claimed by name as written, not by the lexicon's identity: a drug the title spells out and the arms abbreviate
    # ("fluorouracil", "5-FU") keeps both forms, as labellers write either and names are matched as written
    claimed = [i for a in arms for i in a.interventions]
    claimed_names = {str(i["name"]).lower() for i in claimed}
    unclaimed = [i for i in pool if str(i["name"]).lower() not in claimed_names
                 and not (claimed and _had_before(str(i["name"]), f"{design_text} {aim_text}"))]
    for arm in arms:
        if not arm.interventions:
            arm.interventions = list(unclaimed) or _named_intervention(_spelled(_without_dose(arm.label), arm.defining_text,
                                                                                aim_text))
        elif claimed:
            # a drug the treatment text gives every arm ("patients receiving doxorubicin and cyclophosphamide were
            # randomised to docetaxel …", "Z-360 and gemcitabine"): the trial's backbone, in each arm
            arm.interventions += [i for i in unclaimed if i["type"] in _BACKBONE_TYPES and i not in arm.interventions
                                  and not another_regimen(i, arm.interventions) and not _one_arms_own(i, arms)]
    _comparators(arms, non_drugs)
    _parts_of_the_name(arms)
    bare = [a for a in arms if not a.interventions and not CONTROL_LABEL.search(a.label or "")]
    treated = [i for a in arms if not CONTROL_LABEL.search(a.label or "") for i in a.interventions
               if not CONTROL_LABEL.search(str(i["name"]))]  # not "usual care", nor what the control group got
    if len(bare) == 1 and not treated and not unclaimed:
        bare[0].interventions = _aimed_interventions(aim_text)


def _one_arms_own(intervention: dict[str, str | None], arms: list[ArmDraft]) -> bool:
    """Whether an arm named by the drug already has it under another of its names: the title's "temozolomide" is the
    TMZ arm's "TMZ", the placebo arm's not ("compared temozolomide (TMZ) … and procarbazine (PCB)")."""
    return any(a.label and named_already(intervention, a.interventions) and named_already(intervention, [{"name": a.label}])
               for a in arms)


#: "after" or "following" what patients had before the trial's treatment, a list of drugs away at most: "letrozole
#: compared with placebo after adjuvant tamoxifen", "following first-line chemotherapy consisting of ACy
#: (Adriamycin + Cyclophosphamide), PCy (...), or Mitoxantrone + Carboplatin".
_AFTER = quick(r"\b(?:after|following)\s", re.IGNORECASE)
_GIVEN_SINCE = quick(r"\b(?:randomi[sz]|assigned|allocated|receiv|given|followed\s+by|versus|vs\b|compared)|[.;:]", re.IGNORECASE)


def _had_before(name: str, text: str) -> bool:
    """Whether the text names the drug only after "after"/"following" (within 150 characters, no randomisation
    or "receive" between): what patients had before the treatments the arms compare."""
    found = [m.start() for m in re.finditer(rf"(?<![\w-]){re.escape(name)}(?![\w-])", text, re.IGNORECASE)]
    for at in found:
        before = text[max(0, at - 150):at]
        after = [m.end() for m in _AFTER.finditer(before)]
        if not after or _GIVEN_SINCE.search(before, after[-1]):
            return False
    return bool(found)


def _parts_of_the_name(arms: list[ArmDraft]) -> None:
    """An arm named by what it got ("usual care plus group CBT") that has found only some of it
    ("usual care") takes the rest of its name too."""
    for arm in arms:
        have = {str(i["name"]).lower() for i in arm.interventions}
        parts = _named_intervention(arm.label) if have and all(i["type"] not in _DRUG_TYPES for i in arm.interventions) else []
        if len(parts) >= 2 and have < {str(p["name"]).lower() for p in parts}:
            arm.interventions += [p for p in parts if str(p["name"]).lower() not in have]


#: What a control arm got, said of it: "The control group (n = 48) received customary care.", "the control group
#: received RT only", "Controls were given a brochure about mental distress"; the thing given ends at a comma or a clause.
_CONTROL_RECEIVED = quick(
    r"(?:^|\b(?:the|while|whereas)\s+|\b(?:patients|participants|subjects|women|men)\s+in\s+(?:the\s+)?)"
    r"(?:control\s+(?:group|arm|condition)(?:\s+(?:patients|participants))?|controls)\s*(?:\([^()]{1,30}\)\s*)?"
    r"(?:received|(?:was|were)\s+(?:given|offered)|underwent|continued\s+(?:to\s+receive|with))\s+"
    r"(?:(?:only|just|either)\s+)?(?P<x>[^,;.()]{2,80}?)(?:\s+only)?\s*"
    r"(?=[,;.(]|\s\d|\s(?:while|whereas|during|for|every|daily|at|in\s+addition)\b|$)",
    re.IGNORECASE,
)
#: What a control arm got, named before its bracket: "either Kangfuxin Solution (test group) or compound borax gargle
#: (control group)", "five low-fluence treatments (control)".
_CONTROL_IN_BRACKETS = quick(
    r"\b(?:or|versus|vs\.?|to|receive|either)\s+(?:(?:an?|the)\s+)?"
    r"(?P<x>(?:(?!\b(?:or|versus|vs|to|receive|either|not|were|was|compare)\b)[^,;.()]){2,80}?)\s*"
    r"\((?:the\s+)?control(?:\s+(?:group|arm|condition))?(?:\s*[,;:][^()]*)?\)",
    re.IGNORECASE,
)
#: Words around a name that are not part of it as written: "a brochure", "the usual care", "oral vitamin D alone".
_ARTICLE = quick(r"^(?:an?|the)\s+|\s+(?:alone|only)$", re.IGNORECASE)
#: What is no treatment of its own: "the same chemotherapy as the trial group", "none of these treatments", "more
#: weeks of inpatient treatment", "VFA measurements", "12 weeks of …", "to the control group (control group)".
_NOT_RECEIVED = quick(r"^(?:same|none|more|less|fewer|any|all|both)\b|\bcontrol\b|\b(?:measurements?|assessments?|tests?|"
                      r"questionnaires?|surveys?|scans?|evaluations?)$|^\d", re.IGNORECASE)


def _control_received(arms: list[ArmDraft], sentences: list[Sentence]) -> None:
    """The one control arm that got nothing named takes what a sentence says the control group received:
    the treatments it names, else the thing as written ("normal care", "no advice about exercise")."""
    controls = [a for a in arms if not a.interventions and CONTROL_LABEL.search(a.label or "")]
    if len(controls) != 1:
        return
    for sentence in sentences:
        phrase = _control_phrase(sentence.text) if "ontrol" in sentence.text else None
        if phrase is None:
            continue
        named = interventions_in(phrase)
        if not named and len(phrase.split()) <= 6 and not _NOT_RECEIVED.search(phrase):
            named = [_non_drug(phrase)]
        controls[0].interventions = named
        return


def _control_phrase(text: str) -> str | None:
    """What a sentence says the control group received (``_CONTROL_RECEIVED``, ``_CONTROL_IN_BRACKETS``), its
    article left out; None in a sentence of results ("14% of patients in the control group received a BMD test")."""
    m = _CONTROL_RECEIVED.search(text) or _CONTROL_IN_BRACKETS.search(text)
    if m is None or re.search(r"\d\s*%", text[:m.start()]):
        return None
    return _ARTICLE.sub("", m.group("x").strip())


#: A bracket and what it holds: "(DEX group, n = 30)", "(arm A)".
_BRACKET = quick(r"\(([^()]{1,60})\)")
#: Where what an arm got begins, before its bracketed label: "randomly allocated to receive Dex (DEX group …) or saline
#: (CON group …)", "72 were randomised to 5-FU alone (arm A) and 69 to 5-FU + IFN (arm B)": the last verb or joint, or
#: a clause's end ("and" and "with" join the parts of one arm's treatment: "chemotherapy and ASCT (HDCT)"; a sentence's
#: start is its subject: "We examined whether ICBT differed from treatment-as-usual (TAU)").
_GOT_OPENS = quick(r"(?:[;:]|\b(?:to|receive|receiving|received|or|either|versus|vs\.?|underwent))\s+"
                   r"(?:(?:an?|the)\s+)?", re.IGNORECASE)
#: The group word closing what the bracket's arm got: "IPC with SLD group (Group II, n=15)".
_GROUP_WORD_END = quick(r"\s+(?:group|arm)$", re.IGNORECASE)
#: What an arm got written as a word or two of letters, not a joint, a group or when: "saline", "soya beans", "no
#: medication"; not "with", "not", "case", "first", "group OT", "evening", "TIW".
_A_WORD_OR_TWO = quick(r"(?!(?:with|without|both|none|no|not)$)(?!(?:and|or|case|first|second|group|arm|morning|evening|"
                       r"previous-evening|night|daily|weekly|tiw|biw|bid|tid)\b)[A-Za-z][\w-]+(?:\s[A-Za-z][\w-]*)?",
                       re.IGNORECASE)


def _told_apart_by_brackets(arms: list[ArmDraft], text: str) -> None:
    """Arms not told apart (none got anything, or all got the same) each take what the text writes right before the
    arm's bracketed label: "receive Dex (DEX group, n = 30) or saline (CON group, n = 30)" gives CON saline, not the
    trial's drug; "to 5-FU alone (arm A) and 69 to 5-FU + IFN (arm B)" gives arm A 5-FU only. What every arm had that
    no bracket names stays when the sentence names it before the brackets ("receive six cycles of paclitaxel and
    carboplatin followed by either four cycles of topotecan (TC-Top) or surveillance (TC)"), or when it is an operation
    or radiotherapy (the setting: "allogeneic hematopoietic cell transplantation following fludarabine … or ATG …");
    not a drug only the title names ("Enoxaparin, Pentoxifylline and …": the arm that got it says so)."""
    if len(arms) < 2 or len({tuple(sorted(str(i["name"]).lower() for i in a.interventions)) for a in arms}) != 1:
        return
    found = [_got_before_label(a.label, text) if a.label else ([], -1) for a in arms]
    got = [g for g, _ in found]
    if sum(1 for g in got if g) < 2 or len({tuple(str(i["name"]).lower() for i in g) for g in got if g}) < 2:
        return  # one arm named so proves nothing; two named alike are dose arms ("10 μg (arm A), 100 μg (arm B)")
    first = min(at for g, at in found if g)
    lead = text[text.rfind(". ", 0, first) + 1:first].lower()  # the sentence of the brackets, up to the first
    for arm, given in zip(arms, got, strict=True):
        if given:
            arm.interventions = given + [i for i in arm.interventions if not any(named_already(i, g) for g in got)
                                         and (str(i["name"]).lower() in lead or i["type"] in _SETTING_TYPES)]


def _empty_arms_by_brackets(arms: list[ArmDraft], text: str) -> None:
    """An arm that got nothing named yet takes what the text writes right before its bracketed label: "randomized to
    DOX 50 mg/m(2) … and VNB 25 mg/m(2) … (arm 1) or DOX 70 mg/m(2) IV on day 1 (arm 2)" gives arm 2 DOX, "either
    … propofol (group P) or sevoflurane (group S)" group S sevoflurane."""
    for arm in arms:
        if not arm.interventions and arm.label:
            arm.interventions = _got_before_label(arm.label, text)[0]


def _got_before_label(label: str, text: str) -> tuple[list[dict[str, str | None]], int]:
    """What the text names right before the label's bracket ("saline (CON group, n = 30)", "… plus RT (A)" for "arm A"):
    the treatments it names, its codes spelled out ("PTX, UDCA and LMWH"), else the thing as written when it is a word
    or two ("saline", "no medication"; not the group's own name: "cessation group (group B)"); and where the bracket
    opens. Nothing (and -1) when no bracket opens with the label."""
    lettered = _LETTERED_LABEL.fullmatch(label)
    keys = [label, lettered.group(1)] if lettered else [label]
    if not any(f"({k}" in text or f"(the {k}" in text for k in keys):
        return [], -1
    opening = rf"(?:{'|'.join(map(re.escape, keys))})(?:\s+(?:group|arm)\b|\s*[,;:=]|$)"  # re's cache compiles it once
    for m in _BRACKET.finditer(text):
        if not re.match(opening, re.sub(r"^the\s+", "", m.group(1))):
            continue
        # no other bracket, but one closing a list's item ends it: "receive A (A group), B (B group) or …"
        before = ROUND_ASIDE.sub("", re.sub(r"\([^()]*\)\s*,", ";", text[max(0, m.start() - 100):m.start()]))
        opens = [o.end() for o in _GOT_OPENS.finditer(before)]
        written = before[opens[-1]:].strip() if opens else ""
        phrase = _GROUP_WORD_END.sub("", written)
        if not phrase or "(" in phrase or ")" in phrase or ". " in phrase:
            return [], -1  # not across a sentence's end: "received physical training alone. In addition, a … (WLC group)"
        named = interventions_in(_CODE.sub(lambda c: _spelled(c.group(), text) or c.group(), phrase))  # "Dex"
        if not named and phrase == written and _A_WORD_OR_TWO.fullmatch(phrase) and not _NOT_RECEIVED.search(phrase) \
                and not MODIFIER_WORD.fullmatch(phrase.split()[-1]) and not _HOW_GIVEN_WORD.fullmatch(phrase):
            named = [_non_drug(phrase)]
        return named, m.start()
    return [], -1


#: The kinds of treatment every arm may share as the trial's setting: an operation, radiotherapy.
_SETTING_TYPES = frozenset({"procedure", "radiation"})
#: A lettered or numbered arm, known in its bracket by the letter alone: "arm A" in "… plus radiotherapy (RT) (A)".
_LETTERED_LABEL = quick(r"(?:arm|group)\s+([A-Z]|[0-9]|I{1,3}|IV)", re.IGNORECASE)
#: A word that may be a code the text defines: "Dex", "PTX", "UDCA".
_CODE = quick(r"(?<![\w-])[A-Z][A-Za-z0-9+/-]{1,7}(?![\w-])")


def _comparators(arms: list[ArmDraft], non_drugs: list[dict[str, str | None]]) -> None:
    """A control arm that got nothing named takes the comparator the treatment text names and no arm
    has: "randomized to a telephone-based exercise intervention or usual care control group"."""
    given = {str(i["name"]).lower() for a in arms for i in a.interventions}
    comparators = [i for i in non_drugs if CONTROL_LABEL.search(str(i["name"])) and str(i["name"]).lower() not in given]
    controls = [a for a in arms if not a.interventions and CONTROL_LABEL.search(a.label or "")]
    if len(controls) == 1 and len(comparators) == 1:
        controls[0].interventions = comparators


#: "objective response rate (ORR; primary endpoint)", "TTP (primary end point)": the role in the endpoint's brackets.
_ROLE_IN_BRACKETS = quick(
    r"\((?:[\w-]{1,12}[;,]\s*)?(?P<role>co[- ]?primary|primary|secondary|exploratory)\s+(?:efficacy\s+)?"
    r"(?:end[- ]?points?|objectives?|outcomes?)\)",
    re.IGNORECASE,
)
#: The words that name what kind of endpoint a role is: "primary efficacy endpoint", "The primary trial outcome".
_ROLE_KIND = r"(?:efficacy|study|trial)"
#: "primary efficacy variable", "Our primary sleep endpoint", "coprimary QoL endpoints", "co-primary immunogenicity objectives",
#: "The primary trial outcome", "the primary comparison endpoint", "Primary outcome criterion".
_ROLE_RE = quick(
    r"(?:(?P<role>co[- ]?primary|primary|secondary|exploratory|additional|key secondary|other)\s+"
    r"(?:" + _ROLE_KIND + r"\s+|(?<=primary\s)(?:QoL|HRQoL|HRQL|sleep|immunogenicity|clinical|comparison)\s+)?"  # not "additional QOL measures"
    r"(?:end[- ]?points?|objectives?|outcomes?(?:\s+(?:measures?|variables?|criteri(?:on|a)))?|aims?|measures?|variables?)"
    # "Survival was the major study end point": not "the main objective was to …" (not "first", which may only count)
    r"|(?P<main>main|major|principal)\s+(?:study\s+)?(?:end[- ]?points?|outcomes?(?:\s+(?:measures?|variables?))?|objectives?|aims?))"
    r"(?!\w)(?:\s+(?:of (?:the|this) (?:study|trial)|for the trial|of interest))?",  # "outcome measured was": the verb follows
    re.IGNORECASE,
)
#: "The main aim was the comparison of disease-free survival", "The principal objective was to compare OS": an aim names
#: the outcomes the vocabulary knows only (its other words are the study's purpose: "to analyse the impact of …").
_MAIN_AIM = quick(r"^(?:main|major|principal)\s+(?:study\s+)?(?:objective|aim)", re.IGNORECASE)
# "The primary endpoint was X": the endpoints follow. "X was the primary endpoint": they precede.
_DECLARES_AFTER = quick(r"\s*(?:was|were|is|are|of|showed|assessed|evaluated|measured|included|include|includes|comprised|"
                             r"consisted of|encompassed|being|:|\(|,(?=\s+(?!which|that|however|therefore|though|thus)[^,;.]{3,60},\s+(?:was|were)\s))",
                        re.IGNORECASE)  # "The primary outcome, X, was"
#: Words that qualify a role before its verb: "The primary outcome for both interventions was HRQoL", "The primary
#: endpoint in Phase II part is …", "Primary outcome measures assessed at baseline and at week 12 included …".
_ROLE_QUALIFIER = quick(r"(?:\s+(?:for|in|at|measured|assessed|evaluated)\b[^,;:.()]{0,50}?(?=\s+(?:was|were|is|are|included)\b))?",
                             re.IGNORECASE)
_DECLARES_BEFORE = quick(r"\b(?:was|were|is|are|as|served as)\s+(?:(?:considered|regarded as|defined as|chosen as|selected as)\s+)?"
                         r"(?:the|a|its|our)?\s*(?:\w+\s+)?$|,\s+(?:the|its)\s+$",
                         re.IGNORECASE)
_ROLE_KEYS = ("point", "objective", "outcome", "aim", "measure", "variable")
_ROLE_MAP = {"co-primary": "co_primary", "coprimary": "co_primary", "co primary": "co_primary",
             "primary": "primary", "main": "primary", "major": "primary", "principal": "primary",
             "secondary": "secondary", "key secondary": "secondary",
             "exploratory": "exploratory", "additional": "secondary", "other": "secondary"}


def _endpoints(sentences: list[Sentence]) -> list[Endpoint]:
    """Endpoints the text declares with a role, each (canonical, role) once, in order."""
    out: list[Endpoint] = []
    seen: set[tuple[str, str]] = set()
    for s in sentences:
        low = s.text.lower()
        if not holds_any(low, _ROLE_KEYS):
            continue
        declared = _roles_named(s.text)
        if not any(role in {"primary", "co_primary"} for _, role in declared):  # "Co-primary end points were PFS and OS"
            declared = _unnamed_primary(s.text) + declared  # "X (an outcome the vocabulary does not know) as primary endpoint"
        for m, role in declared:
            if (m.canonical, role) not in seen:
                seen.add((m.canonical, role))
                out.append(Endpoint(name=m.text.strip(), canonical=m.canonical, role=role))  # type: ignore[arg-type]
    return out


def _outcome_mentions(text: str) -> list[Mention]:
    """The sentence's mentions that can be endpoints (not ratios, partial responses, bare events or counts)."""
    return [m for m in find_mentions(text)
            if m.canonical not in {"HR", "OR", "RR", "PR", "EVENT"} and m.measure not in COUNTED_ONLY]


def _roles_named(text: str) -> list[tuple[Mention, str]]:
    """The outcomes a sentence gives a role, in brackets or in clauses (outcomes are looked up only
    where a role is named: most sentences with "outcome" or "aim" name none)."""
    roles = [r for r in _ROLE_RE.finditer(text) if not _ROLE_IN_BRACKETS.match(text, max(0, r.start() - 1))]
    if not roles and not _ROLE_IN_BRACKETS.search(text):
        return []
    mentions = _outcome_mentions(text)
    return _roles_in_brackets(text, mentions) + _roles_in_clauses(text, mentions, roles)


#: "The primary end-point of this trial was the reflux of bile into the remnant stomach evaluated ...": an
#: outcome the vocabulary does not know is the OTHER endpoint, named as written.
_PRIMARY_UNNAMED = quick(
    r"\bprimary (?:" + _ROLE_KIND + r" )?(?:end[- ]?point|outcome|objective)s?(?: (?:measure|variable|criterion)s?)?(?: (?:of|in) (?:the|this) [\w ]{0,30}?)? "
    r"(?:was|were|is|consisted of) (?:the |to (?:compare|assess|evaluate) (?:the )?)?"
    r"(?P<name>(?:\d+[-‐ ](?:day|week|month|year)[-‐ ])?[a-z][\w '’/-]{2,60}?)(?=\s+(?:evaluated|assessed|measured|defined|determined|as|at|in|on|by|after|using|according)\b|[,;.(]|$)",
    re.IGNORECASE,
)
#: "Study endpoints were loco-regional recurrence or distant metastasis (Rec-Met) rate as primary endpoints",
#: "Endpoints included the rates of rVTE (primary) and bleeding events": the words before name the outcome.
_PRIMARY_AFTER = quick(
    r"(?:\b(?:were|was|included|include|:)\s+)(?:the\s+)?(?:rates?\s+of\s+)?(?P<name>[a-z][\w -]{2,60}?)\s*(?:\([^()]{1,20}\)\s*)?"
    r"(?:rates?\s+)?(?:as (?:the |its )?primary (?:end[- ]?points?|outcomes?)\b|\(primary\))",
    re.IGNORECASE,
)


#: "Fatigue was assessed as the primary end point", "Anxiety and depression (HADS) were the primary outcomes",
#: "Postoperative pain as the primary outcome was assessed by …": the sentence's subject, an outcome the vocabulary
#: does not know.
_PRIMARY_SUBJECT = quick(
    r"^\W*(?:the\s+)?(?P<name>[A-Za-z][^,;:]{2,60}?)(?:,\s+as\s+[^,;]{3,80},)?\s+(?:(?:was|were)\s+(?:(?:assessed|evaluated|measured|used|chosen|selected|analy[sz]ed|"
    r"recorded)\s+as\s+|considered\s+(?:as\s+)?)?|as\s+)(?:the\s+|a\s+|its\s+|our\s+)?primary\s+(?:(?:" + _ROLE_KIND + r"|comparison)\s+)?"
    r"(?:end[- ]?points?|outcomes?|measures?)\b",
    re.IGNORECASE,
)

#: "no significant difference in the Trial Outcome Index of the FACT-B, the primary endpoint of the study, between …":
#: an outcome set off by the role after a comma.
_PRIMARY_APPOSITIVE = quick(
    r"(?:^\W*(?:the\s+)?|\b(?:in|on|for)\s+(?:the\s+)?)(?![^,;:()]*\b(?:was|were|is|are|had|has|have)\b)(?P<name>[A-Za-z][^,;:()]{2,60}?),\s+(?:the|its|our)\s+primary\s+"
    r"(?:end[- ]?points?|outcomes?)(?:\s+of\s+(?:the|this)\s+(?:study|trial))?\s*[,)]",
    re.IGNORECASE,
)

#: "no significant difference in the primary outcome measure, the hot flash severity score, although …", "for the primary
#: outcome, fatigue, of -6.6 points": the outcome set off by commas after the role.
_PRIMARY_NAMED_AFTER = quick(
    r"\bprimary\s+(?:end[- ]?point|outcome)(?:\s+measure)?,\s+(?:the\s+|namely\s+)?(?!(?:however|therefore|though|which|that|as|in|at)\b)"
    r"(?P<name>[A-Za-z][\w -]{2,60}?),",
    re.IGNORECASE,
)


def _unnamed_primary(text: str) -> list[tuple[Mention, str]]:
    if "mary" not in text.lower():  # the patterns hold "primary" ("mary": re folds "i" to "ı" too, lower() does not)
        return []
    for shape in (_PRIMARY_UNNAMED, _PRIMARY_SUBJECT, _PRIMARY_AFTER, _PRIMARY_APPOSITIVE, _PRIMARY_NAMED_AFTER):
        m = shape.search(text)
        if m and not _VERDICT_WORDS.match(name := m.group("name")):  # "the primary endpoint was not met": a result
            clause = _CLAUSE_END.search(text, m.end("name"))  # "the mean change in serum phosphorus levels": the kind
            words = text[m.start("name"): clause.start() if clause else len(text)]
            return [(Mention(m.start("name"), m.end("name"), name, _kind_of_unknown(words), None), "primary")]
    return []


_CLAUSE_END = quick(r"[,;.]\s|[,;]|$")


def _roles_in_brackets(text: str, mentions: list[Mention]) -> list[tuple[Mention, str]]:
    """ "objective response rate (ORR; primary endpoint)": the endpoint named right before the bracket."""
    out = []
    for r in _ROLE_IN_BRACKETS.finditer(text):
        role = _ROLE_MAP.get(r.group("role").lower(), "secondary")
        before = [m for m in mentions if m.end <= r.start() and not text[m.end:r.start()].strip()]
        # "The objective response rates after 14 weeks of treatment (primary end point) were …": the clause's outcome
        clause = [m for m in mentions if m.end <= r.start() and not re.search(r"[,;:()]", text[m.end:r.start()])]
        subject = _SUBJECT_BEFORE_ROLE.search(text[: r.start()]) if not clause else None
        if before or clause:
            out.append(((before or clause)[-1], role))
        elif subject:  # "Minimal mean hepatic threshold dose 6 weeks after radiotherapy (primary endpoint) was …"
            out.append((Mention(subject.start("s"), subject.end("s"), subject.group("s"), _kind_of_unknown(subject.group("s")), None), role))
    return out


#: An outcome no rule names, opening the sentence (or after "on", "in", "of": "the effect of CBT on menopausal symptoms
#: (primary outcome), body image, …") right up to a role in brackets.
_SUBJECT_BEFORE_ROLE = quick(r"(?:^\W*(?:the\s+)?|\b(?:on|in|of)\s+(?:the\s+)?)(?P<s>[A-Za-z][^,;:()]{3,90}?)\s*$", re.IGNORECASE)


def _roles_in_clauses(text: str, mentions: list[Mention], roles: list[re.Match[str]]) -> list[tuple[Mention, str]]:
    """ "The primary endpoint was X; secondary endpoints included Y and Z", "X was the primary endpoint":
    ``roles`` are the role words (``_ROLE_RE``) outside brackets."""
    out = []
    previous_end = 0
    starts = [_clause_start(text, roles[i - 1].end(), r.start()) if i else None for i, r in enumerate(roles)] + [None]
    for i, r in enumerate(roles):
        words = r.groupdict()
        role = _ROLE_MAP.get((words.get("role") or words.get("main") or "main").lower(), "secondary")  # no role: primary
        if _DECLARES_BEFORE.search(text, previous_end, r.start()):
            out += [(m, role) for m in mentions if (starts[i] or previous_end) <= m.start and m.end <= r.start()]
        elif _DECLARES_AFTER.match(text, after := _ROLE_QUALIFIER.match(text, r.end()).end()):  # type: ignore[union-attr]
            end = starts[i + 1] or (roles[i + 1].start() if i + 1 < len(roles) else len(text))
            listed = [m for m in mentions if after <= m.start < end]
            out += [(m, role) for m in listed + (_unknown_listed(text, after, end, listed) if not _MAIN_AIM.search(r.group(0)) else [])]
        previous_end = r.end()
    return sorted(out, key=lambda x: x[0].start)


#: Where a clause opens: "The primary endpoint was survival, and HRQOL was a secondary endpoint".
_CLAUSE_OPENING = quick(r"(?:[;,]\s+(?:and|while|whereas|but)\b|;)\s*", re.IGNORECASE)


def _clause_start(text: str, start: int, end: int) -> int | None:
    """Where the clause of a role that declares the outcomes before it ("…, and HRQOL was a secondary endpoint") opens
    after the previous role (``start``), or None: its outcomes are those of its own clause, not the previous list."""
    if not _DECLARES_BEFORE.search(text, start, end):
        return None
    opening = _CLAUSE_OPENING.search(text, start, end)
    return opening.end() if opening else None


#: The words that open a declared list ("were", "included", "were to determine the").
_LIST_OPENING = quick(r"\s*(?:were|was|is|are|included|include|includes|comprised|consisted of|encompassed|:|,|"
                           r"of (?:improving|reducing|preventing|decreasing)|of(?=\s+(?!interest\b|the\b|this\b|our\b)))\s+(?:as follows:\s+)?"  # "the primary aim of improving fatigue"
                           r"(?:to\s+(?:determine|assess|evaluate|compare|measure|explore)\s+)?(?:the\s+)?", re.IGNORECASE)
_LIST_ITEM_SPLIT = quick(r"\s*,\s*(?:and\s+|or\s+)?|\s+and\s+(?:the\s+)?|\s+as well as\s+")


#: Where a list of endpoints ends.
_LIST_STOP = quick(r"[;.]|\s\((?![^()]*\))|\b(?:respectively|assessed|measured|evaluated|defined|according)\b|(?<=\s)(?:analy[sz]ed|adjusted)\b")  # not "quality-adjusted"


def _unknown_listed(text: str, start: int, end: int, known: list[Mention]) -> list[Mention]:
    """Outcomes a role's list names that the vocabulary does not know ("Secondary outcomes included the times of
    removal of nasogastric tubes, successful enteral feeding, …"): OTHER, named as written."""
    opening = _LIST_OPENING.match(text, start)
    if opening is None or _VERDICT_WORDS.match(text, opening.end()):
        return []  # "the primary endpoint was also not significantly different": a result, not a list
    stop = _LIST_STOP.search(text[opening.end():end])
    region_end = opening.end() + stop.start() if stop else end
    out = []
    at = opening.end()
    for piece in _LIST_ITEM_SPLIT.split(text[at:region_end]):
        if not piece:
            continue
        piece_start = text.find(piece, at)
        at = piece_start + len(piece)
        words_of = _LIST_ITEM_WORDS.fullmatch(piece)  # every part of the pattern is optional: it always matches
        if words_of is None:
            continue
        item, item_start = words_of.group("item"), piece_start + words_of.start("item")
        words = item.split()
        if 1 <= len(words) <= 8 and not any(m.start < at and m.end > item_start for m in known) \
                and re.search(r"[a-z]{4,}", item) and not re.search(r"(?:al|ic|ive)$", words[-1]) \
                and not _NOT_AN_OUTCOME.search(item):
            out.append(Mention(item_start, item_start + len(item), item, _kind_of_unknown(item), None))
    return out


#: An item's words without "to assess the" before them or a dangling "as", "at", "by", "in" after them.
_LIST_ITEM_WORDS = quick(r"\s*(?:to\s+(?:assess|record|determine|evaluate|measure|compare)\s+(?:the\s+)?)?(?P<item>.*?)"
                              r"(?:\s+(?:as|at|by|in))?\s*", re.DOTALL)


_NOT_AN_OUTCOME = quick(r"\b(?:analysis|intention[- ]to[- ]treat|method|patients|trial|study|groups?|arms?|between|role)\b"
                        r"|^\d|^(?:within|at|after|before|during|while|also|when|which|that|was|were|is|are|in|on)\b|\b(?:if|whether)\b|[-–%]$|\d\s*%"
                        r"|^(?:baseline|post-?treatment|follow[- ]up)$", re.IGNORECASE)  # "at baseline, post-treatment, and …": times
#: Words after "the primary endpoint was" / "secondary variables were" that open a verdict or a method, not outcomes:
#: "was not met", "were compared by paired t-test".
_VERDICT_WORDS = quick(r"(?:also|not|significantly|similar|higher|lower|longer|shorter|better|worse|met|reached|achieved|"
                            r"improved|increased|reduced|comparable|superior|inferior|compared|assessed|measured|evaluated|analy[sz]ed|"
                            r"recorded|collected|calculated)\b", re.IGNORECASE)
#: The canonical kind of an outcome the vocabulary does not name, from its words.
_UNKNOWN_KINDS = (
    ("ORR", re.compile(r"^(?:(?:tumou?r|objective|overall|clinical)\s+)?responses?(?:\s+to\s+(?:treatment|therapy))?$", re.IGNORECASE)),
    ("BIOMARKER", re.compile(r"biomarker|ctDNA|expression|serum|plasma|(?<!activity )levels?\b|markers?\b", re.IGNORECASE)),
    ("DLT", re.compile(r"maximum tolerated dose|\bMTD\b", re.IGNORECASE)),
    ("IMMUNE_RESPONSE", re.compile(r"T[- ]?cell|\bCTLs?\b|lymphocytes|immunogenicity|antibod|seroconversion|\bGMTs?\b", re.IGNORECASE)),
    # patient-reported ratings (dev gold files pain, anxiety, depression, functioning, symptoms under QOL): "fatigue",
    # "global sleep quality", "mood", "the Global (GHS) scale", a questionnaire's score (FACT-G, QLQ-C30, HADS, SF-36)
    ("QOL", re.compile(r"functioning|physical function|global health|health status|symptoms?|dyspno?ea|\bpain\b|well-being|distress|anxiety|depression|fatigue|patient[- ]reported outcome|"
                       r"quality[- ]of[- ]life|\bQL\b|\bsleep|insomnia|\bmood\b|\bGHS\b|hot fl[au]sh|\bFACT-|\bQLQ|\bHADS\b|\bSF-36\b", re.IGNORECASE)),
    ("PATHOLOGICAL_RESPONSE", re.compile(r"downstaging|patholog", re.IGNORECASE)),
)


#: A bracket that is not a short abbreviation: "self-efficacy (MS-Fatigue Self-Efficacy)" names the instrument, not the kind.
_INSTRUMENT_BRACKET = quick(r"\((?![A-Z0-9-]{2,6}\))[^()]*\)")


def _kind_of_unknown(words: str) -> str:
    """The canonical kind of an outcome the vocabulary does not name, read from its words outside an instrument's
    bracket ("Global (GHS) scale" keeps its abbreviation)."""
    return kind_by_words(_INSTRUMENT_BRACKET.sub(" ", words).strip(), _UNKNOWN_KINDS)


def _result_key(d: Draft) -> tuple[object, ...]:
    return (d.endpoint, d.measure, d.value, d.unit, d.arm, d.subgroup, d.timepoint, d.not_reached, d.name)


def _results(drafts: list[Draft], primary: set[str] | None = None) -> list[Result]:
    name_primary_outcome(drafts, primary or set())  # "the primary outcome was …": the endpoint declared primary
    # Partial responses stand for the ORR only when no ORR is reported (FLC-style abstracts).
    has_orr = any(d.endpoint in {"ORR", "CR_RATE"} for d in drafts)
    out: list[Result] = []
    seen: dict[tuple[object, ...], Result] = {}
    for d in drafts:
        if d.endpoint == "PR":  # beside an ORR, partial responses are an outcome of their own
            d.endpoint, d.name = ("OTHER", d.mention.text.strip()) if has_orr else ("ORR", d.name)
        if d.endpoint in {"HR", "OR", "RR"}:
            continue
        key = _result_key(d)
        if key in seen:
            _merge(seen[key], d)
            continue
        comparative = d.measure in {"hazard_ratio", "odds_ratio", "risk_ratio", "difference"}
        out.append(Result(
            endpoint=d.endpoint,  # type: ignore[arg-type]
            name=d.name,
            measure=d.measure,  # type: ignore[arg-type]
            value=d.value,
            unit=d.unit,  # type: ignore[arg-type]
            ci_low=d.ci_low,
            ci_high=d.ci_high,
            ci_level=d.ci_level if d.ci_low is not None else None,
            timepoint=d.timepoint,
            arm=None if comparative else d.arm,
            subgroup=d.subgroup,
            numerator=d.numerator,
            denominator=d.denominator,
            p_value=d.p_value,
            p_relation=d.p_relation,  # type: ignore[arg-type]
            not_reached=d.not_reached,
            evidence=d.sentence.text,
            evidence_start=d.sentence.start,
        ))
        seen[key] = out[-1]
    return out


def _merge(kept: Result, again: Draft) -> None:
    """The same number printed twice (abstract and results): keep the fuller details."""
    if kept.ci_low is None and again.ci_low is not None:
        kept.ci_low, kept.ci_high = again.ci_low, again.ci_high
        kept.ci_level = again.ci_level
    if kept.numerator is None and again.numerator is not None:
        kept.numerator, kept.denominator = again.numerator, again.denominator
    if kept.p_value is None and again.p_value is not None:
        kept.p_value, kept.p_relation = again.p_value, again.p_relation  # type: ignore[assignment]


#: A sentence that concludes, whatever its section.
_CONCLUDES = quick(r"^\s*(?:In conclusion|Taken together|Our findings|These (?:results|findings|data) "
                        r"(?:suggest|support|demonstrate|highlight|confirm))")


def _conclusion(sentences: list[Sentence]) -> str | None:
    for s in sentences:
        if s.section == CONCLUSION or _CONCLUDES.match(s.text):
            return s.text.strip()[:400]
    return None


_TITLE_POPULATION = quick(
    r"\b(?:subgroup|subset|post[- ]hoc) analys[ie]s (?:of|in) (?P<g>(?:[A-Z][\w-]+\s+)?patients(?: with [^:,;]{3,40}?)?)(?=\s+(?:from|in|of|enrolled|treated)\b|[:,;]|$)",
    re.IGNORECASE,
)


def _title_population(title: str | None) -> str | None:
    m = _TITLE_POPULATION.search(title or "")
    return m.group("g") if m else None


def _design_from_reference(record: TrialRecord, name: str, references: list[Sentence]) -> None:
    """A cited trial's reference title often states its design: "(CORRECT): an international,
    multicentre, randomised, placebo-controlled, phase 3 trial"."""
    key = _norm(name)
    for ref in references:
        if key and key in _norm(ref.text):
            text = ref.text
            # Assignment is not validated: give the fields their enum types here.
            allocation, masking = design.allocation(text, 0), design.masking(text)
            record.phases = record.phases or [Phase(p) for p in design.phases_in(text)] or None
            record.allocation = record.allocation or (Allocation(allocation) if allocation else None)
            record.masking = record.masking or (Masking(masking) if masking else None)
            if record.multicenter is None:
                record.multicenter = design.multicenter(text)
            return


def _summarized(name: str, sentences: list[Sentence], drafts: list[Draft]) -> TrialRecord:
    text = " ".join(s.text for s in sentences)
    interventions = [i for i in interventions_in(text) if i["type"] != "other"]
    registry = distinct([r for s in sentences for _, r in design.registry_ids(s.text)])
    return TrialRecord(
        role="summarized",
        registry_ids=registry,
        acronym=name if not name.islower() and not name.startswith("NCT") else None,
        phases=next((p for p in (design.phases_in(s.text) for s in sentences) if p), None),
        arms=[Arm(label=None, interventions=[Intervention(**i) for i in interventions])] if interventions else [],  # type: ignore[arg-type]
        results=_results(drafts),
    )


# The backend's patterns are compiled: kept for the next process that imports it (``patterns.keep_compiled``;
# ``TRIALX_PATTERN_CACHE=off`` keeps none).
keep_compiled()
