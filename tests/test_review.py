"""``trialx review``: the API of the review app, its token and sender checks, gold files it writes."""

from __future__ import annotations

import http.client
import json
import logging
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from extractor.evaluation.gold import GoldFile
from extractor.models import CanonicalEndpoint, DocumentResult
from extractor.review import Review, ReviewServer
from extractor.review.diff import side_by_side
from extractor.review.store import ENDPOINT_KINDS, DocIdRefused, gold_path
from tests.conftest import ROOT, run_cli

TEXT = ("In this single-arm phase II trial (NCT01234567), 46 patients were enrolled. "
        "The objective response rate was 56.5% (95% CI 41.1–71.1). Grade 3 neutropenia occurred in 12%.")
ORR = {"endpoint": "ORR", "measure": "proportion", "value": 56.5, "unit": "percent", "ci_low": 41.1,
       "ci_high": 71.1, "ci_level": 95.0, "evidence": "The objective response rate was 56.5% (95% CI 41.1–71.1).",
       "evidence_start": TEXT.index("The objective")}


def record(doc_id: str, source: str, results: list[dict[str, Any]] | None = None, **trial: Any) -> dict[str, Any]:
    """One output line as trialx extract writes it (validated by the model)."""
    line = {"doc_id": doc_id, "is_trial_report": True, "source": source, "backend": "rules",
            "trials": [{"role": "reported", "registry_ids": ["NCT01234567"], "phases": ["PHASE2"],
                        "allocation": "single_arm", "results": [ORR] if results is None else results, **trial}]}
    return DocumentResult.model_validate(line).model_dump(mode="json")


def write_jsonl(path: Path, lines: list[Any]) -> Path:
    path.write_text("".join((line if isinstance(line, str) else json.dumps(line)) + "\n" for line in lines))
    return path


@pytest.fixture
def batch(tmp_path: Path) -> dict[str, Path]:
    """Inputs (two documents), a run over them, a second run that differs on doc-2, an empty gold directory."""
    inputs = write_jsonl(tmp_path / "in.jsonl", [{"id": "doc-1", "abstract": TEXT},
                                                 {"id": "doc-2", "title": "Second", "abstract": TEXT}])
    run = write_jsonl(tmp_path / "run.jsonl", [record("doc-1", f"{inputs}:1"), record("doc-2", f"{inputs}:2")])
    other = write_jsonl(tmp_path / "other.jsonl", [
        record("doc-1", f"{inputs}:1"), record("doc-2", f"{inputs}:2", results=[{**ORR, "value": 41.1}])])
    gold = tmp_path / "gold"
    gold.mkdir()
    return {"inputs": inputs, "run": run, "other": other, "gold": gold}


class Client:
    """Requests to a running ReviewServer, with the headers a browser on the app's page sends."""

    def __init__(self, server: ReviewServer):
        self.server = server
        self.base = f"/t/{server.token}/"

    def request(self, method: str, path: str, body: Any = None, headers: dict[str, str] | None = None,
                raw: bytes | None = None) -> tuple[int, Any]:
        connection = http.client.HTTPConnection("127.0.0.1", self.server.port, timeout=30)
        sent = {"Host": f"127.0.0.1:{self.server.port}", **(headers or {})}
        data = raw if raw is not None else None if body is None else json.dumps(body).encode()
        if data is not None:
            sent.setdefault("Content-Type", "application/json")
        connection.request(method, path, body=data, headers=sent)
        response = connection.getresponse()
        payload = response.read()
        connection.close()
        kind = response.getheader("Content-Type", "")
        return response.status, json.loads(payload) if kind.startswith("application/json") else payload

    def get(self, route: str, **headers: str) -> tuple[int, Any]:
        return self.request("GET", self.base + route, headers=headers)

    def post(self, route: str, body: Any, **headers: str) -> tuple[int, Any]:
        return self.request("POST", self.base + route, body, headers=headers)


@pytest.fixture
def serve() -> Iterator[Any]:
    servers: list[ReviewServer] = []

    def start(review: Review) -> Client:
        server = ReviewServer(review)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        servers.append(server)
        return Client(server)

    yield start
    for server in servers:
        server.shutdown()
        server.server_close()


