"""Burt's constraint of a person after one more tie, computed exactly for many candidates at once.

Constraint is a function of one matrix, the tie strengths ``S`` with ``s_ij = z_ij + z_ji``
(Burt 1992: a tie counts whoever reported it); everything below takes ``S`` and nothing else.
:func:`tie_strengths` is the one place that decides what ``z`` is, so that the suggestions
always use the same constraint as the metrics table.

Adding a tie e–c of strength ``s`` changes only the rows of ``e`` and ``c`` of the proportional
strengths ``P`` (their totals grow by ``s``). With ``t`` the row totals of ``S``,
``a = t_e / (t_e + s)``, ``b = s / (t_e + s)``, ``γ_c = t_c / (t_c + s)`` and
``m_ej = p_ej + Σ_q p_eq p_qj`` for the contacts ``j`` of ``e`` (so ``C_e = Σ_j m_ej²``)::

    m'_ej = a m_ej + b γ_c p_cj          for the old contacts j of e
    m'_ec = b + a (P²)_ec                for the new contact c
    C'_e  = a² C_e + 2abγ_c Σ_j m_ej p_cj + b²γ_c² Σ_j p_cj² + (b + a (P²)_ec)²

Each sum is one sparse product over the egos' rows, so every candidate of every ego is
scored exactly with three matrix products, not one constraint computation per candidate.
"""

from __future__ import annotations

import numpy as np
import scipy.sparse as sp

from orgnet.metrics.graph import SymGraph, masked_product
from orgnet.model import OrgNetwork


def tie_strengths(network: OrgNetwork, graph: SymGraph) -> sp.csr_matrix:
    """``S`` with ``s_ij = z_ij + z_ji``, the ingredient of constraint as ``orgnet.metrics`` computes it.

    This is the one place that decides what ``z`` is: Burt's directed, valued ties, ``z_ij``
    the summed weight of the ties i reported to j, exactly as ``orgnet.metrics.holes`` takes them
    (``SymGraph.strength_matrix``). Suggestions use Burt's whole-network model (every tie of a
    contact counts in ``p_qj``), ``compute_all(holes="whole")``; a test checks that
    ``constraint_before`` equals that column.
    """
    return graph.strength_matrix


def strengths_from_ties(z: sp.spmatrix) -> sp.csr_matrix:
    """``S = Z + Zᵀ`` without self-ties: who reported a tie does not matter to constraint."""
    strengths = sp.csr_matrix(z + z.T, dtype=float)
    strengths.setdiag(0)
    strengths.eliminate_zeros()
    strengths.sort_indices()
    return strengths


def proportional_strengths(strengths: sp.csr_matrix) -> tuple[sp.csr_matrix, np.ndarray]:
    """``P`` (``p_ij = s_ij / Σ_k s_ik``) and the totals ``t``; a person without ties has a zero row."""
    totals = np.asarray(strengths.sum(axis=1)).ravel()
    inverse = np.divide(1.0, totals, out=np.zeros_like(totals), where=totals > 0)
    return sp.csr_matrix(sp.diags(inverse) @ strengths), totals


def _indirect(proportions: sp.csr_matrix, strengths: sp.csr_matrix) -> sp.csr_matrix:
    """``M = (P + P²)`` on the pattern of ``S``: ``m_ij`` for every contact ``j`` of ``i``."""
    pattern = strengths.astype(bool).astype(float)
    two_step = masked_product(proportions, sp.csr_matrix(proportions.T), sp.csr_matrix(pattern))
    return sp.csr_matrix(proportions + two_step)


def constraint_of(strengths: sp.csr_matrix) -> np.ndarray:
    """Burt's constraint ``C_i = Σ_j (p_ij + Σ_q p_iq p_qj)²`` per person; NaN without ties."""
    proportions, totals = proportional_strengths(strengths)
    indirect = _indirect(proportions, strengths)
    values = np.asarray(indirect.multiply(indirect).sum(axis=1)).ravel()
    return np.where(totals > 0, values, np.nan)


class ConstraintUpdate:
    """Everything :meth:`after` needs, computed once per network.

    Parameters
    ----------
    strengths : sparse matrix
        ``S`` (:func:`tie_strengths`): symmetric, non-negative, no diagonal.
    new_strength : float, optional
        ``s`` of the tie added. By default the median strength of the ties in ``S``, so the new
        tie is a typical one (on an unweighted graph: exactly one more edge).
    """

    def __init__(self, strengths: sp.csr_matrix, *, new_strength: float | None = None):
        self.strengths = sp.csr_matrix(strengths, dtype=float)
        self.proportions, self.totals = proportional_strengths(self.strengths)
        self.indirect = _indirect(self.proportions, self.strengths)
        self.before = np.asarray(self.indirect.multiply(self.indirect).sum(axis=1)).ravel()
        self.before = np.where(self.totals > 0, self.before, np.nan)
        self.pattern = sp.csr_matrix(self.strengths.astype(bool).astype(float))
        self.squared_t = sp.csr_matrix(self.proportions.multiply(self.proportions).T)
        self.proportions_t = sp.csr_matrix(self.proportions.T)
        data = self.strengths.data
        self.new_strength = float(new_strength if new_strength is not None else (np.median(data) if len(data) else 1.0))

    def after(self, egos: np.ndarray) -> np.ndarray:
        """``C'[k, c]``: the constraint of ``egos[k]`` once a tie to ``c`` is added, for every
        person ``c`` (a dense ``len(egos) × n`` array; only columns ``c`` not yet tied to the
        ego and other than the ego mean anything)."""
        egos = np.asarray(egos, dtype=np.int64)
        s = self.new_strength
        t_ego = self.totals[egos][:, None]
        t_candidate = self.totals[None, :]
        a = t_ego / (t_ego + s)
        b = s / (t_ego + s)
        gamma = t_candidate / (t_candidate + s)
        shared = (self.indirect[egos] @ self.proportions_t).toarray()  # Σ_j m_ej p_cj
        squares = (self.pattern[egos] @ self.squared_t).toarray()  # Σ_{j ∈ N(e)} p_cj²
        two_step = (self.proportions[egos] @ self.proportions).toarray()  # (P²)_ec
        before = np.nan_to_num(self.before[egos])[:, None]
        return a * a * before + 2 * a * b * gamma * shared + (b * gamma) ** 2 * squares + (b + a * two_step) ** 2
