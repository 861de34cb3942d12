"""Densities within and between groups, UCINET's three homophily models, E–I and its permutation test by hand."""

from __future__ import annotations

import itertools
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

import orgnet
from orgnet.model import OrgNetwork
from orgnet.stats.comparisons import group_comparisons
from orgnet.stats.homophily import block_densities, ei_test, homophily_models

KRACKHARDT = Path(__file__).resolve().parents[3] / "shared" / "datasets" / "krackhardt_hightech"

# Six people in two groups of three; seven directed ties, drawn by hand:
#   within a: 1→2, 2→1, 2→3      within b: 4→5
#   between:  3→4, 6→1, 5→2
IDS = ["1", "2", "3", "4", "5", "6"]
GROUP = ["a", "a", "a", "b", "b", "b"]
TIES = [("1", "2"), ("2", "1"), ("2", "3"), ("4", "5"), ("3", "4"), ("6", "1"), ("5", "2")]


def _network(groups=GROUP, ties=TIES, **columns) -> OrgNetwork:
    people = pd.DataFrame({"team": groups, **columns}, index=pd.Index(IDS, name="id"))
    frame = pd.DataFrame([(s, t, "advice") for s, t in ties], columns=["source", "target", "relation"])
    frame["kind"], frame["scope"], frame["weight"] = "informal", "internal", 1.0
    return OrgNetwork(people, frame, pd.DataFrame(columns=["group", "person"]))


def _ei_by_hand(groups) -> tuple[float, float, float]:
    """E–I of the whole network and of groups a and b, counting each tie by hand."""
    of = dict(zip(IDS, groups))
    internal = sum(of[s] == of[t] for s, t in TIES)
    external = len(TIES) - internal
    per = []
    for g in ("a", "b"):
        inside = sum(of[s] == g and of[t] == g for s, t in TIES)
        across = sum((of[s] == g) != (of[t] == g) for s, t in TIES)
        per.append((across - inside) / (across + inside) if across + inside else np.nan)
    return ((external - internal) / len(TIES), *per)


def test_ei_index_by_hand():
    # whole: I = 4 (1→2, 2→1, 2→3, 4→5), E = 3 → (3 − 4) / 7 = −1/7
    # group a: I = 3, E = 3 (3→4, 6→1, 5→2) → 0; group b: I = 1, E = 3 → (3 − 1) / 4 = 0.5
    result = ei_test(_network(), "team", permutations=1000)
    whole, a, b = result.rows
    assert (whole.internal, whole.external, whole.ei) == (4, 3, pytest.approx(-1 / 7))
    assert (a.group, a.internal, a.external, a.ei) == ("a", 3, 3, 0.0)
    assert (b.group, b.internal, b.external, b.ei) == ("b", 1, 3, 0.5)
    assert _ei_by_hand(GROUP) == pytest.approx((-1 / 7, 0.0, 0.5))


def test_ei_permutation_test_equals_the_hand_computation_over_every_shuffle():
    # 6! = 720 ≤ 1000, so every relabelling is used once; they give the C(6,3) = 20 ways to choose group a's members
    # 36 times each, so the p-values are shares of those 20 assignments, enumerated here by hand.
    result = ei_test(_network(), "team", permutations=1000)
    assert result.exact and result.permutations == 720
    assignments = []
    for members in itertools.combinations(range(6), 3):
        assignments.append(_ei_by_hand(["a" if i in members else "b" for i in range(6)]))
    values = np.array(assignments)
    observed = _ei_by_hand(GROUP)
    for j, row in enumerate(result.rows):
        column = values[:, j]
        column = column[np.isfinite(column)]
        assert row.p_less == pytest.approx(np.mean(column <= observed[j] + 1e-9))
        assert row.p_greater == pytest.approx(np.mean(column >= observed[j] - 1e-9))
        assert row.expected == pytest.approx(column.mean())
    # whole network by hand: of the 20 assignments, those with E–I ≤ −1/7 (at least 4 of the 7 ties within)
    within = [sum(set(m) >= {int(s) - 1, int(t) - 1} or not ({int(s) - 1, int(t) - 1} & set(m)) for s, t in TIES)
              for m in itertools.combinations(range(6), 3)]
    assert result.whole().p_less == pytest.approx(sum(w >= 4 for w in within) / 20)


