"""GraphML and GEXF as other programs write them: networkx (written here) and Gephi (fixtures).

networkx is the independent reference: orgnet's reader does not use it, and every count is
compared with what ``networkx.read_graphml`` / ``networkx.read_gexf`` read from the same file.
"""

from __future__ import annotations

import hashlib
import html
import json
import re
from pathlib import Path

import networkx as nx
import pytest

import orgnet
from orgnet.errors import InputError
from orgnet.metrics import compute_all

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "networkfiles"
GEPHI_13 = FIXTURES / "gephi-0.9.3-lesmiserables-1.3.gexf"
GEPHI_LITE_12 = FIXTURES / "gephi-lite-lesmiserables-1.2.gexf"


def _karate() -> nx.Graph:
    return nx.karate_club_graph()


def _weighted_directed() -> nx.DiGraph:
    graph = nx.DiGraph()
    graph.add_weighted_edges_from([("anna", "bo", 2.5), ("bo", "cy", 1.0), ("cy", "anna", 3.0), ("bo", "anna", 4.0)])
    graph.add_node("dora")  # an isolate
    graph.nodes["anna"]["unit"] = "Kærholm"
    return graph


def _directed() -> nx.DiGraph:
    return nx.gnp_random_graph(25, 0.15, seed=7, directed=True)


def _multigraph() -> nx.MultiGraph:
    graph = nx.MultiGraph()
    graph.add_edges_from([(1, 2), (1, 2), (2, 3), (3, 4), (3, 4), (3, 4)])
    return graph


NETWORKX_GRAPHS = {"karate": _karate, "weighted-directed": _weighted_directed, "directed": _directed, "multigraph": _multigraph}


def _write(graph: nx.Graph, path: Path) -> Path:
    (nx.write_graphml if path.suffix == ".graphml" else nx.write_gexf)(graph, path)
    return path


def _reference(path: Path) -> nx.Graph:
    return nx.read_graphml(path) if path.suffix == ".graphml" else nx.read_gexf(path)


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture(params=[f"{name}.{suffix}" for name in NETWORKX_GRAPHS for suffix in ("graphml", "gexf")])
def networkx_file(request, tmp_path) -> Path:
    name, suffix = request.param.split(".")
    return _write(NETWORKX_GRAPHS[name](), tmp_path / f"{name}.{suffix}")


def test_networkx_files_read_as_networkx_reads_them(networkx_file):
    reference = _reference(networkx_file)

    network = orgnet.read(networkx_file)

    assert sorted(network.people.index) == sorted(map(str, reference.nodes))
    # every edge is a tie (an undirected one two, one each way), or merged into one (parallel edges of a multigraph)
    ways = 1 if reference.is_directed() else 2
    assert len(network.ties) + network.duplicates_merged == ways * reference.number_of_edges()
    assert set(network.ties["relation"]) == {"tie"} and set(network.ties["kind"]) == {"informal"}
    expected = sum(float(data.get("weight", 1.0)) for *_, data in reference.edges(data=True))
    assert network.ties["weight"].sum() == pytest.approx(ways * expected)


@pytest.mark.parametrize("path", [GEPHI_13, GEPHI_LITE_12], ids=lambda p: p.name)
def test_gephi_files_read_as_networkx_reads_them(path):
    reference = nx.read_gexf(path)

    network = orgnet.read(path)

    assert len(network.people) == reference.number_of_nodes() == 77
    assert not reference.is_directed() and len(network.ties) == 2 * reference.number_of_edges() == 2 * 254
    weights = {frozenset((s, t)): float(d.get("weight", 1.0)) for s, t, d in reference.edges(data=True)}
    assert {frozenset((s, t)): w for s, t, w in zip(network.ties["source"], network.ties["target"], network.ties["weight"])} == weights
    assert network.people.loc["11", "name"] == "Valjean"  # Gephi's label is the name


def test_gephi_node_and_edge_attributes_are_kept():
    gephi = orgnet.read(GEPHI_13)
    lite = orgnet.read(GEPHI_LITE_12)

    assert gephi.people.loc["11", "Modularity Class"] == 1  # the attribute's title, as a number
    assert lite.people.loc["48", "modularity_class"] == 8
    tie = lite.ties.set_index(["source", "target"]).loc[("2", "0")]
    assert (tie["weight"], tie["cooccurrence"]) == (8.0, 8)
    assert "viz" not in gephi.people.columns and "size" not in gephi.people.columns  # viz: is left out


