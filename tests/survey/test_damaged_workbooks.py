"""A damaged workbook (a corrupted deflate stream inside the .xlsx) is one message, as in every other command.

Before (issue 19), ``survey import`` and ``survey template`` read workbooks with pandas directly
and showed a traceback (``zlib.error``, ``ParseError``); now every survey reader opens a workbook
through :func:`orgnet.io.excel.read_sheets`, which streams every member before parsing.
"""

from __future__ import annotations

import pandas as pd
import pytest
from click.testing import CliRunner

from orgnet.cli import main
from tests.hardening.test_messages_not_tracebacks import damaged_copy
from tests.survey.corpus import build_corpus, write_msforms, write_roster, write_surveyxact_workbook

CORPUS = build_corpus()


@pytest.fixture
def good(tmp_path):
    """A Microsoft Forms export, a SurveyXact workbook, and the roster as CSV and as a workbook."""
    roster_csv = write_roster(CORPUS, tmp_path / "roster.csv")
    pd.read_csv(roster_csv, dtype=str).to_excel(tmp_path / "roster.xlsx", index=False)
    return {
        "forms": write_msforms(CORPUS, tmp_path / "forms.xlsx"),
        "surveyxact": write_surveyxact_workbook(CORPUS, tmp_path / "sx.xlsx"),
        "roster_csv": roster_csv,
        "roster_xlsx": tmp_path / "roster.xlsx",
    }


CASES = {
    "import, Microsoft Forms export": ("forms", ["survey", "import", "{bad}", "--roster", "{roster_csv}", "-o", "{tmp}/X"]),
    "import, SurveyXact workbook": ("surveyxact", ["survey", "import", "{bad}", "--roster", "{roster_csv}", "-o", "{tmp}/X"]),
    "import, roster as workbook": ("roster_xlsx", ["survey", "import", "{forms}", "--roster", "{bad}", "-o", "{tmp}/X"]),
    "template, roster as workbook": ("roster_xlsx", ["survey", "template", "{bad}", "-o", "{tmp}/T"]),
}


@pytest.mark.parametrize("case", CASES)
def test_a_damaged_workbook_is_one_message(tmp_path, good, case):
    damaged, command = CASES[case]
    bad = damaged_copy(good[damaged], tmp_path / f"bad-{good[damaged].name}")
    inputs = [bad, *good.values()]
    before = {p: p.read_bytes() for p in inputs}
    args = [part.format(bad=bad, tmp=tmp_path, **good) for part in command]

    result = CliRunner().invoke(main, args)

    assert result.exit_code == 1, result.output
    assert result.output == (
        f"Error: 1 problem in the input:\n  - {bad}: the workbook is damaged (Bad CRC-32 for file 'xl/worksheets/sheet1.xml'); "
        "open it in Excel and save it again\n"
    )
    assert {p: p.read_bytes() for p in inputs} == before
    assert not (tmp_path / "X").exists() and not (tmp_path / "T").exists()
