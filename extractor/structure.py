"""Document structure: title, sections and sentences, with offsets, from any common layout.

Every backend reads a document through this stage, once; nothing after it re-parses
layout. It reads, in any mix:

- PubMed's flattened form: upper-case labels inline in one paragraph
  (``BACKGROUND: … METHODS: … FINDINGS: …``), from NLM's list of 2,455 printed labels
  (``data/nlm-structured-abstract-labels.txt``) plus ``data/section-labels-extra.tsv``;
- labels at line starts in any case (``Results: …``), and meeting-abstract style where
  later labels run inline (``Background: … Results: … Clinical trial information: NCT…``);
- the Lancet layout (the label alone on its line), dotted paths (``ABSTRACT.SUMMARY.FINDINGS.``),
  Markdown headings and HTML-ish headings (``<h2>``, ``<b>``, ``**…**``);
- unlabelled paragraphs: sections are then inferred from what the sentences say
  (``Section.inferred``), and a sentence with nothing to say stays ``body``;
- the title as a separate field, as the first line, or as a title-shaped first sentence.

Offsets always point into the original text, so evidence stays verbatim.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources

from extractor.patterns import Keyed, quick

BACKGROUND, OBJECTIVE, METHODS = "background", "objective", "methods"
RESULTS, CONCLUSION = "results", "conclusion"
REGISTRATION, FUNDING, DISCUSSION, REFERENCES = "registration", "funding", "discussion", "references"
OTHER, BODY = "other", "body"
KINDS = (BACKGROUND, OBJECTIVE, METHODS, RESULTS, CONCLUSION, REGISTRATION, FUNDING, DISCUSSION, REFERENCES, OTHER, BODY)

_NLM_CATEGORY = {"BACKGROUND": BACKGROUND, "OBJECTIVE": OBJECTIVE, "METHODS": METHODS,
                 "RESULTS": RESULTS, "CONCLUSIONS": CONCLUSION}


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence of the document: its text, offsets and the kind of section it sits in."""

    start: int
    end: int
    text: str
    section: str
    index: int


@dataclass(frozen=True, slots=True)
class Section:
    """A stretch of the document under one label (or inferred, or plain body).

    Attributes:
        kind: One of ``KINDS``.
        start: Where the section's text starts (after its label).
        end: Where it ends.
        label: The label as printed, without markup or punctuation ("FINDINGS",
            "Patients and Methods"); None for body text and inferred sections.
        label_start: Where the label (with its markup) starts; None without a label.
        inferred: True when the kind was inferred from the sentences, not printed.
    """

    kind: str
    start: int
    end: int
    label: str | None = None
    label_start: int | None = None
    inferred: bool = False


@dataclass(frozen=True, slots=True)
class Structure:
    """A document read once: title, sections and sentences."""

    title: str | None
    title_span: tuple[int, int] | None
    sections: tuple[Section, ...]
    sentences: tuple[Sentence, ...]

    @property
    def labelled(self) -> bool:
        """True when the document prints section labels or headings."""
        return any(s.label is not None for s in self.sections)


# ---------------------------------------------------------------- the label vocabulary


def _key(label: str) -> str:
    return " ".join(label.replace("’", "'").upper().split())


@cache
def section_labels() -> dict[str, str]:
    """Printed section label (upper case, single spaces) -> section kind."""
    data = resources.files("extractor") / "data"
    labels: dict[str, str] = {}
    for line in (data / "nlm-structured-abstract-labels.txt").read_text(encoding="utf-8").splitlines():
        label, category, *_ = line.split("|")
        labels[_key(label)] = _NLM_CATEGORY[category]
    for line in (data / "section-labels-extra.tsv").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            label, kind = line.split("\t")
            labels[_key(label)] = kind.strip()
    return labels


def label_kind(label: str) -> str | None:
    """The section kind a printed label opens, or None when it is not a section label.

    A dotted path (``ABSTRACT.SUMMARY.FINDINGS``, ``ABSTRACT.MATERIAL/METHODS``) is read by its last part.
    """
    labels = section_labels()
    key = _key(label.strip(" \t:.*_#"))
    kind = labels.get(key)
    if kind is None and "." in key and set(key) <= _DOTTED_CHARS:
        parts = [p for p in key.split(".") if p.strip()]
        kind = labels.get(parts[-1].strip(" []")) if parts else None
    return kind


