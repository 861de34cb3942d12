"""Profile pages: nothing about anyone else (canary strings), the figures against an independent
computation, Danish throughout with Danish number format, small peer groups not compared."""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import orgnet
from orgnet.analysis import Analysis
from orgnet.profiles.profile import write_profiles
from orgnet.suggestions.suggest import suggest_contacts
from orgnet.texts import catalogue
from tests.metrics.conftest import symmetrised
from tests.personal.conftest import make_network

SKOVBJERG = Path(__file__).resolve().parents[2] / "datasets" / "skovbjerg"
ATTRIBUTES = ("name", "organisation", "unit", "role", "gender", "note", "id")
SHOWN_OF_OTHERS = ("name", "organisation", "role")  # what a page may show of a contact or a suggestion


def canary(attribute: str, i: int) -> str:
    return f"{attribute.upper()}CANARY{i:02d}X"


@st.composite
def canary_networks(draw):
    """Everyone's every attribute a distinct canary (organisations shared by their members)."""
    n = draw(st.integers(3, 12))
    people = []
    for i in range(n):
        organisation = draw(st.integers(0, 2))
        role = draw(st.sampled_from(("leader", "leader", "tr", "other")))
        people.append(
            {
                "id": canary("id", i),
                "name": canary("name", i),
                "organisation": canary("organisation", organisation),
                "unit": canary("unit", i),
                "role": canary("role", i) if role == "other" else role,
                "level": draw(st.sampled_from(("top", "middle"))),
                "gender": canary("gender", i),
                "note": canary("note", i),
            }
        )
    pairs = st.tuples(st.integers(0, n - 1), st.integers(0, n - 1)).filter(lambda p: p[0] != p[1])
    arcs = draw(st.lists(pairs, min_size=1, max_size=3 * n))
    kinds = draw(st.lists(st.sampled_from(("formal", "informal")), min_size=len(arcs), max_size=len(arcs)))
    return make_network(people, arcs, kinds)


def tokens_of(people, person) -> dict[str, str]:
    return {attribute: (person if attribute == "id" else str(people.at[person, attribute])) for attribute in ATTRIBUTES}


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(canary_networks(), st.sampled_from(("da", "en")))
def test_no_page_shows_anything_of_anyone_but_her_contacts_names_organisations_and_roles(tmp_path_factory, network, lang):
    output = tmp_path_factory.mktemp("profiles")
    analysis = Analysis(network, lang=lang, k=3)
    people = network.people
    everyone = list(people.index)
    graph = symmetrised(network)
    suggested = suggest_contacts(network, everyone, n=3)

    written = write_profiles(analysis, output, persons=everyone)

    every_token = {token for person in everyone for token in tokens_of(people, person).values() if "CANARY" in token}
    for person in everyone:
        page = written.pages[person].read_text(encoding="utf-8")
        allowed = set(tokens_of(people, person).values())
        others = set(graph[person]) | set(suggested.loc[suggested["person"] == person, "suggested"])
        for other in others:
            allowed |= {tokens_of(people, other)[attribute] for attribute in SHOWN_OF_OTHERS}
        leaked = sorted(token for token in every_token - allowed if token in page)
        assert leaked == [], f"the page of {person} shows {leaked}"


def test_the_ego_drawing_carries_names_organisations_and_roles_only(tmp_path):
    network = orgnet.read(SKOVBJERG)
    written = write_profiles(Analysis(network), tmp_path, persons=["P0002"])

    page = written.pages["P0002"].read_text(encoding="utf-8")
    data = json.loads(re.search(r'<script type="application/json" id="ego-data">(.*?)</script>', page).group(1))

    assert {key for node in data["nodes"] for key in node} == {"id", "label", "x", "y", "color", "size", "info"}
    assert [node["id"] for node in data["nodes"]] == list(range(len(data["nodes"])))  # numbers, not the people's ids
    contact = network.people.loc[data["nodes"][1]["label"] == network.people["name"]].iloc[0]
    assert data["nodes"][1]["info"][:2] == [contact["name"], contact["organisation"]]
    assert len(data["nodes"]) == 1 + len(symmetrised(network)["P0002"])


@pytest.fixture(scope="module")
def danish(tmp_path_factory):
    network = orgnet.read(SKOVBJERG)
    analysis = Analysis(network, lang="da")
    output = tmp_path_factory.mktemp("da")
    return network, analysis, write_profiles(analysis, output, persons=["P0002", "P0001"])


def danish_number(value: float) -> str:
    return (f"{value:g}" if float(value).is_integer() else f"{value:.4f}".rstrip("0")).replace(".", ",")


def test_layer_figures_equal_an_independent_count_in_danish_format(danish):
    network, _, written = danish
    people = network.people
    graph = symmetrised(network)
    peers = people.index[(people["role"] == "leader") & (people["level"] == people.at["P0002", "level"])]
    degree = {p: graph.degree(p) for p in peers}
    mine = degree["P0002"]
    median = float(np.median(list(degree.values())))
    share = sum(value <= mine for value in degree.values()) / len(peers)

    page = written.pages["P0002"].read_text(encoding="utf-8")
    row = re.search(r'<td>alle kontakter</td><td class="num">(.*?)</td><td class="num">(.*?)</td><td class="num">(.*?)</td>', page)

    assert row.groups() == (str(mine), danish_number(median), f"{round(share * 100)}\xa0%")
    assert f"Sammenlignet med {len(peers)} ledere på afdelingsniveau." in page


