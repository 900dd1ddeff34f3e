"""Read input files into documents: plain text, abstract listings, JSON, JSONL, CSV, PubMed XML.

Any of them may be compressed with gzip, bzip2 or xz: the compression is told by the
file's first bytes (not its name) and undone as the file streams. Format detection and
doc ids go by the name without its compression suffix (``batch.jsonl.gz`` is JSONL, and
its documents are ``batch.jsonl#1``...).

``read_documents`` streams one ``Document`` (or one ``DocumentError``) per document,
so a bad record never stops a run and a large JSONL, CSV or PubMed file never sits
in memory whole. Usage errors (a missing file, a glob matching nothing, an unknown
format name) raise ``InputError`` when ``read_documents`` is called, before anything
is read.

Document ids are stable across runs and never depend on the current directory:
they come from the record's id field, or from the file's base name and position.
"""

from __future__ import annotations

import bz2
import csv
import dataclasses
import glob
import gzip
import io
import itertools
import json
import lzma
import os
import re
import sys
import xml.etree.ElementTree as ET
import zlib
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import AbstractContextManager, closing, contextmanager, nullcontext
from dataclasses import dataclass
from pathlib import PurePath
from typing import TYPE_CHECKING, BinaryIO, cast

from extractor.documents import DEFAULT_MAX_CHARS, Document, DocumentError, InputError

if TYPE_CHECKING:
    from _typeshed import WriteableBuffer

FORMATS = ("text", "lines", "json", "jsonl", "pubmed", "csv", "tsv")

#: The input name meaning "read standard input".
STDIN = "-"

#: Suffixes picked up when walking a directory, also beneath a compression suffix (``.xml.gz``).
#: Files named explicitly are read whatever their suffix.
INPUT_SUFFIXES = frozenset(
    {".txt", ".md", ".text", ".lines", ".json", ".jsonl", ".ndjson", ".xml", ".csv", ".tsv"}
)

#: Compression suffixes: a compressed file is found, detected and named by the name beneath.
COMPRESSION_SUFFIXES = frozenset({".gz", ".bz2", ".xz"})

Item = Document | DocumentError

# Compressed streams, told by their first bytes, and how to open one for reading
# (``open_input`` closes what these open).
_MAGIC: tuple[tuple[bytes, Callable[[BinaryIO], io.BufferedIOBase]], ...] = (
    (b"\x1f\x8b", lambda raw: gzip.GzipFile(fileobj=raw, mode="rb")),
    # "BZh" and a block size: ASCII, unlike the others, so the size digit is checked too.
    *((b"BZh%d" % level, lambda raw: bz2.BZ2File(raw, mode="rb")) for level in range(1, 10)),
    (b"\xfd7zXZ\x00", lambda raw: lzma.LZMAFile(raw, mode="rb")),  # noqa: SIM115
)
_MAGIC_BYTES = max(len(magic) for magic, _ in _MAGIC)

# What a damaged compressed stream raises, beside OSError (bad gzip/bzip2 data).
_DECOMPRESSION_ERRORS = (EOFError, lzma.LZMAError, zlib.error)

# Formats that a suffix settles without looking at the content.
_SUFFIX_FORMATS = {
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".csv": "csv",
    ".tsv": "csv",
    ".lines": "lines",
}

# Keys that, in a top-level JSON object without a text field, hold the list of records.
# Any other key holding a list of objects is accepted too, after these.
_RECORD_LIST_KEYS = ("records", "documents", "articles", "data", "items", "results")

# Id fields whose values are only unique within their own namespace get a prefix,
# so a PMID and an arbitrary numeric id can never collide.
_ID_PREFIXES = {"pmid": "pmid-", "doi": "doi-"}

# In a "lines" listing every line is a whole abstract; shorter lines mean prose or headings.
_MIN_LISTING_LINE_CHARS = 150

# Detection looks at this much of an input. A megabyte covers whole listings and papers,
# so the "lines" rule is exact for them, and costs little for a large JSONL or CSV file.
_HEAD_BYTES = 1 << 20
# The head is extended to the end of its last line, and to a second line (a JSONL record
# can be a whole paper), but not without bound: a huge one-line file is not worth holding twice.
_MAX_HEAD_LINE_BYTES = 64 << 20

#: The warning a document read from a title alone carries into its result.
TITLE_ONLY = "no abstract: extracted from the title alone"

_BOM = "\ufeff"
_STDIN_DISPLAY = "<stdin>"
_STDIN_NAME = "stdin"


@dataclass(frozen=True)
class FieldNames:
    """Which record fields hold the text, title and id; the first present non-empty one wins.

    Attributes:
        text: Fields holding the document text.
        title: Fields holding the title, passed on as ``Document.title``.
        id: Fields holding the document id. ``pmid`` and ``doi`` values get a
            ``pmid-``/``doi-`` prefix; any other field's value is used as is.
    """

    text: tuple[str, ...] = ("abstract", "text", "AbstractText", "body")
    title: tuple[str, ...] = ("title", "ArticleTitle")
    id: tuple[str, ...] = ("id", "pmid", "doi")


