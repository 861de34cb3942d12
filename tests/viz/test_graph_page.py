"""The graph page in Chromium, offline: "Show only" re-fits the view, a small graph is drawn whole
and clear of the legend, the menus and the legend show labels, not codes."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import orgnet
from orgnet.viz.graph import draw, graph_data

SHIPPED = Path(__file__).resolve().parents[2] / "datasets" / "skovbjerg"
CODES = re.compile(r"first_line|safety_rep|\bemployee\b|\bleader\b|\btop\b|\bmiddle\b|network_group|informal_external|\(missing\)|\\x00|\bwoman\b|\bhigh\b|\bmedium\b|\blow\b|\bnone\b")

# every shown person's dot, in page pixels, with the canvas and the legend
BOXES = """() => {
  const g = window.orgnetGraph.network, ids = window.orgnetGraph.nodeView.getIds();
  const positions = g.getPositions(ids), scale = g.getScale();
  const canvas = document.getElementById('network').getBoundingClientRect();
  const legend = document.getElementById('legend').getBoundingClientRect();
  const dots = ids.map(id => {
    const p = g.canvasToDOM(positions[id]), r = g.body.nodes[id].options.size * scale;
    return {id: id, left: canvas.left + p.x - r, right: canvas.left + p.x + r, top: canvas.top + p.y - r, bottom: canvas.top + p.y + r};
  });
  const box = r => ({left: r.left, right: r.right, top: r.top, bottom: r.bottom});
  return {scale: scale, dots: dots, canvas: box(canvas), legend: box(legend)};
}"""


def outside(dot, box) -> bool:
    return dot["left"] < box["left"] or dot["right"] > box["right"] or dot["top"] < box["top"] or dot["bottom"] > box["bottom"]


def overlaps(dot, box) -> bool:
    return dot["left"] < box["right"] and dot["right"] > box["left"] and dot["top"] < box["bottom"] and dot["bottom"] > box["top"]


def fitted(page, times: int = 1):
    page.wait_for_selector(f"body[data-fitted='{times}']", timeout=60_000)
    return page.evaluate(BOXES)


@pytest.fixture(scope="module")
def shipped():
    return orgnet.read(SHIPPED)


@pytest.fixture(scope="module")
def danish_page(shipped, tmp_path_factory):
    path = tmp_path_factory.mktemp("graph") / "graph.html"
    return draw(graph_data(shipped, colour_by="level", lang="da"), path)


def read_small(folder: Path, people: str, ties: str):
    """A network from people.csv and ties.csv written as given."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "people.csv").write_text(people, encoding="utf-8")
    (folder / "ties.csv").write_text(ties, encoding="utf-8")
    return orgnet.read(folder)


FIVE_PEOPLE = """id,name,organisation,role,level
a,Anna Holm,Skolen,leader,top
b,Bent Juhl,Skolen,employee,
c,Cecilie Krogh,Skolen,tr,
d,Dorte Lund,Klubben,leader,first_line
e,Erik Mørk,Klubben,employee,
"""
FIVE_TIES = """source,target,relation,kind
a,b,line,formal
b,c,kaffe-snak,informal
c,a,advice,informal
d,e,line,formal
a,d,network_group,formal
"""


@pytest.fixture(scope="module")
def five_people(tmp_path_factory):
    folder = tmp_path_factory.mktemp("five")
    network = read_small(folder / "data", FIVE_PEOPLE, FIVE_TIES)
    return draw(graph_data(network, colour_by="role", lang="da"), folder / "graph.html")


def test_show_only_an_organisation_fits_the_view_to_it(visit, danish_page, shipped):
    page = visit(danish_page)
    before = fitted(page.page)
    organisation = shipped.people["organisation"].value_counts().index[-1]  # a small one

    page.page.select_option("#attribute", "organisation")
    page.page.select_option("#value", organisation)
    after = fitted(page.page, 3)  # choosing the attribute fits once, the value once more

    assert len(after["dots"]) == (shipped.people["organisation"] == organisation).sum()
    assert after["scale"] > before["scale"] * 2  # zoomed in on the few shown
    assert [dot["id"] for dot in after["dots"] if outside(dot, after["canvas"])] == []
    assert page.errors == []
    assert page.outside_requests() == []


def test_everyone_again_fits_the_whole_network(visit, danish_page, shipped):
    page = visit(danish_page)
    first = fitted(page.page)
    page.page.select_option("#attribute", "organisation")
    page.page.select_option("#value", shipped.people["organisation"].iloc[0])
    fitted(page.page, 3)

    page.page.select_option("#attribute", "")
    again = fitted(page.page, 4)

    assert len(again["dots"]) == len(shipped.people)
    assert again["scale"] == pytest.approx(first["scale"], rel=0.05)
    assert [dot["id"] for dot in again["dots"] if outside(dot, again["canvas"])] == []


def test_a_small_graph_is_whole_and_clear_of_the_legend(visit, five_people):
    page = visit(five_people)
    view = fitted(page.page)

    assert len(view["dots"]) == 5
    assert [dot["id"] for dot in view["dots"] if outside(dot, view["canvas"])] == []
    assert [dot["id"] for dot in view["dots"] if overlaps(dot, view["legend"])] == []
    assert page.errors == []
    assert page.outside_requests() == []


def test_the_layout_stays_where_it_settled(visit, five_people):
    page = visit(five_people)
    fitted(page.page)
    before = page.page.evaluate("window.orgnetGraph.network.getPositions()")

    page.page.wait_for_timeout(500)

    assert page.page.evaluate("window.orgnetGraph.network.getPositions()") == before


def test_the_relation_menu_shows_labels(visit, five_people):
    page = visit(five_people)
    fitted(page.page)

    options = page.page.eval_on_selector_all("#layer option", "options => options.map(o => o.textContent)")

    assert options == [
        "alle forbindelser", "formelle forbindelser", "uformelle forbindelser", "interne forbindelser", "eksterne forbindelser",
        "formelle interne forbindelser", "uformelle interne forbindelser", "formelle eksterne forbindelser",
        "kaffe-snak", "ledelseslinje", "netværksgruppe", "råd",
    ]


def test_choosing_a_relation_shows_its_ties(visit, five_people):
    page = visit(five_people)
    fitted(page.page)

    page.page.select_option("#layer", "relation:line")
    page.page.wait_for_timeout(200)

    assert page.page.evaluate("window.orgnetGraph.network.body.edgeIndices.length") == 2


def test_the_danish_legend_and_menus_hold_no_code(visit, danish_page, five_people):
    texts = []
    for path in (danish_page, five_people):
        page = visit(path)
        fitted(page.page)
        page.page.select_option("#attribute", "level")
        texts += [page.page.inner_text("#legend"), page.page.inner_text("header")]
        texts += page.page.eval_on_selector_all("select option", "options => options.map(o => o.textContent)")

    assert [text for text in texts if CODES.search(text)] == []
    assert "afdelingsleder" in texts[0] and "(ikke angivet)" in texts[0]


def test_the_count_agrees_with_its_number(visit, five_people):
    page = visit(five_people)
    fitted(page.page)

    page.page.select_option("#attribute", "role")
    page.page.select_option("#value", "tr")
    one = page.page.inner_text("#status")
    page.page.select_option("#value", "leader")

    assert (one, page.page.inner_text("#status")) == ("1 person vist", "2 personer vist")
