"""The fifth session's speed pass (h-speed7): each shortcut gives the answer of the plain way."""

from __future__ import annotations

import re
from re import _constants as _C  # type: ignore[attr-defined]
from re import _parser  # type: ignore[attr-defined]
from types import ModuleType
from typing import Any

import pytest

from extractor import structure
from extractor.backends.rules import arms, backend, design, lexicon, nondrug, text, verdict, vocabulary
from extractor.patterns import quick

#: Texts where an arm's label may or may not say what the group got.
GROUP_TEXTS = [
    ("intervention", "The intervention group that participated in a resistance exercise program improved.", True),
    ("intervention", "The intervention was a multimedia, multimodal exercise program.", True),
    ("intervention", "The intervention group improved more than the control group.", False),
    ("A", "Patients in the A group received standard care; the B group was observed.", True),
    ("group A", "Patients in group A received standard care; group B was observed.", False),
    ("group A", "Patients in group A were compared with those in group B.", False),
    ("supervised", "The SUPERVISED GROUP USED the app daily.", True),
    ("supervised", "A supervised\u00a0group used the app (n = 20).", True),
    ("kinesio", "The \u212ainesio group received taping.", True),  # the kelvin sign: re matches it to "k"
    ("\u03b1 arm", "The \u0391 arm received nothing.", True),  # a label beyond ASCII: the pattern decides
]


@pytest.mark.parametrize(("label", "text", "may"), GROUP_TEXTS)
def test_may_say_what_it_got(label: str, text: str, may: bool) -> None:
    """ "intervention group that participated in", "intervention was": the label followed by one of its verbs. The
    test never says no where the label's own pattern matches."""
    matches = quick(arms._GROUP_GOT.format(label=re.escape(label)), re.IGNORECASE).search(text) is not None
    assert arms._may_say_what_it_got(label, text) is may
    assert may or not matches


def test_folds_to_ascii_is_complete() -> None:
    """Every letter beyond ASCII that re matches case-insensitively to an ASCII letter is listed."""
    folds = re.compile("[a-z]", re.IGNORECASE)
    assert {chr(c) for c in range(128, 0x110000) if folds.match(chr(c))} == set(arms._FOLDS_TO_ASCII)


def _look_then_boundary(items: list[Any]) -> bool:
    """Whether a branch opens with a look-behind or look-ahead and then ``\\b``."""
    ops = [op for op, _ in items]
    looks = 0
    while looks < len(ops) and ops[looks] in (_C.ASSERT, _C.ASSERT_NOT):
        looks += 1
    return 0 < looks < len(ops) and items[looks] == (_C.AT, _C.AT_BOUNDARY)


def _mixed_branches(items: list[Any]) -> bool:
    """Whether an alternation, anywhere in a parse tree, has branches opening with ``\\b`` and others with a look-behind
    before it. re's parser pulls a ``\\b`` that opens every branch in front of them, and then skips at once each branch
    whose first letter is not the text's; one branch opening "(?<!also )\\b" stops that for all (the conclusion's benefit
    words were searched seven times slower). Write "\\b(?<!also )" instead: the same matches."""
    for op, av in items:
        if op is _C.BRANCH:
            branches = [list(b) for b in av[1]]
            if any(b[:1] == [(_C.AT, _C.AT_BOUNDARY)] for b in branches) and any(map(_look_then_boundary, branches)):
                return True
            if any(map(_mixed_branches, branches)):
                return True
        elif op is _C.SUBPATTERN and _mixed_branches(list(av[3])):
            return True
    return False


@pytest.mark.parametrize("module", [arms, backend, design, lexicon, nondrug, text, verdict, vocabulary, structure])
def test_no_branch_hides_its_boundary(module: ModuleType) -> None:
    """No module-level pattern has a branch that opens with a look-behind before ``\\b`` beside branches that open
    with ``\\b`` (``_mixed_branches``)."""
    found = [name for name, value in vars(module).items()
             if isinstance(value, re.Pattern) and _mixed_branches(list(_parser.parse(value.pattern, value.flags)))]
    assert found == []
