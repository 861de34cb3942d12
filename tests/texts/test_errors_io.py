"""orgnet.io's errors in the command's language: the same refusal of the same input reads in
Danish with ``--lang da`` and exactly as before in English with ``--lang en`` (exit status 1)."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from orgnet.cli import main

PEOPLE = "id,name\na,Anne\nb,Bo\n"
TIES = "source,target,kind\na,b,formal\n"


def said(tmp_path, files: dict[str, str | bytes], target: str, lang: str) -> str:
    """``orgnet validate target`` on ``files`` written in ``tmp_path``, in ``lang``: its output."""
    for name, content in files.items():
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
    result = CliRunner().invoke(main, ["validate", str(tmp_path / target), "--lang", lang])
    assert result.exit_code == 1, result.output
    assert "Traceback" not in result.output
    return result.output.replace(str(tmp_path) + "/", "")


def one(problem: str, lang: str) -> str:
    head = "Fejl: 1 problem i inddata:" if lang == "da" else "Error: 1 problem in the input:"
    return f"{head}\n  - {problem}\n"


CASES = {
    "unknown person id": (
        {"d/people.csv": PEOPLE, "d/ties.csv": "source,target,kind\na,zz,formal\n"}, "d",
        "d/ties.csv, række 2, kolonne 'target': ukendt person-id 'zz' (ikke i d/people.csv)",
        "d/ties.csv, row 2, column 'target': unknown person id 'zz' (not in d/people.csv)",
    ),
    "duplicate person id": (
        {"d/people.csv": "id,name\na,Anne\nb,Bo\na,Åse\n", "d/ties.csv": TIES}, "d",
        "d/people.csv, række 4, kolonne 'id': person-id 'a' findes to gange (første gang i række 2)",
        "d/people.csv, row 4, column 'id': duplicate person id 'a' (first at row 2)",
    ),
    "missing column": (
        {"d/people.csv": "navn\nAnne\n", "d/ties.csv": TIES}, "d",
        "d/people.csv: kolonnen 'id' mangler. Kolonner i filen: navn. orgnet læser: id, name, organisation, unit, role, "
        "level, gender, tenure_years, profession (omdøb kolonner i orgnet.toml under [columns])",
        "d/people.csv: missing column 'id'. Columns in the file: navn. orgnet reads: id, name, organisation, unit, role, "
        "level, gender, tenure_years, profession (rename columns in orgnet.toml under [columns])",
    ),
    "weight not positive": (
        {"d/people.csv": PEOPLE, "d/ties.csv": "source,target,kind,weight\na,b,formal,-2\n"}, "d",
        "d/ties.csv, række 2, kolonne 'weight': vægten '-2' er ikke positiv (vægte skal være > 0)",
        "d/ties.csv, row 2, column 'weight': weight '-2' is not positive (weights must be > 0)",
    ),
    "no kind for relation": (
        {"d/people.csv": PEOPLE, "d/ties.csv": "source,target,relation\na,b,kaffe\n"}, "d",
        "d/ties.csv, række 2, kolonne 'relation': ingen art for relationen 'kaffe': tilføj en kolonne 'kind', eller angiv "
        "den i orgnet.toml ([relations] kaffe = \"formal\" eller \"informal\"; \"*\" = \"informal\" for alle relationer, "
        "der ikke står der)",
        "d/ties.csv, row 2, column 'relation': no kind for relation 'kaffe': give a 'kind' column or map it in orgnet.toml "
        "([relations] kaffe = \"formal\" or \"informal\"; \"*\" = \"informal\" for every relation not listed)",
    ),
    "orgnet.toml: a kind that is no kind": (
        {"d/people.csv": PEOPLE, "d/ties.csv": TIES, "d/orgnet.toml": "[relations]\nkaffe = \"uformel\"\n"}, "d",
        "orgnet.toml: [relations] kaffe = 'uformel': arten skal være 'formal' eller 'informal'",
        "orgnet.toml: [relations] kaffe = 'uformel': the kind must be 'formal' or 'informal'",
    ),
    "orgnet.toml: a rename of a column no file has": (
        {"d/people.csv": PEOPLE, "d/ties.csv": TIES, "d/orgnet.toml": "[columns]\nenhed = \"unit\"\n"}, "d",
        "orgnet.toml: [columns] enhed = \"unit\": ingen fil har en kolonne 'enhed'. Kolonner: id, kind, name, source, target",
        "orgnet.toml: [columns] enhed = \"unit\": no file has a column 'enhed'. Columns: id, kind, name, source, target",
    ),
    "orgnet.toml: two renames to one column": (
        {"d/people.csv": "id,navn,fornavn\na,A,A\nb,B,B\n", "d/ties.csv": TIES,
         "d/orgnet.toml": "[columns.people]\nnavn = \"name\"\nfornavn = \"name\"\n"}, "d",
        "orgnet.toml: [columns] navn = \"name\" og fornavn = \"name\" giver begge people.csv en kolonne 'name'; behold én",
        "orgnet.toml: [columns] navn = \"name\" and fornavn = \"name\" both give people.csv a column 'name'; keep one",
    ),
    "a folder without people.csv": (
        {"d/ties.csv": TIES}, "d",
        "d/people.csv: filen findes ikke (en datamappe skal have people.csv og ties.csv)",
        "d/people.csv: file not found (a data folder needs people.csv and ties.csv)",
    ),
    "a form orgnet does not read": (
        {"net.txt": "a b\n"}, "net.txt",
        "net.txt: ukendt filtype '.txt'; forventede en mappe med CSV-filer, .xlsx, .graphml, .gexf, .dl eller .net",
        "net.txt: unknown form '.txt'; expected a folder of CSV files, .xlsx, .graphml, .gexf, .dl or .net",
    ),
    "a Pajek vertex out of range": (
        {"net.net": "*Vertices 2\n1 \"a\"\n2 \"b\"\n*Arcs\n1 3\n"}, "net.net",
        "net.net, række 5: knude 3 er ikke mellem 1 og 2",
        "net.net, row 5: vertex 3 is not between 1 and 2",
    ),
    "a DL format orgnet does not read": (
        {"net.dl": "dl n=2 format=nodelist2\ndata:\n1 2\n"}, "net.dl",
        "net.dl, række 1: formatet 'nodelist2' læses ikke af orgnet; brug et af fullmatrix, edgelist1, nodelist1",
        "net.dl, row 1: format 'nodelist2' is not read by orgnet; use one of fullmatrix, edgelist1, nodelist1",
    ),
    "a DL matrix of the wrong size": (
        {"net.dl": "dl n=3\ndata:\n0 1 0\n1 0 1\n"}, "net.dl",
        "net.dl, række 4: matricen har 2 rækker, men n=3",
        "net.dl, row 4: the matrix has 2 rows, but n=3",
    ),
    "a person of the network missing beside it": (
        {"net.net": "*Vertices 2\n1 \"a\"\n2 \"b\"\n*Arcs\n1 2\n", "net.net.people.csv": "id,name\na,Anne\n"}, "net.net",
        "net.net.people.csv: 1 person fra {d}net.net er ikke i denne fil: b",
        "net.net.people.csv: 1 people of {d}net.net are not in this file: b",
    ),
    "a GraphML root that is not one": (
        {"net.graphml": "<?xml version='1.0'?>\n<html><body/></html>\n"}, "net.graphml",
        "net.graphml, række 2: rodelementet er <html>, ikke <graphml> eller <gexf>: ikke et GraphML- eller GEXF-netværk",
        "net.graphml, row 2: the root element is <html>, not <graphml> or <gexf>: not a GraphML or GEXF network",
    ),
    "an empty CSV file": (
        {"d/people.csv": "", "d/ties.csv": TIES}, "d",
        "d/people.csv: filen er tom; forventede en overskriftsrække",
        "d/people.csv: the file is empty; expected a header row",
    ),
}


@pytest.mark.parametrize("case", CASES)
def test_the_error_in_danish_and_in_english(tmp_path, case):
    files, target, danish, english = CASES[case]
    danish, english = (text.replace("{d}", str(tmp_path) + "/") for text in (danish, english))

    assert said(tmp_path, files, target, "da") == one(danish, "da").replace(str(tmp_path) + "/", "")
    assert said(tmp_path, files, target, "en") == one(english, "en").replace(str(tmp_path) + "/", "")


def test_a_count_is_plural_in_danish(tmp_path):
    files = {"net.net": "*Vertices 3\n1 \"a\"\n2 \"b\"\n3 \"c\"\n*Arcs\n1 2\n", "net.net.people.csv": "id,name\na,Anne\n"}

    assert "2 personer fra net.net er ikke i denne fil: b, c" in said(tmp_path, files, "net.net", "da")


def test_a_big_number_is_written_the_danish_way(tmp_path):
    files = {"d/people.csv": PEOPLE, "d/ties.csv": TIES, "d/orgnet.toml": "# " + "x" * 1_000_001 + "\n"}

    danish = said(tmp_path, files, "d", "da")
    english = said(tmp_path, files, "d", "en")

    assert "orgnet.toml: 1.000.004 byte er mere end de 1.000.000, en orgnet.toml må fylde" in danish
    assert "orgnet.toml: 1,000,004 bytes is more than the 1,000,000 an orgnet.toml may have" in english
