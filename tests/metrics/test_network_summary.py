"""Network-level figures against networkx, and the metrics / summary commands."""

from __future__ import annotations

import json

import networkx as nx
import numpy as np
import openpyxl
import pandas as pd
import pytest
from hypothesis import given

from orgnet.metrics.network import summarise
from tests.metrics.conftest import directed, networks, symmetrised
from tests.metrics.test_against_networkx import SETTINGS


@SETTINGS
@given(networks(min_people=3))
def test_summary_matches_networkx(network):
    figures = summarise(network)
    graph, digraph = symmetrised(network), directed(network)
    n = len(graph)
    degrees = np.array([d for _, d in graph.degree()])

    assert figures["density"]["all"] == pytest.approx(nx.density(graph))
    assert figures["components"] == nx.number_connected_components(graph)
    assert figures["degree_centralisation"] == pytest.approx((degrees.max() - degrees).sum() / ((n - 1) * (n - 2)))
    if digraph.number_of_edges():
        assert figures["reciprocity"] == pytest.approx(nx.reciprocity(digraph))
    if graph.number_of_edges() and len(set(network.people["organisation"])) > 1:
        nx.set_node_attributes(graph, network.people["organisation"].to_dict(), "organisation")
        expected = nx.attribute_assortativity_coefficient(graph, "organisation")
        if not np.isnan(expected):
            assert figures["assortativity"]["organisation"] == pytest.approx(expected, abs=1e-9)


def test_star_is_fully_centralised_and_tie_shares(write_folder):
    folder = write_folder(
        people="id,organisation\nhub,X\na,X\nb,X\nc,Y\n",
        ties="source,target,relation,kind\nhub,a,line,formal\nhub,b,line,formal\nhub,c,advice,informal\nc,hub,advice,informal\n",
    )
    from orgnet import read

    figures = summarise(read(folder))

    assert figures["degree_centralisation"] == 1.0
    assert figures["reciprocity"] == 0.5
    assert figures["tie_shares"] == {"external+informal": 0.5, "internal+formal": 0.5}
    assert figures["ei_index"] == pytest.approx((1 - 2) / 3)  # one external pair, two internal


def test_metrics_cli_writes_each_format(tmp_path, run_cli):
    outputs = {suffix: tmp_path / f"m{suffix}" for suffix in (".csv", ".xlsx", ".json")}
    for path in outputs.values():
        assert run_cli("metrics", "datasets/skovbjerg", "-o", path).exit_code == 0

    table = pd.read_csv(outputs[".csv"], encoding="utf-8-sig")
    assert list(table.columns[:6]) == ["id", "name", "organisation", "unit", "role", "level"]
    assert "Møller" in " ".join(table["name"])
    meta = json.loads((tmp_path / "m.meta.json").read_text(encoding="utf-8"))
    assert meta["paths"]["method"] == "exact"
    records = json.loads(outputs[".json"].read_text(encoding="utf-8"))
    assert len(records["metrics"]) == len(table) and records["metadata"]["group_by"] == "organisation"
    workbook = openpyxl.load_workbook(outputs[".xlsx"], read_only=True)
    assert workbook.sheetnames == ["metrics", "about"]


def test_metrics_cli_states_sampling(tmp_path, run_cli):
    result = run_cli("metrics", "datasets/skovbjerg", "-o", tmp_path / "m.json", "--sample", "50", "--seed", "2")

    assert result.exit_code == 0
    assert "estimated from 50 sampled sources of 1,170 people (--seed 2)" in result.output
    meta = json.loads((tmp_path / "m.json").read_text(encoding="utf-8"))["metadata"]["paths"]
    assert meta["method"] == "sampled sources" and meta["betweenness_standard_error_max"] > 0


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--group-by", "nope"], "Error: no attribute 'nope' to group by."),
        (["--layer", "informel"], "Error: unknown layer term 'informel' in 'informel'."),
    ],
    ids=["group", "layer"],
)
def test_metrics_cli_refuses_unknown_options(tmp_path, run_cli, args, message):
    result = run_cli("metrics", "datasets/skovbjerg", "-o", tmp_path / "m.csv", *args)

    assert result.exit_code == 1
    assert result.output.startswith(message)


def test_metrics_cli_refuses_unknown_extension_before_work(tmp_path, run_cli):
    result = run_cli("metrics", "datasets/skovbjerg", "-o", tmp_path / "m.txt")

    assert (result.exit_code, result.output) == (1, f"Error: {tmp_path / 'm.txt'}: cannot write '.txt'; use .csv, .xlsx or .json\n")


def test_summary_cli_json(run_cli):
    result = run_cli("summary", "datasets/skovbjerg", "--json", "--layer", "informal")

    figures = json.loads(result.output)
    assert figures["layer"] == "informal" and figures["people"] == 1170
    assert set(figures["tie_shares"]) == {"internal+informal", "external+informal"}
