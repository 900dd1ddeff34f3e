"""Arms of a trial: labelled arms/cohorts/groups, "randomised to X or Y", "X versus Y".

Each arm keeps the aliases the text uses for it, so that results can name their
arm with the same label.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import pairwise, product

from extractor.backends.rules.lexicon import DrugMention, cytotoxic, find_drugs, regimen_components
from extractor.backends.rules.nondrug import find_non_drugs, head_of, named_by_modifier
from extractor.backends.rules.text import (
    ANY_ASIDE,
    WORD_NUMBER,
    closing_bracket,
    denied,
    expansion,
    folded,
    without_asides,
    word_to_int,
)
from extractor.backends.rules.vocabulary import find_mentions
from extractor.patterns import quick

_LABEL = r"(?:[A-Z]{1,2}\d?|\d[A-Z]?|\d{2}[A-Z]|I{1,3}V?|IV)"
_LABELLED = quick(
    rf"\b(?P<kind>[Aa]rms?|[Gg]roups?|[Cc]ohorts?)\s+(?P<labels>{_LABEL}(?:\s*(?:,\s*(?:and|or)|,|and|&|or)\s*{_LABEL})*)(?![\w/-]|[.,·]\d)"
)
#: A group named by its dose, the unit spaced: "the 45 Gy group", "the 20 mg group", "the 3.75 mg dose group".
_DOSE_NAME = r"\d[\d,.]*\s(?:mg|Gy|IU|g|µg|mcg)(?:/[\w²]+)?(?:\s+dose)?"
_NAMED = quick(
    r"\b(?:[Tt]he |in |for |of |to |and |or |an? )(?P<name>" + _DOSE_NAME + r"|(?:[A-Za-z][\w+/-]*\s)?[A-Za-z0-9][\w+/-]*)\s+(?P<kind>arm|group)(?!s)\b"
    r"(?!\s+(?:[A-Z]\d?|\d[A-Z]?)\b)"
    # "significant group differences": "group" opens a noun phrase, names no arm
    r"(?!\s+(?:differences?|comparisons?|effects?|means|assignment|allocation|status|levels?|analys[ie]s|interactions?)\b)"
)
_NOT_NAMED = quick(
    r"^(?:treatment|both|two|three|each|all|age|risk|working|oncology|cooperative|lymphoma|"
    r"this|that|the|a|an|one|other|either|same|respective|various|[\w-]*risk|intervention|"
    r"experimental treatment|sub|matched|unmatched|signature|[\w-]*sensitive|[\w-]*resistant|"
    r"high|low|intermediate|pharmacist|leukemia|trials|research|support|focus|ethnic|navigated|"
    r"exposure|stratification|reference|randomi[sz]ed|respective|dose|the two|higher|lower)$",
    re.IGNORECASE,
)
_VERSUS_TITLE = quick(
    r"^(?:.*?:\s*)?(?P<a>[^:;]{3,200}?)\s+(?:versus|vs\.?|compared (?:to|with))\s+(?P<b>[^:;]{3,80}?)(?=\s+(?:as(?!\s+usual)|for|in|on|during|after|with(?!out)|among)\b|[:;,.]|$)",
    re.IGNORECASE,
)
_PER_ARM_COUNTS = quick(
    rf"(?P<counts>\d+(?:\s*(?:,|and)\s*\d+)+)\s+(?:patients|participants|subjects)\s+(?:were|was)\s+(?:\w+\s+)?"
    rf"(?:enrolled|randomi[sz]ed|assigned|treated|included)\s+(?:in|to|into)\s+(?:the\s+)?"
    rf"(?P<kind>arms?|groups?|cohorts?)\s+(?P<labels>{_LABEL}(?:\s*(?:,|and)\s*{_LABEL})+),?\s+respectively",
    re.IGNORECASE,
)
_ABBREV = r"(?:[A-Z][\w+-]*[A-Z0-9][\w+-]*)"
_PAIRED_COUNTS = quick(
    rf"\b(?P<n1>\d+)\s+(?:patients\s+|pts\.?\s+)?(?:receiv(?:ing|ed)\s+|in\s+the\s+|(?P<bare>in\s+)|on\s+|treated\s+with\s+)?(?P<a>{_ABBREV})"
    rf"(?:\s+(?:arm|group))?\s*(?:and|,)\s+(?P<n2>\d+)\s+(?:patients\s+|pts\.?\s+)?(?:receiving\s+|in\s+(?:the\s+)?|on\s+|treated\s+with\s+)?"
    rf"(?P<b>{_ABBREV})(?![\w+-])"
)
#: A sentence that counts the patients each arm was given, not those of an outcome ("27 in ES and 24 in SI" confirmed):
#: "consisted of 217 patients …, 112 in H-ARM and 105 in C-ARM arm", "randomised: 103 in the FU arm and 104 in FUP arm".
_COUNTS_THE_ARMS = quick(r"\b(?:randomi[sz]ed|randomly|assigned|allocated|enrolled|consisted\s+of)\b", re.IGNORECASE)
#: What joins the second count to the first in every pair: "and 62", ", 33"; few sentences have it.
_SECOND_COUNT = quick(r"(?:and|,)\s+\d")
#: Arms and their counts listed in one bracket: "(GCa, n = 212; MIC, n = 210)".
_COUNTED_LABEL = quick(rf"(?:(?<=\()|(?<=;\s))(?P<a>{_ABBREV}),?\s*[nN]\s*=\s*(?P<n>\d+)\s*(?=[;)])")
_COUNTED_LABELS = quick(rf"\({_ABBREV},?\s*[nN]\s*=\s*\d+\s*(?:;\s*{_ABBREV},?\s*[nN]\s*=\s*\d+\s*)+\)")
#: A size in brackets after a name: "(group B; n=59)", "(n = 20)"; not after a percentage ("the stent group (46.9%, n = 15)"
#: counts the events).
_N_AFTER = quick(r"^\s*[\[(]?\s*(?!\d[\d.,·]*\s*%\s*[;,])(?:[^()\[\]]{0,40}?[;,]\s*)?[nN]\s*=\s*(?P<n>\d+)")
_NON_DRUG = (
    (re.compile(r"\bplacebo\b", re.I), "placebo", "other"),
    (re.compile(r"\bbest supportive care\b", re.I), "best supportive care", "other"),
    (re.compile(r"\bactive monitoring\b", re.I), "active monitoring", "other"),
    (re.compile(r"\bobservation\b", re.I), "observation", "other"),
)
_NON_DRUG_HINT = quick(r"placebo|supportive|monitoring|observation", re.I)
_INTERVENTION_CONTEXT_STOP = quick(r"\b(?:versus|vs\.?|compared (?:with|to))\b", re.I)


@dataclass
class ArmDraft:
    label: str | None
    aliases: list[str] = field(default_factory=list)
    n: int | None = None
    interventions: list[dict[str, str | None]] = field(default_factory=list)
    defining_text: str = ""
    presented: bool = False  # the one arm of a larger trial that the document reports


def _singular(kind: str) -> str:
    return kind[:-1] if kind.lower().endswith("s") else kind


def _split_labels(raw: str) -> list[str]:
    """ "A, B, and C" -> [A, B, C]."""
    return [p for p in re.split(r"\s*(?:,\s*(?:and|or)|,|and|&|or)\s*", raw) if p]


def interventions_in(text: str) -> list[dict[str, str | None]]:
    """Interventions named in ``text``: lexicon drugs, stems, code names, and non-drug ones."""
    out: list[dict[str, str | None]] = []
    seen: set[str] = set()
    mentions = _not_given_before(text, find_drugs(text, code_names=True))
    # A regimen named as written stands for its drugs: "irinotecan plus capecitabine (XELIRI)" is XELIRI.
    covered = {c.lower() for m in mentions for c in regimen_components(m.drug.name)}
    for mention in mentions:
        key = mention.drug.name.lower()
        if key in covered and any(m.drug.name.lower() != key and regimen_components(m.drug.name) for m in mentions):
            continue
        if key in seen or re.match(r"^\s+(?:trial|study|cohort)\b", text[mention.end: mention.end + 8]):
            continue
        seen.add(key)
        out.append({"name": mention.text, "type": mention.drug.type, "target": mention.drug.target,
                    "dose": _dose_after(text, mention.end), "schedule": None})
    if _CHEMOTHERAPY_HINT.search(text) and not any(cytotoxic(m.drug) for m in mentions) and _CHEMOTHERAPY_GIVEN.search(text):
        seen.add("chemotherapy")
        out.append({"name": "chemotherapy", "type": "drug", "target": None, "dose": None, "schedule": None})
    for found in find_non_drugs(text):
        if found.name.lower() not in seen:
            seen.add(found.name.lower())
            out.append({"name": found.name, "type": found.type, "target": None, "dose": None, "schedule": None})
    if not _NON_DRUG_HINT.search(text):
        return out
    for pattern, name, kind in _NON_DRUG:
        if pattern.search(text) and name not in seen:
            seen.add(name)
            out.append({"name": name, "type": kind, "target": None, "dose": None, "schedule": None})
    return out


#: Chemotherapy given as a treatment of its own, its drugs not named: "bevacizumab or placebo in combination with
#: chemotherapy", "(neo)adjuvant chemotherapy (CT) +/- goserelin", "chemo-immunotherapy or chemotherapy".
_CHEMOTHERAPY_KIND = (r"(?:(?:standard|conventional|systemic|cytotoxic|combination|adjuvant|neoadjuvant|\(neo\)adjuvant|"
                      r"first-line|second-line)\s+){0,2}chemotherapy")
_CHEMOTHERAPY_GIVEN = quick(
    rf"(?:\+\s*/\s*[-−]|±|with or without|plus|\+|combined with|in combination with|added to|versus|vs\.?)\s+"
    rf"{_CHEMOTHERAPY_KIND}\b(?![-‐]|\s+(?:with|consisting|regimens?|cycles?|of)\b)"
    rf"|\bor\s+{_CHEMOTHERAPY_KIND}\s*(?:alone|only|\((?:group|arm|n\s*=)|\(?\s*$)"  # an arm's words; not "adjuvant or neoadjuvant chemotherapy"
    r"|\b(?<!(?-i:[A-Z][A-Z]) )chemotherapy\s*(?:\([A-Z]{1,4}\)\s*)?(?:\+\s*/\s*[-−]|±|with or without|alone\b|plus\b|"
    r"\+|combined with|in combination with)",  # not after a regimen's name: "VIC chemotherapy plus"
    re.IGNORECASE,
)
_CHEMOTHERAPY_HINT = quick(r"chemotherapy", re.IGNORECASE)
#: What patients had before the trial, not what it gives: "previously treated with docetaxel", "refractory to
#: letrozole or anastrozole", "after failure of tamoxifen", "prior chemotherapy with cisplatin".
_BEFORE_THE_TRIAL = quick(
    r"\b(?:previously\s+(?:been\s+)?(?:treated\s+with|received|receiving|exposed\s+to)|pre-?treated\s+with|"
    r"(?:refractory|resistant|intolerant|unresponsive|non-?responsive)\s+to|failure\s+(?:of|on)|progress(?:ed|ing|ion)\s+(?:on|after|during|following)|"
    r"failed|failing|prior(?!\s+to\b)|previous)"
    r"(?:\s+[\w-]+)?(?:\s+(?:chemotherapy|therapy|treatment|regimens?)\s+(?:with|including|containing|of))?\s+$",
    re.IGNORECASE,
)
_BEFORE_THE_TRIAL_HINT = quick(r"previous|pre-?treated|refractory|resistant|intolerant|responsive|failure|progress|fail|prior|naive|naïve",
                               re.IGNORECASE)
#: The same, said after the drug: "tamoxifen resistant", "docetaxel-refractory", "imatinib-naive", "cisplatin failure".
_BEFORE_THE_TRIAL_AFTER = quick(r"[\s-]*(?:resistant|refractory|pre-?treated|naive|naïve|failure|intolerant)\b",
                                     re.IGNORECASE)
_LISTED_WITH = quick(r"^\s*(?:,|and|or|and/or|plus|\+|/|-)?\s*(?:(?:and|or)\s+)?$", re.IGNORECASE)


def _not_given_before(text: str, mentions: tuple[DrugMention, ...]) -> tuple[DrugMention, ...]:
    """The drug mentions less those of what patients had before the trial, with the drugs listed after them."""
    if not mentions or not _BEFORE_THE_TRIAL_HINT.search(text):
        return mentions
    kept: list[DrugMention] = []
    previous: DrugMention | None = None
    before = False
    for m in mentions:
        if previous is not None and before and _LISTED_WITH.match(_DOSE_WORDS.sub(" ", text[previous.end:m.start])):
            before = True  # "refractory to letrozole or anastrozole"
        else:
            before = _BEFORE_THE_TRIAL.search(text, max(0, m.start - 60), m.start) is not None \
                or _BEFORE_THE_TRIAL_AFTER.match(text, m.end) is not None
        if not before:
            kept.append(m)
        previous = m
    return tuple(kept)


_DOSE = quick(r"^\s*\(?\s*(?P<d>\d[\d,.·]*\s*(?:mg|g|µg|mcg|IU|U|Gy|mg/m2|mg/kg|mg kg−1|mg m−2)(?:\s*(?:/|per)\s*(?:m2|m²|kg|day|d))?)", re.I)


def _dose_after(text: str, end: int) -> str | None:
    m = _DOSE.match(text[end: end + 30])
    return m.group("d").strip() if m else None


Candidate = tuple[str, list[str], int | None, str]  # (label, aliases, size, the words that define the arm)
Shape = Callable[[str | None, list[str], str, "NamedGroups"], list[Candidate]]

#: Words a phrase shape may take in with an arm's name: "(patients were randomised to) receive: VNR plus CDDP",
#: "(the) groups given lanreotide", "(a single dose) of granisetron", "zoledronic acid at (4 mg)".
_LABEL_LEAD = quick(r"^(?:(?:of|to|receive|receiving|undergo|either|the|a|an|(?:the\s+)?groups?\s+(?:given|receiving))\b[:\s]*)+",
                         re.IGNORECASE)
_LABEL_TAIL = quick(r"(?:\s+(?:at|to|in|on|with|and|or|of|for|was|were))+[\s,;:(]*$|,\s*\d+\s*-$|[\s,;:(-]+$", re.IGNORECASE)
#: A clause after an arm's name: "placebo(, administered …)", "AT(, which varied in duration)".
_LABEL_CLAUSE = quick(r",\s*(?:all\s+)?(?:administered|given|which|that|who)\b.*$", re.IGNORECASE)
#: Not an arm's name: a schedule ("on days 1-14", "over 11 days"), a count ("30 in each"), a word that only
#: points ("the latter", "first"), a design phrase ("randomised phase II study of").
_NOT_LABEL = quick(
    r"^(?:on|over|in|for|during|every|each|twice|once|which|latter|former|first|second|total|evaluate|"
    r"study drug)\b|\b(?:patients|participants|completed|in each|assessment|study of|trial of|analy[sz]ed|"
    r"validation|modell?ing|immune response)\b|\d+\s+(?:were|was|in|completed)\b",
    re.IGNORECASE,
)


#: What is left of a dose or schedule at a label's end: "mitozantrone, m-2", "epoetin alfa 150", "afatinib per day".
_LABEL_DOSE_TAIL = quick(
    r"(?:(?<![\d\s])[\s,]+|,\s*)(?:m-2|m−2|per day|per week|bd|b\.d\.|tds|od|daily|weekly|subcutaneous(?:ly)?|intravenous(?:ly)?|"
    r"orally)(?:[\s,]+(?:per day|bd|daily|subcutaneous(?:ly)?|intravenous(?:ly)?|orally))*$"
    r"|(?<=[a-z])\s+mg/m$|\s+for\s+(?:up\s+to\s+)?\d+(?:\s+to\s+\d+)?\s+(?:days|weeks|months|cycles)$",
    re.IGNORECASE)


def tidy_label(label: str) -> str | None:
    """An arm's name without the words a phrase shape took in with it; None when it names no arm."""
    tidy = _LABEL_TAIL.sub("", _LABEL_LEAD.sub("", _LABEL_CLAUSE.sub("", label.strip()))).strip(" ‘’'\".,")
    if not _NUMBERED_LABEL.fullmatch(tidy):  # "arm 6" keeps its number
        tidy = _LABEL_DOSE_TAIL.sub("", tidy).strip(" ,") or tidy
    if not tidy or _NOT_LABEL.search(tidy) or _BARE_DOSE.fullmatch(tidy):
        return None
    return tidy


#: An arm's label that is a word and its number or letter: "arm 6", "group D", "group Asp".
_NUMBERED_LABEL = quick(r"(?i:arm|group|cohort)\s+\S+")
#: A dose alone ("10", "80 µM", "75 mg/m"): a part of an arm's name, cut from the drug it doses.
_BARE_DOSE = quick(r"[\d.,·\s]+(?:(?:mg|g|µg|mcg|µM|mM|nM|IU|U|ml|mL)\b(?:\s*/\s*[\w²]+)*)?", re.IGNORECASE)


class _ArmSet:
    """Arms found so far, one per label (case ignored), aliases and sizes merged."""

    def __init__(self) -> None:
        self.arms: list[ArmDraft] = []
        self.by_key: dict[str, ArmDraft] = {}

    def add(self, label: str, aliases: list[str], n: int | None = None, defining: str = "") -> None:
        tidy = tidy_label(label)
        if tidy is None:
            return
        label, aliases = tidy, [tidy, *aliases]
        arm = self.by_key.get(label.lower())
        if arm is None:
            arm = ArmDraft(label=label, aliases=[], n=n, defining_text=defining)
            self.arms.append(arm)
            self.by_key[label.lower()] = arm
        arm.aliases.extend(a for a in dict.fromkeys(aliases) if a and a not in arm.aliases)
        arm.n = arm.n if arm.n is not None else n
        arm.defining_text = arm.defining_text or defining


def find_arms(title: str | None, sentences: list[str], glossary: str = "", shapes: tuple[Shape, ...] = ()) -> list[ArmDraft]:
    """Arms of the document's own trial, in order of first mention.

    The first phrase shape of ``_ARM_SHAPES`` that finds arms names them; then sizes,
    interventions and the names results use are added.

    Args:
        title: The document's title.
        sentences: The sentences that may describe the trial's arms (not its background).
        glossary: Text where abbreviations may be defined ("docetaxel (T)"), background included.
        shapes: The phrase shapes to read, when not ``_ARM_SHAPES``.
    """
    text = " ".join(sentences)
    low = text.lower()  # once: several steps below read it
    glossary = " ".join([title or "", glossary or text])
    found = _ArmSet()
    named = _named_groups(sentences)
    for candidate in _chosen_shape(title, sentences, text, named, shapes or _ARM_SHAPES):
        found.add(*candidate)
    arms = found.arms
    _named_groups_as_aliases(arms, named)
    _per_arm_counts(sentences, found.by_key, low)
    if len(arms) >= 2:
        _sizes_from_mentions(arms, text, low)
        _equal_sizes(arms, sentences)
    arms = _presented_only(arms, text, low)
    _defined_by_the_randomisation(arms, sentences)
    _give_interventions(arms, glossary)
    _radiation_of_dose_arms(arms, glossary)
    if len(arms) < 2:
        return arms
    return _named_and_ordered(arms, low, glossary, named)


def _chosen_shape(title: str | None, sentences: list[str], text: str, named: NamedGroups,
                  shapes: tuple[Shape, ...]) -> list[Candidate]:
    """The arms of the first phrase shape in ``_ARM_SHAPES`` that names two arms or more; else of the first that names one.
    Where the text says how many arms there are ("randomly divided into 3 groups") and that shape names fewer (and
    labels none "Arm A"), a later shape that names exactly that many is chosen."""
    chosen: list[Candidate] = []
    first: list[Candidate] = []
    declared = _declared_arm_count(text)
    for shape in shapes:
        candidates = [c for c in shape(title, sentences, text, named) if tidy_label(c[0])]  # not "the latter group"
        chosen = chosen or candidates
        found = len({label for label, *_ in candidates})
        if found >= 2 and (declared is None or found >= declared or shape is _labelled_arms):  # "group I": as written
            return candidates if not first or found == declared else first
        first = first or (candidates if found >= 2 else [])
    return first or chosen


#: How many arms the text says the trial has: "randomised to one of three groups", "a three-arm trial", "the 3 arms".
_DECLARED_ARMS = quick(r"\b(?P<k>three|four|3|4)[ -](?:(?:treatment|study|randomi[sz]ed)\s+)?(?:arms?|armed|groups)\b",
                       re.IGNORECASE)


def _declared_arm_count(text: str) -> int | None:
    """The number of arms the text declares (``_DECLARED_ARMS``), if it declares one."""
    m = _DECLARED_ARMS.search(text) if "ree" in text or "our" in text or "3" in text or "4" in text else None
    return word_to_int(m.group("k")) if m else None


def _named_and_ordered(arms: list[ArmDraft], low: str, glossary: str, named: NamedGroups) -> list[ArmDraft]:
    """Two arms or more: names from regimen abbreviations, the aliases results use, in order of first mention."""
    abbreviations = regimen_abbreviations(glossary)
    _name_by_abbreviation(arms, abbreviations)
    _regimens_as_defined(arms, abbreviations)
    _rename_generic(arms)
    arms = _fold_part_arm(_fold_generic_arm(arms), low, glossary)
    _label_by_bracketed_name(arms, low)
    _add_distinctive_aliases(arms, low)
    _add_spacing_aliases(arms)
    _add_slash_aliases(arms)
    _add_abbreviation_aliases(arms, glossary)
    _add_generic_aliases(arms, named)
    arms = sorted(arms, key=lambda a: min(_first_mention(low, a), _dose_mention(low, a)))
    _add_reworded_aliases(arms, low, glossary)  # after the arms are ordered: a name only results use does not reorder them
    return arms


def _add_reworded_aliases(arms: list[ArmDraft], low: str = "", glossary: str = "") -> None:
    """Names results give an arm in other words than its label: its dose first, its dose spaced otherwise, its own drug,
    the word before its lettered label (read in ``low``, the lowercased text), its brand (in ``glossary``)."""
    _add_brand_aliases(arms, glossary)
    _add_named_before_label_aliases(arms, low)
    _add_dose_first_aliases(arms)
    _add_dose_spacing_aliases(arms)
    _add_own_drug_aliases(arms)
    _add_word_joint_aliases(arms)


#: An abbreviation defined in brackets after its long form: "high-dose chemotherapy (HDCT)".
_DEFINED_ABBREVIATION = quick(r"\((?P<abbr>[A-Za-z][A-Za-z0-9+/-]{0,9})\)")


