"""Each change type on a hand-built network, with exact before/after numbers (computed by hand
in the comments)."""

from __future__ import annotations

import pytest

from orgnet.analysis import Analysis
from orgnet.errors import OrgnetError
from orgnet.scenarios import apply_scenario, parse_scenario, read_scenarios
from orgnet.scenarios.whatif import bagland_changes, network_figures, person_changes, what_if
from tests.scenarios.conftest import network as make_network


def test_merge_turns_external_ties_internal(merger):
    outcome = apply_scenario(merger, parse_scenario("m", merge=["A,B=AB"]))

    scope = outcome.network.ties.set_index(["source", "target"])["scope"]
    assert scope[("A1", "B1")] == "internal"
    assert scope[("B1", "C1")] == "external"
    assert outcome.network.people.loc[["A1", "A2", "B1", "C1"], "organisation"].tolist() == ["AB", "AB", "AB", "C"]
    # The input is untouched.
    assert merger.ties.set_index(["source", "target"])["scope"][("A1", "B1")] == "external"


def test_merge_figures_before_and_after(merger):
    result = what_if(merger, [parse_scenario("m", merge=["A,B=AB"])])
    figures = result.figures

    # 3 pairs among 4 people: 6 possible. Internal 1 → 2, external 2 → 1.
    assert figures.loc["density_internal"].tolist() == pytest.approx([1 / 6, 2 / 6])
    assert figures.loc["density_external"].tolist() == pytest.approx([2 / 6, 1 / 6])
    # E–I = (external − internal) / all: (2 − 1)/3 before, (1 − 2)/3 after.
    assert figures.loc["ei_index"].tolist() == pytest.approx([1 / 3, -1 / 3])
    people = result.results[0].people
    assert people["turned_internal"].to_dict() == {"A1": 1, "A2": 0, "B1": 1, "C1": 0}
    # A1, the leader, had one (informal) external contact, B1; after the merger none: both flags appear.
    assert people.loc["A1", "new_flags"] == "no_external, no_informal_external"
    assert figures.loc["flag:no_external"].tolist() == [0, 1]


def test_removing_an_articulation_point_splits_the_component(path):
    before = Analysis(path)
    outcome = apply_scenario(path, parse_scenario("r", remove=["X2"]))
    after = Analysis(outcome.network)
    first, second = network_figures(before), network_figures(after)

    assert (first["components"], second["components"]) == (1, 2)
    assert (first["largest_component_share"], second["largest_component_share"]) == (1.0, pytest.approx(2 / 3))
    assert (first["isolates"], second["isolates"]) == (0, 1)
    # Distances 1,2,3,1,2,1 → mean 10/6; after: only X3–X4 at 1.
    assert (first["mean_distance"], second["mean_distance"]) == (pytest.approx(10 / 6), 1.0)
    assert (first["density_all"], second["density_all"]) == (0.5, pytest.approx(1 / 3))
    assert len(outcome.network.ties) == 1 and outcome.network.groups["person"].tolist() == ["X1"]

    people = person_changes(before, after, outcome)
    assert people.loc["X1", ["reach2_before", "reach2_after", "lost_reach2"]].tolist() == [2, 0, 2]
    assert people.loc["X3", ["reach2_before", "reach2_after", "lost_reach2"]].tolist() == [3, 1, 2]
    assert people.loc["X4", ["reach3_before", "reach3_after", "lost_reach3"]].tolist() == [3, 1, 2]
    assert people["isolated"].to_dict() == {"X1": True, "X3": False, "X4": False}
    assert people["cut_off"].to_dict() == {"X1": True, "X3": False, "X4": False}


def test_moving_a_tr_changes_his_bagland(trs):
    before = Analysis(trs)
    outcome = apply_scenario(trs, parse_scenario("move", move=["T=U2"]))
    after = Analysis(outcome.network)

    # In U1: colleagues E1, E2 (L is a leader), reached E1 → 1/2. In U2: F1, F2, F3, reached 2 → 2/3.
    assert before.bagland.loc["T", ["colleagues", "reached"]].tolist() == [2, 1]
    assert after.bagland.loc["T", ["colleagues", "reached"]].tolist() == [3, 2]
    change = bagland_changes(before, after)
    assert change.loc["T", ["unit_before", "unit_after"]].tolist() == ["U1", "U2"]
    assert change.loc["T", "coverage_before"] == 0.5
    assert change.loc["T", "coverage_after"] == pytest.approx(2 / 3)
    assert change.loc["T", "coverage_change"] == pytest.approx(2 / 3 - 0.5)


