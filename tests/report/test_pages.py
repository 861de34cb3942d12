"""The report and the management report in Danish, on the shipped municipality and on data with
attributes orgnet does not know: the page frame, the exact sentences, and no code, English word,
ruled-out word or "1 <plural>" anywhere a reader looks."""

from __future__ import annotations

import re

import pytest

from orgnet.analysis import Analysis
from orgnet.report import build_report
from orgnet.report.management import build_management_report
from orgnet.report.notes import notes_title
from tests.report.wording import CLEAN, problems, visible_text

NBSP = "\u00a0"


@pytest.fixture(scope="module")
def pages(shipped, unknown, tmp_path_factory):
    """(data, audience) → the Danish page's HTML."""
    written = {}
    for name, network in (("shipped", shipped), ("unknown", unknown)):
        analysis = Analysis(network, lang="da", k=5)
        folder = tmp_path_factory.mktemp(name)
        build_report(analysis, folder / "consultant", source="data")
        build_management_report(analysis, folder / "management")
        for audience in ("consultant", "management"):
            written[name, audience] = (folder / audience / "index.html").read_text(encoding="utf-8")
            written[name, audience, "workbook"] = folder / audience / "orgnet.xlsx"
    return written


def section(page: str, name: str) -> str:
    return visible_text(re.search(rf'<section id="{name}"[^>]*>(.*?)</section>', page, re.S).group(1))


@pytest.mark.parametrize("data", ["shipped", "unknown"])
@pytest.mark.parametrize("audience", ["consultant", "management"])
def test_a_danish_page_holds_no_code_english_word_or_one_of_a_plural(pages, data, audience):
    assert problems(visible_text(pages[data, audience])) == CLEAN


@pytest.mark.parametrize("audience", ["consultant", "management"])
def test_both_reports_extend_the_page_frame_with_its_print_styles(pages, audience):
    page = pages["shipped", audience]

    assert page.count("<style>") == 1 and "@page { size: A4" in page  # page.css, once
    assert f'<meta name="orgnet-audience" content="{audience}">' in page
    assert 'id="footer"' in page
    banner = {"consultant": '<p class="confidential" id="confidential">Fortroligt: indeholder personoplysninger om navngivne personer.',
              "management": '<p class="audience" id="audience">Til ledelsen: kun tal for grupper på mindst 5 personer; ingen navne, id&#39;er eller enkeltpersoner.</p>'}
    assert banner[audience] in page


def test_the_consultant_footer_says_what_the_old_lines_said(pages):
    footer = visible_text(re.search(r'<footer[^>]*>(.*?)</footer>', pages["shipped", "consultant"], re.S).group(1))

    assert footer.startswith("Lavet med orgnet ")
    assert footer.endswith("til konsulenten: navne og tal for hver person er med; sammenligninger skjuler grupper under 5. "
                           "Beregnet på denne computer; siden henter intet fra internettet. Data: data.")


def test_nothing_that_needs_a_pointer_is_printed(pages):
    page = pages["shipped", "consultant"]

    assert '<section id="graph" class="screen-only">' in page  # the hint to hover, and the frame, are for the screen
    assert "Hold musen over en person" in section(page, "graph")
    assert "Hold musen" not in page.split('<section id="graph"')[0]
    links = re.findall(r'<a [^>]*>se tabellen</a>', page)
    assert links and all('class="screen-only"' in link for link in links)


def test_the_shipped_findings_in_danish(pages):
    findings = section(pages["shipped", "consultant"], "findings")

    for sentence in (
        f"100 af 315 ledere (32{NBSP}%) har ingen uformel kontakt uden for egen organisation. I LederPejling savnede 41{NBSP}% af lederne uformelle netværk uden for arbejdspladsen.",
        f"10 af 69 TR'er (14{NBSP}%) har kontakt med færre end 50{NBSP}% af kollegerne i egen enhed (svagt bagland).",
        f"7 af 1.170 personer er flaskehalse: skillepunkter blandt de 5{NBSP}% med højest mellemliggende centralitet. "
        "Uden dem er 46 personer afskåret fra resten af netværket; én af dem afskærer alene 18 personer.",
        "Medianen for kontakter varierer mest efter arbejdsgiver: 10 for kommune (n = 954) mod 3 for region (n = 21).",
        f"95 af 1.170 personer (8,1{NBSP}%) har et tyndt netværk: færre end 3 kontakter eller blandt de laveste 10{NBSP}% af deres ligestillede.",
    ):
        assert sentence in findings


