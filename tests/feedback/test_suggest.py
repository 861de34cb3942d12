"""Suggested contacts against a brute force (add each candidate tie, recompute constraint with
networkx, count reach with a breadth-first search, rank), the candidate rules, the reasons, and
the skovbjerg acceptance: accepting each first suggestion clears every no_informal_external flag."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import networkx as nx
import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings

import orgnet
from orgnet.analysis import Analysis
from orgnet.errors import InputError, OrgnetError
from orgnet.feedback.suggest import suggest_contacts
from orgnet.metrics import compute_all
from orgnet.model import scope_of_ties
from tests.feedback.conftest import make_network, role_networks
from tests.metrics.conftest import symmetrised

SKOVBJERG = Path(__file__).resolve().parents[2] / "datasets" / "skovbjerg"
ORDER = {"top": 0, "middle": 1, "first_line": 2}


def valued_constraint(strengths: np.ndarray, i: int) -> float:
    """Burt's constraint of i from the mutual strengths s_ij = z_ij + z_ji, term by term."""
    totals = strengths.sum(axis=1)
    p = np.divide(strengths, totals[:, None], out=np.zeros_like(strengths), where=totals[:, None] > 0)
    contacts = [j for j in range(len(strengths)) if j != i and strengths[i, j] > 0]
    return sum((p[i, j] + sum(p[i, q] * p[q, j] for q in range(len(strengths)) if q not in (i, j))) ** 2 for j in contacts)


def mutual_strengths(network) -> np.ndarray:
    """s_ij = z_ij + z_ji, z the summed weights of the ties i reported to j."""
    index = {person: k for k, person in enumerate(network.people.index)}
    z = np.zeros((len(index), len(index)))
    for source, target, weight in zip(network.ties["source"], network.ties["target"], network.ties["weight"]):
        z[index[source], index[target]] += weight
    return z + z.T


def brute_force(network, ego: str, n: int, any_level: bool = False) -> list[dict]:
    """Every candidate scored the slow way, ranked by the issue's order.

    Constraint is Burt's on the directed, valued ties (whole-network model); the added tie gets
    the median mutual strength of the existing ties, as the suggestions assume.
    """
    graph = symmetrised(network)
    strengths = mutual_strengths(network)
    new_strength = float(np.median(strengths[strengths > 0])) if (strengths > 0).any() else 1.0
    people = network.people
    position = {person: i for i, person in enumerate(people.index)}
    ties = network.ties
    informal_external = ties[(ties["kind"] == "informal") & (ties["scope"] == "external")]
    lacks = ego not in set(informal_external["source"]) | set(informal_external["target"])
    before = set(nx.single_source_shortest_path_length(graph, ego, cutoff=2))
    scored = []
    for c in people.index:
        if c == ego or graph.has_edge(ego, c) or people.at[c, "role"] != people.at[ego, "role"]:
            continue
        if not any_level and abs(ORDER[people.at[c, "level"]] - ORDER[people.at[ego, "level"]]) > 1:
            continue
        added = graph.copy()
        added.add_edge(ego, c)
        with_tie = strengths.copy()
        with_tie[position[ego], position[c]] = with_tie[position[c], position[ego]] = new_strength
        after = valued_constraint(with_tie, position[ego])
        newly = set(nx.single_source_shortest_path_length(added, ego, cutoff=2)) - before
        priority = lacks and people.at[c, "organisation"] != people.at[ego, "organisation"] and people.at[c, "role"] == "leader"
        scored.append(
            {
                "suggested": c, "constraint_after": after, "newly_reached": len(newly),
                "newly_reached_peers": sum(people.at[p, "role"] == people.at[ego, "role"] for p in newly),
                "key": (not priority, round(after, 10), -len(newly), position[c]),
            }
        )
    return sorted(scored, key=lambda row: row["key"])[:n]


@settings(max_examples=60, deadline=None)
@given(role_networks())
def test_top_n_equals_the_brute_force(network):
    table = suggest_contacts(network, n=3)

    for ego in network.people.index:
        expected = brute_force(network, ego, 3)
        got = table[table["person"] == ego]
        assert got["suggested"].tolist() == [row["suggested"] for row in expected]
        assert got["rank"].tolist() == list(range(1, len(expected) + 1))
        assert got["constraint_after"].tolist() == pytest.approx([row["constraint_after"] for row in expected], abs=1e-12)
        assert got["newly_reached"].tolist() == [row["newly_reached"] for row in expected]
        assert got["newly_reached_peers"].tolist() == [row["newly_reached_peers"] for row in expected]


@settings(max_examples=30, deadline=None)
@given(role_networks())
def test_any_level_equals_the_brute_force(network):
    table = suggest_contacts(network, n=2, any_level=True)

    for ego in network.people.index:
        assert table.loc[table["person"] == ego, "suggested"].tolist() == [row["suggested"] for row in brute_force(network, ego, 2, any_level=True)]


