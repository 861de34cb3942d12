"""``orgnet graph`` and ``orgnet report``: pictures and the report to hand over."""

from __future__ import annotations

from pathlib import Path

import click

from orgnet.cli.options import config_option, data_argument, read_data
from orgnet.viz.graph import check_graph_path, draw, graph_data

lang_option = click.option("--lang", type=click.Choice(["en", "da"]), default="en", show_default=True, help="Language of labels and texts.")


@click.command()
@data_argument
@click.option("-o", "--output", type=click.Path(path_type=Path), required=True, help="FILE.html (interactive) or .png/.svg/.pdf (static).")
@click.option("--color-by", "--colour-by", "colour_by", default="organisation", show_default=True, help="organisation, level, role, flag, community, … any attribute.")
@click.option("--size-by", default="degree", show_default=True, help="A metric: degree, betweenness, …")
@click.option("--layer", default=None, help="Only these ties, e.g. informal+external.")
@click.option("--ego", default=None, help="Draw only this person's neighbourhood (an id).")
@click.option("--radius", type=click.IntRange(min=1), default=2, show_default=True, help="Steps around --ego.")
@lang_option
@click.option("--seed", type=int, default=0, show_default=True, help="Seed for the layout.")
@config_option
def graph(data: Path, output: Path, colour_by: str, size_by: str, layer, ego, radius: int, lang: str, seed: int, config) -> None:
    """Draw DATA: an interactive, self-contained HTML graph, or a static picture."""
    check_graph_path(output)
    network = read_data(data, config)
    drawing = graph_data(network, colour_by=colour_by, size_by=size_by, layer=layer, ego=ego, radius=radius, lang=lang, seed=seed)
    path = draw(drawing, output, lang=lang, size_by=size_by)
    click.echo(f"wrote {len(drawing.nodes)} people and {len(drawing.edges)} ties to {path}")



@click.command()
@data_argument
@click.option("-o", "--output", type=click.Path(path_type=Path), required=True, help="Folder for index.html and orgnet.xlsx.")
@lang_option
@click.option("--k", "k", type=int, default=5, show_default=True, help="Suppress groups with fewer people in comparisons (never below 3).")
@click.option("--seed", type=int, default=0, show_default=True, help="Seed for communities and the layout.")
@config_option
def report(data: Path, output: Path, lang: str, k: int, seed: int, config) -> None:
    """Write a self-contained HTML report (DIR/index.html) and an Excel workbook (DIR/orgnet.xlsx)."""
    from orgnet.report import build_report

    network = read_data(data, config)
    files = build_report(network, output, lang=lang, k=k, source=str(data), seed=seed)
    click.echo("wrote:\n" + "\n".join(f"  {file}" for file in files))


COMMANDS = (graph, report)
