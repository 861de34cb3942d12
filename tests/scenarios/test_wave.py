"""The simulated second wave: reproducible, shipped as generated, and doing what it says."""

from __future__ import annotations

from pathlib import Path

import pandas.testing as pdt
import pytest

import orgnet
from orgnet.scenarios.wave import simulate_wave2

DATASETS = Path(__file__).resolve().parents[2] / "datasets"


@pytest.fixture(scope="module")
def waves():
    first = orgnet.read(DATASETS / "skovbjerg")
    second, about = simulate_wave2(first, seed=2008)
    return first, second, about


def test_shipped_second_wave_is_the_documented_generation(tmp_path, run_cli):
    result = run_cli("generate", "--wave2-of", DATASETS / "skovbjerg", "--seed", 2008, "-o", tmp_path / "wave2")
    shipped, regenerated = orgnet.read(DATASETS / "skovbjerg-2008"), orgnet.read(tmp_path / "wave2")

    assert result.exit_code == 0, result.output
    pdt.assert_frame_equal(shipped.people, regenerated.people)
    pdt.assert_frame_equal(shipped.ties, regenerated.ties)
    pdt.assert_frame_equal(shipped.groups, regenerated.groups)
    for name in ("people.csv", "ties.csv", "groups.csv"):
        assert (DATASETS / "skovbjerg-2008" / name).read_bytes() == (tmp_path / "wave2" / name).read_bytes(), name


def test_same_seed_same_wave(waves):
    first, second, _ = waves
    again, _ = simulate_wave2(first, seed=2008)

    pdt.assert_frame_equal(second.ties, again.ties)
    assert not simulate_wave2(first, seed=1)[0].ties.equals(second.ties)


def test_leavers_are_replaced_by_newcomers_in_their_posts(waves):
    first, second, about = waves
    left = first.people.index.difference(second.people.index)
    joined = second.people.index.difference(first.people.index)

    assert len(left) == len(joined) == about["leavers"] == about["newcomers"] > 0
    assert joined.min() > first.people.index.max()
    # Post by post: the newcomer takes the leaver's unit and role (merged organisations renamed).
    assert sorted(first.people.loc[left, "role"]) == sorted(second.people.loc[joined, "role"])
    assert (second.people.loc[joined, "tenure_years"] <= 1).all()
    stayed = first.people.index.intersection(second.people.index)
    assert (second.people.loc[stayed, "tenure_years"] - first.people.loc[stayed, "tenure_years"]).round(6).eq(1).all()


def test_the_merged_organisations_become_one(waves):
    first, second, about = waves
    merged = about["merged"]
    members = first.people.index[first.people["organisation"].isin(merged)]
    stayed = members.intersection(second.people.index)

    assert len(merged) == 2
    assert set(second.people.loc[stayed, "organisation"]) == {about["merged_into"]}
    between = second.ties[second.ties["source"].isin(members) & second.ties["target"].isin(members)]
    assert (between["scope"] == "internal").all() and len(between) > 0


def test_no_tie_points_at_someone_who_left(waves):
    first, second, _ = waves
    left = first.people.index.difference(second.people.index)

    assert not second.ties["source"].isin(left).any() and not second.ties["target"].isin(left).any()
    assert not second.groups["person"].isin(left).any()
