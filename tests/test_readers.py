"""Tests for extractor.readers: input expansion, format detection and every reader."""

from __future__ import annotations

import io
import json
import tracemalloc
from collections.abc import Sequence
from pathlib import Path

import pytest

from extractor import readers
from extractor.documents import Document, DocumentError, InputError
from extractor.readers import FORMATS, FieldNames, detect_format, expand_inputs, read_documents

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"

# Two abstracts long enough (>= 150 characters) to make a "lines" listing.
ABSTRACT_1 = (
    "Background: In this randomized phase 3 trial, 412 patients with metastatic colorectal cancer "
    "received drug A or placebo; median overall survival was 13.2 versus 9.8 months (HR 0.71)."
)
ABSTRACT_2 = (
    "Methods: This single-arm phase 2 study (NCT01234567) enrolled 48 patients with advanced "
    "sarcoma treated with drug B; the objective response rate was 27% and toxicity manageable."
)


def write(path: Path, content: str | bytes) -> str:
    """Write a fixture file (creating its directory) and return its path as a string."""
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, str):
        path.write_bytes(content.encode("utf-8"))
    else:
        path.write_bytes(content)
    return str(path)


def read_all(inputs: Sequence[str], **options: object) -> list[Document | DocumentError]:
    return list(read_documents(inputs, **options))  # type: ignore[arg-type]


def docs(items: Sequence[Document | DocumentError]) -> list[Document]:
    return [item for item in items if isinstance(item, Document)]


def errors(items: Sequence[Document | DocumentError]) -> list[DocumentError]:
    return [item for item in items if isinstance(item, DocumentError)]


def only_error(items: Sequence[Document | DocumentError]) -> DocumentError:
    assert len(items) == 1, items
    assert isinstance(items[0], DocumentError), items
    return items[0]


def only_doc(items: Sequence[Document | DocumentError]) -> Document:
    assert len(items) == 1, items
    assert isinstance(items[0], Document), items
    return items[0]


def test_every_format_has_a_reader() -> None:
    assert set(FORMATS) == set(readers._READERS)


# --------------------------------------------------------------------------- text


def test_text_file_is_one_document_named_after_the_file(tmp_path: Path) -> None:
    path = write(tmp_path / "paper.md", "\ufeff# Title\r\n\r\nBody  with  spaces \rend\n")
    doc = only_doc(read_all([path]))
    assert doc.doc_id == "paper.md"
    assert doc.source == path
    # BOM dropped, CRLF and CR become LF, everything else kept exactly.
    assert doc.text == "# Title\n\nBody  with  spaces \nend\n"
    assert doc.title is None


