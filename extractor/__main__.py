"""``python -m extractor`` is ``trialx``."""

from extractor.cli import app

app(prog_name="trialx")
