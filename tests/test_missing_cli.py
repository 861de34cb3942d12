"""--missing on the analysing commands: the option everywhere, stated in the metadata, refusals exact."""

from __future__ import annotations

import json

import pytest

PEOPLE = "id,name,organisation,unit,role,responded\na,Ann,X,U1,leader,True\nb,Bo,X,U1,employee,True\nc,Cy,X,U2,leader,False\nd,Di,Y,U3,employee,False\ne,Ed,Y,U3,leader,True\n"
TIES = "source,target,relation,kind\na,b,advice,informal\nb,a,advice,informal\na,c,advice,informal\nb,d,advice,informal\ne,d,advice,informal\ne,a,advice,informal\n"
NOTE = "2 of 5 people did not answer the survey; 3 ties reconstructed from the reports about them (--missing reconstruct)"
REFUSED = (
    "Error: --missing reconstruct: the people table has no 'responded' column, so no one is known not to have answered; "
    "orgnet survey import writes it (or add it: yes or no per person)\n"
)
ANALYSING = ["metrics", "summary", "flags", "bagland", "compare", "graph", "report", "suggest", "profile", "groups", "keyplayers", "whatif"]


@pytest.fixture
def data(write_folder):
    return write_folder(people=PEOPLE, ties=TIES)


@pytest.mark.parametrize("command", ANALYSING)
def test_every_analysing_command_offers_missing_keep_or_reconstruct(run_cli, command):
    result = run_cli(command, "--help")

    assert result.exit_code == 0
    assert "--missing [keep|reconstruct]" in result.output


@pytest.mark.parametrize("command, args", [
    ("flags", ["-o", "{tmp}/flags.csv"]),
    ("metrics", ["-o", "{tmp}/metrics.csv"]),
    ("keyplayers", ["--size", "1", "-o", "{tmp}/keyplayers.csv"]),
    ("suggest", ["--person", "a", "-o", "{tmp}/suggest.csv"]),
])
def test_reconstruct_is_said_on_stderr_and_stated_in_the_metadata(run_cli, data, tmp_path, command, args):
    result = run_cli(command, data, *[a.format(tmp=tmp_path) for a in args], "--missing", "reconstruct")

    assert result.exit_code == 0, result.output
    assert NOTE in result.output
    meta = json.loads(next(tmp_path.glob("*.meta.json")).read_text(encoding="utf-8"))
    assert meta["missing"] == {
        "treatment": "reconstruct",
        "rule": "for each non-respondent j and each tie i→j reported by someone else, j→i is added with the same relation, kind and weight "
        "(UCINET; Stork & Richards 1992)",
        "people": 5, "respondents": 3, "non_respondents": 2, "ties_reconstructed": 3,
    }


def test_keep_is_the_default_and_is_stated_too(run_cli, data, tmp_path):
    result = run_cli("flags", data, "-o", tmp_path / "flags.csv")

    assert result.exit_code == 0, result.output
    assert "did not answer the survey" not in result.output
    assert json.loads((tmp_path / "flags.meta.json").read_text(encoding="utf-8"))["missing"]["treatment"] == "keep"


def test_summary_json_carries_the_treatment_and_reconstructed_ties_count(run_cli, data):
    kept = json.loads(run_cli("summary", data, "--json").output)
    result = run_cli("summary", data, "--json", "--missing", "reconstruct")
    rebuilt = json.loads(result.output.replace(NOTE + "\n", ""))

    assert kept["ties"] == 6 and rebuilt["ties"] == 9
    assert kept["symmetrised_ties"] == rebuilt["symmetrised_ties"] == 5  # a returned tie is the same pair
    assert rebuilt["missing"]["ties_reconstructed"] == 3


@pytest.mark.parametrize("command, args", [
    ("flags", []), ("metrics", ["-o", "{tmp}/m.csv"]), ("summary", []), ("report", ["-o", "{tmp}/r"]), ("whatif", ["--remove", "a"]),
])
def test_reconstruct_without_responded_is_refused_with_status_1(run_cli, write_folder, tmp_path, command, args):
    folder = write_folder(folder="plain", people="id,name\na,A\nb,B\n", ties="source,target,relation\na,b,advice\n")

    result = run_cli(command, folder, *[a.format(tmp=tmp_path) for a in args], "--missing", "reconstruct")

    assert result.exit_code == 1
    assert result.output == REFUSED
    assert not (tmp_path / "m.csv").exists() and not (tmp_path / "r").exists()


def test_an_unreadable_responded_is_refused_by_row_and_the_input_is_unchanged(run_cli, write_folder, tmp_path):
    folder = write_folder(folder="bad", people="id,responded\na,True\nb,maybe\nc,Nej\n", ties="source,target,relation\na,b,advice\n")
    before = {path.name: path.read_bytes() for path in folder.iterdir()}

    result = run_cli("flags", folder, "-o", tmp_path / "flags.csv")

    assert result.exit_code == 1
    assert result.output == (
        "Error: 1 problem in the input:\n"
        "  - people, row 3, column 'responded': person 'b' has responded 'maybe'; write yes or no (ja/nej, true/false, 1/0)\n"
    )
    assert {path.name: path.read_bytes() for path in folder.iterdir()} == before
    assert not (tmp_path / "flags.csv").exists()


def test_an_unknown_treatment_is_a_usage_error(run_cli, data):
    result = run_cli("flags", data, "--missing", "impute")

    assert result.exit_code == 2
    assert "Invalid value for '--missing': 'impute' is not one of 'keep', 'reconstruct'." in result.output


def test_the_workbook_about_sheet_states_the_treatment(run_cli, data, tmp_path):
    import pandas as pd

    result = run_cli("flags", data, "-o", tmp_path / "flags.xlsx", "--missing", "reconstruct")

    assert result.exit_code == 0, result.output
    about = dict(pd.read_excel(tmp_path / "flags.xlsx", sheet_name="about").itertuples(index=False, name=None))
    assert about["missing.treatment"] == "reconstruct" and about["missing.ties_reconstructed"] == 3
