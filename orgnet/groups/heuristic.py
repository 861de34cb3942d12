"""The objective of a leader network group proposal, and the seeded heuristic that optimises it.

A *problem* (:class:`Problem`) is one set of people to split into groups: who already knows
whom, each person's organisation and level, who must be placed (``priority``: the leaders
flagged ``no_informal_external``) and who is fixed to an existing group. A *plan* is an array
``assignment`` with each person's group (``0 … k-1``) or ``-1`` for someone left out (only when
the sizes do not allow everyone to be placed).

The objective
-------------
For a plan, summed over every pair ``i, j`` placed in the same group::

    value(i, j) = +1                  if i and j are not yet in contact (a new tie)
                  -1                  if they are already in contact, in any layer
                  -1/4                if they have the same level        (heterogeneous mode)
                  -1/4                if they have the same organisation (heterogeneous mode)

Ties a person already has elsewhere count for nothing (the page and the terminal say this in
words: ``groups.objective.*`` in the catalogue). The plan must also meet hard
constraints: every group has between ``low`` and ``high`` members; with ``apart`` no group has
two people of one organisation; priority people are never left out and each has at least two
members from other organisations; in heterogeneous mode no group has one level only when the
set has more than one level and enough people of the other levels for that (see
:func:`violations`). People fixed to an existing group stay in it.

The heuristic
-------------
Greedy construction (people of the largest organisations first, priority people before others
of the same organisation size, each into the open group where she adds most), then local search
over single moves and pairwise swaps until no move improves the objective. For one person at a
time every candidate move and swap is scored at once with numpy from ``S[i, g]`` — the sum of
``value(i, j)`` over the members ``j`` of group ``g`` — which is updated in O(n) after a move.
Several seeded restarts (40 up to 100 people, then about 4,000 / n, at least 2); the best plan
wins. The same problem and seed give the same plan.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import scipy.sparse as sp

from orgnet.errors import Said

NEW, KNOWN, SAME = 1.0, -1.0, 0.25


@dataclass
class Problem:
    """One set of people to split into ``groups`` groups of ``low``–``high`` members.

    Parameters
    ----------
    contacts : sparse (n, n)
        Symmetric, nonzero where two people are in contact (any tie, either direction).
    organisation, level : int arrays (n,)
        Codes; a missing value gets a code of its own so that it matches no one.
    priority : bool array (n,)
        Never left out; at least two members from other organisations.
    locked : int array (n,)
        The group a person is fixed to, or -1.
    heterogeneous : bool
        Add the same-level and same-organisation terms to the objective and ask for mixed levels.
    apart : bool
        Never two people of one organisation in a group.
    """

    contacts: sp.csr_matrix
    organisation: np.ndarray
    level: np.ndarray
    groups: int
    low: int
    high: int
    priority: np.ndarray = None
    locked: np.ndarray = None
    heterogeneous: bool = True
    apart: bool = True
    capacity: np.ndarray = field(init=False)

    def __post_init__(self):
        n = self.n
        self.contacts = sp.csr_matrix(self.contacts, dtype=np.float64)
        self.contacts.setdiag(0)
        self.contacts.eliminate_zeros()
        self.contacts.data[:] = 1.0
        self.priority = np.zeros(n, bool) if self.priority is None else np.asarray(self.priority, bool)
        self.locked = np.full(n, -1) if self.locked is None else np.asarray(self.locked, int)
        self.organisation = _codes(self.organisation)
        self.level = _codes(self.level)
        # an existing group larger than ``high`` keeps its members
        fixed = np.bincount(self.locked[self.locked >= 0], minlength=self.groups)
        self.capacity = np.maximum(fixed, self.high)

    @property
    def n(self) -> int:
        return len(self.organisation)

    @property
    def placed(self) -> int:
        """How many people the plan places: everyone unless k × high is smaller."""
        return int(min(self.n, self.capacity.sum()))

    def row(self, i: int) -> np.ndarray:
        """``value(i, j)`` for every j (0 for j = i)."""
        values = np.full(self.n, NEW)
        start, end = self.contacts.indptr[i], self.contacts.indptr[i + 1]
        values[self.contacts.indices[start:end]] = KNOWN
        if self.heterogeneous:
            values -= SAME * (self.level == self.level[i])
            values -= SAME * (self.organisation == self.organisation[i])
        values[i] = 0.0
        return values

    def group_sums(self, assignment: np.ndarray) -> np.ndarray:
        """``S[i, g]`` = sum of value(i, j) over members j of g, for every i and g (pool column last, 0)."""
        n, k = self.n, self.groups
        placed = assignment >= 0
        X = sp.csr_matrix((np.ones(placed.sum()), (np.flatnonzero(placed), assignment[placed])), shape=(n, k))
        size = np.asarray(X.sum(axis=0)).ravel()
        own = X.toarray()
        S = size[None, :] - own - 2.0 * (self.contacts @ X).toarray()
        if self.heterogeneous:
            for codes in (self.level, self.organisation):
                H = sp.csr_matrix((np.ones(n), (np.arange(n), codes)), shape=(n, codes.max() + 1))
                S -= SAME * ((H @ (H.T @ X)).toarray() - own)
        return np.hstack([S, np.zeros((n, 1))])


def _codes(values) -> np.ndarray:
    """Integer codes; a missing value (NaN, None or a negative code) is unique."""
    values = np.asarray(values)
    if values.dtype.kind in "iu":
        codes = values.astype(int).copy()
        missing = codes < 0
    else:
        import pandas as pd

        series = pd.Series(values, dtype="object")
        missing = series.isna().to_numpy()
        codes = pd.factorize(series)[0]
    codes[missing] = codes.max(initial=-1) + 1 + np.arange(missing.sum())
    return codes


def objective(problem: Problem, assignment: np.ndarray) -> dict:
    """The objective of a plan and its parts, computed pair by pair (independently of the search).

    Returns ``score``, ``new_pairs``, ``known_pairs``, ``same_level_pairs`` and
    ``same_organisation_pairs`` (pairs placed in the same group).
    """
    assignment = np.asarray(assignment)
    i, j = np.triu_indices(problem.n, k=1)
    together = (assignment[i] == assignment[j]) & (assignment[i] >= 0)
    i, j = i[together], j[together]
    known = np.asarray(problem.contacts[i, j]).ravel() > 0
    same_level = problem.level[i] == problem.level[j]
    same_org = problem.organisation[i] == problem.organisation[j]
    score = NEW * (~known).sum() + KNOWN * known.sum()
    if problem.heterogeneous:
        score -= SAME * (same_level.sum() + same_org.sum())
    return {
        "score": float(score),
        "new_pairs": int((~known).sum()),
        "known_pairs": int(known.sum()),
        "same_level_pairs": int(same_level.sum()),
        "same_organisation_pairs": int(same_org.sum()),
    }


def violations(problem: Problem, assignment: np.ndarray) -> list[Said]:
    """Every hard constraint the plan breaks, as messages (empty for a valid plan)."""
    problems = []
    assignment = np.asarray(assignment)
    sizes = np.bincount(assignment[assignment >= 0], minlength=problem.groups)
    for g in np.flatnonzero((sizes < problem.low) | (sizes > problem.capacity)):
        problems.append(Said("error.groups.group_size", group=g, size=sizes[g]))
    if (assignment < 0).sum() != problem.n - problem.placed:
        problems.append(Said("error.groups.left_out", left=(assignment < 0).sum(), expected=problem.n - problem.placed))
    for i in np.flatnonzero(problem.priority & (assignment < 0)):
        problems.append(Said("error.groups.priority_left_out", person=i))
    for i in np.flatnonzero(problem.locked >= 0):
        if assignment[i] != problem.locked[i]:
            problems.append(Said("error.groups.moved", person=i, group=problem.locked[i]))
    for g in range(problem.groups):
        members = np.flatnonzero(assignment == g)
        bad = _group_faults(problem, members, _mixable(problem))
        problems.extend(Said("error.groups.group_fault", group=g, fault=fault) for fault in bad)
    return problems


def _mixable(problem: Problem) -> bool:
    """Whether every group can have two levels: enough people outside the commonest level."""
    if not problem.heterogeneous:
        return False
    counts = np.bincount(problem.level)
    return problem.n - counts.max() >= problem.groups and (counts > 0).sum() > 1


def _group_faults(problem: Problem, members: np.ndarray, mixable: bool) -> list[Said]:
    faults = []
    orgs = problem.organisation[members]
    if problem.apart:
        unlocked = members[problem.locked[members] < 0]
        _, counts = np.unique(problem.organisation[unlocked], return_counts=True)
        fixed_orgs = set(problem.organisation[members[problem.locked[members] >= 0]])
        if (counts > 1).any() or any(org in fixed_orgs for org in problem.organisation[unlocked]):
            faults.append(Said("error.groups.fault_apart"))
    for i in members[problem.priority[members]]:
        if (orgs != problem.organisation[i]).sum() < 2:
            faults.append(Said("error.groups.fault_priority"))
    if mixable and len(members) and len(set(problem.level[members])) == 1:
        faults.append(Said("error.groups.fault_level"))
    return faults


def solve(problem: Problem, *, seed: int = 0, restarts: int | None = None, max_sweeps: int = 100) -> np.ndarray:
    """The best plan over ``restarts`` seeded runs of greedy construction + local search."""
    if restarts is None:
        # About 4,000 person-runs, at least 2 and at most 40. Small problems are cheap, and
        # against proven optima 12 restarts missed 9 of 116 instances of 8–30 people (by up
        # to 7.8 %) while 40 missed none (docs/groups.md); from 334 people on nothing changes.
        restarts = int(np.clip(4000 // max(problem.n, 1), 2, 40))
    rng = np.random.default_rng(seed)
    best, best_key = None, None
    for _ in range(restarts):
        search = _Search(problem, rng)
        search.construct()
        search.improve(max_sweeps)
        plan = search.plan()
        key = (-len(violations(problem, plan)), search.score())
        if best_key is None or key > best_key:
            best, best_key = plan, key
    return best


class _Search:
    """One run: the plan, ``S``, group sizes and organisation counts, kept in step."""

    def __init__(self, problem: Problem, rng: np.random.Generator):
        self.p, self.rng = problem, rng
        n, k = problem.n, problem.groups
        self.pool = k  # the column of people left out
        self.assignment = np.full(n, self.pool)
        self.assignment[problem.locked >= 0] = problem.locked[problem.locked >= 0]
        self.mixable = _mixable(problem)
        # with organisations apart and no fixed members, only priority and level rules need checking
        self.checked = self.mixable or problem.priority.any() or not problem.apart or (problem.locked >= 0).any()
        self.refresh()

    def refresh(self) -> None:
        p, k = self.p, self.p.groups
        self.S = p.group_sums(self.plan())
        self.size = np.bincount(self.assignment, minlength=k + 1)
        self.orgs = np.zeros((k + 1, p.organisation.max() + 1), int)
        np.add.at(self.orgs, (self.assignment, p.organisation), 1)

    def plan(self) -> np.ndarray:
        """Each person's group, -1 for one left out (the search keeps them in the pool column ``k``)."""
        return np.where(self.assignment == self.pool, -1, self.assignment)

    def score(self) -> float:
        placed = self.assignment != self.pool
        return float(self.S[np.flatnonzero(placed), self.assignment[placed]].sum() / 2)

    # --- construction -------------------------------------------------------------------------

    def construct(self) -> None:
        p, k = self.p, self.p.groups
        # target sizes as even as the total allows; existing groups count their fixed members
        target = np.full(k, p.placed // k)
        target[: p.placed % k] += 1
        target = np.maximum(target, np.bincount(p.locked[p.locked >= 0], minlength=k))
        org_size = np.bincount(p.organisation)[p.organisation]
        free = np.flatnonzero(p.locked < 0)
        noise = self.rng.random(p.n)
        order = free[np.lexsort((noise[free], ~p.priority[free], -org_size[free]))]
        left_out = p.n - p.placed
        for i in order:
            open_ = self.size[:k] < target
            if p.apart:
                open_ &= self.orgs[:k, p.organisation[i]] == 0
            if not open_.any():
                if left_out and not p.priority[i]:
                    left_out -= 1
                    continue
                open_ = self.size[:k] < p.capacity  # relax: local search repairs what it can
                if not open_.any():
                    continue
            gain = np.where(open_, self.S[i, :k], -np.inf)
            # among equal gains prefer the emptier group, so priority people spread out
            candidates = np.lexsort((self.size[:k], -gain))
            chosen = candidates[0]
            for g in candidates[: max(1, int(open_.sum()))]:
                if not open_[g]:
                    break
                if self.size[g] + 1 < target[g] or not _group_faults(p, np.append(self.members(g), i), self.mixable):
                    chosen = g
                    break
            self.move(i, chosen)
        # people the fallback could not place while others had to be left out: place them anyway
        waiting = np.flatnonzero(self.assignment == self.pool)
        excess = len(waiting) - (p.n - p.placed)
        for i in waiting[np.argsort(~p.priority[waiting], kind="stable")][: max(excess, 0)]:
            room = np.where(self.size[:k] < p.capacity, self.size[:k] - target, np.iinfo(int).max)
            self.move(i, int(np.argmin(room)))

    def members(self, g: int) -> np.ndarray:
        return np.flatnonzero(self.assignment == g)

    def move(self, i: int, h: int) -> None:
        g = self.assignment[i]
        row = self.p.row(i)
        if g != self.pool:
            self.S[:, g] -= row
        if h != self.pool:
            self.S[:, h] += row
        self.size[g] -= 1
        self.size[h] += 1
        org = self.p.organisation[i]
        self.orgs[g, org] -= 1
        self.orgs[h, org] += 1
        self.assignment[i] = h

    # --- local search -------------------------------------------------------------------------

    def improve(self, max_sweeps: int) -> None:
        for _ in range(max_sweeps):
            improved = False
            for i in self.rng.permutation(np.flatnonzero(self.p.locked < 0)):
                improved |= self.improve_person(int(i))
            if not improved:
                break

    def faults(self, groups) -> int:
        if not self.checked:
            return 0
        return sum(len(_group_faults(self.p, self.members(g), self.mixable)) for g in set(groups) if g != self.pool)

    def improve_person(self, i: int, tries: int = 12) -> bool:
        p, k, a, S = self.p, self.p.groups, self.assignment, self.S
        g = a[i]
        row = p.row(i)
        n = p.n
        everyone = np.arange(n)
        # swaps with every j in another group
        own = S[everyone, a]
        real = (g != self.pool) & (a != self.pool)
        delta = (S[i, a] - S[i, g]) + (S[everyone, g] - own) - np.where(real, 2.0, 1.0) * row
        ok = (a != g) & (p.locked < 0)
        if g == self.pool:
            ok &= ~p.priority
        if p.priority[i]:
            ok &= a != self.pool
        if p.apart:
            same = p.organisation == p.organisation[i]
            ok &= (a == self.pool) | (self.orgs[a, p.organisation[i]] - same == 0)
            ok &= (g == self.pool) | (self.orgs[g, p.organisation] - same == 0)
        # moves to another group
        move_delta = np.full(k, -np.inf)
        if g != self.pool and self.size[g] > p.low:
            room = self.size[:k] < p.capacity
            if p.apart:
                room &= self.orgs[:k, p.organisation[i]] == 0
            room[g] = False
            move_delta = np.where(room, S[i, :k] - S[i, g], -np.inf)
        values = np.concatenate([np.where(ok, delta, -np.inf), move_delta])
        repairing = g != self.pool and self.faults([g]) > 0
        if repairing:
            order = np.argsort(-values, kind="stable")[: min(len(values), 4 * tries)]
        else:
            top = np.flatnonzero(values > 1e-9)
            order = top[np.argsort(-values[top], kind="stable")][:tries]
        for index in order:
            value = values[index]
            if not np.isfinite(value):
                break
            kind, target = ("swap", int(index)) if index < n else ("move", int(index - n))
            groups = [g, a[target] if kind == "swap" else target]
            faults_before = self.faults(groups) if self.checked else 0
            self.apply(i, kind, target)
            faults_after = self.faults(groups) if self.checked else 0
            if faults_after < faults_before or (faults_after == faults_before and value > 1e-9):
                return True
            self.undo(i, kind, target, g)
        return False

    def apply(self, i: int, kind: str, target: int) -> None:
        if kind == "move":
            self.move(i, target)
        else:
            g, h = self.assignment[i], self.assignment[target]
            self.move(i, h)
            self.move(target, g)

    def undo(self, i: int, kind: str, target: int, g: int) -> None:
        if kind == "move":
            self.move(i, g)
        else:
            h = self.assignment[i]
            self.move(i, self.assignment[target])
            self.move(target, h)