def _add_abbreviation_aliases(arms: list[ArmDraft], glossary: str) -> None:
    """An arm whose name opens the long form of an abbreviation the text defines is also named by it:
    "high-dose" by "HDCT" after "high-dose chemotherapy (HDCT)" ("CR rates for patients randomized to HDCT and AT"),
    "Group 1" by "G1" after "Group 1 (G1) received" ("69.8% for G1");
    it takes the abbreviation as its label when the text uses it again (as results name the arm)."""
    if "(" not in glossary:
        return
    low = glossary.lower()
    taken = {alias.lower() for arm in arms for alias in arm.aliases if alias}
    for m in _DEFINED_ABBREVIATION.finditer(glossary):
        abbr = m.group("abbr")
        if sum(ch.isupper() or (ch.isdigit() and abbr[0].isupper()) for ch in abbr) < 2 or abbr.lower() in taken:
            continue
        long_form = low[max(0, m.start() - 60): m.start()]
        owners = [arm for arm in arms if any(_opens_long_form(alias.lower(), long_form, abbr) for alias in arm.aliases if alias)]
        if len(owners) == 1:
            owners[0].aliases.append(abbr)
            taken.add(abbr.lower())
            if len(_occurrences(glossary, abbr, plural=False)) >= 3 and not _regimen_name(owners[0].label or ""):
                owners[0].label = abbr


def _opens_long_form(alias: str, long_form: str, abbr: str) -> bool:
    """Whether ``alias`` opens the long form that ends ``long_form`` (at most two words after it), with the
    abbreviation's first letter."""
    return alias[:1] == abbr[:1].lower() and _named_right_before(alias, long_form)


def _named_right_before(alias: str, long_form: str) -> bool:
    """Whether ``alias`` (three letters or more) is named at the end of ``long_form``, at most two words before its end."""
    at = long_form.rfind(alias)
    if at < 0 or len(alias) < 3 or (at > 0 and long_form[at - 1].isalnum()):
        return False
    rest = long_form[at + len(alias):]
    return bool(re.fullmatch(r"(?:[\s-]+[a-z][\w-]*){0,2}\s*", rest))


#: A brand name in brackets after a treatment's name: "subcutaneous progesterone (Prolutex®)", "simvastatin (Zocor™)".
_BRAND = quick(r"\((?P<brand>[A-Z][A-Za-z0-9-]{2,})\s*[®™]\)")


def _add_brand_aliases(arms: list[ArmDraft], glossary: str) -> None:
    """ "a new aqueous formulation of subcutaneous progesterone (Prolutex®)": the arm named right before the bracket (by
    its longest name) is also named by the brand ("Prolutex = 392; Endometrin = 390"), when no arm goes by it already."""
    if "®" not in glossary and "™" not in glossary:
        return
    low = glossary.lower()
    for m in _BRAND.finditer(glossary):
        brand, before = m.group("brand"), low[max(0, m.start() - 60): m.start()]
        named = [max((len(al) for al in a.aliases if al and _named_right_before(al.lower(), before)), default=0) for a in arms]
        if max(named) and named.count(max(named)) == 1 and all(brand.lower() != al.lower() for a in arms for al in a.aliases if al):
            arms[named.index(max(named))].aliases.append(brand)  # the longest name: "vaginal progesterone", not "progesterone"

#: The word that names what a lettered arm got, right before its label in brackets (a dose between): "saline (group S,
#: n = 55), lignocaine 20 mg (Group L, n = 55)".
_NAME_BEFORE_LABEL = quick(r"(?P<name>[a-z][\w-]{2,})(?:\s+\d[\d.,]*\s*[^\s(]{1,8})?\s+\((?:the\s+)?(?P<kind>group|arm)\s+"
                           r"(?P<lab>[a-z0-9]{1,4})\b")


def _add_named_before_label_aliases(arms: list[ArmDraft], low: str) -> None:
    """ "saline (group S, n = 55), lignocaine 20 mg (Group L, n = 55)", then "70.9% in the saline group, 30.9% in the
    lignocaine group": a lettered arm is also "the <word> group" after the word before its bracketed label, when the text
    (``low``: lowercased) writes that phrase and no other arm goes by it."""
    if "(group" not in low and "(arm" not in low and "(the" not in low:
        return
    by_label = {al.lower(): a for a in arms for al in a.aliases if al and _LABELLED.fullmatch(al)}
    taken = {al.lower() for a in arms for al in a.aliases if al}
    for m in _NAME_BEFORE_LABEL.finditer(low):
        arm = by_label.get(f"{m.group('kind')} {m.group('lab')}")
        phrase = f"{m.group('name')} {m.group('kind')}"
        if arm is not None and phrase not in taken and m.group("name") not in _ALIAS_STOP \
                and len(_occurrences(low, phrase, plural=True)) >= 1:
            arm.aliases.append(phrase)
            taken.add(phrase)

_JOINED = quick(r"\s*([+/])\s*")


def _add_slash_aliases(arms: list[ArmDraft]) -> None:
    """ "capecitabine plus docetaxel" is also "capecitabine/docetaxel" and "capecitabine and docetaxel" ("44% with
    sequential azacitidine and lenalidomide"), as texts name a two-drug arm either way."""
    for arm in arms:
        pair = _TWO_JOINED.fullmatch(arm.label or "")
        for variant in (f"{pair.group(1)}{joint}{pair.group(2)}" for joint in ("/", " and ")) if pair else ():
            if variant not in arm.aliases:
                arm.aliases.append(variant)


_TWO_JOINED = quick(r"([\w-]+) (?:plus|and|with|\+) ([\w-]+)")


def _add_spacing_aliases(arms: list[ArmDraft]) -> None:
    """ "HDMP+Dx" is also "HDMP + Dx", and "GRN + Dx" also "GRN+Dx": texts space a regimen's "+" either way."""
    for arm in arms:
        for alias in [a for a in arm.aliases if a and "+" in a]:
            for variant in (_JOINED.sub(r"\1", alias), _JOINED.sub(r" \1 ", alias)):
                if variant not in arm.aliases:
                    arm.aliases.append(variant)


def _labelled_arms(title: str | None, sentences: list[str], text: str, named: NamedGroups) -> list[Candidate]:
    """ "Arm A", "cohorts 1A and 1B", "group B"."""
    out: list[Candidate] = []
    for sentence in sentences:
        if "rm" not in sentence and "roup" not in sentence and "ohort" not in sentence:
            continue  # _LABELLED needs one of them: skip the search of the sentence
        for m in _LABELLED.finditer(sentence):
            kind = _singular(m.group("kind"))
            if kind[0].isupper() and not _capitalised_inside(text, kind):
                kind = kind.lower()  # capitalised only at the start of a sentence
            labels = _split_labels(m.group("labels"))
            for lab in labels:
                label = f"{kind} {lab}"
                n_m = _N_AFTER.match(sentence[m.end(): m.end() + 30]) if len(labels) == 1 else None
                out.append((label, [label, f"{kind.lower()} {lab}", f"{lab} {kind.lower()}"],
                            int(n_m.group("n")) if n_m else None, _labelled_defining_text(sentence, m.start(), m.end())))
    return out


@lru_cache(maxsize=64)
def _capitalised_inside(text: str, kind: str) -> bool:
    """Whether the text writes a kind capitalised after a sentence's start ("… in Arm B"); asked once per kind."""
    return re.search(rf"[a-z,;(]\s*{kind}s?\s+[A-Z0-9]", text) is not None


def _counted_regimen_arms(title: str | None, sentences: list[str], text: str, named: NamedGroups) -> list[Candidate]:
    """Drug combinations each followed by their patient count: "tobemstomig (...; n= 40)"."""
    return [(label, [label], n, label) for sentence in sentences for label, n in _counted_regimens(sentence)]


def _paired_count_arms(title: str | None, sentences: list[str], text: str, named: NamedGroups) -> list[Candidate]:
    """Abbreviated arms with their counts: "63 TE and 62 TEL patients", "32 receiving PCR and 33 PCR-B",
    "56 patients received ILF and 58 ELF",
    "422 patients (GCa, n = 212; MIC, n = 210)"."""
    for sentence in sentences:
        paired = _PAIRED_COUNTS.search(sentence) if _SECOND_COUNT.search(sentence) else None
        if paired and paired.group("bare") and not _COUNTS_THE_ARMS.search(sentence):
            paired = None  # "(4 in ECT, 10 in CBT": a count of the arms' patients only where they were randomised
        if paired and paired.group("a") != paired.group("b"):
            a, b = paired.group("a"), paired.group("b")
            return [(a, [a], int(paired.group("n1")), a), (b, [b], int(paired.group("n2")), b)]
        for bracket in _COUNTED_LABELS.finditer(sentence) if "=" in sentence else ():
            items = [(m.group("a"), int(m.group("n"))) for m in _COUNTED_LABEL.finditer(bracket.group(0))]
            if len({a for a, _ in items}) >= 2:
                return [(a, [a], n, a) for a, n in items]
    return []


_COUNTED_NAME_ITEM = r"[A-Za-z][\w+/-]*(?:\s[\w+/-]+){0,2}?[:,]?\s*[nN]\s*=\s*\d+\s*"
#: "(standard n=592, TEQ-10 n=602, TEQ-20 n=591)", "(collaborative: n = 72; individualistic: n = 74)": names and counts.
_COUNTED_NAMES = quick(rf"\((?:{_COUNTED_NAME_ITEM}[;,]\s*)+{_COUNTED_NAME_ITEM}\)")
_NAME_AND_COUNT = quick(r"(?:^|[;,]\s*)(?P<a>[A-Za-z][\w+/-]*(?:\s[\w+/-]+){0,2}?)[:,]?\s*[nN]\s*=\s*(?P<n>\d+)")
#: Who a count list counts, in the words before its bracket: "1785 were randomised (…)", "35 patients were evaluated (…)".
_COUNTED_WHO = quick(r"\b(?:randomi[sz]ed|randomly|assigned|allocated|evaluated|analy[sz]ed|completed|enrolled|included)\b[^.;()]{0,40}$",
                     re.IGNORECASE)


def _counted_name_arms(title: str | None, sentences: list[str], text: str, named: NamedGroups) -> list[Candidate]:
    """Arms listed with their counts in one bracket after the randomised or evaluated patients: "1785 were randomised
    (standard n=592, TEQ-10 n=602, TEQ-20 n=591)", "Thirty-five patients were evaluated (active n = 18, placebo n = 17)";
    not a list of centres ("three study centers (Bremen, n = 73; Hamburg, n = 200)")."""
    for sentence in sentences:
        for bracket in _COUNTED_NAMES.finditer(sentence) if "=" in sentence else ():
            if not _COUNTED_WHO.search(sentence, max(0, bracket.start() - 80), bracket.start()):
                continue
            items = [(m.group("a"), int(m.group("n"))) for m in _NAME_AND_COUNT.finditer(bracket.group(0)[1:-1])]
            if len({a.lower() for a, _ in items}) == len(items) >= 2:
                return [(a, [a], n, a) for a, n in items]
    return []


def _bracketed_group_arms(title: str | None, sentences: list[str], text: str, named: NamedGroups) -> list[Candidate]:
    """Groups named in brackets with their abbreviation: "39 of which received Se [selenium group, SeG]"."""
    out = [(label, [label, alias], size, alias) for sentence in sentences for label, alias, size in _bracketed_groups(sentence)]
    return out if len({label.lower() for label, *_ in out}) >= 2 else []


def _named_group_arms(title: str | None, sentences: list[str], text: str, named: NamedGroups) -> list[Candidate]:
    """Groups the text names ("the XELIRI arm", "control group"): how results refer to arms."""
    strong = [name for name in named if name not in named.weak]
    return _one_control([(name, [name, named[name][0]], named[name][1], named[name][2]) for name in strong]) \
        if len(strong) >= 2 else []


_CARE_AS_USUAL = quick(r"\b(?:usual|standard|routine|conventional)\b", re.IGNORECASE)


def _one_control(candidates: list[Candidate]) -> list[Candidate]:
    """ "assigned to intervention (29) or standard care (27) groups … the control group": the bare "control" is the
    one comparator named otherwise, not an arm of its own."""
    bare = next((c for c in candidates if c[0].lower() == "control"), None)
    others = [c for c in candidates if c is not bare and _CARE_AS_USUAL.search(c[0])]  # not "placebo": a third arm
    if bare is None or len(others) != 1 or len(candidates) < 3:
        return candidates
    others[0][1].extend(bare[1])
    return [c for c in candidates if c is not bare]


def _weakly_named_group_arms(title: str | None, sentences: list[str], text: str, named: NamedGroups) -> list[Candidate]:
    """Groups named where no other shape found arms, with the names found only at a sentence's start ("The
    writing group wrote …; The control group received …") and the generic ones ("the intervention group")."""
    if len(named) < 2 or not named.weak or not any(CONTROL_LABEL.search(name) for name in named):
        return []  # "a multimodal group exercise intervention" beside "the intervention group": no control, no arms
    generic = [name for name in named if _GENERIC_NAMED.fullmatch(name)]
    out = [(name, [name, phrase], count, sentence) for name, (phrase, count, sentence) in named.items()
           if name not in generic[1:]]
    for name in generic[1:]:  # "the intervention group" and "the treatment group" are one arm
        next(c for c in out if c[0] == generic[0])[1].extend([name, named[name][0]])
    return _one_control(out)


def _comparison_arms(title: str | None, sentences: list[str], text: str, named: NamedGroups) -> list[Candidate]:
    """ "randomised to X or Y", then "X (AT) versus Y (AC)", then the other shapes of the body; last, where the body names
    no arms, "X versus Y" in the title."""
    return [(label, [label], count, defining)
            for label, count, defining in _randomised_to(sentences) or _abbreviated_pair(sentences)
            or _compared_pair(sentences) or _trial_of_one_with_or_without(sentences) or _trial_of_pair(sentences)
            or _received_with_counts(sentences) or _received_or_placebo(sentences) or _counts_received(sentences)
            or _list_then_control(sentences) or _title_versus(title)]


def _described_arms(title: str | None, sentences: list[str], text: str, named: NamedGroups) -> list[Candidate]:
    """The last resort: "randomised to either A or B described at length" (``_either_described``)."""
    return [(label, [label], count, defining) for label, count, defining in _either_described(sentences)]


#: A treatment's name as results compare it: up to five words ("surgery involving neuronavigation", "FU24h + LV").
_COMPARED_NAME = r"[A-Za-z][\w+/-]*(?:\s(?:\+\s)?[A-Za-z0-9][\w+/%-]*){0,4}?"
_COMPARED_VALUE = r"\d[\d.,]*\s?(?:%|months?|weeks?|days?|years?)?(?:\s\([^()]{0,30}\))?"
_COMPARED_ABBR = r"(?:\s\((?P<ax>[A-Za-z][\w+/-]{0,10})\))?"
_VALUE_FOR = (rf"{_COMPARED_VALUE}\s(?P<ap>for|with|in)\s(?:the\s)?(?P<a>{_COMPARED_NAME}){_COMPARED_ABBR}"
              r"(?:(?P<ak>[\s-](?:group|arm)\b)|(?=\s?[,;.)(\[]|\s(?:and|vs\.?|versus|compared|but|while|whereas|respectively|groups?|arms?|"
              r"patients)\b|$))")
_VALUE_FOR_ITEM = quick(_VALUE_FOR)
_VALUE_FOR_BARE = re.sub(r"\(\?P<a\w?>", "(?:", _VALUE_FOR)
#: "28.9% for standard surgery (SS) and 13.8% for surgery involving neuronavigation (SN)", "27.05 months with CAP,
#: 31.5 months with ChOP and 32.95 months with fludarabine", "26.9% in narrow gastric tube group and 48.1% in whole
#: stomach group": each value followed by the treatment it is of ("in" only before "group" or "arm").
_VALUE_FOR_EACH = quick(
    rf"{_VALUE_FOR_BARE}(?:,\s{_VALUE_FOR_BARE})*,?\s(?:and|vs\.?|versus|compared\s(?:with|to)|but)\s(?:only\s)?"
    rf"{_VALUE_FOR_BARE}")
#: "for FU + LV, FU24h, and FU24h + LV, respectively", "for CIS versus TPZ/CIS, respectively", "for RS + WBRT and
#: S + WBRT patients were 6.2 and 2.8 months, respectively": the treatments the values are of, in order.
_RESPECTIVE_TREATMENTS = quick(
    rf"\b(?:for|in|with)\s(?:the\s)?(?P<list>{_COMPARED_NAME}(?:,\s(?:the\s)?{_COMPARED_NAME})*,?\s(?:and|vs\.?|versus)\s"
    rf"(?:the\s)?{_COMPARED_NAME})(?:\s(?:groups|arms|patients))?(?:\s(?:were|was)\s[^;()]{{0,40}}?)?,?\s\(?respectively")
_RESPECTIVE_SEPARATOR = quick(r",\s(?:(?:and|vs\.?|versus)\s)?(?:the\s)?|\s(?:and|vs\.?|versus)\s(?:the\s)?")
#: "in the continuous palonosetron infusion group than the single-injection palonosetron group": two named groups.
_GROUP_THAN_GROUP = quick(
    rf"\bin\sthe\s(?P<a>{_COMPARED_NAME})\s(?:group|arm)\s(?:than|compared\s(?:with|to)|versus|vs\.?)\s(?:in\s)?"
    rf"(?:the\s)?(?P<b>{_COMPARED_NAME})\s(?:group|arm)\b")
_WHO_GOT = (r"(?:(?:patients|those|participants|subjects|women|men|children)\s(?:who\s(?:were\s)?)?)?(?:treated\swith|receiving|"
            r"received|given|randomi[sz]ed\sto)\s(?:an?\s|the\s)?")
_GOT_END = (r"(?=\s?[,;.)(]|\s(?:and|than|compared|versus|vs\.?|had|have|was|were|in|at|for|who|alone|only|would|will|may|could|"
            r"did|[a-z]+ed|[a-z]+s)\b)")
#: "patients receiving SIR-Spheres in comparison to patients receiving HAC alone", "Sixty-nine percent of patients
#: receiving IFN-β and 67% receiving placebo": what each of two groups of patients received.
_THOSE_WHO_GOT = quick(
    rf"\b(?:patients|those|participants|subjects|women|men|children)\s(?:who\s(?:were\s)?)?(?:treated\swith|receiving|"
    rf"received|given|randomi[sz]ed\sto)\s(?:an?\s|the\s)?(?P<a>{_COMPARED_NAME}){_GOT_END}[^.;]{{0,150}}?\b(?:than|compared\s(?:with|to)|"
    rf"versus|vs\.?|and|in\scomparison\sto)\s(?:in\s)?(?:\d[\d.]*\s?%\s)?{_WHO_GOT}(?P<b>{_COMPARED_NAME}){_GOT_END}")
#: "more bothersome for SNAD compared with SNR patients at 6 months (mean, 4.8 v 3.0", "with CIS versus TPZ/CIS (60% vs 70%":
#: two treatments compared right before a bracket that compares their values.
_PAIR_THEN_VALUES = quick(
    rf"\b(?:for|with|of|in|between|on|after)\s(?:the\s)?(?P<a>{_COMPARED_NAME})\s(?:compared\s(?:with|to)|versus|vs\.?|v\.?)\s"
    rf"(?:the\s)?(?P<b>{_COMPARED_NAME})(?:\s(?:patients|groups?|arms?))?(?:\s(?:at|in|on|after|during)\s[^()]{{1,20}}?)?"
    rf"\s\([^()]{{0,30}}?\d[^()]{{0,30}}?\s(?:vs\.?|versus|v\.?)\s")
#: Words that name a subgroup, a time, a measure or everyone, not a treatment: "men versus women", "responders",
#: "PD-L1-positive tumours", "weeks 4 and 12", "all participants".
_NOT_A_TREATMENT = quick(
    r"\b(?:men|women|males?|females?|boys|girls|(?:non-?)?responders?|positive|negative|high|low|older|younger|age[ds]?|"
    r"years?|months?|weeks?|days?|hours?|baseline|cycles?|stages?|grades?|all|both|each|overall|total|entire|"
    r"trials?|study|studies|participants|subgroups?|tumou?rs?|lesions?|scores?|scales?|rates?|risk|visits?|"
    r"point|time|follow-up|mutant|mutated|wild-type|expressing|expression|the|first|second|third|"
    r"with|without|who|had|were|was|is|are|ITT|m?ITT|PP|intention|intent|per-protocol|protocol|analys[ie]s|population|"
    r"evaluable|sets?|HR|OR|RR|CI|SD|SE|IQR|range|mean|median|P)\b", re.IGNORECASE)


def _treatment_compared(name: str, text: str, grouped: bool = False) -> bool:
    """Whether a name that results compare is a treatment's: a drug, a non-drug intervention, a short abbreviation
    (``_treatment_like``), a control ("placebo", "usual care") or any name the text calls a group or arm (``grouped``); and no word of a subgroup, time or
    measure, no outcome ("OS and PFS"), no trial ("the National Lung Screening Trial (NLST)")."""
    if _NOT_A_TREATMENT.search(name) or find_mentions(name) or _names_a_trial(name, text) or name.lower() in _NOT_A_NAME:
        return False
    return grouped or _treatment_like(name) or bool(find_non_drugs(name)) or CONTROL_LABEL.search(name) is not None


def _names_a_trial(name: str, text: str) -> bool:
    """Whether the text calls the name a trial's or study's: "Screening Trial (NLST)", "the CLL90 trial"."""
    return re.search(rf"\b(?:trial|study)\s*\(\s*{re.escape(name)}\s*\)|\b{re.escape(name)}\s+(?:trial|study)\b", text,
                     re.IGNORECASE) is not None


def _values_for_each(sentence: str, text: str) -> list[tuple[str, str | None]]:
    """(name, abbreviation) of the treatments of "X% for A (AB) and Y% for B (BC)", "X with A, Y with B and Z with C"."""
    m = _VALUE_FOR_EACH.search(sentence) if " for " in sentence or " with " in sentence or " in " in sentence else None
    items = [*_VALUE_FOR_ITEM.finditer(m.group())] if m else []
    if not all((item.group("ap") != "in" or item.group("ak")) and _treatment_compared(item.group("a"), text, bool(item.group("ak")))
               for item in items):
        return []  # "in" names a subgroup unless a group or arm follows: "12% in women"
    return [(item.group("a"), item.group("ax")) for item in items]


def _respective_treatments(sentence: str, text: str) -> list[tuple[str, str | None]]:
    """The treatments of "… for A, B and C, respectively", when each is one (``_treatment_compared``)."""
    m = _RESPECTIVE_TREATMENTS.search(sentence) if "respectively" in sentence else None
    names = _RESPECTIVE_SEPARATOR.split(m.group("list")) if m else []
    if len(names) < 2 or not all(_treatment_compared(name, text) for name in names):
        return []
    return [(name, None) for name in names]


def _group_than_group(sentence: str, text: str) -> list[tuple[str, str | None]]:
    """The two groups of "lower in the A group than the B group", "in the A arm compared with the B arm"."""
    m = _GROUP_THAN_GROUP.search(sentence) if "in the " in sentence else None
    if m is None or not all(_treatment_compared(m.group(g), text, grouped=True) for g in "ab"):
        return []
    return [(m.group("a"), None), (m.group("b"), None)]


def _those_who_got(sentence: str, text: str) -> list[tuple[str, str | None]]:
    """What two groups of patients received: "patients receiving A … than those receiving B"."""
    m = _THOSE_WHO_GOT.search(sentence) if "receiv" in sentence or "treated" in sentence or "given" in sentence else None
    if m is None or not all(_treatment_compared(m.group(g), text) for g in "ab"):
        return []
    return [(m.group("a"), None), (m.group("b"), None)]