def test_doc_ids_do_not_depend_on_the_current_directory(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write(tmp_path / "sub" / "paper.txt", "Some text.")
    absolute = only_doc(read_all([str(tmp_path / "sub" / "paper.txt")]))
    monkeypatch.chdir(tmp_path)
    relative = only_doc(read_all(["sub/paper.txt"]))
    assert absolute.doc_id == relative.doc_id == "paper.txt"
    assert relative.source == "sub/paper.txt"  # the path as the user gave it


def test_whitespace_only_text_is_an_empty_document(tmp_path: Path) -> None:
    path = write(tmp_path / "blank.txt", " \n\t\n")
    error = only_error(read_all([path]))
    assert error.reason == "empty document"
    assert error.source == path
    assert error.doc_id == "blank.txt"


def test_too_long_document_is_refused(tmp_path: Path) -> None:
    path = write(tmp_path / "long.txt", "x" * 11)
    error = only_error(read_all([path], max_chars=10))
    assert error.reason == "document too long: 11 characters (limit 10, see --max-chars)"
    assert only_doc(read_all([path], max_chars=11)).text == "x" * 11


def test_text_file_not_utf8_names_byte_and_offset(tmp_path: Path) -> None:
    path = write(tmp_path / "latin1.txt", b"caf\xe9 au lait")
    error = only_error(read_all([path]))
    assert error.source == path
    assert error.reason == "not valid UTF-8 (byte 0xe9 at offset 3)"


# --------------------------------------------------------------------------- lines


def test_listing_is_detected_and_read_one_document_per_line(tmp_path: Path) -> None:
    path = write(tmp_path / "listing.txt", f"{ABSTRACT_1}\r\n{ABSTRACT_2}\n\n\n")
    assert detect_format(path, Path(path).read_bytes()) == "lines"
    items = read_all([path])
    assert [d.doc_id for d in docs(items)] == ["listing.txt#1", "listing.txt#2"]
    assert [d.source for d in docs(items)] == [f"{path}:1", f"{path}:2"]
    assert [d.text for d in docs(items)] == [ABSTRACT_1, ABSTRACT_2]
    assert not errors(items)


@pytest.mark.parametrize(
    "content",
    [
        pytest.param(f"{ABSTRACT_1}\n", id="single line"),
        pytest.param(f"{ABSTRACT_1}\n\n{ABSTRACT_2}\n", id="blank line between"),
        pytest.param(f"{ABSTRACT_1}\nShort heading\n{ABSTRACT_2}\n", id="short line"),
        pytest.param("", id="empty"),
    ],
)
def test_text_that_is_not_a_listing_stays_one_document(tmp_path: Path, content: str) -> None:
    path = write(tmp_path / "notes.txt", content)
    assert detect_format(path, content.encode()) == "text"


def test_leading_blank_lines_do_not_prevent_a_listing() -> None:
    assert detect_format("x.txt", f"\n\n{ABSTRACT_1}\n{ABSTRACT_2}".encode()) == "lines"


def test_forced_lines_reads_every_non_empty_line_whatever_its_length(tmp_path: Path) -> None:
    path = write(tmp_path / "short.txt", "first\n\n  \nthird\rfifth")
    items = read_all([path], format="lines")
    assert [(d.doc_id, d.text) for d in docs(items)] == [
        ("short.txt#1", "first"),
        ("short.txt#4", "third"),
        ("short.txt#5", "fifth"),
    ]


def test_lines_bad_utf8_line_is_reported_and_the_others_read(tmp_path: Path) -> None:
    content = ABSTRACT_1.encode() + b"\n" + b"bad \xff" + ABSTRACT_2.encode() + b"\n"
    content += ABSTRACT_2.encode() + b"\n"
    path = write(tmp_path / "listing.txt", content)
    items = read_all([path], format="lines")
    assert [d.doc_id for d in docs(items)] == ["listing.txt#1", "listing.txt#3"]
    error = only_error(errors(items))
    assert error.source == f"{path}:2"
    assert error.doc_id == "listing.txt#2"
    assert error.reason == f"not valid UTF-8 (byte 0xff at offset {len(ABSTRACT_1) + 1 + 4})"


# --------------------------------------------------------------------------- JSON


def test_json_array_of_records(tmp_path: Path) -> None:
    records = [
        {"id": "trial-1", "title": "  A title ", "abstract": "Text one.\r\n"},
        {"text": "Text two."},
        [1, 2],
        {"pmid": 123, "body": "Text four."},
    ]
    path = write(tmp_path / "records.json", json.dumps(records))
    items = read_all([path])
    assert [(type(i).__name__, i.doc_id, i.source) for i in items] == [
        ("Document", "trial-1", f"{path}#1"),
        ("Document", "records.json#2", f"{path}#2"),
        ("DocumentError", None, f"{path}#3"),
        ("Document", "pmid-123", f"{path}#4"),
    ]
    first = docs(items)[0]
    assert first.text == "Text one.\r\n"  # record text is kept exactly, title not prepended
    assert first.title == "A title"
    assert errors(items)[0].reason == "expected a JSON object, got an array"


def test_json_object_with_a_list_of_records(tmp_path: Path) -> None:
    content = {"query": "sarcoma", "records": [{"doi": "10.1/x", "abstract": "Text."}]}
    path = write(tmp_path / "export.json", json.dumps(content, indent=2))
    doc = only_doc(read_all([path]))
    assert (doc.doc_id, doc.source, doc.text) == ("doi-10.1/x", f"{path}#1", "Text.")


def test_json_object_with_an_unnamed_list_of_records(tmp_path: Path) -> None:
    content = {"count": 1, "hits": [{"abstract": "Text."}]}
    path = write(tmp_path / "search.json", json.dumps(content))
    assert only_doc(read_all([path])).doc_id == "search.json#1"


def test_json_single_object_is_one_document(tmp_path: Path) -> None:
    path = write(tmp_path / "one.json", json.dumps({"abstract": "Text.", "title": "T"}, indent=2))
    doc = only_doc(read_all([path]))
    assert (doc.doc_id, doc.source, doc.text, doc.title) == ("one.json", path, "Text.", "T")


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        ('{"meta": {"a": 1}}', "no text field (looked for abstract, text, AbstractText, body)"),
        ("42", "expected a JSON object or array, got a number"),
        ('{"abstract": "x",', "malformed JSON: "),
        ("  ", "empty document"),
    ],
)
def test_unusable_json_file_is_one_error(tmp_path: Path, content: str, reason: str) -> None:
    path = write(tmp_path / "bad.json", content)
    error = only_error(read_all([path]))
    assert error.source == path
    assert error.reason.startswith(reason)


