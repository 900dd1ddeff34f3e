"""Endpoint vocabulary: how outcomes are written, mapped to the contract's canonical names.

One compiled alternation finds every endpoint mention in a sentence; the group
that matched says which entry it was. Entries are ordered specific-first, and
the regex engine's leftmost match makes "progression-free survival" win over
"survival".
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache

from extractor.backends.rules.text import Folded, KeySets, Searcher, folded, search_back
from extractor.patterns import lowered, quick

_GRADE3 = (
    r"(?:grade|gr\.?|G)\s*(?:≥|>=|⩾|> ?or ?=|≧)\s*(?:3|III)"
    r"|(?:grade|G)\s*(?:3|III)\s*(?:or|and|to|[-–/])\s*(?:4|5|IV|V)(?:\s*(?:or|and|[-–/])\s*5)?"
    r"|(?:grade|G)\s*(?:3|III)\s*(?:or|and)\s*(?:higher|greater|above|more|worse)"
    r"|grades?\s*3\s*(?:and|or|to|[-–/])\s*4|high[- ]grade"
    r"|(?:grade|G)\s*(?:3|III|4|IV|5|V)\b(?!\s*(?:or|and|to|[-–/])\s*(?:lower|less|[12]|I\b|II\b))"
    r"|(?:grade\s*>|>\s*grade|(?:greater|higher|more|worse) than grade)\s*(?:2|II)\b(?!\.\d)"  # "> grade 2", "greater than grade 2"
    r"|(?<![\d.])(?:3|III)\s*(?:or|and|to|[-–/])\s*(?:4|IV)\s+grade\b"  # "treatment-related 3/4 grade adverse events"
)
#: The levels of a grade: "3/4", "≥ 3", "1-2", "3 or higher", "III".
GRADE_LEVELS = (
    r"(?:(?:≥|>=|⩾|> ?or ?=|≧)\s*[1-5]|[1-5](?:\s*(?:or|and|to|[-–/])\s*(?:[1-5]|higher|greater|above|more|worse))?"
    r"|I{1,3}V?(?:\s*(?:or|and|to|[-–/])\s*I{0,3}V?)?)"
)
#: A grade written with the word "grade": "grade 3/4", "grade ≥ 3", "grade 1-2", "grade 3 or higher".
_GRADE_WORD = rf"grades?\s*{GRADE_LEVELS}\b"
GRADE3_RE = quick(_GRADE3, re.IGNORECASE)
#: Words that grade an event without printing a grade of 3 or more: "grade 1-2", "any grade", and "severe", which is no
#: printed grade ("Severe rash occurred in 9%" is AE; "Severe (grade 3/4) neutropenia" takes the bracket's grade).
_GRADE_ANY = r"(?:(?:grade|G)\s*(?:≥|>=|⩾|> ?or ?=)\s*(?:[12]|I{1,2})\b|(?:grade|G)\s*(?:[1-5]|I{1,3}|IV|V)(?:\s*(?:or|and|to|[-–/+])\s*(?:[1-5]|I{1,3}|IV|V))?|any[- ]grade|all[- ]grades?|severe)"
_RELATED = r"(?:treatment|drug|therapy|study[- ]drug|[a-z]+(?:-[0-9]+)?)[-\s‐‑–]related|related|(?:treatment|drug|therapy)[-\s‐‑–]associated"

# Adverse events, named ones included: "grade 3 or 4 diarrhoea", "grade ≥3 TRAEs".
AE_EVENTS = (
    "neutropa?enia|febrile neutropa?enia|neutropenic fever|leukopa?enia|leucopa?enia|lymphopa?enia|thrombocytopa?enia|thrombopa?enia|"
    "ha?ematotoxicity|"
    "granulocytopa?enia|leukocytopa?enia|pancytopa?enia|palmar[–-]plantar erythrodysa?esthesia|mucosal inflammation|"
    "myelosuppressions?|(?:bone )?marrow suppression|myelotoxicity|pancreatitis|lethargy|malaise|"
    "anaemia|anemia|diarrhoea|diarrhea|nausea|vomiting|fatigue|asthenia|rash|skin rash|"
    "hand[–-]foot (?:skin reaction|syndrome)|mucositis|stomatitis|hypertension|"
    "hyperglycaemia|hyperglycemia|hypothyroidism|hepatotoxicity|neuropathy|"
    "peripheral neuropathy|pneumonitis|colitis|hepatitis|anorexia|alopecia|infection|"
    "sepsis|pneumonia|proteinuria|hypomagnesaemia|hypomagnesemia|dysphonia|"
    "cardiovascular toxicity|(?:non-?)?ha?ematologic(?:al)? toxicit(?:y|ies)|"
    "cardiotoxicity|neurotoxicity|nephrotoxicity|ototoxicity|elevated transaminases|"
    "transaminase elevation|elevation of transaminases|increased ALT|increased AST|decreased neutrophil count|"
    "decreased white blood cell count|decreased platelet count|constipation|dyspnoea|dyspnea|"
    "fever|chills|hyponatraemia|hyponatremia|hypokalaemia|hypokalemia|cytokine release syndrome|"
    "immune effector cell-associated neurotoxicity syndrome|seizures?|dysuria|headaches?|dizziness|insomnia|somnolence|"
    "drowsiness|o?edema|lymph(?:o)?edema|ha?emorrhages?|bleeding|thrombosis|venous thromboembolism|thromboembolism|"
    "embolism|arthralgia|myalgia|pruritus|dermatitis|radiation dermatitis|o?esophagitis|dysphagia|xerostomia|dry mouth|"
    "dysgeusia|hypocalca?emia|hypophosphata?emia|hyperbilirubina?emia|paronychia|cystitis|proctitis|enteritis|"
    "erythema|desquamation|numbness|parae?sthesias?|hypotension|bradycardia|arrhythmias?|atrial fibrillation|"
    "anastomotic leak(?:age)?|fistulas?|ileus|(?:hypersensitivity|infusion|allergic) reactions?|cough|epistaxis|"
    "ha?emoptysis|ha?ematuria|phlebitis|thrombophlebitis|(?:cardiac|left ventricular|LV) dysfunction|QTc? (?:interval )?prolongation|"
    "prolongation of (?:the )?QTc? interval|\\bHSRs?\\b|injection[- ]site reactions?|skin reactions?|"
    "(?:bilirubin|creatinine|liver enzymes?) (?:elevations?|increases?)|(?:elevated|increased) (?:bilirubin|creatinine|liver enzymes)|"
    # named events of surgery, radiotherapy and hormone treatment (not those a supportive-care trial sets out to prevent or
    # treat, and measures as its outcome: hot flushes, incontinence, strictures, delirium)
    "erectile dysfunction|impotence|seromas?|ha?ematomas?|wound (?:infections?|dehiscence|complications?)|dehiscence|"
    "abscess(?:es)?|lymphoceles?|hearing loss|"
    # events of anaesthesia, antiemetics and supportive drugs: "three cases of sore throat" (not who the patients were: "men
    # with a sore throat"), "had an extrapyramidal reaction", "Anticholinergic effects were almost twice as frequent", "QT
    # interval (QTc) prolongation" (not hypoglycaemia, which diabetes trials measure as their outcome)
    "(?<!with a )(?:postoperative )?sore throat|extrapyramidal (?:reactions?|symptoms?|side[- ]effects?|effects?)|"
    "anticholinergic (?:side[- ]effects?|effects?)|surgical site infections?|herpes zoster|hiccups?|"
    "(?:corrected )?QTc?(?: interval)? \\(QTc?\\) prolongation"
)


@dataclass(frozen=True, slots=True)
class Entry:
    """One way of writing an endpoint.

    Attributes:
        pattern: Regex source (compiled case-insensitively unless ``cased``).
        canonical: Canonical endpoint name, or a pseudo-name: ``HR``, ``OR``, ``RR``
            (comparative measures), ``AE*`` (classified from the matched words),
            ``PR`` (partial responses, ORR when nothing else is), ``SKIP``.
        measure: Measure the words imply ("median", "rate_at_time"), or None; "events" for a time-to-event endpoint's
            share of patients with the event ("recurrence rate"): a proportion, not a survival rate; "time" for a time
            to an event of an endpoint that is not a survival ("time to deterioration" of quality of life).
        cased: Match case-sensitively (abbreviations like OS, OR).
        example: A phrase the entry finds on its own ("hazard ratio"); a test holds it.
        keys: Words one of which every match holds: the entry is tried only on a sentence
            holding one (a keyword prefilter). Lowercase keys are looked for in the lowercased
            sentence; a key with a capital, as written ("OR": an abbreviation matched
            case-sensitively, far rarer than its letters). None for ``AE_CORE`` and ``EVENT``,
            which the adverse-event hints gate.
    """

    pattern: str
    canonical: str
    measure: str | None = None
    cased: bool = False
    example: str = ""
    keys: tuple[str, ...] | None = None


#: Entry measures that mark words naming what was counted, not an endpoint a trial declares: "died"/"deaths"
#: (counts only), response categories ("stable disease"), "alive at 24 months" (percentages only).
COUNTED_ONLY = frozenset({"deaths", "category", "alive"})

_TE = r"(?:\d+|one|two|three|four|five|six|twelve)[- ](?:month|year|week)s?"

#: "-free survival", also "-free" elided before "and overall survival": "relapse-free and overall survival were 56% and 85%",
#: "progression-free or overall survival", and with its values in brackets between: "relapse-free (31% vs 32% HR 1.02
#: (0.83–1.24), P=0.9) or overall survival (23% vs 22%)".
_FREE_SURVIVAL = (r"[-\s‐‑–]free(?:[-\s‐‑–]survival|(?=\s*(?:\((?:[^()]|\([^()]*\))*\)\s*)?\s(?:and|or)\s+(?:overall\s+)?"
                  r"survival\b))")

#: A tumour marker whose response is a biomarker outcome ("PSA response").
_MARKER = r"(?:PSA|prostate[- ]specific antigen|CA[- ]?125|CA ?19-9|CEA|biochemical)"

_REDUCED_RISK = r"reduc(?:ed|es|ing|tions?)\s+(?:in\s+)?(?:the\s+|their\s+)?(?:relative\s+)?(?:risk|hazard)\s+of\s+"

ENTRIES: tuple[Entry, ...] = (
    # A relative risk reduction: "reduced the risk of death by 27%", "a 36% reduction in the risk of progression".
    Entry(rf"{_REDUCED_RISK}(?:disease\s+)?progression(?:\s+or\s+death)?", "PFS", "reduction",
          example="reduced the risk of disease progression", keys=("progression",)),
    Entry(rf"{_REDUCED_RISK}(?:all[- ]cause\s+)?(?:death|mortality)|reduc(?:ed|es|ing)\s+(?:the\s+)?(?:overall\s+)?"
          r"(?:death|mortality)(?:\s+rate)?", "OS", "reduction",
          example="reduced the risk of death", keys=("reduc",)),
    Entry(rf"{_REDUCED_RISK}(?:disease\s+)?(?:relapse|recurrence)|reduc(?:ed|es|ing)\s+(?:the\s+)?(?:relapse|recurrence)\s+rate",
          "RFS", "reduction",
          example="reduced the risk of recurrence", keys=("relapse", "recurrence")),
    # "HR" in capitals only: "3.4 MET hr per week", "24 hr" are hours
    Entry(r"hazard ratios?|(?<!/)\b[ a]?(?-i:HRs?)\b(?! ?\+)|\baHR\b", "HR",
          example="hazard ratio", keys=("hazard", "hr")),
    Entry(r"odds ratios?|(?-i:\ba?ORs?)(?=\s*[=:,(\[]|\s+\d|\s+was|\s+of)", "OR",
          example="odds ratio", keys=("odds", "OR")),
    # a rate ratio is the risk ratio of events counted over time: "rate ratio 0.7", "(IRR 1.09", "aRR = 1.19"
    Entry(r"(?:relative risk|risk ratio|(?:incidence )?rate ratio)s?(?: of \w+)?|(?-i:\b(?:a|I)?RR\b)(?=\s*[=:,(\[]|\s+\d|\s+of\s+\d)",
          "RR", example="relative risk", keys=("risk", "rate ratio", "RR")),
    Entry(r"\bPFS\s?(?:\d+|six|twelve)\s?(?:mo|m|months?)\b", "PFS", "rate_at_time", cased=True,
          example="PFS 6 months", keys=("PFS",)),
    # "19% of patients … were progression-free at 24 months": a PFS rate at that time; "the 6-month progression-free rate",
    # "the proportion of patients without progression at 2 years": the same rate under other names
    Entry(rf"(?:median )?(?:progression|disease progression){_FREE_SURVIVAL}(?: \(m?PFS\))?(?: rates?)?|\bm?PFS\b(?: rates?)?"
          r"|\b(?:were|was|remained) progression[- ]free(?= at\b)|progression[-\s‐‑–]free (?:rates?|proportions?|probabilit(?:y|ies))"
          r"|\bpatients (?:alive )?without (?:disease |tumou?r )?progression(?= at\b)", "PFS",
          example="progression-free survival", keys=("progression", "pfs")),
    Entry(rf"(?:median )?event{_FREE_SURVIVAL}s?(?: \(EFS\))?|\bEFS\b", "EFS",
          example="event-free survival", keys=("event", "efs")),
    Entry(rf"(?:median )?disease{_FREE_SURVIVAL}(?: \(DFS\))?(?: rates?)?|\bDFS\b|alive and disease[- ]free", "DFS",
          example="disease-free survival", keys=("disease", "dfs")),
    Entry(r"distant (?:relapse|recurrence)[-\s‐‑–]free[-\s‐‑–]survival(?: \(\w+\))?|\bDRFS\b", "RFS",
          example="distant relapse-free survival", keys=("rfs", "relapse", "recurrence")),
    Entry(r"distant metastasis[-\s‐‑–]free[-\s‐‑–]survival(?: \(\w+\))?|\bDMFS\b", "OTHER",
          example="distant metastasis-free survival", keys=("surviv", "dmfs")),
    Entry(rf"(?:median )?(?:relapse|recurrence){_FREE_SURVIVAL}(?: \(RFS\))?(?: rates?)?|\bRFS\b", "RFS",
          example="recurrence-free survival", keys=("rfs", "relapse", "recurrence")),
    # "the median time to recurrence", "the 5-year relapse-free interval", "freedom from relapse": how long the disease
    # stayed away, the recurrence endpoint under other names
    Entry(r"(?:median )?times? to (?:first |local |distant |disease |tumou?r )?(?:recurrence|relapse)"
          r"|(?:relapse|recurrence)[-\s‐‑–]free (?:intervals?|periods?|rates?)(?: \(\w+\))?|freedom from (?:disease )?(?:relapse|recurrence)",
          "RFS", example="time to recurrence", keys=("relapse", "recurrence")),
    # "freedom from progression was 70% at 5 years", "45% … were free of progression"
    Entry(r"(?:freedom|free) from (?:disease |tumou?r )?progression(?: \(FFP\))?|free of (?:disease |tumou?r )?progression", "PFS",
          example="freedom from progression", keys=("freedom", "free")),
    # "the 3-year recurrence rates", "the rate of relapse", "Distant recurrence was 9.4%": how often the disease came back is
    # the recurrence endpoint; a local or site's recurrence (local control) and a biochemical or PSA relapse stay outcomes of
    # their own
    Entry(r"(?<!biochemical )(?<!PSA )(?<!local )(?<!locoregional )(?<!loco-regional )(?:(?:distant|systemic|overall|cumulative|actuarial) )*"
          r"(?:recurrence|relapse) rates?|rates? of (?:(?:distant|systemic) )?(?:recurrence|relapse)(?![-\s‐‑–]free)"
          r"|cumulative incidences? of (?:distant )?(?:recurrence|relapse)|(?:distant|systemic) (?:recurrences?|relapses?)"
          r"(?= (?:was|were|occurred|developed|in)\b)",
          "RFS", "events", example="recurrence rate", keys=("recurrence", "relapse")),
    # "the progression rate at 1 year", "the rate of disease progression" (a local progression stays an outcome of its own)
    Entry(r"(?<!local )(?<!locoregional )(?:(?:disease|tumou?r) )?progression rates?|rates? of (?:disease |tumou?r )?progression(?![-\s‐‑–]free)",
          "PFS", "events", example="progression rate", keys=("progression",)),
    # "2-year LTP free survival", "local progression-free survival", "failure-free survival": a survival free of
    # something the list has no endpoint for is an outcome of its own, not overall survival.
    Entry(r"(?:(?:local|locoregional|loco-regional)(?: tumou?r)? progression(?: \(\w+\))?|(?-i:\b[A-Z]{2,5})|failure|pain|symptom|"
          r"biochemical(?: (?:failure|progression|relapse|recurrence))?)[-\s‐‑–]free[-\s‐‑–]survival(?: \(\w+\))?(?: rates?)?",
          "OTHER", example="local tumor progression-free survival", keys=("free",)),
    # "hospital-free survival", "toxicity-free survival", "metastasis-free survival": any other survival free of something
    # (the endpoints above are listed first, so they win where they start at the same word)
    Entry(r"\b[a-z]+[-\s‐‑–]free[-\s‐‑–]survival(?: \(\w+\))?(?: rates?)?", "OTHER",
          example="hospital-free survival", keys=("free",)),
    # "implant survival rates", "graft survival", "quality-adjusted survival": the survival of a thing, or weighted by quality
    Entry(r"(?:implant|graft|allograft|catheter|flap|tooth|teeth|restoration|prosthesis|stent|fistula|access) survival(?: rates?)?"
          r"|quality[- ]adjusted survival|post[- ]?(?:progression|relapse|recurrence) survival"
          r"|survival (?:after|from|following) (?:first |the )?(?:relapse|recurrence|progression)", "OTHER",
          example="implant survival", keys=("surviv", "quality")),
    Entry(r"(?:disease|cancer|tumou?r)[-\s‐‑–]specific[-\s‐‑–]survival(?: \(\w+\))?|\bDSS\b|\bCSS\b|treatment[- ]free survival(?: \(TFS\))?|\bTFS\b", "OTHER",
          example="cancer-specific survival", keys=("surviv", "dss", "css", "tfs")),
    Entry(r"(?:median )?(?:overall )?survival times?|(?:median )?overall[- ]survival(?: \(m?OS\))?(?: rates?)?|\bm?OS\b(?: rates?)?|\bsurvivals?\b", "OS",
          example="overall survival", keys=("os", "surviv")),
    Entry(r"(?:median )?times? to (?:tumou?r |disease |(?:extra|intra)hepatic |local |distant |radiographic |clinical |"
          r"symptomatic |neurologic(?:al)? |intracranial |CNS )?progression|time to progress(?:ive disease)?\b|\bTTP\b", "TTP",
          example="time to progression", keys=("ttp", "progress")),
    Entry(r"(?:median )?time to treatment failure|\bTTF\b", "TTF",
          example="time to treatment failure", keys=("ttf", "failure")),
    Entry(r"time to (?:next|subsequent) (?:treatment|therapy)|\bTTNT\b", "TTNT",
          example="time to next treatment", keys=("ttnt", "next", "subsequent")),
    Entry(r"(?:median )?duration of (?:objective |overall )?(?:response|remission)s?|response duration|\bm?DoR\b|\bDOR\b", "DOR",
          example="duration of response", keys=("dor", "duration")),
    Entry(r"major pathologic(?:al)? responses?(?: rates?)?|\bMPR\b", "MPR",
          example="major pathological response", keys=("mpr", "major")),
    Entry(r"(?:total )?pathologic(?:al)?(?:ally)? complete (?:response|remission)s?(?: rates?)?|(?-i:\bT?pCRs?\b)", "PCR",
          example="pathological complete response", keys=("pCR", "complete")),
    Entry(r"pathologic(?:al)? response(?: rates?)?(?: \(pRR\))?|\bpRR\b", "PATHOLOGICAL_RESPONSE",
          example="pathological response rate", keys=("patholog", "prr")),
    # "Downstaging (stage 0 and I) was observed in 21 (30.9%)", "the subtotal regression rate (TRG1b)": the resected tumour's
    # response, graded
    Entry(r"(?:pathologic(?:al)? )?(?:tumou?r )?downstaging(?: rates?)?|(?:complete|subtotal|partial|major|minor) (?:tumou?r )?"
          r"regression(?: rates?)?|tumou?r regression grad(?:e|ing)(?: \(TRG\))?",
          "PATHOLOGICAL_RESPONSE", example="downstaging", keys=("downstag", "regression")),
    Entry(r"(?:disease|tumou?r) control(?: rates?)?|\bDCR\b", "DCR",
          example="disease control rate", keys=("control", "dcr")),
    Entry(r"clinical benefit(?: rates?)?|\bCBR\b", "CBR",
          example="clinical benefit rate", keys=("benefit", "cbr")),
    # "PSA response rate", "complete response rate of PSA": a tumour marker's response is a biomarker outcome, not a tumour response
    Entry(rf"{_MARKER}(?: (?:complete|partial|overall))? (?:response|remission)s?(?: rates?)?"
          rf"|(?:complete |partial )?(?:response|remission)s?(?: rates?)? (?:of|in) (?:(?:the )?serum )?{_MARKER}",
          "BIOMARKER", example="PSA response rate", keys=("psa", "antigen", "ca-125", "ca125", "ca 125", "19-9", "cea", "biochemical")),
    # "a PSA decline of >= 50%", "an 80% prostate-specific antigen reduction": a tumour marker's fall
    Entry(rf"{_MARKER} (?:declines?|reductions?|decreases?|falls?|normali[sz]ation)", "BIOMARKER",
          example="PSA decline", keys=("psa", "antigen", "ca-125", "ca125", "ca 125", "19-9", "cea", "biochemical")),
    # "pain response", "haemoglobin response", "symptomatic response": responses of something other than the tumour
    Entry(r"(?:pain|symptom|symptomatic|palliative|h(?:a)?ematologic(?:al)?|h(?:a)?emoglobin|Hb|cytogenetic|molecular|virologic(?:al)?)"
          r" (?:response|remission)s?(?: rates?)?",
          "OTHER", example="pain response", keys=("respon", "remission")),
    Entry(r"(?:complete (?:clinical )?(?:response|remission)|\bCR\b)(?: rates?)?(?: \(CR\))?", "CR_RATE",
          example="complete response rate", keys=("complete", "cr")),
    Entry(r"partial (?:response|remission)s?(?: \(PR\))?", "PR",
          example="partial response", keys=("partial",)),
    # Response categories other than response itself: outcomes named as written, counted too ("seven stable disease").
    Entry(r"stable disease(?: \(SD\))?(?! or better)|progressive disease(?: \(PD\))?", "OTHER", "category",
          example="stable disease", keys=("stable", "progressive")),
    # "19% (6% complete plus 13% partial)": response categories after their share, the word "responses" left out
    Entry(r"(?<=%\s)complete(?=\s+(?:plus|and|\+)\s+\d)", "CR_RATE",
          example="6% complete plus 13% partial", keys=("complete",)),
    Entry(r"(?<=%\s)partial(?=\s*[),;])", "PR",
          example="13% partial)", keys=("partial",)),
    # "47% with 7% CR, 39% PR", "1 PR, and 21 SDs": a response category abbreviated after its number (not "ER/PR").
    Entry(r"(?:(?<=\d\s)|(?<=%\s)|(?<=had\s)|(?<=achieved\s))PRs?\b(?![-+/])", "PR", cased=True,
          example="39% PR", keys=("PR",)),
    Entry(r"(?:(?<=\d\s)|(?<=%\s)|(?<=had\s)|(?<=achieved\s))SDs?\b(?![-+/])", "OTHER", "category", cased=True,
          example="16 SD", keys=("SD",)),
    # "121 of 166 physicians responded to the questionnaire", "the postal survey response rate": taking part in a survey, not a
    # response to treatment
    Entry(r"responded to (?:the |our |a |this |each |at least one )?(?:[\w-]+ ){0,2}(?:surveys?|questionnaires?)(?: questions?)?"
          r"|(?:survey|questionnaire) response(?: rates?)?"
          r"|response rates? (?:to|for|of) (?:the |our |this )?(?:[\w-]+ ){0,2}(?:surveys?|questionnaires?)", "FEASIBILITY",
          example="responded to the questionnaire", keys=("survey", "questionnaire")),
    Entry(r"(?:confirmed |best |overall |objective |clinical |radiological |intracranial )*(?:tumou?r )?(?:response|remission) rates?(?: \((?:ORR|RR|OR)\))?"
          r"|(?:confirmed |best |overall )*objective (?:tumou?r )?responses?(?: \(OR\))?|overall (?:\([^()]{1,40}\) )?(?:clinical )?response"
          r"|\bORRs?\b|\bresponded\b|^(?:the )?responses?(?= (?:were|was)\b)"
          r"|(?:clinical|tumou?r) responses?\b(?! (?:evaluation|assessment|criteria|duration))|(?:number|proportion|percentage) of responders", "ORR",
          example="objective response rate", keys=("respon", "orr", "remission")),
    Entry(r"(?:complete |radical )?\(?R0\)? (?:surgical )?resection(?: rates?)?|radical (?:\(R0\) )?(?:surgical )?resection(?: rates?)?", "R0_RESECTION",
          example="R0 resection rate", keys=("r0", "radical")),
    Entry(r"dose[- ]limiting toxicit(?:y|ies)|\bDLTs?\b", "DLT",
          example="dose-limiting toxicity", keys=("dose", "dlt")),
    # "overall mortality was 20%": deaths counted as a share of the patients
    Entry(r"overall mortality(?: rates?)?", "OS", "events",
          example="overall mortality", keys=("mortality",)),
    # "postoperative mortality was 2%": deaths after an operation are adverse events (complications)
    Entry(r"(?:postoperative|post-operative|perioperative|peri-operative|operative|surgical) (?:mortality|deaths?)(?: rates?)?", "AE",
          example="postoperative mortality", keys=("mortality", "death")),
    # "two treatment-related deaths", "the toxicity-related death rate", "three patients died of toxicity"
    Entry(r"(?:treatment|toxicity|drug|chemotherapy|therapy|regimen)[- ]related (?:deaths?|mortality)(?: rates?)?|toxic (?:deaths?|mortality)(?: rates?)?"
          # "deaths attributable to the study drug", "one death was related to chemotherapy"
          r"|deaths? (?:(?:was|were) (?:considered |judged )?(?:(?:possibly|probably) )?)?(?:attributed|attributable|related|due) to"
          r" (?:the )?(?:study )?(?:treatment|TRAEs?|toxicity|drug|chemotherapy|therapy)"
          # "seven patients died as a result of toxicity", "deaths from toxicity"
          r"|(?:died|deaths?) (?:of|from|due to|because of|as a result of|caused by) (?:(?:treatment|drug)[- ]related )?(?:toxicit(?:y|ies)|treatment toxicity"
          r"|febrile neutropa?enia|neutropenic (?:sepsis|fever|infection)s?"
          # "died of treatment-related causes", "died from chemotherapy-related complications"
          r"|(?:treatment|drug|therapy|chemotherapy|toxicity)[- ]related (?:causes?|complications?|(?:adverse )?events?|AEs?|infections?|sepsis))"
          # "two deaths were considered treatment related", "grade 5 toxicity", "fatal treatment-related adverse events"
          r"|deaths? (?:was|were) (?:considered |judged |deemed |assessed as |thought to be )?(?:(?:possibly|probably) )?"
          r"(?:treatment|drug|therapy)[- ]related|(?:grade 5|fatal) (?:(?:treatment|drug)[- ]related )?(?:toxicit(?:y|ies)|TRAEs?)"
          r"|fatal (?:treatment|drug)[- ]related (?:adverse (?:events?|reactions?)|AEs?)",
          "TREATMENT_RELATED_DEATH",
          example="treatment-related deaths", keys=("death", "mortality", "died", "grade 5", "fatal")),
    # Adverse events: the core words here; grade, "treatment-related", "serious" and
    # "immune-related" before them are read backwards from the match (see _extend_ae), which
    # is far cheaper than trying those optional prefixes at every character.
    # "adverse events leading to discontinuation", "No adverse events led to permanent treatment discontinuation": a
    # discontinuation, named after its cause (listed before the adverse-event words, so it wins where both start)
    Entry(r"(?:(?:treatment[- ]emergent |serious )?adverse (?:drug )?(?:events?|effects?|reactions?)|\b(?:TE|S)?AEs?\b)"
          r" (?:that )?(?:leading|led) to (?:(?:permanent|premature|study|drug|treatment|therapy) )*"
          r"(?:discontinuation|withdrawal)(?: (?:of|from) (?:the )?(?:study|trial|treatment|therapy|drug))?", "DISCONTINUATION",
          example="adverse events leading to discontinuation", keys=("discontinu", "withdraw")),
    Entry(r"adverse (?:drug )?(?:events?|effects?|reactions?|experiences?)|(?<!due to )(?<!due to its )(?<!due to their )(?<!because of )side[- ]effects?|\bAEs?\b|\bTRAEs?\b|toxicit(?:y|ies)|\bSAEs?\b|\bi[rm]AEs?\b|\bevents\b|"
          r"(?:postoperative |post-operative |surgical |major |overall )*complications?"
          r"|(?:postoperative |post-operative |perioperative |surgical |operative )(?:major )?morbidity", "AE_CORE",
          example="adverse events"),
    Entry(r"discontinu(?:ed|ations?|ing)(?: (?:of )?(?:the )?treatment)?(?: (?:due to|because of|owing to|attributable to) (?:TRAEs?|AEs?|adverse events|toxicity|(?:its |their )?side[- ]effects))?", "DISCONTINUATION",
          example="discontinuation of treatment", keys=("discontinu",)),
    # "none withdrew because of adverse events", "only one (7%) withdrew because of discomfort": a withdrawal for a reason.
    Entry(r"withdr(?:ew|awn|awals?)(?: from (?:the )?(?:study|trial|treatment|therapy))?(?= (?:because of|due to|owing to) )"
          r"(?: (?:because of|due to|owing to) (?:(?:study|drug|treatment)[- ]related )?(?:TRAEs?|AEs?|adverse (?:drug )?"
          r"(?:events?|effects?|reactions?)|toxicity|toxicities|side[- ]effects))?", "DISCONTINUATION",
          example="withdrew because of adverse events", keys=("withdr",)),
    Entry(r"quality[- ‐]of[- ‐]life|\bQoL\b|\bHRQoL\b", "QOL",
          example="quality of life", keys=("quality", "qol")),
    # "the time to deterioration for cough (HR 0.60)", "time to definitive worsening of KPS", "Time to 5% deterioration of
    # global health status": how long a patient-reported symptom or function held, a quality-of-life endpoint
    Entry(r"(?:median )?times? to (?:(?:first|definitive|confirmed|clinically meaningful|meaningful|symptom(?:atic)?|\d+ ?%) )?"
          r"(?:deterioration|worsening)", "QOL", "time",
          example="time to deterioration", keys=("deteriorat", "worsening")),
    Entry(r"(?:[A-Z0-9-]+-specific )?(?:T[- ]cell|CTL|immune|immunological) responses?", "IMMUNE_RESPONSE",
          example="T-cell response", keys=("respons",)),
    # "chemoradiotherapy was completed in 74%", "completed all planned cycles": how much of the treatment was given
    Entry(r"feasibility|proceeded to (?:surgery|resection)|completed (?:the )?(?:trial|study|intervention|treatment|protocol|"
          r"program(?:me)?|follow-up)(?: as per protocol)?|(?:was|were) completed(?= (?:in|by) )|"
          r"completed (?:all|the planned|the scheduled|the full|the prescribed) (?:\w+ )?(?:cycles|courses|sessions|fractions|doses)|"
          r"received (?:all|all the|the planned|the scheduled|the intended|the full|the prescribed) (?:\w+ )?(?:cycles|courses|fractions)|adherence|compliance|consented to participate|retention(?: rates?)?|"
          # "completing 9 months of treatment", "completed the 3-day efficacy phase"
          r"complet(?:ed|ing) (?:the )?(?:\d+|one|two|three|four|five|six|nine|twelve)[- ](?:days?|weeks?|months?|cycles?|courses?) of "
          r"(?:the )?(?:planned |allocated )?(?:treatment|therapy|chemotherapy|radiotherapy|training|exercise)|completed (?:the )?(?:[\w-]+ )?"
          r"(?:efficacy|treatment|intervention|study) (?:phase|period)|drop[- ]?out rates?|attrition(?: rates?)?|"
          r"(?:completion|participation|recruitment|accrual|consent|uptake) rates?", "FEASIBILITY",
          example="recruitment rate", keys=("feasib", "proceeded", "complet", "received", "adheren", "complian", "consent", "retention", "participat", "recruit", "accrual", "uptake",
                                            "drop", "attrition")),
    # How much of the planned treatment was given: "relative dose intensity", "median treatment duration",
    # "median number of cycles", "a median of 6 cycles" (the words before the number, so the number has an owner).
    Entry(r"(?:relative )?dose[- ]intensit(?:y|ies)|(?:study )?(?:treatment|therapy) duration|duration of (?:study )?"
          r"(?:treatment|therapy|exposure)|number of (?:(?:treatment|chemotherapy) )?(?:cycles|courses)"
          r"|\b(?:median|mean|average)(?: of)?(?= \d+(?:[.·]\d+)? (?:(?:treatment|chemotherapy) )?(?:cycles|courses)\b)",
          "FEASIBILITY", "delivery",
          example="relative dose intensity", keys=("intensit", "duration", "cycles", "courses")),
    Entry(r"\bsafety\b|tolerability", "SAFETY",
          example="tolerability", keys=("safety", "tolerab")),
    # A bare event name ("anemia (5.0% and 19.0%)") takes its class from the AE mention before it.
    Entry(AE_EVENTS, "EVENT",
          example="grade 3 neutropenia"),
    # "the percentage of patients who were alive without disease progression was 48%", "alive at 24 months".
    Entry(r"alive (?:and )?without (?:disease )?progression|alive and (?:progression|disease)[-\s‐‑–]free", "PFS", "alive",
          example="alive without progression", keys=("alive",)),
    Entry(r"\balive\b(?! (?:and|without) )", "OS", "alive",
          example="alive", keys=("alive",)),
    # "More patients survived >/= 3 years (18.6% and 16.6%)": a survival rate at a landmark.
    Entry(r"\bsurvived\b(?=\s*(?:>/?=?|≥|more than|at least|beyond)\s*\d)", "OS", "alive",
          example="survived more than 2 years", keys=("surviv",)),
    # "139 patients died", "29 deaths in the A arm": counts of overall survival events, and nothing else.
    Entry(r"\bdied\b|\bdeaths\b", "OS", "deaths",
          example="deaths", keys=("died", "deaths")),
)



def _compile(entry: Entry) -> re.Pattern[str] | Folded:
    """The entry's pattern: as written if ``cased``, else searched case-insensitively (``Folded``)."""
    return quick(entry.pattern) if entry.cased else Folded(entry.pattern)


