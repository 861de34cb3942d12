"""Borgatti's key player problem: the k people whose removal most fragments the network
(KPP-Neg), or who together reach the most others within m steps (KPP-Pos).

Both are set problems — the best set is not the k best individuals — so the search is over
sets: a greedy start (add the person who improves the set most, k times), then Borgatti's swap
search (swap the member and non-member whose exchange improves the set most, until no swap
does), repeated from ``restarts`` random starts drawn with ``seed``; the best set wins.

Notes
-----
Distance-weighted fragmentation (Borgatti 2006, eq. 9) of the network left after the set K is
removed, n people remaining::

    DF = 1 − Σ_{i≠j} (1 / d_ij) / (n (n − 1)),    1/d_ij = 0 when i and j are not connected

0 for a complete graph, 1 when no one is connected to anyone. Σ_j 1/d_ij is each person's
harmonic centrality, so DF is computed with igraph's ``harmonic_centrality`` (a breadth-first
search per person in C), never a Python loop over pairs.

m-reach (Borgatti 2006, KPP-Pos): the people outside K within m steps of some member of K;
Borgatti's normalised form counts the members as reached, ``(k + reached) / n``. Computed for
every candidate at once with a sparse product: with R the 0/1 matrix of "within m steps"
(diagonal included), the people a candidate v adds to the set's reach are ``R[v] · (1 − covered)``.

The fragmentation search evaluates each candidate set from scratch (one harmonic-centrality
pass). On a network of more than ``candidates`` people it considers only the ``candidates``
people with the highest betweenness (and says so in the result): on 1,000 people with k = 5,
that keeps the search to seconds. The reach search always considers everyone.

References
----------
Borgatti, S. P. (2006). Identifying sets of key players in a social network. *Computational
and Mathematical Organization Theory* 12(1), 21–34. doi:10.1007/s10588-006-7084-x
"""

from __future__ import annotations

import itertools
from collections.abc import Callable
from dataclasses import dataclass, field

import igraph as ig
import numpy as np
import pandas as pd
import scipy.sparse as sp

from orgnet.errors import OrgnetError, Said
from orgnet.metrics.graph import SymGraph

GOALS = ("fragment", "reach")
DEFAULT_CANDIDATES = 20
SMALL_NETWORK = 200  # up to this many people the search makes more random restarts
TOLERANCE = 1e-12


@dataclass
class KeyPlayers:
    """A key player set and how it compares with the top k by betweenness.

    ``score`` is DF after removing the set (goal ``fragment``) or the normalised m-reach
    (goal ``reach``); ``baseline`` is DF of the whole network (fragment) or 0 (reach).
    ``people`` has one row per person in either set.
    """

    goal: str
    k: int
    steps: int | None
    ids: list[str]
    score: float
    betweenness_ids: list[str]
    betweenness_score: float
    baseline: float
    candidates: int
    evaluations: int
    people: pd.DataFrame = field(default_factory=pd.DataFrame)

    @property
    def metadata(self) -> dict:
        return {
            "goal": self.goal,
            "k": self.k,
            "steps": self.steps,
            "score": self.score,
            "top_betweenness_score": self.betweenness_score,
            "whole_network": self.baseline,
            "candidates": self.candidates,
            "evaluations": self.evaluations,
            "reference": "Borgatti (2006), Comput. Math. Organ. Theory 12: 21-34",
        }


def fragmentation(graph: ig.Graph, removed=()) -> float:
    """Borgatti's distance-weighted fragmentation DF of ``graph`` without the vertices ``removed``.

    1 when fewer than two people remain (no pair can reach another).
    """
    if len(removed):
        keep = np.setdiff1d(np.arange(graph.vcount()), np.asarray(list(removed), dtype=np.int64))
        graph = graph.induced_subgraph(keep.tolist())
    n = graph.vcount()
    if n < 2:
        return 1.0
    total = float(np.sum(graph.harmonic_centrality(normalized=False)))
    return 1.0 - total / (n * (n - 1))


