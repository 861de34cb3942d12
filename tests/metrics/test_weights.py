"""Tie strength, reciprocity and in/out degrees by layer; weighted paths, eigenvector and
PageRank — each against networkx; sampled closeness unchanged by running in parallel."""

from __future__ import annotations

import math

import networkx as nx
import numpy as np
import pandas as pd
import pytest
import scipy.sparse.csgraph as csgraph
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from orgnet.errors import OrgnetError
from orgnet.layers import KIND_SCOPE_LAYERS
from orgnet.metrics import compute_all
from orgnet.metrics.centrality import _sources, closeness, plan_paths
from orgnet.metrics.graph import SymGraph
from tests.metrics.conftest import make_network, valued_networks, weighted_digraph

SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def assert_matches(ours: pd.Series, expected: dict, *, atol: float = 1e-9) -> None:
    expected_series = pd.Series(expected).reindex(ours.index).astype(float)
    np.testing.assert_allclose(ours.astype(float).to_numpy(), expected_series.to_numpy(), atol=atol, rtol=1e-7, equal_nan=True)


def mutual_graph(network) -> nx.Graph:
    """The symmetrised graph with weight z_uv + z_vu and distance 1 / (z_uv + z_vu)."""
    digraph = weighted_digraph(network)
    graph = nx.Graph()
    graph.add_nodes_from(digraph)
    for u, v, w in digraph.edges(data="weight"):
        if graph.has_edge(u, v):
            graph[u][v]["weight"] += w
        else:
            graph.add_edge(u, v, weight=w)
    for _, _, data in graph.edges(data=True):
        data["distance"] = 1.0 / data["weight"]
    return graph


@SETTINGS
@given(valued_networks())
def test_strength_and_reciprocity(network):
    table = compute_all(network, paths=False)
    digraph = weighted_digraph(network)
    named = {p: set(digraph.successors(p)) for p in digraph}

    assert_matches(table["in_strength"], dict(digraph.in_degree(weight="weight")))
    assert_matches(table["out_strength"], dict(digraph.out_degree(weight="weight")))
    assert_matches(table["strength"], dict(digraph.degree(weight="weight")))
    assert_matches(table["reciprocity"], {p: sum(p in named[q] for q in named[p]) / len(named[p]) if named[p] else math.nan for p in digraph})


@SETTINGS
@given(valued_networks())
def test_in_and_out_degrees_by_layer(network):
    table = compute_all(network, paths=False, extra_layers=("informal+external",))
    for spec in (*KIND_SCOPE_LAYERS, "informal+external"):
        layer = network.layer(spec)
        digraph = nx.DiGraph()
        digraph.add_nodes_from(network.people.index)
        digraph.add_edges_from(zip(layer.ties["source"], layer.ties["target"]))
        name = spec.replace("+", "_")
        assert_matches(table[f"in_degree_{name}"], dict(digraph.in_degree()))
        assert_matches(table[f"out_degree_{name}"], dict(digraph.out_degree()))
        assert_matches(table[f"degree_{name}"], dict(digraph.to_undirected().degree()))


@SETTINGS
@given(valued_networks())
def test_weighted_eigenvector_and_pagerank(network):
    graph = mutual_graph(network)
    try:
        expected = nx.eigenvector_centrality(graph, weight="weight", max_iter=1000)
    except nx.PowerIterationFailedConvergence:
        # two components with almost the same leading eigenvalue: the power iteration cannot
        # settle in networkx either, and orgnet says so rather than return a half-way vector
        with pytest.raises(OrgnetError, match="eigenvector centrality did not converge in 1000 iterations"):
            compute_all(network, paths=False, weighted=True)
        return
    table = compute_all(network, paths=False, weighted=True)

    assert_matches(table["pagerank"], nx.pagerank(graph, weight="weight", tol=1e-12, max_iter=100_000), atol=1e-7)
    assert_matches(table["eigenvector"], expected, atol=2e-4)


