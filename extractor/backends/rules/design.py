"""Trial-level fields found by patterns: registry ids, phases, design, enrolment, names."""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache
from typing import NamedTuple

from extractor.backends.rules.lexicon import lexicon
from extractor.backends.rules.text import (
    HYPHENS,
    NUM,
    WORD_NUMBER,
    folded,
    folded_or_none,
    parse_number,
    without_asides,
    word_to_int,
)
from extractor.patterns import Held, any_of, first_words, holds_any, holds_each, needed_words, quick
from extractor.structure import Sentence

# ------------------------------------------------------------ registry ids

_REGISTRY_PATTERNS: tuple[tuple[str, str], ...] = (
    # (regex, normaliser key)
    (r"\bNCT\s?0?\d{7,8}\b", "nct"),
    # the number alone after the registry's name: "clinicaltrials.gov identifier: 01358734"
    (r"\b(?i:clinicaltrials\.gov)(?:\s+(?i:identifier|id|number|registration))?[\s:#]*\d{8}\b", "nct"),
    (r"\b(?i:ChiCTR)[- ]?(?:[A-Za-z]{2,4}[- ]?)?\d{6,12}\b", "chictr"),  # also as a URL prints it: "No. chictr-inr-16008709"
    (r"\b(?:EudraCT[\s:#]*(?:No\.?|number)?[\s:]*)?(?:19|20)\d{2}-\d{6}-\d{2}\b", "eudract"),
    (r"\bIS(?:RC|CR)TN\)?(?:\s+(?i:registry|register))?[\s:(]*\d{8}\b", "isrctn"),  # "Number (ISRCTN): 28632626", "ISRCTN registry (86247213)"
    (r"\bjRCT[a-z]?\d{9,10}\b", "plain"),
    (r"\bCTR\d{8}\b", "plain"),
    (r"\bKCT\d{7}\b", "plain"),
    (r"\bACTRN[\s:]*\d{14}\b", "nospace"),
    (r"\bANZCTR(?:N\s*0?|\)?[\s:]*)\d{14}\b", "actrn"),  # "ANZCTRN12614001205628", "(ANZCTR): 12610000197033"
    (r"\bUMIN\s?\d{9}\b", "nospace"),
    # The Netherlands Trial Register: "NTR-2051", "(NTR: 1786)", "NTR TC 2452", "(NTR) trial number: 10340",
    # and by its name alone ("Dutch Trial Register no. 2976", "Nederlands Trial Register TC = 5687")
    (r"\bNTR(?:\)?\s*(?:trial\s+)?(?:number|no\.?|TC)?)?[\s:=-]*\d{3,5}\b", "ntr"),
    (r"\b(?:Dutch|Netherlands|Nederlands) Trial Regist(?:er|ry)(?: (?:number|no\.?|TC))?[\s:=]*\d{3,5}\b", "ntr"),
    (r"\bNL\d{4,6}\b(?=[\s.,;)])", "plain"),
    (r"\bDRKS\s?\d{8}\b", "nospace"),
    (r"\bCTRI/\d{4}/\d{2,3}/\d{6}\b", "plain"),
    (r"\bEUCTR\d{4}-\d{6}-\d{2}(?:-[A-Z]{2})?\b", "plain"),
    (r"\b20\d{2}-5\d{5}-\d{2}-\d{2}\b", "plain"),  # EU CT number (CTIS)
    (r"\bPACTR\d{14,15}\b", "plain"),
    (r"\bIRCT\d{8,}N\d*\b", "plain"),
    (r"\bRBR-\w{6,8}\b", "plain"),
    (r"\bSLCTR/\d{4}/\d{3}\b", "plain"),
    (r"\bTCTR\d{11}\b", "plain"),
    (r"\b(?i:JapicCTI)-\d{6}\b", "japic"),
    (r"\bNMRR-\d{2}-\d{1,5}-\d{1,6}\b", "plain"),  # Malaysia's National Medical Research Register
    (r"\bJMA-IIA\d{5}\b", "plain"),
    (r"\bRPCEC\d{11}\b", "plain"),
    (r"\bCRIS\s?KCT\d{7}\b", "kct"),
)
_REGISTRY_RE = quick("|".join(f"({p})" for p, _ in _REGISTRY_PATTERNS))


def _normalise_registry(raw: str, kind: str) -> str:
    if kind == "nct":
        digits = re.sub(r"\D", "", raw)
        return "NCT" + digits.zfill(8)
    if kind == "isrctn":
        return "ISRCTN" + re.sub(r"\D", "", raw)
    if kind == "eudract":
        return re.search(r"\d{4}-\d{6}-\d{2}", raw).group(0)  # type: ignore[union-attr]
    if kind == "actrn":
        return "ACTRN" + re.sub(r"\D", "", raw)[-14:]
    if kind == "ntr":
        return "NTR" + re.sub(r"\D", "", raw)
    if kind == "kct":
        return "KCT" + re.sub(r"\D", "", raw)
    if kind == "nospace":
        return re.sub(r"[\s:]", "", raw)
    if kind == "japic":
        return "JapicCTI" + raw[8:]
    if kind == "chictr":
        return "ChiCTR" + raw[6:].upper().replace(" ", "-")
    return raw


_HAS_LONG_NUMBER = quick(r"\d{3}")  # a repeat first: re would try it at every character
_REGISTRY_START = quick(
    r"\b(?:NCT|ChiCTR|chictr|EudraCT|IS[RC][CR]TN|jRCT|CTR|KCT|ACTRN|ANZCTR|UMIN|NTR|Dutch|Netherlands|Nederlands|NL\d|DRKS|CTRI|EUCTR|PACTR|IRCT|RBR|"
    r"SLCTR|TCTR|JapicCTI|JAPICCTI|JMA|RPCEC|CRIS|NMRR|[Cc]linical[Tt]rials\.gov|(?:19|20)\d{2}-\d)"
)


def registry_ids(text: str) -> list[tuple[int, str]]:
    """(offset, normalised id) for every registry number in ``text``, in order."""
    found: list[tuple[int, str]] = []
    if not _HAS_LONG_NUMBER.search(text):
        return found
    # Try the full alternation only where a registry prefix or an EudraCT-shaped number starts.
    last_end = 0
    for start in (c.start() for c in _REGISTRY_START.finditer(text)):
        if start < last_end:
            continue
        m = _REGISTRY_RE.match(text, start)
        if m is None:
            continue
        last_end = m.end()
        kind = _REGISTRY_PATTERNS[m.lastindex - 1][1]  # type: ignore[operator]
        found.append((m.start(), _normalise_registry(m.group(0), kind)))
    return found


# ------------------------------------------------------------------ phases

_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "1": 1, "2": 2, "3": 3, "4": 4, "0": 0}
_PHASE_RE = folded(
    r"\bphases?[\s-]*(?P<a>0|I{1,3}V?|IV|[1-4])(?P<asub>[ab])?"
    r"(?:\s*(?:/|-|–|and|or|to)\s*(?:phase[\s-]*)?(?:randomi[sz]ed\s+phase\s*)?(?P<b>I{1,3}V?|IV|[1-4])(?P<bsub>[ab])?)?(?![\w/])"
)
_EARLY_RE = folded(r"\bearly[\s-]phase[\s-]*(?:I|1)\b|\bphase[\s-]*0\b")


def phases_in(text: str) -> list[str]:
    """Contract phases named in ``text`` ("phase 1b/2" -> PHASE1, PHASE2)."""
    out: list[str] = []
    low = text.lower()
    if "phase" not in low:
        return out  # both patterns need the word: skip their searches
    if _EARLY_RE.search(low):
        out.append("EARLY_PHASE1")
    for m in _PHASE_RE.finditer(low):
        for key in ("a", "b"):
            raw = m.group(key)
            if raw is None:
                continue
            n = _ROMAN.get(raw.lower())
            if n:
                name = f"PHASE{n}"
                if name not in out:
                    out.append(name)
    return sorted(out, key=lambda p: (p != "EARLY_PHASE1", p))


# ------------------------------------------------------- allocation, masking

_RANDOMISED = folded(
    r"\b(?:randomi[sz]ed|randomly (?:assigned|allocated|divided(?! into (?:an? |the )?(?:training|testing|test|validation|derivation|development)))|(?:assigned|allocated) (?:at )?random(?:ly)?|randomi[sz]ation|RCT)\b(?!\s+(?:trials? (?:is|are) (?:needed|warranted|required)|controlled trials? could|evidence))")
_NONRANDOM = folded(r"\bnon[- ]?randomi[sz]ed\b|\bnot randomi[sz]ed\b|allocated alternately|sequentially")
_SINGLE_ARM = folded(r"\bsingle[- ]arm\b|\bone[- ]arm\b|\bsingle[- ]group\b")
#: Every match of ``_SINGLE_ARM`` is one of these (substring tests first: they cost far less than the search).
_SINGLE_ARM_KEYS = ("single-arm", "single arm", "one-arm", "one arm", "single-group", "single group")
_OPEN = folded(r"\bopen[- ]label\b|\bunblinded\b|\bneither patients nor (?:those|investigators)[^.]{0,40}masked\b|\bnot (?:blinded|masked)\b")
# "Placebo-controlled" alone says nothing about masking (evals/LABELLING.md).
_DOUBLE = folded(r"\bdouble[- ](?:blind(?:ed)?|masked)\b|\b(?:triple|quadruple)[- ]blind|\b(?:investigators|patients)[^.]{0,60}(?:were|was) masked\b")
_SINGLE_BLIND = folded(r"\bsingle[- ](?:blind(?:ed)?|masked)\b")
_DOUBLE_BLIND = quick(r"\bdouble[- ](?:blind|mask)")
_NON_RANDOMI = quick(r"\bnon[- ]?randomi")


def masking(text: str) -> str | None:
    """Masking stated in ``text`` ("placebo-controlled" alone states none)."""
    low = text.lower()
    if not holds_any(low, ("blind", "mask", "open", "placebo")):
        return None
    if _SINGLE_BLIND.search(low):
        return "single_blind"
    if _DOUBLE_BLIND.search(low):
        return "double_blind"
    if _OPEN.search(low):
        return "open_label"
    if _DOUBLE.search(low):
        return "double_blind"
    return None


def allocation(text: str, n_arms: int) -> str | None:
    """randomized / non_randomized / single_arm from design words, else from the arm count."""
    low = text.lower()
    if not holds_any(low, ("random", "single", "one-arm", "one arm", "alternately", "sequentially", "rct")):
        return "single_arm" if n_arms == 1 else None
    if holds_any(low, _SINGLE_ARM_KEYS) and _SINGLE_ARM.search(low):
        return "single_arm"
    if _RANDOMISED.search(low) and not ("non" in low and _NON_RANDOMI.search(low)):  # substring test first: faster
        return "randomized"
    if _RANDOMISED.search(re.sub(r"\bnon[- ]?randomi[sz]ed\b", "", low)):
        return "randomized"
    if _NONRANDOM.search(low) and n_arms >= 2:
        return "non_randomized"
    if n_arms == 1:
        return "single_arm"
    return None


# --------------------------------------------------------------- centres

_MULTI = folded(
    r"\bmulti[- ]?(?:cent(?:er|re)|institution(?:al)?|national|site|centric)\b"
    r"|\binternational\b(?! (?:normali[sz]ed|prostate|index|classification|units?|federation|agency|standards?|society|union|"
    r"association|conference|criteria|staging|germ|consensus|working))"
    r"|\bintergroup\b|\bglobal\b(?! (?:health|scores?|qol|quality|status|assessment|impression|ratings?|burden|measures?|"
    r"functioning|distress|improvement|change|pain|side|symptom))|\bcooperative (?:oncology )?group\b")
#: "at 78 centres": searched only when the text has one of the ``_SITES`` it ends with.
_AT_SITES = folded(
    r"\b(?:at|in|across|from|with) (?:\d{2,}|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|[a-z]+ty(?:-[a-z]+)?) (?:\w+ ){0,2}(?:cent(?:er|re)s|hospitals|sites|institutions|clinics)\b")
_SITES = ("centers", "centres", "hospitals", "sites", "institutions", "clinics")
_SINGLE_CENTRE = folded(r"\bsingle[- ](?:cent(?:er|re)|institution(?:al)?|site)\b|\bmono[- ]?cent(?:er|ric)\b")


def multicenter(text: str) -> bool | None:
    """True for multicentre wording (or "at 78 centres"), False for single-centre, else None."""
    low = text.lower()
    if not holds_any(low, ("multi", "international", "intergroup", "global", "cooperative", "cent", "site",
                                  "hospital", "institution", "clinic", "single", "mono")):
        return None
    if ("single" in low or "mono" in low) and _SINGLE_CENTRE.search(low):  # each branch holds one
        return False
    if _MULTI.search(low) or (holds_any(low, _SITES) and _AT_SITES.search(low)):
        return True
    return None


# ------------------------------------------------------------- enrolment

#: "One thousand two hundred ninety-nine", "Seven thousand and twenty": a count in words past a thousand.
_THOUSANDS = rf"(?:one|two|three|four|five|six|seven|eight|nine) thousand(?:,? (?:and )?{WORD_NUMBER}(?:[- ]{WORD_NUMBER})?)?"
#: "Three-hundred-and-six", "One-hundred and five", "Two-hundred seventeen": hundreds joined by a hyphen.
_HYPHENED_HUNDREDS = rf"(?:one|two|three|four|five|six|seven|eight|nine)-hundred(?:[- ]and)?(?:[- ](?:{WORD_NUMBER}))?"
_COUNT = rf"(?P<n>{NUM}|{_THOUSANDS}|{_HYPHENED_HUNDREDS}|{WORD_NUMBER}(?:[- ]{WORD_NUMBER})?)"
_PEOPLE_NOUN = (r"(?:patients|participants|subjects|women|men|children|adults|pts|cases|individuals|volunteers|survivors|"
                r"persons|people|outpatients|inpatients|smokers|girls|boys|veterans|recipients|infants|neonates|newborns|mothers|students|adolescents|parents|athletes|"
                r"elderly|nurses|employees|residents|workers)")
_PEOPLE = (
    r"(?:(?:evaluable |eligible |consecutive |previously untreated |untreated |treatment[- ]naive |chemotherapy[- ]na[iï]ve |"
    rf"adult |postsurgical |newly diagnosed |[A-Z][a-z]+ |additional )*(?:{_PEOPLE_NOUN}|males|females))"
)  # "males" and "females" are people to be counted, but not another count between a count and its verb ("36 adults, 21 females, were …")
#: Text between a count and its verb: no sentence end, but decimals ("10.5 g/dL"), "i.e.," / "e.g.," and a
#: semicolon inside brackets ("(51 M : 9 F; mean age 61.9 years)") are kept.
_BETWEEN = r"(?:[^.;]|\.(?=(?:[eg]\.)?[\d,])|;(?=(?:[^()]|\([^()]*\))*\)))"

#: Words between "completed" and "treatment" that make it no count of completers: "completed the questionnaire before treatment".
_NOT_COMPLETED_WORD = r"(?:questionnaires?|assessments?|surveys?|diar(?:y|ies)|interviews?|forms?|at|least|before|after|during|prior|with|and|or)\b"

#: A word naming the analysed set's analysis: "the QOL analysis", "the longitudinal analysis" (not a subgroup's, the safety
#: set's or a pharmacokinetic one).
_ANALYSIS_NAMED = r"(?!(?:subgroup|sub-group|safety|pharmacokinetic|PK|interim|exploratory|sensitivity|secondary)\s)[\w-]+\s+"

#: After "completed … study": a part of it, not the study ("completed a one-time study visit", "the study questionnaires").
_NOT_A_PART_OF_IT = r"(?!\s+(?:visit|session|questionnaire|assessment|measure|form|procedure|day)s?\b)"

#: The verb of an analysed set: "were analysed", "were evaluable", "were included in the primary analysis".
_ANALYSED = r"(?:analy[sz]ed|evaluable|assessable|included\s+in\s+the\s+(?:[\w-]+\s+)?analys[ie]s)\b"
#: One arm's place after its count: "in the 2-weekly group", "allocated to the control group", "Intervention Group".
_ARM_PLACE = r"(?:(?:in|allocated\s+to|assigned\s+to)\s+(?:the\s+)?[^.;,()]{0,30}?\b(?:group|arm)(?:\s+(?:[A-Z]|\d{1,2})\b)?|[\w-]+\s+(?:group|arm))"
#: A second and third count of one set, summed with the first (``_arm_total``).
_COUNT2 = rf"(?P<n2>{NUM}|{WORD_NUMBER}(?:[- ]{WORD_NUMBER})?)"

