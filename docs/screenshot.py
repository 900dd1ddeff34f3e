"""Take docs/review.png: the review app's document view, in Debian's chromium (headless).

    .venv/bin/python docs/screenshot.py [OUT.png]

Extracts the bundled Nature Medicine listing with the rule backend into a temporary run,
serves it with an empty gold directory, opens the EDGE-Gastric entry and clicks the
highlight of its second sentence of results, as a person would.
"""

from __future__ import annotations

import shutil
import sys
import tempfile
import threading
from pathlib import Path

from extractor.pipeline import JobOptions, run_job
from extractor.review import Review, ReviewServer
from extractor.testing.cdp import Browser

ROOT = Path(__file__).resolve().parent.parent
DOC_ID = "nature-medicine-listing.txt#3"


def main(out: Path) -> None:
    chromium = shutil.which("chromium")
    if chromium is None:
        sys.exit("Debian's chromium is needed (apt-get install chromium)")
    with tempfile.TemporaryDirectory() as tmp:
        run = Path(tmp) / "run.jsonl"
        run_job(JobOptions(inputs=[str(ROOT / "examples" / "nature-medicine-listing.txt")], output=str(run)))
        server = ReviewServer(Review(run, gold_dir=Path(tmp) / "gold"))
        threading.Thread(target=server.serve_forever, daemon=True).start()
        try:
            with Browser(chromium, Path(tmp) / "profile", size=(1500, 950)) as browser:
                page = browser.open(server.url)
                page.wait("document.body.dataset.ready === 'true'")
                page.click(f'#documents li[data-doc-id="{DOC_ID}"]')
                page.wait("document.querySelectorAll('#text mark').length > 1")
                page.click('#text mark[data-results~="0.3"]')
                page.wait("document.querySelector('fieldset.result.selected') !== null")
                page.screenshot(out)
        finally:
            server.shutdown()
            server.server_close()
    print(f"wrote {out}")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "docs" / "review.png")
