"""GraphML and GEXF, as networkx, Gephi, yEd and orgnet write them, read with a hardened parser.

The bytes are first parsed by defusedxml with DTDs, entities and external references
forbidden, so that entity expansion ("billion laughs") and external entities are refused
before anything else reads the file. Then one streaming pass (expat, which keeps line numbers)
takes every ``<node>`` as a person and every ``<edge>`` as a tie, in the order of the file; a
problem is reported with the line of its element. Values stay text here: the same validation
as for every other form decides numbers, weights and kinds (:mod:`orgnet.io.tables`).

What is read (docs/data.md, "GraphML and GEXF from other programs"):

- GraphML: ``<key>`` declarations (``attr.name``, ``for``, ``<default>``), ``<data>`` of nodes
  and edges, yEd's node label; ``edgedefault`` and ``directed``.
- GEXF 1.1–1.3: ``<attributes class="node|edge">`` with ``<default>``, ``<attvalue>`` (a
  dynamic attribute keeps the value of the latest period), a node's ``label``, an edge's
  ``weight``, ``label`` and ``kind`` (the relation), ``defaultedgetype`` and ``type``.
- Visual properties (GEXF's ``viz:`` elements, yEd's graphics) are left out.
- An undirected edge (and a GEXF ``mutual`` one) is two ties, one each way, as Pajek's ``*Edges``.
- Without ``kind`` or ``relation``, a tie's relation is ``tie`` (informal), as for DL and Pajek.
"""

from __future__ import annotations

from pathlib import Path
from xml.parsers import expat

import defusedxml
import defusedxml.ElementTree as safe_et
import networkx as nx
import pandas as pd

from orgnet.adapters import _clean, to_networkx
from orgnet.errors import InputError, Problem, Said
from orgnet.io.limits import check_file_size
from orgnet.io.tables import RawTable
from orgnet.model import OrgNetwork

# The relation of a tie whose file gives neither kind nor relation: DL and Pajek say the same.
UNNAMED_RELATION = "tie"
TOO_DEEP = Said("error.io.xml_too_deep")
GROUPS = Said("error.io.xml_group_nodes")
HYPEREDGE = Said("error.io.xml_hyperedge")


def read_xml_tables(path: Path, name: str) -> tuple[RawTable, RawTable]:
    """People (nodes) and ties (edges) of a GraphML or GEXF file; each row is the line of its element."""
    data = _checked_bytes(path, name)
    document = _Document(name)
    parser = expat.ParserCreate(namespace_separator=" ")
    parser.buffer_text = True
    document.attach(parser)
    try:
        parser.Parse(data, True)
    except expat.ExpatError as exc:  # defusedxml parsed it already; kept for the odd encoding
        raise InputError([Problem(name, Said("error.io.xml_not_well_formed", reason=expat.errors.messages[exc.code]), row=exc.lineno)]) from None
    document.finish()

    people = pd.DataFrame(document.nodes, index=pd.Index(document.node_lines, name="row"))
    if people.empty:
        people = pd.DataFrame({"id": pd.Series(dtype="str")})
    people = _names_from_labels(people).sort_index(kind="stable")  # GEXF's nested nodes close before their parent
    ties = pd.DataFrame(document.edges, index=pd.Index(document.edge_lines, name="row"))
    # networkx writes a multigraph's edge keys to GEXF as "networkx_key": its bookkeeping, not data
    ties = ties.drop(columns=[column for column in ("networkx_key",) if column in ties.columns])
    if ties.empty:
        ties = pd.DataFrame({column: pd.Series(dtype="str") for column in ("source", "target")})
    return RawTable(name, people), RawTable(name, ties, relation_when_none=UNNAMED_RELATION)


def _names_from_labels(people: pd.DataFrame) -> pd.DataFrame:
    """A node's label (GEXF's, Gephi's and yEd's) is the person's name unless it only repeats the id."""
    if "label" not in people.columns:
        return people
    label = people["label"].astype("str")
    if "name" in people.columns:  # orgnet's own GEXF: the label repeats the name (or the id)
        redundant = (label == people["name"].astype("str")) | (label == people["id"].astype("str")) | people["label"].isna()
        return people.drop(columns="label") if redundant.all() else people
    people = people.copy()
    people["name"] = people["label"].where(label != people["id"].astype("str"))
    people = people.drop(columns="label")
    return people.drop(columns="name") if people["name"].isna().all() else people  # networkx: label = id


