"""Small networks for the metric tests, built through the public reading path."""

from __future__ import annotations

import networkx as nx
import pandas as pd
from hypothesis import strategies as st

from orgnet.io.tables import RawTable, build_network

GROUPS = ("A", "B", "C")


def make_network(n: int, arcs: list[tuple[int, int]], groups: list[str | None] | None = None, relation: str = "advice"):
    people = pd.DataFrame({"id": [f"p{i}" for i in range(n)]})
    if groups is not None:
        people["organisation"] = groups
    ties = pd.DataFrame(
        {"source": [f"p{a}" for a, _ in arcs], "target": [f"p{b}" for _, b in arcs], "relation": relation, "kind": "informal"},
        columns=["source", "target", "relation", "kind"],
    )
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
