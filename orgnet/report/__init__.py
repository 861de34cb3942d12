"""The report to hand over: ``DIR/index.html`` (self-contained, offline) and ``DIR/orgnet.xlsx``.

Every figure comes from the one :class:`~orgnet.analysis.Analysis`; the jinja2 template
``report.html.j2`` (autoescaping on) only places them, in the page frame of :mod:`orgnet.pages`
(banner, footer with audience and k, the A4 print styles), with every word from the catalogue
(``report.*``, ``findings.*``, ``notes.*``). The page opens with the main findings in words
(:mod:`orgnet.report.findings`) and what the data does not hold (:mod:`orgnet.report.notes`);
each section has an ``id`` that the findings link to. Numbers, flag names, attribute names and
known values are written in the report's language (``0,0093`` and ``svagt bagland`` in Danish);
the workbook keeps numbers as numbers, with headers in that language. The interactive graph is
embedded as the ``srcdoc`` of a sandboxed frame, sharing the page's Content-Security-Policy nonce.
"""

from __future__ import annotations

import secrets
from pathlib import Path

import pandas as pd

from orgnet import __version__
from orgnet.analysis import Analysis
from orgnet.groups.page import effect_sheet, members_sheet, report_section
from orgnet.i18n import column_name, flag_name
from orgnet.io.atomic import replacing
from orgnet.io.excel import write_workbook
from orgnet.model import OrgNetwork
from orgnet.pages import environment
from orgnet.report import charts
from orgnet.report.chance import PERMUTATIONS, chance_comparisons, chance_table, sentence
from orgnet.report.findings import COMPARE_BY, main_findings
from orgnet.report.notes import data_notes, notes_title, survey_notes
from orgnet.report.words import attribute_label, value_label
from orgnet.texts import check_lang, texts
from orgnet.viz.graph import graph_data
from orgnet.viz.interactive import render_graph_html

NAMED_ATTRIBUTES = ("role", "level", "gender")  # the attributes whose codes the catalogue names (value.<attribute>.*)
MAX_GRAPH_PEOPLE = 5_000  # larger networks: the report links no graph (draw one with orgnet graph --ego)


def build_report(
    analysis: Analysis | OrgNetwork,
    output: Path,
    *,
    lang: str | None = None,
    k: int | None = None,
    source: str = "",
    seed: int = 0,
    groups: tuple[pd.DataFrame, pd.DataFrame, dict] | None = None,
) -> list[Path]:
    """Write ``index.html`` and ``orgnet.xlsx`` into ``output``; returns the files.

    ``analysis`` is the shared :class:`~orgnet.analysis.Analysis` (its language, k and every
    computed result are used as they are); a plain network is analysed here with ``lang``,
    ``k`` and ``seed``. ``groups`` — (members, effect, summary) from ``orgnet.groups`` —
    adds the section "Proposed network groups" / "Forslag til netværksgrupper".
    """
    if isinstance(analysis, OrgNetwork):
        analysis = Analysis(analysis, lang=lang or "en", k=5 if k is None else k, seed=seed)
    lang, k, seed = analysis.lang, analysis.k, analysis.seed
    check_lang(lang)
    network = analysis.network
    words = texts(lang)
    output = Path(output)
    output.mkdir(parents=True, exist_ok=True)

    metrics, flags, people = analysis.metrics, analysis.flags, analysis.people_table
    tr_table = analysis.bagland.reset_index()
    comparisons = {a: analysis.comparison([a]) for a in COMPARE_BY if a in network.people.columns}
    overview, figures = analysis.overview, analysis.summary

    findings = main_findings(analysis)
    chance = chance_comparisons(analysis, list(comparisons))
    missing_data, survey = data_notes(network, lang), survey_notes(analysis)
    notes = missing_data + survey

    # the embedded graph runs with the page's nonce (a srcdoc frame keeps its parent's policy), so
    # the page is rendered here with the frame's variables rather than by orgnet.pages.render
    nonce = secrets.token_urlsafe(16)
    graph_html = graph_intro = None
    if len(network.people) <= MAX_GRAPH_PEOPLE:
        drawing = graph_data(network, metrics=metrics, flags=flags, lang=lang, seed=seed, title=words.t("report.graph"), graph=analysis.graph)
        graph_html = render_graph_html(drawing, lang=lang, size_note=words.t("report.size_note", metric=words.t("report.degree")), nonce=nonce)
        graph_intro = words.t("report.graph_intro", colour=column_name(drawing.legend_title, lang))

    chart_uris = {"degrees": charts.degree_distribution(metrics, lang=lang)}
    if "organisation" in network.people.columns:  # without it every contact is internal: nothing to plot
        chart_uris["scatter"] = charts.internal_external(metrics, network.people, lang=lang)
    if "level" in comparisons:
        chart_uris["flags"] = charts.flags_by_group(comparisons["level"], "level", lang=lang)

    flag_counts = flags.groupby(["flag", "severity"], sort=False).size().reset_index(name="count")
    page = environment().get_template("report.html.j2").render(
        lang=lang,
        audience="consultant",
        k=k,
        nonce=nonce,
        version=__version__,
        source=source,
        findings=findings,
        notes=[text for _, text in notes],
        notes_title=notes_title(bool(missing_data), bool(survey), lang),
        overview=overview,
        figures=figures,
        flags=[(code, rows.to_dict(orient="records")) for code, rows in flags.groupby("flag", sort=False)],  # most severe first
        flag_counts=flag_counts.to_dict(orient="records"),
        trs=tr_table.assign(flag_names=tr_table["flags"].map(lambda codes: ", ".join(flag_name(c, lang) for c in codes.split(", ") if c))).to_dict(orient="records"),
        comparisons={a: _comparison_rows(table, a, lang) for a, table in comparisons.items()},
        chance={a: [sentence(c, lang) for c in found] for a, found in chance.items()},
        chance_permutations=PERMUTATIONS,
        attributes={a: attribute_label(a, lang) for a in comparisons},
        charts=chart_uris,
        graph_html=graph_html,
        graph_intro=graph_intro,
        groups=report_section(*groups, lang) if groups else None,
    )
    index, workbook = output / "index.html", output / "orgnet.xlsx"
    summary = pd.DataFrame(
        [(key, value) for key, value in {**_flat(overview), **_flat(figures)}.items()], columns=["figure", "value"]
    )
    all_comparisons = pd.concat(
        [table.rename(columns={a: "group"}).assign(by=a) for a, table in comparisons.items()], ignore_index=True
    ) if comparisons else pd.DataFrame()
    findings_table = pd.DataFrame(
        [(f.text, f.count, f.base, f"#{f.anchor}") for f in findings] + [(text, None, None, None) for _, text in notes],
        columns=["sentence", "count", "base", "anchor"],
    )
    sheets = {"findings": findings_table, "people": people, "flags": flags, "bagland": tr_table, "comparisons": all_comparisons, "summary": summary}
    if chance:
        sheets["beyond_chance"] = chance_table(chance)
    if groups:
        sheets.update({"groups": members_sheet(groups[0], lang), "groups_effect": effect_sheet(groups[1], lang)})
    # the page and its workbook are one set: both new, or (if anything fails) both as they were
    with replacing(index, workbook) as (index_part, workbook_part):
        index_part.write_text(page, encoding="utf-8")
        write_workbook({name: _for_reader(table, lang) for name, table in sheets.items()}, workbook_part, neutralise=True, marking=words.t("page.confidential"))
    return [index, workbook]