def test_json_file_holding_one_object_per_line_is_read_as_jsonl(tmp_path: Path) -> None:
    path = write(tmp_path / "mislabelled.json", '{"abstract": "A"}\n{"abstract": "B"}\n')
    assert detect_format(path, Path(path).read_bytes()) == "jsonl"
    assert [d.doc_id for d in docs(read_all([path]))] == [
        "mislabelled.json#1",
        "mislabelled.json#2",
    ]


# --------------------------------------------------------------------------- JSONL


def test_jsonl_malformed_line_does_not_stop_the_file(tmp_path: Path) -> None:
    lines = ['{"id": "a", "abstract": "A"}', '{"id": "b", "abstract": ', "", '{"abstract": "D"}']
    path = write(tmp_path / "data.jsonl", "\n".join(lines) + "\n")
    items = read_all([path])
    assert [d.doc_id for d in docs(items)] == ["a", "data.jsonl#4"]
    error = only_error(errors(items))
    assert error.source == f"{path}:2"
    assert error.reason.startswith("malformed JSON on line 2: Expecting value")


def test_jsonl_first_line_byte_order_mark_is_dropped(tmp_path: Path) -> None:
    path = write(tmp_path / "data.jsonl", '\ufeff{"abstract": "A"}\n')
    assert only_doc(read_all([path])).text == "A"


