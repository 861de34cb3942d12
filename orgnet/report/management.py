"""The management report: ``DIR/index.html`` and ``DIR/orgnet.xlsx`` with no person in them.

Built only from the aggregates of :mod:`orgnet.privacy.audience` — headline counts, flag counts,
the TRs' bagland over all TRs, comparisons — each group under ``k`` suppressed. No per-person
table, no graph (a picture of the network shows individuals even without labels), no scatter of
individuals, no names of organisations, units, relations or groups.

The page opens with the findings in words (:func:`~orgnet.report.findings.management_findings`:
counts over bases of at least ``k`` people, never a person) and what the data does not hold;
the breakdowns are one small table per attribute — a column per group of at least ``k`` people,
a row per figure, the flags as shares of the group — and the groups under ``k`` are one line
("2 groups with fewer than 5 people are not shown"), never a row each.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from orgnet import __version__
from orgnet.analysis import Analysis
from orgnet.flags.listing import share_text
from orgnet.io.atomic import replacing
from orgnet.io.excel import write_workbook
from orgnet.pages import render
from orgnet.privacy import audience
from orgnet.report import _for_reader, charts
from orgnet.report.chance import PERMUTATIONS, chance_comparisons, chance_table, sentence
from orgnet.report.findings import management_findings
from orgnet.report.notes import data_notes, notes_title
from orgnet.report.words import attribute_label, value_label
from orgnet.texts import texts


def build_management_report(analysis: Analysis, output: Path) -> list[Path]:
    """Write the management report for ``analysis`` (its ``k`` and ``lang``) into ``output``."""
    lang, k = analysis.lang, analysis.k
    audience.check_audience("management", k)
    words = texts(lang)
    output = Path(output)
    output.mkdir(parents=True, exist_ok=True)

    figures = audience.headline(analysis)
    overall = audience.flag_counts(analysis, by=None, k=k).sort_values("people", ascending=False, kind="stable")
    by_level = audience.flag_counts(analysis, by="level", k=k) if "level" in analysis.network.people else None
    bagland = audience.bagland_overview(analysis, k=k)
    comparisons = audience.comparisons(analysis, k=k)
    chance = chance_comparisons(analysis, list(comparisons))  # groups of at least k only
    chart_uris = {"degrees": charts.degree_distribution(analysis.metrics, lang=lang)}
    if "level" in comparisons:
        chart_uris["flags"] = charts.flags_by_group(comparisons["level"], "level", lang=lang)
    notes = [text for _, text in data_notes(analysis.network, lang)]

    page = render(
        "management.html.j2", lang=lang, audience="management", k=k,
        findings=management_findings(analysis), notes=notes, notes_title=notes_title(bool(notes), False, lang),
        figures=figures, overall=overall.to_dict(orient="records"), bagland=bagland,
        breakdowns=[breakdown(table, attribute, list(overall["flag"]), k, lang) for attribute, table in comparisons.items()],
        chance={a: [sentence(c, lang) for c in found] for a, found in chance.items()},
        chance_permutations=PERMUTATIONS,
        attributes={a: attribute_label(a, lang) for a in comparisons},
        charts=chart_uris,
    )
    index = output / "index.html"

    about = pd.DataFrame(
        [("audience", "management"), ("k", k), ("names", "none"), ("note", words.t("page.audience.management", k=k)), ("orgnet", __version__)],
        columns=["key", "value"],
    )
    summary = pd.DataFrame([(key, value) for key, value in figures.items() if not isinstance(value, dict)], columns=["figure", "value"])
    sheets = {"about": about, "summary": summary, "flags": overall}
    if by_level is not None:
        sheets["flags_by_level"] = by_level
    if not bagland["suppressed"]:
        sheets["bagland"] = pd.DataFrame(list(bagland.items()), columns=["figure", "value"])
    for attribute, table in comparisons.items():
        sheets[f"by_{attribute}"[:31]] = table
    if chance:
        sheets["beyond_chance"] = chance_table(chance)
    workbook = output / "orgnet.xlsx"
    with replacing(index, workbook) as (index_part, workbook_part):
        index_part.write_text(page, encoding="utf-8")
        write_workbook({name: _for_reader(table, lang) for name, table in sheets.items()}, workbook_part,
                       neutralise=True, marking=words.t("page.audience.management", k=k))
    return [index, workbook]


def breakdown(table: pd.DataFrame, attribute: str, flags: list[str], k: int, lang: str) -> dict:
    """One attribute's comparison as a small table: a column per group of at least ``k`` people
    (labelled), a row per figure (people, median contacts, then each of ``flags`` as a share of
    the group); the suppressed groups counted in one line."""
    shown = table[~table["suppressed"].astype(bool)]
    hidden = int(table["suppressed"].astype(bool).sum())
    words = texts(lang)
    return {
        "attribute": attribute,
        "title": words.t("management.by", attribute=attribute_label(attribute, lang)),
        "groups": [value_label(attribute, value, lang) for value in shown[attribute]],
        "people": shown["n"].tolist(),
        "median": shown["median_degree"].tolist(),
        # a small share keeps one decimal, so that 3 of 877 does not read as none (0,3 %)
        "flags": [(flag, [share_text(value, lang) for value in shown[f"share_{flag}"]]) for flag in flags if f"share_{flag}" in shown],
        "hidden": words.t("management.hidden_groups", n=hidden, k=k) if hidden else None,
    }