_ENROLMENT_PATTERNS: tuple[tuple[str, str], ...] = (  # patterns are rf-strings below
    # "the interim analysis of the 58 enrolled (120 planned) patients"
    ("enrolled", rf"(?:among|in|of|by|for) (?:the |all )?(?:total(?: of)? )?{_COUNT} (?:eligible|randomi[sz]ed|randomly assigned|enrolled|registered) (?:\([^()]{{1,40}}\) )?{_PEOPLE}"),
    ("screened", rf"{_COUNT} {_PEOPLE}? ?(?:were|was) screened"),
    ("screened", rf"(?:of|among) (?:the )?{_COUNT} screened"),
    ("screened", rf"screened {_COUNT}"),
    ("enrolled", rf"{_COUNT}\s+(?:{_PEOPLE}\s+)?(?:were|was|had been|have been)\s+(?:\w+\s+)?(?:enrolled|randomi[sz]ed|randomly (?:assigned|allocated|divided|grouped|distributed)|(?:assigned|allocated) (?:randomly|at random)|alternately (?:assigned|allocated)|allocated|included|entered|recruited|registered|accrued)"),
    ("enrolled", rf"\ball {_COUNT} {_PEOPLE} enrolled"),
    # "4162 women (aged >18 years) with node-positive ... were randomly assigned", "A total of 400 adults between 56 and 90 years
    # of age without … were included" (not "… were selected and included as an observation group")
    ("enrolled", rf"{_COUNT}\s+(?:\([^()]{{1,40}}\)\s+)?(?:[\w-]+\s+){{0,4}}?{_PEOPLE}\b(?P<between>{_BETWEEN}{{0,260}}?)(?:,\s*|\b(?:were|was)\s+(?:\w+(?:(?<=ed)|(?<=en))\s+and\s+(?:then\s+|subsequently\s+|later\s+)?|\w+\s+)?)"
                 rf"(?:randomi[sz]ed|randomly (?:assigned|allocated|divided|grouped|distributed)|(?:assigned|allocated) (?:randomly|at random)|enrolled|entered|recruited|included(?!\s+as\b)"
                 rf"|admitted\s+(?:in)?to\s+(?:the|this|our)\s+(?:study|trial))\b"),
    # "Consecutive patients (n = 64) eligible for surgery were randomized", "The participants (N = 56), who …, were randomly assigned"
    ("enrolled", rf"\b{_PEOPLE_NOUN}\s*\(\s*[nN]\s*=\s*{_COUNT}\s*[;,)][^()]{{0,80}}?\)?{_BETWEEN}{{0,160}}?\b(?:were|was)\s+(?:\w+\s+)?"
                 rf"(?:randomi[sz]ed|randomly (?:assigned|allocated)|enrolled|recruited)\b"),
    # "Mean baseline HbA1c of randomized patients (N = 1326) was 7.8%", "Included patients (n = 80) received", "We recruited participants (N=170)"
    ("enrolled", rf"\b(?:randomi[sz]ed|enrolled|included|recruited)\s+{_PEOPLE_NOUN}\s*\(\s*[nN]\s*=\s*{_COUNT}\s*\)"),
    # "Adults (N = 39; body mass index 39.5 ± 2.8) participated in a 6-month program"
    ("enrolled", rf"\b{_PEOPLE_NOUN}\s*\(\s*[nN]\s*=\s*{_COUNT}\s*[;,)][^()]{{0,80}}?\)?\s*participated\b"),
    # "A randomized, assessor-blinded, controlled trial was performed on 78 patients"
    # "A multicentre randomised controlled trial (RCT) with a 2×2 factorial design was performed among 320 … patients"
    ("enrolled", rf"\b(?:trial|study)\b(?:[^.;]{{0,80}}?\s)?(?:was )?(?:performed|conducted|carried out|done) (?:on|in|with|among|involving) {_COUNT}\s+(?:[\w-]+\s+){{0,3}}?{_PEOPLE}"),
    ("enrolled", rf"(?:among|of|in) (?:the |all )?{_COUNT} (?:enrolled|randomi[sz]ed|registered|included) {_PEOPLE}"),
    ("enrolled", rf"a total of {_COUNT}(?: and {NUM})+ {_PEOPLE} (?:were|was) (?:enrolled|randomi[sz]ed)"),
    # "165 of 441 patients were assigned to dignity therapy, 140 …": the whole after "of"
    # "191 of the 350 targeted patients were randomly assigned": the count reached, not the target
    ("enrolled", rf"{_COUNT}\s+(?:out\s+)?of\s+(?:the\s+|a\s+)?(?:{NUM})\s+(?:targeted|planned|intended|projected|expected|required)\s+{_PEOPLE}\s+(?:were|was|had been|have been)\s+"
                 rf"(?:randomly\s+assigned|randomly\s+allocated|randomi[sz]ed|enrolled|accrued|recruited|included)\b"),
    ("enrolled", rf"\b\d+\s+of\s+(?:the\s+)?{_COUNT}\s+{_PEOPLE}\s+(?:were|was)\s+(?:randomly\s+)?(?:assigned|allocated|randomi[sz]ed)\s+to\b"),
    ("enrolled", rf"{_COUNT}\s+(?:[\w-]+\s+){{0,8}}?{_PEOPLE}[^.;,]{{0,60}}?\b(?:were|was|had been|have been)\s+(?:\w+\s+)?(?:enrolled|randomi[sz]ed|randomly (?:assigned|allocated|divided|grouped|distributed)|(?:assigned|allocated) randomly|alternately assigned|allocated|included|entered|recruited|registered|accrued)"),
    ("enrolled", rf"(?:enrolled|randomi[sz]ed|randomly assigned|recruited|included|accrued|enrolling|entered)\s+(?:a total of\s+)?(?:[nN]\s*=\s*)?{_COUNT}\s+(?:[\w-]+\s+){{0,6}}?{_PEOPLE}"),
    # "A total of 646 node-positive, receptor-negative patients were randomly assigned"
    ("enrolled", rf"(?:a total of|overall,?|altogether)\s+(?:[nN]\s*=\s*)?{_COUNT}\s+(?:[\w-]+,?\s+){{0,6}}?{_PEOPLE}\s+(?:were|was)\s+"
                 rf"(?:enrolled|randomi[sz]ed|randomly (?:assigned|allocated)|included|recruited|registered|accrued)"),
    ("enrolled", rf"(?:of|among) (?:the )?{_COUNT} (?:(?!of\b)[\w-]+ ){{0,3}}?{_PEOPLE} (?:enrolled|randomi[sz]ed|registered|included|entered|accrued|recruited|eligible)"),
    ("enrolled", rf"(?:trial|study) (?:of|in|on|with|involving) {_COUNT} {_PEOPLE}"),
    ("enrolled", rf"accrued {_COUNT} (?:subjects|patients)"),
    ("enrolled", rf"{_COUNT}\s+(?:[\w-]+\s+){{0,4}}?{_PEOPLE}\s+underwent\s+randomi[sz]ation"),
    # "31% (n=41) of all eligible survivors consented to participate"
    ("enrolled", rf"\(\s*[nN]\s*=\s*{_COUNT}\s*\)[^.;()]{{0,60}}?\bconsented to (?:participate|take part)"),
    # "Patients (n = 429) were randomly assigned", "a controlled study (N = 676)"
    ("enrolled", rf"\(\s*[nN]\s*=\s*{_COUNT}\s*\)\s*(?:were|was)\s+(?:\w+\s+)?(?:randomi[sz]ed|assigned|allocated|enrolled|included|recruited)"),
    ("enrolled", rf"(?:study|trial)\s*\(\s*[nN]\s*=\s*{_COUNT}\s*\)"),
    # "for the entire population (n=80)"
    ("enrolled", rf"\b(?:entire|whole|total)\s+(?:study\s+)?population\s*\(\s*[nN]\s*=\s*{_COUNT}\s*[,;)]"),
    # "There were 752 patients enrolled", "301 breast cancer patients randomized"
    ("enrolled", rf"{_COUNT}\s+(?:(?!of\b)[\w-]+\s+){{0,4}}?{_PEOPLE}\s+(?:enrolled|randomi[sz]ed|randomly (?:assigned|allocated)|recruited)\b"),
    ("enrolled", rf"(?:study|trial) (?:included|enrolled|comprised(?: of)?|was comprised of|recruited|involved|examined|consisted of|entering|enrolling) "
                 rf"{_COUNT}\s+(?:[\w-]+\s+){{0,4}}?{_PEOPLE}"),
    # "Patients with cancer (n = 178) who agreed to participate were randomized", "… caregivers (N = 484 dyads) were enrolled",
    # "Outpatients diagnosed with depression (n = 101) receiving drug A were randomized"
    ("enrolled", rf"\b{_PEOPLE_NOUN}\s+(?:with|who|from|diagnosed|undergoing|receiving|scheduled)\s[^.;()]{{1,80}}?\(\s*[nN]\s*=\s*{_COUNT}(?:\s+(?:dyads|couples|pairs))?\s*\)"
                 rf"(?!\s*(?:,|or|and)\s[^().;]{{0,30}}\(\s*[nN]\s*=){_BETWEEN}{{0,120}}?\b(?:were|was)\s+(?:\w+\s+)?(?:randomi[sz]ed|randomly (?:assigned|allocated)|enrolled|recruited|included)\b"),
    ("enrolled", rf"\b(?:{_PEOPLE_NOUN}|caregivers|carers|partners|spouses|families)\s*\(\s*[nN]\s*=\s*{_COUNT}\s+(?:dyads|couples|pairs)\s*\)"),
    # "The 140 patients included were …", "All 58 women enrolled had …"
    ("enrolled", rf"^(?:the|all) {_COUNT}\s+(?:[\w-]+\s+){{0,3}}?{_PEOPLE}\s+(?:included|enrolled|randomi[sz]ed|recruited)\b"),
    # "723 patients were stratified by ECOG PS and previous treatment and randomly allocated", "356 patients with
    # stage I-IIIA NSCLC were assigned to either …", "Thirty-nine patients with lymphoma … were assigned to a TY group"
    ("enrolled", rf"{_COUNT}\s+(?:[\w-]+\s+){{0,4}}?{_PEOPLE}\b(?P<between>{_BETWEEN}{{0,160}}?)\b(?:were|was)\s+(?:stratified\b"
                 rf"{_BETWEEN}{{0,100}}?\band\s+(?:then\s+)?(?:randomi[sz]ed|randomly (?:assigned|allocated))|(?:assigned|allocated)"
                 rf"(?= to (?:either|one of|receive|an?|the)\b))"),
    ("enrolled", rf"\b{_PEOPLE_NOUN}\s*\(\s*[nN]\s*=\s*{_COUNT}\s*\){_BETWEEN}{{0,160}}?\b(?:were|was)\s+stratified\b{_BETWEEN}{{0,100}}?"
                 rf"\band\s+(?:then\s+)?(?:randomi[sz]ed|randomly (?:assigned|allocated))"),
    # "all patients randomly assigned with strata (n = 291)", "Two hundred forty-six of 302 patients randomly assigned"
    ("enrolled", rf"\b{_PEOPLE_NOUN}\s+(?:randomly (?:assigned|allocated)|randomi[sz]ed|enrolled)[^.;()]{{0,30}}?\(\s*[nN]\s*=\s*{_COUNT}\s*\)"),
    ("enrolled", rf"(?:of|among) (?:the )?{_COUNT} (?:(?!of\b)[\w-]+ ){{0,3}}?{_PEOPLE} randomly (?:assigned|allocated)"),
    # "Subjects were 88 women with …", "Study patients included 472 low-income … patients"
    ("enrolled", rf"\b(?:subjects|participants|patients) were {_COUNT} {_PEOPLE}"),
    ("enrolled", rf"\b(?:study|trial) {_PEOPLE_NOUN} (?:included|comprised) {_COUNT}\s+(?:[\w-]+[\s,]+){{0,6}}?{_PEOPLE}"),
    # "82 postmenopausal patients with histologically confirmed invasive hormone-sensitive breast cancers were included"
    ("enrolled", rf"{_COUNT}\s+(?:[\w-]+\s+){{0,4}}?{_PEOPLE}\s+with\s[^.;,]{{0,100}}?\b(?:were|was)\s+(?:enrolled|included|recruited)\b"),
    # "Fifty-one patients with T2, N0/N1, M0 NPC took part in a randomized", "in 41 normotensive … patients in a randomized"
    ("enrolled", rf"{_COUNT}\s+(?:[\w-]+\s+){{0,4}}?{_PEOPLE}[^.;]{{0,80}}?\btook part in (?:a|the|this|our)\b"),
    # "Nine healthy men (age 23.5 ± 3.4 yr) participated in the study", "Ninety dental students, both male and female, aged
    # 21 to 25 years participated in the study" (not "… who participated", nor "51 cases and 132 age- and sex-matched controls")
    ("enrolled", rf"{_COUNT}\s+(?:[\w-]+\s+){{0,4}}?{_PEOPLE}\b(?P<between>(?:(?!\band\s+\d)(?:{_BETWEEN})){{0,160}}?)\s(?<!\bwho\s)(?<!\bpreviously\s)(?:had\s+)?"
                 rf"participated\s+in\s+(?:a|an|the|this|our)\b"),
    ("enrolled", rf"\bin {_COUNT}\s+(?:[\w-]+\s+){{0,5}}?{_PEOPLE} in (?:a|this) (?:[\w-]+\s+){{0,2}}?randomi[sz]ed\b"),
    # "40 patients participated (chemoradiotherapy, n = 17; …)", "203 women entered the study"
    ("enrolled", rf"{_COUNT}\s+(?:[\w-]+\s+){{0,4}}?{_PEOPLE}\s+(?:\([^()]{{1,80}}\)\s+)?(?:with\s(?:(?!\band\s+\d+\s+(?!years|months)\w)[^.;,()]){{1,80}}?\s)?(?:participated\b|(?:entered|joined) (?:the|this|our) (?:study|trial)\b)"),
    # "551 patients received either vinflunine … or docetaxel", "70 patients were treated with either MEV (Arm A) or …"
    ("enrolled", rf"{_COUNT}\s+(?:[\w-]+\s+){{0,4}}?{_PEOPLE}(?:\s+with\s+[^.;,()]{{1,80}}?)?\s+(?:randomly\s+)?(?:received|were treated with|were given)\s+either\b"),
    # "Twenty-three men received 300 μg selenium per day (n=12) or a placebo (n=11)": the arms' sizes, split
    ("enrolled", rf"{_COUNT}\s+(?:[\w-]+\s+){{0,4}}?{_PEOPLE}\s+(?:received|were treated with|were given)\s[^.;]{{0,120}}?"
                 rf"\(\s*n\s*=\s*\d+\s*\)[^.;]{{0,60}}?\bor\b"),
    # "This phase II study compared temozolomide and procarbazine in 225 patients with glioblastoma"
    ("enrolled", rf"\b(?:study|trial) compared\b[^.;]{{0,150}}?\bin {_COUNT}\s+(?:[\w-]+\s+){{0,4}}?{_PEOPLE}"),
    # "Randomization totaled 130 patients", "Recruited were 167 children"
    ("enrolled", rf"\b(?:randomi[sz]ation|accrual|enrol(?:l)?ment|recruitment)\s+(?:totaled|totalled|reached|comprised)\s+(?:a\s+total\s+of\s+)?"
                 rf"{_COUNT}\s+(?:[\w-]+\s+){{0,3}}?{_PEOPLE}"),
    ("enrolled", rf"\b(?:recruited|enrolled|randomi[sz]ed|included) were {_COUNT}\s+(?:[\w-]+\s+){{0,4}}?{_PEOPLE}"),
    # "A total of 329 patients from 10 centers in 9 countries enrolled in a double-blind randomized trial"
    ("enrolled", rf"{_COUNT}\s+(?:[\w-]+\s+){{0,4}}?{_PEOPLE}\b(?P<between>[^.;()]{{0,80}}?)\s(?<!\bwho\s)enrolled in (?:a|the|this|our)\b"),
    # "Fifty OSF patients were divided randomly into two groups", "Forty-one patients were randomly selected to receive"
    ("enrolled", rf"{_COUNT}\s+(?:[\w-]+\s+){{0,4}}?{_PEOPLE}\b(?P<between>{_BETWEEN}{{0,120}}?)\b(?:were|was)\s+(?:(?:divided|allocated|assigned)\s+randomly"
                 rf"|randomly\s+selected\s+to\s+(?:receive|be|undergo))\b"),
    # "Sixty-six patients were screened and 19 enrolled", "40 were eligible, 22 consented to randomisation"
    ("enrolled", rf"\b(?:screened|eligible)\s*(?:,\s*|\s+and\s+){_COUNT}\s+(?:{_PEOPLE}\s+)?(?:were\s+)?(?:enrolled|randomi[sz]ed|included)\b"),
    # "… 23 (21%) consented to participate in the study", "152 women (74.5%) agreed to take part"
    ("enrolled", rf"{_COUNT}\s+(?:\([^()]{{1,40}}\)\s+)?(?:(?:[\w-]+\s+){{0,3}}?{_PEOPLE}\s+)?(?:\([^()]{{1,40}}\)\s+)?(?:consented|agreed)\s+to\s+"
                 rf"(?:randomi[sz]ation|be randomi[sz]ed|participate|take part)\b"),
    # "The sample included N = 167 women", "Convenience sample of 38 women", "The sample of patients (n = 709)"
    ("enrolled", rf"\bsample\s+(?:included|comprised|consisted\s+of|was)\s+(?:[nN]\s*=\s*)?{_COUNT}\s+(?:[\w-]+\s+){{0,3}}?{_PEOPLE}"),
    ("enrolled", rf"(?<!new )(?<!validation )(?<!test )\bsample\s+of\s+{_COUNT}\s+(?:[\w-]+\s+){{0,3}}?{_PEOPLE}"),
    ("enrolled", rf"\bsample\s+of\s+{_PEOPLE_NOUN}\s*\(\s*[nN]\s*=\s*{_COUNT}\s*\)"),
    # "Here, we show data from 125 patients (63 TE and 62 TEL patients)"
    ("enrolled", rf"\bwe (?:show|report|present|analy[sz]ed|describe) (?:the )?(?:data|results|outcomes) (?:from|of|on|for) {_COUNT}\s+"
                 rf"(?:[\w-]+\s+){{0,3}}?{_PEOPLE}"),
    # "we assigned 76 postmenopausal breast cancer survivors with … either to the intervention group or to usual care"
    ("enrolled", rf"\bwe\s+(?:randomly\s+)?(?:assigned|allocated)\s+{_COUNT}\s+(?:[\w-]+\s+){{0,6}}?{_PEOPLE}"),
    # "We studied 60 patients (52 female and 8 male) aged 40 to 80 years", "We evaluated 171 patients with insomnia, of whom …"
    ("enrolled", rf"\bwe\s+(?:studied|evaluated|examined)\s+(?:a\s+total\s+of\s+)?{_COUNT}(?!\s+of\b)\s+(?:(?!\d)[\w-]+\s+){{0,4}}?{_PEOPLE}\b"),
    # "Seventy-two patients with malignant ascites were divided into two groups", "52 women … were divided into either A or B",
    # "Sixty patients with minor aphthae were selected and randomly divided into four groups"
    ("enrolled", rf"{_COUNT}\s+(?:[\w-]+\s+){{0,4}}?{_PEOPLE}\b(?P<between>{_BETWEEN}{{0,120}}?)\b(?:were|was)\s+(?:selected\s+and\s+)?(?:\w+\s+)?(?:divided|assigned|allocated)\s+"
                 rf"(?:in|into|to)\s+(?:two|three|four|[234]|either)\b"),
    # "Baseline characteristics of the 424 patients were balanced", "Baseline symptoms in the 169 patients were well balanced"
    ("enrolled", rf"\b(?:characteristics|symptoms|demographics)\s+(?:of|in|for)\s+(?:the|all)\s+{_COUNT}\s+(?!(?:[\w-]+\s+){{0,2}}?(?:groups?|arms?|cohorts?)\b)(?:[\w-]+\s+){{0,3}}?{_PEOPLE}"
                 rf"(?!\s+(?:who|with|in|whose|treated|receiving|that)\b)"),
    # "trial of CBT versus usual care in 150 patients", "A has been compared with placebo in 60 patients"
    ("enrolled", rf"\b(?:trial|study)\s+(?:of|comparing)\s[^.;]{{1,120}}?\b(?:versus|vs\.?|with placebo|or placebo)\s[^.;]{{0,80}}?\bin "
                 rf"{_COUNT}\s+(?:[\w-]+\s+){{0,4}}?{_PEOPLE}"),
    ("enrolled", rf"\b(?:was|were|been)\s+compared\s+(?:with|to)\s[^.;]{{1,80}}?\bin {_COUNT}\s+(?:[\w-]+\s+){{0,4}}?{_PEOPLE}"),
    # "In a prospective randomized single-center study from 2007 to 2008, 104 patients underwent esophagectomy",
    # "In this double-blind, multicenter trial, 121 patients received A; B; or C" (not "… 60 received A and 58 …")
    ("enrolled", rf"\bin (?:a|an|this|our|the present)\b[^.;]{{0,100}}?\b(?:trial|study)\b[^.;,]{{0,60}},\s*{_COUNT}\s+(?:[\w-]+\s+){{0,4}}?"
                 rf"{_PEOPLE}\s+(?:\([^()]{{1,60}}\)\s+)?(?:(?:with|undergoing)\s[^.;,()]{{1,80}}?\s)?(?:underwent|received|were treated)\b(?![^.;]{{0,150}}\b(?:and|while|whereas)\s+(?:{NUM})\s)"),
    # "of the 41 treated patients", "All 30 treated patients", "41 treated patients were evaluable"
    ("treated", rf"(?:among|of|in|for|all) (?:the |all |these )?{_COUNT} treated {_PEOPLE}"),
    ("treated", rf"^(?:a total of\s+)?{_COUNT} treated {_PEOPLE}"),
    # "35 patients suffering from sarcoma were treated with …", "18 subjects (ten female) were treated" (not "who were previously treated"),
    # "610 patients with early arthritis (EA) or undifferentiated arthritis (UA) were treated with …"
    ("treated", rf"{_COUNT}\s+(?:(?!of\b|\d)[\w-]+\s+){{0,3}}?{_PEOPLE}\b(?P<between>(?:\s*\([^()]{{1,40}}\))?(?:\s+(?:with|suffering from|of|having|"
                rf"diagnosed with|aged)\s(?:(?!\bwho\b)(?:[^.;()]|\([^()]{{1,20}}\))){{1,80}}?)?)\s+(?:were|was|have\s+been)\s+(?!previously\b|already\b|heavily\b|prior\b)"
                rf"(?:\w+\s+)?treated\b"),
    # the safety population: "The safety population included 339 patients", "safety was assessed in 752 patients"
    ("treated", rf"\bsafety\s+(?:population|analysis\s+set|analysis|set)\s+(?:included|comprised|consisted\s+of|was)\s+(?:a total of\s+|all\s+)?{_COUNT}\b"),
    ("treated", rf"{_COUNT}\s+(?:[\w-]+\s+){{0,3}}?{_PEOPLE}\s+(?:were|was)\s+included\s+in\s+the\s+safety\s+(?:analysis|population|set)"),
    ("treated", rf"\bsafety\s+(?:was|were)\s+(?:assessed|evaluated|analy[sz]ed)\s+in\s+(?:all\s+)?{_COUNT}\s+(?:[\w-]+\s+){{0,3}}?{_PEOPLE}"),
    ("treated", rf"{_COUNT} {_PEOPLE} received (?:the )?(?:assigned|study|at least one)"),
    # "155 (77: gefitinib, 78: nimotuzumab plus gefitinib) received at least one dose", "752 patients … received ≥1 dose"
    ("treated", rf"{_COUNT}\s+(?:(?:[\w-]+\s+){{0,2}}?{_PEOPLE}\s*)?(?:\([^()]{{1,80}}\)\s*)?(?:who\s+)?received\s+(?:at\s+least\s+one|≥\s*1|one\s+or\s+more|any)\s+"
                rf"(?:dose|cycle|course|injection|infusion|fraction|administration)"),
    ("treated", rf"\(\s*[nN]\s*=\s*{_COUNT}\s*\)\s*received\b"),
    # "Patients treated with X at any time (N=1240) constituted the safety population", "the safety set (n = 352)"
    ("treated", rf"\(\s*[nN]\s*=\s*{_COUNT}\s*\)\s*(?:constituted|formed|made\s+up|comprised)\s+the\s+(?:overall\s+)?safety\s+"
                rf"(?:population|analysis\s+set|set)"),
    ("treated", rf"\bsafety\s+(?:population|analysis\s+set|set)\s*\(\s*[nN]\s*=\s*{_COUNT}\s*\)"),
    # A sentence opening on the count: "Twenty-three men received 200 µg selenium daily", "Thirty patients were given …"
    ("treated", rf"^(?:a total of\s+)?{_COUNT}(?!\s*(?:per\s*cent|percent|%))\s+(?:[\w-]+\s+){{0,2}}?{_PEOPLE}"
                rf"(?:\s+with\s+[^.;,()]{{1,80}}?)?\s+(?:received|were given|were treated with)\s+"
                rf"(?!no\b|either\b)(?![^.;]{{0,150}}\b(?:(?:group|arm|cohort)\s+[A-Z0-9]\b|respectively|while|whereas|but|and\s+\d+))"),
    # "A total of 120 patients were dosed"
    ("treated", rf"{_COUNT}\s+(?:[\w-]+\s+){{0,3}}?{_PEOPLE}\s+(?:\([^()]{{1,80}}\)\s+)?(?:were|was)\s+dosed\b"),
    # "5692 (26% of target) started treatment", "65 were treated with fixed GH doses"
    ("treated", rf"{_COUNT}\s+(?:\([^()]{{1,80}}\)\s+)?(?:(?:[\w-]+\s+){{0,2}}?{_PEOPLE}\s+)?(?:started|began|initiated|commenced)\s+(?:the\s+)?"
                rf"(?:study\s+|assigned\s+|allocated\s+|protocol\s+)?(?:treatment|therapy|chemotherapy|intervention)\b"),
    ("treated", rf"(?:^|(?<=[,;:]\s)|(?<=\band\s)){_COUNT}\s+(?:\([^()]{{1,40}}\)\s+)?(?:were|was)\s+treated\s+with\b"),
    # "17 patients were enrolled and treated with A", "1000 participants were recruited, randomly assigned, and treated",
    # "Forty patients (31 men and 9 women) were enrolled and received 3-5 courses", "286 patients were randomized, received the
    # intervention and …" (not "… randomized and received either")
    ("treated", rf"{_COUNT}\s+(?:(?:[\w-]+\s+){{0,4}}?{_PEOPLE}\s+)?(?:\([^()]{{1,80}}\)\s+)?(?:with\s[^.;,()]{{1,80}}?\s+)?(?:were|was)\s+"
                rf"(?:(?:enrolled|recruited|included|registered|randomi[sz]ed|randomly\s+(?:assigned|allocated)),?\s+)+(?:and\s+)?(?:were\s+|then\s+)?"
                rf"(?:treated|received|dosed)\b(?!\s+(?:with\s+)?either\b)"),
    # The arms' counts of the analysed set, summed: "447 and 371 patients, respectively, were analyzed", "108, 111, and 107
    # patients, respectively, were analysed"
    ("evaluable", rf"{_COUNT}(?:,\s*(?P<n3>{NUM}))?,?\s+and\s+{_COUNT2}\s+(?:[\w-]+\s+){{0,3}}?{_PEOPLE},?\s+respectively,?\s+(?:were|was)\s+(?:\w+\s+)?{_ANALYSED}"),
    # "170 patients in the 2-weekly group and 176 in the 3-weekly group were included in the analysis", "76 persons allocated to
    # the control group and 85 to the intervention group were analysed", "17 Intervention Group and 22 Control Group participants"
    ("evaluable", rf"{_COUNT}\s+(?:\([^()]{{1,30}}\)\s+)?(?:(?:[\w-]+\s+){{0,3}}?{_PEOPLE}\s+)?{_ARM_PLACE},?\s+and\s+(?:to\s+)?{_COUNT2}\s+(?:\([^()]{{1,30}}\)\s+)?"
                  rf"(?:(?:[\w-]+\s+){{0,3}}?{_PEOPLE}\s+)?(?:{_ARM_PLACE}\s+|to\s+the\s+[^.;,()]{{1,30}}?\b(?:group|arm)\s+)(?:{_PEOPLE}\s+)?(?:were|was)\s+(?:\w+\s+)?{_ANALYSED}"),
    # "Fifty-six patients were analyzed in the propofol arm, and 46 patients in the sevoflurane arm"
    ("evaluable", rf"{_COUNT}\s+(?:[\w-]+\s+){{0,3}}?{_PEOPLE}\s+(?:were|was)\s+{_ANALYSED}\s+in\s+(?:the\s+)?[^.;,()]{{1,30}}?,?\s+and\s+{_COUNT2}\s+"
                  rf"(?:(?:[\w-]+\s+){{0,2}}?{_PEOPLE}\s+)?in\s+(?:the\s+)?[^.;,()]{{1,30}}?\b(?:group|arm)\b"),
    # The whole with its per-group split: "40 patients, 20 in each group, were evaluated"
    ("evaluable", rf"{_COUNT}\s+(?:[\w-]+\s+){{0,3}}?{_PEOPLE},\s*(?:{NUM}|{WORD_NUMBER})\s+(?:in|per|for)\s+(?:each\s+)?(?:group|arm),\s*(?:were|was)\s+(?:\w+\s+)?"
                  rf"(?:evaluated|{_ANALYSED})"),
    # The analysis named with its people: "The analysis included 46 patients in the ERP group and 45 in the standard care group",
    # "This analysis included 448 patients", "In ITT analysis of 562 participants", "the per-protocol population of 230 patients"
    ("evaluable", rf"\b(?:the|this|our)\s+(?:(?:primary|final|main|efficacy|present|study)\s+)?analys[ie]s\s+(?:population\s+)?(?:included|comprised|consisted\s+of)\s+(?:a\s+total\s+of\s+)?"
                  rf"{_COUNT}\s+(?:(?:[\w-]+\s+){{0,3}}?{_PEOPLE}\s+)?{_ARM_PLACE},?\s+and\s+{_COUNT2}\s+(?:(?:[\w-]+\s+){{0,3}}?{_PEOPLE}\s+)?{_ARM_PLACE}"),
    ("evaluable", rf"\b(?:the|this|our)\s+(?:(?:primary|final|main|efficacy|present|study)\s+)?analys[ie]s\s+(?:population\s+)?(?:included|comprised|consisted\s+of)\s+(?:a\s+total\s+of\s+|all\s+)?"
                  rf"{_COUNT}\s+(?:[\w-]+\s+){{0,3}}?{_PEOPLE}\b(?!\s+(?:in|from)\s+(?:\d+|[a-z]+)\s+(?:trials|studies)\b)"),
    ("evaluable", rf"\b(?:inten(?:t|tion)[- ]to[- ]treat|ITT|per[- ]protocol|full[- ]analysis|efficacy|evaluable)\s+(?:\((?:ITT|PP|FAS|mITT)\)\s+)?"
                  rf"(?:population|analysis|set|analysis\s+set)\s+of\s+(?:the\s+|all\s+)?{_COUNT}\s+(?:[\w-]+\s+){{0,3}}?{_PEOPLE}"),
    # Entered and analysed: "163 patients were randomized and included in the full analysis set", "… were recruited and analyzed"
    ("evaluable", rf"{_COUNT}\s+(?:[\w-]+\s+){{0,4}}?{_PEOPLE}\b(?P<between>{_BETWEEN}{{0,100}}?)\b(?:were|was)\s+(?:randomi[sz]ed|randomly\s+assigned|recruited|enrolled)\s+"
                  rf"and\s+(?:were\s+)?(?:analy[sz]ed\b|included\s+in\s+the\s+(?:full\s+|final\s+|primary\s+|efficacy\s+)?analys[ie]s\b)"),
    # "There were 100 patients included in the study and 99 analysed."
    ("evaluable", rf"\band\s+{_COUNT}\s+(?:{_PEOPLE}\s+)?analy[sz]ed(?=\s*(?:[.;,]|$))"),
    # "In the final analysis comprising 101 patients"
    ("evaluable", rf"\b(?:final|primary|efficacy|per[- ]protocol)\s+analysis\s+(?:comprising|including|of)\s+{_COUNT}\s+(?:[\w-]+\s+){{0,2}}?{_PEOPLE}"),
    # the evaluable set: "The per-protocol population included 46 participants", "The efficacy analysis included patients (n = 230)"
    ("evaluable", rf"\b(?:per[- ]protocol|evaluable|efficacy(?:[- ]evaluable)?|full[- ]analysis)\s+(?:population|analysis\s+set|analysis|set)\s+(?:included|comprised|consisted\s+of)\s+"
                  rf"(?:a total of\s+|all\s+)?(?:{_PEOPLE_NOUN}\s*\(\s*[nN]\s*=\s*)?{_COUNT}\b"),
    ("evaluable", rf"{_COUNT} (?:\([^()]{{1,15}}\) )?(?:{_PEOPLE} )?(?:\([^()]{{1,40}}\) )?(?:were|was) (?:\w+ (?:and )?)?(?:evaluable|assessable|analy[sz]able|evaluated for (?:efficacy|response|the primary))"),
    # "58 patients (31 who received …, 27 who …) were available for evaluation of pain", "data were available for 1,093 patients"
    # "215 were eligible for efficacy analysis", "… and 697 were available for analysis"
    ("evaluable", rf"{_COUNT}\s+(?:\([^()]{{1,40}}\)\s+)?(?:(?:[\w-]+\s+){{0,2}}?{_PEOPLE}\s*)?(?:\([^()]{{1,80}}\)\s*)?(?:were|was)\s+"
                  rf"(?:available|eligible|included)\s+for\s+(?:the\s+)?(?:(?:efficacy|response|final|primary|per[- ]protocol|survival|outcome)\s+)?"
                  rf"(?:evaluation|assessment|analys[ie]s)"),
    # "155 (…) received at least one dose and could be evaluated for efficacy"
    ("evaluable", rf"{_COUNT}\b(?:\([^()]*\)|[^.;()\d]){{0,100}}?\bcould\s+be\s+(?:evaluated|assessed)\s+for\s+(?:the\s+)?(?:efficacy|response|primary)"),
    # "35 subjects on ≥ 80 mg morphine per day were evaluable"
    ("evaluable", rf"{_COUNT}\s+(?:[\w-]+\s+){{0,3}}?{_PEOPLE}\b(?P<between>(?:(?!\band\s+\d)[^.;,]){{1,80}}?)\s+(?:were|was)\s+(?:\w+\s+)?(?:evaluable|assessable)\b"),
    # "Baseline questionnaires were available for 490 (86%) patients", "QOL evaluations were available for 199 patients",
    # "… were randomised and data are available for 110 patients"
    # "Of 129 enrolled patients, serum was available for analysis in 101", "adequate primary tumor tissue was available from 175."
    ("evaluable", rf"\b(?:data|questionnaires?|evaluations?|assessments?|samples?|specimens|measurements?|results|tissues?|serum|plasma|blood|biopsies)\s+"
                  rf"(?:(?:were|was|are|is)\s+)?available\s+(?:for\s+(?:the\s+)?(?:[\w-]+\s+)?analys[ie]s\s+)?(?:for|from|in)\s+{_COUNT}"
                  rf"(?:\s+(?:\([^()]{{1,20}}\)\s+)?(?:(?!of\b)[\w-]+\s+){{0,2}}?{_PEOPLE}|(?=\s*(?:[.;]|$)))"),
    ("evaluable", rf"(?:response|efficacy|toxicity|outcome)s?\s+(?:was|were|could be)\s+(?:evaluated|assessed|evaluable|assessable)\s+in\s+{_COUNT}\s+(?:[\w-]+\s+){{0,2}}?{_PEOPLE}"),
    ("evaluable", rf"{_COUNT} evaluable {_PEOPLE}"),
    # "In total, 131 patients had clinical and radiological evaluation of response"
    ("evaluable", rf"{_COUNT}\s+(?:[\w-]+\s+){{0,2}}?{_PEOPLE}\s+had\s+(?:[\w-]+\s+(?:and\s+)?){{0,4}}?(?:evaluation|assessment)s?\s+of\s+"
                  rf"(?:the\s+)?(?:tumou?r\s+)?(?:response|efficacy)\b"),
    # "391 were eligible and 382 assessable for response", "Among the 30 patients evaluable for hematologic response"
    ("evaluable", rf"{_COUNT}\s+(?:{_PEOPLE}\s+)?(?:who\s+were\s+|were\s+)?(?:evaluable|assessable)\s+for\b"),
    # "420 patients were randomised and 411 were analysed", "Data for 18 (78%) women were analysed"
    ("evaluable", rf"{_COUNT}\s+(?:\([^()]{{1,40}}\)\s+)?(?:{_PEOPLE}\s+)?(?:\([^()]{{1,80}}\)\s+)?(?:were|was)\s+analy[sz]ed\b"),
    # "51 completed the study and were included in the analysis", "113 were included in the intent-to-treat population",
    # "271 patients (89% of randomized) … were included in the QOL analysis"
    ("evaluable", rf"{_COUNT}\s+(?:(?:[\w-]+\s+){{0,3}}?{_PEOPLE}\b(?:\s*\([^()]{{1,80}}\))?(?:(?!\d+\s+(?:[\w-]+\s+)?(?:were|was)\b|and\s+\d)[^.;]){{0,100}}?\b"
                  rf"|completed\b[^.;]{{0,60}}?\band\s+)?(?:were|was|are|is|have\s+been)\s+included\s+in\s+(?:the\s+|our\s+)?"
                  rf"(?:final\s+|primary\s+|efficacy\s+|intent(?:ion)?[- ]to[- ]treat\s+|per[- ]protocol\s+|{_ANALYSIS_NAMED})?(?:analys[ie]s|population)"),
    # "415 were included in the according-to-protocol (ATP) cohort"
    ("evaluable", rf"{_COUNT}\s+(?:{_PEOPLE}\s+)?(?:were|was)\s+included\s+in\s+the\s+according[- ]to[- ]protocol\b"),
    # the evaluable set with its count in brackets: "In the full analysis set (n = 130)", "the per protocol set (n=119)"
    ("evaluable", rf"\b(?:per[- ]protocol|full[- ]analysis|efficacy|evaluable|modified\s+inten(?:t|tion)[- ]to[- ]treat)\s+(?:\((?:PP|FAS|mITT)\)\s+)?"
                  rf"(?:population|set|analysis\s+set|cohort)\s*\(\s*[nN]\s*=\s*{_COUNT}\s*\)"),
    ("evaluable", rf"(?:for|in|among|of) (?:the )?{_COUNT} (?:evaluable|evaluated|assessable) {_PEOPLE}"),
    ("evaluable", rf"efficacy analysis of {_COUNT}"),
    # "There were 48 participants included in this analysis"
    ("evaluable", rf"{_COUNT} {_PEOPLE} (?:were )?included in (?:the|this) (?:(?:intent(?:ion)?[- ]to[- ]treat|efficacy|final|primary)\s+)?(?:analysis|population)"),
    ("evaluable", rf"accrue {_COUNT} {_PEOPLE} evaluable"),
    # "… were excluded, leaving 122 patients eligible for evaluation", "leaving 56 children for analysis"
    ("evaluable", rf"\bleaving\s+(?:a\s+total\s+of\s+)?{_COUNT}\s+(?:[\w-]+\s+){{0,3}}?{_PEOPLE}\s+(?:(?:eligible|available|evaluable)\s+)?(?:for|to\s+be)\s+"
                  rf"(?:the\s+)?(?:[\w-]+\s+)?(?:evaluation|analys[ie]s|analy[sz]ed|evaluated|assessment)\b"),
    # "A total of 65 participants were analyzed", "biopsies were analysed for 15 participants"
    ("evaluable", rf"{_COUNT}\s+(?:[\w-]+\s+){{0,3}}?{_PEOPLE}\s+(?:were|was)\s+(?:\w+\s+)?analy[sz]ed\b"),
    ("evaluable", rf"\banaly[sz]ed (?:for|in) {_COUNT}\s+(?:[\w-]+\s+){{0,3}}?{_PEOPLE}"),
    # "58 out of 88 patients ... had samples available for analysis", "288 tumors were available for analysis"
    ("evaluable", rf"{_COUNT}(?:\s+(?:out\s+)?of\s+\d+)?\s+(?:[\w-]+\s+){{0,2}}?(?:{_PEOPLE}|tumou?rs|samples)\b(?P<between>[^.;]{{0,40}}?)\bavailable for (?:the )?(?:[\w-]+ )?analys[ie]s"),
    ("evaluable", rf"(?:in|among) (?:the )?{_COUNT} {_PEOPLE} with (?:data|information) that could be (?:evaluated|analy[sz]ed)"),
    # A secondary analysis of part of a trial: "tissues from 115 of 823 patients enrolled on E2603",
    # "from a subset of 59 patients of 84 patients included in a phase II study"
    ("evaluable", rf"(?:from|in|of|for) (?:a subset of )?{_COUNT}\s+(?:{_PEOPLE}\s+)?(?:out\s+)?of\s+(?:the\s+)?(?:{NUM})\s+(?:[\w-]+\s+){{0,3}}?"
                  rf"{_PEOPLE}\s+(?:enrolled|included|randomi[sz]ed|registered|participating|treated)\s+(?:in|on|into)\b"),
    # "Of the 16 patients enrolled, 12 completed the priming phase and were evaluable"
    # "19 enrolled of whom 14 received at least 3 doses of the vaccine and thus evaluated for the primary immunologic endpoint"
    ("evaluable", rf"{_COUNT}\b(?:(?!\bwhom\b)[^.;,]){{0,80}}?\band\s+(?:thus\s+|therefore\s+|hence\s+)?(?:(?:were|was)\s+(?:\w+\s+)?(?:evaluable|assessable)\b"
                  rf"|(?:were\s+|was\s+)?evaluated\s+for\s+(?:the\s+)?(?:efficacy|response|primary)\b)"),
    # The analysed set named by its data: "Data from 161 patients have been analyzed", "data could be analyzed for 421",
    # "Data analysis was conducted on 14 out of the 16 participants"
    # … or by its specimens: "Surgical specimens from 829 patients were retrospectively examined", "Data from 451 patients who
    # received A (400 mg bid) as part of a clinical trial were reviewed"
    ("evaluable", rf"\b(?:data|(?:[\w-]+\s+)?(?:specimens|samples|tissues?|biopsies))\s+(?:from|of|for|on)\s+{_COUNT}\s+(?:[\w-]+\s+){{0,3}}?{_PEOPLE}\b"
                  rf"(?:\s*\([^()]{{1,60}}\))?(?:[^.;()]|\([^()]{{1,40}}\)){{0,80}}?"
                  rf"\b(?:have|has|were|was|are|is|could\s+be)\s+(?:been\s+)?(?:\w+\s+)?(?:analy[sz]ed|used|included|evaluated|examined|reviewed)\b"),
    ("evaluable", rf"\bdata\s+(?:could\s+be|were|was)\s+analy[sz]ed\s+(?:for|in|from)\s+{_COUNT}\b"),
    ("evaluable", rf"\bdata\s+analys[ie]s\s+(?:was|were)\s+(?:conducted|performed|done|carried\s+out)\s+(?:on|for|in|with)\s+{_COUNT}\b"),
    # "… who were registered, analysis was conducted on 144 patients", "The analyses were performed in 411 children who …",
    # "analysis was performed on the 188 patients who completed the study"
    ("evaluable", rf"\banalys[ie]s\s+(?:was|were)\s+(?:conducted|performed|done|carried\s+out)\s+(?:on|for|in|with)\s+(?:a\s+total\s+of\s+|all\s+|the\s+)?"
                  rf"{_COUNT}\s+(?:[\w-]+\s+){{0,3}}?{_PEOPLE}\b"),
    # "The intention-to-treat population consisted of 284 patients", "The intention-to-treat analysis included 211 persons"
    ("evaluable", rf"\binten(?:t|tion)[- ]to[- ]treat\s+(?:\(ITT\)\s+)?(?:population|analysis|set|sample|cohort)\s+"
                  rf"(?:consisted\s+of|included|comprised|contained|was)\s+(?:a\s+total\s+of\s+|all\s+)?{_COUNT}\b(?!\s+and\s+\d)"),
    # "Thirty-two patients were evaluated (exclusion n = 3)", "118 were evaluated in the first treatment course" (not "… evaluated
    # for eligibility", "… for toxicity", "… in two groups", "897 were evaluated by the tumour board", nor "prospectively evaluated")
    ("evaluable", rf"{_COUNT}\s+(?:\([^()]{{1,40}}\)\s+)?(?:(?:[\w-]+\s+){{0,4}}?{_PEOPLE}\s+)?(?:\([^()]{{1,80}}\)\s+)?(?:with\s(?:(?!\b(?:were|was|and)\b)[^.;,()]){{1,80}}?\s+)?"
                  rf"(?:were|was)\s+evaluated\b(?!\s+by\b|\s+in\s+(?:two|three|four|[2-4])\s+(?:groups|arms)\b)(?!\s+(?:for|as)\s+(?:(?:their|the|study)\s+)?(?:eligibility|inclusion|entry|enrol|participation|potential|toxicity|safety|adverse))"),
    # "Of these patients 88 remained assessable at 1-year follow-up"
    ("evaluable", rf"{_COUNT}\s+(?:{_PEOPLE}\s+)?remained\s+(?:evaluable|assessable)\b"),
    # "107 (93%) answered a self-administered questionnaire", "46 patients returned the questionnaires"
    ("evaluable", rf"{_COUNT}\s+(?:\([^()]{{1,20}}\)\s+)?(?:(?:[\w-]+\s+){{0,2}}?{_PEOPLE}\s+)?(?:answered|returned)\s+(?:a|the|their)\s+"
                  rf"(?:[\w-]+\s+){{0,3}}?questionnaires?\b"),
    # "In 127 of these patients, tissue was adequate for central review"
    ("evaluable", rf"\bin\s+{_COUNT}\s+of\s+(?:these|the|them|those)\b[^.;,]{{0,30}},\s*(?:the\s+)?(?:tissue|samples?|specimens?|data|biopsies)\s+"
                  rf"(?:was|were)\s+(?:adequate|available|sufficient|evaluable)\b"),
    # "11/18 patients completed treatment": the denominator is the trial's
    ("enrolled", rf"(?<![\d.,])(?<!\band\s)(?<!,\s)\d+\s*/\s*{_COUNT}\s+{_PEOPLE}\s+completed\b"),
    ("completed", rf"{_COUNT} (?:\([^()]{{1,15}}\) )?(?:{_PEOPLE} )?(?:completed|have completed) (?:the )?(?:study|trial|treatment|vaccine|priming|perioperative|all|intervention|program(?:me)?|protocol)"),
    ("completed", rf"{_COUNT} (?:{_PEOPLE} )?(?:were enrolled and have completed)"),
    # "Twenty-four subjects with a history of X completed the study", "Seventy patients completed the 4 weeks period",
    # "Seventy-seven out of 91 enrolled patients completed the 24-week treatment course" (77, not 91),
    # "222 (70%) completed 18 months of treatment", "235 patients completed follow-up", "Nineteen adults with X completed this
    # randomised crossover study", "77 older adults (age 75.5 ± 6.8) with … completed a three-month exercise intervention"
    ("completed", rf"{_COUNT}\s+(?:(?:out\s+)?of\s+(?:the\s+)?(?:{NUM})\s+)?(?:\([^()]{{1,40}}\)\s+)?(?:(?:(?!and\b|of\b)[\w-]+\s+){{0,3}}?{_PEOPLE}\b(?P<between>(?:\([^()]*\)|\.(?=\d)|(?!\band\s+\d|\b(?:who|that)\b|[,;]\s*\d)[^.;()]){{0,140}}?)\s+)?"
                  rf"completed\s+(?:the\s+|all\s+|an?\s+|this\s+)?(?:(?:(?!{_NOT_COMPLETED_WORD})[a-z-]+\s+){{0,2}}?(?:study|trial|program(?:me)?|intervention)\b{_NOT_A_PART_OF_IT}|follow[- ]up\b|(?:\d+|[a-z]+)[- ](?:weeks?|months?|days?|years?)\s+"
                  rf"(?:period|follow[- ]up|study|trial|(?:of\s+)?(?:[\w-]+\s+){{0,3}}?(?:study|treatment|therapy|intervention|program(?:me)?|follow[- ]up)))"
                  rf"(?![^.;]*\brespectively\b)"),
    # "12/15 patients completed", "66% (67/101) completed 96 weeks", "85% (35/41) of these participants completed the study"
    ("completed", rf"{_COUNT}\s*/\s*\d+\s*\)?\s+(?:of\s+(?:the\s+|these\s+|those\s+|all\s+)?)?(?:(?:[\w-]+\s+){{0,2}}?{_PEOPLE}\s+)?completed"),
    # The verb ends the clause: "98 patients were enrolled and 93 completed.", "92 (intervention n = 45; control n = 47) completed",
    # "Of 115 patients who entered the study, 93 patients completed it."
    ("completed", rf"{_COUNT}\s+(?:\([^()]{{1,80}}\)\s+)?(?:(?:[\w-]+\s+){{0,2}}?{_PEOPLE}\s+)?completed(?:\s+it)?(?=\s*(?:[.;]|$))"),
    # "164 (CE, 66 of 95 patients; …) completed treatment", "93 of them completed the study", "31 completed the full course of
    # treatment", "50 (98%) completed the main study", "Sixty patients (80% male, …) completed the intervention" (not "… completed the
    # questionnaire before treatment")
    ("completed", rf"{_COUNT}\s+(?:\([^()]{{1,80}}\)\s+)?(?:of\s+(?:them|these|those)\s+)?(?:(?:[\w-]+\s+){{0,3}}?{_PEOPLE}\s+(?:\([^()]{{1,80}}\)\s+)?)?completed\s+"
                  rf"(?:the\s+|all\s+|their\s+)?(?:(?!{_NOT_COMPLETED_WORD})[a-z-]+\s+){{0,3}}?(?:study|trial|treatment|therapy|intervention|program(?:me)?|protocol)\b"
                  rf"(?![^.;]*\brespectively\b)"),
)


