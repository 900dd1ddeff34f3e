"""What the review app shows and writes: records, their texts, gold files; checking and saving.

A run's output lines carry no text, so each document's text comes from its gold file when
there is one (the exact text the extractor was given), else from reading the inputs again:
the files named by the records' ``source`` (as given to ``trialx extract``, tried from the
current directory and then from the run file's), or the ``inputs`` named here. A document
whose text cannot be found is still listed and shown, but cannot be saved as gold.

An edited record is checked as the gold format asks: the JSON Schema of a gold file
(``schemas/gold.schema.json``) and then ``gold.problems`` (each evidence a verbatim quote of
the text holding its value, arms named as labelled, units that fit their measures). Every
problem comes with the path of its field, so the form can show it beside the field.
"""

from __future__ import annotations

import copy
import json
import re
import threading
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from jsonschema import Draft202012Validator
from pydantic import ValidationError

from extractor.documents import Document, InputError
from extractor.evaluation.gold import GoldFile, gold_schema, problems
from extractor.export import BadLine, read_records
from extractor.grounding import locate
from extractor.models import DocumentResult
from extractor.output import write_text_atomic
from extractor.readers import read_documents
from extractor.review.diff import side_by_side

#: How highlights are coloured: each canonical endpoint's kind.
ENDPOINT_KINDS: dict[str, str] = {
    **dict.fromkeys(("ORR", "CR_RATE", "DCR", "CBR", "DOR", "PCR", "MPR", "PATHOLOGICAL_RESPONSE",
                     "R0_RESECTION"), "response"),
    **dict.fromkeys(("PFS", "OS", "EFS", "DFS", "RFS", "TTP", "TTF", "TTNT"), "time_to_event"),
    **dict.fromkeys(("TRAE", "TRAE_GRADE3PLUS", "AE", "AE_GRADE3PLUS", "SAE", "IRAE", "DLT", "DISCONTINUATION",
                     "TREATMENT_RELATED_DEATH", "SAFETY"), "safety"),
    **dict.fromkeys(("FEASIBILITY", "QOL", "IMMUNE_RESPONSE", "BIOMARKER", "OTHER"), "other"),
}

# A doc_id becomes a file name: no separators, no leading dot (hidden files, ".."), no control characters.
_UNSAFE_ID = re.compile(r"[/\\\x00-\x1f\x7f]|^\.|^$")
_SOURCE_POSITION = re.compile(r"(?::|#)\d+$")


class NotFound(KeyError):
    """No document of the run (or of the compared run) has this doc_id."""


class DocIdRefused(ValueError):
    """A doc_id that cannot name a file in the gold directory."""


class GoldExists(Exception):
    """The gold file exists and the save did not say to overwrite it."""


class SaveRefused(ValueError):
    """The record breaks the gold format; ``problems`` says where."""

    def __init__(self, problems: list[dict[str, Any]]):
        super().__init__(f"{len(problems)} problem(s): " + "; ".join(p["message"] for p in problems[:3]))
        self.problems = problems


def gold_path(gold_dir: Path, doc_id: str) -> Path:
    """The gold file of ``doc_id``: ``<gold_dir>/<doc_id>.json``, never a path outside ``gold_dir``.

    Raises:
        DocIdRefused: the doc_id has a path separator, starts with a dot or holds a control
            character, or the file would resolve outside the directory (a symbolic link).
    """
    if _UNSAFE_ID.search(doc_id):
        raise DocIdRefused(f"doc_id {doc_id!r} cannot name a gold file (a path separator, a leading dot "
                           "or a control character)")
    target = gold_dir / f"{doc_id}.json"
    if target.is_symlink() or target.resolve().parent != gold_dir.resolve():
        raise DocIdRefused(f"doc_id {doc_id!r}: {target} is not a plain file of {gold_dir}")
    return target


@dataclass
class _Texts:
    """Documents read again from the inputs, by source and by doc_id."""

    by_source: dict[str, Document] = field(default_factory=dict)
    by_id: dict[str, Document] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)

    def find(self, record: DocumentResult) -> Document | None:
        return (self.by_source.get(record.source) if record.source else None) or self.by_id.get(record.doc_id)


