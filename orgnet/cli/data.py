"""``orgnet validate`` and ``orgnet generate``: checking data, and making a test municipality."""

from __future__ import annotations

import json
from pathlib import Path

import click

import orgnet
from orgnet.cli.options import config_option, data_argument, read_data
from orgnet.events.synthetic import write_synthetic_events
from orgnet.generate import generate_municipality
from orgnet.overview import describe, format_summary


@click.command()
@data_argument
@config_option
@click.option("--json", "as_json", is_flag=True, help="Print the summary as JSON.")
def validate(data: Path, config: Path | None, as_json: bool) -> None:
    """Check DATA and summarise it, or list every problem (exit status 1)."""
    summary = describe(read_data(data, config))
    if as_json:
        click.echo(json.dumps(summary, ensure_ascii=False, indent=2))
    else:
        click.echo(f"{data}: valid\n{format_summary(summary)}")


@click.command()
@click.option("-o", "--output", type=click.Path(path_type=Path), required=True, help="Folder (or .xlsx/.graphml/.gexf) to write.")
@click.option("--people", type=click.IntRange(min=50), default=1200, show_default=True, help="About how many people.")
@click.option("--seed", type=int, default=2007, show_default=True, help="Random seed; the same seed gives the same municipality.")
@click.option("--events", type=click.IntRange(min=0), default=0, help="Also write about this many e-mail, meeting and chat events that the ties explain (OUTPUT/events/; people get an email column).")
def generate(output: Path, people: int, seed: int, events: int) -> None:
    """Write a synthetic Danish municipality (fictional people) to OUTPUT."""
    network = generate_municipality(people=people, seed=seed)
    if events:
        network = write_synthetic_events(network, output, events=events, seed=seed)
    orgnet.write(network, output)
    click.echo(f"wrote {len(network.people)} people and {len(network.ties)} ties to {output}")


COMMANDS = (validate, generate)
