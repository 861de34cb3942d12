"""`make screenshots`: every page orgnet writes, in Danish on the shipped municipality, drawn by
headless Chromium (offline) into docs/img/ — the pictures the docs show.

Usage: python scripts/screenshots.py [--out docs/img]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

from click.testing import CliRunner
from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from orgnet.cli import main as orgnet  # noqa: E402

DATA, WAVE2 = ROOT / "datasets" / "skovbjerg", ROOT / "datasets" / "skovbjerg-2008"
# The graph is shown with one person's tooltip open: where P0001 is drawn, in page coordinates.
HOVERED = "P0001"
WHERE_DRAWN = """id => { const g = window.orgnetGraph.network; const p = g.canvasToDOM(g.getPositions([id])[id]);
                  const r = document.getElementById('network').getBoundingClientRect(); return [p.x + r.left, p.y + r.top]; }"""

# picture → (the command that writes the page, the page in its output, the height to draw)
PAGES = {
    "report": (["report", DATA, "-o", "{out}/report"], "report/index.html", 1400),
    "management": (["report", DATA, "-o", "{out}/management", "--audience", "management"], "management/index.html", 1400),
    "graph": (["graph", DATA, "-o", "{out}/graph.html", "--colour-by", "level"], "graph.html", 860),
    "groups": (["groups", DATA, "-o", "{out}/groups"], "groups/index.html", 1400),
    "profile": (["profile", DATA, "-o", "{out}/profiles", "--person", "P0002"], "profiles/P0002.html", 1400),
    "whatif": (["whatif", DATA, "--remove-where", "employer=region", "-o", "{out}/whatif"], "whatif/index.html", 1200),
    "diff": (["diff", DATA, WAVE2, "-o", "{out}/diff"], "diff/index.html", 1400),
}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "img")
    parser.add_argument("--only", nargs="*", default=list(PAGES))
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"])
        for name in args.only:
            command, page_path, height = PAGES[name]
            result = CliRunner().invoke(orgnet, [str(part).format(out=folder) for part in command] + ["--lang", "da"])
            if result.exit_code != 0:
                raise SystemExit(f"{name}: {result.output}")
            context = browser.new_context(offline=True, viewport={"width": 1300, "height": height})
            page = context.new_page()
            page.goto((Path(folder) / page_path).as_uri())
            if name == "graph":  # drawn, fitted, and one tooltip open
                page.wait_for_selector("body[data-fitted='1']", timeout=120_000)
                page.mouse.move(*page.evaluate(WHERE_DRAWN, HOVERED))
                page.wait_for_selector("div.vis-tooltip", state="visible", timeout=30_000)
            elif name == "profile":  # the ego network is drawn by its script
                page.wait_for_timeout(1500)
            page.screenshot(path=str(args.out / f"{name}.png"))
            context.close()
            print(f"{args.out / f'{name}.png'}: {page_path}")
        browser.close()


if __name__ == "__main__":
    main()