class _Shape(NamedTuple):
    """One enrolment pattern, compiled: as written (case ignored), and folded to search lowercased text."""

    pattern: re.Pattern[str]
    #: The pattern opens on the count: it is tried only where a number starts.
    count_first: bool
    #: The pattern folded (None when it cannot be): it finds where, faster; the match is read with ``pattern``.
    fast: re.Pattern[str] | None
    #: Groups of words, the most selective first (``patterns.needed_words``): a match of ``fast`` holds a word of each.
    needs: tuple[frozenset[str], ...]


def _shape(pattern: str) -> _Shape:
    fast = folded_or_none(pattern)
    return _Shape(quick(pattern, re.IGNORECASE), pattern.startswith(_COUNT), fast,
                  needed_words(fast) if fast is not None else ())


class _Kind(NamedTuple):
    """The patterns of one enrolment kind, in the order of ``_ENROLMENT_PATTERNS`` (the first count found wins)."""

    shapes: tuple[_Shape, ...]
    #: Each word of the patterns' most selective groups, with the patterns (as bits) that need it.
    first_words: tuple[tuple[str, int], ...]
    #: The patterns (as bits) that need no word.
    free: int

    def candidates(self, low: str) -> int:
        """The patterns (as bits) whose most selective group has a word in lowercased ``low``."""
        found = self.free
        for word, shapes in self.first_words:
            if word in low:
                found |= shapes
        return found


