#!/usr/bin/env python3
"""Primary-endpoint verdicts of the rule backend against labels made by reading realistic abstracts.

    python3 evals/verdicts/score.py [../shared/corpus/realistic]

Each label file names the corpus file it labels (``LABEL_SETS``):

- ``ei-oncology.jsonl`` labels ``primary_endpoint_met`` (true, false or null, by the contract's
  convention, evals/LABELLING.md) for the 181 ei-oncology-300 documents that were not gold files when it
  was made, and says whether the primary endpoint is named in the text;
- ``abstrct-neoplasm.jsonl`` labels 120 abstrct-neoplasm-497 documents that are not gold files (two random
  samples of 60, seeds 1 and 2), with the sentence the label rests on (``basis``, sometimes shortened).

Each label was made by reading the title and abstract, never from the extractor's output, and says whether
a careful reader could decide otherwise (``unsure``). The documents are not shipped (not all are Creative
Commons): the script needs ``../shared``. These labels are tuned on, like the dev split; the figure it
prints answers "how often is the verdict right on documents that report one", with no verdict counted
wrong.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from extractor import extract
from extractor.documents import Document

HERE = Path(__file__).resolve().parent
DEFAULT_CORPORA = HERE.parents[2] / "shared" / "corpus" / "realistic"
#: Label file -> the corpus file (in the realistic corpus folder) whose documents it labels.
LABEL_SETS = {"ei-oncology.jsonl": "ei-oncology-300.jsonl", "abstrct-neoplasm.jsonl": "abstrct-neoplasm-497.jsonl"}


def _documents(corpus: Path, wanted: set[str]) -> dict[str, Document]:
    documents = {}
    for line in corpus.read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        if row["id"] in wanted:
            documents[row["id"]] = Document(doc_id=row["id"], text=row["abstract"], title=row.get("title") or None)
    return documents


def score(labels_file: Path, corpus: Path) -> str:
    """One line: the verdict accuracy over the labelled documents that report a verdict."""
    labels = [json.loads(line) for line in labels_file.read_text(encoding="utf-8").splitlines()]
    documents = _documents(corpus, {row["id"] for row in labels})
    right = {"all": [0, 0], "sure": [0, 0]}
    given = 0
    for row in labels:
        if row["primary_endpoint_met"] is None:
            continue
        record = extract(documents[row["id"]])
        own = [t for t in record.trials if t.role == "reported"]
        found = own[0].primary_endpoint_met if own else None
        given += found is not None
        for kind in ("all", "sure") if not row["unsure"] else ("all",):
            right[kind][0] += found is row["primary_endpoint_met"]
            right[kind][1] += 1
    n = right["all"][1]
    return (f"{labels_file.name}: verdict accuracy {right['all'][0] / n:.3f} ({right['all'][0]} of {n} documents "
            f"that report one; a verdict given for {given}); labels not marked unsure: "
            f"{right['sure'][0] / right['sure'][1]:.3f} ({right['sure'][0]} of {right['sure'][1]})")


def main(corpora: Path) -> int:
    for labels_name, corpus_name in LABEL_SETS.items():
        corpus = corpora / corpus_name
        if not corpus.exists():
            sys.exit(f"{corpus}: not found (the realistic corpus lives in ../shared)")
        print(score(HERE / labels_name, corpus))
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_CORPORA))