def test_undirected_edges_are_two_ties_each_and_the_metrics_equal_networkx(tmp_path):
    path = _write(_karate(), tmp_path / "k.graphml")
    reference = _reference(path)

    network = orgnet.read(path)
    metrics = compute_all(network)

    assert len(network.ties) == 2 * 78 and not network.ties.duplicated(["source", "target"]).any()
    assert (metrics["in_degree"] == metrics["out_degree"]).all()  # a tie both people have
    assert metrics["degree"].to_dict() == {node: float(degree) for node, degree in reference.degree()}
    betweenness = nx.betweenness_centrality(reference)
    assert metrics["betweenness"].to_dict() == pytest.approx(betweenness)


def test_an_undirected_edge_and_a_mutual_one_are_two_ties(tmp_path):
    graphml = tmp_path / "u.graphml"
    graphml.write_text(
        '<graphml xmlns="http://graphml.graphdrawing.org/xmlns"><graph edgedefault="undirected">'
        '<node id="a"/><node id="b"/><edge source="b" target="a"/></graph></graphml>'
    )
    gexf = tmp_path / "m.gexf"
    gexf.write_text(
        '<gexf xmlns="http://gexf.net/1.3" version="1.3"><graph defaultedgetype="directed"><nodes>'
        '<node id="a" label="A"/><node id="b" label="B"/></nodes><edges><edge id="0" source="a" target="b" type="mutual"/></edges></graph></gexf>'
    )

    assert sorted(zip(orgnet.read(graphml).ties["source"], orgnet.read(graphml).ties["target"])) == [("a", "b"), ("b", "a")]
    assert sorted(zip(orgnet.read(gexf).ties["source"], orgnet.read(gexf).ties["target"])) == [("a", "b"), ("b", "a")]


def test_kind_and_relation_edge_attributes_are_honoured(tmp_path):
    graph = nx.DiGraph()
    graph.add_edge("a", "b", kind="formal", relation="committee")
    graph.add_edge("b", "a", relation="advice")
    graph.add_edge("a", "c", relation="line")
    graph.add_edge("c", "a")  # neither: relation tie, informal
    for suffix in ("graphml", "gexf"):
        network = orgnet.read(_write(graph, tmp_path / f"k.{suffix}"))

        ties = network.ties.set_index(["source", "target"])
        assert ties.loc[("a", "b"), ["relation", "kind"]].tolist() == ["committee", "formal"]
        assert ties.loc[("b", "a"), ["relation", "kind"]].tolist() == ["advice", "informal"]
        assert ties.loc[("a", "c"), ["relation", "kind"]].tolist() == ["line", "formal"]
        assert ties.loc[("c", "a"), ["relation", "kind"]].tolist() == ["tie", "informal"]


def test_a_gexf_edge_kind_is_its_relation(tmp_path):
    path = tmp_path / "k.gexf"
    path.write_text(
        '<gexf xmlns="http://gexf.net/1.3" version="1.3"><graph defaultedgetype="directed"><nodes><node id="a"/><node id="b"/></nodes>'
        '<edges><edge id="0" source="a" target="b" kind="advice"/><edge id="1" source="a" target="b" kind="line"/></edges></graph></gexf>'
    )

    ties = orgnet.read(path).ties

    assert sorted(zip(ties["relation"], ties["kind"])) == [("advice", "informal"), ("line", "formal")]


def test_orgnet_toml_renames_edge_and_node_attributes_and_maps_their_relations(tmp_path, run_cli):
    graph = nx.DiGraph()
    graph.add_node("a", afdeling="Skole")
    graph.add_node("b", afdeling="Skole")
    graph.add_edge("a", "b", type="sparring", styrke=3)
    graph.add_edge("b", "a", type="ledelse", styrke=1)
    path = _write(graph, tmp_path / "net.graphml")
    config = tmp_path / "orgnet.toml"
    config.write_text('[columns]\nafdeling = "unit"\ntype = "relation"\nstyrke = "weight"\n\n[relations]\nledelse = "formal"\n', encoding="utf-8")

    network = orgnet.read(path, config=config)
    result = run_cli("validate", path, "--config", config, "--json")

    assert network.people["unit"].tolist() == ["Skole", "Skole"]
    ties = network.ties.set_index(["source", "target"])
    assert ties.loc[("a", "b"), ["relation", "kind", "weight"]].tolist() == ["sparring", "informal", 3.0]
    assert ties.loc[("b", "a"), ["relation", "kind", "weight"]].tolist() == ["ledelse", "formal", 1.0]
    assert result.exit_code == 0
    assert json.loads(result.output)["ties_by_kind_scope"] == {"formal+internal": 1, "informal+internal": 1}