def _pair_then_values(sentence: str, text: str) -> list[tuple[str, str | None]]:
    """The two treatments of "for A compared with B patients (4.8 v 3.0", "A versus B (12 vs 8 months"."""
    m = _PAIR_THEN_VALUES.search(sentence) if " v" in sentence or "compared" in sentence else None
    if m is None or not all(_treatment_compared(m.group(g), text) for g in "ab"):
        return []
    return [(m.group("a"), None), (m.group("b"), None)]


def _results_compared_arms(title: str | None, sentences: list[str], text: str, named: NamedGroups) -> list[Candidate]:
    """Where no other shape names two arms of a randomised trial, the treatments its results compare, from the first
    sentence that compares two or more ("28.9% for standard surgery (SS) and 13.8% for …", "for A, B and C,
    respectively"); an abbreviation given there is an alias."""
    if not any(says_randomised(s) for s in sentences):
        return []
    for sentence in sentences:
        found = _values_for_each(sentence, text) or _respective_treatments(sentence, text) or \
            _group_than_group(sentence, text) or _those_who_got(sentence, text) or _pair_then_values(sentence, text)
        if len({name.lower() for name, _ in found}) == len(found) >= 2 and all(tidy_label(name) for name, _ in found):
            found = [(_TREATED_TAIL.sub("", name), abbr) for name, abbr in found]
            return [] if _control_left_out([name for name, _ in found], text) else \
                [(name, [abbr] if abbr else [], None, name) for name, abbr in found]
    return []


#: "olanzapine treated", "erlotinib-treated": the treatment's name is what comes before.
_TREATED_TAIL = quick(r"[\s-](?:treated|based|containing)$", re.IGNORECASE)
#: A control arm the text speaks of: "placebo", "the control group", "(control)".
_SPOKEN_CONTROL = quick(r"placebo|\bcontrol\s+(?:group|arm)|\(control\)", re.IGNORECASE)


def _control_left_out(names: list[str], text: str) -> bool:
    """Whether the text speaks of a control arm (placebo, "the control group") that none of the compared names is:
    the comparison leaves an arm out ("for LDX and OROS-MPH, respectively" in a placebo-controlled trial)."""
    return _SPOKEN_CONTROL.search(text) is not None and not any(CONTROL_LABEL.search(name) for name in names)


#: How arms are named, most explicit first; the first shape that finds arms names them.
_ARM_SHAPES: tuple[Shape, ...] = (_labelled_arms, _counted_regimen_arms, _paired_count_arms, _bracketed_group_arms,
                                  _named_group_arms, _comparison_arms, _counted_name_arms, _weakly_named_group_arms,
                                  _described_arms)


def arms_compared_in_results(title: str | None, sentences: list[str], glossary: str = "") -> list[ArmDraft]:
    """The arms of a randomised trial as its results compare them (``_results_compared_arms``): the last source, for a
    trial whose methods name fewer than two arms. The shape is read once first: most such trials (single-arm ones)
    compare nothing, and need not go through the rest of ``find_arms``."""
    if len(_results_compared_arms(title, sentences, " ".join(sentences), NamedGroups())) < 2:
        return []
    return find_arms(title, sentences, glossary, (_results_compared_arms,))


def _add_generic_aliases(arms: list[ArmDraft], named: NamedGroups) -> None:
    """ "the intervention group", "the treatment arm": in a trial of two arms, one of them a comparator
    ("exercise" and "usual care"), the generic names the text uses are the other arm's."""
    generic = [phrase for name, (phrase, *_) in named.items() if _GENERIC_NAMED.fullmatch(name)]
    if len(arms) != 2 or not generic:
        return
    controls = [a for a in arms if any(CONTROL_LABEL.search(alias) for alias in [a.label or "", *a.aliases])]
    if len(controls) != 1:
        return
    other = next(a for a in arms if a is not controls[0])
    taken = {alias.lower() for a in arms for alias in a.aliases if alias}
    other.aliases.extend(p for p in generic if p.lower() not in taken)


def _named_groups_as_aliases(arms: list[ArmDraft], named: NamedGroups) -> None:
    """Named groups that are another name of a known arm become its aliases."""
    for name, (phrase, count, _) in named.items():
        owner = next((a for a in arms if any(_akin(name, al) for al in a.aliases)), None)
        if owner is not None:
            for alias in (name, phrase):
                if alias not in owner.aliases:
                    owner.aliases.append(alias)
            owner.n = owner.n or count


def _per_arm_counts(sentences: list[str], by_key: dict[str, ArmDraft], low: str) -> None:
    """ "40, 38 and 41 patients were enrolled in arms A, B and C, respectively" (``low``: the sentences joined, lowercased)."""
    if "respectively" not in low:
        return  # every match ends in it, and few texts have it
    for sentence in sentences:
        per_arm = _PER_ARM_COUNTS.search(sentence) if "respectively" in sentence.lower() else None
        if not per_arm:
            continue
        counts = [int(x) for x in re.findall(r"\d+", per_arm.group("counts"))]
        labels = [f"{_singular(per_arm.group('kind')).lower()} {x}" for x in _split_labels(per_arm.group("labels"))]
        if len(counts) != len(labels):
            continue
        for count, label in zip(counts, labels, strict=True):
            arm = by_key.get(label.lower())
            if arm is not None:
                arm.n = arm.n or count


#: One size for every arm, in a sentence of allocation: "132 patients were enrolled, 66 per arm", "(59 per arm) were
#: randomly assigned", "30 in each group", "Seventy-six patients were randomly assigned to each study arm"; not a range's
#: end ("n = 15 to 17 per group").
_EACH_ARM_SIZE = quick(rf"(?<![\w.,·–-])(?<!\bto )(?P<n>\d+|{WORD_NUMBER})\s+(?:(?:patients|participants|subjects|women|men|children)\s+)?"
                       r"(?:(?:were\s+)?(?:randomly\s+)?(?:randomi[sz]ed|assigned|allocated)\s+(?:in)?to\s+each|per|in\s+each|"
                       r"for\s+each|to\s+each)\s+(?:(?:treatment|study)\s+)?(?:arm|group)\b", re.IGNORECASE)
#: A sentence that allocates patients (not one that plans a sample, counts events or analyses).
_ALLOCATES = quick(r"\b(?:randomi[sz]ed|randomly|assigned|allocated|enrolled|divided)\b", re.IGNORECASE)
_NOT_ALLOCATION = quick(r"\b(?:needed|required|planned|sample size|power|would|detect|evaluated|analy[sz]ed|completed|"
                        r"excluded|withdr\w+|lost)\b", re.IGNORECASE)


def _equal_sizes(arms: list[ArmDraft], sentences: list[str]) -> None:
    """Every arm's size where a sentence of allocation gives one size for each arm and no arm has its own."""
    if any(arm.n is not None for arm in arms):
        return
    for sentence in sentences:
        m = _EACH_ARM_SIZE.search(sentence) if " each " in sentence or " per " in sentence else None
        if m and _ALLOCATES.search(sentence) and not _NOT_ALLOCATION.search(sentence):
            n = word_to_int(m.group("n"))
            for arm in arms:
                arm.n = n
            return


def _presented_only(arms: list[ArmDraft], text: str, low: str) -> list[ArmDraft]:
    """ "In arm A1, presented here": the document reports one arm of a larger trial (``low``: the text lowercased)."""
    # A substring test first ("ed here" ends each phrase): the case-insensitive search of the whole text was
    # slow, and rarely finds anything.
    if "ed here" not in low or not re.search(r"(?:presented|reported|described) here", text, re.IGNORECASE):
        return arms
    presented = [a for a in arms if a.label and re.search(
        rf"\b{re.escape(a.label)},?\s+(?:presented|reported|described) here", text, re.IGNORECASE)]
    for arm in presented:
        arm.presented = True
    return presented or arms


def _defined_by_the_randomisation(arms: list[ArmDraft], sentences: list[str]) -> None:
    """Arms known only by their names ("the laparoscopic group", "the open group") take the words the
    randomisation defines them with: "randomly assigned to laparoscopic (n = 83) or open (n = 85) resection"."""
    bare = [a for a in arms if a.label and a.defining_text in ("", a.label)]
    if len(bare) < 2:
        return
    for label, _, defining in _randomised_to(sentences):
        arm = next((a for a in bare if _same(a.label or "", label)), None)
        if arm is not None and any(" " in str(i["name"]) or i["type"] != "procedure" for i in interventions_in(defining)):
            arm.defining_text = defining  # not when they name a bare "reconstruction" ("B-I reconstruction")


def _give_interventions(arms: list[ArmDraft], glossary: str) -> None:
    """Each arm's interventions from the words that define it, or from its letters ("TEL": docetaxel,
    epirubicin, lobaplatin)."""
    letters: dict[str, str] | None = None  # found when an arm first needs them: few do
    for arm in arms:
        arm.interventions = interventions_in(_intervention_text(arm, [a.label for a in arms if a.label and a is not arm]))
        if not arm.interventions and arm.label and len(arms) >= 2:
            letters = _drug_abbreviations(glossary) if letters is None else letters
            if letters:
                arm.interventions = interventions_in(" ".join(_spelled_out(arm.label, letters)))
        if not arm.interventions and arm.label and len(arms) >= 2:
            arm.interventions = _defined_interventions(arm.label, glossary)
        if not arm.interventions and arm.label and len(arms) >= 2:
            arm.interventions = _named_by_its_modifier(arm.label, glossary)


#: What a group got: "an intervention group that participated in a resistance exercise program", "the experimental
#: group receiving live music therapy sessions", "a supervised group that used the app", "The intervention was a
#: multimedia, multimodal exercise program". After the label: the group's verb, or what it was.
_GROUP_VERB = (r"(?:group|arm)\s+(?:(?:that|who|which)\s+)?(?:participated\s+in|received|receiving|underwent|undergoing|"
               r"attended|performed|completed|used|was\s+given|were\s+given)")
_WAS_VERB = r"(?:was|consisted\s+of|comprised|included)"
_GROUP_GOT = (r"\b{label}\s+" + _GROUP_VERB + r"\s+(?P<got>[^.;()]+)|\bthe\s+{label}\s+" + _WAS_VERB + r"\s+(?P<was>[^.;()]+)")
#: What must follow the label where ``_GROUP_GOT`` matches, searched in the lowercased text (``_may_say_what_it_got``).
_AFTER_THE_LABEL = folded(r"\s+(?:" + _GROUP_VERB + "|" + _WAS_VERB + r")\s+[^.;()]")
#: The letters beyond ASCII that ``re`` matches case-insensitively to an ASCII one ("\u212a", the kelvin sign, to "k"):
#: where a text holds one, its lowercased form may lack what ``re`` finds in it.
_FOLDS_TO_ASCII = "\u0130\u0131\u017f\u212a"


def what_empty_arms_got(arms: list[ArmDraft], text: str) -> None:
    """Arms other than a control given nothing yet ("intervention", "supervised") get the interventions the text says
    the group got, in the words that follow (a last resort: the trial's aim names them first)."""
    for arm in arms:
        if not arm.interventions and arm.label and not CONTROL_LABEL.search(arm.label):
            arm.interventions = _what_the_group_got(arm.label, text)


def _what_the_group_got(label: str, text: str) -> list[dict[str, str | None]]:
    if not _may_say_what_it_got(label, text):
        return []  # the label's own pattern is compiled only where it may match (a compile costs ~1 ms)
    pattern = quick(_GROUP_GOT.format(label=re.escape(label)), re.IGNORECASE)
    for m in pattern.finditer(text):
        found = interventions_in(m.group("got") or m.group("was"))
        if found:
            return found
    return []


def _may_say_what_it_got(label: str, text: str) -> bool:
    """Whether ``_GROUP_GOT`` may match ``text`` for ``label``: somewhere the label is followed by one of its verbs
    ("intervention group that participated in", "intervention was"), read in the lowercased text. An ASCII label in a
    text without a letter that ``re`` folds onto ASCII is matched there as ``re`` matches it; any other may match."""
    if not label.isascii() or any(c in text for c in _FOLDS_TO_ASCII):
        return True
    low, wanted = text.lower(), label.lower()
    at = low.find(wanted)
    while at >= 0:
        if _AFTER_THE_LABEL.match(low, at + len(wanted)):
            return True
        at = low.find(wanted, at + 1)
    return False

#: A radiation dose or fractionation, all an arm of a dose trial is known by: "70-Gy", "30 Gy in 10 fractions",
#: "hypofractionated", "conventional".
_DOSE_ARM = quick(r"\d\s*-?\s*Gy\b|fraction|^(?:conventional|standard|accelerated|(?:arm|group)\s+\w+)$", re.IGNORECASE)
_GRAY = quick(r"\d\s*-?\s*Gy\b")


def _radiation_of_dose_arms(arms: list[ArmDraft], glossary: str) -> None:
    """The arms of a radiation dose trial ("70 versus 78 Gy", "17 Gy per two fractions ... 50 Gy per 25 fractions"),
    known by their dose and given nothing, each get the radiation the text names, by its head word ("radiotherapy"
    of "hypofractionated thoracic radiotherapy": the arms differ in what the other words say)."""
    if len(arms) < 2 or any(a.interventions or not _DOSE_ARM.search(a.label or "") for a in arms) \
            or not _GRAY.search(glossary):
        return
    radiation = next((n for n in find_non_drugs(glossary) if n.type == "radiation"), None)
    if radiation:
        for arm in arms:
            arm.interventions = [{"name": head_of(radiation), "type": "radiation", "target": None, "dose": None,
                                  "schedule": None}]


def _named_by_its_modifier(label: str, glossary: str) -> list[dict[str, str | None]]:
    """An arm labelled by a word that says which treatment ("supportive-expressive", "transthoracic") gets the
    non-drug intervention the text names with it."""
    found = named_by_modifier(glossary, label)
    return [{"name": found.name, "type": found.type, "target": None, "dose": None, "schedule": None}] if found else []


#: An arm's label that may be an abbreviation the text defines: "B-I", "BT", "SNBM", "CBT/PE".
_ABBREVIATED_LABEL = quick(r"[A-Za-z0-9/+-]*[A-Z][A-Za-z0-9/+-]*")
_WORD_AFTER_BRACKET = quick(r"\s*[A-Za-z][\w-]*")


def _defined_interventions(label: str, glossary: str) -> list[dict[str, str | None]]:
    """The interventions of the words an arm's abbreviation stands for, with the head word after its bracket:
    "Billroth-I (B-I) reconstruction" for "B-I", "brachytherapy (BT)" for "BT"; [] when they name none."""
    if not _ABBREVIATED_LABEL.fullmatch(label):
        return []
    defined = next((f"({a})" for a in (label, f"{label}s") if f"({a})" in glossary), "")  # "(ERPs)" for "ERP"
    long_form = expansion(defined[1:-1], glossary) if defined else None
    if not long_form or " of " in long_form:
        return []  # "interposition of jejunum reconstruction (INT)": no head names it; the arm's name will
    at = glossary.find(defined)
    start = glossary.rfind(long_form.split()[0], max(0, at - 160), at)  # "uracil/tegafur" is "uracil tegafur"
    if start < 0:
        return []
    end = at + len(defined)
    after = _WORD_AFTER_BRACKET.match(glossary, end)
    return interventions_in(glossary[start:after.end() if after else end])


# ---------------------------------------------------------------- regimens named by abbreviation

#: "doxorubicin and docetaxel (AT)", "exemestane (EXE)", "modified-dose EOC plus panitumumab (mEOC+P; ...)".
_ABBREVIATION_DEFINED = quick(r"\((?P<abbr>[A-Za-z][A-Za-z0-9+\-/]{0,10})(?:\s*[;,][^()]*(?:\([^()]*\)[^()]*)*)?\)")
_DRUG_JOIN = quick(r"^(?:\s*(?:,|and|plus|\+|with|combined with|-|/)\s*|\s+)$", re.IGNORECASE)


@lru_cache(maxsize=256)
def regimen_abbreviations(text: str) -> dict[str, frozenset[str]]:
    """Abbreviations the text defines for a regimen: "AT" -> {doxorubicin, docetaxel}.

    The long form is the chain of drug names ending right before the bracket
    ("doxorubicin and docetaxel (AT)"); an abbreviation that is itself a drug name,
    or whose long form names no drug, is not a regimen's.
    """
    out: dict[str, frozenset[str]] = {}
    for m in _ABBREVIATION_DEFINED.finditer(text):
        abbr = m.group("abbr")
        if abbr.islower() or abbr in out or find_drugs(abbr):  # no capital letter
            continue
        window = text[max(0, m.start() - 160):m.start()]  # the long form is right before its bracket
        chain = _drug_chain_before(window, find_drugs(window, code_names=True), len(window))
        if chain and _abbreviates_the_whole(m.group(0), window):
            out[abbr] = frozenset(d.drug.name.lower() for d in chain)
    return out


def _drug_chain_before(text: str, drugs: tuple, end: int) -> list:
    """The drug names joined by "and", "plus", "+", "," that end (doses aside) right before ``end``."""
    before = [d for d in drugs if d.end <= end]
    if not before or not re.fullmatch(r"[\s\d.,/m²2a-zA-Z]{0,25}", text[before[-1].end:end]) \
            or re.search(r"[a-z]{4,}", _DOSE_WORDS.sub("", text[before[-1].end:end])):
        return []
    chain = [before[-1]]
    for d in reversed(before[:-1]):
        if not _DRUG_JOIN.match(_DOSE_WORDS.sub(" ", text[d.end:chain[0].start])):
            break
        chain.insert(0, d)
    return chain


_DOSE_WORDS = quick(r"\s*\(?\d[\d.,·]*\s*(?:mg|g|µg|mcg|iu|u|gy)(?:\s*/\s*(?:m\(?2\)?|m²|kg|d|day))?\)?", re.IGNORECASE)


def _name_by_abbreviation(arms: list[ArmDraft], abbreviations: dict[str, frozenset[str]]) -> None:
    """An arm named by an abbreviation the text defines takes it as its label, its old label
    staying an alias: the abbreviation in its own description ("… panitumumab (mEOC+P; n=278)"),
    its first word ("EXE 25 mg/d"), or the one whose drugs are exactly the arm's
    ("doxorubicin 50 mg/m2 plus docetaxel" is "AT")."""
    for arm in arms:
        if _LABELLED.fullmatch(arm.label or "") or re.fullmatch(r"[\w+/-]*[A-Z][\w+/-]*[A-Z][\w+/-]*", arm.label or ""):
            continue  # "arm A"; "SeG" is already the text's abbreviation of the arm
        own = _ABBREVIATION_DEFINED.search(arm.defining_text or "")
        drugs = frozenset(str(i["name"]).lower() for i in arm.interventions if i["type"] != "other")
        first_word = (arm.label or "").split(" ")[0]
        if own is not None and re.search(r"[A-Z].*[A-Z+]|^[A-Z]{2,}", own.group("abbr")) and not find_drugs(own.group("abbr")) \
                and _abbreviates_the_whole(own.group(0), arm.defining_text[:own.start()]) \
                and not _spells_the_last_words(own.group("abbr"), arm.defining_text[:own.start()]):
            name = own.group("abbr")
        elif first_word in abbreviations:
            name = first_word
        else:
            matching = [abbr for abbr, names in abbreviations.items() if names == drugs]
            name = matching[0] if len(matching) == 1 and drugs else None
        if name and name != arm.label and all(other.label != name for other in arms):
            arm.aliases.insert(0, name)  # never two arms of one name: "IFNalpha2a alone" stays as it is
            arm.label = name
            if not arm.interventions and name in abbreviations:
                arm.interventions = _drugs_named(abbreviations[name])


def _regimens_as_defined(arms: list[ArmDraft], abbreviations: dict[str, frozenset[str]]) -> None:
    """An arm labelled by a regimen the text defines gets that regimen's drugs: "pentostatin, cyclophosphamide
    and rituximab (PCR) either without or with bevacizumab (PCR-B)" gives PCR its three drugs (its
    description goes on to bevacizumab, which is not PCR's), and PCR-B those three besides bevacizumab."""
    for arm in arms:
        label = arm.label or ""
        if not _REGIMEN_LABEL.fullmatch(label):
            continue
        defined_as = abbreviations.get(label, frozenset())
        base = re.match(r"(.+?)[-+/]\w{1,4}$", label)
        if defined_as and _not_the_regimens_drugs(arm, defined_as):
            defined = _drugs_named(defined_as)
            if len(defined) >= 2 and all(i["type"] != "other" for i in defined):
                arm.interventions = defined  # the description's drugs were another arm's
        elif base and base.group(1) in abbreviations:  # "PCR-B": PCR's drugs, and what the text defines PCR-B with
            have = {str(i["name"]).lower() for i in arm.interventions}
            arm.interventions = arm.interventions + [i for i in _drugs_named(abbreviations[base.group(1)] | defined_as)
                                                     if str(i["name"]).lower() not in have]


def _not_the_regimens_drugs(arm: ArmDraft, defined_as: frozenset[str]) -> bool:
    """An arm with no drugs and a label that spells its regimen's ("PCR": pentostatin, C…, R…), or with
    drugs none of which is the regimen's."""
    if not arm.interventions:
        return sorted((arm.label or "").upper()) == sorted(name[0].upper() for name in defined_as)
    have = _canonical_drugs(str(i["name"]) for i in arm.interventions)
    return bool(have) and have.isdisjoint(_canonical_drugs(defined_as))


def chemotherapy_by_its_drugs(arms: list[list[dict[str, str | None]]]) -> None:
    """A trial that names its chemotherapy drugs lists them, not "chemotherapy" too: "chemotherapy ± X ...
    chemotherapy was cisplatin and pemetrexed" is cisplatin, pemetrexed and X."""
    if any(cytotoxic(m.drug) for given in arms for i in given for m in find_drugs(str(i["name"]), code_names=True)):
        for given in arms:
            given[:] = [i for i in given if str(i["name"]).lower() != "chemotherapy"]


def _canonical_drugs(names: Iterable[str]) -> set[str]:
    return {m.drug.name.lower() for name in names for m in find_drugs(name, code_names=True)}


def named_already(intervention: dict[str, str | None], given: Iterable[dict[str, str | None]]) -> bool:
    """Whether ``intervention`` is one of ``given``, by name or, for a drug named alone, by the lexicon's
    name for it: the title's "5-fluorouracil" is the arm's "5-FU", "IL-2" is "interleukin-2"."""
    names = [str(i["name"]) for i in given]
    name = str(intervention["name"])
    if name.lower() in {n.lower() for n in names}:
        return True
    drugs = find_drugs(name, code_names=True)
    return len(drugs) == 1 and drugs[0].text == name and drugs[0].drug.name.lower() in _canonical_drugs(names)


def _regimen_drugs(intervention: dict[str, str | None]) -> frozenset[str]:
    """The drugs of a regimen the lexicon knows ("XELIRI": capecitabine, irinotecan); empty for any other name."""
    drugs = find_drugs(str(intervention["name"]), code_names=True)
    return frozenset(c.lower() for c in regimen_components(drugs[0].drug.name)) if len(drugs) == 1 else frozenset()


