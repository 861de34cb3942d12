"""``orgnet graph`` and ``orgnet report``: pictures and the report to hand over."""

from __future__ import annotations

from pathlib import Path

import click

from orgnet.cli.options import (
    audience_option,
    config_option,
    data_argument,
    k_option,
    lang_option,
    missing_option,
    open_analysis,
    output_option,
    rules_option,
    selection_note,
    where_option,
)
from orgnet.cli.paths import page_folder, single_file
from orgnet.cli.progress import progress_reporter
from orgnet.errors import OrgnetError, Said
from orgnet.texts import texts
from orgnet.viz.graph import check_graph_path, draw, graph_data


@click.command()
@data_argument
@output_option(single_file, "FILE.html (interactive) or .png/.svg/.pdf (static).", required=True)
@click.option(
    "--color-by", "--colour-by", "colour_by", default=None,
    help="flag, community or any attribute [default: organisation, else unit, role, level, community].",
)
@click.option("--size-by", default="degree", show_default=True, help="A metric: degree, betweenness, …")
@click.option("--layer", default=None, help="Only these ties, e.g. informal+external.")
@click.option("--keep-unconnected", is_flag=True, help="With --layer, also draw the people who have no tie in that layer.")
@where_option("The graph and its figures are those of the ties among them.")
@click.option("--ego", default=None, help="Draw only this person's neighbourhood (an id).")
@click.option("--radius", type=click.IntRange(min=1), default=2, show_default=True, help="Steps around --ego.")
@lang_option
@click.option("--seed", type=int, default=0, show_default=True, help="Seed for the layout.")
@audience_option
@config_option
@missing_option
def graph(data: Path, output: Path, colour_by, size_by: str, layer, keep_unconnected, where, ego, radius: int, lang: str, seed: int, audience, config, missing) -> None:
    """Draw DATA: an interactive, self-contained HTML graph, or a static picture."""
    if audience == "management":
        raise OrgnetError(Said("error.cli.graph_for_management"))
    check_graph_path(output)
    analysis = open_analysis(data, config, where=where, lang=lang, seed=seed, missing=missing)
    with progress_reporter() as analysis.progress:
        whole_network = layer is None and ego is None
        drawing = graph_data(
            analysis.network,
            colour_by=colour_by, size_by=size_by, layer=layer, ego=ego, radius=radius, lang=lang, seed=seed,
            keep_unconnected=keep_unconnected,
            metrics=analysis.metrics if whole_network else None,
            flags=analysis.flags if whole_network else None,
            graph=analysis.graph if whole_network else None,
        )
    path = draw(drawing, output)
    words = texts(lang)
    note = selection_note(analysis)
    if note:
        click.echo(note, err=True)
    if drawing.left_out:
        click.echo(words.t("graph.cli.left_out", n=drawing.left_out, count=drawing.left_out, layer=layer), err=True)
    people = words.t("graph.cli.people", n=len(drawing.nodes), count=len(drawing.nodes))
    ties = words.t("graph.cli.ties", n=len(drawing.edges), count=len(drawing.edges))
    click.echo(words.t("graph.cli.wrote", people=people, ties=ties, path=path))


@click.command()
@data_argument
@output_option(page_folder("index.html", "orgnet.xlsx"), "Folder for index.html and orgnet.xlsx.", required=True)
@lang_option
@k_option("Suppress groups of fewer people in comparisons.")
@where_option("The graph and its figures are those of the ties among them.")
@click.option("--seed", type=int, default=0, show_default=True, help="Seed for communities and the layout.")
@audience_option
@click.option("--groups", "with_groups", is_flag=True, help="Add proposed leader network groups (orgnet groups, default options) and their effect.")
@rules_option
@config_option
@missing_option
def report(data: Path, output: Path, lang: str, k: int, where, seed: int, audience, with_groups: bool, rules, config, missing) -> None:
    """Write a self-contained HTML report (DIR/index.html) and an Excel workbook (DIR/orgnet.xlsx).

    --audience management writes a report with no person in it: figures for groups of at least
    k people, no names, ids, per-person rows, TR table or graph.
    """
    from orgnet.privacy.audience import check_audience
    from orgnet.report import build_report
    from orgnet.report.management import build_management_report

    check_audience(audience, k)
    analysis = open_analysis(data, config, where=where, rules_file=rules, lang=lang, k=k, seed=seed, missing=missing)
    with progress_reporter() as analysis.progress:
        if audience == "management":
            files = build_management_report(analysis, output)
        else:
            files = build_report(analysis, output, source=str(data), groups=_proposed_groups(analysis) if with_groups else None)
    note = selection_note(analysis)
    if note:
        click.echo(note, err=True)
    click.echo(texts(lang).t("cli.wrote.files") + "\n" + "\n".join(f"  {file}" for file in files))


def _proposed_groups(analysis):
    """Leader network groups with default options for the report's section."""
    from orgnet.groups.effect import measure_effect
    from orgnet.groups.proposal import GroupOptions, propose_groups

    people = analysis.network.people
    if "role" not in people.columns or not (people["role"] == "leader").any():
        raise OrgnetError(Said("error.cli.report_no_leaders"))
    leaders = people.index[(people["role"] == "leader").to_numpy()]
    members, summary = propose_groups(analysis, leaders, GroupOptions(seed=analysis.seed))
    return members, measure_effect(analysis, members, leaders), summary


COMMANDS = (graph, report)