def _compiled(entries: Iterable[Entry]) -> tuple[re.Pattern[str] | Folded, ...]:
    """Each entry's pattern (see ``_compile``)."""
    return tuple(_compile(e) for e in entries)


# The adverse-event entries are the costliest patterns; a word-bounded hint decides whether
# a sentence can hold one ("correlated", "prevent" and "haem" must not wake them).
_AE_HINT = folded(
    r"advers|toxicit|\bgrade|\bG[345]\b|\bAEs?\b|TRAEs?|\brelated\b|serious|\bSAEs?\b|\bi[rm]AEs?\b|complication|side[- ]effect|morbidity"
)
#: Each branch of ``_AE_HINT`` holds one of these (a new branch needs its key here): the hint is
#: searched only when one is in the sentence. A few substring tests cost far less than a pattern
#: with word boundaries, which the regex engine tries at every character.
_AE_HINT_KEYS = ("advers", "toxicit", "grade", "g3", "g4", "g5", "ae", "related", "serious", "complication", "side", "morbidity")
#: Named adverse events: any of these in the sentence, or ALT or AST as a word (plain substring
#: tests: the same words as one alternation were tried at every character).
_EVENT_HINT_KEYS = (
    "penia", "paenia", "emia", "suppression", "lethargy", "malaise", "rrh", "nausea", "vomit", "fatigue", "asthenia", "rash", "itis", "pertension", "thyroid",
    "neuropathy", "anorexia", "alopecia", "infection", "sepsis", "pneumon", "proteinuria", "dysphonia",
    "toxicit", "syndrome", "transaminase", "neutrophil", "platelet", "white blood", "constipation", "dyspn",
    "fever", "chills", "natr", "kalem", "kalaem", "neurotox", "seizure", "dysuria", "headache", "dizziness", "insomnia",
    "somnolence", "drowsiness", "edema", "hemorrhage", "haemorrhage", "bleeding", "thrombo", "embolism", "arthralgia",
    "myalgia", "pruritus", "dysphagia", "xerostomia", "dry mouth", "dysgeusia", "paronychia", "erythema", "desquamation",
    "numbness", "sthesia", "hypotension", "cardia", "arrhythmia", "fibrillation", "leak", "fistula", "ileus", "reaction",
    "cough", "epistaxis", "ptysis", "aturia", "mucosal", "dysfunction", "prolongation", "hsr", "bilirubin", "creatinine",
    "liver enzyme", "impotence", "seroma", "ematoma", "wound", "dehiscence", "abscess", "lymphocele", "hearing loss",
    "throat", "extrapyramidal", "anticholinergic", "surgical site", "zoster", "hiccup",
)
_EVENT_HINT_WORDS = folded(r"\b(?:ALT|AST)\b")