@pytest.fixture
def office():
    """a (top) tied to b; c, d, e, f leaders at other levels or organisations; t a TR."""
    people = [
        {"id": "a", "name": "Anne", "organisation": "Åløkke", "role": "leader", "level": "top"},
        {"id": "b", "name": "Bo", "organisation": "Åløkke", "role": "leader", "level": "top"},
        {"id": "c", "name": "Cæcilie", "organisation": "Bøgely", "role": "leader", "level": "middle"},
        {"id": "d", "name": "Dorte", "organisation": "Bøgely", "role": "leader", "level": "first_line"},
        {"id": "e", "name": "Erik", "organisation": "Åløkke", "role": "leader", "level": "top"},
        {"id": "f", "name": "Frida", "organisation": "Cedertræet", "role": "leader", "level": "top"},
        {"id": "t", "name": "Tove", "organisation": "Bøgely", "role": "tr", "level": "top"},
    ]
    return make_network(people, [(0, 1), (1, 4), (2, 3), (5, 2), (6, 5)], ["formal", "informal", "informal", "informal", "informal"])


def test_never_herself_a_tie_another_role_or_a_level_two_steps_away(office):
    table = suggest_contacts(office, ["a"], n=10)

    assert sorted(table["suggested"]) == ["c", "e", "f"]  # not a, b (tied), d (two levels down), t (a TR)


def test_a_leader_without_informal_external_contact_gets_one_in_another_organisation_first(office):
    table = suggest_contacts(office, ["a"], n=10)

    assert table["suggested"].tolist()[:2] == ["f", "c"] or table["suggested"].tolist()[:2] == ["c", "f"]
    assert table["other_organisation"].tolist()[:2] == [True, True]
    assert table["suggested"].tolist()[2] == "e"


@pytest.mark.parametrize("column", ["responded", "available"])
@pytest.mark.parametrize("no", ["no", "nej", "False", "0"])
def test_non_respondents_and_unavailable_people_are_not_suggested(office, column, no):
    people = office.people.assign(**{column: ["yes", "", "yes", "yes", "ja", no, "1"]})
    network = replace(office, people=people)

    table = suggest_contacts(network, ["a"], n=10)

    assert sorted(table["suggested"]) == ["c", "e"]


def test_an_unreadable_availability_is_refused_by_person_and_value(office):
    network = replace(office, people=office.people.assign(available=["yes", "maybe", "", "", "", "", ""]))

    with pytest.raises(InputError) as error:
        suggest_contacts(network, ["a"])

    assert str(error.value) == "1 problem in the input:\n  - people, column 'available': person 'b' has available 'maybe'; write yes or no (ja/nej, true/false, 1/0)"


def test_an_unknown_person_is_refused(office):
    with pytest.raises(OrgnetError, match="^no person with id 'zz'$"):
        suggest_contacts(office, ["zz"])


def test_fewer_candidates_than_n_are_named_in_the_metadata(office):
    table = suggest_contacts(office, ["a", "t"], n=3)

    assert table.attrs["orgnet"]["fewer_than_n"] == ["t"]  # a has exactly 3; the TR t has none


def test_the_reason_cites_organisation_reach_and_constraint_in_danish(office):
    table = suggest_contacts(office, ["a"], n=1, lang="da")
    row = table.iloc[0]
    before = f"{row['constraint_before']:.2f}".replace(".", ",")
    after = f"{row['constraint_after']:.2f}".replace(".", ",")

    assert row["reason"] == (
        f"Leder på {row['suggested_organisation']} (anden organisation); forbinder dig med {row['newly_reached_peers']} ledere "
        f"({row['newly_reached']} personer i alt), du ikke når i dag; din constraint falder fra {before} til {after}"
    )


def test_the_reason_in_english_for_an_isolate(office):
    network = replace(office, ties=office.ties[~office.ties["source"].eq("a") & ~office.ties["target"].eq("a")].reset_index(drop=True))

    row = suggest_contacts(network, ["a"], n=1).iloc[0]

    assert row["reason"].endswith("; your first contact (constraint 1.00)")


# --- skovbjerg: the acceptance on real-sized data ----------------------------------------------


@pytest.fixture(scope="module")
def skovbjerg():
    return Analysis(orgnet.read(SKOVBJERG))


def test_skovbjerg_constraint_before_is_the_metrics_constraint(skovbjerg):
    """Suggestions use Burt's whole-network model on the directed, valued ties."""
    table = suggest_contacts(skovbjerg.network, n=1, graph=skovbjerg.graph)

    whole = compute_all(skovbjerg.network, holes="whole", paths=False)
    expected = whole["constraint"].reindex(table["person"]).to_numpy()
    assert table["constraint_before"].to_numpy() == pytest.approx(expected, nan_ok=True, abs=1e-12)


def test_accepting_each_first_suggestion_clears_every_no_informal_external_flag(skovbjerg):
    flags = skovbjerg.flags
    flagged = flags.loc[flags["flag"] == "no_informal_external", "id"].tolist()
    first = suggest_contacts(skovbjerg.network, flagged, n=1, graph=skovbjerg.graph)
    network = skovbjerg.network
    new = pd.DataFrame({"source": first["person"], "target": first["suggested"], "relation": "network", "kind": "informal", "weight": 1.0, "reports": 1})
    new["scope"] = scope_of_ties(network.people, new)
    accepted = replace(network, ties=pd.concat([network.ties, new], ignore_index=True))

    after = Analysis(accepted).flags

    assert len(flagged) > 20
    assert first["person"].tolist() == flagged
    assert set(after.loc[after["flag"] == "no_informal_external", "id"]) & set(flagged) == set()
