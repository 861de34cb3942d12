"""A roster that would send an answer to the wrong person is refused, naming both rows.

Today's failure (issue 19): two people on one e-mail (``a@x.dk`` and ``A@X.dk``) and the answer
went to the later person with exit 0. Namesakes are legal, but an answer that fits both must go
to review, never to one of them.
"""

from __future__ import annotations

import unicodedata

import pandas as pd
import pytest

from tests.survey.corpus import ADVICE

HEADER = ["Timestamp", "Email Address", f"{ADVICE} – kontakt 1", f"{ADVICE} – hyppighed 1"]


def _write(path, text: str) -> bytes:
    path.write_bytes(text.encode("utf-8"))
    return path.read_bytes()


def _export(path, rows) -> bytes:
    pd.DataFrame(rows, columns=HEADER).to_csv(path, index=False)
    return path.read_bytes()


ANNA_BO = "id,name,email,unit\na,Anna Ærø,a@x.dk,U1\nb,Bo Bøgh,{second},U2\n"


@pytest.mark.parametrize(
    ("second", "shown"),
    [
        ("a@x.dk", "a@x.dk"),
        ("A@X.dk", "A@X.dk"),  # differs only in case
        (" a@x.dk ", "a@x.dk"),  # spaces around it (a CSV cell is stripped when read)
    ],
)
def test_two_people_on_one_email_are_refused_by_template_and_import(tmp_path, run_cli, second, shown):
    roster = tmp_path / "roster.csv"
    before = _write(roster, ANNA_BO.format(second=second))
    export = tmp_path / "g.csv"
    before_export = _export(export, [["t", "a@x.dk", "Bo Bøgh", "dagligt"]])
    template = run_cli("survey", "template", roster, "-o", tmp_path / "t")
    imported = run_cli("survey", "import", export, "--roster", roster, "-o", tmp_path / "out")
    expected = (
        "Error: 1 problem in the input:\n"
        f"  - {roster}, row 3, column 'email': e-mail '{shown}' is also the e-mail of row 2 ('a@x.dk', id 'a'); "
        "answers are found by e-mail, so each person needs their own\n"
    )
    assert (template.exit_code, template.output) == (1, expected)
    assert (imported.exit_code, imported.output) == (1, expected)
    assert not (tmp_path / "t").exists() and not (tmp_path / "out").exists()
    assert roster.read_bytes() == before and export.read_bytes() == before_export


def test_the_same_email_in_nfc_and_nfd_is_one_email(tmp_path, run_cli):
    nfc, nfd = "søs.å@x.dk", unicodedata.normalize("NFD", "søs.å@x.dk")
    assert nfc != nfd
    roster = tmp_path / "roster.csv"
    _write(roster, f"id,name,email\na,Anna Ærø,{nfc}\nb,Bo Bøgh,{nfd}\n")
    result = run_cli("survey", "template", roster, "-o", tmp_path / "t")
    assert result.exit_code == 1
    assert result.output == (
        "Error: 1 problem in the input:\n"
        f"  - {roster}, row 3, column 'email': e-mail '{nfd}' is also the e-mail of row 2 ('{nfc}', id 'a'); "
        "answers are found by e-mail, so each person needs their own\n"
    )


def test_a_workbook_roster_names_the_sheet_and_its_rows(tmp_path, run_cli):
    path = tmp_path / "roster.xlsx"
    pd.DataFrame([("a", "Anna Ærø", "a@x.dk"), ("b", "Bo Bøgh", "c@x.dk"), ("c", "Cy Friis", "C@x.dk")], columns=["id", "name", "email"]).to_excel(
        path, sheet_name="people", index=False)
    before = path.read_bytes()
    result = run_cli("survey", "template", path, "-o", tmp_path / "t")
    assert result.exit_code == 1
    assert result.output == (
        "Error: 1 problem in the input:\n"
        f"  - {path} [people], row 4, column 'email': e-mail 'C@x.dk' is also the e-mail of row 3 ('c@x.dk', id 'b'); "
        "answers are found by e-mail, so each person needs their own\n"
    )
    assert path.read_bytes() == before