#: The characters of a dotted path of labels, "ABSTRACT.METHODOLOGY/PRINCIPAL FINDINGS", "ABSTRACT.[METHODS]" (upper case).
_DOTTED_CHARS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZ ./&,'’-[]")


# ---------------------------------------------------------------- labels in the text

_OPEN = r"(?:\*\*|__|<(?:h[1-6]|b|strong)\b[^>\n]*>)"
_CLOSE = r"(?:\*\*|__|</(?:h[1-6]|b|strong)>)"
#: A whole line that is a heading: "## Results", "**Findings**", "<h2>Methods</h2>", "Findings", "RESULTS:".
_HEADING_LINE = quick(
    rf"^[ \t]*(?P<md>#{{1,6}})?[ \t]*{_OPEN}?[ \t]*(?P<label>[^\n]{{1,90}}?)[ \t]*{_CLOSE}?[ \t]*[:.]?[ \t]*{_CLOSE}?[ \t]*$"
)
#: A label opening a line, its text after it: "RESULTS: …", "Results: …", "<b>Results.</b> …".
#: The label takes all the label characters it can ("{1,70}+", never given back): it can only end
#: where they do, and trying every shorter label first was slow. It may keep trailing spaces, which
#: every reader strips.
_LINE_LABEL = quick(
    rf"^[ \t]*{_OPEN}?(?P<label>[A-Za-z][A-Za-z ,&/'’()\-]{{1,70}}+)[ \t]*{_CLOSE}?[ \t]*(?P<p>\.?:|\.)[ \t]*{_CLOSE}?[ \t]+(?=\S)"
)
#: Where an upper-case label inside a paragraph ends: "… patients. RESULTS: …", "… Sanofi DISCLOSURES: …".
_INLINE_UPPER_END = quick(r"[A-Z][A-Z](?P<p>\.?:|\.)(?=[ \t]+\S)")  # not [A-Z]{2}: a class first lets re skip ahead
_UPPER_LABEL_CHARS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZ,&/'’- ")
#: Capitalised labels inside a paragraph, after a sentence ends: "… rate. Results: …", "… study. Methods. We …".
#: A label's words run up to its colon or full stop, which no word crosses: taking all it can ("{0,5}+")
#: finds the label that trying the shortest first did, without the retries.
_INLINE_TITLE = quick(
    r"[.!?)\]][ \t]+(?:(?P<label>[A-Z][a-z]+(?:[ ,/&-]+[A-Za-z]+){0,5}+)[ \t]*(?P<p>:)(?=[ \t]+\S)"
    r"|(?<=[.!?][ \t])(?P<dlabel>[A-Z][a-z]+(?:[ ,/&-]+[A-Za-z]+){0,5}+)(?=\.[ \t]+[A-Z0-9(\[]))"
)
#: Labels in square brackets, at a paragraph's start or after a sentence ends: "[Purpose] … [Results] …".
_BRACKET_LABEL = quick(r"(?:^|(?<=[.!?)\]])[ \t]+)\[(?P<label>[A-Z][A-Za-z ,/&-]{1,40})\](?=[ \t]+\S)")
_BULLET = quick(r"^\s*[•●▪◦\-*]\s")


@dataclass(frozen=True, slots=True)
class _Mark:
    at: int
    body: int
    kind: str
    label: str
    strong: bool


def _clean_label(raw: str) -> str:
    return raw.strip(" \t:.*_#")


@lru_cache(maxsize=4096)
def _heading(line: str) -> tuple[str | None, str, int | None] | None:
    """(kind, label, markdown level) when the whole line is a heading; kind None for an unknown Markdown heading.
    (Cached: the same heading lines, "ABSTRACT.METHODS:", open document after document.)"""
    if len(line) > 100 and not line.lstrip().startswith("#"):
        return None  # a paragraph, not a heading
    m = _HEADING_LINE.match(line)
    if m is None:
        return None
    label = _clean_label(m.group("label"))
    if not label:
        return None
    level = len(m.group("md")) if m.group("md") else None
    kind = label_kind(label)
    if kind is None and level is None:
        return None
    return kind, label, level


