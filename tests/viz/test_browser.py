"""The graph and the report in a real browser, offline: drawn, usable, no requests, no script
from data. Skipped with a reason where Chromium is missing."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

import orgnet
from orgnet.viz.graph import draw, graph_data
from tests.viz.conftest import HOSTILE, QUOTES

SHIPPED = Path(__file__).resolve().parents[2] / "datasets" / "skovbjerg"


@pytest.fixture(scope="module")
def shipped():
    return orgnet.read(SHIPPED)


@pytest.fixture(scope="module")
def graph_file(shipped, tmp_path_factory):
    path = tmp_path_factory.mktemp("graph") / "graph.html"
    draw(graph_data(shipped), path, lang="en", size_by="degree")
    return path


def embedded_graph(page):
    """The report's graph frame, scrolled into view (Chromium does not draw frames off screen)."""
    element = page.wait_for_selector("iframe")
    element.scroll_into_view_if_needed()
    return element.content_frame()


def ready(page, frame=None):
    target = frame or page
    target.wait_for_selector("body[data-ready='1']", timeout=30_000)
    return target


def test_graph_opens_offline_and_draws_everyone(visit, graph_file, shipped):
    page = visit(graph_file)
    frame = ready(page.page)

    drawn = frame.evaluate("window.orgnetGraph.network.body.nodeIndices.length")

    assert drawn == len(shipped.people)
    assert page.errors == []
    assert page.outside_requests() == []


def test_tooltip_shows_the_name(visit, graph_file, shipped):
    page = visit(graph_file)
    frame = ready(page.page)
    person = "P0001"
    x, y = frame.evaluate(
        """id => { const g = window.orgnetGraph.network; g.moveTo({position: g.getPositions([id])[id], scale: 2});
                   const p = g.canvasToDOM(g.getPositions([id])[id]); const r = document.getElementById('network').getBoundingClientRect();
                   return [p.x + r.left, p.y + r.top]; }""",
        person,
    )

    page.page.mouse.move(x, y)
    tooltip = page.page.wait_for_selector("div.vis-tooltip", state="visible", timeout=30_000)

    assert shipped.people.loc[person, "name"] in tooltip.inner_text()


def test_layer_filter_changes_what_is_shown(visit, graph_file, shipped):
    page = visit(graph_file)
    frame = ready(page.page)
    before = frame.evaluate("window.orgnetGraph.network.body.edgeIndices.length")

    page.page.select_option("#layer", "formal")
    page.page.wait_for_timeout(200)
    after = frame.evaluate("window.orgnetGraph.network.body.edgeIndices.length")

    assert before == len(shipped.ties)
    assert after == (shipped.ties["kind"] == "formal").sum()


def test_attribute_filter_and_search(visit, graph_file, shipped):
    page = visit(graph_file)
    ready(page.page)

    page.page.select_option("#attribute", "role")
    page.page.select_option("#value", "tr")
    page.page.wait_for_timeout(200)
    status = page.page.inner_text("#status")
    a_tr = shipped.people.index[shipped.people["role"] == "tr"][0]
    page.page.fill("#search", shipped.people.loc[a_tr, "name"])
    found_tr = page.page.inner_text("#found")
    page.page.fill("#search", shipped.people.loc["P0002", "name"])  # a leader, filtered out

    assert status.startswith(f"{(shipped.people['role'] == 'tr').sum()} ")
    assert found_tr != "no one found"
    assert page.page.inner_text("#found") == "no one found"


@pytest.fixture(scope="module")
def report_dir(shipped, tmp_path_factory):
    from orgnet.report import build_report

    folder = tmp_path_factory.mktemp("report")
    build_report(shipped, folder, lang="da")
    return folder


def test_report_opens_offline_with_the_graph(visit, report_dir, shipped):
    page = visit(report_dir / "index.html")
    frame = ready(page.page, embedded_graph(page.page))

    assert frame.evaluate("window.orgnetGraph.network.body.nodeIndices.length") == len(shipped.people)
    assert page.page.inner_text("h1") == "Netværksrapport"
    assert page.errors == []
    assert page.outside_requests() == []


