"""Network-level figures: size, density by layer, components, centralisation, reciprocity,
modularity, the E–I index and attribute assortativity, and the mix of tie kinds and scopes."""

from __future__ import annotations

import numpy as np
import pandas as pd

from orgnet.layers import SUMMARY_LAYERS
from orgnet.metrics.brokerage import group_codes, network_ei_index
from orgnet.metrics.centrality import layer_mask
from orgnet.metrics.cohesion import communities
from orgnet.metrics.graph import SymGraph
from orgnet.missing import responded_of
from orgnet.model import OrgNetwork

CATEGORICAL_ATTRIBUTES = ("organisation", "unit", "role", "level", "gender", "profession", "employer")


def degree_centralisation(graph: SymGraph) -> float:
    """Freeman's degree centralisation: Σ (max degree − degree) / ((n − 1)(n − 2)); 1 for a star."""
    n = graph.n
    if n < 3:
        return float("nan")
    degree = graph.degree
    return float((degree.max() - degree).sum() / ((n - 1) * (n - 2)))



def assortativity(graph: SymGraph, people: pd.DataFrame, attribute: str) -> float:
    """Newman's nominal assortativity of an attribute on the symmetrised graph, among people
    whose attribute is known (networkx ``attribute_assortativity_coefficient``)."""
    codes = group_codes(people, attribute)
    known = np.flatnonzero(codes >= 0)
    sub = graph.igraph.induced_subgraph(known.tolist())
    if sub.ecount() == 0 or len(np.unique(codes[known])) < 2:
        return float("nan")
    return float(sub.assortativity_nominal(codes[known].tolist(), directed=False))


def summarise(network: OrgNetwork, *, layer: str | None = None, group_by: str | None = None, seed: int = 0, graph: SymGraph | None = None) -> dict:
    """The network-level summary as a plain dict (what ``orgnet summary`` prints).

    ``graph`` is the network's symmetrised graph when the caller has built it already (ignored
    when a ``layer`` is chosen).
    """
    from orgnet.metrics import resolve_group

    network = network.layer(layer)
    group_by, grouped = resolve_group(network, group_by)
    if layer or graph is None:
        graph = SymGraph.from_network(network)
    components = np.bincount(graph.igraph.connected_components().membership) if graph.n else np.array([])
    _, modularity = communities(graph, seed=seed) if graph.n else (None, float("nan"))
    ties = network.ties
    summary = {
        "layer": layer or "all",
        "people": graph.n,
        "ties": int(len(ties)),
        "symmetrised_ties": int(len(graph.edges)),
        "density": {name: _layer_density(graph, ties, name) for name in SUMMARY_LAYERS},
        "components": int(len(components)),
        "largest_component": int(components.max()) if len(components) else 0,
        "isolates": int((graph.degree == 0).sum()),
        "degree_centralisation": degree_centralisation(graph),
        "reciprocity": _reciprocity(graph),
        "reciprocity_by_relation": reciprocity_by_relation(network),
        "modularity": modularity,
        "group_by": group_by if grouped else None,
        "ei_index": network_ei_index(graph, group_codes(network.people, group_by)) if grouped else None,
        "assortativity": {
            attribute: assortativity(graph, network.people, attribute)
            for attribute in CATEGORICAL_ATTRIBUTES
            if attribute in network.people.columns
        },
        "tie_shares": _tie_shares(ties),
    }
    return summary


def _layer_density(graph: SymGraph, ties: pd.DataFrame, spec: str) -> float:
    """A layer's density from the one shared graph (its ties' edges counted, no new graph)."""
    pairs = graph.n * (graph.n - 1) / 2
    edges = graph.layer_counts(layer_mask(ties, spec))["degree"].sum() / 2
    return float(edges / pairs) if pairs else float("nan")


def _reciprocity(graph: SymGraph) -> float:
    arcs = graph.arcs
    if not len(arcs):
        return float("nan")
    codes = arcs[:, 0] * graph.n + arcs[:, 1]
    reverse = arcs[:, 1] * graph.n + arcs[:, 0]
    return float(np.isin(reverse, codes).mean())


def reciprocity_by_relation(network: OrgNetwork) -> dict:
    """Share of each relation's arcs that are returned in the same relation.

    With survey data (a ``responded`` column), only ties between two people who answered count:
    a non-respondent cannot return a tie, so counting them would understate reciprocity.
    """
    ties = network.ties
    responded = responded_of(network.people)
    if responded is not None:
        answered = network.people.index[responded.eq(True).fillna(False).to_numpy(dtype=bool)]
        ties = ties[ties["source"].isin(answered) & ties["target"].isin(answered)]
    return {str(relation): _reciprocity(SymGraph.from_network(network, group)) for relation, group in ties.groupby("relation", sort=True)}


def _tie_shares(ties: pd.DataFrame) -> dict:
    if not len(ties):
        return {}
    shares = ties.groupby(["scope", "kind"]).size() / len(ties)
    return {f"{scope}+{kind}": float(share) for (scope, kind), share in shares.items()}


def format_network_summary(summary: dict, lang: str = "en") -> str:
    """The network's figures as lines a person reads in a terminal, in ``lang``."""
    from orgnet.i18n import column_name, format_number
    from orgnet.texts import texts
    from orgnet.texts.labels import layer_label, relation_label
    from orgnet.texts.terminal import aligned

    words = texts(lang)

    def number(value) -> str:
        return format_number(value, lang, digits=3) if isinstance(value, float) else format_number(value, lang)

    def label(key: str) -> str:
        return words.t(f"cli.network.{key}")

    ties = words.t("cli.network.pairs", ties=number(summary["ties"]), pairs=number(summary["symmetrised_ties"]))
    components = words.t(
        "cli.network.components_value",
        components=number(summary["components"]), largest=number(summary["largest_component"]), isolates=number(summary["isolates"]),
    )
    rows = [
        (label("layer"), layer_label(summary["layer"], lang)),
        (label("people"), number(summary["people"])),
        (label("ties"), ties),
        (label("components"), components),
        (label("degree_centralisation"), number(summary["degree_centralisation"])),
        (label("reciprocity"), number(summary["reciprocity"])),
        *[(f"  {relation_label(name, lang)}", number(value)) for name, value in summary.get("reciprocity_by_relation", {}).items()],
        (label("modularity"), number(summary["modularity"])),
    ]
    if summary["group_by"]:
        rows.append((words.t("cli.network.ei_index", attribute=column_name(summary["group_by"], lang)), number(summary["ei_index"])))
    rows.append((label("density"), ""))
    rows += [(f"  {layer_label(name, lang)}", number(value)) for name, value in summary["density"].items()]
    if summary["assortativity"]:
        rows.append((label("assortativity"), ""))
        rows += [(f"  {column_name(name, lang)}", number(value)) for name, value in summary["assortativity"].items()]
    rows.append((label("tie_shares"), ""))
    rows += [(f"  {layer_label(name, lang)}", format_number(value, lang, percent=True, digits=1)) for name, value in summary["tie_shares"].items()]
    return "\n".join(line.rstrip() for line in aligned(rows))
