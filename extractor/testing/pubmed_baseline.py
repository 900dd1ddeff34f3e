"""PubMed baseline-shaped files made from local abstracts, for tests and benchmarks.

A PubMed baseline file is a gzipped ``PubmedArticleSet`` of up to 30,000 ``PubmedArticle``
records (MedlineCitation with PMID, journal, title, labelled abstract sections, authors,
MeSH headings, DataBank accessions; PubmedData with history and article ids), followed by
a ``DeleteCitation`` list of withdrawn PMIDs. ``write_baseline`` writes one in that shape
from any records with an ``abstract`` and a ``title``, so nothing is ever downloaded.
"""

from __future__ import annotations

import gzip
import itertools
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from xml.sax.saxutils import escape

_HEADER = (
    '<?xml version="1.0" encoding="utf-8"?>\n'
    '<!DOCTYPE PubmedArticleSet PUBLIC "-//NLM//DTD PubMedArticle, 1st January 2025//EN" '
    '"https://dtd.nlm.nih.gov/ncbi/pubmed/out/pubmed_250101.dtd">\n'
    "<PubmedArticleSet>\n"
)

# "BACKGROUND: ..." at the start of a line or after a sentence: a structured abstract's section label.
_LABEL = re.compile(r"(?:^|(?<=[.\n]))\s*(?:ABSTRACT\.)?([A-Z][A-Z /]{2,30}):\s*")
_NCT = re.compile(r"NCT\d{8}")


def baseline_articles(records: Sequence[Mapping[str, object]], count: int, first_pmid: int = 30_000_001
                      ) -> Iterator[str]:
    """``count`` ``<PubmedArticle>`` elements, cycling through ``records``, with PMIDs from ``first_pmid``."""
    cycled = itertools.islice(itertools.cycle(records), count)
    for pmid, record in enumerate(cycled, first_pmid):
        yield _article(pmid, str(record.get("title") or ""), str(record.get("abstract") or ""))


def write_baseline(path: str | Path, records: Sequence[Mapping[str, object]], count: int,
                   deleted: Iterable[int] = ()) -> Path:
    """Write a baseline-shaped file (gzipped when ``path`` ends in ``.gz``) and return its path.

    Args:
        path: Where to write.
        records: Records with ``title`` and ``abstract``; cycled until ``count`` articles are written.
        count: How many ``<PubmedArticle>`` records to write.
        deleted: PMIDs listed in a closing ``<DeleteCitation>`` (none: no such element).
    """
    path = Path(path)
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "wt", encoding="utf-8") as out:
        out.write(_HEADER)
        for article in baseline_articles(records, count):
            out.write(article)
        pmids = "".join(f'<PMID Version="1">{pmid}</PMID>' for pmid in deleted)
        if pmids:
            out.write(f"<DeleteCitation>{pmids}</DeleteCitation>\n")
        out.write("</PubmedArticleSet>\n")
    return path


def _article(pmid: int, title: str, abstract: str) -> str:
    sections = "".join(_abstract_texts(abstract))
    accessions = "".join(f"<AccessionNumber>{nct}</AccessionNumber>" for nct in dict.fromkeys(_NCT.findall(abstract)))
    databank = (f"<DataBankList CompleteYN=\"Y\"><DataBank><DataBankName>ClinicalTrials.gov</DataBankName>"
                f"<AccessionNumberList>{accessions}</AccessionNumberList></DataBank></DataBankList>"
                if accessions else "")
    return (
        f'<PubmedArticle><MedlineCitation Status="MEDLINE" Owner="NLM" IndexingMethod="Automated">'
        f'<PMID Version="1">{pmid}</PMID><DateCompleted><Year>2024</Year><Month>05</Month><Day>14</Day>'
        f'</DateCompleted><Article PubModel="Print-Electronic"><Journal><ISSN IssnType="Electronic">1234-5678</ISSN>'
        f'<JournalIssue CitedMedium="Internet"><Volume>12</Volume><Issue>3</Issue><PubDate><Year>2024</Year>'
        f"<Month>Mar</Month></PubDate></JournalIssue><Title>Journal of Clinical Trials</Title>"
        f"<ISOAbbreviation>J Clin Trials</ISOAbbreviation></Journal><ArticleTitle>{escape(title)}</ArticleTitle>"
        f"<Pagination><MedlinePgn>101-110</MedlinePgn></Pagination>"
        f"<Abstract>{sections}<CopyrightInformation>(c) 2024 The Authors.</CopyrightInformation></Abstract>"
        f'<AuthorList CompleteYN="Y"><Author ValidYN="Y"><LastName>Doe</LastName><ForeName>Jane</ForeName>'
        f"<Initials>J</Initials><AffiliationInfo><Affiliation>Department of Oncology, Example University."
        f'</Affiliation></AffiliationInfo></Author></AuthorList><Language>eng</Language>{databank}'
        f'<PublicationTypeList><PublicationType UI="D016449">Randomized Controlled Trial</PublicationType>'
        f"</PublicationTypeList></Article><MedlineJournalInfo><Country>England</Country>"
        f"<MedlineTA>J Clin Trials</MedlineTA><NlmUniqueID>101234567</NlmUniqueID></MedlineJournalInfo>"
        f'<MeshHeadingList><MeshHeading><DescriptorName UI="D006801" MajorTopicYN="N">Humans</DescriptorName>'
        f'</MeshHeading></MeshHeadingList></MedlineCitation><PubmedData><History><PubMedPubDate PubStatus="pubmed">'
        f"<Year>2024</Year><Month>3</Month><Day>2</Day></PubMedPubDate></History>"
        f"<PublicationStatus>ppublish</PublicationStatus><ArticleIdList>"
        f'<ArticleId IdType="pubmed">{pmid}</ArticleId></ArticleIdList></PubmedData></PubmedArticle>\n'
    )


def _abstract_texts(abstract: str) -> Iterator[str]:
    """``<AbstractText>`` elements: one per labelled section, or one unlabelled for a plain abstract."""
    parts = _LABEL.split(abstract.strip())
    if len(parts) == 1:
        yield f"<AbstractText>{escape(abstract.strip())}</AbstractText>"
        return
    if parts[0].strip():
        yield f"<AbstractText>{escape(parts[0].strip())}</AbstractText>"
    for label, body in zip(parts[1::2], parts[2::2], strict=True):
        category = label.strip().upper()
        yield (f'<AbstractText Label="{escape(category)}" NlmCategory="{escape(category.split()[0])}">'
               f"{escape(body.strip())}</AbstractText>")
