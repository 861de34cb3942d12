"""The one place where orgnet's tables become networkx or igraph graphs.

Vertices follow the order of ``network.people``; igraph's vertex attribute ``id`` and the
returned index map every vertex index back to a person id, so no index ever reaches a user.
"""

from __future__ import annotations

import igraph as ig
import networkx as nx
import numpy as np
import pandas as pd

from orgnet.model import OrgNetwork
from orgnet.values import is_missing


def _clean(value: object) -> object:
    """numpy scalars to Python; NA to None, so graph libraries and writers accept them."""
    if is_missing(value):
        return None
    if isinstance(value, np.generic):
        return value.item()
    return value


def to_networkx(network: OrgNetwork, *, simple: bool = False) -> nx.MultiDiGraph | nx.DiGraph:
    """The network as networkx: lossless by default, or one edge per ordered pair.

    Parameters
    ----------
    simple : bool
        False (default): a ``MultiDiGraph`` with one edge per tie, keyed by relation, carrying
        ``relation``, ``kind``, ``scope``, ``weight`` and ``reports``. True: a ``DiGraph`` with
        one edge per ordered pair, its ``weight`` the sum over relations.
    """
    graph: nx.MultiDiGraph | nx.DiGraph = nx.DiGraph() if simple else nx.MultiDiGraph()
    attributes = network.people.to_dict(orient="index")
    graph.add_nodes_from(
        (person, {key: _clean(value) for key, value in row.items() if _clean(value) is not None})
        for person, row in attributes.items()
    )
    ties = network.ties
    if simple:
        summed = ties.groupby(["source", "target"], sort=False)["weight"].sum()
        graph.add_weighted_edges_from((s, t, float(w)) for (s, t), w in summed.items())
        return graph
    columns = list(ties.columns)
    for values in ties.itertuples(index=False, name=None):
        row = {key: _clean(value) for key, value in zip(columns, values)}
        source, target = row.pop("source"), row.pop("target")
        graph.add_edge(source, target, key=row["relation"], **{k: v for k, v in row.items() if v is not None})
    return graph


def tie_endpoints(network: OrgNetwork, ties: pd.DataFrame | None = None) -> tuple[np.ndarray, np.ndarray]:
    """Vertex indices (positions in ``network.people``) of each tie's source and target."""
    ties = network.ties if ties is None else ties
    index = network.people.index
    return index.get_indexer(ties["source"]), index.get_indexer(ties["target"])


def to_igraph(network: OrgNetwork, *, directed: bool = True, weights: bool = False) -> ig.Graph:
    """The network as an igraph graph with one edge per ordered pair of people.

    Parameters
    ----------
    directed : bool
        False gives the symmetrised graph: an edge where either person named the other.
    weights : bool
        Add the edge attribute ``weight``, the summed weight of the merged ties.

    The vertex attribute ``id`` holds the person id; vertex i is ``network.people.index[i]``.
    """
    sources, targets = tie_endpoints(network)
    n = len(network.people)
    if not directed:
        sources, targets = np.minimum(sources, targets), np.maximum(sources, targets)
    pair_codes = sources.astype(np.int64) * n + targets
    unique_codes, inverse = np.unique(pair_codes, return_inverse=True)
    edges = np.column_stack([unique_codes // n, unique_codes % n]) if n else np.empty((0, 2), dtype=np.int64)
    graph = ig.Graph(n=n, edges=edges, directed=directed)
    graph.vs["id"] = list(network.people.index)
    if weights:
        summed = np.bincount(inverse, weights=network.ties["weight"].to_numpy(dtype=float), minlength=len(unique_codes))
        graph.es["weight"] = summed.tolist()
    return graph
