"""Burt's structural holes on directed, valued ties: published values, a hand computation, the
definition person by person, igraph, and networkx for the symmetric option."""

from __future__ import annotations

import math

import igraph as ig
import networkx as nx
import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings

from orgnet.metrics import compute_all
from tests.metrics import reference
from tests.metrics.conftest import make_network, symmetrised, valued_networks, weighted_digraph

SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
HOLES = ["effective_size", "efficiency", "constraint", "hierarchy"]


def named(people: list[str], ties: list[tuple[str, str, float]], **options) -> pd.DataFrame:
    """``compute_all`` on people named by letters, ties as (source, target, weight)."""
    index = {name: i for i, name in enumerate(people)}
    network = make_network(len(people), [(index[s], index[t]) for s, t, _ in ties], weights=[w for *_, w in ties])
    return compute_all(network, paths=False, **options).rename(index={f"p{i}": name for name, i in index.items()})


# --- Everett & Borgatti (2020), Tables 1 and 2 --------------------------------------------------
#
# Everett, M. G. & Borgatti, S. P. (2020). Unpacking Burt's constraint measure. Social Networks
# 62, 50–57, Table 1 (undirected) and Table 2 (directed): the constraint of an ego with N = 2..10
# alters in the two ego networks of largest constraint, the *complete* one (every alter tied to
# every other) and the *shadow* one (one alter, x1, tied to all the others, no other alter–alter
# ties). In the directed table ego's ties to the alters are not reciprocated, except x1's in the
# shadow network, and the ties among alters are (E&B 2020: 53). The printed values (3 decimals)
# are as transcribed in the test suite of the R package netmem (anespinosa/netmem,
# tests/testthat/test_constraint.R, "eb_constraint reproduces Table 1 / Table 2"); we could not
# read the paper itself, so the construction of the networks follows that description.

TABLE_1 = {  # undirected
    "complete": [1.125, 0.926, 0.766, 0.648, 0.560, 0.493, 0.439, 0.396, 0.361],
    "shadow": [1.125, 0.840, 0.684, 0.590, 0.529, 0.486, 0.455, 0.431, 0.411],
}
TABLE_2 = {  # directed
    "complete": [1.389, 1.080, 0.862, 0.714, 0.607, 0.528, 0.467, 0.419, 0.379],
    "shadow": [1.235, 1.042, 0.910, 0.823, 0.762, 0.717, 0.684, 0.657, 0.636],
}


def ego_network(alters: int, shape: str, *, directed: bool) -> list[tuple[str, str, float]]:
    xs = [f"x{k}" for k in range(1, alters + 1)]
    ties = [("e", x, 1.0) for x in xs]
    if not directed:
        ties += [(x, "e", 1.0) for x in xs]
    if shape == "complete":
        ties += [(a, b, 1.0) for a in xs for b in xs if a != b]
    else:
        ties += [(a, b, 1.0) for a in xs for b in xs if a != b and "x1" in (a, b)]
        if directed:
            ties.append(("x1", "e", 1.0))
    return ties


def table_cases(table: dict[str, list[float]]) -> list[tuple[str, int, float]]:
    return [(shape, n, values[n - 2]) for shape, values in table.items() for n in range(2, 11)]


@pytest.mark.parametrize("model", ["ego", "whole", "symmetric"])
@pytest.mark.parametrize(("shape", "alters", "published"), table_cases(TABLE_1))
def test_everett_borgatti_table_1_undirected(model, shape, alters, published):
    ties = ego_network(alters, shape, directed=False)
    table = named(["e", *[f"x{k}" for k in range(1, alters + 1)]], ties, holes=model)

    assert abs(table.loc["e", "constraint"] - published) <= 0.0005 + 1e-12


@pytest.mark.parametrize("model", ["ego", "whole"])
@pytest.mark.parametrize(("shape", "alters", "published"), table_cases(TABLE_2))
def test_everett_borgatti_table_2_directed(model, shape, alters, published):
    ties = ego_network(alters, shape, directed=True)
    table = named(["e", *[f"x{k}" for k in range(1, alters + 1)]], ties, holes=model)

    assert abs(table.loc["e", "constraint"] - published) <= 0.0005 + 1e-12


def test_the_symmetric_option_is_the_binary_graph_and_misses_table_2():
    # orgnet 0.1 (and networkx on the symmetrised graph) gives 1.125 where Table 2 prints 1.389
    table = named(["e", "x1", "x2"], ego_network(2, "complete", directed=True), holes="symmetric")

    assert table.loc["e", "constraint"] == pytest.approx(1.125)


# --- further published values: netmem's test suite (values computed with igraph 2.2.1) ----------


