"""Non-drug interventions named as written: "mantle radiotherapy", "laparoscopic radical hysterectomy",
"sentinel node biopsy", "home-based exercise program", "usual care".

A phrase is a head word that names a kind of intervention (``HEADS``) with the words before it
that say which one ("laparoscopic radical", "home-based exercise"), not when or why it is given
("adjuvant", "postoperative"): labellers write "radiotherapy" for "adjuvant radiotherapy (RT)" and
"mantle radiotherapy" for "mantle radiotherapy alone".
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from extractor.backends.rules.lexicon import find_drugs
from extractor.backends.rules.text import folded
from extractor.patterns import any_of, holds_any, needed_any, quick


@dataclass(frozen=True, slots=True)
class Head:
    """A word that ends a non-drug intervention's name.

    Attributes:
        pattern: Regex source of the head (case ignored).
        type: The contract's intervention type.
        needs: Regex a word before the head must match for the phrase to name an intervention
            ("usual care", not "medical care"); None when the head alone names one ("surgery").
    """

    pattern: str
    type: str
    needs: str | None = None


_ANY_WORD = r"."  # generic heads ("program", "intervention") name one only with a word before them

#: Head words, the longer written first (the regex takes the leftmost, then the first alternative).
HEADS = (
    Head(r"radiation therapy|chemo-?radiation therapy|chemo-?radiotherapy|chemo-?radiation|radiotherapy|irradiation|brachytherapy|"
         r"radiosurgery|hypo-?fractionation|radiation", "radiation"),
    Head(r"surgery|resection|excision|\w+ectomy|dissection|biopsy|reconstruction|transplantation|ablation|"
         r"(?:chemo-?)?emboli[sz]ation|anastomosis|augmentation|preservation|acupuncture|acupressure", "procedure"),
    Head(r"\w+plasty|\w+ostomy", "procedure"),  # "coloplasty", "gastrojejunostomy"
    Head(r"sampling", "procedure", r"node"),
    Head(r"analgesia", "procedure",  # "patient controlled epidural analgesia"; not "placebo analgesia", "postoperative analgesia"
         r"epidural|intravenous|patient|caudal|spinal|intrathecal|paravertebral|pre-?emptive|subpleural|regional|wound"),
    Head(r"stimulation|devices?|stents?|dressings?|catheters?", "device", _ANY_WORD),
    Head(r"exercise|yoga|qigong|tai chi|massage|reflexology|meditation|mindfulness|hypnosis|psychotherapy|"
         r"imagery|relaxation|telemonitoring|navigation|rehabilitation|counsell?ing", "other"),
    Head(r"program(?:me)?s?|interventions?|training|education|coaching|diets?|supplementation|booklets?|support", "other",
         _ANY_WORD),
    Head(r"exercises", "other", _ANY_WORD),  # "home exercises", "pilates exercises"; not "the exercises"
    Head(r"nutrition|feeding", "other",  # "total parenteral nutrition", "early oral feeding"; not "protein-rich nutrition"
         r"enteral|parenteral|oral|tube|gastrostomy|jejunostomy|nasogastric|nasojejunal|artificial|immun"),
    # what a patient is given to read, watch or use: "information leaflet", "peer-modeling videotape", "mobile app"
    Head(r"leaflets?|pamphlets?|brochures?|workbooks?|videos?|videotapes?|DVDs?|websites?|apps?|decision aids?|"
         r"letters?|e-?mails", "other", _ANY_WORD),
    Head(r"messages", "other", r"text|sms|reminder|tailored|targeted|standard|motivational|educational|framed"),
    Head(r"care", "other", r"usual|standard|routine|nursing|conventional"),
    # a therapy named by what it does, not by the drugs it gives ("endocrine therapy", "maintenance therapy")
    Head(r"therapy|therapies", "other",
         r"music|dignity|massage|physical|cognitive|behaviou?ral|laser|decongestive|lymphatic|art\b|light|photodynamic|"
         r"oxygen|hyperbaric|compression|occupational|speech|family|couples?|meaning|narrative|acceptance|reminiscence|"
         r"aroma|sound|play\b|manual|mirror|animal|expressive|problem-solving|mindfulness|interpersonal|psychodynamic"),
    Head(r"mouthwash(?:es)?|mouth ?rinses?|gargles?|lozenges?|ointments?|creams?", "other", r"(?!placebo\b)\w"),  # not "placebo lozenge"
)

_WORD_SHAPE = r"\w+"  # a head of this shape ("\w+ectomy") matches at any word's start


def _alternation(word_shaped: bool = True) -> str:
    """The heads as one pattern, group ``h<i>`` for ``HEADS[i]``; without the word-shaped heads ("\\w+ectomy",
    "\\w+plasty") when not ``word_shaped``."""
    heads = [(i, h.pattern.split("|")) for i, h in enumerate(HEADS)]
    if not word_shaped:
        heads = [(i, [b for b in branches if not b.startswith(_WORD_SHAPE)]) for i, branches in heads]
    return r"\b(?:" + "|".join(f"(?P<h{i}>{'|'.join(branches)})" for i, branches in heads if branches) + r")\b"


_HEADS = _alternation()
# Searched in the lowercased text (re is several times slower on a case-insensitive alternation); the
# case-insensitive one serves the rare text whose lowercasing changes its length.
_HEAD_RE, _HEAD_RE_ANY_CASE = folded(_HEADS), quick(_HEADS, re.IGNORECASE)
#: The heads less the word-shaped ones, which make re try the pattern at every character (a third of its time):
#: searched in a text that holds none of their endings ("ectomy", "plasty", "ostomy"), where they cannot match.
_HEAD_RE_SHORT = folded(_alternation(word_shaped=False))
_WORD_SHAPED_NEEDS = needed_any(quick("|".join(b for h in HEADS for b in h.pattern.split("|") if b.startswith(_WORD_SHAPE))))
_HEAD_HINT = folded(any_of([
    "radi", "fraction", "therap", "surg", "ectom", "section", "ision", "biops", "struct", "transplant", "ablat",
    "emboli", "anastom", "augment", "preserv", "acup", "sampl", "stimul", "device", "stent", "dress", "cathet",
    "exerc", "yoga", "qigong", "tai chi", "massage", "reflex", "medit", "mindful", "hypno", "imagery", "relax",
    "telemon", "navig", "rehab", "counsel", "program", "intervention", "train", "educat", "coach", "diet",
    "supplement", "booklet", "support", "care", "mouth", "gargle", "lozenge", "ointment", "cream", "plasty", "ostomy",
    "analges", "nutrition", "feeding", "mails", "leaflet", "pamphlet", "brochure", "workbook", "video", "dvd",
    "website", "app", "aid", "letter", "message"]))

def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


#: Words that end a name on its left: what the text does with the treatment, not which one it is.
_STOP = _words("""
a an the of to in on at by for from with without and or nor but plus versus vs vs. after before during following
prior than as via per into onto between within who which that this these those their its our his her all both
either each any no not only alone were was is are be been being had has have received receive receives receiving
underwent undergo undergoes undergoing undergone treated performed given assigned randomized randomised allocated
compare compared comparing combined using used patients women men subjects participants cancer cancers carcinoma whether
effect effects impact efficacy role trial study group arm versus then also when where while if
improve improves improving increase increases increasing reduce reduces reducing prevent prevents preventing enhance
enhances promote promotes maintain evaluate evaluates evaluating assess assesses assessing test tests testing through
research
under over about among against across around throughout until since upon like whereas whilst due require requires
required requiring need needs needed needing switching unnecessary planned scheduled experimental control novel new
computer computer-generated treatment treatments therapy therapies
various favored favoured favouring favoring got get gets getting including included maintained maintaining
continued continuing called named termed entitled completing completed performing doing practising practicing attending
one two three four five six seven eight nine ten twelve gy cgy mg
scale scales score scores subscale subscales index questionnaire avoid avoids avoided avoiding omit omits omitted omitting
comprising comprised comprises consisting consisted consists composed
""")
#: Not a name of its own: the head of a generic phrase needs a word before it other than these ("a new program").
_VAGUE = _words("""
short-term long-term brief new novel simple single specific multiple combined same different various similar such
other standardized standardised individualized individualised comprehensive complex active
""")
#: A word after a head that makes the head a modifier: "exercise self-efficacy", "surgery time", "the
#: Standardisation of Breast Radiotherapy (START) trials".
_HEAD_AS_MODIFIER = quick(
    r"\)?\s+(?:trials?|study|studies|collaborative|working|consortium|investigators)\b|\s+(?:performance|capacity|self-efficacy|tolerance|levels?|behaviou?rs?|habits|duration|time|fields?|"
    r"volumes?|planning|techniques?|oncologists?|oncology|departments?|units?|specialists?|nurses?|staff|teams?|"
    r"cent(?:re|er)s?|data|history|records?|complications?|specimens?|samples?|margins?|findings|rates?|sessions?|"
    r"adherence|compliance|participation|uptake|delivery|costs?|site|sites|wounds?|patients|evaluation|assessment|scales?|"
    r"system|questionnaires?|index|scores?|subscales?|success|failure|materials?|talks?|"
    r"skin|reactions?|dermatitis|mucositis|pneumonitis|enteritis|proctitis|cystitis|o?esophagitis|fibrosis|necrosis|"
    r"injur(?:y|ies)|toxicit(?:y|ies)|damage|exposure|side[- ]effects?)\b",
    re.IGNORECASE,
)
#: A name after one of these words is not what an arm gets: "no preservation", "without surgery",
#: "prior surgery", "history of transurethral resection", "the need for further surgery",
#: "suitable for breast conservation surgery".
_NOT_GIVEN = quick(r"\b(?:(?:no|without|not|nothing|neither|nor)(?:\s+(?:history|evidence)\s+of)?|history\s+of|"
                        r"prior(?:\s+to)?|previous|further|additional|repeat|unnecessary|avoid(?:s|ed|ing)?|omit(?:s|ted|ting)?|"
                        r"(?:perceptions?|views?)\s+of(?:\s+the)?|satisf(?:ied|action)\s+with(?:\s+the)?|"
                        r"(?:(?:un)?suitable|candidates?|(?:in)?eligible|unfit|scheduled|referred|considered)\s+for)\s+$", re.IGNORECASE)
#: A procedure after one of these words marks a time, who was eligible or what was taught, not a treatment:
#: "long after surgery", "patients undergoing HSCT", "education on pulmonary rehabilitation" (radiotherapy
#: "given before radiotherapy" stays one: labellers list it in every arm).
_TIME_POINT = quick(r"\b(?:(?:after|before|since|following|awaiting|undergoing)(?:(?:\s+[\w-]+){0,2}\s+(?:cancers?|(?-i:[A-Z]{2,5})))?|"
                         r"(?:education|information|advice|counsell?ing|training)\s+(?:on|about))\s+$", re.IGNORECASE)
#: A procedure right after "in" or "during" is the setting the compared techniques are used in: "lateral approach is
#: advantageous in total knee arthroplasty", "blood loss during laparoscopic hysterectomy".
_PROCEDURE_SETTING = quick(r"\b(?:in|during)\s+$", re.IGNORECASE)

#: A name listed after these words is a part of the one before: "supervised exercise comprising high intensity
#: cardiovascular and resistance training, relaxation and body awareness training, massage".
_PART_OF = quick(r"\b(?:compris(?:ing|ed|es)|consist(?:ing|ed|s)\s+of|composed\s+of|components?\s+of|elements?\s+of)\b"
                      r"(?:(?!\b(?:compared|versus|vs|or|than)\b)[^.;:()])*$", re.IGNORECASE)  # not "compared to"

#: When or why a treatment is given, not which one: "adjuvant radiotherapy" is labelled "radiotherapy".
_SETTING = _words("""
adjuvant neoadjuvant neo-adjuvant palliative postoperative post-operative preoperative pre-operative perioperative
peri-operative concurrent concomitant sequential definitive primary salvage curative additional further subsequent
previous initial immediate upfront up-front elective consolidation consolidative induction maintenance first-line
second-line front-line third-line delayed intraoperative intra-operative
""")
#: "six-month", "12-week", "three-day": how long, not which.
_DURATION = quick(r"(?:^|-)(?:hours?|days?|weeks?|months?|years?|sessions?)$")
_WORD_BEFORE = quick(r"(?<![\w\-–])([A-Za-z][A-Za-z'’\-–]*)\s+$")
_MAX_WORDS = 4


@dataclass(frozen=True, slots=True)
class NonDrug:
    """A non-drug intervention named in a text, at [start, end)."""

    start: int
    end: int
    name: str
    type: str


@lru_cache(maxsize=4096)
def find_non_drugs(text: str) -> tuple[NonDrug, ...]:
    """Non-drug interventions named in ``text``, in order, each name once (case ignored); a name
    that is the end of a longer one found too ("radiotherapy", "mantle radiotherapy") is left out.
    Remembered: rules ask about the same text again, and most texts name none."""
    if not _HEAD_HINT.search(text.lower()):
        return ()
    return _find_non_drugs(text)


def _find_non_drugs(text: str) -> tuple[NonDrug, ...]:
    found: dict[str, NonDrug] = {}
    low = text.lower()
    heads, where = _heads_for(text, low)
    for m in heads.finditer(where):
        if _inside_a_word(text, m.start(), m.end()) or heads.match(where, _next_word(text, m.end())) \
                or _HEAD_AS_MODIFIER.match(text, m.end()):
            continue  # "radiation-induced", "post-surgery"; "exercise program" is named by its last word
        head = HEADS[int(next(k for k, v in m.groupdict().items() if v is not None)[1:])]
        before = _before_abbreviation(text, m.start())
        start = _name_start(text, before)
        if not _named_well(text[start:before], head) or _NOT_GIVEN.search(text, max(0, start - 30), start) \
                or (head.type != "radiation" and _TIME_POINT.search(text, max(0, start - 30), start)) \
                or (head.type == "procedure" and _PROCEDURE_SETTING.search(text, max(0, start - 8), start)) \
                or _PART_OF.search(text, max(0, start - 100), start):
            continue
        name = f"{text[start:before].rstrip()} {m.group(0)}".lstrip() if before != m.start() else text[start:m.end()]
        found.setdefault(name.lower(), NonDrug(start, m.end(), name, head.type))
    return tuple(_first_of_each(list(found.values())))


def _heads_for(text: str, low: str) -> tuple[re.Pattern[str], str]:
    """The head pattern to run and the text to run it over: the lowercased text (searched without the
    word-shaped heads when it holds none of their endings), or the text when lowercasing changes its length."""
    if len(low) != len(text):
        return _HEAD_RE_ANY_CASE, text
    return (_HEAD_RE if holds_any(low, _WORD_SHAPED_NEEDS) else _HEAD_RE_SHORT), low


def _first_of_each(names: list[NonDrug]) -> list[NonDrug]:
    """The names, less those that end or are the end of one written before ("mantle radiotherapy
    alone ... radiotherapy", "a patient navigation program ... the Moffitt Patient Navigation")."""
    kept: list[NonDrug] = []
    for name in names:
        low = f" {name.name.lower()}"
        if not any(low.endswith(f" {k.name.lower()}") or f" {k.name.lower()}".endswith(low) for k in kept):
            kept.append(name)
    return kept


def _inside_a_word(text: str, start: int, end: int) -> bool:
    """The head is part of a hyphenated word: "radiation-induced", "post-surgery", "surgery-related"."""
    return (start > 0 and text[start - 1] == "-") or bool(re.match(r"-[A-Za-z]", text[end:end + 2]))


def _next_word(text: str, end: int) -> int:
    m = re.match(r"[ \t]+(?=[A-Za-z])", text[end:end + 3])
    return end + m.end() if m else len(text)


_ABBREVIATION_BEFORE = quick(r"(?<=[A-Za-z] )\([A-Za-z][\w+/-]{0,9}\)\s+$")


def _before_abbreviation(text: str, head_start: int) -> int:
    """Where the words before a head end, an abbreviation of them aside: "sentinel lymph node (SLN) biopsy",
    "Billroth-I (B-I) reconstruction"; the head's start when no abbreviation comes between."""
    if text[head_start - 2:head_start - 1] != ")":
        return head_start
    m = _ABBREVIATION_BEFORE.search(text, max(0, head_start - 16), head_start)
    if m is None or _name_start(text, m.start()) == m.start():
        return head_start
    word = _WORD_BEFORE.search(text, max(0, m.start() - 40), m.start())
    return head_start if word and _HEAD_RE_ANY_CASE.fullmatch(word.group(1)) else m.start()  # not "radiotherapy (RT) surgery"


def _name_start(text: str, head_start: int) -> int:
    """Where the words that say which treatment begin, left of the head ("laparoscopic radical" hysterectomy)."""
    start = head_start
    for k in range(_MAX_WORDS):
        m = _WORD_BEFORE.search(text, max(0, start - 40), start)
        if m is None or not (_modifier(m.group(1)) or (k == 0 and _group_delivered(m.group(1)))):
            break
        start = m.start(1)
    return start


def _group_delivered(word: str) -> bool:
    """"group" just before the head says how the treatment is given, so it names it: "group psychotherapy",
    "supervised group exercise", "group rehabilitation" (elsewhere "group" ends a name: "control group")."""
    return word.lower() == "group"


def _modifier(word: str) -> bool:
    """A word that can say which treatment: not a stop word, a setting ("adjuvant", "post-surgery"),
    an abbreviation or a drug."""
    low = word.lower()
    return (low not in _STOP and low not in _SETTING and not word.isupper() and not low.endswith(("'s", "-"))
            and not low.startswith(("post-", "pre-")) and not _DURATION.search(low) and not find_drugs(word))


def _named_well(before: str, head: Head) -> bool:
    """Whether the words before a generic head say which one ("usual care", not "the care")."""
    if head.needs is None:
        return True
    words = [w for w in before.lower().split() if w not in _VAGUE]
    return bool(words) and re.search(rf"\b(?:{head.needs})", " ".join(words)) is not None


_GENERIC_LABEL = _words("""control intervention interventional treatment experimental trial study test active usual standard
sham actual real true""")


def named_by_modifier(text: str, label: str) -> NonDrug | None:
    """The non-drug intervention an arm labelled by a modifier gets: the name the text begins with it
    ("supportive-expressive" arm: "supportive-expressive group therapy"), or the label with the head it shares with
    the name it is joined to ("transthoracic" arm: "Transthoracic and transhiatal esophagectomy")."""
    words = label.split()
    if not 1 <= len(words) <= 2 or not label[0].islower() or words[0] in _GENERIC_LABEL \
            or not all(_modifier(w) for w in words) or find_non_drugs(label):
        return None  # not "supportive care" ("Supportive Care Acupressure")
    names = find_non_drugs(text)
    low = label.lower()
    begun = next((n for n in names if n.name.lower().startswith(f"{low} ") and len(n.name.split()) <= len(words) + 2
                  and not n.name.lower().endswith("supplementation")), None)  # "zinc" names "zinc supplementation"
    return begun or _sharing_the_head(text, label, names)


_JOINED_TO_NEXT = quick(r"\s+(?:or|and|versus|vs\.?|compared\s+(?:with|to))\s+(?:(?:an?|the)\s+)?", re.IGNORECASE)


def _sharing_the_head(text: str, label: str, names: tuple[NonDrug, ...]) -> NonDrug | None:
    """The label and the head of the name it is joined to: "laparoscopic or open surgery" for "laparoscopic"."""
    if not any(" " in n.name for n in names):
        return None  # no name that says which: the label's pattern is not compiled (two in three texts)
    starts = {n.start: n for n in names}
    for m in re.finditer(rf"(?<![\w-]){re.escape(label)}(?![\w-])", text, re.IGNORECASE):
        joined = _JOINED_TO_NEXT.match(text, m.end())
        name = starts.get(joined.end()) if joined else None
        if name is not None and " " in name.name:  # a word says which: not "arthroscopy and exercise"
            return NonDrug(m.start(), name.end, f"{m.group(0)} {head_of(name)}", name.type)
    return None


def head_of(name: NonDrug) -> str:
    """The head word that ends a name: "radiotherapy" of "hypofractionated thoracic radiotherapy"."""
    return list(_HEAD_RE_ANY_CASE.finditer(name.name))[-1].group(0)