def _upper_label(label: str) -> tuple[str, int] | None:
    """The longest tail of an upper-case run that is a label ("… CI. FINDINGS" -> FINDINGS), with its offset."""
    for word in re.finditer(r"\S+", label):
        kind = label_kind(label[word.start():])
        if kind is not None:
            return kind, word.start()
    return None


def _skip_space(text: str, pos: int) -> int:
    while pos < len(text) and text[pos] in " \t":
        pos += 1
    return pos


def _inline_marks(text: str, start: int, end: int) -> list[_Mark]:
    """Labels running inside the paragraph ``text[start:end]``."""
    marks = []
    segment = text[start:end]
    for m in _INLINE_UPPER_END.finditer(segment):
        end = m.start("p")
        begin = end
        while begin > 0 and end - begin < 70 and segment[begin - 1] in _UPPER_LABEL_CHARS:
            begin -= 1
        while begin < end and not segment[begin].isalpha():
            begin += 1
        found = _upper_label(segment[begin:end])
        if found is not None and begin > 0 and segment[begin - 1] in " \t" and segment[begin].isalpha():
            kind, offset = found
            marks.append(_Mark(start + begin + offset, _skip_space(text, start + m.end()), kind,
                               segment[begin + offset:end], ":" in m.group("p")))
    for m in _INLINE_TITLE.finditer(segment):
        group = "label" if m.group("label") else "dlabel"
        name = m.group(group)
        kind_of = label_kind(name)
        if kind_of is not None and not any(k.at == start + m.start(group) for k in marks):
            body = start + m.end() + (group == "dlabel")  # past the label's full stop
            marks.append(_Mark(start + m.start(group), _skip_space(text, body), kind_of, name, False))
    if "[" in segment:
        for m in _BRACKET_LABEL.finditer(segment):
            kind_of = label_kind(m.group("label"))
            if kind_of is not None:
                marks.append(_Mark(start + m.start("label") - 1, _skip_space(text, start + m.end()), kind_of, m.group("label"), True))
    return marks


def _marks(text: str, lines: list[tuple[int, int]]) -> list[_Mark]:
    """Every section label of the body, in order, each opening a section."""
    marks: list[_Mark] = []
    levels: list[tuple[int, str]] = []  # open Markdown headings: (level, kind)
    for start, end in lines:
        line = text[start:end]
        heading = _heading(line)
        if heading is not None:
            kind, label, level = heading
            if level is not None:
                while levels and levels[-1][0] >= level:
                    levels.pop()
                kind = kind or (levels[-1][1] if levels else BODY)
                levels.append((level, kind))
            marks.append(_Mark(start, end, kind or BODY, label, True))
            continue
        body = start
        opening = _LINE_LABEL.match(line)
        if opening is not None:
            kind = label_kind(opening.group("label"))
            if kind is not None:
                marks.append(_Mark(start + opening.start("label"), start + opening.end(), kind,
                                   _clean_label(opening.group("label")), ":" in opening.group("p")))
                body = start + opening.end()
        marks.extend(_inline_marks(text, body, end))
    marks.sort(key=lambda m: m.at)
    if sum(1 for m in marks if m.label) < 2:
        marks = [m for m in marks if m.strong]
    return marks


# ---------------------------------------------------------------- the title

_TITLE_SKIP = quick(r"^(?:https?:|doi\b|received\b|accepted\b|published\b|copyright\b|©|open access\b)", re.IGNORECASE)
_SENTENCE_INSIDE = quick(r"[.!?]\s+(?=[A-Z])")
_MARKUP = quick(rf"^\s*#{{1,6}}\s*|{_OPEN}|{_CLOSE}")


def _without_markup(line: str) -> str:
    """The line without its heading marks and emphasis ("# ", "**", "<h1>")."""
    if "#" not in line and "*" not in line and "_" not in line and "<" not in line:
        return line  # every mark has one of them: skip the search of a long line
    return _MARKUP.sub("", line)