def reach_matrix(adjacency: sp.csr_matrix, steps: int) -> sp.csr_matrix:
    """0/1 matrix: entry (i, j) is 1 when j is within ``steps`` steps of i (i itself included)."""
    step = (adjacency + sp.identity(adjacency.shape[0], format="csr")).astype(bool).astype(np.int64)
    within = step
    for _ in range(steps - 1):
        within = (within @ step).astype(bool).astype(np.int64)
    return sp.csr_matrix(within)


def m_reach(within: sp.csr_matrix, members) -> float:
    """Borgatti's normalised m-reach of a set: (members + people within m steps of them) / n."""
    members = list(members)
    if not members:
        return 0.0
    covered = np.asarray(within[members].sum(axis=0)).ravel() > 0
    return float(covered.sum() / within.shape[0])


def key_players(
    graph: SymGraph,
    k: int,
    *,
    goal: str = "fragment",
    steps: int = 2,
    seed: int = 0,
    restarts: int | None = None,
    candidates: int = DEFAULT_CANDIDATES,
) -> KeyPlayers:
    """The k people who best fragment (``goal="fragment"``) or reach (``goal="reach"``) the network.

    Parameters
    ----------
    graph : SymGraph
        The symmetrised graph (:attr:`orgnet.analysis.Analysis.graph`).
    k : int
        Size of the set, 1 ≤ k ≤ n − 2.
    goal : "fragment" or "reach"
        KPP-Neg (maximise DF after removal) or KPP-Pos (maximise m-reach).
    steps : int
        m for the reach goal (1, 2 or 3).
    seed, restarts
        Random starts for the swap search besides the greedy one; by default 10 on networks of
        up to 200 people and 1 above (a restart of the fragmentation search on a large network
        costs seconds).
    candidates : int
        Largest number of people the fragmentation search considers (highest betweenness first).
    """
    if goal not in GOALS:
        raise OrgnetError(Said("error.scenarios.goal", goal=str(goal)))
    n = graph.n
    if n < 3:
        # removing k people must leave at least two, whose fragmentation can be measured
        raise OrgnetError(Said("error.scenarios.keyplayer_few", n=n, size=str(k)))
    if not 1 <= k <= n - 2:
        raise OrgnetError(Said("error.scenarios.keyplayer_size", size=str(k), most=n - 2, people=n))
    if steps not in (1, 2, 3):
        raise OrgnetError(Said("error.scenarios.steps", steps=str(steps)))
    betweenness = np.asarray(graph.igraph.betweenness(directed=False), dtype=float)
    by_betweenness = np.argsort(-betweenness, kind="stable")
    top = by_betweenness[:k]
    rng = np.random.default_rng(seed)
    if restarts is None:
        restarts = 10 if n <= SMALL_NETWORK else 1

    if goal == "fragment":
        pool = by_betweenness[:candidates] if n > candidates else np.arange(n)
        search = _SetSearch(lambda members: fragmentation(graph.igraph, members), pool)
        best = search.run(k, rng, restarts)
        score, baseline, top_score = search.value(best), fragmentation(graph.igraph), fragmentation(graph.igraph, top)
        shown_steps, considered = None, len(pool)
    else:
        within = reach_matrix(graph.adjacency, steps)
        search = _ReachSearch(within)
        best = search.run(k, rng, restarts)
        score, baseline, top_score = m_reach(within, best), 0.0, m_reach(within, top)
        shown_steps, considered = steps, n

    ids = [str(graph.ids[i]) for i in best]
    top_ids = [str(graph.ids[i]) for i in top]
    rank = pd.Series(np.empty(n, dtype=np.int64), index=graph.ids)
    rank.iloc[by_betweenness] = np.arange(1, n + 1)
    shown = list(dict.fromkeys([*ids, *top_ids]))
    people = pd.DataFrame(
        {
            "key_player": [person in ids for person in shown],
            "top_betweenness": [person in top_ids for person in shown],
            "betweenness": pd.Series(betweenness, index=graph.ids).reindex(shown).to_numpy()
            * (2 / ((n - 1) * (n - 2)) if n > 2 else 1),
            "betweenness_rank": rank.reindex(shown).to_numpy(),
        },
        index=pd.Index(shown, name="id"),
    )
    return KeyPlayers(goal, k, shown_steps, ids, score, top_ids, top_score, baseline, considered, search.evaluations, people)


