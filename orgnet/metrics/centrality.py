"""Centrality: degrees and strength by layer, reciprocity, betweenness, closeness, eigenvector
and PageRank.

Degrees, strengths and reciprocity use the directed ties as reported. The others use the
symmetrised graph (a tie where either person named the other), as networkx does for an
undirected graph: unweighted by default, or on tie strength z_uv + z_vu when asked
(``path_weights="inverse"`` for paths, ``weighted=True`` for eigenvector and PageRank).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from orgnet.errors import OrgnetError, Said
from orgnet.layers import KIND_SCOPE_LAYERS, layer_name, parse_layer
from orgnet.metrics.graph import SymGraph
from orgnet.metrics.parallel import betweenness_by_source_blocks, harmonic_by_vertex_blocks, inverse_distances_by_source_blocks
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


# --- degrees, strength and reciprocity ------------------------------------------------------




def degrees(network: OrgNetwork, graph: SymGraph, *, layers: tuple[str, ...] = ()) -> pd.DataFrame:
    """Distinct alters and tie strength per person, overall and per layer.

    Columns: ``degree`` (symmetrised), ``in_degree``, ``out_degree``; ``strength``,
    ``in_strength``, ``out_strength`` (summed tie weights); ``reciprocity``; and per layer
    ``degree_L``, ``in_degree_L``, ``out_degree_L``. The four layers ``internal``,
    ``external``, ``formal``, ``informal`` always come; ``layers`` adds others
    (``informal+external`` gives ``degree_informal_external``).

    Notes
    -----
    strength = Σ_j (z_ij + z_ji), the weight of every tie the person reported or was named in
    (Barrat et al. 2004's vertex strength on the directed, valued ties); in_strength = Σ_j z_ji,
    out_strength = Σ_j z_ij. reciprocity = the share of the people the person named who also
    named the person (NaN for someone who named nobody).
    """
    n = graph.n
    arcs, weight = graph.arcs, graph.arc_weight
    out_degree = np.bincount(arcs[:, 0], minlength=n)
    reciprocated = _reciprocated(arcs, n)
    with np.errstate(divide="ignore", invalid="ignore"):
        reciprocity = np.where(out_degree > 0, np.bincount(arcs[:, 0], weights=reciprocated, minlength=n) / out_degree, np.nan)
    out_strength = np.bincount(arcs[:, 0], weights=weight, minlength=n)
    in_strength = np.bincount(arcs[:, 1], weights=weight, minlength=n)
    columns = {
        "degree": graph.degree,
        "in_degree": np.bincount(arcs[:, 1], minlength=n),
        "out_degree": out_degree,
        "strength": in_strength + out_strength,
        "in_strength": in_strength,
        "out_strength": out_strength,
        "reciprocity": reciprocity,
    }
    ties = network.ties
    for spec in dict.fromkeys((*KIND_SCOPE_LAYERS, *layers)):
        counts = graph.layer_counts(layer_mask(ties, spec))
        name = layer_name(spec)
        columns[f"degree_{name}"] = counts["degree"]
        columns[f"in_degree_{name}"] = counts["in"]
        columns[f"out_degree_{name}"] = counts["out"]
    frame = pd.DataFrame(columns, index=graph.ids)
    counted = [column for column in frame.columns if "degree" in column]
    frame[counted] = frame[counted].astype("int64")
    return frame


def layer_mask(ties: pd.DataFrame, spec: str) -> np.ndarray:
    """Which ties are in layer ``spec``: the rule of ``orgnet.layers.select_ties``, as a mask."""
    chosen = parse_layer(spec, set(ties["relation"].dropna().unique()))
    keep = np.ones(len(ties), dtype=bool)
    for dimension, values in chosen.items():
        keep &= ties[dimension].isin(values).to_numpy()
    return keep


def _reciprocated(arcs: np.ndarray, n: int) -> np.ndarray:
    """For each arc (sorted by code), whether the reverse arc exists."""
    codes = arcs[:, 0] * n + arcs[:, 1]
    reverse = arcs[:, 1] * n + arcs[:, 0]
    found = np.minimum(np.searchsorted(codes, reverse), max(len(codes) - 1, 0))
    return (codes[found] == reverse).astype(float) if len(codes) else np.zeros(0)


# --- shortest paths: betweenness and closeness ---------------------------------------------


def plan_paths(n: int, *, exact: bool | None, sample_size: int | None, seed: int) -> PathEstimate:
    """Exact below ``EXACT_LIMIT`` people (or when asked), else a seeded sample of sources."""
    if exact is None:
        exact = n <= EXACT_LIMIT and sample_size is None
    if exact:
        return PathEstimate(exact=True, sources=n, people=n)
    sources = min(n, sample_size or DEFAULT_SAMPLE)
    if sources < 1:
        raise OrgnetError(Said("error.metrics.sample_size"))
    return PathEstimate(exact=sources == n, sources=sources, people=n, seed=seed)


def _sources(plan: PathEstimate) -> np.ndarray:
    if plan.exact:
        return np.arange(plan.people)
    return np.sort(np.random.default_rng(plan.seed).choice(plan.people, size=plan.sources, replace=False))


def edge_lengths(graph: SymGraph, path_weights: str | None) -> np.ndarray | None:
    """Each edge's length for shortest paths: None counts hops; ``"inverse"`` is 1 / (z_uv + z_vu),
    so a stronger tie is a shorter step."""
    if path_weights is None:
        return None
    if path_weights != "inverse":
        raise OrgnetError(Said("error.metrics.unknown_path_weights", weights=path_weights))
    return 1.0 / graph.edge_weight


def betweenness(graph: SymGraph, plan: PathEstimate, *, path_weights: str | None = None, progress: Progress | None = None) -> pd.Series:
    """Shortest-path betweenness, normalised as networkx ``betweenness_centrality``.

    Notes
    -----
    b(v) = Σ_{s≠v≠t} σ_st(v) / σ_st over unordered pairs, times 2 / ((n − 1)(n − 2)) (Freeman
    1977). With sampled sources S the sum over sources is scaled by n / |S| (Brandes & Pich
    2007); the spread between batches of sources gives each value's standard error. With
    ``path_weights="inverse"`` a path's length is the sum of 1 / (z_uv + z_vu) over its edges
    (networkx ``betweenness_centrality(weight=...)`` with that distance); by default hops.
    """
    n = graph.n
    scale = 2.0 / ((n - 1) * (n - 2)) if n > 2 else 0.0
    batches = [batch for batch in np.array_split(_sources(plan), BATCHES) if len(batch)]
    lengths = edge_lengths(graph, path_weights)
    total = np.zeros(n)
    estimates = []
    for done, (batch, partial) in enumerate(zip(batches, betweenness_by_source_blocks(graph.igraph, batches, lengths)), start=1):
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


def closeness(graph: SymGraph, plan: PathEstimate, *, path_weights: str | None = None, progress: Progress | None = None) -> pd.Series:
    """Harmonic closeness divided by n − 1, as networkx ``harmonic_centrality`` / (n − 1).

    Notes
    -----
    c(v) = Σ_{u≠v} 1 / d(u, v) / (n − 1), with 1/∞ = 0 for people out of reach (Marchiori &
    Latora 2000). Sampled: the mean of 1 / d(s, v) over sampled sources s ≠ v. Distances count
    hops, or with ``path_weights="inverse"`` sum 1 / (z_uv + z_vu) over a path's edges. The
    searches run in parallel processes, in blocks of sources whose sums are added in order.
    """
    n = graph.n
    if n <= 1:
        return graph.series(np.zeros(n), "closeness")
    lengths = edge_lengths(graph, path_weights)
    if plan.exact:
        blocks = [block for block in np.array_split(np.arange(n), BATCHES) if len(block)]
        values = np.zeros(n)
        for done, (block, part) in enumerate(zip(blocks, harmonic_by_vertex_blocks(graph.igraph, blocks, lengths)), start=1):
            values[block] = part
            if progress:
                progress("closeness", done, len(blocks))
        return graph.series(np.nan_to_num(values), "closeness")
    sources = _sources(plan)
    total = np.zeros(n)
    total_sq = np.zeros(n)
    counted = np.zeros(n)
    chunks = np.array_split(sources, max(1, len(sources) // 50))
    parts = inverse_distances_by_source_blocks(graph.igraph, chunks, lengths)
    for done, (chunk, (inverse_sum, inverse_sq)) in enumerate(zip(chunks, parts), start=1):
        total += inverse_sum
        total_sq += inverse_sq
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


def eigenvector(graph: SymGraph, *, weighted: bool = False, max_iter: int = 1000, tol: float = 1.0e-6) -> pd.Series:
    """Eigenvector centrality by power iteration on A + I, exactly as networkx iterates.

    Notes
    -----
    x ← (A + I) x, scaled to unit Euclidean length, from x = 1/n until the L1 change is below
    n · tol (networkx ``eigenvector_centrality``; Bonacich 1972). ``weighted``: A holds the tie
    strengths z_uv + z_vu (networkx with ``weight=``). On a disconnected graph the components
    with the largest eigenvalue keep the weight; smaller ones tend to 0.
    """
    n = graph.n
    if n == 0:
        return graph.series([], "eigenvector")
    adjacency = graph.strength_matrix if weighted else graph.adjacency
    x = np.full(n, 1.0 / n)
    for _ in range(max_iter):
        last = x
        x = last + adjacency @ last
        x = x / (np.linalg.norm(x) or 1.0)
        if np.abs(x - last).sum() < n * tol:
            return graph.series(x, "eigenvector")
    raise OrgnetError(Said("error.metrics.no_convergence", iterations=max_iter))


def pagerank(graph: SymGraph, *, weighted: bool = False, damping: float = 0.85) -> pd.Series:
    """PageRank on the symmetrised graph (Brin & Page 1998), as networkx ``pagerank``.

    ``weighted``: a walker leaves along a tie in proportion to its strength z_uv + z_vu
    (networkx with ``weight=``). Isolates (dangling people) spread their rank uniformly, as in
    networkx.
    """
    if graph.n == 0:
        return graph.series([], "pagerank")
    weights = graph.edge_weight.tolist() if weighted else None
    values = graph.igraph.pagerank(directed=False, damping=damping, weights=weights, implementation="prpack")
    return graph.series(values, "pagerank")
