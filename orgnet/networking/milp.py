"""The exact optimum of a small group problem, as a mixed-integer linear programme (HiGHS via
:func:`scipy.optimize.milp`), to measure how far the heuristic is from it.

Variables: ``x[i, g] = 1`` when person i is in group g, and for every pair i < j with a nonzero
value a pair variable ``y[i, j]`` that may be 1 only when both are in one group. A pair of
positive value is bounded above (y ≤ 1 − x[i, g] + x[j, g] for every g, and y ≤ Σ_g x[i, g]); a
pair of negative value is bounded below (y ≥ x[i, g] + x[j, g] − 1); maximising does the rest. The constraints are those of
:func:`orgnet.networking.groups.violations`. Groups are interchangeable, so person i is put in a
group numbered at most i (a standard symmetry break), unless people are fixed to groups.

The programme has n² × k constraints; it is meant for the tests and for instances up to a few dozen
people.
"""

from __future__ import annotations

import numpy as np
import scipy.sparse as sp
from scipy.optimize import Bounds, LinearConstraint, milp

from orgnet.errors import OrgnetError
from orgnet.networking.groups import Problem, _mixable


def solve_exact(problem: Problem, *, time_limit: float = 60.0) -> tuple[np.ndarray, float]:
    """The optimal plan and its objective; raises :class:`OrgnetError` if there is none."""
    n, k = problem.n, problem.groups
    i_idx, j_idx = np.triu_indices(n, k=1)
    values = np.array([problem.row(i)[j] for i, j in zip(i_idx, j_idx)]) if n > 1 else np.zeros(0)
    keep = values != 0
    i_idx, j_idx, values = i_idx[keep], j_idx[keep], values[keep]
    pairs = len(values)
    n_x = n * k
    n_vars = n_x + pairs

    def x(i, g):
        return i * k + g

    def y(p):
        return n_x + p

    rows, cols, data, lower, upper = [], [], [], [], []

    def add(terms, lo, hi):
        row = len(lower)
        for col, coef in terms:
            rows.append(row)
            cols.append(col)
            data.append(coef)
        lower.append(lo)
        upper.append(hi)

    placed_all = problem.placed == n
    for i in range(n):
        must = placed_all or problem.priority[i] or problem.locked[i] >= 0
        add([(x(i, g), 1) for g in range(k)], 1 if must else 0, 1)
    add([(x(i, g), 1) for i in range(n) for g in range(k)], problem.placed, problem.placed)
    for g in range(k):
        add([(x(i, g), 1) for i in range(n)], problem.low, problem.capacity[g])
    for p, (i, j, value) in enumerate(zip(i_idx, j_idx, values)):
        if value > 0:
            # y ≤ 0 unless i and j share a group: y ≤ 1 − x[i, g] + x[j, g] for every g, y ≤ Σ x[i, ·]
            for g in range(k):
                add([(y(p), 1), (x(i, g), 1), (x(j, g), -1)], -np.inf, 1)
            add([(y(p), 1)] + [(x(i, g), -1) for g in range(k)], -np.inf, 0)
        else:
            for g in range(k):
                add([(y(p), 1), (x(i, g), -1), (x(j, g), -1)], -1, np.inf)
    if problem.apart:
        for org in np.unique(problem.organisation):
            members = np.flatnonzero(problem.organisation == org)
            if len(members) > 1:
                for g in range(k):
                    add([(x(i, g), 1) for i in members], 0, 1)
    for i in np.flatnonzero(problem.priority):
        others = np.flatnonzero(problem.organisation != problem.organisation[i])
        for g in range(k):
            add([(x(j, g), 1) for j in others] + [(x(i, g), -2)], 0, np.inf)
    if _mixable(problem):
        for level in np.unique(problem.level):
            members = set(np.flatnonzero(problem.level == level))
            for g in range(k):
                # at least one member of another level: sum over others ≥ 1 (every group is used)
                add([(x(j, g), 1) for j in range(n) if j not in members], 1, np.inf)
    lower_bounds = np.zeros(n_vars)
    upper_bounds = np.ones(n_vars)
    locked = np.flatnonzero(problem.locked >= 0)
    for i in locked:
        lower_bounds[x(i, problem.locked[i])] = 1
    if not len(locked):
        for i in range(min(n, k)):
            upper_bounds[[x(i, g) for g in range(i + 1, k)]] = 0
    cost = np.zeros(n_vars)
    cost[n_x:] = -values
    matrix = sp.csr_matrix((data, (rows, cols)), shape=(len(lower), n_vars))
    result = milp(
        cost,
        constraints=LinearConstraint(matrix, lower, upper),
        integrality=np.ones(n_vars),
        bounds=Bounds(lower_bounds, upper_bounds),
        options={"time_limit": time_limit},
    )
    if result.x is None:
        raise OrgnetError(f"no valid plan exists for this problem ({result.message})")
    chosen = result.x[:n_x].reshape(n, k) > 0.5
    assignment = np.where(chosen.any(axis=1), chosen.argmax(axis=1), -1)
    return assignment, float(-result.fun)