def _kind(patterns: list[str]) -> _Kind:
    shapes = tuple(_shape(p) for p in patterns)
    first_words: dict[str, int] = {}
    for i, shape in enumerate(shapes):
        for word in shape.needs[0] if shape.needs else ():
            first_words[word] = first_words.get(word, 0) | 1 << i
    return _Kind(shapes, tuple(first_words.items()), sum(1 << i for i, s in enumerate(shapes) if not s.needs))


_KINDS: dict[str, _Kind] = {
    kind: _kind([p for k, p in _ENROLMENT_PATTERNS if k == kind]) for kind in dict(_ENROLMENT_PATTERNS)
}

#: Another count between a count and its verb: "1,794 patients were screened, … and 400 were randomized", "594 mothers,
#: 323 (54%) agreed …", "26 female infants, 37 male infants, and 2 infants …".
#: … but not a grade or stage ("grade 3 or 4 were randomised"), nor a part ("87 patients, including 71 with …, were enrolled").
_OTHER_COUNT = quick(rf"(?<!\d)(?<!\bor )(?<!\bincluding )(?<!\bgrade )(?<!\bgrades )(?<!\bstage )(?<!\bstages )\d+\s+(?:\([^()]*\)\s+)?(?:were|was|had|agreed|consented|(?:[\w-]+\s+)?{_PEOPLE_NOUN})\b")
#: Right after a count, what it counts is not people: "Two classes of students (N=62)", "in two different groups of students",
#: "16 primary care practices", "in four stages on 180 subjects".
#: … nor a length of time or a dose: "at 12 months in women randomised", "6 cycles in patients enrolled".
_NOT_PEOPLE_AFTER = quick(rf"\s+(?:(?:(?!{_PEOPLE_NOUN}\b)[\w-]+\s+){{0,2}}(?:classes|groups|arms|cohorts|cent(?:er|re)s|sites|hospitals|schools|wards|"
                          r"clinics|practices|surgeries|networks|countries|villages|communities|stages|phases|rounds)"
                          r"|(?:months?|years?|weeks?|days?|hours?|cycles?|courses?|mg|ml))\b",
                               re.IGNORECASE)
