"""Profile pages in a real browser, offline, and on paper (Chromium's print to PDF). Skipped
with a reason where Chromium (or pypdf for reading the PDFs) is missing."""

from __future__ import annotations

import os
import unicodedata
from pathlib import Path

import pytest

import orgnet
from orgnet.analysis import Analysis
from orgnet.profiles.profile import write_profiles
from tests.viz.conftest import CHROMIUM, HOSTILE

SKOVBJERG = Path(__file__).resolve().parents[2] / "datasets" / "skovbjerg"
SAMPLE = ["P0001", "P0002", "P0019", "P0121", "P0300", "P1167"]  # top, department and middle leaders, flagged and not


@pytest.fixture(scope="module")
def pages(tmp_path_factory):
    network = orgnet.read(SKOVBJERG)
    persons = [p for p in SAMPLE if p in network.people.index]
    return network, write_profiles(Analysis(network, lang="da"), tmp_path_factory.mktemp("profiles"), persons=persons)


def test_each_page_opens_offline_draws_her_network_and_logs_no_error(visit, pages):
    network, written = pages
    for person, path in written.pages.items():
        page = visit(path)
        page.page.wait_for_selector("body[data-ready='1']", timeout=30_000)

        drawn = page.page.evaluate("window.orgnetEgo.network.body.nodeIndices.length")

        assert drawn >= 1, person
        assert page.errors == [], person
        assert page.outside_requests() == [], person


def test_the_index_opens_offline(visit, pages):
    _, written = pages
    page = visit(written.index)
    page.page.wait_for_selector("#profiles")

    assert page.page.locator("#profiles a").count() == len(written.pages)
    assert page.errors == []


def test_a_hostile_name_stays_text(visit, tmp_path):
    network = orgnet.read(SKOVBJERG)
    people = network.people.copy()
    contact = network.ties.loc[network.ties["target"] == "P0002", "source"].iloc[0]
    people.loc[contact, "name"] = HOSTILE
    hostile = type(network)(people=people, ties=network.ties, groups=network.groups)
    written = write_profiles(Analysis(hostile), tmp_path, persons=["P0002"])

    page = visit(written.pages["P0002"])
    page.page.wait_for_selector("body[data-ready='1']", timeout=30_000)

    assert page.page.evaluate("window.__xss") is None
    assert page.dialogs == []
    assert page.errors == []


def test_pdf_of_each_profile_renders_text_and_the_drawing(tmp_path, monkeypatch):
    if not Path(CHROMIUM).exists():
        pytest.skip("Chromium is not installed (apt-get install chromium): PDF printing not tested")
    pypdf = pytest.importorskip("pypdf", reason="pypdf reads the PDFs (pip install -e '.[test]')")
    from orgnet.profiles.pdf import print_pages

    monkeypatch.setenv("ORGNET_CHROMIUM", CHROMIUM)
    network = orgnet.read(SKOVBJERG)
    written = write_profiles(Analysis(network, lang="da"), tmp_path, persons=["P0002", "P0001"])

    pdfs = print_pages(written.pages)

    for person, pdf in pdfs.items():
        reader = pypdf.PdfReader(pdf)
        text = unicodedata.normalize("NFKC", " ".join(page.extract_text() for page in reader.pages))  # "ﬂ" → "fl"
        images = sum(len(page.images) for page in reader.pages)
        assert pdf == written.pages[person].with_suffix(".pdf")
        assert f"Dit netværk — {network.people.at[person, 'name']}" in text
        assert "Spørgsmål til refleksion" in text
        assert images >= 1  # the ego network's canvas, drawn before printing
    assert os.path.getsize(pdfs["P0002"]) > 10_000
