"""Before and after a scenario, side by side: the network's figures, flag counts, and per
person who loses reach, who is cut off, whose external ties turn internal, and which TRs' bagland
shrinks.

A scenario's before and after are two :class:`~orgnet.analysis.Analysis` objects; everything is
read from them, so nothing is computed twice.

Example
-------
>>> import orgnet
>>> from orgnet.scenarios import apply_scenario, parse_scenario
>>> from orgnet.scenarios.whatif import what_if
>>> network = orgnet.read("datasets/skovbjerg")  # doctest: +SKIP
>>> result = what_if(network, [parse_scenario("merger", merge=["Bostedet Næsset,Bostedet Søhøj=Næsset-Søhøj"])])  # doctest: +SKIP
>>> result.figures  # doctest: +SKIP
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from orgnet.analysis import Analysis
from orgnet.layers import SUMMARY_LAYERS
from orgnet.metrics.graph import SymGraph
from orgnet.model import OrgNetwork
from orgnet.scenarios.changes import Outcome, Scenario, apply_scenario

BASELINE = "before"


@dataclass
class ScenarioResult:
    """One scenario: what it did, the analysis after it, and the per-person, TR and
    per-organisation tables."""

    outcome: Outcome
    after: Analysis
    people: pd.DataFrame
    bagland: pd.DataFrame
    organisations: pd.DataFrame

    @property
    def name(self) -> str:
        return self.outcome.scenario.name


@dataclass
class WhatIf:
    """The baseline, every scenario's result, and one figures table (a column per scenario)."""

    before: Analysis
    results: list[ScenarioResult]
    figures: pd.DataFrame


def what_if(network: OrgNetwork, scenarios: list[Scenario], **analysis_options) -> WhatIf:
    """Apply each scenario to ``network`` and compare it with the network as it is.

    ``analysis_options`` go to every :class:`~orgnet.analysis.Analysis` (``seed``, ``rules``,
    ``lang``, ``k``), so before and after are computed the same way.
    """
    before = Analysis(network, **analysis_options)
    results = []
    for scenario in scenarios:
        outcome = apply_scenario(network, scenario)
        after = Analysis(outcome.network, **analysis_options)
        results.append(
            ScenarioResult(
                outcome,
                after,
                person_changes(before, after, outcome),
                bagland_changes(before, after),
                ei_by_organisation(before)
                .add_suffix("_before")
                .join(ei_by_organisation(after).add_suffix("_after"), how="outer"),
            )
        )
    figures = figures_table({BASELINE: before, **{result.name: result.after for result in results}})
    return WhatIf(before, results, figures)


def reach(graph: SymGraph, steps: int) -> np.ndarray:
    """People within ``steps`` steps of each person (the person not counted), symmetrised graph."""
    if not graph.n:
        return np.zeros(0, dtype=np.int64)
    return np.asarray(graph.igraph.neighborhood_size(order=steps, mindist=1), dtype=np.int64)


def network_figures(analysis: Analysis) -> dict[str, float]:
    """The figures the scenario and wave tables compare, as one flat dict.

    ``mean_distance`` is the mean shortest-path length over the pairs that are connected
    (igraph ``average_path_length`` with ``unconn=True``); reach counts people within 2 and 3
    steps; ``ei_index`` is Krackhardt's E–I index of the whole network by organisation.
    """
    summary, graph = analysis.summary, analysis.graph
    n = graph.n
    figures = {
        "people": n,
        "ties": len(graph.edges),
        "components": summary["components"],
        "largest_component_share": summary["largest_component"] / n if n else float("nan"),
        "isolates": summary["isolates"],
        **{f"density_{layer}": summary["density"][layer] for layer in SUMMARY_LAYERS},
        "mean_distance": graph.igraph.average_path_length(directed=False, unconn=True) if len(graph.edges) else float("nan"),
        "mean_reach2": float(reach(graph, 2).mean()) if n else float("nan"),
        "mean_reach3": float(reach(graph, 3).mean()) if n else float("nan"),
        "ei_index": summary["ei_index"] if summary["ei_index"] is not None else float("nan"),
    }
    counts = analysis.flags["flag"].value_counts()
    flag_names = list(analysis.rules) if isinstance(analysis.rules, dict) else []
    for flag in dict.fromkeys([*flag_names, *counts.index]):
        figures[f"flag:{flag}"] = int(counts.get(flag, 0))
    return figures


def figures_table(analyses: dict[str, Analysis]) -> pd.DataFrame:
    """One row per figure, one column per analysis (``before`` first)."""
    table = pd.DataFrame({name: network_figures(analysis) for name, analysis in analyses.items()})
    table.index.name = "figure"
    return table