def labelled(client: Client, doc_id: str) -> dict[str, Any]:
    status, doc = client.get(f"api/document?doc_id={doc_id}")
    assert status == 200, doc
    return doc["start"]


# ---------------------------------------------------------------------------- reading


def test_documents_list_counts_gold_text_and_whether_the_runs_differ(batch, serve):
    (batch["gold"] / "doc-1.json").write_text(json.dumps(
        {"doc_id": "doc-1", "source": "s", "text": TEXT, "is_trial_report": True, "trials": []}))
    client = serve(Review(batch["run"], compare=batch["other"], gold_dir=batch["gold"]))
    status, rows = client.get("api/documents")
    assert status == 200
    by_id = {row["doc_id"]: row for row in rows}
    assert [row["doc_id"] for row in rows] == ["doc-1", "doc-2"]
    assert by_id["doc-1"] | {"title": None} == {"doc_id": "doc-1", "title": None, "trials": 1, "results": 1,
                                                "warnings": 0, "gold": True, "text": True, "in_run": True,
                                                "differs": False}
    assert by_id["doc-2"]["differs"] is True and by_id["doc-2"]["gold"] is False
    assert by_id["doc-2"]["title"] == "Second"  # the input's title


def test_document_view_starts_from_the_run_and_highlights_evidence_by_endpoint_kind(batch, serve):
    client = serve(Review(batch["run"], gold_dir=batch["gold"]))
    status, doc = client.get("api/document?doc_id=doc-1")
    assert status == 200
    assert doc["text"] == TEXT and doc["start_from"] == "run" and doc["problems"] == []
    assert doc["start"]["trials"][0]["results_exhaustive"] is True
    assert doc["spans"] == [{"trial": 0, "result": 0, "start": ORR["evidence_start"],
                             "end": ORR["evidence_start"] + len(ORR["evidence"]), "kind": "response"}]
    assert client.get("api/document?doc_id=nope")[0] == 404
    assert client.get("api/document")[0] == 400


def test_an_existing_gold_file_is_the_starting_point(batch, serve):
    gold = {"doc_id": "doc-1", "source": "by hand", "text": TEXT, "is_trial_report": True,
            "trials": [{"role": "reported", "acronym": None, "results": [ORR]}]}
    (batch["gold"] / "doc-1.json").write_text(json.dumps(gold))
    client = serve(Review(batch["run"], gold_dir=batch["gold"]))
    doc = client.get("api/document?doc_id=doc-1")[1]
    assert doc["start_from"] == "gold" and doc["gold"] == gold
    assert doc["start"]["trials"] == gold["trials"]  # keys it does not label stay absent
    assert doc["source"] == "by hand"


def test_a_gold_file_is_found_by_the_doc_id_it_holds_and_saved_in_place(batch, serve):
    """evals/gold names nature-medicine-listing.txt#3 'nature-medicine-listing.txt-3.json': eval matches by doc_id."""
    named = batch["gold"] / "doc-one.json"
    named.write_text(json.dumps({"doc_id": "doc-1", "source": "by hand", "text": TEXT, "is_trial_report": True,
                                 "trials": [{"role": "reported", "results": [ORR]}]}))
    (batch["gold"] / "notes.json").write_text("[1, 2]")  # not a gold file: passed over
    client = serve(Review(batch["run"], gold_dir=batch["gold"]))
    assert [row["gold"] for row in client.get("api/documents")[1]] == [True, False]
    doc = client.get("api/document?doc_id=doc-1")[1]
    assert doc["start_from"] == "gold" and doc["gold_path"] == str(named)
    doc["start"]["trials"][0]["acronym"] = "ONE"
    assert client.post("api/save", {"doc_id": "doc-1", "record": doc["start"]})[0] == 409
    assert client.post("api/save", {"doc_id": "doc-1", "record": doc["start"], "overwrite": True})[0] == 200
    assert sorted(p.name for p in batch["gold"].iterdir()) == ["doc-one.json", "notes.json"]
    assert json.loads(named.read_text())["trials"][0]["acronym"] == "ONE"


