"""What the proposed groups would change: the network with each group's ties added, measured again.

Every pair in a group gets an informal tie (relation ``network_group``) — the contact a group
creates — and the whole analysis is recomputed. Before and after, for the chosen people: the
share flagged ``no_informal_external``, ``thin`` and ``isolated``, the group members' mean
constraint and effective size, the components of the chosen people's network, the new ties
and the pairs that already knew each other.
"""

from __future__ import annotations

from dataclasses import replace

import igraph as ig
import pandas as pd

from orgnet.analysis import Analysis
from orgnet.model import scope_of_ties

RELATION = "network_group"
MEASURED_FLAGS = ("no_informal_external", "thin", "isolated")


def group_pairs(network, members: pd.DataFrame) -> pd.DataFrame:
    """Every pair of members of one group (``group, id_a, id_b``) and whether they are already
    in contact (``known``: a tie either way, any layer)."""
    pairs = members[["group", "id"]].merge(members[["group", "id"]], on="group", suffixes=("_a", "_b"))
    pairs = pairs[pairs["id_a"] < pairs["id_b"]].reset_index(drop=True)
    ties = network.ties
    contacts = pd.MultiIndex.from_arrays([pd.concat([ties["source"], ties["target"]]), pd.concat([ties["target"], ties["source"]])])
    return pairs.assign(known=pd.MultiIndex.from_arrays([pairs["id_a"], pairs["id_b"]]).isin(contacts))


def with_group_ties(network, members: pd.DataFrame):
    """The network with an informal tie between every two members of each proposed group, the
    number of new ties and the number of pairs already in contact."""
    pairs = group_pairs(network, members)
    known = pairs["known"].to_numpy()
    new = pd.DataFrame({"source": pairs["id_a"].to_numpy(), "target": pairs["id_b"].to_numpy(), "relation": RELATION, "kind": "informal", "weight": 1.0, "reports": 1})
    new["scope"] = scope_of_ties(network.people, new)
    after = replace(network, ties=pd.concat([network.ties, new], ignore_index=True))
    return after, int((~known).sum()), int(known.sum())


FIGURES = (
    *(f"share_{flag}" for flag in MEASURED_FLAGS), "mean_constraint", "mean_effective_size", "components", "new_ties", "known_pairs",
)


def measure_effect(before: Analysis, members: pd.DataFrame, chosen: pd.Index) -> pd.DataFrame:
    """Before/after table, one row per figure: ``figure`` (a code of :data:`FIGURES`), ``before``,
    ``after``.

    ``share_<flag>``: the share of the chosen people with the flag; ``mean_constraint``,
    ``mean_effective_size``: the group members' mean; ``components``: of the chosen people's
    network; ``new_ties``: the ties the groups create; ``known_pairs``: pairs in a group already in
    contact. The words are the catalogue's (``groups.figure.<code>``).
    """
    network_after, new_ties, known_pairs = with_group_ties(before.network, members)
    after = Analysis(network_after, rules=before.rules, lang=before.lang, seed=before.seed)
    rows = []
    for flag in MEASURED_FLAGS:
        rows.append((f"share_{flag}", _share(before, flag, chosen), _share(after, flag, chosen)))
    in_groups = pd.Index(members["id"])
    for metric in ("constraint", "effective_size"):
        rows.append((f"mean_{metric}", float(before.metrics.loc[in_groups, metric].mean()), float(after.metrics.loc[in_groups, metric].mean())))
    rows.append(("components", _components(before.network, chosen), _components(network_after, chosen)))
    rows.append(("new_ties", 0, new_ties))
    rows.append(("known_pairs", known_pairs, known_pairs))
    return pd.DataFrame(rows, columns=["figure", "before", "after"])


def _share(analysis: Analysis, flag: str, chosen: pd.Index) -> float:
    flagged = analysis.flags.loc[analysis.flags["flag"] == flag, "id"]
    return float(pd.Index(flagged).isin(chosen).sum() / max(len(chosen), 1))


def _components(network, chosen: pd.Index) -> int:
    """Connected components of the network among the chosen people (ties between them only)."""
    ties = network.ties[network.ties["source"].isin(chosen) & network.ties["target"].isin(chosen)]
    position = pd.Series(range(len(chosen)), index=chosen)
    graph = ig.Graph(n=len(chosen), edges=list(zip(position[ties["source"]], position[ties["target"]])))
    return int(len(graph.connected_components()))


def new_pairs_by_group(network, members: pd.DataFrame) -> dict[int, int]:
    """How many pairs in each group are not yet in contact (the contacts the group creates)."""
    pairs = group_pairs(network, members)
    return {int(group): int(count) for group, count in (~pairs["known"]).groupby(pairs["group"]).sum().items()}
