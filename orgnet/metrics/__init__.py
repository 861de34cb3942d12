"""Per-person metrics: centrality, isolation and cohesion, brokerage — one table.

Every function is pure: a network (or its shared graph arrays) in, a pandas object indexed by
person id out. ``compute_all`` runs them all and returns one DataFrame; how betweenness and
closeness were computed (exact or sampled, and the error) is in ``table.attrs["orgnet"]``.
"""

from __future__ import annotations

import pandas as pd

from orgnet.errors import OrgnetError, Said
from orgnet.metrics.brokerage import ROLES, ei_index, gould_fernandez, group_codes
from orgnet.metrics.centrality import (
    DEFAULT_SAMPLE,
    EXACT_LIMIT,
    Progress,
    betweenness,
    closeness,
    degrees,
    edge_lengths,
    eigenvector,
    pagerank,
    plan_paths,
)
from orgnet.metrics.cohesion import articulation, communities, kcore, reach2
from orgnet.metrics.graph import SymGraph
from orgnet.metrics.holes import HOLES_MODELS, structural_holes
from orgnet.model import OrgNetwork

__all__ = ["compute_all", "conventions", "SymGraph", "ROLES", "EXACT_LIMIT", "DEFAULT_SAMPLE", "HOLES_MODELS", "METRIC_COLUMNS", "PERSON_COLUMNS"]

PERSON_COLUMNS = ("name", "organisation", "unit", "role", "level")
LAYER_DEGREES = tuple(
    f"{direction}degree_{layer}" for layer in ("internal", "external", "formal", "informal") for direction in ("", "in_", "out_")
)
METRIC_COLUMNS = (
    "degree", "in_degree", "out_degree", "strength", "in_strength", "out_strength", "reciprocity", *LAYER_DEGREES,
    "betweenness", "closeness", "eigenvector", "pagerank",
    "effective_size", "efficiency", "constraint", "hierarchy",
    *ROLES, "ei_index",
    "reach2", "kcore", "community", "articulation",
)


def compute_all(
    network: OrgNetwork,
    *,
    layer: str | None = None,
    group_by: str | None = None,
    exact: bool | None = None,
    sample_size: int | None = None,
    seed: int = 0,
    extra_layers: tuple[str, ...] = (),
    paths: bool = True,
    progress: Progress | None = None,
    graph: SymGraph | None = None,
    holes: str = "ego",
    path_weights: str | None = None,
    weighted: bool = False,
) -> pd.DataFrame:
    """Every per-person metric in one table, indexed by person id.

    Parameters
    ----------
    layer : str, optional
        Compute on one layer only (``"informal+external"``); degrees by layer still split it.
    group_by : str, optional
        Attribute that defines groups for Gould–Fernandez roles and the E–I index; an unknown
        name is refused. By default ``organisation``, and when the data has no such column
        those columns are left out.
    exact, sample_size, seed
        Betweenness and closeness are exact up to ``EXACT_LIMIT`` people, else estimated from
        ``sample_size`` (default ``DEFAULT_SAMPLE``) seeded random sources; ``exact=True``
        forces the full computation.
    paths : bool
        False leaves out betweenness and closeness, the two metrics that need a shortest-path
        search from every person (for very large networks).
    progress : callable, optional
        Called as ``progress(task, done, total)`` while long steps run.
    graph : SymGraph, optional
        The network's symmetrised graph when the caller has built it already (used only when
        no ``layer`` is chosen, as a layer has a graph of its own).
    holes : {"ego", "whole", "symmetric"}
        Burt's structural holes on the directed, valued ties in UCINET's ego-network model
        (default) or whole-network model, or on the binary symmetrised graph as networkx and
        orgnet 0.1 compute them (see ``orgnet.metrics.holes``).
    path_weights : {None, "inverse"}
        None (default): betweenness and closeness count hops. ``"inverse"``: a tie's length is
        1 / (z_uv + z_vu), so stronger ties are shorter.
    weighted : bool
        Eigenvector and PageRank on the tie strengths z_uv + z_vu instead of 0/1.

    Returns
    -------
    DataFrame
        One row per person; the columns of ``METRIC_COLUMNS``. ``attrs["orgnet"]`` says how
        paths were computed, the layer, the grouping, the modularity of the communities and,
        under ``conventions``, which graph each metric used.
    """
    if holes not in HOLES_MODELS:
        raise OrgnetError(Said("error.metrics.unknown_holes", model=holes, choices=", ".join(HOLES_MODELS)))
    if layer or graph is None:
        network = network.layer(layer)
        graph = SymGraph.from_network(network)
    edge_lengths(graph, path_weights)  # refuses an unknown choice before the long work
    step = _stepper(progress, total=8)

    parts = [degrees(network, graph, layers=extra_layers)]
    step("degrees")
    plan = plan_paths(graph.n, exact=exact, sample_size=sample_size, seed=seed)
    if paths:
        parts.append(betweenness(graph, plan, path_weights=path_weights, progress=progress).to_frame())
        step("betweenness")
        parts.append(closeness(graph, plan, path_weights=path_weights, progress=progress).to_frame())
        step("closeness")
    parts += [eigenvector(graph, weighted=weighted).to_frame(), pagerank(graph, weighted=weighted).to_frame()]
    step("eigenvector and pagerank")
    parts.append(structural_holes(graph, model=holes))
    step("structural holes")
    group_by, grouped = resolve_group(network, group_by)
    if grouped:
        groups = group_codes(network.people, group_by)
        parts += [gould_fernandez(graph, groups), ei_index(graph, groups).to_frame()]
    step("brokerage")
    community, modularity = communities(graph, seed=seed)
    parts += [reach2(graph).to_frame(), kcore(graph).to_frame(), community.to_frame(), articulation(graph).to_frame()]
    step("cohesion")

    table = pd.concat(parts, axis=1)
    table.index.name = "id"
    table.attrs["orgnet"] = {
        "layer": layer or "all",
        "group_by": group_by if grouped else None,
        "paths": plan.as_dict() if paths else {"method": "not computed"},
        "modularity": modularity,
        "holes": holes,
        "path_weights": path_weights or "hops",
        "weighted": weighted,
        "conventions": conventions(holes=holes, path_weights=path_weights, weighted=weighted),
    }
    step("done")
    return table


