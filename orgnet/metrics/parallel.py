"""Shortest-path work spread over the machine's cores.

Betweenness summed over sources, harmonic closeness per vertex, and the inverse distances
from sampled sources, split into independent blocks, so each block runs in its own process
(igraph and scipy hold the GIL while they work, so threads would not help). The graph travels
as its edge array (and distances), or, for scipy, is inherited by the forked workers.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterator
from multiprocessing import get_context

import igraph as ig
import numpy as np
import scipy.sparse as sp
import scipy.sparse.csgraph as csgraph

MIN_PEOPLE_FOR_PROCESSES = 3_000  # below this, starting processes costs more than it saves

_INHERITED: dict = {}  # set just before the workers are forked; they read it, never write


def workers() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def _graph(n: int, edges: np.ndarray) -> ig.Graph:
    return ig.Graph(n=n, edges=edges, directed=False)


def _betweenness_block(job: tuple) -> np.ndarray:
    n, edges, lengths, sources = job
    return np.asarray(_graph(n, edges).betweenness(directed=False, sources=sources, weights=lengths), dtype=float)


def _harmonic_block(job: tuple) -> np.ndarray:
    n, edges, lengths, vertices = job
    return np.asarray(_graph(n, edges).harmonic_centrality(vertices=vertices, mode="all", normalized=True, weights=lengths), dtype=float)


def _inverse_distance_block(sources: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Σ over the sources of 1/d(s, v) and of its square, for every v (self and out of reach: 0)."""
    matrix, weighted = _INHERITED["lengths"]
    distances = csgraph.shortest_path(matrix, method="D", unweighted=not weighted, directed=False, indices=sources)
    with np.errstate(divide="ignore"):
        inverse = np.where(distances > 0, 1.0 / distances, 0.0)  # self (0) and unreachable (inf → 0)
    inverse[np.arange(len(sources)), sources] = 0.0
    return inverse.sum(axis=0), (inverse**2).sum(axis=0)


def _parallel(n: int, jobs: int) -> bool:
    return n >= MIN_PEOPLE_FOR_PROCESSES and workers() >= 2 and jobs >= 2 and sys.platform.startswith("linux")


def _run(block: Callable, n: int, jobs: list) -> Iterator:
    if not _parallel(n, len(jobs)):
        yield from map(block, jobs)
        return
    with get_context("fork").Pool(min(workers(), len(jobs))) as pool:
        yield from pool.imap(block, jobs)


def betweenness_by_source_blocks(n: int, edges: np.ndarray, blocks: list[np.ndarray], lengths: np.ndarray | None = None) -> Iterator[np.ndarray]:
    """Raw undirected betweenness contributed by each block of sources, in order.

    ``lengths`` (one per edge) makes the paths weighted; None counts hops.
    """
    return _run(_betweenness_block, n, [(n, edges, lengths, block.tolist()) for block in blocks])


def harmonic_by_vertex_blocks(n: int, edges: np.ndarray, blocks: list[np.ndarray], lengths: np.ndarray | None = None) -> Iterator[np.ndarray]:
    """Harmonic closeness / (n − 1) of each block of vertices, in order."""
    return _run(_harmonic_block, n, [(n, edges, lengths, block.tolist()) for block in blocks])


def inverse_distances_by_source_blocks(lengths: sp.csr_matrix, blocks: list[np.ndarray], *, weighted: bool) -> Iterator[tuple[np.ndarray, np.ndarray]]:
    """For each block of sources, in order: Σ_s 1/d(s, v) and Σ_s 1/d(s, v)² for every v.

    ``lengths`` is the symmetric matrix of edge lengths (1 for hops when not ``weighted``).
    """
    _INHERITED["lengths"] = (lengths, weighted)
    try:
        yield from _run(_inverse_distance_block, lengths.shape[0], blocks)
    finally:
        _INHERITED.clear()
