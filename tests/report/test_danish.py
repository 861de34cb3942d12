"""The Danish report is Danish: numbers, flag names, attribute names, charts and workbook headers."""

from __future__ import annotations

import base64
import html
import json
import re
from pathlib import Path

import matplotlib
import openpyxl
import pandas as pd
import pytest

import orgnet
from orgnet.flags import FLAGS
from orgnet.report import build_report, charts

SHIPPED = Path(__file__).resolve().parents[2] / "datasets" / "skovbjerg"
# A number the English way: a decimal point that is not a Danish thousands separator (1.170).
ENGLISH_DECIMAL = re.compile(r"(?<![\d.,])\d+\.\d+(?:\.\d+)*")
DANISH_THOUSANDS = re.compile(r"\d{1,3}(?:\.\d{3})+")
ENGLISH_WORDS = (*FLAGS, "employer", "profession", "severity", "reason", "leader", "first_line", "safety_rep", "employee", "high", "medium", "low", "contacts", "people")


@pytest.fixture(scope="module")
def danish_report(tmp_path_factory):
    folder = tmp_path_factory.mktemp("report")
    build_report(orgnet.read(SHIPPED), folder, lang="da", k=5)
    return folder


def visible_text(page: str) -> str:
    """What a reader sees: no markup, styles, embedded pictures or the embedded graph page."""
    page = re.sub(r"<style>.*?</style>|<script.*?</script>", " ", page, flags=re.S)
    page = re.sub(r'(srcdoc|src|href|id|class|data-[a-z]+)="[^"]*"', " ", page)
    text = html.unescape(re.sub(r"<[^>]+>", " ", page))
    return re.sub(r"orgnet \d+\.\d+\.\d+", "orgnet", text)  # the version number is no decimal


def english_decimals(text: str) -> list[str]:
    return [m for m in ENGLISH_DECIMAL.findall(text) if not DANISH_THOUSANDS.fullmatch(m)]


def english_words(text: str) -> list[str]:
    return [word for word in ENGLISH_WORDS if re.search(rf"(?<![\w-]){word}(?![\w-])", text)]


def test_report_page_has_no_english_number_or_word(danish_report):
    text = visible_text((danish_report / "index.html").read_text(encoding="utf-8"))

    assert english_decimals(text) == []
    assert english_words(text) == []
    assert "0,0093" in text and "1.170" in text and "14,5" in text  # density, people, a median


def test_report_opens_with_main_findings_in_danish(danish_report):
    page = (danish_report / "index.html").read_text(encoding="utf-8")

    assert page.index('id="findings"') < page.index('id="headline"')
    assert "Hovedfund" in page
    assert "af 315 ledere" in page and "I LederPejling savnede 41\u00a0% af lederne" in page
    for anchor in re.findall(r'<li data-finding="[^"]+">.*?<a href="#([^"]+)"', page):
        assert f'id="{anchor}"' in page  # every link lands on a table


def test_graph_page_tooltips_and_legend_are_danish(danish_report):
    page = (danish_report / "index.html").read_text(encoding="utf-8")
    graph = html.unescape(re.search(r'srcdoc="([^"]*)"', page).group(1))
    data = json.loads(html.unescape(re.search(r'id="graph-data">(.*?)</script>', graph, re.S).group(1)))

    shown = [value for node in data["nodes"] for row in node["info"]["rows"] for value in row]
    shown += [item for node in data["nodes"] for flag in node["info"]["flags"] for item in flag]
    assert english_decimals(" ".join(shown)) == []
    assert english_words(" ".join(shown)) == []
    assert ["leader", "leder"] in data["filters"]["role"]["values"]  # the filter shows the role by its Danish name


def test_workbook_headers_follow_the_language(danish_report):
    workbook = openpyxl.load_workbook(danish_report / "orgnet.xlsx")
    headers = {sheet.title: [cell.value for cell in next(sheet.iter_rows())] for sheet in workbook}

    assert {"kontakter", "interne kontakter", "mellemliggende centralitet", "begrænsning (Burt)"} <= set(headers["people"])
    assert headers["flags"] == ["id", "navn", "flag", "alvor", "værdi", "grænse", "begrundelse"]
    assert {"dækning", "ikke nået", "forbindelser til ledelsen"} <= set(headers["bagland"])
    assert "andel: tyndt netværk" in headers["comparisons"]
    english = {"degree", "betweenness", "severity", "reason", "coverage", "share_thin", "median_degree", "sentence"}
    assert not english & {h for row in headers.values() for h in row}
    # numbers stay numbers for Excel to format
    assert isinstance(workbook["people"].cell(row=2, column=headers["people"].index("mellemliggende centralitet") + 1).value, float)
    assert {cell.value for cell in workbook["flags"]["D"][1:]} <= {"høj", "middel", "lav"}
    figures = {row[0].value: row[1].value for row in workbook["summary"].iter_rows(min_row=2)}
    assert figures["personer"] == 1170 and figures["personer efter rolle · leder"] == 319
    assert 0.009 < figures["tæthed · alle forbindelser"] < 0.0095


def svg_texts(uri: str) -> str:
    svg = base64.b64decode(uri.split(",", 1)[1]).decode("utf-8")
    return " ".join(html.unescape(t) for t in re.findall(r"<text[^>]*>(.*?)</text>", svg, re.S))


def test_chart_ticks_and_legends_are_danish():
    comparison = pd.DataFrame(
        {"level": ["top", "first_line"], "suppressed": [False, False], "share_thin": [0.004, 0.002], "share_no_internal": [0.0, 0.001],
         "share_no_external": [0.003, 0.0], "share_no_informal_external": [0.001, 0.002], "share_single_bridge": [0.0, 0.0]}
    )
    with matplotlib.rc_context({"svg.fonttype": "none"}):  # keep the texts as text to read them
        words = svg_texts(charts.flags_by_group(comparison, "level", lang="da"))

    assert "0,1" in words and english_decimals(words) == []  # y ticks 0,0 … 0,4 %
    assert "tyndt netværk" in words and "topleder" in words and "afdelingsleder" in words
    assert english_words(words) == []


def test_english_report_keeps_english_numbers(tmp_path):
    build_report(orgnet.read(SHIPPED), tmp_path, lang="en", k=5)
    text = visible_text((tmp_path / "index.html").read_text(encoding="utf-8"))

    assert "0.0093" in text and "1,170" in text and "Main findings" in text

