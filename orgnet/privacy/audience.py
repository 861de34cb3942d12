"""What each audience may see: the management view holds no person that can be picked out.

``consultant`` (the default) sees everything, marked confidential. ``management`` sees only
figures over groups of at least ``k`` people — no name, id, unit, organisation, relation label or
other free text, no per-person row, no TR table — built here, by construction, from counts:
the functions below never return a column that holds a person's attribute value except the
categorical group labels of groups with at least ``k`` members (``level``, ``role``, ``gender``,
``employer``), and those only when the group is shown.
"""

from __future__ import annotations

import pandas as pd

from orgnet.analysis import Analysis
from orgnet.compare import MIN_K
from orgnet.errors import OrgnetError, Said

AUDIENCES = ("consultant", "management")
# Categorical attributes whose values may label a group of ≥ k people in a management view.
GROUP_ATTRIBUTES = ("role", "level", "gender", "employer")


def check_audience(audience: str, k: int) -> None:
    if audience not in AUDIENCES:
        raise OrgnetError(Said("error.privacy.unknown_audience", audience=audience, first=AUDIENCES[0], second=AUDIENCES[1]))
    if k < MIN_K:
        raise OrgnetError(Said("error.privacy.k_too_small", k=k, least=MIN_K))


def headline(analysis: Analysis) -> dict:
    """Network-level counts and figures: nothing about any one person."""
    overview, summary = analysis.overview, analysis.summary
    people = overview["people"]
    return {
        "people": people,
        "ties": overview["ties"],
        "density": summary["density"]["all"],
        "components": summary["components"],
        "largest_component_share": summary["largest_component"] / people if people else float("nan"),
        "isolates": summary["isolates"],
        "ties_by_kind_scope": overview["ties_by_kind_scope"],
    }


def flag_counts(analysis: Analysis, *, by: str | None, k: int) -> pd.DataFrame:
    """How many people have each flag, overall (``by`` None) or per group of ``by``.

    A group under ``k`` people is one suppressed row with no count, as in ``compare``.
    """
    flags = analysis.flags
    people = analysis.network.people
    if by is None:
        counts = flags.groupby("flag")["id"].nunique()
        return pd.DataFrame({"flag": counts.index, "people": counts.to_numpy(), "share": counts.to_numpy() / max(len(people), 1)})
    if by not in people.columns:
        return pd.DataFrame(columns=[by, "suppressed", "n", "flag", "people", "share"])
    groups = people[by].astype("object").where(people[by].notna(), "(missing)").astype(str)
    sizes = groups.value_counts()
    flagged = flags.assign(group=flags["id"].map(groups)).groupby(["group", "flag"])["id"].nunique()
    rows = []
    for group in sorted(sizes.index):
        n = int(sizes[group])
        if n < k:
            rows.append({by: group, "suppressed": True})
            continue
        for flag, count in flagged.get(group, pd.Series(dtype=int)).items():
            rows.append({by: group, "suppressed": False, "n": n, "flag": flag, "people": int(count), "share": count / n})
        if group not in flagged.index.get_level_values(0):
            rows.append({by: group, "suppressed": False, "n": n, "flag": None, "people": 0, "share": 0.0})
    return pd.DataFrame(rows, columns=[by, "suppressed", "n", "flag", "people", "share"])


def bagland_overview(analysis: Analysis, *, k: int) -> dict:
    """The TRs' bagland over all TRs: counts and shares only, and only when there are ≥ k TRs."""
    table = analysis.bagland
    trs = len(table)
    if trs < k:
        return {"trs": None, "suppressed": True}
    coverage = table["coverage"].dropna()
    weak = int(analysis.flags.loc[analysis.flags["flag"] == "weak_bagland", "id"].nunique())
    no_management = int(analysis.flags.loc[analysis.flags["flag"] == "no_management_tie", "id"].nunique())
    return {
        "trs": trs,
        "suppressed": False,
        "median_coverage": float(coverage.median()) if len(coverage) else float("nan"),
        "weak_bagland": weak,
        "weak_bagland_share": weak / trs,
        "no_management_tie": no_management,
        "no_management_tie_share": no_management / trs,
    }


def comparisons(analysis: Analysis, *, k: int) -> dict[str, pd.DataFrame]:
    """The survey-style comparisons by the categorical attributes the data has (small groups suppressed)."""
    return {a: analysis.comparison([a], k=k) for a in GROUP_ATTRIBUTES if a in analysis.network.people.columns}
