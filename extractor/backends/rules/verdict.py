"""Was the primary endpoint met? The verdict as the text gives it, in the order a reader looks.

1. ``stated``: the text says so ("met its primary endpoint", "did not meet the primary end
   point", "the primary endpoint was not reached").
2. ``primary_comparison``: the sentences that report the primary endpoint say whether its
   comparison was significant ("significantly longer", "P = .014", "HR 0.79 ...; p=0.058",
   "no significant difference", "similar").
3. ``conclusion``: with no primary endpoint reported, the authors' conclusion about the
   comparison the abstract is built around ("improves survival", "did not improve", "as
   effective as ... but").

Each phrase shape is one named pattern below; ``verdict`` returns the first answer.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from functools import lru_cache

from extractor.backends.rules.text import folded
from extractor.backends.rules.vocabulary import find_mentions
from extractor.patterns import holds_each, needed_words, quick
from extractor.structure import CONCLUSION, METHODS, RESULTS, Sentence

#: "met its primary endpoint", "achieved the prespecified primary objective", "primary endpoint was met"
STATED_MET = folded(  # the branches opening with "\b" grouped after one (so that re skips the others by letter)
    r"primary (?:[a-z-]+ ){0,2}(?:end ?points?|objectives?|outcomes?) (?:was|were|has been|have been) (?:met|achieved|reached|attained)"
    r"|(?:exceeded|surpassed) the (?:pre-?specified |predefined )?(?:threshold|target|boundary)"
    r"|null hypothesis (?:was|could be) rejected"
    r"|\b(?:(?:met|achieved|reached|attained) (?:its|the|their|both|all)? ?(?:pre-?specified |predefined |pre-?defined |co-?)?"
    r"primary (?:end ?points?|objectives?|efficacy end ?points?)"
    # "equivalence for three versus four cycles is claimed", "indicating noninferiority"
    r"|(?:equivalence|non-?inferiority)\b[^.;]{0,60}?\b(?:is|was|were|could be|can be) (?:claimed|shown|demonstrated|established|concluded)"
    r"|(?:indicating|supporting|demonstrating|confirming|establishing) (?:the )?(?:therapeutic |clinical |statistical )?"
    r"(?:non-?inferiority|equivalence)\b"
    # "the RR of ACR20 was 1.039 (0.954, 1.133), confirming the primary hypothesis"
    r"|(?:confirm(?:s|ed|ing)?|support(?:s|ed|ing)?) (?:the|its|our) (?:pre-?specified )?primary hypothesis"
    r"|primary hypothesis (?:was|is|has been) (?:confirmed|supported|accepted))"
)
#: "did not meet the primary end point", "failed to reach its primary objective", "was not met"
STATED_NOT_MET = folded(  # the branches opening with "\b" grouped after one, as in ``STATED_MET``
    r"primary (?:end ?point|objective|outcome) (?:was|were|has) not (?:been )?(?:met|achieved|reached|attained)"
    r"|not superior to (?:the )?null|null hypothesis (?:was not|could not be) rejected"
    r"|\b(?:(?:did not|does not|didn't|failed to|not) (?:meet|achieve|reach|attain)\b[^.]{0,60}\b(?:primary|pre-?defined|pre-?specified|end ?point)"
    r"|(?:failed to|did not|could not|unable to) (?:show|demonstrate|establish|prove) (?:the )?(?:non-?inferiority|equivalence)\b"
    r"|(?:non-?inferiority|equivalence)\b[^.;]{0,60}?\b(?:was|were|could) not (?:be )?(?:shown|demonstrated|established|claimed|proven)"
    r"|neither\b(?:[^.]|\.(?=\d)){0,150}\bnor\b(?:[^.]|\.(?=\d)){0,120}\b(?:superior|better|different)\b[^.]{0,60}\bprimary"
    # "no significant difference in the primary endpoint", "differences in the primary outcomes were not significant"
    r"|no (?:evidence of (?:an? )?)?(?:statistically )?significant (?:[a-z]+ )?(?:differences?|improvements?|effects?|benefit) (?:(?:was|were) (?:found|observed|seen|shown) )?"
    r"(?:in|on|for|between)\b[^.;]{0,30}?\bprimary (?:(?:or|and) secondary )?(?:end ?points?|outcomes?|objectives?)"
    r"|primary (?:end ?points?|outcomes?)\b[^.;]{0,30}?\b(?:was|were|did) not (?:statistically )?(?:significant(?:ly)?|differ)"
    # "no significant difference in average scores between A and B with regard to the primary (p = 0.34)"
    r"|no (?:statistically )?significant differences?\b(?:(?!\b(?:but|while|whereas|except)\b)[^.;]){0,100}?"
    r"\b(?:with regard to|regarding|with respect to|in terms of) (?:the )?primary\b"
    # "This clinical trial was unable to support the primary prestudy hypothesis" (not "the hypothesis that X is
    # associated with Y", a question of mechanism)
    r"|(?:unable to|failed to|did not|does not|do not|could not) (?:support|confirm) (?:the|its|our) "
    r"(?:primary |main |study |pre-?study |a priori )+hypothesis\b"
    r"|primary hypothesis (?:was|is|has been|could) not (?:be )?(?:confirmed|supported))"
)
#: "significantly longer", "statistically significant improvement", "significant benefit"
SIGNIFICANT = folded(
    r"\b(?:statistically )?significant(?:ly)? (?:\([^()]{1,20}\) )?(?:longer|shorter|higher|lower|greater|better|improved?|prolonged|increased?|"
    r"reduced?|reduction|decreased?|more|less|superior|benefit|improvement|advantage|difference|prolongation|gain)\b"
    r"|\b(?:improved|prolonged|increased|reduced|extended) [^.;]{0,60}?significantly\b"
    r"|\bwas significant\b|\bsignificantly (?:favou?red|associated)\b"
)
#: "no significant difference", "not significantly", "did not differ", "similar", "comparable"
NOT_SIGNIFICANT = folded(
    r"\b(?:no|not a|did not reach|without|lack of|absence of) (?:statistically )?significan(?:t|ce)\b"
    # "without statistically a significant difference (log-rank test, p=0.259)", "without reaching significance"
    r"|\bwithout (?:reaching |achieving )?(?:statistical(?:ly)? )?(?:an?|any) (?:statistically )?significan(?:t|ce)\b"
    r"|\bwithout (?:reaching|achieving) (?:statistical )?significance\b"
    # "the only statistically significant difference observed between groups was the global rating scale score"
    r"|\bthe only (?:statistically )?significant (?:between-group )?(?:differences?|changes?|effects?|improvements?)\b"
    r"|\bnot (?:statistically )?significant(?:ly)?\b|\bnon-?significant(?:ly)?\b|\bn\.?s\.?(?=[),;])"
    r"|\bdid not (?:significantly )?(?:differ|improve|prolong|increase|reduce|extend|show|demonstrate)\b"
    r"|\b(?:was|were|showed|had|demonstrated|with) (?:a |an )?(?:similar|comparable|not different)\b"
    r"|\bno (?:statistical |significant )?differences?\b|\bthere (?:was|were) no (?:significant )?changes? in\b"
    r"|\bno (?:improvement|benefit|advantage)\b|\bnot (?:improved|prolonged|superior)\b"
    r"|\b(?:did|does|do) not (?:\w+ )?significantly\b"  # "did not report significantly less distress"
    r"|\b(?:not|unable to|failed to) (?:\w+ ){1,2}(?:a|an|any) (?:statistically )?significant\b"  # "could not find any significant"
)
#: "no significant effect (scale, 95% CI) on depression": the negation comes before the endpoint's name,
#: more than a few words back, in the same clause.
NO_EFFECT_ON = folded(
    r"\b(?:no|not an?|without|lack of) (?:statistically )?significant (?:[a-z]+ )?"
    r"(?:effects?|differences?|improvements?|benefit|changes?|impact|reduction)\b"
    r"(?:(?!\b(?:but|while|whereas|however)\b)(?:[^;.]|\.(?=\d))){0,120}\b(?:on|in|for|regarding|in terms of|with respect to)\b[^;,.]{0,25}$"
)
#: A p-value: "P = .014", "p<0·001", "P-value 0.058", "P less than 0.05", "p < or = 0.05", "P =. 048" (a space
#: after the point, as some flattened abstracts print it)
P_VALUE = quick(r"\b[Pp]\s*(?:-?\s*values?)?\s*(?P<rel>[<>] or =|[=<>≤≥]|&lt;|&gt;|less than|greater than)\s*"
                r"(?P<p>0?[.·]\d+|[.·] \d+|1(?:[.·]0+)?)\b")
#: Conclusions that answer the trial's question in the affirmative (a benefit, named with what it improves).
CONCLUDES_BENEFIT = folded(
    r"\b(?:improve[sd]?|prolong(?:s|ed)?|extend(?:s|ed)?|increase[sd]?) (?:the )?(?:overall |median |long-term )?"
    r"(?:survival|progression|disease|response|outcomes?|efficacy|rate of|time to|quality of life|continence|cure|control|os|pfs|dfs|rfs|ttp|orr)"
    r"|\b(?:reduce[sd]?|decrease[sd]?|lower(?:s|ed)?|alleviate[sd]?|relieve[sd]?) (?:the )?(?:risk|mortality|recurrence|relapse|incidence|"
    r"rate of|pain|symptoms?|toxicity|side[- ]effects|anxiety|depression|fatigue|distress|[a-z]+ levels?)"
    r"|\bsuperior|\bmore effective|\bnot inferior\b|\bsignificant(?:ly)? (?:better|improved|improvements?|higher|longer|benefit)|\bbenefit(?:s|ed)? "
    r"|\b(?:is|was|are|were) (?:an? )?(?:effective|efficacious|active)\b|\bnon-?inferior|\bas effective as\b|"
    r"\bshould be (?:considered|offered|the)\b|\bnew standard\b|\b(?:was|were|is|are) equivalent\b|"
    r"\bequivalence (?:was|is) (?:shown|demonstrated)\b|\bassociated with (?:a )?significantly (?:higher|better|longer|improved)\b|"
    r"\b(?:longer|better|higher) (?:clinical benefit|survival|response)\b|\bbenefit in\b|\bcan be recommended\b"
    # "Tamoxifen significantly reduced Ki-67", "in view of better health-related quality of life", "self-sampling
    # increased attendance rates"
    r"|\b(?<!associated with )significantly (?:reduced|decreased|lowered|augmented|improved)\b"
    r"|\bbetter (?:[\w-]+ ){0,2}quality of life\b|\bincrease[sd]? (?:the )?(?:[\w-]+ ){0,2}?(?:attendance|uptake|adherence)\b"
    # "Exercise training had beneficial effects on cardiopulmonary function", "This study confirms the efficacy of Lax-Asab"
    r"|\b(?:had|has|showed|exerts|exerted) (?:a |an )?(?:significant )?beneficial (?:effects?|impact|influence)\b"
    r"|\b(?:confirms?|confirmed|demonstrates?|demonstrated) the (?:efficacy|effectiveness)\b"
)
#: A denial that leans on a claim before it: "improved response rate but not overall survival", "RFS was improved, but
#: that overall survival was not", "… but survival was similar": the conclusion claims and denies (a split).
BUT_NOT = folded(
    r"\bbut not (?:in |on |for )?(?:the )?(?:[\w-]+ ){0,2}?(?:survival|os|pfs|dfs|rfs|response|recurrence|relapse|efficacy)\b"
    r"|\bbut (?:that )?(?:the )?(?:[\w-]+ ){1,3}(?:was|were|is|are|did|does) not(?= *[.;,])"
    r"|\bbut (?:the )?(?:[\w-]+ ){1,3}(?:was|were|is|are|remained) (?:similar|comparable|unchanged|unaffected)\b"
)
#: Conclusions that answer it in the negative.
CONCLUDES_NO_BENEFIT = folded(
    r"\b(?:did not|does not|do not|failed to|not) (?:significantly )?(?:improve|prolong|increase|extend|reduce|benefit|"
    r"show|demonstrate|result in|lead to|confer|translate|provide|enhance|augment|accelerate|shorten|decelerate|slow|delay)\w*(?: that\b[^.;]{0,80})?|\bno (?:clear |consistent )?(?:statistically )?(?:significant )?(?:benefit|improvement|advantage|"
    r"difference|effect|impact|role)\b|\bno (?:survival|clinical|overall) (?:benefit|advantage)\b|"
    r"\bno more (?:effective|efficacious|beneficial) than\b|\bnot (?:superior|more effective|better|recommended|justified|warranted)\b|"
    r"\bno better than\b|\bno (?:substantive|substantial|meaningful|relevant|appreciable|discernible|major|notable|beneficial|salutary|clinically "
    r"(?:relevant|meaningful|important)) (?:differences?|benefits?|advantages?|effects?)\b|\bof no (?:clinical )?(?:interest|value|benefit)\b|"
    r"\b(?:similar|comparable) (?:[\w-]+ ){0,3}?(?:efficacy|outcomes?|results?|survival|response)|\bequivalent (?:efficacy|outcomes?|"
    r"results?|survival|response)|\bineffective\b|"
    r"\bshould not\b|\bno evidence\b|\bcannot be recommended\b|\bunlikely to (?:have|be|provide|improve)\b|"
    r"\brecommend no\b|\breduced (?:the )?(?:pfs|progression|survival|os|overall)|\bincreased (?:treatment )?(?:burden|toxicity)\b"
    r"|\b(?:yet|remains?) to be (?:proven|shown|demonstrated|established)\b"  # "its ability to X has yet to be proven"
    # "this short term treatment was not associated with beneficial effect on arterial stiffness"
    r"|\bnot associated with (?:an? |any )?(?:beneficial|significant|improved|better)\b"
    # "the present data do not support a quality of life benefit with epidural analgesia", "our results do not support
    # the use of"
    r"|\b(?:do|does|did) not support (?:an? |any |the )?(?:[\w-]+ ){0,4}?(?:benefit|use|role|efficacy|effect|advantage)\w*"
    # a worse arm: "is less effective than castration", "the DEB strategy is inferior to the ZES one"
    r"|\bless effective\b|\b(?:is|was|are|were|be) (?:significantly )?inferior to\b"
    # "a dosage of 50 mg of bicalutamide once daily was not as effective as castration"
    r"|\bnot (?:as|so|equally) (?:effective|efficacious|active|good|beneficial)\b"
    # "did not have a significant impact on quality of life", "Effects of HT on
    # toxicities, treatment delay, QOL, and fatigue were not observed"
    r"|\b(?:did|does|do) not have (?:an? |any )?(?:significant |meaningful |measurable )?(?:impact|effect|influence|benefit)s?\b"
    r"|\b(?:effects?|benefits?|improvements?) (?:of|on|in)\b[^.;]{0,60}?\b(?:was|were) not (?:observed|seen|found|detected|shown)\b"
    # "we could not identify any clinical difference between INT and RY", "we could not detect a reduction in sickness
    # absence", "we could not find any evidence for improvement of clinical outcome"
    r"|\b(?:could not|did not|were unable to|failed to) (?:identify|find|detect|observe) (?:an? |any )?(?:evidence (?:of|for) (?:an? )?)?"
    r"(?:clinical(?:ly)? |significant |statistically significant |meaningful |relevant )*"
    r"(?:differences?|benefit|advantage|effect|reductions?|improvements?|increases?|decreases?)\b"
    # "Neither the concurrent use of A nor the site of the patch showed a significant influence"
    # "Neither FU24h + LV nor FU24h prolong survival, relative to bolus FU + LV"
    r"|\bneither\b[^.;]{0,150}\bnor\b[^.;]{0,120}\b(?:significant|superior|better|improv\w*|benefit|effect|influence|differ\w*|"
    r"prolong\w*|extend\w*|increas\w*|reduc\w*|decreas\w*|affect\w*|alter\w*|change[sd]?)\b"
)


#: The words one of the stated shapes needs (a cheap gate before them: substring tests cost far less than a search).
_STATED_CUES = ("primar", "endpoint", "end point", "null", "threshold", "target", "boundary", "defined", "specified",
                "inferior", "equivalen", "hypothes")
#: The words a match of each stated shape holds (``patterns.needed_words``).
_NOT_MET_NEEDS, _MET_NEEDS = needed_words(STATED_NOT_MET), needed_words(STATED_MET)


def stated(sentences: Iterable[Sentence]) -> bool | None:
    """The verdict the text states in words."""
    for s in sentences:
        low = s.text.lower()
        if not any(cue in low for cue in _STATED_CUES):
            continue
        if holds_each(low, _NOT_MET_NEEDS) and STATED_NOT_MET.search(low):
            return False
        if holds_each(low, _MET_NEEDS) and _stated_met(low):
            return True
    return None


#: Who met an endpoint's definition, not the trial its endpoint: "49 events met the primary endpoint (febrile malaria)".
_WHO_MET = quick(r"\b(?:\d+|events?|patients|participants|subjects|cases|episodes|children|women|men)(?: \([^()]*\))? (?:who |that |which )?$")


def _stated_met(low: str) -> bool:
    """``STATED_MET`` in a lowercased sentence, not said of people or events that met the endpoint's definition."""
    m = STATED_MET.search(low)
    return m is not None and _WHO_MET.search(low, max(0, m.start() - 40), m.start()) is None