def test_orgnet_toml_can_give_the_unnamed_relation_a_kind(tmp_path):
    path = _write(_karate(), tmp_path / "k.gexf")
    config = tmp_path / "orgnet.toml"
    config.write_text('[relations]\ntie = "formal"\n', encoding="utf-8")

    network = orgnet.read(path, config=config)

    assert set(network.ties["kind"]) == {"formal"}


def test_edges_to_undeclared_nodes_add_those_people_as_networkx_does(tmp_path):
    path = tmp_path / "e.graphml"
    path.write_text('<graphml xmlns="http://graphml.graphdrawing.org/xmlns"><graph edgedefault="directed"><node id="a"/><edge source="a" target="z"/></graph></graphml>')

    network = orgnet.read(path)

    assert sorted(network.people.index) == sorted(nx.read_graphml(path).nodes) == ["a", "z"]


@pytest.mark.parametrize(
    ("name", "text", "message"),
    [
        (
            "w.gexf",
            '<?xml version="1.0"?>\n<gexf xmlns="http://gexf.net/1.3" version="1.3">\n<graph defaultedgetype="directed">\n'
            '<nodes><node id="a"/><node id="b"/></nodes>\n<edges>\n<edge id="0" source="a" target="b" weight="lots"/>\n'
            '<edge id="1" source="b" target="a" weight="-2"/>\n<edge id="2" source="b" target="b"/>\n</edges></graph></gexf>',
            [
                "w.gexf, row 6, column 'weight': weight 'lots' is not a number",
                "w.gexf, row 7, column 'weight': weight '-2' is not positive (weights must be > 0)",
                "w.gexf, row 8: self-tie: 'b' is both source and target",
            ],
        ),
        (
            "w.graphml",
            '<graphml xmlns="http://graphml.graphdrawing.org/xmlns">\n<key id="d0" for="edge" attr.name="weight" attr.type="double"/>\n'
            '<graph edgedefault="undirected"><node id="a"/><node id="b"/>\n<edge source="a" target="b"><data key="d0">0</data></edge>\n</graph></graphml>',
            ["w.graphml, row 4, column 'weight': weight '0' is not positive (weights must be > 0)"],
        ),
        (
            "h.graphml",
            '<graphml xmlns="http://graphml.graphdrawing.org/xmlns"><graph edgedefault="undirected"><node id="a"/>\n'
            '<hyperedge><endpoint node="a"/></hyperedge></graph></graphml>',
            ["h.graphml, row 2: a <hyperedge> joins more than two nodes; orgnet reads ties between two people (<edge>)"],
        ),
        (
            "two.graphml",
            '<graphml xmlns="http://graphml.graphdrawing.org/xmlns"><graph edgedefault="undirected"><node id="a"/></graph>\n'
            '<graph edgedefault="undirected"><node id="b"/></graph></graphml>',
            ["two.graphml, row 2: a second <graph> in one file; orgnet reads one network per file (save each graph as its own file)"],
        ),
        (
            "x.gexf",
            "<html>\n<body/></html>",
            ["x.gexf, row 1: the root element is <html>, not <graphml> or <gexf>: not a GraphML or GEXF network"],
        ),
        (
            "n.gexf",
            '<gexf xmlns="http://gexf.net/1.3"><graph><nodes>\n<node label="x"/></nodes><edges>\n<edge id="0" source="a"/></edges></graph></gexf>',
            ["n.gexf, row 2: a <node> without an id", "n.gexf, row 3: an <edge> needs both a source and a target"],
        ),
    ],
    ids=["gexf-weights-and-self-tie", "graphml-weight", "hyperedge", "two-graphs", "not-xml-network", "missing-ids"],
)
def test_bad_elements_are_refused_with_their_line(tmp_path, name, text, message):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")

    with pytest.raises(InputError) as error:
        orgnet.read(path)

    # what the user reads: an undirected edge is two ties, but its bad weight is one line
    assert [line.replace(str(tmp_path) + "/", "") for line in error.value.lines] == message


