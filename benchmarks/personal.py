"""`make bench` (suggestions and profiles): suggestions and profiles at the sizes the issue names.

1. all 319 leaders of datasets/skovbjerg, 3 suggestions each (read, analyse, suggest): < 10 s;
2. a generated municipality of 10,000 people, 1,000 persons × 3 suggestions: < 60 s;
3. profiles for all 319 leaders of datasets/skovbjerg (read, analyse, write): < 60 s;
4. with --browser: every profile page opened offline in headless Chromium, console errors counted.

Usage: python benchmarks/personal.py [--browser]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import orgnet  # noqa: E402
from orgnet.analysis import Analysis  # noqa: E402
from orgnet.generate import generate_municipality  # noqa: E402
from orgnet.profiles.profile import write_profiles  # noqa: E402
from orgnet.suggestions.suggest import suggest_contacts  # noqa: E402

SKOVBJERG = ROOT / "datasets" / "skovbjerg"


def timed(label: str, limit: float, work):
    start = time.perf_counter()
    result = work()
    seconds = time.perf_counter() - start
    print(f"{label:<62} {seconds:>7.2f} s   (limit {limit:g} s{'' if seconds < limit else ' — OVER'})")
    return result


def skovbjerg_suggestions():
    analysis = Analysis(orgnet.read(SKOVBJERG))
    _flags = analysis.flags  # what `orgnet suggest` computes to find the flagged leaders
    people = analysis.network.people
    return suggest_contacts(analysis.network, list(people.index[people["role"] == "leader"]), n=3, graph=analysis.graph)


def large_suggestions(network):
    people = network.people
    leaders = people.index[people["role"] == "leader"]
    persons = list(leaders[:1000]) if len(leaders) >= 1000 else list(people.index[:1000])
    return suggest_contacts(network, persons, n=3)


def profiles(folder: Path):
    return write_profiles(Analysis(orgnet.read(SKOVBJERG), lang="da"), folder)


def open_all(pages) -> tuple[int, int]:
    from playwright.sync_api import sync_playwright

    errors, requests = 0, 0
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=["--no-sandbox", "--disable-gpu"])
        context = browser.new_context(offline=True)
        seen: list[str] = []
        outside: list[str] = []
        context.on("request", lambda request: outside.append(request.url) if not request.url.startswith(("file:", "data:", "about:")) else None)
        page = context.new_page()
        page.on("console", lambda message: seen.append(message.text) if message.type == "error" else None)
        page.on("pageerror", lambda error: seen.append(str(error)))
        for path in pages.values():
            page.goto(path.as_uri())
            page.wait_for_selector("body[data-ready='1']", timeout=30_000)
        errors, requests = len(seen), len(outside)
        browser.close()
    return errors, requests


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--browser", action="store_true", help="also open every profile page in headless Chromium")
    args = parser.parse_args()
    table = timed("suggest: 319 leaders of skovbjerg × 3 (read + flags + suggest)", 10, skovbjerg_suggestions)
    print(f"    {len(table)} suggestions")
    network = generate_municipality(people=10_000, seed=1)
    print(f"    generated {len(network.people)} people, {len(network.ties)} ties")
    table = timed("suggest: 1,000 persons × 3 in 10,000 people", 60, lambda: large_suggestions(network))
    print(f"    {len(table)} suggestions")
    with tempfile.TemporaryDirectory() as folder:
        written = timed("profile: 319 leaders of skovbjerg (read + analyse + write)", 60, lambda: profiles(Path(folder)))
        size = sum(path.stat().st_size for path in written.pages.values()) / 1e6
        print(f"    {len(written.pages)} pages, {size:.0f} MB")
        if args.browser:
            errors, requests = timed("browser: open all 319 pages offline until drawn", 600, lambda: open_all(written.pages))
            print(f"    console errors: {errors}; requests outside the files: {requests}")


if __name__ == "__main__":
    main()
