"""The screenshot of the graph page in docs/visual.md (docs/img/graph.png), made again the same way.

Usage: python -m tests.viz.screenshot [docs/img/graph.png] [--lang da]
The shipped municipality, coloured by level, drawn by ``orgnet graph`` and opened offline in
headless Chromium (Playwright, /usr/bin/chromium) at 1400 × 860, with the tooltip of P0001.
"""

from __future__ import annotations

import argparse
import tempfile
from pathlib import Path

from playwright.sync_api import sync_playwright

import orgnet
from orgnet.viz.graph import draw, graph_data
from tests.viz.conftest import CHROMIUM

ROOT = Path(__file__).resolve().parents[2]
PERSON = "P0001"
HOVER = """id => { const g = window.orgnetGraph.network; const p = g.canvasToDOM(g.getPositions([id])[id]);
                  const r = document.getElementById('network').getBoundingClientRect(); return [p.x + r.left, p.y + r.top]; }"""


def screenshot(output: Path, *, lang: str = "da", colour_by: str = "level") -> Path:
    with tempfile.TemporaryDirectory() as folder:
        page_file = draw(graph_data(orgnet.read(ROOT / "datasets" / "skovbjerg"), colour_by=colour_by, lang=lang), Path(folder) / "graph.html")
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"])
            page = browser.new_context(offline=True, viewport={"width": 1400, "height": 860}).new_page()
            page.goto(page_file.as_uri())
            page.wait_for_selector("body[data-fitted='1']", timeout=60_000)
            x, y = page.evaluate(HOVER, PERSON)
            page.mouse.move(x, y)
            page.wait_for_selector("div.vis-tooltip", state="visible", timeout=30_000)
            page.screenshot(path=str(output))
            browser.close()
    return output


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("output", nargs="?", type=Path, default=ROOT / "docs" / "img" / "graph.png")
    parser.add_argument("--lang", default="da", choices=("en", "da"))
    args = parser.parse_args()
    print(screenshot(args.output, lang=args.lang))


if __name__ == "__main__":
    main()