def conventions(*, holes: str = "ego", path_weights: str | None = None, weighted: bool = False) -> dict[str, str]:
    """Which graph each metric of ``compute_all`` used, and how it relates to UCINET and networkx.

    The text goes into the output's metadata (``.meta.json``, the workbook's ``about`` sheet).
    """
    paths = "symmetrised graph, path length = Σ 1/(z_uv + z_vu)" if path_weights else "symmetrised graph, hop counts"
    spectral = "symmetrised graph weighted by z_uv + z_vu (networkx weight=)" if weighted else "symmetrised, unweighted graph"
    holes_text = {
        "ego": "directed, valued ties, p_ij = (z_ij + z_ji) / Σ_k (z_ik + z_ki); ego-network model "
        "(only ties among the person and their contacts count), as UCINET's ego-network model (Burt 1992)",
        "whole": "directed, valued ties, p_ij = (z_ij + z_ji) / Σ_k (z_ik + z_ki); whole-network model "
        "(contacts' ties to everyone count), as UCINET's whole-network model and igraph constraint (Burt 1992)",
        "symmetric": "binary symmetrised graph, whole network, as networkx effective_size and constraint (orgnet 0.1)",
    }[holes]
    return {
        "degree, layer degrees": "distinct alters on the symmetrised graph (a tie if either named the other)",
        "in_degree, out_degree, layer in/out degrees": "distinct alters on the directed ties as reported",
        "strength, in_strength, out_strength": "summed tie weights z on the directed ties (in + out, in, out)",
        "reciprocity": "share of the people a person named who named the person back (directed ties)",
        "betweenness, closeness": paths,
        "eigenvector, pagerank": spectral,
        "effective_size, efficiency, constraint, hierarchy": holes_text,
        "coordinator … liaison (Gould–Fernandez)": "directed, unweighted ties, as R sna brokerage()",
        "ei_index, reach2, kcore, community, articulation": "symmetrised, unweighted graph",
    }


def resolve_group(network: OrgNetwork, group_by: str | None) -> tuple[str, bool]:
    """The grouping attribute and whether it applies; a named attribute must exist."""
    if group_by is None:
        return "organisation", "organisation" in network.people.columns
    group_codes(network.people, group_by)  # refuses an unknown attribute
    return group_by, True


def _stepper(progress: Progress | None, total: int):
    state = {"done": 0}

    def step(task: str) -> None:
        state["done"] += 1
        if progress:
            progress(f"metrics: {task}", min(state["done"], total), total)

    return step


def with_person_columns(network: OrgNetwork, table: pd.DataFrame) -> pd.DataFrame:
    """``id`` first, then the person's name, organisation, unit, role, level where present."""
    present = [column for column in PERSON_COLUMNS if column in network.people.columns]
    joined = network.people[present].join(table)
    joined.attrs = table.attrs
    return joined.reset_index()
