"""Every bad input gets one clear message naming file, row and value, and exit status 1."""

from __future__ import annotations

import json

import pytest

PEOPLE = "id,name,organisation\na,Anne,K\nb,Bjørn,K\nc,Cæcilie,R\n"


def refused(run_cli, folder) -> str:
    result = run_cli("validate", folder)
    assert result.exit_code == 1, result.output
    assert "Traceback" not in result.output
    return result.output


def test_unknown_ids_in_ties(write_folder, run_cli):
    folder = write_folder(people=PEOPLE, ties="source,target,kind\na,b,formal\na,zz,formal\nyy,c,informal\n")

    output = refused(run_cli, folder)

    assert output == (
        "Error: 2 problems in the input:\n"
        f"  - {folder}/ties.csv, row 3, column 'target': unknown person id 'zz' (not in {folder}/people.csv)\n"
        f"  - {folder}/ties.csv, row 4, column 'source': unknown person id 'yy' (not in {folder}/people.csv)\n"
    )


def test_duplicate_and_empty_person_ids(write_folder, run_cli):
    folder = write_folder(people="id,name\na,Anne\nb,Bo\na,Åse\n,Nameless\n", ties="source,target,kind\na,b,formal\n")

    output = refused(run_cli, folder)

    assert f"  - {folder}/people.csv, row 5, column 'id': empty person id\n" in output
    assert f"  - {folder}/people.csv, row 4, column 'id': duplicate person id 'a' (first at row 2)\n" in output
    assert output.startswith("Error: 2 problems in the input:\n")


def test_missing_required_column_names_expected_and_found(write_folder, run_cli):
    folder = write_folder(people="navn,enhed\nAnne,X\n", ties="source,target,kind\na,b,formal\n")

    output = refused(run_cli, folder)

    assert output == (
        "Error: 1 problem in the input:\n"
        f"  - {folder}/people.csv: missing column 'id'. Columns in the file: navn, enhed. "
        "orgnet reads: id, name, organisation, unit, role, level, gender, tenure_years, profession "
        "(rename columns in orgnet.toml under [columns])\n"
    )


@pytest.mark.parametrize(
    ("weight", "message"),
    [
        ("lots", "weight 'lots' is not a number"),
        ("0", "weight '0' is not positive (weights must be > 0)"),
        ("-2,5", "weight '-2,5' is not positive (weights must be > 0)"),
    ],
    ids=["not-a-number", "zero", "negative-decimal-comma"],
)
def test_bad_weights(write_folder, run_cli, weight, message):
    folder = write_folder(people=PEOPLE, ties=f'source;target;kind;weight\na;b;formal;"{weight}"\n')

    output = refused(run_cli, folder)

    assert output == f"Error: 1 problem in the input:\n  - {folder}/ties.csv, row 2, column 'weight': {message}\n"


def test_kind_other_than_formal_or_informal(write_folder, run_cli):
    folder = write_folder(people=PEOPLE, ties="source,target,kind\na,b,formel\n")

    output = refused(run_cli, folder)

    assert output == (
        "Error: 1 problem in the input:\n"
        f"  - {folder}/ties.csv, row 2, column 'kind': kind 'formel' is neither 'formal' nor 'informal'\n"
    )


def test_unmapped_relation_without_kind(write_folder, run_cli):
    folder = write_folder(people=PEOPLE, ties="source,target,relation\na,b,kaffe\n")

    output = refused(run_cli, folder)

    assert output == (
        "Error: 1 problem in the input:\n"
        f"  - {folder}/ties.csv, row 2, column 'relation': no kind for relation 'kaffe': give a 'kind' column "
        "or map it in orgnet.toml ([relations] kaffe = \"formal\" or \"informal\"; \"*\" = \"informal\" for every relation not listed)\n"
    )


def test_self_tie(write_folder, run_cli):
    folder = write_folder(people=PEOPLE, ties="source,target,kind\nb,b,informal\n")

    output = refused(run_cli, folder)

    assert output == f"Error: 1 problem in the input:\n  - {folder}/ties.csv, row 2: self-tie: 'b' is both source and target\n"


