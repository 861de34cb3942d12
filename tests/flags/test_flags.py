"""Each flag on a hand-made workplace, with the expected people worked out by hand.

Symmetrised contacts: L1 6 (L2, L3, T, O1, O2, T3), L2 6, T 3, E1 2, O1 2, E2 E3 O2 L3 T2 C1 T3 1,
ISO 0. The main biconnected block is {L1, L2, O1, T, E1}; E2 and E3 hang on L2; O2, L3 and T3
hang on L1; T2–C1 is a component of its own. T reaches 1 of his 4 unit colleagues (E1 of E1,
E2, E3, ISO); T2 reaches his only colleague; T3 has none. Organisation Z and W have no leaders.
"""

from __future__ import annotations

import networkx as nx
import numpy as np
import pandas as pd
import pytest

from orgnet.errors import InputError, OrgnetError
from orgnet.flags import bagland, flag_people, load_rules
from orgnet.generate import generate_municipality
from orgnet.io.tables import RawTable, build_network
from orgnet.metrics import compute_all
from tests.metrics.conftest import make_network


def flagged(table: pd.DataFrame, flag: str) -> set[str]:
    return set(table.loc[table["flag"] == flag, "id"])


@pytest.fixture
def flags(workplace):
    return flag_people(workplace)


def test_isolated(flags):
    assert flagged(flags, "isolated") == {"ISO"}


def test_thin_below_floor_of_three_but_not_at_three(flags):
    assert flagged(flags, "thin") == {"E1", "E2", "E3", "O1", "O2", "L3", "T2", "C1", "T3"}  # T has exactly 3


def test_thin_floor_can_be_lowered(workplace):
    table = flag_people(workplace, rules=load_rules({"thin": {"floor": 2}}))

    assert flagged(table, "thin") == {"E2", "E3", "O2", "L3", "T2", "C1", "T3"}  # E1 and O1 have 2


def test_no_internal_for_people_with_only_external_ties(flags):
    assert flagged(flags, "no_internal") == {"O1", "O2"}  # T3 is the only person of W


def test_no_external_only_for_leaders(flags):
    assert flagged(flags, "no_external") == {"L3"}


def test_no_informal_external(flags):
    assert flagged(flags, "no_informal_external") == {"L2", "L3"}  # L2's only outside tie is a committee


def test_single_bridge_names_the_bridge(flags):
    rows = flags[flags["flag"] == "single_bridge"].set_index("id")

    assert rows["value"].to_dict() == {"E2": "L2", "E3": "L2", "O2": "L1", "L3": "L1", "T3": "L1"}
    assert rows.loc["E2", "reason"] == "Every path to the rest of the network runs through one person: Søren Bøg (L2)."


def test_bottleneck_is_a_cut_point_in_the_top_betweenness(workplace, flags):
    graph = nx.Graph()
    graph.add_nodes_from(workplace.people.index)
    graph.add_edges_from(zip(workplace.ties["source"], workplace.ties["target"]))
    betweenness = pd.Series(nx.betweenness_centrality(graph))
    cut = betweenness.quantile(0.95)
    expected = {p for p in nx.articulation_points(graph) if betweenness[p] >= cut}

    assert flagged(flags, "bottleneck") == expected == {"L1"}  # O2, L3 and T3 hang on L1


def test_weak_bagland_with_exact_reason_in_both_languages(workplace, flags):
    row = flags[flags["flag"] == "weak_bagland"].iloc[0]
    danish = flag_people(workplace, lang="da")

    assert flagged(flags, "weak_bagland") == {"T"}  # T2 reaches his one colleague; T3 has none
    assert (row["value"], row["threshold"], row["severity"]) == (0.25, 0.5, "high")
    assert row["reason"] == "In contact with 1 of 4 colleagues in X1 (25%; at least 50% expected)."
    assert danish.loc[danish["flag"] == "weak_bagland", "reason"].iloc[0] == "Kontakt med 1 af 4 kolleger i X1 (25\u00a0%; mindst 50\u00a0% forventet)."  # Danish: space before %


@pytest.mark.parametrize(("minimum", "expected"), [(0.25, set()), (0.26, {"T"})], ids=["at-threshold", "just-above"])
def test_weak_bagland_threshold_boundary(workplace, minimum, expected):
    table = flag_people(workplace, rules=load_rules({"weak_bagland": {"min_coverage": minimum}}))

    assert flagged(table, "weak_bagland") == expected