def p_values(text: str) -> list[tuple[str, float]]:
    """The p-values printed in ``text``: each its relation ("=", "<", ">", ...) and number."""
    out = []
    for m in P_VALUE.finditer(text):
        raw = m.group("p").replace("·", ".").replace(" ", "")
        out.append((m.group("rel"), float("0" + raw if raw.startswith(".") else raw)))
    return out


def _significant(relation: str, p: float) -> bool:
    """At the 5% level: "P = .014", and a bound at it ("P < 0.05", "P ≤ .05"), are significant."""
    return p < 0.05 or (p == 0.05 and relation in {"<", "≤", "&lt;", "less than", "< or ="})


def _significant_words(low: str, start: int = 0) -> re.Match[str] | None:
    """``SIGNIFICANT`` searched in lowercased ``low`` from ``start``; every match holds "significant" (a substring test
    first: it costs far less than the search)."""
    return SIGNIFICANT.search(low, start) if "significant" in low else None


def significance(text: str, start: int = 0) -> bool | None:
    """Whether ``text`` (from ``start``, where the endpoint is named) reports a significant comparison.

    Words win over numbers ("not significant (P = .06)"), the first words where both kinds are
    printed; then the first p-value after ``start`` decides at the 5% level.
    """
    low = text.lower()
    if start and NO_EFFECT_ON.search(low, 0, start):
        return False
    start = max(0, start - 40)  # "showed a similar pathological response rate": the words may come first
    negative, positive = NOT_SIGNIFICANT.search(low, start), _significant_words(low, start)
    if negative and (positive is None or negative.start() <= positive.start() or _denied_between(low, negative.start())):
        return False  # the first words decide: "A was significantly lower (P<0.01), while B did not differ"
    after = p_values(text[start:]) if positive is None else []
    if positive or (after and _significant(*after[0])):
        return not _favours_the_control(low, start)
    return False if after else None


