"""Logs and rosters as they arrive: written addresses, Parquet lists, long rows, other encodings,
empty files, meetings without a valid end, workbooks. Each is read right or refused with one
message naming the file (and row), exit status 1; the inputs are never changed."""

from __future__ import annotations

import unicodedata

import pandas as pd
import pytest

from orgnet.events.duckdb_engine import DUCKDB_MAX_LINE_SIZE
from tests.events.conftest import ENGINES

ROSTER = "id,email\nA,bent@example.invalid\nB,anne@example.invalid\n"


def _engine_args(engine: str) -> tuple[str, ...]:
    return ("--engine", "spark", "--spark-master", "local[2]") if engine == "spark" else ()


def _ties(folder) -> list[tuple]:
    ties = pd.read_csv(folder / "ties.csv", dtype=str)
    return sorted(zip(ties["source"], ties["target"], ties["interactions"]))


@pytest.fixture
def roster(tmp_path):
    file = tmp_path / "people.csv"
    file.write_text(ROSTER, encoding="utf-8")
    return file


def run_unchanged(run_cli, files, *args):
    """Run ``orgnet events *args`` and check that ``files`` are byte-identical afterwards."""
    before = {file: file.read_bytes() for file in files}
    result = run_cli("events", *args)
    assert {file: file.read_bytes() for file in files} == before
    return result


@pytest.mark.parametrize("engine", ENGINES)
def test_a_meeting_without_a_valid_end_is_refused_by_row(run_cli, roster, tmp_path, engine):
    meetings = tmp_path / "meetings.csv"
    meetings.write_text(
        "organiser,attendees,start,end\n"
        "bent@example.invalid,anne@example.invalid,2026-01-06 09:00:00Z,\n"
        "bent@example.invalid,anne@example.invalid,2026-01-07 09:00:00Z,2026-01-07 08:00:00Z\n"
        "bent@example.invalid,anne@example.invalid,2026-01-08 09:00:00Z,2026-01-08 10:00:00Z\n",
        encoding="utf-8",
    )
    result = run_unchanged(run_cli, [meetings, roster], f"meeting={meetings}", "--people", roster, "-o", tmp_path / "out", *_engine_args(engine))
    assert (result.exit_code, result.output) == (1, (
        "Error: 2 problems in the input:\n"
        f"  - {meetings}, row 2, column 'end': empty end; a meeting counts only with an end at or after its start\n"
        f"  - {meetings}, row 3, column 'end': the meeting ends before it starts (2026-01-07 09:00:00Z); "
        "a meeting counts only with an end at or after its start\n"
    ))
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize("engine", ENGINES)
def test_a_windows_1252_log_is_refused_naming_the_encoding(run_cli, roster, tmp_path, engine):
    mail = tmp_path / "mail.csv"
    mail.write_bytes("sender,recipients,sent_at\nbent@example.invalid,søren@example.invalid,2026-01-06 09:00:00Z\n".encode("cp1252"))
    result = run_unchanged(run_cli, [mail, roster], mail, "--people", roster, "-o", tmp_path / "out", *_engine_args(engine))
    assert (result.exit_code, result.output) == (1, (
        "Error: 1 problem in the input:\n"
        f"  - {mail}, row 2: not UTF-8 but apparently Windows-1252, as Excel saves \"CSV\" "
        "(the row reads 'bent@example.invalid,søren@example.invalid,2026-01-06 09:00:'); "
        "save the file as UTF-8 (Excel: \"CSV UTF-8\") and run again\n"
    ))


@pytest.mark.parametrize("content", [b"", b"\xef\xbb\xbf\r\n"], ids=["no-bytes", "bom-and-newline"])
def test_an_empty_log_is_refused_as_empty(run_cli, roster, tmp_path, content):
    mail = tmp_path / "mail.csv"
    mail.write_bytes(content)
    result = run_unchanged(run_cli, [mail, roster], mail, "--people", roster, "-o", tmp_path / "out")
    assert (result.exit_code, result.output) == (
        1, f"Error: 1 problem in the input:\n  - {mail}: the file is empty; expected a header row and one event per row\n"
    )