@dataclass(frozen=True, slots=True)
class Gate:
    """When entry ``order`` is worth trying on a sentence: one of ``keys`` is in the lowercased
    sentence and ``confirm``, when given, finds something in it too."""

    order: int
    keys: tuple[str, ...]
    confirm: re.Pattern[str] | None = None


def gates(entries: Iterable[Entry]) -> tuple[Gate, ...]:
    """The gates of ``entries``, in their order: an entry's own keys; the adverse-event hints for
    ``AE_CORE``; for ``EVENT``, a named event's keys, or ALT or AST as a word."""
    out: list[Gate] = []
    for order, entry in enumerate(entries):
        if entry.keys is not None:
            out.append(Gate(order, entry.keys))
        elif entry.canonical == "EVENT":
            out += [Gate(order, _EVENT_HINT_KEYS), Gate(order, ("alt", "ast"), _EVENT_HINT_WORDS)]
        else:
            out.append(Gate(order, _AE_HINT_KEYS, _AE_HINT))
    return tuple(out)


class KeyIndex:
    """Which gates a sentence's keys open (``KeySets``: one lookup per word, not ~100 substring tests)."""

    def __init__(self, gates: tuple[Gate, ...]) -> None:
        self.gates = gates
        self._keys = KeySets(gate.keys for gate in gates)

    def open_gates(self, sentence: str, low: str) -> Iterator[Gate]:
        """The gates whose keys ``sentence`` holds, in order (``confirm`` not yet tested); ``low`` is it lowercased."""
        bits = self._keys.bits(sentence, low)
        while bits:
            lowest = bits & -bits
            yield self.gates[lowest.bit_length() - 1]
            bits ^= lowest


