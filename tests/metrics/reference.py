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


def burt(digraph: nx.DiGraph, model: str) -> dict[str, dict]:
    """Burt's effective size, efficiency, constraint and hierarchy, one ego at a time, from the
    definitions (Burt 1992; Borgatti 1997; UCINET's ego- and whole-network models).

    ``digraph`` carries ``weight`` z_ij on its arcs. ``model``: ``"ego"`` (only the ego and its
    alters exist while ego is measured), ``"whole"`` (the alters' ties to everyone count) or
    ``"symmetric"`` (z_ij + z_ji = 1 for any tie, whole network).
    """

    def mutual(a, b) -> float:
        if model == "symmetric":
            return float(digraph.has_edge(a, b) or digraph.has_edge(b, a))
        return digraph.get_edge_data(a, b, {}).get("weight", 0.0) + digraph.get_edge_data(b, a, {}).get("weight", 0.0)

    contacts = {p: (set(digraph.successors(p)) | set(digraph.predecessors(p))) - {p} for p in digraph}
    result: dict[str, dict] = {name: {} for name in ("effective_size", "efficiency", "constraint", "hierarchy")}
    for ego in digraph:
        alters = contacts[ego]
        size = len(alters)
        if not size:
            for name in result:
                result[name][ego] = math.nan
            continue
        world = alters | {ego} if model == "ego" else None

        def ties_of(x, world=world):
            return contacts[x] if world is None else contacts[x] & world

        def p(a, b):
            return mutual(a, b) / sum(mutual(a, k) for k in ties_of(a))

        def m(a, b):
            return mutual(a, b) / max(mutual(a, k) for k in ties_of(a))

        effective = sum(1 - sum(p(ego, q) * m(j, q) for q in alters if q != j) for j in alters)
        local = [(p(ego, j) + sum(p(ego, q) * p(q, j) for q in alters if q != j)) ** 2 for j in alters]
        total = sum(local)
        result["effective_size"][ego] = effective
        result["efficiency"][ego] = effective / size
        result["constraint"][ego] = total
        if size < 2:
            result["hierarchy"][ego] = math.nan
        else:
            mean = total / size
            result["hierarchy"][ego] = sum((c / mean) * math.log(c / mean) for c in local) / (size * math.log(size))
    return result
