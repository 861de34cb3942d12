"""Small networks for the metric tests, built through the public reading path."""

from __future__ import annotations

from dataclasses import replace

import networkx as nx
import pandas as pd
from hypothesis import strategies as st

from orgnet.io.tables import RawTable, build_network

GROUPS = ("A", "B", "C")


def make_network(
    n: int, arcs: list[tuple[int, int]], groups: list[str | None] | None = None, relation: str = "advice", weights: list[float] | None = None
):
    people = pd.DataFrame({"id": [f"p{i}" for i in range(n)]})
    if groups is not None:
        people["organisation"] = groups
    ties = pd.DataFrame(
        {"source": [f"p{a}" for a, _ in arcs], "target": [f"p{b}" for _, b in arcs], "relation": relation, "kind": "informal"},
        columns=["source", "target", "relation", "kind"],
    )
    if weights is not None:
        ties["weight"] = weights
    return build_network(RawTable("people", people), RawTable("ties", ties))


@st.composite
def networks(draw, min_people: int = 1, max_people: int = 14):
    """Directed ties with isolates, several components, reciprocated and duplicate reports."""
    n = draw(st.integers(min_people, max_people))
    pairs = st.tuples(st.integers(0, n - 1), st.integers(0, n - 1)).filter(lambda p: p[0] != p[1])
    arcs = draw(st.lists(pairs, max_size=3 * n)) if n > 1 else []
    arcs += draw(st.lists(st.sampled_from(arcs), max_size=3)) if arcs else []  # duplicate reports
    groups = draw(st.lists(st.sampled_from(GROUPS), min_size=n, max_size=n))
    return make_network(n, arcs, groups)


@st.composite
def valued_networks(draw, min_people: int = 1, max_people: int = 12):
    """Directed ties with weights (small integers or fractions), one-sided and reciprocated,
    duplicate reports (their weights add up), isolates."""
    network = draw(networks(min_people, max_people))
    weight = st.one_of(st.sampled_from([1.0, 2.0, 3.0]), st.floats(0.1, 5.0, allow_nan=False).map(lambda w: round(w, 2)))
    ties = network.ties.copy()
    ties["weight"] = draw(st.lists(weight, min_size=len(ties), max_size=len(ties)))
    return replace(network, ties=ties)


def weighted_digraph(network) -> nx.DiGraph:
    """One arc per ordered pair, its ``weight`` the summed weight of the ties behind it."""
    graph = nx.DiGraph()
    graph.add_nodes_from(network.people.index)
    summed = network.ties.groupby(["source", "target"])["weight"].sum()
    graph.add_weighted_edges_from((s, t, float(w)) for (s, t), w in summed.items())
    return graph


def symmetrised(network) -> nx.Graph:
    graph = nx.Graph()
    graph.add_nodes_from(network.people.index)
    graph.add_edges_from(zip(network.ties["source"], network.ties["target"]))
    return graph


def directed(network) -> nx.DiGraph:
    graph = nx.DiGraph()
    graph.add_nodes_from(network.people.index)
    graph.add_edges_from(zip(network.ties["source"], network.ties["target"]))
    return graph
