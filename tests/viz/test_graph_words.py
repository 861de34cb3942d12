"""The graph page's words without a browser: rendered in Danish on the shipped municipality and on
data with attributes and relations orgnet does not know, every text the reader sees (the page and
the words its script writes) holds no code, no English word, no "1 <plural>"."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

import orgnet
from orgnet.viz.graph import graph_data
from orgnet.viz.interactive import render_graph_html
from tests.viz.test_graph_page import read_small

SHIPPED = Path(__file__).resolve().parents[2] / "datasets" / "skovbjerg"

# orgnet's codes a reader must never see
CODES = (
    "first_line", "safety_rep", "employee", "leader", "top", "middle", "woman", "network_group", "friendship", "advice",
    "informal_external", "informal+external", "no_informal_external", "weak_bagland", "(missing)", "most severe flag",
    "degree", "betweenness", "ei_index", "community", "high", "medium", "low", "none", "other",
)
# English words that would give away an untranslated text in Danish
ENGLISH = (
    "people", "person shown", "shown", "ties", "contacts", "legend", "search", "everyone", "show only", "not given",
    "level", "role", "unit", "size", "found", "solid line", "dashed", "internal", "external", "formal", "informal",
    "flags", "the network", "steps", "within", "hover", "made with",
)
ONE_PLURAL = re.compile(r"(?<![\d.,])1 (personer|kontakter|forbindelser|ledere|medarbejdere)\b")

UNKNOWN_PEOPLE = """id,name,organisation,afdeling,role,level,fagforening
p1,Aase Bæk,Rådhuset,Løn,pædagog,øverst,BUPL
p2,Bo Dahl,Rådhuset,Løn,leader,top,FOA
p3,Carl Eg,Værket,Drift,kok,,BUPL
p4,Dina Fog,Værket,Drift,employee,,
p5,Ejner Gram,Værket,Drift,kok,,FOA
"""
UNKNOWN_TIES = """source,target,relation,kind
p1,p2,kaffepause,informal
p2,p3,styregruppe,formal
p3,p4,kaffepause,informal
p5,p2,styregruppe,formal
"""


class Words(HTMLParser):
    """The text a reader sees on the page: element text and the attributes a browser shows."""

    def __init__(self):
        super().__init__()
        self.texts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style"):
            self._skip += 1
        self.texts += [value for name, value in attrs if name in ("aria-label", "title", "placeholder") and value]

    def handle_endtag(self, tag):
        if tag in ("script", "style"):
            self._skip -= 1

    def handle_data(self, data):
        if not self._skip and data.strip():
            self.texts.append(data.strip())


def seen_texts(page: str) -> list[str]:
    """The page's visible texts and those its script writes: tooltips, counts, value menus."""
    parser = Words()
    parser.feed(page)
    data = json.loads(re.search(r'<script type="application/json" id="graph-data">(.*?)</script>', page, re.S).group(1))
    texts = [*parser.texts, data["legendTitle"], data["sizeNote"], data["title"], data["texts"]["no_match"], data["texts"]["flags"]]
    for entry in ("shown", "found"):
        texts += [form.replace("{n}", "1" if category == "one" else "2") for category, form in data["texts"][entry].items()]
    for menu in data["filters"].values():
        texts += [menu["label"], *(word for _, word in menu["values"])]
    for node in data["nodes"]:
        texts += [node["info"]["id"].split(": ")[0], *(f"{label}: {value}" for label, value in node["info"]["rows"])]
        texts += [name for name, _ in node["info"]["flags"]]
    return texts


def problems(texts: list[str], own_words: set[str] = frozenset()) -> dict[str, list[str]]:
    def has(text, word):
        return re.search(rf"(?<![\w+:(]){re.escape(word)}(?![\w+)])", text, re.I) and text not in own_words

    return {
        "codes": sorted({text for text in texts for code in CODES if has(text, code)}),
        "english": sorted({text for text in texts for word in ENGLISH if has(text, word)}),
        "one_plural": sorted({text for text in texts if ONE_PLURAL.search(text)}),
    }


@pytest.fixture(scope="module")
def shipped():
    return orgnet.read(SHIPPED)


@pytest.fixture(scope="module")
def unknown(tmp_path_factory):
    return read_small(tmp_path_factory.mktemp("unknown"), UNKNOWN_PEOPLE, UNKNOWN_TIES)


