"""Shortest-path work spread over the machine's cores.

Betweenness summed over sources, harmonic closeness per vertex, and the inverse distances
from sampled sources, split into independent blocks, so each block runs in its own process
(igraph holds the GIL while it works, so threads would not help). The graph travels as its
edge array (and edge lengths), or is inherited by the forked workers.
"""

from __future__ import annotations

import os
import signal
import sys
from collections.abc import Callable, Iterator
from multiprocessing import get_context

import igraph as ig
import numpy as np

MIN_PEOPLE_FOR_PROCESSES = 3_000  # below this, starting processes costs more than it saves

_INHERITED: dict = {}  # set just before the workers are forked; they read it, never write


def workers() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def _betweenness_block(sources: np.ndarray) -> np.ndarray:
    graph, lengths = _INHERITED["paths"]
    return np.asarray(graph.betweenness(directed=False, sources=sources.tolist(), weights=lengths), dtype=float)


def _harmonic_block(vertices: np.ndarray) -> np.ndarray:
    graph, lengths = _INHERITED["paths"]
    return np.asarray(graph.harmonic_centrality(vertices=vertices.tolist(), mode="all", normalized=True, weights=lengths), dtype=float)


def _inverse_distance_block(sources: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Σ over the sources of 1/d(s, v) and of its square, for every v (self and out of reach: 0)."""
    graph, lengths = _INHERITED["paths"]
    # igraph's breadth-first search: the same distances as scipy's csgraph, in half the time
    distances = np.asarray(graph.distances(source=sources.tolist(), mode="all", weights=lengths), dtype=float).reshape(len(sources), -1)
    with np.errstate(divide="ignore"):
        inverse = np.where(distances > 0, 1.0 / distances, 0.0)  # self (0) and unreachable (inf → 0)
    inverse[np.arange(len(sources)), sources] = 0.0
    return inverse.sum(axis=0), (inverse**2).sum(axis=0)


def _parallel(n: int, jobs: int) -> bool:
    return n >= MIN_PEOPLE_FOR_PROCESSES and workers() >= 2 and jobs >= 2 and sys.platform.startswith("linux")


def _run(block: Callable, n: int, jobs: list[np.ndarray]) -> Iterator:
    if not _parallel(n, len(jobs)):
        yield from map(block, jobs)
        return
    # leaving the block terminates the workers, also when the parent is interrupted
    with get_context("fork").Pool(min(workers(), len(jobs)), initializer=_quiet_worker) as pool:
        yield from pool.imap(block, jobs)


def _quiet_worker() -> None:
    """Workers leave Ctrl-C and SIGTERM to the parent, which ends them; they print nothing."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)


def _blocks(block: Callable, graph: ig.Graph, parts: list[np.ndarray], lengths: np.ndarray | None) -> Iterator:
    _INHERITED["paths"] = (graph, None if lengths is None else lengths.tolist())
    try:
        yield from _run(block, graph.vcount(), parts)
    finally:
        _INHERITED.clear()


def betweenness_by_source_blocks(graph: ig.Graph, blocks: list[np.ndarray], lengths: np.ndarray | None = None) -> Iterator[np.ndarray]:
    """Raw undirected betweenness contributed by each block of sources, in order.

    ``lengths`` (one per edge of the undirected ``graph``) weights the paths; None counts hops.
    The forked workers inherit the graph instead of rebuilding it.
    """
    return _blocks(_betweenness_block, graph, blocks, lengths)


def harmonic_by_vertex_blocks(graph: ig.Graph, blocks: list[np.ndarray], lengths: np.ndarray | None = None) -> Iterator[np.ndarray]:
    """Harmonic closeness / (n − 1) of each block of vertices, in order."""
    return _blocks(_harmonic_block, graph, blocks, lengths)


def inverse_distances_by_source_blocks(graph: ig.Graph, blocks: list[np.ndarray], lengths: np.ndarray | None = None) -> Iterator[tuple[np.ndarray, np.ndarray]]:
    """For each block of sources, in order: Σ_s 1/d(s, v) and Σ_s 1/d(s, v)² for every v."""
    return _blocks(_inverse_distance_block, graph, blocks, lengths)
