"""From a network to a graph file: the one call behind ``orgnet graph``."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from orgnet.errors import OrgnetError
from orgnet.flags import flag_people
from orgnet.i18n import texts as texts_for
from orgnet.metrics import compute_all
from orgnet.model import OrgNetwork
from orgnet.viz.graphdata import GraphData, build_graph_data, ego_network
from orgnet.viz.interactive import write_graph_html
from orgnet.viz.static import FORMATS as STATIC_FORMATS
from orgnet.viz.static import write_static

FORMATS = (".html", *STATIC_FORMATS)


def check_graph_path(path: Path) -> None:
    if Path(path).suffix.lower() not in FORMATS:
        raise OrgnetError(f"{path}: cannot draw to '{Path(path).suffix or Path(path).name}'; use {', '.join(FORMATS)}")


def graph_data(
    network: OrgNetwork,
    *,
    colour_by: str = "organisation",
    size_by: str = "degree",
    layer: str | None = None,
    ego: str | None = None,
    radius: int = 2,
    lang: str = "en",
    seed: int = 0,
    metrics: pd.DataFrame | None = None,
    flags: pd.DataFrame | None = None,
    title: str | None = None,
) -> GraphData:
    """Metrics and flags of the (layer of the, ego part of the) network, ready to draw."""
    texts = texts_for(lang)
    selected = network.layer(layer)
    if ego is not None:
        selected = ego_network(selected, ego, radius)
    if metrics is None or ego is not None or layer:
        metrics = compute_all(selected, extra_layers=("informal+external",), seed=seed)
    if flags is None:
        flags = flag_people(selected, metrics, lang=lang)
    flags = flags[flags["id"].isin(selected.people.index)]
    label = title or (f"orgnet — {ego}, radius {radius}" if ego else "orgnet") + (f" — {layer}" if layer else "")
    return build_graph_data(selected, metrics, flags, colour_by=colour_by, size_by=size_by, texts=texts, seed=seed, title=label)


def draw(data: GraphData, path: Path, *, lang: str, size_by: str) -> Path:
    check_graph_path(path)
    texts = texts_for(lang)
    size_note = texts["size_note"].format(metric=texts.get(size_by, size_by))
    if Path(path).suffix.lower() == ".html":
        return write_graph_html(data, path, lang=lang, size_note=size_note)
    return write_static(data, path, size_note=size_note)
