"""Consultant outputs are marked confidential on every page and sheet; management ones say who they are for."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from orgnet import __version__
from orgnet.texts import texts

SHIPPED = Path(__file__).resolve().parents[2] / "datasets" / "skovbjerg"


def sheet_headers(path: Path) -> list[str]:
    with zipfile.ZipFile(path) as workbook:
        sheets = [name for name in workbook.namelist() if name.startswith("xl/worksheets/sheet")]
        return [workbook.read(name).decode("utf-8") for name in sheets]


@pytest.mark.parametrize("lang", ["en", "da"])
def test_consultant_report_page_and_every_sheet_are_marked(tmp_path, run_cli, lang):
    marking = texts(lang).t("report.confidential")

    result = run_cli("report", SHIPPED, "-o", tmp_path / "r", "--lang", lang)

    assert result.exit_code == 0, result.output
    page = (tmp_path / "r" / "index.html").read_text(encoding="utf-8")
    assert f'<p class="confidential" id="confidential">{marking}</p>' in page
    # the page frame's footer says who the page is for and what k hides
    assert texts(lang).t("page.footer.consultant", k=5, version=__version__) in page
    sheets = sheet_headers(tmp_path / "r" / "orgnet.xlsx")
    assert len(sheets) >= 5
    assert all(f"<oddHeader>&amp;C{marking}</oddHeader>" in xml and f"<oddFooter>&amp;C{marking}</oddFooter>" in xml for xml in sheets)


def test_graph_page_and_table_workbooks_are_marked(tmp_path, run_cli):
    marking = texts("en").t("report.confidential")

    run_cli("graph", SHIPPED, "-o", tmp_path / "g.html")
    run_cli("metrics", SHIPPED, "-o", tmp_path / "m.xlsx")

    assert marking in (tmp_path / "g.html").read_text(encoding="utf-8")
    assert all(f"&amp;C{marking}" in xml for xml in sheet_headers(tmp_path / "m.xlsx"))


def test_management_workbook_is_not_marked_as_personal_data(tmp_path, run_cli):
    run_cli("report", SHIPPED, "-o", tmp_path / "r", "--audience", "management")

    sheets = sheet_headers(tmp_path / "r" / "orgnet.xlsx")
    assert all("For management: figures for groups of at least 5 people only" in xml for xml in sheets)
    assert not any(texts("en").t("report.confidential") in xml for xml in sheets)