class _Document:
    """The nodes and edges of one GraphML or GEXF document, collected while expat reads it."""

    def __init__(self, name: str):
        self.name = name
        self.form: str | None = None  # "graphml" or "gexf", from the root element
        self.nodes: list[dict] = []
        self.node_lines: list[int] = []
        self.edges: list[dict] = []
        self.edge_lines: list[int] = []
        self.problems: list[Problem] = []
        self.declared: dict[tuple[str, str], str] = {}  # (for, key id) → column name
        self.defaults: dict[tuple[str, str], str] = {}  # (for, column) → default value
        self.types: dict[tuple[str, str], str] = {}  # (for, column) → declared type (attr.type, type)
        self.directed_default = False
        self.graphs = 0
        self._stack: list[str] = []
        self.mutual_default = False
        self._open: list[tuple[str, dict, int, int]] = []  # (node/edge, its values, depth, line): GEXF nests nodes
        self._declaring: tuple[str, str] | None = None  # a <key> or <attribute> whose <default> may follow
        self._class = "node"  # GEXF <attributes class="…">
        self._data: str | None = None  # the column of the GraphML <data> being read
        self._text: list[str] = []
        self._in_default = False
        self._nested = False  # a <data> holding elements (yEd's graphics), not text
        self._dynamic: dict[tuple[int, str], tuple] = {}  # (element, column) → latest (start, value)
        self._seen_ids: set[str] = set()

    def attach(self, parser) -> None:
        self._parser = parser
        parser.StartElementHandler = self._start
        parser.EndElementHandler = self._end
        parser.CharacterDataHandler = self._characters

    @property
    def _element(self) -> dict | None:
        return self._open[-1][1] if self._open else None

    @property
    def _line(self) -> int:
        return self._parser.CurrentLineNumber

    # --- expat handlers --------------------------------------------------------------------

    def _start(self, tag: str, attributes: dict) -> None:
        local = tag.rsplit(" ", 1)[-1]
        attributes = {key.rsplit(" ", 1)[-1]: value for key, value in attributes.items()}
        self._stack.append(local)
        if len(self._stack) == 1:
            self._root(local)
        elif self._data is not None:  # inside a GraphML <data>: yEd's graphics; only its node label is read
            self._nested = True
            if local == "NodeLabel" and self._element is not None:
                self._text = []
        elif local == "graph":
            self._graph(attributes)
        elif local == "node":
            self._begin("node", attributes)
        elif local == "edge":
            self._begin("edge", attributes)
        elif local == "hyperedge":
            self.problems.append(Problem(self.name, HYPEREDGE, row=self._line))
        elif local == "key" and self.form == "graphml":
            self._key(attributes)
        elif local == "attributes" and self.form == "gexf":
            self._class = attributes.get("class", "node")
        elif local == "attribute" and self.form == "gexf":
            column = attributes.get("title") or attributes.get("id", "")
            self.declared[(self._class, attributes.get("id", ""))] = column
            self.types[(self._class, column)] = attributes.get("type", "string")
            self._declaring = (self._class, column)
        elif local == "default" and self._declaring is not None:
            self._in_default, self._text = True, []
        elif local == "data" and self._element is not None:
            key = attributes.get("key", "")
            self._data = self.declared.get((self._open[-1][0], key)) or self.declared.get(("all", key)) or key
            self._text, self._nested = [], False
        elif local == "attvalue" and self._element is not None:
            self._attvalue(attributes)

    def _end(self, tag: str) -> None:
        local = self._stack.pop()
        if local == "default" and self._in_default:
            self.defaults[self._declaring] = "".join(self._text).strip()
            self._in_default = False
        elif local in ("key", "attribute"):
            self._declaring = None
        elif local == "NodeLabel" and self._element is not None and self._data is not None:
            self._element.setdefault("label", "".join(self._text).strip() or None)
        elif local == "data" and self._data is not None:
            if not self._nested and self._element is not None:
                self._element[self._data] = "".join(self._text).strip() or None
            self._data = None
        elif local in ("node", "edge") and self._open and len(self._stack) + 1 == self._open[-1][2]:
            self._close()

    def _characters(self, text: str) -> None:
        if self._in_default or self._data is not None:
            self._text.append(text)

    # --- what each element means ---------------------------------------------------------

    def _root(self, local: str) -> None:
        if local not in ("graphml", "gexf"):
            raise InputError([Problem(self.name, Said("error.io.xml_root", root=local), row=self._line)])
        self.form = local

    def _graph(self, attributes: dict) -> None:
        self.graphs += 1
        if self.graphs == 2 and not self._open:
            self.problems.append(Problem(self.name, Said("error.io.xml_second_graph"), row=self._line))
        edge_type = attributes.get("edgedefault" if self.form == "graphml" else "defaultedgetype", "")
        self.directed_default = edge_type == "directed"
        self.mutual_default = edge_type == "mutual"

    def _key(self, attributes: dict) -> None:
        target = attributes.get("for", "all")
        column = attributes.get("attr.name") or attributes.get("id", "")
        self.declared[(target, attributes.get("id", ""))] = column
        self.types[(target, column)] = attributes.get("attr.type", "string")
        self._declaring = (target, column)

    def _begin(self, kind: str, attributes: dict) -> None:
        line = self._line
        if kind == "node":
            element = {"id": attributes.get("id")}
            if attributes.get("label") is not None:
                element["label"] = attributes["label"]
            if element["id"] is None:
                self.problems.append(Problem(self.name, Said("error.io.xml_node_without_id"), row=line))
        else:
            element = {"source": attributes.get("source"), "target": attributes.get("target")}
            if element["source"] is None or element["target"] is None:
                self.problems.append(Problem(self.name, Said("error.io.xml_edge_ends"), row=line))
            for attribute, column in (("weight", "weight"), ("label", "label"), ("kind", "relation")):
                if attributes.get(attribute) not in (None, ""):
                    element[column] = attributes[attribute]
            element["_direction"] = self._direction(attributes)
        self._open.append((kind, element, len(self._stack), line))

    def _direction(self, attributes: dict) -> str:
        if self.form == "graphml":
            given = attributes.get("directed")
            directed = self.directed_default if given is None else given.strip().lower() == "true"
            return "directed" if directed else "undirected"
        given = attributes.get("type")
        if given in ("directed", "undirected", "mutual"):
            return given
        return "mutual" if self.mutual_default else "directed" if self.directed_default else "undirected"

    def _attvalue(self, attributes: dict) -> None:
        kind, element, _, _ = self._open[-1]
        column = self.declared.get((kind, attributes.get("for", ""))) or attributes.get("for", "")
        if column in element and (id(element), column) not in self._dynamic:
            declared = self.types.get((kind, column))  # an attribute titled like the edge's own weight or label
            column = f"attribute {column}"
            if declared:
                self.types[(kind, column)] = declared
        value = attributes.get("value")
        start = attributes.get("start", attributes.get("startopen", attributes.get("timestamp")))
        latest = self._dynamic.get((id(element), column))
        if latest is None or _period(start) >= latest[0]:
            self._dynamic[(id(element), column)] = (_period(start), value)
            element[column] = value if value not in (None, "") else None

    def _close(self) -> None:
        kind, element, _, line = self._open.pop()
        for (target, column), default in self.defaults.items():
            if target in (kind, "all") and element.get(column) is None:
                element[column] = default
        for column, value in element.items():
            declared = self.types.get((kind, column)) or self.types.get(("all", column))
            if declared and value is not None and column.lower() != "weight":  # a weight's text is checked, and shown, as written
                element[column] = _typed(value, declared)
        if kind == "node":
            self.nodes.append(element)
            self.node_lines.append(line)
            return
        direction = element.pop("_direction")
        self.edges.append(element)
        self.edge_lines.append(line)
        if direction in ("mutual", "undirected"):  # one element for both directions, as Pajek's *Edges
            self.edges.append({**element, "source": element["target"], "target": element["source"]})
            self.edge_lines.append(line)

    def finish(self) -> None:
        """Raise every problem found; add the people that only edges name (as networkx does)."""
        if self.problems:
            raise InputError(self.problems)
        known = {node["id"] for node in self.nodes}
        for element, line in zip(self.edges, self.edge_lines):
            for end in (element["source"], element["target"]):
                if end not in known:
                    known.add(end)
                    self.nodes.append({"id": end})
                    self.node_lines.append(line)