def test_sniffing_sees_the_whole_first_line_even_past_the_head_size(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(readers, "_HEAD_BYTES", 16)
    data = json.dumps({"abstract": "A" * 100}).encode() + b"\n" + b'{"abstract": "B"}\n'
    items = read_all(["-"], stdin=io.BytesIO(data))
    assert [d.text for d in docs(items)] == ["A" * 100, "B"]


def test_jsonl_non_object_line(tmp_path: Path) -> None:
    path = write(tmp_path / "data.ndjson", '[1, 2]\n{"text": "B"}\n')
    items = read_all([path])
    assert errors(items)[0].source == f"{path}:1"
    assert errors(items)[0].reason == "expected a JSON object, got an array"
    assert [d.text for d in docs(items)] == ["B"]


def test_jsonl_line_not_utf8_is_reported_alone(tmp_path: Path) -> None:
    first = b'{"abstract": "A"}\n'
    content = first + b'{"abstract": "caf\xe9"}\n{"abstract": "C"}\n'
    path = write(tmp_path / "data.jsonl", content)
    items = read_all([path])
    assert [d.text for d in docs(items)] == ["A", "C"]
    error = only_error(errors(items))
    assert error.source == f"{path}:2"
    assert error.reason == f"not valid UTF-8 (byte 0xe9 at offset {len(first) + 17})"


def test_record_problems_are_reported_with_the_doc_id(tmp_path: Path) -> None:
    lines = [
        {"id": "no-text", "summary": "S"},
        {"id": "blank", "abstract": "  "},
        {"id": "long", "abstract": "x" * 20},
        {"id": "list", "abstract": ["x"]},
    ]
    path = write(tmp_path / "data.jsonl", "".join(json.dumps(line) + "\n" for line in lines))
    items = read_all([path], max_chars=10)
    assert [(e.doc_id, e.reason) for e in errors(items)] == [
        ("no-text", "no text field (looked for abstract, text, AbstractText, body) and no title"),
        ("blank", "empty document"),
        ("long", "document too long: 20 characters (limit 10, see --max-chars)"),
        ("list", "text field 'abstract' holds an array, not a string"),
    ]


@pytest.mark.parametrize(
    ("record", "doc_id"),
    [
        ({"id": 7, "pmid": "1", "doi": "d"}, "7"),
        ({"id": "", "pmid": "123", "doi": "d"}, "pmid-123"),
        ({"pmid": " 123 ", "doi": "10.1/x"}, "pmid-123"),
        ({"doi": "10.1000/xyz"}, "doi-10.1000/xyz"),
        ({"other": "z"}, "data.jsonl#1"),
    ],
)
def test_record_doc_id_rules(tmp_path: Path, record: dict[str, object], doc_id: str) -> None:
    path = write(tmp_path / "data.jsonl", json.dumps({**record, "abstract": "A"}) + "\n")
    assert only_doc(read_all([path])).doc_id == doc_id


def test_custom_id_field_value_is_used_as_is(tmp_path: Path) -> None:
    record = {"nct": "NCT01234567", "pmid": "9", "abstract": "A"}
    path = write(tmp_path / "data.jsonl", json.dumps(record) + "\n")
    assert only_doc(read_all([path], fields=FieldNames(id=("nct",)))).doc_id == "NCT01234567"
    fields = FieldNames(id=("accession", "pmid"))
    assert only_doc(read_all([path], fields=fields)).doc_id == "pmid-9"


def test_first_non_empty_text_field_wins(tmp_path: Path) -> None:
    record = {"abstract": "", "text": "The text.", "body": "The body."}
    path = write(tmp_path / "data.jsonl", json.dumps(record) + "\n")
    assert only_doc(read_all([path])).text == "The text."


def test_jsonl_is_streamed_not_loaded_whole() -> None:
    line = json.dumps({"abstract": "A" * 90}).encode() + b"\n"
    data = line * (3 * readers._HEAD_BYTES // len(line))

    class CountingStream(io.BytesIO):
        def read(self, size: int | None = -1) -> bytes:
            chunk = super().read(size)
            self.bytes_read = self.tell()
            return chunk

    stream = CountingStream(data)
    items = read_documents(["-"], stdin=stream)
    first = next(items)
    assert isinstance(first, Document)
    assert first.doc_id == "stdin#1"
    assert stream.bytes_read < len(data) // 2


# --------------------------------------------------------------------------- CSV


def test_csv_with_abstract_column(tmp_path: Path) -> None:
    content = (
        "\ufeffpmid,title,abstract\r\n"
        '111,First,"Line one,\r\nline two"\r\n'
        "\r\n"
        ",Second,Plain text\r\n"
    )
    path = write(tmp_path / "export.csv", content)
    items = read_all([path])
    assert [(d.doc_id, d.source, d.title, d.text) for d in docs(items)] == [
        ("pmid-111", f"{path}:2", "First", "Line one,\r\nline two"),
        ("export.csv#2", f"{path}:5", "Second", "Plain text"),
    ]


def test_csv_with_custom_text_field(tmp_path: Path) -> None:
    path = write(tmp_path / "trials.csv", "id,summary,abstract\nx1,The summary,The abstract\n")
    doc = only_doc(read_all([path], fields=FieldNames(text=("summary",))))
    assert (doc.doc_id, doc.text) == ("x1", "The summary")


def test_csv_without_text_column_is_one_usage_error_naming_its_columns(tmp_path: Path) -> None:
    good = write(tmp_path / "a.txt", "Some text.")
    path = write(tmp_path / "trials.csv", "id,summary\nx1,The summary\nx2,Another\n")
    with pytest.raises(InputError) as raised:
        read_documents([good, path])  # before any document is read, not one error per row
    assert str(raised.value) == (
        f"{path} has no text column (looked for abstract, text, AbstractText, body); "
        "its columns are 'id', 'summary': name the text column with --text-field"
    )


def test_csv_on_stdin_without_text_column_is_a_usage_error() -> None:
    items = read_documents(["-"], format="csv", stdin=io.BytesIO(b"id,summary\nx1,S\n"))
    with pytest.raises(InputError, match="<stdin> has no text column"):
        next(items)


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("data.jsonl", '{"id": "t1", "title": "Drug X in sarcoma", "abstract": ""}\n'),
        ("data.jsonl", '{"id": "t1", "title": "Drug X in sarcoma"}\n'),
        ("data.json", '[{"id": "t1", "title": "Drug X in sarcoma", "abstract": null}]'),
        ("data.csv", "id,title,abstract\nt1,Drug X in sarcoma,\n"),
    ],
)
def test_record_with_a_title_and_no_abstract_is_a_title_only_document(
    tmp_path: Path, name: str, content: str
) -> None:
    doc = only_doc(read_all([write(tmp_path / name, content)]))
    assert (doc.doc_id, doc.title, doc.text) == ("t1", "Drug X in sarcoma", "Drug X in sarcoma")
    assert doc.warnings == (readers.TITLE_ONLY,)


def test_record_with_neither_title_nor_text_names_file_and_line(tmp_path: Path) -> None:
    path = write(tmp_path / "data.jsonl", '{"id": "a", "abstract": "A"}\n{"id": "b", "title": " "}\n')
    error = errors(read_all([path]))[0]
    assert (error.source, error.doc_id) == (f"{path}:2", "b")
    assert error.reason.endswith("and no title")