NETMEM_DIRECTED = [  # tests/testthat/test_constraint.R, "a directed network has the constraint of A + t(A)"
    [0, 1, 0, 0, 1, 0],
    [0, 0, 1, 0, 0, 1],
    [1, 0, 0, 1, 0, 0],
    [0, 0, 1, 0, 1, 1],
    [0, 0, 0, 0, 0, 1],
    [1, 1, 0, 1, 0, 0],
]
NETMEM_VALUED = [  # "eb_constraint of valued networks agrees with igraph::constraint"
    [0, 2, 1, 0, 0, 3],
    [2, 0, 1, 0, 0, 1],
    [1, 1, 0, 0, 0, 2],
    [0, 0, 0, 0, 4, 1],
    [0, 0, 0, 4, 0, 1],
    [3, 1, 2, 1, 1, 0],
]


def from_matrix(matrix: list[list[int]]) -> list[tuple[str, str, float]]:
    letters = "abcdef"
    return [(letters[i], letters[j], float(v)) for i, row in enumerate(matrix) for j, v in enumerate(row) if v]


@pytest.mark.parametrize(("matrix", "published"), [(NETMEM_DIRECTED, 0.525), (NETMEM_VALUED, 0.567)], ids=["directed", "valued"])
def test_netmem_ego_network_constraint_of_f(matrix, published):
    table = named(list("abcdef"), from_matrix(matrix), holes="ego")

    assert round(table.loc["f", "constraint"], 3) == published


def test_netmem_star():
    # a star a – b, c, d: constraint of the centre 1/3 (igraph::constraint), of a leaf 1
    table = named(list("abcd"), [("a", x, 1.0) for x in "bcd"] + [(x, "a", 1.0) for x in "bcd"])

    assert round(table.loc["a", "constraint"], 3) == 0.333
    assert table.loc["b", "constraint"] == 1.0


# --- by hand ---------------------------------------------------------------------------------

HAND_PEOPLE = ["e", "a", "b", "c", "o"]
HAND_TIES = [("e", "a", 2.0), ("a", "e", 2.0), ("e", "b", 1.0), ("c", "e", 1.0), ("a", "b", 1.0), ("b", "a", 1.0), ("b", "o", 3.0)]


def test_valued_directed_by_hand_ego_model():
    """Ego e; ties (weight): e⇄a (2 each way), e→b (1), c→e (1), a⇄b (1 each way), b→o (3).

    Mutual strengths w = z_ij + z_ji: w_ea = 4, w_eb = 1, w_ec = 1, w_ab = 2, w_bo = 3.
    p_ea = 4/6, p_eb = 1/6, p_ec = 1/6. Ego-network model: o is outside e's ego network, so
    b's ties there are e (1) and a (2): p_ba = 2/3, largest 2, m_ba = 1; a's are e (4), b (2):
    p_ab = 2/6, m_ab = 2/4.

    c_ea = (4/6 + 1/6 · 2/3)² = (7/9)² = 196/324
    c_eb = (1/6 + 4/6 · 2/6)² = (7/18)² = 49/324
    c_ec = (1/6)² = 9/324                        constraint C = 254/324 = 0.783951
    effective size = (1 − p_eb m_ab) + (1 − p_ea m_ba) + 1 = 11/12 + 1/3 + 1 = 2.25
    efficiency = 2.25 / 3 = 0.75
    hierarchy: r_j = c_ej / (C/3) = 588/254, 147/254, 27/254;
    Σ r ln r / (3 ln 3) = (1.943161 − 0.316514 − 0.238269) / 3.295837 = 0.421252
    """
    table = named(HAND_PEOPLE, HAND_TIES, holes="ego")

    assert table.loc["e", "constraint"] == pytest.approx(254 / 324, abs=1e-12)
    assert table.loc["e", "effective_size"] == pytest.approx(2.25, abs=1e-12)
    assert table.loc["e", "efficiency"] == pytest.approx(0.75, abs=1e-12)
    assert table.loc["e", "hierarchy"] == pytest.approx(0.421252, abs=1e-6)


def test_valued_directed_by_hand_whole_model():
    """The same network, whole-network model: b's tie to o now counts. b's ties: e (1), a (2),
    o (3): p_ba = 2/6, largest 3, m_ba = 2/3; a unchanged.

    c_ea = (4/6 + 1/6 · 2/6)² = (13/18)² = 169/324; c_eb = 49/324; c_ec = 9/324
    constraint = 227/324 = 0.700617 (ego model: 0.783951)
    effective size = 11/12 + (1 − 4/6 · 2/3) + 1 = 11/12 + 5/9 + 1 = 89/36 = 2.472222
    hierarchy: r_j = 507/227, 147/227, 27/227 → 1.260111 / 3.295837 = 0.382334
    """
    table = named(HAND_PEOPLE, HAND_TIES, holes="whole")

    assert table.loc["e", "constraint"] == pytest.approx(227 / 324, abs=1e-12)
    assert table.loc["e", "effective_size"] == pytest.approx(89 / 36, abs=1e-12)
    assert table.loc["e", "efficiency"] == pytest.approx(89 / 108, abs=1e-12)
    r = np.array([507, 147, 27]) / 227
    assert table.loc["e", "hierarchy"] == pytest.approx((r * np.log(r)).sum() / (3 * math.log(3)), abs=1e-12)
    assert table.loc["e", "hierarchy"] == pytest.approx(0.382334, abs=1e-6)


