"""Who hangs on a single person: every path from them to the rest of the network passes
through one other person (a cut vertex between them and the network's main block)."""

from __future__ import annotations

import igraph as ig
import numpy as np
import pandas as pd

from orgnet.metrics.graph import SymGraph


def single_bridges(graph: SymGraph) -> pd.Series:
    """For each person, the id of the one person every path to the main part runs through.

    Notes
    -----
    The main part is the largest biconnected block of the largest component. In the
    block–cut tree rooted at that block, a person whose block (or, for a cut vertex, whose
    parent block) is not the root depends on the cut vertex above it: removing that person
    cuts them off. People in other components (or isolates) get no bridge: nothing connects
    them at all. Everyone else: empty.
    """
    bridges = pd.Series(pd.NA, index=graph.ids, dtype="object", name="bridge")
    g = graph.igraph
    if g.ecount() == 0:
        return bridges
    blocks, cut_vertices = g.biconnected_components(return_articulation_points=True)
    blocks = list(blocks)
    if not cut_vertices:
        return bridges
    n_blocks = len(blocks)
    cut_node = {v: n_blocks + i for i, v in enumerate(cut_vertices)}
    tree_edges = [(b, cut_node[v]) for b, members in enumerate(blocks) for v in members if v in cut_node]
    tree = ig.Graph(n=n_blocks + len(cut_vertices), edges=tree_edges)

    giant = np.bincount(g.connected_components().membership).argmax()
    membership = np.asarray(g.connected_components().membership)
    sizes = [len(members) if membership[members[0]] == giant else -1 for members in blocks]
    root = int(np.argmax(sizes))
    _, _, parents = tree.bfs(root)
    parents = np.asarray(parents)
    reached = np.zeros(tree.vcount(), dtype=bool)
    reached[tree.subcomponent(root)] = True

    ids = graph.ids
    cut_of_node = {node: v for v, node in cut_node.items()}
    for b, members in enumerate(blocks):
        if b == root or not reached[b]:
            continue
        above = cut_of_node[parents[b]]
        for v in members:
            if v not in cut_node:
                bridges.iloc[v] = ids[above]
    for v, node in cut_node.items():
        if not reached[node]:
            continue
        block_above = parents[node]
        if block_above != root and block_above >= 0:
            bridges.iloc[v] = ids[cut_of_node[parents[block_above]]]
    return bridges
