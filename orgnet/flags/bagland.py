"""The TR's bagland: which of his own unit's colleagues he is in contact with, and management.

A TR's colleagues are the other people of his ``unit`` whose role is not ``leader``; his
management is the leaders of his ``organisation``. Ties count in either direction and of any
kind (the symmetrised graph). Computed with joins on the tie table, not loops.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from orgnet.model import OrgNetwork

TR_ROLE = "tr"
LEADER_ROLE = "leader"


def contact_pairs(network: OrgNetwork) -> pd.DataFrame:
    """Every symmetrised contact as two rows (person, other), distinct."""
    ties = network.ties
    pairs = pd.concat(
        [ties[["source", "target"]].set_axis(["person", "other"], axis=1), ties[["target", "source"]].set_axis(["person", "other"], axis=1)]
    )
    return pairs.drop_duplicates(ignore_index=True)


def bagland(network: OrgNetwork) -> pd.DataFrame:
    """One row per TR: unit size, colleagues reached, coverage, who is not reached, management ties.

    ``coverage`` is reached / colleagues, NaN when the unit has no other colleagues.
    """
    people = network.people
    if "role" not in people.columns:
        return _empty()
    trs = people[people["role"] == TR_ROLE]
    if trs.empty:
        return _empty()
    unit = people["unit"] if "unit" in people.columns else pd.Series(pd.NA, index=people.index)
    # Without an organisation column the data describe one organisation: every leader is management.
    organisation = people["organisation"] if "organisation" in people.columns else pd.Series("", index=people.index)

    non_leaders = pd.DataFrame({"colleague": people.index, "unit": unit.to_numpy(), "role": people["role"].to_numpy()})
    non_leaders = non_leaders[(non_leaders["role"] != LEADER_ROLE) & non_leaders["unit"].notna()]
    candidates = pd.DataFrame({"tr": trs.index, "unit": unit[trs.index].to_numpy()}).merge(non_leaders[["colleague", "unit"]], on="unit")
    candidates = candidates[candidates["colleague"] != candidates["tr"]]
    contacts = contact_pairs(network)
    linked = candidates.merge(contacts, left_on=["tr", "colleague"], right_on=["person", "other"], how="left", indicator=True)
    candidates = candidates.assign(reached=(linked["_merge"] == "both").to_numpy())

    names = people["name"] if "name" in people.columns else pd.Series(people.index, index=people.index)
    missed = candidates[~candidates["reached"]]
    missed_names = names.reindex(missed["colleague"]).to_numpy()
    missed = missed.assign(label=np.where(missed_names == missed["colleague"].to_numpy(), missed["colleague"], missed_names + " (" + missed["colleague"] + ")"))
    not_reached = missed.groupby("tr")["label"].agg("; ".join)

    management = contacts[contacts["person"].isin(trs.index)]
    same_organisation = pd.Series(organisation.reindex(management["other"]).to_numpy()).eq(
        pd.Series(organisation.reindex(management["person"]).to_numpy())
    )
    is_leader = pd.Series(people["role"].reindex(management["other"]).to_numpy()).eq(LEADER_ROLE)
    # a missing organisation or role is not a match (never NA, which has no truth value)
    management = management[(is_leader & same_organisation).fillna(False).astype(bool).to_numpy()]

    colleagues = candidates.groupby("tr").size().reindex(trs.index, fill_value=0)
    reached = candidates.groupby("tr")["reached"].sum().reindex(trs.index, fill_value=0)
    table = pd.DataFrame(
        {
            "name": names[trs.index],
            "organisation": people["organisation"][trs.index] if "organisation" in people.columns else pd.NA,
            "unit": unit[trs.index],
            "colleagues": colleagues.astype("int64"),
            "reached": reached.astype("int64"),
            "coverage": np.where(colleagues > 0, reached / colleagues.where(colleagues > 0, 1), np.nan),
            "not_reached": not_reached.reindex(trs.index).fillna(""),
            "management_ties": management.groupby("person").size().reindex(trs.index, fill_value=0).astype("int64"),
        },
        index=trs.index,
    )
    table.index.name = "id"
    return table


def _empty() -> pd.DataFrame:
    columns = ["name", "organisation", "unit", "colleagues", "reached", "coverage", "not_reached", "management_ties"]
    return pd.DataFrame(columns=columns, index=pd.Index([], name="id"))