def test_texts_come_from_sources_relative_to_the_run_or_from_input(tmp_path):
    """A source names the input as trialx extract was given it: tried from here, then beside the run."""
    inputs = write_jsonl(tmp_path / "in.jsonl", [{"id": "doc-1", "abstract": TEXT}])
    run = write_jsonl(tmp_path / "run.jsonl", [record("doc-1", "in.jsonl:1"), record("gone", "elsewhere.txt")])
    review = Review(run, gold_dir=tmp_path / "gold")
    assert review.texts["doc-1"].text == TEXT and "gone" not in review.texts
    moved = tmp_path / "moved.jsonl"
    inputs.rename(moved)
    assert "doc-1" not in Review(run, gold_dir=tmp_path / "gold").texts
    assert Review(run, gold_dir=tmp_path / "gold", inputs=[str(moved)]).texts["doc-1"].text == TEXT


def test_meta_names_the_runs_and_sends_the_gold_schema_and_kinds(batch, serve):
    from extractor.evaluation.gold import gold_schema

    client = serve(Review(batch["run"], compare=batch["other"], gold_dir=batch["gold"]))
    status, meta = client.get("api/meta")
    assert status == 200
    assert meta == {"run": str(batch["run"]), "compare": str(batch["other"]), "gold_dir": str(batch["gold"]),
                    "warnings": [], "schema": gold_schema(), "kinds": ENDPOINT_KINDS}


def test_a_bad_line_of_the_run_is_a_warning_naming_it(batch):
    run = write_jsonl(batch["run"], [record("doc-1", f"{batch['inputs']}:1"), '{"doc_id": "torn"', {"doc_id": 3}])
    review = Review(run, gold_dir=batch["gold"])
    assert review.doc_ids() == ["doc-1"]
    assert [w.split(": ")[0] for w in review.warnings] == [f"{run}:2", f"{run}:3"]


def test_a_document_without_text_is_shown_but_cannot_be_saved(tmp_path, serve):
    run = write_jsonl(tmp_path / "run.jsonl", [record("doc-1", "nowhere.jsonl:1")])
    client = serve(Review(run, gold_dir=tmp_path / "gold"))
    assert client.get("api/documents")[1][0]["text"] is False
    doc = client.get("api/document?doc_id=doc-1")[1]
    assert doc["text"] is None and doc["problems"][0]["path"] == ["text"]
    status, answer = client.post("api/save", {"doc_id": "doc-1", "record": doc["start"]})
    assert status == 422 and answer["problems"][0]["path"] == ["text"]
    assert not (tmp_path / "gold" / "doc-1.json").exists()


# ---------------------------------------------------------------------------- checking


def test_check_puts_each_problem_at_its_field(batch, serve):
    client = serve(Review(batch["run"], gold_dir=batch["gold"]))
    start = labelled(client, "doc-1")
    start["trials"][0]["results"][0]["value"] = 57.5  # not in the evidence: a grounding problem
    start["trials"][0]["results"][0]["ci_level"] = "ninety"  # not a number: a schema problem
    status, found = client.post("api/check", {"doc_id": "doc-1", "record": start})
    assert status == 200
    assert found["problems"] == [{"path": ["trials", 0, "results", 0, "ci_level"],
                                  "message": "'ninety' is not of type 'number'"}]
    start["trials"][0]["results"][0]["ci_level"] = 95
    found = client.post("api/check", {"doc_id": "doc-1", "record": start})[1]
    assert found["problems"] == [{"path": ["trials", 0, "results", 0, "evidence"],
                                  "message": "evidence does not contain the value"}]
    start["trials"][0]["results"][0]["evidence"] = "not in the text"
    found = client.post("api/check", {"doc_id": "doc-1", "record": start})[1]
    assert found["problems"][0]["message"] == "evidence is not a verbatim quote of the text"
    assert found["spans"] == []  # no highlight for a quote the text does not hold


def test_check_accepts_a_result_added_from_a_selection(batch, serve):
    client = serve(Review(batch["run"], gold_dir=batch["gold"]))
    start = labelled(client, "doc-1")
    quote = "Grade 3 neutropenia occurred in 12%"
    start["trials"][0]["results"].append({"endpoint": "AE_GRADE3PLUS", "measure": "proportion", "value": 12,
                                          "unit": "percent", "evidence": quote, "evidence_start": TEXT.index(quote)})
    found = client.post("api/check", {"doc_id": "doc-1", "record": start})[1]
    assert found["problems"] == []
    assert found["spans"][1] == {"trial": 0, "result": 1, "start": TEXT.index(quote),
                                 "end": TEXT.index(quote) + len(quote), "kind": "safety"}