def test_tsv_uses_tabs(tmp_path: Path) -> None:
    path = write(tmp_path / "trials.tsv", "id\tabstract\nt1\tText, with a comma\n")
    doc = only_doc(read_all([path]))
    assert (doc.doc_id, doc.text) == ("t1", "Text, with a comma")


def test_format_tsv_reads_tabs_whatever_the_header_holds(tmp_path: Path) -> None:
    # More commas than tabs in the header: detection alone would take this for CSV.
    path = write(tmp_path / "trials.txt", "id\tabstract (text, as printed, in full)\nt1\tText, with a comma\n")
    doc = only_doc(read_all([path], format="tsv", fields=FieldNames(text=("abstract (text, as printed, in full)",))))
    assert (doc.doc_id, doc.text) == ("t1", "Text, with a comma")


def test_csv_row_not_utf8_is_reported_and_others_read(tmp_path: Path) -> None:
    content = b"id,abstract\na,Text A\nb,caf\xe9\nc,Text C\n"
    path = write(tmp_path / "data.csv", content)
    items = read_all([path])
    assert [d.doc_id for d in docs(items)] == ["a", "c"]
    error = only_error(errors(items))
    assert error.source == f"{path}:3"
    offset = content.index(b"\xe9")
    assert error.reason == f"not valid UTF-8 (byte 0xe9 at offset {offset})"


def test_csv_field_longer_than_the_csv_module_default_limit(tmp_path: Path) -> None:
    text = "word " * 40_000  # 200,000 characters: over csv's default 131,072
    path = write(tmp_path / "full.csv", f"id,text\nfull,{text}\n")
    assert only_doc(read_all([path])).text == text


def test_reading_a_long_csv_field_leaves_the_csv_modules_limit_as_it_was(tmp_path: Path) -> None:
    import csv

    found = csv.field_size_limit(131_072)  # the module's default, whatever ran before
    try:
        path = write(tmp_path / "full.csv", f"id,text\nfull,{'word ' * 40_000}\n")
        assert only_doc(read_all([path])).text.startswith("word")
        assert readers.count_items(readers.input_files([str(path)])) == 1
        assert csv.field_size_limit() == 131_072  # the limit is process-wide: a library puts it back
    finally:
        csv.field_size_limit(found)


def test_tsv_named_by_format_without_text_column_is_one_usage_error(tmp_path: Path) -> None:
    path = write(tmp_path / "trials.txt", "id\tsummary\nx1\tThe summary\n")
    with pytest.raises(InputError, match=r"has no text column .* its columns are 'id', 'summary'"):
        read_documents([path], format="tsv")


# --------------------------------------------------------------------------- PubMed

PUBMED_ARTICLE = """
  <PubmedArticle>
    <MedlineCitation Status="MEDLINE" Owner="NLM">
      <PMID Version="1">38000001</PMID>
      <Article PubModel="Print">
        <ArticleTitle>Drug <i>X</i> in stage III<sup>+</sup> cancer</ArticleTitle>
        <Abstract>
          <AbstractText Label="BACKGROUND" NlmCategory="BACKGROUND">Drug <i>X</i> is new.
          </AbstractText>
          <AbstractText Label="RESULTS">ORR was 40%<sup>a</sup>.</AbstractText>
        </Abstract>
        <DataBankList CompleteYN="Y">
          <DataBank>
            <DataBankName>ClinicalTrials.gov</DataBankName>
            <AccessionNumberList>
              <AccessionNumber>NCT01234567</AccessionNumber>
              <AccessionNumber>NCT07654321</AccessionNumber>
            </AccessionNumberList>
          </DataBank>
        </DataBankList>
      </Article>
    </MedlineCitation>
  </PubmedArticle>
"""

PUBMED_PLAIN_ARTICLE = """
  <PubmedArticle>
    <MedlineCitation>
      <PMID>38000002</PMID>
      <Article>
        <ArticleTitle>Plain</ArticleTitle>
        <Abstract><AbstractText>An unstructured abstract.</AbstractText></Abstract>
      </Article>
    </MedlineCitation>
  </PubmedArticle>
"""

PUBMED_NO_ABSTRACT = """
  <PubmedArticle>
    <MedlineCitation><PMID>38000003</PMID><Article><ArticleTitle>T</ArticleTitle></Article>
    </MedlineCitation>
  </PubmedArticle>
"""