#: A difference in the control arm's favour: "5.6 months versus 1.7 months for PF (P <.0001) favoring CET/placebo",
#: "subsequent survival favoured placebo over levamisole (100% vs 57%; P < 0.001)".
_FAVOURS_THE_CONTROL = folded(r"\b(?:favou?r(?:ing|ed|s)?|in favou?r of) (?:the )?(?:[\w-]+ ?/ ?)?(?:placebo|sham|control|usual care|"
                              r"observation|standard (?:care|arm|treatment|therapy))\b"
                              # a good outcome better with the control: "The mean global QoL score at 54 weeks was higher in
                              # the standard chemotherapy group than in the bevacizumab group", "overall survival was somewhat
                              # greater in the placebo group than in the levamisole group"
                              r"|\b(?:survival|quality of life|qol|global health|response rates?|functioning)\b[^.;]{0,60}?"
                              r"\b(?:higher|longer|better|greater) (?:in|for|with|among) the (?:placebo|sham|control|usual care|"
                              r"observation|standard [\w-]+) (?:group|arm)s? than\b")


def _favours_the_control(low: str, start: int) -> bool:
    """Whether a significant difference in lowercased ``low`` (from ``start``) favours the control arm: the
    experimental arm did worse, so the comparison is not met."""
    return ("favo" in low or " than" in low) and _FAVOURS_THE_CONTROL.search(low, start) is not None


