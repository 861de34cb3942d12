"""Burt's structural holes on the directed, valued ties: who spans gaps between contacts.

Three definitions, chosen by ``model``:

- ``"ego"`` (default) — Burt (1992) as UCINET's ego-network model computes it: tie strength
  z_ij + z_ji from the directed, valued ties, and only the ties inside each person's ego
  network (the person and their contacts) count.
- ``"whole"`` — the same strengths, but a contact's proportions and largest tie are taken over
  all of the contact's ties in the network (UCINET's whole-network model; igraph
  ``constraint``).
- ``"symmetric"`` — the binary symmetrised graph over the whole network (orgnet 0.1's values,
  equal to networkx ``effective_size`` and ``constraint`` on an undirected graph).

The whole-network and symmetric models are masked sparse matrix products in row blocks; the
ego-network model sums over the triangles, listed in vectorised blocks from the CSR structure
(no dense n × n matrix, no loop over people or ties in either). The tests prove each equal to
the definition computed person by person, to igraph or networkx, and to published values.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import scipy.sparse as sp

from orgnet.errors import OrgnetError, Said
from orgnet.metrics.graph import SymGraph, entry_rows, masked_product, on_pattern

HOLES_MODELS = ("ego", "whole", "symmetric")
WEDGE_BLOCK = 2_000_000  # wedges (i, j, k) looked at per step of the ego-network maximum


def structural_holes(graph: SymGraph, *, model: str = "ego") -> pd.DataFrame:
    """``effective_size``, ``efficiency``, ``constraint`` and ``hierarchy`` per person.

    Parameters
    ----------
    graph : SymGraph
        The network's shared arrays; ``edge_weight`` holds z_ij + z_ji.
    model : {"ego", "whole", "symmetric"}
        Which ties count (see the module docstring). Default ``"ego"``, UCINET's ego-network model.

    Returns
    -------
    DataFrame
        Indexed by person id.

    Notes
    -----
    With z_ij the summed weight of i's ties to j (0 if none) and N_i the people tied to i in
    either direction (the alters; N = |N_i|), Burt (1992) defines

    - proportional strength p_ij = (z_ij + z_ji) / Σ_k (z_ik + z_ki), a reciprocated tie
      weighing more than a one-sided one;
    - marginal strength m_jq = (z_jq + z_qj) / max_k (z_jk + z_kj);
    - effective_size = Σ_{j∈N_i} (1 − Σ_{q≠i,j} p_iq m_jq)  (Borgatti 1997's valued form);
    - efficiency = effective_size / N;
    - constraint = Σ_{j∈N_i} c_ij, c_ij = (p_ij + Σ_{q≠i,j} p_iq p_qj)²;
    - hierarchy = Σ_j (c_ij / (C/N)) ln(c_ij / (C/N)) / (N ln N), C the constraint
      (Burt's Coleman–Theil index).

    In the ego-network model, p_qj and m_jq of an alter q are computed from q's ties inside
    i's ego network only; in the whole-network model from all of q's ties. The symmetric model
    sets z_ij + z_ji = 1 for every tie in either direction, whole network: there
    effective_size = N − 2t/N (t the ties among the alters) and p_ij = 1/N.

    Isolates have none of these: NaN. Hierarchy needs two alters (N ln N = 0 for N = 1): NaN.

    References
    ----------
    Burt, R. S. (1992). *Structural Holes*. Harvard University Press, pp. 51–55.
    Borgatti, S. P. (1997). Structural holes: unpacking Burt's redundancy measures.
    *Connections* 20(1), 35–38.
    Everett, M. G. & Borgatti, S. P. (2020). Unpacking Burt's constraint measure. *Social
    Networks* 62, 50–57.

    Examples
    --------
    >>> from orgnet.metrics.graph import SymGraph
    >>> import pandas as pd, numpy as np
    >>> graph = SymGraph(ids=pd.Index(["e", "a", "b"]), arcs=np.array([[0, 1], [0, 2], [1, 2], [2, 1]]),
    ...                  edges=np.array([[0, 1], [0, 2], [1, 2]]))
    >>> float(round(structural_holes(graph).loc["e", "constraint"], 3))  # Everett & Borgatti, Table 2
    1.389
    """
    if model not in HOLES_MODELS:
        raise OrgnetError(Said("error.metrics.unknown_holes", model=model, choices=", ".join(HOLES_MODELS)))
    adjacency = graph.adjacency
    n = graph.n
    rows = entry_rows(adjacency)
    if model == "symmetric":
        weights, strengths = adjacency, np.ones(adjacency.nnz)
    else:
        weights = graph.strength_matrix
        strengths = weights.data
    alters = graph.degree.astype(float)
    with np.errstate(divide="ignore", invalid="ignore"):
        total = np.bincount(rows, weights=strengths, minlength=n)
        p = strengths / total[rows]
        proportions = _like(adjacency, p)
        if model == "ego":
            indirect, redundancy = _ego_network_sums(adjacency, strengths, p)
        else:
            indirect = on_pattern(masked_product(proportions, proportions.T.tocsr(), adjacency), adjacency)
            marginal = _like(adjacency, strengths / _row_maximum(adjacency, strengths)[rows])
            redundancy = on_pattern(masked_product(proportions, marginal, adjacency), adjacency)

        effective_size = np.where(alters > 0, alters - np.bincount(rows, weights=redundancy, minlength=n), np.nan)
        efficiency = effective_size / alters

        local = (p + indirect) ** 2
        constraint = np.where(alters > 0, np.bincount(rows, weights=local, minlength=n), np.nan)

        ratio = local / (constraint[rows] / alters[rows])
        spread = np.bincount(rows, weights=ratio * np.log(ratio), minlength=n)
        hierarchy = np.where(alters > 1, np.maximum(spread, 0.0) / (alters * np.log(alters)), np.nan)  # ≥ 0; clip rounding

    return pd.DataFrame(
        {"effective_size": effective_size, "efficiency": efficiency, "constraint": constraint, "hierarchy": hierarchy},
        index=graph.ids,
    )


def _like(pattern: sp.csr_matrix, values: np.ndarray) -> sp.csr_matrix:
    """A CSR matrix with ``pattern``'s structure and ``values`` as its entries."""
    return sp.csr_matrix((values, pattern.indices, pattern.indptr), shape=pattern.shape)


def _row_maximum(pattern: sp.csr_matrix, values: np.ndarray) -> np.ndarray:
    """Per row, the largest of its entries' ``values`` (0 for an empty row)."""
    result = np.zeros(pattern.shape[0])
    filled = np.flatnonzero(np.diff(pattern.indptr))
    if len(filled):
        result[filled] = np.maximum.reduceat(values, pattern.indptr[filled])
    return result


def _ego_network_sums(adjacency: sp.csr_matrix, strengths: np.ndarray, p: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """For every entry (i, j), in the ego-network model: Σ_q p_iq p_qj and Σ_q p_iq m_jq.

    Both run over the triangles i – j – q (q an alter of i tied to j), where an alter's
    proportions and largest tie count only its ties inside i's ego network — quantities that
    depend on i, and a maximum, which no matrix product gives. So the triangles are listed once
    in vectorised blocks (6 entries per triangle, 12 bytes each: about 80 MB at 100,000 people),
    then summed twice: first each alter's strength and largest tie inside the ego network,
    then the two sums.
    """
    nnz = adjacency.nnz
    triangles = list(_closed_wedges(adjacency))
    inside = strengths.copy()  # alter j's strength inside i's ego network: its tie to i ...
    largest = strengths.copy()  # ... and its strongest tie there
    for entry, _, position in triangles:
        inside += np.bincount(entry, weights=strengths[position], minlength=nnz)  # ... plus its ties to i's other alters
        starts = np.flatnonzero(np.r_[True, entry[1:] != entry[:-1]])
        firsts = entry[starts]
        largest[firsts] = np.maximum(largest[firsts], np.maximum.reduceat(strengths[position], starts))
    indirect = np.zeros(nnz)
    redundancy = np.zeros(nnz)
    for entry, closing, position in triangles:
        # the triangle i – j – q: entry (i, j), closing (i, q), position (j, q); z_jq + z_qj = strengths[position]
        # p_qj inside i's ego network = strengths[position] / (q's strength there, inside[closing])
        indirect += np.bincount(entry, weights=p[closing] / inside[closing] * strengths[position], minlength=nnz)
        redundancy += np.bincount(entry, weights=p[closing] * strengths[position], minlength=nnz)
    return indirect, redundancy / largest


def _closed_wedges(adjacency: sp.csr_matrix):
    """Blocks of (entry (i, j), entry (i, q), entry (j, q)) for every triangle i – j – q.

    Wedges i – j – q are listed per block of entries (i, j) (about ``WEDGE_BLOCK`` at a time);
    whether q is also i's alter is looked up in the CSR structure (scipy's per-row search).
    """
    indptr, indices = adjacency.indptr, adjacency.indices
    rows = entry_rows(adjacency)
    lookup = sp.csr_matrix((np.arange(1, adjacency.nnz + 1, dtype=float), indices, indptr), shape=adjacency.shape)
    wedges = np.diff(indptr)[indices]  # per entry (i, j): j's number of contacts
    if not len(wedges):
        return
    ends = np.cumsum(wedges)
    bounds = np.unique(np.r_[0, np.searchsorted(ends, np.arange(WEDGE_BLOCK, ends[-1], WEDGE_BLOCK), side="right"), len(wedges)])
    for start, stop in zip(bounds[:-1], bounds[1:]):
        counts = wedges[start:stop]
        group_start = np.cumsum(counts) - counts
        entry = np.repeat(np.arange(start, stop), counts)
        position = np.repeat(indptr[indices[start:stop]] - group_start, counts) + np.arange(counts.sum())
        closing = np.asarray(lookup[rows[entry], indices[position]]).ravel().astype(np.int64) - 1
        closed = closing >= 0
        if closed.any():
            small = np.int32 if adjacency.nnz < 2**31 else np.int64
            yield entry[closed].astype(small), closing[closed].astype(small), position[closed].astype(small)
