"""One Analysis shared by every output: each stage computed once, however many outputs use it."""

from __future__ import annotations

from collections import Counter

import pytest

import orgnet
from orgnet import analysis as analysis_module
from orgnet import flags as flags_module
from orgnet import metrics as metrics_module
from orgnet.analysis import Analysis
from orgnet.generate import generate_municipality
from orgnet.metrics.graph import SymGraph


@pytest.fixture
def counted(monkeypatch):
    """Count the expensive stages: compute_all, flag_people, bagland and whole-network graphs."""
    calls: Counter = Counter()

    def counting(name, function):
        def wrapper(*args, **kwargs):
            calls[name] += 1
            return function(*args, **kwargs)

        return wrapper

    for module in (analysis_module, metrics_module):
        monkeypatch.setattr(module, "compute_all", counting("compute_all", metrics_module.compute_all))
    monkeypatch.setattr(analysis_module, "flag_people", counting("flag_people", flags_module.flag_people))
    monkeypatch.setattr(analysis_module, "bagland", counting("bagland", flags_module.bagland))
    whole_graph = SymGraph.from_network.__func__

    def from_network(cls, network, ties=None):
        if ties is None:  # a layer's graph (ties given) is a different graph
            calls["whole graph"] += 1
        return whole_graph(cls, network, ties)

    monkeypatch.setattr(SymGraph, "from_network", classmethod(from_network))
    return calls


def test_report_and_demo_compute_each_stage_once(counted, tmp_path, run_cli):
    network = generate_municipality(people=120, seed=3)
    orgnet.write(network, tmp_path / "data")

    result = run_cli("demo", "--data", tmp_path / "data", "-o", tmp_path / "out")

    assert result.exit_code == 0, result.output
    assert counted == {"compute_all": 1, "flag_people": 1, "bagland": 1, "whole graph": 1}


def test_results_are_the_same_objects_on_every_use():
    network = generate_municipality(people=120, seed=3)
    danish, english = Analysis(network, lang="da"), Analysis(network, lang="en")

    assert danish.metrics is danish.metrics
    assert danish.flags is danish.flags
    assert danish.comparison(["level"]) is danish.comparison(["level"])
    assert list(danish.flags["id"]) == list(english.flags["id"])
    assert not set(danish.flags["reason"]) & set(english.flags["reason"])  # the language reaches the reasons