_COMPILED = _compiled(ENTRIES)
_INDEX = KeyIndex(gates(ENTRIES))


@dataclass(frozen=True, slots=True)
class Mention:
    """An endpoint mention in a sentence (offsets relative to the sentence)."""

    start: int
    end: int
    text: str
    canonical: str
    measure: str | None


def kind_by_words(words: str, kinds: Iterable[tuple[str, Searcher]]) -> str:
    """The canonical endpoint of an outcome the vocabulary does not name: the first of ``kinds``
    (canonical, pattern) whose pattern its words hold, else OTHER."""
    return next((canonical for canonical, pattern in kinds if pattern.search(words)), "OTHER")


def find_mentions(sentence: str) -> list[Mention]:
    """Every endpoint mention in ``sentence``, left to right (see ``_find_mentions``)."""
    return list(_find_mentions(sentence))


def _entry_matches(sentence: str) -> list[tuple[int, int, int]]:
    """(start, entry order, -end) of every entry's match, sorted: leftmost first, then the entry
    listed first, then the longest. Entries whose keywords the sentence lacks are not tried."""
    low = lowered(sentence)
    found: list[tuple[int, int, int]] = []
    tried = -1  # an entry with two open gates is tried once
    for gate in _INDEX.open_gates(sentence, low):
        if gate.order == tried or (gate.confirm is not None and gate.confirm.search(low) is None):
            continue
        tried = order = gate.order
        for m in _COMPILED[order].finditer(sentence):
            if m.end() > m.start():
                found.append((m.start(), order, -m.end()))
    found.sort()
    return found


