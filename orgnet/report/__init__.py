"""The report to hand over: ``DIR/index.html`` (self-contained, offline) and ``DIR/orgnet.xlsx``.

Every figure is computed here, in Python; the jinja2 template (autoescaping on) only places
them. The interactive graph is embedded as the ``srcdoc`` of a sandboxed frame, sharing the
page's Content-Security-Policy nonce.
"""

from __future__ import annotations

import secrets
from pathlib import Path

import jinja2
import pandas as pd

from orgnet import __version__
from orgnet.analysis import Analysis
from orgnet.i18n import texts as texts_for
from orgnet.io.excel import write_workbook
from orgnet.model import OrgNetwork
from orgnet.report import charts
from orgnet.viz.graph import graph_data
from orgnet.viz.interactive import render_graph_html

COMPARE_BY = ("role", "level", "gender", "employer")
MAX_GRAPH_PEOPLE = 5_000  # larger networks: the report links no graph (draw one with orgnet graph --ego)


def build_report(
    analysis: Analysis | OrgNetwork, output: Path, *, lang: str | None = None, k: int | None = None, source: str = "", seed: int = 0
) -> list[Path]:
    """Write ``index.html`` and ``orgnet.xlsx`` into ``output``; returns the files.

    ``analysis`` is the shared :class:`~orgnet.analysis.Analysis` (its language, k and every
    computed result are used as they are); a plain network is analysed here with ``lang``,
    ``k`` and ``seed``.
    """
    if isinstance(analysis, OrgNetwork):
        analysis = Analysis(analysis, lang=lang or "en", k=5 if k is None else k, seed=seed)
    lang, k, seed = analysis.lang, analysis.k, analysis.seed
    network = analysis.network
    texts = texts_for(lang)
    output = Path(output)
    output.mkdir(parents=True, exist_ok=True)

    metrics, flags, people = analysis.metrics, analysis.flags, analysis.people_table
    tr_table = analysis.bagland.reset_index()
    comparisons = {a: analysis.comparison([a]) for a in COMPARE_BY if a in network.people.columns}
    overview, figures = analysis.overview, analysis.summary

    nonce = secrets.token_urlsafe(16)
    graph_html = None
    if len(network.people) <= MAX_GRAPH_PEOPLE:
        drawing = graph_data(network, metrics=metrics, flags=flags, lang=lang, seed=seed, title=texts["graph"], graph=analysis.graph)
        graph_html = render_graph_html(drawing, lang=lang, size_note=texts["size_note"].format(metric=texts["degree"]), nonce=nonce)

    chart_uris = {
        "degrees": charts.degree_distribution(metrics, texts),
        "scatter": charts.internal_external(metrics, network.people, texts),
    }
    if "level" in comparisons:
        chart_uris["flags"] = charts.flags_by_group(comparisons["level"], "level", texts)

    flag_counts = flags.groupby(["flag", "severity"], sort=False).size().reset_index(name="count")
    page = _template().render(
        lang=lang,
        t=texts,
        nonce=nonce,
        version=__version__,
        source=source,
        overview=overview,
        figures=figures,
        flags=flags.to_dict(orient="records"),
        flag_counts=flag_counts.to_dict(orient="records"),
        trs=tr_table.to_dict(orient="records"),
        comparisons={a: _comparison_rows(table, a) for a, table in comparisons.items()},
        k=k,
        charts=chart_uris,
        graph_html=graph_html,
    )
    index = output / "index.html"
    index.write_text(page, encoding="utf-8")

    workbook = output / "orgnet.xlsx"
    summary = pd.DataFrame(
        [(key, value) for key, value in {**_flat(overview), **_flat(figures)}.items()], columns=["figure", "value"]
    )
    all_comparisons = pd.concat(
        [table.rename(columns={a: "group"}).assign(by=a) for a, table in comparisons.items()], ignore_index=True
    ) if comparisons else pd.DataFrame()
    write_workbook(
        {"people": people, "flags": flags, "bagland": tr_table, "comparisons": all_comparisons, "summary": summary},
        workbook,
        neutralise=True,
    )
    return [index, workbook]


def _comparison_rows(table: pd.DataFrame, attribute: str) -> list[dict]:
    rows = []
    for record in table.to_dict(orient="records"):
        rows.append({"group": record[attribute], **record})
    return rows


def _flat(mapping: dict, prefix: str = "") -> dict:
    flat = {}
    for key, value in mapping.items():
        if isinstance(value, dict):
            flat.update(_flat(value, f"{prefix}{key}."))
        else:
            flat[f"{prefix}{key}"] = value
    return flat


def _template() -> jinja2.Template:
    environment = jinja2.Environment(
        loader=jinja2.PackageLoader("orgnet.report", "templates"), autoescape=jinja2.select_autoescape(["html", "j2"], default=True)
    )
    environment.filters["pct"] = lambda v: "—" if v is None or pd.isna(v) else f"{v:.0%}"
    environment.filters["num"] = lambda v: "—" if v is None or pd.isna(v) else (f"{v:g}" if isinstance(v, float) else str(v))
    environment.filters["fixed"] = lambda v, d=3: "—" if v is None or pd.isna(v) else f"{v:.{d}f}"
    return environment.get_template("report.html.j2")
