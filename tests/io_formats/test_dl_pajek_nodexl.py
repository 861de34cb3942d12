"""UCINET DL, Pajek .net and NodeXL workbooks: round trips, the shapes others write, refusals."""

from __future__ import annotations

import pandas as pd
import pytest
from openpyxl import Workbook
from openpyxl.worksheet.table import Table

import orgnet
from orgnet.errors import InputError

COLUMNS = ["source", "target", "relation", "kind", "weight"]


def _ties(network):
    return network.ties.sort_values(["source", "target", "relation"]).reset_index(drop=True)[COLUMNS]


@pytest.fixture
def small(write_folder):
    folder = write_folder(
        people="id,name,organisation\nk1,Søren Ågård,Kærholm\nk2,\"Hansen, Mette\",Kærholm\ns1,Æbelø Bøgh,Solsikken\ns2,Isolate Person,Solsikken\n",
        ties="source,target,relation,kind,weight\nk1,k2,advice,informal,3\nk2,k1,advice,informal,1,\nk1,s1,meetings,formal,1\ns1,k2,advice,informal,2,5\n".replace(",\n", "\n").replace(",2,5", ",2.5"),
    )
    return orgnet.read(folder)


@pytest.mark.parametrize("suffix", [".dl", ".net"])
def test_round_trip_loses_nothing(small, tmp_path, suffix):
    path = tmp_path / f"net{suffix}"
    orgnet.write(small, path)
    back = orgnet.read(path)
    pd.testing.assert_frame_equal(_ties(back), _ties(small), check_dtype=False)
    assert list(back.people.index) == ["k1", "k2", "s1", "s2"]  # the isolate too
    assert back.people.loc["k2", "name"] == "Hansen, Mette"
    assert back.people.loc["s1", "name"] == "Æbelø Bøgh"


def test_pajek_is_written_with_a_bom_and_line_labels(small, tmp_path):
    path = tmp_path / "net.net"
    orgnet.write(small, path)
    data = path.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    text = data.decode("utf-8-sig")
    assert '*Vertices 4\n1 "k1"\n' in text
    assert '1 2 3 l "advice" p Dashed' in text
    assert '1 3 1 l "meetings" p Solid' in text


def test_dl_header_is_one_line_with_commas(small, tmp_path):
    path = tmp_path / "net.dl"
    orgnet.write(small, path)
    lines = path.read_text(encoding="utf-8").splitlines()
    assert lines[0] == "dl n=4, nm=2, format=edgelist1"
    assert lines[1:5] == ["labels:", "k1, k2, s1, s2", "matrix labels:", '"advice (informal)", "meetings (formal)"']


def test_dl_fullmatrix_labels_embedded(tmp_path):
    path = tmp_path / "m.dl"
    path.write_text("DL N=3, FORMAT=FULLMATRIX, LABELS EMBEDDED\nDATA:\n A B C\nA 0 1 0\nB 1 0 2\nC 0 0 0\n", encoding="utf-8")
    network = orgnet.read(path)
    assert list(network.people.index) == ["A", "B", "C"]
    assert sorted(zip(network.ties["source"], network.ties["target"], network.ties["weight"])) == [("A", "B", 1.0), ("B", "A", 1.0), ("B", "C", 2.0)]
    assert set(network.ties["relation"]) == {"tie"} and set(network.ties["kind"]) == {"informal"}


def test_dl_nodelist1_with_listed_labels(tmp_path):
    path = tmp_path / "n.dl"
    path.write_text("dl n=3\nformat = nodelist1\nlabels:\nann,bo,cy\ndata:\n1 2 3\n3 1\n", encoding="utf-8")
    network = orgnet.read(path)
    assert sorted(zip(network.ties["source"], network.ties["target"])) == [("ann", "bo"), ("ann", "cy"), ("cy", "ann")]


def test_pajek_edges_comments_and_quoted_labels(tmp_path):
    path = tmp_path / "p.net"
    path.write_text('% a comment\n*Vertices 3\n1 "Søren Ågård"\n2 "Mette"\n3 "Cy"\n*Edges\n1 2 2\n*Arcs\n3 1\n', encoding="utf-8")
    network = orgnet.read(path)
    assert sorted(zip(network.ties["source"], network.ties["target"], network.ties["weight"])) == [
        ("Cy", "Søren Ågård", 1.0), ("Mette", "Søren Ågård", 2.0), ("Søren Ågård", "Mette", 2.0)]