@lru_cache(maxsize=2048)
def _find_mentions(sentence: str) -> tuple[Mention, ...]:
    """Every endpoint mention in ``sentence``, left to right.

    Where mentions overlap, the leftmost wins, then the entry listed first
    (the same choice a single alternation of all entries would make). Kept for the last
    sentences read: the results, the endpoints and the abbreviations read the same ones.
    """
    out: list[Mention] = []
    last_end = 0
    for start, order, negative_end in _entry_matches(sentence):
        end = -negative_end
        if start < last_end:
            continue
        entry = ENTRIES[order]
        canonical = entry.canonical
        if canonical in {"AE_CORE", "EVENT"}:
            extended = _extend_ae(sentence, start, end, canonical == "EVENT")
            if extended is None:
                continue  # "disease-free survival events": not adverse events
            start, canonical = extended
            while out and out[-1].start >= start:
                out.pop()  # the grade and relatedness words now belong to this mention
            if out and start < out[-1].end:
                start = out[-1].end
        out.append(Mention(start, end, sentence[start:end], canonical, entry.measure))
        last_end = end
    return tuple(out)


#: A word between a grade and the event's noun that names no grammar: "grade 3-4 late radiation toxicities".
_FREE_WORD = (
    r"(?!(?:and|or|in|of|with|the|a|an|was|were|is|are|be|been|being|had|has|have|than|to|for|by|at|on|vs|versus|patients?|"
    r"no|any|all|occurred|occurring|developed|observed|reported|seen|noted|included?|including|more|less|higher|lower|"
    r"common|commonly|frequent|frequently|increased|decreased|rates?|incidences?|respectively|between|both|each|among|"
    r"during|after|only|also|events?|toxicit(?:y|ies))\b)[a-z][a-z-]*"
)
#: The grade, relatedness and kind words before an adverse event's noun, searched in the lowercased text where
#: it can be (the engine ignores case several times slower).
_AE_PREFIX = Folded(
    # "grade 3/4 treatment-related", also "treatment-related grade 3 or 4" (relatedness before the grade)
    r"(?:serious\s+)?(?:(?:" + _RELATED + r")\s+(?=(?:grade|G)\b|G\d|3\s*[-–/]\s*4\s+grade))?"
    r"(?P<grade>(?:" + _GRADE3 + r"|" + _GRADE_ANY + r")\+?\s*)?(?:(?:" + _RELATED + r")\s+)?"  # "grade 3+ adverse events"
    r"(?:(?:serious|immune[- ](?:related|mediated))\s+)?"
    # "grade 3/4 cardiac events", "grade 3 non-haematological toxicity": the kind of event between grade and noun
    r"(?:(?:(?:non-?)?ha?ematolog(?:ic|ical)|cardiac|cardiovascular|gastrointestinal|GI|neurolog(?:ic|ical)|renal|hepatic|"
    r"pulmonary|skin|dermatolog(?:ic|ical)|infectious|acute|late|chronic|postoperative|local|systemic|(?:genito)?urinary|GU|"
    r"rectal|bladder|bowel)\s+)?(?(grade)(?:" + _FREE_WORD + r"\s+){0,2})$",
)
#: Characters no word of ``_AE_PREFIX`` holds (tests/test_vocabulary.py checks it).
_NOT_IN_AE_PREFIX = quick(r"[,;:()\[\]%]")