_DEFAULT_FIELDS = FieldNames()


@dataclass
class ReadStats:
    """What reading met besides documents and errors, for the job summary.

    Attributes:
        deleted: PMIDs listed in PubMed ``<DeleteCitation>`` entries (skipped: no text to read).
    """

    deleted: int = 0


@dataclass(frozen=True)
class _Context:
    """What a reader needs to know about the input it reads."""

    path: str  # as the user gave it, for messages (``<stdin>`` for standard input)
    name: str  # the base for position-derived doc ids: the file's base name, or ``stdin``
    fields: FieldNames
    max_chars: int
    stats: ReadStats = dataclasses.field(default_factory=ReadStats)


Reader = Callable[[BinaryIO, _Context], Iterator[Item]]


# --------------------------------------------------------------------------- inputs


@dataclass(frozen=True)
class InputFile:
    """One file to read, and the base of the doc ids drawn from its name and positions.

    Attributes:
        path: The file, joined onto the input as given; ``-`` for standard input.
        name: Base of position-derived doc ids: the base name of a file named on its own,
            the path relative to the named directory (``a/abstract.txt``, ``/`` as separator)
            for a file found by walking a directory or by a glob (relative to the glob's
            leading directory), and ``stdin`` for standard input.
    """

    path: str
    name: str


def expand_inputs(inputs: Sequence[str]) -> list[str]:
    """Turn command-line inputs into the list of files to read.

    Each input is a file, a directory (walked recursively, hidden entries and files
    with other suffixes than ``INPUT_SUFFIXES`` skipped, files sorted by path), a glob
    pattern (``**`` allowed; matched directories are walked like named ones) or ``-``
    for standard input. Order is kept and duplicates are dropped.

    Args:
        inputs: Paths, directories, glob patterns or ``-``.

    Returns:
        File paths, joined onto the input as given, and ``-`` for standard input.

    Raises:
        InputError: A path does not exist, a glob matches nothing, or a named
            directory holds no input file.
    """
    return [file.path for file in input_files(inputs)]


def input_files(inputs: Sequence[str]) -> list[InputFile]:
    """``expand_inputs`` with each file's doc id base (see ``InputFile``)."""
    files: list[InputFile] = []
    seen: set[str] = set()
    for item in inputs:
        for file in _expand_one(item):
            # Compare resolved paths so that ``a.txt`` and ``./a.txt`` are read once.
            key = file.path if file.path == STDIN else os.path.realpath(file.path)
            if key not in seen:
                seen.add(key)
                files.append(file)
    return files


def _expand_one(item: str) -> list[InputFile]:
    if item == STDIN:
        return [InputFile(STDIN, _STDIN_NAME)]
    if os.path.isdir(item):
        files = _walk_directory(item, item)
        if not files:
            suffixes = ", ".join(sorted(INPUT_SUFFIXES))
            raise InputError(f"no input file in directory {item} (looked for {suffixes})")
        return files
    if os.path.exists(item):
        return [InputFile(item, plain_name(os.path.basename(item)))]
    if _is_glob(item):
        matches = sorted(glob.glob(item, recursive=True))
        if not matches:
            raise InputError(f"no file matches {item}")
        # A matched directory stands for its files, as it would had the shell expanded the glob.
        root = _glob_root(item)
        return [file for match in matches for file in _glob_match_files(match, root)]
    raise InputError(f"no such file: {item}")


def _glob_match_files(match: str, root: str) -> list[InputFile]:
    if os.path.isdir(match):
        return _walk_directory(match, root)
    return [InputFile(match, _relative_name(match, root))]


def _glob_root(pattern: str) -> str:
    """The directories a glob names before its first wildcard: ``tree`` for ``tree/*/x.txt``."""
    parts = PurePath(pattern).parts[:-1]
    fixed = list(itertools.takewhile(lambda part: not _is_glob(part), parts))
    return os.path.join(*fixed) if fixed else os.curdir


def _relative_name(path: str, root: str) -> str:
    return plain_name(PurePath(os.path.relpath(path, root)).as_posix())


def plain_name(path: str) -> str:
    """``path`` without a compression suffix: ``a/batch.jsonl.gz`` -> ``a/batch.jsonl``."""
    suffix = PurePath(path).suffix
    return path[: -len(suffix)] if suffix.lower() in COMPRESSION_SUFFIXES else path


def _is_glob(item: str) -> bool:
    return any(char in item for char in "*?[")