def another_regimen(intervention: dict[str, str | None], given: Iterable[dict[str, str | None]]) -> bool:
    """Whether a regimen the text gives every arm is another than this arm's: the arm names some of its drugs,
    not all ("irinotecan, capecitabine, bevacizumab" is not FOLFIRI, of irinotecan, leucovorin and 5-FU)."""
    parts = _regimen_drugs(intervention)
    have = _canonical_drugs(str(i["name"]) for i in given)
    return bool(parts & have) and not parts <= have


def regimens_over_their_drugs(arms: list[list[dict[str, str | None]]]) -> None:
    """An arm that names a regimen and each of its drugs lists the regimen, not its drugs too: "irinotecan,
    capecitabine, bevacizumab …; XELIRI-bevacizumab" is XELIRI and bevacizumab."""
    for given in arms:
        have = _canonical_drugs(str(i["name"]) for i in given)
        covered = {d for i in given if (parts := _regimen_drugs(i)) and parts <= have for d in parts}
        if covered:
            given[:] = [i for i in given if _regimen_drugs(i) or not _a_drug_of(i, covered)]


def _a_drug_of(intervention: dict[str, str | None], drugs: set[str]) -> bool:
    named = _canonical_drugs([str(intervention["name"])])
    return bool(named) and named <= drugs


def _drugs_named(names: Iterable[str]) -> list[dict[str, str | None]]:
    """The interventions of a set of drug names, in name order."""
    return interventions_in(" and ".join(sorted(names)))


_REGIMEN_LABEL = quick(r"[A-Za-z0-9+/-]*[A-Z][A-Za-z0-9+/-]*[A-Z][A-Za-z0-9+/-]*")
#: Words capitalised as in a title, joined by hyphens: "Artemether-Lumefantrine" (two capitals, yet no regimen's name).
_TITLE_CASED_WORDS = quick(r"[A-Z][a-z]{2,}(?:-[A-Z][a-z]{2,})+")


def _regimen_name(label: str) -> bool:
    """Whether an arm's label is a regimen's name ("FOLFOX4", "PB+G", "KA/VE"), which a text's abbreviation does not
    replace; drug names capitalised as in a title ("Artemether-Lumefantrine") are not one: the abbreviation the text
    defines for them ("AL") names the arm as its results do."""
    return bool(_REGIMEN_LABEL.fullmatch(label)) and not _TITLE_CASED_WORDS.fullmatch(label)


#: "compared exemestane (EXE) with megestrol acetate (MA)", "AT versus AC".
_PAIR_JOIN = quick(r"^\s*(?:,\s*)?(?:versus|vs\.?|v\.?|with|or|and|compared (?:with|to)|to)\s+(?:the\s+)?(?:combination\s+of\s+)?",
                        re.IGNORECASE)


def _abbreviated_pair(sentences: list[str]) -> list[tuple[str, int | None, str]]:
    """Two regimens defined by abbreviation and joined by "versus", "with" or "or" in one sentence."""
    for sentence in sentences:
        if sentence.count("(") < 2:
            continue
        found = regimen_abbreviations(sentence)
        if len(found) < 2:
            continue
        spots = [(m.start(), m.end(), m.group("abbr")) for m in _ABBREVIATION_DEFINED.finditer(sentence)
                 if m.group("abbr") in found]
        for (s1, e1, a1), (s2, _, a2) in pairwise(spots):
            chain = _drug_chain_before(sentence, find_drugs(sentence, code_names=True), s2)
            if chain and _PAIR_JOIN.match(sentence[e1:chain[0].start]):
                return [(a1, None, _long_form(sentence, s1)), (a2, None, sentence[chain[0].start:s2])]
    return []


#: "to compare the efficacy and safety of dalteparin, a LMWH, versus vitamin K antagonist (VKA) for ...",
#: "compared docetaxel with vinorelbine in": the two sides of a comparison the design sentence states.
_COMPARED_PAIR = quick(
    r"\bcompar(?:e|ed|ing)\s+(?:the\s+(?:efficacy|safety|effects?|effectiveness|outcomes?|toxicity|tolerability)"
    r"(?:\s+and\s+(?:safety|tolerability|efficacy|toxicity))?\s+of\s+)?(?P<a>[^,;:]{3,60}?)(?:,\s+[^,;:]{1,30},)?"
    r"\s+(?:versus|vs\.?|with|to)\s+(?P<b>[^,;:.]{3,60}?)(?=\s*(?:,|;|\.|$|\s(?:in|for|as|among|on|at|regarding)\b))",
    re.IGNORECASE,
)
#: "the use of Medical Qigong (MQ) compared with usual care to improve …": the treatment first, then its comparator.
_PAIR_COMPARED = quick(
    r"\b(?:use|effects?|efficacy|effectiveness|impact|role) of\s+(?P<a>[^,;:]{3,60}?)\s+(?:as\s+)?compared\s+(?:with|to)\s+"
    r"(?P<b>[^,;:.]{3,60}?)(?=\s*(?:,|;|\.|$|\s(?:in|for|as|among|on|at|to)\b))",
    re.IGNORECASE,
)
_COMPARABLE = quick(r"placebo|observation|surgery|radiotherapy|best supportive care|usual care|standard", re.IGNORECASE)


def _with_bracket(text: str, end: int) -> int:
    """Where words ending at ``end`` end with the bracket right after them, if one follows."""
    m = re.match(r"\s*\([^()]*\)", text[end:])
    return end + m.end() if m else end


def _compared_pair(sentences: list[str]) -> list[tuple[str, int | None, str]]:
    """The two treatments a "compare A versus B" sentence names, each a drug or a usual comparator."""
    for sentence in sentences:
        if "compar" not in sentence:
            continue
        masked = mask_brackets(sentence)
        for m in [*_COMPARED_PAIR.finditer(masked), *_PAIR_COMPARED.finditer(masked)]:
            # each side with the bracket right after it, where its abbreviation is: "vitamin K antagonist (VKA)"
            sides = [sentence[m.start(k): _with_bracket(sentence, m.end(k))].strip() for k in ("a", "b")]
            known = [bool(find_drugs(x, code_names=True) or _COMPARABLE.search(x)) for x in sides]
            if all(known) or (any(known) and all(len(x.split()) <= 4 and not re.search(r"\b(?:patients|those)\b", x)
                                                 for x in sides)):
                labels = [_short_label(x) for x in sides]
                if all(1 <= len(label.split()) <= 6 for label in labels):
                    return [(label, None, side) for label, side in zip(labels, sides, strict=True)]
    return []


def _long_form(sentence: str, bracket: int) -> str:
    chain = _drug_chain_before(sentence, find_drugs(sentence, code_names=True), bracket)
    return sentence[chain[0].start:bracket] if chain else ""


# ---------------------------------------------------------------- arm sizes

_SIZE_BEFORE = quick(  # "275 patients allocated", "182 in the", "14 were treated with"; not a decimal's tail ("3.77 ± 1.85 in the")
    r"(?<![\d:.·])(?P<n>\d[\d,]*)\s+(?:(?:eligible |evaluable )?(?:patients|participants|subjects|women|men|pts)\s+)?"
    r"(?:(?:were|was)\s+)?(?:(?:randomly\s+)?(?:allocated|assigned|randomi[sz]ed)\s+(?:to\s+)?|in\s+|treated\s+with\s+|"
    r"received\s+|receiving\s+|on\s+|to\s+(?:receive\s+)?)(?:the\s+)?$",
    re.IGNORECASE,
)
_SIZE_AFTER = quick(
    r"^(?:\s+(?:arm|group|cohort|[a-z]+))?\s*[(\[,]\s*(?:[nN]\s*=\s*(?P<n>\d[\d,]*)|(?P<m>\d[\d,]*)\s+(?:patients|participants|pts|subjects))\s*[)\];,]"
)


#: "882 and 860 patients received TC and TCG, respectively"
_RESPECTIVE_SIZES = quick(
    r"(?P<counts>\d[\d,]*(?:\s*(?:,|and)\s*\d[\d,]*)+)\s+(?:patients\s+|participants\s+)?(?:were\s+)?"
    r"(?:received|(?:randomly\s+)?(?:assigned|allocated|randomi[sz]ed)\s+to|in|treated\s+with)\s+(?:the\s+)?"
    r"(?P<names>[^.;]{2,120}?),?\s+respectively",
    re.IGNORECASE,
)
#: "randomized to TT or SoC", "randomised to capecitabine (N=46) or S-1": the count before is the trial's, not the first arm's.
_ANOTHER_ARM_FOLLOWS = quick(r"^\s*(?:arms?|groups?)?\s*(?:\([^()]{1,20}\)\s*)?(?:,|or|and|versus|vs\.?)\s+(?!\d)", re.IGNORECASE)
#: Events counted earlier in the sentence, or a time given with an arm: "There were 36 relapses in the FU+Cisplatin arm and
#: 30 in the nihil arm", "(66 months with Cisplatin vs. 73 in the nihil group)".
_EVENTS_COUNTED_BEFORE = quick(r"\b\d[\d.]*\s+(?:(?:\w+\s+)?(?:relapses|recurrences|deaths|events|responses|responders|"
                               r"progressions|complications|infections|failures)\b|(?:months|weeks|days|years)\s+(?:with|in|for|on)\b)",
                               re.IGNORECASE)


_PEOPLE = quick(r"patients|participants|subjects|women|men|pts", re.IGNORECASE)


def _size_before(text: str, start: int) -> re.Match[str] | None:
    """The arm's size printed before its name at ``start`` (``_SIZE_BEFORE``), unless it is a bare number and the sentence
    counts events before it ("36 relapses in the FU+Cisplatin arm and 30 in the nihil arm": 30 relapses, not 30 patients)."""
    found = _SIZE_BEFORE.search(text[max(0, start - 60):start])
    if found is None or _PEOPLE.search(found.group()):
        return found  # "in 278 patients allocated mEOC+P" counts patients whatever came before
    back = max(0, start - 200)
    opened = max((m.end() for m in _SENTENCE_END.finditer(text, back, start)), default=back)
    return None if _EVENTS_COUNTED_BEFORE.search(text, opened, start) else found


#: Where a sentence ends: a stop before a capital or a number ("… arm. There were", "p=0·65). 62 patients"), not "vs. 73".
_SENTENCE_END = quick(r"(?<!\bvs)(?<!\bv)[.!?]\s+(?=[A-Z0-9])")


def _sizes_from_mentions(arms: list[ArmDraft], text: str, low: str) -> None:
    """Arm sizes printed beside an arm's name: "275 patients allocated EOC", "182 in the
    surgery group", "GV (n = 53)", "14 were treated with PC", "882 and 860 patients
    received TC and TCG, respectively" (``low``: the text lowercased)."""
    if "respectively" in low:  # every list of sizes ends in it: skip the search of most texts
        _respective_sizes(arms, text)
    if all(arm.n is not None for arm in arms):
        return
    # Every occurrence of an alias is checked against every other arm's names: find each alias once.
    aliases = dict.fromkeys(alias for arm in arms for alias in arm.aliases if alias)
    occurrences = {alias: _occurrences(low, alias.lower(), plural=False) for alias in aliases}
    places = {id(arm): [span for alias in arm.aliases if alias for span in occurrences[alias]] for arm in arms}
    for arm in arms:
        if arm.n is not None:
            continue
        for alias in sorted({a for a in arm.aliases if a}, key=len, reverse=True):
            for start, end in occurrences[alias]:
                if any(other is not arm and _covers(places[id(other)], start, end) for other in arms):
                    continue  # "PC" inside "PC + D" belongs to the longer arm
                before = None if _ANOTHER_ARM_FOLLOWS.match(text[end:end + 30]) else \
                    _size_before(text, start)
                found = before or _SIZE_AFTER.match(text[end:end + 25])
                if found:
                    arm.n = int((found.groupdict().get("n") or found.group("m")).replace(",", ""))
                    break
            if arm.n is not None:
                break


def _respective_sizes(arms: list[ArmDraft], text: str) -> None:
    for m in _RESPECTIVE_SIZES.finditer(text):
        counts = [int(c.replace(",", "")) for c in re.findall(r"\d[\d,]*", m.group("counts"))]
        names = [n for n in re.split(r"\s*(?:,|\band\b|\bor\b)\s*", m.group("names")) if n.strip()]
        owners = [next((a for a in arms if any(_akin(al, n) for al in a.aliases if al)), None) for n in names]
        if len(counts) == len(owners) and all(owners) and len(set(map(id, owners))) == len(owners):
            for arm, count in zip(owners, counts, strict=True):
                if arm is not None and arm.n is None:
                    arm.n = count


def _covers(places: list[tuple[int, int]], start: int, end: int) -> bool:
    """Another arm's longer name covers this place of the text (``places``: where the other arm is named)."""
    return any(s <= start and end <= e and e - s > end - start for s, e in places)


def _rename_generic(arms: list[ArmDraft]) -> None:
    """ "the experimental arm ... with IFN-γ": name the arm after what only it received."""
    for arm in arms:
        if not arm.label or not _GENERIC_ARM.match(arm.label):
            continue
        others = {str(i["name"]).lower() for a in arms if a is not arm for i in a.interventions}
        own = [i for i in arm.interventions if str(i["name"]).lower() not in others]
        if len(own) == 1:
            arm.aliases.append(arm.label)
            arm.label = str(own[0]["name"])
            arm.aliases.insert(0, arm.label)


#: The name a text gives an arm in brackets after describing it: "pain education alone (control arm)",
#: "recombinant IL-2 (IL-2 group; n=60)".
_BRACKETED_NAME = quick(r"\((?:the\s+)?(?P<name>[A-Za-z][\w-]*(?:\s[A-Za-z][\w-]*)?)\s+(?P<kind>arm|group)(?:\s*[;,][^()]{0,20})?\)")


_NOT_A_NAME = frozenset({"both", "each", "same", "other", "either", "all", "two", "three", "four", "this", "that", "one", "whole"})


def _label_by_bracketed_name(arms: list[ArmDraft], low: str) -> None:
    """ "pain education alone (control arm) or pain education plus telemonitoring (experimental arm)": the arm takes
    the name the text gives it in brackets ("control", "experimental"), as results name it ("in the experimental
    arm"), when no other arm has that name; an arm labelled by letter or number ("group D") keeps its label and is
    also named so ("dexmedetomidine (dexmedetomidine group)": "the dexmedetomidine group")."""
    names = [_bracketed_name(arm.defining_text or "", arm.label or "", low) for arm in arms]
    keys = [m[0].lower() for m in names if m]
    for arm, m in zip(arms, names, strict=True):
        if m is None or keys.count(m[0].lower()) > 1 or m[0].lower() in _NOT_A_NAME:
            continue
        name, phrases = m
        arm.aliases.extend(a for a in (arm.label, *phrases) if a and a not in arm.aliases)
        if not _NUMBERED_LABEL.fullmatch(arm.label or ""):
            arm.label = name
            arm.aliases.insert(0, arm.label)


#: A role word alone in brackets after an arm's description: "no medication (control)", "PTX, UDCA and LMWH for
#: 8 weeks (treatment)", "usual care (control)".
_BRACKETED_ROLE = quick(r"\((?P<name>(?i:control|intervention|treatment|experimental))\)")


def _bracketed_name(defining: str, label: str, low: str) -> tuple[str, tuple[str, ...]] | None:
    """The name a text gives an arm in brackets after describing it, and the phrases results name it by: "(control
    arm)" is "control" ("control arm"); "(control)" is "control" ("control group", "control arm") when the text uses
    the word more often than the arm's label ("Group Support Lifestyle Modification (GSLiM) (intervention)" stays
    "GSLiM" where the results compare GSLiM)."""
    m = _BRACKETED_NAME.search(defining)
    if m is not None:
        return m.group("name"), (f"{m.group('name')} {m.group('kind')}",)
    role = _BRACKETED_ROLE.search(defining)
    name = role.group("name").lower() if role else ""
    if not name or len(_occurrences(low, name, plural=True)) <= len(_occurrences(low, label.lower(), plural=True)):
        return None
    return name, (f"{name} group", f"{name} arm")


def _fold_generic_arm(arms: list[ArmDraft]) -> list[ArmDraft]:
    """ "glutamine … in the study arm (n = 35) or nothing; control arm", then "the glutamine arm": of three
    arms found, one generic ("study") beside a control and one named by its treatment, the generic is the
    treatment's: one arm, named by the treatment, with both names and the size either gives."""
    if len(arms) != 3:
        return arms
    generic = [a for a in arms if a.label and _GENERIC_ARM.match(a.label) and not a.interventions]
    controls = [a for a in arms if a.label and CONTROL_LABEL.search(a.label)]
    if len(generic) != 1 or len(controls) != 1:
        return arms
    named = next(a for a in arms if a is not generic[0] and a is not controls[0])
    return _fold_into(arms, generic[0], named)


#: Words that make a name another arm than the name inside it: "sham moxibustion", "no cooling", "mild cooling" (not
#: when the name inside is a control's: "non-intervention control" is the "control" group).
_ANOTHER_ARMS_WORDS = frozenset({"sham", "placebo", "no", "non", "without", "mild", "deep", "high", "low", "dose", "early",
                                 "late", "delayed", "immediate", "short", "long", "term", "alone", "only", "standard"})
#: The text says the trial has two arms: "the two arms", "both groups", "two treatment groups".
_TWO_ARMS = quick(r"\b(?:two|2|both)[ -](?:(?:treatment|study|randomi[sz]ed)\s+)?(?:arms|groups)\b", re.IGNORECASE)


def _fold_part_arm(arms: list[ArmDraft], low: str, glossary: str) -> list[ArmDraft]:
    """Of three arms found, one that is another under a second name is folded into it (``_fold_into``): one named by an
    abbreviation the text defines for the other ("standard care (SC)", "paravertebral block (PVB)"), or, where the text
    (``low``: lowercased) says there are two arms, by a part of the other's name ("Cisplatin" of "FU+Cisplatin",
    "control" of "waitlist control"), the other's name cut short ("Ropi" of "ropivacaine", "suture" of "sutures") or its
    initials ("WS" of "whole-stomach"), or
    "control" beside "placebo" (under the name the text uses more)."""
    if len(arms) != 3:
        return arms
    pairs = [(a, b) for a in arms for b in arms if a is not b]
    found = [(a, b) for a, b in pairs if _abbreviates(a.label or "", b.label or "", glossary)]
    if not found and _TWO_ARMS.search(low) is not None and _declared_arm_count(low) is None:
        found = [(a, b) for a, b in pairs if _names_a_part(a.label or "", b.label or "")
                 or _cut_short(a.label or "", b.label or "") or _initials_of(a.label or "", b.label or "")
                 or _control_of_placebo(a.label or "", b.label or "", low)]
    return _fold_into(arms, *found[0]) if len(found) == 1 else arms


def _names_a_part(part: str, whole: str) -> bool:
    """Whether ``part``'s words are some of ``whole``'s ("Cisplatin" of "FU+Cisplatin"), and the others do not make another
    arm of it (``_ANOTHER_ARMS_WORDS``)."""
    inside, words = (frozenset(re.findall(r"[a-z0-9]+", name.lower())) for name in (part, whole))
    return bool(inside) and inside < words and (not (words - inside) & _ANOTHER_ARMS_WORDS or CONTROL_LABEL.search(part) is not None)


def _cut_short(part: str, whole: str) -> bool:
    """Whether ``part`` is ``whole`` cut short within its last word: "Ropi" of "ropivacaine", "oral Pyridostigmin" of "oral
    pyridostigmine" (not "Gem" of "GemCis", a regimen's first drug)."""
    rest = whole[len(part):]
    return len(part) >= 3 and whole.lower().startswith(part.lower()) and rest.isalpha() and rest.islower()


def _initials_of(abbr: str, name: str) -> bool:
    """Whether ``abbr`` spells the initials of ``name``'s words: "WS" of "whole-stomach" ("the whole-stomach group (WS
    group, n=52)")."""
    words = [w for w in re.split(r"[\s-]+", name) if w]
    return 2 <= len(abbr) <= 5 and len(words) == len(abbr) and abbr.isupper() and \
        "".join(w[0] for w in words).upper() == abbr


def _control_of_placebo(part: str, whole: str, low: str) -> bool:
    """Whether ``part`` and ``whole`` are the "control" and "placebo" arms of a trial of two, and ``whole`` is the name the
    text (``low``) uses more ("placebo" when as often)."""
    if {part.lower(), whole.lower()} != {"control", "placebo"}:
        return False
    kept = "placebo" if len(_occurrences(low, "placebo", plural=False)) >= len(_occurrences(low, "control", plural=False)) \
        else "control"
    return whole.lower() == kept


def _abbreviates(abbr: str, name: str, glossary: str) -> bool:
    """Whether the text defines ``abbr`` as a phrase ``name`` opens: "standard care (SC)", "paravertebral block (PVB)"."""
    if not abbr.isupper() or len(name) <= len(abbr) or f"({abbr})" not in glossary:
        return False
    low = glossary.lower()
    return any(m.group("abbr") == abbr and _opens_long_form(name.lower(), low[max(0, m.start() - 60): m.start()], abbr)
               for m in _DEFINED_ABBREVIATION.finditer(glossary))


def _fold_into(arms: list[ArmDraft], part: ArmDraft, whole: ArmDraft) -> list[ArmDraft]:
    """``arms`` with ``part`` folded into ``whole``: one arm, under ``whole``'s label, with both's names, interventions and
    the size either gives."""
    whole.aliases.extend(a for a in part.aliases if a not in whole.aliases)
    whole.n = whole.n if whole.n is not None else part.n
    whole.interventions.extend(i for i in part.interventions if not named_already(i, whole.interventions))
    return [a for a in arms if a is not part]


#: An arm's label that names a comparator: "control", "usual care", "placebo", "wait-list", "observation".
CONTROL_LABEL = quick(r"\b(?:controls?|usual|standard|placebo|wait(?:ing)?[- ]?list|routine|conventional|sham|observation)\b",
                           re.IGNORECASE)
_SCHEDULE_WORD = quick(
    r"\b(?:one|two|three|four|five|six|eight|ten|twelve|cycles?|courses?|doses?|weeks?|days?|months?|mg|daily|twice)\b"
)
_ALIAS_STOP = frozenset(["the", "and", "with", "for", "of", "to", "in", "or", "by", "plus", "followed", "after", "before", "every", "each", "then", "from", "at", "on", "per"])