#: A grade in brackets right before an event's noun: "Severe (grade 3/4) neutropenia".
_BRACKETED_GRADE = quick(r"[(\[]\s*(?:[Gg]rades?\s*|G(?=\s*[≥>\d]))[^()\[\]]{1,12}[)\]]\s*$")


def _ae_words_before(sentence: str, at: int) -> str:
    """The grade, relatedness and kind words right before ``at`` ("grade 3/4 treatment-related ", "severe (grade 3/4) ")."""
    bracket = _BRACKETED_GRADE.search(sentence, max(0, at - 30), at)
    if bracket is not None:
        return _ae_words_before(sentence, bracket.start()) + sentence[bracket.start(): at]
    window = sentence[max(0, at - 90): at]
    prefix = search_back(*_AE_PREFIX.pair(window), 0, len(window), _NOT_IN_AE_PREFIX)
    return window[prefix.start():] if prefix else ""


#: After an event's name, the words that make it a patient-reported rating: "dysuria severity score", "fatigue
#: severity", "fatigue-related quality of life".
_RATED_AFTER = quick(r"\s+(?:severity\s+|symptom\s+)?(?:scores?|scales?)\b|\s+severity\b|[-‐ ][a-z]+\s+quality[- ]of[- ]life\b",
                          re.IGNORECASE)


