"""The exact optimum of a small group problem, as a mixed-integer linear programme (HiGHS via
:func:`scipy.optimize.milp`), to measure how far the heuristic is from it.

Formulation
-----------
Every pair value is 1 plus a correction ``c_ij ≤ 0`` (−2 for a pair already in contact, −¼ for
the same level or organisation in heterogeneous mode), so a plan's score is

    Σ_g (s_g choose 2)  +  Σ_{i<j, c_ij<0} c_ij · y_ij

with ``s_g`` the size of group g. Variables: ``x[i, g] = 1`` when person i is in group g;
``u[g, s] = 1`` when group g has s members (one s per group, ``Σ_i x[i, g] = Σ_s s · u[g, s]``),
which makes the first sum linear; and for each pair with a correction a continuous ``y ≥ x[i, g]
+ x[j, g] − 1`` for every g, which maximising holds at 1 exactly when the two share a group.
Only pairs with a correction need a variable, and only a lower bound, which keeps the
relaxation much tighter than one variable per pair bounded from above. The hard constraints are
those of :func:`orgnet.groups.heuristic.violations`.

Groups are interchangeable unless people are fixed to groups, so each plan is counted once:
groups are numbered in the order of their lowest-numbered member (``x[i, g] ≤ Σ_{j<i} x[j,
g−1]``, the standard symmetry break for identical bins).

The solver is asked for a gap of 0; :class:`ExactSolution` says whether it proved the optimum
(``status`` "optimal") or stopped at its time or node limit with only a best-known plan and a
bound (``status`` "limit reached").
The programme has n² × k constraints; it is meant for the tests and for instances up to a few dozen
people.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import scipy.sparse as sp
from scipy.optimize import Bounds, LinearConstraint, milp

from orgnet.errors import OrgnetError, Said
from orgnet.groups.heuristic import Problem, _mixable

STATUS = {0: "optimal", 1: "limit reached", 2: "infeasible", 3: "unbounded"}


@dataclass(frozen=True)
class ExactSolution:
    """What the solver found. ``objective`` is the best plan's score; ``bound`` the best upper
    bound proven; ``gap`` = (bound − objective) / |objective|, 0 when the optimum is proven."""

    assignment: np.ndarray
    objective: float
    status: str
    gap: float
    bound: float
    message: str = ""  # the solver's own words

    @property
    def proven(self) -> bool:
        return self.status == "optimal" and self.gap <= 1e-9


def solve_exact(problem: Problem, *, time_limit: float = 60.0, node_limit: int | None = None) -> ExactSolution:
    """The best plan HiGHS finds within ``time_limit`` seconds (and ``node_limit`` branch-and-bound
    nodes, if given), and whether it is proven optimal (status "optimal") or the search stopped
    at a limit first (status "limit reached", with the gap to the bound).

    Raises :class:`OrgnetError` when no valid plan exists, or none was found before the limit.
    """
    n, k = problem.n, problem.groups
    i_idx, j_idx = np.triu_indices(n, k=1)
    values = np.array([problem.row(i)[j] for i, j in zip(i_idx, j_idx)]) if n > 1 else np.zeros(0)
    correction = values - 1.0
    keep = correction < 0
    i_idx, j_idx, correction = i_idx[keep], j_idx[keep], correction[keep]
    sizes = [np.arange(problem.low, int(problem.capacity[g]) + 1) for g in range(k)]
    n_x = n * k
    u_start = np.cumsum([n_x] + [len(s) for s in sizes])
    n_vars = int(u_start[-1]) + len(correction)

    def x(i, g):
        return i * k + g

    def u(g, s_index):
        return int(u_start[g]) + s_index

    def y(p):
        return int(u_start[-1]) + p

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
        add([(u(g, s), 1) for s in range(len(sizes[g]))], 1, 1)
        add([(x(i, g), 1) for i in range(n)] + [(u(g, s), -size) for s, size in enumerate(sizes[g])], 0, 0)
    for p, (i, j) in enumerate(zip(i_idx, j_idx)):
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
        # group g opens only after group g − 1 has a member of lower number
        for g in range(1, k):
            for i in range(n):
                add([(x(i, g), 1)] + [(x(j, g - 1), -1) for j in range(i)], -np.inf, 0)
    cost = np.zeros(n_vars)
    for g in range(k):
        for s, size in enumerate(sizes[g]):
            cost[u(g, s)] = -size * (size - 1) / 2
    cost[int(u_start[-1]) :] = -correction
    integrality = np.ones(n_vars)
    integrality[int(u_start[-1]) :] = 0  # y is held at 0 or 1 by its bound and the objective
    matrix = sp.csr_matrix((data, (rows, cols)), shape=(len(lower), n_vars))
    result = milp(
        cost,
        constraints=LinearConstraint(matrix, lower, upper),
        integrality=integrality,
        bounds=Bounds(lower_bounds, upper_bounds),
        options={"time_limit": time_limit, "mip_rel_gap": 0.0, **({"node_limit": node_limit} if node_limit else {})},
    )
    if result.x is None:
        if result.status == 1:
            raise OrgnetError(Said("error.groups.solver_limit", message=str(result.message)))
        raise OrgnetError(Said("error.groups.no_plan_exists", message=str(result.message)))
    chosen = result.x[:n_x].reshape(n, k) > 0.5
    assignment = np.where(chosen.any(axis=1), chosen.argmax(axis=1), -1)
    objective = float(-result.fun)
    bound = float(-result.mip_dual_bound) if getattr(result, "mip_dual_bound", None) is not None else np.nan
    gap = float(result.mip_gap) if getattr(result, "mip_gap", None) is not None else np.nan
    return ExactSolution(assignment, objective, _status(result), gap, bound, str(result.message))


def _status(result) -> str:
    # scipy reports HiGHS's node limit as an unrecognised status ("Solution limit reached")
    if result.status == 4 and "limit" in str(result.message).lower():
        return "limit reached"
    return STATUS.get(result.status, "other")
