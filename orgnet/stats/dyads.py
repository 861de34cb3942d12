"""Dyadic matrices: one n × n matrix per term, the people in the order of ``network.people``.

A *term* is what a QAP regression puts on either side:

- a relation or a layer (``reports_to``, ``formal``, ``informal+external``; see :mod:`orgnet.layers`):
  1 where i → j is a tie of that layer, else 0;
- an attribute made dyadic, as UCINET's attribute-to-matrix does: ``same:level`` (1 when i and j
  have the same value), ``diff:tenure_years`` (|a_i − a_j|), ``sender:tenure_years`` (a_i, the
  row's value) and ``receiver:tenure_years`` (a_j, the column's value). A cell where either value
  is missing is NaN, and such a cell is left out of the model.

:class:`Cells` says which cells a model uses: never the diagonal; with ``symmetric`` only one
triangle (i < j), the matrices made symmetric (a tie either way counts); and, when the people
table has a ``responded`` column, not the cells of a pair in which either person did not answer.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from orgnet.errors import OrgnetError, Said
from orgnet.layers import select_ties
from orgnet.missing import responded_of
from orgnet.model import OrgNetwork

ATTRIBUTE_KINDS = ("same", "diff", "sender", "receiver")


def relation_matrix(network: OrgNetwork, spec: str) -> np.ndarray:
    """1.0 where source → target is a tie of layer ``spec``, else 0.0 (n × n, people's order)."""
    ids = network.people.index
    ties = select_ties(network.ties, spec)
    rows = ids.get_indexer(ties["source"].astype(str))
    cols = ids.get_indexer(ties["target"].astype(str))
    keep = (rows >= 0) & (cols >= 0) & (rows != cols)
    matrix = np.zeros((len(ids), len(ids)))
    matrix[rows[keep], cols[keep]] = 1.0
    return matrix


def attribute_matrix(people: pd.DataFrame, term: str) -> np.ndarray:
    """``same:ATTR``, ``diff:ATTR``, ``sender:ATTR`` or ``receiver:ATTR`` as an n × n matrix (NaN: a value missing)."""
    kind, _, attribute = term.partition(":")
    if kind not in ATTRIBUTE_KINDS or not attribute:
        raise OrgnetError(Said("error.stats.not_attribute_term", term=term, choices=", ".join(k + ":ATTR" for k in ATTRIBUTE_KINDS)))
    if attribute not in people.columns:
        raise OrgnetError(Said("error.stats.term_no_column", term=term, attribute=attribute, columns=", ".join(map(str, people.columns))))
    column = people[attribute]
    missing = column.isna().to_numpy()
    either = missing[:, None] | missing[None, :]
    if kind == "same":
        codes = pd.factorize(column.astype("string"))[0]
        matrix = (codes[:, None] == codes[None, :]).astype(float)
    else:
        values = pd.to_numeric(column, errors="coerce")
        if values.notna().sum() < column.notna().sum():
            raise OrgnetError(Said("error.stats.term_not_number", term=term, attribute=attribute))
        numbers = values.to_numpy(dtype=float, na_value=np.nan)
        if kind == "diff":
            matrix = np.abs(numbers[:, None] - numbers[None, :])
        elif kind == "sender":
            matrix = np.repeat(numbers[:, None], len(numbers), axis=1)
        else:
            matrix = np.repeat(numbers[None, :], len(numbers), axis=0)
    matrix = matrix.astype(float)
    matrix[either] = np.nan
    return matrix


def term_matrix(network: OrgNetwork, term: str) -> np.ndarray:
    """The matrix of one term: an attribute term (``same:…`` …) or a relation/layer."""
    if term.partition(":")[0] in ATTRIBUTE_KINDS and ":" in term:
        return attribute_matrix(network.people, term)
    return relation_matrix(network, term)


@dataclass(frozen=True)
class Cells:
    """The cells a model uses (``use``: n × n booleans) and how many were left out and why."""

    use: np.ndarray
    symmetric: bool
    left_out_unanswered: int  # cells of a pair in which either person did not answer

    @property
    def dyads(self) -> int:
        return int(self.use.sum())


def cells(network: OrgNetwork, *, symmetric: bool = False) -> Cells:
    """Off-diagonal cells (one triangle if ``symmetric``), less the pairs with a non-respondent."""
    n = len(network.people)
    use = ~np.eye(n, dtype=bool)
    if symmetric:
        use = np.triu(use, 1)
    before = int(use.sum())
    answered = responded_of(network.people)
    if answered is not None:
        did_not = answered.eq(False).fillna(False).to_numpy(dtype=bool)
        use &= ~(did_not[:, None] | did_not[None, :])
    return Cells(use, symmetric, before - int(use.sum()))


def symmetrised(matrix: np.ndarray) -> np.ndarray:
    """A tie either way: the larger of m_ij and m_ji (NaN stays NaN)."""
    return np.fmax(matrix, matrix.T) if not np.isnan(matrix).any() else np.where(np.isnan(matrix) | np.isnan(matrix.T), np.nan, np.fmax(matrix, matrix.T))


def check_people(network: OrgNetwork, least: int = 3) -> None:
    if len(network.people) < least:
        raise OrgnetError(Said("error.stats.too_few_people", least=least, people=len(network.people)))