def _title_line(text: str, lines: list[tuple[int, int]]) -> tuple[int, int] | None:
    """The title, when one of the first lines is one: before any label, title-shaped."""
    for n, (start, end) in enumerate(lines[:12]):
        line = text[start:end]
        if _opens_section(line):
            return None  # the labels have begun
        heading = _heading(line)
        candidate = _without_markup(line).strip()
        if (heading is not None and heading[0] == BODY) or len(candidate) > 400 or len(candidate.split()) < 4 \
                or _TITLE_SKIP.match(candidate) or _BULLET.match(line):
            continue  # front matter ("REVIEW", "Open Access", a journal's name, a DOI)
        if n + 1 == len(lines):
            return None  # the whole document is this line
        if _opens_section(text[lines[n + 1][0]:lines[n + 1][1]]) or _title_shaped(text, lines, n, candidate, line):
            at = start + line.index(candidate[:20])
            return at, at + len(candidate)
        return None
    return None


def _opens_section(line: str) -> bool:
    """The line is a heading or opens with a section label."""
    heading = _heading(line)
    opening = _LINE_LABEL.match(line)
    return (heading is not None and heading[0] not in (None, BODY)) or bool(opening and label_kind(opening.group("label")))


def _title_shaped(text: str, lines: list[tuple[int, int]], n: int, candidate: str, line: str) -> bool:
    """A first line that stands alone as a title: one sentence (or a question and its answer)
    set off by a blank line, or a long unpunctuated line."""
    after = lines[n + 1]
    blank_after = text[lines[n][1]:after[0]].count("\n") >= 2
    inside = len(_SENTENCE_INSIDE.findall(candidate.rstrip(".?!")))
    marked = candidate != line.strip()  # "# Title", "<h1>Title</h1>", "**Title**"
    shorter = len(line) < after[1] - after[0]
    if inside and not marked and not (blank_after and inside <= 2 and len(candidate) <= 300 and shorter):
        return False  # a paragraph of text ("Is X useful? A randomised trial" is still a title)
    return blank_after or marked or (len(candidate.split()) >= 6 and not candidate.endswith("."))


_TITLE_END = quick(r":\s+(?:an?|the)\s+(?:[\w,/-]+\s+){0,8}?(?:trial|study)\b", re.IGNORECASE)
_TITLE_START = quick(r"^(?:an?\s+)?(?:randomi[sz]ed|phase)\b[^.]{0,120}\b(?:trial|study)\s+(?:of|comparing|evaluating)\b",
                          re.IGNORECASE)
_FINITE_VERB = quick(r"\b(?:was|were|is|are|has|have|had|we|our|did|showed|found)\b", re.IGNORECASE)


def _title_in_sentence(first: Sentence) -> int | None:
    """Where a title run into the text ends, when the first sentence opens with one
    ("… (TACT): an open-label, phase III trial. …", "…: a phase 2 trial Dual inhibition …")."""
    m = _TITLE_END.search(first.text)
    if m is not None and not _FINITE_VERB.search(first.text, 0, m.end()):
        rest = first.text[m.end():].lstrip(" .")
        if not rest or rest[0].isupper():
            return first.start + m.end()
    if _TITLE_START.match(first.text) and not _FINITE_VERB.search(first.text):
        return first.end
    return None


# ---------------------------------------------------------------- sentences

#: Words that end in a full stop inside a sentence ("vs.", "et al.", "e.g.", "Fig.", "no."). Units ("min.",
#: "wk.", "mo.") and "etc." are not among them: before a capital they end the sentence ("at 45 min. The …"),
#: though not before a bracket or a number ("69 ± 3.5 yrs. (65–80 yrs.)": ``_UNITS``).
_ABBREVIATIONS = frozenset(
    ["vs", "v", "al", "e.g", "i.e", "u.s", "fig", "figs", "no", "nos", "approx", "ca", "dr", "mr", "prof",
     "ref", "refs", "cf", "st", "resp", "incl", "eq", "max", "jan", "feb", "mar",
     "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec"]
)
#: A sentence ends at a full stop before a capital, a digit, a bracket or a quote, or before a word like
#: "mEOC+P" or "pCR" that starts in lower case but carries a capital.
_UNITS = frozenset(["min", "mo", "yr", "yrs", "wk", "wks", "sec", "ms", "etc"])
_BOUNDARY = quick(r"[.!?](?:[\"”’)\]]|<sup>[^<]{0,20}</sup>|\[\d[\d,–\- ]*\])*\s+(?=[A-Z0-9(\[\"“‘]|[a-z]{1,3}[A-Z])")
_WORD_CHARS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.")