def test_moving_to_an_organisation_turns_ties_over(trs):
    outcome = apply_scenario(trs, parse_scenario("move", move=["F3=P"]))

    assert outcome.network.people.loc["F3", "organisation"] == "P"
    assert outcome.network.ties.set_index(["source", "target"])["scope"][("F3", "Q1")] == "internal"
    assert outcome.network.people["unit"].isna().sum() == 1


def test_remove_where_removes_everyone_matching(trs):
    outcome = apply_scenario(trs, parse_scenario("r", remove_where=["unit=U2"]))

    assert sorted(outcome.removed) == ["F1", "F2", "F3"]
    assert len(outcome.network.people) == 5
    assert outcome.network.ties[["source", "target"]].values.tolist() == [["T", "E1"], ["T", "L"]]


def test_merge_accepts_names_with_commas(merger):
    renamed = apply_scenario(merger, parse_scenario("m", merge=["A,B=Kommune, forvaltning"])).network
    merged = apply_scenario(renamed, parse_scenario("m", merge=["Kommune, forvaltning,C=Alle"])).network

    assert set(merged.people["organisation"]) == {"Alle"}


@pytest.mark.parametrize(
    "changes, message",
    [
        ({"remove": ["Z9"]}, "--remove Z9: no person has id 'Z9'"),
        ({"merge": ["A,A=C"]}, '--merge "A,A=C": an organisation cannot be merged with itself'),
        ({"merge": ["A,Q=C"]}, "--merge \"A,Q=C\": no organisation 'Q'"),
        ({"merge": ["A=C"]}, '--merge "A=C": write "A,B=C" (organisations A and B become C)'),
        ({"move": ["A1=Nowhere"]}, "--move A1=Nowhere: no organisation or unit 'Nowhere'"),
        ({"move": ["Z9=A"]}, "--move Z9=A: no person has id 'Z9'"),
        ({"move": ["A1"]}, '--move A1: write ID=ORGANISATION, ID=UNIT or ID=ORGANISATION/UNIT, e.g. --move P0001="Bostedet Næsset"'),
        (
            {"remove_where": ["role=boss"]},
            "--remove-where role=boss: no person has role 'boss'. Values of role: employee, leader",
        ),
    ],
)
def test_bad_change_is_refused_by_name(merger, changes, message):
    with pytest.raises(OrgnetError) as error:
        apply_scenario(merger, parse_scenario("s", **changes))

    assert str(error.value) == message


def test_scenarios_file(tmp_path, merger):
    path = tmp_path / "s.toml"
    path.write_text('[scenario."fusion"]\nmerge = ["A,B=AB"]\n\n[scenario."B går"]\nremove = ["B1"]\n', encoding="utf-8")

    scenarios = read_scenarios(path)
    result = what_if(merger, scenarios)

    assert [s.name for s in scenarios] == ["fusion", "B går"]
    assert result.figures.columns.tolist() == ["before", "fusion", "B går"]
    assert result.figures.loc["components"].tolist() == [1, 1, 2]


def test_scenarios_file_with_unknown_key(tmp_path):
    path = tmp_path / "s.toml"
    path.write_text('[scenario.x]\nfuse = ["A,B=C"]\n', encoding="utf-8")

    with pytest.raises(OrgnetError, match=r"scenario 'x': unknown key 'fuse'; use merge, move, remove, remove_where"):
        read_scenarios(path)


def test_moving_to_a_unit_name_two_organisations_have_is_refused_naming_both(two_ledelse):
    with pytest.raises(OrgnetError) as error:
        apply_scenario(two_ledelse, parse_scenario("s", move=["E1=Ledelse"]))

    assert str(error.value) == (
        "--move E1=Ledelse: 2 organisations have a unit 'Ledelse' (Kærholm/Ledelse, Solsikken/Ledelse); "
        'name one as ORGANISATION/UNIT, e.g. --move E1="Kærholm/Ledelse"'
    )


