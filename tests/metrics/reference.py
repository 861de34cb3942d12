"""Reference values computed the slow, obvious way — straight from the definitions."""

from __future__ import annotations

import math

import networkx as nx


def gould_fernandez(digraph: nx.DiGraph, group: dict) -> dict[str, dict[str, int]]:
    """Count each broker's two-paths a → b → c, a ≠ c, with no tie a → c, by role."""
    counts = {b: dict.fromkeys(("coordinator", "gatekeeper", "representative", "consultant", "liaison"), 0) for b in digraph}
    for b in digraph:
        for a in digraph.predecessors(b):
            for c in digraph.successors(b):
                if a == c or digraph.has_edge(a, c):
                    continue
                ga, gb, gc = group[a], group[b], group[c]
                if ga == gb == gc:
                    role = "coordinator"
                elif ga == gc:
                    role = "consultant"
                elif ga == gb:
                    role = "representative"
                elif gb == gc:
                    role = "gatekeeper"
                else:
                    role = "liaison"
                counts[b][role] += 1
    return counts


def ei_index(graph: nx.Graph, group: dict) -> dict:
    result = {}
    for person in graph:
        alters = list(graph[person])
        external = sum(group[a] != group[person] for a in alters)
        internal = len(alters) - external
        result[person] = (external - internal) / len(alters) if alters else math.nan
    return result


def hierarchy(graph: nx.Graph) -> dict:
    """Burt's hierarchy from networkx's local constraint."""
    result = {}
    for person in graph:
        contacts = list(graph[person])
        d = len(contacts)
        if d < 2:
            result[person] = math.nan
            continue
        local = [nx.local_constraint(graph, person, contact) for contact in contacts]
        mean = sum(local) / d
        result[person] = sum((c / mean) * math.log(c / mean) for c in local) / (d * math.log(d))
    return result


def reach2(graph: nx.Graph) -> dict:
    return {p: len(nx.single_source_shortest_path_length(graph, p, cutoff=2)) - 1 for p in graph}