def test_a_duplicate_id_is_refused_naming_both_rows(tmp_path, run_cli):
    roster = tmp_path / "roster.csv"
    before = _write(roster, "id,name,email\na,Anna Ærø,a@x.dk\nb,Bo Bøgh,b@x.dk\na,Cy Friis,c@x.dk\n")
    for command in (["survey", "template", roster, "-o", tmp_path / "t"],
                    ["survey", "import", tmp_path / "none.csv", "--roster", roster, "-o", tmp_path / "out"]):
        result = run_cli(*command)
        assert (result.exit_code, result.output) == (1, f"Error: 1 problem in the input:\n  - {roster}, row 4, column 'id': duplicate person id 'a' (first at row 2)\n")
    assert roster.read_bytes() == before


def test_a_respondent_key_that_fits_two_people_is_refused(tmp_path, run_cli):
    # ids that differ only in case are two people to orgnet, but one respondent key to the import
    roster = tmp_path / "roster.csv"
    before = _write(roster, "id,name,email\nab,Anna Ærø,a@x.dk\nAB,Bo Bøgh,b@x.dk\nc,Cy Friis,c@x.dk\n")
    export = tmp_path / "g.csv"
    before_export = _export(export, [["t", "Ab", "Cy Friis", "dagligt"], ["t", "c@x.dk", "Bo Bøgh", "dagligt"]])
    result = run_cli("survey", "import", export, "--roster", roster, "-o", tmp_path / "out")
    assert result.exit_code == 1
    assert result.output == (
        "Error: 1 problem in the input:\n"
        f"  - {export}, row 2: respondent 'Ab' fits 2 people of {roster}: row 2 (id 'ab') and row 3 (id 'AB'); "
        "give each person an id and e-mail of their own\n"
    )
    assert roster.read_bytes() == before and export.read_bytes() == before_export
    assert not (tmp_path / "out").exists()


def test_namesakes_in_one_unit_are_refused_by_the_template(tmp_path, run_cli):
    roster = tmp_path / "roster.csv"
    before = _write(roster, "id,name,email,unit\na,Anna Ærø,a@x.dk,U1\nb,Bo Bøgh,b@x.dk,U2\nc,Bo Bøgh,c@x.dk,U2\nd,Bo Bøgh,d@x.dk,U3\n")
    result = run_cli("survey", "template", roster, "-o", tmp_path / "t")
    assert result.exit_code == 1
    assert result.output == (
        "Error: 1 problem in the input:\n"
        f"  - {roster}, row 4, column 'name': 'Bo Bøgh (U2)' (id 'c') would be the same line of the choice list as row 3 (id 'b'); "
        "add a middle name or an initial to one of them so that answers can tell them apart\n"
    )
    assert roster.read_bytes() == before and not (tmp_path / "t").exists()


def test_a_name_shared_by_two_people_goes_to_review_unless_the_unit_decides(tmp_path, run_cli):
    roster = tmp_path / "roster.csv"
    _write(roster, "id,name,email,unit\na,Anna Ærø,a@x.dk,U1\nb,Bo Bøgh,b@x.dk,U2\nc,Bo Bøgh,c@x.dk,U3\nd,Di Lund,d@x.dk,U2\n")
    export = tmp_path / "g.csv"
    _export(export, [["t", "a@x.dk", "Bo Bøgh", "dagligt"], ["t", "d@x.dk", "Bo Bøgh", "ugentligt"], ["t", "c@x.dk", "bo bøgh", "dagligt"]])
    result = run_cli("survey", "import", export, "--roster", roster, "-o", tmp_path / "out")
    assert result.exit_code == 0, result.output
    matches = pd.read_csv(tmp_path / "out" / "matches.csv", dtype=str, keep_default_na=False)
    rows = matches[["answer", "context", "id", "method", "review"]].values.tolist()
    assert rows == [
        ["Bo Bøgh", "U1", "", "ambiguous", "yes"],  # Anna's unit has no Bo Bøgh: nothing decides
        ["bo bøgh", "U3 (respondent c)", "", "ambiguous", "yes"],  # the Bo Bøgh of U3 names a Bo Bøgh outside his unit: not guessed
        ["Bo Bøgh", "U2", "b", "unit", ""],  # Di's own unit has one Bo Bøgh
    ]
    ties = pd.read_csv(tmp_path / "out" / "ties.csv", dtype=str)
    assert ties[["source", "target"]].values.tolist() == [["d", "b"]]


