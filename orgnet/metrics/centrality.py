"""Centrality: degrees by layer, betweenness, closeness, eigenvector and PageRank.

All but the directed degrees use the symmetrised, unweighted graph (a tie where either person
named the other), as networkx does for an undirected graph.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np
import pandas as pd
import scipy.sparse.csgraph as csgraph

from orgnet.errors import OrgnetError
from orgnet.layers import layer_name
from orgnet.metrics.graph import SymGraph
from orgnet.metrics.parallel import betweenness_by_source_blocks, harmonic_by_vertex_blocks
from orgnet.model import OrgNetwork

Progress = Callable[[str, int, int], None]  # (task, done, total)

EXACT_LIMIT = 20_000  # above this many people, betweenness and closeness are sampled
DEFAULT_SAMPLE = 500  # sources for the sampled estimates
BATCHES = 10  # the sample is split into batches whose spread gives the standard error


@dataclass
class PathEstimate:
    """How betweenness and closeness were computed, for the output's metadata."""

    exact: bool
    sources: int
    people: int
    seed: int | None = None
    standard_errors: dict = field(default_factory=dict)

    def as_dict(self) -> dict:
        return {
            "method": "exact" if self.exact else "sampled sources",
            "sources": self.sources,
            "people": self.people,
            "seed": self.seed,
            **self.standard_errors,
        }


# --- degrees -------------------------------------------------------------------------------


def degrees(network: OrgNetwork, graph: SymGraph, *, layers: tuple[str, ...] = ()) -> pd.DataFrame:
    """Distinct alters: ``degree`` (symmetrised), ``in_degree``, ``out_degree``, and per layer.

    The four standard layers ``internal``, ``external``, ``formal``, ``informal`` always come;
    ``layers`` adds others (``informal+external`` gives ``degree_informal_external``).
    """
    n = graph.n
    columns = {
        "degree": graph.degree,
        "in_degree": np.bincount(graph.arcs[:, 1], minlength=n),
        "out_degree": np.bincount(graph.arcs[:, 0], minlength=n),
    }
    for spec in ("internal", "external", "formal", "informal", *layers):
        layer_graph = SymGraph.from_network(network, network.layer(spec).ties)
        columns[f"degree_{layer_name(spec)}"] = layer_graph.degree
    return pd.DataFrame(columns, index=graph.ids).astype("int64")


# --- shortest paths: betweenness and closeness ---------------------------------------------


def plan_paths(n: int, *, exact: bool | None, sample_size: int | None, seed: int) -> PathEstimate:
    """Exact below ``EXACT_LIMIT`` people (or when asked), else a seeded sample of sources."""
    if exact is None:
        exact = n <= EXACT_LIMIT and sample_size is None
    if exact:
        return PathEstimate(exact=True, sources=n, people=n)
    sources = min(n, sample_size or DEFAULT_SAMPLE)
    if sources < 1:
        raise OrgnetError("the sample size must be at least 1")
    return PathEstimate(exact=sources == n, sources=sources, people=n, seed=seed)


def _sources(plan: PathEstimate) -> np.ndarray:
    if plan.exact:
        return np.arange(plan.people)
    return np.sort(np.random.default_rng(plan.seed).choice(plan.people, size=plan.sources, replace=False))


def betweenness(graph: SymGraph, plan: PathEstimate, *, progress: Progress | None = None) -> pd.Series:
    """Shortest-path betweenness, normalised as networkx ``betweenness_centrality``.

    Notes
    -----
    b(v) = Σ_{s≠v≠t} σ_st(v) / σ_st over unordered pairs, times 2 / ((n − 1)(n − 2)) (Freeman
    1977). With sampled sources S the sum over sources is scaled by n / |S| (Brandes & Pich
    2007); the spread between batches of sources gives each value's standard error.
    """
    n = graph.n
    scale = 2.0 / ((n - 1) * (n - 2)) if n > 2 else 0.0
    batches = [batch for batch in np.array_split(_sources(plan), BATCHES) if len(batch)]
    total = np.zeros(n)
    estimates = []
    for done, (batch, partial) in enumerate(zip(batches, betweenness_by_source_blocks(n, graph.edges, batches)), start=1):
        total += partial
        estimates.append(partial * n / len(batch) * scale)
        if progress:
            progress("betweenness", done, len(batches))
    if plan.exact:
        return graph.series(total * scale, "betweenness")
    values, error = _mean_and_error(np.vstack(estimates), [len(b) for b in batches])
    plan.standard_errors["betweenness_standard_error_max"] = float(error.max())
    plan.standard_errors["betweenness_max"] = float(values.max())
    return graph.series(values, "betweenness")


