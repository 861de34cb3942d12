"""Homophily by one attribute: densities within and between its groups, UCINET's three models, and E–I.

- :func:`block_densities`: the density of ties from each group to each group.
- :func:`homophily_models`: UCINET's ANOVA density models as dyadic regressions with Y-permutation
  (QAP) p-values — *constant homophily* (one term: both in the same group), *variable homophily*
  (one term per group: both in group g; each group its own tendency), *structural blockmodel*
  (one term per block g → h but the first; each block its own density).
- :func:`ei_test`: Krackhardt & Stern's E–I index, (E − I) / (E + I), for the whole network and per
  group, with a permutation test in which the attribute's values are shuffled among the people who
  have one (the ties stay where they are).

Per group, E counts the ties between a member and a non-member (either direction) and I the ties
among members; for the whole network E counts the ties between groups and I the ties within. A tie
counts once per direction it has (i → j and j → i are two ties of a directed relation). People
without a value are left out of E and I and are not shuffled; pairs with a non-respondent are left
out (see :mod:`orgnet.stats.dyads`).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, replace

import numpy as np
import pandas as pd

from orgnet.errors import OrgnetError, Said
from orgnet.model import OrgNetwork
from orgnet.stats.dyads import cells, check_people, relation_matrix, symmetrised
from orgnet.stats.qap import DEFAULT_PERMUTATIONS, QapResult, design, mrqap, p_values, permutation_plan

MODELS = ("constant", "variable", "blockmodel")
EI_TEST = "permutation test (attribute values shuffled)"


def groups_of(network: OrgNetwork, by: str) -> tuple[np.ndarray, list[str]]:
    """Each person's group number (−1: no value) and the group values as written, in order of first sight sorted."""
    if by not in network.people.columns:
        raise OrgnetError(Said("error.stats.by_no_column", by=by, columns=", ".join(map(str, network.people.columns))))
    column = network.people[by]
    values = sorted(column.dropna().astype(str).unique(), key=_natural)
    if len(values) < 2:
        raise OrgnetError(Said("error.stats.too_few_groups", by=by, groups=len(values)))
    index = {value: i for i, value in enumerate(values)}
    codes = np.array([index[str(v)] if pd.notna(v) else -1 for v in column], dtype=int)
    return codes, values


def with_a_value(network: OrgNetwork, by: str) -> OrgNetwork:
    """The people with a value of ``by`` and the ties among them."""
    keep = network.people[by].notna()
    if keep.all():
        return network
    people = network.people[keep]
    ids = set(people.index)
    ties = network.ties[network.ties["source"].isin(ids) & network.ties["target"].isin(ids)]
    return replace(network, people=people, ties=ties.reset_index(drop=True))


def _natural(text: str):
    try:
        return (0, float(text), text)
    except ValueError:
        return (1, 0.0, text)


def _matrix(network: OrgNetwork, layer: str, symmetric: bool) -> tuple[np.ndarray, np.ndarray]:
    ties = relation_matrix(network, layer)
    use = cells(network, symmetric=symmetric).use
    if symmetric:
        ties = symmetrised(ties)
    return ties, use


def block_densities(network: OrgNetwork, by: str, *, layer: str = "all", symmetric: bool = False) -> pd.DataFrame:
    """``from, to, ties, pairs, density`` for every pair of groups (``from == to``: within a group)."""
    codes, values = groups_of(network, by)
    ties, use = _matrix(network, layer, symmetric)
    one_hot = np.stack([codes == g for g in range(len(values))], axis=1).astype(float)
    counts = one_hot.T @ (ties * use) @ one_hot
    pairs = one_hot.T @ use.astype(float) @ one_hot
    if symmetric:
        counts, pairs = np.triu(counts + counts.T - np.diag(np.diag(counts))), np.triu(pairs + pairs.T - np.diag(np.diag(pairs)))
    rows = [
        {"from": values[a], "to": values[b], "ties": int(counts[a, b]), "pairs": int(pairs[a, b]),
         "density": float(counts[a, b] / pairs[a, b]) if pairs[a, b] else None}
        for a in range(len(values)) for b in range(len(values)) if not (symmetric and b < a)
    ]
    return pd.DataFrame(rows)


def model_terms(codes: np.ndarray, values: list[str], model: str, by: str, *, symmetric: bool) -> tuple[list[np.ndarray], list[str]]:
    """The dyadic terms of one of the three models (NaN where either person has no value)."""
    missing = (codes[:, None] < 0) | (codes[None, :] < 0)

    def with_missing(matrix):
        matrix = matrix.astype(float)
        matrix[missing] = np.nan
        return matrix

    if model == "constant":
        return [with_missing(codes[:, None] == codes[None, :])], [f"same:{by}"]
    if model == "variable":
        several = [g for g in range(len(values)) if (codes == g).sum() > 1]  # a group of one has no pair within
        terms = [with_missing((codes[:, None] == g) & (codes[None, :] == g)) for g in several]
        return terms, [f"within:{by}={values[g]}" for g in several]
    if model == "blockmodel":
        blocks = [(a, b) for a in range(len(values)) for b in range(len(values)) if not (symmetric and b < a)]
        blocks = [(a, b) for a, b in blocks if (codes == a).sum() and (codes == b).sum() and (a != b or (codes == a).sum() > 1)]
        terms, names = [], []
        for a, b in blocks[1:]:  # the first block with pairs is the intercept's
            inside = (codes[:, None] == a) & (codes[None, :] == b)
            if symmetric:
                inside |= inside.T
            terms.append(with_missing(inside))
            names.append(f"block:{by}={values[a]}→{values[b]}")
        return terms, names
    raise OrgnetError(Said("error.stats.unknown_homophily_model", model=model, choices=", ".join(MODELS)))