def _add_distinctive_aliases(arms: list[ArmDraft], low: str) -> None:
    """Two-word phrases only one arm's description has, that the text (``low``: lowercased) uses again
    ("radiotherapy alone", "adjuvant chemotherapy"), name that arm in results too."""
    if len(arms) < 2:
        return
    def bigrams(s: str) -> set[str]:
        words = [w for w in re.findall(r"[A-Za-z][\w-]+", _strip_parentheticals(s).lower())]
        return {f"{a} {b}" for a, b in pairwise(words)
                if a not in _ALIAS_STOP and b not in _ALIAS_STOP and not _SCHEDULE_WORD.search(f"{a} {b}")}
    grams = [bigrams(a.defining_text or a.label or "") for a in arms]
    for arm, own in zip(arms, grams, strict=True):
        others = set().union(*(g for g in grams if g is not own))
        for gram in sorted(own - others):
            if low.count(gram) >= 2 and gram not in arm.aliases and len(arm.aliases) < 8:
                arm.aliases.append(gram)
    _add_word_group_aliases(arms, low)
    _add_unrouted_aliases(arms)
    _add_undosed_aliases(arms)
    _add_dose_aliases(arms)
    _add_control_aliases(arms)
    _add_alone_aliases(arms)
    _add_only_alone_aliases(arms)
    _add_adjective_aliases(arms, low)



_ALONE = quick(r"^(?P<x>.+?)\s+(?:alone|only|monotherapy)$", re.IGNORECASE)


def _add_alone_aliases(arms: list[ArmDraft]) -> None:
    """ "48.1% in gefitinib and 37.2% in nimotuzumab plus gefitinib": the bare drug is the arm labelled
    "gefitinib alone" when it is one word of another arm's name (longer names are matched first)."""
    for arm in arms:
        alone = _ALONE.match(arm.label or "")
        if alone is None:
            continue
        x = alone.group("x").lower()
        names = [al.lower() for other in arms if other is not arm for al in [other.label, *other.aliases] if al]
        if x not in names and any(re.search(rf"(?<![\w-]){re.escape(x)}(?![\w-])", n) for n in names) \
                and x not in (al.lower() for al in arm.aliases if al):
            arm.aliases.append(alone.group("x"))



#: An arm's label that names no treatment: "no medication", "no treatment", "untreated", "no intervention".
_NOTHING_GIVEN = quick(r"^(?:no\s+(?:medication|treatment|therapy|intervention|prophylaxis|drug)|untreated|nothing)$",
                       re.IGNORECASE)


_ONLY_OR_ALONE = quick(r"(?<=[\s-])(?:alone|only)\b", re.IGNORECASE)


def _add_only_alone_aliases(arms: list[ArmDraft]) -> None:
    """ "endocrine-only therapy" is also "endocrine-alone therapy", "surgery alone" also "surgery only", and either
    also "surgery-alone" ("the surgery-alone arm", "the RT-only group"): texts use either word, spaced or hyphenated."""
    for arm in arms:
        label = arm.label or ""
        m = _ONLY_OR_ALONE.search(label)
        if m is None:
            continue
        head, tail = label[:m.start() - 1], label[m.end():]
        for joiner, word in product((label[m.start() - 1], "-"), ("alone", "only")):
            alias = f"{head}{joiner}{word}{tail}"
            if alias != label and alias not in arm.aliases:
                arm.aliases.append(alias)


#: The adjective a text names a procedure's arm by: "the surgical arm" (surgery), "the radiation group" (radiotherapy).
_ADJECTIVES = (("surgery", "surgical"), ("operation", "operative"), ("radiotherapy", "radiation"),
               ("rt", "radiation"), ("irradiation", "radiation"), ("chemotherapy", "chemo"))


def _add_adjective_aliases(arms: list[ArmDraft], low: str) -> None:
    """ "2 patients in the surgical arms … 1 patient in the radiation arm": the adjective of the one arm whose label
    names the procedure, with "arm" or "group", when the text (``low``: lowercased) writes it so and no other arm's
    label has the noun or the adjective."""
    for noun, adjective in _ADJECTIVES:
        owners = [a for a in arms if _has_word(a.label or "", noun)]
        if len(owners) != 1 or any(_has_word(a.label or "", adjective) for a in arms):
            continue
        for kind in ("arm", "group"):
            phrase = f"{adjective} {kind}"
            if _occurrences(low, phrase, plural=True) and phrase not in owners[0].aliases:
                owners[0].aliases.append(phrase)


def _has_word(label: str, word: str) -> bool:
    """Whether ``word`` is a whole word of the lowercased ``label``."""
    return bool(_occurrences(label.lower(), word, plural=False))


def _add_control_aliases(arms: list[ArmDraft]) -> None:
    """The one arm labelled as a comparator ("placebo", "usual care", "observation", "no medication") is "the
    control group" when no arm is named control."""
    controls = [a for a in arms if a.label and (CONTROL_LABEL.search(a.label) or _NOTHING_GIVEN.match(a.label))]
    if len(controls) == 1 and not any("control" in alias.lower() for a in arms for alias in a.aliases if alias):
        controls[0].aliases.extend(["control group", "control arm"])


#: A label's dose and what follows it: "docetaxel 60 mg/m2", "paclitaxel at 175 mg/m2", "oral gefitinib 250 mg/day".
_DOSE_TAIL = quick(r"\s+(?:at\s+)?\d[\d.,]*\s*(?:mg|g|µg|mcg|iu|units?|gy|mu)\b.*$", re.IGNORECASE)


def _add_undosed_aliases(arms: list[ArmDraft]) -> None:
    """ "docetaxel 60 mg/m2" is also "docetaxel" (82.9% for docetaxel) when no other arm's label names it."""
    for arm in arms:
        bare = _DOSE_TAIL.sub("", _ROUTE_HEAD.sub("", arm.label or ""))  # "oral vandetanib 300 mg/d": "vandetanib"
        if bare == arm.label or len(bare) < 3 or bare in arm.aliases:
            continue
        if not any(bare.lower() in (other.label or "").lower() for other in arms if other is not arm):
            arm.aliases.append(bare)


#: A route or form word that opens an arm's label: "oral gefitinib 250 mg/day" is also "gefitinib 250 mg/day".
_ROUTE_HEAD = quick(r"^(?:oral|intravenous|i\.?v\.?|subcutaneous|s\.?c\.?|intramuscular|topical|inhaled)\s+(?=\S{3})",
                         re.IGNORECASE)


def _add_unrouted_aliases(arms: list[ArmDraft]) -> None:
    """ "oral gefitinib 250 mg/day" is also "gefitinib 250 mg/day" (8.9%, gefitinib 250 mg/day)."""
    for arm in arms:
        bare = _ROUTE_HEAD.sub("", arm.label or "")
        if bare != arm.label and bare not in arm.aliases:
            arm.aliases.append(bare)


def _add_dose_aliases(arms: list[ArmDraft]) -> None:
    """Arms of one drug at different doses are also named by the dose alone ("in the gefitinib 250 mg/day,
    500 mg/day, and methotrexate groups"), when no two of them share it."""
    doses: dict[str, list[tuple[ArmDraft, str]]] = {}
    for arm in arms:
        label = _ROUTE_HEAD.sub("", arm.label or "")
        found = _DOSE_TAIL.search(label)
        if found:
            doses.setdefault(label[:found.start()].lower(), []).append((arm, found.group().strip()))
    for same_drug in doses.values():
        tails = [dose.lower() for _, dose in same_drug]
        if len(same_drug) < 2 or len(set(tails)) < len(tails):
            continue
        for arm, dose in same_drug:
            if dose not in arm.aliases:
                arm.aliases.append(dose)


#: A dose's unit, as arms are labelled by it.
_UNIT = r"(?:mg|g|µg|μg|mcg|IU|U|Gy|µM|mM)\b(?:\s*/\s*(?:m\(?2\)?|m²|kg|d|day)\b)?"
#: A label that ends in its dose: "trabedersen 10 µM", "gemcitabine 1,000 mg" (the drug's words, then the dose).
_DRUG_THEN_DOSE = quick(rf"^(?P<drug>[A-Za-z][\w-]*(?:\s[A-Za-z][\w-]*)?)\s(?P<dose>\d[\d.,]*\s?{_UNIT})$", re.IGNORECASE)


def _add_dose_first_aliases(arms: list[ArmDraft]) -> None:
    """ "trabedersen 10 µM" is also "10 µM trabedersen" ("Median survival for 10 µM trabedersen was 39.1 months"): texts
    print an arm's dose before or after its drug."""
    for arm in arms:
        m = _DRUG_THEN_DOSE.match(arm.label or "")
        if m and f"{m.group('dose')} {m.group('drug')}" not in arm.aliases:
            arm.aliases.append(f"{m.group('dose')} {m.group('drug')}")


#: A dose joined to its unit by a hyphen or a space: "70-Gy", "500 mg".
_DOSE_JOINT = quick(rf"(?<![\w.,])(\d[\d.,]*)([\s-])({_UNIT})", re.IGNORECASE)


def _add_dose_spacing_aliases(arms: list[ArmDraft]) -> None:
    """ "70-Gy" is also "70 Gy" ("10% at 70 Gy and 17.5% at 80 Gy"), and "500 mg" also "500-mg" ("the 500-mg arm"):
    texts join a dose to its unit either way."""
    for arm in arms:
        for alias in [a for a in arm.aliases if a and _DOSE_JOINT.search(a)]:
            variant = _DOSE_JOINT.sub(lambda m: m.group(1) + ("-" if m.group(2).isspace() else " ") + m.group(3), alias)
            if variant not in arm.aliases:
                arm.aliases.append(variant)


#: Two words of a name joined by a hyphen or a space: "watchful-waiting", "medical management".
_WORD_JOINT = quick(r"(?<=[A-Za-z]{2})[\s-](?=[A-Za-z]{2})")


def _add_word_joint_aliases(arms: list[ArmDraft]) -> None:
    """ "watchful-waiting" is also "watchful waiting" ("55 (34%) of 160 men assigned to watchful waiting"), and
    "medical management" also "medical-management" ("the medical-management group"): texts join an arm's words either
    way. Names of three words at most (a compound, not "letrozole followed by anastrozole"), and not a variant another arm
    already goes by."""
    for arm in arms:
        for alias in [a for a in arm.aliases if a and 0 < len(_WORD_JOINT.findall(a)) <= 2]:
            for joint in (" ", "-"):
                variant = _WORD_JOINT.sub(joint, alias)
                if all(variant.lower() not in (a.lower() for a in other.aliases if a) for other in arms):
                    arm.aliases.append(variant)


def _add_own_drug_aliases(arms: list[ArmDraft]) -> None:
    """ "paclitaxel plus cisplatin" beside "etoposide plus cisplatin" is also "paclitaxel" ("with the combined paclitaxel
    regimens (median survival time, 9.9 months"): a drug of an arm's combination that no other arm's label names."""
    drugs = [find_drugs(a.label or "") for a in arms]
    for arm, own in zip(arms, drugs, strict=True):
        if len(own) < 2 or not all(found for found in drugs):
            continue  # not "letrozole followed by anastrozole" beside "reverse sequence": no other arm names its drugs
        others = {m.drug.name for found in drugs if found is not own for m in found}
        for m in own:
            named_elsewhere = any(m.text.lower() in alias.lower() for a in arms if a is not arm for alias in a.aliases if alias)
            if m.drug.name not in others and len(m.text) >= 3 and not named_elsewhere and m.text not in arm.aliases:
                arm.aliases.append(m.text)


def _add_word_group_aliases(arms: list[ArmDraft], low: str) -> None:
    """ "the standard group" names the arm "standard treatment" when no other arm's label has that word."""
    words = [set(re.findall(r"[a-z][a-z-]{3,}", (a.label or "").lower())) - _GENERIC_ARM_WORDS for a in arms]
    for arm, own in zip(arms, words, strict=True):
        others = set().union(*(w for w in words if w is not own))
        for word in sorted(own - others):
            for phrase in (f"{word} group", f"{word} arm"):
                singular = any(low[e:e + 1] != "s" for _, e in _each_occurrence(low, phrase, plural=False))  # not "… and the X groups"
                if singular and all(phrase not in a.aliases for a in arms):
                    arm.aliases.append(phrase)


_GENERIC_ARM_WORDS = frozenset({"group", "arm", "alone", "only", "plus", "with", "treatment", "therapy", "cohort", "patients",
                                "control", "placebo", "study", "dose", "regimen", "daily", "weekly", "cycles", "days"})


def _first_mention(low: str, arm: ArmDraft) -> int:
    """Where the lowercased text first names an arm: pairs of numbers follow this order."""
    places = [next(_each_occurrence(low, alias.lower(), plural=False), (len(low), 0))[0]
              for alias in arm.aliases if alias]
    return min(places, default=len(low))


#: A hyphenated word that makes an arm's name an adjective: "DC-treated", "HDCT-based", "gemcitabine-containing".
_ARM_SUFFIX = quick(r"-(?:treated|based|containing|receiving|exposed|assigned|allocated|randomi[sz]ed|arm|group|"
                         r"treatment|therapy)\b")  # "the combined-treatment group"


def _occurrences(low: str, alias: str, *, plural: bool) -> list[tuple[int, int]]:
    """(start, end) of ``alias`` as a whole word in the lowercased text (plain search: aliases
    differ per document, and compiling a regex for each was the backend's hottest spot)."""
    return list(_each_occurrence(low, alias, plural=plural))


def _each_occurrence(low: str, alias: str, *, plural: bool) -> Iterator[tuple[int, int]]:
    """``_occurrences`` one at a time, left to right: a caller that wants the first reads no further."""
    start = low.find(alias)
    while start >= 0:
        end = start + len(alias)
        if plural and low[end:end + 1] == "s":
            end += 1
        before = low[start - 1] if start else " "
        after = low[end:end + 1] or " "
        if not (before.isalnum() or before in "-_") and (
                not (after.isalnum() or after in "-_") or _ARM_SUFFIX.match(low, end)):  # "DC-treated patients"
            yield start, end
        start = low.find(alias, start + 1)


_N_MARK = quick(r"[;,(]\s*n\s*=\s*(?P<n>\d+)\s*\)")
_JOIN = quick(r"^\s*(?:\((?:(?!n\s*=)[^()])*(?:\([^()]*\)(?:(?!n\s*=)[^()])*)*\)\s*)?(?:plus|\+|and|with|combined with)\s*$", re.IGNORECASE)


#: "39 of which received Se [selenium group, SeG] and 42 serving as controls [control group, CG]"
_BRACKETED_GROUP = quick(
    r"(?:(?P<n>\d+)\s+(?:of (?:which|whom)\s+)?(?:patients\s+)?(?:received|serving as|were assigned to|allocated to|in)\b[^\[\](),;.]{0,40}?)?"
    r"[\[(](?P<name>[A-Za-z][\w -]{1,30}?\s+(?:group|arm)),\s*(?P<abbr>[A-Za-z][\w+-]{0,8})[\])]"
)


def _bracketed_groups(sentence: str) -> list[tuple[str, str, int | None]]:
    """(abbreviation, group name, size) of each group named in brackets with its abbreviation."""
    if "group," not in sentence and "arm," not in sentence:
        return []  # every match has one of them: skip the search of the sentence
    return [(m.group("abbr"), m.group("name"), int(m.group("n")) if m.group("n") else None)
            for m in _BRACKETED_GROUP.finditer(sentence)]


#: What may stand between a drug and its count's bracket: nothing, or that it is given alone ("azacitidine only (n=34)").
_ALONE_GAP = quick(r" *(?:(?:alone|only|monotherapy) *)?")


def _counted_regimens(sentence: str) -> list[tuple[str, int]]:
    """ "A (...) plus B (...; n = 20)", "… and 3) azacitidine only (n=34)": the drug chain before each count marker, and
    the count."""
    out: list[tuple[str, int]] = []
    if "=" not in sentence or not _N_MARK.search(sentence):
        return out  # every count marker has its "=": skip the search of most sentences
    drugs = find_drugs(sentence, code_names=True)
    for m in _N_MARK.finditer(sentence):
        opening = sentence.rfind("(", 0, m.end() - 1)
        chain = [d for d in drugs if d.end <= opening and _ALONE_GAP.fullmatch(sentence, d.end, opening)]
        if not chain:
            continue
        first = chain[-1]
        names = [first.text]
        idx = drugs.index(first)
        while idx > 0 and _JOIN.match(sentence[drugs[idx - 1].end: drugs[idx].start]):
            idx -= 1
            names.insert(0, drugs[idx].text)
        out.append((" plus ".join(names), int(m.group("n"))))
    return out if len(out) >= 2 else []


#: What every match of ``_NAMED`` holds, "arm" or "group" (not "arms"): a quick search that skips most sentences.
_NAMED_KIND = quick(r"(?:arm|group)(?!s)\b")


class NamedGroups(dict[str, tuple[str, int | None, str]]):
    """Named groups: name -> (phrase, n if printed, sentence); ``weak`` holds the names found only in shapes that
    may name something else than an arm ("The X group" opening a sentence, the generic "the intervention group"):
    they make arms only when no other shape finds them."""

    def __init__(self) -> None:
        super().__init__()
        self.weak: set[str] = set()


#: Generic names of the arm under test that results use ("the intervention group", "the treatment group"), each
#: only after "the": "each treatment group", "by treatment arm" name no arm.
_GENERIC_NAMED = quick(r"(?i:treatment|intervention)")


def _named_groups(sentences: list[str]) -> NamedGroups:
    """ "the XELIRI arm", "IL-2 group": name -> (phrase, n if printed, sentence)."""
    found = NamedGroups()
    for sentence in sentences:
        if "arm" not in sentence and "group" not in sentence:
            continue  # _NAMED and the lists of groups need one of them: skip the sentence
        for m in _NAMED.finditer(sentence) if _NAMED_KIND.search(sentence) else ():
            name = m.group("name").strip()
            words = name.split()
            # "(randomised to) the intervention group": the generic name right after "the"
            generic = _GENERIC_NAMED.fullmatch(words[-1]) is not None and \
                (m.group().lower().startswith("the ") if len(words) == 1 else words[0].lower() == "the")
            weak = generic or m.group().startswith("The ")
            words = words[-1:] if generic else words
            while not generic and words and (_NOT_NAMED.match(words[0]) or words[0].lower() in _NAME_STOP):
                words = words[1:]
            if not words or words[-1].lower() in _NAME_STOP or (not generic and _NOT_NAMED.match(" ".join(words))):
                continue
            name = " ".join(words).lower() if generic else " ".join(words)
            known = next((k for k in found if _akin(k, name)), None)
            if name.isdigit() or known is not None:
                if known is not None and not weak:
                    found.weak.discard(known)  # found before at a sentence's start, now where arms are named
                continue  # "surgery group" and "surgery alone group" are one arm
            n_m = _N_AFTER.match(sentence[m.end(): m.end() + 30])
            clause = _GROUP_CLAUSE.match(sentence, m.end())
            found[name] = (f"{name} {m.group('kind')}", int(n_m.group("n")) if n_m else None,
                           f"{name} {clause.group('c')}" if clause else name)
            if weak:
                found.weak.add(name)
        _counted_list_groups(sentence, found)
        listed = _listed_groups(sentence)
        for start, end, name, kind in listed if all(_treatment_like(name) for *_, name, _ in listed) else ():
            known = next((k for k in found if _akin(k, name)), None)
            if known is None:  # "70-" of "the 70- and 80-Gy arms" is "70-Gy"
                found[name] = (sentence[start:end] if sentence[start:end] != name else f"{name} {kind}", None, name)
            else:
                found.weak.discard(known)
    return found


_COUNTED_NAME = r"[A-Za-z0-9][\w+/-]*(?:\s[A-Za-z][\w+/-]*){0,2}?\s*[(\[]\s*(?:[nN]\s*=\s*)?\d+\s*[)\]]"
_COUNTED_LIST = quick(
    rf"\b(?:into|to|between|among|in|of|the)\s+(?P<list>{_COUNTED_NAME}(?:\s*,\s*{_COUNTED_NAME})*\s*,?\s+(?:and|or|versus|vs\.?)\s+"
    rf"{_COUNTED_NAME})\s+(?P<kind>arm|group)s\b"
)
_COUNTED_ITEM = quick(r"(?:^|,\s*|\s(?:and|or|versus|vs\.?)\s+)(?P<name>[A-Za-z0-9][^()\[\],]*?)\s*[(\[]\s*(?:[nN]\s*=\s*)?(?P<n>\d+)")


def _counted_list_groups(sentence: str, found: NamedGroups) -> None:
    """ "randomized into intervention (n=93) and control (n=87) groups", "between ASA404 (n = 649) and placebo
    (n = 650) arms": a list of groups each counted in its bracket names arms, whatever their names."""
    if "(" not in sentence and "[" not in sentence:
        return
    for m in _COUNTED_LIST.finditer(sentence) if re.search(r" (?:arm|group)s\b", sentence) else ():
        for item in _COUNTED_ITEM.finditer(m.group("list")):
            words = item.group("name").split()
            while words and words[0].lower() in _NAME_STOP:
                words = words[1:]  # "into two experimental (n=11) and control (n=8) groups"
            name = " ".join(words)
            if not name:
                continue
            known = next((k for k in found if _akin(k, name)), None)
            if known is None:
                found[name] = (f"{name} {m.group('kind')}", int(item.group("n")), name)
            found.weak.discard(known or name)


#: A stage or grade, not a treatment: "the N0, N1 and N2 groups", "the T1 and T2 groups".
_STAGE_CODE = quick(r"(?:[TNM][0-4xX][a-c]?|(?:stage|grade)\s*\w+)", re.IGNORECASE)


def _treatment_like(name: str) -> bool:
    """Whether a name in a list of groups may be an arm's that no other phrase named: an abbreviation
    ("TMX60", "HDMP+Dx") or a drug, not a stage ("N1") nor words that may name a subgroup ("high-risk")."""
    if _STAGE_CODE.fullmatch(name):
        return False
    return bool(re.search(r"[A-Z]", name) and re.fullmatch(r"[\w+/ -]{1,12}", name)) or bool(find_drugs(name, code_names=True))


_GROUP_NAME = r"[A-Za-z0-9][\w+/-]*(?:\s?\+\s?[\w/-]+)*"
#: "for the P, TMX60, and TMX120 groups", "in the HDMP+Dx and the GRN+Dx groups": arms listed before a plural kind.
_LISTED_GROUPS = quick(
    rf"\b(?:the|in|for|of|to|between|among)\s+(?P<list>{_GROUP_NAME}(?:\s*,\s*(?:the\s+)?{_GROUP_NAME})*\s*,?\s+"
    rf"(?:and|or|versus|vs\.?)\s+(?:the\s+)?{_GROUP_NAME})$"
)
_LIST_SEPARATOR = quick(r"\s*,\s*(?:(?:and|or)\s+)?(?:the\s+)?|\s+(?:and|or|versus|vs\.?)\s+(?:the\s+)?")


def _kinds_after_lists(sentence: str) -> list[tuple[int, str]]:
    """(where the space before it is, kind) of each " arms" and " groups", and of each " arm" and " group"
    after "versus" ("for neoadjuvant versus control arm"; "the A and B group" is one group); a plain search:
    a regex scan of every sentence for them cost more than the lists they find."""
    out = []
    for kind in ("arm", "group"):
        at = sentence.find(f" {kind}")
        while at >= 0:
            end = at + len(kind) + 1
            plural = sentence[end:end + 1] == "s"
            if not sentence[end + plural:end + plural + 1].isalnum() and (plural or _VERSUS_BEFORE.search(sentence, max(0, at - 40), at)):
                out.append((at, kind))
            at = sentence.find(f" {kind}", end)
    return sorted(out)