def _extend_ae(sentence: str, start: int, end: int, event: bool) -> tuple[int, str] | None:
    """Grow an adverse-event mention back over its grade and relatedness words; classify it."""
    words = _ae_words_before(sentence, start)
    full = words + sentence[start:end]
    begin = start - len(words)
    if event and re.match(r"[-\s‐‑–]free\b", sentence[end: end + 6]):
        return None  # "seizure-free": an outcome, not an adverse event
    if event and not words.strip() and _RATED_AFTER.match(sentence, end):
        return start, "QOL"  # "dysuria severity score", "fatigue severity": a patient-reported rating
    if event:
        # A bare event name ("anemia") waits to inherit its class; a graded one is a mention of its own,
        # graded before ("grade 3 anemia") or after ("thrombocytopenia grade 3 or 4", "anemia (grade 3/4)").
        graded_after = _GRADE_AFTER_EVENT.match(sentence, end)
        if graded_after:
            return begin, classify_ae(full + graded_after.group(0))
        return (begin, classify_ae(full)) if words.strip() else (start, "EVENT")
    after = _AE_SUFFIX.match(sentence, end)  # "adverse events of grade 3 to 5 that were related to the trial regimen"
    if after and after.group(0).strip():
        full += after.group(0)
    if re.fullmatch(r"events", sentence[start:end], re.IGNORECASE) and not _GRADED_OR_RELATED.search(full):
        return None  # "events" alone are no adverse events: "grade 3 events", "treatment-related events" are
    kind = _KIND_OF_TOXICITY.search(sentence, max(0, start - 30), start) if not words.strip() else None
    if kind and not _NOT_A_KIND.match(kind.group(1)):  # "grade 3 neurosensory toxicity": an event, with its grade
        words = _ae_words_before(sentence, kind.start()) + sentence[kind.start():start]
        begin, full = start - len(words), words + full
    elif not words.strip() and not GRADE3_RE.search(full) and re.fullmatch(r"toxicit(?:y|ies)", sentence[start:end], re.IGNORECASE):
        return start, "SAFETY"  # "toxicity" alone names safety as an endpoint, not an event rate
    if re.search(r"immune[- ](?:related|mediated)|\bi[rm]AE", full, re.IGNORECASE):
        return begin, "IRAE"
    if re.search(r"serious|\bSAE", full, re.IGNORECASE) and not _COMPLICATIONS.search(sentence, start, end):
        # "serious adverse events" are SAEs; "serious postoperative complications" are complications (AE)
        return begin, "TRAE_GRADE3PLUS" if classify_ae(full) == "TRAE_GRADE3PLUS" else "SAE"
    return begin, classify_ae(full)


#: Words after a grade that make it a tumour's grade, not an adverse event's: "grade 3 tumours".
_TUMOUR_GRADE = r"(?:tumou?r|cancer|carcinoma|adenocarcinoma|lesion|disease|differentiat|histolog|glioma|astrocytoma|dysplasia|neoplasia|intraepithelial|nuclear|breast|prostate|group)"
#: A graded outcome the vocabulary does not name: "grade 3 or 4 weight changes", "grade 3 hypertriglyceridemia" (not the
#: grade a named one exceeds: "toxicity greater than grade 2 occurred in …").
GRADED_EVENT = quick(rf"(?<!than )\b{_GRADE_WORD}\s+(?!{_TUMOUR_GRADE})(?P<w>{_FREE_WORD}(?:\s+{_FREE_WORD}){{0,2}})", re.IGNORECASE)
_GRADE_AFTER_EVENT = quick(rf"\s*[(,]?\s*(?:of\s+|(?:greater|higher|more|worse) than\s+|[>≥]\s*)?(?:(?:WHO|NCI[- ]?CTC(?:AE)?|CTCAE|CTC)\s+)?(?:{_GRADE3}|{_GRADE_ANY})(?![\w-])",
                                re.IGNORECASE)
