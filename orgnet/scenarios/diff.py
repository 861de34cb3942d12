"""Two waves of the same population compared: who joined and left, ties gained and lost per
layer, each person's change in contacts, constraint, betweenness and flags, the network figures
side by side, and — for groups such as network groups started between the waves — whether
members gained informal external ties compared with non-members.

People are matched by ``id``. Ties are compared as symmetrised pairs per layer: a pair is
*kept* when it is in the layer in both waves, *lost* when only in the first and *gained* when
only in the second. A pair lost because one of the two left, or gained because one of them is
new, is counted apart (``lost_with_leaver``, ``gained_with_newcomer``): those are turnover, not
a change in how the people who stayed relate. A pair whose scope changed (its two people's
organisations merged) moves from the external to the internal layer and is counted there as
lost and gained.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

from orgnet.analysis import Analysis
from orgnet.compare import DEFAULT_K, MIN_K
from orgnet.errors import InputError, OrgnetError, Problem, Said
from orgnet.io.text import read_csv_text
from orgnet.layers import BRIDGE_LAYER, SUMMARY_LAYERS
from orgnet.model import OrgNetwork
from orgnet.scenarios.whatif import figures_table, flag_transitions

LAYERS = (*SUMMARY_LAYERS, BRIDGE_LAYER)
PERSON_METRICS = (
    "degree",
    "degree_internal",
    "degree_external",
    "degree_formal",
    "degree_informal",
    "degree_informal_external",
    "constraint",
    "betweenness",
)
GROUP_METRIC = "degree_informal_external"
NON_MEMBERS = "(not in a group)"


@dataclass
class Diff:
    """Every table of a two-wave comparison (see the module docstring)."""

    first: Analysis
    second: Analysis
    labels: tuple[str, str]
    joined: pd.DataFrame
    left: pd.DataFrame
    ties: pd.DataFrame
    people: pd.DataFrame
    flags: pd.DataFrame
    figures: pd.DataFrame
    groups: pd.DataFrame | None

    @property
    def counts(self) -> dict:
        common = len(self.people)
        return {
            "people_first": len(self.first.network.people),
            "people_second": len(self.second.network.people),
            "in_both": common,
            "joined": len(self.joined),
            "left": len(self.left),
        }


def compare_waves(
    first: OrgNetwork | Analysis,
    second: OrgNetwork | Analysis,
    *,
    groups: pd.DataFrame | None = None,
    k: int = DEFAULT_K,
    labels: tuple[str, str] = ("wave 1", "wave 2"),
    **analysis_options,
) -> Diff:
    """Compare two waves; ``groups`` (``group``, ``person``) are evaluated if given.

    A wave given as an :class:`~orgnet.analysis.Analysis` is used as it is (nothing it has
    computed is computed again); a network is analysed with ``k`` and ``analysis_options``.
    Raises :class:`OrgnetError` when the waves have no person in common.
    """
    one = first if isinstance(first, Analysis) else Analysis(first, k=k, **analysis_options)
    two = second if isinstance(second, Analysis) else Analysis(second, k=k, **analysis_options)
    first, second = one.network, two.network
    if k < MIN_K:
        raise OrgnetError(Said("error.scenarios.k_small", k=k, min_k=MIN_K))
    common = first.people.index.intersection(second.people.index, sort=False)
    if not len(common):
        raise OrgnetError(Said("error.scenarios.no_common", first=labels[0], second=labels[1]))
    joined = second.people.index.difference(first.people.index, sort=False)
    left = first.people.index.difference(second.people.index, sort=False)
    people = person_changes(one, two, common)
    return Diff(
        first=one,
        second=two,
        labels=labels,
        joined=_who(second.people, joined),
        left=_who(first.people, left),
        ties=tie_changes(first, second),
        people=people,
        flags=flag_changes(one.flags, two.flags, common),
        figures=figures_table({labels[0]: one, labels[1]: two}).assign(change=lambda t: t[labels[1]] - t[labels[0]]),
        groups=None if groups is None else group_effects(people, groups, k=k),
    )


def tie_changes(first: OrgNetwork, second: OrgNetwork) -> pd.DataFrame:
    """One row per layer: pairs kept, lost, lost with a leaver, gained, gained with a newcomer."""
    stayed = first.people.index.intersection(second.people.index)
    rows = []
    for layer in LAYERS:
        before = _pairs(first.layer(None if layer == "all" else layer).ties)
        after = _pairs(second.layer(None if layer == "all" else layer).ties)
        merged = before.merge(after, how="outer", indicator=True)
        both_stayed = merged["a"].isin(stayed) & merged["b"].isin(stayed)
        side = merged["_merge"]
        rows.append(
            {
                "layer": layer,
                "first": len(before),
                "second": len(after),
                "kept": int((side == "both").sum()),
                "lost": int(((side == "left_only") & both_stayed).sum()),
                "lost_with_leaver": int(((side == "left_only") & ~both_stayed).sum()),
                "gained": int(((side == "right_only") & both_stayed).sum()),
                "gained_with_newcomer": int(((side == "right_only") & ~both_stayed).sum()),
            }
        )
    return pd.DataFrame(rows).set_index("layer")


def person_changes(first: Analysis, second: Analysis, common: pd.Index) -> pd.DataFrame:
    """Per person in both waves: each metric in the first and second wave and the change, and
    the flags that are new, resolved and persisting."""
    people = second.network.people
    table = pd.DataFrame(
        {"name": people["name"].reindex(common) if "name" in people else pd.Series(common, index=common)},
        index=common,
    )
    if "organisation" in people:
        table["organisation"] = people["organisation"].reindex(common)
    for metric in PERSON_METRICS:
        before, after = first.metrics[metric].reindex(common), second.metrics[metric].reindex(common)
        table[f"{metric}_first"], table[f"{metric}_second"], table[f"{metric}_change"] = before, after, after - before
    table = table.join(flag_transitions(first.flags, second.flags, common))
    table.index.name = "id"
    return table


def flag_changes(first: pd.DataFrame, second: pd.DataFrame, common: pd.Index) -> pd.DataFrame:
    """Per flag, among people in both waves: resolved (first only), new (second only), persisting."""
    before = first.loc[first["id"].isin(common), ["id", "flag"]].drop_duplicates()
    after = second.loc[second["id"].isin(common), ["id", "flag"]].drop_duplicates()
    merged = before.merge(after, how="outer", indicator=True)
    table = pd.crosstab(merged["flag"], merged["_merge"]).reindex(columns=["left_only", "right_only", "both"], fill_value=0)
    table.columns = ["resolved", "new", "persisting"]
    table.columns.name = None
    return table.astype("int64")


def group_effects(people: pd.DataFrame, groups: pd.DataFrame, *, k: int = DEFAULT_K) -> pd.DataFrame:
    """Per group, among members in both waves: mean change in informal external contacts and the
    share who gained at least one, with the people in no group as the comparison row. Groups
    with fewer than ``k`` such members are suppressed (no figure, not even their size)."""
    change = people[f"{GROUP_METRIC}_change"]
    members = groups[["group", "person"]].drop_duplicates()
    members = members[members["person"].isin(people.index)]
    outside = people.index.difference(pd.Index(members["person"]), sort=False)
    rows = []
    for group, persons in [*members.groupby("group", sort=True)["person"], (NON_MEMBERS, pd.Series(outside))]:
        values = change.reindex(persons.to_numpy())
        if len(values) < k:
            rows.append({"group": group, "suppressed": True})
            continue
        rows.append(
            {
                "group": group,
                "suppressed": False,
                "n": len(values),
                "mean_change": float(values.mean()),
                "share_gained": float((values > 0).mean()),
                "mean_first": float(people[f"{GROUP_METRIC}_first"].reindex(values.index).mean()),
            }
        )
    return pd.DataFrame(rows, columns=["group", "suppressed", "n", "mean_first", "mean_change", "share_gained"]).astype(
        {"n": "Int64"}
    )


def read_groups(path: Path, people: pd.Index) -> pd.DataFrame:
    """A groups file (``group``, ``person``); every person must be in one of the waves."""
    frame = read_csv_text(Path(path), str(path))
    missing = [column for column in ("group", "person") if column not in frame.columns]
    if missing:
        said = Said("error.scenarios.missing_column", column=missing[0], columns=", ".join(frame.columns))
        raise InputError([Problem(str(path), said)])
    unknown = frame[~frame["person"].isin(people)]
    if len(unknown):
        raise InputError(
            [
                Problem(
                    str(path), Said("error.scenarios.unknown_person", person=value), row=int(row), column="person", value=value
                )
                for row, value in unknown["person"].items()
            ]
        )
    return frame


def _pairs(ties: pd.DataFrame) -> pd.DataFrame:
    source, target = ties["source"].to_numpy(dtype=object), ties["target"].to_numpy(dtype=object)
    first = np.where(source < target, source, target)
    second = np.where(source < target, target, source)
    return pd.DataFrame({"a": first, "b": second}).drop_duplicates(ignore_index=True)


def _who(people: pd.DataFrame, ids: pd.Index) -> pd.DataFrame:
    columns = [column for column in ("name", "organisation", "unit", "role") if column in people.columns]
    table = people.loc[ids, columns].copy()
    table.index.name = "id"
    return table
