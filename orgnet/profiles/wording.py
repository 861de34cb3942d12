"""The profile page's flags written to the person herself, and its reflection questions from the
handbook's purposes of a leader network; the words are the catalogue's (``profile.*``, ``flag.*``)."""

from __future__ import annotations

import numbers

import pandas as pd

from orgnet.i18n import format_number
from orgnet.texts import texts
from orgnet.values import is_missing

# the handbook's purposes of a leader network, in its order (catalogue keys profile.purpose.<code>)
PURPOSES = ("knowledge", "influence", "external", "crisis", "quality", "personnel", "career")


def questions(lang: str) -> list[tuple[str, str]]:
    """(purpose, question) per purpose of a leader network, in the handbook's order."""
    words = texts(lang)
    return [(words.t(f"profile.purpose.{code}.title"), words.t(f"profile.purpose.{code}.question")) for code in PURPOSES]


def personal_flags(
    person, flags: pd.DataFrame, bagland: pd.DataFrame, people: pd.DataFrame, contacts: set, peers: pd.DataFrame, lang: str, k: int,
    cut_off: dict | None = None,
) -> list[dict]:
    """Her flags, most severe first, each as {title, severity, text} written to her.

    Another person is named only when he is her contact (the one bridge, for instance);
    ``cut_off`` is how many people removing her would cut off, for a bottleneck.
    """
    words = texts(lang)
    rows = flags[flags["id"] == person]
    found = []
    for row in rows.to_dict(orient="records"):
        flag = row["flag"]
        fields = {"value": _value(row["value"], lang), "threshold": _value(row["threshold"], lang)}
        count = None  # the number the text's noun agrees with
        if flag == "thin":
            shown = bool(peers.at[person, "shown"])
            median = format_number(peers.at[person, "median_degree"], lang)
            fields["median_text"] = words.t("flag.thin.personal_median", median=median) if shown else ""
            count = row["value"]
        elif flag == "single_bridge":
            bridge = row["value"]
            name = people.at[bridge, "name"] if "name" in people and bridge in people.index else bridge
            fields["bridge_text"] = words.t("flag.single_bridge.personal_bridge", name=name) if bridge in contacts else ""
        elif flag == "bottleneck":
            fields["value"] = format_number(row["value"], lang, digits=3)
            count = (cut_off or {}).get(person, 0)
        elif flag in ("weak_bagland", "no_management_tie"):
            fields["unit"] = bagland.at[person, "unit"] if person in bagland.index else "—"
            fields["reached"] = bagland.at[person, "reached"] if person in bagland.index else "—"
            fields["colleagues"] = bagland.at[person, "colleagues"] if person in bagland.index else "—"
            if flag == "weak_bagland":
                fields["value"] = format_number(row["value"], lang, percent=True)
                fields["threshold"] = format_number(row["threshold"], lang, percent=True)
                count = fields["colleagues"] if person in bagland.index else None
        organisation = people.at[person, "organisation"] if "organisation" in people else None
        fields["organisation"] = "—" if organisation is None or pd.isna(organisation) else organisation
        counted = isinstance(count, numbers.Real) and not pd.isna(count)
        found.append(
            {
                "title": words.t(f"flag.{flag}.title"),
                "severity": words.t(f"severity.{row['severity']}"),
                "level": row["severity"],
                "text": words.t(f"flag.{flag}.personal", n=count if counted else None, **fields),
            }
        )
    return found


def _value(value, lang: str) -> str:
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return format_number(value, lang)
    return "—" if is_missing(value) else str(value)
