"""`orgnet survey import` in-process on two gaps a reviewer found in issue 20's name matching.

1. ``Ulla Jensen, Hjemmeplejen`` as one answer (a contact slot of Microsoft Forms): a roster name,
   a comma and a place the roster does not know. Before: review, "no roster name resembles it",
   no candidate. Now: review (a place the roster does not know may mean a namesake who works
   there), naming the people the name before the comma fits, and why.
2. A Google Forms checkbox's "Other" text holding two names (``Tina Berg Vesterå, Lise Dahl``):
   before, one answer to review (2 ties lost); now split as a typed list is, each name matched.
"""

from __future__ import annotations

import csv
import io

import pandas as pd
import pytest

from orgnet.io.excel import write_workbook

ROSTER = (
    "id,name,email,organisation,unit,role\n"
    "r1,Rikke Dahl,r1@x.dk,Åbakken Skole,Indskolingen,employee\n"
    "uj,Ulla Jensen,uj@x.dk,Lyngbakken,Hus 1,employee\n"
    "tb,Tina Berg,tb@x.dk,Vesterå,Skolen,employee\n"
    "ld,Lise Dahl,ld@x.dk,Kærholm,Hus A,employee\n"
    "mh,Mette Hansen,mh@x.dk,Kærholm,Hus A,employee\n"
)
# a second Ulla Jensen and a second Lise Dahl, elsewhere: the name alone no longer decides
NAMESAKES = "uj2,Ulla Jensen,uj2@x.dk,Solsikken,Børnehaven,employee\nld2,Lise Dahl,ld2@x.dk,Solsikken,Vuggestuen,employee\n"
ADVICE = "Råd og sparring"
MEETINGS = "Hvem mødes du med i faste fora (møder, udvalg, MED)?"
MATCH_COLUMNS = ["answer", "context", "id", "method", "candidates", "review", "why"]


def _forms(path):
    columns = ["ID", "Start time", "Completion time", "Email", "Name", f"{ADVICE} – kontakt 1", f"{ADVICE} – hyppighed 1"]
    rows = [["1", "3/2/26 9:01:12", "3/2/26 9:07:40", "r1@x.dk", "Rikke Dahl", "Ulla Jensen, Hjemmeplejen", "Ugentligt"]]
    write_workbook({"Sheet1": pd.DataFrame(rows, columns=columns)}, path)
    return path


def _google(path, downloaded: bool):
    """Google's two shapes: "Download responses" joins checkboxes by ';', the linked Sheet by ', '."""
    join = ";" if downloaded else ", "
    cell = join.join(["Mette Hansen (Hus A)", "Tina Berg Vesterå, Lise Dahl"])
    rows = [["Timestamp", "Email Address", MEETINGS], ["2026/03/02 7:31:59 AM CET", "r1@x.dk", cell]]
    buffer = io.StringIO()
    csv.writer(buffer, quoting=csv.QUOTE_ALL if downloaded else csv.QUOTE_MINIMAL, lineterminator="\r\n").writerows(rows)
    path.write_bytes(buffer.getvalue().encode("utf-8"))
    return path


def _run(tmp_path, run_cli, export, roster_text):
    roster = tmp_path / "roster.csv"
    roster.write_bytes(roster_text.encode("utf-8"))
    before = {path: path.read_bytes() for path in (roster, export)}
    result = run_cli("survey", "import", export, "--roster", roster, "-o", tmp_path / "out")
    assert result.exit_code == 0, result.output
    assert {path: path.read_bytes() for path in before} == before
    matches = pd.read_csv(tmp_path / "out" / "matches.csv", dtype=str, keep_default_na=False)
    ties = pd.read_csv(tmp_path / "out" / "ties.csv", dtype=str, keep_default_na=False)
    return result, matches[MATCH_COLUMNS].values.tolist(), sorted(ties[["source", "target", "weight"]].values.tolist())


