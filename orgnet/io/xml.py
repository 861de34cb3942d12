"""GraphML and GEXF, read with a hardened parser.

The bytes are first parsed by defusedxml with DTDs, entities and external references
forbidden, so that entity expansion ("billion laughs") and external entities are refused
before networkx's own parser sees the file.
"""

from __future__ import annotations

import io
from pathlib import Path

import defusedxml
import defusedxml.ElementTree as safe_et
import networkx as nx
import pandas as pd

from orgnet.adapters import _clean, to_networkx
from orgnet.errors import InputError, Problem
from orgnet.io.limits import check_file_size
from orgnet.io.tables import RawTable
from orgnet.model import OrgNetwork

ORGNET_EDGE_FIELDS = ("relation", "kind", "weight", "reports")


def read_xml_tables(path: Path, name: str) -> tuple[RawTable, RawTable]:
    """People (nodes) and ties (edges) of a GraphML or GEXF file; rows count from 1."""
    data = _checked_bytes(path, name)
    try:
        if path.suffix.lower() == ".graphml":
            graph = nx.parse_graphml(data)
        else:
            graph = nx.read_gexf(io.BytesIO(data), relabel=False)
    except (nx.NetworkXError, KeyError, ValueError, TypeError) as exc:
        raise InputError([Problem(name, f"not a valid {path.suffix.lstrip('.').upper()} network: {exc}")]) from None
    except RecursionError:
        raise InputError([Problem(name, TOO_DEEP)]) from None
    _latest_values(graph)

    people = pd.DataFrame([{"id": node, **data} for node, data in graph.nodes(data=True)], columns=None)
    if people.empty:
        people = pd.DataFrame({"id": pd.Series(dtype="str")})
    if "label" in people.columns:  # GEXF always has a label; it is the name unless it repeats the id
        if "name" not in people.columns:
            people["name"] = people["label"].where(people["label"] != people["id"])
        people = people.drop(columns="label")
    people.index = pd.RangeIndex(1, len(people) + 1, name="row")

    edges = graph.edges(data=True)
    ties = pd.DataFrame([{"source": s, "target": t, **d} for s, t, d in edges])
    if ties.empty:
        ties = pd.DataFrame({column: pd.Series(dtype="str") for column in ("source", "target", "kind")})
    ties = ties.drop(columns=[c for c in ("id", "label") if c in ties.columns])
    ties.index = pd.RangeIndex(1, len(ties) + 1, name="row")
    return RawTable(f"{name} (nodes)", people), RawTable(f"{name} (edges)", ties)


TOO_DEEP = "elements nested too deeply to read (groups inside groups, as yEd writes them); ungroup the nodes (yEd: Grouping → Ungroup) and save again"
GROUPS = (
    "group nodes (a node holding a graph of its own, as yEd's groups) are not read: their members would be left out; "
    "ungroup the nodes (yEd: Grouping → Ungroup) and save again"
)


def _latest_values(graph: nx.Graph) -> None:
    """GEXF's dynamic attributes arrive as [(value, start, end), …]: each person and tie keeps the
    value of the latest period (documented in docs/data.md)."""
    for _, attributes in [*graph.nodes(data=True), *((None, d) for *_, d in graph.edges(data=True))]:
        for key, value in attributes.items():
            if isinstance(value, list) and value and isinstance(value[0], tuple):
                attributes[key] = max(value, key=lambda item: (item[1] is not None, item[1] or 0))[0]


def _checked_bytes(path: Path, name: str) -> bytes:
    try:
        check_file_size(path, name)
        data = path.read_bytes()
    except FileNotFoundError:
        raise InputError([Problem(name, "file not found")]) from None
    try:
        root = safe_et.fromstring(data, forbid_dtd=True, forbid_entities=True, forbid_external=True)
        # networkx keeps only the top level of nested graphs: refuse rather than drop the members
        if path.suffix.lower() == ".graphml" and root.find(".//{*}node/{*}graph") is not None:
            raise InputError([Problem(name, GROUPS)])
    except defusedxml.DTDForbidden:
        raise InputError([Problem(name, "refused: the XML declares a DTD (entity expansion and external entities are not allowed)")]) from None
    except defusedxml.EntitiesForbidden as exc:
        raise InputError([Problem(name, f"refused: the XML declares the entity '{exc.name}' (entity expansion is not allowed)")]) from None
    except defusedxml.ExternalReferenceForbidden as exc:
        raise InputError([Problem(name, f"refused: the XML refers to an external resource '{exc.sysid}'")]) from None
    except RecursionError:
        raise InputError([Problem(name, TOO_DEEP)]) from None
    except safe_et.ParseError as exc:
        line, _ = exc.position
        raise InputError([Problem(name, f"not well-formed XML: {exc.msg if hasattr(exc, 'msg') else exc}", row=line)]) from None
    return data


def write_xml(network: OrgNetwork, path: Path) -> None:
    """Write GraphML or GEXF; attributes that are empty for a person are left out."""
    graph = to_networkx(network)
    for _, _, data in graph.edges(data=True):
        data.pop("scope", None)  # derived from the people when read back
    for _, data in graph.nodes(data=True):
        for key, value in list(data.items()):
            data[key] = _clean(value)
    if path.suffix.lower() == ".graphml":
        nx.write_graphml(graph, path, encoding="utf-8")
    else:
        for node, data in graph.nodes(data=True):
            data.setdefault("label", data.get("name", node))
        nx.write_gexf(graph, path, encoding="utf-8")
