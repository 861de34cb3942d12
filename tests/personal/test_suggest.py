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
from hypothesis import strategies as st

import orgnet
from orgnet.analysis import Analysis
from orgnet.errors import InputError, OrgnetError
from orgnet.metrics import compute_all
from orgnet.model import scope_of_ties
from orgnet.suggestions.suggest import suggest_contacts
from tests.metrics.conftest import symmetrised
from tests.personal.conftest import make_network, role_networks

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
    table = suggest_contacts(network, n=3, max_per_person=None)

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
    table = suggest_contacts(network, n=2, any_level=True, max_per_person=None)

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
        f"({row['newly_reached']} personer i alt), du ikke når i dag; din begrænsning falder fra {before} til {after}"
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


def accepted_first(skovbjerg, table: pd.DataFrame) -> pd.DataFrame:
    """The flags after every person in ``table`` accepts her first suggestion (one informal tie)."""
    first = table[table["rank"] == 1]
    network = skovbjerg.network
    new = pd.DataFrame({"source": first["person"], "target": first["suggested"], "relation": "network", "kind": "informal", "weight": 1.0, "reports": 1})
    new["scope"] = scope_of_ties(network.people, new)
    return Analysis(replace(network, ties=pd.concat([network.ties, new], ignore_index=True))).flags


@pytest.mark.parametrize(
    "limit, most_first, distinct_first",
    [(None, 57, 10), (5, 5, 27)],
    ids=["no-limit", "default-limit-5"],
)
def test_accepting_each_first_suggestion_clears_every_no_informal_external_flag(skovbjerg, limit, most_first, distinct_first):
    """With and without the limit per suggested person; the limit spreads the first suggestions
    (57 of 100 on one leader without it) and still clears every flag."""
    flags = skovbjerg.flags
    flagged = flags.loc[flags["flag"] == "no_informal_external", "id"].tolist()
    first = suggest_contacts(skovbjerg.network, flagged, n=1, graph=skovbjerg.graph, max_per_person=limit)

    after = accepted_first(skovbjerg, first)

    assert len(flagged) == 100
    assert first["person"].tolist() == flagged
    assert first["suggested"].value_counts().max() == most_first
    assert first["suggested"].nunique() == distinct_first
    assert set(after.loc[after["flag"] == "no_informal_external", "id"]) & set(flagged) == set()


def test_the_command_line_default_also_clears_every_flag_when_each_first_is_accepted(skovbjerg):
    """What `orgnet suggest DATA` gives (every flagged leader, 3 each, at most 5 per suggested
    person): the first suggestion of each of the 100 flagged no_informal_external clears it."""
    from orgnet.cli.personal import flagged_leaders

    flags = skovbjerg.flags
    flagged = flags.loc[flags["flag"] == "no_informal_external", "id"].tolist()
    table = suggest_contacts(skovbjerg.network, flagged_leaders(skovbjerg), n=3, graph=skovbjerg.graph)

    after = accepted_first(skovbjerg, table)

    assert table["suggested"].value_counts().max() == 5
    assert set(after.loc[after["flag"] == "no_informal_external", "id"]) & set(flagged) == set()


# --- the limit per suggested person ----------------------------------------------------------


@pytest.fixture
def hub():
    """Four leaders of Åløkke (a1–a4) with no tie; h, a leader of Bøgely, knows five others
    there (b1–b5), so h is everyone's first suggestion; g of Cedertræet knows one."""
    people = [{"id": f"a{i}", "name": f"A{i}", "organisation": "Åløkke", "role": "leader", "level": "top"} for i in range(1, 5)]
    people += [{"id": "h", "name": "Hanne", "organisation": "Bøgely", "role": "leader", "level": "top"}]
    people += [{"id": f"b{i}", "name": f"B{i}", "organisation": "Bøgely", "role": "employee", "level": "top"} for i in range(1, 6)]
    people += [{"id": "g", "name": "Gorm", "organisation": "Cedertræet", "role": "leader", "level": "top"},
               {"id": "c1", "name": "C1", "organisation": "Cedertræet", "role": "employee", "level": "top"}]
    arcs = [(4, 5 + i) for i in range(5)] + [(10, 11)]
    return make_network(people, arcs)


def test_the_limit_gives_a_contested_contact_to_those_she_helps_most_and_says_so(hub):
    table = suggest_contacts(hub, ["a1", "a2", "a3", "a4"], n=1, max_per_person=2)
    unlimited = suggest_contacts(hub, ["a1", "a2", "a3", "a4"], n=1, max_per_person=None)

    assert unlimited["suggested"].tolist() == ["h", "h", "h", "h"]
    # all four gain the same from h (same constraint drop, 6 people newly reached): the earlier ones keep her
    assert table["suggested"].tolist() == ["h", "h", "g", "g"]
    assert table["capped"].tolist() == [False, False, True, True]
    assert table["instead_of"].fillna("").tolist() == ["", "", "h", "h"]
    assert table.attrs["orgnet"]["max_per_person"] == 2
    assert table.attrs["orgnet"]["changed_by_cap"] == 2
    assert table.attrs["orgnet"]["most_suggested_to_one"] == 2


def test_the_limit_leaves_people_short_rather_than_break_it(hub):
    table = suggest_contacts(hub, ["a1", "a2", "a3", "a4"], n=3, max_per_person=1)

    assert table["suggested"].value_counts().max() == 1
    assert table.attrs["orgnet"]["fewer_than_n"] == ["a1", "a2", "a3", "a4"]  # 3 other leaders for 12 places


@pytest.mark.parametrize("limit", [-1, 2.5, "5", True])
def test_a_limit_that_is_not_a_whole_number_is_refused(hub, limit):
    with pytest.raises(OrgnetError) as error:
        suggest_contacts(hub, ["a1"], max_per_person=limit)

    assert str(error.value) == f"--max-per-person {limit}: write a whole number of at least 1, or 0 or none for no limit"


@settings(max_examples=60, deadline=None)
@given(role_networks(), st.integers(1, 4), st.integers(1, 3))
def test_the_limit_holds_and_changes_only_what_it_must(network, limit, n):
    table = suggest_contacts(network, n=n, max_per_person=limit)
    unlimited = suggest_contacts(network, n=n, max_per_person=None)
    wide = suggest_contacts(network, n=4 * len(network.people), max_per_person=None)

    assert table["suggested"].value_counts().max() <= limit if len(table) else True
    load = table["suggested"].value_counts()
    for ego in network.people.index:
        mine = table[table["person"] == ego]
        first_n = unlimited.loc[unlimited["person"] == ego, "suggested"].tolist()
        assert mine["rank"].tolist() == list(range(1, len(mine) + 1))
        assert mine["suggested"].is_unique
        # a suggestion is marked capped exactly when it is not among her first n without the limit
        assert mine["capped"].tolist() == [s not in first_n for s in mine["suggested"]]
        missing = [s for s in first_n if s not in set(mine["suggested"])]
        assert mine.loc[mine["capped"], "instead_of"].tolist() == missing[: int(mine["capped"].sum())]
        # she is short of n only when every candidate she did not get is full
        if len(mine) < n:
            others = set(wide.loc[wide["person"] == ego, "suggested"]) - set(mine["suggested"])
            assert all(load.get(c, 0) == limit for c in others)
    if len(network.people) * n <= limit:  # the limit cannot bind
        assert table.drop(columns=["capped", "instead_of"]).equals(unlimited.drop(columns=["capped", "instead_of"]))