@pytest.mark.parametrize(
    ("suffix", "text", "message"),
    [
        (".net", "*Vertices 2\n1 \"a\"\n2 \"b\"\n*Arcs\n1 3\n", "p.net, row 5: vertex 3 is not between 1 and 2"),
        (".net", "*Vertices 2\n1 \"a\"\n*Arcs\n1 x\n", "p.net, row 4: an arc needs two vertex numbers, found '1 x'"),
        (".net", "1 2\n", "p.net, row 1: '1 2' is outside any *Vertices, *Arcs or *Edges section"),
        (".dl", "dl n=2 format=edgelist1\ndata:\n1 5\n", "p.dl, row 3: vertex '5' is not a number between 1 and 2"),
        (".dl", "dl n=2 format=edgelist1\ndata:\n1 2 lots\n", "p.dl, row 3: weight 'lots' is not a number"),
        (".dl", "dl n=2 format=fullmatrix\ndata:\n0 1\n", "p.dl, row 3: the matrix has 1 rows, but n=2"),
        (".dl", "graph\ndata:\n", "p.dl, row 1: not a UCINET DL file: the first word must be 'dl'"),
        (".dl", "dl n=2 format=linkedlist\ndata:\n", "p.dl, row 1: format 'linkedlist' is not read by orgnet; use one of fullmatrix, edgelist1, nodelist1"),
    ],
)
def test_malformed_files_are_refused_with_file_and_line(tmp_path, suffix, text, message):
    path = tmp_path / f"p{suffix}"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(InputError) as error:
        orgnet.read(path)
    assert str(error.value.problems[0]).replace(str(tmp_path) + "/", "") == message


def _nodexl(path):
    workbook = Workbook()
    edges = workbook.active
    edges.title = "Edges"
    edges.append(["", "", "Visual Properties", "", "Other"])
    edges.append(["Vertex 1", "Vertex 2", "Color", "Width", "Edge Weight"])
    for row in (["anna", "bo", "Red", 2, 3], ["bo", "cy", None, None, 1], ["cy", "anna", None, None, 2]):
        edges.append(row)
    edges.add_table(Table(displayName="Edges", ref="A2:E5"))
    vertices = workbook.create_sheet("Vertices")
    vertices.append(["Visual Properties", "", "Labels"])
    vertices.append(["Vertex", "Color", "Label"])
    vertices.append(["anna", "Blue", "Anna Ærø"])
    vertices.add_table(Table(displayName="Vertices", ref="A2:C3"))
    workbook.save(path)
    return path


def test_nodexl_workbook_is_read_by_its_tables(tmp_path):
    network = orgnet.read(_nodexl(tmp_path / "nodexl.xlsx"))
    assert list(network.people.index) == ["anna", "bo", "cy"]
    assert network.people.loc["anna", "name"] == "Anna Ærø"
    assert "Color" not in network.people.columns
    assert sorted(zip(network.ties["source"], network.ties["target"], network.ties["weight"])) == [
        ("anna", "bo", 3.0), ("bo", "cy", 1.0), ("cy", "anna", 2.0)]


def test_validate_accepts_the_new_forms_by_extension(small, tmp_path, run_cli):
    for suffix in (".dl", ".net"):
        orgnet.write(small, tmp_path / f"x{suffix}")
        result = run_cli("validate", tmp_path / f"x{suffix}")
        assert result.exit_code == 0, result.output
    assert run_cli("validate", _nodexl(tmp_path / "n.xlsx")).exit_code == 0


def test_a_person_missing_from_the_attribute_file_is_refused(small, tmp_path):
    path = tmp_path / "net.net"
    orgnet.write(small, path)
    side = tmp_path / "net.net.people.csv"
    side.write_text("\n".join(side.read_text(encoding="utf-8-sig").splitlines()[:-1]) + "\n", encoding="utf-8")
    with pytest.raises(InputError) as error:
        orgnet.read(path)
    assert str(error.value.problems[0]) == f"{side}: 1 people of {path} are not in this file: s2"


def test_roster_from_a_workbook(tmp_path):
    from orgnet.io.excel import write_workbook
    from orgnet.survey import read_roster

    write_workbook({"Forside": pd.DataFrame({"x": [1]}), "People": pd.DataFrame({"id": ["a", "b"], "name": ["Åse", "Bo"]})}, tmp_path / "r.xlsx")
    assert read_roster(tmp_path / "r.xlsx")["name"].tolist() == ["Åse", "Bo"]


@pytest.mark.parametrize("suffix", [".dl", ".net"])
def test_a_label_the_format_cannot_quote_is_refused_not_changed(write_folder, tmp_path, suffix):
    network = orgnet.read(write_folder(people='id\n"a""b"\nc\n', ties="source,target,relation\nc,\"a\"\"b\",advice\n"))
    with pytest.raises(InputError) as error:
        orgnet.write(network, tmp_path / f"x{suffix}")
    assert str(error.value.problems[0]) == f"{tmp_path / f'x{suffix}'}: cannot write 'a\"b' as a label: it holds a double quote or a line break"