_VERSUS_BEFORE = quick(r"\s(?:versus|vs\.?)\s+(?:the\s+)?[^\s,;]+$")


def _listed_groups(sentence: str) -> list[tuple[int, int, str, str]]:
    """(start, end, name, kind) of each arm a plural list names ("the P, TMX60, and TMX120 groups"); none
    when one of the names is no arm's ("the two groups", "the treatment and control groups")."""
    out: list[tuple[int, int, str, str]] = []
    # Each kind first, then the list that ends there: a search for lists from every "the" was slow.
    for at, kind in _kinds_after_lists(sentence):
        m = _LISTED_GROUPS.search(sentence, max(0, at - 160), at)
        if m is None:
            continue
        bounds = [m.start("list"), *(x for sep in _LIST_SEPARATOR.finditer(sentence, m.start("list"), m.end("list"))
                                    for x in sep.span()), m.end("list")]
        names = [(a, b, sentence[a:b]) for a, b in zip(bounds[::2], bounds[1::2], strict=True) if b > a]
        unit = re.search(r"(?<=\d)-[A-Za-z]\w*$", names[-1][2]) if names else None
        if unit:  # "the 70- and 80-Gy arms": the first name ends where the last one's unit is left out
            names = [(a, b, n + unit.group()[1:] if n.endswith("-") else n) for a, b, n in names]
        if len(names) >= 2 and not any(_NOT_NAMED.match(n) or n.lower() in _NAME_STOP or n.isdigit() for *_, n in names):
            out.extend((a, b, n, kind) for a, b, n in names)
    return out


# "In the control arm women received cisplatin ..., the experimental arm included ... IFN-γ"
_GROUP_CLAUSE = quick(
    r"\s*(?:\w+\s+)?(?:received|included|consisted of|was given|were given|got|was treated with|were treated with)\s+"
    r"(?P<c>[^;]{3,160}?)(?=;|,\s*(?:the|and|while|whereas)\s+(?:the\s+)?[\w-]+\s+(?:arm|group)|\.\s|$)",
    re.IGNORECASE,
)
_GENERIC_ARM = quick(r"^(?:experimental|treatment|study|intervention|investigational|active|test)$", re.IGNORECASE)
_NAME_STOP = frozenset(["of", "in", "the", "a", "an", "and", "or", "to", "for", "with", "by", "from", "favour", "favor", "each", "both", "two", "either"])
_CYCLES = quick(r"^.{0,40}?\b(?<!at a )(?:cycles?|courses?|doses?)\s+of\s+", re.IGNORECASE)  # not "X at a dose of"
_LEAD = quick(
    r"^(?:an?\s+|the\s+|either\s+|receive\s+|treatment with\s+|\d+\s+(?:patients\s+)?to\s+(?:receive\s+)?|open[- ]label\s+|"
    r"(?:double|single|triple)[- ]blind(?:ed)?\s+|"
    r"(?:\d|two|three|four)\s+(?:groups|arms)\s*:?\s*)+",
    re.IGNORECASE,
)
_ABBREVIATION = quick(r"\((?P<a>[A-Za-z0-9+\-]*[A-Z][A-Za-z0-9+\-]*(?: \+ [A-Za-z0-9-]*[A-Z][A-Za-z0-9-]*)*)\s*(?:[;,)]|$)")


_SPACES = quick(r"\s+")


def _strip_parentheticals(text: str) -> str:
    """The text without its bracketed asides, round or square, nested ones included; spaces joined."""
    return _SPACES.sub(" ", without_asides(text, ANY_ASIDE))


#: "20 mg/day orally for 2 years", "75 mg/m2 every 3 weeks": how much and how often, not what.
_DOSE_AND_SCHEDULE = quick(
    r"\s*\d[\d.,·]*\s*(?:mg|g|µg|mcg|iu|u|gy|ml)\b(?:\s*/\s*[\w²()]+(?:\s(?:cc|ml)\b)?)*"  # "2,000 mg/50 cc"
    r"|\s*\b(?:s\.c|i\.v|p\.o|i\.m)\.?(?!\w)|\s*\bat\s+a\s+dose\s+of\b"  # "s.c.", "at a dose of"
    r"|\s*\b(?:orally|intravenously|daily|weekly|twice daily|once daily|"
    r"(?:once|twice|thrice|three times|four times) (?:a |per )?(?:day|daily|week|weekly)|"
    r"every \d+ (?:days?|weeks?|months?)|for (?:up to )?(?:\d+|one|two|three|four|five|six) (?:days?|weeks?|months?|years?|cycles?)|"
    r"on days? \d+(?:\s*(?:,|and|to|-|–)\s*\d+)*|bid|tid|qd|qw|q\d+w|subcutaneously|intramuscularly|per os|"
    r"(?:\d+|one|two|three|four|six)\s+(?:months?|weeks?|days?|cycles?|courses?)\s+of)\b",
    re.IGNORECASE,
)


def _abbreviates_the_whole(bracket: str, before: str) -> bool:
    """Whether the abbreviation in ``bracket`` names all the drugs before it ("doxorubicin and paclitaxel
    (AT)"), not only the last, with its dose ("suramin plus hydrocortisone (HC, 40 mg/d)")."""
    return not _DOSE_WORDS.search(bracket) or len(find_drugs(before, code_names=True)) < 2


def _spells_the_last_words(abbr: str, before: str) -> bool:
    """Whether the abbreviation spells only the last words before it, joined to another treatment:
    "cetuximab and best supportive care (BSC)" is more than BSC ("supervised aerobic exercise training (AET)" is AET)."""
    letters = "".join(ch for ch in abbr.lower() if ch.isalpha())
    words = list(re.finditer(r"[A-Za-z][\w-]*", before))
    if not letters or len(words) <= len(letters):
        return False
    tail = words[-len(letters):]
    return "".join(w.group()[0].lower() for w in tail) == letters and \
        _JOINED_BEFORE.search(before, 0, tail[0].start()) is not None


_JOINED_BEFORE = quick(r"(?:\b(?:and|plus|with|or)|,)\s*$", re.IGNORECASE)
_JOINED_AFTER = quick(r"\s*(?:plus|\+|and|with|combined with)\s+(?=[A-Za-z])", re.IGNORECASE)


def _another_drug_joined(raw: str, at: int) -> bool:
    """Whether a drug is joined to what ends at ``at``: "cetuximab (CET) plus brivanib alaninate (BRIV)", where the
    abbreviation names the first drug of the arm only (not "… (3D-CRT) and assess …")."""
    joined = _JOINED_AFTER.match(raw, at)
    return joined is not None and bool(find_drugs(raw[joined.end():joined.end() + 40], code_names=True))


def _short_label(raw: str) -> str:
    """A short arm label from the words that describe it ("twelve cycles of weekly docetaxel")."""
    abbreviation = _ABBREVIATION.search(raw)
    if abbreviation is not None:
        abbr, at = abbreviation.group("a"), abbreviation.start()
        named = find_drugs(abbr)
        if len(abbr) <= 12 and (not named or regimen_components(named[0].drug.name)) and not re.search(r"-\d", abbr) \
                and _abbreviates_the_whole(raw[at:].split(")")[0], raw[:at]) and not _spells_the_last_words(abbr, raw[:at]) \
                and not _another_drug_joined(raw, raw.find(")", at) + 1):
            return abbr  # "modified-dose EOC plus panitumumab (mEOC+P; ...)", "… irinotecan (FOLFIRI)": a regimen's name
    label = _strip_parentheticals(raw).strip(" ,;.")
    label = _LEAD.sub("", _CYCLES.sub("", _LEAD.sub("", label)))
    if len(label.split()) > 4:  # "weekly docetaxel" keeps what tells it from "3-weekly docetaxel"
        bare = _DOSE_AND_SCHEDULE.sub("", label).strip(" ,;.")
        # "8 Gy in a single fraction": the dose is the arm; what is left is only its schedule
        label = bare if bare and not re.match(r"(?:in|over|at|as)\b", bare, re.IGNORECASE) else label
        label = _EMPTIED_COMMAS.sub(" ", label)  # "capecitabine, on Days 1-14, plus docetaxel" less its doses and days
    label = _purpose_cut(label)
    label = _IN_ADDITION.sub("", label)
    label = _KIND_OR_LENGTH_TAIL.sub("", label)
    label = _TRAILING_ROUTE.sub("", label)  # "placebo orally bid"
    label = _IN_COMBINATION.sub("", label)
    if _AS_CONTROLS.search(label):
        return "control"  # "to no preservation as controls"
    if re.fullmatch(r"(?!.*\b(?:plus|and|with|or|in)\b)(?:[a-z][\w-]*\s+){1,3}placebo", label) and not find_drugs(label, code_names=True):
        return "placebo"  # "a comparably administered placebo", "matched placebo"
    head = _SEQUENCE_TAIL.sub("", label)
    if len(label.split()) > 4 and 1 <= len(head.split()) <= 4 and "," not in head:
        label = head  # "complete bladder neck preservation with subsequent urethro-urethral anastomosis"
    if len(label.split()) > 4:
        drugs = find_drugs(label, code_names=True)
        if drugs:
            span = label[drugs[0].start: drugs[-1].end]
            label = span if len(span.split()) <= 5 else drugs[0].text
    return label


#: What the arm is for, after what it is: "usual procedures to reach …", "sucrose as part of their habitual diet".
_PURPOSE_TAIL = quick(r"\s+(?:as (?:part|an adjunct) of|in order to|so as to|with the aim of|aim(?:ed|ing) (?:at|to)|"
                      r"to (?:reach|achieve|improve|reduce|prevent|promote|increase|decrease|maintain|control|enhance|"
                      r"lower|optimi[sz]e|support|encourage|facilitate)\b)\b.*$", re.IGNORECASE)


def _purpose_cut(label: str) -> str:
    """A long label without the clause that tells what the arm is for ("sucrose as part of their habitual diet under
    free-living conditions" is "sucrose"); a short one is kept as it is ("exercise to lower blood pressure" may name it)."""
    if len(label.split()) <= 4:
        return label
    cut = _PURPOSE_TAIL.sub("", label).strip(" ,;")
    return cut or label


#: What a label may end with and is no part of the arm's name (each is cut):
_EMPTIED_COMMAS = quick(r"\s*,(?:\s*,)*\s*(?=plus\b|\+)")  # ", on Days 1-14, plus" less its days: ", , plus"
_IN_ADDITION = quick(r"\s+in addition to\b.*$", re.IGNORECASE)  # "chemotherapy in addition to best supportive care"
_KIND_OR_LENGTH_TAIL = quick(  # "… arm", "… for 6 cycles"
    r"\s+(?:(?:study|treatment)\s+)?(?:arms?|groups?|regimens?)$|\s+for\s+(?:up to\s+|a maximum of\s+)?(?:\d+|two|three|four|five|six|eight|twelve)\s+"
    r"(?:days?|weeks?|months?|years?|cycles?|courses?)$", re.IGNORECASE)  # "… for a maximum of six cycles"
_IN_COMBINATION = quick(r"\s+in combination with\b.*$", re.IGNORECASE)
_SEQUENCE_TAIL = quick(r"\s+(?:with subsequent|followed by)\s+.*$", re.IGNORECASE)
_AS_CONTROLS = quick(r"\bas (?:the )?controls?$", re.IGNORECASE)  # "to no preservation as controls"
_TRAILING_ROUTE = quick(r"(?:\s+(?:orally|intravenously|subcutaneously|i\.v\.|p\.o\.|s\.c\.|bid|b\.i\.d\.|tid|qd|daily|"
                             r"twice daily|once daily|every \d+ (?:days|weeks)|every (?:day|week)))+$", re.IGNORECASE)
_SPLIT_OR = quick(r"\s+(?:or|versus|vs\.?|compared with)\s+(?:to\s+)?(?:the\s+)?(?:receive\s+)?", re.IGNORECASE)
_RANDOMISED_HEAD = quick(
    r"(?:randomi[sz]ed|randomly (?:assigned|allocated)|allocated|assigned)(?:\s+\d\s*:\s*\d)?"
    r"(?:\s+in\s+(?:an?\s+)?(?:\d\s*:\s*\d|[\w-]+)\s+(?:ratio|manner|fashion))?\s+(?:[\w-]+\s+){0,3}?(?:to|between|into)\s+"
    r"(?:(?:one of\s+)?(?:two|three|four|five|six|[2-6])\s+(?:[\w-]+\s+)?(?:groups|arms)\s+(?:to\s+receive|receiving|given)\s+)?"  # "into four groups to receive"
    r"(?:receive\s+|either\s+|the\s+)*"
    r"|randomly received?\s+(?:either\s+)?|\b(?:who|that|and) received\s+(?:either\s+)?"
    r"|\b(?:receiv(?:ed|ing)|treated with)\s+(?:(?:[\w-]+\s+){1,3}?of\s+)?either\s+"  # "received four cycles of either A or B"
    # "randomly allocated either A or B", "randomised, after simple mastectomy, to receive either A or B"
    r"|(?:randomi[sz]ed|randomly (?:assigned|allocated))(?:,\s+[^,;.()]{3,80},)?\s+(?:to\s+)?(?:receive\s+)?either\s+"
    # "randomized patients with K-RAS wild-type, chemotherapy-refractory, metastatic colorectal cancer to receive A or B"
    r"|(?:randomi[sz]ed|randomly assigned|randomly allocated)\s+(?:\d[\d,]*\s+)?(?:[\w-]+\s+){0,2}?(?:patients|participants|subjects|women|men)\b"
    r"(?:,?\s+[\w,-]+){0,14}?\s+to\s+(?:receive\s+|either\s+)*"  # "randomized STEMI patients, without known diabetes, to"
    # "189 patients were randomly assigned sertraline 50 mg (n=95), or placebo (n=94)": the arms without "to"
    r"|\b(?:were|was)\s+randomly\s+(?:assigned|allocated)\s+(?!(?:to|into|in|at|by|using|with|from|between|for|on|after|"
    r"according|following|within|and|or|as|based|a|an|centrally|equally|stratified|blocks?)\b)(?=[A-Za-z])"
    # "randomly assigned 731 patients with NSCLC who had progressed after prior chemotherapy to erlotinib or placebo"
    r"|(?:randomi[sz]ed|randomly assigned|randomly allocated)\s+\d[\d,]*\s+(?:[\w-]+\s+){1,14}?to\s+(?:receive\s+|either\s+)*",
    re.IGNORECASE,
)


# The joining word only: the blanked brackets before it stay with the first part ("EXE (n = 366) or MA").
_OR_WORD = quick(r"(?<=\s)(?:or|versus|vs\.?|compared with)\s+(?:to\s+)?(?:the\s+)?(?:receive\s+)?", re.IGNORECASE)
_AND_WORD = quick(r"(?<=\s)and\s+")
_EITHER = quick(r"(?<=\s)either\s+", re.IGNORECASE)
_CLAUSE_END = quick(r";\s|(?<!\.[a-z])(?<!\svs)\.\s"  # not "A vs. B"
                         r"|(?<!\d),\s+and\b|(?<=\d),\s+and\b(?!\s+\d)"  # not "on days 1, 8, and 15"
                         r"|,\s+(?:with|stratified|followed by|in|respectively)\b|\s(?:until|for up to)\s"
                         r"|\s(?:in order\s+)?to\s+(?:compare|assess|evaluate|determine|investigate|examine)\b"  # "… or BSC to compare …"
                         r"|\sin\s+an?\s+\d+(?:\s*:\s*\d+)+\s+(?:ratio|fashion|manner)\b|\s(?:and|who)\s+(?:used|were|was|then|followed)\b"
                         r"|,\s+\d[\d,]*\s+(?:\(|had\b|were\b|was\b)"  # "… or placebo, 514 (73%) had diabetes"
                         r"|:\s+of\s+(?:these|them|whom)\b|\sinitiated\s"  # "three or four cycles: of these, 681 were …", "or placebo initiated directly after PCI"
                         r"|,\s+(?:where|whereas)\b"  # "to the expansive or contractive condition, where the …"
                         # "… or megestrol acetate (160 mg orally daily) were analyzed" (after the last arm's blanked
                         # bracket only: not "randomized to A and continued receiving B were analyzed"), "… or placebo (2
                         # doses) ≥10 days pre-"
                         r"|\s{3,}(?:were|was)\s+(?:analy[sz]ed|evaluated|assessed|included|eligible)\b|\s[≥≤]\s*\d")
_COUNT_IN_PART = quick(r"(?<![A-Za-z/])\(\s*(?:[nN]\s*=\s*)?(\d+)(?:\s*(?:patients|pts))?\s*[);]|[;,]\s*[nN]\s*=\s*(\d+)\s*\)")


_BRACKET_CHAR = quick(r"[()\[\]]")


def mask_brackets(text: str) -> str:
    """``text`` with every bracketed aside (nested ones too) blanked to spaces: the same
    length, so a span found in the mask is the same span of the text."""
    if "(" not in text and "[" not in text:
        return text  # a closing bracket alone is kept as it is
    parts = []
    depth = kept = 0  # kept: where the text outside the brackets resumes
    for m in _BRACKET_CHAR.finditer(text):
        if m.group() in "([":
            if not depth:
                parts.append(text[kept:m.start()])
                kept = m.start()
            depth += 1
        elif depth:
            depth -= 1
            if not depth:
                parts.append(" " * (m.end() - kept))
                kept = m.end()
    parts.append(" " * (len(text) - kept) if depth else text[kept:])
    return "".join(parts)




def says_randomised(sentence: str) -> bool:
    """The sentence has a word of randomisation ("randomi[sz]ed", "randomly", "assigned", "allocated"), in any case
    (plain substring tests: a case-insensitive search of every sentence cost more than they do)."""
    low = sentence.lower()
    return "randomi" in low or "randomly" in low or "assigned" in low or "allocated" in low


def _randomised_at(sentence: str) -> int:
    """Where the sentence's first word of randomisation starts (0 when it has none)."""
    low = sentence.lower()
    return min((at for at in (low.find(w) for w in ("randomi", "randomly", "assigned", "allocated")) if at >= 0), default=0)


def _arm_spans(masked: str, start: int, end: int, cuts: list[re.Match[str]]) -> list[tuple[int, int]]:
    """Where each arm's words lie between the randomisation verb and the clause end: "A or B",
    "A, B, or C" (commas before the one "or"), "A, or B, or C" (an "or" after each comma)."""
    if len(cuts) > 1 and not all(masked[max(0, c.start() - 2): c.start()].startswith(",") for c in cuts):
        bounds = [start, *(x for c in cuts for x in (c.start(), c.end())), end]
        spans = list(zip(bounds[::2], bounds[1::2], strict=True))
        # "CE (…) or THC (…) or placebo": short parts joined by "or" alone
        return spans if all(1 <= len(_short_label(masked[a:b]).split()) <= 3 for a, b in spans) else []
    if len(cuts) == 1:
        commas = [c.start() for c in re.finditer(r",\s+(?!(?:or|and)\b)", masked[: cuts[0].start()].rstrip()) if c.start() > start]
        if len(commas) <= 3 and not any(re.match(r",\s+\d", masked[c:]) for c in commas):  # not "gemcitabine, 1000 mg/m2"
            return [*pairwise([start, *commas, cuts[0].start()]), (cuts[0].end(), end)]
    if not cuts:
        return []
    bounds = [start, *(x for c in cuts for x in (c.start(), c.end())), end]
    return list(zip(bounds[::2], bounds[1::2], strict=True))


def _counted_spans(sentence: str, start: int, end: int, cuts: list[re.Match[str]]) -> list[tuple[int, int]]:
    r""" "A, on days 1-14, plus B (n = 255), or C (n = 256)": when each part ends in its count, the counts (not the
    commas inside a part) bound the arms; [] when some part has no count of its own. The last part ends at its
    count when words of time, route or setting follow it ("B (106 patients) via intramuscular injection"), not a
    head the parts share ("robotic (n = 46) or open (n = 44) resection")."""
    last = _COUNT_IN_PART.search(sentence, cuts[-1].end(), end) if cuts else None
    if last and _AFTER_THE_ARMS.match(sentence, last.end()):
        end = last.end()
    bounds = [start, *(x for c in cuts for x in (c.start(), c.end())), end]
    spans = list(zip(bounds[::2], bounds[1::2], strict=True))
    parts = [sentence[a:b].rstrip(" ,.") for a, b in spans]
    one_count_each = all(_COUNT_AT_END.search(p) and len(_COUNT_IN_PART.findall(p)) == 1 for p in parts)
    return spans if cuts and one_count_each else []  # not "A (n=109), B (n=104), or C (n=103)"


#: "patients received a 30-mg dose of LAO (109 patients) or placebo (106 patients)": no word of randomisation, so a count must end each part.
_RECEIVED = quick(r"\breceived\s+(?:either\s+)?")


def _received_with_counts(sentences: list[str]) -> list[tuple[str, int | None, str]]:
    """ "patients received A (109 patients) or B (106 patients)": the arms of a sentence without a word of
    randomisation, when a count ends each of its parts."""
    for sentence in sentences:
        masked = mask_brackets(sentence)
        head = _RECEIVED.search(masked) if "received" in sentence else None
        if head is None:
            continue
        stop = _CLAUSE_END.search(masked, head.end())
        end = stop.start() if stop else len(masked)
        spans = _counted_spans(sentence, head.end(), end, list(_OR_WORD.finditer(masked, head.end(), end)))
        out = [(_short_label(sentence[a:b]), _COUNT_IN_PART.search(sentence[a:b]), sentence[a:b].strip(" ,")) for a, b in spans]
        if out and all(1 <= len(label.split()) <= 6 and tidy_label(label) for label, _, _ in out):
            return [(label, int(c.group(1) or c.group(2)) if c else None, part) for label, c, part in out]
    return []


#: "30 patients received", "Thirty children were given": a count, then what it received; a case-folded number word.
_COUNT_RECEIVED = quick(rf"(?<![\w.,])(?P<n>\d+|(?i:{WORD_NUMBER}))\s+(?:[a-z]+\s+)?"
                        r"(?:received|were given|were treated with|underwent)\s+")
_COUNT_RECEIVED_HINT = quick(r"received|were given|were treated with|underwent")
_LIST_BEGUN = quick(r"\b(?:were|was)\b[^;:]*,\s*$")  # not "Among 264 eligible patients, 134 received"
_SEVERAL = quick(r"(?:one|any|each|all) of\b", re.IGNORECASE)  # "545 patients received one of five FF treatment groups"
_PART_JOIN = quick(r"[\s,]*(?:\b(?:and|while|whereas)\b)?[\s,]*$")  # ", and" before the next count


