"""How close `--missing keep` and `--missing reconstruct` come to the full data, where the truth is known.

Take a complete network (every person's own reports known), pretend a share of the people did not
answer (their outgoing ties removed, ``responded`` = no, chosen at random), treat it with each
``--missing`` treatment and compare each person's figures with those of the full data: mean
absolute error (MAE) and Spearman's rank correlation ρ, averaged over random draws.

Networks: Krackhardt's high-tech managers (advice, friendship) and Lazega's law firm (advice,
cowork, friendship) from /work/shared/datasets when present, each relation alone as one survey
question; and a generated municipality (all its ties).

Metrics: orgnet's ``degree`` and ``betweenness`` (both on the symmetrised graph), ``in_degree``
and ``out_degree``, betweenness with ``--path-weights inverse`` (tie strength z_ij + z_ji), Burt's
``constraint`` (directed, valued), and, as an independent check, betweenness on the directed ties
(networkx ``betweenness_centrality``, which orgnet does not compute).

    python benchmarks/missing_data.py [--draws 20] [--rates 0.9 0.8 0.7 0.6]
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import replace
from pathlib import Path

import networkx as nx
import numpy as np
import pandas as pd
from scipy.stats import spearmanr

import orgnet
from orgnet.config import Config
from orgnet.generate import generate_municipality
from orgnet.metrics.centrality import betweenness, degrees, plan_paths
from orgnet.metrics.graph import SymGraph
from orgnet.metrics.holes import structural_holes
from orgnet.missing import treat_missing
from orgnet.model import OrgNetwork

DATASETS = Path(__file__).resolve().parents[2] / "shared" / "datasets"
RATES = (0.9, 0.8, 0.7, 0.6)
METRICS = ("degree", "betweenness", "in_degree", "out_degree", "betweenness_inverse", "constraint", "betweenness_directed")


def networks() -> dict[str, OrgNetwork]:
    """Each complete network the measurement runs on, by name (a shared dataset that is absent is left out, said on stderr)."""
    found = {}
    for folder, relations in (("krackhardt_hightech", ("advice", "friendship")), ("lazega_lawfirm", ("advice", "cowork", "friendship"))):
        path = DATASETS / folder
        if not path.exists():
            print(f"{folder}: not at {path}; left out", file=sys.stderr)
            continue
        whole = orgnet.read(path, config=Config(relations={"*": "informal"}))  # kinds do not enter these metrics
        for relation in relations:
            found[f"{folder.split('_')[0]} {relation}"] = whole.layer(relation)
    found["municipality (generated, 300)"] = generate_municipality(people=300, seed=7)
    return found


def figures(network: OrgNetwork) -> pd.DataFrame:
    """The per-person metrics compared, with orgnet's own functions (exact paths)."""
    graph = SymGraph.from_network(network)
    plan = plan_paths(graph.n, exact=True, sample_size=None, seed=0)
    table = degrees(network, graph)[["degree", "in_degree", "out_degree"]].astype(float)
    table["betweenness"] = betweenness(graph, plan)
    table["betweenness_inverse"] = betweenness(graph, plan, path_weights="inverse")
    table["constraint"] = structural_holes(graph)["constraint"]
    directed = nx.DiGraph()
    directed.add_nodes_from(network.people.index)
    directed.add_edges_from(zip(network.ties["source"], network.ties["target"]))
    table["betweenness_directed"] = pd.Series(nx.betweenness_centrality(directed))
    return table


def without_answers(network: OrgNetwork, silent: pd.Index) -> OrgNetwork:
    """The network as a survey would see it had ``silent`` not answered: their own reports gone."""
    people = network.people.assign(responded=~network.people.index.isin(silent))
    ties = network.ties[~network.ties["source"].isin(silent)].reset_index(drop=True)
    return replace(network, people=people, ties=ties)


def _errors(estimate: pd.Series, truth: pd.Series) -> tuple[float, float]:
    both = pd.concat([estimate, truth], axis=1).dropna()
    mae = float((both.iloc[:, 0] - both.iloc[:, 1]).abs().mean())
    if both.iloc[:, 0].nunique() < 2 or both.iloc[:, 1].nunique() < 2:
        return mae, float("nan")
    return mae, float(spearmanr(both.iloc[:, 0], both.iloc[:, 1]).statistic)


def measure(network: OrgNetwork, *, rates=RATES, draws: int = 20, seed: int = 0) -> pd.DataFrame:
    """``rate, metric, treatment, mae, rho`` averaged over ``draws`` random sets of non-respondents per rate."""
    truth = figures(network)
    rng = np.random.default_rng(seed)
    rows = []
    for rate in rates:
        missing = int(round(len(network.people) * (1 - rate)))
        for _ in range(draws):
            silent = pd.Index(rng.choice(network.people.index.to_numpy(), size=missing, replace=False))
            observed = without_answers(network, silent)
            for treatment in ("keep", "reconstruct"):
                estimate = figures(treat_missing(observed, treatment)[0])
                for metric in METRICS:
                    mae, rho = _errors(estimate[metric], truth[metric])
                    rows.append((rate, metric, treatment, mae, rho))
    table = pd.DataFrame(rows, columns=["rate", "metric", "treatment", "mae", "rho"])
    return table.groupby(["rate", "metric", "treatment"], sort=False)[["mae", "rho"]].mean().reset_index()


def as_markdown(name: str, table: pd.DataFrame, metrics=METRICS) -> str:
    """One row per metric and response rate: MAE and ρ for keep and for reconstruct."""
    wide = table.pivot_table(index=["metric", "rate"], columns="treatment", values=["mae", "rho"], sort=False)
    lines = [f"**{name}**", "", "| metric | response | MAE keep | MAE reconstruct | ρ keep | ρ reconstruct |", "| --- | --- | --- | --- | --- | --- |"]
    for metric in metrics:
        for rate in sorted(table["rate"].unique(), reverse=True):
            row = wide.loc[(metric, rate)]
            lines.append(f"| {metric} | {rate:.0%} | {_number(row[('mae', 'keep')])} | {_number(row[('mae', 'reconstruct')])} | "
                         f"{row[('rho', 'keep')]:.3f} | {row[('rho', 'reconstruct')]:.3f} |")
    return "\n".join(lines)


def _number(value: float) -> str:
    return f"{value:.4f}" if abs(value) < 1 else f"{value:.2f}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--draws", type=int, default=20)
    parser.add_argument("--rates", type=float, nargs="+", default=list(RATES))
    options = parser.parse_args()
    print(f"random non-respondents: {options.draws} draws per response rate, seed 0; MAE and Spearman ρ against the full data, "
          "over every person, averaged over the draws\n")
    for name, network in networks().items():
        print(as_markdown(f"{name} ({len(network.people)} people, {len(network.ties)} ties)", measure(network, rates=options.rates, draws=options.draws)))
        print()


if __name__ == "__main__":
    main()
