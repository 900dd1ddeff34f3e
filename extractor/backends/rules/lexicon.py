"""Drug, regimen and country lexicons, loaded once from ``data/*.tsv``.

Drug names are found by looking word n-grams up in a dict (fast: linear in the
text, whatever the lexicon size), then by INN stems (-mab, -nib, -cel...) and
code-name shapes (MK-2870) for drugs the lexicon does not know.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources

from extractor.backends.rules.text import HYPHENS
from extractor.patterns import quick


@dataclass(frozen=True, slots=True)
class Drug:
    name: str
    type: str
    target: str | None


@dataclass(frozen=True, slots=True)
class DrugMention:
    start: int
    end: int
    text: str
    drug: Drug


@dataclass(frozen=True, slots=True)
class Lexicon:
    drugs: dict[str, Drug]  # lowercase name or alias -> drug
    max_words: int
    first_words: frozenset[str]  # first words of multi-word names
    name_starts: frozenset[str]  # every beginning of every name or alias (lowercase)
    regimens: dict[str, tuple[str, ...]]  # regimen as written -> components
    countries: dict[str, str]  # alias as written -> country name
    country_words: int  # longest alias, in words
    country_first: frozenset[str]  # first words of multi-word aliases
    country_keys: frozenset[str]  # words that may start a country's name: aliases and first words
    country_stems: frozenset[str]  # beginnings of multi-word aliases, each ending before a space


def _rows(filename: str) -> list[dict[str, str]]:
    try:
        text = resources.files("extractor.backends.rules").joinpath("data", filename).read_text("utf-8")
    except FileNotFoundError:
        return []
    lines = [line for line in text.splitlines() if line.strip() and not line.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t"))


@cache
def lexicon() -> Lexicon:
    """The lexicons, parsed on first use."""
    drugs: dict[str, Drug] = {}
    for row in _rows("drugs.tsv"):
        name = (row.get("name") or "").strip()
        if not name:
            continue
        drug = Drug(name=name, type=(row.get("type") or "drug").strip(), target=(row.get("target") or "").strip() or None)
        for key in [name, *(row.get("aliases") or "").split("|")]:
            key = key.strip().lower()
            if key and key not in drugs:
                drugs[key] = drug
    regimens = {
        row["name"].strip(): tuple(c for c in (row.get("components") or "").split("|") if c)
        for row in _rows("regimens.tsv")
        if row.get("name")
    }
    for regimen in regimens:
        drugs.setdefault(regimen.lower(), Drug(name=regimen, type="drug", target=None))
    countries: dict[str, str] = {}
    for row in _rows("countries.tsv"):
        name = (row.get("name") or "").strip()
        if not name:
            continue
        for alias in [name, *(row.get("aliases") or "").split("|")]:
            alias = alias.strip()
            if alias:
                countries.setdefault(alias, name)
    country_words = max((k.count(" ") + 1 for k in countries), default=1)
    max_words = max((k.count(" ") + 1 for k in drugs), default=1)
    first_words = frozenset(k.split(" ", 1)[0] for k in drugs if " " in k)
    country_first = frozenset(k.split(" ", 1)[0] for k in countries if " " in k)
    country_stems = frozenset(k[:i] for k in countries for i, c in enumerate(k) if c == " ")
    name_starts = frozenset(k[:i] for k in drugs for i in range(1, len(k) + 1))
    return Lexicon(drugs, min(max_words, 5), first_words, name_starts, regimens, countries, country_words,
                   country_first, country_first | countries.keys(), country_stems)


_WORD = quick(r"[A-Za-z0-9α-ωΑ-Ω][A-Za-z0-9α-ωΑ-Ω\-]*")
_STEMS = quick(
    r"^[a-z]{3,}(?:mab|cept|nib|lib|parib|ciclib|lisib|rafenib|tinib|degib|sidenib|platin|taxel|rubicin|"
    r"mustine|citabine|tecan|vedotin|deruxtecan|govitecan|leucel|cel|rsen|stat|zomib|lidomide|semide|setron|pitant)$"
)
_CODE = quick(r"^(?:[A-Z]{2,5}-?[A-Z]?\d{3,5}[a-z]?|[A-Z]{2,5}-[A-Z]\d{3}|[A-Z]-\d{3,5})$")
#: Code-shaped names that are no drug: a cooperative group's trial number ("CALGB-49907", "JCOG1310",
#: "INT-0105") or a tumour marker ("CA125", "CA19-9").
_NOT_A_DRUG_CODE = quick(
    r"^(?:CALGB|JCOG|TCOG|NEJ|CCOG|WJOG|WJTOG|KCSG|ECOG|SWOG|RTOG|NSABP|EORTC|GOG|NCCTG|NRG|ACOSOG|INT|AIO|"
    r"GEICAM|IBCSG|BIG|HeCOG|IFCT|GERCOR|FFCD|PRODIGE|NCIC|CCTG|JGOG|TROG|AGITG|HOVON|LYSA|GHSG|NOGGO|AGO|MRC|"
    r"NCT|CA)-?\d"
)
_STOP = frozenset({"the", "and", "with", "plus", "mab", "concept", "intercept", "accept", "except", "recept", "statistics"})


def _stem_type(word: str) -> str:
    if word.endswith(("mab", "cept")):
        return "biological"
    if word.endswith("cel"):
        return "cell_therapy"
    return "drug"


def find_drugs(text: str, *, code_names: bool = False) -> tuple[DrugMention, ...]:
    """Drug mentions in ``text``, longest match first, left to right (cached: the same
    sentence is looked at by several rules)."""
    if "\u2010" in text or "\u2011" in text:
        return _with_other_hyphens(text, code_names)
    return _find_drugs(text, code_names)


def _with_other_hyphens(text: str, code_names: bool) -> tuple[DrugMention, ...]:
    """The drugs of a text that joins words with another hyphen ("nab‐paclitaxel", "5‐FU", "S‐1"), read as "-"
    and named as written."""
    read = _find_drugs(text.translate(HYPHENS), code_names)
    return tuple(DrugMention(m.start, m.end, text[m.start:m.end], m.drug) for m in read)


@lru_cache(maxsize=2048)
def _find_drugs(text: str, code_names: bool) -> tuple[DrugMention, ...]:
    """Longest lexicon match at each word, left to right; a word alone is looked up, then
    guessed (stems, code names), then split at its hyphens.

    Most words of a text are neither a drug nor the first word of one, and the same words
    recur in every text; such words are remembered (``_plain_words``) and skipped without
    looking at them again, so only the few that may start a drug name are walked.
    """
    lex = lexicon()
    words = _WORD.findall(text)
    plain = _plain_words(code_names)
    if plain.issuperset(words):
        return ()  # most short texts (a window, an abbreviation) hold no word worth a look
    todo = [i for i, word in enumerate(words) if word not in plain]
    matches = list(_WORD.finditer(text))  # offsets, wanted only now that a word may match
    out: list[DrugMention] = []
    taken = 0  # words before this one are part of a match already
    for i in todo:
        if i < taken:
            continue
        word = words[i]
        start = matches[i].start()
        first = word.lower() in lex.first_words
        if first:
            end = _longest_name(text, matches, i, lex, out)
            if end:
                taken = end
                continue
        alone = _alone(word, code_names)
        if alone:
            out.extend(DrugMention(start + a, start + b, part, drug) for a, b, part, drug in alone)
            taken = i + 1
        elif not first:
            _remember_plain(plain, word)
    return tuple(out)


_SPACED_WORDS = quick(r"[\w\-α-ω]+(?: [\w\-α-ω]+)*")


def _longest_name(text: str, matches: list[re.Match[str]], i: int, lex: Lexicon, out: list[DrugMention]) -> int:
    """The longest multi-word lexicon name starting at word ``i`` (words one space apart) appended
    to ``out``; the index of the word after it, or 0 when there is none."""
    if len(matches) - i < 2:
        return 0
    two = text[matches[i].start():matches[i + 1].end()]
    if two.isascii() and (not _SPACED_WORDS.fullmatch(two) or two.lower() not in lex.name_starts):
        return 0  # no name goes on with these two words ("as the", "on day"): longer spans begin with them
    for n in range(min(lex.max_words, len(matches) - i), 1, -1):
        start, end = matches[i].start(), matches[i + n - 1].end()
        span = text[start:end]
        if not _SPACED_WORDS.fullmatch(span):
            continue
        drug = lex.drugs.get(span.lower())
        if drug is not None:
            out.append(DrugMention(start, end, span, drug))
            return i + n
    return 0


@lru_cache(maxsize=16384)
def _alone(word: str, code_names: bool) -> tuple[tuple[int, int, str, Drug], ...]:
    """What one word names on its own, as (start, end, text, drug) relative to the word: a
    lexicon name, a guessed drug, or the drugs of a hyphenated word ("FOLFIRI-bevacizumab")."""
    lex = lexicon()
    drug = lex.drugs.get(word.lower())
    if drug is None:
        drug = _guess(word, code_names)
    if drug is not None:
        return ((0, len(word), word, drug),)
    if "-" in word:
        return tuple((m.start, m.end, m.text, m.drug) for m in _hyphenated_drugs(word, 0, lex))
    glued = _GLUED_TO_DOSE.match(word)  # "600 mg m−2cyclophosphamide": a dose's unit glued to the name in extracted text
    if glued and (drug := lex.drugs.get(glued.group(1).lower())) is not None:
        return ((glued.start(1), len(word), glued.group(1), drug),)
    return ()


_GLUED_TO_DOSE = quick(r"\d+([A-Za-z]{4,})$")


_PLAIN: tuple[set[str], set[str]] = (set(), set())
_PLAIN_LIMIT = 200_000


def _plain_words(code_names: bool) -> set[str]:
    """Words known to name no drug alone and to start no multi-word name (one set per ``code_names``)."""
    return _PLAIN[code_names]


def _remember_plain(plain: set[str], word: str) -> None:
    if len(plain) >= _PLAIN_LIMIT:
        plain.clear()  # a bound on memory; the words are learnt again
    plain.add(word)


def _hyphenated_drugs(span: str, start: int, lex: Lexicon) -> list[DrugMention]:
    """The drugs of a hyphenated word when every part is one ("FOLFIRI-bevacizumab"), else []."""
    out, at = [], start
    for part in span.split("-"):
        drug = lex.drugs.get(part.lower()) if len(part) >= 3 else None
        if drug is None:
            return []
        out.append(DrugMention(at, at + len(part), part, drug))
        at += len(part) + 1
    return out if len(out) >= 2 else []


_STEM_ENDINGS = ("mab", "cept", "nib", "lib", "tinib", "degib", "platin", "taxel", "rubicin", "mustine",
                 "citabine", "tecan", "vedotin", "cel", "rsen", "stat", "zomib", "lidomide", "semide", "setron", "pitant")


def _guess(word: str, code_names: bool) -> Drug | None:
    low = word.lower()
    if not low.endswith(_STEM_ENDINGS) and not (code_names and not word.isalpha()):
        return None
    if _STEMS.match(low) and low not in _STOP:
        return Drug(low, _stem_type(low), None)
    if code_names and _CODE.match(word) and not _NOT_A_DRUG_CODE.match(word):
        return Drug(word, "drug", None)
    return None


#: A capitalised word not inside another: "(?<![\w-])[A-Z]…" with the look-behind after the capital,
#: so that the regex engine can skip to the next capital instead of trying every character.
_CAPITALISED = quick(r"[A-Z](?<![\w-][A-Z])[A-Za-z.'’-]*")
_PLACE_WORD = quick(r"[A-Za-z.'’-]+")


def find_countries(text: str) -> list[tuple[int, int, str]]:
    """(start, end, country) for each country name or adjective in ``text`` (case as written)."""
    lex = lexicon()
    out: list[tuple[int, int, str]] = []
    last_end = 0
    for m in _country_candidates(text, lex):
        if m.start() < last_end:
            continue
        # Grow the span word by word ("Republic of Korea"); keep the longest known alias.
        word = m.group(0).rstrip(".")
        if word not in lex.country_first:
            if word in lex.countries and not re.match(r"[\w-]", text[m.start() + len(word):m.start() + len(word) + 1]):
                out.append((m.start(), m.start() + len(word), lex.countries[word]))
            continue
        best = None
        end = m.end()
        for _ in range(lex.country_words):
            span = text[m.start():end].rstrip(".")
            if span in lex.countries:
                best = (m.start(), m.start() + len(span), lex.countries[span])
            if text[m.start():end] not in lex.country_stems:
                break  # no alias goes on from here ("The study")
            nxt = _PLACE_WORD.match(text, end + 1) if text[end:end + 1] == " " else None
            if nxt is None:
                break
            end = nxt.end()
        if best and not re.match(r"[\w-]", text[best[1]:best[1] + 1]):
            out.append(best)
            last_end = best[1]
    return out


def _country_candidates(text: str, lex: Lexicon) -> list[re.Match[str]]:
    """The capitalised words of ``text`` that may start a country's name, in order (a long
    text has a few among hundreds of capitalised words; only those are walked)."""
    return [m for m in _CAPITALISED.finditer(text) if m.group().rstrip(".") in lex.country_keys]


def regimen_components(name: str) -> tuple[str, ...]:
    return lexicon().regimens.get(name, ())


#: Lexicon targets of the drugs that make up a "chemotherapy".
CYTOTOXIC_TARGETS = frozenset({
    "alkylating agent", "antimetabolite", "topoisomerase inhibitor", "anthracycline", "taxane", "platinum",
    "antitumor antibiotic", "vinca alkaloid", "microtubule inhibitor",
})


def cytotoxic(drug: Drug) -> bool:
    """A chemotherapy drug, or a regimen of them ("cisplatin", "FOLFOX")."""
    return drug.target in CYTOTOXIC_TARGETS or bool(regimen_components(drug.name))