#: Right after a count, a split by sex: "54 females and 38 males", "33 males and 32 females" (the count is a part).
_SEX = r"(?:males|females|men|women|boys|girls)"
_SEX_SPLIT = quick(rf"\s+(?:[\w-]+\s+)?{_SEX}\s*(?:\([^()]*\)\s*)?(?:,|and|,\s*and)\s+(?:{NUM}|{WORD_NUMBER})\s+(?:[\w-]+\s+)?{_SEX}\b",
                   re.IGNORECASE)
_SEX_SPLIT_BEFORE = quick(rf"(?:\d|\b(?:{WORD_NUMBER}))\s+(?:[\w-]+\s+)?{_SEX}\s*(?:\([^()]*\)\s*)?,?\s*and\s+$", re.IGNORECASE)
_AFTER_ONE_ARM = quick(r"\b(?:were|was)\s+(?:\w+\s+)?(?:assigned|allocated|randomi[sz]ed)\s+(?:to|into)\s[^.;]{1,60}?\b(?:and|while|whereas)\s+$")
#: Right after a count, the words that make it one arm's: "… to EBRT, and 213 were …", "… taking LEV and for 8 …",
#: "… to receive drug A, and 54 patients received no drug A".
_ANOTHER_COUNT = rf"(?:{NUM}|{WORD_NUMBER}(?:[- ]{WORD_NUMBER})?)"  # "… and 213 were", "… and twenty-one patients to"
_ONE_ARMS = quick(rf"\s+(?:to|into)\s[^.;]{{1,60}}?\b(?:and|while|whereas)\s+{_ANOTHER_COUNT}\s+(?:[\w-]+\s+){{0,2}}?(?:were|was|to|received|underwent)\b"
                       rf"|\s+(?:taking|receiving|on|given|treated with)\s+[^.;]{{1,40}}?\band\s+(?:for\s+|in\s+)?(?:{NUM})\s")
_IN_ONE_ARM = quick(rf"\s+(?:[\w-]+\s+){{0,2}}?in\s+the\s[^.;]{{1,40}}?\b(?:group|arm)\s+and\s+{_ANOTHER_COUNT}\s")
_KIND_HINTS = {
    "screened": ("screen",),
    "enrolled": ("enrol", "randomi", "randomly", "assign", "allocat", "includ", "entered", "recruit", "regist", "eligible",
                 "participated", "joined", "either", "compared", "consisted of", "n=", "n =",
                 "accru", "trial", "study", "admitted", "consented", "agreed to", "took part", "subjects were", "participants were", "patients were",
                 "sample of", "data from", "divided", "characteristics", "symptoms", "demographics", "completed",
                 "we studied", "we evaluated", "we examined"),
    "treated": ("treat", "receiv", "given", "safety", "dosed", "started", "began", "initiated", "commenced"),
    "evaluable": ("evaluab", "assessab", "evaluated", "leaving", "efficacy analysis", "efficacy population", "full analysis", "assessed in", "data from", "specimens", "samples", "protocol population", "protocol set", "intent", "intention", "available for", "analy",
                  "population (n", "population(n", "set (n", "set(n", "cohort (n", "according",
                  "answered", "returned", "adequate", "sufficient", "evaluation of", "assessment of",
                  "enrolled in", "enrolled on", "included in", "randomized in", "randomised in", "participating in",
                  "treated in", "treated on"),
    "completed": ("complet",),
}
# Count-first patterns are tried only where a number starts: an alternation of number
# words tried at every character was most of the backend's time.
_NUMBER_START = rf"(?<![\w.,·])(?:\d|(?:{WORD_NUMBER})\b)"
_NUMBER_START_RE, _NUMBER_START_FOLDED = quick(_NUMBER_START, re.IGNORECASE), folded(_NUMBER_START)
#: Words an enrolment sentence holds (substring tests: cheaper than one alternation searched at every character).
_ENROLMENT_HINTS = (
    "enrol", "randomi", "randomly", "admitted to", "admitted in", "consented", "agreed to", "leaving", "analysis was", "analyses were", "took part", "subjects were", "participants were", "patients were", "analyzed", "analysed", "received", "given", "screen", "treated", "evaluab", "assessab", "evaluated", "complet", "includ", "recruit", "regist",
    "accru", "assign", "available for", "allocat", "entered", "eligible", "participated", "joined", "either", "n=", "n =", "study compared",
    "trial compared", "been compared", "was compared", "were compared", "divided", "characteristics", "symptoms", "demographics", "consisted of", "trial of", "trial in", "trial with", "trial involving",
    "study of", "study in", "study with", "study involving", "efficacy analysis", "safety was", "safety were",
    "could be assessed", "assessed in", "analysis of", "population of", "full analysis", "data analysis", "started", "began", "initiated", "commenced", "evaluation of", "assessment of", "answered", "returned", "adequate", "sufficient", "totaled", "totalled", "dosed", "participated", "population", "comprised", "final analysis", "primary analysis", "protocol analysis", "trial on", "study on", "sample of", "data from", "we studied", "we examined")

_ENROLMENT_HINT = quick(any_of(list(_ENROLMENT_HINTS)))  # a quarter faster than testing each word


#: Kinds whose counts are dropped when they are one arm's (an enrolled count has its own guards in ``_count_of``):
#: "33 participants in the treatment arm completed the study".
_PART_KINDS = frozenset({"treated", "evaluable", "completed"})


def enrollment(sentences: Iterable[Sentence]) -> dict[str, int]:
    """First count found for each enrolment field, from design and results sentences."""
    sentences = list(sentences)
    out: dict[str, int] = {}
    for sentence in sentences:
        out.update(_sentence_counts(sentence.text, out))
    whole = None if "enrolled" in out else (_whole_population(sentences) or _studied_population(sentences)
                                            or _participants_line(sentences) or _opening_count(sentences, _PEOPLE_IN_BRACKETS, "=")
                                            or _opening_count(sentences, _THERE_WERE, "here were"))
    if whole is not None:
        out["enrolled"] = whole
    if "completed" in out and "enrolled" in out and out["completed"] > out["enrolled"]:
        del out["completed"]
    randomised = _randomised_count(sentences)
    if randomised is not None and 0.6 * out.get("enrolled", 0) < randomised < out.get("enrolled", 0):
        out["enrolled"] = randomised  # "256 patients were registered and 236 were randomly assigned" (not one arm's 143)
    if "evaluable" not in out and "enrolled" in out:
        each = _analysed_in_each_arm(sentences)
        if each is not None and 2 * each <= out["enrolled"] < 3 * each:
            out["evaluable"] = 2 * each  # "We randomised 149 patients and analysed 74 in each arm": two arms, 148
    return out


#: The analysed count of each arm: "analysed 74 in each arm", "121 (90%) patients in each group were included in the analysis".
_EACH_ARM_ANALYSED = (
    quick(rf"\banaly[sz]ed\s+{_COUNT}\s+(?:{_PEOPLE}\s+)?in\s+each\s+(?:arm|group)\b", re.IGNORECASE),
    quick(rf"(?<![\w.,]){_COUNT}\s+(?:\([^()]{{1,20}}\)\s+)?(?:{_PEOPLE}\s+)?in\s+each\s+(?:arm|group)\s+(?:were|was)\s+(?:\w+\s+)?{_ANALYSED}",
          re.IGNORECASE),
)


def _analysed_in_each_arm(sentences: list[Sentence]) -> int | None:
    """The count a sentence prints as analysed in each arm (``enrollment`` doubles it when the trial's count allows only two arms)."""
    for sentence in sentences:
        if "each" not in sentence.text:
            continue
        m = next((m for m in (p.search(sentence.text) for p in _EACH_ARM_ANALYSED) if m is not None), None)
        if m is not None:
            return word_to_int(m.group("n"))
    return None


def _sentence_counts(text: str, known: dict[str, int]) -> dict[str, int]:
    """The first count of each enrolment kind not ``known`` yet that one sentence prints."""
    text = _COMBINING.sub("x", text)  # "naïve" spelled with a combining mark is still a word
    text = text.replace("&amp;", " and ")  # "H&amp;N cancer": an entity's ";" ends no clause (same length, same offsets)
    low = text.lower()
    if not _ENROLMENT_HINT.search(low):
        return {}
    if "\u2010" in text or "\u2011" in text:
        text, low = text.translate(HYPHENS), low.translate(HYPHENS)
    foldable = _foldable(text, low)
    if foldable and not _DIGIT.search(text) and not holds_any(low, _NUMBER_WORD_KEYS):
        return {}  # no count to find: every pattern needs a number or a number word
    starts = [m.start() for m in (_NUMBER_START_FOLDED.finditer(low) if foldable else _NUMBER_START_RE.finditer(text))]
    found: dict[str, int] = {}
    held = Held(low) if foldable else None
    for key, hints in _KIND_HINTS.items():
        if key not in known and holds_any(low, hints):
            n = _first_count(key, text, held, starts)
            if n is not None:
                found[key] = n
    return found


def _first_count(key: str, text: str, held: Held | None, starts: list[int]) -> int | None:
    """The count the first of ``key``'s patterns to give one finds in ``text`` (``held``: the text
    lowercased, when offsets in it are the text's; ``starts``: where numbers start)."""
    kind, low = _KINDS[key], held.text if held is not None else None
    candidates = kind.candidates(low) if low is not None else -1
    for i, shape in enumerate(kind.shapes):
        if not candidates >> i & 1 or (held is not None and not held.each(shape.needs[1:])):
            continue  # a word every match holds is missing
        matches = _shape_matches(shape, text, low, starts)
        if key in _PART_KINDS:
            matches = _whole_counts(key, matches, text)
        n = next((n for n in (_count_of(m, text) for m in matches) if n is not None), None)
        if n is not None:
            return n
    return None


def _shape_matches(shape: _Shape, text: str, low: str | None, starts: list[int]) -> list[re.Match[str]]:
    """The matches of one enrolment pattern in ``text``."""
    pattern, fast = shape.pattern, shape.fast
    if low is not None and fast is not None:  # the folded pattern finds where, faster; the match is read from the text
        at = [p for p in starts if fast.match(low, p)] if shape.count_first else [m.start() for m in fast.finditer(low)]
        return [m for m in (pattern.match(text, p) for p in at) if m]
    if shape.count_first:
        return [m for m in (pattern.match(text, p) for p in starts) if m]
    return list(pattern.finditer(text))


#: People who entered the trial: "who enrolled", "who participated in the study", "enrolled in the trial", "who entered the study".
_WHO_ENTERED = (r"\s+(?:who\s+)?(?:enrolled|participated|entered)(?:\s+(?:in|into)\s+the\s+(?:study|trial)|\s+the\s+(?:study|trial))?"
                r"(?<!\bentered)")  # "entered" alone is no entry into the trial