def exhaustive(graph: SymGraph, k: int, *, goal: str = "fragment", steps: int = 2) -> tuple[tuple[int, ...], float]:
    """The best set by trying every set of k (small networks only: the tests' reference)."""
    if goal == "fragment":
        value: Callable = lambda members: fragmentation(graph.igraph, members)  # noqa: E731
    else:
        within = reach_matrix(graph.adjacency, steps)
        value = lambda members: m_reach(within, members)  # noqa: E731
    best = max(itertools.combinations(range(graph.n), k), key=value)
    return best, value(best)


class _SetSearch:
    """Greedy start and Borgatti's best-improvement swap search for any set function."""

    def __init__(self, value: Callable[[list[int]], float], pool: np.ndarray):
        self._value, self.pool, self.evaluations = value, [int(v) for v in pool], 0
        self._cache: dict[tuple[int, ...], float] = {}

    def value(self, members) -> float:
        key = tuple(sorted(members))
        if key not in self._cache:
            self.evaluations += 1
            self._cache[key] = self._value(list(key))
        return self._cache[key]

    def run(self, k: int, rng: np.random.Generator, restarts: int) -> list[int]:
        starts = [self.greedy(k)] + [sorted(rng.choice(self.pool, size=k, replace=False).tolist()) for _ in range(restarts)]
        results = [self.swap(start) for start in starts]
        return sorted(max(results, key=lambda members: (self.value(members), [-m for m in sorted(members)])))

    def greedy(self, k: int) -> list[int]:
        members: list[int] = []
        for _ in range(k):
            outside = [v for v in self.pool if v not in members]
            members.append(max(outside, key=lambda v: self.value([*members, v])))
        return members

    def swap(self, members: list[int]) -> list[int]:
        members = list(members)
        current = self.value(members)
        while True:
            best_gain, best_pair = TOLERANCE, None
            for u in members:
                rest = [m for m in members if m != u]
                for v in self.pool:
                    if v in members:
                        continue
                    gain = self.value([*rest, v]) - current
                    if gain > best_gain:
                        best_gain, best_pair = gain, (u, v)
            if best_pair is None:
                return members
            members = [m for m in members if m != best_pair[0]] + [best_pair[1]]
            current += best_gain


class _ReachSearch(_SetSearch):
    """The same search for m-reach, scoring every candidate at once with a sparse product."""

    def __init__(self, within: sp.csr_matrix):
        super().__init__(lambda members: m_reach(within, members), np.arange(within.shape[0]))
        self.within = within

    def _covered(self, members: list[int]) -> np.ndarray:
        if not members:
            return np.zeros(self.within.shape[0], dtype=bool)
        return np.asarray(self.within[members].sum(axis=0)).ravel() > 0

    def _gains(self, members: list[int], excluded: list[int]) -> np.ndarray:
        """For every person: how many people outside ``members``' reach they would add."""
        self.evaluations += 1
        gains = self.within @ (~self._covered(members)).astype(np.int64)
        gains[excluded] = -1
        return gains

    def greedy(self, k: int) -> list[int]:
        members: list[int] = []
        for _ in range(k):
            members.append(int(np.argmax(self._gains(members, members))))
        return members

    def swap(self, members: list[int]) -> list[int]:
        members = list(members)
        current = int(self._covered(members).sum())
        while True:
            best_gain, best_pair = 0, None
            for u in members:
                rest = [m for m in members if m != u]
                gains = self._gains(rest, members)
                v = int(np.argmax(gains))
                gain = int(self._covered(rest).sum()) + int(gains[v]) - current
                if gain > best_gain:
                    best_gain, best_pair = gain, (u, v)
            if best_pair is None:
                return members
            members = [m for m in members if m != best_pair[0]] + [best_pair[1]]
            current += best_gain
