"""Text plumbing for the rule backend: sentences with offsets, sections, numbers.

Everything keeps character offsets into the original document so that every
evidence quote is a verbatim substring of it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Section kinds a heading can open. "other" sections (funding, affiliations) are skipped.
BACKGROUND, METHODS, RESULTS, CONCLUSION, DISCUSSION, REFERENCES, OTHER, BODY = (
    "background", "methods", "results", "conclusion", "discussion", "references", "other", "body",
)

_HEADING_WORDS: dict[str, str] = {
    "background": BACKGROUND, "introduction": BACKGROUND, "purpose": BACKGROUND,
    "objective": BACKGROUND, "objectives": BACKGROUND, "aim": BACKGROUND, "aims": BACKGROUND,
    "rationale": BACKGROUND, "context": BACKGROUND, "importance": BACKGROUND,
    "methods": METHODS, "method": METHODS, "patients and methods": METHODS,
    "materials and methods": METHODS, "design": METHODS, "study design": METHODS,
    "experimental design": METHODS, "methods and materials": METHODS, "outcomes": METHODS,
    "study procedure": METHODS, "statistical analysis": METHODS, "participants": METHODS,
    "results": RESULTS, "findings": RESULTS, "efficacy": RESULTS, "safety": RESULTS,
    "baseline patient characteristics": RESULTS,
    "conclusion": CONCLUSION, "conclusions": CONCLUSION, "interpretation": CONCLUSION,
    "conclusion and perspective": CONCLUSION, "summary": CONCLUSION,
    "discussion": DISCUSSION, "comment": DISCUSSION,
    "references": REFERENCES, "bibliography": REFERENCES,
    "funding": OTHER, "acknowledgements": OTHER, "acknowledgments": OTHER,
    "author contributions": OTHER, "competing interests": OTHER, "additional information": OTHER,
    "data availability": OTHER, "reporting summary": OTHER, "sequencing": OTHER,
    "electronic supplementary material": OTHER,
    # Registration lines carry the registry number: design, not results.
    "trial registration": METHODS, "clinical trial registration": METHODS, "registration": METHODS,
}

_MD_HEADING = re.compile(r"^\s{0,3}#{1,6}\s*\**\s*(?P<h>[^*#\n]{2,80}?)\s*\**\s*$")
_STRUCT_HEADING = re.compile(r"^\s*(?:ABSTRACT\.)?(?P<h>(?:[A-Z][A-Z &/]+\.)*[A-Z][A-Z &/]+)[.:]*\s*$")
_INLINE_LABEL = re.compile(
    r"^\s*(?P<h>Background|Purpose|Objectives?|Aims?|Introduction|Methods?|Patients and Methods|"
    r"Materials and Methods|Experimental Design|Design|Results?|Findings|Conclusions?|"
    r"Interpretation|Trial registration|Funding)\s*:\s*",
    re.IGNORECASE,
)

_ABBREVIATIONS = frozenset(
    ["vs", "v", "al", "e.g", "i.e", "etc", "fig", "figs", "no", "nos", "approx", "ca", "dr", "mr", "ms", "prof", "ref", "refs", "cf", "st", "resp", "incl", "eq", "min", "max", "mo", "yr", "yrs", "wk", "wks", "sec", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec"]
)
_BOUNDARY = re.compile(r"[.!?](?:[\"”’)\]]|<sup>[^<]{0,20}</sup>|\[\d[\d,–\- ]*\])*\s+(?=[A-Z0-9(\[\"“‘])")
_LINE_SPLIT = re.compile(r"\n")


_CASED_SYNTAX = re.compile(r"\\[ABDSWZN]|\(\?-i|\(\?[a-z]*i|\(\?P[<=]\w*[A-Z]")


def folded(pattern: str) -> re.Pattern[str]:
    """``pattern`` compiled to search lowercased text, case-insensitively in effect.

    CPython's ``re`` tries a case-insensitive alternation several times slower than
    the same alternation case-sensitively, so hot patterns are written to run over
    ``text.lower()``. The caller lowercases; offsets into the lowercased text equal
    offsets into the original whenever the lengths agree (they differ only for rare
    characters such as "İ").

    Raises:
        ValueError: the pattern uses syntax whose meaning lowercasing would change
            (``\\S``, ``\\W``, ``\\D``, ``\\B``, inline case flags, group names
            with capitals).
    """
    if _CASED_SYNTAX.search(pattern):
        raise ValueError(f"pattern cannot be folded: {pattern[:60]!r}")
    return re.compile(pattern.lower().replace("(?p<", "(?P<").replace("(?p=", "(?P="))


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence of the document: its text, offsets and the section it sits in."""

    start: int
    end: int
    text: str
    section: str
    index: int


def _heading_kind(line: str) -> str | None:
    md = _MD_HEADING.match(line)
    raw = md.group("h") if md else None
    if raw is None:
        st = _STRUCT_HEADING.match(line)
        if st and len(line.strip()) <= 60:
            raw = st.group("h").split(".")[-1] or st.group("h")
    if raw is None:
        return None
    key = raw.strip().strip(".:").lower()
    if md:
        return _HEADING_WORDS.get(key, BODY)
    return _HEADING_WORDS.get(key)


