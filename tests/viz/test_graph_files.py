"""The graph and report files without a browser: content, options, errors, reproducibility."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

import orgnet
from orgnet.viz.graph import graph_data

SHIPPED = Path(__file__).resolve().parents[2] / "datasets" / "skovbjerg"


def page_data(path: Path) -> dict:
    text = path.read_text(encoding="utf-8")
    match = re.search(r'<script type="application/json" id="graph-data">(.*?)</script>', text, re.S)
    return json.loads(match.group(1))


def test_graph_html_is_self_contained(run_cli, tmp_path):
    path = tmp_path / "g.html"

    result = run_cli("graph", SHIPPED, "-o", path, "--color-by", "flag", "--size-by", "betweenness")

    assert result.exit_code == 0
    text = path.read_text(encoding="utf-8")
    assert not re.search(r'(src|href)\s*=\s*["\']?(https?:)?//', text)  # nothing to fetch
    assert "default-src 'none'" in text
    data = page_data(path)
    assert len(data["nodes"]) == 1170 and (data["legendTitle"], data["colourBy"]) == ("most severe flag", "flag")
    assert {edge["dashes"] for edge in data["edges"] if edge["kind"] == "informal"} == {True}


def test_ego_graph_holds_the_neighbourhood(run_cli, tmp_path):
    network = orgnet.read(SHIPPED)
    result = run_cli("graph", SHIPPED, "-o", tmp_path / "ego.html", "--ego", "P0001", "--radius", "1")

    ids = {node["id"] for node in page_data(tmp_path / "ego.html")["nodes"]}
    ties = network.ties
    neighbours = set(ties.loc[ties["source"] == "P0001", "target"]) | set(ties.loc[ties["target"] == "P0001", "source"])
    assert result.exit_code == 0
    assert ids == neighbours | {"P0001"}


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--ego", "nobody"], "Error: no person with id 'nobody' for --ego\n"),
        (["--color-by", "shoe_size"], "Error: cannot colour by 'shoe_size'."),
        (["--size-by", "height"], "Error: cannot size by 'height'."),
    ],
    ids=["ego", "colour", "size"],
)
def test_graph_option_errors(run_cli, tmp_path, args, message):
    result = run_cli("graph", SHIPPED, "-o", tmp_path / "g.html", *args)

    assert result.exit_code == 1
    assert result.output.startswith(message)


@pytest.mark.parametrize(("suffix", "magic"), [(".png", b"\x89PNG"), (".svg", b"<?xml"), (".pdf", b"%PDF")])
def test_static_pictures(run_cli, tmp_path, suffix, magic):
    path = tmp_path / f"g{suffix}"

    result = run_cli("graph", SHIPPED, "-o", path, "--color-by", "level")

    assert result.exit_code == 0
    assert path.read_bytes().startswith(magic)


def test_unknown_picture_format(run_cli, tmp_path):
    result = run_cli("graph", SHIPPED, "-o", tmp_path / "g.gif")

    assert (result.exit_code, result.output) == (1, f"Error: {tmp_path / 'g.gif'}: cannot draw to '.gif'; use .html, .png, .svg, .pdf\n")


def test_layout_is_reproducible_for_a_seed():
    from orgnet.generate import generate_municipality

    network = generate_municipality(people=300, seed=3)
    first, second = graph_data(network, seed=4), graph_data(network, seed=4)
    other = graph_data(network, seed=5)

    positions = [(n["x"], n["y"]) for n in first.nodes]
    assert positions == [(n["x"], n["y"]) for n in second.nodes]
    assert positions != [(n["x"], n["y"]) for n in other.nodes]


@pytest.mark.parametrize(("lang", "heading", "suppressed"), [("en", "Network report", "suppressed (fewer than 5)"), ("da", "Netværksrapport", "skjult (færre end 5)")])
def test_report_languages_and_suppression(run_cli, tmp_path, write_folder, lang, heading, suppressed):
    from tests.flags.conftest import PEOPLE, TIES

    folder = write_folder(people=PEOPLE, ties=TIES)
    result = run_cli("report", folder, "-o", tmp_path / "r", "--lang", lang)

    text = (tmp_path / "r" / "index.html").read_text(encoding="utf-8")
    assert result.exit_code == 0
    assert f"<h1>{heading}</h1>" in text
    assert suppressed in text  # the three TRs are a group under 5
    assert (tmp_path / "r" / "orgnet.xlsx").exists()
