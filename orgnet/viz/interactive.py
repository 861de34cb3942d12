"""The interactive graph: one self-contained HTML file that opens offline.

Built on pyvis's network model (nodes and edges set in bulk) and rendered in orgnet's page
frame (``orgnet/pages/templates/graph.html.j2``), not with pyvis's template: pyvis 0.3.2 loads
Bootstrap from a CDN when menus are on, writes files without an explicit encoding, and injects
some node titles with innerHTML.
Here vis-network's JavaScript and CSS (shipped inside the pyvis package) are inlined, a
Content-Security-Policy forbids every request and every script but ours, the data travels as
JSON in a non-executed script element, and the page writes user strings only as text.
"""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path

from markupsafe import Markup
from pyvis.network import Network

import orgnet.viz
from orgnet.io.atomic import replacing
from orgnet.pages import render
from orgnet.viz.graphdata import GraphData
from orgnet.viz.style import SCOPE_COLOURS

VIS_VERSION = "vis-9.1.2"


def _vis_assets() -> tuple[str, str]:
    root = resources.files("pyvis").joinpath("lib", VIS_VERSION)
    return root.joinpath("vis-network.min.js").read_text(encoding="utf-8"), root.joinpath("vis-network.css").read_text(encoding="utf-8")


def safe_json(value: object) -> Markup:
    """JSON that cannot end its <script> element or open a comment: <, >, & and the line
    separators that older JavaScript treats as newlines are written as \\u escapes."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    for char, escape in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"), ("\u2028", "\\u2028"), ("\u2029", "\\u2029")):
        text = text.replace(char, escape)
    return Markup(text)


def pyvis_model(data: GraphData) -> Network:
    """The graph as a pyvis Network, filled in bulk (``add_node`` per node is quadratic)."""
    network = Network(directed=True, cdn_resources="in_line")
    network.nodes = data.nodes
    network.edges = data.edges
    network.node_ids = [node["id"] for node in data.nodes]
    network.node_map = {node["id"]: node for node in data.nodes}
    return network


def render_graph_html(data: GraphData, *, lang: str | None = None, size_note: str | None = None, nonce: str | None = None) -> str:
    """The whole page as text, in the language ``data`` was made in. ``nonce`` lets a page that
    embeds this one (the report's frame) share its policy; ``size_note`` replaces the data's."""
    model = pyvis_model(data)
    payload = data.as_dict() | {"nodes": model.nodes, "edges": model.edges}
    if size_note is not None:
        payload["sizeNote"] = size_note
    vis_js, vis_css = _vis_assets()
    app_js = resources.files(orgnet.viz).joinpath("templates", "graph.js").read_text(encoding="utf-8")
    return render(
        "graph.html.j2",
        lang=lang or data.lang,
        title=data.title,
        graph=data,
        size_note=payload["sizeNote"],
        scope_colours=SCOPE_COLOURS,
        shared_nonce=nonce,
        data_json=safe_json(payload),
        vis_js=Markup(vis_js),
        vis_css=Markup(vis_css),
        app_js=Markup(app_js),
    )


def write_graph_html(data: GraphData, path: Path) -> Path:
    path = Path(path)
    page = render_graph_html(data)
    with replacing(path) as (part,):
        part.write_text(page, encoding="utf-8")
    return path