def pubmed_set(*articles: str) -> str:
    return (
        '<?xml version="1.0" ?>\n'
        '<!DOCTYPE PubmedArticleSet PUBLIC "-//NLM//DTD PubMedArticle, 1st January 2025//EN" '
        '"https://dtd.nlm.nih.gov/ncbi/pubmed/out/pubmed_250101.dtd">\n'
        f"<PubmedArticleSet>{''.join(articles)}</PubmedArticleSet>\n"
    )


def test_pubmed_structured_abstract_markup_and_databank(tmp_path: Path) -> None:
    path = write(tmp_path / "pubmed.xml", pubmed_set(PUBMED_ARTICLE, PUBMED_PLAIN_ARTICLE))
    assert detect_format(path, Path(path).read_bytes()) == "pubmed"
    first, second = docs(read_all([path]))
    assert first.doc_id == "pmid-38000001"
    assert first.source == f"{path}#1"
    assert first.title == "Drug X in stage III+ cancer"
    assert first.text == "BACKGROUND: Drug X is new.\n\nRESULTS: ORR was 40%a."
    assert first.registry_ids == ("NCT01234567", "NCT07654321")
    assert (second.doc_id, second.source) == ("pmid-38000002", f"{path}#2")
    assert second.text == "An unstructured abstract."
    assert second.registry_ids == ()


def test_pubmed_memory_stays_flat_while_streaming() -> None:
    # 3,000 articles parse into tens of megabytes of elements if finished ones are kept.
    data = pubmed_set(*[PUBMED_ARTICLE] * 3000).encode()
    tracemalloc.start()
    try:
        count = sum(1 for _ in read_documents(["-"], stdin=io.BytesIO(data)))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert count == 3000
    assert peak < 8 * 1024 * 1024


def test_pubmed_article_without_abstract_is_a_title_only_document(tmp_path: Path) -> None:
    path = write(tmp_path / "pubmed.xml", pubmed_set(PUBMED_NO_ABSTRACT, PUBMED_PLAIN_ARTICLE))
    first, second = read_all([path])
    assert isinstance(first, Document)
    assert (first.doc_id, first.source, first.title, first.text) == ("pmid-38000003", f"{path}#1", "T", "T")
    assert first.warnings == (readers.TITLE_ONLY,)
    assert isinstance(second, Document) and second.warnings == ()


def test_pubmed_article_without_abstract_or_title_is_an_error(tmp_path: Path) -> None:
    article = PUBMED_NO_ABSTRACT.replace("<ArticleTitle>T</ArticleTitle>", "")
    path = write(tmp_path / "pubmed.xml", pubmed_set(article))
    error = only_error(read_all([path]))
    assert (error.source, error.doc_id) == (f"{path}#1", "pmid-38000003")
    assert error.reason.startswith("no abstract and no title")


def test_bare_pubmed_article_root(tmp_path: Path) -> None:
    path = write(tmp_path / "one.xml", PUBMED_ARTICLE)
    doc = only_doc(read_all([path]))
    assert doc.doc_id == "pmid-38000001"
    assert doc.registry_ids == ("NCT01234567", "NCT07654321")


def test_malformed_xml_reads_what_precedes_and_reports_once(tmp_path: Path) -> None:
    content = pubmed_set(PUBMED_PLAIN_ARTICLE, "<PubmedArticle><MedlineCitation></Oops>")
    path = write(tmp_path / "broken.xml", content)
    items = read_all([path])
    assert [d.doc_id for d in docs(items)] == ["pmid-38000002"]
    error = only_error(errors(items))
    assert error.source == path
    assert error.reason.startswith("malformed XML: mismatched tag: line")


def test_xml_that_is_not_pubmed(tmp_path: Path) -> None:
    path = write(tmp_path / "other.xml", "<root><a>text</a></root>")
    with pytest.raises(InputError, match=r"other\.xml"):
        detect_format(path, Path(path).read_bytes())
    # read_documents reports it and carries on with the next input.
    text = write(tmp_path / "next.txt", "Text.")
    items = read_all([path, text])
    assert isinstance(items[0], DocumentError)
    assert "not PubMed XML" in items[0].reason
    assert isinstance(items[1], Document)


def test_forced_pubmed_on_other_xml_names_the_root(tmp_path: Path) -> None:
    path = write(tmp_path / "other.txt", "<root/>")
    error = only_error(read_all([path], format="pubmed"))
    assert error.reason == "not PubMed XML: the root element is <root>"


