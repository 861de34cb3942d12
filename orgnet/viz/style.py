"""Colours, sizes and labels shared by the interactive graph, the static picture and the report."""

from __future__ import annotations

import numpy as np
import pandas as pd

from orgnet.errors import OrgnetError, Said

# Colour-blind-safe categorical palette (Okabe–Ito, then Tableau 10 for more categories).
PALETTE = (
    "#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000",
    "#4E79A7", "#F28E2B", "#59A14F", "#B07AA1", "#76B7B2", "#EDC948", "#FF9DA7", "#9C755F",
)
OTHER = "#BBBBBB"
SEVERITY_COLOURS = {"high": "#C0392B", "medium": "#E67E22", "low": "#F1C40F", "none": "#95A5A6"}
SCOPE_COLOURS = {"internal": "#34495E", "external": "#D35400", "unknown": "#95A5A6"}
MAX_CATEGORIES = len(PALETTE)
# The legend's two categories that are no value of the data: no value given, and the rare values
# beyond the palette. Neither can be a value a user wrote (a CSV cell holds no NUL).
MISSING = "\x00missing"
OTHER_LABEL = "\x00other"
MIN_SIZE, MAX_SIZE = 8.0, 40.0


def node_colours(values: pd.Series) -> tuple[pd.Series, dict[str, str]]:
    """A colour per person and the legend (category → colour); rare categories share ``OTHER_LABEL``,
    people with no value are ``MISSING``."""
    labels = values.astype("object").where(values.notna(), MISSING).map(_category)
    counts = labels.value_counts()
    legend = {label: PALETTE[i] for i, label in enumerate(counts.index[:MAX_CATEGORIES])}
    if len(counts) > MAX_CATEGORIES:
        legend[OTHER_LABEL] = OTHER
    return labels.map(lambda label: legend.get(label, OTHER)), legend


def _category(value) -> str:
    """A value as a legend category: ``3.0`` (a number column read as float) is ``3``."""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def flag_colours(flags: pd.DataFrame, ids: pd.Index) -> tuple[pd.Series, dict[str, str]]:
    """Colour by each person's most severe flag."""
    rank = {"high": 0, "medium": 1, "low": 2}
    worst = flags.assign(r=flags["severity"].map(rank)).sort_values("r").groupby("id")["severity"].first()
    severity = worst.reindex(ids).fillna("none")
    return severity.map(SEVERITY_COLOURS), dict(SEVERITY_COLOURS)


def node_sizes(values: pd.Series) -> pd.Series:
    """Square-root scaling of a metric to MIN_SIZE…MAX_SIZE pixels (area follows the value)."""
    numbers = pd.to_numeric(values, errors="coerce").fillna(0.0).clip(lower=0)
    top = numbers.max()
    if not top or np.isnan(top):
        return pd.Series(MIN_SIZE, index=values.index)
    return MIN_SIZE + (MAX_SIZE - MIN_SIZE) * np.sqrt(numbers / top)


def colour_column(table: pd.DataFrame, colour_by: str, flags: pd.DataFrame | None) -> tuple[pd.Series, dict[str, str], str]:
    """A colour per person, the legend (category code → colour) and what was coloured by (a code:
    ``flag`` or the attribute)."""
    if colour_by == "flag":
        if flags is None:
            raise OrgnetError(Said("error.viz.colour_needs_flags"))
        colours, legend = flag_colours(flags, table.index)
        return colours, legend, "flag"
    if colour_by not in table.columns:
        raise OrgnetError(Said("error.viz.cannot_colour", colour_by=colour_by, choices=", ".join(map(str, table.columns))))
    colours, legend = node_colours(table[colour_by])
    return colours, legend, colour_by
