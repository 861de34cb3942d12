"""Borgatti & Everett's core–periphery: the fit is Pearson's r with the ideal; the search equals an exhaustive one."""

from __future__ import annotations

import itertools

import numpy as np
import pandas as pd
import pytest

from orgnet.model import OrgNetwork
from orgnet.stats.coreperiphery import categorical, continuous, core_periphery, correlations, exhaustive, local_search


def _planted(n: int, core: int, seed: int, inside=0.85, across=0.4, outside=0.08) -> np.ndarray:
    rng = np.random.default_rng(seed)
    is_core = np.arange(n) < core
    chance = np.where(is_core[:, None] & is_core[None, :], inside, np.where(is_core[:, None] | is_core[None, :], across, outside))
    matrix = (rng.random((n, n)) < chance).astype(float)
    matrix = np.triu(matrix, 1)
    matrix = matrix + matrix.T
    order = rng.permutation(n)
    return matrix[np.ix_(order, order)]


def _r_by_hand(matrix, core, core_periphery):
    ideal, data = [], []
    for i, j in itertools.permutations(range(len(core)), 2):
        if core[i] and core[j]:
            ideal.append(1)
        elif not core[i] and not core[j]:
            ideal.append(0)
        elif core_periphery == "ignore":
            continue
        else:
            ideal.append(core_periphery)
        data.append(matrix[i, j])
    return np.corrcoef(data, ideal)[0, 1]


@pytest.mark.parametrize("core_periphery", ["ignore", 0, 1])
def test_the_fit_is_pearsons_r_between_the_data_and_the_ideal(core_periphery):
    matrix = _planted(9, 4, seed=2)
    rng = np.random.default_rng(0)
    splits = rng.random((20, 9)) < 0.5
    fast = correlations(matrix, splits, core_periphery)
    for split, r in zip(splits, fast):
        if 2 <= split.sum() <= 7:
            assert r == pytest.approx(_r_by_hand(matrix, split, core_periphery))


@pytest.mark.parametrize(("n", "seed"), [(6, 0), (8, 1), (10, 2), (12, 3), (13, 4), (14, 5), (14, 6)])
def test_the_seeded_search_finds_the_exhaustive_optimum_up_to_14_people(n, seed):
    matrix = _planted(n, max(3, n // 3), seed)
    best, best_r = exhaustive(matrix)
    found, found_r = local_search(matrix, seed=seed, starts=50)
    assert found_r == pytest.approx(best_r)
    assert list(found) == list(best) or correlations(matrix, found[None, :])[0] == pytest.approx(best_r)  # a tie may pick another split


def test_up_to_14_people_every_split_is_tried_and_above_a_search_is_run():
    split, r, exact = categorical(_planted(14, 5, 9))
    assert exact
    split, r, exact = categorical(_planted(16, 5, 9))
    assert not exact and r > 0.3


def test_continuous_coreness_recovers_a_perfect_pattern():
    c = np.array([0.9, 0.7, 0.5, 0.2, 0.1, 0.05])
    matrix = np.outer(c, c)
    np.fill_diagonal(matrix, 0)
    coreness, r = continuous(matrix)
    assert r == pytest.approx(1.0)
    assert coreness == pytest.approx(c / np.linalg.norm(c), abs=1e-6)
    assert (coreness**2).sum() == pytest.approx(1.0)


def test_core_periphery_on_a_network_states_its_ideal():
    matrix = _planted(10, 4, 3)
    ids = [f"p{i}" for i in range(10)]
    rows, cols = np.nonzero(matrix)
    ties = pd.DataFrame({"source": [ids[i] for i in rows], "target": [ids[j] for j in cols], "relation": "advice"})
    ties["kind"], ties["scope"], ties["weight"] = "informal", "internal", 1.0
    network = OrgNetwork(pd.DataFrame({"x": range(10)}, index=pd.Index(ids, name="id")), ties, pd.DataFrame(columns=["group", "person"]))
    result = core_periphery(network).to_dict()
    assert result["ideal"] == {"core_core": 1, "periphery_periphery": 0, "core_periphery": "ignore"}
    assert result["exact"] is True and result["model"] == "categorical"
    assert result["fit"] == pytest.approx(exhaustive(matrix)[1])
    assert {"id", "core", "coreness"} == set(result["people"][0])
    assert core_periphery(network, core_periphery=1).ideal["core_periphery"] == 1