#: A results sentence that opens on the whole population, then counts part of it: "Of the 284 patients, 171 (60%) …",
#: "Among 115 HER2-positive women from 21 centres, 107 (93%) answered" (not "Of the 54 patients who relapsed, …"),
#: "Of 120 patients who enrolled, 115 completed", "Of 562 participants (…), (mean age …), 415 were included".
_OF_THE_WHOLE = quick(rf"\W*(?:of|among|out\s+of)\s+(?:the\s+|all\s+|these\s+)?{_COUNT}\s+"
                           rf"(?:(?!screened|assessed|approached|invited|contacted|eligible|evaluable|evaluated|analy[sz]ed|treated)[\w-]+\s+){{0,4}}?{_PEOPLE_NOUN}"
                           rf"(?:\s+(?:from|in|at)\s+(?:\d+|[a-z]+)\s+(?:[\w-]+\s+)?(?:cent(?:er|re)s|hospitals|sites|institutions))?"
                           rf"(?:\s+who\s+(?:underwent\s+(?:baseline\s+[\w-]+|randomi[sz]ation)|(?:were|had\s+been)\s+(?:enrolled|randomi[sz]ed)"
                           rf"(?:\s+(?:in|into)\s+the\s+(?:study|trial))?)|{_WHO_ENTERED})?"
                           rf"(?:\s*,?\s*\([^()]{{1,60}}\)){{0,2}}\s*,\s*(?:{NUM}|{WORD_NUMBER})\b", re.IGNORECASE)


def _whole_population(sentences: list[Sentence]) -> int | None:
    """The count a results sentence opens on, when it then counts a part of it (no sentence printed the enrolled)."""
    for sentence in sentences:
        m = _OF_THE_WHOLE.match(sentence.text) if sentence.text[:1] in "OoAa" else None
        if m is not None:
            return _count_of(m, sentence.text)
    return None


#: A study's aim, then the people it was done in: "a crossover study to investigate the effects … in 29 healthy men",
#: "a trial, comparing singing classes to usual care, in 28 patients".
#: … or what "we" studied: "We examined how massage influenced anxiety in 12 breast cancer patients" (not "… in 24 and 16
#: subjects, respectively").
_STUDIED_IN = quick(
    rf"(?:\b(?:study|trial)\b[^.;]{{0,60}}?\b(?:comparing|to (?:test|investigate|evaluate|assess|compare|determine|examine)|evaluating|"
    rf"investigating|assessing|examining|testing|assessed|evaluated|examined|investigated|tested)"
    rf"|\bwe\s+(?:examined|investigated|studied|evaluated|assessed|compared|tested|performed|conducted))\b[^.;]{{0,200}}?\b(?:in|among) {_COUNT}\s+"
    rf"(?:[\w-]+\s+){{0,4}}?{_PEOPLE}(?![^.;]*\brespectively\b)", re.IGNORECASE)


def _studied_population(sentences: list[Sentence]) -> int | None:
    """The people a study's aim names, when no sentence printed the enrolled."""
    for sentence in sentences:
        low = sentence.text.lower()
        if holds_any(low, ("study", "trial", "we ")) and (" in " in low or " among " in low):
            n = next((n for n in (_count_of(m, sentence.text) for m in _STUDIED_IN.finditer(sentence.text)) if n), None)
            if n is not None:
                return n
    return None


#: A participants line with no verb, as structured abstracts print it: "Sixty consecutive radiation oncology outpatients
#: (51 men and nine women; …).", "PATIENTS: 77 adult patients with cancer receiving emetogenic chemotherapy.",
#: "Twenty-four postmenopausal volunteers." (not "Seven patients presented a second neoplasm", "Three cohorts: 32 …").
_PARTICIPANTS_LINE = quick(
    rf"(?:(?-i:[A-Z][A-Z ,&/]+|Participants|Patients|Subjects):\s*)?(?:a total of\s+)?{_COUNT}\s+(?:(?!of\b)[\w-]+\s+){{0,4}}?{_PEOPLE}"
    rf"(?=\s*[(;,]|\s+(?:with|aged|receiving|undergoing|younger|older|from|who|having|diagnosed|scheduled|referred|attending|"
    rf"awaiting|presenting|suffering|requiring)\b|\s*\.?$)", re.IGNORECASE)
_FINITE_VERB = quick(r"\b(?:were|was|are|is|had|have|has|will|would|could|did|do|does|withdrew|fell|remained|dropped|discontinued|"
                     r"improved|died|showed|reported|completed|received|underwent|participated|developed|experienced|achieved|"
                     r"responded|continued|used|performed|expressed|presented|consumed|crossed|failed|provided|finalized|"
                     r"suffered|occurred|proved|enrolled|randomi[sz]ed|assigned|allocated)\b", re.IGNORECASE)
#: … or a past tense after a noun or a bracket: "Twenty patients (40%) finished", "… ASD engaged in" (not "with uncontrolled …",
#: "currently incarcerated", "cancer-related", "aged").
_PAST_TENSE = quick(r"(?<![-\w])(?<!\bwith\s)(?<!\band\s)(?<!\bor\s)(?<!\ba\s)(?<!\ban\s)(?<!\bthe\s)(?<!\bof\s)(?<!\bto\s)"
                     r"(?<!ly\s)(?!aged\b)[a-z]{2,}(?:ed|ew)\b", re.IGNORECASE)


def _participants_line(sentences: list[Sentence]) -> int | None:
    """The count a verbless participants line opens on, when no sentence printed the enrolled."""
    for sentence in sentences:
        m = _PARTICIPANTS_LINE.match(sentence.text)
        if m is not None and not _FINITE_VERB.search(sentence.text, m.start()) and not _PAST_TENSE.search(sentence.text, m.end()):
            return _count_of(m, sentence.text)
    return None


#: A sentence opening on the people with their count in brackets: "Subjects (N = 27) were patients admitted for …",
#: "Participants (n = 49) ranged in age from 50 to 90 years", "METHODS: Patients (n = 507) received A" (not "Cases (n = 50)
#: and controls (n = 100)").
_PEOPLE_IN_BRACKETS = quick(rf"(?:[A-Z][A-Z ]+:\s*)?(?:(?:The|All|Eligible|Study)\s+)?{_PEOPLE_NOUN}\s*\(\s*[nN]\s*=\s*{_COUNT}\s*[,;)]"
                            rf"(?![^.;]{{0,40}}\b(?:and|or|vs\.?|versus)\s+[\w-]+\s*\(\s*[nN]\s*=)", re.IGNORECASE)


def _opening_count(sentences: list[Sentence], pattern: re.Pattern[str], needed: str) -> int | None:
    """The count the first sentence opening on ``pattern`` gives (a sentence without ``needed`` is not tried), when no
    sentence printed the enrolled: "Subjects (N = 27) were …" (``_PEOPLE_IN_BRACKETS``), "There were 532 eligible patients"."""
    for sentence in sentences:
        m = pattern.match(sentence.text) if needed in sentence.text else None
        if m is not None:
            return _count_of(m, sentence.text)
    return None


#: A sentence opening "There were N people", then a bracket, a comma, a full stop or an entry word: "There were 532 eligible
#: patients (266 A and 266 B)", "There were 100 patients included in the study" (not "There were 39 patients with X and 38 …",
#: "There were 5 patients with grade 4 neutropenia", "In each group, there were 44 patients", "There were 48 participants
#: included in this analysis": the evaluable).
_THERE_WERE = quick(rf"(?:[A-Z][A-Z ]+[:.]\s*)?There\s+were\s+(?:a\s+total\s+of\s+)?{_COUNT}\s+(?:(?!of\b)[\w-]+\s+){{0,3}}?{_PEOPLE}"
                    rf"(?:(?=\s*(?:[(,.;]|$))|\s+(?:included|enrolled|randomi[sz]ed|recruited|in\s+(?:the|this|our)\s+(?:study|trial))\b)")


_RANDOMISED_COUNT = _shape(
    rf"(?<![≤≥<>=]\s)(?<![\w.,·≤≥<>=]){_COUNT}\s+(?:(?!years?\b|months?\b|age\b|mg\b)[\w-]+\s+){{0,4}}?(?:{_PEOPLE}\s+)?"
    rf"(?:were|was|had been)\s+(?:\w+\s+)?"
    rf"(?:randomi[sz]ed|randomly (?:assigned|allocated|divided))\b(?!\s+(?:to|into|in)\s+(?:the\s+)?(?:\w+\s+){{0,3}}?(?:group|arm)\b)"
)


def _randomised_count(sentences: list[Sentence]) -> int | None:
    """The count printed as randomised, when the text prints one: the trial's population."""
    for sentence in sentences:
        if "andom" not in sentence.text:
            continue
        text = sentence.text
        for m in _shape_matches(_RANDOMISED_COUNT, text, _lowered(text), []):
            n = _count_of(m, text)
            if n is not None:
                return n
    return None


def _lowered(text: str) -> str | None:
    """``text`` lowercased, when offsets in it are offsets in ``text`` (a folded pattern can search it); else None."""
    low = text.lower()
    return low if _foldable(text, low) else None


def _foldable(text: str, low: str) -> bool:
    """Whether a folded pattern may search ``low``, the lowercased ``text``: the same offsets, and no letter
    that ``re`` matches as "i" or "s" when case is ignored but that does not lowercase to it."""
    return len(low) == len(text) and not _UNFOLDABLE.search(text)


_COMBINING = quick("[\u0300-\u036f]")
_DIGIT = quick(r"\d")
#: Every word of ``WORD_NUMBER`` holds one of these ("sixteen" holds "six"): a sentence without
#: any of them, and without a digit, has no count for an enrolment pattern to find.
_NUMBER_WORD_KEYS = ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
                     "twelve", "thirteen", "fifteen", "twenty", "thirty", "forty", "fifty")
#: Letters that "i" and "s" match when case is ignored, but that do not lowercase to them.
_UNFOLDABLE = quick("[ıſİ]")
_LISTED = quick(rf"(?:a total of\s+)?((?:{NUM})(?:\s*(?:,|and)\s*(?:{NUM}))+)\s+[a-z]", re.IGNORECASE)


#: Words right before a number that make it no count of the trial: a denominator ("38 of 54", "191 of the 350", "ninety-seven of 364"), a threshold
#: ("score ≥ 80"; not "N = 240"), a grade or stage ("grade 3 or 4"), a name's number ("TIMP-1", "COVID-19"), another arm's count ("170 … in the A group and 176 in the B group"), a time ("day 28").
_NOT_A_COUNT_AFTER = quick(rf"(?:[a-z]-|(?:\d|\b(?:{WORD_NUMBER}))\s+of(?:\s+the)?|\d\s*/|\d\s+(?:and|or)|\b(?:grades?|stages?)|[≤≥<>]|(?<!\b[nN])(?<!\b[nN]\s)=|\b(?:group|arm)\s+and|\b(?:day|week|month|cycle|visit)|\bthousand(?:\s+and)?)\s*$",
                                re.IGNORECASE)


#: Right after an enrolment match, words that make its count one arm's: "19 patients in each group", "239 were enrolled in each arm".
_IN_EACH_ARM = quick(r"\s+(?:[a-z]+\s+)?(?:(?:in|per|for)\s+each|per)\s+(?:of\s+the\s+)?(?:\w+\s+)?(?:group|arm)s?\b", re.IGNORECASE)
#: A treated or evaluable count that is one arm's or one subgroup's: "Among them, 20 patients were treated …",
#: "In the NL group, 70 cases were treated", "Group 2 (n=59) received", "49 OB and 52 mebeverine subjects were eligible",
#: "60 patients in the cisplatin arm were evaluable".
_PART_BEFORE = quick(rf"(?:\b(?:among|of)\s+(?:them|these|those)|\b(?:in|on)\s+the\s+[^.;,]{{0,30}}?\b(?:group|arm)(?:\s+[A-Z0-9]{{1,3}})?"
                          rf"|\b(?:group|arm|cohort)\s+(?:[A-Z]|\d{{1,2}}|I{{1,3}}V?)|(?:{NUM})\s+(?:(?!were\b|was\b|are\b|had\b)[\w-]+\s+){{0,2}}?(?:who\s[^.;]{{0,60}}?\s)?and)\s*,?\s*$",
                          re.IGNORECASE)
_PART_AFTER_COUNT = quick(r"\s+(?:[\w-]+\s+){0,3}?in\s+(?:the\s+)?[^.;,]{1,30}?\b(?:group|arm)\b", re.IGNORECASE)
#: After a treated count, outside brackets, another arm's: "… with X (group A)", "… with X, and 30 patients were treated with Y".
_ANOTHER_ARM = quick(rf"\b(?:group|arm|cohort)\s+(?:[A-Z]|\d{{1,2}}|I{{1,3}}V?)\b|\b(?:and|while|whereas|but)\s+(?:the\s+other\s+)?"
                          rf"(?:{NUM}|{WORD_NUMBER})\s+(?:[\w-]+\s+){{0,4}}?(?:were|was|with|received|{_PEOPLE_NOUN})\b"
                          rf"|[,;]\s*(?:{NUM})\s+(?:[\w-]+\s+){{0,3}}?(?:were|was|with)\b|\bthe\s+other\b",
                          re.IGNORECASE)
_BRACKETED = quick(r"\([^()]*\)")


#: A count right before the verb is the verb's: "Of 2,144 patients from the X study, 182 (8.5%) were … randomized".
_COUNT_AT_END = quick(r",\s*\d[\d,]*\s*$")


def _another_count_between(between: str) -> bool:
    """Whether the text between a count and its verb holds another count of people, or ends on a clause's count (not an age range's)."""
    bare = without_asides(between)  # "(plus surgery in 51/68 (75%) cases)" holds no count outside
    return _OTHER_COUNT.search(bare) is not None or _COUNT_AT_END.search(bare) is not None


def _whole_counts(key: str, matches: list[re.Match[str]], text: str) -> list[re.Match[str]]:
    """The matches whose count is the trial's: none when one treated shape counts twice in a sentence ("189 patients were
    treated with A, 190 patients were treated with B": the arms'), and none that is one arm's."""
    matches = [m for m in matches if not any(o.start("n") < m.start("n") < o.end("n") for o in matches)]  # "ten" in "seven thousand and ten"
    if key == "treated" and len({m.start("n") for m in matches}) > 1:
        return []
    return [m for m in matches if not _counts_one_arm(key, m, text)]


def _counts_one_arm(key: str, m: re.Match[str], text: str) -> bool:
    """Whether a treated, evaluable or completed count is one arm's or one subgroup's, not the trial's."""
    if m.groupdict().get("n2"):
        return False  # the arms' counts, summed (``_arm_total``)
    if _PART_BEFORE.search(text, max(0, m.start() - 120), m.start()) or _PART_AFTER_COUNT.match(text, m.end("n")):
        return True
    rest = _BRACKETED.sub("", text[m.end():])
    return key == "treated" and "either" not in rest[:40] and _ANOTHER_ARM.search(rest) is not None


#: An analysis set named before "included N": "The safety population included 339 patients", "The per-protocol population …".
_ANALYSIS_SET_BEFORE = quick(r"\b(?:safety|per[- ]protocol|evaluable|efficacy|inten(?:t|tion)[- ]to[- ]treat)\s+(?:\(ITT\)\s+)?(?:population|analysis\s+set|analysis|set)\s+$", re.IGNORECASE)
_IN_ANALYSIS = quick(r"\s+in\s+(?:the\s+|our\s+)?(?:[\w-]+\s+){0,3}?(?:analys[ie]s|population)\b|\s+in\s+the\s+according[- ]to[- ]protocol\b", re.IGNORECASE)


