"""Brokerage between groups: Gould–Fernandez roles and Krackhardt's E–I index.

Groups come from an attribute (default ``organisation``). People whose attribute is empty
are left out of both: they are never counted as a, b or c of a two-path, and their own values
are NaN.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import scipy.sparse as sp

from orgnet.errors import OrgnetError, Said
from orgnet.metrics.graph import SymGraph, masked_product

ROLES = ("coordinator", "gatekeeper", "representative", "consultant", "liaison")


def group_codes(people: pd.DataFrame, attribute: str) -> np.ndarray:
    """Integer group per person (−1 where the attribute is empty)."""
    if attribute not in people.columns:
        known = ", ".join(map(str, people.columns))
        raise OrgnetError(Said("error.metrics.unknown_group_attribute", attribute=attribute, known=known))
    codes, _ = pd.factorize(people[attribute])
    return codes


def gould_fernandez(graph: SymGraph, groups: np.ndarray) -> pd.DataFrame:
    """Raw Gould–Fernandez brokerage counts per broker, on the directed ties.

    Notes
    -----
    A broker b is counted once for every two-path a → b → c with a ≠ c and no tie a → c
    (Gould & Fernandez 1989, as R's ``sna::brokerage`` counts them). The role follows the
    groups: coordinator (a, b, c in one group), consultant (a and c share a group, b is in
    another; "itinerant broker"), representative (a in b's group, c outside), gatekeeper (a
    outside, c in b's group), liaison (all three in different groups).

    Computed as all two-paths by group (from per-group in/out counts) minus the closed ones
    (masked sparse products), with no loop over ties or two-paths.
    """
    n = graph.n
    arcs = graph.arcs
    known = groups >= 0
    keep = known[arcs[:, 0]] & known[arcs[:, 1]]
    arcs = arcs[keep]
    same_arc = groups[arcs[:, 0]] == groups[arcs[:, 1]]

    def matrix(mask: np.ndarray) -> sp.csr_matrix:
        chosen = arcs[mask]
        return sp.csr_matrix((np.ones(len(chosen)), (chosen[:, 0], chosen[:, 1])), shape=(n, n))

    everything, within, across = matrix(np.ones(len(arcs), bool)), matrix(same_arc), matrix(~same_arc)

    in_within = np.asarray(within.sum(axis=0)).ravel()
    in_across = np.asarray(across.sum(axis=0)).ravel()
    out_within = np.asarray(within.sum(axis=1)).ravel()
    out_across = np.asarray(across.sum(axis=1)).ravel()
    mutual_within = np.asarray(within.multiply(within.T).sum(axis=1)).ravel()
    mutual_across = np.asarray(across.multiply(across.T).sum(axis=1)).ravel()

    # Σ over outside groups g of (in-contacts from g) × (out-contacts to g)
    k = int(groups.max()) + 1 if known.any() else 1
    membership = sp.csr_matrix((np.ones(known.sum()), (np.flatnonzero(known), groups[known])), shape=(n, k))
    incoming, outgoing = (across.T @ membership), (across @ membership)
    outside_pairs = np.asarray(incoming.multiply(outgoing).sum(axis=1)).ravel()

    def closed(left: sp.csr_matrix, right: sp.csr_matrix, first_step: sp.csr_matrix) -> np.ndarray:
        """Per broker b: Σ over a → b (in ``first_step``) of #c with b → c (``right``) and a → c (``left``)."""
        return np.asarray(masked_product(left, right, first_step).sum(axis=0)).ravel()

    counts = {
        "coordinator": in_within * out_within - mutual_within - closed(within, within, within),
        "gatekeeper": in_across * out_within - closed(everything, within, across),
        "representative": in_within * out_across - closed(everything, across, within),
        "consultant": outside_pairs - mutual_across - closed(within, across, across),
        "liaison": in_across * out_across - outside_pairs - closed(across, across, across),
    }
    frame = pd.DataFrame(counts, index=graph.ids).round().astype("float64")
    frame.loc[~known, :] = np.nan
    return frame


def ei_index(graph: SymGraph, groups: np.ndarray) -> pd.Series:
    """Krackhardt & Stern's E–I index of each person's distinct alters across groups.

    Notes
    -----
    (E − I) / (E + I), E = alters in another group, I = alters in the person's own group, on
    the symmetrised graph: −1 all inside, +1 all outside. NaN for isolates and for people
    whose own group (or every alter's group) is unknown.
    """
    n = graph.n
    edges = graph.edges
    known = (groups[edges[:, 0]] >= 0) & (groups[edges[:, 1]] >= 0)
    edges = edges[known]
    same = groups[edges[:, 0]] == groups[edges[:, 1]]
    endpoints = np.r_[edges[:, 0], edges[:, 1]]
    internal = np.bincount(endpoints, weights=np.r_[same, same].astype(float), minlength=n)
    external = np.bincount(endpoints, weights=np.r_[~same, ~same].astype(float), minlength=n)
    with np.errstate(divide="ignore", invalid="ignore"):
        values = (external - internal) / (external + internal)
    values[groups < 0] = np.nan
    return graph.series(values, "ei_index")


def network_ei_index(graph: SymGraph, groups: np.ndarray) -> float:
    """The whole network's E–I index: (external − internal) / all symmetrised ties with known groups."""
    edges = graph.edges
    known = (groups[edges[:, 0]] >= 0) & (groups[edges[:, 1]] >= 0)
    same = groups[edges[known, 0]] == groups[edges[known, 1]]
    total = len(same)
    return float((total - 2 * same.sum()) / total) if total else float("nan")
