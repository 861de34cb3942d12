"""Hand-computed brokerage and E–I values, the real networks, sampling, layers and options."""

from __future__ import annotations

import math

import networkx as nx
import numpy as np
import pandas as pd
import pytest

import orgnet
from orgnet.errors import OrgnetError
from orgnet.generate import generate_municipality
from orgnet.metrics import compute_all
from tests.conftest import shared_dataset
from tests.metrics import reference
from tests.metrics.conftest import make_network


def labelled(people: dict[str, str], arcs: list[str]):
    names = list(people)
    index = {name: i for i, name in enumerate(names)}
    network = make_network(len(names), [(index[a], index[b]) for a, b in (arc.split(">") for arc in arcs)], list(people.values()))
    return compute_all(network).rename(index=dict(zip([f"p{i}" for i in range(len(names))], names)))


def test_gould_fernandez_by_hand():
    # b: in-contacts a (X), e (Z), c (Y); out-contacts c, d (Y).
    # a→b→c is closed by a→c; a→b→d representative; e→b→c, e→b→d liaisons; c→b→d consultant.
    table = labelled({"a": "X", "b": "X", "c": "Y", "d": "Y", "e": "Z"}, ["a>b", "b>c", "e>b", "b>d", "a>c", "c>b"])

    assert table.loc["b", ["coordinator", "gatekeeper", "representative", "consultant", "liaison"]].tolist() == [0, 0, 1, 1, 2]
    assert table.drop(index="b")[["coordinator", "gatekeeper", "representative", "consultant", "liaison"]].sum().sum() == 0


def test_coordinator_and_gatekeeper_by_hand():
    # a (X) → b (X) → f (X): coordinator; y (Y) → b → f: gatekeeper.
    table = labelled({"a": "X", "b": "X", "f": "X", "y": "Y"}, ["a>b", "b>f", "y>b"])

    assert table.loc["b", ["coordinator", "gatekeeper", "representative", "consultant", "liaison"]].tolist() == [1, 1, 0, 0, 0]


def test_ei_index_by_hand():
    table = labelled({"a": "X", "b": "X", "c": "Y", "d": "Y", "e": "Z", "lone": "Z"}, ["a>b", "b>c", "e>b", "b>d", "a>c", "c>b"])

    # b: alters a (same), c, d, e (other): (3 − 1) / 4; a: b same, c other: 0
    assert table["ei_index"].drop(index="lone").to_dict() == {"a": 0.0, "b": 0.5, "c": 1.0, "d": 1.0, "e": 1.0}
    assert math.isnan(table.loc["lone", "ei_index"])


def test_people_without_a_group_are_left_out_of_brokerage():
    table = labelled({"a": "X", "b": "", "c": "Y"}, ["a>b", "b>c"])

    assert table.loc["b", ["liaison", "ei_index"]].isna().all()
    assert table.loc["a", "ei_index"] is not None and math.isnan(table.loc["a", "ei_index"])


def _check_against_reference(network, group_by):
    table = compute_all(network, group_by=group_by, holes="symmetric")
    graph = nx.Graph()
    graph.add_nodes_from(network.people.index)
    graph.add_edges_from(zip(network.ties["source"], network.ties["target"]))
    digraph = nx.DiGraph(graph.to_directed().edge_subgraph([]))
    digraph.add_nodes_from(network.people.index)
    digraph.add_edges_from(zip(network.ties["source"], network.ties["target"]))
    n = len(graph)

    def close(column, expected, atol=1e-9):
        np.testing.assert_allclose(table[column].to_numpy(float), pd.Series(expected).reindex(table.index).to_numpy(float), atol=atol, equal_nan=True)

    close("betweenness", nx.betweenness_centrality(graph))
    close("closeness", {p: h / (n - 1) for p, h in nx.harmonic_centrality(graph).items()})
    close("eigenvector", nx.eigenvector_centrality(graph, max_iter=1000), atol=2e-4)
    close("pagerank", nx.pagerank(graph, tol=1e-12, max_iter=100_000), atol=1e-7)
    close("effective_size", nx.effective_size(graph))
    close("constraint", nx.constraint(graph))
    close("hierarchy", reference.hierarchy(graph))
    close("kcore", nx.core_number(graph))
    close("reach2", reference.reach2(graph))
    group = network.people[group_by].to_dict()
    counts = reference.gould_fernandez(digraph, group)
    for role in ("coordinator", "gatekeeper", "representative", "consultant", "liaison"):
        close(role, {p: c[role] for p, c in counts.items()})
    close("ei_index", reference.ei_index(graph, group))
    return table


