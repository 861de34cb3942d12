"""Profiles on paper: each page printed to PDF by headless Chromium, offline.

Chromium's own print is the HTML-to-PDF route that renders the page exactly as the browser
shows it, the drawn ego network included (its JavaScript runs before printing). The browser is
an outside program, not a Python package: ``ORGNET_CHROMIUM`` names it, else the first of
``BROWSERS`` on the PATH.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from orgnet.errors import OrgnetError, Said
from orgnet.io.atomic import replacing

BROWSERS = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
FLAGS = (
    "--headless", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--no-first-run", "--no-pdf-header-footer", "--run-all-compositor-stages-before-draw", "--virtual-time-budget=10000",
)
TIMEOUT = 120  # seconds for one page
WORKERS = 2


def find_chromium() -> str:
    """The Chromium to print with, or a clear error saying how to get one."""
    named = os.environ.get("ORGNET_CHROMIUM")
    if named:
        if Path(named).exists() or shutil.which(named):
            return shutil.which(named) or named
        raise OrgnetError(Said("error.profiles.chromium_not_there", named=named))
    for name in BROWSERS:
        found = shutil.which(name)
        if found:
            return found
    raise OrgnetError(Said("error.profiles.no_chromium"))


def print_pdf(page: Path, pdf: Path, *, chromium: str | None = None) -> Path:
    """Print one HTML file to ``pdf``; an error names the page and what Chromium said."""
    chromium = chromium or find_chromium()
    page, pdf = Path(page).resolve(), Path(pdf).resolve()
    with replacing(pdf) as (part,):
        _print(chromium, page, part)
    return pdf


def _print(chromium: str, page: Path, pdf: Path) -> None:
    with tempfile.TemporaryDirectory(prefix="orgnet-chromium-") as profile:
        command = [chromium, *FLAGS, f"--user-data-dir={profile}", f"--print-to-pdf={pdf}", page.as_uri()]
        if hasattr(os, "geteuid") and os.geteuid() == 0:
            command.insert(1, "--no-sandbox")  # Chromium refuses to start its sandbox as root
        try:
            done = subprocess.run(command, capture_output=True, text=True, timeout=TIMEOUT, check=False)
        except subprocess.TimeoutExpired:
            raise OrgnetError(Said("error.profiles.print_timeout", page=page, seconds=TIMEOUT)) from None
    if done.returncode != 0 or not pdf.exists() or pdf.stat().st_size == 0:
        said = (done.stderr or done.stdout).strip().splitlines()[-1:] or [Said("error.profiles.no_output")]
        raise OrgnetError(Said("error.profiles.print_failed", page=page, status=done.returncode, said=said[0]))


def print_pages(pages: dict[str, Path], *, progress=None) -> dict[str, Path]:
    """Print every page beside itself (``P0001.html`` → ``P0001.pdf``), two at a time."""
    chromium = find_chromium()
    printed = {}
    with ThreadPoolExecutor(max_workers=WORKERS) as pool:
        futures = {person: pool.submit(print_pdf, path, path.with_suffix(".pdf"), chromium=chromium) for person, path in pages.items()}
        for done, (person, future) in enumerate(futures.items(), start=1):
            printed[person] = future.result()
            if progress:
                progress("PDF", done, len(futures))
    return printed