def test_a_row_longer_than_duckdbs_line_limit_is_read(run_cli, roster, tmp_path):
    mail = tmp_path / "mail.csv"
    many = ";".join(f"x{i}@partner.example" for i in range(120_000))
    mail.write_text(
        "sender,recipients,sent_at\n"
        f'bent@example.invalid,"{many};anne@example.invalid",2026-01-06 09:00:00Z\n'
        "anne@example.invalid,bent@example.invalid,2026-01-07 09:00:00Z\n",
        encoding="utf-8",
    )
    assert max(len(line) for line in mail.read_bytes().split(b"\n")) > DUCKDB_MAX_LINE_SIZE
    result = run_unchanged(run_cli, [mail, roster], mail, "--people", roster, "-o", tmp_path / "out",
                           "--max-recipients", "200000", "--no-reciprocal", "--min-interactions", "1")
    assert result.exit_code == 0, result.output
    assert "interactions with addresses not in the roster: 120,000 (by domain: partner.example (120,000))" in result.output
    assert _ties(tmp_path / "out") == [("A", "B", "1"), ("B", "A", "1")]


@pytest.mark.parametrize("engine", ENGINES)
def test_written_addresses_meet_the_roster(run_cli, tmp_path, engine):
    roster = tmp_path / "people.csv"
    # the roster in NFD and mixed case, the log in NFC with display names holding commas
    roster.write_text(unicodedata.normalize("NFD", "id,email\nS,Søren.Ærø@Example.invalid\nJ,JÖRGEN@example.invalid\n"), encoding="utf-8")
    mail = tmp_path / "mail.csv"
    mail.write_text(
        "sender,recipients,sent_at\n"
        '"""Ærø, Søren"" <søren.ærø@example.invalid>","""Nielsen, Jörgen"" <jörgen@example.invalid>, x@partner.example",2026-01-06 09:00:00Z\n'
        '"Jörgen <JÖRGEN@EXAMPLE.INVALID>","søren.ærø@example.invalid (Ærø, Søren)",2026-01-07 09:00:00Z\n',
        encoding="utf-8",
    )
    result = run_unchanged(run_cli, [mail, roster], mail, "--people", roster, "-o", tmp_path / "out", *_engine_args(engine))
    assert result.exit_code == 0, result.output
    assert _ties(tmp_path / "out") == [("J", "S", "1"), ("S", "J", "1")]
    assert "interactions with addresses not in the roster: 1 (by domain: partner.example (1))" in result.output


@pytest.mark.parametrize("engine", ENGINES)
def test_parquet_lists_of_recipients_are_lists(run_cli, roster, tmp_path, engine):
    import duckdb

    mail = tmp_path / "mail.parquet"
    duckdb.sql(
        "COPY (SELECT 'anne@example.invalid' AS sender, ['\"Ravn, Bent\" <Bent@example.invalid>', 'x@partner.example'] AS recipients, "
        "TIMESTAMPTZ '2026-01-06 09:00:00+00' AS sent_at "
        "UNION ALL SELECT 'bent@example.invalid', ['anne@example.invalid'], TIMESTAMPTZ '2026-01-07 09:00:00+00') "
        f"TO '{mail}' (FORMAT parquet)"
    )
    result = run_unchanged(run_cli, [mail, roster], mail, "--people", roster, "-o", tmp_path / "out", *_engine_args(engine))
    assert result.exit_code == 0, result.output
    assert _ties(tmp_path / "out") == [("A", "B", "1"), ("B", "A", "1")]
    assert "interactions with addresses not in the roster: 1 (by domain: partner.example (1))" in result.output


