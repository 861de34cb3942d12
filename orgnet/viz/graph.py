"""From a network to a graph file: the one call behind ``orgnet graph``."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from orgnet.errors import OrgnetError, Said
from orgnet.flags import flag_people
from orgnet.metrics import compute_all
from orgnet.metrics.graph import SymGraph
from orgnet.model import OrgNetwork
from orgnet.texts import texts
from orgnet.viz.graphdata import GraphData, build_graph_data, ego_network
from orgnet.viz.interactive import write_graph_html
from orgnet.viz.static import FORMATS as STATIC_FORMATS
from orgnet.viz.static import write_static
from orgnet.viz.words import layer_word, metric_word, word

FORMATS = (".html", *STATIC_FORMATS)
# Without an explicit --color-by, the first of these that tells people apart colours the graph.
COLOUR_PREFERENCE = ("organisation", "unit", "role", "level")


def check_graph_path(path: Path) -> None:
    if Path(path).suffix.lower() not in FORMATS:
        raise OrgnetError(Said("error.viz.cannot_draw", path=path, suffix=Path(path).suffix or Path(path).name, formats=", ".join(FORMATS)))


def default_colour(people: pd.DataFrame) -> str:
    """The attribute to colour by when none is chosen: the first of ``COLOUR_PREFERENCE`` with
    at least two values among the people, else the communities (every network has them)."""
    for attribute in COLOUR_PREFERENCE:
        if attribute in people.columns and people[attribute].nunique(dropna=True) >= 2:
            return attribute
    return "community"


def with_ties_only(network: OrgNetwork) -> tuple[OrgNetwork, int]:
    """The people who have at least one tie (in the ties given), and how many were left out."""
    linked = pd.Index(network.ties["source"]).union(pd.Index(network.ties["target"]))
    keep = network.people.index.isin(linked)
    groups = network.groups[network.groups["person"].isin(network.people.index[keep])] if len(network.groups) else network.groups
    return OrgNetwork(people=network.people[keep], ties=network.ties, groups=groups, duplicates_merged=network.duplicates_merged), int((~keep).sum())


def graph_data(
    network: OrgNetwork,
    *,
    colour_by: str | None = None,
    size_by: str = "degree",
    layer: str | None = None,
    ego: str | None = None,
    radius: int = 2,
    lang: str = "en",
    seed: int = 0,
    metrics: pd.DataFrame | None = None,
    flags: pd.DataFrame | None = None,
    title: str | None = None,
    keep_unconnected: bool = False,
    graph: SymGraph | None = None,
) -> GraphData:
    """Metrics and flags of the (layer of the, ego part of the) network, ready to draw.

    A picture of one layer leaves out the people who have no tie in that layer (they would
    only ring the picture); ``keep_unconnected`` keeps them. How many were left out is in
    ``GraphData.left_out``. ``metrics``, ``flags`` and ``graph`` are reused when given (they
    belong to the whole network, so a layer or an ego picture computes its own metrics).
    """
    selected = network.layer(layer)
    if ego is not None:
        selected = ego_network(selected, ego, radius)
    own_metrics = metrics is None or ego is not None or bool(layer)
    if own_metrics:
        metrics = compute_all(selected, extra_layers=("informal+external",), seed=seed)
    if flags is None:
        flags = flag_people(selected, metrics, lang=lang, graph=None if own_metrics else graph)
    left_out = 0
    if layer and not keep_unconnected:
        selected, left_out = with_ties_only(selected)
        metrics = metrics.loc[selected.people.index]
    flags = flags[flags["id"].isin(selected.people.index)]
    colour_by = colour_by or default_colour(selected.people)
    layout_graph = graph if graph is not None and not own_metrics and not left_out else None
    drawing = build_graph_data(
        selected, metrics, flags, colour_by=colour_by, size_by=size_by, seed=seed, graph=layout_graph, lang=lang,
        title=title or graph_title(network, lang, ego=ego, radius=radius, layer=layer),
    )
    drawing.size_note = word(lang, "graph.size_note", metric=metric_word(size_by, lang))
    drawing.left_out = left_out
    return drawing


def graph_title(network: OrgNetwork, lang: str, *, ego: str | None = None, radius: int = 2, layer: str | None = None) -> str:
    """"The network", or one person's part of it, and the layer drawn: "Netværket: uformelle
    eksterne forbindelser", "Pernille Møller og alle inden for 2 skridt"."""
    catalogue = texts(lang)
    title = catalogue.t("graph.title")
    if ego is not None:
        name = network.people.at[ego, "name"] if "name" in network.people.columns else None
        title = catalogue.t("graph.ego_title", n=radius, name=ego if pd.isna(name) else name)
    if layer:
        title = catalogue.t("graph.layer_title", title=title, layer=layer_word(layer, lang))
    return title


def draw(data: GraphData, path: Path, *, lang: str | None = None, size_by: str | None = None) -> Path:
    """Write ``data`` to ``path``: an interactive page (.html) or a picture (.png, .svg, .pdf).
    ``lang`` and ``size_by`` are those ``data`` was made with (kept for old callers)."""
    check_graph_path(path)
    if Path(path).suffix.lower() == ".html":
        return write_graph_html(data, path)
    return write_static(data, path)
