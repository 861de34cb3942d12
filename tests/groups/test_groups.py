"""Leader network groups: the heuristic against the exact optimum, the rules, the skovbjerg acceptance."""

from __future__ import annotations

import math
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
import scipy.sparse as sp

import orgnet
from orgnet.analysis import Analysis
from orgnet.groups.effect import measure_effect
from orgnet.groups.heuristic import Problem, objective, solve, violations
from orgnet.groups.milp import solve_exact
from orgnet.groups.proposal import GroupOptions, propose_groups

SHIPPED = Path(__file__).resolve().parents[2] / "datasets" / "skovbjerg"


def random_problem(n: int, seed: int, heterogeneous: bool = True) -> Problem:
    rng = np.random.default_rng(seed)
    contacts = np.triu((rng.random((n, n)) < 0.2).astype(float), 1)
    return Problem(
        sp.csr_matrix(contacts + contacts.T), rng.permutation(n) % (n // 2), rng.integers(0, 3, n),
        groups=math.ceil(n / 6), low=3, high=6, priority=rng.random(n) < 0.2, heterogeneous=heterogeneous,
    )


def homogeneous_problem(n: int, seed: int) -> Problem:
    """Homogeneous mode without --apart: only new and known pairs count, so many plans tie and a
    local search can stall (a helper saw gaps of up to 8 % with an earlier search)."""
    rng = np.random.default_rng(100 + seed)
    contacts = np.triu((rng.random((n, n)) < 0.25).astype(float), 1)
    return Problem(
        sp.csr_matrix(contacts + contacts.T), rng.integers(0, 3, n), rng.integers(0, 2, n),
        groups=math.ceil(n / 5), low=3, high=5, priority=rng.random(n) < 0.2, heterogeneous=False, apart=False,
    )


# Instances whose optimum HiGHS proves (status optimal, gap 0), with that optimum; docs/groups.md
# lists them with the heuristic's gap on each (0 on every one since restarts went to 40).
PROVEN = [
    (random_problem, 8, 1, 9.0), (random_problem, 10, 2, 13.0), (random_problem, 12, 3, 26.5), (random_problem, 12, 4, 25.5),
    (random_problem, 14, 5, 25.5), (random_problem, 16, 6, 33.5), (random_problem, 18, 7, 41.0), (random_problem, 18, 8, 41.75),
    (random_problem, 20, 9, 40.5), (random_problem, 20, 10, 40.75), (random_problem, 24, 11, 56.25),
    (homogeneous_problem, 12, 0, 19.0), (homogeneous_problem, 14, 1, 26.0), (homogeneous_problem, 16, 2, 26.0),
    (homogeneous_problem, 18, 3, 33.0), (homogeneous_problem, 18, 4, 33.0), (homogeneous_problem, 20, 5, 40.0),
    (homogeneous_problem, 20, 6, 40.0), (homogeneous_problem, 24, 7, 46.0), (homogeneous_problem, 30, 8, 60.0),
]


@pytest.mark.parametrize(("make", "n", "seed", "optimum"), PROVEN, ids=[f"{m.__name__}-{n}-{s}" for m, n, s, _ in PROVEN])
def test_heuristic_equals_the_proven_milp_optimum(make, n, seed, optimum):
    problem = make(n, seed)

    plan = solve(problem, seed=0)
    exact = solve_exact(problem, time_limit=60)

    assert exact.proven, f"HiGHS did not prove the optimum: status {exact.status}, gap {exact.gap:.1%}, bound {exact.bound}"
    assert (exact.status, exact.gap) == ("optimal", 0.0)
    assert violations(problem, exact.assignment) == []
    assert objective(problem, exact.assignment)["score"] == pytest.approx(exact.objective, abs=1e-6) == optimum
    assert violations(problem, plan) == []
    assert objective(problem, plan)["score"] == optimum


def test_solve_exact_says_when_it_stopped_at_a_limit():
    """30 people in 5 heterogeneous groups: not proven within 200 branch-and-bound nodes (a bound
    on work, not seconds); the best plan found and the bound are returned, not passed off as the
    optimum."""
    problem = random_problem(30, 12)

    exact = solve_exact(problem, node_limit=200)

    assert exact.status == "limit reached" and not exact.proven
    assert exact.gap > 0 and exact.bound > exact.objective
    assert violations(problem, exact.assignment) == []


def test_objective_counts_pairs_by_hand():
    """Three people, A–B already in contact: A, B, C in one group gives pairs AB (−1), AC (+1),
    BC (+1) = 1, minus ¼ for each pair sharing a level (A, B) or an organisation (none) = 0.75."""
    contacts = sp.csr_matrix(np.array([[0, 1, 0], [1, 0, 0], [0, 0, 0]], float))
    problem = Problem(contacts, np.array([0, 1, 2]), np.array([0, 0, 1]), groups=1, low=3, high=3)

    assert objective(problem, np.array([0, 0, 0])) == {
        "score": 0.75, "new_pairs": 2, "known_pairs": 1, "same_level_pairs": 1, "same_organisation_pairs": 0,
    }


@pytest.fixture(scope="module")
def skovbjerg():
    analysis = Analysis(orgnet.read(SHIPPED))
    leaders = analysis.network.people.index[(analysis.network.people["role"] == "leader").to_numpy()]
    members, summary = propose_groups(analysis, leaders, GroupOptions())
    return analysis, leaders, members, summary


def test_skovbjerg_every_flagged_leader_gets_two_from_other_organisations(skovbjerg):
    analysis, leaders, members, summary = skovbjerg
    flagged = set(analysis.flags.loc[analysis.flags["flag"] == "no_informal_external", "id"])
    organisation = analysis.network.people["organisation"]

    assert flagged <= set(members["id"])
    for person in flagged:
        group = members.loc[members["id"] == person, "group"].iloc[0]
        others = members.loc[(members["group"] == group) & (members["id"] != person), "id"]
        assert (organisation[others] != organisation[person]).sum() >= 2
    sizes = members.groupby("group").size()
    assert sizes.between(summary["low"], summary["high"]).all()
    assert set(members["id"]) == set(leaders)
    assert (members.groupby("group")["role_in_group"].apply(lambda r: (r == "coordinator").sum()) == 1).all()


def test_skovbjerg_flagged_share_falls_to_zero(skovbjerg):
    analysis, leaders, members, _ = skovbjerg

    effect = measure_effect(analysis, members, leaders).set_index("figure")

    share = effect.loc["share_no_informal_external"]
    assert share["before"] == pytest.approx(100 / 319)
    assert share["after"] == 0
    assert effect.loc["new_ties", "after"] > 1000


def test_the_same_seed_gives_the_same_groups(skovbjerg):
    analysis, leaders, members, _ = skovbjerg

    again, _ = propose_groups(analysis, leaders, GroupOptions())

    pd.testing.assert_frame_equal(again, members)


def test_homogeneous_groups_share_the_attribute_and_heterogeneous_ones_mix_levels(skovbjerg):
    analysis, leaders, heterogeneous, _ = skovbjerg
    level = analysis.network.people["level"]

    homogeneous, _ = propose_groups(analysis, leaders, GroupOptions(mode="homogeneous", by="level"))

    assert (homogeneous.groupby("group")["id"].apply(lambda ids: level[ids].nunique()) == 1).all()
    assert (heterogeneous.groupby("group")["id"].apply(lambda ids: level[ids].nunique()) > 1).all()


@pytest.mark.parametrize(
    ("options", "message"),
    [
        (("--size", "5-3"), "--size 5-3: give min-max with 2 ≤ min ≤ max, e.g. --size 3-10"),
        (("--mode", "homogeneous", "--by", "levl"), "no attribute 'levl'. Attributes: name, organisation, unit, role, level, gender,"),
        (("--where", "role=tr", "--where", "unit=Specialbørnehaven Mågeøen, afd. Nord", "--size", "3-4"), "only 1 people to place, fewer than the smallest group (3)"),
        (("--mode", "homogeneous"), "--mode homogeneous needs --by ATTRIBUTE (e.g. --by level): the value every group shares"),
    ],
)
def test_bad_options_are_refused(run_cli, options, message):
    result = run_cli("groups", SHIPPED, *options)

    assert result.exit_code == 1
    assert result.output.startswith(f"Error: {message}")


def test_more_coordinators_than_groups_is_refused(run_cli, tmp_path):
    people = orgnet.read(SHIPPED).people
    trs = people.index[(people["role"] == "tr").to_numpy()][:20]
    (tmp_path / "c.csv").write_text("id\n" + "\n".join(trs) + "\n")

    result = run_cli("groups", SHIPPED, "--where", "role=tr", "--coordinators", tmp_path / "c.csv")

    assert result.exit_code == 1
    assert result.output.startswith("Error: --coordinators names 20 people, more than the ")


def test_page_and_write_groups(run_cli, tmp_path):
    result = run_cli("groups", SHIPPED, "-o", tmp_path / "page", "--lang", "da", "--write-groups", tmp_path / "planned")

    assert result.exit_code == 0, result.output
    page = (tmp_path / "page" / "index.html").read_text(encoding="utf-8")
    assert "Forslag til ledernetværksgrupper" in page and "Dagsorden for første møde" in page and "31,3\xa0%" in page
    planned = orgnet.read(tmp_path / "planned").groups
    assert planned["group"].str.startswith("proposed ").sum() == 319


def test_the_report_gets_a_groups_section_on_request(run_cli, tmp_path):
    with_groups = run_cli("report", SHIPPED, "-o", tmp_path / "with", "--lang", "da", "--groups")
    without = run_cli("report", SHIPPED, "-o", tmp_path / "without", "--lang", "da")

    assert with_groups.exit_code == without.exit_code == 0, with_groups.output
    page = (tmp_path / "with" / "index.html").read_text(encoding="utf-8")
    assert '<section id="network-groups">' in page and "Forslag til ledernetværksgrupper" in page
    assert page.count("<tr><th>Gruppe ") == 32
    assert "andel uden uformel ekstern kontakt</td><td class=\"num\">31,3\xa0%</td><td class=\"num\">0,0\xa0%" in page
    assert "network-groups" not in (tmp_path / "without" / "index.html").read_text(encoding="utf-8")


def test_when_not_everyone_fits_the_plan_leaves_people_out_and_says_so():
    # 11 people, 3 groups of exactly 3: two are left out (the pool), never a tenth "group" (it crashed)
    rng = np.random.default_rng(7)
    contacts = np.triu((rng.random((11, 11)) < 0.3).astype(float), 1)
    problem = Problem(sp.csr_matrix(contacts + contacts.T), np.arange(11), rng.integers(0, 3, 11), groups=3, low=3, high=3, apart=False)

    plan = solve(problem, seed=0)

    assert problem.placed == 9
    assert sorted(np.bincount(plan[plan >= 0]).tolist()) == [3, 3, 3] and (plan == -1).sum() == 2
    assert violations(problem, plan) == []


def test_groups_cli_leaves_the_people_out_who_do_not_fit(run_cli, tmp_path):
    result = run_cli("groups", SHIPPED, "-o", tmp_path / "g", "--size", "8")

    assert result.exit_code == 0, result.output
    assert result.output.startswith("39 groups for 312 of 319 people. Size: 8–8 per group, as given (--size).")