def test_a_bad_weight_on_the_command_line_is_one_message_and_status_1(tmp_path, run_cli):
    path = tmp_path / "w.gexf"
    path.write_text(
        '<gexf xmlns="http://www.gexf.net/1.2draft" version="1.2"><graph defaultedgetype="undirected">\n'
        '<nodes><node id="a" label="Anna"/><node id="b" label="Bo"/></nodes><edges>\n<edge id="0" source="a" target="b" weight="høj"/>\n</edges></graph></gexf>',
        encoding="utf-8",
    )
    before = _digest(path)

    result = run_cli("validate", path)

    assert result.exit_code == 1
    assert result.output == f"Error: 1 problem in the input:\n  - {path}, row 3, column 'weight': weight 'høj' is not a number\n"
    assert _digest(path) == before


# --- through the commands: validate, report, graph ------------------------------------------


def _commands_input(request, tmp_path) -> Path:
    if request.param.startswith("gephi"):
        return FIXTURES / request.param
    name, suffix = request.param.split(".")
    return _write(NETWORKX_GRAPHS[name](), tmp_path / f"{name}.{suffix}")


@pytest.fixture(params=["karate.graphml", "karate.gexf", "weighted-directed.graphml", "directed.gexf", GEPHI_13.name, GEPHI_LITE_12.name])
def foreign_file(request, tmp_path) -> Path:
    return _commands_input(request, tmp_path)


def _text_of(page: Path) -> str:
    text = re.sub(r"<(script|style)\b.*?</\1>", " ", page.read_text(encoding="utf-8"), flags=re.S)
    return re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>", " ", text)))


def test_validate_report_and_graph_run_on_other_programs_files(foreign_file, tmp_path, run_cli):
    reference = _reference(foreign_file)
    people, edges = reference.number_of_nodes(), reference.number_of_edges() * (1 if reference.is_directed() else 2)
    before = _digest(foreign_file)

    validated = run_cli("validate", foreign_file, "--json")
    report = run_cli("report", foreign_file, "-o", tmp_path / "report")
    graph = run_cli("graph", foreign_file, "-o", tmp_path / "graph.html")

    assert (validated.exit_code, report.exit_code, graph.exit_code) == (0, 0, 0)
    summary = json.loads(validated.output)
    assert (summary["people"], summary["ties"] + summary["duplicates_merged"]) == (people, edges)
    assert f"Headline figures {people} people {summary['ties']} ties" in _text_of(tmp_path / "report" / "index.html")
    assert (tmp_path / "report" / "orgnet.xlsx").stat().st_size > 0
    assert graph.output.splitlines()[-1] == f"wrote {people} people and {summary['ties']} ties to {tmp_path / 'graph.html'}"
    assert (tmp_path / "graph.html").stat().st_size > 0
    assert _digest(foreign_file) == before


def test_gephis_null_for_a_missing_number_is_an_empty_value(tmp_path):
    # the shape of Gephi's own exporter test output (modules/ExportPlugin/.../includenullattvalues.gexf)
    path = tmp_path / "null.gexf"
    path.write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n<gexf xmlns="http://gexf.net/1.3" version="1.3"><graph defaultedgetype="directed" mode="static">'
        '<attributes class="node" mode="static"><attribute id="value" title="value" type="double"></attribute></attributes><nodes>'
        '<node id="1"><attvalues><attvalue for="value" value="null"/></attvalues></node>'
        '<node id="2"><attvalues><attvalue for="value" value="11.0"/></attvalues></node></nodes>'
        '<edges><edge id="1" source="1" target="2"></edge></edges></graph></gexf>'
    )

    people = orgnet.read(path).people

    assert people["value"].isna().tolist() == [True, False] and people.loc["2", "value"] == 11.0