def _word_before(text: str, begin: int, pos: int) -> str:
    """The run of letters and dots that ends at ``pos`` (the word a full stop follows)."""
    at = pos
    while at > begin and text[at - 1] in _WORD_CHARS:
        at -= 1
    return text[at:pos]


def _abbreviation(word: str) -> bool:
    """Whether a full stop after ``word`` is an abbreviation's ("vs.", "e.g.", "U.S."), not a sentence end.

    An acronym in capitals ends a sentence ("receiving ST. After …", not "St. John's"). A single capital is read as an
    initial ("J. Smith", "Mayer, R. J. et al."), though it is more often a label ("in arm A. Median …"): splitting there
    was measured, and the results read from the shorter sentences were wrong as often as right (arms paired by the
    sentence before, names taken from it).
    """
    word = word.rstrip(".")
    if len(word) == 1 and word.isupper():
        return True
    return word.lower() in _ABBREVIATIONS and ("." in word or not word.isupper())


def _unit_before_no_capital(text: str, word: str, after: int) -> bool:
    """Whether a unit or "etc." ends in a full stop before something other than a capital ("3.5 yrs. (65–80")."""
    return word in _UNITS and not text[after:after + 1].isupper()


def _after_sign(text: str, begin: int, pos: int) -> bool:
    """Whether the full stop at ``pos`` follows "=" or "<": a p-value printed with a space ("P =. 048", "P <. 001"),
    not the end of a tag ("…in 2020<sup>1</sup>. Approximately")."""
    at = pos
    while at > begin and text[at - 1] == " ":
        at -= 1
    sign = text[at - 1] if at > begin else ""
    return sign in ("=", "≤", "≥") or (sign in ("<", ">") and at - 1 > begin and text[at - 2] == " ")


_BROKEN = quick(r"[A-Za-z,;(\-–]$")