def _walk_directory(directory: str, root: str) -> list[InputFile]:
    found: list[tuple[str, ...]] = []
    for walked, dirs, files in os.walk(directory):
        # Pruning in place stops os.walk from descending into hidden directories (.git, .cache).
        dirs[:] = [name for name in dirs if not name.startswith(".")]
        relative = PurePath(os.path.relpath(walked, directory)).parts
        relative = tuple(part for part in relative if part != ".")
        found.extend((*relative, name) for name in files if _is_input_file(name))
    # Sorting path components (not strings) keeps a directory's files together: "a/b" < "a-b".
    paths = [os.path.join(directory, *parts) for parts in sorted(found)]
    return [InputFile(path, _relative_name(path, root)) for path in paths]


def _is_input_file(name: str) -> bool:
    return not name.startswith(".") and _suffix(name) in INPUT_SUFFIXES


# --------------------------------------------------------------------------- detection


def detect_format(path: str, head: bytes) -> str:
    """Decide how to read an input, from its suffix and then its content.

    ``.jsonl``/``.ndjson`` are JSONL; ``.json`` is JSON unless it holds one object per
    line; ``.xml`` must be PubMed XML; ``.csv``/``.tsv`` are CSV; ``.lines`` is a
    listing; anything else is a listing ("lines") when every non-empty line is a
    whole abstract, else one text. Suffixes are read beneath a compression suffix
    (``x.xml.gz`` is ``.xml``). Standard input (``-``) is sniffed: ``{`` is JSONL
    (or JSON when it is a single value), ``[`` JSON, ``<`` PubMed XML, anything else
    text or lines.

    Args:
        path: The input as given, or ``-`` for standard input.
        head: The first bytes of the input (decompressed), ideally ending at a line boundary;
            the "lines" rule is exact only when this is the whole input.

    Returns:
        One of ``FORMATS``.

    Raises:
        InputError: The input is XML but not PubMed XML.
    """
    text = _normalise_newlines(head.decode("utf-8", errors="replace").removeprefix(_BOM))
    if path == STDIN:
        return _sniff_stdin(text)
    suffix = _suffix(path)
    if suffix in _SUFFIX_FORMATS:
        return _SUFFIX_FORMATS[suffix]
    if suffix == ".json":
        return _json_or_jsonl(text)
    if suffix == ".xml":
        return _require_pubmed(path, text)
    return _lines_or_text(text)


def _suffix(path: str) -> str:
    """The suffix that names the format, beneath any compression suffix: ``.xml`` for ``x.xml.gz``."""
    return PurePath(plain_name(path)).suffix.lower()


def _sniff_stdin(text: str) -> str:
    start = text.lstrip()[:1]
    if start == "{":
        return _json_or_jsonl(text)
    if start == "[":
        return "json"
    if start == "<":
        return _require_pubmed(_STDIN_DISPLAY, text)
    return _lines_or_text(text)


def _json_or_jsonl(text: str) -> str:
    """JSONL when the first line is a whole JSON object and more content follows it."""
    first, _, rest = text.lstrip().partition("\n")
    if not rest.strip():
        return "json"
    try:
        return "jsonl" if isinstance(json.loads(first), dict) else "json"
    except json.JSONDecodeError:
        return "json"  # e.g. a pretty-printed object, whose first line is "{"


def _require_pubmed(path: str, text: str) -> str:
    # "<PubmedArticle" also matches "<PubmedArticleSet".
    if "<PubmedArticle" in text:
        return "pubmed"
    raise InputError(f"{path} is XML but not PubMed XML (no <PubmedArticle> element)")


def _lines_or_text(text: str) -> str:
    return "lines" if _is_listing(text) else "text"


def _is_listing(text: str) -> bool:
    """Whether ``text`` is a listing: at least two lines, all long, no blank line between them."""
    lines = [line.strip() for line in text.split("\n")]
    first = next((index for index, line in enumerate(lines) if line), len(lines))
    last = next((index for index in range(len(lines) - 1, -1, -1) if lines[index]), -1)
    body = lines[first : last + 1]
    # A blank line inside the body has length 0, so the length test also rules those out.
    return len(body) >= 2 and all(len(line) >= _MIN_LISTING_LINE_CHARS for line in body)


# --------------------------------------------------------------------------- reading


def read_documents(
    inputs: Sequence[str],
    *,
    format: str | None = None,
    fields: FieldNames = _DEFAULT_FIELDS,
    max_chars: int = DEFAULT_MAX_CHARS,
    stdin: BinaryIO | None = None,
) -> Iterator[Item]:
    """Read documents from files, directories, globs and standard input.

    Inputs are expanded and checked when this is called, so usage errors surface
    before any document is produced; the files themselves are read lazily, one
    document at a time. A document or file that cannot be read yields a
    ``DocumentError`` and reading carries on.

    Args:
        inputs: Paths, directories, glob patterns, or ``-`` for standard input.
        format: One of ``FORMATS`` to read every input with, instead of detecting it.
        fields: Record field names for text, title and id (JSON, JSONL and CSV).
        max_chars: Documents longer than this many characters are refused.
        stdin: Stream read for ``-``; defaults to ``sys.stdin.buffer``.

    Returns:
        An iterator of documents and read errors, in input order.

    Raises:
        InputError: Unknown format, missing file, glob matching nothing, a
            non-positive ``max_chars``, or a CSV input without a text column.
    """
    return read_files(input_files(inputs), format=format, fields=fields, max_chars=max_chars,
                      stdin=stdin)


