"""The arrays every metric shares, built once per network (or layer).

``SymGraph`` holds the symmetrised, unweighted, simple graph (an edge where either person
named the other) as an igraph graph and a scipy CSR adjacency matrix, the directed simple
graph (one arc per ordered pair) as a CSR matrix, and the tie strengths: ``arc_weight`` (the
summed ``weight`` of the ties from one person to another, over relations and duplicate
reports) and ``edge_weight`` (Burt's mutual strength z_uv + z_vu of an edge). Vertex i is
``ids[i]``. Each tie's arc and each arc's edge are kept, so a layer's degrees are counted
from a mask over the ties without building another graph.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

import igraph as ig
import numpy as np
import pandas as pd
import scipy.sparse as sp

from orgnet.adapters import tie_endpoints
from orgnet.model import OrgNetwork


@dataclass
class SymGraph:
    ids: pd.Index
    arcs: np.ndarray  # (m, 2) distinct ordered pairs (source, target), as reported, sorted
    edges: np.ndarray  # (e, 2) distinct unordered pairs, u < v, sorted
    arc_weight: np.ndarray | None = None  # (m,) summed weight of the ties behind each arc
    tie_arc: np.ndarray | None = None  # (ties,) the arc of each tie of the network
    arc_edge: np.ndarray | None = None  # (m,) the edge of each arc

    @classmethod
    def from_network(cls, network: OrgNetwork, ties: pd.DataFrame | None = None) -> SymGraph:
        ties = network.ties if ties is None else ties
        sources, targets = tie_endpoints(network, ties)
        n = max(len(network.people), 1)
        # One hash-based unique over the ties and one over the (fewer) arcs; every layer and
        # weight is then derived from the two inverse maps.
        arc_codes, tie_arc = np.unique(sources.astype(np.int64) * n + targets, return_inverse=True)
        arcs = np.column_stack([arc_codes // n, arc_codes % n]).astype(np.int64)
        low, high = np.minimum(arcs[:, 0], arcs[:, 1]), np.maximum(arcs[:, 0], arcs[:, 1])
        edge_codes, arc_edge = np.unique(low * n + high, return_inverse=True)
        edges = np.column_stack([edge_codes // n, edge_codes % n]).astype(np.int64)
        weights = ties["weight"].to_numpy(dtype=float) if "weight" in ties else np.ones(len(ties))
        arc_weight = np.bincount(tie_arc, weights=weights, minlength=len(arcs))
        return cls(ids=network.people.index, arcs=arcs, edges=edges, arc_weight=arc_weight, tie_arc=tie_arc.ravel(), arc_edge=arc_edge.ravel())

    @property
    def n(self) -> int:
        return len(self.ids)

    @cached_property
    def igraph(self) -> ig.Graph:
        return ig.Graph(n=self.n, edges=self.edges, directed=False)

    @cached_property
    def adjacency(self) -> sp.csr_matrix:
        """Symmetric 0/1 adjacency (float64), no self-loops, sorted indices."""
        return self.symmetric(np.ones(len(self.edges)))

    @cached_property
    def strength_matrix(self) -> sp.csr_matrix:
        """Symmetric matrix of mutual strengths z_uv + z_vu, the pattern of ``adjacency``."""
        return self.symmetric(self.edge_weight)

    @cached_property
    def edge_weight(self) -> np.ndarray:
        """Per edge (u, v): z_uv + z_vu, the summed weight of the ties in both directions."""
        weights = self.arc_weight if self.arc_weight is not None else np.ones(len(self.arcs))
        arc_edge = self.arc_edge if self.arc_edge is not None else _edge_of_arcs(self)
        return np.bincount(arc_edge, weights=weights, minlength=len(self.edges))

    @cached_property
    def directed(self) -> sp.csr_matrix:
        """Directed 0/1 adjacency: row = who named, column = who was named."""
        data = np.ones(len(self.arcs))
        return sp.csr_matrix((data, (self.arcs[:, 0], self.arcs[:, 1])), shape=(self.n, self.n))

    @cached_property
    def degree(self) -> np.ndarray:
        return np.diff(self.adjacency.indptr)

    def layer_counts(self, tie_mask: np.ndarray) -> dict[str, np.ndarray]:
        """Distinct alters within the ties under ``tie_mask``: symmetrised, in and out."""
        arc_in = np.zeros(len(self.arcs), dtype=bool)
        arc_in[self.tie_arc[tie_mask]] = True
        edge_in = np.zeros(len(self.edges), dtype=bool)
        edge_in[self.arc_edge[arc_in]] = True
        n = self.n
        return {
            "degree": np.bincount(self.edges[edge_in].ravel(), minlength=n),
            "in": np.bincount(self.arcs[arc_in, 1], minlength=n),
            "out": np.bincount(self.arcs[arc_in, 0], minlength=n),
        }

    def symmetric(self, values: np.ndarray) -> sp.csr_matrix:
        u, v = self.edges[:, 0], self.edges[:, 1]
        matrix = sp.csr_matrix((np.r_[values, values], (np.r_[u, v], np.r_[v, u])), shape=(self.n, self.n))
        matrix.sort_indices()
        return matrix

    def series(self, values, name: str) -> pd.Series:
        return pd.Series(np.asarray(values), index=self.ids, name=name)


def _edge_of_arcs(graph: SymGraph) -> np.ndarray:
    n = max(graph.n, 1)
    low, high = np.minimum(graph.arcs[:, 0], graph.arcs[:, 1]), np.maximum(graph.arcs[:, 0], graph.arcs[:, 1])
    return np.searchsorted(graph.edges[:, 0] * n + graph.edges[:, 1], low * n + high)


def masked_product(left: sp.csr_matrix, right_t: sp.csr_matrix, mask: sp.csr_matrix, *, chunk: int = 20_000) -> sp.csr_matrix:
    """``(left @ right_t.T) ⊙ mask``, computed in row blocks so memory stays bounded.

    The full product of two sparse adjacency matrices has about n·d² entries; only those under
    ``mask`` (an edge list) are needed, so each block is masked before the next is computed.
    """
    right = right_t.T.tocsc()
    blocks = []
    for start in range(0, left.shape[0], chunk):
        stop = min(start + chunk, left.shape[0])
        block = (left[start:stop] @ right).multiply(mask[start:stop])
        blocks.append(sp.csr_matrix(block))
    return sp.vstack(blocks, format="csr") if blocks else sp.csr_matrix(mask.shape)


def on_pattern(matrix: sp.csr_matrix, pattern: sp.csr_matrix) -> np.ndarray:
    """The values of ``matrix`` at the stored entries of ``pattern`` (CSR order), 0 where absent.

    ``matrix``'s entries must lie within ``pattern`` (as a masked product's do). Looked up by
    position, not by adding matrices, because scipy drops the zeros of a sum.
    """
    matrix = sp.csr_matrix(matrix)
    matrix.sum_duplicates()
    n = pattern.shape[1]
    wanted = _entry_codes(pattern, n)
    found = _entry_codes(matrix, n)
    values = np.zeros(len(wanted))
    values[np.searchsorted(wanted, found)] = matrix.data
    return values


def entry_rows(matrix: sp.csr_matrix) -> np.ndarray:
    """The row of each stored entry of a CSR matrix, in storage order."""
    return np.repeat(np.arange(matrix.shape[0]), np.diff(matrix.indptr))


def _entry_codes(matrix: sp.csr_matrix, n: int) -> np.ndarray:
    return entry_rows(matrix).astype(np.int64) * n + matrix.indices
