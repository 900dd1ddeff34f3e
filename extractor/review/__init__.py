"""The review app (``trialx review``): check a run's records against their evidence, correct them, save gold.

- ``store``: what the app shows and writes: the run's records (and a second run's), each
  document's text, the gold files; checking an edited record and saving it as gold.
- ``diff``: two runs' records of a document side by side, with the gold file's values.
- ``server``: the local HTTP server (standard library) with its per-run token, serving the
  API and the plain JS/CSS front-end in ``static/``.

Nothing here changes process-wide state; the CLI owns signals and the browser.
"""

from __future__ import annotations

from extractor.review.server import ReviewServer
from extractor.review.store import DocIdRefused, GoldExists, NotFound, Review, SaveRefused

__all__ = ["DocIdRefused", "GoldExists", "NotFound", "Review", "ReviewServer", "SaveRefused"]