def read_files(
    files: Sequence[InputFile],
    *,
    format: str | None = None,
    fields: FieldNames = _DEFAULT_FIELDS,
    max_chars: int = DEFAULT_MAX_CHARS,
    stdin: BinaryIO | None = None,
    stats: ReadStats | None = None,
) -> Iterator[Item]:
    """``read_documents`` for inputs already expanded by ``input_files``.

    ``stats``, when given, is filled in as the files are read (see ``ReadStats``).

    Raises:
        InputError: Unknown format, a non-positive ``max_chars``, or a CSV file
            without a text column (checked now, before any document is read).
    """
    if format is not None and format not in _READERS:
        raise InputError(f"unknown format {format!r} (expected one of {', '.join(FORMATS)})")
    if max_chars < 1:
        raise InputError(f"max_chars must be at least 1, got {max_chars}")
    for file in files:
        chosen = format or _SUFFIX_FORMATS.get(_suffix(file.path))
        if file.path != STDIN and chosen in {"csv", "tsv"}:
            _check_csv_header(file.path, fields, "\t" if chosen == "tsv" else None)
    return _read_all(files, format, fields, max_chars, stdin, stats or ReadStats())


def _read_all(
    files: Iterable[InputFile],
    format: str | None,
    fields: FieldNames,
    max_chars: int,
    stdin: BinaryIO | None,
    stats: ReadStats,
) -> Iterator[Item]:
    for file in files:
        display = _STDIN_DISPLAY if file.path == STDIN else file.path
        context = _Context(display, file.name, fields, max_chars, stats)
        yield from _read_input(file.path, context, format, stdin)


def _read_input(
    path: str, context: _Context, format: str | None, stdin: BinaryIO | None
) -> Iterator[Item]:
    try:
        with open_input(path, stdin) as source:
            head = _read_head(source)
            try:
                chosen = format or detect_format(path, head)
            except InputError as exc:
                # Not a usage error: the other inputs are still worth reading.
                yield DocumentError(context.path, str(exc))
                return
            stream = io.BufferedReader(_Replay(head, source))
            yield from _READERS[chosen](stream, context)
    except _DECOMPRESSION_ERRORS as exc:
        # What was read before the damage stands; the rest of the file is lost.
        yield DocumentError(context.path, f"damaged compressed data: {exc}")
    except OSError as exc:
        reason = str(exc) if exc.filename else f"damaged compressed data: {exc}"
        yield DocumentError(context.path, reason)


@contextmanager
def open_input(path: str, stdin: BinaryIO | None = None) -> Iterator[BinaryIO]:
    """Open an input for reading, undoing gzip, bzip2 or xz compression told by its first bytes.

    Args:
        path: A file, or ``-`` for standard input (left open at the end: it is the caller's).
        stdin: Stream read for ``-``; defaults to ``sys.stdin.buffer``.

    Raises:
        OSError: The file cannot be opened.
    """
    with _open_raw(path, stdin) as raw, closing(_decompressed(raw)) as stream:
        yield stream


def _open_raw(path: str, stdin: BinaryIO | None) -> AbstractContextManager[BinaryIO]:
    if path != STDIN:
        return open(path, "rb")
    # Resolved here, not as a default argument, so that a replaced sys.stdin is honoured.
    # nullcontext: standard input belongs to the caller and must stay open.
    return nullcontext(stdin if stdin is not None else sys.stdin.buffer)


def _decompressed(raw: BinaryIO) -> BinaryIO:
    """``raw``, read through a decompressor when its first bytes say it is compressed."""
    magic = raw.read(_MAGIC_BYTES)
    if raw.seekable():
        raw.seek(0)
        rest = raw
    else:
        rest = io.BufferedReader(_Replay(magic, raw))  # standard input cannot be rewound
    opener = next((opener for start, opener in _MAGIC if magic.startswith(start)), None)
    # A wrapper does not close the stream it reads: closing ``rest`` never closes stdin.
    return rest if opener is None else cast(BinaryIO, opener(rest))


def _read_head(source: BinaryIO) -> bytes:
    head = source.read(_HEAD_BYTES)
    if len(head) < _HEAD_BYTES:
        return head  # the whole input
    if not head.endswith(b"\n"):
        head += source.readline(_MAX_HEAD_LINE_BYTES)
    # JSONL is told from a single JSON value by a second line: make sure one is seen.
    if head.count(b"\n") < 2:
        head += source.readline(_MAX_HEAD_LINE_BYTES)
    return head


