"""QAP correlation, MRQAP (DSP and Y permutation) and logistic QAP: published numbers, exact enumeration, chance."""

from __future__ import annotations

import itertools
import math
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

import orgnet
from orgnet.errors import OrgnetError
from orgnet.model import OrgNetwork
from orgnet.stats.dyads import attribute_matrix, cells
from orgnet.stats.qap import design, logistic_qap, mrqap, network_design, p_values, qap, qap_correlation

KRACKHARDT = Path(__file__).resolve().parents[3] / "shared" / "datasets" / "krackhardt_hightech"
needs_krackhardt = pytest.mark.skipif(
    not KRACKHARDT.is_dir(), reason=f"Krackhardt's high-tech managers are not at {KRACKHARDT} (the shared datasets folder)"
)


@pytest.fixture(scope="module")
def krackhardt():
    return orgnet.read(KRACKHARDT)


# --- Krackhardt's high-tech managers: Borgatti, Everett & Johnson, Analyzing Social Networks (2nd ed. 2018), §14.5.2,
# the MRQAP and logistic QAP of Advice ~ Friendship + ReportTo, as the issue (#22) quotes them and as sna::netlm /
# sna::netlogit and xucinet reproduce them (the coefficients are those of OLS / logistic regression on the 420 dyads,
# so they do not depend on the permutations).


@needs_krackhardt
def test_mrqap_advice_on_friendship_and_reports_to_reproduces_the_published_table(krackhardt):
    result = qap(krackhardt, "advice", ["friendship", "reports_to"], permutations=2000, seed=0)
    assert result.model == "ols" and result.method == "dsp" and result.statistic == "t"
    assert result.dyads == 420  # 21 × 20 ordered pairs, the diagonal left out (ASN §14.5.2)
    assert round(result.term("intercept").coefficient, 3) == 0.397  # ASN §14.5.2: intercept 0.397
    assert round(result.term("friendship").coefficient, 3) == 0.136  # ASN §14.5.2: Friendship 0.136
    assert round(result.term("reports_to").coefficient, 3) == 0.472  # ASN §14.5.2: ReportTo 0.472
    assert round(result.r2, 3) == 0.063  # ASN §14.5.2: R² 0.063
    assert result.term("reports_to").p_two < 0.01  # ASN §14.5.2: ReportTo significant (p < 0.01)
    assert result.term("friendship").p_two > 0.05  # ASN §14.5.2: Friendship not significant (p > 0.05); here 0.109
    assert result.permutations == 2000 and not result.exact


@needs_krackhardt
def test_mrqap_with_y_permutation_gives_the_same_coefficients_and_conclusions(krackhardt):
    result = qap(krackhardt, "advice", ["friendship", "reports_to"], method="yperm", permutations=2000, seed=0)
    assert round(result.term("friendship").coefficient, 3) == 0.136  # OLS: the same as with DSP
    assert result.term("reports_to").p_two < 0.01 and result.term("friendship").p_two > 0.05
    assert result.p_r2 is not None and result.p_r2 < 0.01


@needs_krackhardt
def test_logistic_qap_reproduces_the_published_table(krackhardt):
    result = qap(krackhardt, "advice", ["friendship", "reports_to"], logistic=True, permutations=500, seed=0)
    assert result.model == "logistic" and result.statistic == "z"
    assert round(result.term("intercept").coefficient, 3) == -0.425  # ASN §14.5.2 logistic: intercept −0.425
    assert round(result.term("friendship").coefficient, 3) == 0.579  # ASN §14.5.2 logistic: Friendship 0.579
    assert round(result.term("reports_to").coefficient, 3) == 3.059  # ASN §14.5.2 logistic: ReportTo 3.059
    assert round(result.loglik, 3) == -274.073  # ASN §14.5.2 logistic: log-likelihood −274.073
    assert round(result.mcfadden_r2, 3) == 0.052  # ASN §14.5.2 logistic: McFadden R² 0.052
    # the null model by hand: 190 advice ties in 420 dyads, LL0 = 190·ln(190/420) + 230·ln(230/420)
    assert result.null_loglik == pytest.approx(190 * math.log(190 / 420) + 230 * math.log(230 / 420))
    assert result.term("reports_to").p_two < 0.01 and result.term("friendship").p_two > 0.05
    assert result.term("reports_to").odds_ratio == pytest.approx(math.exp(result.term("reports_to").coefficient))


@needs_krackhardt
def test_the_same_seed_gives_the_same_p_values_and_another_seed_others(krackhardt):
    first = qap(krackhardt, "advice", ["friendship", "reports_to"], permutations=300, seed=7).to_dict()
    again = qap(krackhardt, "advice", ["friendship", "reports_to"], permutations=300, seed=7).to_dict()
    other = qap(krackhardt, "advice", ["friendship", "reports_to"], permutations=300, seed=8).to_dict()
    assert first == again
    assert [t["p_two"] for t in first["terms"]] != [t["p_two"] for t in other["terms"]]