#: A change in both groups: "both treatment modalities resulted in significant decrease", "improved in both Group I and II".
_IN_BOTH = folded(r"\b(?:both|each) (?:of the )?(?:[\w-]+ )?(?:groups?|arms?|modalities|regimens|treatments|interventions)\b"
                  r"|\bin both\b|\bwithin (?:each|both|the) (?:groups?|arms?)\b")
#: A denial between the groups: "no significant difference (p=0.582) was found between those two groups".
_BETWEEN_THE_GROUPS = folded(r"^(?:[^.;]|\.(?=\d)){0,80}?\b(?:between|among) (?:the |those |these )?(?:two |three |treatment |study )?"
                             r"(?:groups|arms)\b|^(?:[^.;]|\.(?=\d)){0,40}?\b(?:inter|between)-?groups?\b")


#: ... or named just before it: "There was significant improvement in pain scores in both groups, but mean change
#: between groups was not significant".
_BETWEEN_THE_GROUPS_BEFORE = folded(r"\b(?:between|among) (?:the |those |these )?(?:two |three |treatment |study )?"
                                    r"(?:groups|arms)\b[^.;,]{0,30}$|\b(?:inter|between)-?groups?\b[^.;,]{0,40}$")


def _denied_between(low: str, at: int) -> bool:
    """A denial at ``at`` that is between the groups, in a sentence that reports a change in both groups ("Even
    though both treatment modalities resulted in significant decrease in the total arm volume, no significant
    difference was found between those two groups"): the comparison is the denial, not the change."""
    between = _BETWEEN_THE_GROUPS.search(low[at:]) is not None or \
        _BETWEEN_THE_GROUPS_BEFORE.search(low, max(0, at - 60), at) is not None
    return between and _IN_BOTH.search(low, 0, at + 80) is not None


def primary_comparison(sentences: list[Sentence], primary: set[str], names: list[str]) -> bool | None:
    """The significance of the first results sentence that reports the primary endpoint."""
    if not primary and not names:
        return None
    for s in sentences:
        low = s.text.lower()
        if not _reports_the_primary(s, low) or _association_only(low) or _baseline_only(low):
            continue
        start = 0 if _MARKED_PRIMARY.search(s.text) else _primary_position(s.text, primary, names)
        if start is None:
            continue
        found = significance(s.text, start)
        if found is not None:
            return found
    return None


def _reports_the_primary(s: Sentence, low: str) -> bool:
    """A sentence that can report the primary comparison: a results or conclusion sentence, or one an unlabelled
    abstract's layout put among the methods that reports a finding in words ("Using an area under the curve analysis,
    there was no evidence that methylphenidate improved the primary end point (P = .35)")."""
    return s.section in (RESULTS, CONCLUSION, "body") or _reports_a_finding(s, low) or (
        s.section == METHODS and P_VALUE.search(s.text) is not None and _PLANNED.search(low) is None)


#: A sentence that marks its finding as the primary endpoint's: "no significant difference regarding time to
#: deterioration of global health status (primary endpoint)".
_MARKED_PRIMARY = quick(r"\((?:the )?primary (?:end ?points?|outcomes?|objectives?)\)", re.IGNORECASE)


#: A comparison before treatment: "Baseline values for peak oxygen consumption (P =.254) and overall QOL (P =.286) did
#: not differ between groups", "Baseline HRQOL scores did not differ between groups" ...
_BEFORE_TREATMENT = folded(r"\bbaseline\b|\bat (?:admittance|admission|entry|enrol?ment|randomi[sz]ation)\b"
                           r"|\bbefore (?:the )?(?:treatment|intervention|randomi[sz]ation|surgery)\b")
#: ... not a change from it or an analysis adjusted for it ("mean change from baseline", "controlling for baseline").
_CHANGE_OR_ADJUSTED = folded(r"\b(?:chang\w*|improv\w*|reduc\w*|increas\w*|decreas\w*|declin\w*|deteriorat\w*|worsen\w*|"
                             r"adjust\w*|controlling|covariates?|interactions?)\b|\b(?:from|over|since|after|relative to) baseline\b"
                             r"|\bbaseline (?:to|and|versus|vs)\b")


def _baseline_only(low: str) -> bool:
    """A lowercased sentence that compares the groups before treatment, not a change since."""
    return _BEFORE_TREATMENT.search(low) is not None and _CHANGE_OR_ADJUSTED.search(low) is None


