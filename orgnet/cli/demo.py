"""``orgnet demo``: the whole pipeline on the shipped municipality, and where to look."""

from __future__ import annotations

import json
from pathlib import Path

import click

import orgnet
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
    click.echo(f"\nwrote {output / 'summary.json'} and {output / 'network.xlsx'}")


COMMANDS = (demo,)