@needs_krackhardt
def test_qap_correlation_is_pearsons_r_on_the_dyads(krackhardt):
    result = qap(krackhardt, "advice", ["friendship"], permutations=500, seed=0)
    off = ~np.eye(21, dtype=bool)
    ids = krackhardt.people.index
    a, f = np.zeros((21, 21)), np.zeros((21, 21))
    for matrix, relation in ((a, "advice"), (f, "friendship")):
        ties = krackhardt.ties[krackhardt.ties.relation == relation]
        matrix[ids.get_indexer(ties.source), ids.get_indexer(ties.target)] = 1
    assert result.model == "correlation"
    assert result.term("friendship").coefficient == pytest.approx(np.corrcoef(a[off], f[off])[0, 1])
    assert set(result.distribution) >= {"mean", "sd", "share_greater_or_equal", "share_less_or_equal"}


# --- exact enumeration: with n! ≤ permutations every relabelling is used once, and the p-values are the shares of
# all 120 relabellings of 5 people, computed here the slow way (a Python loop, numpy.linalg.lstsq per permutation).


def _five(seed: int):
    rng = np.random.default_rng(seed)
    y = (rng.random((5, 5)) < 0.5).astype(float)
    x1 = (rng.random((5, 5)) < 0.4).astype(float) + y * 0.5
    x2 = rng.normal(size=(5, 5))
    for m in (y, x1, x2):
        np.fill_diagonal(m, 0)
    return y, x1, x2


def _t_by_hand(yv, columns, k):
    x = np.column_stack(columns)
    b, *_ = np.linalg.lstsq(x, yv, rcond=None)
    residual = yv - x @ b
    sigma2 = residual @ residual / (len(yv) - x.shape[1])
    return b[k] / math.sqrt(sigma2 * np.linalg.inv(x.T @ x)[k, k])


def _shares(observed, values):
    values = np.array(values)
    eps = 1e-9 * max(1, abs(observed))
    return (np.mean(values >= observed - eps), np.mean(values <= observed + eps), np.mean(np.abs(values) >= abs(observed) - eps))


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_dsp_p_values_equal_exact_enumeration_over_all_120_permutations(seed):
    y, x1, x2 = _five(seed)
    off = ~np.eye(5, dtype=bool)
    result = mrqap(design(y, [x1, x2], ["x1", "x2"], off), method="dsp", permutations=1000, seed=0)
    assert result.exact and result.permutations == 120
    ones = np.ones(20)
    columns = [ones, x1[off], x2[off]]
    for k, name in ((1, "x1"), (2, "x2")):
        others = [c for j, c in enumerate(columns) if j != k]
        gamma, *_ = np.linalg.lstsq(np.column_stack(others), columns[k], rcond=None)
        matrices = [np.ones((5, 5)), x1, x2]
        full_residual = matrices[k] - sum(g * m for g, m in zip(gamma, [m for j, m in enumerate(matrices) if j != k]))
        values = []
        for p in itertools.permutations(range(5)):
            p = list(p)
            e = full_residual[np.ix_(p, p)][off]
            values.append(_t_by_hand(y[off], [*others, e], len(others)))
        observed = _t_by_hand(y[off], columns, k)
        assert result.term(name).statistic == pytest.approx(observed)
        assert (result.term(name).p_greater, result.term(name).p_less, result.term(name).p_two) == pytest.approx(_shares(observed, values))


@pytest.mark.parametrize("seed", [4, 5])
def test_y_permutation_and_correlation_p_values_equal_exact_enumeration(seed):
    y, x1, x2 = _five(seed)
    off = ~np.eye(5, dtype=bool)
    result = mrqap(design(y, [x1, x2], ["x1", "x2"], off), method="yperm", permutations=120, seed=0)
    correlation = qap_correlation(design(y, [x1], ["x1"], off), permutations=120, seed=0)
    assert result.exact and correlation.exact
    columns = [np.ones(20), x1[off], x2[off]]
    for k, name in ((1, "x1"), (2, "x2")):
        values = [_t_by_hand(y[np.ix_(list(p), list(p))][off], columns, k) for p in itertools.permutations(range(5))]
        observed = _t_by_hand(y[off], columns, k)
        assert (result.term(name).p_greater, result.term(name).p_less, result.term(name).p_two) == pytest.approx(_shares(observed, values))
    values = [np.corrcoef(y[np.ix_(list(p), list(p))][off], x1[off])[0, 1] for p in itertools.permutations(range(5))]
    observed = np.corrcoef(y[off], x1[off])[0, 1]
    term = correlation.terms[0]
    assert (term.p_greater, term.p_less, term.p_two) == pytest.approx(_shares(observed, values))
    assert correlation.distribution["mean"] == pytest.approx(np.mean(values))


def test_logistic_y_permutation_p_values_equal_exact_enumeration():
    rng = np.random.default_rng(11)
    y = (rng.random((5, 5)) < 0.5).astype(float)
    x = rng.normal(size=(5, 5)) + y
    np.fill_diagonal(y, 0)
    off = ~np.eye(5, dtype=bool)
    result = logistic_qap(design(y, [x], ["x"], off), method="yperm", permutations=120)
    from orgnet.stats.qap import logit_fit

    columns = np.vstack([np.ones(20), x[off]])
    values = [logit_fit(columns, y[np.ix_(list(p), list(p))][off])["z"][1] for p in itertools.permutations(range(5))]
    observed = logit_fit(columns, y[off])["z"][1]
    term = result.term("x")
    assert (term.p_greater, term.p_less, term.p_two) == pytest.approx(_shares(observed, values))