def test_every_canonical_endpoint_has_a_highlight_kind():
    assert set(ENDPOINT_KINDS) == {e.value for e in CanonicalEndpoint}
    assert set(ENDPOINT_KINDS.values()) == {"response", "time_to_event", "safety", "other"}


# ---------------------------------------------------------------------------- saving


def test_save_writes_a_valid_gold_file_and_asks_before_overwriting(batch, serve):
    client = serve(Review(batch["run"], gold_dir=batch["gold"] / "new"))  # created on the first save
    start = labelled(client, "doc-2")
    start["trials"][0]["results_exhaustive"] = False
    start["trials"][0]["results"][0]["evidence_start"] = 3  # stale: the file gets where the quote stands
    status, answer = client.post("api/save", {"doc_id": "doc-2", "record": start})
    assert status == 200, answer
    path = batch["gold"] / "new" / "doc-2.json"
    assert answer == {"saved": str(path)}
    written = json.loads(path.read_text(encoding="utf-8"))
    assert written["doc_id"] == "doc-2" and written["title"] == "Second" and written["text"] == TEXT
    assert written["source"] == f"{batch['inputs']}:2"
    assert written["trials"][0]["results_exhaustive"] is False
    assert written["trials"][0]["results"][0]["evidence_start"] == ORR["evidence_start"]
    GoldFile.model_validate(written)
    assert [p.name for p in path.parent.iterdir()] == ["doc-2.json"]  # no temporary file left

    start["trials"][0]["acronym"] = "EDGE"
    status, answer = client.post("api/save", {"doc_id": "doc-2", "record": start})
    assert status == 409 and answer["exists"] is True
    assert json.loads(path.read_text())["trials"][0]["acronym"] is None  # kept as it was
    status, _ = client.post("api/save", {"doc_id": "doc-2", "record": start, "overwrite": True})
    assert status == 200 and json.loads(path.read_text())["trials"][0]["acronym"] == "EDGE"


def test_a_record_with_problems_is_not_saved(batch, serve):
    client = serve(Review(batch["run"], gold_dir=batch["gold"]))
    start = labelled(client, "doc-1")
    start["trials"][0]["results"][0]["unit"] = "months"
    status, answer = client.post("api/save", {"doc_id": "doc-1", "record": start})
    assert status == 422
    assert answer["problems"] == [{"path": ["trials", 0, "results", 0, "unit"],
                                   "message": "unit months does not fit measure proportion"}]
    assert list(batch["gold"].iterdir()) == []


def test_a_saved_gold_file_is_read_by_trialx_eval_unchanged(batch, serve):
    client = serve(Review(batch["run"], gold_dir=batch["gold"]))
    for doc_id in ("doc-1", "doc-2"):
        assert client.post("api/save", {"doc_id": doc_id, "record": labelled(client, doc_id)})[0] == 200
    before = {p.name: p.read_bytes() for p in batch["gold"].iterdir()}
    report = batch["gold"].parent / "report.json"
    proc = run_cli("eval", "--gold", str(batch["gold"]), "--predictions", str(batch["run"]), "--json", str(report))
    assert proc.returncode == 0, proc.stderr.decode()
    fields = json.loads(report.read_text())["fields"]
    assert fields["results"]["tp"] == 2 and fields["results"]["fp"] == fields["results"]["fn"] == 0
    assert fields["registry_ids"]["f1"] == 1.0
    assert run_cli("gold-check", str(batch["gold"])).returncode == 0
    assert {p.name: p.read_bytes() for p in batch["gold"].iterdir()} == before


# ---------------------------------------------------------------------------- doc_id and paths


@pytest.mark.parametrize("doc_id", ["../escape", "a/b", "..", ".hidden", "a\\b", "x\x00y", ""])
def test_a_doc_id_never_names_a_path_outside_the_gold_directory(tmp_path, doc_id):
    with pytest.raises(DocIdRefused):
        gold_path(tmp_path, doc_id)