def test_a_finding_link_opens_its_folded_flag_table(visit, report_dir):
    page = visit(report_dir / "index.html")

    assert page.page.evaluate("document.getElementById('flag-thin').open") is False
    page.page.locator('#findings li[data-finding="thin"] a').click()

    assert page.page.evaluate("document.getElementById('flag-thin').open") is True
    assert page.errors == []
    assert page.outside_requests() == []


# --- hostile names ---------------------------------------------------------------------------


@pytest.fixture(scope="module")
def hostile_folder(tmp_path_factory):
    folder = tmp_path_factory.mktemp("hostile")
    fields = ["id", "name", "organisation", "unit", "role", "level", "gender"]
    rows = [
        ["a", HOSTILE, HOSTILE, HOSTILE, "tr", HOSTILE, QUOTES],
        ["b", QUOTES, HOSTILE, HOSTILE, "employee", QUOTES, HOSTILE],
        ["c", "=HYPERLINK(\"http://x\")", QUOTES, QUOTES, "leader", "top", "@SUM(1)"],
        ["d", "+1-1", QUOTES, QUOTES, HOSTILE, "-2", "woman"],
    ]
    import csv

    with open(folder / "people.csv", "w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(fields)
        writer.writerows(rows)
    with open(folder / "ties.csv", "w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["source", "target", "relation", "kind"])
        writer.writerows([["a", "b", HOSTILE, "informal"], ["b", "c", QUOTES, "formal"], ["c", "a", "advice", "informal"], ["d", "a", HOSTILE, "formal"]])
    return folder


def _no_script_ran(page, frame=None):
    target = frame or page.page
    assert target.evaluate("window.__xss === undefined")
    assert page.dialogs == []


def test_hostile_names_run_no_script_in_the_graph(visit, hostile_folder, tmp_path):
    network = orgnet.read(hostile_folder)
    path = draw(graph_data(network, colour_by="level"), tmp_path / "graph.html", lang="en", size_by="degree")
    page = visit(path)
    frame = ready(page.page)

    labels = frame.evaluate("window.orgnetGraph.nodes.get().map(n => n.label)")
    for person in ("a", "b"):
        frame.evaluate("id => window.orgnetGraph.network.selectNodes([id])", person)

    _no_script_ran(page)
    assert HOSTILE in labels and QUOTES in labels  # shown as text, intact
    assert page.page.query_selector("img[src='x']") is None
    assert page.outside_requests() == []


def test_hostile_names_run_no_script_in_the_report(visit, hostile_folder, tmp_path):
    from orgnet.report import build_report

    build_report(orgnet.read(hostile_folder), tmp_path / "report", lang="en", k=3)
    page = visit(tmp_path / "report" / "index.html")
    frame = ready(page.page, embedded_graph(page.page))

    _no_script_ran(page)
    _no_script_ran(page, frame)
    assert page.page.query_selector("img[src='x']") is None
    assert HOSTILE in page.page.inner_text("body")
    assert page.outside_requests() == []


def test_hostile_names_are_no_formulas_in_the_workbook(hostile_folder, tmp_path):
    from orgnet.report import build_report

    build_report(orgnet.read(hostile_folder), tmp_path / "report", lang="en", k=3)
    workbook = openpyxl.load_workbook(tmp_path / "report" / "orgnet.xlsx")

    values = [cell for sheet in workbook for row in sheet.iter_rows() for cell in row if cell.value is not None]
    assert not [cell.coordinate for cell in values if cell.data_type == "f"]
    texts = [cell.value for cell in values if isinstance(cell.value, str)]
    assert not [text for text in texts if text.startswith(("=", "+", "-", "@"))]
    assert "'=HYPERLINK(\"http://x\")" in texts and "'+1-1" in texts and "'@SUM(1)" in texts
