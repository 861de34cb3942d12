"""The arrays every metric shares, built once per network (or layer).

``SymGraph`` holds the symmetrised, unweighted, simple graph (an edge where either person
named the other) as an igraph graph and a scipy CSR adjacency matrix, and the directed
simple graph (one arc per ordered pair) as a CSR matrix. Vertex i is ``ids[i]``.
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
    arcs: np.ndarray  # (m, 2) distinct ordered pairs (source, target), as reported
    edges: np.ndarray  # (e, 2) distinct unordered pairs, u < v

    @classmethod
    def from_network(cls, network: OrgNetwork, ties: pd.DataFrame | None = None) -> SymGraph:
        sources, targets = tie_endpoints(network, ties)
        n = len(network.people)
        arcs = _unique_pairs(sources, targets, n)
        edges = _unique_pairs(np.minimum(sources, targets), np.maximum(sources, targets), n)
        return cls(ids=network.people.index, arcs=arcs, edges=edges)

    @property
    def n(self) -> int:
        return len(self.ids)

    @cached_property
    def igraph(self) -> ig.Graph:
        return ig.Graph(n=self.n, edges=self.edges, directed=False)

    @cached_property
    def adjacency(self) -> sp.csr_matrix:
        """Symmetric 0/1 adjacency (float64), no self-loops."""
        u, v = self.edges[:, 0], self.edges[:, 1]
        data = np.ones(2 * len(u))
        return sp.csr_matrix((data, (np.r_[u, v], np.r_[v, u])), shape=(self.n, self.n))

    @cached_property
    def directed(self) -> sp.csr_matrix:
        """Directed 0/1 adjacency: row = who named, column = who was named."""
        data = np.ones(len(self.arcs))
        return sp.csr_matrix((data, (self.arcs[:, 0], self.arcs[:, 1])), shape=(self.n, self.n))

    @cached_property
    def degree(self) -> np.ndarray:
        return np.diff(self.adjacency.indptr)

    def series(self, values, name: str) -> pd.Series:
        return pd.Series(np.asarray(values), index=self.ids, name=name)


def _unique_pairs(first: np.ndarray, second: np.ndarray, n: int) -> np.ndarray:
    codes = np.unique(first.astype(np.int64) * max(n, 1) + second)
    return np.column_stack([codes // max(n, 1), codes % max(n, 1)]).astype(np.int64)


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