@pytest.mark.parametrize("place, organisation", [("Solsikken/Ledelse", "Solsikken"), ("Kærholm/Ledelse", "Kærholm")])
def test_moving_to_organisation_slash_unit(two_ledelse, place, organisation):
    people = apply_scenario(two_ledelse, parse_scenario("s", move=[f"E1={place}"])).network.people

    assert people.loc["E1", ["organisation", "unit"]].tolist() == [organisation, "Ledelse"]


def test_organisation_slash_unit_with_a_slash_in_the_organisation_name():
    network = make_network(
        [("A1", "Børn/Unge", "Ledelse", "leader"), ("B1", "Skole", "Ledelse", "leader"), ("E1", "Skole", "Klub", "employee")],
        [("A1", "B1", "informal"), ("B1", "E1", "informal")],
    )

    people = apply_scenario(network, parse_scenario("s", move=["E1=Børn/Unge/Ledelse"])).network.people

    assert people.loc["E1", ["organisation", "unit"]].tolist() == ["Børn/Unge", "Ledelse"]


def test_moving_to_a_unit_only_one_organisation_has_needs_no_organisation(two_ledelse):
    people = apply_scenario(two_ledelse, parse_scenario("s", move=["L1=Køkken"])).network.people

    assert people.loc["L1", ["organisation", "unit"]].tolist() == ["Kærholm", "Køkken"]


@pytest.mark.parametrize(
    "text, message",
    [
        (
            '[scenario.x]\nremove = 5\n',
            "scenario 'x': remove = 5 must be a text or a list of texts, e.g. remove = [\"P0001\"]",
        ),
        (
            '[scenario.x]\nmerge = [["A", "B"]]\n',
            "scenario 'x': merge = [[\"A\", \"B\"]] must be a text or a list of texts, e.g. merge = [\"A,B=C\"]",
        ),
        (
            '[scenario.x]\nmove = {P1 = "A"}\n',
            "scenario 'x': move = {\"P1\": \"A\"} must be a text or a list of texts, e.g. move = [\"P0001=Bostedet Næsset\"]",
        ),
        ('scenario.x = 3\n', "scenario 'x' must be a table, e.g. [scenario.\"x\"] then remove = [\"P0001\"]"),
    ],
    ids=["number", "list-of-lists", "table", "not-a-table"],
)
def test_scenarios_file_with_a_wrong_type(tmp_path, text, message):
    path = tmp_path / "s.toml"
    path.write_text(text, encoding="utf-8")

    with pytest.raises(OrgnetError) as error:
        read_scenarios(path)

    assert str(error.value) == f"{path}: {message}"


def test_scenarios_file_in_windows_1252(tmp_path):
    path = tmp_path / "s.toml"
    path.write_bytes('[scenario."Søhøj lukker"]\nremove = ["A1"]\n'.encode("cp1252"))

    with pytest.raises(OrgnetError) as error:
        read_scenarios(path)

    assert str(error.value) == (
        f"{path}: not UTF-8 text (byte 0xf8 on line 1, 'ø' in Windows-1252); a TOML file must be UTF-8: save it again as UTF-8"
    )


def test_ei_by_organisation_before_and_after_a_merger(merger):
    table = what_if(merger, [parse_scenario("m", merge=["A,B=AB"])]).results[0].organisations

    # A: A1–A2 inside, A1–B1 outside → (1 − 1)/2 = 0. B: B1–A1, B1–C1 outside → 1. C: C1–B1 → 1.
    # After: AB has A1–A2 and A1–B1 inside, B1–C1 outside → (1 − 2)/3; C still 1.
    assert table.loc[["A", "B", "C"], "ei_before"].tolist() == [0.0, 1.0, 1.0]
    assert table.loc["AB", ["internal_before", "external_before"]].isna().all()
    assert table.loc["AB", ["internal_after", "external_after"]].tolist() == [2, 1]
    assert table.loc["AB", "ei_after"] == pytest.approx(-1 / 3)
    assert table.loc["C", "ei_after"] == 1.0