class _Replay(io.RawIOBase):
    """A stream that gives back the already-read head before the rest of the source.

    Standard input cannot be rewound, so the bytes read for detection are replayed.
    """

    def __init__(self, head: bytes, rest: BinaryIO) -> None:
        super().__init__()
        self._head = head
        self._position = 0
        self._rest = rest

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: WriteableBuffer) -> int:
        view = memoryview(buffer).cast("B")
        if self._position < len(self._head):
            chunk = self._head[self._position : self._position + len(view)]
            self._position += len(chunk)
        else:
            chunk = self._rest.read(len(view))
        view[: len(chunk)] = chunk
        return len(chunk)


# --------------------------------------------------------------------------- shared helpers


def _document(
    doc_id: str,
    text: str,
    source: str,
    context: _Context,
    *,
    title: str | None = None,
    registry_ids: tuple[str, ...] = (),
) -> Item:
    if not text.strip():
        if title:
            return _title_only(doc_id, title, source, context, registry_ids)
        return DocumentError(source, "empty document", doc_id)
    if len(text) > context.max_chars:
        limit = context.max_chars
        reason = f"document too long: {len(text)} characters (limit {limit}, see --max-chars)"
        return DocumentError(source, reason, doc_id)
    return Document(doc_id=doc_id, text=text, title=title, source=source, registry_ids=registry_ids)


def _title_only(
    doc_id: str, title: str, source: str, context: _Context, registry_ids: tuple[str, ...]
) -> Item:
    """A record with a title and no abstract (many PubMed records): its title is its text."""
    document = _document(doc_id, title, source, context, title=title, registry_ids=registry_ids)
    if isinstance(document, DocumentError):
        return document
    return dataclasses.replace(document, warnings=(TITLE_ONLY,))


def _normalise_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _utf8_error(exc: UnicodeDecodeError, base_offset: int = 0) -> str:
    byte = exc.object[exc.start]
    return f"not valid UTF-8 (byte 0x{byte:02x} at offset {base_offset + exc.start})"


def _raw_lines(stream: BinaryIO, *, split_cr: bool = False) -> Iterator[tuple[int, int, bytes]]:
    """Yield ``(line number, byte offset, line without its terminator)`` for each line.

    With ``split_cr`` a lone CR also ends a line, matching ``_normalise_newlines``,
    so line numbers agree with what detection saw. JSON needs no such care: a CR
    is only ever whitespace there.
    """
    number = 0
    chunk_offset = 0
    for chunk in stream:
        body = chunk.removesuffix(b"\n").removesuffix(b"\r")
        offset = chunk_offset
        for part in body.split(b"\r") if split_cr else (body,):
            number += 1
            yield number, offset, part
            offset += len(part) + 1
        chunk_offset += len(chunk)


def _decode_line(
    data: bytes, number: int, offset: int, source: str, doc_id: str | None = None
) -> str | DocumentError:
    """Decode one line on its own, so that one bad line does not sink its file."""
    try:
        line = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        return DocumentError(source, _utf8_error(exc, offset), doc_id)
    return line.removeprefix(_BOM) if number == 1 else line


# --------------------------------------------------------------------------- text and lines


def _read_text(stream: BinaryIO, context: _Context) -> Iterator[Item]:
    data = stream.read()
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        yield DocumentError(context.path, _utf8_error(exc), context.name)
        return
    text = _normalise_newlines(text.removeprefix(_BOM))
    yield _document(context.name, text, context.path, context)


def _read_lines(stream: BinaryIO, context: _Context) -> Iterator[Item]:
    for number, offset, data in _raw_lines(stream, split_cr=True):
        source = f"{context.path}:{number}"
        doc_id = f"{context.name}#{number}"
        line = _decode_line(data, number, offset, source, doc_id)
        if isinstance(line, DocumentError):
            yield line
        elif line.strip():  # blank lines separate nothing in a listing: skip them
            yield _document(doc_id, line, source, context)


# --------------------------------------------------------------------------- JSON, JSONL, CSV


def _record_item(
    record: Mapping[str, object], source: str, fallback_id: str, context: _Context
) -> Item:
    """Make a document of one JSON/JSONL/CSV record."""
    fields = context.fields
    doc_id = _record_id(record, fields.id) or fallback_id
    picked = _first_filled(record, fields.text)
    title = _first_filled(record, fields.title)
    # The title is metadata and is not prepended: evidence quotes must stay substrings
    # of the text exactly as given.
    title_text = title[1].strip() if title is not None and isinstance(title[1], str) else None
    if picked is None:
        if title_text:
            return _title_only(doc_id, title_text, source, context, ())
        if any(name in record for name in fields.text):
            return DocumentError(source, "empty document", doc_id)
        reason = f"no text field (looked for {', '.join(fields.text)}) and no title"
        return DocumentError(source, reason, doc_id)
    name, text = picked
    if not isinstance(text, str):
        reason = f"text field {name!r} holds {_json_kind(text)}, not a string"
        return DocumentError(source, reason, doc_id)
    return _document(doc_id, text, source, context, title=title_text)


