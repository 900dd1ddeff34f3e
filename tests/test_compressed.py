"""Compressed inputs (gzip, bzip2, xz) and PubMed baseline-shaped files."""

from __future__ import annotations

import bz2
import gzip
import io
import json
import lzma
import tracemalloc
from collections.abc import Callable
from pathlib import Path

import pytest

from extractor.documents import Document, DocumentError
from extractor.readers import ReadStats, count_items, input_files, read_documents, read_files
from extractor.testing import pubmed_baseline
from extractor.testing.pubmed_baseline import write_baseline
from tests.conftest import SHARED
from tests.test_readers import ABSTRACT_1, ABSTRACT_2, PUBMED_PLAIN_ARTICLE, pubmed_set

COMPRESSORS: dict[str, Callable[[bytes], bytes]] = {".gz": gzip.compress, ".bz2": bz2.compress, ".xz": lzma.compress}

RECORDS = [{"id": "a", "title": "Trial A", "abstract": ABSTRACT_1}, {"id": "b", "title": "", "abstract": ABSTRACT_2}]

# One input of each format, as (file name, content).
PLAIN_INPUTS = {
    "jsonl": ("batch.jsonl", "".join(json.dumps(record) + "\n" for record in RECORDS)),
    "json": ("batch.json", json.dumps({"records": RECORDS})),
    "csv": ("batch.csv", f'id,abstract\na,"{ABSTRACT_1}"\nb,"{ABSTRACT_2}"\n'),
    "tsv": ("batch.tsv", f"id\tabstract\na\t{ABSTRACT_1}\nb\t{ABSTRACT_2}\n"),
    "lines": ("listing.txt", f"{ABSTRACT_1}\n{ABSTRACT_2}\n"),
    "text": ("abstract.txt", f"{ABSTRACT_1}\n\n{ABSTRACT_2}\n"),
    "pubmed": ("pubmed.xml", pubmed_set(PUBMED_PLAIN_ARTICLE)),
}


def summary(items: list[Document | DocumentError]) -> list[tuple[str | None, str]]:
    return [(item.doc_id, item.text if isinstance(item, Document) else item.reason) for item in items]


@pytest.mark.parametrize("suffix", sorted(COMPRESSORS))
@pytest.mark.parametrize("kind", sorted(PLAIN_INPUTS))
def test_every_format_reads_the_same_compressed(tmp_path: Path, kind: str, suffix: str) -> None:
    name, content = PLAIN_INPUTS[kind]
    plain = tmp_path / "plain" / name
    packed = tmp_path / "packed" / (name + suffix)
    for path, data in ((plain, content.encode()), (packed, COMPRESSORS[suffix](content.encode()))):
        path.parent.mkdir()
        path.write_bytes(data)
    expected = list(read_documents([str(plain)]))
    got = list(read_documents([str(packed)]))
    assert all(isinstance(item, Document) for item in got)
    # Same ids and texts: format detection and doc ids go by the name without ".gz".
    assert summary(got) == summary(expected)
    # Counted through the decompressor, as the plain file is (JSON has no cheap count either way).
    assert count_items(input_files([str(packed)])) == count_items(input_files([str(plain)]))


def test_compression_is_told_by_magic_bytes_not_the_name(tmp_path: Path) -> None:
    path = tmp_path / "batch.jsonl"  # gzipped, though not named so
    path.write_bytes(gzip.compress(PLAIN_INPUTS["jsonl"][1].encode()))
    assert [item.doc_id for item in read_documents([str(path)])] == ["a", "b"]
    stdin = io.BytesIO(lzma.compress(PLAIN_INPUTS["jsonl"][1].encode()))
    assert [item.doc_id for item in read_documents(["-"], stdin=stdin)] == ["a", "b"]


def test_directory_walk_finds_compressed_files_and_names_them_without_the_suffix(tmp_path: Path) -> None:
    tree = tmp_path / "tree"
    (tree / "a").mkdir(parents=True)
    (tree / "a" / "abstract.txt.bz2").write_bytes(bz2.compress(ABSTRACT_1.encode()))
    (tree / "listing.txt.gz").write_bytes(gzip.compress(f"{ABSTRACT_1}\n{ABSTRACT_2}\n".encode()))
    (tree / "notes.gz").write_bytes(gzip.compress(b"no format suffix beneath: not an input"))
    files = input_files([str(tree)])
    assert [file.name for file in files] == ["a/abstract.txt", "listing.txt"]
    assert [item.doc_id for item in read_files(files)] == ["a/abstract.txt", "listing.txt#1", "listing.txt#2"]


