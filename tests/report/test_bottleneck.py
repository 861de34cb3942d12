"""Hovedfund's bottleneck sentence says what removing the bottlenecks does: how many people are
cut off from the rest of the network, not that "the network falls apart"."""

from __future__ import annotations

import pytest

import orgnet
from orgnet.analysis import Analysis
from orgnet.flags.rules import load_rules
from orgnet.metrics.cohesion import cut_off
from orgnet.report.findings import main_findings

NBSP = "\u00a0"
CLIQUE = [f"a{i}" for i in range(1, 9)]


def network(write_folder, pendants: dict[str, list[str]]):
    """A clique a1…a8 (no cut point inside it) with people hanging on some of its members."""
    ties = [(a, b) for i, a in enumerate(CLIQUE) for b in CLIQUE[i + 1:]]
    ties += [(anchor, person) for anchor, people in pendants.items() for person in people]
    people = CLIQUE + [person for people in pendants.values() for person in people]
    return orgnet.read(write_folder(people="id\n" + "".join(f"{p}\n" for p in people),
                                    ties="source,target,relation\n" + "".join(f"{a},{b},advice\n" for a, b in ties)))


def bottleneck_sentence(net, lang="da", top_share=None) -> str:
    rules = load_rules({"bottleneck": {"top_share": top_share}}) if top_share else None
    return next(f.text for f in main_findings(Analysis(net, lang=lang, k=3, rules=rules)) if f.key == "bottleneck")


def test_each_bottleneck_cuts_off_one_person(write_folder):
    net = network(write_folder, {"a1": ["p1"], "a2": ["p2"]})

    assert bottleneck_sentence(net) == (
        f"2 af 10 personer er flaskehalse: skillepunkter blandt de 5{NBSP}% med højest mellemliggende centralitet. "
        "Hver af dem er eneste forbindelse til resten af netværket for én person: uden dem er i alt 2 personer afskåret."
    )
    assert bottleneck_sentence(net, "en") == (
        "2 of 10 people are bottlenecks: cut points among the 5% with the highest betweenness. "
        "Each of them is the only link to the rest of the network for one person: without them, 2 people are cut off in all."
    )


def test_one_bottleneck_cuts_off_many(write_folder):
    net = network(write_folder, {"a1": ["s1", "s2", "s3", "s4"]})

    assert bottleneck_sentence(net) == (
        f"1 af 12 personer er en flaskehals: et skillepunkt blandt de 5{NBSP}% med højest mellemliggende centralitet. "
        "Uden vedkommende er 4 personer afskåret fra resten af netværket."
    )


def test_one_of_several_cuts_off_many(write_folder):
    net = network(write_folder, {"a1": ["s1", "s2", "s3", "s4"], "a2": ["p2"]})

    # the top 20 % by betweenness: a1 (4 hang on it) and a2 (1 hangs on it)
    assert bottleneck_sentence(net, top_share=0.2) == (
        f"2 af 13 personer er flaskehalse: skillepunkter blandt de 20{NBSP}% med højest mellemliggende centralitet. "
        "Uden dem er 5 personer afskåret fra resten af netværket; én af dem afskærer alene 4 personer."
    )


def test_a_bottleneck_cutting_off_one_person_says_person(write_folder):
    net = network(write_folder, {"a1": ["p1"]})

    assert bottleneck_sentence(net).endswith("Uden vedkommende er 1 person afskåret fra resten af netværket.")
    assert bottleneck_sentence(net, "en").endswith("Without that person, 1 person is cut off from the rest of the network.")


@pytest.mark.parametrize(
    ("removed", "each", "together"),
    [
        (["c"], [2], 2),  # a–b–c–d–e: without c, a–b and d–e remain: the largest part stays, the other 2 are cut off
        (["b", "d"], [1, 1], 2),  # a, c and e end up alone: the largest "part" is one of them, two are cut off
        (["x"], [0], 0),  # a person apart from the path cuts off no one
    ],
)
def test_cut_off_counts_the_people_apart_from_the_largest_part(write_folder, removed, each, together):
    net = orgnet.read(write_folder(people="id\na\nb\nc\nd\ne\nx\ny\n", ties="source,target,relation\na,b,advice\nb,c,advice\nc,d,advice\nd,e,advice\nx,y,advice\n"))

    assert cut_off(Analysis(net).graph, removed) == (each, together)