def _primary_position(text: str, primary: set[str], names: list[str]) -> int | None:
    """Where ``text`` names the primary endpoint: as written, by its canonical name, or (an
    outcome the vocabulary does not know) by one of its longer words ("bile reflux")."""
    low = text.lower()
    for name in names:
        at = low.find(name.lower())
        if at >= 0:
            return at
    mention = next((m for m in find_mentions(text) if m.canonical in primary), None)
    if mention is not None:
        return mention.start
    if "OTHER" in primary:
        words = {w for name in names for w in re.findall(r"[a-z]{5,}", name.lower())} - _COMMON_WORDS
        found = [low.find(w) for w in words if w in low]
        return min(found) if found else None
    return None


_COMMON_WORDS = frozenset({"patients", "treatment", "between", "after", "before", "study", "trial", "groups", "group",
                           "evaluated", "assessed", "months", "weeks", "years", "compare", "primary", "endpoint"})


def conclusion(sentences: list[Sentence]) -> bool | None:
    """The authors' conclusion about the comparison: a benefit (True), none (False), or
    mixed or silent (None). Read from the conclusion section, else the last two sentences;
    words inside a negation ("does not increase survival") count for the negation only."""
    negative, positive = _conclusion_claims(sentences)
    if negative != positive:
        return positive
    return None


#: A conclusion that compares the arms: "C+P is superior to cisplatin alone", "improved overall survival compared with CF".
_COMPARES_ARMS = folded(r"\b(?:superior to|inferior to|more effective than|compared (?:with|to)|versus)\b")


def _closing(sentences: list[Sentence]) -> list[Sentence]:
    """The conclusion section's sentences, else the last two sentences."""
    return [s for s in sentences if s.section == CONCLUSION] or sentences[-2:]


def concludes_a_comparison(sentences: list[Sentence]) -> bool:
    """Whether the conclusion (else the last two sentences) compares the arms: a trial whose design the text did not
    make plain is comparative when its authors conclude on a comparison."""
    return any(_COMPARES_ARMS.search(s.text.lower()) for s in _closing(sentences))


def mixed_conclusion(sentences: list[Sentence]) -> bool:
    """The conclusion claims an effect on efficacy and denies one ("superior in response and PFS, but not in
    overall survival"); a benefit in toxicity or a recommendation beside a denial is not a split."""
    return all(_conclusion_claims(sentences, _EFFICACY))


#: What a claim is about when it is about efficacy: "similar efficacy", "no survival benefit", "improved PFS".
_EFFICACY = folded(r"\b(?:survival|response|progression|recurrence|relapse|remission|efficacy|effective|outcomes?|benefit\w*|"
                   r"advantage|superior|pfs|os|dfs|rfs|efs|ttp|orr|disease[- ]free|mortality|death)\b")
#: The words a claim reaches: to the end of its clause.
_CLAIM_REACH = quick(r"[^.;]{0,80}")


def _conclusion_claims(sentences: list[Sentence], about: re.Pattern[str] | None = None) -> tuple[bool, bool]:
    """Whether the conclusion section (else the last two sentences) denies a benefit, and whether it claims one;
    with ``about``, only claims whose clause matches it."""
    text = " ".join(s.text for s in _closing(sentences)).lower()
    negatives, positives = _claims(text)
    if about is not None:
        negatives = tuple((a, b) for a, b in negatives if _reaches(about, text, a))
        positives = tuple(a for a in positives if _reaches(about, text, a))
    return bool(negatives), bool(positives)


@lru_cache(maxsize=4)
def _claims(text: str) -> tuple[tuple[tuple[int, int], ...], tuple[int, ...]]:
    """The denials (spans) and claims (starts) of a lowercased conclusion; a split ("but not") is both. Kept for
    the last few conclusions: a document's is read twice (``conclusion``, ``mixed_conclusion``)."""
    splits = [m.start() for m in BUT_NOT.finditer(text)] if "but " in text else []
    negatives = [m.span() for m in CONCLUDES_NO_BENEFIT.finditer(text) if not _about_harms(text, m)]
    positives = [m.start() for m in CONCLUDES_BENEFIT.finditer(text) if _claims_benefit(text, m, negatives)] + splits
    return tuple(negatives + [(a, a) for a in splits]), tuple(positives)


#: A denial about harms, not about the benefit the trial asked for: "There was no statistically significant difference
#: between the two groups with regard to the side effects observed", "no difference in toxicity".
_HARMS = folded(r"(?:[^.;,]|\.(?=\d)){0,60}?\b(?:side[- ]effects?|toxicit(?:y|ies)|adverse (?:events?|effects?|reactions?)|"
                r"complications?|safety|tolerability)\b")
#: ... a denial whose words name no benefit of their own ("no difference", "did not differ"; not "no survival benefit").
_BARE_DENIAL = folded(r"^(?:no|not|did not|does not|were|was) (?:clear |consistent )?(?:statistically )?(?:significant )?"
                      r"(?:differ\w*|effect|impact)\b")


def _about_harms(text: str, m: re.Match[str]) -> bool:
    """Whether the denial ``m`` in ``text`` is a bare one about side effects or toxicity."""
    return _BARE_DENIAL.match(m.group()) is not None and _HARMS.match(text, m.end()) is not None


def _reaches(about: re.Pattern[str], text: str, start: int) -> bool:
    """Whether the clause from ``start`` (a claim) names what ``about`` matches."""
    reach = _CLAIM_REACH.match(text, start)
    return reach is not None and about.search(reach.group()) is not None


def _claims_benefit(text: str, m: re.Match[str], negatives: list[tuple[int, int]]) -> bool:
    """Benefit words that claim one: not inside a negation, a trend, a subgroup only, a question still open
    ("needed to determine whether X is superior") or a sentence about both arms ("Both regimens were active")."""
    return not any(a <= m.start() < b + 30 for a, b in negatives) and not _TREND.search(text, 0, m.start()) \
        and not _ONLY_IN.match(text, m.end()) and not _OPEN_OR_BOTH.search(text, 0, m.start()) \
        and not _WHO_MIGHT.search(text, max(0, m.start() - 30), m.start())


