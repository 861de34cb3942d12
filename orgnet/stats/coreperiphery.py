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

from orgnet.errors import OrgnetError
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
        raise OrgnetError(f"core–periphery cells: use ignore, 0 or 1 (not {core_periphery!r})")
    return {"core_core": 1, "periphery_periphery": 0, "core_periphery": core_periphery}


def correlations(matrix: np.ndarray, splits: np.ndarray, core_periphery="ignore") -> np.ndarray:
    """r between ``matrix`` (diagonal ignored) and the ideal of each split (rows of ``splits``: 1 = core)."""
    a = np.asarray(matrix, dtype=float).copy()
    np.fill_diagonal(a, 0.0)
    a2 = a * a
    c = np.atleast_2d(splits).astype(float)
    p = 1.0 - c
    size = c.shape[1]
    k = c.sum(axis=1)

    def quad(m, u, v):
        return np.einsum("bi,ij,bj->b", u, m, v)

    sum_cc, sum_pp = quad(a, c, c), quad(a, p, p)
    sq_cc, sq_pp = quad(a2, c, c), quad(a2, p, p)
    cells_cc, cells_pp = k * (k - 1), (size - k) * (size - k - 1)
    if core_periphery == "ignore":
        cells_n, total, squares, ones = cells_cc + cells_pp, sum_cc + sum_pp, sq_cc + sq_pp, cells_cc
        with_ones = sum_cc
    else:
        sum_cp = quad(a, c, p) + quad(a, p, c)
        sq_cp = quad(a2, c, p) + quad(a2, p, c)
        cells_cp = 2 * k * (size - k)
        cells_n = cells_cc + cells_pp + cells_cp
        total, squares = sum_cc + sum_pp + sum_cp, sq_cc + sq_pp + sq_cp
        ones = cells_cc + (cells_cp if core_periphery == 1 else 0)
        with_ones = sum_cc + (sum_cp if core_periphery == 1 else 0)
    numerator = cells_n * with_ones - total * ones
    denominator = np.sqrt(np.clip(cells_n * squares - total**2, 0, None) * np.clip(cells_n * ones - ones**2, 0, None))
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.where(denominator > 0, numerator / denominator, -np.inf)


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
    flips = np.eye(n, dtype=bool)
    for s in range(starts):
        split = first.copy() if s == 0 else rng.random(n) < rng.uniform(0.1, 0.6)
        r = float(correlations(matrix, split[None, :], core_periphery)[0])
        while True:
            neighbours = split[None, :] ^ flips
            rs = correlations(matrix, neighbours, core_periphery)
            i = int(np.argmax(rs))
            if rs[i] <= r + 1e-12:
                break
            split, r = neighbours[i], float(rs[i])
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
        raise OrgnetError(f"unknown core–periphery model '{model}'; use {' or '.join(MODELS)}")
    matrix = relation_matrix(network, layer)
    ids = network.people.index.astype(str)
    if model == "categorical":
        split, r, exact = categorical(matrix, core_periphery=core_periphery, seed=seed, starts=starts)
        coreness, _ = continuous(matrix)
        people = pd.DataFrame({"id": ids, "core": split, "coreness": coreness})
        return CorePeriphery(model, layer, r, people, ideal_of(core_periphery), exact, seed, starts)
    coreness, r = continuous(matrix)
    return CorePeriphery(model, layer, r, pd.DataFrame({"id": ids, "coreness": coreness}))
