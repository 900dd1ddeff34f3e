"""trialx: clinical-trial literature in, typed and traceable trial records out.

Python use::

    from extractor import extract
    result = extract("In this randomised phase III trial (NCT01234567) ...")
    result.trials[0].results

``extract_documents`` streams many documents, as ``trialx extract`` does; an ``Extractor``
owns one backend (the LLM backend's client and thread) until it is closed::

    with Extractor(backend="openai", model="gpt-4o-mini") as extractor:
        extractor.extract(text)
"""

from extractor.api import VERSION as __version__
from extractor.api import Extractor, extract, extract_documents
from extractor.documents import Document, DocumentError
from extractor.models import DocumentResult, Result, TrialRecord

__all__ = [
    "Document",
    "DocumentError",
    "DocumentResult",
    "Extractor",
    "Result",
    "TrialRecord",
    "__version__",
    "extract",
    "extract_documents",
]