#: "… to determine whether the combination is superior", "research should examine the benefits of X", "Both
#: capecitabine and S-1 were active", "All the three opioids were effective": no arm is better.
_OPEN_OR_BOTH = quick(r"(?:\bwhether\b|\b(?:examine|explore|investigate|assess|determine)\b|(?:^|[.;,]\s+)(?:both|all (?:the )?(?:two|three|four))\b)"
                           r"[^.;]{0,120}$")
#: "patients who might benefit from group interventions": people who could benefit, not a benefit found.
_WHO_MIGHT = quick(r"\bwho\s+(?:may|might|could|would|will)\s+(?:still\s+|also\s+)?$")
#: "a trend toward prolonged PFS": a trend is not a benefit (matched right before the benefit's words).
_TREND = quick(r"\btrends? (?:toward|towards|to|for) (?:an? )?(?:\w+ )?$")
#: "may reduce the risk of organ space SSI but only in the absence of leakage", "is effective only in those with
#: higher distress": a benefit in a subgroup only.
_ONLY_IN = quick(r"[^.;]{0,80}?(?<!\bnot )\b(?:but )?only (?:in|for|among|when)\b")


def _names_primary(sentences: list[Sentence], primary: set[str]) -> bool:
    """The conclusion's negative words are about the primary endpoint itself."""
    return any(m.canonical in primary for s in _closing(sentences) for m in find_mentions(s.text))


def _denies_primary(sentences: list[Sentence], primary: set[str], names: list[str]) -> bool:
    """A closing sentence denies a benefit and names the primary endpoint as written ("OPC was feasible ..., however did
    not show a statistically significant reduction in total inpatient stay", the primary being inpatient stay)."""
    for s in _closing(sentences):
        low = s.text.lower()
        at = _primary_position(s.text, primary, names) if names else None
        if at is not None and any(a - 80 <= at <= b + 80 for a, b in _claims(low)[0]):
            return True
    return False


_BASELINE = folded(r"\b(?:baseline|clinicopathologic\w*|demographic\w*|characteristics|balanced|well matched|"
                   r"before (?:the )?(?:intervention|treatment|randomi[sz]ation))\b"
                   # the groups' make-up listed: "The differences of gender, age, primary GI malignancies, and ... data
                   # between the two compared groups were not statistically significant" (not "standardized for age and
                   # gender", an adjusted finding)
                   r"|\b(?<!\bfor )(?<!\bby )(?:gender|sex|age)(?:,| and| or) (?:[\w-]+ ){0,2}?(?:gender|sex|age|bmi|body mass|weight|height|"
                   r"stage|diagnos\w*|comorbidit\w*|performance status|education|race|ethnicity)\b")


#: "X was significantly associated with relapse", "predictive of response": a correlation
#: of a factor with an outcome, not the comparison the trial was built for ...
_ASSOCIATION = folded(r"\b(?:associat\w*|correlat\w*|predict\w*|prognostic)\b")
#: ... unless the sentence compares ("associated with 0.8 fewer hot flashes than sham").
_COMPARING = folded(r"\b(?:than|versus|vs|compared|groups?|arms?)\b")


def _association_only(low: str) -> bool:
    """A lowercased sentence that correlates a factor with an outcome and compares no arms."""
    return _ASSOCIATION.search(low) is not None and _COMPARING.search(low) is None


#: A methods sentence about testing, not a finding: "80% power to detect a significant difference".
_PLANNED = folded(r"\b(?:power|detect\w*|sample size|assum\w*|considered|defined|alpha|significance level|hypothes\w*|designed)\b")


def _reports_a_finding(s: Sentence, low: str) -> bool:
    """A results sentence, or one that the layout put among the methods but that reports a finding in words
    ("However, there were no statistically significant differences in HRQOL between the groups")."""
    if s.section == RESULTS:
        return True
    return s.section == METHODS and _PLANNED.search(low) is None and (
        NOT_SIGNIFICANT.search(low) is not None or _significant_words(low) is not None)


#: A change within one group over time: "from the first visit", "compared with preoperative BMI", "was
#: significantly decreased at week 12", "no significant difference ... was noted in the control group" ...
_WITHIN_GROUP = folded(  # the branches opening with "\b" grouped after one, as in ``STATED_MET``
    r"\b(?:from (?:the )?(?:baseline|first|initial|pre-?\w+)\b|(?:compared (?:with|to)|relative to|versus|vs\.?) (?:the )?"
    r"(?:baseline|pre-?\w+ (?:values?|levels?|scores?|\w+))\b"
    r"|within (?:each|both|the|either) (?:groups?|arms?)\b|over time\b"
    r"|(?:increased|decreased|improved|reduced|changed) (?:at|after|by|during) (?:week|month|day|the end)\b"
    r"|(?:increased|decreased|improved|reduced|changed) (?:in|during) the post-?\w+ periods?\b"
    r"|(?:noted|observed|seen|found|detected) in the (?:control|study|intervention|treatment|placebo) (?:group|arm)\b"
    # "We observed no significant changes in the control group"
    r"|no (?:statistically )?(?:significant )?changes? (?:(?:was|were) (?:noted|observed|seen|found) )?in the "
    r"(?:control|study|intervention|treatment|placebo) (?:group|arm)\b)"
    # "In Group A (control), there was no statistically significant reduction", "In the chemoradiotherapy group there was"
    r"|^in (?:the )?(?:[\w-]+ ){0,3}?(?:group|arm)(?: [a-z0-9]{1,3})?(?: \([^()]{1,30}\))?,? there (?:was|were)\b"
)
#: ... unless the sentence compares the groups ("greater improvement from baseline than with placebo").
_BETWEEN_GROUPS = folded(
    r"\bthan (?!(?:at|before|baseline|pre)\b)|\bversus\b|\bvs\b|\bcompared (?:with|to) (?!(?:the )?(?:baseline|pre))"
    r"|\bbetween (?:the )?(?:two |three |treatment |study )?(?:groups|arms)\b|\b(?:inter|between)-?groups?\b"
)


def _within_group_only(low: str) -> bool:
    """A lowercased sentence about a change within a group over time that compares no groups."""
    return _WITHIN_GROUP.search(low) is not None and _BETWEEN_GROUPS.search(low) is None