def _comparison_rows(table: pd.DataFrame, attribute: str, lang: str) -> list[dict]:
    return [{"group": value_label(attribute, record[attribute], lang), **record} for record in table.to_dict(orient="records")]


def _figure_name(key: str, lang: str) -> str:
    """``people_by_role.leader`` → ``personer efter rolle · leder``: each part of a summary key named."""
    head, _, rest = key.partition(".")
    if head == "people_by_role" and rest:
        return f"{column_name(head, lang)} · {value_label('role', rest, lang)}"
    parts = [column_name(head, lang)]
    if rest:
        parts.append("+".join(column_name(part, lang) for part in rest.split("+")))
    return " · ".join(parts)


def _for_reader(table: pd.DataFrame, lang: str) -> pd.DataFrame:
    """A workbook sheet in ``lang``: headers translated, flag codes, severities and the values of
    role, level and gender named (an empty cell stays empty); numbers stay numbers (Excel shows them
    in the reader's own format). English keeps orgnet's codes, as the CSV files do."""
    if lang == "en" or table.empty:
        return table
    table = table.copy()
    for attribute in NAMED_ATTRIBUTES:
        if attribute in table.columns:
            table[attribute] = table[attribute].map(lambda value, a=attribute: value if pd.isna(value) else value_label(a, value, lang))
    if "by" in table.columns and "group" in table.columns:  # the comparisons of every attribute in one sheet
        table["group"] = [value_label(by, group, lang) for by, group in zip(table["by"], table["group"])]
    if "flag" in table.columns:
        table["flag"] = table["flag"].map(lambda code: flag_name(code, lang))
    if "severity" in table.columns:
        table["severity"] = table["severity"].map(lambda code: texts(lang).t(f"severity.{code}") if f"severity.{code}" in texts(lang) else code)
    if "by" in table.columns:
        table["by"] = table["by"].map(lambda a: column_name(a, lang))
    if "figure" in table.columns:
        table["figure"] = table["figure"].map(lambda key: _figure_name(key, lang))
    return table.rename(columns=lambda column: column_name(str(column), lang))


def _flat(mapping: dict, prefix: str = "") -> dict:
    flat = {}
    for key, value in mapping.items():
        if isinstance(value, dict):
            flat.update(_flat(value, f"{prefix}{key}."))
        else:
            flat[f"{prefix}{key}"] = value
    return flat

