"""The management report: ``DIR/index.html`` and ``DIR/orgnet.xlsx`` with no person in them.

Built only from the aggregates of :mod:`orgnet.privacy.audience` — headline counts, flag counts
by group, the TRs' bagland over all TRs, comparisons — each group under ``k`` suppressed. No
per-person table, no graph (a picture of the network shows individuals even without labels),
no scatter of individuals, no names of organisations, units, relations or groups.
"""

from __future__ import annotations

import secrets
from pathlib import Path

import jinja2
import pandas as pd

from orgnet import __version__
from orgnet.analysis import Analysis
from orgnet.i18n import format_number
from orgnet.i18n import texts as texts_for
from orgnet.io.atomic import replacing
from orgnet.io.excel import write_workbook
from orgnet.pages import environment
from orgnet.privacy import audience
from orgnet.report import charts


def build_management_report(analysis: Analysis, output: Path) -> list[Path]:
    """Write the management report for ``analysis`` (its ``k`` and ``lang``) into ``output``."""
    lang, k = analysis.lang, analysis.k
    audience.check_audience("management", k)
    texts = texts_for(lang)
    output = Path(output)
    output.mkdir(parents=True, exist_ok=True)

    figures = audience.headline(analysis)
    overall = audience.flag_counts(analysis, by=None, k=k)
    by_level = audience.flag_counts(analysis, by="level", k=k) if "level" in analysis.network.people else None
    bagland = audience.bagland_overview(analysis, k=k)
    comparisons = audience.comparisons(analysis, k=k)
    chart_uris = {"degrees": charts.degree_distribution(analysis.metrics, texts, lang=lang)}
    if "level" in comparisons:
        chart_uris["flags"] = charts.flags_by_group(comparisons["level"], "level", texts, lang=lang)

    def number(value, digits=None):
        return format_number(value, lang, digits=digits)

    def share(value):
        return format_number(value, lang, percent=True, digits=1)

    page = _template().render(
        lang=lang, t=texts, nonce=secrets.token_urlsafe(16), version=__version__, k=k,
        note=texts["management_note"].format(k=k), figures=figures, overall=overall.to_dict(orient="records"),
        by_level=None if by_level is None else by_level.to_dict(orient="records"), bagland=bagland,
        comparisons={a: table.to_dict(orient="records") for a, table in comparisons.items()},
        charts=chart_uris, number=number, share=share,
    )
    index = output / "index.html"

    about = pd.DataFrame(
        [("audience", "management"), ("k", k), ("names", "none"), ("note", texts["management_note"].format(k=k)), ("orgnet", __version__)],
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
    workbook = output / "orgnet.xlsx"
    with replacing(index, workbook) as (index_part, workbook_part):
        index_part.write_text(page, encoding="utf-8")
        write_workbook(sheets, workbook_part, neutralise=True, marking=texts["management_note"].format(k=k))
    return [index, workbook]


def _template() -> jinja2.Template:
    return environment().get_template("management.html.j2")
