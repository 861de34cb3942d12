"""From a network to a proposal of leader network groups: who, how many, which groups, who leads.

``propose_groups`` turns the chosen people of an :class:`~orgnet.analysis.Analysis` into one or
more :class:`~orgnet.groups.heuristic.Problem` (one per value of ``--together``, and per value of
``--by`` in homogeneous mode), solves each with the seeded heuristic, and returns one row per
member with the group, the coordinator (tovholder) and why the person is in it.

Sizes follow the handbook: about 10 leaders per group where the set has 40 or more people,
3–4 where it has fewer than 15, 5–8 in between — unless ``size`` says otherwise.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pandas as pd
import scipy.sparse as sp

from orgnet.analysis import Analysis
from orgnet.errors import OrgnetError, Said
from orgnet.groups.heuristic import Problem, objective, solve, violations

PRIORITY_FLAG = "no_informal_external"
EXISTING_KIND = "network_group"
MODES = ("heterogeneous", "homogeneous")


@dataclass
class GroupOptions:
    size: tuple[int, int] | None = None  # (low, high); None: the handbook's rule
    mode: str = "heterogeneous"
    by: str | None = None  # homogeneous: the attribute each group shares
    apart: str | None = "organisation"  # never two members with the same value (None: allowed)
    together: str | None = None  # groups only within one value (e.g. municipality)
    keep_existing: str | None = None  # None, "out" or "together"
    coordinators: list[str] = field(default_factory=list)
    seed: int = 0


def size_rule(people: int, size: tuple[int, int] | None) -> tuple[int, int, str]:
    """(low, high, the rule's code) for a set of ``people``: ``given`` (``--size``), ``large``
    (40 or more people), ``small`` (fewer than 15) or ``middle``; the words are the catalogue's
    (``groups.rule.<code>``)."""
    if size is not None:
        low, high = size
        if low < 2 or high < low:
            raise OrgnetError(Said("error.groups.size_form", low=str(low), high=str(high)))
        return low, high, "given"
    if people >= 40:
        return 8, 12, "large"
    if people < 15:
        return 3, 4, "small"
    return 5, 8, "middle"


def propose_groups(analysis: Analysis, chosen: pd.Index, options: GroupOptions) -> tuple[pd.DataFrame, dict]:
    """One row per member (``group, id, name, organisation, unit, level, role_in_group, reason,
    degree``) and a summary (the size rule's code and sizes, the objective and its parts, groups,
    people placed).

    ``role_in_group`` is ``coordinator`` or ``member``; ``reason`` is a code: ``no_informal_external``
    (flagged, so placed first), ``named`` (a coordinator from ``coordinators``), ``most_contacts``
    (the coordinator chosen for having the most contacts, ``degree``, in the whole network) or
    ``chosen`` (one of the chosen people). The words are the catalogue's (``groups.reason.*``).
    """
    network = analysis.network
    people = network.people.loc[chosen]
    _check(people, options)
    existing = _existing_groups(network, chosen)
    if options.keep_existing == "out" and len(existing):
        people = people.drop(index=existing.index.intersection(people.index))
    low, high, rule = size_rule(len(people), options.size)
    if len(people) < low:
        raise OrgnetError(Said("error.groups.too_few", n=len(people), low=low))

    flagged = set(analysis.flags.loc[analysis.flags["flag"] == PRIORITY_FLAG, "id"])
    contacts = _contacts(network, people.index)
    parts = _partitions(people, options)
    rows, totals, group_offset = [], {"score": 0.0, "new_pairs": 0, "known_pairs": 0}, 0
    for part in parts:
        members = people.loc[part]
        index = np.flatnonzero(people.index.isin(part))
        locked, fixed_groups = _locks(members, existing, options)
        k = max(int(round(len(members) / ((low + high) / 2))), fixed_groups, 1)
        while k * high < len(members) and (k + 1) * low <= len(members):
            k += 1  # room for everyone
        while k > 1 and k * low > len(members):
            k -= 1
        if len(members) < low:
            raise OrgnetError(Said("error.groups.part_too_few", label=_label(members, options), n=len(members), low=low))
        problem = Problem(
            contacts[index][:, index],
            _values(members, options.apart),
            _values(members, "level"),
            k, low, high,
            priority=members.index.isin(list(flagged)),
            locked=locked,
            heterogeneous=options.mode == "heterogeneous",
            apart=options.apart is not None,
        )
        plan = solve(problem, seed=options.seed)
        broken = violations(problem, plan)
        if broken:
            raise OrgnetError(Said("error.groups.no_plan", label=_label(members, options), broken=broken[0]))
        parts_objective = objective(problem, plan)
        for key in totals:
            totals[key] += parts_objective[key]
        placed = plan >= 0
        rows.append(pd.DataFrame({"group": plan[placed] + 1 + group_offset, "id": members.index[placed]}))
        group_offset += k
    table = pd.concat(rows, ignore_index=True)
    table = _describe_members(table, network, flagged, analysis, options)
    summary = {
        "rule": rule, "low": low, "high": high, "mode": options.mode, "by": options.by, "apart": options.apart,
        "together": options.together, "seed": options.seed, "groups": int(table["group"].nunique()),
        "people": int(len(people)), "placed": int(len(table)), **totals,
    }
    return table, summary


def _check(people: pd.DataFrame, options: GroupOptions) -> None:
    if options.mode not in MODES:
        raise OrgnetError(Said("error.groups.mode", mode=str(options.mode)))
    if options.mode == "homogeneous" and not options.by:
        raise OrgnetError(Said("error.groups.by_needed"))
    for attribute in (options.by, options.apart, options.together):
        if attribute and attribute not in people.columns:
            attributes = ", ".join(map(str, people.columns))
            raise OrgnetError(Said("error.groups.no_attribute", attribute=attribute, attributes=attributes))


def _existing_groups(network, chosen: pd.Index) -> pd.Series:
    """The existing network group of each chosen person (groups.csv, group_kind network_group)."""
    groups = network.groups
    if not len(groups):
        return pd.Series(dtype=object)
    if "group_kind" in groups.columns:
        groups = groups[groups["group_kind"] == EXISTING_KIND]
    groups = groups[groups["person"].isin(chosen)]
    return groups.drop_duplicates("person").set_index("person")["group"]


def _contacts(network, ids: pd.Index) -> sp.csr_matrix:
    """Who is in contact with whom among ``ids``, in any layer and either direction."""
    position = pd.Series(np.arange(len(ids)), index=ids)
    ties = network.ties[network.ties["source"].isin(ids) & network.ties["target"].isin(ids)]
    rows, cols = position[ties["source"]].to_numpy(), position[ties["target"]].to_numpy()
    matrix = sp.csr_matrix((np.ones(len(rows)), (rows, cols)), shape=(len(ids), len(ids)))
    return ((matrix + matrix.T) > 0).astype(float).tocsr()


def _partitions(people: pd.DataFrame, options: GroupOptions) -> list[pd.Index]:
    keys = [a for a in (options.together, options.by if options.mode == "homogeneous" else None) if a]
    if not keys:
        return [people.index]
    labels = people[keys].astype("object").where(people[keys].notna(), "(missing)").astype(str)
    return [group.index for _, group in labels.groupby(keys, sort=True)]


def _label(members: pd.DataFrame, options: GroupOptions) -> str | Said:
    """The part a message is about: ``unit Ledelse, level 2`` (her columns and values), else the chosen people."""
    keys = [a for a in (options.together, options.by if options.mode == "homogeneous" else None) if a]
    return ", ".join(f"{a} {members[a].iloc[0]}" for a in keys) if keys else Said("error.groups.chosen_people")


def _values(members: pd.DataFrame, attribute: str | None) -> np.ndarray:
    if attribute is None or attribute not in members.columns:
        return np.full(len(members), -1)  # every value unique: no two share one
    return members[attribute].to_numpy(dtype=object)


def _locks(members: pd.DataFrame, existing: pd.Series, options: GroupOptions) -> tuple[np.ndarray, int]:
    if options.keep_existing != "together" or not len(existing):
        return np.full(len(members), -1), 0
    present = existing.reindex(members.index)
    codes, _ = pd.factorize(present)
    return codes, int(codes.max() + 1) if (codes >= 0).any() else 0


def _describe_members(table: pd.DataFrame, network, flagged: set, analysis: Analysis, options: GroupOptions) -> pd.DataFrame:
    people = network.people
    for column in ("name", "organisation", "unit", "level"):
        table[column] = table["id"].map(people[column]) if column in people.columns else pd.NA
    table["degree"] = analysis.metrics["degree"].reindex(table["id"]).to_numpy().astype(int)
    tenure = pd.to_numeric(people["tenure_years"], errors="coerce").reindex(table["id"]).fillna(-1).to_numpy() if "tenure_years" in people else np.zeros(len(table))
    table = table.assign(_tenure=tenure)
    named, picked = _coordinators(table, options.coordinators)
    table["role_in_group"] = np.where(table["id"].isin(named | picked), "coordinator", "member")
    table["reason"] = np.select(
        [table["id"].isin(list(flagged)), table["id"].isin(named), table["id"].isin(picked)],
        [PRIORITY_FLAG, "named", "most_contacts"], default="chosen",
    )
    columns = ["group", "id", "name", "organisation", "unit", "level", "role_in_group", "reason", "degree"]
    return table.sort_values(["group", "role_in_group", "id"], key=lambda c: c.map({"coordinator": 0, "member": 1}) if c.name == "role_in_group" else c)[columns].reset_index(drop=True)


def _coordinators(table: pd.DataFrame, given: list[str]) -> tuple[set, set]:
    """One per group: the given ones (first set); in every other group the member with the most
    contacts, then the longest tenure, then the first id (second set)."""
    given = [person for person in given if person]
    unknown = [person for person in given if person not in set(table["id"])]
    if unknown:
        raise OrgnetError(Said("error.groups.coordinator_unknown", person=unknown[0]))
    groups_given = table.set_index("id").loc[given, "group"] if given else pd.Series(dtype=int)
    if len(given) > table["group"].nunique():
        raise OrgnetError(Said("error.groups.coordinators_many", given=len(given), groups=table["group"].nunique()))
    doubled = groups_given[groups_given.duplicated()]
    if len(doubled):
        raise OrgnetError(Said("error.groups.coordinators_doubled", group=doubled.iloc[0]))
    chosen = set(given)
    rest = table[~table["group"].isin(set(groups_given))]
    best = rest.sort_values(["group", "degree", "_tenure", "id"], ascending=[True, False, False, True]).drop_duplicates("group")
    return chosen, set(best["id"])