def _source_files(records: Sequence[DocumentResult], base: Path) -> dict[str, str]:
    """Files named by the records' sources: path to read -> path as the source gives it."""
    files: dict[str, str] = {}
    for given in {r.source for r in records if r.source}:
        for name in (given, _SOURCE_POSITION.sub("", given)):
            for path in (Path(name), base / name):
                if path.is_file():
                    files.setdefault(str(path), name)
                    break
            else:
                continue
            break
    return files


def _read_texts(records: Sequence[DocumentResult], base: Path, inputs: Sequence[str] | None,
                format: str | None) -> _Texts:
    texts = _Texts()
    wanted_ids = {r.doc_id for r in records}
    wanted_sources = {r.source for r in records if r.source}
    files = {path: path for path in inputs} if inputs else _source_files(records, base)
    for path, given in files.items():
        try:
            items = list(read_documents([path], format=format))
        except InputError as exc:
            texts.warnings.append(f"cannot read {path} for the texts: {exc}")
            continue
        for item in items:
            if not isinstance(item, Document):
                continue
            source = given + (item.source or "")[len(path):] if (item.source or "").startswith(path) else item.source
            if source in wanted_sources:
                texts.by_source[source] = item
            if item.doc_id in wanted_ids:
                texts.by_id.setdefault(item.doc_id, item)
    return texts


def _load_run(path: Path, bad: list[BadLine]) -> dict[str, DocumentResult]:
    return {r["doc_id"]: DocumentResult.model_validate(r) for r in read_records([path], bad)}


def _counts(record: DocumentResult | None) -> dict[str, int]:
    if record is None:
        return {"trials": 0, "results": 0, "warnings": 0}
    return {"trials": len(record.trials), "results": sum(len(t.results) for t in record.trials),
            "warnings": len(record.warnings)}


def _schema_problems(data: dict[str, Any], validator: Draft202012Validator) -> list[dict[str, Any]]:
    found = []
    for error in validator.iter_errors(data):
        # "x is not valid under any of the given schemas" says little: inside an anyOf of a type and
        # null, what the non-null branch says (the deepest of it) is the problem a person can fix.
        while error.context:
            useful = [e for e in error.context if e.schema != {"type": "null"}] or error.context
            error = max(useful, key=lambda e: len(e.absolute_path))
        found.append({"path": [*error.absolute_path], "message": error.message})
    return found