def test_no_management_tie_needs_a_leader_in_the_organisation(flags):
    assert flagged(flags, "no_management_tie") == set()  # Z and W have no leader in the data


# --- rules that would ask for a contact nobody in the data could be --------------------------


def people_and_ties(people: list[tuple], ties: list[tuple]):
    """A network from (id, organisation, unit, role) rows and (source, target, kind) ties."""
    frame = pd.DataFrame(people, columns=["id", "organisation", "unit", "role"])
    tie_frame = pd.DataFrame(ties, columns=["source", "target", "kind"]).assign(relation="advice")
    return build_network(RawTable("people", frame), RawTable("ties", tie_frame))


def test_no_internal_is_not_asked_of_the_only_person_of_her_organisation():
    # S1 is Solsikken's only person; K2 has colleagues (K1, K3) she is not tied to.
    network = people_and_ties(
        [("K1", "Kærholm", "Ledelse", "leader"), ("K2", "Kærholm", "Køkken", "employee"), ("K3", "Kærholm", "Køkken", "employee"),
         ("S1", "Solsikken", "Ledelse", "leader")],
        [("S1", "K1", "informal"), ("K2", "S1", "informal"), ("K1", "K3", "informal")],
    )

    table = flag_people(network)

    assert flagged(table, "no_internal") == {"K2"}
    assert table.loc[table["flag"] == "no_internal", "reason"].iloc[0] == "No ties inside the own organisation (Kærholm): 0 internal contacts."


@pytest.mark.parametrize("flag", ["no_external", "no_informal_external"])
def test_no_external_is_not_asked_when_the_data_hold_one_organisation(flag):
    one = people_and_ties([("L1", "Kærholm", "A", "leader"), ("L2", "Kærholm", "B", "leader")], [("L1", "L2", "informal")])
    two = people_and_ties(
        [("L1", "Kærholm", "A", "leader"), ("L2", "Kærholm", "B", "leader"), ("S1", "Solsikken", "C", "employee")],
        [("L1", "L2", "informal")],
    )

    assert flagged(flag_people(one), flag) == set()
    assert flagged(flag_people(two), flag) == {"L1", "L2"}


def test_no_management_tie_only_where_the_organisation_has_a_leader():
    network = people_and_ties(
        [("T1", "Kærholm", "A", "tr"), ("E1", "Kærholm", "A", "employee"), ("L1", "Kærholm", "B", "leader"),
         ("T2", "Solsikken", "C", "tr"), ("E2", "Solsikken", "C", "employee")],
        [("T1", "E1", "informal"), ("T2", "E2", "informal"), ("E1", "L1", "formal")],
    )

    table = flag_people(network)

    assert flagged(table, "no_management_tie") == {"T1"}  # Solsikken has no leader in the data
    assert table.loc[table["flag"] == "no_management_tie", "reason"].iloc[0] == "No tie to any leader of Kærholm."


def test_a_tr_alone_in_her_unit_gets_no_weak_bagland():
    network = people_and_ties(
        [("T1", "Kærholm", "A", "tr"), ("L1", "Kærholm", "A", "leader"), ("T2", "Kærholm", "B", "tr"), ("E2", "Kærholm", "B", "employee")],
        [("T1", "L1", "formal"), ("T2", "L1", "formal")],
    )

    table = flag_people(network)
    view = bagland(network)

    assert view.loc["T1", "colleagues"] == 0 and np.isnan(view.loc["T1", "coverage"])  # the leader is not a colleague
    assert flagged(table, "weak_bagland") == {"T2"}


def test_thin_is_not_asked_of_someone_in_contact_with_everyone_else():
    # three people: two contacts each is everyone there is, though fewer than the floor of 3
    complete = people_and_ties([("A", "O", "U", "employee"), ("B", "O", "U", "employee"), ("C", "O", "U", "employee")],
                               [("A", "B", "informal"), ("B", "C", "informal"), ("A", "C", "informal")])
    path = people_and_ties([("A", "O", "U", "employee"), ("B", "O", "U", "employee"), ("C", "O", "U", "employee")],
                           [("A", "B", "informal"), ("B", "C", "informal")])

    assert flagged(flag_people(complete), "thin") == set()
    assert flagged(flag_people(path), "thin") == {"A", "C"}