# --------------------------------------------------------------------------- stdin


def test_stdin_text() -> None:
    doc = only_doc(read_all(["-"], stdin=io.BytesIO(b"Some text\r\n")))
    assert (doc.doc_id, doc.source, doc.text) == ("stdin", "<stdin>", "Some text\n")


def test_stdin_lines() -> None:
    data = f"{ABSTRACT_1}\n{ABSTRACT_2}\n".encode()
    items = read_all(["-"], stdin=io.BytesIO(data))
    assert [(d.doc_id, d.source) for d in docs(items)] == [
        ("stdin#1", "<stdin>:1"),
        ("stdin#2", "<stdin>:2"),
    ]


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (b'{"abstract": "A"}\n{"abstract": "B"}\n', "jsonl"),
        (b'  {\n  "abstract": "A"\n}\n', "json"),
        (b'{"abstract": "A"}', "json"),
        (b'[{"abstract": "A"}]', "json"),
        (pubmed_set(PUBMED_PLAIN_ARTICLE).encode(), "pubmed"),
        (b"Plain text.", "text"),
    ],
)
def test_stdin_format_is_sniffed(data: bytes, expected: str) -> None:
    assert detect_format("-", data) == expected
    # The sniffed bytes are replayed to the reader, not lost.
    assert docs(read_all(["-"], stdin=io.BytesIO(data)))


def test_stdin_jsonl_records() -> None:
    data = b'{"abstract": "A"}\n{"abstract": "B"}\n'
    items = read_all(["-"], stdin=io.BytesIO(data))
    assert [(d.doc_id, d.source, d.text) for d in docs(items)] == [
        ("stdin#1", "<stdin>:1", "A"),
        ("stdin#2", "<stdin>:2", "B"),
    ]


def test_stdin_xml_that_is_not_pubmed_is_an_error() -> None:
    error = only_error(read_all(["-"], stdin=io.BytesIO(b"<html>hi</html>")))
    assert error.source == "<stdin>"
    assert "not PubMed XML" in error.reason


# --------------------------------------------------------------------------- inputs


def test_directory_is_walked_sorted_skipping_hidden_and_foreign_files(tmp_path: Path) -> None:
    for name in ["b.txt", "a/z.md", "a/b/c.jsonl", "a-b.csv", ".hidden.txt", ".git/x.txt", "x.pdf"]:
        write(tmp_path / "in" / name, "x")
    root = str(tmp_path / "in")
    assert [Path(p).relative_to(root).as_posix() for p in expand_inputs([root])] == [
        "a/b/c.jsonl",
        "a/z.md",
        "a-b.csv",
        "b.txt",
    ]


