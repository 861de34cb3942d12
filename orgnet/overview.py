"""What a network holds, in counts: the summary ``orgnet validate`` prints."""

from __future__ import annotations

from orgnet.i18n import format_number
from orgnet.model import OrgNetwork
from orgnet.texts import texts
from orgnet.texts.labels import layer_label, role_plural
from orgnet.texts.terminal import aligned


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


def format_summary(summary: dict, lang: str = "en") -> str:
    """The summary as lines a person reads in a terminal, in ``lang``."""
    words, number = texts(lang), lambda value: format_number(value, lang)
    rows = [(words.t("cli.overview.people"), number(summary["people"])), (words.t("cli.overview.ties"), number(summary["ties"]))]
    rows += [(f"  {layer_label(layer, lang)}", number(count)) for layer, count in summary["ties_by_kind_scope"].items()]
    rows += [(words.t("cli.overview.duplicates_merged"), number(summary["duplicates_merged"])), (words.t("cli.overview.isolates"), number(summary["isolates"]))]
    for part in ("organisations", "units"):
        if summary[part] is not None:
            rows.append((words.t(f"cli.overview.{part}"), number(summary[part])))
    rows.append((words.t("cli.overview.groups"), number(summary["groups"])))
    rows += [(f"  {role_plural(role, lang)}", number(count)) for role, count in summary.get("people_by_role", {}).items()]
    return "\n".join(aligned(rows))
