"""``orgnet demo``: the whole pipeline on the shipped municipality, and where to look."""

from __future__ import annotations

import json
from pathlib import Path

import click

import orgnet
from orgnet.cli.progress import progress_reporter
from orgnet.export import _plain, write_table
from orgnet.metrics import compute_all, with_person_columns
from orgnet.metrics.network import format_network_summary, summarise
from orgnet.overview import describe, format_summary

SHIPPED = Path(__file__).resolve().parents[2] / "datasets" / "skovbjerg"


@click.command()
@click.option("--data", type=click.Path(path_type=Path), default=SHIPPED, show_default="datasets/skovbjerg", help="Data to run on.")
@click.option("-o", "--output", type=click.Path(path_type=Path), default=Path("out/demo"), show_default=True, help="Folder for the results.")
def demo(data: Path, output: Path) -> None:
    """Run every stage on the shipped synthetic municipality and say where the results are."""
    network = orgnet.read(data)
    summary = describe(network)
    click.echo(f"read {data}\n{format_summary(summary)}")
    output.mkdir(parents=True, exist_ok=True)
    (output / "summary.json").write_text(json.dumps(summary, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    orgnet.write(network, output / "network.xlsx")

    figures = summarise(network)
    click.echo(f"\n{format_network_summary(figures)}")
    (output / "network-summary.json").write_text(json.dumps(_plain(figures), ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    with progress_reporter() as progress:
        table = compute_all(network, progress=progress)
    written = write_table(with_person_columns(network, table), output / "metrics.xlsx", metadata=table.attrs["orgnet"], sheet="metrics")
    top = with_person_columns(network, table).nlargest(5, "betweenness")[["name", "organisation", "betweenness"]]
    click.echo("\nbridges (highest betweenness):\n" + top.to_string(index=False))

    files = [output / "summary.json", output / "network.xlsx", output / "network-summary.json", *written]
    click.echo("\nwrote:\n" + "\n".join(f"  {file}" for file in files))


COMMANDS = (demo,)