def first_significance(sentences: list[Sentence]) -> bool | None:
    """The significance of the first results sentence that reports one (no primary endpoint
    named); a comparison of the groups at baseline, or an association, is not the trial's result. A sentence about
    harms only waits for a later one about the tumour's course (``_harms_only``)."""
    harms: bool | None = None
    for s in sentences:
        low = s.text.lower()
        if _reports_a_finding(s, low) and not _BASELINE.search(low) and not _association_only(low) \
                and not _within_group_only(low):
            found = significance(s.text)
            if found is not None and harms is None and _harms_only(s.text):
                harms = found
            elif found is not None and (harms is None or _about_the_tumour(s.text)):
                return found
    return harms


#: The canonical endpoints of harms, and of the tumour's course.
_HARM_ENDPOINTS = frozenset({"TRAE", "TRAE_GRADE3PLUS", "AE", "AE_GRADE3PLUS", "SAE", "IRAE", "DLT", "DISCONTINUATION",
                             "TREATMENT_RELATED_DEATH", "SAFETY"})
_TUMOUR_ENDPOINTS = frozenset({"ORR", "CR_RATE", "DCR", "CBR", "DOR", "PFS", "OS", "EFS", "DFS", "RFS", "TTP", "TTF", "TTNT",
                               "PCR", "MPR", "PATHOLOGICAL_RESPONSE"})


def _harms_only(text: str) -> bool:
    """A sentence whose endpoints are all harms: "Grade 3 or 4 neutropenia was more frequent in GEM-treated patients
    versus PLD-treated patients (P = .007)", printed before the response and progression comparisons of the trial."""
    found = {m.canonical for m in find_mentions(text)}
    return bool(found) and found <= _HARM_ENDPOINTS


def _about_the_tumour(text: str) -> bool:
    """A sentence that names the tumour's response, progression or survival."""
    return any(m.canonical in _TUMOUR_ENDPOINTS for m in find_mentions(text))


#: A report that analyses a trial's data for another question (a marker, a prognostic factor, a substudy):
#: "a post-hoc analysis of the New EPOC trial", "Plasma YKL-40 as a biomarker for bevacizumab efficacy",
#: "Prognostic and predictive importance of AIB1 in a randomized trial", "patients enrolled in a randomized trial of".
SECONDARY_ANALYSIS = folded(  # the branches grouped after one "\b": re then tries only those opening with the letter
    r"\b(?:post[- ]?hoc\b|(?:secondary|exploratory|subgroup|translational|biomarker|correlative|ancillary) (?:analys[ie]s|stud(?:y|ies))"
    r"|sub-?stud(?:y|ies)\b|translational (?:results?|research)\b|biomarker (?:and [\w-]+ )?evaluation\b"
    r"|as an? (?:[\w-]+ )?(?:bio)?marker\b)|^[^a-z]*(?:correlation|association) (?:of|between)\b|\b(?:prognostic\b"
    r"|predictive (?:value|markers?|factors?|biomarkers?|importance|significance|role)\b"
    r"|(?<!meta-)(?<!meta )analys[ie]s (?:of|using) (?:data from )?(?:an?|the|two) (?:[\w-]+ ){0,5}?(?:trials?|stud(?:y|ies))\b"
    r"|(?:data|samples|specimens|tissues?) (?:from|of) (?:an?|the|two) (?:[\w-]+ ){0,5}?(?:trials?|stud(?:y|ies))\b"
    r"|(?:enrolled|treated|participating|included) (?:in|on) (?:an?|the|one of two|two) (?:[\w-]+ ){0,5}?(?:trials?|stud(?:y|ies))\b)"
)


#: A report that says it reports other outcomes of a trial than the primary one: "We report the QOL results of
#: JBR.10", "We report on the design of the study and first results with regard to toxicity", "This report
#: concentrates on the results of the QoL study"; or another question asked of its data (costs, genotypes).
REPORTS_OTHER_OUTCOMES = folded(
    r"\bwe (?:here )?report (?:on )?(?:the )?(?:results (?:for|of|on) )?(?:study design|design|toxicit|safety|feasibility|"
    r"quality[- ]of[- ]life|health[- ]related|hrqo?l|qol|patient[- ]reported|compliance|morbidity|secondary|exploratory)"
    r"|\b(?:this|the (?:current|present)) (?:report|paper|article|analysis) (?:concentrates|focuses|delivers data) on\b"
    # "the QOL data from this trial", "a data set from a previous study": the trial's data analysed again
    r"|\bdata(?: set)? from (?:this|that|the same|a previous(?:ly reported)?) (?:[\w-]+ ){0,3}?(?:trial|study)\b"
    # "a cost-effectiveness study performed alongside a trial", "we estimated the cost of"
    r"|\bcost[- ]effectiveness (?:study|analysis)\b|\bestimated the costs?\b"
    # "the role of glutathione-related genotypes on overall survival"
    r"|\b(?:genotypes?|polymorphisms?) (?:on|with|and) (?:overall |progression-free )?(?:survival|outcomes?|response|toxicit)"
    # "In a secondary analysis of a randomized trial of ...", "This was a post hoc analysis of", "we performed secondary analyses"
    r"|\b(?:(?:this|the present|the current|our) (?:study |paper |report |article |analysis )?(?:was|is|presents|reports|describes) (?:an? )?"
    r"|(?:in|for) (?:an?|this) |we (?:conducted|performed|undertook|carried out|did|report) (?:an? )?)"
    r"(?:pre-?specified |pre-?planned |planned |pooled |unplanned |exploratory |retrospective )*(?:secondary|post[- ]?hoc|ancillary) analys[ie]s\b"
    # "participated in the QOL substudy" (a named substudy, not "asked to take part in a substudy"), "core biopsies from a
    # randomized neoadjuvant clinical trial"
    r"|\b(?:in|for) the (?!trial\b|study\b)[\w-]+ sub-?study\b"
    r"|\b(?:samples|specimens|(?:core )?biopsies) (?:from|of) (?:an?|two) (?:[\w-]+ ){0,5}?(?:trials?|stud(?:y|ies))\b"
    # an aim that asks which factors go with an outcome, not whether the arms differ: "to identify predictors of
    # brachytherapy-related dysuria", "examined the association between randomization to screening and thyroid cancer"
    r"|\b(?<!also )(?:to|we|study|aim was to|aimed to) (?:identify|determine|examine|examined|assess|assessed|evaluate|evaluated|"
    r"investigate|investigated|explore|explored|describe|develop)(?: and validate)? (?:the |an? )?(?:(?:independent|potential|possible) )?"
    r"(?:predictors?|risk factors|factors associated|barriers|(?:associations?|relationships?|correlations?) between|prediction models?)\b"
    # "the authors examined personal and clinical factors that may predict exercise training responses", "to identify
    # moderators of the intervention's effect" (not a question beside the trial's own: "A secondary aim was to examine
    # the factors that predict", "We examined the effect of X and investigated the factors that influence")
    r"|\b(?<!\band )(?<!\balso )(?<!secondary aim was to )(?:examined|investigated|explored|identified|identify|examine|investigate|explore) (?:the )?(?:[\w-]+ (?:and [\w-]+ )?)?"
    r"(?:factors|characteristics|variables) (?:that|which) (?:may |might |could )?(?:predict|moderate|influence)\w*"
    r"|\b(?:examined|investigated|explored|identified|identify|examine|investigate|explore|were) (?:the )?(?:potential )?"
    r"(?:moderators|mediators) of\b"
)


