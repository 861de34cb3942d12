"""Two waves compared on a hand-built pair of networks, every count checked by hand."""

from __future__ import annotations

import pandas as pd
import pytest

from orgnet.errors import OrgnetError
from orgnet.scenarios.diff import compare_waves, flag_changes, group_effects
from tests.scenarios.conftest import network

PEOPLE_1 = [("A1", "A", "A", "leader"), ("A2", "A", "A", "employee"), ("B1", "B", "B", "employee"), ("C1", "C", "C", "employee")]
PEOPLE_2 = [("A1", "A", "A", "leader"), ("A2", "A", "A", "employee"), ("C1", "C", "C", "employee"), ("N1", "A", "A", "employee")]


@pytest.fixture
def diff():
    # Wave 1: A1–A2 informal, A1–B1 informal (external), A2–C1 formal (external).
    # Wave 2: B1 left, N1 joined; A1–A2 kept, A2–C1 lost, A1–C1 gained, A2–N1 gained with N1.
    first = network(PEOPLE_1, [("A1", "A2", "informal"), ("A1", "B1", "informal"), ("A2", "C1", "formal")])
    second = network(PEOPLE_2, [("A1", "A2", "informal"), ("A1", "C1", "informal"), ("A2", "N1", "informal")])
    return compare_waves(first, second, groups=None, k=3)


def test_joined_and_left(diff):
    assert diff.joined.index.tolist() == ["N1"]
    assert diff.left.index.tolist() == ["B1"]
    assert diff.counts == {"people_first": 4, "people_second": 4, "in_both": 3, "joined": 1, "left": 1}


@pytest.mark.parametrize(
    "layer, expected",
    [
        ("all", [3, 3, 1, 1, 1, 1, 1]),
        ("informal", [2, 3, 1, 0, 1, 1, 1]),
        ("formal", [1, 0, 0, 1, 0, 0, 0]),
        ("external", [2, 1, 0, 1, 1, 1, 0]),
        ("internal", [1, 2, 1, 0, 0, 0, 1]),
    ],
)
def test_ties_gained_and_lost_per_layer(diff, layer, expected):
    columns = ["first", "second", "kept", "lost", "lost_with_leaver", "gained", "gained_with_newcomer"]

    assert diff.ties.loc[layer, columns].tolist() == expected


def test_per_person_changes(diff):
    people = diff.people

    assert people.index.tolist() == ["A1", "A2", "C1"]
    assert people.loc["A2", ["degree_formal_first", "degree_formal_second", "degree_formal_change"]].tolist() == [1, 0, -1]
    assert people.loc["C1", ["degree_informal_external_first", "degree_informal_external_second"]].tolist() == [0, 1]
    assert people.loc["A1", "degree_change"] == 0
    # C1: one contact (A2, then A1) in both waves; single_bridge appears only in the second. C1 is
    # the only person of C, so no_internal is not asked of her (docs/flags.md).
    assert people.loc["C1", ["new_flags", "resolved_flags", "persisting_flags"]].tolist() == [
        "single_bridge",
        "",
        "thin",
    ]


def test_flags_resolved_new_and_persisting():
    first = pd.DataFrame({"id": ["A", "A", "B", "C", "L"], "flag": ["thin", "isolated", "thin", "thin", "thin"]})
    second = pd.DataFrame({"id": ["A", "B", "B", "C", "N"], "flag": ["thin", "thin", "no_internal", "bottleneck", "thin"]})

    table = flag_changes(first, second, pd.Index(["A", "B", "C"]))

    # thin: A and B keep it, C loses it (L left and N joined: not counted). isolated: A loses it.
    assert table.to_dict(orient="index") == {
        "bottleneck": {"resolved": 0, "new": 1, "persisting": 0},
        "isolated": {"resolved": 1, "new": 0, "persisting": 0},
        "no_internal": {"resolved": 0, "new": 1, "persisting": 0},
        "thin": {"resolved": 1, "new": 0, "persisting": 2},
    }


def test_flag_table_of_the_hand_built_waves(diff):
    # From each wave's flags: B1 (single_bridge, thin) left; C1 becomes a single-bridge person.
    assert diff.flags.loc["single_bridge"].tolist() == [0, 1, 1]


def test_group_members_against_non_members(diff):
    groups = pd.DataFrame({"group": ["g", "g", "g", "h"], "person": ["A1", "A2", "C1", "N1"]})
    table = group_effects(diff.people, groups, k=3).set_index("group")

    # Informal external contacts: A1 1 → 1, A2 0 → 0, C1 0 → 1: mean change 1/3, one in three gained.
    assert table.loc["g", ["n", "mean_change", "share_gained"]].tolist() == [3, pytest.approx(1 / 3), pytest.approx(1 / 3)]
    # h has no member in both waves and nobody is outside a group: both suppressed.
    assert bool(table.loc["(not in a group)", "suppressed"])
    assert "h" not in table.index or bool(table.loc["h", "suppressed"])


def test_waves_without_a_common_person_are_refused():
    first = network(PEOPLE_1[:2], [("A1", "A2", "informal")])
    second = network([("Z1", "A", "A", "leader"), ("Z2", "A", "A", "employee")], [("Z1", "Z2", "informal")])

    with pytest.raises(OrgnetError) as error:
        compare_waves(first, second)

    assert str(error.value) == "wave 1 and wave 2 have no person in common (people are matched by id)"
