"""--missing against the truth: real networks with every report known, respondents removed at random.

The full figures are in docs/metrics.md ("Survey non-response"), from ``python benchmarks/missing_data.py``
(20 draws per rate, six networks). Here fewer draws on the shared datasets, the same seed, and the
claims the docs make: reconstruction never changes the symmetrised degree and betweenness, and it
brings out-degree, Burt's constraint and the directed betweenness ranking closer to the truth.
Run with ``-s`` to see the table.
"""

from __future__ import annotations

import pytest

from benchmarks.missing_data import METRICS, RATES, as_markdown, measure
from orgnet.config import Config
from tests.conftest import shared_dataset

CASES = [("krackhardt_hightech", "advice", 10), ("krackhardt_hightech", "friendship", 10), ("lazega_lawfirm", "friendship", 4)]


@pytest.fixture(scope="module", params=CASES, ids=[f"{folder.split('_')[0]}-{relation}" for folder, relation, _ in CASES])
def measured(request):
    import orgnet

    folder, relation, draws = request.param
    network = orgnet.read(shared_dataset(folder), config=Config(relations={"*": "informal"})).layer(relation)
    table = measure(network, draws=draws)
    print("\n" + as_markdown(f"{folder} {relation}, {draws} draws", table, metrics=METRICS))
    return table.set_index(["rate", "metric", "treatment"])


def _pair(table, rate, metric, column):
    return table.loc[(rate, metric, "keep"), column], table.loc[(rate, metric, "reconstruct"), column]


@pytest.mark.parametrize("rate", RATES)
@pytest.mark.parametrize("metric", ["degree", "betweenness"])
def test_the_symmetrised_degree_and_betweenness_are_the_same_under_both_treatments(measured, rate, metric):
    # a returned tie is the pair that was already there: keep is already the symmetrised reconstruction
    keep, reconstruct = _pair(measured, rate, metric, "mae")
    assert keep == reconstruct


@pytest.mark.parametrize("rate", RATES)
def test_reconstruct_brings_out_degree_closer_to_the_truth(measured, rate):
    keep_mae, reconstruct_mae = _pair(measured, rate, "out_degree", "mae")
    keep_rho, reconstruct_rho = _pair(measured, rate, "out_degree", "rho")
    assert reconstruct_mae < keep_mae and reconstruct_rho > keep_rho


@pytest.mark.parametrize("rate", RATES)
def test_reconstruct_brings_constraint_closer_to_the_truth(measured, rate):
    keep, reconstruct = _pair(measured, rate, "constraint", "mae")
    assert reconstruct < keep


@pytest.mark.parametrize("rate", RATES)
def test_reconstruct_ranks_directed_betweenness_closer_to_the_truth(measured, rate):
    keep, reconstruct = _pair(measured, rate, "betweenness_directed", "rho")
    assert reconstruct > keep