def _counts_received(sentences: list[str]) -> list[tuple[str, int | None, str]]:
    """ "30 patients received 2 ml autologous blood …, and 30 patients received 2 ml local corticosteroid …", "19
    participants received amitriptyline and 20 participants received a placebo pill": each count and what it received
    is an arm, when every part is a short name."""
    for sentence in sentences:
        marks = list(_COUNT_RECEIVED.finditer(sentence)) if _COUNT_RECEIVED_HINT.search(sentence) else []
        if len(marks) < 2 or _LIST_BEGUN.search(sentence, 0, marks[0].start()):
            continue  # "Thirty were fed Apple Juice (AJ), 30 received …": a list begun before, in another shape
        stop = _CLAUSE_END.search(mask_brackets(sentence), marks[-1].end())
        ends = [m.start() for m in marks[1:]] + [stop.start() if stop else len(sentence)]
        parts = [_PART_JOIN.sub("", sentence[m.end():end]).strip(" ,.") for m, end in zip(marks, ends, strict=True)]
        labels = [_short_label(part) for part in parts]
        if all(1 <= len(label.split()) <= 6 and tidy_label(label) and not _SEVERAL.match(part) for label, part in zip(labels, parts, strict=True)) \
                and len({label.lower() for label in labels}) == len(labels):
            return [(label, word_to_int(m.group("n")), part) for label, m, part in zip(labels, marks, parts, strict=True)]
    return []


#: "received oral vandetanib 300 mg/d or matched placebo": a treatment and its placebo, no word of randomisation.
_RECEIVED_OR_PLACEBO = quick(
    r"\b(?:received|were given)\s+(?:either\s+)?(?P<x>[^,;()]{3,60}?)\s+or\s+(?:an?\s+)?(?:(?:matched|matching|identical)\s+)?"
    r"(?P<p>placebo)\b", re.IGNORECASE)


def _received_or_placebo(sentences: list[str]) -> list[tuple[str, int | None, str]]:
    """ "patients … received oral vandetanib 300 mg/d or matched placebo": the treatment's arm and the placebo's;
    not "were given in random order" (a crossover) nor "A 100 and 300 mg or placebo" (more arms than two)."""
    for sentence in sentences:
        m = _RECEIVED_OR_PLACEBO.search(sentence) if "placebo" in sentence else None
        if m is None or _ONE_PATIENT_BOTH.search(sentence):
            continue
        given = m.group("x").rsplit("either ", 1)[-1]  # "a consultation plus either oral homeopathic medicine"
        label = _short_label(given)
        if 1 <= len(label.split()) <= 6 and tidy_label(label) and not _MORE_THAN_ONE.search(given):
            return [(label, None, given), (m.group("p"), None, m.group("p"))]
    return []


#: "Patients inhaled 1% lavender, 1% linalyl acetate, or vehicle (control group) for 20 minutes": what the patients
#: took, listed, the last item marked as the control; no word of randomisation.
_LIST_THEN_CONTROL = quick(
    r"\b(?:patients|participants|subjects|women|men|children)\s+(?:were\s+)?(?:[a-z]+ed|received|given|took)\s+(?:either\s+)?"
    r"(?P<list>[^.;:()]{3,160}?),?\s+or\s+(?P<last>[^.,;:()]{2,40}?)\s*\((?:the\s+)?controls?(?:\s+(?:group|arm))?\)",
    re.IGNORECASE)


def _list_then_control(sentences: list[str]) -> list[tuple[str, int | None, str]]:
    """The arms of ``_LIST_THEN_CONTROL``: each listed item, then the control, each a short name."""
    for sentence in sentences:
        m = _LIST_THEN_CONTROL.search(sentence) if "control" in sentence and " or " in sentence else None
        if m is None:
            continue
        parts = [*(p for p in _COMMA_ITEM.split(m.group("list")) if p.strip()), m.group("last")]
        arms: list[tuple[str, int | None, str]] = [(_short_label(part), None, part.strip()) for part in parts]
        if all(1 <= len(label.split()) <= 4 and tidy_label(label) for label, _, _ in arms) \
                and len({label.lower() for label, _, _ in arms}) == len(arms):
            return arms
    return []


#: Words of a crossover, where each patient receives both: "in random order", "cross-over", "separated by a washout".
_ONE_PATIENT_BOTH = quick(r"random(?:ized|ised)? (?:order|sequence)|cross-?over|wash-?out", re.IGNORECASE)
#: A treatment part that holds more than one arm: "canagliflozin 100 and 300 mg", "A or B".
_MORE_THAN_ONE = quick(r"\s(?:and|or)\s|placebo", re.IGNORECASE)


_AFTER_THE_ARMS = quick(r"\s*(?:[,;.]|$|(?:in|for|via|during|as|at|on|over|from|after|before|until|given|administered|"
                             r"daily|once|twice|each|every|[a-z]+ly)\b)")
_COUNT_AT_END = quick(r"(?:\(|[;,]\s*)(?:[nN]\s*=\s*\d+|\d+\s+(?:patients|pts|participants|women|men))\s*\)$")


def _randomised_to(sentences: list[str]) -> list[tuple[str, int | None, str]]:
    """ "randomised to receive X (n = 214) or Y (n = 215)": two arms, with their counts."""
    for i, sentence in enumerate(sentences):
        if not says_randomised(sentence):
            continue
        masked = mask_brackets(sentence)
        listed = _enumerated(sentence, masked, _randomised_at(sentence)) or _colon_list(sentence, masked) \
            or _list_in_next(sentences, i)
        if listed:
            return listed
        head = _RANDOMISED_HEAD.search(masked)
        if head is None:
            continue
        listed = _semicolon_list(sentence, masked, head.end()) or _with_or_without(sentence, masked, head.end())
        if listed:
            return listed
        start = _given_either(masked, head.end())
        stop = _CLAUSE_END.search(masked, start)
        end = stop.start() if stop else len(masked)
        cuts = list(_OR_WORD.finditer(masked, start, end)) or list(_AND_WORD.finditer(masked, start, end))
        # "to receive a 78-day, outpatient regimen of either A or B": the arms start after "either"
        either = _EITHER.search(masked, start, cuts[0].start()) if cuts else None
        begin = either.end() if either else start
        spans = _counted_spans(sentence, begin, end, [c for c in cuts if c.start() >= begin]) \
            or _arm_spans(masked, begin, end, [c for c in cuts if c.start() >= begin])
        parts = [sentence[a:b].strip(" ,") for a, b in spans]
        doses = _dose_levels(parts or _parts_each_or_bounds(sentence, begin, end, [c for c in cuts if c.start() >= begin]))
        if doses:
            return doses
        out = []
        for a, b in spans:
            part = sentence[a:b].strip(" ,")
            count = _COUNT_IN_PART.search(part)
            label = _short_label(part)
            if 1 <= len(label.split()) <= 6 and tidy_label(label):  # else the split did not find arms
                out.append((label, int(count.group(1) or count.group(2)) if count else None, part))
        if spans and len(out) == len(spans):
            return _shared_head(out) or out
    return []


def _either_described(sentences: list[str]) -> list[tuple[str, int | None, str]]:
    """ "randomized to use either an electronic stethoscope, or a conventional acoustic stethoscope during clinical
    auscultation training": after the randomisation's words, "either A or B" with one "or", one part described at
    length and named by its head (``_named_item``); a last resort, where no other shape names two arms."""
    for sentence in sentences:
        if "either" not in sentence or not says_randomised(sentence) or _ONE_PATIENT_BOTH.search(sentence):
            continue
        masked = mask_brackets(sentence)
        either = _either_after_head(masked)
        if either is None:
            continue
        stop = _CLAUSE_END.search(masked, either.end())
        end = stop.start() if stop else len(masked)
        cuts = list(_OR_WORD.finditer(masked, either.end(), end))
        if len(cuts) == 1:
            parts = [sentence[either.end():cuts[0].start()].strip(" ,"), sentence[cuts[0].end():end].strip(" ,.")]
            named = [_listed_item(part) if len(_short_label(part).split()) <= 6 else _named_item(part) for part in parts]
            arms = [item for item in named if item is not None]
            if len(arms) == 2 and _told_apart(arms[0][0], arms[1][0]):
                return arms
    return []


def _either_after_head(masked: str) -> re.Match[str] | None:
    """The "either" in or close after the randomisation's words, with no "or" before it (not "to A (n = 243) or to
    castration (n = 243), either orchiectomy or …")."""
    head = _RANDOMISED_HEAD.search(masked)
    if head is None:
        return None
    either = _EITHER.search(masked, head.end() - 7, head.end() + 60)
    return either if either and not _OR_WORD.search(masked, head.end(), either.start()) else None


def _told_apart(a: str, b: str) -> bool:
    """Two labels a reader tells apart: neither's words all in the other's ("trial invitation letter" is not told from
    "standard trial invitation letter", "DOX" from "DOX 60 mg/m"), neither opening with a joining word ("with …")."""
    words_a, words_b = set(a.lower().split()), set(b.lower().split())
    opens = {a.split()[0].lower(), b.split()[0].lower()}
    return not (words_a <= words_b or words_b <= words_a or opens & _ALIAS_STOP)


#: "randomized into two groups and were administered either A or B": the arms follow the later "either".
_GIVEN_EITHER = quick(r"\b(?:administered|given|received|treated with|underwent)\s+either\s+", re.IGNORECASE)


def _given_either(masked: str, start: int) -> int:
    """Where the arms start: after a later "were administered/given/treated with either" in the sentence (the
    randomisation's own words then name the groups only), else at ``start``."""
    if "either" not in masked[start:]:
        return start
    given = _GIVEN_EITHER.search(masked, start)
    return given.end() if given else start


_DOSE_LEAD = quick(r"^(?:(?:either|at|a|an)\s+)*(?:doses?\s+of\s+)?", re.IGNORECASE)  # "at a dose of 175, 210"
_LEADING_DOSE = quick(rf"^(?:(?:either|at|a|an)\s+)?(?:doses?\s+of\s+)?(?P<n>\d[\d.,]*)(?:\s*(?P<unit>{_UNIT}))?(?![\w]|[.,]\d)",
                           re.IGNORECASE)  # "250 mg/m2, adequate …": the comma after the unit ends the dose


#: What ends the arms among the parts an "or" bounds ("placebo for 3 cycles or 90-102 days …"): that part is cut there
#: and the parts after it are no arms; a schedule or route only ends its own part ("20 mg daily").
_PARTS_END = quick(r",|\s(?:for|by|in|over|as|during|until)\b", re.IGNORECASE)
_PART_SCHEDULE = quick(r"\s(?:every|once|twice|daily|administered|given|on|via)\b", re.IGNORECASE)


def _parts_each_or_bounds(sentence: str, begin: int, end: int, cuts: list[re.Match[str]]) -> list[str]:
    """ "gantenerumab 105 mg or 225 mg or placebo every 4 weeks by …": the parts each "or" bounds, each cut before its
    schedule, up to the part that ends the arms; for dose levels, where the split into arms found none."""
    bounds = [begin, *(x for c in cuts for x in (c.start(), c.end())), end]
    parts = []
    for a, b in zip(bounds[::2], bounds[1::2], strict=True):
        masked = mask_brackets(sentence[a:b])
        stop = _PARTS_END.search(masked)
        cut = stop or _PART_SCHEDULE.search(masked, 1)
        parts.append(sentence[a:a + cut.start()].strip(" ,") if cut else sentence[a:b].strip(" ,"))
        if stop:
            break
    return parts if cuts else []


def _dose_levels(parts: list[str]) -> list[tuple[str, int | None, str]]:
    """ "pamidronate 30 mg or 90 mg", "3.75 or 7.5 mg of leuprorelin", "either 160, 800, or 1,600 mg/d of megestrol
    acetate", "docetaxel 100 mg/m(2) (49 patients) or 75 mg/m(2) (55 patients) or best supportive care": doses of one
    drug are arms, each labelled by the drug and its dose (a part that is no dose keeps its own label); [] when the
    parts are not of that shape."""
    if sum(any(ch.isdigit() for ch in p) for p in parts) < 2:
        return []  # doses need digits
    drugs = find_drugs(_strip_parentheticals(" ".join(parts)), code_names=True)
    if len({d.drug.name.lower() for d in drugs}) != 1 or len(parts) > 6:
        return []
    drug = drugs[0].text
    items: list[tuple[str | None, str | None, str]] = []  # (number, unit, part) or (None, label, part)
    for part in parts:
        plain = _LEAD.sub("", _strip_parentheticals(part).strip(" ,."))
        plain = plain[len(drug):].strip() if plain.lower().startswith(drug.lower()) else plain
        plain = _DOSE_LEAD.sub("", plain)
        listed = re.fullmatch(r"\d[\d.,]*(?:,\s+\d[\d.,]*)+", plain)  # "160, 800" (before "or 1,600 mg/d")
        for piece in re.split(r",\s+", plain) if listed else [plain]:
            dose = _LEADING_DOSE.match(piece)
            label = _short_label(part)
            if dose is None and not (tidy_label(label) and not find_drugs(label, code_names=True)):
                return []  # a part that is neither a dose nor another treatment ("placebo", "best supportive care")
            items.append((dose.group("n"), dose.group("unit"), part) if dose else (None, label, part))
    numbers = [(n, unit) for n, unit, _ in items if n is not None]
    units = [unit for _, unit in numbers if unit]
    if len(numbers) < 2 or len({n for n, _ in numbers}) < len(numbers) or not units:
        return []
    out: list[tuple[str, int | None, str]] = []
    for i, (n, unit, part) in enumerate(items):
        if n is None:
            out.append((str(unit), None, part))
            continue
        unit = unit or next((u for m, u, _ in items[i:] if m is not None and u), units[-1])  # "3.75 or 7.5 mg"
        count = _COUNT_IN_PART.search(part)
        label = f"{drug} {n} {unit}"
        out.append((label, int(count.group(1) or count.group(2)) if count else None, label))  # "90 mg (…)" is the drug's
    return out


_DOSE_LABEL = quick(rf"\s(?P<n>\d[\d.,]*)\s{_UNIT}$", re.IGNORECASE)


def _dose_mention(low: str, arm: ArmDraft) -> int:
    """Where the text first prints the dose an arm is labelled by ("3.75" of "3.75 or 7.5 mg of leuprorelin"), as
    arms of one drug are listed by their doses alone."""
    dose = _DOSE_LABEL.search(arm.label or "")
    found = re.search(rf"(?<![\d.,]){re.escape(dose.group('n'))}(?![\d]|[.,]\d)", low) if dose else None
    return found.start() if found else len(low)


#: "randomized to CP with or without sorafenib", "trial of ADT +/- chemotherapy": a treatment alone, and with another.
_WITH_OR_WITHOUT = quick(r"\s+(?P<j>with or without|\+\s*/\s*[-−]|±)\s+", re.IGNORECASE)
_WITH_OR_WITHOUT_END = quick(r"[;.,]\s|[;.]?$|\s(?:in|for|among|as|to|who|which|that|were|was|is|are|after|before|during|until|"
                                  r"delivered|given|administered)\s", re.IGNORECASE)


def _drug_if_long(label: str) -> str:
    """A label of more than three words that names one drug is that drug: "preceding infusion of raltitrexed" is
    "raltitrexed"."""
    if len(label.split()) <= 3:
        return label
    drugs = find_drugs(label, code_names=True)
    return drugs[0].text if len(drugs) == 1 else label


def _with_or_without(sentence: str, masked: str, start: int) -> list[tuple[str, int | None, str]]:
    """ "A with or without B" right after the randomisation (or "trial of"): arms "A" and "A with B" ("A + B" after
    "+/-" or "±"), each a short name; [] when the words are not of that shape."""
    joined = _WITH_OR_WITHOUT.search(masked, start, start + 80)
    stop = _WITH_OR_WITHOUT_END.search(masked, joined.end()) if joined else None
    if joined is None or stop is None:
        return []
    first = sentence[start:joined.start()].strip(" ,")
    if len(_DOSE_AND_SCHEDULE.sub("", _strip_parentheticals(first)).split()) > 4:
        return []  # a treatment's short name only: not "6–8 cycles of (neo)adjuvant chemotherapy (CT) +/− …"
    a, b = (_drug_if_long(_short_label(x)) for x in (first, sentence[joined.end():stop.start()].strip(" ,")))
    if not (1 <= len(a.split()) <= 3 and 1 <= len(b.split()) <= 3 and tidy_label(a) and tidy_label(b)):
        return []
    both = f"{a} with {b}" if joined.group("j").lower().startswith("with") else f"{a} + {b}"
    return [(a, None, a), (both, None, f"{a} {b}")]


_TRIAL_OF = quick(r"\brandomi[sz]ed\b[^.;]{0,60}?\b(?:trial|study)\s+(?:of|comparing|evaluating)\s+", re.IGNORECASE)
_VERSUS = quick(r"\s+(?:versus|vs\.?)\s+", re.IGNORECASE)
#: "Following the end of an initial 6-month randomized controlled trial of A versus B, …": a trial before this one;
#: "from our randomized trial of A versus B, we analyzed a cohort of tumour samples": the trial an analysis draws on.
_EARLIER_TRIAL = quick(r"\b(?:initial|previous|prior|earlier|original|parent|completed)\b[^.;]{0,40}$"
                       r"|\bfrom\s+(?:our|the|a|an|this)\s+$", re.IGNORECASE)  # "from our randomized trial of A versus B, we analyzed"
_OUTCOMES_OF = quick(r"^(?:the\s+)?(?:outcomes?|effects?|efficacy|safety|effectiveness)\s+(?:of|for|with)\s+", re.IGNORECASE)


def _trial_of_one_with_or_without(sentences: list[str]) -> list[tuple[str, int | None, str]]:
    """ "a randomized phase 3 trial of ADT +/- chemotherapy": the arms of ``_with_or_without``."""
    for sentence in sentences:
        trial = _TRIAL_OF.search(sentence) if "with" in sentence or "±" in sentence or "/-" in sentence else None
        arms = _with_or_without(sentence, mask_brackets(sentence), trial.end()) if trial else []
        if arms:
            return arms
    return []


def _trial_of_pair(sentences: list[str]) -> list[tuple[str, int | None, str]]:
    """ "a randomized, double-blind trial of melatonin 20 mg versus placebo in patients …", "a randomised phase III
    trial comparing preoperative versus postoperative RT": the two sides of the "versus", each a short name."""
    for sentence in sentences:
        trial = _TRIAL_OF.search(sentence) if "versus" in sentence or "vs" in sentence else None
        masked = mask_brackets(sentence) if trial else ""
        joined = _VERSUS.search(masked, trial.end(), trial.end() + 100) if trial else None
        stop = _WITH_OR_WITHOUT_END.search(masked, joined.end()) if joined else None
        if trial is None or joined is None or stop is None or _EARLIER_TRIAL.search(sentence, 0, trial.start()) \
                or " or " in sentence[trial.end():joined.end()]:
            continue  # another trial's arms, or more arms than two ("allo-hMSCs (100 or 200-million) vs placebo")
        first = _OUTCOMES_OF.sub("", sentence[trial.end():joined.start()].strip(" ,"))
        sides = [first, sentence[joined.end():stop.start()].strip(" ,")]
        arms: list[tuple[str, int | None, str]] = [(_short_label(side), None, side) for side in sides]
        if all(1 <= len(label.split()) <= 5 and tidy_label(label) for label, _, _ in arms):
            return _shared_head(arms) or arms
    return []


#: "to receive: A (DC); B (DCb); or C (VC)", "into the following two groups: A (VATS) …; and B (TS) …": each arm
#: ends in a semicolon, the last one opens with "or" or "and".
_LIST_LEAD = quick(r"\s*(?:receive\s*)?(?:the\s+following\s+(?:\w+\s+)?(?:groups|arms)\s*)?:?\s*", re.IGNORECASE)
_LAST_ITEM = quick(r";\s+(?:or|and)\s+", re.IGNORECASE)


def _semicolon_list(sentence: str, masked: str, start: int) -> list[tuple[str, int | None, str]]:
    """The arms of a randomisation that lists them between semicolons, each named by its label."""
    last = _LAST_ITEM.search(masked, start)
    if last is None:
        return []
    begin = _LIST_LEAD.match(masked, start).end()  # type: ignore[union-attr]  # it matches the empty string
    end = masked.find(". ", last.end())
    bounds = [begin, *(x for m in re.finditer(r";\s+(?:(?:or|and)\s+)?", masked[:last.end()]) if m.start() >= begin
                       for x in m.span()), end if end >= 0 else len(masked)]
    out = []
    for a, b in zip(bounds[::2], bounds[1::2], strict=True):
        part = sentence[a:b].strip(" ,.")
        label, count = _short_label(part), _COUNT_IN_PART.search(part)
        if not 1 <= len(label.split()) <= 4 or not tidy_label(label):
            return []
        out.append((label, int(count.group(1) or count.group(2)) if count else None, part))
    return out if len({label.lower() for label, *_ in out}) == len(out) >= 2 else []



#: The name a bracket gives an arm's group: "(T4-WD Group, n = 89)", "(1 + 2.5 group)", "(Group D0.15)" (not "(n=25 for each group)").
_GROUP_IN_BRACKET = quick(r"\((?:(?P<h>[Gg]roup\s+[^(),;\s]{1,12})|(?!n\s*=)(?P<g>[^(),;]{1,20}?)\s+[Gg]roup)\b[^()]*\)")
#: "30 received haloperidol", "the other received rehabilitation": who got the arm's treatment, before it.
_ITEM_LEAD = quick(r"^(?:\d+|one|another|the (?:other|first|second|third))\s+(?:(?:group|patients|participants|subjects)\s+)?"
                        r"(?:received|were given|was given|underwent|got)\s+", re.IGNORECASE)
#: "group ILMA, Intubating Laryngeal Mask Airway", "LU, 12 g/d": the arm's name, then what it is.
_OWN_GROUP = quick(r"(?:group|arm)\s+\S+", re.IGNORECASE)  # "group Asp (NovoRapid group)" is "group Asp"
_NAME_THEN_COMMA = quick(r"(?P<name>[^\s,]+(?: [^\s,]+){0,3}),\s")
_NOT_AN_ITEM = quick(r"[^=]*=|(?:with|without|or|and)$", re.IGNORECASE)
_CLAUSE_VERB = quick(r"\b(?:was|were|is|are|has|have|had)\b", re.IGNORECASE)
_QUOTES = quick(r"[‘’'\"“”]")


def _listed_item(part: str) -> tuple[str, int | None, str] | None:
    """One arm of a list: its label (the group a bracket names, else the name before a comma, else the short label),
    count and words; None when the words name no arm (too long, a clause, not a label)."""
    part = _ITEM_LEAD.sub("", part.strip(" ,;."))
    masked = mask_brackets(part)
    if _CLAUSE_VERB.search(masked) or _NOT_AN_ITEM.match(masked):
        return None  # "… and follow-up was done for 5 years", "n = 5", "with"
    own, group, named = _OWN_GROUP.fullmatch(masked.strip()), _GROUP_IN_BRACKET.search(part), _NAME_THEN_COMMA.match(masked)
    label = own.group() if own else (group.group("h") or group.group("g")).strip() if group \
        else named.group("name").strip() if named else _short_label(part)
    label = _QUOTES.sub("", label)
    count = _COUNT_IN_PART.search(part)
    if not 1 <= len(label.split()) <= 6 or not tidy_label(label):
        return None
    return label, int(count.group(1) or count.group(2)) if count else None, part