def _logical_lines(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Non-blank lines of ``text[start:end]``; a sentence broken over a blank line (PDF columns) is one line."""
    out: list[tuple[int, int]] = []
    pos = start
    while pos < end:
        stop = text.find("\n", pos, end)
        stop = end if stop < 0 else stop
        if text[pos:stop].strip():
            if out and text[pos:pos + 1].islower() and _BROKEN.search(text[out[-1][0]:out[-1][1]].rstrip()) \
                    and not text[out[-1][1]:pos].strip():
                out[-1] = (out[-1][0], stop)
            else:
                out.append((pos, stop))
        pos = stop + 1
    return out


def _sentence_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    spans = []
    begin = start
    for m in _BOUNDARY.finditer(text, start, end):
        word = _word_before(text, begin, m.start())
        if _abbreviation(word) or _after_sign(text, begin, m.start()) or _unit_before_no_capital(text, word, m.end()):
            continue
        spans.append((begin, m.end()))
        begin = m.end()
    spans.append((begin, end))
    return [(a, b) for a, b in (_trim(text, a, b) for a, b in spans) if b > a]


_EDGE_MARKUP_START = quick(r"\s+|</?[a-zA-Z][^>\n]{0,80}>|\*\*|__")
_EDGE_MARKUP_END = quick(r"(?:\s+|</?[a-zA-Z][^>\n]{0,80}>|\*\*|__)$")


_EDGE_CHARS = frozenset(" \t\n\r<>*_")


def _trim(text: str, a: int, b: int) -> tuple[int, int]:
    """A span without the whitespace and markup (``<p>``, ``**``) at its edges."""
    while a < b and text[a].isspace():
        a += 1
    while b > a and text[b - 1].isspace():
        b -= 1
    if b == a or (text[a] not in _EDGE_CHARS and text[b - 1] not in _EDGE_CHARS):
        return a, b
    while a < b and (m := _EDGE_MARKUP_START.match(text, a, b)):
        a = m.end()
    while b > a and (m := _EDGE_MARKUP_END.search(text, a, b)):
        b = m.start()
    return a, b


def _split(text: str, section: Section, first_index: int) -> list[Sentence]:
    sentences: list[Sentence] = []
    for a, b in _logical_lines(text, section.start, section.end):
        for s, e in _sentence_spans(text, a, b):
            sentences.append(Sentence(s, e, text[s:e], section.kind, first_index + len(sentences)))
    return sentences


# ---------------------------------------------------------------- unlabelled text

#: What a sentence of each section tends to say (lowercased text).
_CUES: dict[str, re.Pattern[str]] = {
    BACKGROUND: quick(
        r"\b(?:is|are) (?:a|an|the|one|common|associated|considered|known|characteri[sz]ed|limited|unknown|unclear|poor)\b"
        r"|\b(?:remains?|has been|have been|little is known|however|is needed|are needed|there is|there are)\b"),
    OBJECTIVE: quick(
        r"\b(?:the (?:aim|purpose|objective|goal)s?|we (?:aimed|sought|hypothesi[sz]ed)|(?:was|is) (?:designed|conducted|undertaken) to|"
        r"we (?:investigated|evaluated|assessed|compared|examined|explored) (?:whether|if|the)|"
        r"to (?:evaluate|assess|determine|compare|investigate|examine|explore|test) (?:the|whether|if)|"
        r"this (?:study|trial|analysis|report) (?:evaluates|evaluated|assesses|assessed|investigates|investigated|compares|"
        r"compared|examines|examined|explores|explored|aims|aimed)|(?:here )?we (?:report|present|describe))\b"),
    METHODS: quick(
        r"\b(?:were (?:randomly )?(?:assigned|allocated|randomi[sz]ed|stratified|eligible|enrolled|recruited)|randomi[sz]ed to|"
        r"eligible|inclusion|received either|to receive|primary (?:end ?point|outcome|objective)|secondary (?:end ?points?|outcomes?)|"
        r"was (?:assessed|measured|defined|evaluated|calculated)|were (?:assessed|measured|evaluated|collected|analy[sz]ed)|"
        r"intention[- ]to[- ]treat|mg/m|mg/kg|every \d|cycles? of|between (?:19|20)\d\d and|from (?:19|20)\d\d (?:to|until)|"
        r"registered|we (?:conducted|performed|did|designed|randomi[sz]ed|enrolled)|this (?:phase|randomi[sz]ed|multicent\w+|open)|"
        r"single[- ]arm|open[- ]label|phase (?:i{1,3}|[1-3])[ab]?\b|enrolled|were treated|patients received|daily|per cycle|"
        r"(?:trial|study) was (?:conducted|performed|carried out)|double[- ]blind|placebo[- ]controlled|multicent(?:er|re|ric)|"
        r"(?:from|at|in) \d+ (?:centres|centers|hospitals|sites|institutions))\b"),
    # One "\b" before the alternation, not one per branch: the regex engine tries every branch
    # that opens with "\b" at every character, and this pattern was the stage's costliest.
    RESULTS: quick(
        r"\d\s?%|\b(?:(?:95|90)\s?% ci\b|ci\b|p\s?[=<>≤]|hazard ratio|hr\b|median\b|respectively\b|"
        r"(?:was|were) (?:significantly|not (?:statistically )?significant\w*|observed|seen|found|similar|higher|lower|longer|"
        r"shorter|reported)\b|occurred\b|"
        r"did not differ\b|no (?:significant )?difference|compared with\b|per ?cent\b)"  # "Forty-six percent of …"
        r"|\(mean: ?[-−–]?\d[\d.]*\)"),  # "ranged from –0.8 to 2.6 (mean: 1.1)": a mean with no unit (not "mean age: 51 years")
    CONCLUSION: quick(
        r"\b(?:in conclusion|conclude|these (?:results|findings|data)|our (?:results|findings|data)|suggests?|should be|"
        r"may be|might|can be|appears? to|warrant\w*|(?:is|was|are|were) (?:an? )?(?:(?:highly|very|equally|also) )?(?:feasible|safe|effective|active|"
        r"well[- ]tolerated|compatible|superior|non-?inferior|promising|beneficial)|recommend\w*|support\w* the use|"
        r"further (?:studies|trials|research|investigation)|(?:improves|reduces|prolongs|increases) (?:the )?"
        r"(?:risk|survival|overall|progression|response|quality))\b"),
}
_ORDER = (BACKGROUND, OBJECTIVE, METHODS, RESULTS, CONCLUSION)
#: The words one of which every match of the background and conclusion cues holds (``patterns.needed_any``):
#: a sentence lacking them is not searched. A cue is tried at every character of a sentence, and half the
#: sentences lack the background words, four in five the conclusion words. The other cues' words are in most
#: sentences, or too many to test: testing them took more time than it saved (timed, alternated in one process).
_SEARCHED_CUES: dict[str, re.Pattern[str] | Keyed] = {
    kind: Keyed.needing(cue) if kind in (BACKGROUND, CONCLUSION) else cue for kind, cue in _CUES.items()}


def _has_cue(kind: str, low: str) -> bool:
    """Whether the lowercased sentence ``low`` has the cue of ``kind``."""
    return _SEARCHED_CUES[kind].search(low) is not None


def _cue_scores(sentence: Sentence) -> list[int]:
    low = sentence.text.lower()
    return [len(_SEARCHED_CUES[kind].findall(low)) for kind in _ORDER]


def infer_kinds(sentences: list[Sentence]) -> list[str]:
    """Kinds of unlabelled sentences: the best split into background, objective, methods,
    results and conclusion, in that order, by what each sentence says. A part with no cue
    of its own kind is plain ``body``, never background by default."""
    if not sentences:
        return []
    scores = [_cue_scores(s) for s in sentences]
    n = len(sentences)
    path = _best_path(scores)
    kinds = [_ORDER[j] for j in path]
    for kind in (BACKGROUND, OBJECTIVE, CONCLUSION):  # a part with no cue of its own is not that part
        j = _ORDER.index(kind)
        if not any(scores[i][j] for i in range(n) if path[i] == j):
            kinds = [BODY if x == kind else x for x in kinds]
    return _by_position(kinds)


def _best_path(scores: list[list[int]]) -> list[int]:
    """The kind (index into ``_ORDER``) of each sentence in the split, kinds in order, that scores best."""
    n, k = len(scores), len(_ORDER)
    best: list[list[float]] = []  # best[i][j]: the best split of sentences 0..i with sentence i of kind j
    back: list[list[int]] = []  # back[i][j]: the kind of sentence i - 1 in that split
    for i, row in enumerate(scores):
        expected = (k - 1) * i / max(1, n - 1)
        priors = [-0.01 * abs(j - expected) for j in range(k)]  # ties go to the expected place
        if not best:
            best.append([score + prior for score, prior in zip(row, priors, strict=True)])
            back.append([0] * k)
            continue
        last, here, pointers = best[-1], [], []
        p = 0  # the best kind up to j for the sentence before: the first of equals, as max() would pick
        for j in range(k):
            if last[j] > last[p]:
                p = j
            here.append(last[p] + row[j] + priors[j])
            pointers.append(p)
        best.append(here)
        back.append(pointers)
    path = [max(range(k), key=lambda q: best[n - 1][q])]
    for i in range(n - 1, 0, -1):
        path.append(back[i][path[-1]])
    path.reverse()
    return path


def _by_position(kinds: list[str]) -> list[str]:
    """Plain sentences before the trial's aim or methods are its background; after its
    results, its conclusion (their place says what they are)."""
    first = next((i for i, k in enumerate(kinds) if k in (OBJECTIVE, METHODS)), None)
    if first is not None:
        kinds = [BACKGROUND if i < first and k == BODY else k for i, k in enumerate(kinds)]
    last = max((i for i, k in enumerate(kinds) if k == RESULTS), default=None)
    if last is not None:
        kinds = [CONCLUSION if i > last and k == BODY else k for i, k in enumerate(kinds)]
    return kinds


# ---------------------------------------------------------------- the stage


def _lines(text: str) -> list[tuple[int, int]]:
    out = []
    pos = 0
    for line in text.split("\n"):
        if line.strip():
            out.append((pos, pos + len(line)))
        pos += len(line) + 1
    return out


def _line_end(text: str, pos: int) -> int:
    end = text.find("\n", pos)
    return len(text) if end < 0 else end


def _sections(text: str, body_start: int, marks: list[_Mark]) -> list[Section]:
    sections = []
    first = marks[0].at if marks else len(text)
    if text[body_start:first].strip():
        sections.append(Section(BODY, body_start, first))
    for i, mark in enumerate(marks):
        end = marks[i + 1].at if i + 1 < len(marks) else len(text)
        sections.append(Section(mark.kind, mark.body, max(mark.body, end), mark.label, mark.at))
    return sections


def read_structure(text: str, title: str | None = None) -> Structure:
    """Title, sections and sentences of ``text`` (``title``: one given apart from the text)."""
    lines = _lines(text)
    title_span = None if title else _title_line(text, lines)
    body_start = _line_end(text, title_span[1]) if title_span else 0
    body_lines = [(a, b) for a, b in lines if a >= body_start]
    marks = _marks(text, body_lines)
    sections = _sections(text, body_start, marks)
    sentences: list[Sentence] = []
    for section in sections:
        sentences.extend(_split(text, section, len(sentences)))
    labelled = any(m.kind != BODY for m in marks)  # "Abstract" or "REVIEW" alone label nothing
    if title is None and title_span is None and sentences and not labelled:
        title_span, sentences = _title_from_sentences(text, sentences)
    if not labelled and sentences:
        sections, sentences = _inferred(text, sentences)
    else:
        sentences = _aim_and_background(sentences)
    found_title = title or (text[title_span[0]:title_span[1]].strip(" .") if title_span else None)
    return Structure(found_title, title_span, tuple(sections), tuple(sentences))


def _aim_and_background(sentences: list[Sentence]) -> list[Sentence]:
    """Printed background and objective sections, sentence by sentence, as unlabelled text reads
    them: the statement of aim is the objective; what comes before it, the background."""
    aims = [s.section in (BACKGROUND, OBJECTIVE) and _has_cue(OBJECTIVE, s.text.lower()) for s in sentences]
    out = [_objective_in_background(s, aim) for s, aim in zip(sentences, aims, strict=True)]
    first_aim = next((i for i, aim in enumerate(aims) if aim), None)
    if first_aim is None:
        return out
    return [Sentence(s.start, s.end, s.text, BACKGROUND, s.index) if i < first_aim and s.section == OBJECTIVE else s
            for i, s in enumerate(out)]


def _objective_in_background(sentence: Sentence, aim: bool) -> Sentence:
    """In a background or objective section, a statement of aim ("We assessed whether …": ``aim``) is the
    objective and a statement of what is known ("X is common", "Y has been shown") the background,
    as they are where no label says so."""
    if sentence.section not in (BACKGROUND, OBJECTIVE):
        return sentence
    kind = OBJECTIVE if aim else BACKGROUND if _has_cue(BACKGROUND, sentence.text.lower()) else sentence.section
    return Sentence(sentence.start, sentence.end, sentence.text, kind, sentence.index) if kind != sentence.section else sentence


def _title_from_sentences(text: str, sentences: list[Sentence]) -> tuple[tuple[int, int] | None, list[Sentence]]:
    """A title opening the first sentence, and the sentences without it."""
    end = _title_in_sentence(sentences[0])
    if end is None:
        return None, sentences
    first = sentences[0]
    rest = len(text[end:first.end]) - len(text[end:first.end].lstrip(" ."))
    kept = [Sentence(end + rest, first.end, text[end + rest:first.end], first.section, 0)] if end + rest < first.end else []
    kept += sentences[1:]
    return (first.start, end), [Sentence(s.start, s.end, s.text, s.section, i) for i, s in enumerate(kept)]


def _inferred(text: str, sentences: list[Sentence]) -> tuple[list[Section], list[Sentence]]:
    kinds = infer_kinds(sentences)
    out = [Sentence(s.start, s.end, s.text, kind, s.index) for s, kind in zip(sentences, kinds, strict=True)]
    sections: list[Section] = []
    for s in out:
        if sections and sections[-1].kind == s.section:
            sections[-1] = Section(s.section, sections[-1].start, s.end, inferred=True)
        else:
            sections.append(Section(s.section, s.start, s.end, inferred=s.section != BODY))
    return sections, out
