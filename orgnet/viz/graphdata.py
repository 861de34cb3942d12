"""The nodes, edges, legend and texts an interactive graph page needs, as plain data.

Everything is computed here, in bulk (no pyvis ``from_nx``, which is quadratic): positions by
igraph (seeded), colours and sizes from ``style``, and tooltips as structured data that the
page turns into text nodes — so no user string is ever parsed as HTML.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

import igraph as ig
import numpy as np
import pandas as pd

from orgnet.config import KINDS
from orgnet.errors import OrgnetError, Said
from orgnet.i18n import flag_name, format_number
from orgnet.layers import ALL, QUADRANTS, SCOPE_TERMS
from orgnet.metrics.graph import SymGraph
from orgnet.model import OrgNetwork
from orgnet.texts import catalogue as catalogue_of
from orgnet.viz.style import SCOPE_COLOURS, colour_column, node_sizes
from orgnet.viz.words import RELATION_PREFIX, attribute_word, layer_word, metric_word, relation_word, value_word, word

PHYSICS_LIMIT = 300  # up to this many people the page may settle the layout itself
FILTER_ATTRIBUTES = ("organisation", "unit", "role", "level", "gender", "profession", "employer", "community")
TOOLTIP_METRICS = ("degree", "degree_internal", "degree_external", "degree_formal", "degree_informal", "betweenness", "constraint", "ei_index")
TOOLTIP_ATTRIBUTES = ("organisation", "unit", "role", "level")


@dataclass
class GraphData:
    """What a graph page or picture shows. Words (legend, menus, tooltips) are in ``lang``
    already; ``colour_by`` and the node ``attrs`` and edge fields stay codes for the filters."""

    nodes: list[dict]
    edges: list[dict]
    legend: list[tuple[str, str]]  # (word, colour), most common first
    legend_title: str  # a word: what the colours stand for
    layers: list[tuple[str, str]]  # the "Ties" menu: (value, word)
    filters: dict[str, dict]  # the "Show only" menu: attribute → {"label": word, "values": [(value, word)]}
    physics: bool
    title: str
    lang: str = "en"
    colour_by: str = "organisation"
    size_note: str = ""
    left_out: int = 0  # people not drawn because they have no tie in the chosen layer

    def as_dict(self) -> dict:
        return {
            "nodes": self.nodes, "edges": self.edges, "legend": self.legend, "legendTitle": self.legend_title,
            "colourBy": self.colour_by, "layers": self.layers, "filters": self.filters, "physics": self.physics,
            "title": self.title, "lang": self.lang, "sizeNote": self.size_note, "scopeColours": SCOPE_COLOURS,
            "texts": page_texts(self.lang),
        }


def page_texts(lang: str) -> dict:
    """The words the page's script writes itself: counts in both plural forms (the page picks one
    with the browser's CLDR rules, as :mod:`orgnet.texts` does), and the tooltip's heading."""
    catalogue = catalogue_of(lang)
    return {key: catalogue[f"graph.{key}"] for key in ("shown", "found", "no_match", "flags")}


def ego_network(network: OrgNetwork, person: str, radius: int) -> OrgNetwork:
    """The people within ``radius`` steps of ``person`` (symmetrised) and the ties among them."""
    if person not in network.people.index:
        raise OrgnetError(Said("error.viz.unknown_ego", person=person))
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
    lang: str = "en",
    seed: int = 0,
    title: str = "orgnet",
    graph: SymGraph | None = None,
) -> GraphData:
    people = network.people
    table = people.join(metrics.drop(columns=[c for c in metrics.columns if c in people.columns]))
    if size_by not in metrics.columns:
        raise OrgnetError(Said("error.viz.cannot_size", size_by=size_by, choices=", ".join(map(str, metrics.columns))))
    colours, legend, coloured_by = colour_column(table, colour_by, flags)
    sizes = node_sizes(metrics[size_by])
    positions = layout(network, seed=seed, graph=graph)
    names = people["name"].astype("object").where(people["name"].notna(), pd.Series(people.index, index=people.index)) if "name" in people else pd.Series(people.index, index=people.index)
    by_person = flags.groupby("id") if flags is not None and len(flags) else None
    flag_lists = {person: [(flag_name(f, lang), r) for f, r in zip(rows["flag"], rows["reason"])] for person, rows in by_person} if by_person is not None else {}
    filtered = [*FILTER_ATTRIBUTES, *([coloured_by] if coloured_by in table.columns and coloured_by not in FILTER_ATTRIBUTES else [])]
    filter_text = {a: table[a].map(_text).tolist() for a in filtered if a in table.columns}
    filters = {
        a: {"label": attribute_word(a, lang), "values": sorted(((v, value_word(a, v, lang)) for v in set(values) - {""}), key=lambda pair: pair[1].casefold())}
        for a, values in filter_text.items()
    }

    # one JSON object per person and per tie: columns are formatted in bulk, then zipped
    attributes = [a for a in TOOLTIP_ATTRIBUTES if a in table.columns]
    shown = [m for m in TOOLTIP_METRICS if m in metrics.columns]
    attribute_text = {a: [value_word(a, text, lang) if text else "" for text in table[a].map(_text)] for a in attributes}
    metric_text = {m: metrics[m].map(lambda v: _number(v, lang)).tolist() for m in shown}
    attribute_label = {a: attribute_word(a, lang) for a in attributes}
    metric_label = {m: metric_word(m, lang) for m in shown}
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
                "id": word(lang, "graph.id", id=person),
                "rows": [[attribute_label[a], attribute_text[a][i]] for a in attributes if attribute_text[a][i]]
                + [[metric_label[m], metric_text[m][i]] for m in shown],
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
    legend_rows = [(value_word(coloured_by, label, lang), colour) for label, colour in legend.items()]
    return GraphData(
        nodes, edges, legend_rows, attribute_word(coloured_by, lang), layer_menu(ties, lang), filters,
        len(people) <= PHYSICS_LIMIT, title, lang=lang, colour_by=coloured_by,
    )


def layer_menu(ties: pd.DataFrame, lang: str) -> list[tuple[str, str]]:
    """The "Ties" menu: all ties, each kind and scope the ties have, the kind × scope layers that
    hold ties, then each relation (``relation:<name>``) by its label."""
    kinds = [kind for kind in KINDS if (ties["kind"] == kind).any()]
    scopes = [scope for scope in SCOPE_TERMS if (ties["scope"] == scope).any()]
    quadrants = [q for q in QUADRANTS if ((ties["kind"] == q.split("+")[0]) & (ties["scope"] == q.split("+")[1])).any()] if len(scopes) > 1 else []
    relations = sorted(map(str, ties["relation"].dropna().unique()), key=lambda r: relation_word(r, lang).casefold())
    return [(layer, layer_word(layer, lang)) for layer in (ALL, *kinds, *scopes, *quadrants)] + [
        (RELATION_PREFIX + relation, relation_word(relation, lang)) for relation in relations
    ]


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
        return format_number(int(value), lang)
    return format_number(float(value), lang, digits=3)
