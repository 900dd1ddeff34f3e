"""trialx: clinical-trial literature in, typed and traceable trial records out.

Python use::

    from extractor import extract
    result = extract("In this randomised phase III trial (NCT01234567) ...")
    result.trials[0].results

``extract_documents`` streams many documents, as ``trialx extract`` does.
"""

from extractor.api import VERSION as __version__
from extractor.api import extract, extract_documents
from extractor.documents import Document, DocumentError
from extractor.models import DocumentResult, Result, TrialRecord

__all__ = [
    "Document",
    "DocumentError",
    "DocumentResult",
    "Result",
    "TrialRecord",
    "__version__",
    "extract",
    "extract_documents",
]