# --- chance: the permutation distribution of an unrelated pair centres on 0


def test_the_permutation_distribution_of_an_unrelated_pair_centres_on_zero():
    rng = np.random.default_rng(3)
    n = 40
    y = (rng.random((n, n)) < 0.2).astype(float)
    x = (rng.random((n, n)) < 0.3).astype(float)
    off = ~np.eye(n, dtype=bool)
    result = qap_correlation(design(y, [x], ["x"], off), permutations=2000, seed=1)
    values = result.extra["values"]
    sd = values.std()
    assert abs(values.mean()) < 4 * sd / math.sqrt(len(values))  # the mean of 2,000 draws: within 4 standard errors of 0
    assert abs(result.distribution["mean"]) < 0.005
    assert 0.05 < result.terms[0].p_two  # unrelated: not beyond chance (with this seed p = 0.3)


def test_p_values_count_ties_as_at_least_as_extreme():
    assert p_values(1.0, np.array([1.0, 0.5, -1.0, 2.0])) == (0.5, 0.75, 0.75)


# --- the terms and the cells


def _network(people: pd.DataFrame, ties: list[tuple[str, str, str]]) -> OrgNetwork:
    frame = pd.DataFrame(ties, columns=["source", "target", "relation"])
    frame["kind"] = "informal"
    frame["scope"] = "internal"
    frame["weight"] = 1.0
    return OrgNetwork(people, frame, pd.DataFrame(columns=["group", "person"]))


def test_attribute_terms_are_ucinets_attribute_to_matrix():
    people = pd.DataFrame({"level": ["a", "a", "b", None], "tenure": [1.0, 4.0, 6.0, 2.0]}, index=pd.Index(["1", "2", "3", "4"], name="id"))
    same = attribute_matrix(people, "same:level")
    assert same[0, 1] == 1 and same[0, 2] == 0 and np.isnan(same[0, 3])
    assert attribute_matrix(people, "diff:tenure")[1, 2] == 2.0  # |4 − 6|
    assert attribute_matrix(people, "sender:tenure")[2, 0] == 6.0  # the row's value
    assert attribute_matrix(people, "receiver:tenure")[2, 0] == 1.0  # the column's value
    with pytest.raises(OrgnetError, match="not a number"):
        attribute_matrix(people, "diff:level")
    with pytest.raises(OrgnetError, match="no column"):
        attribute_matrix(people, "same:gender")


def test_non_respondents_pairs_are_left_out_and_counted_and_symmetric_uses_one_triangle():
    ids = [str(i) for i in range(1, 7)]
    people = pd.DataFrame({"responded": [True, True, True, True, True, False], "level": list("aabbab")}, index=pd.Index(ids, name="id"))
    ties = [(a, b, "advice") for a, b in itertools.permutations(ids[:4], 2) if int(a) < int(b)] + [("1", "6", "friendship"), ("2", "3", "friendship")]
    network = _network(people, ties)
    made, chosen = network_design(network, "advice", ["friendship", "same:level"])
    assert chosen.dyads == 6 * 5 - 2 * 5  # person 6 did not answer: 10 of the 30 ordered pairs are left out
    assert made.left_out_missing == 10
    result = mrqap(made, permutations=50, seed=0, y="advice")
    assert result.dyads == 20 and result.left_out_missing == 10
    symmetric = cells(network, symmetric=True)
    assert symmetric.dyads == 15 - 5  # one triangle: 15 pairs, 5 with person 6
    yperm = qap(network, "advice", ["friendship", "same:level"], method="yperm", permutations=50, symmetric=True)
    assert yperm.dyads == 10 and yperm.symmetric


def test_a_term_that_is_also_y_is_refused():
    people = pd.DataFrame({"level": list("abc")}, index=pd.Index(["1", "2", "3"], name="id"))
    network = _network(people, [("1", "2", "advice")])
    with pytest.raises(OrgnetError, match="both Y and a term"):
        qap(network, "advice", ["advice"])


@pytest.mark.parametrize("symmetric", [False, True])
def test_the_fast_dsp_products_equal_the_direct_ones(symmetric):
    rng = np.random.default_rng(21)
    n = 25
    y = (rng.random((n, n)) < 0.1).astype(float)
    sparse = (rng.random((n, n)) < 0.05).astype(float) + y * (rng.random((n, n)) < 0.3)
    dense = np.abs(rng.normal(size=n)[:, None] - rng.normal(size=n)[None, :])
    made = design(y, [sparse, dense], ["sparse", "dense"], ~np.eye(n, dtype=bool), symmetric=symmetric)
    fast = mrqap(made, permutations=300, seed=4)
    slow = mrqap(made, permutations=300, seed=4, fast=False)
    for a, b in zip(fast.terms, slow.terms):
        assert (a.p_greater, a.p_less, a.p_two) == (b.p_greater, b.p_less, b.p_two)
