"""--where: choosing people, the subnetwork among them, and the messages for a wrong choice."""

from __future__ import annotations

import json

import networkx as nx
import pytest

import orgnet
from orgnet.errors import OrgnetError
from orgnet.selection import select_people

PEOPLE = """id,name,organisation,role,level
L1,Åse Lund,Org1,leader,top
L2,Bo Ærø,Org1,leader,first_line
L3,Cai Holm,Org2,leader,first_line
L4,Dina Berg,Org2,leader,middle
T1,Eva Mølle,Org1,tr,
E1,Finn Bæk,Org1,employee,
E2,Gry Sø,Org2,employee,
"""
TIES = """source,target,relation,kind
L1,L2,line,formal
L2,L3,advice,informal
L3,L4,line,formal
L1,E1,line,formal
E1,L3,advice,informal
T1,E1,advice,informal
E2,L4,line,formal
"""


@pytest.fixture
def folder(write_folder):
    return write_folder(people=PEOPLE, ties=TIES)


def test_leaders_and_only_the_ties_among_them(folder):
    network = select_people(orgnet.read(folder), ["role=leader"])

    assert list(network.people.index) == ["L1", "L2", "L3", "L4"]
    assert sorted(zip(network.ties["source"], network.ties["target"])) == [("L1", "L2"), ("L2", "L3"), ("L3", "L4")]


def test_same_attribute_widens_other_attributes_narrow(folder):
    network = orgnet.read(folder)

    assert list(select_people(network, ["role=leader", "role=tr"]).people.index) == ["L1", "L2", "L3", "L4", "T1"]
    assert list(select_people(network, ["role=leader,tr", "organisation=Org1"]).people.index) == ["L1", "L2", "T1"]
    assert list(select_people(network, ["role=leader", "level!=first_line"]).people.index) == ["L1", "L4"]


def test_scope_is_kept_from_the_whole_network(folder):
    network = select_people(orgnet.read(folder), ["role=leader"])

    assert network.ties.set_index(["source", "target"])["scope"].to_dict() == {
        ("L1", "L2"): "internal", ("L2", "L3"): "external", ("L3", "L4"): "internal"
    }


@pytest.mark.parametrize(
    ("where", "message"),
    [
        ("rolle=leader", "--where: no attribute 'rolle'. Attributes: id, name, organisation, role, level"),
        ("role=ledr", "--where role=ledr: no person has role 'ledr'. Values of role: employee, leader, tr"),
        ("role", "--where 'role': write attribute=value or attribute!=value, e.g. --where role=leader"),
        ("role=", "--where 'role=': write attribute=value or attribute!=value, e.g. --where role=leader"),
    ],
)
def test_a_wrong_choice_is_refused_by_name(folder, run_cli, where, message):
    result = run_cli("summary", folder, "--where", where)

    assert result.exit_code == 1
    assert result.output == f"Error: {message}\n"


def test_no_one_left_is_refused(folder, run_cli):
    result = run_cli("flags", folder, "--where", "role=tr", "--where", "organisation=Org2")

    assert result.exit_code == 1
    assert result.output == "Error: --where role=tr organisation=Org2: no person meets every condition\n"


def test_metrics_on_the_leader_network_equal_networkx_on_that_subgraph(folder, run_cli, tmp_path):
    result = run_cli("metrics", folder, "-o", tmp_path / "m.csv", "--where", "role=leader")

    assert result.exit_code == 0, result.output
    assert "computed on 4 of 7 people (role=leader) and the ties among them" in result.output
    import pandas as pd

    table = pd.read_csv(tmp_path / "m.csv", index_col="id")
    whole = orgnet.read(folder).to_networkx().to_undirected()
    leaders = whole.subgraph(["L1", "L2", "L3", "L4"])
    expected = nx.betweenness_centrality(nx.Graph(leaders))
    assert table["betweenness"].to_dict() == pytest.approx(expected)
    meta = json.loads((tmp_path / "m.meta.json").read_text(encoding="utf-8"))
    assert (meta["where"], meta["people_chosen"], meta["people_in_data"]) == (["role=leader"], 4, 7)


def test_layer_picture_leaves_out_people_without_ties_in_the_layer(folder, run_cli, tmp_path):
    informal_people = {"L2", "L3", "E1", "T1"}

    default = run_cli("graph", folder, "-o", tmp_path / "g.html", "--layer", "informal")
    kept = run_cli("graph", folder, "-o", tmp_path / "k.html", "--layer", "informal", "--keep-unconnected")

    assert default.exit_code == 0, default.output
    assert "left out 3 people with no tie in layer informal (--keep-unconnected draws them)" in default.output
    assert f"wrote {len(informal_people)} people and 3 ties" in default.output
    assert "wrote 7 people and 3 ties" in kept.output


def test_unknown_where_value_in_python_raises(folder):
    with pytest.raises(OrgnetError, match="no person has level 'bottom'"):
        select_people(orgnet.read(folder), ["level=bottom"])


def test_a_value_with_a_comma_is_one_value(write_folder):
    folder = write_folder(
        people='id,unit\na,"Bostedet Åløkke, afd. Nord"\nb,"Bostedet Åløkke, afd. Syd"\nc,Nord\n',
        ties="source,target,kind\na,b,informal\n",
    )

    network = select_people(orgnet.read(folder), ["unit=Bostedet Åløkke, afd. Nord"])

    assert list(network.people.index) == ["a"]