def test_people_without_a_value_are_not_shuffled_and_their_ties_not_counted():
    result = ei_test(_network(groups=["a", "a", "a", "b", "b", None]), "team", permutations=200)
    assert result.whole().size == 5 and result.exact and result.permutations == 120  # 5! relabellings of the five with a value
    assert result.whole().internal + result.whole().external == 6  # 6→1 has an end without a value


def test_block_densities_and_the_constant_homophily_model():
    densities = block_densities(_network(), "team")
    aa = densities[(densities["from"] == "a") & (densities["to"] == "a")].iloc[0]
    assert (aa.ties, aa.pairs, aa.density) == (3, 6, 0.5)  # 3 ties in the 3 × 2 ordered pairs within a
    models = homophily_models(_network(), "team", permutations=720)
    constant = models["constant"]
    # OLS with one 0/1 term: the intercept is the density between groups (3 / 18), the term the difference within − between
    assert constant.term("intercept").coefficient == pytest.approx(3 / 18)
    assert constant.term("same:team").coefficient == pytest.approx(4 / 12 - 3 / 18)
    variable = models["variable"]
    assert variable.term("within:team=a").coefficient == pytest.approx(3 / 6 - 3 / 18)
    assert variable.term("within:team=b").coefficient == pytest.approx(1 / 6 - 3 / 18)
    blockmodel = models["blockmodel"]
    assert blockmodel.r2 >= variable.r2 >= constant.r2  # nested models
    assert constant.exact and constant.p_r2 is not None


def test_group_comparisons_say_statistic_p_test_and_sizes_and_hide_p_under_k():
    found = group_comparisons(_network(), "team", k=3, permutations=720)
    whole = next(c for c in found if c.kind == "ei" and c.group is None)
    assert (whole.statistic, whole.test, whole.size, whole.shown) == ("ei", "ei_permutation", 6, True)
    assert whole.value == pytest.approx(-1 / 7) and whole.p is not None and whole.direction == "inward"
    within = next(c for c in found if c.kind == "within" and c.group == "a")
    assert (within.test, within.size, within.others) == ("qap_yperm", 3, 3)
    hidden = group_comparisons(_network(), "team", k=4, permutations=720)
    assert all(c.p is None and c.beyond_chance is None for c in hidden if c.group is not None)  # groups of 3 < k = 4


@pytest.mark.skipif(not KRACKHARDT.is_dir(), reason=f"Krackhardt's high-tech managers are not at {KRACKHARDT}")
def test_krackhardt_friendship_by_level_keeps_within_level_more_than_chance():
    network = orgnet.read(KRACKHARDT)
    result = ei_test(network, "level", layer="friendship", permutations=2000, seed=0)
    # by hand from ties.csv: 102 friendship ties, 76 between two people of the same level → E–I = (26 − 76) / 102
    assert (result.whole().internal, result.whole().external) == (76, 26)
    assert result.whole().ei == pytest.approx(-50 / 102)
    assert result.whole().p_less < 0.05


def test_two_sided_ei_is_measured_from_its_chance_value_not_from_zero():
    # Leaders' E–I on the shipped municipality is 0.24 where chance gives about 0.68: far inward.
    # Measured from 0 every permutation (about 0.68) is "more extreme" and p would be 1.
    from pathlib import Path

    import orgnet
    from orgnet.stats.homophily import ei_test

    network = orgnet.read(Path(__file__).resolve().parents[2] / "datasets" / "skovbjerg")
    leaders = next(row for row in ei_test(network, "role", permutations=500, seed=0).rows if row.group == "leader")

    assert leaders.ei == pytest.approx((2359 - 1446) / (2359 + 1446))
    assert leaders.expected > 0.6 and leaders.p_less == 0.0
    assert leaders.p_two == 0.0