def test_saving_an_escaping_doc_id_is_refused_and_writes_nothing(tmp_path, serve):
    inputs = write_jsonl(tmp_path / "in.jsonl", [{"id": "../escape", "abstract": TEXT}, {"id": "ok", "abstract": TEXT},
                                                 {"id": "sub/doc", "abstract": TEXT}])
    run = write_jsonl(tmp_path / "run.jsonl", [record("../escape", f"{inputs}:1"), record("ok", f"{inputs}:2"),
                                               record("sub/doc", f"{inputs}:3")])
    gold = tmp_path / "deep" / "gold"
    gold.mkdir(parents=True)
    outside = tmp_path / "outside.json"
    (gold / "ok.json").symlink_to(outside)  # a link out of the directory is no gold file either
    client = serve(Review(run, gold_dir=gold))
    for doc_id in ("../escape", "sub/doc", "ok"):
        doc = client.get(f"api/document?doc_id={doc_id.replace('/', '%2F')}")[1]
        assert doc["gold_problem"] and doc["gold_path"] is None  # shown, with why it cannot be saved
        status, answer = client.post("api/save", {"doc_id": doc_id, "record": doc["start"], "overwrite": True})
        assert status == 400 and ("cannot name a gold file" in answer["error"] or "not a plain file" in answer["error"])
    assert sorted(str(p.relative_to(tmp_path)) for p in tmp_path.rglob("*")) == [
        "deep", "deep/gold", "deep/gold/ok.json", "in.jsonl", "run.jsonl"]
    assert not outside.exists()


# ---------------------------------------------------------------------------- token and senders


def test_every_request_needs_the_token(batch, serve):
    client = serve(Review(batch["run"], gold_dir=batch["gold"]))
    for route in ("", "app.js", "app.css", "api/meta", "api/documents", "api/document?doc_id=doc-1"):
        status, _ = client.get(route)
        assert status == 200, route
        for path in (f"/{route}", f"/t/{'x' * len(client.server.token)}/{route}", f"/t//{route}", f"/t/{route}"):
            assert client.request("GET", path)[0] == 403, path
    body = {"doc_id": "doc-1", "record": labelled(client, "doc-1")}
    assert client.request("POST", "/t/wrong/api/save", body)[0] == 403
    assert client.request("POST", "/api/save", body)[0] == 403
    assert list(batch["gold"].iterdir()) == []


def test_requests_from_another_site_are_refused(batch, serve):
    client = serve(Review(batch["run"], gold_dir=batch["gold"]))
    port = client.server.port
    body = {"doc_id": "doc-1", "record": labelled(client, "doc-1")}
    assert client.get("api/documents", Host=f"localhost:{port}")[0] == 200
    assert client.get("api/documents", Host=f"rebound.example:{port}")[0] == 403  # DNS rebinding
    assert client.get("api/documents", Host="127.0.0.1")[0] == 403
    assert client.post("api/save", body, Origin="http://evil.example")[0] == 403
    assert client.post("api/save", body, Origin=f"http://127.0.0.1:{port + 1}")[0] == 403
    assert client.post("api/save", body, **{"Sec-Fetch-Site": "cross-site"})[0] == 403
    assert client.post("api/save", body, **{"Content-Type": "text/plain"})[0] == 415  # a cross-site form's type
    assert client.request("POST", client.base + "api/save", raw=b"{not json")[0] == 400
    assert client.post("api/save", {"doc_id": "doc-1"})[0] == 400
    assert list(batch["gold"].iterdir()) == []
    assert client.post("api/save", body, Origin=f"http://127.0.0.1:{port}",
                       **{"Sec-Fetch-Site": "same-origin"})[0] == 200


def test_pages_forbid_foreign_scripts_and_framing(batch, serve):
    client = serve(Review(batch["run"], gold_dir=batch["gold"]))
    connection = http.client.HTTPConnection("127.0.0.1", client.server.port, timeout=30)
    connection.request("GET", client.base, headers={"Host": f"127.0.0.1:{client.server.port}"})
    response = connection.getresponse()
    page = response.read().decode()
    csp = response.getheader("Content-Security-Policy")
    assert "script-src 'self'" in csp and "frame-ancestors 'none'" in csp and "default-src 'none'" in csp
    assert response.getheader("X-Content-Type-Options") == "nosniff"
    assert "http:" not in page and "https:" not in page  # no CDN, no external asset
    for asset in ("app.js", "app.css"):
        text = client.get(asset)[1].decode()
        assert "http://" not in text and "https://" not in text and "innerHTML" not in text
    assert client.server.server_address[0] == "127.0.0.1"


