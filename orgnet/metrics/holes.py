"""Burt's structural holes on the symmetrised, unweighted graph: who spans gaps between contacts.

One definition on every path: these equal networkx ``effective_size`` and ``constraint`` (tests
prove it on random graphs), computed with sparse matrix products instead of networkx's loops
(whose ``effective_size`` asks for a dense n × n matrix at scale).
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import scipy.sparse as sp

from orgnet.metrics.graph import SymGraph, masked_product


def _edge_values(graph: SymGraph, middle_weights: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """For every edge (u, v), stored in both directions in CSR order: Σ over common
    neighbours w of ``middle_weights[w]``. Returns (row of each entry, that sum)."""
    adjacency = graph.adjacency
    left = adjacency @ sp.diags(middle_weights)
    common = masked_product(sp.csr_matrix(left), adjacency, adjacency)
    with_structure = (adjacency + common).tocsr()  # same pattern as the adjacency: 1 + sum
    with_structure.sort_indices()
    rows = np.repeat(np.arange(graph.n), np.diff(with_structure.indptr))
    return rows, with_structure.data - 1.0


def structural_holes(graph: SymGraph) -> pd.DataFrame:
    """``effective_size``, ``efficiency``, ``constraint`` and ``hierarchy`` per person.

    Notes
    -----
    With d the number of contacts and t the ties among them (Burt 1992; Borgatti 1997):

    - effective_size = d − 2t / d
    - efficiency = effective_size / d
    - constraint = Σ_j c_ij, c_ij = (p_ij + Σ_q p_iq p_qj)², p_ij = 1 / d_i for a contact j
    - hierarchy = Σ_j (c_ij / (C/d)) ln(c_ij / (C/d)) / (d ln d)

    Isolates have none of these: NaN. Hierarchy needs two contacts (d ln d = 0 for d = 1): NaN.
    """
    degree = graph.degree.astype(float)
    n = graph.n
    with np.errstate(divide="ignore", invalid="ignore"):
        rows, common = _edge_values(graph, np.ones(n))
        ties_among_contacts = np.bincount(rows, weights=common, minlength=n) / 2.0
        effective_size = np.where(degree > 0, degree - 2.0 * ties_among_contacts / degree, np.nan)
        efficiency = effective_size / degree

        rows, indirect = _edge_values(graph, np.where(degree > 0, 1.0 / np.maximum(degree, 1), 0.0))
        local = ((1.0 + indirect) / degree[rows]) ** 2
        constraint = np.bincount(rows, weights=local, minlength=n)
        constraint = np.where(degree > 0, constraint, np.nan)

        ratio = local / (constraint[rows] / degree[rows])
        spread = np.bincount(rows, weights=ratio * np.log(ratio), minlength=n)
        hierarchy = np.where(degree > 1, np.maximum(spread, 0.0) / (degree * np.log(degree)), np.nan)  # ≥ 0; clip rounding

    return pd.DataFrame(
        {"effective_size": effective_size, "efficiency": efficiency, "constraint": constraint, "hierarchy": hierarchy},
        index=graph.ids,
    )
