"""The eval harness, apart from the extraction pipeline: gold files (``gold``), their scoring
(``scoring``), runs of a backend over a gold set and the quality gate (``harness``), the layout
invariance check (``layouts``), the HTML report (``report_html``) and report comparison (``compare``).

The extraction pipeline (readers, structure, backends, pipeline, API, CLI start-up) never imports
this package (a test holds it); this package uses the pipeline's public API.
"""