def test_every_row_is_complete_and_most_severe_first(flags):
    assert list(flags.columns) == ["id", "name", "flag", "severity", "value", "threshold", "reason"]
    order = flags["severity"].map({"high": 0, "medium": 1, "low": 2})
    assert order.is_monotonic_increasing
    assert flags["reason"].str.len().min() > 20
    assert flags.loc[flags["id"] == "L3", "name"].iloc[0] == "Åse Kjær"


def test_decile_rule_needs_enough_peers():
    # K12 without p0's ties beyond p1..p3: p0 has 3 contacts (not below the floor of 3), the
    # other eleven 10 or 11. 1 of 12 peers (8 %) have 3 or fewer: the bottom decile.
    arcs = [(a, b) for a in range(12) for b in range(a + 1, 12) if a != 0 or b <= 3]
    network = make_network(12, arcs, ["X"] * 12)

    assert flagged(flag_people(network), "thin") == {"p0"}
    assert flagged(flag_people(network, rules=load_rules({"thin": {"min_peers": 13}})), "thin") == set()


def test_rules_file_errors_name_the_setting(tmp_path):
    rules = tmp_path / "rules.toml"
    rules.write_text('[thin]\nfloor = "many"\nceiling = 3\n[lonely]\nseverity = "high"\n', encoding="utf-8")

    with pytest.raises(InputError) as error:
        load_rules(rules)

    messages = [str(p.message) for p in error.value.problems]
    assert messages == [
        "[thin] floor = 'many' must be a number",
        "unknown setting 'ceiling' for [thin]; settings: severity, roles, floor, decile, min_peers, en_floor, da_floor, en, da, en_no_answer, da_no_answer",
        "unknown flag [lonely]; flags: isolated, thin, no_internal, no_external, no_informal_external, single_bridge, bottleneck, weak_bagland, no_management_tie",
    ]


def test_unknown_language_is_refused(workplace):
    with pytest.raises(OrgnetError, match="unknown language 'de'"):
        flag_people(workplace, lang="de")


def test_shipped_shares_are_plausible_against_the_calibration():
    """The share of the municipality's leaders flagged no_informal_external tracks the 41 %."""
    network = generate_municipality(people=20_000, seed=1)
    metrics = compute_all(network, extra_layers=("informal+external",), paths=False)  # no betweenness needed
    table = flag_people(network, metrics)
    people = network.people
    leaders = people[(people["role"] == "leader") & (people["municipality"] == "Skovbjerg Kommune") & ~people["organisation"].str.contains("forvaltning")]

    share = leaders.index.isin(flagged(table, "no_informal_external")).mean()

    assert share == pytest.approx(0.41, abs=0.03)
    assert np.isin(list(flagged(table, "weak_bagland")), people.index[people["role"] == "tr"]).all()


def test_a_rule_file_may_word_a_reason_its_own_way(workplace, tmp_path):
    rules = tmp_path / "rules.toml"
    rules.write_text('[no_external]\nen = "Only internal contacts ({value} external)."\n[thin]\nda_floor = "Få: {value}."\n', encoding="utf-8")

    english = flag_people(workplace, rules=load_rules(rules))
    danish = flag_people(workplace, rules=load_rules(rules), lang="da")

    assert set(english.loc[english["flag"] == "no_external", "reason"]) == {"Only internal contacts (0 external)."}
    assert set(danish.loc[danish["flag"] == "thin", "reason"]) <= {"Få: 1.", "Få: 2."}
    # the other language keeps the catalogue's words
    assert danish.loc[danish["flag"] == "no_external", "reason"].iloc[0] == "Ingen forbindelser uden for egen organisation: 0 eksterne kontakter."


def test_a_reason_that_is_not_a_text_is_refused(tmp_path):
    rules = tmp_path / "rules.toml"
    rules.write_text("[thin]\nen = 3\n", encoding="utf-8")

    with pytest.raises(InputError) as error:
        load_rules(rules)

    assert [str(p.message) for p in error.value.problems] == ["[thin] en must be a text"]


def test_a_thin_network_of_one_contact_reads_in_the_singular(flags):
    reasons = flags.loc[(flags["flag"] == "thin") & (flags["value"] == 1), "reason"]

    assert len(reasons) and all(reason.startswith("1 contact, fewer than 3;") for reason in reasons)