def _record_id(record: Mapping[str, object], names: Sequence[str]) -> str | None:
    picked = _first_filled(record, names)
    if picked is None:
        return None
    name, value = picked
    # bool is an int subclass, but a true/false id is a data error, not an id.
    if isinstance(value, bool) or not isinstance(value, str | int):
        return None
    return _ID_PREFIXES.get(name, "") + str(value).strip()


def _first_filled(record: Mapping[str, object], names: Sequence[str]) -> tuple[str, object] | None:
    for name in names:
        value = record.get(name)
        if not _is_blank(value):
            return name, value
    return None


def _is_blank(value: object) -> bool:
    if isinstance(value, str):
        return not value.strip()
    return value is None or value == [] or value == {}


def _json_kind(value: object) -> str:
    if isinstance(value, dict):
        return "an object"
    if isinstance(value, list):
        return "an array"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, bool):
        return "a boolean"
    if value is None:
        return "null"
    return "a number"


def _read_json(stream: BinaryIO, context: _Context) -> Iterator[Item]:
    data = stream.read()
    try:
        text = data.decode("utf-8").removeprefix(_BOM)
    except UnicodeDecodeError as exc:
        yield DocumentError(context.path, _utf8_error(exc))
        return
    if not text.strip():
        yield DocumentError(context.path, "empty document", context.name)
        return
    try:
        value = json.loads(text)
    except json.JSONDecodeError as exc:
        yield DocumentError(context.path, f"malformed JSON: {exc}")
        return
    yield from _json_value_items(value, context)


def _json_value_items(value: object, context: _Context) -> Iterator[Item]:
    if isinstance(value, list):
        yield from _json_array_items(value, context)
    elif not isinstance(value, dict):
        reason = f"expected a JSON object or array, got {_json_kind(value)}"
        yield DocumentError(context.path, reason)
    elif any(name in value for name in context.fields.text):
        # One object that is itself the document: named like a text file, after the file.
        yield _record_item(value, context.path, context.name, context)
    else:
        records = _record_list(value)
        if records is None:
            looked_for = ", ".join(context.fields.text)
            reason = f"no text field (looked for {looked_for}) and no list of records"
            yield DocumentError(context.path, reason)
        else:
            yield from _json_array_items(records, context)


def _record_list(value: Mapping[str, object]) -> list[object] | None:
    for key in _RECORD_LIST_KEYS:
        candidate = value.get(key)
        if isinstance(candidate, list):
            return candidate
    for candidate in value.values():
        if (
            isinstance(candidate, list)
            and candidate
            and all(isinstance(i, dict) for i in candidate)
        ):
            return candidate
    return None


def _json_array_items(items: Sequence[object], context: _Context) -> Iterator[Item]:
    for number, item in enumerate(items, 1):
        source = f"{context.path}#{number}"
        if isinstance(item, dict):
            yield _record_item(item, source, f"{context.name}#{number}", context)
        else:
            yield DocumentError(source, f"expected a JSON object, got {_json_kind(item)}")


def _read_jsonl(stream: BinaryIO, context: _Context) -> Iterator[Item]:
    for number, offset, data in _raw_lines(stream):
        source = f"{context.path}:{number}"
        line = _decode_line(data, number, offset, source)
        if isinstance(line, DocumentError):
            yield line
        elif line.strip():
            yield _jsonl_item(line, number, source, context)


def _jsonl_item(line: str, number: int, source: str, context: _Context) -> Item:
    try:
        value = json.loads(line)
    except json.JSONDecodeError as exc:
        reason = f"malformed JSON on line {number}: {exc.msg} at column {exc.colno}"
        return DocumentError(source, reason)
    if not isinstance(value, dict):
        return DocumentError(source, f"expected a JSON object, got {_json_kind(value)}")
    return _record_item(value, source, f"{context.name}#{number}", context)


def _read_csv(stream: BinaryIO, context: _Context, delimiter: str | None = None) -> Iterator[Item]:
    # The line feeder cannot yield errors through csv.reader, so it leaves them here
    # and the row loop reports them in place of the row they belong to.
    undecodable: list[DocumentError] = []
    lines = _csv_lines(stream, context.path, undecodable)
    try:
        opened = _csv_open(lines, context.path, delimiter, context.max_chars)
    except csv.Error as exc:
        yield DocumentError(f"{context.path}:1", f"malformed CSV header: {exc}")
        return
    if opened is None:
        return
    reader, header = opened
    if undecodable:
        yield from undecodable  # without a header no row can be read
        return
    _require_text_column(context.path, header, context.fields)
    try:
        yield from _csv_rows(reader, header, undecodable, context)
    except csv.Error as exc:
        yield DocumentError(f"{context.path}:{reader.line_num}", f"malformed CSV: {exc}")


