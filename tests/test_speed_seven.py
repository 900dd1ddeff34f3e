"""The fifth session's speed pass (h-speed7): each shortcut gives the answer of the plain way."""

from __future__ import annotations

import re

import pytest

from extractor.backends.rules import arms
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