def test_krackhardt_advice_by_department():
    network = orgnet.read(shared_dataset("krackhardt_hightech")).layer("advice")

    table = _check_against_reference(network, "department")

    assert table["degree"].min() > 0  # everyone gives or seeks advice
    assert table["in_degree"].sum() == 190  # the published number of advice ties


def test_lazega_advice_by_office():
    network = orgnet.read(shared_dataset("lazega_lawfirm"), config=orgnet.Config(relations={"cowork": "informal"})).layer("advice")

    table = _check_against_reference(network, "office")

    assert table["in_degree"].sum() == 892


def test_sampled_paths_estimate_exact_values_within_stated_error():
    network = generate_municipality(people=1500, seed=4)
    exact = compute_all(network)
    sampled = compute_all(network, exact=False, sample_size=400, seed=1)
    paths = sampled.attrs["orgnet"]["paths"]

    assert paths["method"] == "sampled sources" and paths["sources"] == 400
    between_error = np.abs(sampled["betweenness"] - exact["betweenness"]).max()
    close_error = np.abs(sampled["closeness"] - exact["closeness"]).max()
    assert between_error <= 5 * paths["betweenness_standard_error_max"]
    assert close_error <= 5 * paths["closeness_standard_error_max"]
    assert np.corrcoef(sampled["betweenness"], exact["betweenness"])[0, 1] > 0.95
    assert exact.attrs["orgnet"]["paths"]["method"] == "exact"


def test_sample_of_everyone_is_exact():
    network = generate_municipality(people=300, seed=4)

    everyone = compute_all(network, exact=False, sample_size=10_000)

    np.testing.assert_allclose(everyone["betweenness"], compute_all(network)["betweenness"])


def test_layer_and_extra_layer_degrees(write_folder):
    folder = write_folder(
        people="id,organisation\na,X\nb,X\nc,Y\n",
        ties="source,target,relation,kind\na,b,line,formal\na,c,advice,informal\nc,b,friendship,informal\n",
    )
    network = orgnet.read(folder)

    informal_external = compute_all(network, layer="informal+external")
    full = compute_all(network, extra_layers=("informal+external",))

    assert informal_external["degree"].to_dict() == {"a": 1, "b": 1, "c": 2}
    assert informal_external.attrs["orgnet"]["layer"] == "informal+external"
    assert full["degree_informal_external"].to_dict() == {"a": 1, "b": 1, "c": 2}
    assert full[["degree_internal", "degree_external", "degree_formal", "degree_informal"]].loc["a"].tolist() == [1, 1, 1, 1]


def test_community_is_reproducible_for_a_seed():
    network = generate_municipality(people=500, seed=8)

    assert compute_all(network, seed=5)["community"].equals(compute_all(network, seed=5)["community"])


def test_unknown_group_attribute_is_refused():
    network = make_network(3, [(0, 1)], ["A", "B", "A"])

    with pytest.raises(OrgnetError, match="no attribute 'dept' to group by"):
        from orgnet.metrics.brokerage import group_codes

        group_codes(network.people, "dept")


def test_paths_can_be_left_out_for_very_large_networks():
    network = generate_municipality(people=300, seed=4)

    table = compute_all(network, paths=False)

    assert "betweenness" not in table.columns and "closeness" not in table.columns
    assert table.attrs["orgnet"]["paths"] == {"method": "not computed"}
    assert table["degree"].equals(compute_all(network)["degree"])


def test_paths_spread_over_processes_equal_networkx(monkeypatch):
    import orgnet.metrics.parallel as parallel

    monkeypatch.setattr(parallel, "MIN_PEOPLE_FOR_PROCESSES", 0)
    network = generate_municipality(people=400, seed=9)
    graph = nx.Graph()
    graph.add_nodes_from(network.people.index)
    graph.add_edges_from(zip(network.ties["source"], network.ties["target"]))

    table = compute_all(network)

    expected = pd.Series(nx.betweenness_centrality(graph)).reindex(table.index)
    np.testing.assert_allclose(table["betweenness"], expected, atol=1e-12)
    harmonic = pd.Series(nx.harmonic_centrality(graph)).reindex(table.index) / (len(graph) - 1)
    np.testing.assert_allclose(table["closeness"], harmonic, atol=1e-12)