def _csv_open(lines: Iterator[str], path: str, delimiter: str | None = None,
              max_chars: int = DEFAULT_MAX_CHARS) -> tuple[_CsvReader, list[str]] | None:
    """A reader over ``lines`` and the header it starts with; None for an empty file."""
    first = next(lines, None)
    if first is None:
        return None
    reader = _CsvReader(itertools.chain([first], lines), delimiter or _csv_delimiter(path, first), max_chars)
    return reader, [name.strip() for name in next(reader)]


class _CsvReader:
    """``csv.reader`` that takes fields up to ``max_chars`` long, so that a long field gets the usual
    "too long" message. The csv module refuses fields over 128 KiB (less than a full paper) and its
    limit is process-wide: it is raised only while a row is read, then put back as it was."""

    def __init__(self, lines: Iterable[str], delimiter: str, max_chars: int) -> None:
        self._reader = csv.reader(lines, delimiter=delimiter)
        self._limit = min(max_chars + 1, 2**31 - 1)  # within a C long on every platform

    def __iter__(self) -> _CsvReader:
        return self

    def __next__(self) -> list[str]:
        before = csv.field_size_limit()
        if before >= self._limit:
            return next(self._reader)
        csv.field_size_limit(self._limit)
        try:
            return next(self._reader)
        finally:
            csv.field_size_limit(before)

    @property
    def line_num(self) -> int:
        return self._reader.line_num


def _check_csv_header(path: str, fields: FieldNames, delimiter: str | None = None) -> None:
    """Raise ``InputError`` now when the CSV file at ``path`` has no text column."""
    try:
        with open_input(path) as stream:
            opened = _csv_open(_csv_lines(stream, path, []), path, delimiter)
    except (OSError, csv.Error, *_DECOMPRESSION_ERRORS):
        return  # reported in place when the file is read
    if opened is not None:
        _require_text_column(path, opened[1], fields)


def _require_text_column(path: str, header: list[str], fields: FieldNames) -> None:
    # Every row would fail alike: one usage error naming the columns says what to fix.
    if not set(header) & set(fields.text):
        raise InputError(
            f"{path} has no text column (looked for {', '.join(fields.text)}); its columns are "
            f"{', '.join(repr(name) for name in header)}: name the text column with --text-field"
        )


def _csv_lines(stream: BinaryIO, path: str, undecodable: list[DocumentError]) -> Iterator[str]:
    # Lines keep their terminators: csv.reader needs them inside quoted multi-line fields.
    offset = 0
    for number, chunk in enumerate(stream, 1):
        try:
            line = chunk.decode("utf-8")
        except UnicodeDecodeError as exc:
            undecodable.append(DocumentError(f"{path}:{number}", _utf8_error(exc, offset)))
            line = chunk.decode("utf-8", errors="surrogateescape")
        offset += len(chunk)
        yield line.removeprefix(_BOM) if number == 1 else line


def _csv_delimiter(path: str, header_line: str) -> str:
    if _suffix(path) == ".tsv":
        return "\t"
    # No suffix to go by (stdin, --format csv): a header with more tabs than commas is a TSV.
    return "\t" if header_line.count("\t") > header_line.count(",") else ","


def _csv_rows(
    reader: _CsvReader, header: list[str], undecodable: list[DocumentError], context: _Context
) -> Iterator[Item]:
    number = 0
    while True:
        # A row starts right after the previous one ended; blank lines come back as empty rows.
        start = reader.line_num + 1
        row = next(reader, None)
        if row is None:
            return
        if not undecodable and not any(cell.strip() for cell in row):
            continue
        number += 1
        if undecodable:
            yield from undecodable
            undecodable.clear()
            continue
        # A short row lacks its last fields; cells beyond the header have no name and are dropped.
        record = dict(zip(header, row, strict=False))
        yield _record_item(record, f"{context.path}:{start}", f"{context.name}#{number}", context)


# --------------------------------------------------------------------------- PubMed XML


def _read_pubmed(stream: BinaryIO, context: _Context) -> Iterator[Item]:
    count = 0
    depth = 0
    root: ET.Element | None = None
    try:
        for event, element in ET.iterparse(stream, events=("start", "end")):
            if event == "start":
                if root is None:
                    root = element
                    if root.tag not in ("PubmedArticleSet", "PubmedArticle"):
                        reason = f"not PubMed XML: the root element is <{root.tag}>"
                        yield DocumentError(context.path, reason)
                        return
                depth += 1
                continue
            depth -= 1
            if depth > 1:
                continue  # inside an article: leave it to be built whole
            if element.tag == "PubmedArticle":
                count += 1
                yield _pubmed_item(element, count, context)
            elif element.tag == "DeleteCitation" and depth == 1:
                # A baseline or update file withdrawing earlier records: nothing to read, only to count.
                context.stats.deleted += len(element.findall("PMID"))
            if depth == 1 and root is not None and root.tag != "PubmedArticle":
                # Drop finished articles (and other top-level entries) so memory stays flat.
                root.clear()
    except ET.ParseError as exc:
        yield DocumentError(context.path, f"malformed XML: {exc}")