def test_walked_files_are_named_by_their_path_below_the_named_directory(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write(tmp_path / "tree" / "a" / "abstract.txt", "First trial.")
    write(tmp_path / "tree" / "b" / "abstract.txt", "Second trial.")
    write(tmp_path / "tree" / "top.jsonl", '{"abstract": "Third."}\n')
    expected = ["a/abstract.txt", "b/abstract.txt", "top.jsonl#1"]
    assert [d.doc_id for d in read_all([str(tmp_path / "tree")])] == expected
    assert [d.doc_id for d in read_all([str(tmp_path / "tree")])] == expected  # stable across runs
    monkeypatch.chdir(tmp_path / "tree" / "a")
    assert [d.doc_id for d in read_all([".."])] == expected  # whatever the cwd or path form
    assert [d.doc_id for d in read_all(["../*"])] == expected  # a glob: below its leading directory
    assert [d.doc_id for d in read_all(["../**/abstract.txt"])] == expected[:2]


def test_directory_without_input_files_is_an_input_error(tmp_path: Path) -> None:
    write(tmp_path / "in" / "x.pdf", "x")
    with pytest.raises(InputError, match="no input file"):
        expand_inputs([str(tmp_path / "in")])


def test_glob_patterns_are_sorted_and_recursive(tmp_path: Path) -> None:
    for name in ["b.txt", "a.txt", "sub/c.txt", "d.md"]:
        write(tmp_path / name, "x")
    assert expand_inputs([str(tmp_path / "*.txt")]) == [
        str(tmp_path / "a.txt"),
        str(tmp_path / "b.txt"),
    ]
    assert expand_inputs([str(tmp_path / "**" / "*.txt")]) == [
        str(tmp_path / "a.txt"),
        str(tmp_path / "b.txt"),
        str(tmp_path / "sub" / "c.txt"),
    ]


def test_glob_matching_nothing_is_an_input_error(tmp_path: Path) -> None:
    pattern = str(tmp_path / "*.jsonl")
    with pytest.raises(InputError, match=r"no file matches .*\*\.jsonl"):
        expand_inputs([pattern])


def test_order_kept_and_duplicates_dropped(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write(tmp_path / "a.txt", "x")
    write(tmp_path / "b.txt", "x")
    monkeypatch.chdir(tmp_path)
    assert expand_inputs(["b.txt", "-", "a.txt", "./b.txt", "*.txt", "-"]) == [
        "b.txt",
        "-",
        "a.txt",
    ]


def test_missing_file_raises_before_anything_is_read(tmp_path: Path) -> None:
    good = write(tmp_path / "good.txt", "x")
    with pytest.raises(InputError, match=r"no such file: .*missing\.txt"):
        read_documents([good, str(tmp_path / "missing.txt")])  # not even iterated


def test_unknown_format_raises_before_anything_is_read(tmp_path: Path) -> None:
    good = write(tmp_path / "good.txt", "x")
    with pytest.raises(InputError, match="unknown format 'xml'"):
        read_documents([good], format="xml")


def test_format_override_applies_to_every_input(tmp_path: Path) -> None:
    first = write(tmp_path / "a.txt", '{"abstract": "A"}\n')
    second = write(tmp_path / "b.txt", '{"abstract": "B"}\n')
    assert detect_format(first, Path(first).read_bytes()) == "text"
    items = read_all([first, second], format="jsonl")
    assert [(d.doc_id, d.text) for d in docs(items)] == [("a.txt#1", "A"), ("b.txt#1", "B")]


def test_unreadable_input_is_an_error_not_a_crash(tmp_path: Path) -> None:
    # A directory can only reach the readers if it changed after expansion; simulate that.
    directory = str(tmp_path / "gone")
    Path(directory).mkdir()
    text = write(tmp_path / "ok.txt", "Text.")
    files = [readers.InputFile(directory, "gone"), readers.InputFile(text, "ok.txt")]
    items = list(readers.read_files(files))
    error = items[0]
    assert isinstance(error, DocumentError)
    assert error.source == directory
    assert "directory" in error.reason
    assert isinstance(items[1], Document)


# --------------------------------------------------------------------------- examples


def test_nature_medicine_listing_is_twelve_documents() -> None:
    path = EXAMPLES / "nature-medicine-listing.txt"
    assert detect_format(str(path), path.read_bytes()) == "lines"
    items = read_all([str(path)])
    assert not errors(items)
    assert [d.doc_id for d in docs(items)] == [
        f"nature-medicine-listing.txt#{n}" for n in range(1, 13)
    ]


@pytest.mark.parametrize(
    "name",
    [
        "bulletin-sarcoma-fr.txt",
        "scraped-alter-e-003.txt",
        "review-innovative-drugs.md",
        "paper-regorafenib-sintilimab.md",
    ],
)
def test_other_examples_are_one_text_document(name: str) -> None:
    path = EXAMPLES / name
    assert detect_format(str(path), path.read_bytes()) == "text"
    doc = only_doc(read_all([str(path)]))
    assert doc.doc_id == name
    assert doc.text == path.read_text(encoding="utf-8").replace("\r\n", "\n").removeprefix("\ufeff")


# --------------------------------------------------------------------------- counting


def test_count_items_streams_pubmed_tags_across_chunk_boundaries(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(readers, "_COUNT_CHUNK_BYTES", 7)  # every tag is cut by a chunk boundary
    path = write(tmp_path / "set.xml", pubmed_set(*[PUBMED_PLAIN_ARTICLE] * 4))
    files = readers.input_files([path])
    assert readers.count_items(files) == 4 == len(read_all([path]))


def test_count_items_is_unknown_for_stdin_and_json(tmp_path: Path) -> None:
    path = write(tmp_path / "a.json", '[{"abstract": "A"}, {"abstract": "B"}]')
    assert readers.count_items(readers.input_files([path])) is None
    assert readers.count_items(readers.input_files(["-"])) is None
    listing = write(tmp_path / "l.txt", f"{ABSTRACT_1}\r\n\r\n{ABSTRACT_2}\r{ABSTRACT_1}\n")
    files = readers.input_files([listing])
    assert readers.count_items(files, format="lines") == 3 == len(read_all([listing], format="lines"))
