"""The offline rule-based backend (the default)."""

from extractor.backends.rules import arms, backend, design, lexicon, results, text, verdict, vocabulary
from extractor.backends.rules.backend import RulesBackend
from extractor.patterns import prefilter_module

# Every pattern of the rules first tests for the literals its matches need (extractor.patterns.prefiltered):
# most patterns cannot match most sentences, and a substring test says so far faster than re.
for _module in (arms, backend, design, lexicon, results, text, verdict, vocabulary):
    prefilter_module(_module)

__all__ = ["RulesBackend"]