def _pubmed_item(article: ET.Element, number: int, context: _Context) -> Item:
    source = f"{context.path}#{number}"
    pmid = _element_text(article.find("MedlineCitation/PMID"))
    doc_id = f"pmid-{pmid}" if pmid else f"{context.name}#{number}"
    citation = article.find("MedlineCitation/Article")
    if citation is None:
        return DocumentError(source, "no MedlineCitation/Article element", doc_id)
    abstract = citation.iterfind("Abstract/AbstractText")
    paragraphs = [_abstract_paragraph(element) for element in abstract]
    text = "\n\n".join(paragraph for paragraph in paragraphs if paragraph)
    title = _element_text(citation.find("ArticleTitle")) or None
    if not text and not title:
        return DocumentError(source, "no abstract and no title (looked for Abstract/AbstractText, ArticleTitle)",
                             doc_id)
    accessions = citation.iterfind("DataBankList/DataBank/AccessionNumberList/AccessionNumber")
    registry_ids = tuple(accession for accession in map(_element_text, accessions) if accession)
    return _document(doc_id, text, source, context, title=title, registry_ids=registry_ids)


def _abstract_paragraph(element: ET.Element) -> str:
    # Structured abstracts label their sections (BACKGROUND, METHODS...); keep the labels
    # in the text, since they say whether a number is a design target or a result.
    body = _element_text(element)
    label = (element.get("Label") or "").strip()
    return f"{label}: {body}" if label and body else body


def _element_text(element: ET.Element | None) -> str:
    # itertext keeps the text inside inline markup such as <i>, <sup> and <sub>.
    return "".join(element.itertext()).strip() if element is not None else ""


_READERS: dict[str, Reader] = {
    "text": _read_text,
    "lines": _read_lines,
    "json": _read_json,
    "jsonl": _read_jsonl,
    "pubmed": _read_pubmed,
    "csv": _read_csv,
    "tsv": lambda stream, context: _read_csv(stream, context, delimiter="\t"),  # tabs, whatever the name
}


# --------------------------------------------------------------------------- counting


def count_items(
    files: Sequence[InputFile], *, format: str | None = None, max_chars: int = DEFAULT_MAX_CHARS
) -> int | None:
    """How many items (documents and read errors) reading ``files`` gives: a progress total.

    Each file is scanned as a stream, never held whole: a listing or JSONL file counts
    its non-blank lines, CSV its rows, PubMed XML its ``<PubmedArticle>`` tags, a text
    file is one. Malformed input can make the count differ a little from what is read.

    Returns:
        The count, or None when it is not cheap to know: standard input (it cannot be
        read twice) and JSON (only parsing the whole file tells).
    """
    total = 0
    for file in files:
        count = None if file.path == STDIN else _count_file(file.path, format, max_chars)
        if count is None:
            return None
        total += count
    return total


def _count_file(path: str, format: str | None, max_chars: int) -> int | None:
    try:
        with open_input(path) as source:  # a compressed file is counted through its decompressor
            head = _read_head(source)
            chosen = format or detect_format(path, head)
            counter = _COUNTERS.get(chosen)
            stream = io.BufferedReader(_Replay(head, source))
            return None if counter is None else counter(stream, path, max_chars)
    except (csv.Error, *_DECOMPRESSION_ERRORS):
        return None
    except (OSError, InputError):
        return 1  # read as one error


def _count_lines(stream: BinaryIO, path: str, max_chars: int) -> int:
    return sum(1 for line in stream for part in line.split(b"\r") if part.strip())


def _count_jsonl(stream: BinaryIO, path: str, max_chars: int) -> int:
    return sum(1 for line in stream if line.strip())


def _count_csv(stream: BinaryIO, path: str, max_chars: int, delimiter: str | None = None) -> int:
    opened = _csv_open(_csv_lines(stream, path, []), path, delimiter, max_chars)
    if opened is None:
        return 0
    return sum(1 for row in opened[0] if any(cell.strip() for cell in row))


_COUNT_CHUNK_BYTES = 1 << 20
_ARTICLE_START = b"<PubmedArticle"
_ARTICLE_TAG = re.compile(re.escape(_ARTICLE_START) + rb"[\s>/]")


def _count_pubmed(stream: BinaryIO, path: str, max_chars: int) -> int:
    count, tail = 0, b""
    while chunk := stream.read(_COUNT_CHUNK_BYTES):
        data = tail + chunk
        count += len(_ARTICLE_TAG.findall(data))
        # Too short to hold a whole tag (so none is counted twice), long enough to finish one.
        tail = data[-len(_ARTICLE_START) :]
    return count


_COUNTERS: dict[str, Callable[[BinaryIO, str, int], int]] = {
    "text": lambda stream, path, max_chars: 1,
    "lines": _count_lines,
    "jsonl": _count_jsonl,
    "csv": _count_csv,
    "tsv": lambda stream, path, max_chars: _count_csv(stream, path, max_chars, "\t"),
    "pubmed": _count_pubmed,
}
