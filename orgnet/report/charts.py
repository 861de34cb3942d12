"""The report's charts as SVG data URIs (matplotlib; nothing loaded from outside).

Charts that show groups take them from the comparison tables, so a group under k is never
drawn either. Every text is in the report's language, and tick labels are numbers as its
reader writes them (``0,5`` in Danish).
"""

from __future__ import annotations

import base64
import io

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
from matplotlib.ticker import FuncFormatter  # noqa: E402

from orgnet.i18n import flag_name, format_number  # noqa: E402
from orgnet.layers import SUMMARY_LAYERS, degree_column  # noqa: E402
from orgnet.report.words import value_label  # noqa: E402
from orgnet.texts import texts  # noqa: E402
from orgnet.viz.style import PALETTE, SEVERITY_COLOURS  # noqa: E402

LAYERS = tuple((degree_column(layer), layer) for layer in SUMMARY_LAYERS)


def _local_ticks(axes, lang: str) -> None:
    formatter = FuncFormatter(lambda value, _: format_number(round(value, 6), lang))
    axes.xaxis.set_major_formatter(formatter)
    axes.yaxis.set_major_formatter(formatter)


def _data_uri(figure) -> str:
    buffer = io.BytesIO()
    figure.savefig(buffer, format="svg", bbox_inches="tight")
    plt.close(figure)
    return "data:image/svg+xml;base64," + base64.b64encode(buffer.getvalue()).decode("ascii")


def _word(name: str, lang: str) -> str:
    return texts(lang).t(f"report.{name}")


def degree_distribution(metrics: pd.DataFrame, *, lang: str = "en") -> str:
    """How many people have 0, 1, 2, … contacts, one line per layer."""
    figure, axes = plt.subplots(figsize=(6.4, 3.6))
    top = int(np.percentile(metrics["degree"], 99)) + 1 if len(metrics) else 1
    bins = np.arange(0, top + 2)
    for (column, layer), colour in zip(LAYERS, PALETTE):
        if layer != "all" and not metrics[column].any():
            continue  # a layer the data does not have (no organisation, one kind of tie): no flat line at 0
        counts, _ = np.histogram(metrics[column].clip(upper=top), bins=bins)
        axes.step(bins[:-1], counts, where="mid", label=_word(layer, lang), color=colour, linewidth=1.4)
    axes.set_xlabel(_word("degree", lang))
    axes.set_ylabel(_word("count_people", lang))
    axes.legend(frameon=False, fontsize=8)
    axes.spines[["top", "right"]].set_visible(False)
    _local_ticks(axes, lang)
    return _data_uri(figure)


def internal_external(metrics: pd.DataFrame, people: pd.DataFrame, *, lang: str = "en") -> str:
    """Each person's internal against external contacts (jittered so equal counts show)."""
    figure, axes = plt.subplots(figsize=(5.2, 4.0))
    rng = np.random.default_rng(0)
    x = metrics["degree_internal"] + rng.uniform(-0.25, 0.25, len(metrics))
    y = metrics["degree_external"] + rng.uniform(-0.25, 0.25, len(metrics))
    leaders = (people["role"] == "leader").reindex(metrics.index).fillna(False).to_numpy() if "role" in people else np.zeros(len(metrics), bool)
    axes.scatter(x[~leaders], y[~leaders], s=6, alpha=0.35, color=PALETTE[4], label=_word("people", lang))
    if leaders.any():
        axes.scatter(x[leaders], y[leaders], s=10, alpha=0.7, color=PALETTE[1], label=value_label("role", "leader", lang))
    axes.set_xlabel(_word("degree_internal", lang))
    axes.set_ylabel(_word("degree_external", lang))
    axes.legend(frameon=False, fontsize=8)
    axes.spines[["top", "right"]].set_visible(False)
    _local_ticks(axes, lang)
    return _data_uri(figure)


def flags_by_group(comparison: pd.DataFrame, attribute: str, *, lang: str = "en") -> str | None:
    """Share of people with each of the main flags per group; suppressed groups are left out."""
    shown = comparison[~comparison["suppressed"]]
    if shown.empty:
        return None
    flags = ("share_thin", "share_no_internal", "share_no_external", "share_no_informal_external", "share_single_bridge")
    figure, axes = plt.subplots(figsize=(6.4, 3.6))
    positions = np.arange(len(shown))
    width = 0.8 / len(flags)
    colours = (SEVERITY_COLOURS["medium"], PALETTE[0], PALETTE[2], SEVERITY_COLOURS["low"], PALETTE[3])
    for i, (flag, colour) in enumerate(zip(flags, colours)):
        axes.bar(positions + i * width, shown[flag] * 100, width, label=flag_name(flag.removeprefix("share_"), lang), color=colour)
    axes.set_xticks(positions + 0.4 - width / 2, [value_label(attribute, value, lang) for value in shown[attribute]])
    axes.set_ylabel("%")
    axes.legend(frameon=False, fontsize=7, ncol=2)
    axes.spines[["top", "right"]].set_visible(False)
    axes.yaxis.set_major_formatter(FuncFormatter(lambda value, _: format_number(round(value, 6), lang)))
    return _data_uri(figure)