def test_yed_node_labels_are_names_and_its_graphics_are_left_out(tmp_path):
    path = tmp_path / "yed.graphml"
    path.write_text(
        '<?xml version="1.0" encoding="UTF-8" standalone="no"?>\n'
        '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:y="http://www.yworks.com/xml/graphml">\n'
        '<key for="node" id="d6" yfiles.type="nodegraphics"/><key attr.name="description" attr.type="string" for="node" id="d5"/>\n'
        '<key for="edge" id="d10" yfiles.type="edgegraphics"/>\n<graph edgedefault="directed" id="G">\n'
        '<node id="n0"><data key="d5">TR</data><data key="d6"><y:ShapeNode><y:Geometry height="30" width="30" x="1" y="2"/>'
        '<y:NodeLabel alignment="center">Anna Ærø</y:NodeLabel></y:ShapeNode></data></node>\n'
        '<node id="n1"><data key="d6"><y:ShapeNode><y:NodeLabel>Bo</y:NodeLabel></y:ShapeNode></data></node>\n'
        '<edge id="e0" source="n0" target="n1"><data key="d10"><y:PolyLineEdge><y:LineStyle color="#000000"/></y:PolyLineEdge></data></edge>\n'
        "</graph></graphml>",
        encoding="utf-8",
    )

    network = orgnet.read(path)

    assert network.people["name"].to_dict() == {"n0": "Anna Ærø", "n1": "Bo"}
    assert network.people.loc["n0", "description"] == "TR" and network.people["description"].isna().tolist() == [False, True]
    assert list(network.people.columns) == ["description", "name"]  # no geometry, no graphics
    assert list(network.ties.columns) == ["source", "target", "relation", "kind", "weight", "reports", "scope"]


def test_gephi_shaped_graphml_keys_and_defaults(tmp_path):
    # the keys Gephi's GraphML export declares (label, Edge Label, weight, Edge Id, r, g, b, x, y, size)
    path = tmp_path / "gephi.graphml"
    path.write_text(
        '<?xml version="1.0" encoding="UTF-8"?><graphml xmlns="http://graphml.graphdrawing.org/xmlns">\n'
        '<key attr.name="label" attr.type="string" for="node" id="label"/>\n'
        '<key attr.name="Edge Label" attr.type="string" for="edge" id="edgelabel"/>\n'
        '<key attr.name="weight" attr.type="double" for="edge" id="weight"/>\n'
        '<key attr.name="Edge Id" attr.type="string" for="edge" id="edgeid"/>\n'
        '<key attr.name="r" attr.type="int" for="node" id="r"/><key attr.name="size" attr.type="float" for="node" id="size"/>\n'
        '<key attr.name="team" attr.type="string" for="node" id="team"><default>Nord</default></key>\n'
        '<graph edgedefault="undirected">\n'
        '<node id="1"><data key="label">Anna</data><data key="r">153</data><data key="size">10.0</data></node>\n'
        '<node id="2"><data key="label">Bo</data><data key="r">0</data><data key="size">4.5</data><data key="team">Syd</data></node>\n'
        '<edge source="1" target="2"><data key="edgeid">0</data><data key="weight">2.0</data><data key="edgelabel">sparring</data></edge>\n'
        "</graph></graphml>"
    )

    network = orgnet.read(path)

    assert network.people.loc["1", ["name", "team", "r", "size"]].tolist() == ["Anna", "Nord", 153, 10.0]
    assert network.people.loc["2", "team"] == "Syd"
    tie = network.ties.iloc[0]
    assert (tie["source"], tie["target"], tie["weight"], tie["Edge Label"], tie["relation"]) == ("1", "2", 2.0, "sparring", "tie")
    assert len(network.people) == nx.read_graphml(path).number_of_nodes()


def test_an_attribute_titled_like_the_edges_own_weight_is_kept_beside_it(tmp_path):
    path = tmp_path / "w.gexf"
    path.write_text(
        '<gexf xmlns="http://gexf.net/1.3" version="1.3"><graph defaultedgetype="directed">'
        '<attributes class="edge"><attribute id="w" title="weight" type="integer"/></attributes>'
        '<nodes><node id="a"/><node id="b"/></nodes><edges><edge id="0" source="a" target="b" weight="2">'
        '<attvalues><attvalue for="w" value="5"/></attvalues></edge></edges></graph></gexf>'
    )

    tie = orgnet.read(path).ties.iloc[0]

    assert (tie["weight"], tie["attribute weight"]) == (2.0, 5)


def test_a_graph_without_edges_is_people_only(tmp_path, run_cli):
    path = tmp_path / "n.graphml"
    path.write_text('<graphml xmlns="http://graphml.graphdrawing.org/xmlns"><graph edgedefault="undirected"><node id="a"/><node id="b"/></graph></graphml>')

    result = run_cli("validate", path, "--json")

    assert result.exit_code == 0
    assert (json.loads(result.output)["people"], json.loads(result.output)["ties"], json.loads(result.output)["isolates"]) == (2, 0, 2)