#: The words a match of ``REPORTS_OTHER_OUTCOMES`` holds (``patterns.needed_words``).
_OTHER_OUTCOMES_NEEDS = needed_words(REPORTS_OTHER_OUTCOMES)


def reports_other_outcomes(sentences: list[Sentence]) -> bool:
    """Whether the report says that it reports outcomes of its trial other than the primary one."""
    lows = (s.text.lower() for s in sentences if s.section != RESULTS)
    return any(REPORTS_OTHER_OUTCOMES.search(low) for low in lows if holds_each(low, _OTHER_OUTCOMES_NEEDS))


def secondary_analysis(opening: str) -> bool:
    """Whether a report's title and opening sentences say it analyses a trial for another question."""
    return SECONDARY_ANALYSIS.search(opening.lower()) is not None


#: A trial built to show non-inferiority or equivalence: "a randomized, phase III non-inferiority trial", "the
#: non-inferiority margin", "This noninferiority phase III study".
_ALIKE_DESIGN = folded(r"\b(?:non-?inferiority|equivalence) (?:phase [iv\d]+ )?(?:design|trials?|study|margin|analysis|limit|boundary)\b")
#: Its arms found alike: "achieved comparable efficacy", "Wash was noninferior to water alone", "is as effective as".
_FOUND_ALIKE = folded(r"\b(?:comparable|similar|equivalent) (?:[\w-]+ ){0,2}?(?:efficacy|effectiveness|outcomes?|results?|survival)\b"
                      r"|\bas effective as\b|\b(?:was|were|is|are) (?:non-?inferior|not inferior|equivalent) to\b"
                      # "SB4 was shown to be equivalent with ETN", "ABP 501 is similar to adalimumab in clinical efficacy"
                      r"|\b(?:was|were|is|are) (?:shown to be |found to be )?(?:equivalent|similar|comparable) (?:to|with)\b"
                      r"[^.;]{0,40}?\b(?:in|for) (?:terms of )?(?:clinical )?(?:efficacy|effectiveness|outcomes?|survival)\b"
                      r"|\b(?:was|were|is|are) shown to be (?:equivalent|non-?inferior) (?:to|with)\b")
#: One arm found worse: "radiosurgery alone was inferior to", "non-inferiority could not be shown".
_FOUND_WORSE = folded(r"\b(?<!non-)(?<!non)(?<!not )inferior to\b|\b(?:could|was|were) not (?:be )?(?:shown|demonstrated)\b")


def alike_as_designed(sentences: list[Sentence]) -> bool:
    """A non-inferiority or equivalence trial whose findings or conclusion find the arms alike: its primary
    comparison is met ("This non-inferiority phase III study showed similar efficacy end points for vinflunine and
    docetaxel"), unless a finding says one arm is worse."""
    text = " ".join(s.text for s in sentences).lower()
    if ("inferior" not in text and "equivalen" not in text) or not _ALIKE_DESIGN.search(text):
        return False
    findings = " ".join(s.text for s in sentences if s.section in (RESULTS, CONCLUSION, "body")).lower()
    return _FOUND_ALIKE.search(findings) is not None and _FOUND_WORSE.search(findings) is None


def verdict(sentences: list[Sentence], primary: set[str], names: list[str], *, comparative: bool,
            secondary: Callable[[], bool] = lambda: False) -> bool | None:
    """Whether the primary endpoint was met, as the document reports it; None when it does not say.

    Order: the text's own words; a conclusion that the treatment brings no benefit (a
    significant difference in the wrong direction is not "met"); the significance of the
    primary endpoint's comparison; then, for comparative trials, the conclusion and the
    first significance the results report (none when no primary endpoint is named and the
    conclusion is split on efficacy, or for a secondary analysis).

    Args:
        sentences: The trial's own sentences, in order, with their sections.
        primary: Canonical names of the primary endpoint(s).
        names: The primary endpoint(s) as written ("time to progression").
        comparative: True for a trial that compares arms (a single-arm trial's verdict needs
            its threshold, or a comparison its primary endpoint names).
        secondary: Says whether the document is a secondary analysis of a trial (``secondary_analysis``),
            called only when the answer matters: its first significant finding answers its own question,
            not the trial's. A report that says it reports other outcomes (``reports_other_outcomes``) is one too.
    """
    found = stated(sentences)
    if found is not None:
        return found
    if alike_as_designed(sentences):
        return True
    comparative = comparative or concludes_a_comparison(sentences)
    other_outcomes = reports_other_outcomes(sentences)
    # A report of other outcomes (quality of life, toxicity) concludes about them, unless it names the primary endpoint.
    about_primary = not (other_outcomes and names and not _names_primary(sentences, primary))
    closing = conclusion(sentences) if comparative and about_primary else None
    found = primary_comparison(sentences, primary, names)
    if closing is False and (found is None or _names_primary(sentences, primary) or _denies_primary(sentences, primary, names)):
        return False  # "does not increase overall survival" after a significant difference the wrong way
    if found is not None or not comparative:
        return found
    if closing is not None or other_outcomes or secondary() or (not names and mixed_conclusion(sentences)):
        return closing  # with no primary endpoint named, a split conclusion names none either
    return first_significance(sentences)
