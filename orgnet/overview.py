"""What a network holds, in counts: the summary ``orgnet validate`` prints."""

from __future__ import annotations

from orgnet.model import OrgNetwork


def describe(network: OrgNetwork) -> dict:
    """Counts of people, ties by kind × scope, merged duplicates, isolates, organisations, units.

    Ties are counted as distinct (source, target, relation) after duplicates were merged.
    """
    ties = network.ties
    by_kind_scope = ties.groupby(["kind", "scope"]).size()
    people = network.people
    summary = {
        "people": int(len(people)),
        "ties": int(len(ties)),
        "ties_by_kind_scope": {f"{kind}+{scope}": int(count) for (kind, scope), count in by_kind_scope.items()},
        "ties_by_relation": {str(k): int(v) for k, v in ties["relation"].value_counts().sort_index().items()},
        "duplicates_merged": int(network.duplicates_merged),
        "isolates": int(len(network.isolates())),
        "organisations": int(people["organisation"].nunique()) if "organisation" in people else None,
        "units": int(people["unit"].nunique()) if "unit" in people else None,
        "groups": int(network.groups["group"].nunique()),
    }
    if "role" in people:
        summary["people_by_role"] = {str(k): int(v) for k, v in people["role"].value_counts().sort_index().items()}
    return summary


def format_summary(summary: dict) -> str:
    """The summary as lines a person reads in a terminal."""
    lines = [
        f"people:              {summary['people']}",
        f"ties:                {summary['ties']}",
    ]
    for layer, count in summary["ties_by_kind_scope"].items():
        lines.append(f"  {layer:<19}{count}")
    lines.append(f"duplicates merged:   {summary['duplicates_merged']}")
    lines.append(f"isolates:            {summary['isolates']}")
    if summary["organisations"] is not None:
        lines.append(f"organisations:       {summary['organisations']}")
    if summary["units"] is not None:
        lines.append(f"units:               {summary['units']}")
    lines.append(f"groups:              {summary['groups']}")
    for role, count in summary.get("people_by_role", {}).items():
        lines.append(f"  role {role:<14}{count}")
    return "\n".join(lines)
