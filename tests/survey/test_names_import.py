"""`orgnet survey import` in-process on a Microsoft Forms export holding issue 20's names.

Before: 13 answers, 3 ties, 10 to review (`Jensen` and `Lyngbakken` cut out of one name, `KB
Hansen` with no candidate). Now: 11 answers, 9 ties, 2 to review, each saying why.
"""

from __future__ import annotations

import pandas as pd

from orgnet.io.excel import write_workbook

ROSTER = (
    "id,name,email,organisation,unit,role\n"
    "r1,Rikke Dahl,r1@x.dk,Åbakken Skole,Indskolingen,employee\n"
    "kbh,Karl Bjarne Hansen,kbh@x.dk,Kærholm,Hus A,leader\n"
    "am,Anne Marie Kjær,am@x.dk,Kærholm,Hus A,employee\n"
    "col,Per Holm,col@x.dk,Kærholm,Hus A,employee\n"
    "uj,Ulla Jensen,uj@x.dk,Lyngbakken,Hus 1,employee\n"
    "tl,Tove Lykke,tl@x.dk,Solsikken,Børnehaven,employee\n"
    "bh,Bo Holm,bh@x.dk,Solsikken,Børnehaven,leader\n"
    "bl,Bo Lund,bl@x.dk,Solsikken,Vuggestuen,employee\n"
    "tb,Tina Berg,tb@x.dk,Vesterå,Skolen,employee\n"
    "js,Jørgen Skov,js@x.dk,Solsikken,Vuggestuen,employee\n"
    "jd,Jørgen Dahl,jd@x.dk,Kærholm,Hus B,employee\n"
)
ADVICE = "Råd og sparring"
COLUMNS = (["ID", "Start time", "Completion time", "Email", "Name"] + [f"{ADVICE} – kontakt {i}" for i in (1, 2, 3, 4)]
           + [f"{ADVICE} – hyppighed {i}" for i in (1, 2, 3, 4)] + [f"{ADVICE} – andre (skriv navne)"])
ROWS = [
    ["1", "3/2/26 9:01:12", "3/2/26 9:07:40", "r1@x.dk", "Rikke Dahl", "Bo (leder Solsikken)", "Tina Berg Vesterå", "Anne Marie", "Jørgen",
     "Dagligt", "Ugentligt", "Månedligt", "Sjældnere", "Jensen, Ulla (Lyngbakken); KB Hansen, Tove L."],
    ["2", "3/2/26 9:02:12", "3/2/26 9:08:40", "col@x.dk", "Per Holm", "Anne Marie", None, None, None, "Dagligt", None, None, None,
     "Ulla Jensen, Lyngbakken og K.B. Hansen"],
    ["3", "3/2/26 9:03:12", "3/2/26 9:09:40", "am@x.dk", "Anne Marie Kjær", "Karl-Bjarne", None, None, None, "Ugentligt", None, None, None, None],
]


def test_issue_20s_names_are_matched_and_each_review_row_says_why(tmp_path, run_cli):
    roster, export = tmp_path / "roster.csv", tmp_path / "forms.xlsx"
    roster.write_bytes(ROSTER.encode("utf-8"))
    write_workbook({"Sheet1": pd.DataFrame(ROWS, columns=COLUMNS)}, export)
    before = {path: path.read_bytes() for path in (roster, export)}

    result = run_cli("survey", "import", export, "--roster", roster, "-o", tmp_path / "out")

    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[:2] == [
        "read 11 answers (Microsoft Forms) from 3 of 11 people",
        "9 ties; answers to review: 2 (2 distinct texts in matches.csv)",
    ]
    matches = pd.read_csv(tmp_path / "out" / "matches.csv", dtype=str, keep_default_na=False)
    assert list(matches.columns) == ["answer", "context", "id", "name", "score", "method", "candidates", "answers", "review", "why"]
    assert matches[["answer", "context", "id", "method", "review", "why"]].values.tolist() == [
        ["Anne Marie", "Åbakken Skole / Indskolingen", "", "ambiguous", "yes",
         "only the first names; 1 person on the roster fits (am Anne Marie Kjær (Hus A)), none in the respondent's unit or organisation; "
         "it may be someone not on the roster"],
        ["Jørgen", "Åbakken Skole / Indskolingen", "", "ambiguous", "yes",
         "only a first name; 2 people on the roster fit, none in the respondent's unit or organisation"],
        ["Anne Marie", "Kærholm / Hus A", "am", "unit", "", ""],
        ["Bo (leder Solsikken)", "", "bh", "unit", "", ""],
        ["Jensen, Ulla (Lyngbakken)", "", "uj", "unit", "", ""],
        ["K.B. Hansen", "", "kbh", "folded", "", ""],
        ["Karl-Bjarne", "Kærholm / Hus A", "kbh", "unit", "", ""],
        ["KB Hansen", "", "kbh", "folded", "", ""],
        ["Tina Berg Vesterå", "", "tb", "unit", "", ""],
        ["Tove L.", "", "tl", "folded", "", ""],
        ["Ulla Jensen, Lyngbakken", "", "uj", "unit", "", ""],
    ]
    ties = pd.read_csv(tmp_path / "out" / "ties.csv", dtype=str)
    assert sorted(ties[["source", "target", "weight"]].values.tolist()) == [
        ["am", "kbh", "3"], ["col", "am", "4"], ["col", "kbh", "1"], ["col", "uj", "1"],
        ["r1", "bh", "4"], ["r1", "kbh", "1"], ["r1", "tb", "3"], ["r1", "tl", "1"], ["r1", "uj", "1"],
    ]
    assert {path: path.read_bytes() for path in before} == before