def person_changes(before: Analysis, after: Analysis, outcome: Outcome | None = None) -> pd.DataFrame:
    """One row per person still there after the scenario, with what changed for them.

    Columns: reach within 2 and 3 steps before and after and what was lost, contacts before and
    after, ``isolated`` (had contacts, has none), ``cut_off`` (was in the largest component, is
    not), ``turned_internal`` (external ties that became internal), ``new_flags`` and
    ``resolved_flags``. Sorted with the people who lose most first.
    """
    ids = after.network.people.index
    columns = {}
    for steps in (2, 3):
        first = before.graph.series(reach(before.graph, steps), "r").reindex(ids)
        second = after.graph.series(reach(after.graph, steps), "r")
        columns[f"reach{steps}_before"], columns[f"reach{steps}_after"] = first, second
        columns[f"lost_reach{steps}"] = (first - second).clip(lower=0)
    degree_before = before.graph.series(before.graph.degree, "d").reindex(ids)
    degree_after = after.graph.series(after.graph.degree, "d")
    table = pd.DataFrame(
        {
            "name": after.network.people["name"] if "name" in after.network.people else pd.Series(ids, index=ids),
            "organisation": after.network.people.get("organisation", pd.Series(pd.NA, index=ids)),
            **columns,
            "contacts_before": degree_before,
            "contacts_after": degree_after,
            "isolated": (degree_before > 0) & (degree_after == 0),
            "cut_off": _in_largest(before.graph).reindex(ids) & ~_in_largest(after.graph),
            "turned_internal": _turned_internal(before.network, after.network).reindex(ids, fill_value=0),
        },
        index=ids,
    )
    table = table.join(flag_transitions(before.flags, after.flags, ids)[["new_flags", "resolved_flags"]])
    if outcome is not None:
        table["moved"] = ids.isin(outcome.moved)
    table.index.name = "id"
    return table.sort_values(["lost_reach3", "lost_reach2"], ascending=False, kind="stable")


def flag_transitions(first: pd.DataFrame, second: pd.DataFrame, ids: pd.Index) -> pd.DataFrame:
    """Per person in ``ids``: flags that are new, resolved (gone) and persisting, as text."""
    columns = {"right_only": "new_flags", "left_only": "resolved_flags", "both": "persisting_flags"}
    before = first.loc[first["id"].isin(ids), ["id", "flag"]].drop_duplicates()
    after = second.loc[second["id"].isin(ids), ["id", "flag"]].drop_duplicates()
    merged = before.merge(after, how="outer", indicator=True).sort_values(["id", "flag"], kind="stable")
    merged["side"] = merged["_merge"].astype(str).map(columns)
    joined = merged.groupby(["id", "side"])["flag"].agg(", ".join).unstack()
    return joined.reindex(index=ids, columns=list(columns.values())).astype(object).fillna("")


def affected(people: pd.DataFrame) -> pd.DataFrame:
    """The people a scenario touches: reach lost, cut off, isolated, ties turned, flags changed."""
    touched = (
        (people["lost_reach3"] > 0)
        | people["isolated"]
        | people["cut_off"]
        | (people["turned_internal"] > 0)
        | (people["new_flags"] != "")
        | (people["resolved_flags"] != "")
    )
    return people[touched]


def bagland_changes(before: Analysis, after: Analysis) -> pd.DataFrame:
    """TRs still there after the scenario whose bagland changed, with coverage before and after."""
    first, second = before.bagland, after.bagland
    ids = second.index
    table = pd.DataFrame(
        {
            "name": second["name"],
            "unit_before": first["unit"].reindex(ids),
            "unit_after": second["unit"],
            "colleagues_before": first["colleagues"].reindex(ids),
            "colleagues_after": second["colleagues"],
            "coverage_before": first["coverage"].reindex(ids).astype(float),
            "coverage_after": second["coverage"].astype(float),
        },
        index=ids,
    )
    changed = ~np.isclose(table["coverage_before"], table["coverage_after"], equal_nan=True) | (
        table["colleagues_before"] != table["colleagues_after"]
    )
    table = table[changed].assign(coverage_change=lambda t: t["coverage_after"] - t["coverage_before"])
    table.index.name = "id"
    return table.sort_values("coverage_change", kind="stable")


def ei_by_organisation(analysis: Analysis) -> pd.DataFrame:
    """Per organisation: its members' symmetrised ties inside (I) and outside (E) it, and
    Krackhardt's E–I index (E − I) / (E + I). Ties to people without an organisation are left out."""
    people, graph = analysis.network.people, analysis.graph
    if "organisation" not in people.columns:
        return pd.DataFrame(columns=["internal", "external", "ei"])
    codes, names = pd.factorize(people["organisation"])
    first, second = codes[graph.edges[:, 0]], codes[graph.edges[:, 1]]
    known = (first >= 0) & (second >= 0)
    first, second = first[known], second[known]
    same = first == second
    internal = np.bincount(first[same], minlength=len(names))
    external = np.bincount(np.r_[first[~same], second[~same]], minlength=len(names))
    total = internal + external
    ei = np.divide(external - internal, total, out=np.full(len(names), np.nan), where=total > 0)
    return pd.DataFrame({"internal": internal, "external": external, "ei": ei}, index=pd.Index(names, name="organisation"))


def _in_largest(graph: SymGraph) -> pd.Series:
    if not graph.n:
        return pd.Series(dtype=bool)
    membership = np.asarray(graph.igraph.connected_components().membership)
    largest = np.bincount(membership).argmax()
    return graph.series(membership == largest, "largest")


def _turned_internal(before: OrgNetwork, after: OrgNetwork) -> pd.Series:
    """Per person: ties that were external before and are internal after (both ends counted)."""
    key = ["source", "target", "relation"]
    joined = after.ties[[*key, "scope"]].merge(before.ties[[*key, "scope"]], on=key, suffixes=("", "_before"))
    turned = joined[(joined["scope_before"] == "external") & (joined["scope"] == "internal")]
    return pd.concat([turned["source"], turned["target"]]).value_counts()
