"""The nodes, edges, legend and texts an interactive graph page needs, as plain data.

Everything is computed here, in bulk (no pyvis ``from_nx``, which is quadratic): positions by
igraph (seeded), colours and sizes from ``style``, and tooltips as structured data that the
page turns into text nodes — so no user string is ever parsed as HTML.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field

import igraph as ig
import numpy as np
import pandas as pd

from orgnet.errors import OrgnetError
from orgnet.i18n import flag_name, format_number, value_name
from orgnet.metrics.graph import SymGraph
from orgnet.model import OrgNetwork
from orgnet.viz.style import SCOPE_COLOURS, colour_column, node_sizes

PHYSICS_LIMIT = 300  # up to this many people the page may settle the layout itself
FILTER_ATTRIBUTES = ("organisation", "unit", "role", "level", "gender", "profession", "employer", "community")
TOOLTIP_METRICS = ("degree", "degree_internal", "degree_external", "degree_formal", "degree_informal", "betweenness", "constraint", "ei_index")
TOOLTIP_ATTRIBUTES = ("organisation", "unit", "role", "level")


@dataclass
class GraphData:
    nodes: list[dict]
    edges: list[dict]
    legend: dict[str, str]
    legend_title: str
    layers: list[str]
    filters: dict[str, list[str]]
    physics: bool
    title: str
    texts: dict = field(default_factory=dict)
    left_out: int = 0  # people not drawn because they have no tie in the chosen layer

    def as_dict(self) -> dict:
        return {
            "nodes": self.nodes, "edges": self.edges, "legend": self.legend, "legendTitle": self.legend_title,
            "layers": self.layers, "filters": self.filters, "physics": self.physics, "title": self.title,
            "scopeColours": SCOPE_COLOURS, "texts": self.texts,
        }


def ego_network(network: OrgNetwork, person: str, radius: int) -> OrgNetwork:
    """The people within ``radius`` steps of ``person`` (symmetrised) and the ties among them."""
    if person not in network.people.index:
        raise OrgnetError(f"no person with id '{person}' for --ego")
    graph = SymGraph.from_network(network)
    position = network.people.index.get_loc(person)
    keep = graph.igraph.neighborhood(position, order=radius, mode="all")
    people = network.people.iloc[sorted(keep)]
    ties = network.ties[network.ties["source"].isin(people.index) & network.ties["target"].isin(people.index)]
    return OrgNetwork(people=people, ties=ties.reset_index(drop=True), groups=network.groups[network.groups["person"].isin(people.index)])


def layout(network: OrgNetwork, *, seed: int, graph: SymGraph | None = None) -> np.ndarray:
    """Fruchterman–Reingold positions from igraph, reproducible for a seed, scaled for vis."""
    graph = (graph if graph is not None else SymGraph.from_network(network)).igraph
    n = graph.vcount()
    if n == 0:
        return np.zeros((0, 2))
    ig.set_random_number_generator(random.Random(seed))
    try:
        coords = np.asarray(graph.layout_fruchterman_reingold(niter=300 if n > 2000 else 500, grid="auto").coords, dtype=float)
    finally:
        ig.set_random_number_generator(random)
    # Fruchterman–Reingold pushes small components and isolates far out; set them on a ring
    # just outside the largest component instead, so the picture stays readable.
    membership = np.asarray(graph.connected_components().membership)
    main = membership == np.bincount(membership).argmax()
    coords -= coords[main].mean(axis=0)
    radius = np.linalg.norm(coords[main], axis=1).max() or 1.0
    outside = np.flatnonzero(~main)
    if len(outside):
        angles = np.linspace(0, 2 * np.pi, len(outside), endpoint=False)
        coords[outside] = np.column_stack([np.cos(angles), np.sin(angles)]) * radius * 1.12
    return coords / (radius * 1.12) * (120.0 * np.sqrt(n) + 200.0)


def build_graph_data(
    network: OrgNetwork,
    metrics: pd.DataFrame,
    flags: pd.DataFrame | None,
    *,
    colour_by: str = "organisation",
    size_by: str = "degree",
    texts: dict,
    seed: int = 0,
    title: str = "orgnet",
    graph: SymGraph | None = None,
    lang: str = "en",
) -> GraphData:
    people = network.people
    table = people.join(metrics.drop(columns=[c for c in metrics.columns if c in people.columns]))
    if size_by not in metrics.columns:
        raise OrgnetError(f"cannot size by '{size_by}'. Choose one of: {', '.join(map(str, metrics.columns))}")
    colours, legend, legend_title = colour_column(table, colour_by, flags)
    sizes = node_sizes(metrics[size_by])
    positions = layout(network, seed=seed, graph=graph)
    names = people["name"].astype("object").where(people["name"].notna(), pd.Series(people.index, index=people.index)) if "name" in people else pd.Series(people.index, index=people.index)
    by_person = flags.groupby("id") if flags is not None and len(flags) else None
    flag_lists = {person: [(flag_name(f, lang), r) for f, r in zip(rows["flag"], rows["reason"])] for person, rows in by_person} if by_person is not None else {}
    filters = {a: sorted(map(str, table[a].dropna().unique())) for a in FILTER_ATTRIBUTES if a in table.columns}

    # one JSON object per person and per tie: columns are formatted in bulk, then zipped
    attributes = [a for a in TOOLTIP_ATTRIBUTES if a in table.columns]
    shown = [m for m in TOOLTIP_METRICS if m in metrics.columns]
    attribute_text = {a: table[a].map(_text).map(lambda text, a=a: value_name(a, text, lang) if text else "").tolist() for a in attributes}
    metric_text = {m: metrics[m].map(lambda v: _number(v, lang)).tolist() for m in shown}
    filter_text = {a: table[a].map(_text).tolist() for a in filters}
    labels = names.map(_text).tolist()
    ids = [str(person) for person in people.index]
    colour_list, size_list = colours.tolist(), sizes.tolist()
    nodes = [
        {
            "id": person,
            "label": labels[i],
            "x": float(positions[i, 0]),
            "y": float(positions[i, 1]),
            "color": colour_list[i],
            "size": float(size_list[i]),
            "info": {
                "name": labels[i],
                "id": person,
                "rows": [[texts.get(a, a), attribute_text[a][i]] for a in attributes if attribute_text[a][i]]
                + [[texts.get(m, m), metric_text[m][i]] for m in shown],
                "flags": [[f, r] for f, r in flag_lists.get(people.index[i], [])],
            },
            "attrs": {a: filter_text[a][i] for a in filters if filter_text[a][i]},
        }
        for i, person in enumerate(ids)
    ]
    ties = network.ties
    edges = (
        pd.DataFrame(
            {
                "from": ties["source"].astype(str),
                "to": ties["target"].astype(str),
                "relation": ties["relation"].map(_text),
                "kind": ties["kind"],
                "scope": ties["scope"],
                "dashes": ties["kind"] == "informal",
                "color": ties["scope"].map(SCOPE_COLOURS).fillna(SCOPE_COLOURS["unknown"]),
            }
        )
        .astype({"from": object, "to": object, "relation": object, "kind": object, "scope": object, "color": object})
        .to_dict(orient="records")
    )
    layers = ["all", "formal", "informal", "internal", "external", *sorted(map(str, ties["relation"].unique()))]
    return GraphData(nodes, edges, legend, legend_title, layers, filters, len(people) <= PHYSICS_LIMIT, title, texts)


def _text(value) -> str:
    if value is None or (isinstance(value, float) and np.isnan(value)) or value is pd.NA:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _number(value, lang: str = "en") -> str:
    if value is None or pd.isna(value):
        return "—"
    if isinstance(value, (int, np.integer)) or float(value).is_integer():
        return str(int(value)) if lang == "en" else format_number(int(value), lang)
    return f"{float(value):.3f}" if lang == "en" else format_number(float(value), lang, digits=3)
