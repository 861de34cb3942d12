"""Layer selection and the networkx / igraph adapters (ids are never lost)."""

from __future__ import annotations

import networkx as nx
import pytest

import orgnet
from orgnet.errors import OrgnetError

PEOPLE = "id,organisation\na,X\nb,X\nc,Y\nd,Y\n"
TIES = (
    "source,target,relation,kind,weight\n"
    "a,b,line,formal,1\n"
    "a,c,advice,informal,2\n"
    "c,d,friendship,informal,1\n"
    "b,c,committee,formal,1\n"
    "c,a,advice,informal,1\n"
    "a,c,friendship,informal,1\n"
)


@pytest.fixture
def network(write_folder):
    return orgnet.read(write_folder(people=PEOPLE, ties=TIES))


@pytest.mark.parametrize(
    ("spec", "expected"),
    [
        ("formal", {("a", "b", "line"), ("b", "c", "committee")}),
        ("informal+external", {("a", "c", "advice"), ("c", "a", "advice"), ("a", "c", "friendship")}),
        ("internal", {("a", "b", "line"), ("c", "d", "friendship")}),
        ("advice+friendship+internal", {("c", "d", "friendship")}),
        ("formal+external", {("b", "c", "committee")}),
        ("all", {("a", "b", "line"), ("a", "c", "advice"), ("c", "d", "friendship"), ("b", "c", "committee"), ("c", "a", "advice"), ("a", "c", "friendship")}),
    ],
)
def test_layer_selects_kind_scope_and_relation(network, spec, expected):
    layer = network.layer(spec)

    assert set(map(tuple, layer.ties[["source", "target", "relation"]].values.tolist())) == expected
    assert list(layer.people.index) == ["a", "b", "c", "d"]


def test_unknown_layer_term_lists_the_known_ones(network):
    with pytest.raises(OrgnetError, match=r"unknown layer term 'informel' in 'informel\+external'. Known terms: all, formal, informal, internal, external, advice, committee, friendship, line"):
        network.layer("informel+external")


def test_networkx_multigraph_keeps_every_tie_and_attribute(network):
    graph = network.to_networkx()

    assert isinstance(graph, nx.MultiDiGraph)
    assert sorted(graph.nodes) == ["a", "b", "c", "d"]
    assert graph.number_of_edges() == 6
    assert graph.edges["a", "c", "advice"] == {"relation": "advice", "kind": "informal", "weight": 2.0, "reports": 1, "scope": "external"}
    assert graph.nodes["c"]["organisation"] == "Y"


def test_networkx_simple_graph_sums_weights_over_relations(network):
    graph = network.to_networkx(simple=True)

    assert graph["a"]["c"]["weight"] == 3.0
    assert graph.number_of_edges() == 5


def test_igraph_maps_vertices_back_to_ids(network):
    directed = network.to_igraph(weights=True)
    undirected = network.to_igraph(directed=False)

    assert directed.vs["id"] == ["a", "b", "c", "d"]
    named = {(directed.vs[e.source]["id"], directed.vs[e.target]["id"]): e["weight"] for e in directed.es}
    assert named == {("a", "b"): 1.0, ("a", "c"): 3.0, ("c", "d"): 1.0, ("b", "c"): 1.0, ("c", "a"): 1.0}
    reference = nx.Graph(network.to_networkx(simple=True).to_undirected())
    assert undirected.ecount() == reference.number_of_edges() == 4