def _mail(tmp_path):
    mail = tmp_path / "mail.csv"
    mail.write_text(
        "sender,recipients,sent_at\nbent@example.invalid,anne@example.invalid,2026-01-06 09:00:00Z\n"
        "anne@example.invalid,bent@example.invalid,2026-01-07 09:00:00Z\n",
        encoding="utf-8",
    )
    return mail


def test_a_workbook_roster_is_read(run_cli, tmp_path):
    roster = tmp_path / "roster.xlsx"
    pd.DataFrame({"id": [7, "B"], "name": ["Bent", "Anne"], "email": ["bent@example.invalid", "Anne@Example.invalid"]}).to_excel(
        roster, sheet_name="Ark1", index=False
    )
    mail = _mail(tmp_path)
    result = run_unchanged(run_cli, [mail, roster], mail, "--people", roster, "-o", tmp_path / "out")
    assert result.exit_code == 0, result.output
    assert _ties(tmp_path / "out") == [("7", "B", "1"), ("B", "7", "1")]
    assert pd.read_csv(tmp_path / "out" / "people.csv", dtype=str)["id"].tolist() == ["7", "B"]


def test_a_workbook_roster_without_a_people_sheet_among_several_is_refused(run_cli, tmp_path):
    roster = tmp_path / "roster.xlsx"
    with pd.ExcelWriter(roster) as writer:
        pd.DataFrame({"id": ["A"], "email": ["a@k.dk"]}).to_excel(writer, sheet_name="Staff", index=False)
        pd.DataFrame({"x": [1]}).to_excel(writer, sheet_name="Notes", index=False)
    mail = _mail(tmp_path)
    result = run_unchanged(run_cli, [mail, roster], mail, "--people", roster, "-o", tmp_path / "out")
    assert (result.exit_code, result.output) == (
        1, f"Error: 1 problem in the input:\n  - {roster}: no sheet 'people' for the roster; sheets in the workbook: Staff, Notes\n"
    )


def test_a_file_named_xlsx_that_is_no_workbook_is_refused(run_cli, tmp_path):
    roster = tmp_path / "roster.xlsx"
    roster.write_bytes(b"id,email\nA,a@k.dk\n")
    mail = _mail(tmp_path)
    result = run_unchanged(run_cli, [mail, roster], mail, "--people", roster, "-o", tmp_path / "out")
    assert (result.exit_code, result.output) == (
        1, f"Error: 1 problem in the input:\n  - {roster}: not an Excel workbook (.xlsx): File is not a zip file; "
           "give the roster as a workbook, a CSV file or a data folder\n"
    )


def test_roster_addresses_differing_only_in_case_or_unicode_form_are_one(run_cli, tmp_path):
    roster = tmp_path / "people.csv"
    roster.write_text("id,email\nA,STRASSE@k.dk\nB,straße@k.dk\nC," + unicodedata.normalize("NFD", "ø@k.dk") + "\nD,Ø@k.dk\n", encoding="utf-8")
    mail = _mail(tmp_path)
    result = run_unchanged(run_cli, [mail, roster], mail, "--people", roster, "-o", tmp_path / "out")
    assert (result.exit_code, result.output) == (1, (
        "Error: 2 problems in the input:\n"
        f"  - {roster}, row 2, column 'email': e-mail 'strasse@k.dk' is given for 2 people (rows 2, 3)\n"
        f"  - {roster}, row 4, column 'email': e-mail 'ø@k.dk' is given for 2 people (rows 4, 5)\n"
    ))


@pytest.mark.parametrize("engine", ENGINES)
def test_a_folder_with_files_without_the_channels_columns_names_each_file(run_cli, roster, tmp_path, engine):
    logs = tmp_path / "logs"
    logs.mkdir()
    mail = _mail(logs)
    notes = logs / "notes.csv"
    notes.write_text("a,b\n1,2\n", encoding="utf-8")
    people = logs / "people.csv"  # an orgnet data folder's file, written where the logs are
    people.write_text("id,name,email\nA,Bent,bent@example.invalid\n", encoding="utf-8")
    result = run_unchanged(run_cli, [mail, notes, people, roster], f"email={logs}", "--people", roster, "-o", tmp_path / "out",
                           *_engine_args(engine))
    assert (result.exit_code, result.output) == (1, (
        "Error: 2 problems in the input:\n"
        f"  - {notes}: no columns 'sender', 'recipients', 'sent_at' for email events; columns in the file: a, b\n"
        f"  - {people}: no columns 'sender', 'recipients', 'sent_at' for email events; columns in the file: id, name, email\n"
    ))
    assert not (tmp_path / "out").exists()