@pytest.mark.parametrize("colour_by", [None, "level", "role", "flag", "community", "gender"])
def test_the_danish_page_on_the_shipped_data_holds_only_danish_words(shipped, colour_by):
    page = render_graph_html(graph_data(shipped, colour_by=colour_by, lang="da"))

    assert problems(seen_texts(page)) == {"codes": [], "english": [], "one_plural": []}


def test_the_danish_page_of_one_layer_and_one_person(shipped):
    ego = render_graph_html(graph_data(shipped, ego="P0001", radius=1, lang="da"))
    layer = render_graph_html(graph_data(shipped, layer="informal+external", lang="da"))

    assert "<h1>Pernille Møller og alle inden for 1 skridt</h1>" in ego
    assert "<h1>Netværket: uformelle eksterne forbindelser</h1>" in layer
    assert problems(seen_texts(ego) + seen_texts(layer)) == {"codes": [], "english": [], "one_plural": []}


def test_the_danish_page_on_unknown_attributes_keeps_her_words(unknown):
    page = render_graph_html(graph_data(unknown, colour_by="fagforening", lang="da"))
    texts = seen_texts(page)

    assert problems(texts) == {"codes": [], "english": [], "one_plural": []}
    legend = re.search(r'<aside id="legend".*?</aside>', page, re.S).group(0)
    assert '<div class="legend-head">fagforening</div>' in legend
    assert sorted(re.findall(r'<span class="swatch"[^>]*></span>([^<]+)</div>', legend)) == ["(ikke angivet)", "BUPL", "FOA"]
    layers = re.findall(r'<option value="([^"]*)">([^<]*)</option>', re.search(r'<select id="layer">.*?</select>', page, re.S).group(0))
    assert layers[-2:] == [("relation:kaffepause", "kaffepause"), ("relation:styregruppe", "styregruppe")]
    assert "rolle: pædagog" in texts and "niveau: øverst" in texts and "rolle: medarbejder" in texts and "rolle: leder" in texts


@pytest.mark.parametrize(
    ("lang", "level_words"),
    [("da", ["(ikke angivet)", "afdelingsleder", "topleder", "mellemleder"]), ("en", ["(not given)", "department leader", "top leader", "middle manager"])],
)
def test_the_legend_names_the_levels(shipped, lang, level_words):
    drawing = graph_data(shipped, colour_by="level", lang=lang)

    assert [label for label, _ in drawing.legend] == level_words


def test_the_tooltip_numbers_are_written_the_danish_way(shipped):
    drawing = graph_data(shipped, lang="da")
    rows = dict(drawing.nodes[0]["info"]["rows"])

    assert rows["mellemliggende centralitet"] == "0,027"
    assert rows["kontakter"] == "28"


def test_the_page_is_in_the_page_frame(shipped):
    page = render_graph_html(graph_data(shipped, lang="da"), nonce="shared-nonce")

    assert '<html lang="da">' in page
    assert '<p class="confidential" id="confidential">Fortroligt:' in page
    assert "script-src 'nonce-shared-nonce'" in page and page.count('<script nonce="shared-nonce">') == 2
    assert '<footer class="note page-footer" id="footer">Lavet med orgnet' in page


@pytest.mark.parametrize(
    ("lang", "args", "expected"),
    [
        ("da", [], "skrev 5 personer og 4 forbindelser til"),
        ("da", ["--layer", "styregruppe"], "udelod 2 personer uden forbindelser i laget styregruppe (--keep-unconnected tegner dem)"),
        ("da", ["--layer", "kaffepause"], "udelod 1 person uden forbindelser i laget kaffepause (--keep-unconnected tegner dem)"),
        ("en", ["--layer", "kaffepause"], "left out 1 person with no tie in layer kaffepause (--keep-unconnected draws them)"),
    ],
    ids=["wrote", "left-out", "left-out-one-da", "left-out-one-en"],
)
def test_what_the_command_prints(run_cli, tmp_path, unknown, lang, args, expected):
    folder = tmp_path / "data"
    read_small(folder, UNKNOWN_PEOPLE, UNKNOWN_TIES)

    result = run_cli("graph", folder, "-o", tmp_path / "g.html", "--lang", lang, *args)

    assert result.exit_code == 0, result.output
    assert expected in result.output