def _count_of(m: re.Match[str], text: str) -> int | None:
    """The count an enrolment match gives, or None when its number is not that count."""
    if "between" in m.groupdict() and m.group("between") and _another_count_between(m.group("between")):
        return None  # "1,794 patients were screened, ... and 400 were randomized": not 1,794
    if _NOT_A_COUNT_AFTER.search(text[max(0, m.start() - 12): m.start()]):
        return None  # "38 of 54 children were treated": 54 is not the count treated; "score ≥ 80 were enrolled"
    if m.groupdict().get("n2"):
        return _arm_total(m)
    if _ONE_ARMS.match(text, m.end()) or _AFTER_ONE_ARM.search(text[max(0, m.start() - 80):m.start()]) \
            or _IN_ONE_ARM.match(text, m.end("n")):
        return None  # "214 were randomly assigned to EBRT, and 213 …", "170 patients in the A group and 176 …": one arm's
    if _IN_EACH_ARM.match(text, m.end()) or re.match(r"\s+thousand\b", text[m.end("n"):], re.IGNORECASE):
        return None  # "19 patients in each group": an arm's; "Seven thousand and twenty": not 7
    if _SEX_SPLIT.match(text, m.end("n")) or _SEX_SPLIT_BEFORE.search(text, max(0, m.start() - 40), m.start()):
        return None  # "Participants were 54 females and 38 males": parts
    if _NOT_PEOPLE_AFTER.match(text, m.end("n")):
        return None  # "Two classes of students (N=62) participated": not 2
    if _a_part_in_brackets(text, m.start()):
        return None  # "504 (328 women, 126 men) adults were randomly allocated": a part
    if _ANALYSIS_SET_BEFORE.search(text, max(0, m.start() - 40), m.start()):
        return None  # "The safety population included 339 patients": the treated, not the enrolled
    if m.group(0).lower().endswith("included") and _IN_ANALYSIS.match(text, m.end()):
        return None  # "… were included in the analysis": the evaluable, not the enrolled
    n = word_to_int(m.group("n").replace("·", "."))
    if n is None or n <= 0 or n > 500_000 or _looks_like_year(m.group("n"), text, m.start("n")):
        return None
    listed = _LISTED.match(m.group(0))
    if listed:  # "a total of 40 and 63 patients were enrolled in cohorts 1A and 1B"
        n = sum(int(parse_number(x)) for x in re.findall(NUM, listed.group(1)))
    return n


def _arm_total(m: re.Match[str]) -> int | None:
    """The sum of the arms' counts a match holds ("447 and 371 patients, respectively, were analyzed": 818), or None when
    one is no count."""
    counts = [word_to_int(m.group(g).replace("·", ".")) for g in ("n", "n2", "n3") if m.groupdict().get(g)]
    if any(n is None or n <= 0 for n in counts):
        return None
    return sum(n for n in counts if n is not None)


#: A count (of people) right before a bracket: "38 (", "Sixteen patients (".
_COUNT_BEFORE = quick(rf"(?:\d|\b(?:{WORD_NUMBER}))(?:\s+(?:[\w-]+\s+){{0,3}}?{_PEOPLE_NOUN})?\s*$", re.IGNORECASE)


def _a_part_in_brackets(text: str, pos: int) -> bool:
    """Whether a count at ``pos`` is a part of another count, in brackets: "38 (21 women and 17 men)", "Sixteen patients
    (9 men and 7 women)" (not "The participants (52 elderly patients)", "149 eyes (149 patients)")."""
    if text.count("(", 0, pos) <= text.count(")", 0, pos):
        return False
    opening = text.rindex("(", 0, pos)
    return bool(text[opening + 1:pos].strip()) or _COUNT_BEFORE.search(text, max(0, opening - 60), opening) is not None


_BEFORE_YEAR = quick(
    r"(?:\b(?:in|between|from|since|until|and|to)|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?)\s*$",
    re.IGNORECASE)


def _looks_like_year(raw: str, text: str, pos: int) -> bool:
    """"in 2007", "From February 2007": a year, not a count."""
    return bool(re.fullmatch(r"(?:19|20)\d{2}", raw)) and bool(_BEFORE_YEAR.search(text[max(0, pos - 14):pos]))


# ------------------------------------------------------------- acronyms

_TRIAL_WORD = r"(?i:trial|study|studies|cohort)"
#: A word between a name and its trial word that says which of its studies: "the ZAMBONEY sub-study", "PURSUIT-SC Maintenance
#: Study", "the X intervention trial", "the X extension study".
_KIND_OF_STUDY = r"(?i:sub-(?=stud)|(?:extension|maintenance|intervention|pilot|feasibility|follow-up|companion)\s+)?"
# "the ROME trial", "EDGE-Gastric study", "(REAL3)", "KEYNOTE-189 trial", "OptiTROP-Lung01 study".
# A group's numbered trial after the group: "KCSG LU12-01", "TAX 327", "NSABP B-32"; a dotted number: "MA.17", "JBR.10";
# a Unicode hyphen as printed: "GO‐BEFORE".
ACRONYM_CORE = r"(?:[A-Z][A-Za-z]*[A-Z][A-Za-z0-9]*|[A-Z]{2,}[a-z]*|[A-Z][a-z]+(?=[-–‐‑][A-Z])|[A-Z]\d{3,5}\b)(?:\.\d{1,3}(?![\d.]))?(?:[-–‐‑][A-Za-z0-9]+)*(?:\s(?:\d{2,4}(?:-\d+)?|[A-Z]{1,2}-?\d{1,4}(?:-\d{1,3})?))?"
# "the BOLERO-2 (Breast Cancer Trials of Oral Everolimus) trial": the name spelled out in brackets before the trial word.
ACRONYM_BEFORE_TRIAL = quick(
    rf"\b(?P<name>{ACRONYM_CORE})[”\"’)]?(?P<spelled>\s\([A-Z](?=[^()]*[a-z][^()]*\s)[^()]{{3,80}}\))?\s+(?i:(?:randomi[sz]ed|controlled|clinical|pivotal|phase\s*(?:I{{1,3}}|[1-4])[ab]?(?:/(?:I{{1,3}}|[1-4]))?|global|international|open-label|umbrella|basket|registrational),?\s+)*{_KIND_OF_STUDY}{_TRIAL_WORD}\b"
)
ACRONYM_PAREN = quick(rf"\((?P<name>{ACRONYM_CORE})(?:[,;] [^)]{{0,40}})?\)")
_NOT_ACRONYM = frozenset(
    ["PD", "PD-1", "PD-L1", "CTLA-4", "HER2", "EGFR", "VEGF", "KRAS", "TIGIT", "LAG-3", "RCT", "CI", "HR", "OS", "PFS", "ORR", "DCR", "DFS", "RFS", "EFS", "TTP", "TTF", "NSCLC", "SCLC", "CRC", "MSS", "MSI", "ICI", "ICIs", "TKI", "TKIs", "ESCC", "AML", "MDS", "HR-MDS", "CLL", "ALL", "NHL", "DLBCL", "MM", "FL", "HCC", "RCC", "FLC", "ADC", "ADCs", "CAR", "NGS", "IHC", "DNA", "RNA", "TCGA", "KEGG", "GSEA", "FDA", "NMPA", "EMA", "NCI", "NCCN", "ECOG", "WHO", "UICC", "RECIST", "SOC", "SoC", "TT", "MTB", "IV", "II", "III", "I", "A", "B", "C", "D", "UK", "US", "USA", "EU", "CR", "PR", "SD", "PE", "QoL", "AE", "AEs", "TRAE", "TRAEs", "SAE", "NE", "NR", "CPS", "TPS", "TMB", "IQR", "BCS", "CT", "MRI", "PET", "ITT", "RT", "CRT", "CCRT", "ADT", "CP", "PC", "GV", "GP", "IP", "LM", "PN", "TE", "TEL", "IL-2", "IFN", "NPC", "HNC", "DSS", "WL", "NCDB", "CMF", "PCR", "PCR-B", "TFS", "HT", "ISH", "IDH", "CNS", "TIL", "TCR", "BCMA", "CD19", "ID", "FAT1", "DPM", "ICB", "MPR", "DLT", "MTD", "GVHD", "CRS", "ICANS", "NK", "HLA", "MHC", "COX-2", "OPN", "HGF", "RF", "PSA", "SHH", "SMO", "PK", "BTH1677",
     # cooperative groups and sponsors, not trial names
     "ECOG-ACRIN", "EORTC", "SWOG", "NRG", "CALGB", "RTOG", "GOG", "NSABP", "JCOG", "WJOG", "AIO", "IKF", "IKF/AIO", "NCIC", "HeCOG", "GEICAM", "UNICANCER", "ANZGOG", "TROG", "NCCTG", "ACOSOG", "AGO", "CCTG", "MRC", "NCRI", "SIOP", "COG", "IBCSG", "BIG",
     "CEA", "QOL", "HRQOL", "HIV", "HPV", "AIDS", "COPD", "TB"]
)


#: A cooperative group's numbered trial: "(EORTC Intergroup trial 40983)", "the ECOG-ACRIN trial E2603".
GROUP_TRIAL_NUMBER = quick(
    r"\((?P<whole>[A-Z][A-Z-]{2,}(?:\s[A-Z][a-z]+){0,2}\s(?:trial|study)\s\d{3,6})\)"
    r"|\b(?:the\s+)?[A-Z][A-Z-]{2,}\s+(?:trial|study)\s+(?P<number>[A-Z]{1,5}-?\d{3,5}[A-Z]?)\b"
)

_TRIAL_WORDS = ("trial", "stud", "cohort", "project")
_GROUP_BEFORE = quick(r"\b([A-Z][A-Z-]{2,})\s+$")
_NAME_WORD_BEFORE = quick(r"(?<!\. )\b(?!The\b|A\b|An\b|In\b|Of\b)[A-Z][a-z]+\s+$")


def acronyms(text: str) -> list[tuple[int, str]]:
    """Named trials "X trial/study" in ``text``: (offset, name), in order."""
    return list(_acronyms(text))


@lru_cache(maxsize=512)
def _acronyms(text: str) -> tuple[tuple[int, str], ...]:
    """``acronyms``, cached: a report's sentences are read for its own trial's name and again for
    the trials it cites."""
    out = [(m.start(), m.group("name")) for m in _GROUPS_NUMBERED_TRIAL.finditer(text)
           if not _NOT_A_TRIAL_NUMBER.match(m.group("name"))] if _GROUP_NAMES.search(text) else []
    low = text.lower()
    if not holds_any(low, _TRIAL_WORDS):
        return tuple(out)  # "results from CALGB 9342"
    out += _named_after_trial(text)
    out += [(at, name) for at, name in _after_spelled_group(text) + named_in_apposition(text) if _new_name(out, at, name)]
    for m in ACRONYM_BEFORE_TRIAL.finditer(text):
        if not _new_name(out, m.start("name"), ""):
            continue  # "NSABP B-32 trial": read whole above
        name, at = m.group("name").strip(), m.start("name")
        if m.group("spelled") and _NAME_WORD_BEFORE.search(text, 0, at):
            continue  # "the Look AHEAD (Action for Health in Diabetes) trial": the name is longer than the acronym
        group = _GROUP_BEFORE.search(text, 0, at) if name[1].isdigit() else None
        if group and group.group(1) in _NOT_ACRONYM:  # "ACOSOG Z9001 study": the group's numbered trial
            name, at = f"{group.group(1)} {name}", group.start(1)
        if _plausible_acronym(name) and not spelled_out_term(text, at, name):
            out.append((_described_before(text, at, m.end()), name))
    return tuple(sorted(out))


_TRIAL_WORD_BEFORE = quick(r"\b(?:trial|study)\s+(?:of|in|on|for|to|comparing|with)\s(?!.*\b(?:trial|study)\b)[^()]*\($",
                                re.IGNORECASE)


_OPEN_BRACKET_BEFORE = quick(r"\((?:the\s+)?$", re.IGNORECASE)  # "(LACE trial)", "(the OFAMS Study)"


def _described_before(text: str, at: int, end: int) -> int:
    """Where the trial a bracketed "(NAME trial)" names is described, when it follows that description ("… in a prospective
    randomised trial of outcomes for surgery (LACE trial)": the trial word before it); else ``at``. Read there, as "trial (NAME)" is."""
    if not _OPEN_BRACKET_BEFORE.search(text, max(0, at - 6), at) or text[end:end + 1] != ")":
        return at
    described = _TRIAL_WORD_BEFORE.search(text, max(0, at - 200), at)
    return described.start() if described else at


def _new_name(found: list[tuple[int, str]], at: int, name: str) -> bool:
    """Whether a name read at ``at`` is not one already found: not the same name, not inside one ("MA.17" of "NCIC CTG MA.17")."""
    return not any(name == other or start <= at < start + len(other) for start, other in found)


#: The name in brackets after the trial word: "The Active After Cancer Trial (AACT) was", "trial (CAO/ARO/AIO-94)", "a randomized phase II trial
#: (MY.11)", "an MRC study (BR2)"; not "to the end of the study (AUC0–last)". Read at the trial word, so that "this phase II trial (X)" is the document's own.
_NAMED_AFTER_TRIAL = quick(rf"(?<!end of the )\b(?i:trial|study|project)\s*\((?P<name>{ACRONYM_CORE}(?:/{ACRONYM_CORE})*)\)")


def _named_after_trial(text: str) -> list[tuple[int, str]]:
    """(offset of the trial word, name) for "… Trial (NAME)"; not a registry number ("study (NCT01767467)")."""
    if not holds_each(text, _NAMED_AFTER_TRIAL_NEEDS):
        return []
    return [(m.start(), m.group("name")) for m in _NAMED_AFTER_TRIAL.finditer(text) if _plausible_acronym(m.group("name"))]


_NAMED_AFTER_TRIAL_NEEDS = needed_words(_NAMED_AFTER_TRIAL)  # the brackets

#: A numbered trial after its group's spelled-out name: "… Clinical Trials Group CO.17 demonstrated", "Cancer and Leukemia
#: Group B CALGB-49907", "Eastern Cooperative Oncology Group (ECOG) 5592" (a group that numbers its trials so); not an arm
#: ("Group A1", "group 2").
_SPELLED_GROUP_TRIAL = quick(
    r"\b[A-Z][a-z]+\s+Group\s+(?:[A-Z]\s+)?(?:\((?P<group>[A-Z][A-Za-z-]{2,})\)\s+(?P<number>\d{3,5})"
    r"|(?P<name>[A-Z]{2,6}(?:\.\d{1,3}|-?\d{2,5}(?:-\d{1,3})?)))\b(?![.\d])")


def _after_spelled_group(text: str) -> list[tuple[int, str]]:
    """(offset, name) of the numbered trials named after their group's spelled-out name."""
    if "Group " not in text:
        return []
    return [(m.start("name"), m.group("name")) if m.group("name") else (m.start("group"), f"{m.group('group')} {m.group('number')}")
            for m in _SPELLED_GROUP_TRIAL.finditer(text) if m.group("name") or m.group("group") in _NUMBERING_GROUPS]


#: A name and, after a comma or "is"/"was", what it is: "the QOL results of JBR.10, a North American, intergroup, randomized
#: trial", "QUARTZ is a randomised, non-inferiority, phase III trial", "SATURN (Sequential Tarceva in Unresectable NSCLC) was
#: a randomised, double-blind study", "HOVON49, a prospective health-related quality-of-life (HRQoL) study"; read at the name.
_NAMED_IN_APPOSITION = quick(rf"\b(?P<name>{ACRONYM_CORE})\)?(?:\s\([A-Z](?=[^()]*[a-z][^()]*\s)[^()]{{3,80}}\))?(?:,|\s+(?:is|was))\s+an?\s+"
                             r"(?:(?!(?i:to|for|of|in|the|with|on|by|from|that|which)\b)[\w()-]+,?\s+){0,7}?"
                             r"(?i:(?:sub-?)?(?:trial|study))\b(?!\s+(?i:drugs?|medications?|groups?|products?|agents?))")


def named_in_apposition(text: str) -> list[tuple[int, str]]:
    """(offset, name) for "NAME, a … trial", "NAME is a … trial"."""
    if " a" not in text:
        return []
    return [(m.start("name"), m.group("name")) for m in _NAMED_IN_APPOSITION.finditer(text)
            if _plausible_acronym(m.group("name")) and not spelled_out_term(text, m.start("name"), m.group("name"))]


#: Cooperative groups whose numbered trials go by group and number: "BIG 1-98", "NSABP B-32", "RTOG 9408",
#: "CALGB 9343", "NCIC CTG MA.17", "ECOG E1199", "EORTC 22922", joined ones as written: "MRC OV05/EORTC 55955", with a
#: letter after the number as printed: "WJOG5108L".
_NUMBERING_GROUPS = ("BIG", "RTOG", "NSABP", "CALGB", "JCOG", "EORTC", "GOG", "SWOG", "ECOG", "NCCTG", "ACOSOG", "IBCSG",
                     "NCIC CTG", "NCIC", "CCG", "COG", "POG", "NRG", "GBG", "AGO", "ANZGOG", "TROG", "WJOG", "GEICAM",
                     "FFCD", "PRODIGE", "FNCLCC", "GONO", "HeCOG", "SAKK", "ABCSG", "ICORG", "NRG Oncology", "MRC")
