"""Numbers in a sentence, attached to endpoints, arms and subgroups.

A sentence is read as a sequence of endpoint mentions and values. Each value
belongs to the nearest endpoint mention before it (or the one right after it in
"28.3% experiencing grade 3 or higher events"); its confidence interval,
counts and p-value are the ones printed right after it. Arms come from
explicit mentions next to the value, from "respectively" lists, or from the
order of a "versus" pair.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable
from copy import copy
from dataclasses import dataclass, replace
from itertools import pairwise

from extractor.backends.rules.text import (
    NUM,
    VERSUS,
    WORD_NUMBER,
    Folded,
    closing_bracket,
    denied,
    distinct,
    folded,
    parse_number,
    search_back,
    word_to_int,
)
from extractor.backends.rules.vocabulary import (
    GRADE3_RE,
    GRADE_LEVELS,
    GRADED_EVENT,
    Mention,
    abbreviated_mentions,
    classify_ae,
    find_mentions,
    kind_by_words,
    named_event,
)
from extractor.models import CanonicalEndpoint
from extractor.patterns import Keyed, KeyedBranches, quick
from extractor.structure import Sentence

TIME_TO_EVENT = {"PFS", "OS", "EFS", "DFS", "RFS", "TTP", "TTF", "TTNT", "DOR"}
_COMPARATIVE = {"HR": ("hazard_ratio", "ratio"), "OR": ("odds_ratio", "ratio"), "RR": ("risk_ratio", "ratio")}

# A number, then what makes it a value: each branch names its shape with a group (set to "" or to its unit).
# The number is read once for all of them: a suffix can follow only the longest number there (after a shorter
# one comes a digit, "." or ","), so the branches find what they found each with a number of its own.
_VALUE_SHAPES = (
    r"(?P<pct>)\s?(?:%|per\s?cent\b)(?!\s*(?:C[Il]\b|C\.I\.|confidence|CrI|credible))",  # "45%"
    r"\s*(?P<tu>months?|mos?\b\.?|weeks?|wks?\b|days?|years?|yrs?\b|(?<=\s)(?-i:d)(?![\w-]|\.\w))(?![\w-])",  # "7.1 months"
    # "4.49 ± 0.85 days", "(mean, 1.58 ± 0.9) days"
    rf"(?P<pm>)\s*(?:±|\+/-|\+-)\s*(?:{NUM})\s*(?:\)\s*(?=(?:months?|weeks?|days?|years?)\b))?(?P<pmu>%|months?|weeks?|days?|years?)?(?![\w-])",
    rf"(?=\s*\((?:95\s?%\s*CI[,:]?\s*)?(?:{NUM})\s*(?:[-–—‒]|to|,)\s*(?:{NUM})\)\s*(?P<tbu>months?|weeks?|days?|years?)\b)",  # "5.5 (3.8–14.0) months"
    rf"(?=\s*(?:{VERSUS}|and|or|to)\s*(?:{NUM})\s*(?P<su>%|per\s?cent|months?|weeks?|years?|days?)(?![\w-]))",  # "37.3 v 31.9 weeks"
)
_VALUE_RE = quick(
    rf"(?<![\w.·/-])(?P<num>{NUM})(?:{'|'.join(_VALUE_SHAPES)})|(?P<nr>not (?:yet )?reached|\bNR\b(?!\s*=))",
    re.IGNORECASE,
)
_RATIO_RE = quick(rf"(?<![\w.·/])(?P<v>{NUM})(?!\s*%|\s*(?:months?|weeks?|years?|days?)\b|[\d/])")
_HAS_VALUE = folded(  # searched in the lowercased sentence
    r"\d|not (?:yet )?reached|\bNR\b|\b(?:no|none|a single|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
    r"twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)\b"
)
_NR_RANGE = quick(rf"[\[(,]\s*(?:{NUM})\s*(?:months?|weeks?|years?)?\s*(?:[-–—‒]|to)\s*(?:not (?:yet )?reached|NR|NE|not estimable)", re.IGNORECASE)
_UNIT = {"m": "months", "w": "weeks", "d": "days", "y": "years"}
_CI_RE = Keyed(quick(
    rf"(?:(?P<lvl>\d{{2}}(?:[.·]\d+)?)\s?%\s*)?(?:C[Il]|C\.I\.|confidence intervals?|CrI)\)?\s*(?:[(\[]CI[)\]]\s*)?[:=,]?\s*(?:of\s*|was\s*)?"
    rf"[\[(]?\s*(?P<lo>(?:[-−+]|–(?=\d))?(?:{NUM}))\s*%?\s*(?:months?|weeks?|years?|mo)?\s*(?:[-–—‒]|to|,)\s*"
    rf"(?P<hi>(?:(?<=to)-|(?<=to\s)[-–]|[−+])?(?:{NUM})|NE\b|not estimable|not reached|NR\b|not evaluable)",  # "to -0.20"
    re.IGNORECASE,
), "ci", "cl", "c.i", "confidence", "cri")
_BARE_RANGE = quick(
    rf"^\s*[,;]?\s*[\[(]?\s*(?P<lo>[-−]?(?:{NUM}))\s*%?\s*(?:months?|weeks?|years?)?\s*(?:[-–—‒]|to)\s*"
    rf"(?P<hi>(?:(?<=to\s)[-−]|(?<=to)[-−]|−)?(?:{NUM})|NE\b|not estimable|not reached|NR\b)\s*%?\s*(?:months?|weeks?|years?)?\s*[;\])]",
    re.IGNORECASE,
)
_FRACTION_AFTER = quick(
    rf"^[^;%]{{0,30}}?(?<![\w./·])(?P<num>\d+|{WORD_NUMBER})\s*(?:/|of|out of)\s*(?P<den>\d+)(?![\d/.·])",
    re.IGNORECASE,
)
_COUNT_BEFORE = quick(
    rf"(?<![\w./·-])(?<!\bday\s)(?<!\bweek\s)(?<!\bmonth\s)(?<!\byear\s)(?<!\bvisit\s)(?P<num>\d+|{WORD_NUMBER})(?:\s*/\s*(?P<den>\d+))?\s*(?!(?:hours?|days?|weeks?|months?|years?|[dh]|wks?|mos?)\b)(?:[a-z]+\s*){{0,2}}(?<!arms )(?<!groups )[\[(]\s*$",
    re.IGNORECASE,
)
_P_RE = quick(
    r"\b[Pp]\s*(?:-?\s*values?)?\s*(?P<rel>[=<>≤≥]|&lt;|&gt;)\s*"
    r"(?P<p>(?:0|1)?[.·,]\d+(?:\s*[×x]\s*10\s*[−-]\s*\d+)?|\d(?:[.·]\d+)?\s*[×x]\s*10\s*[−-]\s*\d+|1)"
)
_VERSUS = quick(rf"\b{VERSUS}(?!\w)|\bcompared (?:with|to)\b", re.IGNORECASE)
_TIMEPOINT_BEFORE = quick(
    r"(?P<n>\d+|one|two|three|four|five|six|ten|twelve|eighteen|twenty-four)[- ‐](?P<u>month|year|week)s?[- ‐]?(?:\w+[- ]){0,2}$",
    re.IGNORECASE,
)
_TIMEPOINT_AFTER = quick(
    r"^\s*(?:rates?\s*)?(?:\([^)]{0,12}\)\s*)?(?:at|(?<=rate )of|(?<=rates )of)\s*(?P<n>\d+|one|two|three|four|five|six|ten|twelve|eighteen)\s*(?P<u>months?|years?|weeks?)",
    re.IGNORECASE,
)
_VALUE_TIMEPOINT = quick(
    rf"\s*%?\s*(?:(?:{VERSUS}|and)\s*[\d.·]+\s*%\s*)?(?:at|after)\s+(?P<n>\d+|one|two|three|four|five|six|ten)\s+(?P<u>months?|years?|weeks?)",
    re.IGNORECASE,
)
_IN_TOKEN_TIMEPOINT = quick(r"(?P<n>\d+|six|twelve)\s?(?P<u>mo|m|months?)\b", re.IGNORECASE)
# Numbers that are not outcomes: follow-up, ages, doses, schedules, ranges.
_NOT_OUTCOME_BEFORE = quick(
    r"\b(?:follow[- ]?ups?|aged?|years old|range|dose|doses|every|for up to|up to|within|"
    r"duration of (?:exposure|treatment|therapy)|cycles?|days?|after|at least|over|between|interval|"
    r"median age|at|before|beyond|since|until|exposure)\s*(?:time\s*)?(?:of|was|were|:|=|is)?\s*"
    r"(?:(?!(?:and|or|vs|versus|v)\b)\w+\s*)?$",  # not "6 days and 8 days", "97 days and 29%": the next value of a list
    re.IGNORECASE,
)
#: Characters no match of ``_NOT_OUTCOME_BEFORE`` holds (``search_back`` starts after the last one).
_NOT_IN_NOT_OUTCOME = quick(r"[^\w\s:=-]")
_FOLLOW_AFTER = quick(r"^\s*(?:of )?(?:median )?follow[- ]?up|^\s*(?:of )?age\b|^\s*old\b", re.IGNORECASE)
_DIFFERENCE_BEFORE = quick(r"(?:absolute|difference|increase|improvement|reduction|gain)\b[^%]{0,60}$", re.IGNORECASE)
_MEAN = quick(r"\bmean\b", re.IGNORECASE)
_MEAN_OR_MEDIAN = quick(r"\b(?:mean|median)\b", re.IGNORECASE)
#: "patients with", "those who": the words every subgroup phrase but a named subgroup, subset or population holds.
_WHO = r"(?:[Pp]atients|[Tt]hose|[Ss]ubjects|[Cc]hildren|[Ww]omen|[Mm]en|[Tt]umou?rs)\s+"
_WITH = r"(?:with|without|who|whose|harbou?ring)\s+"
_WHO_WITH = _WHO + _WITH
_SUBGROUP_PHRASE = quick(
    r"(?:\b(?:[Ii]n|[Aa]mong|[Ff]or)\s+(?:the\s+)?|(?<![\w-])(?=[A-Z])|\b(?:compared (?:to|with)|versus|vs\.?|while|whereas|or|and|than)\s+|,\s+)"
    rf"{_WHO}(?P<a>{_WITH}[^,;:()]{{3,80}}?)(?=\s*(?:[,;:()]|\b(?:had|has|have|was|were|exhibit\w*|show\w*|achiev\w*|compared|versus|vs|experienc\w*|"
    r"display\w*|demonstrat\w*|derived|obtained|improved|benefit\w*|tended|remained|lived|survived|when)\b|$))"
    r"|\b[Ii]n\s+(?:the\s+)?(?:subgroup|subset)\s+of\s+(?P<c>[^,;:()]{3,60}?)(?=\s*[,;:()]|\s+(?:was|were|had|has|have)\b)"
    r"|\b[Ii]n\s+(?:the\s+)?(?P<b>[^,;:()]{3,60}?\s+(?:subgroup|subset|population))\b(?!\s+analys)",  # not "In planned subgroup analyses"
)
#: What a text that holds a ``_SUBGROUP_PHRASE`` holds (a prefilter: searched once per sentence, not per value).
_MAY_NAME_SUBGROUP = Keyed(quick(rf"{_WHO_WITH}|subgroup|subset|population"),
                           "with", "who", "harbo", "subgroup", "subset", "population")
_SUBGROUP_AFTER = Keyed(re.compile(
    # not "…, and, in women with X, OS (…)" nor "9.5 months vs. 6.9 months for patients with X", "79%, 82% for those
    # with X" (the next value's)
    r"^\s*(?:\([^()]*\)\s*)?(?:(?!and\s*,|(?:vs|versus)\b\.?\s*\d|,\s*\d[\d.·]*\s*%)[^;()]){0,20}?\b(?:in|among|for)\s+(?:the\s+)?"
    r"(?P<a>(?:patients|those|subjects|women|men|children)\s+(?:with|without|who|harbou?ring|undergoing)\s+[^,;:()]{3,60}?"
    r"|(?!randomi[sz]ed|all\b|both\b|each\b|treated|enrolled|evaluable|assessable)(?:\d+\s+)?(?:[\w+-]+\s+){0,3}?[\w+-]+\s+patients)"
    r"(?=\s*(?:[,;:()]|compared|versus|vs|and\b|\.(?:\s|$)|$))",
    re.IGNORECASE,
), "patients", "those", "subjects", "men", "children")
_NOT_SUBGROUP = quick(
    r"intention|intent|full analysis|safety (?:population|set)|overall population|trial cohort|"
    r"all patients|treated population|per[- ]protocol|evaluable|could be evaluated|^the study|^this|^our|^(?:absolute )?differences?$|"
    r"\b(?:total|whole|entire|efficacy|ITT|mITT)\s+population|\b(?:versus|vs)\b|\bplacebo\b|best supportive|"
    r"^[\w+/-]+-(?:treated|exposed)(?:\s+(?:and|or)\s+[\w+/-]+-(?:treated|exposed))?\s+patients$|"  # "VC-treated patients": an arm
    r"^(?:received|receiving|were (?:randomi[sz]ed|assigned|allocated|treated|given))\b|^(?:did|do|were|was|had) not$|"  # "those who did not"
    r"\bwho (?:received|were (?:randomi[sz]ed|assigned|allocated|treated|given))\b",  # an arm, not a subgroup
    re.IGNORECASE,
)


@dataclass
class Draft:
    """A result under construction (sentence-relative position in ``pos``)."""

    endpoint: str
    measure: str
    value: float | None
    unit: str | None
    pos: int
    end: int
    sentence: Sentence
    mention: Mention
    name: str | None = None
    ci_low: float | None = None
    ci_high: float | None = None
    ci_level: float | None = None
    timepoint: str | None = None
    arm: str | None = None
    subgroup: str | None = None
    numerator: int | None = None
    denominator: int | None = None
    p_value: float | None = None
    p_relation: str | None = None
    not_reached: bool = False


ArmFinder = Callable[[str], list[tuple[int, int, str]]]


def _timepoint(n: str, unit: str) -> str:
    value = word_to_int(n) or 0
    unit = unit.lower().rstrip("s")
    if unit in {"mo", "m"}:
        unit = "month"
    return f"{value} {unit}{'' if value == 1 else 's'}"


def _mention_timepoint(text: str, mention: Mention) -> str | None:
    if mention.measure == "rate_at_time":
        m = _IN_TOKEN_TIMEPOINT.search(mention.text[3:])
        if m:
            return _timepoint(m.group("n"), m.group("u"))
    before = _TIMEPOINT_BEFORE.search(text[max(0, mention.start - 40): mention.start])
    if before:
        return _timepoint(before.group("n"), before.group("u"))
    window = text[mention.end: mention.end + 40]
    after = _TIMEPOINT_AFTER.match(window) or (_AT_LEAST.match(window) if mention.measure == "alive" else None)
    if after:
        return _timepoint(after.group("n"), after.group("u"))
    return None


#: "survived >/= 3 years", "alive beyond 2 years": the landmark after a survival count.
_AT_LEAST = quick(r"^\s*(?:>/?=?|≥|more than|at least|beyond)\s*(?P<n>\d+)\s*(?P<u>months?|years?|weeks?)", re.IGNORECASE)


def _parse_p(raw: str) -> float | None:
    raw = raw.replace("·", ".").replace("−", "-").replace(" ", "")
    sci = re.fullmatch(r"(\d(?:\.\d+)?)?[×x]?10-(\d+)", raw)
    if sci:
        return float(sci.group(1) or 1) * 10 ** -int(sci.group(2))
    if re.fullmatch(r"[01]?,\d+", raw):
        raw = raw.replace(",", ".")
    try:
        return float(raw if not raw.startswith(".") else "0" + raw)
    except ValueError:
        return None


Value = tuple[int, int, str, float | None, str | None]  # (start, end, kind, value, unit)


def _values(text: str, mentions: list[Mention]) -> list[Value]:
    """(start, end, kind, value, unit) of outcome-like numbers, skipping CI bounds and ranges."""
    ci_spans = [(m.start("lo"), m.end("hi")) for m in _CI_RE.finditer(text)]
    ci_spans += [(m.start(), m.end()) for m in _NR_RANGE.finditer(text)]
    ci_spans += [(m.start(), m.end()) for m in _RANGE_ASIDE.finditer(text)]  # "(IQR 7–14 days)", "(range 1-6)"
    # "P = 0.712 and 95.4% vs. 89.5%": a p-value is no value (not "T&P = 11 days")
    ci_spans += [m.span("p") for m in _P_RE.finditer(text) if not text[m.end("p"): m.end("p") + 1].isdigit()]
    found = [_printed_value(m) for m in _VALUE_RE.finditer(text) if not any(lo <= m.start() < hi for lo, hi in ci_spans)]
    found.extend(_ratios(text, mentions, found, ci_spans))
    found.extend(_unit_shared_across_arms(text, found, ci_spans))
    found.extend(_unit_shared_in_list(text, found, ci_spans))
    if "%/" in text or ("/" in text and _DIGIT_SLASH_DIGIT.search(text)):
        found.extend(_slash_run_values(text, found, ci_spans))
    if _prints_money(text):  # before the bare statistics: "mean difference €16 956" is one sum
        found.extend(_money_values(text, found, ci_spans))
    if "ean" in text or "ifference" in text or "verage" in text or " by " in text or "MD" in text or "hange" in text \
            or "edian" in text:  # "Mean", "MD", "Median", …
        found.extend(_bare_statistics(text, found, ci_spans))
    if "cycles" in text or "courses" in text:
        found.extend(_cycles_given(text, found, ci_spans))
    if "(-" in text or "(−" in text or "(+" in text or " points" in text:
        found.extend(_signed_before_interval(text, found, ci_spans))
    found.extend(_counts(text, mentions, found, ci_spans))
    if "ercent" in text or "er cent" in text:
        found.extend(_worded_percentages(text, found))
    found.sort()
    return found


#: "Nineteen percent of patients", "Thirty-one per cent" (not "Eighty-five percent (85%)": the figure is read).
_WORDED_PERCENT = quick(rf"(?<![\w-])(?P<n>{WORD_NUMBER})[- ]?per\s?cent\b(?!\s*\(\s*{NUM}\s*%)", re.IGNORECASE)


#: Values of the arms joined by slashes, the run ending in its unit: "(18.3%/28.2%)", "20%/60%/100%", "5.6/5.1 months"
#: (not a fraction "15/31", nor "grade 3/4": no unit ends the run).
_SLASH_RUN = quick(rf"(?<![\w.·/-])(?P<run>{NUM}\s?%?(?:\s?/\s?{NUM}\s?%?){{1,3}})\s*(?P<unit>(?<=%)|months?\b|weeks?\b|days?\b|years?\b)(?![\w/-])",
                   re.IGNORECASE)
_DIGIT_SLASH_DIGIT = quick(r"\d\s?/\s?\d")
_PER_POWER_OF_TEN = quick(r"/\s?1(?:,?000)+(?![\d.,])|/\s?100(?![\d.,])")
_SLASH_NUMBER = quick(NUM)


def _slash_run_values(text: str, found: list[Value], ci_spans: list[tuple[int, int]]) -> list[Value]:
    """Each value of a slash-joined run, in the run's unit: the first is often read already, the others never are."""
    out: list[Value] = []
    for m in _SLASH_RUN.finditer(text):
        unit_word = m.group("unit")
        percent = not unit_word
        if percent and m.group("run").count("%") != m.group("run").count("/") + 1:
            continue  # "5/10%": a fraction beside a share, not two values
        if not percent and _PER_POWER_OF_TEN.search(m.group("run")):
            continue  # "6.29/1,000 days": a rate, not two values
        kind, unit = ("pct", "percent") if percent else ("time", _UNIT[unit_word[0].lower()])
        for n in _SLASH_NUMBER.finditer(m.group("run")):
            a, b = m.start("run") + n.start(), m.start("run") + n.end()
            b += percent and text.startswith("%", b)
            if not _taken(a, ci_spans, found, out):
                out.append((a, b, kind, parse_number(n.group()), unit))
    return out


#: Outcomes joined by slashes: "nausea/retching/vomiting".
_SLASH_WORDS = quick(r"(?<![\w/-])[A-Za-z][\w-]+(?:/[A-Za-z][\w-]+)+(?![\w/-])")


def _slash_listed_names(drafts: list[Draft], text: str) -> None:
    """ "nausea/retching/vomiting was lower with A (22.2%/11.1%/5.6%)": each value of a slash-joined run is of the
    outcome in its place in a slash-joined list of as many outcomes named before the run (its last value read as the last
    outcome, the others as it or as words nearby)."""
    for run in _SLASH_RUN.finditer(text):
        inside = [d for d in drafts if run.start("run") <= d.pos < run.end("run")]
        listed = [m.group().split("/") for m in _SLASH_WORDS.finditer(text, 0, run.start())]
        names = next((words for words in reversed(listed) if len(words) == len(inside)), None)
        if names and len(inside) >= 2 and (max(inside, key=lambda d: d.pos).name or "").lower() == names[-1].lower():
            for d, name in zip(sorted(inside, key=lambda d: d.pos), names, strict=True):
                d.name = name


def _worded_percentages(text: str, found: list[Value]) -> list[Value]:
    """Percentages written in words, each a value like a printed one."""
    out: list[Value] = []
    for m in _WORDED_PERCENT.finditer(text):
        value = word_to_int(m.group("n"))
        if value is not None and value <= 100 and not _taken(m.start(), [], found):
            out.append((m.start(), m.end(), "pct", float(value), "percent"))
    return out


def _printed_value(m: re.Match[str]) -> Value:
    """One match of ``_VALUE_RE`` as a value: a percentage, a time, a value with its spread, or "not reached"."""
    start, end, number = m.start(), m.end(), m.group("num")
    if number is None:
        return start, end, "nr", None, None
    if m.group("su") is not None:  # "37.3 v 31.9 weeks": the first number shares the second's unit
        unit_word = m.group("su")
        if unit_word == "%" or unit_word.lower().startswith("per"):
            return start, end, "pct", parse_number(number), "percent"
        return start, end, "time", parse_number(number), _UNIT[unit_word[0].lower()]
    if m.group("pm") is not None:  # "4.49 ± 0.85 days": the value, not its spread
        unit_word = m.group("pmu")
        if not unit_word:  # "−0.5 ± 1.5": a minus sign (not a dash) before it is the value's
            if m.string.endswith("−", 0, start):
                return start - 1, end, "plain", -parse_number(number), None
            return start, end, "plain", parse_number(number), None
        if unit_word == "%":
            return start, end, "pct", parse_number(number), "percent"
        return start, end, "time", parse_number(number), _UNIT[unit_word[0].lower()]
    if m.group("pct") is not None:
        return start, end, "pct", parse_number(number), "percent"
    unit_word = m.group("tu") or m.group("tbu")  # "5.5 (3.8–14.0) months": the unit after the interval
    return start, end, "time", parse_number(number), _UNIT[unit_word[0].lower()]


def _taken(pos: int, ci_spans: list[tuple[int, int]], *values: list[Value]) -> bool:
    """Whether ``pos`` lies in a CI or range already read, or in a value already found."""
    return any(lo <= pos < hi for lo, hi in ci_spans) or any(s <= pos < e for found in values for s, e, *_ in found)


#: An interval's level in brackets between a ratio's words and its value: "HR (95% CI): 1.41", "HR[95%CI] = 0.084".
_CI_LABEL = quick(r"\s*[(\[]\s*\d{2}\s?%\s*(?:CI|confidence interval)\s*[)\]]\s*[:=]?", re.IGNORECASE)
#: A bracket closed before any opens, between a ratio's words and a number, not right after them (as "(HR) for A
#: versus B (0.37" is): the number is outside the ratio's words.
_CLOSED_FIRST = quick(r"(?!\s*\))[^(]*\)")
#: An interval printed in percent right after a number: "41.7; 95% confidence limit (CL), 29.1–55.1%".
_PERCENT_INTERVAL = quick(rf"[^%()]{{0,12}}%[^%]{{0,30}}?(?:{NUM})\s*[–-]\s*(?:{NUM})\s*%")


def _ratios(text: str, mentions: list[Mention], found: list[Value], ci_spans: list[tuple[int, int]]) -> list[Value]:
    """Bare numbers right after a comparative mention: "HR 0.79", "odds ratio was 2.1"."""
    out: list[Value] = []
    for mention in mentions:
        if mention.canonical not in _COMPARATIVE:
            continue
        at = mention.end
        event = _RATIO_EVENT.match(text, at)  # "hazard ratio for death, 0.73", "HR for progression or death = 0.58"
        if event:
            at = event.end()
        named = (_RATIO_FOR_OUTCOME.match(text, at) if not event else None) or _RATIO_ARMS_COMPARED.match(text, at)
        at = named.end() if named else at
        label = _CI_LABEL.match(text, at)  # "HR (95% CI): 1.41 (1.002, 1.996)", "OR [95%CI] 1.40 [0.73-2.68]"
        at = label.end() if label else at
        window = text[at: at + 45]
        if re.match(r"^\s*(?:\([^)]*\)\s*)?(?:of|for|between|in|per)\b", window) \
                and not re.match(r"^\s*(?:\([^)]*\)\s*)?of\s*\d", window):  # "relative risk (RR) of 0.64"
            continue
        rm = _RATIO_RE.search(window)
        if rm is None or re.search(r"%|\branging\b", window[: rm.start()]) or _PERCENT_INTERVAL.match(text, at + rm.end()) \
                or _CLOSED_FIRST.match(window, 0, rm.start()):  # "(… rate ratio over 6 months) … (24 h": another bracket's
            continue  # "(odds ratio (OR): 41.7; 95% confidence limit (CL), 29.1–55.1%)": a share, whatever its name
        pos = at + rm.start("v")
        if _taken(pos, ci_spans, found, out):
            continue
        value = parse_number(rm.group("v"))
        if 0 < value < 100:
            out.append((pos, at + rm.end("v"), "ratio", value, "ratio"))
            out.extend(_listed_ratios(text, at + rm.end("v"), ci_spans, found, out))
    return out


#: The next ratio of a list, each with its interval and what it compares: "hazard ratios of death were 1.15 (95% CI,
#: 0.79 to 1.67) for VC[, 1.32 (95% CI, 0.91 to 1.92) for GC, and 1.26 (95% CI, 0.86 to 1.82)] for TC".
_NEXT_RATIO = quick(rf"\s*\([^()]*\)\s*(?:for\s+[^,;()\d]{{1,30}}?\s*)?,\s*(?:and\s+)?(?P<v>{NUM})(?=\s*\(\s*\d{{2}}\s?%\s*(?:CI|confidence))",
                    re.IGNORECASE)


def _listed_ratios(text: str, end: int, ci_spans: list[tuple[int, int]], *taken: list[Value]) -> list[Value]:
    """The ratios listed after the one that ends at ``end``, each printed with its own interval (``_NEXT_RATIO``)."""
    out: list[Value] = []
    m = _NEXT_RATIO.match(text, end)
    while m is not None and not _taken(m.start("v"), ci_spans, *taken, out) and 0 < parse_number(m.group("v")) < 100:
        out.append((m.start("v"), m.end("v"), "ratio", parse_number(m.group("v")), "ratio"))
        m = _NEXT_RATIO.match(text, m.end("v"))
    return out


# "49.5 for the TCG arm and 51.5 months for the TC arm", "66 months with Cisplatin vs. 73 in the nihil group":
# a bare number, in a pair whose other number carries the time unit, takes that unit.
_ARM_PAIR_JOIN = r"\s+(?:for|in|with)\s+(?:the\s+)?[^\d%;:()]{1,40}?\s*,?\s*(?:and|vs\.?|versus|compared (?:with|to))\s+"
_BARE_BEFORE_TIME = quick(rf"(?<![\w.·/-])(?P<n>{NUM}){_ARM_PAIR_JOIN}$", re.IGNORECASE)
_BARE_AFTER_TIME = quick(rf"^{_ARM_PAIR_JOIN}(?P<n>{NUM})(?!\s*(?:%|[\d.,·]|[-–]|months?|weeks?|years?|days?))(?=\s+(?:for|in|with)\b)",
                              re.IGNORECASE)


def _unit_shared_across_arms(text: str, found: list[Value], ci_spans: list[tuple[int, int]]) -> list[Value]:
    """Bare numbers paired, arm by arm, with a time ("49.5 for the TCG arm and 51.5 months for the TC arm")."""
    out: list[Value] = []
    for start, end, kind, _, unit in found:
        if kind != "time":
            continue
        before = _BARE_BEFORE_TIME.search(text, max(0, start - 80), start)
        after = _BARE_AFTER_TIME.match(text[end: end + 80])
        spans = [(before.start("n"), before.end("n"))] if before else []
        spans += [(end + after.start("n"), end + after.end("n"))] if after else []
        for a, b in spans:
            if not _taken(a, ci_spans, found, out):
                out.append((a, b, "time", parse_number(text[a:b]), unit))
    return out


#: "were 9.6, 9.3, and 7.3 months", "was 19, 22, and 13%": a list of bare numbers whose last one carries the unit
#: (not "n = 49, 19.5%": a count, then a share); "observed in 28, 21, 22 and 10% of the patients in the A, B, C and D arms",
#: "(3, 4, 11 and 14% of the patients in …)".
_BARE_LIST_BEFORE = quick(rf"(?:\b(?:was|were|of|with|in)\s+|(?<![nNpP]\s)(?<![nNpP])[:=]\s+|\(\s*)"
                               rf"(?P<list>(?:{NUM}\s*(?:,\s*(?:and\s+)?|and\s+)){{1,5}})$", re.IGNORECASE)


def _ends_a_list_item(text: str, start: int) -> bool:
    """Whether the words right before ``start`` end an item of a list (", ", " and "): the end of every
    ``_BARE_LIST_BEFORE`` (tested first: the pattern is searched at every character before the value)."""
    before = text[max(0, start - 60): start].rstrip()
    return before.endswith(",") or before[-3:].lower() == "and"


def _unit_shared_in_list(text: str, found: list[Value], ci_spans: list[tuple[int, int]]) -> list[Value]:
    """The bare numbers of a list that ends in a percentage or a time take its unit, each one a value."""
    out: list[Value] = []
    for start, _, kind, _, unit in found:
        if kind not in {"pct", "time"}:
            continue
        listed = _BARE_LIST_BEFORE.search(text, max(0, start - 60), start) if _ends_a_list_item(text, start) else None
        if listed is None:
            continue
        for m in re.finditer(NUM, listed.group("list")):
            a, b = listed.start("list") + m.start(), listed.start("list") + m.end()
            if not _taken(a, ci_spans, found, out):
                out.append((a, b, kind, parse_number(m.group()), unit))
    return out


# "The mean QOL score was 45.2 in arm A and 40.1 in arm B", "(mean between-group difference, 4.6 points; ...)":
# a number with no unit is a value only where the text names its statistic right before it.
#: The words that call a number a difference: "difference", "mean difference score:", "differences between means of",
#: "adjusted mean difference between groups,", "estimated mean difference (EMD) of", "mean difference from placebo: −28.1".
_DIFFERENCE_WORDS = (r"(?:\bdifferences?(?:\s+scores?|\s+between\s+(?:the\s+)?(?:groups|arms|means)"
                     r"|\s+(?:from|versus|vs\.?)\s+(?:the\s+)?(?:placebo|control|usual care)(?:\s+groups?)?)?(?:\s*[(\[](?:[A-Za-z]{2,6}|\d{2}\s?%\s*CI)[)\]])?"
                     r"|(?:(?<=[(\[,;])|(?<=[(\[,;]\s))(?-i:(?:MD|SMD|LSMD)\b))(?:\s+(?:of|was|were))?\s*[,:=]?\s*")  # "(MD = 11.76, …)"
#: A change told by how much: "increased significantly by 269.4 ± 260.6 minutes", "decreased by 35%", "prolonged
#: survival by 2.1 months", "reduced (P<0.001) by 35.5%" (a p-value aside may come between) (a difference; "by a mean of 2.3 kg" says mean, and is left to the mean rules).
_CHANGED_BY = (r"\b(?:increas|decreas|reduc|improv|declin|lowered\b|raised\b|rose\b|risen\b|fell\b|dropped\b|gained\b|"
               r"shortened\b|prolonged\b|extended\b|changed\b)[a-z]*(?:[^.;%\d()]|\(\s*[Pp]\s*[<=>≤][^()]{0,20}\)){0,60}?(?<!reported )(?<!experienced )(?<!noted )"
               r"(?<!observed )(?<!seen )(?<!caused )(?<!induced )(?<!measured )(?<!assessed )\bby\s+(?:about\s+|approximately\s+)?")
#: ... and the values listed after "by" before this one: "decreased by 65%, 30%, and 50%", "by 186.9 vs. 81.9 feet".
_CHANGED_BY_BEFORE = Keyed(quick(rf"{_CHANGED_BY}(?:[-+−]?(?:{NUM})\s*%?\s*(?:,\s*(?:and\s+)?|and\s+|or\s+|vs\.?\s+|versus\s+))*[-+−]?$",
                                 re.IGNORECASE), "by")
#: "The change in vertebral BMD in the zoledronic acid group (+7.93 ± 1.4%)", "the change in weight was -2.1 kg".
_CHANGE_IN_BEFORE = Keyed(quick(r"(?<!\bno )(?<!\bnot )(?<!\bmean )(?<!\baverage )\bchanges?\s+(?:from baseline\s+)?(?:in|of)\b"
                                r"[^.;%\d]{0,80}?(?:\bwas|\bwere|\bof|[(\[:,=])\s*[-+−]?$", re.IGNORECASE), "change")
#: "mean", "Mean(s.d.)", "mean (SD)", "mean (standard deviation [SD])", "mean [standard error]": the statistic's name, with
#: the spread it is printed with; "(mean, 4.8 v 3.0)".
_MEAN_WORD = (r"\b(?:mean|average)\b(?:\s*[(\[](?:s\.d\.|SD|SE|SEM|s\.e\.|standard (?:deviation|error)(?:\s*\[(?:SD|SE)\])?)"
              r"[)\]])?")
#: The time of a finding, between a statistic's name and its value: "The mean QoL score at 54 weeks was".
#: "at day 43", "on day 1", "at week 12", "over 8 weeks": the same time, named by its day or week, or as a span.
_AT_TIME = (r"\b(?:(?:at|after|over)\s+\d+\s*(?:months?|weeks?|days?|years?|hours?)"
            r"|(?:at|on|by)\s+(?:day|week|month|cycle)\s+\d+)\b")
#: "The between-group difference in EORTC QLQ-C30 global health status was 6.1 points": a difference in an outcome whose
#: name may hold digits ("QLQ-C30", "EQ-5D"), and the time of the finding ("in the FFbH-R at 12 months was 6.58"), then
#: "was" and the difference (not "no difference in", nor a percentage).
_DIFFERENCE_IN_THEN_VALUE = (rf"(?<!\bno )(?<!\bnot )\bdifferences?\s+in\s+(?:[^.;%\d()]|(?<=[A-Za-z])-?\d+|\([^()%\d]{{0,30}}\)|{_AT_TIME}){{3,80}}?"
                             r"\b(?:was|were)\s+(?=[-+−–]?\d)")
#: "mean difference QL index week 1=-0.66", "mean difference of the EORTC QLQ C-30 pain symptom score at week 1=11.13": a
#: difference, the outcome and time it is of, then "=" and its value.
_DIFFERENCE_NAMED_THEN_EQUALS = (r"\bdifferences?\s+(?:[^.;=()\d]|(?<=[A-Za-z])-?\d+|\b(?:week|month|day|year)\s+\d+){2,120}?"
                                 r"=\s*(?=[-+−–]?\d)")
#: A pair of numbers: "82.8 vs. 71.7", "9.0 mL vs 3.0", "76·1 [SD 18·2] vs 69·7".
_BARE_PAIR = (r"[-+−]?\d[\d.,·]*\s*(?:[(\[][^()\[\]]{1,15}[)\]]\s*)?(?:[a-zA-Z/]+\s*)?(?:vs\.?|versus|v\.?|compared with)"
              r"\s*[-+−]?\d")
#: A mean whose pair is printed in a bracket: "The mean level of satisfaction was higher in the A group (82.8 vs. 71.7 mm",
#: "The mean global QoL score at 54 weeks was higher in A than in B (76·1 [SD 18·2] vs 69·7 [19·1] points",
#: "(mean blood loss, 513.3 vs. 478.1 g" (apart from ``_BARE_LEAD``: each of its combinations compiles every branch).
_MEAN_PAIR_LEAD = quick(
    rf"{_MEAN_WORD}(?!\s+(?:arterial|systolic|diastolic)\b)(?:[^.;%\d()\[\]]|\([^()\d]{{0,40}}\)|{_AT_TIME}){{0,100}}?[(\[]\s*"
    rf"(?={_BARE_PAIR})"
    rf"|[(\[]\s*(?:mean|average)\s+[a-z][\w -]{{0,40}}?[,:=]\s*(?={_BARE_PAIR})", re.IGNORECASE)
#: What may come between a statistic's name and "was": words, an aside in brackets ("Mean ratings (0-10 scale) of
#: pain were", "mean differences (95% CI) between groups were") and the time of the finding ("Mean physical
#: function at 12 months was").
_LEAD_GAP = rf"(?:[^.;%\d()]|\((?:\d{{2}}\s?%\s*)?[^()%]{{0,30}}\)|{_AT_TIME})"
_BARE_LEAD = KeyedBranches([
    (rf"{_MEAN_WORD}{_LEAD_GAP}{{0,80}}?\b(?:was|were|of|is|are)\s+(?=[-+−–]?\d)", ("mean", "average")),
    (r"\(\s*mean\s*,\s*", ("mean",)),
    # "Borg mean 2.6 (SD 1.48) versus 3.7", "(mean = 4.6 of 5.0)", "(mean (SD) 1712 (511) calories": the statistic's
    # name right before its value (not one with its interval, "[mean 3.0 mL/kg/min (95% CI …)]": a difference
    # between the groups)
    (rf"{_MEAN_WORD}\s*(?:[=:]\s*|(?<=[)\]]),\s*)?(?=[-+−]?\d)(?![-+−]?\d[^\[\]]{{0,40}}?\b(?:CI|confidence)\b)", ("mean", "average")),
    # "The median WHO score for haematological toxicity was 4 for A and 3 for B", "(median 90.85, IQR 30.67)": a median
    # with no unit (one with a time unit is a time, read by ``_VALUE_RE``), not the patients' ("a median age of 59")
    (rf"\bmedian\b(?!\s+(?:age\b|follow))(?:{_LEAD_GAP}){{0,80}}?\b(?:was|were|of|is|are)\s+(?=\d)", ("median",)),
    (r"[(\[]\s*median\s*(?:[=:,]\s*)?(?=\d)", ("median",)),
    (rf"\bmean\s+differences?\b{_LEAD_GAP}{{0,80}}?\b(?:was|were|is)\s+", ("mean",)),
    (_DIFFERENCE_IN_THEN_VALUE, ("differen",)),
    (_DIFFERENCE_NAMED_THEN_EQUALS, ("differen",)),
    # "PF change scores were -3.9 for cetuximab and -8.6 for BSC": each arm's change, a difference
    (rf"(?P<chg>\bchange\s+scores?\b){_LEAD_GAP}{{0,40}}?\b(?:was|were)\s+(?=[-+−–]?\d)", ("change",)),
    (_DIFFERENCE_WORDS, ("differen", "md")),
    (rf"(?P<by>{_CHANGED_BY})", ("by",)),
], re.IGNORECASE)
#: The number after a statistic's name: not a percentage, time or dose ("mg", but "mg/dl" is a level), nor a range's
#: start; an en dash opening it after a space is its minus sign ("a mean difference of –54 mL").
_BARE_NUMBER = quick(
    rf"(?P<v>(?:[-+−]|(?<=\s)–)?(?:{NUM}))(?![\d·]|[.,]\d|[-‐\s]*(?:%|months?|weeks?|years?|days?|mg\b(?!/d?[lL]\b)|patients)"
    r"|\s*(?:[-–]|to)\s*\d)")
_BARE_NEXT = quick(
    rf"\s*(?:(?!vs\b|versus\b|and\b|to\b)[a-zA-Z/]+\s*)?(?:[(\[][^()\[\]]{{0,40}}[)\]]\s*)?(?:[^\d;.()]{{0,40}}?)\b"
    rf"(?:{VERSUS}|and|compared (?:with|to)|to)\s+"
    rf"(?:the\s+)?(?P<v>[-+−]?(?:{NUM}))(?![\d·]|[.,]\d|\s*(?:%|months?|weeks?|years?|days?))")


def _bare_statistics(text: str, found: list[Value], ci_spans: list[tuple[int, int]]) -> list[Value]:
    """Numbers without a unit right after a named statistic (mean, difference), and the one paired with each."""
    out: list[Value] = []
    # "differences between means of 0.34 … and 0.56", "increased by 186.9 vs. 81.9 feet": both differences
    leads = [(lead.end(), _lead_kind(text, lead)) for lead in _BARE_LEAD.finditer(text)]
    if "ean" in text or "verage" in text:
        leads = sorted(leads + [(lead.end(), "plain") for lead in _MEAN_PAIR_LEAD.finditer(text)])
    for lead_end, kind in leads:
        m = _BARE_NUMBER.match(text, lead_end)
        if m is None or _taken(m.start("v"), ci_spans, found, out) or _taken(m.end("v") - 1, ci_spans, found, out):
            continue  # "−0.8 ± 0.1%": read already from its digits on, as a percentage
        out.append(_bare_value(text, m, kind))
        nxt = _BARE_NEXT.match(text, _past_interval(text, m.end()))
        if nxt and not _taken(nxt.start("v"), ci_spans, found, out):
            out.append(_bare_value(text, nxt, kind))
            out.extend(_more_pairs(text, nxt.end("v"), kind, ci_spans, found, out))
    return out


#: "the difference of mean change from baseline … mean (SD) −6.0", "a difference (A - B in mean peak change … of -18.2":
#: the mean named after "difference of/in" is what the difference is of.
_DIFFERENCE_OF_MEANS = quick(r"\b(?<!\bno )(?<!\bnot )differences?\s+(?:\([^()]{0,60}?\s)?(?:of|in)\s+(?:the\s+)?mean\b[^.;]{0,100}$",
                             re.IGNORECASE)


def _lead_kind(text: str, lead: re.Match[str]) -> str:
    """ "diff" for a lead that calls its number a difference or a change by how much, else "plain" (a mean)."""
    if lead.group("by") or lead.group("chg") or "ifferen" in lead.group():
        return "diff"
    return "diff" if _DIFFERENCE_OF_MEANS.search(text, max(0, lead.start() - 160), lead.start() + 4) else "plain"


#: The next pair of a run: "713.3 vs 237.0[, 49.6 vs 15.6, 44.4 vs 5.5 and 25.4 vs 3.1] gm, respectively".
_MORE_PAIR = quick(rf"\s*(?:,\s*(?:and\s+)?|and\s+)(?P<a>[-+−]?(?:{NUM}))\s*(?:{VERSUS})\s*(?P<b>[-+−]?(?:{NUM}))"
                        rf"(?![\d·]|[.,]\d|\s*(?:%|months?|weeks?|years?|days?))", re.IGNORECASE)


def _more_pairs(text: str, pos: int, kind: str, ci_spans: list[tuple[int, int]], *taken: list[Value]) -> list[Value]:
    """The pairs that follow a pair of bare values in a run, one per listed time: "At 0, 3, 6 and 12 months mean urine
    loss in A vs B was 713.3 vs 237.0, 49.6 vs 15.6, 44.4 vs 5.5 and 25.4 vs 3.1 gm, respectively"."""
    out: list[Value] = []
    m = _MORE_PAIR.match(text, pos)
    while m is not None and not _taken(m.start("a"), ci_spans, *taken, out):
        out += [(m.start(g), m.end(g), kind, parse_number(m.group(g).replace("−", "-")), None) for g in ("a", "b")]
        m = _MORE_PAIR.match(text, m.end())
    return out


#: "a median of 6 cycles", "median 4 courses", "the median number of cycles was 6": how many cycles were given.
_CYCLES_GIVEN = quick(rf"\b(?:median|mean|average)\s+(?:of\s+)?(?P<v>{NUM})\s+(?:(?:treatment|chemotherapy)\s+)?(?:cycles|courses)\b"
                           rf"|\bnumber of (?:(?:treatment|chemotherapy)\s+)?(?:cycles|courses)(?:\s+\w+){{0,2}}?\s+(?:was|were|of)\s+(?P<w>{NUM})"
                           rf"(?![\d·]|[.,]\d|\s*(?:%|months?|weeks?|years?|days?))", re.IGNORECASE)


def _cycles_given(text: str, found: list[Value], ci_spans: list[tuple[int, int]]) -> list[Value]:
    """The median or mean number of cycles given (no unit): a value of the delivery outcome that names it."""
    out: list[Value] = []
    for m in _CYCLES_GIVEN.finditer(text):
        group = "v" if m.group("v") else "w"
        if not _taken(m.start(group), ci_spans, found, out):
            out.append((m.start(group), m.end(group), "plain", parse_number(m.group(group)), None))
            nxt = _BARE_NEXT.match(text, m.end(group))  # "was 6 with A and 4 with B"
            if nxt and not _taken(nxt.start("v"), ci_spans, found, out):
                out.append(_bare_value(text, nxt, "plain"))
    return out


#: A currency before a sum: "$", "US$", "£", "GB£", "€", "EUR ", "USD ".
_CURRENCY_SIGN = r"(?:(?:US|UK|GB|HK|CA?|AU?)?[$£€]\s?|(?-i:EUR|USD|GBP)\s)"
#: A sum of money: "$6,688", "-$1,624", "US$40782", "£ 9762", "€16 956" (its sign may come before its currency), or with
#: the currency in words: "EUR 45", "USD 32,443", "254 euros", "59 euro", "24,475 dollars".
_MONEY = quick(rf"(?P<s>[-−])?(?:{_CURRENCY_SIGN}|(?=[-−]?(?:{NUM})\s?(?:euros?|dollars)\b))"
               rf"(?P<s2>[-−])?(?P<v>\d{{1,3}}(?:[ \u00a0\u2009]\d{{3}})+(?![\d.·]|,\d)|{NUM})(?![\d.,·]*\d|\s?%)")


def _prints_money(text: str) -> bool:
    """Whether ``text`` may print a sum of money (``_MONEY``): a currency's sign or word in it (a cheap gate)."""
    return "$" in text or "£" in text or "€" in text or "EUR" in text or "USD" in text or "GBP" in text or "euro" in text \
        or "dollars" in text


#: The words before a sum that make it a bound of an interval or range ("95% CI: -$2,605", "(range £6393 to",
#: "interval: [€-975", not "mean (95% CI): €204"), or a spread ("(standard deviation, 6742 dollars").
_MONEY_BOUND_BEFORE = quick(r"(?:\bC\.?I\b|\binterval|\brange|\bIQR|\bSD\b|standard deviation)[^()\[\];]{0,30}[(\[]?\s*$",
                            re.IGNORECASE)
#: Between an interval's bounds: "-$2,605, -$586", "[€-975; €1,258", "£56 - £787".
_BETWEEN_BOUNDS = quick(r"\s*(?:[,;–-]|to)\s*")
#: An interval right after a sum: "£1803 (95% CI 462, 3215)", "£427, 95% CI": the sum is a difference between the arms.
_INTERVAL_NEXT = quick(r"\s*[(\[,;]\s*\d{2}\s?%\s*(?:C\.?I\b|confidence|uncertainty)", re.IGNORECASE)

#: "mean" or "average" said before a sum in its clause, not as a difference's name ("mean difference €16 956").
_MEAN_SAID_BEFORE = quick(r"\b(?:mean|average)\b(?!\s+(?:cost\s+)?differences?\b)[^;]*$", re.IGNORECASE)
#: "mean cost difference per patient of €141", "difference £427": the sum is the difference just named.
_DIFFERENCE_JUST_BEFORE = quick(r"\bdifferences?\b[^$£€\d;()]{0,30}$", re.IGNORECASE)


def _money_values(text: str, found: list[Value], ci_spans: list[tuple[int, int]]) -> list[Value]:
    """Sums of money (``_MONEY``) as bare values: "mean total costs were $11,626 vs $18,563", "(mean difference,
    -$1,624 …)"; like any number without a unit, each is a result only where the text calls it a mean or a difference
    (``_plain_draft``), or one printed with its interval (a difference); the bounds of an interval or range are none."""
    out: list[Value] = []
    bound_end = -1
    for m in _MONEY.finditer(text):
        if _MONEY_BOUND_BEFORE.search(text, max(0, m.start() - 40), m.start()) \
                or (bound_end >= 0 and _BETWEEN_BOUNDS.fullmatch(text, bound_end, m.start())):
            bound_end = m.end()
            continue
        if _taken(m.start("v"), ci_spans, found, out):
            continue
        value = parse_number(re.sub(r"\s", "", m.group("v")))
        kind = "diff" if _INTERVAL_NEXT.match(text, m.end()) or _DIFFERENCE_JUST_BEFORE.search(text, max(0, m.start() - 40), m.start()) \
            else "plain"
        if kind == "plain" and not _MEAN_SAID_BEFORE.search(text, max(0, m.start() - 150), m.start()):
            continue  # "(€33 804 vs €29 220" after "adjusted mean difference €16 956 …, while productivity losses": no mean
        out.append((m.start(), m.end("v"), kind, -value if m.group("s") or m.group("s2") else value, None))
    return out


#: "a decrease in HADS anxiety score (-0.90; 95% CI -1.60 to -0.20)", "neither HIGH (+0.8; 95% confidence interval
#: [CI] = -0.8 to 2.4)": a signed number opening a bracket, its interval next, is a change or difference; so with its
#: unit: "upper extremity strength (+10.8 kg; 95% CI", "(-0.25 points on a 5-point scale, 95% confidence interval",
#: "(-0.04 g/dL; 95% confidence interval" (a percentage or time is read as one before).
_SIGNED_THEN_INTERVAL = quick(rf"\(\s*(?P<v>(?P<s>[-+−])?(?:{NUM}))(?:\s*(?:(?P<t>days?|weeks?|months?|years?)|points?\s+on\s+an?\s+\d+-point\s+scale|points?|"
                              rf"[a-zμ£$€][a-z/μ]{{0,8}}(?:\s+(?:x|per|/)\s+[a-z]{{1,8}}|\s+[a-z]{{1,4}}){{0,3}}))?"
                              rf"\s*[;,]\s*(?:\d{{2}}\s?%\s*)?(?:C\.?I\.?|confidence interval)\b", re.IGNORECASE)


def _signed_before_interval(text: str, found: list[Value], ci_spans: list[tuple[int, int]]) -> list[Value]:
    """Signed numbers that open a bracket with their confidence interval (``_SIGNED_THEN_INTERVAL``): differences; so
    are the unsigned ones printed alike in a sentence that has a signed one ("a greater decrease in HADS anxiety score
    (-0.90; 95% CI, …) as well as global quality of life (5.22; 95% CI, 0.93 to 9.50)")."""
    found_here = [m for m in _SIGNED_THEN_INTERVAL.finditer(text)
                  if not _taken(m.start("v"), ci_spans, found) and not _ASSOCIATED.search(text, 0, m.start())]
    signed = any(m.group("s") for m in found_here)
    return [_signed_value(text, m) for m in found_here if signed or _POINTS_THEN_INTERVAL.match(text, m.end("v"))]


#: "(0.08 points; 95% CI, −1.1–1.2": points on a scale printed with their interval, a difference even unsigned.
_POINTS_THEN_INTERVAL = quick(r"\s*points?\s*[;,]", re.IGNORECASE)


def _signed_value(text: str, m: re.Match[str]) -> Value:
    """A signed change before its interval, in its time unit when it has one ("(−1.8 days; 95% CI −3.1, −0.5")."""
    start, end, kind, value, _ = _bare_value(text, m, "diff")
    return start, end, kind, value, _UNIT[m.group("t")[0].lower()] if m.group("t") else None


#: "reduced WAZ was associated with reported diarrhea (−0.26; 95% CI …)": a coefficient of an association, no trial's result.
_ASSOCIATED = quick(r"\b(?:associat|correlat)\w*", re.IGNORECASE)


def _bare_value(text: str, m: re.Match[str], kind: str) -> Value:
    """A bare number as a value; "10 (4.9) days": a mean or median printed with its spread or range before its time
    unit is a time (``_SPREAD_THEN_TIME``)."""
    value = parse_number(m.group("v"))
    timed = _SPREAD_THEN_TIME.match(text, m.end("v"))
    if timed:
        return m.start("v"), m.end("v"), "time", value, _UNIT[timed.group("u")[0].lower()]
    return m.start("v"), m.end("v"), kind, value, None


#: "10 (4.9) days", "4 (range 2-35, interquartile range 3-5) days", "(mean, 1.58 ± 0.9) days": the spread or range
#: printed between a value and its time unit.
_SPREAD_THEN_TIME = quick(rf"\s*(?:\(\s*(?:SD\s*[=:,]?\s*)?(?:{NUM})\s*\)|\((?:range|IQR|interquartile)[^()]{{0,50}}\)"
                          rf"|±\s*(?:{NUM})\s*\))\s*(?P<u>days?|weeks?|months?|years?)\b", re.IGNORECASE)


def _past_interval(text: str, pos: int) -> int:
    """Where the text goes on after the confidence interval printed at ``pos``, if one is
    ("0.34, 95% C.I. -0.33, 1.02 and 0.56": the pair's second value comes after the first's interval)."""
    ci = _CI_AFTER_VALUE.match(text, pos) or _BRACKETED_INTERVAL.match(text, pos)
    return ci.end() if ci else pos


#: "12.9 (95% confidence interval (CI) 8.2–17.6) in the A group and 11.4": an interval in brackets after the value.
_BRACKETED_INTERVAL = quick(rf"\s*[(\[]\s*(?:\d{{2}}\s?%\s*)?(?:[^()\[\]\d]|[(\[][^()\[\]\d]{{0,20}}[)\]]){{0,40}}?"
                                 rf"[-−]?(?:{NUM})\s*(?:[-–]|to)\s*[-−]?(?:{NUM})\s*[)\]]", re.IGNORECASE)
_CI_AFTER_VALUE = quick(rf"\s*[,;]\s*(?:\d{{2}}\s?%\s*)?(?:C\.?I\.?|confidence interval)[\s:,]*[-−]?(?:{NUM})\s*(?:,|to|[-–])\s*[-−]?(?:{NUM})",
                             re.IGNORECASE)


#: A survival endpoint's abbreviation, as printed after a ratio: "HR for OS", "hazard ratio (HR) for PFS".
_SURVIVAL_ABBREVIATION = r"(?-i:OS|PFS|DFS|EFS|RFS|DSS|TTP|MFS)\b"
_RATIO_EVENT = quick(
    r"[)\]]?\s*(?:[(\[][^()\[\]]{1,12}[)\]]\s*)?(?:for|of)\s+(?:the\s+)?(?:(?:probability|risk)\s+of\s+)?(?:disease\s+)?"
    r"(?:[^.;()\d]{1,50}?\s(?:vs\.?|versus)\s[^.;()\d]{1,50}?(?=\s+\d)|progression(?:\s+or\s+death)?|death(?:\s+from\s+any\s+cause)?|"
    rf"recurrence|relapse|{_SURVIVAL_ABBREVIATION}|(?:overall|progression[- ]free|disease[- ]free|event[- ]free|"
    r"recurrence[- ]free|relapse[- ]free|metastasis[- ]free|disease[- ]specific) survival)(?:\s*\([^()]{1,12}\))?"
    r"(?:\s+(?:in|with|among)\s+(?:the\s+)?[\w+/-]+(?:\s+[\w+/-]+){0,3}?\s+(?:groups?|arms?))?\s*(?:was|were|is|of|[,=:])?",
    re.IGNORECASE)
_RANGE_ASIDE = quick(r"[(\[]\s*(?:IQR|interquartile range|range)\b[^()\[\]]*[)\]]", re.IGNORECASE)

# Counts printed without a percentage: "9 of 12 patients", "Nine patients discontinued",
# "two treatment-related deaths", "No treatment-related deaths".
_COUNT_RE = Folded(
    rf"(?<![\w.,·/%-])(?P<n>\d+|{WORD_NUMBER}|[Nn]o(?:ne)?|[Aa] single)"
    rf"(?:\s*(?:of|/|out of)\s*(?:the\s+)?(?P<den>\d+)(?![\d.·/%]))?(?=[\s,);]|\.(?![\d·])|$)"
)
_PEOPLE_VERB = quick(
    r"\s+(?:(?:patients?|participants?|children|subjects|cases)\s+)?(?:had\s+|have\s+)?"
    r"(?:experienc\w*|developed|discontinu\w*|withdr\w*(?!\s+(?:their\s+|informed\s+)?consent)|proceeded|died|achieved|underwent|"
    r"reported|relapsed|recurred)\b",
    re.IGNORECASE,
)
# Endpoints a bare count may belong to; survival endpoints only through their events or deaths.
_COUNTABLE = {"TREATMENT_RELATED_DEATH", "DLT", "DISCONTINUATION", "R0_RESECTION", "IMMUNE_RESPONSE",
              "SAE", "IRAE", "TRAE", "TRAE_GRADE3PLUS", "AE", "AE_GRADE3PLUS"}
#: Mention measures of events counted one by one, that own counts only: deaths (OS), relapses (RFS) and the responses
#: of a list ("Nine CR and twenty-seven PR").
_EVENTS_COUNTED = frozenset({"deaths", "relapses", "responses"})
_ZERO_COUNTABLE = {"TREATMENT_RELATED_DEATH", "DLT", "SAE", "IRAE", "TRAE", "TRAE_GRADE3PLUS", "AE", "AE_GRADE3PLUS"}


def _counts(text: str, mentions: list[Mention], found: list[tuple], ci_spans: list[tuple[int, int]]) -> list[tuple]:
    """Counts of patients or events that stand for a result on their own (no percentage near)."""
    out: list[tuple[int, int, str, float | None, str | None]] = []
    listed: dict[int, str] = {}
    for m in _COUNT_RE.finditer(text):
        start, end = m.start(), m.end()
        if _taken(start, ci_spans, found):
            continue
        if ("%" in text[max(0, start - 30): end + 30] and not _counts_listed_response(mentions, end)) \
                or _UNIT_AFTER_COUNT.match(text, end) \
                or (m.group("den") and _NOT_A_FRACTION_AFTER.match(text, end)):
            continue  # "6 months", "3/4 grade adverse events"
        raw = m.group("n").lower()
        value = 0 if raw == "none" else word_to_int(raw.removeprefix("a "))  # "no" is 0, "(a) single" is 1
        if value is None or value > 100_000:
            continue
        before = text[max(0, start - 12): start]
        if _NOT_A_COUNT_BEFORE.search(before):
            continue  # "grade 3/4", "CTC 2 diarrhoea", "No one developed"
        opened = _unclosed_bracket(text, start)
        if opened is not None and _PERCENT_BEFORE.search(text[max(0, opened - 10): opened]):
            continue  # "48.4% (95% CI 30.2–66.9; 15 out of 31)": the percentage's own counts
        kind = _count_kind(text, m, value, opened, mentions, listed, (out, found))
        if kind is None:
            continue
        out.append((start, end, kind, float(value), "patients"))
        listed.update(_later_counts(text, end, kind))
    return out


def _count_kind(text: str, m: re.Match[str], value: int, opened: int | None, mentions: list[Mention],
                listed: dict[int, str], taken: tuple[list[tuple], list[tuple]]) -> str | None:
    """What a count stands for, by the shape around it (None: no result)."""
    start, end = m.start(), m.end()
    following = next((x for x in mentions if x.start >= end), None)
    if start in listed:
        return listed[start]  # "Transient grade 4 neutropenia occurred in 18 and 2 patients": the list's later counts
    if m.group("den"):
        return "count_of"
    if _in_deaths_bracket(text, start, end) or _splits_a_count(text, start, end):
        return "count_more"  # "139 patients died (64 in the chemotherapy group vs 75 in the surgery group)"
    if opened is not None and _in_count_pair(text, opened, start, mentions):
        return "count_pair"  # "neutropenia (937 events vs 797 events)", "(7 vs. 24 patients, respectively; P < .05)"
    if counted_event(text, mentions, end, value) is not None:
        return "count_people"  # "Two patients had grade 3 pneumonitis", "No patient in G1 developed a thrombotic event"
    if _after_a_count(text, start, taken[0] + taken[1]) and _next_arm_count(text, start, end):
        return "count_more"  # "two treatment-related deaths in the FOLFOX4 arm and one in the TOMOX arm"
    if following is not None and _counted_before(text, end, following, value):
        return "count_before"  # "two treatment-related deaths", "no unexpected serious adverse events"
    if _people_counted(text, start, end, value, mentions) or _arm_counted_at(text, start, mentions):
        return "count_people"  # ("Only four in the A group compared to 17 patients in the B group saw …")
    return None


def _outcome_mention(start: int, end: int, name: str, words: str | None = None) -> Mention:
    """An outcome no rule names, as written at ``start:end``: of the kind its words (or ``words``) say."""
    return Mention(start, end, name, kind_by_words(name if words is None else words, _OUTCOME_KINDS), None)


def _counts_listed_response(mentions: list[Mention], end: int) -> bool:
    """A count right before a response category of a list, a count though a percentage is near: "The objective response
    rate was 26% (…), with seven complete and 23 partial responses"."""
    return any(m.measure == "responses" and 0 < m.start - end <= 2 for m in mentions)


def _later_counts(text: str, end: int, kind: str) -> dict[int, str]:
    """The starts of the counts listed after an accepted one ("occurred in 18 and 2 patients"), with its kind."""
    more = _MORE_COUNTS.match(text, end) if kind in {"count_people", "count_before"} else None
    return {} if more is None else {x.start(): kind for x in _COUNT_RE.finditer(text, more.start(), more.end() + 1)}


def _people_counted(text: str, start: int, end: int, value: float, mentions: list[Mention]) -> bool:
    """A count of the people who had an event named before it, or of people who did something."""
    if value > 0 and _OBSERVED_IN.search(text, max(0, start - 30), start) and any(x.end <= start for x in mentions) \
            and _PEOPLE_AFTER.match(text, _past_more_counts(text, end)):
        return True  # "Grade 3 neurotoxicity was diagnosed in four children"
    if _NUMBER_OF_WAS.search(text, max(0, start - 12), start) and _number_of(text, start, mentions):
        return True  # "The absolute numbers of deaths were 27 in the levamisole group"
    if _event_in_people(text, start, end, mentions):
        return True  # "grade 3 neutropenia in 12 patients", "Neutropenia was grade 4 in 3 patients"
    return value > 0 and _PEOPLE_VERB.match(text, end) is not None  # "Nine patients discontinued"


#: A unit after a number, that makes it no count: "6 months", "20 mg", "4 cycles".
_UNIT_AFTER_COUNT = quick(r"\s*(?:months?|weeks?|years?|days?|mg|[μµm]?g|mcg|cycles?)\b", re.IGNORECASE)
#: After a fraction, a word that makes it no count: "3/4 grade adverse events", "1/3 dose BCG".
_NOT_A_FRACTION_AFTER = quick(r"\s*(?:grades?|doses?)\b", re.IGNORECASE)
#: Words before a number that make it no count: "grade 3/4", "CTC 2 diarrhoea", "No one developed", "One in five" (a share),
#: "2 of eight subjects" (the people counted in).
_NOT_A_COUNT_BEFORE = quick(r"(?:grades?|phase|stage|\bG|\bCTC(?:AE)?)\s*$|\bno\s+$|\b(?:one|1)\s+in\s+$|"
                            r"\b(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten)\s+of\s+(?:the\s+)?$", re.IGNORECASE)
_PERCENT_BEFORE = quick(r"%\s*$")


#: The next arm's count after a first one: "… in the FOLFOX4 arm and one in the TOMOX arm", "29 deaths in the
#: Cisplatin arm vs. 27 for nihil", "three treatment-related deaths with CAF but none with the 16-week regimen".
#: "… occurred in 12 patients in arm A and in 4 patients in arm B" (not "withdrew due to adverse events and one for
#: non-compliance": after "and", only "in" names an arm).
_NEXT_ARM_JOIN = quick(r"(?:(?P<and>\band)|\bvs\.?|\bversus|\bcompared (?:with|to)|\bbut)\s+(?:in\s+)?$", re.IGNORECASE)
_NEXT_ARM_PLACE = quick(r"\s+(?:(?:patients?|participants?|subjects|cases?)\s+|of\s+the\s+(?:patients|participants|subjects)\s+)?"
                             r"(?P<w>in|for|with|receiving)\s+(?:the\s+)?\S")


def _after_a_count(text: str, start: int, before: list[tuple]) -> bool:
    """A count or a share of patients earlier in the same clause: "12 patients (44.4 %) in the control group compared to"."""
    ends = [v[1] for v in before if v[1] <= start and (v[2].startswith("count") or v[4] == "percent")]
    return bool(ends) and ";" not in text[max(ends): start]


def _next_arm_count(text: str, start: int, end: int) -> bool:
    """A count that follows another one, joined to it, and tells where it was counted."""
    join = _NEXT_ARM_JOIN.search(text, max(0, start - 16), start)
    place = _NEXT_ARM_PLACE.match(text, end)
    return join is not None and place is not None and (join.group("and") is None or place.group("w") == "in")


#: Responses counted one by one: "two partial responses (PR)", "27 PR", "one complete remission" (not "6 CR clinicians":
#: "CR" alone names other things too).
_COUNTED_RESPONSES = quick(r"\b(?:responses?|remissions?|(?-i:PRs?|CRs))(?:\s*\((?-i:PR|CR)\))?$", re.IGNORECASE)


def _zero_countable(following: Mention, gap: str) -> bool:
    """ "no unexpected serious adverse events", "no deaths", "no complete responses": what "no" counts as 0."""
    if following.measure in {"deaths", "relapses"}:
        return not gap.strip()  # "there were no deaths", "no recurrences"; not "no endometrial cancer deaths"
    return following.canonical in _ZERO_COUNTABLE or _counts_responses(following)


def _counts_responses(owner: Mention) -> bool:
    """A response mention that names the responses counted, not their rate."""
    return owner.measure == "responses" or (
        owner.canonical in {"PR", "CR_RATE", "ORR"} and _COUNTED_RESPONSES.search(owner.text.strip()) is not None)


#: The other arm's count between people counted in one arm and the verb that says what they had: "Thirty-eight patients
#: in the treatment group[, and 58 in the placebo group,] suffered".
_AND_THE_OTHER_ARM = (rf"(?:,?\s+(?:and|vs\.?|versus)\s+(?:\d+|{WORD_NUMBER})(?:\s+(?:patients?|participants?|subjects))?\s+"
                      r"(?:in|on|receiving|treated\s+with|given|taking)\s+(?:the\s+)?[^\s,;:.()%]+(?:\s+[^\s,;:.()%]+){0,5}?)?")
#: People counted, where they were counted, and what they had: "Two patients had", "No patient in G1 developed",
#: "Thirty-two patients receiving IFN5 and 19 patients receiving IFN1 experienced", "58 in the placebo group, suffered",
#: "None of the patients developed" (not "patients with X had": who they were).
_PEOPLE_HAD = quick(
    r"(?:\s+of\s+the)?\s+(?:(?:patients?|participants?|subjects|children|women|men|cases?)\b)?"
    r"(?:,?\s+(?:in|on|of|from|receiving|treated\s+with|given|taking)\s+(?:the\s+)?[^\s,;:.()%]+(?:\s+[^\s,;:.()%]+){0,7}?"
    rf"{_AND_THE_OTHER_ARM},?)?\s+(?:had\s+|have\s+)?(?P<v>had|have|suffered(?:\s+from)?|experienc(?:ed|ing)|developed|died|presented(?:\s+with)?|"
    r"reported|discontinued|withdrew|(?:was|were)\s+(?:withdrawn|discontinued)|required|needed|achieved)\b(?:\s+(?:an?|any|the)\b)?",
    re.IGNORECASE,
)


def counted_event(text: str, mentions: list[Mention], end: int, value: float) -> Mention | None:
    """The event a count of people had, named right after the verb, that a count may be of: "Two patients had grade 3
    pneumonitis", "27 patients in the A arm had a complete response", "No patient died", "No patients discontinued
    because of adverse events"."""
    had = _PEOPLE_HAD.match(text, end)
    if had is None:
        return None
    event = next((x for x in mentions if x.end > had.start("v")), None)
    if event is None:
        return None
    if event.start < had.end():  # the verb itself: "died", "discontinued" ("because of adverse events", when none did)
        if event.canonical == "DISCONTINUATION":
            return event if value > 0 or _a_reason_given(text, had.end(), event.end) else None
        return event if event.measure == "deaths" or event.canonical == "TREATMENT_RELATED_DEATH" else None
    if not _ADJECTIVES_ONLY.fullmatch(text, had.end(), event.start):
        return None
    if event.measure == "category" and not text[had.end(): event.start].strip():
        return event  # "No patients required additional anti-emetic": what they had, named in their words
    countable = _is_ae(event.canonical) or _counts_responses(event) or event.canonical == "TREATMENT_RELATED_DEATH"
    if value == 0 and _GRADE_4_ONLY.search(text, had.end(), event.end):
        return None  # "No patients had grade 4 toxicity": none of grade 4 says nothing of grade 3
    return event if countable and (value > 0 or _zero_countable(event, "")) else None


_REASON = quick(r"\b(?:due to|because of|owing to|attributable to)\b", re.IGNORECASE)


def _a_reason_given(text: str, verb_end: int, event_end: int) -> bool:
    """Whether none stopping says why: "No patients discontinued because of adverse events", "No subjects were
    discontinued due to AEs" (the discontinuation's words name the reason); not "No patients discontinued the study"."""
    return "advers" in text[verb_end: verb_end + 60] or _REASON.search(text, verb_end, event_end) is not None


_GRADE_4_ONLY = quick(r"\bgrades?\s*(?:4|IV)\b(?!\s*(?:-|–|or|and|/)\s*5)", re.IGNORECASE)


def _counted_before(text: str, end: int, following: Mention, value: float) -> bool:
    """A count right before the outcome it counts: "two treatment-related deaths", "no serious or unexpected adverse
    events", "three cases of sore throat" (not "152 fatigued patients": who they were)."""
    end = _past_more_counts(text, end)
    at = _CASES_OF.match(text, end)
    gap = text[at.end() if at else end: following.start]
    if at is None and not gap.strip() and _PEOPLE_NEXT.match(text, following.end):
        return False
    return _ADJECTIVES_ONLY.fullmatch(gap) is not None and (value > 0 or _zero_countable(following, gap))


_CASES_OF = quick(r"\s+(?:cases?|episodes?|events?)\s+of\s+", re.IGNORECASE)
#: Between a value and the outcome named right after it: nothing, or what was counted of it ("three cases of").
_NOTHING_OR_CASES_OF = quick(r"\s*|\s+(?:cases?|episodes?|events?)\s+of\s+", re.IGNORECASE)
#: The other counts of a list before what they count: "Seven and nine deaths", "Four vs two events of".
_MORE_COUNTS = quick(rf"(?:\s*(?:,\s*(?:and\s+)?|and\s+|or\s+|vs\.?\s+|versus\s+)(?:\d+|{WORD_NUMBER})(?![\w.·/%-]|,\d))+", re.IGNORECASE)


def _past_more_counts(text: str, end: int) -> int:
    """Where the list of counts a count opens ends: after "nine" in "Seven and nine deaths"."""
    more = _MORE_COUNTS.match(text, end)
    return more.end() if more else end
_PEOPLE_NEXT = quick(r"\w*\s+(?:patients|children|participants|subjects|women|men)\b")
#: Between a count and its outcome, at most two words that describe it, each maybe with another after "or":
#: "no unexpected serious adverse events", "no serious or unexpected adverse events", "no serious or severe adverse
#: events" (the outcome's own words take the last describing word).
_DESCRIBING = r"(?!(?:patients?|of|with|had|have|were|was|in|and|or|to|at|on|for|times)\b)[a-z][a-z-]*"
_ADJECTIVES_ONLY = quick(rf"\s*(?:{_DESCRIBING}(?:\s+or\s+{_DESCRIBING})?\s+){{0,2}}(?:{_DESCRIBING}\s+or\s+)?")
#: "… was observed in", "… was diagnosed in": the count after names how many had the outcome.
_OBSERVED_IN = quick(r"\b(?:observed|diagnosed|reported|seen|noted|occurred|happened|found|documented|recorded|developed|detected|encountered)"
                    r"\s+in\s+$|\bexperienced\s+by\s+$")
#: Between an event and the people counted after it: "grade 3 neutropenia in 12 patients", "Neutropenia was grade 4 in".
_EVENT_IN = quick(rf"\s*(?:(?:was|were)\s+)?(?:(?:of\s+)?grades?\s*{GRADE_LEVELS}\s+)?in\s+", re.IGNORECASE)


_COUNTED_AT_END = quick(rf"(?<![\w.,·/%-])(?:\d+|{WORD_NUMBER})\s+(?:[a-z]+\s+)?$", re.IGNORECASE)  # "16 observed deaths in 85 patients"


_NUMBER_OF_WAS = quick(r"\b(?:was|were)\s+$")
_NUMBER_OF = quick(r"\bnumbers?\s+of\s+(?:(?:the|all)\s+)?(?:patients\s+with\s+)?$", re.IGNORECASE)


def _number_of(text: str, start: int, mentions: list[Mention]) -> bool:
    """A count said to be the number of an event: "The absolute numbers of deaths were 27", "the number of patients with
    grade 3 neutropenia was 12"."""
    event = next((m for m in reversed(mentions) if m.end <= start), None)
    return event is not None and _NUMBER_OF_WAS.fullmatch(text, event.end + (text[event.end] == " "), start) is not None \
        and _NUMBER_OF.search(text, max(0, event.start - 40), event.start) is not None


def _event_in_people(text: str, start: int, end: int, mentions: list[Mention]) -> bool:
    """People counted right after the event they had: "grade 3 neutropenia in 12 patients and grade 3 diarrhoea in 4"."""
    event = next((m for m in reversed(mentions) if m.end <= start), None)
    return event is not None and _EVENT_IN.fullmatch(text, event.end, start) is not None \
        and not _COUNTED_AT_END.search(text, max(0, event.start - 25), event.start) \
        and _PEOPLE_AFTER.match(text, _past_more_counts(text, end)) is not None
_PEOPLE_AFTER = quick(r"\s+(?:[a-z-]+\s+)?(?:patients?|children|participants?|subjects|women|men|cases?)\b")


_AFTER_SURGERY = quick(r"after (?:the )?(?:surgery|operation|resection)|post-?operative (?:deaths?|mortality|period|course)|"
                            r"(?:due to|from|of) (?:surgical |postoperative )?complications|within 30 days", re.IGNORECASE)


def _in_deaths_bracket(text: str, start: int, end: int) -> bool:
    """A count in the brackets after "died" or "deaths", followed by where: "(64 in the A group vs 75 in B)"."""
    opened = _unclosed_bracket(text, start)
    return opened is not None and re.search(r"\b(?:died|deaths)\s*$", text[max(0, opened - 25): opened]) is not None \
        and (re.match(r"\s+(?:in|with|for|on)\s", text[end:]) is not None or _ARM_WORDS_AFTER.match(text, end) is not None)


#: After a count in the brackets of deaths, the arm's own words and the next part or the bracket's end: "370 deaths
#: (186 early, 184 delayed)" (one or two words, no number, no unit).
_ARM_WORDS_AFTER = quick(r"\s+(?!(?:patients?|months?|years?|weeks?|days?|and|or|vs)\b)[A-Za-z][\w+-]*(?:\s+[A-Za-z][\w+-]*)?"
                         r"\s*(?:[,;)]|\s(?:and|vs\.?|versus)\s)")


_NOT_A_JOIN = r"(?!(?:vs|versus|and|or|in|with|for|on)\b)"
#: A count, its words, then a bracket or colon that splits it, and the parts already read: "five patients (four in
#: the A arm and ", "nine toxic deaths: five in arm A, ".
_SPLIT_LEAD = quick(rf"(?<![\w.])(?:\d+|{WORD_NUMBER})\s+(?:{_NOT_A_JOIN}[\w-]+\s+){{0,4}}?{_NOT_A_JOIN}[\w-]+\s*[(:]\s*"
                    rf"(?:(?:\d+|{WORD_NUMBER})\s+(?:in|with|for|on)\s+[^;:()%]{{1,40}}?(?:,|\band\b|\bvs\.?|\bversus)\s*)*$",
                    re.IGNORECASE)
_WHERE_COUNTED = quick(r"\s+(?:in|with|for|on)\s+(?!\d+\s+(?:patients?|cases|subjects|participants)\b)")  # not "6 in 4 patients"


def _splits_a_count(text: str, start: int, end: int) -> bool:
    """A count of the arm named after it that splits the count before it: "Grade 3 anemia occurred in five patients
    (four in the A arm and one in the B arm)", "There were nine toxic deaths: five in arm A and one in arm B"."""
    return _WHERE_COUNTED.match(text, end) is not None and _SPLIT_LEAD.search(text, max(0, start - 160), start) is not None


_COUNTED = r"(?:\s*(?:events?|patients?|cases?|episodes?)\b)"
#: Two counts in brackets, one for each arm: "(937 events vs 797 events)", "(22 vs 0)", "(7 vs. 24 patients, respectively; P".
_COUNT_PAIR = quick(rf"[(\[]\s*(?P<a>\d+|{WORD_NUMBER})(?P<w>{_COUNTED})?\s*(?:vs\.?|versus|v\.?)\s*(?P<b>\d+|{WORD_NUMBER})"
                    rf"(?P<w2>{_COUNTED})?(?:\s*,\s*respectively\b)?\s*(?=[,;)\]])", re.IGNORECASE)


def _in_count_pair(text: str, opened: int, start: int, mentions: list[Mention]) -> bool:
    """A count of a bracketed pair, right after the outcome it counts or saying what it counts: "leucopenia (507 vs 362)",
    "fewer patients in group D experienced nausea than those in group P (7 vs. 24 patients, respectively)"."""
    pair = _COUNT_PAIR.match(text, opened)
    if pair is None or start not in (pair.start("a"), pair.start("b")):
        return False
    if pair.group("w") or pair.group("w2"):
        return any(m.end <= opened and ";" not in text[m.end: opened] for m in mentions)
    return any(m.end <= opened and not text[m.end: opened].strip() for m in mentions)


def _unclosed_bracket(text: str, pos: int) -> int | None:
    """Where the innermost bracket still open at ``pos`` opened, if any."""
    depth = 0
    for bracket in reversed(list(_BRACKET.finditer(text, max(0, pos - 199), pos))):  # the 199 characters before it
        if bracket.group() in ")]":
            depth += 1
        elif depth == 0:
            return bracket.start()
        else:
            depth -= 1
    return None


def _is_context_number(text: str, start: int, end: int, kind: str) -> bool:
    before = text[max(0, start - 40): start]
    if _BOUND_BEFORE.search_part(before, text):
        return True
    if _CI_BOUND_BEFORE.search_part(before, text):
        return True  # "(95% CI: -48.2 to –17.1 %", "95% CI for difference +0.16, +0.93": a bound the interval reader missed
    if kind == "pct" and (_CI_LEVEL_BEFORE.search(before) or _CI_AFTER.match(text, end)):
        return True  # "CI 95% (0.23-2.11)", "[95% IC: 0.76–1.46]": the interval's level
    if kind == "pct" and _FORMULATION_AFTER.match(text, end):
        return True  # "imiquimod 5% cream": a strength
    if _PLANNED_BEFORE.search_part(before, text):
        return True  # "the prespecified minimum clinically significant difference of a 20% greater improvement"
    if kind == "pct" and _RANGE_START_BEFORE.search(before) and not _GRADE_RANGE_BEFORE.search(before):
        return True  # "were 15.8–68.8% for intensity": the top of a range
    if kind in {"time", "pct"} and search_back(_NOT_OUTCOME_BEFORE, before, 0, len(before), _NOT_IN_NOT_OUTCOME) \
            and not _SAID_BEFORE.search(before[-6:]):
        return True
    if kind == "time" and _FOLLOW_UP_BEFORE.search(before):
        return True
    if kind == "time" and _LANDMARK_AFTER.match(text, end):
        return True  # "The 3 years PFS ... were 71.9%": a landmark, not a duration
    if kind == "time" and _LANDMARKS_BEFORE.search(before):
        return True  # "at 2 and 3 years": landmarks listed
    if kind == "time" and _RATES_OF_BEFORE.search(before):
        return True  # "survival rates of 1 and 2 years": the landmarks the rates are at
    if kind == "time" and _TREATMENT_AFTER.match(text, end):
        return True  # "radiotherapy plus 6 months of androgen suppression": how long a treatment was given
    if kind == "pct" and _SHARE_BY_SEX_AFTER.match(text, end):
        return True  # "Sixty patients (80% male, …) completed": who the patients were
    if _bare_label_or_year(text, start, end, before):
        return True
    if kind == "pct" and _a_strength(text, end, before):
        return True
    if kind == "time" and _PERIOD_BEFORE.search_part(before, text):
        return True  # "For the first 5 years following randomisation", "through the 24 months of the study": a period
    return bool(kind != "ratio" and _FOLLOW_AFTER.match(text[end: end + 25]))


def _a_strength(text: str, end: int, before: str) -> bool:
    """Whether a percentage is a product's strength, not a share: before its product's name ("the 2% PRO2000 group",
    "The 0.15% LAE-containing mouthrinse", "with 0.1% CO extracts"), after a volume ("The 20 ml 0.5% ropivacaine
    group") or after a salt's name ("olopatadine HCl 0.77%")."""
    return bool(_STRENGTH_BEFORE.search(before) or _SALT_BEFORE.search(before) or (_THE_BEFORE.search(before) and _WORD_NOT_CLAUSE_AFTER.match(text, end))
                or _PRODUCT_AFTER.match(text, end))


def _bare_label_or_year(text: str, start: int, end: int, before: str) -> bool:
    """Whether a number printed without a unit of its own (one its neighbours lent it) names an arm or a time
    ("90% in group 1 versus 67% in group 2", "for arm 1 versus 14.4 months", "at week 4;") or is a year ("from
    3.41% in 2008 to 0.81% in 2011")."""
    bare = text[start:end]
    if not bare.isdigit():
        return False
    return bool(_YEAR.fullmatch(bare) or _LABEL_WORD_BEFORE.search_part(before, text))


#: A share of the patients by sex or race, not an outcome: "(80% male,", "539 (87.9%) male;", "41% were males",
#: "16 (53%) were Caucasian", "86% patients were male" (not "−39% men, p = 0.0001", a result in men, nor "(72%) women who were allocated").
_SHARE_BY_SEX_AFTER = Keyed(quick(r"\)?\s*(?:(?:(?:of\s+(?:the\s+)?)?(?:patients|participants|subjects)\s+)?(?:were|was)\s+(?:male|female|men|women|boys|girls|white|caucasian|black|"
                                  r"hispanic|asian|african[- ]american)s?\b|(?:male|female)s?\s*[,;)])", re.IGNORECASE),
                            "male", "men", "boys", "girls", "white", "caucasian", "black", "hispanic", "asian", "african")
#: What names an arm or a time by the number after it: "group 1", "arm 2", "week 4", "day 28", "genotype 1".
_LABEL_WORD_BEFORE = Keyed(quick(r"\b(?:groups?|arms?|cohorts?|weeks?|days?|months?|visits?|cycles?|genotypes?|"
                                 r"sessions?|phases?|stages?|grades?|types?)\s*$", re.IGNORECASE),
                           "group", "arm", "cohort", "week", "day", "month", "visit", "cycle", "genotype", "session",
                           "phase", "stage", "grade", "type")
_YEAR = quick(r"(?:19[5-9]|20[0-4])\d")
#: A percentage read as a strength: after a volume ("20 ml 0.5%"), after "the" and before a word that is no
#: clause ("the 1% zinc-pyrithione shampoo"; not "the 13% (p < .01)", "the 46.2% and the 18.4% of the patients",
#: "the 50% reduction"), or before a product of up to two words ("0.1% CO extracts").
_STRENGTH_BEFORE = quick(r"\b\d+(?:[.·]\d+)?\s*(?:ml|mL|mg)\s+$")
#: "olopatadine HCl 0.77%", "triamcinolone acetonide 0.1%": a salt's or ester's name before its strength.
_SALT_BEFORE = quick(r"\b(?:HCl|hydrochloride|acetonide|sodium|phosphate|propionate|acetate|sulfate|sulphate|citrate|"
                     r"maleate|tartrate|besylate|furoate|dipropionate|valerate)\s+$", re.IGNORECASE)
_THE_BEFORE = quick(r"\bthe\s+$", re.IGNORECASE)
_WORD_NOT_CLAUSE_AFTER = quick(r"\s+(?!(?:in|of|for|at|with|and|or|vs|versus|v|the|a|an|on|to|from|were|was|had|than|compared|"
                               r"among|by|respectively|reduction|increase|decrease|lower|higher|more|less|improvement|"
                               r"CI|responders?|threshold|cut-?off|level)\b)[A-Za-z]", re.IGNORECASE)
_PRODUCT_AFTER = quick(r"\s+(?:(?!(?:in|of|for|at|with|and|or|vs|versus|the|a|an|on|to|from|were|was|had|than|compared|"
                       r"among|by)\b)[A-Za-z][\w‐-]*\s+){0,2}(?:shampoo|mouthrinse|mouthwash|extracts?|solution|cream|gel|"
                       r"ointment|drops|lotion|foam|patch|spray|varnish|toothpaste|suspension)s?\b", re.IGNORECASE)
#: A time that is a period of the study, not a value: "the first 5 years", "through the 24 months of the study",
#: "through 24 wk".
_PERIOD_BEFORE = Keyed(quick(r"\b(?:(?:the\s+)?(?:first|last|initial|next|past|final|subsequent)|through|throughout|during)\s+"
                             r"(?:the\s+)?$", re.IGNORECASE),
                       "first", "last", "initial", "next", "past", "final", "subsequent", "through", "during")
#: A bound, not a value: "more than 50%", ">= 6 months" (whole words: "from 9 months in the A group to 12 months" has no
#: "up to").
_BOUND_BEFORE = Keyed(quick(r"(?:[<>≥≤⩾⩽]|>=|<=|\b(?:more than|less than|at least|over|up to))\s*$", re.IGNORECASE),
                      "<", ">", "≥", "≤", "⩾", "⩽", "more than", "less than", "at least", "over", "up to")
#: An interval's name and, maybe, its low bound right before a number: "(95% CI, 86.4% and ", "(95% CI 12.5% fewer to ",
#: "95% confidence interval of difference = " (not "95% CI 3.2–4.2, vs placebo, 3.6 months": a value after the interval).
_CI_BOUND_BEFORE = Keyed(quick(r"(?:\bCI|confidence interval)(?:\s+(?:for|of)\s+(?:the\s+)?difference)?[\s,:=]*"
                               r"(?:[-−–+]?\s*\d+(?:[.·]\d+)?\s*%?\s*(?:fewer|more|lower|higher)?\s*(?:to|and|,|-|–|—)\s*)?"
                               r"[-−–+]?\s*$", re.IGNORECASE), "ci", "confidence interval")
_CI_LEVEL_BEFORE = quick(r"\b(?:CI|C\.I\.|confidence interval)[\s,:]*$")
_RANGE_START_BEFORE = quick(r"(?<![\d.·])\d+(?:[.·]\d+)?\s*[–—-]\s*$")
_GRADE_RANGE_BEFORE = quick(r"\bgrades?\s*\d\s*[–—-]\s*$", re.IGNORECASE)
_SAID_BEFORE = quick(r"(?:was|were|of|:|=)\s*$")
_FOLLOW_UP_BEFORE = quick(r"\b(?:follow[- ]?up|age|aged|exposure)\b[^.;,]{0,30}$|\bsurviv(?:ing|ed)\s+$", re.IGNORECASE)
#: "at 2 and 3 years", "at 3, 12, 24, and 36 months" (a comma before "and")
_LANDMARKS_BEFORE = quick(r"\b(?:at|after|by|within)\s+(?:\d+\s*(?:,\s*and|,\s*or|,|and|or)\s*)+$", re.IGNORECASE)
_TREATMENT_AFTER = quick(r"\s*of\s+(?:(?:adjuvant|neoadjuvant|maintenance|continuous|intermittent|daily|weekly|oral|the)\s+)*"
                              r"(?:[\w-]+\s+)?(?:therapy|treatment|suppression|deprivation|blockade|chemotherapy|radiotherapy|"
                              r"hormon\w*|tamoxifen|endocrine|administration|dosing)\b", re.IGNORECASE)
_RATES_OF_BEFORE = quick(r"\brates?\s+(?:of|at)\s+(?:\d+\s*(?:,|and|or)\s*)*$", re.IGNORECASE)
_PLANNED_BEFORE = Keyed(quick(r"\b(?:to detect|hypothesi[sz]ed|assum(?:ed|ing)|expected|powered|minim(?:um|al) (?:\w+ )?difference|"
                              r"clinically (?:significant|important|meaningful|relevant) difference|goal of|set at|margin)\b[^.;%]{0,40}$",
                              re.IGNORECASE),
                        "detect", "hypothesi", "assum", "expected", "powered", "minim", "clinically", "goal of", "set at",
                        "margin")
_FORMULATION_AFTER = quick(r"\s*(?:w/v\s*)?(?:cream|gel|ointment|solution|lotion|spray|mouthwash|rinse|dextrose|"
                                r"glucose|saline|lidocaine|povidone|chlorhexidine)\b", re.IGNORECASE)
_LANDMARK_AFTER = quick(
    r"\s*(?:-\s*)?(?:(?-i:PFS|OS|DFS|RFS|EFS|DMFS|LC|CSS)\b|(?:overall|progression|disease|event|relapse|recurrence|"
    r"metastasis)[- ‐]free|overall survival|survival)",
    re.IGNORECASE,
)
_FORWARD_GAP = quick(
    r"^(?:\s*(?:\([^()]*\)|\[[^\]]*\]|\)|\]|and|or|,|of|in|the|all|patients|participants|cases|children|"
    r"\d+(?:[.·]\d+)?\s?%|were|was|accompanied|associated|experiencing|experienced|had|developed|reported|showed|achieved|a|an|who))*\s*$",
    re.IGNORECASE,
)
_FORWARD_VERB = quick(r"\b(?:experienc\w*|had|developed|reported|showed|achieved|discontinu\w*|withdr\w*|proceeded|were|underwent|"
                     r"completed)\b",
                           re.IGNORECASE)


_OTHER_RATE = Keyed(quick(
    r"(?:,|;|\band\b)\s+(?:the\s+)?(?P<n>(?:[\w()-]+\s+){0,4}?(?:rate|ratio|score|index)s?)\b"
    r"(?=\s*(?:\([^()]*(?:\([^()]*\))?[^()]*\)\s*)?(?:was|were|is|of|reached|\())",
    re.IGNORECASE,
), "rat", "score", "index")


def _other_rates(text: str, mentions: list[Mention]) -> list[Mention]:
    """ "..., and the subtotal regression rate (TRG1b) was 19.4%": a named outcome the vocabulary
    does not know, so its numbers do not fall to the endpoint named before it; of the kind its words say
    ("symptom improvement rates" are QOL)."""
    added = []
    for m in _OTHER_RATE.finditer(text):
        name = re.sub(r"^(?:(?:and|the)\s+)+", "", m.group("n"))
        start = m.end("n") - len(name)
        if any(x.start < m.end("n") and start < x.end for x in mentions) or find_mentions(name):
            continue
        added.append(_outcome_mention(start, m.end("n"), name))
    return _in_order(mentions, added)


def _is_ae(canonical: str) -> bool:
    return canonical.startswith(("AE", "TRAE")) or canonical in {"SAE", "IRAE"}


_RATE_AFTER = quick(r"\s+(?P<n>[a-z][\w-]*(?:\s[a-z][\w-]*){0,2}\s+rates?)\b")


_BRACKET = quick(r"[()\[\]]")


def _depth(between: str) -> int:
    """The lowest bracket depth ``between`` reaches (0, or below 0 when it closes a bracket it did not open)."""
    if ")" not in between and "]" not in between:
        return 0  # only a closing bracket goes below zero
    depth = low = 0
    for ch in _BRACKET.findall(between):  # the other characters leave the depth as it is
        depth += ch in "(["
        depth -= ch in ")]"
        low = min(low, depth)
    return low


#: Words that make an endpoint's name part of who the patients are: "in patients with (positive CTL) responses".
_DEFINES_PATIENTS = quick(r"\b(?:patients|those|subjects|participants|women|men)\s+(?:with|without|who\s+(?:had|achieved|"
                               r"developed|showed))\s+(?:an?\s+)?(?:[\w+/-]+\s+){0,3}$", re.IGNORECASE)


#: "33 (57%) partial responses": a share printed in brackets after its count, the outcome right after.
_COUNT_BRACKET_BEFORE = quick(r"(?<![\w.·/-])\d+\s*(?:patients?\s*)?\(\s*$", re.IGNORECASE)
_BRACKET_CLOSE_GAP = quick(r"\s*%?\s*\)\s*$")
#: "(23.5% vs 11.8% for ORR; and 58.8% vs 35.3% for DCR)": each pair named by the outcome after "for".
_FOR_OUTCOME_GAP = quick(rf"\s*%?\s*(?:(?:{VERSUS}|and)\s*[-+]?{NUM}\s*%?\s*)?,?\s*for\s+(?:the\s+)?$", re.IGNORECASE)
_PERCENTS_THEN_OUTCOME = quick(rf"\s*(?:(?:,|and|or)\s*[-+]?{NUM}\s*%\s*)+")
_PAIR_END = quick(r"\s*(?:\([^()]{1,12}\)\s*)?(?:[,;)\]]|$)")


def _named_right_after(after: list[Mention], text: str, start: int, end: int) -> Mention | None:
    """The outcome named right after a value in the two shapes where the words after it, not the ones
    before, say what it counts: "33 (57%) partial responses" and "(58.8% vs 35.3% for DCR)"."""
    if not after or after[0].canonical in _COMPARATIVE:
        return None
    gap = text[end:after[0].start]
    if _BRACKET_CLOSE_GAP.fullmatch(gap) and _COUNT_BRACKET_BEFORE.search(text, max(0, start - 20), start):
        return after[0]
    if _FOR_OUTCOME_GAP.fullmatch(gap) and _PAIR_END.match(text, after[0].end):
        return after[0]
    if _PERCENTS_THEN_OUTCOME.fullmatch(gap) and text[start:end].rstrip().endswith("%"):
        return after[0]  # "59.6% and 65.9% survival rates of 1 year"
    return None


def _owner(mentions: list[Mention], text: str, start: int, end: int) -> Mention | None:
    """The endpoint mention a value belongs to."""
    # A mention inside brackets that closed before the value ("(18% complete response-CR) and 69%")
    # owns nothing outside them.
    before = [m for m in mentions if m.end <= start and _depth(text[m.end:start]) >= 0]
    after_now = [m for m in mentions if m.start >= end]
    if after_now and _NOTHING_OR_CASES_OF.fullmatch(text, end, after_now[0].start) and after_now[0].canonical != "HR":
        return after_now[0]  # "(18% complete response)", "three cases of sore throat"; not "(7% vs 9% HR 0.96)": the ratio that follows the pair
    named_after = _named_right_after(after_now, text, start, end) or _arm_counted_at(text, start, after_now)
    if named_after is not None:
        return named_after
    named = _RATE_AFTER.match(text, end)
    if named and not find_mentions(named.group("n")):
        return Mention(named.start("n"), named.end("n"), named.group("n"), "OTHER", None)  # "a 52% crossover rate"
    after = [m for m in mentions if m.start >= end]
    # "28.3% experiencing grade 3 or higher events", "6.8% ... were accompanied with chills"
    if after and after[0].start - end < 90 and _FORWARD_GAP.match(text[end: after[0].start]) and (
        _FORWARD_VERB.search(text[end: after[0].start]) or _FORWARD_VERB.match(after[0].text)
        or (_is_ae(after[0].canonical) and re.search(r"\bwith\s*$", text[end: after[0].start]))
    ):
        return after[0]
    if len(before) >= 2 and _DEFINES_PATIENTS.search(text, max(0, before[-1].start - 60), before[-1].start):
        return before[-2]  # "3-year RFS was better in patients with positive CTL responses (85.7 and 33.3%)": RFS's
    if before:
        return before[-1]
    # "(38.7% vs. 12.7%, P = 0.001) significantly increases the rate of pCR": named after (a known
    # endpoint only: "At 3, 6 and 12 months ... the social continence rate was" names no time).
    # Not across a ";": "Responses were 9/72 (12.5%) …; complete responses were three" names another outcome.
    return after[0] if after and after[0].start - end < 120 and after[0].canonical != "OTHER" \
        and ";" not in text[end:after[0].start] else None


def extract_sentence(
    sentence: Sentence,
    arms: ArmFinder,
    ci_level_default: float | None,
    arm_labels: list[str] | None = None,
    context_endpoint: str | None = None,
    added_arm: str | None = None,
    abbreviations: dict[str, tuple[str, str | None]] | None = None,
) -> list[Draft]:
    """Every result in one sentence.

    Args:
        sentence: The sentence.
        arms: Finds arm mentions in a text: (start, end, label).
        ci_level_default: CI level to assume for bare ranges (the document's usual one).
        arm_labels: All arm labels of the trial, in order (for two-arm "versus" pairs).
        context_endpoint: The survival endpoint the sentences before spoke of (for a bare "HR").
        added_arm: Of two arms, the one that adds a treatment to the other's ("the addition
            of L (38.7% vs. 12.7%)" puts the first number on it).
        abbreviations: The document's own endpoint abbreviations ("TTTF": time to treatment
            failure), see ``endpoint_abbreviations``.
    """
    text = sentence.text
    digit = _DIGIT.search(text)
    if not digit and not _HAS_VALUE.search(text.lower()):  # a digit is a value: no need to lowercase
        return []
    if _AT_BASELINE.search(text) and not _CHANGED.search(text):
        return []  # "162/676 (24 %) patients had renal impairment at baseline": who they were, not a result
    known = [m for m in find_mentions(text) if m.canonical != "SKIP"]
    if abbreviations:
        known = abbreviated_mentions(text, abbreviations, known)
        # "longer TTTF (…; hazard ratio 1.3)": a ratio no named endpoint claims is the abbreviated one's
        context_endpoint = next((m.canonical for m in known if m.text in abbreviations and m.canonical in TIME_TO_EVENT),
                                context_endpoint)
    known = _counted_mentions(text, _primary_outcome(sentence, known, digit))
    mentions = _with_unnamed_outcome(text, _graded_events(text, known), digit)
    by_arm = len(arm_labels or []) > 1 and (" group" in text or " arm" in text)  # a count or share of each of two arms
    mentions = _arm_counted_outcomes(text, mentions) if by_arm else mentions
    if " v" in text and "(" in text and arms(text):  # "vs", "versus", JCO's "v"; the pair's arms named
        mentions = _pair_counted_outcomes(text, mentions)
    owned = _with_sentence_outcome(sentence, mentions, arms, digit, by_arm)
    if owned is None:
        return []
    mentions, fallback = owned
    mentions = _resolve_events(_symptom_scores(_other_rates(text, _continued_rates(text, mentions)), text), text)
    mentions = _primary_outcome(sentence, mentions, digit)  # after the kind rules: "sleep quality" stays QOL
    drafts = _drafts_of_values(sentence, mentions, ci_level_default, context_endpoint)
    if fallback:
        drafts = [d for d in drafts if _kept_unnamed(d, text)]
    if not drafts:
        return drafts  # the steps below only amend drafts: with none, the sentence's arms and subgroups need not be read
    _fill_units_for_not_reached(drafts)
    _differences_in_pairs(drafts, text)
    _medians_in_runs(drafts)
    _attach_p_values(drafts, text)
    _given_arms(drafts, text, arms, _outside(arms, mentions), arm_labels or [], added_arm)
    _subject_arm_in_outcome_words(drafts, text, arms, mentions)
    if fallback and arm_labels:
        drafts = [d for d in drafts if not _in_a_label(text, d, arm_labels)]
    return _placed(drafts, text)


def _with_sentence_outcome(sentence: Sentence, mentions: list[Mention], arms: ArmFinder, digit: re.Match[str] | None,
                           by_arm: bool) -> tuple[list[Mention], bool] | None:
    """Where no outcome the vocabulary knows owns the values, or a ratio compares the arms, the outcome the sentence
    names in its own words joins the mentions: (mentions, whether the values rest on that outcome); None when the
    sentence names none and knows none."""
    text = sentence.text
    fallback = not mentions or _ratios_after_values(mentions, digit)
    ratio_at = None if fallback else _ratio_of_arms_compared(text, mentions, arms)
    if not (fallback or ratio_at):
        return mentions, False
    outcome = _sentence_outcome(sentence, ratio_at or digit) or _difference_outcome(sentence) \
        or (_shares_by_arm_outcome(sentence) if by_arm and "%" in text else []) \
        or _compared_shares_outcome(sentence, arms) \
        or _outcome_before_interval_difference(sentence) or _outcome_of_mean_statistic(sentence)
    if not outcome and not mentions:
        return None
    return _in_order(outcome, mentions), bool(outcome)


def _given_arms(drafts: list[Draft], text: str, everywhere: ArmFinder, arms: ArmFinder, arm_labels: list[str],
                added_arm: str | None) -> None:
    """The arm of each draft: by the arms the sentence names (``arms``, outside the outcomes' words; ``everywhere``
    for the order they are named in), by slash-joined runs, and a listed response's arm shared."""
    _assign_arms(drafts, text, arms, arm_labels, added_arm, everywhere)
    if "%/" in text:
        _slash_listed_names(drafts, text)
    _listed_responses_share_arm(drafts, text)


def _counted_mentions(text: str, known: list[Mention]) -> list[Mention]:
    """``known`` with the counts the outcome rules read where no percentage names them: relapses, one death, the
    categories of a response list (each rule gated by its words)."""
    if ("elaps" in text or "ecurr" in text) and "%" not in text:
        known = _relapses_counted(text, known)
    if "eath" in text and "%" not in text:
        known = _one_death_counted(text, known)
    if "CR" in text or "PR" in text or "omplete" in text or "artial" in text:  # a response category's words
        known = _listed_responses(text, known)
    return known


def _placed(drafts: list[Draft], text: str) -> list[Draft]:
    """``drafts`` given their timepoints and subgroups (after their arms: a subgroup is not an arm)."""
    _assign_timepoints(drafts, text)
    _untimed_rates(drafts, text)
    _assign_subgroups(drafts, text)
    return drafts


#: The disease come back, counted: "36 relapses in the A arm", "two distant recurrences", "no recurrences", "Relapse occurred in 12
#: patients", "Tumour recurrence was observed in 5", "12 patients relapsed".
_RELAPSES = quick(
    rf"(?<![\w.,·/%-])(?:\d+|{WORD_NUMBER}|[Nn]o)\s+(?:(?:distant|systemic|disease|tumou?r|cancer)\s+)?(?P<plural>relapses|recurrences)\b"
    r"|\b(?P<said>relapses?|recurrences?)\s+(?:(?:was|were|had)\s+)?(?:observed|occurred|developed|seen|noted|diagnosed|"
    r"reported|documented|detected|found)\s+in\b"
    r"|\b(?P<verb>relapsed|recurred)\b", re.IGNORECASE)
#: What may stand before a relapse said to occur: nothing, or words that keep it the disease's ("Distant recurrence
#: was observed in"; not "Local recurrence", "biochemical relapse": outcomes of their own).
_RELAPSE_OPENS = quick(r"(?:^|[,;:(]\s*|\b(?:the|a|an|and|disease|distant|systemic|tumou?r|cancer)\s+)$", re.IGNORECASE)


def _relapses_counted(text: str, mentions: list[Mention]) -> list[Mention]:
    """Add relapses and recurrences counted in a sentence with no percentage as RFS mentions that own counts only, as
    "deaths" do for OS (a share of relapses is a rate the vocabulary's "recurrence rate" reads)."""
    found = [Mention(m.start(g), m.end(g), m.group(g), "RFS", "relapses") for m in _RELAPSES.finditer(text)
             for g in ("plural", "said", "verb") if m.group(g)
             and (g != "said" or _RELAPSE_OPENS.search(text, max(0, m.start() - 20), m.start()))]
    return _with_added(mentions, found)


#: A response category counted right after its number: "Nine CR", "27 PRs", "1 CR case", "seven complete", "13 cases of
#: complete remission", "three complete responders [CRs]", "21 SDs", "four PD", "two not evaluable (NE)" (the other
#: categories are outcomes of their own, named as written).
_RESPONSE_COUNT = quick(
    rf"(?<![\w.,·/%-])(?:\d+|{WORD_NUMBER}|no)\s+(?P<of>cases?\s+of\s+)?"
    r"(?P<cat>(?P<kind>(?-i:CRs?|PRs?)|complete|partial)(?:\s+(?:clinical\s+)?(?:respon(?:ses?|ders?)|remissions?))?"
    r"(?:\s+cases?)?(?:\s*[\[(](?-i:CRs?|PRs?)[\])])?"
    r"|(?P<other>(?-i:SDs?|PDs?|NE)|stable\s+disease|progressive\s+disease|not\s+evaluable)(?:\s*[\[(](?-i:SD|PD|NE)[\])])?)"
    r"(?![\w/+-])",
    re.IGNORECASE,
)
#: What joins two items of a list of response counts: "Nine CR and twenty-seven PR", "(no CRs, 1 PR, and 21 SDs)".
_RESPONSE_JOIN = quick(r"\s*(?:,\s*(?:and\s+)?|;\s*|\s(?:and|plus)\s+)")


def _listed_responses(text: str, mentions: list[Mention]) -> list[Mention]:
    """Complete and partial responses counted in a list of response categories ("Nine CR and twenty-seven PR were
    obtained", "with seven complete and 23 partial responses", "(no CRs, 1 PR, and 21 SDs)") as mentions that own
    counts only; a lone "6 CR" may be something else ("6 CR clinicians")."""
    items = list(_RESPONSE_COUNT.finditer(text))
    listed = {i for i, (a, b) in enumerate(pairwise(items)) for i in (i, i + 1)
              if _RESPONSE_JOIN.fullmatch(text, a.end(), b.start())}
    found = [_response_mention(text, items[i], items[i + 1:]) for i in sorted(listed)]
    kept = [m for m in found if m is not None]
    if not kept:
        return mentions
    others = [x for x in mentions if not any(x.start < m.end and m.start < x.end for m in kept)]
    return _in_order(others, kept)


#: Response words that name what a bare "one complete and 44 partial" counts: "Responses were one complete and 44 partial".
_RESPONSES_SAID = quick(r"\b(?:respon\w*|remissions?)\b", re.IGNORECASE)


def _response_mention(text: str, item: re.Match[str], after: list[re.Match[str]]) -> Mention | None:
    """The mention of a complete or partial response counted in a list; "seven complete" borrows the word "responses"
    of the list's next item ("seven complete and 23 partial responses") or is named by the sentence's words before
    ("Responses were one complete and 44 partial"); "cases of" is in its span, not its words. Stable or progressive
    disease and the not evaluable are a category named as written ("four SD, four PD"); None for a bare "complete" no
    response word names ("12 complete and 3 partial resections")."""
    kind = (item.group("kind") or "").lower()
    if not kind:
        return Mention(item.start("cat"), item.end("cat"), item.group("cat"), "OTHER", "category")
    words = item.group("cat")
    if kind in {"complete", "partial"} and words.lower() == kind:
        named = next((m.group("cat") for m in after if m.group("cat").lower() not in {"complete", "partial"}), "")
        if _RESPONSES_SAID.search(named):
            words = f"{words} {named.split(None, 1)[-1]}"
        elif _RESPONSES_SAID.search(text, 0, item.start()):
            words = f"{words} response"
        else:
            return None
    canonical = "CR_RATE" if kind.startswith(("c", "complete")) else "PR"
    return Mention(item.start("of") if item.group("of") else item.start("cat"), item.end("cat"), words, canonical, "responses")


def _owner_of_the_list(mentions: list[Mention], listed: Mention) -> Mention | None:
    """Who owns a share printed after a list of response counts: the outcome named before the list ("Responses were one
    complete and 44 partial on arm A (28%)"), not the list's last category, which owns counts only."""
    return next((m for m in reversed(mentions) if m.end <= listed.start and m.measure != "responses"), None)


def _listed_responses_share_arm(drafts: list[Draft], text: str) -> None:
    """A response count of a list with no arm takes the arm of the list's next count: "one complete and 44 partial on
    arm A" puts the complete response on arm A too."""
    for first, then in pairwise(drafts):
        if first.arm is None and then.arm and first.mention.measure == then.mention.measure == "responses" \
                and _RESPONSE_JOIN.fullmatch(text, first.mention.end, then.pos):
            first.arm = then.arm


def _with_added(mentions: list[Mention], found: list[Mention]) -> list[Mention]:
    """``mentions`` with those of ``found`` no mention overlaps, in order."""
    return _in_order(mentions, [m for m in found if not any(x.start < m.end and m.start < x.end for x in mentions)])


def _in_order(mentions: list[Mention], added: list[Mention]) -> list[Mention]:
    """``mentions`` and ``added`` in the order they start (``mentions`` as they are when nothing is added)."""
    return sorted([*mentions, *added], key=lambda m: m.start) if added else mentions


#: One death, or none, counted in the singular: "There was one death in the cefixime group", "No death occurred" (the
#: vocabulary reads "deaths" and "died" only; a bare "death" is mostly of a risk or a cause: "risk of death").
_ONE_DEATH = quick(r"\b(?:one|no|a single)\s+(?P<d>death)\b(?![-\w]|\s+(?:rates?|risks?)\b)", re.IGNORECASE)


def _one_death_counted(text: str, mentions: list[Mention]) -> list[Mention]:
    """Add a death counted in the singular, in a sentence with no percentage, as an OS mention that owns counts only
    (as "deaths" does)."""
    found = [Mention(m.start("d"), m.end("d"), m.group("d"), "OS", "deaths") for m in _ONE_DEATH.finditer(text)]
    return _with_added(mentions, found)


def _kept_unnamed(draft: Draft, text: str) -> bool:
    """Of an outcome only the sentence's words name, its shares, means, differences and said medians, none a threshold
    or an interval's level; a ratio keeps the endpoint it names."""
    if draft.mention.canonical in _COMPARATIVE:
        return True
    said = draft.measure in {"proportion", "mean", "difference"} or (draft.measure == "median" and "median" in text.lower())
    return said and not _THRESHOLD_BEFORE.search(text, max(0, draft.pos - 20), draft.pos) \
        and not _THRESHOLD_AFTER.match(text, draft.end) and not _CI_AFTER.match(text, draft.end) \
        and not (_CHANGE_AFTER_SHARE.match(text, draft.end) and _REACHED_BEFORE.search(text, max(0, draft.pos - 20), draft.pos))


def _in_a_label(text: str, draft: Draft, labels: list[str]) -> bool:
    """Whether an unpaired value is printed inside an arm's label as the text writes it: "CCC was higher with 5-FU
    0.5%/salicylic acid 10% than with vehicle" (the strengths of the arm's treatment, not its results)."""
    if draft.arm is not None:
        return False
    for label in labels:
        at = text.find(label) if any(c.isdigit() for c in label) else -1
        while at >= 0:
            if at <= draft.pos < at + len(label):
                return True
            at = text.find(label, at + 1)
    return False


def _ratios_after_values(mentions: list[Mention], digit: re.Match[str] | None) -> bool:
    """Whether the only words a sentence names an outcome by are a between-arm ratio after its first value: "Attendance
    for eligibility screening with the study nurse was more frequent by telephone (84/480, 17.5%) than by mail (43/472,
    9.1%) (relative risk (RR) 1.92": the ratio names no outcome, so the sentence's own words name it, as with no mention."""
    return digit is not None and all(m.canonical in _COMPARATIVE and m.start > digit.start() for m in mentions)


#: Words that compare the trial's arms before a ratio: "increased in the tamoxifen group (risk ratio", "than placebo (OR".
_WORD = quick(r"\w+")
_ARMS_COMPARED = quick(r"\b(?:compared (?:with|to)|versus|vs\.?|than|relative to)\s", re.IGNORECASE)


def _ratio_of_arms_compared(text: str, mentions: list[Mention], arms: ArmFinder) -> re.Match[str] | None:
    """Where the first ratio's words start when the only words a sentence names an outcome by are ratios that compare
    the trial's arms, named or compared before it: "The rate of endometrial cancer was increased in the tamoxifen group
    (risk ratio = 2.53": the words before it name the outcome; None for a predictor's or an association's ratio
    (``_NOT_TRIAL_RATIO``)."""
    if not mentions or any(m.canonical not in _COMPARATIVE for m in mentions) or _NOT_TRIAL_RATIO.search(text):
        return None
    first = mentions[0].start
    if _ARMS_COMPARED.search(text, 0, first) or any(a[1] <= first for a in arms(text[:first])):
        return _WORD.match(text, first)
    return None


def _graded_events(text: str, mentions: list[Mention]) -> list[Mention]:
    """ "Grade 3 or 4 weight changes were more common with MA (17.1% v 7.6%)": an event the vocabulary does
    not name is an adverse event of its grade when the text grades it."""
    if "grade" not in text and "Grade" not in text:
        return mentions
    return _with_added(mentions, [Mention(m.start(), m.end(), m.group(0), classify_ae(m.group(0)), None)
                                  for m in GRADED_EVENT.finditer(text)])


def _outside(arms: ArmFinder, mentions: list[Mention]) -> ArmFinder:
    """``arms``, less the arm names inside an endpoint's words ("control" in "disease control rate"), unless those words
    name an arm as a group ("In [the pregabalin group] 17.5% …", "operative time with stent placement in LP group was",
    "incidence of awareness in the BIS and routine monitoring groups were 5.5% and 4.1%")."""
    def find(text: str) -> list[tuple[int, int, str]]:
        found = arms(text)
        kept = [m for m in mentions if any(m.start <= a[0] < m.end and _named_as_group(text, found, i) for i, a in enumerate(found))]
        return [a for a in found if not any(m.start <= a[0] < m.end for m in mentions if m not in kept)]
    return find


def _named_as_group(text: str, found: list[tuple[int, int, str]], i: int) -> bool:
    """Whether the arm ``found[i]`` is named as the group a finding is in, alone or in a list of arms: "in the pregabalin
    group", "in LP group", "for Arms A", "in the TS, TL, PS and PL groups", or as one side of a "than" comparison (not
    "OPC group had shorter hospital stay", the subject of the sentence)."""
    if _compared_by_than(text, found[i][0], found[i][1]):
        return True
    first, last = _listed_arms_around(text, found, i)
    start, end = found[first][0], found[last][1]
    return bool(_GROUP_AFTER.match(text, end) or _ARM_WORD.match(text, start) or _ENDS_IN_GROUP.search(text, start, end)) \
        and _ONE_ARM_PREPOSITION.search(text, max(0, start - 20), start) is not None


def _subject_arm_in_outcome_words(drafts: list[Draft], text: str, arms: ArmFinder, mentions: list[Mention]) -> None:
    """ "During intervention, the treatment group showed a 47% decrease, whereas …", "DRCFI resulted in a mean (SD) 4.2
    (3.7) log10 CFU/g reduction … (vs −0.08 (3.8) with placebo", "Women who received placebo had a mean (SD) increase of
    0.07": an arm the sentence opens with as its subject, set aside by ``_outside`` because an outcome's words took it
    in, owns the arm-level values of its clause, up to the first turn to another arm; a value there given the arm
    named after the turn ("Group 4 showed … 99.51%, followed by Group 1") is the subject's."""
    found = arms(text) if mentions and any(d.measure not in _BETWEEN_ARMS for d in drafts) else []
    if not found or not _opening_subject(text, found[0], arms, mentions):
        return
    _, end, label = found[0]
    turn = _SUBJECT_TURN.search(text, end)
    stop = min(turn.start() if turn else len(text), next((s for s, _, other in found if other != label), len(text)))
    after_turn = {other for s, _, other in found if s >= stop} - {label}
    for d in drafts:
        if d.measure not in _BETWEEN_ARMS and end <= d.pos < stop and (d.arm is None or d.arm in after_turn) \
                and not _COMPARING_VALUE.match(text, d.end):
            d.arm = label


def _opening_subject(text: str, first: tuple[int, int, str], arms: ArmFinder, mentions: list[Mention]) -> bool:
    """Whether the first arm named opens the sentence as its subject ("The treatment group showed", "In RWF the
    effect …") inside an outcome's words that ``_outside`` set it aside for; "was" and "were" only after a group word
    ("The placebo group was …", "CBT was associated with"; not "SLNs were identified", "Modified sequential therapy was")."""
    start, end, _ = first
    if not any(m.start <= start < m.end for m in mentions) or first in _outside(arms, mentions)(text):
        return False
    if _OPENS_WITH_ARM.match(text, 0, start):  # "In RWF the effect of the training showed a decrease …"
        return True
    verb = _SUBJECT_VERB.match(text, end) if _SUBJECT_LEAD.fullmatch(text, 0, start) else None
    grouped = verb is not None and (_GROUP_AFTER.match(verb.group("group") or "") or _ENDS_IN_GROUP.search(text, start, end))
    return verb is not None and bool(grouped or not verb.group("be"))


#: A value that is itself a comparison of the arms: "39% greater improvement … than SSG".
_COMPARING_VALUE = quick(r"\s*%?\s*(?:greater|higher|lower|less|more|fewer|better|worse|larger|smaller)\b", re.IGNORECASE)


#: Before an arm that is the sentence's subject: a short opening phrase ("During intervention, "), "the", or the people
#: who received it ("Women who received").
_SUBJECT_LEAD = quick(r"\W*(?:[A-Z][^,;()]{0,40},\s*)?(?:the\s+)?(?:(?:women|men|patients|participants|subjects|children|those)\s+"
                      r"(?:who\s+)?(?:received|receiving|given|treated\s+with|on|in)\s+(?:the\s+)?)?", re.IGNORECASE)
#: After the subject arm: its group word, then a verb of what it had or did ("group showed", "resulted in").
_SUBJECT_VERB = quick(r"(?P<group>[\s-]+(?:group|arm|patients|participants|subjects|treatment|therapy))?\s+(?:also\s+)?"
                      r"(?:(?P<be>was|were)(?!\s+associated)|was\s+associated\s+with|had|has|showed|shows|demonstrated|displayed|achieved|reached|experienced|resulted\s+in|led\s+to|"
                      r"produced|yielded|increased|decreased|improved|reduced|gained|lost|declined|rose|fell)\b", re.IGNORECASE)
#: Where a subject arm's clause turns to another arm.
_SUBJECT_TURN = quick(rf"\b(?:{VERSUS}|compared|than|whereas|while|but|followed\s+by|relative\s+to)(?!\w)|;", re.IGNORECASE)


_ENDS_IN_GROUP = quick(r"\b(?:groups?|arms?|cohorts?)$", re.IGNORECASE)  # an arm's name with its kind: "intervention group"


def _listed_arms_around(text: str, found: list[tuple[int, int, str]], i: int) -> tuple[int, int]:
    """The first and last of the arms named in one list with ``found[i]`` ("TS, TL, PS and PL"; ``found`` in order)."""
    first, last = i, i
    while first > 0 and _ARM_LIST_JOIN.fullmatch(text, found[first - 1][1], found[first][0]):
        first -= 1
    while last + 1 < len(found) and _ARM_LIST_JOIN.fullmatch(text, found[last][1], found[last + 1][0]):
        last += 1
    return first, last


_ARM_LIST_JOIN = quick(r"\s*(?:,\s*(?:(?:and|or)\s+)?|(?:and|or|&)\s+)(?:the\s+)?", re.IGNORECASE)


_GROUP_AFTER = quick(r"[\s-]*(?:groups?|arms?|cohorts?)\b", re.IGNORECASE)
#: "more patients receiving combination therapy than monotherapy had …": an arm set against another by "than".
_THAN_AFTER = quick(r"[\s-]*(?:(?:groups?|arms?|cohorts?|patients|participants)\s+)?than\b", re.IGNORECASE)
_THAN_BEFORE = quick(r"\bthan\s+(?:(?:in|with|on|for|among)\s+)?(?:the\s+)?(?:(?:those|patients|participants)\s+"
                     r"(?:in|on|with|receiving|treated with)\s+(?:the\s+)?)?$", re.IGNORECASE)


def _compared_by_than(text: str, start: int, end: int) -> bool:
    """Whether an arm is one side of a "than" comparison of groups ("more patients in the A group than in the B group
    were hospitalized"): the groups a finding compares, though the words that name it hold them."""
    return bool(_THAN_AFTER.match(text, end) or _THAN_BEFORE.search(text, max(0, start - 50), start))


#: An outcome the vocabulary does not know, named by its head noun (see _headed_outcome).
_HEAD_NOUN = Folded(
    r"\b(?:rates?|incidences?|proportions?|percentages?|uptake|adherence|stay|times?|duration|scores?|levels?|consumption|"
    r"loss|use|continence|satisfaction|success|failure|mortality|morbidity|recurrence|metastas[ie]s|changes?)"
    r"(?:\s+(?:of|for|in)\s+(?:the\s+)?[a-z][\w -]{1,40}?)?\s*(?:\([^()]{1,25}\)\s*)?(?:[a-z]+\s+){0,2}?"
    r"\b(?:was|were)\b(?=[^.;]{0,40}?\d)"
)
#: The words before a head noun that belong to its name: "the mean postoperative hospital [stay]".
_HEAD_MODIFIERS = quick(r"(?:(?:mean|median|average|overall|total)\s+)?(?:[a-z][\w'’/-]*\s+){0,5}$", re.IGNORECASE)


def _headed_outcome(text: str) -> tuple[int, int] | None:
    """Where an outcome the vocabulary does not know is named by its head noun: "the social continence
    rate was 55.3% vs 84.2%", "The mean postoperative hospital stay was 4.49 days", "declared uptake of
    the trial results was …" (the head found first, then the words before it that name it)."""
    m = _HEAD_NOUN.search(text)
    if m is None:
        return None
    lead = _HEAD_MODIFIERS.search(text, max(0, m.start() - 80), m.start())
    name_end = _BEFORE_VERB.search(text, m.start(), m.end())
    end = name_end.start() if name_end else m.end()
    if _ENDS_IN_OF.search(text, m.start(), end):  # "the mean level of [postoperative satisfaction] was"
        verb = _VERB_AT_END.search(text, end, m.end())
        rest = text[end: verb.start()] if verb else ""
        if verb and not _ARM_WORD.search(rest) and not _NOT_OUTCOME_SUBJECT.search(rest):
            end = verb.start()
    return (lead.start() if lead else m.start()), end


_ENDS_IN_OF = quick(r"\bof$", re.IGNORECASE)
_ARM_WORD = quick(r"\b(?:groups?|arms?|cohorts?)\b", re.IGNORECASE)
_VERB_AT_END = quick(r"\s*(?:was|were)\b\W*$", re.IGNORECASE)
_BEFORE_VERB = quick(r"\s*(?:\([^()]{1,25}\)\s*)?(?:[a-z]+\s+){0,2}?\b(?:was|were)\b\W*$", re.IGNORECASE)


#: An outcome named as the sentence's subject: "Thyroid ablation was complete in 631 of the 684 patients (92%)".
_SUBJECT_OUTCOME = Folded(
    r"^(?:(?:in|at|after|during)\s+[^,;]{3,60},\s+)?(?:the\s+)?"
    r"(?P<s>[a-z][\w'’/-]*(?:\s+(?!(?:was|were|is|are|in|of)\b)[\w'’/-]+){0,5}?)\s*(?:\([^()]{1,25}\)\s*)?"
    r"\b(?:(?:was|were)\s+(?:only\s+|also\s+)?(?:normal|complete|completed|successful|achieved|observed|detected|positive|"
    r"negative|present|significantly\s+\w+|(?:slightly|much|markedly)\s+\w+|higher|lower|greater|shorter|longer|less|more|"
    r"shown|seen|noted|reported|found|recorded)|occurred|developed|appeared|(?:was|were)(?=\s+\d[\d.·]*\s?%))\b"
)
#: Subjects that are the patients' characteristics, not what the trial measured.
_NOT_OUTCOME_SUBJECT = Folded(
    r"\b(?:age|aged|male|female|women|men|sex|gender|stage|ecog|performance|karnofsky|characteristics|follow[- ]?up|"
    r"baseline|bmi|weight|height|duration of (?:study )?(?:treatment|therapy|exposure)|(?:study )?treatment duration|"
    r"number of (?:cycles|courses|doses)|dose|doses|"
    r"majority|most|patients|participants|subjects|median time from|cycles|courses|p|cost|costs|survival|response|"
    r"no|similar|differences?|results?|data|risk|trends?|benefits?|analys[ie]s)\b"
)


#: "151 (83%) patients were resected", "652 (95%) had a normal ultrasonography": the outcome is what the patients counted were or did.
_DIGIT = quick(r"\d")
_OUTCOME_AFTER_COUNT = quick(
    r"\b\d+\s*[(\[]\s*\d[\d.·]*\s*%\s*[)\]]\s+(?:of\s+(?:the\s+)?)?(?:patients|participants|women|men|subjects|children)\s+"
    r"(?:were|had|underwent|achieved|completed)\s+(?P<s>(?!treated\b|enrolled\b|randomi[sz]ed\b|included\b|assigned\b|male\b|female\b)"
    r"[a-z][\w-]*(?:\s+[a-z][\w-]*){0,3}?)(?=\s*(?:[,;.)]|$|\s+(?:after|in|and|with|at|by|during|within|than)\b))",
    re.IGNORECASE,
)


#: "No significant difference was found in surgical margin status between the groups (12.5% vs 14.7%)".
_DIFFERENCE_IN = Keyed(quick(r"\bdifferences?\s+(?:(?:was|were)\s+)?(?:(?:found|observed|seen|noted|detected)\s+)?in\s+(?:the\s+)?"
                            r"(?!(?:the\s+)?(?:proportions?|rates?|percentages?|numbers?|means?|medians?)\s+between)(?P<x>[a-z][\w -]{2,50}?)\s+between\b",
                            re.IGNORECASE), "difference")


#: "The change in vertebral BMD in the zoledronic acid group (+7.93 ± 1.4%)": an outcome named by its change.
_CHANGE_OUTCOME = Keyed(quick(
    r"(?<!\bno )(?<!\bnot )(?<!\bwithout )\b(?:(?:mean|median|average|percent(?:age)?|absolute|relative)\s+)?changes?\s+"
    r"(?:from\s+baseline\s+)?(?:in|of)\s+"
    r"(?:the\s+)?[a-z][\w/-]*(?:\s+(?!(?:in|for|among|at|from|with|was|were|between|after|by|to|and|or)\b)[\w/-]+){0,4}",
    re.IGNORECASE), "change")


#: A word of four lowercase letters or more: a phrase that names something.
_FOUR_LETTERS = quick(r"[a-z]{4}")


def _with_unnamed_outcome(text: str, mentions: list[Mention], digit: re.Match[str] | None) -> list[Mention]:
    """Add the outcome a sentence names in its own words as an OTHER mention: the one it names before its numbers,
    when no known endpoint is (``digit``: the sentence's first digit), and what the people it counts had."""
    named = _unnamed_outcome_before_values(text, mentions, digit)
    if "(-" in text or "(+" in text or "(−" in text:
        named = _changed_outcome_before_sign(text, named)
    if _PEOPLE_HAD_GATE.search(text):
        named = _people_had_outcomes(text, named)
    if "case" in text or "pisode" in text:
        named = _cases_of_events(text, named)
    if "ost" in text and _prints_money(text) and not _UNSIGNED_PERCENT.search(text):
        named = _costs_named(text, named)
    return _outcomes_seen_in_people(text, named) if " in " in text else named


#: Costs named before a sum of money: "Mean total costs", "direct medical in-hospital costs", "mean cost per patient"
#: ("mean cost difference, $156": the difference's costs).
_COST_PHRASE = quick(r"(?<![\w-])(?:(?!(?:the|a|an|and|or|of|in|with|than|were|was|higher|lower|greater|related)\b)[A-Za-z][\w-]*\s+){0,3}"
                     r"costs?\b(?:\s+per\s+(?:patient|participant|person|woman|man)\b)?", re.IGNORECASE)


#: A percentage with no sign: a share or probability ("a 90% probability of being cost-effective"), which costs named
#: by ``_costs_named`` would own (not "[-20%]", a difference printed as its share).
_UNSIGNED_PERCENT = quick(r"(?<![-−+\d.,·])\d+(?:[.·]\d+)?\s?%(?!\s*(?:C\.?I\b|confidence|uncertainty|credible))", re.IGNORECASE)


def _costs_named(text: str, mentions: list[Mention]) -> list[Mention]:
    """``mentions`` with the costs (``_COST_PHRASE``) named before each sum of money (``_MONEY``) no mention before it
    owns, as OTHER outcomes named as written (measure "cost": they own sums, not the percentages printed by them)."""
    added: list[Mention] = []
    for money in _MONEY.finditer(text):
        if any(x.end <= money.start() for x in mentions):
            break  # a known outcome named before the sum owns it
        phrase = next((m for m in reversed(list(_COST_PHRASE.finditer(text, 0, money.start())))), None)
        if phrase is not None and not any(x.start == phrase.start() for x in added):
            added.append(Mention(phrase.start(), phrase.end(), phrase.group(), "OTHER", "cost"))
    return _in_order(added, mentions) if added else mentions


def _named_by_words(mention: Mention) -> bool:
    """A mention ``_unnamed_outcome_before_values`` made of a sentence's words, which owns no counts: what counted
    people had or were seen with is added beside it."""
    return mention.canonical == "OTHER" and mention.measure is None


def _names_in(text: str, mentions: list[Mention], start: int, end: int) -> bool:
    """Whether a mention (other than one named by the sentence's words) lies in ``start``–``end``, or starts right
    after it in the same clause ("experienced brief and reversible adverse events")."""
    return any((x.start < end and start < x.end) or (end <= x.start <= end + 30 and not _CLAUSE_EDGE.search(text, end, x.start))
               for x in mentions if not _named_by_words(x))


#: What people counted had, that no known endpoint names: "Eighteen patients receiving IFN5 and 4 patients receiving IFN1
#: had dose reductions", "9 patients (15%) needed new pleural procedures", "no patients on nabilone required additional
#: parenteral anti-emetic" (not "had been randomly assigned", "had embryonal histology": who they were).
_PEOPLE_HAD_OUTCOME = quick(
    rf"(?<![\w.,/%-])(?:\d+|{WORD_NUMBER}|[Nn]o)(?:\s+of\s+(?:the\s+)?\d+)?\s+(?:patients?|participants?|subjects|children|women|men)"
    r"(?:\s*\(\s*\d[\d.·]*\s*%\s*\))?(?:,?\s+(?:in|on|of|from|receiving|treated\s+with|given|taking)\s+(?:the\s+)?"
    rf"[^\s,;:.()%]+(?:\s+[^\s,;:.()%]+){{0,5}}?{_AND_THE_OTHER_ARM},?)?\s+"
    r"(?:had|required|needed|suffered(?:\s+from)?|experienced|developed|achieved|presented(?:\s+with)?)\s+"
    rf"(?:(?:an?|any|the)\s+)?(?P<o>(?!(?:{WORD_NUMBER}|\d+|been|to|undergone|received|a\s+(?:total|median|mean)|more|less|higher|lower|similar|prior|previous|only)\b)"
    r"[a-z][\w-]*(?:\s+[a-z][\w-]*){0,4}?)(?=\s*(?:[,;.(]|$|\s+(?:in|during|after|at|than|because|due|compared|vs\.?|versus|and|"
    r"with|on|from|by|while|but|whereas|within)\b))", re.IGNORECASE,
)
_PEOPLE_HAD_GATE = quick(r"\b(?:had|required|needed|suffered|experienced|developed|achieved|presented)\s")
#: Objects that say who the people were or what was known of them, not what befell them.
_WHO_THEY_WERE = Folded(r"\b(?:histolog\w*|history|baseline|stage|metastas[ie]s|diagnos\w*|disease at|tumou?rs?|cancer|carcinoma|"
                        r"data|evaluations?|assessments?|protocol|follow-up|information|questionnaires?|measurements?|clinical)\b")
#: Verbs by which people came to have an adverse event: "developed osteonecrosis of the jaw".
_BEFELL = quick(r"\s(?:developed|suffered|experienced)\s")


_FATAL = Folded(r"\b(?:fatal|deaths?)\b")
_PROGRESSED = Folded(r"\bprogression\b")


def _survival_event(words: str) -> str | None:
    """The survival endpoint whose events people had: "experienced a fatal event" (OS), "experienced disease
    progression or death" (PFS)."""
    return "PFS" if _PROGRESSED.search(words) else "OS" if _FATAL.search(words) else None


def _people_had_outcomes(text: str, mentions: list[Mention]) -> list[Mention]:
    """Mentions of what counted people had (``_PEOPLE_HAD_OUTCOME``), each an outcome of the kind its words say
    that owns counts and percentages only, where no mention names it already."""
    added = []
    for m in _PEOPLE_HAD_OUTCOME.finditer(text):
        start, end = m.span("o")
        words = m.group("o")
        if _names_in(text, mentions, start, end) or _WHO_THEY_WERE.search(words) \
                or not _FOUR_LETTERS.search(words) or "%" in text[: m.start()]:
            continue  # after another share, the outcome named before it owns the shares
        kind = _survival_event(words) or kind_by_words(words, _OUTCOME_KINDS)
        adverse = _BEFELL.search(text, m.start(), start) or _speaks_of_adverse_events(mentions)
        added.append(Mention(start, end, words, "AE" if kind == "OTHER" and adverse else kind, "category"))
    return _in_order(mentions, added)


#: A count or share of people in one arm: "Five subjects (16.2%) in the A group", "25/48 (52%) of the B arm", "only four in
#: the BES group", "100% of the treatment group".
_IN_ONE_ARM = (rf"(?:only\s+)?(?:\d[\d.·]*\s*%|(?:\d+|{WORD_NUMBER})(?:\s*(?:/|of|out\s+of)\s*(?:\d+|{WORD_NUMBER}))?"
               r"(?:\s+(?:patients?|participants?|subjects|children|women|men))?(?:\s*\(\s*\d[\d.·]*\s*%\s*\))?)\s+(?:in|of|on|from)\s+(?:the\s+)?"
               r"(?!\d|(?:one|two|three|four|five|six|seven|eight|nine|ten)\b)[^\s,;:.()%]+(?:\s+[^\s,;:.()%]+){0,4}?\s+(?:groups?|arms?)")
#: People counted arm by arm, then what they did or had: "Five subjects (16.2%) in the genotype-directed group and one
#: (3.3%) in the phenotype-directed group had HOPR", "Only four in the BES group compared to 17 patients in the NS groups
#: saw decreases greater than the MICD", "Twenty-five patients (65.8%) of the diverticulitis group and 10 patients (10.2%)
#: of the appendicitis group showed perforation of appendix".
_ARM_COUNTED_DID = quick(
    rf"(?<![\w.,/%-]){_IN_ONE_ARM}(?:,?\s+(?:and|vs\.?|versus|compared\s+(?:with|to)|as\s+against)\s+{_IN_ONE_ARM}){{0,2}},?\s+"
    r"(?:had|showed|met|reached|saw|achieved|attained|reported|required|needed|developed|experienced|suffered(?:\s+from)?|"
    r"chose|preferred|used|returned|presented(?:\s+with)?)\s+(?:(?:an?|any|the)\s+)?"
    rf"(?P<o>(?!(?:{WORD_NUMBER}|\d+|been|to|a\s+(?:total|median|mean)|more|less|higher|lower|similar|significantly)\b)"
    r"[a-z][\w-]*(?:\s+[\w-]+){0,7}?)(?=\s*(?:[,;.(\[]|$|\s+(?:in|during|after|at|because|due|compared|vs\.?|versus|and|"
    r"with|on|by|while|but|whereas|within|to)\b))", re.IGNORECASE)


#: A share the outcome's words go on to change or reach: "to decrease initial glucose levels by 10%".
_SHARE_CHANGED = quick(r"\b(?:by|to|of)\s+\d[\d.]*\s*%")


def _opens_its_clause(text: str, at: int) -> bool:
    """Whether no number comes before ``at`` in its clause ("12 (50.0%) and 20 patients …", "Seventy-one percent of
    patients in the A group and 76% in the B group …": the count or share at ``at`` is not the clause's first)."""
    before = text[max(text.rfind(c, 0, at) for c in ",;:") + 1: at]
    return not _DIGIT.search(before) and "percent" not in before.lower()


def _arm_counted_outcomes(text: str, mentions: list[Mention]) -> list[Mention]:
    """Mentions of what people counted arm by arm had or did (``_ARM_COUNTED_DID``), named by the words after the verb,
    where no mention names it, the counts open their clause (not "12 (50.0%) and 20 patients (83.3%) in the A group
    had …": the first count is no arm's) and no share follows in it ("required X to decrease Y by 10%"): an outcome of the kind its words say, an adverse event when the words name one."""
    added = []
    for m in _ARM_COUNTED_DID.finditer(text):
        start, end = m.span("o")
        words = m.group("o")
        if not _opens_its_clause(text, m.start()) or _SHARE_CHANGED.search(text, end, text.find(";", end) % (len(text) + 1)) or _names_in(text, mentions, m.start(), end) or _WHO_THEY_WERE.search(" ".join(words.split()[:2])) \
                or not _THREE_LETTERS.search(words):  # "had stage III disease": who they were
            continue
        added.append(Mention(start, end, words, _survival_event(words) or _event_kind(words, mentions), "category"))
    return _in_order(mentions, added)


def _arm_counted_at(text: str, start: int, mentions: list[Mention]) -> Mention | None:
    """The outcome a value at ``start`` counts when it is one of the people counted arm by arm before it
    (``_ARM_COUNTED_DID``): "Five subjects (16.2%) in the A group and one (3.3%) in the B group had HOPR"."""
    after = next((x for x in mentions if x.start > start), None)
    if after is None or after.measure != "category" or after.start - start > 300 or not _ARM_COUNTED_DID.search(text):
        return None
    owned = any(m.start() <= start and m.start("o") == after.start for m in _ARM_COUNTED_DID.finditer(text))
    return after if owned else None


#: The words right before a bracketed pair of counts, that name what was counted: "major cardiovascular events (7 v 0",
#: "more emergency department visits (20 vs. 8", "extubation failure (2 vs. 2" (the last run of words no small word cuts).
_WORDS_BEFORE_PAIR = quick(
    r"(?<![\w-])(?P<o>(?:(?!(?:the|an?|of|in|on|at|to|for|by|with|and|or|than|more|fewer|less|greater|higher|lower|had|have|has|"
    r"were|was|is|are|numbers?|incidence|total|any|all|no|both|two|three|significantly|increased|decreased|reduced)\b)"
    r"[A-Za-z][\w-]*\s+){0,3}[a-z][\w-]*)\s*$")
#: What a pair of counts may count: events, and the like, in the plural, or an event's word ("extubation failure").
_COUNTED_THINGS = Folded(r"(?:\b(?!(?:patients|subjects|participants|groups|arms|scores|levels|values|units|months|years|weeks|"
                         r"days|hours|minutes|times|points|rates|costs|doses|cycles|centers|centres|sites|samples|lesions|tumou?rs)\b)"
                         r"[a-z][\w-]*[a-z]s|\b(?:failure|obstruction|infarction|death|relapse|recurrence|infection|bleeding|"
                         r"ha?emorrhage|thrombosis|embolism|leak(?:age)?|rupture|readmission|reoperation|conversion))$")


def _pair_counted_outcomes(text: str, mentions: list[Mention]) -> list[Mention]:
    """Mentions of what a bracketed pair of counts right after its words counts, where no mention names it ("a
    significant increase in the number of major cardiovascular events (7 v 0, P=0.016)"): owns counts only. Read where
    the sentence names an arm (a pair no arm owns says nothing a record can hold), not after a percentage (the
    pair's first count is that share's: "at least 90% tumor infarction (eight patients vs four")."""
    added = []
    for pair in _COUNT_PAIR.finditer(text):
        words = _WORDS_BEFORE_PAIR.search(text, max(0, pair.start() - 80), pair.start())
        if words is None or "%" in text[max(0, pair.start() - 30): pair.start()] or not _COUNTED_THINGS.search(words.group("o")) or _names_in(text, mentions, *words.span("o")):
            continue
        added.append(Mention(words.start("o"), words.end("o"), words.group("o"), _event_kind(words.group("o"), mentions), "category"))
    return _in_order(mentions, added)


#: Verbs that say an event was seen: "occurred", "was observed", "were documented".
_SEEN_VERBS = r"occurred|observed|seen|noted|reported|detected|recorded|developed|happened|documented|encountered|identified"
#: Cases or episodes counted of an event no known endpoint names: "three cases of sore throat", "one case of severe
#: hypoxemia", "2 episodes of line sepsis" (the event's words end before a preposition or verb).
_CASES_OF_EVENT = quick(
    rf"(?<![\w.,·/%-])(?:\d+|{WORD_NUMBER}|no|a single)\s+(?:cases?|episodes?)\s+of\s+"
    r"(?P<o>(?!(?:the|a|an|patients?|all|these|those)\b)[a-z][\w-]*(?:\s+(?!(?:in|with|without|during|was|were|is|are|and|or|of|"
    rf"on|at|after|before|for|among|from|by|that|which|who|than|requiring|needing|{_SEEN_VERBS})\b)[A-Za-z][\w-]*){{0,3}})"
    r"(?!\s+(?:patients|subjects|participants)\b|[\w-])", re.IGNORECASE)
#: What makes the cases counted an outcome seen, not who was studied ("35 cases of primary obstruction were included"):
#: a verb of seeing after them, or "there were", "we detected", "reported" before them.
_CASES_SEEN = quick(rf"^[^.;:]{{0,80}}?\b(?:{_SEEN_VERBS})\b", re.IGNORECASE)
_CASES_SEEN_BEFORE = quick(r"\b(?:there\s+(?:was|were|had\s+been)|we\s+(?:observed|detected|noted|found|saw|recorded)|reported|"
                           r"had|developed|experienced)\s+(?:only\s+)?$", re.IGNORECASE)


def _cases_of_events(text: str, mentions: list[Mention]) -> list[Mention]:
    """Mentions of an event counted in cases or episodes ("We detected three cases of sore throat in each group") that
    no mention names, said to be seen: an adverse event when its words or the sentence name one, else by its words."""
    added = []
    for m in _CASES_OF_EVENT.finditer(text):
        start, end = m.span("o")
        if _names_in(text, mentions, start, end) or not _FOUR_LETTERS.search(m.group("o")) \
                or not (_CASES_SEEN.search(text[end:]) or _CASES_SEEN_BEFORE.search(text, max(0, m.start() - 30), m.start())):
            continue
        words = m.group("o")
        added.append(Mention(start, end, words, _event_kind(words, mentions), "category"))
    return _in_order(mentions, added)


#: An outcome seen in people counted next: "Technical failure occurred in one patient", "a cholinergic syndrome was
#: detected in nine patients (19%)", "QTC prolongation was observed in eight vandetanib patients", "Bone metastasis happened
#: in two patients", "Positive urine dipstick albumin developed in 297 patients".
_SEEN_IN_PEOPLE = quick(
    rf"\s+(?:(?:was|were)\s+)?(?:observed|diagnosed|reported|seen|noted|occurred|happened|developed|found|documented|recorded|detected|"
    rf"encountered|identified)\s+in\s+(?:only\s+)?(?:\d+|{WORD_NUMBER})(?:\s*(?:of|/|out of)\s*(?:the\s+)?\d+)?(?:\s*\(\s*\d[\d.·]*\s*%\s*\))?"
    r"\s+(?:[a-z][\w-]*\s+)?(?:patients?|participants?|subjects|children|women|men|cases)\b", re.IGNORECASE)
#: The words of a clause before its verb, that name what was seen: "while a cholinergic syndrome".
_CLAUSE_WORDS = quick(r"(?<![\w-])(?:(?:while|whereas|and|but)\s+)?(?:(?:[Tt]he|[Aa]n?)\s+)?"
                      r"(?P<o>(?!(?:while|whereas|and|but|[Tt]he|[Aa]n?|to|of|in|by|for|with|from|at|on|which|that|who)\b)"
                      r"[A-Za-z][\w-]*(?:\s+(?!(?:which|that)\b)[\w()/-]+){0,7})(?:\s+(?:which|that))?$")
_CLAUSE_EDGE = quick(r"[,;:.]")
_NOT_SEEN_OUTCOME = Folded(r"\b(?:was|were|is|are|had|has|have|this|these|it|they|no|response|responses|deaths?|died)\b")


_THREE_LETTERS = quick(r"[A-Za-z]{3}")


def _speaks_of_adverse_events(mentions: list[Mention]) -> bool:
    """Whether a sentence names adverse events or toxicity, so that the other events it counts are adverse too
    ("Neurologic toxicity was observed in 31 patients …, while a cholinergic syndrome was detected in nine")."""
    return any(_is_ae(x.canonical) or x.canonical == "SAFETY" for x in mentions)


def _event_kind(words: str, mentions: list[Mention]) -> str:
    """The endpoint of an event named in a sentence's own words: an adverse event when the words or the ``mentions``
    name one, else the kind its words say."""
    return "AE" if named_event(words) or _speaks_of_adverse_events(mentions) else kind_by_words(words, _OUTCOME_KINDS)


def _outcomes_seen_in_people(text: str, mentions: list[Mention]) -> list[Mention]:
    """Mentions of what a clause says was seen in people counted next (``_SEEN_IN_PEOPLE``), named by its words
    before the verb, where no mention names an outcome in them: an adverse event when the words name one."""
    added = []
    for m in _SEEN_IN_PEOPLE.finditer(text):
        edge = max(text.rfind(c, 0, m.start()) for c in ",;:.") + 1
        words = search_back(_CLAUSE_WORDS, text, edge, m.start(), _CLAUSE_EDGE)
        if words is None or _names_in(text, mentions, edge, m.start()):
            continue  # "Grade 3-5 infections in all groups were reported in 18 patients": the clause names it
        name = words.group("o")
        if _NOT_SEEN_OUTCOME.search(name) or not _THREE_LETTERS.search(name):
            continue
        before = [x for x in mentions if x.end <= edge]
        added.append(Mention(words.start("o"), words.end("o"), name, _event_kind(name, before), "category"))
    return _in_order(mentions, added)


def _unnamed_outcome_before_values(text: str, mentions: list[Mention], digit: re.Match[str] | None) -> list[Mention]:
    """The outcome a sentence names in its own words before its numbers, when no known endpoint is."""
    if digit is None or any(x.start < digit.start() for x in mentions):
        return mentions  # a known endpoint is named before the first number: it owns them
    after = _OUTCOME_AFTER_COUNT.search(text) if "%" in text else None
    if after is not None and not any(x.start < after.end("s") for x in mentions) \
            and not _NOT_OUTCOME_SUBJECT.search(after.group("s")):
        return [*mentions, _outcome_mention(after.start("s"), after.end("s"), after.group("s"))]
    change = _CHANGE_OUTCOME.search(text)
    if change is not None and not any(x.start < change.end() for x in mentions):
        return [_outcome_mention(change.start(), change.end(), change.group()), *mentions]
    compared = _DIFFERENCE_IN.search(text)
    span = (compared.span("x") if compared else None) or _headed_outcome(text) or _subject_outcome(text)
    if span is None or any(x.start < span[1] for x in mentions) or _NOT_OUTCOME_SUBJECT.search(text[span[0]:span[1]]):
        return mentions
    name = re.sub(r"^(?:.*\bthe\s+|(?:a|an)\s+)", "", text[span[0]:span[1]].strip(), flags=re.IGNORECASE)
    if len(name) < 4 or not _FOUR_LETTERS.search(name):
        return mentions
    return [_outcome_mention(span[1] - len(name), span[1], name), *mentions]


def _subject_outcome(text: str) -> tuple[int, int] | None:
    """Where the outcome the sentence opens with as its subject is named (``_SUBJECT_OUTCOME``)."""
    subject = _SUBJECT_OUTCOME.match(text)  # anchored at the start
    return subject.span("s") if subject else None


#: A results sentence's subject: the words before the first verb.
_SUBJECT = quick(r"^(?:(?:in|at|after|during|among|for|with)\s+[^,;]{3,60},\s+)?(?:the\s+)?(?P<s>[A-Za-z][^,;:()]{2,80}?)\s+"
                      r"(?:was|were|is|are|had|has|have|showed|increased|decreased|improved|declined|rose|fell|differed|remained)\b")


def _sentence_outcome(sentence: Sentence, first: re.Match[str] | None) -> list[Mention]:
    """A results sentence whose outcome no rule names ("Return-to-work rate …", "mean urine loss …"): its
    subject, else the words before its first number, is the outcome, of the kind its words say; none for
    sentences about the patients, the method or a test's accuracy (``_NOT_A_RESULT``). ``first``: its first digit."""
    text = sentence.text
    aside = _threshold_aside(text, first)
    first = _DIGIT.search(text, aside.end()) if aside else first
    at = _sign_before(text, _first_value_at(text, first))
    if sentence.section != "results" or at is None:
        return []
    cut = text.rfind(";", 0, min(at, first.start()) if first else at) + 1  # not the ";" of a group size "(n = 16; P …"
    if cut:
        cut += len(text[cut:at]) - len(text[cut:at].lstrip())
        return _outcome_of_last_clause(sentence, cut)
    if _about_the_patients(text, first.start() if first else len(text)) or _not_a_result(text):
        return []
    weight = _weight_changed(text) if "kg" in text or "lb" in text or "pound" in text else None
    if weight is not None:
        return [weight]
    clause = _ONE_ARM_CLAUSE.match(text)  # "In the LEV group, 13 patients (87%) were seizure-free": the arm's name stays free
    if clause and not re.search(r"[A-Za-z]{4}", text[clause.end(): at]):
        name = _named_after_value(text, at) or text[clause.end(): at].strip() or "outcome"
        return [_outcome_mention(clause.end(), clause.end(), name, text)]
    subject = _SUBJECT.match(_without_group_sizes(text))
    head = _before_the_arms_compared(text[: aside.start() if aside else at]).rstrip(" (,;:=[<>≤≥")
    words = _WORDS_AT_END.search(head, max(clause.end() if clause else 0, len(head) - 61))  # a match is at most 61 long
    spans = [subject.span("s")] if subject and subject.end("s") <= at and not clause else []
    spans += [words.span()] if words else []
    # the subject names the outcome, unless it is a pronoun ("There was an increase in …"): then the words before the number
    span = next((x for x in spans if not _PRONOUN_SUBJECT.match(text, x[0]) and _FOUR_LETTERS.search(text[x[0]:x[1]])),
                spans[0] if spans else (0, at))
    lead = _LEADING_FUNCTION_WORDS.match(text, span[0], span[1])
    start = lead.end() if lead and lead.end() < span[1] else span[0]
    name = text[start:span[1]].strip()
    if len(name) < 4 or _LEADING_FUNCTION_WORDS.fullmatch(name) or name.lower() in {"the", "and", "this", "there"}:
        name = _named_after_value(text, at) or "outcome"  # "At 1 year, 80% of patients were continent"
    return [_outcome_mention(start, span[1], name, text)]


#: A threshold in brackets after an outcome's name: "severe ARSR (RTOG/EORTC grade ≤2)", "Effective pain relief [numeric
#: rating scale (NRS) < 3]": its number belongs to the outcome's name, and is no value (not a p-value's bracket).
_THRESHOLD_ASIDE = quick(r"[(\[](?:[^()\[\]\d]|\([^()\d]*\))*?(?<![pP])(?<![pP]\s)[<>≤≥]\s*\d[\d.,]*\s*[)\]]")


def _threshold_aside(text: str, first: re.Match[str] | None) -> re.Match[str] | None:
    """The bracketed threshold (``_THRESHOLD_ASIDE``) that holds a sentence's first digit (``first``), if one does: the
    outcome is named before it and the first value comes after it."""
    if first is None or not any(sign in text for sign in "<>≤≥"):
        return None
    return next((m for m in _THRESHOLD_ASIDE.finditer(text, 0, first.end() + 40) if m.start() < first.start() < m.end()), None)


def _outcome_of_last_clause(sentence: Sentence, cut: int) -> list[Mention]:
    """ "Thirty patients were then randomized; the median time to drain removal … was 30 days": a clause before a ";"
    with no value is a sentence of its own, so the clause after it, which holds the first value, names the outcome
    (``cut``: where it starts)."""
    clause = replace(sentence, text=sentence.text[cut:], start=sentence.start + cut)
    return [replace(m, start=m.start + cut, end=m.end + cut) for m in _sentence_outcome(clause, _DIGIT.search(clause.text))]


#: "at the 6-month follow-up", "During follow-up,", "follow-up data", "the follow-up visit": the follow-up as a time point
#: or its data, not its length (which ``_NOT_A_RESULT`` sets aside with its sentence).
_FOLLOW_UP_AS_TIME = quick(r"\b(?:at|during|by)\s+(?:the\s+)?(?:first\s+|\d+[- ](?:month|week|year|day)\s+)?follow[^\w]?up\b"
                           r"(?!\s+(?:of|was|time|period|duration)\b)|\bfollow[^\w]?up\s+(?:data|assessments?|questionnaires?)\b",
                           re.IGNORECASE)


def _not_a_result(text: str) -> bool:
    """Whether a sentence is about the patients, the method or a test's accuracy (``_NOT_A_RESULT``), a follow-up
    named as a time point aside ("23% at the follow-up visit", "During follow-up, 71% of the patients showed …")."""
    times = [m.span() for m in _FOLLOW_UP_AS_TIME.finditer(text)] if "ollow" in text else []
    return any(not any(a <= m.start() < b for a, b in times) for m in _NOT_A_RESULT.finditer(text))


#: "gained a mean of 2.3 kg", "lost on average 1.7 kg": a change of weight told by its verb, before the value.
_WEIGHT_VERB = Keyed(quick(r"\b(?P<v>gained|lost)\s+(?:(?:a\s+mean|an\s+average|a\s+median)\s+of\s+|on\s+average\s+|approximately\s+|about\s+)?"
                           r"(?=[-−+]?\d[\d.,·]*\s*(?:kg|lbs?|pounds)\b)", re.IGNORECASE), "gained", "lost")


def _weight_changed(text: str) -> Mention | None:
    """ "the A group gained a mean of 2.3 kg": the outcome is the weight gained or lost (its verb's words, no arm's)."""
    m = _WEIGHT_VERB.search(text)
    if m is None:
        return None
    name = "weight gain" if m.group("v").lower() == "gained" else "weight loss"
    return Mention(m.start(), m.end(), name, "OTHER", None)


def _sign_before(text: str, at: int | None) -> int | None:
    """Where a first value that is a signed change with its interval starts (``_SIGNED_THEN_INTERVAL``): "shoulder pain
    and disability (-9.6; 95% CI …)" at the "-", so the outcome named before it ends before the value does."""
    if at is not None and at > 1 and text[at - 1] in "-+−" and (_SIGNED_THEN_INTERVAL.match(text, at - 2) or text[at - 2] == " "):
        return at - 1  # and "(between-group difference −2.6 kg (95% CI": a sign after a space, no range's hyphen
    return at


def _first_value_at(text: str, first: re.Match[str] | None) -> int | None:
    """Where a sentence's first value starts: its first digit (``first``), or a percentage written in words before it
    ("Seventy-one percent of patients in the A group and 76% in the B group achieved …")."""
    worded = _WORDED_PERCENT.search(text, 0, first.start() if first else len(text)) if "cent" in text else None
    return worded.start() if worded else _past_group_sizes(text, first.start()) if first else None


#: A group's size in brackets: "(n = 14)", "(n=16;".
_GROUP_SIZE = quick(r"\(\s*n\s*=\s*\d+\s*[);,]", re.IGNORECASE)


def _without_group_sizes(text: str) -> str:
    """``text`` with its group sizes ("(n = 14)") blanked, so that "the median time in the control group (n = 14) was"
    still has a subject (offsets kept)."""
    return _GROUP_SIZE.sub(lambda m: " " * len(m.group()), text) if "=" in text else text


def _past_group_sizes(text: str, at: int) -> int | None:
    """The first digit from ``at`` on that is no group's size ("the median time in the control group (n = 14) was 30
    days": 30, not 14), if the sentence has one."""
    while True:
        size = next((m for m in _GROUP_SIZE.finditer(text, max(0, at - 8), at + 12) if m.start() < at < m.end()), None)
        if size is None:
            return at
        after = _DIGIT.search(text, size.end())
        if after is None:
            return None
        at = after.start()


#: "Fewer patients on A than on B needed X (9.0% vs 14.3%": more or fewer of the patients, then their shares in a pair.
_SHARES_COMPARED = quick(r"\b(?:more|fewer|less|greater|higher|lower|larger|smaller|better|worse|than|compared (?:with|to))\b"
                         r"[^.;]{0,120}?[(\[]\s*$", re.IGNORECASE)
_SHARE_PAIR = quick(rf"{NUM}\s*%?\s*(?:vs\.?|versus|v\.?|compared (?:with|to))\s*{NUM}\s*%", re.IGNORECASE)
_PEOPLE = quick(r"\b(?:patients|participants|subjects)\b", re.IGNORECASE)
#: A bracketed pair of shares after a time or threshold that belongs to the outcome's words: "More patients in the A group
#: than in the B group were hospitalized for at least 3 days (36.3% vs. 13.0%", "had PF worsening at 6 weeks (31% vs 17%)".
_LATER_SHARE_PAIR = quick(rf"[^.;()\[\]]{{0,60}}?[(\[]\s*(?={_SHARE_PAIR.pattern})", re.IGNORECASE)


#: A difference printed with its confidence interval: "(adjusted difference =-0.4, 95% confidence interval CI -1.0 to 0.2",
#: "(mean difference (95% CI) -1.8 (-3.5 to -0.1))", "rate difference 0.20 (95% confidence interval": a comparison of the
#: arms, whatever words about the patients or "no difference" the sentence opens with.
_DIFFERENCE_WITH_INTERVAL = quick(r"\bdifferences?\b(?:\s+\([A-Za-z]{2,5}\))?(?:\s*\(\d{2}\s?%\s*CI\))?(?:\s+(?:of|was|is)\b)?\s*[,:=]?\s*"
                                  r"[-−–+]?\d[\d.,·]*[^;()\d]{0,20}?[(\[,;:]\s*(?:\d{2}\s?%\s*)?(?:C\.?I\b|confidence interval)", re.IGNORECASE)


def _share_pair_at(text: str, first: int) -> int | None:
    """Where the pair of shares the sentence compares starts: at its first number (``first``), or in the bracket that
    closes the words after a time or threshold read first (``_LATER_SHARE_PAIR``); None when there is no such pair."""
    if _SHARE_PAIR.match(text, first):
        return first
    later = _LATER_SHARE_PAIR.match(text, first)
    return later.end() if later else None
#: A ratio's words, where a sentence whose outcome only the words before them name reads its first value
#: (``_ratio_of_arms_compared``): "Patients on A had fewer falls (rate ratio 0.7".
_RATIO_WORDS = quick(r"(?i:adjusted |crude )?(?i:hazard|odds|relative risk|risk ratio|(?:incidence )?rate ratio)|[aI]?(?:HR|OR|RR)\b")
#: Who the patients were before the trial: "history of a wheeze", "pre-existing valvular disease", "at entry",
#: "Thirty two percent of women randomly assigned had receptor-negative breast cancer".
_BEFORE_THE_TRIAL = quick(r"\b(?:history|pre-?existing|prior|previous|at (?:entry|enrol\w*|randomi[sz]ation|admission|diagnosis)|"
                          r"(?:randomly assigned|randomi[sz]ed|enrolled|included) had)\b", re.IGNORECASE)


def _about_the_patients(text: str, first: int) -> bool:
    """Whether the words before a sentence's first number speak of the patients, not an outcome (``_NOT_OUTCOME_SUBJECT``),
    once the patients who had the outcome are set aside: those compared by their shares in a bracketed pair
    ("Significantly more patients on A achieved X (70.2% versus 46.2%"), those whose share is the outcome ("the
    percentage of patients who achieved X"), "no difference in", the population analysed ("ITT analysis") and the
    words that frame the finding ("The results showed that")."""
    head = text[:first]
    if not _NOT_OUTCOME_SUBJECT.search(head):
        return False
    if _BEFORE_THE_TRIAL.search(text):
        return True
    pair = _share_pair_at(text, first)
    if (pair is not None or _RATIO_WORDS.match(text, first)) and _SHARES_COMPARED.search(text, 0, first if pair is None else pair):
        head = _PEOPLE.sub(" ", head)
    head = _NO_DIFFERENCE_IN.sub(" ", _ANALYSIS_SET.sub(" ", _SHARE_OF_PEOPLE.sub(" ", _FINDINGS_SHOWED.sub(" ", head))))
    if _DIFFERENCE_FIRST.search(text, max(0, first - 40), first):
        head = _DIFFERENCE_BETWEEN.sub(" ", head)
    head = _WORDED_SHARE_OF_PEOPLE.sub(" ", head) if "cent" in head else head
    head = _FOLLOW_UP_AS_TIME.sub(" ", head) if "ollow" in head else head
    head = _PATIENTS_IN_SCOPE.sub(" ", head) if "atients" in head or "articipants" in head else head
    head = _weight_changed_in_kilos(text, head) if "eight" in head else head
    head = _COSTS.sub(" ", head) if "ost" in head and _money_at(text, first) and not _UNSIGNED_PERCENT.search(text) else head
    return _NOT_OUTCOME_SUBJECT.search(_DIFFERENCE_BEFORE_VALUE.sub(" ", head)) is not None


#: The patients a finding is about, named by a trait before it: "The mortality rates among patients with occult adrenal
#: insufficiency were", "In NSTE-ACS patients, the primary endpoint was reduced" (not "Of the patients, 90% had …" nor
#: "Among all participants, the mean number of cigarettes …": who they were).
_PATIENTS_IN_SCOPE = quick(r"\b(?:among|in|for)\s+(?:the\s+|these\s+|those\s+)?(?:(?:(?!(?:all|the|these|those)\b)[\w/-]+\s+){1,2}?"
                           r"(?:patients|participants)\b|(?:patients|participants)\s+(?:with|without|who|whose|completing)\b)",
                           re.IGNORECASE)


def _weight_changed_in_kilos(text: str, head: str) -> str:
    """``head`` less the words that name a change of weight (``_WEIGHT_CHANGE``), unless a percentage is printed right
    by them ("a 3.4% weight reduction", "decrease in weight (2.4%)", "weight loss, 61% of participants lost 5%"):
    such a percentage is the change itself, or a threshold, not a share this fallback reads."""
    return _WEIGHT_CHANGE.sub(lambda m: m.group() if _PERCENT_NEAR.search(text, max(0, m.start() - 12), m.end() + 12) else " ", head)


_PERCENT_NEAR = quick(r"\d\s?%")


#: "Mean total costs were €4795 in the A group": costs printed as sums of money (``_MONEY``) are an outcome; costs
#: printed otherwise stay no subject of this fallback ("the cost of the drug", "costs were 20% lower").
_COSTS = quick(r"\bcosts?\b", re.IGNORECASE)


def _money_at(text: str, first: int) -> bool:
    """Whether the number at ``first`` is a sum of money (``_MONEY``)."""
    money = _MONEY.search(text, max(0, first - 5))
    return money is not None and money.start("v") == first


#: "had significantly more weight loss", "gained on average 0.37 kg in weight", "Mean weight decreased by": a change of
#: weight is an outcome, the weight itself a characteristic of the patients.
_WEIGHT_CHANGE = quick(r"\b(?:body\s+)?weight[- ](?:loss|gain|change|reduction)s?\b|\b(?:loss|gain|change|reduction|decrease|increase)s?\s+"
                       r"(?:in|of)\s+(?:body\s+)?weight\b|\b(?:lost|gained|lose|gain)\s+(?:[\w.]+\s+){0,3}?weight\b"
                       r"|\bweight\s+(?:was\s+|were\s+)?(?:significantly\s+)?(?:decreased|increased|reduced|changed)\b", re.IGNORECASE)


#: "(between-group difference, 254.6 minutes": the word that names the first number's statistic, not the subject.
_DIFFERENCE_BEFORE_VALUE = quick(r"[(\[]\s*(?:(?:between[- ]groups?|groups?|treatment|adjusted|mean|absolute)\s+)*differences?"
                                      r"(?:\s+between\s+(?:the\s+)?(?:groups|arms))?(?:\s*[(\[][^()\[\]]{1,12}[)\]])?\s*[,:=]?\s*(?:of\s+)?[-+−]?$",
                                      re.IGNORECASE)  # "(mean difference (MD) −14 g/week"


#: "The results showed that the mean score was …": words that frame the finding, not its subject.
_FINDINGS_SHOWED = quick(r"\b(?:the\s+)?(?:results?|analys[ie]s|data)\s+(?:showed|indicated|revealed|demonstrated|suggested)\s+that\b",
                              re.IGNORECASE)


#: "There were no differences in TKR rates by arm (39% vs. 38%": no difference in an outcome still reports it, and so
#: does "a significant difference in total exercise … (mean difference, 3.4 MET hr per week".
_NO_DIFFERENCE_IN = quick(r"\b(?:no|a)\s+(?:(?:statistically\s+)?significant\s+)?differences?\s+(?=in\b)", re.IGNORECASE)
#: "There was no significant difference between the A group and the usual care group (mean difference, 1.5 MET hr",
#: "This difference of 2.0 kg was": the words that frame a difference printed first, when the number is one
#: (``_DIFFERENCE_FIRST``), not the patients.
_DIFFERENCE_BETWEEN = quick(r"\b(?:no|a|this|the)\s+(?:(?:statistically\s+)?significant\s+)?differences?\s+(?=between\b|of\b)",
                            re.IGNORECASE)
_DIFFERENCE_FIRST = quick(r"(?:\bdifferences?(?:\s+of)?|(?-i:\b(?:OR|HR|RR|MD))|\bratio)(?:\s*[(\[][^()\[\]]{1,12}[)\]])?\s*[,:=]?\s*[-+−–]?$"
                          r"|\(\s*[-+−]$", re.IGNORECASE)  # "(mean difference (MD) −14 g/week"
#: "In the full analysis set", "ITT analysis revealed that": the population analysed, not a sentence about analyses.
_ANALYSIS_SET = quick(r"\b(?:intention[- ]to[- ]treat|intent[- ]to[- ]treat|ITT|per[- ]protocol|full|primary)\s+analys[ie]s(?:\s+(?:set|population))?\b",
                           re.IGNORECASE)


#: "The percentage of patients who achieved ACR20 was 41%": the patients' share of an outcome (what they achieved).
_SHARE_OF_PEOPLE = quick(r"(?<=\b(?:percentage|proportion) of )(?:the )?(?:patients|participants|subjects)(?= (?:who|achieving|with|having|reporting)\b)",
                              re.IGNORECASE)
#: "Seventy-one percent of patients in the A group and 76% in the B group achieved …": the patients whose share, written
#: in words, is the outcome's value (what they had or did is told after it).
_WORDED_SHARE_OF_PEOPLE = quick(rf"(?<![\w-]){WORD_NUMBER}[- ]?per\s?cent of (?:the )?(?:patients|participants|subjects|women|men)\b",
                                     re.IGNORECASE)


#: "did not differ between", "was not statistically different between", "was similar between": what follows names the arms.
_DIFFERED_BETWEEN = quick(r"\s+(?:(?:did\s+not|didn't)\s+differ|differed|(?:was|were)\s+(?:not\s+)?(?:(?:statistically|significantly)\s+)*"
                               r"(?:different|similar|comparable))(?:\s+significantly)?\s+between\b", re.IGNORECASE)


def _before_the_arms_compared(head: str) -> str:
    """ "Tumour shrinkage did not differ between the A group (29%) and …": the words before the comparison, so that
    the outcome's name does not swallow the arms it compares."""
    compared = _DIFFERED_BETWEEN.search(head)
    return head[: compared.start()] if compared else head


#: The outcome a mean difference is of: "the mean difference in the average pain score between A and B was
#: 0.73", "improvement in global sleep quality compared with usual care [mean group difference = -0.64".
_DIFFERENCE_OF = Keyed(quick(
    r"\b(?<!\bno )(?<!\bnot )difference\s+in\s+(?:the\s+)?(?!(?:percentages?|proportions?|rates?|numbers?)\s+of\b)"
    r"(?P<a>[a-z][\w -]{2,60}?)\s+(?:between|was|of|at|from)\b"
    r"|\b(?:in|of)\s+(?:the\s+)?(?P<b>[a-z][\w -]{2,50}?)\s+(?:compared|versus|vs\.?|than)\b[^.;]{0,60}?[\[(]\s*mean\s+"
    r"(?:[\w-]+\s+)?difference\b"
    # "for QL2 (LSM difference = -1.91", "a mean difference of 4.2 points (95% CI …) in global health status"
    r"|\b(?:for|in|on)\s+(?:the\s+)?(?P<d>[A-Za-z][\w -]{1,40}?)\s*[(\[]\s*(?:[\w-]+\s+){0,2}difference\s*[,:=]"
    r"|\bdifference\s+of\s+[-+−–]?\d(?:[^.;]|\.\d){0,60}?\bin\s+(?:the\s+)?(?P<e>[a-z][\w -]{2,50}?)"
    r"(?=\s*(?:[,;.(]|$|\s+(?:between|compared|versus|vs|at|from|in\s+favou?r)\b))"
    # "Tamoxifen reduced the risk of invasive breast cancer by 49%": a relative risk reduction of that outcome
    r"|\b(?:reduc|lower|decreas|increas)\w*\s+(?:the\s+)?(?:relative\s+)?risk\s+of\s+(?:an?\s+)?(?P<f>[a-z][\w -]{2,50}?)"
    r"\s+by\s+(?=\d[\d.,·]*\s?%)",
    re.IGNORECASE,
), "difference", "risk")


#: "a significant decrease in HADS anxiety score (-0.90; 95% CI …)": the outcome a signed change in brackets is of.
_CHANGED_OUTCOME_BEFORE_SIGN = Keyed(quick(
    r"\b(?:decrease|increase|reduction|improvement|decline|change|difference)s?\s+in\s+(?:the\s+)?"
    r"(?P<c>[a-z][\w -]{2,50}?)\s*\(\s*[-+−]\d[\d.,·]*(?:\s*[a-z]+)?\s*[;,]\s*(?:\d{2}\s?%\s*)?(?:C\.?I|confidence)\b",
    re.IGNORECASE),
    "decrease", "increase", "reduction", "improvement", "decline", "change", "difference")


def _changed_outcome_before_sign(text: str, mentions: list[Mention]) -> list[Mention]:
    """Add the outcome a signed change in brackets is of, when no mention is named before it: "a significantly greater
    decrease in HADS anxiety score (-0.90; 95% CI, -1.51 to -0.29) as well as global quality of life" (the outcomes
    named after the value own the later values only)."""
    found = _CHANGED_OUTCOME_BEFORE_SIGN.search(text)
    if found is None or any(m.start < found.end("c") for m in mentions):
        return mentions  # an outcome named before the value owns it already
    name = found.group("c")
    return _in_order(mentions, [_outcome_mention(found.start("c"), found.end("c"), name)])


#: A share of one arm: "46.1% in the intervention group", "23/38 (61%) in the HBOT group", "8 (19.5%) in group 1",
#: "77.3% of patients in PIL group".
_SHARE_IN_ARM = (r"(?:\d+(?:\s*/\s*\d+)?\s*\(\s*)?\d[\d.·]*\s*%\s*\)?(?:\s*\([^()]{1,30}\))?(?:\s+of\s+(?:the\s+)?(?:patients|participants|subjects))?"
                 r"\s+(?:in|among|of|for)\s+(?:the\s+)?(?:[^\s,;:.()%]+\s+){0,4}?(?:groups?|arms?)\b(?:\s+\d\b)?")
#: An outcome whose shares a clause gives arm by arm: "healing of the index ulcer occurred in 23/38 (61%) in the HBOT group
#: and 10/37 (27%) in the placebo group", "6-month prolonged abstinence was 18.3% in the A group, 14.8% in the B group"
#: (the outcome: the clause's words before its verb).
_SHARES_BY_ARM = quick(
    r"(?:^|[,;:]\s+)(?:the\s+)?(?:(?:percentage|proportion|incidence|rate|frequency|number)\s+of\s+(?:the\s+)?)?(?P<o>[A-Za-z0-9][^,;:]{2,90}?)\s+"
    r"(?:was|were|occurred|(?:was|were)\s+(?:observed|seen|reported|found|noted|achieved))\s+(?:in\s+)?(?:only\s+)?"
    rf"{_SHARE_IN_ARM}(?:,?\s+(?:and|vs\.?|versus|compared\s+(?:with|to)|while|whereas)?\s*(?:it\s+was\s+)?(?:only\s+)?{_SHARE_IN_ARM})+",
    re.IGNORECASE)
#: Subjects that say who the people were, or how many were studied, not what befell them.
_NOT_ARM_SHARE_OUTCOME = Folded(r"\b(?:age|aged|male|females?|sex|gender|baseline|characteristics|performance|ecog|karnofsky|stage|"
                                r"randomi[sz]\w*|assigned|enrolled|included|analy[sz]ed|complet\w*|withdr\w*|lost|dropp\w*|compliance|"
                                r"adherence|ratio|median|mean|sensitivity|specificity|accuracy)\b")


def _shares_by_arm_outcome(sentence: Sentence) -> list[Mention]:
    """An outcome no rule names whose shares a results clause gives arm by arm (``_SHARES_BY_ARM``), named by the clause's
    words before its verb (not who the people were, ``_NOT_ARM_SHARE_OUTCOME``): of the kind its words say."""
    if sentence.section != "results":
        return []
    found = _SHARES_BY_ARM.search(sentence.text)
    return [] if found is None else _share_outcome(found, "o")


def _share_outcome(found: re.Match[str], group: str) -> list[Mention]:
    """The outcome a share reader found in ``group``, unless its words say who the people were
    (``_NOT_ARM_SHARE_OUTCOME``) or hold no word of four letters."""
    name = found.group(group)
    if _NOT_ARM_SHARE_OUTCOME.search(name) or not _FOUR_LETTERS.search(name):
        return []
    return [_outcome_mention(found.start(group), found.end(group), name)]


#: A bracketed pair of shares (or counts with their shares) of two arms: "(36.3% vs. 13.0%", "(20 vs 13.3%",
#: "(12 [30%] vs 20 [49%]", "(17/31, 55% versus 6/30, 20%".
_SHARE_OF_PAIR = r"(?:\d+(?:\s*/\s*\d+)?\s*(?:[\[(]\s*(?=\d[\d.]*\s*%)|,\s*(?=\d[\d.]*\s*%)))?\d[\d.·]*\s*%?\s*[\])]?(?:\s+(?:in|for|with|among)\s+(?:the\s+)?[^\s,;()%]+(?:\s+[^\s,;()%]+){0,3}?(?=\s*(?:vs\.?|versus)\b|\s*[,;)]))?"
_ARM_SHARE_PAIR = rf"\(\s*{_SHARE_OF_PAIR}\s*(?:vs\.?|versus)\s*(?=[\d\s.,/\[(]*%){_SHARE_OF_PAIR}"
#: Each arm's share in its own bracket, the arms compared between: "in the A group (75%) compared to B group (27.5%",
#: "in group III (27.5%) and group V (30%", "inconclusive tests (26%) compared to those in Group C (40%".
_EACH_ARMS_SHARE = r"\(\s*\d[\d.·]*\s*%\s*\)"
_SHARES_EACH_ARM = rf"{_EACH_ARMS_SHARE}[^()%;.]{{1,60}}?\b(?:compared\s+(?:with|to)|than|versus|vs\.?|and)\b[^()%;.]{{1,60}}?{_EACH_ARMS_SHARE}"
_SHARES_OF_ARMS = rf"(?:{_ARM_SHARE_PAIR}|{_SHARES_EACH_ARM})"
_COMPARED_WORD = r"(?:higher|lower|greater|less|more|fewer|smaller|larger|reduced|increased|decreased|better|worse|different|similar|comparable)"
_HOW_MUCH = r"(?:(?:also|significantly|statistically\s+significantly|slightly|markedly|much|far|not)\s+)*"
#: An outcome whose shares in two arms a bracketed pair compares (the arms named between): "The hysterectomy rate
#: during the follow-up period was significantly higher in the NET group (57.4% vs.22%", "More patients in the high-dose
#: group than in the low-dose group were hospitalized for at least 3 days (36.3% vs. 13.0%", "CoPAT patients … had
#: higher rates of therapy completion (90.3% versus 45.4%".
_COMPARED_SHARES = KeyedBranches([
    (rf"(?:^|[,;:]\s+)(?:the\s+)?(?:(?:percentage|proportion|rate|incidence|frequency|number|risk)\s+of\s+(?:the\s+)?)?"
     rf"(?P<o>(?!(?:there|it|this|these|which|that)\b)[A-Za-z][^,;:()]{{2,90}}?(?:\([^()]{{1,40}}\)[^,;:()]{{0,40}}?)?)\s+(?:was|were)\s+{_HOW_MUCH}{_COMPARED_WORD}\b"
     rf"[^()%;]{{0,120}}?{_SHARES_OF_ARMS}", ("was", "were")),
    (rf"\b(?:more|fewer|(?:a\s+)?(?:higher|lower|greater|smaller)\s+(?:proportion|number|percentage)\s+of)\s+"
     rf"(?:patients|participants|subjects|women|men|children|infants|mothers)\b[^()%;]{{0,80}}?\s+(?:were|had|achieved|reported|"
     rf"experienced|required|needed|developed|received)\s+(?P<p>(?!(?:than|in|with)\b)[a-z][^,;:()%]{{2,60}}?)\s*{_SHARES_OF_ARMS}",
     ("more", "fewer", "number", "proportion", "percentage")),
    (rf"\b(?:had|showed|achieved|reported|experienced|there\s+(?:was|were)|towards?|resulted\s+in|led\s+to|yielded)\s+"
     rf"(?:an?\s+|the\s+)?{_HOW_MUCH}{_COMPARED_WORD}\s+(?:(?:rates?|proportions?|"
     rf"incidences?|frequency|risks?|numbers?|percentages?)\s+of\s+)?(?P<q>(?!(?:than|in|with)\b)[a-z][\w-]*(?:\s+(?!(?:in|among)\b)[\w-]+){{0,5}}?)"
     rf"(?:\s+(?:in|among)\s+(?:the\s+)?[^()%;,]{{1,40}}?)?(?:\s+(?:than|compared\s+(?:with|to)|in\s+comparison\s+(?:with|to))\b[^()%;]{{0,80}}?)?\s*{_SHARES_OF_ARMS}", ("had", "showed", "achieved", "reported", "experienced", "there", "toward", "resulted", "led", "yielded")),
], re.IGNORECASE)


def _compared_shares_outcome(sentence: Sentence, arms: ArmFinder) -> list[Mention]:
    """An outcome no rule names whose shares in two arms a bracketed pair compares (``_COMPARED_SHARES``) in a
    results sentence that names an arm: named by its words (not who the people were, ``_NOT_ARM_SHARE_OUTCOME``)."""
    text = sentence.text
    if sentence.section != "results" or "%" not in text or ("vs" not in text and "versus" not in text and "%)" not in text):
        return []
    found = next(_COMPARED_SHARES.finditer(text), None)
    if found is None or not arms(text[: found.end()]):
        return []
    return _share_outcome(found, next(g for g in ("o", "p", "q") if found.group(g)))



def _difference_outcome(sentence: Sentence) -> list[Mention]:
    """A results sentence that reports a mean difference or a change in an outcome no rule names: that outcome."""
    if sentence.section != "results":
        return []
    found = _DIFFERENCE_OF.search(sentence.text) or _CHANGED_OUTCOME_BEFORE_SIGN.search(sentence.text)
    if found is None:
        return []
    group = next(g for g in ("a", "b", "c", "d", "e", "f") if found.re.groupindex.get(g) and found.group(g))
    name = found.group(group)
    # "a mean difference of 4.2 points … in global health status": the outcome named after its value owns it from the lead
    start, end = (found.start(), found.start()) if group == "e" else found.span(group)
    return [_outcome_mention(start, end, name)]


#: The bracket a difference's name opens, with the words before the name: "(adjusted mean ", "[".
_BRACKET_OPENED_BEFORE = quick(r"[(\[][^()\[\]]{0,30}$")


def _outcome_before_interval_difference(sentence: Sentence) -> list[Mention]:
    """A results sentence that prints a difference with its interval (``_DIFFERENCE_WITH_INTERVAL``) but opens with
    words about the patients or "no difference" ("There was no evidence of a difference seen between groups for either
    activity (adjusted difference =-0.4, 95% CI …)"): the arms compared, so the words before the difference name the
    outcome; none for a sentence about who the patients were before the trial."""
    text = sentence.text
    return _outcome_named_before(sentence, _DIFFERENCE_WITH_INTERVAL.search(text) if "ifferen" in text else None)


def _outcome_of_mean_statistic(sentence: Sentence) -> list[Mention]:
    """The outcome of a mean difference of the arms or of each arm's mean change the sentence prints, named by the
    words before the statistic (``_outcome_of_mean_difference``, ``_outcome_of_mean_change``)."""
    return _outcome_of_mean_difference(sentence) or _outcome_of_mean_change(sentence)


#: A mean difference between the arms, its statistic named and its value next: "mean difference of the LL was 0.31",
#: "least squares mean difference [95% CI] 2.6", "adjusted mean between group difference was 0.8" (not "no mean
#: difference", not one with its spread, "(mean difference ± SEM) (+1.5", nor a range, "mean difference of −26 to +16").
_MEAN_DIFFERENCE = quick(r"(?<!\bno )(?<!\bnot )(?<!\bany )\b(?:mean|LSM?)\s+(?:(?:treatment|between[- ]groups?|group)\s+)?"
                         r"differences?\b(?:[^.;%\d()\[\]±]|[(\[](?:\d{2}\s?%\s*)?[^()\[\]\d±]{0,30}[)\]]){0,50}?"
                         r"(?<![\w.])[-+−–]?\d[\d.,·]*(?![\d.,·]|\s*(?:[-–]|to)\s*[-+−]?\d)", re.IGNORECASE)


def _outcome_of_mean_difference(sentence: Sentence) -> list[Mention]:
    """A results sentence that prints a mean difference (``_MEAN_DIFFERENCE``) of an outcome no rule names ("The adjusted
    mean between group difference was 0.8", "improved by a least-squares mean difference of +0.6 L/min/m2"): the words
    before the statistic name it; none for a sentence about who the patients were before the trial."""
    text = sentence.text
    return _outcome_named_before(sentence, _MEAN_DIFFERENCE.search(text) if "ifferen" in text else None)


#: A mean change or a least-squares mean, its statistic named: "a mean increase in HgB of 0.9 g/dL", "mean change (SD)
#: from baseline in synovitis was −0.44", "The mean gain in weight", "(least squares mean [SEM], 105.60 [10.14] vs 55.58".
_MEAN_CHANGE = quick(r"(?<!\bno )(?<!\bnot )\b(?:(?:mean|average|LSM?)\s+(?:\([^()]{0,20}\)\s+|[a-z]+\s+)?(?:changes?|increases?|decreases?|"
                     r"reductions?|improvements?|gains?|loss|declines?)|least[- ]squares?\s+means?|LS\s?means?)\b", re.IGNORECASE)

#: After a mean change's name, a share or a difference of the arms ("least squares mean percent changes of −2.2%", "LS
#: mean ± SEM treatment differences"): not a mean of one arm.
_NOT_A_MEAN_AFTER = quick(r"[^;]{0,40}?(?:%|\bper\s?cent|\bdifferen)", re.IGNORECASE)


def _outcome_of_mean_change(sentence: Sentence) -> list[Mention]:
    """A results sentence that prints a mean change or a least-squares mean (``_MEAN_CHANGE``) of an outcome no rule
    names ("Placebo-treated patients had a mean increase in HgB of 0.9 g/dL … compared with 2.8 g/dL"): the words
    before the statistic name it; none for who the patients were before the trial or at baseline."""
    text = sentence.text
    found = _MEAN_CHANGE.search(text) if "ean" in text or "LS" in text or "verage" in text else None
    if found is None or _not_a_result(text) or _NOT_A_MEAN_AFTER.match(text, found.end()):
        return []
    return _outcome_named_before(sentence, found)


def _outcome_named_before(sentence: Sentence, found: re.Match[str] | None) -> list[Mention]:
    """The outcome the statistic ``found`` in a results sentence is of: the words before it, past the bracket it opens;
    none for a sentence about who the patients were before the trial."""
    text = sentence.text
    if found is None or sentence.section != "results" or _BEFORE_THE_TRIAL.search(text):
        return []
    at = found.start()
    head = _BRACKET_OPENED_BEFORE.sub("", text[:at]).rstrip(" ([,;:")  # "(adjusted mean difference"
    words = _WORDS_AT_END.search(head, max(0, len(head) - 61))
    start, end = words.span() if words else (at, at)
    if start and text[start - 1].isalnum():  # not from inside a word
        start = text.find(" ", start, end) + 1 or end
    return [_outcome_mention(start, end, text[start:end].strip() or "outcome", text)]


#: The pseudo-endpoint of results a sentence gives "the primary outcome" (``_primary_outcome``), until the record
#: knows which endpoint its methods declared primary (``name_primary_outcome``).
PRIMARY = "PRIMARY"
_UNNAMED_OR_RATIO = frozenset({"OTHER", "HR", "OR", "RR"})
#: "The primary outcome was significantly lower in the intervention arm", "… superior to STAN for the primary outcome".
_PRIMARY_OUTCOME = quick(r"\b(?:co-?)?primary (?:efficacy )?(?:end[- ]?points?|outcomes?)\b", re.IGNORECASE)


#: "121 (90%) patients … were included in the analysis of the primary outcome": who was analysed for it;
#: "Independent risk factors for developing the primary outcome were …": what predicts it.
_NOT_ITS_VALUES_BEFORE = quick(r"\b(?:included|analy[sz]ed|analys[ie]s of|evaluable|assessable|available|data|factors?|predictors?|"
                                    r"predict\w*|associat\w*)\b[^.;]{0,40}$", re.IGNORECASE)


def _primary_outcome(sentence: Sentence, mentions: list[Mention], first: re.Match[str] | None) -> list[Mention]:
    """A results sentence that names no outcome but "the primary outcome" ("The primary end point was met (HR 0.70 …)",
    "The primary outcome was significantly lower in …"): the outcomes of no known kind it names are that one, and
    when it names none before its first number (``first``) nor words of a kind (``_OUTCOME_KINDS``), "the primary
    outcome" is (not in sentences about the patients: "121 (90%) were included in the analysis of the primary outcome")."""
    text = sentence.text
    if any(m.canonical not in _UNNAMED_OR_RATIO for m in mentions):
        return mentions
    found = _primary_words(text)
    if found is None:
        return mentions
    if any(m.canonical == "OTHER" for m in mentions):
        return [replace(m, canonical=PRIMARY) if m.canonical == "OTHER" else m for m in mentions]
    if sentence.section != "results" or first is None or first.start() < found.start() or _about_the_patients(text, first.start()) \
            or _not_a_result(text) or kind_by_words(text, _OUTCOME_KINDS) != "OTHER":
        return mentions  # named after the values, it is their outcome only as the words of a sentence naming none
    return _in_order(mentions, [Mention(found.start(), found.end(), found.group(), PRIMARY, None)])


def _primary_words(text: str) -> re.Match[str] | None:
    """Where the sentence speaks of the primary outcome, unless of those analysed for it or of what predicts it."""
    found = _PRIMARY_OUTCOME.search(text) if "rimary" in text else None
    if found is None or _NOT_ITS_VALUES_BEFORE.search(text, max(0, found.start() - 60), found.start()):
        return None
    return found


def _primary_said(text: str) -> str | None:
    """ "The primary end point was met (HR 0.70 …)": a ratio no named outcome claims is the primary outcome's."""
    return PRIMARY if _primary_words(text) else None


def name_primary_outcome(drafts: list[Draft], primary: set[str]) -> None:
    """Results of "the primary outcome" take the endpoint the methods declared primary (``primary``: the
    canonical names of the primary and co-primary endpoints) when they declare one, else OTHER."""
    canonical = next(iter(primary)) if len(primary) == 1 else "OTHER"
    for d in drafts:
        if d.endpoint == PRIMARY:
            d.endpoint = canonical
            if canonical in TIME_TO_EVENT and d.measure == "proportion" and d.timepoint:
                d.measure = "rate_at_time"  # "the primary end point, 2-year PFS, was 61%": a survival rate


#: Words of a trial of nausea and vomiting ("chemotherapy-induced nausea and vomiting", "antiemetic", "PONV"), and of a
#: tumour's response, which a trial of nausea and vomiting does not report.
_EMESIS = quick(r"\b(?:emesis|(?:anti-?)?emetic|vomiting|CINV|PONV)\b", re.IGNORECASE)
_TUMOUR_RESPONSE = quick(r"partial (?:response|remission)|objective response|tumou?r response|\bORR\b|RECIST|remission",
                         re.IGNORECASE)


def complete_responses_of_emesis(drafts: list[Draft], text: str) -> None:
    """In a trial of nausea and vomiting ("Acute CR rates were 73.5 …", "complete response (no emesis, no rescue
    medication)"), a complete response is the absence of emesis, not a tumour's: an outcome of its own (OTHER,
    named "complete response"). The document (``text``) must speak of emesis three times and of no tumour response."""
    if not any(d.endpoint == "CR_RATE" for d in drafts) or len(_EMESIS.findall(text)) < 3 or _TUMOUR_RESPONSE.search(text):
        return
    for d in drafts:
        if d.endpoint == "CR_RATE":
            d.endpoint, d.name = "OTHER", d.name or "complete response"


def _named_after_value(text: str, at: int) -> str | None:
    """What the patients counted from ``at`` on were or had: "13 patients (87%) were seizure-free"."""
    after = _OUTCOME_AFTER_VALUE.search(text, at)
    return after.group("n") if after else None


_WORDS_AT_END = quick(r"[A-Za-z][\w'’/ -]{2,60}$")
#: A sentence about one arm: "In the LEV group, …", "Among patients in arm B, …", "In the ATC group (n = 17) 11 (65%)".
_ONE_ARM_CLAUSE = quick(r"(?:in|among|for|with)\s+(?:the\s+)?[^,;]{1,40}?\b(?:groups?|arms?|cohorts?)(?:\s*\(\s*n\s*=\s*\d+\s*\)\s*,?|\s*,)\s*",
                        re.IGNORECASE)
#: What the patients counted were or had: "13 patients (87%) were seizure-free".
_OUTCOME_AFTER_VALUE = quick(r"[)\]]?\s*(?:(?:of\s+(?:the\s+)?)?(?:patients|participants|women|men|subjects)\s+)?"
                                  r"(?:were|was|had|achieved|reported|showed|developed)\s+"
                                  r"(?P<n>[A-Za-z][\w -]{2,40}?)(?=\s*(?:[,.;(]|$))")
#: Words that open a sentence but name nothing: "Among", "At week", "Conversely,".
_LEADING_FUNCTION_WORDS = quick(r"(?:(?:among|at|of|after|before|during|in|for|with|conversely|however|thus|moreover|"
                                     r"overall|also|week|month|year|day)\b[\s,]*)+", re.IGNORECASE)


#: Patient-reported symptom and function scores by their instrument or their symptom ("BDI-II scores", "the SF-MPQ",
#: "PHQ-9 score", "FSS total score", "hot flash scores", "PF change scores", "Arm symptoms were more bothersome"): QOL.
_SYMPTOM_SCORE = Folded(
    r"\b(?:BDI(?:-?II)?|PHQ-?\d*|DLQI|IBDQ|SF-?MPQ|McGill|BFI|BPI|FSS|FIQ|WOMAC|KOOS|Oswestry|IPSS|ESAS|MDASI|"
    r"FACIT\w*|LASA|linear analog(?:ue)? self-assessment|SGRQ|St George's Respiratory Questionnaire|PSQI|Wexner|Kujala|"
    r"SCNS|supportive care needs|bothersome|"
    r"(?:hot fl[au]sh(?:es)?|urgency|incontinence|breathlessness|dyspno?ea|nausea|itch(?:ing)?|pruritus|cough|dysuria|"
    r"appetite|insomnia|physical function(?:ing)?|functional|PF|disability)(?: [\w-]+){0,2}? (?:sub)?(?:scores?|scales?|ratings?))\b")


#: What kind of outcome the sentence speaks of, by its words, when no rule names the outcome (a whole
#: sentence's words: the list items of a declared role are read with ``backend._UNKNOWN_KINDS``).
_OUTCOME_KINDS = (
    ("QOL", Folded(r"\b(?:anxiety|depress\w*|fatigue|distress|mood|well-being|wellbeing|sleep quality|bother|"
                   r"(?:urinary|bowel|sexual|social|role|cognitive|emotional|erectile) function(?:ing)? scores?|sexual function|"
                       r"symptom scores?|symptom improvements?|(?:disease-related )?symptoms? (?:improved|improvement)|"
                       r"improve\w* (?:[\w-]+ ){0,3}symptoms|functioning|HADS|FACT-\w+|SF-?36|QLQ-?\w*|self-esteem|emotional|psychological|"
                       r"global health(?: status)?|EQ-?5D|EuroQo[lL]|(?:mental|physical) component(?: summary| scores?)?|MCS|GHS|QL2?|"
                       r"(?:average|worst|mean|bodily|change in|reduction in|decrease in|decreased|relief of) pain|"
                       r"pain (?:scores?|intensity|relief|levels?|severity|scales?)|VAS|visual analog(?:ue)? scale)\b")),
    ("QOL", _SYMPTOM_SCORE),
    ("OTHER", Folded(r"\bsatisfaction\b")),  # "the mean level of satisfaction": not a biomarker's level
    ("BIOMARKER", Folded(r"\b(?:expression|mutations?|methylation|amplification|polymorphisms?|serum|plasma|Ki-?67|"
                             r"biomarkers?|levels? of)\b")),
    ("FEASIBILITY", Folded(r"\b(?:adhere\w*|complian\w*|attended|attendance|retention|recruitment rate|consented|"
                               # how much of the treatment was given: "28.7% had a dose reduction", "therapy omissions"
                               r"dose (?:reductions?|modifications?|delays?|interruptions?)|(?:treatment|therapy|chemotherapy) "
                               r"(?:delays?|omissions?|interruptions?)|"
                               r"used the|returned|(?:follow-up )?assessment rates?|(?<!who )(?<!self-)completed (?:the )?(?:[\w-]+ ){0,2}(?:questionnaires?|assessments?)|"
                               r"provided (?:[\w-]+ ){0,3}(?:data|questionnaires?))\b|\d\s?%\)\s+completed\b")),  # "71 (86%) completed the EPDS"
)


_PRONOUN_SUBJECT = quick(r"(?:this|that|these|those|it|what|which|there|we|our|only|all|in total|overall|roughly|"
                              r"approximately|about)\b", re.IGNORECASE)
#: "The 95% CIs are shown": the level of an interval, not a value.
_CI_AFTER = quick(r"\s*(?:CIs?|Cl|IC|confidence)\b")  # "IC": "[95% IC: 0.76–1.46]"
#: A threshold, not a result: "a greater than 50% reduction", "exceeding 10%", "at least 15 nodes".
_THRESHOLD_BEFORE = quick(r"\b(?:greater|more|less|fewer|higher|lower) than\s+$|\b(?:exceeding|above|below|over|under|at least|"
                          r"at most|up to)\s+$|[<>≤≥]\s*$", re.IGNORECASE)
#: ... or told after it: "had a 50% or greater reduction in depressive symptoms".
#: ... and a share that is a relative difference, not a proportion: "had a 50% lower risk of neonatal mortality".
_THRESHOLD_AFTER = quick(r"\s*%?\s*(?:or\s+(?:greater|more|higher|above|less|fewer|lower|below)\b|"
                         r"(?:lower|higher|greater|reduced|increased)\s+(?:risk|odds|likelihood|hazard)\b)", re.IGNORECASE)
#: A share that is the change the patients reached, not a share of them: "19.6% of the participants achieved 6% weight
#: loss" (what it was reached by is the outcome).
_CHANGE_AFTER_SHARE = quick(r"\s*%?\s*(?:weight\s+loss|reduction|improvement|decrease|increase|decline|gain)\b", re.IGNORECASE)
_REACHED_BEFORE = quick(r"\b(?:achiev|attain|reach)\w*\s+(?:an?\s+|at\s+least\s+)?$", re.IGNORECASE)
#: Sentences whose numbers describe the patients, the method or a test's accuracy, not an outcome.
_NOT_A_RESULT = Folded(r"\b(?:sensitivity|specificity|predictive values?|kappa|coefficients? of variation|"
                           r"followed (?:up )?for|median follow-up|years? of age|aged|at baseline|baseline characteristics|"
                           r"at diagnosis|follow[^\w]?up|(?:we|study|trial) (?:randomi[sz]ed|enrolled|included)|were treated with|"
                           r"\d\s?%\s+(?:were\s+)?(?:female|male|women|men|white|caucasian|hispanic|black|asian)|were randomi[sz]ed|were enrolled|mean age|median age)\b")


def _drafts_of_values(sentence: Sentence, mentions: list[Mention], ci_level_default: float | None,
                      context_endpoint: str | None) -> list[Draft]:
    """Each outcome-like number with the endpoint that owns it, and its CI, counts and p-value."""
    text = sentence.text
    values = [v for v in _values(text, mentions) if not _is_context_number(text, v[0], v[1], v[2])]
    listed = _respectively_mentions(text, mentions, values)
    drafts: list[Draft] = []
    for i, (start, end, kind, value, unit) in enumerate(values):
        counted = counted_event(text, mentions, end, value or 0) if kind == "count_people" else None
        owner = (listed.get(start) if kind != "count_pair" else None) or counted or _owner(mentions, text, start, end) \
            or _owner_of_the_count_before(kind, drafts)
        if owner is not None and owner.measure == "responses" and not kind.startswith("count"):
            owner = _owner_of_the_list(mentions, owner)
        if kind == "ratio" and owner is not None and owner.canonical not in _COMPARATIVE:
            # "hazard ratio (HR) for OS was 0.93": the ratio's, though the endpoint is named nearer
            owner = next((m for m in reversed(mentions) if m.end <= start and m.canonical in _COMPARATIVE), owner)
        context = (_unclaimed_ratio_outcome(text, mentions, owner) or context_endpoint) if kind == "ratio" and owner else context_endpoint
        draft = _draft(sentence, owner, kind, value, unit, start, end, context) if owner else None
        if draft is not None:
            _grade_written_before(draft, text, draft.mention, start)
            _attach_details(draft, text, values[i + 1][0] if i + 1 < len(values) else len(text), ci_level_default)
            drafts.append(draft)
    return drafts


def _owner_of_the_count_before(kind: str, drafts: list[Draft]) -> Mention | None:
    """The outcome of the other group's count, for a count that follows it and names none ("Twelve patients in the A
    group and 20 in the B group required rescue analgesia": what the twelve required, named after both)."""
    if kind == "count_more" and drafts and drafts[-1].measure == "count":
        return drafts[-1].mention
    return None


#: "The hazard ratio for the incidence of primary AVF failure was 0.72": a ratio of the outcome named after "for".
_RATIO_FOR_OUTCOME = quick(r"\s*(?:\([^()]{1,12}\)\s*)?(?:for|of)\s+(?:the\s+)?"
                           r"(?P<o>(?:(?!\b(?:did|does|not|had|and)\b)[^.;()\d]){3,50}?)\s+(?:was|were|is)\s+(?=\d)", re.IGNORECASE)
#: A ratio whose outcome and the arms it compares come before its value: "The unadjusted relative risk for mortality in the
#: octreotide group compared with patients in the control group was 1.11", "the relative risk of death for patients in the
#: PCDE arm compared with those in the EP arm was 0.70", "Hazard ratios (HRs) comparing time to death … were 0.915".
_RATIO_ARMS_COMPARED = quick(r"[)\]]?\s*(?:\([^()]{1,12}\)\s*)?(?:(?:for|of)\s+(?:the\s+)?(?P<o>[^.;()\d]{3,50}?)\s+(?=(?:for|in|among|with)\s))?"
                             r"(?:for|in|among|with|comparing)\s+[^.;()\d]{1,100}?\b(?:compared\s+(?:with|to)|versus|vs\.?|"
                             r"in\s+comparison\s+(?:with|to)|relative\s+to)\s+[^.;()\d]{1,80}?\s+(?:was|were|is)\s+(?=\d)|"
                             r"[)\]]?\s*(?:\([^()]{1,12}\)\s*)?comparing\s+(?P<c>[^.;()\d]{3,60}?)\s+(?:was|were|is)\s+(?=\d)", re.IGNORECASE)
#: Ratios of predictors, of associations and of pooled trials: "Predictors of smoking abstinence were varenicline (OR 7.29",
#: "the most influential risk factor for hypotension", "Meta-analysis with two other … studies (risk ratio 1.78".
#: … or a trait's: "Mothers with higher education had a 50% lower risk (OR 0.50)".
_NOT_TRIAL_RATIO = quick(r"\b(?:predict\w*|prognostic|risk factors?|associated with|meta-analys\w*)"
                         r"|\bwith\s+(?:higher|lower|more|less|greater)\s+[\w-]+\s+(?:had|were|was|showed)\b", re.IGNORECASE)
_SURVIVAL_EVENT = quick(r"\b(?:progression|death|recurrence|relapse|survival)\b", re.IGNORECASE)
_ENDPOINTS = frozenset(e.value for e in CanonicalEndpoint)  # not "HR", "PR", "SKIP" or "EVENT": the contract's endpoints


def _end_of_ratio_words(owner: Mention) -> int:
    """Where a ratio's own words end: before the outcome its mention took in ("relative risk of readmission"), so that
    "The relative risk of presenting with complications was 0.70" reads the outcome after "of"."""
    of = owner.text.find(" of ")
    return owner.start + of if of > 0 else owner.end


def _unclaimed_ratio_outcome(text: str, mentions: list[Mention], owner: Mention) -> str | None:
    """The outcome a ratio is of when no survival endpoint claims it: the one named after "for" ("the odds ratio for
    diagnosis of a mental disorder was 0.43"), else the nearest other outcome named before it ("Sertraline was
    discontinued more often (hazard ratio 1.46"); None when the sentence names neither."""
    if owner.canonical not in _COMPARATIVE or _NOT_TRIAL_RATIO.search(text):
        return None
    at = _end_of_ratio_words(owner)
    named = _RATIO_FOR_OUTCOME.match(text, at) or _RATIO_ARMS_COMPARED.match(text, at)
    outcome = named.group("o") or named.groupdict().get("c") if named is not None else None
    if outcome:
        found = [m.canonical for m in find_mentions(outcome) if m.canonical in _ENDPOINTS]
        if found or _SURVIVAL_EVENT.search(outcome):  # "of cancer progression": the survival spoken of
            return found[0] if found else None
        return kind_by_words(outcome, _OUTCOME_KINDS)
    return next((m.canonical for m in reversed(mentions) if m.end <= owner.start and m.canonical in _ENDPOINTS), None)


#: A grade written after an adverse event's words and before one of its values: "toxicity was grade 3-4 in four
#: (8%)", "nausea (40%; grade 3 in 5%)", "toxicity was WHO grade 1 (24%), 2 (67%), and 3 (9%)"; not the grade an event
#: exceeds ("toxicity greater than grade 2 occurred in 10%", which its mention holds).
_GRADE_THEN_VALUE = quick(rf"(?<!than )(?<![>≥] )(?<![>≥])\b(?:grades?|G)\s*(?P<g>{GRADE_LEVELS})(?![\w%.])(?:[^;%]|%\s*(?:vs?\.?|versus|and)\s){{0,30}}$",
                               re.IGNORECASE)  # "thrombocytopenia grade 3 or 4: 66% v 19%": both values
_NEXT_GRADE_THEN_VALUE = quick(r"\b(?:grades?|G)\s*[1-5][^;]{0,40}?(?:,|\band\b|\bor\b)\s*(?:and\s+)?(?P<g>[1-5])\s*[(\[]\s*$",
                                    re.IGNORECASE)
#: A grade the value's own clause gives right after it: "Adverse events occurred in 90%; 35% were grade 3 or higher",
#: "Neutropenia occurred in 40% of patients (12% grade 3/4)".
_GRADE_AFTER_VALUE = quick(rf"\s*%?\s*(?:of\s+(?:these|them|which|patients)\s+)?(?:(?:were|was)\s+)?(?:of\s+)?(?:grades?|G)\s*"
                                rf"(?P<g>{GRADE_LEVELS})(?![\w%.])", re.IGNORECASE)
_AE_GRADED = {"AE": "AE_GRADE3PLUS", "TRAE": "TRAE_GRADE3PLUS"}
_AE_UNGRADED = {graded: plain for plain, graded in _AE_GRADED.items()}


def _grade_written_before(draft: Draft, text: str, owner: Mention, start: int) -> None:
    """Give an adverse event's value the grade written between the event's words and the value, when one is
    ("Neurologic toxicity occurred in 64%, and was grade 3-4 in 10%": 10% is a 3-plus rate; "mucositis grade 1
    (20%), 2 (15%)": rates of grades 1 and 2, not 3-plus)."""
    plain = _AE_UNGRADED.get(draft.endpoint, draft.endpoint)
    if plain not in _AE_GRADED or owner.end > start:
        return
    gap = text[owner.end: start]
    found = _GRADE_AFTER_VALUE.match(text, draft.end) or _NEXT_GRADE_THEN_VALUE.search(gap) or _GRADE_THEN_VALUE.search(gap)
    if found is not None:
        draft.endpoint = _AE_GRADED[plain] if GRADE3_RE.search(f"grade {found.group('g')}") else plain


_CONTINUED = Keyed(quick(r"\b(?:\d+|one|two|three|five|ten)[- ](?:year|month)s?\s+(?P<r>rates?)\b", re.IGNORECASE), "rate")


def _continued_rates(text: str, mentions: list[Mention]) -> list[Mention]:
    """ "the 2-year OS rates ... and the 5-year rates were ...": the bare "rates" continue the endpoint."""
    added = []
    for m in _CONTINUED.finditer(text):
        if any(x.start <= m.start("r") < x.end for x in mentions):
            continue
        previous = [x for x in mentions if x.end <= m.start()]
        if previous:
            added.append(Mention(m.start("r"), m.end("r"), m.group("r"), previous[-1].canonical, "rate_at_time"))
    return _in_order(mentions, added)


#: Words that turn to another clause: "grade 3/4 neutropenia was frequent, although febrile neutropenia ...".
#: Words of a symptom measured as a score or an improvement, and words of an adverse event's rate.
_SYMPTOM_SCORED = quick(r"\b(?:improv\w*|scores?|subscales?|questionnaires?|FACT-\w+|Functional Assessment)\b", re.IGNORECASE)
_EVENT_RATE_WORDS = quick(r"\b(?:grades?|toxicit\w*|adverse|side[- ]effects?|AEs?|complications?|incidence|occurr\w*|"
                          r"developed|experienc\w*)\b", re.IGNORECASE)


def _symptom_scores(mentions: list[Mention], text: str) -> list[Mention]:
    """A symptom measured as a score or an improvement ("Fatigue scores improved (fatigue: 21% vs 19%)", "a 29%
    improvement in fatigue severity", "Functional Assessment of Cancer Therapy-Anemia (mean 2.16)") is a quality-of-life
    outcome, not an adverse event, when nothing in the sentence speaks of adverse events."""
    if not any(m.canonical == "EVENT" for m in mentions) or not _SYMPTOM_SCORED.search(text) or _EVENT_RATE_WORDS.search(text):
        return mentions
    return [replace(m, canonical="QOL") if m.canonical == "EVENT" and _scored_near(text, m) else m for m in mentions]


def _scored_near(text: str, m: Mention) -> bool:
    """Whether the words next to a symptom say it was scored or improved ("improvement in fatigue", "pruritus VAS
    scores"; not "hypertension-related hospitalization")."""
    return not text.startswith("-related", m.end) and _SYMPTOM_SCORED.search(text, max(0, m.start - 40), m.end + 40) is not None


_TURN_WORDS = r"\b(?:although|whereas|while|but|however)\b"
_EVENT_CLAUSE_BREAK = quick(_TURN_WORDS, re.IGNORECASE)


def _resolve_events(mentions: list[Mention], text: str) -> list[Mention]:
    """Bare event names take the AE class of the mention before them, in the same clause; alone they are AEs."""
    mentions = _graded_after_list(mentions, text)
    out: list[Mention] = []
    current = "AE"
    source: Mention | None = None  # the mention ``current`` comes from
    related = False
    previous_end = 0
    for m in mentions:
        if m.canonical == "EVENT" and _EVENT_CLAUSE_BREAK.search(text, previous_end, m.start):
            current, related, source = "AE", False, None
        previous_end = m.end
        if m.canonical.startswith("TRAE"):
            related = True
        elif related and m.canonical in {"AE", "AE_GRADE3PLUS"}:
            # "Treatment-related AEs occurred in 93.5%, with 28.3% experiencing grade 3 or higher events"
            m = Mention(m.start, m.end, m.text, "TRAE" if m.canonical == "AE" else "TRAE_GRADE3PLUS", m.measure)
        if _is_ae(m.canonical):
            current, source = m.canonical, m
        if m.canonical == "EVENT":
            m = Mention(m.start, m.end, m.text, _inherited_grade(current, source, text, m), None)
        out.append(m)
    return out


def _graded_after_list(mentions: list[Mention], text: str) -> list[Mention]:
    """ "leukopenia, neutropenia, and thrombocytopenia grade 3 or 4: 66% v 19%, 83% v 55%, 36% v 2%": a grade
    written after the last event of a list is the grade of every event listed."""
    out = list(mentions)
    for i in range(len(out) - 2, -1, -1):
        m, after = out[i], out[i + 1]
        if m.canonical == "EVENT" and after.canonical in _AE_UNGRADED and not GRADE3_RE.search(after.text) \
                and _LIST_JOIN.match(text[m.end: after.start]):
            out[i] = replace(m, canonical=after.canonical)
    return out


#: After a graded event's values, the words that go on listing events: "grade >= 3 neutropenia (2% and 45%), stomatitis".
_LISTING_ON = quick(r"(?:[,;]\s*(?:and\s+)?|\band\s+)(?:the\s+)?$")


def _inherited_grade(current: str, source: Mention | None, text: str, event: Mention) -> str:
    """The class a bare event takes from the adverse-event mention before it. A named event's grade is its own once
    its values are printed and the words go on to another finding ("severe neutropenia (34% versus 68%) and of
    febrile neutropenia (5% versus 12%)", "(... 36% v 2%), which resulted in more febrile neutropenia": not graded);
    a grade written for all ("grade 3-4 toxicities were anemia (3.4%) and diarrhea (6.9%)"), a list after a graded
    event ("grade >= 3 neutropenia (2%), stomatitis (0%)") or a pair ("Grade 4 neutropenia and thrombocytopenia")
    keep it."""
    if current not in _AE_UNGRADED or source is None or named_event(source.text) is None \
            or not _DIGIT.search(text, source.end, event.start):
        return current
    return current if _LISTING_ON.search(text, source.end, event.start) else _AE_UNGRADED[current]


_LIST_JOIN = quick(r"^\s*(?:,\s*(?:and\s+)?|and\s+|&\s+)(?:the\s+)?(?:median\s+)?$", re.IGNORECASE)


#: An abbreviation of two to five letters, capitals at both ends: "LC", "LRFS", "DoCB", "SBP".
_ABBREVIATION_WORD = quick(r"(?<![\w-])[A-Z][A-Za-z]{0,3}[A-Z](?![\w-])")


def _listed_unknown_abbreviations(text: str, mentions: list[Mention]) -> list[Mention]:
    """ "The 5-year LC, DFS and OS were 90%, 70% and 60%, respectively", "The median OS and SBP were 30.8 and 19.6
    months, respectively": an abbreviation the vocabulary does not know, listed beside known endpoints, is an outcome of
    its own (OTHER), so each item of the list takes its own value (before, the known ones took them all)."""
    candidates = [Mention(m.start(), m.end(), m.group(), "OTHER", None) for m in _ABBREVIATION_WORD.finditer(text)
                  if not any(x.start < m.end() and m.start() < x.end for x in mentions)]
    listed = [m for m in mentions if m.canonical != "OTHER"]  # a list of known endpoints ("the Ss, Sp, PPV" is none)
    added: list[Mention] = []
    grew = True
    while grew and candidates and listed:
        grew = False
        for c in list(candidates):
            if any(_LIST_JOIN.match(text[a.end: b.start]) for a, b in ((x, c) if x.end <= c.start else (c, x) for x in listed)):
                listed.append(c)
                added.append(c)
                candidates.remove(c)
                grew = True
    return _in_order(mentions, added)


def _respectively_mentions(text: str, mentions: list[Mention], values: list[tuple]) -> dict[int, Mention]:
    """ "median PFS and OS were 9.6 and 19.3 months, respectively": value -> its listed mention; also runs of
    values, one per arm: "PFS and OS were 2.8 and 13.2 months in arm A and 2.0 and 14.0 months in arm B"."""
    respectively = _RESPECTIVELY.search(text) is not None
    if not respectively and " and " not in text:
        return {}
    if respectively:
        mentions = _listed_unknown_abbreviations(text, mentions)
    out: dict[int, Mention] = {}
    i = 0
    while i < len(mentions):
        run = [mentions[i]]
        while i + 1 < len(mentions) and _LIST_JOIN.match(text[mentions[i].end: mentions[i + 1].start]):
            i += 1
            run.append(mentions[i])
        i += 1
        if len(run) < 2:
            continue
        after = [v for v in values if v[0] >= run[-1].end and (i >= len(mentions) or v[0] < mentions[i].start)]
        main = [v for v in after if v[2] != "ratio"]
        if main and len(main) % len(run) == 0:
            size = len(main) // len(run)  # "anemia and thrombocytopenia (52.5% vs. 10.0% and 34.4% vs. 1.7%)"
            per_arm = size > 1 and _runs_per_arm(text, main, len(run))
            if not (respectively or per_arm or (size == 1 and _joined(text, main))):
                continue  # "The ORR and DCR in arm A were 35% and 80%": one value each, in the list's order
            for k, v in enumerate(main):  # "TTP and OS in arm A (4.7 and 9.5 months, respectively) and in arm B (4.2 and 8.2, …)"
                out[v[0]] = run[k % len(run)] if per_arm else run[k // size]
    return out


_WITHIN_RUN = quick(r"\s*(?:%|months?|weeks?|days?|years?)?\s*(?:,\s*(?:and\s+)?|and\s+)")
_BETWEEN_RUNS = quick(r"\b(?:in|for|with|among)\b", re.IGNORECASE)


def _runs_per_arm(text: str, values: list[tuple], n: int) -> bool:
    """Whether ``values`` come in runs of ``n`` joined by "and", each run then naming whom it is for:
    "2.8 and 13.2 months in arm A and 2.0 and 14.0 months in arm B"."""
    runs = [values[i:i + n] for i in range(0, len(values), n)]
    return all(_joined(text, run) for run in runs) and all(_BETWEEN_RUNS.search(text, a[-1][1], b[0][0]) for a, b in pairwise(runs))


def _joined(text: str, run: list[tuple]) -> bool:
    """Values joined by "and" or commas only: "35% and 80%", "2.8 and 13.2 months"."""
    return all(_WITHIN_RUN.fullmatch(text, a[1], b[0]) for a, b in pairwise(run))


def _draft(sentence: Sentence, owner: Mention, kind: str, value: float | None, unit: str | None,
           start: int, end: int, context_endpoint: str | None = None) -> Draft | None:
    """The result a value makes with the endpoint that owns it, or None when they do not fit."""
    canonical = owner.canonical
    if canonical in {"OR", "RR"} and kind == "pct" and owner.text.strip().rstrip("s") in {"OR", "RR"} \
            and owner.end <= start <= owner.end + 12:
        owner = replace(owner, canonical="ORR")  # "18 ORs (20.2%)", "RR = 32%": a ratio is no percentage; responses are
        canonical = "ORR"
    if canonical in _COMPARATIVE:
        return _comparative_draft(sentence, owner, kind, value, start, end, context_endpoint)
    if kind == "ratio":
        return None
    if kind.startswith("count"):
        return _count_draft(sentence, owner, kind, value, start, end)
    if owner.measure in _EVENTS_COUNTED or (owner.measure in {"category", "alive", "reduction"} and kind != "pct"):
        return None  # "died", "deaths" and "relapses" own counts only; "stable disease", "alive at 24 months", percentages too
    make = _DRAFT_BY_KIND.get(kind, _percent_draft)
    draft = make(sentence, owner, value, unit, start, end)
    if draft is not None:
        _complete_timepoint(draft, sentence.text, owner, end)
        _name_draft(draft, sentence.text, owner, start)
    return draft


def _comparative_draft(sentence: Sentence, owner: Mention, kind: str, value: float | None, start: int, end: int,
                       context_endpoint: str | None) -> Draft | None:
    """ "HR 0.79": a ratio of the survival endpoint named nearest (or spoken of just before)."""
    if kind != "ratio":
        return None
    measure, unit = _COMPARATIVE[owner.canonical]
    endpoint = _comparative_endpoint(sentence.text, owner) or _primary_said(sentence.text) or context_endpoint
    return Draft(endpoint, measure, value, unit, start, end, sentence, owner) if endpoint else None


def _plain_draft(sentence: Sentence, owner: Mention, value: float | None, unit: str | None,
                 start: int, end: int) -> Draft | None:
    """ "mean score 45.2 ± 3.1": a number without a unit is a result only as a mean the text names, or as a
    difference it names ("mean between-group difference, 254.6 minutes")."""
    if _DIFFERENCE_LABEL.search(sentence.text, max(0, start - 90), start) or _told_as_change(sentence.text, start) \
            or _BY_HOW_MUCH_AFTER.match(sentence.text, end):
        return Draft(owner.canonical, "difference", value, None, start, end, sentence, owner)
    if owner.measure == "delivery":  # "a median of 6 cycles", "the median number of cycles was 6"
        said = _delivery_statistic(sentence.text, owner, start)
        return Draft(owner.canonical, said, value, None, start, end, sentence, owner) if said else None
    said = _statistic_said(sentence.text, owner, start)
    if said is None or (said == "median" and owner.canonical in TIME_TO_EVENT):
        return None  # "median PFS 7.2 vs 5.6": a survival time's unit is not guessed
    if said != "mean" and _BEFORE_OR_CHANGE.search(sentence.text):
        return None
    return Draft(owner.canonical, "mean" if said == "average" else said, value, None, start, end, sentence, owner)


#: "mean" or "median" opening the words that name an outcome: "The mean improvement in the Kujala score was 12.9",
#: "The median WHO score for haematological toxicity was 4".
_STATISTIC_OPENS_NAME = quick(r"\b(?P<s>mean|average|median)\b(?!\s+(?:arterial|systolic|diastolic)\b)[^\d;%()\[\]]{0,50}$",
                              re.IGNORECASE)
#: Words that make a bare median or average a level before treatment or a change ("Median before treatment versus after
#: … was 1 versus 4", "median improvements from baseline … were 0.13", "average Cobb angle prior to bracing was 29°",
#: "Average changes … were 3.9 and 0.5"), not a result the contract reads as a mean or median.
_BEFORE_OR_CHANGE = quick(r"\b(?:baseline|before|prior to|pre-?(?:treatment|intervention)|improvements?|chang\w*|"
                          r"reductions?|increase[sd]?|decrease[sd]?|lowered)\b|\bpre-(?!\w)", re.IGNORECASE)


def _statistic_said(text: str, owner: Mention, start: int) -> str | None:
    """ "mean", "average" or "median" when the text calls the value at ``start`` one: the nearest of them just before
    the outcome's name or between it and the value ("QOL score (mean 45.2)"; "average" only in or just before the name,
    "Average score of preference was 2.9"; not a median in a bracket closed before the value, "27 min (median, 21 min)
    … 22.18 ± 5.34 min"), or else the one opening the words that lead to the name ("the mean improvement in the Kujala
    score was 12.9"), with no number between ("the rate of average trace error (%): control 23.50" names no mean)."""
    said = [m for m in _STATISTIC_SAID.finditer(text, max(0, owner.start - 12), start)
            if not _median_of_its_own(text, m, start) and (m.group("s").lower() != "average" or m.start() < owner.end)]
    opening = _STATISTIC_OPENS_NAME.search(text, max(0, owner.start - 60), owner.start)
    word = said[-1].group("s") if said else opening.group("s") if opening else None
    return word.lower() if word else None


_STATISTIC_SAID = quick(r"\b(?P<s>median|mean|average)\b", re.IGNORECASE)


def _median_of_its_own(text: str, said: re.Match[str], start: int) -> bool:
    """Whether a "median" before the value at ``start`` sits in a bracket closed before it: it names the number in that
    bracket ("22.18 ± 5.34 min (median, 21 min) in B", "Mean ± SD (median) … were −6.0% ± 23.3% (−4.0%)"), not this one
    ("(mean ± SD)" still names the values after it)."""
    if said.group("s").lower() != "median":
        return False
    close = text.find(")", said.end(), start)
    return close >= 0 and "(" not in text[said.end(): close]


def _delivery_statistic(text: str, owner: Mention, start: int) -> str | None:
    """ "median" or "mean" as said of how much treatment was given ("the median relative dose intensity was 91%"),
    just before or in its name; None when the text names no statistic ("Treatment duration was 8 weeks" is the plan)."""
    said = list(_STATISTIC_SAID.finditer(text, max(0, owner.start - 12), owner.end))
    if not said:
        return None
    return "median" if said[-1].group("s").lower() == "median" else "mean"


#: A value the text calls the difference: "difference = 15%", "(difference, 2.4 months", "difference of 1.6%",
#: "mean between-group difference, 254.6", "the difference in scores was -3.1", "differences of 2.1 and 3.4".
_DIFFERENCE_LABEL = Keyed(re.compile(rf"(?:{_DIFFERENCE_WORDS}|\bdifferences?\s+in [\w -]{{1,60}}? (?:was|were|of)\s*[,:=]?\s*)[-+−–]?"
                               r"(?:[\d.]+\s*(?:vs\.?|versus|and)\s*[-+−–]?)?$",
                               re.IGNORECASE), "differen", "md")


def _difference_draft(sentence: Sentence, owner: Mention, value: float | None, unit: str | None,
                      start: int, end: int) -> Draft | None:
    """A number without a unit that the text calls a difference ("mean difference, 8.8 points"), or a signed change
    in its time unit (``_signed_value``)."""
    return Draft(owner.canonical, "difference", value, unit, start, end, sentence, owner)


#: "Mean sexual function score was 15 points lower with cryoablation": how much one arm's mean differs.
_BY_HOW_MUCH_AFTER = quick(r"\s*(?:points?\s+|units?\s+)?(?:lower|higher|greater|less|more|fewer|better|worse)\b", re.IGNORECASE)


def _told_as_change(text: str, start: int) -> bool:
    """Whether the value at ``start`` is a change the text tells ("decreased by 35%", "the change in BMD (+7.9%)"):
    a change, like a difference, is a ``difference`` (of the arm it is printed with)."""
    before = text[max(0, start - 110): start]
    return _CHANGED_BY_BEFORE.search_part(before, text) is not None or _CHANGE_IN_BEFORE.search_part(before, text) is not None


def _time_draft(sentence: Sentence, owner: Mention, value: float | None, unit: str | None,
                start: int, end: int) -> Draft | None:
    """ "median PFS 7.1 months", "mean hospital stay 4.5 days": a time of a time-to-event endpoint or an
    outcome; "the mean duration of grade 3 or worse mucositis (6.6 days vs. 9.2 days)": of an event."""
    if owner.measure == "delivery":  # "the median duration of therapy was 39 weeks"
        said = _delivery_statistic(sentence.text, owner, start)
        return Draft(owner.canonical, said, value, unit, start, end, sentence, owner) if said else None
    duration = _DURATION_OF.search(sentence.text, max(0, owner.start - 40), owner.start)
    if owner.canonical not in TIME_TO_EVENT and owner.canonical != "OTHER" and owner.measure != "time" and not duration:
        return None
    if _DIFFERENCE_LABEL.search(sentence.text, max(0, start - 80), start) or _told_as_change(sentence.text, start) \
            or _COMPARED_AFTER.match(sentence.text, end):
        measure = "difference"  # "(difference, 2.4 months; 95% CI, 1.0 to 4.0)", "a difference in median survival of 6 weeks",
        # "was 151 days greater than with B"
    else:
        # the nearest names it ("Geometric mean time … (median, 3.3 minutes …"); not "average" ("followed up … average 35
        # months", "for an average of 4.8 months": how long, not an outcome)
        named = list(_MEAN_OR_MEDIAN.finditer(sentence.text, duration.start() if duration else max(0, owner.start - 12), start))
        measure = "mean" if named and named[-1].group().lower() == "mean" else "median"
    return Draft(owner.canonical, measure, value, unit, start, end, sentence, owner)


_AT_BASELINE = Keyed(re.compile(r"\b(?:at baseline|baseline (?:characteristics|demographics)|at (?:study )?entry|at enrol?lment)\b",
                          re.IGNORECASE), "baseline", "entry", "enrol")
_CHANGED = quick(r"\b(?:chang\w*|from baseline|increas\w*|decreas\w*|improv\w*|reduc\w*|compared|versus|vs|after|"
                      r"higher|lower|more|less|differ\w*)\b", re.IGNORECASE)
_TOOK_PART = quick(r"\b(?:participat\w*|complet\w*|compliance|available|returned|evaluable|assessable|obtained|collected|"
                        r"questionnaires? (?:were|was) (?:received|answered))\b", re.IGNORECASE)
#: Right before a quality-of-life mention, who answered its questionnaires: "395 patients (97%) participated in the HRQOL
#: study", "Compliance with QOL was 87%", "(89% of randomized) submitted the baseline QOL questionnaires", "(81%) were
#: evaluable for QOL", "women … provided QoL data" ...
_ANSWERED_BEFORE = quick(r"\b(?:participat\w* in|complet(?:ed|ing)|submit\w*|provid(?:ed|ing)|returned|obtained|collected|"
                         r"evaluable for|assessable for|compliance (?:with|for|to)|with respect to)\s+(?:(?:the|a|an|their)\s+)?"
                         r"(?:baseline\s+)?(?:health[- ]related\s+)?$", re.IGNORECASE)
#: ... or right after it: "The rate of QOL drop-out", "QoL ranking was available on 227 (95%)".
_ANSWERED_AFTER = quick(r"\s*(?:\(\w+\)\s*)?(?:[\w-]+\s+){0,2}?(?:drop-?outs?|compliance|return rates?|(?:data|questionnaires?|"
                        r"assessments?|information|scores?|ranking)\s+(?:were|was)\s+(?:available|obtained|collected|received|returned))\b",
                        re.IGNORECASE)


def _answered_questionnaires(text: str, owner: Mention) -> bool:
    """Whether the words next to a quality-of-life mention say who answered its questionnaires (a feasibility share),
    not how the patients fared."""
    return _ANSWERED_BEFORE.search(text, max(0, owner.start - 60), owner.start) is not None \
        or _ANSWERED_AFTER.match(text, owner.end) is not None
#: "7.1% (95% CI: −28% to +19%) lower if … compared to …", "13% more of the men … than", "151 days greater than with B",
#: "2.1 months longer than": a difference.
_COMPARED_AFTER = quick(r"\s*(?:\([^()]*\)\s*)?(?:lower|higher|greater|less|more|fewer|longer|shorter)\b(?=[^.;]{0,80}\b(?:than|compared))",
                             re.IGNORECASE)
_DURATION_OF = quick(r"\b(?:mean|median|average)\s+(?:duration|length)\s+of\s+(?:the\s+)?$", re.IGNORECASE)


def _not_reached_draft(sentence: Sentence, owner: Mention, value: float | None, unit: str | None,
                       start: int, end: int) -> Draft | None:
    """ "median OS not reached"."""
    if owner.canonical not in TIME_TO_EVENT:
        return None
    return Draft(owner.canonical, "median", None, None, start, end, sentence, owner, not_reached=True)


def _percent_draft(sentence: Sentence, owner: Mention, value: float | None, unit: str | None,
                   start: int, end: int) -> Draft | None:
    """A percentage: a time-to-event rate, an absolute difference ("7.3% (from 28.1% to 35.4%)"), or a proportion."""
    text, canonical = sentence.text, owner.canonical
    if canonical == "SAFETY" and _had_toxicity(text, owner):
        canonical = "AE"
    if canonical == "QOL" and _answered_questionnaires(text, owner):
        canonical = "FEASIBILITY"  # "395 patients (97%) participated in the HRQOL study": who answered, not how they fared
    if canonical in {"HR", "OR", "RR", "SAFETY"} or (canonical == "QOL" and _TOOK_PART.search(text)) or owner.measure == "cost":
        return None  # who answered, in words this sentence does not tie to the outcome; costs are sums
    if owner.measure == "reduction":  # "reduced the risk of death by 27%": a relative risk reduction
        return Draft(canonical, "difference", value, "percent", start, end, sentence, owner, name=owner.text.strip())
    before = text[max(0, start - 100): start]
    if _DIFFERENCE_LABEL.search_part(before, text) or _COMPARED_AFTER.match(text, end) or _told_as_change(text, start) \
            or _change_named_after(text, start, end) or (
            _DIFFERENCE_BEFORE.search(before) and "absolute" in before.lower() and not _ABSOLUTE_LEVEL.search(before)
            and not _FROM_LOWER.search(text[max(0, start - 8): start])) or _FROM_BRACKET_AFTER.match(text, end):
        measure = "difference"  # "the absolute increase in 3-year PFS was 7.3% (from 28.1% to 35.4%)"
    elif (canonical in TIME_TO_EVENT and owner.measure != "events") or (canonical == "OTHER" and "surviv" in owner.text.lower()):
        measure = "rate_at_time"
    elif owner.measure == "delivery":  # "the median relative dose intensity was 91%"; a duration is no percentage
        if "intensit" not in owner.text.lower():
            return None
        measure = _delivery_statistic(text, owner, start) or "proportion"
    elif _said_mean(text, max(0, owner.start - 12), start):
        measure = "mean"  # "a significant increase in mean prostate volume (14%)": the text says mean
    elif ("edian" in text or "ean" in text or "verage" in text) and (said := _statistic_names_value(text, owner, start, end)):
        measure = said  # "the median percentage of days with diarrhea was 2.3%", "a median of 3%", "average pain score was 64%"
    else:
        measure = "proportion"
    return Draft(canonical, measure, value, "percent", start, end, sentence, owner,
                 timepoint=_mention_timepoint(text, owner))


_FROM_BRACKET_AFTER = quick(r"\s*\(\s*from\b")  # "7.3% (from 28.1% to 35.4%)"
_FROM_LOWER = quick(r"\bfrom\s*$")  # "increased from 28.1% …" (lowercase only)


#: "a 29% improvement in fatigue", "a 13.1% reduction of abdominal pain": a percentage that names itself a change.
_CHANGE_NOUN_AFTER = quick(rf"\s*(?:\([^()]{{0,40}}\)\s*)?(?:(?:,|and|or|to)\s*[-+−]?(?:{NUM})\s*%\s*(?:\([^()]{{0,40}}\)\s*)?)*"
                                r"(?:relative\s+|absolute\s+)?(?:improvements?|reductions?|increases?|"
                                r"decreases?|declines?|gains?|rises?|drops?)\s+(?:in|of)\b"
                                r"(?!\s+(?:the\s+|both\s+)?(?:[\w-]+\s+)?(?:groups?|arms?|cohorts?)\b)",  # not "12% decrease in group II"
                                re.IGNORECASE)
#: "patients achieving a 50% reduction in PSA", "response, defined as a 30% decrease": the change is a criterion.
_CRITERION_BEFORE = quick(r"(?:\b(?:achiev\w*|attain\w*|reach\w*|with|had|having|defined as|definition|criteri\w*|"
                          r"required|needed|detect|rule out|target|goal)\s+(?:of\s+)?(?:a|an|the)?|\b(?:greater|more|less) than|"
                          r"\bat least|\b(?:maximum|minimum) of|[<>≤≥⩾])\s*$", re.IGNORECASE)
#: "The 50% reduction in the AHI was achieved in 46% of patients": the change is a criterion, told after it.
_ACHIEVED_AFTER = quick(r"[^.;]{0,60}?\b(?:was|were)\s+(?:achieved|attained|reached)\b", re.IGNORECASE)


def _change_named_after(text: str, start: int, end: int) -> bool:
    """ "OLP participants reported a 29% improvement in fatigue severity": a change the percentage is, told by the
    noun after it (a ``difference``); not a criterion the patients met ("patients with a 50% reduction in PSA")."""
    change = _CHANGE_NOUN_AFTER.match(text, end)
    return change is not None and not _CRITERION_BEFORE.search(text, max(0, start - 40), start) \
        and not _ACHIEVED_AFTER.match(text, change.end())


#: A verb saying patients had what the sentence names: "experienced some toxicity", "toxicity occurred in 45%".
_HAD = quick(r"\b(?:experienc(?:ed|ing)|occurr(?:ed|ing)|developed|suffered|had|observed|reported|seen|noted|recorded)\b",
             re.IGNORECASE)


def _had_toxicity(text: str, owner: Mention) -> bool:
    """Whether the bare word "toxicity", which names safety as an endpoint, is here what a share of the patients
    had ("31 patients (65%) experienced some toxicity", "Toxicity occurred in 45% of patients"): an adverse event rate."""
    return owner.text.lower().startswith("toxicit") and _HAD.search(text) is not None


#: "absolute rates: 5% versus 13%": the levels themselves, not their difference.
_ABSOLUTE_LEVEL = quick(r"\babsolute (?:rates?|numbers?|values?|counts?|risks?)(?! (?:reduction|difference|increase|decrease))[^%]{0,30}$",
                             re.IGNORECASE)


def _said_mean(text: str, start: int, end: int) -> bool:
    """ "mean" names the value's statistic: in its clause ("the mean reduction in AK count was 59.2%"), not
    of a change told later in it ("higher mean hot flash score, with hot flashes increasing by 33%")."""
    clause_start = max(start, text.rfind(";", start, end) + 1)
    mean = next(reversed(list(_MEAN.finditer(text, clause_start, end))), None)  # the nearest before the value
    if mean is None or _OTHER_MEASURE.search(text, mean.end(), end):
        return False  # "Mean score was 15 points lower … and 13% more of the men said": the mean is the 15's
    return not _CHANGE_AFTER.search(text, min(end, mean.end() + 12), end)  # "mean reduction … was" is a mean


#: "median", "mean" or "average" opening the words that lead to a percentage, with no number, comma or bracket between:
#: "the median percentage of days with diarrhea was 2.3%", "median score on the checklist was 75%", "a median of 3%",
#: "median (IQR) 34%"; not a time to a share ("The median time to 50% recovery"), nor a list ("median OS, were 4.4%").
_MEDIAN_NAMES_VALUE = quick(r"(?<!\babove the )(?<!\bbelow the )(?<!\babove )(?<!\bbelow )\b(?P<s>median|mean|average)\b"
                            r"(?P<words>(?:\s+(?!(?:time|follow|age|duration|number|and|or|vs|versus)\b)[A-Za-z][\w/-]*){0,8}?)\s*(?:\((?:IQR|range|interquartile range)\)\s*)?"
                            r"(?:\b(?:was|were|of|reached|is)\s+(?:only\s+|about\s+|approximately\s+)?|[:=]\s*)?[-−–]?\s*$", re.IGNORECASE)


def _statistic_names_value(text: str, owner: Mention, start: int, end: int) -> str | None:
    """ "median" or "mean" when the text names the percentage at ``start`` one: the word printed right before it
    ("(median (IQR) 34 %", "by a mean of 5.8 %"), or opening words that hold the outcome's name ("median percentage of
    days with diarrhea was 2.3%", "the average HCT of drainage is 18.04%"; not "The objective response rate and median OS
    were 44%"); not a change told of the mean ("the mean liver volume decreased 2.9%", "the average pain score was 64%
    lower"): that is a difference."""
    said = _MEDIAN_NAMES_VALUE.search(text, max(0, start - 100), start)
    if said is None or (said.group("words") and said.start() >= owner.end) or _TOLD_CHANGE_END.search(said.group("words")) \
            or _BY_HOW_MUCH_AFTER.match(text, end):
        return None
    return "median" if said.group("s").lower() == "median" else "mean"


_TOLD_CHANGE_END = quick(r"\b(?:increased|decreased|reduced|declined|fell|rose|dropped|improved|changed)$", re.IGNORECASE)


_OTHER_MEASURE = quick(r"\d\s*(?:points?|months?|days?|weeks?|years?|mg|kg|g|ml|cm|mm)\b", re.IGNORECASE)
_CHANGE_AFTER = quick(r"\b(?:increas|decreas|chang|from baseline|reduc|improv)", re.IGNORECASE)


_DRAFT_BY_KIND = {"plain": _plain_draft, "diff": _difference_draft, "time": _time_draft, "nr": _not_reached_draft, "pct": _percent_draft}


def _complete_timepoint(draft: Draft, text: str, owner: Mention, end: int) -> None:
    """A time-to-event rate always has its landmark: from the endpoint's words, else after the value."""
    if draft.measure != "rate_at_time" or draft.timepoint is not None:
        return
    draft.timepoint = _mention_timepoint(text, owner)
    later = _VALUE_TIMEPOINT.match(text, end) if draft.timepoint is None else None
    if later:
        draft.timepoint = _timepoint(later.group("n"), later.group("u"))


def _name_draft(draft: Draft, text: str, owner: Mention, start: int) -> None:
    """Name an adverse event after the event listed before its value ("neutropenia (12%)"), an outcome as written."""
    canonical = owner.canonical
    if canonical.startswith(("AE", "TRAE")) or canonical in {"SAE", "IRAE"}:
        item = _LIST_ITEM.search(text[owner.end: start])
        if item and owner.end < start - len(item.group(0)) + 2 and not _NOT_EVENT_NAME.search(item.group("n")):
            draft.name = item.group("n").strip()
        elif _names_event(owner.text) or owner.measure == "category":  # "a cholinergic syndrome was detected in nine (19%)"
            draft.name = owner.text.strip()
    elif canonical == "OTHER":
        draft.name = owner.text.strip()
    elif owner.measure == "delivery":  # "relative dose intensity"; "a median of [6 cycles]" names the cycles
        draft.name = "number of cycles" if _STATISTIC_SAID.match(owner.text) else owner.text.strip()


def _names_event(words: str) -> bool:
    """The words of an AE mention name an event ("grade 3 neutropenia", "grade 3 or 4 weight changes")."""
    return named_event(words) is not None or GRADED_EVENT.fullmatch(words) is not None


def _count_draft(sentence: Sentence, owner: Mention, kind: str, value: float | None,
                 start: int, end: int) -> Draft | None:
    text = sentence.text
    canonical = owner.canonical
    if kind == "count_before" and owner.start < end:
        return None
    if canonical in TIME_TO_EVENT and owner.measure not in _EVENTS_COUNTED and owner.measure != "category":
        # "disease-free survival events were seen in 517 of 2073 patients"
        if not (owner.end <= start and re.search(r"\bevents?\b", text[owner.end: start])):
            return None
    elif canonical not in _COUNTABLE and owner.measure not in {*_EVENTS_COUNTED, "category"} and not (_counts_responses(owner) and "%" not in text):
        return None  # "Nine CR and 27 PR were obtained (RR = 32%)": the rate's numerators, not results of their own
    if owner.measure == "deaths" and _AFTER_SURGERY.search(text):
        canonical = "AE"  # "after surgery we recorded two deaths": complications, not survival
    draft = Draft(canonical, "count", value, "patients", start, end, sentence, owner)
    fraction = re.match(rf"(?P<num>\d+|{WORD_NUMBER})\s*(?:of|/|out of)\s*(?:the\s+)?(?P<den>\d+)", text[start:end], re.I)
    if fraction:
        _set_counts(draft, fraction.group("num"), fraction.group("den"))
    if (_is_ae(canonical) and _names_event(owner.text)) or owner.measure == "category":
        draft.name = owner.text.strip()
    return draft


_LIST_ITEM = quick(
    r"(?:,|\band\b|\bwere\b|\bwas\b|:|\bincluded?\b|\bincluding\b)\s*(?P<n>[A-Za-z][\w /–-]{2,40}?)"
    r"(?:\s*[(\[]\s*(?:\d+\s*[\[(]\s*)?|\s+)$"
)


_NOT_EVENT_NAME = quick(
    r"\d|^\s*and\b|\b(?:patients?|reported|observed|occurred|experienc\w*|similar|higher|lower|more|less|common|frequent|rare|uncommon|mild|"
    r"by|in|of|were|was|had|respectively|groups?|arms?|cohorts?)\b",
    re.IGNORECASE,
)


_NAMED_AFTER = quick(rf"\)?\s*(?:\([^()]{{1,12}}\)\s*)?(?:for|of)\s+(?:the\s+)?(?={_SURVIVAL_ABBREVIATION}|\w+[- ]\w*\s*survival)",
                          re.IGNORECASE)


#: A time to an event the vocabulary has no endpoint for, right before a bracketed ratio: "time to first SRE (HR=".
_UNLISTED_TIME_TO = quick(r"\btimes? to (?:first |initial )?[A-Za-z][\w-]*(?: [A-Za-z][\w-]*){0,2}\s*[(\[]\s*$", re.IGNORECASE)


#: A bracket opened right after events or effects of some kind: "a decrease in disease events (progression, second
#: relapse, disease-related deaths; HR 0.56", "adverse treatment effects (treatment death, second malignancy; HR 0.52".
_EVENTS_BRACKET = quick(r"\b(?P<w>[a-z][\w-]*\s+(?:events|effects))\s*\([^()]{0,100}$", re.IGNORECASE)


def _in_events_bracket(text: str, at: int) -> bool:
    """A ratio at ``at`` stands in the bracket of events the vocabulary has no endpoint for (not "DFS events (HR",
    "side effects (RR")."""
    bracket = _EVENTS_BRACKET.search(text, max(0, at - 130), at)
    return bracket is not None and not find_mentions(bracket.group("w"))


#: A time to an event the vocabulary has no endpoint for, anywhere before a ratio: "Time to pain … (HR=0.61".
_UNLISTED_TIME_TO_IN = quick(r"\btimes? to (?:first |initial )?[A-Za-z]", re.IGNORECASE)


_PROGRESSION_OR_DEATH = quick(r"risk of (?:disease )?progression or death|progression or death", re.IGNORECASE)
_RISK_OF_DEATH = quick(r"risk of death", re.IGNORECASE)


def _comparative_endpoint(text: str, owner: Mention) -> str | None:
    """Which outcome a hazard/odds ratio is about: the survival endpoint named nearest to it."""
    window_after = owner.text[-25:] + " " + text[owner.end: owner.end + 60]
    candidates = [m for m in find_mentions(text) if m.canonical in TIME_TO_EVENT | {"ORR", "PCR", "OTHER", "QOL"}]
    for word, endpoint in (("death", "OS"), ("progression", "PFS"), ("recurrence", "RFS"), ("relapse", "RFS")):
        if re.search(rf"\bfor {word}|of {word}", window_after, re.IGNORECASE):
            if endpoint == "RFS":  # "disease-free survival … (HR for recurrence 0.58)": the survival named
                return next((m.canonical for m in reversed(candidates) if m.end <= owner.start
                             and m.canonical in {"DFS", "RFS", "EFS"}), endpoint)
            return endpoint
    named = _NAMED_AFTER.match(text, owner.end)  # "hazard ratio (HR) for OS was 0.93"
    if named:
        return next((m.canonical for m in candidates if m.start == named.end()), None) or \
            next((m.canonical for m in candidates if m.start >= owner.end), None)
    if _UNLISTED_TIME_TO.search(text, max(0, owner.start - 60), owner.start) and not any(
            owner.start - 60 <= m.start and m.end <= owner.start for m in candidates):
        return "OTHER"  # "nor time to first SRE (HR=0.82)": not the endpoint named before it
    if _in_events_bracket(text, owner.start):
        return "OTHER"
    before = [m for m in candidates if m.end <= owner.start]
    if before:
        return before[-1].canonical
    if _UNLISTED_TIME_TO_IN.search(text, 0, owner.start):
        return "OTHER"  # "Time to pain and time to analgesic use were delayed (HR=0.61 …)": not the survival named earlier
    if kind_by_words(text[: owner.start], _OUTCOME_KINDS) == "QOL":
        return "QOL"  # "Docetaxel improved overall disease-related symptoms (odds ratio, 1.86": a symptom outcome's
    after = [m for m in candidates if m.start >= owner.end]
    if after:
        return after[0].canonical
    if _PROGRESSION_OR_DEATH.search(text):
        return "PFS"
    if _RISK_OF_DEATH.search(text):
        return "OS"
    return None


def _attach_details(draft: Draft, text: str, limit: int, ci_level_default: float | None) -> None:
    window = text[draft.end: limit]
    if _prints_money(window):  # "95% CI: -$2,605, -$586": an interval of sums of money
        window = _CURRENCY.sub("", window)
    ci = _CI_RE.search_part(window, text)
    if ci and ci.start() < 40:
        _set_ci(draft, ci.group("lo"), ci.group("hi"), ci.group("lvl") or ci_level_default)
    else:
        bare = _BARE_RANGE.match(window) or _BARE_RANGE.match(_WORDS_BEFORE_BRACKET.sub("", window))
        if bare and not _RANGE_BRACKET.match(window):
            _set_ci(draft, bare.group("lo"), bare.group("hi"), ci_level_default)
        elif draft.measure in {"hazard_ratio", "odds_ratio", "risk_ratio"}:
            comma = re.match(rf"^\s*[,;(\[]\s*(?P<lo>{NUM})\s*(?:[-–—]|to)\s*(?P<hi>{NUM})", window)
            if comma:
                _set_ci(draft, comma.group("lo"), comma.group("hi"), ci_level_default)
    if draft.unit == "percent":
        # "(95% CI 30.2–66.9; 15 out of 31)": look for the counts past the interval.
        frac = _FRACTION_AFTER.match(window) or (
            _FRACTION_AFTER.match(window[ci.end():].lstrip(" ;,")) if ci and ci.start() < 40 else None
        )
        if frac and not re.search(r"grade|phase|stage", window[: frac.start("num")], re.IGNORECASE):
            _set_counts(draft, frac.group("num"), frac.group("den"))
        else:
            before = draft.sentence.text[max(0, draft.pos - 40): draft.pos]
            count = _COUNT_BEFORE.search(before)
            if count and not re.search(r"grade\s*$|phase\s*$", before[: count.start("num")], re.IGNORECASE):
                _set_counts(draft, count.group("num"), count.group("den"))
                if draft.denominator is None:
                    tail = re.match(r"^\s*[\])]\s*(?:of|out of)\s*(?P<den>\d+)", window)
                    if tail:
                        draft.denominator = int(tail.group("den"))
    p = _P_RE.search(window)
    if p and p.start() < 60 and not _VERSUS.search(window[: p.start()]):
        draft.p_value = _parse_p(p.group("p"))
        draft.p_relation = {"&lt;": "<", "&gt;": ">", "≤": "<", "≥": ">"}.get(p.group("rel"), p.group("rel"))


#: A currency right before a number (``_CURRENCY_SIGN``).
_CURRENCY = quick(rf"{_CURRENCY_SIGN}(?=[-−]?\d)")
#: A few words between a value and the bracket of its range: "(…) months (3.8–14.0)".
_WORDS_BEFORE_BRACKET = quick(r"^[^\[(;]{0,25}?(?=[\[(])")
_RANGE_BRACKET = quick(r"^\s*[\[(]\s*range", re.IGNORECASE)


def _set_ci(draft: Draft, lo: str, hi: str, level: float | str | None) -> None:
    try:
        low = parse_number(lo)
    except ValueError:
        return
    high: float | None
    try:
        high = parse_number(hi)
    except ValueError:
        high = None  # not estimable / not reached
    if draft.value is not None and not (low <= draft.value + 1e-9 and (high is None or draft.value <= high + 1e-9)):
        return  # a range that does not bracket the value is not its CI
    draft.ci_low, draft.ci_high = low, high
    draft.ci_level = float(parse_number(str(level))) if level is not None else None


def _set_counts(draft: Draft, num: str, den: str | None) -> None:
    n = word_to_int(num)
    d = int(den) if den else None
    if n is None or (d is not None and (d == 0 or n > d)):
        return
    if d is not None and draft.value is not None and abs(100 * n / d - draft.value) > 1.5:
        return  # the fraction is not the one the percentage was computed from
    draft.numerator, draft.denominator = n, d


def _fill_units_for_not_reached(drafts: list[Draft]) -> None:
    for d in drafts:
        if d.not_reached:
            sibling = next((o.unit for o in drafts if o.unit and o.endpoint == d.endpoint and o.measure == "median"), None)
            d.unit = sibling or next((o.unit for o in drafts if o.unit in {"months", "weeks", "years"}), "months")


def _medians_in_runs(drafts: list[Draft]) -> None:
    """The percentages printed after a median percentage of the same outcome are its other arms' medians: "median
    percentage of days with diarrhea was 2.3% for 49 children allocated to A; 2.5% in 47 children allocated to B"."""
    for a, b in pairwise(drafts):
        if a.measure == "median" and a.unit == b.unit == "percent" and b.measure == "proportion" and a.mention is b.mention \
                and b.pos - a.end < 100:
            b.measure = "median"


def _differences_in_pairs(drafts: list[Draft], text: str) -> None:
    """The second value of a "versus" pair is of the same kind as the first: "(+5.05 ± 1.4% for the zoledronic acid
    group versus −0.48 ± 1.4% for the placebo group)" are two changes; a change printed with a minus sign is negative."""
    for a, b in pairwise(drafts):
        gap = text[a.end: b.pos]
        if a.measure == "difference" and b.measure in {"proportion", "mean"} and a.mention is b.mention \
                and a.unit == b.unit and len(gap) < 60 and _VERSUS.search(gap) and not _DIGIT.search(gap):
            b.measure = "difference"
    for d in drafts:
        if d.measure == "difference" and d.value and d.value > 0 and re.search(r"(?<![\d.·])\s?−$", text[max(0, d.pos - 3): d.pos]):
            d.value = -d.value


def _attach_p_values(drafts: list[Draft], text: str) -> None:
    """A p-value after a "versus" pair goes on both values; on a comparison it stays there."""
    for i in range(len(drafts) - 1):
        a, b = drafts[i], drafts[i + 1]
        if a.mention is not b.mention or not _VERSUS.search(text[a.end: b.pos]) or a.measure != b.measure:
            continue
        if b.p_value is not None and a.p_value is None:
            a.p_value, a.p_relation = b.p_value, b.p_relation
        if len(text[a.end: b.pos]) < 15:
            b.name = a.name  # "ischemic stroke 0 vs. 2%": the second number is of the same event


@dataclass
class _ArmScene:
    """What the arm rules of one sentence look at."""

    text: str
    drafts: list[Draft]  # all of the sentence's results (rules may add a twin)
    arm_level: list[Draft]  # those that belong to an arm (not comparisons)
    mentions: list[tuple[int, int, str]]  # (start, end, arm label) of each arm named
    ordered: list[str]  # arm labels in the order the sentence names them
    labels_all: list[str]  # the trial's arms, in order
    added_arm: str | None
    respectively: bool  # the sentence says "respectively" (or "accordingly")
    named_order: list[str]  # arm labels in the order named, those named as groups inside an outcome's words too

    def by_mention(self) -> list[list[Draft]]:
        groups: dict[int, list[Draft]] = {}
        for d in self.arm_level:
            groups.setdefault(id(d.mention), []).append(d)
        return list(groups.values())


def _assign_arms(drafts: list[Draft], text: str, arms: ArmFinder, labels_all: list[str],
                 added_arm: str | None = None, everywhere: ArmFinder | None = None) -> None:
    """Name each result's arm by the rules in ``_ARM_RULES``, in order; a rule names only arms still unnamed."""
    mentions = _with_elided_heads(text, _in_reading_order(text, arms(text)), labels_all)
    mentions = _with_label_words_after_values(text, _with_words_after_paired_values(text, mentions, labels_all), labels_all)
    if not mentions and len(labels_all) < 2:
        return
    arm_level = [d for d in drafts if d.measure not in _BETWEEN_ARMS and not _in_arm_name(d, text, mentions)]
    ordered = distinct([label for *_, label in mentions])
    if everywhere and len(ordered) < 2:
        named = _named_order(text, mentions, _with_elided_heads(text, _in_reading_order(text, everywhere(text)), labels_all))
    else:
        named = ordered
    scene = _ArmScene(text, drafts, arm_level, mentions, ordered, labels_all, added_arm,
                      _RESPECTIVELY.search(text) is not None, named)
    for rule in _ARM_RULES:
        rule(scene)


def _in_reading_order(text: str, mentions: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """``mentions`` with the arms one span names in a list ("in group RO, ST, DL and SL": four arms at one span, in
    the order of their labels) put in the order the span prints them (RO, ST, DL, SL)."""
    if len(mentions) < 2 or all(a[:2] != b[:2] for a, b in pairwise(mentions)):
        return mentions
    return sorted(mentions, key=lambda m: (m[0], m[1], _printed_at(text[m[0]: m[1]], m[2])))


def _with_elided_heads(text: str, mentions: list[tuple[int, int, str]], labels: list[str]) -> list[tuple[int, int, str]]:
    """``mentions`` and the arms named by their own word only, before an arm whose last words they share ("for the
    immediate and delayed treatment groups": immediate treatment; "for subcutaneous versus vaginal progesterone":
    aqueous subcutaneous progesterone), when the sentence names them nowhere else."""
    named = {label for *_, label in mentions}
    added = []
    for start, end, label in mentions:
        before = _HEAD_BEFORE.search(text, max(0, start - 40), start)
        other = _elided_label(before.group("head"), text[start:end], label, [x for x in labels if x not in named]) if before else None
        if before is not None and other is not None:
            added.append((before.start("head"), before.end("head"), other))
            named.add(other)
    return sorted([*mentions, *added]) if added else mentions


#: A word, then "and", "or" or "versus" right before an arm's name: "immediate and ", "subcutaneous versus ".
_HEAD_BEFORE = quick(rf"(?<![\w-])(?P<head>[A-Za-z][\w-]+)\s+(?:and|or|{VERSUS}|compared (?:with|to))\s+(?:the\s+)?$", re.IGNORECASE)


def _elided_label(head: str, printed: str, label: str, unnamed: list[str]) -> str | None:
    """The one unnamed arm whose label ends in ``head`` then the last words of the named arm's ``label`` that its
    ``printed`` name ends in ("immediate" + "treatment" of "delayed treatment groups")."""
    words = label.lower().split()
    tail = words[1:] if len(words) > 1 and printed.lower().startswith(words[0]) else []
    fits = [x for x in unnamed if tail and x.lower().split()[-len(tail) - 1:] == [head.lower(), *tail]]
    return fits[0] if len(fits) == 1 else None


def _with_words_after_paired_values(text: str, mentions: list[tuple[int, int, str]], labels: list[str]) -> list[tuple[int, int, str]]:
    """``mentions`` and the arms a pair of values names by one word of each label right after each value ("(56.4%
    subcutaneous versus 59.0% vaginal; 95% CI …)", labels "aqueous subcutaneous progesterone", "vaginal progesterone")."""
    if len(labels) < 2 or not _VERSUS_WORD.search(text):
        return mentions
    added = []
    for m in _VALUE_WORD_PAIR.finditer(text):
        firsts, seconds = _labels_with_word(m.group("w1"), labels), _labels_with_word(m.group("w2"), labels)
        if len(firsts) == len(seconds) == 1 and firsts != seconds \
                and not any(m.start() <= start < m.end() for start, *_ in mentions):
            added += [(m.start("w1"), m.end("w1"), firsts[0]), (m.start("w2"), m.end("w2"), seconds[0])]
    return sorted([*mentions, *added]) if added else mentions


#: "56.4% subcutaneous versus 59.0% vaginal": each value of a pair followed by one word.
_VALUE_WORD_PAIR = quick(rf"(?<![\w.])\d+(?:\.\d+)?\s*%?\s+(?P<w1>[A-Za-z][\w-]+)\s+{VERSUS}\s+\d+(?:\.\d+)?\s*%?\s+(?P<w2>[A-Za-z][\w-]+)")


def _with_label_words_after_values(text: str, mentions: list[tuple[int, int, str]], labels: list[str]) -> list[tuple[int, int, str]]:
    """``mentions`` and an arm the finder missed, named after a value by a word only its label holds ("39.1 months
    compared with 35.2 months for 80 µM trabedersen and 21.7 months for chemotherapy", label "standard chemotherapy")."""
    if len(labels) < 2:
        return mentions
    named = {label for *_, label in mentions}
    added = []
    for m in _FOR_A_WORD_AFTER_VALUE.finditer(text):
        fits = [x for x in _labels_with_word(m.group("w"), labels) if x not in named]
        if len(fits) == 1 and len(_labels_with_word(m.group("w"), labels)) == 1 and not _GENERIC_ARM_WORD.fullmatch(m.group("w")) \
                and not any(s <= m.start("w") < e for s, e, _ in mentions):
            added.append((m.start("w"), m.end("w"), fits[0]))
            named.add(fits[0])
    return sorted([*mentions, *added]) if added else mentions


#: A value, its unit, then "for", "with" or "in" and one word ending the phrase: "21.7 months for chemotherapy (".
_FOR_A_WORD_AFTER_VALUE = quick(r"\d\s*(?:%|months?|weeks?|days?|years?)?\s+(?:for|with|in)\s+(?:the\s+)?(?P<w>[A-Za-z][\w]{3,})(?![\w-])"
                                r"(?=\s*(?:[,;)(]|\.(?!\d)|$|\s(?:and|or|vs\.?|versus|group|arm)\b))", re.IGNORECASE)
_GENERIC_ARM_WORD = quick(r"alone|therapy|treatment|group|arm|dose|doses|plus|with|patients|control|standard|high|low|oral|daily|"
                          r"weekly|intravenous|combination", re.IGNORECASE)


def _labels_with_word(word: str, labels: list[str]) -> list[str]:
    """The labels that hold ``word`` as one of their words."""
    return [x for x in labels if word.lower() in x.lower().split()]


def _printed_at(span: str, label: str) -> int:
    """Where, in a span naming several arms, ``label``'s own last word is printed (the span's length if nowhere)."""
    found = re.search(rf"(?<![\w-]){re.escape(label.split()[-1])}(?![\w-])", span, re.IGNORECASE)
    return found.start() if found else len(span)


def _named_order(text: str, outside: list[tuple[int, int, str]], found: list[tuple[int, int, str]]) -> list[str]:
    """The arms in the order the sentence names them, those named as groups inside an outcome's own words too ("The
    incidence of RBC transfusion for placebo and epoetin treatment arms was 39.6% and 25.3%, respectively", "From
    the misoprostol group more neonates were admitted …, than from the dinoprostone group (13.5% vs. 4.8%)"); not an
    arm's word in an outcome's name ("disease control rate")."""
    kept = [a for i, a in enumerate(found) if a in outside or _named_as_a_group(text, found, _listed_arms_around(text, found, i))]
    return distinct([label for *_, label in kept])


def _named_as_a_group(text: str, found: list[tuple[int, int, str]], around: tuple[int, int]) -> bool:
    """Whether an arm's name, or the list it is in, is named as the groups a finding is in: the group word in or after
    the last name ("misoprostol group", "placebo and epoetin treatment arms"), and before the first a preposition
    ("from the", "for") or, for a list, the sentence's opening ("The Aquamin and Glucosamine groups walked …"); not the
    subject of one clause ("OPC group had shorter hospital stay …, IP were more likely …")."""
    (start, *_), (_, end, _) = found[around[0]], found[around[1]]
    if _ENDS_IN_GROUP.search(text, start, end) is None and _NAMED_GROUP_AFTER.match(text, end) is None:
        return False
    return _GROUP_PREPOSITION.search(text, max(0, start - 20), start) is not None \
        or (around[0] < around[1] and _SENTENCE_OPENS.fullmatch(text, 0, start) is not None)


_GROUP_PREPOSITION = quick(r"\b(?:in|for|among|within|with|of|from|between)\s+(?:the\s+)?$", re.IGNORECASE)
_SENTENCE_OPENS = quick(r"\W*(?:the\s+)?", re.IGNORECASE)


#: After an arm (or a list of arms): its group word, perhaps after one more word ("epoetin treatment arms").
_NAMED_GROUP_AFTER = quick(r"[\s-]*(?:(?:treatment|study|therapy|intervention)\s+)?(?:groups?|arms?|cohorts?)\b", re.IGNORECASE)


def _order_of_pairs(scene: _ArmScene) -> list[str]:
    """The arms named in the order values are paired with them: those named outside the outcomes' words, else, when
    fewer than two are, all those named as groups (``_named_order``)."""
    return scene.ordered if len(scene.ordered) >= 2 or len(scene.named_order) < 2 else scene.named_order


def _in_arm_name(draft: Draft, text: str, mentions: list[tuple[int, int, str]]) -> bool:
    """Whether the number is part of an arm's name (the "1" of "group 1"): no value of that arm or another."""
    return any(start <= draft.pos < end and text[draft.pos: draft.end] in label for start, end, label in mentions)


def _respectively_lists(scene: _ArmScene) -> None:
    """ "…, respectively", or a sentence opening on an arm list ("In cohorts 1A and 1B, ..."): the values
    of one endpoint go, in order, to the arms listed (or, with no list, to the trial's arms in order)."""
    respectively = scene.respectively
    leading = bool(scene.mentions) and scene.mentions[0][0] < 25 and len(scene.ordered) >= 2
    listed = _respective_arms(scene, respectively)
    if not listed or not (leading or respectively):
        return
    for group in _value_groups(scene):
        if len(group) == len(listed) and not any(d.arm for d in group):
            for d, label in zip(group, listed, strict=True):
                d.arm = label


def _slash_listed_arms(scene: _ArmScene) -> None:
    """ "in 20%/60%/100% of pts in Arms A/B/C", "GE/G … neutropenia (18.3%/28.2%)": a slash-joined run of values goes,
    in order, to the arms the sentence joins by slashes, when there are as many of each."""
    if "/" not in scene.text:
        return
    listed = _slash_joined_arms(scene)
    if len(listed) < 2:
        return
    for run in _SLASH_RUN.finditer(scene.text):
        inside = [d for d in scene.arm_level if run.start("run") <= d.pos < run.end("run")]
        if len(inside) == len(listed) and not any(d.arm for d in inside):
            for d, label in zip(sorted(inside, key=lambda d: d.pos), listed, strict=True):
                d.arm = label


#: "Arms A/B/C", "groups 1/2": a word for arms, then their short names joined by slashes.
_SLASH_ARM_NAMES = quick(r"\b(?:arms?|groups?|cohorts?)\s+(?P<list>[A-Z0-9]{1,3}(?:\s?/\s?[A-Z0-9]{1,3})+)\b", re.IGNORECASE)


def _slash_joined_arms(scene: _ArmScene) -> list[str]:
    """The arms a sentence joins by slashes ("GE/G", "Arms A/B/C"), in order; none when it joins none."""
    chain: list[str] = []
    for (_, end, label), (start, _, nxt) in pairwise(scene.mentions):
        if scene.text[end:start].strip() == "/" and label != nxt:
            chain = chain or [label]
            chain.append(nxt)
        elif chain:
            break
    m = _SLASH_ARM_NAMES.search(scene.text) if not chain else None
    if m is None:
        return chain
    by_name = {label.split()[-1].lower(): label for label in scene.labels_all if label}
    named = [by_name.get(name.strip().lower()) for name in m.group("list").split("/")]
    return [label for label in named if label] if all(named) else []


def _partly_known_list(scene: _ArmScene) -> None:
    """ "62.5%, 25% and 60% … in the 120 mg, 240 mg and placebo group, respectively": a list of three or more
    groups the values follow in order, only some of them known arms; each known arm gets its place's value, and the
    values of groups no arm is known for are left out of the other arm rules (no arm rather than another's)."""
    m = _LISTED_GROUPS.search(scene.text) if scene.respectively and scene.mentions else None
    if m is None:
        return
    starts = [m.start("list"), *(m.start("list") + x.end() for x in _LIST_SEPARATOR.finditer(m.group("list")))]
    inside = [(bisect_right(starts, start) - 1, bisect_right(starts, end - 1) - 1, label)
              for start, end, label in scene.mentions if m.start("list") <= start < m.end("list")]
    places = {place: label for place, last, label in inside if place == last}  # not "arms A, B, and C", one name over the list
    if len(starts) < 3 or not places or len(places) == len(starts) or len(places) < len(inside):
        return
    for group in _value_groups(scene):
        if len(group) == len(starts) and (group[-1].end <= m.start() or group[0].pos >= m.end()) \
                and not any(d.arm for d in group) and _one_run(scene.text, group):
            for i, d in enumerate(group):
                d.arm = places.get(i)
            scene.arm_level = [d for d in scene.arm_level if d.arm or d not in group]
            return


def _one_run(text: str, group: list[Draft]) -> bool:
    """Whether the values are one run, no other number between them ("21 (70%), 2 (6.7%) and 1 (3.3%)", "12 (50.0%) and
    20 patients (83.3%)", "54% (P = 0.9) and 37%" are; not "(29 vs. 20 vs. 23 percent and 17 vs. 10 vs. 13 percent)" when
    only 20, 23 and 13 were read)."""
    return not any(_DIGIT.search(_COUNT_BEFORE_BRACKET.sub("", _P_IN_BRACKETS.sub("", text[a.end: b.pos]))) for a, b in pairwise(group))


_COUNT_BEFORE_BRACKET = quick(r"\d+(?:\s+(?:patients|participants|subjects|cases))?\s*[(\[]")  # "and 20 patients (83.3%)"
_P_IN_BRACKETS = quick(r"[(\[]\s*p\s*[=<>≤≥]\s*[\d.·]+\s*[)\]]", re.IGNORECASE)  # "(P = 0.9)"
#: "in the 120 mg, 240 mg and placebo group, respectively": a list of groups right before "respectively", or one that
#: names its kind before the values ("for the 120 mg, 240 mg and placebo groups were 10.1, 9.8 and 7.2 months, respectively").
_LISTED_GROUPS = quick(r"\b(?:in|for|among|with)\s+(?:the\s+)?(?P<list>[^,;()]{1,30}(?:,\s*[^,;()]{1,30}?)+,?\s+and\s+"
                       r"[^,;()]{1,30}?)(?:\s*(?:groups?|arms?|cohorts?)?,?\s+respectively\b|\s+(?:groups|arms|cohorts)\b)", re.IGNORECASE)
_LIST_SEPARATOR = quick(r",\s*(?:and\s+)?|\s+and\s+")


def _respective_arms(scene: _ArmScene, respectively: bool) -> list[str]:
    """The arms values go to in order: those the sentence lists, else (with "respectively") the trial's, unless
    the sentence lists times for its values ("the 1-, 3- and 5-year OS rates were 90%, 70% and 50%, respectively")."""
    ordered = _order_of_pairs(scene)
    if len(ordered) >= 2:
        return _comparator_last(ordered, scene)
    if not respectively or scene.ordered or _listed_times(scene.text) or _about_other_groups(scene) or _lists_other_items(scene):
        return []
    return scene.labels_all


def _lists_other_items(scene: _ArmScene) -> bool:
    """Whether a sentence that names no arm lists, next to its values, the items they go to "respectively": outcomes
    before them ("Overall and major complications occurred in 74% and 24% of the cases, respectively"), or times or
    groups after them ("-0.13 and -0.14 in 3 and 6 months, respectively"); not a list of arms or groups ("in the
    120 mg and 240 mg groups"), which names the trial's arms in its own words."""
    if not scene.arm_level:
        return False
    first, last = scene.arm_level[0].pos, scene.arm_level[-1].end
    clause = max(scene.text.rfind(";", 0, first), scene.text.rfind(":", 0, first), scene.text.rfind("(", 0, first))
    said = _RESPECTIVELY.search(scene.text, last)
    after = _BRACKETS.sub("", scene.text[last: said.start()]) if said else ""
    lists = [(scene.text, _ITEM_LIST.search(scene.text, clause + 1, first)), (after, _ITEM_LIST_AFTER.search(after))]
    return any(m is not None and not _GROUP_NOUN.search(within, max(0, m.start() - 25), m.end() + 20)
               and not _names_arm_labels(m.group(), scene.labels_all) for within, m in lists)


def _names_arm_labels(words: str, labels: list[str]) -> bool:
    """Whether a list names one of the trial's arms by its label ("The eradication rates of S10 and T14 …")."""
    found = {w.lower() for w in re.findall(r"[\w-]+", words)}
    return any(label.lower() in found for label in labels)


#: Two items or more joined by "and" ("Complete and partial response rates", "grade 3, 4 and 5 events").
_ITEM_LIST = quick(r"\b[\w-]+(?:,\s*[\w-]+)*,?\s+and\s+[\w-]+", re.IGNORECASE)
#: After a run of values, before "respectively": "in 3 and 6 months", "in men and women".
_ITEM_LIST_AFTER = quick(r"^[^;]*?\b(?:in|at|after|for|among|of)\s+[^;]{0,40}?\band\b", re.IGNORECASE)
_GROUP_NOUN = quick(r"\b(?:arms?|groups?|cohorts?|regimens?|both|between|receiving|treated|given|randomi[sz]ed)\b", re.IGNORECASE)


def _about_other_groups(scene: _ArmScene) -> bool:
    """Whether the sentence's values are of groups that are no arms: no arm named, and the sentence speaks of all
    patients ("55.9% and 85.3% respectively for all patients") or contrasts subgroups ("better for responders than
    for non-responders (medians 87 and 30 weeks)", "patients with high miR-21 … compared to patients with low");
    or, an arm named, it contrasts groups within it ("men versus women receiving HAI (37% and 15%, respectively)")."""
    if scene.ordered:
        return len(scene.ordered) == 1 and (_CONTRASTED_GROUPS.search(scene.text) is not None or _high_and_low_groups(scene.text))
    if not scene.arm_level:
        return False
    end = scene.arm_level[-1].end
    stop = scene.text.find(". ", end)
    near = (max(0, scene.arm_level[0].pos - 60), min(end + 40, stop if stop >= 0 else end + 40))  # "…, respectively for all patients"
    return any(pattern.search(scene.text) for pattern in (_CONTRASTED_GROUPS, _CONTRASTED_SUBGROUPS, _POSITIVE_AND_NEGATIVE)) \
        or _ALL_PATIENTS.search(scene.text, *near) is not None or _high_and_low_groups(scene.text)


def _high_and_low_groups(text: str) -> bool:
    """Whether the sentence contrasts people with a high and a low level of something, subgroups that are no arms
    ("28% in high IgA participants versus 12% in low IgA participants"; not "the high-dose and low-dose groups")."""
    if "high" not in text.lower():
        return False
    levels = {m.group(1).lower() for m in _LEVEL_GROUP.finditer(text)}
    return levels == {"high", "low"}


#: People named by a high or low level: "high IgA participants", "low-risk patients" (not a dose, an intensity or a group).
_LEVEL_GROUP = quick(r"\b(high|low)(?:er)?[- ](?!dose|intensity|frequency|volume|flow|fat|protein)[\w-]+(?:\s+[\w-]+)?\s+"
                     r"(?:participants|patients|subjects|individuals|persons|people|women|men|children|adults|infants)\b", re.IGNORECASE)


_GROUP_WORD = r"(?:(?:non-?)?responders|men|women|males?|females?|younger|older|elderly|[\w-]*(?:positive|negative))"
#: Two groups that are no arms, contrasted: "responders than for non-responders", "men versus women", "ER-positive vs negative".
_CONTRASTED_GROUPS = quick(rf"\b{_GROUP_WORD}(?:\s+(?:patients|tumou?rs|disease))?\s+(?:than|{VERSUS}|compared (?:with|to)|and)\s+"
                                rf"(?:(?:for|in|among|with)\s+)?(?:the\s+|those\s+)?{_GROUP_WORD}\b", re.IGNORECASE)
_POSITIVE_AND_NEGATIVE = quick(r"\b[\w-]+[- ]positive\b.{0,100}?\b[\w-]+[- ]negative\b|\b[\w-]+[- ]negative\b.{0,100}?\b[\w-]+[- ]positive\b",
                               re.IGNORECASE)  # "among PD-L1-positive patients was 40% versus 10% in PD-L1-negative patients"
_ALL_PATIENTS = quick(r"\b(?:for|in|among|of)\s+(?:all|the whole|the entire)\s+(?:the\s+)?(?:patients|population|cohort)\b"
                           r"|\b(?:overall|whole|entire|pooled) (?:population|cohort)\b", re.IGNORECASE)


def _value_groups(scene: _ArmScene) -> list[list[Draft]]:
    """The values of each endpoint mention, then of each endpoint and measure."""
    by_endpoint: dict[tuple[str, str], list[Draft]] = {}
    for d in scene.arm_level:
        by_endpoint.setdefault((d.endpoint, d.measure), []).append(d)
    return [*scene.by_mention(), *by_endpoint.values()]


def _respectively_in_runs(scene: _ArmScene) -> None:
    """Runs of values, one run per timepoint or event, listed "respectively" for the arms: "the 2- and 5-year
    rates were 68.5, 41.4 and 56.8, 26.2% in groups A and B, respectively" (A, B, A, B), "toxicities for NP and
    NIP, respectively, were: neutropenia (20.3% compared with 9%), anaemia (4.1% compared with 5%)"; but
    "ORR and DCR were 40% and 80% vs 30% and 60% in arms A and B, respectively": a run per arm."""
    listed = scene.ordered if scene.respectively else []  # the arms the sentence names, not the trial's
    k = len(listed)
    for group in _value_groups(scene) if k >= 2 else ():
        if len(group) < 2 * k or len(group) % k or any(d.arm for d in group) \
                or any(group[0].pos < start < group[-1].pos for start, *_ in scene.mentions) or _in_arm_bracket(scene, group):
            continue  # "88.9%, 44.4%, and 16.7% for the vaccine group, respectively, and 75.0%, …": each run names its arm
        runs = [group[i:i + k] for i in range(0, len(group), k)]
        between = [scene.text[a[-1].end: b[0].pos] for a, b in pairwise(runs)]
        within = [scene.text[a.end: b.pos] for run in runs for a, b in pairwise(run)]
        if len(runs) == k and all(_VERSUS.search(x) for x in between) and not any(_VERSUS.search(x) for x in within):
            for run, label in zip(runs, listed, strict=True):  # a run per arm
                for d in run:
                    d.arm = label
        else:
            for i, d in enumerate(group):
                d.arm = listed[i % k]


def _values_before_arm_list(scene: _ArmScene) -> None:
    """ "71.4% and 80.0% for arm A and B", "(67% v 47% for cetuximab v BSC …)": a value run right before an arm list."""
    for start, labels in _arm_lists(scene):
        tail = [d for d in scene.arm_level if d.end <= start and not d.arm][-len(labels):]
        if len(tail) == len(labels) and _RIGHT_BEFORE_ARM_LIST.fullmatch(_BRACKETS.sub("", scene.text[tail[-1].end:start])) \
                and all(t.mention.canonical == tail[0].mention.canonical for t in tail) \
                and not any(tail[0].pos < s < start for s, *_ in scene.mentions):  # not "4.6 months in E … for E compared with V"
            for d, label in zip(tail, labels, strict=True):
                d.arm = label


def _runs_before_their_arms(scene: _ArmScene) -> None:
    """ "45 and 30 minutes in the laser group, 60 and 50 minutes in the cautery group", "29%, 13%, and 1% respectively,
    in patients on placebo, and 41%, 21%, and 6% of patients on etanercept": runs of as many values (two or more),
    one run right before each arm the sentence names, are each of the arm after them."""
    if len(scene.ordered) < 2 or len(scene.mentions) != len(scene.ordered):
        return
    for group in (scene.arm_level, *_value_groups(scene)):
        runs = _runs_split_by_arms(scene, group)
        if runs is None:
            continue
        for run, (_, _, label) in zip(runs, scene.mentions, strict=True):
            for d in run:
                d.arm = label
        return


def _runs_split_by_arms(scene: _ArmScene, group: list[Draft]) -> list[list[Draft]] | None:
    """``group`` cut into the runs before each arm named, when every run holds as many values (two or more), joined
    with nothing else between them, close before their arm, none given another arm; else None."""
    bounds = [0, *(end for _, end, _ in scene.mentions)]
    runs = [[d for d in group if bounds[i] <= d.pos < start] for i, (start, _, _) in enumerate(scene.mentions)]
    if len(runs[0]) < 2 or any(len(run) != len(runs[0]) for run in runs) or sum(map(len, runs)) != len(group):
        return None
    for run, (start, _, label) in zip(runs, scene.mentions, strict=True):
        gap = _BRACKETS.sub("", scene.text[run[-1].end: start])
        if any(d.arm not in (None, label) for d in run) or not _one_run(scene.text, run) \
                or len(gap) > 60 or _DIGIT.search(gap) or _VERSUS.search(gap):
            return None
    return runs


def _bracketed_run_before_arm(scene: _ArmScene) -> None:
    """ "decreased on day 1 (39.7%, 37.4%, 27.7%, 51.8% respectively) in the open surgery group": a bracket that
    holds nothing but a run of values, right before an arm's name, is that arm's."""
    for start, _, label in scene.mentions:
        run = _bracketed_run_before(scene, start)
        if len(run) >= 2 and all(d.arm in (None, label) for d in run):
            for d in run:
                d.arm = label


def _run_then_bracketed_arm(scene: _ArmScene) -> None:
    """ "anemia, neutropenia and thrombocytopenia was 29, 44 and 22% (GE group), and 28, 49 and 23% (GP group),
    respectively": a run of values, joined by commas and "and", right before a bracket that holds only an arm's name,
    is that arm's (the "respectively" pairs the values with the outcomes listed, not with the arms)."""
    for start, end, label in scene.mentions:
        if not _ARM_BRACKET_OPEN.search(scene.text, max(0, start - 8), start) or not _ARM_BRACKET_CLOSE.match(scene.text, end):
            continue
        opened = scene.text.rfind("(", 0, start)
        before = [d for d in scene.arm_level if d.end <= opened]
        run = before[-1:] if before and _RUN_TAIL_TO_BRACKET.fullmatch(scene.text, before[-1].end, opened) else []
        while run and len(run) < len(before) and _RUN_JOIN.fullmatch(scene.text, before[-len(run) - 1].end, run[0].pos) \
                and not _VERSUS.search(scene.text, before[-len(run) - 1].end, run[0].pos):
            run = before[-len(run) - 1:]
        if len(run) >= 2 and all(d.arm in (None, label) for d in run):
            for d in run:
                d.arm = label


_ARM_BRACKET_OPEN = quick(r"\(\s*(?:the\s+)?$", re.IGNORECASE)
_ARM_BRACKET_CLOSE = quick(r"\s*(?:groups?|arms?)?\s*\)", re.IGNORECASE)
_RUN_TAIL_TO_BRACKET = quick(r"\s*(?:%|months?|weeks?|days?|years?)?\s*")


def _bracketed_run_before(scene: _ArmScene, start: int) -> list[Draft]:
    """The values of the bracket that closes right before ``start``, when it holds nothing but one run of them (not
    "(6.6 days vs. 9.2 days) in study arm": a pair)."""
    m = _BRACKET_BEFORE_ARM.search(scene.text, max(0, start - 30), start)
    opened = scene.text.rfind("(", 0, m.start()) if m else -1
    if m is None or opened < 0:
        return []
    run = [d for d in scene.arm_level if opened < d.pos < m.start()]
    if not run or not _one_run(scene.text, run) or scene.text[opened + 1: run[0].pos].strip() \
            or not _RUN_TAIL.fullmatch(scene.text, run[-1].end, m.start()) or _VERSUS.search(scene.text, opened, m.start()):
        return []
    return run


#: A closing bracket right before an arm's name: ") in the", ") for".
_BRACKET_BEFORE_ARM = quick(r"\)\s*,?\s*(?:(?:in|for|among|with|of)\s+)?(?:the\s+)?$", re.IGNORECASE)
#: What may follow the last value of a bracketed run: its unit and "respectively".
_RUN_TAIL = quick(r"\s*(?:%|[a-zA-Z/]+)?\s*,?\s*(?:respectively)?\s*", re.IGNORECASE)


def _respectively_as_before(scene: _ArmScene) -> None:
    """ "46% in the control group and prevalence of urinary leakage was 41%, 11%, and 3%, respectively": a run of
    values after the last arm named, said "respectively", goes to the arms of as many values right before that
    arm's name, in their order."""
    if not scene.respectively or not scene.mentions or _listed_times(scene.text):
        return
    last = scene.mentions[-1][0]
    for group in scene.by_mention():
        run = [d for d in group if d.pos > last]
        before = [d for d in scene.arm_level if d.end <= last][-len(run):] if run else []
        arms = [d.arm for d in before]
        said = _RESPECTIVELY.search(scene.text, run[-1].end) if len(run) >= 2 else None
        if said and said.start() - run[-1].end <= 40 and not any(d.arm for d in run) and _run_joined(scene.text, run) \
                and len(before) == len(run) and None not in arms and len(set(arms)) == len(arms):
            for d, arm in zip(run, arms, strict=True):
                d.arm = arm


#: Between a value run and the arm list after it: "for the", "months in"; not a clause ("differed … in the").
_RIGHT_BEFORE_ARM_LIST = quick(r"[^;]{0,25}?\b(?:for|in)\s+(?:the\s+)?", re.IGNORECASE)


def _in_arm_bracket(scene: _ArmScene, group: list[Draft]) -> bool:
    """Whether the values are all in the brackets right after an arm's name ("decreased in the ZA10 group (−64%, −37%,
    −46%, and −54%, respectively, compared with baseline)": a list of outcomes of that arm, for ``_arm_then_bracket``)."""
    for _, end, _ in scene.mentions:
        opening = _BRACKET_OF_VALUES.match(scene.text, end, end + 60)
        close = closing_bracket(scene.text, opening.end()) if opening else None
        if opening and close is not None and opening.end() <= group[0].pos and group[-1].end <= close \
                and not _VERSUS.search(scene.text, opening.end(), group[-1].end):
            return True  # not "compared with those in the EP arm (21% plus 55% versus 13% plus 48%, respectively)"
    return False


#: After an arm's name, a bracket that opens on a value: "(59%", "group (−64%", or on an outcome's short name and
#: a value ("with FOLFOX (median survival time, 9.9 months; 1-year survival rate, 38.9%)").
#: The short name may carry a range and end in a semicolon ("H-ARM (grade 0–3; 22.3%, 54.5%, 18.7% and 4.5%)"); the arm may
#: be named a regimen ("with the combined paclitaxel regimens (median survival time, 9.9 months; 1-year survival rate, 38.9%)");
#: the value may follow its statistic ("than the control group (mean 36 days)").
_BRACKET_OF_VALUES = quick(r"\s?(?:(?:group|arm|cohort|regimens?)\s?)?[(\[]\s*(?=(?:[A-Za-z][\w –-]{0,30}?[,:;=]\s*|(?:mean|median)\s+"
                           r"|(?:score|grade|level)\s+\d+\s+(?:in|of)\s+)?[+−-]?\s?\d)",
                           re.IGNORECASE)


def _arm_then_bracket(scene: _ArmScene) -> None:
    """Values in the brackets right after an arm's name: "patients taking AT (59%, with 10% CR, 49% PR)"."""
    for _, end, label in scene.mentions:
        opening = _BRACKET_OF_VALUES.match(scene.text, end, end + 60)  # the bracket opens on a value
        if opening is None:
            continue
        close = closing_bracket(scene.text, opening.end())
        inside = [d for d in scene.arm_level if end < d.pos and (close is None or d.end <= close)]
        last = inside[-1].pos if inside else end
        bound = close if close is not None else last
        if _VERSUS.search(scene.text[end:last]) or any(end < s < bound and other != label for s, _, other in scene.mentions):
            continue  # "with MA (17.1% v 7.6%)", "in the CYC group (15.6% in CYC and 3.5% in EC-MPS)"; not "(85%; p < .05 vs. control)"
        for d in inside:
            d.arm = d.arm or label


def _run_after_arm_equals(scene: _ArmScene) -> None:
    """ "(grade 0–3; H-ARM = 45.5%, 34%, 18.7% and 1.8% versus C-ARM = 47.6%, 35.2%, 17.2% and 0)": a run of values
    after an arm's name and "=" or ":", joined by commas and "and" only, is that arm's (not the next arm's, nor split
    into pairs by the "and")."""
    if "=" not in scene.text and ":" not in scene.text:
        return
    for _, end, label in scene.mentions:
        opening = _EQUALS_AFTER_ARM.match(scene.text, end)
        run = [d for d in scene.arm_level if opening and d.pos == opening.end()][:1]
        for d in scene.arm_level:
            if run and d.pos > run[-1].pos and _WITHIN_RUN.fullmatch(scene.text, run[-1].end, d.pos):
                run.append(d)
        if len(run) >= 2 and all(d.arm in (None, label) for d in run):
            for d in run:
                d.arm = label


def _colon_list_of_one_arm(scene: _ArmScene) -> None:
    """ "complications occurred in 25 (13.8%) patients from the C-mode group: pancreatitis in 7 (3.9%) and bleeding in 18
    (9.9%)": the values of a list after an arm's name and a colon, up to a semicolon or another arm, are that arm's,
    where neither the list nor the words before the arm set it against another ("A versus B arm: 12% vs 8%")."""
    if ":" not in scene.text:
        return
    for start, end, label in scene.mentions:
        colon = _COLON_AFTER_ARM.match(scene.text, end)
        together = [other for s, e, other in scene.mentions if (s, e) == (start, end)]  # "group A and B" names two
        if colon is None or len(together) > 1 or _LISTED_BEFORE.search(scene.text, max(0, start - 12), start):
            continue  # "in group A and B: 91.6%", "arms A, B and D: median 2 cycles": a value of arms together
        stop = min([i for i in (scene.text.find(";", colon.end()),) if i >= 0]
                   + [s for s, _, _ in scene.mentions if s >= colon.end()] + [len(scene.text)])
        clause = max(scene.text.rfind(";", 0, end), scene.text.rfind(":", 0, end))
        if _VERSUS.search(scene.text, colon.end(), stop) or _VERSUS.search(scene.text, clause + 1, end):
            continue
        for d in scene.arm_level:
            if colon.end() <= d.pos < stop:
                d.arm = d.arm or label


_LISTED_BEFORE = quick(r"(?:,|\band|&)\s*(?:the\s+)?(?:(?:arms?|groups?)\s+)?$", re.IGNORECASE)
_COLON_AFTER_ARM = quick(r"\s*(?:groups?|arms?)?\s*:\s*", re.IGNORECASE)


def _run_of_the_one_arm_named(scene: _ArmScene) -> None:
    """ "QOL response analyses showed that 44%, 34%, and 42% of patients receiving erlotinib had improvement in these three
    symptoms, respectively": a run of values right before the only arm a sentence names is all that arm's, the
    "respectively" pairing them with outcomes (not when more names follow the arm: "… in the A group and controls,
    respectively")."""
    if len(scene.ordered) != 1 or not scene.respectively:
        return
    start, end, label = scene.mentions[0]
    said = _RESPECTIVELY.search(scene.text, end)
    before = [d for d in scene.arm_level if d.end <= start]
    run = before[-1:] if before and _PEOPLE_OF_ARM.fullmatch(scene.text, before[-1].end, start) else []
    while run and len(run) < len(before) and _WITHIN_RUN.fullmatch(scene.text, before[-len(run) - 1].end, run[0].pos):
        run = before[-len(run) - 1:]
    if len(run) >= 2 and said is not None and not _LIST_AFTER_ARM.search(scene.text, end, said.start()) \
            and all(d.arm in (None, label) for d in run):
        for d in run:
            d.arm = label


#: Between a value and the arm of its people: "% of patients receiving", " in the".
_PEOPLE_OF_ARM = quick(r"\s*%?\s*(?:of\s+(?:the\s+)?(?:patients|participants|subjects|women|men|children)\s+)?"
                       r"(?:in|for|with|among|on|receiving|treated\s+with|given)\s+(?:the\s+)?", re.IGNORECASE)
_LIST_AFTER_ARM = quick(rf"\band\b|,\s*[A-Za-z]+\s*,|{VERSUS}|\bcompared\b", re.IGNORECASE)


_EQUALS_AFTER_ARM = quick(r"\s*(?:groups?|arms?)?\s*[=:]\s*", re.IGNORECASE)


def _clauses_about_one_arm(scene: _ArmScene) -> None:
    """ "improved in the control group by 13.7%, while the combined group showed an improvement of 83.5%": a
    clause that names one arm before its values, and contrasts nothing itself, is about that arm. With one arm named
    in the sentence, only a clause after the turn is ("the treatment group showed a 47% decrease, whereas the placebo
    group showed a non-significant decrease (16%)", the first arm in words no name matches), and only when the first
    clause does not name it too (a turn does not contrast an arm with itself) and the clause names it by its label's words."""
    breaks = list(_CLAUSE_BREAK.finditer(scene.text))
    if not scene.ordered or (len(scene.ordered) == 1 and (not breaks or scene.mentions[0][0] < breaks[0].start()
                                                          or not _named_by_its_label(scene.text, scene.mentions[0]))):
        return
    for start, stop in zip([0, *(m.end() for m in breaks)], [*(m.start() for m in breaks), len(scene.text)], strict=True):
        values = [d for d in scene.arm_level if d.arm is None and start <= d.pos < stop]
        if not values or _CONTRAST.search(scene.text, start, values[-1].end):
            continue
        named = distinct([label for s, e, label in scene.mentions if start <= s and s < values[-1].end])
        if len(named) == 1 and all(e <= values[0].pos for s, e, _ in scene.mentions if start <= s < values[-1].end):
            for d in values:
                d.arm = named[0]


def _opening_arm_before_the_turn(scene: _ArmScene) -> None:
    """ "In the intervention group, the response rate was 45% and the median PFS was 8 months, compared with 30% and 6
    months in the control group": the values between the arm a sentence opens with and the first turn to another
    ("compared with", "versus", "whereas") are that arm's, whatever the values after the turn."""
    if not scene.mentions or not _OPENS_WITH_ARM.match(scene.text, 0, scene.mentions[0][0]):
        return
    _, end, label = scene.mentions[0]
    turn = _TURN_TO_ANOTHER.search(scene.text, end)
    if turn is None or any(end <= s < turn.start() and other != label for s, _, other in scene.mentions):
        return
    for d in scene.arm_level:
        if end <= d.pos < turn.start():
            d.arm = d.arm or label


_TURN_TO_ANOTHER = quick(rf"\b(?:{VERSUS}|compared (?:with|to)|whereas|while)(?!\w)", re.IGNORECASE)


def _named_by_its_label(text: str, mention: tuple[int, int, str]) -> bool:
    """Whether the words naming the arm share a word with its label ("the placebo group" for "placebo"; not "the control
    group" for "treated")."""
    start, end, label = mention
    return bool({w.lower() for w in re.findall(r"\w{3,}", text[start:end])} & {w.lower() for w in re.findall(r"\w{3,}", label)})


_CLAUSE_BREAK = quick(r",?\s+(?:while|whereas|but)\s+|;\s+", re.IGNORECASE)


def _sentence_about_one_arm(scene: _ArmScene) -> None:
    """ "In Arm A, median PFS ...", "Grade 3 to 4 toxicities in the UFT group were anemia (3.4%), …": every
    value of a sentence that names one arm, before its values and contrasting it with nothing, is that arm's."""
    if len(scene.ordered) != 1 or not scene.arm_level:
        return
    start = scene.mentions[0][0]
    opening = _OPENS_WITH_ARM.match(scene.text[:start])
    leading = (start < scene.arm_level[0].pos and _ONE_ARM_PREPOSITION.search(scene.text, 0, start)
               and not _CONTRAST.search(scene.text))
    if opening or leading:
        turn = _TURN_AFTER_ARM.search(scene.text, start)  # "In the X group 17.5% …, while the figure was 52.5% in others"
        for d in scene.arm_level:
            if turn is None or d.pos < turn.start():
                d.arm = d.arm or scene.ordered[0]


_TURN_AFTER_ARM = quick(r"\b(?:while|whereas)\b", re.IGNORECASE)


def _sentence_opens_on_its_arm(scene: _ArmScene) -> None:
    """ "GE responses: 1 complete response (CR, 1.2%), …", "The combined treatment group demonstrated 13 cases of complete
    remission", "Twelve of 18 patients on the intermittent arm were reinitiated … at a median time of 17.9 months": a
    sentence whose subject is the one arm it names, before its values, contrasting nothing, is about that arm (not an arm
    "A" read from the article that opens "A median of 5 cycles")."""
    if len(scene.ordered) != 1 or not scene.arm_level or _CONTRAST.search(scene.text):
        return
    start, end, _ = scene.mentions[0]
    if start < scene.arm_level[0].pos and _ARM_AS_SUBJECT.match(scene.text[:start]) and scene.text[start:end].strip().lower() not in {"a", "an"}:
        for d in scene.arm_level:
            d.arm = d.arm or scene.ordered[0]


#: Before the arm that is the sentence's subject: nothing but "The", or a count of its patients ("Twelve of 18 patients on the").
_ARM_AS_SUBJECT = quick(rf"^\W*(?:the\s+|(?:{WORD_NUMBER}|\d+)\s+of\s+(?:the\s+)?\d+\s+(?:patients\s+)?(?:on|in)\s+(?:the\s+)?)?$", re.IGNORECASE)


def topic_arm(text: str, mentions: list[tuple[int, int, str]]) -> str | None:
    """The arm a sentence is about when it opens with it and names no other ("In the UFT group, …")."""
    labels = distinct([label for *_, label in mentions])
    if len(labels) == 1 and _OPENS_WITH_ARM.match(text[: mentions[0][0]]):
        return labels[0]
    return None


def carry_topic_arm(drafts: list[Draft], text: str, topic: str) -> None:
    """Sentences that follow one about an arm, naming no arm and contrasting nothing, go on about it
    ("In the UFT group, 12 patients responded. Median PFS was 5.1 months."): their arm-level values are its."""
    if _CONTRAST.search(text) or _OWN_TOPIC.match(text):
        return  # "In the 87 bioCT-arm patients, …": a sentence that opens with its own group
    for d in drafts:
        if d.arm is None and d.measure not in _BETWEEN_ARMS:
            d.arm = topic


_OPENS_WITH_ARM = quick(r"^\W*(?:in|for|among|within|of)\s+(?:the\s+)?(?:\d+\s+)?$", re.IGNORECASE)  # "In the 89 CT-arm patients", "Of the IMRT patients"
_OWN_TOPIC = quick(r"^\W*(?:in|for|among|within)\s+(?:the\s+)?(?:\d+\s+)?[\w-]+[- ](?:arm|group|patients)\b", re.IGNORECASE)
_BETWEEN_ARMS = frozenset({"hazard_ratio", "odds_ratio", "risk_ratio", "difference"})
#: Before the arm a finding is in: "in the", "with", "of the" ("median survival of the surgery group"), "assigned to".
_ONE_ARM_PREPOSITION = quick(r"\b(?:in|for|among|within|with|of|receiving|treated with|(?:assigned|allocated|randomi[sz]ed) to)\s+(?:the\s+)?$",
                             re.IGNORECASE)
_CONTRAST = quick(rf"\b(?:{VERSUS}|compared|than|whereas|while|respectively|both|each|overall|total|all)(?!\w)", re.IGNORECASE)


def _arm_named_after(scene: _ArmScene) -> None:
    """An arm named right after the value ("49% in the XELIRI arm", "40% TT"), unless one is named right
    before it ("arm A 45%, arm B 30%": the next arm's name belongs to the next value), or the arms named
    are a list the values follow "respectively" ("21% and 26% for arms A, B, C, and D, respectively":
    values the list rule could not pair with it are no one arm's)."""
    if _arms_listed_respectively(scene, 2):
        return
    seconds = {id(b) for a, b in pairwise(scene.arm_level) if _SECOND_OF_PAIR.fullmatch(scene.text, a.end, b.pos)}
    for d in scene.arm_level:
        if d.arm or any(_labelled_before(scene.text, start, end, d.pos) for start, end, _ in scene.mentions) \
                or _OWN_LABEL_BEFORE.search(scene.text, max(0, d.pos - 30), d.pos):
            continue
        arm = _arm_after(d, scene.text, scene.mentions)
        following = next(((start, end) for start, end, label in scene.mentions if label == arm and start >= d.end), None)
        if following is not None and _LIST_THEN_RESPECTIVELY.match(scene.text, following[1]):
            continue  # "16.2 and 18.7 months for A and B respectively": the first of a list the values follow in order
        if id(d) in seconds and following is not None and (
                re.search(r"[)\]]|\b(?:were|was|is|are)\b", scene.text[d.end: following[0]])
                or _VERSUS_NEXT.match(scene.text, following[1])):
            continue  # "(8% v 1%) were more frequent in arm A", "(67% v 47% for cetuximab v BSC)": the first value's arm
        d.arm = arm
    _run_shares_the_arm_after(scene)


def _labelled_before(text: str, start: int, end: int, pos: int) -> bool:
    """Whether the arm named at ``start:end`` labels the value at ``pos`` right after it: "TT: 40%", "nateglinide −0.41%",
    "in the treatment group was: 84.38%", "in the control group it was 88.33%", or an arm opening an item of a bracket
    or list before a comma ("(LM, 86.1 % vs. ETI, 96.9 %)", "(HDCT, 11.1 months; AT, 10.6 months)")."""
    if end > pos:
        return False
    return _ARM_THEN_VALUE.fullmatch(text, end, pos) is not None \
        or (_ARM_THEN_COMMA.fullmatch(text, end, pos) is not None and _ITEM_OPENS.search(text, max(0, start - 3), start) is not None)


#: Between an arm and its value: nothing but a colon or "=" ("TT: 40%"), or its group word and a verb ("the
#: gemcitabine-carboplatin group was 47.2% … and 30.9% for carboplatin group": the value is not the next arm's); a sign
#: of the value ("nateglinide −0.41%").
_ARM_THEN_VALUE = quick(r"[\s:=]*(?:(?<=[\s:=])[−+-])?|\s*(?:(?:groups?|arms?|cohorts?)\s+)?(?:it\s+)?(?:was|were)[\s:]+[−+-]?",
                        re.IGNORECASE)
#: A value that opens on a name the finder does not know, then a comma ("(LM, 86.1 % vs. ETI, 96.9 %)"): not the next arm's.
_OWN_LABEL_BEFORE = quick(rf"(?:[(\[;]|\b{VERSUS}\s)\s*[A-Z][\w+/-]*,\s*[−+-]?$")
_ARM_THEN_COMMA = quick(r",\s*[−+-]?")
_ITEM_OPENS = quick(r"[(\[;]\s*$")  # "(LM, 86.1 %", "; AT, 10.6 months"
#: Between the two values of a pair: "%) vs ", "% vs −" (the second value's sign).
_SECOND_OF_PAIR = quick(rf"\s*%?\s*{VERSUS}\s*[−+-]?")


def _run_shares_the_arm_after(scene: _ArmScene) -> None:
    """ "PFS and OS were 2.8 and 13.2 months in arm A": a run of values of different outcomes, joined by "and",
    is all of the arm named after its last value."""
    for a, b in reversed(list(pairwise(scene.arm_level))):
        if a.arm is None and b.arm is not None and a.mention is not b.mention and (
                _WITHIN_RUN.fullmatch(scene.text, a.end, b.pos) or _events_in_a_run(scene.text, a, b)):
            a.arm = b.arm


def _events_in_a_run(text: str, a: Draft, b: Draft) -> bool:
    """ "Severe rash occurred in 9% and severe diarrhea in 6% of erlotinib-treated patients": values of events listed
    "<event> in X% and <event> in Y%", the second event named between them, share the arm named after the last."""
    return a.mention.end <= a.pos and a.end <= b.mention.start and b.mention.end <= b.pos \
        and _AND_NEXT_EVENT.fullmatch(text, a.end, b.mention.start) is not None and _IN_THE_VALUE.fullmatch(text, b.mention.end, b.pos) is not None


_AND_NEXT_EVENT = quick(r"\s*%?\s*and\s+(?:(?:severe|grade\s+\d(?:[-/–]\d)?|serious|any)\s+)?")
_IN_THE_VALUE = quick(r"\s*(?:in|of)\s+")


#: After an arm's name: more names, then "respectively" ("for A and chemotherapy-surgery, respectively").
_LIST_THEN_RESPECTIVELY = quick(r"\s*(?:,|\band\b|&)\s*[^,;.()]{1,40}?,?\s+respectively\b", re.IGNORECASE)


def _versus_pairs(scene: _ArmScene) -> None:
    """Pairs ("A versus B", "from A to B"): arms in the order the sentence names them, then the
    trial's other arms; "the addition of L (38.7% vs. 12.7%)": the arm that adds it comes first."""
    ordered, candidates = scene.ordered, _pair_candidates(scene)
    times = _listed_times(scene.text, scene.respectively) if not ordered else 0
    for group in [g for g in scene.by_mention() if not _changes_over_time(scene.text, g)]:
        for a, b in pairwise(group):
            gap = scene.text[a.end: b.pos]
            from_to = _FROM.search(scene.text[max(0, a.pos - 12): a.pos]) and _TO.search(gap)
            joined = _versus_joins(gap) or re.fullmatch(r"\s*and\s*", _BRACKETS.sub("", gap)) or from_to  # "87.2% (95% CI …) and 85.7%"
            if (a.arm and b.arm) or not joined or len(candidates) < 2:
                continue  # not "(HADS score ≥ 11, 75 % to 56 %)", a change over time, nor "92%, and adherence to the X …"
            if times and (len(group) == times or scene.respectively) and not _VERSUS.search(gap):
                continue  # "the 1-, 3- and 5-year OS rates were 90%, 70% and 50%": a value per time, not per arm
            if scene.added_arm in candidates and not ordered and _ADDITION.search(scene.text[: a.pos]):
                candidates = [scene.added_arm, *(x for x in candidates if x != scene.added_arm)]
            pair = _from_to_order(candidates) if from_to else candidates
            a.arm = a.arm or next((x for x in pair if x != b.arm), None)
            if not _own_group_after(scene.text, b.end, next((s for s, *_ in scene.mentions if s >= b.end), None)):
                b.arm = b.arm or next((x for x in pair if x != a.arm), None)


def _versus_joins(gap: str) -> bool:
    """Whether a "versus" between two values joins them: no clause or bracket closes after it ("(19 [4%] vs none;
    p=0·001), transfusions (42 [10%] vs seven [3%]": the 4% is set against none, not against the 10%)."""
    ends = [m.end() for m in _PAIR.finditer(gap)]
    return bool(ends) and _CLAUSE_CLOSES.search(_BRACKETS.sub("", gap[ends[-1]:])) is None


_CLAUSE_CLOSES = quick(r"[;)\]]")


def _change_in_one_arm(scene: _ArmScene) -> None:
    """ "in the intervention group increased from 7.5% to 24% and 43.3% one month and three months after the
    intervention": the values of a change over time in the one arm named before them are all that arm's."""
    if len(scene.ordered) != 1:
        return
    for group in scene.by_mention():
        if _changes_over_time(scene.text, group) and scene.mentions[0][1] <= group[0].pos:
            for d in group:
                d.arm = d.arm or scene.ordered[0]


def _changes_over_time(text: str, group: list[Draft]) -> bool:
    """Whether values of one outcome run "from A to B" over time, not over a pair of arms: a time named between the
    values or right after the second ("from 3.41% in 2008 to 0.81% in 2011", "from 31% at study entry to 49% at the
    6-month follow-up", "from 7.5% to 24% and 43.3% one month and three months after the intervention")."""
    return any(_FROM.search(text, max(0, a.pos - 12), a.pos) and _TO.search(text, a.end, b.pos)
               and _TIME_OF_CHANGE.search(text, a.end, min(len(text), b.end + 60)) for a, b in pairwise(group))


_TIME_OF_CHANGE = quick(r"\b(?:baseline|(?:study\s+)?entry|enrol(?:l?ment)|follow-up|(?:19|20)\d\d|before|after|later|"
                        r"(?:pre|post)[- ]?(?:treatment|operative|intervention|test|injection))\b", re.IGNORECASE)


def _one_value_per_named_arm(scene: _ArmScene) -> None:
    """ "higher in Group 3 than in Groups 1 and 2 (95.2 versus 72.5 and 79.0 mmHg)": three arms or more named, and a run
    of as many values of one outcome, joined by "versus" or "and", none with its own arm: the values go to the arms in
    the order named (a pair of values, fewer than the arms, is no pair of them: ``_pair_candidates``)."""
    if len(scene.ordered) < 3:
        return
    for group in scene.by_mention():
        if len(group) == len(scene.ordered) and not any(d.arm for d in group) and _run_joined(scene.text, group):
            for d, label in zip(group, _comparator_last(scene.ordered, scene), strict=True):
                d.arm = label


def _run_joined(text: str, run: list[Draft]) -> bool:
    """Whether the values are joined by "and", "versus" or commas only, brackets aside ("41% (71 of 173), 11% (18 of 164),
    and 3%", "95.2 ± 19.3 mmHg versus 72.5 ± 35.2")."""
    return all(_RUN_JOIN.fullmatch(_BRACKETS.sub("", text[a.end: b.pos])) for a, b in pairwise(run))


#: Between two values of a run, one per arm: "versus", "and", "vs.", ", " with the unit of the value before.
_RUN_JOIN = quick(rf"\s*(?:%|[a-zA-Z/]+)?\s*(?:,\s*(?:and\s+)?|and\s+|(?:{VERSUS})\s*)", re.IGNORECASE)


def _pair_candidates(scene: _ArmScene) -> list[str]:
    """The arms the values of a pair go to, in order: those the sentence names (the comparator last), then the
    trial's other arms (of two); none when the sentence pairs values "respectively" with a list of three arms or
    more, or speaks of groups that are no arms."""
    if _arms_listed_respectively(scene, 3) or len(scene.ordered) > 2 or _about_other_groups(scene) \
            or (scene.respectively and not scene.ordered and _lists_other_items(scene)):
        return []  # "21% and 26% for arms A, B, C, and D, respectively": a pair of values is not a pair of these arms
    ordered, labels_all = _order_of_pairs(scene), scene.labels_all
    if not ordered:  # an unnamed pair reads experimental first: "4.49 vs. 13.31 days"
        labels_all = sorted(labels_all, key=lambda label: bool(_CONTROL_ARM.search(label)))
    return _comparator_last(ordered + [x for x in labels_all if x not in ordered] if len(labels_all) <= 2 else ordered, scene)


def _versus_none(scene: _ArmScene) -> None:
    """ "mucositis (14 [5%] vs none)": a value set against none of the other arm is the pair's first arm's."""
    for d in scene.arm_level:
        if d.arm is None and _VERSUS_NONE.match(scene.text, d.end):
            candidates = _pair_candidates(scene)
            d.arm = candidates[0] if len(candidates) >= 2 else None


_VERSUS_NONE = quick(rf"[\s\])%]*(?:{VERSUS})\s+(?:none|nil|zero)\b", re.IGNORECASE)
_FROM = quick(r"\bfrom\s*$", re.IGNORECASE)
_VERSUS_NEXT = quick(rf"\s*(?:{VERSUS})(?!\w)", re.IGNORECASE)
_COMPARED_BEFORE = quick(rf"\b(?:compared (?:with|to)|{VERSUS}|than(?: in| with| for| after| on| among)?)\s+(?:the\s+|"
                         r"(?:those|patients)\s+(?:in|on|with|of|receiving|treated with)\s+(?:the\s+)?)?$", re.IGNORECASE)
#: Characters no match of ``_COMPARED_BEFORE`` holds (``search_back`` starts after the last one).
_NOT_IN_COMPARED = quick(r"[^\w\s.]")


def _is_comparator(scene: _ArmScene, start: int) -> bool:
    """Whether the arm named at ``start`` comes right after "compared with", "versus" or "than"."""
    return search_back(_COMPARED_BEFORE, scene.text, max(0, start - 40), start, _NOT_IN_COMPARED) is not None


_COMPARED_CLAUSE = quick(r"(?:^\W*|,\s*)(?:(?:when|as|in|by)\s+)?(?:compared|in comparison)\s+(?:with|to)\s+(?:the\s+)?"
                              r"(?:patients\s+(?:in|on|receiving)\s+(?:the\s+)?)?$", re.IGNORECASE)
_CLAUSE_END = quick(r"\s*(?:(?:arms?|groups?|patients)\s*)?,")


def _opening_reference(scene: _ArmScene) -> str | None:
    """The arm a clause before the values compares with ("Compared with the control group, the exercise group
    had …", "…, in comparison with radiotherapy, survival was longer with X (a vs b)")."""
    first = min((d.pos for d in scene.arm_level), default=len(scene.text))
    for start, end, label in scene.mentions:
        if start < first and _COMPARED_CLAUSE.search(scene.text, max(0, start - 60), start) \
                and _CLAUSE_END.match(scene.text, end):
            return label
    return None


def _comparator(scene: _ArmScene) -> str | None:
    """The arm the sentence compares the other with: the one an opening clause compares with, else the one of at most
    two arms named that comes after "compared with", "versus" or "than" ("(21% vs 33%) … compared with control",
    "(vinflunine v docetaxel) anemia (82% v 80%)" with only docetaxel known, "Compared with FEC, XEC caused …")."""
    reference = _opening_reference(scene)
    if reference is not None or len(scene.ordered) > 2:
        return reference
    first = {label: start for start, _, label in reversed(scene.mentions)}
    comparators = [label for label in scene.ordered if _is_comparator(scene, first[label])]
    return comparators[0] if len(comparators) == 1 else None


def _comparator_last(labels: list[str], scene: _ArmScene) -> list[str]:
    """``labels`` in the order the sentence's pairs of values follow: the comparator (``_comparator``) last, so the
    second of each pair ("Compared with the CT group, … (42.6% vs 25.5%) in the PET/CT group": 42.6% is PET/CT's)."""
    reference = _comparator(scene)
    return [x for x in labels if x != reference] + [reference] if reference in labels else labels


def _arm_lists(scene: _ArmScene) -> list[tuple[int, list[str]]]:
    """(start, labels) of each list of two arms or more the sentence names one after the other ("for arms A, B, C,
    and D", "in the LV5FU2, ldLV5FU2, HD-FU and Tomudex arms", "for cetuximab v BSC")."""
    runs: list[tuple[int, int, list[str]]] = []
    for start, end, label in scene.mentions:
        last = runs[-1] if runs else None
        if last is not None and (start <= last[1] or _ARM_LIST_GAP.fullmatch(scene.text, last[1], start)):
            runs[-1] = (last[0], max(end, last[1]), [*last[2], label])  # "arms A, B" is one span
        else:
            runs.append((start, end, [label]))
    return [(start, distinct(labels)) for start, _, labels in runs if len(distinct(labels)) >= 2]


def _arms_listed_respectively(scene: _ArmScene, at_least: int) -> bool:
    """Whether the sentence lists ``at_least`` arms one after the other ("for arms A, B, C, and D", "in the
    LV5FU2, ldLV5FU2, HD-FU and Tomudex arms") and pairs values with them "respectively"."""
    if len(scene.ordered) < at_least or not scene.respectively:
        return False
    return any(len(labels) >= at_least for _, labels in _arm_lists(scene))


#: Between two arms of a list: "A, B, and C", "the X and the Y", "A/B", "the dovitinib vs placebo arms", "A compared with B".
_ARM_LIST_GAP = quick(r"\s*(?:,\s*(?:and|or)?|and|or|&|/|vs?\.?|versus|compared (?:with|to))?\s*(?:the\s+)?", re.IGNORECASE)


def _from_to_order(candidates: list[str]) -> list[str]:
    """ "increased from 28.1% to 35.4%": the change the treatment made, so the first value is the
    control's (the arm the text calls control, else the one the trial lists second)."""
    if len(candidates) != 2:
        return candidates
    controls = [x for x in candidates if _CONTROL_ARM.search(x)]
    return controls + [x for x in candidates if x not in controls] if len(controls) == 1 else candidates[::-1]


_CONTROL_ARM = quick(
    r"\b(?:control|placebo|usual|standard|conventional|observation|sham|no |alone|routine|best supportive)", re.IGNORECASE)


def _arm_named_before(scene: _ArmScene) -> None:
    """An arm named just before the value ("TT: 40%")."""
    for d in scene.arm_level:
        d.arm = d.arm or _arm_before(d, scene)


def _both_arms(scene: _ArmScene) -> None:
    """ "24% in both arms": the number belongs to each arm."""
    if len(scene.labels_all) != 2:
        return
    for d in [d for d in scene.arm_level if d.arm is None and (any(_BOTH_ARMS.match(scene.text, at) for at in {d.end, _mention_after_end(d)})
                                                               or _said_of_each_arm(scene, d))]:
        twin = copy(d)
        d.arm, twin.arm = scene.labels_all
        scene.drafts.insert(scene.drafts.index(d) + 1, twin)


def _said_of_each_arm(scene: _ArmScene, draft: Draft) -> bool:
    """ "The day 28 cure rate was 100% in both treatment groups", "One deep vein thrombosis was observed in each group",
    "No serious adverse events were observed in either treatment group", "In both the groups, no patients reported any
    adverse drug reaction", "The RRs were identical in the 2 arms (6.7%": the one value of its outcome, in a clause that
    ends on both arms (or a sentence that opens on them, or calls them identical), is each arm's; not a value of a pair
    or run, nor one of both arms combined."""
    if sum(d.mention is draft.mention for d in scene.arm_level) != 1:
        return False
    if _IDENTICAL_IN_BOTH_ARMS.search(scene.text) and not scene.mentions and not scene.respectively:
        return True
    if _EACH_ARM_OPENING.match(scene.text) and _one_value_of_both_arms(scene, draft):
        return True
    for start in {draft.end, _mention_after_end(draft)}:
        m = _EACH_ARM_AFTER.match(scene.text, start)
        if m is not None and not any(start <= s < m.end() for s, *_ in scene.mentions) and not _WHOLE_TRIAL.search(m.group(0)):
            return True
    return False


#: After a value (or its event's words, or the bracket it closes), the rest of its clause, then both arms: " were observed
#: in either treatment group", "% in both treatment groups", "% of living patients in both arms", "(90%) patients in each
#: group"; not "for both groups combined".
_EACH_ARM_AFTER = Keyed(quick(r"\)?(?:[^;:,.()\d]|\.(?=\d)){0,90}?\b(?:in|for|on|across)\s+(?:(?:the\s+)?(?:either|both|each|any)|the\s+(?:two|2))\s+"
                              r"(?:of\s+the\s+(?:two\s+)?)?(?:the\s+)?(?:(?:treatment|study|randomi[sz]ed|intervention|trial)\s+)?"
                              r"(?:arms?|groups?)\b(?!\s+(?:combined|together|pooled))", re.IGNORECASE),
                        "either", "both", "each", "any", "two", "2")
#: "The RRs were identical in the 2 arms", "were the same for both groups".
_IDENTICAL_IN_BOTH_ARMS = Keyed(quick(r"\b(?:identical|the same|equal)\s+(?:in|for|between|across)\s+(?:both|the\s+(?:two|2))\s+"
                                      r"(?:(?:treatment|study)\s+)?(?:arms|groups)\b", re.IGNORECASE), "identical", "same", "equal")
#: A sentence that opens on both arms, perhaps after a short clause: "In both the groups, …", "In each arm, …", "The two
#: groups had …", "By design, both groups lost …" (not "Both arms combined").
_EACH_ARM_OPENING = quick(r"\W*(?:[^,;]{0,20},\s*)?(?:(?:in|for|among)\s+(?:both|each|either)\s+(?:of\s+the\s+)?(?:the\s+)?"
                          r"(?:(?:treatment|study)\s+)?(?:arms?|groups?)\s*,|(?:both|the\s+(?:two|2))\s+(?:(?:treatment|study)\s+)?"
                          r"(?:arms|groups|regimens)\s+(?!combined|together|pooled)\w)", re.IGNORECASE)


def _one_value_of_both_arms(scene: _ArmScene, draft: Draft) -> bool:
    """Whether a sentence that opens on both arms gives them one value, in its first clause, and sets nothing against it:
    it names no arm and neither compares nor pools ("Both groups had similar response rates (45%)": not each arm's)."""
    return len(scene.arm_level) == 1 and not scene.mentions and ";" not in scene.text[: draft.pos] \
        and not _NOT_EACH_ARMS_OWN.search(scene.text)


_NOT_EACH_ARMS_OWN = quick(r"\b(?:similar|comparable|balanced|matched|combined|pooled|overall|(?:in|a) total|respectively|versus|vs|than|"
                           r"differ\w*|compared)\b", re.IGNORECASE)


def _the_other_arm(scene: _ArmScene) -> None:
    """ "The response rate was 90% with PB and 92% with sertraline", "32 patients (91%) in the glutamine arm and
    34 patients (97%) developed mucositis": of a two-arm trial's pair of values, close together, the one no
    known arm name claims is the other arm's."""
    if len(scene.labels_all) != 2 or _WHOLE_TRIAL.search(scene.text):
        return
    for group in _value_groups(scene):
        if len(group) != 2 or group[0].timepoint != group[1].timepoint or group[0].subgroup != group[1].subgroup:
            continue
        named, unnamed = sorted(group, key=lambda d: d.arm is None)
        if named.arm in scene.labels_all and unnamed.arm is None and _PAIR_GAP.fullmatch(_BRACKETS.sub("", scene.text[group[0].end: group[1].pos])):
            other = next(x for x in scene.labels_all if x != named.arm)
            unnamed.arm = None if _named_between(scene, group, other) else other


def _named_between(scene: _ArmScene, pair: list[Draft], label: str) -> bool:
    """Whether ``label`` is named between the pair's values without being the first value's ("Three patients died,
    including one in the placebo group and two in the X group": the arm is the count's after it, the 3 a total)."""
    return any(pair[0].end <= start and end <= pair[1].pos for start, end, other in scene.mentions if other == label)


#: Between the two values of a pair: a short stretch of one clause that joins or contrasts them ("with PB and", "in SG
#: group, while"); not across a semicolon ("No adverse events occurred; however, seven (8.7%) women in the intervention group").
_PAIR_GAP = quick(r"(?:[^;.]|\.(?=\d)){0,60}?\b(?:and|while|whereas|but|compared (?:with|to)|vs|versus|than)\b(?:[^;.]|\.(?=\d)){0,30}"
                       r"|(?:[^;.]|\.(?=\d)){0,40},(?:[^;.]|\.(?=\d)){0,30}",
                       re.IGNORECASE)
_WHOLE_TRIAL = Keyed(quick(r"\b(?:overall|in total|all patients|whole|entire|pooled)\b", re.IGNORECASE),
                     "overall", "total", "all patients", "whole", "entire", "pooled")


#: The arm rules, in the order they run: more specific shapes first.
_ARM_RULES = (_slash_listed_arms, _partly_known_list, _run_then_bracketed_arm, _respectively_lists, _respectively_in_runs, _values_before_arm_list, _runs_before_their_arms, _bracketed_run_before_arm, _arm_then_bracket, _run_after_arm_equals, _colon_list_of_one_arm, _run_of_the_one_arm_named, _sentence_about_one_arm,
              _sentence_opens_on_its_arm, _arm_named_after, _clauses_about_one_arm, _opening_arm_before_the_turn, _one_value_per_named_arm,
              _change_in_one_arm, _versus_pairs, _versus_none, _arm_named_before, _respectively_as_before, _the_other_arm, _both_arms)


_ADDITION = quick(r"\b(?:(?:the )?addition of|adding)\b", re.IGNORECASE)
_BOTH_ARMS = quick(r"\s*(?:(?:of\s+)?(?:patients?|participants?|subjects|cases?)\s*)?(?:in|for)\s+(?:both|the two|each of the two|each|either)\s+(?:arms?|groups?)\b"
                        r"|\s*(?:(?:in|for) both|each)\s*[),;]", re.IGNORECASE)  # "(14.2 months for both, P = 0.983)", "(5 months each)"


def _mention_after_end(draft: Draft) -> int:
    """Where the endpoint words end when they follow the value ("a single dose-limiting toxicity in each arm")."""
    return draft.mention.end if draft.mention.start >= draft.end else draft.end
_RESPECTIVELY = Keyed(quick(r"\b(?:respectively|accordingly)\b", re.IGNORECASE), "respectively", "accordingly")
_PAIR = quick(rf"\b{VERSUS}(?!\w)|\bcompared (?:with|to)\b", re.IGNORECASE)
_TO = quick(r"\bto\b", re.IGNORECASE)  # "from 28·1% [95% CI 21·3–35·5] to 35·4%", "from 38% in controls to 51%"


_BRACKETS = quick(r"\([^()]*(?:\([^()]*\)[^()]*)*\)|\[[^\]]*\]")


#: What ends the gap between a value and the arm named after it ("_arm_after").
_NUMBER_OPENED = quick(rf"[(\[:]\s*(?:\d|{WORD_NUMBER}\b)")
_VERSUS_WORD = quick(rf"\b{VERSUS}(?!\w)")
_GAP_BREAK = quick(r"[;]|\d\s*%|\bversus\b|\bvs?\b|\band\b\s+\d|\bto\b|\bcompared (?:with|to)\b\D*\d")  # "39.1 months compared with 35.2 months for B": B is the second value's
_FOR_THE_ARM = re.compile(r"(?:[^;%]*?\d\s?%\)?)*[^;%\d]*?\b(?:for|in|with)\s+(?:the\s+)?")
_COMPARING = quick(r"\bversus\b|\bvs?\b|\brespectively\b|\bcompared\b|\bthan\b")

def _arm_after(draft: Draft, text: str, mentions: list[tuple[int, int, str]]) -> str | None:
    """The arm named after the value, or after the list the value is part of
    ("dysphonia (68%), hypertension (64%) and diarrhea (56%) for axitinib")."""
    for start, _, label in mentions:
        if start < draft.end:
            continue
        gap = _ASSIGNED_TO.sub(r"\g<who> in ", _BRACKETS.sub("", text[draft.end: start]))  # "(95% CI 1.5–3.5 months) for the DZ group"
        if _NUMBER_OPENED.search(gap) or _VERSUS_WORD.search(text[draft.end: start]):
            return None  # "139 patients died (64 in the A group": the arm is the bracketed number's; "(45% v 30%) … in arm A": a pair's
        if _own_group_after(text, draft.end, start):
            return None  # "88.9% in the group receiving the high dose and 87.1% in the X group": the value's own group
        if _COUNT_IN_THE_ARM.search(gap):
            return None  # "Three patients died, including one in the placebo group": the arm is the count's
        if _TURN.search(gap) or _WHOLE_TRIAL.search(gap) or denied(text, start):
            return None  # "fatigue (34.78%), whereas those in the gefitinib group …": the next clause's arm; "12.0 months
            # overall, 14.1 months with A": the whole trial's; "34% without AM": not AM's
        if search_back(_COMPARED_BEFORE, gap, 0, len(gap), _NOT_IN_COMPARED):
            return None  # "with A (… 38.9%) compared with B (…)": B is what A's value is compared with
        if len(gap) <= 40 and not _GAP_BREAK.search(gap):
            return label
        if start - draft.end <= 150 and _FOR_THE_ARM.fullmatch(gap) \
                and not _COMPARING.search(gap):
            return label
        return None
    return None


#: The end of a gap that names the arm by assignment: "of 34 assigned to KA/VE", "for patients allocated to receive", read
#: as "in" ("12.1 months for patients assigned to docetaxel").
_ASSIGNED_TO = quick(r"(?P<who>\b(?:patients|participants|subjects|children|women|men|those|cases|dyads|\d+))\s+(?:randomly\s+)?"
                     r"(?:assigned|allocated|randomi[sz]ed)\s+to(?:\s+receive)?\s+(?:the\s+)?$", re.IGNORECASE)


def _own_group_after(text: str, end: int, arm_start: int | None) -> bool:
    """Whether the value is followed by its own group, described in words no arm name matches ("86.7% in the group
    undergoing thyroid hormone withdrawal"), before the arm named at ``arm_start`` (after another value, or not
    within the next 60 characters, or no arm named after it)."""
    m = _GROUP_DESCRIBED.match(text, end)
    return m is not None and (arm_start is None or arm_start - m.end() > 60 or _DIGIT.search(text, m.end(), arm_start) is not None)


#: A count right before the arm it is of: "including one in the", ", 27 in"; not a denominator ("of 103 patients in the").
_COUNT_IN_THE_ARM = quick(rf"(?:^|[,;]|\b(?:including|and|with|while|whereas))\s*(?:{WORD_NUMBER}|\d+)(?:\s+(?:patients?|participants?|subjects|cases?))?\s+(?:in|among)\s+(?:the\s+)?$",
                          re.IGNORECASE)
#: Right after a value, a group described: "in the group receiving", "among those who", "in patients undergoing".
_GROUP_DESCRIBED = quick(r"\s*%?\s*(?:of\s+(?:the\s+)?patients\s+)?(?:in|among|for)\s+(?:the\s+)?(?:group|patients|those|subjects)\s+"
                              r"(?:who|undergoing|receiving|treated|given|that)\b", re.IGNORECASE)
#: Words that turn to another clause: an arm named after them is not the value's.
_TURN = quick(rf"{_TURN_WORDS}|\bthere (?:was|were) no\b|\bdifference\b", re.IGNORECASE)


def _arm_before(draft: Draft, scene: _ArmScene) -> str | None:
    gap = _JUST_BEFORE if not scene.respectively else _NEXT_TO
    before = [m for m in scene.mentions if m[1] <= draft.pos and (gap.fullmatch(scene.text, m[1], draft.pos) or (
        not scene.respectively and _labelled_before(scene.text, m[0], m[1], draft.pos)))]
    if not before or _pair_after_comparator(scene, before[-1], draft):
        return None
    return before[-1][2]


def _pair_after_comparator(scene: _ArmScene, mention: tuple[int, int, str], draft: Draft) -> bool:
    """Whether the value opens a bracket of two values set against each other right after the arm compared with
    ("compared with the placebo group (480 vs. 305 days"): the pair's second value is that arm's, not the first."""
    start, end, _ = mention
    return "(" in scene.text[end: draft.pos] and _VERSUS_NEXT.match(scene.text, draft.end) is not None \
        and _is_comparator(scene, start)


#: Between an arm and its value: "TT: 40%", "arm A (45%"; with a verb, "for the vaccine group was 8.5 months",
#: unless the sentence lists arms "respectively" ("for the P, TMX60 and TMX120 groups were 44%, 41% and 35%").
_NEXT_TO = quick(r"[\s:=(,]*")
_JUST_BEFORE = quick(r"[\s:=(,]*(?:(?:group|arm)\s+(?=was|were|of))?(?:(?:was|were|of)\s+)?")


_TIMEPOINT_LIST = quick(
    r"^\s*(?:rates?\s*)?at\s+(?P<list>(?:\d+\s*(?:weeks?|months?|years?)?\s*(?:,|and)?\s*)+)",
    re.IGNORECASE,
)


#: Times listed for a run of values: "the 1-, 3- and 5-year" (not values: "medians 87 and 30 weeks"); and, when the
#: sentence says "respectively", "after 2 and 3 years".
_LISTED_TIMES = quick(r"\b\d+[-‐–](?:\s*,\s*\d+[-‐–])*\s*,?\s*(?:and|or)\s+\d+[-‐–](?:years?|months?|weeks?)\b"
                      r"(?!\s+(?:groups?|arms?|cohorts?|regimens?)\b)", re.IGNORECASE)  # not "in the 24- and 48-week groups"
_TIMES_AFTER_PREPOSITION = quick(r"\b(?:at|after|by|within|in)\s+\d+(?:\s*,\s*\d+)*\s*,?\s*(?:and|or)\s+\d+\s*(?:years?|months?|weeks?)\b",
                                 re.IGNORECASE)


def _listed_times(text: str, respectively: bool = True) -> int:
    """How many times the sentence lists for a run of values ("1-, 3- and 5-year": 3), else 0."""
    m = _LISTED_TIMES.search(text) or (_TIMES_AFTER_PREPOSITION.search(text) if respectively else None)
    return len(re.findall(r"\d+", m.group())) if m else 0


#: Time points listed before a value: "at 6 weeks, 3 months and 6 months", and each of them.
_TIMES_BEFORE = quick(r"((?:\d+|one|two|three|six|twelve)[- ](?:month|year|week)s?[- ]?(?:\s*(?:,|and)\s*(?:\d+|one|two|three|six|twelve)"
                      r"[- ](?:month|year|week)s?[- ]?)+)\s*$", re.IGNORECASE)
_TIME_POINT = quick(r"(\d+|one|two|three|six|twelve)[- ](month|year|week)", re.IGNORECASE)

def _assign_timepoints(drafts: list[Draft], text: str) -> None:
    """ "rate at 6 weeks, 3 months and 6 months reached 37%, 34% and 40%, respectively"."""
    groups: dict[int, list[Draft]] = {}
    for d in drafts:
        groups.setdefault(id(d.mention), []).append(d)
    for group in groups.values():
        mention = group[0].mention
        m = _TIMEPOINT_LIST.match(text[mention.end:])
        if m is None:
            before = _TIMES_BEFORE.search(text[max(0, mention.start - 60): mention.start])
            points = _TIME_POINT.findall(before.group(1)) if before \
                else _times_sharing_a_unit(text[max(0, mention.start - 40): mention.start])
            if not points:
                continue
        else:
            points = re.findall(r"(\d+)\s*(weeks?|months?|years?)?", m.group("list"))
            # "at 6 weeks, 3 months and 6 months"; a unit missing takes the next one's.
            filled, unit = [], None
            for n, u in reversed(points):
                unit = u or unit
                filled.append((n, unit or "months"))
            points = list(reversed(filled))
        if len(points) >= 2 and len(group) % len(points) == 0:
            for d, (n, u) in zip(group, _points_in_turn(group, points, text), strict=True):
                d.timepoint = _timepoint(n, u)


def _points_in_turn(group: list[Draft], points: list[tuple[str, str]], text: str) -> list[tuple[str, str]]:
    """The landmark of each value of a run that lists its landmarks once for several arms: in turn within each arm
    ("The 1-, 2-, and 3-year survival rates were 88.9%, 44.4%, and 16.7% for the vaccine group, and 75.0%, 18.8%, and
    0% for the control group"), or each landmark for its arms in turn when the first two values are set against each
    other ("1- and 2-year OS 50% vs 40% and 30% vs 20%")."""
    arms, landmarks = len(group) // len(points), len(points)
    within = [points[i % landmarks] for i in range(len(group))]
    across = [points[i // arms] for i in range(len(group))]
    if arms == 1:
        return within
    if group[0].measure == "rate_at_time":  # "were 31 and 36%, and 10 and 11%": the reading where survival falls
        falls_within = _survival_falls([group[i: i + landmarks] for i in range(0, len(group), landmarks)])
        if falls_within != _survival_falls([group[i::arms] for i in range(arms)]):
            return within if falls_within else across
    return across if _VERSUS.search(text, group[0].end, group[1].pos) else within


def _survival_falls(series: list[list[Draft]]) -> bool:
    """Whether each arm's survival, its values in landmark order, never rises from one landmark to the next."""
    return all(a.value is not None and b.value is not None and a.value >= b.value for run in series for a, b in pairwise(run))


#: A landmark the sentence names anywhere: "At 3 years, overall survival was 57%", "the 5-year relapse-free survival",
#: "OS at 91 days", "24-h survival rate", "At 8 y", "survival rates of 1 year" (not a length: "median follow-up of 13 months").
_LANDMARK = quick(r"(?<![\w.·-])(?:(?<=\bat\s)|(?<=\bof\s)(?=\d+\s*(?:years?|months?)\b)|(?=\d+\s*[-‐–]\s*))"
                  r"(?P<n>\d+|one|two|three|four|five|six|ten|twelve)\s*[-‐–]?\s*"
                  r"(?P<u>years?|yrs?|y|months?|mo|weeks?|wks?|days?|d|hours?|h)(?![\w-]*\s+(?:of\s+)?follow)\b", re.IGNORECASE)
_FOLLOW_UP_OF = quick(r"\bfollow(?:ed)?[- ]?(?:up)?\s+(?:(?:time|period|duration)\s+)?(?:of|for|was)\s+(?:at\s+least\s+)?$", re.IGNORECASE)
_LANDMARK_UNITS = {"y": "year", "yr": "year", "mo": "month", "wk": "week", "d": "day", "h": "hour"}


def _untimed_rates(drafts: list[Draft], text: str) -> None:
    """A survival rate takes the one landmark its sentence names ("At 3 years, overall survival was 57%"); with no
    landmark in the sentence it is a ``proportion``, as the contract says ("The relapse free survival (RFS) was 81%")."""
    untimed = [d for d in drafts if d.measure == "rate_at_time" and d.timepoint is None]
    if not untimed:
        return
    landmarks = {_landmark(m.group("n"), m.group("u")) for m in _LANDMARK.finditer(text)
                 if not _FOLLOW_UP_OF.search(text, max(0, m.start() - 30), m.start())}
    for d in untimed:
        if len(landmarks) == 1:
            d.timepoint = next(iter(landmarks))
        elif not landmarks:
            d.measure = "proportion"


def _landmark(n: str, unit: str) -> str:
    """ "3 years", "24 hours" from a landmark's number and unit as printed ("8 y", "24-h")."""
    unit = unit.lower().rstrip("s")
    return _timepoint(n, _LANDMARK_UNITS.get(unit, unit))


_SHARED_N = r"(?:\d+|one|two|three|four|five|six|ten|twelve)"
_SHARED_UNIT_TIMES = quick(rf"\b({_SHARED_N}[-‐–]?(?:\s*,\s*{_SHARED_N}[-‐–]?)*\s*,?\s*(?:and|or)\s+{_SHARED_N})[- ‐–]?(year|month|week)s?[- ]?\s*$",
                           re.IGNORECASE)  # "the 1-, 3- and 5-year", "The one, two, three and five-year"


def _times_sharing_a_unit(before: str) -> list[tuple[str, str]]:
    """ "The 1-, 3- and 5-year [OS rates]": each number of the list, with the unit the last one prints."""
    m = _SHARED_UNIT_TIMES.search(before)
    return [(n, m.group(2)) for n in re.findall(_SHARED_N, m.group(1), re.IGNORECASE)] if m else []


def _assign_subgroups(drafts: list[Draft], text: str) -> None:
    """Name each result's subgroup: a pair of subgroups "respectively", else per value a listed
    subgroup ("liver, 62% v 42%"), the phrase before it ("in patients with X"), or after it."""
    if _respective_subgroups(drafts, text):
        return
    positions = [d.pos for d in drafts]
    arms = {x.arm.lower() for x in drafts if x.arm}
    named = _MAY_NAME_SUBGROUP.search(text) is not None
    for d in drafts:
        phrase = _listed_subgroup(text, d) or _subgroup_phrase(d, drafts, text, positions, named)
        if phrase and not _not_a_subgroup(phrase, arms):
            d.subgroup = phrase
    for a, b in pairwise(drafts):  # "(13.5% v 10.5%)": the second of a pair is of the same subgroup
        if a.subgroup and b.subgroup is None and a.mention is b.mention \
                and (re.fullmatch(rf"\s*{VERSUS}\s*", text[a.end:b.pos] + " ", re.IGNORECASE) or _same_bracket(text, a, b)):
            b.subgroup = a.subgroup
    clause = _clause_subgroup(text)
    if clause is not None and not _not_a_subgroup(clause[0], arms):
        end = _clause_end(text, clause, drafts)
        for d in drafts:  # "Among patients with a CPS of 10 or more, …": the clause is about them
            if d.subgroup is None and clause[1] <= d.pos < end and not _semicolon_outside_brackets(text, clause[1], d.pos):
                d.subgroup = clause[0]


def _same_bracket(text: str, a: Draft, b: Draft) -> bool:
    """ "in patients who responded (14% with A, vs. 100% with B)": both values sit in the bracket after the phrase."""
    opened = text.rfind("(", 0, a.pos)
    return opened >= 0 and ")" not in text[opened:a.pos] and not any(ch in text[a.end:b.pos] for ch in "();") \
        and text[:opened].rstrip().endswith(str(a.subgroup))  # the bracket right after the phrase


#: Where a clause joins the next: "…, and 7.33 versus 2.83 months, respectively, in non-Asian patients".
_CLAUSE_JOIN = quick(r",\s*and\b|\b(?:whereas|while|but)\b")


def _clause_end(text: str, clause: tuple[str, int], drafts: list[Draft]) -> int:
    """Where the clause of a subgroup a sentence opens on ends: at the last join before a value another
    subgroup claims ("Among Asian patients … 8.48 versus 4.14 months, and 7.33 versus 2.83 months,
    respectively, in non-Asian patients"), else at the sentence's end."""
    others = [d.pos for d in drafts if d.subgroup and d.subgroup != clause[0] and d.pos > clause[1]]
    if not others:
        return len(text)
    joins = [m.start() for m in _CLAUSE_JOIN.finditer(text, clause[1], min(others))]
    return joins[-1] if joins else len(text)


#: "Among patients with a CPS of 10 or more, …", "For the FGF pathway-amplified subgroup (n = 31), the …":
#: a sentence that opens on a subgroup.
_LEADING_SUBGROUP = quick(
    r"^\W*(?:(?:by contrast|in contrast|however|similarly|likewise|conversely|moreover|furthermore|in addition),?\s+)?"
    r"(?:in|among|for)\s+(?:the\s+)?(?:\d+\s+)?"  # "By contrast, for patients with X, …", "Among the 54 patients who …"
    r"(?:(?:(?:pre-?specified|planned|exploratory|subgroup)\s+)?analys[ie]s\s+of\s+(?:the\s+)?)?"  # "In the prespecified analysis of subjects with X"
    r"(?:(?:patients|those|subjects|women|men|participants)\s+(?P<a>(?:with|without|who|whose|harbou?ring)\s+[^,;:()]{3,80}?)"
    r"|(?P<b>[^,;:()]{3,60}?\s+(?:subgroup|subset|population)))"
    # "(n=91) overall response …": a count's bracket ends the phrase before the clause's own words (not "and …")
    r"\s*(?:\([^()]{0,30}\))?(?:,\s|(?<=\))\s+(?=(?!(?:and|or|vs|versus|compared)\b)[a-z]))", re.IGNORECASE)
#: "With a PTV of <= 1302 ml (n=41) the actuarial incidence …": a sentence that opens on a counted feature.
_LEADING_COUNTED_FEATURE = quick(
    r"^\W*with\s+(?:an?\s+)?(?![^,;:()]*\b(?:follow|median|mean)\b)"  # not "With a median follow-up of 36 months"
    r"(?P<a>[^,;:()]{3,60}?)\s*\(\s*n\s*=\s*\d+\s*\),?\s+(?=[a-z])", re.IGNORECASE)
#: "In NSTE-ACS patients, the primary endpoint …", "Among under-five children, …": a sentence that opens on patients
#: a word or three name (not a count, an arm's "CT-arm patients", nor the whole trial's "all", "evaluable" patients).
_LEADING_NAMED_PATIENTS = quick(
    r"^\W*(?:(?:by contrast|in contrast|however|similarly|likewise|conversely|moreover|furthermore|in addition),?\s+)?"
    r"(?:in|among|for)\s+(?:the\s+)?"
    r"(?P<s>(?!(?:all|both|each|these|those|such|other|remaining|our|this|the|study|trial|evaluable|assessable|enrolled|"
    r"randomi[sz]ed|treated|included|analy[sz]ed|individual|most|many|some|several|few)\b)"
    r"[A-Za-z][\w*+/-]*(?:\s+(?![\w-]*?\b(?:arms?|groups?)\b|(?:of|in|on|at|to|and|or|analys\w*)\b|\d)[\w*+/-]+){0,2}?\s+(?:patients|subjects|women|men|children|participants)"
    r"(?:\s+(?:with|without|born|whose|aged|undergoing)\s+[^,;:()]{3,60}?)?)"  # "Among HIV-uninfected children born to …"
    r"\s*(?:\([^()]{0,30}\))?,\s", re.IGNORECASE)
#: "Median PFS in Japanese patients was 12.1 months … and 4.9 months …": the subject's subgroup.
_SUBJECT_SUBGROUP = Keyed(quick(
    r"\b(?:(?:in|among)\s+(?:the\s+)?(?:(?:subgroup|subset)\s+of\s+)?"
    r"|for\s+(?:the\s+)?(?=[^,;:()]{0,50}?\b(?:subgroup|subset|population)\s+(?:was|were)\b))"  # not "for marimastat patients"
    r"(?P<s>(?!(?:all|both|each|these|those|such|other|remaining|the|two|three)\b)"
    r"[A-Za-z][\w-]*(?:\s+[\w-]+){0,2}?\s+(?:patients|population|subgroup|subset)"
    r"|(?:patients|those|women|men)\s+(?:with|without|who)\s+(?:(?!\bthe\s)[^,;:()]){3,60}?)\s+(?:was|were)\b",
    re.IGNORECASE,
), "patients", "population", "subgroup", "subset", "those", "men")


def _clause_subgroup(text: str) -> tuple[str, int] | None:
    """The subgroup a sentence opens on, or its subject's ("ORR in the target population was …"), and
    where its phrase ends: the values after it are that subgroup's."""
    m = _LEADING_SUBGROUP.match(text)
    if m is not None:
        return _clean_subgroup(m.group("a") or m.group("b")), m.end()
    n = _LEADING_NAMED_PATIENTS.match(text) or _LEADING_COUNTED_FEATURE.match(text)
    if n is not None:
        return _clean_subgroup(n.group(n.lastgroup or "s")), n.end()
    s = _SUBJECT_SUBGROUP.search(text)
    if s is not None and not _DIGIT.search(text, 0, s.start()):  # the subject comes before every value
        return _clean_subgroup(s.group("s")), s.end()
    return None


def _semicolon_outside_brackets(text: str, start: int, end: int) -> bool:
    """ "(…; difference = 15%; 95% CI …)": a semicolon within brackets does not end a clause."""
    depth = 0
    for ch in text[start:end]:
        depth += ch in "(["
        depth -= ch in ")]"
        if ch == ";" and depth <= 0:
            return True
    return False


_RESPECTIVE_SUBGROUPS = Keyed(quick(
    # "better in patients with X compared with those without (85.7 and 33.3%, respectively)": before "X and Y, respectively"
    r"\b(?:in|among|for)\s+(?:patients|those)\s+with\s+(?P<a4>[^,;()]{3,80}?)\s+(?:compared\s+(?:with|to)|versus|vs\.?|than)\s+"
    r"(?:patients|those)\s+without\s*[(\[][^()\[\]]*\brespectively"
    r"|\b(?:in|among|for)\s+(?:patients|those)\s+with\s+(?P<a>[^,;]{3,80}?)\s+and\s+(?:(?:those|patients)\s+with\s+)?(?P<b>[^,;]{3,80}?),?\s+respectively"
    r"|\bfor\s+(?P<a2>[\w-]+(?:\s+[\w-]+)?)\s+than\s+for\s+(?P<b2>[\w-]+(?:\s+[\w-]+)?)\b"  # "better for responders than for non-responders"
    r"|\b(?:patients|those)\s+with\s+and\s+without\s+(?P<w>[^,;()]{3,60}?)(?=\s+(?:by|on|at|according|were|was|had)\b|\s*[,(])"
    r"[^;]{0,200}?\brespectively",
    re.IGNORECASE,
), "respectively", "than")


#: "Patients with high baseline miR-21 had worse PFS (3.5 vs. 12.7 months) … compared to patients with low miR-21"
_CONTRASTED_SUBGROUPS = Keyed(quick(
    r"\b(?:[Pp]atients|[Tt]hose|[Ww]omen|[Mm]en)\s+with\s+(?P<a>[^,;:()]{3,60}?)\s+(?:had|showed|experienced|achieved)\b"
    r".{0,200}?\b(?:compared\s+(?:to|with)|than)\s+(?:(?:patients|those|women|men)\s+(?P<b>(?:with|without)\s+[^,;:().]{3,60}?)"
    r"|(?P<b3>[\w+/-]+\s+patients)"  # "… had longer OS than EGFR-wild patients (74.8 vs. 25.3 months)"
    r"|(?:patients|those)\s+(?P<bw>without))"  # "… had a lower ORR (8.7%) than those without (30.0%)": without X
    r"(?=\s*(?:[,;:().]|$))"
), "compared", "than")


def _not_a_subgroup(phrase: str, arms: set[str]) -> bool:
    """The whole trial ("intention-to-treat population"), an arm ("for DC-treated patients", "for PCB patients"),
    or the disease every patient has ("patients with metastatic renal cell carcinoma"): not a subgroup."""
    return bool(_NOT_SUBGROUP.search(phrase) or phrase.lower() in {"subset", "subgroup", "population"}
                or any(re.search(rf"(?<!\w){re.escape(arm)}(?!\w)", phrase, re.IGNORECASE) for arm in arms)
                or _TRIAL_DISEASE.match(phrase))


#: A disease named with its extent only: the trial's population, not a subgroup of it.
_TRIAL_DISEASE = quick(
    r"(?!.*(?:positive|negative|mutant|mutation|wild|squamous|adeno|stage|grade|node|express|amplif|high|low|\+))"
    r"(?:(?:metastatic|advanced|far-advanced|recurrent|relapsed|refractory|unresectable|locally|inoperable|or|and)\s+)+"
    r"[\w\s/-]{0,40}?(?:cancer|carcinoma|NSCLC|CRC|m?RCC|HCC|DLBCL|MCL|lymphoma|leuka?emia|myeloma|melanoma|sarcoma|glioma)s?"
    r"(?:\s*\([^()]*\))?$", re.IGNORECASE)


def _respective_subgroups(drafts: list[Draft], text: str) -> bool:
    """ "in patients with A and those with B, respectively", "patients with A had … (a vs. b) compared to
    patients with B": each pair of one endpoint's values."""
    m = _RESPECTIVE_SUBGROUPS.search(text) or _CONTRASTED_SUBGROUPS.search(text)
    if m is None:
        return False
    found = m.groupdict()
    if found.get("w") or found.get("bw") or found.get("a4"):  # "patients with and without HER2 … 34% and 7%, respectively"
        named = _clean_subgroup(found.get("w") or found.get("a4") or found["a"])
        labels = [named, "without " + named]
    else:
        labels = [_clean_subgroup(found.get("a") or found.get("a2") or ""),
                  _clean_subgroup(found.get("b") or found.get("b2") or found.get("b3") or "")]
    arms = {d.arm.lower() for d in drafts if d.arm}
    if any(_not_a_subgroup(label, arms) for label in labels):
        return False  # "… had longer OS than placebo patients", "better for drug A than for placebo": arms
    groups: dict[int, list[Draft]] = {}
    for d in drafts:
        if d.arm is None:
            groups.setdefault(id(d.mention), []).append(d)
    for group in groups.values():
        if len(group) == 2:
            for d, label in zip(group, labels, strict=True):
                d.subgroup = label
    return True


#: "(58% v 41%; liver, 62% v 42%; lung, 58% v 35%)": a subgroup named at the head of a list item.
_LIST_ITEM_LABEL = quick(r"\s*(?P<label>[A-Za-z][A-Za-z +/-]{1,30}?),\s*\d")


def _listed_subgroup(text: str, d: Draft) -> str | None:
    head = max(text.rfind(";", 0, d.pos), text.rfind("(", 0, d.pos))
    if head < 0 or d.pos - head > 60:
        return None
    m = _LIST_ITEM_LABEL.match(text, head + 1, d.pos + 1)
    if m is None or _NOT_LIST_LABEL.search(m.group("label")) or find_mentions(m.group("label")):
        return None  # "(median TTP, 37.3 v 31.9 weeks)", "(AT, 3%; AC, 4%)": a measure or an arm, not a subgroup
    return m.group("label").strip()


_NOT_LIST_LABEL = quick(r"\b(?:median|mean|rate|ratio|hazard|odds|range|ci|p|n|total|overall|respectively|and|or|vs?|versus)\b|^no\b"
                        r"|(?-i:^[A-Z0-9+/-]+$)"
                        # an arm's dose, combination or timing ("low dose, 8/44 [18.2%]", "early, 4.5%; delayed, 8.3%"),
                        # or an event counted ("nonfatal stroke, 12.5%; fatal stroke, 2.2%")
                        r"|\b(?:doses?|mg|plus|early|delayed|immediate|deferred|fatal|nonfatal|deaths?|stroke|events?)\b",
                        re.IGNORECASE)


def _subgroup_phrase(d: Draft, drafts: list[Draft], text: str, positions: list[int], named: bool) -> str | None:
    """ "in patients with X …" before the value (with no other number or clause between), or
    "… in the X subgroup" after it (or after the bracket it sits in); the phrase before it is looked
    for only where the text may name one (``named``: ``_MAY_NAME_SUBGROUP``)."""
    last = None
    for m in _SUBGROUP_PHRASE.finditer(text, max(0, d.pos - 160), d.pos) if named else ():
        last = m
    if last is not None and any(last.end() <= p < d.pos for p in positions):
        last = None  # another number sits between the phrase and this one
    if last is not None and _SECOND_SIDE.match(last.group(0)) and not any(p < last.start() for p in positions):
        last = None  # "had longer survival than those without X (9.7 vs 6.8 months)": both sides' values, not X's
    if last is not None and not _OWN_VALUES.match(text, last.end()) and any(
            o is not d and 0 <= last.start() - o.end < 70 and not _NEW_CLAUSE.search(text, o.end, last.start()) for o in drafts):
        last = None  # the phrase qualifies the number right before it (unless a bracket of its own values follows it)
    if last is None:
        last = _SUBGROUP_AFTER.match(text[d.end: _after_window_end(text, d.end)])
    if last is None and _depth(text[d.end:]) < 0:
        close = closing_bracket(text, d.end)
        last = _SUBGROUP_AFTER.match(text[close + 1: close + 90]) if close is not None else None
        if last is not None and close is not None and _OWN_VALUES.match(text, close + 1 + last.end()):
            last = None  # "(27.1 vs 18.9 months), especially in the subgroup of X (22.5 vs 13.5 months)": X's own values
    return _clean_subgroup(last.group("a") or last.group("b") or last.groupdict().get("c") or "") if last is not None else None


_BRACKET_OPENS = quick(r"\s*\(")


def _after_window_end(text: str, end: int) -> int:
    """Where the text after a value that may name its subgroup ends: 90 characters on, counted past the bracket
    right after the value ("8·1% (from 28·1% [21·2–36·6] to 36·2% [28·7–43·8]; HR 0·77 …) in eligible patients")."""
    opened = _BRACKET_OPENS.match(text, end)
    close = closing_bracket(text, opened.end()) if opened else None
    return (close if close is not None else end) + 90


#: "… or those with X", "than those with X": a phrase naming the second side of a contrast; the values after it
#: are that side's only when the first side's came before it.
_SECOND_SIDE = quick(r"(?:or|and|than)\s", re.IGNORECASE)


#: A bracket of numbers right after a subgroup phrase: the values are that subgroup's.
_OWN_VALUES = quick(r"\s*[(\[][^()\[\]]*\d")


# "…(15.0% v 12.4%), and a similar trend was noted in patients with X (13.5% v 10.5%)": a new clause.
_NEW_CLAUSE = quick(r"[;]|\b(?:was|were|is|are|noted|observed|seen|found|reported|but|whereas)\b")


def _clean_subgroup(phrase: str) -> str:
    phrase = re.sub(r"\s*\[[\d,–\- ]+\]\s*$", "", phrase)  # a citation mark is not part of it
    if "$" in phrase:  # "those with $CPS \geq 1$": the sign as printed
        phrase = re.sub(r"\\g(?:eq|e)\b\s*", "≥ ", re.sub(r"\\l(?:eq|e)\b\s*", "≤ ", phrase)).replace("$", "")
    phrase = re.sub(r"^(?:(?:patients|those|subjects)\s+)?(?:with|harbou?ring|who|whose)\s+", "", phrase)
    phrase = re.sub(r"\s+", " ", phrase).strip(" ,.:")
    phrase = re.sub(r"^(?:a|an|the)\s+", "", phrase, flags=re.IGNORECASE)
    return re.sub(r"^[\w+/-]+-treated\s+(?=\S+\s+patients$)", "", phrase)  # "EVE-treated Asian patients": Asian patients