def test_symmetric_by_hand():
    """Binary symmetrised: e's alters a, b, c, one tie among them (a–b): effective size
    3 − 2/3; p = 1/3; a has 2 contacts, b 3 (e, a, o):
    constraint = (1/3 + 1/3 · 1/2)² + (1/3 + 1/3 · 1/3)² + (1/3)² = 1/4 + 16/81 + 1/9."""
    table = named(HAND_PEOPLE, HAND_TIES, holes="symmetric")

    assert table.loc["e", "effective_size"] == pytest.approx(3 - 2 / 3, abs=1e-12)
    assert table.loc["e", "constraint"] == pytest.approx(1 / 4 + 16 / 81 + 1 / 9, abs=1e-12)


def test_isolates_and_single_contacts():
    table = named(["a", "b", "lone"], [("a", "b", 2.0)])

    assert table.loc["lone", HOLES].isna().all()
    assert table.loc["a", ["effective_size", "efficiency", "constraint"]].tolist() == [1.0, 1.0, 1.0]
    assert math.isnan(table.loc["a", "hierarchy"])


def test_an_unknown_model_is_refused():
    from orgnet.errors import OrgnetError

    with pytest.raises(OrgnetError, match="unknown structural-holes model 'egos'. Choose one of: ego, whole, symmetric"):
        named(["a", "b"], [("a", "b", 1.0)], holes="egos")


# --- the definition, person by person; igraph; networkx ---------------------------------------


def assert_matches(ours: pd.Series, expected: dict, *, atol: float = 1e-9) -> None:
    expected_series = pd.Series(expected).reindex(ours.index).astype(float)
    np.testing.assert_allclose(ours.astype(float).to_numpy(), expected_series.to_numpy(), atol=atol, rtol=1e-7, equal_nan=True)


@SETTINGS
@given(valued_networks())
def test_ego_and_whole_models_equal_the_definition(network):
    digraph = weighted_digraph(network)
    for model in ("ego", "whole", "symmetric"):
        table = compute_all(network, paths=False, holes=model)
        expected = reference.burt(digraph, model)
        for column in HOLES:
            assert_matches(table[column], expected[column])


@SETTINGS
@given(valued_networks())
def test_whole_model_constraint_equals_igraph(network):
    # igraph's constraint is Burt's valued formula on the whole network, a_ij + a_ji on directed graphs
    digraph = weighted_digraph(network)
    order = list(network.people.index)
    position = {person: i for i, person in enumerate(order)}
    graph = ig.Graph(n=len(order), edges=[(position[s], position[t]) for s, t in digraph.edges], directed=True)
    expected = dict(zip(order, graph.constraint(weights=[w for *_, w in digraph.edges(data="weight")])))

    assert_matches(compute_all(network, paths=False, holes="whole")["constraint"], expected)


@SETTINGS
@given(valued_networks())
def test_symmetric_model_equals_networkx(network):
    table = compute_all(network, paths=False, holes="symmetric")
    graph = symmetrised(network)
    degree = dict(graph.degree())
    effective = nx.effective_size(graph)

    assert_matches(table["effective_size"], effective)
    assert_matches(table["efficiency"], {p: effective[p] / degree[p] if degree[p] else math.nan for p in graph})
    assert_matches(table["constraint"], nx.constraint(graph))
    assert_matches(table["hierarchy"], reference.hierarchy(graph))


def test_the_ego_maximum_is_exact_across_blocks(monkeypatch):
    """The ego-network maximum lists wedges in blocks; tiny blocks give the same numbers."""
    from orgnet.generate import generate_municipality
    from orgnet.metrics import holes

    network = generate_municipality(people=300, seed=4)
    whole_blocks = compute_all(network, paths=False)[HOLES]
    monkeypatch.setattr(holes, "WEDGE_BLOCK", 7)
    pd.testing.assert_frame_equal(compute_all(network, paths=False)[HOLES], whole_blocks)


@pytest.mark.parametrize(("dataset", "layer"), [("krackhardt_hightech", "advice"), ("lazega_lawfirm", "advice")])
def test_real_directed_networks_equal_the_definition(dataset, layer):
    import orgnet
    from tests.conftest import shared_dataset

    network = orgnet.read(shared_dataset(dataset), config=orgnet.Config(relations={"cowork": "informal"})).layer(layer)
    digraph = weighted_digraph(network)
    for model in ("ego", "whole"):
        table = compute_all(network, paths=False, holes=model)
        expected = reference.burt(digraph, model)
        for column in HOLES:
            assert_matches(table[column], expected[column])