def test_truncated_compressed_file_keeps_what_precedes_and_names_the_file(tmp_path: Path) -> None:
    path = tmp_path / "batch.jsonl.gz"
    with gzip.open(path, "wb") as packer:
        for n in range(8000):  # 2.6 MB unpacked: more than the megabyte read ahead to detect the format
            packer.write((json.dumps({"id": f"d{n}", "abstract": ABSTRACT_1}) + "\n").encode())
            if n % 1000 == 999:
                packer.flush()  # ends a deflate block, so a cut keeps what came before it
    packed = path.read_bytes()
    path.write_bytes(packed[: len(packed) * 3 // 4])
    other = tmp_path / "other.txt"
    other.write_text(ABSTRACT_2)
    items = list(read_documents([str(path), str(other)]))
    *read, error, last = items
    assert read and all(isinstance(item, Document) for item in read)
    assert isinstance(error, DocumentError) and error.source == str(path)
    assert error.reason.startswith("damaged compressed data: ")
    assert isinstance(last, Document) and last.doc_id == "other.txt"  # one bad file never sinks the batch
    assert count_items(input_files([str(path)])) is None  # no total rather than a wrong one


def test_delete_citations_are_skipped_and_counted() -> None:
    deleted = '<DeleteCitation><PMID Version="1">111</PMID><PMID Version="1">222</PMID></DeleteCitation>'
    data = pubmed_set(PUBMED_PLAIN_ARTICLE, deleted).encode()
    stats = ReadStats()
    items = list(read_files(input_files(["-"]), stdin=io.BytesIO(gzip.compress(data)), stats=stats))
    assert [item.doc_id for item in items] == ["pmid-38000002"]
    assert stats.deleted == 2


def test_baseline_file_streams_with_flat_memory(tmp_path: Path) -> None:
    # Gzipped and 2,000 records here; benchmarks/baseline.py measures a 30,000-record file.
    path = write_baseline(tmp_path / "pubmed25n0001.xml.gz", RECORDS, 2000, deleted=range(1, 51))
    stats = ReadStats()
    tracemalloc.start()
    try:
        count = sum(isinstance(item, Document) for item in read_files(input_files([str(path)]), stats=stats))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert (count, stats.deleted) == (2000, 50)
    assert peak < 4 * 1024 * 1024  # the file unpacks to about 6 MB, held whole if articles were kept
    assert count_items(input_files([str(path)])) == 2000


@pytest.mark.shared
@pytest.mark.skipif(not (SHARED / "corpus" / "realistic").exists(), reason="../shared/corpus is not beside this checkout")
def test_baseline_made_from_the_realistic_corpus_reads_back_every_abstract(tmp_path: Path) -> None:
    source = SHARED / "corpus" / "realistic" / "ei-oncology-300.jsonl"
    records = [json.loads(line) for line in source.read_text().splitlines()]
    path = write_baseline(tmp_path / "baseline.xml.gz", records, len(records))
    documents = [item for item in read_documents([str(path)]) if isinstance(item, Document)]
    assert len(documents) == len(records)
    for document, record in zip(documents, records, strict=True):
        assert document.doc_id.startswith("pmid-") and document.title == (record["title"] or None)
        # Labelled sections come back as "LABEL: text" paragraphs: every other word of the abstract is kept.
        assert _unlabelled(document.text) == _unlabelled(record["abstract"])


def _unlabelled(text: str) -> list[str]:
    return pubmed_baseline._LABEL.sub(" ", text).split()


def test_text_that_starts_like_a_bzip2_header_is_text(tmp_path: Path) -> None:
    path = tmp_path / "abstract.txt"
    path.write_text("BZh: " + ABSTRACT_1)  # "BZh" without a block size digit is not a bzip2 stream
    assert [item.text for item in read_documents([str(path)]) if isinstance(item, Document)] == ["BZh: " + ABSTRACT_1]