#: "skeletal-related events" are an outcome of their own; "treatment-related events" are adverse events.
_GRADED_OR_RELATED = quick(r"grade|(?:treatment|drug|therapy|study[- ]drug)[-\s‐‑–](?:related|associated)", re.IGNORECASE)
_COMPLICATIONS = quick(r"complications?", re.IGNORECASE)
#: A kind of toxicity right before the word: "neuro-sensory toxicity", "ocular toxicity" is an event, not safety.
_KIND_OF_TOXICITY = quick(r"\b([a-z]+(?:-[a-z]+|ic|al|ar|ary|ory|ous))\s+$", re.IGNORECASE)
_NOT_A_KIND = quick(r"(?:principal|overall|general|total|severe|serious|major|minimal|additional|clinical|potential|global|"
                         r"usual|typical|various|several|previous|cumulative|dose-limiting|treatment-related|drug-related)$",
                         re.IGNORECASE)


_AE_SUFFIX = quick(
    # "toxicity (WHO grade 3-4)", "adverse events (grade >=3)": the grade in brackets after the noun
    r"(?:\s*[(\[](?:(?:WHO|NCI[- ]?CTC(?:AE)?|CTCAE|RTOG|CTC)\s+)?(?:grades?|G)\s*[^()\[\]]{1,16}[)\]]"
    r"|\s+(?:that\s+were\s+|which\s+were\s+)?of\s+(?:severity\s+)?(?:grade|CTCAE grade)\s*(?:3|III)\s*(?:or|to|and|[-–/])\s*(?:4|5|IV|V|higher|greater|worse|more|above)"
    # "toxicity greater than grade 2", "adverse events > grade 2"
    r"|\s+of\s+grade\s*(?:≥|>=|⩾)\s*3|\s*(?:of\s+)?(?:>|≥|>=|⩾|(?:greater|higher|more|worse) than)\s*grade\s*(?:[1-4]|I{1,3}|IV)\b)?(?:\s+(?:that\s+were\s+|which\s+were\s+)?(?:treatment|drug|therapy)?[- ]?related\s+to\s+"
    r"(?:the\s+)?(?:trial|study|treatment|drug|therapy|regimen)(?:\s+(?:drug|regimen|treatment))?)?",
    re.IGNORECASE,
)
_RELATED_RE = quick(r"related|TRAE|(?:treatment|drug|therapy)[-\s‐‑–]associated", re.IGNORECASE)


def classify_ae(text: str) -> str:
    """TRAE / TRAE_GRADE3PLUS / AE / AE_GRADE3PLUS from the words of an AE mention."""
    related = bool(_RELATED_RE.search(text)) and not re.search(r"surgery[- ]related", text, re.I)
    severe = bool(GRADE3_RE.search(text))
    if related:
        return "TRAE_GRADE3PLUS" if severe else "TRAE"
    return "AE_GRADE3PLUS" if severe else "AE"


_EVENT_RE = quick(AE_EVENTS, re.IGNORECASE)


def named_event(text: str) -> str | None:
    """The named adverse event inside an AE mention ("neutropenia"), if any."""
    m = _EVENT_RE.search(text)
    return m.group(0) if m else None


#: "time to treatment failure (TTTF)", "the median survival time (MST)": words, then the abbreviation the text gives them.
_ABBREVIATION = quick(r"\(\s*(?P<a>[A-Z][A-Za-z]{1,6})\s*\)")
_WORDS_BEFORE = quick(r"(?:[A-Za-z][\w'’]*[\s-]+){0,5}[A-Za-z][\w'’]*\s*$")
_NOT_IN_WORDS = quick(r"[^\w'’\s-]")
_SMALL_WORDS = frozenset({"of", "and", "the", "to", "in", "for", "with", "on"})
#: Classes an abbreviation does not carry: comparative pseudo-names, bare events (they inherit a class), safety.
_NOT_ABBREVIATED = frozenset({"HR", "OR", "RR", "EVENT", "AE_CORE", "SAFETY", "SKIP", "PR"})


def _initials(words: list[str], skip_small: bool) -> str:
    return "".join(w[0] for w in words if not (skip_small and w.lower() in _SMALL_WORDS)).upper()


def _abbreviated_words(words: str, letters: str) -> str | None:
    """The last words of ``words`` whose initials spell ``letters`` ("time to treatment failure", "TTTF")."""
    split = [w for w in re.split(r"[\s-]+", words) if w]
    for n in range(1, len(split) + 1):
        tail = split[-n:]
        if _initials(tail, False) == letters or (_initials(tail, True) == letters and tail[0].lower() not in _SMALL_WORDS):
            return " ".join(tail)
    return None


def endpoint_abbreviations(text: str) -> dict[str, tuple[str, str | None]]:
    """Abbreviations a document defines for an endpoint the vocabulary knows by its words but not by the
    abbreviation: "time to treatment failure (TTTF)" gives {"TTTF": ("TTF", None)}. The abbreviation must spell
    the initials of the words right before it, so "the safety of cisplatin (Cis)" defines nothing."""
    found: dict[str, tuple[str, str | None]] = {}
    for m in _ABBREVIATION.finditer(text):
        abbreviation = m.group("a")
        letters = abbreviation[:-1].upper() if abbreviation.endswith("s") and abbreviation[:-1].isupper() else abbreviation.upper()
        before = search_back(_WORDS_BEFORE, text, max(0, m.start() - 80), m.start(), _NOT_IN_WORDS)
        if before is None or abbreviation in found or find_mentions(f"the {abbreviation} was 5"):
            continue  # known already ("overall survival (OS)")
        words = _abbreviated_words(before.group().strip(), letters)
        named = find_mentions(words) if words else []
        if words and len(named) == 1 and _names_all_of(named[0], words):
            found[abbreviation] = (named[0].canonical, named[0].measure)
    return found


#: Words that may stand before an endpoint's name without making it another outcome ("durable response rate",
#: "comprehensive disease control", "duration of clinical benefit" are others).
_LEFT_OVER_BEFORE = frozenset({"", "the", "median", "mean", "overall", "estimated", "health-related", "health related",
                               "objective", "clinical", "endoscopic", "radiological", "treatment-emergent"})
_LEFT_OVER_AFTER = frozenset({"", "rate", "rates", "time", "times"})


def _names_all_of(mention: Mention, words: str) -> bool:
    """The endpoint mention is what the abbreviated words say: "health-related [quality of life]", "median
    [survival] time"; not "duration of [clinical benefit]", nor a response category ("SD" is also a spread)."""
    return mention.canonical not in _NOT_ABBREVIATED and mention.measure != "category" \
        and words[: mention.start].strip().lower() in _LEFT_OVER_BEFORE and words[mention.end:].strip().lower() in _LEFT_OVER_AFTER


def abbreviated_mentions(sentence: str, abbreviations: dict[str, tuple[str, str | None]], mentions: list[Mention]) -> list[Mention]:
    """``mentions``, with each use of a document's own endpoint abbreviation ("TTTF was longer") that no mention covers."""
    added = [Mention(m.start(), m.end(), m.group(), *abbreviations[m.group()]) for a in abbreviations if a in sentence
             for m in re.finditer(rf"(?<![\w-]){re.escape(a)}(?![\w-])", sentence)
             if not any(x.start < m.end() and m.start() < x.end for x in mentions)]
    return sorted(mentions + added, key=lambda x: x.start) if added else mentions