def _listed_arms(parts: list[str]) -> list[tuple[str, int | None, str]]:
    """The arms of a list's parts, all or none, two or more with distinct labels."""
    out = [_listed_item(part) for part in parts]
    arms = [item for item in out if item is not None]
    return arms if len(arms) == len(out) >= 2 and len({label.lower() for label, *_ in arms}) == len(arms) else []


#: A list's marks: "(1)", "2)", "(a)", "b)", "(i)", "ii)", after a space, a colon or the start.
_ENUM_MARK = quick(r"(?:(?<=[\s:])|^)(?P<o>\()?(?P<m>[1-6]|[a-f]|i{1,3}|iv|v|vi)\)\s+")
_ENUM_SERIES = (("1", "2", "3", "4", "5", "6"), ("a", "b", "c", "d", "e", "f"), ("i", "ii", "iii", "iv", "v", "vi"))
_ITEM_JOIN_TAIL = quick(r"(?:[,;]?\s+(?:and|or)(?:\s+(?:the|a|an))?|[,;])\s*$", re.IGNORECASE)  # "A; and" before the next mark
_LAST_ITEM_END = quick(r";\s|\.\s|\.?$|,\s+(?!(?:and|or)\b)")


def _enumerated_marks(sentence: str, start: int) -> list[re.Match[str]]:
    """The marks of the first numbered run after ``start`` (1, 2, 3 or a, b, c or i, ii, iii; all bracketed alike)."""
    marks = list(_ENUM_MARK.finditer(sentence, start))
    for k, first in enumerate(marks):
        series = next((x for x in _ENUM_SERIES if x[0] == first.group("m")), None)
        run = [first]
        for m in marks[k + 1:]:
            if series and len(run) < len(series) and m.group("m") == series[len(run)] and bool(m.group("o")) == bool(first.group("o")):
                run.append(m)
        if len(run) >= 2:
            return run
    return []


def _enumerated(sentence: str, masked: str, start: int) -> list[tuple[str, int | None, str]]:
    """ "randomized to: (1) A; (2) B; and (3) C", "randomly assigned to 1) A, 2) B, or 3) C", "(a) A or (b) B": each
    numbered part after the randomisation is an arm; right after the randomisation's words, an item described at
    length is named by its head (``_named_item``)."""
    marks = _enumerated_marks(sentence, start) if ")" in sentence[start:] else []
    if not marks:
        return []
    last = _LAST_ITEM_END.search(masked, marks[-1].end())
    ends = [m.start() for m in marks[1:]] + [last.start() if last else len(sentence)]
    parts = [_ITEM_JOIN_TAIL.sub("", sentence[m.end():end].rstrip()) for m, end in zip(marks, ends, strict=True)]
    listed = _listed_arms(parts)
    if listed or not _ENUM_LEAD.search(masked, start, marks[0].start()):
        return listed
    named = [_named_item(part) if len(part.split()) > 6 else _listed_item(part) for part in parts]
    arms = [item for item in named if item is not None]
    return arms if len(arms) == len(named) and len({label.lower() for label, *_ in arms}) == len(arms) else []


#: The first mark of a numbered list that opens a sentence: "1) co-administration of …", "(a) …", "(i) …".
_LIST_OPENS = quick(r"\(?(?:1|a|i)\)\s")


def _list_in_next(sentences: list[str], i: int) -> list[tuple[str, int | None, str]]:
    """ "… were randomly assigned to the following groups. 1) A (FMS/RSV), 2) B (FMS) alone 3) C (RSV) alone.": the
    numbered arms of the sentence after the randomisation's, when that one ends as a list's introduction."""
    if i + 1 >= len(sentences) or not _LIST_OPENS.match(sentences[i + 1]):
        return []
    sentence = sentences[i]
    if not _ENUM_LEAD.search(mask_brackets(sentence), _randomised_at(sentence)):
        return []
    joined = f"{sentence} {sentences[i + 1]}"
    return _enumerated(joined, mask_brackets(joined), _randomised_at(joined))


#: What ends right before a list of arms: "randomly assigned to", "randomized 1:1 to either", "allocated into three
#: groups by treatment:", "to one of two strategies:", "to the following groups." (the list in the next sentence).
_ENUM_LEAD = quick(r"(?:\b(?:randomi[sz]ed|assigned|allocated|divided)\s+(?:[\w:-]+\s+){0,3}?(?:to|into|between)(?:\s+receive)?"
                   r"(?:\s+either)?\s*:?|\b(?:groups?|arms?|conditions|regimens|treatments|strategies|interventions)"
                   r"(?:\s+[\w-]+){0,3}\s*[:.])\s*$", re.IGNORECASE)
#: Where an item's head ends and its description starts: "a control group that was not exposed …", "SP (…): supplement
#: seven days before …", "tempo-pace synchronized audio-devices with personalized music playlists".
_ITEM_DETAIL = quick(r"\s(?:that|which|who|where|whereby|with|without|consisting|containing|including|comprising|receiving|"
                     r"given|for|in which|during|prior to|was|were|contained|received)\b|[:;]\s|\s\d+\s(?:hours?|days?|weeks?|minutes?)\b", re.IGNORECASE)  # not at a comma: "(b) similarly intense, targeted …"
#: A name an item gives itself in its last bracket: "a 12-week regimen of a cream containing … (Remin Pro)".
_ITEM_NAME_BRACKET = quick(r"\((?P<name>[A-Z][\w+/-]*(?:\s[\w+/-]+){0,3})\)\s*$")


def _named_item(part: str) -> tuple[str, int | None, str] | None:
    """An enumerated arm described at length, named by the name its last bracket gives it, else by its words before
    the description (``_ITEM_DETAIL``), when they are a short label; None else."""
    part = part.strip(" ,;.")
    named = _ITEM_NAME_BRACKET.search(part)
    if named and not _COUNT_IN_PART.search(named.group()) and not _BRACKETED_ROLE.fullmatch(named.group()):
        head = named.group("name")
    else:
        masked = mask_brackets(part)
        detail = _ITEM_DETAIL.search(masked)
        head = _short_label(part[:detail.start()]) if detail else ""
    label = _QUOTES.sub("", head).strip(" ,;.")
    if not 1 <= len(label.split()) <= 6 or not tidy_label(label) or _CLAUSE_VERB.search(label):
        return None
    count = _COUNT_IN_PART.search(part)
    return label, int(count.group(1) or count.group(2)) if count else None, part



#: "randomly divided into two groups:", "randomized to one of three conditions:", "into the following arms:", "to one of
#: two groups (A or B)", "into three groups, A (n = 6), B (n = 10), and C (n = 10)": a list follows.
_LIST_INTRO = quick(
    r"\b(?:randomi[sz]ed|assigned|allocated|divided|distributed)\b[^.:;()]{0,60}?"
    r"(?:\b(?P<n>two|three|four|five|six|[2-6])\s+(?:[\w-]+\s+){0,2}?|following\s+(?:[\w-]+\s+){0,2}?)?"
    r"\b(?:groups?|arms?|conditions?|treatments?|regimens?|strategies|interventions?)(?:\s*(?P<c>:|,(?!\s*(?:who|which|that|receiving|received|with|each|according|and|in|for|to|of|by|based)\b))\s*(?:(?:namely|i\.e\.|viz\.?),?\s+)?|(?=\s{2,}))",
    re.IGNORECASE)  # not "subgroups"; "  ": a blanked bracket; "three groups, namely, A, B and C"
_NUMBER_WORDS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6}
_COMMA_ITEM = quick(r",\s+(?:(?:and|or)\s+)?")
_LAST_TWO = quick(r"(?<=\s)(?:and|or|versus|vs\.?)\s+")  # the blanked bracket before it stays with the first
_LIST_END = quick(r"\.\s|\.?$")


def _listed_text(sentence: str, masked: str) -> tuple[int, int, int | None] | None:
    """Where the list after a list's introduction lies (start, end) and how many items it said, if it said."""
    intro = _LIST_INTRO.search(masked)  # the introduction's words are outside brackets
    if intro is None:
        return None
    said = intro.group("n")
    count = (_NUMBER_WORDS.get(said.lower()) or int(said)) if said else None
    if intro.group("c") is None:  # "(the PLMA or I-gel group)": the list is the bracket right after, if one is
        opened = len(sentence) - len(sentence[intro.end():].lstrip())
        close = closing_bracket(sentence, opened + 1) if sentence.startswith("(", opened) and count else None  # "two groups (…)"
        return (opened + 1, close, count) if close is not None else None
    if intro.group("c") == "," and count is None:
        return None  # "randomized into groups, according to …": a count must say it is a list
    stop = _LIST_END.search(masked, intro.end())
    return intro.end(), stop.start() if stop else len(sentence), count


def _colon_list(sentence: str, masked: str) -> list[tuple[str, int | None, str]]:
    """ "randomly divided into two groups: A and B", "allocated to three groups: A (n = 20), B (n = 20), and C (n = 20)",
    "to one of four treatments: A; B; C; D", "to one of two groups (A or B)": each item of the list is an arm; as many
    as the count said, if said."""
    found = _listed_text(sentence, masked)
    if found is None:
        return []
    at, end, said = found
    listed = mask_brackets(sentence[at:end])
    cuts = list(re.finditer(r";\s+(?:(?:and|or)\s+)?", listed)) or list(_COMMA_ITEM.finditer(listed))
    bounds = [0, *(x for c in cuts for x in c.span()), len(listed)]
    spans = list(zip(bounds[::2], bounds[1::2], strict=True))
    last = _LAST_TWO.search(listed, spans[-1][0])
    if last and ";" not in listed and not (cuts and _LAST_TWO.search(f" {cuts[-1].group()}")):  # "A, B and C" (not "A, and B")
        spans[-1:] = [(spans[-1][0], last.start()), (last.end(), spans[-1][1])]
    items = [sentence[at + a:at + b].strip() for a, b in spans]
    if (said is not None and len(spans) != said) or (sentence[at - 1] == "(" and any(i[:1].isdigit() for i in items)):
        return []  # not "two groups (78 standardized and 72 individualized acupuncture)", "(12 schools, 37 teachers)"
    return _listed_arms(items)


#: A part that is one word shaped as a modifier, that may share the last part's head: "early", "delayed",
#: "intermittent", "continuous", "250-mg", "home-based", "short-term" (not "exercise or usual care").
MODIFIER_WORD = quick(r"\d[\w-]*|open|[A-Za-z][\w-]*(?:ed|al|ous|ive|ate|ent|ant|ar|ic|ly|based|term|dose|mg)", re.IGNORECASE)
_HEAD_AFTER_WORD = quick(r"(?P<w>[A-Za-z0-9][\w-]*)\s+(?P<head>[a-z][^()]*?)[\s.,;]*(?:\(|$)")


def _shared_head(arms: list[tuple[str, int | None, str]]) -> list[tuple[str, int | None, str]]:
    """ "early or delayed chemotherapy", "either 250-mg or 500-mg oral doses of gefitinib", "intermittent or
    continuous LHRH agonists", "laparoscopic (n = 83) or open (n = 85) resection": one-word parts that are no
    treatment of their own share the last part's head; each arm is named by its word, and defined by its word and
    the head. Empty when the parts are not of that shape."""
    parts = [_strip_parentheticals(part).strip() for *_, part in arms]
    last = _HEAD_AFTER_WORD.match(parts[-1]) if len(parts) >= 2 else None
    words = [*parts[:-1], last.group("w")] if last else []
    if not last or not all(MODIFIER_WORD.fullmatch(w) for w in words) or any(interventions_in(w) for w in words):
        return []
    return [(w, n, f"{w} {last.group('head')}") for w, (_, n, _) in zip(words, arms, strict=True)]


#: What opens the first side of a title's comparison: "a randomised phase II study of", "comparing", "treated with",
#: "Efficacy of".
_TITLE_LEAD = quick(r"\b(?:(?:study|trial)\s+(?:of|comparing|to compare)|comparing|(?:treated|treatment) with|(?:effects?|efficacy|"
                    r"effectiveness|safety|tolerability|outcomes?|comparison|analysis|evaluation|use|role|impact|influence|activity|"
                    r"accuracy|trials?|study) of)\s+", re.IGNORECASE)  # not "depth of focus contact lenses"
#: "a randomized trial comparing docetaxel, cisplatin, 5-FU (TCF) with epirubicin, cisplatin, 5-FU (ECF)": after a
#: trial's "comparing", "with" joins the two sides (elsewhere it joins a combination's drugs; "Comparison of
#: immunohistochemistry with PCR" compares two assays).
_TITLE_COMPARING_WITH = quick(r"\b(?:trial|study)\s+comparing\s+(?P<a>[^:;]{3,120}?)\s+with\s+(?P<b>[^:;]{3,120}?)"
                              r"(?=\s+(?:as(?!\s+usual)|for|in|after|among)\b|[:;.]|$)", re.IGNORECASE)


_TITLE_OR = quick(r"\s+or\s+", re.IGNORECASE)
_ANALYSIS_OF_A_TRIAL = quick(r"\b(?:(?:post[- ]hoc|secondary|exploratory|pooled|biomarker|subgroup)\s+analys[ie]s|analys[ie]s\s+of\s+data|"
                             r"sub-?study)\b", re.IGNORECASE)


def _title_versus(title: str | None) -> list[tuple[str, int | None, str]]:
    """ "X versus Y" in the title ("A Phase II/III randomized controlled trial comparing perioperative versus
    postoperative chemotherapy with mFOLFOX6", "… Treated with FOLFOX4 versus Sequential Dose-Dense FOLFOX7 …"),
    "comparing X with Y": the first side starts after the last word that opens it, a second side "A alone or B alone" is
    two arms; the sides that are short names (one alone is kept only where no other shape names two arms). None where
    the first side holds "or" ("Intravenous or Spray of Lidocaine versus Fentanyl": more arms than it names), or where
    the title is an analysis of the trial's data ("biomarker analysis of data from randomized trial between A versus
    B"): its results are of the analysis's groups."""
    low = title.lower() if title else ""
    masked = mask_brackets(title) if title and ("vers" in low or "vs" in low or "compar" in low) else ""
    m = _VERSUS_TITLE.search(masked) or _TITLE_COMPARING_WITH.search(masked) if masked else None
    if m is None or title is None:
        return []
    lead = [*_TITLE_LEAD.finditer(masked, m.start("a"), m.end("a"))]
    starts = {"a": lead[-1].end() if lead else m.start("a"), "b": m.start("b")}
    first = title[starts["a"]:_with_bracket(title, m.end("a"))]  # "… 5-FU (TCF)" with its name
    sides = [first, *_TITLE_OR.split(title[starts["b"]:_with_bracket(title, m.end("b"))])]
    out: list[tuple[str, int | None, str]] = [(_short_label(side), None, side) for side in sides]
    if _ANALYSIS_OF_A_TRIAL.search(masked, 0, m.end("a")) or _TITLE_OR.search(first):
        return []
    named = [arm for arm in out if 1 <= len(arm[0].split()) <= 6 and tidy_label(arm[0])]
    return (_shared_head(out) or out) if len(named) == len(out) else named


_SPACES_DASHES = quick(r"[\s\-–]+")


@lru_cache(maxsize=4096)
def _plain(name: str) -> str:
    """A name as names are compared: lowercased, "+" and "/" unspaced, each run of spaces and dashes one space.
    (Cached: each name is compared with every other name of its document.)"""
    return _SPACES_DASHES.sub(" ", _JOINED.sub(r"\1", name.lower())).strip()


def _same(a: str, b: str) -> bool:
    """``a`` is ``b`` or the words ``b`` opens with ("surgery" and "surgery alone")."""
    a, b = _plain(a), _plain(b)
    return a == b or b.startswith(a + " ")


def _akin(a: str, b: str) -> bool:
    """Either name is the other or the words the other opens with."""
    return _same(a, b) or _same(b, a)


def _labelled_defining_text(sentence: str, start: int, end: int) -> str:
    after = sentence[end:]
    if re.match(r"^\s*(?:received|was treated with|were treated with|:|consisted of|\()", after):
        stop = re.search(r"\b(?:whereas|while)\b|;|(?:arm|group|cohort)\s+[A-Z0-9]", after[3:])
        return after[: stop.start() + 3 if stop else 200]
    if re.match(r"^\W*(?:in|for)\s+(?:the\s+)?$", sentence[:start], re.IGNORECASE):
        return after  # "In arm A1, presented here, X plus Y was evaluated"
    before = sentence[:start]
    cut = max(before.rfind(";"), before.rfind(" or "), before.rfind(" to "), before.rfind(" versus "))
    return before[max(0, cut, len(before) - 160):]


# The name starts where a word's letters do (the look-behind): a match can start nowhere else, and
# trying every later letter of every word made the search quadratic in word length.
_ABBREVIATED_DRUG = quick(r"(?P<name>[A-Za-z](?<![A-Za-z][A-Za-z])[\w-]{3,})\s*\((?P<abbr>[A-Z][A-Za-z]?)\)")
_LETTERS_IN_BRACKETS = quick(r"\([A-Z][A-Za-z]?\)")


def _drug_abbreviations(text: str) -> dict[str, str]:
    """ "docetaxel (T) and epirubicin (E)": letter -> drug, for arms named by their letters."""
    out: dict[str, str] = {}
    for m in _abbreviated_drugs(text):
        if find_drugs(m.group("name")):
            out.setdefault(m.group("abbr"), m.group("name"))
    return out


def _abbreviated_drugs(text: str) -> Iterator[re.Match[str]]:
    """``_ABBREVIATED_DRUG.finditer(text)``, searched from the word before each bracket of letters only:
    every match ends in one, and they are few."""
    pos = 0
    for bracket in _LETTERS_IN_BRACKETS.finditer(text):
        if bracket.start() < pos:
            continue
        m = _ABBREVIATED_DRUG.search(text, max(pos, _word_start(text, bracket.start())))
        if m is None:
            return
        yield m
        pos = m.end()


def _word_start(text: str, at: int) -> int:
    """Where the word (a run of ``[\\w-]``) that ends before ``text[at]``, spaces aside, starts."""
    while at > 0 and text[at - 1].isspace():
        at -= 1
    while at > 0 and (text[at - 1].isalnum() or text[at - 1] in "_-"):
        at -= 1
    return at


def _spelled_out(label: str, letters: dict[str, str]) -> list[str]:
    """ "TEL" -> [docetaxel, epirubicin, lobaplatin] when every part is a known abbreviation, else []."""
    names: list[str] = []
    rest = label.strip()
    while rest:
        part = next((p for p in (rest[:2], rest[:1]) if p in letters), None)
        if part is None:
            return []
        names.append(letters[part])
        rest = rest[len(part):].lstrip(" +-/")
    return names


def _intervention_text(arm: ArmDraft, others: list[str]) -> str:
    """The words that define an arm, up to "versus" or to where another arm's label begins: "Arm A (gemcitabine/
    nab-paclitaxel plus apatorsen) or Arm B (gemcitabine/nab-paclitaxel plus placebo)" is Arm A's up to "or Arm B"."""
    text = arm.defining_text or (arm.label or "")
    stop = _INTERVENTION_CONTEXT_STOP.search(text)
    text = text[: stop.start()] if stop else text
    return text[: _next_arm_at(text, others)]


def _next_arm_at(text: str, others: list[str]) -> int:
    """Where, after a bracket closes, another arm's label opens the next item ("…) or Arm B (…"); the text's end when
    none does."""
    ends = [at for label in others if (at := text.find(label)) > 0 and _NEXT_ITEM.search(text[:at])]
    return min(ends, default=len(text))


#: What comes before another arm's label that opens the next item: a closed bracket and a joint ("…) or Arm B").
_NEXT_ITEM = quick(r"\)\s*(?:,\s*)?(?:(?:or|and|versus|vs\.?)\s+)?(?:(?:to|the)\s+)*$", re.IGNORECASE)


def arm_mentions(text: str, arms: list[ArmDraft]) -> list[tuple[int, int, str]]:
    """(start, end, arm label) of each arm named in ``text``, with plural lists expanded."""
    out: list[tuple[int, int, str]] = []
    labelled = {a.label.split(" ", 1)[1]: a.label for a in arms if a.label and _LABELLED.fullmatch(a.label)}
    for m in _LABELLED.finditer(text):
        for lab in _split_labels(m.group("labels")):
            if lab in labelled:
                out.append((m.start(), m.end(), labelled[lab]))
    out.extend(_listed_mentions(text, arms))
    out.extend(_shared_unit_mentions(text, arms))
    aliases = sorted(
        ((alias, a.label) for a in arms if a.label for alias in a.aliases if not _LABELLED.fullmatch(alias)),
        key=lambda x: -len(x[0]),
    )
    taken: list[tuple[int, int]] = [(s, e) for s, e, _ in out]
    low = text.lower()
    for alias, label in aliases:
        for start, end in _occurrences(low, alias.lower(), plural=True):
            if any(s <= start < e for s, e in taken):
                continue
            taken.append((start, end))
            if not denied(low, start):
                out.append((start, end, label))
    out.sort()
    return out


#: Doses listed before the unit they share: "gefitinib 250 and 500 mg/d", "70, 74 or 78 Gy".
_SHARED_UNIT = quick(rf"(?<![\w.,])(?P<list>\d[\d.,]*(?:\s*(?:,|and|or|vs\.?|versus)\s*\d[\d.,]*)+)\s?[-\s]?(?P<unit>{_UNIT})",
                     re.IGNORECASE)
_LISTED_DOSE = quick(r"\d(?:[\d.,]*\d)?")


def _shared_unit_mentions(text: str, arms: list[ArmDraft]) -> list[tuple[int, int, str]]:
    """ "1.9% and 9.4% for patients receiving gefitinib 250 and 500 mg/d": each dose of a list that prints its unit once
    names the one arm labelled by that dose ("250-mg", "gefitinib 250 mg/day")."""
    doses = {(m.group(1), _unit_word(m.group(3))): a.label for a in arms if a.label for m in _DOSE_JOINT.finditer(a.label)}
    if len(doses) < 2:
        return []
    out = []
    for m in _SHARED_UNIT.finditer(text):
        for n in _LISTED_DOSE.finditer(m.group("list")):
            label = doses.get((n.group(), _unit_word(m.group("unit"))))
            if label is not None:
                out.append((m.start("list") + n.start(), m.start("list") + n.end(), label))
    return out


def _unit_word(unit: str) -> str:
    """ "mg/d", "mg/day", "MG" are all "mg": doses are compared by their unit's first word."""
    return unit.split("/")[0].strip().lower()


def _listed_mentions(text: str, arms: list[ArmDraft]) -> list[tuple[int, int, str]]:
    """The arms of a plural list ("for the enhanced and the conventional groups"), each name the start
    of one arm's alias ("enhanced recovery") and no two names the same arm's."""
    if " arm" not in text and " group" not in text:
        return []  # every list ends in one of them: skip the search of the text
    out: list[tuple[int, int, str]] = []
    for start, end, name, _ in _listed_groups(text):
        owners = [a.label for a in arms if a.label and any(_akin(name, al) for al in a.aliases if al)]
        if len(owners) == 1 and owners[0] not in [label for *_, label in out]:
            out.append((start, end, owners[0]))
    return out
