"""A static picture of the graph for print (PNG, SVG or PDF), with the page's colours and legend."""

from __future__ import annotations

from pathlib import Path

import matplotlib

matplotlib.use("Agg")  # no screen needed

import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
from matplotlib.collections import LineCollection  # noqa: E402
from matplotlib.lines import Line2D  # noqa: E402

from orgnet.io.atomic import replacing
from orgnet.texts import texts
from orgnet.viz.graphdata import GraphData  # noqa: E402
from orgnet.viz.style import SCOPE_COLOURS  # noqa: E402

FORMATS = (".png", ".svg", ".pdf")


def write_static(data: GraphData, path: Path) -> Path:
    """Draw nodes at the page's positions, edges solid (formal) or dashed (informal); the legend
    in the data's language."""
    catalogue = texts(data.lang)
    index = {node["id"]: i for i, node in enumerate(data.nodes)}
    xy = np.array([[node["x"], -node["y"]] for node in data.nodes]) if data.nodes else np.zeros((0, 2))
    figure, axes = plt.subplots(figsize=(12, 9), dpi=150)
    for kind, style in (("formal", "solid"), ("informal", (0, (4, 3)))):
        for scope, colour in SCOPE_COLOURS.items():
            segments = [
                (xy[index[e["from"]]], xy[index[e["to"]]])
                for e in data.edges
                if e["kind"] == kind and e["scope"] == scope and e["from"] in index and e["to"] in index
            ]
            if segments:
                axes.add_collection(LineCollection(segments, colors=colour, linewidths=0.5, linestyles=style, alpha=0.45, zorder=1))
    if data.nodes:
        sizes = np.array([node["size"] for node in data.nodes])
        area = min(0.25, 2.0 / np.sqrt(len(data.nodes)))  # many people: smaller dots
        axes.scatter(xy[:, 0], xy[:, 1], s=sizes**2 * area, c=[node["color"] for node in data.nodes], edgecolors="#00000055", linewidths=0.4, zorder=2)
        if len(data.nodes) <= 150:
            for node, (x, y) in zip(data.nodes, xy):
                axes.annotate(node["label"], (x, y), fontsize=6, ha="center", va="bottom", xytext=(0, 4), textcoords="offset points")
    handles = [Line2D([], [], marker="o", linestyle="", markersize=7, markerfacecolor=colour, markeredgecolor="#0005", label=label) for label, colour in data.legend]
    handles += [
        Line2D([], [], color="#555", linestyle="solid", label=catalogue.t("graph.solid_formal")),
        Line2D([], [], color="#555", linestyle=(0, (4, 3)), label=catalogue.t("graph.dashed_informal")),
        Line2D([], [], color=SCOPE_COLOURS["internal"], label=catalogue.t("graph.internal_colour")),
        Line2D([], [], color=SCOPE_COLOURS["external"], label=catalogue.t("graph.external_colour")),
    ]
    axes.legend(handles=handles, title=f"{data.legend_title} · {data.size_note}", loc="upper left", bbox_to_anchor=(1.01, 1.0), fontsize=7, title_fontsize=8, frameon=False)
    axes.set_title(data.title, fontsize=11)
    axes.set_aspect("equal")
    axes.axis("off")
    axes.autoscale_view()
    figure.tight_layout()
    path = Path(path)
    try:
        with replacing(path) as (part,):
            figure.savefig(part, metadata={"Creator": "orgnet"} if path.suffix.lower() != ".png" else None)
    finally:
        plt.close(figure)
    return path
