"""Core and periphery (Borgatti & Everett 1999).

Categorical: the split of the people into a core and a periphery whose *ideal pattern* the data
resembles most, measured by Pearson's r between the data and the ideal over the pairs the ideal
speaks of (never the diagonal). The ideal: core–core 1, periphery–periphery 0, and the core–periphery
cells either ignored (``"ignore"``, the default here and, as far as we know, UCINET's: only the two
diagonal blocks are compared) or expected to be 0 or 1. Up to :data:`EXACT_UP_TO` people every split
is tried (exact); above, a seeded search: many random starts, each improved by moving the one person
whose move raises r most until no move does.

Continuous: a coreness c_i per person such that the pattern c_i·c_j resembles the data most; found by
minimising Σ_{i≠j} (a_ij − c_i c_j)² (Borgatti & Everett's continuous model; a directed relation is
made symmetric by averaging a_ij and a_ji). The fit is Pearson's r between the data and c_i c_j.
Coreness is scaled to a sum of squares of 1 (UCINET's convention).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from orgnet.errors import OrgnetError, Said
from orgnet.model import OrgNetwork
from orgnet.stats.dyads import check_people, relation_matrix

EXACT_UP_TO = 14
CORE_PERIPHERY = ("ignore", 0, 1)
MODELS = ("categorical", "continuous")


@dataclass
class CorePeriphery:
    model: str
    layer: str
    fit: float
    people: pd.DataFrame  # id, core (bool, categorical), coreness (float)
    ideal: dict | None = None
    exact: bool | None = None
    seed: int | None = None
    starts: int | None = None

    def to_dict(self) -> dict:
        people = [{"id": str(i), **({"core": bool(r.core)} if "core" in self.people else {}), "coreness": float(r.coreness)}
                  for i, r in self.people.set_index("id").iterrows()]
        out = {"model": self.model, "layer": self.layer, "fit": self.fit, "people": people}
        if self.ideal is not None:
            out.update(ideal=self.ideal, exact=self.exact, seed=self.seed)
        return out


def ideal_of(core_periphery="ignore") -> dict:
    if core_periphery not in CORE_PERIPHERY:
        raise OrgnetError(Said("error.stats.cp_cells", value=repr(core_periphery)))
    return {"core_core": 1, "periphery_periphery": 0, "core_periphery": core_periphery}


def _r_from_sums(sum_cc, sum_pp, sq_cc, sq_pp, total, squares_all, k, size, core_periphery):
    """r between the data and the ideal from the block sums (``total``, ``squares_all``: over every off-diagonal cell)."""
    cells_cc, cells_pp = k * (k - 1), (size - k) * (size - k - 1)
    if core_periphery == "ignore":
        cells_n, total, squares, ones, with_ones = cells_cc + cells_pp, sum_cc + sum_pp, sq_cc + sq_pp, cells_cc, sum_cc
    else:
        cells_n, squares = size * (size - 1), squares_all
        ones = cells_cc + (2 * k * (size - k) if core_periphery == 1 else 0)
        with_ones = sum_cc + ((total - sum_cc - sum_pp) if core_periphery == 1 else 0)
    numerator = cells_n * with_ones - total * ones
    denominator = np.sqrt(np.clip(cells_n * squares - total**2, 0, None) * np.clip(cells_n * ones - ones**2, 0, None))
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.where(denominator > 1e-12, numerator / np.where(denominator > 1e-12, denominator, 1), -np.inf)


def _prepared(matrix: np.ndarray) -> tuple[np.ndarray, np.ndarray, float, float]:
    a = np.asarray(matrix, dtype=float).copy()
    np.fill_diagonal(a, 0.0)
    return a, a * a, float(a.sum()), float((a * a).sum())


def correlations(matrix: np.ndarray, splits: np.ndarray, core_periphery="ignore") -> np.ndarray:
    """r between ``matrix`` (diagonal ignored) and the ideal of each split (rows of ``splits``: 1 = core)."""
    a, a2, total, squares = _prepared(matrix)
    c = np.atleast_2d(splits).astype(float)
    p = 1.0 - c

    def quad(m, u):
        return np.einsum("bi,bi->b", u @ m, u)

    return _r_from_sums(quad(a, c), quad(a, p), quad(a2, c), quad(a2, p), total, squares, c.sum(axis=1), c.shape[1], core_periphery)


class _Flips:
    """The block sums of one split, kept up to date as people move (O(n) per move), and r of every single move."""

    def __init__(self, a, a2, total, squares, split: np.ndarray, core_periphery):
        self.matrices = (a, a2)
        self.total, self.squares, self.core_periphery = total, squares, core_periphery
        self.split = split.copy()
        c = split.astype(float)
        p = 1.0 - c
        self.to_core = [m @ c + m.T @ c for m in self.matrices]  # ties between i and the core, both directions
        self.to_periphery = [m @ p + m.T @ p for m in self.matrices]
        self.cc = [float(c @ m @ c) for m in self.matrices]
        self.pp = [float(p @ m @ p) for m in self.matrices]

    def correlations(self) -> np.ndarray:
        split = self.split
        k = split.sum()
        after = []
        for j in range(2):
            # i moves core → periphery: its core ties leave cc, its periphery ties join pp; the other way round
            after.append((np.where(split, self.cc[j] - self.to_core[j], self.cc[j] + self.to_core[j]),
                          np.where(split, self.pp[j] + self.to_periphery[j], self.pp[j] - self.to_periphery[j])))
        k_after = np.where(split, k - 1, k + 1)
        return _r_from_sums(after[0][0], after[0][1], after[1][0], after[1][1], self.total, self.squares, k_after, len(split),
                            self.core_periphery)

    def move(self, i: int) -> None:
        leaving = bool(self.split[i])
        for j, m in enumerate(self.matrices):
            ties = m[:, i] + m[i, :]
            if leaving:
                self.cc[j] -= self.to_core[j][i]
                self.pp[j] += self.to_periphery[j][i]
                self.to_core[j] -= ties
                self.to_periphery[j] += ties
            else:
                self.cc[j] += self.to_core[j][i]
                self.pp[j] -= self.to_periphery[j][i]
                self.to_core[j] += ties
                self.to_periphery[j] -= ties
        self.split[i] = not leaving


def exhaustive(matrix: np.ndarray, core_periphery="ignore") -> tuple[np.ndarray, float]:
    """The best split by trying all 2^n of them (n ≤ 20 or so); ties go to the first in binary order."""
    n = matrix.shape[0]
    best, best_r = None, -np.inf
    for start in range(0, 2**n, 4096):
        numbers = np.arange(start, min(start + 4096, 2**n))
        splits = (numbers[:, None] >> np.arange(n)[None, :]) & 1
        r = correlations(matrix, splits, core_periphery)
        i = int(np.argmax(r))
        if r[i] > best_r + 1e-12:
            best, best_r = splits[i].astype(bool), float(r[i])
    return best, best_r


def local_search(matrix: np.ndarray, core_periphery="ignore", *, seed: int = 0, starts: int = 50) -> tuple[np.ndarray, float]:
    """Seeded search: from each random start, move the person whose move raises r most, until none does."""
    n = matrix.shape[0]
    rng = np.random.default_rng(seed)
    degree = matrix.sum(axis=0) + matrix.sum(axis=1)
    first = degree >= np.median(degree)
    best, best_r = None, -np.inf
    a, a2, total, squares = _prepared(matrix)
    for s in range(starts):
        split = first.copy() if s == 0 else rng.random(n) < rng.uniform(0.1, 0.6)
        r = float(correlations(matrix, split[None, :], core_periphery)[0])
        flips = _Flips(a, a2, total, squares, split, core_periphery)
        while True:
            rs = flips.correlations()
            i = int(np.argmax(rs))
            if rs[i] <= r + 1e-12:
                break
            flips.move(i)
            r = float(rs[i])
        split = flips.split
        if r > best_r + 1e-12:
            best, best_r = split.copy(), r
    return best, best_r


def categorical(matrix: np.ndarray, *, core_periphery="ignore", seed: int = 0, exact_up_to: int = EXACT_UP_TO,
                starts: int = 50) -> tuple[np.ndarray, float, bool]:
    """The best core (booleans), its r, and whether the search was exhaustive."""
    if matrix.shape[0] <= exact_up_to:
        split, r = exhaustive(matrix, core_periphery)
        return split, r, True
    split, r = local_search(matrix, core_periphery, seed=seed, starts=starts)
    return split, r, False


def continuous(matrix: np.ndarray, *, iterations: int = 1000, tolerance: float = 1e-10) -> tuple[np.ndarray, float]:
    """Coreness (sum of squares 1) minimising Σ_{i≠j} (a_ij − c_i c_j)², and r between the data and c_i c_j."""
    a = (np.asarray(matrix, dtype=float) + np.asarray(matrix, dtype=float).T) / 2
    np.fill_diagonal(a, 0.0)
    n = a.shape[0]
    c = a.sum(axis=1)
    c = c / np.linalg.norm(c) if c.any() else np.ones(n) / np.sqrt(n)
    c = c * np.sqrt(max(np.abs(a).sum(), 1e-12) / n)
    for _ in range(iterations):
        squares = (c * c).sum() - c * c
        with np.errstate(divide="ignore", invalid="ignore"):
            new = np.where(squares > 0, (a @ c) / squares, 0.0)  # the diagonal of a is 0: a @ c is Σ_{j≠i} a_ij c_j
        if np.max(np.abs(new - c)) < tolerance:
            c = new
            break
        c = new
    coreness = c / np.linalg.norm(c) if np.linalg.norm(c) > 0 else c
    if coreness.sum() < 0:
        coreness = -coreness
    off = ~np.eye(n, dtype=bool)
    pattern = np.outer(coreness, coreness)
    data = np.asarray(matrix, dtype=float)
    r = float(np.corrcoef(data[off], pattern[off])[0, 1]) if data[off].std() > 0 and pattern[off].std() > 0 else float("nan")
    return coreness, r


def core_periphery(network: OrgNetwork, *, model: str = "categorical", layer: str = "all", core_periphery="ignore",
                   seed: int = 0, starts: int = 50) -> CorePeriphery:
    """``orgnet coreperiphery``: who is core (categorical) or how core (continuous), and the fit."""
    check_people(network)
    if model not in MODELS:
        raise OrgnetError(Said("error.stats.unknown_cp_model", model=model, first=MODELS[0], second=MODELS[1]))
    matrix = relation_matrix(network, layer)
    ids = network.people.index.astype(str)
    if model == "categorical":
        split, r, exact = categorical(matrix, core_periphery=core_periphery, seed=seed, starts=starts)
        coreness, _ = continuous(matrix)
        people = pd.DataFrame({"id": ids, "core": split, "coreness": coreness})
        return CorePeriphery(model, layer, r, people, ideal_of(core_periphery), exact, seed, starts)
    coreness, r = continuous(matrix)
    return CorePeriphery(model, layer, r, pd.DataFrame({"id": ids, "coreness": coreness}))