def test_the_page_is_danish_throughout(danish):
    _, _, written = danish
    page = written.pages["P0002"].read_text(encoding="utf-8")
    visible = re.sub(r"<[^>]*>", " ", re.sub(r"<(script|style)[^>]*>.*?</\1>", "", page, flags=re.S))
    danish_words, english_words = catalogue("da"), catalogue("en")
    english = [
        text.split("{")[0].strip()
        for key, entry in english_words.items()
        if key.startswith(("profile.", "flag.", "suggest.")) and entry != danish_words[key]
        for text in (entry.values() if isinstance(entry, dict) else [entry])
    ]

    assert [text for text in english if len(text) > 6 and text in visible] == []
    assert "Du har ingen uformelle kontakter uden for din arbejdsplads — det gælder 41 % af lederne i LederPejling." in page
    assert '<html lang="da">' in page
    assert re.search(r"din begrænsning falder fra \d,\d\d til \d,\d\d", page)


def test_suggestions_on_the_page_are_the_suggest_commands(danish):
    network, analysis, written = danish
    table = suggest_contacts(network, ["P0002"], n=3, lang="da", graph=analysis.graph)
    page = written.pages["P0002"].read_text(encoding="utf-8")

    shown = re.findall(r"<tr><td>([^<]*)</td><td>[^<]*</td><td>([^<]*)</td></tr>", page.split('id="suggested"')[1].split("</table>")[0])

    assert shown == list(zip(table["suggested_name"], table["reason"]))


def test_a_peer_group_under_k_is_not_compared(tmp_path):
    network = orgnet.read(SKOVBJERG)
    analysis = Analysis(network, where=["role=leader", "organisation=Specialbørnehaven Mågeøen"], lang="en", k=5)

    written = write_profiles(analysis, tmp_path)

    page = written.pages["P0002"].read_text(encoding="utf-8")
    assert "Your peer group (leaders at department level) has fewer than 5 people, so no comparison is shown." in page
    assert "median of peers" not in page


def test_the_index_links_every_page_and_the_policy_forbids_every_request(danish):
    _, _, written = danish
    index = written.index.read_text(encoding="utf-8")
    page = written.pages["P0001"].read_text(encoding="utf-8")
    nonce = re.search(r"script-src 'nonce-([^']+)'", page).group(1)

    assert re.findall(r'<a href="([^"]+)">', index) == ["P0002.html", "P0001.html"]
    assert "default-src 'none'" in page
    assert re.findall(r"<script nonce=\"([^\"]+)\">", page) == [nonce, nonce]


def test_a_long_id_gets_a_bounded_name_with_a_hash(tmp_path):
    long_latin, long_danish = "a" * 300, "ø" * 300
    people = [{"id": long_latin, "name": "x", "role": "leader"}, {"id": long_danish, "name": "y", "role": "leader"},
              {"id": "a" * 299 + "b", "name": "z", "role": "leader"}, {"id": "CON", "name": "w", "role": "leader"}]
    network = make_network(people, [(0, 1), (1, 2)])

    written = write_profiles(Analysis(network), tmp_path)
    names = {person: path.name for person, path in written.pages.items()}
    index = written.index.read_text(encoding="utf-8")

    def digest(text: str) -> str:
        return hashlib.sha256(text.encode("utf-8")).hexdigest()[:12]

    assert names == {
        long_latin: f"{'a' * 100}-{digest(long_latin)}.html",
        long_danish: f"{'ø' * 50}-{digest(long_danish)}.html",  # 100 bytes of UTF-8
        "a" * 299 + "b": f"{'a' * 100}-{digest('a' * 299 + 'b')}.html",  # the same first 100, another hash
        "CON": "_CON.html",  # a name Windows reserves
    }
    assert all(len(name.encode("utf-8")) <= 130 for name in names.values())
    assert all(path.exists() for path in written.pages.values())
    assert re.findall(r'<a href="([^"]+)">', index) == list(names.values())


def test_file_names_are_safe_and_distinct(tmp_path):
    people = [{"id": "a/b", "name": "x", "role": "leader"}, {"id": "a?b", "name": "y", "role": "leader"}, {"id": "index", "name": "z", "role": "leader"}]
    network = make_network(people, [(0, 1)])

    written = write_profiles(Analysis(network), tmp_path)

    assert {person: path.name for person, path in written.pages.items()} == {"a/b": "a_b.html", "a?b": "a_b-2.html", "index": "index-2.html"}


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("da", "uden dig ville 4 personer være afskåret fra resten"),
        ("en", "without you, 4 people would be cut off from the rest"),
    ],
)
def test_a_bottleneck_is_told_how_many_people_depend_on_her(tmp_path, lang, expected):
    # H holds four people (a star) and is tied to everyone of a clique of 30: removing her cuts off
    # exactly the four, and no one else is a cut point
    people = [{"id": "H", "name": "Hub", "role": "leader"}] + [{"id": f"S{i}", "role": "leader"} for i in range(4)]
    people += [{"id": f"C{i}", "role": "leader"} for i in range(30)]
    clique = [(5 + i, 5 + j) for i in range(30) for j in range(i + 1, 30)]
    arcs = [(0, 1 + i) for i in range(4)] + [(0, 5 + i) for i in range(30)] + clique
    analysis = Analysis(make_network(people, arcs), lang=lang)
    assert "H" in set(analysis.flags.loc[analysis.flags["flag"] == "bottleneck", "id"])

    written = write_profiles(analysis, tmp_path, persons=["H"])

    assert expected in written.pages["H"].read_text(encoding="utf-8")