def test_a_parquet_glob_with_a_file_lacking_a_column_names_it(run_cli, roster, tmp_path):
    import duckdb

    (tmp_path / "logs").mkdir()
    good, bad = tmp_path / "logs" / "mail-1.parquet", tmp_path / "logs" / "mail-2.parquet"
    duckdb.sql(f"COPY (SELECT 'anne@example.invalid' AS sender, 'bent@example.invalid' AS recipients, '2026-01-06 09:00:00Z' AS sent_at) "
               f"TO '{good}' (FORMAT parquet)")
    duckdb.sql(f"COPY (SELECT 'bent@example.invalid' AS sender, '2026-01-07 09:00:00Z' AS sent_at) TO '{bad}' (FORMAT parquet)")
    result = run_unchanged(run_cli, [good, bad, roster], str(tmp_path / "logs" / "mail-*.parquet"), "--people", roster, "-o", tmp_path / "out")
    assert (result.exit_code, result.output) == (
        1, f"Error: 1 problem in the input:\n  - {bad}: no column 'recipients' for email events; columns in the file: sender, sent_at\n"
    )


@pytest.mark.parametrize("engine", ENGINES)
def test_a_display_name_with_a_semicolon_is_not_split_into_an_unknown_address(run_cli, roster, tmp_path, engine):
    mail = tmp_path / "mail.csv"
    # quoted in the address (""Ravn; Bent"") and quoted only as a CSV cell ("Ravn; Bent <…>")
    mail.write_text(
        "sender,recipients,sent_at\n"
        '"""Ravn; Bent"" <bent@example.invalid>","Hansen; Anne <anne@example.invalid>",2026-01-06 09:00:00Z\n'
        '"Hansen; Anne <anne@example.invalid>","""Ravn; Bent"" <bent@example.invalid>",2026-01-07 09:00:00Z\n',
        encoding="utf-8",
    )
    result = run_unchanged(run_cli, [mail, roster], mail, "--people", roster, "-o", tmp_path / "out", *_engine_args(engine))
    assert result.exit_code == 0, result.output
    assert "not in the roster" not in result.output
    assert _ties(tmp_path / "out") == [("A", "B", "1"), ("B", "A", "1")]
    assert (tmp_path / "out" / "unknown-addresses.csv").read_text(encoding="utf-8-sig") == "domain,addresses,interactions,internal\n"


@pytest.mark.parametrize("engine", ENGINES)
def test_files_of_a_folder_with_their_columns_in_other_orders_are_read_by_name(run_cli, roster, tmp_path, engine):
    logs = tmp_path / "logs"
    logs.mkdir()
    first, second = logs / "january.csv", logs / "february.csv"
    first.write_text("sender,recipients,sent_at\nbent@example.invalid,anne@example.invalid,2026-01-06 09:00:00Z\n", encoding="utf-8")
    # Spark alone would read this by the other file's header, by position: Anne's answer as Bent's
    second.write_text("recipients,sender,sent_at\nbent@example.invalid,anne@example.invalid,2026-01-07 09:00:00Z\n", encoding="utf-8")
    result = run_unchanged(run_cli, [first, second, roster], f"email={logs}", "--people", roster, "-o", tmp_path / "out", *_engine_args(engine))
    assert result.exit_code == 0, result.output
    assert _ties(tmp_path / "out") == [("A", "B", "1"), ("B", "A", "1")]
