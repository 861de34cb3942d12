"""Shortest-path work spread over the machine's cores.

Betweenness summed over sources, and harmonic closeness per vertex, split into independent
blocks, so each block runs in its own process (igraph holds the GIL while it works, so
threads would not help). The graph travels as its edge array and is rebuilt in each worker.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterator
from multiprocessing import get_context

import igraph as ig
import numpy as np

MIN_PEOPLE_FOR_PROCESSES = 3_000  # below this, starting processes costs more than it saves


def workers() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def _betweenness_block(job: tuple[int, np.ndarray, list[int]]) -> np.ndarray:
    n, edges, sources = job
    graph = ig.Graph(n=n, edges=edges, directed=False)
    return np.asarray(graph.betweenness(directed=False, sources=sources), dtype=float)


def _harmonic_block(job: tuple[int, np.ndarray, list[int]]) -> np.ndarray:
    n, edges, vertices = job
    graph = ig.Graph(n=n, edges=edges, directed=False)
    return np.asarray(graph.harmonic_centrality(vertices=vertices, mode="all", normalized=True), dtype=float)


def _run(block: Callable, n: int, edges: np.ndarray, parts: list[np.ndarray]) -> Iterator[np.ndarray]:
    jobs = [(n, edges, part.tolist()) for part in parts]
    if n < MIN_PEOPLE_FOR_PROCESSES or workers() < 2 or len(jobs) < 2 or not sys.platform.startswith("linux"):
        yield from map(block, jobs)
        return
    with get_context("fork").Pool(min(workers(), len(jobs))) as pool:
        yield from pool.imap(block, jobs)


def betweenness_by_source_blocks(n: int, edges: np.ndarray, blocks: list[np.ndarray]) -> Iterator[np.ndarray]:
    """Raw undirected betweenness contributed by each block of sources, in order."""
    return _run(_betweenness_block, n, edges, blocks)


def harmonic_by_vertex_blocks(n: int, edges: np.ndarray, blocks: list[np.ndarray]) -> Iterator[np.ndarray]:
    """Harmonic closeness / (n − 1) of each block of vertices, in order."""
    return _run(_harmonic_block, n, edges, blocks)