def homophily_models(network: OrgNetwork, by: str, *, layer: str = "all", symmetric: bool = False,
                     permutations: int = DEFAULT_PERMUTATIONS, seed: int = 0) -> dict[str, QapResult]:
    """The three models as OLS on the dyads, p-values by permuting Y (UCINET's ANOVA density)."""
    check_people(network)
    network = with_a_value(network, by)  # Y's people are permuted among those with a value, as E–I's are
    codes, values = groups_of(network, by)
    ties, _ = _matrix(network, layer, symmetric)
    chosen = cells(network, symmetric=symmetric)
    results = {}
    for model in MODELS:
        terms, names = model_terms(codes, values, model, by, symmetric=symmetric)
        made = design(ties, terms, names, chosen.use, symmetric=symmetric)
        made.left_out_missing += chosen.left_out_unanswered
        results[model] = mrqap(made, method="yperm", permutations=permutations, seed=seed, y=layer)
    return results


# --- E–I ---------------------------------------------------------------------------------------------------------


@dataclass
class EIRow:
    """The E–I index of the whole network (``group`` None) or of one group, with its permutation p-values."""

    group: str | None
    size: int  # people in the group (the whole network: people with a value)
    external: int
    internal: int
    ei: float | None
    expected: float | None  # the mean E–I over the permutations
    p_greater: float | None
    p_less: float | None
    p_two: float | None


@dataclass
class EIResult:
    attribute: str
    layer: str
    permutations: int
    exact: bool
    seed: int
    test: str
    rows: list[EIRow]

    def whole(self) -> EIRow:
        return self.rows[0]

    def to_dict(self) -> dict:
        return {"attribute": self.attribute, "layer": self.layer, "permutations": self.permutations, "exact": self.exact,
                "seed": self.seed, "test": self.test, "groups": [asdict(row) for row in self.rows]}


def _ei_counts(ties: np.ndarray, codes: np.ndarray, k: int) -> tuple[np.ndarray, np.ndarray]:
    """(E, I) for the whole network then per group, from the group-by-group tie counts."""
    one_hot = np.zeros((len(codes), k))
    known = codes >= 0
    one_hot[np.flatnonzero(known), codes[known]] = 1.0
    blocks = one_hot.T @ ties @ one_hot
    within = np.diag(blocks)
    internal = np.concatenate([[within.sum()], within])
    external = np.concatenate([[blocks.sum() - within.sum()], blocks.sum(axis=1) + blocks.sum(axis=0) - 2 * within])
    return external, internal


def _ei(external: np.ndarray, internal: np.ndarray) -> np.ndarray:
    total = external + internal
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.where(total > 0, (external - internal) / total, np.nan)


def ei_test(network: OrgNetwork, by: str, *, layer: str = "all", symmetric: bool = False,
            permutations: int = DEFAULT_PERMUTATIONS, seed: int = 0) -> EIResult:
    """E–I for the whole network and per group; p-values with the attribute's values shuffled among the people who have one."""
    check_people(network)
    codes, values = groups_of(network, by)
    ties, use = _matrix(network, layer, symmetric)
    ties = ties * use
    external, internal = _ei_counts(ties, codes, len(values))
    observed = _ei(external, internal)
    known = np.flatnonzero(codes >= 0)
    plan, count, exact = permutation_plan(len(known), permutations, seed)
    distribution = np.empty((len(observed), count))
    shuffled = codes.copy()
    for i, p in enumerate(plan):
        shuffled[known] = codes[known][p]
        distribution[:, i] = _ei(*_ei_counts(ties, shuffled, len(values)))
    sizes = [len(known), *[int((codes == g).sum()) for g in range(len(values))]]
    rows = []
    for j, group in enumerate([None, *values]):
        value = observed[j]
        # E–I is not 0 by chance: two-sided is as far from the permutations' mean as observed
        centre = float(np.nanmean(distribution[j])) if np.isfinite(distribution[j]).any() else 0.0
        greater, less, two = p_values(value, distribution[j], centre=centre) if np.isfinite(value) else (None, None, None)
        finite = distribution[j][np.isfinite(distribution[j])]
        rows.append(EIRow(group, sizes[j], int(external[j]), int(internal[j]), float(value) if np.isfinite(value) else None,
                          float(finite.mean()) if finite.size else None, greater, less, two))
    return EIResult(by, layer, count, exact, seed, EI_TEST, rows)
