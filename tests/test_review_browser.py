"""The review app in a real browser: Debian's chromium, headless, driven through the DevTools protocol.

A person's path from a run to a gold file: choose a document (keyboard, then mouse), click a
highlight, edit values (seeing a problem appear beside the field and go), add a result from a
text selection, save (and confirm the overwrite), then ``trialx eval`` reads the file.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from extractor.evaluation.gold import gold_schema
from extractor.review import Review, ReviewServer
from extractor.testing.cdp import Browser, Page
from tests.conftest import run_cli
from tests.test_review import record, write_jsonl

TEXT = ("EDGE-1 (NCT01234567) was a randomised, open-label phase II trial in France and Spain. "
        "Arm A received drug X 10 mg every 3 weeks. "
        "The objective response rate was 56.5% (95% CI 41.1–71.1) in arm A. "
        "Median progression-free survival was 7.2 months in arm A. "
        "Grade 3 neutropenia occurred in 12% of patients. Tags such as <img src=x onerror=alert(1)> are text.")
ORR = "The objective response rate was 56.5% (95% CI 41.1–71.1) in arm A."
PFS = "Median progression-free survival was 7.2 months in arm A."
QUOTE = "Grade 3 neutropenia occurred in 12% of patients"


def _record(doc_id: str, source: str, pfs_value: float = 7.2) -> dict[str, Any]:
    """A record with one of every list (arm, intervention, endpoint, result): every field has a place in the form."""
    results = [{"endpoint": "ORR", "measure": "proportion", "value": 56.5, "unit": "percent", "ci_low": 41.1,
                "ci_high": 71.1, "ci_level": 95, "arm": "A", "evidence": ORR, "evidence_start": TEXT.index(ORR)},
               {"endpoint": "PFS", "measure": "median", "value": pfs_value, "unit": "months", "arm": "A",
                "evidence": PFS, "evidence_start": TEXT.index(PFS)}]
    return record(doc_id, source, results=results, acronym="EDGE-1", countries=["France", "Spain"],
                  conditions=["cancer"], masking="open_label", allocation="randomized",
                  arms=[{"label": "A", "n": 20, "interventions": [
                      {"name": "drug X", "type": "drug", "dose": "10 mg", "schedule": "every 3 weeks"}]}],
                  endpoints=[{"name": "objective response rate", "canonical": "ORR", "role": "primary"}])


def _schema_paths() -> set[str]:
    """Every field of the gold format a person edits, as form paths (``trials.*.arms.*.label``)."""
    schema = gold_schema()

    def resolve(node: dict[str, Any]) -> dict[str, Any]:
        if "$ref" in node:
            node = schema["$defs"][node["$ref"].rsplit("/", 1)[1]]
        branches = [b for b in node.get("anyOf", []) if b.get("type") != "null"]
        return resolve(branches[0]) if branches else node

    def walk(node: dict[str, Any], prefix: str) -> Iterator[str]:
        node = resolve(node)
        if node.get("type") == "array":
            yield from walk(node["items"], f"{prefix}.*")
        for name, prop in node.get("properties", {}).items():
            yield f"{prefix}.{name}".lstrip(".")
            yield from walk(prop, f"{prefix}.{name}".lstrip("."))

    # doc_id, source, title and text are the document's own: the app writes them, nobody edits them.
    return {p for p in walk(schema, "") if p.split(".")[0] in {"is_trial_report", "trials"}}


@pytest.fixture
def app(tmp_path: Path) -> Iterator[dict[str, Any]]:
    inputs = write_jsonl(tmp_path / "in.jsonl", [{"id": "doc-1", "abstract": TEXT}, {"id": "doc-2", "abstract": TEXT}])
    run = write_jsonl(tmp_path / "run.jsonl", [_record("doc-1", f"{inputs}:1"), _record("doc-2", f"{inputs}:2")])
    other = write_jsonl(tmp_path / "other.jsonl", [_record("doc-1", f"{inputs}:1", pfs_value=7.9),
                                                   _record("doc-2", f"{inputs}:2")])
    gold = tmp_path / "gold"
    server = ReviewServer(Review(run, compare=other, gold_dir=gold))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield {"url": server.url, "run": run, "gold": gold}
    server.shutdown()
    server.server_close()


def _point(page: Page, offset: int, edge: str) -> tuple[float, float]:
    """Viewport position of the left (or right) edge of the character at ``offset`` of the document text."""
    return tuple(page.eval(f"""(() => {{
        const walker = document.createTreeWalker(document.getElementById("text"), NodeFilter.SHOW_TEXT);
        let left = {offset};
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {{
          if (left < node.length) {{
            const range = document.createRange(); range.setStart(node, left); range.setEnd(node, left + 1);
            const r = range.getClientRects()[0];
            return [{'r.left + 1' if edge == 'left' else 'r.right - 1'}, r.top + r.height / 2];
          }}
          left -= node.length;
        }} }})()"""))


def _fill(page: Page, selector: str, text: str) -> None:
    """Click a text box, select what it holds and type over it."""
    page.click(selector)
    page.eval(f"document.querySelector({json.dumps(selector)}).select()")
    page.type(text)


def test_review_a_document_and_save_it_as_gold_in_chromium(app, chromium, tmp_path):
    with Browser(chromium, tmp_path / "profile") as browser:
        page = browser.open(app["url"])
        page.wait("document.body.dataset.ready === 'true'", what="the app to start")
        assert page.eval("document.querySelectorAll('#documents li').length") == 2

        # The keyboard: j moves down the list, Enter opens; / searches.
        page.press("j", 74)
        page.press("Enter", 13)
        page.wait("document.getElementById('doc-title').textContent === 'doc-2'", what="doc-2 to open")
        page.press("/", 191)
        page.type("doc-1")
        page.wait("document.querySelectorAll('#documents li').length === 1", what="the search to filter")
        page.click('#documents li[data-doc-id="doc-1"]')
        page.wait("document.getElementById('doc-title').textContent === 'doc-1'", what="doc-1 to open")

        # Every field of the contract is in the form.
        found = set(page.eval("[...document.querySelectorAll('#record [data-path]')].map(e => e.dataset.path)"))
        normalised = {".".join("*" if part.isdigit() else part for part in path.split(".")) for path in found}
        assert _schema_paths() - normalised == set()

        # Text is text: the document's markup-looking words make no element.
        assert page.eval("document.querySelectorAll('#text img').length") == 0
        assert "<img src=x onerror=alert(1)>" in page.eval("document.getElementById('text').textContent")

        # A highlight selects its result, and a result its highlight.
        page.click('#text mark[data-results~="0.1"]')
        page.wait("document.querySelector('fieldset.result.selected')?.dataset.result === '0.1'",
                  what="the PFS result to be selected")
        page.click('fieldset.result[data-result="0.0"] > legend')
        page.wait("document.querySelector('#text mark.selected')?.dataset.results === '0.0'",
                  what="the ORR highlight to be selected")

        # An edit is checked as it is made: the problem shows beside the field, and goes when fixed.
        value = '[data-path="trials.0.results.1.value"] input'
        _fill(page, value, "7.5")
        page.wait("document.querySelector('[data-path=\"trials.0.results.1.evidence\"] .problem')?.textContent"
                  " === 'evidence does not contain the value'", what="the grounding problem")
        assert "problem" in page.eval("document.getElementById('summary').textContent")
        _fill(page, value, "7.2")
        page.wait("!document.querySelector('#record .problem')", what="the problem to go")
        _fill(page, '[data-path="trials.0.results.0.name"] input', "confirmed ORR")

        # A new result from a text selection.
        start = TEXT.index(QUOTE)
        page.drag(_point(page, start, "left"), _point(page, start + len(QUOTE) - 1, "right"))
        assert page.eval("window.getSelection().toString()") == QUOTE
        page.wait("!document.getElementById('new-result').disabled", what="the new-result button")
        page.click("#new-result")
        page.wait("document.querySelector('fieldset.result.selected')?.dataset.result === '0.2'",
                  what="the new result")
        assert page.eval("document.querySelector('[data-path=\"trials.0.results.2.evidence\"] textarea').value") == QUOTE
        page.wait("document.querySelectorAll('#text mark').length === 3", what="its highlight")
        page.wait("document.getElementById('summary').textContent.startsWith('No problems')", what="a clean check")

        # Compare: the two runs' PFS values differ.
        page.click("#tab-compare")
        assert page.eval("document.querySelectorAll('#compare tr.differs').length") >= 1
        page.click("#tab-record")

        # Save, then save again: the overwrite is confirmed first.
        page.click("#save")
        page.wait("document.getElementById('status').textContent.startsWith('saved')", what="the save")
        path = app["gold"] / "doc-1.json"
        saved = json.loads(path.read_text(encoding="utf-8"))
        results = saved["trials"][0]["results"]
        assert results[0]["name"] == "confirmed ORR" and results[1]["value"] == 7.2
        added = {key: results[2][key] for key in ("endpoint", "measure", "value", "unit", "evidence", "evidence_start")}
        assert added == {"endpoint": "OTHER", "measure": "proportion", "value": 12, "unit": "percent",
                         "evidence": QUOTE, "evidence_start": start}
        assert saved["text"] == TEXT and saved["trials"][0]["results_exhaustive"] is True
        assert page.eval("document.querySelector('#documents li .badge.gold') !== null")
        assert browser.dialogs == []
        page.click("#save")
        page.wait(lambda: browser.dialogs, what="the overwrite question")
        assert browser.dialogs == [f"{path} exists. Overwrite it?"]
        page.wait("document.getElementById('status').textContent.startsWith('saved')", what="the second save")
        page.screenshot(tmp_path / "review.png")
    assert (tmp_path / "review.png").stat().st_size > 10_000

    # trialx eval reads the file as written: the run's results match all but the added one.
    report = tmp_path / "report.json"
    proc = run_cli("eval", "--gold", str(app["gold"]), "--predictions", str(app["run"]), "--json", str(report))
    assert proc.returncode == 0, proc.stderr.decode()
    fields = json.loads(report.read_text())["fields"]
    assert (fields["results"]["tp"], fields["results"]["fn"]) == (2, 1)