def _typed(value: str, declared: str):
    """A value as its declared type (GraphML's attr.type, GEXF's type); text that is not one stays
    text, for validation to name."""
    declared = declared.lower()
    if value == "null" and declared != "string":  # Gephi writes a missing number as "null"
        return None
    try:
        if declared in ("int", "long", "integer", "short", "byte"):
            return int(value)
        if declared in ("float", "double"):
            return float(value)
    except ValueError:
        return value
    if declared == "boolean" and value.strip().lower() in ("true", "false", "1", "0"):
        return value.strip().lower() in ("true", "1")
    return value


def _period(start: str | None) -> tuple:
    """Sort key of a dynamic value's start: no start first, then numbers, then dates (as text)."""
    if start is None:
        return (0, 0.0, "")
    try:
        return (1, float(start), "")
    except ValueError:
        return (2, 0.0, start)


def _checked_bytes(path: Path, name: str) -> bytes:
    try:
        check_file_size(path, name)
        data = path.read_bytes()
    except FileNotFoundError:
        raise InputError([Problem(name, Said("error.io.file_not_found"))]) from None
    try:
        root = safe_et.fromstring(data, forbid_dtd=True, forbid_entities=True, forbid_external=True)
        # networkx keeps only the top level of nested graphs: refuse rather than drop the members
        if path.suffix.lower() == ".graphml" and root.find(".//{*}node/{*}graph") is not None:
            raise InputError([Problem(name, GROUPS)])
    except defusedxml.DTDForbidden:
        raise InputError([Problem(name, Said("error.io.xml_dtd"))]) from None
    except defusedxml.EntitiesForbidden as exc:
        raise InputError([Problem(name, Said("error.io.xml_entity", entity=exc.name))]) from None
    except defusedxml.ExternalReferenceForbidden as exc:
        raise InputError([Problem(name, Said("error.io.xml_external", resource=exc.sysid))]) from None
    except RecursionError:
        raise InputError([Problem(name, TOO_DEEP)]) from None
    except safe_et.ParseError as exc:
        line, _ = exc.position
        raise InputError([Problem(name, Said("error.io.xml_not_well_formed", reason=str(exc.msg if hasattr(exc, "msg") else exc)), row=line)]) from None
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
