"""The ``>>>`` examples of README.md and docs/*.md run and print what they show."""

from __future__ import annotations

import doctest
import re

import pytest

from tests.conftest import ROOT

_FENCE = re.compile(r"^```[^\n]*\n(.*?)^```", re.M | re.S)
PAGES = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]


def examples(page) -> list[str]:
    """Each fenced block of ``page`` that holds a ``>>>`` example, as doctest text."""
    return [block for block in _FENCE.findall(page.read_text(encoding="utf-8")) if ">>> " in block]


def test_the_pages_hold_examples():
    assert examples(ROOT / "README.md") and examples(ROOT / "docs" / "rules-notes.md")


@pytest.mark.parametrize("page", [p for p in PAGES if examples(p)], ids=lambda p: p.name)
def test_examples_print_what_the_page_shows(page):
    parser = doctest.DocTestParser()
    runner = doctest.DocTestRunner(optionflags=doctest.NORMALIZE_WHITESPACE | doctest.ELLIPSIS)
    names: dict[str, object] = {}  # a page's blocks run in order, each seeing what the ones before defined
    for number, block in enumerate(examples(page)):
        test = parser.get_doctest(block, names, f"{page.name} block {number}", str(page), 0)
        runner.run(test, clear_globs=False)
        names = test.globs
    failed, tried = runner.summarize(verbose=False)
    assert tried and not failed, f"{failed} of {tried} examples in {page.name} print something else (see above)"
