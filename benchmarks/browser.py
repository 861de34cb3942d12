"""How long a graph of N people takes to open and become usable in headless Chromium.

Usage: python benchmarks/browser.py [--people 5000]
"Usable" is the page's first drawing of the network (body[data-ready]); the time runs from
navigation, offline, with the file already on disk.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from playwright.sync_api import sync_playwright  # noqa: E402

from orgnet.generate import generate_municipality  # noqa: E402
from orgnet.viz.graph import draw, graph_data  # noqa: E402

FILTER = """() => new Promise(resolve => {
  const start = performance.now();
  window.orgnetGraph.network.once('afterDrawing', () => resolve(performance.now() - start));
  const select = document.getElementById('layer');
  select.value = 'formal';
  select.dispatchEvent(new Event('change'));
})"""


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--people", type=int, default=5000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    network = generate_municipality(people=args.people, seed=1)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "graph.html"
        start = time.perf_counter()
        draw(graph_data(network), path, lang="en", size_by="degree")
        built = time.perf_counter() - start
        print(f"{len(network.people)} people, {len(network.ties)} ties: page built in {built:.1f} s, {path.stat().st_size / 1e6:.1f} MB")
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"])
            for attempt in range(args.repeat):
                context = browser.new_context(offline=True, viewport={"width": 1400, "height": 900})
                page = context.new_page()
                page.goto(path.as_uri(), wait_until="commit")
                page.wait_for_selector("body[data-ready='1']", timeout=120_000)
                opened = int(page.get_attribute("body", "data-ready-ms")) / 1000  # from navigation start
                filtered = page.evaluate(FILTER) / 1000
                print(f"  run {attempt + 1}: first drawing {opened:.2f} s after navigation; layer filter redrawn in {filtered:.2f} s")
                context.close()
            browser.close()


if __name__ == "__main__":
    main()