# ---------------------------------------------------------------------------- compare


def test_side_by_side_pairs_trials_and_results_as_the_scorer_does(batch):
    run = DocumentResult.model_validate(record("d", "s", results=[ORR, {**ORR, "endpoint": "DCR", "value": 80}]))
    other = DocumentResult.model_validate(record("d", "s", results=[{**ORR, "endpoint": "DCR", "value": 80},
                                                                    {**ORR, "ci_high": 72.0}], acronym="X"))
    gold = GoldFile.model_validate({"doc_id": "d", "source": "s", "text": TEXT, "is_trial_report": True,
                                    "trials": [{"role": "reported", "acronym": "X", "results": [ORR]}]})
    rows = {row["field"]: row for row in side_by_side(run, other, gold)}
    assert rows["trial 1: acronym"] == {"field": "trial 1: acronym", "run": "null", "other": "X", "gold": "X",
                                        "differs": True}
    assert rows["trial 1: allocation"]["differs"] is False and rows["trial 1: allocation"]["gold"] is None
    orr = rows["trial 1: result ORR proportion"]
    assert orr["differs"] is True and "CI 41.1–72.0" in orr["other"] and orr["gold"] == orr["run"]
    assert rows["trial 1: result DCR proportion"]["differs"] is False


# ---------------------------------------------------------------------------- the command


@pytest.mark.parametrize("signum", [signal.SIGINT, signal.SIGTERM], ids=["ctrl-c", "sigterm"])
def test_trialx_review_prints_the_url_and_stops_cleanly_on_ctrl_c(batch, signum):
    proc = subprocess.Popen([sys.executable, "-m", "extractor", "review", str(batch["run"]), "--gold-dir",
                             str(batch["gold"]), "--compare", str(batch["other"]), "--no-browser"],
                            cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        url = proc.stdout.readline().strip()
        assert url.startswith("http://127.0.0.1:") and "/t/" in url, proc.stderr.read()
        port = int(url.split(":")[2].split("/")[0])
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        connection.request("GET", url.split(str(port), 1)[1] + "api/documents")
        assert [row["doc_id"] for row in json.loads(connection.getresponse().read())] == ["doc-1", "doc-2"]
        connection.close()
        proc.send_signal(signum)
        assert proc.wait(timeout=30) == 0
    finally:
        if proc.poll() is None:
            proc.kill()
    stderr = proc.stderr.read()
    assert "2 documents (0 without a text)" in stderr and "review stopped" in stderr
    assert "Traceback" not in stderr
    with pytest.raises(OSError):
        http.client.HTTPConnection("127.0.0.1", port, timeout=5).request("GET", "/")


def test_trialx_review_refuses_a_missing_run_and_a_busy_port(batch, serve):
    proc = run_cli("review", str(batch["run"].with_name("none.jsonl")), "--no-browser")
    assert proc.returncode == 2 and b"no such run output" in proc.stderr
    client = serve(Review(batch["run"], gold_dir=batch["gold"]))
    proc = run_cli("review", str(batch["run"]), "--port", str(client.server.port), "--no-browser")
    assert proc.returncode == 2 and b"Address already in use" in proc.stderr


def test_the_library_leaves_process_state_alone(batch, serve, capfd):
    handlers = {s: signal.getsignal(s) for s in (signal.SIGINT, signal.SIGTERM)}
    root = list(logging.getLogger().handlers)
    client = serve(Review(batch["run"], gold_dir=batch["gold"]))
    client.get("api/documents")
    client.get("nothing-here")
    client.request("GET", "/no-token")
    time.sleep(0.1)
    assert {s: signal.getsignal(s) for s in handlers} == handlers
    assert logging.getLogger().handlers == root
    out, err = capfd.readouterr()
    assert out == "" and err == ""  # no request log on stderr