_GROUPS_NUMBERED_TRIAL = quick(
    rf"\b(?P<name>(?:{'|'.join(sorted(map(re.escape, _NUMBERING_GROUPS), key=len, reverse=True))})[ -]?"
    r"(?:[A-Z]{1,2}[-.]?\d{1,4}|\d{2,5}|\d(?=[-/]\d{2}))(?:[-./]\d{1,5})?(?:[A-Z]\b)?(?:/[A-Z]{2,}[ -]?[A-Z]{0,2}[-.]?\d{2,5})?)(?![\w.]*\d)(?!\s*(?:mg|Gy|%|patients))"
)

#: The group names a match of ``_GROUPS_NUMBERED_TRIAL`` opens on: most sentences name no group.
_GROUP_NAMES = first_words(_GROUPS_NUMBERED_TRIAL)

#: Not trials: the group's questionnaires ("EORTC C30", "EORTC BN-20") and scales ("ECOG PS2").
_NOT_A_TRIAL_NUMBER = quick(r"EORTC[ -]?[A-Z]|ECOG[ -]?PS")


_DESIGN_WORDS = quick(
    r"(?:Placebo|Double|Single|Triple|Open|Multi|Non|Phase|Randomi[sz]ed|Controlled|Blind(?:ed)?|Label|Center|Centre|"
    r"Arm|Inferiority|Crossover|Cross|Over|Pilot|Feasibility|Parallel|Group|Cluster|Prospective|Retrospective)"
    r"(?:[-–](?:Placebo|Controlled|Blind(?:ed)?|Label|Center|Centre|Centric|Arm|Inferiority|Over|Group|Masked|Institutional))*",
    re.IGNORECASE,
)


def spelled_out_start(text: str, pos: int, name: str) -> int:
    """Where the words that spell out ``name`` begin, when they come right before it ("… in the Post Operative Radiation
    Therapy in Endometrial Carcinoma 1 (PORTEC-1) trial", "… Third Trial (RADIANT-3)"); else ``pos``.

    The shortest run of words whose first word starts with the name's first letter and that holds the name's letters
    in order (Schwartz and Hearst's test for an abbreviation's long form), with a capital letter: a name, not a term
    ("this long-term extension (LTE) trial"). A trial word glued to others starts where they do ("phase-III-trial")."""
    trial_word = re.match(r"(?i:trial|study)\b", text[pos:])
    end = pos + trial_word.end() if trial_word else text.rfind("(", max(0, pos - 2), pos)
    if trial_word and text[pos - 1:pos] == "-":
        pos = text.rfind(" ", 0, pos) + 1
    start = _long_form(text, end, name)
    return start if start is not None and _HAS_CAPITAL.search(text, start, end) else pos


def spelled_out_term(text: str, at: int, name: str) -> bool:
    """Whether the bracketed ``name`` at ``at`` abbreviates the lower-case words right before it, their initials its capitals:
    or one word: a term, not a trial's name ("a knowledge translation (KT) randomized controlled trial", "older general
    practitioners (GPs): a randomised trial", "knee osteoarthritis (OA): a …"); not "… acute severe ulcerative colitis (CONSTRUCT)"."""
    end = text.rfind("(", max(0, at - 2), at)
    start = _long_form(text, end, name)
    if start is None or _HAS_CAPITAL.search(text, start, end):
        return False
    words = [w for w in re.split(r"[\s-]+", text[start:end].strip()) if w]
    capitals = "".join(c for c in name if c.isupper()).lower()
    return len(words) == 1 or capitals in ("".join(w[0] for w in words), "".join(w[0] for w in words if w not in _SMALL_WORDS))


_SMALL_WORDS = frozenset(["of", "and", "for", "the", "in", "with", "to", "a", "an", "on", "or"])


def _long_form(text: str, end: int, name: str) -> int | None:
    """Where the shortest run of words ending at ``end`` that spells out ``name`` starts: its first word starts with the
    name's first letter and the run holds the name's letters in order (Schwartz and Hearst's test); None when none does."""
    letters = [c for c in name.lower() if c.isalpha()]
    if end < 0 or not letters:
        return None
    words = list(_WORD_START.finditer(text, max(0, end - 160), end))
    for word in reversed(words[-(len(letters) + 5):]):
        if word.group(0).lower() == letters[0] and _holds_in_order(text[word.start():end].lower(), letters):
            return word.start()
    return None


_WORD_START = quick(r"(?<![\w-])[A-Za-z]")
_HAS_CAPITAL = quick(r"[A-Z]")


def _holds_in_order(words: str, letters: list[str]) -> bool:
    found = iter(words)
    return all(letter in found for letter in letters)


#: A last word that qualifies what comes before it: "IRB-approved", "EGFR-mutated", "KRAS-positive".
_QUALIFIED = quick(r"-(?:[a-z]+(?:ed|ing)|positive|negative|based|naive|free|related|like|specific|type)$")
_MANUSCRIPT_NUMBER = quick(r"[A-Z]{2,5}-\d{2}-\d{4}")  # "PCAN-17-0128"
#: Capitalised words of a design or a setting joined by hyphens, as a title capitalises them: "Cluster-Randomised",
#: "Web-Based", "First-In-Human", "Follow-Up", "Large-Scale", "Taiwan-A"; not "Morpheus-Melanoma".
_TITLE_CASE_DESIGN = quick(r"[A-Z][a-z]+(?:-[A-Z][a-z]*)*-(?:[A-Z][a-z]*(?:ed|ing|al)|Based|Control|Up|Over|Scale|Human|A)")
#: Two words glued where a title ran into the next line: "AdultsClinical", "InterventionRaPP"; not "CodeBreaK", "ProtecT".
_GLUED_WORDS = quick(r"[a-z]{6,}[A-Z]|[a-z]{4,}[A-Z][a-z]{4,}")


def _plausible_acronym(name: str) -> bool:
    name = name.translate(HYPHENS)  # "Double‐Blinded" is read as "Double-Blinded"
    if name in _NOT_ACRONYM or name.upper() in _NOT_ACRONYM:
        return False
    if name.lower() in lexicon().drugs:  # "the FOLFOX trial", "the BEACOPP study": a regimen or drug, not a name
        return False
    if re.fullmatch(r"(?:The|This|Our|In|A|An|Phase|Clinical|Randomi[sz]ed|Single|Pivotal)", name):
        return False
    if _DESIGN_WORDS.fullmatch(name):
        return False  # "Placebo-Controlled Trial", "Double-Blind Study": the design, not a name
    if re.fullmatch(r"[A-Z][a-z]+", name):  # an ordinary capitalised word ("Imatinib study")
        return False
    if re.fullmatch(r"(?:I{1,3}|IV)[abAB]?", name):  # "phase IIb study", "phase IIIB study": the phase, not a name
        return False
    if _TITLE_CASE_DESIGN.fullmatch(name) or _GLUED_WORDS.search(name):
        return False  # "Sham-Controlled Trial", "Web-Based Study"; "… in Healthy AdultsClinical Trial of …" (a title glued to the next)
    if _QUALIFIED.search(name):
        return False  # "this IRB-approved study", "the EGFR-mutated cohort": a word that qualifies, not a name
    if registry_ids(name) or _MANUSCRIPT_NUMBER.fullmatch(name):
        return False  # "trial (NCT00506311)": a registry number; "(PCAN-17-0128)": a journal's manuscript number
    return bool(re.search(r"[A-Z].*[A-Z0-9]|[A-Z]{2}", name))


# ------------------------------------------------------------ conditions

_CONDITION_RE = quick(
    r"\b(?:(?:previously (?:un)?treated|untreated|advanced|metastatic|locally advanced|recurrent|"
    r"refractory|relapsed(?: or refractory)?|resectable|unresectable|inoperable|operable|early|"
    r"high[- ]risk|low[- ]grade|high[- ]grade|primary|stage [IV]+[A-C]?(?:[–-][IV]+[A-C]?)?|"
    r"(?:HER2|EGFR|KRAS|BRAF|ALK|HR|IDH)[- ](?:positive|negative|mutant|mutated)|"
    r"triple[- ]negative|castration[- ]resistant|hormone[- ]receptor[- ]positive|"
    r"microsatellite stable|node[- ]positive|"
    r"(?-i:[a-z]+(?:ar|al|ic|ous|ary|ive|oid|ian|ed|ant))(?:/[a-z]+)?)(?:[ ,]+|(?:,? or |,? and )(?=[a-z]+))){0,5}"
    r"(?:non[- ]small[- ]cell lung|small[- ]cell lung|colorectal|breast|gastric|gastroesophageal(?: junction)?|"
    r"oesophag\w*|esophag\w*|pancreatic|ovarian|cervical|endometrial|prostate|bladder|urothelial|renal(?: cell)?|"
    r"hepatocellular|liver|lung|head and neck|nasopharyngeal|thyroid|biliary(?: tract)?|"
    r"soft[- ]tissue|bone|brain|skin|rectal|colon|anal|germ[- ]cell|kidney|"
    r"squamous[- ]cell|basal[- ]cell|neuroendocrine|solid)?\s?"
    r"(?:cancers?|carcinomas?|adenocarcinomas?|tumou?rs?|sarcomas?|melanomas?|lymphomas?|leuk(?:a)?emias?|"
    r"myelomas?|gliomas?|glioblastomas?|mesotheliomas?|neuroblastomas?|myelodysplastic syndromes?|"
    r"Hodgkin'?s? (?:disease|lymphoma))\b",
    re.IGNORECASE,
)


_CONDITION_HINT = folded(r"cancer|carcinom|oma\b|omas\b|emia|tumou?r|disease|syndrome")


def conditions(title: str | None, sentences: list[Sentence]) -> list[str]:
    """Disease(s) studied: from the title when it names one, else the first design sentence."""
    sources = [title] if title else []
    sources += [s.text for s in sentences[:4]]
    for text in sources:
        if not _CONDITION_HINT.search(text.lower()):
            continue
        found: list[str] = []
        for m in _CONDITION_RE.finditer(text):
            name = m.group(0).strip(" ,")
            if len(name.split()) < 2 and not re.search(r"(?:oma|emia|aemia)s?$", name, re.I):
                continue
            name = re.sub(r"^(?:in|with|of|for|and|the|patients) ", "", name, flags=re.I)
            if name.lower() not in {f.lower() for f in found}:
                found.append(name)
        # "hepatocellular carcinoma" adds nothing to "fibrolamellar hepatocellular carcinoma".
        found = [f for f in found if not any(o != f and o.lower().endswith(f.lower()) for o in found)]
        if found:
            return found[:3]
    return []


# ------------------------------------------------------------ countries


_SITE_CONTEXT = folded(
    r"cent(?:er|re)s?|hospitals?|sites?|institutions?|\bclinics?\b|conducted|enrolled|recruited|done at|in the|across")


#: A country naming the trial or its setting right after it: "The UK TACT study", "the Danish subcohort of BIG 1-98",
#: "clustered in 74 Canadian secondary schools".
_NAMED_SETTING = folded(r"\s+(?:(?!to\s)[\w-]+\s+){0,2}?(?:trial|study|cohort|subcohort|schools|general practices)\b")


#: A country naming the people treated: "112 Tunisian patients", "in Japanese mCRC patients", "20,536 UK adults".
_PEOPLE_OF = folded(r"\s+(?:[\w-]+\s+)?(?:patients|women|men|adults|children|participants|subjects|volunteers)\b")


#: A country inside an organisation's name, which names no site by itself: "the West Japan Oncology Group",
#: "National Cancer Institute of Canada Clinical Trials Group", "the Chinese Clinical Trial Register",
#: "Australian New Zealand Clinical Trials Registry", "the US Food and Drug Administration".
_IN_ORGANISATION = quick(
    r"(?:\s+[A-Z][\w-]*){0,4}?\s+(?:Group|Regist(?:ry|er))\b|\s+Food and Drug Administration\b")


#: A trial said to run in the country just after: "a multi-town clustered randomized trial in China",
#: "a study conducted in rural Malawi", "patients were randomized in Japan".
_TRIAL_IN = folded(r"(?:trial|study|conducted|performed|carried out|undertaken|randomi[sz]ed)\s+in\s+(?:the\s+)?"
                   r"(?:(?:rural|urban|northern|southern|eastern|western|central)\s+)?$")


#: A place given as "City, Country" where people were: "740 men in Göteborg, Sweden, undergoing biopsy", "in Hengyang, Hunan,
#: China", or in brackets after a hospital or institute: "treated in Cancer Institute (Tehran, Iran)"; not a maker's address
#: ("SmartCare (Dräger, Lübeck, Germany)", "(Pfizer, USA)"). Read on the text as printed: the place is capitalised.
_PLACE = r"[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,2}"
_ADDRESS_BEFORE = quick(
    rf"(?:\bin\s+(?:the\s+)?{_PLACE}(?:,\s*{_PLACE})?|\b(?:Hospital|Institute|Cent(?:er|re)|University|Clinic|Infirmary)\s*\(\s*{_PLACE}),\s*$")


#: A country's adjective names a site only before a setting or people: "a Swedish multicentre trial", "Korean
#: patients", "three Danish hospitals", "Australian/New Zealand multicentre" (not "Swedish massage", "Chinese herbal medicine", "Japanese encephalitis").
_ADJECTIVE_ENDING = quick(r"(?:an|ese|ish|ch|i|ic|ss|ek)$")
_ADJECTIVE_SETTING = folded(
    r"(?:\s*[,/]\s*|\s+)(?:(?:and\s+)?(?:(?!(?:in|of|to|for|was|were|is|are|by|with|at|from|on|the|an?|that|which|who|as|due)\b)[\w-]+|\([^()]*\))(?:\s*[,/]\s*|\s+)){0,5}?(?:trials?|clubs?|health\s+(?:care\s+)?(?:system|service)s?|stud(?:y|ies)|cohorts?|subcohort|schools|practices|cent(?:er|re)s?|hospitals?|sites?|"
    r"institutions?|clinics?|universit(?:y|ies)|populations?|patients|women|men|adults|children|participants|subjects|"
    r"volunteers|residents|cases|survivors|individuals|people|population-based|nationwide|multicent(?:er|re)|groups?|"
    r"provinces|states|regions|cities|counties|districts|communities|villages|areas|parents|families|mothers|fathers|"
    r"employees|workers|students|nurses|physicians|doctors|soldiers|smokers|athletes|pupils|infants|newborns)\b")


#: … or after a setting: "85 practices in the British Medical Research Council …", "centers of the Spanish".
_SETTING_BEFORE_ADJECTIVE = folded(r"\b(?:practices|cent(?:er|re)s|hospitals|sites|clinics|schools)\s+(?:in|of|at|from)\s+(?:the\s+)?$")


def _country_adjective(text: str, start: int, end: int, name: str) -> bool:
    """Whether the mention is a country's adjective ("Swedish", "Korean"), not its name or abbreviation."""
    surface = text[start:end]
    return surface != name and not surface.isupper() and _ADJECTIVE_ENDING.search(surface) is not None


def _adjective_of_a_setting(low: str, start: int, end: int) -> bool:
    return bool(_ADJECTIVE_SETTING.match(low, end) or _SETTING_BEFORE_ADJECTIVE.search(low, max(0, start - 40), start))


def _site_mention(text: str, low: str, start: int, end: int, name: str) -> bool:
    """Whether the country at ``start:end`` is named as where the trial ran, not in an organisation's name."""
    if _IN_ORGANISATION.match(text, end):
        return False
    if _country_adjective(text, start, end, name) and not _adjective_of_a_setting(low, start, end):
        return False  # "Swedish massage", "traditional Chinese medicine", "Canadian dollars"
    return bool(_SITE_CONTEXT.search(low[max(0, start - 120): end + 60]) or _NAMED_SETTING.match(low, end)
                or _PEOPLE_OF.match(low, end) or _TRIAL_IN.search(low, max(0, start - 60), start)
                or _ADDRESS_BEFORE.search(text, max(0, start - 80), start))


def countries(text: str, mentions: list[tuple[int, int, str]]) -> list[str]:
    """Countries named as trial sites: "in the UK", "five Chinese centers", "22 centres in ...", "the UK TACT study"."""
    found: list[str] = []
    low = text.lower()
    for start, end, name in mentions:
        if name not in found and _site_mention(text, low, start, end, name):
            found.append(name)
    return found