def test_a_name_with_a_place_the_roster_does_not_know_goes_to_review_naming_her(tmp_path, run_cli):
    result, matches, ties = _run(tmp_path, run_cli, _forms(tmp_path / "forms.xlsx"), ROSTER)
    assert result.output.splitlines()[:2] == [
        "read 1 answer (Microsoft Forms) from 1 of 5 people",
        "0 ties; answers to review: 1 (1 distinct text in matches.csv)",
    ]
    assert matches == [
        ["Ulla Jensen, Hjemmeplejen", "", "", "ambiguous", "uj Ulla Jensen (Hus 1)", "yes",
         "the full name fits 1 person on the roster (uj Ulla Jensen (Hus 1)); 'Hjemmeplejen' is no unit or organisation on the roster"],
    ]
    assert ties == []


def test_a_name_with_an_unknown_place_that_fits_two_people_lists_both(tmp_path, run_cli):
    _, matches, ties = _run(tmp_path, run_cli, _forms(tmp_path / "forms.xlsx"), ROSTER + NAMESAKES)
    assert matches == [
        ["Ulla Jensen, Hjemmeplejen", "", "", "ambiguous", "uj Ulla Jensen (Hus 1); uj2 Ulla Jensen (Børnehaven)", "yes",
         "the full name fits 2 people on the roster; 'Hjemmeplejen' is no unit or organisation on the roster"],
    ]
    assert ties == []


@pytest.mark.parametrize("downloaded", [True, False], ids=["download-responses", "linked-sheet"])
def test_two_names_in_a_google_checkbox_other_text_are_both_matched(downloaded, tmp_path, run_cli):
    result, matches, ties = _run(tmp_path, run_cli, _google(tmp_path / "responses.csv", downloaded), ROSTER)
    lines = result.output.splitlines()
    assert lines[0] == "read 3 answers (Google Forms) from 1 of 5 people"
    assert "3 ties; no answers to review" in lines
    assert matches == [
        ["Lise Dahl", "", "ld", "exact", "", "", ""],
        ["Mette Hansen (Hus A)", "", "mh", "exact", "", "", ""],
        ["Tina Berg Vesterå", "", "tb", "unit", "tb Tina Berg (Skolen)", "", ""],
    ]
    assert ties == [["r1", "ld", "1"], ["r1", "mh", "1"], ["r1", "tb", "1"]]


@pytest.mark.parametrize("downloaded", [True, False], ids=["download-responses", "linked-sheet"])
def test_a_name_in_a_google_other_text_that_fits_two_people_is_not_decided(downloaded, tmp_path, run_cli):
    _, matches, ties = _run(tmp_path, run_cli, _google(tmp_path / "responses.csv", downloaded), ROSTER + NAMESAKES)
    assert matches[0] == [
        "Lise Dahl", "Åbakken Skole / Indskolingen", "", "ambiguous", "ld Lise Dahl (Hus A); ld2 Lise Dahl (Vuggestuen)", "yes",
        "the full name; 2 people on the roster fit, none in the respondent's unit or organisation",
    ]
    assert ties == [["r1", "mh", "1"], ["r1", "tb", "1"]]


@pytest.mark.parametrize("downloaded", [True, False], ids=["download-responses", "linked-sheet"])
def test_one_name_with_a_comma_in_a_google_other_text_stays_one_answer(downloaded, tmp_path, run_cli):
    """The linked Sheet joins choices by ", ": its "Other" text was cut on every comma (``Jensen`` to review)."""
    join = ";" if downloaded else ", "
    export = tmp_path / "responses.csv"
    buffer = io.StringIO()
    csv.writer(buffer, quoting=csv.QUOTE_ALL if downloaded else csv.QUOTE_MINIMAL, lineterminator="\r\n").writerows(
        [["Timestamp", "Email Address", MEETINGS], ["2026/03/02 7:31:59 AM CET", "r1@x.dk", join.join(["Mette Hansen (Hus A)", "Jensen, Ulla (Lyngbakken)"])]])
    export.write_bytes(buffer.getvalue().encode("utf-8"))
    _, matches, ties = _run(tmp_path, run_cli, export, ROSTER)
    assert matches == [
        ["Jensen, Ulla (Lyngbakken)", "", "uj", "unit", "uj Ulla Jensen (Hus 1)", "", ""],
        ["Mette Hansen (Hus A)", "", "mh", "exact", "", "", ""],
    ]
    assert ties == [["r1", "mh", "1"], ["r1", "uj", "1"]]