def closeness(graph: SymGraph, plan: PathEstimate, *, progress: Progress | None = None) -> pd.Series:
    """Harmonic closeness divided by n − 1, as networkx ``harmonic_centrality`` / (n − 1).

    Notes
    -----
    c(v) = Σ_{u≠v} 1 / d(u, v) / (n − 1), with 1/∞ = 0 for people out of reach (Marchiori &
    Latora 2000). Sampled: the mean of 1 / d(s, v) over sampled sources s ≠ v.
    """
    n = graph.n
    if n <= 1:
        return graph.series(np.zeros(n), "closeness")
    if plan.exact:
        blocks = [block for block in np.array_split(np.arange(n), BATCHES) if len(block)]
        values = np.zeros(n)
        for done, (block, part) in enumerate(zip(blocks, harmonic_by_vertex_blocks(n, graph.edges, blocks)), start=1):
            values[block] = part
            if progress:
                progress("closeness", done, len(blocks))
        return graph.series(np.nan_to_num(values), "closeness")
    sources = _sources(plan)
    total = np.zeros(n)
    total_sq = np.zeros(n)
    counted = np.zeros(n)
    chunks = np.array_split(sources, max(1, len(sources) // 50))
    for done, chunk in enumerate(chunks, start=1):
        distances = csgraph.shortest_path(graph.adjacency, method="D", unweighted=True, directed=False, indices=chunk)
        with np.errstate(divide="ignore"):
            inverse = np.where(distances > 0, 1.0 / distances, 0.0)  # self (0) and unreachable (inf → 0)
        inverse[np.arange(len(chunk)), chunk] = 0.0
        total += inverse.sum(axis=0)
        total_sq += (inverse**2).sum(axis=0)
        counted += len(chunk)
        counted[chunk] -= 1  # a source is not its own sample
        if progress:
            progress("closeness", done, len(chunks))
    mean = total / np.maximum(counted, 1)
    variance = np.maximum(total_sq / np.maximum(counted, 1) - mean**2, 0.0)
    error = np.sqrt(variance / np.maximum(counted, 1))
    plan.standard_errors["closeness_standard_error_max"] = float(error.max())
    plan.standard_errors["closeness_max"] = float(mean.max())
    return graph.series(mean, "closeness")


def _mean_and_error(estimates: np.ndarray, sizes: list[int]) -> tuple[np.ndarray, np.ndarray]:
    """Weighted mean of batch estimates and its standard error (spread between batches)."""
    weights = np.asarray(sizes, dtype=float) / sum(sizes)
    mean = weights @ estimates
    if len(sizes) < 2:
        return mean, np.full(mean.shape, np.nan)
    spread = np.sqrt(weights @ (estimates - mean) ** 2 / (1 - (weights**2).sum()))
    return mean, spread * np.sqrt((weights**2).sum())


# --- spectral -----------------------------------------------------------------------------


def eigenvector(graph: SymGraph, *, max_iter: int = 1000, tol: float = 1.0e-6) -> pd.Series:
    """Eigenvector centrality by power iteration on A + I, exactly as networkx iterates.

    Notes
    -----
    x ← (A + I) x, scaled to unit Euclidean length, from x = 1/n until the L1 change is below
    n · tol (networkx ``eigenvector_centrality``; Bonacich 1972). On a disconnected graph the
    components with the largest eigenvalue keep the weight; smaller ones tend to 0.
    """
    n = graph.n
    if n == 0:
        return graph.series([], "eigenvector")
    adjacency = graph.adjacency
    x = np.full(n, 1.0 / n)
    for _ in range(max_iter):
        last = x
        x = last + adjacency @ last
        x = x / (np.linalg.norm(x) or 1.0)
        if np.abs(x - last).sum() < n * tol:
            return graph.series(x, "eigenvector")
    raise OrgnetError(f"eigenvector centrality did not converge in {max_iter} iterations")


def pagerank(graph: SymGraph, *, damping: float = 0.85) -> pd.Series:
    """PageRank on the symmetrised graph (Brin & Page 1998), as networkx ``pagerank``.

    Isolates (dangling people) spread their rank uniformly, as in networkx.
    """
    if graph.n == 0:
        return graph.series([], "pagerank")
    values = graph.igraph.pagerank(directed=False, damping=damping, implementation="prpack")
    return graph.series(values, "pagerank")
