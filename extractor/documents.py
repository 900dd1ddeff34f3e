"""Documents as the readers hand them to backends, and read failures."""

from __future__ import annotations

from dataclasses import dataclass, field

#: Documents longer than this many characters are refused (``--max-chars``).
#: A full paper is 50-100k characters; 2M leaves room for books of supplements
#: while stopping a mis-detected binary or a whole database dump read as one text.
DEFAULT_MAX_CHARS = 2_000_000


@dataclass(frozen=True, slots=True)
class Document:
    """One document to extract from.

    Attributes:
        doc_id: Stable id, from the input's id field or the file name and position.
        text: The exact text handed to the backend; evidence quotes are substrings of it.
        title: Title, when the input carries one separately from ``text``.
        source: Where it came from, for messages: ``path``, ``path:line`` or ``<stdin>:line``.
        registry_ids: Registry numbers the input gives as metadata (PubMed DataBank).
        warnings: Problems met reading it that did not stop it (a title without an
            abstract); the batch job copies them into the document's result.
    """

    doc_id: str
    text: str
    title: str | None = None
    source: str | None = None
    registry_ids: tuple[str, ...] = field(default_factory=tuple)
    warnings: tuple[str, ...] = field(default_factory=tuple)

    def failed(self, reason: str) -> DocumentError:
        """This document's failure, for the errors file: its id, where it came from, and ``reason``."""
        return DocumentError(source=self.source or self.doc_id, reason=reason, doc_id=self.doc_id)


@dataclass(frozen=True, slots=True)
class DocumentError:
    """A document, or a piece of input, that could not be read.

    Attributes:
        source: File and line (or record number) it came from.
        reason: What went wrong, in words a user can act on.
        doc_id: Its id when one could be read, else None.
    """

    source: str
    reason: str
    doc_id: str | None = None


class InputError(Exception):
    """An input as a whole cannot be read (missing file, unknown format): a usage error."""