@st.composite
def dyadic_networks(draw, max_people: int = 12):
    """Each pair tied one way, the other or both, with one weight of 1/2, 1, 2 or 4: every
    z_uv + z_vu is a power of two, so path lengths add up exactly in floating point and equal
    paths are equal in igraph and networkx alike."""
    n = draw(st.integers(2, max_people))
    pairs = draw(st.lists(st.tuples(st.integers(0, n - 1), st.integers(0, n - 1)).filter(lambda p: p[0] < p[1]), unique=True, max_size=3 * n))
    arcs, weights = [], []
    for u, v in pairs:
        weight = draw(st.sampled_from([0.5, 1.0, 2.0, 4.0]))
        for arc in {"one": [(u, v)], "other": [(v, u)], "both": [(u, v), (v, u)]}[draw(st.sampled_from(["one", "other", "both"]))]:
            arcs.append(arc)
            weights.append(weight)
    return make_network(n, arcs, weights=weights)


@SETTINGS
@given(dyadic_networks())
def test_inverse_path_weights(network):
    table = compute_all(network, path_weights="inverse")
    graph = mutual_graph(network)
    n = len(graph)

    assert_matches(table["betweenness"], nx.betweenness_centrality(graph, weight="distance"))
    harmonic = nx.harmonic_centrality(graph, distance="distance")
    assert_matches(table["closeness"], {p: h / (n - 1) for p, h in harmonic.items()})


def test_inverse_path_weights_sampled_use_the_same_distances():
    network = make_network(4, [(0, 1), (1, 2), (2, 3), (0, 3)], weights=[4.0, 4.0, 4.0, 1.0])
    exact = compute_all(network, path_weights="inverse")
    sampled = compute_all(network, path_weights="inverse", exact=False, sample_size=4)

    # p0 → p3: 3 steps of 1/4 (0.75) beat the direct tie of length 1
    assert exact.loc["p0", "closeness"] == pytest.approx((4 + 2 + 1 / 0.75) / 3)
    np.testing.assert_allclose(sampled["closeness"], exact["closeness"])


def test_an_unknown_path_weight_is_refused():
    from orgnet.errors import OrgnetError

    with pytest.raises(OrgnetError, match="unknown path weights 'log'. Choose: inverse"):
        compute_all(make_network(2, [(0, 1)]), path_weights="log")


def _closeness_as_before(graph: SymGraph, plan) -> tuple[np.ndarray, float]:
    """orgnet 0.1's sampled closeness, serial, copied from its source: the reference the
    parallel version must reproduce exactly (same sources, values and standard errors)."""
    n = graph.n
    sources = _sources(plan)
    total, total_sq, counted = np.zeros(n), np.zeros(n), np.zeros(n)
    for chunk in np.array_split(sources, max(1, len(sources) // 50)):
        distances = csgraph.shortest_path(graph.adjacency, method="D", unweighted=True, directed=False, indices=chunk)
        with np.errstate(divide="ignore"):
            inverse = np.where(distances > 0, 1.0 / distances, 0.0)
        inverse[np.arange(len(chunk)), chunk] = 0.0
        total += inverse.sum(axis=0)
        total_sq += (inverse**2).sum(axis=0)
        counted += len(chunk)
        counted[chunk] -= 1
    mean = total / np.maximum(counted, 1)
    variance = np.maximum(total_sq / np.maximum(counted, 1) - mean**2, 0.0)
    return mean, float(np.sqrt(variance / np.maximum(counted, 1)).max())


def test_parallel_sampled_closeness_equals_the_serial_one():
    from orgnet.generate import generate_municipality
    from orgnet.metrics.parallel import MIN_PEOPLE_FOR_PROCESSES

    network = generate_municipality(people=MIN_PEOPLE_FOR_PROCESSES + 500, seed=3)
    graph = SymGraph.from_network(network)
    plan = plan_paths(graph.n, exact=False, sample_size=300, seed=11)
    expected, error = _closeness_as_before(graph, plan)

    ours = closeness(graph, plan)

    np.testing.assert_array_equal(ours.to_numpy(), expected)
    assert plan.standard_errors["closeness_standard_error_max"] == error
