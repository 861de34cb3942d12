"""The survey in the report: an imported folder's response rates and non-respondents, as the import printed them."""

from __future__ import annotations

import html
import re
from pathlib import Path

import pandas as pd
import pytest

import orgnet
from orgnet.analysis import Analysis
from orgnet.report.findings import main_findings, non_respondents_by_role
from orgnet.report.notes import survey_notes

SAMPLE = Path(__file__).resolve().parents[2] / "datasets" / "survey-sample"


@pytest.fixture(scope="module")
def imported(tmp_path_factory):
    """datasets/survey-sample through `orgnet survey import`, as a consultant runs it."""
    from click.testing import CliRunner

    from orgnet.cli import main

    folder = tmp_path_factory.mktemp("survey") / "network"
    result = CliRunner().invoke(main, ["survey", "import", str(SAMPLE / "forms.xlsx"), "--roster", str(SAMPLE / "roster.csv"),
                                       "--matches", str(SAMPLE / "decisions.csv"), "-o", str(folder)], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return folder, result.output


def _section(page: str, section: str) -> str:
    body = re.search(f'<section id="{section}">(.*?)</section>', page, re.S).group(1)
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", body)).split())


def _report(run_cli, folder: Path, output: Path, *args: str) -> str:
    result = run_cli("report", folder, "-o", output, *args)
    assert result.exit_code == 0, result.output
    return (output / "index.html").read_text(encoding="utf-8")


def test_the_findings_state_the_response_rate_the_import_printed(imported, run_cli, tmp_path):
    folder, printed = imported
    page = _report(run_cli, folder, tmp_path / "report")
    findings = _section(page, "findings")

    assert "response rate: all 89%, Kærholm 93%, Solsikken 93%, Åbakken Skole 80%" in printed
    assert ("40 of 45 people answered the survey (89%); by organisation: Kærholm 93%, Solsikken 93%, Åbakken Skole 80%"
            "; lowest by unit: Åbakken Skole / Indskolingen 75%, Kærholm / Værkstedet, dag og aften 86%, Åbakken Skole / Udskolingen 86%.") in findings
    assert "5 people did not answer (5 employees): only what others reported about them is known." in findings


def test_the_data_notes_give_every_unit_and_name_who_did_not_answer(imported, run_cli, tmp_path):
    folder, _ = imported
    notes = _section(_report(run_cli, folder, tmp_path / "report"), "data-notes")
    rates = pd.read_csv(folder / "response_rates.csv", encoding="utf-8-sig")
    silent = pd.read_csv(folder / "respondents.csv", encoding="utf-8-sig").query("responded == False")

    assert "Survey response: 40 of 45 people answered (89%)." in notes
    for row in rates[rates["level"] == "unit"].itertuples():
        assert f"{row.group} {row.rate:.0%} ({row.responded} of {row.people})" in notes
    assert "Kærholm / Værkstedet, dag og aften 86% (6 of 7)" in notes and "Åbakken Skole / Indskolingen 75% (6 of 8)" in notes
    assert "Did not answer (5 people): " in notes
    for record in silent.itertuples():
        assert f"{record.name} ({record.organisation} / {record.unit})" in notes
    assert "They keep the ties others reported about them (--missing keep)" in notes


def test_the_danish_report_says_the_same_in_danish(imported, run_cli, tmp_path):
    folder, _ = imported
    page = _report(run_cli, folder, tmp_path / "rapport", "--lang", "da", "--missing", "reconstruct")
    findings, notes = _section(page, "findings"), _section(page, "data-notes")

    assert ("40 af 45 personer besvarede undersøgelsen (89 %); efter organisation: Kærholm 93 %, Solsikken 93 %, Åbakken Skole 80 %"
            "; lavest efter enhed: Åbakken Skole / Indskolingen 75 %, Kærholm / Værkstedet, dag og aften 86 %, Åbakken Skole / Udskolingen 86 %.") in findings
    assert "5 personer svarede ikke (5 medarbejdere): kun det, andre har oplyst om dem, kendes." in findings
    assert "Svarprocent: 40 af 45 personer svarede (89 %). Efter organisation: Kærholm 93 % (14 af 15)" in notes
    assert "Efter enhed: Kærholm / Bofællesskabet Ågården 100 % (8 af 8);" in notes
    assert "Svarede ikke (5 personer): " in notes
    assert "(--missing reconstruct, som i UCINET og hos Stork & Richards 1992): 25 forbindelser tilføjet" in notes


def test_the_workbook_findings_sheet_holds_the_same_sentences(imported, run_cli, tmp_path):
    folder, _ = imported
    _report(run_cli, folder, tmp_path / "report")
    sentences = pd.read_excel(tmp_path / "report" / "orgnet.xlsx", sheet_name="findings")["sentence"].tolist()

    assert sentences[0] == ("40 of 45 people answered the survey (89%); by organisation: Kærholm 93%, Solsikken 93%, Åbakken Skole 80%"
                            "; lowest by unit: Åbakken Skole / Indskolingen 75%, Kærholm / Værkstedet, dag og aften 86%, Åbakken Skole / Udskolingen 86%.")
    assert any(str(s).startswith("Survey response: 40 of 45 people answered (89%).") for s in sentences)


@pytest.mark.parametrize("lang, roles, expected", [
    ("en", ["leader"], "1 leader"),
    ("en", ["leader", "leader", "tr"], "2 leaders and 1 TR"),
    ("da", ["leader"], "1 leder"),
    ("da", ["leader", "leader", "employee", "tr", "tr", "tr"], "3 TR'er, 2 ledere og 1 medarbejder"),
    ("da", ["pedel", "pedel", None], "2 personer med rollen pedel og 1 person uden rolle"),
])
def test_non_respondents_are_counted_by_role_with_the_right_plural(lang, roles, expected):
    people = pd.DataFrame({"role": roles, "responded": "no"}, index=[f"p{i}" for i in range(len(roles))])

    assert non_respondents_by_role(people, lang) == expected


def test_one_non_respondent_is_one_person(write_folder):
    people = "id,role,responded\n" + "".join(f"p{i},employee,yes\n" for i in range(5)) + "q,leader,nej\n"
    network = orgnet.read(write_folder(people=people, ties="source,target,relation\np0,p1,advice\n"))

    texts = {f.key: f.text for f in main_findings(Analysis(network, lang="da"))}

    assert texts["response"] == "5 af 6 personer besvarede undersøgelsen (83\u00a0%)."
    assert texts["no_answer"] == "1 person svarede ikke (1 leder): kun det, andre har oplyst om vedkommende, kendes."


def test_an_organisation_under_k_is_never_named_in_the_findings(write_folder):
    people = "id,organisation,responded\n" + "".join(f"p{i},Big,yes\n" for i in range(6)) + "s1,Small,no\ns2,Small,yes\n"
    network = orgnet.read(write_folder(people=people, ties="source,target,relation\np0,p1,advice\n"))
    analysis = Analysis(network, k=5)

    response = next(f for f in main_findings(analysis) if f.key == "response")

    assert response.text == "7 of 8 people answered the survey (88%); by organisation: Big 100%."
    assert "Small 50% (1 of 2)" in dict(survey_notes(analysis))["survey_response"]  # the notes, for the consultant, give every group


def test_data_without_responded_has_no_survey_sentence(write_folder):
    network = orgnet.read(write_folder(people="id\na\nb\nc\nd\ne\n", ties="source,target,relation\na,b,advice\n"))
    analysis = Analysis(network)

    assert survey_notes(analysis) == []
    assert not {"response", "no_answer"} & {f.key for f in main_findings(analysis)}