def test_the_management_report_opens_with_findings_over_groups(pages):
    page = pages["shipped", "management"]
    findings = section(page, "findings")

    assert page.index('id="findings"') < page.index('id="headline"')
    assert findings.startswith("Hovedfund Skrevet ud fra tallene nedenfor: antal i grupper på mindst 5 personer; ingen person, enhed eller organisation nævnes.")
    assert "Uden dem er 46 personer afskåret fra resten af netværket" in findings
    assert "se tabellen" not in findings  # no table per person to point to


def test_the_management_breakdown_is_one_small_table_per_attribute(pages):
    page = pages["shipped", "management"]
    level = re.search(r'<table class="breakdown" id="breakdown-level".*?</table>', page, re.S).group(0)
    rows = [visible_text(row) for row in re.findall(r"<tr[^>]*>(.*?)</tr>", level, re.S)]

    assert rows[0] == "(ikke angivet) afdelingsleder mellemleder topleder"  # a column per group, by label
    assert rows[1] == "personer 851 143 66 110"  # the group's size once, not once per flag
    assert rows[2] == "median kontakter 10 13 9 14,5"
    assert rows[3] == f"ingen uformel ekstern kontakt 0{NBSP}% 47{NBSP}% 27{NBSP}% 14{NBSP}%"
    assert f"isoleret 0{NBSP}% 0,7{NBSP}% 1,5{NBSP}% 1,8{NBSP}%" in rows  # small shares keep a decimal
    assert len(rows) == 3 + 8  # headers, people, median, one row per flag anyone has
    assert page.count("(ikke angivet)") == 1
    assert 'id="flags-by-level"' not in page


def test_groups_under_k_are_one_line_and_unknown_values_stay_as_written(pages):
    page = pages["unknown", "management"]
    level = visible_text(re.search(r'<table class="breakdown" id="breakdown-level".*?</table>', page, re.S).group(0))
    gender = visible_text(re.search(r'<table class="breakdown" id="breakdown-gender".*?</table>', page, re.S).group(0))
    role = visible_text(re.search(r'<table class="breakdown" id="breakdown-role".*?</table>', page, re.S).group(0))

    assert level.startswith("(ikke angivet) chef afdelingsleder topleder personer")  # "chef" as the data has it
    assert level.endswith("1 gruppe med færre end 5 personer vises ikke.")  # the two "direktør"s
    assert "direktør" not in page
    assert gender.startswith("kvinde mand personer")  # f/m named
    assert role.startswith("medarbejder leder pædagog sikkerhedsrepræsentant TR personer")  # in the order of the data's codes


def test_the_notes_box_says_what_it_holds():
    assert notes_title(True, False, "da") == "Hvad data ikke indeholder"
    assert notes_title(False, True, "da") == "Hvem der besvarede undersøgelsen"
    assert notes_title(True, True, "da") == "Om data: hvad der mangler, og hvem der svarede"
    assert notes_title(True, True, "en") == "About the data: what is missing, and who answered"


def test_a_network_without_organisation_gets_the_notes_box(shipped, tmp_path):
    from dataclasses import replace

    network = replace(shipped, people=shipped.people.drop(columns=["organisation"]))
    build_report(Analysis(network, lang="da", k=5), tmp_path)
    notes = section((tmp_path / "index.html").read_text(encoding="utf-8"), "data-notes")

    assert notes.startswith("Hvad data ikke indeholder Ingen kolonne organisation: alle forbindelser regnes som interne")


def sheet(path, name: str) -> list[dict]:
    import openpyxl

    rows = list(openpyxl.load_workbook(path)[name].iter_rows(values_only=True))
    return [dict(zip(rows[0], row)) for row in rows[1:]]


def test_danish_workbooks_name_the_values_orgnet_knows(pages):
    comparisons = sheet(pages["shipped", "consultant", "workbook"], "comparisons")
    people = sheet(pages["shipped", "consultant", "workbook"], "people")
    by_level = sheet(pages["unknown", "management", "workbook"], "flags_by_level")

    assert {row["gruppe"] for row in comparisons if row["sammenlignet efter"] == "niveau"} == {"(ikke angivet)", "afdelingsleder", "mellemleder", "topleder"}
    assert {row["niveau"] for row in people} == {None, "afdelingsleder", "mellemleder", "topleder"}  # no level: an empty cell
    assert {row["niveau"] for row in by_level} == {"(ikke angivet)", "afdelingsleder", "chef", "direktør", "topleder"}
    assert {row["gruppe"] for row in comparisons if row["sammenlignet efter"] == "køn"} == {"kvinde", "mand"}
    assert {row["rolle"] for row in people} == {"leder", "TR", "sikkerhedsrepræsentant", "medarbejder"}
    english = [header for header in people[0] if re.fullmatch(r"[a-z_]+", header) and "_" in header]
    assert english == []  # every metric's header is Danish (in_degree_formal → formelle kontakter nævnt af andre)
