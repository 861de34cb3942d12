"""The exact constraint after one added tie, against a brute force: add the tie, recompute.

Symmetric case: networkx ``constraint`` on the symmetrised, unweighted graph (the update fed
with 0/1 strengths). Directed, valued case: Burt's formula written out below
(p_ij = (z_ij + z_ji) / Σ_k (z_ik + z_ki)), straight from Burt (1992), loops and all.
"""

from __future__ import annotations

import math

import networkx as nx
import numpy as np
import pytest
import scipy.sparse as sp
from hypothesis import given, settings
from hypothesis import strategies as st

from orgnet.metrics.graph import SymGraph
from orgnet.suggestions.constraint import ConstraintUpdate, constraint_of, strengths_from_ties
from tests.metrics.conftest import networks, symmetrised


def burt_constraint(z: np.ndarray, i: int) -> float:
    """Burt's constraint of i from the directed, valued matrix z, term by term."""
    n = len(z)
    strength = lambda a, b: z[a, b] + z[b, a]  # noqa: E731
    total = lambda a: sum(strength(a, k) for k in range(n) if k != a)  # noqa: E731
    p = lambda a, b: strength(a, b) / total(a) if total(a) > 0 else 0.0  # noqa: E731
    contacts = [j for j in range(n) if j != i and strength(i, j) > 0]
    if not contacts:
        return math.nan
    return sum((p(i, j) + sum(p(i, q) * p(q, j) for q in range(n) if q not in (i, j))) ** 2 for j in contacts)


@settings(max_examples=60, deadline=None)
@given(networks(min_people=2, max_people=12))
def test_symmetric_update_equals_networkx_after_adding_each_tie(network):
    graph = SymGraph.from_network(network)
    reference = symmetrised(network)
    update = ConstraintUpdate(strengths_from_ties(graph.adjacency))
    ids = list(network.people.index)
    egos = np.arange(graph.n)

    after = update.after(egos)

    for e in egos:
        for c in range(graph.n):
            if c == e or reference.has_edge(ids[e], ids[c]):
                continue
            added = reference.copy()
            added.add_edge(ids[e], ids[c])
            assert after[e, c] == pytest.approx(nx.constraint(added, [ids[e]])[ids[e]], abs=1e-12)


@settings(max_examples=60, deadline=None)
@given(networks(min_people=1, max_people=12))
def test_constraint_before_equals_networkx(network):
    graph = SymGraph.from_network(network)
    expected = nx.constraint(symmetrised(network))

    values = constraint_of(strengths_from_ties(graph.adjacency))

    for i, person in enumerate(network.people.index):
        assert values[i] == pytest.approx(expected[person], nan_ok=True, abs=1e-12)


@st.composite
def valued_ties(draw):
    n = draw(st.integers(2, 9))
    cells = st.tuples(st.integers(0, n - 1), st.integers(0, n - 1), st.sampled_from((0.5, 1.0, 2.0, 3.0)))
    z = np.zeros((n, n))
    for a, b, w in draw(st.lists(cells, max_size=3 * n)):
        if a != b:
            z[a, b] = w
    return z, draw(st.sampled_from((None, 1.0, 2.5)))


@settings(max_examples=80, deadline=None)
@given(valued_ties())
def test_directed_valued_update_equals_burts_formula_after_adding_each_tie(case):
    z, new_strength = case
    n = len(z)
    update = ConstraintUpdate(strengths_from_ties(sp.csr_matrix(z)), new_strength=new_strength)
    s = update.new_strength

    after = update.after(np.arange(n))

    for e in range(n):
        assert update.before[e] == pytest.approx(burt_constraint(z, e), nan_ok=True, abs=1e-12)
        for c in range(n):
            if c == e or z[e, c] + z[c, e] > 0:
                continue
            added = z.copy()
            added[e, c] = s  # the new tie's strength z_ec + z_ce = s
            assert after[e, c] == pytest.approx(burt_constraint(added, e), abs=1e-12)


def test_default_new_tie_is_one_more_edge_on_an_unweighted_graph():
    adjacency = sp.csr_matrix(np.array([[0, 1, 0], [1, 0, 1], [0, 1, 0]], dtype=float))  # symmetrised, as SymGraph holds it

    update = ConstraintUpdate(strengths_from_ties(adjacency))

    assert update.new_strength == 2.0  # z_ij + z_ji of a symmetrised unweighted edge


def test_an_isolate_with_its_first_contact_has_constraint_one():
    z = sp.csr_matrix(np.array([[0, 1, 0], [1, 0, 0], [0, 0, 0]], dtype=float))
    update = ConstraintUpdate(strengths_from_ties(z))

    after = update.after(np.array([2]))

    assert math.isnan(update.before[2])
    assert after[0, 0] == 1.0 and after[0, 1] == 1.0
