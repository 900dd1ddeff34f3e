"""PubMed text prints many hyphens as U+2010 ("double‐blinded", "nab‐paclitaxel"): the rule backend reads them as "-"
(one character for one, so offsets stay) and quotes evidence, title and conclusion as the document prints them."""

from extractor.backends.rules.backend import RulesBackend, _in_plain_characters
from extractor.documents import Document

H = "\u2010"
TEXT = (f"A randomized, double{H}blinded, phase II trial of gemcitabine plus apatorsen or placebo\n\n"
        f"METHODS: One hundred thirty{H}two patients were randomized to gemcitabine plus apatorsen or gemcitabine plus "
        f"placebo. RESULTS: Median progression{H}free survival was 2.7 months with apatorsen and 3.8 months with placebo. "
        f"CONCLUSIONS: Apatorsen did not improve progression{H}free survival.")


def _trial(text: str = TEXT, title: str | None = None):
    result = RulesBackend().extract(Document(doc_id="d", text=text, title=title))
    assert result.trials
    return result.trials[0]


def test_masking_and_counts_read_through_the_hyphen():
    trial = _trial()
    assert trial.masking == "double_blind"
    assert trial.enrollment.enrolled == 132


def test_evidence_is_quoted_as_printed():
    trial = _trial()
    assert {r.value for r in trial.results} >= {2.7, 3.8}
    for r in trial.results:
        assert H in r.evidence and r.evidence in TEXT
        assert TEXT[r.evidence_start: r.evidence_start + len(r.evidence)] == r.evidence


def test_title_and_conclusion_are_quoted_as_printed():
    trial = _trial()
    assert trial.title == TEXT.split("\n", 1)[0]
    assert trial.conclusion == f"Apatorsen did not improve progression{H}free survival."
    title = f"A double{H}blind trial"
    assert _trial(TEXT.split("\n\n", 1)[1], title=title).title == title


def test_a_text_without_such_hyphens_is_read_as_given():
    document = Document(doc_id="d", text="A double-blind trial.", title="T")
    assert _in_plain_characters(document) is document
    assert _in_plain_characters(Document(doc_id="d", text="x", title=f"a{H}b")).title == "a-b"


def test_no_break_and_thin_spaces_read_as_spaces():
    text = ("Gemcitabine plus apatorsen versus gemcitabine plus placebo: a randomised trial\n\n"
            "METHODS: Patients were randomly assigned to OSC\u00a0+\u00a0WBRT or OSC alone. RESULTS: Median survival was: "
            "OSC\u00a0+\u00a0WBRT 49 days (95%\u2009CI 39-61), OSC 51 days (95%\u2009CI 27-57).")
    trial = _trial(text)
    found = {(r.value, r.arm, r.ci_low) for r in trial.results if r.measure == "median"}
    assert found == {(49.0, "OSC + WBRT", 39.0), (51.0, "OSC alone", 27.0)}
    assert all(r.evidence in text for r in trial.results)