def split_sentences(text: str) -> list[Sentence]:
    """Split ``text`` into sentences, tracking headings to give each a section."""
    sentences: list[Sentence] = []
    section = BODY
    for line_start, line in _logical_lines(text):
        if not line.strip():
            continue
        kind = _heading_kind(line)
        if kind is not None:
            section = kind
            continue
        offset = 0
        label = _INLINE_LABEL.match(line)
        if label:
            section = _HEADING_WORDS.get(label.group("h").lower().rstrip("s") + "s") or \
                _HEADING_WORDS.get(label.group("h").lower(), section)
            offset = label.end()
        for s, e in _sentence_spans(line, offset):
            chunk = line[s:e]
            if chunk.strip():
                sentences.append(Sentence(line_start + s, line_start + e, chunk, section, len(sentences)))
    return sentences


_BROKEN = re.compile(r"[A-Za-z,;(\-–]$")


def _logical_lines(text: str) -> list[tuple[int, str]]:
    """Lines, with a sentence broken over a blank line (PDF columns) joined back together.

    A line that ends mid-sentence (a word, comma or open bracket) followed, after blank
    lines, by one starting in lower case, is one line; its text keeps the newlines, so
    offsets and evidence stay verbatim.
    """
    out: list[tuple[int, str]] = []
    pos = 0
    for line in _LINE_SPLIT.split(text):
        start = pos
        pos += len(line) + 1
        if not line.strip():
            continue
        if out and line[:1].islower() and _BROKEN.search(out[-1][1].rstrip()) \
                and not text[out[-1][0] + len(out[-1][1]):start].strip():
            first = out[-1][0]
            out[-1] = (first, text[first:start + len(line)])
            continue
        out.append((start, line))
    return out


def _sentence_spans(line: str, offset: int) -> list[tuple[int, int]]:
    spans = []
    start = offset
    for m in _BOUNDARY.finditer(line, offset):
        end = m.start() + 1
        word = re.search(r"([A-Za-z.]+)$", line[start:end - 1])
        if word and word.group(1).lower().rstrip(".") in _ABBREVIATIONS:
            continue
        if word and len(word.group(1)) == 1 and word.group(1).isupper():
            continue  # an initial ("J. Smith")
        spans.append((start, m.end()))
        start = m.end()
    spans.append((start, len(line)))
    return [(s, e) for s, e in ((s, _rstrip(line, s, e)) for s, e in spans) if e > s]


def _rstrip(line: str, start: int, end: int) -> int:
    while end > start and line[end - 1].isspace():
        end -= 1
    return end


# ---------------------------------------------------------------- numbers

_WORD_NUMBERS = {
    "zero": 0, "no": 0, "none": 0, "one": 1, "single": 1, "two": 2, "three": 3, "four": 4,
    "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11,
    "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
    "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40,
    "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
}
WORD_NUMBER = (
    r"(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[- ](?:one|two|three|four|five|"
    r"six|seven|eight|nine))?|(?:one|two|three|four|five|six|seven|eight|nine) hundred(?: and)?"
    r"(?: (?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety))?(?:[- ](?:one|two|three|"
    r"four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|"
    r"seventeen|eighteen|nineteen))?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|"
    r"twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)"
)
#: A number as printed: 1,794 / 56.5 / 22·4 (Lancet decimal point).
NUM = r"\d{1,3}(?:,\d{3})+(?![\d.·])|\d+(?:[.·]\d+)?"


def parse_number(raw: str) -> float:
    """Parse a printed number: thousands commas, Lancet middle dots, unicode minus."""
    cleaned = raw.strip().replace("·", ".").replace("−", "-").replace("–", "-")
    if re.fullmatch(r"-?\d{1,3}(?:,\d{3})+(?:\.\d+)?", cleaned):
        cleaned = cleaned.replace(",", "")
    return float(cleaned)


def word_to_int(raw: str) -> int | None:
    """"Thirty-one" -> 31, "one hundred and fifty-nine" -> 159, "12" -> 12; None if not a number."""
    raw = raw.strip().lower()
    if re.fullmatch(r"\d{1,3}(?:,\d{3})+|\d+", raw):
        return int(raw.replace(",", ""))
    total, current = 0, 0
    parts = [p for p in re.split(r"[\s-]+", raw) if p and p != "and"]
    if not parts:
        return None
    for part in parts:
        if part == "hundred":
            current = max(current, 1) * 100
        elif part in _WORD_NUMBERS:
            current += _WORD_NUMBERS[part]
        else:
            return None
    return total + current


def distinct(items: list[str]) -> list[str]:
    """``items`` without repeats, first occurrence kept."""
    return list(dict.fromkeys(items))


def is_int(value: float) -> bool:
    return float(value).is_integer()