class Review:
    """A run (and optionally a second run) under review against a gold directory.

    Args:
        run: Output JSONL of ``trialx extract`` (compressed or not).
        gold_dir: Directory of gold files: read for starting points, written by ``save``.
        compare: A second output to show side by side.
        inputs: Files to read the texts from, instead of the files the records' sources name.
        format: Input format of those files, instead of detecting it.

    Attributes:
        warnings: Lines of the runs that are not records (file and line), inputs that could not be read.
    """

    def __init__(self, run: str | Path, *, gold_dir: str | Path, compare: str | Path | None = None,
                 inputs: Sequence[str] | None = None, format: str | None = None):
        self.run_path = Path(run)
        self.compare_path = Path(compare) if compare is not None else None
        self.gold_dir = Path(gold_dir)
        bad: list[BadLine] = []
        self.run = _load_run(self.run_path, bad)
        self.other = _load_run(self.compare_path, bad) if self.compare_path is not None else None
        records = [*self.run.values(), *(self.other or {}).values()]
        texts = _read_texts(records, self.run_path.parent, inputs, format)
        self.texts = {r.doc_id: doc for r in records if (doc := texts.find(r)) is not None}
        self.warnings = [str(b) for b in bad] + texts.warnings
        self._validator = Draft202012Validator(gold_schema())
        self._saving = threading.Lock()
        self._index: dict[str, Path] = {}
        self._index_stamp: int | None = None

    # ------------------------------------------------------------------ reading

    def doc_ids(self) -> list[str]:
        """The run's documents in file order, then those only in the compared run."""
        return list(dict.fromkeys([*self.run, *(self.other or {})]))

    def _gold_index(self) -> dict[str, Path]:
        """doc_id -> gold file, read from every file of the directory (read again when the directory changes).

        A gold file is matched by the doc_id it holds, whatever its name (``nature-medicine-listing.txt-3.json``
        holds ``nature-medicine-listing.txt#3``), as ``trialx eval`` matches it.
        """
        try:
            stamp = self.gold_dir.stat().st_mtime_ns
        except FileNotFoundError:
            return {}
        if stamp != self._index_stamp:
            index: dict[str, Path] = {}
            for path in sorted(self.gold_dir.glob("*.json")):
                if path.is_symlink() or not path.is_file():
                    continue
                try:
                    doc_id = json.loads(path.read_text(encoding="utf-8")).get("doc_id")
                except (OSError, ValueError, AttributeError):
                    continue  # not a gold file: the document view says so when its name is the doc_id's
                if isinstance(doc_id, str):
                    index.setdefault(doc_id, path)
            self._index, self._index_stamp = index, stamp
        return self._index

    def gold_file(self, doc_id: str) -> Path:
        """Where the gold file of ``doc_id`` is (a file holding that doc_id), or goes: ``<doc_id>.json``.

        Raises:
            DocIdRefused: no file holds the doc_id, and it cannot name one in the gold directory.
        """
        return self._gold_index().get(doc_id) or gold_path(self.gold_dir, doc_id)

    def _gold(self, doc_id: str) -> tuple[dict[str, Any] | None, str | None]:
        """The gold file's JSON as written (absent keys stay absent), or why there is none to use."""
        try:
            path = self.gold_file(doc_id)
        except DocIdRefused as exc:
            return None, str(exc)
        if not path.is_file():
            return None, None
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            GoldFile.model_validate(data)
        except (OSError, ValueError) as exc:
            return None, f"{path} is not a valid gold file: {exc}"
        return data, None

    def _text(self, doc_id: str, gold: dict[str, Any] | None) -> tuple[str | None, str | None, str | None]:
        """Text, title and source of a document: the gold file's, else the inputs'."""
        if gold is not None:
            return gold["text"], gold.get("title"), gold["source"]
        doc = self.texts.get(doc_id)
        record = self.run.get(doc_id) or (self.other or {}).get(doc_id)
        source = record.source if record is not None else None
        return (doc.text, doc.title, source or doc.source) if doc is not None else (None, None, source)

    def documents(self) -> list[dict[str, Any]]:
        """One row per document: counts, whether it has a gold file and text, whether the runs differ."""
        rows = []
        for doc_id in self.doc_ids():
            record = self.run.get(doc_id)
            other = self.other.get(doc_id) if self.other is not None else None
            try:
                has_gold = self.gold_file(doc_id).is_file()
            except DocIdRefused:
                has_gold = False
            title = self.texts[doc_id].title if doc_id in self.texts else None
            first = (record or other)
            if title is None and first is not None and first.trials:
                title = first.trials[0].title
            rows.append({
                "doc_id": doc_id, "title": title, **_counts(record or other), "gold": has_gold,
                "text": doc_id in self.texts or has_gold, "in_run": record is not None,
                "differs": None if self.other is None else self._differs(record, other),
            })
        return rows

    @staticmethod
    def _differs(record: DocumentResult | None, other: DocumentResult | None) -> bool:
        if record is None or other is None:
            return True
        return any(row["differs"] for row in side_by_side(record, other, None))

    def document(self, doc_id: str) -> dict[str, Any]:
        """Everything the document view shows: text, records, gold, the starting point of the form.

        Raises:
            NotFound: neither run has the document.
        """
        record = self.run.get(doc_id)
        other = self.other.get(doc_id) if self.other is not None else None
        if record is None and other is None:
            raise NotFound(doc_id)
        gold, gold_problem = self._gold(doc_id)
        text, title, source = self._text(doc_id, gold)
        if gold is not None:
            start = {"is_trial_report": gold["is_trial_report"], "trials": gold.get("trials", [])}
            start_from = "gold"
        else:
            first = record or other
            assert first is not None
            start = {"is_trial_report": first.is_trial_report,
                     "trials": [{**t.model_dump(mode="json"), "results_exhaustive": True} for t in first.trials]}
            start_from = "run" if record is not None else "compare"
        golden = GoldFile.model_validate(gold) if gold is not None else None
        try:
            path: str | None = str(self.gold_file(doc_id))
        except DocIdRefused as exc:
            path, gold_problem = None, str(exc)
        return {
            "doc_id": doc_id, "title": title, "source": source, "text": text,
            "run": record.model_dump(mode="json") if record else None,
            "other": other.model_dump(mode="json") if other else None,
            "gold": gold, "gold_path": path, "gold_problem": gold_problem, "start": start, "start_from": start_from,
            "compare": side_by_side(record, other, golden),
            **self.check(doc_id, start),
        }

    # ------------------------------------------------------------------ checking and saving

    def _gold_data(self, doc_id: str, labelled: dict[str, Any]) -> dict[str, Any]:
        """The gold file a save writes: this document's text and provenance, the form's record."""
        if doc_id not in self.run and doc_id not in (self.other or {}):
            raise NotFound(doc_id)
        gold, _ = self._gold(doc_id)
        text, title, source = self._text(doc_id, gold)
        data: dict[str, Any] = {"doc_id": doc_id, "source": source or f"trialx review of {self.run_path.name}"}
        if title is not None:
            data["title"] = title
        data["text"] = text
        data["is_trial_report"] = labelled.get("is_trial_report")
        data["trials"] = labelled.get("trials")
        return data

    def _placed(self, data: dict[str, Any]) -> dict[str, Any]:
        """The gold data with each given ``evidence_start`` where its evidence now stands (an edited quote moves)."""
        data = copy.deepcopy(data)
        for trial in data["trials"]:
            for result in trial.get("results") or []:
                if "evidence_start" in result:
                    result["evidence_start"] = locate(data["text"], result["evidence"], result["evidence_start"])
        return data

    def check(self, doc_id: str, labelled: dict[str, Any]) -> dict[str, Any]:
        """Problems of an edited record (each with the path of its field) and where its evidence stands.

        ``labelled`` is the form's ``{"is_trial_report": ..., "trials": [...]}``.

        Raises:
            NotFound: neither run has the document.
        """
        data = self._gold_data(doc_id, labelled)
        found: list[dict[str, Any]] = []
        if data["text"] is None:
            found.append({"path": ["text"], "message": "the text of this document was not found (its gold file, "
                                                       "or the inputs named by --input or by the record's source)"})
            data["text"] = ""
        found += _schema_problems(data, self._validator)
        if not found:
            try:
                found += [{"path": list(p.path), "message": p.message}
                          for p in problems(GoldFile.model_validate(data))]
            except ValidationError as exc:  # what the schema cannot say (none known); shown all the same
                found += [{"path": list(e["loc"]), "message": e["msg"]} for e in exc.errors()]
        return {"problems": found, "spans": _spans(data["text"], labelled)}

    def save(self, doc_id: str, labelled: dict[str, Any], *, overwrite: bool = False) -> Path:
        """Write the form's record as its gold file (``gold_file``), atomically.

        Raises:
            NotFound: neither run has the document.
            DocIdRefused: the doc_id cannot name a file in the gold directory.
            SaveRefused: the record breaks the gold format (its ``problems`` say where).
            GoldExists: the file exists and ``overwrite`` is false.
        """
        path = self.gold_file(doc_id)
        found = self.check(doc_id, labelled)["problems"]
        if found:
            raise SaveRefused(found)
        text = json.dumps(self._placed(self._gold_data(doc_id, labelled)), indent=2, ensure_ascii=False) + "\n"
        with self._saving:
            if path.exists() and not overwrite:
                raise GoldExists(str(path))
            self.gold_dir.mkdir(parents=True, exist_ok=True)
            write_text_atomic(path, text)
        return path


def _spans(text: str, labelled: dict[str, Any]) -> list[dict[str, Any]]:
    """Where each result's evidence stands in the text (``grounding.locate``), with its endpoint's kind."""
    spans = []
    trials = labelled.get("trials")
    for t, trial in enumerate(trials if isinstance(trials, list) else []):
        results = trial.get("results") if isinstance(trial, dict) else None
        for r, result in enumerate(results if isinstance(results, list) else []):
            if not isinstance(result, dict) or not isinstance(result.get("evidence"), str):
                continue
            offset = result.get("evidence_start")
            start = locate(text, result["evidence"], offset if isinstance(offset, int) else None)
            if start is not None:
                spans.append({"trial": t, "result": r, "start": start, "end": start + len(result["evidence"]),
                              "kind": ENDPOINT_KINDS.get(str(result.get("endpoint")), "other")})
    return spans