def test_namesakes_in_one_unit_at_import_go_to_review_except_for_one_of_them(tmp_path, run_cli):
    # a roster that did not pass through the template: two Bo Bøgh in U2. A colleague in U2 who
    # names "Bo Bøgh" may mean either: review. One Bo Bøgh naming "Bo Bøgh" means the other one
    # (a respondent does not name himself; the same rule as for a first name alone in the unit).
    roster = tmp_path / "roster.csv"
    _write(roster, "id,name,email,unit\nb,Bo Bøgh,b@x.dk,U2\nc,Bo Bøgh,c@x.dk,U2\nd,Di Lund,d@x.dk,U2\n")
    export = tmp_path / "g.csv"
    _export(export, [["t", "d@x.dk", "Bo Bøgh", "dagligt"], ["t", "b@x.dk", "Bo Bøgh (U2)", "ugentligt"]])
    result = run_cli("survey", "import", export, "--roster", roster, "-o", tmp_path / "out")
    assert result.exit_code == 0, result.output
    matches = pd.read_csv(tmp_path / "out" / "matches.csv", dtype=str, keep_default_na=False)
    assert matches[["answer", "context", "id", "method", "review"]].values.tolist() == [
        ["Bo Bøgh", "U2", "", "ambiguous", "yes"],
        ["Bo Bøgh (U2)", "U2 (respondent b)", "c", "unit", ""],
    ]


def test_one_namesakes_answer_does_not_decide_a_colleagues(tmp_path, run_cli):
    # before: the first answer "Bo Bøgh" of U2 (from b: not himself, so c) was reused for the whole
    # unit, so Di's "Bo Bøgh" became a tie to c with exit 0, and c's own became "self" (lost)
    roster = tmp_path / "roster.csv"
    _write(roster, "id,name,email,unit\nb,Bo Bøgh,b@x.dk,U2\nc,Bo Bøgh,c@x.dk,U2\nd,Di Lund,d@x.dk,U2\n")
    export = tmp_path / "g.csv"
    _export(export, [["t", "b@x.dk", "Bo Bøgh", "dagligt"], ["t", "d@x.dk", "Bo Bøgh", "dagligt"], ["t", "c@x.dk", "Bo Bøgh", "dagligt"]])
    result = run_cli("survey", "import", export, "--roster", roster, "-o", tmp_path / "out")
    assert result.exit_code == 0, result.output
    assert "2 ties; answers to review: 1 (1 distinct text in matches.csv)" in result.output
    ties = pd.read_csv(tmp_path / "out" / "ties.csv", dtype=str)
    assert ties[["source", "target"]].values.tolist() == [["b", "c"], ["c", "b"]]
    matches = pd.read_csv(tmp_path / "out" / "matches.csv", dtype=str, keep_default_na=False)
    assert matches[["answer", "context", "id", "method"]].values.tolist() == [
        ["Bo Bøgh", "U2", "", "ambiguous"], ["Bo Bøgh", "U2 (respondent b)", "c", "unit"], ["Bo Bøgh", "U2 (respondent c)", "b", "unit"]]


def test_a_unit_name_in_two_organisations_is_two_units(tmp_path, run_cli):
    # Ledelse of Kærholm is not Ledelse of Solsikken: before, Kærholm's leader naming "Mette"
    # was matched to Solsikken's Mette as if she sat in the same unit
    roster = tmp_path / "roster.csv"
    _write(roster, "id,name,email,organisation,unit\nk1,Karin Ravn,k1@x.dk,Kærholm,Ledelse\n"
                   "s1,Mette Hansen,s1@x.dk,Solsikken,Ledelse\n")
    export = tmp_path / "g.csv"
    _export(export, [["t", "k1@x.dk", "Mette", "dagligt"]])
    result = run_cli("survey", "import", export, "--roster", roster, "-o", tmp_path / "out")
    assert result.exit_code == 0, result.output
    matches = pd.read_csv(tmp_path / "out" / "matches.csv", dtype=str, keep_default_na=False)
    assert matches[["answer", "context", "id", "method", "review"]].values.tolist() == [["Mette", "Kærholm / Ledelse", "", "ambiguous", "yes"]]
