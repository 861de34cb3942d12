"""The synthetic municipality: reproducible, well-formed, and calibrated to LederPejling.

Calibration is checked on a large generated municipality (20,000 people, two seeds), where the
law of large numbers makes the targets stable; the tolerances are stated with each test and
in docs/data.md. Degrees are counted independently with networkx on the symmetrised graph.
"""

from __future__ import annotations

from pathlib import Path

import networkx as nx
import numpy as np
import pandas as pd
import pandas.testing as pdt
import pytest
from scipy.stats import spearmanr

import orgnet
from orgnet.generate import generate_municipality
from orgnet.generate.names import HOME

SHIPPED = Path(__file__).resolve().parents[1] / "datasets" / "skovbjerg"


def degrees(network, layer: str | None = None) -> pd.Series:
    """Distinct alters per person on the symmetrised layer, counted by networkx."""
    graph = nx.Graph()
    graph.add_nodes_from(network.people.index)
    ties = network.layer(layer).ties if layer else network.ties
    graph.add_edges_from(zip(ties["source"], ties["target"]))
    return pd.Series(dict(graph.degree())).reindex(network.people.index)


@pytest.fixture(scope="module", params=[1, 2], ids=["seed1", "seed2"])
def large(request):
    network = generate_municipality(people=20_000, seed=request.param)
    people = network.people
    leaders = people[(people["role"] == "leader") & (people["municipality"] == HOME) & ~people["organisation"].str.contains("forvaltning")]
    return network, leaders


def test_same_seed_same_network():
    first, second = generate_municipality(people=400, seed=5), generate_municipality(people=400, seed=5)

    pdt.assert_frame_equal(first.people, second.people)
    pdt.assert_frame_equal(first.ties, second.ties)


def test_other_seed_other_network():
    assert not generate_municipality(people=400, seed=5).ties.equals(generate_municipality(people=400, seed=6).ties)


def test_size_and_structure():
    network = generate_municipality(people=1200, seed=2007)
    people = network.people

    assert 1100 <= len(people) <= 1300
    leaders_per_institution = people[(people["role"] == "leader") & (people["municipality"] == HOME)].groupby("organisation").size()
    institutions = leaders_per_institution.drop(index=[o for o in leaders_per_institution.index if "forvaltning" in o])
    assert institutions.max() <= 5
    assert 40 <= len(institutions) <= 90
    assert set(people["level"].dropna()) == {"top", "middle", "first_line"}
    assert set(people["role"]) == {"leader", "tr", "safety_rep", "employee"}
    assert (people[people["role"] == "tr"].groupby("organisation").size() == 1).all()
    assert set(network.ties["relation"]) == {"line", "committee", "network_group", "advice", "friendship", "sparring"}
    sizes = network.groups[network.groups["group_kind"] == "network_group"].groupby("group").size()
    assert sizes.between(3, 12).all()  # 3–10 drawn; the last remainder can join a group
    assert people["name"].str.contains("[æøåÆØÅ]").mean() > 0.2
    assert network.ties["scope"].isin(["internal", "external"]).all()


def test_shipped_dataset_is_the_documented_generation():
    shipped = orgnet.read(SHIPPED)
    regenerated = generate_municipality(people=1200, seed=2007)

    pdt.assert_frame_equal(shipped.people, regenerated.people, check_dtype=False)
    assert len(shipped.ties) == len(regenerated.ties)


def test_41_percent_of_leaders_lack_informal_external_contact(large):
    """LederPejling: 41 % lack informal networks outside the workplace. Tolerance ± 3 points."""
    network, leaders = large

    share = (degrees(network, "informal+external")[leaders.index] == 0).mean()

    assert share == pytest.approx(0.41, abs=0.03)


def test_top_leaders_have_more_external_contacts_than_department_leaders(large):
    """Survey: top level cultivates outward contacts far more. We require at least 2×."""
    network, leaders = large
    external = degrees(network, "external")[leaders.index]

    by_level = external.groupby(leaders["level"]).mean()

    assert by_level["top"] > 2 * by_level["first_line"]
    assert by_level["top"] > by_level["middle"] > by_level["first_line"]


def test_women_department_leaders_have_somewhat_fewer_external_contacts(large):
    """Survey: women department leaders are less outward-facing. Ratio between 0.75 and 0.97."""
    network, leaders = large
    first_line = leaders[leaders["level"] == "first_line"]
    external = degrees(network, "external")[first_line.index]

    by_gender = external.groupby(first_line["gender"]).mean()

    assert 0.75 <= by_gender["woman"] / by_gender["man"] <= 0.97


def test_small_positive_correlation_between_internal_and_external(large):
    """Survey: a small tendency. Spearman's rho between 0.05 and 0.35."""
    network, leaders = large

    rho = spearmanr(degrees(network, "internal")[leaders.index], degrees(network, "external")[leaders.index]).statistic

    assert 0.05 <= rho <= 0.35


def test_networks_grow_with_tenure_mostly_informally(large):
    """Survey: the network grows with seniority, above all on the informal lines."""
    network, leaders = large
    tenure = leaders["tenure_years"]

    informal = spearmanr(tenure, degrees(network, "informal")[leaders.index]).statistic
    formal = spearmanr(tenure, degrees(network, "formal")[leaders.index]).statistic

    assert informal > 0.05
    assert informal > formal + 0.03


def test_generate_cli_writes_a_valid_folder(tmp_path, run_cli):
    result = run_cli("generate", "-o", tmp_path / "kommune", "--people", "200", "--seed", "3")

    assert result.exit_code == 0
    network = orgnet.read(tmp_path / "kommune")
    assert result.output == f"wrote {len(network.people):,} people and {len(network.ties):,} ties to {tmp_path / 'kommune'}\n"
    assert np.isin(network.ties["source"], network.people.index).all()
