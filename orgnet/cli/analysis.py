"""``orgnet metrics`` and ``orgnet summary``: per-person metrics and network-level figures."""

from __future__ import annotations

import json
from pathlib import Path

import click

from orgnet.cli.options import (
    WHERE_COMPUTES_ON_THEM,
    audience_option,
    chosen_note,
    columns_option,
    config_option,
    data_argument,
    lang_option,
    missing_option,
    output_option,
    raw_option,
    read_treated,
    where_option,
    with_columns,
)
from orgnet.cli.paths import table_file
from orgnet.cli.progress import progress_reporter
from orgnet.errors import OrgnetError, Said
from orgnet.export import check_table_path, jsonable, write_table
from orgnet.i18n import format_number, local
from orgnet.metrics import compute_all, with_person_columns
from orgnet.metrics.network import format_network_summary, summarise
from orgnet.selection import describe_selection, select_people
from orgnet.texts import texts

layer_option = click.option("--layer", default=None, help="Only these ties, e.g. informal+external, formal, advice.")
group_option = click.option("--group-by", default=None, help="Attribute that defines groups for brokerage and E–I [default: organisation].")
seed_option = click.option("--seed", type=int, default=0, show_default=True, help="Seed for sampling and communities.")


def weighting_options(command):
    """--holes, --symmetric, --path-weights, --weighted: which graph the metrics use (docs/metrics.md)."""
    options = (
        click.option("--holes", type=click.Choice(["ego", "whole"]), default=None,
                     help="Burt's structural holes on the directed, valued ties: UCINET's ego-network model or the whole-network model [default: ego]."),
        click.option("--symmetric", is_flag=True, help="Structural holes on the binary symmetrised graph instead (networkx's and orgnet 0.1's values)."),
        click.option("--path-weights", type=click.Choice(["hops", "inverse"]), default="hops", show_default=True,
                     help="Betweenness and closeness: count hops, or make a tie's length 1/strength."),
        click.option("--weighted", is_flag=True, help="Eigenvector and PageRank on tie strengths instead of 0/1."),
    )
    for option in reversed(options):
        command = option(command)
    return command


def _lang() -> str:
    from orgnet.cli import command_lang

    return command_lang(click.get_current_context())


def weighting(holes: str | None, symmetric: bool, path_weights: str, weighted: bool) -> dict:
    """The ``compute_all`` keywords for the weighting options."""
    if symmetric and holes:
        raise click.UsageError(Said("error.cli.symmetric_and_holes").text(_lang()))
    return {"holes": "symmetric" if symmetric else holes or "ego", "path_weights": None if path_weights == "hops" else path_weights, "weighted": weighted}


@click.command()
@data_argument
@output_option(table_file, "File to write: .csv, .xlsx or .json.", required=True)
@layer_option
@group_option
@where_option(WHERE_COMPUTES_ON_THEM)
@click.option("--exact", is_flag=True, help="Exact betweenness and closeness however large the network.")
@click.option("--sample", "sample_size", type=click.IntRange(min=1), default=None, help="Sources to sample for betweenness and closeness.")
@seed_option
@weighting_options
@columns_option
@audience_option
@raw_option
@config_option
@missing_option
@lang_option
def metrics(
    data: Path, output: Path, layer, group_by, where, exact, sample_size, seed, holes, symmetric, path_weights, weighted, columns, audience, raw, config, missing, lang
) -> None:
    """Compute every per-person metric of DATA and write the table to OUTPUT.

    With --where the metrics are those of the subnetwork among the chosen people (a leader's
    betweenness among leaders), and the output's metadata says so.
    """
    if audience == "management":
        raise OrgnetError(Said("error.cli.metrics_for_management"))
    options = weighting(holes, symmetric, path_weights, weighted)
    check_table_path(output)
    whole, treated = read_treated(data, config, missing, lang)
    network = select_people(whole, where)
    with progress_reporter() as progress:
        table = compute_all(
            network, layer=layer, group_by=group_by, exact=True if exact else None, sample_size=sample_size, seed=seed, progress=progress, **options
        )
    if where:
        table.attrs["orgnet"].update(describe_selection(where, len(network.people), len(whole.people)))
        click.echo(chosen_note(len(network.people), len(whole.people), where, lang), err=True)
    table.attrs["orgnet"].update(treated)
    table.attrs["orgnet"].update({"audience": audience, "names": "present" if "name" in network.people.columns else "none"})
    people_table = with_columns(with_person_columns(network, table), network.people, columns)
    written = write_table(people_table, output, metadata=table.attrs["orgnet"], sheet="metrics", raw=raw)
    paths, words = table.attrs["orgnet"]["paths"], texts(lang)
    if paths["method"] != "exact":
        click.echo(
            words.t(
                "cli.metrics.sampled",
                sources=format_number(paths["sources"], lang), people=words.t("count.people", n=paths["people"]), seed=paths["seed"],
                betweenness_error=local(float(f"{paths['betweenness_standard_error_max']:.2g}"), lang),
                closeness_error=local(float(f"{paths['closeness_standard_error_max']:.2g}"), lang),
            ),
            err=True,
        )
    people, measures = words.t("count.people", n=len(table)), words.t("cli.count.metric", n=table.shape[1])
    click.echo(words.t("cli.wrote.metrics", people=people, metrics=measures, files=", ".join(map(str, written))))


@click.command()
@data_argument
@layer_option
@group_option
@where_option(WHERE_COMPUTES_ON_THEM)
@seed_option
@click.option("--json", "as_json", is_flag=True, help="Print the summary as JSON.")
@config_option
@missing_option
@lang_option
def summary(data: Path, layer, group_by, where, seed, as_json, config, missing, lang) -> None:
    """Network-level figures of DATA: density by layer, components, centralisation, E–I …"""
    whole, treated = read_treated(data, config, missing, lang)
    network = select_people(whole, where)
    figures = {**summarise(network, layer=layer, group_by=group_by, seed=seed), **treated}
    if where:
        figures = {**describe_selection(where, len(network.people), len(whole.people)), **figures}
    if as_json:
        click.echo(json.dumps(jsonable(figures), ensure_ascii=False, indent=2))
    else:
        click.echo(format_network_summary(figures, lang))


COMMANDS = (metrics, summary)