def test_every_problem_at_once_across_files(write_folder, run_cli):
    folder = write_folder(people="id\na\na\n", ties="source,target,kind,weight\na,q,formal,x\na,a,informal,1\n")

    output = refused(run_cli, folder)

    assert output.startswith("Error: 4 problems in the input:\n")
    for expected in ("duplicate person id 'a'", "unknown person id 'q'", "weight 'x' is not a number", "self-tie"):
        assert expected in output


def test_file_that_is_not_text(write_folder, run_cli, tmp_path):
    folder = write_folder(people=PEOPLE, ties="source,target,kind\na,b,formal\n")
    (folder / "ties.csv").write_bytes(b"PK\x03\x04\x00\x00binary")

    output = refused(run_cli, folder)

    assert output == f"Error: 1 problem in the input:\n  - {folder}/ties.csv: not a text file (binary data at byte 4)\n"


def test_missing_files(tmp_path, run_cli):
    folder = tmp_path / "empty"
    folder.mkdir()

    output = refused(run_cli, folder)

    assert output == (
        "Error: 2 problems in the input:\n"
        f"  - {folder}/people.csv: file not found (a data folder needs people.csv and ties.csv)\n"
        f"  - {folder}/ties.csv: file not found (a data folder needs people.csv and ties.csv)\n"
    )


def test_missing_path(tmp_path, run_cli):
    output = refused(run_cli, tmp_path / "nowhere")

    assert output == f"Error: 1 problem in the input:\n  - {tmp_path}/nowhere: no such file or folder\n"


def test_ragged_row(write_folder, run_cli):
    folder = write_folder(people="id,name\na,Anne\nb,Bo,extra,more\nc,Cæcilie,x,y\n", ties="source,target,kind\na,b,formal\n")

    output = refused(run_cli, folder)

    assert output == f"Error: 1 problem in the input:\n  - {folder}/people.csv, rows 3–4 (2 rows): 4 values, but the header has 2 columns\n"


BILLION_LAUGHS = """<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns"><graph edgedefault="directed">
<node id="&lol2;"/></graph></graphml>
"""
EXTERNAL_ENTITY = """<?xml version="1.0"?>
<!DOCTYPE foo [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
<gexf xmlns="http://gexf.net/1.2" version="1.2"><graph><nodes><node id="1" label="&xxe;"/></nodes></graph></gexf>
"""


@pytest.mark.parametrize(
    ("suffix", "text"),
    [(".graphml", BILLION_LAUGHS), (".gexf", EXTERNAL_ENTITY)],
    ids=["entity-expansion", "external-entity"],
)
def test_xml_with_entities_is_refused(tmp_path, run_cli, suffix, text):
    path = tmp_path / f"attack{suffix}"
    path.write_text(text, encoding="utf-8")

    output = refused(run_cli, path)

    assert output == (
        f"Error: 1 problem in the input:\n  - {path}: refused: the XML declares a DTD "
        "(entity expansion and external entities are not allowed)\n"
    )


def test_unknown_file_form(tmp_path, run_cli):
    path = tmp_path / "net.pajek"
    path.write_text("*Vertices 1\n", encoding="utf-8")

    output = refused(run_cli, path)

    assert output == (
        f"Error: 1 problem in the input:\n  - {path}: unknown form '.pajek'; expected a folder of CSV files, .xlsx, .graphml, .gexf, .dl or .net\n"
    )


def test_valid_data_summary_as_json(write_folder, run_cli):
    folder = write_folder(people=PEOPLE, ties="source,target,kind\na,b,formal\na,b,formal\nb,c,informal\n")

    result = run_cli("validate", folder, "--json")

    assert result.exit_code == 0
    summary = json.loads(result.output)
    assert (summary["people"], summary["ties"], summary["duplicates_merged"], summary["isolates"]) == (3, 2, 1, 0)
    assert summary["ties_by_kind_scope"] == {"formal+internal": 1, "informal+external": 1}
    assert summary["organisations"] == 2


def test_long_problem_lists_are_cut_with_the_count(write_folder, run_cli):
    rows = "".join(f"a,ghost{i},formal\n" for i in range(60))
    folder = write_folder(people=PEOPLE, ties="source,target,kind\n" + rows)

    output = refused(run_cli, folder)

    assert output.startswith("Error: 60 problems in the input (the first 50 shown):\n")
    assert output.endswith("  … and 10 more\n")
